//! Events: the event cues of a sentence, the tally cues beside them, and which cues become
//! candidates (a campaign reference, a labour strike, a bare mention or a weak verb with
//! nothing to support it does not), with their modality.

use super::dating::attached_to_verb;
use super::dating::names_other_event;
use super::figures::{FieldFig, TallyScope};
use super::modality;
use super::sentence::Sentence;
use crate::dates::{DateExpr, DateKind};
use crate::lexicon::{
    ActorRole, AgentKind, AttrCue, CuePos, EventCue, FillerKind, ForceEntry, ForceReach, Hit,
    LangLex, ModCue, RefKind, Scope, TallyKind,
};
use crate::tokens::{Tok, TokKind};
use crate::{Claim, ClaimField, EventType, Field, Modality, Report, Source, TargetKind};

/// The most words a `gap` cue's two words may part by.
const GAP_WORDS: usize = 3;

/// The event cues of a sentence, but for those inside a blocker ("hunger strike"), event
/// nouns that modify the noun after them ("the drone strike lawsuit", "the boat-strike
/// debate": a `head_noun`), cues named as support (within three words after one of
/// `support_ends`, "backed by U.S. airstrikes"), and infinitives ("to hit", "para atacar",
/// "antes de atacar"), which are governed by what precedes them.
pub(super) fn find<'a>(
    l: &'a LangLex,
    toks: &[Tok],
    support_ends: &[usize],
) -> Vec<Hit<'a, EventCue>> {
    let blockers = l.blockers.find_all(toks);
    let blocked = |ts: usize, te: usize| blockers.iter().any(|b| b.ts < te && ts < b.te);
    let modifier = |h: &Hit<EventCue>| {
        h.value().noun
            && toks
                .get(h.te)
                .is_some_and(|t| l.grammar.head_noun.contains(&t.lower))
    };
    let mut hits = l.events.find_all(toks);
    // "fired two ballistic missiles": a cue whose two words a count and adjectives part
    let gapped = l.events.gapped(toks, GAP_WORDS, |c| c.gap, &hits);
    if !gapped.is_empty() {
        hits.extend(gapped);
        hits.sort_by_key(|h| h.ts);
    }
    // "backed by U.S. airstrikes": the support of another event, within three words after;
    // a noun ("soldiers backed by Mozambican forces killed 11": the verb after the supporter
    // is the sentence's own)
    let supporting = |h: &Hit<EventCue>| {
        support_ends.iter().any(|&te| {
            // (or a verb of a relative clause on the supporter: "backed by Rwandan troops who
            // shelled the town")
            (h.value().noun || (te..h.ts).any(|i| l.grammar.relative.contains(&toks[i].lower)))
                && te <= h.ts
                && h.ts - te <= 3
                && toks[te..h.ts]
                    .iter()
                    .all(|t| t.kind == TokKind::Word || t.lower == ".")
        })
    };
    // "Hurricane Melissa struck western Jamaica", "el huracán Otis golpeó": a verb whose
    // subject is a force of nature, right before it or with one word (its name) between; not
    // a weapon or an aircraft named after one ("Storm Shadow missiles hit", "Tornado jets
    // bombed"), nor a storm in another clause ("during the storm, soldiers attacked")
    let natural = |h: &Hit<EventCue>| {
        let named_thing =
            |k: usize| l.agents.at(toks, k).is_some() || l.means.at(toks, k).is_some();
        let subject_before = |at: usize| {
            (1..=2).any(|d| {
                at >= d
                    && l.grammar.nature.contains(&toks[at - d].lower)
                    && (at - d + 1..at).all(|k| toks[k].kind == TokKind::Word && !named_thing(k))
            })
        };
        // (or with an apposition between, set off by commas: "Hurricane Melissa, a Category 5
        // storm, struck Jamaica", "el huracán Melissa, de categoría 5, golpeó")
        let apposed = || {
            h.ts >= 2 && toks[h.ts - 1].lower == "," && {
                let from = h.ts.saturating_sub(10);
                (from..h.ts - 1)
                    .rev()
                    .take_while(|&k| toks[k].kind != TokKind::Punct || toks[k].lower == ",")
                    .find(|&k| toks[k].lower == ",")
                    .is_some_and(subject_before)
            }
        };
        !h.value().noun && (subject_before(h.ts) || apposed())
    };
    hits.into_iter()
        .filter(|h| !blocked(h.ts, h.te) && !modifier(h) && !supporting(h) && !natural(h))
        .filter(|h| {
            let g = &l.grammar;
            // a gerund tells an act only after a word of what came after ("killed after
            // attacking a patrol"; not "capable of attacking", nor opening a sentence)
            if h.value().gerund && !(h.ts > 0 && g.after.contains(&toks[h.ts - 1].lower)) {
                return false;
            }
            if h.ts == 0 {
                return true;
            }
            let prev = &toks[h.ts - 1].lower;
            // "murieron después de atacar a una patrulla", "tras emboscar a soldados": an
            // infinitive after a word of what came after tells an act done, not one meant
            let done = g.after.contains(prev)
                || (h.ts >= 2
                    && g.infinitive_prep.contains(prev)
                    && g.after.contains(&toks[h.ts - 2].lower))
                // "acusó al Ejército de bombardear": the act an actor is accused of is told
                // as done (by whom, alleged)
                || (g.infinitive_prep.contains(prev) && accused_of(l, toks, h.ts - 1));
            let inf = !done
                && g.infinitive(&toks[h.ts].lower)
                && (g.infinitive_prep.contains(prev)
                    // (the lexicon lists infinitives as nouns; "mujer bomba" is a noun
                    // ending like one, of an attack)
                    || matches!(h.value().event_type, EventType::Strike | EventType::Raid)
                        && head_of_infinitive(l, toks, h.ts));
            let weak_verb = h.value().weak || h.value().past;
            // "cualquier grupo que ataque a civiles": a noun's form right after "que" is a verb
            // in the subjunctive, an act wished, feared or supposed
            // (a verb takes its object right after it, "a civiles", "las posiciones"; a noun
            // a phrase of its own, "que bombardeo contra un campamento dejó siete muertos")
            let object_next = toks.get(h.te).is_some_and(|t| {
                g.object_mark.contains(&t.lower)
                    || g.article_sg.contains(&t.lower)
                    || g.article_pl.contains(&t.lower)
            });
            let subjunctive = h.value().noun
                && !h.value().plural
                && g.subjunctive_mark.contains(prev)
                && object_next;
            !(g.after_infinitive_mark(toks, h.ts) && weak_verb || inf || subjunctive)
        })
        .collect()
}

/// How many tokens before "de" an accusing verb may end, the accused between ("acusó al
/// Ejército colombiano de").
const ACCUSED_REACH: usize = 6;

/// Whether an accusing verb (agents `accuse`, "acusó a") ends a few words before token
/// `at`, with words only between: what follows is what the accused is said to have done.
fn accused_of(l: &LangLex, toks: &[Tok], at: usize) -> bool {
    (at.saturating_sub(ACCUSED_REACH)..at).any(|k| {
        l.agents.at(toks, k).is_some_and(|h| {
            *h.value() == AgentKind::Accuse
                && h.te <= at
                && toks[h.te..at].iter().all(|t| t.kind == TokKind::Word)
        })
    })
}

/// Whether a verb that asks for, orders, wants or weighs an act (grammar `infinitive_head`:
/// "ordenará bombardear", "pidió el lunes al Ejército bombardear", "quiere atacar") governs
/// the infinitive at `at`: a few words before it, no comma or clause mark between. What is
/// ordered or asked for is not told as done ("lograron repeler la agresión" is).
fn head_of_infinitive(l: &LangLex, toks: &[Tok], at: usize) -> bool {
    let g = &l.grammar;
    (at.saturating_sub(INFINITIVE_HEAD_REACH)..at)
        .rev()
        .take_while(|&k| {
            toks[k].kind == TokKind::Word
                && !g.relative.contains(&toks[k].lower)
                && !g.that.contains(&toks[k].lower)
        })
        .any(|k| g.infinitive_head.contains(&toks[k].lower))
}

/// Most tokens from a verb of asking or ordering to the infinitive it governs ("pidió el
/// lunes al Ejército bombardear").
const INFINITIVE_HEAD_REACH: usize = 5;

/// Most words of a place between the locative after "another" and its day ("another in
/// the eastern Pacific on Thursday").
const PLACE_WORDS: usize = 6;

/// "On Feb. 15 an airstrike killed a chief, while on Feb. 22 another killed a commander",
/// "el 9 de mayo, otro dejó dos muertos": a word standing for an event noun left unsaid
/// (`elliptic` in determiners.tsv), after a singular event noun of the sentence and with a
/// day written right beside it, is a cue of that noun's event, at its own place. Without a
/// day beside it ("four on one boat and four on another") it names no event.
pub(super) fn elliptic_events<'a>(
    l: &LangLex,
    toks: &[Tok],
    events: &mut Vec<Hit<'a, EventCue>>,
    dates: &[DateExpr],
) {
    let day_at = |from: usize, to: usize| {
        dates.iter().any(|d| {
            let i = d.tokens(toks).0;
            d.is_named_day() && from <= i && i <= to
        })
    };
    let mut found = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !l.elliptic.contains(&t.lower) || events.iter().any(|e| e.ts == i + 1 && e.value().noun)
        {
            continue;
        }
        let Some(antecedent) = events
            .iter()
            .filter(|e| {
                e.te <= i
                    && (e.value().noun || !(e.value().force || e.value().by_force))
                    && !e.value().plural
                    && e.value().event_type.is_violent()
            })
            .max_by_key(|e| e.ts)
        else {
            continue;
        };
        // a day just before ("on May 9 another") or just after ("another on May 9"), or a
        // clause of its own that places it and tells its dead ("and another in Yobe killed
        // four", "y otro en Arauca mató a dos")
        // ... or after where it was ("and another in the eastern Pacific on Thursday", "and
        // an ELN position in Arauca on Sunday"): a locative and a few words, no break
        let placed_day = l.grammar.locative.at(toks, i + 1).is_some_and(|loc| {
            (loc.te..(loc.te + PLACE_WORDS).min(toks.len()))
                .take_while(|&k| toks[k].kind == TokKind::Word)
                .any(|k| day_at(k, k))
        });
        if !(day_at(i.saturating_sub(5), i)
            || day_at(i + 1, i + 3)
            || placed_day
            || own_clause(l, toks, events, i))
        {
            continue;
        }
        found.push(Hit {
            ts: i,
            te: i + 1,
            phrase: antecedent.phrase,
        });
    }
    if !found.is_empty() {
        events.extend(found);
        events.sort_by_key(|e| (e.ts, e.te));
    }
}

