//! References: an event cue that names an earlier event rather than telling of a new one
//! (codebook, *Incidents and reconciliation*). It becomes a report of kind `reference`,
//! which the ledger attaches to the incident it points to and never makes an incident of:
//! - an event named by its place in a series: an ordinal of three or more after an article
//!   ("the seventh strike", "el undécimo ataque"), or any ordinal in a sentence that places
//!   the event in a series ("the first attack since the campaign began"); "the first strike
//!   killed two, the second three" is the story's own events, counted;
//! - an event in a sentence that recalls history ("marks the anniversary of", "se cumplen
//!   17 años de");
//! - an event named by a noun as the cause another answers ("in retaliation for an ambush
//!   that killed five soldiers", "tras la emboscada del martes");
//! - an event named by a definite noun with its date written against it, ten days or more
//!   before publication ("the September 2 strike", "el ataque del 2 de septiembre" in a
//!   December article): news tells of what just happened; a dated mention of an older event
//!   is that event told again;
//! - an event told as a campaign's course with no day of its own: a quantifier of many
//!   before it ("several airstrikes since June", "varios ataques contra lanchas") or a verb
//!   of a campaign's start or habit ("began bombing boats in September", "ha venido
//!   bombardeando"); "a series of strikes on Tuesday" is that day's event;
//! - an event noun that is the topic of another noun ("the debate over the strikes", "la
//!   polémica de los bombardeos"): spoken of, not told;
//! - an event set in the story's past with no day of its own ("earlier this year", "el
//!   año pasado", "months ago");
//! - an event whose own date ends more than [`HISTORY_DAYS`] before publication ("a 2008
//!   raid", "the strike on March 4, 2023"): the story's history, not news.

use chrono::NaiveDate;

use super::sentence::Sentence;
use crate::dates::{DateExpr, DateKind};
use crate::lexicon::{CuePos, EventCue, Hit, RefKind};
use crate::TargetKind;
use sw_model::DatePrecision;

/// Days before publication from which a dated definite mention is an earlier event's (news
/// of a strike often comes days later; a mention weeks later is the event told again).
const TOLD_AGAIN_DAYS: i64 = 10;

/// Days before publication from which an event noun dated by its own day is an earlier
/// event told again, definite or not: news of a strike comes within days or weeks, and new
/// facts of it within weeks or a season ("the follow-up strike on the Sept. 2 boat", told in
/// December); an article four months later or more (a lawsuit, a family's story) tells it
/// again.
const OLD_NEWS_DAYS: i64 = 120;

/// Days before publication beyond which an event's own date makes it history: an event that
/// ended more than a year before the article was written (an anniversary, a raid of years
/// ago recalled) is background told again, never news of a new event.
pub(super) const HISTORY_DAYS: u64 = 365;

/// Words between a `campaign` quantifier and the event cue it governs, at most ("several
/// U.S. air strikes").
const CAMPAIGN_GAP: usize = 3;

/// Words between a `campaign_verb` and the event cue it governs, at most ("has been
/// conducting raids").
const CAMPAIGN_VERB_GAP: usize = 1;

/// Words between a `survivor` phrase and the event noun after it, at most ("survivors of
/// the U.S. strike").
const SURVIVOR_GAP: usize = 2;

/// Tokens between a date and the event noun it names, at most, all of them words of what
/// was struck, with what, or by whom ("the Sept. 2 boat strike", "the Sept. 15 U.S. strike").
const MODIFIER_WORDS: usize = 4;

/// Words between a `topic_link` and the event noun it leads to, at most ("the debate over
/// the boat strikes").
const TOPIC_GAP: usize = 2;

/// Whether a superlative ranks the event noun `e` ("the deadliest single raid", "el ataque
/// más letal"): one word may stand between it and the noun before it ("single"), and after
/// the noun it follows one word ("más").
fn superlative_of(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let toks = &s.ctx.toks;
    let rank = |k: usize| {
        toks.get(k).is_some_and(|t| {
            s.l.grammar.superlative.contains(&t.lower) || s.l.dates.is_superlative(&t.lower)
        })
    };
    (1..=2).any(|k| e.ts >= k && rank(e.ts - k)) || rank(e.te + 1)
}

