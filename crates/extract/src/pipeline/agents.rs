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
//!    follows ("the Houthis said that ...").
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
use crate::lexicon::{AgentKind, AttrCue, EventCue, ForceEntry, ForceReach, Hit, LangLex};
use crate::{Actor, ActorValue, ClaimField, ClaimValue, EventType, Modality, Report, Role, Source};

/// What agent detection reads of a sentence: its words, the armed actors the shared
/// lexicon names in it, and its language's generic agents and markers.
pub(super) struct Scene<'a> {
    pub l: &'a LangLex,
    pub ctx: &'a SentCtx<'a>,
    pub forces: &'a [Hit<'a, ForceEntry>],
    pub agents: &'a [Hit<'a, AgentKind>],
    /// Where the sentence's event cues end: an actor right after one is what it struck.
    pub cue_ends: &'a [usize],
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
}

/// Every armed actor of a sentence: named ones first where both match the same words.
pub(super) fn armed(s: &Scene) -> Vec<Armed> {
    let toks = &s.ctx.toks;
    let mut out: Vec<Armed> = s
        .forces
        .iter()
        .map(|h| Armed {
            ts: h.ts,
            te: h.te,
            canonical: h.value().canonical.clone(),
            state: h.value().state.clone(),
            non_state: h.value().non_state(),
            reach: h.value().reach,
            rule: format!("lex:forces.tsv:{}", h.phrase.text),
        })
        .collect();
    for h in s.agents.iter() {
        let kind = *h.value();
        if !matches!(kind, AgentKind::State | AgentKind::Group) {
            continue;
        }
        if out.iter().any(|a| a.ts < h.te && h.ts < a.te) {
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
        });
    }
    out.sort_by_key(|a| (a.ts, a.te));
    out
}

/// Whether the words right before `at` mark what follows as a target or a place.
fn governed(s: &Scene, at: usize) -> bool {
    let marks = |i: usize| {
        s.agents
            .iter()
            .any(|h| h.te == i && *h.value() == AgentKind::Against)
            || s.l.grammar.locative.ends_at(&s.ctx.toks, i)
    };
    // the words between may not hold an event cue ("a los ataques militares": the marker
    // governs the attacks, not the forces after them)
    let cue_between = |from: usize| s.cue_ends.iter().any(|&end| end > from && end <= at);
    // "against the Houthis", "contra los sicarios", "on a military base": up to two words
    // may stand between
    (0..=2).any(|k| {
        at >= k
            && marks(at - k)
            && !cue_between(at - k)
            && s.ctx.toks[at - k..at]
                .iter()
                .all(|t| t.kind == crate::tokens::TokKind::Word)
    })
}

/// Whether the actor at `at` is another verb's passive agent ("operated by the gang").
fn agent_of_other(s: &Scene, at: usize) -> bool {
    s.agents
        .iter()
        .any(|h| *h.value() == AgentKind::By && h.te <= at && (h.te..at).all(|i| is_article(s, i)))
}

/// Whether the cue at `at` is a passive participle ("were attacked", "fueron atacados",
/// "fue perpetrado"): an auxiliary of the passive right before it, or one word before.
fn passive_at(s: &Scene, at: usize) -> bool {
    s.agents
        .iter()
        .any(|h| *h.value() == AgentKind::Passive && h.te <= at && at - h.te <= 1)
}

/// Whether the cue's violence is aimed at a state force: a state force or post named as its
/// target ("an attack on a military base", "ataque contra militares") or as the subject of
/// its passive ("policías fueron atacados"). Struck so by no one named, it is a non-state
/// attack.
pub(super) fn against_state(s: &Scene, e: &Hit<EventCue>, armed: &[Armed]) -> bool {
    let post_at = |i: usize| {
        s.agents
            .iter()
            .any(|h| h.ts == i && *h.value() == AgentKind::Post)
    };
    let state_at = |i: usize| {
        armed
            .iter()
            .any(|a| a.ts == i && !a.non_state && a.reach == ForceReach::Force)
            || post_at(i)
    };
    let after = (e.te..(e.te + 6).min(s.ctx.toks.len())).any(|i| state_at(i) && governed(s, i));
    let passive_subject = passive_at(s, e.ts)
        && (e.ts.saturating_sub(6)..e.ts).any(|i| state_at(i) && !governed(s, i));
    after || passive_subject
}

