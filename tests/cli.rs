//! End-to-end: the `devcoop` binary on the shipped listing and on bad input.

mod common;

use common::{
    devcoop, jsonl, listings_in, root, run_into, run_with, shared_corpus, shipped_listing, text,
};
use sha2::Digest;
use std::path::Path;
use std::process::Command;

const SHIPPED: [(&str, &str); 10] = [
    ("Community development through employment creation and improved migration management in Tajikistan", "1 June 2007 - 30 June 2009"),
    ("Asian Programme on the Governance of Labour Migration", "1 January 2006 - 30 April 2009"),
    ("Capacity building for migration management in China", "1 October 2007 - 1 March 2009"),
    ("Combating Forced Labour and Trafficking of Indonesian Migrant Workers", "1 September 2006 - 31 August 2008"),
    ("Employment, vocational training opportunities and migration policy measures to prevent and reduce trafficking in women", "1 October 2003 - 30 June 2008"),
    ("Capacity building for return, reintegration and temporary migration of afghan workers and their protection", "1 May 2006 - 30 June 2008"),
    ("ILO/Japan Cross-border Movement of Labour Project", "1 January 2007 - 31 January 2008"),
    ("Technical assistance to better regulate migratory flows from Senegal, Mauritania and Mali to Spain", "1 November 2006 - 30 June 2007"),
    ("Promoting equality in diversity: Integration in Europe", "1 February 2004 - 30 June 2006"),
    ("Project on labour migration as an instrument of development and integration in East Africa, West Africa and North Africa", "1 August 2004 - 30 June 2006"),
];

