//! Dates in text: explicit ("Sept. 2", "2 de septiembre de 2025", "2025-09-02"), relative
//! to the publication date ("Tuesday night", "yesterday", "el pasado sábado", "la noche del
//! lunes", "anoche") and relative to another date in the same sentence ("one day earlier").
//!
//! Resolution follows the codebook: a weekday is the latest such day on or before
//! publication ("last"/"pasado" one strictly before); a day and month without a year takes
//! the publication's year unless that lands more than a week after publication; with no
//! publication date a relative expression resolves to nothing (precision unknown).
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

use crate::fxhash::{FxMap, FxSet};

use chrono::{Datelike, Duration, NaiveDate};
use sw_model::Lang;

use crate::lexicon::{File, LexiconError};
use crate::numbers::phrase_words;
use crate::tokens::{tokenize, Tok, TokKind};
use crate::{DateBasis, DatePrecision};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DW {
    Month(u32),
    Weekday(u32),
    DayOffset(i64),
    Part,
    Last,
    This,
    Since,
    WeekAgo(i64),
    /// "over the weekend": the week from the latest Saturday on or before publication.
    Weekend,
    AnchorOffset(i64),
    YearEnd,
    Start,
    PairAnd,
    PairRange,
    Each,
    Occasion,
    Ahead,
}

/// Date words of one language, from `lexicon/<code>/dates.tsv` and its month names
/// (`months.tsv`, shared with sw-text's datelines).
#[derive(Debug, Clone, Default)]
pub struct DateLexicon {
    single: FxMap<String, DW>,
    /// Multi-word phrases as word sequences, longest first.
    phrases: Vec<(Vec<String>, DW)>,
    phrase_first: FxSet<String>,
    /// Endings of a future verb form ("votará", "hablarán"): a weekday after one is ahead.
    ahead_suffixes: Vec<String>,
    /// Month names that are also common words ("mar", "may"): a month only before a day.
    needs_day: FxSet<String>,
    /// Month names that are a month only with a capital ("May", not the verb "may").
    capital: FxSet<String>,
    /// Before a year, make it one ("in 1916", "en 2025").
    year_prep: FxSet<String>,
    /// Between a day and its month ("2 de septiembre").
    day_month: FxSet<String>,
    /// Between a month and its year ("septiembre de 2025").
    month_year: FxSet<String>,
    /// Before a day, make it an event's or a part of the day's ("el ataque del sábado", "la
    /// noche del lunes").
    date_of: FxSet<String>,
    /// After a date, make it an event's ("Tuesday's strike"); the tokenizer splits the
    /// apostrophe from its "s", the `possessive_ending`.
    possessive: FxSet<String>,
    possessive_ending: FxSet<String>,
    /// Before a second day ("the 15 and the 19").
    day_article: FxSet<String>,
    /// After a number joined to a date, make it a count ("September 15 and 19 people").
    counted: FxSet<String>,
}

