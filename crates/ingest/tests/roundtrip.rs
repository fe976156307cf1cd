//! Property tests: listings rendered from generated projects, in any of the
//! supported layouts, parse back to the same projects; and no input at all
//! makes the parser panic.

mod pieces;

use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Project {
    title: String,
    dates: String,
    description: String,
}

#[derive(Debug, Clone, Copy)]
enum Layout {
    Numbered,
    Bulleted,
    Plain,
    Fields,
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn word() -> impl Strategy<Value = String> {
    "[a-z]{2,9}".prop_map(|w| w)
}

/// A title of two words or more: one word alone may be a page's furniture
/// or a field's label (`Faq`, `Donor`), not a title.
fn title() -> impl Strategy<Value = String> {
    (prop::collection::vec(word(), 2..9), "[A-Z]").prop_map(|(words, capital)| {
        let mut title = words.join(" ");
        title.replace_range(0..1, &capital);
        title
    })
}

fn date() -> impl Strategy<Value = String> {
    (1u32..=28, 0usize..12, 1990i32..2030, 0u8..3).prop_map(|(day, month, year, form)| match form {
        0 => format!("{day} {} {year}", MONTHS[month]),
        1 => format!("{} {year}", MONTHS[month]),
        _ => format!("{year}"),
    })
}

fn dates() -> impl Strategy<Value = String> {
    (
        date(),
        date(),
        prop::sample::select(vec![" - ", " – ", " to ", "—"]),
        any::<bool>(),
    )
        .prop_map(|(start, end, separator, lone)| {
            if lone && start.contains(' ') {
                start
            } else {
                format!("{start}{separator}{end}")
            }
        })
}

fn sentence() -> impl Strategy<Value = String> {
    (title(), prop::collection::vec(word(), 12..20))
        .prop_map(|(start, words)| format!("{start} {}.", words.join(" ")))
}

fn project() -> impl Strategy<Value = Project> {
    (title(), dates(), sentence()).prop_map(|(title, dates, description)| Project {
        title,
        dates,
        description,
    })
}

fn render(projects: &[Project], layout: Layout, indent: &str, newline: &str) -> String {
    let mut text = format!("Projects on the world of work{newline}{newline}");
    for (i, p) in projects.iter().enumerate() {
        let lines: Vec<String> = match layout {
            Layout::Numbered => vec![
                format!("{indent}{}. {}", i + 1, p.title),
                format!("{indent}{indent}{}", p.dates),
                format!("{indent}{indent}{}", p.description),
            ],
            Layout::Bulleted => vec![
                format!("{indent}• {}", p.title),
                format!("{indent}{}", p.dates),
                format!("{indent}{}", p.description),
            ],
            Layout::Plain => vec![
                format!("{indent}{}", p.title),
                format!("{indent}{}", p.dates),
                format!("{indent}{}", p.description),
            ],
            Layout::Fields => vec![
                p.title.clone(),
                format!("Objective: {}", p.description),
                format!("Duration: {}", p.dates),
            ],
        };
        for line in lines {
            text.push_str(&line);
            text.push_str(newline);
            text.push_str(newline);
        }
    }
    text
}

/// Lines of every kind the layout rules weigh, in any order: titles,
/// numbered and bulleted items, dates and lone years, headings, kickers,
/// fields, table headers, prose and paragraphs opening on a name.
fn any_line() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "1. Decent work for migrants",
        "   Malawi · European Union · 2021-2024",
        "https://example.org/projects/wells",
        "UPCOMING EVENTS",
        "See also",
        "License",
        "14 November 2023 – Partners meeting, Lilongwe",
        "[Seed bank for returnees](https://example.org/s)",
        "Period: 2021-05 → 2023-04",
        "Start Date: 2021-07-01        End Date: 2026-06-30",
        "Programme area: Water",
        "activity-status: 2 - Implementation",
        "participating-org: Funding - Irish Aid",
        "2) Skills in Nepal",
        "  3. Fair recruitment",
        "• Labour mobility in Asia",
        "- Reintegration of returnees",
        "1 June 2007 - 30 June 2009",
        "2010 - 2012",
        "2009",
        "March 2015",
        "Completed projects",
        "Project",
        "© ILO 2024",
        "Donor: Government of Japan",
        "Duration: 24 months (2019-2021)",
        "Country:",
        "Project title",
        "Start date",
        "End date",
        "Donor",
        "Protection of migrant workers in the Gulf",
        "The project, funded by the European Union, supports workers moving from Nepal to Qatar.",
        "It ends mid-sentence and",
        "Safe Journeys Home (2018–2021) was paid for by Norway in Ghana.",
        "Seed Banks for Returnees: Sweden pays for them from 2019 to 2022.",
        "Showing 1 to 10 of 127 results",
        "« Previous 1 2 3 Next »",
        "## Safe journeys home",
        "> **Donor:** Norway",
        "*2019 – 2021*",
        "Read more »",
        "Clean water for the schools of Potosí, Bolivia.",
        "Budget: 18,000 €",
        "2019–2021   Teacher training for host schools",
        "            Jordan · funded by the European Union",
        "Kenya: clinics for herders",
        "Kenya · 2019 – 2021",
        "↑ Back to top",
        "Related news",
        "[7] Aflatoxin control in Kenya",
        "(9) Rural roads in Laos",
        "Key achievements",
        "• 14 collection centres built",
        "SRI LANKA",
        "Lakeside Consult · 12 Harbour Road · 8001 Zürich · Switzerland",
        "Imprint | Privacy policy",
        "Start Date:Mar 1, 2019",
        "Date posted:Apr 8, 2019",
        "clinics · fisheries · Malawi",
        "Lead: Prof. Mary Banda · 2021–2024",
        "• Zambia",
        "• 2020 – 2023",
        "Client\tWorld Bank",
        "Role\tTeam leader",
        "Cooperation Period\tJune 2020 – May 2025",
        "• Donor: Sida",
        "• Role: Adviser",
        "Role: Team leader",
        "Date of financing decision: 17 June 2021",
        "Life of the grant: March 2020 – February 2023",
        "## Current projects",
        "**Rainwater tanks for village schools**",
        "### Mobile clinics for herders",
        "- Investment value: $78 million",
        "KAMPALA, Uganda — 3 March 2024",
        "About the Fund",
        "Project browser - Project profile",
        "Maximum contribution of the Department: $1,500,000",
        "Description",
        "Search criteria",
        "Date modified: 2024-02-14",
        "Implementer:      Water Trust for Village Schools in Northern",
        "                  Districts and Refugee Settlements",
        "Location",
        "Dates",
        "2019 > 2021",
        "Themes",
        "Water, schools",
        "Project title",
        "In 2003 the association built tanks for three village schools. The villagers dug the pits.",
        "Anna Berg receives 5 640 000 crowns for the project ”Wells for the valley”. The partner is Kenya.",
        "Support to the water board of the upper valley;",
        "Jun,",
        "",
        "",
        "",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_mix_of_lines_reads_the_same_in_pieces(lines in prop::collection::vec(any_line(), 1..60)) {
        let text = lines.join("\n");
        // parse_checked compares the whole parse with parses in pieces.
        let _ = pieces::parse_checked("mixed.txt", text.as_bytes());
    }

