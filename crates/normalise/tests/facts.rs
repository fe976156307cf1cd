//! The tricky cases of reading funders and places, each on a fixture.

use devcoop_normalise::{normalise, Project, Reference};
use std::path::Path;

fn project(description: &str) -> (Project, Vec<ingest::Diagnostic>) {
    project_with("Decent work project", description)
}

fn reference() -> Reference {
    Reference::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"))
        .expect("reference data")
}

fn normalise_text(text: &str) -> (Vec<Project>, Vec<ingest::Diagnostic>) {
    let listing = ingest::parse_listing("fixture.txt", text.as_bytes()).unwrap();
    let mut diagnostics = Vec::new();
    let projects = normalise(
        &reference(),
        listing.projects,
        "2026-01-01".parse().unwrap(),
        &mut diagnostics,
    );
    (projects, diagnostics)
}

fn project_with(title: &str, description: &str) -> (Project, Vec<ingest::Diagnostic>) {
    let text = format!("Projects\n\n1. {title}\n\n1 June 2007 - 30 June 2009\n\n{description}\n");
    let (mut projects, diagnostics) = normalise_text(&text);
    (projects.remove(0), diagnostics)
}

#[test]
fn funders_after_cue_phrases_with_canonical_codes() {
    let (p, _) = project(
        "This project is principally financed by the European Commission, with co-funding from the Italian Ministry of Interior and the United Kingdom Border Agency.",
    );
    assert_eq!(p.funder_codes(), ["EU", "GBR", "ITA"]);
    // A demonym or country inside a funder's name is not a place.
    assert!(p.country_codes().is_empty());
    let italy = p
        .facts
        .organisations
        .iter()
        .find(|o| o.code == "ITA")
        .unwrap();
    assert_eq!(italy.mention, "Italian Ministry of Interior");
    assert!(italy
        .evidence
        .sentence
        .starts_with("This project is principally financed"));
}

#[test]
fn implementers_and_partners_are_not_funders() {
    let (p, _) = project(
        "The project is co-implemented by the International Organization for Migration (IOM) and the ILO in close partnership with the Ministry of Labour. The ILO has been working with the UNHCR since 2004.",
    );
    assert!(p.funder_codes().is_empty());
    let role = |code: &str| {
        p.facts
            .organisations
            .iter()
            .filter(|o| o.code == code)
            .map(|o| o.role.as_str())
            .min()
            .unwrap()
    };
    assert_eq!(role("IOM"), "implementer");
    assert_eq!(role("ILO"), "implementer");
    assert_eq!(role("UNHCR"), "partner");
}

#[test]
fn introductory_support_phrase_ends_at_its_comma() {
    let (p, _) =
        project("With the financial support of the EU, ILO and partners implemented a project.");
    assert_eq!(p.funder_codes(), ["EU"]);
}

#[test]
fn title_slash_country_and_funded_adjective() {
    let (p, _) = project_with(
        "ILO/Japan Cross-border Movement of Labour Project",
        "A US-funded project on wages.",
    );
    assert_eq!(p.funder_codes(), ["JPN", "USA"]);
    assert!(p.country_codes().is_empty());
}

#[test]
fn another_projects_funder_is_not_this_ones() {
    let (p, _) = project(
        "The Process originated from the EU financed project “Building Migration Partnerships”.",
    );
    assert!(p.funder_codes().is_empty());
}

#[test]
fn currencies_and_project_codes_are_not_funders_or_places() {
    let (p, _) =
        project("Women earn 314 Jordan dinars (US$443) in Jordan. Project code RAF/10/55/USA.");
    assert!(p.funder_codes().is_empty());
    assert_eq!(p.country_codes(), ["JOR"]);
    // Dollars named by their country, a sign with its scale: no place.
    for currency in [
        "450,000 United States dollars",
        "2 million US dollars",
        "US$M 1.2",
        "US $ 300,000",
        "U.S. $ 300,000",
    ] {
        let (p, _) = project(&format!("The budget is {currency} for schools in Ghana."));
        assert_eq!(p.country_codes(), ["GHA"], "{currency}");
    }
}

#[test]
fn unknown_funder_is_kept_literally_with_a_warning() {
    let (p, diagnostics) =
        project("The project is funded by the Blue Horizon Trust and runs in Peru.");
    assert_eq!(p.funder_codes(), ["Blue Horizon Trust"]);
    assert!(diagnostics
        .iter()
        .any(|d| d.message.contains("Blue Horizon Trust")));
    assert_eq!(p.country_codes(), ["PER"]);
}

#[test]
fn places_by_name_alias_and_demonym_with_regions() {
    let (p, _) = project(
        "It protects Afghan workers and Indonesian migrant workers from Viet Nam, Hong Kong and Côte d'Ivoire, with a seminar in Dakar.",
    );
    assert_eq!(p.country_codes(), ["AFG", "CIV", "HKG", "IDN", "VNM"]);
    // Sorted by name, not in the order of the codes.
    assert_eq!(
        p.country_names(),
        [
            "Afghanistan",
            "Côte d'Ivoire",
            "Hong Kong",
            "Indonesia",
            "Viet Nam"
        ]
    );
    assert_eq!(p.region_names(), ["Africa", "Asia"]);
}

#[test]
fn a_donors_people_and_its_aid_named_after_them_are_no_place() {
    let (p, _) = project(
        "Following the Swiss Cooperation Office's strategy, SDC backs the statistics office of Malawi. The partnership will give visibility to Swiss expertise in Malawi.",
    );
    assert_eq!(p.country_codes(), ["MWI"]);
    // A people named where its state is no organisation of the project
    // is a place.
    let (p, _) = project("It trains Afghan workers in Malawi.");
    assert_eq!(p.country_codes(), ["AFG", "MWI"]);
}

#[test]
fn funder_types_and_subregions_are_listed_once_each() {
    let (p, _) = project(
        "It is funded by Japan, Germany and the European Union and implemented by the IOM. It works in Kenya, Uganda and Nepal.",
    );
    assert_eq!(p.funder_codes(), ["DEU", "EU", "JPN"]);
    // Two governments are one type; the implementer's type is not a
    // funder's.
    assert_eq!(p.funder_types(), ["EU institution", "government"]);
    assert_eq!(p.region_names(), ["Africa", "Asia"]);
    // Kenya and Uganda share a sub-region: it is listed once.
    assert_eq!(p.subregion_names(), ["Southern Asia", "Sub-Saharan Africa"]);
    let (none, _) = project("A study of recruitment fees.");
    assert!(none.funder_types().is_empty());
    assert!(none.subregion_names().is_empty());
}

