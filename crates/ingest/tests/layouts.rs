//! One test per layout variation a listing may use, each on a small
//! fixture written for it.

mod pieces;

use devcoop_ingest::labels::Meaning;
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

/// The titles of the three-record fixtures written for one layout each.
const THREE_RECORDS: [&str; 3] = [
    "Rainwater tanks for village schools",
    "Mobile clinics for herders",
    "Seed bank for returnees",
];

/// What [`dates`] gives when every record has dates.
fn all_dated(dates: [&str; 3]) -> Vec<Option<String>> {
    dates.iter().map(|d| Some(d.to_string())).collect()
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

/// Every word of the label vocabulary, printed as a title over a date line
/// or with its dates in brackets (`Budget (2004 - 2006)`), first, in the
/// middle or as the only project, is read as the title it is.
#[test]
fn every_label_word_as_a_title_with_its_dates_is_a_title() {
    let over_a_date_line =
        |title: &str| format!("{title}\n\n1 June 1990 - 2 July 1991\n\nBoats get ladders.\n\n");
    let with_own_dates = |title: &str| format!("{title} (1990 - 1991)\n\nBoats get ladders.\n\n");
    // `No.` is an abbreviation, never a title on its own; a dates label
    // (`Duration`) over a date line under a headline is that line's label
    // (`a_byline_or_the_dates_label_set_apart_under_a_headline_is_not_the_title`).
    for (label, _) in devcoop_ingest::labels::VOCABULARY
        .iter()
        .filter(|(label, meaning)| !label.ends_with('.') && *meaning != Meaning::Dates)
    {
        let mut letters = label.chars();
        let title: String = letters
            .next()
            .map(|first| first.to_uppercase().chain(letters).collect())
            .unwrap_or_default();
        for layout in [over_a_date_line, with_own_dates] {
            let project = layout(&title);
            let other = layout("Rights at work");
            for (text, at) in [
                (format!("Projects\n\n{project}"), 0),
                (format!("Projects\n\n{project}{other}"), 0),
                (format!("Projects\n\n{other}{project}{other}"), 1),
            ] {
                let listing = parse(&text);
                let found = titles(&listing);
                assert_eq!(found.len(), text.matches(" - ").count(), "{text}");
                assert_eq!(found[at], title, "{text}");
            }
        }
    }
}

/// A title spelled like a field label (`Budget`, `Partners`) is a title
/// when a date line follows it; the same word over prose still labels it.
#[test]
fn a_title_named_like_a_label_over_its_dates() {
    let listing = parse(
        "Projects\n\nBudget\n\n2 April 2001 - 3 May 2003\n\nMoney schools for farmers.\n\nSummary\n\nThe schools teach saving.\n\nLadders for fishers\n\n2004 - 2006\n\nBoats get ladders.\n\nPartners\n\n2007 - 2008\n",
    );
    assert_eq!(
        titles(&listing),
        ["Budget", "Ladders for fishers", "Partners"]
    );
    assert_eq!(
        dates(&listing),
        all_dated(["2 April 2001 - 3 May 2003", "2004 - 2006", "2007 - 2008"])
    );
    let summary = listing.projects[0]
        .field("Summary")
        .expect("a Summary field");
    assert_eq!(summary.value.clean(), "The schools teach saving.");
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
        .map(|p| p.kicker.as_ref().map(|k| k.clean().into_owned()))
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
        "1. April 2017 bis 31. März 2020",
        "Juni 2022 – Mai 2025",
        "febbraio 2017 – gennaio 2020",
        "fevereiro de 2014 – janeiro de 2017",
        "De 1 de abril de 2016 a 31 de março de 2019",
        "Dal 2018 al 2021",
        "Von 2018 bis 2021",
        "2016-09-01 ~ 2017-06-30",
        "Seit 2020",
        "Launched in 2018",
        "FY19-FY22",
    ];
    // `Since 2019 (ongoing)` says twice that the range is open.
    let listing = parse("Projects\n\n1. Alpha project\n\nSince 2019 (ongoing)\n\nText.\n");
    assert_eq!(dates(&listing), [Some("Since 2019".to_string())]);
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
        (date.origin, &*date.text.clean()),
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
    // A development bank's card: from its approval to its closing.
    let listing = parse(
        "Projects\n\nAlpha project\nProject ID: P123456\nApproval date: March 14, 2019\nClosing date: June 30, 2023\n",
    );
    let date = listing.projects[0].date.as_ref().unwrap();
    assert_eq!(date.clean(), "March 14, 2019 – June 30, 2023");
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

// One test per layout class the listing reader learns (README, "What goes
// in"); each fixture is made up for it.

fn fields_of(listing: &Listing, label: &str) -> Vec<Option<String>> {
    listing
        .projects
        .iter()
        .map(|p| p.field(label).map(|f| f.value.clean().into_owned()))
        .collect()
}

#[test]
fn title_fields_in_any_order_before_or_after_the_description() {
    let listing = parse(
        "Grants awarded\n\nRiver Towns Network\nProject title: Clean wells for river towns\nDescription: The network repairs wells in twelve towns.\nDonor: Lakeside Fund\n\nHill Farmers Union\nDonor: Hill Trust\nDescription: Farmers learn to store rain water.\nProject Title: Rain stores for hill farms\nDuration: 2019 - 2021\n",
    );
    assert_eq!(
        titles(&listing),
        ["Clean wells for river towns", "Rain stores for hill farms"]
    );
    // The grantee's name above the title is not the title, nor a project.
    assert_eq!(
        listing.projects[0]
            .kicker
            .as_ref()
            .map(|k| k.clean().into_owned())
            .as_deref(),
        Some("River Towns Network")
    );
    assert_eq!(dates(&listing), [None, Some("2019 - 2021".into())]);
    assert_eq!(
        fields_of(&listing, "Donor"),
        [Some("Lakeside Fund".into()), Some("Hill Trust".into())]
    );
}

#[test]
fn an_item_whose_number_runs_into_its_text_is_the_item_of_that_number() {
    // `2Mobile clinics …` lost its full stop and space in the copy: between
    // items 1 and 3 it is item 2. `4D maps …` after item 3 names a thing.
    let listing = parse(
        "Grants made\n\n1. Rainwater tanks for village schools\n2Mobile clinics for herders\n3. Seed bank for returnees\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    let listing = parse(
        "Grants made\n\n1. Rainwater tanks for village schools\n2. Mobile clinics for herders\n3. Seed bank for returnees\n4D maps of the valley were drawn.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_table_one_cell_a_line_whose_header_spells_out_the_project() {
    // Each header cell says whose its label is (`Start date of the
    // project`): still the table's columns, and each row a record.
    let listing = parse(
        "Projects under way\n\nTitle of the project\n\nDonor\n\nStart date of the project\n\nEnd date of the project\n\n\
         1. Rainwater tanks for village schools\n\nLakeside Fund\n\n1/3/2019\n\n1/3/2021\n\n\
         2. Mobile clinics for herders\n\nHill Trust\n\n1/4/2019\n\n1/4/2022\n\n\
         3. Seed bank for returnees\n\nOpen Fields\n\n1/5/2019\n\n1/5/2020\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        fields_of(&listing, "Donor"),
        [
            Some("Lakeside Fund".into()),
            Some("Hill Trust".into()),
            Some("Open Fields".into())
        ]
    );
    assert_eq!(
        dates(&listing),
        all_dated([
            "1/3/2019 – 1/3/2021",
            "1/4/2019 – 1/4/2022",
            "1/5/2019 – 1/5/2020"
        ])
    );
}

#[test]
fn a_table_whose_cells_run_together_is_read_by_its_header() {
    // The copy lost the cells' borders: `YearProjectCountry`, and each row
    // glued where a capital follows a letter or a digit.
    let listing = parse(
        "Our projects\n\nYearProjectCountry\n2019Rainwater tanks for village schoolsKenya\n\
         2018Mobile clinics for herdersNiger\n2016Seed bank for returneesSouth Sudan\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(dates(&listing), all_dated(["2019", "2018", "2016"]));
    assert_eq!(
        fields_of(&listing, "Country"),
        [
            Some("Kenya".into()),
            Some("Niger".into()),
            Some("South Sudan".into())
        ]
    );
}

#[test]
fn a_bar_printed_as_a_letter_parts_the_dates_from_the_place() {
    // A font without a bar copied it as `l`: `May 2015 l Kenya`.
    let listing = parse(
        "Projects 2015\n\nRainwater tanks for village schools\n\nJanuary–March 2015 l Kenya\n\n\
         Mobile clinics for herders\n\nMay 2015 l Niger, Mali\n\nSeed bank for returnees\n\nJuly–October 2015 I Juba, South Sudan\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["January–March 2015", "May 2015", "July–October 2015"])
    );
}

#[test]
fn a_headline_over_its_subtitle_over_the_dates_is_the_title() {
    // Most records print a subtitle between headline and dates; one does
    // not. The subtitle is the record's text.
    let listing = parse(
        "Projects 2021\n\nRainwater tanks for village schools\n\nA study of what rain the roofs can hold\n\nMarch 2021\n\n\
         Mobile clinics for herders\n\nNurses who follow the herds for a season\n\nApril–June 2021\n\n\
         Seed bank for returnees\n\nJuly 2021\n\n\
         Wells for the valley\n\nA survey of the old wells and new ones\n\nAugust 2021\n\n\
         Roads to the market\n\nTwo tracks for the carts of the harvest\n\nSeptember 2021\n",
    );
    assert_eq!(
        titles(&listing),
        [
            THREE_RECORDS[0],
            THREE_RECORDS[1],
            THREE_RECORDS[2],
            "Wells for the valley",
            "Roads to the market"
        ]
    );
    assert_eq!(
        listing.projects[0]
            .description
            .iter()
            .map(|t| t.clean().into_owned())
            .collect::<Vec<_>>(),
        ["A study of what rain the roofs can hold"]
    );
    // A line printed over every record is the record above's last line,
    // not a headline: the line under it is the title.
    let listing = parse(
        "Projects\n\nRainwater tanks for village schools\n\nMarch 2021\n\nWork in progress\n\n\
         Mobile clinics for herders\n\nApril–June 2021\n\nWork in progress\n\n\
         Seed bank for returnees\n\nJuly 2021\n\nWork in progress\n\n\
         Wells for the valley\n\nAugust 2021\n",
    );
    assert_eq!(titles(&listing)[..3], THREE_RECORDS);
}

#[test]
fn a_name_whose_opening_quote_was_lost_ends_at_its_closing_one() {
    let listing = parse(
        "News\n\nThe projects approved this year are:\n\
         Rainwater tanks for village schools‘, in Kenya;\n\
         Mobile clinics for herders‘, in Niger;\n\
         Seed bank for returnees‘, in South Sudan.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        listing.projects[0]
            .description
            .iter()
            .map(|t| t.clean().into_owned())
            .collect::<Vec<_>>(),
        ["in Kenya;"]
    );
}

#[test]
fn every_list_under_a_heading_printed_as_the_first_lists_is_records() {
    // Each section prints its own `Projects under way` over a list: the
    // later lists, numbered where the first is bulleted, are records too.
    let section = |headline: &str, objective: &str, items: &str| {
        format!("{headline}\n\nObjective:\n\n{objective}\n\nProjects under way\n\n{items}\n")
    };
    let text = "Our programmes\n\n".to_string()
        + &section(
            "WATER FOR SCHOOLS",
            "Clean water in every school of the district.",
            "- Rainwater tanks for village schools\n- Wells for the valley\n- Pumps for the market town\n",
        )
        + &section(
            "HEALTH IN THE HILLS",
            "Care within a day of every village.",
            "1. Mobile clinics for herders\n2. Nurses for the hill districts\n",
        )
        + &section(
            "FOOD FOR ALL",
            "Seeds for every family that returns.",
            "1. Seed bank for returnees\n",
        );
    let listing = parse(&text);
    let items: Vec<String> = titles(&listing)
        .into_iter()
        .filter(|t| t.chars().any(char::is_lowercase))
        .collect();
    assert_eq!(
        items,
        [
            "Rainwater tanks for village schools",
            "Wells for the valley",
            "Pumps for the market town",
            "Mobile clinics for herders",
            "Nurses for the hill districts",
            "Seed bank for returnees"
        ]
    );
}

#[test]
fn records_of_fields_titled_by_a_label_of_the_listings_own() {
    // No label the vocabulary knows names the titles: `Intervention`, in
    // every record, with the longest values, does (rule TL). Each record
    // opens on the field that opens the first.
    let listing = parse(
        "Partner projects\n\nSponsor: Lakeside Fund\nRegion: Gulu\nIntervention: Rainwater tanks for village schools\nContact: tanks@example.org\nDates: March-May, 2014\n\
         Sponsor: Hill Trust\nRegion: Lira\nIntervention: Mobile clinics for herders\nContact: clinics@example.org\nDates: June 2015 - May 2016\n\
         Sponsor: Open Fields\nRegion: Kitgum\nIntervention: Seed bank for returnees\nContact: seeds@example.org\nDates: 2017\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["March-May, 2014", "June 2015 - May 2016", "2017"])
    );
    assert_eq!(
        fields_of(&listing, "Sponsor"),
        [
            Some("Lakeside Fund".into()),
            Some("Hill Trust".into()),
            Some("Open Fields".into())
        ]
    );
    assert_eq!(
        fields_of(&listing, "Contact"),
        [
            Some("tanks@example.org".into()),
            Some("clinics@example.org".into()),
            Some("seeds@example.org".into())
        ]
    );
}

#[test]
fn a_country_before_a_colon_over_prose_fields_is_part_of_the_title() {
    // `Objectives:` is prose, not a fact of a record of fields: the
    // country before each title's colon is no label of titles.
    let listing = parse(
        "Our projects\n\nMali: rainwater tanks for village schools\n\nObjectives: water for twelve schools.\n\n\
         Mali: mobile clinics for herders\n\nObjectives: care where herders move.\n\n\
         Mali: a seed bank for returnees\n\nObjectives: seeds for the first season.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Mali: rainwater tanks for village schools",
            "Mali: mobile clinics for herders",
            "Mali: a seed bank for returnees"
        ]
    );
}

#[test]
fn records_without_blank_lines_between_title_fields_and_description() {
    let listing = parse(
        "Our work\nSafer journeys for seasonal workers\nDate: March 3, 2019 - June 30, 2021\nDonors: Government of Norway\nThe project trains recruiters and inspectors.\nSkills passports for returnees\nDate: 15 May, 2018 - 2020\nDonors: European Union\nReturnees get their skills recognised.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Safer journeys for seasonal workers",
            "Skills passports for returnees"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("March 3, 2019 - June 30, 2021".into()),
            Some("15 May, 2018 - 2020".into())
        ]
    );
    assert_eq!(
        fields_of(&listing, "Donors"),
        [
            Some("Government of Norway".into()),
            Some("European Union".into())
        ]
    );
    assert_eq!(
        listing.projects[1].description_text(),
        "Returnees get their skills recognised."
    );
}

#[test]
fn one_project_per_line_under_a_header_row() {
    let listing = parse(
        "Portfolio\n\nCode\tTitle\tCountry\tBudget (USD)\tStart\tEnd\nWA-0113\tCoastal fisheries cooperatives\tGhana\t1,250,000\t2018-04-01\t2021-03-31\nWA-0127\tSchool meals from local farms\tTogo\t640,000\t2019-01-15\tOngoing\n  Lomé region\t210,000\nWA-0131\tmobile clinics for herders\tNiger\t2,000,000\t2020-06-01\t2023-05-31\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Coastal fisheries cooperatives",
            "School meals from local farms",
            "mobile clinics for herders"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("2018-04-01 – 2021-03-31".into()),
            Some("2019-01-15".into()),
            Some("2020-06-01 – 2023-05-31".into())
        ]
    );
    assert_eq!(fields_of(&listing, "Country")[0].as_deref(), Some("Ghana"));
    assert_eq!(fields_of(&listing, "Code")[2].as_deref(), Some("WA-0131"));
    // The breakdown line under a row belongs to it.
    assert!(listing.projects[1]
        .description_text()
        .contains("Lomé region"));
}

#[test]
fn one_project_per_line_with_its_dates_after_the_headline() {
    let listing = parse(
        "Small grants 2017\n\nThe following projects were chosen:\n\nOlive Growers Circle: \"Water for olive groves\", 1.5.2017-30.4.2018, 10 000 €\nYouth Radio Club: \"Voices of the valley\", 1.6-31.8.2017, 8 000 €\nCity Gardens Trust: \"Roof gardens\", 15.5.2017-31.12.2018, 12 000 €\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "\"Water for olive groves\"",
            "\"Voices of the valley\"",
            "\"Roof gardens\""
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("1.5.2017-30.4.2018".into()),
            Some("1.6-31.8.2017".into()),
            Some("15.5.2017-31.12.2018".into())
        ]
    );
}

#[test]
fn numbered_table_with_one_cell_per_line_and_a_quoted_title() {
    let listing = parse(
        "Implemented projects\n\n# Donor Budget Goals Years\n\n1. Harbour Foundation (HF) $12 000\n\n\u{201c}Evening classes for dock workers\u{201d} 1996\n\n2. Northern Relief Fund $ 4 500\n\n\u{201c}Playgrounds for displaced children\u{201d}\n\nThe goal was to give children safe places to play.\n\n1997-1998\n\n3. Harbour Foundation (HF)\n\n$30 000\n\n\u{201c}Youth House\u{201d} /second phase/. The goal was a place for young people. 1999-2001\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "\u{201c}Evening classes for dock workers\u{201d}",
            "\u{201c}Playgrounds for displaced children\u{201d}",
            "\u{201c}Youth House\u{201d} /second phase/"
        ]
    );
    assert_eq!(
        dates(&listing)[..2],
        [Some("1996".into()), Some("1997-1998".into())]
    );
    // The number line is the donor column named by the header.
    assert_eq!(
        fields_of(&listing, "Donor")[1].as_deref(),
        Some("Northern Relief Fund $ 4 500")
    );
    assert_eq!(listing.projects[2].list_number, Some(3));
}

#[test]
fn menus_section_lists_and_an_introduction_are_not_projects() {
    let listing = parse(
        "Home\nAbout us\nWhat we do\nProjects\nContact\n\nClean wells for river towns\nRain stores for hill farms\n\nIn 2019 we spent USD 3.2 million on 14 projects in 6 countries.\n\nClean wells for river towns\n\n1 March 2018 - 28 February 2020\n\nThe network repairs wells in twelve towns.\n\nRain stores for hill farms\n\n1 April 2019 - 31 March 2021\n\nFarmers learn to store rain water.\n",
    );
    assert_eq!(
        titles(&listing),
        ["Clean wells for river towns", "Rain stores for hill farms"]
    );
}

#[test]
fn titles_in_capitals_quotes_french_spanish_and_with_trailing_years() {
    let listing = parse(
        "Projects\n\nSAFE MIGRATION CORRIDORS IN THE SAHEL\n\n1 January 2016 - 31 December 2018\n\nText.\n\n\u{201c}Decent work for domestic workers\u{201d}\n\n1 January 2017 - 31 December 2019\n\nText.\n\nAppui aux coopératives de pêcheurs\n\n1 février 2018 - 31 janvier 2020\n\nTexte.\n\nEmpleo juvenil en zonas rurales (2019-2021)\n\n1 junio 2019 - 30 junio 2021\n\nTexto.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "SAFE MIGRATION CORRIDORS IN THE SAHEL",
            "\u{201c}Decent work for domestic workers\u{201d}",
            "Appui aux coopératives de pêcheurs",
            "Empleo juvenil en zonas rurales"
        ]
    );
}

#[test]
fn a_page_copied_as_one_line_reads_as_its_records() {
    let listing = parse(
        "Home · Topics · Fisheries Projects Projects Safer boats for small fishers 1 June 2016 - 31 May 2020, The project trains boat builders and fishers in three ports. Fish markets with cold rooms 1 October 2013 - 30 September 2015, Cold rooms keep the catch fresh for longer.",
    );
    assert_eq!(
        titles(&listing),
        [
            "Safer boats for small fishers",
            "Fish markets with cold rooms"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("1 June 2016 - 31 May 2020".into()),
            Some("1 October 2013 - 30 September 2015".into())
        ]
    );
}

#[test]
fn card_fields_run_together_on_one_line() {
    let listing = parse(
        "Completed\n\nVoter lists for all\n\nVoter lists for all\n\nDonor: European Commission Duration: 1 January, 2020 – 31 December, 2021 Budget: 200,000 EUR\n\nCourts open to the public\n\nDonor: Civic Trust Duration: 1 April, 2019 – 31 July, 2020 Budget: 100,930 USD\n",
    );
    assert_eq!(
        titles(&listing),
        ["Voter lists for all", "Courts open to the public"]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("1 January, 2020 – 31 December, 2021".into()),
            Some("1 April, 2019 – 31 July, 2020".into())
        ]
    );
    assert_eq!(
        fields_of(&listing, "Budget")[1].as_deref(),
        Some("100,930 USD")
    );
}

#[test]
fn day_first_dates_on_lines_of_their_own() {
    let listing = parse(
        "Research Promotion Programme\n01.07.2011\n- 31.12.2013\nProject completed\nHealth Workers Training\n15.06.2011\n- 31.12.2012\nProject completed\n",
    );
    assert_eq!(
        titles(&listing),
        ["Research Promotion Programme", "Health Workers Training"]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("01.07.2011 – 31.12.2013".into()),
            Some("15.06.2011 – 31.12.2012".into())
        ]
    );
    assert_eq!(
        listing.projects[0].date.as_ref().unwrap().order,
        devcoop_ingest::dates::NumericOrder::DayFirst
    );
}

#[test]
fn numeric_dates_the_listing_cannot_settle_are_read_day_first_with_a_warning() {
    let listing = parse(
        "Projects\n\nAlpha works\n\n03/04/2020 - 01/05/2022\n\nText.\n\nBeta works\n\n02/03/2019 - 04/05/2021\n\nText.\n",
    );
    assert_eq!(titles(&listing), ["Alpha works", "Beta works"]);
    // The warning quotes the listing's first such date, on its line.
    let warning = listing
        .diagnostics
        .iter()
        .find(|d| d.message.contains("read day first"))
        .expect("a warning");
    assert!(
        warning
            .message
            .starts_with("numeric dates such as `03/04/2020 - 01/05/2022`"),
        "{}",
        warning.message
    );
    assert_eq!(warning.line, 5);
    let us = parse(
        "Projects\n\nAlpha works\n\n01/06/2020 - 12/31/2022\n\nText.\n\nBeta works\n\n02/03/2019 - 04/05/2021\n\nText.\n",
    );
    assert_eq!(
        us.projects[1].date.as_ref().unwrap().order,
        devcoop_ingest::dates::NumericOrder::MonthFirst
    );
    assert!(!us
        .diagnostics
        .iter()
        .any(|d| d.message.contains("read day first")));
}

#[test]
fn prose_records_with_a_label_line_under_the_headline() {
    let listing = parse(
        "Practices\n\nSeasonal work between two coasts\n\nSubmitted by A. Writer on\n\nThe scheme lets fishers work two seasons abroad.\n\nReturn and reintegration desk\n\nSubmitted by B. Writer on\n\nA desk helps returnees find work.\n\nSkills map for returnees\n\nSubmitted by C. Writer on\n\nThe map shows which skills returnees bring.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Seasonal work between two coasts",
            "Return and reintegration desk",
            "Skills map for returnees"
        ]
    );
}

#[test]
fn a_headline_with_its_dates_in_brackets_and_a_colon_opens_its_record() {
    // An embassy's past projects: each headline introduces its text.
    let listing = parse(
        "Past projects\n\n\
         Support to rainwater tanks for village schools (2013-2018):\n\n\
         The fund was run by a development bank; the embassy gave its share.\n\n\
         Support to mobile clinics for herders (DKK 2 mil, 2016-2017):\n\n\
         In 2016 the embassy paid for two clinics on wheels.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Support to rainwater tanks for village schools",
            "Support to mobile clinics for herders"
        ]
    );
    assert_eq!(
        listing.projects[0].date_text().as_deref(),
        Some("(2013-2018)")
    );
    // A word naming the record may open the bracket.
    let listing = parse(
        "Kenya\n\nKenya : rainwater tanks for village schools (2019)\n\n\
         The tanks serve twelve schools of the valley.\n\n\
         Kenya : seed bank for returnees (project 2018)\n\n\
         The bank keeps seed for the families that return.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Kenya : rainwater tanks for village schools",
            "Kenya : seed bank for returnees"
        ]
    );
    assert_eq!(listing.projects[1].date_text().as_deref(), Some("2018"));
}

