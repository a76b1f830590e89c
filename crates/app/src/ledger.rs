//! The ledger over the store: rebuilt from the stored reports whenever they changed,
//! streamed into the store as rows (one per incident, tally and development) that the read
//! commands and the web app query; and read back, whole or one list at a time.
//!
//! Writers ([`update`], after they changed reports) publish the ledger. Readers never write
//! ([`view`]): when the published ledger is older than the reports (a writer is between
//! extracting and publishing, or was stopped in between), a reader computes the ledger of the
//! current reports in memory, into a private in-memory store, with the very code a writer
//! publishes with. Why compute rather than show the published ledger with a note: the answer
//! is then the one the reports give, as before readers stopped writing, and byte for byte
//! what a writer would publish (same ordering, same id suffixes, same filters); the cost is
//! the rebuild a reader used to pay anyway, minus the writes.

use std::collections::BTreeMap;

use anyhow::Result;
use sw_ledger::{Entry, Ledger, ReportInput};
use sw_model::Report;
use sw_store::{
    LedgerFilter, LedgerList, LedgerRow, Publication, Published, ReachRow, ReportFilter,
    SqliteStore, Store, StoredReport,
};

mod incremental;
pub use incremental::Fallback;

/// Reports read per batch during a rebuild (whole articles: a batch ends at an article's
/// end), and ledger entries written per transaction.
const READ_BATCH: usize = 4096;
const WRITE_BATCH: usize = 512;

/// Incident rows held before they are written, by the bytes of their JSON as well as by
/// [`WRITE_BATCH`]: an incident lists every source with its quote, so in a dense corpus one
/// row is megabytes (about 1 MB at 100k synthetic articles, ten times that at 1M), and a
/// batch of 64 such rows was the largest single part of a rebuild's peak (BENCHMARKS.md,
/// *Memory of the ledger rebuild*).
const WRITE_BYTES: usize = 4 << 20;

/// Brings the store's ledger up to date with its reports: nothing if no report changed
/// since it was built, else a full rebuild written as rows, published as a new ledger version
/// stamped `at` (RFC 3339, the caller's clock) when its content changed. Returns whether it
/// rebuilt.
///
/// One process at a time ([`Store::lock_ledger_update`]): a worker that finds another
/// updating waits for it, then finds the ledger current (or rebuilds once for what changed
/// since), so N workers ending their batches together rebuild once, not N times.
pub fn update<S: Store + ?Sized>(store: &mut S, at: &str) -> Result<bool> {
    Ok(update_how(store, at)?.is_some())
}

/// How [`update`] brought the ledger up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Updated {
    /// Patched in place: only the components the changed reports reach were resolved again.
    Patched(sw_store::Patched),
    /// Rebuilt whole, for this reason.
    Rebuilt(Fallback),
}

/// [`update`], saying how: `None` when the ledger was up to date, else whether it was
/// patched (only what the changed articles touch) or rebuilt whole, and why. Both give the
/// same ledger byte for byte; the whole rebuild is the reference and the fallback.
pub fn update_how<S: Store + ?Sized>(store: &mut S, at: &str) -> Result<Option<Updated>> {
    store.lock_ledger_update()?;
    let updated = update_held(store, at);
    let unlocked = store.unlock_ledger_update();
    let updated = updated?;
    unlocked?;
    Ok(updated)
}

/// [`update_how`], once the update is this process's.
fn update_held<S: Store + ?Sized>(store: &mut S, at: &str) -> Result<Option<Updated>> {
    let mut attempt = 1;
    loop {
        let generation = store.reports_generation()?;
        if store.ledger_generation()? == Some(generation) {
            return Ok(None);
        }
        let how = match incremental::update(store, generation, at) {
            Ok(Ok(patched)) => return Ok(Some(Updated::Patched(patched))),
            Ok(Err(why)) => why,
            Err(e) if attempt < ATTEMPTS && e.is::<Changed>() => {
                attempt += 1;
                continue;
            }
            Err(e) => return Err(e),
        };
        match rebuild(&mut InPlace(store), READ_BATCH, WRITE_BATCH, at) {
            Ok(_) => return Ok(Some(Updated::Rebuilt(how))),
            Err(e) if attempt < ATTEMPTS && e.is::<Changed>() => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Rebuilds begun before giving up when another process keeps changing the reports under
/// them ([`Changed`]) or publishing a version before them ([`Stale`]).
const ATTEMPTS: usize = 3;

/// Reports a rebuild resolved were gone when it read them again to assemble their incident:
/// another process re-extracted their article meanwhile. The build is dropped and begun
/// again over the new reports (the build's rows stay unpublished; the next publish drops
/// them).
#[derive(Debug)]
struct Changed {
    found: usize,
    wanted: usize,
}

impl std::fmt::Display for Changed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "reports changed while the ledger was rebuilt ({} of {} found again); run again",
            self.found, self.wanted
        )
    }
}

impl std::error::Error for Changed {}

/// Another build published a ledger version after this one read the identity map: its ids
/// would not account for that version's, so it is built again. Counted as a [`Changed`].
fn stale() -> anyhow::Error {
    Changed {
        found: 0,
        wanted: 0,
    }
    .into()
}

/// The ledger a reader sees, read without writing (see the module's documentation).
pub struct View<'a, S> {
    /// The reports generation the ledger is built from.
    pub generation: i64,
    rows: Rows<'a, S>,
}

enum Rows<'a, S> {
    /// The store's published ledger, up to date with its reports.
    Published(&'a S),
    /// The ledger of the current reports, computed into an in-memory store.
    Computed(Box<SqliteStore>),
}

impl<'a, S: Store> View<'a, S> {
    /// Whether the ledger was computed in memory because the published one was stale.
    pub fn computed(&self) -> bool {
        matches!(self.rows, Rows::Computed(_))
    }

