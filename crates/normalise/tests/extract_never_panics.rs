//! `extract` on texts made of the pieces real listings mix: organisation
//! names that hold a country ("Government of the Republic of Korea", "Japan
//! Fund", "Netherlands Embassy in Ethiopia"), countries and demonyms, cue
//! phrases, list glue, wrapped lines and lists of places. Whatever the mix,
//! it must not panic, and every fact's evidence must be a sentence of the
//! file at the span it gives, holding the words the fact was read from.

use devcoop_normalise::extract::extract;
use devcoop_normalise::Reference;
use ingest::{Field, RawProject, Segment, Span, Text};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        Reference::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"))
            .expect("reference data")
    })
}

const PIECES: &[&str] = &[
    // Names that hold other names.
    "Government of the Republic of Korea",
    "Korea International Cooperation Agency",
    "Republic of Korea",
    "Japan Fund",
    "Japan Fund for Poverty Reduction",
    "Government of Japan",
    "Netherlands Embassy in Ethiopia",
    "Embassy of the Netherlands",
    "Government of the Netherlands",
    "Embassy of Japan in the Philippines",
    "Italian Ministry of Interior",
    "United Kingdom Border Agency",
    "Ministry for Foreign Affairs Finland",
    "Federal Ministry of Labour (Germany)",
    "Federal Ministry for Economic Cooperation and Development (BMZ), Germany",
    "Department for International Development (DFID) UK",
    "US Government",
    "Friends of Malawi Trust",
    "Hope for Kenya Foundation",
    "Global Fund for Children (GFC)",
    "Asia Foundation",
    "Flemish Government",
    "Generalitat de Catalunya",
    "Royal Norwegian Embassy",
    "Norwegian Ministry of Foreign Affairs and the Ministry for Foreign Affairs",
    "Agencia Española de Cooperación Internacional para el Desarrollo (AECID)",
    "UN Secretary General’s Multi Partner Trust Fund (MPTF)",
    "Bailleurs :",
    "Donors:",
    "USD 500,000 from",
    "in French",
    "French-language",
    "European Union",
    "EU",
    "ILO",
    "ILO/Japan",
    "ILO-EU",
    "Norad",
    "(Norad)",
    "UNDP",
    "Sida",
    // Places and people.
    "Cambodia",
    "Lao PDR",
    "Viet Nam",
    "Côte d'Ivoire",
    "Türkiye",
    "the Philippines",
    "the Gambia",
    "Kenya",
    "Uganda",
    "Italy",
    "Tunisia",
    "Morocco",
    "Norway",
    "Japanese",
    "Norwegian",
    "Irish",
    "Afghan workers",
    "Asia",
    "East Africa",
    "the Sahel",
    // Cues and verbs.
    "funded by",
    "Funded by the",
    "financed by",
    "with funding from",
    "with the financial support of",
    "thanks to a contribution from",
    "Funding for this phase was provided by",
    "a grant from",
    "co-funded by",
    "contributes",
    "provides EUR 2 million",
    "is funding",
    "has granted",
    "-funded",
    "’s programme",
    "'s Thematic Programme",
    "Support to",
    "in partnership with",
    "implemented by",
    "from",
    "to",
    "in",
    "the",
    "of",
    "and",
    ",",
    ";",
    "/",
    "&",
    ".",
    "(",
    ")",
    "US$ 500,000",
    "RAF/10/55/USA",
    "\n",
];

/// A text of pieces and a few stray characters, joined by spaces or not.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "[A-Za-zé’'(),;/&. -]{0,6}",
    ];
    prop::collection::vec((piece, any::<bool>()), 0..24).prop_map(|pieces| {
        let mut out = String::new();
        for (piece, spaced) in pieces {
            if spaced && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&piece);
        }
        out
    })
}

/// `lines` as the segments of one text, appended to `file` on lines of
/// their own.
fn segments(file: &mut String, line: &mut usize, text: &str) -> Text {
    let mut out = Vec::new();
    for part in text.split('\n') {
        let start = file.len();
        file.push_str(part);
        out.push(Segment {
            text: part.to_string(),
            line: *line,
            span: Span::new(start, file.len()),
            map: Default::default(),
        });
        file.push('\n');
        *line += 1;
    }
    Text { segments: out }
}

fn project(title: &str, donors: &str, description: &str) -> (String, RawProject) {
    let mut file = String::new();
    let mut line = 1;
    let title = segments(&mut file, &mut line, title);
    let donors = segments(&mut file, &mut line, donors);
    let other_field = segments(&mut file, &mut line, description);
    let description = segments(&mut file, &mut line, description);
    let raw = RawProject {
        source: "generated.txt".into(),
        ordinal: 1,
        section: None,
        section_heading: None,
        list_number: None,
        kicker: None,
        title,
        date: None,
        fields: vec![
            Field {
                label: "Donors".into(),
                value: donors,
            },
            Field {
                label: "Objective".into(),
                value: other_field,
            },
        ],
        description: vec![description],
        first_line: 1,
        last_line: line,
        span: Span::new(0, file.len()),
        anchor: None,
    };
    (file, raw)
}

fn check_evidence(file: &str, evidence: &devcoop_normalise::extract::Evidence, words: &str) {
    let span = evidence.span;
    // A sentence wrapped over lines is read with one space for each line
    // break: its words are the span's.
    let words_of = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        file.get(span.start..span.end).map(words_of),
        Some(words_of(&evidence.sentence)),
        "evidence span {span:?} is not its sentence in {file:?}"
    );
    assert!(
        !evidence.sentence.contains('\n'),
        "a sentence is read on one line: {evidence:?}"
    );
    assert!(
        evidence.sentence.contains(words),
        "`{words}` is not in its evidence `{}`",
        evidence.sentence
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn extract_never_panics_and_evidence_is_in_the_text(
        title in text(),
        donors in text(),
        description in text(),
    ) {
        let (file, raw) = project(&title, &donors, &description);
        let facts = extract(reference(), &raw, &mut Vec::new());
        for org in &facts.organisations {
            check_evidence(&file, &org.evidence, &org.mention);
            prop_assert!(!org.code.is_empty());
        }
        for place in &facts.places {
            check_evidence(&file, &place.evidence, &place.mention);
        }
        for region in &facts.regions {
            check_evidence(&file, &region.evidence, "");
        }
    }
}
