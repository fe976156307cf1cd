//! The page's tokens with their byte positions: html5gum's WHATWG tokenizer
//! with an emitter of our own, since its default tokens give a run of text
//! one span however many character references sit in it, and a span per
//! piece is what keeps evidence spans exact.

use html5gum::{naive_next_state, Emitter, Error, State, Tokenizer};
use std::collections::VecDeque;

/// A token of the page, positions being byte offsets in the decoded text
/// the tokenizer read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
    /// A start tag, its name in lower case, and the attributes the reading
    /// uses (ids, classes, roles, list numbers).
    Start {
        name: Vec<u8>,
        attributes: Vec<(Vec<u8>, String)>,
        self_closing: bool,
        /// Where the `<` is.
        at: usize,
    },
    End {
        name: Vec<u8>,
        at: usize,
    },
    /// Text as the tokenizer gives it (character references decoded, CR LF
    /// as LF), and the bytes `start..end` of the decoded page it came from.
    Text {
        text: String,
        start: usize,
        end: usize,
    },
}

/// Attributes worth keeping: the rest (links, styles, data) never change
/// what is read, and a hostile page may carry megabytes of them.
const KEPT_ATTRIBUTES: [&[u8]; 14] = [
    b"id",
    b"class",
    b"role",
    b"start",
    b"value",
    b"hidden",
    b"aria-hidden",
    b"aria-label",
    b"aria-labelledby",
    b"rowspan",
    b"colspan",
    b"aria-expanded",
    b"data-toggle",
    b"data-bs-toggle",
];

/// The longest name in [`KEPT_ATTRIBUTES`]: `aria-labelledby`.
const LONGEST_KEPT_NAME: usize = 15;

#[derive(Debug, Default)]
struct TagUnderWay {
    name: Vec<u8>,
    end: bool,
    self_closing: bool,
    attributes: Vec<(Vec<u8>, String)>,
    attribute: Option<(Vec<u8>, Vec<u8>)>,
    at: usize,
}

impl TagUnderWay {
    fn keep_attribute(&mut self) {
        if let Some((name, value)) = self.attribute.take() {
            let name = name.to_ascii_lowercase();
            if !self.end
                && KEPT_ATTRIBUTES.contains(&name.as_slice())
                && !self.attributes.iter().any(|(n, _)| *n == name)
            {
                self.attributes
                    .push((name, String::from_utf8_lossy(&value).into_owned()));
            }
        }
    }
}

/// Collects tokens with positions. html5gum moves the position as it
/// reads, so the text between the last token and a string it emits is
/// where that string came from.
#[derive(Debug, Default)]
struct PositionEmitter {
    position: usize,
    /// Where the text not yet given to a token starts.
    mark: usize,
    tag: TagUnderWay,
    /// Where the `<` of the token under way is.
    open_at: usize,
    last_start_tag: Vec<u8>,
    tokens: VecDeque<Token>,
}

