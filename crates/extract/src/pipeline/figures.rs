//! Figures: the numbers of a sentence that count something (the dead, survivors, vessels,
//! strikes...), with their field and whether they are a campaign's running total rather
//! than one event's; and the candidates made of figures (a tally report, figures beside no
//! event, one event's tolls).

pub(super) mod tolls;

pub(super) use tolls::other_event_regions;

use super::report::{add_figure, base_report, exact, set_date, strike_report};
use super::sentence::{Cand, CandKind, SentCtx, Sentence};
use crate::dates::{DateExpr, DateKind};
use crate::lexicon::{AttrCue, CuePos, EventCue, FillerKind, Hit, LangLex, TallyKind};
use crate::numbers::{self, Quantity};
use crate::pipeline::Extractor;
use crate::tokens::{Tok, TokKind};
use crate::{
    ClaimField, ClaimValue, DateBasis, DatePrecision, EventType, Field, FigureValue, Modality,
    Report, ReportKind, Source, SourceKind, TargetKind,
};

/// How many words may name the boat people were aboard, its noun last ("aboard a suspected
/// drug-smuggling vessel").
const BOAT_WORDS: usize = 6;

/// The most tolls said to be one named event's read in a sentence.
const MAX_EVENT_TOLLS: usize = 4;

/// A figure with its field, in one sentence.
#[derive(Debug, Clone)]
pub(super) struct FieldFig {
    pub field: Field,
    pub q: Quantity,
    /// A campaign's running total, not one event's.
    pub tally: bool,
    /// The dead are members of a state force ("two soldiers were killed", "murieron dos
    /// militares"): the state's own losses, not the toll of its strike or raid, but the
    /// toll of an attack on it (see [`settle_own_losses`]).
    pub own_loss: bool,
    /// The clause of another event the figure is told in (token range): "in retaliation
    /// for the ambush that killed two soldiers", "two days after a strike killed 70".
    pub elsewhere: Option<(usize, usize)>,
}