#[test]
fn a_headline_after_the_year_it_started_and_a_colon_is_dated_so() {
    // A foundation's initiatives, each opening on the year its support
    // began: `Since 2011: Place, Name`.
    let listing = parse(
        "Our initiatives\n\n\
         Since 2011: Uganda, Rainwater tanks for village schools\n\n\
         The tanks serve twelve schools of the valley, with their pumps.\n\n\
         Vanaf 2014: Kenya, Mobile Clinics 4 Herders (MC4H)\n\n\
         Two clinics on wheels visit the herders of the north every month.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Uganda, Rainwater tanks for village schools",
            "Kenya, Mobile Clinics 4 Herders (MC4H)"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("Since 2011".to_string()),
            Some("Vanaf 2014".to_string())
        ]
    );
}

#[test]
fn a_headline_ending_on_a_range_of_years_carries_its_dates() {
    let listing = parse("# Our support to the deaf association\n\n## Women Empowerment Project 2008 - 2011\n\nThe project trained deaf women in seven branches of the association.\n\n## Skills and Health Project 2013-2016\n\nThe project went on with the second and helped cooperatives start.\n\n### Cooperatives supported by the project\n\nRegion\tTown\tCooperative activity\n\nNorth\tHill Town\tLeather works\n\nNorth\tRiver Town\tWeaving\n\nSouth\tLake Town\tTailoring\n\n## Seed Bank Project 2017-2019\n\nThe project kept seed for the families of the members.\n");
    assert_eq!(
        titles(&listing),
        [
            "Women Empowerment Project",
            "Skills and Health Project",
            "Seed Bank Project"
        ]
    );
    assert_eq!(
        dates(&listing),
        all_dated(["2008 - 2011", "2013-2016", "2017-2019"])
    );
    // A fiscal year joined by a slash is the name's.
    let listing = parse("Projects\n\nLocal Governance 2014/2015\n\nThe councils of the district.\n\nWater Boards 2016/2017\n\nThe boards of the lake towns.\n");
    assert_eq!(
        titles(&listing),
        ["Local Governance 2014/2015", "Water Boards 2016/2017"]
    );
}

/// A project's own table (its cooperatives, their towns and trades) and
/// the subheadings of its text, under headlines that carry their dates.
#[test]
fn a_records_own_table_and_subheadings_are_its_text() {
    let dated = ["Women Empowerment Project", "Skills and Health Project"];
    // A table whose header names places alone, or that has no column of
    // dates, lists the record's sites.
    for text in ["# Our support to the deaf association\n\n## Women Empowerment Project 2008 - 2011\n\nThe project trained deaf women in seven branches of the association.\n\n## Skills and Health Project 2013-2016\n\nThe project went on with the second and helped cooperatives start.\n\n### Cooperatives supported by the project\n\nRegion\tLocation\tCooperative activity\n\nNorth\tHill Town\tLeather works\n\nNorth\tRiver Town\tWeaving\n\nSouth\tLake Town\tTailoring\n\n## Seed Bank Project 2017-2019\n\nThe project kept seed for the families of the members.\n", "# Our support to the deaf association\n\n## Women Empowerment Project 2008 - 2011\n\nThe project trained deaf women in seven branches of the association.\n\n## Skills and Health Project 2013-2016\n\nThe project went on with the second and helped cooperatives start.\n\n### Cooperatives supported by the project\n\nRegion\tLocation\tActivity\n\nNorth\tHill Town\tLeather works\n\nNorth\tRiver Town\tWeaving\n\nSouth\tLake Town\tTailoring\n\n## Seed Bank Project 2017-2019\n\nThe project kept seed for the families of the members.\n"] {
        let listing = parse(text);
        assert_eq!(titles(&listing), [dated[0], dated[1], "Seed Bank Project"], "{text}");
    }
    // A heading marked deeper than the records' over a paragraph is a
    // subheading of the record above.
    let listing = parse("# Our support to the deaf association\n\n## Women Empowerment Project 2008 - 2011\n\nThe project trained deaf women in seven branches of the association.\n\n## Skills and Health Project 2013-2016\n\nThe project went on with the second and helped cooperatives start.\n\n### Training of the branches in leadership\n\nEach branch sent two members to a week of training in the capital.\n\n## Seed Bank Project 2017-2019\n\nThe project kept seed for the families of the members.\n\n## Cultural Cooperation Project\n\nThe ministry also paid for artists to train deaf actors.\n\n## Sign Language Dictionary\n\nThe first dictionary of the sign language was printed with the ministry.\n");
    assert_eq!(
        titles(&listing),
        [
            dated[0],
            dated[1],
            "Seed Bank Project",
            "Cultural Cooperation Project",
            "Sign Language Dictionary"
        ]
    );
    // A table's rows are no head: the headline under them opens its record.
    let listing = parse("# Our support to the deaf association\n\n## Women Empowerment Project 2008 - 2011\n\nThe project trained deaf women in seven branches of the association.\n\n## Skills and Health Project 2013-2016\n\nThe project went on with the second and helped cooperatives start.\n\n### Cooperatives supported by the project\n\nRegion\tLocation\tActivity\n\nNorth\tHill Town\tLeather works\n\nNorth\tRiver Town\tWeaving\n\nSouth\tLake Town\tTailoring\n\n## Organizational Development Project\n\nThe current project builds the capacity of the association.\n\n## Cultural Cooperation Project\n\nThe ministry also paid for artists to train deaf actors.\n\n## Sign Language Dictionary\n\nThe first dictionary of the sign language was printed with the ministry.\n");
    assert_eq!(
        titles(&listing),
        [
            dated[0],
            dated[1],
            "Organizational Development Project",
            "Cultural Cooperation Project",
            "Sign Language Dictionary"
        ]
    );
}

#[test]
fn a_list_of_items_each_opening_on_its_year_is_of_dated_records() {
    let listing = parse(
        "Student projects in Kenya\nFrom 2001 to 2018 students ran projects in the towns.\nProjects\n\
         - 2001 Rainwater tanks for village schools\n\
         - 2004 Mobile clinics for herders\n\
         - 2006 Seed bank for returnees",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(dates(&listing), all_dated(["2001", "2004", "2006"]));
    // Items that tell what was done after their years and a colon, in a
    // sentence or several, wrapped or not: the first sentence is the title.
    let listing = parse(
        "What we did\n\nSince 1997 the association has helped the village in many ways:\n\n\
         • 2000-2001 : purchase of school supplies and funding of a canteen.\n\
         • 2003-2004 : school fees for 41 pupils of the primary school.\n\
         • 2004-2005 : school fees for 48 pupils. Exchange of letters with a school\n\
         in France. Clothes sent by container.\n\
         • 2005-2006 – school fees and meals for 61 pupils.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "purchase of school supplies and funding of a canteen.",
            "school fees for 41 pupils of the primary school.",
            "school fees for 48 pupils.",
            "school fees and meals for 61 pupils."
        ]
    );
    assert_eq!(
        listing.projects[2].description_text(),
        "Exchange of letters with a school in France. Clothes sent by container."
    );
    assert_eq!(
        listing.projects[3].date_text().as_deref(),
        Some("2005-2006")
    );
    // A sentence announcing the actions carried out is the page's lead-in:
    // the lines of its header above are no record.
    let listing = parse(
        "Who we are\nHistory\nFounded in 1979\nConstruction\nhealth and social centre\n\
         The actions carried out since 1979:\n\
         1979 to 1985 : ox ploughing and a shared mill run by the women. Neither lasted.\n\
         1986 : a school of three classes and three houses for the teachers.\n\
         1992 : a wide well for the school, now dry.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "ox ploughing and a shared mill run by the women.",
            "a school of three classes and three houses for the teachers.",
            "a wide well for the school, now dry."
        ]
    );
    // A list item opening on a range of years joined by a dash or a word
    // is dated so alone, whatever follows; a fiscal year names its item.
    let listing = parse(
        "Research we carried out\n\nWe carried out several studies with partners:\n\n\
         - 1981 to 2006 repeated surveys of the oases' farms with the university.\n\n\
         - 2005–2012 with a foundation's grant, a study of how villages plan their roads.\n\n\
         - From 2015 to 2019 the ministry pays for a study of the poorest households.\n",
    );
    assert_eq!(
        dates(&listing),
        all_dated(["1981 to 2006", "2005–2012", "From 2015 to 2019"])
    );
    assert_eq!(
        titles(&listing)[0],
        "repeated surveys of the oases' farms with the university."
    );
    let listing = parse(
        "Projects\n\nThe following projects were completed:\n\n\
         • 2017/18 fiscal year review of the six towns\n\
         • Forms for the town halls\n\
         • Internal controls of the towns\n",
    );
    assert_eq!(
        titles(&listing)[0],
        "2017/18 fiscal year review of the six towns"
    );
    // Paragraphs apart, one opening on a year alone and the others on
    // ranges, are a run all the same.
    let listing = parse(
        "Our schools\n\nAfter the floods we rebuilt the schools of the valley.\n\n\
         2016 Project Riverside – Rebuilt four classrooms of the river school in Upper Dala.\n\n\
         2016-17 Project Hilltop – Completed two classrooms in the Hilltop Lower School.\n\n\
         2018-20 Project Lakeshore – Still building six classrooms in Lakeshore Primary School.\n\n\
         Write to us if you would like to help.",
    );
    assert_eq!(
        titles(&listing),
        ["Project Riverside", "Project Hilltop", "Project Lakeshore"]
    );
    assert_eq!(dates(&listing), all_dated(["2016", "2016-17", "2018-20"]));
    // One line so opened names its year: the title keeps it.
    let listing = parse(
        "Projects\n\n2030 Agenda for the river towns\n\n1 June 2019 - 2 July 2021\n\nThe towns plan.\n",
    );
    assert_eq!(titles(&listing), ["2030 Agenda for the river towns"]);
}

#[test]
fn lines_opening_alike_on_a_quoted_name_over_their_paragraphs_are_records() {
    let listing = parse(
        "Project “Rainwater tanks for village schools”. Years 2011-2012. Co-funded by the region.\n\
         The tanks serve twelve schools of the valley, with their pumps and gutters.\n\
         Project “Mobile clinics for herders”. Years 2003-2004. Co-funded by the region.\n\
         Two clinics on wheels visit the herders' camps every month.\n\
         Project “Seed bank for returnees”, 2000. Funded by the town.\n\
         The bank keeps seed for the families that come back.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "“Rainwater tanks for village schools”",
            "“Mobile clinics for herders”",
            "“Seed bank for returnees”"
        ]
    );
    assert_eq!(
        dates(&listing),
        all_dated(["2011-2012", "2003-2004", "2000"])
    );
    // Names quoted in prose paragraphs that open differently are words of
    // the prose.
    let listing = parse(
        "Our work\n\nWells\n\nWe dug ten wells in the valley with the villages.\n\n\
         Our ‘Feed the Children’ scheme gave meals to the schools of the valley.\n\n\
         Clinics\n\n\
         The ‘Orphans for Orphans’ scheme pairs older orphans with younger ones.\n",
    );
    assert_eq!(titles(&listing), ["Wells", "Clinics"]);
}

#[test]
fn a_byline_ending_on_the_range_dates_its_record() {
    // A research group's projects: headline, a byline naming the team and
    // funder and ending on the dates, the summary, a link with an arrow.
    let listing = parse(
        "Our research\n\nHere are the research projects of the cluster.\n\n\
         Rainwater tanks for village schools\n\n\
         Professor A. Lee, funded by the Science Fund, December 2018–November 2019.\n\
         The study asks whether tanks keep girls in school.\n\
         More information >\n\n\
         Mobile clinics for herders\n\n\
         Professor B. Okoro and the Valley Trust team. January 2018–December 2021.\n\
         The study follows two clinics on wheels.\n\
         Fund page >\n\n\
         Seed bank for returnees\n\n\
         Doctor C. Diallo, funded by the Lakeside Foundation, 2017–2019.\n\
         The study asks who borrows seed.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated([
            "December 2018–November 2019",
            "January 2018–December 2021",
            "2017–2019"
        ])
    );
}

#[test]
fn a_records_text_opening_on_its_dates_dates_it_and_opens_the_file_on_it() {
    // A country page: its breadcrumb, then each grant's headline over a
    // paragraph that opens on the month it was given.
    let listing = parse(
        "Home / Countries / Malawi\n\n\n\
         Rainwater tanks for village schools\n\n\
         November 2007 - The district council received a grant to build tanks for twelve schools.\n\n\n\
         Mobile clinics for herders\n\n\
         May 2010 - Two districts received a grant for clinics on wheels that visit the camps.\n\n\n\
         Seed bank for returnees\n\n\
         The country is expected to benefit from a seed bank for the families that return.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        [
            Some("November 2007".to_string()),
            Some("May 2010".to_string()),
            None
        ]
    );
}

#[test]
fn a_list_run_into_its_paragraph_is_cut_at_its_bullets() {
    let listing = parse(
        "The Fund\nThe Fund is a major donor in the valley. It has supported three programmes: \
         • Rainwater tanks for village schools (2010-2013, EUR 4,7 million) \
         • Mobile clinics for herders (2011-2014, EUR 2 million) \
         • Seed bank for returnees (2014-2017, EUR 3 million)\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2010-2013", "2011-2014", "2014-2017"])
    );
}

#[test]
fn the_last_item_of_a_records_list_over_its_fields_is_no_record() {
    // Numbered records over fields; under their labels, lists whose last
    // item stands over the funder's field; a summary of totals after them.
    let listing = parse(
        "Past projects\n\n\
         1. Rainwater tanks for village schools\n\nDuration: July 2020 to date\nBudget: US$ 450,000\nBeneficiaries: 2050\n\
         Target Audience:\n\n  • 850 young fishers\n  • 1,200 young women of the lake towns\n\n\
         Geographical Coverage:\n\n  • Hill District (four wards)\n  • Lake District (three wards)\n\n\
         Interventions:\n\n  • Training of the committees\n  • Economic Empowerment through Savings Groups\n\n\
         Funder: Harbour Fund\nContact: the coordinator\nTel: +255 700 000 000\n\n\
         2. Mobile clinics for herders\n\nDuration: Sept 2014 - Aug 2017\nBudget: US$ 450,000\nBeneficiaries: 2050\n\
         Target Audience:\n\n  • 850 young fishers\n  • 1,200 young women of the lake towns\n\n\
         Geographical Coverage:\n\n  • Hill District (four wards)\n  • Lake District (three wards)\n\n\
         Interventions:\n\n  • Training of the committees\n  • Economic Empowerment through Savings Groups\n\n\
         Funder: Valley Trust\nContact: the coordinator\nTel: +255 700 000 000\n\n\
         3. Seed bank for returnees\n\nDuration: July 2016 - July 2021\nBudget: US$ 450,000\nBeneficiaries: 2050\n\
         Target Audience:\n\n  • 850 young fishers\n  • 1,200 young women of the lake towns\n\n\
         Geographical Coverage:\n\n  • Hill District (four wards)\n  • Lake District (three wards)\n\n\
         Interventions:\n\n  • Training of the committees\n  • Economic Empowerment through Savings Groups\n\n\
         Funder: Lakeside Foundation\nContact: the coordinator\nTel: +255 700 000 000\n\n\
         Project Impact Summary\n\nTotal projects: 3\nTotal funding: US$ 1,350,000\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn prose_that_mentions_its_dates_in_brackets_is_not_a_headline() {
    // Headlines over prose, without date lines. A description that gives
    // its years in brackets and goes on after them is a sentence, not a
    // headline carrying its dates: the records stay three.
    let listing = parse(
        "Our projects\n\nShared boats for coastal fishers\n\n\
         A cooperative of returning fishers buys boats together and shares the catch.\n\n\
         Night school for seasonal workers\n\n\
         Evening classes teach farm workers to read contracts before they sign them.\n\n\
         Repair workshop for returnees\n\n\
         A workshop trains young returnees as bicycle mechanics for two years (2014–2016), with tools from a local firm.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Shared boats for coastal fishers",
            "Night school for seasonal workers",
            "Repair workshop for returnees"
        ]
    );
}

#[test]
fn a_dates_label_that_starts_a_sentence_gives_dates_prose_does_not() {
    // Headlines over prose, without date lines. `Project Duration
    // 2021-2023.` is a field run into the text; years inside a sentence
    // are prose, which gives no dates.
    let listing = parse(
        "Our projects\n\nShared boats for coastal fishers\n\n\
         Returning fishers buy boats together. Project Duration 2021-2023.\n\n\
         Night school for seasonal workers\n\n\
         Evening classes ran during the period 2016-2020 in three towns.\n\n\
         Repair workshop for returnees\n\n\
         A workshop trains young returnees as bicycle mechanics for two years (2014–2016), with tools from a local firm.\n",
    );
    assert_eq!(titles(&listing).len(), 3);
    assert_eq!(dates(&listing), [Some("2021-2023".to_string()), None, None]);
    assert_eq!(
        listing.projects[0].date.as_ref().map(|d| d.origin),
        Some(DateOrigin::Field)
    );
}

#[test]
fn date_lines_of_months_in_numbers_and_since() {
    // `01/2019` is January 2019; `Since 2018` alone on its line opens a
    // range. Not read, each date line would join its project to the one
    // above.
    let listing = parse(
        "Rainwater tanks for village schools\n01/2019 – 12/2021\n\
         Schools in two districts collect rain for drinking water.\n\n\
         Mobile clinics for herders\nSince 2018\n\
         Clinics travel with herders between summer and winter pastures.\n\n\
         Seed bank for returnees\n03.2020 - 02.2023\n\
         Returning farmers borrow seed and repay it after the harvest.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["01/2019 – 12/2021", "Since 2018", "03.2020 - 02.2023"])
    );
}

#[test]
fn items_marked_with_letters_or_roman_numerals() {
    for marks in [
        ["a.", "b.", "c."],
        ["(a)", "(b)", "(c)"],
        ["i.", "ii.", "iii."],
    ] {
        let text = format!(
            "Projects\n\n{} Rainwater tanks for village schools\n   2019 – 2021\n   Schools collect rain.\n\n\
             {} Mobile clinics for herders\n   2018 – 2020\n   Clinics travel with herders.\n\n\
             {} Seed bank for returnees\n   2020 – 2022\n   Farmers borrow seed.\n",
            marks[0], marks[1], marks[2]
        );
        let listing = parse(&text);
        assert_eq!(titles(&listing), THREE_RECORDS, "{marks:?}");
        assert_eq!(
            dates(&listing)[2].as_deref(),
            Some("2020 – 2022"),
            "{marks:?}"
        );
    }
}

#[test]
fn cards_whose_fields_come_in_different_orders() {
    // One card starts with its dates field, the others with the donor:
    // still three cards of fields, none joined to another.
    let listing = parse(
        "Rainwater tanks for village schools\nDonor: Harbour Fund\nDuration: 2019-2021\n\n\
         Mobile clinics for herders\nDuration: 2020-2023\nDonor: Valley Trust\n\n\
         Seed bank for returnees\nDonor: Lakeside Foundation\nDuration: 2017-2020\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2019-2021", "2020-2023", "2017-2020"])
    );
}