#[test]
fn shipped_listing_gives_all_ten_titles_and_date_texts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    let result = run_into(&out, &[&root().join("data/raw")]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    assert!(
        text(&result.stderr).contains("1 file, 10 projects"),
        "{}",
        text(&result.stderr)
    );
    let rows = jsonl(&out.join("tables/projects.jsonl"));
    let found: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["title"].as_str().unwrap().to_string(),
                r["date_text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = SHIPPED
        .iter()
        .map(|(t, d)| (t.to_string(), d.to_string()))
        .collect();
    assert_eq!(found, expected);
    for table in [
        "projects",
        "project_fields",
        "project_organisations",
        "project_places",
        "project_regions",
        "corridors",
    ] {
        for ext in ["csv", "parquet", "jsonl"] {
            assert!(
                out.join(format!("tables/{table}.{ext}")).is_file(),
                "{table}.{ext}"
            );
        }
    }
    let csv = std::fs::read_to_string(out.join("tables/projects.csv")).unwrap();
    assert_eq!(csv.lines().count(), 11, "header and ten rows");
    assert!(csv.starts_with("id,source,ordinal,list_number,"));
    assert!(out.join("diagnostics.csv").is_file());
}

#[test]
fn a_run_from_any_folder_uses_the_built_in_reference_tables_and_analyses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.txt"), shipped_listing()).unwrap();
    let result = Command::new(env!("CARGO_BIN_EXE_devcoop"))
        .args(["run", "--input", "page.txt", "--out", "out/"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(result.status.success(), "{}", text(&result.stderr));
    let out = dir.path().join("out");
    // Without a config the tables are in Parquet alone.
    let mut tables: Vec<String> = std::fs::read_dir(out.join("tables"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "analysis")
        .collect();
    tables.sort();
    assert!(
        tables.contains(&"projects.parquet".to_string()),
        "{tables:?}"
    );
    assert!(tables.iter().all(|t| t.ends_with(".parquet")), "{tables:?}");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["tables"][0]["rows"], 10);
    let funders =
        std::fs::read_to_string(out.join("tables/analysis/projects_by_funder_type.csv")).unwrap();
    assert!(funders.contains("EU institution,"), "{funders}");
    for analysis in std::fs::read_dir(root().join("analyses")).unwrap() {
        let name = analysis.unwrap().path();
        let stem = name.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            out.join(format!("tables/analysis/{stem}.csv")).is_file(),
            "built-in analysis {stem} ran"
        );
    }
    assert!(out.join("report.html").is_file());
    // The tables are queried where the run wrote them.
    let query = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_devcoop"))
            .arg("query")
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let counted = query(&[
        "--out",
        "out/",
        "--csv",
        "SELECT COUNT(*) AS n FROM projects",
    ]);
    assert!(counted.status.success(), "{}", text(&counted.stderr));
    assert_eq!(text(&counted.stdout), "n\n10\n");
    // Without --out, the default output/ holds no run: the message says how
    // to name the one that ran.
    let missing = query(&["SELECT COUNT(*) AS n FROM projects"]);
    assert_eq!(missing.status.code(), Some(1));
    let stderr = text(&missing.stderr);
    assert!(stderr.contains("output/tables: no tables yet"), "{stderr}");
    assert!(stderr.contains("--out"), "{stderr}");
}

#[test]
fn manifest_records_inputs_and_counts_without_timestamps() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    assert!(run_into(&out, &[&root().join("data/raw")]).status.success());
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let input = &manifest["inputs"][0];
    assert!(input["path"]
        .as_str()
        .unwrap()
        .ends_with("labour-migration-projects.txt"));
    let bytes = std::fs::read(root().join("data/raw/labour-migration-projects.txt")).unwrap();
    assert_eq!(input["bytes"].as_u64().unwrap(), bytes.len() as u64);
    let sha256: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(input["sha256"].as_str().unwrap(), sha256);
    assert_eq!(input["projects"], 10);
    assert_eq!(manifest["tables"][0]["name"], "projects");
    assert_eq!(manifest["tables"][0]["rows"], 10);
    assert_eq!(manifest["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn two_runs_give_byte_identical_files() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert!(run_into(&a, &[&root().join("data/raw")]).status.success());
    assert!(run_into(&b, &[&root().join("data/raw")]).status.success());
    let files = common::files_under(&a);
    assert!(files.len() >= 8);
    for file in files {
        let relative = file.strip_prefix(&a).unwrap();
        assert_eq!(
            std::fs::read(&file).unwrap(),
            std::fs::read(b.join(relative)).unwrap(),
            "{}",
            relative.display()
        );
    }
}

#[test]
fn empty_file_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("empty.txt");
    std::fs::write(&file, "").unwrap();
    let result = devcoop(&["check", file.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
    let stdout = text(&result.stdout);
    assert!(
        stdout.contains("empty.txt:1:1: error: the file is empty"),
        "{stdout}"
    );
}

#[test]
fn binary_file_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("photo.txt");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let result = devcoop(&["check", file.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
    let stdout = text(&result.stdout);
    assert!(
        stdout.contains("photo.txt:2:1: error: binary data"),
        "{stdout}"
    );
}

#[test]
fn unreadable_date_is_a_warning_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("odd.txt");
    std::fs::write(
        &file,
        "Projects\n\nAlpha project\n\nObjective: Decent work.\n\nDuration: the whole decade\n",
    )
    .unwrap();
    let result = devcoop(&["check", file.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(0));
    let stdout = text(&result.stdout);
    assert!(
        stdout.contains("odd.txt:7:1: warning: cannot read the dates"),
        "{stdout}"
    );
    assert!(stdout.contains("Alpha project"), "{stdout}");
}

#[test]
fn failed_run_leaves_the_previous_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    assert!(run_into(&out, &[&root().join("data/raw")]).status.success());
    let before = std::fs::read(out.join("tables/projects.csv")).unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\x00\x01binary").unwrap();
    let result = run_into(&out, &[&root().join("data/raw"), &bad]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = text(&result.stderr);
    assert!(
        stderr.contains("bad.txt:1:1: error: binary data"),
        "{stderr}"
    );
    assert!(stderr.contains("left as it was"), "{stderr}");
    assert_eq!(
        std::fs::read(out.join("tables/projects.csv")).unwrap(),
        before
    );
    // No staging directory is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".staging-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn missing_path_and_directory_without_listings_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let result = run_into(&out, &[&dir.path().join("nowhere")]);
    assert_eq!(result.status.code(), Some(1));
    assert!(text(&result.stderr).contains("nowhere: no such file or directory"));
    // A path the user named is all the message needs; the settings'
    // default (data/raw, in a folder with no settings) also says how to
    // name listings.
    assert!(!text(&result.stderr).contains("--input"));
    let bare = Command::new(env!("CARGO_BIN_EXE_devcoop"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(bare.status.code(), Some(1));
    let stderr = text(&bare.stderr);
    assert!(
        stderr.contains("data/raw: no such file or directory: no listings to read; name them with `devcoop run --input PATH`"),
        "{stderr}"
    );
    let empty = dir.path().join("empty-dir");
    std::fs::create_dir(&empty).unwrap();
    let result = run_into(&out, &[&empty]);
    assert_eq!(result.status.code(), Some(1));
    assert!(text(&result.stderr).contains("no `.txt` listing or `.html` page in this directory"));
    assert!(!out.exists());
}

#[test]
fn help_explains_each_command_with_an_example() {
    for command in [
        vec!["--help"],
        vec!["run", "--help"],
        vec!["check", "--help"],
    ] {
        let result = devcoop(&command);
        assert!(result.status.success());
        let help = text(&result.stdout);
        assert!(help.contains("Example"), "{command:?}: {help}");
    }
    let result = devcoop(&["--help"]);
    assert!(text(&result.stdout).contains("Exit status"));
}

#[test]
fn shipped_listing_matches_its_gold_annotation_in_every_field() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let gold_path = corpus.join("gold/ilo-labour-migration-p10.jsonl");
    let gold_text = std::fs::read_to_string(&gold_path).expect("the shipped listing's gold file");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    assert!(run_into(&out, &[&root().join("data/raw")]).status.success());
    let rows = jsonl(&out.join("tables/projects.jsonl"));
    let gold: Vec<serde_json::Value> = gold_text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), gold.len());
    for (row, expected) in rows.iter().zip(&gold) {
        for field in [
            "ordinal",
            "title",
            "start",
            "end",
            "funders",
            "countries",
            "regions",
        ] {
            assert_eq!(
                row[field], expected[field],
                "project {} field {field}",
                expected["ordinal"]
            );
        }
    }
}

#[test]
fn every_funder_and_place_row_carries_its_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    assert!(run_into(&out, &[&root().join("data/raw")]).status.success());
    let listing = std::fs::read(root().join("data/raw/labour-migration-projects.txt")).unwrap();
    let evidence = jsonl(&out.join("tables/evidence.jsonl"));
    // Each sentence once.
    let mut ids: Vec<u64> = evidence
        .iter()
        .map(|e| e["evidence_id"].as_u64().unwrap())
        .collect();
    ids.dedup();
    assert_eq!(ids.len(), evidence.len());
    for sentence in &evidence {
        let (start, end) = (
            sentence["span_start"].as_u64().unwrap() as usize,
            sentence["span_end"].as_u64().unwrap() as usize,
        );
        let quoted = String::from_utf8_lossy(&listing[start..end]);
        assert_eq!(quoted, sentence["text"].as_str().unwrap());
        assert_eq!(sentence["source"], "labour-migration-projects.txt");
    }
    for table in ["project_organisations", "project_places", "project_regions"] {
        let rows = jsonl(&out.join(format!("tables/{table}.jsonl")));
        assert!(!rows.is_empty(), "{table}");
        for row in rows {
            let id = row["evidence_id"].as_u64().unwrap();
            assert!(ids.contains(&id), "{table}: sentence {id}");
        }
    }
}

#[test]
fn eval_scores_the_shared_corpus() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let result = devcoop(&[
        "eval",
        "--input",
        corpus.join("raw").to_str().unwrap(),
        "--gold",
        corpus.join("gold").to_str().unwrap(),
        "--json",
    ]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let report: serde_json::Value = serde_json::from_slice(&result.stdout).unwrap();
    for field in ["funders", "countries", "regions"] {
        assert!(
            report["overall"]["sets"][field]["f1"].as_f64().unwrap() >= 0.97,
            "{field}"
        );
    }
    for field in ["title", "start", "end"] {
        assert!(
            report["overall"]["exact"][field]["accuracy"]
                .as_f64()
                .unwrap()
                >= 0.98,
            "{field}"
        );
    }
    // A gate that cannot be met fails.
    let result = devcoop(&[
        "eval",
        "--input",
        corpus.join("raw").to_str().unwrap(),
        "--gold",
        corpus.join("gold").to_str().unwrap(),
        "--min-f1",
        "1.01",
    ]);
    assert_eq!(result.status.code(), Some(1));
    let result = devcoop(&[
        "eval",
        "--input",
        corpus.join("raw").to_str().unwrap(),
        "--gold",
        corpus.join("gold").to_str().unwrap(),
        "--min-exact",
        "1.01",
    ]);
    assert_eq!(result.status.code(), Some(1));
    assert!(text(&result.stderr).contains("title exact accuracy below 1.01"));
}

#[test]
fn corrections_by_id_are_applied_last_and_marked_as_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    let every_format = ["--formats", "csv,jsonl,parquet"];
    assert!(run_with(&every_format, &out, &[&root().join("data/raw")])
        .status
        .success());
    let rows = jsonl(&out.join("tables/projects.jsonl"));
    let id = rows[0]["id"].as_str().unwrap().to_string();
    assert!(rows[0]["funders"].as_array().unwrap().is_empty());

    let overrides = dir.path().join("overrides.csv");
    std::fs::write(
        &overrides,
        format!(
            "project_id,field,action,value,note\n{id},funder,add,JPN,Annual report 2008 names Japan\n{id},country,remove,TJK,\nffffffffffff,funder,add,EU,\n"
        ),
    )
    .unwrap();
    let config = dir.path().join("devcoop.toml");
    std::fs::write(
        &config,
        format!(
            "inputs = [\"{}\"]\noutput = \"output\"\nreference = \"{}\"\nanalyses = \"{}\"\noverrides = \"overrides.csv\"\ntable_formats = [\"csv\", \"jsonl\", \"parquet\"]\n",
            root().join("data/raw").display(),
            root().join("data/reference").display(),
            root().join("analyses").display()
        ),
    )
    .unwrap();
    let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    assert!(
        text(&result.stderr)
            .contains("overrides.csv:4:1: warning: no project has id `ffffffffffff`"),
        "{}",
        text(&result.stderr)
    );
    let rows = jsonl(&out.join("tables/projects.jsonl"));
    assert_eq!(
        rows[0]["id"].as_str().unwrap(),
        id,
        "the id survives corrections"
    );
    assert_eq!(rows[0]["funders"], serde_json::json!(["JPN"]));
    assert_eq!(rows[0]["countries"], serde_json::json!([]));
    assert_eq!(
        rows[0]["overridden"],
        serde_json::json!(["funders", "countries"])
    );
    let organisations = jsonl(&out.join("tables/project_organisations.jsonl"));
    let japan = organisations
        .iter()
        .find(|o| o["project_id"] == id.as_str() && o["donor_code"] == "JPN")
        .unwrap();
    let evidence = jsonl(&out.join("tables/evidence.jsonl"));
    let sentence = evidence
        .iter()
        .find(|e| e["evidence_id"] == japan["evidence_id"])
        .unwrap();
    assert_eq!(sentence["origin"], "override");
    assert_eq!(sentence["text"], "Annual report 2008 names Japan");
}

#[test]
fn malformed_correction_fails_the_run_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("overrides.csv"),
        "project_id,field,action,value,note\nabc,budget,set,5,\n",
    )
    .unwrap();
    let config = dir.path().join("devcoop.toml");
    std::fs::write(
        &config,
        format!(
            "inputs = [\"{}\"]\nreference = \"{}\"\noverrides = \"overrides.csv\"\n",
            root().join("data/raw").display(),
            root().join("data/reference").display()
        ),
    )
    .unwrap();
    let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        text(&result.stderr).contains("overrides.csv:2: field `budget`"),
        "{}",
        text(&result.stderr)
    );
    assert!(!dir.path().join("output").exists());
}

