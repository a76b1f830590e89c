//! Where strikewatch keeps what it read.
//!
//! The [`Store`] trait is deliberately narrow: the handful of operations the pipeline and the
//! read commands need, in the pipeline's own words (admit raw input, finish an input with its
//! articles, list and show). [`SqliteStore`] is the embedded default; a PostgreSQL backend is
//! meant to implement the same trait. [`open`] takes what `--db` names ([`StoreSpec`]:
//! `sqlite:PATH`, a bare path, `postgres://...`) and returns an [`AnyStore`];
//! [`open_read_only`] opens an existing store for a reader, which then cannot write.
//!
//! A backend only stores and queries. What is decided about the data is decided once, in
//! pure code every backend calls, so that backends give the same results byte for byte:
//! which story a new article joins ([`placement`]), the order of the published ledger and the
//! suffixes of repeated ids ([`ledger`]). Errors are [`StoreError`]s, in terms that do not
//! depend on the backend.
//!
//! Invariants the trait's contract carries, whatever the backend:
//! - raw input bytes are committed by [`Store::admit`] *before* anything is parsed, so a parse
//!   failure or a crash never loses what was read;
//! - [`Store::finish`] commits one input's articles (or its error) atomically, so an
//!   interrupted ingest leaves inputs either finished or pending, never half-written, and a
//!   re-run picks the pending ones up from their stored bytes;
//! - the same input bytes are admitted once: re-ingesting adds nothing;
//! - an article's stored text never changes after insertion: byte spans point into it.
//!
//! ```
//! use sw_store::{SqliteStore, Store, RawInput, Admission};
//! let mut store = SqliteStore::open_in_memory().unwrap();
//! let raw = RawInput { locator: "note.txt".into(), format: Some("text".into()), bytes: b"hello".to_vec(), meta: None };
//! let first = store.admit(std::slice::from_ref(&raw)).unwrap();
//! assert!(matches!(first[0], Admission::New(_)));
//! let again = store.admit(&[raw]).unwrap();
//! assert!(matches!(again[0], Admission::Pending(_)));
//! ```

#[cfg(test)]
mod contract;
pub mod copy;
mod digest;
mod error;
pub mod ledger;
pub mod placement;
#[cfg(feature = "postgres")]
mod postgres;
mod rows;
pub mod search;
mod spec;
mod sqlite;

pub use error::{Result, StoreError};
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
pub use search::SearchHit;
pub use spec::{open, open_read_only, AnyStore, StoreSpec};
pub use sqlite::SqliteStore;

use serde::Serialize;
use sw_dedup::Signature;
use sw_model::Article;

pub type InputId = i64;
pub type ArticleId = i64;

/// Input bytes as read, before any parsing. `locator` says where they came from (a path, a
/// `path:line` inside a JSONL file, a `path#record` inside a WARC, a URL, `-` for stdin).
#[derive(Debug, Clone, PartialEq)]
pub struct RawInput {
    pub locator: String,
    pub format: Option<String>,
    pub bytes: Vec<u8>,
    /// Metadata that travels with the bytes (command-line overrides, WARC headers, HTTP
    /// content type), as JSON, so that a resumed parse sees exactly what the first one saw.
    pub meta: Option<serde_json::Value>,
}

/// What [`Store::admit`] decided about one raw input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Stored now; parse it.
    New(InputId),
    /// Stored earlier but never finished (an interrupted run): parse it now.
    Pending(InputId),
    /// Stored earlier and failed: parse it again, it may fail again.
    Retry(InputId),
    /// Stored and finished earlier: nothing to do.
    Done(InputId),
    /// Stored earlier and being parsed now by another worker sharing the store (a backend
    /// for many workers, PostgreSQL, claims inputs): nothing to do here. Should that worker
    /// die, its claim ends with it and the next ingest finishes the input from its bytes.
    Claimed(InputId),
}

impl Admission {
    pub fn id(self) -> InputId {
        match self {
            Admission::New(i)
            | Admission::Pending(i)
            | Admission::Retry(i)
            | Admission::Done(i)
            | Admission::Claimed(i) => i,
        }
    }
}

