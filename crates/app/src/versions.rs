//! Ledger versions for readers: what changed between two versions, an incident's history and
//! where an old id leads. Reads only the changes of the versions asked about and the
//! incidents they touch, never every version.

use std::collections::BTreeSet;

use anyhow::{bail, Result};
use serde::Serialize;
use sw_ledger::diff::{revisions, Revision};
use sw_ledger::Incident;
use sw_store::{IncidentChange, LedgerVersion, Store};

/// What changed from version `from` to version `to`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diff {
    pub from: i64,
    pub to: i64,
    /// Incidents in `to` that were not in `from`.
    pub new: Vec<String>,
    /// Incidents in both whose content changed, with what changed.
    pub revised: Vec<Revised>,
    /// Ids of `from` merged into another incident (followed to the one current in `to`).
    pub merged: Vec<Moved>,
    /// Ids of `from` that kept their id while some reports left for a new incident.
    pub split: Vec<Moved>,
    /// Ids of `from` no incident of `to` continues.
    pub withdrawn: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revised {
    pub id: String,
    pub changes: Vec<Revision>,
    /// The review decisions first applied to the incident in this span (a reviewer's set,
    /// confirm, merge... that revised it), with who made them; empty when only the reporting
    /// moved it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decided_by: Vec<DecidedBy>,
}

/// A review decision behind a revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecidedBy {
    pub decision: String,
    pub author: String,
}

