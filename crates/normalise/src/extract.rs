//! Organisations and places named in a project's text, with the role each
//! plays, read from the sentence that names it.
//!
//! A passage (a title line, a field, a line of description) is read in
//! three steps.
//!
//! 1. Names: every name the reference knows, and the bodies of states built
//!    around a country or demonym ("Italian Ministry of Interior", "Ministry
//!    of Labour of Jordan", "Ministry for Foreign Affairs Finland", "Federal
//!    Ministry of Labour (Germany)"). They form a [`Mentions`] list, sorted
//!    and never overlapping, so the words between two names can always be
//!    read.
//! 2. Roles: a donor field is a list of donors; in prose a cue phrase
//!    ("funded by", "with the financial support of", "Funding … was
//!    provided by") gives its role to the list of names after it, a name
//!    pays as the subject of a paying verb ("Norway contributes EUR 2
//!    million"), as the owner of a programme or of funding ("the European
//!    Union's Thematic Programme"), in an adjective ("a US Government-funded
//!    project") or in a title ("ILO/Japan", "… - Government of Japan").
//!    Where a donor's name is expected, a name the reference lacks is kept
//!    if it looks like a name.
//! 3. Facts: a state named as a funder, or by one of its bodies in a
//!    project it funds, is not a place the project works in.
use crate::money::{read_amounts, AmountFact};
use crate::reference::{Entry, NameMatch, Reference};
use crate::text::{
    is_one_of, passages, section_passage, sentences, CitedSentences, Passage, PassageKind,
};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use ingest::labels::{self, Meaning};
use ingest::{Diagnostic, RawProject, Segment, Span};
use serde::Serialize;
use std::borrow::Cow;
use std::sync::Arc;
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
    /// The line the sentence starts on.
    pub line: usize,
    /// Shared by the facts of one sentence. A sentence wrapped over lines
    /// is one, each line break read as a space.
    pub sentence: Arc<str>,
    pub span: Span,
    /// `text` when read from the listing, `override` when set by a user.
    pub origin: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganisationFact {
    /// Canonical name (`European Union`), or the literal name when unknown.
    pub name: Cow<'static, str>,
    /// Donor code: alpha-3 for a state and its bodies, `EU`, an acronym.
    pub code: Cow<'static, str>,
    pub kind: &'static str,
    pub role: OrgRole,
    /// The words as printed (`Italian Ministry of Interior`).
    pub mention: String,
    pub known: bool,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceFact {
    pub alpha3: &'static str,
    pub name: &'static str,
    pub region: Option<&'static str>,
    pub subregion: Option<&'static str>,
    pub intermediate: Option<&'static str>,
    pub role: PlaceRole,
    pub mention: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionFact {
    pub region: Cow<'static, str>,
    pub subregion: Option<&'static str>,
    /// The country code or regional phrase the region comes from
    /// (`override` where a user's correction set it).
    pub via: &'static str,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extracted {
    pub organisations: Vec<OrganisationFact>,
    pub places: Vec<PlaceFact>,
    pub regions: Vec<RegionFact>,
    /// Amounts of money, read once the funders are known (`money.rs`).
    pub amounts: Vec<AmountFact>,
}

/// What a cue phrase says of the names listed after it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    Role(OrgRole),
    /// A funder only where the sentence spoke of money before it: "Funding
    /// for this phase was provided by the Norwegian Agency …", but not
    /// "Training was provided by the ILO".
    FunderIfMoney,
    /// A funder only where a name the reference knows follows right after
    /// it: "… in Bangladesh” funded FAO/GoB/EU/USAID (2011-13)", as some
    /// write it without "by", but not "funded projects" or "funded
    /// Partners in Health".
    FunderIfKnownNameFollows,
}

const FUNDER: Cue = Cue::Role(OrgRole::Funder);

/// Phrases that introduce who pays, implements or partners. The real
/// phrasings that needed them: "supported by the European Union", "financed
/// by the European Commission, with co-funding from the Italian Ministry",
/// "With the financial support of the EU", "through the support of the
/// Department for International Development", "Thanks to a contribution
/// from the EU", "co-implemented by the IOM", "in close partnership with the
/// Ministry", "working with the UNHCR".
const CUES: &[(&str, Cue)] = &[
    ("supported by", FUNDER),
    ("financed by", FUNDER),
    ("funded by", FUNDER),
    ("funded", Cue::FunderIfKnownNameFollows),
    ("sponsored by", FUNDER),
    ("co-sponsored by", FUNDER),
    ("co-funded by", FUNDER),
    ("co-financed by", FUNDER),
    ("cofunded by", FUNDER),
    ("cofinanced by", FUNDER),
    ("funded with", FUNDER),
    ("financed with", FUNDER),
    ("financially supported by", FUNDER),
    ("supported financially by", FUNDER),
    ("paid for by", FUNDER),
    ("made possible by", FUNDER),
    ("with the financial support of", FUNDER),
    ("with financial support from", FUNDER),
    ("with the financial support from", FUNDER),
    ("through the financial support of", FUNDER),
    ("with the support of", FUNDER),
    ("through the support of", FUNDER),
    ("with support from", FUNDER),
    ("with the generous support of", FUNDER),
    ("thanks to the support of", FUNDER),
    ("thanks to the generous support of", FUNDER),
    ("with funding from", FUNDER),
    ("with funding of", FUNDER),
    ("with the funding of", FUNDER),
    ("through funding from", FUNDER),
    ("with co-funding from", FUNDER),
    ("co-funding from", FUNDER),
    ("co-financing from", FUNDER),
    ("funding from", FUNDER),
    ("financial support from", FUNDER),
    ("financial contribution from", FUNDER),
    ("financial contribution of", FUNDER),
    ("contribution from", FUNDER),
    ("contributions from", FUNDER),
    ("donation from", FUNDER),
    ("donations from", FUNDER),
    ("grant from", FUNDER),
    ("grants from", FUNDER),
    ("funding provided by", FUNDER),
    ("financial support provided by", FUNDER),
    ("with financing from", FUNDER),
    ("financing from", FUNDER),
    ("funds from", FUNDER),
    ("thanks to funding from", FUNDER),
    ("thanks to the financial support of", FUNDER),
    ("with the financial assistance of", FUNDER),
    ("financial assistance from", FUNDER),
    ("provided by", Cue::FunderIfMoney),
    ("granted by", Cue::FunderIfMoney),
    ("given by", Cue::FunderIfMoney),
    ("made available by", Cue::FunderIfMoney),
    ("contributed by", Cue::FunderIfMoney),
    ("donated by", Cue::FunderIfMoney),
    ("came from", Cue::FunderIfMoney),
    ("comes from", Cue::FunderIfMoney),
    ("implemented by", Cue::Role(OrgRole::Implementer)),
    ("co-implemented by", Cue::Role(OrgRole::Implementer)),
    ("executed by", Cue::Role(OrgRole::Implementer)),
    ("carried out by", Cue::Role(OrgRole::Implementer)),
    ("in partnership with", Cue::Role(OrgRole::Partner)),
    ("in close partnership with", Cue::Role(OrgRole::Partner)),
    ("working with", Cue::Role(OrgRole::Partner)),
    ("in cooperation with", Cue::Role(OrgRole::Partner)),
    ("in close cooperation with", Cue::Role(OrgRole::Partner)),
    ("in collaboration with", Cue::Role(OrgRole::Partner)),
    ("in close collaboration with", Cue::Role(OrgRole::Partner)),
    ("together with", Cue::Role(OrgRole::Partner)),
    ("jointly with", Cue::Role(OrgRole::Partner)),
    // The same cues in French, Spanish, Portuguese, German and Italian, in
    // each gender and number. After a funder's cue the preposition, alone
    // or joined with an article ("par l'", "pela", "dall'", "del"), is a
    // lead-in word; the other cues end in theirs, since only a funder's
    // lead-in words are more than list glue.
    ("financé", FUNDER),
    ("financée", FUNDER),
    ("financés", FUNDER),
    ("financées", FUNDER),
    ("cofinancé", FUNDER),
    ("cofinancée", FUNDER),
    ("co-financé", FUNDER),
    ("co-financée", FUNDER),
    ("soutenu par", FUNDER),
    ("soutenue par", FUNDER),
    ("soutenus par", FUNDER),
    ("avec le soutien", FUNDER),
    ("avec le soutien financier", FUNDER),
    ("avec l'appui", FUNDER),
    ("avec l’appui", FUNDER),
    ("avec l'appui financier", FUNDER),
    ("avec l’appui financier", FUNDER),
    ("avec le financement", FUNDER),
    ("avec un financement", FUNDER),
    ("grâce au soutien", FUNDER),
    ("grâce au financement", FUNDER),
    ("grâce à l'appui", FUNDER),
    ("grâce à l’appui", FUNDER),
    ("sur financement", FUNDER),
    ("financiado", FUNDER),
    ("financiada", FUNDER),
    ("financiados", FUNDER),
    ("financiadas", FUNDER),
    ("cofinanciado", FUNDER),
    ("cofinanciada", FUNDER),
    ("apoyado por", FUNDER),
    ("apoyada por", FUNDER),
    ("con el apoyo", FUNDER),
    ("con el apoyo financiero", FUNDER),
    ("con apoyo", FUNDER),
    ("con el financiamiento", FUNDER),
    ("con financiamiento", FUNDER),
    ("con la financiación", FUNDER),
    ("con financiación", FUNDER),
    ("gracias al apoyo", FUNDER),
    ("gracias al financiamiento", FUNDER),
    ("apoiado", FUNDER),
    ("apoiada", FUNDER),
    ("com o apoio", FUNDER),
    ("com o apoio financeiro", FUNDER),
    ("com financiamento", FUNDER),
    ("com o financiamento", FUNDER),
    ("finanziert von", FUNDER),
    ("finanziert durch", FUNDER),
    ("kofinanziert von", FUNDER),
    ("gefördert von", FUNDER),
    ("gefördert durch", FUNDER),
    ("unterstützt von", FUNDER),
    ("unterstützt durch", FUNDER),
    ("mit Unterstützung", FUNDER),
    ("mit finanzieller Unterstützung", FUNDER),
    ("mit Mitteln", FUNDER),
    ("im Auftrag", FUNDER),
    ("finanziato", FUNDER),
    ("finanziata", FUNDER),
    ("finanziati", FUNDER),
    ("cofinanziato", FUNDER),
    ("cofinanziata", FUNDER),
    ("sostenuto", FUNDER),
    ("sostenuta", FUNDER),
    ("con il sostegno", FUNDER),
    ("con il contributo", FUNDER),
    ("con il finanziamento", FUNDER),
    ("gefinancierd door", FUNDER),
    ("gefinancierd door de", FUNDER),
    ("gefinancierd door het", FUNDER),
    ("medegefinancierd door", FUNDER),
    ("met steun van", FUNDER),
    ("met steun van de", FUNDER),
    ("met financiering van", FUNDER),
    ("met financiering van de", FUNDER),
    ("dankzij de steun van", FUNDER),
    ("dankzij de financiering van", FUNDER),
    ("grazie al contributo", FUNDER),
    ("grazie al sostegno", FUNDER),
    ("grazie al finanziamento", FUNDER),
    // "(financiamento PNUD)", "(financement AFD)": the noun before a
    // payer the reference knows.
    ("financiamento", Cue::FunderIfKnownNameFollows),
    ("financement", Cue::FunderIfKnownNameFollows),
    ("financiación", Cue::FunderIfKnownNameFollows),
    ("financiamiento", Cue::FunderIfKnownNameFollows),
    ("mis en œuvre par", Cue::Role(OrgRole::Implementer)),
    ("mise en œuvre par", Cue::Role(OrgRole::Implementer)),
    ("mis en oeuvre par", Cue::Role(OrgRole::Implementer)),
    ("mise en oeuvre par", Cue::Role(OrgRole::Implementer)),
    ("exécuté par", Cue::Role(OrgRole::Implementer)),
    ("exécutée par", Cue::Role(OrgRole::Implementer)),
    ("ejecutado por", Cue::Role(OrgRole::Implementer)),
    ("ejecutada por", Cue::Role(OrgRole::Implementer)),
    ("implementado por", Cue::Role(OrgRole::Implementer)),
    ("implementada por", Cue::Role(OrgRole::Implementer)),
    ("implementado pela", Cue::Role(OrgRole::Implementer)),
    ("implementado pelo", Cue::Role(OrgRole::Implementer)),
    ("implementada pela", Cue::Role(OrgRole::Implementer)),
    ("implementada pelo", Cue::Role(OrgRole::Implementer)),
    ("executado pela", Cue::Role(OrgRole::Implementer)),
    ("executado pelo", Cue::Role(OrgRole::Implementer)),
    ("executada pela", Cue::Role(OrgRole::Implementer)),
    ("executada pelo", Cue::Role(OrgRole::Implementer)),
    ("umgesetzt von", Cue::Role(OrgRole::Implementer)),
    ("uitgevoerd door", Cue::Role(OrgRole::Implementer)),
    ("uitgevoerd door de", Cue::Role(OrgRole::Implementer)),
    ("umgesetzt durch", Cue::Role(OrgRole::Implementer)),
    ("durchgeführt von", Cue::Role(OrgRole::Implementer)),
    ("durchgeführt durch", Cue::Role(OrgRole::Implementer)),
    ("realizzato da", Cue::Role(OrgRole::Implementer)),
    ("realizzato dal", Cue::Role(OrgRole::Implementer)),
    ("realizzato dalla", Cue::Role(OrgRole::Implementer)),
    ("realizzata da", Cue::Role(OrgRole::Implementer)),
    ("realizzata dal", Cue::Role(OrgRole::Implementer)),
    ("realizzata dalla", Cue::Role(OrgRole::Implementer)),
    ("attuato da", Cue::Role(OrgRole::Implementer)),
    ("attuato dal", Cue::Role(OrgRole::Implementer)),
    ("attuato dalla", Cue::Role(OrgRole::Implementer)),
    ("en partenariat avec", Cue::Role(OrgRole::Partner)),
    ("en collaboration avec", Cue::Role(OrgRole::Partner)),
    ("en coopération avec", Cue::Role(OrgRole::Partner)),
    ("en colaboración con", Cue::Role(OrgRole::Partner)),
    ("en cooperación con", Cue::Role(OrgRole::Partner)),
    ("en alianza con", Cue::Role(OrgRole::Partner)),
    ("em parceria com", Cue::Role(OrgRole::Partner)),
    ("em colaboração com", Cue::Role(OrgRole::Partner)),
    ("em cooperação com", Cue::Role(OrgRole::Partner)),
    ("in Zusammenarbeit mit", Cue::Role(OrgRole::Partner)),
    ("in samenwerking met", Cue::Role(OrgRole::Partner)),
    ("in Partnerschaft mit", Cue::Role(OrgRole::Partner)),
    ("in collaborazione con", Cue::Role(OrgRole::Partner)),
    ("in partenariato con", Cue::Role(OrgRole::Partner)),
];

/// "a US-funded project", "the EU financed project", "a US
/// Government-funded project".
const FUNDED_SUFFIXES: &[&str] = &[
    "-funded",
    " funded",
    "-financed",
    " financed",
    "-supported",
    "-sponsored",
    "-backed",
];

/// German participles of paying, after their agent: "von der EU
/// gefördert", "durch Norwegen finanziert".
const GERMAN_PAYING_PARTICIPLES: &[&str] = &[
    "gefördert",
    "finanziert",
    "kofinanziert",
    "mitfinanziert",
    "unterstützt",
    "getragen",
];

/// What opens a German passive's agent: "von", "vom", "durch" and their
/// articles.
const GERMAN_AGENT_WORDS: &[&str] = &[
    "von der ",
    "von den ",
    "von dem ",
    "von ",
    "vom ",
    "durch die ",
    "durch den ",
    "durch das ",
    "durch ",
];

/// The end of ` in Town` right after `end`: one to three capitalised
/// words after `in` (where a body sits), ending the name's phrase.
fn town_after(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?.strip_prefix(" in ")?;
    let start = end + " in ".len();
    let mut town_end = None;
    let mut offset = 0;
    for word in rest.split_inclusive(char::is_whitespace).take(3) {
        let bare = word.trim_end().trim_end_matches([',', ';', '.', ')']);
        if !capitalised(bare) || !bare.chars().all(|c| c.is_alphabetic() || c == '-') {
            break;
        }
        town_end = Some(start + offset + bare.len());
        if bare.len() < word.trim_end().len() {
            break;
        }
        offset += word.len();
    }
    town_end
}

/// Money nouns that, after a name, say what that body pays: before a
/// colon as a label ("AfDB Loan: USD 20 million", "IFAD grant: USD 0.5
/// million") or right after it ([`names_its_payment`]).
const PAYING_LABEL_NOUNS: &[&str] = &[
    "loan",
    "loans",
    "grant",
    "grants",
    "contribution",
    "contributions",
    "funding",
    "financing",
    "co-financing",
    "funds",
];

/// Whether the words after a name are a label of what it pays: one or two
/// words before a colon, the last a money noun ("AfDB Loan:", "IFAD
/// grant:").
fn labels_its_payment(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let Some(colon) = rest.find(':') else {
        return false;
    };
    let words: Vec<&str> = rest[..colon].split_whitespace().collect();
    (1..=2).contains(&words.len())
        && words
            .last()
            .is_some_and(|w| is_one_of(PAYING_LABEL_NOUNS, w))
}

/// Whether `after`, the text right after a name, opens on one of
/// [`PAYING_LABEL_NOUNS`] as a whole word: the name qualifies its money
/// ("an Irish Aid grant", "with EU funding", "the AfDB loan").
fn names_its_payment(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word_end = rest
        .find(|c: char| !c.is_alphabetic() && c != '-')
        .unwrap_or(rest.len());
    is_one_of(PAYING_LABEL_NOUNS, &rest[..word_end])
}

/// Nouns that make a country's name or adjective the name of one of its
/// bodies: "Italian Ministry of Interior", "United Kingdom Border Agency",
/// "Embassy of Japan", "Federal Ministry of Labour (Germany)", "Royal
/// Norwegian Embassy"; a state's fund is the state (convention 10: "Japan
/// Fund for Poverty Reduction").
const BODY_NOUNS: &[&str] = &[
    "Ministry",
    "Royal",
    "Fund",
    "Funds",
    "Ministries",
    "Department",
    "Agency",
    "Government",
    "Cooperation",
    "Co-operation",
    "Embassy",
    "Embassies",
    "Consulate",
    "Mission",
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
    "Chancellery",
    "Federal",
    // The same in the other languages of the listings: "Ambassade de
    // France", "Embajada de España", "Botschaft von Deutschland".
    "Ambassade",
    "Embajada",
    "Botschaft",
    "Ambasciata",
    "Embaixada",
    "Consulat",
    "Consulado",
    "Ministère",
    "Ministerio",
    "Ministerium",
    "Ministero",
    "Ministério",
    "Gouvernement",
    "Gobierno",
    "Regierung",
    "Governo",
];

/// Words of a body's name that say it acts abroad: an embassy or an aid
/// agency is its state paying or representing itself elsewhere, never a
/// place the project works in ("Japanese International Cooperation Agency
/// (JICA) is implementing a project in … Sierra Leone").
const ABROAD_WORDS: &[&str] = &[
    "Embassy",
    "Embassies",
    "Consulate",
    "Mission",
    "Aid",
    "Cooperation Agency",
    "Co-operation Agency",
    "Development Agency",
    "Development Cooperation",
    "Development Co-operation",
    "Ambassade",
    "Embajada",
    "Botschaft",
    "Ambasciata",
    "Embaixada",
    "Consulat",
    "Consulado",
];

/// Words that may join the capitalised words of a name, in the languages
/// of the listings: "Agencia Española de Cooperación Internacional para el
/// Desarrollo", "Bundesministerium für …".
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "&", "on", "de", "du", "des", "la", "le", "les", "del", "el", "los",
    "las", "para", "pour", "y", "et", "di", "della", "per", "für", "und", "zur", "der", "von",
    "van", "von",
];

