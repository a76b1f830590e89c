//! Dates in text: explicit ("Sept. 2", "2 de septiembre de 2025", "2025-09-02"), relative
//! to the publication date ("Tuesday night", "yesterday", "el pasado sábado", "la noche del
//! lunes", "anoche") and relative to another date in the same sentence ("one day earlier").
//!
//! Resolution follows the codebook: a weekday is the latest such day on or before
//! publication ("last"/"pasado" one strictly before); a day and month without a year takes
//! the publication's year unless that lands more than a week after publication; with no
//! publication date a relative expression resolves to nothing (precision unknown). A day the
//! calendar names ("Christmas Day", "Nochevieja") is read as a day and month; "last year"
//! after a month gives it the year before publication's.
//! Never panics on any input.
//!
//! ```
//! use chrono::NaiveDate;
//! use sw_extract::dates::parse_date;
//! use sw_model::Lang;
//! let pub_ = NaiveDate::from_ymd_opt(2025, 11, 4); // a Tuesday
//! assert_eq!(parse_date("el pasado sábado", Lang::Es, pub_).unwrap().date.as_deref(), Some("2025-11-01"));
//! assert_eq!(parse_date("Sept. 2", Lang::En, pub_).unwrap().date.as_deref(), Some("2025-09-02"));
//! ```

mod find;
mod lexicon;

use chrono::{Datelike, Duration, NaiveDate};
use sw_model::Lang;

use crate::fxhash::FxSet;
use crate::tokens::{tokenize, Tok, TokKind, Word};
use crate::{DateBasis, DatePrecision};
pub use find::find;
pub use lexicon::DateLexicon;

/// What kind of expression a date came from (its rule name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    Iso,
    MonthDay,
    MonthOnly,
    Weekday,
    DayOffset,
    WeekAgo,
    AnchorOffset(i64),
    /// "since September": the start of a period, never an event date.
    Since,
    /// "at the end of 2025", "al cierre de 2025": the last day of a year.
    YearEnd,
    /// "in 1916": a year.
    YearOnly,
    /// The last day of a span ("Nov. 9-10"): never an event date of its own.
    RangeEnd,
    /// A weekday said of a day to come ("will testify on Thursday"): dates a plan, never
    /// an event that happened.
    Ahead,
}

impl DateKind {
    /// A date the text reports: not page metadata (an ISO date), a period's start, a span's
    /// end or a day to come.
    pub fn is_reported(self) -> bool {
        !matches!(
            self,
            DateKind::Since | DateKind::Iso | DateKind::RangeEnd | DateKind::Ahead
        )
    }

    /// A reported date that names a day or a week (not a month or a year alone).
    pub fn is_reported_day(self) -> bool {
        self.is_reported() && !matches!(self, DateKind::MonthOnly | DateKind::YearOnly)
    }
}

/// A date expression found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub date: Option<String>,
    pub precision: DatePrecision,
    pub basis: DateBasis,
    pub kind: DateKind,
    pub rule: &'static str,
    /// The resolved day, when known (for arithmetic).
    pub day: Option<NaiveDate>,
    /// Month and day of a date written without a year ("Oct. 29"), for resolving later.
    pub month_day: Option<(u32, u32)>,
    /// The weekday (0 = Monday) of a weekday that could not be resolved ("on Thursday" with
    /// no publication date): not a day we can name, but not any day either.
    pub weekday: Option<u32>,
    /// The weekday written beside a month and day ("Friday, Jan. 2"): with no year written,
    /// it tells which year the writer meant.
    pub named_weekday: Option<u32>,
}

impl DateExpr {
    /// The tokens of `toks` it spans, as (first, end): the first token at or after its start
    /// and the first at or after its end (`toks.len()` when none).
    pub fn tokens(&self, toks: &[Tok]) -> (usize, usize) {
        let at = |b: usize| toks.iter().position(|t| t.start >= b).unwrap_or(toks.len());
        (at(self.start), at(self.end))
    }

    /// A day named outright and resolved ("May 3", "Tuesday", "yesterday"): what can be
    /// one event's own day, unlike a week, a month or a period's start.
    pub fn is_named_day(&self) -> bool {
        matches!(
            self.kind,
            DateKind::MonthDay | DateKind::Weekday | DateKind::DayOffset
        ) && self.day.is_some()
    }

