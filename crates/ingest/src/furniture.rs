//! Lines a results page or a press release prints around its listing,
//! copied along with it: a pager (`« Previous 1 2 3 … 32 Next »`), a
//! count of results (`Showing 1 to 10 of 127 results`, `43 Treffer`), a
//! dateline (`Brussels, 14 December 2018`) and a bar of buttons and links
//! (`Share  Print  Download`, `Read more`). They are no
//! record's text: each parts the text around it as a blank line does.
//!
//! Both are told by their shape (numbers among a few words of paging or
//! counting, in the languages the listings come in), not by any one
//! site's wording.

use crate::dates::scan_date;
use crate::source::Line;

/// Whether a line standing on its own is a pager, a count of results, a
/// dateline or a bar of buttons and links.
pub fn is_page_furniture(text: &str) -> bool {
    if is_markdown_images(text) {
        return true;
    }
    // Most lines are long or hold no digit: turned away first.
    if text.len() > 120 {
        return false;
    }
    if is_link_with_arrow(text) {
        return true;
    }
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        // A pager without numbers steps both ways in a few words.
        return is_action_bar(text)
            || is_breadcrumb(text)
            || is_language_switch(text)
            || is_tag_list(text)
            || (text.len() <= 60 && is_pager(text));
    }
    is_pager(text)
        || is_page_marker(text)
        || is_running_title(text)
        || is_result_count(text)
        || is_dateline(text)
        || is_action_bar(text)
}

/// A line of Markdown images and nothing else (`![](wells.jpg)
/// ![Pupils](class.jpg "The new class")`, each maybe a link: `[![](a.jpg)](a)`):
/// pictures of the page, no text of it.
fn is_markdown_images(text: &str) -> bool {
    let mut rest = text.trim();
    if !rest.starts_with("![") && !rest.starts_with("[![") {
        return false;
    }
    while !rest.is_empty() {
        let linked = rest.starts_with("[![");
        let Some(after_mark) = rest.strip_prefix(if linked { "[![" } else { "![" }) else {
            return false;
        };
        // The alternative text, then the address in brackets.
        let Some((_, after_alt)) = after_mark.split_once("](") else {
            return false;
        };
        let Some((_, after_address)) = after_alt.split_once(')') else {
            return false;
        };
        rest = after_address;
        if linked {
            let Some(link) = rest.strip_prefix("](") else {
                return false;
            };
            let Some((_, after_link)) = link.split_once(')') else {
                return false;
            };
            rest = after_link;
        }
        rest = rest.trim_start();
    }
    true
}

/// A report's running title in capitals with the page's number before or
/// after it (`5   ANNUAL PROGRESS REPORT 2019/20`, `2 INNOVATIVE
/// INITIATIVES: PROJECT HIGHLIGHTS`, `ANNUAL REVIEW 2022   27`), copied
/// from each page of a PDF: two words at least, no lower-case letter.
fn is_running_title(text: &str) -> bool {
    let page_number = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let title = match text.split_once(char::is_whitespace) {
        Some((first, rest)) if page_number(first) => rest.trim(),
        _ => match text.trim_end().rsplit_once(|c: char| c.is_whitespace()) {
            // At the end, set apart by a wide gap: `REPORT 2019  27`.
            Some((rest, last))
                if page_number(last) && (rest.ends_with("  ") || rest.ends_with('\t')) =>
            {
                rest.trim()
            }
            _ => return false,
        },
    };
    let words = title
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words >= 2 && !title.chars().any(char::is_lowercase)
}

/// A page's number before the document's running title, as a document
/// site's transcript or a PDF's header prints it (`Page 12: Annual
/// report`, `Seite 3 - Jahresbericht`): where a page of the source began.
fn is_page_marker(text: &str) -> bool {
    let Some((word, rest)) = text.split_once(' ') else {
        return false;
    };
    if !PAGE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return false;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&digits) && {
        let after = rest[digits..].trim_start();
        after.starts_with(':') || after.starts_with("- ") || after.starts_with("– ")
    }
}

/// Names of languages as a page's switcher prints them, in their own
/// language and in English, and their codes.
const LANGUAGES: &[&str] = &[
    "english",
    "français",
    "francais",
    "español",
    "espanol",
    "deutsch",
    "português",
    "portugues",
    "italiano",
    "nederlands",
    "русский",
    "العربية",
    "عربي",
    "中文",
    "日本語",
    "한국어",
    "french",
    "spanish",
    "german",
    "portuguese",
    "italian",
    "dutch",
    "arabic",
    "chinese",
    "russian",
    "korean",
    "japanese",
    "en",
    "fr",
    "es",
    "de",
    "pt",
    "it",
    "nl",
    "ar",
    "ru",
    "zh",
];

