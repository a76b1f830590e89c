//! Agents: who carried out each event (the codebook's perpetrator), and what that makes of
//! it. A strike or raid is by a state force; violence by a non-state group is an `attack`,
//! kept apart and never counted with strikes.
//!
//! The agent of an event cue is, in this order:
//! 1. an armed actor written right before the cue ("U.S. strike", "ELN attack") or right
//!    after a noun cue, or after "of"/"by" there ("ataque estadounidense", "el ataque de
//!    sicarios", "an attack by ISWAP");
//! 2. the agent of a passive, after "by"/"por" shortly after the cue ("were attacked by
//!    gunmen", "fueron abatidos por militares");
//! 3. the subject: the nearest armed actor before the cue that is not itself a target
//!    (after "against", "on", "contra", "a"), a place (after "in", "en"), a count ("five
//!    gunmen died": mostly the dead), another verb's agent, or the one who says what
//!    follows ("the Houthis said that ...");
//! 4. a state named by its name that says it did it ("Israel said it struck", "Turquía dijo
//!    que bombardeó");
//! 5. a state force that says what follows ("AFRICOM confirmed that an airstrike killed");
//! 6. for a strike or raid with none of these, the state of the one who ordered it: a head
//!    of state or government named before a verb of ordering right before the cue ("Trump
//!    said he had ordered air strikes", "Petro ordenó el bombardeo"; see [`ordered_by`]).
//!
//! A clash ("clash", "enfrentamiento") has two sides: when the sentence names a state force
//! outside a target's phrase, the clash is that force's operation (a raid), whichever side
//! is named first.
//!
//! Armed actors are the named forces and groups of `lexicon/forces.tsv` (with the state of
//! each force) and the generic ones of each language's `agents.tsv` ("troops", "gunmen"),
//! whose state, for a state force, is that of a named force of the same sentence, else the
//! country the event is placed in.

use super::sentence::SentCtx;
use crate::lexicon::{
    ActorEntry, AgentKind, AttrCue, CuePos, EventCue, ForceEntry, ForceReach, Hit, LangLex,
};
use crate::{
    Actor, ActorValue, ClaimField, ClaimValue, EventType, Field, Modality, Report, Role, Source,
};

/// What agent detection reads of a sentence: its words, the armed actors the shared
/// lexicon names in it, and its language's generic agents and markers.
pub(super) struct Scene<'a> {
    pub l: &'a LangLex,
    pub ctx: &'a SentCtx<'a>,
    pub forces: &'a [Hit<'a, ForceEntry>],
    pub agents: &'a [Hit<'a, AgentKind>],
    /// Where the sentence's event cues end: an actor right after one is what it struck.
    pub cue_ends: &'a [usize],
    /// The tokens (first, end) of the sentence's dates: a day between a subject and its event
    /// noun is no distance ("Estados Unidos lanzó el sábado una ola de bombardeos").
    pub date_spans: Vec<(usize, usize)>,
    /// Where the sentence's support phrases end ("backed by"): a force right after one is
    /// not an agent (see [`supported_by`]).
    pub support_ends: &'a [usize],
    /// For the state named with a force's generic name ("Nigeria's army").
    pub gaz: &'a sw_gazetteer::Gazetteer,
    /// "border with", "frontera con": a state named after it is a place, across the border
    /// from the event ("cerca de la frontera con Venezuela").
    pub border: &'a crate::lexicon::PhraseSet<()>,
}

/// An armed actor named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Armed {
    pub ts: usize,
    pub te: usize,
    pub canonical: String,
    /// The state of a state force, when known.
    pub state: Option<String>,
    pub non_state: bool,
    /// A state's name or adjective rather than a force ("Israel", "estadounidense").
    pub reach: ForceReach,
    /// The lexicon row that named it, for the claim's rule.
    pub rule: String,
    /// A state's name read as a place or a target ("a base in Jordan"): it lends its state
    /// to no generic force of the sentence.
    pub placed: bool,
    /// A state's adjective read with the weapon beside it ([`armed_weapon`]), or a force named
    /// by its weapons ("Turkish drones"): a number before it counts the weapons ("two Israeli
    /// missiles"), not people of the state.
    pub weapon: bool,
}

/// Every armed actor of a sentence: named ones first where both match the same words.
pub(super) fn armed(s: &Scene) -> Vec<Armed> {
    let toks = &s.ctx.toks;
    let mut out: Vec<Armed> = s
        .forces
        .iter()
        .map(|h| {
            let mut a = Armed {
                ts: h.ts,
                te: h.te,
                canonical: h.value().canonical.clone(),
                state: h.value().state.clone(),
                non_state: h.value().non_state(),
                reach: h.value().reach,
                rule: format!("lex:forces.tsv:{}", h.phrase.text),
                placed: false,
                weapon: false,
            };
            if a.reach == ForceReach::Demonym {
                armed_weapon(s, &mut a);
            } else {
                // a force named by its weapons ("Turkish drones", "drones ucranianos"): a
                // number before it counts them too
                a.weapon = (a.ts..a.te).any(|k| s.l.means.at(&s.ctx.toks, k).is_some());
            }
            a
        })
        .collect();
    // two states' adjectives joined ("Congolese and Ugandan troops", "soldados congoleños y
    // ugandeses") name neither state's force alone
    let coordinated = coordinated_demonyms(s);
    out.retain(|a| !(a.reach == ForceReach::Demonym && coordinated.contains(&(a.ts, a.te))));
    for h in s.agents.iter() {
        let kind = *h.value();
        if !matches!(kind, AgentKind::State | AgentKind::Group | AgentKind::Head) {
            continue;
        }
        if out.iter().any(|a| a.ts < h.te && h.ts < a.te) {
            continue;
        }
        if kind != AgentKind::Group {
            if let Some(a) = state_named(s, h) {
                out.retain(|o| !(o.ts < a.te && a.ts < o.te));
                out.push(a);
                continue;
            }
        }
        if kind == AgentKind::Head {
            continue;
        }
        out.push(Armed {
            ts: h.ts,
            te: h.te,
            canonical: s
                .ctx
                .surface(toks[h.ts].start, toks[h.te - 1].end)
                .to_string(),
            state: None,
            non_state: kind == AgentKind::Group,
            reach: ForceReach::Force,
            rule: format!("lex:{}:{}", s.l.agents.file, h.phrase.text),
            placed: false,
            weapon: false,
        });
    }
    // a state's name after "in", "on", "against" ("a base in Jordan", "strikes on Iran") is
    // a place or a target: it gives its state to no generic force of the sentence
    for a in out.iter_mut() {
        // (likewise an adjective: "in the central Syrian desert")
        a.placed =
            matches!(a.reach, ForceReach::Country | ForceReach::Demonym) && governed(s, a.ts);
    }
    // ... and a state joined to a placed one by "and" ("between Sudan and Chad", "en Siria e
    // Irak")
    out.sort_by_key(|a| (a.ts, a.te));
    for k in 1..out.len() {
        let (prev, a) = (&out[k - 1], &out[k]);
        let joined = prev.placed
            && matches!(a.reach, ForceReach::Country | ForceReach::Demonym)
            && a.ts == prev.te + 1
            && s.l.grammar.and.contains(&toks[prev.te].lower);
        if joined {
            out[k].placed = true;
        }
    }
    // "a gang led by a former police officer", "un ex militar": one who served in a force is
    // no force
    let former = |at: usize| {
        let g = &s.l.grammar;
        at >= 1
            && (g.former.contains(&toks[at - 1].lower)
                || at >= 2 && toks[at - 1].lower == "-" && g.former.contains(&toks[at - 2].lower))
    };
    out.retain(|a| a.non_state || !former(a.ts));
    out
}

/// The states' adjectives of the sentence joined to another by "and"/"y" ("Congolese and
/// Ugandan troops", "soldados congoleños y ugandeses"), as (first, end) tokens: such a pair
/// names neither state's force alone.
fn coordinated_demonyms(s: &Scene) -> Vec<(usize, usize)> {
    let toks = &s.ctx.toks;
    let and_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| s.l.grammar.and.contains(&t.lower))
    };
    let demonyms = || {
        s.forces
            .iter()
            .filter(|f| f.value().reach == ForceReach::Demonym)
    };
    demonyms()
        .filter(|f| {
            demonyms()
                .any(|g| (g.te + 1 == f.ts && and_at(g.te)) || (f.te + 1 == g.ts && and_at(f.te)))
        })
        .map(|f| (f.ts, f.te))
        .collect()
}

/// A force named generically with its state named beside it: the state's name and a
/// possessive before it ("Pakistan's military", "Nigeria's air force") or "of" and the name
/// after it ("the army of Nigeria", "las Fuerzas Armadas de Ecuador"). The state is a
/// country of the gazetteer named by one to three words there.
fn state_named(s: &Scene, h: &Hit<AgentKind>) -> Option<Armed> {
    let toks = &s.ctx.toks;
    let country = |from: usize, to: usize| -> Option<String> {
        let name = s.ctx.surface(toks[from].start, toks[to - 1].end);
        s.gaz
            .lookup(name)
            .into_iter()
            .find(|p| p.kind == sw_gazetteer::PlaceKind::Country)
            .and_then(|p| p.country.clone())
    };
    // "Pakistan ' s military": the name ends before the apostrophe
    let before = (h.ts >= 3
        && s.l.dates.is_possessive(&toks[h.ts - 2].lower)
        && s.l.dates.is_possessive_ending(&toks[h.ts - 1].lower))
    .then(|| {
        let end = h.ts - 2;
        (1..=3.min(end)).find_map(|n| country(end - n, end).map(|c| (end - n, h.te, c)))
    })
    .flatten();
    // "the army of Nigeria", "el ejército de Pakistán", "de la India"
    let after = || {
        let of = h.te;
        if !toks
            .get(of)
            .is_some_and(|t| s.l.grammar.of.contains(&t.lower))
        {
            return None;
        }
        let from = of
            + 1
            + usize::from(toks.get(of + 1).is_some_and(|t| {
                s.l.grammar.article_sg.contains(&t.lower)
                    || s.l.grammar.article_pl.contains(&t.lower)
            }));
        (1..=3)
            .rev()
            .filter(|n| from + n <= toks.len())
            .find_map(|n| country(from, from + n).map(|c| (h.ts, from + n, c)))
    };
    // "Bolivian soldiers", "the Philippine army", "militares bolivianos", "las fuerzas
    // armadas chadianas": a state's adjective right before or after the force word
    // (not a force named as what was struck, "Syrian military sites", nor one named as
    // another's, "Yemeni forces loyal to the Houthis")
    let described = (h.te < toks.len() && s.l.targets.at(toks, h.te).is_some())
        || s.agents
            .iter()
            .any(|a| *a.value() == AgentKind::Ally && a.ts >= h.te && a.ts <= h.te + 1);
    // (nor two states' adjectives joined: "Congolese and Ugandan troops", "soldados
    // congoleños y ugandeses" are neither's alone)
    let coordinated = coordinated_demonyms(s);
    let demonym = || {
        if described {
            return None;
        }
        s.forces.iter().find_map(|f| {
            let v = f.value();
            (v.reach == ForceReach::Demonym
                && (f.te == h.ts || f.ts == h.te)
                && !coordinated.contains(&(f.ts, f.te)))
            .then(|| v.state.clone().map(|c| (f.ts.min(h.ts), f.te.max(h.te), c)))
            .flatten()
        })
    };
    // "Myanmar military", "Mali army": the state's name right before it
    let name_before = || {
        (1..=3)
            .rev()
            .filter(|&n| n <= h.ts)
            .find_map(|n| country(h.ts - n, h.ts).map(|c| (h.ts - n, h.te, c)))
    };
    let (ts, te, state, how) = before
        .or_else(after)
        .map(|(a, b, c)| (a, b, c, "gazetteer"))
        .or_else(|| demonym().map(|(a, b, c)| (a, b, c, "demonym")))
        .or_else(|| name_before().map(|(a, b, c)| (a, b, c, "gazetteer")))?;
    Some(Armed {
        ts,
        te,
        canonical: s.ctx.surface(toks[ts].start, toks[te - 1].end).to_string(),
        state: Some(state),
        non_state: false,
        reach: ForceReach::Force,
        rule: format!("lex:{}:{}+{how}", s.l.agents.file, h.phrase.text),
        placed: false,
        weapon: false,
    })
}

