//! The timeline as people read it: per period (a month unless asked otherwise) the strikes
//! and the killed of the incidents a filter keeps, their running sums, and the totals outlets
//! reported in that period as a spread (how many, lowest, median, highest). One point per
//! reported tally does not scale: a 100k-article store holds 68,093 of them, which made
//! `/api/timeline` 7.2 MB and a chart of as many marks. The size of a series grows with the
//! time the ledger spans, not with the number of articles; the per-tally detail is still
//! served, a page at a time (`/api/timeline?detail=1`).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sw_ledger::{Incident, Tally};
use sw_model::EventType;

/// The length of time one point of a series stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Day,
    Week,
    Month,
}

impl Unit {
    /// A day while the span is a few months, then a week, then a month: a chart then has at
    /// most ~120 points a series however long the ledger runs.
    pub fn for_span(days: i64) -> Unit {
        if days <= 120 {
            Unit::Day
        } else if days <= 7 * 120 {
            Unit::Week
        } else {
            Unit::Month
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
        }
    }

    /// The first day of the period `d` falls in (weeks start on Monday).
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Unit::Day => d,
            Unit::Week => d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday())),
            Unit::Month => d.with_day(1).unwrap_or(d),
        }
    }

    /// The period an incident's date falls in: a day date in any unit; a month date
    /// (`YYYY-MM`) only in months, since it names no day or week.
    fn period_of(self, date: &str) -> Option<NaiveDate> {
        if let Ok(d) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            return Some(self.start(d));
        }
        if self == Unit::Month && date.len() == 7 {
            return NaiveDate::parse_from_str(&format!("{date}-01"), "%Y-%m-%d").ok();
        }
        None
    }
}

/// The totals outlets reported in one period, for one figure.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Spread {
    pub count: usize,
    pub min: i64,
    pub median: i64,
    pub max: i64,
    /// The outlet of the only total, when there is one total (a chart names it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

impl Spread {
    /// The spread of `values` (value, outlet); none when there are none.
    fn of(mut values: Vec<(i64, Option<&str>)>) -> Option<Spread> {
        if values.is_empty() {
            return None;
        }
        values.sort_unstable_by_key(|v| v.0);
        let n = values.len();
        Some(Spread {
            count: n,
            min: values[0].0,
            median: values[(n - 1) / 2].0,
            max: values[n - 1].0,
            outlet: (n == 1).then(|| values[0].1.map(str::to_string)).flatten(),
        })
    }
}

/// One period of a series.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Point {
    /// The first day of the period (`YYYY-MM-DD`).
    pub from: String,
    /// Strikes in the period, and every strike up to its end.
    pub strikes: i64,
    pub strikes_total: i64,
    /// Killed (each incident's best figure) in strikes and raids in the period, and the
    /// running sum; attacks by non-state groups are counted apart, as on the ledger page.
    pub killed: i64,
    pub killed_total: i64,
    /// Cumulative totals outlets reported with an as-of day in the period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_strikes: Option<Spread>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_killed: Option<Spread>,
}

/// A series: one point per period that has an incident or a reported total, in date order.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Series {
    pub unit: Unit,
    /// How many incidents the series was made of (those a filter kept).
    pub incidents: usize,
    /// Of them, how many have no date that falls in one period (no date, a week or a year,
    /// or a month in a series of days or weeks).
    pub undated: usize,
    pub points: Vec<Point>,
}

/// The unit a chart of `incidents` and `tallies` uses: from the days they span.
pub fn auto_unit(incidents: &[&Incident], tallies: &[Tally]) -> Unit {
    let days = incidents
        .iter()
        .filter_map(|i| i.date.as_deref())
        .chain(tallies.iter().filter_map(|t| t.as_of.as_deref()))
        .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let (mut lo, mut hi) = (None::<NaiveDate>, None::<NaiveDate>);
    for d in days {
        lo = Some(lo.map_or(d, |l| l.min(d)));
        hi = Some(hi.map_or(d, |h| h.max(d)));
    }
    match (lo, hi) {
        (Some(lo), Some(hi)) => Unit::for_span((hi - lo).num_days()),
        _ => Unit::Day,
    }
}

/// The series of `incidents` by `unit`, beside every total in `tallies` with an as-of day.
/// Reported totals are the outlets' counts of the whole campaign: a filter on incidents
/// does not select them.
pub fn series(incidents: &[&Incident], tallies: &[Tally], unit: Unit) -> Series {
    #[derive(Default)]
    struct Acc<'a> {
        strikes: i64,
        killed: i64,
        rs: Vec<(i64, Option<&'a str>)>,
        rk: Vec<(i64, Option<&'a str>)>,
    }
    let mut by: BTreeMap<NaiveDate, Acc> = BTreeMap::new();
    let mut undated = 0;
    for i in incidents {
        let Some(p) = i.date.as_deref().and_then(|d| unit.period_of(d)) else {
            undated += 1;
            continue;
        };
        let e = by.entry(p).or_default();
        if i.event_type == EventType::Strike {
            e.strikes += 1;
        }
        if i.event_type != EventType::Attack {
            e.killed += crate::snapshot::killed_point(i).unwrap_or(0);
        }
    }
    for t in tallies {
        let Some(d) = t
            .as_of
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        else {
            continue;
        };
        let strikes = t.strikes.and_then(|r| r.point());
        let killed = t.killed.and_then(|r| r.point());
        if strikes.is_none() && killed.is_none() {
            continue;
        }
        let e = by.entry(unit.start(d)).or_default();
        let outlet = t.source.outlet.as_deref();
        if let Some(v) = strikes {
            e.rs.push((v, outlet));
        }
        if let Some(v) = killed {
            e.rk.push((v, outlet));
        }
    }
    let (mut st, mut kt) = (0, 0);
    let points = by
        .into_iter()
        .map(|(from, a)| {
            st += a.strikes;
            kt += a.killed;
            Point {
                from: from.format("%Y-%m-%d").to_string(),
                strikes: a.strikes,
                strikes_total: st,
                killed: a.killed,
                killed_total: kt,
                reported_strikes: Spread::of(a.rs),
                reported_killed: Spread::of(a.rk),
            }
        })
        .collect();
    Series {
        unit,
        incidents: incidents.len(),
        undated,
        points,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods_start_on_their_first_day() {
        assert_eq!(Unit::Week.start(day("2025-11-06")), day("2025-11-03"));
        assert_eq!(Unit::Month.start(day("2025-11-06")), day("2025-11-01"));
        assert_eq!(Unit::Day.start(day("2025-11-06")), day("2025-11-06"));
        assert_eq!(Unit::Month.period_of("2025-09"), Some(day("2025-09-01")));
        // a month names no day nor week
        assert_eq!(Unit::Day.period_of("2025-09"), None);
        assert_eq!(Unit::Week.period_of("2025-09"), None);
        assert_eq!(Unit::for_span(30), Unit::Day);
        assert_eq!(Unit::for_span(365), Unit::Week);
        assert_eq!(Unit::for_span(2000), Unit::Month);
    }

    #[test]
    fn a_spread_is_its_count_lowest_median_and_highest() {
        let s = Spread::of(vec![(40, Some("B")), (32, Some("A")), (81, None)]).unwrap();
        assert_eq!((s.count, s.min, s.median, s.max), (3, 32, 40, 81));
        assert_eq!(s.outlet, None);
        let one = Spread::of(vec![(7, Some("Wire A"))]).unwrap();
        assert_eq!(one.outlet.as_deref(), Some("Wire A"));
        assert!(Spread::of(vec![]).is_none());
    }
}