/// Whether "that"/"que" stands between `from` and `to`: the actor before it says something
/// ("the Houthis said that U.S. strikes killed three"), it does not do what follows.
fn said(s: &Scene, from: usize, to: usize, verb_cue: bool) -> bool {
    let toks = &s.ctx.toks;
    s.agents
        .iter()
        .any(|h| *h.value() == AgentKind::That && h.ts >= from && h.te <= to)
        // "the rebels' media office said 13 U.S. airstrikes hit": a reporting verb with no
        // "that" before a verb cue, not set off by commas ("gunmen, officials said, opened
        // fire"); before a noun it may be the actor's own claim ("the group claimed a bombing")
        || verb_cue && (from..to).any(|k| {
            s.l.attribution.at(toks, k).is_some_and(|h| {
                matches!(h.value(), AttrCue::Verb)
                    && h.te < to
                    && !super::sentence::is_clause_break(&toks[h.te])
            })
        })
}

/// Whether an event cue ends shortly before `at` with only small words between ("killed
/// multiple ISIS fighters"): the actor is what was struck.
fn struck(s: &Scene, at: usize) -> bool {
    s.cue_ends.iter().any(|&end| end <= at && at - end <= 2)
}

/// Whether a conjunction or a break stands between `from` and `to`: the actor before it is
/// in another clause ("the boat was run by the gang and the strike hit it").
fn joined(s: &Scene, from: usize, to: usize) -> bool {
    s.ctx.toks[from..to]
        .iter()
        .any(|t| s.l.grammar.and.contains(&t.lower) || super::sentence::is_clause_break(t))
}