/// The decisions applied to `b` and not to `a`, with their authors.
fn decided_by(a: &Incident, b: &Incident) -> Vec<DecidedBy> {
    let Some(rb) = &b.review else {
        return Vec::new();
    };
    let before: BTreeSet<&str> = a
        .review
        .iter()
        .flat_map(|r| r.decisions.iter().map(String::as_str))
        .collect();
    rb.decisions
        .iter()
        .filter(|d| !before.contains(d.as_str()))
        .map(|d| DecidedBy {
            decision: d.clone(),
            author: rb.author_of(d).unwrap_or("unknown").to_string(),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moved {
    pub id: String,
    pub into: String,
}

/// The version `v` names, or an error naming the versions there are.
pub fn check<S: Store + ?Sized>(store: &S, v: i64) -> Result<LedgerVersion> {
    let all = store.ledger_versions()?;
    match all.iter().find(|x| x.version == v) {
        Some(x) => Ok(x.clone()),
        None if all.is_empty() => bail!("no ledger version {v}: the ledger has no version yet"),
        None => bail!(
            "no ledger version {v}: versions are 1 to {}",
            all.last().map(|x| x.version).unwrap_or(0)
        ),
    }
}

/// The latest version, if any.
pub fn latest<S: Store + ?Sized>(store: &S) -> Result<Option<LedgerVersion>> {
    Ok(store.ledger_versions()?.pop())
}

fn incident_at<S: Store + ?Sized>(store: &S, id: &str, v: i64) -> Result<Option<Incident>> {
    match store.incident_at(id, v)? {
        Some(j) => Ok(Some(serde_json::from_str(&j)?)),
        None => Ok(None),
    }
}

/// What changed from version `from` to version `to` (`from` < `to`; both must exist).
pub fn diff<S: Store + ?Sized>(store: &S, from: i64, to: i64) -> Result<Diff> {
    check(store, from)?;
    check(store, to)?;
    if from >= to {
        bail!("diff {from} {to}: the first version must be the older one");
    }
    let changes = store.incident_changes(from, to, None)?;
    let ids: BTreeSet<&str> = changes.iter().map(|c| c.id.as_str()).collect();
    let mut d = Diff {
        from,
        to,
        ..Diff::default()
    };
    for id in ids {
        let a = incident_at(store, id, from)?;
        let b = incident_at(store, id, to)?;
        match (a, b) {
            (None, Some(_)) => d.new.push(id.to_string()),
            (Some(a), Some(b)) => {
                let changes = revisions(&a, &b);
                if a != b {
                    d.revised.push(Revised {
                        id: id.to_string(),
                        changes,
                        decided_by: decided_by(&a, &b),
                    });
                }
            }
            (Some(_), None) => match lead(store, id, to)? {
                Some(into) => d.merged.push(Moved {
                    id: id.to_string(),
                    into,
                }),
                None => d.withdrawn.push(id.to_string()),
            },
            (None, None) => {}
        }
    }
    for c in &changes {
        if let (true, Some(part)) = (c.kind == "split", &c.other) {
            if store.incident_at(part, to)?.is_some() && store.incident_at(&c.id, from)?.is_some() {
                d.split.push(Moved {
                    id: c.id.clone(),
                    into: part.clone(),
                });
            }
        }
    }
    d.split
        .sort_by(|a, b| (&a.id, &a.into).cmp(&(&b.id, &b.into)));
    d.split.dedup();
    Ok(d)
}

/// Where `id` leads in version `v`: itself if it is an incident of `v`, else the incident
/// its redirects lead to (see `sw_ledger::identity::follow`).
pub fn lead<S: Store + ?Sized>(store: &S, id: &str, v: i64) -> Result<Option<String>> {
    let failed = std::cell::RefCell::new(None);
    let current = |i: &str| match store.incident_at(i, v) {
        Ok(x) => x.is_some(),
        Err(e) => {
            failed.borrow_mut().get_or_insert(e);
            false
        }
    };
    let redirect = |i: &str| match store.incident_redirect(i) {
        Ok(x) => x,
        Err(e) => {
            failed.borrow_mut().get_or_insert(e);
            None
        }
    };
    let found = sw_ledger::identity::follow(id, &current, &redirect);
    match failed.into_inner() {
        Some(e) => Err(e.into()),
        None => Ok(found),
    }
}

/// An incident's history: first seen, last changed, and every change, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    pub id: String,
    pub first_seen: Option<i64>,
    pub last_changed: Option<i64>,
    pub changes: Vec<IncidentChange>,
}

pub fn history<S: Store + ?Sized>(store: &S, id: &str) -> Result<History> {
    // its own changes, and those of incidents merged into it or split off it
    let changes = store.incident_changes(0, i64::MAX, Some(id))?;
    Ok(History {
        id: id.to_string(),
        first_seen: changes
            .iter()
            .find(|c| c.id == id && c.kind == "new")
            .map(|c| c.version),
        last_changed: changes.last().map(|c| c.version),
        changes,
    })
}

/// What one version changed in an incident, value by value, and why: the review decisions
/// it first applied (who, when, the reason) and the articles it added. A reader of an
/// incident's history asks "what was it before, and what made it change?", which the change
/// rows alone (`revised`) do not answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    pub version: i64,
    /// When the version was published (RFC 3339), as stored.
    pub published_at: Option<String>,
    /// Each attribute or figure bound that changed, from what to what.
    pub changes: Vec<Revision>,
    /// The review decisions first applied in this version.
    pub decisions: Vec<DecisionNote>,
    /// Articles among the incident's sources in this version and not in the one before:
    /// the new reporting behind a change no reviewer made.
    pub added: Vec<AddedSource>,
}

/// A review decision behind a correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionNote {
    pub id: String,
    /// `set_figure`, `set_date`, `confirm`, `merge`...
    pub kind: String,
    pub author: String,
    pub at: Option<String>,
    pub reason: Option<String>,
}

/// An article a version added to an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddedSource {
    pub article_id: i64,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// The corrections of the incident `h` is the history of: one for each version that changed