/// An article ready to be stored, with what deduplication needs.
#[derive(Debug, Clone)]
pub struct NewArticle {
    /// Position of the article within its input (feed item number), 0 for single documents.
    pub item: u32,
    pub article: Article,
    pub signature: Signature,
}

/// What happened to one [`NewArticle`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A new article. `copy_of` is set when it joined an existing story as an exact or near
    /// copy of that article.
    New {
        id: ArticleId,
        story: i64,
        copy_of: Option<ArticleId>,
    },
    /// The same text from the same URL is already stored: nothing was added.
    Duplicate { existing: ArticleId },
}

/// How one input ended.
#[derive(Debug, Clone)]
pub enum Finish {
    Parsed {
        articles: Vec<NewArticle>,
        /// Item-level problems (a feed entry with no body) that did not fail the whole input.
        warnings: Vec<String>,
    },
    Failed(String),
}

/// An article as the read commands show it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleRow {
    pub id: ArticleId,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub published_basis: String,
    pub lang: String,
    pub title: Option<String>,
    pub story: i64,
    pub input: String,
    pub chars: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A stored input that failed, with its error.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FailedInput {
    pub id: InputId,
    pub locator: String,
    pub error: String,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub inputs: i64,
    pub failed_inputs: i64,
    pub pending_inputs: i64,
    pub articles: i64,
    pub stories: i64,
}

/// One extracted report as stored: indexed columns plus the report's full JSON (the store
/// does not depend on the extractor's types, so a new report field needs no migration).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub kind: String,
    pub event_type: String,
    pub modality: String,
    pub date: Option<String>,
    pub json: String,
}

/// A stored report with the context of its article.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredReport {
    pub id: i64,
    pub article_id: ArticleId,
    pub story_id: i64,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub lang: String,
    pub json: String,
}

/// Which reports [`Store::reports`] visits.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub article: Option<ArticleId>,
    pub kind: Option<String>,
    /// Only the reports of articles with no publication date.
    pub undated: bool,
}

/// One list of the built ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerList {
    Incidents,
    Tallies,
    Developments,
    /// Incidents a reviewer rejected: kept apart, out of every total.
    Rejected,
}

/// One entry of the review decision log as stored: its id (a content hash), who made it,
/// when, its kind, the incident it names, and its whole JSON as `sw_ledger::review` writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionRow {
    pub id: String,
    pub author: String,
    pub at: String,
    pub kind: String,
    pub incident: String,
    pub json: String,
}

/// One ledger entry to store: its JSON as `sw-ledger` serialises it (compact; the store
/// reads the fields it indexes from it, [`ledger::EntryKeys`]: `id`, `date` or `as_of`,
/// `event_type`), and where it comes among entries that sort equal (see
/// [`Store::publish_ledger`]).
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerRow {
    pub ord: i64,
    pub json: String,
}

/// Which incidents [`Store::ledger_rows`] visits (ignored for tallies and developments):
/// `from`/`to` (`YYYY-MM-DD`) keep dated incidents whose date may fall between them (a month
/// counts by its first and last day); with either, undated incidents are left out.
#[derive(Debug, Clone, Default)]
pub struct LedgerFilter {
    pub from: Option<String>,
    pub to: Option<String>,
    pub event_type: Option<String>,
}

/// The operations strikewatch needs from a store.
/// Inputs whose batches an ingest of local files lets share a commit
/// ([`Store::group_batches`]).
pub const GROUP_INPUTS: usize = 8192;

pub trait Store {
    /// Lets the batches of an ingest share commits, about `inputs` inputs' worth at a time
    /// (SQLite: each batch a savepoint in a transaction held open across batches; see
    /// [`GROUP_INPUTS`]): fewer commits write far fewer pages. Only for a writer that
    /// finishes its batches back to back (a local ingest, not one waiting on the network),
    /// since the write lock is held between them; [`Store::commit_batches`] ends the group.
    /// Off (every batch its own commit) unless asked for; a no-op by default.
    fn group_batches(&mut self, inputs: usize) {
        let _ = inputs;
    }