/// Whether the event cue `e` names an earlier event. `ordinal` is the ordinal before it,
/// `definite` whether a definite determiner does, `dated` the day the sentence gives it,
/// `own_day` whether that date is a day (not a month, a year or a window).
pub(super) fn is_reference(
    s: &Sentence,
    e: &Hit<EventCue>,
    ordinal: Option<u32>,
    definite: bool,
    dated: Option<NaiveDate>,
    own_day: bool,
) -> bool {
    let toks = &s.ctx.toks;
    let l = s.l;
    let has = |k: RefKind| s.refs.iter().any(|h| *h.value() == k);
    // a retrospective recalls what its clause names; an event with a day of its own told
    // outside that clause is news ("Semanas después de la emboscada, el Ejército mató el
    // lunes a cuatro", "troops killed four on Tuesday, months after a ceasefire collapsed")
    let beyond = |(r_ts, r_te): (usize, usize)| {
        let between = if r_te <= e.ts {
            &toks[r_te..e.ts]
        } else if e.te <= r_ts {
            &toks[e.te..r_ts]
        } else {
            return false;
        };
        // ("A year ago today, forces destroyed a boat", "Este sábado se cumplen 17 años de
        // la Operación Fénix, el bombardeo que mató..."): a day in the retrospective's own
        // clause is the one it recalls, or the day of the recalling)
        let open = (0..r_ts).rev().find(|&i| toks[i].lower == ",").unwrap_or(0);
        let close = (r_te..toks.len())
            .find(|&i| toks[i].lower == ",")
            .unwrap_or(toks.len());
        let dated_inside = s.dates.iter().any(|d| {
            let i = d.tokens(toks).0;
            open <= i && i < close
        });
        // (the day in the event's part of the sentence, not past a semicolon: "Hace tres
        // años, un bombardeo mató a 20; sus familias marcharon el lunes")
        let day_near = s.dates.iter().any(|d| {
            let i = d.tokens(toks).0;
            let (lo, hi) = (i.min(e.ts), i.max(e.ts));
            !toks[lo..hi]
                .iter()
                .any(|t| matches!(t.lower.as_str(), ";" | ":" | "—" | "–"))
        });
        own_day && day_near && !dated_inside && between.iter().any(|t| t.lower == ",")
    };
    if s.refs
        .iter()
        .any(|h| *h.value() == RefKind::Retrospective && !beyond((h.ts, h.te)))
    {
        return true;
    }
    // "Hace 84 años, aviones japoneses atacaron Pearl Harbor", "Twenty years ago this month,
    // jets bombed a convoy": an act set years or months back is history told again
    if units_ago(s)
        .into_iter()
        .any(|span| sets_back(s, e, span) && !beyond(span))
    {
        return true;
    }
    // "los 11 muertos en el ataque del año pasado", "killed in a strike last year", "last
    // year's strike": a noun its own words set in the story's past is told again, whatever
    // day another clause names ("... exigieron el martes una investigación")
    if e.value().noun && background_of_noun(s, e) {
        return true;
    }
    // "briefed lawmakers on the Sept. 2 strike, in which a follow-up strike killed two
    // survivors", "el ataque del 2 de septiembre, en el que un segundo ataque mató": an event
    // told in a relative clause of an earlier event named by its day is part of it, told again
    if let Some(p) = s.published {
        let part_of_older = s.events.iter().any(|o| {
            o.value().noun
                && o.te < e.ts
                && e.ts - o.te <= RELATIVE_REACH
                && toks[o.te].lower == ","
                && (o.te + 1..(o.te + 4).min(e.ts))
                    .any(|k| l.grammar.relative.contains(&toks[k].lower))
                && !toks[o.te + 1..e.ts]
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "," | ";" | "."))
                && named_day(s, o, true).is_some_and(|d| (p - d).num_days() >= TOLD_AGAIN_DAYS)
        });
        if part_of_older {
            return true;
        }
    }
    // "The deadliest single raid, on April 17, 2025, hit the port and killed 80", "el
    // bombardeo más letal, el 3 de mayo de 2025, mató a 40": an event ranked among others
    // by a superlative beside its noun, on a day of its own weeks before the article, is one
    // the campaign's story singles out, told again ("the deadliest strike yet killed 14 on
    // Tuesday" is news)
    if let (Some(p), Some(d)) = (s.published, dated) {
        if e.value().noun
            && own_day
            && (p - d).num_days() >= TOLD_AGAIN_DAYS
            && superlative_of(s, e)
        {
            return true;
        }
    }
    // "an earlier strike in the Pacific killed four", "en el ataque anterior murieron
    // seis": an event noun named as one before the story's, with no day of its own, is
    // that earlier event told again
    if e.value().noun
        && !own_day
        && !has(RefKind::SameDay)
        && s.refs
            .iter()
            .any(|h| *h.value() == RefKind::Earlier && (h.te == e.ts || h.ts == e.te))
    {
        return true;
    }
    // "A survivor of the strike was repatriated on Tuesday", "Two strike survivors were
    // flown home", "un sobreviviente del ataque": the people an event left are the news,
    // the event they came through is spoken of; counted dead keep it told ("survivors of
    // the strike said it killed three")
    // (the phrase before the noun is one that links to it, "survivors of", "sobrevivieron
    // al", never a bare noun: "seized survivors after strike" tells the strike; the day is
    // what befell them when it comes before them or after a passive's auxiliary, "was
    // repatriated on Tuesday", "fue repatriado el martes"; a day after the noun with no
    // such verb between is the event's own, "survivors of the attack at a restaurant on
    // Monday said", "sobrevivieron a los ataques del martes": the news)
    let linked = |h: &Hit<RefKind>| h.te - h.ts >= 2;
    let theirs = |h: &Hit<RefKind>| {
        s.dates.iter().any(|d| {
            let (a, _) = d.tokens(toks);
            d.kind.is_reported_day()
                && (a < h.ts
                    || (a >= e.te
                        && s.agents.iter().any(|g| {
                            *g.value() == crate::lexicon::AgentKind::Passive
                                && g.ts >= e.te
                                && g.te <= a
                        })))
        })
    };
    if e.value().noun
        && !s.killed_here
        && s.refs.iter().any(|h| {
            *h.value() == RefKind::Survivor
                && (h.ts == e.te || (h.te <= e.ts && e.ts - h.te <= SURVIVOR_GAP && linked(h)))
                && theirs(h)
        })
    {
        return true;
    }
    // a day word counts even where no day could be set (an article with no date: "hoy")
    let day_word = s.dates.iter().any(|d| d.kind.is_reported_day());
    // "the army was investigating who launched the rockets": an act whose agent is asked
    // after, with no day or toll of its own, is one told before, spoken of ("no se sabe quién
    // bombardeó el mercado el lunes" tells it)
    if !e.value().noun
        && super::agents::asked_who(s.l, &s.ctx.toks, e.ts)
        && !s.killed_here
        && !own_day
        && !day_word
    {
        return true;
    }
    // "Air forces bomb camps, and the United States destroys small boats": a verb in the
    // present with no day and no toll, in a sentence of the body (no headline or subheading,
    // a line with no closing stop), tells a habit
    // ... a present the language tells news with in the body too, only right after a
    // relative pronoun ("los militantes que atacan a sus fuerzas de seguridad")
    let habitual = !e.value().narrative
        || e.ts > 0 && s.l.grammar.relative.contains(&s.ctx.toks[e.ts - 1].lower);
    if e.value().present && habitual && !own_day && !day_word && !s.killed_here && !headline_like(s)
    {
        return true;
    }
    if !own_day && !day_word && campaign_course(s, e) {
        return true;
    }
    // "Earlier this year, drones killed six people": set in the story's past, with no day
    // of its own, an event is background told again, not news the publication dates
    if !own_day && !day_word && has(RefKind::Background) {
        return true;
    }
    if e.value().noun && topic_of_noun(s, e) {
        return true;
    }
    if mourned(s, e) {
        return true;
    }
    if e.value().noun && e.value().plural && !s.killed_here && object_of_stance(s, e) {
        return true;
    }
    // "the targeted boats were carrying drugs", "the destroyed vessel": a participle between
    // an article and what it struck names things struck already
    if !e.value().noun && !own_day && participle_of_known(s, e) {
        return true;
    }
    // "US boats have attacked and killed dozens", "han matado a decenas": a perfect with a
    // toll no number gives, and no day, is the campaign's course
    if !own_day && !day_word && !e.value().noun && perfect_before(s, e) && vague_toll(s) {
        return true;
    }
    // "the U.S. military has struck boats in the Caribbean", "ha bombardeado embarcaciones":
    // a perfect whose boats struck are uncounted, with no day and no toll, is the campaign's
    // course (news of one strike names "a boat"; "has struck militia facilities, the Pentagon
    // said" is often the day's news, told in the perfect)
    if !own_day
        && !day_word
        && !s.killed_here
        && !e.value().noun
        && perfect_before(s, e)
        && uncounted_targets_from(s, e.te, Some(TargetKind::Vessel))
        && !s
            .mods
            .iter()
            .any(|m| m.te <= e.ts && m.value().modality != crate::Modality::Occurred)
    {
        return true;
    }
    // "the military's sinking of drug boats has dragged ...", "el hundimiento de lanchas":
    // an act told of things uncounted is the campaign's, unless a day or a toll is its own
    if !own_day && !day_word && !s.killed_here && e.value().noun && of_uncounted_targets(s, e) {
        return true;
    }
    // "a 2008 raid", "el bombardeo de 2008": a year written against the noun, long past
    if let (Some(y), Some(p)) = (year_of_noun(s, e), s.published) {
        let horizon = p.checked_sub_days(chrono::Days::new(HISTORY_DAYS));
        if NaiveDate::from_ymd_opt(y, 12, 31)
            .zip(horizon)
            .is_some_and(|(d, h)| d < h)
        {
            return true;
        }
    }
    // "a rebuke of the president after the raid that seized Maduro", "tras el ataque que
    // mató a 11": an event the story takes as known, identified by what it did
    if after_the_known(s, e) || after_another_act(s, e) {
        return true;
    }
    // ... and the verb of its relative clause tells what that event did ("the raid that
    // seized Maduro", "el ataque que capturó a Maduro")
    if e.ts >= 1
        && s.l.grammar.relative.contains(&toks[e.ts - 1].lower)
        && s.events
            .iter()
            .any(|h| h.te + 1 == e.ts && after_the_known(s, h))
    {
        return true;
    }
    // "the 19 killed in last week's bombing", "los muertos del bombardeo de la semana
    // pasada": an event named by a week already past is one the story retells
    if last_weeks_noun(s, e) {
        return true;
    }
    // "in retaliation for an ambush that killed five soldiers", "tras la emboscada del
    // martes": the event another one answers, named by a noun, is told as its cause
    if e.value().noun
        && super::figures::tolls::other_event_regions(l, s.ctx)
            .iter()
            .any(|&(from, to)| from <= e.ts && e.te <= to)
    {
        return true;
    }
    if let Some(n) = ordinal {
        // "the seventh strike": far in a series, an earlier event of it; "the first strike
        // killed two, the second three" enumerates the story's own events
        // (or a possessive: "the campaign's first strike", "Washington's 21st strike")
        let article = (1..=3).any(|back| {
            e.ts >= back && {
                let w = &toks[e.ts - back].lower;
                l.grammar.article_sg.contains(w)
                    || l.definite.contains(w)
                    || l.dates.is_possessive_mark(w)
            }
        });
        // "the 15th strike of the campaign killed two men on Thursday": ranked, but told
        // with a day of its own that just passed, it is that day's news
        // (its subject: a verb of its dead or of striking right after it, "killed",
        // "mató", "hit"; not "a fisherman killed in the ninth strike ... asked on Monday")
        let subject = (e.te..(e.te + 6).min(toks.len())).any(|k| {
            s.events.iter().any(|o| o.ts == k && o.value().past)
                || l.figures.at(toks, k).is_some_and(|h| {
                    h.value().field == crate::Field::Killed && h.value().pos != CuePos::After
                })
        });
        // (a day of its own, in its own clause: not the day someone recalled it, "...,
        // Hegseth recalled on Wednesday", "..., dijo el miércoles el secretario")
        let in_clause = |d: &DateExpr| {
            let i = d.tokens(toks).0;
            i < toks.len()
                && s.ctx.clause[i] == s.ctx.clause[e.ts]
                && !super::dating::attached_to_verb(d, toks, e.ts, l)
        };
        let own = s
            .dates
            .iter()
            .any(|d| d.kind.is_reported_day() && in_clause(d));
        // "the first strike", with no day of its own: the series' first, told again
        // (a day that is only when someone told of it gives it none: "..., Hegseth told
        // reporters on Wednesday")
        let undated = (dated.is_none() || own_day && !own) && named_day(s, e, true).is_none();
        let news = own_day
            && own
            && subject
            && dated
                .zip(s.published)
                .is_some_and(|(d, p)| (0..TOLD_AGAIN_DAYS).contains(&(p - d).num_days()));
        if ((article && (n >= 3 || undated)) || has(RefKind::Series)) && !news {
            return true;
        }
    }
    // "a lawsuit by the family of one of six people killed in a U.S. strike on a boat on Oct.
    // 14" (an April article): an event noun dated by its own day months before publication
    // is that event told again, whatever its determiner
    if e.value().noun
        && own_day
        && dated
            .zip(s.published)
            .is_some_and(|(d, p)| (p - d).num_days() >= OLD_NEWS_DAYS)
    {
        return true;
    }
    match (named_day(s, e, definite), s.published) {
        (Some(d), Some(p)) => (p - d).num_days() >= TOLD_AGAIN_DAYS,
        _ => false,
    }
}

