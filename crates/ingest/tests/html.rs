//! Saved web pages: each structure a page lists projects with, the
//! encodings it may be in, and markup that tries to break the reading.
//! Every page here was written for these tests.

use devcoop_ingest::{parse_listing, Listing, RawProject, SourceProblem};
use proptest::prelude::*;
use std::time::{Duration, Instant};

fn read(html: &str) -> Listing {
    parse_listing("page.html", html.as_bytes()).expect("a page")
}

fn titles(listing: &Listing) -> Vec<String> {
    listing
        .projects
        .iter()
        .map(RawProject::title_text)
        .collect()
}

/// The titles of the three-record pages written for one structure each.
const THREE_RECORDS: [&str; 3] = [
    "Rainwater tanks for village schools",
    "Mobile clinics for herders",
    "Seed bank for returnees",
];

fn dates(listing: &Listing) -> Vec<Option<String>> {
    listing.projects.iter().map(RawProject::date_text).collect()
}

/// Every span of every project lies in the file, and a segment with no
/// map is exactly its bytes.
fn spans_hold(bytes: &[u8], listing: &Listing) {
    for project in &listing.projects {
        assert!(project.span.start <= project.span.end && project.span.end <= bytes.len());
        let texts = std::iter::once(&project.title)
            .chain(project.kicker.iter())
            .chain(project.date.iter().map(|d| &d.text))
            .chain(project.fields.iter().map(|f| &f.value))
            .chain(project.description.iter());
        for segment in texts.flat_map(|t| &t.segments) {
            let span = segment.span;
            assert!(
                span.start <= span.end && span.end <= bytes.len(),
                "{segment:?}"
            );
            if segment.map.is_empty() {
                assert_eq!(&bytes[span.start..span.end], segment.text.as_bytes());
            }
        }
    }
}

const HEADINGS_AND_ITEMS: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><title>Our work</title></head>
<body>
<h1>Programmes of the Lakeside Fund</h1>
<h2>2015</h2>
<ul>
  <li id="wells"><strong>Clean wells for river towns</strong><br>1 March 2015 - 28 February 2017<br>
  The network repairs wells in twelve towns of Ghana.</li>
  <li id="boats"><strong>Safer boats for lake fishers</strong><br>1 May 2015 - 30 April 2016<br>
  Fishers in Malawi learn to repair their boats.</li>
</ul>
<h2>Completed projects</h2>
<ul>
  <li><strong>Evening classes for dock workers</strong><br>1 June 2012 - 31 May 2014<br>
  Dock workers in Kenya follow evening classes.</li>
</ul>
</body></html>
"#;

#[test]
fn cards_of_marked_labels_over_values_are_records_of_fields() {
    // Each card prints its facts as an `<h5>` label over a `<p>` value;
    // `Intervention`, a label of the page's own, names the titles.
    let card = |sponsor: &str, title: &str, dates: &str| {
        format!(
            "<div class=\"item\"><h5>Sponsor</h5><p>{sponsor}</p><h5>Region</h5><p>Gulu</p>\
             <h5>Intervention</h5><p>{title}</p><h5>Contact</h5><p>office@example.org</p>\
             <h5>Dates</h5><p>{dates}</p></div>"
        )
    };
    let html = format!(
        "<html><body><h2>Our projects</h2>{}{}{}</body></html>",
        card("Lakeside Fund", THREE_RECORDS[0], "March-May, 2014"),
        card("Hill Trust", THREE_RECORDS[1], "June 2015 - May 2016"),
        card("Open Fields", THREE_RECORDS[2], "2017"),
    );
    let listing = read(&html);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        [
            Some("March-May, 2014".to_string()),
            Some("June 2015 - May 2016".to_string()),
            Some("2017".to_string())
        ]
    );
    let sponsors: Vec<Option<String>> = listing
        .projects
        .iter()
        .map(|p| p.field("Sponsor").map(|f| f.value.clean().into_owned()))
        .collect();
    assert_eq!(
        sponsors,
        [
            Some("Lakeside Fund".to_string()),
            Some("Hill Trust".to_string()),
            Some("Open Fields".to_string())
        ]
    );
    for piece_bytes in [1, 16, 64] {
        let pieces =
            devcoop_ingest::parse_listing_in_pieces("page.html", html.as_bytes(), piece_bytes)
                .expect("a page");
        assert_eq!(
            pieces.projects, listing.projects,
            "pieces of {piece_bytes} bytes"
        );
    }
}

#[test]
fn list_items_with_line_breaks_are_projects_under_their_headings() {
    let listing = read(HEADINGS_AND_ITEMS);
    assert_eq!(
        titles(&listing),
        [
            "Clean wells for river towns",
            "Safer boats for lake fishers",
            "Evening classes for dock workers"
        ]
    );
    let sections: Vec<_> = listing
        .projects
        .iter()
        .map(|p| p.section.as_deref())
        .collect();
    assert_eq!(
        sections,
        [Some("2015"), Some("2015"), Some("Completed projects")]
    );
    let first = &listing.projects[0];
    assert_eq!(
        first.date_text().as_deref(),
        Some("1 March 2015 - 28 February 2017")
    );
    assert_eq!(first.anchor.as_deref(), Some("wells"));
    assert_eq!(listing.projects[2].anchor, None);
    // The title's span is its text in the page, its line the page's.
    let span = first.title.span().unwrap();
    assert_eq!(
        &HEADINGS_AND_ITEMS[span.start..span.end],
        "Clean wells for river towns"
    );
    assert_eq!(first.title.segments[0].line, 7);
    spans_hold(HEADINGS_AND_ITEMS.as_bytes(), &listing);
}

#[test]
fn headings_and_paragraphs_with_a_year_heading_kept_as_section() {
    let html = "<h1>Projects</h1>\n<h2>2007</h2>\n\
        <h3>Training for harbour pilots</h3><p>1 June 2007 - 30 June 2009</p>\
        <p>Pilots in Ghana are trained.</p>\
        <h3>Radio for coastal villages</h3><p>1 July 2007 - 31 December 2008</p>\
        <p>Villages in Togo get radios.</p>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        ["Training for harbour pilots", "Radio for coastal villages"]
    );
    for project in &listing.projects {
        assert_eq!(project.section.as_deref(), Some("2007"));
        assert!(project.date.is_some());
    }
    assert_eq!(listing.page_title.as_deref(), Some("Projects"));
}

#[test]
fn table_rows_are_read_as_rows_under_their_header() {
    let html = "<table>\
        <tr><th>Code</th><th>Title</th><th>Country</th><th>Start</th><th>End</th></tr>\
        <tr><td>WA-0113</td><td>Coastal fisheries cooperatives</td><td>Ghana</td><td>2018-04-01</td><td>2021-03-31</td></tr>\
        <tr><td>WA-0114</td><td>Market halls for fish traders</td><td>Togo</td><td>2019-01-01</td><td>2020-12-31</td></tr>\
        </table>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        [
            "Coastal fisheries cooperatives",
            "Market halls for fish traders"
        ]
    );
    assert!(listing.projects[0].date.is_some());
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_data_cell_is_one_value_however_its_text_is_broken() {
    // Paragraphs, line breaks and lists inside the cells of a table with a
    // header row: each cell stays one value of its row.
    let html = "<table>\
        <tr><th><p>Title</p></th><th>Country</th><th>Start</th><th>End</th></tr>\
        <tr><td><p>Coastal fisheries cooperatives</p><p>Phase II</p></td><td><ul><li>Ghana</li><li>Togo</li></ul></td>\
        <td><p>2018-04-01</p></td><td>2021-03-31</td></tr>\
        <tr><td>Market halls<br>for fish traders</td><td><p>Benin</p></td><td>2019-01-01</td><td>2020-12-31</td></tr>\
        </table>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        [
            "Coastal fisheries cooperatives Phase II",
            "Market halls for fish traders"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("2018-04-01 – 2021-03-31".into()),
            Some("2019-01-01 – 2020-12-31".into())
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_layout_table_without_header_cells_keeps_its_lines() {
    // A page laid out in a table: the listing in one cell is still lines.
    let html = "<table><tr><td><p>Menu</p></td><td>\
        <h3>Clean wells for river villages</h3><p>2019 – 2022</p><p>Wells in lakeside villages.</p>\
        <h3>Boat ambulances</h3><p>2020 – 2021</p><p>Boats carry patients to the clinic.</p>\
        </td></tr></table>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        ["Clean wells for river villages", "Boat ambulances"]
    );
}