    /// Makes every batch admitted and finished so far durable and visible to other
    /// connections. A backend may hold several batches in one transaction (SQLite: see
    /// `group_inputs`); the ingest calls this at its end. Nothing to do by default.
    fn commit_batches(&mut self) -> Result<()> {
        Ok(())
    }

    /// Stores each input's bytes (unless the same bytes are already stored) in one
    /// transaction, and says for each what remains to be done.
    fn admit(&mut self, batch: &[RawInput]) -> Result<Vec<Admission>>;

    /// Records an input that could not even be read (unreachable URL, file over the size
    /// cap): there are no bytes to keep, only the locator and the error.
    fn record_unreadable(&mut self, locator: &str, error: &str) -> Result<InputId>;

    /// Finishes a batch of admitted inputs in one transaction: stores each input's articles,
    /// assigning stories (exact copies by text hash, near copies by LSH candidates whose
    /// similarity reaches `near_dup`), or records its failure.
    fn finish(&mut self, batch: Vec<(InputId, Finish)>, near_dup: f64)
        -> Result<Vec<Vec<Outcome>>>;

    /// Finishes a batch as [`Store::finish`] does and stores, in the same transaction, the
    /// reports extractor `version` produced for its new articles, marking them extracted:
    /// `reports[i][j]` are those of article `j` of input `i` (an input with fewer lists than
    /// articles leaves the rest to the extraction pass). One transaction instead of two, and
    /// no second write of every article row to mark it extracted. Bumps the reports
    /// generation when it stores any.
    fn finish_extracted(
        &mut self,
        batch: Vec<(InputId, Finish)>,
        near_dup: f64,
        version: &str,
        reports: &[Vec<Vec<ReportRow>>],
    ) -> Result<Vec<Vec<Outcome>>> {
        let outcomes = self.finish(batch, near_dup)?;
        let mut extracted = Vec::new();
        for (per_input, rows) in outcomes.iter().zip(reports) {
            for (o, rows) in per_input.iter().zip(rows) {
                if let Outcome::New { id, .. } = o {
                    extracted.push((*id, rows.clone()));
                }
            }
        }
        if !extracted.is_empty() {
            self.put_reports(version, extracted)?;
        }
        Ok(outcomes)
    }

    /// Inputs admitted but never finished, with their stored bytes, oldest first.
    fn pending(&self, limit: usize) -> Result<Vec<(InputId, RawInput)>>;

    fn articles(&self, limit: usize, offset: usize) -> Result<Vec<ArticleRow>>;
    fn article(&self, id: ArticleId) -> Result<Option<ArticleRow>>;
    fn failed_inputs(&self, limit: usize) -> Result<Vec<FailedInput>>;
    fn counts(&self) -> Result<Counts>;
    /// The first and last publication dates of the dated articles ("YYYY-MM-DD").
    fn published_span(&self) -> Result<Option<(String, String)>>;

    /// Articles whose reports were not produced by extractor `version` (all of them with
    /// `all`), with their text, in id order after `after`.
    fn to_extract(
        &self,
        version: &str,
        all: bool,
        after: ArticleId,
        limit: usize,
    ) -> Result<Vec<ArticleRow>>;

    /// Replaces the reports of each article in one transaction and marks the articles as
    /// extracted by `version`; bumps the reports generation so the ledger knows it is stale.
    fn put_reports(&mut self, version: &str, batch: Vec<(ArticleId, Vec<ReportRow>)>)
        -> Result<()>;

