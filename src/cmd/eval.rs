//! `devcoop eval`: score extraction against hand-made gold annotations.
//!
//! Example: `devcoop eval --input ../shared/corpus/raw --gold ../shared/corpus/gold`

use anyhow::{Context, Result};
use devcoop::config::Config;
use devcoop::pipeline;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare what devcoop extracts with gold JSONL files.
///
/// Projects are matched by source file and ordinal. Prints micro-averaged
/// precision, recall and F1 for funders, countries and regions, exact-match
/// accuracy for title, start and end, a per-file breakdown and every
/// mistake. Exits with 1 when an F1 is below --min-f1 or an accuracy below
/// --min-exact.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  devcoop eval --input ../shared/corpus/raw --gold ../shared/corpus/gold --min-f1 0.97 --min-exact 0.98"
)]
pub struct Args {
    /// Listing files or directories.
    #[arg(long = "input", value_name = "PATH", required = true, num_args = 1..)]
    inputs: Vec<PathBuf>,
    /// Directory of gold `.jsonl` files (one object per project).
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Fail (exit 1) if the F1 of funders, countries or regions is below this.
    #[arg(long, value_name = "X")]
    min_f1: Option<f64>,
    /// Fail (exit 1) if the exact-match accuracy of titles, starts or ends
    /// is below this.
    #[arg(long, value_name = "X")]
    min_exact: Option<f64>,
}

const SET_FIELDS: [&str; 3] = ["funders", "countries", "regions"];
const EXACT_FIELDS: [&str; 3] = ["title", "start", "end"];

#[derive(Debug, Default, Clone, Serialize)]
struct SetScore {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl SetScore {
    fn finish(&mut self) {
        let tp = self.true_positives as f64;
        let ratio = |d: f64| if d == 0.0 { 1.0 } else { tp / d };
        self.precision = ratio(tp + self.false_positives as f64);
        self.recall = ratio(tp + self.false_negatives as f64);
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
    }
}

#[derive(Debug, Default, Clone, Serialize)]
struct ExactScore {
    correct: usize,
    total: usize,
    accuracy: f64,
}

#[derive(Debug, Default, Clone, Serialize)]
struct Scores {
    projects_gold: usize,
    projects_found: usize,
    sets: BTreeMap<&'static str, SetScore>,
    exact: BTreeMap<&'static str, ExactScore>,
}

#[derive(Debug, Clone, Serialize)]
struct Mistake {
    file: String,
    ordinal: u64,
    field: String,
    expected: Value,
    got: Value,
}

#[derive(Debug, Serialize)]
struct Report {
    overall: Scores,
    files: BTreeMap<String, Scores>,
    mistakes: Vec<Mistake>,
}

fn read_gold(dir: &Path) -> Result<Vec<Value>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the gold directory", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut rows = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("{}: cannot read", file.display()))?;
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let row: Value = serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not a JSON object", file.display(), n + 1))?;
            rows.push(row);
        }
    }
    Ok(rows)
}

fn key(row: &Value) -> (String, u64) {
    (
        row["source"].as_str().unwrap_or_default().to_string(),
        row["ordinal"].as_u64().unwrap_or_default(),
    )
}

