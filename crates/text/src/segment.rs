//! Sentence segmentation: byte ranges of the sentences of a text.
//!
//! Rules, in order:
//! - a line break always ends a sentence (paragraphs, list entries, embedded posts);
//! - `.`, `!`, `?`, `…` (with any closing quotes or brackets after them) end a sentence when
//!   the next word starts with a capital, a digit or an opening quote — unless the word
//!   before the period is a known abbreviation ("U.S.", "Sept.", "Gen.", "EE.UU.", "Sr.") or
//!   a single capital initial;
//! - a period glued to the next sentence ("crisis.According") ends a sentence when the word
//!   before it is a plain lower-case word and the word after starts with a capital.
//!
//! Abbreviations are data: `data/segment/abbreviations.tsv`. The ranges never contain
//! leading or trailing whitespace, never overlap, are in order and always fall on char
//! boundaries.
//!
//! ```
//! use sw_model::Lang;
//! let text = "Gen. Smith spoke on Oct. 29. The U.S. military struck a boat.Nobody survived.";
//! let s: Vec<&str> = sw_text::segment::sentences(text, Lang::En)
//!     .into_iter().map(|r| &text[r]).collect();
//! assert_eq!(s, ["Gen. Smith spoke on Oct. 29.", "The U.S. military struck a boat.", "Nobody survived."]);
//! ```

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use sw_model::Lang;

const ABBREVIATIONS: &str = include_str!("../data/segment/abbreviations.tsv");

struct Abbrevs {
    en: HashSet<&'static str>,
    es: HashSet<&'static str>,
}

fn abbrevs() -> &'static Abbrevs {
    static A: OnceLock<Abbrevs> = OnceLock::new();
    A.get_or_init(|| {
        let mut en = HashSet::new();
        let mut es = HashSet::new();
        for line in ABBREVIATIONS.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or("").trim();
            let lang = cols.next().unwrap_or("*").trim();
            if word.is_empty() {
                continue;
            }
            if lang == "en" || lang == "*" {
                en.insert(word);
            }
            if lang == "es" || lang == "*" {
                es.insert(word);
            }
        }
        // Both languages quote each other's institutions ("EE.UU." in English wire copy is
        // rare, "U.S." in Spanish copy is common): the union is used, with the language's own
        // list first only for clarity.
        Abbrevs { en, es }
    })
}

fn is_abbrev(token: &str, lang: Lang) -> bool {
    let a = abbrevs();
    let t = token.trim_end_matches('.');
    if t.is_empty() {
        return false;
    }
    let hit = |set: &HashSet<&str>| set.contains(t);
    let found = match lang {
        Lang::Es => hit(&a.es) || hit(&a.en),
        _ => hit(&a.en) || hit(&a.es),
    };
    if found {
        return true;
    }
    // A single capital initial ("J.") or initials with inner periods ("U.S", "a.m").
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    if t.contains('.') && t.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    false
}

/// "on X." ends a sentence: a single capital after a lower-case word is a name (the
/// platform X, "Plan B"), not an initial ("Donald J. Trump", "J. Smith").
fn lone_letter_after_lowercase(text: &str, tok_start: usize, token: &str) -> bool {
    if token.chars().count() != 1 {
        return false;
    }
    let before = text[..tok_start].trim_end();
    let prev_word_start = token_start(text, before.len());
    let prev = &text[prev_word_start..before.len()];
    prev.chars().next().is_some_and(|c| c.is_lowercase())
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '¿' | '¡')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// The start of the token that ends at `end` (exclusive): back to whitespace or an opener.
fn token_start(text: &str, end: usize) -> usize {
    let mut start = end;
    for (i, c) in text[..end].char_indices().rev() {
        if c.is_whitespace() || is_opener(c) {
            break;
        }
        start = i;
    }
    start
}