#[test]
fn malformed_reference_table_fails_the_run_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference");
    std::fs::create_dir(&reference).unwrap();
    let organisations =
        std::fs::read_to_string(root().join("data/reference/organisations.csv")).unwrap();
    // The comment, the header and a first organisation, then a row of two
    // fields.
    let kept: Vec<&str> = organisations.lines().take(3).collect();
    std::fs::write(
        reference.join("organisations.csv"),
        format!("{}\nOnly two,\"fields\n", kept.join("\n")),
    )
    .unwrap();
    let config = dir.path().join("devcoop.toml");
    std::fs::write(
        &config,
        format!(
            "inputs = [\"{}\"]\nreference = \"reference\"\n",
            root().join("data/raw").display(),
        ),
    )
    .unwrap();
    let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = text(&result.stderr);
    assert!(stderr.contains("organisations.csv:4:"), "{stderr}");
    // The reference's error is the one told, not the reading it stopped.
    assert!(!stderr.contains("reading stopped"), "{stderr}");
    assert!(!dir.path().join("output").exists());
}

#[test]
fn warnings_name_the_reference_folder_the_settings_give() {
    let dir = tempfile::tempdir().unwrap();
    // An empty folder: every table is the built-in one, and a file put
    // here would take its place.
    std::fs::create_dir(dir.path().join("my-tables")).unwrap();
    let listing = dir.path().join("listing.txt");
    std::fs::write(
        &listing,
        "Projects\n\n1. Wells for village schools\n1 March 1950 - 30 June 1952\n\
         The Hope Valley Trust funds the wells with EUR 20,000.\n",
    )
    .unwrap();
    let config = dir.path().join("devcoop.toml");
    std::fs::write(
        &config,
        "inputs = [\"listing.txt\"]\nreference = \"my-tables\"\n",
    )
    .unwrap();
    let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let diagnostics = std::fs::read_to_string(dir.path().join("output/diagnostics.csv")).unwrap();
    assert!(
        diagnostics.contains("`Hope Valley Trust` is not in my-tables/organisations.csv"),
        "{diagnostics}"
    );
    assert!(
        diagnostics.contains("no exchange rate for EUR in 1950 (my-tables/exchange_rates.csv)"),
        "{diagnostics}"
    );
    assert!(!diagnostics.contains("data/reference"), "{diagnostics}");
}

