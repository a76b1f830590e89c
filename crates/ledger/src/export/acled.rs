//! `acled`: ACLED's columns; dated incidents, then the developments that occurred and are
//! dated (columns in `EXPORTS.md`).

use std::io::{self, Write};

use sw_model::{DatePrecision, EventType, Modality};

use super::{country, csv_table, full_date, host, opt, outlets};
use crate::{Development, Incident, Ledger};

pub(super) fn write(ledger: &Ledger, out: &mut dyn Write) -> io::Result<()> {
    let rows = ledger
        .incidents
        .iter()
        .filter(|i| i.date.is_some())
        .map(acled_incident)
        .chain(
            ledger
                .developments
                .iter()
                .filter(|d| d.modality == Modality::Occurred && d.date.is_some())
                .map(acled_development),
        );
    csv_table(out, &ACLED_COLUMNS, rows)
}

/// Columns of the `acled` export (ACLED's own names and order).
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// ACLED's geo_precision: 1 a town, 2 near a town or a district, 3 a province or larger.
fn acled_geo(precision: u8) -> u8 {
    match precision {
        1 => 1,
        2 => 2,
        _ => 3,
    }
}

/// ACLED's time_precision: 1 day, 2 within a week, 3 within a month.
fn acled_time(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 1,
        DatePrecision::Week => 2,
        _ => 3,
    }
}

/// Unix seconds of midnight UTC of a `YYYY-MM-DD` date.
fn unix_day(date: Option<&str>) -> String {
    date.and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp().to_string())
        .unwrap_or_default()
}

const US_FORCES: &str = "Military Forces of the United States (2025-)";

/// ACLED's actor1 and inter1 of an incident: a state's military forces (inter 1 at home, 8
/// abroad), a named non-state group (inter 2), or, with no perpetrator named, the campaign's
/// (U.S. forces).
fn actor1(i: &Incident) -> (String, u8) {
    let Some(p) = i.perpetrator() else {
        return (US_FORCES.to_string(), 8);
    };
    if p.non_state {
        return (p.name.clone(), 2);
    }
    match p.state.as_deref() {
        Some("US") | None => (US_FORCES.to_string(), 8),
        Some(s) => {
            let name = country(Some(s)).map_or(s, |c| c.3);
            let home = i.place.country.as_deref() == Some(s);
            (
                format!("Military Forces of {name}"),
                if home { 1 } else { 8 },
            )
        }
    }
}