/// A state's adjective beside a weapon of its forces ("a Turkish drone", "Indian missiles",
/// "un dron israelí", "misiles paquistaníes") names that state's force: the pair is an armed
/// actor anywhere an agent can be, not only beside the cue.
fn armed_weapon(s: &Scene, a: &mut Armed) {
    let toks = &s.ctx.toks;
    // a weapon that is part of an event cue ("a Turkish drone strike", "un ataque con dron
    // israelí") leaves the adjective beside the cue
    let in_cue =
        |m: &Hit<String>| s.cue_ends.contains(&m.te) || s.l.events.at(toks, m.ts).is_some();
    if let Some(m) = s.l.means.at(toks, a.te).filter(|m| !in_cue(m)) {
        a.te = m.te;
        a.reach = ForceReach::Force;
        a.weapon = true;
        return;
    }
    if let Some(m) = (1..=3).filter(|&k| k <= a.ts).find_map(|k| {
        s.l.means
            .at(toks, a.ts - k)
            .filter(|m| m.te == a.ts && !in_cue(m))
    }) {
        a.ts = m.ts;
        a.reach = ForceReach::Force;
        a.weapon = true;
    }
}

/// Whether people of an armed actor are counted right before it ([`counted`]): never the
/// weapons a state's adjective stands beside ("two Israeli missiles hit a house").
fn counted_actor(s: &Scene, a: &Armed) -> bool {
    !a.weapon && counted(s, a.ts)
}

/// Whether a weapon's name ends right before `at` ("aviones de la Fuerza Aérea", "drones of
/// the army"): a force's weapons do what the force does, so "of" there names the agent.
fn weapon_before(s: &Scene, at: usize) -> bool {
    (1..=2).any(|j| {
        at >= j
            && s.l
                .means
                .at(&s.ctx.toks, at - j)
                .is_some_and(|m| m.te == at && !s.cue_ends.contains(&m.te))
    })
}

/// The tokens (first, end) each date of a sentence spans, for [`Scene::date_spans`].
pub(super) fn date_spans(
    dates: &[crate::dates::DateExpr],
    toks: &[crate::tokens::Tok],
) -> Vec<(usize, usize)> {
    dates.iter().map(|d| d.tokens(toks)).collect()
}

/// Whether the actor at `at` is the by-agent of a participle right after a weapon ("drones
/// operated by a criminal group", "drones manejados por el cártel"): it acts through them.
fn wields(s: &Scene, at: usize) -> bool {
    s.agents.iter().any(|h| {
        *h.value() == AgentKind::By
            && h.te <= at
            && (h.te..at).all(|i| is_determiner(s, i))
            && h.ts >= 1
            && weapon_before(s, h.ts - 1)
    })
}

/// Whether the words right before `at` mark what follows as a target or a place.
fn governed(s: &Scene, at: usize) -> bool {
    // "on Tuesday that Turkish drones had bombed": the "on" of a day marks no target
    let day_at = |i: usize| s.date_spans.iter().any(|&(a, _)| a == i);
    let marks = |i: usize| {
        (s.agents
            .iter()
            .any(|h| h.te == i && *h.value() == AgentKind::Against)
            || s.l.grammar.locative.ends_at(&s.ctx.toks, i)
            || s.border.ends_at(&s.ctx.toks, i))
            && !day_at(i)
    };
    // the words between may not hold an event cue ("a los ataques militares": the marker
    // governs the attacks, not the forces after them)
    let cue_between = |from: usize| s.cue_ends.iter().any(|&end| end > from && end <= at);
    // "against the Houthis", "contra los sicarios", "on a military base": up to two words
    // may stand between
    // (four with a compass word among them: "en el sur de Colombia")
    let compass = |from: usize| (from..at).any(|i| s.l.compass.contains(&s.ctx.toks[i].lower));
    // (not past a word that opens its own phrase: "en Culiacán entre soldados y sicarios" is
    // where the clash was, then its sides)
    let opens = |w: &crate::tokens::Word| s.l.grammar.among.contains(w);
    (0..=4).any(|k| {
        at >= k
            && (k <= 2 || compass(at - k))
            && marks(at - k)
            && !cue_between(at - k)
            && s.ctx.toks[at - k..at]
                .iter()
                .all(|t| t.kind == crate::tokens::TokKind::Word && !opens(&t.lower))
    })
}

/// Whether the actor at `at` is another verb's passive agent ("operated by the gang") or
/// another actor's sponsor ("the group aligned with Iran").
fn agent_of_other(s: &Scene, at: usize) -> bool {
    s.agents.iter().any(|h| {
        matches!(*h.value(), AgentKind::By | AgentKind::Ally)
            && h.te <= at
            && (h.te..at).all(|i| is_determiner(s, i))
    })
}

/// Whether the actor at `at` is what a noun before it belongs to ("a senior leader of the
/// al-Qaeda affiliate Hurras al-Din", "un jefe de la banda"): "of" after a word, at most four
/// words between, none of them a verb of telling or its "that"; never the subject of a cue
/// after it. "Members of" names the group's own people, who may act for it.
fn owned(s: &Scene, at: usize) -> bool {
    let toks = &s.ctx.toks;
    (1..=7).any(|k| {
        at > k
            // ("un campamento del ELN": "of" and the article in one word)
            && (s.l.grammar.of.contains(&toks[at - k].lower)
                || s.l.grammar.of_article.contains(&toks[at - k].lower))
            && toks[at - k - 1].kind == crate::tokens::TokKind::Word
            && !member(s, at - k)
            && !weapon_before(s, at - k)
            && !s.cue_ends.iter().any(|&end| end > at - k && end <= at)
            && toks[at - k + 1..at]
                .iter()
                .all(|t| t.kind == crate::tokens::TokKind::Word || t.lower == "-")
            // "el Ministerio de Salud negó que la Fuerza Aeroespacial": a verb of telling,
            // or "that" after a reporting verb, between opens another clause, whose subject
            // the actor is (a relative "que" does not: "un hombre que integraba el Clan")
            && !s.agents.iter().any(|h| {
                let reported = || {
                    (h.ts.saturating_sub(3)..h.ts).any(|v| {
                        s.l.attribution
                            .at(toks, v)
                            .is_some_and(|c| matches!(c.value(), AttrCue::Verb) && c.te <= h.ts)
                    })
                };
                (*h.value() == AgentKind::Tells || *h.value() == AgentKind::That && reported())
                    && h.ts > at - k
                    && h.te <= at
            })
    })
}

/// Whether a verb cue is a participle with no object, a place or time right after it ("the
/// number of militants killed in Tuesday's operation", "insurgents killed during the
/// raid"): the actor right before it is what it struck, not its agent ("militants killed
/// three soldiers" takes an object). One word of killing only: "fired missiles at a base"
/// has its object, and "bandits struck in broad daylight" is no participle.
fn reduced_passive(s: &Scene, e: &Hit<EventCue>) -> bool {
    let toks = &s.ctx.toks;
    !e.value().noun
        && e.value().past
        && e.value().force
        && e.te == e.ts + 1
        && toks
            .get(e.te)
            .is_some_and(|t| s.l.grammar.participle_next.contains(&t.lower))
}

/// Whether counted people right before a verb cue in the past are its subject: the verb
/// takes its object right after it, an article, a number or the object mark ("two gunmen
/// attacked a bar", "dos sicarios mataron a seis personas"); counted people before a verb
/// that takes none are mostly its dead ("seven soldiers killed in an ambush").
fn counted_subject(s: &Scene, e: &Hit<EventCue>, a: &Armed) -> bool {
    let toks = &s.ctx.toks;
    let cue = e.value();
    !cue.noun
        && cue.past
        && a.te == e.ts
        && a.non_state
        && !reduced_passive(s, e)
        && e.te < toks.len()
        // ("four bandits killed the day before", "sicarios abatidos el martes": a day after
        // the verb makes it a participle of the dead)
        && !s
            .date_spans
            .iter()
            .any(|&(a, b)| (a..b).contains(&e.te) || (a..b).contains(&(e.te + 1)))
        // (a verb of killing also reads as the participle of the dead before an article,
        // "15 militants killed a week earlier": its object must be counted or marked)
        && (is_determiner(s, e.te) && !cue.force
            || s.l.grammar.object_mark.contains(&toks[e.te].lower)
            || crate::numbers::number_at(toks, e.te, "", &s.l.nums, 0).is_some_and(|n| !n.article))
}

/// Whether a one-word verb cue's agent follows it: "by"/"por" right after the cue, then an
/// armed actor (an article between at most): "atacado por rebeldes hutíes", "hit by Houthi
/// missiles".
fn agent_follows(s: &Scene, e: &Hit<EventCue>, armed: &[Armed]) -> bool {
    // (a one-word participle: in "repelled an attack by gunmen" "by" is the noun's)
    !e.value().noun
        && e.te == e.ts + 1
        && s.agents.iter().any(|h| {
            *h.value() == AgentKind::By
                && h.ts == e.te
                && armed
                    .iter()
                    .any(|a| a.ts >= h.te && (h.te..a.ts).all(|i| is_determiner(s, i)))
        })
}

/// Whether the cue at `at` is a passive participle ("were attacked", "fueron atacados",
/// "fue perpetrado"): an auxiliary of the passive right before it, or one word before.
fn passive_at(s: &Scene, at: usize) -> bool {
    s.agents
        .iter()
        .any(|h| *h.value() == AgentKind::Passive && h.te <= at && at - h.te <= 1)
}

/// Whether the cue's violence is aimed at a state force or a civilian ship: a state force,
/// a post or a merchant ship named as its target ("an attack on a military base", "ataque
/// contra militares", "attacked an army base"), as the subject of its passive ("policías
/// fueron atacados", "the base came under attack"), or state forces counted among its dead
/// ("killing seven soldiers", "tres militares muertos"). Struck so by no state force named,
/// it is a non-state attack.
pub(super) fn against_state(s: &Scene, e: &Hit<EventCue>, armed: &[Armed]) -> bool {
    let post_at = |i: usize| {
        s.agents.iter().any(|h| {
            h.ts == i
                && matches!(*h.value(), AgentKind::Post | AgentKind::Shipping)
                && !groups_post(s, h, armed)
        })
    };
    let state_at = |i: usize| {
        armed
            .iter()
            .any(|a| a.ts == i && !a.non_state && a.reach == ForceReach::Force)
            || post_at(i)
    };
    // air strikes are a state's, whatever they hit
    if e.value().means.as_deref() == Some("aircraft") {
        return false;
    }
    let n = s.ctx.toks.len();
    let after = (e.te..(e.te + 8).min(n))
        .any(|i| state_at(i) && (governed(s, i) || object_of(s, e, i) || apposition_of(s, e, i)));
    after || passive_subject(s, e, armed, &state_at) || state_dead(s, e, armed)
}

/// Whether the actor at `at` is the direct object of the verb cue `e` ("attacked an army
/// base", "emboscaron a policías", "to strike a military post"): a few words, none a
/// marker, between.
fn object_of(s: &Scene, e: &Hit<EventCue>, at: usize) -> bool {
    // a noun read as a verb ("to strike an army base"): only articles between
    let noun_ok = !e.value().noun || (e.te..at).all(|i| is_determiner(s, i));
    noun_ok
        && at >= e.te
        && at - e.te <= 3
        && s.ctx.toks[e.te..at]
            .iter()
            .all(|t| t.kind == crate::tokens::TokKind::Word && !s.l.grammar.and.contains(&t.lower))
        && !s.agents.iter().any(|h| {
            h.ts >= e.te && h.ts < at && matches!(*h.value(), AgentKind::By | AgentKind::That)
        })
}

/// Whether the actor or post at `at` stands in apposition to the verb cue's object, a name
/// ("hit Tower 22, a small US outpost", "atacaron el cuartel de Tame, una base del
/// Ejército"): the name (at most three words), a comma, then at most three words before it.
fn apposition_of(s: &Scene, e: &Hit<EventCue>, at: usize) -> bool {
    let toks = &s.ctx.toks;
    let word = |t: &crate::tokens::Tok| {
        matches!(
            t.kind,
            crate::tokens::TokKind::Word | crate::tokens::TokKind::Num
        ) && !s.l.grammar.and.contains(&t.lower)
    };
    !e.value().noun
        && (e.te + 1..at.min(e.te + 4)).any(|c| {
            toks[c].lower == ","
                && at - c <= 4
                && toks[e.te..c].iter().all(word)
                && toks[c + 1..at].iter().all(word)
        })
}

/// Whether a post is a non-state group's: the group named right before it or after "of"
/// ("al-Shabaab checkpoints", "los cuarteles de las disidencias"): striking it is no attack
/// on a state.
fn groups_post(s: &Scene, h: &Hit<AgentKind>, armed: &[Armed]) -> bool {
    let toks = &s.ctx.toks;
    let of_then = toks
        .get(h.te)
        .is_some_and(|t| s.l.grammar.of.contains(&t.lower));
    armed.iter().any(|a| {
        a.non_state
            && (a.te == h.ts
                || of_then
                    && a.ts > h.te
                    && a.ts <= h.te + 3
                    && (h.te + 1..a.ts).all(|i| is_determiner(s, i)))
    })
}