/// Words that join the names of a list: "Japan, Germany and the European
/// Union", "the European Commission, with co-funding from the Italian
/// Ministry", "the EU as well as Norway", "Unión Europea y COSUDE".
const LIST_WORDS: &[&str] = &[
    "and",
    "y",
    "et",
    "und",
    "the",
    "as",
    "well",
    "also",
    "its",
    "with",
    "co-funding",
    "from",
    // `and` in Portuguese and Italian.
    "e",
];

/// The articles of French, Spanish, Portuguese, German and Italian, glue
/// wherever a list's glue is read: "l'Union européenne et la Coopération
/// suisse", "por la Unión Europea", "durch die Europäische Union".
const ARTICLES: &[&str] = &[
    "le", "la", "les", "l'", "el", "los", "las", "o", "os", "der", "die", "den", "dem", "il", "lo",
    "gli",
];

/// Words allowed between a funder cue and the first name: "funded by the
/// generous support of the people of Japan", "made possible by the
/// generous support of the American people", "supported by a grant from".
const LEAD_IN_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "generous",
    "kind",
    "financial",
    "support",
    "of",
    "from",
    "people",
    "funding",
    "grant",
    "contribution",
    "contributions",
    // After a cue in French, Spanish, Portuguese, German or Italian: "par
    // l'", "por la", "de la", "do", "durch die", "dall'", "della".
    "par",
    "por",
    "pela",
    "pelo",
    "pelas",
    "pelos",
    "à",
    "de",
    "d'",
    "du",
    "des",
    "del",
    "al",
    "do",
    "da",
    "dos",
    "das",
    "von",
    "durch",
    "dal",
    "dalla",
    "dall'",
    "dai",
    "dagli",
    "dalle",
    "di",
    "della",
    "dell'",
];

/// Words that say a sentence or an object speaks of money: "Funding for
/// this phase was provided by …", "Norway provides EUR 2 million".
const MONEY_WORDS: &[&str] = &[
    "funding",
    "funds",
    "fund",
    "financing",
    "finance",
    "financial",
    "grant",
    "grants",
    "money",
    "contribution",
    "contributions",
    "budget",
    "donation",
    "donations",
    "co-funding",
    "co-financing",
    "cofinancing",
    "million",
    "billion",
    "euros",
    "euro",
    "dollars",
    "francs",
    "kroner",
    "kronor",
    "yen",
    "pounds",
    "eur",
    "usd",
    "chf",
    "gbp",
    "jpy",
    "sek",
    "nok",
    "dkk",
    "cad",
    "aud",
];

/// Verbs whose subject pays, whatever their object: "Japan funds the
/// second phase", "the EU is co-financing the programme", "Norway helped
/// fund the clinics".
const PAYING_VERBS: &[&str] = &[
    "fund",
    "funds",
    "finance",
    "finances",
    "co-fund",
    "co-finance",
    "co-funds",
    "co-finances",
    "cofinances",
    "sponsors",
    "bankrolls",
    // The same in Spanish and Italian: "El Gobierno de España financia
    // …". Not German's: its nouns are capitalised, so "Das Projekt
    // finanziert Schulbücher" would make a payer of "Das Projekt" (and
    // "fördert" promotes more often than it pays).
    "financia",
    "financiará",
    "finanzia",
];
/// The same verbs after `is`, `are`, `has been` …: "Norway is funding".
const PAYING_PARTICIPLES: &[&str] = &[
    "funding",
    "financing",
    "co-funding",
    "co-financing",
    "sponsoring",
];
/// Verbs whose subject pays when their object is money: "Norway
/// contributes EUR 2 million", "the EU provides funding", "Japan has
/// granted USD 500,000".
const GIVING_VERBS: &[&str] = &[
    "contributes",
    "contribute",
    "contributed",
    "contributing",
    "provides",
    "provide",
    "provided",
    "providing",
    "grants",
    "granted",
    "gives",
    "gave",
    "given",
    "giving",
    "donates",
    "donated",
    "donating",
    "allocates",
    "allocated",
    "pledges",
    "pledged",
    "commits",
    "committed",
    "disburses",
    "disbursed",
    "invests",
    "invested",
    "mobilises",
    "mobilizes",
    "mobilised",
    "mobilized",
    "lends",
    "lend",
    "lent",
    "approved",
    "approves",
    "earmarked",
    "awarded",
    "awards",
    // "El Gobierno de España destinará 3 millones de euros …", "La Suisse
    // apporte CHF 2 millions", "Norwegen stellt … bereit" is not a verb
    // next to its subject.
    "destina",
    "destinará",
    "aporta",
    "aportará",
    "apporte",
    "alloue",
    "octroie",
];
/// Words between a subject and its verb: "Norway has also generously
/// contributed".
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "been",
    "will",
    "would",
    "also",
    "already",
    "further",
    "generously",
    "kindly",
    "jointly",
    "currently",
    "helped",
    "helps",
    "help",
    // "The International Development Association has agreed to lend $5
    // million": the `to` after it is passed over with it
    // ([`verb_after_auxiliaries`]); alone, `to` is too common a word to
    // be asked about at every space.
    "agreed",
];
/// The words that may begin what a payer does after its name.
const VERB_LIKE: [&[&str]; 3] = [PAYING_VERBS, GIVING_VERBS, AUXILIARIES];

/// [`starts_verb_like`] as defined, each word compared as Unicode says.
fn starts_verb_like_in_unicode(text: &str) -> bool {
    let word = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    word.starts_with(char::is_lowercase) && VERB_LIKE.iter().any(|list| is_one_of(list, word))
}

/// Whether `text` starts with a word that may begin what a payer does:
/// one of the paying or giving verbs or the auxiliaries, in lower case
/// (a verb of prose is lower-case; "Migrant Workers Finance Their
/// Families" is a title). A word runs to the first character that is
/// neither alphanumeric nor a hyphen.
///
/// This runs at every space of every passage of prose, so the usual word
/// (ASCII, at most 16 bytes) is lower-cased into 16 zero-padded bytes and
/// looked up as one number among the words of the three lists.
fn starts_verb_like(text: &str) -> bool {
    const LONGEST: usize = 16;
    fn key(word: &[u8]) -> Option<u128> {
        let mut padded = [0u8; LONGEST];
        padded.get_mut(..word.len())?.copy_from_slice(word);
        Some(u128::from_le_bytes(padded))
    }
    static KEYS: OnceLock<Vec<u128>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let mut keys: Vec<u128> = VERB_LIKE
            .concat()
            .iter()
            .filter_map(|word| key(word.as_bytes()))
            .collect();
        keys.sort_unstable();
        keys
    });
    // A letter outside ASCII may start or go on the word (the Kelvin sign
    // is a `k`): such a word is compared as Unicode says.
    let bytes = text.as_bytes();
    match bytes.first() {
        Some(b) if b.is_ascii_lowercase() => {}
        Some(b) if !b.is_ascii() => return starts_verb_like_in_unicode(text),
        _ => return false,
    }
    let mut lower = [0u8; LONGEST];
    let mut len = 0;
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b == b'-' {
            match lower.get_mut(len) {
                Some(slot) => *slot = b.to_ascii_lowercase(),
                // Longer than any word of the lists.
                None => return false,
            }
            len += 1;
        } else if !b.is_ascii() {
            return starts_verb_like_in_unicode(text);
        } else {
            break;
        }
    }
    keys.binary_search(&u128::from_le_bytes(lower)).is_ok()
}

/// Words that end the object of a giving verb before any money is named:
/// "the ILO provides training to …" stops at "to".
const OBJECT_ENDS: &[&str] = &[
    "to", "towards", "for", "through", "by", "in", "on", "with", "which", "that", "at",
];
/// Prepositions that make a name the object of something else, not the
/// subject of a verb: "workers in Kenya provide …".
const PREPOSITIONS: &[&str] = &[
    "in",
    "from",
    "to",
    "of",
    "for",
    "with",
    "by",
    "at",
    "on",
    "into",
    "across",
    "between",
    "among",
    "including",
    "within",
];

/// What an organisation's possession may be when it pays for this
/// project: "the European Union's Thematic Programme", "the EU's
/// contribution" (convention 11: "X's programme"). Not "support" or
/// "assistance": "a continuation of the International Labour
/// Organization's (ILO) support to the … Technical Working Group" is the
/// ILO's own work.
const PAYING_NOUNS: &[&str] = &[
    "programme",
    "programmes",
    "program",
    "programs",
    "fund",
    "funding",
    "financing",
    "financial",
    "grant",
    "grants",
    "contribution",
    "contributions",
    "aid",
    "initiative",
    "facility",
];
/// A country's possession says it pays only when it is money: "Japan's
/// contribution", not "Albania's efforts" or "Viet Nam's national
/// programme".
const MONEY_NOUNS: &[&str] = &[
    "funding",
    "financing",
    "financial",
    "grant",
    "grants",
    "contribution",
    "contributions",
    "donation",
];
/// Words before a possessive that make its programme a framework the
/// project serves, not its payer: "contributes to the ILO's programme",
/// "aligned with the Government's plan", "within the EU's strategy".
const FRAMEWORK_WORDS: &[&str] = &[
    "within",
    "part",
    "framework",
    "context",
    "aligned",
    "align",
    "aligns",
    "line",
    "complement",
    "complements",
    "complementing",
    "contribute",
    "contributes",
    "contributing",
    "support",
    "supports",
    "supporting",
    "strengthen",
    "strengthens",
    "strengthening",
    "implement",
    "implements",
    "implementing",
    "implementation",
];
/// A title that presents the project as a donor's support: "Swiss Support
/// to …", "EU Assistance for …" (convention 11).
const SUPPORT_TITLES: &[&str] = &[
    "Support to ",
    "Support for ",
    "Assistance to ",
    "Assistance for ",
    "Contribution to ",
    "Funding for ",
];
/// Words that open a phrase of their own after a one-word name, so end
/// it: "funded by Simavi under the WASH framework", "… through its small
/// grants", "… since 2019".
const PHRASES_AFTER_A_NAME: &[&str] = &[
    "under ", "through ", "within ", "since ", "until ", "during ", "as part ",
];
/// Organisation types (the `type` column of organisations.csv) whose name
/// alone after a title's dash, or after "ILO/", names a donor.
const DONOR_TYPES: &[&str] = &["government", "EU institution"];

