//! Amounts of money read from a listing and converted to US dollars: a
//! listing with budgets in five currencies and several written forms.

use devcoop_normalise::money::AmountKind;
use devcoop_normalise::{normalise, Project, Reference};
use std::path::Path;

fn read(fixture: &str) -> (Vec<Project>, Vec<ingest::Diagnostic>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read(dir.join("tests/fixtures").join(fixture)).expect("fixture");
    read_text(fixture, &text)
}

/// The projects of the listing `text`, named `name`, and the warnings.
fn read_text(name: &str, text: &[u8]) -> (Vec<Project>, Vec<ingest::Diagnostic>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = Reference::load(&dir.join("../../data/reference")).expect("reference data");
    let listing = ingest::parse_listing(name, text).expect("a listing");
    let mut diagnostics = Vec::new();
    let projects = normalise(
        &reference,
        listing.projects,
        "2026-01-01".parse().expect("a date"),
        &mut diagnostics,
    );
    (projects, diagnostics)
}

/// Each amount of a project: value, currency, kind, donor, US dollars.
type Row = (f64, Option<String>, AmountKind, Option<String>, Option<f64>);

fn amounts(project: &Project) -> Vec<Row> {
    project
        .facts
        .amounts
        .iter()
        .map(|a| {
            (
                a.amount,
                a.currency.clone(),
                a.kind,
                a.donor.as_deref().map(str::to_string),
                a.amount_usd,
            )
        })
        .collect()
}

fn code(c: &str) -> Option<String> {
    Some(c.to_string())
}

#[test]
fn budgets_in_five_currencies_are_read_and_converted() {
    let (projects, diagnostics) = read("budgets.txt");
    let titles: Vec<&str> = projects.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Clean water for hill villages",
            "Seed banks for women farmers",
            "Radio lessons for remote schools",
            "Safer jobs in garment factories",
            "Court records online"
        ]
    );
    use AmountKind::*;
    // EUR 1.2 million at the 2015 average (1.1096 dollars a euro); the
    // project code, "1.2 million people" and "35%" are not amounts.
    assert_eq!(
        amounts(&projects[0]),
        [(1.2e6, code("EUR"), Budget, None, Some(1_331_520.0))]
    );
    // 2018: 8.6945 kronor a dollar. Sweden's share is its contribution.
    assert_eq!(
        amounts(&projects[1]),
        [
            (1e7, code("SEK"), Budget, None, Some(1_150_152.4)),
            (
                1e7,
                code("SEK"),
                Contribution,
                code("SWE"),
                Some(1_150_152.4)
            ),
        ]
    );
    // `$` is the dollar of a project that prints its budget in US$; the
    // pupils, the phone number and the year are not amounts.
    assert_eq!(
        amounts(&projects[2]),
        [
            (750_000.0, code("USD"), Budget, None, Some(750_000.0)),
            (120_000.0, code("USD"), Expenditure, None, Some(120_000.0)),
        ]
    );
    // 2021: 0.9144 francs and 109.8429 yen a dollar.
    assert_eq!(
        amounts(&projects[3]),
        [
            (1_234_567.0, code("CHF"), Budget, None, Some(1_350_138.89)),
            (1_234_567.0, code("CHF"), Budget, None, Some(1_350_138.89)),
            (
                5e7,
                code("JPY"),
                Contribution,
                code("JPN"),
                Some(455_195.56)
            ),
        ]
    );
    // 2013: 1.5642 dollars a pound; the years of the records and a
    // clerk's pay are not the project's money.
    assert_eq!(
        amounts(&projects[4]),
        [(300_000.0, code("GBP"), Budget, None, Some(469_260.0))]
    );
    // Every amount keeps its sentence.
    let evidence = &projects[1].facts.amounts[1].evidence;
    assert_eq!(
        &*evidence.sentence,
        "Sweden contributes SEK 10 million to farmer groups in Kenya."
    );
    assert_eq!(projects[1].facts.amounts[1].year, Some(2018));
    let money_warnings: Vec<&str> = diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .filter(|m| m.contains("exchange rate") || m.contains("currency"))
        .collect();
    assert!(money_warnings.is_empty(), "{money_warnings:?}");
}

