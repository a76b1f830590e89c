//! One sentence: its tokens and clauses ([`SentCtx`]), what it holds ([`Sentence`]: cues,
//! dates, figures, place), and the candidates it yields (events, developments, tallies,
//! bare figures, a toll told boat by boat), in the order the stages run.

use std::ops::Range;

use chrono::NaiveDate;
use sw_model::Lang;

use super::breakdown::MAX_LIST_ITEMS;
use super::dating::{self, pick_date, SentenceDates, YearFrom};
use super::events::{self, Picked, Plan};
use super::figures::{self, FieldFig};
use super::places::{ArticlePlaces, Spanned};
use super::report::{base_report, set_date, strike_report};
use super::{agents, attribution, references, Extractor};
use crate::dates::DateExpr;
use crate::lexicon::FillerKind;
use crate::lexicon::{
    ActorEntry, AgentKind, CuePos, EventCue, ForceEntry, Hit, LangLex, ModCue, RefKind, Scope,
    TallyKind,
};
use crate::tokens::{Tok, TokKind};
use crate::{
    Claim, ClaimField, ClaimValue, EventType, Field, Modality, Report, ReportKind, Source,
    TargetKind,
};

/// A sentence as the stages read it: the article's text, the sentence's byte range in it,
/// its tokens (with ranges into the article), and the clause each token is in (clauses end
/// at commas, semicolons, colons, dashes and brackets).
pub(super) struct SentCtx<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    pub toks: Vec<Tok>,
    pub clause: Vec<usize>,
    /// What the article says of where its events are, shared by its sentences (none: the
    /// sentence is read as the whole article).
    pub article: Option<&'a ArticlePlaces>,
    /// Whether the sentence right before named a state force as an armed actor ("los
    /// militares realizaban un operativo ..."): a clash told next with no side named ("se
    /// inició un enfrentamiento") is that force's.
    pub force_before: bool,
}

impl<'a> SentCtx<'a> {
    /// The sentence at `range` of `text`, with its tokens.
    pub(super) fn new(text: &'a str, range: Range<usize>, toks: Vec<Tok>) -> SentCtx<'a> {
        let mut clause = Vec::with_capacity(toks.len());
        let mut c = 0;
        for t in &toks {
            if is_clause_break(t) {
                c += 1;
            }
            clause.push(c);
        }
        SentCtx {
            text,
            range,
            toks,
            clause,
            article: None,
            force_before: false,
        }
    }

    /// A claim on the bytes `span` of this sentence: its surface is what the span covers.
    pub(super) fn claim(
        &self,
        field: ClaimField,
        value: ClaimValue,
        span: [usize; 2],
        source: &Source,
        modality: Modality,
        rule: impl Into<String>,
    ) -> Claim {
        Claim {
            field,
            value,
            surface: self.surface(span[0], span[1]).to_string(),
            span,
            sentence: self.span(),
            source: source.clone(),
            modality,
            rule: rule.into(),
            rival: false,
        }
    }

    pub(super) fn span(&self) -> [usize; 2] {
        [self.range.start, self.range.end]
    }

    pub(super) fn surface(&self, s: usize, e: usize) -> &'a str {
        self.text.get(s..e).unwrap_or("")
    }
}

/// Whether `toks` are plainly written in `lex`'s language rather than `other`'s: several
/// of its function words, and more than twice as many as of the other's.
pub(super) fn written_in(lex: &LangLex, other: &LangLex, toks: &[Tok]) -> bool {
    let count = |l: &LangLex| {
        toks.iter()
            .filter(|t| l.function_words.contains(&t.lower))
            .count()
    };
    let (mine, theirs) = (count(lex), count(other));
    mine >= 4 && mine > 2 * theirs
}

/// The longest stretch read as one sentence. Real sentences are far shorter; text with no
/// stops (a page run together, a hostile input) is cut at a space, so the work and memory
/// spent on one sentence stay bounded.
pub(super) const MAX_SENTENCE_BYTES: usize = 8 * 1024;

/// The article's sentences. sw-text's abbreviations are those of every language it knows,
/// whichever `lang` is.
pub(super) fn segment(text: &str, lang: Lang) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for r in sw_text::segment::sentences(text, lang) {
        let mut start = r.start;
        while r.end - start > MAX_SENTENCE_BYTES {
            let mut cut = start + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            // the last space before the cut, if the stretch has one
            let at = text[start..cut].rfind(' ').map_or(cut, |i| start + i + 1);
            let at = if at > start { at } else { cut };
            out.push(start..at);
            start = at;
        }
        out.push(start..r.end);
    }
    out
}

pub(super) fn is_clause_break(t: &Tok) -> bool {
    t.kind == TokKind::Punct && matches!(t.lower.as_str(), "," | ";" | ":" | "—" | "–" | "(" | ")")
}

/// What a candidate is to merging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CandKind {
    Report(ReportKind),
    /// Figures with no event cue: they join the latest event report.
    FiguresOnly,
    /// When or where the story's latest event happened, told with no event cue ("Los
    /// hechos ocurrieron el miércoles").
    Circumstances,
    /// Tolls given vessel by vessel over several sea regions: one report per region
    /// (`Cand::parts`), replacing the story's event that counted them all.
    Breakdown,
}

/// A candidate report of one sentence, with what merging needs to know of it.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub kind: CandKind,
    pub report: Report,
    /// The date came from the sentence itself.
    pub dated: bool,
    /// For a development: the official body that is its subject ("The Pentagon ordered"),
    /// the source when no one is quoted.
    pub subject: Option<Source>,
    /// For a breakdown: one report per sea region.
    pub parts: Vec<Report>,
    /// The weekday of an event dated "on Thursday" that could not be resolved.
    pub weekday: Option<u32>,
    /// The ordinal the event is named by ("a second strike", "el segundo ataque"): a later
    /// mention by the same ordinal is the same event.
    pub ordinal: Option<u32>,
    /// The event is named by a definite singular noun ("the strike", "el ataque"): one the
    /// article has told of already.
    pub definite: bool,
    /// The event's cue is a word said of anyone's violence ("attack", "atacaron"): with no
    /// one named for it, a strike only by default.
    pub generic: bool,
    /// For figures with no event: the country on land their sentence names ("16 were
    /// killed on Iraqi soil"), which chooses among the story's events.
    pub country: Option<String>,
    /// The event is named by a definite noun that is what something is said about ("no
    /// se había pronunciado sobre el nuevo ataque", "commented on the latest strike").
    pub topic: bool,
    /// Another party's denial answering what the sentence's source told ("...; Islamabad
    /// denied carrying out any strikes"): the outlet's report of it, not that source's.
    pub answer: bool,
}

impl Cand {
    /// A candidate with nothing but its kind, report and whether the sentence dated it.
    pub(super) fn new(kind: CandKind, report: Report, dated: bool) -> Cand {
        Cand {
            kind,
            report,
            dated,
            subject: None,
            parts: Vec::new(),
            weekday: None,
            ordinal: None,
            definite: false,
            generic: false,
            country: None,
            topic: false,
            answer: false,
        }
    }
}

/// Words from a count to the armed group its people are members of, at most ("cuatro
/// presuntos integrantes de un grupo criminal").
const GROUP_IN_COUNT: usize = 6;