/// How many tokens after "another" and its place the verb of its dead may stand ("and
/// another in the Bari region of northern Somalia killed two").
const ELLIPTIC_VERB_REACH: usize = 9;

/// Whether the elliptic word at `i` opens a clause of its own ("and", a comma before it)
/// that places it ("in", "en" right after) and goes on to a verb of killing with no comma
/// between: "and another in Yobe killed four".
fn own_clause(l: &LangLex, toks: &[Tok], events: &[Hit<EventCue>], i: usize) -> bool {
    let opens = i == 0
        || l.grammar.and.contains(&toks[i - 1].lower)
        || super::sentence::is_clause_break(&toks[i - 1]);
    let placed = i + 1 < toks.len() && l.grammar.locative.at(toks, i + 1).is_some();
    // ... or to a cue of its dead after its place, a comma before it at most ("and another
    // in the Caribbean, killing two", "and another in the Caribbean that killed two")
    let dead_after = || {
        (i + 3..(i + 2 + ELLIPTIC_VERB_REACH).min(toks.len())).any(|k| {
            l.figures
                .at(toks, k)
                .is_some_and(|h| h.value().field == Field::Killed && h.value().pos != CuePos::After)
                && !toks[i + 1..k - 1]
                    .iter()
                    .any(super::sentence::is_clause_break)
        })
    };
    opens
        && placed
        && (events.iter().any(|e| {
            let c = e.value();
            !c.noun
                && (c.force || c.by_force)
                && e.ts > i + 2
                && e.ts <= i + 1 + ELLIPTIC_VERB_REACH
                && !toks[i + 1..e.ts]
                    .iter()
                    .any(super::sentence::is_clause_break)
        }) || dead_after())
}

/// How many tokens after "the toll from" the event it is of may start ("the death toll
/// from Thursday's U.S. airstrike": the day's possessive and the attacker's name between).
const TOLL_OF_REACH: usize = 9;

/// How many words after "the number of" the cue of the dead may stand.
const NUMBER_OF_REACH: usize = 5;

/// The tally cues of a sentence, and the token after each toll cue said to be one event's
/// ("the death toll from Tuesday's strike", "el saldo del ataque"): those are no tally cues.
/// "In all" beside a singular event noun sums that event ("the attack killed eleven in
/// all").
pub(super) fn tally_cues<'a>(
    l: &'a LangLex,
    toks: &[Tok],
    events: &[Hit<EventCue>],
) -> (Vec<Hit<'a, TallyKind>>, Vec<usize>) {
    let mut tally_hits = l.tally.find_all(toks);
    // "the first U.S. strike since January", "el ataque más letal desde julio": a period after
    // a rank in its clause says since when the event is the first or the worst, no running
    // total
    tally_hits.retain(|h| {
        !(*h.value() == TallyKind::Cue
            && l.dates.is_since(&toks[h.ts].lower)
            && (h.ts.saturating_sub(RANK_REACH)..h.ts)
                .rev()
                .take_while(|&k| !matches!(toks[k].lower.as_str(), "," | ";" | ":"))
                .any(|k| {
                    let w = &toks[k].lower;
                    // (the first, not the 22nd: "the 22nd such attack since early
                    // September" counts the campaign's strikes)
                    l.nums.ordinal(w) == Some(1)
                        || l.dates.is_superlative(w)
                        || l.grammar.superlative.contains(w)
                }))
    });
    // where a singular event noun starts (looked up by position: a sentence may be long)
    let mut noun_at = vec![false; toks.len() + 1];
    for e in events
        .iter()
        .filter(|e| e.value().noun && !e.value().plural)
    {
        noun_at[e.ts] = true;
    }
    // "Thursday's U.S. airstrikes": strikes a day's possessive names are that day's event
    let mut dated_plural_at = vec![false; toks.len() + 1];
    for e in events.iter().filter(|e| e.value().noun && e.value().plural) {
        dated_plural_at[e.ts] = (e.ts.saturating_sub(8)..e.ts).any(|j| {
            j >= 1
                && (l.dates.is_possessive_ending(&toks[j].lower)
                    || l.dates.is_possessive(&toks[j].lower))
                && l.dates.is_day(&toks[j - 1].lower)
        })
            // ("los bombardeos estadounidenses del jueves", "los combates de la madrugada
            // del martes": a day's word of a day's event after the noun)
            || (e.te..(e.te + DAY_AFTER_PLURAL).min(toks.len())).any(|j| {
                l.dates.is_date_of(&toks[j].lower)
                    && toks.get(j + 1).is_some_and(|t| l.dates.is_day(&t.lower))
            });
    }
    let one_event = |h: &Hit<TallyKind>| {
        matches!(h.value(), TallyKind::Toll | TallyKind::EventToll)
            && toks
                .get(h.te)
                .is_some_and(|t| l.grammar.toll_of.contains(&t.lower))
            && (h.te + 1..=(h.te + TOLL_OF_REACH).min(toks.len()))
                // (the event named in the toll's own phrase, before any number: "el número
                // de muertos en el Caribe aumentó a 83 tras el bombardeo del sábado" is the
                // campaign's, raised by that strike)
                .take_while(|&k| k >= toks.len() || toks[k].kind != TokKind::Num)
                .any(|k| noun_at[k] || dated_plural_at[k])
    };
    let mut event_tolls: Vec<usize> = tally_hits
        .iter()
        .filter(|h| one_event(h))
        .map(|h| h.te)
        .collect();
    // "the number of suspected gunmen killed in the March 2 clash rose to 17": who was
    // killed (words of `fillers.tsv`) between "the number of" and the cue of the dead,
    // then one event
    for h in tally_hits
        .iter()
        .filter(|h| *h.value() == TallyKind::NumberOf)
    {
        let dead = (h.te..(h.te + NUMBER_OF_REACH).min(toks.len())).find_map(|k| {
            l.figures
                .at(toks, k)
                .filter(|f| f.ts == k && f.value().field == Field::Killed)
                .filter(|_| toks[h.te..k].iter().all(|t| l.fillers.contains(&t.lower)))
        });
        if let Some(f) = dead {
            if toks
                .get(f.te)
                .is_some_and(|t| l.grammar.toll_of.contains(&t.lower))
                && (f.te + 1..=(f.te + 6).min(toks.len())).any(|k| noun_at[k])
            {
                event_tolls.push(f.te);
            }
        }
    }
    tally_hits.retain(|h| {
        !one_event(h) && !matches!(h.value(), TallyKind::EventToll | TallyKind::NumberOf)
    });
    // "troops have killed 19 gunmen in a shootout": a perfect's toll told of one event,
    // named after it in its clause with an indefinite article, is that event's
    let clause = |i: usize| crate::pipeline::sentence::is_clause_break(&toks[i]);
    tally_hits.retain(|h| {
        *h.value() != TallyKind::Perfect
            || !events.iter().any(|e| {
                e.value().noun
                    && !e.value().plural
                    && e.ts > h.te
                    && e.ts >= 1
                    && l.grammar.article_indef.contains(&toks[e.ts - 1].lower)
                    && !(h.te..e.ts).any(clause)
            })
    });
    if events.iter().any(|e| e.value().noun && !e.value().plural) {
        tally_hits.retain(|h| *h.value() != TallyKind::Total);
    }
    // "murieron durante una ofensiva militar en Guaviare": a word of a campaign that is
    // also an event noun, named with an indefinite article, is one event that happened (not
    // one that "podría dejar decenas de muertos")
    let modal = || {
        l.modality
            .find_all(toks)
            .iter()
            .any(|m| m.value().modality != Modality::Occurred)
    };
    tally_hits.retain(|h| {
        *h.value() != TallyKind::Campaign
            || !(h.ts >= 1
                && l.grammar.article_indef.contains(&toks[h.ts - 1].lower)
                && events
                    .iter()
                    .any(|e| e.ts == h.ts && e.value().noun && !e.value().plural)
                && !modal())
    });
    // "el ataque más letal de la campaña", "the deadliest strike of the campaign": an event
    // ranked in its campaign is one event, and its dead are its own
    tally_hits.retain(|h| *h.value() != TallyKind::Campaign || !ranked_in(l, toks, events, h.ts));
    // "the campaign began with a Sept. 2 strike that killed 11": the one event it began
    // with, and its dead
    tally_hits.retain(|h| {
        *h.value() != TallyKind::Campaign
            || !(h.te..(h.te + 2).min(toks.len())).any(|k| {
                l.grammar.began_with.at(toks, k).is_some_and(|b| {
                    events.iter().any(|e| {
                        e.value().noun && !e.value().plural && e.ts >= b.te && e.ts <= b.te + 4
                    })
                })
            })
    });
    (tally_hits, event_tolls)
}

/// Whether the campaign word at `at` ranks an event named just before it: an event noun, a
/// superlative (after "más" where the language needs one) and "of" (up to five tokens between
/// it and the campaign word: "the deadliest strike of the U.S. campaign").
///
/// An ordinal ranks one too: "the 15th strike of the campaign", "el decimoquinto ataque de
/// la campaña", and after a possessive, "the campaign's 15th strike".
fn ranked_in(l: &LangLex, toks: &[Tok], events: &[Hit<EventCue>], at: usize) -> bool {
    let g = &l.grammar;
    let noun_within = |from: usize, to: usize| {
        events
            .iter()
            .any(|e| e.value().noun && !e.value().plural && e.ts > from && e.ts <= to)
    };
    // "15th" (a number, its ending glued to it) or "fifteenth", "decimoquinto"
    let ordinal = |i: usize| {
        l.nums.ordinal(&toks[i].lower).is_some()
            || toks[i].kind == TokKind::Num
                && toks
                    .get(i + 1)
                    .is_some_and(|s| s.start == toks[i].end && g.ordinal_suffix.contains(&s.lower))
    };
    // "the campaign's 15th strike": the possessive, then the ordinal, then the noun
    let after = at + 1;
    let possessive = (after..(after + 2).min(toks.len()))
        .find(|&k| l.dates.is_possessive(&toks[k].lower))
        .is_some_and(|k| {
            (k + 1..(k + 3).min(toks.len())).any(|i| ordinal(i) && noun_within(i, i + 3))
        });
    if possessive {
        return true;
    }
    let Some(of) = (at.saturating_sub(6)..at)
        .rev()
        .find(|&i| g.of.contains(&toks[i].lower))
    else {
        return false;
    };
    (of.saturating_sub(5)..of).any(|i| {
        (g.superlative.contains(&toks[i].lower) || ordinal(i))
            && events
                .iter()
                .any(|e| e.value().noun && !e.value().plural && e.te <= of && e.ts + 6 >= i)
    })
}

