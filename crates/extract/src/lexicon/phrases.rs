//! Phrase matching on tokens: the machinery every cue lexicon is looked up with.

use super::table::{File, LexiconError, Row};
use crate::fxhash::{FxMap, FxSet};
use crate::tokens::{tokenize, Tok, Word};

/// A set of phrases matched on lower-cased tokens, longest first.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    by_first: FxMap<Word, Vec<Phrase<T>>>,
    /// The most words of any phrase.
    longest: usize,
    /// The file the phrases came from, for rule names ("en/events.tsv").
    pub file: String,
}

#[derive(Debug, Clone)]
pub struct Phrase<T> {
    words: Vec<Word>,
    pub text: String,
    pub value: T,
}

/// One phrase found in a token stream.
#[derive(Debug)]
pub struct Hit<'a, T> {
    pub ts: usize,
    pub te: usize,
    pub phrase: &'a Phrase<T>,
}

impl<T> Clone for Hit<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Hit<'_, T> {}

impl<T> Hit<'_, T> {
    pub fn value(&self) -> &T {
        &self.phrase.value
    }
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet::new("")
    }
}

impl<T> PhraseSet<T> {
    pub fn new(file: impl Into<String>) -> PhraseSet<T> {
        PhraseSet {
            by_first: FxMap::default(),
            longest: 0,
            file: file.into(),
        }
    }

    /// Adds a phrase; one that holds no token (white space) is not added.
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<Word> = tokenize(phrase, 0).into_iter().map(|t| t.lower).collect();
        if words.is_empty() {
            return;
        }
        self.longest = self.longest.max(words.len());
        let v = self.by_first.entry(words[0].clone()).or_default();
        v.push(Phrase {
            words,
            text: phrase.to_string(),
            value,
        });
        v.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then(a.text.cmp(&b.text)));
    }

    /// The longest phrase starting at token `i`.
    pub fn at<'a>(&'a self, toks: &[Tok], i: usize) -> Option<Hit<'a, T>> {
        let first = toks.get(i)?;
        let cands = self.by_first.get(&first.lower)?;
        'c: for p in cands {
            for (k, w) in p.words.iter().enumerate().skip(1) {
                match toks.get(i + k) {
                    Some(t) if t.lower == *w => {}
                    _ => continue 'c,
                }
            }
            return Some(Hit {
                ts: i,
                te: i + p.words.len(),
                phrase: p,
            });
        }
        None
    }

    /// Whether some phrase ends right before token `end` ("cerca de" before a place).
    pub fn ends_at(&self, toks: &[Tok], end: usize) -> bool {
        (1..=self.longest.min(end)).any(|len| {
            let from = end - len;
            self.by_first.get(&toks[from].lower).is_some_and(|cands| {
                cands.iter().any(|p| {
                    p.words.len() == len
                        && p.words
                            .iter()
                            .zip(&toks[from..end])
                            .all(|(w, t)| *w == t.lower)
                })
            })
        })
    }

    /// Hits of two-word phrases whose value passes `keep`, with up to `gap` words between
    /// their two words, none a punctuation mark ("fired two ballistic missiles" for "fired
    /// missiles"), where no hit of `taken` overlaps; each starting token once.
    pub fn gapped<'a>(
        &'a self,
        toks: &[Tok],
        gap: usize,
        keep: impl Fn(&T) -> bool,
        taken: &[Hit<'a, T>],
    ) -> Vec<Hit<'a, T>> {
        let mut out: Vec<Hit<'a, T>> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let Some(cands) = self.by_first.get(&t.lower) else {
                continue;
            };
            let found = cands
                .iter()
                .filter(|p| p.words.len() == 2 && keep(&p.value))
                .find_map(|p| {
                    (i + 2..=(i + 1 + gap).min(toks.len().saturating_sub(1)))
                        .take_while(|&j| toks[j - 1].kind == crate::tokens::TokKind::Word)
                        .find(|&j| toks[j].lower == p.words[1])
                        .map(|j| Hit {
                            ts: i,
                            te: j + 1,
                            phrase: p,
                        })
                });
            if let Some(h) = found {
                let free = |o: &Hit<'a, T>| !(o.ts < h.te && h.ts < o.te);
                if taken.iter().all(free) && out.iter().all(free) {
                    out.push(h);
                }
            }
        }
        out
    }

    /// Leftmost-longest, non-overlapping hits.
    pub fn find_all<'a>(&'a self, toks: &[Tok]) -> Vec<Hit<'a, T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some(h) = self.at(toks, i) {
                i = h.te;
                out.push(h);
            } else {
                i += 1;
            }
        }
        out
    }

    /// Every phrase's value, in no particular order.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.by_first.values().flatten().map(|p| &p.value)
    }

    /// The most distinctive (longest) word of every phrase, for prefilters: a sentence
    /// without any of them cannot hold the phrase.
    pub fn key_words(&self) -> impl Iterator<Item = &Word> {
        self.key_words_of(|_| true)
    }

    /// [`PhraseSet::key_words`] of the phrases whose value passes `keep`.
    pub fn key_words_of(&self, keep: impl Fn(&T) -> bool) -> impl Iterator<Item = &Word> {
        self.by_first
            .values()
            .flatten()
            .filter(move |p| keep(&p.value))
            .filter_map(|p| {
                p.words
                    .iter()
                    .filter(|w| w.chars().all(char::is_alphanumeric))
                    .max_by_key(|w| w.chars().count())
            })
    }
}

/// The phrases of a file whose rows are a phrase and at most `columns` columns in all, the
/// value of each read from its row by `value`.
pub fn phrase_set<T>(
    file: File,
    columns: usize,
    value: impl Fn(&Row) -> Result<T, LexiconError>,
) -> Result<PhraseSet<T>, LexiconError> {
    let mut set = PhraseSet::new(file.name);
    for r in file.rows() {
        r.at_most(columns)?;
        let v = value(&r)?;
        set.insert(r.col(0, "phrase")?, v);
    }
    Ok(set)
}

/// The first of `phrases` (word sequences, longest first) that starts at token `i`, with
/// the token after it. `first` holds the first word of every phrase: most tokens start
/// none, and cost one lookup.
pub fn first_at<T: Copy>(
    phrases: &[(Vec<Word>, T)],
    first: &FxSet<Word>,
    toks: &[Tok],
    i: usize,
) -> Option<(T, usize)> {
    if !first.contains(&toks.get(i)?.lower) {
        return None;
    }
    phrases.iter().find_map(|(words, v)| {
        let matches = words
            .iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower == *w));
        matches.then_some((*v, i + words.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins_and_ends_at_finds_any_length() {
        let mut set = PhraseSet::new("xx/t.tsv");
        set.insert("cerca", 1);
        set.insert("cerca de", 2);
        set.insert("en", 3);
        let toks = tokenize("muy cerca de Caracas y en Maracay", 0);
        let h = set.at(&toks, 1).unwrap();
        assert_eq!((h.te, *h.value()), (3, 2));
        assert!(set.ends_at(&toks, 3), "cerca de | Caracas");
        assert!(set.ends_at(&toks, 2), "cerca | de");
        assert!(set.ends_at(&toks, 6), "en | Maracay");
        assert!(!set.ends_at(&toks, 4) && !set.ends_at(&toks, 0));
        assert_eq!(set.find_all(&toks).len(), 2);
    }
}
