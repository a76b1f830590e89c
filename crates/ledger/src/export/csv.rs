//! `csv`: strikewatch's own table, one row per incident (columns in `EXPORTS.md`).

use std::io::{self, Write};

use super::{csv_table, opt};
use crate::reconcile::IncidentFigure;
use crate::{Incident, Ledger};

pub(super) fn write(ledger: &Ledger, out: &mut dyn Write) -> io::Result<()> {
    csv_table(out, &CSV_COLUMNS, ledger.incidents.iter().map(csv_row))
}

/// Columns of the `csv` export.
pub const CSV_COLUMNS: [&str; 39] = [
    "id",
    "event_type",
    "target_kind",
    "means",
    "modality",
    "date",
    "date_precision",
    "place_name",
    "country",
    "region",
    "admin1",
    "latitude",
    "longitude",
    "place_precision",
    "killed_low",
    "killed_best",
    "killed_high",
    "injured_low",
    "injured_best",
    "injured_high",
    "survivors_low",
    "survivors_best",
    "survivors_high",
    "vessels_best",
    "contested",
    "grade",
    "stories",
    "reports",
    "perpetrators",
    "perpetrator_state",
    "report_ids",
    "urls",
    "outlets",
    "killed_quote",
    "killed_quote_url",
    "review_status",
    "reviewed_values",
    "reviewed_by",
    "review_decisions",
];

pub(super) fn csv_row(i: &Incident) -> Vec<String> {
    let [kl, kb, kh] = fig3(i.figures.killed.as_ref());
    let [il, ib, ih] = fig3(i.figures.injured.as_ref());
    let [sl, sb, sh] = fig3(i.figures.survivors.as_ref());
    let [_, vb, _] = fig3(i.figures.vessels.as_ref());
    vec![
        i.id.clone(),
        i.event_type.as_str().into(),
        opt(i.target_kind.map(|t| t.as_str())),
        opt(i.means.clone()),
        i.modality.as_str().into(),
        opt(i.date.clone()),
        i.date_precision.as_str().into(),
        opt(i.place.name.clone()),
        opt(i.place.country.clone()),
        opt(i.place.region.clone()),
        opt(i.place.admin1.clone()),
        opt(i.place.lat),
        opt(i.place.lon),
        i.place.precision.to_string(),
        kl,
        kb,
        kh,
        il,
        ib,
        ih,
        sl,
        sb,
        sh,
        vb,
        i.contested.to_string(),
        i.grade.as_str().into(),
        i.stories.to_string(),
        i.sources.len().to_string(),
        i.perpetrators
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        opt(i.perpetrator_state().map(str::to_string)),
        i.sources
            .iter()
            .map(|s| s.report_id.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        urls(i),
        crate::distinct(i.sources.iter().filter_map(|s| s.outlet.clone())).join("; "),
        killed_source(i).map_or(String::new(), |s| s.quote.clone()),
        killed_source(i)
            .and_then(|s| s.url.clone())
            .unwrap_or_default(),
    ]
    .into_iter()
    .chain(super::review_cells(i))
    .collect()
}

/// The source behind the best killed value: the earliest-published member report among
/// those giving that value (so a reader of the table has the sentence the number rests on).
fn killed_source(i: &Incident) -> Option<&crate::SourceRef> {
    let f = i.figures.killed.as_ref()?;
    let v = f.values.iter().find(|v| v.best == f.best)?;
    i.sources
        .iter()
        .find(|s| v.report_ids.contains(&s.report_id))
}

fn fig3(f: Option<&IncidentFigure>) -> [String; 3] {
    match f {
        Some(f) => [opt(f.low), opt(f.best), opt(f.high)],
        None => Default::default(),
    }
}

fn urls(i: &Incident) -> String {
    crate::distinct(i.sources.iter().filter_map(|s| s.url.clone())).join(" ")
}
