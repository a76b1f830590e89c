//! Human review over the store: record decisions, read the log with how each decision
//! stands, the review queue, and the exchange of logs between analysts.
//!
//! The decisions themselves and what they do to the ledger are `sw_ledger::review` (pure);
//! here they are read from and appended to the store's append-only log. The time and the
//! author of a decision come from the caller (this crate reads no clock and guesses no user).

use std::collections::BTreeMap;

use anyhow::{anyhow, bail, Context, Result};
use sw_ledger::review::{self, Action, NoRedirects, Redirects, Standing, Target};
use sw_ledger::{Decision, Incident, Ledger, Review};
use sw_store::{DecisionRow, Store};

/// The whole log, in the order recorded. A row that does not read back as a decision, or
/// whose id does not match its content, is an error naming it (never skipped).
pub fn decisions<S: Store + ?Sized>(store: &S) -> Result<Vec<Decision>> {
    let mut out = Vec::new();
    let mut bad: Option<anyhow::Error> = None;
    store.decisions(&mut |row| {
        match serde_json::from_str::<Decision>(&row.json) {
            Ok(d) if d.id == row.id => out.push(d),
            Ok(_) => bad = Some(anyhow!("decision {} does not match its stored id", row.id)),
            Err(e) => bad = Some(anyhow!("decision {} is not readable: {e}", row.id)),
        }
        bad.is_none()
    })?;
    match bad {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// The redirects of incident ids merged since a decision was made, as the store keeps them
/// (`incident_redirects`, never deleted): each old id leads, through any chain of later
/// merges, to the id it goes by now ([`sw_ledger::identity::follow`]), so a decision on an
/// incident that was merged away applies to the survivor. A decision whose anchor report is
/// gone and whose id neither names an incident nor redirects is orphaned.
fn redirects<S: Store + ?Sized>(store: &S) -> Result<Box<dyn Redirects>> {
    let direct: BTreeMap<String, String> = store
        .redirects()?
        .into_iter()
        .map(|(old, into, _version)| (old, into))
        .collect();
    if direct.is_empty() {
        return Ok(Box::new(NoRedirects));
    }
    let resolved: BTreeMap<String, String> = direct
        .keys()
        .filter_map(|old| {
            let now = sw_ledger::identity::follow(old, &|id| !direct.contains_key(id), &|id| {
                direct.get(id).cloned()
            })?;
            Some((old.clone(), now))
        })
        .collect();
    Ok(Box::new(resolved))
}

/// The log prepared for a ledger build.
pub fn review<S: Store + ?Sized>(store: &S) -> Result<Review> {
    Ok(Review::new(&decisions(store)?, redirects(store)?.as_ref()))
}

/// Appends `decisions` to the log in one transaction; returns how many were new (an
/// identical decision already there is not added twice).
pub fn record<S: Store + ?Sized>(store: &mut S, decisions: &[Decision]) -> Result<usize> {
    let rows: Vec<DecisionRow> = decisions
        .iter()
        .map(|d| {
            Ok(DecisionRow {
                id: d.id.clone(),
                author: d.author.clone(),
                at: d.at.clone(),
                kind: d.action.kind().to_string(),
                incident: d.action.target().incident.clone(),
                json: serde_json::to_string(d)?,
            })
        })
        .collect::<Result<_>>()?;
    Ok(store.append_decisions(&rows)?)
}

/// The incident `id` of `ledger`, counted or rejected.
pub fn find<'a>(ledger: &'a Ledger, id: &str) -> Option<&'a Incident> {
    ledger
        .incidents
        .iter()
        .chain(&ledger.rejected)
        .find(|i| i.id == id)
}

/// The stable key of the report `report_id` of article `article_id`.
pub fn report_key<S: Store + ?Sized>(store: &S, article_id: i64, report_id: i64) -> Result<String> {
    let r = crate::ledger::fetch(store, &[(article_id, report_id)])
        .with_context(|| format!("report {report_id} is not in the store"))?;
    Ok(r[0].stable_key())
}