#[test]
fn items_that_end_in_their_dates_over_indented_descriptions() {
    let listing = parse(
        "Current projects\n\n\
         * Rainwater tanks for village schools, 2019–2021\n  Schools collect rain for drinking water.\n\n\
         * Mobile clinics for herders (2018–2020)\n  Clinics travel with herders.\n\n\
         * Seed bank for returnees, 2020–2022\n  Farmers borrow seed and repay it.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(dates(&listing)[1].as_deref(), Some("(2018–2020)"));
    assert_eq!(
        listing.projects[2].description_text(),
        "Farmers borrow seed and repay it."
    );
}

#[test]
fn a_bulleted_date_line_is_a_date_line() {
    let text =
        "Projects\n\nWells for schools\n\n- 2019 – 2021\n- Wells are dug in ten schools.\n\n\
         Boats for fishers\n\n- 2018 – 2020, Togo\n- Boats are shared.\n";
    let listing = parse(text);
    assert_eq!(titles(&listing), ["Wells for schools", "Boats for fishers"]);
    assert_eq!(
        dates(&listing),
        [
            Some("2019 – 2021".to_string()),
            Some("2018 – 2020".to_string())
        ]
    );
    // The date's span is its bytes, after the bullet.
    let date = &listing.projects[1].date.as_ref().unwrap().text.segments[0];
    assert_eq!(&text[date.span.start..date.span.end], "2018 – 2020");
}

#[test]
fn a_duration_without_dates_under_a_title_keeps_its_project() {
    // `Duration: 36 months` stands where the others' date lines stand: the
    // project has no dates (and a warning says so), but it is a project.
    let listing = parse(
        "Our projects\n\nRainwater tanks for village schools\n\n2019 – 2021\n\nSchools collect rain.\n\n\
         Mobile clinics for herders\n\nDuration: 36 months\n\nClinics travel with herders.\n\n\
         Seed bank for returnees\n\n2020 – 2022\n\nFarmers borrow seed.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(dates(&listing)[1], None);
    assert!(listing.diagnostics.iter().any(|d| d
        .message
        .contains("no dates for `Mobile clinics for herders`")));
    // A length is not dates it failed to read.
    assert!(listing
        .diagnostics
        .iter()
        .all(|d| !d.message.contains("cannot read")));
}

#[test]
fn a_start_and_a_length_are_the_dates_together() {
    // `Start` and `Duration: 36 months`, in either order, are read as a
    // start and an end cell (the normaliser tells the end); a printed end
    // wins over the length; a start of a year alone keeps no length, which
    // would not say when in its last year the project ends.
    let text = "Projects\n\nRainwater tanks for village schools\nStart date: 1 March 2020\n\
                Duration: 36 months\nDonor: Harbour Fund\n\n\
                Mobile clinics for herders\nStart date: May 2019\nDuration: 2 years\n\
                End date: 30 June 2021\nDonor: Valley Trust\n\n\
                Seed bank for returnees\nStart date: 2018\nDuration: 3 years\n\
                Donor: Lakeside Foundation\n";
    let listing = parse(text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        [
            Some("1 March 2020 – 36 months".to_string()),
            Some("May 2019 – 30 June 2021".to_string()),
            Some("2018".to_string())
        ]
    );
    let length = &listing.projects[0].date.as_ref().unwrap().text.segments[1];
    assert_eq!(&text[length.span.start..length.span.end], "36 months");
    let length_first = parse(
        "Projects\n\nRainwater tanks for village schools\nDuration: 18 mois\nStart date: 1 March 2020\n\n\
         Mobile clinics for herders\nDuration: 24 months\nStart date: June 2019\n",
    );
    assert_eq!(
        dates(&length_first),
        [
            Some("1 March 2020 – 18 mois".to_string()),
            Some("June 2019 – 24 months".to_string())
        ]
    );
    // A length that would read as an end's day and month stays apart.
    let day_like = parse(
        "Projects\n\nRainwater tanks for village schools\nStart date: March 2020\nDuration: 2.3 years\n\
         Donor: Harbour Fund\n\nMobile clinics for herders\nStart date: May 2019\nDuration: 2 years\n\
         Donor: Valley Trust\n",
    );
    assert_eq!(
        dates(&day_like),
        [
            Some("March 2020".to_string()),
            Some("May 2019 – 2 years".to_string())
        ]
    );
}

#[test]
fn labels_over_values_parted_by_a_dash_alone() {
    // A project page's label and value cells, each pair parted by a dash
    // on its own line.
    let listing = parse(
        "Rainwater tanks for village schools\n-\nCountry\nChad\n-\nApproval Date\nMarch 3, 2020\n-\n\
         Implementing Agency\nHarbour Trust\n-\nClosing Date\nJune 30, 2024\n",
    );
    assert_eq!(titles(&listing), ["Rainwater tanks for village schools"]);
    assert_eq!(
        dates(&listing),
        [Some("March 3, 2020 – June 30, 2024".to_string())]
    );
    let labels: Vec<&str> = listing.projects[0]
        .fields
        .iter()
        .map(|f| f.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Country",
            "Approval Date",
            "Implementing Agency",
            "Closing Date"
        ]
    );
}

#[test]
fn a_label_the_vocabulary_lacks_set_apart_above_records_heads_their_group() {
    let listing = parse(
        "Kenya:\n\nProject: Rainwater tanks for village schools\nAmount: EUR 5,000\n\n\
         Project: Mobile clinics for herders\nAmount: EUR 3,200\n\nUganda :\n\n\
         Project: Seed bank for returnees\nAmount: EUR 6,100\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    let sections: Vec<Option<&str>> = listing
        .projects
        .iter()
        .map(|p| p.section.as_deref())
        .collect();
    assert_eq!(sections, [Some("Kenya:"), Some("Kenya:"), Some("Uganda :")]);
}

#[test]
fn a_dates_field_that_gives_only_the_end_keeps_its_word() {
    // `Duration: until March 2025` is when the project ends, not starts.
    let listing = parse(
        "Projects\n\nRainwater tanks for village schools\nDuration: until March 2025\nDonor: Norway\n\n\
         Mobile clinics for herders\nLaufzeit: bis März 2026\nDonor: Sweden\n\n\
         Seed bank for returnees\nDuration: 24 months (until 2027)\nDonor: Denmark\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["until March 2025", "bis März 2026", "until 2027"])
    );
}

#[test]
fn a_length_after_the_start_on_a_date_line_is_part_of_the_dates() {
    let listing = parse(
        "Projects\n\nRainwater tanks for village schools\n1 June 2019 (24 months)\nTanks are built.\n\n\
         Mobile clinics for herders\nMarch 2020 – 3 years\nClinics travel.\n\n\
         Seed bank for returnees\n2018, Kenya\nFarmers borrow seed.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["1 June 2019 (24 months)", "March 2020 – 3 years", "2018"])
    );
    // The length is no text of the record.
    assert!(listing.projects[0]
        .description
        .iter()
        .all(|d| !d.clean().contains("months")));
}

#[test]
fn cards_whose_labels_and_values_are_on_lines_of_their_own() {
    // As a page's label and value cells copy: `Donor:` over its value.
    let listing = parse(
        "Rainwater tanks for village schools\nDonor:\nHarbour Fund\nDuration:\n2019-2021\n\n\
         Mobile clinics for herders\nDonor:\nValley Trust\nDuration:\n2020-2023\n\n\
         Seed bank for returnees\nDonor:\nLakeside Foundation\nDuration:\n2017-2020\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(dates(&listing)[1].as_deref(), Some("2020-2023"));
    let donor = |p: &devcoop_ingest::RawProject| {
        p.fields
            .iter()
            .find(|f| f.label == "Donor")
            .map(|f| f.value.clean().into_owned())
    };
    let donors: Vec<_> = listing.projects.iter().map(donor).collect();
    assert_eq!(
        donors,
        [
            Some("Harbour Fund".to_string()),
            Some("Valley Trust".to_string()),
            Some("Lakeside Foundation".to_string())
        ]
    );
}

#[test]
fn a_card_with_its_labels_in_lower_case() {
    let listing = parse(
        "Rainwater tanks for village schools\nDonor: Harbour Fund\nDuration: 2019-2021\n\n\
         Mobile clinics for herders\ndonor: Valley Trust\nduration: 2020-2023\n\n\
         Seed bank for returnees\nDonor: Lakeside Foundation\nDuration: 2017-2020\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(dates(&listing)[1].as_deref(), Some("2020-2023"));
}

#[test]
fn a_first_card_that_opens_with_a_line_of_description() {
    // The file starts on a card: its headline, a line of description run
    // straight into its fields. Not a page's title over its introduction.
    let listing = parse(
        "Rainwater tanks for village schools\nSchools collect rain for drinking water.\n\
         Donor: Harbour Fund\nDuration: 2019-2021\n\n\
         Mobile clinics for herders\nDonor: Valley Trust\nDuration: 2020-2023\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders"
        ]
    );
    assert_eq!(dates(&listing)[0].as_deref(), Some("2019-2021"));
    // With more cards of the usual shape after it, not an introduction
    // either.
    let listing = parse(
        "Rainwater tanks for village schools\nSchools collect rain for drinking water.\n\
         Donor: Harbour Fund\nDuration: 2019-2021\n\n\
         Mobile clinics for herders\nDonor: Valley Trust\nDuration: 2020-2023\n\n\
         Seed bank for returnees\nDonor: Lakeside Foundation\nDuration: 2017-2020\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn start_and_end_fields_on_one_line_under_a_title_are_its_date_line() {
    // `End:` after `Start:` is the rest of the dates, not a card's next
    // field: the project keeps its title among titles over date lines.
    let listing = parse(
        "Our projects\n\nRainwater tanks for village schools\n\n2019 – 2021\n\nSchools collect rain.\n\n\
         Mobile clinics for herders\n\nStart: 01.03.2020  End: 28.02.2023\n\nClinics travel with herders.\n\n\
         Seed bank for returnees\n\n2020 – 2022\n\nFarmers borrow seed.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_short_sentence_over_the_next_records_dates_is_not_a_title() {
    // Each record: its dates, its title, one short sentence. The sentence
    // right above the next record's dates ends its own record.
    let listing = parse(
        "Projects\n\n2019 – 2021\nRainwater tanks for village schools\nFunded by the Harbour Fund.\n\n\
         2018 – 2020\nMobile clinics for herders\nFunded by the Valley Trust.\n\n\
         2020 – 2022\nSeed bank for returnees\nFunded by the Lakeside Foundation.\n",
    );
    assert!(!titles(&listing).iter().any(|t| t.starts_with("Funded by")));
}

#[test]
fn cards_with_commissioning_runtime_and_contact_fields() {
    // Labels of the vocabulary a card may also print: who commissioned
    // the project pays, its runtime is its dates, a contact or a website
    // line is a field (never a headline of its own).
    let listing = parse(
        "Rainwater tanks for village schools\nCommissioned by: Harbour Fund\nRuntime: 2019 to 2022\nContact: info@example.org\n\n\
         Mobile clinics for herders\nWebsite: www.example.org\nCommissioned by: Valley Trust\nRuntime: 2020 to 2023\n\n\
         Seed bank for returnees\nCommissioned by: Lakeside Foundation\nRuntime: 2017 to 2020\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2019 to 2022", "2020 to 2023", "2017 to 2020"])
    );
    assert!(listing.projects.iter().all(|p| p
        .fields
        .iter()
        .any(|f| devcoop_ingest::labels::meaning(&f.label)
            == Some(devcoop_ingest::labels::Meaning::Funder))));
}

#[test]
fn a_title_two_grants_share_is_their_title_not_a_label() {
    // Each record: the programme's title, the grantee, then prose. Two
    // grants under one title print it twice; a label would be printed in
    // every record.
    let listing = parse(
        "Grants 2016\n\n\
         Building Trust Across Borders\n\nRiver Valley Dialogue Centre\n\n\
         To hold meetings of young people from both banks of the river.\n\n\
         Building Trust Across Borders\n\nHill Towns Media Network\n\n\
         To train local reporters to cover the other side fairly.\n\n\
         Strengthening Local Newsrooms\n\nCoastal Press Institute\n\n\
         To give small newspapers the tools to check facts quickly.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Building Trust Across Borders",
            "Building Trust Across Borders",
            "Strengthening Local Newsrooms"
        ]
    );
}

#[test]
fn items_written_as_sentences_under_a_lead_in_are_titles_and_a_name_before_a_slash_is_not() {
    let listing = parse(
        "Our small grants\n\n\
         This year four groups received help for the following projects:\n\n\
         ·   Harbour Friends / New roofs for two village schools in Ghana.\n\n\
         ·   Green Hands / Drip irrigation for women farmers in Kenya.\n\n\
         ·   Open Doors Trust / A shelter for children working in Dhaka.\n\n\
         More news\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "New roofs for two village schools in Ghana.",
            "Drip irrigation for women farmers in Kenya.",
            "A shelter for children working in Dhaka."
        ]
    );
    let organisations: Vec<String> = listing
        .projects
        .iter()
        .flat_map(|p| &p.fields)
        .filter(|f| f.label == "Organisation")
        .map(|f| f.value.clean().into_owned())
        .collect();
    assert_eq!(
        organisations,
        ["Harbour Friends", "Green Hands", "Open Doors Trust"]
    );
}

#[test]
fn sentences_listed_under_prose_are_not_titles() {
    // The list sits under a project's prose, not under a sentence that
    // announces projects: its items are the project's activities.
    let listing = parse(
        "Projects\n\n1. Safer work in quarries\n\n2015 - 2017\n\n\
         The project trained workers and did three things in Nepal:\n\n\
         -   It wrote a safety code.\n\n\
         -   It trained thirty inspectors.\n\n\
         2. Fair recruitment\n\n2016 - 2018\n\nThe project worked with agencies.\n",
    );
    assert_eq!(
        titles(&listing),
        ["Safer work in quarries", "Fair recruitment"]
    );
}

#[test]
fn a_labelled_bracket_after_a_title_is_a_field_even_when_the_page_cut_it_off() {
    let listing = parse(
        "Regranted projects\n\n\
         1. Safer schools in three valleys (Lead Partner: Hill Schools Union, Armenia)\n\n\
         2. Open data for city budgets (Lead Partner: Civic Numbers Lab\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Safer schools in three valleys",
            "Open data for city budgets"
        ]
    );
    let partners: Vec<String> = listing
        .projects
        .iter()
        .flat_map(|p| &p.fields)
        .map(|f| format!("{}={}", f.label, f.value.clean()))
        .collect();
    assert_eq!(
        partners,
        [
            "Lead Partner=Hill Schools Union, Armenia",
            "Lead Partner=Civic Numbers Lab"
        ]
    );
}

#[test]
fn a_listing_that_opens_on_its_first_record_keeps_it() {
    // No page title: the first line is a record's title over the same
    // fields as every other record.
    for separator in ["\n\n", "\n"] {
        let text = [
            "Night school for harbour porters",
            "Donor: Seaside Trust",
            "Duration: May 2016 - June 2017",
            "Porters learn to read after their shift.",
            "Clean water for hill villages",
            "Donor: Hill Fund",
            "Duration: January 2017 - March 2018",
            "Villages repair their springs.",
        ]
        .join(separator);
        let listing = parse(&text);
        assert_eq!(
            titles(&listing),
            [
                "Night school for harbour porters",
                "Clean water for hill villages"
            ],
            "separator {separator:?}"
        );
        assert_eq!(
            dates(&listing),
            [
                Some("May 2016 - June 2017".to_string()),
                Some("January 2017 - March 2018".to_string())
            ]
        );
    }
    // A page title over a paragraph stays the page's.
    let listing = parse(
        "Our work\n\nWe fund schools and wells.\n\nNight school for harbour porters\n\nDonor: Seaside Trust\n\nDuration: 2016 - 2017\n\nClean water for hill villages\n\nDonor: Hill Fund\n\nDuration: 2017 - 2018\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Night school for harbour porters",
            "Clean water for hill villages"
        ]
    );
}

#[test]
fn a_grant_cycle_and_an_amount_granted_are_fields() {
    let listing = parse(
        "Grants\n\nNight school for harbour porters\nGrantee: Porters' Union\nProject Cycle: May 2016 - June 2017\nAmount Granted: 120.000,00 DKK\nPorters learn to read after their shift.\n\nClean water for hill villages\nGrantee: Hill Villages Network\nProject Cycle: January 2017 - March 2018\nAmount Granted: 90.000,00 DKK\nVillages repair their springs.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Night school for harbour porters",
            "Clean water for hill villages"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("May 2016 - June 2017".to_string()),
            Some("January 2017 - March 2018".to_string())
        ]
    );
    assert_eq!(
        fields_of(&listing, "Amount Granted"),
        [
            Some("120.000,00 DKK".to_string()),
            Some("90.000,00 DKK".to_string())
        ]
    );
}

#[test]
fn an_unknown_label_over_an_amount_is_a_field_not_a_record() {
    // `Amount Paid` is in no vocabulary; its value is money, so the line
    // belongs to the record above, not a record of its own.
    let listing = parse(
        "Grants\n\nNight school for harbour porters\n\nGrantee: Porters' Union\n\nProject Cycle: May 2016 - June 2017\n\nAmount Paid: 120.000,00 DKK\n\nPorters learn to read after their shift.\n\nClean water for hill villages\n\nGrantee: Hill Villages Network\n\nProject Cycle: January 2017 - March 2018\n\nAmount Paid: 90.000,00 DKK\n\nVillages repair their springs.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Night school for harbour porters",
            "Clean water for hill villages"
        ]
    );
    assert!(listing.projects[0]
        .description_text()
        .contains("Amount Paid: 120.000,00 DKK"));
    assert_eq!(
        dates(&listing),
        [
            Some("May 2016 - June 2017".to_string()),
            Some("January 2017 - March 2018".to_string())
        ]
    );
}

#[test]
fn lines_naming_projects_in_quotes_are_records_and_quoted_speech_is_not() {
    let text = "Small grants 2021\n\n\"We chose projects that last,\" the board said in its statement.\n\n\"Each grantee was visited twice.\" the report adds about the process.\n\nThe Lake Women's Group received a grant for \"Solar dryers for fish traders\" in Kisumu.\n\nThe Hill Youth Club received a grant for \"Football and literacy evenings\" in Gulu.\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        [
            "\"Solar dryers for fish traders\"",
            "\"Football and literacy evenings\""
        ]
    );
}

#[test]
fn a_heading_over_a_read_more_line_is_not_a_record() {
    let listing = parse(
        "Our projects this year\n\nThe fund supports new ideas from displaced people. Projects chosen in spring run until winter.\n\nSmall Ideas Fund\n\nRead more about the Fund.\n\nNight school for harbour porters\n\nChallenge: Porters cannot read their contracts.\n\nSolution: Evening classes after each shift.\n\nClean water for hill villages\n\nChallenge: Springs dry up in summer.\n\nSolution: Villages repair and cover their springs.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Night school for harbour porters",
            "Clean water for hill villages"
        ]
    );
}

#[test]
fn lines_of_sentences_under_a_lead_in_with_a_colon_are_records() {
    let listing = parse(
        "Town fund names its first grants\n\nThe town fund chose three projects from forty proposals after two rounds of review by its board.\n\nThe chosen projects are as follows:\n\nSolar dryers for fish traders by Lake Women's Cooperative (LWC). The project costs 40,000 shillings.\nEvening literacy classes by Harbour Porters Union.\nHill Springs Network (HSN) – Covered springs for hill villages.\nSafe Roads – Phase Two, lights on the lake road.\n\nThe fund will open a second round next year.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Solar dryers for fish traders",
            "Evening literacy classes",
            "Covered springs for hill villages",
            "Safe Roads – Phase Two, lights on the lake road"
        ]
    );
    assert_eq!(
        fields_of(&listing, "Organisation"),
        [
            Some("Lake Women's Cooperative (LWC)".to_string()),
            Some("Harbour Porters Union".to_string()),
            Some("Hill Springs Network (HSN)".to_string()),
            None
        ]
    );
}

#[test]
fn a_page_of_one_project_under_its_date_range_is_that_project() {
    let listing = parse("Return counselling for migrants\n\nJanuary 2010 - December 2011\n\nThe project counsels people who go home.\n");
    assert_eq!(titles(&listing), ["Return counselling for migrants"]);
    // A headline over one date is a page's date of publication.
    let listing = parse("Return counselling for migrants\n\n12 March 2020\n\nThe project counsels people who go home.\n");
    assert!(listing.projects.is_empty());
}

#[test]
fn a_field_printed_above_every_title_field_opens_its_record() {
    let listing = parse(
        "Country: Ghana\nProject: Coastal fish smoking ovens\nBudget: USD 4,000\n\nSmokers get cleaner ovens.\n\nCountry: Nepal\nProject: Hill canals for small farms\nBudget: USD 3,000\n\nFarmers dig small canals.\n\nCountry: Peru\nProject: Looms for weavers\nBudget: USD 2,000\n\nWeavers share looms.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Coastal fish smoking ovens",
            "Hill canals for small farms",
            "Looms for weavers"
        ]
    );
    assert_eq!(
        fields_of(&listing, "Country"),
        [
            Some("Ghana".to_string()),
            Some("Nepal".to_string()),
            Some("Peru".to_string())
        ]
    );
}

#[test]
fn a_line_of_facts_under_each_title_is_no_table_row() {
    // Cells between ` | `, or a value two spaces after its label, look
    // like a table's row; between a title and its prose they are the
    // record's facts. Rows of a table stand next to each other.
    let [a, b, c] = THREE_RECORDS;
    let listing = parse(&format!(
        "Projects\n\n{a}\n2019 – 2021 | Ghana | Sida\nTanks are built.\n\n\
         {b}\n2020 – 2023 | Chad | Norad\nClinics travel.\n\n\
         {c}\n2018 – 2022 | Mali | DFID\nSeeds are kept.\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2019 – 2021", "2020 – 2023", "2018 – 2022"])
    );
    let listing = parse(&format!(
        "{a}\nDonor: EU\nDuration:  2019-2021\n\n{b}\nDonor: Sweden\nDuration:  2020-2023\n\n\
         {c}\nDonor: Norway\nDuration:  2017-2020\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        listing.projects[1].field("Donor").unwrap().value.clean(),
        "Sweden"
    );
    // Rows next to each other are still a table's, header or not.
    let listing = parse(&format!(
        "Projects\n\n{a} | Ghana | 2019 – 2021\n{b} | Chad | 2020 – 2023\n{c} | Mali | 2018 – 2022\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_line_of_facts_before_the_dates_is_the_date_line() {
    let [a, b, c] = THREE_RECORDS;
    let listing = parse(&format!(
        "Projects\n\n{a}\nGhana | 2019 – 2021\nTanks are built.\n\n\
         {b}\n\nChad · Health · 2020 – 2023 · Norad\n\nClinics travel.\n\n\
         {c}\nMali • 2018 – 2022\nSeeds are kept.\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2019 – 2021", "2020 – 2023", "2018 – 2022"])
    );
    let facts: Vec<Vec<String>> = listing
        .projects
        .iter()
        .map(|p| {
            p.fields
                .iter()
                .map(|f| f.value.clean().into_owned())
                .collect()
        })
        .collect();
    assert_eq!(
        facts,
        [vec!["Ghana"], vec!["Chad · Health", "Norad"], vec!["Mali"]]
    );
}

#[test]
fn a_markdown_table_is_read_as_rows() {
    let [a, b, c] = THREE_RECORDS;
    let listing = parse(&format!(
        "Projects\n\n| Project | Donor | Period |\n|---|:---:|---|\n\
         | {a} | Sida | 2019–2021 |\n| {b} | Norad | 2020–2023 |\n| {c} | DFID | 2018–2022 |\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2019–2021", "2020–2023", "2018–2022"])
    );
    assert_eq!(
        listing.projects[2].field("Donor").unwrap().value.clean(),
        "DFID"
    );
    // Without the outer pipes, its rule ends in a dash, as a line that
    // wraps onto the next does: a rule is no text.
    let listing = parse(&format!(
        "Projects\n\nProject | Donor | Period\n--- | --- | ---\n\
         {a} | Sida | 2019–2021\n{b} | Norad | 2020–2023\n{c} | DFID | 2018–2022\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_rule_across_the_text_parts_records_as_a_blank_line_does() {
    let [a, b, c] = THREE_RECORDS;
    let listing = parse(&format!(
        "Projects\n------------------------------------\n{a}\n2019 – 2021\nTanks are built for\n* * *\n\
         {b}\n2020 – 2023\nClinics travel.\n=====\n{c}\n2018 – 2022\nSeeds are kept.\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2019 – 2021", "2020 – 2023", "2018 – 2022"])
    );
}

#[test]
fn a_range_after_the_day_an_entry_was_written_is_the_projects_dates() {
    let [a, b, c] = THREE_RECORDS;
    let listing = parse(&format!(
        "News\n\n{a}\nBy Ana Ruiz | 12 May 2021\n\n2019 – 2021\n\nTanks are built.\n\n\
         {b}\nBy Ana Ruiz | 3 June 2021\n\n2020 – 2023\n\nClinics travel.\n\n\
         {c}\nBy Ana Ruiz | 9 July 2021\n\n2018 – 2022\n\nSeeds are kept.\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2019 – 2021", "2020 – 2023", "2018 – 2022"])
    );
    // A day alone stays the dates where no range follows it.
    let listing = parse(&format!(
        "News\n\n{a}\n12 May 2021\n\nTanks are built.\n\n{b}\n3 June 2021\n\nClinics travel.\n"
    ));
    assert_eq!(
        dates(&listing),
        [
            Some("12 May 2021".to_string()),
            Some("3 June 2021".to_string())
        ]
    );
}

#[test]
fn an_undated_project_among_dated_ones_is_a_project_of_its_own() {
    let listing = parse(
        "Projects\n\nRainwater Tanks for Village Schools\n\n2019 – 2021\n\nTanks are built in the schools.\n\n\
         Mobile Clinics for Herders\n\nClinics travel with the herds in the dry season.\n\n\
         Seed Bank for Returnees\n\n2018 – 2022\n\nSeeds are kept for the families.\n\n\
         Wells for Market Towns\n\n2017 – 2020\n\nWells are dug near the markets.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater Tanks for Village Schools",
            "Mobile Clinics for Herders",
            "Seed Bank for Returnees",
            "Wells for Market Towns"
        ]
    );
    assert_eq!(dates(&listing)[1], None);
    assert!(listing.diagnostics.iter().any(|d| d
        .message
        .starts_with("no dates for `Mobile Clinics for Herders`")));
    // Without blank lines, where the dated records have none either.
    let tight = parse(
        "Projects\nRainwater Tanks for Village Schools\n2019 – 2021\nTanks are built in the schools.\n\
         Mobile Clinics for Herders\nClinics travel with the herds in the dry season.\n\
         Seed Bank for Returnees\n2018 – 2022\nSeeds are kept for the families.\n",
    );
    assert_eq!(titles(&tight)[1], "Mobile Clinics for Herders");
    // Where a dated title has blank lines around it, a line set tight
    // between two lines of prose is not shaped as a title.
    let tight_in_spaced = parse(
        "Projects\n\nRainwater Tanks for Village Schools\n\n2019 – 2021\n\nTanks are built in the schools.\n\
         Mobile Clinics for Herders\nClinics travel with the herds in the dry season.\n\n\
         Seed Bank for Returnees\n\n2018 – 2022\n\nSeeds are kept for the families.\n",
    );
    assert_eq!(tight_in_spaced.projects.len(), 2);
    // A description's subheadings are no projects: shorter than the
    // titles, or in lower case where the titles are capitalised.
    for subheading in ["Results", "Main results", "Results of the first phase"] {
        let listing = parse(&format!(
            "Projects\n\nRainwater Tanks for Village Schools\n\n2019 – 2021\n\nTanks are built.\n\n\
             {subheading}\n\nForty schools have water.\n\n\
             Seed Bank for Returnees\n\n2018 – 2022\n\nSeeds are kept.\n\n{subheading}\n\nFamilies sow them.\n\n\
             Wells for Market Towns\n\n2017 – 2020\n\nWells are dug.\n"
        ));
        assert_eq!(listing.projects.len(), 3, "{subheading}");
    }
}

#[test]
fn a_status_or_a_range_end_alone_stands_for_the_date_line() {
    let [a, b, c] = THREE_RECORDS;
    let listing = parse(&format!(
        "Projects\n\n{a}\n2019 – 2021\nTanks are built.\n\n{b}\nUntil 2023\nClinics travel.\n\n\
         {c}\nOngoing\nSeeds are kept.\n\nWells for towns\nbis 2024\nWells are dug.\n\n\
         Roads for towns\nStatut : En cours\nJusqu'à décembre 2024\nRoads are built.\n"
    ));
    assert_eq!(titles(&listing)[..3], THREE_RECORDS);
    assert_eq!(titles(&listing)[4], "Roads for towns");
    assert_eq!(
        dates(&listing),
        [
            Some("2019 – 2021".into()),
            Some("Until 2023".into()),
            None,
            Some("bis 2024".into()),
            Some("Jusqu'à décembre 2024".into())
        ]
    );
    assert_eq!(
        listing.projects[2].field("Status").unwrap().value.clean(),
        "Ongoing"
    );
    // A status over a title heads a group of projects.
    let listing = parse(&format!(
        "Projects\n\nOngoing\n\n{a}\n2019 – 2021\nTanks are built.\n\nCompleted\n\n{b}\n2012 – 2015\nClinics travel.\n"
    ));
    assert_eq!(titles(&listing), [a, b]);
    assert!(listing.projects.iter().all(|p| p.field("Status").is_none()));
}