/// The tokens of a span of months, years or decades counted back from the telling, its count
/// written in digits or words: "hace 84 años", "hace tres meses", "twenty years ago" (see
/// grammar `ago_before`, `ago_after`, `ago_unit`).
fn units_ago(s: &Sentence) -> Vec<(usize, usize)> {
    let (g, toks) = (&s.l.grammar, &s.ctx.toks);
    let number = |i: usize| {
        crate::numbers::number_at(toks, i, "", &s.l.nums, 0).filter(|n| !n.vague && n.value >= 1)
    };
    (0..toks.len())
        .filter_map(|i| {
            // "hace" N unit
            if g.ago_before.contains(&toks[i].lower) {
                let n = number(i + 1)?;
                let unit = toks.get(n.end_tok)?;
                return g
                    .ago_unit
                    .contains(&unit.lower)
                    .then_some((i, n.end_tok + 1));
            }
            // N unit "ago"
            let n = number(i)?;
            let unit = toks.get(n.end_tok)?;
            let ago = toks.get(n.end_tok + 1)?;
            (g.ago_unit.contains(&unit.lower) && g.ago_after.contains(&ago.lower))
                .then_some((i, n.end_tok + 2))
        })
        .collect()
}

/// Whether the span counted back (`units_ago`) sets the event cue `e` back: it opens the
/// cue's clause ("Hace 84 años, aviones japoneses atacaron"; "...; hace dos años un ataque
/// similar mató a 85") or closes it ("atacaron Pearl Harbor hace 84 años"), with no other
/// clause between (not "la primera operación desde que comenzó la campaña hace dos meses",
/// "el ministro, que asumió hace seis meses").
fn sets_back(s: &Sentence, e: &Hit<EventCue>, (a, b): (usize, usize)) -> bool {
    let (g, toks) = (&s.l.grammar, &s.ctx.toks);
    let hard = |t: &crate::tokens::Tok| matches!(t.lower.as_str(), ";" | ":" | "." | "—" | "–");
    let opens_clause = |w: &crate::tokens::Word| {
        g.relative.contains(w)
            || g.that.contains(w)
            || g.after.contains(w)
            || g.clause_open.contains(w)
    };
    if b <= e.ts {
        // first in the sentence or after a semicolon, and no other clause opened before the
        // cue ("Hace 84 años, aviones japoneses atacaron Pearl Harbor, en un bombardeo que
        // ...")
        let first = a == 0 || hard(&toks[a - 1]);
        let between = &toks[b..e.ts];
        first && !between.iter().any(|t| hard(t) || opens_clause(&t.lower))
    } else if a >= e.te {
        let between = &toks[e.te..a];
        a - e.te <= SETS_BACK_REACH
            && !between
                .iter()
                .any(|t| t.lower == "," || hard(t) || opens_clause(&t.lower))
    } else {
        false
    }
}