#[test]
fn a_budget_fields_label_gives_its_currency_and_scale() {
    // Each project's amounts and their currencies.
    let currencies = |projects: &[Project]| -> Vec<Vec<(f64, Option<String>)>> {
        projects
            .iter()
            .map(|p| {
                p.facts
                    .amounts
                    .iter()
                    .map(|a| (a.amount, a.currency.clone()))
                    .collect()
            })
            .collect()
    };
    // A spreadsheet's columns, pasted: the unit is in the header's label.
    let text = "Project title\tDonor\tStart\tEnd\tBudget (USD)\tCost (EUR thousands)\n\
                Water for schools\tJapan\t2019-01-01\t2021-06-30\t1,200,000\t950\n\
                Rights at work\tSwitzerland\t2018-03-01\t2020-02-28\t850,000\t700\n";
    let (projects, diagnostics) = read_text("sheet.txt", text.as_bytes());
    assert_eq!(
        currencies(&projects),
        [
            vec![(1_200_000.0, code("USD")), (950_000.0, code("EUR"))],
            vec![(850_000.0, code("USD")), (700_000.0, code("EUR"))],
        ]
    );
    let currency_warnings: Vec<&str> = diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .filter(|m| m.contains("currency"))
        .collect();
    assert!(currency_warnings.is_empty(), "{currency_warnings:?}");
    // The unit after `in` instead of in brackets, in fields.
    let text = "Projects\n\n1. Water for schools\nDates: 2019 - 2021\nBudget in CHF: 1,200,000\n\n\
                2. Rights at work\nDates: 2018 - 2020\nBudget in EUR million: 2.5\n";
    let (projects, _) = read_text("fields.txt", text.as_bytes());
    assert_eq!(
        currencies(&projects),
        [
            vec![(1_200_000.0, code("CHF"))],
            vec![(2_500_000.0, code("EUR"))]
        ]
    );
}

#[test]
fn an_amount_without_a_rate_keeps_amount_usd_empty_with_a_warning() {
    let text = "Projects\n\nProject title: Old bridges\nDuration: 1 May 1995 - 30 April 1997\nBudget: EUR 400,000\n\nProject title: Harbour classes\nDuration: 2015 - 2016\nBudget: $ 12 000\n";
    let (projects, diagnostics) = read_text("old.txt", text.as_bytes());
    // No euro in 1995.
    let old = &projects[0].facts.amounts[0];
    assert_eq!((old.amount, old.amount_usd), (400_000.0, None));
    assert!(diagnostics
        .iter()
        .any(|d| d.message.contains("`Old bridges`")
            && d.message.contains("no exchange rate for EUR in 1995")));
    // A `$` with no US context: no currency, no conversion.
    let dollars = &projects[1].facts.amounts[0];
    assert_eq!(
        (dollars.currency.as_deref(), dollars.amount_usd),
        (None, None)
    );
    assert!(diagnostics.iter().any(|d| d.message.contains("`$ 12 000`")));
    // Without a start year, dollars are still dollars; euros have no rate.
    let text = "Projects\n\nProject title: Old bridges\nBudget: USD 400,000\n\n\
                Project title: Harbour classes\nBudget: EUR 12 000\n";
    let (projects, diagnostics) = read_text("undated.txt", text.as_bytes());
    let usd = &projects[0].facts.amounts[0];
    assert_eq!(usd.amount_usd, Some(400_000.0));
    assert_eq!(projects[1].facts.amounts[0].amount_usd, None);
    let no_year: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.message.contains("no start year"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(no_year.len(), 1, "{no_year:?}");
    assert!(no_year[0].contains("EUR 12 000"));
}
