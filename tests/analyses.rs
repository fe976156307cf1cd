//! End-to-end: analyses are files, charts and the report are written, and
//! input text never runs as code in them.

mod common;

use common::{devcoop, listings_in, root, text};
use std::path::{Path, PathBuf};

/// A config in `dir` reading `inputs`, with a copy of the shipped analyses.
fn setup(dir: &Path, inputs: &Path) -> PathBuf {
    let analyses = dir.join("analyses");
    std::fs::create_dir_all(&analyses).unwrap();
    for entry in std::fs::read_dir(root().join("analyses")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, analyses.join(path.file_name().unwrap())).unwrap();
    }
    let config = dir.join("devcoop.toml");
    std::fs::write(
        &config,
        format!(
            "inputs = [\"{}\"]\noutput = \"output\"\nreference = \"{}\"\nanalyses = \"analyses\"\n",
            inputs.display(),
            root().join("data/reference").display()
        ),
    )
    .unwrap();
    config
}

#[test]
fn every_shipped_chart_is_written_as_svg_and_png_with_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let config = setup(dir.path(), &root().join("data/raw"));
    let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let out = dir.path().join("output");
    for name in [
        "projects_by_funder",
        "projects_by_funder_type",
        "projects_by_region",
        "projects_by_subregion",
        "projects_by_country",
        "projects_map",
        "duration_histogram",
        "projects_active_per_year",
        "project_timeline",
        "migration_corridors",
        "funders_by_region",
        "budget_by_funder",
        "budget_by_region",
        "budget_by_start_year",
    ] {
        let svg = std::fs::read_to_string(out.join(format!("charts/{name}.svg"))).unwrap();
        assert!(svg.starts_with("<svg"), "{name}");
        let png = std::fs::read(out.join(format!("charts/{name}.png"))).unwrap();
        assert_eq!(&png[1..4], b"PNG", "{name}");
        assert!(
            out.join(format!("tables/analysis/{name}.csv")).is_file(),
            "{name}"
        );
        assert!(
            out.join(format!("tables/analysis/{name}.parquet"))
                .is_file(),
            "{name}"
        );
    }
    // A table-only analysis has a table and no chart.
    let summary =
        std::fs::read_to_string(out.join("tables/analysis/duration_summary.csv")).unwrap();
    assert_eq!(
        summary,
        "projects,min_months,median_months,mean_months,max_months\n10,8,24.5,26.2,57\n"
    );
    assert!(!out.join("charts/duration_summary.svg").exists());
    let funders =
        std::fs::read_to_string(out.join("tables/analysis/projects_by_funder.csv")).unwrap();
    assert!(
        funders.starts_with("funder,projects\nNot stated,6\nEuropean Union,3\n"),
        "{funders}"
    );
    // The map counts every country the shipped listing names: 13, one
    // project each.
    let map = std::fs::read_to_string(out.join("tables/analysis/projects_map.csv")).unwrap();
    assert_eq!(
        map,
        "iso3,projects\nAFG,1\nCHN,1\nESP,1\nHKG,1\nIDN,1\nIRN,1\nMLI,1\nMRT,1\nMYS,1\nPAK,1\nSEN,1\nSGP,1\nTJK,1\n"
    );
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert_eq!(report.matches("<svg").count(), 14);
    // Self-contained: no script, nothing loaded from elsewhere.
    assert!(!report.contains("<script"));
    assert!(!report.contains("src=\"http") && !report.contains("href=\"http"));
    assert!(report.contains("This programme, which is supported by the European Union"));
    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("datapackage.json")).unwrap())
            .unwrap();
    let resources = package["resources"].as_array().unwrap();
    let projects = resources.iter().find(|r| r["name"] == "projects").unwrap();
    assert_eq!(projects["schema"]["primaryKey"], serde_json::json!(["id"]));
    let places = resources
        .iter()
        .find(|r| r["name"] == "project_places")
        .unwrap();
    assert_eq!(
        places["schema"]["foreignKeys"][0]["reference"]["resource"],
        "projects"
    );
}