    /// The store to read the ledger's rows from ([`Store::ledger_rows`], [`rows`], [`load`]).
    pub fn store(&self) -> &dyn Store {
        match &self.rows {
            Rows::Published(s) => *s,
            Rows::Computed(m) => m.as_ref(),
        }
    }
}

/// The ledger of `store`'s current reports, for a reader: the published rows if they are up
/// to date, else computed in memory; never writes to `store`.
pub fn view<S: Store>(store: &S) -> Result<View<'_, S>> {
    let generation = store.reports_generation()?;
    if store.ledger_generation()? == Some(generation) {
        return Ok(View {
            generation,
            rows: Rows::Published(store),
        });
    }
    let mut attempt = 1;
    loop {
        let mut memory = SqliteStore::open_in_memory()?;
        let sides = &mut Apart {
            read: store,
            write: &mut memory,
        };
        match rebuild(sides, READ_BATCH, WRITE_BATCH, "") {
            Ok(generation) => {
                return Ok(View {
                    generation,
                    rows: Rows::Computed(Box::new(memory)),
                })
            }
            Err(e) if attempt < ATTEMPTS && e.is::<Changed>() => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// The whole ledger of the current reports in memory, for a reader (see [`view`]).
pub fn current<S: Store>(store: &S) -> Result<Ledger> {
    load(view(store)?.store())
}

/// The whole ledger in memory (for the commands that need all of it at once: the tally
/// check, exports, the demo), brought up to date first (with its alerts, [`crate::publish`]).
pub fn ledger<S: Store + ?Sized>(store: &mut S, at: &str) -> Result<Ledger> {
    crate::publish_into(store, at, false, &mut |_| {})?;
    load(store)
}

/// The store's published ledger, read from its rows into memory (as it is: no update).
pub fn load<S: Store + ?Sized>(store: &S) -> Result<Ledger> {
    let all = LedgerFilter::default();
    Ok(Ledger {
        incidents: rows(store, LedgerList::Incidents, &all)?,
        tallies: rows(store, LedgerList::Tallies, &all)?,
        developments: rows(store, LedgerList::Developments, &all)?,
        rejected: rows(store, LedgerList::Rejected, &all)?,
    })
}

/// The published ledger's entries of `list` that `filter` keeps, parsed.
pub fn rows<S: Store + ?Sized, T: serde::de::DeserializeOwned>(
    store: &S,
    list: LedgerList,
    filter: &LedgerFilter,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    let mut bad = None;
    store.ledger_rows(list, filter, &mut |json| {
        match serde_json::from_str(json) {
            Ok(v) => out.push(v),
            Err(e) => bad = Some(e),
        }
        bad.is_none()
    })?;
    match bad {
        Some(e) => Err(anyhow::Error::new(e).context("the stored ledger is not readable")),
        None => Ok(out),
    }
}

/// Where a rebuild reads reports from and writes ledger rows to: the same store (a writer's
/// [`update`]) or a reader's store and an in-memory one ([`view`]).
trait Sides {
    type Read: Store + ?Sized;
    type Write: Store + ?Sized;
    fn read(&self) -> &Self::Read;
    fn write(&mut self) -> &mut Self::Write;
    /// Whether the side written is the side read (its versions are the read side's).
    fn same(&self) -> bool;
}

/// One store, read and written.
struct InPlace<'a, S: ?Sized>(&'a mut S);

impl<S: Store + ?Sized> Sides for InPlace<'_, S> {
    type Read = S;
    type Write = S;
    fn read(&self) -> &S {
        self.0
    }
    fn write(&mut self) -> &mut S {
        self.0
    }
    fn same(&self) -> bool {
        true
    }
}

/// Read one store, write another.
struct Apart<'a, R: ?Sized, W: ?Sized> {
    read: &'a R,
    write: &'a mut W,
}

impl<R: Store + ?Sized, W: Store + ?Sized> Sides for Apart<'_, R, W> {
    type Read = R;
    type Write = W;
    fn read(&self) -> &R {
        self.read
    }
    fn write(&mut self) -> &mut W {
        self.write
    }
    fn same(&self) -> bool {
        false
    }
}