impl DateLexicon {
    /// Builds the lexicon from `dates.tsv` and `months.tsv`; a row that cannot be read is an
    /// error naming its file and line.
    pub fn load(dates: File, months: File) -> Result<DateLexicon, LexiconError> {
        let mut lex = DateLexicon::default();
        lex.load_months(months)?;
        for r in dates.rows() {
            r.at_most(3)?;
            let kind = r.col(1, "kind")?;
            let value = || r.int(2, "value");
            let set = match kind {
                "year_prep" => Some(&mut lex.year_prep),
                "day_month" => Some(&mut lex.day_month),
                "month_year" => Some(&mut lex.month_year),
                "date_of" => Some(&mut lex.date_of),
                "possessive" => Some(&mut lex.possessive),
                "possessive_ending" => Some(&mut lex.possessive_ending),
                "day_article" => Some(&mut lex.day_article),
                "counted" => Some(&mut lex.counted),
                _ => None,
            };
            if let Some(set) = set {
                r.at_most(2)?;
                set.insert(r.token(0, "word")?);
                continue;
            }
            let w = match kind {
                "weekday" => {
                    let v = value()?;
                    if !(0..=6).contains(&v) {
                        return Err(r.error("a weekday is 0 (Monday) to 6 (Sunday)"));
                    }
                    DW::Weekday(v as u32)
                }
                "day_offset" => DW::DayOffset(value()?),
                "week_ago" => DW::WeekAgo(value()?),
                "anchor_offset" => DW::AnchorOffset(value()?),
                "part" => DW::Part,
                "last" => DW::Last,
                "this" => DW::This,
                "since" => DW::Since,
                "weekend" => DW::Weekend,
                "year_end" => DW::YearEnd,
                "start" => DW::Start,
                "pair_and" => DW::PairAnd,
                "pair_range" => DW::PairRange,
                "each" => DW::Each,
                "occasion" => DW::Occasion,
                "ahead" => DW::Ahead,
                "ahead_suffix" => {
                    r.opt_int(2, "value")?;
                    lex.ahead_suffixes.push(r.col(0, "ending")?.to_lowercase());
                    continue;
                }
                "month" => return Err(r.error("month names are kept in months.tsv")),
                k => return Err(r.error(format!("unknown kind {k:?}"))),
            };
            r.opt_int(2, "value")?;
            lex.add(phrase_words(&r, "phrase")?, w);
        }
        lex.phrases
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        lex.phrase_first = lex
            .phrases
            .iter()
            .filter_map(|(w, _)| w.first().cloned())
            .collect();
        Ok(lex)
    }

    /// The month names: `name<TAB>month[<TAB>flags]`. A name flagged `dateline` is read in
    /// datelines only (by sw-text), never here.
    fn load_months(&mut self, months: File) -> Result<(), LexiconError> {
        for r in months.rows() {
            r.at_most(3)?;
            let name = r.token(0, "name")?;
            let m = r.int(1, "month")?;
            if !(1..=12).contains(&m) {
                return Err(r.error("a month is 1 to 12"));
            }
            let mut dateline = false;
            for flag in r.opt(2).unwrap_or("").split(',').map(str::trim) {
                match flag {
                    "" => {}
                    "needs_day" => {
                        self.needs_day.insert(name.clone());
                    }
                    "capital" => {
                        self.capital.insert(name.clone());
                    }
                    "dateline" => dateline = true,
                    f => return Err(r.error(format!("unknown flag {f:?}"))),
                }
            }
            if !dateline {
                self.single.insert(name, DW::Month(m as u32));
            }
        }
        Ok(())
    }

    fn add(&mut self, words: Vec<String>, w: DW) {
        if words.len() == 1 {
            self.single.insert(words[0].clone(), w);
        } else {
            self.phrases.push((words, w));
        }
    }

    /// Does the word make the date before it an event's ("Tuesday's strike": the
    /// apostrophe)?
    pub fn is_possessive(&self, w: &str) -> bool {
        self.possessive.contains(w)
    }

    /// Is the word the "s" of a possessive the tokenizer split from its apostrophe?
    pub fn is_possessive_ending(&self, w: &str) -> bool {
        self.possessive_ending.contains(w)
    }

    /// Does the word make the day after it an event's ("el ataque del sábado")?
    pub fn is_date_of(&self, w: &str) -> bool {
        self.date_of.contains(w)
    }

    /// Does the lower-cased word open a period ("since", "desde")?
    pub fn is_since(&self, w: &str) -> bool {
        matches!(self.single.get(w), Some(DW::Since))
    }

    /// Does the lower-cased word name a beginning ("began", "comenzó")?
    pub fn is_start(&self, w: &str) -> bool {
        matches!(self.single.get(w), Some(DW::Start))
    }

    /// Does the word name an event as the occasion of something else ("killed during the
    /// attack", "durante el ataque")?
    pub fn is_occasion(&self, w: &str) -> bool {
        matches!(self.single.get(w), Some(DW::Occasion))
    }

    /// Does the word put what follows in the future ("will", "expected", "se espera",
    /// "votará")?
    fn is_ahead(&self, w: &str) -> bool {
        matches!(self.single.get(w), Some(DW::Ahead))
            || self
                .ahead_suffixes
                .iter()
                .any(|x| w.len() > x.len() + 2 && w.ends_with(x.as_str()))
    }