#[test]
fn regional_phrases_and_eu_as_counterpart() {
    let (p, _) = project(
        "It works in the Asian region, the Sahel and EU Member States. It promotes cooperation between the Philippines and the EU.",
    );
    assert_eq!(p.region_names(), ["Africa", "Asia", "Europe"]);
    let via: Vec<&str> = p.facts.regions.iter().map(|r| r.via).collect();
    assert!(via.contains(&"EU Member States"));
    assert!(!via.contains(&"EU"));
    // A river basin shared by several countries is a region, not the
    // country it shares a name with.
    let (p, _) = project("The commission manages the water resources of the Congo Basin.");
    assert_eq!(p.region_names(), ["Africa"]);
    assert!(p.country_codes().is_empty());
}

#[test]
fn origin_destination_roles_make_corridors() {
    let (p, _) =
        project("It regulates migratory flows from Senegal, Mauritania and Mali to Spain.");
    let roles: Vec<(&str, &str)> = p
        .facts
        .places
        .iter()
        .map(|pl| (pl.alpha3, pl.role.as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            ("SEN", "origin"),
            ("MRT", "origin"),
            ("MLI", "origin"),
            ("ESP", "destination")
        ]
    );
}

#[test]
fn donor_field_with_states_and_their_ministries() {
    let text = "Projects\n\nRESTART project\n\nObjective: Support returnees.\n\nDonors: Federal Republic of Germany, Ministry of Interior; The Kingdom of the Netherlands, Ministry of Justice; Republic of Poland, Ministry of Interior and Administration\n\nDuration: 1 January 2019 – 30 June 2020\n\nCountry: Azerbaijan\n";
    let (projects, _) = normalise_text(text);
    assert_eq!(projects[0].funder_codes(), ["DEU", "NLD", "POL"]);
    assert_eq!(projects[0].country_codes(), ["AZE"]);
}

#[test]
fn same_project_in_two_listings_is_one_project_with_both_sources() {
    let text = "Projects\n\n1. Decent Work in Asia\n\n2007 - 2009\n";
    let a = ingest::parse_listing("a.txt", text.as_bytes()).unwrap();
    let b = ingest::parse_listing(
        "b.txt",
        text.replace("Decent Work in", "Decent work, in").as_bytes(),
    )
    .unwrap();
    let raw: Vec<_> = a.projects.into_iter().chain(b.projects).collect();
    let projects = normalise(
        &reference(),
        raw,
        "2026-01-01".parse().unwrap(),
        &mut Vec::new(),
    );
    assert_eq!(projects.len(), 1);
    assert_eq!(projects[0].sources, ["a.txt#1", "b.txt#1"]);
}

#[test]
fn a_country_in_a_partners_name_counts_but_not_in_a_funders() {
    let (p, _) = project(
        "It works in close collaboration with the Ministry of Labour of Jordan and is funded by the Government of Norway.",
    );
    assert_eq!(p.country_codes(), ["JOR"]);
    assert_eq!(p.funder_codes(), ["NOR"]);
}

#[test]
fn development_partner_field_names_the_funder() {
    let text = "Projects\n\nAlpha project\n\nObjective: Decent work.\n\nDevelopment Partner: Sweden (Sida)\n\nImplementing partners: IOM\n\nDuration: 2019 - 2021\n";
    let (projects, _) = normalise_text(text);
    assert_eq!(projects[0].funder_codes(), ["SWE"]);
    assert!(projects[0].country_codes().is_empty());
}

#[test]
fn a_state_has_one_name_whichever_body_is_named() {
    let (p, _) = project(
        "It is funded by the Swiss Agency for Development and Cooperation and the Swiss Federal Office for Migration, with the Government of the United Kingdom.",
    );
    assert_eq!(p.funder_codes(), ["CHE", "GBR"]);
    let names: std::collections::BTreeSet<&str> =
        p.facts.organisations.iter().map(|o| &*o.name).collect();
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        [
            "Government of Switzerland",
            "Government of the United Kingdom"
        ]
    );
}

#[test]
fn corrections_reach_projects_in_any_batch_and_warn_once_for_unknown_ids() {
    use devcoop_normalise::{extract_facts, identify, parse_overrides, Corrections};
    let text = "Projects\n\n1. Decent Work in Asia\n\n2007 - 2009\n\nFunded by Japan.\n\n\
                2. Skills for migrants in Nepal\n\n2010 - 2012\n\nFunded by Japan.\n";
    let listing = ingest::parse_listing("a.txt", text.as_bytes()).unwrap();
    let mut identified = identify(listing.projects);
    let second_id = identified[1].id.clone();
    let csv = format!(
        "project_id,field,action,value,note\n{second_id},funder,add,CHE,report\nffffffffffff,title,set,Gone,\n"
    );
    let mut corrections = Corrections::new("o.csv", parse_overrides("o.csv", &csv).unwrap());
    let reference = reference();
    let date = "2026-01-01".parse().unwrap();
    let mut diagnostics = Vec::new();
    // Two batches of one project: the correction is for the second.
    let later = identified.split_off(1);
    let mut first = extract_facts(&reference, identified, date, &mut diagnostics);
    corrections.apply(&mut first, &reference, &mut diagnostics);
    let mut second = extract_facts(&reference, later, date, &mut diagnostics);
    corrections.apply(&mut second, &reference, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    corrections.finish(&mut diagnostics);
    assert_eq!(first[0].funder_codes(), ["JPN"]);
    assert!(first[0].overridden.is_empty());
    assert_eq!(second[0].funder_codes(), ["CHE", "JPN"]);
    assert_eq!(second[0].overridden, ["funders"]);
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0].message.contains("`ffffffffffff`"));
    assert_eq!(diagnostics[0].line, 3);
}

#[test]
fn a_project_found_again_in_a_later_batch_is_a_late_source_not_a_second_project() {
    use devcoop_normalise::Identities;
    let text =
        "Projects\n\n1. Decent Work in Asia\n\n2007 - 2009\n\n2. Skills in Kenya\n\n2012 - 2015\n";
    let a = ingest::parse_listing("a.txt", text.as_bytes()).unwrap();
    let b = ingest::parse_listing("b.txt", text.as_bytes()).unwrap();
    let mut identities = Identities::default();
    // Batch 1: a.txt and b.txt's first project; batch 2: b.txt's second.
    let mut first: Vec<_> = a.projects;
    let mut rest = b.projects;
    first.push(rest.remove(0));
    let batch_one = identities.identify_batch(first);
    assert_eq!(identities.take_readings().len(), 3);
    let batch_two = identities.identify_batch(rest);
    assert_eq!(batch_one.len(), 2);
    assert_eq!(batch_one[0].sources, ["a.txt#1", "b.txt#1"]);
    assert_eq!(batch_one[1].sources, ["a.txt#2"]);
    assert!(batch_two.is_empty());
    assert_eq!(
        identities.take_readings(),
        [(batch_one[1].id.clone(), "b.txt#2".to_string())]
    );
}