/// Rebuilds the ledger of `generation` with bounded batches: reports are read a batch of
/// articles at a time; tallies and developments are written as they come; of each event and
/// reference report [`sw_ledger::Builder`] keeps a compact record (what resolution reads)
/// until every report is read; then it resolves them, and each incident is assembled from
/// its members' whole reports, read back from the store for it alone ([`fetch`]), and
/// written. The store orders the rows and makes them the ledger in one final transaction.
/// Memory: the compact records, one batch of reports and one incident's reports.
///
/// Returns the reports generation the ledger is labelled with: read *after* the build is
/// begun, never before. Why: builds are published in the order they were begun (a build
/// begun later and published first drops an older one), so the build begun after the last
/// change of the reports must carry that change's generation. Read before beginning, a
/// writer could read generation N, lose the race to begin to a writer that changed the
/// reports to N+1, and publish last a ledger labelled N: the store would then keep a stale
/// label for good, and a server, which reloads only a ledger published for the current
/// reports, would never show the new incidents. (A build whose reports change while it
/// reads them carries the older label, so it is stale, and the writer that changed them
/// begins a later build.)
///
/// Incident ids: the identity map of the published ledger (read after beginning too) is the
/// previous publication [`sw_ledger::Builder::incidents_after`] keeps ids from; the store
/// refuses the publication if another version was published since ([`stale`]).
fn rebuild<B: Sides>(
    store: &mut B,
    read_batch: usize,
    write_batch: usize,
    at: &str,
) -> Result<i64> {
    // the changed articles this build accounts for: marked before it reads any report
    let dirty = if store.same() {
        store.read().ledger_dirty().ok().map(|d| d.1)
    } else {
        None
    };
    let build = store.write().begin_ledger()?;
    let generation = store.read().reports_generation()?;
    let stored = store.read().identities()?;
    let base = if store.same() { stored.version } else { None };
    let mut prev = sw_ledger::identity::Identities {
        members: stored.members,
        retired: stored.retired,
    };
    if stored.version.is_none() && prev.members.is_empty() {
        prev.members = seed(store.read())?;
    }
    let builder = entries(store, build, read_batch, write_batch)?;
    // the review log is an input of the build, read under the same label as the reports
    let review = crate::review::review(store.read())?;
    // `fetch` reads and `emit` writes the same store (a writer's update), never at once
    let store = std::cell::RefCell::new(store);
    let mut rows: Vec<LedgerRow> = Vec::new();
    let mut rejected: Vec<LedgerRow> = Vec::new();
    let mut ord = 0;
    let flush = |list: LedgerList, rows: &mut Vec<LedgerRow>| -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        store
            .borrow_mut()
            .write()
            .put_ledger_rows(build, list, rows)?;
        rows.clear();
        Ok(())
    };
    let mut held = 0;
    let (next, fates, reached) = builder.incidents_reached(
        &review,
        &prev,
        &mut |wanted| fetch_members(store.borrow().read(), wanted),
        &mut |incident, is_rejected| {
            let json = serde_json::to_string(&incident)?;
            drop(incident);
            held += json.len();
            let to = if is_rejected {
                &mut rejected
            } else {
                &mut rows
            };
            to.push(LedgerRow { ord, json });
            ord += 1;
            if to.len() >= write_batch.min(64) || held >= WRITE_BYTES {
                flush(LedgerList::Incidents, &mut rows)?;
                flush(LedgerList::Rejected, &mut rejected)?;
                held = 0;
            }
            Ok(())
        },
    )?;
    flush(LedgerList::Incidents, &mut rows)?;
    flush(LedgerList::Rejected, &mut rejected)?;
    // the records, kept until the reaches are written, if they are
    let reached = dirty.map(|through| (through, reached));
    let publication = Publication {
        base,
        at: at.to_string(),
        members: next.members,
        fates: fates
            .iter()
            .map(|f| {
                (
                    f.id().to_string(),
                    f.kind().to_string(),
                    f.other().map(str::to_string),
                )
            })
            .collect(),
    };
    let published =
        store
            .borrow_mut()
            .write()
            .publish_ledger_version(build, generation, &publication)?;
    if published == Published::Stale {
        return Err(stale());
    }
    if let Some((through, reached)) = reached {
        // each report's reach, from the records the build resolved (see `incremental`)
        let mut rows = reached.reaches().map(|r| ReachRow {
            incident: r.incident.map(str::to_string),
            ..incremental::reach_row(r.report_id, r.article_id, r.key, &r.reach)
        });
        // what the next update patches from (nothing when another build won meanwhile)
        store
            .borrow_mut()
            .write()
            .reset_ledger_reach(build, generation, through, &mut rows)?;
    }
    Ok(generation)
}

/// The identity map of a ledger published before versions existed (store migration 8): each
/// incident's members are its sources' reports, read back for their keys, so that the ids
/// people already link to are kept, or redirect, through the upgrade. Runs until the first
/// version stores a map; a source whose report is gone since is left out. Memory: each
/// incident's id and source ids, then one incident's reports at a time.
fn seed<S: Store + ?Sized>(store: &S) -> Result<BTreeMap<String, Vec<i64>>> {
    let mut wanted: Vec<(String, Vec<(i64, i64)>)> = Vec::new();
    let mut bad = None;
    store.ledger_rows(
        LedgerList::Incidents,
        &LedgerFilter::default(),
        &mut |json| match serde_json::from_str::<sw_ledger::Incident>(json) {
            Ok(i) => {
                let of = i.sources.iter().map(|s| (s.article_id, s.report_id));
                wanted.push((i.id, of.collect()));
                true
            }
            Err(e) => {
                bad = Some(e);
                false
            }
        },
    )?;
    if let Some(e) = bad {
        return Err(anyhow::Error::new(e).context("the stored ledger is not readable"));
    }
    let mut out = BTreeMap::new();
    for (id, pairs) in wanted {
        let keys: Vec<i64> = fetch_found(store, &pairs)?
            .iter()
            .map(|r| sw_ledger::identity::member_key(&r.stable_key()))
            .collect();
        if !keys.is_empty() {
            out.insert(id, keys);
        }
    }
    Ok(out)
}

/// Reads every report once, a batch of articles at a time: writes the tallies and
/// developments of `build` as they come, and returns the builder holding the compact
/// records of the event and reference reports.
fn entries<B: Sides>(
    store: &mut B,
    build: i64,
    read_batch: usize,
    write_batch: usize,
) -> Result<sw_ledger::Builder> {
    // room for every event and reference report, reserved once (see `Builder::with_capacity`)
    let counts = store.read().report_counts()?;
    let count = |kind: &str| {
        let n = counts.iter().find(|c| c.0 == kind).map_or(0, |c| c.1);
        usize::try_from(n).unwrap_or(0)
    };
    let (events, references) = (
        count(sw_model::ReportKind::Event.as_str()),
        count(sw_model::ReportKind::Reference.as_str()),
    );
    let mut builder = sw_ledger::Builder::with_capacity(events, references);
    let mut tallies: Vec<LedgerRow> = Vec::new();
    let mut developments: Vec<LedgerRow> = Vec::new();
    let mut after = 0;
    loop {
        let batch = report_batch(store.read(), after, read_batch)?;
        let Some(last) = batch.last() else { break };
        after = last.article_id;
        for r in batch {
            let ord = r.report_id;
            match builder.add(r) {
                Some(Entry::Tally(t)) => tallies.push(LedgerRow {
                    ord,
                    json: serde_json::to_string(&t)?,
                }),
                Some(Entry::Development(d)) => developments.push(LedgerRow {
                    ord,
                    json: serde_json::to_string(&d)?,
                }),
                None => {}
            }
        }
        if tallies.len() >= write_batch {
            store
                .write()
                .put_ledger_rows(build, LedgerList::Tallies, &tallies)?;
            tallies.clear();
        }
        if developments.len() >= write_batch {
            store
                .write()
                .put_ledger_rows(build, LedgerList::Developments, &developments)?;
            developments.clear();
        }
    }
    store
        .write()
        .put_ledger_rows(build, LedgerList::Tallies, &tallies)?;
    store
        .write()
        .put_ledger_rows(build, LedgerList::Developments, &developments)?;
    Ok(builder)
}