    /// Gives a date written without a year ("Oct. 29") the year that puts it on or before
    /// `reference` (plus a week), when it has none yet — or, with `rough` (a reference
    /// estimated to within weeks, either side), the year that puts it nearest. `rule` names
    /// where the reference came from.
    pub fn resolve_year(&mut self, reference: NaiveDate, rough: bool, rule: &'static str) {
        if self.date.is_some() {
            return;
        }
        let Some((m, d)) = self.month_day else { return };
        let y = if rough {
            let r = reference.year();
            [r, r - 1, r + 1].into_iter().min_by_key(|y| {
                NaiveDate::from_ymd_opt(*y, m, d)
                    .map_or(i64::MAX, |x| (x - reference).num_days().abs())
            })
        } else {
            year_for(m, d, Some(reference))
        };
        let Some(mut y) = y else {
            return;
        };
        // a weekday written beside it picks, of the years around the (rough) reference,
        // the one where the day falls on that weekday
        if let Some(wd) = self.named_weekday {
            if let Some(fit) = [y, y - 1, y + 1].into_iter().find(|yy| {
                NaiveDate::from_ymd_opt(*yy, m, d)
                    .is_some_and(|x| x.weekday().num_days_from_monday() == wd)
            }) {
                y = fit;
            }
        }
        if let Some(day) = NaiveDate::from_ymd_opt(y, m, d) {
            self.day = Some(day);
            self.date = Some(fmt_day(day));
            self.precision = DatePrecision::Day;
            self.rule = rule;
        }
    }
}

impl DateExpr {
    /// Gives a weekday that no publication date resolved ("el viernes", in an article with
    /// no date) the day on that weekday nearest `reference` (a day the text gives; the
    /// earlier on a tie), when it has none yet.
    pub fn resolve_weekday_near(&mut self, reference: NaiveDate, rule: &'static str) {
        if self.date.is_some() || self.kind != DateKind::Weekday {
            return;
        }
        let Some(wd) = self.weekday else { return };
        let back = (reference.weekday().num_days_from_monday() + 7 - wd) % 7;
        let offset = if back <= 3 {
            -(back as i64)
        } else {
            7 - back as i64
        };
        if let Some(day) = shift(reference, offset) {
            self.day = Some(day);
            self.date = Some(fmt_day(day));
            self.precision = DatePrecision::Day;
            self.rule = rule;
            self.weekday = None;
        }
    }

    /// Gives a date written without a year ("Dec. 30") the year that puts it between `from`
    /// and `to`, when exactly one does.
    pub fn resolve_year_within(&mut self, from: NaiveDate, to: NaiveDate, rule: &'static str) {
        if self.date.is_some() {
            return;
        }
        let Some((m, d)) = self.month_day else { return };
        if let Some(day) = only_year_within(m, d, from, to) {
            self.day = Some(day);
            self.date = Some(fmt_day(day));
            self.precision = DatePrecision::Day;
            self.rule = rule;
        }
    }
}

/// The day `month`/`day` in the one year that puts it within `from..=to`, if only one does.
pub fn only_year_within(month: u32, day: u32, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
    let fits: Vec<NaiveDate> = (from.year()..=to.year().min(from.year() + 20))
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .filter(|x| (from..=to).contains(x))
        .collect();
    match fits[..] {
        [one] => Some(one),
        _ => None,
    }
}

fn fmt_day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `d` moved by `days`, or None past the calendar's ends (never panics).
fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(days)?)
}

/// The first day on weekday `wd` on or after publication: "will vote on Thursday".
fn next_weekday(pub_: NaiveDate, wd: u32) -> Option<NaiveDate> {
    let cur = pub_.weekday().num_days_from_monday();
    shift(pub_, ((wd + 7 - cur) % 7) as i64)
}

fn latest_weekday(pub_: NaiveDate, wd: u32, strictly_before: bool) -> Option<NaiveDate> {
    let cur = pub_.weekday().num_days_from_monday();
    let mut back = (cur + 7 - wd) % 7;
    if back == 0 && strictly_before {
        back = 7;
    }
    shift(pub_, -(back as i64))
}

fn year_for(month: u32, day: u32, pub_: Option<NaiveDate>) -> Option<i32> {
    let p = pub_?;
    let y = p.year();
    let d = NaiveDate::from_ymd_opt(y, month, day)?;
    if shift(p, 7).is_some_and(|limit| d > limit) {
        Some(y - 1)
    } else {
        Some(y)
    }
}