/// Strikes summed up under a perfect are one event when the sentence gives their day.
pub(super) fn drop_dated_summaries(
    l: &LangLex,
    toks: &[Tok],
    events: &[Hit<EventCue>],
    tally: &mut Vec<Hit<TallyKind>>,
    day_dated: bool,
) {
    if !day_dated {
        return;
    }
    tally.retain(|h| *h.value() != TallyKind::Summary);
    // "Estados Unidos ha atacado este martes una lancha en el Caribe y ha matado a tres": a
    // perfect's dead after a verb of one event (an indefinite article before what it struck,
    // no clause break between) in a sentence that names its day are that event's (the
    // Spanish of Spain tells the day's news in the perfect)
    // (and the perfect of that verb is no total either: "ha atacado" counts boats in "ha
    // atacado 20 lanchas", not here)
    let clause = |i: usize| super::sentence::is_clause_break(&toks[i]);
    // (or things struck uncounted: "has struck boats in the eastern Pacific on Tuesday,
    // killing 14" tells that day's event; "has struck 20 boats" counts them)
    let one_struck = |e: &Hit<EventCue>| {
        !e.value().noun
            && (e.te..(e.te + ONE_TARGET_REACH).min(toks.len())).any(|k| {
                let indefinite = l.grammar.article_indef.contains(&toks[k].lower)
                    && l.targets.at(toks, k + 1).is_some()
                    && l.singular(&toks[k + 1].lower);
                let uncounted = k == e.te
                    && l.targets
                        .at(toks, k)
                        .is_some_and(|t| !l.singular(&toks[t.te - 1].lower));
                indefinite || uncounted
            })
    };
    tally.retain(|h| {
        !events.iter().any(|e| match h.value() {
            // (or said of one event noun by a relative clause: "en un ataque que ha dejado
            // tres muertos")
            TallyKind::Perfect
                if e.value().noun
                    && !e.value().plural
                    && e.ts >= 1
                    && l.grammar.article_indef.contains(&toks[e.ts - 1].lower)
                    && h.ts == e.te + 1
                    && l.grammar.relative.contains(&toks[e.te].lower) =>
            {
                true
            }
            TallyKind::Perfect => e.te <= h.ts && !(e.te..h.ts).any(clause) && one_struck(e),
            TallyKind::Cue => h.ts <= e.ts && e.te <= h.te && one_struck(e),
            _ => false,
        })
    });
}

/// How many tokens after a verb the article of the one thing it struck may stand (a day
/// between: "ha atacado este martes una lancha").
const ONE_TARGET_REACH: usize = 5;

/// "EE.UU. lanzó el sábado una ola de bombardeos contra Sanaa; el Ministerio de Salud
/// elevó este lunes a 53 la cifra de muertos": a toll raised after an event the sentence
/// dates to its own day is that event's toll, not a campaign's, when nothing in the
/// sentence speaks of a period ("since March") or of the campaign.
pub(super) fn drop_tolls_of_a_dated_event(
    l: &LangLex,
    tally: &mut Vec<Hit<TallyKind>>,
    events: &[Hit<EventCue>],
    dates: &[DateExpr],
    toks: &[Tok],
    event_tolls: &mut Vec<usize>,
) {
    let campaign = tally.iter().any(|h| {
        matches!(
            h.value(),
            TallyKind::Campaign | TallyKind::Summary | TallyKind::Perfect
        )
    }) || dates.iter().any(|d| d.kind == DateKind::Since);
    if tally.is_empty() || campaign {
        return;
    }
    let tok_of = |d: &DateExpr| d.tokens(toks).0;
    // the first event with a day of its own right beside it
    let dated_event = events.iter().find(|e| {
        e.value().event_type.is_violent()
            && dates.iter().any(|d| {
                d.kind.is_reported_day()
                    && d.kind != DateKind::MonthOnly
                    && tok_of(d) + DAY_BESIDE_EVENT >= e.ts
                    && tok_of(d) <= e.te + DAY_BESIDE_EVENT + 2
            })
    });
    let Some(e) = dated_event else { return };
    // "Wednesday's strike brings the death toll to 178": the event adds to a running total;
    // "since the operations began" speaks of the campaign
    let event_brings = tally.iter().any(|h| {
        *h.value() == TallyKind::Bring && events.iter().any(|x| h.ts >= x.te && h.ts <= x.te + 1)
    });
    let series = l
        .references
        .find_all(toks)
        .iter()
        .any(|r| matches!(r.value(), RefKind::Series | RefKind::CampaignVerb));
    if event_brings || series {
        return;
    }
    // "villagers counted 29 bodies in the camp hit by the air force last Wednesday": a count
    // told just before the dated event, its dead between them, is that event's; so is a
    // count raised whose dead are said "in" the event right after them ("elevó a cuatro el
    // número de pescadores muertos en el ataque del lunes")
    // (or "por" it, its strikes of one day: "elevó este jueves a 46 los muertos por los
    // bombardeos del miércoles")
    let dead_in_it = |h: &Hit<TallyKind>| {
        (h.te..e.ts).any(|k| {
            l.figures.at(toks, k).is_some_and(|f| {
                f.value().field == Field::Killed
                    && e.ts <= f.te + 3
                    && (!e.value().plural && l.grammar.locative.at(toks, f.te).is_some()
                        || toks
                            .get(f.te)
                            .is_some_and(|t| l.grammar.toll_of.contains(&t.lower)))
            })
        })
    };
    let before: Vec<usize> = tally
        .iter()
        .filter(|h| {
            (*h.value() == TallyKind::Cue || *h.value() == TallyKind::Bring && dead_in_it(h))
                && h.te <= e.ts
                && e.ts - h.te <= COUNT_BEFORE_EVENT + NUMBER_OF_REACH
                && (h.te..e.ts).any(|k| {
                    crate::numbers::number_at(toks, k, "", &l.nums, 0).is_some()
                        || l.figures
                            .at(toks, k)
                            .is_some_and(|f| f.value().field == Field::Killed)
                })
        })
        .map(|h| h.ts)
        .collect();
    if !before.is_empty() {
        event_tolls.extend(
            tally
                .iter()
                .filter(|h| before.contains(&h.ts))
                .map(|h| h.te),
        );
        tally.retain(|h| !before.contains(&h.ts));
    }
    // an event that has its dead counted already ("killed three, pushing the death toll to
    // at least 181") leaves the toll after it to the campaign
    let Some(first) = tally.iter().map(|h| h.ts).filter(|&t| t > e.te).min() else {
        return;
    };
    if (e.te..first).any(|k| {
        l.figures
            .at(toks, k)
            .is_some_and(|f| f.value().field == Field::Killed)
    }) {
        return;
    }
    // ... and a count of strikes or boats ("con el bombardeo del domingo, el número de
    // ataques asciende a 111", "with Tuesday's strike, the number of attacks rises to 32")
    // counts no dead
    let counts_strikes = (e.te..first).any(|k| {
        l.figures.at(toks, k).is_some_and(|f| {
            matches!(f.value().field, Field::Strikes | Field::Vessels)
                && (k.saturating_sub(3)..k).any(|j| l.grammar.count_noun.contains(&toks[j].lower))
        })
    });
    if counts_strikes {
        return;
    }
    // a toll's number ("raised the death toll to 53") is then read as the event's
    event_tolls.extend(
        tally
            .iter()
            .filter(|h| h.ts > e.te && matches!(h.value(), TallyKind::Toll | TallyKind::Cue))
            .map(|h| h.te),
    );
    tally.retain(|h| {
        !(h.ts > e.te
            && matches!(
                h.value(),
                TallyKind::Cue | TallyKind::Bring | TallyKind::Toll
            ))
    });
}

/// How many words before a running total's "since" a rank may stand and make it the start
/// of a series instead ("the deadliest Russian attack on Kyiv since July").
const RANK_REACH: usize = 12;

/// How many words before a dated event a count ("counted 29 bodies in the camp hit ...")
/// may stand and still be that event's, for [`drop_tolls_of_a_dated_event`].
const COUNT_BEFORE_EVENT: usize = 8;

/// How many words from an event cue a day may stand and still be that event's, for
/// [`drop_tolls_of_a_dated_event`].
const DAY_BESIDE_EVENT: usize = 6;

/// An event cue kept as a candidate, with its modality and the cue that set it.
#[derive(Clone, Copy)]
pub(super) struct Picked<'a> {
    pub e: Hit<'a, EventCue>,
    pub m: Modality,
    pub mcue: Option<Hit<'a, ModCue>>,
}

/// What a sentence's event cues become: the cues kept, and what decides how each is read.
pub(super) struct Plan<'a> {
    pub picked: Vec<Picked<'a>>,
    /// A strike or raid that happened (or is denied) is among them: a development beside it
    /// must be a strong fact.
    pub occurred_kinetic: bool,
    /// The one development of the sentence: a strong cue before a weak one.
    pub first_dev: Option<usize>,
    /// The first event named as the occasion of something else ("killed during the
    /// raid"): from it on, the day something was said of it is not its date.
    pub occasion_from: Option<usize>,
    /// Events of one kind each followed closely by a day of its own: (cue token, date
    /// index), so many events, each taking the figures up to the next.
    pub split: Vec<(usize, usize)>,
    /// One event named with its day among others named without: its type and date index.
    pub owned_day: Option<(EventType, usize)>,
}