/// Whether the cue is a passive ("were attacked", "tras ser atacado", "came under attack")
/// whose subject, the nearest actor or post before it, is a state force, a post or a ship.
fn passive_subject(
    s: &Scene,
    e: &Hit<EventCue>,
    armed: &[Armed],
    state_at: &dyn Fn(usize) -> bool,
) -> bool {
    if !passive_at(s, e.ts) {
        return false;
    }
    let from = e.ts.saturating_sub(20);
    let posts = s
        .agents
        .iter()
        .filter(|h| {
            matches!(*h.value(), AgentKind::Post | AgentKind::Shipping) && !groups_post(s, h, armed)
        })
        .map(|h| h.ts);
    // a force that says what was struck is not it ("Central Command said the port had been
    // hit", "según el Comando Sur, fue atacada una lancha")
    let toks = &s.ctx.toks;
    let source_of = |a: &Armed| {
        (a.ts.saturating_sub(3)..a.ts).any(|k| {
            s.l.attribution.at(toks, k).is_some_and(|h| {
                matches!(h.value(), AttrCue::Verb)
                    && h.te <= a.ts
                    && (h.te..a.ts).all(|i| is_determiner(s, i))
            })
        })
    };
    let nearest = armed
        .iter()
        .filter(|a| !tells_of(s, a.te, e.ts) && !source_of(a))
        .map(|a| a.ts)
        .chain(posts)
        .filter(|&i| i >= from && i < e.ts && !governed(s, i) && !agent_of_other(s, i))
        .max();
    nearest.is_some_and(state_at)
}

/// Whether state forces are counted among the dead of a word said of anyone's violence or
/// of a clash ("killing seven troops", "dejó 11 soldados muertos", "Three Troops Killed in
/// Drone Attack"); a bombing or a strike that kills soldiers among others stays a state's.
fn state_dead(s: &Scene, e: &Hit<EventCue>, armed: &[Armed]) -> bool {
    let cue = e.value();
    (cue.generic || (cue.force && cue.noun))
        && armed.iter().any(|a| {
            !a.non_state
                && a.reach == ForceReach::Force
                && dead_count(s, a.ts)
                && !governed(s, a.ts)
        })
}

/// Whether a count of people stands right before `at`, maybe with an adjective between
/// ("seven troops", "three American troops", "11 soldados"), never a date's ("2026-02-17 the
/// task force").
fn dead_count(s: &Scene, at: usize) -> bool {
    let toks = &s.ctx.toks;
    (1..=2).any(|k| {
        at >= k
            && (k == 1 || !is_determiner(s, at - 1))
            && toks[at - k + 1..at]
                .iter()
                .all(|t| t.kind == crate::tokens::TokKind::Word)
            && !in_date(s, at - k)
            && crate::numbers::number_at(toks, at - k, "", &s.l.nums, 0)
                .is_some_and(|n| !n.article && !n.vague && n.end_tok == at - k + 1)
    })
}

/// Whether "that"/"que" stands between `from` and `to`: the actor before it says something
/// ("the Houthis said that U.S. strikes killed three"), it does not do what follows.
fn said(s: &Scene, from: usize, to: usize, verb_cue: bool) -> bool {
    let toks = &s.ctx.toks;
    s.agents.iter().any(|h| {
        *h.value() == AgentKind::That && h.ts >= from && h.te <= to && !relative_at(s, from, h.ts)
    })
        // "the rebels' media office said 13 U.S. airstrikes hit": a reporting verb with no
        // "that" before a verb cue, not set off by commas ("gunmen, officials said, opened
        // fire"); before a noun it may be the actor's own claim ("the group claimed a bombing")
        // ... unless a passive stands between: what the actor shows or says was done to
        // something ("the Houthis released footage of a tanker being attacked and sunk")
        // leaves the actor's part to the passive's rules
        || verb_cue && (from..to).any(|k| {
            s.l.attribution.at(toks, k).is_some_and(|h| {
                matches!(h.value(), AttrCue::Verb)
                    && h.te < to
                    && !super::sentence::is_clause_break(&toks[h.te])
                    && !s.agents.iter().any(|p| {
                        *p.value() == AgentKind::Passive && p.ts >= h.te && p.te <= to
                    })
            })
        })
}

/// The state force that sums up its own strikes as the subject of a total ("Africa Command
/// has now conducted more than 80 air strikes in Somalia", "the U.S. military has carried
/// out more than 80 airstrikes"): the first state force before the strike cue at `cue_ts`
/// that is no target, place, sponsor or support, when no agent stands beside the cue.
pub(super) fn summing_force(s: &Scene, armed: &[Armed], cue_ts: usize) -> Option<Armed> {
    armed
        .iter()
        .find(|a| {
            !a.non_state
                && a.reach == ForceReach::Force
                && a.te <= cue_ts
                && !governed(s, a.ts)
                && !struck(s, a.ts)
                && !agent_of_other(s, a.ts)
                && !supported_by(s.support_ends, a.ts)
                && !armed
                    .iter()
                    .any(|b| b.non_state && b.ts >= a.te && b.te <= cue_ts)
                // ("army bases have come under 50 drone strikes by ISWAP": the force's posts
                // struck, the strikes another's)
                && !armed.iter().any(|b| b.ts >= cue_ts)
                && s.l.targets.at(&s.ctx.toks, a.te).is_none()
                && !s
                    .agents
                    .iter()
                    .any(|h| *h.value() == AgentKind::Post && h.ts < a.te && h.te > a.ts)
        })
        .cloned()
}

/// Whether a verb of saying right after a state's name (which ends at `from`, an auxiliary
/// between at most) is followed by the state itself as the subject of the cue `e`: "it" and
/// the cue within eight words ("Israel said it killed a commander in a strike"), or, in a
/// language that drops the subject, "that" and the cue's verb right after it ("Turquía dijo
/// que bombardeó", "que había bombardeado"); never a noun there ("dijo que un ataque mató a
/// dos soldados" is someone's attack told by the state).
fn says_it_did(s: &Scene, from: usize, e: &Hit<EventCue>) -> bool {
    let (toks, g) = (&s.ctx.toks, &s.l.grammar);
    let Some(verb) = (from..(from + 2).min(e.ts)).find_map(|k| {
        s.l.attribution
            .at(toks, k)
            .filter(|h| matches!(h.value(), AttrCue::Verb))
    }) else {
        return false;
    };
    let Some(next) = toks.get(verb.te).filter(|_| verb.te < e.ts) else {
        return false;
    };
    // "it" right after the verb, or after the day said and "that" ("Israel said on Monday
    // that it struck a depot")
    let dated = |i: usize| s.date_spans.iter().any(|&(a, b)| (a..b).contains(&i));
    let mut k = verb.te;
    while k < e.ts && (dated(k) || g.day_prep.contains(&toks[k].lower) && dated(k + 1)) {
        k += 1;
    }
    if k < e.ts && g.that.contains(&toks[k].lower) {
        k += 1;
    }
    if k < e.ts && g.self_subject.contains(&toks[k].lower) {
        return e.ts - k <= 8;
    }
    // "claimed to have struck", "afirmaron haber atacado": a perfect infinitive right after
    // the verb is the speaker's own act
    if k < e.ts && g.infinitive_mark.contains(&toks[k].lower) {
        k += 1;
    }
    if k < e.ts && g.perfect_infinitive.contains(&toks[k].lower) {
        return e.ts == k + 1;
    }
    let right_after =
        e.ts == verb.te + 1 || e.ts == verb.te + 2 && g.perfect.contains(&toks[verb.te + 1].lower);
    g.that.contains(&next.lower) && !e.value().noun && right_after
}

/// Whether a verb of saying (or "that") stands between `from` and `to`: the actor before it
/// tells of what follows; not a "that" of a relative clause ([`relative_at`]).
fn tells_of(s: &Scene, from: usize, to: usize) -> bool {
    let toks = &s.ctx.toks;
    (from..to).any(|k| {
        s.l.attribution
            .at(toks, k)
            .is_some_and(|h| matches!(h.value(), AttrCue::Verb) && h.te <= to)
    }) || s.agents.iter().any(|h| {
        *h.value() == AgentKind::That && h.ts >= from && h.te <= to && !relative_at(s, from, h.ts)
    })
}

/// Whether the "that"/"que" at token `at` opens a relative clause of the actor ending at
/// `end`: right after it, or after a comma ("Militares que patrullaban la zona fueron
/// atacados", "troops that were on patrol"); what a speaker tells follows a verb.
fn relative_at(s: &Scene, end: usize, at: usize) -> bool {
    at == end || (at == end + 1 && s.ctx.toks[end].lower == ",")
}

/// Whether a verb of telling stands at `at`, or one word after it ("the Houthis said an air
/// strike killed six", "los hutíes denunciaron un bombardeo"): a group that speaks so tells
/// of what was done to it, it did not do it.
fn speaks(s: &Scene, at: usize) -> bool {
    s.agents
        .iter()
        .any(|h| *h.value() == AgentKind::Tells && (h.ts == at || h.ts == at + 1))
}

/// Whether an event cue ends shortly before `at` with only small words between ("killed
/// multiple ISIS fighters", "ambushed a group of police officers"): the actor is what was
/// struck.
fn struck(s: &Scene, at: usize) -> bool {
    // "insurgents killed during the raid": the subject of a participle with no object, a
    // few words of its name between
    let toks = &s.ctx.toks;
    let reduced = (at + 1..(at + 4).min(toks.len())).find_map(|k| {
        (toks[at..k]
            .iter()
            .all(|t| t.kind == crate::tokens::TokKind::Word))
        .then(|| s.l.events.at(toks, k))
        .flatten()
    });
    if reduced.is_some_and(|h| reduced_passive(s, &h)) {
        return true;
    }
    s.cue_ends.iter().any(|&end| {
        end <= at
            && (at - end <= 2
                || (at - end <= 4
                    && s.ctx.toks[end..at].iter().all(|t| {
                        t.kind == crate::tokens::TokKind::Word
                            && !s.l.grammar.and.contains(&t.lower)
                            && !s.l.grammar.clause_open.contains(&t.lower)
                            && !s.l.grammar.sequel.contains(&t.lower)
                    })))
    })
}

/// Whether a conjunction or a break stands between `from` and `to`: the actor before it is
/// in another clause ("the boat was run by the gang and the strike hit it").
fn joined(s: &Scene, from: usize, to: usize) -> bool {
    s.ctx.toks[from..to]
        .iter()
        .any(|t| s.l.grammar.and.contains(&t.lower) || super::sentence::is_clause_break(t))
}

/// Past a parenthesis around or right after an actor ("el Cártel del Golfo (CDG) lanzó
/// ataques"): where the actor's words end.
fn after_parens(s: &Scene, te: usize) -> usize {
    let toks = &s.ctx.toks;
    let opened = match toks.get(te).map(|t| t.lower.as_str()) {
        Some(")") if (te.saturating_sub(4)..te).any(|i| toks[i].lower == "(") => return te + 1,
        Some("(") => te,
        _ => return te,
    };
    (opened + 1..(opened + 5).min(toks.len()))
        .find(|&i| toks[i].lower == ")")
        .map_or(te, |i| i + 1)
}

/// Whether a number stands right before `at`, maybe with one word between ("four alleged
/// gunmen", "cuatro presuntos sicarios"); not one a comma or a colon ends ("on Oct. 3, U.S.
/// forces").
fn counted(s: &Scene, at: usize) -> bool {
    let toks = &s.ctx.toks;
    let g = &s.l.grammar;
    // "12 presuntos integrantes del ELN murieron", "nine members of the group were killed":
    // the members counted are of it, so it is counted too (an article may stand between)
    // ("14 members of the Los Lobos gang": a name of up to three words may stand before the
    // group's noun)
    if let Some(h) = s.agents.iter().find(|h| {
        *h.value() == AgentKind::Member
            && h.ts < at
            && h.te <= at
            && at - h.te <= 4
            && (h.te..at).all(|i| {
                s.ctx.toks[i].kind == crate::tokens::TokKind::Word
                    && (i == h.te || !is_article(s, i))
            })
    }) {
        if counted(s, h.ts) {
            return true;
        }
    }
    // "four al-Shabaab militants", "ten PKK fighters": people counted with their group named
    // before them are counted, as the group is
    if let Some(f) = s.forces.iter().find(|f| f.ts < at && f.te == at) {
        if counted(s, f.ts) {
            return true;
        }
    }
    // "tres de los delincuentes abatidos", "two of the gunmen were killed", "cuatro de los
    // presuntos guerrilleros": a part counted of them is counted too
    for k in 0..=1 {
        if at >= 3 + k
            && g.of.contains(&toks[at - 2 - k].lower)
            && g.partitive.contains(&toks[at - 1 - k].lower)
            && toks[at - k..at]
                .iter()
                .all(|t| t.kind == crate::tokens::TokKind::Word)
        {
            return counted(s, at - 2 - k);
        }
    }
    (1..=2).any(|k| {
        at >= k
            && !in_date(s, at - k)
            && crate::numbers::number_at(toks, at - k, "", &s.l.nums, 0).is_some_and(|n| {
                !n.article
                    && !n.vague
                    && n.end_tok + k > at
                    && toks[n.end_tok.min(at)..at]
                        .iter()
                        .all(|t| t.kind == crate::tokens::TokKind::Word)
            })
    })
}

