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
/// were detected (milliseconds since the Unix epoch, the caller's clock).
pub fn record<S: Store + ?Sized>(store: &mut S, mark: &Mark, at: i64) -> Result<Vec<Change>> {
    let latest = store.ledger_versions()?.last().map_or(0, |v| v.version);
    if latest <= mark.version || mark.baseline() {
        return Ok(Vec::new());
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
    }
    let mut bad = None;
    store.ledger_rows(LedgerList::Tallies, &LedgerFilter::default(), &mut |json| {
        match serde_json::from_str::<Id>(json) {
            Ok(t) if mark.tallies.binary_search(&id_hash(&t.id)).is_ok() => {}
            Ok(_) => match serde_json::from_str::<Tally>(json) {
                Ok(t) => out.push(alerts::new_total(&t, at)),
                Err(e) => bad = Some(e),
            },
            Err(e) => bad = Some(e),
        }
        bad.is_none()
    })?;
    if let Some(e) = bad {
        return Err(e.into());
    }
    let mut kept = Vec::new();
    for c in out {
        let n = store.put_changes(&[LedgerChange {
            seq: 0,
            key: c.key.clone(),
            detected_ms: c.detected_ms,
            country: c.country.clone(),
            json: serde_json::to_string(&c)?,
        }])?;
        if n > 0 {
            kept.push(c); // else seen and kept before
        }
    }
    Ok(kept)
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
