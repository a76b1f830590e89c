//! What an event or reference report can ever be resolved together with: its *reach*, the
//! key an incremental ledger update partitions reports by.
//!
//! Why: resolution ([`crate::resolve`]) only ever compares reports of one event type (a raid
//! and a strike count as one, [`kin`]) whose
//! days are close (a day block, a day either side, an announcement one or two days after the
//! event, a window of at most a month) or, for reports with no day of their own, of one
//! story. So the reports split into *components*: reports of one event type whose reaches
//! overlap, closed under overlap (and, for reports without a day, under sharing a story).
//! Resolving one component alone gives exactly the incidents the whole corpus gives for its
//! reports; adding or changing a report can only change the incidents of the components its
//! old and new reach touch. A store keeps one small row per report with its reach, and an
//! update looks the touched components up by day range and type, never by comparing pairs.
//!
//! How far a reach extends (`SLACK` days either side of a report's day): the widest chain of
//! one decision is a story pass (an item moved up to two days earlier), a merge across
//! adjacent days (members end within a day of the group's day) and an announcement one or
//! two days after its event; two day reports whose days differ by more than `2 * SLACK`
//! never meet in one decision. Reports with a window (a week, a month, the days up to a
//! publication) reach their window: they are compared with day groups inside it, whose
//! members' reaches overlap it. The test `components_resolve_alone` checks this on random
//! corpora against a whole build.

use chrono::{Days, NaiveDate};
use sw_model::{DatePrecision, EventType, When};

use crate::{route, ReportInput, Route};

/// The event type a report is resolved under: raids with strikes, since one operation may
/// be told as a bombing by some and as a ground operation by others (see `resolve`), so a
/// raid and a strike of close days are of one component.
pub fn kin(et: EventType) -> EventType {
    match et {
        EventType::Raid => EventType::Strike,
        other => other,
    }
}

/// Days a day report reaches either side of its day (see the module's documentation).
pub const SLACK: u64 = 4;

/// The most days a reach spans (`hi - lo`, a month's), so that a store can look reaches up by
/// an index range on their first day.
pub const WIDEST: i64 = 31;

/// The reach of one event or reference report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reach {
    /// The report's event type as resolution compares it ([`kin`]: a raid's is `strike`).
    pub event_type: EventType,
    /// The first and last day it can be compared with (`None`: no day at all, a report with
    /// no date and no publication day; it meets only reports of its story).
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// `Some(story)` for a report without a day of its own: such reports of one story and
    /// event type may become one incident whatever their windows (see `resolve`'s own
    /// incidents), so they are of one component.
    pub story: Option<i64>,
}

/// The reach of `r`, if it is an event or reference report that can be part of an
/// incident; `None` for tallies, developments, and references that point to no day (they
/// join no incident).
pub fn reach(r: &ReportInput) -> Option<Reach> {
    let rep = &r.report;
    let first_day = rep
        .date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok());
    of_basis(&Basis {
        route: route(rep),
        event_type: rep.event_type,
        precision: rep.date_precision,
        first_day,
        when: rep.when(),
        dated: rep.date.is_some(),
        published: r.published_day(),
        story: r.story_id,
    })
}

/// What a reach is computed from: the few fields of a report it reads. A whole report gives
/// them ([`reach`]), and so does the compact record a rebuild keeps (`resolve::Facts`), so
/// that a rebuild writes every report's reach from its records without keeping a reach per
/// report beside them.
pub(crate) struct Basis {
    pub(crate) route: Route,
    pub(crate) event_type: EventType,
    pub(crate) precision: DatePrecision,
    /// The date's first ten characters read as a day (`YYYY-MM-DD`), at any precision.
    pub(crate) first_day: Option<NaiveDate>,
    /// The date read with its precision.
    pub(crate) when: Option<When>,
    /// Whether the report has a date at all.
    pub(crate) dated: bool,
    /// The article's publication day.
    pub(crate) published: Option<NaiveDate>,
    pub(crate) story: i64,
}