/// Whether a number stands right before `at`, maybe with one word between ("four alleged
/// gunmen", "cuatro presuntos sicarios").
fn counted(s: &Scene, at: usize) -> bool {
    let toks = &s.ctx.toks;
    (1..=2).any(|k| {
        at >= k
            && crate::numbers::number_at(toks, at - k, "", &s.l.nums, 0)
                .is_some_and(|n| !n.article && !n.vague && n.end_tok + k > at)
    })
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

/// The agent of the event cue `e`, if the sentence names one.
pub(super) fn agent_of(s: &Scene, e: &Hit<EventCue>, armed: &[Armed]) -> Option<Armed> {
    let cue = e.value();
    let passive = passive_at(s, e.ts);
    // 1. beside the cue ("U.S. strike"); not a count ("seven soldiers killed") nor a
    // passive's subject; a number before an actor right before an event noun counts the
    // events ("13 U.S. airstrikes", "tres ataques")
    if let Some(a) = armed.iter().rev().find(|a| {
        a.te <= e.ts
            && only_links(s, a.te, e.ts, true)
            && a.te + 1 >= e.ts
            && (!counted(s, a.ts) || (cue.noun && a.te == e.ts))
            && !passive
    }) {
        return Some(a.clone());
    }
    if cue.noun {
        // "ataque estadounidense", "el ataque de sicarios", "el primer ataque fatal de los
        // hutíes": right after the noun, or after "of"/"by" with one word before it
        // "ataques aéreos estadounidenses", "un ataque con misiles hutíes": two words may
        // stand between
        if let Some(a) = armed.iter().find(|a| {
            a.ts >= e.te
                && a.ts <= e.te + 4
                && !governed(s, a.ts)
                && !counted(s, a.ts)
                && !s.cue_ends.iter().any(|&end| end > e.te && end <= a.ts)
                && (e.te..=(e.te + 2).min(a.ts)).any(|k| {
                    s.ctx.toks[e.te..k]
                        .iter()
                        .all(|t| t.kind == crate::tokens::TokKind::Word)
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
    // a clash has two sides: when one is a state force, it is that force's operation
    if cue.force && cue.noun {
        if let Some(a) = armed
            .iter()
            .find(|a| !a.non_state && a.reach == ForceReach::Force && !governed(s, a.ts))
        {
            return Some(a.clone());
        }
    }
    // 2. a passive's agent: "by" right before it (but for articles)
    let reach = if passive { 8 } else { 4 };
    let by_at = s
        .agents
        .iter()
        .filter(|h| *h.value() == AgentKind::By && h.ts >= e.te && h.ts <= e.te + reach)
        .map(|h| h.te)
        .collect::<Vec<_>>();
    if let Some(a) = armed.iter().find(|a| {
        by_at
            .iter()
            .any(|&b| a.ts >= b && (b..a.ts).all(|i| is_article(s, i)))
    }) {
        return Some(a.clone());
    }
    // 3. the subject: near a noun cue ("gunmen carried out an attack"), anywhere before a
    // verb; never a counted noun ("four alleged smugglers died in a strike": those counted
    // are mostly the dead)
    let reach = if cue.noun { 5 } else { 20 };
    if let Some(a) = armed
        .iter()
        .rev()
        .filter(|_| !passive)
        .filter(|a| a.te <= e.ts && e.ts - a.te <= reach)
        .find(|a| {
            a.reach != ForceReach::Demonym
                && !governed(s, a.ts)
                && !counted(s, a.ts)
                && !agent_of_other(s, a.ts)
                && !said(s, a.te, e.ts, !cue.noun)
                && !struck(s, a.ts)
                && (!cue.noun || !joined(s, a.te, e.ts))
        })
    {
        return Some(a.clone());
    }
    // 4. a state force that says what follows: the military speaks of its own strikes
    // ("AFRICOM confirmed that a recent airstrike killed ..."), a group of what was done to
    // it, so only a state force
    if let Some(a) = armed.iter().rev().find(|a| {
        a.te <= e.ts
            && e.ts - a.te <= 12
            && !a.non_state
            && a.reach == ForceReach::Force
            && said(s, a.te, e.ts, !cue.noun)
            && !governed(s, a.ts)
    }) {
        return Some(a.clone());
    }
    None
}

/// The state of a generic state force: a named force's of the same sentence when they all
/// agree, else the country of the event's place.
fn fill_state(a: &mut Armed, armed: &[Armed], rep: &Report) {
    if a.non_state || a.state.is_some() {
        return;
    }
    let named: Vec<&String> = armed.iter().filter_map(|x| x.state.as_ref()).collect();
    a.state = match named.split_first() {
        Some((first, rest)) if rest.iter().all(|x| x == first) => Some((*first).clone()),
        _ => rep
            .place
            .as_ref()
            .filter(|p| p.region_code.is_none())
            .and_then(|p| p.country.clone()),
    };
}

/// What an event cue is given its agent: `None` when the cue is an event only when a state
/// force carries it out and none does.
pub(super) fn event_type(
    cue: &EventCue,
    agent: Option<&Armed>,
    at_state: bool,
) -> Option<EventType> {
    let et = cue.event_type;
    match agent {
        None if et.is_violent() && at_state && !cue.force => Some(EventType::Attack),
        // fighting between groups is no state's operation, nor an attack on anyone named
        Some(a) if cue.force && cue.noun && a.non_state => None,
        Some(a) if et.is_violent() && a.non_state => Some(EventType::Attack),
        Some(_) if et == EventType::Attack => Some(EventType::Raid),
        None if cue.force && !cue.by_force => None,
        _ => Some(et),
    }
}

/// Records the agent as the report's perpetrator (replacing one the actors lexicon gave
/// without its state), with a claim on its words; a group named as the agent is not also
/// the target.
pub(super) fn set_perpetrator(
    rep: &mut Report,
    agent: Option<Armed>,
    armed: &[Armed],
    by_force: bool,
    ctx: &SentCtx,
    src: &Source,
    m: Modality,
) {
    let Some(mut a) = agent else {
        if by_force {
            // "N abatidos": a state force's action, named by no one
            let state = rep
                .place
                .as_ref()
                .filter(|p| p.region_code.is_none())
                .and_then(|p| p.country.clone());
            if let Some(p) = rep.actors.iter_mut().find(|x| x.role == Role::Perpetrator) {
                p.state = p.state.clone().or(state);
            }
        }
        return;
    };
    fill_state(&mut a, armed, rep);
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
}