/// A page's language switcher (`English Français`, `EN | FR | ES`): two
/// languages at least and nothing else.
fn is_language_switch(text: &str) -> bool {
    let mut languages = 0;
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '/' | '•'))
        .filter(|w| !w.is_empty())
    {
        if !LANGUAGES
            .iter()
            .any(|l| l.eq_ignore_ascii_case(&word.to_lowercase()))
        {
            return false;
        }
        languages += 1;
    }
    languages >= 2
}

/// Labels of a page's list of tags or keywords.
const TAG_LABELS: &[&str] = &[
    "tags",
    "tagged",
    "keywords",
    "schlagworte",
    "schlagwörter",
    "étiquettes",
    "mots-clés",
    "etiquetas",
    "palabras clave",
    "parole chiave",
    "palavras-chave",
    "trefwoorden",
];

/// A line that lists a page's tags after their label (`TAGS IDB Peru
/// Uruguay`, `Keywords: water, schools`): links to other pages, no
/// record's text.
fn is_tag_list(text: &str) -> bool {
    let lower = text.to_lowercase();
    TAG_LABELS.iter().any(|label| {
        // Its colon, or the label in capitals, sets it apart from a
        // sentence that starts with the word (`Tagged wells in Kenya`).
        let set_apart = |rest: &str| {
            rest.starts_with(':')
                || (rest.starts_with(' ')
                    && text
                        .get(..label.len())
                        .is_some_and(|l| !l.chars().any(char::is_lowercase)))
        };
        lower
            .strip_prefix(label)
            .is_some_and(|rest| set_apart(rest) && !rest.trim_start_matches(':').trim().is_empty())
    })
}

/// Words of a page's footer links, one of which makes a line of them the
/// footer's (`Imprint | Privacy policy`, `Datenschutz  Impressum`, `FAQ ·
/// Contact us`).
const FOOTER_WORDS: &[&str] = &[
    "privacy",
    "imprint",
    "impressum",
    "datenschutz",
    "datenschutzerklärung",
    "terms",
    "cookies",
    "legal",
    "disclaimer",
    "accessibility",
    "barrierefreiheit",
    "sitemap",
    "faq",
    "confidentialité",
    "mentions",
    "légales",
    "privacidad",
    "aviso",
    "informativa",
    "legali",
];

/// Words that stand among them (`Terms of use`, `Data protection`,
/// `Contact us`), never a footer's line alone.
const FOOTER_JOINERS: &[&str] = &[
    "policy",
    "notice",
    "statement",
    "conditions",
    "of",
    "use",
    "and",
    "the",
    "data",
    "protection",
    "contact",
    "us",
    "about",
    "site",
    "map",
    "careers",
    "jobs",
    "press",
    "cookie",
    "settings",
    "politique",
    "de",
    "política",
    "note",
    "kontakt",
    "contatti",
    "contacto",
];

/// A line of nothing but a page's footer links, one of [`FOOTER_WORDS`]
/// at least, ten words at most.
fn is_footer_links(text: &str) -> bool {
    is_bar_of(text, FOOTER_WORDS, FOOTER_JOINERS, 10)
}

/// Whether a line is nothing but `words` and `joiners`, one of `words` at
/// least and `most` words in all, parted by spaces or the marks pages put
/// between links (`|`, `·`, `›`, `→` …): a bar of a page's links.
fn is_bar_of(text: &str, words: &[&str], joiners: &[&str], most: usize) -> bool {
    if text.len() > 120 {
        return false;
    }
    let is = |list: &[&str], word: &str| list.iter().any(|l| l.eq_ignore_ascii_case(word));
    let separators = |c: char| {
        c.is_whitespace() || matches!(c, '|' | '·' | '•' | '/' | ',' | ':' | '›' | '»' | '→' | '↑')
    };
    let mut seen = 0;
    let mut listed = 0;
    // Every short line without a digit is asked: most turn away at their
    // first word.
    for word in text
        .split(separators)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
    {
        seen += 1;
        if is(words, word) {
            listed += 1;
        } else if !is(joiners, word) || seen > most {
            return false;
        }
    }
    listed > 0 && seen <= most
}

/// The lines of the blocks of furniture among `lines`: a page's footer
/// ([`footer_lines`]) and its lists of links to other pages
/// ([`related_lines`]). Their line numbers.
pub fn furniture_blocks(lines: &[Line]) -> Vec<usize> {
    let mut furniture = front_matter(lines);
    furniture.extend(footer_lines(lines));
    furniture.extend(related_lines(lines));
    furniture.extend(printed_page_headers(lines));
    furniture.extend(breadcrumb_lines(lines));
    furniture
}

