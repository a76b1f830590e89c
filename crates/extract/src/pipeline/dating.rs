//! Dates of a sentence: every date expression in it (`crate::dates` reads them), what each
//! is (a period's start, a span's end, a day a dateline names), and which one an event takes:
//! the date written as the event noun's attribute first, then an anchored "one day
//! earlier", then the nearest date not attached to a reporting verb. An event that happened
//! takes from a date that is only its announcement's the window of days up to it, never
//! a date after publication, and, told as news with no date at all, the window up to
//! publication.

use chrono::{Datelike, NaiveDate};

use super::events::{Picked, Plan};
use super::report::{set_date, set_date_as};
use super::sentence::{is_clause_break, Cand, CandKind, SentCtx, Sentence};
use crate::dates::{self, DateExpr, DateKind};
use crate::lexicon::{AttrCue, EventCue, Hit, LangLex};
use crate::tokens::{Tok, Word};
use crate::{
    ClaimField, DateBasis, DatePrecision, EventType, Field, Modality, Report, ReportKind, Source,
};

/// Where a date written without a year takes its year from.
#[derive(Clone, Copy, Debug)]
pub(super) enum YearFrom {
    /// A day the text gives (the date falls on or before it, give or take a week).
    Before(NaiveDate),
    /// A rough estimate (the nearest year).
    Near(NaiveDate),
    /// The span of the corpus's dated articles (the one year that puts it inside).
    Within(NaiveDate, NaiveDate),
    /// In an article with no publication date, the article's own latest full date or month
    /// and year (a date written without a year takes the year that puts it nearest), and
    /// the latest day it tells an event on with its weekday ("el domingo 30 de marzo de
    /// 2025"): a weekday ("el viernes") is then the one nearest that day.
    Text(NaiveDate, Option<NaiveDate>),
}

/// The dates of one sentence, read.
pub(super) struct SentenceDates {
    pub all: Vec<DateExpr>,
    /// Two days written as one ("September 15 and 19"): indices in `all` of the two dates,
    /// one event each.
    pub day_pairs: Vec<(usize, usize)>,
    /// The sentence names a day (before any is taken for a period's start): strikes summed
    /// up under a perfect are then one event.
    pub day_dated: bool,
}