/// Most tokens between an earlier event's noun and an event told in its relative clause
/// ("the Sept. 2 strike, in which a follow-up strike").
const RELATIVE_REACH: usize = 8;

/// Most tokens between an event cue and the span counted back that closes its clause.
const SETS_BACK_REACH: usize = 8;

/// A `background` phrase right after the event noun ("el ataque del año pasado", "a strike
/// last year") or right before it with a possessive ("last year's strike").
fn background_of_noun(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    s.refs.iter().any(|h| {
        *h.value() == RefKind::Background
            && (h.ts == e.te
                || h.te <= e.ts
                    && e.ts - h.te <= 2
                    && e.ts > h.te
                    && (h.te..e.ts).all(|k| l.dates.is_possessive_mark(&toks[k].lower)))
    })
}

/// A campaign's course told right before the cue: a quantifier of many before a plural
/// ("several airstrikes", "una serie de bombardeos"; not "several wounded and the capture") or a verb of its start or habit ("began bombing",
/// "comenzó a bombardear").
fn campaign_course(s: &Sentence, e: &Hit<EventCue>) -> bool {
    s.refs.iter().any(|h| {
        let gap = match h.value() {
            RefKind::Campaign if e.value().plural => CAMPAIGN_GAP,
            RefKind::Every if e.value().noun && !e.value().plural => 0,
            RefKind::CampaignVerb => CAMPAIGN_VERB_GAP,
            _ => return false,
        };
        // "se inició un enfrentamiento", "began an assault": one event began, not a campaign
        let one_began = *h.value() == RefKind::CampaignVerb
            && (h.te..e.ts).any(|i| s.l.grammar.article_indef.contains(&s.ctx.toks[i].lower));
        h.te <= e.ts && e.ts - h.te <= gap && !one_began
    })
}

