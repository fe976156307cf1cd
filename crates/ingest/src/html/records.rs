//! Records a page repeats. A page built from a template prints each
//! record in an element of its own, its siblings alike (`<article
//! class="project">` five times, `<div class="case-study">` seven). The
//! page's lines are read as a text listing's are, by what the text shows;
//! where the elements tell another story, they say where each record
//! begins and ends:
//! - a card whose headline, subheadings and bullets were read as records
//!   of their own is one record, titled by the line its siblings print
//!   their title on (`Project name :` over it), else by its opening
//!   heading;
//! - a card the text reading found nothing in, among cards it found one
//!   record in each, is a record too, titled as its siblings are, else by
//!   its first line (a sentence of it where the line is too long);
//! - where the text reading found no record at all, cards of a line or a
//!   few each (a grid of captions) are the records.
//!
//! A group changes nothing where the text reading found one record in
//! each of its members. It is left alone where more than half of its
//! members hold none (a row of a page's columns, a strip of figures beside
//! the listing), where most of a card's extra records carry their own
//! dates (an accordion's panels of dated projects), where three of them
//! are a list's items (an objective over the projects serving it), and,
//! where no sibling tells the title's line, unless the card opens on a
//! heading the text reading read as no record and its extra records are
//! no headings as high.

use crate::record::{RawProject, Segment, Span, Text};
use crate::units::MAX_TITLE_CHARS;
use std::collections::BTreeMap;
use std::ops::Range;

/// The projects of a page, one for each member of each group of repeated
/// containers that the rules above apply to, the others as they were; in
/// document order, numbered again from 1.
pub(super) fn one_record_per_container(
    source: &str,
    groups: &[Vec<Range<usize>>],
    text: &str,
    mut projects: Vec<RawProject>,
) -> Vec<RawProject> {
    // Members of the groups read so far, by their start: a group inside
    // one of them is a card's own parts.
    let mut applied: BTreeMap<usize, usize> = BTreeMap::new();
    let inside_applied = |applied: &BTreeMap<usize, usize>, member: &Range<usize>| {
        applied
            .range(..=member.start)
            .next_back()
            .is_some_and(|(_, &end)| member.end <= end)
    };
    for members in groups.iter().take(MOST_GROUPS) {
        if members.iter().any(|m| inside_applied(&applied, m)) {
            continue;
        }
        if let Some(read) = read_group(source, members, text, &projects) {
            projects = read;
            applied.extend(members.iter().map(|m| (m.start, m.end)));
        }
    }
    for (i, project) in projects.iter_mut().enumerate() {
        project.ordinal = i + 1;
    }
    projects
}

/// The most groups a page's records are looked for in: a page has a few,
/// and a hostile page's thousands must not each cost a pass over its
/// projects.
const MOST_GROUPS: usize = 64;

/// Where a project's title starts in the page's text.
fn title_at(project: &RawProject) -> usize {
    project.title.span().map_or(project.span.start, |s| s.start)
}