/// Every date of the sentence: two days written as one split in two (a span dated by its
/// first day), years given from `year_ref` to dates written without one, a period's start
/// marked as such, "one day earlier" read from `anchor` (the last day an earlier sentence
/// named), which this sentence's last day then replaces.
pub(super) fn sentence_dates(
    l: &LangLex,
    ctx: &SentCtx,
    published: Option<NaiveDate>,
    year_ref: Option<(YearFrom, &'static str)>,
    anchor: &mut Option<NaiveDate>,
) -> SentenceDates {
    let toks = &ctx.toks;
    let mut all = dates::find(toks, ctx.text, &l.dates, published);
    // "September 15 and 19": two days; "Nov. 9-10": a span dated by its first day
    let mut day_pairs: Vec<(usize, usize)> = Vec::new();
    for (fi, x, range) in dates::pairs(toks, &l.dates, &all) {
        let x_later = x.start > all[fi].start;
        if range && !x_later {
            all[fi].kind = DateKind::RangeEnd;
        }
        all.push(x);
        if !range {
            day_pairs.push((fi, all.len() - 1));
        }
    }
    let day_dated = all.iter().any(|d| {
        matches!(
            d.kind,
            DateKind::MonthDay
                | DateKind::Weekday
                | DateKind::DayOffset
                | DateKind::AnchorOffset(_)
        )
    });
    if let Some((y, rule)) = year_ref {
        for d in all.iter_mut() {
            match y {
                YearFrom::Before(r) => d.resolve_year(r, false, rule),
                YearFrom::Near(r) => d.resolve_year(r, true, rule),
                YearFrom::Within(a, b) => d.resolve_year_within(a, b, rule),
                YearFrom::Text(r, anchor) => {
                    d.resolve_year(r, true, rule);
                    if let Some(a) = anchor {
                        d.resolve_weekday_near(a, "date.rel.weekday.anchor_from_text");
                    }
                }
            }
        }
    }
    mark_since(l, toks, &mut all);
    if let Some(a) = *anchor {
        dates::reanchor(&mut all, a);
    }
    if let Some(d) = dates::last_named_day(&all) {
        *anchor = Some(d);
    }
    SentenceDates {
        all,
        day_pairs,
        day_dated,
    }
}

/// "since the campaign began on September 2", "desde el 2 de septiembre", "since Sept. 2"
/// (not "desde este lunes"): the start of a period, never an event's date. So is a year or
/// a month that frames a series or a record ("the first such attacks in 2024", "the
/// deadliest in March", "el más letal de 2025").
fn mark_since(l: &LangLex, toks: &[Tok], all: &mut [DateExpr]) {
    for d in all.iter_mut() {
        let i = toks.iter().position(|t| t.start >= d.start).unwrap_or(0);
        let from = i.saturating_sub(12);
        let window: Vec<&Tok> = toks[from..i]
            .iter()
            .rev()
            .take_while(|t| !is_clause_break(t))
            .collect();
        let since = window.iter().any(|t| l.dates.is_since(&t.lower))
            && window.iter().any(|t| l.dates.is_start(&t.lower))
            || matches!(
                d.kind,
                DateKind::MonthDay | DateKind::MonthOnly | DateKind::YearOnly
            ) && window.iter().take(2).any(|t| l.dates.is_since(&t.lower));
        // an ordinal frames a year ("the third strike in 2025"), not a month ("a second
        // strike early in September" is that strike's month; "the second strike in February
        // killed three" too)
        let year = d.kind == DateKind::YearOnly;
        let series = matches!(d.kind, DateKind::MonthOnly | DateKind::YearOnly)
            && window.iter().take(SERIES_REACH).enumerate().any(|(k, t)| {
                l.dates.is_series(&t.lower)
                    || year && l.nums.ordinal(&t.lower).is_some()
                    // "the most lethal", "el bombardeo más letal"
                    || l.dates.is_superlative(&t.lower)
                        && window[k + 1..]
                            .iter()
                            .take(2)
                            .any(|a| l.definite.contains(&a.lower))
            });
        if since || series {
            d.kind = DateKind::Since;
        }
    }
}

/// How many words before a year or a month a series cue frames it ("the first such
/// attacks by U.S. forces in 2024").
const SERIES_REACH: usize = 8;

/// "a strike on 3 May that left four dead and another on 9 May that killed two": events of
/// one kind, each followed closely by a day of its own, are so many events (the split:
/// (cue token, date index) of each), each taking the figures written between it and the
/// next. One event named with its day among others named without: the sentence's event of
/// that kind takes that day (its type and date index).
pub(super) fn own_days(s: &Sentence, picked: &[Picked]) -> OwnDays {
    let (l, toks) = (s.l, &s.ctx.toks);
    let tok_of = |d: &DateExpr| d.tokens(toks).0;
    let end_of = |d: &DateExpr| d.tokens(toks).1;
    let a_day = |d: &DateExpr| d.is_named_day();
    // an attribution verb between a day and its event makes it the day something was said
    let said = |a: usize, b: usize| {
        (a..b).any(|k| {
            l.attribution
                .at(toks, k)
                .is_some_and(|h| matches!(h.value(), AttrCue::Verb))
        })
    };
    let own_day = |e: &Hit<EventCue>| -> Option<usize> {
        let next_cue = s
            .events
            .iter()
            .map(|h| h.ts)
            .filter(|&t| t > e.ts)
            .min()
            .unwrap_or(toks.len());
        let prev_cue = s
            .events
            .iter()
            .map(|h| h.te)
            .filter(|&t| t <= e.ts)
            .max()
            .unwrap_or(0);
        // "a strike on May 3": a day written just after its cue
        let after = s.dates.iter().position(|d| {
            let i = tok_of(d);
            // ("an airstrike in Idlib killed a finance chief on Feb. 15": further, in the
            // cue's own clause, past the toll it took)
            // ... or, for "another", past where it was ("and another in the eastern Pacific on
            // Thursday")
            let near = i <= e.te + 4
                || (i <= e.te + 9
                    && !toks[e.te..i].iter().any(is_clause_break)
                    && (s.figs.iter().any(|f| {
                        f.field == Field::Killed && !f.tally && (e.te..i).contains(&f.q.tok_start)
                    }) || l.elliptic.contains(&toks[e.ts].lower)
                        && l.grammar.locative.at(toks, e.te).is_some()));
            a_day(d)
                && i >= e.te
                && near
                && i < next_cue
                // "an attack announced on October 3": the announcement's day
                && !said(e.te, i)
        });
        // "on Feb. 22 another killed", "el 22 de febrero otro bombardeo": a day written just
        // before its cue, after the sentence's previous event
        after.or_else(|| {
            s.dates.iter().position(|d| {
                let (i, j) = (tok_of(d), end_of(d));
                // introduced as a day ("on", "el"), not a dateline's nor a report's ("del
                // lunes"), and not the day of a saying ("said on Tuesday that")
                let prep = [Some(i), i.checked_sub(1)]
                    .into_iter()
                    .flatten()
                    .find(|&k| l.grammar.day_prep.contains(&toks[k].lower));
                let told = |k: usize| said(k.saturating_sub(2), k);
                a_day(d)
                    && prep.is_some_and(|k| !told(k))
                    && i >= prev_cue
                    && j <= e.ts
                    && e.ts - j <= 7
                    // ("On Feb. 15, a U.S. airstrike": the comma after the day, no other)
                    && !toks[(j + 1).min(e.ts)..e.ts].iter().any(is_clause_break)
                    && !said(j, e.ts)
                    && !toks[j..e.ts]
                        .iter()
                        .any(|t| l.grammar.that.contains(&t.lower))
            })
        })
    };
    // a kill verb that goes on a noun's sentence ("an airstrike in Idlib killed a chief on
    // Feb. 15") tells that noun's event: a day found for the verb is the noun's, unless a
    // day written between them starts another
    let owner = |p: &Picked| -> usize {
        let c = p.e.value();
        if !((c.force || c.by_force) && !c.noun) {
            return p.e.ts;
        }
        picked
            .iter()
            .filter(|q| {
                q.e.ts < p.e.ts
                    && q.m == Modality::Occurred
                    && q.e.value().event_type.is_violent()
                    && q.e.value().noun
            })
            .max_by_key(|q| q.e.ts)
            .filter(|q| {
                !s.dates.iter().any(|d| {
                    let i = tok_of(d);
                    a_day(d) && i >= q.e.te && end_of(d) <= p.e.ts
                })
            })
            .map_or(p.e.ts, |q| q.e.ts)
    };
    let mut owned: Vec<(usize, usize)> = Vec::new();
    for p in picked
        .iter()
        .filter(|p| p.m == Modality::Occurred && p.e.value().event_type.is_violent())
    {
        let Some(d) = own_day(&p.e) else { continue };
        let ts = owner(p);
        // the noun's own day stands (the verb's repeats it or names the same event), and one
        // day written once is one event's ("another on May 6 killed seven")
        if !owned.iter().any(|(t, x)| *t == ts || *x == d) {
            owned.push((ts, d));
        }
    }
    // beside an event with a day of its own, an event named before it takes the day written
    // in its own stretch of the sentence ("jets struck a camp in Zamfara on May 3, killing
    // 12, and another on May 6 killed seven")
    if !owned.is_empty() {
        for p in picked
            .iter()
            .filter(|p| p.m == Modality::Occurred && p.e.value().event_type.is_violent())
        {
            let ts = owner(p);
            if ts != p.e.ts || owned.iter().any(|(t, _)| *t == ts) {
                continue;
            }
            let next = owned.iter().map(|(t, _)| *t).filter(|&t| t > p.e.ts).min();
            let Some(next) = next else { continue };
            let day = s.dates.iter().position(|d| {
                let i = tok_of(d);
                a_day(d) && i >= p.e.te && end_of(d) <= next && !said(p.e.te, i)
            });
            if let Some(d) = day.filter(|d| !owned.iter().any(|(_, x)| x == d)) {
                owned.push((ts, d));
            }
        }
    }
    owned.sort_unstable();
    let days: std::collections::BTreeSet<Option<NaiveDate>> =
        owned.iter().map(|(_, d)| s.dates[*d].day).collect();
    let split: Vec<(usize, usize)> = if owned.len() >= 2 && days.len() == owned.len() {
        owned.clone()
    } else {
        another_of_the_day(s, picked, &owned, &owner).unwrap_or_default()
    };
    let owned_day = match owned[..] {
        [(ts, d)] => picked
            .iter()
            .find(|p| p.e.ts == ts)
            .map(|p| (p.e.value().event_type, d)),
        _ => None,
    };
    OwnDays { split, owned_day }
}

/// "Warplanes struck two camps in Borno on Sunday, killing 12, and another strike in Yobe
/// killed four", "bombardeó el domingo un campamento en Arauca, con siete muertos, y otro
/// bombardeo en Norte de Santander mató a tres": an event named with "another" (`elliptic`
/// right before its noun, opening a clause) after one of its kind told with a day, with a toll of its own
/// after it and no day of its own, is a second event of that day. The split ((cue token,
/// date index) of each, as [`own_days`] gives): the first event and the other, both dated
/// by the first's day, each taking the figures written in its own stretch.
fn another_of_the_day(
    s: &Sentence,
    picked: &[Picked],
    owned: &[(usize, usize)],
    owner: &dyn Fn(&Picked) -> usize,
) -> Option<Vec<(usize, usize)>> {
    let (l, toks) = (s.l, &s.ctx.toks);
    let happened = |p: &&Picked| p.m == Modality::Occurred && p.e.value().event_type.is_violent();
    // (opening a clause of its own: "and another", ", another"; not "after another strike
    // killed four", an earlier event)
    let opens = |k: usize| {
        k == 0
            || l.grammar.and.contains(&toks[k - 1].lower)
            || super::sentence::is_clause_break(&toks[k - 1])
    };
    let other = picked.iter().filter(happened).find(|p| {
        let c = p.e.value();
        // ("and another in Yobe killed four": the word itself stands for the noun)
        let lone = p.e.te == p.e.ts + 1 && l.elliptic.contains(&toks[p.e.ts].lower);
        lone && opens(p.e.ts)
            || c.noun
                && !c.plural
                && p.e.ts > 0
                && l.elliptic.contains(&toks[p.e.ts - 1].lower)
                && opens(p.e.ts - 1)
    })?;
    let et = other.e.value().event_type;
    let first = picked
        .iter()
        .filter(happened)
        .filter(|p| p.e.ts + 1 < other.e.ts && p.e.value().event_type == et)
        .map(owner)
        .min()?;
    // its own toll, after it and before any other cue
    let next_cue = s
        .events
        .iter()
        .map(|h| h.ts)
        .filter(|&t| t > other.e.ts)
        // a verb of killing after it tells its dead, not another event
        .filter(|&t| {
            !s.events.iter().any(|h| {
                let c = h.value();
                h.ts == t && !c.noun && (c.force || c.by_force)
            })
        })
        .min()
        .unwrap_or(toks.len());
    let own_toll = s.figs.iter().any(|f| {
        f.field == Field::Killed && !f.tally && (other.e.te..next_cue).contains(&f.q.tok_start)
    });
    // a date of its own anywhere after it ("and another in Yobe last month killed four", "in
    // 2024 had killed 20"): not the first event's day, and not one this rule can date
    let dated_after = s.dates.iter().any(|d| d.tokens(toks).0 > other.e.ts);
    if !own_toll || dated_after || owned.iter().any(|&(t, _)| t == other.e.ts) {
        return None;
    }
    // the first event's day: its own, else the one day the sentence names before the other
    let day = match owned {
        [(t, d)] if *t == first => *d,
        [] => {
            // (not the day something was said: "the army said on Monday that ...")
            let said = |i: usize| {
                (i.saturating_sub(3)..i).any(|k| {
                    l.attribution
                        .at(toks, k)
                        .is_some_and(|h| matches!(h.value(), AttrCue::Verb))
                })
            };
            let mut days = s.dates.iter().enumerate().filter(|(_, d)| {
                let (i, j) = d.tokens(toks);
                d.is_named_day() && j <= other.e.ts && d.day.is_some() && !said(i)
            });
            match (days.next(), days.next()) {
                (Some((i, _)), None) => i,
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(vec![(first, day), (other.e.ts, day)])
}

/// Events dated each by a day of its own, see [`own_days`].
pub(super) struct OwnDays {
    /// (cue token, date index) of each of several events told with their own days.
    pub split: Vec<(usize, usize)>,
    /// The type and date index of the one event told with its day among others.
    pub owned_day: Option<(EventType, usize)>,
}

/// Dates the event report `rep` of the picked cue `p` (the `split_at`th of the split
/// events, if it is one). Returns whether the date is the event's own (not only the day
/// something was said of it), and the weekday of a day named only as "Thursday" that no
/// publication date resolves.
///
/// An event that happened takes a date that is only its announcement's ("said on Monday")
/// as a weak date, and the day of an issued statement or announcement ("in a statement
/// issued Tuesday") as the window of days up to it; from a date after publication, the
/// year before when that fits, else nothing. An event told
/// as news with no date at all is marked for the publication window (see
/// [`publication_windows`]).
pub(super) fn date_event(
    rep: &mut Report,
    s: &Sentence,
    plan: &Plan,
    p: &Picked,
    split_at: Option<usize>,
    src: &Source,
) -> (bool, Option<u32>) {
    let (l, toks) = (s.l, &s.ctx.toks);
    let (e, m) = (&p.e, p.m);
    let et = e.value().event_type;
    let occasion = plan.occasion_from.is_some_and(|o| e.ts >= o);
    let happened = rep.kind == ReportKind::Event;
    // "justify the strikes with a law passed after the Sept. 11, 2001, attacks": a date
    // written before another event's noun is that event's
    // ... and a date inside the clause of another event named as one known ("in retaliation
    // for the ambush last week", "responsables de la emboscada del 9 de mayo") is that
    // event's
    let elsewhere = super::figures::tolls::other_event_regions(l, s.ctx);
    let named_in = |a: usize, b: usize| {
        s.events.iter().any(|h| {
            h.ts >= a
                && h.te <= b
                && h.value().noun
                && h.value().event_type.is_violent()
                && h.ts > 0
                && l.definite.contains(&toks[h.ts - 1].lower)
        })
    };
    // (any event noun there, for a span of days rather than a day, "a response to a drone
    // attack last week": no day of the act that answered it)
    let any_in = |a: usize, b: usize| {
        s.events
            .iter()
            .any(|h| h.ts >= a && h.te <= b && h.value().noun && h.value().event_type.is_violent())
    };
    let other_clause = |d: &DateExpr| {
        let i = toks.iter().position(|t| t.start >= d.start).unwrap_or(0);
        elsewhere.iter().any(|&(a, b)| {
            (a..b).contains(&i)
                && !(a..b).contains(&e.ts)
                && (named_in(a, b)
                    || (!d.is_named_day()
                        && !matches!(d.kind, DateKind::AnchorOffset(_))
                        && any_in(a, b)))
        })
    };
    let own_dates: Vec<DateExpr> = s
        .dates
        .iter()
        .filter(|d| !names_other_event(d, toks, e.ts, &s.events, l) && !other_clause(d))
        .cloned()
        .collect();
    let chosen = match (split_at, plan.owned_day) {
        (Some(k), _) => Some((&s.dates[plan.split[k].1], false)),
        (None, Some((oet, d))) if oet == et && m == Modality::Occurred => {
            Some((&s.dates[d], false))
        }
        _ => pick_date(&own_dates, toks, e.ts, l, happened).filter(|(_, a)| !(*a && occasion)),
    };
    let Some((d, attached)) = chosen else {
        if news_without_date(s, p, rep, occasion) {
            rep.date_basis = DateBasis::Publication;
        }
        return (false, None);
    };
    if !happened {
        set_date(rep, d, s.ctx, src);
        return (!attached, d.weekday);
    }
    // a date that is only the announcement's stays the event's date, weakly (the event's own
    // date, met later, replaces it, and the ledger lets a soft date a day off join its
    // incident): a window ending on it placed a same-day announcement a day early
    match not_after_publication(d, s.published) {
        Some(x) if x.date == d.date => set_date(rep, d, s.ctx, src),
        Some(x) => set_date_as(rep, &x, s.ctx, src, format!("{}.previous_year", d.rule)),
        None => return (false, None),
    }
    // the day of an issued statement or an announcement ("in a statement issued Tuesday", "en
    // un comunicado emitido este martes") follows what it tells of: the event fell in the
    // window of days up to it, not on it
    let at = toks.iter().position(|t| t.start >= d.start).unwrap_or(0);
    if attached
        && rep.date_precision == DatePrecision::Day
        && (announced_on(at, toks, l) || pluperfect_after(at, e.ts, toks, l))
    {
        rep.date_precision = DatePrecision::Window;
        if let Some(c) = rep
            .claims
            .iter_mut()
            .rev()
            .find(|c| c.field == ClaimField::Date)
        {
            c.rule = format!("{}.announced_window", c.rule);
        }
    }
    (!attached, d.weekday)
}

/// A date of an event that happened, held against publication: as it is when it falls on
/// or before it; a date written out that falls after it ("December 19, 2026" in a January
/// 2026 article) moved to the year before when that is on or before it; else none.
fn not_after_publication(d: &DateExpr, published: Option<NaiveDate>) -> Option<DateExpr> {
    let (Some(p), Some(date)) = (published, d.date.as_deref()) else {
        return Some(d.clone());
    };
    let Some(first) = sw_model::When::parse(date, d.precision) else {
        return Some(d.clone());
    };
    if first.first <= p {
        return Some(d.clone());
    }
    if !matches!(d.kind, DateKind::MonthDay | DateKind::MonthOnly) {
        return None;
    }
    let back = |x: NaiveDate| x.with_year(x.year() - 1);
    let day = match d.precision {
        DatePrecision::Day => Some(back(d.day?)?),
        _ => None,
    };
    let date = match day {
        Some(x) => x.format("%Y-%m-%d").to_string(),
        None => format!("{:04}{}", first.first.year() - 1, &date[4..]),
    };
    let moved = sw_model::When::parse(&date, d.precision)?;
    (moved.first <= p).then(|| DateExpr {
        date: Some(date),
        day,
        month_day: None,
        ..d.clone()
    })
}

/// Whether an event the sentence gives no date is news the publication window dates: one
/// that happened, a strike, raid or attack, in a dated article, not named as one told of
/// already (an ordinal, a definite noun: "the second strike", "el ataque"), not the occasion
/// of something else ("killed during the attack"), in a sentence with no total and no
/// period's start or series ("since September", "the first such attacks in 2024").
fn news_without_date(s: &Sentence, p: &Picked, rep: &Report, occasion: bool) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    let e = &p.e;
    let kinetic = matches!(
        rep.event_type,
        EventType::Strike | EventType::Raid | EventType::Attack
    );
    // ... but a clash ("the shootout", "el enfrentamiento") named with a definite article
    // before the article, or its sentence, has told of any violence is the story's own event,
    // told as a fact for the first time ("Gunfire was heard before dawn. The shootout left
    // three dead")
    let first_clash = e.value().force
        && e.value().noun
        && !e.value().plural
        && !s.told
        && !s
            .events
            .iter()
            .any(|h| h.ts < e.ts && h.value().event_type.is_violent());
    let named_before = e.value().noun
        && (super::events::ordinal_before(toks, e.ts, l).is_some()
            || super::events::definite_of(s, e.ts) && !first_clash);
    // "killed during U.S. airstrikes on boats": the occasion of something else; "a sixth,
    // deadly strike": one of a series
    let before = &toks[e.ts.saturating_sub(4)..e.ts];
    let occasion = occasion || before.iter().any(|t| l.dates.is_occasion(&t.lower));
    let ordinal = e.value().noun && before.iter().any(|t| l.nums.ordinal(&t.lower).is_some());
    s.published.is_some()
        && kinetic
        && rep.kind == ReportKind::Event
        && p.m == Modality::Occurred
        && !occasion
        && !named_before
        && !ordinal
        // a total told in the sentence makes it the campaign's; a total's verb with no total
        // ("the military has struck weapons depots in Yemen") is news like any other
        && !s.figs.iter().any(|f| f.tally)
        && !s.dates.iter().any(|d| d.kind == DateKind::Since)
}

/// How many of an article's first sentences tell its news: an event told with no date
/// after them is background ("a camp was bombed ..."), not news the window dates.
const LEAD_SENTENCES: usize = 4;

/// Dates each event report marked as news with no date (basis `publication`, no date yet:
/// no later sentence gave it a day), first told in the article's lead (its first
/// [`LEAD_SENTENCES`] of `sents`), by the window of [`sw_model::WINDOW_DAYS`] days up to
/// publication; any other mark is cleared.
pub(super) fn publication_windows(
    reports: &mut [Report],
    published: Option<NaiveDate>,
    sents: &[std::ops::Range<usize>],
) {
    let lead_end = sents
        .get(LEAD_SENTENCES.min(sents.len()).saturating_sub(1))
        .map_or(0, |r| r.end);
    for r in reports.iter_mut() {
        if r.date.is_some() || r.date_basis != DateBasis::Publication {
            continue;
        }
        match published {
            Some(p) if r.kind == ReportKind::Event && r.sentence[0] < lead_end => {
                r.date = Some(p.format("%Y-%m-%d").to_string());
                r.date_precision = DatePrecision::Window;
            }
            _ => r.date_basis = DateBasis::None,
        }
    }
    // in a dated article that tells of a dated event, an event no date reaches is told
    // again, not told: background, or that event said once more ("the strike", "during the
    // operation", a detail paragraphs later): a reference, never an incident of its own
    // ... and in any dated article, an event told after the lead with no date, no place and
    // no toll is background ("scrutiny grew after reports that the first operation included
    // a follow-up strike", deep in a story of a vote); one that says where or whom it killed
    // is news told late ("Meanwhile, drones struck a fuel depot in Kadugli, killing two")
    let dated_news = published.is_some()
        && reports.iter().any(|r| {
            r.kind == ReportKind::Event
                && r.modality == Modality::Occurred
                && r.event_type.is_violent()
                && r.date.is_some()
        });
    if published.is_some() {
        for r in reports.iter_mut() {
            if r.kind == ReportKind::Event
                && r.modality == Modality::Occurred
                && r.date.is_none()
                && (dated_news
                    || r.sentence[0] >= lead_end && r.place.is_none() && r.figures.killed.is_none())
            {
                r.kind = ReportKind::Reference;
            }
        }
    }
}

/// "two more strikes on September 15 and 19, killing three in each": one event a day. Each
/// pair of days splits the event dated by one of them (among the candidates from
/// `first_new` on) into two, in the order the days are written; a toll over both days that
/// is not said to be each day's cannot be split, and is dropped.
pub(super) fn split_day_pairs(s: &Sentence, first_new: usize, src: &Source, out: &mut Vec<Cand>) {
    let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
    for (a, b) in &s.day_pairs {
        let (da, db) = (&s.dates[*a], &s.dates[*b]);
        let Some(ci) = (first_new..out.len()).find(|&i| {
            let r = &out[i].report;
            out[i].kind == CandKind::Report(ReportKind::Event)
                && r.event_type == EventType::Strike
                && r.modality == Modality::Occurred
                && r.date.is_some()
                && (r.date == da.date || r.date == db.date)
        }) else {
            continue;
        };
        let each = toks.iter().any(|t| l.dates.is_each(&t.lower));
        let other = if out[ci].report.date == da.date {
            db
        } else {
            da
        };
        let mut twin = out[ci].clone();
        twin.report.claims.retain(|c| c.field != ClaimField::Date);
        set_date(&mut twin.report, other, ctx, src);
        for c in [&mut out[ci], &mut twin] {
            if !each {
                c.report.figures.killed = None;
                c.report.claims.retain(|x| x.field != Field::Killed);
            }
        }
        let (first, second) = if other.start
            < out[ci]
                .report
                .claims
                .iter()
                .find(|c| c.field == ClaimField::Date)
                .map_or(0, |c| c.span[0])
        {
            (twin, out.remove(ci))
        } else {
            (out.remove(ci), twin)
        };
        out.insert(ci, second);
        out.insert(ci, first);
    }
}

/// The date of the event at token `ets`: a date written as the event noun's attribute ("the
/// Nov. 4 strike", "Tuesday's attack", "el ataque del sábado") first, whatever else the
/// sentence dates (its announcement); then an anchored "one day earlier"; then a date not
/// attached to a reporting verb ("said Monday"), nearest the cue; else any. With it,
/// whether every date was attached to a reporting verb. A day to come dates a plan, never
/// what `happened`.
pub(super) fn pick_date<'d>(
    dates_all: &'d [DateExpr],
    toks: &[Tok],
    ets: usize,
    l: &LangLex,
    happened: bool,
) -> Option<(&'d DateExpr, bool)> {
    // a day to come dates a plan, never what happened
    let usable: Vec<&DateExpr> = dates_all
        .iter()
        .filter(|d| !matches!(d.kind, DateKind::Since | DateKind::Iso | DateKind::RangeEnd))
        .filter(|d| !(happened && d.kind == DateKind::Ahead))
        .collect();
    if usable.is_empty() {
        return None;
    }
    let tok_at = |b: usize| toks.iter().position(|t| t.start >= b).unwrap_or(toks.len());
    if let Some(a) = usable.iter().find(|d| {
        let (i, j) = (tok_at(d.start), tok_at(d.end));
        let possessive =
            |t: &Tok| l.dates.is_possessive(&t.lower) || l.dates.is_possessive_ending(&t.lower);
        let before = j <= ets
            && matches!(d.kind, DateKind::MonthDay | DateKind::Weekday)
            && toks[j..ets].iter().all(possessive);
        let after = i == ets + 2 && l.dates.is_date_of(&toks[ets + 1].lower);
        before || after
    }) {
        return Some((a, false));
    }
    if let Some(a) = usable
        .iter()
        .find(|d| matches!(d.kind, DateKind::AnchorOffset(_)))
    {
        return Some((a, false));
    }
    let tok_of = |b: usize| toks.iter().position(|t| t.start >= b).unwrap_or(0);
    let attached = |d: &DateExpr| attached_to_verb(d, toks, ets, l);
    let free: Vec<&&DateExpr> = usable.iter().filter(|d| !attached(d)).collect();
    let all_attached = free.is_empty();
    let pool: Vec<&DateExpr> = if all_attached {
        usable.clone()
    } else {
        free.into_iter().copied().collect()
    };
    pool.into_iter()
        .min_by_key(|d| {
            let i = tok_of(d.start);
            (i.abs_diff(ets), i)
        })
        .map(|d| (d, all_attached))
}

/// Whether a date belongs to the reporting verb rather than the event: "said Monday",
/// "announced on Sunday that", "On Tuesday, the government released".
pub(super) fn attached_to_verb(d: &DateExpr, toks: &[Tok], ets: usize, l: &LangLex) -> bool {
    let tok_of = |b: usize| toks.iter().position(|t| t.start >= b).unwrap_or(0);
    let i = tok_of(d.start);
    let j = toks
        .iter()
        .position(|t| t.start >= d.end)
        .unwrap_or(toks.len());
    let before = (i.saturating_sub(5)..i).any(|k| {
        l.attribution.at(toks, k).is_some_and(|h| {
            matches!(h.value(), AttrCue::Verb | AttrCue::Channel(_))
                && h.te <= i
                && toks[h.te..i]
                    .iter()
                    .all(|t| t.lower == "," || l.grammar.verb_gap.contains(&t.lower))
        })
    });
    let followed_by_that = toks
        .get(j)
        .is_some_and(|t| l.grammar.that.contains(&t.lower));
    // a dated list entry ("Oct. 3: The military struck ...", "Oct. 3: Officials say four
    // died in a strike") is the event's, whatever verb follows
    let list_entry = i == 0 && toks.get(j).is_some_and(|t| t.lower == ":");
    // "On Tuesday, the government released ...": the first verb after the date reports
    let verb_after = !list_entry
        && j < ets
        && (j..(j + 8).min(ets)).any(|k| {
            l.attribution
                .at(toks, k)
                .is_some_and(|h| matches!(h.value(), AttrCue::Verb))
        });
    // a dateline inside the first sentence ("BOGOTÁ, May 4 (Agency) -", "Quito [EC], May 4:
    // Navy ships ..."): the day the story was filed, not the event's
    let dateline = i <= 8
        && !list_entry
        && d.kind == DateKind::MonthDay
        && !(i > 0 && l.grammar.date_prep.contains(&toks[i - 1].lower))
        && (toks
            .get(j)
            .is_some_and(|t| matches!(t.lower.as_str(), ":" | "(" | "—" | "–" | "-" | ".-"))
            // "SAN JOSÉ DEL GUAVIARE, 7 de noviembre de 2025.- Al menos siete ..."
            || toks.get(j).is_some_and(|t| t.lower == ".")
                && toks
                    .get(j + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "-" | "—" | "–")));
    before || followed_by_that || verb_after || dateline || announced_on(i, toks, l)
}

/// Whether a past perfect's auxiliary follows the day something was said (token `i`) in its
/// sentence, right before the event's cue (at `ets`) or a verb of killing ("said on Monday
/// that a bombing of a camp in Guaviare had killed 19", "told reporters on Monday that air
/// strikes had killed 14", "negó el martes que aviones estadounidenses habían bombardeado"):
/// what was told fell before that day. Not the perfect of a relative clause ("an air strike
/// killed 14 bandits who had gathered at a hideout") nor of a clause of its own ("killed
/// four, a day after the group said it had attacked warships").
fn pluperfect_after(i: usize, ets: usize, toks: &[Tok], l: &LangLex) -> bool {
    let g = &l.grammar;
    let killed_at = |j: usize| {
        l.figures
            .at(toks, j)
            .is_some_and(|h| h.ts == j && h.value().field == crate::Field::Killed)
    };
    // a verb of killing, or a count of the dead after a verb ("había dejado cinco muertos")
    let killing = |j: usize| {
        killed_at(j)
            || crate::numbers::number_at(toks, j + 1, "", &l.nums, 0)
                .is_some_and(|n| !n.article && killed_at(n.end_tok))
    };
    (i..toks.len())
        .take_while(|&k| {
            let w = &toks[k].lower;
            !g.after.contains(w) && !g.clause_open.contains(w) && w != ";"
        })
        .any(|k| {
            g.pluperfect.contains(&toks[k].lower)
                && !(k > 0 && g.relative.contains(&toks[k - 1].lower))
                && (k + 1..(k + 3).min(toks.len())).any(|j| j == ets || killing(j))
        })
}

/// Whether the date at token `i` is the day of a statement, a report or a publication: an
/// announcement's noun or participle before it, with at most three words of a date's
/// setting between ("in a statement issued on Monday", "un comunicado emitido este martes",
/// "según un reporte del lunes").
fn announced_on(i: usize, toks: &[Tok], l: &LangLex) -> bool {
    let gap = |w: &Word| {
        l.grammar.verb_gap.contains(w) || l.grammar.date_prep.contains(w) || l.dates.is_date_of(w)
    };
    for (n, t) in toks[..i].iter().rev().take(4).enumerate() {
        if l.dates.is_announce(&t.lower) {
            return true;
        }
        if n == 3 || !gap(&t.lower) {
            return false;
        }
    }
    false
}

/// Whether a date is written right before the noun of an act of violence other than the one
/// at `ets` ("the Sept. 11, 2001, attacks", "the Oct. 3 strike"): it names that event.
pub(super) fn names_other_event(
    d: &DateExpr,
    toks: &[Tok],
    ets: usize,
    events: &[Hit<crate::lexicon::EventCue>],
    l: &LangLex,
) -> bool {
    let mut j = toks
        .iter()
        .position(|t| t.start >= d.end)
        .unwrap_or(toks.len());
    while toks
        .get(j)
        .is_some_and(|t| t.lower == "," || l.dates.is_possessive(&t.lower))
    {
        j += 1;
    }
    // only an act of violence is named by its day so: a deployment's noun after a date is the
    // subject of the sentence's act ("El 3 de septiembre, tropas colombianas bombardearon")
    j != ets
        && events
            .iter()
            .any(|h| h.ts == j && h.value().noun && h.value().event_type.is_violent())
}

/// The last day a date of any precision can denote ("2025" is 31 December 2025).
pub(super) fn latest_day(date: &str) -> Option<NaiveDate> {
    let mut it = date.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    match (it.next().and_then(|m| m.parse::<u32>().ok()), it.next()) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d.get(..2)?.parse().ok()?),
        (Some(m), None) => NaiveDate::from_ymd_opt(y + (m / 12) as i32, m % 12 + 1, 1)?.pred_opt(),
        _ => NaiveDate::from_ymd_opt(y, 12, 31),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{analyse, en, es};
    use super::*;

    #[test]
    fn a_period_start_is_no_event_date() {
        let s = analyse(
            en(),
            "Since the campaign began on September 2, strikes have killed 80.",
        );
        assert!(
            s.dates.iter().all(|d| d.kind == DateKind::Since),
            "{:?}",
            s.dates
        );
        let s = analyse(
            es(),
            "Desde el 2 de septiembre, los ataques han matado a 80 personas.",
        );
        assert!(
            s.dates.iter().all(|d| d.kind == DateKind::Since),
            "{:?}",
            s.dates
        );
    }

    #[test]
    fn a_year_or_month_framing_a_series_is_no_event_date() {
        for (l, text) in [
            (
                en(),
                "Airstrikes killed three, the first such attacks in 2024.",
            ),
            (en(), "A strike killed four, the deadliest in March."),
            (en(), "A strike killed four, the third strike in 2025."),
            (
                es(),
                "Un bombardeo mató a cuatro, el ataque más letal en 2025.",
            ),
            (es(), "Un bombardeo mató a cuatro, el peor en marzo."),
        ] {
            let s = analyse(l, text);
            assert!(!s.dates.is_empty(), "{text}");
            assert!(
                s.dates.iter().all(|d| d.kind == DateKind::Since),
                "{text}: {:?}",
                s.dates
            );
        }
        // an ordinal does not frame a month; "más de" is no superlative
        for (l, text) in [
            (en(), "A second strike early in September killed three."),
            (
                es(),
                "Más de 30 personas murieron en un bombardeo en marzo.",
            ),
        ] {
            let s = analyse(l, text);
            assert!(
                s.dates.iter().any(|d| d.kind == DateKind::MonthOnly),
                "{text}: {:?}",
                s.dates
            );
        }
    }

    #[test]
    fn a_statements_day_is_attached_to_it() {
        for (l, text) in [
            (
                en(),
                "In a statement issued on Monday, the command said a strike killed three.",
            ),
            (
                en(),
                "In an announcement on Monday, the command confirmed a recent airstrike.",
            ),
            (
                es(),
                "En un comunicado emitido este lunes, el Ejército informó de un bombardeo.",
            ),
            (
                es(),
                "Según un reporte del lunes, un ataque con dron mató a dos soldados.",
            ),
        ] {
            let s = analyse(l, text);
            let e = s.events.last().unwrap();
            assert!(
                attached_to_verb(&s.dates[0], &s.ctx.toks, e.ts, s.l),
                "{text}"
            );
        }
        // an event's own day is not
        let s = analyse(es(), "El ataque del lunes mató a dos soldados.");
        let e = s.events.first().unwrap();
        assert!(!attached_to_verb(&s.dates[0], &s.ctx.toks, e.ts, s.l));
        // nor is a dated list entry's
        let s = analyse(en(), "Nov. 3: The military struck a boat, killing four.");
        let e = s.events.first().unwrap();
        assert!(!attached_to_verb(&s.dates[0], &s.ctx.toks, e.ts, s.l));
    }

    #[test]
    fn a_date_after_publication_takes_the_year_before_or_none() {
        let mk = |date: &str, p: DatePrecision| DateExpr {
            start: 0,
            end: 1,
            date: Some(date.into()),
            precision: p,
            basis: crate::DateBasis::Explicit,
            kind: if p == DatePrecision::Day {
                DateKind::MonthDay
            } else {
                DateKind::MonthOnly
            },
            rule: "date.explicit.full",
            day: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            month_day: None,
            weekday: None,
            named_weekday: None,
        };
        let p = NaiveDate::from_ymd_opt(2026, 1, 10);
        let moved = |d: &str, pr| not_after_publication(&mk(d, pr), p).and_then(|x| x.date);
        assert_eq!(
            moved("2026-01-09", DatePrecision::Day).as_deref(),
            Some("2026-01-09")
        );
        assert_eq!(
            moved("2026-12-19", DatePrecision::Day).as_deref(),
            Some("2025-12-19")
        );
        assert_eq!(
            moved("2026-03", DatePrecision::Month).as_deref(),
            Some("2025-03")
        );
        assert_eq!(moved("2027-03-03", DatePrecision::Day), None);
    }

    #[test]
    fn two_days_written_as_one_are_a_pair() {
        let s = analyse(
            en(),
            "Two more strikes on September 15 and 19 killed three in each.",
        );
        assert_eq!(s.day_pairs.len(), 1);
        let (a, b) = s.day_pairs[0];
        assert_eq!(s.dates[a].date.as_deref(), Some("2025-09-15"));
        assert_eq!(s.dates[b].date.as_deref(), Some("2025-09-19"));
    }

    #[test]
    fn the_saying_day_is_attached_to_its_verb() {
        let s = analyse(
            en(),
            "The Pentagon said Monday that forces struck a boat on Sunday.",
        );
        let e = s.events.first().unwrap();
        let (d, attached) = pick_date(&s.dates, &s.ctx.toks, e.ts, s.l, true).unwrap();
        assert_eq!((d.date.as_deref(), attached), (Some("2025-11-02"), false));
        assert!(attached_to_verb(&s.dates[0], &s.ctx.toks, e.ts, s.l));
    }

    #[test]
    fn latest_day_of_any_precision() {
        assert_eq!(latest_day("2025"), NaiveDate::from_ymd_opt(2025, 12, 31));
        assert_eq!(latest_day("2025-02"), NaiveDate::from_ymd_opt(2025, 2, 28));
        assert_eq!(
            latest_day("2025-12-03"),
            NaiveDate::from_ymd_opt(2025, 12, 3)
        );
    }
}