impl FieldFig {
    /// A figure of one event, told in the sentence's own clauses.
    pub(super) fn new(field: Field, q: Quantity, tally: bool) -> FieldFig {
        FieldFig {
            field,
            q,
            tally,
            own_loss: false,
            elsewhere: None,
        }
    }
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
    /// The spans of the armed actors the sentence names ("PKK", "Cártel del Golfo"): a
    /// count's people may be named after one ("ten PKK fighters").
    names: &'a [(usize, usize)],
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
    names: &[(usize, usize)],
) -> Vec<FieldFig> {
    let f = Figures {
        l,
        ctx,
        dates,
        tally,
        events,
        names,
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
    f.tolls(&qs, &mut out);
    f.all_aboard(&qs, &mut out);
    out
}

/// Most tokens between a count of people and the word that puts them aboard ("four
/// narco - terrorists were aboard").
pub(super) const ABOARD_REACH: usize = 6;

impl Figures<'_> {
    /// "four narco-terrorists were aboard and all were killed", "tres personas iban a bordo y
    /// todas murieron", "six people were in the boat and all of them died": with no toll of
    /// its own, a sentence whose dead are "all" (grammar `all_of` right before a cue of the
    /// dead) counts them in the one number of people it puts aboard before that, or, when
    /// "and" joins the "all" to what comes before, the one count of people before it.
    fn all_aboard(&self, qs: &[Quantity], out: &mut Vec<FieldFig>) {
        let (l, toks) = (self.l, &self.ctx.toks);
        if out.iter().any(|f| f.field == Field::Killed) {
            return;
        }
        // (an auxiliary or "of them" between: "all were killed", "todos fueron abatidos",
        // "all of them died")
        let Some((all, all_at)) = (1..toks.len()).find_map(|k| {
            let j = (k.saturating_sub(3)..k).find(|&j| {
                l.grammar.all_of.contains(&toks[j].lower)
                    && toks[j + 1..k].iter().all(|t| t.kind == TokKind::Word)
            })?;
            l.figures
                .at(toks, k)
                .is_some_and(|h| {
                    // (not "all were killed or badly wounded")
                    h.value().field == Field::Killed
                        && toks
                            .get(h.te)
                            .is_none_or(|n| !l.grammar.or.contains(&n.lower))
                })
                .then_some((j, k))
        }) else {
            return;
        };
        let joined = all > 0 && l.grammar.and.contains(&toks[all - 1].lower);
        let aboard: Vec<&Quantity> = qs
            .iter()
            .filter(|q| {
                !q.article
                    && q.tok_end < all_at
                    && ((q.tok_end..(q.tok_end + ABOARD_REACH).min(all_at))
                        .any(|i| l.grammar.aboard.contains(&toks[i].lower))
                        || joined && tolls::people_end(l, toks, q.tok_end).is_some())
                    && !out.iter().any(|f| f.q.tok_start == q.tok_start)
                    && !self.not_a_count(q)
            })
            .collect();
        if let [q] = aboard[..] {
            out.push(FieldFig::new(Field::Killed, q.clone(), false));
        }
    }

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
        let Cued { field, own_loss } = self.field(q)?;
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
        let mut f = FieldFig::new(field, q, tally);
        f.own_loss = own_loss;
        Some(f)
    }

    /// A number that is part of a date, a year, money, a measure, a rate, what could be
    /// killed, a part of a count or the dead a family speaks for.
    fn not_a_count(&self, q: &Quantity) -> bool {
        let (l, toks) = (self.l, &self.ctx.toks);
        if self.in_date(q) {
            return true;
        }
        let t0 = &toks[q.tok_start];
        // (a year before an event noun is one whatever is before it: "over 2016 airstrike")
        let year_of_event = l.events.at(toks, q.tok_end).is_some_and(|h| h.value().noun);
        if t0.kind == TokKind::Num
            && t0.lower.len() == 4
            && (q.hedge == numbers::Hedge::Exact || year_of_event)
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
        // "one of the dead", "uno de los muertos": a part, not the count ("two of them
        // died", "dos de sus tripulantes murieron" is a count of the dead)
        let partitive = !q.figure.approx
            && q.figure.low.is_some()
            && q.figure.best.is_some()
            && toks
                .get(q.tok_end)
                .is_some_and(|t| l.grammar.of.contains(&t.lower))
            && toks.get(q.tok_end + 1).is_some_and(|t| {
                l.grammar.partitive.contains(&t.lower)
                    && (l.filler_kinds.get(&t.lower) != Some(&FillerKind::Pronoun)
                        || l.grammar.demonstrative_pl.contains(&t.lower))
            })
            && l.figures.at(toks, q.tok_end + 2).is_some();
        // "the families of two men killed": the dead a family speaks for, often some of the
        // dead only
        let kin_of = q.tok_start >= 2
            && l.grammar.of.contains(&toks[q.tok_start - 1].lower)
            && l.attribution.at(toks, q.tok_start - 2).is_some_and(|h| {
                h.te == q.tok_start - 1 && *h.value() == AttrCue::Kind(SourceKind::WitnessOrFamily)
            });
        // "ningún militar resultó herido": none of the state's own, a zero for some only
        let own_zero = q.figure.best == Some(0)
            && toks
                .get(q.tok_end)
                .is_some_and(|t| l.filler_kinds.get(&t.lower) == Some(&FillerKind::Security));
        // "two more bodies were found", "hallaron dos cuerpos más": added to a toll told
        // before, not the toll
        // ("los tres cabecillas más buscados" is a superlative: after the noun, "más" must
        // end its phrase)
        let increment = |k: usize| {
            toks.get(k)
                .is_some_and(|t| l.grammar.increment.contains(&t.lower))
        };
        let ends_phrase = |k: usize| {
            toks.get(k).is_none_or(|t| {
                t.kind == TokKind::Punct
                    || l.grammar.locative.at(toks, k).is_some()
                    || l.grammar.date_prep.contains(&t.lower)
                    || l.grammar.article_sg.contains(&t.lower)
                    || l.grammar.article_pl.contains(&t.lower)
            })
        };
        // (beside a noun of the bodies found only: "killed three more militants", "four
        // more dead as drones hit Odesa" and "destroyed two more boats" are a new event's)
        let remains = |k: usize| {
            toks.get(k)
                .is_some_and(|t| l.grammar.remains.contains(&t.lower))
        };
        let added = increment(q.tok_end) && remains(q.tok_end + 1)
            || remains(q.tok_end) && increment(q.tok_end + 1) && ends_phrase(q.tok_end + 2);
        capacity || partitive || kin_of || own_zero || added
    }

    /// The field the number `q` counts: from its cue (see [`field_of`]), or all of a count
    /// that is denied survivors.
    fn field(&self, q: &Quantity) -> Option<Cued> {
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
        let cued =
            field_of(l, self.ctx, self.names, q, self.dates).or(none_among.then_some(Cued {
                field: Field::Killed,
                own_loss: false,
            }))?;
        // "none of the four aboard survived", "ninguno de los cuatro sobrevivió": all of them
        // died
        let none_of = q.tok_start >= 3
            && l.none.contains(&toks[q.tok_start - 3].lower)
            && g.of.contains(&toks[q.tok_start - 2].lower)
            && {
                let w = &toks[q.tok_start - 1].lower;
                g.article_pl.contains(w) || g.demonstrative_pl.contains(w)
            };
        // "none of the three men killed when ... were smugglers": the dead named by a
        // participle right after them (people's words only between), not "none of the four
        // were killed"
        let named_dead = || {
            let mut k = q.tok_end;
            while toks.get(k).is_some_and(|t| {
                matches!(
                    l.filler_kinds.get(&t.lower),
                    Some(FillerKind::Person | FillerKind::Security | FillerKind::Nationality)
                )
            }) {
                k += 1;
            }
            // ... and a verb after them that says who they were or what became of them ("were
            // smugglers", "eran pescadores", "had been identified"): "none of the four crew
            // members died" counts none
            l.figures.at(toks, k).is_some_and(|h| {
                h.value().field == Field::Killed
                    && h.value().pos != CuePos::Before
                    && toks[h.te..].iter().any(|t| {
                        l.grammar.copula.contains(&t.lower) || l.grammar.perfect.contains(&t.lower)
                    })
            })
        };
        match (none_of, cued.field) {
            (false, _) => Some(cued),
            (true, Field::Survivors) => Some(Cued {
                field: Field::Killed,
                own_loss: false,
            }),
            (true, Field::Killed) if named_dead() => Some(cued),
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
                    out.push(FieldFig::new(Field::Killed, q.clone(), false));
                }
            }
        }
    }

    /// A count of more than a handful of strikes is a campaign total, not one event ... but
    /// "the two attacks bring the count to 19": before the "bring", the event's.
    fn campaign_counts(&self, out: &mut [FieldFig]) {
        let ctx = self.ctx;
        let many = |f: &FieldFig| {
            f.field == Field::Strikes && f.q.figure.low.or(f.q.figure.best).unwrap_or(0) > 5
        };
        // the clauses that count many strikes
        let counting: Vec<usize> = out
            .iter()
            .filter(|f| many(f))
            .map(|f| ctx.clause[f.q.tok_start])
            .collect();
        let first_count = out.iter().filter(|f| many(f)).map(|f| f.q.tok_start).min();
        // a clause of one event told before the count ("On Thursday U.S. forces killed four
        // people in a strike on a boat; at least 87 people have been killed in 22 strikes"):
        // its figures are that event's
        let own_event = |f: &FieldFig| {
            let c = ctx.clause[f.q.tok_start];
            first_count.is_some_and(|n| f.q.tok_start < n)
                && !counting.contains(&c)
                && self
                    .events
                    .iter()
                    .any(|e| ctx.clause[e.ts] == c && !e.value().plural)
        };
        if !counting.is_empty() {
            for f in out.iter_mut() {
                if own_event(f) {
                    continue;
                }
                // (or in a clause of its own before it that counts no strikes: "killing four
                // people, Southern Command said, bringing the death toll to 87 in 22 strikes")
                let before_bring = self.scope.bring_at.is_some_and(|b| {
                    f.q.tok_start < b
                        && (ctx.clause[b] == ctx.clause[f.q.tok_start]
                            || !counting.contains(&ctx.clause[f.q.tok_start]))
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
                out.push(FieldFig::new(field, q.clone(), true));
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
            let q = Quantity {
                figure: exact(v, surface),
                start: t.start,
                end: suf.end,
                tok_start: i,
                tok_end: i + 2,
                hedge: numbers::Hedge::Exact,
                article: false,
            };
            out.push(FieldFig::new(Field::Strikes, q, true));
        }
    }
}

/// The field a figure counts, and whether its dead are a state force's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cued {
    field: Field,
    own_loss: bool,
}

/// The most words of a phrase after a count of people, before its cue ("five members of a
/// criminal group died", "tres personas en una de las lanchas murieron").
const MAX_PHRASE: usize = 5;

/// The most tokens of a name between a count and its people, or inside their phrase.
const MAX_NAME_TOKENS: usize = 6;

/// The end of a name that starts at token `at`: an armed actor the sentence names, or a run
/// of capitalised words (with "of"/"de" and apostrophes inside: "Kurdistan Workers' Party",
/// "Cártel del Golfo"); and whether it surely names a group, not what its people are (an
/// actor of the lexicon, an acronym such as "PKK", or two capitalised words or more: a lone
/// capitalised word may be a nationality, "two Trinidadian men").
pub(super) fn name_end(
    l: &LangLex,
    ctx: &SentCtx,
    names: &[(usize, usize)],
    at: usize,
) -> Option<(usize, bool)> {
    if let Some(&(_, te)) = names.iter().find(|&&(ts, _)| ts == at) {
        return Some((te, true));
    }
    let toks = &ctx.toks;
    // a capitalised word of a name: not one the figures read in any case ("Members Of
    // Gulf Cartel Killed In ...", a headline in title case: fillers, "of", a figure cue, a
    // locative)
    let capital = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && ctx.text[t.start..].starts_with(char::is_uppercase)
                && !l.fillers.contains(&t.lower)
                && !l.grammar.of.contains(&t.lower)
                && l.figures.at(toks, k).is_none()
                && l.grammar.locative.at(toks, k).is_none()
        })
    };
    if !capital(at) {
        return None;
    }
    let (mut end, mut words) = (at + 1, 1);
    while end < toks.len() && end - at < MAX_NAME_TOKENS {
        let t = &toks[end];
        if capital(end) {
            words += 1;
            end += 1;
        } else if matches!(t.lower.as_str(), "'" | "’")
            || (l.grammar.of.contains(&t.lower) || l.grammar.article_sg.contains(&t.lower))
                && capital(end + 1)
        {
            end += 1;
        } else {
            break;
        }
    }
    let first = &ctx.text[toks[at].start..toks[at].end];
    let acronym = first.chars().count() >= 2 && first.chars().all(|c| c.is_uppercase());
    Some((end, words >= 2 || acronym))
}

