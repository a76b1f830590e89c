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
//! | update the ledger and keep the alerts of what changed | [`publish`], [`alerts::record`] |
//! | the whole ledger in memory | [`ledger::ledger`], [`ledger::load`] |
//! | the ledger for a reader, never writing (computed in memory when stale) | [`ledger::view`], [`ledger::current`] |
//! | one list of the stored ledger, parsed | [`ledger::rows`] |
//! | ledger versions: diff, an incident's history, where an old id leads | [`versions::diff`], [`versions::history`], [`versions::lead`] |
//! | the sentence holding each value of an incident's figures | [`quotes::value_quotes`] |
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

pub mod alerts;
pub mod dating;
pub mod extract;
pub mod ingest;
pub mod ledger;
pub mod quotes;
pub mod reports;
pub mod review;
pub mod versions;

pub use extract::ExtractSummary;

use anyhow::Result;
use sw_extract::Extractor;
use sw_ledger::alerts::Change;
use sw_store::Store;

/// Extracts every article not yet extracted by this extractor (every article with `all`),
/// places undated articles in time by the corpus's dated ones, and brings the ledger up to
/// date, a new ledger version stamped `at` (RFC 3339, the caller's clock), keeping the alerts
/// of what changed ([`publish`]). `progress` is told how many articles were extracted so far.
pub fn refresh<S: Store + ?Sized>(
    store: &mut S,
    extractor: &Extractor,
    all: bool,
    at: &str,
    progress: &dyn Fn(usize),
) -> Result<ExtractSummary> {
    // the alerts are kept in the store for the feeds; none is held here
    refresh_into(store, extractor, all, at, false, progress, &mut |_| {})
}

/// [`refresh`], also returning the alerts kept; `followed`: see [`publish`].
pub fn refresh_followed<S: Store + ?Sized>(
    store: &mut S,
    extractor: &Extractor,
    all: bool,
    at: &str,
    followed: bool,
    progress: &dyn Fn(usize),
) -> Result<(ExtractSummary, Vec<Change>)> {
    let mut alerts = Vec::new();
    let summary = refresh_into(store, extractor, all, at, followed, progress, &mut |c| {
        alerts.push(c)
    })?;
    Ok((summary, alerts))
}

/// [`refresh`], handing each new alert to `kept` ([`publish_into`]).
fn refresh_into<S: Store + ?Sized>(
    store: &mut S,
    extractor: &Extractor,
    all: bool,
    at: &str,
    followed: bool,
    progress: &dyn Fn(usize),
    kept: &mut dyn FnMut(Change),
) -> Result<ExtractSummary> {
    let summary = extract::extract(store, extractor, all, progress)?;
    dating::date_undated(store, extractor)?;
    publish_into(store, at, followed, kept)?;
    Ok(summary)
}

/// Brings the ledger up to date ([`ledger::update`], a version stamped `at`, RFC 3339) and
/// keeps the alerts of the changes ([`alerts::record`]), returning those new. The store's
/// first ledger raises none unless `followed` (a `watch`ed store, where everything found is
/// news).
pub fn publish<S: Store + ?Sized>(store: &mut S, at: &str, followed: bool) -> Result<Vec<Change>> {
    let mut kept = Vec::new();
    publish_into(store, at, followed, &mut |c| kept.push(c))?;
    Ok(kept)
}

/// [`publish`], handing each new alert to `kept` as it is written rather than collecting
/// them ([`alerts::record_into`]): what a caller that does not tell of them each uses.
pub fn publish_into<S: Store + ?Sized>(
    store: &mut S,
    at: &str,
    followed: bool,
    kept: &mut dyn FnMut(Change),
) -> Result<()> {
    if store.ledger_generation()? == Some(store.reports_generation()?) {
        return Ok(()); // nothing to rebuild: no version, no alert
    }
    // read before the rebuild: the published rows are still the old ledger's
    let mark = if followed {
        alerts::mark_followed(store)?
    } else {
        alerts::mark(store)?
    };
    ledger::update(store, at)?;
    let ms = chrono::DateTime::parse_from_rfc3339(at)
        .map_err(|e| anyhow::anyhow!("publication time {at:?}: {e}"))?
        .timestamp_millis();
    alerts::record_into(store, &mark, ms, kept)
}
