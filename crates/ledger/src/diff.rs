//! What changed in one incident between two ledger versions: which figure or attribute, from
//! what to what. Pure: the caller reads the two versions of the incident.

use serde::Serialize;
use serde_json::Value;

use crate::Incident;

/// One attribute of an incident that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revision {
    /// `date`, `event_type`, `place`, `grade`, `stories`, `contested`, `perpetrator`, or a
    /// figure's bound (`killed.best`, `vessels.high`, ...).
    pub field: String,
    pub from: Value,
    pub to: Value,
}

/// The attributes that changed from `a` to `b`, figures bound by bound. Sources gained or
/// lost show as `sources` (their count), so a revision that changed no figure still says
/// what moved.
pub fn revisions(a: &Incident, b: &Incident) -> Vec<Revision> {
    let mut out = Vec::new();
    let mut put = |field: &str, from: Value, to: Value| {
        if from != to {
            out.push(Revision {
                field: field.to_string(),
                from,
                to,
            });
        }
    };
    let j = |v: &dyn erased::Ser| v.value();
    put("event_type", j(&a.event_type), j(&b.event_type));
    put("date", j(&a.date), j(&b.date));
    put("date_precision", j(&a.date_precision), j(&b.date_precision));
    put("place", j(&a.place.label()), j(&b.place.label()));
    put("grade", j(&a.grade), j(&b.grade));
    put("contested", j(&a.contested), j(&b.contested));
    put("stories", j(&a.stories), j(&b.stories));
    put("sources", j(&a.sources.len()), j(&b.sources.len()));
    put(
        "perpetrator",
        j(&a.perpetrator().map(|p| p.name.clone())),
        j(&b.perpetrator().map(|p| p.name.clone())),
    );
    let fa = serde_json::to_value(&a.figures).unwrap_or(Value::Null);
    let fb = serde_json::to_value(&b.figures).unwrap_or(Value::Null);
    let mut names: Vec<&String> = fa
        .as_object()
        .into_iter()
        .chain(fb.as_object())
        .flat_map(|m| m.keys())
        .collect();
    names.sort();
    names.dedup();
    for name in names {
        for bound in ["low", "best", "high"] {
            let get = |f: &Value| f.get(name).and_then(|x| x.get(bound)).cloned();
            put(
                &format!("{name}.{bound}"),
                get(&fa).unwrap_or(Value::Null),
                get(&fb).unwrap_or(Value::Null),
            );
        }
    }
    out
}

mod erased {
    /// Any serialisable value, as a JSON value (for comparing attributes of mixed types).
    pub trait Ser {
        fn value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn value(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
}

impl crate::Place {
    /// The place as people name it: its name, else its sea region, else its country.
    pub fn label(&self) -> Option<String> {
        self.name
            .clone()
            .or_else(|| self.region.clone())
            .or_else(|| self.country.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revised_toll_is_named_with_its_old_and_new_value() {
        let a: Incident = serde_json::from_value(serde_json::json!({
            "id": "inc-a", "event_type": "strike", "target_kind": null, "means": null,
            "modality": "occurred", "date": "2025-09-02", "date_precision": "day",
            "window": null, "dates": [], "place": {"name": null, "country": null,
            "region": "Caribbean Sea", "region_code": "caribbean", "admin1": null,
            "lat": null, "lon": null, "precision": 4},
            "figures": {"killed": {"low": 3, "best": 3, "high": 3, "contested": false,
            "basis": "only_value", "values": []}}, "contested": false, "denied": false,
            "grade": "single_source", "stories": 1, "perpetrators": [],
            "target_groups": [], "sources": [], "attached_report_ids": []
        }))
        .unwrap();
        let mut b = a.clone();
        assert!(revisions(&a, &b).is_empty());
        b.figures.killed.as_mut().unwrap().best = Some(4);
        b.figures.killed.as_mut().unwrap().high = Some(4);
        let r = revisions(&a, &b);
        let fields: Vec<&str> = r.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(fields, ["killed.best", "killed.high"]);
        assert_eq!((r[0].from.clone(), r[0].to.clone()), (3.into(), 4.into()));
    }
}