#[test]
fn a_date_line_may_go_on_with_a_sentence_or_a_few_facts() {
    let [a, b, c] = THREE_RECORDS;
    let listing = parse(&format!(
        "Projects\n\n{a}\n2019 – 2021. Funded by Norway in Ghana.\n\n\
         {b}\n2020 – 2023 · Funded by the European Union · Chad, Niger\n\n\
         {c}\n2018 – 2022, Bamako\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2019 – 2021", "2020 – 2023", "2018 – 2022"])
    );
    // A sentence goes to the description; names alone are a place.
    assert_eq!(
        listing.projects[0].description[0].clean(),
        "Funded by Norway in Ghana."
    );
    assert_eq!(
        listing.projects[1].description[0].clean(),
        "Funded by the European Union · Chad, Niger"
    );
    assert_eq!(
        listing.projects[2].field("Location").unwrap().value.clean(),
        "Bamako"
    );
    // After a colon the line names what the dates are of: its headline.
    let listing = parse(&format!(
        "Projects\n\n2019–2021: {a}\n  Tanks are built.\n\n2020–2023: {b}\n  Clinics travel.\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS[..2]);
    assert_eq!(
        dates(&listing),
        [Some("2019–2021".to_string()), Some("2020–2023".to_string())]
    );
}

#[test]
fn undated_projects_follow_one_another_after_a_dated_one() {
    let listing = parse(
        "Projects\n\nRainwater Tanks for Village Schools\nUntil 2023\nTanks are built in the schools.\n\n\
         Mobile Clinics for Herders\nLaunched in 2018\nClinics travel with the herds.\n\n\
         Seed Bank for Returnees\nIn Planung\nSeeds are kept for the families.\n\n\
         Wells for Market Towns\nExpected end: 2025\nWells are dug near the markets.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater Tanks for Village Schools",
            "Mobile Clinics for Herders",
            "Seed Bank for Returnees",
            "Wells for Market Towns"
        ]
    );
}

#[test]
fn a_byline_or_a_short_tag_between_headline_and_dates_is_not_the_title() {
    let [a, b, c] = THREE_RECORDS;
    for between in [
        "By Ana Ruiz",
        "Posted on 3 March 2021",
        "By Ana Ruiz\nPosted on 3 March 2021",
        "Last updated: 20 May 2021",
        "Par Claire Dubois",
        "Última actualización: 10 de enero de 2020",
        "Von Julia Becker\nZuletzt aktualisiert: 2. Februar 2021",
        "Active · Updated 4 April 2023",
        "Ghana",
        "Phase II",
    ] {
        let listing = parse(&format!(
            "News\n\n{a}\n{between}\n2019 – 2021\nTanks are built.\n\n\
             {b}\n{between}\n2020 – 2023\nClinics travel.\n\n{c}\n{between}\n2018 – 2022\nSeeds are kept.\n"
        ));
        assert_eq!(titles(&listing), THREE_RECORDS, "{between}");
        assert_eq!(
            dates(&listing),
            all_dated(["2019 – 2021", "2020 – 2023", "2018 – 2022"]),
            "{between}"
        );
    }
    // A kicker above a longer headline stays above it.
    let listing = parse(&format!(
        "News\n\nGhana\n{a}\n2019 – 2021\nTanks are built.\n\nChad\n{b}\n2020 – 2023\nClinics travel.\n"
    ));
    assert_eq!(titles(&listing), [a, b]);
}

#[test]
fn card_labels_in_other_languages_and_wordings() {
    let [a, b, c] = THREE_RECORDS;
    for (donor, term, country) in [
        ("Commissioned by", "Overall term", "Country"),
        ("Auftraggeber", "Projektlaufzeit", "Land"),
        ("Finanziatore", "Durata", "Paese"),
        ("Financiador", "Duração", "País"),
        ("Bailleur", "Période du projet", "Pays"),
        ("Geldgever", "Looptijd", "Landen"),
        ("Geber", "Dauer", "Land"),
    ] {
        let listing = parse(&format!(
            "Projects\n\n{a}\n{donor}: Sida\n{term}: 2019 to 2021\n{country}: Ghana\n\n\
             {b}\n{donor}: Norad\n{term}: 2020 to 2023\n{country}: Chad\n\n\
             {c}\n{donor}: DFID\n{term}: 2018 to 2022\n{country}: Mali\n"
        ));
        assert_eq!(titles(&listing), THREE_RECORDS, "{donor}");
        assert_eq!(
            dates(&listing),
            all_dated(["2019 to 2021", "2020 to 2023", "2018 to 2022"]),
            "{term}"
        );
    }
    // The title labelled in German, Italian, Portuguese or Dutch.
    for label in ["Projekt", "Titel", "Progetto", "Projeto", "Projectnaam"] {
        let listing = parse(&format!(
            "CV\n\n{label}: {a}\nRolle: Leitung\n\n{label}: {b}\nRolle: Beratung\n"
        ));
        assert_eq!(titles(&listing), [a, b], "{label}");
    }
}

#[test]
fn a_date_line_run_into_the_headline_below_opens_its_record() {
    let [a, b, c] = THREE_RECORDS;
    for lead in ["", "EUR 2.5 million | ", "USD 900,000 · "] {
        let listing = parse(&format!(
            "Projects\n\n{lead}2019 – 2021\n{a}\nTanks are built.\n\n\
             {lead}2020 – 2023\n{b}\nClinics travel.\n\n{lead}2018 – 2022\n{c}\nSeeds are kept.\n"
        ));
        assert_eq!(titles(&listing), THREE_RECORDS, "{lead}");
        assert_eq!(
            dates(&listing),
            all_dated(["2019 – 2021", "2020 – 2023", "2018 – 2022"]),
            "{lead}"
        );
    }
}

#[test]
fn a_headline_ending_in_a_stop_over_its_date_line_is_a_title() {
    let listing = parse(
        "Projects\n\nBetter Jobs at Home.\n2019 – 2022\nTraining for returnees.\n\n\
         Safe Roads for Migrants\n2020 – 2023\nRoad signs and shelters.\n\n\
         Return Stronger!\n2018 – 2021\nGrants for returnees.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Better Jobs at Home.",
            "Safe Roads for Migrants",
            "Return Stronger!"
        ]
    );
    // A sentence that ends the record above is no title of the next, in a
    // listing whose dates come first.
    let listing = parse(
        "Projects\n\n2019 – 2022\nBetter jobs at home\nFunded by Norway.\n\n\
         2020 – 2023\nSafe roads for migrants\nFunded by Sweden.\n",
    );
    assert_eq!(
        titles(&listing),
        ["Better jobs at home", "Safe roads for migrants"]
    );
}

#[test]
fn paragraphs_opening_on_their_project_names_are_records() {
    // The name, then its dates, then the prose.
    let listing = parse(
        "What we do\n\n\
         The Village Water Programme (2018–2022) was paid for by Norway and dug wells in Chad.\n\n\
         The Herders' Clinic Project, 2020–2023, sent nurses to the camps of Niger.\n\n\
         The Seed Bank Initiative (2019–2021), with money from Sweden, kept seeds in Mali.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "The Village Water Programme",
            "The Herders' Clinic Project",
            "The Seed Bank Initiative"
        ]
    );
    assert_eq!(
        dates(&listing),
        all_dated(["2018–2022", "2020–2023", "2019–2021"])
    );
    assert_eq!(
        listing.projects[0].date.as_ref().map(|d| d.origin),
        Some(DateOrigin::Title)
    );
    assert_eq!(
        listing.projects[1].description[0].clean(),
        "sent nurses to the camps of Niger."
    );
    // The name, then a colon; the range is in the prose. Headlines over
    // some of the paragraphs are not their titles.
    let listing = parse(
        "Our work\n\nWe have worked on water since 2001.\n\nEast\n\n\
         Rainwater Tanks for Schools: Paid for by Norway from 2018 to 2022, the tanks serve Chad.\n\n\
         Mobile Clinics for Herders: 2020–2023. Nurses from Sweden visit the camps of Niger.\n\n\
         West\n\n\
         Seed Bank for Returnees: A project of three years (March 2019 – February 2022) in Mali.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater Tanks for Schools",
            "Mobile Clinics for Herders",
            "Seed Bank for Returnees"
        ]
    );
    assert_eq!(
        dates(&listing),
        all_dated(["2018 to 2022", "2020–2023", "March 2019 – February 2022"])
    );
    assert_eq!(
        listing.projects[0].date.as_ref().map(|d| d.origin),
        Some(DateOrigin::Description)
    );
    // One such paragraph among headlines over prose is a record's text.
    let listing = parse(
        "Projects\n\nRainwater tanks for village schools\n\n\
         Village Water Programme: Paid for by Norway from 2018 to 2022.\n\n\
         Mobile clinics for herders\n\nNurses visit the camps of Niger from 2020 to 2023.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders"
        ]
    );
}

#[test]
fn a_header_of_a_title_and_a_prose_column_heads_its_rows() {
    let listing = parse(
        "Projects\n\nProject\tDescription\n\
         Rainwater tanks for village schools\tNorway pays for tanks in Chad.\n\
         Mobile clinics for herders\tSweden sends nurses to Niger.\n\
         Seed bank for returnees\tA seed bank in Mali.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(listing.projects[1].fields[0].label, "Description");
}

#[test]
fn a_results_pages_pager_and_count_are_not_records() {
    let listing = parse(
        "Project search\n\nShowing 1 to 3 of 41 results\n\n\
         Rainwater tanks for village schools\nDonor: Norway\nCountry: Chad\n\n\
         Mobile clinics for herders\nDonor: Sweden\nCountry: Niger\n\n\
         Seed bank for returnees\nDonor: Denmark\nCountry: Mali\n\n\
         « Previous 1 2 3 … 14 Next »\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    let last = &listing.projects[2];
    assert!(last.description.is_empty(), "{:?}", last.description);
}

#[test]
fn a_cards_fields_printed_as_list_items_are_its_fields() {
    let listing = parse(
        "Projects\n\nRainwater tanks for village schools\n- Donor: Norway\n- Duration: 2018-2021\n- Country: Chad\n\n\
         Mobile clinics for herders\n- Donor: Sweden\n- Duration: 2019-2022\n- Country: Niger\n\n\
         Seed bank for returnees\n• Donor: Denmark\n• Duration: 2020-2023\n• Country: Mali\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2018-2021", "2019-2022", "2020-2023"])
    );
    let labels: Vec<&str> = listing.projects[2]
        .fields
        .iter()
        .map(|f| f.label.as_str())
        .collect();
    assert_eq!(labels, ["Donor", "Duration", "Country"]);
}

#[test]
fn markdown_and_quoted_e_mail_marks_are_not_text() {
    let markdown = parse(
        "# Projects\n\n## Rainwater tanks for village schools\n*2018 – 2021*\n**Donor:** Norway\n\n\
         ## Mobile clinics for herders\n*2019 – 2022*\n**Donor:** Sweden\n\n\
         **Seed bank for returnees**\n_2020 – 2023_\n__Donor:__ Denmark\n",
    );
    assert_eq!(titles(&markdown), THREE_RECORDS);
    assert_eq!(
        dates(&markdown),
        all_dated(["2018 – 2021", "2019 – 2022", "2020 – 2023"])
    );
    let donors: Vec<String> = markdown
        .projects
        .iter()
        .map(|p| p.fields[0].value.clean().into_owned())
        .collect();
    assert_eq!(donors, ["Norway", "Sweden", "Denmark"]);
    let quoted = parse(
        "On Monday, Ana wrote:\n> Here they are:\n>\n> 1. Rainwater tanks for village schools\n\
         >    2018 – 2021, funded by Norway.\n>\n> 2. Mobile clinics for herders\n\
         >    2019 – 2022, funded by Sweden.\n> > 3. Seed bank for returnees\n> >    2020 – 2023\n",
    );
    assert_eq!(titles(&quoted), THREE_RECORDS);
    assert_eq!(
        dates(&quoted),
        all_dated(["2018 – 2021", "2019 – 2022", "2020 – 2023"])
    );
}

#[test]
fn a_records_roman_numeral_or_project_number_is_not_its_title() {
    let roman = parse(
        "Annex\n\nI. Rainwater tanks for village schools\n   2018 – 2021\n\n\
         II. Mobile clinics for herders\n   2019 – 2022\n\nIII. Seed bank for returnees\n   2020 – 2023\n",
    );
    assert_eq!(titles(&roman), THREE_RECORDS);
    let numbers: Vec<_> = roman.projects.iter().map(|p| p.list_number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
    for (one, two, three) in [
        ("Project 1 –", "Project 2 –", "Project 3 –"),
        ("Project A:", "Project B:", "Projet C :"),
    ] {
        let listing = parse(&format!(
            "Projects\n\n{one} Rainwater tanks for village schools\n2018 – 2021\n\n\
             {two} Mobile clinics for herders\n2019 – 2022\n\n{three} Seed bank for returnees\n2020 – 2023\n"
        ));
        assert_eq!(titles(&listing), THREE_RECORDS, "{one}");
    }
    // A title that opens on such words keeps them.
    let listing = parse("Projects\n\nProject 2030 – Water for all\n2018 – 2021\n\nProgramme A for schools\n2019 – 2022\n");
    assert_eq!(
        titles(&listing),
        ["Project 2030 – Water for all", "Programme A for schools"]
    );
}

#[test]
fn a_byline_or_the_dates_label_set_apart_under_a_headline_is_not_the_title() {
    for between in ["Posted on 3 May 2023 by admin", "Duration", "Laufzeit"] {
        let listing = parse(&format!(
            "Projects\n\nRainwater tanks for village schools\n\n{between}\n\n2018 – 2021\n\nTanks are built.\n\n\
             Mobile clinics for herders\n\n{between}\n\n2019 – 2022\n\nClinics travel.\n\n\
             Seed bank for returnees\n\n{between}\n\n2020 – 2023\n\nSeeds are kept.\n"
        ));
        assert_eq!(titles(&listing), THREE_RECORDS, "{between}");
        assert_eq!(
            dates(&listing),
            all_dated(["2018 – 2021", "2019 – 2022", "2020 – 2023"]),
            "{between}"
        );
    }
}

#[test]
fn blocks_of_fields_whose_dates_come_first_in_some_records() {
    let listing = parse(
        "Annex\n\nRainwater tanks for village schools\nDonor: Norway\nStart: 03/2019\nDuration: 36 months\n\n\
         Mobile clinics for herders\nDuration: 48 months\nStart: 09/2018\nDonor: Sweden\n\n\
         Seed bank for returnees\nStart date: 1 March 2020\nEnd date: 28 February 2023\nDonor: Denmark\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated([
            "03/2019 – 36 months",
            "09/2018 – 48 months",
            "1 March 2020 – 28 February 2023"
        ])
    );
    // A length is no dates to warn about.
    assert!(
        listing
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("cannot read")),
        "{:?}",
        listing.diagnostics
    );
    let labelled = parse(
        "Grants\n\nGrant title: Rainwater tanks for village schools\nDonor: Norway\n\n\
         Grant title: Mobile clinics for herders\nDonor: Sweden\n",
    );
    assert_eq!(
        titles(&labelled),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders"
        ]
    );
}

#[test]
fn fields_whose_labels_are_glued_to_the_value_before_them() {
    // As a page's cells copy without a space between them.
    let listing = parse(
        "Rainwater tanks for village schools\n\
         Implementer: Harbour TrustCountry: Chad Budget: EUR 450,000Start: 01.03.2016End: 28.02.2019\n\n\
         Tanks are built in ten schools.\n",
    );
    assert_eq!(titles(&listing), ["Rainwater tanks for village schools"]);
    let fields: Vec<(String, String)> = listing.projects[0]
        .fields
        .iter()
        .map(|f| (f.label.clone(), f.value.clean().into_owned()))
        .collect();
    let expected = [
        ("Implementer", "Harbour Trust"),
        ("Country", "Chad"),
        ("Budget", "EUR 450,000"),
        ("Start", "01.03.2016"),
        ("End", "28.02.2019"),
    ];
    assert_eq!(
        fields,
        expected.map(|(l, v)| (l.to_string(), v.to_string()))
    );
    assert_eq!(
        dates(&listing),
        [Some("01.03.2016 – 28.02.2019".to_string())]
    );
}

#[test]
fn a_german_card_of_fields_under_its_title() {
    let listing = parse(
        "Safe schools in the Sahel\n\nProjektland: Mali, Niger\n\nSektoren: Bildung\n\n\
         Entwicklungsorganisation: Sahel Bildungswerk\n\nImplementierungszeitraum: 11/2022 - 10/2025\n\n\
         Projektziel\n\nKinder lernen in sicheren Schulen.\n",
    );
    assert_eq!(titles(&listing), ["Safe schools in the Sahel"]);
    assert_eq!(dates(&listing), [Some("11/2022 - 10/2025".to_string())]);
}

#[test]
fn a_card_of_labels_set_apart_without_colons_at_the_files_top() {
    // A project's own page, its cells copied without colons: the title's
    // label opens the file, the other labels follow; not a page's title.
    let listing = parse(
        "Project Name Rainwater tanks for village schools\nProject Number 5123-002\nCountry Chad\n\n\
         Tanks are built in ten schools.\n",
    );
    assert_eq!(titles(&listing), ["Rainwater tanks for village schools"]);
    // A title's label alone over text stays the page's (`Title: …` of a
    // site generator's metadata).
    let page = parse(
        "Title: Our achievements\n\nOur achievements\n\nRainwater tanks for village schools\n\n2019 – 2021\n\nTanks.\n",
    );
    assert_eq!(titles(&page), ["Rainwater tanks for village schools"]);
}

#[test]
fn lines_naming_their_project_after_titled_however_short_the_name() {
    let listing = parse(
        "Harbour Trust will run a project titled “Kulima” in Kasungu, with EUR 20,000 for 12 months.\n\
         Valley Aid was granted funds for a project titled “Clean taps for rural schools” in Mzimba.\n\
         Lakeside Forum will run a project called “Honey value chain monitoring project.” in Chitipa.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "“Kulima”",
            "“Clean taps for rural schools”",
            "“Honey value chain monitoring project.”"
        ]
    );
    // Quoted words of prose, not named, are no records.
    let prose = parse(
        "Rainwater tanks for village schools\n\n2019 – 2021\n\nThe so-called “green” jobs grow.\n",
    );
    assert_eq!(titles(&prose), ["Rainwater tanks for village schools"]);
}

#[test]
fn a_paragraph_after_a_list_of_bare_items_is_not_the_last_items() {
    let listing = parse(
        "Projects 2021-2022\n\n1. Rainwater tanks for village schools\n2. Mobile clinics for herders\n\
         3. Seed bank for returnees\n\nFor 2023 we agreed to work with a partner in Ethiopia.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert!(listing.projects[2].description.is_empty());
    assert_eq!(listing.projects[2].last_line, 5);
    // Where the items have their text under them, the last one's is its.
    let described = parse(
        "Projects\n\n1. Rainwater tanks for village schools\n\nTanks are built.\n\n\
         2. Mobile clinics for herders\n\nClinics travel in Ethiopia.\n",
    );
    assert_eq!(
        described.projects[1].description_text(),
        "Clinics travel in Ethiopia."
    );
}

#[test]
fn a_table_of_two_columns_between_bars() {
    let listing = parse(
        "Our work | Harbour Fund\n\nProjects 2017-2020\n\nName | Countries\n\
         Rainwater tanks for village schools | Chad\nMobile clinics for herders | Niger\n\
         Seed bank for returnees | Mali\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    let places: Vec<String> = listing
        .projects
        .iter()
        .map(|p| {
            p.fields
                .iter()
                .map(|f| f.value.clean().into_owned())
                .collect()
        })
        .collect();
    assert_eq!(places, ["Chad", "Niger", "Mali"]);
    // Two lines of two such cells are no table.
    let two = parse("Our work | Harbour Fund\nNews | Events\n\nRainwater tanks for village schools\n\n2019 – 2021\n");
    assert_eq!(titles(&two), ["Rainwater tanks for village schools"]);
}

#[test]
fn a_place_marked_with_a_pin_after_a_records_text_is_that_records() {
    let listing = parse(
        "Our projects\n\nRainwater tanks for village schools\n\nStart: 2019\n\nTanks are built.\n\n\
         📍 Kajiado, Kenya\n\n📍Napak, Uganda\n\nMobile clinics for herders\n\nStart: 2022\n\n\
         Clinics travel.\n\n📍 Karamoja, Uganda\n",
    );
    assert_eq!(titles(&listing), &THREE_RECORDS[..2]);
    // Neither pin heads the second record; both are the first's text.
    assert_eq!(listing.projects[1].section, None);
    let text = listing.projects[0].description_text();
    assert!(
        text.contains("Kajiado, Kenya") && text.contains("Napak, Uganda"),
        "{text}"
    );
}

#[test]
fn a_list_items_closing_mark_is_not_its_titles() {
    // A stop stays: a title written as a sentence ends on it.
    let listing = parse(
        "Projects supported in 2021:\n\n1. Rainwater tanks for village schools;\n\
         2. Mobile clinics for herders,\n3. Seed bank for returnees.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders",
            "Seed bank for returnees."
        ]
    );
    // The title's span still covers the mark, as printed.
    let title = &listing.projects[0].title.segments[0];
    assert!(title.text.ends_with("schools;"));
}

#[test]
fn a_year_between_runs_of_undated_items_heads_the_next_run() {
    // The numbers go on across the years; no item has a date line.
    let listing = parse(
        "Grants awarded\n\n2019\n\n1. Rainwater tanks for village schools\n2. Mobile clinics for herders\n\n\
         2020\n\n3. Seed bank for returnees\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    let sections: Vec<Option<&str>> = listing
        .projects
        .iter()
        .map(|p| p.section.as_deref())
        .collect();
    assert_eq!(sections, [Some("2019"), Some("2019"), Some("2020")]);
    assert_eq!(dates(&listing), [None, None, None]);
    // Where every item has its year under it, the years are its dates.
    let dated = parse(
        "Grants awarded\n\n1. Rainwater tanks for village schools\n2019\n\n2. Mobile clinics for herders\n2020\n\n\
         3. Seed bank for returnees\n2021\n",
    );
    assert_eq!(titles(&dated), THREE_RECORDS);
    assert_eq!(dates(&dated), all_dated(["2019", "2020", "2021"]));
}

#[test]
fn a_link_to_read_on_under_each_card_is_no_record() {
    // A page's cards, each ending on its link (`Weiter`, `Verder`), under
    // the page's heading and a link back.
    for link in ["Weiter", "Verder", "Continuer", "Read more"] {
        let listing = parse(&format!(
            "Back to the overview\n\nAuslandsprojekte\n\n\
             Rainwater tanks for village schools\n\nTanks are built in Chad.\n\n{link}\n\n\
             Mobile clinics for herders\n\nClinics travel in Niger.\n\n{link}\n\n\
             Seed bank for returnees\n\nSeeds are kept in Mali.\n\n{link}\n"
        ));
        assert_eq!(titles(&listing), THREE_RECORDS, "{link}");
    }
}

#[test]
fn a_file_that_opens_on_a_record_describing_itself_keeps_it() {
    // Headlines over one paragraph each, the first at the file's top: a
    // page's title and introduction would speak of the publisher or of
    // its projects, not of one project.
    let records = "Rainwater tanks for village schools\n\nA project funded by Norway brings tanks to schools in Chad.\n\n\
                   Mobile clinics for herders\n\nThe project, funded by Sweden, sends clinics to Niger.\n\n\
                   Seed bank for returnees\n\nA programme of Denmark keeps seed for farmers in Mali.\n";
    assert_eq!(titles(&parse(records)), THREE_RECORDS);
    let introduced = format!(
        "Our work in the Sahel\n\nThe programme funds three projects in the Sahel.\n\n{}",
        records
    );
    assert_eq!(titles(&parse(&introduced)), THREE_RECORDS);
}

#[test]
fn a_press_releases_dateline_and_reference_are_not_records() {
    let listing = parse(
        "Press release\n\nBrussels, 14 December 2018\n\nThe fund adopted three programmes today.\n\n\
         Rainwater tanks for village schools\n\nTanks are built in Chad.\n\n\
         Mobile clinics for herders\n\nClinics travel in Niger.\n\n\
         Seed bank for returnees\n\nSeeds are kept in Mali.\n\nIP/18/6790\n\nFor more, write to the press office.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_table_header_printed_again_after_a_page_break_is_no_record() {
    let listing = parse(
        "Portfolio\n\nTitle | Country | Start | End\n\
         Rainwater tanks for village schools | Chad | 2018 | 2021\n\
         Mobile clinics for herders | Niger | 2019 | 2022\n\n\
         Annual report 2022                              7 / 9\n\n\
         Title | Country | Start | End\n\
         Seed bank for returnees | Mali | 2020 | 2023\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_table_aligned_with_spaces_whose_dates_are_not_last() {
    let listing = parse(
        "Overview\n\nNo.  Project                                Country   Period      Budget\n\
         1    Rainwater tanks for village schools    Chad      2018-2021   45.0\n\
         2    Mobile clinics for herders             Niger     2019-2022   60.5\n\
         3    Seed bank for returnees                Mali      2020-2023   22.0\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2018-2021", "2019-2022", "2020-2023"])
    );
    assert_eq!(
        listing.projects[1]
            .fields
            .iter()
            .find(|f| f.label == "Country")
            .map(|f| f.value.clean().into_owned()),
        Some("Niger".to_string())
    );
}

#[test]
fn a_reports_subsections_numbered_under_their_section() {
    let listing = parse(
        "Annual report\n\n3. Our projects\n\n3.1 Rainwater tanks for village schools\nNorway paid for tanks in Chad.\n\n\
         3.2 Mobile clinics for herders\nSweden paid for clinics in Niger.\n\n\
         3.3 Seed bank for returnees\nDenmark paid for seeds in Mali.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    let numbers: Vec<_> = listing.projects.iter().map(|p| p.list_number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
    // An amount is no subsection's number.
    let listing = parse(
        "Projects\n\nRainwater tanks for village schools\n1 June 2019 - 31 May 2021\n2.5 Million people drink safer water.\n",
    );
    assert_eq!(titles(&listing), ["Rainwater tanks for village schools"]);
    assert!(listing.projects[0]
        .description_text()
        .starts_with("2.5 Million"));
}

#[test]
fn a_date_line_that_names_its_place_then_goes_on_in_a_sentence() {
    let listing = parse(
        "Projects\n\nRainwater tanks for village schools\n2018–2021, Chad. Funded by Norway, the tanks serve twelve village schools.\n\n\
         Mobile clinics for herders\n2019–2022, Niger and Mali. Sweden pays for the clinics that follow the herds.\n\n\
         Seed bank for returnees\n2020–2023. Denmark funds it.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2018–2021", "2019–2022", "2020–2023"])
    );
    assert!(listing.projects[1]
        .description_text()
        .contains("Sweden pays"));
}

#[test]
fn a_pages_buttons_and_links_are_not_records_or_text() {
    let listing = parse(
        "Projects\n\nRainwater tanks for village schools\n\n2018 – 2021\n\nTanks are built.\n\nRead more »\n\n\
         Mobile clinics for herders\n\n2019 – 2022\n\nClinics travel.\n\nRead more »\n\n\
         Seed bank for returnees\n\n2020 – 2023\n\nSeeds are kept.\n\nShare  Print  Download\n\n\
         The fund is run by a foundation.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(listing.projects[0].description_text(), "Tanks are built.");
}

#[test]
fn a_button_printed_as_a_list_item_is_no_headline() {
    // `↑ Back to top` reads as a list item (the arrow its bullet) under
    // each record: it is furniture, not the next record's headline, and the
    // page's heading does not take the first record's place.
    let listing = parse(
        "Relief projects\n\nWinter aid for displaced families\n\nDuration: 2021 – 2022\nDonor: ECHO\n\n\
         Blankets are handed out.\n\n↑ Back to top\n\nFood vouchers in port towns\n\nDuration: 2020 – 2022\n\
         Donor: USAID\n\nVouchers are given.\n\n↑ Back to top\n\nShelter repair grants\n\n\
         Duration: 2020 – 2021\nDonor: CERF\n\nRoofs are mended.\n\n• Read more\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Winter aid for displaced families",
            "Food vouchers in port towns",
            "Shelter repair grants"
        ]
    );
    assert_eq!(listing.projects[2].description_text(), "Roofs are mended.");
}

#[test]
fn a_cards_line_of_tags_is_neither_a_headline_nor_its_text() {
    // Each card ends on its tags: they head no record (the last one's over
    // the page's own list of topics), and the page's heading over the first
    // card does not take its title (`Prof.` ends no sentence in its lead).
    let listing = parse(
        "Current research\n\nRiver Clinics for Fishing Villages\n\nLead: Prof. Mary Banda · 2021–2024\n\n\
         Funded by the Wellcome Trust, the study follows clinics in Malawi.\n\nclinics · fisheries · Malawi\n\n\
         School Meals from Local Farms\n\nLead: Dr. Ravi Shah · 2020–2023\n\nA study in Nepal funded by the EU.\n\n\
         Nutrition · schools · Nepal\n\nSolar Pumps for Market Gardens\n\nLead: Dr. Ana Lima · 2022–2025\n\n\
         A trial in Mozambique funded by Sida.\n\nWater · farming · Mozambique\n\nBrowse by topic\n\n\
         health · schools · water · nutrition\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "River Clinics for Fishing Villages",
            "School Meals from Local Farms",
            "Solar Pumps for Market Gardens"
        ]
    );
}

