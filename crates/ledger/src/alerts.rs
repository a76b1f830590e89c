//! Alerts: what changed in the ledger, in the words a person following it wants (a new
//! incident, a revised toll, a new reported total, an incident merged or withdrawn). Pure: the
//! caller (`sw_app::alerts`) reads, from the ledger versions, each changed incident as it was
//! before and as it is now, and the tallies that are new; whatever published the versions
//! (`ingest`, `extract`, `watch`, a review decision), the alerts are the same.
//!
//! Kinds: a new incident; a revised figure (an incident's best killed, injured, ... value
//! moved); a new reported total (a tally that was not there); an incident merged into another
//! (gone, its reports now in an incident that remains); withdrawn (gone, its reports nowhere).
//! Each change carries an idempotency key, a hash of what it says, so a receiver that gets it
//! twice (a retry after a lost answer) can tell.

use crate::{Incident, Tally};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// One change of the ledger, as alerts and webhooks send it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The idempotency key: the same change always has the same key.
    pub key: String,
    /// `new_incident`, `revised_figure`, `new_total`, `merged` or `withdrawn`.
    pub kind: &'static str,
    /// The incident's or the tally's id.
    pub subject: String,
    /// For `merged`: the incident it joined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub into: Option<String>,
    /// For `revised_figure`: which figure, and its best value before and after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<i64>,
    /// The incident's date, country (ISO 3166 alpha-2) and sea region, for filtering.
    pub date: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    /// One line saying what changed.
    pub summary: String,
    /// The first source's URL, where the change can be read.
    pub url: Option<String>,
    /// When the change was seen (milliseconds since the Unix epoch, passed in).
    pub detected_ms: i64,
}

const FIELDS: [&str; 6] = [
    "killed",
    "injured",
    "survivors",
    "missing",
    "detained",
    "vessels",
];

fn best(i: &Incident, field: &str) -> Option<i64> {
    let f = &i.figures;
    let fig = match field {
        "killed" => &f.killed,
        "injured" => &f.injured,
        "survivors" => &f.survivors,
        "missing" => &f.missing,
        "detained" => &f.detained,
        _ => &f.vessels,
    };
    fig.as_ref().and_then(|x| x.best)
}

fn event_code(i: &Incident) -> String {
    serde_json::to_value(i.event_type)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "event".into())
}

fn where_of(i: &Incident) -> String {
    i.place
        .name
        .clone()
        .or_else(|| i.place.region.clone())
        .or_else(|| i.place.country.clone())
        .unwrap_or_else(|| "an unknown place".into())
}

fn key_of(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    h.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn change(i: &Incident, kind: &'static str, summary: String, at: i64) -> Change {
    Change {
        key: key_of(&[kind, &i.id]),
        kind,
        subject: i.id.clone(),
        into: None,
        field: None,
        before: None,
        after: None,
        date: i.date.clone(),
        country: i.place.country.clone(),
        region: i.place.region_code.clone(),
        summary,
        url: i.sources.first().and_then(|s| s.url.clone()),
        detected_ms: at,
    }
}

/// The alerts of one incident, given how it was at the last alerted version (`before`) and
/// how it is now (`after`); for an incident gone, `into` names the incident it was merged into
/// (followed through later merges), or `None` when it was withdrawn.
pub fn incident(
    before: Option<&Incident>,
    after: Option<&Incident>,
    into: Option<&str>,
    at: i64,
) -> Vec<Change> {
    let mut out = Vec::new();
    match (before, after) {
        (None, Some(i)) => {
            let killed = best(i, "killed")
                .map(|k| format!(", {k} killed"))
                .unwrap_or_default();
            let date = i.date.as_deref().unwrap_or("undated");
            out.push(change(
                i,
                "new_incident",
                format!(
                    "new incident: {} in {} ({date}){killed}",
                    event_code(i),
                    where_of(i)
                ),
                at,
            ));
        }
        (Some(o), Some(i)) => {
            for field in FIELDS {
                let (b, a) = (best(o, field), best(i, field));
                if b != a {
                    let shown = |v: Option<i64>| v.map_or("none".into(), |v| v.to_string());
                    let mut c = change(
                        i,
                        "revised_figure",
                        format!(
                            "{field} revised from {} to {} for the incident in {}",
                            shown(b),
                            shown(a),
                            where_of(i)
                        ),
                        at,
                    );
                    c.key = key_of(&["revised_figure", &i.id, field, &shown(a)]);
                    c.field = Some(field);
                    c.before = b;
                    c.after = a;
                    out.push(c);
                }
            }
        }
        (Some(o), None) => out.push(match into {
            Some(into) => {
                let mut c = change(
                    o,
                    "merged",
                    format!("incident in {} merged into {into}", where_of(o)),
                    at,
                );
                c.key = key_of(&["merged", &o.id, into]);
                c.into = Some(into.to_string());
                c
            }
            None => change(
                o,
                "withdrawn",
                format!(
                    "incident in {} withdrawn (no report supports it now)",
                    where_of(o)
                ),
                at,
            ),
        }),
        (None, None) => {}
    }
    out
}

/// The alert of a reported total the ledger did not hold before.
pub fn new_total(t: &Tally, at: i64) -> Change {
    let killed = t
        .killed
        .as_ref()
        .and_then(|r| serde_json::to_value(r).ok())
        .map(|v| format!(", killed {v}"))
        .unwrap_or_default();
    Change {
        key: key_of(&["new_total", &t.id]),
        kind: "new_total",
        subject: t.id.clone(),
        into: None,
        field: None,
        before: None,
        after: None,
        date: t.as_of.clone(),
        country: None,
        region: None,
        summary: format!(
            "new reported total as of {}{killed} ({})",
            t.as_of.as_deref().unwrap_or("an unknown date"),
            t.source.outlet.as_deref().unwrap_or("unknown outlet")
        ),
        url: t.source.url.clone(),
        detected_ms: at,
    }
}
