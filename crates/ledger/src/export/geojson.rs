//! `geojson`: a FeatureCollection of Points, one per incident whose place has coordinates
//! (properties in `EXPORTS.md`).

use std::io::{self, Write};

use serde_json::{json, Value};

use super::pretty_json;
use crate::reconcile::IncidentFigure;
use crate::Ledger;

pub(super) fn write(ledger: &Ledger, out: &mut dyn Write) -> io::Result<()> {
    pretty_json(out, &geojson(ledger))
}

fn fig_json(f: Option<&IncidentFigure>) -> Value {
    match f {
        Some(f) => json!({"low": f.low, "best": f.best, "high": f.high, "contested": f.contested}),
        None => Value::Null,
    }
}

pub(super) fn geojson(ledger: &Ledger) -> Value {
    let features: Vec<Value> = ledger
        .incidents
        .iter()
        .filter_map(|i| {
            let (lat, lon) = (i.place.lat?, i.place.lon?);
            Some(json!({
                "type": "Feature",
                "id": i.id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "id": i.id,
                    "event_type": i.event_type.as_str(),
                    "target_kind": i.target_kind.map(|t| t.as_str()),
                    "date": i.date,
                    "date_precision": i.date_precision.as_str(),
                    "place_name": i.place.name,
                    "country": i.place.country,
                    "region": i.place.region,
                    "precision": i.place.precision,
                    "killed": fig_json(i.figures.killed.as_ref()),
                    "injured": fig_json(i.figures.injured.as_ref()),
                    "survivors": fig_json(i.figures.survivors.as_ref()),
                    "vessels": fig_json(i.figures.vessels.as_ref()),
                    "grade": i.grade.as_str(),
                    "contested": i.contested,
                    "stories": i.stories,
                    "urls": i.sources.iter().filter_map(|s| s.url.clone()).collect::<Vec<_>>(),
                }
            }))
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}