/// The cue phrases, as a DFA: every description is searched for them, and
/// a DFA takes one step a byte where an NFA also follows failures; the
/// phrases are few enough that its table is small.
fn cue_automaton() -> &'static AhoCorasick {
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    AUTOMATON.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(CUES.iter().map(|(c, _)| c))
            .expect("cue phrases compile")
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum MentionKind {
    Organisation(usize),
    /// A body of a state: `Italian Ministry of Interior`, `Flemish
    /// Government`. `names_place`: whether its name, said of a partner or
    /// in passing, names a country the project works in ("Ministry of
    /// Labour of Jordan" does; an embassy or aid agency, acting abroad, and
    /// a sub-national government, naming no country, do not).
    StateBody {
        country: usize,
        names_place: bool,
    },
    /// A country or territory by name or demonym.
    Country(usize),
    Region(usize),
    /// A capitalised name where a funder's name is expected that the
    /// reference lacks.
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
            MentionKind::StateBody { .. } => 3,
            MentionKind::Organisation(_) => 2,
            MentionKind::Unknown => 1,
            MentionKind::Country(_) | MentionKind::Region(_) => 0,
        }
    }

    fn is_known_organisation(self) -> bool {
        matches!(
            self,
            MentionKind::Organisation(_) | MentionKind::StateBody { .. }
        )
    }
}

#[derive(Debug, Clone)]
struct Mention {
    kind: MentionKind,
    start: usize,
    end: usize,
    role: Option<OrgRole>,
    /// A country named by its people's adjective (`Swiss expertise`).
    demonym: bool,
}

impl Mention {
    fn new(kind: MentionKind, start: usize, end: usize) -> Mention {
        Mention {
            kind,
            start,
            end,
            role: None,
            demonym: false,
        }
    }
}

/// The names of one passage, sorted by start and never overlapping, so the
/// text between two neighbours (`text[list[k - 1].end..list[k].start]`) is
/// always a range. Names are only added through [`Mentions::insert`] and
/// only grown through [`Mentions::extend`], which keep that so: two
/// overlapping names (a funder's name holding a country, a state body
/// holding its state) cannot both stand.
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

    /// Grows name `i` to end at `end`, over the names that start before
    /// it: "DFID" and the "UK" after it are one name.
    fn extend(&mut self, i: usize, end: usize) {
        let Some(mention) = self.list.get(i) else {
            return;
        };
        if end <= mention.end {
            return;
        }
        let covered = self.list[i + 1..].partition_point(|m| m.start < end);
        self.list.drain(i + 1..i + 1 + covered);
        self.list[i].end = end;
    }

    fn len(&self) -> usize {
        self.list.len()
    }

    /// The index of the first name starting at or after `at`.
    fn first_from(&self, at: usize) -> Option<usize> {
        let i = self.list.partition_point(|m| m.start < at);
        (i < self.list.len()).then_some(i)
    }

    /// The index of the name starting at `at`, if one does.
    fn starting_at(&self, at: usize) -> Option<usize> {
        self.first_from(at).filter(|&i| self.list[i].start == at)
    }

    /// The text between name `k - 1` and name `k`; `None` for the first.
    fn gap_before<'t>(&self, text: &'t str, k: usize) -> Option<&'t str> {
        let previous = self.list.get(k.checked_sub(1)?)?;
        text.get(previous.end..self.list.get(k)?.start)
    }

    /// Gives name `i` the role `role` unless it has a stronger one (a
    /// funder stays a funder when a later cue calls it a partner).
    fn give_role(&mut self, i: usize, role: OrgRole) {
        if let Some(mention) = self.list.get_mut(i) {
            if matches!(mention.kind, MentionKind::Region(_)) {
                return;
            }
            if mention.role.is_none_or(|r| role < r) {
                mention.role = Some(role);
            }
        }
    }
}

/// Currency amounts, ILO project codes and universities named after a
/// country are not organisations or places: "US$ 500,000", "US$M 1.2",
/// "450,000 United States dollars",
/// "RAF/10/55/USA" (but "USDOL" is not a currency), "University of Ghana".
fn masked_spans(text: &str) -> Vec<(usize, usize)> {
    static CURRENCIES: OnceLock<AhoCorasick> = OnceLock::new();
    // No code's end is another's start, nor is one inside another, so no
    // two occurrences overlap: the leftmost matches are every occurrence.
    // Asked for leftmost matches, the automaton searches with a SIMD
    // prefilter (aho-corasick's "packed" searcher); asked for every match,
    // it would step through the text a byte at a time.
    let currencies = CURRENCIES.get_or_init(|| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build([
                "US$",
                "USD",
                "EUR",
                "CHF",
                "GBP",
                "A$",
                "C$",
                "US $",
                "U.S.$",
                "U.S. $",
                "US dollars",
                "US Dollars",
                "U.S. dollars",
                "U.S. Dollars",
                "United States dollars",
                "United States Dollars",
            ])
            .expect("currency codes compile")
    });
    let mut spans: Vec<(usize, usize)> = currencies
        .find_iter(text)
        .filter(|m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            // A sign may have its scale against it (`US$M 1.2`, `A$5m`).
            let sign = text[..m.end()].ends_with('$');
            !before.is_some_and(char::is_alphanumeric)
                && (sign || !after.is_some_and(char::is_alphabetic))
        })
        .map(|m| (m.start(), m.end()))
        .collect();
    // A university named after its country ("University of Ghana") names
    // an institution, not where the project works. (Most passages name
    // none: one search tells.)
    let universities = if text.contains("Univers") {
        &[
            "University of ",
            "Université de ",
            "Universidad de ",
            "Universidade de ",
        ][..]
    } else {
        &[]
    };
    for prefix in universities {
        for (at, _) in text.match_indices(prefix) {
            let name_start = at + prefix.len();
            let end = name_run(text, name_start);
            if end > name_start {
                spans.push((at, end));
            }
        }
    }
    // A code with two slashes and a digit (`RAF/10/55/USA`).
    let words = if text.contains('/') { text } else { "" };
    for word in words.split_whitespace() {
        let slashes = word.matches('/').count();
        if slashes >= 2 && word.chars().any(|c| c.is_ascii_digit()) {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            spans.push((start, start + word.len()));
        }
    }
    spans
}

/// Whether `text` starts with `prefix`, ignoring ASCII case (without
/// copying `text`, which may be the rest of a long passage).
fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Words that stand alone where a payer's name would and name none
/// (`Cooperatives supported by Project`, `funded by Donors`).
const NO_PAYERS_NAMES: &[&str] = &[
    "Project",
    "Projects",
    "Programme",
    "Programmes",
    "Program",
    "Programs",
    "Partners",
    "Donors",
    "Members",
    "Volunteers",
    "Grants",
    "Others",
    "Friends",
];

fn is_body_noun(word: &str) -> bool {
    is_body_noun_word(word.trim_end_matches([',', ';', '.', ':', ')']))
}

/// Whether `word` is one of [`BODY_NOUNS`]: asked of every word of every
/// name read backwards, so looked up by halving a sorted copy; each is
/// capitalised.
fn is_body_noun_word(word: &str) -> bool {
    static SORTED: OnceLock<Vec<&'static str>> = OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut nouns = BODY_NOUNS.to_vec();
        nouns.sort_unstable();
        nouns
    });
    word.starts_with(char::is_uppercase) && sorted.binary_search(&word).is_ok()
}

/// Where the capitalised name starting at `from` ends (connectors such as
/// `of` and `and` may join its words; it ends on a capitalised word). A
/// name ends before an adjective made on it ("US Government-funded") and
/// after a possessive ("the Hope Trust's programme").
fn name_run(text: &str, from: usize) -> usize {
    let Some(rest) = text.get(from..) else {
        return from;
    };
    let mut last_good = from;
    let mut offset = 0;
    for (k, word) in rest.split_inclusive(char::is_whitespace).enumerate() {
        let mut token = word.trim();
        let token_start = from + offset + (word.len() - word.trim_start().len());
        let mut ends_here = false;
        let hyphen_suffix = token.char_indices().find_map(|(at, c)| {
            let suffix = FUNDED_SUFFIXES
                .iter()
                .any(|s| s.starts_with('-') && starts_with_ci(&token[at..], s));
            (c == '-' && suffix).then_some(at)
        });
        if let Some(at) = hyphen_suffix {
            token = &token[..at];
            ends_here = true;
        }
        for possessive in ["'s", "’s"] {
            if let Some(owner) = token.strip_suffix(possessive) {
                token = owner;
                ends_here = true;
            }
        }
        let bare = token.trim_end_matches([',', ';', '.', ':', ')']);
        let capital = capitalised(bare);
        if bare.is_empty() || !(capital || (k > 0 && CONNECTORS.contains(&bare))) {
            break;
        }
        if capital {
            last_good = token_start + bare.len();
        }
        offset += word.len();
        if ends_here || bare.len() != token.len() {
            break;
        }
    }
    last_good
}

/// Whether `and` before `next` starts a new name of a list, not a name's
/// own word: "the Norwegian Ministry of Foreign Affairs and the Ministry
/// for …", but "Ministry of Labour and Social Affairs".
fn and_starts_a_name(next: &str) -> bool {
    next == "the" || is_body_noun(next)
}

/// The capitalised words (and connectors) that end at `end` and start at
/// or after `floor` (the end of the name before), read backwards: where
/// the leftmost capitalised word starts, and where the leftmost body noun
/// does.
fn name_before(text: &str, end: usize, floor: usize) -> (Option<usize>, Option<usize>) {
    let Some(before) = text.get(..end) else {
        return (None, None);
    };
    let (mut first_capital, mut first_body) = (None, None);
    let mut at = before.len();
    let mut right = "";
    for word in before.rsplit(' ') {
        let mut start = at - word.len();
        // French and Italian elide the article into the name's first word
        // (`l'Ambassade de France`, `dell'Unione`): the name starts after
        // the apostrophe, and ends the search there.
        let elided = ["l'", "l’", "d'", "d’", "dell'", "dell’", "all'", "all’"]
            .iter()
            .find_map(|article| word.strip_prefix(article).map(|name| (article.len(), name)));
        let word = match elided {
            Some((article, name)) => {
                start += article;
                name
            }
            None => word,
        };
        let capital = capitalised(word);
        // A body's name opens on its noun or the capitalised words before
        // it (`Royal Norwegian Embassy`), never on a connector: `von der
        // Botschaft von Japan` names `Botschaft von Japan`.
        let before_a_body = !capital && is_body_noun_word(right);
        if start < floor
            || word.is_empty()
            || !(capital || CONNECTORS.contains(&word))
            || word.ends_with([',', ';', '.', ':'])
            || (word == "and" && and_starts_a_name(right))
            || before_a_body
        {
            break;
        }
        if capital {
            first_capital = Some(start);
        }
        if capital && is_body_noun_word(word) {
            first_body = Some(start);
        }
        if elided.is_some() {
            break;
        }
        right = word;
        at = start.saturating_sub(1);
    }
    (first_capital, first_body)
}

/// A body noun heads the capitalised words ending at `end` ("Ministry for
/// Foreign Affairs", "Federal Ministry of Labour"): where they start.
fn body_heading(text: &str, end: usize, floor: usize) -> Option<usize> {
    match name_before(text, end, floor) {
        (Some(capital), Some(body)) if capital == body => Some(body),
        _ => None,
    }
}

/// The end of the body named after a country or its adjective: "Italian
/// Ministry of Interior", "United Kingdom Border Agency", "Federal Republic
/// of Germany, Ministry of Interior", "US Government-funded".
fn body_after(text: &str, name_end: usize, starts: &[usize]) -> Option<usize> {
    let after = text.get(name_end..)?;
    let gap = if after.starts_with(", ") {
        // After a comma only a body noun goes on with the state's name.
        if !BODY_NOUNS.iter().any(|b| after[2..].starts_with(b)) {
            return None;
        }
        2
    } else if after.starts_with(' ') {
        1
    } else {
        return None;
    };
    let from = name_end + gap;
    let mut run_end = name_run(text, from);
    // A list goes on after the body: "the Italian Ministry of Interior and
    // the United Kingdom Border Agency" is two.
    if let Some(&next) = starts.iter().find(|&&s| s > name_end && s < run_end) {
        let head = text.get(..next)?.trim_end();
        let head = head.strip_suffix(" the").unwrap_or(head);
        let head = head.trim_end().strip_suffix(" and").unwrap_or(head);
        run_end = head.trim_end_matches([',', ' ']).len();
    }
    // "the Norwegian Ministry of Foreign Affairs and the Ministry for …"
    // is two.
    let run = text.get(from..run_end)?;
    let mut offset = 0;
    let mut previous = "";
    for word in run.split_inclusive(' ') {
        let bare = word.trim_end();
        if previous == "and" && and_starts_a_name(bare) {
            run_end = last_capitalised_end(text, from, from + offset)?;
            break;
        }
        previous = bare;
        offset += word.len();
    }
    let run = text.get(from..run_end)?;
    run.split_whitespace().any(is_body_noun).then_some(run_end)
}

/// The body named before a country: "Ministry of Labour of Jordan",
/// "Embassy of the Netherlands", "Ministry for Foreign Affairs Finland",
/// "Federal Ministry of Labour (Germany)", "Federal Ministry … (BMAS),
/// Germany". Its start, and its end (past a closing parenthesis). The body
/// starts at or after `floor`, the end of the name before: in
/// "Government of Japan Fund for Poverty Reduction, Cambodia" Cambodia
/// is a place, not the end of a body.
fn body_before(
    text: &str,
    name_start: usize,
    name_end: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let before = text.get(..name_start)?;
    let trimmed = before.trim_end();
    // "… of (the) Jordan"
    let without_article = trimmed
        .strip_suffix(" the")
        .or_else(|| trimmed.strip_suffix(" The"))
        .unwrap_or(trimmed);
    if let Some(head) = without_article.strip_suffix(" of") {
        return name_before(text, head.len(), floor)
            .1
            .map(|start| (start, name_end));
    }
    // "Ministry for Foreign Affairs Finland": only when a body noun heads
    // the words before ("ILO Country Office Jordan" is not Jordan's).
    if before.ends_with(' ') && trimmed.ends_with(char::is_alphanumeric) {
        return body_heading(text, trimmed.len(), floor).map(|start| (start, name_end));
    }
    // "Federal Ministry of Labour (Germany)", "… (BMAS), Germany".
    let (head, end) = if let Some(head) = before.strip_suffix('(') {
        text.get(name_end..)?.starts_with(')').then_some(())?;
        (head.trim_end(), name_end + 1)
    } else {
        (trimmed.strip_suffix(',')?, name_end)
    };
    let head = match head.strip_suffix(')') {
        Some(inner) => {
            let open = inner.rfind('(')?;
            let acronym = &inner[open + 1..];
            if acronym.is_empty() || acronym.len() > 15 || acronym.contains(char::is_whitespace) {
                return None;
            }
            inner[..open].trim_end()
        }
        None => head,
    };
    body_heading(text, head.len(), floor).map(|start| (start, end))
}