/// The whole reports `wanted` (`(article id, report id)` pairs) with their articles' context
/// and quotes, read article by article: what a builder is given again (an incremental
/// update) and a decision is keyed by. An incident is assembled from [`fetch_members`].
pub(crate) fn fetch<S: Store + ?Sized>(
    store: &S,
    wanted: &[(i64, i64)],
) -> Result<Vec<ReportInput>> {
    fetch_as(store, wanted, |r| r)
}

/// [`fetch`] for assembling an incident: each report cut to what assembly reads
/// ([`ReportInput::for_assembly`]) as it is read, so that the members of the largest
/// incident are held without the claims the compact records already hold.
pub(crate) fn fetch_members<S: Store + ?Sized>(
    store: &S,
    wanted: &[(i64, i64)],
) -> Result<Vec<ReportInput>> {
    fetch_as(store, wanted, ReportInput::for_assembly)
}

/// [`fetch`], each report passed through `keep` as it is read.
fn fetch_as<S: Store + ?Sized>(
    store: &S,
    wanted: &[(i64, i64)],
    keep: fn(ReportInput) -> ReportInput,
) -> Result<Vec<ReportInput>> {
    let out = fetch_found_as(store, wanted, keep)?;
    if out.len() != wanted.len() {
        // another process re-extracted an article between the two reads
        return Err(Changed {
            found: out.len(),
            wanted: wanted.len(),
        }
        .into());
    }
    Ok(out)
}