    /// Visits stored reports in (article, position) order until `visit` returns false.
    fn reports(
        &self,
        filter: ReportFilter,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> Result<()>;

    /// Visits the reports of the articles after `after_article` in (article, position) order
    /// until `visit` returns false (keyset batches over every report: the ledger's rebuild).
    fn reports_after(
        &self,
        after_article: ArticleId,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> Result<()>;

    /// How many reports of each kind.
    fn report_counts(&self) -> Result<Vec<(String, i64)>>;

    /// A counter bumped whenever reports change.
    fn reports_generation(&self) -> Result<i64>;

    /// The reports generation the published ledger was built from; `None` before the first
    /// build.
    fn ledger_generation(&self) -> Result<Option<i64>>;

    /// Starts building a ledger and returns the new build's number (distinct even when two
    /// processes build at once).
    fn begin_ledger(&mut self) -> Result<i64>;

    /// Adds entries to the ledger being built (any number of calls, each its own
    /// transaction); readers keep seeing the published ledger.
    fn put_ledger_rows(&mut self, build: i64, list: LedgerList, rows: &[LedgerRow]) -> Result<()>;

    /// Makes the ledger of `build`, built from the reports of `generation`, the published
    /// one, in one transaction: orders each list and renames repeated ids as
    /// [`ledger::order`] says (incidents by date, undated last, then id; tallies by as-of
    /// date and developments by date, undated first, then id; ties by [`LedgerRow::ord`]; the
    /// second and later tallies or developments with the same id get the suffixes `-2`,
    /// `-3`...), and drops the previous ledger and what older builds cut short left. If a
    /// build begun later was published meanwhile, this one is dropped. A backend reads back
    /// only the entries' sort keys for this, never their JSON.
    fn publish_ledger(&mut self, build: i64, generation: i64) -> Result<()>;

    /// Visits the published ledger's entries of `list` in order (their JSON, as stored) until
    /// `visit` returns false.
    fn ledger_rows(
        &self,
        list: LedgerList,
        filter: &LedgerFilter,
        visit: &mut dyn FnMut(&str) -> bool,
    ) -> Result<()>;

    /// Publishes a whole ledger given as one JSON object (`{"incidents": [...], "tallies":
    /// [...], "developments": [...]}`, each list already in order) as the ledger of
    /// `generation`.
    fn put_ledger(&mut self, generation: i64, json: &str) -> Result<()> {
        let lists = ledger::rows_of_ledger_json(json)?;
        let build = self.begin_ledger()?;
        for (list, rows) in lists {
            self.put_ledger_rows(build, list, &rows)?;
        }
        self.publish_ledger(build, generation)
    }

    /// Articles in id order after `after` (keyset pagination: constant time, unlike
    /// [`Store::articles`] with a large offset).
    fn articles_after(&self, after: ArticleId, limit: usize) -> Result<Vec<ArticleRow>>;

    fn article_text(&self, id: ArticleId) -> Result<Option<String>>;

    /// Articles matching `q`, best match first, `limit` of them from the `offset`-th, and how
    /// many match (exact up to [`search::RANKED`]; [`search::RANKED`] + 1 means "more").
    /// Every word of `q` must match (a word ending in `*` matches as a prefix), operators and
    /// punctuation are plain text, accents are optional; at most [`search::RANKED`] matches
    /// (the most recently stored) are ranked and counted, so the cost stays bounded.
    /// Snippets mark matches with
    /// [`search::MATCH_START`] and [`search::MATCH_END`]. A query with no word finds nothing.
    fn search(&self, q: &str, limit: usize, offset: usize) -> Result<(Vec<SearchHit>, usize)>;

    /// Publishes build `build` as [`Store::publish_ledger`] does and, in the same
    /// transaction, records it as a ledger version when its content differs from the last
    /// version's (numbered without gaps), its incidents' changes, redirects for the ids
    /// merged away, and the new identity map. [`Published::Stale`] (nothing written) when a
    /// version was published after `p.base`: the caller builds again.
    fn publish_ledger_version(
        &mut self,
        build: i64,
        generation: i64,
        p: &Publication,
    ) -> Result<Published>;

    /// The published ledger's identity map, the ids that redirect, and the version it is.
    fn identities(&self) -> Result<Identities>;

    /// Every ledger version, oldest first.
    fn ledger_versions(&self) -> Result<Vec<LedgerVersion>>;

    /// Visits the incidents of ledger version `version` (their JSON), by date (undated
    /// last), then id, until `visit` returns false.
    fn incidents_at(&self, version: i64, visit: &mut dyn FnMut(&str) -> bool) -> Result<()>;

    /// Incident `id` as it was in version `version` (`None` if it was no incident then).
    fn incident_at(&self, id: &str, version: i64) -> Result<Option<String>>;

    /// The changes of the versions after `after` up to `through`, of all incidents or of
    /// one (its own, and those naming it as the other: merged into it, split off it).
    fn incident_changes(
        &self,
        after: i64,
        through: i64,
        id: Option<&str>,
    ) -> Result<Vec<IncidentChange>>;

    /// The id `id` was merged into, if it was.
    fn incident_redirect(&self, id: &str) -> Result<Option<String>>;

    /// Every redirect: (old id, id it was merged into, version).
    fn redirects(&self) -> Result<Vec<(String, String, i64)>>;

    /// Appends decisions to the review log, all in one transaction (all or none), skipping
    /// those whose id is already there, and marks the ledger stale (the reports generation
    /// moves) when any was added, so the next build applies them. Recorded decisions are
    /// never changed or removed. Returns how many were added.
    fn append_decisions(&mut self, rows: &[DecisionRow]) -> Result<usize>;

    /// Visits the review log in the order it was recorded until `visit` returns false.
    fn decisions(&self, visit: &mut dyn FnMut(DecisionRow) -> bool) -> Result<()>;

    /// Every feed `watch` polls, with its state, by URL.
    fn feeds(&self) -> Result<Vec<FeedState>>;

    fn feed(&self, url: &str) -> Result<Option<FeedState>>;

    /// Adds a feed (due at once); false when it was already there (its state is kept).
    fn add_feed(&mut self, url: &str, now_ms: i64) -> Result<bool>;

    /// Removes a feed and its state; false when there was none. The items it yielded stay.
    fn remove_feed(&mut self, url: &str) -> Result<bool>;

    /// Writes a feed's state (inserting the feed when it is not there), and releases the
    /// claim the state names (`claimed_by`, as [`Store::claim_feeds`] returned it). Another
    /// worker's claim is kept: one taken after this worker's lease lapsed, or any when the
    /// state names none. The claim columns themselves are never written from `feed`.
    fn put_feed(&mut self, feed: &FeedState) -> Result<()>;

    /// Whether a feed item's link is already stored: a feed yielded it before, or an article
    /// carries it as its URL. `watch` fetches no such item again.
    fn item_seen(&self, url: &str) -> Result<bool>;

    /// Records the item links a feed yielded, once their articles are committed.
    fn mark_items_seen(&mut self, feed: &str, urls: &[String], now_ms: i64) -> Result<()>;

    /// Keeps changes of the ledger for the alert feeds; a change whose key is already kept is
    /// not added again. Returns how many were added.
    fn put_changes(&mut self, changes: &[LedgerChange]) -> Result<usize>;

    /// The latest `limit` changes, newest first, of one country (ISO 3166 alpha-2) or all.
    fn changes(&self, country: Option<&str>, limit: usize) -> Result<Vec<LedgerChange>>;

    /// The changes after sequence number `after`, oldest first, at most `limit`: what a
    /// webhook has not been sent yet.
    fn changes_after(&self, after: i64, limit: usize) -> Result<Vec<LedgerChange>>;

    /// The sequence number of the last change delivered to `sink` (a webhook URL), or `None`
    /// when nothing was ever recorded for it.
    fn delivery_cursor(&self, sink: &str) -> Result<Option<i64>>;

    /// Records that every change up to `seq` was delivered to `sink` (written at once, so a
    /// restart resumes after it: delivery is at least once, never skipped).
    fn set_delivery_cursor(&mut self, sink: &str, seq: i64) -> Result<()>;

    // Copying a whole store to another (`strikewatch migrate`): its rows in the
    // backend-neutral form of [`copy`], table by table, a bounded batch at a time.

    /// Whether the store holds nothing a copy would write beside: no row in any table of
    /// [`copy::TABLES`] but `state` (which a new store already has).
    fn copy_is_empty(&self) -> Result<bool>;

    /// Visits the rows of `table` in its copy order, in batches of at most
    /// [`copy::BATCH_ROWS`] rows and about [`copy::BATCH_BYTES`] bytes, until `visit` returns
    /// false. Read while no one writes (a copy of a store being written is not a snapshot of
    /// one moment across tables).
    fn copy_out(
        &self,
        table: &copy::Table,
        visit: &mut dyn FnMut(Vec<copy::Row>) -> bool,
    ) -> Result<()>;

    /// Writes a batch of rows of `table`, as [`Store::copy_out`] gave them, in one
    /// transaction (an article batch with its LSH band entries).
    fn copy_in(&mut self, table: &copy::Table, rows: Vec<copy::Row>) -> Result<()>;

    /// Once every table is written: what the backend keeps about its own rows (SQLite: the
    /// band index covers every article; PostgreSQL: the decision log's serial).
    fn copy_done(&mut self) -> Result<()>;

    // The ledger update, one process at a time.

    /// Waits until no other process sharing the store is updating the ledger, and holds that
    /// until [`Store::unlock_ledger_update`] (or until this process's connection ends, so a
    /// worker killed mid-rebuild holds no one up). Why wait rather than skip: a worker that
    /// skipped while another rebuilt from older reports would leave its own reports out of
    /// the ledger; having waited, it finds the ledger of the current reports and does nothing,
    /// or rebuilds once for what changed since. The default does nothing: SQLite's one writer
    /// at a time already orders the builds' transactions (the later build begun wins, an older
    /// one is dropped at publish), and on one machine two concurrent rebuilds cost time, not
    /// correctness; PostgreSQL, whose workers may be many on many machines, holds a
    /// session-level advisory lock.
    fn lock_ledger_update(&mut self) -> Result<()> {
        Ok(())
    }

    /// Ends what [`Store::lock_ledger_update`] began.
    fn unlock_ledger_update(&mut self) -> Result<()> {
        Ok(())
    }

    /// The reports generation the kept reaches describe (see [`ReachRow`]): the published
    /// ledger's when an incremental update may build on them, else something older or
    /// `None`. `None` on a backend that keeps none (every update then rebuilds whole).
    fn ledger_reach_generation(&self) -> Result<Option<i64>> {
        Ok(None)
    }

    /// The articles whose reports changed since the reaches were last brought up to date,
    /// and the mark to pass back ([`LedgerPatch::dirty_through`],
    /// [`Store::reset_ledger_reach`]) so that only those are cleared.
    fn ledger_dirty(&self) -> Result<(Vec<ArticleId>, i64)> {
        Err(no_reaches())
    }

    /// Visits the kept reaches `q` selects until `visit` returns false.
    fn ledger_reach(
        &self,
        _q: &ReachQuery,
        _visit: &mut dyn FnMut(ReachRow) -> bool,
    ) -> Result<()> {
        Err(no_reaches())
    }

    /// After a whole rebuild published as build `build` from reports `generation`: the reaches
    /// of all its reports, replacing the kept ones, and the changed articles up to `dirty_through`
    /// cleared, in one transaction. Nothing is written when another build was published since.
    fn reset_ledger_reach(
        &mut self,
        _build: i64,
        _generation: i64,
        _dirty_through: i64,
        _rows: &mut dyn Iterator<Item = ReachRow>,
    ) -> Result<bool> {
        Err(no_reaches())
    }

    /// Updates the published ledger in place, in one transaction: the rows `patch` names go,
    /// its new rows come, every list is ordered again (only the positions that moved are
    /// written), a version is recorded as [`Store::publish_ledger_version`] records one, and
    /// the reaches of the changed articles are replaced. [`Published::Stale`] (nothing
    /// written) when a version was published after `patch.publication.base`.
    fn patch_ledger(&mut self, _patch: &LedgerPatch) -> Result<Patched> {
        Err(no_reaches())
    }

    /// Claims for `worker` at most `limit` of the feeds named in `among` that are due at
    /// `now_ms` (never polled, or `next_poll_ms` at or before it) and free (unclaimed, its
    /// lease ended before `now_ms`, or already `worker`'s), the soonest due first (then by
    /// URL), each until `until_ms`; returns them with the claim set. Why: several `watch`
    /// processes share one store, and a feed must be polled by one of them at a time, not
    /// fetched by each with its state written by each. Claims taken at once by several
    /// workers never overlap (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so a worker skips the
    /// rows another is claiming rather than waiting; SQLite: one write transaction). A
    /// worker that dies holding claims frees them when their lease passes. Claiming a feed
    /// this worker holds renews its lease. [`Store::put_feed`] releases a claim. Times are
    /// the caller's clock (workers on several machines must keep their clocks close: the
    /// lease is compared with each one's own).
    fn claim_feeds(
        &mut self,
        worker: &str,
        among: &[String],
        now_ms: i64,
        until_ms: i64,
        limit: usize,
    ) -> Result<Vec<FeedState>>;
}

/// A change of the ledger `watch` saw after a batch, as its JSON record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerChange {
    /// Its position in the order changes were seen (assigned by the store).
    pub seq: i64,
    /// The idempotency key: the same change always has the same key.
    pub key: String,
    pub detected_ms: i64,
    pub country: Option<String>,
    pub json: String,
}

/// What [`Store::publish_ledger_version`] records beside the rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Publication {
    /// The ledger version whose identity map the build read (`None`: there was none).
    pub base: Option<i64>,
    /// When it is published (RFC 3339), as the caller's clock says.
    pub at: String,
    /// The new identity map: incident id -> its members' report keys.
    pub members: std::collections::BTreeMap<String, Vec<i64>>,
    /// What became of the previous ids: (id, `merged` | `split` | `withdrawn`, the other
    /// incident).
    pub fates: Vec<(String, String, Option<String>)>,
}