/// Whether a body's name is its state's whole government: `Government of
/// Norway`, `the Norwegian Government`, `Gobierno de …`.
fn names_whole_government(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "Government" | "Govt" | "Gobierno" | "Gouvernement" | "Governo"
        )
    })
}

/// Whether the body's name says it acts abroad ([`ABROAD_WORDS`]), or
/// names a state's aid after its people (`Swiss Cooperation`).
fn acts_abroad(name: &str) -> bool {
    // `Swiss Cooperation`, `Italian Co-operation Office`: a state's aid
    // named after its people.
    let mut words = name.split_whitespace();
    let aid_named_after_people = words.next().is_some()
        && words
            .next()
            .is_some_and(|w| w == "Cooperation" || w == "Co-operation")
        && words.next().is_none_or(|w| w == "Office");
    // The name's words are split once; each of the words is capitalised.
    aid_named_after_people
        || ABROAD_WORDS
            .iter()
            .any(|w| w.contains(' ') && name.contains(w))
        || name
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|word| word.starts_with(char::is_uppercase))
            .any(|word| ABROAD_WORDS.contains(&word))
}

/// Words after a demonym that make it a language (convention 12:
/// "French-language training").
const LANGUAGE_NOUNS: &[&str] = &[
    "-language",
    " language",
    "-speaking",
    " speaking",
    " version",
    " translation",
    " edition",
];

/// Whether the demonym at `start..end` names a language: "(available only
/// in French)", "French-language training", "in English, French and
/// Spanish" (`after_language`: a language ends the list glue before it).
fn is_language(text: &str, start: usize, end: usize, after_language: bool) -> bool {
    let after = text.get(end..).unwrap_or_default();
    if LANGUAGE_NOUNS.iter().any(|n| starts_with_ci(after, n)) {
        return true;
    }
    let before = text.get(..start).unwrap_or_default().trim_end();
    let previous = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let after_in = matches!(previous, "in" | "into");
    let ends_phrase = |rest: &str| {
        rest.is_empty()
            || rest.starts_with([')', ',', '.', ';', ':'])
            || starts_with_ci(rest, " only")
    };
    // "in French and Spanish)" but not "in French and Italian firms".
    let before_another = after.strip_prefix(" and ").is_some_and(|rest| {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = rest[..word_end].trim_end_matches([')', ',', '.', ';', ':']);
        capitalised(word) && ends_phrase(&rest[word.len()..])
    });
    (after_in || after_language) && (ends_phrase(after) || before_another)
}

/// Nouns after a country's name or demonym that make it the nationality
/// of a private body, not a state: "financed by a Spanish NGO", "a
/// Swiss foundation". Each may take a plural `s`.
const PRIVATE_BODY_NOUNS: &[&str] = &[
    "ngo",
    "non-governmental organisation",
    "non-governmental organization",
    "company",
    "companies",
    "firm",
    "business",
    "businesses",
    "foundation",
    "charity",
    "charities",
    "association",
    "university",
    "universities",
];

/// Whether the country name or demonym ending at `end` is followed by
/// one of [`PRIVATE_BODY_NOUNS`] as whole words.
fn names_private_body(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..).and_then(|a| a.strip_prefix(' ')) else {
        return false;
    };
    PRIVATE_BODY_NOUNS.iter().any(|noun| {
        starts_with_ci(after, noun)
            && after.get(noun.len()..).is_some_and(|rest| {
                let rest = rest.strip_prefix(['s', 'S']).unwrap_or(rest);
                !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')
            })
    })
}

/// Last words of a private body's own name: "Dutch WASH Alliance",
/// "Swiss Red Cross", "Danish Refugee Council".
const PRIVATE_NAME_HEADS: &[&str] = &[
    "Alliance",
    "Association",
    "Church",
    "Coalition",
    "Committee",
    "Consortium",
    "Council",
    "Cross",
    "Federation",
    "Foundation",
    "Institute",
    "Mission",
    "Network",
    "Partnership",
    "Society",
    "Trust",
];

/// Whether the demonym ending at `end` opens a run of capitalised words
/// that ends on one of [`PRIVATE_NAME_HEADS`].
fn heads_a_private_name(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..) else {
        return false;
    };
    if !after.starts_with(' ') {
        return false;
    }
    let from = end + 1;
    let run_end = name_run(text, from);
    if run_end <= from {
        return false;
    }
    text.get(from..run_end)
        .and_then(|name| name.split_whitespace().next_back())
        .is_some_and(|last| PRIVATE_NAME_HEADS.contains(&last))
}

/// Every name the reference knows in `text`, with the state bodies built
/// around countries and demonyms.
fn find_mentions(reference: &Reference, text: &str, masked: &[(usize, usize)]) -> Mentions {
    let matches: Vec<NameMatch> = reference
        .find(text)
        .into_iter()
        .filter(|m| !masked.iter().any(|&(s, e)| m.start < e && s < m.end))
        .collect();
    let starts: Vec<usize> = matches.iter().map(|m| m.start).collect();
    let mut out = Mentions::default();
    let mut language_end = None;
    for m in matches {
        if let Entry::Demonym(_) = m.entry {
            let after_language = language_end
                .and_then(|e: usize| text.get(e..m.start))
                .is_some_and(|gap| !gap.is_empty() && is_list_gap(gap));
            if is_language(text, m.start, m.end, after_language) {
                language_end = Some(m.end);
                continue;
            }
        }
        // A body named before this name starts after the names before it
        // (a body may reach past its own match).
        let floor = out.list.last().map_or(0, |last| last.end);
        let state_body = |country, start, end| {
            let name = text.get(start..end).unwrap_or_default();
            Mention::new(
                MentionKind::StateBody {
                    country,
                    names_place: !acts_abroad(name),
                },
                start,
                end,
            )
        };
        let mention = match m.entry {
            Entry::Organisation(i) => Mention::new(MentionKind::Organisation(i), m.start, m.end),
            Entry::Region(i) => Mention::new(MentionKind::Region(i), m.start, m.end),
            Entry::SubnationalGovernment(c) => Mention::new(
                MentionKind::StateBody {
                    country: c,
                    names_place: false,
                },
                m.start,
                m.end,
            ),
            Entry::Country(c) | Entry::Demonym(c) => {
                // The body may go on both sides: "Government of Japan Fund
                // for Poverty Reduction", "Royal Norwegian Embassy".
                let after = body_after(text, m.end, &starts);
                let before = body_before(text, m.start, m.end, floor);
                let country = Mention {
                    demonym: matches!(m.entry, Entry::Demonym(_)),
                    ..Mention::new(MentionKind::Country(c), m.start, m.end)
                };
                match (before, after) {
                    // "the Dutch WASH Alliance", "Swiss Red Cross": the
                    // adjective is part of a private body's own name, no
                    // place the project works in.
                    (None, None)
                        if matches!(m.entry, Entry::Demonym(_))
                            && heads_a_private_name(text, m.end) =>
                    {
                        continue
                    }
                    (None, None) => country,
                    (before, after) => {
                        let (start, end) = before.unwrap_or((m.start, m.end));
                        let body = state_body(c, start, after.unwrap_or(end).max(end));
                        // A body that overlaps one already read leaves its
                        // state a country.
                        if out.insert(body) {
                            continue;
                        }
                        country
                    }
                }
            }
        };
        // A state body spans names matched inside it: "Ministry of Public
        // Security of the People's Republic of China" is one body, and
        // "United Kingdom Border Agency" is not also the United Kingdom
        // (`insert` keeps the body).
        out.insert(mention);
    }
    join_bodies_to_their_state(reference, text, &mut out);
    out
}

/// A body of a state that the reference knows, followed by its state's
/// name, is one name: "Department for International Development (DFID)
/// UK", "BMZ, Germany", "SDC (Switzerland)". So is an NGO and a country
/// after a dash, its national section ("Terre des hommes- Netherlands",
/// "Save the Children – Sweden"): the country is where the section sits,
/// no place of the work.
fn join_bodies_to_their_state(reference: &Reference, text: &str, mentions: &mut Mentions) {
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (body, next) = (&mentions.list[i], &mentions.list[i + 1]);
        let gap = mentions.gap_before(text, i + 1).unwrap_or("-");
        let dash_alone = gap.trim().chars().count() == 1 && gap.trim().starts_with(['-', '–', '—']);
        let national_section = match (body.kind, next.kind) {
            (MentionKind::Organisation(o), MentionKind::Country(_)) => {
                reference.organisations[o].kind == "NGO" && dash_alone
            }
            _ => false,
        };
        if national_section {
            mentions.extend(i, next.end);
            i += 1;
            continue;
        }
        let same_state = match (body.kind, next.kind) {
            (MentionKind::Organisation(o), MentionKind::Country(c)) => {
                reference.organisations[o].code == reference.countries[c].alpha3
            }
            _ => false,
        };
        let only_glue = gap
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '(' | ')'));
        if same_state && only_glue {
            let closes = gap.trim_end().ends_with('(')
                && text.get(next.end..).is_some_and(|t| t.starts_with(')'));
            let end = next.end + usize::from(closes);
            // "Department for International Development (DFID) UK": the
            // name before the acronym is the one that grows.
            let named_before = i > 0
                && mentions
                    .gap_before(text, i)
                    .is_some_and(|g| g.trim() == "(")
                && mentions.list[i - 1].kind == mentions.list[i].kind;
            let grown = if named_before { i - 1 } else { i };
            mentions.extend(grown, end);
            i = grown;
        }
        i += 1;
    }
}

/// How a list of names is read ([`Reading::read_list`]).
#[derive(Debug, Clone, Copy)]
struct ListRules {
    /// Names the reference lacks are read too: where a funder is expected.
    unknown: bool,
    /// Words allowed before the first name.
    lead_in: &'static [&'static str],
    /// Characters that separate names, besides white space: a donor field
    /// also splits at `/` ("SDC/DEZA").
    separators: &'static str,
    /// An introductory phrase ends at its comma ("With the financial
    /// support of the EU, ILO and partners implemented a project") unless
    /// a list goes on to its `and` ("Funded by the Flemish Government, the
    /// Generalitat de Catalunya and the City of Vienna").
    stop_at_comma: bool,
    /// The list ends here (the end of one `;`-separated donor).
    until: usize,
}

/// Length of the glue at the start of `gap`: white space, `separators` and
/// `words` (in lower case; an article may be capitalised).
fn glue_len(gap: &str, words: &[&str], separators: &str) -> usize {
    // `at` only moves by a whole character or a whole word (up to the
    // next character that is not part of one), so it stays on a boundary.
    let mut at = 0;
    while let Some(c) = gap[at..].chars().next() {
        if c.is_whitespace() || separators.contains(c) {
            at += c.len_utf8();
            continue;
        }
        let rest = &gap[at..];
        // A donor's share between two donors: `EU 60%, Sweden 40%`.
        if let Some(share) = share_len(rest) {
            at += share;
            continue;
        }
        let word_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        let article = matches!(
            word,
            "The" | "A" | "An" | "La" | "Le" | "Les" | "El" | "Die" | "Der"
        );
        let lower = !capitalised(word);
        // An elided article or preposition ends in its apostrophe:
        // "l'Union européenne", "dall'Unione europea".
        let elided_len = rest[word_len..]
            .chars()
            .next()
            .filter(|&c| c == '\'' || c == '’')
            .filter(|_| {
                words.iter().chain(ARTICLES).any(|w| {
                    w.strip_suffix('\'')
                        .is_some_and(|e| e.eq_ignore_ascii_case(word))
                })
            })
            .map(char::len_utf8);
        let listed = words
            .iter()
            .chain(ARTICLES)
            .any(|w| w.eq_ignore_ascii_case(word))
            || elided_len.is_some();
        if word_len > 0 && (lower || article) && listed {
            at += word_len + elided_len.unwrap_or(0);
        } else {
            break;
        }
    }
    at
}

/// The length of a percentage at the start of `text`: `60%`, `37.5 %`.
fn share_len(text: &str) -> Option<usize> {
    let digits = text.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
    let after = text[digits..].trim_start_matches(' ');
    (digits > 0 && after.starts_with('%')).then(|| text.len() - after.len() + '%'.len_utf8())
}

/// Only list glue between two names: `, `, `and`, `the`, `&`.
fn is_list_gap(gap: &str) -> bool {
    glue_len(gap, LIST_WORDS, ",;&()") == gap.len()
}

/// The words of `text` without the punctuation around them, with whether
/// punctuation that ends a clause follows.
fn words(text: &str) -> impl Iterator<Item = (&str, bool)> + '_ {
    text.split_whitespace().map(|w| {
        let ends_clause = w.ends_with(['.', ';', ':', '!', '?', ',']);
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && !"$€£".contains(c));
        (bare, ends_clause)
    })
}

fn is_money(word: &str) -> bool {
    is_one_of(MONEY_WORDS, word) || word.contains(['$', '€', '£'])
}

/// Acronyms of kinds of bodies, not of one body: "the NGO funds …".
const GENERIC_ACRONYMS: &[&str] = &["NGO", "NGOS", "CSO", "CSOS", "CBO", "CBOS", "INGO", "PPP"];

/// Legal forms printed after a body's name in lower case or with dots:
/// "Solar Solidarity International asbl has contributed …".
const LEGAL_FORMS: &[&str] = &[
    "asbl", "vzw", "e.V.", "gGmbH", "GmbH", "Ltd", "Ltd.", "Inc.", "plc",
];

