//! Attribution and actors: who a sentence's claims come from (the official, body, outlet or
//! witness nearest a reporting verb, a pronoun pointing back one sentence, a channel), and
//! the actors an event names (perpetrators, target groups, always kept as alleged).

use std::ops::Range;

use super::sentence::SentCtx;
use crate::lexicon::{ActorEntry, ActorRole, AgentKind, AttrCue, ForceReach, Hit, LangLex};
use crate::numbers;
use crate::pipeline::Extractor;
use crate::tokens::{tokenize, Tok};
use crate::{
    Actor, ActorValue, ClaimField, ClaimValue, Modality, Report, ReportKind, Role, Source,
    SourceKind,
};

impl Extractor {
    /// The source of sentence `si`, computed once, and the state of the body quoted where the
    /// lexicons give one (see [`Quoted`]); a pronoun points back one sentence.
    pub(super) fn source_of(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        si: usize,
        sents: &[Range<usize>],
        text: &str,
        memo: &mut [Option<Quoted>],
    ) -> Quoted {
        if let Some(s) = &memo[si] {
            return s.clone();
        }
        let (src, pronoun) = self.attribution(l, &ctx.toks);
        let src = match (src, pronoun) {
            (Some(s), _) => s,
            (None, true) if si > 0 => {
                let prev = &sents[si - 1];
                let ptoks = tokenize(&text[prev.clone()], prev.start);
                match self.attribution(l, &ptoks).0 {
                    Some(s) => s,
                    None => Quoted::outlet(),
                }
            }
            _ => Quoted::outlet(),
        };
        memo[si] = Some(src.clone());
        src
    }