/// The projects with `members` read one record each, or `None` where the
/// group is not the page's records or changes nothing.
fn read_group(
    source: &str,
    members: &[Range<usize>],
    text: &str,
    projects: &[RawProject],
) -> Option<Vec<RawProject>> {
    let mut by_title: Vec<(usize, usize)> = projects
        .iter()
        .enumerate()
        .map(|(i, project)| (title_at(project), i))
        .collect();
    by_title.sort_unstable();
    let held: Vec<Vec<usize>> = members
        .iter()
        .map(|member| {
            let from = by_title.partition_point(|&(at, _)| at < member.start);
            let to = by_title.partition_point(|&(at, _)| at < member.end);
            // `from <= to`: a member starts before it ends.
            let mut inside: Vec<usize> = by_title[from..to].iter().map(|&(_, i)| i).collect();
            inside.sort_unstable();
            inside
        })
        .collect();
    let holders = held.iter().filter(|h| !h.is_empty()).count();
    let changes = held.iter().any(|h| h.len() != 1);
    if !projects.is_empty() && (!changes || holders * 2 < members.len()) {
        return None;
    }
    let (parts, dated_parts) = held
        .iter()
        .flat_map(|h| h.iter().skip(1))
        .fold((0, 0), |(parts, dated), &i| {
            (parts + 1, dated + usize::from(projects[i].date.is_some()))
        });
    let lines: Vec<Vec<(Segment, bool)>> = members
        .iter()
        .map(|member| member_lines(text, member.clone()))
        .collect();
    let title_line = learnt_title_line(&lines, &held, projects);
    let cards_with_headlines = members
        .iter()
        .zip(&held)
        .zip(&lines)
        .filter(|((_, h), _)| h.len() > 1)
        .all(|((member, h), lines)| match title_line {
            Some(k) => {
                parts_after_the_title(lines, k, h, projects)
                    && !holds_a_list_of_records(text, h, projects)
            }
            None => opens_on_its_headline(text, member.clone(), h, projects),
        });
    let found_records = !projects.is_empty() && dated_parts * 2 <= parts && cards_with_headlines;
    let found_nothing = projects.is_empty()
        && members
            .iter()
            .zip(&lines)
            .all(|(member, lines)| member_record(source, lines, member.clone(), None).is_some());
    if !found_records && !found_nothing {
        return None;
    }
    let mut in_members = vec![false; projects.len()];
    for &i in held.iter().flatten() {
        in_members[i] = true;
    }
    let mut read: Vec<RawProject> = projects
        .iter()
        .zip(&in_members)
        .filter(|(_, inside)| !**inside)
        .map(|(p, _)| p.clone())
        .collect();
    for ((member, held), lines) in members.iter().zip(&held).zip(&lines) {
        let record = match held.split_first() {
            Some((&first, rest)) => {
                let mut record = projects[first].clone();
                if !rest.is_empty() {
                    let headline = match title_line {
                        Some(k) => lines.get(k).map(|(line, _)| line),
                        None => opening_headline(lines),
                    };
                    if let Some(headline) = headline {
                        retitle(&mut record, headline.clone());
                    }
                }
                for &i in rest {
                    absorb(&mut record, &projects[i]);
                }
                Some(record)
            }
            None => member_record(source, lines, member.clone(), title_line),
        };
        read.extend(record);
    }
    read.sort_by_key(title_at);
    Some(read)
}

/// The line of each member its title stands on, where the members the
/// text reading found one record in (two at least) all agree: the cards
/// of a template print their title at one place (`Project name :` over
/// it).
fn learnt_title_line(
    lines: &[Vec<(Segment, bool)>],
    held: &[Vec<usize>],
    projects: &[RawProject],
) -> Option<usize> {
    let mut at = lines
        .iter()
        .zip(held)
        .filter_map(|(lines, held)| match held.as_slice() {
            [one] => {
                let title = title_at(&projects[*one]);
                Some(lines.iter().position(|(line, _)| {
                    line.span.start <= title && title < line.span.end.max(line.span.start + 1)
                }))
            }
            _ => None,
        });
    let first = at.next()??;
    let mut agreeing = 1;
    for line in at {
        if line != Some(first) {
            return None;
        }
        agreeing += 1;
    }
    (agreeing >= 2).then_some(first)
}

/// Whether a member read as the records `held`, where its siblings print
/// their title on line `k`, has a line `k` and the records after the first
/// below it: the parts of a card under its title.
fn parts_after_the_title(
    lines: &[(Segment, bool)],
    k: usize,
    held: &[usize],
    projects: &[RawProject],
) -> bool {
    let Some((title, _)) = lines.get(k) else {
        return false;
    };
    held.iter()
        .skip(1)
        .all(|&i| title_at(&projects[i]) >= title.span.end)
}

/// Whether three records or more of a member are items of a list: a card
/// that lists projects (an objective over the projects serving it), not a
/// card to be read as one record.
fn holds_a_list_of_records(text: &str, held: &[usize], projects: &[RawProject]) -> bool {
    const FEWEST_ITEMS: usize = 3;
    held.iter()
        .filter(|&&i| is_list_item(text, title_at(&projects[i])))
        .count()
        >= FEWEST_ITEMS
}