/// The sentence's event cues, read: which are kept, how each is dated.
pub(super) fn plan<'a>(s: &Sentence<'a>) -> Plan<'a> {
    let picked = pick(s);
    let occurred_kinetic = picked.iter().any(|p| {
        p.e.value().event_type.is_violent()
            && matches!(
                p.m,
                Modality::Occurred | Modality::Denied | Modality::Negated
            )
    });
    // developments: one per sentence, a strong cue before a weak one; none beside an event
    // of violence
    let first_dev = picked
        .iter()
        .enumerate()
        .filter(|(_, p)| !kinetic_fact(p))
        .min_by_key(|(i, p)| (p.e.value().weak, *i))
        .map(|(i, _)| i);
    let occasion_from = occasion_from(s, &picked);
    let super::dating::OwnDays { split, owned_day } = super::dating::own_days(s, &picked);
    Plan {
        picked,
        occurred_kinetic,
        first_dev,
        occasion_from,
        split,
        owned_day,
    }
}

/// A strike or raid that happened, was denied or negated: an event, not a development.
pub(super) fn kinetic_fact(p: &Picked) -> bool {
    p.e.value().event_type.is_violent()
        && matches!(
            p.m,
            Modality::Occurred | Modality::Denied | Modality::Negated
        )
}

/// "officers killed during the raid on the capital [which ended in ...], a minister said
/// Tuesday": an event named as the occasion of something else, and what the sentence goes
/// on to say of it, is already known; the day something was said about it is not its date.
fn occasion_from(s: &Sentence, picked: &[Picked]) -> Option<usize> {
    let (l, toks) = (s.l, &s.ctx.toks);
    picked
        .iter()
        .filter(|p| {
            let e = &p.e;
            (2..=3).any(|k| {
                e.ts >= k && l.dates.is_occasion(&toks[e.ts - k].lower) && {
                    let w = &toks[e.ts - k + 1].lower;
                    l.grammar.article_sg.contains(w) || l.grammar.article_pl.contains(w)
                }
            })
        })
        .map(|p| p.e.ts)
        .min()
}

/// What the whole sentence says that bears on each cue.
struct Facts {
    /// A strong designation or authorization cue: a weak strike cue beside it is no strike.
    non_weak_dev: bool,
    /// Every figure of the sentence is a campaign total.
    only_tally_figs: bool,
    /// A date that is reporting, not metadata, a period's start, a span's end or a day to
    /// come (an ISO date, "2025-10-18", is page metadata).
    real_date: bool,
    /// The sentence counts strikes or vessels of one event.
    counted_strikes: bool,
    killed_here: bool,
}

/// The event cues kept as candidates, with their modality. A denial or negation of a
/// strike outweighs a passing mention of it.
fn pick<'a>(s: &Sentence<'a>) -> Vec<Picked<'a>> {
    let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
    let scope = TallyScope::new(&s.tally, ctx);
    let has_tally_figs = s.figs.iter().any(|f| f.tally);
    let in_tally = |ts: usize| has_tally_figs && scope.covers(ctx, ts);
    let facts = Facts {
        non_weak_dev: s.events.iter().any(|e| {
            !e.value().weak
                && matches!(
                    e.value().event_type,
                    EventType::Designation | EventType::Authorization
                )
        }),
        only_tally_figs: has_tally_figs && s.figs.iter().all(|f| f.tally),
        real_date: s.dates.iter().any(|d| d.kind.is_reported()),
        counted_strikes: s
            .figs
            .iter()
            .any(|f| !f.tally && (f.field == Field::Strikes || f.field == Field::Vessels)),
        killed_here: s.killed_here,
    };
    // "over the past few months, forces have killed at least 57 people in strikes": a period
    // up to now, no day, and only a total counted is the campaign's course, whatever cue
    // tells it
    let campaign_period = facts.only_tally_figs
        && s.dates
            .iter()
            .any(|d| d.kind == crate::dates::DateKind::Since)
        && !s.dates.iter().any(|d| d.kind.is_reported_day());
    let mut picked: Vec<Picked> = Vec::new();
    for e in &s.events {
        // a strike, or raids, told inside a campaign's total ("have killed at least 30 in raids
        // in recent months") is the campaign, not an event; a single clash is one event
        // ("troops have killed 19 gunmen in a shootout")
        let raids = e.value().event_type == EventType::Raid && e.value().plural;
        if in_tally(e.ts) && (e.value().event_type == EventType::Strike || raids) {
            continue;
        }
        if campaign_period && e.value().event_type == EventType::Strike {
            continue;
        }
        // "como parte de la ofensiva contra los grupos armados": the campaign's own word,
        // with no toll and no day, names the campaign
        let names_campaign = s
            .tally
            .iter()
            .any(|h| *h.value() == TallyKind::Campaign && h.ts == e.ts);
        if names_campaign && !facts.killed_here && !facts.real_date {
            continue;
        }
        let (mut m, mcue) = modality::of_event(l, e, &s.mods, s.killed_here, toks);
        if denies_a_part(s, e, m, mcue.as_ref()) {
            m = Modality::Occurred;
        }
        // "had shot down no drones", "no atacó ninguna lancha" (the latter negated already):
        // a verb whose object is none did nothing
        // (the one act the sentence tells, with no dead: "shot down no drones, but its jets
        // struck a site, killing two" tells the strike)
        // (another verb of violence, or a "but", tells another act; an event noun may be
        // what is denied with it: "shot down no drones, dismissing claims of a clash")
        let alone = !s.killed_here
            && s.events
                .iter()
                .all(|x| x.ts == e.ts || !x.value().event_type.is_violent() || x.value().noun)
            && !toks.iter().any(|t| l.grammar.contrast.contains(&t.lower));
        if alone
            && !e.value().noun
            && m == Modality::Occurred
            && toks
                .get(e.te)
                .is_some_and(|t| l.grammar.object_none.contains(&t.lower))
        {
            m = Modality::Negated;
        }
        if keep(s, &facts, e, m, mcue) {
            picked.push(Picked { e: *e, m, mcue });
        }
    }
    // (within its clause: "No U.S. strike has been confirmed, but Houthi media said U.S.
    // jets hit Saada", "ningún bombardeo se registró el domingo; el lunes, un ataque mató a
    // tres" tell another strike beyond a break)
    let refused: Vec<usize> = picked
        .iter()
        .filter(|p| {
            p.e.value().event_type == EventType::Strike
                && matches!(p.m, Modality::Denied | Modality::Negated)
        })
        .map(|p| p.e.ts)
        .collect();
    if !refused.is_empty() {
        let apart = |a: usize, b: usize| {
            toks[a.min(b)..a.max(b)].iter().any(|t| {
                super::sentence::is_clause_break(t) || l.grammar.contrast.contains(&t.lower)
            })
        };
        picked.retain(|p| {
            !(p.e.value().event_type == EventType::Strike
                && p.m == Modality::Occurred
                && refused.iter().any(|&q| !apart(q, p.e.ts)))
        });
    }
    picked
}

/// "Peru denied that its navy had taken part in the U.S. strike", "negó que la Armada haya
/// participado en el ataque estadounidense": a denial of someone's part (a `participation`
/// phrase between the denial and the cue) in an event whose own state is named beside it
/// denies the part, not the event. (With no state beside it, "la Marina desmintió haber
/// participado en el ataque difundido en redes" denies the one act told.)
fn denies_a_part(s: &Sentence, e: &Hit<EventCue>, m: Modality, mcue: Option<&Hit<ModCue>>) -> bool {
    let toks = &s.ctx.toks;
    let Some(d) = mcue.filter(|_| m == Modality::Denied && e.value().noun) else {
        return false;
    };
    let part_end = (d.te..e.ts).find_map(|k| {
        s.l.grammar
            .participation
            .at(toks, k)
            .filter(|h| h.te <= e.ts)
            .map(|h| h.te)
    });
    let part = d.te <= e.ts && part_end.is_some();
    // the state's name or adjective before the noun ("the U.S. strike"), its adjective after
    // it ("el ataque estadounidense"; not "the strike in Sudan": a place)
    let Some(own) = s.forces.iter().find_map(|f| {
        let before = f.te <= e.ts && e.ts - f.te <= 1;
        let after = f.ts >= e.te && f.ts <= e.te + 1 && f.value().reach == ForceReach::Demonym;
        (!f.value().non_state() && (before || after))
            .then(|| f.value().state.as_deref())
            .flatten()
    }) else {
        return false;
    };
    // not the striking state's own part ("Venezuela negó que su Armada haya participado en
    // el ataque venezolano"), nor an event only alleged ("el supuesto ataque estadounidense")
    let denier_own = s.forces.iter().any(|f| {
        f.ts + DENIER_REACH >= d.ts
            && f.te <= e.ts.saturating_sub(2)
            && f.value().state.as_deref() == Some(own)
    });
    let alleged =
        (part_end.unwrap_or(e.ts)..e.ts).any(|k| s.l.grammar.alleged.contains(&toks[k].lower));
    part && !denier_own && !alleged
}

/// Most tokens before a denial that may name who denies.
const DENIER_REACH: usize = 8;

/// A site on land (a target) named within [`SITE_REACH`] tokens after the cue ("contra un
/// campamento", "against a bandit camp"; a group's name is not enough: "an operation
/// against ELN financing networks").
fn site_after(s: &Sentence, e: &Hit<EventCue>) -> bool {
    s.targets
        .iter()
        .any(|t| *t.value() == TargetKind::LandSite && t.ts >= e.te && t.ts <= e.te + SITE_REACH)
}

/// Most tokens between a `site` cue and the site or group it is against.
const SITE_REACH: usize = 2;