    /// (source, whether a bare pronoun/verb pointed back). None when the sentence names no
    /// source of its own.
    fn attribution(&self, l: &LangLex, toks: &[Tok]) -> (Option<Quoted>, bool) {
        let cues = l.attribution.find_all(toks);
        let actors = self.langs.shared.actors.find_all(toks);
        let verbs: Vec<usize> = cues
            .iter()
            .filter(|h| matches!(h.value(), AttrCue::Verb))
            .map(|h| h.ts)
            .collect();
        let channel = cues.iter().find_map(|h| match h.value() {
            AttrCue::Channel(c) => Some(c.clone()),
            _ => None,
        });
        if verbs.is_empty() && channel.is_none() {
            // A source named as the subject ("Relatives of ... have filed")
            let subj = cues
                .iter()
                .find(|h| h.ts <= 3 && matches!(h.value(), AttrCue::Kind(_) | AttrCue::National));
            let kind = subj.map(|h| match h.value() {
                AttrCue::Kind(k) => (*k, false),
                _ => (SourceKind::LocalAuthority, true),
            });
            return (
                kind.map(|(kind, national)| Quoted {
                    source: Source {
                        kind,
                        name: None,
                        channel: None,
                        count: None,
                    },
                    state: None,
                    force: false,
                    national,
                }),
                false,
            );
        }
        let near_verb = |pos: usize| {
            verbs
                .iter()
                .map(|v| v.abs_diff(pos))
                .min()
                .unwrap_or(usize::MAX)
        };
        // Every named or described source, then the one nearest a reporting verb (earliest
        // on a tie).
        let mut cands: Vec<(usize, Quoted)> = Vec::new();
        let mk = |kind, name: Option<String>, count| Source {
            kind,
            name,
            channel: channel.clone(),
            count,
        };
        let forces = self.langs.shared.forces.find_all(toks);
        let quoted = |source: Source, state: Option<String>| Quoted {
            source,
            state,
            force: false,
            national: false,
        };
        // a body right before "officials", or right after them and "of" ("officials of the
        // Pentagon"), is whose officials they are: counted with them, not a source of its own
        let beside_officials = |ts: usize, te: usize| {
            cues.iter().any(|h| {
                matches!(h.value(), AttrCue::Anonymous)
                    && (te == h.ts || (ts >= h.te && ts - h.te <= 1))
            })
        };
        for a in &actors {
            let v = a.value();
            let kind = match v.role {
                ActorRole::Official | ActorRole::Perpetrator => SourceKind::Official,
                ActorRole::LocalAuthority => SourceKind::LocalAuthority,
                ActorRole::OtherOutlet => SourceKind::OtherOutlet,
                ActorRole::TargetGroup => continue,
            };
            if beside_officials(a.ts, a.te) {
                continue;
            }
            // a head of state or government, a defence ministry, or a force: a national body
            // (a state prosecutor is not)
            let national = v.orders.is_some()
                || forces
                    .iter()
                    .any(|f| f.ts <= a.ts && a.te <= f.te && f.value().state.is_some());
            cands.push((
                a.ts,
                Quoted {
                    national,
                    ..quoted(mk(kind, Some(v.canonical.clone()), None), v.country.clone())
                },
            ));
        }
        // a state's force that speaks ("Colombia's army said", "the Nigerian Air Force
        // said"): an official body, with its state; where the actors lexicon names the same
        // words, its entry is found first. A force speaks as the subject right before the
        // verb ("an army spokesman said") or right after one that follows a comma (", said
        // the army", ", informó el Ejército", ", según el Comando Conjunto"); one named
        // beside officials is whose officials they are
        let g = &l.grammar;
        let speaks = |ts: usize, te: usize| {
            // "relatives of the soldiers said": a force after "of" is whose they are
            let of_before = (1..=2).any(|k| {
                ts >= k
                    && g.of.contains(&toks[ts - k].lower)
                    && (k == 1
                        || g.article_sg.contains(&toks[ts - 1].lower)
                        || g.article_pl.contains(&toks[ts - 1].lower))
            });
            let before = verbs.iter().any(|&v| {
                v >= te
                    && v - te <= 2
                    && toks[te..v]
                        .iter()
                        .all(|t| t.kind != crate::tokens::TokKind::Punct)
            });
            // (the verb's day and an article may stand between: ", informó este domingo el
            // Comando Conjunto"; not other words: "said a resident who heard the army")
            let after = cues.iter().any(|h| {
                matches!(h.value(), AttrCue::Verb)
                    && h.te <= ts
                    && ts - h.te <= 4
                    && toks[h.te..ts].iter().all(|t| {
                        g.article_sg.contains(&t.lower)
                            || g.article_pl.contains(&t.lower)
                            || g.verb_gap.contains(&t.lower)
                            || g.date_prep.contains(&t.lower)
                            || l.dates.is_cue(&t.lower)
                    })
                    && h.ts > 0
                    && toks[h.ts - 1].lower == ","
            });
            (before || after) && !beside_officials(ts, te) && !of_before
        };
        for f in &forces {
            let v = f.value();
            // a kind of source the language names on the same words ("la fiscalía estatal")
            // says what it is
            let kind_named = cues.iter().any(|h| {
                matches!(h.value(), AttrCue::Kind(_) | AttrCue::National)
                    && h.ts < f.te
                    && f.ts < h.te
            });
            if v.state.is_none()
                || v.reach != ForceReach::Force
                || kind_named
                || !speaks(f.ts, f.te)
            {
                continue;
            }
            cands.push((
                f.ts,
                Quoted {
                    force: true,
                    ..quoted(
                        mk(SourceKind::Official, Some(v.canonical.clone()), None),
                        v.state.clone(),
                    )
                },
            ));
        }
        // a force named generically ("the army said", "informó el Ejército")
        for h in l.agents.find_all(toks) {
            if matches!(h.value(), AgentKind::State | AgentKind::Head)
                && speaks(h.ts, h.te)
                && !cands.iter().any(|(pos, _)| *pos <= h.ts && h.ts < pos + 4)
            {
                let name = toks[h.ts..h.te]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                cands.push((
                    h.ts,
                    Quoted {
                        force: true,
                        ..quoted(mk(SourceKind::Official, Some(name), None), None)
                    },
                ));
            }
        }
        for h in &cues {
            match h.value() {
                AttrCue::Anonymous => {
                    // "Pentagon officials", "funcionarios del Pentágono": a body beside them
                    let body = actors.iter().find(|a| {
                        matches!(a.value().role, ActorRole::Official | ActorRole::Perpetrator)
                            && (a.te == h.ts || (a.ts >= h.te && a.ts - h.te <= 1))
                    });
                    let name = body.map(|b| b.value().canonical.clone());
                    cands.push((
                        h.ts,
                        quoted(
                            mk(
                                SourceKind::AnonymousOfficials,
                                name,
                                count_before(toks, h.ts, l),
                            ),
                            None,
                        ),
                    ));
                }
                AttrCue::Kind(k) => cands.push((h.ts, quoted(mk(*k, None, None), None))),
                AttrCue::National => cands.push((
                    h.ts,
                    Quoted {
                        national: true,
                        ..quoted(mk(SourceKind::LocalAuthority, None, None), None)
                    },
                )),
                _ => {}
            }
        }
        // a source right after "cited by"/"citing" only relays the claim
        let citing: Vec<usize> = cues
            .iter()
            .filter(|h| matches!(h.value(), AttrCue::Citing))
            .map(|h| h.te)
            .collect();
        cands.retain(|(pos, _)| !citing.iter().any(|c| *pos >= *c && *pos <= c + 2));
        if let Some((_, src)) = cands
            .into_iter()
            .filter(|(pos, q)| {
                let src = &q.source;
                // a described source may stand in an apposition: "by the X Project, a
                // human-rights group"
                let reach = if src.name.is_none()
                    && matches!(
                        src.kind,
                        SourceKind::NgoOrExpert | SourceKind::WitnessOrFamily
                    ) {
                    12
                } else {
                    8
                };
                near_verb(*pos) <= reach
            })
            .min_by_key(|(pos, _)| (near_verb(*pos), *pos))
        {
            return (Some(src), false);
        }
        let pronoun = cues.iter().any(|h| matches!(h.value(), AttrCue::Pronoun));
        if pronoun || channel.is_some() {
            return (None, true);
        }
        (None, false)
    }
}

