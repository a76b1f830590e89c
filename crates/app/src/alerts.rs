//! Alerts from ledger versions: whatever publishes a new version of the ledger (`ingest`,
//! `extract`, `watch`, a review decision, from the CLI or the web app), the changes it made are
//! kept as alerts ([`Store::put_changes`]) for the alert feeds and the webhooks.
//!
//! Why versions rather than comparing whole ledgers: a version already records which
//! incidents it added, revised, merged or withdrew, and keeps each incident's snapshot, so the
//! alerts of an update read only the incidents it touched (and the tallies' ids), never the
//! whole ledger twice.
//!
//! The first ledger of a store is its baseline, not news ([`Mark::baseline`]): bulk-loading an
//! archive raises no alert for each of its incidents. `watch` marks its stores as followed, so
//! that what it finds in an empty store is news.

use std::collections::BTreeSet;

use anyhow::Result;
use serde::Deserialize;
use sw_ledger::alerts::{self, Change};
use sw_ledger::Tally;
use sw_store::{LedgerChange, LedgerFilter, LedgerList, Store};

/// The ledger as it stood before an update: its latest version and its tallies' ids.
pub struct Mark {
    version: i64,
    /// The tallies' ids as 64-bit hashes ([`id_hash`]), sorted: a mark is held through the
    /// whole ledger rebuild, and the ids as strings in a set took about 55 bytes per tally
    /// there (38 MB for the 681k tallies of a million synthetic articles).
    tallies: Vec<i64>,
    /// Whether the update's changes are alerts even though the store had no ledger version
    /// before it.
    news_from_empty: bool,
}

