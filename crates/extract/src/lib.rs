//! The strikewatch codebook (`CODEBOOK.md`) as a pure function: an article's text, language
//! and publication date in; its reports (events, developments, tallies) and their claims out.
//!
//! Why a crate of its own: extraction is the part of strikewatch that must be trusted, so it
//! is kept small, pure and testable, apart from ingestion, storage and reconciliation.
//!
//! **Invariants**
//! - Pure: no I/O, no clock, no global mutable state. The publication date is an input; the
//!   lexicons and the gazetteer are embedded data read once in [`Extractor::new`].
//! - Deterministic: the same input gives the same output (no hash-map order leaks out).
//! - Exact spans: for every claim, `&text[claim.span[0]..claim.span[1]] == claim.surface`.
//! - Explainable: every claim names the rule or lexicon entry that produced it
//!   (`"fig.at_least"`, `"lex:en/events.tsv:strike:struck"`).
//! - Plans, options and threats never become occurred strikes; cumulative totals are tallies.
//!
//! Languages are data: [`registry`] holds the languages listed in `lexicon/languages.tsv`,
//! each the folder `lexicon/<code>/` of lexicon files (formats in `lexicon/README.md`), plus
//! `lexicon/actors.tsv` and `lexicon/places.tsv` for all of them; places come from
//! `sw-gazetteer`, month names and function words from sw-text (shared with its datelines
//! and language detection). No word of a natural language is written in the Rust source. A
//! `sw_model::Lang` is read by the language with its code; `Lang::Other` by the one the
//! registry flags `reads_other` (English). [`Extractor::with_language`] adds a language from
//! its files at run time and [`Extractor::extract_in`] reads text in it; a lexicon row that
//! cannot be read is a [`LexiconError`] naming its file and line.
//!
//! [`VERSION`] names the rules in force: a hash of the sources and data, taken at build time.
//!
//! Modules: [`Extractor`] (the pipeline, split by stage: a cue prefilter per sentence, then
//! events, modality, dates, figures, places and targets, attribution and actors, tolls told
//! boat by boat, then per-article merging), [`numbers`] and [`dates`] (parsers that never
//! panic, fuzzed), [`eval`] (scoring against a gold set), [`lexicon`], [`registry`] and
//! [`tokens`] (the matching machinery).
//!
//! ```
//! use sw_extract::{Extractor, Modality, ReportKind};
//! use sw_model::Lang;
//! let ex = Extractor::new();
//! let text = "U.S. forces struck a boat in the eastern Pacific on Tuesday, killing three people, Southern Command said.";
//! let published = chrono::NaiveDate::from_ymd_opt(2025, 11, 5);
//! let reports = ex.extract(text, Lang::En, published);
//! let r = &reports[0];
//! assert_eq!(r.kind, ReportKind::Event);
//! assert_eq!(r.modality, Modality::Occurred);
//! assert_eq!(r.date.as_deref(), Some("2025-11-04"));
//! assert_eq!(r.figures.killed.as_ref().unwrap().best, Some(3));
//! for c in &r.claims {
//!     assert_eq!(&text[c.span[0]..c.span[1]], c.surface);
//! }
//! ```

pub mod dates;
pub mod eval;
mod fxhash;
pub mod lexicon;
pub mod numbers;
mod pipeline;
pub mod registry;
pub mod tokens;

pub use lexicon::LexiconError;

/// The version of the extraction rules in force, `sw-extract-<crate version>-<12 hex>`:
/// the hex is a hash, taken at build time (`build.rs`), of this crate's sources and
/// lexicons and of what it embeds from sw-text and sw-gazetteer (their sources and data).
/// Any change to the rules, a lexicon row or the data they read gives a new version, so
/// that reports stored under another one are known to be stale and extracted again; it is
/// never bumped by hand. A change that cannot alter what is extracted (a comment, a test)
/// changes it too, which costs one re-extraction and never leaves stale reports.
pub const VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/version.txt"));
pub use pipeline::{DateHints, Extractor};

pub use sw_model::report::{
    Actor, ActorValue, Claim, ClaimField, ClaimValue, DateBasis, DatePrecision, EventType, Field,
    Figure, FigureValue, Figures, Modality, PlaceRef, Report, ReportKind, Role, Source, SourceKind,
    TargetKind,
};

#[cfg(test)]
mod tests {
    #[test]
    fn the_version_names_the_crate_and_a_hash_of_its_rules() {
        let prefix = concat!("sw-extract-", env!("CARGO_PKG_VERSION"), "-");
        let hash = super::VERSION.strip_prefix(prefix).expect(super::VERSION);
        assert_eq!(hash.len(), 12);
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
    }
}
