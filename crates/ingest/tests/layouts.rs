//! One test per layout variation a listing may use, each on a small
//! fixture written for it.

mod pieces;

use devcoop_ingest::{DateOrigin, Listing, Severity};

/// Every fixture is also read in pieces of many sizes (see `pieces`).
fn parse(text: &str) -> Listing {
    pieces::parse_checked("fixture.txt", text.as_bytes()).expect("a listing")
}

fn titles(listing: &Listing) -> Vec<String> {
    listing.projects.iter().map(|p| p.title_text()).collect()
}

fn dates(listing: &Listing) -> Vec<Option<String>> {
    listing.projects.iter().map(|p| p.date_text()).collect()
}

#[test]
fn numbers_restarting_per_group_keep_document_order() {
    let listing = parse(
        "Projects\n\n  1. Alpha project\n\n    2007 - 2008\n\n    Text.\n\n  2. Beta project\n\n    2008 - 2009\n\n\n  1. Gamma project\n\n    2010 - 2011\n",
    );
    assert_eq!(
        titles(&listing),
        ["Alpha project", "Beta project", "Gamma project"]
    );
    let numbers: Vec<_> = listing.projects.iter().map(|p| p.list_number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(1)]);
    let ordinals: Vec<_> = listing.projects.iter().map(|p| p.ordinal).collect();
    assert_eq!(ordinals, [1, 2, 3]);
}

#[test]
fn bulleted_titles() {
    let listing = parse(
        "Our projects\n\n• Decent work for domestic workers\n\n1 March 2010 - 28 February 2012\n\nThe project supports workers.\n\n• Fair recruitment in Nepal\n\n2012 - 2014\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Decent work for domestic workers",
            "Fair recruitment in Nepal"
        ]
    );
    assert_eq!(listing.projects[0].list_number, None);
}

#[test]
fn unnumbered_titles_followed_by_dates() {
    let listing = parse(
        "Projects\n\nDecent work for domestic workers\n\n1 March 2010 - 28 February 2012\n\nThe project supports workers.\n\nFair recruitment in Nepal\n\n2012 - 2014\n\nIt works on recruitment.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Decent work for domestic workers",
            "Fair recruitment in Nepal"
        ]
    );
    assert_eq!(
        listing.projects[1].description_text(),
        "It works on recruitment."
    );
}

#[test]
fn indentation_by_spaces_tabs_or_none() {
    for indent in ["", "  ", "\t", "\t  "] {
        let text = format!(
            "Projects\n\n{indent}1. Alpha project\n\n{indent}{indent}2007 - 2008\n\n{indent}{indent}Text here.\n\n{indent}2. Beta project\n\n{indent}2008 - 2009\n"
        );
        let listing = parse(&text);
        assert_eq!(
            titles(&listing),
            ["Alpha project", "Beta project"],
            "indent {indent:?}"
        );
    }
}

#[test]
fn page_title_and_introduction_are_not_projects() {
    let listing = parse(
        "Projects on labour migration\n\nThe ILO works with governments on migration. This page lists our projects.\n\nSee also the list of publications.\n\n1. Alpha project\n\n1 June 2007 - 30 June 2009\n\nText.\n",
    );
    assert_eq!(
        listing.page_title.as_deref(),
        Some("Projects on labour migration")
    );
    assert_eq!(titles(&listing), ["Alpha project"]);
}

#[test]
fn year_and_text_headings_between_groups_become_sections() {
    let listing = parse(
        "Technical cooperation projects\n\n2009\n\n  1. Alpha project\n\n    30 September 2009\n\n    Text.\n\n2008\n\n  1. Beta project\n\n    27 November 2008\n\n    Text.\n\nCompleted projects\n\n  1. Gamma project\n\n    2005 - 2006\n",
    );
    assert_eq!(
        titles(&listing),
        ["Alpha project", "Beta project", "Gamma project"]
    );
    let sections: Vec<_> = listing.projects.iter().map(|p| p.section.clone()).collect();
    assert_eq!(
        sections,
        [
            Some("2009".to_string()),
            Some("2008".to_string()),
            Some("Completed projects".to_string())
        ]
    );
    assert_eq!(
        listing.projects[1].date_text().as_deref(),
        Some("27 November 2008")
    );
}

