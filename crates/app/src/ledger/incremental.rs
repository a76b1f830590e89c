//! The incremental ledger update: when only some articles' reports changed since the
//! published ledger was built, re-resolve only the components their reports reach
//! ([`sw_ledger::reach`]) and patch the published rows in place ([`Store::patch_ledger`]).
//! The result is byte for byte the whole rebuild's (tests in `super::tests`), and the whole
//! rebuild stays the reference path and the fallback ([`Fallback`] says when and why).
//!
//! Steps, for the changed ("dirty") articles the store recorded:
//! 1. their reports now (read whole) and the reaches kept for their reports before;
//! 2. the components those reaches touch: the kept reaches of other articles that overlap
//!    them, by day range and event type (or story, for reports without a day), closed under
//!    overlap: a few index lookups per gap not looked up yet, never pairs;
//! 3. the published incidents any of those reports belonged to (the identity map), which go;
//! 4. the components' reports resolved and assembled as the whole rebuild does, named after
//!    the whole previous identity map (so fresh ids avoid every id in use, and kept ids
//!    follow overlap exactly as in a whole rebuild);
//! 5. the dirty articles' tallies and developments replaced, all in one transaction.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use anyhow::Result;
use chrono::NaiveDate;
use sw_ledger::reach::{self, Reach};
use sw_ledger::{Entry, ReportInput};
use sw_store::{LedgerPatch, LedgerRow, Patched, Publication, ReachQuery, ReachRow, Store};

/// Why an update rebuilt the ledger whole instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// The backend keeps no reaches (PostgreSQL, for now), or none describe the published
    /// ledger (the first build, a store from before migration 12, a rebuild cut short).
    NoReaches,
    /// Review decisions are recorded: merges, splits and amendments re-shape incidents by
    /// decision, not by reach, so the whole rebuild applies them.
    Review,
    /// Too many articles changed (a new extraction version re-extracts them all): the whole
    /// rebuild reads less.
    TooMany,
    /// No ledger version yet to patch.
    NoVersion,
    /// A published incident has members outside the components found (a ledger published
    /// by an older build); never patched over.
    Spans,
    /// Another process published a version meanwhile.
    Stale,
    /// The changed reports reach most of the ledger (a dense corpus, where components span
    /// nearly every day): re-resolving them costs what the whole rebuild costs, and patching
    /// that many rows costs more than writing a new build.
    Dense,
}

impl Fallback {
    pub fn as_str(self) -> &'static str {
        match self {
            Fallback::NoReaches => "no reaches kept for the published ledger",
            Fallback::Review => "review decisions are recorded",
            Fallback::TooMany => "too many articles changed",
            Fallback::NoVersion => "no ledger version yet",
            Fallback::Spans => "an incident spans beyond the components found",
            Fallback::Stale => "another version was published meanwhile",
            Fallback::Dense => "the changed reports reach most of the ledger",
        }
    }
}

/// Dirty articles an update takes on at most: more than this and a quarter of the store
/// rebuilds whole.
const SMALL: usize = 1024;

/// Below this many event reports in the components found an update never counts as dense
/// (a small store patches even when one component is all of it).
const DENSE_FLOOR: usize = 2048;

/// The row a store keeps for a report's reach.
pub(crate) fn reach_row(report_id: i64, article_id: i64, key: i64, x: &Reach) -> ReachRow {
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    ReachRow {
        report_id,
        article_id,
        event_type: x.event_type.as_str().to_string(),
        lo: x.days.map(|d| day(d.0)),
        hi: x.days.map(|d| day(d.1)),
        story: x.story,
        key,
        incident: None,
    }
}

/// Day intervals already looked up, per event type (disjoint, sorted).
#[derive(Default)]
struct Covered(BTreeMap<String, Vec<(NaiveDate, NaiveDate)>>);

