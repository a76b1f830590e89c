//! Figures: the numbers of a sentence that count something (the dead, survivors, vessels,
//! strikes...), with their field and whether they are a campaign's running total rather
//! than one event's; and the candidates made of figures (a tally report, figures beside no
//! event, one event's tolls).

use super::report::{add_figure, base_report, exact, set_date, strike_report};
use super::sentence::{Cand, CandKind, SentCtx, Sentence};
use crate::dates::{DateExpr, DateKind};
use crate::lexicon::{AttrCue, CuePos, EventCue, Hit, LangLex, TallyKind};
use crate::numbers::{self, Quantity};
use crate::pipeline::Extractor;
use crate::tokens::{Tok, TokKind};
use crate::{
    ClaimField, ClaimValue, DateBasis, DatePrecision, EventType, Field, FigureValue, Modality,
    Report, ReportKind, Source, SourceKind, TargetKind,
};

/// The most tolls said to be one named event's read in a sentence.
const MAX_EVENT_TOLLS: usize = 4;

/// A figure with its field, in one sentence.
#[derive(Debug, Clone)]
pub(super) struct FieldFig {
    pub field: Field,
    pub q: Quantity,
    /// A campaign's running total, not one event's.
    pub tally: bool,
}

/// Where a sentence speaks of totals: the clauses of its tally cues, and the first cue
/// after which everything is a total ("bringing the toll to", "have carried out strikes").
pub(super) struct TallyScope {
    pub clauses: Vec<usize>,
    pub bring_at: Option<usize>,
}

impl TallyScope {
    pub fn new(tally: &[Hit<TallyKind>], ctx: &SentCtx) -> TallyScope {
        TallyScope {
            clauses: tally
                .iter()
                .filter(|h| !h.value().opens_tally())
                .map(|h| ctx.clause[h.ts])
                .collect(),
            bring_at: tally.iter().find(|h| h.value().opens_tally()).map(|h| h.ts),
        }
    }

    /// Whether the token `ts` is in a tally clause or after a cue that opens a total.
    pub fn covers(&self, ctx: &SentCtx, ts: usize) -> bool {
        self.clauses.contains(&ctx.clause[ts]) || self.bring_at.is_some_and(|b| ts > b)
    }

    /// Whether the sentence speaks of totals at all.
    fn any(&self) -> bool {
        !self.clauses.is_empty() || self.bring_at.is_some()
    }
}

/// What the figures of a sentence are read against.
struct Figures<'a> {
    l: &'a LangLex,
    ctx: &'a SentCtx<'a>,
    dates: &'a [DateExpr],
    tally: &'a [Hit<'a, TallyKind>],
    events: &'a [Hit<'a, EventCue>],
    scope: TallyScope,
}

/// Figures of one sentence, with their field and whether they are tally figures. `event_tolls`
/// are the tokens after toll cues said to be one event's ("the death toll from Tuesday's
/// strike").
pub(super) fn figures(
    l: &LangLex,
    ctx: &SentCtx,
    dates: &[DateExpr],
    tally: &[Hit<TallyKind>],
    events: &[Hit<EventCue>],
    event_tolls: &[usize],
) -> Vec<FieldFig> {
    let f = Figures {
        l,
        ctx,
        dates,
        tally,
        events,
        scope: TallyScope::new(tally, ctx),
    };
    let qs = numbers::scan(&ctx.toks, ctx.text, &l.nums);
    let mut out: Vec<FieldFig> = qs.iter().filter_map(|q| f.counted(q)).collect();
    f.event_tolls(&qs, event_tolls, &mut out);
    f.campaign_counts(&mut out);
    if f.scope.any() {
        f.tally_linked(&qs, &mut out);
        f.ordinal_strikes(&mut out);
    }
    out
}

