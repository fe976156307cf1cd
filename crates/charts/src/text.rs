//! Fitting labels: shortening with an ellipsis and wrapping, so that no
//! label overlaps another or runs off the picture.

/// Average advance of DejaVu Sans in ems; the font is wide, so this errs
/// on the safe side.
const EM_PER_CHAR: f64 = 0.58;

/// Estimated width in pixels of `text` at `size` px.
pub fn width(text: &str, size: u32) -> u32 {
    (text.chars().count() as f64 * EM_PER_CHAR * f64::from(size)).ceil() as u32
}

/// How many characters fit in `pixels` at `size` px.
pub fn chars_that_fit(pixels: u32, size: u32) -> usize {
    (f64::from(pixels) / (EM_PER_CHAR * f64::from(size))).floor() as usize
}

/// `text` cut to at most `max` characters, ending in `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let keep: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", keep.trim_end())
}

/// Words of `text` in lines of at most `max` characters; at most
/// `max_lines` lines, the last shortened with `…` if text remains.
pub fn wrap(text: &str, max: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if candidate.chars().count() <= max || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::take(&mut current));
            current = word.to_string();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(shorten(&rest, max));
    }
    lines.into_iter().map(|line| shorten(&line, max)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_adds_an_ellipsis_only_when_cut() {
        assert_eq!(shorten("Asia", 10), "Asia");
        assert_eq!(shorten("European Union institutions", 10), "European…");
        assert!(shorten("European Union institutions", 10).chars().count() <= 10);
    }

    #[test]
    fn wrap_keeps_lines_short_and_bounded() {
        let lines = wrap(
            "Project on labour migration as an instrument of development",
            20,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.chars().count() <= 20));
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap("Asia", 20, 2), ["Asia"]);
    }
}