/// How many tokens stand from `from` to `to`, the words of a date aside: "the army on
/// Saturday carried out an operation" has its subject as near its cue as "the army carried
/// out an operation".
fn words_between(s: &Scene, from: usize, to: usize) -> usize {
    let toks = &s.ctx.toks;
    // a day's preposition with it ("on Saturday")
    let within = |i: usize| {
        s.date_spans.iter().any(|&(a, b)| {
            let prep = a > 0 && s.l.grammar.day_prep.contains(&toks[a - 1].lower);
            a - usize::from(prep) <= i && i < b
        })
    };
    // a compound joined by a hyphen is one word ("launched large-scale retaliatory
    // strikes"): the hyphen and the piece it joins on are not counted again
    let joined_on = |i: usize| {
        i > 0 && {
            let (a, b) = (&toks[i - 1], &toks[i]);
            a.end == b.start && (a.lower == "-" || b.lower == "-")
        }
    };
    (from..to)
        .filter(|&i| !(within(i) || i > from && joined_on(i)))
        .count()
}

/// Whether the number at `i` ends a date written with dashes or slashes ("2025-07-10").
fn in_date(s: &Scene, i: usize) -> bool {
    i > 0 && matches!(s.ctx.toks[i - 1].lower.as_str(), "-" | "/")
}

/// Whether the word at `i` is in a "members of" phrase ("por presuntos integrantes del
/// cártel").
fn member(s: &Scene, i: usize) -> bool {
    s.agents
        .iter()
        .any(|h| *h.value() == AgentKind::Member && h.ts <= i && i < h.te)
}

/// An article, definite or not ("the", "a", "un").
fn is_determiner(s: &Scene, i: usize) -> bool {
    let w = &s.ctx.toks[i].lower;
    is_article(s, i) || s.l.grammar.boat_article.contains(w) || s.l.nums.is_article(w)
}

fn is_article(s: &Scene, i: usize) -> bool {
    let w = &s.ctx.toks[i].lower;
    s.l.grammar.article_sg.contains(w) || s.l.grammar.article_pl.contains(w)
}

/// Whether a "by"/"of" marker (and articles) alone stand between `from` and `to`.
fn only_links(s: &Scene, from: usize, to: usize, by_only: bool) -> bool {
    (from..to).all(|i| {
        let t = &s.ctx.toks[i];
        is_article(s, i)
            || s.agents
                .iter()
                .any(|h| h.ts == i && h.te == i + 1 && *h.value() == AgentKind::By)
            || (!by_only && s.l.grammar.of.contains(&t.lower))
    })
}

/// How many tokens after a clash noun its second side may stand ("a clash between the
/// insurgents of the northern front and government troops").
const CLASH_SIDES_REACH: usize = 10;

/// The actor an event cue is attributed to: a verb of attributing right before the cue (an
/// article between), and the actor within three words after it ("atribuyó el ataque a una
/// banda", "attributed the bombing to al-Shabaab").
pub(super) fn attributed(s: &Scene, e: &Hit<EventCue>, armed: &[Armed]) -> Option<Armed> {
    // ("responsabilizó del ataque a ...": "of" may stand before the event)
    let verb_before = s.agents.iter().any(|h| {
        *h.value() == AgentKind::Attribute
            && h.te <= e.ts
            && (h.te..e.ts).all(|i| {
                let w = &s.ctx.toks[i].lower;
                is_article(s, i)
                    || is_determiner(s, i)
                    || s.l.grammar.of.contains(w)
                    || s.l.grammar.of_article.contains(w)
            })
    });
    // right after, or at the end of a group's name of a few words after "a"/"to" ("atribuyó
    // el atentado a la columna Jaime Martínez de las disidencias"; not "el bombardeo contra
    // un campamento de las disidencias"); `from` is the token before what may name it (the
    // cue's last, or the mark's) or the first of it (the cue's end), so "a"/"to" is looked
    // for at either
    let after = |from: usize| {
        armed
            .iter()
            .find(|a| {
                a.ts > from
                    && a.reach != ForceReach::Demonym
                    && (a.ts <= from + 3
                        || a.non_state
                            && a.ts <= from + ATTRIBUTED_REACH
                            && (from..=from + 1).any(|k| {
                                s.ctx.toks.get(k).is_some_and(|t| {
                                    s.l.grammar.object_mark.contains(&t.lower)
                                        || s.l.grammar.infinitive_mark.contains(&t.lower)
                                })
                            })
                            && s.ctx.toks[from + 1..a.ts]
                                .iter()
                                .all(|t| t.kind == crate::tokens::TokKind::Word))
            })
            .cloned()
    };
    if verb_before {
        return after(e.te);
    }
    // the event, then who it is attributed to, later in the sentence ("..., hecho que las
    // autoridades atribuyeron a disidencias de las FARC", "..., which police attributed to
    // a separatist group")
    s.agents
        .iter()
        .filter(|h| match h.value() {
            AgentKind::Attribute => h.ts >= e.te,
            AgentKind::AttributedTo => {
                h.ts >= e.te
                    && e.value().noun
                    && (h.ts <= e.te + 2 || modifiers_only(s, e.te, h.ts))
            }
            _ => false,
        })
        .find_map(|h| after(h.te - 1))
}

/// How many tokens an event noun's own day and place may fill before "attributed to" (see
/// [`modifiers_only`]).
const ATTRIBUTED_GAP: usize = 7;

/// "el ataque del viernes en Michoacán, atribuido a un cártel", "the bombing of Monday in
/// Borno, claimed by ISWAP": between an event noun and the participle only its day, its place
/// and the comma closing them (up to [`ATTRIBUTED_GAP`] tokens): no target, which the
/// participle would be said of ("el ataque contra una lancha, atribuida al Tren de Aragua"),
/// no other cue, no comma but the last.
fn modifiers_only(s: &Scene, from: usize, to: usize) -> bool {
    let toks = &s.ctx.toks;
    to <= from + ATTRIBUTED_GAP
        && (from..to).all(|k| {
            s.l.targets.at(toks, k).is_none()
                && !s.cue_ends.contains(&(k + 1))
                && (!crate::pipeline::sentence::is_clause_break(&toks[k]) || k + 1 == to)
                && (toks[k].kind == crate::tokens::TokKind::Word
                    || crate::pipeline::sentence::is_clause_break(&toks[k])
                    || s.date_spans.iter().any(|&(a, b)| (a..b).contains(&k)))
        })
}

/// How many tokens after the event (or "attributed to") a group it is attributed to may be
/// named, after "a"/"to" and with words only between (a unit's name before its group's).
const ATTRIBUTED_REACH: usize = 8;

/// The actor right after an accusing verb (but for articles) when the cue follows it within
/// a few words ("accused Pakistan of launching air strikes", "acusaron a Israel de
/// bombardear"); never a state's adjective.
pub(super) fn accused(s: &Scene, e: &Hit<EventCue>, armed: &[Armed]) -> Option<Armed> {
    let marks = s.agents.iter().filter(|h| *h.value() == AgentKind::Accuse);
    for h in marks {
        let found = armed.iter().find(|a| {
            a.ts >= h.te
                && a.reach != ForceReach::Demonym
                && (h.te..a.ts).all(|i| is_article(s, i))
                && a.te <= e.ts
                && e.ts - a.te <= 5
        });
        if let Some(a) = found {
            return Some(a.clone());
        }
    }
    None
}

