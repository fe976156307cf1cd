//! Organisations and places named in a project's text, with the role each
//! plays, read from the sentence that names it.

use crate::reference::{Entry, NameMatch, Reference};
use crate::text::{passages, sentence_around, sentences, PassageKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use ingest::{Diagnostic, RawProject, Segment, Span};
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgRole {
    Funder,
    Implementer,
    Partner,
    Mentioned,
}

impl OrgRole {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::Funder => "funder",
            OrgRole::Implementer => "implementer",
            OrgRole::Partner => "partner",
            OrgRole::Mentioned => "mentioned",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceRole {
    Origin,
    Destination,
    Focus,
}

impl PlaceRole {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceRole::Origin => "origin",
            PlaceRole::Destination => "destination",
            PlaceRole::Focus => "focus",
        }
    }
}

/// The sentence a fact was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub line: usize,
    pub sentence: String,
    pub span: Span,
    /// `text` when read from the listing, `override` when set by a user.
    pub origin: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganisationFact {
    /// Canonical name (`European Union`), or the literal name when unknown.
    pub name: String,
    /// Donor code: alpha-3 for a state and its bodies, `EU`, an acronym.
    pub code: String,
    pub kind: String,
    pub role: OrgRole,
    /// The words as printed (`Italian Ministry of Interior`).
    pub mention: String,
    pub known: bool,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceFact {
    pub alpha3: String,
    pub name: String,
    pub region: Option<String>,
    pub subregion: Option<String>,
    pub intermediate: Option<String>,
    pub role: PlaceRole,
    pub mention: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionFact {
    pub region: String,
    pub subregion: Option<String>,
    /// The country code or regional phrase the region comes from.
    pub via: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extracted {
    pub organisations: Vec<OrganisationFact>,
    pub places: Vec<PlaceFact>,
    pub regions: Vec<RegionFact>,
}

/// ILO pages call their donors "development partners".
const FUNDER_LABELS: &[&str] = &[
    "donor",
    "donors",
    "donor partner",
    "funder",
    "funders",
    "funding",
    "funded by",
    "financed by",
    "financing",
    "funding partner",
    "funding partners",
    "funding source",
    "source of funds",
    "development partner",
    "development partners",
];
const IMPLEMENTER_LABELS: &[&str] = &[
    "implemented by",
    "lead agency",
    "implementing organisations",
    "implementing organizations",
    "implementing agency",
    "implementing organisation",
    "implementing organization",
    "implementing partner",
    "implementing partners",
    "executing agency",
];
const PARTNER_LABELS: &[&str] = &["partner", "partners"];

/// Phrases that introduce who pays, implements or partners. The real
/// phrasings that needed them: "supported by the European Union", "financed
/// by the European Commission, with co-funding from the Italian Ministry",
/// "With the financial support of the EU", "co-implemented by the IOM",
/// "in close partnership with the Ministry", "working with the UNHCR".
const CUES: &[(&str, OrgRole)] = &[
    ("supported by", OrgRole::Funder),
    ("financed by", OrgRole::Funder),
    ("funded by", OrgRole::Funder),
    ("sponsored by", OrgRole::Funder),
    ("co-funded by", OrgRole::Funder),
    ("co-financed by", OrgRole::Funder),
    ("cofunded by", OrgRole::Funder),
    ("with the financial support of", OrgRole::Funder),
    ("with financial support from", OrgRole::Funder),
    ("with the financial support from", OrgRole::Funder),
    ("with the support of", OrgRole::Funder),
    ("with support from", OrgRole::Funder),
    ("with the generous support of", OrgRole::Funder),
    ("thanks to the support of", OrgRole::Funder),
    ("with funding from", OrgRole::Funder),
    ("with co-funding from", OrgRole::Funder),
    ("co-funding from", OrgRole::Funder),
    ("funding from", OrgRole::Funder),
    ("financial support from", OrgRole::Funder),
    ("financial contribution from", OrgRole::Funder),
    ("grant from", OrgRole::Funder),
    ("funding provided by", OrgRole::Funder),
    ("financial support provided by", OrgRole::Funder),
    ("with financing from", OrgRole::Funder),
    ("financing from", OrgRole::Funder),
    ("funds from", OrgRole::Funder),
    ("thanks to funding from", OrgRole::Funder),
    ("thanks to the financial support of", OrgRole::Funder),
    ("with the financial assistance of", OrgRole::Funder),
    ("financial assistance from", OrgRole::Funder),
    ("implemented by", OrgRole::Implementer),
    ("co-implemented by", OrgRole::Implementer),
    ("executed by", OrgRole::Implementer),
    ("carried out by", OrgRole::Implementer),
    ("in partnership with", OrgRole::Partner),
    ("in close partnership with", OrgRole::Partner),
    ("working with", OrgRole::Partner),
    ("in cooperation with", OrgRole::Partner),
    ("in close cooperation with", OrgRole::Partner),
    ("in collaboration with", OrgRole::Partner),
    ("in close collaboration with", OrgRole::Partner),
    ("together with", OrgRole::Partner),
    ("jointly with", OrgRole::Partner),
];

/// "a US-funded project", "the EU financed project".
const FUNDED_SUFFIXES: &[&str] = &[
    "-funded",
    " funded",
    "-financed",
    " financed",
    "-supported",
    "-sponsored",
    "-backed",
];

/// Nouns that make a country's name or adjective the name of one of its
/// bodies: "Italian Ministry of Interior", "United Kingdom Border Agency".
const BODY_NOUNS: &[&str] = &[
    "Ministry",
    "Ministries",
    "Department",
    "Agency",
    "Government",
    "Cooperation",
    "Co-operation",
    "Embassy",
    "Office",
    "Service",
    "Services",
    "Administration",
    "Aid",
    "Secretariat",
    "Directorate",
    "Authority",
    "Authorities",
    "Bureau",
    "Federal",
];

const CONNECTORS: &[&str] = &["of", "for", "and", "the", "&", "on", "de", "du", "des"];

fn cue_automaton() -> &'static AhoCorasick {
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    AUTOMATON.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(CUES.iter().map(|(c, _)| c))
            .expect("cue phrases compile")
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum MentionKind {
    Organisation(usize),
    /// A body of a state: `Italian Ministry of Interior`.
    StateBody(usize),
    /// A country or territory by name or demonym.
    Country(usize),
    Region(usize),
    /// A capitalised name after a funder cue that the reference lacks.
    Unknown,
}

impl MentionKind {
    /// Which of two overlapping names stands: a state body over the names
    /// inside it ("United Kingdom Border Agency" is not also the United
    /// Kingdom), a known organisation over a name the reference lacks, and
    /// that name over a country or region inside it ("Friends of Malawi
    /// Trust" is not Malawi).
    fn rank(self) -> u8 {
        match self {
            MentionKind::StateBody(_) => 3,
            MentionKind::Organisation(_) => 2,
            MentionKind::Unknown => 1,
            MentionKind::Country(_) | MentionKind::Region(_) => 0,
        }
    }
}

#[derive(Debug, Clone)]
struct Mention {
    kind: MentionKind,
    start: usize,
    end: usize,
    role: Option<OrgRole>,
}

/// The names of one passage, sorted by start and never overlapping, so the
/// text between two neighbours (`text[list[k - 1].end..list[k].start]`) is
/// always a range. Names are only added through [`Mentions::insert`], which
/// keeps that so: two overlapping names (a funder's name holding a country,
/// a state body holding its state) cannot both stand.
#[derive(Debug, Default)]
struct Mentions {
    list: Vec<Mention>,
}

impl Mentions {
    /// Adds `mention` where it sorts. Where it overlaps names already
    /// there, it replaces them if it outranks each of them
    /// ([`MentionKind::rank`]), and is dropped otherwise. Returns whether it
    /// was added.
    fn insert(&mut self, mention: Mention) -> bool {
        if mention.start >= mention.end {
            return false;
        }
        // Sorted and disjoint, the ends are sorted too: the names it
        // overlaps are the run `first..last`.
        let first = self.list.partition_point(|m| m.end <= mention.start);
        let last = first + self.list[first..].partition_point(|m| m.start < mention.end);
        let rank = mention.kind.rank();
        if self.list[first..last].iter().any(|m| m.kind.rank() >= rank) {
            return false;
        }
        self.list.splice(first..last, [mention]);
        true
    }

    fn len(&self) -> usize {
        self.list.len()
    }

    /// The index of the first name starting at or after `at`.
    fn first_from(&self, at: usize) -> Option<usize> {
        let i = self.list.partition_point(|m| m.start < at);
        (i < self.list.len()).then_some(i)
    }

    /// The text between name `k - 1` and name `k`; `None` for the first.
    fn gap_before<'t>(&self, text: &'t str, k: usize) -> Option<&'t str> {
        let previous = self.list.get(k.checked_sub(1)?)?;
        text.get(previous.end..self.list.get(k)?.start)
    }
}

/// Currency amounts and ILO project codes are not organisations or places:
/// "US$ 500,000", "RAF/10/55/USA".
fn masked_spans(text: &str) -> Vec<(usize, usize)> {
    static CURRENCIES: OnceLock<AhoCorasick> = OnceLock::new();
    let currencies = CURRENCIES.get_or_init(|| {
        AhoCorasick::new(["US$", "USD", "EUR", "CHF", "GBP", "A$", "C$"])
            .expect("currency codes compile")
    });
    // Overlapping matches: every occurrence of every code, in one pass.
    let mut spans: Vec<(usize, usize)> = currencies
        .find_overlapping_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    for word in text.split_whitespace() {
        let slashes = word.matches('/').count();
        if slashes >= 2 && word.chars().any(|c| c.is_ascii_digit()) {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            spans.push((start, start + word.len()));
        }
    }
    spans
}

/// Where the capitalised name starting at `from` ends (connectors such as
/// `of` and `and` may join its words; it ends on a capitalised word).
fn name_run(text: &str, from: usize) -> usize {
    let mut last_good = from;
    let rest = &text[from..];
    let mut offset = 0;
    for (k, word) in rest.split_inclusive(char::is_whitespace).enumerate() {
        let token = word.trim();
        let bare = token.trim_end_matches([',', ';', '.', ':', ')']);
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        if bare.is_empty() || !(capital || (k > 0 && CONNECTORS.contains(&bare))) {
            break;
        }
        let token_start = from + offset + (word.len() - word.trim_start().len());
        if capital {
            last_good = token_start + bare.len();
        }
        offset += word.len();
        if bare.len() != token.len() {
            break;
        }
    }
    last_good
}

fn mentions(reference: &Reference, text: &str) -> Mentions {
    let masked = masked_spans(text);
    let matches: Vec<NameMatch> = reference
        .find(text)
        .into_iter()
        .filter(|m| !masked.iter().any(|&(s, e)| m.start < e && s < m.end))
        .collect();
    let mut out = Mentions::default();
    let starts: Vec<usize> = matches.iter().map(|m| m.start).collect();
    for m in matches {
        let kind = match m.entry {
            Entry::Organisation(i) => MentionKind::Organisation(i),
            Entry::Region(i) => MentionKind::Region(i),
            Entry::Country(i) | Entry::Demonym(i) => {
                // `… Border Agency`, `…, Ministry of Interior` after the name.
                let after = &text[m.end..];
                let gap = if after.starts_with(", ") {
                    2
                } else if after.starts_with(' ') {
                    1
                } else {
                    0
                };
                if gap > 0 {
                    let mut run_end = name_run(text, m.end + gap);
                    // A list goes on after the body: "the Italian Ministry of
                    // Interior and the United Kingdom Border Agency" is two.
                    if let Some(&next) = starts.iter().find(|&&s| s > m.end && s < run_end) {
                        let head = text[..next].trim_end();
                        let head = head.strip_suffix(" the").unwrap_or(head);
                        let head = head.trim_end().strip_suffix(" and").unwrap_or(head);
                        run_end = head.trim_end_matches([',', ' ']).len();
                    }
                    let body = run_end > m.end + gap
                        && text[m.end + gap..run_end]
                            .split_whitespace()
                            .any(|w| BODY_NOUNS.contains(&w.trim_end_matches([',', ';', '.'])));
                    let comma_needs_body_first =
                        gap == 2 && !BODY_NOUNS.iter().any(|b| text[m.end + 2..].starts_with(b));
                    if body && run_end > m.end + gap && !comma_needs_body_first {
                        out.insert(Mention {
                            kind: MentionKind::StateBody(i),
                            start: m.start,
                            end: run_end,
                            role: None,
                        });
                        continue;
                    }
                }
                // `Ministry of Labour of Jordan`, `Government of Japan`.
                if let Some(start) = body_before(text, m.start) {
                    out.insert(Mention {
                        kind: MentionKind::StateBody(i),
                        start,
                        end: m.end,
                        role: None,
                    });
                    continue;
                }
                MentionKind::Country(i)
            }
        };
        // A state body spans names matched inside it: "Ministry of Public
        // Security of the People's Republic of China" is one body, and
        // "United Kingdom Border Agency" is not also the United Kingdom
        // (`insert` keeps the body).
        out.insert(Mention {
            kind,
            start: m.start,
            end: m.end,
            role: None,
        });
    }
    out
}

/// Start of `Ministry … of (the)` right before `at`, if a body noun leads it.
fn body_before(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].trim_end();
    let before = before
        .strip_suffix(" the")
        .or_else(|| before.strip_suffix(" The"))
        .unwrap_or(before);
    let before = before.strip_suffix(" of")?;
    let words: Vec<&str> = before.split(' ').collect();
    let mut start = None;
    let mut offset = before.len();
    for word in words.iter().rev() {
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if !(capital || CONNECTORS.contains(word)) || word.ends_with([',', ';', '.']) {
            break;
        }
        offset -= word.len();
        if BODY_NOUNS.contains(word) {
            start = Some(offset);
        }
        offset = offset.saturating_sub(1);
    }
    start
}