/// The name of a body that ends at `end` (before a legal form there),
/// where the words before `end` are such a name: several capitalised words
/// joined by connectors, or one acronym of two to six capitals; the
/// longest such name of at most six words. Its start and end.
fn unknown_subject_ending_at(text: &str, end: usize) -> Option<(usize, usize)> {
    let before = text.get(..end)?;
    let sentence_start = before
        .rfind(['.', ';', ':', '!', '?', '\n', ',', '(', '“', '"'])
        .map_or(0, |at| {
            at + before[at..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = &before[sentence_start..];
    let legal_form = clause
        .split_whitespace()
        .next_back()
        .filter(|w| LEGAL_FORMS.contains(w));
    // The form is the clause's last word: it ends where the clause's
    // trailing whitespace starts. A capitalised form (`Ltd`) is part of
    // the run of capitalised words, a lower-case one (`asbl`) ends it.
    let run_ends = sentence_start + clause.trim_end().len();
    let name_end = match legal_form {
        Some(form) => before[..run_ends - form.len()].trim_end().len(),
        None => end,
    };
    let word_starts: Vec<usize> = clause
        .char_indices()
        .filter(|&(at, c)| {
            !c.is_whitespace() && (at == 0 || clause[..at].ends_with(char::is_whitespace))
        })
        .map(|(at, _)| sentence_start + at)
        .filter(|&at| at < name_end)
        .collect();
    let mut best = None;
    for &start in word_starts.iter().rev().take(6) {
        let name = text.get(start..name_end)?;
        let run = name_run(text, start);
        let through_form = legal_form.is_some() && run == run_ends;
        if (run != name_end && !through_form) || !looks_like_name(name) {
            continue;
        }
        let words = name.split_whitespace().count();
        let acronym = words == 1
            && (2..=6).contains(&name.len())
            && name.chars().all(|c| c.is_ascii_uppercase())
            && !GENERIC_ACRONYMS.contains(&name);
        if words >= 2 || acronym {
            best = Some(start);
        }
    }
    let start = best?;
    let previous = text[..start].split_whitespace().next_back().unwrap_or("");
    if is_one_of(PREPOSITIONS, previous) {
        return None;
    }
    Some((start, name_end))
}

/// Whether the last word of `before` may end a name that
/// [`unknown_subject_ending_at`] finds ending there: a name's last word
/// is capitalised or starts with a digit, and is the end of the text's
/// last word, unless a legal form ends that word (`Hope Trust asbl`). A
/// necessary condition, cheap enough to ask at every space.
fn may_end_a_name(before: &str) -> bool {
    let last = before.split_whitespace().next_back().unwrap_or("");
    last.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
        || LEGAL_FORMS.iter().any(|form| last.ends_with(form))
}

/// A name printed like one: a few capitalised words joined by connectors
/// ("Global Fund for Children", "Hope and Light Foundation"), not a run of
/// prose ("The project is financed through …").
fn looks_like_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    const OPENERS: &[&str] = &["The", "This", "These", "Its", "It", "A", "An", "In", "With"];
    words.len() <= 10
        && capitalised(first)
        && !OPENERS.contains(first)
        && (capitalised(last) || last.starts_with(|c: char| c.is_ascii_digit()))
        && words.iter().all(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
            capitalised(bare)
                || bare.starts_with(|c: char| c.is_ascii_digit())
                || CONNECTORS.contains(&bare)
        })
}

/// The acronym printed in parentheses right after `end` ("Global Fund for
/// Children (GFC)"): convention 9 makes it the donor's code.
fn acronym_after(text: &str, end: usize) -> Option<(&str, usize)> {
    let rest = text.get(end..)?;
    let inner_start = rest
        .strip_prefix(" (")
        .map(|_| 2)
        .or_else(|| rest.strip_prefix('(').map(|_| 1))?;
    let close = rest[inner_start..].find(')')?;
    let acronym = &rest[inner_start..inner_start + close];
    let capitals = acronym.chars().filter(|c| c.is_uppercase()).count();
    let plain = acronym
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '&' | '-' | '.'));
    (plain && capitals >= 2 && acronym.len() <= 15 && capitalised(acronym))
        .then_some((acronym, end + inner_start + close + 1))
}

/// Where a name that stops at a lower-case word ends when the acronym in
/// brackets after a few more words spells all of it out ("Fund for
/// Innovation in Development (FID)": F, I, D): the acronym confirms the
/// words between are the name's.
fn name_spelt_out_by_acronym(text: &str, at: usize, end: usize) -> Option<usize> {
    const MOST_WORDS_MORE: usize = 4;
    let rest = text.get(end..)?;
    let open = rest.find('(')?;
    let between = rest[..open].trim_end();
    let words: Vec<&str> = between.split_whitespace().collect();
    if words.is_empty() || words.len() > MOST_WORDS_MORE {
        return None;
    }
    let name_end = end + between.len();
    let (acronym, _) = acronym_after(text, name_end)?;
    let initials: String = text
        .get(at..name_end)?
        .split_whitespace()
        .filter_map(|word| word.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    let letters: String = acronym.chars().filter(|c| c.is_uppercase()).collect();
    let lower_words_only_link = words
        .iter()
        .all(|w| capitalised(w) || w.chars().all(|c| c.is_lowercase()) && w.len() <= 3);
    (initials == letters && lower_words_only_link).then_some(name_end)
}

/// One passage being read: its names, then the roles given to them.
struct Reading<'t> {
    reference: &'t Reference,
    text: &'t str,
    bounds: Vec<(usize, usize)>,
    masked: Vec<(usize, usize)>,
    mentions: Mentions,
    is_title: bool,
}