/// What a decision about incident `id` is keyed to: the id and the stable key of its first
/// source report (the earliest published), which survives re-extraction and new articles.
pub fn target<S: Store + ?Sized>(store: &S, ledger: &Ledger, id: &str) -> Result<Target> {
    let Some(inc) = find(ledger, id) else {
        bail!("no incident {id} (see `strikewatch incidents` and `incidents --rejected`)");
    };
    let anchor = match inc.sources.first() {
        Some(s) => Some(report_key(store, s.article_id, s.report_id)?),
        None => None,
    };
    Ok(Target {
        incident: inc.id.clone(),
        anchor,
    })
}

/// The split of report `report_id` off incident `id`: the report's stable key.
pub fn split<S: Store + ?Sized>(
    store: &S,
    ledger: &Ledger,
    id: &str,
    report_id: i64,
) -> Result<Action> {
    let target = target(store, ledger, id)?;
    let inc = find(ledger, id).expect("found by target");
    let Some(src) = inc.sources.iter().find(|s| s.report_id == report_id) else {
        bail!(
            "report {report_id} is not a source of {id} (its reports: {})",
            inc.sources
                .iter()
                .map(|s| s.report_id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    };
    Ok(Action::Split {
        target,
        report: report_key(store, src.article_id, src.report_id)?,
    })
}

/// Every decision of the log with how it stands in `ledger` (the current one): applied to
/// an incident, superseded by a later decision, or orphaned (its target is in no incident).
pub fn log<S: Store + ?Sized>(store: &S, ledger: &Ledger) -> Result<Vec<(Decision, Standing)>> {
    let all = decisions(store)?;
    let review = Review::new(&all, redirects(store)?.as_ref());
    let mut applied: BTreeMap<String, String> = BTreeMap::new();
    for inc in ledger.incidents.iter().chain(&ledger.rejected) {
        for d in inc.review.iter().flat_map(|r| &r.decisions) {
            applied.insert(d.clone(), inc.id.clone());
        }
    }
    Ok(review.standing(&all, &applied))
}

/// Why an incident is in the queue, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    SingleSource,
    Contested,
    /// Changed since a reviewer decided on it (new reports revised it), or, never reviewed,
    /// new or revised in the latest ledger version.
    Changed,
    LowConfidence,
    Unreviewed,
}

/// When incidents last changed, from the ledger versions: each incident's latest version
/// that recorded it new, revised or split (or, for a merge, the survivor), and every
/// version's publication time. Read from the store's version history (one row per change).
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Incident id -> the latest version that changed it.
    pub last: BTreeMap<String, i64>,
    /// Version -> its publication time (RFC 3339), oldest first.
    pub published: Vec<(i64, String)>,
}

impl Changes {
    /// Reads them from `store`.
    pub fn read<S: Store + ?Sized>(store: &S) -> Result<Changes> {
        let published: Vec<(i64, String)> = store
            .ledger_versions()?
            .into_iter()
            .map(|v| (v.version, v.published_at))
            .collect();
        let mut last = BTreeMap::new();
        if let Some(&(latest, _)) = published.last() {
            for c in store.incident_changes(0, latest, None)? {
                let changed = match c.kind.as_str() {
                    "new" | "revised" | "split" => Some(c.id),
                    "merged" => c.other,
                    _ => None,
                };
                if let Some(id) = changed {
                    let v = last.entry(id).or_insert(c.version);
                    *v = (*v).max(c.version);
                }
            }
        }
        Ok(Changes { last, published })
    }