/// The front matter a site generator reads from the top of a Markdown
/// page (Jekyll, Hugo, Grav): `---` on the file's first line, keys and
/// values (`title: Réalisations`, `media_order: …`), and `---` again, with
/// no blank line between. It is the page's settings, not its text; its
/// `title:` is no project's. Hugo's TOML front matter is fenced by `+++`.
fn front_matter(lines: &[Line]) -> Vec<usize> {
    const MOST_LINES: usize = 100;
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let fence = first.text.trim_start_matches('\u{feff}').trim_end();
    if first.number != 1 || !matches!(fence, "---" | "+++") {
        return Vec::new();
    }
    let close = lines
        .iter()
        .take(MOST_LINES)
        .skip(1)
        .take_while(|line| !line.text.trim().is_empty())
        .position(|line| line.text.trim_end() == fence);
    let Some(close) = close else {
        return Vec::new();
    };
    // Every line between is a key and its value, or goes on the one above
    // (an indented or listed value). `close` counts from the line under
    // the first fence.
    let settings = &lines[1..close + 1];
    // A key is a word or a few (`Feature Image:`), of letters, digits and
    // the marks keys join words with.
    const MOST_KEY_WORDS: usize = 4;
    let keyed = |line: &&Line| {
        let text = line.text;
        text.starts_with([' ', '\t', '-'])
            || text.split_once([':', '=']).is_some_and(|(key, _)| {
                let key = key.trim();
                key.starts_with(char::is_alphabetic)
                    && key.split(' ').count() <= MOST_KEY_WORDS
                    && key
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
            })
    };
    if !settings.is_empty() && settings.iter().all(|line| keyed(&line)) {
        lines[..close + 2].iter().map(|line| line.number).collect()
    } else {
        Vec::new()
    }
}

/// The words a breadcrumb trail opens on: the site's home page.
const HOME_WORDS: [&str; 8] = [
    "home",
    "home page",
    "homepage",
    "accueil",
    "inicio",
    "início",
    "startseite",
    "start",
];

/// A page's breadcrumb trail on one line (`Home / Projects / Research`,
/// `Accueil > Nos projets`): the home page, then a few steps parted by
/// slashes or arrows.
fn is_breadcrumb(text: &str) -> bool {
    const MOST_WORDS: usize = 12;
    // The home page is a step of its own: `Home Office / DFID` is a name.
    let first = text
        .split(['/', '>', '»', '›', '|'])
        .next()
        .unwrap_or_default();
    let parted = [" / ", " > ", " » ", " › ", " | "]
        .iter()
        .any(|s| text.contains(s));
    parted
        && HOME_WORDS.contains(&first.trim().to_lowercase().as_str())
        && text.split_whitespace().count() <= MOST_WORDS
}

/// A page's breadcrumb trail copied as a list (`- Home` / `- Aid by
/// location` / `- South of Sahara`): a block that opens on an item naming
/// the site's home page, and the short items right under it. Their line
/// numbers.
fn breadcrumb_lines(lines: &[Line]) -> Vec<usize> {
    const LONGEST_ITEM: usize = 8;
    let item = |line: &Line| -> Option<String> {
        let text = line.trimmed().0;
        let rest = text.strip_prefix(['-', '*', '•', '·', '›', '>'])?;
        rest.starts_with(' ').then(|| rest.trim().to_lowercase())
    };
    let blank = |i: usize| lines.get(i).is_none_or(|line| line.trimmed().0.is_empty());
    let mut trail = Vec::new();
    for i in 0..lines.len() {
        let opens_trail = (i == 0 || blank(i - 1))
            && item(&lines[i]).is_some_and(|text| HOME_WORDS.contains(&text.as_str()));
        if !opens_trail {
            continue;
        }
        trail.push(lines[i].number);
        for line in &lines[i + 1..] {
            match item(line) {
                Some(text) if text.split_whitespace().count() <= LONGEST_ITEM => {
                    trail.push(line.number);
                }
                _ => break,
            }
        }
    }
    trail
}

/// Whether `text` opens on a web address (`https://…`, `www.…`).
pub fn is_web_address(text: &str) -> bool {
    ["http://", "https://", "www."]
        .iter()
        .any(|scheme| text.starts_with(scheme))
}

/// Whether `text` is a web address with nothing else on its line.
pub fn is_web_address_alone(text: &str) -> bool {
    let text = text.trim();
    is_web_address(text) && !text.contains(char::is_whitespace)
}

/// The header a browser prints at the top of each page it prints, copied
/// along with the page: the page's name over its web address, a block of
/// its own (`Project browser - Project profile` /
/// `https://example.org/details/P0001`). Their line numbers.
fn printed_page_headers(lines: &[Line]) -> Vec<usize> {
    const LONGEST_NAME: usize = 12;
    let blank = |i: usize| lines.get(i).is_none_or(|line| line.trimmed().0.is_empty());
    let mut header = Vec::new();
    for i in 1..lines.len() {
        // Most lines are no address: the line above is read only over one.
        if !is_web_address_alone(lines[i].trimmed().0) {
            continue;
        }
        let name = lines[i - 1].trimmed().0;
        let words = name.split_whitespace().count();
        // A label over the address (`More information:`) is a field's.
        if (1..=LONGEST_NAME).contains(&words)
            && !name.ends_with(':')
            && (i < 2 || blank(i - 2))
            && blank(i + 1)
        {
            header.extend([lines[i - 1].number, lines[i].number]);
        }
    }
    header
}