#[test]
fn an_added_analysis_file_gives_its_table_and_chart() {
    let dir = tempfile::tempdir().unwrap();
    let config = setup(dir.path(), &root().join("data/raw"));
    std::fs::write(
        dir.path().join("analyses/projects_by_status.sql"),
        "-- title = \"Projects by status\"\n-- chart = \"bar\"\n-- x = \"status\"\n-- y = \"projects\"\nSELECT status, COUNT(*) AS projects FROM projects GROUP BY status ORDER BY status\n",
    )
    .unwrap();
    let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let out = dir.path().join("output");
    let table =
        std::fs::read_to_string(out.join("tables/analysis/projects_by_status.csv")).unwrap();
    assert_eq!(table, "status,projects\nclosed,10\n");
    let svg = std::fs::read_to_string(out.join("charts/projects_by_status.svg")).unwrap();
    assert!(svg.contains("Projects by status"));
    assert!(out.join("charts/projects_by_status.png").is_file());
}

#[test]
fn a_long_table_without_a_chart_is_cut_in_the_report_and_whole_in_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let listings = dir.path().join("listings");
    std::fs::create_dir_all(&listings).unwrap();
    let synth = devcoop(&[
        "synth",
        "--projects",
        "700",
        "--out",
        listings.join("synthetic.txt").to_str().unwrap(),
    ]);
    assert!(synth.status.success());
    let config = setup(dir.path(), &listings);
    std::fs::write(
        dir.path().join("analyses/all_years.sql"),
        "-- title = \"Every project year\"\n-- chart = \"none\"\nSELECT project_id, year FROM project_years ORDER BY project_id, year\n",
    )
    .unwrap();
    let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let out = dir.path().join("output");
    let rows = std::fs::read_to_string(out.join("tables/analysis/all_years.csv"))
        .unwrap()
        .lines()
        .count()
        - 1;
    // The tables are in Parquet alone, the default: counted by a query.
    let years = devcoop(&[
        "query",
        "--csv",
        "--config",
        config.to_str().unwrap(),
        "SELECT COUNT(*) AS n FROM project_years",
    ]);
    assert!(years.status.success(), "{}", text(&years.stderr));
    let years: usize = text(&years.stdout)
        .lines()
        .nth(1)
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert_eq!(rows, years);
    assert!(rows > 1000, "{rows}");
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    let note = format!(
        "{} more rows are in <code>tables/analysis/all_years.csv</code>",
        rows - 1000
    );
    assert!(report.contains(&note), "{note}");
}

#[test]
fn a_bad_query_names_the_file_and_leaves_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let config = setup(dir.path(), &root().join("data/raw"));
    std::fs::write(
        dir.path().join("analyses/broken.sql"),
        "-- title = \"Broken\"\n-- chart = \"bar\"\n-- x = \"a\"\n-- y = \"b\"\nSELECT a, b FROM no_such_table\n",
    )
    .unwrap();
    let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = text(&result.stderr);
    assert!(stderr.contains("broken.sql: SQL error"), "{stderr}");
    assert!(!dir.path().join("output").exists());
}

#[test]
fn a_bad_header_or_a_missing_column_names_the_file_and_stops_the_run() {
    for (file, contents, expected) in [
        (
            "typo.sql",
            "-- title = \"Typo\"\n-- chart = \"bar\"\n-- x = \"status\"\n-- yy = \"projects\"\nSELECT 1\n",
            "typo.sql: unknown key `yy` in the header",
        ),
        (
            "no_codes.sql",
            "-- title = \"Map\"\n-- chart = \"map\"\n-- value = \"projects\"\nSELECT 1\n",
            "no_codes.sql: the header has no `iso3`, which a `map` chart needs",
        ),
        (
            "renamed.sql",
            "-- title = \"Renamed\"\n-- chart = \"bar\"\n-- x = \"status\"\n-- y = \"projects\"\n\
             SELECT status, COUNT(*) AS n FROM projects GROUP BY status\n",
            "renamed.sql: the header's `y` names the column `projects`, which the result does not have",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let config = setup(dir.path(), &root().join("data/raw"));
        std::fs::write(dir.path().join("analyses").join(file), contents).unwrap();
        let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
        assert_eq!(result.status.code(), Some(1), "{file}");
        let stderr = text(&result.stderr);
        assert!(stderr.contains(expected), "{stderr}");
        assert!(!dir.path().join("output").exists(), "{file}");
    }
}

#[test]
fn input_text_is_escaped_in_the_report_and_the_svg() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = listings_in(
        dir.path(),
        "listings",
        &[(
            "hostile.txt",
            "Projects\n\n1. Decent work <script>alert(\"x\")</script> & 'more' </script>\n\n1 June 2007 - 30 June 2009\n\nThis project is supported by the European Union in <b>Kenya</b>.\n",
        )],
    );
    let config = setup(dir.path(), &inputs);
    let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let out = dir.path().join("output");
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(!report.contains("<script"), "a title became a script");
    assert!(!report.contains("<b>Kenya"));
    assert!(report.contains("&lt;script&gt;"));
    let svg = std::fs::read_to_string(out.join("charts/project_timeline.svg")).unwrap();
    assert!(!svg.contains("<script"));
    assert!(svg.contains("&lt;script&gt;"));
}