/// Whether the line of the page's text that `at` is in is a list's item
/// (`• Title`, `2. Title`).
fn is_list_item(text: &str, at: usize) -> bool {
    let start = text
        .get(..at)
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line = text.get(start..).unwrap_or_default().trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line.starts_with('•') || digits > 0 && line.get(digits..).is_some_and(|r| r.starts_with(". "))
}

/// Whether a member read as the records `held` opens on a heading of its
/// own at or before the first one's title, the others' titles no heading
/// as high: a card with its headline over subheadings and bullets, not a
/// row of cards each with its headline (nor a column of a list's items).
fn opens_on_its_headline(
    text: &str,
    member: Range<usize>,
    held: &[usize],
    projects: &[RawProject],
) -> bool {
    let Some(level) = heading_level(text, member.start) else {
        return false;
    };
    let Some((first, parts)) = held.split_first() else {
        return false;
    };
    // The text reading read the headline as no record of its own: a
    // headline it read as one, records under it, is a section it read.
    let headline_end = text
        .get(member.clone())
        .and_then(|body| body.find('\n'))
        .map_or(member.end, |at| member.start + at);
    title_at(&projects[*first]) > headline_end
        && parts
            .iter()
            .all(|&i| heading_level(text, title_at(&projects[i])).is_none_or(|part| part > level))
}

/// The level of the heading on the line of the page's text that `at` is
/// in (`### Title` is 3), if it is one.
fn heading_level(text: &str, at: usize) -> Option<usize> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(start..)?.trim_start();
    let level = line.bytes().take_while(|&b| b == b'#').count();
    (level > 0 && line.as_bytes().get(level) == Some(&b' ')).then_some(level)
}

/// A card read as several records opens on its headline, where no
/// sibling tells where its title stands: its first line, a heading (not
/// a label ending in a colon, `Project name :`).
fn opening_headline(lines: &[(Segment, bool)]) -> Option<&Segment> {
    match lines.first() {
        Some((line, true)) if !line.text.ends_with(':') => Some(line),
        _ => None,
    }
}

/// `headline` is the record's title, the title it was read with (and its
/// kicker) its text.
fn retitle(record: &mut RawProject, headline: Segment) {
    if record
        .title
        .span()
        .is_some_and(|span| span == headline.span)
    {
        return;
    }
    let read = std::mem::replace(&mut record.title, Text::from_segment(headline));
    if let Some(kicker) = record.kicker.take() {
        record.description.insert(0, kicker);
    }
    record.description.insert(0, read);
}

/// `part`, read as a record of its own, is a part of `record`: its title
/// a paragraph of the record's text, its dates the record's where it
/// has none.
fn absorb(record: &mut RawProject, part: &RawProject) {
    if record.date.is_none() {
        record.date.clone_from(&part.date);
    }
    if let Some(kicker) = &part.kicker {
        record.description.push(kicker.clone());
    }
    if !part.title.is_empty() && part.title.span() != record.title.span() {
        record.description.push(part.title.clone());
    }
    record.fields.extend(part.fields.iter().cloned());
    record.description.extend(part.description.iter().cloned());
    record.span = record.span.cover(part.span);
}

/// A record read from a member's text alone: its title on `title_line`
/// where the siblings tell it, else on its first line (where the member
/// holds no heading: the text reading read its headings, and found no
/// record under them), each other line a paragraph of its text. `None`
/// where that line is too long to be a title.
fn member_record(
    source: &str,
    lines: &[(Segment, bool)],
    member: Range<usize>,
    title_line: Option<usize>,
) -> Option<RawProject> {
    if title_line.is_none() && lines.iter().any(|&(_, heading)| heading) {
        return None;
    }
    let at = title_line.unwrap_or(0);
    let mut title = lines.get(at)?.0.clone();
    let rest = first_sentence(&mut title);
    if title.text.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    let before = lines[..at].iter().map(|(line, _)| line.clone());
    let after = lines[at + 1..].iter().map(|(line, _)| line.clone());
    let description = before
        .chain(rest)
        .chain(after)
        .map(Text::from_segment)
        .collect();
    Some(RawProject {
        source: source.to_string(),
        ordinal: 0,
        section: None,
        section_heading: None,
        list_number: None,
        kicker: None,
        title: Text::from_segment(title),
        date: None,
        fields: Vec::new(),
        description,
        first_line: 0,
        last_line: 0,
        span: Span::new(member.start, member.end),
        anchor: None,
    })
}