/// Only list glue between two names: `, `, `and`, `the`, `&`.
fn is_list_gap(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || matches!(c, ',' | '&' | ';' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "and" | "the" | "as" | "well" | "also" | "its" | "with" | "co-funding" | "from"
            )
        })
}

fn assign_cue_roles(
    text: &str,
    bounds: &[(usize, usize)],
    mentions: &mut Mentions,
    is_title: bool,
) {
    for cue in cue_automaton().find_iter(text) {
        let inside_a_word = text[..cue.start()].ends_with(char::is_alphanumeric)
            || text[cue.end()..].starts_with(char::is_alphanumeric);
        if inside_a_word {
            continue;
        }
        let role = CUES[cue.pattern().as_usize()].1;
        let sentence_start = bounds
            .iter()
            .find(|&&(s, e)| s <= cue.start() && cue.start() < e)
            .map_or(0, |&(s, _)| s);
        let introductory = text[sentence_start..cue.start()].trim().is_empty();
        let mut previous_end = cue.end();
        let mut first = true;
        let mut index = mentions.first_from(cue.end());
        // A capitalised name the reference does not know, right after the cue.
        if role == OrgRole::Funder {
            let lead = &text[cue.end()..];
            let skip = lead.len() - lead.trim_start().len();
            let lead_trimmed = lead.trim_start();
            let skip = skip
                + if lead_trimmed.starts_with("the ") {
                    4
                } else {
                    0
                };
            let name_start = cue.end() + skip;
            let known_here = index.is_some_and(|i| mentions.list[i].start == name_start);
            if !known_here && !is_title {
                let name_end = name_run(text, name_start);
                let long_enough = text
                    .get(name_start..name_end)
                    .is_some_and(|name| name.split_whitespace().count() >= 2);
                if long_enough
                    && mentions.insert(Mention {
                        kind: MentionKind::Unknown,
                        start: name_start,
                        end: name_end,
                        role: Some(OrgRole::Funder),
                    })
                {
                    index = mentions.first_from(name_end);
                    previous_end = name_end;
                    first = false;
                }
            }
        }
        while let Some(i) = index {
            let mention = &mentions.list[i];
            let Some(gap) = text.get(previous_end..mention.start) else {
                break;
            };
            if !is_list_gap(gap) || (introductory && !first && gap.contains(',')) {
                break;
            }
            if !matches!(mention.kind, MentionKind::Region(_)) {
                let current = mentions.list[i].role;
                if current.is_none_or(|r| role < r) {
                    mentions.list[i].role = Some(role);
                }
            }
            previous_end = mentions.list[i].end;
            first = false;
            index = (i + 1 < mentions.len()).then_some(i + 1);
        }
    }
}