/// The agent of the event cue `e`, if the sentence names one.
pub(super) fn agent_of(s: &Scene, e: &Hit<EventCue>, armed: &[Armed]) -> Option<Armed> {
    // the cue's own words are not its agent ("two of the attackers were killed": the
    // attackers are the dead)
    // ... unless the cue names a group's attacker and no one else is its agent ("a suicide
    // bomber blew himself up at a restaurant": the bomber is the perpetrator)
    if let Some(own) = armed.iter().find(|a| a.ts >= e.ts && a.te <= e.te) {
        let others: Vec<Armed> = armed
            .iter()
            .filter(|a| !(a.ts >= e.ts && a.te <= e.te))
            .cloned()
            .collect();
        let attacker = own.non_state && e.value().event_type == EventType::Attack;
        return agent_of(s, e, &others).or_else(|| attacker.then(|| own.clone()));
    }
    // "Somali forces, backed by U.S. airstrikes, killed 30": a force named as support is
    // not the agent
    if armed.iter().any(|a| supported_by(s.support_ends, a.ts)) {
        let others: Vec<Armed> = armed
            .iter()
            .filter(|a| !supported_by(s.support_ends, a.ts))
            .cloned()
            .collect();
        return agent_of(s, e, &others);
    }
    let cue = e.value();
    // a state's name that is an agent only as a verb's subject is, beside a noun, where the
    // event was ("the Colombia strike")
    let subject_only = |a: &Armed| {
        s.forces
            .iter()
            .any(|f| f.ts == a.ts && f.te == a.te && f.value().subject_only)
    };
    if cue.noun && armed.iter().any(subject_only) {
        let others: Vec<Armed> = armed.iter().filter(|a| !subject_only(a)).cloned().collect();
        return agent_of(s, e, &others);
    }
    let passive = passive_at(s, e.ts);
    // "investigating who launched the rockets", "se investiga quién disparó": who did it is
    // asked, not told
    if !cue.noun && asked_who(s.l, &s.ctx.toks, e.ts) {
        return None;
    }
    // "un grupo criminal, que mataron a dos", "gunmen who killed two": a relative clause's
    // verb is of the actor it follows
    if !cue.noun
        && !passive
        && e.ts >= 2
        && s.l.grammar.relative.contains(&s.ctx.toks[e.ts - 1].lower)
    {
        let mut j = e.ts - 1;
        if s.ctx.toks[j - 1].lower == "," {
            j -= 1;
        }
        if let Some(a) = armed.iter().find(|a| a.te == j && !struck(s, a.ts)) {
            return Some(a.clone());
        }
    }
    // a clash has two sides: when one is a state force, it is that force's operation, whichever
    // side is named first ("un enfrentamiento entre la guerrilla y el Ejército")
    // (a verb's other side is its object: "murieron tras enfrentarse a soldados")
    if cue.force && (cue.noun || cue.sides) {
        if let Some(a) = armed.iter().find(|a| {
            !a.non_state
                && a.reach == ForceReach::Force
                && (cue.sides || !governed(s, a.ts))
                && !counted_actor(s, a)
        }) {
            return Some(a.clone());
        }
    }
    // an actor accused of the event ("accused Pakistan of launching air strikes",
    // "acusaron a Israel de bombardear")
    if let Some(a) = accused(s, e, armed).or_else(|| attributed(s, e, armed)) {
        return Some(a);
    }
    // 1. beside the cue ("U.S. strike"); not a count ("seven soldiers killed") nor a
    // passive's subject; a number before an actor right before an event noun counts the
    // events ("13 U.S. airstrikes", "tres ataques")
    if let Some(a) = armed.iter().rev().find(|a| {
        a.te <= e.ts
            && only_links(s, a.te, e.ts, true)
            && a.te + 1 >= e.ts
            // ("the attack in Colombia killed four": a state's name after "in" is where; "in
            // a U.S. strike" names whose strike)
            && (!a.placed || cue.noun && a.te == e.ts)
            && (!counted_actor(s, a) || (cue.noun && a.te == e.ts) || counted_subject(s, e, a))
            && !passive
            && !(a.te == e.ts && reduced_passive(s, e))
            // "un carguero de bandera liberiana atacado por rebeldes hutíes": a participle
            // whose agent follows with "by" is that agent's, not its neighbour's
            && !(a.te == e.ts && agent_follows(s, e, armed))
            // "un campamento controlado por el ELN mató": the actor of another verb's
            // passive is not this verb's subject
            && (cue.noun || !agent_of_other(s, a.ts) || wields(s, a.ts))
    }) {
        return Some(a.clone());
    }
    // a verb whose subject is an event noun with its agent beside it: "two American drone
    // strikes hit its bases": the strikes' agent is the verb's
    if !cue.noun && s.cue_ends.contains(&e.ts) {
        if let Some(a) = armed.iter().rev().find(|a| {
            // a count before the actor counts the strikes ("two American drone strikes")
            !a.placed
                && a.te < e.ts
                && e.ts - a.te <= 3
                && s.ctx.toks[a.te..e.ts]
                    .iter()
                    .all(|t| t.kind == crate::tokens::TokKind::Word)
        }) {
            return Some(a.clone());
        }
    }
    // ("to strike Iran", "would strike Hezbollah": a verb the word of a noun cue also is,
    // after an infinitive's mark or an auxiliary, takes its object after it, not its agent)
    // ... as does a gerund after a preposition ("before bombing Iran")
    let gerund = e.ts > 0
        && s.l
            .grammar
            .gerund_prep
            .contains(&s.ctx.toks[e.ts - 1].lower)
        && s.l
            .grammar
            .gerund_ending
            .iter()
            .any(|g| s.ctx.toks[e.te - 1].lower.ends_with(g.as_str()));
    let as_verb = e.ts > 0
        && (gerund
            || s.l.grammar.after_infinitive_mark(&s.ctx.toks, e.ts)
            || (e.ts.saturating_sub(2)..e.ts).any(|k| {
                s.l.modality
                    .at(&s.ctx.toks, k)
                    .is_some_and(|h| h.te == e.ts)
            }));
    if cue.noun && !as_verb {
        // "ataque estadounidense", "el ataque de sicarios", "el primer ataque fatal de los
        // hutíes": right after the noun, or after "of"/"by" with one word before it
        // "ataques aéreos estadounidenses", "un ataque con misiles hutíes": two words may
        // stand between
        if let Some(a) = armed.iter().find(|a| {
            a.ts >= e.te
                && a.ts <= e.te + 4
                && !governed(s, a.ts)
                && !counted_actor(s, a)
                && !s.cue_ends.iter().any(|&end| end > e.te && end <= a.ts)
                // "drone strike kills gang members", "ataque mata a tres sicarios": those
                // after a verb of killing are its dead
                && !(e.te..a.ts).any(|i| {
                    s.l.figures.at(&s.ctx.toks, i).is_some_and(|h| {
                        h.value().field == Field::Killed && h.value().pos != CuePos::After
                    })
                })
                && (e.te..=(e.te + 2).min(a.ts)).any(|k| {
                    s.ctx.toks[e.te..k]
                        .iter()
                        .all(|t| t.kind == crate::tokens::TokKind::Word)
                        // "bombardear campamentos del ELN": a target between is what the
                        // actor after it owns
                        && !(e.te..k).any(|i| s.l.targets.at(&s.ctx.toks, i).is_some())
                        && only_links(s, k, a.ts, false)
                })
        }) {
            // "a clash between insurgents and the army": the group named first is one side,
            // the state force the other; the clash is that force's operation
            if cue.force && a.non_state {
                if let Some(f) = armed.iter().find(|f| {
                    !f.non_state
                        && f.reach == ForceReach::Force
                        && f.ts > a.te
                        && f.ts <= e.te + CLASH_SIDES_REACH
                        && !governed(s, f.ts)
                }) {
                    return Some(f.clone());
                }
            }
            return Some(a.clone());
        }
    }
    // 2. a passive's agent: "by" right before it (but for articles)
    let reach = if passive { 8 } else { 4 };
    let by_at = s
        .agents
        .iter()
        // the cue may end with it ("misiles lanzados por")
        .filter(|h| {
            *h.value() == AgentKind::By && (h.te == e.te || h.ts >= e.te && h.ts <= e.te + reach)
        })
        // "a bombing of a camp run by a FARC faction": a target right before it, a participle
        // between at most (and an adverb before it: "una lancha presuntamente operada por el
        // Clan del Golfo"), makes "by" its own
        .filter(|h| {
            !(e.te..h.ts).any(|i| {
                s.l.targets.at(&s.ctx.toks, i).is_some_and(|t| {
                    t.te <= h.ts
                        && (h.ts - t.te <= 1
                            || h.ts - t.te == 2 && s.l.grammar.adverb(&s.ctx.toks[t.te].lower))
                })
            })
        })
        .map(|h| h.te)
        .collect::<Vec<_>>();
    // ... or over a weapon and "of" ("atacada por un dron de Estados Unidos", "by a drone of
    // the Nigerian Air Force")
    let toks = &s.ctx.toks;
    let weapon = |i: usize| {
        (i.saturating_sub(3)..=i).any(|k| s.l.means.at(toks, k).is_some_and(|m| m.te > i))
    };
    // (the actor's article after "of": "de la Fuerza Aérea de Nigeria")
    let of_at = |a: &Armed| {
        let mut k = a.ts;
        if k > 0 && is_article(s, k - 1) {
            k -= 1;
        }
        (k > 0 && s.l.grammar.of.contains(&toks[k - 1].lower)).then(|| k - 1)
    };
    if let Some(a) = armed.iter().find(|a| {
        by_at.iter().any(|&b| {
            a.ts >= b
                && ((b..a.ts).all(|i| is_determiner(s, i) || member(s, i))
                    // (a state, not a make: "a drone of Israeli make")
                    || a.reach != ForceReach::Demonym
                        && of_at(a).is_some_and(|o| {
                        o > b
                            && (b..o).any(weapon)
                            && (b..o).all(|i| is_determiner(s, i) || weapon(i))
                    }))
        })
    }) {
        return Some(a.clone());
    }
    // 3. the subject: near a noun cue ("gunmen carried out an attack"), anywhere before a
    // verb; never a counted noun ("four alleged smugglers died in a strike": those counted
    // are mostly the dead)
    let reach = if cue.noun { 5 } else { 20 };
    // a verb said only of a state force ("abatiendo a otros cinco") whose sentence names one
    // before it is that force's, whatever group is named between ("deteniendo a 329
    // personas por actos terroristas")
    if cue.by_force && !cue.noun && !passive {
        if let Some(a) = armed.iter().find(|a| {
            !a.non_state
                && a.reach == ForceReach::Force
                && a.te <= e.ts
                && !governed(s, a.ts)
                && !counted_actor(s, a)
        }) {
            return Some(a.clone());
        }
    }
    if let Some(a) = armed
        .iter()
        .rev()
        .filter(|_| !passive)
        .filter(|a| {
            a.te <= e.ts && words_between(s, after_parens(s, a.te).min(e.ts), e.ts) <= reach
        })
        .find(|a| {
            a.reach != ForceReach::Demonym
                && !governed(s, a.ts)
                && !counted_actor(s, a)
                && !agent_of_other(s, a.ts)
                && !owned(s, a.ts)
                && !said(s, a.te, e.ts, !cue.noun)
                && (!a.non_state || !speaks(s, after_parens(s, a.te)))
                && !struck(s, a.ts)
                && (!cue.noun || !joined(s, after_parens(s, a.te), e.ts))
                // "the Somali government welcomed Sunday's airstrike", "el gobierno de
                // Venezuela condenó el ataque": who reacts to an event named after their verb
                // is not its agent
                && !(cue.noun
                    && (a.te..e.ts).any(|k| s.l.grammar.topic_verb.contains(&s.ctx.toks[k].lower)))
        })
    {
        return Some(a.clone());
    }
    // 4. a state named by its name, or a group, that says it did it ("Israel said it killed
    // a commander in a strike", "Turquía dijo que bombardeó", a day of saying between: "said
    // on Monday that it struck"; "the Houthis said they had fired missiles", "los hutíes
    // afirmaron haber atacado"): no other actor between
    if let Some(a) = armed.iter().rev().find(|a| {
        a.te <= e.ts
            && !passive
            && (a.non_state || a.reach == ForceReach::Country)
            && !a.placed
            && !governed(s, a.ts)
            && !armed.iter().any(|b| b.ts >= a.te && b.te <= e.ts)
            && says_it_did(s, a.te, e)
    }) {
        return Some(a.clone());
    }
    // 5. a state force that says what follows: the military speaks of its own strikes
    // ("AFRICOM confirmed that a recent airstrike killed ...", "the army has confirmed it
    // carried out several airstrikes"), a group of what was done to it, so only a state
    // force; a reporting verb with no "that" counts before a noun cue too, since a force's
    // claim of a strike is its own
    if let Some(a) = armed.iter().rev().find(|a| {
        a.te <= e.ts
            && e.ts - a.te <= 20
            && !a.non_state
            && a.reach == ForceReach::Force
            && said(s, a.te, e.ts, true)
            && !governed(s, a.ts)
            && !struck(s, a.ts)
            // "police said militants had planted a bomb that killed four officers": a group
            // named in what is said is that clause's subject, the speaker tells of its act
            // ("AFRICOM said two ISIS operatives had been killed": a group counted, or the
            // subject of a passive, is what was struck)
            && (passive
                || !armed.iter().any(|b| {
                    b.non_state && b.ts >= a.te && b.te <= e.ts && !counted_actor(s, b)
                }))
            // "Iran's military warned that any attack on Iran would be answered": a state's
            // force speaks of violence aimed at its own state, not of its own
            && !armed.iter().any(|b| {
                b.ts >= e.te
                    && b.ts <= e.te + 3
                    && b.reach == ForceReach::Country
                    && b.state.is_some()
                    && b.state == a.state
                    && b.placed
            })
    }) {
        return Some(a.clone());
    }
    None
}

/// Whether an interrogative right before token `at` asks who did what follows ("was
/// investigating who launched the rockets", "quién disparó"); one that is also a relative
/// pronoun only after a word that asks ("investigating", "unclear").
pub(super) fn asked_who(l: &LangLex, toks: &[crate::tokens::Tok], at: usize) -> bool {
    let g = &l.grammar;
    at >= 1
        && g.interrogative.contains(&toks[at - 1].lower)
        && (!g.relative.contains(&toks[at - 1].lower)
            || at >= 2 && g.ask.contains(&toks[at - 2].lower))
}

/// Whether an actor at token `at` is named as support ("backed by U.S. airstrikes"): a
/// support phrase ends at most two words before it.
fn supported_by(support_ends: &[usize], at: usize) -> bool {
    support_ends.iter().any(|&te| te <= at && at - te <= 2)
}

/// Where the support phrases of a sentence end ("backed by", "con apoyo de"), found once
/// per sentence for its event cues and [`Scene::support_ends`]: most sentences have none.
pub(super) fn support_ends(l: &LangLex, toks: &[crate::tokens::Tok]) -> Vec<usize> {
    l.grammar
        .support
        .find_all(toks)
        .iter()
        .map(|h| h.te)
        .collect()
}

/// The state of a generic state force: that of a state named right beside it ("American
/// B-2 bombers", "la aviación paquistaní"), else a named force's of the same sentence when
/// they all agree, else the country of the event's place.
fn fill_state(a: &mut Armed, armed: &[Armed], rep: &Report, toks: &[crate::tokens::Tok]) {
    if a.non_state || a.state.is_some() {
        return;
    }
    // a state's adjective or name beside it: "American B-2 bombers", "la aviación
    // paquistaní"
    let beside = armed.iter().find(|x| {
        x.state.is_some()
            && !x.non_state
            && !x.placed
            && ((x.te <= a.ts
                && a.ts - x.te <= 3
                && toks[x.te..a.ts]
                    .iter()
                    .all(|t| t.kind != crate::tokens::TokKind::Punct || t.lower == "-"))
                || x.ts == a.te)
    });
    if let Some(x) = beside {
        a.state = x.state.clone();
        return;
    }
    let named: Vec<&String> = armed
        .iter()
        .filter(|x| !x.placed)
        .filter_map(|x| x.state.as_ref())
        .collect();
    a.state = match named.split_first() {
        Some((first, rest)) if rest.iter().all(|x| x == first) => Some((*first).clone()),
        _ => rep
            .place
            .as_ref()
            .filter(|p| p.region_code.is_none())
            .and_then(|p| p.country.clone()),
    };
}

/// Whether the armed actor is a force on the ground: one of its words is one of the
/// language's `ground` nouns ("troops", "Pakistani soldiers", "marinos").
pub(super) fn on_the_ground(s: &Scene, a: &Armed) -> bool {
    // the noun may come first, its state's adjective or name after it ("soldados
    // colombianos", "el Ejército de Malí")
    let toks = &s.ctx.toks;
    let g = &s.l.grammar;
    if toks[a.ts..a.te.min(toks.len())]
        .iter()
        .any(|t| g.ground.contains(&t.lower))
    {
        return true;
    }
    // the force's men named before it ("soldados del Ejército", "troops of the army",
    // "marinos de la Armada")
    let mut j = a.ts;
    if j >= 1 && s.l.definite.contains(&toks[j - 1].lower) {
        j -= 1;
    }
    j >= 2 && g.men_of.contains(&toks[j - 1].lower) && g.ground.contains(&toks[j - 2].lower)
}

///
/// `side_before`: the sentence before named a state force and no violence was told yet, so
/// a clash no side of which this sentence names ("Entonces se inició un enfrentamiento")
/// is that force's.
pub(super) fn event_type(
    cue: &EventCue,
    agent: Option<&Armed>,
    at_state: bool,
    side_before: bool,
) -> Option<EventType> {
    let et = cue.event_type;
    match agent {
        // a clash in which state forces died and none fought is a group's attack
        None if et.is_violent() && at_state && (!cue.force || cue.noun) => Some(EventType::Attack),
        // fighting between groups is no state's operation, nor an attack on anyone named
        Some(a) if cue.force && cue.noun && a.non_state => None,
        Some(a) if et.is_violent() && a.non_state => Some(EventType::Attack),
        Some(_) if et == EventType::Attack => Some(EventType::Raid),
        None if cue.force && !cue.by_force && !(side_before && cue.noun) => None,
        // shots fired by no one named ("a man opened fire at a party", "disparó contra su
        // socio") are no state's operation: a state force's is told with its name
        None if cue.generic && et == EventType::Raid => Some(EventType::Attack),
        _ => Some(et),
    }
}

