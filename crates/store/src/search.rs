//! Full-text search over articles: what [`Store::search`](crate::Store::search) returns,
//! whatever the backend (the SQLite one answers from its FTS5 index, `sqlite/search.rs`).
//!
//! A query is words that must all match, in English or Spanish, with or without accents
//! ("Culiacan" finds "Culiacán"); a word ending in `*` matches as a prefix. A search ranks and
//! counts at most [`RANKED`] matches (the most recently stored; more is said "more than
//! [`RANKED`]") and builds snippets only for the page it returns, so its cost stays bounded
//! as the corpus grows. A query that would still be costly (too long, too many words or
//! prefixes, prefixes too short: [`terms`]) is refused with the reason, and a search running
//! past its budget ([`BUDGET`], [`PREFIX_BUDGET`] with a prefix) is stopped, so that no query
//! holds a store connection for long.

use serde::Serialize;

use crate::{ArticleId, StoreError};

/// Marks the start of a matched term inside [`SearchHit::snippet`] (a private-use character,
/// so that a caller can escape the snippet and then turn the markers into highlighting).
pub const MATCH_START: char = '\u{E000}';
/// Marks the end of a matched term inside [`SearchHit::snippet`].
pub const MATCH_END: char = '\u{E001}';

/// One article that matches a query.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SearchHit {
    pub id: ArticleId,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub lang: String,
    pub url: Option<String>,
    /// A passage of the text around the matches, with each match between [`MATCH_START`]
    /// and [`MATCH_END`].
    pub snippet: String,
}

/// How many matches a search looks at, at most: the most recently stored this many are
/// ranked, and counted. Ranking costs a few microseconds per match and an exact count walks
/// every match, so both, unbounded, grow with the corpus (a common word matches most
/// articles); bounded, a search stays in milliseconds at any size. A search matching more
/// says so: its total is [`RANKED`] + 1, read "more than [`RANKED`]" ([`more_than_ranked`]).
/// A reader pages through the best thousand, not through a hundred thousand.
pub const RANKED: usize = 1_000;

/// Whether a search's total means "more than [`RANKED`]" rather than an exact count.
pub fn more_than_ranked(total: usize) -> bool {
    total > RANKED
}

/// The longest query searched, in characters: a query is a few words, and a longer one is
/// refused rather than cut (a cut query would silently search for something else).
pub const MAX_QUERY_CHARS: usize = 256;
/// The most words a query may have: each is one more index lookup every match must pass.
pub const MAX_TERMS: usize = 16;
/// The most prefix words (`word*`) a query may have: each one is expanded by the index into
/// every term it starts, so a handful of short prefixes (`a* b* c* ...`) makes the index
/// merge the postings of a good part of the vocabulary.
pub const MAX_PREFIXES: usize = 8;
/// The fewest letters before a `*`: `a*` names a twenty-sixth of the vocabulary, `str*` a
/// few dozen words.
pub const MIN_PREFIX_CHARS: usize = 3;
/// How long one search may run before it is stopped: longer, and the query is too broad to
/// answer without holding a store connection that other readers need.
pub const BUDGET: std::time::Duration = std::time::Duration::from_secs(2);
/// How long a search with a prefix word (`word*`) may run: without a prefix index FTS5
/// merges the postings of every word the prefix starts before it can return one match, so a
/// broad prefix costs in proportion to the corpus (`strik*`: ~1 s at 1M articles, and up to
/// ~3 s for the costliest query [`terms`] lets through) however few matches are wanted. A
/// plain word's search is bounded by [`RANKED`]; a prefix's is bounded only by its time.
/// One second answers `strik*` on a 100k-article store (0.6 s on 2 busy cores; refused at
/// 0.5 s) and stops the costliest queries at a third of their time.
pub const PREFIX_BUDGET: std::time::Duration = std::time::Duration::from_secs(1);

/// The time budget of a search for `terms`: [`PREFIX_BUDGET`] if one is a prefix, else
/// [`BUDGET`].
pub fn budget(terms: &[Term]) -> std::time::Duration {
    if terms.iter().any(|t| t.prefix) {
        PREFIX_BUDGET
    } else {
        BUDGET
    }
}