/// The outcome of [`Store::publish_ledger_version`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// Published as this new version.
    Version(i64),
    /// Published; the content is that of this existing version (no new version).
    Unchanged(i64),
    /// A build begun later was published first: this one was dropped.
    Dropped,
    /// A version was published after the identity map this build read: nothing written.
    Stale,
}

/// The published ledger's identity map (see `sw_ledger::identity`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identities {
    /// The latest version (`None` before the first).
    pub version: Option<i64>,
    pub members: std::collections::BTreeMap<String, Vec<i64>>,
    /// Ids that redirect.
    pub retired: std::collections::BTreeSet<String>,
}

/// One ledger version.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LedgerVersion {
    pub version: i64,
    /// SHA-256 (hex) of the compact JSON of the whole ledger.
    pub hash: String,
    pub published_at: String,
    /// The reports generation it was built from.
    pub generation: i64,
    pub incidents: i64,
    /// Incidents new, revised, merged, split or withdrawn in it.
    pub changes: i64,
}

/// One incident's change in a version.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IncidentChange {
    pub version: i64,
    pub id: String,
    /// `new`, `revised`, `merged` (into `other`), `split` (`other` is the part split off),
    /// `withdrawn`.
    pub kind: String,
    pub other: Option<String>,
}

/// From this many failed polls in a row a feed is `failing` rather than `erroring`: a
/// problem that outlasted the backoff, which the person watching should look at.
pub const FEED_FAILING_AFTER: i64 = 5;