/// What one sentence holds, found once and read by every stage that makes candidates.
pub(super) struct Sentence<'a> {
    /// The lexicons it is read with (its own language's, or those of the language a quoted
    /// sentence is plainly written in).
    pub l: &'a LangLex,
    pub ctx: &'a SentCtx<'a>,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// The article has told of a strike before this sentence.
    pub article_strike: bool,
    /// The article has told of violence before this sentence.
    pub told: bool,
    /// The sentence names a state force as an armed actor (for the sentence after it).
    pub names_force: bool,
    pub events: Vec<Hit<'a, EventCue>>,
    /// Tally cues (a toll said to be one event's left out).
    pub tally: Vec<Hit<'a, TallyKind>>,
    pub dates: Vec<DateExpr>,
    /// Two days written as one, one event each (indices in `dates`).
    pub day_pairs: Vec<(usize, usize)>,
    pub figs: Vec<FieldFig>,
    pub targets: Vec<Hit<'a, TargetKind>>,
    pub mods: Vec<Hit<'a, ModCue>>,
    pub means: Vec<Hit<'a, String>>,
    pub actors: Vec<Hit<'a, ActorEntry>>,
    /// Armed actors named (forces with their state, groups) and the generic agents and
    /// markers of the sentence's language.
    pub forces: Vec<Hit<'a, ForceEntry>>,
    pub agents: Vec<Hit<'a, AgentKind>>,
    /// Where the sentence's event cues (any, before agents were weighed) end.
    pub cue_ends: Vec<usize>,
    /// Where the sentence's support phrases end ("backed by"): see `agents::support_ends`.
    pub support_ends: Vec<usize>,
    /// What places its events in a series or in history.
    pub refs: Vec<Hit<'a, RefKind>>,
    /// The token after each event cue: a place right there is the cue's object.
    pub ev_ends: Vec<usize>,
    /// Where the sentence's events happened (looked for only when it has an event cue).
    pub place: Option<Spanned>,
    /// One event's dead are counted here.
    pub killed_here: bool,
    pub gaz: &'a sw_gazetteer::Gazetteer,
    /// "border with", "frontera con": a state named after it is a place (see `Scene`).
    pub border: &'a crate::lexicon::PhraseSet<()>,
}

impl<'a> Sentence<'a> {
    /// What agent detection reads of the sentence.
    pub(super) fn scene(&self) -> agents::Scene<'_> {
        agents::Scene {
            l: self.l,
            ctx: self.ctx,
            forces: &self.forces,
            agents: &self.agents,
            cue_ends: &self.cue_ends,
            date_spans: agents::date_spans(&self.dates, &self.ctx.toks),
            support_ends: &self.support_ends,
            gaz: self.gaz,
            border: self.border,
        }
    }
}

/// A verb of killing said of state forces ("killed", "abatieron", "dados de baja"): the
/// dead of an event rather than an event by itself wherever another one is at hand.
fn bare_kill(c: &EventCue) -> bool {
    (c.force || c.by_force) && !c.noun
}

/// A group's violence and, after it, a state force's kill verb that answers it ("emboscaron a
/// una patrulla y mataron a dos; los efectivos abatieron a tres de los agresores"): two
/// events, each with the figures of its own part of the sentence. Returns the group's cue,
/// the force's cue and the token where the force's part begins (the clause break before
/// its agent, or the agent).
fn answer(
    s: &Sentence,
    plan: &Plan,
    found: &[Option<agents::Armed>],
) -> Option<(usize, usize, usize)> {
    let toks = &s.ctx.toks;
    let picked = plan.picked.iter().zip(found);
    let (p, pa) = picked.clone().find(|(p, a)| {
        bare_kill(p.e.value()) && a.as_ref().is_some_and(|a| !a.non_state && a.ts < p.e.ts)
    })?;
    let pa = pa.as_ref()?;
    let (q, _) = picked.clone().find(|(q, qa)| {
        q.e.ts < pa.ts
            && q.e.value().event_type.is_violent()
            && !bare_kill(q.e.value())
            && qa.as_ref().is_some_and(|a| a.non_state)
    })?;
    let cut = (q.e.te..pa.ts)
        .rev()
        .find(|&i| is_clause_break(&toks[i]))
        .map_or(pa.ts, |i| i + 1);
    Some((q.e.ts, p.e.ts, cut))
}

/// "An AFRICOM strike killed four near Kismayo, while a CENTCOM strike in Syria killed a
/// leader", "la Marina abatió a tres en Tamaulipas, mientras que el Ejército mató a dos en
/// Michoacán": two events that happened, the second in a clause opened by a `parallel` word
/// after a comma, with an agent of its own other than the first's (or none, but an event noun
/// named anew with its own dead: "while another strike killed two"). Two events, each with
/// the figures and the place of its own part. Returns the first cue, the second and the
/// token of the parallel word.
fn parallel(
    s: &Sentence,
    plan: &Plan,
    found: &[Option<agents::Armed>],
) -> Option<(usize, usize, usize)> {
    let (l, toks) = (s.l, &s.ctx.toks);
    let cut = (1..toks.len()).find(|&i| {
        l.grammar.parallel.contains(&toks[i].lower)
            && matches!(toks[i - 1].lower.as_str(), "," | ";")
    })?;
    let happened = |p: &Picked| p.e.value().event_type.is_violent() && p.m == Modality::Occurred;
    let mut pairs = plan.picked.iter().zip(found);
    let (p, pa) = pairs.clone().find(|(p, _)| happened(p) && p.e.te <= cut)?;
    let (q, qa) = pairs.find(|(q, _)| happened(q) && q.e.ts > cut)?;
    // a known event named in the clause is no second one ("mientras la policía detuvo a
    // cuatro sospechosos del ataque previo")
    let named_known = q.e.value().noun
        && q.e.ts >= 1
        && (q.e.ts.saturating_sub(2)..q.e.ts).any(|k| {
            let w = &toks[k].lower;
            l.definite.contains(w) || l.grammar.of_article.contains(w) || l.grammar.of.contains(w)
        });
    // ", y mataron a cinco" after the side clause resumes the first clause's subject
    // ("..., mientras el ejército colombiano reforzaba la frontera, y mataron a cinco")
    let resumed = (cut + 1..q.e.ts)
        .any(|k| l.grammar.and.contains(&toks[k].lower) && toks[k - 1].lower == ",");
    // nor an act told in a relative clause of the side clause's actor ("while gunmen, who had
    // killed two guards earlier, escaped")
    // (past "mientras que" itself)
    let relative = (cut + 2..q.e.ts).any(|k| l.grammar.relative.contains(&toks[k].lower));
    if named_known || resumed || relative {
        return None;
    }
    let own_agent = qa
        .as_ref()
        .is_some_and(|a| a.ts > cut && pa.as_ref().is_none_or(|b| b.canonical != a.canonical));
    // (one with an agent found: "mientras un ataque de otro cártel dejó dos muertos" names
    // none the rules know)
    let anew = q.e.value().noun
        && qa.is_some()
        && (q.e.ts.saturating_sub(2)..q.e.ts).any(|k| {
            let w = &toks[k].lower;
            l.grammar.article_indef.contains(w) || l.elliptic.contains(w)
        })
        && s.figs
            .iter()
            .any(|f| f.field == Field::Killed && !f.tally && f.q.tok_start > q.e.ts);
    (own_agent || anew).then_some((p.e.ts, q.e.ts, cut))
}