impl Figures<'_> {
    fn in_date(&self, q: &Quantity) -> bool {
        self.dates
            .iter()
            .any(|d| d.start < q.end && q.start < d.end)
    }

    /// The figure the number `q` is, if it counts something.
    fn counted(&self, q: &Quantity) -> Option<FieldFig> {
        let (l, toks) = (self.l, &self.ctx.toks);
        if self.not_a_count(q) {
            return None;
        }
        let field = self.field(q)?;
        // "a third survived": the claim's surface is "a third"
        let mut q = q.clone();
        if q.article {
            if let Some(t) = toks
                .get(q.tok_end)
                .filter(|t| l.nums.ordinal(&t.lower).is_some())
            {
                q.end = t.end;
                q.figure.surface = self.ctx.text[q.start..q.end].to_string();
                q.tok_end += 1;
            }
        }
        if q.article
            && !matches!(
                field,
                Field::Survivors
                    | Field::Injured
                    | Field::Missing
                    | Field::Detained
                    | Field::Killed
            )
        {
            return None;
        }
        let tally = self.is_tally(&q);
        Some(FieldFig { field, q, tally })
    }

    /// A number that is part of a date, a year, money, a measure, a rate, what could be
    /// killed, a part of a count or the dead a family speaks for.
    fn not_a_count(&self, q: &Quantity) -> bool {
        let (l, toks) = (self.l, &self.ctx.toks);
        if self.in_date(q) {
            return true;
        }
        let t0 = &toks[q.tok_start];
        if t0.kind == TokKind::Num
            && t0.lower.len() == 4
            && q.hedge == numbers::Hedge::Exact
            && t0
                .lower
                .parse::<i32>()
                .is_ok_and(|y| (1900..=2100).contains(&y))
        {
            return true;
        }
        // money ("US$" is two tokens: the "$" stands before the number)
        if q.tok_start > 0 && matches!(toks[q.tok_start - 1].lower.as_str(), "$" | "€") {
            return true;
        }
        if toks
            .get(q.tok_end)
            .is_some_and(|t| l.units.contains(&t.lower))
        {
            return true;
        }
        // "killing over 70,000 Americans annually": a rate
        if (q.tok_end..(q.tok_end + 4).min(toks.len())).any(|k| l.rates.at(toks, k).is_some()) {
            return true;
        }
        // "enough drugs to kill 25,000": what could be killed, not who was (an infinitive
        // stands between: "not enough proof that the 11 dead..." keeps its count)
        let capacity = (q.tok_start.saturating_sub(6)..q.tok_start).any(|k| {
            l.capacity.at(toks, k).is_some_and(|h| {
                toks[h.te..q.tok_start]
                    .iter()
                    .any(|t| l.grammar.infinitive_mark.contains(&t.lower))
            })
        });
        // "one of the dead", "uno de los muertos": a part, not the count
        let partitive = !q.figure.approx
            && q.figure.low.is_some()
            && q.figure.best.is_some()
            && toks
                .get(q.tok_end)
                .is_some_and(|t| l.grammar.of.contains(&t.lower))
            && toks
                .get(q.tok_end + 1)
                .is_some_and(|t| l.grammar.partitive.contains(&t.lower));
        // "the families of two men killed": the dead a family speaks for, often some of the
        // dead only
        let kin_of = q.tok_start >= 2
            && l.grammar.of.contains(&toks[q.tok_start - 1].lower)
            && l.attribution.at(toks, q.tok_start - 2).is_some_and(|h| {
                h.te == q.tok_start - 1 && *h.value() == AttrCue::Kind(SourceKind::WitnessOrFamily)
            });
        capacity || partitive || kin_of
    }

    /// The field the number `q` counts: from its cue (see [`field_of`]), or all of a count
    /// that is denied survivors.
    fn field(&self, q: &Quantity) -> Option<Field> {
        let (l, toks) = (self.l, &self.ctx.toks);
        let g = &l.grammar;
        // "there were no survivors among the four aboard", "no hubo sobrevivientes entre los
        // cuatro ocupantes": all of them died
        let none_among = q.tok_start >= 4
            && g.among.contains(&toks[q.tok_start - 2].lower)
            && g.article_pl.contains(&toks[q.tok_start - 1].lower)
            && l.figures
                .at(toks, q.tok_start - 3)
                .is_some_and(|h| h.te == q.tok_start - 2 && h.value().field == Field::Survivors)
            && toks[q.tok_start.saturating_sub(5)..q.tok_start - 3]
                .iter()
                .any(|t| l.none.contains(&t.lower));
        let field = field_of(l, toks, q, self.dates).or(none_among.then_some(Field::Killed))?;
        // "none of the four aboard survived", "ninguno de los cuatro sobrevivió": all of them
        // died
        let none_of = q.tok_start >= 3
            && l.none.contains(&toks[q.tok_start - 3].lower)
            && g.of.contains(&toks[q.tok_start - 2].lower)
            && {
                let w = &toks[q.tok_start - 1].lower;
                g.article_pl.contains(w) || g.demonstrative_pl.contains(w)
            };
        match (none_of, field) {
            (false, f) => Some(f),
            (true, Field::Survivors) => Some(Field::Killed),
            (true, _) => None,
        }
    }

    /// Whether the figure `q` is a campaign's total: in a tally clause or after a cue that
    /// opens one, unless it comes before a "bringing" (the event's: "killing six and
    /// bringing the toll to 46"); or anywhere in a sentence with a tally cue that names no
    /// single event and no day outside its tally clauses.
    fn is_tally(&self, q: &Quantity) -> bool {
        let (ctx, toks) = (self.ctx, &self.ctx.toks);
        let scope = &self.scope;
        let c = ctx.clause[q.tok_start];
        // "killing six and bringing the toll to 46", "three were killed, bringing the toll
        // to 70": before the "bringing" (in its clause or the one before), the event's
        let before_bring = scope
            .bring_at
            .is_some_and(|b| q.tok_start < b && (ctx.clause[b] == c || ctx.clause[b] == c + 1))
            && !self
                .tally
                .iter()
                .any(|h| h.ts < q.tok_start && ctx.clause[h.ts] == c && !h.value().opens_tally());
        if before_bring {
            return false;
        }
        if scope.clauses.contains(&c) || scope.bring_at.is_some_and(|b| q.tok_start > b) {
            return true;
        }
        let dated_outside = self.dates.iter().any(|d| {
            d.kind.is_reported_day()
                && toks
                    .iter()
                    .position(|t| t.start >= d.start)
                    .is_some_and(|i| !scope.clauses.contains(&ctx.clause[i]))
        });
        if dated_outside || scope.clauses.is_empty() {
            return false;
        }
        // a tally cue elsewhere and no single event named outside tally clauses ("the 39th
        // strike" counts strikes: no single event; a number and its ordinal ending are two
        // tokens, "39", "th")
        let single_event = self.events.iter().any(|e| {
            e.value().noun
                && !e.value().plural
                && !scope.clauses.contains(&ctx.clause[e.ts])
                && !(e.ts.saturating_sub(3)..e.ts).any(|k| {
                    k > 0
                        && toks[k - 1].kind == TokKind::Num
                        && toks[k - 1].end == toks[k].start
                        && self.l.grammar.ordinal_suffix.contains(&toks[k].lower)
                })
        });
        !single_event
    }

    /// "the death toll from Tuesday's strike rose to four": the first figure linked to one
    /// event's toll is its dead.
    fn event_tolls(&self, qs: &[Quantity], event_tolls: &[usize], out: &mut Vec<FieldFig>) {
        let toks = &self.ctx.toks;
        for &at in event_tolls.iter().take(MAX_EVENT_TOLLS) {
            let q = qs.iter().find(|q| {
                q.tok_start > at
                    && !q.article
                    && self
                        .l
                        .grammar
                        .toll_to
                        .contains(&toks[q.tok_start - 1].lower)
                    && !self.in_date(q)
            });
            if let Some(q) = q {
                if !out.iter().any(|f| f.q.start == q.start) {
                    out.push(FieldFig {
                        field: Field::Killed,
                        q: q.clone(),
                        tally: false,
                    });
                }
            }
        }
    }

    /// A count of more than a handful of strikes is a campaign total, not one event ... but
    /// "the two attacks bring the count to 19": before the "bring", the event's.
    fn campaign_counts(&self, out: &mut [FieldFig]) {
        let ctx = self.ctx;
        if out.iter().any(|f| {
            f.field == Field::Strikes && f.q.figure.low.or(f.q.figure.best).unwrap_or(0) > 5
        }) {
            for f in out.iter_mut() {
                let before_bring = self.scope.bring_at.is_some_and(|b| {
                    f.q.tok_start < b && ctx.clause[b] == ctx.clause[f.q.tok_start]
                });
                if !before_bring {
                    f.tally = true;
                }
            }
        }
    }

    /// In a tally sentence: "to 64" after a tally cue whose field is named earlier ("the
    /// number killed to 64"), and hedged numbers ("more than 80").
    fn tally_linked(&self, qs: &[Quantity], out: &mut Vec<FieldFig>) {
        let (l, toks) = (self.l, &self.ctx.toks);
        for q in qs {
            if out.iter().any(|f| f.q.start == q.start) || q.article || self.in_date(q) {
                continue;
            }
            if toks
                .get(q.tok_end)
                .is_some_and(|t| l.units.contains(&t.lower))
            {
                continue;
            }
            let linked = q
                .tok_start
                .checked_sub(1)
                .is_some_and(|i| l.grammar.tally_link.contains(&toks[i].lower));
            if !linked && q.hedge == numbers::Hedge::Exact {
                continue;
            }
            // "the number of announced strikes ... to 19": a noun counted by "number"
            let counted = |i: usize| {
                toks[i.saturating_sub(3)..i]
                    .iter()
                    .any(|t| l.grammar.count_noun.contains(&t.lower))
            };
            let field = (0..q.tok_start).rev().find_map(|i| {
                let h = l.figures.at(toks, i)?;
                (h.value().pos != CuePos::After || h.value().field == Field::Killed || counted(i))
                    .then_some(h.value().field)
            });
            if let Some(field) = field {
                out.push(FieldFig {
                    field,
                    q: q.clone(),
                    tally: true,
                });
            }
        }
    }

    /// Ordinals of strikes in a tally sentence: "the 15th strike" is a count of strikes.
    fn ordinal_strikes(&self, out: &mut Vec<FieldFig>) {
        let (l, toks) = (self.l, &self.ctx.toks);
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokKind::Num {
                continue;
            }
            let Some(suf) = toks.get(i + 1) else { continue };
            if suf.start != t.end || !l.grammar.ordinal_suffix.contains(&suf.lower) {
                continue;
            }
            // "the 22nd such attack": fillers may stand between
            let mut k = i + 2;
            while k < i + 4 && toks.get(k).is_some_and(|t| l.fillers.contains(&t.lower)) {
                k += 1;
            }
            let Some(h) = l.figures.at(toks, k) else {
                continue;
            };
            if h.value().field != Field::Strikes {
                continue;
            }
            let Some(v) = t.lower.parse::<i64>().ok().filter(|v| *v < 10_000) else {
                continue;
            };
            let surface = self.ctx.surface(t.start, suf.end).to_string();
            out.push(FieldFig {
                field: Field::Strikes,
                q: Quantity {
                    figure: exact(v, surface),
                    start: t.start,
                    end: suf.end,
                    tok_start: i,
                    tok_end: i + 2,
                    hedge: numbers::Hedge::Exact,
                    article: false,
                },
                tally: true,
            });
        }
    }
}