/// A sentence's source and the state of the body quoted, where the lexicons give one
/// ("Colombia's army": CO; "Semar": MX): whether the body speaks for the side that acted is
/// decided per report, once its perpetrator is known ([`Quoted::for_report`]).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quoted {
    pub(super) source: Source,
    pub(super) state: Option<String>,
    /// A state's force that speaks ("the army said"), by name or generically.
    pub(super) force: bool,
    /// A national body: a government, ministry or minister named by its kind ("the defense
    /// ministry"), or an actor that orders a state's forces or is one (a state prosecutor is
    /// not).
    pub(super) national: bool,
}

impl Quoted {
    pub(super) fn outlet() -> Quoted {
        Quoted {
            source: Source::outlet(),
            state: None,
            force: false,
            national: false,
        }
    }

    /// The source of report `r`: a body of the state whose forces acted speaks for the side
    /// that acted, an official source ("the Semar reported" of a navy raid in Mexico), though
    /// the lexicon lists it as a local authority for other states' strikes there; a state's
    /// force telling of another state's strike on its own ground is that place's authority
    /// ("the Somali army said a U.S. strike killed ...").
    pub(super) fn for_report(&self, r: &Report) -> Source {
        let mut src = self.source.clone();
        let perpetrators = || r.actors.iter().filter(|a| a.role == Role::Perpetrator);
        let acted = perpetrators()
            .find(|a| a.state.is_some())
            .and_then(|a| a.state.as_deref());
        let by_group = acted.is_none() && perpetrators().any(|a| a.non_state);
        let place = r.place.as_ref().and_then(|p| p.country.as_deref());
        let state = self.state.as_deref();
        match (src.kind, acted) {
            (SourceKind::LocalAuthority, Some(a))
                if state == Some(a) && (self.national || self.force) =>
            {
                src.kind = SourceKind::Official
            }
            // "the defense ministry said" of its own forces' operation at home
            (SourceKind::LocalAuthority, Some(a)) if self.national && place == Some(a) => {
                src.kind = SourceKind::Official
            }
            (SourceKind::Official, Some(a)) if state.is_some_and(|s| s != a) && place == state => {
                src.kind = SourceKind::LocalAuthority
            }
            // a group's attack told by the forces it struck ("ELN guerrillas attacked an
            // army base ..., the army said"): the place's authority, not the side that acted
            (SourceKind::Official, None)
                if self.force && by_group && (state.is_none() || state == place) =>
            {
                src.kind = SourceKind::LocalAuthority
            }
            _ => {}
        }
        src
    }
}

/// The official body that is the subject of the event at `ets`, the source when no one is
/// quoted: any for a development; a command or a named official for an event ("Southern
/// Command struck", not "U.S. forces struck").
pub(super) fn subject(actors: &[Hit<ActorEntry>], ets: usize, kind: ReportKind) -> Option<Source> {
    actors
        .iter()
        .find(|a| {
            a.ts < ets
                && match a.value().role {
                    ActorRole::Official => true,
                    ActorRole::Perpetrator => kind == ReportKind::Development || a.value().speaks,
                    _ => false,
                }
        })
        .map(|a| Source {
            kind: SourceKind::Official,
            name: Some(a.value().canonical.clone()),
            channel: None,
            count: None,
        })
}

