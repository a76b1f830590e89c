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
    pub lower: Word,
}

/// A lower-cased word with its hash, taken once when the word is made.
///
/// Why: every token of a sentence that passes the prefilter is looked up in dozens of
/// lexicon tables (cues, stop words, units, months, actors...). Hashing the string again for
/// each table was a fifth of the extractor's time; a `Word` hashes as its stored hash (one
/// multiply in [`crate::fxhash::Fx`]), and two words compare by hash before their text.
/// Tables probed with tokens are keyed by `Word` for that reason. `Word` deliberately does
/// not implement `Borrow<str>`: its hash is not a `str`'s.
#[derive(Clone, Default)]
pub struct Word {
    text: String,
    hash: u64,
}

impl Word {
    pub fn new(text: impl Into<String>) -> Word {
        use std::hash::BuildHasher;
        let text = text.into();
        Word {
            hash: crate::fxhash::FxBuild.hash_one(text.as_str()),
            text,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::hash::Hash for Word {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        h.write_u64(self.hash);
    }
}

impl PartialEq for Word {
    fn eq(&self, o: &Word) -> bool {
        self.hash == o.hash && self.text == o.text
    }
}

impl Eq for Word {}

impl PartialOrd for Word {
    fn partial_cmp(&self, o: &Word) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Word {
    fn cmp(&self, o: &Word) -> std::cmp::Ordering {
        self.text.cmp(&o.text)
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, o: &str) -> bool {
        self.text == o
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, o: &&str) -> bool {
        self.text == *o
    }
}

impl PartialEq<String> for Word {
    fn eq(&self, o: &String) -> bool {
        self.text == *o
    }
}

impl PartialEq<Word> for str {
    fn eq(&self, o: &Word) -> bool {
        *self == o.text
    }
}

impl PartialEq<Word> for &str {
    fn eq(&self, o: &Word) -> bool {
        **self == o.text
    }
}

impl PartialEq<Word> for String {
    fn eq(&self, o: &Word) -> bool {
        *self == o.text
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text.fmt(f)
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text.fmt(f)
    }
}

impl From<&str> for Word {
    fn from(s: &str) -> Word {
        Word::new(s)
    }
}

impl From<String> for Word {
    fn from(s: String) -> Word {
        Word::new(s)
    }
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
                lower: Word::new(text[i..end].to_lowercase()),
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
                lower: Word::new(&text[i..end]),
            });
        } else {
            out.push(Tok {
                start: i + offset,
                end: i + c.len_utf8() + offset,
                kind: TokKind::Punct,
                lower: Word::new(c.to_string()),
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