/// The field a figure counts: a cue after it ("11 killed", "3 survivors"), else a cue before
/// it ("killed 11", "mató a 6"), skipping filler words.
fn field_of(
    l: &LangLex,
    ctx: &SentCtx,
    names: &[(usize, usize)],
    q: &Quantity,
    dates_all: &[DateExpr],
) -> Option<Cued> {
    let toks = &ctx.toks;
    let in_date = |t: &Tok| {
        dates_all
            .iter()
            .any(|d| d.start <= t.start && t.end <= d.end)
    };
    // a killing verb right before wins over a cue reached over fillers after: "strikes kill
    // 7 on suspected smuggling boats" counts the dead ("left two survivors" keeps its noun)
    let name = |at: usize| name_end(l, ctx, names, at);
    let killed_before = q.tok_start > 0
        && !q.article
        && (1..=4usize).any(|len| {
            q.tok_start >= len
                && l.figures.at(toks, q.tok_start - len).is_some_and(|h| {
                    h.te == q.tok_start
                        && h.value().pos != CuePos::After
                        && h.value().field == Field::Killed
                        && (!h.value().people || people_after(l, toks, q.tok_end, &name))
                })
        });
    if let Some(c) = cue_after(l, toks, q, killed_before, &in_date, &name) {
        return Some(c);
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
    // the one word skipped is the object's mark ("mató anoche a un miembro": a day's words
    // aside)
    let mut object_only = false;
    // an aside between the verb and the mark, passed once
    let mut aside = false;
    while j > 0 && skipped <= 5 {
        for len in 1..=4usize {
            if j >= len {
                if let Some(h) = l.figures.at(toks, j - len) {
                    let adjacent = skipped == 0 || (skipped == 1 && object_only);
                    if h.te == j
                        && h.value().pos != CuePos::After
                        && (!q.article
                            || (h.value().field == Field::Killed
                                && adjacent
                                && one_person(l, toks, q.tok_end)))
                        // "capturaron a una docena durante ...": the mark of a person
                        // object counts people, when no noun follows the count
                        && (!h.value().people
                            || people_after(l, toks, q.tok_end, &name)
                            || object_only && skipped == 1 && no_noun_after(l, toks, q.tok_end))
                        // over an aside, only people or a bare count ("mató en la aldea a
                        // decenas de cabezas de ganado" counts no dead)
                        && (!aside
                            || people_after(l, toks, q.tok_end, &name)
                            || no_noun_after(l, toks, q.tok_end))
                    {
                        return Some(Cued {
                            field: h.value().field,
                            own_loss: false,
                        });
                    }
                }
            }
        }
        let t = &toks[j - 1];
        let day_word = toks.get(j).is_some_and(in_date) && opens_day(l, &t.lower);
        // (the part of the day and the words that bring it in: "mató en la noche del
        // miércoles a tres", "killed late on Monday three")
        let part_word = l.grammar.day_part.contains(&t.lower)
            && (j..(j + DAY_PART_REACH).min(toks.len())).any(|k| in_date(&toks[k]));
        if in_date(t) || is_quote(t) || day_word || part_word {
            // "mataron el lunes a ocho", "killed on Tuesday at least three", "'neutralizaron'
            // a tres"
            j -= 1;
        } else if l.fillers.contains(&t.lower) {
            object_only = skipped == 0 && l.grammar.object_mark.contains(&t.lower);
            j -= 1;
            skipped += 1;
        } else if let Some(p) = (object_only && skipped == 1 && !aside)
            .then(|| verb_aside(l, toks, j, &in_date))
            .flatten()
        {
            // "mató por error a al menos 16": over the aside to the verb
            aside = true;
            j = p;
        } else {
            break;
        }
    }
    None
}

/// The start of an aside that ends at token `j` (the mark of a verb's object) and follows
/// a verb that counts the dead: "por error", "este miércoles en Culiacán", "accidentalmente"
/// (see grammar `verb_aside`); words and a date's tokens only, no clause of its own.
fn verb_aside(
    l: &LangLex,
    toks: &[Tok],
    j: usize,
    in_date: &dyn Fn(&Tok) -> bool,
) -> Option<usize> {
    let g = &l.grammar;
    let mut start = None;
    for k in (j.saturating_sub(VERB_ASIDE)..j).rev() {
        let t = &toks[k];
        if !(t.kind == TokKind::Word || in_date(t))
            || g.relative.contains(&t.lower)
            || g.and.contains(&t.lower)
            || g.that.contains(&t.lower)
        {
            break;
        }
        if g.verb_aside.contains(&t.lower) || g.adverb(&t.lower) || in_date(t) {
            start = Some(k);
        }
    }
    let mut p = start?;
    // the article or "pasado" of a day that opens it ("abatieron el martes en Sinaloa a")
    while p > 0 && in_date(&toks[p]) && opens_day(l, &toks[p - 1].lower) {
        p -= 1;
    }
    // a killing verb right before it
    (1..=4usize)
        .any(|len| {
            p >= len
                && l.figures.at(toks, p - len).is_some_and(|h| {
                    h.te == p && h.value().pos != CuePos::After && h.value().field == Field::Killed
                })
        })
        .then_some(p)
}

/// Tokens after a word of a day's part within which its day must be ("en la noche del
/// miércoles").
const DAY_PART_REACH: usize = 4;

/// Most words of such an aside.
const VERB_ASIDE: usize = 6;

/// A word that opens a day's words right before them, outside the date itself: its article
/// or preposition ("el" of "el lunes", "on") or "pasado", "este" ("el pasado 3 de junio").
fn opens_day(l: &LangLex, w: &crate::tokens::Word) -> bool {
    l.grammar.date_prep.contains(w)
        || l.grammar.article_sg.contains(w)
        || l.dates.is_last_or_this(w)
}

/// Whether the count ending at `at` stands alone: a break, the sentence's end, or a word that
/// opens what follows ("durante", "y", "en") after it, not a noun it counts ("dos drones",
/// "dos de los drones").
fn no_noun_after(l: &LangLex, toks: &[Tok], at: usize) -> bool {
    let Some(t) = toks.get(at) else {
        return true;
    };
    t.kind != TokKind::Word
        || l.dates.is_occasion(&t.lower)
        || l.grammar.date_prep.contains(&t.lower)
        || l.grammar.and.contains(&t.lower)
        || l.grammar.locative.ends_at(toks, at + 1)
}

/// A quotation mark: an outlet quoting an official's word ("'neutralizaron' a tres") still
/// tells the count.
pub(super) fn is_quote(t: &Tok) -> bool {
    matches!(
        t.lower.as_str(),
        "'" | "\"" | "‘" | "’" | "“" | "”" | "«" | "»"
    )
}

/// Whether people, or nothing, are named after token `at`: what a cue that counts people
/// only may count ("neutralizó a dos agresores", "neutralizó a dos.", not "two drones"); a
/// group named before them is theirs ("neutralized 13 PKK militants").
fn people_after(
    l: &LangLex,
    toks: &[Tok],
    at: usize,
    name: &dyn Fn(usize) -> Option<(usize, bool)>,
) -> bool {
    let (mut j, mut seen) = (at, 0);
    while let Some(t) = toks.get(j) {
        if seen >= 4 {
            return false;
        }
        // "neutralized 13 PKK militants": the group named before its people
        if let Some((end, true)) = name(j) {
            if person_at(l, toks, end) {
                return true;
            }
        }
        match l.filler_kinds.get(&t.lower) {
            Some(FillerKind::Person | FillerKind::Security) => return true,
            _ if t.kind != TokKind::Word => return true,
            _ if l.fillers.contains(&t.lower) => {}
            _ => return false,
        }
        j += 1;
        seen += 1;
    }
    toks.len() <= at
}

/// Whether the token `at` is a noun of people.
fn person_at(l: &LangLex, toks: &[Tok], at: usize) -> bool {
    matches!(
        toks.get(at).and_then(|t| l.filler_kinds.get(&t.lower)),
        Some(FillerKind::Person | FillerKind::Security)
    )
}

/// Whether an article after a killing verb counts one person: a noun of people within a
/// few words ("killed a senior commander"), and no count ("killing an unspecified number of
/// fighters").
fn one_person(l: &LangLex, toks: &[Tok], at: usize) -> bool {
    // (a group's name may stand before the noun, hyphens inside it: "a Hurras al-Din
    // commander", "a senior al-Shabab leader")
    for (k, t) in toks.iter().enumerate().skip(at).take(ONE_PERSON_REACH) {
        // ("killing a combined seven people", "an estimated thirty fighters": the article
        // is the number's, which counts them)
        if numbers::number_at(toks, k, "", &l.nums, 0).is_some_and(|n| !n.article) {
            return false;
        }
        if matches!(
            l.filler_kinds.get(&t.lower),
            Some(FillerKind::Person | FillerKind::Security)
        ) {
            return true;
        }
        let hyphen = t.lower == "-"
            && k > 0
            && toks[k - 1].end == t.start
            && toks.get(k + 1).is_some_and(|n| n.start == t.end);
        // ("a group of al-Shabab fighters", "una célula de disidentes": "of" before any
        // person counts a band, not one of them)
        if !(t.kind == TokKind::Word || hyphen)
            || l.grammar.count_noun.contains(&t.lower)
            || l.grammar.of.contains(&t.lower)
        {
            return false;
        }
    }
    false
}

/// How many tokens after "a"/"un" the person it counts may stand ("a senior al-Shabab
/// leader": six, the hyphen and the name's parts included).
const ONE_PERSON_REACH: usize = 6;

/// Whether the both-ways cue ending before token `te` has an object after it: "five gunmen
/// killed two officers" tells who the gunmen killed, not that they died.
fn object_after(l: &LangLex, toks: &[Tok], te: usize, in_date: &dyn Fn(&Tok) -> bool) -> bool {
    let Some(t) = toks.get(te) else {
        return false;
    };
    // "murieron el jueves", "killed the day before": a date, no object
    if toks[te..(te + 3).min(toks.len())].iter().any(in_date) {
        return false;
    }
    t.kind == TokKind::Num
        || numbers::number_at(toks, te, "", &l.nums, 0).is_some()
        || l.grammar.article_sg.contains(&t.lower)
        || l.grammar.article_pl.contains(&t.lower)
}

/// The cue after a figure, over fillers (people named, "were", "aboard the boat"), an aside
/// between commas, "of them", and a phrase after a count of people ("five members of a
/// criminal group died").
fn cue_after(
    l: &LangLex,
    toks: &[Tok],
    q: &Quantity,
    killed_before: bool,
    in_date: &dyn Fn(&Tok) -> bool,
    name: &dyn Fn(usize) -> Option<(usize, bool)>,
) -> Option<Cued> {
    let g = &l.grammar;
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
    // people named (and members of a state force among them), a word that opens a phrase
    // after them ("of", "de"), and the words of that phrase
    let (mut person, mut security, mut of_seen) = (false, false, false);
    // "a gunman was killed", "un elemento de la Guardia Nacional perdió la vida": a lone
    // article goes on over fillers only to people
    let lone_article = q.article && !one_more;
    let mut phrase = 0;
    // a word that describes the people named was passed
    let mut described = false;
    loop {
        if let Some(h) = l.figures.at(toks, j) {
            let c = h.value();
            if aboard && c.field == Field::Vessels && skipped < 6 {
                skipped += 1;
                j = h.te;
                continue;
            }
            // "a victims monitor": an article never counts a plural noun
            let plural_noun = q.article && toks[h.te - 1].lower.ends_with('s');
            let people_field = !matches!(c.field, Field::Vessels | Field::Strikes);
            let gap = skipped > 0 || phrase > 0;
            let active = c.pos == CuePos::Both && gap && object_after(l, toks, h.te, in_date);
            // ("nueve ocupantes de la lancha murieron": the boat in the phrase after the
            // people, its fillers only, is where they were, not what is counted)
            let ok = c.pos != CuePos::Before
                && !plural_noun
                && (phrase == 0 && !of_seen || people_field)
                // an article counts one of the people named after it, over fillers
                && (!lone_article || !gap || person)
                && !active;
            if ok {
                if killed_before && skipped > 0 {
                    return Some(Cued {
                        field: Field::Killed,
                        own_loss: false,
                    });
                }
                return Some(Cued {
                    field: c.field,
                    own_loss: security && matches!(c.field, Field::Killed | Field::Injured),
                });
            }
            // an article counts only the noun right after it, or people
            if lone_article && !gap && !person_at(l, toks, j) {
                break;
            }
        }
        if skipped >= 6 {
            break;
        }
        let Some(t) = toks.get(j) else { break };
        let kind = l.filler_kinds.get(&t.lower).copied();
        let opens = kind == Some(FillerKind::Opens)
            || g.of.contains(&t.lower)
            || g.toll_of.contains(&t.lower);
        // after a phrase, only the auxiliary before the cue ("un sicario perteneciente a un
        // grupo criminal fue abatido")
        let auxiliary = phrase > 0 && kind == Some(FillerKind::Singular);
        // the state of the force members counted: "dos militares venezolanos" (after them),
        // "two Venezuelan soldiers" (before them)
        let nationality = kind == Some(FillerKind::Nationality)
            && phrase == 0
            && (security
                || toks
                    .get(j + 1)
                    .is_some_and(|n| l.filler_kinds.get(&n.lower) == Some(&FillerKind::Security)));
        if nationality {
            j += 1;
            skipped += 1;
            continue;
        }
        // the group the people counted belong to, named before them: "ten PKK fighters",
        // "two Kataib Hezbollah commanders"; but a single capitalised word that names no
        // armed actor may be what they were ("two Trinidadian men")
        if phrase == 0 && !person {
            if let Some((end, sure)) = name(j) {
                let people_at = |k: usize| {
                    toks.get(k).is_some_and(|n| {
                        matches!(
                            l.filler_kinds.get(&n.lower),
                            Some(FillerKind::Person | FillerKind::Security)
                        )
                    })
                };
                // ... or a name that ends in its people ("seven FARC dissidents were killed"),
                // not the whole a part is counted of ("two of the seven FARC dissidents")
                let partitive = q.tok_start >= 2
                    && g.of.contains(&toks[q.tok_start - 2].lower)
                    && g.article_pl.contains(&toks[q.tok_start - 1].lower);
                let named_people = end > j + 1 && people_at(end - 1) && !partitive;
                if sure && named_people && !people_at(end) {
                    person = true;
                    security |= (j..end)
                        .any(|k| l.filler_kinds.get(&toks[k].lower) == Some(&FillerKind::Security));
                    skipped += end - j;
                    j = end;
                    continue;
                }
                if sure && people_at(end) {
                    skipped += end - j;
                    j = end;
                    continue;
                }
            }
        }
        // "two people aboard a semi-submersible were killed", "on board a fishing boat": the
        // boat they were on, whatever the lexicon calls it
        // (its words before it too: "aboard a suspected drug-smuggling vessel")
        if aboard && phrase == 0 && skipped < 6 {
            let boat = (j..(j + BOAT_WORDS).min(toks.len()))
                .take_while(|&k| toks[k].kind == TokKind::Word || toks[k].lower == "-" && k > j)
                .find_map(|k| {
                    l.targets
                        .at(toks, k)
                        .filter(|h| *h.value() == TargetKind::Vessel)
                });
            if let Some(h) = boat {
                skipped += 1;
                j = h.te;
                continue;
            }
        }
        // "two people aboard a boat were killed": the article of the boat they were on
        let boat_article = aboard
            && phrase == 0
            && (g.article_sg.contains(&t.lower) || g.article_indef.contains(&t.lower));
        if (l.fillers.contains(&t.lower) || boat_article) && (phrase == 0 || auxiliary) {
            aboard |= g.aboard.contains(&t.lower);
            person |= matches!(kind, Some(FillerKind::Person | FillerKind::Security));
            security |= kind == Some(FillerKind::Security);
            of_seen |= person && opens;
            j += 1;
            skipped += 1;
            continue;
        }
        // "two of them died", "two of the gunmen were killed", "tres de los sicarios murieron"
        if opens
            && skipped == 0
            && toks.get(j + 1).is_some_and(|n| {
                l.filler_kinds.get(&n.lower) == Some(&FillerKind::Pronoun)
                    || g.partitive.contains(&n.lower)
            })
        {
            j += 2;
            skipped += 2;
            continue;
        }
        // an aside between commas: "80 people, soldiers and civilians among them, died"
        if t.lower == "," && !aside && phrase == 0 {
            let close = (j + 1..(j + 9).min(toks.len())).find(|&k| toks[k].lower == ",");
            match close {
                Some(k) if toks[j + 1..k].iter().all(|t| t.kind != TokKind::Num) => {
                    aside = true;
                    j = k + 1;
                    // the quote the comma stood inside: "whom he called “terrorists,” had"
                    while toks
                        .get(j)
                        .is_some_and(|t| matches!(t.lower.as_str(), "”" | "\"" | "’" | "'" | "»"))
                    {
                        j += 1;
                    }
                    continue;
                }
                _ => break,
            }
        }
        // a phrase after people: "members of a criminal group", "integrantes de la
        // delincuencia organizada", "personas en una de las embarcaciones"
        // ("guerrilleros del frente 33": a number inside the phrase names, it counts nothing)
        let in_phrase = phrase > 0 || person && (opens || of_seen);
        let word = t.kind == TokKind::Word || t.kind == TokKind::Num && phrase > 0;
        // a name in the phrase is one word of it ("de una célula del Cártel del Golfo"); a
        // force's name among its words counts the state's own ("members of the National
        // Guard")
        if in_phrase && word && phrase < MAX_PHRASE {
            if let Some((end, _)) = name(j) {
                security |= (j..end)
                    .any(|k| l.filler_kinds.get(&toks[k].lower) == Some(&FillerKind::Security));
                phrase += 1;
                j = end;
                continue;
            }
        }
        // a plain filler (the verb, "were", "fueron") right before the cue, after a phrase
        // ("... militia were killed"): no noun of people, no article
        if phrase > 0
            && l.fillers.contains(&t.lower)
            && kind.is_none()
            && !l.grammar.article_sg.contains(&t.lower)
            && !l.grammar.article_pl.contains(&t.lower)
            && l.figures.at(toks, j + 1).is_some_and(|h| h.ts == j + 1)
        {
            j += 1;
            continue;
        }
        if in_phrase && word && phrase < MAX_PHRASE {
            security |= kind == Some(FillerKind::Security);
            phrase += 1;
            j += 1;
            continue;
        }
        // "40 migrantes etíopes murieron", "tres pescadores inocentes murieron": one word
        // that describes the people named, right before a cue that counts after it
        let describes = person
            && phrase == 0
            && !described
            && t.kind == TokKind::Word
            && l.figures
                .at(toks, j + 1)
                .is_some_and(|h| h.ts == j + 1 && h.value().pos != CuePos::Before);
        if describes {
            described = true;
            j += 1;
            skipped += 1;
            continue;
        }
        break;
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
    // "una ofensiva aérea podría dejar decenas de muertos": a toll that could be, no total
    let maybe = |f: &FieldFig| {
        s.mods.iter().any(|h| {
            h.ts < f.q.tok_start
                && ctx.clause[h.ts] == ctx.clause[f.q.tok_start]
                && !matches!(
                    h.value().modality,
                    Modality::Occurred | Modality::Denied | Modality::Negated
                )
        })
    };
    let tally_figs: Vec<&FieldFig> = s.figs.iter().filter(|f| f.tally && !maybe(f)).collect();
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
    // a day the sentence gives an event with its own dead ("on Sept. 2, a strike killed 11,
    // opening a campaign that has since killed 150") is that event's, not the total's
    let explicit = s.dates.iter().find(|d| {
        matches!(d.kind, DateKind::MonthDay | DateKind::YearEnd)
            && d.date.is_some()
            && !(s.killed_here && d.kind == DateKind::MonthDay)
    });
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
    // "U.S. strikes in Yemen have killed more than 200": the state whose strikes are summed
    // up is the total's perpetrator (a group's attacks make no strike tally)
    let scene = s.scene();
    let armed = super::agents::armed(&scene);
    let strikes = || {
        s.events
            .iter()
            .filter(|e| e.value().event_type == EventType::Strike)
    };
    let agent = strikes()
        .find_map(|e| super::agents::agent_of(&scene, e, &armed))
        .filter(|a| !a.non_state)
        .or_else(|| {
            strikes()
                .next()
                .and_then(|e| super::agents::summing_force(&scene, &armed, e.ts))
        });
    if agent.is_some() {
        super::agents::set_perpetrator(&mut rep, agent, &armed, None, ctx, src, Modality::Occurred);
    }
    out.push(Cand::new(CandKind::Report(ReportKind::Tally), rep, true));
}

/// The ending of the rule of a killed claim of dead told besides those before ("two of his
/// bodyguards were also killed", "también murieron dos escoltas"): the story's event adds
/// them to its toll.
pub(super) const ALSO: &str = ".also";

/// Ends the rule of the killed claims added to `rep` from claim `from` on with `how` (how
/// the count was told: [`ALSO`], `sw_model::RAISED_RULE`).
fn mark_killed(rep: &mut Report, from: usize, how: &str) {
    for c in &mut rep.claims[from..] {
        if c.field == ClaimField::Figure(Field::Killed) {
            c.rule.push_str(how);
        }
    }
}

/// Most tokens between a count of dead and a word that adds them to others.
const ALSO_REACH: usize = 6;

/// Whether a word that adds to what was told (grammar `also`) stands near the count at
/// `at`, in its clause: "Two of his bodyguards were also killed", "También murieron dos".
fn also_near(l: &LangLex, toks: &[Tok], at: usize) -> bool {
    let from = at.saturating_sub(ALSO_REACH);
    let to = (at + ALSO_REACH).min(toks.len());
    (from..to).any(|k| {
        l.grammar.also.contains(&toks[k].lower)
            && !toks[k.min(at)..k.max(at)]
                .iter()
                .any(super::sentence::is_clause_break)
            // (not of the saying: "the ministry also said three were killed" tells the toll
            // again)
            && !(k + 1..(k + 3).min(toks.len()))
                .any(|j| l.attribution.at(toks, j).is_some_and(|h| matches!(h.value(), AttrCue::Verb)))
    })
}

/// Whether the count at `at` is one a toll rose to: a verb of rising right before the word
/// that brings in the count ("rose to four", "ascendió a 74", "se elevó a nueve").
fn raised_to(l: &LangLex, toks: &[Tok], at: usize, days: &[(usize, usize)]) -> bool {
    if at < 2 || !l.grammar.toll_to.contains(&toks[at - 1].lower) {
        return false;
    }
    // (a day between the verb and the count: "ascendió el martes a cinco", "rose on Tuesday
    // to five")
    let mut k = at - 1;
    while k > 0
        && at - 1 - k < RAISED_DAY_WORDS
        && days.iter().any(|&(a, b)| {
            (a..b).contains(&(k - 1))
                || (a == k
                    && (l.grammar.date_prep.contains(&toks[k - 1].lower)
                        || l.grammar.article_sg.contains(&toks[k - 1].lower)))
        })
    {
        k -= 1;
    }
    k >= 1 && l.grammar.rise.contains(&toks[k - 1].lower)
}

/// Most words of a day between a verb of rising and the count ("ascendió el martes a").
const RAISED_DAY_WORDS: usize = 4;

/// The rule of a claim of a state force's own dead, kept aside (see [`settle_own_losses`]).
const OWN_LOSS: &str = ".own_loss";

/// Adds a figure to a report; the dead of a state force are kept as a claim only, until the
/// report's type and perpetrator are known ([`settle_own_losses`]).
fn add(rep: &mut Report, f: &FieldFig, ctx: &SentCtx, src: &Source, m: Modality) {
    if !f.own_loss {
        add_figure(rep, f, ctx, src, m);
        return;
    }
    if rep.claims.iter().any(|c| c.span == [f.q.start, f.q.end]) {
        return;
    }
    rep.claims.push(ctx.claim(
        ClaimField::Figure(f.field),
        ClaimValue::Figure(FigureValue::of(&f.q.figure)),
        [f.q.start, f.q.end],
        src,
        m,
        format!("{}{OWN_LOSS}", f.q.hedge.rule()),
    ));
}

/// The dead of a state force, once the report is merged: the toll of an attack on it (an
/// `attack`, or a non-state perpetrator: "an ambush killed eleven soldiers"), but not of the
/// state's own strike or raid, whose toll counts the people its forces killed ("one
/// National Guard member died and one gunman was shot dead": one dead, the gunman).
pub(super) fn settle_own_losses(r: &mut Report) {
    if !r.claims.iter().any(|c| c.rule.ends_with(OWN_LOSS)) {
        return;
    }
    let counts = r.event_type == EventType::Attack || r.perpetrator().is_some_and(|a| a.non_state);
    if counts {
        for c in r.claims.iter_mut().filter(|c| c.rule.ends_with(OWN_LOSS)) {
            let (ClaimField::Figure(field), ClaimValue::Figure(v)) = (c.field, &c.value) else {
                continue;
            };
            let slot = r.figures.slot(field);
            if slot.is_none() {
                *slot = Some(crate::Figure {
                    low: v.low,
                    best: v.best,
                    high: v.high,
                    approx: v.approx,
                    surface: c.surface.clone(),
                });
                c.rival = false;
                c.rule.truncate(c.rule.len() - OWN_LOSS.len());
            }
        }
    }
    r.claims.retain(|c| !c.rule.ends_with(OWN_LOSS));
}

/// "hit one boat on Tuesday and another on Thursday, killing two and three people
/// respectively", "con dos y cuatro muertos, respectivamente": of the events split by their
/// own days, the `k`th of `n` takes the `k`th count of the list a cue of the dead opens
/// before "respectively" (grammar `respectively`), when the list counts as many as there
/// are events; the figures it took from its part of the sentence give way.
pub(super) fn respective(
    rep: &mut Report,
    s: &Sentence,
    (k, n): (usize, usize),
    m: Modality,
    src: &Source,
) {
    let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
    let Some(r) = toks
        .iter()
        .position(|t| l.grammar.respectively.contains(&t.lower))
    else {
        return;
    };
    // the cue of the dead that opens the list, in the clause of "respectively" or the one
    // before it (a comma may set "respectively" off)
    let Some(cue) = l
        .figures
        .find_all(toks)
        .into_iter()
        .filter(|h| h.te <= r && h.value().field == Field::Killed && h.value().pos != CuePos::After)
        .filter(|h| ctx.clause[r] - ctx.clause[h.ts] <= 1)
        .max_by_key(|h| h.ts)
    else {
        return;
    };
    let dates = &s.dates;
    let in_date = |q: &Quantity| dates.iter().any(|d| d.start < q.end && q.start < d.end);
    let list: Vec<Quantity> = numbers::scan(toks, ctx.text, &l.nums)
        .into_iter()
        .filter(|q| q.tok_start >= cue.te && q.tok_end <= r && !q.article && !in_date(q))
        .collect();
    if list.len() != n || k >= n {
        return;
    }
    rep.figures.killed = None;
    rep.claims
        .retain(|c| c.field != ClaimField::Figure(Field::Killed));
    let f = FieldFig::new(Field::Killed, list[k].clone(), false);
    add(rep, &f, ctx, src, m);
}

/// "destruyeron el lunes una lancha en el Caribe, con dos muertos, y el martes otra en el
/// Pacífico oriental, con cuatro": of the events split by their own days, one whose part
/// counts no dead takes a bare count after the word (grammar `with_count`: "con", "with")
/// that another part counts its dead with, its noun left unsaid.
pub(super) fn elided_count(
    rep: &mut Report,
    s: &Sentence,
    part: (usize, usize),
    parts: &[(usize, usize)],
    m: Modality,
    src: &Source,
) {
    let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
    if rep.figures.killed.is_some() {
        return;
    }
    let with = |k: usize| k > 0 && l.grammar.with_count.contains(&toks[k - 1].lower);
    // another part's dead counted right after the word ("con dos muertos")
    let counted_with = s.figs.iter().any(|f| {
        f.field == Field::Killed
            && !f.tally
            && with(f.q.tok_start)
            && parts
                .iter()
                .any(|&(a, b)| (a, b) != part && (a..b).contains(&f.q.tok_start))
    });
    if !counted_with {
        return;
    }
    let bare = numbers::scan(toks, ctx.text, &l.nums)
        .into_iter()
        .find(|q| {
            (part.0..part.1).contains(&q.tok_start)
                && with(q.tok_start)
                && !q.article
                && toks.get(q.tok_end).is_none_or(|t| t.kind != TokKind::Word)
        });
    if let Some(q) = bare {
        add(rep, &FieldFig::new(Field::Killed, q, false), ctx, src, m);
    }
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
    // a toll told in another event's clause is that event's ("struck in retaliation for
    // the ambush that killed two soldiers")
    let own_clause = if s.figs.iter().any(|f| f.elsewhere.is_some()) {
        other_event_regions(l, ctx)
            .into_iter()
            .find(|(a, b)| (*a..*b).contains(&e.ts))
    } else {
        None
    };
    let days: Vec<(usize, usize)> = s.dates.iter().map(|d| d.tokens(toks)).collect();
    for f in s.figs.iter().filter(|f| {
        !f.tally
            && f.field != Field::Strikes
            && f.elsewhere == own_clause
            && segment.is_none_or(|(a, b)| (a..b).contains(&f.q.tok_start))
    }) {
        let before = rep.claims.len();
        add(rep, f, ctx, src, m);
        // "the death toll ... rose to four", "subió a 19": a count raised since an earlier
        // one, which the ledger prefers when it is the newest (`RAISED_RULE`)
        if f.field == Field::Killed && raised_to(l, toks, f.q.tok_start, &days) {
            mark_killed(rep, before, sw_model::RAISED_RULE);
        }
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

/// The sentence opens with a word standing for a next event of the story's kind, its
/// article before it at most and no noun after it: an ordinal from two ("A second on Tuesday
/// killed two", "El segundo, el martes, dejó dos muertos"), whose number it returns, or
/// "another", "otro" (0).
fn next_of_kind(s: &Sentence) -> Option<u32> {
    let (l, toks) = (s.l, &s.ctx.toks);
    let g = &l.grammar;
    let mut k = 0;
    if toks.first().is_some_and(|t| {
        g.article_sg.contains(&t.lower)
            || g.article_indef.contains(&t.lower)
            || l.definite.contains(&t.lower)
    }) {
        k = 1;
    }
    let w = &toks.get(k)?.lower;
    let n = match l.nums.ordinal(w) {
        Some(n) if n >= 2 => n,
        Some(_) => return None,
        None if l.elliptic.contains(w) => 0,
        None => return None,
    };
    // a pronoun: a comma, a day or a verb of its dead after it, no noun it would qualify
    let next = toks.get(k + 1)?;
    let stands = next.kind != TokKind::Word
        || s.dates
            .iter()
            .any(|d| d.tokens(toks).0 == k + 1 || d.tokens(toks).0 == k + 2)
        || l.figures.at(toks, k + 1).is_some();
    stands.then_some(n)
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
            .filter(|f| !f.tally && f.field != Field::Strikes && f.elsewhere.is_none())
        {
            let before = rep.claims.len();
            add(&mut rep, f, ctx, src, Modality::Occurred);
            // "Two of his bodyguards were also killed": dead besides those told before, to
            // be added to the story's toll (see `merge`)
            if f.field == Field::Killed && also_near(s.l, &ctx.toks, f.q.tok_start) {
                mark_killed(&mut rep, before, ALSO);
            }
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
            _ => {
                let mut c = Cand::new(CandKind::FiguresOnly, rep, false);
                // "A second on Tuesday killed two": the figures of a next event of the story's
                // kind, named by an ordinal or "another" standing for it (see `merge`)
                c.ordinal = next_of_kind(s);
                // ("Another, near Marjayoun, killed two": a next event's figures carry its
                // place, which tells it apart from the story's event)
                if let (Some(_), Some((p, a, b))) = (
                    c.ordinal,
                    s.place.clone().or_else(|| self.place(s.l, ctx, &[])),
                ) {
                    super::places::set_place(
                        &mut c.report,
                        ctx,
                        p,
                        [a, b],
                        src,
                        Modality::Occurred,
                        "gazetteer".into(),
                    );
                }
                c.country = s
                    .place
                    .clone()
                    .or_else(|| self.place(s.l, ctx, &[]))
                    .filter(|(p, _, _)| p.region_code.is_none())
                    .and_then(|(p, _, _)| p.country);
                // "Four men were killed in the Tuesday operation, he said": the day the dead
                // are told of is their event's, over one that was only its announcement's
                let at = s.figs.first().map_or(0, |f| f.q.tok_start);
                // (a day of the dead only, not of survivors; not the report's own day, "hoy")
                let day = s.dates.iter().filter(|_| s.killed_here).find(|d| {
                    d.is_named_day()
                        && d.day.is_some_and(|x| Some(x) != s.published)
                        && !super::dating::attached_to_verb(d, &ctx.toks, at, s.l)
                });
                // (a next event's figures carry its day: the merge tells it apart by it)
                if let (Some(d), Some(_)) = (day, c.ordinal) {
                    set_date(&mut c.report, d, ctx, src);
                }
                out.push(c);
                if let Some(d) = day {
                    let mut when = strike_report(ctx, src);
                    set_date(&mut when, d, ctx, src);
                    if let Some(c) = when.claims.last_mut() {
                        c.rule.push_str(".circumstances");
                    }
                    out.push(Cand::new(CandKind::Circumstances, when, true));
                }
            }
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

    /// The sentence's first toll of each field that is no total: (field, best), and
    /// whether the dead are a state force's own or another event's.
    fn tolls(l: &'static LangLex, text: &str) -> Vec<(Field, Option<i64>, bool, bool)> {
        analyse(l, text)
            .figs
            .iter()
            .filter(|f| !f.tally)
            .map(|f| {
                (
                    f.field,
                    f.q.figure.best.or(f.q.figure.low),
                    f.own_loss,
                    f.elsewhere.is_some(),
                )
            })
            .collect()
    }

    fn killed(l: &'static LangLex, text: &str) -> Option<i64> {
        tolls(l, text)
            .into_iter()
            .find(|t| t.0 == Field::Killed && !t.2 && !t.3)
            .and_then(|t| t.1)
    }

    #[test]
    fn who_the_dead_were_stands_between_a_count_and_its_cue() {
        for (l, text, n) in [
            (en(), "Five members of a criminal group died in a gunfight with police in Choluteca.", 5),
            (en(), "Three alleged jihadists were killed when Nigerien troops stormed the camp.", 3),
            (en(), "Seven al-Shabaab militants were killed in the operation near Jilib.", 7),
            (en(), "Four gunmen died after they opened fire on a patrol in Zamfara.", 4),
            (en(), "Two of them died on the way to hospital.", 2),
            (es(), "Cuatro presuntos integrantes de la delincuencia organizada perdieron la vida al enfrentarse con militares en Fresnillo.", 4),
            (es(), "Seis guerrilleros del frente 33 murieron en el bombardeo en Norte de Santander.", 6),
            (es(), "Dos personas en una de las lanchas murieron, según la Armada.", 2),
            (es(), "Al menos 19 de sus integrantes murieron en el campamento de Guaviare.", 19),
            (es(), "Dos de ellos murieron en el lugar.", 2),
            (es(), "Cinco presuntos sicarios del cártel perdieron la vida en Tepalcatepec.", 5),
            (es(), "Un ataque con dron mató el miércoles por la noche a tres personas, entre ellas un alto mando.", 3),
        ] {
            assert_eq!(killed(l, text), Some(n), "{text}");
        }
        // a part of the dead, not their count; a count of what they did, not of them
        assert_eq!(killed(en(), "One of the dead was a fisherman."), None);
        assert_eq!(killed(en(), "One of those killed was a child."), None);
        assert_eq!(
            tolls(en(), "Five gunmen killed two police officers in Tumaco."),
            [(Field::Killed, Some(2), false, false)]
        );
    }

    #[test]
    fn verbs_of_a_force_killing_count_the_dead() {
        for (l, text, n) in [
            (
                es(),
                "El Ejército abatió a 11 presuntos delincuentes en Tamaulipas.",
                11,
            ),
            (
                es(),
                "Tres presuntos narcoterroristas fueron abatidos en el ataque a la lancha, según el Comando Sur.",
                3,
            ),
            (
                es(),
                "Nueve presuntos disidentes resultaron abatidos durante el bombardeo en el Cauca.",
                9,
            ),
            (
                es(),
                "Cuatro integrantes del Clan del Golfo fueron dados de baja en Urabá.",
                4,
            ),
            (
                es(),
                "La Policía Nacional neutralizó a dos pandilleros en San Pedro Sula.",
                2,
            ),
            (
                es(),
                "Turquía aseguró haber neutralizado a siete terroristas en Gara.",
                7,
            ),
            (es(), "Militares ultimaron a tres sicarios en Reynosa.", 3),
            (
                es(),
                "El operativo resultó en la muerte de cuatro presuntos criminales.",
                4,
            ),
            (es(), "Perdieron la vida tres tripulantes de la lancha.", 3),
            (
                en(),
                "Nigerian troops eliminated 12 bandits in Zamfara.",
                12,
            ),
            (
                en(),
                "Special forces took out five insurgents near the border.",
                5,
            ),
            (en(), "The raid neutralized three militants in Idlib.", 3),
        ] {
            assert_eq!(killed(l, text), Some(n), "{text}");
        }
        assert_eq!(
            killed(es(), "La Marina neutralizó dos drones en el Golfo."),
            None
        );
        assert_eq!(
            killed(en(), "The strike took out a radar site near Hodeidah."),
            None
        );
        assert_eq!(
            killed(
                en(),
                "Africa Command said the strike killed an unspecified number of fighters."
            ),
            None
        );
    }

    #[test]
    fn a_named_person_killed_is_one_dead() {
        for (l, text) in [
            (
                en(),
                "U.S. forces killed Abu Yusuf, a senior ISIS leader, in Deir ez-Zor.",
            ),
            (
                en(),
                "Israeli forces killed Hamas commander Ahmed Saleh in a strike on Khan Younis.",
            ),
            (
                en(),
                "Abu Khalid al-Masri was killed in the raid, officials said.",
            ),
            (
                en(),
                "Omar Farouk, a leader of the group, was reportedly killed in the strike.",
            ),
            (es(), "La Marina abatió a Juan Carlos Pérez en Culiacán."),
            (
                es(),
                "Juan Carlos Pérez, alias El Gato, fue abatido por militares.",
            ),
        ] {
            assert_eq!(killed(l, text), Some(1), "{text}");
        }
        // a people, not a person; nothing killed
        assert_eq!(
            killed(en(), "Militias have been killing Americans for years."),
            None
        );
        assert_eq!(killed(en(), "Maduro was not killed in the raid."), None);
    }

    #[test]
    fn counts_of_the_dead_are_summed() {
        for (l, text, n) in [
            (en(), "The strike killed four children and two women.", 6),
            (
                en(),
                "An Israeli strike on a house killed a woman and her three children.",
                4,
            ),
            (
                en(),
                "A drone strike killed a senior commander of the militia and two other people.",
                3,
            ),
            (en(), "The boat carried four men; none of them survived.", 4),
            (
                es(),
                "Dos niños y tres mujeres murieron en el bombardeo de Jan Yunis.",
                5,
            ),
            (es(), "El bombardeo mató a un cabecilla y a otros tres.", 4),
            // relatives counted beside the one they were with
            (
                en(),
                "The raid killed a senior official and his two adult sons.",
                3,
            ),
            (
                en(),
                "A drone strike killed a militant leader and his wife.",
                2,
            ),
            (
                es(),
                "El bombardeo mató a un cabecilla y a sus dos hijos.",
                3,
            ),
            (
                es(),
                "La incursión mató a un alto dirigente y a su esposa.",
                2,
            ),
            (
                es(),
                "La lancha llevaba tres tripulantes y ninguno de ellos sobrevivió.",
                3,
            ),
        ] {
            assert_eq!(killed(l, text), Some(n), "{text}");
        }
        // the count must come before: none of an unknown number is no toll
        assert_eq!(killed(es(), "Ninguno de ellos sobrevivió al ataque."), None);
        // the wounded are no more dead; an exact count beats a vague one
        assert_eq!(
            tolls(
                en(),
                "The strike killed four people and two others were wounded."
            ),
            [
                (Field::Killed, Some(4), false, false),
                (Field::Injured, Some(2), false, false)
            ]
        );
        assert_eq!(
            killed(
                es(),
                "Israel mató a varios altos mandos; el embajador dijo que 78 personas murieron."
            ),
            Some(78)
        );
    }

    #[test]
    fn the_dead_of_a_state_force_are_its_own_losses() {
        assert_eq!(
            tolls(
                es(),
                "Un elemento de la Guardia Nacional perdió la vida en Zamora y dos agresores fueron abatidos."
            ),
            [
                (Field::Killed, Some(1), true, false),
                (Field::Killed, Some(2), false, false)
            ]
        );
        for (l, text) in [
            (en(), "Two soldiers were killed in the clash near Mosul."),
            (
                en(),
                "Two U.S. service members died in a rocket attack on a base in eastern Syria.",
            ),
            (es(), "Dos militares murieron en la emboscada en Aguililla."),
            (es(), "La emboscada dejó tres policías muertos en Guerrero."),
            (es(), "Once soldados venezolanos... perdieron la vida"),
        ] {
            let t = tolls(l, text);
            if text.contains("...") {
                // a nationality between: not read as their own
                assert!(t.iter().all(|t| !t.2), "{text}: {t:?}");
                continue;
            }
            assert!(
                t.iter().any(|t| t.0 == Field::Killed && t.2),
                "{text}: {t:?}"
            );
        }
        // the soldiers a force killed are no losses of its own; a soldier wounded is
        assert_eq!(
            tolls(
                en(),
                "Israeli jets killed ten Syrian soldiers near Damascus."
            ),
            [(Field::Killed, Some(10), false, false)]
        );
        assert_eq!(
            tolls(
                es(),
                "El comandante informó de seis guerrilleros muertos y de un soldado herido."
            ),
            [
                (Field::Killed, Some(6), false, false),
                (Field::Injured, Some(1), true, false)
            ]
        );
    }

    #[test]
    fn the_dead_of_a_state_force_count_only_for_an_attack_on_it() {
        use crate::{Actor, ClaimField, ClaimValue, Role};
        let text = "Dos militares murieron en la emboscada.";
        let s = analyse(es(), text);
        let src = Source::outlet();
        let report = |et: EventType, non_state: Option<bool>| {
            let mut r = base_report(ReportKind::Event, et, Modality::Occurred, s.ctx, &src);
            if let Some(ns) = non_state {
                r.actors.push(Actor {
                    role: Role::Perpetrator,
                    name: if ns { "ELN" } else { "Ejército" }.into(),
                    alleged: false,
                    source: src.clone(),
                    state: (!ns).then(|| "CO".to_string()),
                    non_state: ns,
                });
            }
            for f in &s.figs {
                add(&mut r, f, s.ctx, &src, Modality::Occurred);
            }
            settle_own_losses(&mut r);
            r
        };
        let best = |r: &Report| r.figures.killed.as_ref().and_then(|f| f.best);
        // the state's own raid or strike: not its toll, and no claim of it is left
        for r in [
            report(EventType::Raid, Some(false)),
            report(EventType::Strike, None),
        ] {
            assert_eq!(best(&r), None);
            assert!(!r
                .claims
                .iter()
                .any(|c| matches!(c.field, ClaimField::Figure(Field::Killed))));
        }
        // an attack, or an event by a non-state group: its toll, on its span
        for r in [
            report(EventType::Attack, None),
            report(EventType::Strike, Some(true)),
        ] {
            assert_eq!(best(&r), Some(2));
            let c = r
                .claims
                .iter()
                .find(|c| matches!(c.field, ClaimField::Figure(Field::Killed)))
                .expect("the claim");
            assert_eq!(c.rule, "fig.exact");
            assert_eq!(&text[c.span[0]..c.span[1]], c.surface);
            assert!(matches!(c.value, ClaimValue::Figure(_)));
        }
    }

    #[test]
    fn another_events_toll_is_its_own() {
        for (l, text) in [
            (en(), "Jordanian jets struck militant positions in southern Syria on Friday in retaliation for an ambush that killed four border guards."),
            (en(), "The raids follow an ambush that killed three police officers in Borno."),
            (en(), "Israeli jets hit Hodeidah port two days after a Houthi missile attack killed three people."),
            (es(), "La Fuerza Aérea bombardeó un campamento disidente en represalia por la emboscada del domingo en Jamundí, en la que murieron cuatro policías."),
            (es(), "La aviación atacó objetivos en el norte de Irak horas después del atentado en Ankara, en el que murieron cinco personas."),
            (es(), "El Ejército bombardeó el campamento luego de que el grupo atacara una base y matara a cuatro soldados."),
        ] {
            let t = tolls(l, text);
            assert!(!t.is_empty() && t.iter().all(|t| t.3), "{text}: {t:?}");
        }
        // the strike's own toll, told as the strike's
        for (l, text) in [
            (
                en(),
                "The strike that killed three hit a boat off Venezuela.",
            ),
            (
                en(),
                "The boat sank after the strike killed three people aboard.",
            ),
            (es(), "Tras el ataque, tres tripulantes murieron."),
        ] {
            assert_eq!(killed(l, text), Some(3), "{text}");
        }
    }

    #[test]
    fn one_events_updated_toll_is_no_total_and_a_sum_over_places_is_no_events() {
        assert_eq!(
            tolls(
                en(),
                "The number killed in Tuesday's strike has risen to nine, the ministry said."
            ),
            [(Field::Killed, Some(9), false, false)]
        );
        assert_eq!(
            killed(
                es(),
                "El saldo final del enfrentamiento fue de cuatro civiles armados muertos."
            ),
            Some(4)
        );
        assert!(analyse(
            es(),
            "Los ataques aéreos dejaron 25 muertos en ambos países, según un observatorio."
        )
        .figs
        .is_empty());
        assert_eq!(
            figs(es(), "Un bombardeo mató anoche a nueve miembros de una familia; el ministerio eleva a más de 50.000 los muertos desde el inicio de la guerra."),
            [(Field::Killed, Some(9), false)]
        );
    }

    #[test]
    fn no_casualties_is_no_one_killed() {
        for (l, text) in [
            (en(), "The strike caused no casualties, the army said."),
            (en(), "No one was hurt in the attack on the base in Erbil."),
            (en(), "There were no deaths, according to the governor."),
            (es(), "El ataque no dejó víctimas, informó la Sedena."),
            (
                es(),
                "Los agentes detuvieron a tres hombres sin que se reportaran bajas.",
            ),
            (es(), "No hubo muertos en el enfrentamiento de Apatzingán."),
            (es(), "El dron impactó una bodega sin víctimas."),
        ] {
            assert_eq!(killed(l, text), Some(0), "{text}");
        }
        assert_eq!(
            tolls(
                es(),
                "Los agentes detuvieron a tres hombres sin que se reportaran bajas."
            ),
            [
                (Field::Detained, Some(3), false, false),
                (Field::Killed, Some(0), false, false)
            ]
        );
        // a zero for some only
        for (l, text) in [
            (en(), "There were no civilian casualties, the command said."),
            (en(), "No U.S. casualties were reported."),
            (es(), "Ningún militar resultó herido."),
            (es(), "La tropa capturó a dos, sin bajas propias."),
        ] {
            assert!(
                tolls(l, text).iter().all(|t| t.0 != Field::Killed),
                "{text}"
            );
        }
    }

    #[test]
    fn left_counts_the_dead_only_with_a_noun_of_the_dead() {
        assert_eq!(
            killed(es(), "El enfrentamiento dejó cuatro personas sin vida."),
            Some(4)
        );
        assert_eq!(
            killed(es(), "La agresión dejó tres muertos y dos heridos."),
            Some(3)
        );
        assert_eq!(
            killed(en(), "The clash left five dead in Catatumbo."),
            Some(5)
        );
        assert!(tolls(
            es(),
            "El ataque con explosivos dejó una patrulla destruida."
        )
        .is_empty());
        assert_eq!(
            tolls(es(), "El operativo dejó tres detenidos."),
            [(Field::Detained, Some(3), false, false)]
        );
    }
}