/// Whether the event cue `e`, read with modality `m`, is kept as a candidate.
fn keep(
    s: &Sentence,
    f: &Facts,
    e: &Hit<EventCue>,
    m: Modality,
    mcue: Option<Hit<ModCue>>,
) -> bool {
    let cue = e.value();
    if cue.weak && f.non_weak_dev && cue.event_type.is_violent() {
        return false;
    }
    if cue.toll && !toll_supported(s, f, e) {
        return false;
    }
    // (or one that killed: "un operativo contra el Cártel de Sinaloa, donde murieron tres")
    if cue.site && !site_after(s, e) && !s.killed_here {
        return false;
    }
    if cue.plural && !keep_plural(s, f, e, m, mcue) {
        return false;
    }
    // "As of Oct. 5, U.S. strikes had killed 27": a verb of killing whose only dead are a
    // total tells the campaign's course, not an event
    if (cue.force || cue.by_force) && !cue.noun && f.only_tally_figs && m == Modality::Occurred {
        return false;
    }
    if cue.weak && !weak_supported(s, f, e, m) {
        return false;
    }
    // "fotografías de un campamento destruido", "photos of a destroyed camp": a participle
    // said of what it left, no act told
    if cue.weak && !cue.noun && !s.killed_here && adjectival(s, e) {
        return false;
    }
    // "la operación fue ejecutada por tropas del Ejército", "carried out by troops": troops
    // named as the agent of another act are not sent anywhere
    if cue.weak && cue.event_type == EventType::Deployment && agent_of_a_passive(s, e) {
        return false;
    }
    // "a decommissioned hull was sunk by naval gunfire in a live-fire drill": practice,
    // unless someone died or was hurt in it ("no one was injured", "no hubo heridos" is
    // none)
    let hurt = |f: &&FieldFig| {
        matches!(f.field, Field::Killed | Field::Injured)
            && !f.tally
            && [f.q.figure.low, f.q.figure.best, f.q.figure.high]
                .iter()
                .any(|v| v.is_some_and(|n| n > 0))
    };
    if cue.event_type.is_violent() && !s.figs.iter().any(|f| hurt(&f)) && in_a_drill(s, e) {
        return false;
    }
    // "a strike by dockworkers entered its third day", "el ataque de phishing comenzó el
    // fin de semana"
    if cue.shared && !s.killed_here && another_trades(s, e) {
        return false;
    }
    // "were killed after attacking an army base": a gerund told as an act only with its dead
    // counted ("criticized after attacking the Pentagon", "arrested after opening fire on a
    // crowd" tell none)
    if cue.gerund && !s.killed_here {
        return false;
    }
    if cue.intrans && befell_its_subject(s, e) {
        return false;
    }
    if cue.event_type == EventType::Strike && ran_into_a_device(s, e) {
        return false;
    }
    // "a car bomb workshop", "a roadside bomb factory": a device naming the site it is made
    // in is no attack
    if cue.event_type == EventType::Attack && cue.noun && s.targets.iter().any(|t| t.ts == e.te) {
        return false;
    }
    if cue.event_type == EventType::Strike {
        return strike_supported(s, f, e, m);
    }
    true
}

/// Whether the cue tells part of a military exercise the sentence names: the exercise near
/// the cue, with no word opening another clause between ("sank a hull in a joint exercise",
/// "bombardearon blancos, en el marco de un ejercicio militar"); "struck Odesa, hours after
/// NATO ships ended a naval exercise" and "bombed a depot while the army held drills" tell
/// real strikes.
fn in_a_drill(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let (toks, g) = (&s.ctx.toks, &s.l.grammar);
    // a group's violence is no practice ("jihadists attacked recruits during drills")
    if s.forces.iter().any(|f| f.value().non_state())
        || s.agents.iter().any(|a| *a.value() == AgentKind::Group)
    {
        return false;
    }
    // the exercise as the scene of the act ("where the army held drills", "donde el Ejército
    // realizaba un simulacro") or denied ("no fue un simulacro")
    let scene_or_denied = |h: &Hit<RefKind>| {
        (h.ts.saturating_sub(4)..h.ts).any(|i| g.drill_scene.contains(&toks[i].lower))
            || s.mods.iter().any(|m| {
                m.value().modality == Modality::Negated && m.te <= h.ts && h.ts - m.te <= 3
            })
    };
    s.refs
        .iter()
        .filter(|h| *h.value() == RefKind::Drill && !scene_or_denied(h))
        .any(|h| {
            // the cue inside the exercise's name ("ejercicio de bombardeo", "bombing drills")
            if h.ts <= e.ts && e.te <= h.te {
                return true;
            }
            let (a, b) = if h.ts >= e.te {
                (e.te, h.ts)
            } else {
                (h.te, e.ts)
            };
            b >= a
                && b - a <= DRILL_REACH
                && !toks[a..b].iter().any(|t| {
                    matches!(t.lower.as_str(), ";" | ":" | "—" | "–")
                        || g.clause_open.contains(&t.lower)
                        || g.after.contains(&t.lower)
                        || g.contrast.contains(&t.lower)
                })
        })
}

/// Whether a verb that is also said of what it befalls has its target as its subject ("The
/// ship later sank", "la lancha se hundió poco después"): a target ends at most
/// [`SUBJECT_GAP`] words before it with no armed actor between, no target follows it
/// within [`OBJECT_REACH`] words, and no auxiliary of the passive stands before it ("the
/// boat was sunk by a strike" is the act).
fn befell_its_subject(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let toks = &s.ctx.toks;
    // (not the target of a relative clause, whose subject may follow the verb: "la
    // narcolancha que hundieron el martes las fuerzas estadounidenses")
    let subject = s.targets.iter().any(|t| {
        t.te <= e.ts
            && e.ts - t.te <= SUBJECT_GAP
            && !s.forces.iter().any(|f| f.ts >= t.te && f.te <= e.ts)
            && !toks[t.te..e.ts]
                .iter()
                .any(|w| s.l.grammar.relative.contains(&w.lower))
    });
    let object = s
        .targets
        .iter()
        .any(|t| t.ts >= e.te && t.ts - e.te <= OBJECT_REACH);
    // (nor a verb whose agent follows it: "se hundió" has none, "hundió la Armada" has)
    let agent_after = s
        .forces
        .iter()
        .any(|f| f.ts >= e.te && f.ts - e.te <= OBJECT_REACH + 2);
    subject && !object && !agent_after && !passive_before(s, e)
}

/// Words between a target and a verb it is the subject of, at most ("the ship later sank",
/// "la lancha finalmente se hundió").
const SUBJECT_GAP: usize = 2;

/// Words between a verb and the target that is its object, at most ("sank a drug boat").
const OBJECT_REACH: usize = 3;

/// Whether an auxiliary of the passive stands right before the cue, or one word before
/// ("were attacked", "fue destruido").
fn passive_before(s: &Sentence, e: &Hit<EventCue>) -> bool {
    s.agents
        .iter()
        .any(|h| *h.value() == AgentKind::Passive && h.te <= e.ts && e.ts - h.te <= 1)
}

/// Whether a verb cue is a participle used as an adjective of its target: right after it,
/// in a language whose adjectives follow the noun ("un campamento destruido"), with no
/// auxiliary of the passive before it ("fue destruido") nor agent after it ("destruido por
/// la Fuerza Aérea"); or between an article and it ("a destroyed camp"). Only in a sentence
/// that names no day, place or weapon.
fn adjectival(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let (toks, g) = (&s.ctx.toks, &s.l.grammar);
    // a day, a place or a weapon told with it tells the act ("una narcolancha destruida el
    // martes en el Caribe", "Lancha impactada en el Pacífico")
    if s.place.is_some() || !s.means.is_empty() || s.dates.iter().any(|d| d.kind.is_reported_day())
    {
        return false;
    }
    let passive = passive_before(s, e);
    // ("el campamento destruido por la Fuerza Aérea": its agent told, an act)
    let by = s
        .agents
        .iter()
        .any(|h| *h.value() == AgentKind::By && h.ts == e.te);
    let participle = g
        .adjective_participle_ending
        .iter()
        .any(|x| toks[e.te - 1].lower.ends_with(x.as_str()));
    let after_target = participle && s.targets.iter().any(|t| t.te == e.ts) && !passive && !by;
    let before_target = e.ts > 0
        && (g.article_sg.contains(&toks[e.ts - 1].lower)
            || g.article_indef.contains(&toks[e.ts - 1].lower))
        && s.targets.iter().any(|t| t.ts == e.te);
    after_target || before_target
}

/// How many words may stand between an event cue and the exercise it is part of.
const DRILL_REACH: usize = 20;

/// Whether a word another trade uses too is that trade's: a stoppage of work or a computer
/// attack. A word of a labour dispute or of computing linked to it ([`trade_linked`]: "a
/// strike by dockworkers", "the dockworkers' strike", "un ataque de phishing"), no weapon, no
/// dead and no one hurt in the sentence, and no armed actor ("gunmen attacked the offices of
/// the oil workers' union" is an attack).
fn another_trades(s: &Sentence, e: &Hit<EventCue>) -> bool {
    if !s.means.is_empty()
        || s.figs.iter().any(|f| f.field == Field::Injured)
        // (a state's name or adjective alone is where the dispute is: "striking teachers in
        // Nigeria's Kano state", "Colombian dockworkers")
        || s
            .forces
            .iter()
            .any(|f| !matches!(f.value().reach, ForceReach::Country | ForceReach::Demonym))
        || s.agents
            .iter()
            .any(|a| matches!(a.value(), AgentKind::State | AgentKind::Group))
    {
        return false;
    }
    if workers_own(s, e) {
        return true;
    }
    s.refs
        .iter()
        .filter(|h| matches!(h.value(), RefKind::Labour | RefKind::Computing))
        // (a site between is what was struck: "an attack on the offices of a trade union")
        .filter(|h| {
            let (a, b) = if h.ts >= e.te {
                (e.te, h.ts)
            } else {
                (h.te, e.ts)
            };
            !s.targets.iter().any(|t| t.ts >= a && t.te <= b)
        })
        .any(|h| {
            // (a day may stand between: "began a strike on Monday over unpaid wages")
            let in_date = |i: usize| {
                s.dates.iter().any(|d| {
                    let (a, b) = d.tokens(&s.ctx.toks);
                    (a..b).contains(&i)
                })
            };
            trade_linked(s.l, &s.ctx.toks, (e.ts, e.te), (h.ts, h.te), &in_date)
        })
}