#[test]
fn a_pages_footer_is_no_records_text() {
    // The publisher's address above the footer's links names a country
    // that is none of the last record's places.
    let listing = parse(
        "Our references\n\nRiver Basin Review\n2019 – 2020\nReview of a river programme in Laos.\n\n\
         Harbour Safety Study\n2021 – 2022\nA study of ports in Ghana.\n\n\
         Lakeside Consult · 12 Harbour Road · 8001 Zürich · Switzerland\nImprint | Privacy policy\n",
    );
    assert_eq!(
        titles(&listing),
        ["River Basin Review", "Harbour Safety Study"]
    );
    assert_eq!(
        listing.projects[1].description_text(),
        "A study of ports in Ghana."
    );
}

#[test]
fn a_heading_in_capitals_over_each_headline_heads_its_group() {
    // A country printed in capitals over each record's headline is the
    // group's heading, not the record's title.
    let listing = parse(
        "Small grants 2019\n\nMALAWI\n\nSolar lamps for night classes\n\nPartner: Zomba Adult Learning Trust\n\
         Grant: $12,000\n\nLamps let adults study after work.\n\nNEPAL\n\nFootbridge repairs in Dolakha\n\n\
         Partner: Dolakha Village Council\nGrant: $30,500\n\nThree bridges were rebuilt.\n\nSRI LANKA\n\n\
         Seed library for tea estate families\n\nPartner: Hatton Growers Union\nGrant: $8,000\n\nFamilies swap seeds.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Solar lamps for night classes",
            "Footbridge repairs in Dolakha",
            "Seed library for tea estate families"
        ]
    );
}

#[test]
fn a_markdown_heading_is_the_headline_of_its_head() {
    let listing = parse(
        "# Our grants\n\nWater\n\n### Rain tanks for hill schools\n\nThe project builds tanks in twelve schools of Nepal.\n\n\
         Education\n\n### Night classes for porters\n\nPorters in Ghana learn to read their contracts.\n\n\
         Health\n\n### Mobile clinics for herders\n\nClinics travel across Niger with the herds.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rain tanks for hill schools",
            "Night classes for porters",
            "Mobile clinics for herders"
        ]
    );
}

#[test]
fn a_tables_header_naming_its_title_column_among_unknown_ones_is_its_header() {
    // Half the header's cells are names the vocabulary lacks; the one it
    // knows as the title names the title column, not the first cell.
    let listing = parse(
        "Emergency appeals 2010\n\nAppeal\tCountry\tTitle\tIssued on\tDuration\tRequested (EUR)\n\
         01/2010\tChad\tWells for camps near Abeche\t4 Feb 2010\t6 months\t300,000\n\
         02/2010\tHaiti\tShelter after the earthquake\t20 Jan 2010\t12 months\t2,000,000\n\
         03/2010\tPakistan\tFlood relief in Sindh\t9 Aug 2010\t9 months\t1,100,000\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Wells for camps near Abeche",
            "Shelter after the earthquake",
            "Flood relief in Sindh"
        ]
    );
    let fields: Vec<String> = listing.projects[0]
        .fields
        .iter()
        .map(|f| format!("{}: {}", f.label, f.value.clean()))
        .collect();
    assert!(fields.contains(&"Country: Chad".to_string()), "{fields:?}");
}

#[test]
fn a_language_switcher_and_a_line_of_tags_are_furniture() {
    let listing = parse(
        "Skip to main content\nEnglish Français\n\nNews\n\nRain tanks for hill schools\n2019 – 2022\n\
         Tanks are built in Nepal.\n\nMobile clinics for herders\n2020 – 2023\nClinics travel in Niger.\n\n\
         TAGS Water Health Belize\n",
    );
    assert_eq!(
        titles(&listing),
        ["Rain tanks for hill schools", "Mobile clinics for herders"]
    );
    assert_eq!(
        listing.projects[1].description_text(),
        "Clinics travel in Niger."
    );
}

#[test]
fn a_list_ending_a_record_over_fields_is_its_text() {
    // Records are headlines over fields; a list under one record's fields
    // is that record's, and the headline after it starts the next.
    let listing = parse(
        "Our projects\n\nWomen's Vegetable Cooperatives\n\nProject Period: 2018 – 2021\nDonor: KOICA\n\n\
         Key achievements\n• 14 collection centres built\n• 38 lead farmers trained\n\n\
         Dairy Value Chains in Nawalparasi\n\nProject Period: 2019 – 2020\nDonor: Good Neighbors\n\n\
         School Meals in Saptari\n\nProject Period: 2017 – 2020\nDonor: WFP\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Women's Vegetable Cooperatives",
            "Dairy Value Chains in Nawalparasi",
            "School Meals in Saptari"
        ]
    );
    assert!(listing.projects[0]
        .description_text()
        .contains("38 lead farmers trained"));
}

#[test]
fn a_pages_lists_of_links_to_other_pages_are_furniture() {
    let listing = parse(
        "Labour migration\n\nLatest news\nNew study on recruitment fees\n12 March 2023\n\nProjects\n\n\
         Fair Recruitment Pilot\n2021 – 2023\nFunded by Sweden in Nepal.\n\n\
         Safe Journeys Home\n2019 – 2022\nFunded by Norway in Ghana.\n\n\
         Related news\nFund signs loan for Maldives airport\nForum on small firms\n",
    );
    assert_eq!(
        titles(&listing),
        ["Fair Recruitment Pilot", "Safe Journeys Home"]
    );
    assert_eq!(
        listing.projects[1].description_text(),
        "Funded by Norway in Ghana."
    );
}

#[test]
fn a_title_holding_a_colon_over_a_line_of_facts() {
    let listing = parse(
        "Projects\n\nChad: rainwater tanks for village schools\nChad · 2018 – 2021\nTanks are built.\n\n\
         Mobile clinics for herders\nNiger · 2019 – 2022\nClinics travel.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Chad: rainwater tanks for village schools",
            "Mobile clinics for herders"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("2018 – 2021".to_string()),
            Some("2019 – 2022".to_string())
        ]
    );
}

#[test]
fn a_title_written_as_a_sentence_over_its_fields() {
    let listing = parse(
        "Our work\n\nRainwater tanks for the village schools of Pocoata, Potosí, Bolivia.\nBudget: 18,000 €\nFunder: City of Valladolid\n\n\
         Mobile clinics for the herders of Huanta, Ayacucho, Peru.\nBudget: 24,000 €\nFunder: Region of Castile\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for the village schools of Pocoata, Potosí, Bolivia.",
            "Mobile clinics for the herders of Huanta, Ayacucho, Peru."
        ]
    );
    // Under a headline, such a sentence is the headline's text.
    let listing = parse(
        "Our work\n\nMarket access for smallholders\n\nFunded by the Netherlands, the project links farmers to buyers.\n\nBudget: 18,000 €\n\n\
         Rainwater tanks for schools\n\nNorway pays for tanks in Chad.\n\nBudget: 24,000 €\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Market access for smallholders",
            "Rainwater tanks for schools"
        ]
    );
    // A title stands right on its fields; a sentence set apart from them
    // is a paragraph, under the file's first line too.
    let listing = parse(
        "Market access for smallholders\n\nThe project links coffee farmers in Rwanda to buyers.\n\n\
         Donor: Norway\nCountry: Rwanda\n\nRainwater tanks for schools\n\nTanks are built in Chad.\n\n\
         Donor: Sweden\nCountry: Chad\n",
    );
    assert!(
        titles(&listing)
            .iter()
            .all(|t| !t.starts_with("The project")),
        "{:?}",
        titles(&listing)
    );
    assert_eq!(
        titles(&listing).last().map(String::as_str),
        Some("Rainwater tanks for schools")
    );
}

#[test]
fn a_headers_title_column_named_in_words_the_vocabulary_lacks() {
    let listing = parse(
        "Overview\n\nIntervention\tCountry\tPeriod\tDonor\n\
         Rainwater tanks for village schools\tChad\t2018-2021\tNorway\n\
         Mobile clinics for herders\tNiger\t2019-2022\tSweden\n\
         Seed bank for returnees\tMali\t2020-2023\tDenmark\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_headline_run_into_the_fields_after_it() {
    // As a page's `<dt>` over its `<dd>` of fields copies.
    let listing = parse(
        "Case studies\n\nRainwater Tanks for Village Schools: Client: Norad · Country: Chad · Period: Q3 2018 – Q2 2021\n\
         Mobile Clinics for Herders: Client: Sida · Country: Niger · Period: FY2019–FY2022\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater Tanks for Village Schools",
            "Mobile Clinics for Herders"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("Q3 2018 – Q2 2021".to_string()),
            Some("FY2019–FY2022".to_string())
        ]
    );
}

#[test]
fn dates_in_a_column_before_each_headline() {
    let listing = parse(
        "Selected references\n\n\
         2018–2021   Rainwater tanks for village schools\n            Chad · funded by Norway\n\n\
         2019–2022   Mobile clinics for herders\n            Niger · funded by Sweden\n\n\
         2020–2023   Seed bank for returnees\n            Mali · funded by Denmark\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2018–2021", "2019–2022", "2020–2023"])
    );
    // The facts indented under a record are its own, not the next one's
    // heading.
    assert!(listing.projects[0].description_text().contains("Chad"));
    assert_eq!(listing.projects[1].section, None);
    // A place in the column after the dates is no headline.
    let listing = parse(
        "Projects\n\nRainwater tanks for village schools\n2018–2021   Chad\nTanks are built.\n",
    );
    assert_eq!(titles(&listing), ["Rainwater tanks for village schools"]);
}

#[test]
fn one_line_records_some_going_on_in_sentences() {
    let listing = parse(
        "Where we work\n\nCHAD\n- Rainwater Tanks for Village Schools (2018–2021). Funded by Norway.\n\
         - Mobile Clinics with Local Nurses (2019–2022). Funded by Sweden through its embassy in N'Djamena, with the health ministry.\n\n\
         MALI\n- Seed Bank for Returnees (2020–2023). Funded by Denmark.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater Tanks for Village Schools",
            "Mobile Clinics with Local Nurses",
            "Seed Bank for Returnees"
        ]
    );
    assert_eq!(
        dates(&listing),
        all_dated(["2018–2021", "2019–2022", "2020–2023"])
    );
}

#[test]
fn a_footnotes_mark_ends_no_title() {
    let listing = parse(
        "Evaluations\n\n4.1 Rainwater tanks for village schools (2018–2021)¹\nCommissioned by Norway.\n\n\
         4.2 Mobile clinics for herders²\nCommissioned by Sweden.\n\n4.3 Seed bank for returnees [3]\nCommissioned by Denmark.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(dates(&listing)[0].as_deref(), Some("(2018–2021)"));
}

#[test]
fn a_field_the_vocabulary_lacks_under_a_records_fields_is_one_of_them() {
    // As lines with colons, as a table's rows and (after a blank) the
    // next record's headline over fields of its own.
    let listing = parse(
        "References\n\n\
         Rainwater tanks for village schools\nClient: World Bank\nPeriod: 2017 – 2019\nRole: Team leader\nTanks were built.\n\n\
         Mobile clinics for herders\nClient\tEuropean Union\nPeriod\t2018 – 2020\nRole\tHealth economist\nClinics were run.\n\n\
         Seed bank for returnees\nClient: Sida\nPeriod: 2019 – 2021\nRole: Adviser\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2017 – 2019", "2018 – 2020", "2019 – 2021"])
    );
    // A label the vocabulary lacks says nothing it can read: the line is
    // the record's text.
    let roles: Vec<bool> = listing
        .projects
        .iter()
        .map(|p| p.description.iter().any(|d| d.clean().starts_with("Role")))
        .collect();
    assert_eq!(roles, [true, true, true]);
}

#[test]
fn cards_that_print_each_label_over_its_value() {
    // `Location` and `Funders` are listed labels, `Dates` labels the date
    // line, `Themes` is a label the vocabulary lacks; `>` joins a range.
    let listing = parse(
        "Our work abroad\n\n\
         Rainwater tanks for village schools\nLocation\nDistrict of Podor, Senegal\nDates\n2019 > 2021\nFunders\nCity of Dijon\nThemes\nWater, schools\n\n\
         Mobile clinics for herders\nLocation\nMaule Region, Chile\nDates\nMarch 2018 > February 2020\nFunders\nRegional council\nThemes\nHealth\n\n\
         Seed bank for returnees\nLocation\nTahoua, Niger\nDates\n2013 → 2015\nFunders\nCity of Belfort\nThemes\nFarming, returnees\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2019 > 2021", "March 2018 > February 2020", "2013 → 2015"])
    );
    assert_eq!(
        fields_of(&listing, "Funders"),
        [
            Some("City of Dijon".to_string()),
            Some("Regional council".to_string()),
            Some("City of Belfort".to_string())
        ]
    );
}

#[test]
fn a_title_label_alone_over_its_title() {
    // Each label over its value, the title's label first; a kicker
    // `Project` over a headline stays a kicker elsewhere.
    let listing = parse(
        "Projects in the module\n\n\
         Project title\nRainwater tanks for village schools\nMain applicant\nProf. Anna Keller, University of Bern\nCountries\nEthiopia, Kenya\nDuration\n01.03.2014 – 28.02.2018\n\n\
         Project title\nMobile clinics for herders\nMain applicant\nDr. Marc Favre, Geneva\nCountries\nSri Lanka, Nepal\nDuration\n01.01.2015 – 31.12.2018\n\n\
         Project title\nSeed bank for returnees\nMain applicant\nProf. Lukas Brun, Zurich\nCountries\nBolivia, Peru\nDuration\n01.06.2014 – 31.05.2018\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated([
            "01.03.2014 – 28.02.2018",
            "01.01.2015 – 31.12.2018",
            "01.06.2014 – 31.05.2018"
        ])
    );
    assert_eq!(
        fields_of(&listing, "Countries"),
        [
            Some("Ethiopia, Kenya".to_string()),
            Some("Sri Lanka, Nepal".to_string()),
            Some("Bolivia, Peru".to_string())
        ]
    );
}

#[test]
fn list_items_that_open_on_a_name_before_a_colon() {
    // A name is capitalised; a place in brackets before the colon is
    // the name's.
    let listing = parse(
        "The trustees approved these grants:\n\n\
         - Rainwater Tanks for Village Schools (Niger): £25,000 to a school board for tanks in 14 schools, Sept 2024 – Aug 2025.\n\
         - Mobile Clinics for Herders: £32,500 to a health trust for clinics in Jumla district, 2024–2026.\n\
         - Seed Bank for Returnees (Mozambique): £18,750 to a farmers' union for seed stores, Oct 2024 – Sept 2025.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater Tanks for Village Schools (Niger)",
            "Mobile Clinics for Herders",
            "Seed Bank for Returnees (Mozambique)"
        ]
    );
    assert_eq!(
        dates(&listing),
        all_dated(["Sept 2024 – Aug 2025", "2024–2026", "Oct 2024 – Sept 2025"])
    );
}

#[test]
fn a_table_a_cell_a_line_whose_title_column_is_named_programme_and_wraps() {
    let listing = parse(
        "Annex 3: programmes approved\n\n\
         Country\nProgramme/project\nPeriod\nDKK million\n\
         Tanzania\nRainwater tanks for village schools\n2018-2022\n420.0\n\
         Uganda\nMobile clinics for herders\nProgramme (North)\n2018-2021\n180.0\n\
         Niger\nSeed bank for returnees\n2019-2024\n215.5\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders Programme (North)",
            "Seed bank for returnees"
        ]
    );
    assert_eq!(
        dates(&listing),
        all_dated(["2018-2022", "2018-2021", "2019-2024"])
    );
}

#[test]
fn a_range_in_a_later_dates_field_beats_a_single_date_read_first() {
    let listing = parse(
        "Decisions\n\n\
         Rainwater tanks for village schools\nDecision date: 14.6.2019\nImplementation period: 1.9.2019–31.8.2023\n\n\
         Mobile clinics for herders\nDecision date: 2.3.2020\nImplementation period: 1.4.2020–31.3.2022\n\n\
         Seed bank for returnees\nImplementation period: 2021–2023\nDecision date: 5.5.2021\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["1.9.2019–31.8.2023", "1.4.2020–31.3.2022", "2021–2023"])
    );
}

#[test]
fn a_line_of_facts_under_a_numbered_title_is_its_date_line() {
    let listing = parse(
        "Main projects\n\n1. Rainwater tanks for village schools\n   Malawi | European Union | 2021-2024\n   Tanks for twelve schools, built with the parents.\n\n2. Mobile clinics for herders\n   Kenya | Irish Aid | 2019-2022\n   Two vans and their nurses.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders"
        ]
    );
    assert_eq!(
        dates(&listing),
        [Some("2021-2024".to_string()), Some("2019-2022".to_string())]
    );
}

#[test]
fn a_title_wrapped_after_a_few_words_keeps_its_first_line() {
    // A short first line is not a kicker when the line under it goes on
    // in lower case, or when it carries the item's number.
    let listing = parse(
        "Projects\n\nSeed banks\nfor returnees in the hills\n2019 - 2021\n\n1. Mobile clinics\n   Kenya and Uganda, for herders\n   2020 - 2022\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Seed banks for returnees in the hills",
            "Mobile clinics Kenya and Uganda, for herders"
        ]
    );
}

#[test]
fn a_web_address_under_a_headline_is_not_part_of_its_title() {
    let listing = parse(
        "Search results\n\nRainwater tanks for village schools\nhttps://example.org/projects/tanks\n... built from 2019 to 2021 with support from Irish Aid ...\n\nMobile clinics for herders\nwww.example.org/clinics\n... two vans in Turkana ...\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders"
        ]
    );
}

#[test]
fn a_title_printed_as_a_markdown_link_is_the_links_text() {
    let listing = parse(
        "## Past projects\n\n| Project | Years | Funder | Country |\n|---|---|---|---|\n| [Rainwater tanks for village schools](https://example.org/p/tanks) | 2018–2020 | Irish Aid | Malawi |\n| [Mobile clinics for herders](https://example.org/p/clinics) | 2019–2021 | Sida | Kenya |\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders"
        ]
    );
    // The title's span is the link's text in the file.
    let title = &listing.projects[0].title.segments[0];
    assert_eq!(title.span.end - title.span.start, title.text.len());
}

#[test]
fn events_under_a_calendars_heading_are_no_projects() {
    let listing = parse(
        "Newsletter | Issue 3\n\nNEW GRANTS\n\nRainwater tanks for village schools\nLead: Lakeside Trust\nPartner: Malawi\nStart: March 2023\nTanks for twelve schools.\n\nMobile clinics for herders\nLead: River Health Network\nPartner: Kenya\nStart: May 2023\nTwo vans and their nurses.\n\nUPCOMING EVENTS\n\n14 November 2023 – Partners meeting on water and schools,\nLilongwe\n5 December 2023 – Webinar on mobile clinics\n\nAll our work is funded by our members and by Irish Aid.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders"
        ]
    );
    assert!(listing
        .diagnostics
        .iter()
        .any(|d| d.message.contains("an event under `UPCOMING EVENTS`")));
}

#[test]
fn a_documents_own_sections_are_no_projects() {
    // A README's projects, then its back matter: a section named
    // `Contributing` at the records' own heading level, and links listed
    // under `See also`.
    let listing = parse(
        "# Mapping projects\n\n## Current projects\n\n### Rainwater tanks for village schools\n\nPeriod: 2019 – 2022\nFunder: Irish Aid\n\n### Mobile clinics for herders\n\nPeriod: 2020 – 2021\nFunder: Sida\n\n### Contributing\n\nPull requests are welcome; open an issue first to discuss what you would like to change.\n\n## See also\n\n- Seed banks for returnees\n- Boat ambulances on the lake\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders"
        ]
    );
    let ignored = listing
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("section of the document"))
        .count();
    assert!(ignored >= 1, "{:?}", listing.diagnostics);
}

#[test]
fn a_region_in_capitals_heads_its_group_over_a_title_with_a_colon() {
    let listing = parse(
        "Annual report\n\nNew actions in 2023, grouped by region.\n\nEAST AFRICA AND THE HORN\n\nSAFE-Lake: Safer fishing on Lake Victoria\nDuration: 01/2023 – 12/2025 | Donors: European Union (Partnership\nFacility), Government of Ireland\nBudget: EUR 2,500,000\n\nThe action trains crews and equips landing sites.\n\nSOUTH ASIA\n\nMobile clinics for herders: a pilot in Sindh\nDuration: 03/2023 – 02/2025 | Donor: Sida\nBudget: EUR 900,000\n\nTwo vans and their nurses.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "SAFE-Lake: Safer fishing on Lake Victoria",
            "Mobile clinics for herders: a pilot in Sindh"
        ]
    );
    // A donors' list wrapped inside its bracket is one field.
    let donors = listing.projects[0]
        .field("Donors")
        .map(|f| f.value.clean().into_owned());
    assert_eq!(
        donors.as_deref(),
        Some("European Union (Partnership Facility), Government of Ireland")
    );
    assert_eq!(
        listing.projects[0].section.as_deref(),
        Some("EAST AFRICA AND THE HORN")
    );
}