fn assign_suffix_and_slash_roles(text: &str, mentions: &mut Mentions, is_title: bool) {
    let mentions = &mut mentions.list;
    for i in 0..mentions.len() {
        let after = &text[mentions[i].end..];
        if matches!(mentions[i].kind, MentionKind::Region(_)) {
            continue;
        }
        if let Some(suffix) = FUNDED_SUFFIXES.iter().find(|s| after.starts_with(**s)) {
            // "the EU financed project “Building Migration Partnerships”"
            // names another project's funder.
            let rest = after[suffix.len()..].trim_start();
            let names_other_project = rest
                .strip_prefix("project")
                .map(str::trim_start)
                .is_some_and(|r| r.starts_with(['“', '"', '‘', '\'']));
            if !names_other_project {
                mentions[i].role = Some(OrgRole::Funder);
            }
        }
        // "ILO/Japan Cross-border Movement of Labour Project"
        if is_title && after.starts_with('/') && i + 1 < mentions.len() {
            if let (MentionKind::Organisation(_), MentionKind::Country(_)) =
                (mentions[i].kind, mentions[i + 1].kind)
            {
                if mentions[i + 1].start == mentions[i].end + 1 {
                    mentions[i + 1].role = Some(OrgRole::Funder);
                }
            }
        }
    }
}