/// "Workers at a copper mine in Antofagasta began an open-ended strike", "Teachers in
/// Oaxaca extended their strike": people of a trade (grammar `labour_people`) as the subject
/// whose object is the strike noun, its article or possessive right before it (over a few
/// words of its kind: "a one-day", "an open-ended"), in one stretch of words with no one
/// said to speak between ("aid workers said a strike hit the clinic" is a strike).
fn workers_own(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    let g = &l.grammar;
    if !e.value().noun {
        return false;
    }
    let modifier =
        |i: usize| toks[i].kind == TokKind::Num || toks[i].lower == "-" || g.adverb(&toks[i].lower);
    // (over a compound's parts: "open - ended", "one - day")
    let part = |i: usize| {
        toks[i].kind == TokKind::Word
            && (i > 0 && toks[i - 1].lower == "-"
                || toks.get(i + 1).is_some_and(|t| t.lower == "-"))
    };
    let mut d = e.ts;
    while d > 0 && e.ts - d < 5 && (modifier(d - 1) || part(d - 1)) {
        d -= 1;
    }
    let owned = d > 0 && {
        let w = &toks[d - 1].lower;
        g.article_sg.contains(w)
            || g.article_indef.contains(w)
            || l.filler_kinds.get(w) == Some(&FillerKind::Pronoun)
    };
    // (not a strike after which they did something, nor one on a target: "miners fled after
    // a strike on a bandit camp")
    let governed = d > 1 && {
        let w = &toks[d - 2].lower;
        g.after.contains(w)
            || g.gerund_prep.contains(w)
            || g.date_prep.contains(w)
            || g.of.contains(w)
    };
    let on_target = s
        .targets
        .iter()
        .any(|t| t.ts >= e.te && s.ctx.clause[t.ts] == s.ctx.clause[e.ts]);
    if !owned || governed || on_target {
        return false;
    }
    (e.ts.saturating_sub(WORKERS_REACH)..d - 1).any(|k| {
        g.labour_people.contains(&toks[k].lower)
            && (k + 1..d - 1).all(|i| {
                matches!(toks[i].kind, TokKind::Word | TokKind::Num)
                    && l.attribution
                        .at(toks, i)
                        .is_none_or(|h| !matches!(h.value(), AttrCue::Verb))
            })
    })
}

/// Most tokens from the people of a trade to the strike noun they are the subject of.
const WORKERS_REACH: usize = 14;

/// Whether the trade word at `w` is linked to the event cue at `e`: overlapping it ("the
/// strike was called"), right before it, or before it with a possessive ("dockworkers'
/// strike", "phishing attack") or a reporting verb ("union leaders said the strike"), or after it joined by a `trade_link` word, three words
/// between at most besides articles and a day ("a strike by the dockworkers", "un ataque de
/// phishing", "a strike on Monday over unpaid wages").
pub(super) fn trade_linked(
    l: &LangLex,
    toks: &[Tok],
    e: (usize, usize),
    w: (usize, usize),
    in_date: &dyn Fn(usize) -> bool,
) -> bool {
    let g = &l.grammar;
    let possessive = |i: usize| matches!(toks[i].lower.as_str(), "'" | "’" | "'s" | "’s" | "s");
    let article = |i: usize| {
        g.article_sg.contains(&toks[i].lower)
            || g.article_pl.contains(&toks[i].lower)
            || g.article_indef.contains(&toks[i].lower)
    };
    (w.0 < e.1 && e.0 < w.1)
        || w.1 == e.0
        || (w.1 < e.0 && e.0 - w.1 <= 2 && (w.1..e.0).all(possessive))
        // (what the trade's people say of it: "union leaders said the strike")
        || (w.1 < e.0
            && e.0 - w.1 <= 3
            && (w.1..e.0).all(|i| toks[i].kind == TokKind::Word)
            && (w.1..e.0).any(|i| {
                l.attribution
                    .at(toks, i)
                    .is_some_and(|h| matches!(h.value(), AttrCue::Verb))
            }))
        || (w.0 >= e.1
            && (e.1..w.0)
                .filter(|&i| !in_date(i) && !article(i) && !g.date_prep.contains(&toks[i].lower))
                .count()
                <= 3
            && (e.1..w.0).any(|i| g.trade_link.contains(&toks[i].lower))
            && (e.1..w.0).all(|i| toks[i].kind == TokKind::Word || in_date(i)))
}

/// "their patrol hit a roadside bomb", "the vehicle struck a landmine": a verb of striking
/// whose object, an article between at most, is an attack's device tells the attack, which
/// its own cue reports; it is no strike ("struck a car bomb workshop" is: the device names
/// the site struck).
fn ran_into_a_device(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let toks = &s.ctx.toks;
    !e.value().noun
        && s.events.iter().any(|o| {
            o.value().event_type == EventType::Attack
                && o.value().noun
                && o.ts >= e.te
                && (e.te..o.ts).all(|i| s.l.grammar.article_sg.contains(&toks[i].lower)
                    || s.l.grammar.article_indef.contains(&toks[i].lower))
                && o.ts - e.te <= 1
                // the device ends its phrase: not one naming a site ("struck a car bomb
                // workshop")
                && toks.get(o.te).is_none_or(|t| {
                    t.kind == TokKind::Punct
                        || s.l.grammar.locative.at(toks, o.te).is_some()
                        || s.l.grammar.and.contains(&t.lower)
                })
        })
}

/// How many words from a plural event noun a day may be and still date it as one event.
const PLURAL_DAY_REACH: usize = 10;

/// A plural cue ("strikes", "ataques") is one event only when counted, dated to a day or
/// given a toll; else it names the campaign.
fn keep_plural(
    s: &Sentence,
    f: &Facts,
    e: &Hit<EventCue>,
    m: Modality,
    mcue: Option<Hit<ModCue>>,
) -> bool {
    let (ctx, toks) = (s.ctx, &s.ctx.toks);
    let cue = e.value();
    if cue.event_type == EventType::Strike && f.only_tally_figs {
        return false;
    }
    // "the campaign of strikes": never one event
    if s.tally
        .iter()
        .any(|h| *h.value() == TallyKind::Campaign && ctx.clause[h.ts] == ctx.clause[e.ts])
    {
        return false;
    }
    // "over the sharp increase in airstrikes": a campaign's course, whatever the day
    if s.refs
        .iter()
        .any(|h| *h.value() == RefKind::Trend && h.te <= e.ts && e.ts - h.te <= 1)
    {
        return false;
    }
    // a generic plural whose modality comes only from a cue after it
    if !(f.real_date || f.counted_strikes || f.killed_here)
        && mcue.is_some_and(|h| {
            h.ts >= e.te
                && h.value().scope == Scope::Any
                && h.value().modality != Modality::Hypothetical
        })
    {
        return false;
    }
    if m == Modality::Occurred && cue.event_type == EventType::Strike {
        // "the strikes", "a series of strikes": a campaign reference unless counted, dated
        // or given a toll ... dated to a day: "the boat strikes in October" is still the
        // campaign (a date of the announcement does not count: "said on Friday that the
        // attacks on boats violate the law")
        // ... and near it: a day far off in the sentence is another verb's ("a judge
        // declined on Tuesday to release the opinion that justifies its strikes")
        // ... or farther after it, past only where the strikes struck
        // ("strikes against Islamic State militants in Sokoto state in northwestern
        // Nigeria on Thursday"): no other event, reporting verb or "that" between
        // ... and right after a place named by a locative word ("in ... Nigeria on
        // Thursday"), not after whoever reacted ("drawing criticism from the United Nations
        // on Friday", "criticados por la ONU el viernes")
        let placed_before = |i: usize| {
            let mut k = i;
            // ("on Thursday", "el miércoles", "en la madrugada del sábado": the day's own
            // preposition and article)
            for _ in 0..DAY_SETTING_WORDS {
                if k > 0
                    && (s.l.grammar.date_prep.contains(&toks[k - 1].lower)
                        || s.l.grammar.article_sg.contains(&toks[k - 1].lower)
                        || s.l.grammar.day_part.contains(&toks[k - 1].lower))
                {
                    k -= 1;
                }
            }
            if k > 0 && toks[k - 1].lower == "," {
                k -= 1;
            }
            // (a name, or a list of them: "in Tehran, Natanz and Tabriz", "en Caracas,
            // Miranda, Aragua y La Guaira")
            let capital = |t: &crate::tokens::Tok| {
                t.kind == crate::tokens::TokKind::Word
                    && ctx.surface(t.start, t.end).starts_with(char::is_uppercase)
            };
            let mut run = k;
            while run > 0 && k - run < PLACE_LIST_WORDS && {
                let t = &toks[run - 1];
                let link = (t.lower == "," || s.l.grammar.and.contains(&t.lower))
                    && run >= 2
                    && run < k
                    && capital(&toks[run - 2]);
                capital(t) || link
            } {
                run -= 1;
            }
            // ("in the Gara region of northern Iraq": the locative a few words before)
            let locative_before = |at: usize| {
                (at.saturating_sub(7)..at).any(|j| {
                    s.l.grammar.locative.ends_at(toks, j + 1)
                        && !toks[j + 1..at].iter().any(|t| t.lower == ",")
                })
            };
            // (or before the place an apposition set off by commas names the country of:
            // "in Sokoto state, northwest Nigeria, on Thursday night")
            let mut appos = run;
            if appos > 0 && s.l.compass.contains(&toks[appos - 1].lower) {
                appos -= 1;
            }
            run < k
                && (locative_before(run)
                    || (appos >= 2 && toks[appos - 1].lower == "," && locative_before(appos - 1)))
        };
        let near = |d: &DateExpr| {
            let i = d.tokens(toks).0;
            i.abs_diff(e.ts) <= PLURAL_DAY_REACH
                || i > e.te
                    && i - e.te <= 3 * PLURAL_DAY_REACH
                    && placed_before(i)
                    && !s.events.iter().any(|o| o.ts >= e.te && o.ts < i)
                    && !(e.te..i).any(|k| {
                        // (commas set off where they struck: "in Deir ez-Zor province, in
                        // eastern Syria, on Wednesday"; no other break)
                        let t = &toks[k];
                        let g = &s.l.grammar;
                        (super::sentence::is_clause_break(t) && t.lower != ",")
                            || g.that.contains(&t.lower)
                            || g.relative.contains(&t.lower)
                            || s.l.attribution.at(toks, k).is_some()
                    })
        };
        // a day before a word of what something is about ("pressed the nominee on Tuesday
        // about the legal basis for the boat strikes", "interrogaron el martes al almirante
        // sobre los ataques"): the day of the hearing, the strikes its topic
        let topic_between = |d: &DateExpr| {
            let g = &s.l.grammar;
            let i = d.tokens(toks).0;
            i < e.ts
                && (i..e.ts).any(|k| {
                    let w = &toks[k].lower;
                    g.topic_link.contains(w) && !g.of.contains(w) && !g.date_prep.contains(w)
                })
        };
        let day_date = s.dates.iter().any(|d| {
            d.kind.is_reported_day()
                && near(d)
                && !topic_between(d)
                && !attached_to_verb(d, toks, e.ts, s.l)
                && !names_other_event(d, toks, e.ts, &s.events, s.l)
                // "As of Oct. 5, strikes had killed 27": the day a total is counted to
                && !s.tally.iter().any(|h| h.te == d.tokens(toks).0)
        });
        if !(day_date || f.counted_strikes || f.killed_here || counted_targets(s, e)) {
            return false;
        }
    }
    true
}

