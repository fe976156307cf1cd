//! User corrections (`data/overrides.csv`), applied after extraction so
//! that they survive re-runs: a project is named by its stable id.

use crate::dates::{duration_days, duration_months, Precision, ProjectDate};
use crate::extract::{Evidence, OrgRole, OrganisationFact, PlaceFact, PlaceRole, RegionFact};
use crate::project::Project;
use crate::reference::Reference;
use chrono::NaiveDate;
use ingest::{Diagnostic, Span};
use std::borrow::Cow;
use std::collections::HashMap;

pub const OVERRIDES_FILE: &str = "overrides.csv";

/// One correction: `set` a title, start or end; `add` or `remove` a
/// funder, country or region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub line: usize,
    pub project_id: String,
    pub field: OverrideField,
    pub action: Action,
    pub value: String,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverrideField {
    Title,
    Start,
    End,
    Funder,
    Country,
    Region,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Set,
    Add,
    Remove,
}

#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct OverrideError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Reads the corrections table. `file` names it in messages.
pub fn parse_overrides(file: &str, text: &str) -> Result<Vec<Override>, OverrideError> {
    let error = |line: usize, message: String| OverrideError {
        file: file.to_string(),
        line,
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| {
            error(
                err.position().map_or(0, |p| p.line() as usize),
                err.to_string(),
            )
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let get = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let field = match get(1).as_str() {
            "title" => OverrideField::Title,
            "start" => OverrideField::Start,
            "end" => OverrideField::End,
            "funder" => OverrideField::Funder,
            "country" => OverrideField::Country,
            "region" => OverrideField::Region,
            other => {
                return Err(error(
                    line,
                    format!(
                        "field `{other}`: expected title, start, end, funder, country or region"
                    ),
                ))
            }
        };
        let action = match get(2).as_str() {
            "set" => Action::Set,
            "add" => Action::Add,
            "remove" => Action::Remove,
            other => {
                return Err(error(
                    line,
                    format!("action `{other}`: expected set, add or remove"),
                ))
            }
        };
        let scalar = matches!(
            field,
            OverrideField::Title | OverrideField::Start | OverrideField::End
        );
        if scalar != (action == Action::Set) {
            return Err(error(
                line,
                "title, start and end take `set`; funder, country and region take `add` or `remove`".into(),
            ));
        }
        let value = get(3);
        if matches!(field, OverrideField::Start | OverrideField::End)
            && !value.is_empty()
            && value.parse::<NaiveDate>().is_err()
        {
            return Err(error(
                line,
                format!("`{value}` is not a date: expected YYYY-MM-DD or empty"),
            ));
        }
        out.push(Override {
            line,
            project_id: get(0),
            field,
            action,
            value,
            note: get(4),
        });
    }
    Ok(out)
}

/// The corrections of one file, applied to projects as they come (a run
/// sees its projects batch by batch); [`Corrections::finish`] warns of
/// those that matched no project (it may have left the listings).
pub struct Corrections {
    file: String,
    overrides: Vec<Override>,
    applied: Vec<bool>,
}

impl Corrections {
    pub fn new(file: impl Into<String>, overrides: Vec<Override>) -> Self {
        let applied = vec![false; overrides.len()];
        Corrections {
            file: file.into(),
            overrides,
            applied,
        }
    }

    /// Applies, in file order, every correction whose project is among
    /// `projects`.
    pub fn apply(
        &mut self,
        projects: &mut [Project],
        reference: &Reference,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if self.overrides.is_empty() {
            return;
        }
        let by_id: HashMap<&str, usize> = projects
            .iter()
            .enumerate()
            .map(|(index, p)| (p.id.as_str(), index))
            .collect();
        let wanted: Vec<(usize, usize)> = self
            .overrides
            .iter()
            .enumerate()
            .filter_map(|(o, c)| by_id.get(c.project_id.as_str()).map(|&p| (o, p)))
            .collect();
        for (o, p) in wanted {
            self.applied[o] = true;
            apply_one(
                &self.file,
                &self.overrides[o],
                &mut projects[p],
                reference,
                diagnostics,
            );
        }
    }

    /// Warns of every correction no project took.
    pub fn finish(self, diagnostics: &mut Vec<Diagnostic>) {
        for (o, applied) in self.overrides.iter().zip(self.applied) {
            if !applied {
                diagnostics.push(Diagnostic::warning(
                    &self.file,
                    o.line,
                    1,
                    format!(
                        "no project has id `{}`: correction not applied",
                        o.project_id
                    ),
                ));
            }
        }
    }
}

fn apply_one(
    file: &str,
    o: &Override,
    project: &mut Project,
    reference: &Reference,
    diagnostics: &mut Vec<Diagnostic>,
) {
    {
        let evidence = Evidence {
            line: o.line,
            sentence: if o.note.is_empty() {
                format!("{file}:{}", o.line).into()
            } else {
                o.note.as_str().into()
            },
            span: Span::new(0, 0),
            origin: "override",
        };
        let name = field_name(o.field).to_string();
        if !project.overridden.contains(&name) {
            project.overridden.push(name);
        }
        match (o.field, o.action) {
            (OverrideField::Title, _) => project.title = o.value.clone(),
            (OverrideField::Start | OverrideField::End, _) => {
                let date = o.value.parse::<NaiveDate>().ok().map(|date| ProjectDate {
                    date,
                    precision: Precision::Day,
                });
                if o.field == OverrideField::Start {
                    project.dates.start = date;
                } else {
                    project.dates.end = date;
                }
                project.duration_days = duration_days(&project.dates);
                project.duration_months = duration_months(&project.dates);
            }
            (OverrideField::Funder, Action::Remove) => project
                .facts
                .organisations
                .retain(|org| !(org.role == OrgRole::Funder && org.code == o.value)),
            (OverrideField::Funder, _) => {
                let known = reference.organisation_by_code(&o.value);
                let is_known = known.is_some();
                let (name, kind) = known.map_or_else(
                    || (Cow::Owned(o.value.clone()), "unknown"),
                    |(name, kind)| (Cow::Borrowed(name), kind),
                );
                project.facts.organisations.push(OrganisationFact {
                    name,
                    code: o.value.clone().into(),
                    kind,
                    role: OrgRole::Funder,
                    mention: o.value.clone(),
                    known: is_known,
                    evidence,
                });
            }
            (OverrideField::Country, Action::Remove) => {
                project.facts.places.retain(|p| p.alpha3 != o.value);
                project.facts.regions.retain(|r| r.via != o.value);
            }
            (OverrideField::Country, _) => match reference.country(&o.value) {
                Some(country) => {
                    project.facts.places.push(PlaceFact {
                        alpha3: country.alpha3,
                        name: country.name,
                        region: country.region,
                        subregion: country.subregion,
                        intermediate: country.intermediate,
                        role: PlaceRole::Focus,
                        mention: o.value.clone(),
                        evidence: evidence.clone(),
                    });
                    if let Some(region) = country.region {
                        project.facts.regions.push(RegionFact {
                            region: region.into(),
                            subregion: country.subregion,
                            via: country.alpha3,
                            evidence,
                        });
                    }
                }
                None => diagnostics.push(Diagnostic::warning(
                    file,
                    o.line,
                    1,
                    format!("`{}` is not an ISO 3166-1 alpha-3 code devcoop knows: correction not applied", o.value),
                )),
            },
            (OverrideField::Region, Action::Remove) => {
                project.facts.regions.retain(|r| r.region != o.value)
            }
            (OverrideField::Region, _) => project.facts.regions.push(RegionFact {
                region: o.value.clone().into(),
                subregion: None,
                via: "override",
                evidence,
            }),
        }
    }
}

fn field_name(field: OverrideField) -> &'static str {
    match field {
        OverrideField::Title => "title",
        OverrideField::Start => "start",
        OverrideField::End => "end",
        OverrideField::Funder => "funders",
        OverrideField::Country => "countries",
        OverrideField::Region => "regions",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_and_checked() {
        let text = "# corrections\nproject_id,field,action,value,note\nabc,funder,add,JPN,Annual report 2008\nabc,start,set,2007-06-01,\n";
        let rows = parse_overrides("overrides.csv", text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].field, OverrideField::Funder);
        assert_eq!(rows[1].value, "2007-06-01");
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let text = "project_id,field,action,value,note\nabc,budget,set,5,\n";
        let err = parse_overrides("overrides.csv", text).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err
            .to_string()
            .starts_with("overrides.csv:2: field `budget`"));
        let text = "project_id,field,action,value,note\nabc,funder,set,JPN,\n";
        assert!(parse_overrides("o.csv", text).is_err());
        let text = "project_id,field,action,value,note\nabc,start,set,June 2007,\n";
        assert!(parse_overrides("o.csv", text)
            .unwrap_err()
            .message
            .contains("not a date"));
    }
}