    /// Whether the weekday at token `i` is said of a day to come: a future cue stands before
    /// it in its clause ("is expected to brief lawmakers on Thursday", "votará el jueves"),
    /// and it does not name an event of its own ("Tuesday's strike", "el ataque del martes").
    fn ahead_of(&self, toks: &[Tok], i: usize, end: usize) -> bool {
        let of_noun = i > 0 && self.date_of.contains(&toks[i - 1].lower)
            || toks
                .get(end)
                .is_some_and(|t| self.possessive.contains(&t.lower));
        !of_noun
            && toks[i.saturating_sub(10)..i]
                .iter()
                .rev()
                .take_while(|t| !matches!(t.lower.as_str(), "." | ";" | ":" | "," | "(" | ")"))
                .any(|t| self.is_ahead(&t.lower))
    }

    /// Does the word spread a figure over every event ("each", "cada")?
    pub fn is_each(&self, w: &str) -> bool {
        matches!(self.single.get(w), Some(DW::Each))
    }

    /// Does the word join two days: Some(false) for two days ("and"), Some(true) for a
    /// span ("-", "to")?
    fn pair(&self, w: &str) -> Option<bool> {
        match self.single.get(w) {
            Some(DW::PairAnd) => Some(false),
            Some(DW::PairRange) => Some(true),
            _ => None,
        }
    }

    /// Does the lower-cased word name a date word (month, weekday, "yesterday", "ayer")?
    pub fn is_cue(&self, w: &str) -> bool {
        matches!(
            self.single.get(w),
            Some(DW::Month(_) | DW::Weekday(_) | DW::DayOffset(_))
        )
    }
}

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