/// One feed `watch` polls and what it knows of it; times are milliseconds since the Unix
/// epoch, passed in by the caller (the store reads no clock for them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FeedState {
    pub url: String,
    pub added_ms: i64,
    /// The `ETag` of the last full answer, byte for byte as received.
    pub etag: Option<String>,
    /// The `Last-Modified` of the last full answer, byte for byte as received.
    pub last_modified: Option<String>,
    pub last_success_ms: Option<i64>,
    /// The last failure's one line (kept after a later success, with its time, for `feeds`).
    pub last_error: Option<String>,
    pub last_error_ms: Option<i64>,
    /// Polls in a row that failed (0 after a success).
    pub failures: i64,
    /// When the feed is next due (`None`: at once).
    pub next_poll_ms: Option<i64>,
    /// The polling interval last chosen from how often the feed publishes.
    pub interval_ms: Option<i64>,
    /// Items the feed has yielded that were not stored before.
    pub items_seen: i64,
    /// The worker polling the feed now, from its claim ([`Store::claim_feeds`]) until
    /// [`FeedState::lease_until_ms`]; `None` when no worker has claimed it. Left out of JSON
    /// when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<String>,
    /// When that claim lapses: past it the feed is free to claim again (its worker is taken
    /// for dead). Left out of JSON when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lease_until_ms: Option<i64>,
}