/// One word of a query: all words must match; a prefix word matches any word it starts; an
/// excluded word (`-word`) must not occur.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Letters, digits, `'` and `-` only.
    pub word: String,
    pub prefix: bool,
    /// Typed with a leading `-`: articles holding it are left out.
    pub exclude: bool,
}

/// The words of what a user typed, or why it cannot be searched ([`StoreError::Invalid`],
/// a message for the user: too long, too many words, too many or too short prefixes).
/// Operators and punctuation are taken as plain text, except a leading `-`, which excludes
/// the word (as in web search engines); no word at all is an empty list.
pub fn terms(q: &str) -> crate::Result<Vec<Term>> {
    let chars = q.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(StoreError::Invalid(format!(
            "the query is {chars} characters long; at most {MAX_QUERY_CHARS} are searched"
        )));
    }
    let terms: Vec<Term> = q
        .split(|c: char| !(c.is_alphanumeric() || c == '*' || c == '\'' || c == '-'))
        .filter_map(|w| {
            let prefix = w.ends_with('*');
            let exclude = w.starts_with('-');
            let word: String = w
                .trim_start_matches('-')
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '-')
                .collect();
            (!word.is_empty()).then_some(Term {
                word,
                prefix,
                exclude,
            })
        })
        .collect();
    if terms.len() > MAX_TERMS {
        return Err(StoreError::Invalid(format!(
            "the query has {} words; at most {MAX_TERMS} are searched",
            terms.len()
        )));
    }
    if !terms.is_empty() && terms.iter().all(|t| t.exclude) {
        return Err(StoreError::Invalid(
            "every word of the query is excluded (-word): give at least one word to find".into(),
        ));
    }
    let prefixes: Vec<&Term> = terms.iter().filter(|t| t.prefix).collect();
    if prefixes.len() > MAX_PREFIXES {
        return Err(StoreError::Invalid(format!(
            "the query has {} prefix words (word*); at most {MAX_PREFIXES} are searched",
            prefixes.len()
        )));
    }
    if let Some(short) = prefixes
        .iter()
        .find(|t| t.word.chars().count() < MIN_PREFIX_CHARS)
    {
        return Err(StoreError::Invalid(format!(
            "the prefix {}* is too short: give at least {MIN_PREFIX_CHARS} letters before *",
            short.word
        )));
    }
    Ok(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<(String, bool)> {
        terms(q)
            .unwrap()
            .into_iter()
            .map(|t| (t.word, t.prefix))
            .collect()
    }

    #[test]
    fn queries_are_words_and_prefixes() {
        assert_eq!(
            words("boat lanch* (NEAR"),
            [
                ("boat".into(), false),
                ("lanch".into(), true),
                ("NEAR".into(), false)
            ]
        );
        assert!(words("  \"*()  ").is_empty());
    }

    #[test]
    fn a_leading_dash_excludes_a_word() {
        let t = terms("strike -drill Ciudad-Juárez").unwrap();
        let got: Vec<(&str, bool)> = t.iter().map(|t| (t.word.as_str(), t.exclude)).collect();
        assert_eq!(
            got,
            [("strike", false), ("drill", true), ("Ciudad-Juárez", false)]
        );
        let why = terms("-drill").unwrap_err().to_string();
        assert!(why.contains("at least one word to find"), "{why}");
    }

    #[test]
    fn costly_queries_are_refused_with_the_reason() {
        let why = |q: &str| terms(q).unwrap_err().to_string();
        let long = "strike ".repeat(40);
        assert!(why(&long).contains("at most 256"), "{}", why(&long));
        let many = "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17";
        assert!(why(many).contains("17 words"), "{}", why(many));
        let prefixes = "abc* abd* abe* abf* abg* abh* abi* abj* abk*";
        assert!(why(prefixes).contains("9 prefix"), "{}", why(prefixes));
        assert!(
            why("boat a*").contains("a* is too short"),
            "{}",
            why("boat a*")
        );
        assert_eq!(words("lan*").len(), 1);
    }
}