/// "abatieron a cuatro en Azuay, mientras en Guayaquil la Policía detuvo a otros 12": a
/// clause after a `parallel` word with an actor of its own and no event told in it tells
/// something else, whose figures are no event's. Returns the parallel word's token.
fn side_clause(
    s: &Sentence,
    plan: &Plan,
    found: &[Option<agents::Armed>],
    armed: &[agents::Armed],
) -> Option<usize> {
    let (l, toks) = (s.l, &s.ctx.toks);
    let cut = (1..toks.len()).find(|&i| {
        l.grammar.parallel.contains(&toks[i].lower)
            && matches!(toks[i - 1].lower.as_str(), "," | ";")
    })?;
    // (not an event named as one known that the side clause's own people are of: "mientras
    // la policía detuvo a cuatro sospechosos del ataque previo", "suspects in the earlier
    // bombing"; a word may stand between the article and the noun)
    let det = |k: usize| {
        l.definite.contains(&toks[k].lower) || l.grammar.of_article.contains(&toks[k].lower)
    };
    let person = |k: usize| {
        matches!(
            l.filler_kinds.get(&toks[k].lower),
            Some(FillerKind::Person | FillerKind::Security)
        )
    };
    let known = |p: &Picked| {
        let ts = p.e.ts;
        let d = if ts > 0 && det(ts - 1) {
            ts - 1
        } else if ts > 1 && det(ts - 2) && toks[ts - 1].kind == TokKind::Word {
            ts - 2
        } else {
            return false;
        };
        p.e.value().noun && (d.saturating_sub(2)..d).any(person)
    };
    let told_after = plan.picked.iter().any(|p| p.e.ts > cut && !known(p));
    let agents: Vec<&str> = plan
        .picked
        .iter()
        .zip(found)
        .filter(|(p, _)| !(p.e.ts > cut && known(p)))
        .filter_map(|(_, a)| a.as_ref().map(|a| a.canonical.as_str()))
        .collect();
    let own_actor = armed
        .iter()
        .any(|a| a.ts > cut && !agents.contains(&a.canonical.as_str()));
    // (but the event's own survivors, missing and dead: "while the Navy searched for two
    // survivors")
    let its_people = s.figs.iter().any(|f| {
        f.q.tok_start > cut && matches!(f.field, Field::Survivors | Field::Missing | Field::Killed)
    });
    // (the clause runs to the sentence's end: a toll told after it, "...; four people were
    // killed", is the event's)
    let to_end = !toks[cut..]
        .iter()
        .any(|t| matches!(t.lower.as_str(), ";" | ":" | "—" | "–"));
    if !to_end {
        return None;
    }
    (!told_after && own_actor && !its_people && !plan.picked.is_empty()).then_some(cut)
}

/// The parts of a sentence whose events are split by their own days: from each split cue
/// to the next (the first from the sentence's start, the last to its end).
fn split_parts(plan: &Plan, n_toks: usize) -> Vec<(usize, usize)> {
    (0..plan.split.len())
        .map(|k| {
            let from = if k == 0 { 0 } else { plan.split[k].0 };
            (from, plan.split.get(k + 1).map_or(n_toks, |x| x.0))
        })
        .collect()
}

/// The sentence's targets but a vessel a weapon was fired from ("missiles launched from a
/// U.S. Navy ship hit two camps", "misiles lanzados desde un buque estadounidense"): after a
/// `launched_from` phrase, the first target after it, with at most [`LAUNCHER_REACH`] tokens
/// and no comma, locative ("at a fishing boat") or event cue between.
fn launchers_dropped<'a>(
    l: &LangLex,
    toks: &[crate::tokens::Tok],
    cue_ends: &[usize],
    mut targets: Vec<Hit<'a, TargetKind>>,
) -> Vec<Hit<'a, TargetKind>> {
    if !targets.iter().any(|t| *t.value() == TargetKind::Vessel) {
        return targets;
    }
    // the first target after each phrase, when a vessel near it
    let launchers: Vec<usize> = l
        .grammar
        .launched_from
        .find_all(toks)
        .iter()
        .filter_map(|h| {
            let t = targets
                .iter()
                .filter(|t| t.ts >= h.te)
                .min_by_key(|t| t.ts)?;
            (*t.value() == TargetKind::Vessel
                && t.ts - h.te <= LAUNCHER_REACH
                && toks[h.te..t.ts].iter().all(|x| x.lower != ",")
                && !(h.te + 1..=t.ts).any(|k| l.grammar.locative.ends_at(toks, k))
                && !cue_ends.iter().any(|&c| c > h.te && c <= t.ts))
            .then_some(t.ts)
        })
        .collect();
    targets.retain(|t| !launchers.contains(&t.ts));
    targets
}

/// How many tokens may stand between "launched from" and the vessel ("a U.S. Navy").
const LAUNCHER_REACH: usize = 6;

/// How many words may stand between the two words of a denial ("rejected Taliban claims",
/// "dismissed the Iranian reports"): the claim's owner and its article.
const DENIAL_GAP: usize = 2;

/// Whether the sentence is a section heading inside the article: a line of its own, not the
/// first (the title), of at most [`HEADING_WORDS`] words, with no closing punctuation.
fn is_heading(ctx: &SentCtx) -> bool {
    let (text, r) = (ctx.text, &ctx.range);
    let before = text[..r.start].trim_end_matches([' ', '\t']);
    let after = text[r.end..].trim_start_matches([' ', '\t']);
    let line = text[r.clone()].trim();
    let own_line = before.ends_with('\n') && (after.is_empty() || after.starts_with('\n'));
    let closed = line.ends_with(['.', '!', '?', ':', ';', '"', '”', '»', ')', '…']);
    own_line
        && !before.trim().is_empty()
        && !closed
        && line.split_whitespace().count() <= HEADING_WORDS
}

/// How many words may stand between a group and its claim of responsibility ("Al-Shabaab,
/// the al-Qaeda affiliate, claimed": the aside's commas are words here too).
const CLAIMANT_REACH: usize = 8;

/// The most words a section heading has.
const HEADING_WORDS: usize = 12;

/// Who carried out an event, and what that makes of it.
struct Who<'a> {
    et: EventType,
    agent: Option<agents::Armed>,
    armed: &'a [agents::Armed],
    /// The tokens whose figures are the event's, when the sentence tells two events apart
    /// (a group's ambush, then the force's answer; two events side by side).
    segment: Option<(usize, usize)>,
    /// Whether the place is the segment's own (two events side by side), not the sentence's.
    own_place: bool,
}