impl FeedState {
    /// One word for the feed's health, as `feeds` and `/feeds` show it: `new` (never polled),
    /// `ok` (its last poll succeeded), `erroring` (it failed lately) or `failing` (it failed
    /// [`FEED_FAILING_AFTER`] times in a row or more).
    pub fn health(&self) -> &'static str {
        match (self.failures, self.last_success_ms) {
            (0, None) => "new",
            (0, Some(_)) => "ok",
            (n, _) if n >= FEED_FAILING_AFTER => "failing",
            _ => "erroring",
        }
    }

    /// Forgets the claim when its lease has passed at `now_ms`: such a feed is free to take,
    /// and `feeds` and `/feeds` show only the claims that hold (the store keeps the lapsed
    /// claim until another worker takes the feed or its holder writes it back).
    pub fn without_lapsed_claim(mut self, now_ms: i64) -> FeedState {
        if self.lease_until_ms.is_none_or(|t| t < now_ms) {
            self.claimed_by = None;
            self.lease_until_ms = None;
        }
        self
    }
}

fn no_reaches() -> StoreError {
    StoreError::NotFound("ledger reaches (this backend rebuilds the ledger whole)".into())
}

/// The reach of one event or reference report as a store keeps it (`sw_ledger::reach`): what
/// lets an update find the incidents new reports can touch by day range and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReachRow {
    pub report_id: i64,
    pub article_id: ArticleId,
    pub event_type: String,
    /// First and last day (`YYYY-MM-DD`), or none.
    pub lo: Option<String>,
    pub hi: Option<String>,
    /// The story, for a report without a day of its own.
    pub story: Option<i64>,
    /// The report's member key (`sw_ledger::identity::member_key`).
    pub key: i64,
    /// The published incident the report is a source of (member, attached report or
    /// reference), if any: the rows an update replaces. (The identity map cannot say: two
    /// reports of one sentence share a member key.)
    pub incident: Option<String>,
}

