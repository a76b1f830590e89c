//! Modality: whether an event cue tells of something that happened, was denied or
//! negated, or is planned, proposed, threatened or hypothetical; read from the modality cues
//! around it (`modality.tsv`), reported speech, and the cue's own tense.

use crate::lexicon::{AttrCue, EventCue, Hit, LangLex, ModCue, Scope};
use crate::tokens::Tok;
use crate::Modality;

/// The modality of the event cue `e`, and the modality cue that set it. A cue with a
/// modality in reported speech takes it after a reporting verb ("announced that they would
/// launch": planned), or a threat after a verb of threatening ("warned that the army would
/// hit"); a cue that carries its own modality ("retirará") gives it to an event
/// no other cue qualifies.
pub(super) fn of_event<'a>(
    l: &LangLex,
    e: &Hit<EventCue>,
    mods: &[Hit<'a, ModCue>],
    killed_here: bool,
    toks: &[Tok],
) -> (Modality, Option<Hit<'a, ModCue>>) {
    let (mut m, mut mcue) = by_cues(l, e, mods, killed_here, toks);
    if let Some(h) = mcue {
        if let Some(r) = h.value().reported {
            let verb_before = (h.ts.saturating_sub(8)..h.ts).any(|k| {
                l.attribution
                    .at(toks, k)
                    .is_some_and(|v| matches!(v.value(), AttrCue::Verb) && v.te <= h.ts)
            });
            // "warned that the army would hit ...", "advirtió que los ataques empezarán":
            // what a threat says will be done is threatened
            let threat = mods.iter().rfind(|t| {
                t.value().modality == Modality::Threatened && t.te <= h.ts && h.ts - t.te <= 8
            });
            if let Some(t) = threat {
                m = Modality::Threatened;
                mcue = Some(*t);
            } else if verb_before {
                m = r;
            }
        }
    }
    let m = e
        .value()
        .modality
        .filter(|_| m == Modality::Occurred)
        .unwrap_or(m);
    // "empezará muy pronto a atacar", "volverán a bombardear": an infinitive a verb in the
    // future governs is what will be done
    if m == Modality::Occurred && mcue.is_none() && future_governs(l, e, toks) {
        return (Modality::Planned, None);
    }
    (m, mcue)
}

/// How many words before an infinitive cue a verb in the future may govern it ("empezará muy
/// pronto a atacar").
const FUTURE_REACH: usize = 4;

/// Whether the event cue `e` is an infinitive governed by a verb in the future before it in
/// its clause ("empezará a atacar", "volverá a bombardear"), never one in a future's object
/// clause of its own.
fn future_governs(l: &LangLex, e: &Hit<EventCue>, toks: &[Tok]) -> bool {
    let head = &toks[e.ts].lower;
    if !l.grammar.infinitive(head) || e.ts == 0 {
        return false;
    }
    // (quotes around words between are no break: empezará "muy pronto" a atacar)
    let quote = |t: &Tok| matches!(t.lower.as_str(), "\"" | "\u{201c}" | "\u{201d}" | "«" | "»");
    toks[..e.ts]
        .iter()
        .rev()
        .filter(|t| !quote(t))
        .take(FUTURE_REACH)
        .take_while(|t| t.kind == crate::tokens::TokKind::Word)
        .any(|t| l.dates.future_form(&t.lower))
}