/// The lines of a page's footer, copied along with its listing: a line of
/// footer links ([`is_footer_links`]) and the lines right above it in its
/// block (no blank line between), where a page prints its publisher's name
/// and address (`IFAD · Via Paolo di Dono, 44 · 00142 Rome, Italy`), up to
/// three, short, with no date and no label. Their line numbers.
fn footer_lines(lines: &[Line]) -> Vec<usize> {
    const MOST_LINES_ABOVE: usize = 3;
    const LONGEST_LINE_ABOVE: usize = 16;
    let mut footer = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !is_footer_links(line.trimmed().0) {
            continue;
        }
        footer.push(line.number);
        for above in lines[..i].iter().rev().take(MOST_LINES_ABOVE) {
            let text = above.trimmed().0;
            let words = text.split_whitespace().count();
            let publisher_line = words > 0
                && words <= LONGEST_LINE_ABOVE
                && scan_date(text).is_none()
                && !text.contains(": ");
            if !publisher_line || footer.contains(&above.number) {
                break;
            }
            footer.push(above.number);
        }
    }
    footer
}

/// Headings of a page's lists of links to other pages, in the languages
/// the listings come in, in lower case.
const RELATED_HEADINGS: &[&str] = &[
    "related",
    "similar",
    "recommended",
    "more from",
    "more news",
    "more stories",
    "latest news",
    "other news",
    "see also",
    "read also",
    "you may also like",
    "further reading",
    "voir aussi",
    "lire aussi",
    "à lire aussi",
    "ver también",
    "noticias relacionadas",
    "leggi anche",
    "vedi anche",
    "articoli correlati",
    "veja também",
    "leia também",
    "das könnte sie auch interessieren",
    "weitere meldungen",
    "zie ook",
];

/// A page's list of links to other pages (`Related news`, `Similar
/// organizations`, `See also`, then a link a line), copied along with its
/// listing: the heading, four words at most, and the lines right under it
/// in its block (no blank line between). Their line numbers.
fn related_lines(lines: &[Line]) -> Vec<usize> {
    const LONGEST_HEADING: usize = 40;
    let mut related = Vec::new();
    let mut in_list = false;
    for line in lines {
        let text = line.trimmed().0;
        if text.is_empty() {
            in_list = false;
            continue;
        }
        let heading =
            !in_list && text.len() <= LONGEST_HEADING && text.split_whitespace().count() <= 4 && {
                let lower = text.to_lowercase();
                RELATED_HEADINGS.iter().any(|h| {
                    lower.strip_prefix(h).is_some_and(|rest| {
                        rest.is_empty() || rest.starts_with(' ') || rest.trim() == ":"
                    })
                })
            };
        in_list |= heading;
        if in_list {
            related.push(line.number);
        }
    }
    related
}

/// Headings of a page's or a newsletter's calendar of events, in the
/// languages listings are in, lower case.
const EVENTS_HEADINGS: &[&str] = &[
    "events",
    "upcoming events",
    "forthcoming events",
    "past events",
    "events and meetings",
    "calendar",
    "save the date",
    "termine",
    "veranstaltungen",
    "kommende veranstaltungen",
    "kalender",
    "agenda",
    "événements",
    "évènements",
    "prochains événements",
    "eventos",
    "próximos eventos",
    "eventi",
    "prossimi eventi",
    "evenementen",
    "agenda en evenementen",
];

/// Headings of a document's back matter (a README's, an article's, a
/// report's), in the languages listings are in, lower case: no project is
/// named so, nor listed under one.
const BACK_MATTER_HEADINGS: &[&str] = &[
    "contributing",
    "contributors",
    "license",
    "licence",
    "acknowledgements",
    "acknowledgments",
    "remerciements",
    "agradecimientos",
    "agradecimentos",
    "ringraziamenti",
    "danksagung",
    "dankwoord",
    "references",
    "see also",
    "external links",
    "footnotes",
    "bibliography",
    "further reading",
    "disclaimer",
    "impressum",
    "literatur",
    "einzelnachweise",
    "weblinks",
    "siehe auch",
    "mentions légales",
    "voir aussi",
    "liens externes",
    "bibliographie",
    "véase también",
    "enlaces externos",
    "referencias",
    "bibliografía",
    "voci correlate",
    "collegamenti esterni",
    "bibliografia",
    "ver também",
    "ligações externas",
    "referências",
    "zie ook",
    "externe links",
    "literatuur",
    // A blog's comments under its post, and the form to add one.
    "leave a reply",
    "leave a comment",
    "post a comment",
    "comments",
    "responses",
    "laisser un commentaire",
    "deja un comentario",
    "deixe um comentário",
    "lascia un commento",
    "schreibe einen kommentar",
    "kommentar verfassen",
    "geef een reactie",
];

