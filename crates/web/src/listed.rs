//! An incident as a list shows it: every field `incidents --json` writes, in its order, but
//! only the first few sources and references, with how many there are and where the rest
//! are. Why: an incident of a widely covered event has hundreds of sources (each with its
//! quote: ~400 bytes), so a page of 100 full incidents was 38 MB on a 100k-article store;
//! a reader of a list wants the incidents, and opens one to read its sources.
//!
//! The CLI's `incidents --json` and the exports are untouched: they write whole incidents.

use serde::Serialize;
use sw_ledger::{ActorRef, DateValue, Grade, Incident, IncidentFigures, Place, SourceRef};
use sw_model::{DatePrecision, EventType, Modality, TargetKind};

/// Sources (and references) listed per incident by default.
pub const SOURCES: usize = 5;
/// The most a client may ask for per incident (`sources=`); the rest are paged at
/// `/api/incidents/{id}/sources`.
pub const MAX_SOURCES: usize = 100;

/// Borrowed from an [`Incident`], field for field (same names, same order, same
/// serialization: a test holds them equal), then the counts and the link.
#[derive(Serialize)]
pub struct Listed<'a> {
    id: &'a str,
    event_type: EventType,
    target_kind: Option<TargetKind>,
    means: &'a Option<String>,
    modality: Modality,
    date: &'a Option<String>,
    date_precision: DatePrecision,
    window: &'a Option<[String; 2]>,
    dates: &'a [DateValue],
    place: &'a Place,
    figures: &'a IncidentFigures,
    contested: bool,
    denied: bool,
    grade: Grade,
    stories: usize,
    perpetrators: &'a [ActorRef],
    target_groups: &'a [ActorRef],
    /// The first `sources=` sources (earliest published first, as in the incident).
    sources: &'a [SourceRef],
    attached_report_ids: &'a [i64],
    #[serde(skip_serializing_if = "<[SourceRef]>::is_empty")]
    references: &'a [SourceRef],
    /// How many sources the incident has.
    sources_total: usize,
    /// How many references it has (0: none, and no `references` field, as in the incident).
    references_total: usize,
    /// Where every source is, paged.
    sources_url: String,
}

impl<'a> Listed<'a> {
    /// `i` with at most `cap` of its sources and of its references.
    pub fn of(i: &'a Incident, cap: usize) -> Listed<'a> {
        Listed {
            id: &i.id,
            event_type: i.event_type,
            target_kind: i.target_kind,
            means: &i.means,
            modality: i.modality,
            date: &i.date,
            date_precision: i.date_precision,
            window: &i.window,
            dates: &i.dates,
            place: &i.place,
            figures: &i.figures,
            contested: i.contested,
            denied: i.denied,
            grade: i.grade,
            stories: i.stories,
            perpetrators: &i.perpetrators,
            target_groups: &i.target_groups,
            sources: &i.sources[..cap.min(i.sources.len())],
            attached_report_ids: &i.attached_report_ids,
            references: &i.references[..cap.min(i.references.len())],
            sources_total: i.sources.len(),
            references_total: i.references.len(),
            sources_url: format!("/api/incidents/{}/sources", i.id),
        }
    }
}

/// An incident with `n` sources and `r` references, for tests.
#[cfg(test)]
pub(crate) fn sample_incident(n: usize, r: usize) -> Incident {
    let source = |k: usize| SourceRef {
        report_id: k as i64,
        article_id: k as i64,
        story_id: k as i64,
        url: Some(format!("https://example.org/{k}")),
        outlet: Some("example.org".into()),
        published: Some("2025-11-05".into()),
        lang: "en".into(),
        attributed_to: sw_ledger::Attribution {
            kind: sw_model::SourceKind::Outlet,
            name: None,
        },
        quote: format!("quote {k}"),
    };
    let json = serde_json::json!({
        "id": "inc-0123456789ab", "event_type": "strike", "target_kind": "vessel",
        "means": "missile", "modality": "occurred", "date": "2025-11-04",
        "date_precision": "day", "window": ["2025-11-04", "2025-11-04"],
        "dates": [{ "date": "2025-11-04", "precision": "day", "report_ids": [1, 2], "stories": 2 }],
        "place": { "name": "eastern Pacific", "country": null, "region": "eastern Pacific",
                   "region_code": "eastern_pacific", "admin1": null, "lat": 10.0, "lon": -95.0,
                   "precision": 4 },
        "figures": {}, "contested": false, "denied": false, "grade": "corroborated",
        "stories": 2, "perpetrators": [{ "name": "United States", "alleged": false, "state": "US" }],
        "target_groups": [], "sources": [], "attached_report_ids": [7]
    });
    let mut i: Incident = serde_json::from_value(json).expect("an incident");
    i.sources = (0..n).map(source).collect();
    i.references = (0..r).map(|k| source(1000 + k)).collect();
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incident(n: usize, r: usize) -> Incident {
        sample_incident(n, r)
    }

    /// The JSON of `i` as listed, and as `incidents --json` writes it.
    fn both(i: &Incident, cap: usize) -> (String, String) {
        (
            serde_json::to_string(&Listed::of(i, cap)).unwrap(),
            serde_json::to_string(i).unwrap(),
        )
    }

    #[test]
    fn uncapped_it_is_the_incident_byte_for_byte_then_the_counts() {
        for (n, r) in [(0, 0), (3, 0), (2, 4)] {
            let i = incident(n, r);
            let (listed, whole) = both(&i, usize::MAX);
            let head = whole.strip_suffix('}').unwrap();
            assert!(listed.starts_with(head), "{listed}\n{whole}");
            let tail: serde_json::Value =
                serde_json::from_str(&format!("{{{}", &listed[head.len() + 1..])).unwrap();
            assert_eq!(tail["sources_total"], n);
            assert_eq!(tail["references_total"], r);
            assert_eq!(
                tail["sources_url"],
                "/api/incidents/inc-0123456789ab/sources"
            );
        }
    }

    #[test]
    fn sources_and_references_are_capped_with_their_totals() {
        let i = incident(850, 12);
        let v = serde_json::to_value(Listed::of(&i, SOURCES)).unwrap();
        assert_eq!(v["sources"].as_array().unwrap().len(), SOURCES);
        assert_eq!(v["sources"][0]["report_id"], 0, "the earliest first");
        assert_eq!(v["references"].as_array().unwrap().len(), SOURCES);
        assert_eq!(
            (v["sources_total"].as_u64(), v["references_total"].as_u64()),
            (Some(850), Some(12))
        );
        let (capped, whole) = both(&i, SOURCES);
        assert!(
            capped.len() * 20 < whole.len(),
            "{} vs {}",
            capped.len(),
            whole.len()
        );
        // no sources wanted: none listed, still counted
        let v = serde_json::to_value(Listed::of(&i, 0)).unwrap();
        assert!(v["sources"].as_array().unwrap().is_empty());
        assert!(v.get("references").is_none());
        assert_eq!(v["sources_total"], 850);
    }
}