#[test]
fn a_list_of_facts_under_each_heading_is_one_project() {
    // Each project a heading over a list of its facts: the item with the
    // dates is its date line, not a project.
    let html = "<h2>Projects</h2>\
        <h3>Clean wells for river villages</h3><ul><li>2019–2022</li><li>Wells in lakeside villages.</li></ul>\
        <h3>Boat ambulances</h3><ul><li>2020–2021</li><li>Boats carry patients.</li></ul>\
        <h3>Seed bank for returnees</h3><ul><li>2018–2020</li><li>Farmers borrow seed.</li></ul>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        [
            "Clean wells for river villages",
            "Boat ambulances",
            "Seed bank for returnees"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("2019–2022".into()),
            Some("2020–2021".into()),
            Some("2018–2020".into())
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_cards_facts_list_opening_on_its_place_is_the_headings() {
    // Each card a heading over a list of short facts, the place first: the
    // place is one of the heading's facts, not a project over the dates.
    let html = "<h1>What we fund</h1>\
        <article><span>Water</span><h3>Rain tanks for hill schools</h3>\
        <ul><li>Nepal</li><li>2021 – 2024</li><li>Funded by Norway</li></ul>\
        <a href=\"/tanks\">Learn more</a></article>\
        <article><span>Health</span><h3>Mobile clinics for herders</h3>\
        <ul><li>Central African Republic</li><li>2019 – 2022</li><li>Funded by Sida</li></ul>\
        <a href=\"/clinics\">Learn more</a></article>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        ["Rain tanks for hill schools", "Mobile clinics for herders"]
    );
    assert_eq!(
        dates(&listing),
        [Some("2021 – 2024".into()), Some("2019 – 2022".into())]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_cards_heading_is_its_headline_over_its_tags() {
    // Each card prints its themes over its heading: the heading is the
    // title, the themes are not.
    let html = "<h1>What we fund</h1>\
        <div class=\"card\"><p class=\"tags\">Water / Health</p><h3>Rain tanks for hill schools</h3><p>The project builds tanks in twelve schools of Nepal.</p></div>\
        <div class=\"card\"><p class=\"tags\">Education</p><h3>Night classes for porters</h3><p>Porters in Ghana learn to read their contracts.</p></div>\
        <div class=\"card\"><p class=\"tags\">Health</p><h3>Mobile clinics for herders</h3><p>Clinics travel across Niger with the herds.</p></div>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        [
            "Rain tanks for hill schools",
            "Night classes for porters",
            "Mobile clinics for herders"
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn definition_lists_are_labelled_fields() {
    let html = "<h1>Grants</h1>\
        <h2>Clean wells for river towns</h2>\
        <dl><dt>Donor</dt><dd>Lakeside Fund</dd><dt>Duration:</dt><dd>2019 - 2021</dd>\
        <dt>Description</dt><dd>The network repairs wells in twelve towns.</dd></dl>\
        <h2>Night schools for miners</h2>\
        <dl><dt>Donor</dt><dd>Hill Trust</dd><dt>Duration:</dt><dd>2018 - 2020</dd>\
        <dt>Description</dt><dd>Miners learn to read at night.</dd></dl>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        ["Clean wells for river towns", "Night schools for miners"]
    );
    let first = &listing.projects[0];
    let donor = first.field("Donor").expect("a donor field");
    assert_eq!(donor.value.clean(), "Lakeside Fund");
    let span = donor.value.span().unwrap();
    assert_eq!(&html[span.start..span.end], "Lakeside Fund");
    assert_eq!(first.date_text().as_deref(), Some("2019 - 2021"));
}

#[test]
fn character_references_are_decoded_and_spans_cover_them() {
    let html = "<h1>Projects</h1>\n<ol>\n<li><p>Caf&eacute;s &amp; markets for \
        &ldquo;fair&rdquo; trade</p><p>1&nbsp;June 2007 &ndash; 30&#160;June 2009</p>\
        <p>Women&#x27;s cooperatives in Peru &amp; Bolivia sell coffee.</p></li>\n</ol>";
    let listing = read(html);
    let project = &listing.projects[0];
    assert_eq!(project.title_text(), "Cafés & markets for “fair” trade");
    let span = project.title.span().unwrap();
    assert_eq!(
        &html[span.start..span.end],
        "Caf&eacute;s &amp; markets for &ldquo;fair&rdquo; trade"
    );
    assert!(!project.title.segments[0].map.is_empty());
    // A sentence inside the description finds its own bytes.
    let description = &project.description[0].segments[0];
    let text = &description.text;
    let at = text.find("Peru").unwrap();
    let peru = description.span_of(at, at + 4);
    assert_eq!(&html[peru.start..peru.end], "Peru");
    let amp = text.find('&').unwrap();
    let amp = description.span_of(amp, amp + 1);
    assert_eq!(&html[amp.start..amp.end], "&amp;");
    assert_eq!(project.list_number, Some(1));
    assert!(project.date.is_some(), "{project:?}");
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_windows_1252_page_declared_by_meta_charset_is_decoded() {
    let mut bytes =
        b"<html><head><meta charset=\"windows-1252\"></head><body><h1>Projets</h1><ol>".to_vec();
    bytes
        .extend_from_slice(b"<li><p>Caf\xe9s et march\xe9s \x96 commerce \x93\xe9quitable\x94</p>");
    bytes.extend_from_slice(
        b"<p>1 June 2007 - 30 June 2009</p><p>Des coop\xe9ratives au P\xe9rou.</p></li>",
    );
    bytes.extend_from_slice(b"<li><p>\xc9coles du soir</p><p>1 May 2008 - 30 April 2010</p><p>Des cours au Togo.</p></li></ol>");
    let listing = parse_listing("page.htm", &bytes).expect("a page");
    assert_eq!(
        titles(&listing),
        ["Cafés et marchés – commerce “équitable”", "Écoles du soir"]
    );
    let span = listing.projects[1].title.span().unwrap();
    assert_eq!(&bytes[span.start..span.end], b"\xc9coles du soir");
    spans_hold(&bytes, &listing);
}

#[test]
fn a_page_that_declares_no_encoding_and_is_not_utf8_is_read_as_windows_1252_with_a_warning() {
    let mut bytes = b"<h1>Projets</h1>\n<ol><li><p>Caf\xe9s \x96 march\xe9s</p>".to_vec();
    bytes.extend_from_slice(b"<p>2019 - 2021</p><p>Des coop\xe9ratives.</p></li>");
    bytes.extend_from_slice(b"<li><p>\xc9coles</p><p>2020 - 2022</p><p>Des cours.</p></li></ol>");
    let listing = parse_listing("page.html", &bytes).expect("a page");
    assert_eq!(titles(&listing), ["Cafés – marchés", "Écoles"]);
    let warnings: Vec<String> = listing
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("2:15: the page declares no encoding and is not UTF-8"),
        "{warnings:?}"
    );
    spans_hold(&bytes, &listing);
}

#[test]
fn a_page_declared_latin1_whose_bytes_are_utf8_is_read_as_utf8_with_a_warning() {
    let page = "<meta charset=\"iso-8859-1\">\n<h1>Proyectos</h1>\n<ol><li><p>Título del año</p>\
                <p>2019 - 2021</p><p>Cooperativas.</p></li>\
                <li><p>Escuelas</p><p>2020 - 2022</p><p>Cursos.</p></li></ol>";
    let listing = parse_listing("page.html", page.as_bytes()).expect("a page");
    assert_eq!(titles(&listing), ["Título del año", "Escuelas"]);
    let warnings: Vec<String> = listing
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0]
            .starts_with("3:13: the page declares a one-byte encoding (windows-1252) but is UTF-8"),
        "{warnings:?}"
    );
    spans_hold(page.as_bytes(), &listing);
}