fn set_of(row: Option<&Value>, field: &str) -> BTreeSet<String> {
    row.and_then(|r| r[field].as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str())
                .map(|code| match field {
                    "funders" => funder_key(code),
                    _ => code.to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Funder codes compare as upper-case letters and digits only (the gold
/// corpus's convention 9): `Hope Valley Trust` and `HOPEVALLEYTRUST` are
/// the same funder.
fn funder_key(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

fn score(gold: &[Value], found: &[Value], mistakes: &mut Vec<Mistake>) -> Scores {
    let found_by_key: BTreeMap<(String, u64), &Value> = found.iter().map(|r| (key(r), r)).collect();
    let gold_keys: BTreeSet<(String, u64)> = gold.iter().map(key).collect();
    let mut scores = Scores {
        projects_gold: gold.len(),
        projects_found: found.len(),
        ..Scores::default()
    };
    let mut compare = |file: &str, ordinal: u64, expected: Option<&Value>, got: Option<&Value>| {
        for field in SET_FIELDS {
            let (e, g) = (set_of(expected, field), set_of(got, field));
            let s = scores.sets.entry(field).or_default();
            s.true_positives += e.intersection(&g).count();
            s.false_positives += g.difference(&e).count();
            s.false_negatives += e.difference(&g).count();
            if e != g {
                mistakes.push(Mistake {
                    file: file.to_string(),
                    ordinal,
                    field: field.to_string(),
                    expected: serde_json::json!(e),
                    got: serde_json::json!(g),
                });
            }
        }
        if let Some(expected) = expected {
            for field in EXACT_FIELDS {
                let s = scores.exact.entry(field).or_default();
                s.total += 1;
                let got_value = got.map_or(Value::Null, |g| g[field].clone());
                if expected[field] == got_value {
                    s.correct += 1;
                } else {
                    mistakes.push(Mistake {
                        file: file.to_string(),
                        ordinal,
                        field: field.to_string(),
                        expected: expected[field].clone(),
                        got: got_value,
                    });
                }
            }
        }
    };
    for row in gold {
        let (file, ordinal) = key(row);
        compare(
            &file,
            ordinal,
            Some(row),
            found_by_key.get(&(file.clone(), ordinal)).copied(),
        );
    }
    for row in found {
        let (file, ordinal) = key(row);
        if !gold_keys.contains(&(file.clone(), ordinal)) {
            compare(&file, ordinal, None, Some(row));
        }
    }
    for s in scores.sets.values_mut() {
        s.finish();
    }
    for s in scores.exact.values_mut() {
        s.accuracy = if s.total == 0 {
            1.0
        } else {
            s.correct as f64 / s.total as f64
        };
    }
    scores
}

pub fn run(args: Args) -> Result<ExitCode> {
    let config = Config::load(None)?;
    let inputs = pipeline::input_files(&config, &args.inputs)?;
    // Scores what devcoop reads, read as a run reads, so user corrections
    // are not applied.
    let read = pipeline::collect_projects(&config, &inputs.files, false)?;
    // Not scored, yet worth knowing: a listing that was not read scores
    // as missed.
    for problem in inputs.warnings.iter().chain(&read.errors) {
        eprintln!("{problem}");
    }
    let projects = read.projects;
    let found: Vec<Value> = projects.iter().map(crate::cmd::gold_row).collect();
    let gold = read_gold(&args.gold)?;
    // Only listings that have gold annotations are scored.
    let gold_sources: BTreeSet<String> = gold.iter().map(|r| key(r).0).collect();
    let found: Vec<Value> = found
        .into_iter()
        .filter(|r| gold_sources.contains(&key(r).0))
        .collect();

    let mut mistakes = Vec::new();
    let overall = score(&gold, &found, &mut mistakes);
    let mut files_report = BTreeMap::new();
    for source in &gold_sources {
        let g: Vec<Value> = gold
            .iter()
            .filter(|r| &key(r).0 == source)
            .cloned()
            .collect();
        let f: Vec<Value> = found
            .iter()
            .filter(|r| &key(r).0 == source)
            .cloned()
            .collect();
        files_report.insert(source.clone(), score(&g, &f, &mut Vec::new()));
    }
    let report = Report {
        overall,
        files: files_report,
        mistakes,
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        print_report(&mut out, &report)?;
    }
    let mut below: Vec<String> = Vec::new();
    if let Some(min) = args.min_f1 {
        for field in SET_FIELDS {
            if report.overall.sets.get(field).is_some_and(|s| s.f1 < min) {
                below.push(format!("{field} F1 below {min}"));
            }
        }
    }
    if let Some(min) = args.min_exact {
        for field in EXACT_FIELDS {
            if report
                .overall
                .exact
                .get(field)
                .is_some_and(|s| s.accuracy < min)
            {
                below.push(format!("{field} exact accuracy below {min}"));
            }
        }
    }
    if below.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("error: {}", below.join(", "));
        Ok(ExitCode::from(crate::cmd::EXIT_FAILURE))
    }
}

fn print_report(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let overall = &report.overall;
    writeln!(
        out,
        "projects: {} gold, {} found",
        overall.projects_gold, overall.projects_found
    )?;
    writeln!(
        out,
        "{:<10} {:>9} {:>9} {:>9}",
        "field", "precision", "recall", "F1"
    )?;
    for (field, s) in &overall.sets {
        writeln!(
            out,
            "{field:<10} {:>9.3} {:>9.3} {:>9.3}",
            s.precision, s.recall, s.f1
        )?;
    }
    writeln!(out, "{:<10} {:>9}", "field", "exact")?;
    for (field, s) in &overall.exact {
        writeln!(
            out,
            "{field:<10} {:>9.3}  ({}/{})",
            s.accuracy, s.correct, s.total
        )?;
    }
    writeln!(
        out,
        "\nper file (F1 funders/countries/regions, exact title/start/end):"
    )?;
    for (file, s) in &report.files {
        let f1 = |f: &str| s.sets.get(f).map_or(1.0, |x| x.f1);
        let ex = |f: &str| s.exact.get(f).map_or(1.0, |x| x.accuracy);
        writeln!(
            out,
            "  {file}: {:.2}/{:.2}/{:.2}  {:.2}/{:.2}/{:.2}",
            f1("funders"),
            f1("countries"),
            f1("regions"),
            ex("title"),
            ex("start"),
            ex("end")
        )?;
    }
    if !report.mistakes.is_empty() {
        writeln!(out, "\nmistakes:")?;
        for m in &report.mistakes {
            writeln!(
                out,
                "  {} #{} {}: expected {}, got {}",
                m.file, m.ordinal, m.field, m.expected, m.got
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(ordinal: u64, funders: &[&str], title: &str) -> Value {
        json!({"source": "p.txt", "ordinal": ordinal, "title": title, "start": null, "end": null,
               "funders": funders, "countries": [], "regions": []})
    }

    #[test]
    fn funder_names_compare_as_letters_and_digits() {
        let gold = [row(1, &["HOPEVALLEYTRUST", "EU"], "A")];
        let found = [row(1, &["Hope Valley Trust", "EU"], "A")];
        let scores = score(&gold, &found, &mut Vec::new());
        let funders = &scores.sets["funders"];
        assert_eq!((funders.true_positives, funders.false_positives), (2, 0));
        assert_eq!(funders.f1, 1.0);
    }

    #[test]
    fn a_missed_project_counts_its_facts_missed_and_its_fields_wrong() {
        let gold = [row(1, &["EU"], "A"), row(2, &["JPN"], "B")];
        let found = [row(1, &["EU"], "A")];
        let mut mistakes = Vec::new();
        let scores = score(&gold, &found, &mut mistakes);
        let funders = &scores.sets["funders"];
        assert_eq!((funders.true_positives, funders.false_negatives), (1, 1));
        assert!((funders.recall - 0.5).abs() < 1e-9);
        assert_eq!(scores.exact["title"].correct, 1);
        assert_eq!(scores.exact["title"].total, 2);
        assert!(mistakes
            .iter()
            .any(|m| m.ordinal == 2 && m.field == "title"));
    }

    #[test]
    fn an_extra_project_counts_false_positives_only() {
        let gold = [row(1, &[], "A")];
        let found = [row(1, &[], "A"), row(2, &["USA"], "Menu")];
        let scores = score(&gold, &found, &mut Vec::new());
        let funders = &scores.sets["funders"];
        assert_eq!(funders.false_positives, 1);
        assert_eq!(funders.precision, 0.0);
        assert_eq!(scores.exact["title"].total, 1);
        assert_eq!(scores.exact["title"].accuracy, 1.0);
    }
}