/// An unknown funder's name that holds a country ("Friends of Malawi
/// Trust") followed by a list of places once overlapped the country's own
/// mention, and reading the list back from Zambia sliced the text
/// backwards (`begin > end`): the whole run stopped.
#[test]
fn unknown_funder_holding_a_country_before_a_list_of_places_does_not_panic() {
    let (p, _) = project("Funded by the Friends of Malawi Trust, Zambia and Mozambique.");
    assert!(p.funder_codes().contains(&"Friends of Malawi Trust"));
    // Malawi is only part of the funder's name.
    assert!(!p.country_codes().contains(&"MWI"));
    let (p, _) = project(
        "The project is funded by the Hope for Kenya Foundation and works in Uganda and Tanzania.",
    );
    assert_eq!(p.funder_codes(), ["Hope for Kenya Foundation"]);
    assert_eq!(p.country_codes(), ["TZA", "UGA"]);
}

#[test]
fn a_state_whose_name_takes_the_is_found_after_government_of_the() {
    for (text, code) in [
        ("It is funded by the Government of the Netherlands.", "NLD"),
        ("It is funded by the Government of the Gambia.", "GMB"),
        ("It is funded by the Government of the Philippines.", "PHL"),
        (
            "It is funded by the Government of the United Kingdom.",
            "GBR",
        ),
        (
            "It is funded by the Government of the United States.",
            "USA",
        ),
        (
            "It is funded by the Government of the Republic of Korea.",
            "KOR",
        ),
    ] {
        let (p, diagnostics) = project(text);
        assert_eq!(p.funder_codes(), [code], "{text}");
        assert!(p.country_codes().is_empty(), "{text}");
        assert!(diagnostics.is_empty(), "{text}: {diagnostics:?}");
    }
}

/// A project whose text holds `lines` after an objective field, as a
/// listing with field lines prints them.
fn project_with_fields(lines: &str) -> (Project, Vec<ingest::Diagnostic>) {
    project(&format!("Objective: Better labour inspection.\n\n{lines}"))
}

#[test]
fn a_donor_field_is_split_into_donors_each_resolved() {
    for (field, codes) in [
        (
            "Donors: Norway (Norad), Sweden & the Hope Trust",
            vec!["Hope Trust", "NOR", "SWE"],
        ),
        (
            "Donors: Global Fund for Children (GFC); Japan",
            vec!["GFC", "JPN"],
        ),
        ("Donor: SDC/DEZA", vec!["CHE"]),
        // `&` inside a known name does not split it.
        (
            "Donor: Bill & Melinda Gates Foundation and Finland",
            vec!["BMGF", "FIN"],
        ),
        // `and` inside a name the reference lacks does not either.
        (
            "Donor: Hope and Light Foundation",
            vec!["Hope and Light Foundation"],
        ),
        (
            "Funder: USD 500,000 from the Government of Japan",
            vec!["JPN"],
        ),
    ] {
        let (p, _) = project_with_fields(field);
        assert_eq!(p.funder_codes(), codes, "{field}");
        assert!(p.country_codes().is_empty(), "{field}");
    }
}

#[test]
fn donor_labels_the_listing_reader_does_not_know_still_name_donors() {
    for (field, codes) in [
        ("Sponsor: the Flemish Government", vec!["BEL"]),
        (
            "Funding agency: Ministry for Foreign Affairs Finland",
            vec!["FIN"],
        ),
        ("Financing partners: Japan, Norway", vec!["JPN", "NOR"]),
        ("Funding organisation: Ford Foundation", vec!["FORD"]),
        ("Client/ Donor: USAID", vec!["USA"]),
    ] {
        let (p, _) = project_with_fields(field);
        assert_eq!(p.funder_codes(), codes, "{field}");
    }
    // An agency's mission in a country: the country is a place.
    let (p, _) = project_with_fields("Client/ Donor: USAID/Indonesia");
    assert_eq!(p.funder_codes(), ["USA"]);
    assert_eq!(p.country_codes(), ["IDN"]);
}