impl Mark {
    /// Whether changes against this mark would be the store's first ledger (no alert is kept
    /// for it unless [`mark_followed`] asked).
    pub fn baseline(&self) -> bool {
        self.version == 0 && !self.news_from_empty
    }
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

/// Notes the ledger's latest version and tallies before an update.
pub fn mark<S: Store + ?Sized>(store: &S) -> Result<Mark> {
    let version = store.ledger_versions()?.last().map_or(0, |v| v.version);
    let mut tallies = Vec::new();
    if version > 0 {
        let mut bad = None;
        store.ledger_rows(LedgerList::Tallies, &LedgerFilter::default(), &mut |json| {
            match serde_json::from_str::<Id>(json) {
                Ok(t) => {
                    tallies.push(id_hash(&t.id));
                }
                Err(e) => bad = Some(e),
            }
            bad.is_none()
        })?;
        if let Some(e) = bad {
            return Err(e.into());
        }
    }
    tallies.sort_unstable();
    tallies.dedup();
    Ok(Mark {
        version,
        tallies,
        news_from_empty: false,
    })
}

/// A tally id as a 64-bit hash (the first 8 bytes of its SHA-256): two ids of one hash (odds
/// of 2^-64 a pair) would only hide one new total's alert.
fn id_hash(id: &str) -> i64 {
    sw_ledger::identity::member_key(id)
}

/// Like [`mark`], for a store someone follows (`watch`): changes against an empty store are
/// alerts too.
pub fn mark_followed<S: Store + ?Sized>(store: &S) -> Result<Mark> {
    let mut m = mark(store)?;
    m.news_from_empty = true;
    Ok(m)
}

/// The alerts of the versions published since `mark` (incidents by id, then new totals), kept
/// in the store under their idempotency keys; returns those not kept before. `at` is when they
/// were detected (milliseconds since the Unix epoch, the caller's clock). See [`record_into`].
pub fn record<S: Store + ?Sized>(store: &mut S, mark: &Mark, at: i64) -> Result<Vec<Change>> {
    let mut kept = Vec::new();
    record_into(store, mark, at, &mut |c| kept.push(c))?;
    Ok(kept)
}

/// Most alerts made before they are written and handed on. Why: an update that adds
/// hundreds of thousands of totals (an archive loaded into a store that had a ledger) raised
/// as many alerts, and holding them all at once took ~450 bytes each (two copies of 276 MB
/// for the 612k new totals of a million synthetic articles).
const ALERT_BATCH: usize = 65_536;

/// [`record`], handing each alert not kept before to `kept` as it is written rather than
/// collecting them: memory stays within [`ALERT_BATCH`] alerts whatever the update's size.
/// New totals past the first batch are found again by later passes over the tallies, a
/// batch of their ids' hashes each (the tallies cannot be read while alerts are written), so
/// an update of N new totals reads the tallies about N / `ALERT_BATCH` + 1 times, and the
/// totals of one such update are kept in ledger order within each batch.
pub fn record_into<S: Store + ?Sized>(
    store: &mut S,
    mark: &Mark,
    at: i64,
    kept: &mut dyn FnMut(Change),
) -> Result<()> {
    record_batched(store, mark, at, ALERT_BATCH, kept)
}

pub(crate) fn record_batched<S: Store + ?Sized>(
    store: &mut S,
    mark: &Mark,
    at: i64,
    batch_size: usize,
    kept: &mut dyn FnMut(Change),
) -> Result<()> {
    let latest = store.ledger_versions()?.last().map_or(0, |v| v.version);
    if latest <= mark.version || mark.baseline() {
        return Ok(());
    }
    let changed: BTreeSet<String> = store
        .incident_changes(mark.version, latest, None)?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let mut out = Vec::new();
    for id in &changed {
        let before = incident_at(store, id, mark.version)?;
        let after = incident_at(store, id, latest)?;
        let into = match (&before, &after) {
            (Some(_), None) => crate::versions::lead(store, id, latest)?,
            _ => None,
        };
        out.extend(alerts::incident(
            before.as_ref(),
            after.as_ref(),
            into.as_deref(),
            at,
        ));
        if out.len() >= batch_size {
            keep(store, &mut out, kept)?;
        }
    }
    keep(store, &mut out, kept)?;
    // the new totals: the first batch made in the first pass, the ids of the rest kept
    let mut rest: Vec<i64> = Vec::new();
    new_totals(store, mark, at, &mut |hash, make| {
        if out.len() < batch_size {
            out.push(make()?);
        } else {
            rest.push(hash);
        }
        Ok(())
    })?;
    keep(store, &mut out, kept)?;
    rest.sort_unstable();
    rest.dedup();
    for batch in rest.chunks(batch_size) {
        new_totals(store, mark, at, &mut |hash, make| {
            if batch.binary_search(&hash).is_ok() {
                out.push(make()?);
            }
            Ok(())
        })?;
        keep(store, &mut out, kept)?;
    }
    Ok(())
}

/// Makes a new total's alert when asked (most new totals of a big update are only counted).
type MakeAlert<'a> = &'a dyn Fn() -> serde_json::Result<Change>;

/// Visits the published tallies that `mark` did not hold, in ledger order: `visit` gets each
/// one's id hash and a maker of its alert.
fn new_totals<S: Store + ?Sized>(
    store: &S,
    mark: &Mark,
    at: i64,
    visit: &mut dyn FnMut(i64, MakeAlert) -> serde_json::Result<()>,
) -> Result<()> {
    let mut bad = None;
    store.ledger_rows(LedgerList::Tallies, &LedgerFilter::default(), &mut |json| {
        let step = serde_json::from_str::<Id>(json).and_then(|t| {
            let hash = id_hash(&t.id);
            if mark.tallies.binary_search(&hash).is_ok() {
                return Ok(());
            }
            visit(hash, &|| {
                serde_json::from_str::<Tally>(json).map(|t| alerts::new_total(&t, at))
            })
        });
        if let Err(e) = step {
            bad = Some(e);
        }
        bad.is_none()
    })?;
    match bad {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}

/// Writes the alerts made so far, handing on those not kept before, and empties `out`.
fn keep<S: Store + ?Sized>(
    store: &mut S,
    out: &mut Vec<Change>,
    kept: &mut dyn FnMut(Change),
) -> Result<()> {
    for c in out.drain(..) {
        let n = store.put_changes(&[LedgerChange {
            seq: 0,
            key: c.key.clone(),
            detected_ms: c.detected_ms,
            country: c.country.clone(),
            json: serde_json::to_string(&c)?,
        }])?;
        if n > 0 {
            kept(c); // else seen and kept before
        }
    }
    Ok(())
}

fn incident_at<S: Store + ?Sized>(
    store: &S,
    id: &str,
    version: i64,
) -> Result<Option<sw_ledger::Incident>> {
    if version == 0 {
        return Ok(None);
    }
    match store.incident_at(id, version)? {
        Some(j) => Ok(Some(serde_json::from_str(&j)?)),
        None => Ok(None),
    }
}
