//! Finding the date expressions of a sentence, left to right: one method per kind of
//! expression (written in figures, a year, a phrase, a day and month, a month, a weekday, a
//! day offset), each reading from a token and saying where to go on from.

use chrono::{Datelike, NaiveDate};

use super::lexicon::{DateLexicon, DW};
use super::{
    fmt_day, is, is_capital, is_in, latest_weekday, mk_range, month_day, next_weekday, shift,
    DateExpr, DateKind,
};
use crate::tokens::{Tok, TokKind};
use crate::{DateBasis, DatePrecision};

/// Every date expression in the tokens of one sentence, left to right.
pub fn find(
    toks: &[Tok],
    text: &str,
    lex: &DateLexicon,
    published: Option<NaiveDate>,
) -> Vec<DateExpr> {
    let mut f = Finder {
        toks,
        text,
        lex,
        published,
        out: Vec::new(),
    };
    let mut i = 0;
    while i < toks.len() {
        i = f.at(i);
    }
    resolve_anchored(&mut f.out, published);
    f.out
}

/// Resolves "one day earlier" against the nearest preceding resolved date, else a weekday
/// named after it (the day it was said), else publication ("a day later" never against
/// publication: that day had not come yet). One pass: the nearest date before is carried
/// along (a sentence may hold many).
fn resolve_anchored(out: &mut [DateExpr], published: Option<NaiveDate>) {
    // "14 people killed in strikes the day before, the Pentagon said Tuesday": with no
    // date before it, a day back counts from the weekday the sentence names after it
    let mut before: Option<(NaiveDate, DatePrecision)> = None;
    for k in 0..out.len() {
        let later = match out[k].kind {
            DateKind::AnchorOffset(o) if o < 0 && before.is_none() => super::weekday_after(out, k),
            _ => None,
        };
        let e = &mut out[k];
        if let DateKind::AnchorOffset(o) = e.kind {
            // the nearest date before it, when that one is a day ("two days before last
            // week" is no day)
            let anchor = match before {
                Some((d, DatePrecision::Day)) => Some(d),
                Some(_) => None,
                None => later.or(published.filter(|_| o <= 0)),
            };
            if let Some(d) = anchor.and_then(|a| shift(a, o)) {
                e.day = Some(d);
                e.date = Some(fmt_day(d));
                e.precision = DatePrecision::Day;
            }
        }
        if let Some(d) = e.day.filter(|_| e.kind != DateKind::Since) {
            before = Some((d, e.precision));
        }
    }
}

/// A day-month-year written in figures at token `i`: ISO "2025-09-02", or "23.01.2026"
/// (day, month and year joined by full stops, a European convention; never month first).
fn numeric_date(toks: &[Tok], i: usize) -> Option<(NaiveDate, DateKind, &'static str)> {
    let (a, b, c) = (toks.get(i)?, toks.get(i + 2)?, toks.get(i + 4)?);
    let sep = toks.get(i + 1)?.lower.as_str();
    if toks.get(i + 3)?.lower != sep {
        return None;
    }
    match sep {
        "-" => {
            let (y, m, d) = (year_num(a)?, b.lower.parse().ok()?, day_num(c)?);
            Some((NaiveDate::from_ymd_opt(y, m, d)?, DateKind::Iso, "date.iso"))
        }
        "." if (i..i + 4).all(|k| toks[k].end == toks[k + 1].start) => {
            let (d, m, y) = (day_num(a)?, day_num(b)?, year_num(c)?);
            Some((
                NaiveDate::from_ymd_opt(y, m, d)?,
                DateKind::MonthDay,
                "date.explicit.numeric",
            ))
        }
        _ => None,
    }
}