/// The modality of the event cue `e`, and the cue that set it. Priority: a negation
/// right before the cue; a condition ("if") after it, unless a threat right before the cue
/// makes it the threat's condition ("threatened to strike if ..."); the nearest plan,
/// proposal, threat or denial before it; the nearest "could"/"would" before it; a sentence-wide cue
/// ("options", "planning"). A finished act with a toll is not reached by sentence-wide
/// cues or by far modal verbs.
fn by_cues<'a>(
    l: &LangLex,
    e: &Hit<EventCue>,
    mods: &[Hit<'a, ModCue>],
    killed_here: bool,
    toks: &[Tok],
) -> (Modality, Option<Hit<'a, ModCue>>) {
    let factual = e.value().past || killed_here;
    // "threatened to strike the camps if the attacks go on": the condition is the threat's
    let threat_before = mods.iter().any(|m| {
        m.value().modality == Modality::Threatened
            && m.te <= e.ts
            && e.ts - m.te <= 6
            && !toks[m.te..e.ts]
                .iter()
                .any(|t| matches!(t.lower.as_str(), ";" | "." | ":"))
    });
    let answered = answered_denial(l, e, mods, killed_here, toks);
    let mut best: Option<(usize, Hit<_>)> = None;
    for m in mods {
        if answered.is_some_and(|a| a.ts == m.ts) {
            continue;
        }
        let v = m.value();
        let strong = matches!(v.modality, Modality::Denied | Modality::Negated);
        let prio = if m.te <= e.ts {
            let dist = e.ts - m.te;
            let semicolon = toks[m.te..e.ts].iter().any(|t| t.lower == ";");
            // "denied bombing villages but confirmed that its troops had killed three",
            // "denies bombing villages, says three rebels killed": a denial does not reach
            // past a "but" or a new telling
            let contrast = strong
                && (m.te..e.ts).any(|k| {
                    l.grammar.contrast.contains(&toks[k].lower)
                        || k > m.te
                            && toks[k - 1].lower == ","
                            && l.attribution
                                .at(toks, k)
                                .is_some_and(|h| matches!(h.value(), AttrCue::Verb))
                });
            if contrast {
                continue;
            }
            match v.scope {
                // (not a participle the negation makes an adjective of, between: "un dron
                // no identificado atacó", "un avión no tripulado bombardeó")
                Scope::Near
                    if dist <= 1
                        && !(dist == 1 && {
                            let w = &toks[m.te].lower;
                            l.grammar
                                .adjective_participle_ending
                                .iter()
                                .any(|x| w.ends_with(x.as_str()))
                        }) =>
                {
                    Some(0)
                }
                Scope::Near => None,
                // it must open its clause (first in the sentence, or after punctuation) and
                // the cue be in that clause: no comma, and no word opening another clause
                // between ("en ningún momento hubo aviso antes del bombardeo")
                Scope::Lead
                    if semicolon
                        || toks[m.te..e.ts].iter().any(|t| {
                            matches!(t.lower.as_str(), "," | ":")
                                || l.grammar.clause_open.contains(&t.lower)
                                || l.grammar.relative.contains(&t.lower)
                                || l.grammar.after.contains(&t.lower)
                        })
                        || m.ts > 0 && toks[m.ts - 1].kind == crate::tokens::TokKind::Word =>
                {
                    None
                }
                Scope::Lead => Some(100 + dist),
                Scope::Aim
                    if dist <= AIM_REACH
                        && !factual
                        && !(m.te..e.ts).any(|k| {
                            toks[k].lower == ","
                                || l.grammar.locative.at(toks, k).is_some()
                                || l.grammar.of.contains(&toks[k].lower)
                        }) =>
                {
                    Some(300 + dist)
                }
                Scope::Aim => None,
                Scope::Whole => Some(50 + dist),
                Scope::Before if semicolon || dist > 10 => None,
                Scope::Before if factual && !strong && dist > 4 => None,
                Scope::Before if v.modality == Modality::Hypothetical => Some(300 + dist),
                // a cue that only cancels another ("consideran que": what is considered is
                // told as fact) gives way to any other cue of the event ("consideran que un
                // ataque en suelo mexicano tendría un costo")
                Scope::Before if v.modality == Modality::Occurred => Some(400 + dist),
                Scope::Before => Some(100 + dist),
                // a condition that opens its sentence or clause binds the act of that clause
                // even told in a tense that can tell a fact ("Si Estados Unidos bombardea
                // Venezuela, la respuesta será inmediata": the present of a headline)
                Scope::Any
                    if factual
                        && !strong
                        && !killed_here
                        && v.modality == Modality::Hypothetical
                        && dist <= 8
                        && (m.ts == 0 || toks[m.ts - 1].kind != crate::tokens::TokKind::Word)
                        && !toks[m.te..e.ts]
                            .iter()
                            .any(|t| matches!(t.lower.as_str(), "," | ";" | ":" | ".")) =>
                {
                    Some(200 + dist)
                }
                Scope::Any if factual && !strong => None,
                Scope::Any => Some(200 + dist),
            }
        } else if m.ts >= e.te
            && v.scope == Scope::Before
            && !factual
            && matches!(v.modality, Modality::Hypothetical | Modality::Planned)
            && (m.ts == e.te
                || e.value().noun && e.value().event_type.is_violent() && governs(l, e, m, toks))
        {
            // a modal right after a noun cue, or after the phrase it heads, as its verb:
            // "such attacks would take place", "strikes will continue", "a strike on
            // cartel labs in Mexico would violate international law", "un ataque contra
            // los cárteles sin el aval del gobierno violaría el derecho internacional"
            Some(300 + (m.ts - e.te))
        } else if m.ts >= e.te && v.scope == Scope::Whole {
            Some(50 + (m.ts - e.te))
        } else if m.ts >= e.te && v.scope == Scope::Any && (!factual || strong) {
            let dist = m.ts - e.te;
            if v.modality == Modality::Hypothetical {
                // a condition after the cue binds it in its own clause ("a strike would
                // follow if talks fail"); past a clause break or far away it is another
                // clause's, often an indirect question ("..., informó el Comando Central,
                // sin precisar si murió", "..., without saying whether anyone died")
                let base = if threat_before { 150 } else { 50 };
                governs(l, e, m, toks).then_some(base + dist)
            } else {
                Some(600 + dist)
            }
        } else {
            None
        };
        if let Some(p) = prio {
            if best.as_ref().is_none_or(|(b, _)| p < *b) {
                best = Some((p, *m));
            }
        }
    }
    match best {
        Some((_, h)) => (h.value().modality, Some(h)),
        None => (Modality::Occurred, None),
    }
}