fn check_file(name: &str, bytes: &[u8]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let result = devcoop(&["check", file.to_str().unwrap()]);
    (
        result.status.code(),
        text(&result.stdout),
        text(&result.stderr),
    )
}

#[test]
fn windows_1252_file_is_refused_with_line_and_column() {
    let (code, stdout, _) = check_file("old.txt", b"Projects\r\n\r\n1. Caf\xe9 workers\r\n");
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("old.txt:3:7: error: not valid UTF-8"),
        "{stdout}"
    );
}

#[test]
fn impossible_dates_are_warnings_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = listings_in(
        dir.path(),
        "in",
        &[(
            "odd.txt",
            "Projects\n\n1. Alpha project\n\n31 February 2009 - 30 June 2010\n\nText.\n\n2. Beta project\n\n1 June 99999 - 2 June 99999\n\nText.\n",
        )],
    );
    let out = dir.path().join("out");
    let result = run_into(&out, &[&inputs]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let stderr = text(&result.stderr);
    assert!(stderr.contains("odd.txt:5:1: warning: `31 February 2009 - 30 June 2010`: 31/2/2009 is not a calendar date"), "{stderr}");
    assert!(
        stderr.contains("odd.txt:9:1: warning: no dates for `Beta project`"),
        "{stderr}"
    );
    let rows = jsonl(&out.join("tables/projects.jsonl"));
    assert_eq!(rows.len(), 2);
    assert!(rows[0]["start"].is_null());
}

