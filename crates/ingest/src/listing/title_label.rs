//! Rule TL: a listing whose records are runs of fields names their titles
//! with a label of its own (`Sponsor: …` / `Location: …` / `Activity
//! nature: Boreholes for three schools` / `Dates: …`). No label the
//! vocabulary knows says which field holds the title, so the listing
//! says it: a label the vocabulary lacks, printed in every record, with a
//! field of facts the vocabulary knows (not of prose) between any two of
//! its own, its values nearly all different and, of such labels, the
//! longest.

use crate::labels::Meaning;
use crate::units::{Unit, UnitKind};
use std::collections::{BTreeMap, BTreeSet};

/// Fewest records before a label names the titles.
const FEWEST: usize = 3;
/// Fewest words a title holds on average.
const FEWEST_WORDS: usize = 3;
/// The unlisted labels followed: a listing has a few, a page of prose
/// with colons many, and none of those is a title's.
const MOST_LABELS: usize = 16;
/// Values compared for repeats: enough to tell titles from a constant.
const VALUES_COMPARED: usize = 64;

/// What the units seen so far tell of each unlisted label, counted as the
/// units come, so that the listing learns the same however it is cut.
#[derive(Debug, Default)]
pub(super) struct FieldLabels {
    /// Units seen: the file's first may be the page's title field.
    seen: usize,
    /// A title field of the vocabulary (`Project title: …`) below the
    /// file's first unit: rule 0 reads the titles, this rule does not.
    vocabulary_titles: bool,
    /// The label of the first field of the run of fields the last unit
    /// ends, if it is a field.
    run_opening: Option<String>,
    /// How often each label the vocabulary knows was printed.
    known_counts: BTreeMap<String, usize>,
    labels: BTreeMap<String, LabelSeen>,
}

#[derive(Debug, Default)]
struct LabelSeen {
    count: usize,
    /// Stretches between two of the label's fields holding only fields,
    /// one the vocabulary knows at least, and the other stretches.
    runs_of_fields: usize,
    other_stretches: usize,
    /// Since the label's last field: a known field, and a unit that is not
    /// a field.
    known_since: bool,
    other_since: bool,
    words: usize,
    /// The first values, and how many of them were printed before.
    values: BTreeSet<String>,
    repeats: usize,
    /// The label of the first field of the run the label's first field
    /// stands in: where each record opens.
    opening: Option<String>,
}

impl FieldLabels {
    /// Counts the next units of the listing.
    pub(super) fn count(&mut self, units: &[Unit]) {
        for unit in units {
            self.count_unit(unit);
            self.seen += 1;
        }
    }

    fn count_unit(&mut self, unit: &Unit) {
        let UnitKind::Field { label, known } = &unit.kind else {
            self.run_opening = None;
            for seen in self.labels.values_mut() {
                seen.other_since = true;
            }
            return;
        };
        if self.vocabulary_titles {
            return;
        }
        if unit.is_title_field() && self.seen > 0 {
            self.vocabulary_titles = true;
            self.labels.clear();
            return;
        }
        let label = label.to_lowercase();
        if self.run_opening.is_none() {
            self.run_opening = Some(label.clone());
        }
        if *known {
            // A record's facts, not its prose (`Objectives: …` under
            // titles that open on their country and a colon).
            if unit.meaning() == Some(Meaning::Prose) {
                return;
            }
            *self.known_counts.entry(label).or_default() += 1;
            for seen in self.labels.values_mut() {
                seen.known_since = true;
            }
            return;
        }
        if self.labels.len() >= MOST_LABELS && !self.labels.contains_key(&label) {
            return;
        }
        let seen = self.labels.entry(label).or_default();
        if seen.count == 0 {
            seen.opening.clone_from(&self.run_opening);
        } else if seen.known_since && !seen.other_since {
            seen.runs_of_fields += 1;
        } else {
            seen.other_stretches += 1;
        }
        seen.count += 1;
        seen.known_since = false;
        seen.other_since = false;
        seen.words += unit.content.clean().split_whitespace().count();
        if seen.values.len() < VALUES_COMPARED
            && !seen.values.insert(unit.content.clean().into_owned())
        {
            seen.repeats += 1;
        }
    }