/// Sentence boundaries of `text` as byte ranges (trimmed, non-empty, in order).
pub fn sentences(text: &str, lang: Lang) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            push_trimmed(text, start, i, &mut out);
            start = i + c.len_utf8();
            continue;
        }
        if !is_terminator(c) {
            continue;
        }
        // Extend over further terminators and closing quotes/brackets.
        let mut j = i + c.len_utf8();
        let mut closed = false;
        while let Some(&(k, n)) = iter.peek() {
            if is_terminator(n) {
                j = k + n.len_utf8();
                iter.next();
            } else if is_closer(n) {
                closed = true;
                j = k + n.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &text[j..];
        let Some(next) = rest.chars().next() else {
            break;
        };
        let tok_start = token_start(text, i);
        let token = &text[tok_start..i];
        if next.is_whitespace() {
            if next == '\n' || next == '\r' {
                continue; // the line break ends it
            }
            let after = rest.trim_start_matches([' ', '\t', '\u{a0}']);
            let Some(n) = after.chars().next() else {
                continue;
            };
            let starts_new = n.is_uppercase()
                || n.is_ascii_digit()
                || is_opener(n)
                || matches!(n, '—' | '–' | '-' | '@' | '#');
            if !starts_new {
                continue;
            }
            if c == '.'
                && !closed
                && is_abbrev(token, lang)
                && !lone_letter_after_lowercase(text, tok_start, token)
            {
                continue;
            }
            let k = j + (rest.len() - after.len());
            push_trimmed(text, start, j, &mut out);
            start = k;
        } else {
            // Glued: "crisis.According", "said.\"The", "it?Officials".
            let glued_ok = next.is_uppercase() || (is_opener(next) && next != '(');
            if !glued_ok {
                continue;
            }
            let plain_word = !token.is_empty()
                && token.chars().count() >= 2
                && token
                    .chars()
                    .all(|ch| ch.is_alphabetic() || ch == '-' || ch == '\'')
                && token.chars().last().is_some_and(|ch| ch.is_lowercase());
            let ok = match c {
                '.' => (plain_word || closed) && !is_abbrev(token, lang),
                _ => true,
            };
            if ok {
                push_trimmed(text, start, j, &mut out);
                start = j;
            }
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    if start >= end {
        return;
    }
    let s = &text[start..end];
    let trimmed_start = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let a = start + trimmed_start;
    out.push(a..a + trimmed.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: Lang) -> Vec<&str> {
        sentences(text, lang)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "The U.S. Navy said Gen. Ruiz met Sen. Lee on Sept. 2. They talked.";
        assert_eq!(
            split(t, Lang::En),
            [
                "The U.S. Navy said Gen. Ruiz met Sen. Lee on Sept. 2.",
                "They talked."
            ]
        );
        let t = "EE.UU. atacó una lancha, dijo el Sr. Pérez. Murieron tres.";
        assert_eq!(
            split(t, Lang::Es),
            [
                "EE.UU. atacó una lancha, dijo el Sr. Pérez.",
                "Murieron tres."
            ]
        );
    }

    #[test]
    fn glued_sentences_split() {
        let t = "a worsening addiction crisis.According to a report, plans exist.";
        assert_eq!(
            split(t, Lang::En),
            [
                "a worsening addiction crisis.",
                "According to a report, plans exist."
            ]
        );
        // Domains and initials stay whole.
        let t = "Read it on NBCNews.com today, at 3.5 p.m. Eastern.";
        assert_eq!(
            split(t, Lang::En),
            ["Read it on NBCNews.com today, at 3.5 p.m. Eastern."]
        );
    }

    #[test]
    fn lone_letters() {
        let t = "He said so in a post on X. The boat sank. Donald J. Trump spoke.";
        assert_eq!(
            split(t, Lang::En),
            [
                "He said so in a post on X.",
                "The boat sank.",
                "Donald J. Trump spoke."
            ]
        );
    }

    #[test]
    fn quotes_and_lines() {
        let t =
            "He wrote: \"The boat is gone.\" Then he left.\nOct. 29: The military struck a boat.";
        assert_eq!(
            split(t, Lang::En),
            [
                "He wrote: \"The boat is gone.\"",
                "Then he left.",
                "Oct. 29: The military struck a boat."
            ]
        );
        let t = "«Fue un ataque letal». Así lo dijo.";
        assert_eq!(
            split(t, Lang::Es),
            ["«Fue un ataque letal».", "Así lo dijo."]
        );
    }

    #[test]
    fn never_panics_and_ranges_are_clean() {
        for t in [
            "",
            ".",
            "...",
            "é.É",
            "a.\u{301}B",
            " \n \n",
            "Ñ? ¿Qué? ¡Sí!",
            "x.”",
        ] {
            for r in sentences(t, Lang::Es) {
                let s = &t[r];
                assert_eq!(s, s.trim());
                assert!(!s.is_empty());
            }
        }
    }
}
