//! An incident as a list shows it: every field `incidents --json` writes, in its order, but
//! only the first few sources and references, with how many there are and where the rest
//! are, and likewise only the first few ids of every list of evidence inside it (a figure
//! value's `report_ids` and `article_ids`, a date's `report_ids`, `attached_report_ids`),
//! each followed by its count (`reports_total`, `articles_total`, `attached_total`). Why: an
//! incident of a widely covered event has hundreds of sources (each with its quote: ~400
//! bytes) and as many ids behind each value, so a page of 100 full incidents was 38 MB on a
//! 100k-article store; a reader of a list wants the incidents, and opens one to read its
//! evidence.
//!
//! The CLI's `incidents --json` and the exports are untouched: they write whole incidents.

use serde::Serialize;
use sw_ledger::{
    ActorRef, Attribution, DateValue, FigureValue, Grade, Incident, IncidentFigure,
    IncidentFigures, Place, SourceRef,
};
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
    dates: Vec<Date<'a>>,
    place: &'a Place,
    figures: Figures<'a>,
    contested: bool,
    denied: bool,
    grade: Grade,
    stories: usize,
    perpetrators: &'a [ActorRef],
    target_groups: &'a [ActorRef],
    /// The first `sources=` sources (earliest published first, as in the incident).
    sources: &'a [SourceRef],
    attached_report_ids: &'a [i64],
    /// How many reports were attached (`attached_report_ids` lists the first few).
    attached_total: usize,
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
            dates: i.dates.iter().map(|d| Date::of(d, cap)).collect(),
            place: &i.place,
            figures: Figures::of(&i.figures, cap),
            contested: i.contested,
            denied: i.denied,
            grade: i.grade,
            stories: i.stories,
            perpetrators: &i.perpetrators,
            target_groups: &i.target_groups,
            sources: first(&i.sources, cap),
            attached_report_ids: first(&i.attached_report_ids, cap),
            attached_total: i.attached_report_ids.len(),
            references: first(&i.references, cap),
            sources_total: i.sources.len(),
            references_total: i.references.len(),
            sources_url: format!("/api/incidents/{}/sources", i.id),
        }
    }
}

fn first<T>(all: &[T], cap: usize) -> &[T] {
    &all[..cap.min(all.len())]
}

/// A [`DateValue`] with its first few report ids.
#[derive(Serialize)]
struct Date<'a> {
    date: &'a Option<String>,
    precision: DatePrecision,
    report_ids: &'a [i64],
    stories: usize,
    reports_total: usize,
}

impl<'a> Date<'a> {
    fn of(d: &'a DateValue, cap: usize) -> Date<'a> {
        Date {
            date: &d.date,
            precision: d.precision,
            report_ids: first(&d.report_ids, cap),
            stories: d.stories,
            reports_total: d.report_ids.len(),
        }
    }
}

/// [`IncidentFigures`], each value with its first few report and article ids.
#[derive(Serialize)]
struct Figures<'a> {
    killed: Option<Figure<'a>>,
    injured: Option<Figure<'a>>,
    survivors: Option<Figure<'a>>,
    missing: Option<Figure<'a>>,
    detained: Option<Figure<'a>>,
    vessels: Option<Figure<'a>>,
}

impl<'a> Figures<'a> {
    fn of(f: &'a IncidentFigures, cap: usize) -> Figures<'a> {
        let one = |x: &'a Option<IncidentFigure>| x.as_ref().map(|x| Figure::of(x, cap));
        Figures {
            killed: one(&f.killed),
            injured: one(&f.injured),
            survivors: one(&f.survivors),
            missing: one(&f.missing),
            detained: one(&f.detained),
            vessels: one(&f.vessels),
        }
    }
}

#[derive(Serialize)]
struct Figure<'a> {
    low: Option<i64>,
    best: Option<i64>,
    high: Option<i64>,
    contested: bool,
    basis: &'a str,
    values: Vec<Value<'a>>,
}