#[test]
fn query_reads_the_last_run_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let config = setup(dir.path(), &root().join("data/raw"));
    assert!(devcoop(&["run", "--config", config.to_str().unwrap()])
        .status
        .success());
    let result = devcoop(&[
        "query",
        "--config",
        config.to_str().unwrap(),
        "--csv",
        "SELECT region, COUNT(DISTINCT project_id) AS projects FROM project_regions GROUP BY region ORDER BY region",
    ]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    assert_eq!(
        text(&result.stdout),
        "region,projects\nAfrica,2\nAsia,5\nEurope,2\n"
    );
    let result = devcoop(&[
        "query",
        "--config",
        config.to_str().unwrap(),
        "DROP TABLE projects",
    ]);
    assert_eq!(result.status.code(), Some(1));
    assert!(text(&result.stderr).contains("only SELECT"));
    // A column the table lacks: its columns are listed, all of them (not
    // only those the query read); `end` unquoted is said to be a keyword.
    let query = |sql: &str| {
        let result = devcoop(&["query", "--config", config.to_str().unwrap(), sql]);
        assert_eq!(result.status.code(), Some(1), "{sql}");
        text(&result.stderr)
    };
    let message = query("SELECT project_id, title FROM projects");
    assert!(
        message.contains("unable to find column \"project_id\""),
        "{message}"
    );
    assert!(
        message.contains("`projects` has the columns id, source, ordinal"),
        "{message}"
    );
    assert!(!message.contains("valid columns"), "{message}");
    let message = query("SELECT id, end FROM projects");
    assert!(message.contains("`end` is an SQL keyword"), "{message}");
    assert!(
        message.contains("`projects` has the columns id,"),
        "{message}"
    );
    let message = query("SELECT id, \"end\" FROM projectz");
    assert!(!message.contains("keyword"), "{message}");
}

#[test]
fn budgets_count_each_project_once_at_its_largest_stated_amount() {
    let dir = tempfile::tempdir().unwrap();
    let listing = dir.path().join("budgets.txt");
    std::fs::write(
        &listing,
        "Projects on labour migration\n\n\
         1. Safer recruitment corridors\n\
         1 March 2015 - 28 February 2018\n\
         Funded by Norway and Sweden, the project works in Nepal. Budget: US$ 400,000. \
         Norway contributes US$ 650,000.\n\n\
         2. Skills for returning workers\n\
         1 January 2019 - 31 December 2020\n\
         Funded by Japan, the project works in Senegal. Budget: US$ 300,000. \
         By the end, US$ 900,000 had been spent.\n\n\
         3. Fair wages at sea\n\
         1 January 2019 - 31 December 2021\n\
         The project works in the Philippines.\n",
    )
    .unwrap();
    let config = setup(dir.path(), &listing);
    let result = devcoop(&["run", "--config", config.to_str().unwrap()]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let table = |name: &str| {
        std::fs::read_to_string(
            dir.path()
                .join(format!("output/tables/analysis/{name}.csv")),
        )
        .unwrap()
    };
    // The first project's budget is its contribution, the larger amount,
    // split between its two funders; money spent is no budget.
    assert_eq!(
        table("budget_by_funder"),
        "funder,usd_millions,projects_with_budget,projects_total\n\
         NOR,0.325,2,3\nSWE,0.325,2,3\nJPN,0.3,2,3\n"
    );
    assert_eq!(
        table("budget_by_region"),
        "region,usd_millions,projects_with_budget,projects_total\n\
         Asia,0.65,2,3\nAfrica,0.3,2,3\n"
    );
    assert_eq!(
        table("budget_by_start_year"),
        "year,usd_millions,projects_with_budget,projects_total\n\
         2015,0.65,2,3\n2019,0.3,2,3\n"
    );
    assert_eq!(
        table("money_headline"),
        "stated budgets (USD),state a budget,% state a budget\n950000.0,2,66.7\n"
    );
    // Three funders, counted once each; the third project names none.
    let headline = table("headline");
    let mut lines = headline.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("projects,name a funder,funders,"));
    assert!(lines.next().unwrap().starts_with("3,2,3,3,"), "{headline}");
}