/// Headings of a document's other sections of its own, lower case: no
/// project is named so, though a listing may follow one.
const OWN_SECTION_HEADINGS: &[&str] = &[
    "about",
    "about us",
    "contact",
    "contact us",
    "kontakt",
    "contents",
    "table of contents",
    "abbreviations",
    "glossary",
    "media contact",
    "media contacts",
    "press contact",
    "press contacts",
    "notes to editors",
    "note to editors",
    "for more information",
    "contact presse",
    "contacts presse",
    "pressekontakt",
    "contacto de prensa",
    "contactos de prensa",
    "background",
    "background and objectives",
    "background and objective",
    "background and aims",
    "objectives",
    "introduction",
    "hintergrund",
    "contexte",
    "contexte et objectifs",
    "antecedentes",
    "frequently asked questions",
    "faq",
    "publications",
    "selected publications",
    "publicaciones",
    "publicações",
    "pubblicazioni",
    "publikationen",
    "publicaties",
];

/// How a question a page answers opens (`What are the funds?`, `How to
/// apply?`): a heading so asked names no project.
const QUESTION_OPENERS: &[&str] = &["what ", "how ", "who ", "why ", "when ", "where ", "which "];

/// How a press release's paragraph about its publisher opens (`About
/// Mercy Corps`, `À propos de l'AFD`): a heading of a few words so opened
/// names no project.
const ABOUT_OPENERS: &[&str] = &[
    "about ",
    "à propos de ",
    "à propos d'",
    "acerca de ",
    "über ",
];