/// Words that may set a day before it: its preposition, article and part ("en la madrugada
/// del sábado", "early on Friday").
const DAY_SETTING_WORDS: usize = 4;

/// Words of a list of places a plural cue's day may follow ("in Tehran, Natanz and Tabriz
/// early Friday").
const PLACE_LIST_WORDS: usize = 12;

/// Words after a plural event noun within which a day's word may name its day ("los
/// combates de la madrugada del martes").
const DAY_AFTER_PLURAL: usize = 5;

/// Words after a plural cue within which the targets it counts stand ("strikes on three
/// nuclear sites", "ataques contra tres instalaciones nucleares clave").
const COUNTED_TARGETS_REACH: usize = 6;

/// Whether the targets of a plural cue are counted right after it ("strikes on three
/// nuclear sites", "bombardeos contra cuatro campamentos"): one operation on that many
/// targets, not the campaign.
fn counted_targets(s: &Sentence, e: &Hit<EventCue>) -> bool {
    let toks = &s.ctx.toks;
    s.targets.iter().any(|t| {
        t.ts > e.te
            && t.ts - e.te <= COUNTED_TARGETS_REACH
            && (t.ts.saturating_sub(3).max(e.te)..t.ts).any(|k| {
                crate::numbers::number_at(toks, k, "", &s.l.nums, 0)
                    .is_some_and(|n| !n.article && !n.vague && n.end_tok <= t.ts && n.value >= 2)
            })
    })
}

/// A cue flagged `toll` ("operativo", "raided") tells an event of its own only with its dead
/// counted (else a deployment, a search, a drug bust), with no other cue of violence in the
/// sentence (there it names that strike or raid: "the airstrike ... killed three, and no
/// civilians were harmed in the operation"), and, for a noun, not as a named operation
/// ("Operation Southern Spear", "la operación Fénix"), a campaign's or history's name.
fn toll_supported(s: &Sentence, f: &Facts, e: &Hit<EventCue>) -> bool {
    let toks = &s.ctx.toks;
    let named = e.value().noun
        && toks.get(e.te).is_some_and(|t| {
            t.kind == TokKind::Word && s.ctx.text[t.start..].starts_with(char::is_uppercase)
        })
        || e.value().noun
            && s.ctx.text[toks[e.ts].start..].starts_with(char::is_uppercase)
            && e.ts > 0;
    // a force's verb of killing ("raided a hideout and killed five") tells the dead of the
    // raid, not another event
    let other = s.events.iter().any(|o| {
        let v = o.value();
        let bare_kill = (v.force || v.by_force) && !v.noun;
        o.ts != e.ts && !v.toll && !bare_kill && v.event_type.is_violent()
    });
    f.killed_here && !named && !other
}

/// Whether the cue is the agent of a passive: "by"/"por" right before it, or an article
/// between ("por las tropas").
pub(super) fn agent_of_a_passive(s: &Sentence, e: &Hit<EventCue>) -> bool {
    s.agents
        .iter()
        .any(|h| *h.value() == AgentKind::By && h.te <= e.ts && e.ts - h.te <= 1)
}

/// A weak cue ("hit", "destroyed") needs a target noun, a toll or a place; "the attack
/// took place on April 19" in a story about a strike is dated mention of it.
fn weak_supported(s: &Sentence, f: &Facts, e: &Hit<EventCue>, m: Modality) -> bool {
    let cue = e.value();
    // "the council voted to ban drones over the stadium", "el Senado aprobó la reforma
    // laboral": a vote, a ruling or an order is an authorization of force only beside the
    // force it would send, the act of violence or the campaign it concerns, the one who
    // would order it, boats or a state it would be used against ("voted to block strikes on
    // Venezuela", "antes de atacar Venezuela", "rein in the campaign", "required President
    // Trump to seek approval", "force against drug boats", "hostilities against Venezuela")
    if cue.event_type == EventType::Authorization
        && !s
            .forces
            .iter()
            .any(|h| h.value().state.is_some() && h.value().reach == ForceReach::Force)
        && !s.tally.iter().any(|h| *h.value() == TallyKind::Campaign)
        && !s.actors.iter().any(|a| a.value().orders.is_some())
        && !s.targets.iter().any(|t| *t.value() == TargetKind::Vessel)
        && !s.forces.iter().any(|h| {
            h.value().reach == ForceReach::Country
                && s.agents
                    .iter()
                    .any(|a| *a.value() == AgentKind::Against && a.te <= h.ts && h.ts - a.te <= 1)
        })
        && !s.l.events.find_all(&s.ctx.toks).iter().any(|o| {
            o.ts != e.ts
                && (o.value().event_type.is_violent()
                    || o.value().event_type == EventType::Deployment)
        })
    {
        return false;
    }
    let dated_mention = s.article_strike && f.real_date && cue.noun && !cue.plural;
    // "Two soldiers died in the fighting": a force's bare name with its dead is no deployment
    let dead_troops = cue.event_type == EventType::Deployment && cue.noun;
    // "U.S. forces carried out an attack in Somalia on Tuesday": a state force named as its
    // subject, a few words before, makes an attack an armed one
    let by_a_force = s.forces.iter().any(|h| {
        h.value().state.is_some()
            && h.value().reach == ForceReach::Force
            && h.te <= e.ts
            && e.ts - h.te <= 4
    });
    // "soldiers were attacked by gunmen on Thursday": a passive whose agent, right after
    // it, is an armed force or group
    let by_the_armed = || {
        let passive = passive_before(s, e);
        let by = s
            .agents
            .iter()
            .find(|h| *h.value() == AgentKind::By && h.ts >= e.te && h.ts <= e.te + 1);
        passive
            && by.is_some_and(|b| {
                let scene = s.scene();
                // (a force or group, not a state's name: "the Iran-backed group")
                super::agents::armed(&scene)
                    .iter()
                    .any(|a| a.reach == ForceReach::Force && a.ts >= b.te && a.ts <= b.te + 2)
            })
    };
    !s.targets.is_empty()
        || f.killed_here && !dead_troops
        || cue.noun && blamed(s, e)
        || (s.place.is_some() || f.real_date) && by_the_armed()
        || dated_mention
        || (s.place.is_some() || f.real_date) && (cue.event_type != EventType::Strike || by_a_force)
        || m != Modality::Occurred && cue.event_type == EventType::Strike && s.place.is_some()
}

/// Whether an armed actor is blamed for the act the cue names ("the government blamed FARC
/// dissidents for the attack", "attributed the bombing to a gang"): that makes it an act of
/// violence, mostly the story's event, which the blame then names the perpetrator of.
/// Only for a cue with a definite article ("for the attack": the story's event named again;
/// "culparon al Ejército del ataque" alone, with no story, is no event).
fn blamed(s: &Sentence, e: &Hit<EventCue>) -> bool {
    // ("culpó al ELN del ataque": "of" and the article in one word)
    if e.ts == 0 || !(s.l.definite.contains(&s.ctx.toks[e.ts - 1].lower) || blamed_of(s, e.ts)) {
        return false;
    }
    let scene = s.scene();
    let armed = super::agents::armed(&scene);
    super::agents::accused(&scene, e, &armed).is_some()
        || super::agents::attributed(&scene, e, &armed).is_some()
}

/// A strike cue needs something that makes it a military strike: a planned or feared one
/// names who, where or what ("the strike could last a week" is a labour strike); one that
/// happened, with no toll or count, a target, place, date, means or perpetrator (a bare
/// mention joins the story's event, alone it is no event).
fn strike_supported(s: &Sentence, f: &Facts, e: &Hit<EventCue>, m: Modality) -> bool {
    let toks = &s.ctx.toks;
    let object = s.targets.iter().any(|t| *t.value() != TargetKind::Person);
    let role = |r: &[ActorRole]| s.actors.iter().any(|a| r.contains(&a.value().role));
    if m != Modality::Occurred {
        return object
            || s.place.is_some()
            || !s.means.is_empty()
            || s.article_strike
            || role(&[ActorRole::Perpetrator, ActorRole::Official]);
    }
    if f.killed_here || f.counted_strikes {
        return true;
    }
    let support = object
        || s.place.is_some()
        || f.real_date
        || !s.means.is_empty()
        || role(&[ActorRole::Perpetrator])
        || e.value().noun && blamed(s, e);
    if !support && !s.article_strike {
        return false;
    }
    // "the boats it destroyed": only plural targets, named before the verb (its object
    // told first, as a relative clause does), no date, no toll; a verb and the plural
    // targets it takes after it ("struck militant positions near Kismayo") tell an act
    let plural_only = !s.targets.is_empty()
        && s.targets
            .iter()
            .all(|t| !s.l.singular(&toks[t.te - 1].lower) && t.ts < e.ts);
    !(plural_only && !f.real_date && !e.value().noun)
}

/// The claims of the cues themselves: the event type, and the modality with the cue that
/// set it (the event cue when none did).
pub(super) fn claim_cues(rep: &mut Report, s: &Sentence, p: &Picked, src: &Source) {
    let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
    let (e, m) = (&p.e, p.m);
    let et = e.value().event_type;
    let span = [toks[e.ts].start, toks[e.te - 1].end];
    // the value is what the event is, its agent considered (an attack by a group); the rule
    // names the cue's row
    rep.claims.push(Claim {
        field: ClaimField::EventType,
        value: rep.event_type.as_str().into(),
        surface: ctx.surface(span[0], span[1]).to_string(),
        span,
        sentence: ctx.span(),
        source: src.clone(),
        modality: m,
        rule: format!("lex:{}:{}:{}", l.events.file, et.as_str(), e.phrase.text),
        rival: false,
    });
    let (mspan, mrule) = match p.mcue {
        Some(h) => (
            [toks[h.ts].start, toks[h.te - 1].end],
            format!(
                "lex:{}:{}:{}",
                l.modality.file,
                h.value().modality.as_str(),
                h.phrase.text
            ),
        ),
        None => (span, "modality.default_occurred".to_string()),
    };
    rep.claims.push(ctx.claim(
        ClaimField::Modality,
        m.as_str().into(),
        mspan,
        src,
        m,
        mrule,
    ));
}