#[test]
fn title_wrapped_over_lines_is_joined() {
    let listing = parse(
        "Projects\n\n  1. Capacity building for return, reintegration\n     and temporary migration of afghan workers\n\n    1 May 2006 - 30 June 2008\n",
    );
    assert_eq!(
        titles(&listing),
        ["Capacity building for return, reintegration and temporary migration of afghan workers"]
    );
    let title = &listing.projects[0].title;
    assert_eq!(title.first_line(), Some(3));
    assert_eq!(title.last_line(), Some(4));
}

#[test]
fn kicker_line_above_the_headline_is_not_the_title() {
    let listing = parse(
        "News and projects\n\nProject\n\nDecent work in the Pacific\n\n1 June 2020 - 30 June 2022\n\nText.\n\n© ILO 2024\nSafe migration in Asia\n\n2021 - 2023\n\nText.\n",
    );
    assert_eq!(
        titles(&listing),
        ["Decent work in the Pacific", "Safe migration in Asia"]
    );
    let kickers: Vec<_> = listing
        .projects
        .iter()
        .map(|p| p.kicker.as_ref().map(|k| k.clean()))
        .collect();
    assert_eq!(
        kickers,
        [Some("Project".to_string()), Some("© ILO 2024".to_string())]
    );
}

#[test]
fn every_date_line_form_is_a_date_line() {
    let forms = [
        "1 June 2007 - 30 June 2009",
        "1 June 2007 – 30 June 2009",
        "1 June 2007 — 30 June 2009",
        "1 June 2007 to 30 June 2009",
        "1 June 2007 until 30 June 2009",
        "June 2007 – May 2009",
        "2007 - 2009",
        "1 August - 31 December 2010",
        "07 October 2011",
        "2007-06-01 - 2009-06-30",
        "January 2009December 2010",
    ];
    for form in forms {
        let listing = parse(&format!(
            "Projects\n\n1. Alpha project\n\n{form}\n\nText.\n"
        ));
        assert_eq!(titles(&listing), ["Alpha project"], "{form}");
        assert_eq!(dates(&listing), [Some(form.to_string())], "{form}");
        assert_eq!(
            listing.projects[0].date.as_ref().unwrap().origin,
            DateOrigin::DateLine
        );
    }
}

#[test]
fn text_after_the_dates_becomes_a_field() {
    let listing = parse(
        "Projects\n\n1. Alpha project\n\n1 June 2007 - 30 June 2009, Manila, Philippines\n\n2. Beta project\n\n2007 - 2009 Budget: US$ 4,791,000\n",
    );
    assert_eq!(
        dates(&listing),
        [
            Some("1 June 2007 - 30 June 2009".into()),
            Some("2007 - 2009".into())
        ]
    );
    let location = listing.projects[0].field("Location").unwrap();
    assert_eq!(location.value.clean(), "Manila, Philippines");
    let budget = listing.projects[1].field("budget").unwrap();
    assert_eq!(budget.value.clean(), "US$ 4,791,000");
}

#[test]
fn dates_in_a_duration_field_after_the_description() {
    let listing = parse(
        "Completed Projects\n\nLink Up! Feasibility Study\n\nObjective: To assess a financial instrument.\n\nDonor: Austrian Development Agency\n\nDuration: MarchSeptember 2015\n\nCountry: Austria\n",
    );
    assert_eq!(titles(&listing), ["Link Up! Feasibility Study"]);
    let date = listing.projects[0].date.as_ref().unwrap();
    assert_eq!(date.origin, DateOrigin::Field);
    assert_eq!(date.text.clean(), "MarchSeptember 2015");
    assert_eq!(
        listing.projects[0].field("Donor").unwrap().value.clean(),
        "Austrian Development Agency"
    );
}