#[test]
fn a_100_mb_line_and_a_10000_character_title_are_handled() {
    let mut listing = String::from("Projects\n\n1. ");
    listing.push_str(&"Decent work ".repeat(834));
    listing.push_str("\n\n1 June 2007 - 30 June 2009\n\n");
    listing.push_str(
        &"The project works in Nepal with migrant workers and partners. ".repeat(1_650_000),
    );
    listing.push('\n');
    assert!(listing.len() > 100_000_000);
    let (code, stdout, stderr) = check_file("huge.txt", listing.as_bytes());
    assert_eq!(code, Some(0), "{stderr}");
    // The title is far beyond any headline: said so, with its line.
    assert!(
        stdout.contains(
            "huge.txt:3:1: warning: the text above the date line is 10007 characters long"
        ),
        "{}",
        &stdout[..stdout.len().min(500)]
    );
}

#[test]
fn odd_white_space_is_white_space() {
    let listing = "\u{feff}\u{2003}Projects\u{a0}\u{a0}\r\n\u{3000}\r\n\t \u{a0}1.\u{2002}Alpha\u{a0}project\u{2009}\r\n\u{a0}\r\n\u{2003}\u{2003}1 June 2007\u{a0}-\u{a0}30 June 2009\t\r\n\r\n\u{200a}Text here.\u{a0}\r\n";
    let (code, stdout, stderr) = check_file("spaces.txt", listing.as_bytes());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("Alpha project"), "{stdout}");
    assert!(
        stdout.contains("dates  1 June 2007 - 30 June 2009"),
        "{stdout}"
    );
}

