//! A small tokenizer: words, numbers (with digit grouping) and punctuation, as byte ranges.
//! It never panics and every range falls on char boundaries.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters (and apostrophes between letters).
    Word,
    /// A run of digits, with `,` or `.` group separators followed by exactly three digits.
    Num,
    /// Any other single non-space char.
    Punct,
}

/// One token: its byte range in the text it came from, its kind and its lower-cased form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub lower: String,
}

/// Splits `text` into tokens; `offset` is added to every range (for a sentence inside an
/// article).
pub fn tokenize(text: &str, offset: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = it.peek() {
                let rest = &text[j + n.len_utf8()..];
                let letter = n.is_alphabetic() || n == '\u{301}' || n == '\u{303}';
                // "o'clock" stays one word; a possessive "'s" is split off
                let apostrophe = (n == '\'' || n == '’')
                    && rest.chars().next().is_some_and(|x| x.is_alphabetic())
                    && !possessive(rest);
                if !(letter || apostrophe) {
                    break;
                }
                end = j + n.len_utf8();
                it.next();
            }
            out.push(Tok {
                start: i + offset,
                end: end + offset,
                kind: TokKind::Word,
                lower: text[i..end].to_lowercase(),
            });
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            loop {
                // digits
                while end < b.len() && b[end].is_ascii_digit() {
                    end += 1;
                }
                // a group separator followed by exactly three digits
                if end < b.len()
                    && (b[end] == b',' || b[end] == b'.')
                    && b.get(end + 1..end + 4)
                        .is_some_and(|g| g.iter().all(|d| d.is_ascii_digit()))
                    && !b.get(end + 4).is_some_and(|d| d.is_ascii_digit())
                {
                    end += 4;
                    continue;
                }
                break;
            }
            // skip the chars consumed
            while let Some(&(j, _)) = it.peek() {
                if j < end {
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Tok {
                start: i + offset,
                end: end + offset,
                kind: TokKind::Num,
                lower: text[i..end].to_string(),
            });
        } else {
            out.push(Tok {
                start: i + offset,
                end: i + c.len_utf8() + offset,
                kind: TokKind::Punct,
                lower: c.to_string(),
            });
        }
    }
    out
}

/// "'s" ending a word: split off so "Tuesday's" gives "tuesday" and "'s".
fn possessive(rest: &str) -> bool {
    let mut c = rest.chars();
    matches!(c.next(), Some('s') | Some('S')) && !c.next().is_some_and(|x| x.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let t = tokenize("Killed 1,200 (twenty-one) at 3.5 o'clock; 1.200", 0);
        let l: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            l,
            [
                "killed", "1,200", "(", "twenty", "-", "one", ")", "at", "3", ".", "5", "o'clock",
                ";", "1.200"
            ]
        );
    }
}