fn is(t: Option<&Tok>, w: &str) -> bool {
    t.is_some_and(|t| t.lower == w)
}

fn is_in(t: Option<&Tok>, set: &FxSet<Word>) -> bool {
    t.is_some_and(|t| set.contains(&t.lower))
}

/// The last day a sentence's dates name (none of them a period's start, a span's end or a
/// day to come): what "the day before" in a later sentence counts from.
pub fn last_named_day(dates: &[DateExpr]) -> Option<NaiveDate> {
    dates
        .iter()
        .filter(|d| {
            !matches!(
                d.kind,
                DateKind::Since
                    | DateKind::RangeEnd
                    | DateKind::Ahead
                    | DateKind::Iso
                    | DateKind::YearOnly
                    | DateKind::YearEnd
            ) && d.precision == DatePrecision::Day
        })
        .filter_map(|d| d.day)
        .next_back()
}

/// The day of the first weekday written after the date at `k` ("the day before ..., the
/// Pentagon said Tuesday"): what a day back with no date before it counts from.
fn weekday_after(dates: &[DateExpr], k: usize) -> Option<NaiveDate> {
    dates[k + 1..]
        .iter()
        .find(|x| x.kind == DateKind::Weekday && x.precision == DatePrecision::Day)
        .and_then(|x| x.day)
}

/// Reads again, from `anchor` (the last day an earlier sentence named), each "one day
/// earlier" that no date before it in its own sentence anchors: in a story, "a separate
/// strike the day before" counts from the day just told of, not from publication.
pub fn reanchor(dates: &mut [DateExpr], anchor: NaiveDate) {
    // a day back that a weekday after it anchors ("the day before ..., the Pentagon said
    // Tuesday") keeps it
    let first_offset = dates.iter().position(|e| {
        e.day.is_some() && !matches!(e.kind, DateKind::Since)
            || matches!(e.kind, DateKind::AnchorOffset(_))
    });
    if let Some(k) = first_offset {
        if matches!(dates[k].kind, DateKind::AnchorOffset(o) if o < 0)
            && weekday_after(dates, k).is_some()
        {
            return;
        }
    }
    for e in dates.iter_mut() {
        // the first date with a day anchors whatever follows it in the sentence
        if e.day.is_some() && !matches!(e.kind, DateKind::Since | DateKind::AnchorOffset(_)) {
            return;
        }
        let DateKind::AnchorOffset(o) = e.kind else {
            continue;
        };
        if let Some(d) = shift(anchor, o) {
            e.day = Some(d);
            e.date = Some(fmt_day(d));
            e.precision = DatePrecision::Day;
        }
        // the next offset counts from this one's day, as `find` read it
        return;
    }
}

fn is_capital(text: &str, t: &Tok) -> bool {
    // tokens carry absolute offsets; when they do not fit the text we cannot tell
    text.get(t.start..t.end)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_uppercase())
}

fn mk_range(toks: &[Tok], s: usize, e: usize) -> (usize, usize) {
    (toks[s].start, toks[e - 1].end)
}

fn month_day(
    r: (usize, usize),
    m: u32,
    d: u32,
    year: Option<i32>,
    published: Option<NaiveDate>,
) -> DateExpr {
    let y = year.or_else(|| year_for(m, d, published));
    let day = y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d));
    DateExpr {
        start: r.0,
        end: r.1,
        date: day.map(fmt_day),
        precision: if day.is_some() {
            DatePrecision::Day
        } else {
            DatePrecision::Unknown
        },
        basis: DateBasis::Explicit,
        kind: DateKind::MonthDay,
        rule: if year.is_some() {
            "date.explicit.full"
        } else {
            "date.explicit.month_day"
        },
        day,
        month_day: year.is_none().then_some((m, d)),
        weekday: None,
        named_weekday: None,
    }
}

/// Reads a whole string as one date expression, resolved against `published`.
pub fn parse_date(s: &str, lang: Lang, published: Option<NaiveDate>) -> Option<DateExpr> {
    let lex = &crate::registry::cached(lang)?.dates;
    let toks = tokenize(s, 0);
    let mut v = find(&toks, s, lex, published);
    if v.is_empty() {
        return None;
    }
    Some(v.remove(0))
}