#[test]
fn undecodable_pages_are_refused_with_file_and_line() {
    let err = parse_listing(
        "page.html",
        b"<meta charset=utf-8><p>one</p>\n<p>caf\xe9</p>",
    )
    .unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("page.html", 2));
    assert_eq!(err.problem, SourceProblem::NotUtf8(0xe9));
    let err = parse_listing("page.html", b"<p>x</p>\x00").unwrap_err();
    assert_eq!(err.problem, SourceProblem::Binary(0));
    let err = parse_listing("page.html", b"  \n").unwrap_err();
    assert_eq!(err.problem, SourceProblem::Empty);
}

#[test]
fn furniture_is_not_listing_text() {
    let html = "<header><p>Lakeside Fund</p></header>\
        <nav><ol><li>Home</li><li>Projects</li></ol></nav>\
        <div class=\"cookie-consent\"><p>1. We keep cookies</p><p>1 June 2007 - 30 June 2009</p></div>\
        <div id=breadcrumbs>Home / Projects</div>\
        <div class=\"td-crumb-container\"><p>1. Home crumb</p><p>2012 - 2013</p></div>\
        <script>var x = '<li>1. Hidden</li>';</script><style>p{}</style>\
        <template><p>1. A template</p></template><!-- <p>1. A comment</p> -->\
        <h1>Projects</h1><ol><li><p>Wells in Ghana</p><p>2007 - 2009</p><p>Text.</p></li></ol>\
        <aside><p>1. Related item</p><p>2010 - 2011</p></aside>\
        <section class=\"related\"><h2>Related projects</h2><p>Border Health Project</p><p>2015 - 2017</p></section>\
        <div class=\"share-bar\"><p>1. Share on LinkedIn</p><p>2016 - 2017</p></div>\
        <footer><p>1. Footer item</p><p>2010 - 2011</p></footer>";
    let listing = read(html);
    assert_eq!(titles(&listing), ["Wells in Ghana"]);
}

#[test]
fn an_entrys_own_header_footer_and_aside_are_its_text() {
    // Inside an article a header is the entry's head (its title and
    // dates), a footer and an aside its facts; outside, the page's.
    let html = "<header><p>Friends of the River</p></header><main><h1>Our projects</h1>\
        <article><header><h2>Clean wells for river villages</h2><p>2019–2022</p></header>\
        <p>Wells in lakeside villages.</p><footer>Partner: Lakeside Trust</footer></article>\
        <article><header><h2>Boat ambulances</h2><p>2020–2021</p></header>\
        <p>Boats carry patients to the clinic.</p><aside>Donor: Harbour Fund</aside></article>\
        </main><aside><h3>Related</h3><p>Old bridge repairs</p><p>2001–2003</p></aside>\
        <footer><p>Donor: Valley Foundation</p></footer>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        ["Clean wells for river villages", "Boat ambulances"]
    );
    assert_eq!(
        dates(&listing),
        [Some("2019–2022".into()), Some("2020–2021".into())]
    );
    let fields: Vec<Vec<(String, String)>> = listing
        .projects
        .iter()
        .map(|p| {
            p.fields
                .iter()
                .map(|f| (f.label.clone(), f.value.clean().into_owned()))
                .collect()
        })
        .collect();
    assert_eq!(
        fields,
        [
            vec![("Partner".to_string(), "Lakeside Trust".to_string())],
            vec![("Donor".to_string(), "Harbour Fund".to_string())]
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn hostile_markup_gives_a_result_or_a_message_never_a_panic() {
    // Unclosed tags everywhere; a script inside the title.
    let html = "<html><head><title>Projects <script>alert(1)</script></title>\
        <body><h1>Projects<ol><li><p>Wells in Ghana<p>2007 - 2009<p>The wells\
        <li><p>Boats in Togo<p>2008 - 2010<p>The boats";
    let listing = read(html);
    assert_eq!(titles(&listing), ["Wells in Ghana", "Boats in Togo"]);
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn ten_megabytes_of_nested_divs_are_read_in_bounded_time() {
    let mut html = String::from("<h1>Projects</h1>");
    html.push_str(&"<div>".repeat(2_000_000));
    html.push_str("<p>Wells in Ghana</p><p>2007 - 2009</p><p>Funded by Japan.</p>");
    let started = Instant::now();
    let listing = read(&html);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(titles(&listing), ["Wells in Ghana"]);
}

#[test]
fn a_page_of_five_thousand_projects_is_read_whole() {
    let mut html = String::from("<!doctype html><meta charset=utf-8><h1>Projects</h1>");
    // Ten years of 500: list numbers of four digits read as years.
    for year in 0..10 {
        html.push_str(&format!("<h2>{}</h2><ol>", 2000 + year));
        for n in 1..=500 {
            html.push_str(&format!(
                "<li id=\"p{year}-{n}\"><h3>Project {n} of year {year} &amp; partners</h3>\
                 <p>1 June {y} - 30 June {z}</p><p>Workers in Ghana are trained.</p></li>",
                y = 2000 + year,
                z = 2002 + year
            ));
        }
        html.push_str("</ol>");
    }
    let started = Instant::now();
    let listing = read(&html);
    let elapsed = started.elapsed();
    eprintln!("5,000 projects ({} bytes) in {elapsed:?}", html.len());
    assert_eq!(listing.projects.len(), 5000);
    let last = &listing.projects[4999];
    assert_eq!(last.title_text(), "Project 500 of year 9 & partners");
    assert_eq!(last.section.as_deref(), Some("2009"));
    assert_eq!(last.anchor.as_deref(), Some("p9-500"));
    spans_hold(html.as_bytes(), &listing);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Arbitrary bytes as a page never panic, and every span is in the file.
    #[test]
    fn any_bytes_as_a_page_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(listing) = parse_listing("page.html", &bytes) {
            spans_hold(&bytes, &listing);
        }
    }

    /// Nor do arbitrary arrangements of the tags and text pages use.
    #[test]
    fn any_markup_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("<li>"), Just("</li>"), Just("<ol>"), Just("</ul>"), Just("<p>"), Just("<br>"),
        Just("<h2>"), Just("</h2>"), Just("<td>"), Just("<tr>"), Just("<dt>"), Just("<dd>"),
        Just("<script>"), Just("</script>"), Just("<nav>"), Just("&amp;"), Just("&#0;"),
        Just("&nbsp;"), Just("\r\n"), Just(" "), Just("2007 - 2009"), Just("1. Wells"),
        Just("Donor: Japan"), Just("é"), Just("<div id=a>"), Just("</div>"),
        Just("<div class=\"card\">"), Just("<article>"), Just("</article>"),
        Just("<span>"), Just("</span>"), Just("<span class=\"amount\">$16,000</span>"),
        Just("Jun,"), Just("<h4>Name :</h4>"),
    ], 0..80)) {
        let page: String = parts.concat();
        if let Ok(listing) = parse_listing("page.html", page.as_bytes()) {
            spans_hold(page.as_bytes(), &listing);
        }
    }
}