/// A heading in lower case, single-spaced, without its final colon or
/// stop.
fn heading_key(heading: &str) -> String {
    heading
        .trim()
        .trim_end_matches([':', '.'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `heading` is one of the headings of `lists` (each far shorter
/// than most lines, which are turned away by their length).
fn is_heading_of(heading: &str, lists: &[&[&str]]) -> bool {
    const LONGEST_HEADING: usize = 40;
    heading.len() <= LONGEST_HEADING && {
        let key = heading_key(heading);
        lists.iter().any(|list| list.contains(&key.as_str()))
    }
}

/// Whether `heading` heads a calendar of events (`Upcoming events`,
/// `Termine`): what is listed under it is no project.
pub fn is_events_heading(heading: &str) -> bool {
    is_heading_of(heading, &[EVENTS_HEADINGS])
}

/// Whether `heading` heads a document's back matter (`License`, `See
/// also`, `Voci correlate`): neither it nor what it heads is a project.
pub fn is_back_matter_heading(heading: &str) -> bool {
    is_heading_of(heading, &[BACK_MATTER_HEADINGS])
}

/// Whether `heading` names one of a document's own sections (`About`,
/// `Contents`, `License`, `About Mercy Corps`, `Media contacts`): no
/// project is named so.
pub fn is_document_heading(heading: &str) -> bool {
    const LONGEST_ABOUT: usize = 5;
    const LONGEST_QUESTION: usize = 10;
    let words = heading.split_whitespace().count();
    is_heading_of(heading, &[BACK_MATTER_HEADINGS, OWN_SECTION_HEADINGS])
        || words <= LONGEST_ABOUT && {
            let key = heading_key(heading);
            ABOUT_OPENERS.iter().any(|opener| key.starts_with(opener))
        }
        || words <= LONGEST_QUESTION && heading.trim_end().ends_with('?') && {
            let key = heading_key(heading);
            QUESTION_OPENERS
                .iter()
                .any(|opener| key.starts_with(opener))
        }
        || words <= LONGEST_ABOUT && {
            let key = heading_key(heading);
            key.rsplit(' ')
                .next()
                .is_some_and(|last| SUMMARY_WORDS.contains(&last))
        }
}

/// The last word of a heading over a document's summary (`Project Impact
/// Summary`, `Executive summary`, `Zusammenfassung`): its totals and
/// themes, no project.
const SUMMARY_WORDS: &[&str] = &[
    "summary",
    "résumé",
    "synthèse",
    "resumen",
    "zusammenfassung",
    "sintesi",
    "samenvatting",
];

/// Words of a page's buttons and links around an entry: to share, print
/// or download it, read more of it, comment on it, go back to the top.
const ACTION_WORDS: &[&str] = &[
    "share",
    "print",
    "download",
    "tweet",
    "facebook",
    "linkedin",
    "twitter",
    "whatsapp",
    "pinterest",
    "xing",
    "teilen",
    "partager",
    "compartir",
    "condividi",
    "partilhar",
    "drucken",
    "imprimer",
    "imprimir",
    "stampa",
    "herunterladen",
    "télécharger",
    "descargar",
    "scarica",
    "descarregar",
    "read",
    "more",
    "weiterlesen",
    "mehr",
    "erfahren",
    "lire",
    "suite",
    "leer",
    "más",
    "ler",
    "mais",
    "leggi",
    "più",
    "continue",
    "reading",
    "comment",
    "comments",
    "commento",
    "commentaire",
    "comentario",
    "comentário",
    "leave",
    "lascia",
    "laisser",
    "deja",
    "deixe",
    "back",
    "top",
    "zurück",
    "oben",
    "haut",
    "arriba",
    "topo",
    "learn",
    "discover",
    "explore",
    "view",
    "see",
    "skip",
    "ver",
    "voir",
    "vedi",
    "ansehen",
    "savoir",
    "saber",
    "scopri",
    "lees",
    "meer",
    "weiter",
    "verder",
    "continuer",
    "continuar",
    "continua",
];

/// Words that join them (`Back to top`, `Leave a comment`, `Leggi di
/// più`, `Share this page`) or stand among them (`E-mail`, `PDF`), never
/// a bar alone.
const ACTION_JOINERS: &[&str] = &[
    "to",
    "a",
    "un",
    "una",
    "um",
    "uma",
    "di",
    "de",
    "la",
    "le",
    "el",
    "the",
    "this",
    "page",
    "article",
    "on",
    "via",
    "x",
    "nach",
    "zum",
    "seitenanfang",
    "en",
    "in",
    "du",
    "da",
    "email",
    "e-mail",
    "mail",
    "copy",
    "link",
    "pdf",
    "project",
    "projects",
    "all",
    "details",
    "main",
    "content",
    "navigation",
    "ficha",
    "fiche",
    "scheda",
    "detalles",
    "détails",
    "dettagli",
    "proyecto",
    "projet",
    "progetto",
    "projekt",
    "find",
    "out",
    "plus",
    // Where a link goes back to: `Back to Live Feed`, `Zurück zur
    // Übersicht`.
    "live",
    "feed",
    "news",
    "overview",
    "list",
    "results",
    "zur",
    "übersicht",
    "liste",
    "actualités",
    "noticias",
];

/// A line of nothing but a page's buttons and links (`Share  Print
/// Download`, `Share: Facebook LinkedIn E-mail`, `Read more`, `Leggi di
/// più`, `Back to top`), one of them at least, eight words at most.
/// A link to another page drawn with an arrow after its few words (`More
/// information >`, `SNSF page >`, `Our work »`): no headline ends so.
fn is_link_with_arrow(text: &str) -> bool {
    const MOST_WORDS: usize = 4;
    let Some(words) = [" >", " »", " ›", " →"]
        .iter()
        .find_map(|arrow| text.trim_end().strip_suffix(arrow))
    else {
        return false;
    };
    let count = words.split_whitespace().count();
    (1..=MOST_WORDS).contains(&count) && words.chars().any(char::is_alphabetic)
}

fn is_action_bar(text: &str) -> bool {
    is_bar_of(text, ACTION_WORDS, ACTION_JOINERS, 8)
}

/// A press release's dateline: where and on which day it was issued
/// (`Brussels, 14 December 2018`, `NAIROBI, 3 May 2021`): a place of one
/// or two capitalised words, a comma, one whole date and nothing else.
/// A city printed in capitals may come with its country or agency and a
/// dash (`NAIROBI, Kenya — April 16, 2024`, `ROME (IFAD) – 12 March
/// 2024`): a headline in capitals is no shorter than four words.
fn is_dateline(text: &str) -> bool {
    let whole_day = |date: &str| {
        scan_date(date).is_some_and(|expr| {
            expr.end.is_none()
                && !expr.open_end
                && expr.start.day.is_some()
                && expr.start.month.is_some()
                && expr.len >= date.trim_end().len()
        })
    };
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    if let Some((place, date)) = text.split_once(", ") {
        let words = place.split_whitespace().count();
        let place_like = (1..=2).contains(&words)
            && place
                .split_whitespace()
                .all(|w| capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '-'));
        if place_like && whole_day(date) {
            return true;
        }
    }
    let city_in_capitals = |place: &str| {
        let words: Vec<&str> = place.split_whitespace().collect();
        let city = words.first().map_or("", |w| w.trim_end_matches(','));
        (1..=3).contains(&words.len())
            && city.chars().count() >= 2
            && city
                .chars()
                .all(|c| c.is_uppercase() || c == '-' || c == '.')
            && words.iter().all(|w| {
                let w = w.trim_start_matches('(');
                capitalised(w)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | ',' | ')'))
            })
    };
    [" — ", " – ", " - ", ", "].iter().any(|separator| {
        text.match_indices(separator).any(|(at, _)| {
            city_in_capitals(&text[..at]) && whole_day(&text[at + separator.len()..])
        })
    })
}

/// Words a pager prints besides its page numbers, in lower case.
const PAGER_WORDS: &[&str] = &[
    "page",
    "pages",
    "of",
    "first",
    "last",
    "go",
    "to",
    "seite",
    "von",
    "erste",
    "letzte",
    "sur",
    "première",
    "dernière",
    "página",
    "de",
    "primera",
    "última",
    "pagina",
    "primeira",
    // A document's own bar: `« Previous | Top | Next »`.
    "top",
    "up",
    "contents",
    "index",
    "sommaire",
    "inhalt",
];

/// A pager's words that step to the page before or after, besides
/// [`PAGER_WORDS`].
const STEP_WORDS: &[&str] = &[
    "previous",
    "prev",
    "next",
    "weiter",
    "zurück",
    "vorherige",
    "nächste",
    "suivant",
    "suivante",
    "précédent",
    "précédente",
    "siguiente",
    "anterior",
    "successiva",
    "precedente",
    "próxima",
];

/// A pager: page numbers (of three digits at most: years are no pages),
/// two at least, among paging words and arrows only (`Seite 1 2 3 4 >`, `Page 2 of 9`, `‹ 1 | 2 | 3 ›`),
/// or steps both ways without numbers (`« Previous | Top | Next »`).
fn is_pager(text: &str) -> bool {
    let mut numbers = 0;
    let mut words = 0;
    let mut steps = 0;
    let mut page_word = false;
    for token in text.split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | ',')) {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            // An arrow, an ellipsis, a bracket.
            if !token.chars().all(|c| "«»‹›<>…←→⟨⟩[]().-–—/".contains(c)) {
                return false;
            }
        } else if word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
            numbers += 1;
        } else if STEP_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            words += 1;
            steps += 1;
        } else if PAGER_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            words += 1;
            page_word |= PAGE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word));
        } else {
            return false;
        }
    }
    // `Page 40` alone: the label of a page a report was copied from.
    numbers >= 2 || (numbers == 1 && words == 1 && page_word) || (numbers == 0 && steps >= 2)
}