/// Every report of `article` now, with its article's context and quotes.
fn article_reports<S: Store + ?Sized>(store: &S, article: i64) -> Result<Vec<ReportInput>> {
    let text = store.article_text(article)?.unwrap_or_default();
    let mut out = Vec::new();
    let mut failed: Option<anyhow::Error> = None;
    let filter = ReportFilter {
        article: Some(article),
        ..ReportFilter::default()
    };
    store.reports(filter, &mut |s| {
        match input(s, &text) {
            Ok(r) => out.push(r),
            Err(e) => failed = Some(e),
        }
        failed.is_none()
    })?;
    match failed {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// Those of the reports `wanted` that are still stored, read article by article.
fn fetch_found<S: Store + ?Sized>(store: &S, wanted: &[(i64, i64)]) -> Result<Vec<ReportInput>> {
    fetch_found_as(store, wanted, |r| r)
}

/// [`fetch_found`], each report passed through `keep` as it is read.
fn fetch_found_as<S: Store + ?Sized>(
    store: &S,
    wanted: &[(i64, i64)],
    keep: fn(ReportInput) -> ReportInput,
) -> Result<Vec<ReportInput>> {
    let mut by_article: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for &(article, id) in wanted {
        by_article.entry(article).or_default().push(id);
    }
    let mut out: Vec<ReportInput> = Vec::with_capacity(wanted.len());
    for (article, ids) in by_article {
        let text = store.article_text(article)?.unwrap_or_default();
        let mut failed: Option<anyhow::Error> = None;
        let filter = ReportFilter {
            article: Some(article),
            ..ReportFilter::default()
        };
        store.reports(filter, &mut |s| {
            if ids.contains(&s.id) {
                match input(s, &text) {
                    Ok(r) => out.push(keep(r)),
                    Err(e) => failed = Some(e),
                }
            }
            failed.is_none()
        })?;
        if let Some(e) = failed {
            return Err(e);
        }
    }
    Ok(out)
}

/// A stored report as the ledger reads it: parsed, with its quote (the anchor sentence) cut
/// from its article's `text`.
fn input(s: StoredReport, text: &str) -> Result<ReportInput> {
    let report: Report = serde_json::from_str(&s.json)
        .map_err(|e| anyhow::Error::new(e).context(format!("report {} is not readable", s.id)))?;
    let quote = text
        .get(report.sentence[0]..report.sentence[1])
        .unwrap_or("")
        .to_string();
    Ok(ReportInput {
        report_id: s.id,
        article_id: s.article_id,
        story_id: s.story_id,
        url: s.url,
        outlet: s.outlet,
        published: s.published,
        lang: s.lang,
        report,
        quote,
    })
}

/// The reports of the articles after `after`, about `limit` of them (whole articles), each
/// with its article's context and its quote (the anchor sentence).
fn report_batch<S: Store + ?Sized>(
    store: &S,
    after: i64,
    limit: usize,
) -> Result<Vec<ReportInput>> {
    let mut out: Vec<ReportInput> = Vec::new();
    let mut text: Option<(i64, String)> = None;
    let mut failed: Option<anyhow::Error> = None;
    store.reports_after(after, &mut |s| {
        if out.len() >= limit && out.last().is_some_and(|l| l.article_id != s.article_id) {
            return false;
        }
        if text.as_ref().is_none_or(|(a, _)| *a != s.article_id) {
            // reports arrive grouped by article: keep only the current article's text
            match store.article_text(s.article_id) {
                Ok(t) => text = Some((s.article_id, t.unwrap_or_default())),
                Err(e) => {
                    failed = Some(e.into());
                    return false;
                }
            }
        }
        let t = text.as_ref().map(|(_, t)| t.as_str()).unwrap_or("");
        match input(s, t) {
            Ok(r) => out.push(r),
            Err(e) => failed = Some(e),
        }
        failed.is_none()
    })?;
    match failed {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::atomic::AtomicBool;

    use sw_store::{LedgerFilter, LedgerList, SqliteStore, Store};

    use crate::ingest::{IngestConfig, Pipeline, Reporter, Summary};

    const AT: &str = "2026-12-01T00:00:00Z";
    /// The sample corpus.
    const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

    /// Ingests `paths` (no extraction) as `ingest --no-extract` would.
    fn ingest(store: &mut SqliteStore, paths: &[String]) -> Summary {
        let stop = AtomicBool::new(false);
        let mut pipeline = Pipeline {
            store,
            config: IngestConfig {
                options: sw_ingest::Options::default(),
                near_dup: sw_dedup::DEFAULT_THRESHOLD,
                batch: 64,
                today: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            },
            stop: &stop,
            fetcher: None,
            extractor: None,
        };
        pipeline.run(paths, &Quiet).unwrap()
    }

    struct Quiet;
    impl Reporter for Quiet {
        fn error(&self, _: &str, _: &str) {}
        fn note(&self, _: &str, _: &str) {}
        fn progress(&self, _: &Summary) {}
    }

    fn rows(store: &SqliteStore, list: LedgerList) -> Vec<String> {
        let mut out = Vec::new();
        store
            .ledger_rows(list, &LedgerFilter::default(), &mut |j| {
                out.push(j.to_string());
                true
            })
            .unwrap();
        out
    }

    fn compact<T: serde::Serialize>(v: &[T]) -> Vec<String> {
        v.iter()
            .map(|x| serde_json::to_string(x).unwrap())
            .collect()
    }

    /// The streamed rebuild (batches of articles, slimmed event reports, rows ordered and
    /// numbered by the store) gives exactly what `sw_ledger::build` gives over every report
    /// at once, on the sample corpus.
    #[test]
    fn the_streamed_rebuild_equals_the_all_at_once_build() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let summary = ingest(&mut store, &[CORPUS.to_string()]);
        assert!(summary.new > 30, "{summary:?}");
        let extractor = sw_extract::Extractor::new();
        crate::extract::extract(&mut store, &extractor, false, &|_| {}).unwrap();
        assert!(super::update(&mut store, AT).unwrap());
        assert!(
            !super::update(&mut store, AT).unwrap(),
            "up to date: no rebuild"
        );
        let first = super::load(&store).unwrap();
        // again in tiny batches (many reads, many writes), over the published ledger
        let g = store.reports_generation().unwrap();
        assert_eq!(
            super::rebuild(&mut super::InPlace(&mut store), 3, 2, AT).unwrap(),
            g
        );
        assert_eq!(super::load(&store).unwrap(), first);

        let all = super::report_batch(&store, 0, usize::MAX).unwrap();
        let whole = sw_ledger::build(&all);
        assert!(!whole.incidents.is_empty() && !whole.tallies.is_empty());
        assert_eq!(
            rows(&store, LedgerList::Incidents),
            compact(&whole.incidents)
        );
        assert_eq!(rows(&store, LedgerList::Tallies), compact(&whole.tallies));
        assert_eq!(
            rows(&store, LedgerList::Developments),
            compact(&whole.developments)
        );
        assert_eq!(super::load(&store).unwrap(), whole);

        // a reader of an up-to-date store reads the published rows
        let view = super::view(&store).unwrap();
        assert!(!view.computed());
        assert_eq!(super::load(view.store()).unwrap(), whole);
        drop(view);
        // reports change and no writer publishes: a reader computes the ledger in memory,
        // exactly what the writer will publish, and leaves the store as it was
        let first_article = all[0].article_id;
        store
            .put_reports("v", vec![(first_article, vec![])])
            .unwrap();
        let published = store.ledger_generation().unwrap();
        let view = super::view(&store).unwrap();
        assert!(view.computed());
        assert_eq!(view.generation, store.reports_generation().unwrap());
        let computed = super::load(view.store()).unwrap();
        drop(view);
        assert_ne!(computed, whole, "the change shows");
        assert_eq!(
            store.ledger_generation().unwrap(),
            published,
            "nothing written"
        );
        assert_eq!(super::load(&store).unwrap(), whole, "nothing written");
        assert_eq!(super::current(&store).unwrap(), computed);
        assert!(super::update(&mut store, AT).unwrap());
        assert_eq!(super::load(&store).unwrap(), computed);
    }

    /// Reports gone between the read that resolved them and the one that assembles their
    /// incident (another process re-extracted the article) are a `Changed` error, which a
    /// writer's update and a reader's view answer by building again.
    #[test]
    fn a_report_gone_when_its_incident_is_assembled_is_a_change() {
        let store = SqliteStore::open_in_memory().unwrap();
        assert!(super::fetch(&store, &[]).unwrap().is_empty());
        // article 7's first report, in a store that holds none
        let gone = super::fetch(&store, &[(7, 7 << 20)]).unwrap_err();
        assert!(gone.is::<super::Changed>(), "{gone}");
        assert!(gone.to_string().contains("0 of 1 found again"), "{gone}");
    }

    /// The sample corpus's folders ingested into a fresh store one step at a time, the
    /// ledger updated after each step; returns the published incident ids after the last
    /// step and every id published on the way.
    fn ids_after(steps: &[&[&str]]) -> (SqliteStore, Vec<String>, Vec<String>) {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let extractor = sw_extract::Extractor::new();
        let mut seen = Vec::new();
        for step in steps {
            let paths: Vec<String> = step.iter().map(|f| format!("{CORPUS}/{f}")).collect();
            ingest(&mut store, &paths);
            crate::refresh(&mut store, &extractor, false, AT, &|_| {}).unwrap();
            seen.extend(ids(&store));
        }
        let last = ids(&store);
        (store, last, seen)
    }

    fn ids(store: &SqliteStore) -> Vec<String> {
        super::load(store)
            .unwrap()
            .incidents
            .into_iter()
            .map(|i| i.id)
            .collect()
    }

    /// Acceptance: the sample corpus ingested in one go, in parts in two orders, and with its
    /// earliest-published part last, names its incidents alike; and every id published on
    /// the way still names an incident or redirects to one.
    #[test]
    fn any_split_and_order_of_the_sample_corpus_gives_the_same_incident_ids() {
        const ALL: [&str; 5] = ["feeds", "html", "jsonl", "text", "warc"];
        let (store, once, _) = ids_after(&[&ALL]);
        assert!(once.len() > 15, "{once:?}");
        // the version's hash is the SHA-256 of the ledger's compact JSON
        let whole = serde_json::to_string(&super::load(&store).unwrap()).unwrap();
        let hex: String = sha2::Digest::finalize(sha2::Digest::chain_update(
            <sha2::Sha256 as sha2::Digest>::new(),
            whole.as_bytes(),
        ))
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
        let latest = crate::versions::latest(&store).unwrap().unwrap();
        assert_eq!(latest.hash, hex);
        // each folder's earliest publication day, from the one-go store
        let mut earliest: BTreeMap<&str, String> = BTreeMap::new();
        for a in store.articles(10_000, 0).unwrap() {
            let folder = ALL
                .iter()
                .find(|f| a.input.contains(&format!("examples/{f}")))
                .copied()
                .unwrap_or("warc");
            if let Some(p) = a.published {
                let e = earliest.entry(folder).or_insert(p.clone());
                if p < *e {
                    *e = p;
                }
            }
        }
        let mut latest_first: Vec<&str> = ALL.to_vec();
        latest_first.sort_by(|a, b| earliest.get(b).cmp(&earliest.get(a)));
        let earliest_last: Vec<&[&str]> = latest_first.chunks(1).collect();
        let splits: Vec<Vec<&[&str]>> = vec![
            vec![&["text", "jsonl"], &["feeds", "html", "warc"]],
            vec![&["warc"], &["html"], &["feeds"], &["text"], &["jsonl"]],
            vec![&["jsonl", "feeds"], &["text"], &["html", "warc"]],
            earliest_last,
        ];
        for split in splits {
            let (store, ids, seen) = ids_after(&split);
            assert_eq!(ids, once, "split {split:?}");
            for id in seen {
                let current = |i: &str| ids.iter().any(|x| x == i);
                let to = sw_ledger::identity::follow(&id, &current, &|i| {
                    store.incident_redirect(i).unwrap()
                });
                assert!(to.is_some(), "{id} vanished after split {split:?}");
            }
        }
    }

    /// A store whose ledger was published before versions existed keeps its incident ids
    /// through the upgrade: its first version reads the members of the published incidents.
    #[test]
    fn ids_published_before_versions_are_kept() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        ingest(&mut store, &[CORPUS.to_string()]);
        let extractor = sw_extract::Extractor::new();
        crate::extract::extract(&mut store, &extractor, false, &|_| {}).unwrap();
        // published the old way, under ids of another scheme, labelled with an older
        // generation so that the next update rebuilds
        let mut old = sw_ledger::build(&super::report_batch(&store, 0, usize::MAX).unwrap());
        for (n, i) in old.incidents.iter_mut().enumerate() {
            i.id = format!("inc-legacy{n:05}");
        }
        let g = store.reports_generation().unwrap();
        store.put_ledger(g - 1, &old.to_json()).unwrap();
        assert!(super::update(&mut store, AT).unwrap());
        let now = ids(&store);
        for i in &old.incidents {
            assert!(now.contains(&i.id), "{} kept", i.id);
        }
        assert_eq!(now.len(), old.incidents.len());
    }

    /// The sample corpus as units of arrival: each line of the JSONL file, each HTML page,
    /// each text file (with its metadata), the WARC file.
    fn units() -> Vec<Vec<(String, Vec<u8>)>> {
        let root = std::path::Path::new(CORPUS);
        let mut out: Vec<Vec<(String, Vec<u8>)>> = Vec::new();
        let jsonl = std::fs::read_to_string(root.join("jsonl/articles.jsonl")).unwrap();
        for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
            out.push(vec![(
                "part.jsonl".into(),
                format!("{line}\n").into_bytes(),
            )]);
        }
        let mut html: Vec<_> = std::fs::read_dir(root.join("html"))
            .unwrap()
            .flatten()
            .collect();
        html.sort_by_key(|e| e.file_name());
        for e in html {
            let name = e.file_name().to_string_lossy().to_string();
            out.push(vec![(name, std::fs::read(e.path()).unwrap())]);
        }
        let mut text: Vec<_> = std::fs::read_dir(root.join("text"))
            .unwrap()
            .flatten()
            .collect();
        text.sort_by_key(|e| e.file_name());
        for e in text {
            let name = e.file_name().to_string_lossy().to_string();
            if let Some(stem) = name.strip_suffix(".txt") {
                let mut unit = vec![(name.clone(), std::fs::read(e.path()).unwrap())];
                let meta = root.join("text").join(format!("{stem}.meta.json"));
                if let Ok(m) = std::fs::read(&meta) {
                    unit.push((format!("{stem}.meta.json"), m));
                }
                out.push(unit);
            }
        }
        let warc = root.join("warc/sample.warc.gz");
        out.push(vec![(
            "sample.warc.gz".into(),
            std::fs::read(warc).unwrap(),
        )]);
        out
    }

    /// Writes a batch of units into a fresh directory (JSONL lines gathered in one file).
    fn batch_dir(units: &[&Vec<(String, Vec<u8>)>]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let mut jsonl = Vec::new();
        for unit in units {
            for (name, bytes) in unit.iter() {
                if name == "part.jsonl" {
                    jsonl.extend_from_slice(bytes);
                } else {
                    std::fs::write(dir.path().join(name), bytes).unwrap();
                }
            }
        }
        if !jsonl.is_empty() {
            std::fs::write(dir.path().join("batch.jsonl"), jsonl).unwrap();
        }
        dir
    }

    /// A fixed-seed generator (no dependency, no clock).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) as usize
        }
    }

    /// Extracts, dates and updates the ledger as `ingest` does after a batch.
    fn refresh(
        store: &mut SqliteStore,
        extractor: &sw_extract::Extractor,
    ) -> Option<super::Updated> {
        crate::extract::extract(store, extractor, false, &|_| {}).unwrap();
        crate::dating::date_undated(store, extractor).unwrap();
        super::update_how(store, AT).unwrap()
    }

    fn lists(store: &SqliteStore) -> [Vec<String>; 3] {
        [
            rows(store, LedgerList::Incidents),
            rows(store, LedgerList::Tallies),
            rows(store, LedgerList::Developments),
        ]
    }

    /// The incremental update equals the whole rebuild, byte for byte: the sample corpus
    /// arrives in random orders and batch splits (fixed seeds); after each batch one store is
    /// patched and a twin store, given the same batches, is rebuilt whole; their published
    /// incidents, tallies and developments are the same after every batch, and at the end a
    /// whole rebuild of the patched store changes nothing.
    #[test]
    fn incremental_updates_equal_the_whole_rebuild_in_any_order() {
        let all = units();
        let extractor = sw_extract::Extractor::new();
        let mut patched_batches = 0;
        for seed in [1u64, 2, 3, 4] {
            let mut rng = Lcg(seed);
            let mut order: Vec<usize> = (0..all.len()).collect();
            for i in (1..order.len()).rev() {
                order.swap(i, rng.next() % (i + 1));
            }
            let mut inc = SqliteStore::open_in_memory().unwrap();
            let mut whole = SqliteStore::open_in_memory().unwrap();
            let mut at = 0;
            while at < order.len() {
                let take = 1 + rng.next() % 9;
                let batch: Vec<&Vec<(String, Vec<u8>)>> = order[at..(at + take).min(order.len())]
                    .iter()
                    .map(|&i| &all[i])
                    .collect();
                at += take;
                let dir = batch_dir(&batch);
                let path = dir.path().to_string_lossy().to_string();
                ingest(&mut inc, std::slice::from_ref(&path));
                ingest(&mut whole, std::slice::from_ref(&path));
                if let Some(super::Updated::Patched(_)) = refresh(&mut inc, &extractor) {
                    patched_batches += 1;
                }
                crate::extract::extract(&mut whole, &extractor, false, &|_| {}).unwrap();
                crate::dating::date_undated(&mut whole, &extractor).unwrap();
                let g = whole.reports_generation().unwrap();
                if whole.ledger_generation().unwrap() != Some(g) {
                    super::rebuild(&mut super::InPlace(&mut whole), READ, WRITE, AT).unwrap();
                }
                assert_eq!(lists(&inc), lists(&whole), "seed {seed}, after {at} units");
                assert_eq!(
                    inc.identities().unwrap().members,
                    whole.identities().unwrap().members,
                    "seed {seed}: identity maps"
                );
            }
            let end = lists(&inc);
            assert!(!end[0].is_empty() && !end[1].is_empty() && !end[2].is_empty());
            super::rebuild(&mut super::InPlace(&mut inc), READ, WRITE, AT).unwrap();
            assert_eq!(
                lists(&inc),
                end,
                "seed {seed}: one whole rebuild at the end"
            );
        }
        assert!(
            patched_batches >= 8,
            "the incremental path ran ({patched_batches} batches)"
        );
    }

    const READ: usize = super::READ_BATCH;
    const WRITE: usize = super::WRITE_BATCH;

    /// An update whose reports reach one new component writes that component's rows only:
    /// no published row is deleted or moved, and the result is still the whole rebuild's.
    #[test]
    fn an_update_touching_one_component_leaves_the_other_rows_unwritten() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        ingest(&mut store, &[CORPUS.to_string()]);
        let extractor = sw_extract::Extractor::new();
        assert!(matches!(
            refresh(&mut store, &extractor),
            Some(super::Updated::Rebuilt(super::Fallback::NoReaches))
        ));
        let before = lists(&store);
        // one article about a strike years after every other: a component of its own
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("late.jsonl"),
            concat!(
                r#"{"url": "https://late.example/2031/03/10/strike", "outlet": "Late Example", "#,
                r#""published": "2031-03-10", "lang": "en", "title": "Strike on a boat", "#,
                r#""text": "U.S. forces struck a boat in the Caribbean on March 9, 2031, "#,
                r#"killing three people, the Pentagon said on Monday.\n"}"#,
                "\n"
            ),
        )
        .unwrap();
        ingest(&mut store, &[dir.path().to_string_lossy().to_string()]);
        let Some(super::Updated::Patched(p)) = refresh(&mut store, &extractor) else {
            panic!("patched");
        };
        let after = lists(&store);
        assert!(after[0].len() > before[0].len(), "a new incident");
        assert_eq!((p.deleted, p.moved), (0, 0), "{p:?}");
        assert_eq!(
            p.inserted,
            after.iter().map(Vec::len).sum::<usize>() - before.iter().map(Vec::len).sum::<usize>()
        );
        for (b, a) in before.iter().zip(&after) {
            assert_eq!(&a[..b.len()], &b[..], "the earlier rows as they were");
        }
        super::rebuild(&mut super::InPlace(&mut store), READ, WRITE, AT).unwrap();
        assert_eq!(lists(&store), after);
    }

    /// Two reports of one sentence (same article, span, kind, type and modality) share a
    /// member key and may be sources of two incidents; the identity map keeps one id per key,
    /// so an update finds the incidents to replace by the incident kept with each reach. An
    /// update that finds them by the identity map leaves one of the two incidents behind,
    /// beside its replacement.
    #[test]
    fn reports_sharing_a_member_key_are_replaced_with_their_incidents() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        ingest(&mut store, &[CORPUS.to_string()]);
        let extractor = sw_extract::Extractor::new();
        refresh(&mut store, &extractor);
        let mut article = None;
        store
            .reports(sw_store::ReportFilter::default(), &mut |s| {
                let r: sw_model::Report = serde_json::from_str(&s.json).unwrap();
                let dated = r.date_precision == sw_model::DatePrecision::Day;
                if dated && sw_ledger::route(&r) == sw_ledger::Route::Incident {
                    article = Some(s.article_id);
                }
                article.is_none()
            })
            .unwrap();
        let article = article.expect("a dated event report");
        let mut rows: Vec<sw_store::ReportRow> = Vec::new();
        let filter = sw_store::ReportFilter {
            article: Some(article),
            ..Default::default()
        };
        let row = |r: &sw_model::Report| sw_store::ReportRow {
            kind: r.kind.as_str().to_string(),
            event_type: r.event_type.as_str().to_string(),
            modality: r.modality.as_str().to_string(),
            date: r.date.clone(),
            json: serde_json::to_string(r).unwrap(),
        };
        let mut copied = false;
        store
            .reports(filter, &mut |s| {
                let r: sw_model::Report = serde_json::from_str(&s.json).unwrap();
                rows.push(row(&r));
                let dated = r.date_precision == sw_model::DatePrecision::Day;
                if !copied && dated && sw_ledger::route(&r) == sw_ledger::Route::Incident {
                    // the same sentence read as an event four days later
                    let mut later = r.clone();
                    let d =
                        chrono::NaiveDate::parse_from_str(r.date.as_deref().unwrap(), "%Y-%m-%d")
                            .unwrap();
                    later.date = Some((d + chrono::Days::new(4)).format("%Y-%m-%d").to_string());
                    rows.push(row(&later));
                    copied = true;
                }
                true
            })
            .unwrap();
        for _ in 0..2 {
            store
                .put_reports("test", vec![(article, rows.clone())])
                .unwrap();
            assert!(matches!(
                refresh(&mut store, &extractor),
                Some(super::Updated::Patched(_))
            ));
        }
        let patched = lists(&store);
        super::rebuild(&mut super::InPlace(&mut store), READ, WRITE, AT).unwrap();
        assert_eq!(lists(&store), patched);
    }

    /// The totals published by an update raise an alert each when they are new, and only
    /// then: the mark taken before the update keeps the tallies' ids as hashes.
    #[test]
    fn new_totals_are_alerts_and_old_ones_are_not() {
        let tally_ids = |store: &SqliteStore| -> std::collections::BTreeSet<String> {
            rows(store, LedgerList::Tallies)
                .iter()
                .map(|j| {
                    serde_json::from_str::<serde_json::Value>(j).unwrap()["id"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect()
        };
        let extractor = sw_extract::Extractor::new();
        let mut store = SqliteStore::open_in_memory().unwrap();
        ingest(&mut store, &[format!("{CORPUS}/jsonl")]);
        crate::extract::extract(&mut store, &extractor, false, &|_| {}).unwrap();
        // not followed: the first ledger is the baseline, with no alert kept (so that an old
        // total taken for new below would be returned as an alert, not found kept before)
        let first = crate::publish(&mut store, AT, false).unwrap();
        assert!(first.is_empty());
        let before = tally_ids(&store);
        assert!(!before.is_empty());
        let totals = |changes: &[sw_ledger::alerts::Change]| -> std::collections::BTreeSet<String> {
            changes
                .iter()
                .filter(|c| c.kind == "new_total")
                .map(|c| c.subject.clone())
                .collect()
        };
        ingest(
            &mut store,
            &[format!("{CORPUS}/html"), format!("{CORPUS}/text")],
        );
        crate::extract::extract(&mut store, &extractor, false, &|_| {}).unwrap();
        let second = crate::publish(&mut store, "2026-12-02T00:00:00Z", false).unwrap();
        let after = tally_ids(&store);
        let new: std::collections::BTreeSet<String> = after.difference(&before).cloned().collect();
        assert!(!new.is_empty(), "the second batch brings totals of its own");
        assert_eq!(totals(&second), new);
    }

    /// Alerts made in batches of two (the tallies read again for each batch past the first)
    /// are the alerts made all at once: the same kinds and subjects, each kept once.
    #[test]
    fn alerts_made_in_small_batches_are_the_same_alerts() {
        let extractor = sw_extract::Extractor::new();
        let run = |batch: Option<usize>| {
            let mut store = SqliteStore::open_in_memory().unwrap();
            ingest(&mut store, &[format!("{CORPUS}/jsonl")]);
            crate::extract::extract(&mut store, &extractor, false, &|_| {}).unwrap();
            crate::publish(&mut store, AT, false).unwrap();
            ingest(
                &mut store,
                &[format!("{CORPUS}/html"), format!("{CORPUS}/text")],
            );
            crate::extract::extract(&mut store, &extractor, false, &|_| {}).unwrap();
            let at = "2026-12-02T00:00:00Z";
            let mut kept = Vec::new();
            match batch {
                None => crate::publish_into(&mut store, at, false, &mut |c| kept.push(c)).unwrap(),
                Some(n) => {
                    let mark = crate::alerts::mark(&store).unwrap();
                    super::update(&mut store, at).unwrap();
                    let ms = chrono::DateTime::parse_from_rfc3339(at)
                        .unwrap()
                        .timestamp_millis();
                    crate::alerts::record_batched(&mut store, &mark, ms, n, &mut |c| kept.push(c))
                        .unwrap();
                }
            }
            let mut got: Vec<(String, String)> = kept
                .iter()
                .map(|c| (c.kind.to_string(), c.subject.clone()))
                .collect();
            got.sort();
            let stored = store.changes(None, 100_000).unwrap().len();
            (got, stored)
        };
        let (whole, stored) = run(None);
        assert!(
            whole.iter().filter(|(k, _)| k == "new_total").count() > 4,
            "enough new totals for several batches: {whole:?}"
        );
        let (batched, stored_batched) = run(Some(2));
        assert_eq!(batched, whole);
        assert_eq!(stored_batched, stored);
        assert_eq!(stored, whole.len());
    }
}