/// Two days written as one date: "September 15 and 19", "Nov. 9-10", "el 15 y el 19 de
/// septiembre". For each, the index in `found` of the date found, the other day as a date of
/// its own, and whether the two make a span (then the later one is no event date: the caller
/// marks it [`DateKind::RangeEnd`]; a later day found after the date already is).
pub fn pairs(toks: &[Tok], lex: &DateLexicon, found: &[DateExpr]) -> Vec<(usize, DateExpr, bool)> {
    let num = |t: &Tok| -> Option<u32> {
        (t.kind == TokKind::Num)
            .then(|| t.lower.parse::<u32>().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    let mut out = Vec::new();
    for (fi, d) in found.iter().enumerate() {
        if d.kind != DateKind::MonthDay {
            continue;
        }
        let Some((m, day)) = d.month_day.or_else(|| d.day.map(|x| (x.month(), x.day()))) else {
            continue;
        };
        let (i, j) = d.tokens(toks);
        // after: "September 15 and 19"
        let after = toks
            .get(j)
            .and_then(|t| lex.pair(&t.lower))
            .and_then(|range| {
                let t = toks.get(j + 1)?;
                let d2 = num(t).filter(|x| *x > day)?;
                // "September 15 and 19 people": a count, not a day
                if is_in(toks.get(j + 2), &lex.counted) {
                    return None;
                }
                Some((t.start, t.end, d2, range, true))
            });
        // before: "el 15 y el 19 de septiembre"
        let before = || {
            let mut k = i;
            if k > 0 && lex.day_article.contains(&toks[k - 1].lower) {
                k -= 1;
            }
            let range = lex.pair(&toks.get(k.checked_sub(1)?)?.lower)?;
            let t = toks.get(k.checked_sub(2)?)?;
            let d1 = num(t).filter(|x| *x < day)?;
            Some((t.start, t.end, d1, range, false))
        };
        let Some((s, e, other, range, later)) = after.or_else(before) else {
            continue;
        };
        let mut x = d.clone();
        x.start = s;
        x.end = e;
        x.rule = "date.explicit.month_day.pair";
        match d
            .day
            .and_then(|dd| NaiveDate::from_ymd_opt(dd.year(), m, other))
        {
            Some(nd) => {
                x.day = Some(nd);
                x.date = Some(fmt_day(nd));
            }
            None => {
                x.day = None;
                x.date = None;
            }
        }
        x.month_day = d.month_day.map(|(mm, _)| (mm, other));
        if range && later {
            x.kind = DateKind::RangeEnd;
        }
        out.push((fi, x, range));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, dd)
    }

    fn date(s: &str, lang: Lang, p: Option<NaiveDate>) -> Option<String> {
        parse_date(s, lang, p).and_then(|e| e.date)
    }

    #[test]
    fn relative() {
        let p = d(2025, 11, 4); // Tuesday
        assert_eq!(
            date("on Saturday", Lang::En, p).as_deref(),
            Some("2025-11-01")
        );
        // "this week": the seven days up to publication, at week precision
        for (s, lang) in [("this week", Lang::En), ("esta semana", Lang::Es)] {
            let e = parse_date(s, lang, p).unwrap();
            assert_eq!(e.date.as_deref(), Some("2025-10-29"), "{s}");
            assert_eq!(e.precision, DatePrecision::Week, "{s}");
        }
        assert_eq!(
            date("Tuesday night", Lang::En, p).as_deref(),
            Some("2025-11-04")
        );
        assert_eq!(
            date("last Tuesday", Lang::En, p).as_deref(),
            Some("2025-10-28")
        );
        assert_eq!(
            date("yesterday", Lang::En, p).as_deref(),
            Some("2025-11-03")
        );
        assert_eq!(date("anoche", Lang::Es, p).as_deref(), Some("2025-11-03"));
        assert_eq!(
            date("la noche del lunes", Lang::Es, p).as_deref(),
            Some("2025-11-03")
        );
        assert_eq!(
            date("el sábado pasado", Lang::Es, p).as_deref(),
            Some("2025-11-01")
        );
        assert_eq!(date("ayer", Lang::Es, None), None);
        // "a day later" with nothing before it to count from: not the day after publication
        assert_eq!(date("a day later", Lang::En, p), None);
        let e = parse_date("last week", Lang::En, p).unwrap();
        assert_eq!(e.precision, DatePrecision::Week);
        // "last week" is the calendar week before publication's, Monday to Sunday, whatever
        // the day of publication (a Tuesday, a Sunday, a Monday)
        for (s, lang, p, monday) in [
            ("last week", Lang::En, d(2025, 12, 30), "2025-12-22"),
            ("last week", Lang::En, d(2026, 1, 4), "2025-12-22"),
            ("la semana pasada", Lang::Es, d(2026, 1, 5), "2025-12-29"),
        ] {
            let e = parse_date(s, lang, p).unwrap();
            assert_eq!(e.date.as_deref(), Some(monday), "{s} {p:?}");
            assert_eq!(e.precision, DatePrecision::Week, "{s}");
        }
        // a weekday with its week named is that week's day, not the latest such weekday
        // (which, said on a Thursday, is this week's Tuesday); without it, the latest
        for (s, lang, p, day) in [
            (
                "el martes de la semana pasada",
                Lang::Es,
                d(2026, 3, 12),
                "2026-03-03",
            ),
            (
                "on Tuesday of last week",
                Lang::En,
                d(2026, 3, 12),
                "2026-03-03",
            ),
            (
                "el domingo de la semana anterior",
                Lang::Es,
                d(2026, 3, 9),
                "2026-03-08",
            ),
            (
                "Monday of this week",
                Lang::En,
                d(2026, 3, 12),
                "2026-03-09",
            ),
            (
                "el viernes de la semana pasada",
                Lang::Es,
                d(2026, 3, 16),
                "2026-03-13",
            ),
            ("el martes", Lang::Es, d(2026, 3, 12), "2026-03-10"),
            // the week alone stays a week
            (
                "a finales de la semana pasada",
                Lang::Es,
                d(2026, 3, 12),
                "2026-03-02",
            ),
        ] {
            assert_eq!(date(s, lang, p).as_deref(), Some(day), "{s}");
        }
        // the weekend just past, whatever the day of publication: a window up to its
        // Sunday (up to publication on its Saturday)
        for (s, lang, p, sun) in [
            ("over the weekend", Lang::En, d(2025, 11, 16), "2025-11-16"),
            ("over the weekend", Lang::En, d(2025, 11, 19), "2025-11-16"),
            ("el fin de semana", Lang::Es, d(2025, 11, 17), "2025-11-16"),
            (
                "durante el fin de semana",
                Lang::Es,
                d(2025, 11, 21),
                "2025-11-16",
            ),
            (
                "este fin de semana",
                Lang::Es,
                d(2025, 11, 15),
                "2025-11-15",
            ),
            // "last weekend" said on a Monday is the one just past; on a Saturday or a
            // Sunday, the one before
            ("last weekend", Lang::En, d(2025, 11, 17), "2025-11-16"),
            ("last weekend", Lang::En, d(2025, 11, 15), "2025-11-09"),
            ("last weekend", Lang::En, d(2025, 11, 16), "2025-11-09"),
            (
                "el fin de semana pasado",
                Lang::Es,
                d(2025, 11, 16),
                "2025-11-09",
            ),
        ] {
            let e = parse_date(s, lang, p).unwrap();
            assert_eq!(e.date.as_deref(), Some(sun), "{s} {p:?}");
            assert_eq!(e.precision, DatePrecision::Window, "{s}");
        }
    }

    #[test]
    fn an_offset_counts_only_from_a_day() {
        let p = d(2025, 11, 4);
        let lex = crate::registry::cached(Lang::En).unwrap().dates.clone();
        let text = "on Saturday, and two days before that";
        let v = find(&tokenize(text, 0), text, &lex, p);
        assert_eq!(v.last().unwrap().date.as_deref(), Some("2025-10-30"));
        // "two days before" a week is no day, nor is it counted from publication
        let text = "last week, and two days before that";
        let v = find(&tokenize(text, 0), text, &lex, p);
        let last = v.last().unwrap();
        assert!(matches!(last.kind, DateKind::AnchorOffset(_)), "{v:?}");
        assert_eq!(last.date, None, "{v:?}");
        // from an earlier sentence's day
        let text = "two days before that";
        let mut v = find(&tokenize(text, 0), text, &lex, p);
        reanchor(&mut v, d(2025, 11, 1).unwrap());
        assert_eq!(v[0].date.as_deref(), Some("2025-10-30"));
    }

    #[test]
    fn explicit() {
        let p = d(2026, 1, 6);
        assert_eq!(
            date("el sábado 3 de enero", Lang::Es, p).as_deref(),
            Some("2026-01-03")
        );
        assert_eq!(date("Dec. 30", Lang::En, p).as_deref(), Some("2025-12-30"));
        // a comma between the day and the month, read only when a year follows
        assert_eq!(
            date("on 13, February 2026", Lang::En, p).as_deref(),
            Some("2026-02-13")
        );
        assert_eq!(
            date("13, February", Lang::En, p).as_deref(),
            Some("2025-02")
        );
        assert_eq!(
            date("2 de septiembre de 2025", Lang::Es, None).as_deref(),
            Some("2025-09-02")
        );
        assert_eq!(
            date("September 2, 2025", Lang::En, None).as_deref(),
            Some("2025-09-02")
        );
        assert_eq!(
            date("2025-09-02", Lang::En, None).as_deref(),
            Some("2025-09-02")
        );
        assert_eq!(date("in October", Lang::En, p).as_deref(), Some("2025-10"));
    }

    #[test]
    fn anchored() {
        let p = d(2025, 10, 28);
        let lex = crate::registry::cached(Lang::En).unwrap().dates.clone();
        let s = "Hegseth announced Monday that, one day earlier, forces struck";
        let toks = tokenize(s, 0);
        let v = find(&toks, s, &lex, p);
        assert_eq!(v[1].date.as_deref(), Some("2025-10-26"));
    }

    #[test]
    fn named_days_and_years_counted_from_publication() {
        let p = d(2026, 1, 3);
        for (s, lang, want) in [
            ("Christmas Day", Lang::En, "2025-12-25"),
            ("New Year's Day", Lang::En, "2026-01-01"),
            ("New Year’s Eve", Lang::En, "2025-12-31"),
            ("el día de Navidad", Lang::Es, "2025-12-25"),
            ("Nochebuena", Lang::Es, "2025-12-24"),
            ("Nochevieja", Lang::Es, "2025-12-31"),
            ("el día de Año Nuevo", Lang::Es, "2026-01-01"),
        ] {
            assert_eq!(date(s, lang, p).as_deref(), Some(want), "{s}");
        }
        let p = d(2025, 6, 10);
        for (s, lang, want) in [
            ("in March last year", Lang::En, "2024-03"),
            ("March 3 last year", Lang::En, "2024-03-03"),
            ("in March of last year", Lang::En, "2024-03"),
            ("en marzo del año pasado", Lang::Es, "2024-03"),
            ("el 3 de marzo del año pasado", Lang::Es, "2024-03-03"),
            ("en marzo de este año", Lang::Es, "2025-03"),
        ] {
            let e = parse_date(s, lang, p).unwrap();
            assert_eq!(e.date.as_deref(), Some(want), "{s}");
            assert_eq!(e.basis, DateBasis::Relative, "{s}");
        }
        // "last year" alone dates nothing; a period is no day
        assert_eq!(date("last year", Lang::En, p), None);
        for (s, lang) in [
            ("in recent months", Lang::En),
            ("en los últimos meses", Lang::Es),
        ] {
            let e = parse_date(s, lang, p).unwrap();
            assert_eq!((e.kind, e.date), (DateKind::Since, None), "{s}");
        }
        // with no publication date, a named day has no year
        assert_eq!(date("Nochebuena", Lang::Es, None), None);
    }

    #[test]
    fn a_weekday_is_read_near_a_day_the_text_gives() {
        // 30 March 2025 was a Sunday
        let sunday = d(2025, 3, 30).unwrap();
        for (s, lang, want) in [
            ("el viernes", Lang::Es, "2025-03-28"),
            ("on Monday", Lang::En, "2025-03-31"),
            ("Sunday", Lang::En, "2025-03-30"),
            // three days either way: the earlier
            ("on Thursday", Lang::En, "2025-03-27"),
        ] {
            let mut e = parse_date(s, lang, None).unwrap();
            assert_eq!(e.date, None);
            e.resolve_weekday_near(sunday, "date.rel.weekday.anchor_from_text");
            assert_eq!(e.date.as_deref(), Some(want), "{s}");
            assert_eq!(e.weekday, None);
        }
    }

    #[test]
    fn never_panics() {
        for s in [
            "",
            "Feb 30",
            "31 de febrero",
            "0000-00-00",
            "9999-99-99",
            "Sept. 99",
            "el",
            "May",
        ] {
            let _ = parse_date(s, Lang::Es, d(2025, 1, 1));
            let _ = parse_date(s, Lang::En, None);
        }
    }
}