/// A verb cue used as an adjective: a definite article right before it and a target noun
/// right after it ("the targeted boats").
fn participle_of_known(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let toks = &s.ctx.toks;
    e.ts >= 1
        && s.l.definite.contains(&toks[e.ts - 1].lower)
        && s.targets.iter().any(|t| t.ts == e.te)
}

/// The auxiliary of a perfect right before the verb cue, or one word (an adverb) before it.
fn perfect_before(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let toks = &s.ctx.toks;
    (1..=2).any(|k| {
        e.ts >= k
            && s.l.grammar.perfect.contains(&toks[e.ts - k].lower)
            && toks[e.ts - k + 1..e.ts]
                .iter()
                .all(|t| t.kind == crate::tokens::TokKind::Word)
    })
}

/// The sentence's dead are counted by a word that gives no number ("dozens", "decenas",
/// "several") and by nothing else.
fn vague_toll(s: &Sentence) -> bool {
    let killed = || {
        s.figs
            .iter()
            .filter(|f| !f.tally && f.field == sw_model::Field::Killed)
    };
    let vague =
        |f: &crate::Figure| f.approx && f.low.is_some() && f.best.is_none() && f.high.is_none();
    killed().next().is_some() && killed().all(|f| vague(&f.q.figure))
}

/// An event noun followed by "of" and a plural target with no number before it, at most two
/// words between ("sinking of drug transport boats", "el hundimiento de lanchas rápidas").
fn of_uncounted_targets(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    toks.get(e.te)
        .is_some_and(|t| l.grammar.of.contains(&t.lower))
        && uncounted_targets_from(s, e.te + 1, None)
}

/// A plural target (of `kind`, if given) from token `from`, at most two words before it and
/// none an article, a number or an ordinal ("boats", "drug transport boats", "lanchas
/// rápidas").
fn uncounted_targets_from(s: &Sentence, from: usize, kind: Option<TargetKind>) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    s.targets.iter().any(|t| {
        kind.is_none_or(|k| *t.value() == k)
            && t.ts >= from
            && t.ts < from + 3
            && !l.singular(&toks[t.te - 1].lower)
            && (from..t.ts).all(|i| {
                toks[i].kind == crate::tokens::TokKind::Word
                    && !l.grammar.article_sg.contains(&toks[i].lower)
                    && !l.nums.is_article(&toks[i].lower)
                    && l.nums.ordinal(&toks[i].lower).is_none()
                    && crate::numbers::number_at(toks, i, "", &l.nums, 0).is_none()
            })
    })
}

/// The event noun is the topic of another noun: a `topic_noun`, a `topic_link` and at most
/// [`TOPIC_GAP`] words (articles, modifiers) before it ("the debate over the strikes", "la
/// polémica de los bombardeos").
fn topic_of_noun(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let (g, toks) = (&s.l.grammar, &s.ctx.toks);
    (1..=TOPIC_GAP + 1).any(|back| {
        e.ts > back
            && g.topic_link.contains(&toks[e.ts - back].lower)
            && g.topic_noun.contains(&toks[e.ts - back - 1].lower)
            && toks[e.ts - back + 1..e.ts]
                .iter()
                .all(|t| t.kind == crate::tokens::TokKind::Word)
    })
}

/// A mourning or reckoning named before the event, and between them the dead it took told
/// by a verb of killing or dying ("el funeral de los cinco pescadores que murieron en un
/// ataque", "buried the soldiers who were killed in an ambush"): the event is known, not
/// news. Violence against the mourners themselves ("gunmen attacked a funeral, killing
/// five") has its dead after the event, and stays news.
fn mourned(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let toks = &s.ctx.toks;
    s.refs.iter().any(|h| {
        *h.value() == RefKind::Memorial
            && h.te <= e.ts
            && (h.te..e.ts).any(|i| {
                s.l.figures
                    .at(toks, i)
                    .is_some_and(|f| f.value().field == crate::Field::Killed && f.te <= e.ts)
            })
    })
}

/// The plural event noun is the object of a verb of stance: the verb, then an article (or
/// none) and at most four words (modifiers, a state's abbreviation) before it ("condemn the U.S. strikes", "condenar los
/// bombardeos", "defended the raids").
fn object_of_stance(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let (g, toks) = (&s.l.grammar, &s.ctx.toks);
    let mut words = 0;
    for t in toks[..e.ts].iter().rev() {
        if g.topic_verb.contains(&t.lower) {
            return true;
        }
        if t.lower == "." {
            continue;
        }
        words += 1;
        if t.kind != crate::tokens::TokKind::Word || words > STANCE_GAP {
            return false;
        }
    }
    false
}

/// Words between a verb of stance and the plural event noun it takes, at most ("condemn the
/// U.S. military's strikes").
const STANCE_GAP: usize = 4;

/// A definite singular event noun right after "after"/"tras" (articles and "of" between
/// them) and followed by a relative clause.
fn after_the_known(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    let cue = e.value();
    if !cue.noun || cue.plural || e.ts == 0 {
        return false;
    }
    let relative = toks
        .get(e.te)
        .is_some_and(|t| l.grammar.relative.contains(&t.lower));
    let definite = l.definite.contains(&toks[e.ts - 1].lower);
    let after = (2..=3).any(|k| {
        e.ts >= k
            && l.grammar.after.contains(&toks[e.ts - k].lower)
            && toks[e.ts - k + 1..e.ts - 1]
                .iter()
                .all(|t| l.grammar.of.contains(&t.lower) || l.definite.contains(&t.lower))
    });
    relative && definite && after
}

