//! Full-text search over articles: what [`Store::search`](crate::Store::search) returns,
//! whatever the backend (the SQLite one answers from its FTS5 index, `sqlite/search.rs`).
//!
//! A query is words that must all match, in English or Spanish, with or without accents
//! ("Culiacan" finds "Culiacán"); a word ending in `*` matches as a prefix. A search ranks at
//! most [`RANKED`] matches (the most recently stored) and builds snippets only for the page
//! it returns, so its cost stays bounded as the corpus grows.

use serde::Serialize;

use crate::ArticleId;

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

/// How many matches are ranked at most: a query matching more articles ranks the most
/// recently stored this many (ranking costs a few microseconds per match, so an unbounded
/// ranking of a common word grows with the corpus; this keeps a search in tens of
/// milliseconds at any size). The total count is always exact.
pub const RANKED: usize = 5_000;