impl<'t> Reading<'t> {
    fn new(reference: &'t Reference, text: &'t str, is_title: bool) -> Reading<'t> {
        let masked = masked_spans(text);
        Reading {
            reference,
            text,
            bounds: sentences(text),
            mentions: find_mentions(reference, text, &masked),
            masked,
            is_title,
        }
    }

    fn sentence_start(&self, at: usize) -> usize {
        self.bounds
            .iter()
            .find(|&&(s, e)| s <= at && at < e)
            .map_or(0, |&(s, _)| s)
    }

    /// Gives `role` to the names listed from `from` on: "funded by Japan,
    /// Germany and the European Union", "Donors: Norway (Norad), Sweden".
    fn read_list(&mut self, from: usize, role: OrgRole, rules: ListRules) {
        let text = self.text;
        let mut pos = from;
        let mut first = true;
        // Where the names taken start; the first `certain` are sure.
        let mut taken = Vec::new();
        let mut certain = 0;
        let mut past_comma = false;
        let mut after_town = false;
        while pos < rules.until {
            let next = self.mentions.first_from(pos);
            let next_start = next
                .map_or(rules.until, |i| self.mentions.list[i].start)
                .min(rules.until);
            let Some(gap) = text.get(pos..next_start) else {
                break;
            };
            let lead_in = if first { rules.lead_in } else { LIST_WORDS };
            let glue = glue_len(gap, lead_in, rules.separators);
            let joiner = &gap[..glue];
            past_comma |= !first && rules.stop_at_comma && joiner.contains(',');
            let closes_list = joiner.contains('&')
                || joiner
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| is_one_of(&["and", "y", "et", "und", "e"], w));
            // After the first name, only glue goes on to the next: a space
            // alone goes on with the same name ("UN Secretary General’s
            // Multi Partner Trust Fund").
            if !first && joiner.trim().is_empty() {
                break;
            }
            let at = pos + glue;
            let known = next.filter(|&i| {
                let m = &self.mentions.list[i];
                m.start == at && m.end <= rules.until
            });
            // A region heads a longer name: "the Asia Foundation".
            let heads_a_name = known.is_some_and(|i| {
                let m = &self.mentions.list[i];
                rules.unknown
                    && matches!(m.kind, MentionKind::Region(_))
                    && self
                        .unknown_name_at(at, rules.until)
                        .is_some_and(|e| e > m.end)
            });
            // "financed by a Spanish NGO": the NGO pays, not Spain.
            let private_body = known.is_some_and(|i| {
                let m = &self.mentions.list[i];
                matches!(m.kind, MentionKind::Country(_)) && names_private_body(text, m.end)
            });
            if private_body {
                break;
            }
            // After a town only a name the reference knows goes on the list
            // ("the Hope Trust in Accra and Kumasi": Kumasi is a town too).
            let taken_here = match known {
                Some(i) if !heads_a_name => Some(i),
                _ if rules.unknown && !self.is_title && !after_town => {
                    self.unknown_at(at, rules.until)
                }
                _ => None,
            };
            let Some(i) = taken_here else {
                break;
            };
            taken.push(self.mentions.list[i].start);
            if !past_comma || closes_list {
                certain = taken.len();
            }
            pos = self.mentions.list[i].end;
            // An acronym the reference lacks, after the name, is the name's.
            if let Some((_, after)) = acronym_after(text, pos) {
                if self
                    .mentions
                    .first_from(pos)
                    .is_none_or(|j| self.mentions.list[j].start >= after)
                {
                    pos = after;
                }
            }
            // Where a body sits is not another name: "the British Embassy
            // in Tirana and the Italian Government".
            after_town = false;
            if let Some(end) = town_after(text, pos) {
                if self
                    .mentions
                    .first_from(pos)
                    .is_none_or(|j| self.mentions.list[j].start >= end)
                {
                    pos = end;
                    after_town = true;
                }
            }
            first = false;
        }
        for start in &taken[..certain] {
            if let Some(i) = self.mentions.starting_at(*start) {
                self.mentions.give_role(i, role);
            }
        }
    }

    /// The end of a name the reference lacks starting at `at`, if the words
    /// there look like a name. It ends before a known name joined to it by
    /// list glue ("the Hope Trust and Norway") or a known organisation, and
    /// holds a country or region joined by a connector ("Hope for Kenya
    /// Foundation").
    fn unknown_name_at(&self, at: usize, until: usize) -> Option<usize> {
        let text = self.text;
        if at >= until || self.masked.iter().any(|&(s, e)| s <= at && at < e) {
            return None;
        }
        let mut end = name_run(text, at).min(until);
        let mut k = self.mentions.first_from(at);
        while let Some(i) = k.filter(|&i| self.mentions.list[i].start < end) {
            let m = &self.mentions.list[i];
            let before = text.get(at..m.start)?;
            let glued = {
                let b = before.trim_end();
                let b = b.strip_suffix("the").unwrap_or(b).trim_end();
                b.ends_with(" and") || b.ends_with(['&', ',', ';', '/'])
            };
            if m.kind.is_known_organisation() || glued {
                if m.start == at {
                    return None;
                }
                end = last_capitalised_end(text, at, m.start)?;
                break;
            }
            end = end.max(m.end);
            k = (i + 1 < self.mentions.len()).then_some(i + 1);
        }
        if end > until {
            return None;
        }
        let spelt_out = name_spelt_out_by_acronym(text, at, end).filter(|&e| e <= until);
        if let Some(spelt_out_end) = spelt_out {
            end = spelt_out_end;
        }
        let name = text.get(at..end)?;
        // One word is a name where it ends the clause ("supported by
        // Metamorphosis."), not where prose goes on ("funded by Partners
        // in …" is cut short) or where it is a generic body ("Government").
        let closes_clause = text.get(end..).is_some_and(|rest| {
            rest.trim_start_matches(['"', '”', '’', ')'])
                .starts_with(['.', ';'])
                || rest.trim().is_empty()
        });
        // Nor where a phrase of its own follows ("supported by Simavi
        // under the WASH framework"); an acronym is a name wherever it
        // stands ("mainly supported by SIMAVI in Ghana").
        let phrase_follows = text.get(end..).is_some_and(|rest| {
            PHRASES_AFTER_A_NAME
                .iter()
                .any(|word| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(word)))
        });
        // In brackets it is the acronym of the name before it ("Fund
        // for Innovation in Development (FID)"), no name of its own.
        let acronym = name.len() >= 3
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && name.chars().any(|c| c.is_ascii_uppercase())
            && !text[..at].ends_with('(');
        let one_word_name = (closes_clause || phrase_follows || acronym)
            && !is_body_noun(name)
            && !NO_PAYERS_NAMES.contains(&name)
            && (acronym || name.chars().filter(|c| c.is_alphabetic()).count() >= 4);
        let long_enough = name.split_whitespace().count() >= 2
            || acronym_after(text, end).is_some()
            || one_word_name;
        // The acronym vouches for a name's short lower-case links ("in").
        ((spelt_out.is_some() || looks_like_name(name)) && long_enough).then_some(end)
    }

    /// The index of the name at `at` that the reference lacks, added as a
    /// mention, if there is one. A name followed by an acronym the
    /// reference knows is that organisation: "Agencia Española de
    /// Cooperación Internacional para el Desarrollo (AECID)".
    fn unknown_at(&mut self, at: usize, until: usize) -> Option<usize> {
        let end = self.unknown_name_at(at, until)?;
        if let Some((_, after)) = acronym_after(self.text, end) {
            let known = self.mentions.first_from(end).filter(|&j| {
                let m = &self.mentions.list[j];
                m.end < after && m.kind.is_known_organisation()
            });
            if known.is_some() {
                return known;
            }
        }
        self.mentions
            .insert(Mention::new(MentionKind::Unknown, at, end))
            .then(|| self.mentions.starting_at(at))
            .flatten()
    }

    /// Whether the passage is a line of a record that names organisations
    /// and nothing else (`World Bank - Ministry of Finance, Ecuador`, a
    /// consultancy's client beside its dates, a card's donor beside its
    /// icon), none of them given a role by its words: who the project is
    /// for, as a field unlabelled. One organisation the reference knows at
    /// least; the rest of its words are names, places and list glue, no
    /// label (`Collaborating organisations: …` says what they do).
    fn names_organisations_alone(&self) -> bool {
        const LONGEST_LINE: usize = 120;
        let text = self.text;
        let mentions = &self.mentions.list;
        if text.len() > LONGEST_LINE
            || text.trim_end().ends_with(['.', '!', '?'])
            || text.contains(':')
            || mentions.iter().any(|m| m.role.is_some())
            || !mentions.iter().any(|m| m.kind.is_known_organisation())
        {
            return false;
        }
        let mut outside = String::with_capacity(text.len());
        let mut at = 0;
        for m in mentions {
            outside.push_str(text.get(at..m.start).unwrap_or_default());
            outside.push(' ');
            at = m.end;
        }
        outside.push_str(text.get(at..).unwrap_or_default());
        outside
            .split(|c: char| {
                c.is_whitespace()
                    || matches!(c, ',' | ';' | '/' | '&' | '(' | ')' | '|' | '·' | '•')
            })
            .filter(|w| !w.is_empty())
            .all(|word| {
                let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
                bare.is_empty()
                    || capitalised(bare)
                    || is_one_of(&["and", "et", "y", "und", "e", "the", "of"], bare)
            })
    }

    /// The organisations of a line that names them alone
    /// ([`Self::names_organisations_alone`]), as a donor field's, the
    /// marks a card sets between them too (`World Bank – UNICEF`,
    /// `SIDA-ActionAid`); its countries are places.
    fn read_names_alone(&mut self) {
        let rules = ListRules {
            unknown: true,
            lead_in: LIST_WORDS,
            separators: ",;&/()-–—|·•",
            stop_at_comma: false,
            until: self.text.len(),
        };
        self.read_list(0, OrgRole::Funder, rules);
        // A country there is where the work is (`Oxfam, Malawi`).
        for mention in &mut self.mentions.list {
            if matches!(mention.kind, MentionKind::Country(_)) {
                mention.role = None;
            }
        }
    }

    /// A donor field: a list of donors. Where `;` separates them, a comma
    /// is inside one ("Federal Republic of Germany, Ministry of Interior;
    /// The Kingdom of the Netherlands, Ministry of Justice, Repatriation
    /// and Departure Service"), and a donor the reference knows is not
    /// followed by names it lacks.
    ///
    /// The value starts at `from` (after a label printed in the passage
    /// itself: "Bailleurs: …").
    fn read_funder_field(&mut self, from: usize) {
        self.read_funder_value(from, self.text.len());
    }

    /// [`Self::read_funder_field`] of a value that ends at `until`.
    fn read_funder_value(&mut self, from: usize, until: usize) {
        let text = self.text;
        let rules = ListRules {
            unknown: true,
            lead_in: LIST_WORDS,
            separators: ",;&/()",
            stop_at_comma: false,
            until,
        };
        let semicolons: Vec<usize> = text
            .match_indices(';')
            .map(|(at, _)| at)
            .filter(|&at| at >= from && at < until)
            .filter(|&at| {
                !self
                    .mentions
                    .list
                    .iter()
                    .any(|m| m.start <= at && at < m.end)
            })
            .collect();
        if semicolons.is_empty() {
            self.read_list(from, OrgRole::Funder, rules);
        } else {
            let mut start = from;
            for end in semicolons.into_iter().chain([until]) {
                let knows_one = self.mentions.list.iter().any(|m| {
                    start <= m.start && m.end <= end && !matches!(m.kind, MentionKind::Region(_))
                });
                let rules = ListRules {
                    unknown: !knows_one,
                    separators: ",&/()",
                    until: end,
                    ..rules
                };
                self.read_list(start, OrgRole::Funder, rules);
                start = end + 1;
            }
        }
        // "Funding: USD 500,000 from the Government of Japan": the donors
        // start at the first organisation named, unless it is where the
        // project works ("… in the Philippines").
        let found_one = self
            .mentions
            .list
            .iter()
            .any(|m| m.start >= from && m.start < until && m.role == Some(OrgRole::Funder));
        if !found_one {
            let first = self.mentions.list.iter().position(|m| {
                let before = text.get(from..m.start).unwrap_or_default().trim_end();
                let before = before.strip_suffix("the").unwrap_or(before).trim_end();
                m.start >= from
                    && m.end <= until
                    && !matches!(m.kind, MentionKind::Region(_))
                    && !before.ends_with(" in")
                    && before != "in"
            });
            if let Some(i) = first {
                let start = self.mentions.list[i].start;
                self.read_list(
                    start,
                    OrgRole::Funder,
                    ListRules {
                        unknown: false,
                        ..rules
                    },
                );
            }
        }
        // "Donor: the project is financed by …"
        self.read_cues();
        // `USAID/Indonesia`: an agency's mission in a country; the country
        // is where the project works, not a second donor.
        for i in 1..self.mentions.len() {
            let (agency, country) = (&self.mentions.list[i - 1], &self.mentions.list[i]);
            let mission = matches!(country.kind, MentionKind::Country(_))
                && country.role == Some(OrgRole::Funder)
                && agency.role == Some(OrgRole::Funder)
                && matches!(agency.kind, MentionKind::Organisation(_))
                && text.get(agency.end..country.start) == Some("/");
            if mission {
                self.mentions.list[i].role = None;
            }
        }
    }

    /// A field whose every name from `from` on plays one role
    /// ("Implementing partners:").
    fn give_all(&mut self, role: OrgRole, from: usize) {
        self.give_all_in(role, from, self.text.len());
        // The names the reference lacks, listed in the field as its
        // known ones are (`Implementer: Mwangaza Community Trust`), are
        // kept under their literal names, as a donor field's are.
        self.read_list(
            from,
            role,
            ListRules {
                unknown: true,
                lead_in: LIST_WORDS,
                separators: ",;&/()",
                stop_at_comma: false,
                until: self.text.len(),
            },
        );
    }

    /// [`Self::give_all`] of a value that ends at `until`.
    fn give_all_in(&mut self, role: OrgRole, from: usize, until: usize) {
        for i in 0..self.mentions.len() {
            let mention = &self.mentions.list[i];
            if mention.start >= from && mention.end <= until {
                self.mentions.give_role(i, role);
            }
        }
    }

    /// A sentence of prose that opens on a field's label (`… in the context
    /// of HIV? Funders: USAID, NIH.`) is that field: its label gives the
    /// names up to the sentence's end their role.
    fn read_labelled_sentences(&mut self) {
        const LONGEST_LABEL: usize = 48;
        for k in 0..self.bounds.len() {
            let (start, end) = self.bounds[k];
            let Some(sentence) = self.text.get(start..end) else {
                continue;
            };
            // The colon is ASCII: the byte found is the character.
            let Some(colon) = sentence
                .bytes()
                .take(LONGEST_LABEL + 1)
                .position(|b| b == b':')
            else {
                continue;
            };
            let Some(role) = label_role(&sentence[..colon]) else {
                continue;
            };
            let from = start + colon + 1;
            match role {
                OrgRole::Funder => self.read_funder_value(from, end),
                role => self.give_all_in(role, from, end),
            }
        }
    }

    /// In a field of places, a cell that is one funding body's name and
    /// nothing else names who pays: a line of facts under a title prints
    /// the country, the donor and the dates side by side (`Iraq | ECHO |
    /// 2022-2023`), the body carrying the work out being the publisher.
    /// An NGO or a private firm alone in a cell may be either, and keeps
    /// no role.
    fn read_payers_in_cells(&mut self) {
        const CELL_MARKS: [char; 5] = ['|', '·', '•', ';', ','];
        let text = self.text;
        for i in 0..self.mentions.len() {
            let mention = &self.mentions.list[i];
            let pays = match mention.kind {
                MentionKind::Organisation(o) => {
                    !matches!(self.reference.organisations[o].kind, "NGO" | "private")
                }
                MentionKind::StateBody { .. } => true,
                _ => false,
            };
            let (Some(before), Some(after)) = (text.get(..mention.start), text.get(mention.end..))
            else {
                continue;
            };
            // The body's acronym may follow its name: `European Union (ECHO)`.
            let after = after.trim_start();
            let after = after
                .strip_prefix('(')
                .and_then(|inside| inside.split_once(')'))
                .map_or(after, |(_, rest)| rest.trim_start());
            let fills_its_cell = before
                .trim_end()
                .chars()
                .next_back()
                .is_none_or(|c| CELL_MARKS.contains(&c))
                && after.chars().next().is_none_or(|c| CELL_MARKS.contains(&c));
            if pays && mention.role.is_none() && fills_its_cell {
                self.mentions.give_role(i, OrgRole::Funder);
            }
        }
    }

    fn read_prose(&mut self) {
        self.read_cues();
        self.read_paying_words();
        self.read_unknown_payers();
    }

    /// Names the reference lacks that are the subject of a paying verb:
    /// "Working with other donors, ECA helped fund the wells", "the Hope
    /// Valley Trust funds the clinic", "Lakeside Trust has contributed
    /// EUR 5,000". The name is a run of capitalised words, or one acronym
    /// (`ECA`); not the object of a preposition ("schools in Upper Nile
    /// fund …"); and no name the reference knows overlaps it.
    fn read_unknown_payers(&mut self) {
        let text = self.text;
        let mut found = Vec::new();
        for gap in memchr::memchr_iter(b' ', text.as_bytes()) {
            // The verb's words are read only after a word that may end a
            // name: most "is" and "has" of prose follow a lower-case word.
            if !starts_verb_like(&text[gap + 1..])
                || !may_end_a_name(&text[..gap])
                || !pays_as_subject(&text[gap..])
            {
                continue;
            }
            if let Some(name) = unknown_subject_ending_at(text, gap) {
                found.push(name);
            }
        }
        for (start, end) in found {
            let overlaps_known = self
                .mentions
                .list
                .iter()
                .any(|m| m.start < end && start < m.end);
            let is_masked = self.masked.iter().any(|&(s, e)| s < end && start < e);
            if overlaps_known || is_masked {
                continue;
            }
            if self
                .mentions
                .insert(Mention::new(MentionKind::Unknown, start, end))
            {
                if let Some(i) = self.mentions.starting_at(start) {
                    self.mentions.give_role(i, OrgRole::Funder);
                }
            }
        }
    }

    /// Whether the sentence speaks of money before `at`.
    fn money_before(&self, at: usize) -> bool {
        let start = self.sentence_start(at);
        self.text
            .get(start..at)
            .is_some_and(|before| words(before).any(|(w, _)| is_money(w)))
    }

    fn read_cues(&mut self) {
        let text = self.text;
        for cue in cue_automaton().find_iter(text) {
            let inside_a_word = text[..cue.start()].ends_with(char::is_alphanumeric)
                || text[cue.end()..].starts_with(char::is_alphanumeric);
            if inside_a_word {
                continue;
            }
            let role = match CUES[cue.pattern().as_usize()].1 {
                Cue::Role(role) => role,
                Cue::FunderIfMoney if self.money_before(cue.start()) => OrgRole::Funder,
                Cue::FunderIfMoney => continue,
                // "EU-funded FAO projects": an adjective of the name
                // before it.
                Cue::FunderIfKnownNameFollows
                    if !text[..cue.start()].ends_with('-')
                        && self.known_name_right_after(cue.end()) =>
                {
                    OrgRole::Funder
                }
                Cue::FunderIfKnownNameFollows => continue,
            };
            let sentence_start = self.sentence_start(cue.start());
            let introductory = text
                .get(sentence_start..cue.start())
                .is_some_and(|t| t.trim().is_empty());
            let funder = role == OrgRole::Funder;
            // Names run together with slashes after a bare "funded"
            // ("funded FAO/GoB/EU/USAID"), where an organisation's own
            // name holds none.
            let slashed = matches!(
                CUES[cue.pattern().as_usize()].1,
                Cue::FunderIfKnownNameFollows
            );
            self.read_list(
                cue.end(),
                role,
                ListRules {
                    unknown: funder,
                    lead_in: if funder { LEAD_IN_WORDS } else { LIST_WORDS },
                    separators: if slashed { ",;&()/" } else { ",;&()" },
                    stop_at_comma: introductory,
                    until: text.len(),
                },
            );
        }
    }

    /// Whether a name of an organisation, a state or one of its bodies
    /// the reference knows starts right after `at`, one space and an
    /// optional "the" between.
    fn known_name_right_after(&self, at: usize) -> bool {
        let Some(rest) = self.text.get(at..) else {
            return false;
        };
        let Some(name) = rest.strip_prefix(' ') else {
            return false;
        };
        let name = name.strip_prefix("the ").unwrap_or(name);
        let start = self.text.len() - name.len();
        self.mentions.list.iter().any(|m| {
            m.start == start
                && matches!(
                    m.kind,
                    MentionKind::Organisation(_) | MentionKind::StateBody { .. }
                )
        })
    }

    /// Names that pay by the words right around them: an adjective ("a
    /// US-funded project"), a paying verb ("Norway contributes EUR 2
    /// million"), a possessive ("the European Union's Thematic
    /// Programme"), a title's words ("Swiss Support to …", "ILO/Japan", "…
    /// - Government of Japan").
    fn read_paying_words(&mut self) {
        let text = self.text;
        for i in 0..self.mentions.len() {
            let m = self.mentions.list[i].clone();
            if matches!(m.kind, MentionKind::Region(_)) {
                continue;
            }
            let after = text.get(m.end..).unwrap_or_default();
            // "the European Union (EU)-funded initiative": the adjective
            // may follow the name's acronym.
            let after_acronym = acronym_after(text, m.end)
                .and_then(|(_, end)| text.get(end..))
                .unwrap_or(after);
            let adjective = [after, after_acronym].into_iter().find_map(|after| {
                FUNDED_SUFFIXES
                    .iter()
                    .find(|s| after.starts_with(**s))
                    .map(|suffix| (after, suffix))
            });
            // "… wird von der Europäischen Union gefördert": German puts
            // the agent of a passive before its participle.
            let before = text.get(..m.start).unwrap_or_default();
            let agent_of_a_paying_passive = GERMAN_AGENT_WORDS.iter().any(|w| before.ends_with(w))
                && [after, after_acronym].into_iter().any(|after| {
                    GERMAN_PAYING_PARTICIPLES.iter().any(|p| {
                        after
                            .strip_prefix(' ')
                            .and_then(|a| a.strip_prefix(p))
                            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
                    })
                });
            if agent_of_a_paying_passive {
                self.mentions.give_role(i, OrgRole::Funder);
                continue;
            }
            if let Some((after, suffix)) = adjective {
                // "the EU financed project “Building Migration
                // Partnerships”" names another project's funder.
                let rest = after[suffix.len()..].trim_start();
                let names_other_project = rest
                    .strip_prefix("project")
                    .map(str::trim_start)
                    .is_some_and(|r| r.starts_with(['“', '"', '‘', '\'']));
                if !names_other_project {
                    self.mentions.give_role(i, OrgRole::Funder);
                }
                continue;
            }
            // "the Norwegian Agency for Development Cooperation (Norad)
            // contributes …"
            let after_name = match acronym_after(text, m.end) {
                Some((_, end)) => text.get(end..).unwrap_or_default(),
                None => after,
            };
            let donor = match m.kind {
                MentionKind::Organisation(o) => {
                    DONOR_SUPPORT_TYPES.contains(&self.reference.organisations[o].kind)
                }
                MentionKind::StateBody { .. } | MentionKind::Country(_) => true,
                _ => false,
            };
            if pays_as_subject(after_name)
                || (donor
                    && (supports_as_subject(after_name) || gives_support_as_subject(after_name)))
            {
                for j in self.subjects_ending_at(i) {
                    self.mentions.give_role(j, OrgRole::Funder);
                }
            }
            if self.possession_pays(i, after)
                || self.title_support(after)
                || labels_its_payment(after)
                || names_its_payment(after)
            {
                self.mentions.give_role(i, OrgRole::Funder);
            }
            self.read_pair(i, after);
            if self.title_ends_with_donor(i) {
                self.mentions.give_role(i, OrgRole::Funder);
            }
        }
    }

    /// The names that are the subject of a verb right after name `i`: it,
    /// and a list ending in it ("Norway and Sweden contribute …"). None
    /// when the name is the object of a preposition ("workers in Kenya
    /// provide …").
    fn subjects_ending_at(&self, i: usize) -> Vec<usize> {
        let text = self.text;
        let mut subjects = vec![i];
        let joined_by_and = self
            .mentions
            .gap_before(text, i)
            .is_some_and(|gap| is_list_gap(gap) && (gap.contains(" and ") || gap.contains('&')));
        if joined_by_and {
            let mut k = i;
            while k > 0
                && self.mentions.gap_before(text, k).is_some_and(is_list_gap)
                && !matches!(self.mentions.list[k - 1].kind, MentionKind::Region(_))
            {
                k -= 1;
                subjects.push(k);
            }
        }
        let head = subjects.iter().copied().min().unwrap_or(i);
        let before = text
            .get(..self.mentions.list[head].start)
            .unwrap_or_default()
            .trim_end();
        let before = before
            .strip_suffix("the")
            .or_else(|| before.strip_suffix("The"))
            .unwrap_or(before)
            .trim_end();
        let previous = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if PREPOSITIONS.contains(&previous) {
            return Vec::new();
        }
        subjects
    }

    /// "the European Union's Thematic Programme", "Japan's contribution":
    /// the owner of a programme or of money pays, unless the project only
    /// serves the programme ("contributes to the ILO's programme").
    fn possession_pays(&self, i: usize, after: &str) -> bool {
        let m = &self.mentions.list[i];
        let printed = self.text.get(m.start..m.end).unwrap_or_default();
        let rest = ["'s ", "’s "]
            .iter()
            .find_map(|p| after.strip_prefix(p))
            .or_else(|| {
                printed
                    .ends_with('s')
                    .then(|| {
                        after
                            .strip_prefix("' ")
                            .or_else(|| after.strip_prefix("’ "))
                    })
                    .flatten()
            });
        let Some(rest) = rest else {
            return false;
        };
        let nouns = match m.kind {
            MentionKind::Country(_) => MONEY_NOUNS,
            _ => PAYING_NOUNS,
        };
        let mut owned = false;
        for (word, ends_clause) in words(rest).take(4) {
            if is_one_of(nouns, word) {
                owned = true;
                break;
            }
            if ends_clause {
                break;
            }
        }
        let sentence = self.sentence_start(m.start);
        let before = self.text.get(sentence..m.start).unwrap_or_default();
        let recent: Vec<(&str, bool)> = words(before).collect();
        let serves = recent
            .iter()
            .rev()
            .take(6)
            .any(|&(w, _)| is_one_of(FRAMEWORK_WORDS, w));
        owned && !serves
    }

    /// "Swiss Support to …", "EU Assistance for …" in a title.
    fn title_support(&self, after: &str) -> bool {
        self.is_title
            && after
                .strip_prefix(' ')
                .is_some_and(|rest| SUPPORT_TITLES.iter().any(|s| rest.starts_with(s)))
    }

    /// "ILO/Japan Cross-border Movement of Labour Project", "ILO-EU project
    /// to improve …": the donor joined to the organisation that carries the
    /// project out, in a title or before "project".
    fn read_pair(&mut self, i: usize, after: &str) {
        let Some(next) = self.mentions.list.get(i + 1) else {
            return;
        };
        let joined = after.starts_with(['/', '-']) && next.start == self.mentions.list[i].end + 1;
        let donor = match next.kind {
            MentionKind::Country(_) | MentionKind::StateBody { .. } => true,
            MentionKind::Organisation(o) => {
                DONOR_TYPES.contains(&self.reference.organisations[o].kind)
            }
            _ => false,
        };
        let names_project = self.text.get(next.end..).is_some_and(|rest| {
            let rest = rest.trim_start();
            starts_with_ci(rest, "project") || starts_with_ci(rest, "programme")
        });
        if joined
            && donor
            && matches!(self.mentions.list[i].kind, MentionKind::Organisation(_))
            && (self.is_title || names_project)
        {
            self.mentions.give_role(i + 1, OrgRole::Funder);
        }
    }

    /// "Integrated Livelihood Recovery … - Government of Japan": a title
    /// that ends with a state's body or a donor after a dash names its
    /// donor.
    fn title_ends_with_donor(&self, i: usize) -> bool {
        let m = &self.mentions.list[i];
        if !self.is_title || i + 1 != self.mentions.len() {
            return false;
        }
        let donor = match m.kind {
            MentionKind::StateBody { .. } => true,
            MentionKind::Organisation(o) => {
                DONOR_TYPES.contains(&self.reference.organisations[o].kind)
            }
            _ => false,
        };
        let rest = self.text.get(m.end..).unwrap_or_default();
        let ends = rest
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ')'))
            .is_empty();
        let before = self.text.get(..m.start).unwrap_or_default().trim_end();
        let before = before
            .strip_suffix("the")
            .or_else(|| before.strip_suffix("The"))
            .unwrap_or(before)
            .trim_end();
        let after_dash = [" -", " –", " —"].iter().any(|d| before.ends_with(d));
        donor && ends && after_dash
    }
}