/// An event noun named with a definite article right after "after"/"tras", once the sentence
/// has told of another act before it ("Israeli jets struck Syrian army positions after the
/// clashes in the province", "bombardearon ... tras los enfrentamientos"): the act answers a
/// known one, which is not news of its own (nor the maker of the next sentence's toll).
fn after_another_act(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    if !e.value().noun
        || e.ts < 2
        || !l.definite.contains(&toks[e.ts - 1].lower)
            && !l.grammar.article_pl.contains(&toks[e.ts - 1].lower)
    {
        return false;
    }
    let after = e.ts - 2;
    l.grammar.after.contains(&toks[after].lower)
        && s.events
            .iter()
            .any(|o| !o.value().noun && o.value().event_type.is_violent() && o.te <= after)
}

/// A week already past (a week-long date whose first day is at least seven days before
/// publication: "last week", "la semana pasada", "last weekend" a week on) written against
/// an event noun: as a possessive before it ("last week's bombing") or after it and
/// "of"/"de" ("el bombardeo de la semana pasada", "the strike of last week"). A week that
/// is still this one ("this week's strikes") may be news.
fn last_weeks_noun(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    if !e.value().noun {
        return false;
    }
    let Some(published) = s.published else {
        return false;
    };
    let possessive = |i: usize| l.dates.is_possessive_mark(&toks[i].lower);
    s.dates.iter().any(|d| {
        // a week is dated by its first day, a weekend by its Sunday (from its Saturday)
        let first = d.day.map(|day| match d.precision {
            DatePrecision::Window => day - chrono::Duration::days(1),
            _ => day,
        });
        let past_week = d.kind == DateKind::WeekAgo
            && first.is_some_and(|first| (published - first).num_days() >= 7);
        if !past_week {
            return false;
        }
        let (i, j) = d.tokens(toks);
        // "last week's bombing", "last week's U.S. strike": the possessive, then up to two
        // words before the noun
        let before = j < e.ts
            && possessive(j)
            && toks[j..e.ts]
                .iter()
                .filter(|t| !(t.lower == "." || l.dates.is_possessive_mark(&t.lower)))
                .count()
                <= 2;
        // "el bombardeo de la semana pasada", "the strike of last week"
        let after = i > e.te
            && i <= e.te + 2
            && l.grammar.of.contains(&toks[e.te].lower)
            && toks[e.te + 1..i]
                .iter()
                .all(|t| l.definite.contains(&t.lower));
        before || after
    })
}

/// A year written against an event noun: between an article or a possessive (in a headline,
/// anything) and it, two words between at most ("the 2008 raid", "a 2012 U.S. drone
/// strike", "the team's 2017 raid", "over 2015 Dutch airstrike"), or right after it and
/// "of"/"de" ("el bombardeo de 2008").
fn year_of_noun(s: &Sentence, e: &Hit<EventCue>) -> Option<i32> {
    let (l, toks) = (s.l, &s.ctx.toks);
    let year = |i: usize| {
        toks.get(i)
            .filter(|t| t.kind == crate::tokens::TokKind::Num && t.lower.len() == 4)
            .and_then(|t| t.lower.parse::<i32>().ok())
            .filter(|y| (1900..=2100).contains(y))
    };
    let article = |i: usize| {
        let w = &toks[i].lower;
        l.definite.contains(w) || l.grammar.article_indef.contains(w)
    };
    if !e.value().noun {
        return None;
    }
    // "the 2008 raid", "a 2012 U.S. drone strike", "the team's 2017 raid": a year after an
    // article or a possessive, up to two words (a demonym, a means) between it and the noun
    let possessive = |i: usize| l.dates.is_possessive_mark(&toks[i].lower);
    // (a headline drops its articles: "Families sue over 2015 Dutch airstrike")
    let headline = headline_like(s);
    let before = (1..=6).find_map(|k| {
        let j = e.ts.checked_sub(k)?;
        ((j >= 1 && (article(j - 1) || possessive(j - 1)) || headline)
            && toks[j + 1..e.ts].iter().filter(|t| t.lower != ".").count() <= 2
            && toks[j + 1..e.ts]
                .iter()
                .all(|t| t.kind == crate::tokens::TokKind::Word || t.lower == "."))
        .then(|| year(j))
        .flatten()
    });
    // "el bombardeo de 2008", "el bombardeo estadounidense de 2017": one adjective may stand
    // between
    let link = |i: usize| {
        toks.get(i).is_some_and(|t| {
            l.grammar.of.contains(&t.lower) || l.grammar.topic_link.contains(&t.lower)
        })
    };
    let after = if link(e.te) {
        year(e.te + 1)
    } else if toks
        .get(e.te)
        .is_some_and(|t| t.kind == crate::tokens::TokKind::Word)
        && link(e.te + 1)
    {
        year(e.te + 2)
    } else {
        None
    };
    before.or(after)
}

/// The day a date written against a definite event noun names, the last it may be: between
/// the determiner and the noun ("the September 2 strike") or right after a noun the
/// determiner leads ("el ataque del 2 de septiembre", "the strike on Sept. 2").
fn named_day(s: &Sentence, e: &Hit<EventCue>, definite: bool) -> Option<NaiveDate> {
    named_date(s, e, definite).and_then(|d| d.date.as_deref().and_then(super::dating::latest_day))
}