#[test]
fn a_data_exports_keys_are_fields_not_the_titles_rest() {
    let listing = parse(
        "Activity export\n\n------------------------------------\ntitle:             Rainwater tanks for village schools\nactivity-status:   2 - Implementation\nparticipating-org: Funding - Irish Aid\nrecipient-country: MW - Malawi\nbudget:            2019-2022  EUR 480,000\n------------------------------------\ntitle:             Mobile clinics for herders\nactivity-status:   3 - Finalisation\nparticipating-org: Funding - Sida\nrecipient-country: KE - Kenya\nbudget:            2020-2021  EUR 120,000\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders"
        ]
    );
    let funder = listing.projects[0]
        .field("Funding")
        .map(|f| f.value.clean().into_owned());
    assert_eq!(funder.as_deref(), Some("Irish Aid"));
}

#[test]
fn a_data_exports_keys_joined_by_underscores_are_fields() {
    let record = |title: &str, start: &str, end: &str| {
        format!("{title}\n\n  • client: Irish Aid\n  • start_date: {start}\n  • end_date: {end}\n  • project_summary: Wells and pumps for six villages.\n\n")
    };
    let text = record(THREE_RECORDS[0], "May 2019", "December 2021")
        + &record(THREE_RECORDS[1], "March 2017", "June 2018")
        + &record(THREE_RECORDS[2], "January 2015", "2016");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated([
            "May 2019 – December 2021",
            "March 2017 – June 2018",
            "January 2015 – 2016"
        ])
    );
}

#[test]
fn a_web_address_alone_is_no_title() {
    // Pages printed one after another, each headed by the browser's line
    // and the page's address.
    let page = |title: &str, number: &str, start: &str, end: &str| {
        format!(
            "Project browser - Project profile\nhttps://example.org/browser/details/{number}?lang=en\n\n{title}\nProject number: {number}\nStatus: Operational\nStart date: {start}\nEnd date: {end}\nCountry: Malawi (100.00%)\n\nDescription\nWells and pumps for six villages...\n\n------------------------------------\n\n"
        )
    };
    let text = page(
        "Clean wells for river villages",
        "P0001",
        "2019-03-01",
        "2022-02-28",
    ) + &page(
        "Boat ambulances on the lake",
        "P0002",
        "2020-01-01",
        "2021-12-31",
    );
    let listing = parse(&text);
    let titles = titles(&listing);
    assert!(titles.iter().all(|t| !t.contains("://")), "{titles:?}");
    for wanted in [
        "Clean wells for river villages",
        "Boat ambulances on the lake",
    ] {
        assert!(titles.iter().any(|t| t == wanted), "{titles:?}");
    }
}

#[test]
fn an_unlisted_label_over_its_dates_is_one_more_field() {
    // Cards whose fields print a date under a label the vocabulary lacks,
    // with known fields above and below it.
    let listing = parse(
        "Our projects\n\nRainwater tanks for village schools\nCountry: Malawi\nDate of financing decision: 17 June 2021\nDuration: 5 years\nBudget: EUR 600,000\n\nMobile clinics for herders\nCountry: Kenya\nDate of financing decision: 2 December 2022\nDuration: 3 years\nBudget: EUR 450,000\n\nSeed bank for returnees\nCountry: Uganda\nLife of the grant: March 2020 – February 2023\nDuration: 3 years\nBudget: EUR 200,000\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    // A range under such a label is the record's dates; a single date may
    // be any event.
    assert_eq!(
        dates(&listing),
        [None, None, Some("March 2020 – February 2023".to_string())]
    );
}

#[test]
fn a_heading_above_the_records_level_over_a_paragraph_heads_a_section() {
    let listing = parse(
        "# Our work in Malawi\n\nWe have worked with villages in the south since 2004.\n\n## Current projects\n\nEach of them runs for two to four years.\n\n### Rainwater tanks for village schools\n\nTanks and gutters for twelve schools.\n\n### Mobile clinics for herders\n\nTwo clinics on wheels visit the camps.\n\n### Seed bank for returnees\n\nSeeds stored and lent to families who came back.\n\n## Become a member\n\nWith a few euros a month you support all of our work.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        listing.projects[0].section.as_deref(),
        Some("Current projects")
    );
}

#[test]
fn an_unlisted_label_over_an_amount_is_a_field() {
    let record = |title: &str, amount: &str, years: &str| {
        format!("### {title}\n\nWorks with the district council.\n\n- Investment value: {amount}\n- Duration: {years}\n- Delivery partner: Water Trust\n\n")
    };
    let text = "# Current investments\n\nAll values are the donor's funding over the investment's life.\n\n".to_string()
        + &record(THREE_RECORDS[0], "$78 million", "2022–2026")
        + &record(THREE_RECORDS[1], "US$ 32.5 million (grant)", "2021–2025")
        + &record(THREE_RECORDS[2], "€19.8 million", "2020–2024");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2022–2026", "2021–2025", "2020–2024"])
    );
}

#[test]
fn a_press_releases_dateline_and_its_paragraph_about_the_publisher_are_no_projects() {
    let listing = parse(
        "News\nKAMPALA, Uganda — 3 March 2024\n\nThe fund announced three new grants today.\n\nRainwater tanks for village schools\nThe grant, from Irish Aid, runs 2024–2027.\n\nMobile clinics for herders\nSida pays for it from 2024 to 2026.\n\nSeed bank for returnees\nThe Swiss agency funds it over 2024–2025.\n\nAbout the Fund\nThe fund has worked in East Africa since 1998.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_key_facts_table_whose_labels_the_vocabulary_lacks_reads_by_its_row_of_dates() {
    let record = |title: &str, period: &str| {
        format!("### {title}\n\nScheme\tGrant aid\nAgreement\tSigned in spring\nCooperation Period\t{period}\nTarget Area\tNorthern Province\n\nThe scheme trains district staff.\n\n")
    };
    let text = "# Ongoing projects\n\nThe projects below run in the north.\n\n".to_string()
        + &record(THREE_RECORDS[0], "June 2020 – May 2025")
        + &record(THREE_RECORDS[1], "2021 – 2024")
        + &record(THREE_RECORDS[2], "March 2019 – February 2022");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated([
            "June 2020 – May 2025",
            "2021 – 2024",
            "March 2019 – February 2022"
        ])
    );
}

#[test]
fn printed_profiles_read_past_the_browsers_header_long_labels_and_the_description() {
    // Each page printed from a browser: its name and address on top, then
    // the profile, a label of five words with its little ones, and the
    // description under its label.
    let page = |title: &str, number: &str, start: &str, end: &str| {
        format!(
            "Project browser - Project profile\nhttps://example.org/browser/details/{number}?lang=en\n\n{title}\nProject number: {number}\nStart date: {start}\nEnd date: {end}\nCountry: Malawi (100.00%)\nMaximum contribution of the Department: $1,500,000\nSectors: Water supply (100.00%)\n\nDescription\nWells and pumps for six villages, with committees to keep them\nworking after the project ends...\n\n------------------------------------\n\n"
        )
    };
    let text = page(THREE_RECORDS[0], "P0001", "2019-03-01", "2022-02-28")
        + &page(THREE_RECORDS[1], "P0002", "2020-01-01", "2021-12-31")
        + &page(THREE_RECORDS[2], "P0003", "2021-05-01", "2024-04-30");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_start_with_its_length_in_brackets_dates_its_card() {
    let card = |title: &str, period: &str| {
        format!("Emergency relief\n### {title}\nDuration: {period}\nRegion: Southern districts\nFunding: Foreign Office, donations\n\n")
    };
    let text = "# Our projects in Malawi\n\nWhat we do with our partners.\n\n".to_string()
        + &card(THREE_RECORDS[0], "April 2022 to March 2025")
        + &card(THREE_RECORDS[1], "since March 2023 (18 months)")
        + &card(THREE_RECORDS[2], "2021 – 2024");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(dates(&listing)[1].as_deref(), Some("since March 2023"));
}

#[test]
fn where_headlines_are_headings_a_head_without_one_is_the_pages() {
    let record = |title: &str, start: &str, end: &str| {
        format!("## {title}\nProject number: P-0001\nStatus: Operational\nStart date: {start}\nEnd date: {end}\nCountry: Malawi\n\n")
    };
    let text = "# Project browser - Search results\n\nSearch criteria\nCountry: Malawi\nStatus: Operational\n\n".to_string()
        + &record(THREE_RECORDS[0], "2019-03-01", "2022-02-28")
        + &record(THREE_RECORDS[1], "2020-01-01", "2021-12-31")
        + &record(THREE_RECORDS[2], "2021-05-01", "2024-04-30")
        + "Report a problem or mistake on this page\nDate modified: 2024-02-14\n";
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_fields_value_wrapped_under_itself_goes_on() {
    let listing = parse(
        "PORTFOLIO\n\n1.\nProject title:    Rainwater Tanks for Village Schools in Northern\n                  Districts and Refugee Settlements\nDonor:            Irish Aid\nDuration:         1 February 2022 – 31 January 2025\n\n2.\nProject title:    Mobile clinics for herders\nDonor:            Sida\nDuration:         1 April 2023 – 31 March 2027\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Rainwater Tanks for Village Schools in Northern Districts and Refugee Settlements",
            "Mobile clinics for herders"
        ]
    );
}

#[test]
fn a_heading_of_projects_over_bold_headlines_heads_them() {
    let listing = parse(
        "# Malawi\n\n## Ongoing projects\n\n**Rainwater tanks for village schools**\nDonor: Irish Aid\nDuration: January 2024 – December 2024\n\n**Mobile clinics for herders**\nDonor: Sida\nDuration: March 2023 – February 2025\n\n**Seed bank for returnees**\nDonor: Swiss Agency for Development and Cooperation\nDuration: 2022 – 2024\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        listing.projects[0].section.as_deref(),
        Some("Ongoing projects")
    );
}

#[test]
fn labels_of_the_start_and_the_end_each_over_its_date() {
    let record = |title: &str, country: &str, start: &str, end: &str| {
        format!("{title}\nCountry\n{country}\nStart date\n{start}\nEnd date\n{end}\nDonor\nIrish Aid\n\n")
    };
    let text = "Where we work\n\n".to_string()
        + &record(THREE_RECORDS[0], "Malawi", "01 Feb 2022", "31 Jan 2025")
        + &record(THREE_RECORDS[1], "Kenya", "15 Apr 2023", "14 Apr 2026")
        + &record(THREE_RECORDS[2], "Uganda", "01 Jul 2021", "30 Jun 2024");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated([
            "01 Feb 2022 – 31 Jan 2025",
            "15 Apr 2023 – 14 Apr 2026",
            "01 Jul 2021 – 30 Jun 2024"
        ])
    );
}

#[test]
fn a_file_that_opens_on_its_first_record_dated_under_its_text() {
    let record = |title: &str, dates: &str| {
        format!("{title}\n\nWells, clinics and seeds for the villages of the district.\n\nDuration: {dates}\n\n")
    };
    let text = record(THREE_RECORDS[0], "January 2022 - December 2024")
        + &record(THREE_RECORDS[1], "March 2021 - March 2023")
        + &record(THREE_RECORDS[2], "July 2020 - June 2025");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    // A page's own title over its introduction stays the page's.
    let listing = parse(&format!(
        "Our work in the region\n\nWe support partners with training and grants.\n\n{text}"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_list_under_a_label_waiting_for_its_value_is_that_value() {
    let record = |number: usize, title: &str, dates: &str, label: &str, items: [&str; 2]| {
        format!(
            "{number}. {title}\n\nDuration: {dates}\n{label}:\n\n  • {}\n  • {}\n\nFunder: Irish Aid\n\n",
            items[0], items[1]
        )
    };
    let text = "Past projects\n\n".to_string()
        + &record(
            1,
            THREE_RECORDS[0],
            "March 2018 - February 2020",
            "Target groups",
            ["Village schools", "Parents and teachers"],
        )
        + &record(
            2,
            THREE_RECORDS[1],
            "July 2016 - June 2019",
            "Where we worked",
            ["North District", "East District"],
        )
        + &record(
            3,
            THREE_RECORDS[2],
            "January 2021 - June 2023",
            "Activities",
            ["Seed fairs", "Storage training"],
        );
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert!(listing.projects.iter().all(|p| p.field("Funder").is_some()));
}

#[test]
fn a_records_facts_numbered_under_its_headline_are_fields() {
    let record = |title: &str, funder: &str, dates: &str| {
        format!("{title}\n1. Funder: {funder}\n2. Duration: {dates}\n3. Implementation Area: Two villages of the district.\n4. Project Overview: Wells, clinics and seeds.\n\n")
    };
    let text = "Projects\n".to_string()
        + &record(THREE_RECORDS[0], "Irish Aid", "March 2018 – February 2020")
        + &record(THREE_RECORDS[1], "Sida", "January 2021 – December 2022")
        + &record(THREE_RECORDS[2], "UNICEF", "June 2019 – May 2020");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated([
            "March 2018 – February 2020",
            "January 2021 – December 2022",
            "June 2019 – May 2020"
        ])
    );
    let funder = listing.projects[2]
        .field("Funder")
        .map(|f| f.value.clean().into_owned());
    assert_eq!(funder.as_deref(), Some("UNICEF"));
}

#[test]
fn an_unlisted_field_run_together_with_the_dates_is_no_headline() {
    let record = |title: &str, place: &str, dates: &str| {
        format!("{title}\n\nZone : {place} · Période : {dates}\n\nPuits, cliniques et semences pour les villages.\n\n")
    };
    let text = "Nos projets\n\n".to_string()
        + &record(THREE_RECORDS[0], "Dori, Djibo", "2021 – 2023")
        + &record(THREE_RECORDS[1], "Kaya", "2022 – 2024")
        + &record(THREE_RECORDS[2], "Nord du pays", "2020 – 2022");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2021 – 2023", "2022 – 2024", "2020 – 2022"])
    );
}

#[test]
fn a_whole_date_ending_the_headline_after_a_word_is_its_date() {
    let record = |title: &str, date: &str| {
        format!("{title} {date}\n\nWells, clinics and seeds for the villages of the district.\n\nAmount: £45,000\nFunder: Hope Valley Trust\n\n")
    };
    let text = "Grants awarded\n\n".to_string()
        + &record(THREE_RECORDS[0], "12 Mar 2020")
        + &record(THREE_RECORDS[1], "Nov 4, 2019")
        + &record(THREE_RECORDS[2], "21 January 2021");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["12 Mar 2020", "Nov 4, 2019", "21 January 2021"])
    );
    // A year alone after a word is part of the name.
    let listing = parse(
        "Projects\n\nSupport to the Census 2011\n\nCounting every household.\n\nFunder: Sida\n",
    );
    assert_eq!(titles(&listing), ["Support to the Census 2011"]);
}

