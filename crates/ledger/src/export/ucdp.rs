//! `ucdp`: UCDP GED-style columns; one row per dated strike or raid incident (columns in
//! `EXPORTS.md`).

use std::io::{self, Write};

use sw_model::{DatePrecision, EventType};

use super::{country, csv_table, full_date, host, opt, outlets};
use crate::{Grade, Incident, Ledger};

pub(super) fn write(ledger: &Ledger, out: &mut dyn Write) -> io::Result<()> {
    csv_table(
        out,
        &UCDP_COLUMNS,
        ledger
            .incidents
            .iter()
            .filter(|i| {
                i.date.is_some() && matches!(i.event_type, EventType::Strike | EventType::Raid)
            })
            .map(ucdp_row),
    )
}

/// Columns of the `ucdp` export (UCDP GED names).
pub const UCDP_COLUMNS: [&str; 28] = [
    "id",
    "relid",
    "year",
    "type_of_violence",
    "side_a",
    "side_b",
    "source_article",
    "source_office",
    "source_date",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "latitude",
    "longitude",
    "geom_wkt",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_unknown",
    "best",
    "low",
    "high",
];

/// UCDP where_prec: 1 exact place, 3 second-order division, 4 first-order division,
/// 6 country, 7 international waters or airspace (a named sea region or nothing).
fn ucdp_where(i: &Incident) -> u8 {
    match i.place.precision {
        1 => 1,
        2 => 3,
        3 => 4,
        4 if i.place.region_code.is_none() => 6,
        _ => 7,
    }
}

/// UCDP date_prec: 1 the day, 3 within a week, 4 within a month, 5 longer.
fn ucdp_date(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 1,
        DatePrecision::Week => 3,
        DatePrecision::Month => 4,
        _ => 5,
    }
}

fn date_end(date: &str, p: DatePrecision) -> String {
    let start = full_date(date);
    let Ok(d) = chrono::NaiveDate::parse_from_str(&start, "%Y-%m-%d") else {
        return start;
    };
    let end = match p {
        DatePrecision::Week => d.checked_add_days(chrono::Days::new(6)),
        DatePrecision::Month => d
            .checked_add_months(chrono::Months::new(1))
            .and_then(|x| x.pred_opt()),
        DatePrecision::Year => chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&d), 12, 31),
        _ => Some(d),
    };
    end.map(|e| e.format("%Y-%m-%d").to_string())
        .unwrap_or(start)
}

fn ucdp_row(i: &Incident) -> Vec<String> {
    let date = i.date.as_deref().unwrap_or_default();
    let c = country(i.place.country.as_deref());
    let k = i.figures.killed.as_ref();
    let best = k.and_then(|k| k.best.or(k.low)).unwrap_or(0);
    let high = k.and_then(|k| k.high).unwrap_or(best).max(best);
    let low = k.and_then(|k| k.low).unwrap_or(best).min(best);
    let originals = crate::distinct(i.sources.iter().filter_map(|s| {
        s.attributed_to
            .name
            .clone()
            .or_else(|| Some(s.attributed_to.kind.as_str().to_string()))
    }));
    let published = i.sources.iter().filter_map(|s| s.published.clone()).min();
    // UCDP's regions: the campaign's seas and the countries of the Americas are "Americas";
    // the Middle East, Africa, Asia and Europe by the country's own region
    let ucdp_region = match c.map(|c| c.4) {
        _ if i.place.region_code.is_some() => "Americas",
        Some("Caribbean" | "Central America" | "South America" | "North America") => "Americas",
        Some("Middle East") => "Middle East",
        Some(r) if r.ends_with("Africa") => "Africa",
        Some(r) if r.ends_with("Asia") => "Asia",
        Some("Europe") => "Europe",
        _ => "",
    };
    let side_a = match i.perpetrator_state().and_then(|s| country(Some(s))) {
        Some(p) if p.0 == "US" => "Government of United States of America".to_string(),
        Some(p) => format!("Government of {}", p.3),
        None => "Government of United States of America".to_string(),
    };
    vec![
        i.id.clone(),
        i.sources
            .iter()
            .map(|s| s.report_id.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        full_date(date).get(..4).unwrap_or_default().to_string(),
        "3".into(),
        side_a,
        i.target_groups
            .first()
            .map(|a| a.name.clone())
            .unwrap_or_else(|| "Civilians".into()),
        i.sources
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    s.outlet
                        .clone()
                        .or_else(|| host(s.url.as_deref()))
                        .unwrap_or_default(),
                    s.url.clone().unwrap_or_default()
                )
                .trim()
                .to_string()
            })
            .collect::<Vec<_>>()
            .join(";"),
        outlets(i).join(";"),
        opt(published),
        originals.join(";"),
        ucdp_where(i).to_string(),
        opt(i.place.name.clone()),
        opt(i.place.name.clone()),
        opt(i.place.admin1.clone()),
        opt(i.place.lat),
        opt(i.place.lon),
        match (i.place.lat, i.place.lon) {
            (Some(lat), Some(lon)) => format!("POINT ({lon} {lat})"),
            _ => String::new(),
        },
        c.map(|c| c.3.to_string()).unwrap_or_default(),
        c.map(|c| c.1.to_string()).unwrap_or_default(),
        ucdp_region.to_string(),
        if matches!(i.grade, Grade::Acknowledged | Grade::Corroborated) {
            "1"
        } else {
            "2"
        }
        .into(),
        ucdp_date(i.date_precision).to_string(),
        full_date(date),
        date_end(date, i.date_precision),
        best.to_string(),
        best.to_string(),
        low.to_string(),
        high.to_string(),
    ]
}