fn count_before(toks: &[Tok], at: usize, l: &LangLex) -> Option<u32> {
    let from = at.saturating_sub(6);
    for i in from..at {
        if let Some(n) = numbers::number_at(toks, i, "", &l.nums, 0) {
            // the number must qualify the officials themselves ("four current and former
            // U.S. officials"): a comma or other break between them means it belongs to
            // something else ("killing three people aboard, officials said")
            let broken = toks[n.end_tok.min(at)..at].iter().any(|t| {
                t.kind == crate::tokens::TokKind::Punct && !matches!(t.lower.as_str(), "." | "-")
            });
            if !n.vague && !n.article && n.end_tok <= at && !broken {
                return u32::try_from(n.value).ok();
            }
        }
    }
    None
}

/// Adds the perpetrators and target groups the actors lexicon names in the sentence; a
/// perpetrator that `forces.tsv` also names on the same words ("American forces",
/// "Pentágono") takes the state it gives.
pub(super) fn add_actors(
    rep: &mut Report,
    actors: &[Hit<crate::lexicon::ActorEntry>],
    forces: &[Hit<crate::lexicon::ForceEntry>],
    ctx: &SentCtx,
    src: &Source,
    m: Modality,
) {
    for a in actors {
        let v = a.value();
        let role = match v.role {
            ActorRole::Perpetrator => Role::Perpetrator,
            ActorRole::TargetGroup => Role::TargetGroup,
            _ => continue,
        };
        let alleged = role == Role::TargetGroup;
        if rep
            .actors
            .iter()
            .any(|x| x.role == role && x.name == v.canonical)
        {
            continue;
        }
        let state = forces
            .iter()
            .filter(|f| role == Role::Perpetrator && f.ts <= a.ts && a.te <= f.te)
            .find_map(|f| f.value().state.clone());
        let (s, e) = (ctx.toks[a.ts].start, ctx.toks[a.te - 1].end);
        rep.actors.push(Actor {
            role,
            name: v.canonical.clone(),
            alleged,
            source: src.clone(),
            state: state.clone(),
            non_state: false,
        });
        rep.claims.push(ctx.claim(
            ClaimField::Actor(role),
            ClaimValue::Actor(ActorValue {
                alleged,
                name: v.canonical.clone(),
                state,
                non_state: false,
            }),
            [s, e],
            src,
            m,
            format!("lex:actors.tsv:{}:{}", role, a.phrase.text),
        ));
    }
}

pub(super) fn set_source(r: &mut Report, src: &Source) {
    r.source = src.clone();
    for a in &mut r.actors {
        a.source = src.clone();
    }
    for c in &mut r.claims {
        c.source = src.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{en, es, extractor};
    use super::*;

    fn source(l: &LangLex, text: &str) -> Option<Source> {
        extractor()
            .attribution(l, &tokenize(text, 0))
            .0
            .map(|q| q.source)
    }

    #[test]
    fn the_source_nearest_a_reporting_verb() {
        let s = source(
            en(),
            "The boat was struck, killing three, Southern Command said on X.",
        )
        .unwrap();
        assert_eq!(s.kind, SourceKind::Official);
        assert_eq!(s.name.as_deref(), Some("U.S. Southern Command"));
        assert_eq!(s.channel.as_deref(), Some("social_media"));
        let s = source(es(), "Murieron tres personas, según fuentes locales.").unwrap();
        assert_ne!(s.kind, SourceKind::Outlet);
    }

    #[test]
    fn anonymous_officials_are_counted() {
        let s = source(en(), "Four U.S. officials said the strike killed three.").unwrap();
        assert_eq!((s.kind, s.count), (SourceKind::AnonymousOfficials, Some(4)));
    }

    #[test]
    fn a_command_that_acts_is_the_subject() {
        let toks = tokenize("Southern Command struck a boat.", 0);
        let actors = extractor().langs.shared.actors.find_all(&toks);
        let s = subject(&actors, 2, ReportKind::Event).unwrap();
        assert_eq!(s.name.as_deref(), Some("U.S. Southern Command"));
    }
}