impl<'a> Figure<'a> {
    fn of(f: &'a IncidentFigure, cap: usize) -> Figure<'a> {
        Figure {
            low: f.low,
            best: f.best,
            high: f.high,
            contested: f.contested,
            basis: &f.basis,
            values: f.values.iter().map(|v| Value::of(v, cap)).collect(),
        }
    }
}

#[derive(Serialize)]
struct Value<'a> {
    low: Option<i64>,
    best: Option<i64>,
    high: Option<i64>,
    approx: bool,
    surfaces: &'a [String],
    acknowledged: bool,
    stories: usize,
    report_ids: &'a [i64],
    article_ids: &'a [i64],
    attributed_to: &'a [Attribution],
    last_published: &'a Option<String>,
    reports_total: usize,
    articles_total: usize,
}

impl<'a> Value<'a> {
    fn of(v: &'a FigureValue, cap: usize) -> Value<'a> {
        Value {
            low: v.low,
            best: v.best,
            high: v.high,
            approx: v.approx,
            surfaces: &v.surfaces,
            acknowledged: v.acknowledged,
            stories: v.stories,
            report_ids: first(&v.report_ids, cap),
            article_ids: first(&v.article_ids, cap),
            attributed_to: &v.attributed_to,
            last_published: &v.last_published,
            reports_total: v.report_ids.len(),
            articles_total: v.article_ids.len(),
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
        "figures": { "killed": { "low": 3, "best": 3, "high": 3, "contested": false,
            "basis": "most_stories", "values": [{ "low": 3, "best": 3, "high": 3,
            "approx": false, "surfaces": ["three"], "acknowledged": true, "stories": 2,
            "report_ids": [1, 2, 3, 4, 5, 6, 7], "article_ids": [1, 2, 3, 4, 5, 6, 7],
            "attributed_to": [{ "kind": "official", "name": "Southern Command" }],
            "last_published": "2025-11-05" }] } },
        "contested": false, "denied": false, "grade": "corroborated",
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

    /// `v` without the fields a list adds (counts and the link).
    fn without_counts(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.retain(|k, _| !k.ends_with("_total") && k != "sources_url");
                m.values_mut().for_each(without_counts);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(without_counts),
            _ => {}
        }
    }

    #[test]
    fn uncapped_it_is_the_incident_field_for_field_then_the_counts() {
        for (n, r) in [(0, 0), (3, 0), (2, 4)] {
            let i = incident(n, r);
            let listed = serde_json::to_value(Listed::of(&i, usize::MAX)).unwrap();
            assert_eq!(listed["sources_total"], n);
            assert_eq!(listed["references_total"], r);
            assert_eq!(listed["attached_total"], 1);
            assert_eq!(listed["figures"]["killed"]["values"][0]["reports_total"], 7);
            assert_eq!(listed["dates"][0]["reports_total"], 2);
            let url = &listed["sources_url"];
            assert_eq!(url, "/api/incidents/inc-0123456789ab/sources");
            let mut stripped = listed.clone();
            without_counts(&mut stripped);
            assert_eq!(stripped, serde_json::to_value(&i).unwrap());
        }
        // the incident's own fields come first, in its order
        let i = incident(1, 0);
        let (listed, whole) = both(&i, usize::MAX);
        let (head, _) = whole.split_once(",\"dates\"").unwrap();
        assert!(listed.starts_with(head), "{listed}\n{whole}");
    }

    #[test]
    fn sources_and_references_are_capped_with_their_totals() {
        let i = incident(850, 12);
        let v = serde_json::to_value(Listed::of(&i, SOURCES)).unwrap();
        assert_eq!(v["sources"].as_array().unwrap().len(), SOURCES);
        assert_eq!(v["sources"][0]["report_id"], 0, "the earliest first");
        assert_eq!(v["references"].as_array().unwrap().len(), SOURCES);
        let value = &v["figures"]["killed"]["values"][0];
        assert_eq!(value["report_ids"].as_array().unwrap().len(), SOURCES);
        assert_eq!(value["article_ids"].as_array().unwrap().len(), SOURCES);
        let totals = (
            value["reports_total"].as_u64(),
            value["articles_total"].as_u64(),
        );
        assert_eq!(totals, (Some(7), Some(7)));
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