#[test]
fn a_field_of_two_words_over_the_dates_fields_is_no_headline() {
    let record = |title: &str, partner: &str, start: &str, end: &str| {
        format!("{title}\n\nCollaborating Organisations: {partner}\n\nStart Date: {start}\n\nEnd Date: {end}\n\nWells, clinics and seeds.\n\n")
    };
    let text = "Completed projects\n\n".to_string()
        + &record(
            THREE_RECORDS[0],
            "Northwind Trust",
            "March 3, 2019",
            "June 30, 2020",
        )
        + &record(
            THREE_RECORDS[1],
            "Harbour Foundation",
            "July 1, 2020",
            "May 31, 2021",
        )
        + &record(
            THREE_RECORDS[2],
            "Northwind Trust",
            "January 5, 2021",
            "December 20, 2021",
        );
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_sentence_ending_in_a_colon_over_a_record_introduces_it() {
    let listing = parse(
        "Projects by country\n\nWe run two projects in Malawi, funded by Irish Aid:\n\n• Rainwater tanks for village schools\n  2019 – 2022\n• Mobile clinics for herders\n  2020 – 2023\n\nWe run one project in Kenya, funded by Sida:\n\n• Seed bank for returnees\n  2021 – 2024\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    // The sentence over the next records is not the text of the one above.
    assert_eq!(listing.projects[1].description_text(), "");
}

#[test]
fn where_blocks_open_on_their_dates_each_date_opens_the_headline_below() {
    let listing = parse(
        "Track record\n\nJun 2024\nRainwater tanks for village schools\n\nMay 2024\nMobile clinics for herders\n\nJan 2024\nSeed bank for returnees\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["Jun 2024", "May 2024", "Jan 2024"])
    );
    // Headlines over their dates, the same lines the other way round.
    let listing = parse(
        "Track record\n\nRainwater tanks for village schools\nJun 2024\n\nMobile clinics for herders\nMay 2024\n\nSeed bank for returnees\nJan 2024\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn where_the_first_record_opens_on_its_headline_each_date_closes_its_record() {
    // A table of references copied a cell a line: title, client, text,
    // starting date, the copy ending before the last date. Each date
    // stands right above the next title, and the first title has none
    // above it: the dates end the records.
    let listing = parse(
        "List of references\n\nName of the client / partner\n\nObjective of the project\n\nStarting date\n\n\
         Rainwater tanks for village schools\n\nHarbour Fund\n\n\
         The project builds tanks for twelve schools of the valley, with their pumps.\n\n\
         Sept 2024\n\n\
         Mobile clinics for herders\n\nValley Trust\n\n\
         The project runs two clinics on wheels for the herders of the north.\n\n\
         April 2024\n\n\
         Seed bank for returnees\n\nLakeside Foundation\n\n\
         The project keeps seed for the families that return to the district.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        [
            Some("Sept 2024".to_string()),
            Some("April 2024".to_string()),
            None
        ]
    );
}

#[test]
fn a_blogs_comment_form_under_its_post_is_no_record() {
    let listing = parse(
        "Our year\n\nThe foundation supported these projects this year:\n\
         – Rainwater tanks for village schools\n\
         – Mobile clinics for herders\n\
         – Seed bank for returnees\n\n\
         We hope to do more next year.\n\n\
         Leave a Reply\n\n\
         Fill in your details below or click an icon to log in:\n\n\
         Blog Logo\n\n\
         You are commenting using your blog account. Log Out / Change )\n\n\
         Social photo\n\n\
         You are commenting using your social account. Log Out / Change )\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn where_the_records_are_a_lists_items_a_headline_over_prose_is_the_pages() {
    let listing = parse(
        "Our cooperation in the district\n\nWe supported the district's schools for eighteen years.\n\nHistory of the projects\n\nThe support covered development and emergency work.\n\nThe projects\n\n1. Rainwater tanks for village schools\n2. Mobile clinics for herders\n3. Seed bank for returnees\n\nAcknowledgements\n\nWe thank all volunteers.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_lead_in_in_german_announces_its_numbered_list() {
    let listing = parse(
        "Projekte\n\nSeit 1993 sind viele Vorhaben entstanden. Folgende Projekte wurden umgesetzt:\n\n 1. Neubau eines Kinderheims für 35 Kleinkinder.\n 2. Trinkwasserversorgung für das Kinderheim.\n 3. Saatgutbank für Rückkehrer.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Neubau eines Kinderheims für 35 Kleinkinder.",
            "Trinkwasserversorgung für das Kinderheim.",
            "Saatgutbank für Rückkehrer."
        ]
    );
}

#[test]
fn a_breadcrumb_trail_copied_as_a_list_is_no_record() {
    let listing = parse(
        "- Home\n- Aid by location\n- East Africa\nEast Africa region\nRainwater tanks for village schools\nIrish Aid\nThe project builds tanks for twelve schools in Malawi, with their pumps.\nMobile clinics for herders\nSida\nThe project runs two clinics on wheels in northern Kenya for the herders.\nSeed bank for returnees\nSDC\nThe project keeps seed for the families that return to Burundi.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_category_printed_over_every_date_is_no_headline() {
    let post = |date: &str, title: &str| {
        format!("Water projects\n\n{date}\n\n{title}\n\nA short excerpt of the post about the work, with its partners.\n\nRead more\n\n")
    };
    let text = "Our news\n\n".to_string()
        + &post("May 9, 2023", THREE_RECORDS[0])
        + &post("August 17, 2022", THREE_RECORDS[1])
        + &post("April 26, 2022", THREE_RECORDS[2]);
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["May 9, 2023", "August 17, 2022", "April 26, 2022"])
    );
}

#[test]
fn records_opening_on_their_dates_and_headline_on_one_line() {
    let listing = parse(
        "Assignments\n\nMarch 2019 - June 2020 Rainwater tanks for village schools Client: Irish Aid\nWe built tanks for twelve schools in Malawi.\n\n\
         Tasks: design and costing\n\n\
         January 2018 - Present Mobile clinics for herders. Client: Sida\nTwo clinics on wheels for herders in Kenya.\n\n\
         2017: Seed bank for returnees\nSeed kept for the families that return to Burundi.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            THREE_RECORDS[0],
            &format!("{}.", THREE_RECORDS[1]),
            THREE_RECORDS[2]
        ]
    );
    assert_eq!(
        dates(&listing),
        all_dated(["March 2019 - June 2020", "January 2018 - Present", "2017"])
    );
    let funders: Vec<Vec<String>> = listing
        .projects
        .iter()
        .map(|p| {
            p.fields
                .iter()
                .filter(|f| devcoop_ingest::labels::meaning(&f.label) == Some(Meaning::Funder))
                .map(|f| f.value.clean().into_owned())
                .collect()
        })
        .collect();
    assert_eq!(
        funders,
        [vec!["Irish Aid"], vec!["Sida"], Vec::<&str>::new()]
    );
}

#[test]
fn a_short_line_run_on_from_a_date_line_is_that_records_not_a_heading() {
    let listing = parse(
        "Assignments\n\nRainwater tanks for village schools\nMarch 2019 - June 2020\nHarbour Fund\n\n\
         Mobile clinics for herders\nJanuary 2018 - May 2019\nValley Trust\n\n\
         Seed bank for returnees\n2017 - 2018\nLakeside Foundation\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    let lines: Vec<String> = listing
        .projects
        .iter()
        .map(|p| {
            p.description
                .iter()
                .map(|d| d.clean().into_owned())
                .collect()
        })
        .collect();
    assert_eq!(
        lines,
        ["Harbour Fund", "Valley Trust", "Lakeside Foundation"]
    );
    assert!(listing.projects.iter().all(|p| p.section.is_none()));
}

#[test]
fn headlines_printed_as_labels_over_their_prose_are_titles() {
    let record = |title: &str, text: &str| format!("{title} :\n\n{text}\n\n");
    let text =
        "What we have done :\n\nSince 2008 the association has paid for many small projects.\n\n"
            .to_string()
            + &record(
                THREE_RECORDS[0],
                "Tanks were built for the twelve schools of the valley.",
            )
            + &record(
                THREE_RECORDS[1],
                "Two clinics on wheels visit the herders every month.",
            )
            + &record(
                THREE_RECORDS[2],
                "Seed is kept for the families that return.",
            );
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    // A label printed in every record labels its text: the records are
    // the headlines above.
    let record = |title: &str, text: &str| format!("{title}\n\nAims :\n\n{text}\n\n");
    let text = record(
        THREE_RECORDS[0],
        "Tanks were built for the twelve schools of the valley.",
    ) + &record(
        THREE_RECORDS[1],
        "Two clinics on wheels visit the herders every month.",
    ) + &record(
        THREE_RECORDS[2],
        "Seed is kept for the families that return.",
    );
    let listing = parse(&text);
    assert!(
        titles(&listing).iter().all(|t| t != "Aims"),
        "{:?}",
        titles(&listing)
    );
}

#[test]
fn an_item_that_reads_as_a_sentence_in_a_list_of_titles_is_one_too() {
    let listing = parse(
        "Current projects\n\n\
         • Rainwater tanks for village schools\n\
         • Mobile clinics for herders\n\
         • Yearly celebrations of the harvest where the less privileged families of the valley are granted seed and tools\n\
         • Seed bank for returnees\n",
    );
    assert_eq!(
        titles(&listing),
        [
            THREE_RECORDS[0],
            THREE_RECORDS[1],
            "Yearly celebrations of the harvest where the less privileged families of the valley are granted seed and tools",
            THREE_RECORDS[2]
        ]
    );
}

#[test]
fn a_grants_table_names_each_grant_by_its_purpose() {
    let listing = parse(
        "Grants approved this year\n\n\
         Organisation | Country | Amount of grant £ | Purpose |\n\
         Harbour Fund | Malawi | 24,060 | Rainwater tanks for village schools |\n\
         Valley Trust | Kenya | 29,247 | Mobile clinics for herders |\n\
         Lakeside Foundation | Burundi | 20,647 | Seed bank for returnees |\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn items_listed_under_a_heading_that_names_the_listing_are_its_records() {
    // A consultancy's references: each item names its client first.
    let listing = parse(
        "Our references\n\nViews : 295\n\n\
         • Harbour Fund – 2020. Design of rainwater tanks for the village schools of the valley, with costs\n\
         • Valley Trust – 2019 : Mobile clinics for herders; a study of the routes and the costs of two clinics\n\
         • Lakeside Foundation – 2018 : Seed bank for returnees, its stores and its rules\n",
    );
    assert_eq!(listing.projects.len(), 3);
    // Records printed one sentence a line.
    let listing = parse(
        "COMPLETED PROJECTS\n\n\
         Design of rainwater tanks for the twelve village schools of the valley.\n\n\
         Study of the routes two mobile clinics for herders should take.\n\n\
         Rules and stores of a seed bank for returnees.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Design of rainwater tanks for the twelve village schools of the valley.",
            "Study of the routes two mobile clinics for herders should take.",
            "Rules and stores of a seed bank for returnees."
        ]
    );
    // A record of several sentences opens on its name.
    let listing = parse(
        "Research projects\n\n\
         Rainwater tanks for village schools. Do tanks keep girls in school? Funder: Harbour Fund.\n\n\
         Mobile clinics for herders. Which routes reach most camps? Funder: Valley Trust.\n\n\
         Seed bank for returnees. Who borrows seed, and who pays it back? Funder: Lakeside Foundation.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        listing.projects[0].description[0].clean(),
        "Do tanks keep girls in school? Funder: Harbour Fund."
    );
}

#[test]
fn a_headline_over_prose_above_the_list_its_heading_names_is_the_pages() {
    // A region's page: what the publisher does there, the countries of the
    // region, then the projects under a heading that names them.
    let listing = parse(
        "East Africa\nOur work in the region\n\
         For almost fifty years the fund has worked with the region's communities on health, \
         farming and the climate.\n\
         Our programmes bring people together across disciplines for a greater impact.\n\
         Kenya\nUganda\nTanzania\n\
         Projects in Kenya\n\
         - Rainwater tanks for village schools\n\
         - Mobile clinics for herders\n\
         - Seed bank for returnees\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_list_announced_by_a_sentence_is_of_records_however_its_items_read() {
    let listing = parse(
        "Projects\n\nThe following projects received our support in 2021:\n\n\
         1. www.harbourfund.example tanks for the village schools of the valley;\n\
         2. www.valleytrust.example clinics on wheels for herders and their families;\n\
         3. www.lakeside.example seed bank for returnees to the district\n",
    );
    assert_eq!(listing.projects.len(), 3);
    // So are a list's items under a heading that names initiatives.
    let listing = parse(
        "Initiatives\n\n\
         – Harbour school – Kits were given to ninety children of the school, and two shelves.\n\
         – Valley clinic – A clinic on wheels was bought for the herders of the valley.\n\
         – Lakeside seeds – Seed was stored for the families that return.\n",
    );
    assert_eq!(listing.projects.len(), 3);
}

#[test]
fn a_subheading_printed_in_every_card_is_no_record() {
    let card = |title: &str, funder: &str, term: &str| {
        format!("### {title}\n\nFunded by: {funder}\n\nWork with the district and its families.\n\n#### Partner & Funder\n\nFunder: {funder}\nTerm: {term}\nRole: Lead\n\n")
    };
    let text = "## Programmes\n\n".to_string()
        + &card(THREE_RECORDS[0], "Harbour Fund", "March 2019 – June 2020")
        + &card(THREE_RECORDS[1], "Valley Trust", "April 2020 – May 2021")
        + &card(
            THREE_RECORDS[2],
            "Lakeside Foundation",
            "July 2021 – August 2022",
        );
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated([
            "March 2019 – June 2020",
            "April 2020 – May 2021",
            "July 2021 – August 2022"
        ])
    );
    // Where the records' text is prose, the subheading's shape is not
    // theirs either.
    let prose_only = ["Harbour Fund", "Valley Trust", "Lakeside Foundation"]
        .iter()
        .fold(text, |text, funder| {
            text.replace(&format!("Funded by: {funder}\n\n"), "")
        });
    let listing = parse(&prose_only);
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_status_ending_the_headline_is_its_field_not_its_title() {
    let text = "Our projects\n\n\
        Rainwater tanks for village schools (Ongoing)\n\
        Tanks were built for the boarding pupils of two schools.\n\n\
        Mobile clinics for herders - Terminado\n\
        A clinic on wheels now visits the herders of the valley.\n\n\
        Seed bank for returnees [Completed]\n\
        Seed is stored for the families that come back.\n\n\
        Clinics for the upper valley - Phase 2\n\
        A second clinic follows the first.\n";
    let listing = parse(text);
    let mut expected = THREE_RECORDS.map(String::from).to_vec();
    expected.push("Clinics for the upper valley - Phase 2".into());
    assert_eq!(titles(&listing), expected);
    assert_eq!(
        fields_of(&listing, "Status"),
        [Some("Ongoing"), Some("Terminado"), Some("Completed"), None].map(|s| s.map(String::from))
    );
}

#[test]
fn a_file_opening_on_a_headline_that_names_one_project_opens_on_a_record() {
    let records = "\n\nTanks were built for the boarding pupils of two schools.\n\n\
        Mobile clinics for herders\n\nA clinic on wheels now visits the herders of the valley.\n\n\
        Seed bank for returnees\n\nSeed is stored for the families that come back.\n";
    for first in [
        "Village Schools Water Project",
        "Projet « Citernes pour les écoles »",
    ] {
        let listing = parse(&format!("{first}{records}"));
        assert_eq!(
            titles(&listing),
            [first, THREE_RECORDS[1], THREE_RECORDS[2]],
            "{first}"
        );
        assert_eq!(listing.page_title, None, "{first}");
    }
    // A headline naming the listing is the page's title.
    for page in ["Our projects", "Project portfolio", "About the Project"] {
        let listing = parse(&format!("{page}{records}"));
        assert_eq!(titles(&listing), THREE_RECORDS[1..], "{page}");
        assert_eq!(listing.page_title.as_deref(), Some(page), "{page}");
    }
}

#[test]
fn a_line_saying_what_became_of_the_project_is_no_headline() {
    let record = |title: &str, status: &str| {
        format!("{title}\n\nWork went on with the district and its families over the year.\n\n{status}\n\n\n")
    };
    let text = "Updates from the field\n\n".to_string()
        + &record(THREE_RECORDS[0], "This project is now completed")
        + &record(THREE_RECORDS[1], "The project was extended")
        + &record(THREE_RECORDS[2], "This project is completed");
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    // A headline may still open on the word naming the record.
    let text = "Updates from the field\n\n".to_string()
        + &record(
            "The Project Schools of the Valley",
            "This project is completed",
        );
    assert_eq!(titles(&parse(&text)), ["The Project Schools of the Valley"]);
}

#[test]
fn headline_lines_right_under_the_lead_in_are_records() {
    let lines = THREE_RECORDS.join("\n") + "\nWells for the lake villages\n";
    for lead_in in [
        "Here is an overview of all the projects we raise money for.",
        "We support the following projects:",
    ] {
        // A photo's caption may stand between the lead-in and the list.
        let text = format!(
            "Friends of the valley\n\nWe work with the district's schools and clinics.\n{lead_in}\n\nPupils planting trees on the hill.\n{lines}"
        );
        let listing = parse(&text);
        let mut expected = THREE_RECORDS.map(String::from).to_vec();
        expected.push("Wells for the lake villages".into());
        assert_eq!(titles(&listing), expected, "{lead_in}");
    }
    // Two lines are not yet a list, nor are lines under prose that
    // announces nothing.
    let two = "We support the following projects:\n\nWells for the lake villages\nSeed bank for returnees\n";
    assert!(parse(two).projects.is_empty());
    let unannounced = format!("We work with the district's schools.\n\n{lines}");
    assert!(parse(&unannounced).projects.is_empty());
}

#[test]
fn cards_printing_their_headline_again_as_their_link_are_records() {
    let card = |title: &str, teaser: &str| format!("{title}\n\n{teaser}\n\n{title}\n\n");
    let text = "Our work in the valley\nHelp for the villages of the north\n\n".to_string()
        + &card(
            THREE_RECORDS[0],
            "Tanks now hold the rain for two boarding schools",
        )
        + &card(
            THREE_RECORDS[1],
            "A clinic on wheels visits the herders every month",
        )
        + &card(
            THREE_RECORDS[2],
            "Families coming back find seed for their first harvest",
        )
        + "Donate now\n";
    let listing = parse(&text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    // The link is no part of the record's text.
    assert_eq!(
        listing.projects[0].description_text(),
        "Tanks now hold the rain for two boarding schools"
    );
    // A byline printed in every card is no headline.
    let bylines = card("Published in July 2020", "Tanks now hold the rain")
        + &card("Published in July 2020", "A clinic on wheels visits");
    let listing = parse(&bylines);
    assert!(
        titles(&listing).iter().all(|t| !t.starts_with("Published")),
        "{:?}",
        titles(&listing)
    );
}

#[test]
fn a_run_of_headings_right_under_the_listings_name_is_its_records() {
    let cards = THREE_RECORDS.map(|t| format!("### {t}\n\n")).concat();
    let listing = parse(&format!(
        "# Past projects See what we built!\n\n{cards}Contact us\n"
    ));
    assert_eq!(titles(&listing), THREE_RECORDS);
    // Under a heading naming topics, such a run is the page's menu.
    let listing = parse(&format!("# Our programme areas\n\n{cards}Contact us\n"));
    assert!(listing.projects.is_empty(), "{:?}", titles(&listing));
}

#[test]
fn lines_numbered_with_the_word_for_a_project_under_the_listings_heading() {
    let text = "# What we fund\n\nProjects for 2025\n\n$9,500 raised out of $12,000\n\n\
        Project 1: Two footbridges for the villages of the southern plain.\n\
        Project 2: Solar street lights for the market town.\n\
        Projet 3 – Ten wells for the families of the hills.\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        [
            "Two footbridges for the villages of the southern plain.",
            "Solar street lights for the market town.",
            "Ten wells for the families of the hills."
        ]
    );
    assert_eq!(
        listing
            .projects
            .iter()
            .map(|p| p.list_number)
            .collect::<Vec<_>>(),
        [Some(1), Some(2), Some(3)]
    );
}

#[test]
fn a_headline_labelling_itself_a_project_is_no_introduction() {
    let text = "Our finished work\n\n\
        Wellproject: Upper valley – Kenya\n\nThe village of the upper valley had no water of its own until the well was dug.\n\n\
        Wellproject: Lower valley – Kenya\n\nThe families of the lower valley walked two hours for water.\n\n\
        Wellproject: Lake shore – Uganda\n\nPartner: Lake Water Trust\nLocation: the lake shore villages\n\n\
        Wellproject: Hill farms – Uganda\n\nPartner: Hill Farmers Union\nLocation: the hill farms\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        [
            "Wellproject: Upper valley – Kenya",
            "Wellproject: Lower valley – Kenya",
            "Wellproject: Lake shore – Uganda",
            "Wellproject: Hill farms – Uganda"
        ]
    );
}

#[test]
fn a_colon_after_a_sentence_about_one_project_introduces_its_parts() {
    let text = "Water for the valley\n\n\
        The district and its partners are implementing the project through three parts:\n\n\
        - Wells for the upper villages\n- Tanks for the village schools\n- Training for the water committees\n\n\
        The work began in the dry season of 2019 and ended two years later.\n";
    let listing = parse(text);
    assert!(
        !titles(&listing).contains(&"Wells for the upper villages".to_string()),
        "{:?}",
        titles(&listing)
    );
    // Projects in the plural are announced so.
    let listing = parse(&text.replace("the project through three parts", "three projects"));
    assert_eq!(titles(&listing)[0], "Wells for the upper villages");
}

#[test]
fn a_cards_teaser_that_reads_as_a_headline_does_not_join_the_next_card() {
    let text = "# Our projects\n\n\
        ### Rainwater tanks for village schools\n\nClean water for the pupils of three villages\n\n\
        ### Mobile clinics for herders\n\nA clinic on wheels visits the herders every month.\n\n\
        ### Seed bank for returnees\n\nSeed for the families who come back.\n\n\
        ### Wells for the lake villages\n\nFour wells on the lake shore.\n";
    let listing = parse(text);
    let mut expected = THREE_RECORDS.map(String::from).to_vec();
    expected.push("Wells for the lake villages".into());
    assert_eq!(titles(&listing), expected);
    assert_eq!(
        listing.projects[0].description_text(),
        "Clean water for the pupils of three villages"
    );
}

#[test]
fn paragraphs_opening_on_their_name_and_a_dash_are_records() {
    let text = "Our initiatives\n\n\
        – Valley School Kits – Kits were handed to ninety children of the valley school this spring.\n\n\
        – Lakeside Seed Bank – Seed was stored for the families that return to the lake shore.\n\n\
        – Herders Clinic – A clinic on wheels now visits the herders of the upper valley every month.\n\n\
        November 2019 – The district council received a grant to plan its sanitation work.\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        ["Valley School Kits", "Lakeside Seed Bank", "Herders Clinic"]
    );
    assert_eq!(
        listing.projects[0].description_text(),
        "Kits were handed to ninety children of the valley school this spring."
    );
}

#[test]
fn references_of_a_client_its_year_and_the_work_done() {
    let text = "References\n\n\
        • Harbour Fund – 2021. Review of the village water schemes\n\
        • Valley Trust – 2020 : Baseline survey of the herders' clinics\n\
        • Lake Council 2019. Plan for the lake shore seed banks\n\
        • Hill Farmers – ongoing. Advice on the terraces of the upper valley\n";
    let listing = parse(text);
    // The reference without a year is one of the list's too.
    assert_eq!(listing.projects.len(), 4);
    assert_eq!(
        titles(&listing)[..3],
        [
            "Review of the village water schemes",
            "Baseline survey of the herders' clinics",
            "Plan for the lake shore seed banks",
        ]
    );
    assert_eq!(
        fields_of(&listing, "Client"),
        [
            Some("Harbour Fund"),
            Some("Valley Trust"),
            Some("Lake Council"),
            None
        ]
        .map(|s| s.map(String::from))
    );
    assert_eq!(dates(&listing)[..3], all_dated(["2021", "2020", "2019"]));
}

#[test]
fn list_items_each_granting_an_amount_are_records() {
    let text = "Minister announces support for local charities\n\n\
        The minister said the funding would reach families across the region.\n\n\
        • Harbour Friends, based in the old town, will receive €250,000 over two years for wells in the upper valley.\n\
        • Valley Trust will receive €1.2 million over three years for a clinic on wheels for the herders.\n\
        • Lakeside Seeds, based on the shore, will receive €90,000 for a seed bank for families who return.\n";
    let listing = parse(text);
    assert_eq!(listing.projects.len(), 3, "{:?}", titles(&listing));
    assert!(titles(&listing)[1].starts_with("Valley Trust will receive"));
    // A record's own budget lines are its text, not records.
    let budget =
        "Wells for the upper valley\n\n2019 – 2021\n\nThe wells were dug with the villages.\n\n\
        • Equipment: €20,000\n• Training: €5,000\n• Travel: €2,000\n";
    assert_eq!(titles(&parse(budget)), ["Wells for the upper valley"]);
}

#[test]
fn paragraphs_opening_on_the_amount_granted_are_records() {
    let text = "Research grants\n\n\
        UK £120,000.00 Harbour Research Council Grant No. HR/1 for the study of wells in the upper valley\n\n\
        CA $2.5 million Valley Development Centre Grant No. 2041 to three universities for seed banks\n\n\
        US $5,000.00 Lake Council small grant for a survey of the herders' clinics on the shore\n";
    let listing = parse(text);
    assert_eq!(listing.projects.len(), 3, "{:?}", titles(&listing));
    // A paragraph naming an amount further on is prose.
    let prose = "Our year\n\nThe council gave the valley school a grant of £2,000 to mend its roof this year.\n\n\
        The lake villages raised $900 at their fair for the new clinic on the shore.\n\n\
        The herders gave €400 and two goats to the seed bank of the upper valley.\n";
    assert!(
        parse(prose).projects.is_empty(),
        "{:?}",
        titles(&parse(prose))
    );
}

#[test]
fn records_of_fields_one_under_another_open_on_their_first_field() {
    // No line parts one record's fields from the next: the field above the
    // first title (`Year`) opens every record, and the dates naming months
    // are the record's, not the years.
    let labelled = "Our projects\n\nThe projects we ran, with their donors.\n\n\
        Year: 2022-2023\n\nProject Title: Rainwater tanks for village schools\n\nDonors: Harbour Fund\n\n\
        Start and End date: July 2022 – April 2023\n\n\
        Year: 2021-2022\n\nProject Title: Mobile clinics for herders\n\nDonors: Valley Trust\n\n\
        Start and End date: March 2021 – May 2022\n\n\
        Year: 2019\n\nProject Title: Seed bank for returnees\n\nDonors: Lakeside Foundation\n";
    // The same as a page copies it where labels were set apart from their
    // values without a colon.
    let spaced = labelled
        .replace("Project Title: ", "Project Title ")
        .replace("Start and End date: ", "Start and End date ");
    for text in [labelled.to_string(), spaced] {
        let listing = parse(&text);
        assert_eq!(titles(&listing), THREE_RECORDS, "{text}");
        assert_eq!(
            dates(&listing),
            all_dated(["July 2022 – April 2023", "March 2021 – May 2022", "2019"]),
            "{text}"
        );
        let years: Vec<_> = listing
            .projects
            .iter()
            .map(|p| p.field("Year").map(|f| f.value.clean().into_owned()))
            .collect();
        assert_eq!(
            years,
            [Some("2022-2023"), Some("2021-2022"), Some("2019")].map(|y| y.map(String::from)),
            "{text}"
        );
    }
}

#[test]
fn a_list_under_a_heading_of_research_is_its_records_with_their_parts() {
    let text = "Migration and cities\n\nThe centre studies how people move and settle.\n\n\
        Research\n\n\
        • Programme “Settlement and mobility of the population”\n\
        a) Towns and their borders\n\
        b) Industry and population in the provinces\n\n\
        • Remittances of migrants from the valley\n\n\
        • Work histories of migrants in the capital\n\n\
        • Health and migration on the border\n\n\
        Publications\n\n\
        Smith, A. (2003) “Settlement and demography”. Population Review 12.\n\
        Jones, B. (2000) Cities of the south. Harbour Press.\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        [
            "Programme “Settlement and mobility of the population”",
            "Remittances of migrants from the valley",
            "Work histories of migrants in the capital",
            "Health and migration on the border",
        ]
    );
    // The programme's studies are its text.
    let programme = listing.projects[0].description_text();
    assert!(programme.contains("Towns and their borders"), "{programme}");
}

#[test]
fn a_markdown_page_s_front_matter_pictures_and_nested_lists_are_no_records() {
    let text = "---\ntitle: Our work\nlayout: page\nmedia_order: 'tanks.jpg,clinic.jpg'\n---\n\n\
        # What we built\n\n\
        Projects built with the villages since 2005:\n\n\
        - Rainwater tanks for **village** schools\n\
        - Mobile clinics for herders\n\
        - Teaching aids:\n    - 14 dictionaries\n\t- 3 wall maps\n\
        - Seed bank for returnees\n\n\
        ![](tanks.jpg) ![A clinic](clinic.jpg \"The clinic\")\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders",
            "Teaching aids:",
            "Seed bank for returnees",
        ]
    );
    assert!(listing.projects[2]
        .description_text()
        .contains("14 dictionaries"));
}

#[test]
fn a_quoted_name_before_its_credits_is_the_title() {
    let text = "Research projects\n\n\
        “Rainwater tanks for village schools”, financed by the Harbour Fund through its small grants \
        programme, implemented by the Valley Trust and the district's water board with the help of the \
        teachers, the parents' committees and the pupils of the twelve schools of the upper valley.\n\n\
        July 2014 - June 2016\n\n\
        “Mobile clinics for herders”, funded by the Lake Council\n\nJanuary - December 2013\n\n\
        “Seed bank for returnees”, financed by the Valley Trust\n\nMarch 2011 - May 2012\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        [
            "“Rainwater tanks for village schools”",
            "“Mobile clinics for herders”",
            "“Seed bank for returnees”",
        ]
    );
    assert!(listing.projects[0]
        .description_text()
        .starts_with("financed by the Harbour Fund"));
    // A quote inside a headline, or one not followed by credits, stays.
    let inside =
        "Projects\n\n“Hope” for the valley's schools\n\n2019 - 2021\n\nText of the project.\n";
    assert_eq!(titles(&parse(inside)), ["“Hope” for the valley's schools"]);
}

#[test]
fn references_naming_their_client_before_a_colon_and_the_year_after_the_work() {
    let text = "Local planning: some references\n\n\
        - Valley council : plans for the district's wells. 2018. Tasks as the team's engineer.\n\n\
        - Harbour Fund & Lake Consulting : Mission to coach the union of communes. 2016-2017.\n\n\
        - Seed Company (a private firm) : Plan of the seed banks for returnees. 2013.\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        [
            "plans for the district's wells",
            "Mission to coach the union of communes",
            "Plan of the seed banks for returnees",
        ]
    );
    assert_eq!(dates(&listing), all_dated(["2018", "2016-2017", "2013"]));
    let client = listing.projects[2]
        .field("Client")
        .map(|f| f.value.clean().into_owned());
    assert_eq!(client.as_deref(), Some("Seed Company (a private firm)"));
}

#[test]
fn a_table_copied_with_single_spaces_is_read_by_its_header() {
    let rows = "Rainwater tanks for village schools 2000 26 January 2000 5,500,000\n\
        Police: training for public order 1 February 2000 650,000\n\
        Seed bank for returnees 31 May 2000 487,000\n";
    let lines = format!(
        "Projects from 2000 are in the following table.\n\n\
         Project title Start date Commitment (£)\n{rows}"
    );
    // The same table run together on one line, as a parliament's answer
    // prints one.
    let one_line = format!(
        "Projects from 2000 are in the following table.\n\n\
         Project title Start date Commitment (£) {}\n",
        rows.replace('\n', " ").trim_end()
    );
    for text in [lines, one_line] {
        let listing = parse(&text);
        assert_eq!(
            titles(&listing),
            [
                "Rainwater tanks for village schools 2000",
                "Police: training for public order",
                "Seed bank for returnees",
            ],
            "{text}"
        );
        assert_eq!(
            dates(&listing),
            all_dated(["26 January 2000", "1 February 2000", "31 May 2000"])
        );
        let budget = listing.projects[1]
            .field("Commitment (£)")
            .map(|f| f.value.clean().into_owned());
        assert_eq!(budget.as_deref(), Some("650,000"));
    }
}

#[test]
fn a_markdown_site_page_of_headings_items_and_amounts() {
    // A page's metadata: fenced keys of several words, or a title field
    // alone at the top naming the page.
    for head in [
        "---\nFeature Image: /img/wells.png\ntitle: 'Our work in the valley'\n---\n",
        "Title: our-work-in-the-valley\n\nOur work in the valley\n----------------------\n",
    ] {
        let text = format!(
            "{head}\nWhat we have done so far.\n\n\
             #### Rainwater tanks for village schools ####\n\nThe tanks were built with the parents.\n\n\
             #### Mobile clinics for herders ####\n\nTwo clinics visit the camps each month.\n\n\
             #### Seed bank for returnees ####\n\nThe bank lends seed to families who return.\n"
        );
        assert_eq!(titles(&parse(&text)), THREE_RECORDS, "{text}");
    }
    // Items whose name stands alone on their first line, their text
    // indented under it; costs after a comma are the budget.
    let items = "### Projects we supported:\n\n\
        - [Rainwater tanks](https://example.org/tanks)\n  The valley's schools had no water in the dry\n  \
        Season. Tanks now hold the rain of the wet months for the pupils.\n\n\
        - Clinics\n  Two mobile clinics visit the herders' camps every month and treat\n  \
        the children and the old for free.\n\n\
        - Seed bank for returnees, ca. 2.500 €\n";
    let listing = parse(items);
    assert_eq!(
        titles(&listing),
        ["Rainwater tanks", "Clinics", "Seed bank for returnees"]
    );
    assert!(listing.projects[1]
        .description_text()
        .starts_with("Two mobile clinics"));
    let budget = listing.projects[2]
        .field("Budget")
        .map(|f| f.value.clean().into_owned());
    assert_eq!(budget.as_deref(), Some("ca. 2.500 €"));
}