#[test]
fn an_unreadable_input_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = listings_in(dir.path(), "in", &[("good.txt", &shipped_listing())]);
    // Root reads any file whatever its permissions, so a link to itself
    // stands for a file that cannot be read. (A link to nothing is only a
    // warning: there is nothing to read.)
    std::os::unix::fs::symlink("loop.txt", inputs.join("loop.txt")).unwrap();
    let out = dir.path().join("out");
    let result = run_into(&out, &[&inputs]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        text(&result.stderr).contains("loop.txt: cannot read"),
        "{}",
        text(&result.stderr)
    );
    assert!(!out.exists());
}

#[test]
fn a_link_to_nothing_is_a_warning_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = listings_in(dir.path(), "in", &[("good.txt", &shipped_listing())]);
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), inputs.join("broken.txt")).unwrap();
    let out = dir.path().join("out");
    let result = run_into(&out, &[&inputs]);
    let stderr = text(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "broken.txt:0:0: warning: a symbolic link to nothing, not a regular file: not read"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("1 file, 10 projects"), "{stderr}");
}

#[test]
fn a_run_killed_midway_leaves_the_previous_output_complete() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    assert!(run_into(&out, &[&root().join("data/raw")]).status.success());
    let before = std::fs::read(out.join("tables/projects.parquet")).unwrap();
    let inputs = dir.path().join("big");
    std::fs::create_dir(&inputs).unwrap();
    let big = inputs.join("big.txt");
    let made = devcoop(&[
        "synth",
        "--projects",
        "30000",
        "--out",
        big.to_str().unwrap(),
    ]);
    assert!(made.status.success());
    for delay_ms in [50, 400, 1200] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_devcoop"))
            .args([
                "run",
                "--out",
                out.to_str().unwrap(),
                "--input",
                inputs.to_str().unwrap(),
            ])
            .current_dir(root())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // Either the old output, untouched, or the complete new one.
        let manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap())
                .unwrap();
        let projects = manifest["tables"][0]["rows"].as_u64().unwrap();
        if projects == 10 {
            assert_eq!(
                std::fs::read(out.join("tables/projects.parquet")).unwrap(),
                before
            );
        } else {
            assert_eq!(projects, 30000);
            assert!(out.join("report.html").is_file());
        }
    }
}

#[test]
fn a_write_error_is_clear_and_keeps_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    // The output's parent is a file: nothing can be created there.
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let result = run_into(&blocker.join("output"), &[&root().join("data/raw")]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        text(&result.stderr).contains("not-a-dir: cannot create the directory"),
        "{}",
        text(&result.stderr)
    );
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "x");
}

/// Runs `devcoop run` in a project folder, through `sh` so that limits
/// and the user can be set for the child alone.
fn run_in_folder(dir: &Path, shell_prefix: &str, as_nobody: bool) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("{shell_prefix} exec \"$0\" run --quiet"));
    if as_nobody {
        // `nobody` may not reach the build folder: run a copy from the
        // project folder, which the test made readable to all (root
        // writes the copy even into a read-only folder).
        let binary = dir.join("devcoop");
        std::fs::copy(env!("CARGO_BIN_EXE_devcoop"), &binary).unwrap();
        command.arg(binary).uid(65534).gid(65534);
    } else {
        command.arg(env!("CARGO_BIN_EXE_devcoop"));
    }
    command.current_dir(dir).output().unwrap()
}

fn leftovers_beside(out: &Path) -> Vec<String> {
    std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("staging"))
        .collect()
}

#[test]
fn a_full_disk_while_writing_is_clear_and_keeps_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    common::project_folder(dir.path());
    let first = run_in_folder(dir.path(), "", false);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let out = dir.path().join("output");
    let before = std::fs::read(out.join("tables/projects.csv")).unwrap();
    // Files may grow to 256 KiB and no further: a write past that fails
    // with EFBIG, as a full disk fails with ENOSPC, in the middle of the
    // tables. SIGXFSZ is ignored so the write returns the error instead of
    // killing the process; that is what a full disk does too.
    let result = run_in_folder(dir.path(), "trap '' XFSZ; ulimit -f 512;", false);
    let stderr = text(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read(out.join("tables/projects.csv")).unwrap(),
        before
    );
    assert!(out.join("report.html").is_file());
    assert_eq!(leftovers_beside(&out), Vec::<String>::new());
}