impl Extractor {
    /// Reads one sentence into candidates appended to `out`. `anchor` is the last day the
    /// sentences before named ("the day before" counts from it); this one's replaces it.
    /// Returns whether the sentence names a state force (see [`SentCtx::force_before`]).
    pub(super) fn sentence(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        published: Option<NaiveDate>,
        year_ref: Option<(YearFrom, &'static str)>,
        anchor: &mut Option<NaiveDate>,
        out: &mut Vec<Cand>,
    ) -> bool {
        // claims are made as the outlet's; the sentence's source is set on them after
        let src = &Source::outlet();
        let article_strike = out.iter().rev().any(|c| {
            c.report.event_type == EventType::Strike
                && !matches!(c.kind, CandKind::FiguresOnly | CandKind::Circumstances)
        });
        let told = out.iter().any(|c| {
            c.kind == CandKind::Report(ReportKind::Event) && c.report.event_type.is_violent()
        });
        // the story's latest event is a group's attack that happened
        let told_attack = out
            .iter()
            .rev()
            .find(|c| c.kind == CandKind::Report(ReportKind::Event))
            .is_some_and(|c| {
                c.report.event_type == EventType::Attack && c.report.modality == Modality::Occurred
            });
        let s = self.analyse(
            l,
            ctx,
            published,
            year_ref,
            anchor,
            (article_strike, told, told_attack),
        );
        if self.breakdown_candidate(&s, src, out) {
            return s.names_force;
        }
        figures::tally_candidate(&s, published, src, out);
        let plan = events::plan(&s);
        let first_new = out.len();
        self.event_candidates(&s, &plan, src, out);
        dating::split_day_pairs(&s, first_new, src, out);
        // figures beside only a development of fact belong to the story's event
        let only_fact_devs = plan
            .picked
            .iter()
            .all(|p| !p.e.value().event_type.is_violent() && p.m == Modality::Occurred);
        // "several strikes killed four": a plural event noun the sentence names and keeps as
        // no event is a campaign, whose dead these are
        let campaign = s
            .events
            .iter()
            .any(|e| e.value().plural && e.value().event_type.is_violent());
        // "in late July its fighters killed dozens of worshippers": a group's killing, whose
        // dead are no toll of the story's state operation
        // (the dead after the verb: "cuatro milicianos murieron" are the dead themselves)
        let groups_killing = || {
            agents::armed(&s.scene()).iter().any(|a| {
                a.non_state
                    && l.figures.at(&ctx.toks, a.te).is_some_and(|h| {
                        h.value().field == Field::Killed
                            && h.value().pos != CuePos::After
                            && s.figs.iter().any(|f| {
                                f.field == Field::Killed
                                    && f.q.tok_start >= h.te
                                    && f.q.tok_start <= h.te + 3
                            })
                    })
            })
        };
        // (unless the story's latest event is a group's attack: "Los guerrilleros mataron a
        // cuatro soldados" tells its dead)
        let story_attack = out
            .iter()
            .rev()
            .find(|c| c.kind == CandKind::Report(ReportKind::Event))
            .is_some_and(|c| c.report.event_type == EventType::Attack);
        if only_fact_devs
            && !campaign
            && s.figs.iter().any(|f| !f.tally)
            && (story_attack || !groups_killing())
        {
            self.figures_candidate(&s, src, out);
        } else if plan.picked.is_empty() && s.article_strike {
            self.story_vessel(&s, src, out);
        }
        if plan.picked.is_empty() && s.told {
            self.circumstances(&s, src, out);
            self.claimed(&s, src, &[], out);
        } else if !plan.picked.is_empty() {
            // "A suicide bomber killed seven soldiers in Bannu; the Pakistani Taliban claimed
            // responsibility": a group named after the attack, right before its claim
            let violent: Vec<usize> = plan
                .picked
                .iter()
                .filter(|p| p.e.value().event_type.is_violent())
                .map(|p| p.e.te)
                .collect();
            if !violent.is_empty() {
                self.claimed(&s, src, &violent, out);
            }
        }
        s.names_force
    }

    /// Finds what the sentence holds: cues, dates, figures, targets, actors, place.
    pub(super) fn analyse<'a>(
        &'a self,
        l: &'a LangLex,
        ctx: &'a SentCtx<'a>,
        published: Option<NaiveDate>,
        year_ref: Option<(YearFrom, &'static str)>,
        anchor: &mut Option<NaiveDate>,
        (article_strike, told, told_attack): (bool, bool, bool),
    ) -> Sentence<'a> {
        let toks = &ctx.toks;
        let forces = self.langs.shared.forces.find_all(toks);
        let agents = l.agents.find_all(toks);
        let support_ends = agents::support_ends(l, toks);
        let mut events = events::find(l, toks, &support_ends);
        if events::of_a_game(l, toks) || events::of_a_market(l, toks, &forces, &agents, &events) {
            events.clear();
        }
        let cue_ends: Vec<usize> = events.iter().map(|e| e.te).collect();
        let names_force;
        let SentenceDates {
            all: dates,
            day_pairs,
            day_dated,
        } = dating::sentence_dates(l, ctx, published, year_ref, anchor);
        // a cue said only of state forces ("clash", "killed") is no cue when none is its agent
        {
            let scene = agents::Scene {
                l,
                ctx,
                forces: &forces,
                agents: &agents,
                cue_ends: &cue_ends,
                date_spans: agents::date_spans(&dates, toks),
                support_ends: &support_ends,
                gaz: &self.gaz,
                border: &self.langs.shared.place_words.border,
            };
            let armed = agents::armed(&scene);
            names_force = armed
                .iter()
                .any(|a| !a.non_state && a.reach == crate::lexicon::ForceReach::Force);
            let side_before = ctx.force_before && !told;
            events.retain(|e| {
                let agent = agents::agent_of(&scene, e, &armed);
                let at_state = agents::against_state(&scene, e, &armed);
                agents::event_type(e.value(), agent.as_ref(), at_state, side_before).is_some()
            });
        }
        let (mut tally, mut event_tolls) = events::tally_cues(l, toks, &events);
        events::drop_dated_summaries(l, toks, &events, &mut tally, day_dated);
        events::drop_tolls_of_a_dated_event(l, &mut tally, &events, &dates, toks, &mut event_tolls);
        events::elliptic_events(l, toks, &mut events, &dates);
        // "two gunmen were shot dead in the operation", with no day of its own, after the
        // story told of its event: the dead of that event, not another
        // (but "two of the attackers were killed" are not that event's dead: a `toll` cue of
        // a force's killing names whom it killed, the attackers, in answer to it)
        // (nor are those a state force kills right after a group's attack on it: "Hombres
        // armados abrieron fuego contra marinos. Los marinos repelieron la agresión y
        // abatieron a cinco" is the force's answer, a raid of its own)
        if told && !day_dated && !(told_attack && names_force) {
            let kinds = events.iter().filter(|e| !bare_kill(e.value())).count();
            if kinds == 0 {
                events.retain(|e| !bare_kill(e.value()) || e.value().toll);
            }
        }
        let names: Vec<(usize, usize)> = forces.iter().map(|h| (h.ts, h.te)).collect();
        let figs = figures::figures(l, ctx, &dates, &tally, &events, &event_tolls, &names);
        let ev_ends: Vec<usize> = events.iter().map(|e| e.te).collect();
        let place = if events.is_empty() {
            None
        } else {
            self.place(l, ctx, &ev_ends)
        };
        let mut mods = l.modality.find_all(toks);
        // "rejected Taliban claims", "dismissed Iranian reports": a two-word denial with the
        // claim's owner between is that denial
        // ... only before what the claims say ("that", "de que"), and only over the event
        // cues of that clause ("rejected Taliban claims of victory after jets bombed Khost"
        // denies no strike)
        let gapped = l.modality.gapped(
            toks,
            DENIAL_GAP,
            |c| c.modality == Modality::Denied && c.scope == Scope::Any,
            &mods,
        );
        mods.extend(gapped.into_iter().filter(|h| {
            let mut k = h.te;
            if toks.get(k).is_some_and(|t| l.grammar.of.contains(&t.lower)) {
                k += 1;
            }
            toks.get(k)
                .is_some_and(|t| l.grammar.that.contains(&t.lower))
                && events.iter().all(|e| {
                    e.ts > k && !toks[k..e.ts].iter().any(is_clause_break)
                        || !e.value().event_type.is_violent()
                })
        }));
        mods.sort_by_key(|m| m.ts);
        // "No U.S. strike has been reported", "ningún ataque estadounidense": a negation
        // right before the cue reaches over a state's name or adjective beside it
        for m in mods.iter_mut() {
            if m.value().modality == Modality::Negated && m.value().scope == Scope::Near {
                if let Some(f) = forces.iter().find(|f| f.ts == m.te) {
                    if events.iter().any(|e| e.ts == f.te) {
                        m.te = f.te;
                    }
                }
            }
        }
        // "se negó el martes a ordenar": refusing to do something denies no event
        mods.retain(|m| {
            m.value().modality != Modality::Denied
                || !(m.te..(m.te + 4).min(toks.len().saturating_sub(1))).any(|k| {
                    l.grammar.object_mark.contains(&toks[k].lower)
                        && l.grammar.infinitive(&toks[k + 1].lower)
                })
        });
        // "could kill dozens", "podría matar a decenas": a toll under a modal is what might
        // happen, no sign of a finished act
        let modal_kill = mods.iter().any(|m| {
            m.value().modality == Modality::Hypothetical
                && (m.te..(m.te + 2).min(toks.len())).any(|k| {
                    l.figures
                        .at(toks, k)
                        .is_some_and(|f| f.value().field == Field::Killed)
                })
        });
        let killed_here = !modal_kill && figs.iter().any(|f| !f.tally && f.field == Field::Killed);
        Sentence {
            gaz: &self.gaz,
            border: &self.langs.shared.place_words.border,
            l,
            ctx,
            published,
            article_strike,
            told,
            names_force,
            targets: launchers_dropped(l, toks, &cue_ends, l.targets.find_all(toks)),
            mods,
            means: l.means.find_all(toks),
            actors: self.langs.shared.actors.find_all(toks),
            forces,
            agents,
            cue_ends,
            support_ends,
            refs: l.references.find_all(toks),
            events,
            tally,
            dates,
            day_pairs,
            figs,
            ev_ends,
            place,
            killed_here,
        }
    }

