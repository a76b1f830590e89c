//! Tallies (cumulative claims) and the check of the ledger's own running sums against them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sw_model::{DatePrecision, EventType, Modality, TargetKind};

use crate::reconcile::Range;
use crate::{short_id, Incident, Ledger, ReportInput, Tally};

pub(crate) fn tally_of(r: &ReportInput) -> Tally {
    let f = &r.report.figures;
    let range =
        |x: &Option<sw_model::Figure>| x.as_ref().map(Range::of).filter(|v| v.point().is_some());
    Tally {
        id: short_id("tal", &r.stable_key()),
        as_of: r.report.date.clone(),
        as_of_precision: if r.report.date.is_some() {
            r.report.date_precision
        } else {
            DatePrecision::Unknown
        },
        strikes: range(&f.strikes),
        killed: range(&f.killed),
        survivors: range(&f.survivors),
        vessels: range(&f.vessels),
        source: r.source_ref(),
    }
}

/// A reported total the ledger's own running sum does not reach (or exceeds) at the same
/// as-of date: the trace of incidents the corpus is missing, or of double counting.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct TallyGap {
    pub tally_id: String,
    pub as_of: String,
    /// `killed` or `strikes`.
    pub field: String,
    /// What the outlet reported.
    pub reported: Range,
    /// The ledger's running sum up to and including `as_of`: the sum of best killed
    /// figures, or the number of strike incidents.
    pub ledger: i64,
    /// For `strikes`: the running sum of vessels struck (an incident counts at least one),
    /// since outlets count strikes per vessel as often as per operation.
    pub ledger_vessels: Option<i64>,
    /// Incidents up to `as_of` with no killed figure (they add nothing to `ledger`).
    pub incidents_without_figure: usize,
    /// `reported - ledger` at the nearest reported bound: positive when the ledger is
    /// below the reported total (incidents missing), negative when above.
    pub gap: i64,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub quote: String,
}

/// The incidents a campaign tally counts: strikes that occurred, dated to a day, not
/// against a land site or a person.
fn counted(i: &Incident) -> Option<NaiveDate> {
    if i.event_type != EventType::Strike
        || i.modality != Modality::Occurred
        || i.date_precision != DatePrecision::Day
    {
        return None;
    }
    if matches!(
        i.target_kind,
        Some(TargetKind::LandSite | TargetKind::Person)
    ) {
        return None;
    }
    NaiveDate::parse_from_str(i.date.as_deref()?, "%Y-%m-%d").ok()
}

/// Compares every day-dated tally with the ledger's running sums at the same date and
/// lists those outside the reported range (`at least 66` allows any sum from 66 up).
/// Sorted by as-of date, then tally id.
pub fn tally_check(ledger: &Ledger) -> Vec<TallyGap> {
    tally_check_counted(ledger).0
}

/// [`tally_check`]'s gaps with the count of what was compared and what agreed, from one
/// pass: what `tally --check`, `demo` and the home page's totals panel show.
pub fn tally_check_counted(ledger: &Ledger) -> (Vec<TallyGap>, TallyChecked) {
    let mut all = tally_comparisons(ledger);
    let checked = TallyChecked::of(&all);
    all.retain(|g| g.gap != 0);
    (all, checked)
}

/// How the day-dated tallies compare with the ledger: how many tallies and figures were
/// compared and how many figures agree. Why: a check that lists only the gaps must still say
/// what agreed, or "no gaps" reads as "nothing to check".
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TallyChecked {
    /// Day-dated tallies with a killed or strikes figure.
    pub tallies: usize,
    /// Figures compared (a tally may give killed and strikes).
    pub figures: usize,
    /// Figures within the reported range of the ledger's running sum.
    pub agree: usize,
}

impl TallyChecked {
    /// Counts the comparisons [`tally_comparisons`] made.
    pub fn of(comparisons: &[TallyGap]) -> TallyChecked {
        let tallies = comparisons
            .iter()
            .map(|g| g.tally_id.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        TallyChecked {
            tallies,
            figures: comparisons.len(),
            agree: comparisons.iter().filter(|g| g.gap == 0).count(),
        }
    }
}

/// Every comparison [`tally_check`] makes, the figures that agree with the ledger included
/// (their `gap` is 0). Sorted as `tally_check` sorts.
pub fn tally_comparisons(ledger: &Ledger) -> Vec<TallyGap> {
    // running sums, one entry per incident day
    let mut rows: Vec<(NaiveDate, i64, bool, i64)> = ledger
        .incidents
        .iter()
        .filter_map(|i| {
            let d = counted(i)?;
            let killed = i.figures.killed.as_ref().and_then(|k| k.range().point());
            let vessels = i
                .figures
                .vessels
                .as_ref()
                .and_then(|v| v.range().point())
                .unwrap_or(1)
                .max(1);
            Some((d, killed.unwrap_or(0), killed.is_none(), vessels))
        })
        .collect();
    rows.sort();
    let mut cum: Vec<(NaiveDate, i64, usize, i64, i64)> = Vec::with_capacity(rows.len());
    let (mut k, mut unknown, mut n, mut v) = (0i64, 0usize, 0i64, 0i64);
    for (d, killed, missing, vessels) in rows {
        k += killed;
        unknown += usize::from(missing);
        n += 1;
        v += vessels;
        cum.push((d, k, unknown, n, v));
    }
    let at = |d: NaiveDate| -> (i64, usize, i64, i64) {
        let idx = cum.partition_point(|c| c.0 <= d);
        if idx == 0 {
            (0, 0, 0, 0)
        } else {
            let c = cum[idx - 1];
            (c.1, c.2, c.3, c.4)
        }
    };
    let mut out = Vec::new();
    for t in &ledger.tallies {
        if t.as_of_precision != DatePrecision::Day {
            continue;
        }
        let Some(d) = t
            .as_of
            .as_deref()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        else {
            continue;
        };
        let (killed, unknown, n, vessels) = at(d);
        for (field, reported, sum, vsum) in [
            ("killed", t.killed, killed, None),
            ("strikes", t.strikes, n, Some(vessels)),
        ] {
            let Some(rep) = reported else { continue };
            let (lo, hi) = rep.interval();
            let gap = if sum < lo {
                lo - sum
            } else if sum > hi {
                hi - sum
            } else {
                0
            };
            out.push(TallyGap {
                tally_id: t.id.clone(),
                as_of: d.format("%Y-%m-%d").to_string(),
                field: field.to_string(),
                reported: rep,
                ledger: sum,
                ledger_vessels: vsum,
                incidents_without_figure: unknown,
                gap,
                url: t.source.url.clone(),
                outlet: t.source.outlet.clone(),
                quote: t.source.quote.clone(),
            });
        }
    }
    out.sort_by(|a, b| (&a.as_of, &a.tally_id, &a.field).cmp(&(&b.as_of, &b.tally_id, &b.field)));
    out
}