/// The field a figure counts: a cue after it ("11 killed", "3 survivors"), else a cue before
/// it ("killed 11", "mató a 6"), skipping filler words.
fn field_of(l: &LangLex, toks: &[Tok], q: &Quantity, dates_all: &[DateExpr]) -> Option<Field> {
    let in_date = |t: &Tok| {
        dates_all
            .iter()
            .any(|d| d.start <= t.start && t.end <= d.end)
    };
    // a killing verb right before wins over a cue reached over fillers after: "strikes kill
    // 7 on suspected smuggling boats" counts the dead ("left two survivors" keeps its noun)
    let killed_before = q.tok_start > 0
        && !q.article
        && (1..=4usize).any(|len| {
            q.tok_start >= len
                && l.figures.at(toks, q.tok_start - len).is_some_and(|h| {
                    h.te == q.tok_start
                        && h.value().pos != CuePos::After
                        && h.value().field == Field::Killed
                })
        });
    let mut j = q.tok_end;
    let mut skipped = 0;
    let mut aside = false;
    // "two died and a third survived", "un tercero sobrevivió": one more, counted by the
    // figure noun or verb after it
    let one_more = q.article
        && toks
            .get(j)
            .and_then(|t| l.nums.ordinal(&t.lower))
            .is_some_and(|n| n >= 2);
    if one_more {
        j += 1;
    }
    // "three people aboard the boat were killed": the boat is where they were, not what
    // the number counts
    let mut aboard = false;
    loop {
        if let Some(h) = l.figures.at(toks, j) {
            if aboard && h.value().field == Field::Vessels && skipped < 6 {
                skipped += 1;
                j = h.te;
                continue;
            }
            // "a victims monitor": an article never counts a plural noun
            let plural_noun = q.article && toks[h.te - 1].lower.ends_with('s');
            if h.value().pos != CuePos::Before && !plural_noun {
                if killed_before && skipped > 0 {
                    return Some(Field::Killed);
                }
                return Some(h.value().field);
            }
        }
        if skipped >= 6 || q.article && !one_more {
            break;
        }
        match toks.get(j) {
            Some(t) if l.fillers.contains(&t.lower) => {
                aboard |= l.grammar.aboard.contains(&t.lower);
                j += 1;
                skipped += 1;
            }
            // an aside between commas: "80 people, soldiers and civilians among them, died"
            Some(t) if t.lower == "," && !aside => {
                let close = (j + 1..(j + 9).min(toks.len())).find(|&k| toks[k].lower == ",");
                match close {
                    Some(k) if toks[j + 1..k].iter().all(|t| t.kind != TokKind::Num) => {
                        aside = true;
                        j = k + 1;
                        // the quote the comma stood inside: "whom he called “terrorists,” had"
                        while toks.get(j).is_some_and(|t| {
                            matches!(t.lower.as_str(), "”" | "\"" | "’" | "'" | "»")
                        }) {
                            j += 1;
                        }
                    }
                    _ => break,
                }
            }
            _ => break,
        }
    }
    // "dejó un saldo de dos muertos": the article belongs to the noun that opens a figure
    if q.article
        && l.figures
            .at(toks, q.tok_end)
            .is_some_and(|h| h.value().pos == CuePos::Before)
    {
        return None;
    }
    let mut j = q.tok_start;
    let mut skipped = 0;
    while j > 0 && skipped <= 3 {
        for len in 1..=4usize {
            if j >= len {
                if let Some(h) = l.figures.at(toks, j - len) {
                    let adjacent = skipped == 0
                        || (skipped == 1 && l.grammar.object_mark.contains(&toks[j].lower));
                    if h.te == j
                        && h.value().pos != CuePos::After
                        && (!q.article || (h.value().field == Field::Killed && adjacent))
                    {
                        return Some(h.value().field);
                    }
                }
            }
        }
        let t = &toks[j - 1];
        if in_date(t) {
            // "mataron el lunes a ocho", "killed on Tuesday at least three"
            j -= 1;
        } else if l.fillers.contains(&t.lower) {
            j -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    None
}

/// A tally report of the sentence's totals, in a story of strikes: dated by an explicit
/// date in the sentence, else by publication (its as-of date).
pub(super) fn tally_candidate(
    s: &Sentence,
    published: Option<chrono::NaiveDate>,
    src: &Source,
    out: &mut Vec<Cand>,
) {
    let ctx = s.ctx;
    let strike_ctx = s.article_strike
        || s.events
            .iter()
            .any(|e| e.value().event_type == EventType::Strike)
        || s.tally.iter().any(|h| *h.value() == TallyKind::Campaign);
    let tally_figs: Vec<&FieldFig> = s.figs.iter().filter(|f| f.tally).collect();
    if tally_figs.is_empty() || !strike_ctx {
        return;
    }
    let mut rep = base_report(
        ReportKind::Tally,
        EventType::Strike,
        Modality::Occurred,
        ctx,
        src,
    );
    let explicit = s
        .dates
        .iter()
        .find(|d| matches!(d.kind, DateKind::MonthDay | DateKind::YearEnd) && d.date.is_some());
    if let Some(d) = explicit {
        set_date(&mut rep, d, ctx, src);
    } else if let Some(p) = published {
        rep.date = Some(p.format("%Y-%m-%d").to_string());
        rep.date_precision = DatePrecision::Day;
        rep.date_basis = DateBasis::Publication;
    }
    for f in tally_figs {
        add_figure(&mut rep, f, ctx, src, Modality::Occurred);
    }
    out.push(Cand::new(CandKind::Report(ReportKind::Tally), rep, true));
}

/// The figures of an event report: the sentence's event figures (for one of several events
/// each dated on its own, those between it and the next, the first taking those before
/// it), and one vessel for a strike on a single vessel named near it.
pub(super) fn event_figures(
    rep: &mut Report,
    s: &Sentence,
    e: &Hit<EventCue>,
    m: Modality,
    segment: Option<(usize, usize)>,
    src: &Source,
) {
    let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
    for f in s.figs.iter().filter(|f| {
        !f.tally
            && f.field != Field::Strikes
            && segment.is_none_or(|(a, b)| (a..b).contains(&f.q.tok_start))
    }) {
        add_figure(rep, f, ctx, src, m);
    }
    if rep.figures.vessels.is_some()
        || e.value().event_type != EventType::Strike
        || m == Modality::Denied
    {
        return;
    }
    if let Some(t) = s.targets.iter().find(|t| {
        *t.value() == TargetKind::Vessel
            && (t.ts.abs_diff(e.ts) <= 8 || t.te.abs_diff(e.te) <= 8)
            && l.singular(&toks[t.te - 1].lower)
    }) {
        let (a, b) = (toks[t.ts].start, toks[t.te - 1].end);
        rep.figures.vessels = Some(exact(1, ctx.surface(a, b).to_string()));
        rep.claims.push(ctx.claim(
            ClaimField::Figure(Field::Vessels),
            ClaimValue::Figure(FigureValue::exact(1)),
            [a, b],
            src,
            m,
            "fig.single_vessel",
        ));
    }
}

impl Extractor {
    /// Figures beside no event, or beside only a development of fact ("three died and the
    /// one rescued will be flown home", where "flown" is a deployment cue): they belong to
    /// the story's event. A dated toll in a strike story (a list entry) is an event of its
    /// own.
    pub(super) fn figures_candidate(&self, s: &Sentence, src: &Source, out: &mut Vec<Cand>) {
        let ctx = s.ctx;
        let mut rep = strike_report(ctx, src);
        for f in s
            .figs
            .iter()
            .filter(|f| !f.tally && f.field != Field::Strikes)
        {
            add_figure(&mut rep, f, ctx, src, Modality::Occurred);
        }
        let explicit = s
            .dates
            .iter()
            .find(|d| d.kind == DateKind::MonthDay && d.date.is_some());
        match explicit {
            Some(d) if s.killed_here && s.article_strike => {
                set_date(&mut rep, d, ctx, src);
                if let Some((p, _, _)) = s.place.clone().or_else(|| self.place(s.l, ctx, &[])) {
                    rep.place = Some(p);
                }
                rep.target_kind = Some(TargetKind::Vessel);
                rep.means = Some("unknown".into());
                out.push(Cand::new(CandKind::Report(ReportKind::Event), rep, true));
            }
            _ => out.push(Cand::new(CandKind::FiguresOnly, rep, false)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{analyse, en, es};
    use super::*;

    fn figs(l: &'static LangLex, text: &str) -> Vec<(Field, Option<i64>, bool)> {
        analyse(l, text)
            .figs
            .iter()
            .map(|f| (f.field, f.q.figure.best.or(f.q.figure.low), f.tally))
            .collect()
    }

    #[test]
    fn an_event_toll_and_a_running_total() {
        assert_eq!(
            figs(
                en(),
                "The strike killed six people, bringing the toll to 46."
            ),
            [
                (Field::Killed, Some(6), false),
                (Field::Killed, Some(46), true)
            ]
        );
        assert_eq!(
            figs(es(), "El ataque dejó tres muertos, según el Comando Sur."),
            [(Field::Killed, Some(3), false)]
        );
    }

    #[test]
    fn numbers_that_count_nothing_are_left_out() {
        assert!(figs(
            en(),
            "In 2025, the boat carried drugs worth $ 20 for 400 nautical miles."
        )
        .is_empty());
        assert!(figs(en(), "One of the dead was a fisherman.").is_empty());
    }

    #[test]
    fn none_of_the_survivors_is_all_dead() {
        assert_eq!(
            figs(en(), "None of the four aboard survived the strike."),
            [(Field::Killed, Some(4), false)]
        );
    }
}