    #[test]
    fn rendered_listings_parse_back(
        projects in prop::collection::vec(project(), 1..8),
        layout in prop::sample::select(vec![Layout::Numbered, Layout::Bulleted, Layout::Plain, Layout::Fields]),
        indent in prop::sample::select(vec!["", "  ", "\t", "    "]),
        newline in prop::sample::select(vec!["\n", "\r\n"]),
    ) {
        let text = render(&projects, layout, indent, newline);
        let listing = pieces::parse_checked("generated.txt", text.as_bytes()).unwrap();
        let titles: Vec<String> = listing.projects.iter().map(|p| p.title_text()).collect();
        let expected: Vec<String> = projects.iter().map(|p| p.title.clone()).collect();
        prop_assert_eq!(titles, expected, "{}", text);
        for (found, wanted) in listing.projects.iter().zip(&projects) {
            prop_assert_eq!(found.date_text(), Some(wanted.dates.clone()));
            let description = match layout {
                Layout::Fields => found.field("Objective").map(|f| f.value.clean().into_owned()),
                _ => Some(found.description_text()),
            };
            prop_assert_eq!(description, Some(wanted.description.clone()));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = pieces::parse_checked("noise.txt", &bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,600}") {
        let _ = pieces::parse_checked("noise.txt", text.as_bytes());
    }
}

/// Pieces the reading cuts text at and looks up: multi-byte dashes,
/// quotes and elided articles, years, amounts, numbers, statuses, record
/// words, marks of headings and lists, line ends. Random text seldom puts
/// them side by side; mixed, they reach the offsets the rules compute.
fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "l’Eau",
        "d'Ivoire",
        "l’",
        "’",
        "–",
        "—",
        "-",
        "2019",
        "1997-1998",
        "May",
        "170,000",
        "€750,000",
        "UK",
        "£9.5",
        "US$",
        "USD",
        ".",
        ":",
        " : ",
        "(Ongoing)",
        "[Completed]",
        "Terminado",
        "Project",
        "Projet",
        "1:",
        "2)",
        "«",
        "»",
        "“",
        "”",
        "Valley",
        "Trust",
        "the",
        "project",
        "is",
        "This",
        "Brunnenprojekt:",
        "# ",
        "### ",
        "• ",
        "\n",
        "\n\n",
        "é",
        "Côte",
        "|",
        "/",
        "Grant",
        "will",
        "receive",
        "for",
        "Here",
        "overview",
        "following",
        "projects",
        "below",
        "---",
        "title:",
        "Project title",
        "Start date",
        "Commitment (£)",
        "5,500,000",
        "26 January 2000",
        "Harbour Fund,",
        "2017-2018",
        "FAO",
        "\u{a0}",
        "\u{a0}:",
        "####",
        "- ",
        "    - ",
        "\t",
        "[Wells](http://x)",
        "![](a.jpg)",
        "**",
        "ca.",
        "€",
        "2.500",
        "Year:",
        "Donors",
        "financed by",
        "Publications",
        "Research",
        "a)",
        ";",
        "<span>Donors</span>",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn mixes_of_the_pieces_rules_cut_at_never_panic(
        tokens in prop::collection::vec(token(), 1..60),
        spaces in prop::collection::vec(any::<bool>(), 60),
    ) {
        let mut text = String::new();
        for (token, space) in tokens.iter().zip(&spaces) {
            text.push_str(token);
            if *space {
                text.push(' ');
            }
        }
        let _ = pieces::parse_checked("mix.txt", text.as_bytes());
        let page = format!("<ul><li>{}</li></ul>", text.replace('\n', "</li><li>"));
        let _ = devcoop_ingest::parse_listing("mix.html", page.as_bytes());
    }
}