    /// Tolls boat by boat, after the strikes were told of or in the same sentence (never in
    /// a sentence that speaks of the campaign's totals): the candidate that replaces the
    /// story's event. The first the story tells of them, the sentence dates them (a strike
    /// told before gives its date when the parts are merged).
    fn breakdown_candidate(&self, s: &Sentence, src: &Source, out: &mut Vec<Cand>) -> bool {
        let strike_here = s
            .events
            .iter()
            .find(|e| e.value().event_type == EventType::Strike);
        let totals_here = s.tally.iter().any(|h| *h.value() != TallyKind::Total);
        if !(s.article_strike || strike_here.is_some())
            || totals_here
            || s.targets.len() > MAX_LIST_ITEMS
        {
            return false;
        }
        let Some(mut parts) = self.breakdown(s.l, s.ctx, src) else {
            return false;
        };
        if !s.article_strike {
            let e = strike_here.expect("a strike cue");
            if let Some((d, _)) = pick_date(&s.dates, &s.ctx.toks, e.ts, s.l, true) {
                for p in parts.iter_mut() {
                    set_date(p, d, s.ctx, src);
                }
            }
        }
        let mut c = Cand::new(CandKind::Breakdown, strike_report(s.ctx, src), false);
        c.parts = parts;
        out.push(c);
        true
    }

    /// "Al-Shabaab claimed responsibility.": a group named right before a claim of
    /// responsibility, in a sentence that tells no event of its own, or after the last of the
    /// sentence's cues of violence (`cues`, their ends) told before the claim, is the
    /// perpetrator of the story's latest attack, named before whoever the attack's own words
    /// name ("a suicide bomber"; see `merge`).
    fn claimed(&self, s: &Sentence, src: &Source, cues: &[usize], out: &mut Vec<Cand>) {
        let Some(h) = s.l.grammar.claims.find_all(&s.ctx.toks).into_iter().next() else {
            return;
        };
        // ("claimed the attack": the claim's own noun is no attack told before it)
        let after = match cues.iter().copied().filter(|&te| te <= h.ts).max() {
            Some(te) => te,
            None if cues.is_empty() => 0,
            None => return,
        };
        // "Boko Haram has not claimed the attack", "no se ha atribuido": no claim
        let denied = s
            .mods
            .iter()
            .any(|m| m.value().modality == Modality::Negated && m.te <= h.ts && h.ts - m.te <= 2);
        if denied {
            return;
        }
        let scene = s.scene();
        let armed = agents::armed(&scene);
        let Some(a) = armed.iter().rev().find(|a| {
            a.non_state && a.ts >= after && a.te <= h.ts && h.ts - a.te <= CLAIMANT_REACH
        }) else {
            return;
        };
        let m = Modality::Occurred;
        let mut rep = base_report(ReportKind::Event, EventType::Attack, m, s.ctx, src);
        agents::set_perpetrator(&mut rep, Some(a.clone()), &armed, None, s.ctx, src, m);
        out.push(Cand::new(CandKind::Circumstances, rep, false));
    }