fn day_num(t: &Tok) -> Option<u32> {
    if t.kind != TokKind::Num || t.lower.len() > 2 {
        return None;
    }
    let d: u32 = t.lower.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_num(t: &Tok) -> Option<i32> {
    if t.kind != TokKind::Num || t.lower.len() != 4 {
        return None;
    }
    let y: i32 = t.lower.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// A date written in figures at token `i`: ISO "2025-09-02", or "23.01.2026" (day, month
/// and year joined by full stops, a European convention; never month first).
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

fn is(t: Option<&Tok>, w: &str) -> bool {
    t.is_some_and(|t| t.lower == w)
}

fn is_in(t: Option<&Tok>, set: &FxSet<String>) -> bool {
    t.is_some_and(|t| set.contains(&t.lower))
}

fn phrase_at(toks: &[Tok], i: usize, lex: &DateLexicon) -> Option<(DW, usize)> {
    if !lex.phrase_first.contains(&toks.get(i)?.lower) {
        return None;
    }
    'o: for (ws, w) in &lex.phrases {
        for (k, x) in ws.iter().enumerate() {
            match toks.get(i + k) {
                Some(t) if t.lower == *x => {}
                _ => continue 'o,
            }
        }
        return Some((*w, i + ws.len()));
    }
    None
}

/// Every date expression in the tokens of one sentence, left to right.
pub fn find(
    toks: &[Tok],
    text: &str,
    lex: &DateLexicon,
    published: Option<NaiveDate>,
) -> Vec<DateExpr> {
    let mut out: Vec<DateExpr> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let mk = |s: usize,
                  e: usize,
                  day: Option<NaiveDate>,
                  date: Option<String>,
                  prec,
                  basis,
                  kind,
                  rule| {
            let s_b = toks[s].start;
            let e_b = toks[e - 1].end;
            DateExpr {
                start: s_b,
                end: e_b,
                date,
                precision: prec,
                basis,
                kind,
                rule,
                day,
                month_day: None,
                weekday: None,
                named_weekday: None,
            }
        };
        let _ = text;
        if let Some((day, kind, rule)) = numeric_date(toks, i) {
            out.push(mk(
                i,
                i + 5,
                Some(day),
                Some(fmt_day(day)),
                DatePrecision::Day,
                DateBasis::Explicit,
                kind,
                rule,
            ));
            i += 5;
            continue;
        }
        if let Some(y) = year_num(t) {
            // "in 1916", "en 2025": a year
            let prep = i > 0 && lex.year_prep.contains(&toks[i - 1].lower);
            if prep {
                let r = mk_range(toks, i, i + 1);
                out.push(DateExpr {
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
                i += 1;
                continue;
            }
        }
        // phrases first ("last week", "one day earlier", "la semana pasada")
        if let Some((w, end)) = phrase_at(toks, i, lex) {
            match w {
                // "one day earlier" and "last week" differ only in the precision they give
                DW::DayOffset(_) | DW::WeekAgo(_) | DW::Weekend => {
                    let o = match w {
                        DW::DayOffset(o) | DW::WeekAgo(o) => o,
                        _ => 0,
                    };
                    let (known, kind, rule) = match w {
                        DW::DayOffset(_) => {
                            (DatePrecision::Day, DateKind::DayOffset, "date.rel.offset")
                        }
                        _ => (DatePrecision::Week, DateKind::WeekAgo, "date.rel.week"),
                    };
                    let day = if w == DW::Weekend {
                        // the weekend just past: from its Saturday
                        published.and_then(|p| latest_weekday(p, 5, false))
                    } else {
                        published.and_then(|p| shift(p, o))
                    };
                    let prec = if day.is_some() {
                        known
                    } else {
                        DatePrecision::Unknown
                    };
                    out.push(mk(
                        i,
                        end,
                        day,
                        day.map(fmt_day),
                        prec,
                        DateBasis::Relative,
                        kind,
                        rule,
                    ));
                    i = end;
                    continue;
                }
                DW::AnchorOffset(o) => {
                    out.push(mk(
                        i,
                        end,
                        None,
                        None,
                        DatePrecision::Unknown,
                        DateBasis::Relative,
                        DateKind::AnchorOffset(o),
                        "date.rel.anchor",
                    ));
                    i = end;
                    continue;
                }
                DW::YearEnd => {
                    if let Some(y) = toks.get(end).and_then(year_num) {
                        let day = NaiveDate::from_ymd_opt(y, 12, 31);
                        out.push(mk(
                            i,
                            end + 1,
                            day,
                            day.map(fmt_day),
                            DatePrecision::Day,
                            DateBasis::Explicit,
                            DateKind::YearEnd,
                            "date.year_end",
                        ));
                        i = end + 1;
                        continue;
                    }
                }
                _ => {}
            }
        }
        let Some(&w) = lex.single.get(&t.lower) else {
            // "2 September 2025" / "2 de septiembre de 2025"
            if let Some(d) = day_num(t) {
                let mut j = i + 1;
                if is_in(toks.get(j), &lex.day_month) {
                    j += 1;
                }
                // "13, February 2026": a comma after the day, only with the year to follow
                let comma_month = |j: usize| {
                    is(toks.get(j), ",")
                        && matches!(
                            toks.get(j + 1).and_then(|x| lex.single.get(&x.lower)),
                            Some(DW::Month(_))
                        )
                        && toks.get(j + 2).and_then(year_num).is_some()
                };
                if comma_month(j) {
                    j += 1;
                }
                if let Some(DW::Month(m)) =
                    toks.get(j).and_then(|x| lex.single.get(&x.lower)).copied()
                {
                    // avoid "may" as a verb: only with a day before it, which is the case here
                    let mut end = j + 1;
                    // "2 Sept. 2025": the period of an abbreviated month, not a full stop
                    let abbreviated = toks[j].lower.chars().count() <= 4;
                    if abbreviated
                        && is(toks.get(end), ".")
                        && toks.get(end + 1).and_then(year_num).is_some()
                    {
                        end += 1;
                    }
                    let mut year = None;
                    let mut k = end;
                    if is(toks.get(k), ",") || is_in(toks.get(k), &lex.month_year) {
                        k += 1;
                    }
                    if let Some(y) = toks.get(k).and_then(year_num) {
                        year = Some(y);
                        end = k + 1;
                    }
                    out.push(month_day(mk_range(toks, i, end), m, d, year, published));
                    i = end;
                    continue;
                }
            }
            i += 1;
            continue;
        };
        match w {
            DW::Month(m) => {
                // "May" is also a verb: require a capital and a following day or year.
                if lex.capital.contains(&t.lower) && !is_capital(text, t) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                if is(toks.get(j), ".") {
                    j += 1;
                }
                if let Some(d) = toks.get(j).and_then(day_num) {
                    // "Sept. 2", "September 2, 2025"
                    let mut end = j + 1;
                    let mut year = None;
                    let mut k = end;
                    if is(toks.get(k), ",") {
                        k += 1;
                    }
                    if let Some(y) = toks.get(k).and_then(year_num) {
                        year = Some(y);
                        end = k + 1;
                    }
                    // "Sept. 2" only when the 2 is not glued to a figure ("Sept. 2 strikes")
                    out.push(month_day(mk_range(toks, i, end), m, d, year, published));
                    i = end;
                    continue;
                }
                if lex.needs_day.contains(&t.lower) {
                    i += 1;
                    continue;
                }
                // "September 2025", "in September", "since September"
                let mut end = i + 1;
                let mut k = end;
                if is_in(toks.get(k), &lex.month_year) {
                    k += 1;
                }
                let mut year = None;
                if let Some(y) = toks.get(k).and_then(year_num) {
                    year = Some(y);
                    end = k + 1;
                }
                let since = i > 0 && matches!(lex.single.get(&toks[i - 1].lower), Some(DW::Since))
                    || (i > 1 && matches!(lex.single.get(&toks[i - 2].lower), Some(DW::Since)));
                let y = year.or_else(|| {
                    let p = published?;
                    Some(if m > p.month() {
                        p.year() - 1
                    } else {
                        p.year()
                    })
                });
                let (date, prec) = match y {
                    Some(y) => (Some(format!("{y:04}-{m:02}")), DatePrecision::Month),
                    None => (None, DatePrecision::Unknown),
                };
                let kind = if since {
                    DateKind::Since
                } else {
                    DateKind::MonthOnly
                };
                let r = mk_range(toks, i, end);
                out.push(DateExpr {
                    start: r.0,
                    end: r.1,
                    date,
                    precision: prec,
                    basis: if year.is_some() {
                        DateBasis::Explicit
                    } else {
                        DateBasis::Relative
                    },
                    kind,
                    rule: "date.month",
                    day: None,
                    month_day: None,
                    weekday: None,
                    named_weekday: None,
                });
                i = end;
                continue;
            }
            DW::Weekday(wd) => {
                // modifiers before: "last Tuesday", "el pasado sábado", "este martes"
                let mut start = i;
                let mut strictly = false;
                if i > 0 {
                    match lex.single.get(&toks[i - 1].lower) {
                        Some(DW::Last) => {
                            strictly = true;
                            start = i - 1;
                        }
                        Some(DW::This) => start = i - 1,
                        _ => {}
                    }
                }
                // "la noche del lunes"
                if i > 1
                    && lex.date_of.contains(&toks[i - 1].lower)
                    && matches!(lex.single.get(&toks[i - 2].lower), Some(DW::Part))
                {
                    start = i - 2;
                }
                let mut end = i + 1;
                // "el sábado pasado"
                if matches!(
                    toks.get(end).and_then(|x| lex.single.get(&x.lower)),
                    Some(DW::Last)
                ) {
                    strictly = true;
                    end += 1;
                }
                // "Tuesday night", "el lunes por la noche"
                if matches!(
                    toks.get(end).and_then(|x| lex.single.get(&x.lower)),
                    Some(DW::Part)
                ) {
                    end += 1;
                }
                // "el sábado 3 de enero", "Saturday, Jan. 3": an explicit date follows
                let mut k = end;
                if is(toks.get(k), ",") || is(toks.get(k), "(") {
                    k += 1;
                }
                if let Some(x) = toks.get(k) {
                    let explicit = find(&toks[k..(k + 6).min(toks.len())], text, lex, published);
                    if let Some(e) = explicit.into_iter().next() {
                        if e.start == x.start
                            && matches!(e.kind, DateKind::MonthDay | DateKind::Iso)
                        {
                            let r = (toks[start].start, e.end);
                            out.push(DateExpr {
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
                            i = n;
                            continue;
                        }
                    }
                }
                let ahead = !strictly && lex.ahead_of(toks, start, end);
                let day = published.and_then(|p| {
                    if ahead {
                        next_weekday(p, wd)
                    } else {
                        latest_weekday(p, wd, strictly)
                    }
                });
                let prec = if day.is_some() {
                    DatePrecision::Day
                } else {
                    DatePrecision::Unknown
                };
                let (kind, rule) = if ahead {
                    (DateKind::Ahead, "date.rel.weekday.ahead")
                } else {
                    (DateKind::Weekday, "date.rel.weekday")
                };
                let mut x = mk(
                    start,
                    end,
                    day,
                    day.map(fmt_day),
                    prec,
                    DateBasis::Relative,
                    kind,
                    rule,
                );
                if day.is_none() {
                    x.weekday = Some(wd);
                }
                out.push(x);
                i = end;
                continue;
            }
            DW::YearEnd => {
                if let Some(y) = toks.get(i + 1).and_then(year_num) {
                    let day = NaiveDate::from_ymd_opt(y, 12, 31);
                    out.push(mk(
                        i,
                        i + 2,
                        day,
                        day.map(fmt_day),
                        DatePrecision::Day,
                        DateBasis::Explicit,
                        DateKind::YearEnd,
                        "date.year_end",
                    ));
                    i += 2;
                    continue;
                }
                i += 1;
                continue;
            }
            DW::DayOffset(o) => {
                let day = published.and_then(|p| shift(p, o));
                let prec = if day.is_some() {
                    DatePrecision::Day
                } else {
                    DatePrecision::Unknown
                };
                let mut end = i + 1;
                if matches!(
                    toks.get(end).and_then(|x| lex.single.get(&x.lower)),
                    Some(DW::Part)
                ) {
                    end += 1;
                }
                out.push(mk(
                    i,
                    end,
                    day,
                    day.map(fmt_day),
                    prec,
                    DateBasis::Relative,
                    DateKind::DayOffset,
                    "date.rel.offset",
                ));
                i = end;
                continue;
            }
            _ => {
                i += 1;
            }
        }
    }
    // Resolve "one day earlier" against the nearest preceding resolved date, else publication
    // ("a day later" never against publication: that day had not come yet). One pass: the
    // nearest date before is carried along (a sentence may hold many).
    let mut before: Option<(NaiveDate, DatePrecision)> = None;
    for e in out.iter_mut() {
        if let DateKind::AnchorOffset(o) = e.kind {
            // the nearest date before it, when that one is a day ("two days before last
            // week" is no day)
            let anchor = match before {
                Some((d, DatePrecision::Day)) => Some(d),
                Some(_) => None,
                None => published.filter(|_| o <= 0),
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
    out
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

/// Reads again, from `anchor` (the last day an earlier sentence named), each "one day
/// earlier" that no date before it in its own sentence anchors: in a story, "a separate
/// strike the day before" counts from the day just told of, not from publication.
pub fn reanchor(dates: &mut [DateExpr], anchor: NaiveDate) {
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
        let i = toks.iter().position(|t| t.start >= d.start).unwrap_or(0);
        let j = toks
            .iter()
            .position(|t| t.start >= d.end)
            .unwrap_or(toks.len());
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
        // the weekend just past, from its Saturday, whatever the day of publication
        for (s, lang, p, sat) in [
            ("over the weekend", Lang::En, d(2025, 11, 16), "2025-11-15"),
            ("over the weekend", Lang::En, d(2025, 11, 19), "2025-11-15"),
            ("el fin de semana", Lang::Es, d(2025, 11, 17), "2025-11-15"),
            (
                "este fin de semana",
                Lang::Es,
                d(2025, 11, 15),
                "2025-11-15",
            ),
        ] {
            let e = parse_date(s, lang, p).unwrap();
            assert_eq!(e.date.as_deref(), Some(sat), "{s} {p:?}");
            assert_eq!(e.precision, DatePrecision::Week, "{s}");
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