/// The word for a page, in the languages of [`PAGER_WORDS`].
const PAGE_WORDS: &[&str] = &["page", "seite", "página", "pagina"];

/// Words that name what a search found, in lower case.
const RESULT_WORDS: &[&str] = &[
    "result",
    "results",
    "résultat",
    "résultats",
    "resultado",
    "resultados",
    "ergebnis",
    "ergebnisse",
    "treffer",
    "risultati",
    "entries",
    "items",
    "matches",
];

/// A count of results: at most twelve words, one of them a result word,
/// with a number right before it (`43 results`, `127 Treffer`) or a range
/// out of a total (`Showing 1 to 10 of 127 results`, `Résultats 1 - 10
/// sur 52`).
fn is_result_count(text: &str) -> bool {
    // Every line with a digit is asked: most name no results at all.
    let names_results = text.split_whitespace().any(|w| {
        let word = w.trim_matches(|c: char| !c.is_alphanumeric());
        RESULT_WORDS.iter().any(|r| r.eq_ignore_ascii_case(word))
    });
    if !names_results {
        return false;
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .replace([',', '.'], "")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 12 {
        return false;
    }
    let is_number = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
    let counted = words
        .windows(2)
        .any(|pair| is_number(&pair[0]) && RESULT_WORDS.contains(&pair[1].as_str()));
    let out_of = words.windows(3).any(|w| {
        is_number(&w[0])
            && ["of", "sur", "de", "von", "di"].contains(&w[1].as_str())
            && is_number(&w[2])
    });
    counted || (out_of && words.iter().any(|w| RESULT_WORDS.contains(&w.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagers_and_counts_of_results_are_furniture() {
        for line in [
            "Previous 1 2 3 … 32 Next",
            "Seite 1 2 3 4 >",
            "« 1 | 2 | 3 »",
            "Page 2 of 9",
            "Showing 1 to 4 of 127 results      Download: CSV | XML",
            "43 results",
            "127 Treffer",
            "Résultats 1 - 10 sur 52",
            "0 results found",
            "Brussels, 14 December 2018",
            "NAIROBI, 3 May 2021",
            "NAIROBI, Kenya — April 16, 2024",
            "ROME (IFAD) – 12 March 2024",
            "Share  Print  Download",
            "Share: Facebook LinkedIn E-mail",
            "Read more »",
            "More information >",
            "SNSF page >",
            "Leggi di più",
            "Back to top ↑",
            "Lascia un commento",
            "Learn more →",
            "Home / Projects / Research",
            "Accueil > Nos projets",
            "Mehr erfahren",
            "En savoir plus",
            "Lees meer",
            "View Project",
            "English Français",
            "Skip to main content",
            "Ver ficha",
            "Voir le projet",
            "EN | FR | ES",
            "TAGS IDB Guatemala Peru Uruguay",
            "Keywords: water, schools",
            "Page 40",
            "Seite 12",
            "Page 12: Innovative Initiatives: Project Highlights",
            "Seite 3 - Jahresbericht 2019",
            "5                                                ANNUAL PROGRESS REPORT 2019/020",
            "2 INNOVATIVE INITIATIVES: PROJECT HIGHLIGHTS",
            "ANNUAL REVIEW 2022   27",
            "See all the projects",
            "Explore the projects",
            "View details »",
            "« Previous | Top | Next »",
            "< précédent | sommaire | suivant >",
        ] {
            assert!(is_page_furniture(line), "{line}");
        }
        // A step one way is a headline's word.
        assert!(!is_page_furniture("Next steps"));
        assert!(!is_page_furniture("Previous phase"));
        // A news headline with its day, in capitals or not.
        assert!(!is_page_furniture("Kenya Flood Response – 12 March 2019"));
        assert!(!is_page_furniture(
            "FLOOD RESPONSE IN KENYA – 12 March 2019"
        ));
    }

    #[test]
    fn a_documents_own_sections_are_told_by_their_headings() {
        for heading in [
            "About",
            "Contents",
            "License",
            "About Mercy Corps",
            "About the IsDB",
            "À propos de l'AFD",
            "Media contacts",
            "Notes to editors:",
            "Agradecimientos",
            "Remerciements",
            "Background and Objectives",
            "What are the Funds for Local Cooperation?",
            "How to apply?",
            "Project Impact Summary",
            "Executive summary",
            "Publicaciones",
            "Selected publications:",
        ] {
            assert!(is_document_heading(heading), "{heading}");
        }
        for heading in [
            "About the rural roads programme in northern Uganda",
            "Aboutaleb water works",
            "Clean water for schools",
            "What works for girls' schooling: a review of the evidence",
            "What happens to returnees who lose their land after twelve years away?",
        ] {
            assert!(!is_document_heading(heading), "{heading}");
        }
    }

    #[test]
    fn a_browsers_header_over_a_printed_page_is_furniture() {
        let text = "Project browser - Project profile\nhttps://example.org/details/P1\n\nClean wells\nMore information:\nhttps://example.org/wells\n\nSee https://example.org\n";
        let lines = crate::source::lines_in(text, 0, 1);
        assert_eq!(printed_page_headers(&lines), [1, 2]);
    }

    #[test]
    fn a_line_of_footer_links_is_the_footers() {
        for line in [
            "Imprint | Privacy policy",
            "Terms and Conditions  Privacy Policy",
            "FAQ · Contact us",
            "Datenschutz  Impressum  Kontakt",
            "Mentions légales",
        ] {
            assert!(is_footer_links(line), "{line}");
        }
        for line in [
            "Contact us",
            "Privacy for migrant workers",
            "Terms of use of the water points",
            "Data protection for refugees in Lebanon",
        ] {
            assert!(!is_footer_links(line), "{line}");
        }
    }

    #[test]
    fn a_list_of_related_links_runs_to_the_end_of_its_block() {
        let text = "Safe Journeys Home\nFunded by Norway.\n\nRelated news\nFund signs loan\nForum on finance\n\nSimilar programmes in Kenya and Uganda are run by partners.\n";
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, text)| Line {
                number: i + 1,
                text,
                offset: 0,
            })
            .collect();
        assert_eq!(related_lines(&lines), [4, 5, 6]);
    }

    #[test]
    fn titles_dates_and_prose_with_numbers_are_not() {
        for line in [
            "Results of the first phase",
            "Search results",
            "1 June 2007 - 30 June 2009",
            "2019 – 2021",
            "Phase 2 of 3",
            "Results of 3 surveys in 12 districts",
            "Skills for 2,000 returnees in 12 districts",
            "Kenya, 2019 – 2021",
            "Ghana, May 2019",
            "Safe journeys home, 12 May 2021",
            "Share the harvest",
            "Explore new markets",
            "English for migrant workers",
            "Tags",
            "Tagged wells in Kenya",
            "Page 40 of the annual report tells more",
            "Page 12 shows the map: wells in Kenya",
            "2 Water for schools",
            "ANNUAL REVIEW 2022 27",
            "12 WELLS",
            "Next 12",
            "Phase 2",
            "A view from the hills",
            "Voir la mer",
            "Top-up grants for returnees",
            "Home Office / DFID migration fund",
            "More jobs for young women",
            "The project gave 1,200 results in the survey of farmers across three regions of Ghana",
        ] {
            assert!(!is_page_furniture(line), "{line}");
        }
    }
}