#[test]
fn unreadable_duration_gives_a_warning_with_its_line() {
    let listing =
        parse("Projects\n\nAlpha project\n\nObjective: Something.\n\nDuration: sometime soon\n");
    assert_eq!(titles(&listing), ["Alpha project"]);
    assert!(listing.projects[0].date.is_none());
    let warning = listing
        .diagnostics
        .iter()
        .find(|d| d.message.contains("cannot read the dates"))
        .expect("a warning");
    assert_eq!((warning.line, warning.severity), (7, Severity::Warning));
}

#[test]
fn flattened_table_rows() {
    let listing = parse(
        "Bangladesh: Projects\n\nProject title\n\nStart date\n\nEnd date\n\nDonor\n\nCombating child trafficking\n\n30 September 2002\n\n31 December 2006\n\nUnited States\n\nObjective: The project aims to reduce trafficking.\n\n \n\nIncluding the Excluded\n\n01 January 2003\n\n30 April 2006\n\nNetherlands\n\nObjective: Mainstreaming.\n",
    );
    assert_eq!(
        titles(&listing),
        ["Combating child trafficking", "Including the Excluded"]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("30 September 2002 – 31 December 2006".into()),
            Some("01 January 2003 – 30 April 2006".into())
        ]
    );
    assert_eq!(
        listing.projects[0].date.as_ref().unwrap().origin,
        DateOrigin::TableCells
    );
    assert_eq!(
        listing.projects[1].field("Donor").unwrap().value.clean(),
        "Netherlands"
    );
    assert_eq!(
        listing.projects[0]
            .field("Objective")
            .unwrap()
            .value
            .clean(),
        "The project aims to reduce trafficking."
    );
}

#[test]
fn labelled_lines_including_a_label_run_into_the_text() {
    let listing = parse(
        "Technical cooperation projects\n\n  1. Myanmar - Promoting Rights at Work in Myanmar\n\n    21 September 2012\n\n    Donor – US Department of State The recently initiated political reform process in Myanmar has opened a window of opportunity.\n\n    Implementing Agency: ICMPD (lead)\n",
    );
    let project = &listing.projects[0];
    assert_eq!(
        project.title_text(),
        "Myanmar - Promoting Rights at Work in Myanmar"
    );
    assert_eq!(
        project.field("Donor").unwrap().value.clean(),
        "US Department of State"
    );
    assert_eq!(
        project.field("Implementing Agency").unwrap().value.clean(),
        "ICMPD (lead)"
    );
    assert!(project
        .description_text()
        .starts_with("The recently initiated political reform"));
}

#[test]
fn crlf_bom_no_break_spaces_curly_quotes_and_trailing_spaces() {
    let text = "\u{feff}Projects\r\n\r\n  1.\u{a0}The \u{2018}Safe Migration\u{2019} project  \r\n\r\n    1\u{a0}June\u{a0}2007 - 30 June 2009   \r\n\r\n    It \u{201c}works\u{201d}.  \r\n";
    let listing = parse(text);
    let project = &listing.projects[0];
    assert_eq!(
        project.title_text(),
        "The \u{2018}Safe Migration\u{2019} project"
    );
    assert_eq!(
        project.date_text().as_deref(),
        Some("1 June 2007 - 30 June 2009")
    );
    assert_eq!(project.description_text(), "It \u{201c}works\u{201d}.");
    // Spans index the original bytes, BOM and CRs included.
    let span = project.title.span().unwrap();
    assert_eq!(
        &text[span.start..span.end],
        "The \u{2018}Safe Migration\u{2019} project"
    );
}

