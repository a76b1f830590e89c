//! strikewatch's application layer: the use cases, over any [`Store`](sw_store::Store).
//!
//! Why a crate of its own: the command line, the web app and the coming `watch` and review
//! commands all do the same few things with a store — ingest a batch of inputs, extract what
//! is new, place undated articles in time, bring the ledger up to date, read the ledger or
//! one article with its reports. Each is written once here, so that no front end re-codes
//! one and no crate calls back up into a front end: the binary and `sw-web` depend on this
//! crate, and this crate on the library crates below it.
//!
//! | use case | function |
//! | --- | --- |
//! | ingest inputs (walk, store raw, parse, normalise, place in stories, extract) | [`ingest::Pipeline::run`] |
//! | extract what is new, date undated articles, update the ledger | [`refresh`] |
//! | extract only | [`extract::extract`] |
//! | place undated articles in time | [`dating::date_undated`] |
//! | update the ledger rows when reports changed | [`ledger::update`] |
//! | the whole ledger in memory | [`ledger::ledger`], [`ledger::load`] |
//! | the ledger for a reader, never writing (computed in memory when stale) | [`ledger::view`], [`ledger::current`] |
//! | one list of the stored ledger, parsed | [`ledger::rows`] |
//! | ledger versions: diff, an incident's history, where an old id leads | [`versions::diff`], [`versions::history`], [`versions::lead`] |
//! | stored reports, an article with its reports | [`reports::stored_reports`], [`reports::article_with_reports`] |
//! | record review decisions, read the log and how each stands, the review queue | [`review::record`], [`review::log`], [`review::queue`] |
//!
//! **Invariants**
//! - No clock and no terminal: the caller passes the day it is ([`ingest::IngestConfig::today`]),
//!   and the time a ledger version is published at ([`ledger::update`])
//!   and receives progress through callbacks ([`ingest::Reporter`], `progress`), so front ends
//!   decide what to print and tests decide what day it is.
//! - Every write goes through the [`Store`](sw_store::Store) trait, so a second backend gets
//!   every use case for free.
//! - Reports are stored under the extractor's version ([`extract::version`]): articles read by
//!   an older version are extracted again by [`refresh`].

pub mod dating;
pub mod extract;
pub mod ingest;
pub mod ledger;
pub mod reports;
pub mod review;
pub mod versions;

pub use extract::ExtractSummary;

use anyhow::Result;
use sw_extract::Extractor;
use sw_store::Store;

/// Extracts every article not yet extracted by this extractor (every article with `all`),
/// places undated articles in time by the corpus's dated ones, and brings the ledger up to
/// date, a new ledger version stamped `at` (RFC 3339, the caller's clock). `progress` is
/// told how many articles were extracted so far.
pub fn refresh<S: Store + ?Sized>(
    store: &mut S,
    extractor: &Extractor,
    all: bool,
    at: &str,
    progress: &dyn Fn(usize),
) -> Result<ExtractSummary> {
    let summary = extract::extract(store, extractor, all, progress)?;
    dating::date_undated(store, extractor)?;
    ledger::update(store, at)?;
    Ok(summary)
}