impl Covered {
    /// The parts of `lo..=hi` not looked up yet; marks them looked up.
    fn take(&mut self, et: &str, lo: NaiveDate, hi: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
        let v = self.0.entry(et.to_string()).or_default();
        let mut gaps = Vec::new();
        let mut at = lo;
        for &(a, b) in v.iter() {
            if b < at {
                continue;
            }
            if a > hi {
                break;
            }
            if a > at {
                gaps.push((at, a.pred_opt().unwrap_or(a)));
            }
            at = at.max(b.succ_opt().unwrap_or(b));
            if at > hi {
                break;
            }
        }
        if at <= hi {
            gaps.push((at, hi));
        }
        v.push((lo, hi));
        v.sort();
        let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(v.len());
        for &(a, b) in v.iter() {
            match merged.last_mut() {
                Some(m) if a <= m.1.succ_opt().unwrap_or(m.1) => m.1 = m.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *v = merged;
        gaps
    }
}

fn parse_day(s: &Option<String>) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.as_deref()?, "%Y-%m-%d").ok()
}

/// Brings the published ledger up to date with the reports of `generation` by patching it,
/// or says why it cannot ([`Fallback`]); errors are the store's (a [`super::Changed`] when
/// reports changed under it: the caller tries again).
pub(crate) fn update<S: Store + ?Sized>(
    store: &mut S,
    generation: i64,
    at: &str,
) -> Result<std::result::Result<Patched, Fallback>> {
    let published = store.ledger_generation()?;
    if published.is_none() || store.ledger_reach_generation()? != published {
        return Ok(Err(Fallback::NoReaches));
    }
    let review = crate::review::review(&*store)?;
    if !review.is_empty() {
        return Ok(Err(Fallback::Review));
    }
    let (dirty, through) = store.ledger_dirty()?;
    if dirty.len() > SMALL && dirty.len() as i64 * 4 > store.counts()?.articles {
        return Ok(Err(Fallback::TooMany));
    }
    let stored = store.identities()?;
    if stored.version.is_none() {
        return Ok(Err(Fallback::NoVersion));
    }
    let dirty_set: HashSet<i64> = dirty.iter().copied().collect();

    // 1. the changed articles' reports now, and their reaches before
    let mut fresh: Vec<ReportInput> = Vec::new();
    for &a in &dirty {
        fresh.extend(super::article_reports(&*store, a)?);
    }
    let mut seeds: Vec<ReachRow> = Vec::new();
    store.ledger_reach(&ReachQuery::Articles(dirty.clone()), &mut |r| {
        seeds.push(r);
        true
    })?;
    let old_rows: Vec<ReachRow> = seeds.clone();
    let mut new_reach: Vec<ReachRow> = Vec::new();
    for r in &fresh {
        if let Some(x) = reach::reach(r) {
            let key = sw_ledger::identity::member_key(&r.stable_key());
            new_reach.push(reach_row(r.report_id, r.article_id, key, &x));
        }
    }
    seeds.extend(new_reach.iter().cloned());

    // 2. the components they touch, closed under overlap
    let mut covered = Covered::default();
    let mut stories: BTreeSet<(String, i64)> = BTreeSet::new();
    let mut found: BTreeMap<i64, ReachRow> = BTreeMap::new();
    // the event reports of the published ledger (its identity map's keys): past half of them,
    // the whole rebuild is cheaper
    let total: usize = stored.members.values().map(Vec::len).sum();
    let mut queue = seeds;
    while let Some(r) = queue.pop() {
        if found.len() * 2 > total.max(DENSE_FLOOR) {
            return Ok(Err(Fallback::Dense));
        }
        let mut hits: Vec<ReachRow> = Vec::new();
        if let (Some(lo), Some(hi)) = (parse_day(&r.lo), parse_day(&r.hi)) {
            for (a, b) in covered.take(&r.event_type, lo, hi) {
                let q = ReachQuery::Days {
                    event_type: r.event_type.clone(),
                    lo: a.format("%Y-%m-%d").to_string(),
                    hi: b.format("%Y-%m-%d").to_string(),
                    widest: reach::WIDEST,
                };
                store.ledger_reach(&q, &mut |h| {
                    hits.push(h);
                    true
                })?;
            }
        }
        if let Some(s) = r.story {
            if stories.insert((r.event_type.clone(), s)) {
                let q = ReachQuery::Story {
                    event_type: r.event_type.clone(),
                    story: s,
                };
                store.ledger_reach(&q, &mut |h| {
                    hits.push(h);
                    true
                })?;
            }
        }
        for h in hits {
            if dirty_set.contains(&h.article_id) || found.contains_key(&h.report_id) {
                continue;
            }
            found.insert(h.report_id, h.clone());
            queue.push(h);
        }
    }

    // 3. the published incidents of those reports
    let gone: BTreeSet<String> = found
        .values()
        .chain(&old_rows)
        .filter_map(|r| r.incident.clone())
        .collect();
    let touched: HashSet<i64> = found.values().chain(&old_rows).map(|r| r.key).collect();
    for id in &gone {
        if let Some(keys) = stored.members.get(id) {
            if keys.iter().any(|k| !touched.contains(k)) {
                return Ok(Err(Fallback::Spans));
            }
        }
    }

    // 4. resolve and assemble the components
    let mut builder = sw_ledger::Builder::new();
    let mut tallies: Vec<LedgerRow> = Vec::new();
    let mut developments: Vec<LedgerRow> = Vec::new();
    for r in fresh {
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
    let pairs: Vec<(i64, i64)> = found
        .values()
        .map(|r| (r.article_id, r.report_id))
        .collect();
    for r in super::fetch(&*store, &pairs)? {
        builder.add(r);
    }
    let prev = sw_ledger::identity::Identities {
        members: stored.members.clone(),
        retired: stored.retired.clone(),
    };
    let mut incidents: Vec<LedgerRow> = Vec::new();
    // the reports each incident was assembled from (asked for just before it is emitted)
    let asked: std::cell::RefCell<Vec<i64>> = Default::default();
    let mut of: std::collections::HashMap<i64, String> = Default::default();
    let (next, fates) = {
        let read = &*store;
        builder.incidents_reviewed_after(
            &review,
            &prev,
            &mut |wanted| {
                *asked.borrow_mut() = wanted.iter().map(|w| w.1).collect();
                super::fetch_members(read, wanted)
            },
            &mut |incident, _| {
                for &r in asked.borrow().iter() {
                    of.insert(r, incident.id.clone());
                }
                incidents.push(LedgerRow {
                    ord: incidents.len() as i64,
                    json: serde_json::to_string(&incident)?,
                });
                Ok(())
            },
        )?
    };
    // every reach of the components, with the incident it is of now
    let reach: Vec<ReachRow> = new_reach
        .into_iter()
        .chain(found.into_values())
        .map(|mut r| {
            r.incident = of.get(&r.report_id).cloned();
            r
        })
        .collect();
    // the ids not taken up here are the untouched incidents': kept as they are, no fate
    let fates = fates
        .iter()
        .filter(|f| gone.contains(f.id()))
        .map(|f| {
            (
                f.id().to_string(),
                f.kind().to_string(),
                f.other().map(str::to_string),
            )
        })
        .collect();
    let patch = LedgerPatch {
        generation,
        dirty_through: through,
        articles: dirty,
        gone: gone.into_iter().collect(),
        incidents,
        tallies,
        developments,
        reach,
        publication: Publication {
            base: stored.version,
            at: at.to_string(),
            members: next.members,
            fates,
        },
    };
    let patched = store.patch_ledger(&patch)?;
    if patched.published == sw_store::Published::Stale {
        return Ok(Err(Fallback::Stale));
    }
    Ok(Ok(patched))
}