/// Which kept reaches [`Store::ledger_reach`] visits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReachQuery {
    /// Of one event type, with days overlapping `lo..=hi`; reaches span at most `widest`
    /// days, so the lookup is an index range from `lo - widest`, never a scan.
    Days {
        event_type: String,
        lo: String,
        hi: String,
        widest: i64,
    },
    /// Of one event type and story, without a day of their own.
    Story { event_type: String, story: i64 },
    /// Of these articles.
    Articles(Vec<ArticleId>),
}

/// An in-place update of the published ledger ([`Store::patch_ledger`]).
#[derive(Debug, Clone, Default)]
pub struct LedgerPatch {
    /// The reports generation the patched ledger is of.
    pub generation: i64,
    /// The changed articles consumed ([`Store::ledger_dirty`]'s mark).
    pub dirty_through: i64,
    /// The changed articles: their tallies, developments and reaches are replaced.
    pub articles: Vec<ArticleId>,
    /// Published incidents replaced (by id).
    pub gone: Vec<String>,
    pub incidents: Vec<LedgerRow>,
    pub tallies: Vec<LedgerRow>,
    pub developments: Vec<LedgerRow>,
    pub reach: Vec<ReachRow>,
    /// The version's record: `members` holds the identity entries of the new incidents only
    /// (the others' are kept), `fates` those of the ids in `gone`.
    pub publication: Publication,
}

/// What [`Store::patch_ledger`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Patched {
    pub published: Published,
    /// Rows inserted, deleted, and rows whose position (only) was rewritten.
    pub inserted: usize,
    pub deleted: usize,
    pub moved: usize,
}