/// The perpetrator of a state force's action that no one is named for ("abatidos"): the
/// forces of the state its place is in.
const UNNAMED_FORCE: &str = "security forces";

/// Records the agent as the report's perpetrator (replacing one the actors lexicon gave
/// without its state), with a claim on its words; a group named as the agent is not also
/// the target.
pub(super) fn set_perpetrator(
    rep: &mut Report,
    agent: Option<Armed>,
    armed: &[Armed],
    by_force: Option<[usize; 2]>,
    ctx: &SentCtx,
    src: &Source,
    m: Modality,
) {
    let Some(mut a) = agent else {
        if let Some(cue) = by_force {
            // "N abatidos", "murieron en una ofensiva militar": a state force's action,
            // named by no one; the place gives its state, and the cue's words are the claim
            let state = rep
                .place
                .as_ref()
                .filter(|p| p.region_code.is_none())
                .and_then(|p| p.country.clone());
            if let Some(p) = rep.actors.iter_mut().find(|x| x.role == Role::Perpetrator) {
                p.state = p.state.clone().or(state);
            } else if let Some(state) = state {
                let by = StatePerpetrator {
                    name: UNNAMED_FORCE.to_string(),
                    state,
                    span: cue,
                    rule: "agent.by_force_place".to_string(),
                };
                by.add(rep, ctx, src, m);
            }
        }
        return;
    };
    fill_state(&mut a, armed, rep, &ctx.toks);
    rep.actors.retain(|x| match x.role {
        Role::Perpetrator => false,
        Role::TargetGroup => !(a.non_state && x.name == a.canonical),
    });
    let span = [ctx.toks[a.ts].start, ctx.toks[a.te - 1].end];
    let named = ctx.surface(span[0], span[1]);
    rep.claims.retain(|c| match c.field {
        ClaimField::Actor(Role::Perpetrator) => false,
        ClaimField::Actor(Role::TargetGroup) => !(a.non_state && c.surface == named),
        _ => true,
    });
    rep.actors.insert(
        0,
        Actor {
            role: Role::Perpetrator,
            name: a.canonical.clone(),
            alleged: false,
            source: src.clone(),
            state: a.state.clone(),
            non_state: a.non_state,
        },
    );
    rep.claims.push(ctx.claim(
        ClaimField::Actor(Role::Perpetrator),
        ClaimValue::Actor(ActorValue {
            alleged: false,
            name: a.canonical,
            state: a.state,
            non_state: a.non_state,
        }),
        span,
        src,
        m,
        a.rule,
    ));
}

/// "U.S. and British jets", "Ecuador y Estados Unidos bombardearon", "fuerzas
/// estadounidenses y ecuatorianas": another state's force, name or adjective joined to the
/// agent by "and" is its partner in the act, a perpetrator too, in the order named (not
/// "between Sudan and Chad": a place).
pub(super) fn add_partners(
    rep: &mut Report,
    agent: Option<&Armed>,
    s: &Scene,
    src: &Source,
    m: Modality,
) {
    let Some(a) = agent.filter(|a| !a.non_state) else {
        return;
    };
    let toks = &s.ctx.toks;
    let and_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| s.l.grammar.and.contains(&t.lower))
    };
    for f in s.forces {
        let v = f.value();
        let Some(state) = v.state.as_ref() else {
            continue;
        };
        let joined = (f.te + 1 == a.ts && and_at(f.te)) || (a.te + 1 == f.ts && and_at(a.te));
        let known = rep
            .actors
            .iter()
            .any(|x| x.role == Role::Perpetrator && x.state.as_ref() == Some(state));
        // (not sources: "according to U.S. and Colombian officials")
        let (lo, hi) = (f.ts.min(a.ts), f.te.max(a.te));
        let source = (lo.saturating_sub(3)..(hi + 2).min(toks.len()))
            .any(|k| s.l.attribution.at(toks, k).is_some());
        if v.non_state() || !joined || known || source || governed(s, f.ts) || governed(s, a.ts) {
            continue;
        }
        let span = [toks[f.ts].start, toks[f.te - 1].end];
        // in the order named: the first named leads ("U.S. and British jets": the U.S.)
        let at = if f.ts < a.ts {
            0
        } else {
            rep.actors
                .iter()
                .position(|x| x.role == Role::Perpetrator)
                .map_or(0, |i| i + 1)
        };
        rep.actors.insert(
            at,
            Actor {
                role: Role::Perpetrator,
                name: v.canonical.clone(),
                alleged: false,
                source: src.clone(),
                state: Some(state.clone()),
                non_state: false,
            },
        );
        rep.claims.push(s.ctx.claim(
            ClaimField::Actor(Role::Perpetrator),
            ClaimValue::Actor(ActorValue {
                alleged: false,
                name: v.canonical.clone(),
                state: Some(state.clone()),
                non_state: false,
            }),
            span,
            src,
            m,
            format!("agent.partner:lex:forces.tsv:{}", f.phrase.text),
        ));
    }
}

/// How many words may stand between the one who gave an order and its verb ("President
/// Trump said on Saturday that he had ordered").
const ORDER_REACH: usize = 15;

/// Rule 6, the one who ordered it, when no force is named as the agent of a strike or raid: a
/// head of state or government or a defence ministry (`actors.tsv`, its `orders` state)
/// named before a verb of ordering right before the cue ("Trump said he had ordered air
/// strikes", "the president had not ordered any strike", "Petro ordenó el bombardeo", "no
/// descarta ordenar ataques"). Its state's forces carried out what it ordered; the claim is
/// on the name of the one who ordered it.
#[allow(clippy::too_many_arguments)]
pub(super) fn ordered_by(
    rep: &mut Report,
    l: &LangLex,
    ctx: &SentCtx,
    actors: &[Hit<ActorEntry>],
    e: &Hit<EventCue>,
    gaz: &sw_gazetteer::Gazetteer,
    src: &Source,
    m: Modality,
) {
    if !matches!(rep.event_type, EventType::Strike | EventType::Raid)
        || rep
            .perpetrator()
            .is_some_and(|p| p.state.is_some() || p.non_state)
    {
        return;
    }
    let toks = &ctx.toks;
    // the verb, at most three words before the cue, only words between ("ordered two new
    // air strikes", "ordenar ataques")
    let Some(verb) = (e.ts.saturating_sub(4)..e.ts).rev().find(|&k| {
        l.grammar.order.contains(&toks[k].lower)
            && toks[k + 1..e.ts]
                .iter()
                .all(|t| t.kind == crate::tokens::TokKind::Word)
    }) else {
        return;
    };
    let Some(who) = actors
        .iter()
        .rfind(|a| a.te <= verb && verb - a.te <= ORDER_REACH && a.value().orders.is_some())
    else {
        return;
    };
    let state = who.value().orders.clone().expect("filtered");
    let Some(country) = gaz.country(&state) else {
        return;
    };
    rep.actors.retain(|x| x.role != Role::Perpetrator);
    rep.claims
        .retain(|c| c.field != ClaimField::Actor(Role::Perpetrator));
    let by = StatePerpetrator {
        name: country.name.clone(),
        state,
        span: [toks[who.ts].start, toks[who.te - 1].end],
        rule: format!("agent.ordered_by:{}", who.phrase.text),
    };
    by.add(rep, ctx, src, m);
}

/// A state's forces as a report's perpetrator, named by no force of the sentence: the
/// words that make them so (`span`) and the rule that read them.
struct StatePerpetrator {
    name: String,
    state: String,
    span: [usize; 2],
    rule: String,
}

impl StatePerpetrator {
    /// Puts it first among the report's actors, with its claim.
    fn add(self, rep: &mut Report, ctx: &SentCtx, src: &Source, m: Modality) {
        rep.actors.insert(
            0,
            Actor {
                role: Role::Perpetrator,
                name: self.name.clone(),
                alleged: false,
                source: src.clone(),
                state: Some(self.state.clone()),
                non_state: false,
            },
        );
        rep.claims.push(ctx.claim(
            ClaimField::Actor(Role::Perpetrator),
            ClaimValue::Actor(ActorValue {
                alleged: false,
                name: self.name,
                state: Some(self.state),
                non_state: false,
            }),
            self.span,
            src,
            m,
            self.rule,
        ));
    }
}

#[cfg(test)]
mod tests {
    //! Passages written for these tests, in both languages and about several states' forces.

    use super::super::testing::extractor;
    use crate::{EventType, Report, ReportKind};
    use sw_model::Lang;

    fn events(lang: Lang, text: &str) -> Vec<Report> {
        extractor()
            .extract(text, lang, chrono::NaiveDate::from_ymd_opt(2025, 11, 7))
            .into_iter()
            .filter(|r| r.kind == ReportKind::Event)
            .collect()
    }

    /// (event type, perpetrator's state or "non_state") of the one event of `text`.
    fn one(lang: Lang, text: &str) -> (EventType, Option<String>) {
        let ev = events(lang, text);
        assert_eq!(ev.len(), 1, "{text}\n{ev:#?}");
        let who = ev[0].perpetrator().map(|a| {
            if a.non_state {
                "non_state".to_string()
            } else {
                a.state.clone().unwrap_or_default()
            }
        });
        (ev[0].event_type, who)
    }

    fn is(et: EventType, who: &str) -> (EventType, Option<String>) {
        (et, Some(who.to_string()))
    }