fn place_role(text: &str, mentions: &Mentions, i: usize) -> PlaceRole {
    // Walk back over a list of places to the word that introduces it.
    let mut k = i;
    loop {
        let start = mentions.list[k].start;
        let before = text.get(..start).unwrap_or("").trim_end();
        let last_word = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_lowercase();
        match last_word.as_str() {
            "from" => return PlaceRole::Origin,
            "to" | "towards" | "into" => return PlaceRole::Destination,
            _ => {}
        }
        if !mentions.gap_before(text, k).is_some_and(is_list_gap) {
            return PlaceRole::Focus;
        }
        if !matches!(mentions.list[k - 1].kind, MentionKind::Country(_)) {
            return PlaceRole::Focus;
        }
        k -= 1;
    }
}

fn push_place(
    out: &mut Extracted,
    country: &crate::reference::Country,
    role: PlaceRole,
    mention: String,
    evidence: Evidence,
) {
    if let Some(region) = &country.region {
        out.regions.push(RegionFact {
            region: region.clone(),
            subregion: country.subregion.clone(),
            via: country.alpha3.clone(),
            evidence: evidence.clone(),
        });
    }
    out.places.push(PlaceFact {
        alpha3: country.alpha3.clone(),
        name: country.name.clone(),
        region: country.region.clone(),
        subregion: country.subregion.clone(),
        intermediate: country.intermediate.clone(),
        role,
        mention,
        evidence,
    });
}