/// The lines of a member's text that hold any, each without the marks
/// the page's lines give a heading or a list item, and whether it is a
/// heading.
fn member_lines(text: &str, member: Range<usize>) -> Vec<(Segment, bool)> {
    let Some(body) = text.get(member.clone()) else {
        return Vec::new();
    };
    let mut at = member.start;
    let mut lines = Vec::new();
    for line in body.split('\n') {
        let start = at;
        at += line.len() + 1;
        let unmarked = without_marks(line);
        let trimmed = unmarked.trim();
        if !trimmed.is_empty() {
            let from = start + (line.len() - unmarked.trim_start().len());
            let heading = line.trim_start().starts_with('#');
            lines.push((segment(trimmed, from), heading));
        }
    }
    lines
}

/// Cuts a line too long for a title after its first sentence (its stop
/// kept: a card's paragraph that opens on what was done, `Baseline survey
/// for the consortium. The survey …`), giving back the rest.
fn first_sentence(line: &mut Segment) -> Option<Segment> {
    if line.text.chars().count() <= MAX_TITLE_CHARS {
        return None;
    }
    // A sentence ends on a stop before a capital (`u.a. in` abbreviates).
    let stop = line
        .text
        .match_indices(". ")
        .find(|&(at, _)| line.text[at + 2..].starts_with(char::is_uppercase))?
        .0;
    let rest = line.text[stop + 2..].trim_end().to_string();
    let rest_start = line.span.start + stop + 2;
    line.text.truncate(stop + 1);
    line.span = Span::new(line.span.start, line.span.start + stop + 1);
    Some(segment(&rest, rest_start))
}

/// A line's text of the page without the marks its lines give a heading
/// (`### `) or a list item (`• `, `3. `).
fn without_marks(line: &str) -> &str {
    let unheaded = line.trim_start().trim_start_matches('#');
    let unbulleted = unheaded.trim_start().trim_start_matches('•');
    let digits = unbulleted
        .trim_start()
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let rest = unbulleted.trim_start();
    match rest.get(digits..) {
        Some(after) if digits > 0 && after.starts_with(". ") => &after[2..],
        _ => unbulleted,
    }
}

fn segment(text: &str, from: usize) -> Segment {
    Segment {
        text: text.to_string(),
        line: 0,
        span: Span::new(from, from + text.len()),
        map: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lines_marks_are_left_out_of_its_text() {
        assert_eq!(
            without_marks("### Wells for the valley"),
            "Wells for the valley"
        );
        assert_eq!(without_marks("• Seed bank"), " Seed bank");
        assert_eq!(without_marks("12. Seed bank"), "Seed bank");
        assert_eq!(
            without_marks("2019 was a good year"),
            "2019 was a good year"
        );
    }

    #[test]
    fn headings_and_items_are_told_by_their_lines() {
        let text = "intro\n## Wells\n• Seed bank\n3. Clinics\n#hashtag";
        assert_eq!(heading_level(text, text.find("Wells").unwrap()), Some(2));
        assert_eq!(heading_level(text, text.find("hashtag").unwrap()), None);
        assert!(is_list_item(text, text.find("Seed").unwrap()));
        assert!(is_list_item(text, text.find("Clinics").unwrap()));
        assert!(!is_list_item(text, text.find("Wells").unwrap()));
    }

    #[test]
    fn a_line_too_long_for_a_title_is_cut_after_its_first_sentence() {
        let long = format!(
            "Baseline survey for the consortium. {}",
            "It counts wells. ".repeat(30)
        );
        let mut line = segment(&long, 100);
        let rest = first_sentence(&mut line).expect("a rest");
        assert_eq!(line.text, "Baseline survey for the consortium.");
        assert_eq!(line.span, Span::new(100, 135));
        assert!(rest.text.starts_with("It counts wells."));
        assert_eq!(rest.span.start, 136);
        let mut short = segment("Wells. More wells.", 0);
        assert!(first_sentence(&mut short).is_none());
    }
}