#[test]
fn a_read_only_directory_is_clear_and_keeps_the_previous_output() {
    use std::os::unix::fs::PermissionsExt;
    // Root writes into read-only directories: the second run is then made
    // as `nobody`, for whom the folder reads but cannot be written. Its
    // folder is in /tmp, which everyone may enter.
    let as_root = std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false);
    let dir = if as_root {
        tempfile::tempdir_in("/tmp")
    } else {
        tempfile::tempdir()
    }
    .unwrap();
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    mode(dir.path(), 0o755);
    common::project_folder(dir.path());
    let first = run_in_folder(dir.path(), "", false);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let out = dir.path().join("output");
    let before = std::fs::read(out.join("manifest.json")).unwrap();
    mode(dir.path(), 0o555);
    let result = run_in_folder(dir.path(), "", as_root);
    mode(dir.path(), 0o755);
    let stderr = text(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("Permission denied"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(std::fs::read(out.join("manifest.json")).unwrap(), before);
    assert_eq!(leftovers_beside(&out), Vec::<String>::new());
}

#[test]
fn an_output_directory_holding_the_inputs_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = listings_in(dir.path(), "data", &[("listing.txt", &shipped_listing())]);
    let result = run_into(&data, &[&data]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        text(&result.stderr).contains("which the run reads"),
        "{}",
        text(&result.stderr)
    );
    assert!(data.join("listing.txt").is_file(), "the input survives");
}

#[test]
fn quiet_keeps_warnings_in_the_file_and_off_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = listings_in(
        dir.path(),
        "in",
        &[(
            "odd.txt",
            "Projects\n\nAlpha project\n\nObjective: Decent work.\n\nDuration: the whole decade\n",
        )],
    );
    let out = dir.path().join("out");
    let result = run_with(&["--quiet"], &out, &[&inputs]);
    assert!(result.status.success());
    let stderr = text(&result.stderr);
    assert!(!stderr.contains("warning:"), "{stderr}");
    assert!(stderr.contains("2 warnings"), "{stderr}");
    // Not a terminal: no progress bar, no control characters.
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
    let diagnostics = std::fs::read_to_string(out.join("diagnostics.csv")).unwrap();
    assert!(
        diagnostics.contains("cannot read the dates"),
        "{diagnostics}"
    );
}

#[test]
fn partitioned_parquet_has_one_folder_per_source_listing() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = listings_in(
        dir.path(),
        "in",
        &[
            ("a.txt", &shipped_listing()),
            (
                "b c.txt",
                "Projects\n\n1. Decent work in Nepal\n\n2010 - 2012\n\nFunded by Japan.\n",
            ),
        ],
    );
    let out = dir.path().join("out");
    let result = run_with(&["--partition-by", "source"], &out, &[&inputs]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let partitions = out.join("tables/partitioned/projects");
    let mut names: Vec<String> = std::fs::read_dir(&partitions)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["source=a.txt", "source=b%20c.txt"]);
    assert!(out
        .join("tables/partitioned/project_organisations/source=b%20c.txt/part-0.parquet")
        .is_file());
}

#[test]
fn table_formats_without_parquet_or_unknown_are_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for (formats, expected) in [
        (
            "csv,jsonl",
            "--formats: the table formats must include parquet",
        ),
        (
            "parquet,xlsx",
            "`xlsx` is not a table format: expected csv, jsonl or parquet",
        ),
    ] {
        let result = devcoop(&["run", "--formats", formats, "--out", out.to_str().unwrap()]);
        assert_eq!(
            result.status.code(),
            Some(if formats == "csv,jsonl" { 1 } else { 2 })
        );
        let stderr = text(&result.stderr);
        assert!(stderr.contains(expected), "{formats}: {stderr}");
        assert!(!out.exists(), "{formats}: an output was written");
    }
}

#[test]
fn every_synth_layout_gives_projects_with_dates_funders_and_countries() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    for layout in ["numbered", "fields", "table"] {
        let file = inputs.join(format!("{layout}.txt"));
        let made = devcoop(&[
            "synth",
            "--projects",
            "40",
            "--layout",
            layout,
            "--out",
            file.to_str().unwrap(),
        ]);
        assert!(made.status.success(), "{}", text(&made.stderr));
    }
    let out = dir.path().join("output");
    let run = run_with(&["--quiet"], &out, &[&inputs]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let rows = std::fs::read_to_string(out.join("tables/projects.jsonl")).unwrap();
    let mut per_source = std::collections::BTreeMap::new();
    for line in rows.lines() {
        let project: serde_json::Value = serde_json::from_str(line).unwrap();
        let source = project["source"].as_str().unwrap().to_string();
        *per_source.entry(source).or_insert(0) += 1;
        let listed = |key: &str| project[key].as_array().is_some_and(|a| !a.is_empty());
        assert!(project["start"].is_string(), "no start: {project}");
        assert!(listed("funders"), "no funder: {project}");
        assert!(listed("countries"), "no country: {project}");
    }
    let expected: std::collections::BTreeMap<String, i32> =
        ["fields.txt", "numbered.txt", "table.txt"]
            .into_iter()
            .map(|source| (source.to_string(), 40))
            .collect();
    assert_eq!(per_source, expected);
}