/// The end of the last capitalised word in `from..to`.
fn last_capitalised_end(text: &str, from: usize, to: usize) -> Option<usize> {
    let span = text.get(from..to)?;
    let mut end = None;
    let mut offset = 0;
    for word in span.split_inclusive(char::is_whitespace) {
        let token = word.trim_end();
        let bare = token.trim_end_matches([',', ';', '.', ':', ')']);
        if capitalised(bare) {
            end = Some(from + offset + bare.len());
        }
        offset += word.len();
    }
    end
}

/// The verb right after a name, past up to three auxiliaries ("has also
/// generously granted"), whether they make it passive ("is funded"), and
/// the words after it; `None` unless a word follows the name.
fn verb_after_auxiliaries(
    after: &str,
) -> Option<(&str, bool, impl Iterator<Item = (&str, bool)> + '_)> {
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let mut words = words(after);
    let mut auxiliaries = 0;
    let mut passive = false;
    let mut agreed = false;
    let verb = loop {
        match words.next()? {
            // "has agreed to lend": the infinitive is the verb.
            (w, false) if agreed && w.eq_ignore_ascii_case("to") => agreed = false,
            (w, false) if is_one_of(AUXILIARIES, w) && auxiliaries < 3 => {
                auxiliaries += 1;
                passive |= is_one_of(&["is", "are", "was", "were", "been"], w);
                agreed = w.eq_ignore_ascii_case("agreed");
            }
            (w, _) => break w,
        }
    };
    Some((verb, passive, words))
}

/// A verb of giving in the active voice: "provides", "has granted",
/// "has given" (the perfect), not "was provided" (the passive).
fn gives_actively(verb: &str, passive: bool) -> bool {
    let participle = verb.ends_with("ed") || verb == "given";
    is_one_of(GIVING_VERBS, verb) && !(participle && passive)
}

/// Whether the words after a name make it the subject of a paying verb:
/// "funds the second phase", "is funding", "contributes EUR 2 million",
/// "has granted USD 500,000", "provides funding for".
fn pays_as_subject(after: &str) -> bool {
    let Some((verb, passive, words)) = verb_after_auxiliaries(after) else {
        return false;
    };
    if is_one_of(PAYING_VERBS, verb) {
        return !passive;
    }
    if is_one_of(PAYING_PARTICIPLES, verb) {
        return passive;
    }
    if !gives_actively(verb, passive) {
        return false;
    }
    let object: Vec<(&str, bool)> = words.take(6).collect();
    for (k, &(word, ends_clause)) in object.iter().enumerate() {
        if is_money(word) {
            return true;
        }
        // "has contributed to fund this project": giving to pay.
        let to_pay = word.eq_ignore_ascii_case("to")
            && !ends_clause
            && object
                .get(k + 1)
                .is_some_and(|&(next, _)| is_one_of(PAYING_VERBS, next));
        if to_pay {
            return true;
        }
        if is_one_of(OBJECT_ENDS, word) || ends_clause {
            return false;
        }
    }
    false
}

/// Organisation types whose support is money: when a donor "supports"
/// something, it pays for it ("SDC plans to further support the
/// census"); when an agency that implements does, it works on it.
const DONOR_SUPPORT_TYPES: &[&str] = &[
    "government",
    "EU institution",
    "development bank",
    "foundation",
];

/// Words between a donor and its verb of support: "commits itself to
/// supporting", "plans to further support", "will continue to support".
const SUPPORT_LEAD_WORDS: &[&str] = &[
    "plans",
    "intends",
    "continues",
    "continue",
    "commits",
    "committed",
    "itself",
    "to",
    "further",
    "also",
    "will",
    "would",
    "has",
    "have",
    "is",
    "are",
    "decided",
];

/// Whether the words after a donor say it gives support, in the active
/// voice: "is providing additional support to", "provides assistance
/// for", "has given aid to". From a donor, support is money.
fn gives_support_as_subject(after: &str) -> bool {
    let Some((verb, passive, words)) = verb_after_auxiliaries(after) else {
        return false;
    };
    if !gives_actively(verb, passive) {
        return false;
    }
    // The object, after at most one word ("additional support"), not a
    // list that ends in support ("training and support").
    for (word, ends_clause) in words.take(2) {
        if is_one_of(&["support", "assistance", "aid"], word) {
            return true;
        }
        if is_one_of(OBJECT_ENDS, word) || is_one_of(&["and", "or"], word) || ends_clause {
            return false;
        }
    }
    false
}

/// Whether the words after a donor make it the one who supports, in the
/// active voice: "supports", "will support", "commits itself to
/// supporting" (not "is supported by").
fn supports_as_subject(after: &str) -> bool {
    if !after.starts_with(char::is_whitespace) {
        return false;
    }
    let mut passive = false;
    for (word, ends_clause) in words(after).take(6) {
        let lower = word.to_lowercase();
        if matches!(lower.as_str(), "support" | "supports" | "supporting")
            || (lower == "supported" && !passive)
        {
            return true;
        }
        if ends_clause || !SUPPORT_LEAD_WORDS.contains(&lower.as_str()) {
            return false;
        }
        passive |= matches!(lower.as_str(), "is" | "are");
    }
    false
}