/// The ordinal word just before an event noun ("a second strike", "the second U.S.
/// strike", "el segundo ataque"), fillers aside.
pub(super) fn ordinal_before(toks: &[Tok], ets: usize, l: &LangLex) -> Option<u32> {
    let mut k = ets;
    while k > 0 && ets - k < 3 {
        k -= 1;
        if let Some(n) = l.nums.ordinal(&toks[k].lower) {
            return Some(n);
        }
        if !l.fillers.contains(&toks[k].lower) {
            return None;
        }
    }
    None
}

/// Whether a definite article opens the event noun at `ets`, up to two words between and none
/// of them a number ("the strike", "el ataque", "the deadly strike", not "the 15th strike"):
/// named as one known. The article must open the event's own noun
/// phrase, so a word between them that names an actor or a force, or is another event's
/// cue, shows the article is that other phrase's ("the president ordered airstrikes": the
/// strikes are not named as known; "la Fuerza Aérea bombardeó").
pub(super) fn definite_of(s: &Sentence, ets: usize) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    (1..=3usize).any(|back| {
        if ets < back || !l.definite.contains(&toks[ets - back].lower) {
            return false;
        }
        let between = ets - back + 1..ets;
        if !toks[between.clone()]
            .iter()
            .all(|t| t.kind == TokKind::Word && l.nums.ordinal(&t.lower).is_none())
        {
            return false;
        }
        let inside = |a: usize, b: usize| a < between.end && b > between.start;
        between.is_empty()
            || !(s.events.iter().any(|h| h.ts != ets && inside(h.ts, h.te))
                || s.actors.iter().any(|h| inside(h.ts, h.te))
                || s.forces.iter().any(|h| inside(h.ts, h.te))
                || s.agents.iter().any(|h| inside(h.ts, h.te)))
    })
}

/// Whether the verb cue at `ets` has for its subject a definite weapon right before it ("the
/// drone hit a wedding", "el dron impactó contra un coche"): the weapon told of already, so
/// the event told again, as a definite event noun is ([`definite_of`]).
pub(super) fn weapon_told_again(s: &Sentence, ets: usize) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    s.means.iter().any(|m| {
        m.te == ets
            && m.ts > 0
            && l.definite.contains(&toks[m.ts - 1].lower)
            && l.grammar.singular(&toks[m.te - 1].lower)
    })
}

/// Whether the event noun at `ets` follows "of" and an article in one word after a verb of
/// blame ("culpó al ELN del ataque", "responsabilizaron del atentado a"): named as one known,
/// as "the attack" of "blamed the ELN for the attack" is.
pub(super) fn blamed_of(s: &Sentence, ets: usize) -> bool {
    ets > 0
        && s.l.grammar.of_article.contains(&s.ctx.toks[ets - 1].lower)
        && s.agents.iter().any(|h| {
            matches!(h.value(), AgentKind::Accuse | AgentKind::Attribute)
                && h.te < ets
                && ets - h.te <= BLAME_REACH
        })
}

/// How many tokens a verb of blame may stand before the event it lays blame for (the actor
/// blamed between them).
const BLAME_REACH: usize = 6;

/// Whether the definite event noun at `ets` is what something is said about: "about",
/// "over", "sobre" right before its determiner ("no se había pronunciado sobre el nuevo
/// ataque"); not "of"/"de", which tie a toll or a detail to it ("los muertos del ataque").
pub(super) fn topic_of(s: &Sentence, ets: usize) -> bool {
    let (l, toks) = (s.l, &s.ctx.toks);
    (1..=3usize).any(|back| {
        ets > back
            && l.definite.contains(&toks[ets - back].lower)
            && l.grammar.topic_link.contains(&toks[ets - back - 1].lower)
            && !l.grammar.of.contains(&toks[ets - back - 1].lower)
    })
}

/// Whether the sentence tells of a game: two words of sport, or one and a score written
/// with a hyphen ("crushed Brighton 4-0", "ganó 3-0 en el Bernabéu"): a player who "struck
/// twice" or "un ataque letal por la banda derecha" is no violence. Words said of games
/// and of much else ("won", "half", "ganó") count only beside a score.
pub(super) fn of_a_game(l: &LangLex, toks: &[Tok]) -> bool {
    let g = &l.grammar;
    let strong = toks
        .iter()
        .filter(|t| g.sport.contains(&t.lower))
        .map(|t| &t.lower)
        .collect::<crate::fxhash::FxSet<_>>()
        .len();
    let weak = toks.iter().any(|t| g.sport_score.contains(&t.lower));
    if strong == 0 && !weak {
        return false;
    }
    let small = |t: &Tok| t.kind == TokKind::Num && t.lower.len() <= 2;
    let score = toks.windows(3).any(|w| {
        small(&w[0])
            && w[1].lower == "-"
            && small(&w[2])
            && w[1].start == w[0].end
            && w[2].start == w[1].end
    });
    strong >= 2 || score
}

/// Whether the sentence tells of a market: two words of trade ("prices", "discount",
/// "tarifas", "aerolíneas"), no dead or hurt counted, no armed group or state as an agent,
/// no armed force but a state's name or adjective (where the market is: "Walmart de
/// México"), none right before an event cue ("U.S. strikes on oil sites sent prices up"
/// tells of strikes), and no weapon: "launched a pre-emptive strike
/// on prices", "lanzaron un ataque frontal contra las tarifas" are no violence.
pub(super) fn of_a_market(
    l: &LangLex,
    toks: &[Tok],
    forces: &[Hit<'_, ForceEntry>],
    agents: &[Hit<'_, AgentKind>],
    events: &[Hit<'_, EventCue>],
) -> bool {
    let words = toks
        .iter()
        .filter(|t| l.grammar.commerce.contains(&t.lower))
        .map(|t| &t.lower)
        .collect::<crate::fxhash::FxSet<_>>()
        .len();
    words >= 2
        // (violence with its dead or hurt, or an armed group or state as an agent, is no
        // market's: "gunmen killed five at a bus terminal selling cheap fares")
        && !l.figures.find_all(toks).iter().any(|f| {
            matches!(f.value().field, Field::Killed | Field::Injured)
        })
        && !agents
            .iter()
            .any(|a| matches!(a.value(), AgentKind::State | AgentKind::Group))
        && forces.iter().all(|f| {
            matches!(f.value().reach, ForceReach::Country | ForceReach::Demonym)
                && !events.iter().any(|e| e.ts >= f.te && e.ts - f.te <= 1)
        })
        && l.means.find_all(toks).is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{analyse, en, es};
    use super::*;

    #[test]
    fn blocked_cues_and_infinitives_are_no_events() {
        let s = analyse(
            en(),
            "He went on hunger strike after plans to hit the boat.",
        );
        assert!(s.events.is_empty(), "{:?}", s.events.len());
        let s = analyse(
            es(),
            "Enviaron buques para atacar lanchas antes de bombardear.",
        );
        assert!(
            s.events
                .iter()
                .all(|e| !s.ctx.toks[e.ts].lower.ends_with("ar")),
            "infinitives kept"
        );
    }

    /// The modality of each event cue kept in `text`.
    fn picked(text: &str) -> Vec<Modality> {
        picked_in(en(), text)
    }

    fn picked_in(l: &'static LangLex, text: &str) -> Vec<Modality> {
        plan(&analyse(l, text)).picked.iter().map(|p| p.m).collect()
    }

    #[test]
    fn a_campaign_reference_is_no_event_but_a_toll_makes_one() {
        assert!(picked("The strikes have drawn criticism from lawmakers.").is_empty());
        assert_eq!(
            picked("The strikes killed four people in the Caribbean on Monday."),
            [Modality::Occurred]
        );
    }

    #[test]
    fn a_labour_strike_is_no_strike_and_a_denial_outweighs_a_mention() {
        assert!(picked("The union said the strike could last a week.").is_empty());
        // the workers, their pay or their action beside the word make it a labour strike
        for text in [
            "Nurses at three hospitals in Lagos began a strike over pay on Monday, union leaders said.",
            "Striking miners blocked the road to the mine near Potosí on Tuesday.",
            "A transport strike paralysed Lima on Thursday as drivers protested extortion by gangs.",
        ] {
            assert!(picked(text).is_empty(), "{text}");
        }
        assert!(!picked("U.S. forces carried out a strike over the weekend on an ISIS cell in northern Somalia.").is_empty());
    }

    #[test]
    fn a_future_tense_strike_is_planned() {
        for text in [
            "El presidente anunció que las Fuerzas Armadas atacarán con drones los campamentos de minería ilegal de la Amazonía en las próximas semanas.",
            "El ministro de Defensa dijo que la Fuerza Aérea bombardeará los laboratorios del Clan del Golfo en el Catatumbo.",
        ] {
            assert_eq!(picked_in(es(), text), [Modality::Planned], "{text}");
        }
        assert_eq!(
            picked_in(en(), "The defense minister said the air force will strike the Clan del Golfo's laboratories in Catatumbo."),
            [Modality::Planned]
        );
    }

    #[test]
    fn figurative_and_computer_attacks_are_no_events() {
        for (l, text) in [
            (en(), "A cyber attack on the customs servers paralysed the port of Buenaventura on Monday."),
            (es(), "Un ataque informático contra los servidores de la aduana paralizó el puerto de Buenaventura el lunes."),
            (es(), "El ministro respondió a un bombardeo de preguntas de los diputados en Bogotá el martes."),
        ] {
            assert!(picked_in(l, text).is_empty(), "{text}");
        }
        let denied = picked("The ministry denied that any strike hit a boat near Venezuela.");
        assert!(!denied.is_empty() && !denied.contains(&Modality::Occurred));
    }

    #[test]
    fn one_event_toll_and_ordinals() {
        let s = analyse(en(), "The death toll from Tuesday's strike rose to four.");
        assert!(s.tally.is_empty(), "one event's toll is no tally cue");
        let s = analyse(en(), "A second strike hit the boat.");
        let e = s.events.iter().find(|e| e.value().noun).unwrap();
        assert_eq!(ordinal_before(&s.ctx.toks, e.ts, s.l), Some(2));
        assert!(!definite_of(&s, e.ts));
        let s = analyse(en(), "The deadly strike hit the boat.");
        let e = s.events.iter().find(|e| e.value().noun).unwrap();
        assert!(definite_of(&s, e.ts));
        // the article opens the agent's phrase, not the strikes'
        let s = analyse(en(), "The president ordered airstrikes on the camps.");
        let e = s.events.iter().find(|e| e.value().noun).unwrap();
        assert!(!definite_of(&s, e.ts));
    }
}