    /// One candidate per kept event cue: at most one development, none beside an event of
    /// violence unless a strong fact; one event per type and modality, except for events
    /// split by their own days.
    fn event_candidates(&self, s: &Sentence, plan: &Plan, src: &Source, out: &mut Vec<Cand>) {
        // the split events stand for every other cue of their kind in the sentence
        let mut seen: Vec<(EventType, Modality)> = plan
            .picked
            .iter()
            .filter(|p| plan.split.iter().any(|(ts, _)| *ts == p.e.ts))
            .map(|p| (p.e.value().event_type, p.m))
            .collect();
        let scene = s.scene();
        let armed = agents::armed(&scene);
        let found: Vec<Option<agents::Armed>> = plan
            .picked
            .iter()
            .map(|p| agents::agent_of(&scene, &p.e, &armed))
            .collect();
        // two events told apart: a group's and the force's answer to it (one place), or two
        // events side by side (each its own place)
        let parallel_at = parallel(s, plan, &found);
        let answer_at = answer(s, plan, &found).or(parallel_at);
        let side_by_side = parallel_at.is_some() && answer_at == parallel_at;
        let side_cut = answer_at
            .is_none()
            .then(|| side_clause(s, plan, &found, &armed))
            .flatten();
        // cues on either side of the cut of two events told apart
        let across = |a: usize, b: usize| {
            answer_at.is_some_and(|(x, y, cut)| {
                (a == x || a == y || b == x || b == y) && (a < cut) != (b < cut)
            })
        };
        let elsewhere = super::figures::tolls::other_event_regions(s.l, s.ctx);
        // where the event nouns told as earlier events end (see `told_by_its_noun`)
        let mut reference_nouns: Vec<(usize, usize)> = Vec::new();
        for (pi, p) in plan.picked.iter().enumerate() {
            let split_at = plan.split.iter().position(|(ts, _)| *ts == p.e.ts);
            // violence told twice in one sentence ("its deadliest attack, a truck bombing
            // that killed ...") is by the one agent named for it
            let agent = found[pi].clone().or_else(|| {
                let named: Vec<&agents::Armed> = plan
                    .picked
                    .iter()
                    .zip(&found)
                    .filter(|(q, _)| q.e.value().event_type.is_violent())
                    .filter_map(|(_, a)| a.as_ref())
                    .collect();
                match named.split_first() {
                    Some((first, rest))
                        if p.e.value().event_type.is_violent()
                            && rest.iter().all(|a| a.canonical == first.canonical) =>
                    {
                        Some((*first).clone())
                    }
                    _ => None,
                }
            });
            // a cue in the second of two events side by side has no agent before the cut
            // ("..., mientras en Sinaloa soldados abatieron a seis en un enfrentamiento")
            let agent = match parallel_at {
                Some((_, y, cut)) if p.e.ts > cut && agent.as_ref().is_some_and(|a| a.ts < cut) => {
                    plan.picked
                        .iter()
                        .position(|q| q.e.ts == y)
                        .and_then(|k| found[k].clone())
                }
                _ => agent,
            };
            let at_state = agents::against_state(&scene, &p.e, &armed);
            let side_before = s.ctx.force_before && !s.told;
            let Some(mut et) =
                agents::event_type(p.e.value(), agent.as_ref(), at_state, side_before)
            else {
                continue;
            };
            // "soldiers killed seven insurgents": a force's killing with no strike named, by
            // troops on the ground, is a ground operation, as "abatieron" is; so is an
            // attack said of anyone that names no weapon ("troops carried out an attack on a
            // bandit hideout", "soldados lanzaron un ataque contra el campamento"), but for
            // one on boats: at sea it is fire from a ship or aircraft
            let unarmed_attack = p.e.value().generic
                && p.e.value().noun
                && p.e.value().means.is_none()
                && !s.targets.iter().any(|t| *t.value() == TargetKind::Vessel);
            // "un buque de guerra disparó contra una lancha": fire at a boat is a strike,
            // from a ship or an aircraft, not a ground operation
            // (the boat itself: not "a boat ramp crowd", "a boat dealer's shop", "from a
            // boat on a village")
            let toks = &s.ctx.toks;
            let at_a_boat = s.targets.iter().any(|t| {
                let g = &s.l.grammar;
                // ("un barco de papel": the noun goes on)
                let ends_phrase = toks.get(t.te).is_none_or(|n| {
                    let goes_on = g.of.contains(&n.lower) || g.of_article.contains(&n.lower);
                    let ends = (n.kind != TokKind::Word && !matches!(n.lower.as_str(), "'" | "’"))
                        || g.locative.ends_at(toks, t.te + 1)
                        || [
                            &g.boat_prep,
                            &g.verb_gap,
                            &g.and,
                            &g.relative,
                            &g.that,
                            &g.date_prep,
                        ]
                        .iter()
                        .any(|set| set.contains(&n.lower));
                    !goes_on && ends
                });
                let from = toks[p.e.te..t.ts.max(p.e.te)]
                    .iter()
                    .any(|x| s.l.grammar.from_word.contains(&x.lower));
                *t.value() == TargetKind::Vessel
                    && t.ts >= p.e.te
                    && t.ts <= p.e.te + 3
                    && ends_phrase
                    && !from
            });
            if et == EventType::Raid && p.e.value().generic && !p.e.value().noun && at_a_boat {
                et = EventType::Strike;
            }
            if et == EventType::Strike
                && (bare_kill(p.e.value()) || unarmed_attack)
                && agent
                    .as_ref()
                    .is_some_and(|a| !a.non_state && agents::on_the_ground(&scene, a))
            {
                et = EventType::Raid;
            }
            // "Three gunmen were killed ... after they attacked an army patrol": a group's
            // attack on a state force in which only the group's own men died, counted by
            // their name, is the clash the force answered, its ground operation
            let mut agent = agent;
            if et == EventType::Attack && at_state && agent.as_ref().is_none_or(|a| a.non_state) {
                let mut killed = s
                    .figs
                    .iter()
                    .filter(|f| !f.tally && f.field == Field::Killed && f.elsewhere.is_none())
                    .peekable();
                // (the group named in the people counted, a few words on with no clause
                // between: "Cuatro presuntos integrantes de un grupo criminal perdieron la
                // vida tras emboscar"; not "three people died when gunmen attacked")
                let g = &s.l.grammar;
                let counts_group = |f: &figures::FieldFig| {
                    armed.iter().any(|a| {
                        a.non_state
                            && a.ts >= f.q.tok_start
                            && a.ts <= f.q.tok_end + GROUP_IN_COUNT
                            && a.ts < p.e.ts
                            && !toks[f.q.tok_end.min(a.ts)..a.ts].iter().any(|t| {
                                t.kind != TokKind::Word
                                    || g.clause_open.contains(&t.lower)
                                    || g.after.contains(&t.lower)
                                    || g.relative.contains(&t.lower)
                            })
                    })
                };
                let force = armed
                    .iter()
                    .find(|a| !a.non_state && a.reach == crate::lexicon::ForceReach::Force);
                // (the force is the group's target, often named by no armed word: "an army
                // patrol"; the place then gives its state, as for "abatidos")
                if killed.peek().is_some() && killed.all(|f| !f.own_loss && counts_group(f)) {
                    et = EventType::Raid;
                    agent = force.cloned();
                }
            }
            let agent = agent;
            // a bare kill verb beside another cue of violence ("troops killed three in a
            // firefight") tells of that same event; a state force's killing after a group's
            // violence ("emboscaron a una patrulla ...; los efectivos abatieron a tres de los
            // agresores") is the force's answer, an event of its own
            let answer = |qa: &Option<agents::Armed>| {
                qa.as_ref().is_some_and(|a| a.non_state)
                    && agent.as_ref().is_some_and(|a| !a.non_state)
            };
            // ("abatió a tres responsables de la emboscada del 9 de mayo": that ambush is
            // another event, told as what they did); a kill verb with a day of its own
            // ("while on Feb. 22 another killed a commander") is its own event
            if split_at.is_none()
                && bare_kill(p.e.value())
                && plan.picked.iter().zip(&found).any(|(q, qa)| {
                    // ("negó haber bombardeado caseríos, pero confirmó que sus tropas
                    // abatieron a cuatro": after a "but", another event)
                    let (lo, hi) = (q.e.ts.min(p.e.ts), q.e.ts.max(p.e.ts));
                    let contrast =
                        (lo..hi).any(|k| s.l.grammar.contrast.contains(&s.ctx.toks[k].lower));
                    q.e.ts != p.e.ts
                        && !contrast
                        && !across(q.e.ts, p.e.ts)
                        && q.e.value().event_type.is_violent()
                        && !bare_kill(q.e.value())
                        && !answer(qa)
                        && !elsewhere
                            .iter()
                            .any(|&(a, b)| a <= q.e.ts && q.e.te <= b && !(a..b).contains(&p.e.ts))
                })
            {
                continue;
            }
            let kind = if events::kinetic_fact(p) {
                ReportKind::Event
            } else {
                ReportKind::Development
            };
            if kind == ReportKind::Development {
                let strong_fact = !p.e.value().weak && p.m == Modality::Occurred;
                if (plan.occurred_kinetic && !strong_fact) || Some(pi) != plan.first_dev {
                    continue;
                }
            }
            let second = parallel_at.is_some_and(|(_, y, _)| y == p.e.ts);
            if split_at.is_none() && !second {
                if seen.contains(&(et, p.m)) {
                    continue;
                }
                seen.push((et, p.m));
            }
            let segment = answer_at
                .map(|(q_ts, p_ts, cut)| {
                    if p.e.ts == p_ts {
                        (cut, s.ctx.toks.len())
                    } else if p.e.ts == q_ts || (side_by_side && p.e.ts < cut) {
                        (0, cut)
                    } else if side_by_side {
                        (cut, s.ctx.toks.len())
                    } else {
                        (0, s.ctx.toks.len())
                    }
                })
                .or(side_cut.map(|cut| (0, cut)));
            let who = Who {
                et,
                agent,
                armed: &armed,
                segment,
                own_place: side_by_side,
            };
            let c = self.event_report(s, plan, p, split_at, kind, &who, src);
            if self.per_country(s, p, &c, src, out) {
                continue;
            }
            // an act told as done and denied after it: the denial too, which contests it
            if let Some(d) = (c.kind == CandKind::Report(ReportKind::Event)
                && c.report.modality == Modality::Occurred)
                .then(|| {
                    super::modality::answered_denial(s.l, &p.e, &s.mods, s.killed_here, &s.ctx.toks)
                })
                .flatten()
            {
                // (the denial is the outlet's report of another party's word, not the
                // telling's source: the toll it lists stays credited to whoever claimed it)
                let mut denial = c.clone();
                denial.answer = true;
                let toks = &s.ctx.toks;
                let span = [toks[d.ts].start, toks[d.te - 1].end];
                denial.report.modality = Modality::Denied;
                denial.report.source = Source::outlet();
                for cl in denial.report.claims.iter_mut() {
                    cl.modality = Modality::Denied;
                    if cl.field == ClaimField::Modality {
                        cl.value = Modality::Denied.as_str().into();
                        cl.span = span;
                        cl.surface = s.ctx.surface(span[0], span[1]).to_string();
                        cl.rule = format!("lex:{}", d.phrase.text);
                        cl.source = Source::outlet();
                    }
                }
                out.push(c);
                out.push(denial);
                continue;
            }
            if c.kind == CandKind::Report(ReportKind::Reference) {
                // a mention of an earlier event leaves room for the sentence's own news
                // ("in the first such attack since ..., the military struck a boat")
                seen.retain(|x| *x != (et, p.m));
                if p.e.value().noun {
                    reference_nouns.push((p.e.ts, p.e.te));
                }
            } else if c.kind == CandKind::Report(ReportKind::Event)
                && !p.e.value().noun
                && told_by_its_noun(s.l, &s.ctx.toks, &reference_nouns, p.e.ts)
            {
                continue;
            }
            out.push(c);
        }
    }