    /// Whether `inc` changed after review, or (never reviewed) in the latest version. The
    /// first version published at or after an incident's latest decision is the one that
    /// applied the decision (a change of its own), so only later ones count. Times are
    /// compared as instants stamped to the millisecond; a decision and the version applying
    /// it can fall in the same millisecond, hence "at or after" (a version that another
    /// writer published in that same millisecond just before the decision would be taken for
    /// the applying one: a change it made would not bring the incident back).
    fn changed(&self, inc: &Incident) -> bool {
        let Some(&v) = self.last.get(&inc.id) else {
            return false;
        };
        let instant = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
        match inc.review.as_ref().and_then(latest_decision) {
            Some(at) => {
                let at = instant(at);
                match self.published.iter().find(|(_, p)| instant(p) >= at) {
                    Some(&(applied, _)) => v > applied,
                    None => false,
                }
            }
            None => {
                // the first version makes every incident new: that is not news
                self.published.len() > 1 && self.published.last().is_some_and(|&(l, _)| l == v)
            }
        }
    }
}

/// The time of the latest decision shown on a reviewed incident.
fn latest_decision(r: &sw_ledger::IncidentReview) -> Option<&str> {
    let signed = r
        .status_by
        .iter()
        .chain(&r.regrouped_by)
        .chain(&r.notes)
        .map(|s| s.at.as_str());
    let values = r
        .figures
        .iter()
        .map(|f| f.reviewed.at.as_str())
        .chain(r.date.iter().map(|v| v.at.as_str()))
        .chain(r.place.iter().map(|v| v.at.as_str()))
        .chain(r.perpetrator.iter().map(|v| v.at.as_str()));
    signed
        .chain(values)
        .max_by_key(|at| chrono::DateTime::parse_from_rfc3339(at).ok())
}

/// Incidents waiting for review, most urgent first: single-source, then contested, then
/// changed (a reviewed incident that new reports revised since its latest decision, which
/// comes back to the queue whatever its status; or a never-reviewed one new or revised in
/// the latest version), then low-confidence (not dated to a day, or placed no closer than a
/// country or sea region), then the rest; within each, newest first. An incident with a
/// status decision (confirmed) that has not changed since is not in the queue.
pub fn queue<'a>(ledger: &'a Ledger, changes: &Changes) -> Vec<(Why, &'a Incident)> {
    let mut out: Vec<(Why, &Incident)> = ledger
        .incidents
        .iter()
        .filter_map(|i| {
            let changed = changes.changed(i);
            let decided = i.review.as_ref().is_some_and(|r| r.status.is_some());
            if decided && !changed {
                return None;
            }
            let why = if decided {
                Why::Changed
            } else if i.grade == sw_ledger::Grade::SingleSource {
                Why::SingleSource
            } else if i.contested {
                Why::Contested
            } else if changed {
                Why::Changed
            } else if i.date_precision != sw_model::DatePrecision::Day || i.place.precision >= 4 {
                Why::LowConfidence
            } else {
                Why::Unreviewed
            };
            Some((why, i))
        })
        .collect();
    out.sort_by(|a, b| (a.0, &b.1.date, &a.1.id).cmp(&(b.0, &a.1.date, &b.1.id)));
    out
}

/// A log exported as JSONL (one decision a line), as [`export`] writes it, read back: a
/// line that is not a decision, or whose id does not match its content (edited by hand), is
/// an error naming its line.
pub fn import(jsonl: &str, name: &str) -> Result<Vec<Decision>> {
    let mut out = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: Decision = serde_json::from_str(line)
            .with_context(|| format!("{name}:{}: not a decision", n + 1))?;
        if d.id != d.content_id() {
            bail!(
                "{name}:{}: decision {} does not match its content (changed after it was made)",
                n + 1,
                d.id
            );
        }
        out.push(d);
    }
    Ok(out)
}

/// The log as JSONL, one decision a line, in the order recorded.
pub fn export(decisions: &[Decision]) -> Result<String> {
    let mut s = String::new();
    for d in decisions {
        s.push_str(&serde_json::to_string(d)?);
        s.push('\n');
    }
    Ok(s)
}

/// Decisions of `theirs` that decide a slot `ours` decides otherwise, by another author:
/// reported to the person importing, never resolved silently (the later one wins in the
/// build, and both stay in the log).
pub fn conflicts<'a>(
    ours: &'a [Decision],
    theirs: &'a [Decision],
) -> Vec<(&'a Decision, &'a Decision)> {
    review::conflicts(ours, theirs)
}