#[test]
fn a_donor_field_run_into_prose_gives_only_the_donor() {
    // A flattened page: the field's value goes on into the description.
    let (p, _) = project_with_fields(
        "Donor: US Department of State The reform now under way in Myanmar opens new room for unions.",
    );
    assert_eq!(p.funder_codes(), ["USA"]);
    assert_eq!(p.country_codes(), ["MMR"]);
    // A sentence is not a donor's name.
    let (p, diagnostics) =
        project_with_fields("Funding: The programme is paid through a pooled trust account.");
    assert!(p.funder_codes().is_empty());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn an_embassy_pays_and_the_country_it_sits_in_is_a_place() {
    let (p, _) = project_with_fields("Donor: Embassy of Japan in the Philippines");
    assert_eq!(p.funder_codes(), ["JPN"]);
    assert_eq!(p.country_codes(), ["PHL"]);
    let (p, _) = project("This work is financed by the Netherlands Embassy in Ethiopia.");
    assert_eq!(p.funder_codes(), ["NLD"]);
    assert_eq!(p.country_codes(), ["ETH"]);
}

#[test]
fn an_unknown_funder_keeps_its_printed_acronym() {
    let (p, diagnostics) =
        project("The project is funded by the Rural Water Alliance (RWA) and works in Malawi.");
    assert_eq!(p.funder_codes(), ["RWA"]);
    assert_eq!(p.country_codes(), ["MWI"]);
    assert!(diagnostics
        .iter()
        .any(|d| d.message.contains("Rural Water Alliance")));
}

#[test]
fn a_university_named_after_its_country_is_no_place() {
    let (p, _) = project("Partners are the University of Ghana and Lund University.");
    assert!(p.country_codes().is_empty());
    let (p, _) = project("Fieldwork in Ghana is led by the University of Ghana.");
    assert_eq!(p.country_codes(), ["GHA"]);
}

#[test]
fn a_state_that_gives_support_pays_and_is_no_place() {
    let (p, _) = project("Canada is providing additional support to CGIAR for research in Ghana.");
    assert_eq!(p.funder_codes(), ["CAN"]);
    assert_eq!(p.country_codes(), ["GHA"]);
    // Training and support is work, not money.
    let (p, _) = project("Canada provides training and support to farmers.");
    assert!(p.funder_codes().is_empty());
}

#[test]
fn an_unknown_body_that_pays_as_subject_is_a_funder() {
    let (p, _) = project("Working with other donors, ECA helped fund four wells in Benin.");
    assert_eq!(p.funder_codes(), ["ECA"]);
    let (p, _) = project("The Hope Valley Trust funds the clinic in Kenya.");
    assert_eq!(p.funder_codes(), ["Hope Valley Trust"]);
    let (p, _) = project("Lakeside Trust has contributed EUR 5,000 to the school.");
    assert_eq!(p.funder_codes(), ["Lakeside Trust"]);
    // A legal form after the name is not part of it.
    let (p, _) = project("Sun Aid International asbl has contributed to fund this project.");
    assert_eq!(p.funder_codes(), ["Sun Aid International"]);
    // Not a subject, not a body, not prose: no funder.
    let (p, _) = project("Schools in Upper Nile fund their own meals.");
    assert!(p.funder_codes().is_empty(), "{:?}", p.funder_codes());
    let (p, _) = project("The NGO funds the clinic.");
    assert!(p.funder_codes().is_empty(), "{:?}", p.funder_codes());
    let (p, _) = project_with("Migrant Workers Finance Their Families", "Text.");
    assert!(p.funder_codes().is_empty(), "{:?}", p.funder_codes());
    let (p, _) = project("Hope Valley Trust staff train nurses.");
    assert!(p.funder_codes().is_empty(), "{:?}", p.funder_codes());
}

#[test]
fn a_private_body_of_a_nationality_does_not_make_its_state_pay() {
    let (p, _) = project("A borehole in Benin is financed by a Spanish NGO.");
    assert!(p.funder_codes().is_empty(), "{:?}", p.funder_codes());
    let (p, _) = project("The clinic is funded by Swiss foundations and Norway.");
    assert!(!p.funder_codes().contains(&"CHE"), "{:?}", p.funder_codes());
    // A state body of the same nationality still pays.
    let (p, _) =
        project("It is financed by the Spanish Agency for International Development Cooperation.");
    assert_eq!(p.funder_codes(), ["ESP"]);
    let (p, _) = project("It is financed by Spain.");
    assert_eq!(p.funder_codes(), ["ESP"]);
}

#[test]
fn german_and_dutch_region_names_and_older_country_names() {
    let (p, _) = project("Kleine Projekte in Westafrika und Zuidoost-Azië.");
    assert_eq!(p.region_names(), ["Africa", "Asia"]);
    let (p, _) = project("Returns from Italy to FYROM and Kosovo.");
    assert_eq!(p.country_codes(), ["ITA", "MKD", "XKX"]);
}

#[test]
fn where_a_donor_sits_does_not_end_the_list_of_donors() {
    let (p, _) = project("Funded by the British Embassy in Tirana and the Italian Government.");
    assert_eq!(p.funder_codes(), ["GBR", "ITA"]);
    // A country after `in` is a place, not a seat.
    let (p, _) = project("Funded by the British Embassy in Albania.");
    assert_eq!(p.funder_codes(), ["GBR"]);
    assert_eq!(p.country_codes(), ["ALB"]);
}

#[test]
fn a_body_named_in_a_label_of_money_pays() {
    let (p, _) = project("AfDB Loan: USD 20 million. Builds feeder roads in Malawi.");
    assert_eq!(p.funder_codes(), ["AFDB"]);
    let (p, _) = project("Total cost USD 30 million, IFAD grant: USD 0.5 million.");
    assert_eq!(p.funder_codes(), ["IFAD"]);
    // A name right before its money pays without a label's colon too;
    // money named apart from the name does not.
    let (p, _) = project("The AfDB loan covers roads in Malawi.");
    assert_eq!(p.funder_codes(), ["AFDB"]);
    let (p, _) = project("The AfDB team asked for a loan for roads in Malawi.");
    assert!(p.funder_codes().is_empty(), "{:?}", p.funder_codes());
}

#[test]
fn a_donor_that_helps_fund_or_will_fund_pays() {
    let (p, _) = project("Working with other donors, Norway helped fund the clinics in Ghana.");
    assert_eq!(p.funder_codes(), ["NOR"]);
    let (p, _) = project("Sweden will finance the second phase.");
    assert_eq!(p.funder_codes(), ["SWE"]);
    // A donor that helps train people does not pay.
    let (p, _) = project("Norway helped train the staff.");
    assert!(p.funder_codes().is_empty());
}

#[test]
fn an_unknown_one_word_funder_ending_the_clause_is_kept() {
    let (p, _) = project("The shelter is supported by Lighthouse.");
    assert_eq!(p.funder_codes(), ["Lighthouse"]);
    // A generic body, or one word with prose going on, names nobody.
    let (p, _) = project("The shelter is supported by Government.");
    assert!(p.funder_codes().is_empty());
    let (p, _) = project("The shelter is supported by Volunteers from the town.");
    assert!(p.funder_codes().is_empty());
    // Nor does a word that stands for the work itself or its people.
    for text in [
        "Cooperatives supported by Project",
        "The clinic is funded by Donors.",
    ] {
        let (p, _) = project(text);
        assert!(p.funder_codes().is_empty(), "{text}");
    }
    // A phrase of its own after the name ends it; an acronym is a name
    // wherever it stands, but in brackets it is the acronym of the name
    // before it, whose words it spells out.
    let (p, _) = project("The shelter is supported by Lighthouse under its housing programme.");
    assert_eq!(p.funder_codes(), ["Lighthouse"]);
    let (p, _) = project("The shelter is mainly supported by HAVEN in Accra and Kumasi.");
    assert_eq!(p.funder_codes(), ["HAVEN"]);
    let (p, _) = project("The shelter is supported by the Lighthouse Trust in Accra and Kumasi.");
    assert_eq!(p.funder_codes(), ["Lighthouse Trust"]);
    let (p, _) =
        project("Funded by the Fund for Harbours in Development (FHD), the shelter opened.");
    assert_eq!(p.funder_codes(), ["FHD"]);
}

#[test]
fn a_demonym_opening_a_private_bodys_own_name_is_no_place() {
    let (p, _) = project(
        "The wells are supported by the Dutch Water Alliance and the Swiss Red Cross in Ghana.",
    );
    assert_eq!(p.country_codes(), ["GHA"]);
    // A demonym said of the work is a place.
    let (p, _) = project("The wells serve Ghanaian schools.");
    assert_eq!(p.country_codes(), ["GHA"]);
}

#[test]
fn prose_says_who_pays_in_many_ways() {
    for (text, codes) in [
        (
            "Funding for the second phase was provided by the Norwegian Agency for Development Cooperation (Norad).",
            vec!["NOR"],
        ),
        ("Thanks to a contribution from the EU, inspectors were trained.", vec!["EU"]),
        ("The work goes on with funding from Denmark and Ireland.", vec!["DNK", "IRL"]),
        ("It was set up with the financial support of the Swiss Confederation.", vec!["CHE"]),
        ("Financial support was provided by the Embassy of the Gambia.", vec!["GMB"]),
        ("Inspectors were trained through a grant from the Ford Foundation.", vec!["FORD"]),
        ("The study is co-funded by the EU and Austria.", vec!["AUT", "EU"]),
        ("Norway contributes EUR 2 million to the second phase.", vec!["NOR"]),
        ("Since 2012 the EU provides funding for the network.", vec!["EU"]),
        ("Japan and Norway have granted USD 800,000 to the fund.", vec!["JPN", "NOR"]),
        ("The Government of Canada is funding the pilot.", vec!["CAN"]),
        ("It is funded under the European Union's Thematic Programme on Migration.", vec!["EU"]),
        ("The programme relies on Japan's financial contribution.", vec!["JPN"]),
        ("A US Government-funded project trains labour inspectors.", vec!["USA"]),
        ("The facility is a European Union (EU)-funded initiative.", vec!["EU"]),
        ("It is a Swiss Agency for Development and Cooperation (SDC)-funded pilot.", vec!["CHE"]),
        (
            "It was made possible by the generous support of the people of Japan.",
            vec!["JPN"],
        ),
    ] {
        let (p, _) = project(text);
        assert_eq!(p.funder_codes(), codes, "{text}");
        assert!(p.country_codes().is_empty(), "{text}: {:?}", p.country_codes());
    }
}

#[test]
fn a_list_of_donors_ends_where_its_glue_does() {
    // An introductory cue's list goes on past its comma only to its `and`.
    let (p, _) =
        project("Funded by Japan, Germany and the EU, the project trains workers in Kenya.");
    assert_eq!(p.funder_codes(), ["DEU", "EU", "JPN"]);
    assert_eq!(p.country_codes(), ["KEN"]);
    let (p, _) = project("With the support of the EU, ILO and partners opened two centres.");
    assert_eq!(p.funder_codes(), ["EU"]);
    // A name the reference lacks ends before a known one joined by `and`.
    let (p, _) = project("The project is financed by the Hope Valley Trust and Norway.");
    assert_eq!(p.funder_codes(), ["Hope Valley Trust", "NOR"]);
    // A space alone does not go on to another donor: the Secretary
    // General's fund is the UN's.
    let (p, _) = project("It is funded by the UN Secretary General’s Peace Trust Fund.");
    assert_eq!(p.funder_codes(), ["UN"]);
}

#[test]
fn who_works_or_is_helped_is_not_a_funder() {
    for text in [
        "In partnership with the Government of Japan, the ILO trains workers.",
        "Training was provided by the ILO and the IOM.",
        "The ILO provides technical assistance to the ministry.",
        "Workers in Kenya provide funding to their own savings groups.",
        "It contributes to the ILO's programme on decent work.",
        "This project is a continuation of the ILO's support to domestic workers.",
        "Women earn US$ 300 a month. Project code RAF/12/01/EEC.",
        "The Process grew out of the EU financed project “Building Partnerships”.",
    ] {
        let (p, _) = project(text);
        assert!(
            p.funder_codes().is_empty(),
            "{text}: {:?}",
            p.funder_codes()
        );
    }
}

#[test]
fn a_state_body_is_its_state_in_any_word_order() {
    for (text, code) in [
        ("It is funded by the Ministry of Foreign Affairs of Denmark.", "DNK"),
        ("It is funded by the Norwegian Ministry of Foreign Affairs.", "NOR"),
        ("It is funded by the Ministry for Foreign Affairs Finland.", "FIN"),
        ("It is funded by the Embassy of the Netherlands.", "NLD"),
        ("It is funded by the Irish Embassy.", "IRL"),
        ("It is funded by the Royal Norwegian Embassy.", "NOR"),
        ("It is funded by the Spanish State Secretariat for Cooperation.", "ESP"),
        (
            "It is funded by the Federal Ministry for Economic Cooperation and Development (BMZ), Germany.",
            "DEU",
        ),
        ("It is funded by the Federal Ministry of Labour (Germany).", "DEU"),
        ("It is funded by the Department for International Development (DFID) UK.", "GBR"),
    ] {
        let (p, _) = project(text);
        assert_eq!(p.funder_codes(), [code], "{text}");
        assert!(p.country_codes().is_empty(), "{text}: {:?}", p.country_codes());
    }
    // Two bodies joined by `and the` are two.
    let (p, _) = project(
        "It is funded by the Danish Ministry of Foreign Affairs and the Ministry for Foreign Affairs Finland.",
    );
    assert_eq!(p.funder_codes(), ["DNK", "FIN"]);
}

#[test]
fn a_regional_or_city_government_is_its_state_and_names_no_place() {
    let (p, _) = project(
        "Funded by the Flemish Government, the Generalitat de Catalunya and the City of Vienna.",
    );
    assert_eq!(p.funder_codes(), ["AUT", "BEL", "ESP"]);
    assert!(p.country_codes().is_empty());
    let (p, _) = project("It works in partnership with the Basque Government in Colombia.");
    assert!(p.funder_codes().is_empty());
    assert_eq!(p.country_codes(), ["COL"]);
}

#[test]
fn a_title_names_its_donor() {
    for (title, code) in [
        (
            "Recovery of livelihoods after the floods - Government of Japan",
            "JPN",
        ),
        ("Swiss Support to Vocational Training", "CHE"),
        ("ILO/Norway Partnership on Skills", "NOR"),
    ] {
        let (p, _) = project_with(title, "Workers are trained.");
        assert_eq!(p.funder_codes(), [code], "{title}");
        assert!(p.country_codes().is_empty(), "{title}");
    }
    let (p, _) = project("ILO-EU project to improve data on safety at work.");
    assert_eq!(p.funder_codes(), ["EU"]);
}

#[test]
fn a_state_that_pays_is_not_a_place_because_its_body_is_named_again() {
    let (p, _) = project_with(
        "Recovery of livelihoods after the floods - Government of Japan",
        "In partnership with the Government of Japan, the ILO helps workers in Cebu, Philippines.",
    );
    assert_eq!(p.funder_codes(), ["JPN"]);
    assert_eq!(p.country_codes(), ["PHL"]);
    // An aid agency at work is its state abroad, not a place.
    let (p, _) = project(
        "The Japanese International Cooperation Agency (JICA) runs a similar project in Sierra Leone.",
    );
    assert!(p.funder_codes().is_empty());
    assert_eq!(p.country_codes(), ["SLE"]);
}

#[test]
fn french_and_spanish_donor_fields_name_their_donors() {
    for (field, codes) in [
        (
            "Bailleurs : Union européenne, Coopération suisse",
            vec!["CHE", "EU"],
        ),
        ("Financement: Coopération belge", vec!["BEL"]),
        // Spelled out in full and followed by an acronym the reference
        // knows.
        (
            "Donante: Agencia Española de Cooperación Internacional para el Desarrollo (AECID)",
            vec!["ESP"],
        ),
        ("Financiador: Unión Europea y COSUDE", vec!["CHE", "EU"]),
    ] {
        let (p, diagnostics) = project_with_fields(field);
        assert_eq!(p.funder_codes(), codes, "{field}");
        assert!(diagnostics.is_empty(), "{field}: {diagnostics:?}");
    }
}

#[test]
fn a_language_is_not_a_country() {
    let (p, _) = project_with(
        "Reform of labour inspection (available only in French)",
        "Guides in French and Spanish, and French-language training for inspectors from Mali.",
    );
    assert_eq!(p.country_codes(), ["MLI"]);
    // A demonym that names people or firms still names the country.
    let (p, _) = project("It helps French and Italian firms that invest in Tunisia.");
    assert_eq!(p.country_codes(), ["FRA", "ITA", "TUN"]);
}

#[test]
fn a_donor_that_supports_pays_an_agency_that_supports_works() {
    let (p, _) = project(
        "Sweden commits itself to supporting the statistics office of Ghana. The ILO supports the ministry with training.",
    );
    assert_eq!(p.funder_codes(), ["SWE"]);
    assert_eq!(p.country_codes(), ["GHA"]);
    let (p, _) = project(
        "The agency plans to further support returnees. SIDA will support the second phase.",
    );
    assert_eq!(p.funder_codes(), ["SWE"]);
    let (p, _) = project("Sweden is supported by its partners in this work.");
    assert!(p.funder_codes().is_empty());
}

#[test]
fn a_partnering_government_is_a_place_only_where_the_country_is_named_itself() {
    let (p, _) = project(
        "In partnership with the Government of Norway, the ILO rebuilt schools after the storm.",
    );
    assert!(p.country_codes().is_empty(), "{:?}", p.country_codes());
    let (p, _) =
        project("In partnership with the Government of Nepal, the ILO trains recruiters in Nepal.");
    assert_eq!(p.country_codes(), ["NPL"]);
    // A ministry is the country's own counterpart.
    let (p, _) = project("The project works with the Ministry of Labour of Jordan.");
    assert_eq!(p.country_codes(), ["JOR"]);
}

#[test]
fn phrases_that_span_regions_name_none_and_french_names_name_theirs() {
    let (p, _) = project("The project covers the Arab States and works globally.");
    assert!(p.region_names().is_empty(), "{:?}", p.region_names());
    let (p, _) = project("Le projet couvre cinq pays d’Afrique de l’Ouest.");
    assert_eq!(p.region_names(), ["Africa"]);
}

#[test]
fn cues_in_french_spanish_portuguese_german_and_italian_give_roles() {
    let role_of = |p: &Project, code: &str| {
        p.facts
            .organisations
            .iter()
            .filter(|o| o.code == code)
            .map(|o| o.role.as_str())
            .min()
            .unwrap_or("absent")
    };
    for (text, funder, other, other_role) in [
        (
            "Le projet est financé par l'Union européenne et mis en œuvre par l'OIM.",
            "EU",
            "IOM",
            "implementer",
        ),
        (
            "Avec le soutien de la Coopération suisse, les associations travaillent en partenariat avec l’OIT.",
            "CHE",
            "ILO",
            "partner",
        ),
        (
            "El proyecto está financiado por la Unión Europea y ejecutado por la OIT.",
            "EU",
            "ILO",
            "implementer",
        ),
        (
            "Con el apoyo de la COSUDE, la red trabaja en colaboración con la OIM.",
            "CHE",
            "IOM",
            "partner",
        ),
        (
            "O projeto é financiado pela Unión Europea e implementado pela OIT.",
            "EU",
            "ILO",
            "implementer",
        ),
        (
            "Das Vorhaben wird gefördert durch die Europäische Union und umgesetzt von der ILO.",
            "EU",
            "ILO",
            "implementer",
        ),
        (
            "Il progetto è finanziato dall'Unione europea e realizzato dalla OIM.",
            "EU",
            "IOM",
            "implementer",
        ),
    ] {
        let (p, _) = project(text);
        assert_eq!(p.funder_codes(), [funder], "{text}");
        assert_eq!(role_of(&p, other), other_role, "{text}");
    }
    // A participle that is not followed by who pays names nobody.
    let (p, _) = project("Le projet financé en 2019 forme des jeunes avec l'OIM.");
    assert!(p.funder_codes().is_empty());
}

#[test]
fn countries_and_bodies_named_in_german_italian_portuguese_and_dutch() {
    for (text, funders, countries) in [
        (
            "Gefördert von der Europäischen Union, mit Rückkehrern aus Marokko und Tunesien.",
            vec!["EU"],
            vec!["MAR", "TUN"],
        ),
        (
            "Finanziato dall'Unione Europea, il progetto lavora in Etiopia e in Libano.",
            vec!["EU"],
            vec!["ETH", "LBN"],
        ),
        (
            "Financiado pela Suíça, o projeto apoia migrantes em Moçambique.",
            vec!["CHE"],
            vec!["MOZ"],
        ),
        (
            "Umgesetzt von der Internationalen Arbeitsorganisation in Äthiopien.",
            vec![],
            vec!["ETH"],
        ),
        (
            "Gefinancierd door de Europese Unie, met scholen in Ivoorkust en Ethiopië.",
            vec!["EU"],
            vec!["CIV", "ETH"],
        ),
        (
            "Uitgevoerd door de Internationale Arbeidsorganisatie in Oeganda.",
            vec![],
            vec!["UGA"],
        ),
        // The European Portuguese spelling beside the Brazilian one.
        (
            "O projeto apoia escolas na Guiné-Bissau e na Guiné-Bissáu.",
            vec![],
            vec!["GNB"],
        ),
    ] {
        let (p, _) = project(text);
        assert_eq!(p.funder_codes(), funders, "{text}");
        assert_eq!(p.country_codes(), countries, "{text}");
    }
    // `Island` is Iceland in German, and an island in English.
    let (p, _) = project("Island communities in the Pacific are linked to markets.");
    assert!(p.country_codes().is_empty());
}

#[test]
fn names_joined_by_no_break_spaces_are_found() {
    let (p, _) = project("Funded by the European\u{a0}Union and Sweden in Burkina\u{202f}Faso.");
    assert_eq!(p.funder_codes(), ["EU", "SWE"]);
    assert_eq!(p.country_codes(), ["BFA"]);
    let eu = p
        .facts
        .organisations
        .iter()
        .find(|o| o.code == "EU")
        .unwrap();
    assert_eq!(eu.mention, "European\u{a0}Union");
}

#[test]
fn donors_listed_with_their_shares_are_all_funders() {
    let (p, _) = project_with_fields("Donor: EU 60%, Sweden 40%");
    assert_eq!(p.funder_codes(), ["EU", "SWE"]);
    assert!(p.country_codes().is_empty());
    let (p, _) = project("Funded by the EU (75 %) and Germany (25 %) in Mali.");
    assert_eq!(p.funder_codes(), ["DEU", "EU"]);
    assert_eq!(p.country_codes(), ["MLI"]);
}

#[test]
fn funders_named_in_their_own_languages() {
    for (text, funders) in [
        (
            "Finanziato dalla Cooperazione Svizzera in Etiopia.",
            vec!["CHE"],
        ),
        (
            "Financé par le Royaume de Belgique et le FIDA au Niger.",
            vec!["BEL", "IFAD"],
        ),
        (
            "Financé par le Grand-Duché de Luxembourg au Niger.",
            vec!["LUX"],
        ),
    ] {
        let (p, _) = project(text);
        assert_eq!(p.funder_codes(), funders, "{text}");
    }
}

#[test]
fn a_name_before_its_money_and_funding_with_or_financially_pays() {
    let (p, _) = project(
        "Clinics open with an Irish Aid grant and World Bank financing. The project is jointly funded with JICA and supported financially by Sweden.",
    );
    assert_eq!(p.funder_codes(), ["IRL", "JPN", "SWE", "WB"]);
    assert!(p.country_codes().is_empty());
    // Money named after a name pays; a name in other words does not.
    let (p, _) = project("The Irish Aid office and the World Bank team met in Accra.");
    assert!(p.funder_codes().is_empty());
}

#[test]
fn a_funding_body_alone_in_a_cell_of_facts_pays() {
    let text = "Our main projects\n\n\
        1. Clean water for mountain villages\n   Nepal | European Union (ECHO) | 2020-2023\n   Wells and pumps for six villages.\n\n\
        2. Savings groups for returnees\n   Senegal · 2019–2021 · Austrian Development Agency\n   Loans for small shops.\n\n\
        3. First aid in schools\n   Lebanon | Oxfam | 2021-2022\n   Training for teachers.\n\n\
        4. Fishing cooperatives\n   Ghana | with UNICEF | 2018-2020\n   Boats and nets.\n";
    let (projects, _) = normalise_text(text);
    let funders: Vec<Vec<&str>> = projects.iter().map(|p| p.funder_codes()).collect();
    let none: Vec<&str> = Vec::new();
    assert_eq!(funders, [vec!["EU"], vec!["AUT"], none.clone(), none]);
    // The cells beside the body's still say where.
    assert_eq!(projects[0].country_codes(), ["NPL"]);
    assert_eq!(projects[1].country_codes(), ["SEN"]);
}

#[test]
fn a_name_wrapped_onto_the_next_line_is_read_whole() {
    let text = "Projects\n\n1. Seed banks for returnees\n   2019 - 2021\n   Donors: Ministry of Foreign Affairs of the\n   Netherlands; Irish Aid\n   The work is paid for by the Government of\n   Norway and carried out in the north of\n   Burkina Faso.\n";
    let (projects, diagnostics) = normalise_text(text);
    let p = &projects[0];
    assert_eq!(p.funder_codes(), ["IRL", "NLD", "NOR"]);
    assert_eq!(p.country_codes(), ["BFA"]);
    assert!(diagnostics
        .iter()
        .all(|d| !d.message.contains("kept under its literal name")));
    // The evidence is the whole sentence, cited from the line it starts on.
    let norway = p
        .facts
        .organisations
        .iter()
        .find(|o| o.code == "NOR")
        .unwrap();
    assert_eq!(
        &*norway.evidence.sentence,
        "The work is paid for by the Government of Norway and carried out in the north of Burkina Faso."
    );
    assert_eq!(norway.evidence.line, 7);
    let span = norway.evidence.span;
    assert!(text[span.start..span.end]
        .starts_with("The work is paid for by the Government of\n   Norway"));
}

#[test]
fn a_line_that_names_organisations_alone_names_who_the_project_is_for() {
    let (projects, _) = normalise_text(
        "Assignments\n\n\
         Review of rural water tariffs\n\
         March 2019 - June 2020\n\
         World Bank - UNICEF, Ecuador\n\n\
         Survey of school meals\n\
         January 2018 - May 2019\n\
         UNICEF trained the enumerators.\n\n\
         Mapping of health posts\n\
         2017 - 2018\n\
         Partner organisations: Oxfam\n",
    );
    let funders: Vec<Vec<&str>> = projects.iter().map(|p| p.funder_codes()).collect();
    assert_eq!(funders, [vec!["UNICEF", "WB"], vec![], vec![]]);
    assert_eq!(projects[0].country_codes(), ["ECU"]);
}

#[test]
fn a_sentence_opening_on_a_donor_label_names_the_donors() {
    let (p, _) = project(
        "What keeps farmers from storing their grain in the dry months, and what would help \
         them? Funders: USAID, Hope Valley Trust. The stores are run with UNICEF.",
    );
    assert_eq!(p.funder_codes(), ["Hope Valley Trust", "USA"]);
    // The label's role reaches the sentence's end, not the next one's names.
    let unicef = p
        .facts
        .organisations
        .iter()
        .find(|o| o.code == "UNICEF")
        .expect("UNICEF is named");
    assert_eq!(unicef.role.as_str(), "mentioned");
}

#[test]
fn funded_without_by_before_a_known_name_names_the_donors() {
    let (p, _) = project(
        "A study of groundwater for irrigation in the north, funded FAO/EU (2011-13). \
         The team also reviewed EU-funded UNDP projects and funded schools.",
    );
    // "EU-funded" names the EU, not UNDP after it.
    assert_eq!(p.funder_codes(), ["EU", "FAO"]);
}

#[test]
fn an_ngo_and_a_country_after_a_dash_is_its_national_section() {
    let (p, _) = project("Street schools in Dhaka, funded by Terre des hommes- Netherlands.");
    assert_eq!(p.funder_codes(), ["TDH"]);
    // The section's country is no place of the work.
    assert!(p.country_codes().is_empty());
    // A country after a dash that follows no NGO is still a place.
    let (p, _) = project("Funded by Terre des hommes. Work in Dhaka – Bangladesh.");
    assert_eq!(p.country_codes(), ["BGD"]);
}

#[test]
fn a_start_and_a_stated_length_give_the_end_and_the_duration() {
    let (projects, diagnostics) = normalise_text(
        "Projects\n\nRainwater tanks for village schools\nStart date: March 2020\nDuration: 36 months\n\
         Donor: Norway\n\nMobile clinics for herders\nStart date: 1 June 2019\nDuration: 2 years\n\
         Donor: Sweden\n",
    );
    let ends: Vec<(String, Option<i64>)> = projects
        .iter()
        .map(|p| {
            let end = p.dates.end.map(|e| e.date.to_string()).unwrap_or_default();
            (end, p.duration_months)
        })
        .collect();
    assert_eq!(
        ends,
        [
            ("2023-02-28".to_string(), Some(36)),
            ("2021-05-31".to_string(), Some(24))
        ]
    );
    assert!(
        diagnostics.iter().all(|d| !d.message.contains("dates")),
        "{diagnostics:?}"
    );
}

#[test]
fn german_country_names_as_printed_after_an_article() {
    for (sentence, code) in [
        ("Das Projekt baut Brunnen in der DR Kongo.", "COD"),
        (
            "Das Projekt baut Brunnen in der Demokratischen Republik Kongo.",
            "COD",
        ),
        (
            "Es fördert Schulen in der Zentralafrikanischen Republik.",
            "CAF",
        ),
        ("Es fördert Schulen in der Dominikanischen Republik.", "DOM"),
    ] {
        let (p, _) = project(sentence);
        assert_eq!(p.country_codes(), [code], "{sentence}");
    }
}

#[test]
fn paying_verbs_and_passives_of_the_other_languages() {
    for (sentence, funder) in [
        (
            "Das Projekt wird von der Europäischen Union gefördert und baut Brunnen in Uganda.",
            "EU",
        ),
        ("Es wird durch Norwegen finanziert.", "NOR"),
        (
            "El Gobierno de España destinará 3 millones de euros a este proyecto en Honduras.",
            "ESP",
        ),
        (
            "The International Development Association has agreed to lend $5 million for the project.",
            "WB",
        ),
        (
            "The European Union mobilises €3 million for the project in Togo.",
            "EU",
        ),
    ] {
        let (p, _) = project(sentence);
        assert_eq!(p.funder_codes(), [funder], "{sentence}");
    }
    // The agent of another passive pays nothing; nor does a German
    // subject that promotes or pays for something (its nouns are
    // capitalised as names are).
    for sentence in [
        "Das Projekt wird von der Europäischen Union evaluiert.",
        "Das Projekt fördert grüne Kompetenzen für Frauen in Kenia.",
        "Die Schule finanziert Schulbücher für Mädchen in Uganda.",
    ] {
        let (p, _) = project(sentence);
        assert!(p.funder_codes().is_empty(), "{sentence}");
    }
}

#[test]
fn implementers_the_reference_lacks_are_kept_under_their_names_without_a_warning() {
    let (projects, diagnostics) = normalise_text(
        "Projects\n\nSolar lamps for night schools\n2019 – 2020\nDonor: Irish Aid\n\
         Implementer: Mwangaza Community Trust\n\nRainwater tanks for rural clinics\n2020 – 2022\n\
         Donor: Irish Aid\nImplementing partners: Lake Fishers Union (LFU); Maji Safi Uganda\n",
    );
    let organisations = |p: &Project| -> Vec<(String, String, String)> {
        p.facts
            .organisations
            .iter()
            .map(|o| {
                (
                    o.name.to_string(),
                    o.code.to_string(),
                    o.role.as_str().to_string(),
                )
            })
            .collect()
    };
    let implementer = |name: &str, code: &str| {
        (
            name.to_string(),
            code.to_string(),
            "implementer".to_string(),
        )
    };
    let funder = (
        "Government of Ireland".to_string(),
        "IRL".to_string(),
        "funder".to_string(),
    );
    assert_eq!(
        organisations(&projects[0]),
        [
            funder.clone(),
            implementer("Mwangaza Community Trust", "Mwangaza Community Trust")
        ]
    );
    assert_eq!(
        organisations(&projects[1]),
        [
            funder,
            implementer("Lake Fishers Union", "LFU"),
            implementer("Maji Safi Uganda", "Maji Safi Uganda")
        ]
    );
    // A country in an implementer's name is where the project works, as
    // in a known body's; no warning asks for a donor code.
    assert_eq!(projects[1].country_codes(), ["UGA"]);
    assert!(projects[0].country_codes().is_empty());
    assert!(
        diagnostics.iter().all(|d| !d.message.contains("not in")),
        "{diagnostics:?}"
    );
}

#[test]
fn funders_in_dutch_italian_and_portuguese_phrasings() {
    for (sentence, funder) in [
        ("Gefinancierd door: Norway.", "NOR"),
        ("Met steun van: the European Union.", "EU"),
        (
            "Dankzij de steun van de Europese Unie bouwen wij putten.",
            "EU",
        ),
        ("Grazie al contributo della Unione Europea.", "EU"),
        ("Componente do projeto (financiamento PNUD).", "UNDP"),
    ] {
        let (p, _) = project(sentence);
        assert_eq!(p.funder_codes(), [funder], "{sentence}");
    }
}

#[test]
fn a_project_naming_no_place_works_where_its_sections_heading_says() {
    let (projects, _) = normalise_text(
        "Our grants\n\nProjects in Ghana\n\n- Solar lamps for night schools\n\
         - Goat banks for rural widows in Togo\n\nUK - Department for International Development\n\n\
         - Rainwater tanks for village clinics\n",
    );
    let places: Vec<Vec<&str>> = projects.iter().map(|p| p.country_codes()).collect();
    // The second names its own; the third's heading names a body, not a
    // place.
    assert_eq!(places, [vec!["GHA"], vec!["TGO"], vec![]]);
    let evidence = &projects[0].facts.places[0].evidence;
    assert_eq!(
        (evidence.origin, evidence.line, &*evidence.sentence),
        ("section", 3, "Projects in Ghana")
    );
    assert_eq!(projects[0].region_names(), ["Africa"]);
}

#[test]
fn embassies_and_ministries_named_in_the_other_languages_are_their_states() {
    for (sentence, funder, place) in [
        (
            "Financé par l'Ambassade de France au Togo, le projet creuse des puits à Kara.",
            "FRA",
            "TGO",
        ),
        (
            "Con el apoyo de la Embajada de España, el proyecto trabaja en Honduras.",
            "ESP",
            "HND",
        ),
        (
            "Gefördert von der Botschaft von Japan, arbeitet das Projekt in Ghana.",
            "JPN",
            "GHA",
        ),
    ] {
        let (p, diagnostics) = project(sentence);
        assert_eq!(p.funder_codes(), [funder], "{sentence}");
        // The embassy's state is who pays, not where the work is.
        assert_eq!(p.country_codes(), [place], "{sentence}");
        assert!(
            diagnostics.iter().all(|d| !d.message.contains("not in")),
            "{sentence}"
        );
    }
}