    /// "Bombers struck sites in Iraq and Syria": an event told in two or three countries
    /// at once is one event in each (a ledger counts events by country), pushed to `out` in
    /// the order named; true if so. A toll of the whole cannot be shared out, so the parts
    /// carry no figures; a later sentence's toll for one country ("16 were killed on Iraqi
    /// soil") joins that one's.
    fn per_country(
        &self,
        s: &Sentence,
        p: &Picked,
        c: &Cand,
        src: &Source,
        out: &mut Vec<Cand>,
    ) -> bool {
        let r = &c.report;
        // the place the report has is a fallback (a country lent by the group or force, a
        // demonym beside a site: "la aviación paquistaní atacó campamentos"), as no place
        // of the joined ones is named alone; but a strike at sea stays at sea
        let at_sea = r.target_kind == Some(TargetKind::Vessel)
            || r.place.as_ref().is_some_and(|p| p.region_code.is_some());
        if c.kind != CandKind::Report(ReportKind::Event) || at_sea || !r.event_type.is_violent() {
            return false;
        }
        let joined = self.joined_countries(s.l, s.ctx, &s.ev_ends, Some(p.e.te));
        if joined.len() < 2 {
            return false;
        }
        for (place, a, b) in joined {
            let mut one = c.clone();
            one.report.figures = Default::default();
            one.report
                .claims
                .retain(|cl| !matches!(cl.field, ClaimField::Figure(_) | ClaimField::Place));
            one.report.claims.push(s.ctx.claim(
                ClaimField::Place,
                place.name.as_str().into(),
                [a, b],
                src,
                p.m,
                "gazetteer.joined",
            ));
            one.report.place = Some(place);
            out.push(one);
        }
        true
    }