/// The reach of a report with the fields `b`.
pub(crate) fn of_basis(b: &Basis) -> Option<Reach> {
    let x = reach_of(b)?;
    // a reach wider than [`WIDEST`] would be missed by a store's lookup: keep it as a
    // report of its story only (which also finds it)
    Some(match x.days {
        Some((lo, hi)) if (hi - lo).num_days() > WIDEST => Reach {
            days: None,
            story: Some(b.story),
            ..x
        },
        _ => x,
    })
}

fn reach_of(b: &Basis) -> Option<Reach> {
    let et = kin(b.event_type);
    let day = if b.precision == DatePrecision::Day {
        b.first_day
    } else {
        None
    };
    let around = |d: NaiveDate| {
        Some((
            d.checked_sub_days(Days::new(SLACK))?,
            d.checked_add_days(Days::new(SLACK))?,
        ))
    };
    match b.route {
        Route::Incident => {
            if let Some(d) = day {
                return Some(Reach {
                    event_type: et,
                    days: around(d),
                    story: None,
                });
            }
            let days = match b.precision {
                // a window report, or a month (own incidents of one month and story)
                DatePrecision::Window | DatePrecision::Month => b.when.map(|w| (w.first, w.last)),
                DatePrecision::Week => b
                    .first_day
                    .and_then(|d| Some((d, d.checked_add_days(Days::new(6))?))),
                _ => None,
            };
            // an undated report reaches the week up to its publication
            let days = days.or_else(|| {
                if b.dated {
                    return None;
                }
                let p = b.published?;
                Some((p.checked_sub_days(Days::new(7))?, p))
            });
            Some(Reach {
                event_type: et,
                days,
                story: Some(b.story),
            })
        }
        Route::Reference => {
            let span = match (day, b.when) {
                (Some(d), _) => Some((d.checked_sub_days(Days::new(1))?, d + Days::new(1))),
                (None, Some(w)) if (w.last - w.first).num_days() <= 7 => Some((w.first, w.last)),
                _ => None,
            }?;
            Some(Reach {
                event_type: et,
                days: Some(span),
                story: None,
            })
        }
        Route::Tally | Route::Development => None,
    }
}

/// Whether two reaches are of one component directly: one event type, and overlapping days
/// or (both without a day of their own) one story.
pub fn meets(a: &Reach, b: &Reach) -> bool {
    if a.event_type != b.event_type {
        return false;
    }
    let days = match (a.days, b.days) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => false,
    };
    days || (a.story.is_some() && a.story == b.story)
}

/// The component of each reach (an index, the same for reaches of one component, numbered
/// from 0 in the order the components' first members come). Sorts by day, so it costs
/// `n log n`, never pairs.
pub fn components(reaches: &[Reach]) -> Vec<usize> {
    let n = reaches.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let union = |p: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    };
    // overlapping days, per event type: a sweep over the reaches sorted by first day
    let mut by_day: Vec<(EventType, NaiveDate, NaiveDate, usize)> = reaches
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.days.map(|(lo, hi)| (r.event_type, lo, hi, i)))
        .collect();
    by_day.sort();
    let mut open: Option<(EventType, NaiveDate, usize)> = None;
    for (et, lo, hi, i) in by_day {
        match open {
            Some((oet, ohi, j)) if oet == et && lo <= ohi => {
                union(&mut parent, i, j);
                open = Some((et, ohi.max(hi), j));
            }
            _ => open = Some((et, hi, i)),
        }
    }
    // one story, for reports without a day of their own
    let mut by_story: std::collections::BTreeMap<(EventType, i64), usize> = Default::default();
    for (i, r) in reaches.iter().enumerate() {
        if let Some(s) = r.story {
            match by_story.get(&(r.event_type, s)) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    by_story.insert((r.event_type, s), i);
                }
            }
        }
    }
    let mut number: std::collections::HashMap<usize, usize> = Default::default();
    (0..n)
        .map(|i| {
            let root = find(&mut parent, i);
            let next = number.len();
            *number.entry(root).or_insert(next)
        })
        .collect()
}