    #[test]
    fn violence_by_a_group_is_an_attack_not_a_strike() {
        use EventType::*;
        let en = Lang::En;
        let es = Lang::Es;
        assert_eq!(
            one(en, "Al-Shabaab gunmen stormed a hotel in Mogadishu on Friday and the attack killed nine people."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(en, "Insurgents ambushed an army convoy in Borno State on Tuesday, killing four soldiers."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(es, "Sicarios del CJNG emboscaron el martes a una patrulla de la Guardia Nacional en Michoacán."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(
                es,
                "Los hutíes atacaron con misiles un carguero en el mar Rojo el lunes."
            ),
            is(Attack, "non_state")
        );
    }

    #[test]
    fn a_state_force_named_anywhere_around_the_cue_is_the_perpetrator() {
        use EventType::*;
        let en = Lang::En;
        let es = Lang::Es;
        assert_eq!(
            one(
                en,
                "Israeli warplanes struck two sites in southern Lebanon on Tuesday."
            ),
            is(Strike, "IL")
        );
        assert_eq!(
            one(en, "U.S. forces killed a senior al-Qaeda leader in northwest Syria on Thursday, Central Command said."),
            is(Strike, "US")
        );
        assert_eq!(
            one(es, "La Fuerza Aérea Colombiana bombardeó el miércoles un campamento del ELN en el Catatumbo."),
            is(Strike, "CO")
        );
        // the group that says what happened is not who did it
        assert_eq!(
            one(es, "Los hutíes aseguraron que los bombardeos estadounidenses del martes mataron a tres personas en Saná."),
            is(Strike, "US")
        );
        // a command that confirms a strike speaks of its own
        assert_eq!(
            one(en, "On Monday, U.S. Africa Command confirmed that an airstrike in northern Somalia killed several militants."),
            is(Strike, "US")
        );
    }

    #[test]
    fn clashes_and_kills_by_state_forces_are_raids() {
        use EventType::*;
        let es = Lang::Es;
        let en = Lang::En;
        assert_eq!(
            one(es, "Elementos del Ejército Mexicano abatieron el jueves a cinco civiles armados en Culiacán, Sinaloa."),
            is(Raid, "MX")
        );
        // a clash with a state force on either side is that force's operation, its state
        // given by the place when the force is named generically
        assert_eq!(
            one(es, "Un enfrentamiento entre militares y presuntos integrantes de un cártel dejó seis muertos el miércoles en Zacatecas."),
            is(Raid, "MX")
        );
        assert_eq!(
            one(en, "Ecuadorian soldiers repelled an attack by gunmen on a checkpoint in Esmeraldas on Sunday."),
            is(Raid, "EC")
        );
        // no state force: a clash between groups is no strike or raid
        assert!(events(
            es,
            "Un enfrentamiento entre cárteles rivales dejó 12 muertos el martes en Sinaloa."
        )
        .iter()
        .all(|r| !matches!(r.event_type, Strike | Raid)));
        // a kill verb beside the clash it happened in is the clash's
        assert_eq!(
            one(
                en,
                "Mexican troops killed three gunmen in a firefight near Reynosa on Saturday."
            ),
            is(Raid, "MX")
        );
        // a bare "killed" with no state force doing it is no event
        assert!(events(en, "Three people were killed in Port-au-Prince on Monday.").is_empty());
    }

    #[test]
    fn violence_aimed_at_a_state_force_by_no_one_named_is_an_attack() {
        use EventType::*;
        let (en, es) = (Lang::En, Lang::Es);
        assert_eq!(
            one(
                es,
                "Dos policías fueron atacados a balazos el martes en Uruapan, Michoacán."
            )
            .0,
            Attack
        );
        assert_eq!(
            one(
                en,
                "An attack on a military base in Arauca on Sunday killed two soldiers."
            )
            .0,
            Attack
        );
        // a state's adjective on what was struck names no force
        let ev = events(
            en,
            "Caracas denied on Tuesday that any Venezuelan boat was attacked.",
        );
        assert!(ev.iter().all(|r| r.event_type != Attack), "{ev:#?}");
    }

    #[test]
    fn the_attack_told_again_is_of_whoever_the_story_named() {
        let ev = events(
            Lang::En,
            "Gunmen ambushed an army patrol near Tibú on Friday. The attack killed three soldiers, the army said.",
        );
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0].event_type, EventType::Attack);
        assert!(ev[0].perpetrator().is_some_and(|a| a.non_state));
    }

    #[test]
    fn state_forces_struck_or_killed_by_no_state_named_is_an_attack() {
        use EventType::*;
        let (en, es) = (Lang::En, Lang::Es);
        // the direct object of a verb cue is what was struck
        assert_eq!(
            one(en, "Jihadist fighters attacked an army outpost near Djibo with armed drones on Wednesday, killing five soldiers.").0,
            Attack
        );
        // counted state forces among the dead, no agent named
        assert_eq!(
            one(
                en,
                "Two soldiers were killed in a drone attack in North Waziristan on Sunday."
            )
            .0,
            Attack
        );
        assert_eq!(
            one(
                es,
                "Mueren tres militares en un ataque con drones en el Catatumbo el domingo"
            )
            .0,
            Attack
        );
        assert_eq!(
            one(es, "Un enfrentamiento con taladores ilegales dejó nueve soldados muertos el jueves en Loreto.").0,
            Attack
        );
        // the subject of a passive far before its participle, a craft of the police
        assert_eq!(
            one(es, "Un helicóptero de la Policía Nacional cayó el martes en una vereda de Tumaco, Nariño, tras ser atacado con explosivos.").0,
            Attack
        );
        // a post that was the target of an attack, a convoy attacked
        assert_eq!(
            one(en, "Militants attacked a military convoy in North Waziristan on Tuesday, killing six soldiers."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(es, "El cuartel de la Guardia Nacional en Celaya fue blanco de un ataque con granadas el lunes.").0,
            Attack
        );
        // a battalion or a convoy named as the target
        assert_eq!(
            one(
                en,
                "The raid targeted the 72nd Battalion at a base outside Diffa on Monday."
            )
            .0,
            Attack
        );
    }

    #[test]
    fn a_foreign_state_striking_soldiers_stays_its_strike() {
        use EventType::*;
        let (en, es) = (Lang::En, Lang::Es);
        assert_eq!(
            one(en, "The Turkish Air Force struck Syrian army positions near Manbij on Friday, killing four soldiers."),
            is(Strike, "TR")
        );
        assert_eq!(
            one(es, "Aviones israelíes bombardearon el martes posiciones del ejército sirio cerca de Damasco."),
            is(Strike, "IL")
        );
        // an air strike that kills soldiers is a state's, even when no one is named
        assert_eq!(
            one(
                en,
                "An airstrike killed six soldiers at a base near Kassala on Thursday."
            )
            .0,
            Strike
        );
        // state forces that kill gunmen, and a clash in which soldiers died too, stay theirs
        let (et, who) = one(
            en,
            "Mexican soldiers killed eleven suspected cartel gunmen in Tamaulipas on Monday.",
        );
        assert!(matches!(et, Raid | Strike) && who.as_deref() == Some("MX"));
        assert_eq!(
            one(es, "Un enfrentamiento entre la guerrilla y el Ejército dejó siete muertos el viernes en Saravena, Arauca; tres de los muertos eran militares."),
            is(Raid, "CO")
        );
    }

    #[test]
    fn a_group_as_the_agent_of_a_passive_makes_an_attack() {
        use EventType::*;
        let (en, es) = (Lang::En, Lang::Es);
        assert_eq!(
            one(es, "Agentes estatales fueron emboscados el domingo en Tierra Caliente, Guerrero, por presuntos miembros de un grupo criminal, que mataron a dos."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(en, "Two police officers were shot dead in Culiacan on Friday after being attacked by suspected members of a criminal group."),
            is(Attack, "non_state")
        );
        // a group named with its acronym in parentheses is the subject
        assert_eq!(
            one(es, "El Cártel del Golfo (CDG) lanzó una serie de ataques el sábado en Reynosa, Tamaulipas, que dejaron cuatro muertos."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(es, "Vecinos de Chinicuila denunciaron el martes la incursión de hombres fuertemente armados en Michoacán."),
            is(Attack, "non_state")
        );
    }

    #[test]
    fn the_victims_are_never_the_perpetrator() {
        use EventType::*;
        let en = Lang::En;
        let ev = events(
            en,
            "Sinaloa Cartel gunmen ambushed a convoy of police officers near Culiacan on Tuesday in an attack that killed three officers.",
        );
        assert!(!ev.is_empty());
        for r in &ev {
            assert_eq!(r.event_type, Attack, "{ev:#?}");
            assert!(r.perpetrator().is_none_or(|a| a.non_state), "{ev:#?}");
        }
    }

    #[test]
    fn civilian_shipping_struck_by_no_state_is_an_attack() {
        use EventType::*;
        let (en, es) = (Lang::En, Lang::Es);
        assert_eq!(
            one(
                en,
                "A Panama-flagged bulk carrier was attacked in the Gulf of Aden on Sunday."
            )
            .0,
            Attack
        );
        assert_eq!(
            one(es, "Un ataque contra un buque mercante en el golfo de Adén dejó dos marineros muertos el miércoles.").0,
            Attack
        );
        assert_eq!(
            one(es, "Un petrolero con bandera de Malta fue atacado el domingo en el mar Rojo; dos tripulantes murieron.").0,
            Attack
        );
        // a state force named as the agent keeps it a strike
        assert_eq!(
            one(en, "U.S. forces struck a cargo vessel carrying drugs in the Caribbean on Tuesday, killing three."),
            is(Strike, "US")
        );
        // strikes on drug boats are untouched
        assert_eq!(
            one(es, "Un ataque contra una lancha con drogas en el Pacífico dejó tres muertos el martes, informó el Pentágono.").0,
            Strike
        );
    }

    #[test]
    fn a_dateline_is_no_count_of_the_actor_after_it() {
        use EventType::*;
        assert_eq!(
            one(Lang::En, "2025-06-02 The Houthis released footage showing a Greek-owned tanker being attacked and sunk in the Red Sea on Sunday."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(Lang::Es, "2025-06-02 La Marina de México atacó el domingo una embarcación con droga frente a Acapulco, Guerrero, con tres muertos.").1,
            Some("MX".to_string())
        );
    }

    #[test]
    fn posts_and_craft_under_attack_by_no_one_named() {
        use EventType::*;
        assert_eq!(
            one(
                Lang::En,
                "Two army posts in Kidal came under attack on Friday, killing four soldiers."
            )
            .0,
            Attack
        );
        assert_eq!(
            one(Lang::En, "A police helicopter was shot down in Guerrero on Saturday after being attacked by a drone; two officers died.").0,
            Attack
        );
        assert_eq!(
            one(Lang::Es, "Un ataque con drones contra un helicóptero dejó cuatro policías muertos el jueves en Anorí, Antioquia.").0,
            Attack
        );
        assert_eq!(
            one(Lang::Es, "Una aeronave que apoyaba la erradicación de cultivos en Briceño, Antioquia, fue atacada el martes con explosivos.").0,
            Attack
        );
    }

    #[test]
    fn storming_is_a_groups_attack_or_a_state_forces_raid() {
        use EventType::*;
        assert_eq!(
            one(Lang::En, "Al-Shabaab fighters stormed a police station in Baidoa on Friday, killing three officers."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(
                Lang::En,
                "Troops stormed a Boko Haram camp near Bama on Tuesday, killing 12 militants."
            ),
            is(Raid, "NG")
        );
        let ev = events(
            Lang::Es,
            "Seis policías estatales murieron el lunes en una emboscada en Uruapan, Michoacán.",
        );
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0].event_type, Attack);
        assert_eq!(ev[0].figures.killed.as_ref().and_then(|k| k.best), Some(6));
    }

    #[test]
    fn officers_are_a_state_force_whichever_side_they_are_on() {
        use EventType::*;
        assert_eq!(
            one(
                Lang::En,
                "A roadside bomb hit a patrol vehicle near Kidal on Monday, killing four officers."
            )
            .0,
            Attack
        );
        assert_eq!(
            one(Lang::En, "Officers killed two suspected gang members in a shootout in Port-au-Prince on Monday."),
            is(Raid, "HT")
        );
    }

    #[test]
    fn a_states_adjective_beside_its_weapon_is_the_perpetrator() {
        use EventType::*;
        let en = Lang::En;
        let es = Lang::Es;
        assert_eq!(
            one(en, "A Pakistani drone hit a house in the Kunar valley of Afghanistan on Tuesday, killing three people, local officials said."),
            is(Strike, "PK")
        );
        assert_eq!(
            one(en, "Israeli missiles struck a warehouse on the outskirts of Damascus overnight, Syrian state media reported."),
            is(Strike, "IL")
        );
        assert_eq!(
            one(es, "Un dron turco impactó el sábado una camioneta en la provincia iraquí de Duhok y mató a dos milicianos."),
            is(Strike, "TR")
        );
        assert_eq!(
            one(es, "Misiles indios impactaron el miércoles tres campamentos en la región paquistaní de Punjab."),
            is(Strike, "IN")
        );
        // a weapon in the cue leaves the adjective beside it
        assert_eq!(
            one(
                en,
                "A Turkish drone strike killed two fighters near Qamishli on Thursday."
            ),
            is(Strike, "TR")
        );
        assert_eq!(
            one(es, "Un ataque con dron israelí contra un automóvil mató el lunes a dos personas en el sur del Líbano."),
            is(Strike, "IL")
        );
        // the group that tells of a strike on it is not its author
        assert_eq!(
            one(en, "The Houthis said in a statement read on their television channel on Sunday that an American air strike killed six people in Saada."),
            is(Strike, "US")
        );
    }

    #[test]
    fn an_operation_of_a_state_force_that_killed_is_a_raid() {
        use EventType::*;
        // "operativo": a raid when a state force carries it out and its dead are counted
        assert_eq!(
            one(Lang::Es, "Un operativo de la Policía Nacional en las afueras de Esmeraldas dejó cuatro presuntos pandilleros muertos el viernes."),
            is(Raid, "EC")
        );
        assert_eq!(
            one(Lang::Es, "Durante un operativo del Ejército en la sierra de Durango murieron tres presuntos integrantes de una célula criminal."),
            is(Raid, "MX")
        );
        // otherwise a deployment or a search, no event; and beside a cue of violence it
        // names that event, not a second one
        for text in [
            "Un operativo de seguridad de la Policía en el estadio dejó tres detenidos el sábado.",
            "Un operativo de búsqueda de la Armada encontró con vida a dos pescadores el domingo.",
        ] {
            assert!(events(Lang::Es, text).is_empty(), "{text}");
        }
        let ev = events(
            Lang::Es,
            "Un bombardeo de la Fuerza Aérea contra un campamento del ELN dejó siete muertos durante un operativo en Arauca.",
        );
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0].event_type, Strike);
    }

    #[test]
    fn explosives_dropped_by_a_group_are_its_attack() {
        use EventType::*;
        assert_eq!(
            one(Lang::En, "Residents said drones operated by a criminal group dropped explosives on their homes in Michoacán on Sunday, wounding four people."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(Lang::Es, "Drones del cártel arrojaron explosivos sobre viviendas de Apatzingán el domingo y dejaron tres heridos."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(Lang::Es, "Aviones militares lanzaron explosivos sobre un campamento del ELN en Arauca el lunes, según el Ejército."),
            is(Strike, "CO")
        );
    }

    #[test]
    fn a_raid_that_killed_is_a_forces_raid_or_a_groups_attack() {
        use EventType::*;
        assert_eq!(
            one(
                Lang::En,
                "Jihadists raided Kidal on Sunday, killing 12 soldiers."
            ),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(Lang::En, "Kenyan police raided a militant hideout in Garissa on Friday, killing three suspects."),
            is(Raid, "KE")
        );
        // with no one killed, a raid is a search or a drug bust, no event
        assert!(events(
            Lang::En,
            "Police raided a warehouse in Guayaquil on Friday and seized two tonnes of cocaine."
        )
        .is_empty());
    }

    #[test]
    fn opening_fire_is_a_forces_raid_or_a_groups_attack() {
        use EventType::*;
        assert_eq!(
            one(Lang::En, "Soldiers opened fire on a car that failed to stop at a checkpoint near Cúcuta on Monday, killing the driver."),
            is(Raid, "CO")
        );
        assert_eq!(
            one(Lang::Es, "Militares abrieron fuego contra un vehículo que no se detuvo en un retén en Nuevo Laredo el lunes; murió el conductor."),
            is(Raid, "MX")
        );
        assert_eq!(
            one(Lang::Es, "Hombres armados abrieron fuego contra una patrulla de la Guardia Nacional en Celaya el martes y mataron a dos agentes."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(Lang::Es, "Policías dispararon contra un auto que no se detuvo en un retén de Guayaquil el domingo; murió el conductor."),
            is(Raid, "EC")
        );
        // shots fired by no one named are no state's operation
        for (lang, text) in [
            (Lang::En, "A man opened fire at a party in Monterrey on Saturday, killing three people."),
            (Lang::Es, "Desconocidos dispararon contra un puesto militar en la provincia de Sucumbíos la noche del sábado; no hubo heridos."),
        ] {
            assert_eq!(one(lang, text).0, Attack, "{text}");
        }
    }

    #[test]
    fn a_clash_that_began_or_an_aggression_repelled_is_a_raid() {
        use EventType::*;
        // one clash that began is an event, not the start of a campaign; forces that repel
        // an aggression or an ambush carry out a raid
        for (lang, text, state) in [
            (Lang::Es, "Los soldados detectaron a hombres armados en Carchi y se inició un enfrentamiento que terminó con dos presuntos guerrilleros muertos, informó el Ejército.", "EC"),
            (Lang::Es, "Militares repelieron una agresión de un grupo armado en Culiacán el martes; uno de los agresores perdió la vida.", "MX"),
            (Lang::En, "Troops began an assault on the rebel-held town of Kidal on Tuesday, killing 12 fighters, the army said.", "ML"),
        ] {
            let ev = events(lang, text);
            assert_eq!(ev.len(), 1, "{text}\n{ev:#?}");
            assert_eq!(ev[0].kind, crate::ReportKind::Event, "{text}");
            assert_eq!((ev[0].event_type, ev[0].perpetrator().and_then(|a| a.state.clone())), (Raid, Some(state.to_string())), "{text}");
        }
    }

    #[test]
    fn the_actor_an_attack_is_attributed_to_is_its_agent() {
        use EventType::*;
        // the one who attributes it (often the police) is not the agent; the actor after the
        // cue is, and the attack told twice is one attack
        for (lang, text) in [
            (Lang::Es, "Un coche bomba estalló el martes frente a una comisaría de Tumaco y dejó dos muertos, según la Policía, que atribuyó el ataque a una banda criminal."),
            (Lang::En, "A car bomb exploded outside a police station in Quetta on Tuesday, killing five officers; police attributed the attack to a separatist group."),
        ] {
            let ev = events(lang, text);
            assert_eq!(ev.len(), 1, "{text}\n{ev:#?}");
            assert_eq!(ev[0].event_type, Attack, "{text}");
            assert!(ev[0].perpetrator().is_some_and(|a| a.non_state), "{text}");
        }
        // a strike one party blames on another is the other's
        assert_eq!(
            one(Lang::En, "At least 12 people were killed when a strike the rebels blamed on the Saudi-led coalition hit a market in Saada on Sunday night."),
            (Strike, Some("SA".to_string()))
        );
        // the attribution told after the event, later in the sentence
        for (lang, text) in [
            (Lang::Es, "Un policía murió y otros dos resultaron heridos en un ataque con explosivos contra una estación rural de Jamundí el lunes, hecho que las autoridades atribuyeron a disidencias de las FARC."),
            (Lang::En, "Two soldiers were killed in a bomb attack on a checkpoint near Quetta on Monday, which police attributed to a separatist group."),
        ] {
            assert_eq!(one(lang, text), is(Attack, "non_state"), "{text}");
        }
    }

    #[test]
    fn a_suicide_bombing_told_by_its_bomber_is_an_attack() {
        use EventType::*;
        for (lang, text) in [
            (Lang::Es, "Un terrorista suicida se inmoló frente a una base militar en Kabul el domingo y mató a 10 soldados."),
            (Lang::Es, "Una mujer bomba se hizo explotar en un mercado de Maiduguri el viernes; murieron seis personas."),
            (Lang::En, "A man blew himself up at a checkpoint near Kandahar on Sunday, killing four police officers."),
        ] {
            let ev = events(lang, text);
            assert_eq!(ev.len(), 1, "{text}\n{ev:#?}");
            assert_eq!(ev[0].event_type, Attack, "{text}");
        }
    }

    #[test]
    fn reaching_a_target_is_a_strike_only_by_a_state_force() {
        use EventType::*;
        // "alcanzar" tells a strike when a state's weapon or force is its subject
        assert_eq!(
            one(
                Lang::Es,
                "Drones turcos alcanzaron el lunes un vehículo en el norte de Siria."
            ),
            is(Strike, "TR")
        );
        assert_eq!(
            one(Lang::Es, "Un misil estadounidense alcanzó una lancha en el Pacífico el martes y mató a dos personas."),
            is(Strike, "US")
        );
        // a toll that reaches a number, or an agreement reached, is no event
        for text in [
            "La cifra de muertos alcanzó los 53 en Sanaa, según el Ministerio de Salud.",
            "Los negociadores alcanzaron un acuerdo en Doha el martes.",
        ] {
            assert!(events(Lang::Es, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_forces_generic_name_takes_the_state_named_with_it() {
        use EventType::*;
        // the state's name and a possessive before the generic name, or "of" and the name
        // after it; the state is that country, wherever the strike is
        assert_eq!(
            one(
                Lang::En,
                "Pakistan's military carried out air strikes in Khost province on Monday."
            ),
            is(Strike, "PK")
        );
        assert_eq!(
            one(Lang::En, "Kenya's air force bombed an al-Shabaab camp near the Somali border town of Dhobley on Sunday."),
            is(Strike, "KE")
        );
        assert_eq!(
            one(
                Lang::En,
                "The army of Nigeria said it struck an ISWAP base near Lake Chad on Monday."
            ),
            is(Strike, "NG")
        );
        assert_eq!(
            one(
                Lang::Es,
                "La fuerza aérea de Pakistán bombardeó posiciones talibanes en Khost el lunes."
            ),
            is(Strike, "PK")
        );
        assert_eq!(
            one(
                Lang::Es,
                "Las fuerzas de Turquía atacaron posiciones kurdas en el norte de Irak el martes."
            ),
            is(Strike, "TR")
        );
    }

    #[test]
    fn a_command_tells_of_its_own_strike() {
        use EventType::*;
        assert_eq!(
            one(Lang::En, "Africa Command said in a statement released from its headquarters in Stuttgart on Monday that its forces struck an al-Shabaab camp near Jilib."),
            is(Strike, "US")
        );
        assert_eq!(
            one(Lang::Es, "El Comando Sur informó en un comunicado difundido la noche del jueves en sus redes sociales que sus fuerzas atacaron una lancha en el Pacífico."),
            is(Strike, "US")
        );
        // a reporting verb with no "that" before a noun cue: the force's claim of its own
        // strikes, far from the cue
        assert_eq!(
            one(Lang::En, "The Nigerian Air Force has confirmed it carried out a series of precision airstrikes on bandit hideouts in Zamfara on Sunday."),
            is(Strike, "NG")
        );
        assert_eq!(
            one(Lang::Es, "La Fuerza Aérea Colombiana ha confirmado esta semana que en la madrugada del lunes llevó a cabo un bombardeo contra un campamento del ELN en Arauca."),
            is(Strike, "CO")
        );
    }

    #[test]
    fn an_air_force_unnamed_is_the_state_where_it_strikes() {
        use EventType::*;
        let es = Lang::Es;
        assert_eq!(
            one(es, "La Fuerza Aérea bombardeó el jueves un campamento de disidencias en Guaviare y el ministro de Defensa habló de seis guerrilleros muertos."),
            is(Strike, "CO")
        );
        assert_eq!(
            one(es, "La Fuerza Aeroespacial bombardeó el domingo un campamento del ELN en el sur de Bolívar."),
            is(Strike, "CO")
        );
        // the air force that a group attacks is the target, not the author
        assert_eq!(
            one(
                es,
                "Disidencias de las FARC atacaron con drones una base de la Fuerza Aérea en Cali."
            ),
            is(Attack, "non_state")
        );
    }

    #[test]
    fn a_group_after_when_is_the_subject_of_its_own_clause() {
        use EventType::*;
        assert_eq!(
            one(Lang::En, "Nine Kenyan police officers were killed on Sunday when militants linked to al-Shabaab ambushed their convoy in Lamu county."),
            is(Attack, "non_state")
        );
        assert_eq!(
            one(Lang::Es, "Cuatro militares murieron el martes cuando un grupo armado emboscó su patrulla en una carretera rural de Guerrero."),
            is(Attack, "non_state")
        );
        // the group struck by a state force stays its target
        assert_eq!(
            one(Lang::En, "Nigerian jets bombed a camp of armed groups in Zamfara state on Sunday, killing dozens of fighters."),
            is(Strike, "NG")
        );
    }

    #[test]
    fn a_force_after_a_speakers_body_and_that_is_the_subject_not_owned() {
        use EventType::*;
        let (en, es) = (Lang::En, Lang::Es);
        // "of" before the speaker's body no longer reaches over the verb and "that"
        assert_eq!(
            one(es, "El Ministerio de Salud negó que la Fuerza Aeroespacial haya bombardeado un caserío en el Cauca."),
            is(Strike, "CO")
        );
        assert_eq!(
            one(es, "La portavoz de la gobernación de Nariño aseguró que el Ejército ha bombardeado un campamento cerca de Tumaco."),
            is(Strike, "CO")
        );
        assert_eq!(
            one(en, "The office of the governor of Borno said that soldiers had stormed a Boko Haram camp near Damboa, killing 12 fighters."),
            is(Raid, "NG")
        );
        // a force that a noun before it belongs to is still no agent
        assert_eq!(
            one(
                es,
                "Un comandante de la guerrilla murió en un bombardeo en el Guaviare."
            ),
            (Strike, None)
        );
    }

    #[test]
    fn a_perpetrator_the_actors_lexicon_names_keeps_its_state() {
        use EventType::*;
        assert_eq!(
            one(Lang::Es, "El Pentágono habló de cinco milicianos muertos en el bombardeo del jueves cerca de Kismayo, pero los ancianos del clan elevaron la cifra a ocho."),
            is(Strike, "US")
        );
        assert_eq!(
            one(Lang::En, "The Pentagon said three fighters were killed in the strike near Jilib on Thursday, but clan elders put the toll at seven."),
            is(Strike, "US")
        );
    }

    #[test]
    fn the_actor_accused_of_the_event_is_its_perpetrator() {
        use EventType::*;
        assert_eq!(
            one(Lang::En, "Lebanese officials accused Israel of launching air strikes on the Bekaa valley overnight, killing five civilians."),
            is(Strike, "IL")
        );
        assert_eq!(
            one(Lang::Es, "Las autoridades sirias acusaron a Israel del bombardeo de un depósito de armas cerca de Homs el viernes, que mató a tres soldados."),
            is(Strike, "IL")
        );
        // the accused is not the one who struck when the event is aimed at it
        assert_eq!(
            one(Lang::En, "Kenyan officials accused the militants of planning more attacks after gunmen ambushed a police convoy in Mandera, killing four officers."),
            is(Attack, "non_state")
        );
    }

    #[test]
    fn a_group_that_tells_of_a_strike_did_not_carry_it_out() {
        let en = Lang::En;
        let es = Lang::Es;
        for text in [
            "The Houthis said an air strike killed six people in Saada on Sunday.",
            "Al-Shabaab said a drone strike hit one of its camps near Jilib on Friday.",
        ] {
            assert_ne!(one(en, text).1.as_deref(), Some("non_state"), "{text}");
        }
        assert_ne!(
            one(
                es,
                "Los hutíes denunciaron un bombardeo que mató a seis personas en Saada el domingo."
            )
            .1
            .as_deref(),
            Some("non_state")
        );
        // a group that claims its own attack keeps it
        assert_eq!(
            one(en, "Al-Shabaab fighters attacked an army base in Lower Shabelle on Tuesday, the group said."),
            (EventType::Attack, Some("non_state".to_string()))
        );
        // a state force that speaks of its own strike keeps it
        assert_eq!(
            one(
                en,
                "The Indian Army said on Wednesday it struck nine militant camps in Pakistan."
            ),
            (EventType::Strike, Some("IN".to_string()))
        );
    }
}