#[test]
fn listing_without_dates_uses_title_and_field_layout() {
    let listing = parse(
        "Ongoing Projects\n\nPrague Process\n\nThe Prague Process is a targeted migration dialogue.\n\nFor more information, please visit the webpage.\n\nReintegration Support to Returnees (RESTART) project\n\nObjective: The overall objective is to support reintegration.\n\nThe specific objectives:\n\n  • To enhance capacities;\n\nDonors: Germany; Poland\n\nDuration: 1 January 2019 – 30 June 2020\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Prague Process",
            "Reintegration Support to Returnees (RESTART) project"
        ]
    );
    assert!(listing.projects[0].date.is_none());
    assert!(listing
        .diagnostics
        .iter()
        .any(|d| d.line == 3 && d.message.starts_with("no dates")));
    assert_eq!(
        listing.projects[1].date_text().as_deref(),
        Some("1 January 2019 – 30 June 2020")
    );
}

#[test]
fn trailing_date_in_title_parentheses_is_removed_and_used() {
    let listing = parse("Projects\n\n1. Decent work for migrants (2009–2010)\n\nText.\n\n2. Other project\n\n2011 - 2012\n");
    assert_eq!(
        titles(&listing),
        ["Decent work for migrants", "Other project"]
    );
    let date = listing.projects[0].date.as_ref().unwrap();
    assert_eq!(
        (date.origin, date.text.clean().as_str()),
        (DateOrigin::Title, "(2009–2010)")
    );
}

#[test]
fn listing_cut_off_mid_field_drops_the_partial_value() {
    let listing = parse(
        "Projects\n\nProject title\n\nStart date\n\nEnd date\n\nDonor\n\nAlpha\n\n01 February 2003\n\n31 March 2007\n\nN",
    );
    assert_eq!(titles(&listing), ["Alpha"]);
    assert!(listing.projects[0].field("Donor").is_none());
    assert!(listing
        .diagnostics
        .iter()
        .any(|d| d.message.contains("ends in the middle")));
}

#[test]
fn text_without_projects_is_a_warning() {
    let listing = parse("Just a paragraph of prose about migration, with no projects in it.\n");
    assert!(listing.projects.is_empty());
    assert_eq!(listing.diagnostics.len(), 1);
    assert!(listing.diagnostics[0]
        .message
        .starts_with("no projects found"));
}

#[test]
fn start_and_end_date_fields_make_one_range() {
    let listing = parse(
        "Projects\n\nAlpha project\n\nObjective: Decent work.\n\nStart date: 1 June 2007\n\nEnd date: 30 June 2009\n",
    );
    let date = listing.projects[0].date.as_ref().unwrap();
    assert_eq!(date.origin, DateOrigin::TableCells);
    assert_eq!(date.clean(), "1 June 2007 – 30 June 2009");
}

#[test]
fn dates_after_words_in_a_duration_field() {
    let listing = parse(
        "Projects\n\nAlpha project\n\nObjective: Decent work.\n\nDuration: 24 months (2019–2021)\n",
    );
    assert_eq!(
        listing.projects[0].date_text().as_deref(),
        Some("(2019–2021)")
    );
    assert!(listing.diagnostics.is_empty(), "{:?}", listing.diagnostics);
}

#[test]
fn a_bulleted_list_in_a_description_is_not_projects() {
    let listing = parse(
        "Projects\n\n• Decent work for domestic workers\n\n2010 - 2012\n\nThe project has three aims:\n\n• Stronger labour inspection\n\n• Better recruitment rules\n\n• Fair wages\n\n• Fair recruitment in Nepal\n\n2012 - 2014\n\nIt works on recruitment.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Decent work for domestic workers",
            "Fair recruitment in Nepal"
        ]
    );
}

#[test]
fn from_to_date_line() {
    let listing =
        parse("Projects\n\n1. Alpha project\n\nFrom 1 June 2007 to 30 June 2009\n\nText.\n");
    assert_eq!(
        dates(&listing),
        [Some("From 1 June 2007 to 30 June 2009".to_string())]
    );
}