/// "Afghan officials said Pakistani jets bombed houses in Paktika, killing six civilians;
/// Islamabad denied carrying out any strikes", "vecinos dijeron que aviones nigerianos
/// bombardearon una aldea ...; la Fuerza Aérea negó haber realizado ataques": a denial told
/// after a finished act that a source told of (a verb of telling before the event), past a
/// semicolon or a "but", answers the telling: the act is still told as done (the incident
/// it makes is contested by the denial, [`answered_denial`]'s cue). The denial cue, if so.
pub(super) fn answered_denial<'a>(
    l: &LangLex,
    e: &Hit<EventCue>,
    mods: &[Hit<'a, ModCue>],
    killed_here: bool,
    toks: &[Tok],
) -> Option<Hit<'a, ModCue>> {
    let factual = e.value().past || killed_here;
    let told = (0..e.ts).any(|k| {
        l.attribution
            .at(toks, k)
            .is_some_and(|h| matches!(h.value(), AttrCue::Verb) && h.te <= e.ts)
    });
    if !factual || !told {
        return None;
    }
    let m = mods.iter().find(|m| {
        m.value().modality == Modality::Denied
            && m.ts >= e.te
            && (e.te..m.ts).any(|k| break_at(l, toks, k))
    })?;
    // a denier named before the denial ("Islamabad denied", "la Fuerza Aérea negó"), not the
    // teller taking it back (grammar `retracting`: "they later denied the report", "luego lo
    // negaron")
    let brk = (e.te..m.ts).rev().find(|&k| break_at(l, toks, k))?;
    let named = (brk + 1..m.ts).any(|k| {
        toks[k].kind == crate::tokens::TokKind::Word
            && !l.grammar.retracting.contains(&toks[k].lower)
    });
    // ... denying an act ("denied carrying out any strikes"), not a detail ("denied that any
    // civilians were hurt")
    let of_an_act =
        (m.te..(m.te + DENIED_ACT_REACH).min(toks.len())).any(|k| l.events.at(toks, k).is_some());
    (named && of_an_act).then_some(*m)
}