#[test]
fn a_client_and_its_years_over_the_work_done_for_it() {
    let text = "Implemented projects\n\n\
        ## Harbour Fund, 2017-2018\n\nSupport to the ministry on the wells of the upper valley.\n\n\
        ## Lake Council 2016\n\nFeasibility study for an irrigation scheme.\n\n\
        ## 2012 Valley Trust\n\nSituation analysis of the herders' camps in four districts\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        [
            "Support to the ministry on the wells of the upper valley.",
            "Feasibility study for an irrigation scheme.",
            "Situation analysis of the herders' camps in four districts",
        ]
    );
    assert_eq!(dates(&listing), all_dated(["2017-2018", "2016", "2012"]));
    let client = listing.projects[2]
        .field("Client")
        .map(|f| f.value.clean().into_owned());
    assert_eq!(client.as_deref(), Some("Valley Trust"));
    // A line of a place and its year under a marked headline is that
    // record's subheading; a dateline is no client.
    let cards = "Projects\n\n\
        ### Girls' tech camp\n\nValley — 2015\n\nA camp where girls learn to build websites.\n\n\
        ### Clinic on wheels\n\nLake — 2014\n\nTwo clinics visit the herders' camps.\n\n\
        ### Seed bank\n\nHarbour — 2013\n\nA bank that lends seed to families who return.\n";
    assert_eq!(
        titles(&parse(cards)),
        ["Girls' tech camp", "Clinic on wheels", "Seed bank"]
    );
}

#[test]
fn paragraphs_named_as_projects_and_items_of_an_enumeration_are_records() {
    // `Project X:` names its record; no dates needed.
    let named = "Our work in January\n\nDuring our stay we were able to advance the following projects.\n\
        Project WELLS: We spent a week in the upper valley, where we set up two pumps with the villages.\n\
        Project SCHOOL: With a pupil of sixteen we visited the academy of the district and paid her fees.\n\
        Project CLINIC: Thanks to a gift of the town hospital we brought medicine to the clinic on the lake.\n";
    assert_eq!(
        titles(&parse(named)),
        ["Project WELLS", "Project SCHOOL", "Project CLINIC"]
    );
    // Items of an enumeration the lead-in's colon opens, each closed by a
    // semicolon, the last by a stop.
    let enumerated = "The projects approved in 2011 are:\n\
        Rainwater tanks for village schools, in the upper valley;\n\
        Mobile clinics for herders, on the lake shore;\n\
        Seed bank for returnees, in the harbour district.\n";
    assert_eq!(
        parse(enumerated).projects.len(),
        3,
        "{:?}",
        titles(&parse(enumerated))
    );
}

#[test]
fn a_headline_printed_twice_in_a_row_is_one_record() {
    let text = "09/2017 Rainwater tanks for village schools\n09/2017 Rainwater tanks for village schools\n\
        The tanks were built with the parents of the pupils.\n\n\
        08/2017 Mobile clinics for herders\n08/2017 Mobile clinics for herders\n\
        Two clinics visit the camps each month.\n\n\
        07/2017 Seed bank for returnees\n07/2017 Seed bank for returnees\n\
        The bank lends seed to families who return.\n";
    let listing = parse(text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["09/2017", "08/2017", "07/2017"])
    );
}

#[test]
fn a_listing_where_no_rule_finds_a_record_has_its_list_for_records() {
    let text = "News from the valley\n\n\
        This spring the trust chose the work it will pay for in the coming year. The board met in March.\n\n\
        • Rainwater tanks for village schools. Nine schools will keep the rain of the wet season for the dry one.\n\
        • Mobile clinics for herders. Two trucks will visit the camps every month.\n\
        • Seed bank for returnees. Families borrow seed at planting and pay it back after the harvest.\n\n\
        We thank every donor for their help.\n";
    let listing = parse(text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert!(listing.projects[1]
        .description_text()
        .starts_with("Two trucks will visit"));
    assert!(
        !listing
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("no projects found")),
        "{:?}",
        listing.diagnostics
    );
}

#[test]
fn paragraphs_naming_their_projects_in_quotes_are_the_records_where_nothing_else_is() {
    let text = "News from the council\n\n\
        The research council and the aid agency fund three-year projects.\n\n\
        Anna Berg, Institute of Water, receives 5 640 000 crowns for the project ”Rainwater tanks for village schools”. The partner country is Kenya.\n\n\
        Erik Lund, Centre for Health, receives 5 629 230 crowns for the project ”Mobile clinics for herders”. The partner country is Tanzania.\n\n\
        Maria Sol, Centre for Farming, receives 5 483 982 crowns for the project ”Seed bank for returnees”. The partner country is Uganda.\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        [
            "”Rainwater tanks for village schools”",
            "”Mobile clinics for herders”",
            "”Seed bank for returnees”",
        ]
    );
    assert!(listing.projects[2]
        .description_text()
        .starts_with("Maria Sol, Centre for Farming"));
}

#[test]
fn a_timeline_of_dated_paragraphs_is_the_records_where_nothing_else_is() {
    let text = "Our story\n\n\
        The association was founded by teachers who wanted every child of the valley to learn.\n\n\
        In 2003 the association built rainwater tanks for three village schools. The villagers dug the pits themselves.\n\n\
        In 2007 two mobile clinics began to visit the herders' camps. A nurse and a midwife travel with each.\n\n\
        Since 2012 a seed bank has lent seed to returning families. They pay it back after the harvest.\n";
    let listing = parse(text);
    assert_eq!(
        titles(&listing),
        [
            "In 2003 the association built rainwater tanks for three village schools",
            "In 2007 two mobile clinics began to visit the herders' camps",
            "Since 2012 a seed bank has lent seed to returning families",
        ]
    );
    assert!(listing.projects[0]
        .description_text()
        .starts_with("The villagers dug"));
}

#[test]
fn dates_over_headlines_over_text_open_their_records_though_every_line_stands_apart() {
    let text = "Our work\n\n\
        Water\n\nJune 2021\n\nRainwater tanks for village schools\n\nNine schools keep the rain of the wet season for the dry one.\n\n\
        Health\n\nMarch 2019\n\nMobile clinics for herders\n\nTwo trucks visit the camps every month.\n\n\
        Farming\n\nMay 2017\n\nSeed bank for returnees\n\nFamilies borrow seed and pay it back after the harvest.\n";
    let listing = parse(text);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["June 2021", "March 2019", "May 2017"])
    );
}

#[test]
fn a_headline_over_a_block_of_fields_whose_last_gives_the_dates_titles_its_record() {
    let listing = parse(
        "Grants in the hills\n\n\
         Rainwater tanks for village schools\n\n\
         Group: Hill Farmers Union\nVillage: Upper Dala, the north\nPeriod: 2018 – 2019\n\
         The union builds tanks beside four schools so that pupils need not fetch water.\n\n\
         Mobile clinics for herders\n\n\
         Group: Herders' Circle\nVillage: Lower Dala\nPeriod: 2019-2020\n\
         Nurses travel with the herds and see the children twice a season.\n\n\
         Seed bank for returnees\n\n\
         Group: Returnees' Cooperative\nVillage: Dala town\nPeriod: 2020-2021\n\
         Families back from the cities keep seed for the next season.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["2018 – 2019", "2019-2020", "2020-2021"])
    );
}

#[test]
fn a_date_over_its_records_fields_opens_the_headline_below_though_it_runs_on_from_the_text_above() {
    let listing = parse(
        "Notices\n\n\
         12 March 2021\nDistrict: Upper Dala\nDonor: Water Trust\n\n\
         Rainwater tanks for village schools\n\n\
         The tanks are built beside four schools; parents are asked to a meeting in May.\n\
         2 February 2021\nDistrict: Lower Dala\nDonor: Health Fund\n\n\
         Mobile clinics for herders\n\n\
         Nurses travel with the herds; the plan is open for comments until April.\n\
         15 January 2021\nDistrict: Dala town\nDonor: Seed Alliance\n\n\
         Seed bank for returnees\n\n\
         Families back from the cities keep seed for the next season.\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["12 March 2021", "2 February 2021", "15 January 2021"])
    );
    assert_eq!(
        fields_of(&listing, "District"),
        [
            Some("Upper Dala".into()),
            Some("Lower Dala".into()),
            Some("Dala town".into())
        ]
    );
}

#[test]
fn items_numbered_in_sequence_each_over_its_text_are_records_all() {
    let listing = parse(
        "Grants 2019\n\nThe board supported the following projects this year:\n\n\
         1. Clean Wells. Malawi\n\n\
         Drilling of two wells beside the school. Read more at www.example.org\n\n\
         2. Teachers' Fund, Kenya\n\n\
         A revolving fund for the loans of forty teachers. Read more at www.example.net\n\n\
         3. River Clinic, Uganda\n\n\
         A boat that takes a clinic to the islands of the lake, with nurses for the year. \
         www.example.com/river/\n\n\
         4. Seeds, Zambia\n\n\
         A partnership of churches",
    );
    assert_eq!(
        titles(&listing),
        [
            "Clean Wells. Malawi",
            "Teachers' Fund, Kenya",
            "River Clinic, Uganda",
            "Seeds, Zambia"
        ]
    );
}

#[test]
fn headlines_each_over_a_short_line_of_their_place_are_records() {
    let expected = [
        "Water supply for the towns of the north (Year 2)",
        "Training of district health officers",
        "Study on rural roads and their upkeep",
    ];
    for text in [
        "Our assignments\n\nWater supply for the towns of the north (Year 2)\n\nNepal\n\n\
         Training of district health officers\n\nIndonesia\n\n\
         Study on rural roads and their upkeep\n\nTanzania\n",
        "Our assignments\n\nWater supply for the towns of the north (Year 2)\nNepal\n\n\
         Training of district health officers\n--\n\n\
         Study on rural roads and their upkeep\nTanzania\n",
    ] {
        let listing = parse(text);
        assert_eq!(titles(&listing), expected);
        let places: Vec<String> = listing
            .projects
            .iter()
            .map(|p| p.description_text())
            .collect();
        assert_eq!(places[0], "Nepal");
        assert_eq!(places[2], "Tanzania");
    }
    // Dated records are read by their dates: the short line under each
    // is its text, not a sign of this layout.
    let listing = parse(
        "Projects\n\nWater supply for the towns of the north\n2019-2021\nNepal\n\n\
         Training of district health officers\n2020-2022\nIndonesia\n\n\
         Study on rural roads and their upkeep\n2021-2023\nTanzania\n",
    );
    assert_eq!(titles(&listing).len(), 3);
}

#[test]
fn words_announcing_a_headlines_date_are_not_its_title() {
    let listing = parse(
        "Linked articles\n\
         Rainwater tanks for village schools on date 16 November 2020\n\
         Mobile clinics for herders on date 11 August 2020\n\
         Seed bank for returnees on date 6 July 2020\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        all_dated(["16 November 2020", "11 August 2020", "6 July 2020"])
    );
    // `on` alone announces the date as well.
    let listing = parse(
        "News\n\
         Launch of the Clean Water Project on 12 May 2020\n\
         Opening of the Dala clinic on 3 June 2020\n\
         Harvest fair for returnees on 9 July 2020\n",
    );
    assert_eq!(titles(&listing)[0], "Launch of the Clean Water Project");
}

#[test]
fn a_list_that_opens_a_listing_where_nothing_else_is_read_is_its_records() {
    let listing = parse(
        "A) The Hill Farmers Union asks for money to buy tanks for four village schools.\n\
         B) Three clinics of the dry plains plan to send nurses with the herds for six months.\n\
         C) The returnees' cooperative keeps seed for the families back from the cities.\n",
    );
    assert_eq!(listing.projects.len(), 3);
    assert_eq!(
        titles(&listing)[0],
        "The Hill Farmers Union asks for money to buy tanks for four village schools."
    );
}

#[test]
fn a_timeline_of_gifts_by_month_is_dated_by_its_months_and_keeps_its_undated_steps() {
    let listing = parse(
        "Gifts in 2019\n\n\
         February 2019 – the trustees gave £900 to the Hill Farmers Union for tanks in four schools.\n\n\
         April 2019 – £400 went to the herders' clinics for a second nurse.\n\n\
         £250 was also given to the Dala school for its latrines.\n\n\
         June 2019 – the trustees gave £600 to the returnees' cooperative for its seed bank.\n\n\
         August 2019 – £300 went to the women's savings groups of the valley.\n\n\
         Write to the secretary if your group would like to apply.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "the trustees gave £900 to the Hill Farmers Union for tanks in four schools.",
            "£400 went to the herders' clinics for a second nurse.",
            "£250 was also given to the Dala school for its latrines.",
            "the trustees gave £600 to the returnees' cooperative for its seed bank.",
            "£300 went to the women's savings groups of the valley.",
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("February 2019".into()),
            Some("April 2019".into()),
            None,
            Some("June 2019".into()),
            Some("August 2019".into()),
        ]
    );
}

#[test]
fn a_clause_naming_who_pays_after_a_titles_comma_is_its_funder_field() {
    let listing = parse(
        "Ongoing projects\n\n\
         1. Rainwater tanks for village schools; Funded by the Water Trust.\n   2019 – 2021\n\n\
         2. Mobile clinics for herders, financé par la Fondation Santé\n   2018 – 2020\n\n\
         3. Seed bank for returnees\n   2020 – 2022\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        fields_of(&listing, "Funded by")[0].as_deref(),
        Some("the Water Trust.")
    );
    assert_eq!(
        fields_of(&listing, "financé par")[1].as_deref(),
        Some("la Fondation Santé")
    );
    // Words that merely end on a word of money, no funder's label the
    // vocabulary lists, are the title's.
    let listing = parse(
        "Projets\n\n1. Jardins maraîchers ; soutien au financement d'une pompe\n   2019 – 2021\n\n\
         2. Cliniques mobiles pour les éleveurs\n   2018 – 2020\n",
    );
    assert_eq!(
        titles(&listing)[0],
        "Jardins maraîchers ; soutien au financement d'une pompe"
    );
}

#[test]
fn a_teaser_the_page_cut_off_is_no_headline_however_it_ends() {
    let listing = parse(
        "What we built\n\
         Our projects in the valley\n\
         Rainwater tanks for village schools\n\
         Upper Dala - For the union, building tanks beside the schools meant that the pupils no longer walked to the river, \
         and the teachers could keep the classrooms clean through the whole of the dry season, which...\n\
         Mobile clinics for herders\n\
         Lower Dala - The herders' camps move with the rains; a clinic on wheels follows them, and the nurses \
         see every child twice a season, weighing them and giving the vaccines that the district...\n\
         Seed bank for returnees\n\
         Dala town - Families who come back from the cities find seed for their first harvest, lent by the \
         cooperative and paid back in kind after the harvest, so that the bank grows with the...\n",
    );
    assert_eq!(titles(&listing), THREE_RECORDS);
}

#[test]
fn a_list_under_the_listings_heading_reads_alike_however_it_is_cut() {
    // The list reaches past any piece of a few bytes: read in pieces, its
    // heading is seen with its items all the same, and the lines above it
    // (a list of criteria, a link to this year's project) are no records.
    let lines = [
        "Projects",
        "========",
        "",
        "The money our winter market raises goes to groups and people who look after children in hard times.",
        "",
        "We check every request with care. We support projects that",
        "",
        "- show a real need for money",
        "- keep open accounts",
        "- help children or young people directly",
        "",
        "The board decides at its yearly meeting. We prefer projects we know in person.",
        "Those who asked hear from us in the days after the meeting.",
        "",
        "Here is the link to the project we chose this year",
        "[Project 2024](http://example.org).",
        "",
        "### Projects we supported so far:",
        "",
        "- [Summer camp 2014](http://example.org/camp)",
        "  The youth groups are the roots of our club. Many of our members led",
        "  these groups, so we helped their summer camp.",
        "",
        "- [School in Lahore](http://example.org/school)",
        "  The school teaches children of poor families",
        "  whatever their faith. It opened in 1999.",
        "",
        "- [Help for children in Hue](http://example.org/hue)",
        "  A woman from our town finds sponsors for the",
        "  schooling of children from families in need.",
        "",
        "- [Youth land](http://example.org/land)",
        "  A place where children can play without",
        "  pressure. It is open every day.",
        "",
        "- Moldova",
        "  The proceeds of 2008 went to a group that helps",
        "  children and families in Moldova.",
        "",
        "- [Children's home on the hill](http://example.org/home)",
        "  The home cares for children in hard situations. Mothers can live there too.",
    ];
    let listing = parse(&(lines.join("\n") + "\n"));
    assert_eq!(
        titles(&listing),
        [
            "Summer camp 2014",
            "School in Lahore",
            "Help for children in Hue",
            "Youth land",
            "Moldova",
            "Children's home on the hill"
        ]
    );
}

#[test]
fn an_item_announcing_its_parts_is_a_record_however_the_listing_is_cut() {
    let listing = parse(
        "What we did\n\n\
         The villagers choose the projects with our partner association.\n\n\
         Projects carried out from 2005 to 2015:\n\n\
         - Mosquito nets for every pupil in 2006.\n\
         - A shirt for every schoolchild\n\
         - Canteen: kitchen, chicken run and school garden\n\
         - Mango trees planted in front of the school.\n\n\
         Since 2015:\n\n\
         - Help with school fees for the older pupils\n\
         - Tents for two extra classes\n\
         - Desks and benches for the new building\n\
         - Teaching material bought:\n    \
         - 14 dictionaries\n\t\
         - 6 rulers\n\t\
         - 2 globes\n\
         - Two houses for the teachers\n\
         - Lamps for the health centre.\n",
    );
    assert_eq!(
        titles(&listing)[4..],
        [
            "Help with school fees for the older pupils",
            "Tents for two extra classes",
            "Desks and benches for the new building",
            "Teaching material bought:",
            "Two houses for the teachers",
            "Lamps for the health centre."
        ]
    );
}

#[test]
fn headings_under_the_listings_name_are_records_however_the_listing_is_cut() {
    let listing = parse(
        "# Past Projects Take a look at what we have built!\n\n\
         ### Solar manual, Tanzania\n\n\
         ### Classroom roofs, Tanzania\n\n\
         ### Local outreach, US\n\n\
         ### Solar pump, Tanzania\n\n\
         ### Moringa press, Ghana\n\n\
         ### Plastic bricks, Uganda\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "Solar manual, Tanzania",
            "Classroom roofs, Tanzania",
            "Local outreach, US",
            "Solar pump, Tanzania",
            "Moringa press, Ghana",
            "Plastic bricks, Uganda"
        ]
    );
}

#[test]
fn fields_printed_alike_read_as_fields_however_the_listing_is_cut() {
    // Each card's facts are list items set apart by blank lines; the
    // vocabulary lists only the last labels, whose fields make the others
    // fields too, from the bottom of the run up.
    let card = |name: &str, partner: &str| {
        format!(
            "### {name}\n\n• Stations: 40\n\n• Crops: maize\n\n• Farmers: 900\n\n• Women: 60%\n\n\
             • Partners: {partner}\n\n• Budget: $90,000\n\n• Duration: 6 months\n\n"
        )
    };
    let text = [
        card("Weather stations, Kano", "Agro Union"),
        card("Weather stations, Kaduna", "Seed Trust"),
        card("Weather stations, Jos", "Farm Aid"),
    ]
    .concat();
    let listing = parse(&text);
    assert_eq!(
        titles(&listing),
        [
            "Weather stations, Kano",
            "Weather stations, Kaduna",
            "Weather stations, Jos"
        ]
    );
    for project in &listing.projects {
        let labels: Vec<&str> = project.fields.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["Partners", "Budget", "Duration"]);
        let facts: Vec<String> = project
            .description
            .iter()
            .map(|t| t.clean().into_owned())
            .collect();
        assert_eq!(
            facts,
            [
                "• Stations: 40",
                "• Crops: maize",
                "• Farmers: 900",
                "• Women: 60%"
            ]
        );
    }
}

#[test]
fn a_list_under_the_listings_heading_is_found_however_far_down_it_stands() {
    // A menu of fifty countries, one a paragraph, stands above the list
    // of sentences, which only its heading makes records: a heading is
    // looked for wherever it stands, whatever the pieces.
    let countries = [
        "Angola",
        "Benin",
        "Botswana",
        "Burundi",
        "Chad",
        "Comoros",
        "Djibouti",
        "Eritrea",
        "Gabon",
        "Gambia",
        "Ghana",
        "Guinea",
        "Kenya",
        "Lesotho",
        "Liberia",
        "Malawi",
        "Mali",
        "Mauritania",
        "Mozambique",
        "Namibia",
        "Niger",
        "Nigeria",
        "Rwanda",
        "Senegal",
        "Seychelles",
        "Somalia",
        "Sudan",
        "Tanzania",
        "Togo",
        "Uganda",
        "Zambia",
        "Zimbabwe",
        "Cameroon",
        "Congo",
        "Ethiopia",
        "Madagascar",
        "Mauritius",
        "Eswatini",
        "Cabo Verde",
        "Sierra Leone",
        "South Africa",
        "South Sudan",
        "Burkina Faso",
        "Ivory Coast",
        "Equatorial Guinea",
        "Guinea Bissau",
        "Central African Republic",
        "Sao Tome",
    ];
    let text = format!(
        "West Africa\n\nResearch focus\n\nFor forty years we have funded researchers who work with communities \
         on health, farming and justice across the region, and with governments on the policies that follow.\n\
         \n{}\n\nProjects in Benin\n\n\
         - Solar power for the shops of rural women was installed in three villages.\n\
         - The science granting councils of the region now meet every year.\n\
         - Women lead the climate action of their districts.\n\
         - A study asks why families buy fortified flour, and why not.\n",
        countries.join("\n\n")
    );
    let listing = parse(&text);
    assert_eq!(
        titles(&listing),
        [
            "Solar power for the shops of rural women was installed in three villages.",
            "The science granting councils of the region now meet every year.",
            "Women lead the climate action of their districts.",
            "A study asks why families buy fortified flour, and why not."
        ]
    );
}

#[test]
fn dates_in_brackets_after_a_quoted_name_are_its_records_dates() {
    let listing = parse(
        "Studies\n\n\
         “Water use in the delta” (01/03/2014-30/09/2014) for the Delta Board.\n\
         “Markets for small farmers” (2015 - 2016) for the Farm Union.\n\
         “Clean stoves for women” in 2012 for the Stove Fund.\n",
    );
    assert_eq!(
        titles(&listing),
        [
            "“Water use in the delta”",
            "“Markets for small farmers”",
            "“Clean stoves for women”"
        ]
    );
    // A year in the sentence after the name is the prose's, not a date
    // line's.
    assert_eq!(
        dates(&listing),
        [
            Some("01/03/2014-30/09/2014".to_string()),
            Some("2015 - 2016".to_string()),
            None
        ]
    );
}

#[test]
fn a_place_and_its_year_after_a_dash_under_a_headline_date_the_record() {
    let listing = parse(
        "Volunteer projects\n\n\
         Phrasebook app\nZambia — 2013\nVolunteers built an app for seven languages.\n\n\
         Exam camp\nMalawi – 2015, 2016\nA week of lessons before the national exam.\n\n\
         Girls in technology\nRwanda — 2015\nA camp for girls who want to code.\n",
    );
    assert_eq!(
        titles(&listing),
        ["Phrasebook app", "Exam camp", "Girls in technology"]
    );
    assert_eq!(dates(&listing), all_dated(["2013", "2015", "2015"]));
    let places: Vec<Vec<String>> = listing
        .projects
        .iter()
        .map(|p| {
            p.fields
                .iter()
                .filter(|f| f.label == "Location")
                .map(|f| f.value.clean().into_owned())
                .collect()
        })
        .collect();
    // The years after the first are no place.
    assert_eq!(places, [["Zambia"], ["Malawi"], ["Rwanda"]]);
}

#[test]
fn a_line_after_a_list_heads_a_record_however_the_listing_is_cut() {
    // Lines the pieces property drew (`roundtrip.rs`). Where a cut falls
    // between a list's items and the line after them, the learnt length
    // of a record's head must not change: that line is told from one
    // more item by the two items above it.
    let listing = parse(
        "Date modified: 2024-02-14\n\n\
         License\nCompleted projects\nCountry:\n• Zambia\nKAMPALA, Uganda — 3 March 2024\n• Zambia\n\n\
         Project title\nparticipating-org: Funding - Irish Aid\n",
    );
    // Whole, and so in every piece, the first head is a heading over its
    // headline, each ignored as no project's.
    assert!(listing.projects.is_empty());
    assert!(listing
        .diagnostics
        .iter()
        .any(|d| d.message.starts_with("ignored `Completed projects`")));
}