/// A day of the month written in figures.
fn day_num(t: &Tok) -> Option<u32> {
    if t.kind != TokKind::Num || t.lower.len() > 2 {
        return None;
    }
    let d: u32 = t.lower.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A year written in figures (1900-2100).
fn year_num(t: &Tok) -> Option<i32> {
    if t.kind != TokKind::Num || t.lower.len() != 4 {
        return None;
    }
    let y: i32 = t.lower.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Reads one sentence's tokens into `out`.
struct Finder<'a> {
    toks: &'a [Tok],
    text: &'a str,
    lex: &'a DateLexicon,
    published: Option<NaiveDate>,
    out: Vec<DateExpr>,
}

impl Finder<'_> {
    /// Reads the date expression at token `i`, if one starts there; the token to go on from.
    fn at(&mut self, i: usize) -> usize {
        if let Some(next) = self
            .numeric(i)
            .or_else(|| self.year(i))
            .or_else(|| self.phrase(i))
        {
            return next;
        }
        match self.lex.single(&self.toks[i].lower) {
            None => self.day_month(i).unwrap_or(i + 1),
            Some(DW::Month(m)) => self.month(i, m),
            Some(DW::Weekday(wd)) => self.weekday(i, wd),
            Some(DW::YearEnd) => self.year_end(i, i + 1).unwrap_or(i + 1),
            Some(DW::DayOffset(o)) => self.day_offset(i, o),
            Some(DW::NamedDay(m, d)) => self.named_day(i, i + 1, m, d),
            Some(_) => i + 1,
        }
    }

    /// An expression over tokens `s..e`, read as `how`, naming `day` when known; its index.
    fn push(&mut self, s: usize, e: usize, how: How, day: Option<NaiveDate>) -> usize {
        let (start, end) = mk_range(self.toks, s, e);
        self.out.push(DateExpr {
            start,
            end,
            date: day.map(fmt_day),
            precision: if day.is_some() {
                how.known
            } else {
                DatePrecision::Unknown
            },
            basis: how.basis,
            kind: how.kind,
            rule: how.rule,
            day,
            month_day: None,
            weekday: None,
            named_weekday: None,
        });
        self.out.len() - 1
    }

    /// The year written at token `end`, or after it when `joins` the token there ("," or
    /// "de"); and the token after the expression (`end` when no year follows).
    fn year_after(&self, end: usize, joins: impl Fn(Option<&Tok>) -> bool) -> (Option<i32>, usize) {
        let k = if joins(self.toks.get(end)) {
            end + 1
        } else {
            end
        };
        match self.toks.get(k).and_then(year_num) {
            Some(y) => (Some(y), k + 1),
            None => (None, end),
        }
    }

    /// "2025-09-02", "23.01.2026".
    fn numeric(&mut self, i: usize) -> Option<usize> {
        let (day, kind, rule) = numeric_date(self.toks, i)?;
        self.push(i, i + 5, How::explicit(kind, rule), Some(day));
        Some(i + 5)
    }

    /// "in 1916", "en 2025": a year.
    fn year(&mut self, i: usize) -> Option<usize> {
        let y = year_num(&self.toks[i])?;
        if !(i > 0 && self.lex.year_prep.contains(&self.toks[i - 1].lower)) {
            return None;
        }
        let r = mk_range(self.toks, i, i + 1);
        self.out.push(DateExpr {
            start: r.0,
            end: r.1,
            date: Some(format!("{y:04}")),
            precision: DatePrecision::Year,
            basis: DateBasis::Explicit,
            kind: DateKind::YearOnly,
            rule: "date.year",
            day: None,
            month_day: None,
            weekday: None,
            named_weekday: None,
        });
        Some(i + 1)
    }

    /// Phrases ("last week", "one day earlier", "la semana pasada", "at the end of 2025").
    fn phrase(&mut self, i: usize) -> Option<usize> {
        let (w, end) = self.lex.phrase_at(self.toks, i)?;
        let p = self.published;
        let week = How::relative(DatePrecision::Week, DateKind::WeekAgo, "date.rel.week");
        match w {
            // "one day earlier" and "last week" differ only in the precision they give
            DW::DayOffset(o) => {
                let how = How::relative(DatePrecision::Day, DateKind::DayOffset, "date.rel.offset");
                self.push(i, end, how, p.and_then(|p| shift(p, o)));
            }
            DW::WeekAgo(o) => {
                self.push(i, end, week, p.and_then(|p| shift(p, o)));
            }
            // "last week" said on a Tuesday is the Monday to Sunday before publication's week,
            // not the seven days before it (which would take in this week's Monday)
            DW::CalendarWeek(o) => {
                let monday = p.and_then(|p| {
                    let back = i64::from(p.weekday().num_days_from_monday());
                    shift(p, o * 7 - back)
                });
                self.push(i, end, week, monday);
            }
            // "last month", "el mes pasado": the month, as "in March" would name it
            DW::MonthAgo(o) => {
                let month = p.and_then(|p| {
                    let n = p.year() as i64 * 12 + p.month0() as i64 + o;
                    Some((i32::try_from(n.div_euclid(12)).ok()?, n.rem_euclid(12) + 1))
                });
                // "since last month": a period's start
                let since =
                    i > 0 && matches!(self.lex.single(&self.toks[i - 1].lower), Some(DW::Since));
                let r = mk_range(self.toks, i, end);
                self.out.push(DateExpr {
                    start: r.0,
                    end: r.1,
                    date: month.map(|(y, m)| format!("{y:04}-{m:02}")),
                    precision: match month {
                        Some(_) => DatePrecision::Month,
                        None => DatePrecision::Unknown,
                    },
                    basis: DateBasis::Relative,
                    kind: if since {
                        DateKind::Since
                    } else {
                        DateKind::MonthOnly
                    },
                    rule: "date.rel.month",
                    day: None,
                    month_day: None,
                    weekday: None,
                    named_weekday: None,
                });
            }
            DW::Weekend(o) => {
                // the weekend just past ("last weekend" on a weekend day is the one before
                // it): a window of days up to its Sunday, or up to publication when that
                // is the Saturday itself, so Friday night's strike fits too. Not the week
                // from its Saturday: a ledger cannot date a week, and the event is of
                // two or three days
                let how =
                    How::relative(DatePrecision::Window, DateKind::WeekAgo, "date.rel.weekend");
                let sunday = p.and_then(|p| {
                    let sat = latest_weekday(shift(p, -o)?, 5, false)?;
                    Some(p.min(sat + chrono::Duration::days(1)))
                });
                self.push(i, end, how, sunday);
            }
            DW::AnchorOffset(o) => {
                let kind = DateKind::AnchorOffset(o);
                self.push(
                    i,
                    end,
                    How::relative(DatePrecision::Unknown, kind, "date.rel.anchor"),
                    None,
                );
            }
            DW::YearEnd => return self.year_end(i, end),
            DW::NamedDay(m, d) => return Some(self.named_day(i, end, m, d)),
            // "in recent months", "en los últimos meses": a period, never an event's day
            DW::Since => {
                let how = How::relative(DatePrecision::Unknown, DateKind::Since, "date.period");
                self.push(i, end, how, None);
            }
            _ => return None,
        }
        Some(end)
    }

    /// "Christmas Day", "el día de Navidad", "Nochevieja" (tokens `i..end`): a day and month
    /// without a year, read as one written out ("on Christmas Day last year": the year before
    /// publication's).
    fn named_day(&mut self, i: usize, end: usize, m: u32, d: u32) -> usize {
        let (offset, end) = match self.year_offset_after(end) {
            Some((o, e)) => (Some(o), e),
            None => (None, end),
        };
        let year = offset.and_then(|o| Some(self.published?.year() + o as i32));
        let r = mk_range(self.toks, i, end);
        let mut e = month_day(r, m, d, year, self.published);
        e.rule = "date.named_day";
        if offset.is_some() {
            e.basis = DateBasis::Relative;
            e.month_day = None;
        }
        self.out.push(e);
        end
    }

    /// "last year", "del año pasado", "of this year" at token `end` (after a month or a day
    /// and month): the year counted from publication's, and the token after it.
    fn year_offset_after(&self, end: usize) -> Option<(i64, usize)> {
        let k = if is_in(self.toks.get(end), &self.lex.month_year) {
            end + 1
        } else {
            end
        };
        match self.lex.phrase_at(self.toks, k)? {
            (DW::YearOffset(o), e) => Some((o, e)),
            _ => None,
        }
    }

    /// "at the end of 2025", "al cierre de 2025": the last day of the year after the cue
    /// (tokens `i..end`).
    fn year_end(&mut self, i: usize, end: usize) -> Option<usize> {
        let y = self.toks.get(end).and_then(year_num)?;
        let day = NaiveDate::from_ymd_opt(y, 12, 31);
        self.push(
            i,
            end + 1,
            How::explicit(DateKind::YearEnd, "date.year_end"),
            day,
        );
        Some(end + 1)
    }

    /// "2 September 2025", "2 de septiembre de 2025", "13, February 2026".
    fn day_month(&mut self, i: usize) -> Option<usize> {
        let (toks, lex) = (self.toks, self.lex);
        let d = day_num(&toks[i])?;
        let mut j = i + 1;
        if is_in(toks.get(j), &lex.day_month) {
            j += 1;
        }
        // "13, February 2026": a comma after the day, only with the year to follow
        let month_at = |k: usize| match toks.get(k).and_then(|x| lex.single(&x.lower)) {
            Some(DW::Month(m)) => Some(m),
            _ => None,
        };
        if is(toks.get(j), ",")
            && month_at(j + 1).is_some()
            && toks.get(j + 2).and_then(year_num).is_some()
        {
            j += 1;
        }
        let m = month_at(j)?;
        // avoid "may" as a verb: only with a day before it, which is the case here
        let mut end = j + 1;
        // "2 Sept. 2025": the period of an abbreviated month, not a full stop
        let abbreviated = toks[j].lower.chars().count() <= 4;
        if abbreviated && is(toks.get(end), ".") && toks.get(end + 1).and_then(year_num).is_some() {
            end += 1;
        }
        let (year, end) = self.year_after(end, |t| is(t, ",") || is_in(t, &lex.month_year));
        self.push_month_day(i, end, m, d, year);
        Some(end)
    }

    /// A day and month over tokens `i..end`, with the year written after them if any, or
    /// the one a "last year" after them counts ("el 3 de marzo del año pasado").
    fn push_month_day(&mut self, i: usize, end: usize, m: u32, d: u32, year: Option<i32>) -> usize {
        let offset = year
            .is_none()
            .then(|| self.year_offset_after(end))
            .flatten();
        let (end, year) = match offset {
            Some((o, e)) => (e, self.published.map(|p| p.year() + o as i32)),
            None => (end, year),
        };
        let r = mk_range(self.toks, i, end);
        let mut e = month_day(r, m, d, year, self.published);
        if offset.is_some() {
            e.basis = DateBasis::Relative;
            e.month_day = None;
            e.rule = "date.explicit.month_day.year_offset";
        }
        self.out.push(e);
        end
    }

    /// A month name: "Sept. 2", "September 2, 2025"; or a month alone, "September 2025",
    /// "in September", "since September" (a period's start).
    fn month(&mut self, i: usize, m: u32) -> usize {
        let (toks, lex) = (self.toks, self.lex);
        let t = &toks[i];
        // "May" is also a verb: require a capital and a following day or year.
        if lex.capital.contains(&t.lower) && !is_capital(self.text, t) {
            return i + 1;
        }
        let mut j = i + 1;
        if is(toks.get(j), ".") {
            j += 1;
        }
        if let Some(d) = toks.get(j).and_then(day_num) {
            let (year, end) = self.year_after(j + 1, |t| is(t, ","));
            return self.push_month_day(i, end, m, d, year);
        }
        if lex.needs_day.contains(&t.lower) {
            return i + 1;
        }
        let (year, end) = self.year_after(i + 1, |t| is_in(t, &lex.month_year));
        // "in March last year", "en marzo del año pasado": the year counted from publication
        let offset = year
            .is_none()
            .then(|| self.year_offset_after(end))
            .flatten();
        let end = offset.map_or(end, |(_, e)| e);
        let since_at = |k: usize| matches!(lex.single(&toks[k].lower), Some(DW::Since));
        let since = i > 0 && since_at(i - 1) || (i > 1 && since_at(i - 2));
        let y = year.or_else(|| {
            let p = self.published?;
            if let Some((o, _)) = offset {
                return Some(p.year() + o as i32);
            }
            Some(if m > p.month() {
                p.year() - 1
            } else {
                p.year()
            })
        });
        let (date, precision) = match y {
            Some(y) => (Some(format!("{y:04}-{m:02}")), DatePrecision::Month),
            None => (None, DatePrecision::Unknown),
        };
        let r = mk_range(toks, i, end);
        self.out.push(DateExpr {
            start: r.0,
            end: r.1,
            date,
            precision,
            basis: if year.is_some() {
                DateBasis::Explicit
            } else {
                DateBasis::Relative
            },
            kind: if since {
                DateKind::Since
            } else {
                DateKind::MonthOnly
            },
            rule: if offset.is_some() {
                "date.month.year_offset"
            } else {
                "date.month"
            },
            day: None,
            month_day: None,
            weekday: None,
            named_weekday: None,
        });
        end
    }

    /// A weekday with what qualifies it: "last Tuesday", "el pasado sábado", "este martes",
    /// "la noche del lunes", "el sábado pasado", "Tuesday night"; followed by an explicit
    /// date it only names that date's weekday ("Saturday, Jan. 3"); said of a day to come
    /// ("will testify on Thursday") it is the next one.
    fn weekday(&mut self, i: usize, wd: u32) -> usize {
        let (toks, lex) = (self.toks, self.lex);
        let kind_at = |k: usize| toks.get(k).and_then(|x| lex.single(&x.lower));
        let mut start = i;
        let mut strictly = false;
        if i > 0 {
            match kind_at(i - 1) {
                Some(DW::Last) => {
                    strictly = true;
                    start = i - 1;
                }
                Some(DW::This) => start = i - 1,
                _ => {}
            }
        }
        if i > 1 && lex.date_of.contains(&toks[i - 1].lower) && kind_at(i - 2) == Some(DW::Part) {
            start = i - 2;
        }
        let mut end = i + 1;
        if kind_at(end) == Some(DW::Last) {
            strictly = true;
            end += 1;
        }
        if kind_at(end) == Some(DW::Part) {
            end += 1;
        }
        if let Some(next) = self.named_weekday(start, end, wd) {
            return next;
        }
        // "Tuesday of last week": that week's Tuesday, not the latest Tuesday
        if let Some((DW::WeekOf(o), e)) = lex.phrase_at(toks, end) {
            let day = self.published.and_then(|p| {
                let back = i64::from(p.weekday().num_days_from_monday());
                shift(p, o * 7 - back + i64::from(wd))
            });
            let how = How::relative(
                DatePrecision::Day,
                DateKind::Weekday,
                "date.rel.weekday.week",
            );
            let x = self.push(start, e, how, day);
            if day.is_none() {
                self.out[x].weekday = Some(wd);
            }
            return e;
        }
        let ahead = !strictly && lex.ahead_of(toks, start, end);
        let day = self.published.and_then(|p| {
            if ahead {
                next_weekday(p, wd)
            } else {
                latest_weekday(p, wd, strictly)
            }
        });
        let how = if ahead {
            How::relative(
                DatePrecision::Day,
                DateKind::Ahead,
                "date.rel.weekday.ahead",
            )
        } else {
            How::relative(DatePrecision::Day, DateKind::Weekday, "date.rel.weekday")
        };
        let x = self.push(start, end, how, day);
        if day.is_none() {
            self.out[x].weekday = Some(wd);
        }
        end
    }

    /// "el sábado 3 de enero", "Saturday, Jan. 3": the weekday (tokens `start..end`) before
    /// an explicit date names the date's weekday; the date is what is found, from the
    /// weekday on.
    fn named_weekday(&mut self, start: usize, end: usize, wd: u32) -> Option<usize> {
        let toks = self.toks;
        let mut k = end;
        if is(toks.get(k), ",") || is(toks.get(k), "(") {
            k += 1;
        }
        let x = toks.get(k)?;
        let window = &toks[k..(k + 6).min(toks.len())];
        let e = find(window, self.text, self.lex, self.published)
            .into_iter()
            .next()?;
        if e.start != x.start || !matches!(e.kind, DateKind::MonthDay | DateKind::Iso) {
            return None;
        }
        let r = (toks[start].start, e.end);
        self.out.push(DateExpr {
            start: r.0,
            end: r.1,
            named_weekday: Some(wd),
            ..e
        });
        // skip past it
        let mut n = k;
        while n < toks.len() && toks[n].end <= r.1 {
            n += 1;
        }
        Some(n)
    }

    /// "yesterday", "ayer", "anoche" ("yesterday morning": with a part of the day after).
    fn day_offset(&mut self, i: usize, o: i64) -> usize {
        let day = self.published.and_then(|p| shift(p, o));
        let mut end = i + 1;
        if matches!(
            self.toks.get(end).and_then(|x| self.lex.single(&x.lower)),
            Some(DW::Part)
        ) {
            end += 1;
        }
        let how = How::relative(DatePrecision::Day, DateKind::DayOffset, "date.rel.offset");
        self.push(i, end, how, day);
        end
    }
}

/// How an expression is read: the precision of the day it names when that day is known,
/// its basis, kind and rule.
#[derive(Clone, Copy)]
struct How {
    known: DatePrecision,
    basis: DateBasis,
    kind: DateKind,
    rule: &'static str,
}

impl How {
    /// A date written out: it names a day.
    fn explicit(kind: DateKind, rule: &'static str) -> How {
        How {
            known: DatePrecision::Day,
            basis: DateBasis::Explicit,
            kind,
            rule,
        }
    }

    /// A date relative to publication or to another date.
    fn relative(known: DatePrecision, kind: DateKind, rule: &'static str) -> How {
        How {
            known,
            basis: DateBasis::Relative,
            kind,
            rule,
        }
    }
}