/// Reads every organisation, place and region a project names.
pub fn extract(
    reference: &Reference,
    project: &RawProject,
    diagnostics: &mut Vec<Diagnostic>,
) -> Extracted {
    let mut out = Extracted::default();
    for passage in passages(project) {
        let segment: &Segment = passage.segment;
        let text = segment.text.as_str();
        let mut found = mentions(reference, text);
        let bounds = sentences(text);
        let is_title = passage.kind == PassageKind::Title;
        let field_role = match &passage.kind {
            PassageKind::Field(label) if FUNDER_LABELS.contains(&label.as_str()) => {
                Some(OrgRole::Funder)
            }
            PassageKind::Field(label) if IMPLEMENTER_LABELS.contains(&label.as_str()) => {
                Some(OrgRole::Implementer)
            }
            PassageKind::Field(label) if PARTNER_LABELS.contains(&label.as_str()) => {
                Some(OrgRole::Partner)
            }
            _ => None,
        };
        if let Some(role) = field_role {
            for mention in found.list.iter_mut() {
                if !matches!(mention.kind, MentionKind::Region(_)) {
                    mention.role = Some(role);
                }
            }
            if role == OrgRole::Funder {
                // Each `;`-separated donor that names nothing known is kept
                // under its literal name.
                let mut from = 0;
                for part in text.split(';') {
                    let (start, end) = (from, from + part.len());
                    from = end + 1;
                    let covered = found.list.iter().any(|m| m.start >= start && m.end <= end);
                    let literal = part.trim().trim_end_matches(['.', ',']);
                    if !covered && literal.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                        let lead = part.len() - part.trim_start().len();
                        found.insert(Mention {
                            kind: MentionKind::Unknown,
                            start: start + lead,
                            end: start + lead + literal.len(),
                            role: Some(OrgRole::Funder),
                        });
                    }
                }
            }
        } else {
            assign_cue_roles(text, &bounds, &mut found, is_title);
            assign_suffix_and_slash_roles(text, &mut found, is_title);
        }
        for (i, mention) in found.list.iter().enumerate() {
            let (sentence, span) = sentence_around(segment, &bounds, mention.start, mention.end);
            let evidence = Evidence {
                line: segment.line,
                sentence,
                span,
                origin: "text",
            };
            let printed = text
                .get(mention.start..mention.end)
                .unwrap_or_default()
                .to_string();
            let role = mention.role.unwrap_or(OrgRole::Mentioned);
            // A state named as a funder ("Donor: United States",
            // "ILO/Japan") is the state's government, not a place.
            let kind = match mention.kind {
                MentionKind::Country(c) if role == OrgRole::Funder => MentionKind::StateBody(c),
                kind => kind,
            };
            match kind {
                MentionKind::Organisation(o) => {
                    let org = &reference.organisations[o];
                    out.organisations.push(OrganisationFact {
                        name: org.name.clone(),
                        code: org.code.clone(),
                        kind: org.kind.clone(),
                        role,
                        mention: printed,
                        known: true,
                        evidence,
                    });
                }
                MentionKind::StateBody(c) => {
                    let country = &reference.countries[c];
                    // A country named inside a partner's or implementer's
                    // name ("State Migration Service of Azerbaijan") is
                    // still a country the project works with; inside a
                    // funder's name it is only who pays.
                    if role != OrgRole::Funder {
                        push_place(
                            &mut out,
                            country,
                            PlaceRole::Focus,
                            printed.clone(),
                            evidence.clone(),
                        );
                    }
                    out.organisations.push(OrganisationFact {
                        name: country.government_name(),
                        code: country.alpha3.clone(),
                        kind: "government".into(),
                        role,
                        mention: printed,
                        known: true,
                        evidence,
                    });
                }
                MentionKind::Unknown => {
                    diagnostics.push(Diagnostic::warning(
                        &project.source,
                        segment.line,
                        text[..mention.start].chars().count() + 1,
                        format!("funder `{printed}` is not in data/reference/organisations.csv: kept under its literal name"),
                    ));
                    out.organisations.push(OrganisationFact {
                        name: printed.clone(),
                        code: printed.clone(),
                        kind: "unknown".into(),
                        role,
                        mention: printed,
                        known: false,
                        evidence,
                    });
                }
                MentionKind::Country(c) => {
                    let role = place_role(text, &found, i);
                    push_place(&mut out, &reference.countries[c], role, printed, evidence);
                }
                MentionKind::Region(r) => {
                    let phrase = &reference.regions[r];
                    for region in &phrase.regions {
                        out.regions.push(RegionFact {
                            region: region.clone(),
                            subregion: phrase.subregion.clone(),
                            via: phrase.phrase.clone(),
                            evidence: evidence.clone(),
                        });
                    }
                }
            }
        }
    }
    out
}