/// A semicolon or a word of contrast ("but", "pero"): what follows answers what came before.
fn break_at(l: &LangLex, toks: &[Tok], k: usize) -> bool {
    toks[k].lower == ";" || l.grammar.contrast.contains(&toks[k].lower)
}

/// Most tokens from a denial to the act it denies ("denied carrying out any strikes").
const DENIED_ACT_REACH: usize = 6;

/// Most tokens between an `aim` cue and the event cue, no comma, locative or "of" among them
/// ("rumours of a U.S. drone strike": the article, the state's name and the weapon; not
/// "rumores de víctimas civiles en el bombardeo").
const AIM_REACH: usize = 6;

/// Words a noun cue's phrase may run for before its verb ("a strike on cartel labs in
/// northern Mexico without the government's consent would ...").
const PHRASE_SPAN: usize = 14;

/// Whether the modal `m`, after the noun cue `e`, is the verb its phrase is the subject of:
/// near enough, in the same clause (no semicolon, colon, dash or stop between), and with
/// commas only in pairs around an aside ("a raid, analysts say, would ..."): after a lone
/// comma the modal is another clause's ("a drone hit a convoy on Sunday, in what would be
/// the third this month").
fn governs(l: &LangLex, e: &Hit<EventCue>, m: &Hit<ModCue>, toks: &[Tok]) -> bool {
    let between = &toks[e.te..m.ts];
    m.ts - e.te <= PHRASE_SPAN
        && between
            .iter()
            .all(|t| !matches!(t.lower.as_str(), ";" | ":" | "—" | "–" | "." | "?" | "!"))
        && between.iter().filter(|t| t.lower == ",").count() % 2 == 0
        // not past a saying that goes on to a clause of its own ("an airstrike near Jilib,
        // AFRICOM said, adding that it would not release details"; but "a strike, Rubio said,
        // would be a mistake")
        && !(e.te..m.ts).any(|k| {
            l.attribution.at(toks, k).is_some_and(|h| {
                matches!(h.value(), AttrCue::Verb)
                    && (h.te..m.ts).any(|j| l.grammar.that.contains(&toks[j].lower))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{analyse, en, es};
    use super::*;

    fn first(l: &'static LangLex, text: &str) -> Modality {
        let s = analyse(l, text);
        let e = s.events.first().expect("an event cue");
        of_event(l, e, &s.mods, s.killed_here, &s.ctx.toks).0
    }

    #[test]
    fn plans_threats_negations_and_facts() {
        assert_eq!(
            first(en(), "U.S. forces struck a boat in the Caribbean."),
            Modality::Occurred
        );
        assert_eq!(
            first(
                en(),
                "The Pentagon is planning strikes on targets inside Venezuela."
            ),
            Modality::Planned
        );
        assert_eq!(
            first(
                en(),
                "Officials denied that a strike took place near the coast."
            ),
            Modality::Denied
        );
        assert_eq!(
            first(es(), "El gobierno podría atacar objetivos en Venezuela."),
            Modality::Hypothetical
        );
    }

    #[test]
    fn a_threat_keeps_its_condition() {
        for (l, text) in [
            (
                en(),
                "The minister threatened to launch air strikes on the camps if the group did not disarm.",
            ),
            (
                es(),
                "Los rebeldes amenazaron el lunes con atacar buques en el golfo si continúa el bloqueo.",
            ),
        ] {
            assert_eq!(first(l, text), Modality::Threatened, "{text}");
        }
        // with no threat, the condition rules
        assert_eq!(
            first(
                en(),
                "The army would launch air strikes on the camps if the group did not disarm."
            ),
            Modality::Hypothetical
        );
    }

    #[test]
    fn reported_speech_makes_a_plan() {
        let m = first(
            en(),
            "Officials announced that they would launch strikes against the cartel.",
        );
        assert_eq!(m, Modality::Planned);
    }

    /// Passages written for this test: a toll under a modal is what might happen.
    #[test]
    fn a_toll_under_a_modal_is_no_finished_act() {
        use crate::ReportKind;
        let ex = super::super::testing::extractor();
        let p = chrono::NaiveDate::from_ymd_opt(2025, 11, 10);
        for (lang, text) in [
            (sw_model::Lang::En, "A first wave of strikes on cartel camps could kill dozens of gunmen if the plan is approved, officials said on Monday."),
            (sw_model::Lang::Es, "Una primera ola de bombardeos contra campamentos podría matar a decenas de sicarios si el plan se aprueba, dijeron funcionarios el lunes."),
            (sw_model::Lang::En, "Such a raid would kill at least ten fighters, a planner told lawmakers on Monday."),
        ] {
            let occurred = ex
                .extract(text, lang, p)
                .into_iter()
                .filter(|r| r.kind == ReportKind::Event && r.modality == Modality::Occurred)
                .count();
            assert_eq!(occurred, 0, "{text}");
        }
        // a finished act keeps its toll
        assert_eq!(
            first(
                en(),
                "The strike killed four people in the Caribbean on Monday."
            ),
            Modality::Occurred
        );
    }

    /// Passages written for this test: an event noun whose verb is a conditional is what
    /// the event would do, never an event that happened.
    #[test]
    fn an_event_noun_with_a_conditional_verb_is_hypothetical() {
        for (l, text) in [
            (en(), "A U.S. strike on cartel laboratories in northern Mexico without the government's consent would violate international law, experts said."),
            (en(), "An Israeli raid on the port of Hodeidah could trigger a wider war, analysts warned."),
            (en(), "Turkish air strikes on Kurdish villages might push thousands to flee, aid groups said."),
            (es(), "Un ataque militar contra los cárteles en territorio mexicano sin el aval del gobierno violaría el derecho internacional, dijeron expertos."),
            (es(), "Un bombardeo estadounidense en suelo venezolano provocaría una crisis regional, advirtió el canciller."),
            (es(), "Una incursión del Ejército en la sierra, según los analistas, desataría una ola de represalias."),
        ] {
            assert_eq!(first(l, text), Modality::Hypothetical, "{text}");
        }
        // a finished act, and a verb of another clause, leave it as it happened
        for (l, text) in [
            (en(), "The strike on the camp killed nine fighters; the government said it would investigate."),
            (en(), "A drone strike hit a convoy near Marib on Sunday. Officials said more could follow."),
            (es(), "El bombardeo contra el campamento dejó nueve muertos; el gobierno dijo que investigaría."),
            (es(), "Un ataque con dron alcanzó un convoy cerca de Marib el domingo, en lo que sería el tercero del mes."),
        ] {
            assert_eq!(first(l, text), Modality::Occurred, "{text}");
        }
    }

    #[test]
    fn a_condition_binds_the_event_of_its_own_clause_only() {
        // "if" after the cue in its clause makes it a condition
        for (l, text) in [
            (en(), "A raid on the compound is possible if the hostages are confirmed to be there."),
            (es(), "Un bombardeo contra el campamento es posible si se confirma la presencia del cabecilla."),
        ] {
            assert_eq!(first(l, text), Modality::Hypothetical, "{text}");
        }
        // past a clause break it is another clause's, often an indirect question
        for (l, text) in [
            (en(), "Kenyan troops carried out a raid on a militant hideout near Lamu on Friday, the army said, without saying if any fighters died."),
            (es(), "Tropas nigerianas llevaron a cabo una incursión contra un escondite de bandidos en Katsina el viernes, informó el Ejército, sin aclarar si hubo muertos."),
            (es(), "Fuerzas turcas realizaron un ataque contra un depósito de armas en el norte de Irak el lunes; no se sabe si hubo víctimas."),
        ] {
            assert_eq!(first(l, text), Modality::Occurred, "{text}");
        }
    }
}