/// its content (compared with the version before), oldest first. Reads the incident as it was
/// before and after each version, the versions' times, and the decision log only when some
/// version applied a decision.
pub fn corrections<S: Store + ?Sized>(store: &S, h: &History) -> Result<Vec<Correction>> {
    let versions: BTreeSet<i64> = h
        .changes
        .iter()
        .filter(|c| c.kind != "new" || c.id != h.id)
        .map(|c| c.version)
        .collect();
    if versions.is_empty() {
        return Ok(Vec::new());
    }
    let published: std::collections::HashMap<i64, String> = store
        .ledger_versions()?
        .into_iter()
        .map(|v| (v.version, v.published_at))
        .collect();
    let mut out = Vec::new();
    let mut log: Option<Vec<sw_ledger::Decision>> = None;
    for v in versions {
        let (Some(a), Some(b)) = (
            incident_at(store, &h.id, v - 1)?,
            incident_at(store, &h.id, v)?,
        ) else {
            continue;
        };
        if a == b {
            continue;
        }
        let seen: BTreeSet<i64> = a.sources.iter().map(|s| s.article_id).collect();
        let mut added: Vec<AddedSource> = Vec::new();
        for s in &b.sources {
            if !seen.contains(&s.article_id) && added.iter().all(|x| x.article_id != s.article_id) {
                added.push(AddedSource {
                    article_id: s.article_id,
                    outlet: s.outlet.clone(),
                    published: s.published.clone(),
                    url: s.url.clone(),
                });
            }
        }
        let by = decided_by(&a, &b);
        if !by.is_empty() && log.is_none() {
            log = Some(crate::review::decisions(store)?);
        }
        let decisions = by
            .into_iter()
            .map(|d| {
                let full = log.iter().flatten().find(|x| x.id == d.decision);
                DecisionNote {
                    kind: full.map_or("decision", |x| x.action.kind()).to_string(),
                    at: full.map(|x| x.at.clone()),
                    reason: full.map(|x| x.reason.clone()),
                    id: d.decision,
                    author: d.author,
                }
            })
            .collect();
        out.push(Correction {
            version: v,
            published_at: published.get(&v).cloned(),
            changes: revisions(&a, &b),
            decisions,
            added,
        });
    }
    Ok(out)
}