    /// The label that names the titles, if one does (lower case).
    pub(super) fn title_label(&self) -> Option<String> {
        self.best().map(|(label, _)| label.clone())
    }

    /// The label of the field that opens each record, where a label names
    /// the titles.
    pub(super) fn opening_label(&self) -> Option<String> {
        self.best().and_then(|(_, seen)| seen.opening.clone())
    }

    fn best(&self) -> Option<(&String, &LabelSeen)> {
        if self.vocabulary_titles {
            return None;
        }
        // In every record: as often as any known label.
        let most_known = self.known_counts.values().copied().max().unwrap_or(0);
        self.labels
            .iter()
            .filter(|(_, seen)| {
                seen.count >= FEWEST
                    && seen.count >= most_known
                    // Titles, not a constant or a status: a fifth
                    // printed twice at most (two grants may share a name).
                    && 5 * seen.repeats <= seen.values.len() + seen.repeats
                    && seen.words >= FEWEST_WORDS * seen.count
                    && seen.runs_of_fields >= FEWEST - 1
                    // A heading between two cards now and then.
                    && 4 * seen.other_stretches <= seen.runs_of_fields
            })
            // The longest values, the first label on a tie.
            .max_by(|a, b| {
                (a.1.words * b.1.count)
                    .cmp(&(b.1.words * a.1.count))
                    .then_with(|| b.0.cmp(a.0))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learnt(text: &str) -> (Option<String>, Option<String>) {
        let source = crate::source::decode("p.txt", text.as_bytes()).expect("a listing");
        let mut labels = FieldLabels::default();
        labels.count(&crate::units::units(&source.lines));
        (labels.title_label(), labels.opening_label())
    }

    /// Three records of `Sponsor`, `Activity` and `Dates` fields, the
    /// activities' names given.
    fn records(activities: [&str; 3]) -> String {
        activities
            .iter()
            .enumerate()
            .map(|(k, activity)| {
                format!(
                    "Sponsor: Fund {k}\nActivity: {activity}\nDates: 201{k} - 201{}\n",
                    k + 1
                )
            })
            .collect()
    }

    #[test]
    fn the_longest_unlisted_label_in_every_record_names_the_titles() {
        let text = records([
            "Wells for three villages",
            "Clinics for herders",
            "Seeds for returnees",
        ]);
        assert_eq!(
            learnt(&text),
            (Some("activity".into()), Some("sponsor".into()))
        );
    }

    #[test]
    fn values_printed_twice_or_short_are_no_titles() {
        let repeated = records([
            "Water for villages",
            "Health for herders",
            "Water for villages",
        ]);
        assert_eq!(learnt(&repeated).0, None);
        let short = records(["Wells", "Clinics", "Seeds"]);
        assert_eq!(learnt(&short).0, None);
    }

    #[test]
    fn two_records_of_several_may_share_a_title() {
        let text = records([
            "Wells for three villages",
            "Clinics for herders",
            "Seeds for returnees",
        ]) + &records([
            "Schools for the valley",
            "Wells for three villages",
            "Roads to the market",
        ]);
        assert_eq!(learnt(&text).0, Some("activity".into()));
    }

    #[test]
    fn a_label_missing_from_a_record_is_no_title_label() {
        // `Asia` before three titles of four is a place, not a label.
        let text = "Asia: Wells for three villages\nDonor: Japan\n\
                    Africa: Clinics for herders\nDonor: Sweden\n\
                    Asia: Seeds for returnees\nDonor: Japan\n\
                    Asia: Schools for the valley\nDonor: Korea\n";
        assert_eq!(learnt(text).0, None);
    }

    #[test]
    fn a_title_label_of_the_vocabulary_leaves_the_titles_to_it() {
        let text = records([
            "Wells for three villages",
            "Clinics for herders",
            "Seeds for returnees",
        ]) + "Project title: Schools for the valley\nDates: 2020\n";
        assert_eq!(learnt(&text).0, None);
    }
}