/// The date written against a definite event noun ([`named_day`]'s), as written.
pub(super) fn named_date<'s>(
    s: &'s Sentence,
    e: &Hit<EventCue>,
    definite: bool,
) -> Option<&'s DateExpr> {
    let toks = &s.ctx.toks;
    let l = s.l;
    let tok_at = |byte: usize| toks.iter().position(|t| t.start >= byte);
    let cue_start = toks[e.ts].start;
    let cue_end = toks[e.te - 1].end;
    let after_to = toks[(e.te + 1).min(toks.len() - 1)].start;
    s.dates.iter().find(|d| {
        // ("the Sept. 2 strike"; never "el 17 de abril otro", a day and the event it
        // dates)
        // (or with the words of what it struck or what with between: "the Sept. 2 boat
        // strike", "the Oct. 3 drone strike")
        // (or the state that struck: "the Sept. 15 U.S. strike")
        let modifier = |k: usize| {
            (toks[k].kind == crate::tokens::TokKind::Word
                && (s.targets.iter().any(|t| t.ts <= k && k < t.te)
                    || l.means.at(toks, k).is_some()))
                || s.forces.iter().any(|f| f.ts <= k && k < f.te)
        };
        let before = !l.elliptic.contains(&toks[e.ts].lower)
            && d.end <= cue_start
            && tok_at(d.end).is_some_and(|i| {
                i == e.ts || i < e.ts && e.ts - i <= MODIFIER_WORDS && (i..e.ts).all(modifier)
            })
            && tok_at(d.start).is_some_and(|i| {
                i >= 1 && {
                    let w = &toks[i - 1].lower;
                    l.definite.contains(w) || l.grammar.article_indef.contains(w)
                }
            });
        let after = definite && d.start >= cue_end && d.start <= after_to;
        (before || after)
            && d.date
                .as_deref()
                .and_then(super::dating::latest_day)
                .is_some()
    })
}

/// Whether the sentence reads as a headline: the article's first, or a line with no closing
/// stop (a subheading), where a verb in the present tells news ("U.S. destroys a boat in the
/// Caribbean").
fn headline_like(s: &Sentence) -> bool {
    let line = s.ctx.text[s.ctx.range.clone()].trim();
    s.ctx.text[..s.ctx.range.start].trim().is_empty()
        || !line.ends_with(['.', '!', '?', '"', '\u{201d}', '\u{bb}', ')', '\u{2026}'])
}

#[cfg(test)]
mod tests {
    //! Passages written for these tests.

    use super::super::testing::extractor;
    use crate::ReportKind;
    use sw_model::Lang;

    fn kinds(lang: Lang, published: &str, text: &str) -> Vec<ReportKind> {
        let p = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        extractor()
            .extract(text, lang, p)
            .into_iter()
            .filter(|r| r.event_type.is_violent())
            .map(|r| r.kind)
            .collect()
    }

    #[test]
    fn an_event_named_by_its_place_in_a_series_is_a_reference() {
        use ReportKind::*;
        assert_eq!(
            kinds(Lang::En, "2025-11-20", "Relatives of a fisherman killed in the ninth strike of the campaign asked for an inquiry on Wednesday."),
            [Reference]
        );
        assert_eq!(
            kinds(Lang::Es, "2025-11-20", "Los familiares de un pescador muerto en el undécimo ataque de la campaña frente a Venezuela pidieron explicaciones el miércoles."),
            [Reference]
        );
        // "the first lethal action since ...", "el primer ataque, sin fecha propia": the
        // series' first, told again
        assert!(kinds(
            Lang::Es,
            "2025-12-04",
            "Es la primera acción letal desde que Washington comenzó a desplegar buques de guerra en la región."
        )
        .iter()
        .all(|k| *k != Event));
        assert_eq!(
            kinds(Lang::En, "2025-12-04", "The minister told reporters on Tuesday that he had watched the first strike live from his office."),
            [Reference]
        );
        // a second strike told as news is an event
        assert_eq!(
            kinds(Lang::En, "2025-11-20", "A second strike on Tuesday hit the boat and killed two survivors in the Caribbean."),
            [Event]
        );
    }

    #[test]
    fn history_recalled_is_a_reference() {
        use ReportKind::*;
        assert_eq!(
            kinds(Lang::Es, "2025-03-01", "Este sábado se cumplen 17 años del bombardeo colombiano en territorio ecuatoriano que mató a una veintena de personas."),
            [Reference]
        );
        assert_eq!(
            kinds(Lang::En, "2025-01-03", "Crowds gathered on Friday to mark the anniversary of the U.S. drone strike that killed a general near Baghdad."),
            [Reference]
        );
    }

    #[test]
    fn a_dated_mention_of_an_older_event_is_a_reference_and_a_recent_one_is_news() {
        use ReportKind::*;
        assert_eq!(
            kinds(Lang::En, "2025-12-10", "Senators watched a video of the September 2 strike behind closed doors on Tuesday."),
            [Reference]
        );
        assert_eq!(
            kinds(Lang::Es, "2025-12-12", "La comisión volvió a examinar el jueves el video del ataque del 2 de septiembre, en el que murieron once personas."),
            [Reference]
        );
        assert_eq!(
            kinds(Lang::En, "2025-09-03", "The September 2 strike killed eleven people aboard a boat in the Caribbean, officials said."),
            [Event]
        );
    }