impl Emitter for PositionEmitter {
    type Token = Token;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag = last_start_tag.unwrap_or_default().to_vec();
    }

    fn emit_eof(&mut self) {}

    fn emit_error(&mut self, _error: Error) {}

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Token> {
        self.tokens.pop_front()
    }

    fn emit_string(&mut self, c: &[u8]) {
        let start = self.mark.min(self.position);
        self.tokens.push_back(Token::Text {
            text: String::from_utf8_lossy(c).into_owned(),
            start,
            end: self.position,
        });
        self.mark = self.position;
    }

    fn start_open_tag(&mut self) {
        // The `<` was just read.
        self.open_at = self.position.saturating_sub(1);
    }

    fn init_start_tag(&mut self) {
        self.tag = TagUnderWay {
            at: self.open_at,
            ..TagUnderWay::default()
        };
    }

    fn init_end_tag(&mut self) {
        self.tag = TagUnderWay {
            end: true,
            at: self.open_at,
            ..TagUnderWay::default()
        };
    }

    fn init_comment(&mut self) {}

    fn emit_current_tag(&mut self) -> Option<State> {
        self.tag.keep_attribute();
        let tag = std::mem::take(&mut self.tag);
        let name = tag.name.to_ascii_lowercase();
        self.mark = self.position;
        if tag.end {
            self.tokens.push_back(Token::End { name, at: tag.at });
            None
        } else {
            self.last_start_tag.clone_from(&name);
            let state = naive_next_state(&name);
            self.tokens.push_back(Token::Start {
                name,
                attributes: tag.attributes,
                self_closing: tag.self_closing,
                at: tag.at,
            });
            state
        }
    }

    fn emit_current_comment(&mut self) {
        self.mark = self.position;
    }

    fn emit_current_doctype(&mut self) {
        self.mark = self.position;
    }

    fn set_self_closing(&mut self) {
        self.tag.self_closing = true;
    }

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        self.tag.name.extend_from_slice(s);
    }

    fn push_comment(&mut self, _s: &[u8]) {}

    fn push_doctype_name(&mut self, _s: &[u8]) {}

    fn init_doctype(&mut self) {}

    fn init_attribute(&mut self) {
        self.tag.keep_attribute();
        self.tag.attribute = Some((Vec::new(), Vec::new()));
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        if let Some((name, _)) = &mut self.tag.attribute {
            name.extend_from_slice(s);
        }
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        if let Some((name, value)) = &mut self.tag.attribute {
            // Only kept values are collected: no attribute of a hostile
            // page grows memory.
            if name.len() <= LONGEST_KEPT_NAME && value.len() < 4096 {
                value.extend_from_slice(s);
            }
        }
    }

    fn set_doctype_public_identifier(&mut self, _value: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _value: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _s: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _s: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.tag.end && self.tag.name.eq_ignore_ascii_case(&self.last_start_tag)
    }

    fn move_position(&mut self, offset: isize) {
        self.position = self.position.saturating_add_signed(offset);
    }
}

/// The tokens of `text`, in order.
pub(super) fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    Tokenizer::new_with_emitter(text, PositionEmitter::default()).filter_map(Result::ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kept_name_is_collected_whole() {
        let longest = KEPT_ATTRIBUTES.iter().map(|n| n.len()).max();
        assert_eq!(longest, Some(LONGEST_KEPT_NAME));
    }

    fn texts(html: &str) -> Vec<(String, &str)> {
        tokens(html)
            .filter_map(|t| match t {
                Token::Text { text, start, end } => Some((text, &html[start..end])),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn text_knows_the_bytes_it_came_from() {
        let html = "<p class=x>Tom &amp; Jerry&#39;s<br>caf&eacute;\r\nnext</p>";
        let pieces = texts(html);
        let joined: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, "Tom & Jerry'scafé\nnext");
        let raw: String = pieces.iter().map(|(_, r)| *r).collect();
        assert_eq!(raw, "Tom &amp; Jerry&#39;scaf&eacute;\r\nnext");
        for (text, raw) in &pieces {
            // Plain text is its bytes, at the end of what was read since
            // the token before (a CR of CR LF may come first).
            if !raw.contains(['&', '\r']) {
                assert!(raw.ends_with(text.as_str()), "{text:?} from {raw:?}");
            }
        }
    }

    #[test]
    fn tags_carry_kept_attributes_and_scripts_are_raw_text() {
        let html = "<LI ID=\"a1\" href=x Class='menu'>x</li><script>if (a<b) {}</script>";
        let all: Vec<Token> = tokens(html).collect();
        let Token::Start {
            name, attributes, ..
        } = &all[0]
        else {
            panic!("{all:?}")
        };
        assert_eq!(name, b"li");
        assert_eq!(
            attributes,
            &[
                (b"id".to_vec(), "a1".to_string()),
                (b"class".to_vec(), "menu".to_string())
            ]
        );
        let script: String = all
            .iter()
            .filter_map(|t| match t {
                Token::Text { text, start, .. } if *start >= 46 => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(script, "if (a<b) {}");
    }
}