fn acled_incident(i: &Incident) -> Vec<String> {
    let date = full_date(i.date.as_deref().unwrap_or_default());
    let (event_type, sub) = match i.event_type {
        EventType::Strike if i.means.as_deref() == Some("naval_fire") => (
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        EventType::Strike => ("Explosions/Remote violence", "Air/drone strike"),
        EventType::Raid => ("Battles", "Armed clash"),
        EventType::Attack => ("Battles", "Armed clash"),
        _ => ("Strategic developments", "Other"),
    };
    let disorder = if event_type == "Strategic developments" {
        "Strategic developments"
    } else {
        "Political violence"
    };
    let c = country(i.place.country.as_deref());
    let actor2 = i
        .target_groups
        .first()
        .map(|a| a.name.clone())
        .unwrap_or_else(|| "Unidentified Armed Group".to_string());
    let fatalities = i
        .figures
        .killed
        .as_ref()
        .and_then(|k| k.low.or(k.best))
        .unwrap_or(0);
    let killed = i.figures.killed.as_ref().and_then(|k| k.best);
    let mut notes = format!(
        "On {}, {} {}{}{}. Grade: {}{}. {} independent stories; strikewatch id {}.",
        i.date.as_deref().unwrap_or(""),
        match i.perpetrator() {
            None => "a state force".to_string(),
            Some(p) if p.state.as_deref() == Some("US") || (p.state.is_none() && !p.non_state) => {
                "U.S. forces".to_string()
            }
            Some(p) => p.name.clone(),
        },
        match i.event_type {
            EventType::Raid => "carried out a raid",
            EventType::Attack => "carried out an attack",
            _ => "carried out a strike",
        },
        match i.target_kind.map(|t| t.as_str()) {
            Some("vessel") => " on a vessel".to_string(),
            Some("land_site") => " on a land site".to_string(),
            _ => String::new(),
        },
        match (&i.place.name, killed) {
            (Some(p), Some(k)) => format!(" in {p}, killing {k}"),
            (Some(p), None) => format!(" in {p}"),
            (None, Some(k)) => format!(", killing {k}"),
            (None, None) => String::new(),
        },
        i.grade.as_str(),
        if i.contested {
            ", figures contested"
        } else {
            ""
        },
        i.stories,
        i.id
    );
    if let Some(r) = &i.review {
        let values = super::reviewed_values(r);
        notes.push_str(&format!(
            " Human review ({}){}{}.",
            r.decisions.join(", "),
            r.status
                .as_deref()
                .map_or(String::new(), |s| format!(": {s}")),
            if values.is_empty() {
                String::new()
            } else {
                format!("; set {}", values.join(", "))
            },
        ));
    }
    let mut tags = vec![format!("grade={}", i.grade.as_str())];
    if let Some(r) = &i.review {
        tags.push(format!(
            "reviewed={}",
            r.status.as_deref().unwrap_or("edited")
        ));
    }
    if i.contested {
        tags.push("contested".into());
    }
    if let Some(t) = i.target_kind {
        tags.push(format!("target={}", t.as_str()));
    }
    let (actor1, inter1) = actor1(i);
    let inter2 = 3;
    vec![
        format!("{}{}", c.map(|c| c.2).unwrap_or("XXX"), &i.id[4..]),
        date.clone(),
        date.get(..4).unwrap_or_default().to_string(),
        acled_time(i.date_precision).to_string(),
        disorder.into(),
        event_type.into(),
        sub.into(),
        actor1,
        i.perpetrators
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        inter1.to_string(),
        actor2,
        String::new(),
        inter2.to_string(),
        format!("{}{}", inter2.min(inter1), inter2.max(inter1)),
        String::new(),
        c.map(|c| c.1.to_string()).unwrap_or_default(),
        i.place
            .region
            .clone()
            .or_else(|| c.map(|c| c.4.to_string()))
            .unwrap_or_default(),
        c.map(|c| c.3.to_string()).unwrap_or_default(),
        opt(i.place.admin1.clone()),
        String::new(),
        String::new(),
        opt(i.place.name.clone()),
        opt(i.place.lat),
        opt(i.place.lon),
        acled_geo(i.place.precision).to_string(),
        outlets(i).join("; "),
        "Other".into(),
        notes,
        fatalities.to_string(),
        tags.join("; "),
        unix_day(
            i.sources
                .iter()
                .filter_map(|s| s.published.as_deref())
                .max(),
        ),
    ]
}

fn acled_development(d: &Development) -> Vec<String> {
    let date = full_date(d.date.as_deref().unwrap_or_default());
    let sub = match d.event_type {
        EventType::Deployment => "Change to group/activity",
        _ => "Other",
    };
    let place = d.place.clone().unwrap_or_else(crate::Place::none);
    let c = country(place.country.as_deref());
    let id = &d.id[4..];
    let outlet = d
        .source
        .outlet
        .clone()
        .or_else(|| host(d.source.url.as_deref()))
        .unwrap_or_default();
    vec![
        format!("{}{}", c.map(|c| c.2).unwrap_or("XXX"), id),
        date.clone(),
        date.get(..4).unwrap_or_default().to_string(),
        acled_time(d.date_precision).to_string(),
        "Strategic developments".into(),
        "Strategic developments".into(),
        sub.into(),
        US_FORCES.into(),
        d.actors
            .iter()
            .filter(|a| !a.alleged)
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        "8".into(),
        String::new(),
        d.actors
            .iter()
            .filter(|a| a.alleged)
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        String::new(),
        "80".into(),
        String::new(),
        c.map(|c| c.1.to_string()).unwrap_or_default(),
        place
            .region
            .clone()
            .or_else(|| c.map(|c| c.4.to_string()))
            .unwrap_or_default(),
        c.map(|c| c.3.to_string()).unwrap_or_default(),
        opt(place.admin1.clone()),
        String::new(),
        String::new(),
        opt(place.name.clone()),
        opt(place.lat),
        opt(place.lon),
        acled_geo(place.precision).to_string(),
        outlet,
        "Other".into(),
        format!(
            "{} ({}); strikewatch id {}.",
            d.event_type.as_str(),
            d.modality.as_str(),
            d.id
        ),
        "0".into(),
        format!("development={}", d.event_type.as_str()),
        unix_day(d.source.published.as_deref()),
    ]
}