#[test]
fn an_undated_card_among_dated_ones_is_a_project_of_its_own() {
    let card = |title: &str, dates: &str, text: &str| {
        format!("<div class=\"card\"><h3>{title}</h3>{dates}<p>{text}</p></div>")
    };
    let html = format!(
        "<h1>Projects</h1>{}{}{}{}",
        card(
            "Rainwater Tanks for Schools",
            "<p>2019 – 2021</p>",
            "Tanks are built."
        ),
        card(
            "Mobile Clinics for Herders",
            "",
            "Clinics travel with the herds."
        ),
        card(
            "Seed Bank for Returnees",
            "<p>2018 – 2022</p>",
            "Seeds are kept."
        ),
        card(
            "Wells for Market Towns",
            "<p>2017 – 2020</p>",
            "Wells are dug."
        ),
    );
    let listing = parse_listing("page.html", html.as_bytes()).expect("a page");
    assert_eq!(
        titles(&listing),
        [
            "Rainwater Tanks for Schools",
            "Mobile Clinics for Herders",
            "Seed Bank for Returnees",
            "Wells for Market Towns"
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn headings_broken_or_in_buttons_and_hidden_copies() {
    let html = "<h1>Projects</h1>\
        <div aria-hidden=\"true\"><h3>Wells for Market Towns</h3><p>2017 – 2020</p></div>\
        <div><h3>Rainwater Tanks<br>for Schools</h3><p>2019 – 2021</p><p>Tanks are built.</p></div>\
        <div><h3><button type=\"button\">Mobile Clinics for Herders</button></h3><p>2020 – 2023</p></div>\
        <div><h3>Wells for Market Towns</h3><p>2017 – 2020</p></div>\
        <button>Load more</button>";
    let listing = parse_listing("page.html", html.as_bytes()).expect("a page");
    assert_eq!(
        titles(&listing),
        [
            "Rainwater Tanks for Schools",
            "Mobile Clinics for Herders",
            "Wells for Market Towns"
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_sidebar_pager_filters_and_search_form_are_furniture() {
    let html = "<h1>Projects</h1>\
        <form role=\"search\"><h3>Find a Project by Country</h3><p>2019 – 2024</p><p>Type a name.</p></form>\
        <div class=\"facets\"><h3>Year Filter</h3><ul><li>2020 (0)</li><li>2021 (0)</li></ul></div>\
        <div class=\"search-results\"><div><h3>Rainwater Tanks for Schools</h3><p>2019 – 2021</p><p>Tanks are built.</p></div></div>\
        <div id=\"sidebar\"><h3>Most Read Stories of the Year</h3><p>2018 – 2023</p><p>Our annual report.</p></div>\
        <ul class=\"pagination\"><li>Next: Mobile Clinics for Herders</li></ul>\
        <div class=\"newsletter\"><h3>Sign Up for Our Newsletter</h3><p>2024 – 2025</p></div>";
    let listing = parse_listing("page.html", html.as_bytes()).expect("a page");
    assert_eq!(titles(&listing), ["Rainwater Tanks for Schools"]);
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_filters_labels_and_a_bar_of_tabs_are_furniture() {
    // A filter's labels over its drop-downs, and the bar of a profile's
    // tabs, are no records; a label run into its value (`Start Date:Feb 1,
    // 2016`, as markup prints `<b>Start Date:</b>Feb 1, 2016`) is a field.
    let html = "<h1>Lakeside Consult</h1>\
        <ul class=\"profile-tabs\"><li><a href=\"/o\">Overview</a></li><li><a href=\"/a\">Awards (12)</a></li><li><a href=\"/s\">Staff</a></li></ul>\
        <form action=\"/awards\"><div><label for=\"s\">Sector</label><select id=\"s\"><option>All</option></select></div>\
        <div><label for=\"d\">Donor</label><select id=\"d\"><option>All</option></select></div></form>\
        <div class=\"award\"><h2>Review of the Feeder Roads Programme</h2>\
        <div><b>Start Date:</b>Feb 1, 2016</div><div><b>End Date:</b>Jun 30, 2016</div>\
        <div><b>Date posted:</b>Nov 3, 2016</div><p>Roads in Zambia were reviewed.</p></div>\
        <div class=\"award\"><h2>Groundwater Monitoring Support</h2>\
        <div><b>Start Date:</b>Sep 15, 2014</div><div><b>End Date:</b>Mar 31, 2017</div>\
        <div><b>Date posted:</b>May 2, 2017</div><p>Wells in Jordan were measured.</p></div>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        [
            "Review of the Feeder Roads Programme",
            "Groundwater Monitoring Support"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("Feb 1, 2016 – Jun 30, 2016".into()),
            Some("Sep 15, 2014 – Mar 31, 2017".into())
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_pages_banner_and_footer_written_as_divs_are_furniture() {
    // Banners and footers as pages wrote them before `<header>` and
    // `<footer>`; a card's own footer is the card's.
    let html = "<div id=\"header\"><ul id=\"gnb\"><li>About us</li><li>Regions</li></ul></div>\
        <div class=\"campus-global-header\"><p>University home</p></div>\
        <div class=\"td-crumb-container\"><span>Home</span> › <span>Rain tanks for hill schools</span></div>\
        <h2>Rain tanks for hill schools</h2><p>2019 – 2022</p><p>Tanks are built in Nepal.</p>\
        <div class=\"card\"><h2>Mobile clinics for herders</h2><p>2020 – 2023</p>\
        <div class=\"card-footer\">Funded by Sida</div></div>\
        <div id=\"footer\"><p>Offices in Kenya and Uganda. Supported by the European Union.</p></div>\
        <div class=\"site-footer\"><p>Registered in Switzerland</p></div>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        ["Rain tanks for hill schools", "Mobile clinics for herders"]
    );
    let last = &listing.projects[1];
    let text = format!("{:?}", last.fields) + &last.description_text();
    assert!(text.contains("Funded by Sida"), "{text}");
    assert!(
        !text.contains("Kenya") && !text.contains("Switzerland"),
        "{text}"
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_data_table_inside_a_layout_tables_cell_has_a_row_a_line() {
    let page = r#"<html><body>
<table><tr><td class="menu"><a href="/">Home</a><br><a href="/work">Work</a></td><td>
<h1>Our work</h1>
<table><tr><th>Project name</th><th>Period</th><th>Donor</th></tr>
<tr><td>Clean wells for river towns</td><td>2017-2020</td><td>Norway</td></tr>
<tr><td>Safer boats for lake fishers</td><td>2019-2021</td><td>Sweden</td></tr>
</table>
</td></tr></table>
</body></html>"#;
    let listing = read(page);
    assert_eq!(
        titles(&listing),
        [
            "Clean wells for river towns",
            "Safer boats for lake fishers"
        ]
    );
    assert_eq!(
        dates(&listing),
        [Some("2017-2020".to_string()), Some("2019-2021".to_string())]
    );
    spans_hold(page.as_bytes(), &listing);
}

#[test]
fn a_cell_of_labelled_fields_gives_each_field_to_its_row() {
    let page = r#"<html><body>
<table><tr><th>Project</th><th>Details</th></tr>
<tr><td><b>Clean wells for river towns</b></td><td>Dates: 2017–2020<br>Donor: Norway<br>Country: Ghana</td></tr>
<tr><td><b>Safer boats for lake fishers</b></td><td>Dates: 2019–2021<br>Donor: Sweden<br>Country: Malawi</td></tr>
</table>
</body></html>"#;
    let listing = read(page);
    assert_eq!(
        titles(&listing),
        [
            "Clean wells for river towns",
            "Safer boats for lake fishers"
        ]
    );
    assert_eq!(
        dates(&listing),
        [Some("2017–2020".to_string()), Some("2019–2021".to_string())]
    );
    let fields: Vec<(String, String)> = listing.projects[1]
        .fields
        .iter()
        .map(|f| (f.label.clone(), f.value.clean().into_owned()))
        .collect();
    assert_eq!(
        fields,
        [
            ("Dates".to_string(), "2019–2021".to_string()),
            ("Donor".to_string(), "Sweden".to_string()),
            ("Country".to_string(), "Malawi".to_string())
        ]
    );
    spans_hold(page.as_bytes(), &listing);
}

#[test]
fn a_key_facts_table_of_label_and_value_cells_is_its_records_fields() {
    let page = r#"<html><body><h1>Featured work</h1>
<h2>Clean wells for river towns</h2><p>Wells are repaired in twelve towns.</p>
<h3>Key facts</h3><table><tr><th>Period</th><td>2017–2020</td></tr><tr><th>Donor</th><td>Norway</td></tr></table>
<h2>Safer boats for lake fishers</h2><p>Fishers learn to repair their boats.</p>
<h3>Key facts</h3><table><tr><td>Start</td><td>March 2019</td></tr><tr><td>End</td><td>April 2021</td></tr><tr><td>Donor</td><td>Sweden</td></tr></table>
</body></html>"#;
    let listing = read(page);
    assert_eq!(
        titles(&listing),
        [
            "Clean wells for river towns",
            "Safer boats for lake fishers"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("2017–2020".to_string()),
            Some("March 2019 – April 2021".to_string())
        ]
    );
    let donors: Vec<_> = listing
        .projects
        .iter()
        .map(|p| {
            p.fields
                .iter()
                .find(|f| f.label == "Donor")
                .map(|f| f.value.clean().into_owned())
        })
        .collect();
    assert_eq!(
        donors,
        [Some("Norway".to_string()), Some("Sweden".to_string())]
    );
    spans_hold(page.as_bytes(), &listing);
}

#[test]
fn a_cell_spanning_rows_is_every_rows_value() {
    let page = r#"<html><body><table>
<tr><th>Donor</th><th>Project</th><th>Country</th><th>Period</th></tr>
<tr><th rowspan="2">Norway</th><td>Clean wells for river towns</td><td rowspan="3">Ghana</td><td>2017-2020</td></tr>
<tr><td>Safer boats for lake fishers</td><td>2019-2021</td></tr>
<tr><td>Sweden</td><td>Evening classes for dock workers</td><td>2012-2014</td></tr>
</table></body></html>"#;
    let listing = read(page);
    assert_eq!(
        titles(&listing),
        [
            "Clean wells for river towns",
            "Safer boats for lake fishers",
            "Evening classes for dock workers"
        ]
    );
    let field = |label: &str| -> Vec<Option<String>> {
        listing
            .projects
            .iter()
            .map(|p| {
                p.fields
                    .iter()
                    .find(|f| f.label == label)
                    .map(|f| f.value.clean().into_owned())
            })
            .collect()
    };
    let some = |v: &str| Some(v.to_string());
    assert_eq!(
        field("Donor"),
        [some("Norway"), some("Norway"), some("Sweden")]
    );
    assert_eq!(
        field("Country"),
        [some("Ghana"), some("Ghana"), some("Ghana")]
    );
    assert_eq!(
        dates(&listing),
        [some("2017-2020"), some("2019-2021"), some("2012-2014")]
    );
    // The copied cell's bytes are the spanning cell's.
    let donor = &listing.projects[1].fields[0].value.segments[0];
    assert_eq!(&page[donor.span.start..donor.span.end], "Norway");
    spans_hold(page.as_bytes(), &listing);
}

#[test]
fn an_accordions_toggle_buttons_hold_its_titles() {
    for toggle in [
        r#"data-toggle="collapse""#,
        r#"data-bs-toggle="collapse""#,
        r#"aria-expanded="false""#,
    ] {
        let page = format!(
            r#"<html><body><h1>Programmes</h1><div class="accordion">
<div class="card"><div class="card-header"><button class="btn" {toggle}>Clean wells for river towns</button></div>
<div class="collapse"><p>Timeframe: 2017 – 2020</p><p>Donor: Norway</p></div></div>
<div class="card"><div class="card-header"><button class="btn" {toggle}>Safer boats for lake fishers</button></div>
<div class="collapse"><p>Timeframe: 2019 – 2021</p><p>Donor: Sweden</p></div></div>
</div><button type="submit">Subscribe</button></body></html>"#
        );
        let listing = read(&page);
        assert_eq!(
            titles(&listing),
            [
                "Clean wells for river towns",
                "Safer boats for lake fishers"
            ],
            "{toggle}"
        );
        assert!(!listing.projects[1].description_text().contains("Subscribe"));
        spans_hold(page.as_bytes(), &listing);
    }
}

#[test]
fn closed_panels_of_an_accordion_are_the_entries_text_a_dialog_is_not() {
    let html = "<h1>Our cooperation</h1>\
        <div class=\"accordion\">\
        <h3><button aria-controls=\"p1\" aria-expanded=\"false\">Harbour Safety Training</button></h3>\
        <div id=\"p1\" role=\"region\" aria-labelledby=\"b1\" hidden><p>Courses for pilots.</p>\
        <ul><li>Partner: Port Authority</li><li>Agreement period: 2019–2023</li></ul></div>\
        <h3><button aria-controls=\"p2\" aria-expanded=\"false\">Coastal Radio Network</button></h3>\
        <div id=\"p2\" class=\"accordion-content\" aria-hidden=\"true\"><p>Stations for villages.</p>\
        <ul><li>Partner: Fishers' Union</li><li>Agreement period: 2020–2024</li></ul></div>\
        </div>\
        <div class=\"modal fade\" aria-labelledby=\"m1\" aria-hidden=\"true\">\
        <h3>Harbour Safety Training</h3><p>2019–2023</p><p>Partner: Port Authority</p></div>\
        <div class=\"mobile-nav\" hidden><h3>Latest Vacancies Abroad</h3><p>2021 – 2022</p></div>";
    let listing = parse_listing("page.html", html.as_bytes()).expect("a page");
    assert_eq!(
        titles(&listing),
        ["Harbour Safety Training", "Coastal Radio Network"]
    );
    let dates: Vec<_> = listing.projects.iter().map(|p| p.date_text()).collect();
    assert_eq!(dates, [Some("2019–2023".into()), Some("2020–2024".into())]);
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn the_main_content_inside_a_wrapper_named_for_its_sidebar_is_read() {
    let html = "<header class=\"site-header\"><nav>Home</nav></header>\
        <div class=\"content-sidebar-wrap\"><main class=\"content\"><h1>References</h1>\
        <section><h3>Harbour Safety Training</h3><table>\
        <tr><td>Client</td><td>World Bank</td></tr><tr><td>Period</td><td>2019 – 2023</td></tr>\
        <tr><td>Role</td><td>Team leader</td></tr></table><p>Courses for pilots.</p></section>\
        <section><h3>Coastal Radio Network</h3><table>\
        <tr><td>Client</td><td>European Union</td></tr><tr><td>Period</td><td>2020 – 2024</td></tr>\
        <tr><td>Role</td><td>Radio engineer</td></tr></table><p>Stations for villages.</p></section>\
        </main><aside class=\"sidebar\"><h3>Latest Vacancies Abroad</h3><p>2021 – 2022</p></aside></div>\
        <div class=\"sidebar\" hidden><main><h3>Hidden Copy of the Page</h3><p>2021 – 2022</p></main></div>";
    let listing = parse_listing("page.html", html.as_bytes()).expect("a page");
    assert_eq!(
        titles(&listing),
        ["Harbour Safety Training", "Coastal Radio Network"]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_tables_title_column_named_programme_in_bold_cells() {
    let html = "<h2>Annex: programmes approved</h2><table>\
        <tr><td><b>Country</b></td><td><b>Programme/project</b></td><td><b>Start</b></td><td><b>Completion</b></td></tr>\
        <tr><td>Kenya</td><td>Harbour Safety Training</td><td>2019</td><td>2023</td></tr>\
        <tr><td>Ghana</td><td>Coastal Radio Network</td><td>2020</td><td>2024</td></tr></table>\
        <p>&laquo; Previous | Top | Next &raquo;</p>";
    let listing = parse_listing("page.html", html.as_bytes()).expect("a page");
    assert_eq!(
        titles(&listing),
        ["Harbour Safety Training", "Coastal Radio Network"]
    );
    let dates: Vec<_> = listing.projects.iter().map(|p| p.date_text()).collect();
    assert_eq!(
        dates,
        [Some("2019 – 2023".into()), Some("2020 – 2024".into())]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_definition_lists_fields_stay_with_their_card() {
    // A field the vocabulary lacks among a card's terms is one more of its
    // fields, not the next project's title.
    let html = "<h1>Project browser</h1>\
        <h2>Clean wells for river villages</h2><dl>\
        <dt>Start date</dt><dd>2019-03-01</dd><dt>End date</dt><dd>2022-02-28</dd>\
        <dt>Country</dt><dd>Malawi</dd><dt>Organisme d'exécution</dt><dd>Lakeside Water Trust</dd>\
        <dt>Apport maximal</dt><dd>2 400 000 $</dd></dl>\
        <h2>Boat ambulances</h2><dl>\
        <dt>Start date</dt><dd>2020-01-01</dd><dt>End date</dt><dd>2021-12-31</dd>\
        <dt>Country</dt><dd>Bangladesh</dd><dt>Organisme d'exécution</dt><dd>River Health Network</dd>\
        <dt>Apport maximal</dt><dd>900 000 $</dd></dl>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        ["Clean wells for river villages", "Boat ambulances"]
    );
    let first: Vec<String> = listing.projects[0]
        .description
        .iter()
        .map(|d| d.clean().into_owned())
        .collect();
    assert!(
        first.contains(&"Organisme d'exécution: Lakeside Water Trust".to_string()),
        "{first:?}"
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_cards_heading_in_a_list_is_its_title() {
    // Each card a list item opening on its heading, its facts under it and
    // a line of purpose after them: the heading is the title, not the line
    // above it.
    let html = "<h1>Grants</h1><p>Showing 1–3 of 40 grants · Sort: newest</p><ul>\
        <li><h2><a href='/g/1'>Lakeside Water Trust</a></h2><dl><dt>Amount</dt><dd>$120,000</dd>\
        <dt>Date awarded</dt><dd>20 June 2023</dd><dt>Type of support</dt><dd>Project</dd>\
        <dt>Programme area</dt><dd>Water</dd><dt>Grantee location</dt><dd>Zomba, Malawi</dd></dl>\
        <p>For wells in twelve river villages.</p></li>\
        <li><h2><a href='/g/2'>River Health Network</a></h2><dl><dt>Amount</dt><dd>$90,000</dd>\
        <dt>Date awarded</dt><dd>5 September 2022</dd><dt>Type of support</dt><dd>Core</dd>\
        <dt>Programme area</dt><dd>Health</dd><dt>Grantee location</dt><dd>Sylhet, Bangladesh</dd></dl>\
        <p>For boat ambulances on the haor.</p></li>\
        <li><h2><a href='/g/3'>Seed Savers Cooperative</a></h2><dl><dt>Amount</dt><dd>$60,000</dd>\
        <dt>Date awarded</dt><dd>14 March 2022</dd><dt>Type of support</dt><dd>Project</dd>\
        <dt>Programme area</dt><dd>Food</dd><dt>Grantee location</dt><dd>Gulu, Uganda</dd></dl>\
        <p>For a seed bank for returnees.</p></li></ul>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        [
            "Lakeside Water Trust",
            "River Health Network",
            "Seed Savers Cooperative"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("20 June 2023".into()),
            Some("5 September 2022".into()),
            Some("14 March 2022".into())
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_cards_heading_over_its_tags_and_countries_is_its_title() {
    let html = "<h1>Our work</h1><p>A selection of our projects.</p>\
        <div class='card'><h3><a href='/p/1'>Clean wells for river villages</a></h3>\
        <p class='tags'>#Water #Health</p><p class='countries'>Malawi / Mozambique</p>\
        <p class='period'>March 2019 to February 2022</p><p>Funded by Irish Aid.</p></div>\
        <div class='card'><h3><a href='/p/2'>Boat ambulances on the lake</a></h3>\
        <p class='tags'>#Health</p><p class='countries'>Bangladesh</p>\
        <p class='period'>January 2020 to December 2021</p><p>Funded by Sida.</p></div>";
    let listing = read(html);
    assert_eq!(
        titles(&listing),
        [
            "Clean wells for river villages",
            "Boat ambulances on the lake"
        ]
    );
    assert_eq!(
        dates(&listing),
        [
            Some("March 2019 to February 2022".into()),
            Some("January 2020 to December 2021".into())
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_key_facts_table_ends_on_its_unlisted_rows() {
    // Each activity a title over a table of its facts, the last rows named
    // in words the vocabulary lacks: they are facts, not the next title.
    let activity = |title: &str, start: &str, end: &str| {
        format!(
            "<div class='title'><a href='#'>{title}</a></div><table>\
             <tr><td>Identifier</td><td>XX-1-{start}</td></tr>\
             <tr><td>Start Date</td><td>{start}</td></tr><tr><td>End Date</td><td>{end}</td></tr>\
             <tr><td>Commitment</td><td>€ 1,500,000</td></tr><tr><td>Spend</td><td>€ 1,118,402</td></tr></table>"
        )
    };
    let html = format!(
        "<h1>Malawi</h1><p>Showing 3 of 120 activities</p>{}{}{}",
        activity("Clean wells for river villages", "2019-07-01", "2024-06-30"),
        activity("Boat ambulances on the lake", "2021-01-01", "2023-12-31"),
        activity("Seed bank for returnees", "2020-03-01", "2022-02-28"),
    );
    let listing = read(&html);
    assert_eq!(
        titles(&listing),
        [
            "Clean wells for river villages",
            "Boat ambulances on the lake",
            "Seed bank for returnees"
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_list_item_that_types_its_own_bullet_has_one_bullet() {
    let html = "<html><body><h1>Our projects</h1><h2>Ongoing projects</h2><ul>\
                <li> • Rainwater tanks for village schools</li>\
                <li>• Mobile clinics for herders</li>\
                <li>• Seed bank for returnees</li></ul></body></html>";
    let listing = read(html);
    assert_eq!(titles(&listing), THREE_RECORDS);
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_marked_heading_over_a_list_of_facts_is_the_headline_however_long_the_byline() {
    let card = |title: &str, byline: &str, dates: &str| {
        format!("<article><h2><a>{title}</a></h2><ul><li>{byline}</li><li><time>{dates}</time></li><li>Kenya</li></ul><p>Wells, clinics and seeds.</p></article>")
    };
    let html = "<html><body><h1>Our projects</h1>".to_string()
        + &card("Rainwater tanks for village schools", "Field team with researchers from the Northern School of Public Health (NSPH), Freedonia", "March – June 2019")
        + &card("Mobile clinics for herders", "Research unit", "2020")
        + &card("Seed bank for returnees", "Director", "Jan 2021 - Nov 2021")
        + "</body></html>";
    let listing = read(&html);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        [
            Some("March – June 2019".to_string()),
            Some("2020".to_string()),
            Some("Jan 2021 - Nov 2021".to_string())
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_marked_heading_written_as_a_sentence_over_its_facts_is_the_headline() {
    let entry = |title: &str, client: &str, dates: &str| {
        format!("<h2>{title}.</h2><ul><li>{client}</li><li>{dates}</li></ul>")
    };
    let html = "<html><body><h1>Consultancy</h1>".to_string()
        + &entry(
            THREE_RECORDS[0],
            "Harbour Fund, Freedonia",
            "March 2019 – June 2020",
        )
        + &entry(THREE_RECORDS[1], "Valley Trust", "January 2018 – May 2019")
        + &entry(THREE_RECORDS[2], "Lakeside Foundation", "2017 – 2018")
        + "</body></html>";
    let listing = read(&html);
    let with_stops: Vec<String> = THREE_RECORDS.iter().map(|t| format!("{t}.")).collect();
    assert_eq!(titles(&listing), with_stops);
    assert_eq!(
        dates(&listing),
        [
            Some("March 2019 – June 2020".to_string()),
            Some("January 2018 – May 2019".to_string()),
            Some("2017 – 2018".to_string())
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_page_header_holds_an_entrys_title_a_site_header_is_the_pages() {
    let entry = |title: &str, text: &str| {
        format!("<div class=\"blog-item\"><div class=\"page-header\"><h2><a href=\"/p\">{title}</a></h2></div><p>{text}</p></div>")
    };
    let html = "<html><body><div class=\"site-header\"><p>Institute home</p><p>Contact us</p></div>\
                <div class=\"page-header\"><h1>Projects</h1></div>"
        .to_string()
        + &entry(
            "Rainwater tanks for village schools",
            "The project builds tanks for twelve schools in Malawi.",
        )
        + &entry(
            "Mobile clinics for herders",
            "The project runs two clinics on wheels in northern Kenya.",
        )
        + &entry(
            "Seed bank for returnees",
            "The project keeps seed for families returning to Burundi.",
        )
        + "<div class=\"page-footer\"><p>Copyright the institute</p></div></body></html>";
    let listing = read(&html);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(listing.page_title.as_deref(), Some("Projects"));
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn a_subheading_that_opens_on_dates_dates_the_record_under_its_headline() {
    let entry = |title: &str, dates: &str, text: &str| {
        format!("<h2>{title}</h2><h4>{dates}</h4><p>{text}</p>")
    };
    let html = "<html><body><h1>Projects</h1><p>Some projects I work on or have worked on.</p>"
        .to_string()
        + &entry(
            "Rainwater tanks for village schools",
            "2017-2021: East Africa",
            "The project builds tanks for the schools of the region.",
        )
        + &entry(
            "Mobile clinics for herders",
            "2018-2021: Kenya, Uganda",
            "The project runs two clinics on wheels for the herders.",
        )
        + &entry(
            "Seed bank for returnees",
            "2018-2019: Burundi",
            "The project keeps seed for the families that return.",
        )
        + "</body></html>";
    let listing = read(&html);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        [
            Some("2017-2021: East Africa".to_string()),
            Some("2018-2021: Kenya, Uganda".to_string()),
            Some("2018-2019: Burundi".to_string())
        ]
    );
    spans_hold(html.as_bytes(), &listing);
}

#[test]
fn records_in_a_content_column_named_after_its_sidebar_are_read() {
    let entry = |title: &str, years: &str| {
        format!(
            "<div class=\"acc-item-tab\"><h4 class=\"acc-item-title\">Research Title: {title}</h4>\
             <div class=\"acc-item-content\">Registration: RP/{years}</div>\
             <div class=\"acc-item-content\">Project Duration: {years}</div>\
             <div class=\"acc-item-content\">Researchers: the institute's water unit</div></div>"
        )
    };
    let page = format!(
        "<html><body><header class=\"site-header\"><nav><a href=\"/\">Home</a></nav></header>\
         <div class=\"page-title\">Ongoing research</div>\
         <div class=\"core-sidebar-wrapper\"><div class=\"core-sidebar-container\">\
         <div class=\"core-sidebar-content column-40\">{}{}{}</div>\
         <div class=\"core-sidebar-right\"><p>Latest news</p></div></div></div></body></html>",
        entry(THREE_RECORDS[0], "2018 - 2020"),
        entry(THREE_RECORDS[1], "2019 - 2021"),
        entry(THREE_RECORDS[2], "2020 - 2022"),
    );
    let listing = read(&page);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        ["2018 - 2020", "2019 - 2021", "2020 - 2022"].map(|d| Some(d.to_string()))
    );
    spans_hold(page.as_bytes(), &listing);
}

#[test]
fn a_table_whose_first_row_of_td_cells_names_its_columns() {
    let page = "<html><body><h1>Projects under way</h1><table>\
        <tr><td><p>Project title</p></td><td><p>Funding institution</p></td>\
        <td><p>Start date</p></td><td><p>End date</p></td></tr>\
        <tr><td><p>1. Rainwater tanks for</p><p>village schools</p></td><td><p>Valley Trust</p></td>\
        <td><p>1/3/1999</p></td><td><p>1/3/2001</p></td></tr>\
        <tr><td><p>2. Mobile clinics for herders</p></td><td><p>Lake Council</p></td>\
        <td><p>1/3/1999</p></td><td><p>1/3/2002</p></td></tr>\
        <tr><td><p>3. Seed bank for returnees</p></td><td><p>Harbour Fund</p></td>\
        <td><p>1999</p></td><td><p>2002</p></td></tr></table></body></html>";
    let listing = read(page);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        [
            Some("1/3/1999 – 1/3/2001".to_string()),
            Some("1/3/1999 – 1/3/2002".to_string()),
            Some("1999 – 2002".to_string())
        ]
    );
    let funder = listing.projects[1]
        .field("Funding institution")
        .map(|f| f.value.clean().into_owned());
    assert_eq!(funder.as_deref(), Some("Lake Council"));
    spans_hold(page.as_bytes(), &listing);
}

// Records a page repeats: sibling elements alike, one record each.

const GRID_OF_CAPTIONS: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>Studies</title></head><body>
<h1>Case studies I wrote</h1>
<p>Between 2016 and 2018 I wrote case studies on the water programmes of a network of charities.</p>
<p>Each of them can be read on the network's library.</p>
<div class="study-grid">
  <div class="study"><a href="/a"><img src="a.png" alt="Boreholes"></a><p class="caption">Boreholes managed by village committees in Mali</p></div>
  <div class="study"><a href="/b"><img src="b.png" alt="Tariffs"></a><p class="caption">Fair water tariffs for small towns in Zambia</p></div>
  <div class="study"><a href="/c"><img src="c.png" alt="Schools"></a><p class="caption">Handwashing stations in the schools of Nepal</p></div>
  <div class="study"><a href="/d"><img src="d.png" alt="Repair"></a><p class="caption">A repair network for hand pumps in Malawi</p></div>
</div>
</body></html>
"#;

#[test]
fn a_grid_of_captions_alike_is_the_records_where_the_text_shows_none() {
    let listing = read(GRID_OF_CAPTIONS);
    assert_eq!(
        titles(&listing),
        [
            "Boreholes managed by village committees in Mali",
            "Fair water tariffs for small towns in Zambia",
            "Handwashing stations in the schools of Nepal",
            "A repair network for hand pumps in Malawi",
        ]
    );
    let ordinals: Vec<usize> = listing.projects.iter().map(|p| p.ordinal).collect();
    assert_eq!(ordinals, [1, 2, 3, 4]);
    assert!(
        listing
            .diagnostics
            .iter()
            .all(|d| !d.message.starts_with("no projects found")),
        "{:?}",
        listing.diagnostics
    );
    assert_eq!(listing.projects[1].first_line, 7);
    spans_hold(GRID_OF_CAPTIONS.as_bytes(), &listing);
}

const ITEMS_OF_ONE_TEMPLATE: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>Completed work</title></head><body>
<h2>Completed assignments</h2>
<div class="assignments">
  <div class="flex item"><span class="tick"></span><div>Final evaluation of the dairy cooperatives programme in Rwanda.</div></div>
  <div class="flex item"><span class="tick"></span><div>Mid-term review of the school meals project in Chad.</div></div>
  <div class="flex item"><span class="tick"></span><div>Household survey for the cash transfer pilot in Somalia.</div></div>
  <div class="flex item"><span class="tick"></span><div>Design of a grants manual for a network of women's groups in Kenya.</div></div>
  <div class="flex item"><span class="tick"></span><div>Guidelines for disbursing small grants to youth groups in Mogadishu and Baidoa. The guidelines set out who may apply, how proposals are scored, how money is paid in tranches and how the groups report on what they spent, so that a committee of elders and officials can follow every grant from the call to the last receipt.</div></div>
  <div class="flex item"><span class="tick"></span><div>Baseline study for a resilience project in the Afar region.</div></div>
</div>
</body></html>
"#;

#[test]
fn items_of_one_template_the_text_reading_missed_are_records_too() {
    let listing = read(ITEMS_OF_ONE_TEMPLATE);
    let titles = titles(&listing);
    assert_eq!(titles.len(), 6, "{titles:?}");
    // A paragraph too long for a title is titled by its first sentence.
    assert_eq!(
        titles[4],
        "Guidelines for disbursing small grants to youth groups in Mogadishu and Baidoa."
    );
    assert!(listing.projects[4]
        .description_text()
        .starts_with("The guidelines set out who may apply"));
    assert_eq!(
        titles[5],
        "Baseline study for a resilience project in the Afar region."
    );
    spans_hold(ITEMS_OF_ONE_TEMPLATE.as_bytes(), &listing);
}

const CARDS_WITH_SECTIONS: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>Assignments</title></head><body>
<h1>Our assignments</h1>
<article class="assignment">
  <h2>Ghana - Audit support to the district roads fund</h2>
  <p class="sector">Public finance</p>
  <h2>Overview</h2>
  <p>The fund pays for the upkeep of district roads; the audits check that the money reaches the works, as the African Development Bank asks.</p>
  <h2>Components</h2>
  <p>The work has three parts:</p>
  <ul><li>Road condition surveys in every district</li><li>Audits of the contracts signed since the fund began</li><li>Training of the district engineers</li></ul>
  <h2>Results</h2>
  <ul><li>Audited forty road contracts</li><li>Trained sixty engineers</li></ul>
</article>
<article class="assignment">
  <h2>Togo - Revenue systems for three municipalities</h2>
  <p class="sector">Local government</p>
  <h2>Overview</h2>
  <p>The assignment helps three towns collect market fees and property rates.</p>
  <h2>Tasks</h2>
  <ul><li>Review of the fee registers of each town</li><li>Design of a billing system for property rates</li><li>Coaching of the revenue officers</li></ul>
</article>
<article class="assignment">
  <h2>Benin - Planning support for the port city</h2>
  <p class="sector">Urban planning</p>
  <h2>Overview</h2>
  <p>Support to the city's planning office on its investment plan.</p>
  <h2>Tasks</h2>
  <ul><li>Inventory of the planned investments</li><li>Costing of the priority works</li></ul>
</article>
</body></html>
"#;

#[test]
fn a_card_whose_subheadings_were_read_as_records_is_one_record() {
    let listing = read(CARDS_WITH_SECTIONS);
    assert_eq!(
        titles(&listing),
        [
            "Ghana - Audit support to the district roads fund",
            "Togo - Revenue systems for three municipalities",
            "Benin - Planning support for the port city",
        ]
    );
    let first = listing.projects[0].description_text();
    assert!(first.contains("Components"), "{first}");
    assert!(first.contains("Trained sixty engineers"), "{first}");
    spans_hold(CARDS_WITH_SECTIONS.as_bytes(), &listing);
}

const CARDS_OF_LABELLED_HEADINGS: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>Réalisations</title></head><body>
<h1>Nos réalisations</h1>
<div class="row">
<div class="col card"><h4>Nom du projet :</h4><p>Enquête sur les ménages ruraux</p><h4>Partenaire :</h4><p>Ministère du Plan</p><h4>Description :</h4><p>Une enquête auprès de 3000 ménages de quatre départements.</p></div>
<div class="col card"><h4>Nom du projet :</h4><p>Évaluation du programme de cantines scolaires</p><h4>Partenaire :</h4><p>Programme alimentaire mondial</p><h4>Description :</h4><p>Évaluation finale dans 120 écoles.</p></div>
<div class="col card"><h4>Nom du projet :</h4><p>Étude de base sur l'accès à l'eau</p><h4>Partenaire :</h4><p>Direction de l'eau</p><h4>Description :</h4><p>Étude de base dans douze communes du Sud.</p></div>
<div class="col card"><h4>Nom du projet :</h4><p>Appui aux caisses d'épargne villageoises</p><h4>Partenaire :</h4><p>Banque mondiale</p><h4>Description :</h4><p>Mise en place de caisses d'épargne et formation de leurs comités dans trente villages, avec un suivi mensuel.</p></div>
</div>
</body></html>
"#;

#[test]
fn cards_of_one_template_are_one_record_each() {
    let listing = read(CARDS_OF_LABELLED_HEADINGS);
    let titles = titles(&listing);
    let cards = &titles[titles.len().saturating_sub(4)..];
    assert_eq!(
        cards,
        [
            "Enquête sur les ménages ruraux",
            "Évaluation du programme de cantines scolaires",
            "Étude de base sur l'accès à l'eau",
            "Appui aux caisses d'épargne villageoises",
        ]
    );
    assert!(
        !titles
            .iter()
            .any(|t| t == "Ministère du Plan" || t == "Banque mondiale"),
        "{titles:?}"
    );
    spans_hold(CARDS_OF_LABELLED_HEADINGS.as_bytes(), &listing);
}

const OBJECTIVES_LISTING_PROJECTS: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>Objectives</title></head><body>
<h1>Strategic objectives</h1>
<div class="panels">
<div class="panel"><h4>HEALTHY VILLAGES</h4><p>Objective: better health care in the villages of the valley.</p>
<h5>Projects</h5><ul><li>Mobile clinics for the upper valley</li><li>Training of village health workers</li><li>Clean water for the health posts</li></ul></div>
<div class="panel"><h4>SCHOOLS FOR ALL</h4><p>Objective: every child of the valley at school.</p></div>
<div class="panel"><h4>FAIR MARKETS</h4><p>Objective: better prices for the valley's farmers.</p></div>
</div>
</body></html>
"#;

#[test]
fn a_card_listing_projects_keeps_them_though_its_siblings_are_one_record_each() {
    let listing = read(OBJECTIVES_LISTING_PROJECTS);
    let titles = titles(&listing);
    assert!(
        titles
            .iter()
            .any(|t| t == "Training of village health workers"),
        "{titles:?}"
    );
}

const AMOUNTS_BESIDE_TITLES: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>Grants</title></head><body>
<h1>Grants made in 2023</h1>
<ul>
<li><span><strong>Valley Trust</strong> — wells for the villages of the upper valley</span><span class="amount">$16,000</span></li>
<li><span><strong>Lake Fund</strong> — safer boats for the fishers of the lake</span><span class="amount">$12,500</span></li>
<li><span><strong>Hill Farmers Union</strong> — a seed bank for returning families</span><span class="amount">$9,000</span></li>
</ul>
</body></html>
"#;

#[test]
fn an_amount_in_an_element_beside_the_title_is_the_budget_not_the_titles_end() {
    let listing = read(AMOUNTS_BESIDE_TITLES);
    assert_eq!(
        titles(&listing),
        [
            "Valley Trust — wells for the villages of the upper valley",
            "Lake Fund — safer boats for the fishers of the lake",
            "Hill Farmers Union — a seed bank for returning families",
        ]
    );
    let budget = listing.projects[1].field("Budget").expect("a budget");
    assert_eq!(budget.value.clean(), "$12,500");
    spans_hold(AMOUNTS_BESIDE_TITLES.as_bytes(), &listing);
}

const DATES_BROKEN_AFTER_THEIR_MONTH: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>Track record</title></head><body>
<h1>Track record</h1>
<h3>Rainwater tanks for village schools</h3><p class="date">Jun,<br>2024</p><p>Tanks at nine schools.</p>
<h3>Mobile clinics for herders</h3><p class="date">Nov <br> 2023</p><p>Two clinics on trucks.</p>
<h3>Seed bank for returnees</h3><p class="date">Mars,<br>2022</p><p>Seed lent at planting.</p>
</body></html>
"#;

#[test]
fn a_date_broken_after_its_month_is_one_date() {
    let listing = read(DATES_BROKEN_AFTER_THEIR_MONTH);
    assert_eq!(titles(&listing), THREE_RECORDS);
    assert_eq!(
        dates(&listing),
        [
            Some("Jun, 2024".to_string()),
            Some("Nov 2023".to_string()),
            Some("Mars, 2022".to_string())
        ]
    );
    spans_hold(DATES_BROKEN_AFTER_THEIR_MONTH.as_bytes(), &listing);
}

const A_LIST_AND_NOTHING_ELSE: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>News</title></head><body>
<h1>News from the valley</h1>
<p>This spring the trust chose the work it will pay for in the coming year. The board met in March.</p>
<ul>
<li>Rainwater tanks for village schools. Nine schools will keep the rain of the wet season for the dry one.</li>
<li>Mobile clinics for herders. Two trucks will visit the camps every month.</li>
<li>Seed bank for returnees. Families borrow seed at planting and pay it back after the harvest.</li>
</ul>
<p>We thank every donor for their help.</p>
</body></html>
"#;

#[test]
fn a_page_where_no_rule_finds_a_record_has_its_list_for_records() {
    let listing = read(A_LIST_AND_NOTHING_ELSE);
    assert_eq!(titles(&listing), THREE_RECORDS);
    spans_hold(A_LIST_AND_NOTHING_ELSE.as_bytes(), &listing);
}

#[test]
fn the_pages_heading_over_the_label_of_the_first_cards_name_is_no_record() {
    let card = |name: &str, partner: &str| {
        format!(
            "<div class=\"card\"><h4>Project name :</h4>{name}\
             <div><strong>Partner :</strong>{partner}</div>\
             <h4>Description:</h4><p>What the project does, in a sentence or two.</p></div>\n"
        )
    };
    let html = format!(
        "<html><body><h1>Our achievements</h1>\n{}{}{}</body></html>",
        card("Rainwater tanks for village schools", "Hill Farmers Union"),
        card("Mobile clinics for herders", "Herders' Circle"),
        card("Seed bank for returnees", "Returnees' Cooperative"),
    );
    let listing = read(&html);
    assert_eq!(
        titles(&listing),
        [
            "Rainwater tanks for village schools",
            "Mobile clinics for herders",
            "Seed bank for returnees"
        ]
    );
}