#[test]
fn an_unknown_synth_layout_is_refused_with_the_known_ones() {
    let result = devcoop(&["synth", "--projects", "3", "--layout", "tabular"]);
    assert_eq!(result.status.code(), Some(2));
    let stderr = text(&result.stderr);
    assert!(
        stderr.contains("`tabular` is not a synth layout: expected numbered, fields or table"),
        "{stderr}"
    );
}

/// `devcoop ARGS`, killed and failed if it has not finished within a
/// minute: a named pipe opened for reading blocks until a writer comes.
fn devcoop_within_a_minute(args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_devcoop"))
        .args(args)
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("devcoop {args:?} still running after a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn a_named_pipe_among_the_listings_is_a_warning_naming_it_and_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = listings_in(
        dir.path(),
        "in",
        &[("labour-migration-projects.txt", &shipped_listing())],
    );
    mkfifo(&inputs.join("pipe.txt"));
    let out = dir.path().join("out");
    let out_arg = out.to_str().unwrap();
    let result =
        devcoop_within_a_minute(&["run", "--out", out_arg, "--input", inputs.to_str().unwrap()]);
    let stderr = text(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(
        stderr.contains("pipe.txt:0:0: warning: a named pipe (FIFO), not a regular file: not read"),
        "{stderr}"
    );
    assert!(stderr.contains("1 file, 10 projects"), "{stderr}");
    let diagnostics = std::fs::read_to_string(out.join("diagnostics.csv")).unwrap();
    assert!(
        diagnostics.contains("pipe.txt") && diagnostics.contains("named pipe"),
        "{diagnostics}"
    );
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(!manifest.contains("pipe.txt"), "{manifest}");

    let result = devcoop_within_a_minute(&["check", inputs.to_str().unwrap()]);
    let stdout = text(&result.stdout);
    assert_eq!(result.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("pipe.txt:0:0: warning: a named pipe"),
        "{stdout}"
    );

    // Named on its own, it is an error naming it.
    let pipe = inputs.join("pipe.txt");
    let result =
        devcoop_within_a_minute(&["run", "--out", out_arg, "--input", pipe.to_str().unwrap()]);
    let stderr = text(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("pipe.txt: a named pipe (FIFO), not a regular file: not read"),
        "{stderr}"
    );
}

#[test]
fn a_link_to_a_parent_folder_reads_each_listing_once() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = listings_in(
        dir.path(),
        "in",
        &[("labour-migration-projects.txt", &shipped_listing())],
    );
    std::fs::create_dir(inputs.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", inputs.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("labour-migration-projects.txt", inputs.join("again.txt")).unwrap();
    let out = dir.path().join("out");
    let result = devcoop_within_a_minute(&[
        "run",
        "--out",
        out.to_str().unwrap(),
        "--input",
        inputs.to_str().unwrap(),
    ]);
    let stderr = text(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(stderr.contains("1 file, 10 projects"), "{stderr}");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["inputs"].as_array().unwrap().len(), 1);
}

#[test]
fn a_reader_that_stops_early_ends_check_quietly() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let listing = dir.path().join("big.txt");
    let synth = Command::new(env!("CARGO_BIN_EXE_devcoop"))
        .args(["synth", "--projects", "3000", "--out"])
        .arg(&listing)
        .output()
        .unwrap();
    assert!(synth.status.success(), "{}", text(&synth.stderr));
    // `devcoop check big.txt | head -1`: the pipe closes after one line,
    // long before the thousands of lines are written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_devcoop"))
        .arg("check")
        .arg(&listing)
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("big.txt: 3000 projects"), "{first}");
    let result = child.wait_with_output().unwrap();
    let stderr = text(&result.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(result.status.success(), "{stderr}");
}