/// A revision in words, the same for every front end: "killed best 3 -> 5", "date 2025-09-02
/// -> 2025-09-01", "place none -> Caribbean Sea".
pub fn describe(r: &Revision) -> String {
    let word = |v: &serde_json::Value| match v {
        serde_json::Value::Null => "none".to_string(),
        serde_json::Value::String(s) => s.replace('_', " "),
        other => other.to_string(),
    };
    format!(
        "{} {} -> {}",
        r.field.replace(['.', '_'], " "),
        word(&r.from),
        word(&r.to)
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use sw_store::{LedgerList, LedgerRow, Publication, Published, SqliteStore, Store};

    fn incident(id: &str, date: &str, killed: i64) -> String {
        serde_json::json!({
            "id": id, "event_type": "strike", "target_kind": null, "means": null,
            "modality": "occurred", "date": date, "date_precision": "day",
            "window": [date, date], "dates": [], "place": {"name": null, "country": null,
            "region": "Caribbean Sea", "region_code": "caribbean", "admin1": null,
            "lat": null, "lon": null, "precision": 4},
            "figures": {"killed": {"low": killed, "best": killed, "high": killed,
            "contested": false, "basis": "only_value", "values": []}}, "contested": false,
            "denied": false, "grade": "single_source", "stories": 1, "perpetrators": [],
            "target_groups": [], "sources": [], "attached_report_ids": []
        })
        .to_string()
    }

    fn publish(
        store: &mut SqliteStore,
        rows: &[String],
        fates: &[(&str, &str, Option<&str>)],
    ) -> Published {
        let base = store.identities().unwrap().version;
        let build = store.begin_ledger().unwrap();
        let rows: Vec<LedgerRow> = rows
            .iter()
            .enumerate()
            .map(|(i, json)| LedgerRow {
                ord: i as i64,
                json: json.clone(),
            })
            .collect();
        store
            .put_ledger_rows(build, LedgerList::Incidents, &rows)
            .unwrap();
        let p = Publication {
            base,
            at: "2026-12-01T00:00:00Z".into(),
            members: BTreeMap::new(),
            fates: fates
                .iter()
                .map(|(a, b, c)| (a.to_string(), b.to_string(), c.map(str::to_string)))
                .collect(),
        };
        store.publish_ledger_version(build, build, &p).unwrap()
    }

    /// The diff between two versions is exactly what changed: a revised toll (3 -> 4), a new
    /// incident and a merge, nothing about the incident left as it was; the merged id leads
    /// to the survivor, and an unchanged publication makes no version.
    #[test]
    fn a_diff_lists_exactly_the_revised_toll_the_new_incident_and_the_merge() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let v1 = [
            incident("inc-a", "2025-09-02", 3),
            incident("inc-b", "2025-09-15", 2),
            incident("inc-c", "2025-09-16", 2),
        ];
        assert_eq!(publish(&mut store, &v1, &[]), Published::Version(1));
        assert_eq!(publish(&mut store, &v1, &[]), Published::Unchanged(1));
        let v2 = [
            incident("inc-a", "2025-09-02", 4),
            incident("inc-b", "2025-09-15", 2),
            incident("inc-d", "2025-10-01", 6),
        ];
        assert_eq!(
            publish(&mut store, &v2, &[("inc-c", "merged", Some("inc-b"))]),
            Published::Version(2)
        );
        let d = super::diff(&store, 1, 2).unwrap();
        assert_eq!(d.new, ["inc-d"]);
        assert_eq!(d.revised.len(), 1);
        assert_eq!(d.revised[0].id, "inc-a");
        let fields: Vec<(&str, String, String)> = d.revised[0]
            .changes
            .iter()
            .map(|r| (r.field.as_str(), r.from.to_string(), r.to.to_string()))
            .collect();
        assert_eq!(
            fields,
            [
                ("killed.low", "3".into(), "4".into()),
                ("killed.best", "3".into(), "4".into()),
                ("killed.high", "3".into(), "4".into())
            ]
        );
        assert_eq!(
            d.merged,
            [super::Moved {
                id: "inc-c".into(),
                into: "inc-b".into()
            }]
        );
        assert!(d.withdrawn.is_empty() && d.split.is_empty());
        // version 1 is still readable as it was
        let mut old = Vec::new();
        store
            .incidents_at(1, &mut |j| {
                old.push(j.to_string());
                true
            })
            .unwrap();
        assert_eq!(old, v1);
        assert_eq!(
            super::lead(&store, "inc-c", 2).unwrap().as_deref(),
            Some("inc-b")
        );
        let h = super::history(&store, "inc-a").unwrap();
        assert_eq!((h.first_seen, h.last_changed), (Some(1), Some(2)));
        // its correction in words, value by value; no reviewer and no article behind it here
        let c = super::corrections(&store, &h).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].version, 2);
        assert_eq!(c[0].published_at.as_deref(), Some("2026-12-01T00:00:00Z"));
        let words: Vec<String> = c[0].changes.iter().map(super::describe).collect();
        assert_eq!(
            words,
            [
                "killed low 3 -> 4",
                "killed best 3 -> 4",
                "killed high 3 -> 4"
            ]
        );
        assert!(c[0].decisions.is_empty() && c[0].added.is_empty());
        // inc-c merged into inc-b without changing its content: no correction to show
        let h = super::history(&store, "inc-b").unwrap();
        assert!(super::corrections(&store, &h).unwrap().is_empty(), "{h:?}");
        assert!(super::diff(&store, 2, 1).is_err() && super::diff(&store, 1, 3).is_err());
        // a publication whose identity map is older than the latest version is refused
        let build = store.begin_ledger().unwrap();
        let stale = Publication {
            base: Some(1),
            ..Publication::default()
        };
        assert_eq!(
            store.publish_ledger_version(build, 9, &stale).unwrap(),
            Published::Stale
        );
        assert_eq!(store.ledger_versions().unwrap().len(), 2);

        // version 3: part of inc-a split off as inc-e, inc-d's reports gone
        let v3 = [
            incident("inc-a", "2025-09-02", 4),
            incident("inc-e", "2025-09-03", 1),
            incident("inc-b", "2025-09-15", 2),
        ];
        assert_eq!(
            publish(
                &mut store,
                &v3,
                &[
                    ("inc-a", "split", Some("inc-e")),
                    ("inc-d", "withdrawn", None)
                ]
            ),
            Published::Version(3)
        );
        let d = super::diff(&store, 2, 3).unwrap();
        assert_eq!(d.new, ["inc-e"]);
        assert!(d.revised.is_empty() && d.merged.is_empty(), "{d:?}");
        assert_eq!(
            d.split,
            [super::Moved {
                id: "inc-a".into(),
                into: "inc-e".into()
            }]
        );
        assert_eq!(d.withdrawn, ["inc-d"]);
        assert_eq!(super::lead(&store, "inc-d", 3).unwrap(), None);
        // from 1 to 3 at once: the merge and the revision still show
        let d = super::diff(&store, 1, 3).unwrap();
        assert_eq!(d.merged.len(), 1);
        assert_eq!(d.revised.len(), 1);
        assert!(d.withdrawn.is_empty(), "inc-d came and went: {d:?}");
    }
}