fn place_role(text: &str, mentions: &Mentions, i: usize) -> PlaceRole {
    // Walk back over a list of places to the word that introduces it.
    let mut k = i;
    loop {
        let start = mentions.list[k].start;
        let before = text.get(..start).unwrap_or_default().trim_end();
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

/// A place or region fact, held until the whole project is read: a state
/// that turns out to fund the project is not a place because one of its
/// bodies was named ("In partnership with the Government of Japan" in a
/// project whose title ends "- Government of Japan").
enum Pending {
    Place {
        country: usize,
        role: PlaceRole,
        mention: String,
        evidence: Evidence,
        /// Named only inside the name of one of its bodies.
        by_body: bool,
        /// The body is the state's whole government (`the Government of
        /// Norway`), not one of its ministries or services.
        whole_government: bool,
        /// Named by its people's adjective (`Swiss expertise`).
        demonym: bool,
    },
    Region(RegionFact),
}

fn push_place(
    out: &mut Extracted,
    country: &crate::reference::Country,
    role: PlaceRole,
    mention: String,
    evidence: Evidence,
) {
    if let Some(region) = country.region {
        out.regions.push(RegionFact {
            region: Cow::Borrowed(region),
            subregion: country.subregion,
            via: country.alpha3,
            evidence: evidence.clone(),
        });
    }
    out.places.push(PlaceFact {
        alpha3: country.alpha3,
        name: country.name,
        region: country.region,
        subregion: country.subregion,
        intermediate: country.intermediate,
        role,
        mention,
        evidence,
    });
}

/// The role a field's label gives to the names in its value, from the
/// one vocabulary of labels (`ingest::labels`).
fn label_role(label: &str) -> Option<OrgRole> {
    match labels::meaning(label)? {
        Meaning::Funder => Some(OrgRole::Funder),
        Meaning::Implementer => Some(OrgRole::Implementer),
        Meaning::Partner => Some(OrgRole::Partner),
        _ => None,
    }
}

/// Whether a passage is a field of places (`Country: …`, and the cells
/// of a line of facts beside its dates: `Malawi | Unione Europea`).
fn is_places_field(kind: &PassageKind) -> bool {
    matches!(kind, PassageKind::Field(label) if labels::meaning(label) == Some(Meaning::Places))
}

/// The role a passage's label gives and where its value starts: a field's
/// label, or a label printed at the start of a passage the listing reader
/// did not take for a field ("Bailleurs : Union européenne", "Funding
/// agency: SDC/DEZA").
fn passage_role(kind: &PassageKind, text: &str) -> Option<(OrgRole, usize)> {
    if let PassageKind::Field(label) = kind {
        return label_role(label).map(|role| (role, 0));
    }
    let colon = text.find(':').filter(|&at| at <= 48)?;
    label_role(&text[..colon]).map(|role| (role, colon + 1))
}

/// Reads every organisation, place and region a project names.
pub fn extract(
    reference: &Reference,
    project: &RawProject,
    diagnostics: &mut Vec<Diagnostic>,
) -> Extracted {
    let mut out = Extracted::default();
    let mut pending = Vec::new();
    let mut cited = CitedSentences::default();
    for passage in passages(project) {
        let segment: &Segment = &passage.segment;
        let text = segment.text.as_str();
        let mut reading = Reading::new(reference, text, passage.kind == PassageKind::Title);
        match passage_role(&passage.kind, text) {
            Some((OrgRole::Funder, from)) => reading.read_funder_field(from),
            Some((role, from)) => reading.give_all(role, from),
            None if is_places_field(&passage.kind) => {
                reading.read_prose();
                reading.read_payers_in_cells();
            }
            None => {
                reading.read_prose();
                reading.read_labelled_sentences();
                if passage.kind == PassageKind::Description && reading.names_organisations_alone() {
                    reading.read_names_alone();
                }
            }
        }
        let found = &reading.mentions;
        for (i, mention) in found.list.iter().enumerate() {
            let (evidence, printed) =
                mention_evidence(&mut cited, &passage, &reading, mention, "text");
            // A name the reference lacks counts only where a list of
            // donors took it.
            if mention.kind == MentionKind::Unknown && mention.role.is_none() {
                continue;
            }
            let role = mention.role.unwrap_or(OrgRole::Mentioned);
            // A state named as a funder ("Donor: United States",
            // "ILO/Japan") is the state's government, not a place.
            let kind = match mention.kind {
                MentionKind::Country(c) if role == OrgRole::Funder => MentionKind::StateBody {
                    country: c,
                    names_place: false,
                },
                kind => kind,
            };
            match kind {
                MentionKind::Organisation(o) => {
                    let org = &reference.organisations[o];
                    out.organisations.push(OrganisationFact {
                        name: Cow::Borrowed(org.name),
                        code: Cow::Borrowed(org.code),
                        kind: org.kind,
                        role,
                        mention: printed,
                        known: true,
                        evidence,
                    });
                }
                MentionKind::StateBody {
                    country: c,
                    names_place,
                } => {
                    let country = &reference.countries[c];
                    // A country named inside a partner's or implementer's
                    // name ("State Migration Service of Azerbaijan") is
                    // still a country the project works with; inside a
                    // funder's name it is only who pays.
                    if role != OrgRole::Funder && names_place {
                        pending.push(Pending::Place {
                            country: c,
                            role: PlaceRole::Focus,
                            mention: printed.clone(),
                            evidence: evidence.clone(),
                            by_body: true,
                            whole_government: names_whole_government(&printed),
                            demonym: false,
                        });
                    }
                    out.organisations.push(OrganisationFact {
                        name: Cow::Borrowed(country.government),
                        code: Cow::Borrowed(country.alpha3),
                        kind: "government",
                        role,
                        mention: printed,
                        known: true,
                        evidence,
                    });
                }
                MentionKind::Unknown => {
                    // Convention 9: a printed acronym is the code.
                    let code = acronym_after(text, mention.end)
                        .map_or_else(|| printed.clone(), |(acronym, _)| acronym.to_string());
                    // A country in an implementer's or partner's name
                    // (`Internews Ukraine`) is where the project works, as
                    // in a known body's name; in a funder's, only who pays.
                    if role != OrgRole::Funder {
                        for found in reference.find(&printed) {
                            if let Entry::Country(c) = found.entry {
                                pending.push(Pending::Place {
                                    country: c,
                                    role: PlaceRole::Focus,
                                    mention: printed.clone(),
                                    evidence: evidence.clone(),
                                    by_body: true,
                                    whole_government: false,
                                    demonym: false,
                                });
                            }
                        }
                    }
                    // A donor the reference lacks has no donor code to
                    // count it by: the warning asks for one. An
                    // implementer or partner needs none.
                    if role == OrgRole::Funder {
                        diagnostics.push(Diagnostic::warning(
                            &project.source,
                            passage.line_at(mention.start),
                            passage.column_at(mention.start),
                            format!(
                                "funder `{printed}` is not in {}: kept under its literal name",
                                reference.organisations_file()
                            ),
                        ));
                    }
                    out.organisations.push(OrganisationFact {
                        name: Cow::Owned(printed.clone()),
                        code: Cow::Owned(code),
                        kind: "unknown",
                        role,
                        mention: printed,
                        known: false,
                        evidence,
                    });
                }
                MentionKind::Country(c) => {
                    pending.push(Pending::Place {
                        country: c,
                        role: place_role(text, found, i),
                        mention: printed,
                        evidence,
                        by_body: false,
                        whole_government: false,
                        demonym: mention.demonym,
                    });
                }
                MentionKind::Region(r) => {
                    let phrase = &reference.regions[r];
                    for &region in &phrase.regions {
                        pending.push(Pending::Region(RegionFact {
                            region: Cow::Borrowed(region),
                            subregion: phrase.subregion,
                            via: phrase.phrase,
                            evidence: evidence.clone(),
                        }));
                    }
                }
            }
        }
    }
    let funders: Vec<Cow<'static, str>> = out
        .organisations
        .iter()
        .filter(|o| o.role == OrgRole::Funder)
        .map(|o| o.code.clone())
        .collect();
    // A government that partners a project ("in partnership with the
    // Government of Norway") is most often a donor's: it names a place only
    // where the project's text names that country itself too. A ministry
    // or service partnering is the country's own counterpart.
    let named_itself: Vec<usize> = pending
        .iter()
        .filter_map(|p| match p {
            Pending::Place {
                country,
                by_body: false,
                ..
            } => Some(*country),
            _ => None,
        })
        .collect();
    // A state named as an organisation of the project (its aid agency,
    // in any role) and otherwise only by its people's adjective (`SDC`
    // … `Swiss expertise in Albania`) is the donor's nationality where the
    // project names another place.
    let places: Vec<(usize, bool)> = pending
        .iter()
        .filter_map(|p| match p {
            Pending::Place {
                country, demonym, ..
            } => Some((*country, *demonym)),
            _ => None,
        })
        .collect();
    let donor_nationality: Vec<usize> = places
        .iter()
        .map(|&(index, _)| index)
        .filter(|&index| {
            let alpha3 = reference.countries[index].alpha3;
            out.organisations.iter().any(|o| o.code == alpha3)
                && places.iter().all(|&(c, demonym)| c != index || demonym)
                && places.iter().any(|&(c, _)| c != index)
        })
        .collect();
    for fact in pending {
        match fact {
            Pending::Place {
                country: index,
                role,
                mention,
                evidence,
                by_body,
                whole_government,
                ..
            } => {
                let country = &reference.countries[index];
                if by_body && funders.iter().any(|code| code == country.alpha3) {
                    continue;
                }
                if donor_nationality.contains(&index) {
                    continue;
                }
                if whole_government && !named_itself.contains(&index) {
                    continue;
                }
                push_place(&mut out, country, role, mention, evidence);
            }
            Pending::Region(region) => out.regions.push(region),
        }
    }
    if out.places.is_empty() && out.regions.is_empty() {
        read_section_places(reference, project, &mut out, &mut cited);
    }
    out.amounts = read_amounts(project, &out.organisations, &mut cited, diagnostics);
    out
}

/// The evidence of a mention read in `passage` (the sentence around it,
/// cited once) and the mention as printed.
fn mention_evidence(
    cited: &mut CitedSentences,
    passage: &Passage<'_>,
    reading: &Reading<'_>,
    mention: &Mention,
    origin: &'static str,
) -> (Evidence, String) {
    let segment: &Segment = &passage.segment;
    let (sentence, span, sentence_start) =
        cited.around(segment, &reading.bounds, mention.start, mention.end);
    let evidence = Evidence {
        line: passage.line_at(sentence_start),
        sentence,
        span,
        origin,
    };
    let printed = segment
        .text
        .get(mention.start..mention.end)
        .unwrap_or_default()
        .to_string();
    (evidence, printed)
}

/// A project that names no place itself works where the heading of its
/// group says (`Projects in Ghana`, `Asia`): those places, the heading
/// their evidence, read as prose is (a demonym is none). A heading that
/// names a body is read for no place.
fn read_section_places(
    reference: &Reference,
    project: &RawProject,
    out: &mut Extracted,
    cited: &mut CitedSentences,
) {
    let Some(passage) = section_passage(project) else {
        return;
    };
    let segment: &Segment = &passage.segment;
    let text = segment.text.as_str();
    let mut reading = Reading::new(reference, text, false);
    reading.read_prose();
    // A heading that names a body (`UK - Foreign, Commonwealth and
    // Development Office`: the donor's page) says who, not where.
    let names_a_body = reading.mentions.list.iter().any(|m| {
        matches!(
            m.kind,
            MentionKind::Organisation(_) | MentionKind::StateBody { .. } | MentionKind::Unknown
        )
    });
    if names_a_body {
        return;
    }
    for mention in &reading.mentions.list {
        let (evidence, printed) = mention_evidence(cited, &passage, &reading, mention, "section");
        match mention.kind {
            MentionKind::Country(c) if !mention.demonym && mention.role.is_none() => {
                let country = &reference.countries[c];
                push_place(out, country, PlaceRole::Focus, printed, evidence);
            }
            MentionKind::Region(r) => {
                let phrase = &reference.regions[r];
                for &region in &phrase.regions {
                    out.regions.push(RegionFact {
                        region: Cow::Borrowed(region),
                        subregion: phrase.subregion,
                        via: phrase.phrase,
                        evidence: evidence.clone(),
                    });
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kind(rank: u8) -> MentionKind {
        match rank {
            0 => MentionKind::Country(0),
            1 => MentionKind::Unknown,
            2 => MentionKind::Organisation(0),
            _ => MentionKind::StateBody {
                country: 0,
                names_place: true,
            },
        }
    }

    #[test]
    fn every_currency_code_is_masked_even_side_by_side() {
        let text = "USD/EUR 2 million, CHFGBP no, A$ 5 and C$ 6, US$ 7 (USDOL pays)";
        let masked: Vec<&str> = masked_spans(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(masked, ["USD", "EUR", "A$", "C$", "US$"]);
    }

    #[test]
    fn verb_like_words_are_the_lists_in_lower_case_whatever_follows() {
        for text in [
            "funds the clinic",
            "co-finances it",
            "has contributed",
            "hAS been",
            "generously, and",
            "bankrolls",
            "ban\u{212A}rolls it",
        ] {
            assert!(starts_verb_like(text), "{text}");
        }
        for text in [
            "Funds the clinic",
            "fundsx",
            "fund2",
            "is-",
            "éfunds",
            "",
            " funds",
            "contributingcontributing",
            "contributing-",
        ] {
            assert!(!starts_verb_like(text), "{text}");
        }
    }

    #[test]
    fn a_name_may_end_only_at_a_capitalised_word_or_a_legal_form() {
        for (before, name) in [
            (
                "Working with donors, Hope Valley Trust",
                Some("Hope Valley Trust"),
            ),
            ("With other donors, ECA", Some("ECA")),
            ("The Hope Trust asbl", Some("Hope Trust")),
            ("Lakeside Trust", Some("Lakeside Trust")),
        ] {
            assert!(may_end_a_name(before), "{before}");
            let found = unknown_subject_ending_at(before, before.len());
            assert_eq!(found.map(|(s, e)| &before[s..e]), name, "{before}");
        }
        for before in [
            "The project",
            "Hope Valley trust",
            "",
            "it  ",
            "schools in town",
        ] {
            assert!(!may_end_a_name(before), "{before}");
            assert_eq!(unknown_subject_ending_at(before, before.len()), None);
        }
    }

    proptest! {
        #[test]
        fn verb_like_words_are_found_as_defined(
            word in prop::sample::select(
                [PAYING_VERBS, GIVING_VERBS, AUXILIARIES, &["Funds", "fUNDS", "\u{212A}indly", "é", "gave\u{e9}"]]
                    .concat()
            ),
            before in "[a-zA-Zé-]{0,2}",
            after in "[ a-zA-Z0-9,.\u{e9}\u{212A}-]{0,3}",
        ) {
            for text in [format!("{word}{after}"), format!("{before}{word}{after}"), after.clone()] {
                prop_assert_eq!(
                    starts_verb_like(&text),
                    starts_verb_like_in_unicode(&text),
                    "{:?}", text
                );
            }
        }

        #[test]
        fn a_name_ends_only_where_it_may(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "Hope", "Valley", "Trust", "asbl", "GmbH", "e.V.", "of", "and", "the",
                    "funds", "is", "ECA", "ÉCOLE", "École", "école", "2030", "(GFC)", "Fund,", "x.",
                    "“Aid", "in", "The", "vzw", "Ltd", "plc", "Inc.", "project",
                ]),
                0..9,
            ),
            spaces in prop::collection::vec(prop::sample::select(vec![" ", "  ", "\t", "\n"]), 9),
        ) {
            let mut text = String::new();
            for (word, space) in words.iter().zip(&spaces) {
                text.push_str(word);
                text.push_str(space);
            }
            text.push_str("funds it");
            for (gap, _) in text.match_indices(' ') {
                if unknown_subject_ending_at(&text, gap).is_some() {
                    prop_assert!(may_end_a_name(&text[..gap]), "{:?} at {}", text, gap);
                }
            }
        }

        #[test]
        fn verb_like_words_of_any_text_are_found_as_defined(text in "\\PC{0,20}") {
            prop_assert_eq!(starts_verb_like(&text), starts_verb_like_in_unicode(&text));
        }

        #[test]
        fn mentions_stay_sorted_and_disjoint_whatever_is_inserted(
            names in prop::collection::vec((0usize..60, 0usize..12, 0u8..4), 0..40),
            grow in prop::collection::vec((0usize..40, 0usize..80), 0..5),
        ) {
            let mut mentions = Mentions::default();
            for (start, len, rank) in names {
                let added = mentions.insert(Mention::new(kind(rank), start, start + len));
                if added {
                    prop_assert!(mentions.starting_at(start).is_some());
                }
            }
            for (i, end) in grow {
                mentions.extend(i, end);
            }
            for pair in mentions.list.windows(2) {
                prop_assert!(pair[0].start < pair[0].end);
                prop_assert!(pair[0].end <= pair[1].start);
            }
        }
    }

    #[test]
    fn a_name_replaces_only_the_lower_ranked_names_it_overlaps() {
        let mut mentions = Mentions::default();
        assert!(mentions.insert(Mention::new(kind(0), 10, 16)));
        // A funder's name the reference lacks holds the country.
        assert!(mentions.insert(Mention::new(kind(1), 4, 20)));
        assert_eq!(mentions.len(), 1);
        // A country inside it stays out; a state body over it replaces it.
        assert!(!mentions.insert(Mention::new(kind(0), 12, 14)));
        assert!(mentions.insert(Mention::new(kind(3), 0, 22)));
        assert_eq!(mentions.list[0].kind.rank(), 3);
        assert!(!mentions.insert(Mention::new(kind(2), 21, 30)));
        assert!(!mentions.insert(Mention::new(kind(2), 5, 5)));
    }

    #[test]
    fn extend_takes_in_the_names_it_reaches() {
        let mut mentions = Mentions::default();
        for (start, end) in [(0, 4), (6, 10), (12, 14), (20, 25)] {
            mentions.insert(Mention::new(kind(2), start, end));
        }
        mentions.extend(0, 13);
        let spans: Vec<(usize, usize)> = mentions.list.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(spans, [(0, 13), (20, 25)]);
    }

    #[test]
    fn a_name_ends_before_a_funded_adjective_and_after_a_possessive() {
        let text = "a US Government-funded project";
        assert_eq!(&text[5..name_run(text, 5)], "Government");
        let text = "the Hope Trust's programme";
        assert_eq!(&text[4..name_run(text, 4)], "Hope Trust");
        let text = "the Bank of Hope and Light, Kenya";
        assert_eq!(&text[4..name_run(text, 4)], "Bank of Hope and Light");
    }

    #[test]
    fn a_name_looks_like_one_and_prose_does_not() {
        assert!(looks_like_name("Global Fund for Children"));
        assert!(looks_like_name(
            "Agencia Española de Cooperación para el Desarrollo"
        ));
        assert!(!looks_like_name("The project is financed through a fund"));
        assert!(!looks_like_name("Hope Trust runs"));
        assert!(!looks_like_name(
            "One Two Three Four Five Six Seven Eight Nine Ten Eleven"
        ));
    }

    #[test]
    fn a_printed_acronym_follows_a_name() {
        let text = "the Rural Water Alliance (RWA) and";
        assert_eq!(acronym_after(text, 24).map(|(a, _)| a), Some("RWA"));
        assert_eq!(acronym_after("the fund (in 2010)", 8), None);
        assert_eq!(acronym_after("the fund (Ab)", 8), None);
    }

    #[test]
    fn a_paying_verb_needs_money_unless_it_is_paying_itself() {
        assert!(pays_as_subject(" contributes EUR 2 million to it"));
        assert!(pays_as_subject(" has also generously granted USD 500,000"));
        assert!(pays_as_subject(" provides funding for the network"));
        assert!(pays_as_subject(" funds the second phase"));
        assert!(pays_as_subject(" is funding the pilot"));
        assert!(!pays_as_subject(" provides training to inspectors"));
        assert!(gives_support_as_subject(
            " is providing additional support to CGIAR"
        ));
        assert!(gives_support_as_subject(
            " provides assistance for the census"
        ));
        assert!(!gives_support_as_subject(" is provided support by the EU"));
        assert!(!gives_support_as_subject(" provides training and support"));
        assert!(!pays_as_subject(" contributes to the fund"));
        assert!(pays_as_subject(" has contributed to fund this project"));
        // Whitespace of several bytes after a legal form is cut around.
        assert_eq!(
            unknown_subject_ending_at("Sun Aid Ltd\u{2003}\u{a0} has", 16),
            Some((0, 7))
        );
        assert!(!pays_as_subject(" has contributed to train nurses"));
        assert!(!pays_as_subject(" is funded by its members"));
        assert!(!pays_as_subject(" was provided with funding"));
        assert!(!pays_as_subject(", Japan funds"));
    }

    #[test]
    fn a_body_is_found_before_its_state_in_each_word_order() {
        fn body<'t>(text: &'t str, country: &str) -> Option<&'t str> {
            let start = text.find(country)?;
            body_before(text, start, start + country.len(), 0).map(|(s, e)| &text[s..e])
        }
        assert_eq!(
            body("by the Ministry of Labour of Jordan", "Jordan"),
            Some("Ministry of Labour of Jordan")
        );
        assert_eq!(
            body("by the Ministry for Foreign Affairs Finland", "Finland"),
            Some("Ministry for Foreign Affairs Finland")
        );
        assert_eq!(
            body("by the Federal Ministry of Labour (Germany) and", "Germany"),
            Some("Federal Ministry of Labour (Germany)")
        );
        assert_eq!(
            body(
                "the Federal Ministry of Social Affairs (BMSA), Austria",
                "Austria"
            ),
            Some("Federal Ministry of Social Affairs (BMSA), Austria")
        );
        // The body must head the words: an office of another organisation
        // is not the state's.
        assert_eq!(body("the ILO Country Office Jordan", "Jordan"), None);
        assert_eq!(body("workers from Jordan", "Jordan"), None);
    }

    #[test]
    fn list_glue_is_punctuation_and_joining_words() {
        assert!(is_list_gap(", and the "));
        assert!(is_list_gap(" (") && is_list_gap(") & "));
        assert!(!is_list_gap(" in "));
        assert_eq!(
            glue_len(" the generous support of Japan", LEAD_IN_WORDS, ","),
            25
        );
        assert_eq!(glue_len("The Kingdom", LIST_WORDS, ","), 4);
    }
}