    /// The candidate of one kept event cue: its cues, date, target, means, place, figures,
    /// actors, and the official body that is its subject.
    #[allow(clippy::too_many_arguments)]
    fn event_report(
        &self,
        s: &Sentence,
        plan: &Plan,
        p: &Picked,
        split_at: Option<usize>,
        kind: ReportKind,
        who: &Who,
        src: &Source,
    ) -> Cand {
        let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
        let (e, m) = (&p.e, p.m);
        let et = who.et;
        let mut rep = base_report(kind, et, m, ctx, src);
        events::claim_cues(&mut rep, s, p, src);
        let (dated, weekday) = dating::date_event(&mut rep, s, plan, p, split_at, src);
        let within = who.segment.filter(|_| who.own_place);
        self.target(&mut rep, s, e, m, src, within);
        if et == EventType::Strike {
            let means = e
                .value()
                .means
                .clone()
                .or_else(|| s.means.first().map(|h| h.value().clone()))
                .unwrap_or_else(|| "unknown".to_string());
            rep.means = Some(means);
        }
        // events split by their own days ("destruyeron el lunes una lancha en el Caribe ... y
        // el martes otra en el Pacífico oriental"): each placed in its own part when that
        // part names a place, else as the sentence places it
        let parts = split_parts(plan, toks.len());
        let split_part = split_at.and_then(|k| parts.get(k).copied());
        match (within, split_part) {
            (None, Some(part)) => {
                self.place_report(&mut rep, s, e, m, src, Some(part));
                if rep.place.is_none() {
                    self.place_report(&mut rep, s, e, m, src, None);
                }
            }
            _ => self.place_report(&mut rep, s, e, m, src, within),
        }
        if kind == ReportKind::Event {
            // split: the figures between this event and the next split one (the first also
            // takes those before it)
            let segment = split_part.or(who.segment);
            figures::event_figures(&mut rep, s, e, m, segment, src);
            if let (Some(k), Some(part)) = (split_at, split_part) {
                figures::respective(&mut rep, s, (k, parts.len()), m, src);
                figures::elided_count(&mut rep, s, part, &parts, m, src);
            }
        }
        attribution::add_actors(&mut rep, &s.actors, &s.forces, ctx, src, m);
        // one of two events side by side: no state lent from the other's part
        let own_armed: Vec<agents::Armed>;
        let armed = match within {
            Some((a, b)) => {
                own_armed = who
                    .armed
                    .iter()
                    .filter(|x| (a..b).contains(&x.ts))
                    .cloned()
                    .collect();
                &own_armed[..]
            }
            None => who.armed,
        };
        agents::set_perpetrator(
            &mut rep,
            who.agent.clone(),
            armed,
            e.value()
                .by_force
                .then(|| [toks[e.ts].start, toks[e.te - 1].end]),
            ctx,
            src,
            m,
        );
        agents::add_partners(&mut rep, who.agent.as_ref(), &s.scene(), src, m);
        agents::ordered_by(&mut rep, l, ctx, &s.actors, e, &self.gaz, src, m);
        let noun_event = kind == ReportKind::Event && e.value().noun && !e.value().plural;
        let ordinal = noun_event
            .then(|| events::ordinal_before(toks, e.ts, l))
            .flatten();
        let definite = noun_event && (events::definite_of(s, e.ts) || events::blamed_of(s, e.ts));
        let day = rep
            .date
            .as_deref()
            .filter(|_| dated)
            .and_then(super::dating::latest_day);
        let own_day = dated
            && rep
                .date
                .as_deref()
                .is_some_and(|d| d.len() == "YYYY-MM-DD".len());
        // a section heading names the story's event ("Víctimas y circunstancias del ataque con
        // dron"): a noun, no toll, no day of its own
        let heading = e.value().noun && !own_day && rep.figures.killed.is_none() && is_heading(ctx);
        let kind = if kind == ReportKind::Event
            && (heading || references::is_reference(s, e, ordinal, definite, day, own_day))
        {
            rep.kind = ReportKind::Reference;
            // "opened a review on Monday of the Sept. 2 strike": the day written against the
            // noun is the event's, not the day of what the sentence tells of it
            if let Some(d) = references::named_date(s, e, definite) {
                if d.date.is_some() && rep.date != d.date {
                    rep.claims.retain(|c| c.field != crate::ClaimField::Date);
                    super::report::set_date(&mut rep, d, ctx, src);
                }
            }
            ReportKind::Reference
        } else {
            kind
        };
        Cand {
            kind: CandKind::Report(kind),
            report: rep,
            dated,
            subject: attribution::subject(&s.actors, e.ts, kind),
            parts: Vec::new(),
            weekday,
            ordinal,
            // (a verb whose subject is the weapon told of already is that event told again)
            definite: definite || !e.value().noun && events::weapon_told_again(s, e.ts),
            generic: e.value().generic,
            country: None,
            topic: definite && events::topic_of(s, e.ts),
            answer: false,
        }
    }
}

/// Whether the verb cue at `verb` has for its subject an event noun told as an earlier event
/// (`reference_nouns`, where each starts and ends): the sentence opens on it with a definite
/// article, no comma before it, and it stands right before the verb or with only a phrase set
/// off by commas between ("The September 2 strike hit a boat and killed 11", "The deadliest
/// single raid, on April 17, 2025, hit the port", "The first strike of the campaign, on
/// September 2, hit"). The verb tells that earlier event, which the noun's reference carries
/// with the clause's figures and place: no event of its own. ("After the September 2 strike,
/// the Navy hit another boat": the noun is no subject.)
fn told_by_its_noun(
    l: &LangLex,
    toks: &[crate::tokens::Tok],
    reference_nouns: &[(usize, usize)],
    verb: usize,
) -> bool {
    let opens_on = |ts: usize| {
        toks.first().is_some_and(|t| l.definite.contains(&t.lower))
            && !toks[..ts]
                .iter()
                .any(|t| t.kind == TokKind::Punct && t.lower != "." && t.lower != "-")
    };
    reference_nouns.iter().any(|&(ts, te)| {
        if te > verb || !opens_on(ts) {
            return false;
        }
        let between = &toks[te..verb];
        between.is_empty()
            || (2..=APPOSITION_LEN).contains(&between.len())
                && between.last().is_some_and(|t| t.lower == ",")
                && between[..between.len() - 1].iter().any(|t| t.lower == ",")
                && !between
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "." | ";" | ":" | "—" | "–"))
    })
}

/// The most tokens a phrase set off by commas between an event noun and its verb may take
/// (", on April 17, 2025," is nine).
const APPOSITION_LEN: usize = 12;

#[cfg(test)]
mod tests {
    use super::super::testing::{en, es, extractor};
    use super::*;

    #[test]
    fn a_sentence_with_no_stop_is_read_in_bounded_stretches() {
        let text = format!(
            "A strike hit a boat. {}",
            "and then the boat went on ".repeat(4000)
        );
        let rs = segment(&text, Lang::En);
        assert!(rs.len() > 10, "{}", rs.len());
        // in order, within the cap, and nothing but spaces left out
        let mut covered = 0;
        for w in rs.windows(2) {
            assert!(w[0].end <= w[1].start);
            assert!(text[w[0].end..w[1].start].trim().is_empty());
        }
        for r in &rs {
            assert!(r.end - r.start <= MAX_SENTENCE_BYTES);
            covered += r.end - r.start;
        }
        assert!(covered >= text.trim().len() - rs.len(), "{covered}");
        // a stretch with no space at all is cut on a character boundary
        let text = "é".repeat(10_000);
        for r in segment(&text, Lang::En) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert!(r.end - r.start <= MAX_SENTENCE_BYTES);
        }
    }

    #[test]
    fn a_quoted_sentence_is_told_by_its_function_words() {
        let toks = crate::tokens::tokenize(
            "The strike was carried out by the forces of the state in the Caribbean",
            0,
        );
        assert!(written_in(en(), es(), &toks));
        assert!(!written_in(es(), en(), &toks));
    }

    #[test]
    fn one_sentence_yields_an_event_with_its_claims() {
        let text = "U.S. forces struck a boat in the Caribbean on Monday, killing three people.";
        let ctx = super::super::testing::sentence_ctx(text);
        let mut out = Vec::new();
        let mut anchor = None;
        extractor().sentence(
            en(),
            &ctx,
            NaiveDate::from_ymd_opt(2025, 11, 5),
            None,
            &mut anchor,
            &mut out,
        );
        assert_eq!(out.len(), 1);
        let r = &out[0].report;
        assert_eq!(
            (r.kind, r.date.as_deref()),
            (ReportKind::Event, Some("2025-11-03"))
        );
        assert_eq!(anchor, NaiveDate::from_ymd_opt(2025, 11, 3));
        for c in &r.claims {
            assert_eq!(&text[c.span[0]..c.span[1]], c.surface);
        }
    }
}