    #[test]
    fn a_campaign_told_with_no_day_of_its_own_is_a_reference() {
        use ReportKind::*;
        let none_an_event = |lang, text| {
            let ks = kinds(lang, "2025-11-05", text);
            assert!(ks.iter().all(|k| *k != Event), "{text}: {ks:?}");
        };
        none_an_event(Lang::En, "Kenyan jets have carried out several airstrikes on militant hideouts in southern Somalia since July.");
        none_an_event(
            Lang::En,
            "Ankara began bombing Kurdish positions in northern Iraq in early August.",
        );
        none_an_event(
            Lang::En,
            "Numerous drone strikes on rebel depots in Yemen have fuelled anger among residents.",
        );
        none_an_event(Lang::Es, "Varios bombardeos de la Fuerza Aérea contra campamentos del ELN en Arauca reabrieron el debate en el Senado.");
        none_an_event(Lang::Es, "El Ejército nigeriano comenzó a bombardear refugios de insurgentes en Borno a principios de agosto.");
        none_an_event(Lang::Es, "Una serie de ataques aéreos contra posiciones rebeldes en Yemen se ha registrado en las últimas semanas.");
        // a campaign's period: its figure is a tally, not an incident's toll
        none_an_event(Lang::En, "In recent months Turkish drones have reportedly killed at least 30 fighters in raids in northern Syria.");
        none_an_event(Lang::Es, "En los últimos meses, los ataques de Israel contra Líbano han dejado al menos 70 muertos.");
        // one event told in the perfect, as Spanish and English news often do, is news
        for (lang, text) in [
            (Lang::Es, "La Fuerza Aérea ha bombardeado un campamento del ELN en Arauca, donde murieron siete guerrilleros, informó el Ministerio de Defensa."),
            (Lang::En, "Israel has attacked a weapons depot near Damascus, killing four people, a monitoring group said."),
            (Lang::En, "Nigerian jets have bombed a militant camp in Borno State, killing at least a dozen fighters."),
        ] {
            let ks = kinds(lang, "2025-11-05", text);
            assert!(ks.contains(&Event), "{text}: {ks:?}");
        }
        // a plural whose targets are counted is one operation on them
        for (lang, text) in [
            (Lang::En, "Israeli jets launched strikes on three Hezbollah weapons depots in southern Lebanon, the army said."),
            (Lang::Es, "Las fuerzas turcas lanzaron ataques contra cuatro campamentos del PKK en el norte de Irak, informó el Ministerio de Defensa."),
        ] {
            let ks = kinds(lang, "2025-11-05", text);
            assert!(ks.contains(&Event), "{text}: {ks:?}");
        }
        // ... but not a campaign's plural with no count ("strikes on weapons depots")
        none_an_event(
            Lang::En,
            "Israeli strikes on Hezbollah weapons depots have drawn warnings from Beirut.",
        );
        // a plural with a day of its own, or a series on one day, is that day's event
        assert_eq!(
            kinds(
                Lang::En,
                "2025-11-05",
                "Israeli strikes on Monday killed nine people in two villages in southern Lebanon."
            ),
            [Event]
        );
        assert_eq!(
            kinds(Lang::En, "2025-11-05", "A series of U.S. strikes on Oct. 30 hit four al-Shabaab camps in Somalia, killing twelve."),
            [Event]
        );
        assert_eq!(
            kinds(Lang::Es, "2025-11-05", "Los bombardeos del domingo en el Putumayo mataron a ocho disidentes, informó el Ejército."),
            [Event]
        );
        assert_eq!(
            kinds(Lang::Es, "2025-11-05", "Una serie de bombardeos realizados este lunes en Arauca dejó seis muertos, según las Fuerzas Militares."),
            [Event]
        );
        // a day word where no day can be set (no publication date) still makes it one event
        assert_eq!(
            kinds(Lang::Es, "-", "Al menos 15 milicianos murieron hoy en una serie de bombardeos contra depósitos de armas en el este de Siria."),
            [Event]
        );
        // a quantifier before another noun governs no event cue
        let ks = kinds(Lang::Es, "2025-11-05", "Soldados bombardearon el martes un campamento del ELN en Arauca, con cuatro muertos, varios heridos y la captura de un cabecilla.");
        assert!(!ks.is_empty() && ks.iter().all(|k| *k == Event), "{ks:?}");
    }

    #[test]
    fn an_event_noun_that_modifies_or_is_the_topic_of_another_is_no_event() {
        use ReportKind::*;
        for text in [
            "The court threw out the drone strike lawsuit brought by relatives of a Pakistani man on Monday.",
            "Congress held a hearing on the boat-strike policy on Tuesday.",
            "The raid footage was shown to senators in Nairobi on Tuesday.",
        ] {
            let ks = kinds(Lang::En, "2025-11-05", text);
            assert!(ks.iter().all(|k| *k != Event), "{text}: {ks:?}");
        }
        for (lang, text) in [
            (Lang::Es, "La polémica por los bombardeos en el Pacífico llegó el martes al Congreso de Colombia."),
            (Lang::Es, "El debate sobre los ataques contra lanchas dominó la sesión del Senado mexicano el martes."),
            (Lang::En, "The debate over the airstrikes in Somalia reached parliament in Mogadishu on Tuesday."),
        ] {
            let ks = kinds(lang, "2025-11-05", text);
            assert!(ks.iter().all(|k| *k != Event), "{text}: {ks:?}");
        }
        // the event itself, told, stays one
        assert_eq!(
            kinds(
                Lang::En,
                "2025-11-05",
                "A drone strike on Tuesday killed four militants near Jilib, officials said."
            ),
            [Event]
        );
    }

    #[test]
    fn an_event_more_than_a_year_old_is_history() {
        use ReportKind::*;
        assert_eq!(
            kinds(Lang::En, "2025-11-05", "A 2019 raid by Nigerian troops on a camp in Borno killed 30 insurgents, the minister recalled on Monday."),
            [Reference]
        );
        assert_eq!(
            kinds(Lang::Es, "2025-11-05", "El bombardeo de 2008 contra un campamento de las FARC en Ecuador mató a 22 guerrilleros."),
            [Reference]
        );
        assert_eq!(
            kinds(Lang::En, "2025-11-05", "The strike on June 3, 2023, killed five people in a village in Somalia, relatives said."),
            [Reference]
        );
        assert_eq!(
            kinds(
                Lang::Es,
                "2025-11-05",
                "El 14 de febrero de 2022 un ataque con dron mató a tres civiles en Yemen."
            ),
            [Reference]
        );
        // this year's event, dated to its day, is news
        assert_eq!(
            kinds(
                Lang::En,
                "2025-11-05",
                "The 2025 campaign's latest strike, on Monday, killed three men near Kismayo."
            ),
            [Event]
        );
    }
}
