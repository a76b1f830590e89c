//! Case and accent folding with a byte-offset map back into the original text.
//!
//! The folded form is a sequence of lowercase, accentless words separated by exactly one
//! separator token, with a separator at both ends:
//!
//! * a run of soft separators (whitespace, hyphens, apostrophes, `&`, `/`) becomes `" "`;
//! * a run containing any other punctuation (`.`, `,`, `;`, `(`, quotes, ...) becomes `" , "`.
//!
//! Names are folded with the same function, so `"U.S."` folds to `" u , s , "` and matches
//! the text `"U.S. forces"` but not the pronoun `"us"`; `"Saint-Denis"` and `"Saint Denis"`
//! fold alike, and a multi-word name never matches across a comma or a full stop.
//! Because every folded name starts and ends with a separator, a match of a folded name
//! in the folded text is always on word boundaries.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The folded text and, for every folded byte, the byte offset in the original text of
/// the character (or separator run) that produced it.
pub(crate) struct Folded {
    pub text: String,
    pub map: Vec<u32>,
}

#[derive(Clone, Copy)]
enum Sep {
    None,
    Soft(usize),
    Hard(usize),
}

/// Characters that vanish without breaking a word: combining marks and format
/// characters (soft hyphen, zero-width joiners, bidi marks).
fn is_ignorable(c: char) -> bool {
    is_combining_mark(c)
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}'
        )
}

fn is_soft(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\'' | '&' | '/' | '\u{2010}'
                ..='\u{2015}' | '\u{2018}' | '\u{2019}' | '`' | '\u{00B4}'
        )
}

/// Folds one word character (already known not ignorable) into `out`.
#[inline]
fn push_word_char(c: char, out: &mut String, map: &mut Vec<u32>, at: u32) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            _ => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    for l in d.to_lowercase() {
                        if !is_combining_mark(l) {
                            out.push(l);
                        }
                    }
                }
            }),
        }
    }
    map.resize(out.len(), at);
}

#[inline]
fn flush(sep: Sep, out: &mut String, map: &mut Vec<u32>) {
    match sep {
        Sep::None => {}
        Sep::Soft(at) => {
            if !out.ends_with(' ') {
                out.push(' ');
                map.push(at as u32);
            }
        }
        Sep::Hard(at) => {
            if !out.ends_with(' ') {
                out.push(' ');
                map.push(at as u32);
            }
            out.push_str(", ");
            map.push(at as u32);
            map.push(at as u32);
        }
    }
}

/// Folds `text`; see the module documentation.
pub(crate) fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len() + 2);
    let mut map: Vec<u32> = Vec::with_capacity(text.len() + 2);
    out.push(' ');
    map.push(0);
    let mut sep = Sep::None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // ASCII fast path.
            if b.is_ascii_alphanumeric() {
                if !matches!(sep, Sep::None) {
                    flush(sep, &mut out, &mut map);
                    sep = Sep::None;
                }
                out.push(b.to_ascii_lowercase() as char);
                map.push(i as u32);
            } else {
                let c = b as char;
                sep = add_sep(sep, i, is_soft(c));
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("char boundary");
        let len = c.len_utf8();
        if is_ignorable(c) {
            // Attached to the preceding character; does not break a word.
        } else if c.is_alphanumeric() {
            if !matches!(sep, Sep::None) {
                flush(sep, &mut out, &mut map);
                sep = Sep::None;
            }
            push_word_char(c, &mut out, &mut map, i as u32);
        } else {
            sep = add_sep(sep, i, is_soft(c));
        }
        i += len;
    }
    flush(sep, &mut out, &mut map);
    if !out.ends_with(' ') {
        out.push(' ');
        map.push(text.len() as u32);
    }
    // One extra entry so that `map[out.len()]` is valid.
    map.push(text.len() as u32);
    Folded { text: out, map }
}

#[inline]
fn add_sep(sep: Sep, at: usize, soft: bool) -> Sep {
    match (sep, soft) {
        (Sep::None, true) => Sep::Soft(at),
        (Sep::None, false) => Sep::Hard(at),
        (Sep::Soft(s), false) => Sep::Hard(s),
        (s, _) => s,
    }
}

/// The folded form of a name, as used for patterns and lookups (with the padding
/// separators). Returns `None` for a name with no word characters.
pub(crate) fn fold_name(name: &str) -> Option<String> {
    let f = fold(name).text;
    if f.bytes().any(|b| b.is_ascii_alphanumeric() || b >= 0x80) {
        Some(f)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_separators() {
        assert_eq!(fold("Culiacán").text, " culiacan ");
        assert_eq!(fold("PACÍFICO  oriental").text, " pacifico oriental ");
        assert_eq!(fold("U.S.").text, " u , s , ");
        assert_eq!(fold("Saint-Denis").text, " saint denis ");
        assert_eq!(fold("Colombia’s coast").text, " colombia s coast ");
        assert_eq!(fold("").text, " ");
        assert_eq!(fold("Nariño, (Tumaco)").text, " narino , tumaco , ");
    }

    #[test]
    fn map_points_into_original() {
        // NFD input: combining acute after 'a'.
        let t = "en Culiaca\u{301}n.";
        let f = fold(t);
        let s = f.text.find("culiacan").unwrap();
        let e = s + "culiacan".len();
        assert_eq!(&t[f.map[s] as usize..f.map[e] as usize], "Culiaca\u{301}n");
    }
}
