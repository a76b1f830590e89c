//! Tolls beyond "N killed": a list of the dead summed ("four children and two women"), all
//! of a count denied survival ("none of them survived"), a named person killed ("killed
//! Abu Yusuf", "Abu Yusuf was killed"), no one killed ("no casualties", "sin víctimas"), and
//! which event a toll is told of: another event's clause ("in retaliation for the ambush
//! that killed two soldiers", "two days after a strike killed 70") or a sum over places
//! ("en ambos países"), which no event of the sentence takes.

use super::{FieldFig, Figures};
use crate::lexicon::{AttrCue, CuePos, FigCue, FillerKind, Hit, LangLex, TollCue};
use crate::numbers::{self, Hedge, Quantity};
use crate::pipeline::sentence::SentCtx;
use crate::tokens::{Tok, TokKind, Word};
use crate::{Field, Figure};

/// The most people named in one list of the dead ("four children, two women and a man").
const MAX_LIST: usize = 6;

/// The most tokens of an aside between a name and its verb ("Abu Yusuf, a senior leader of
/// the group, was killed").
const MAX_ASIDE: usize = 10;

/// The most words of a name.
const MAX_NAME: usize = 5;

/// Most tokens after one more person named after a toll in which a verb makes them a speaker
/// ("and a commander of the unit said", "and a resident, who asked not to be named, said").
const SPEAKER_REACH: usize = 12;

/// Most tokens between dead fronted at a sentence's start and the copula that joins them to
/// their count ("Among the dead in the Nigerian air force raid in Zamfara on Monday were").
const FRONT_REACH: usize = 14;

/// A figure of `v` over the tokens `ts..te` (its surface is what they cover).
fn quantity(
    ctx: &SentCtx,
    ts: usize,
    te: usize,
    low: i64,
    best: i64,
    high: Option<i64>,
    hedge: Hedge,
) -> Quantity {
    let (start, end) = (ctx.toks[ts].start, ctx.toks[te - 1].end);
    Quantity {
        figure: Figure {
            low: Some(low),
            best: Some(best),
            high,
            approx: false,
            surface: ctx.surface(start, end).to_string(),
        },
        start,
        end,
        tok_start: ts,
        tok_end: te,
        hedge,
        article: false,
    }
}

fn person(l: &LangLex, w: &Word) -> bool {
    matches!(
        l.filler_kinds.get(w),
        Some(FillerKind::Person | FillerKind::Security)
    )
}

/// The end of the people a count names right after it ("four children", "dos menores de
/// edad"): fillers with a noun of people among them.
pub(super) fn people_end(l: &LangLex, toks: &[Tok], at: usize) -> Option<usize> {
    let mut end = None;
    for (k, t) in toks.iter().enumerate().skip(at).take(4) {
        // (a form of "to be" ends the people: what follows is said of them, "dos
        // delincuentes fueron abatidos y un elemento resultó lesionado")
        if !l.fillers.contains(&t.lower) || k > at && l.grammar.copula.contains(&t.lower) {
            break;
        }
        if person(l, &t.lower) {
            end = Some(k + 1);
        }
    }
    end
}

impl Figures<'_> {
    fn killed_here(out: &[FieldFig]) -> bool {
        out.iter().any(|f| !f.tally && f.field == Field::Killed)
    }

    /// Runs every rule of this module over the sentence's figures.
    pub(super) fn tolls(&self, qs: &[Quantity], out: &mut Vec<FieldFig>) {
        let hits = self.l.tolls.find_all(&self.ctx.toks);
        self.fronted(qs, out);
        self.enumerations(qs, out);
        self.all_but(qs, out);
        self.none_of_them(qs, out);
        self.zero(qs, &hits, out);
        self.named(out);
        self.and_others(qs, &hits, out);
        self.and_one_more(out);
        self.revised(qs, &hits, out);
        exact_first(out);
        self.bind(&hits, out);
    }

    /// "killed four children and two women": one toll, the sum of the list.
    fn enumerations(&self, qs: &[Quantity], out: &mut Vec<FieldFig>) {
        let (l, toks) = (self.l, &self.ctx.toks);
        let mut i = 0;
        while i < qs.len() {
            // the list from qs[i]: counts of people joined by "and" or commas
            let mut parts: Vec<(usize, usize)> = Vec::new(); // (index in qs, end of people)
            let mut k = i;
            while k < qs.len() && parts.len() < MAX_LIST {
                let q = &qs[k];
                if self.in_date(q) || q.figure.best.is_none() || q.figure.approx {
                    break;
                }
                // ("five Clan del Golfo gunmen": a group's name before its people)
                let end = people_end(l, toks, q.tok_end).or_else(|| {
                    let (e, sure) = super::name_end(l, self.ctx, self.names, q.tok_end)?;
                    people_end(l, toks, e).filter(|_| sure)
                });
                let Some(end) = end else {
                    break;
                };
                // "killing three people, four officials said": people who speak are the
                // sources of the toll, not more of its dead
                // ("two civilians said to be shepherds": described, not speaking)
                let speak = l.attribution.at(toks, end).is_some_and(|h| {
                    matches!(h.value(), AttrCue::Verb)
                        && !toks
                            .get(h.te)
                            .is_some_and(|t| l.grammar.infinitive_mark.contains(&t.lower))
                });
                if speak {
                    break;
                }
                parts.push((k, end));
                let joined = toks
                    .get(end)
                    .is_some_and(|t| t.lower == "," || l.grammar.and.contains(&t.lower))
                    && qs.get(k + 1).is_some_and(|n| {
                        // "and two women", ", and two women", "and her three children",
                        // "y a un policía"
                        let w = &toks[(end + 1).min(toks.len() - 1)].lower;
                        let between = l.grammar.and.contains(w)
                            || l.filler_kinds.get(w) == Some(&FillerKind::Pronoun)
                            || l.grammar.object_mark.contains(w)
                                && l.grammar.and.contains(&toks[end].lower);
                        // "y a sus dos hijos": the object's mark and a possessive
                        let marked_own = n.tok_start == end + 3
                            && l.grammar.and.contains(&toks[end].lower)
                            && l.grammar.object_mark.contains(&toks[end + 1].lower)
                            && l.filler_kinds.get(&toks[end + 2].lower)
                                == Some(&FillerKind::Pronoun);
                        n.tok_start == end + 1 || n.tok_start == end + 2 && between || marked_own
                    });
                if !joined {
                    break;
                }
                k += 1;
            }
            if parts.len() < 2 {
                i += 1;
                continue;
            }
            let starts: Vec<usize> = parts.iter().map(|(k, _)| qs[*k].start).collect();
            let mine: Vec<&FieldFig> = out.iter().filter(|f| starts.contains(&f.q.start)).collect();
            let killed = mine.iter().any(|f| f.field == Field::Killed && !f.tally);
            if killed && mine.iter().all(|f| f.field == Field::Killed) {
                let own_loss = mine.iter().all(|f| f.own_loss);
                let (mut low, mut best, mut high) = (0i64, 0i64, Some(0i64));
                for (k, _) in &parts {
                    let f = &qs[*k].figure;
                    let b = f.best.unwrap_or(0);
                    best = best.saturating_add(b);
                    low = low.saturating_add(f.low.unwrap_or(b));
                    high = high.zip(f.high).map(|(a, b)| a.saturating_add(b));
                }
                let first = &qs[parts[0].0];
                let last_end = parts[parts.len() - 1].1;
                let hedge = if high.is_some() {
                    Hedge::Exact
                } else {
                    Hedge::AtLeast
                };
                let q = quantity(self.ctx, first.tok_start, last_end, low, best, high, hedge);
                let at = out
                    .iter()
                    .position(|f| starts.contains(&f.q.start))
                    .unwrap_or(out.len());
                out.retain(|f| !starts.contains(&f.q.start));
                let mut f = FieldFig::new(Field::Killed, q, false);
                f.own_loss = own_loss;
                out.insert(at.min(out.len()), f);
            }
            i += parts.len();
        }
    }

    /// "Killed in Tuesday's strike were four men", "Among the dead were 15 bandits", "Entre
    /// los muertos figuran siete disidentes", "Among the dead was Abu Yusuf": dead (or
    /// wounded) fronted at the sentence's start or after "among the", joined by a form of
    /// "to be" (grammar `copula`) to the count of people, or the name, right after it.
    fn fronted(&self, qs: &[Quantity], out: &mut Vec<FieldFig>) {
        let (l, toks) = (self.l, &self.ctx.toks);
        let g = &l.grammar;
        for h in l.figures.find_all(toks) {
            let field = h.value().field;
            if !matches!(field, Field::Killed | Field::Injured)
                || out.iter().any(|f| !f.tally && f.field == field)
            {
                continue;
            }
            let among = h.ts >= 2
                && g.among.contains(&toks[h.ts - 2].lower)
                && g.article_pl.contains(&toks[h.ts - 1].lower);
            if !(h.ts == 0 || among) {
                continue;
            }
            // the copula, in the same stretch of words (a day's or an event's words between:
            // "in the Nigerian air force raid in Zamfara on Monday")
            let Some(k) = (h.te..(h.te + FRONT_REACH).min(toks.len()))
                .take_while(|&k| !matches!(toks[k].lower.as_str(), "," | ";" | ":"))
                .find(|&k| g.copula.contains(&toks[k].lower))
            else {
                continue;
            };
            let q = qs.iter().find(|q| {
                q.tok_start == k + 1
                    && !self.in_date(q)
                    && q.figure.best.is_some()
                    && people_end(l, toks, q.tok_end).is_some()
            });
            let q = match q {
                Some(q) => q.clone(),
                None => match self.name_at(k + 1) {
                    Some(e) => quantity(self.ctx, k + 1, e, 1, 1, Some(1), Hedge::Exact),
                    None => continue,
                },
            };
            out.retain(|f| f.q.start != q.start);
            out.push(FieldFig::new(field, q, false));
            return;
        }
    }

    /// "All but one of the six aboard were killed", "todos menos dos de los nueve ocupantes
    /// murieron": the count after "of the" less the one left out before it.
    fn all_but(&self, qs: &[Quantity], out: &mut [FieldFig]) {
        let (l, toks) = (self.l, &self.ctx.toks);
        let g = &l.grammar;
        for f in out
            .iter_mut()
            .filter(|f| !f.tally && !matches!(f.field, Field::Vessels | Field::Strikes))
        {
            let at = f.q.tok_start;
            let of_the = at >= 2
                && g.of.contains(&toks[at - 2].lower)
                && (g.article_pl.contains(&toks[at - 1].lower)
                    || g.demonstrative_pl.contains(&toks[at - 1].lower));
            if !of_the {
                continue;
            }
            let Some(part) = qs.iter().find(|p| p.tok_end == at - 2) else {
                continue;
            };
            let all_but = part.tok_start >= 2
                && g.except.contains(&toks[part.tok_start - 1].lower)
                && g.all_of.contains(&toks[part.tok_start - 2].lower);
            let (Some(whole), Some(left)) = (f.q.figure.best, part.figure.best) else {
                continue;
            };
            if !all_but || left >= whole || part.figure.approx || f.q.figure.approx {
                continue;
            }
            f.q = quantity(
                self.ctx,
                part.tok_start - 2,
                f.q.tok_end,
                whole - left,
                whole - left,
                Some(whole - left),
                Hedge::Exact,
            );
        }
    }

    /// "The boat carried four men; none of them survived": the count before is the dead.
    fn none_of_them(&self, qs: &[Quantity], out: &mut Vec<FieldFig>) {
        let (l, toks) = (self.l, &self.ctx.toks);
        for i in 0..toks.len().saturating_sub(3) {
            let denied = l.none.contains(&toks[i].lower)
                && l.grammar.of.contains(&toks[i + 1].lower)
                && l.filler_kinds.get(&toks[i + 2].lower) == Some(&FillerKind::Pronoun);
            if !denied {
                continue;
            }
            let mut j = i + 3;
            while j < toks.len() && j < i + 6 && l.fillers.contains(&toks[j].lower) {
                j += 1;
            }
            let survived = l.figures.at(toks, j).is_some_and(|h| {
                h.value().field == Field::Survivors && h.value().pos != CuePos::Before
            });
            if !survived {
                continue;
            }
            let q = qs.iter().rev().find(|q| {
                q.tok_end <= i
                    && !q.article
                    && !q.figure.approx
                    && q.figure.best.is_some()
                    && !self.in_date(q)
                    && people_end(l, toks, q.tok_end).is_some()
            });
            if let Some(q) = q {
                match out.iter_mut().find(|f| f.q.start == q.start) {
                    Some(f) if f.field == Field::Killed => {}
                    Some(_) => {}
                    None => out.push(FieldFig::new(Field::Killed, q.clone(), false)),
                }
            }
            return;
        }
    }

    /// "no casualties", "sin que se reportaran bajas": no one was killed (unless the
    /// sentence counts its dead otherwise). A zero for some only ("no civilian casualties",
    /// "sin bajas propias") is no phrase of this kind.
    fn zero(&self, qs: &[Quantity], hits: &[Hit<TollCue>], out: &mut Vec<FieldFig>) {
        // "There were no survivors", "no hubo sobrevivientes": a count of survivors, zero
        let survivors = out.iter().any(|f| !f.tally && f.field == Field::Survivors);
        // (not where the sentence doubts it: "could not confirm reports that there were no
        // survivors")
        // (a negation inside the phrase itself, "no hubo", is the phrase's own)
        let doubted = |h: &Hit<TollCue>| {
            hits.iter().any(|x| *x.value() == TollCue::Superseded)
                || self.l.modality.find_all(&self.ctx.toks).iter().any(|m| {
                    m.value().modality != crate::Modality::Occurred
                        && (m.te <= h.ts || m.ts >= h.te)
                })
        };
        if let Some(h) = hits
            .iter()
            .find(|h| *h.value() == TollCue::NoSurvivors && !survivors && !doubted(h))
        {
            let q = quantity(self.ctx, h.ts, h.te, 0, 0, Some(0), Hedge::Zero);
            out.push(FieldFig::new(Field::Survivors, q, false));
            self.all_of_those_aboard(qs, h, out);
        }
        if Self::killed_here(out) {
            return;
        }
        // "No hubo bajas entre los militares", "no casualties among the troops": the force's
        // own, a zero for some only
        let toks = &self.ctx.toks;
        // (in the zero's own phrase: "No casualties were reported, police said" names the
        // source, not whose zero)
        let own = |h: &Hit<TollCue>| {
            (h.te..(h.te + 4).min(toks.len()))
                .take_while(|&i| toks[i].kind == TokKind::Word)
                .any(|i| self.l.filler_kinds.get(&toks[i].lower) == Some(&FillerKind::Security))
        };
        if let Some(h) = hits.iter().find(|h| *h.value() == TollCue::Zero && !own(h)) {
            let q = quantity(self.ctx, h.ts, h.te, 0, 0, Some(0), Hedge::Zero);
            out.push(FieldFig::new(Field::Killed, q, false));
        }
    }

    /// "destroyed a vessel with three people aboard ...; there were no survivors", "una
    /// lancha con cinco ocupantes; no hubo sobrevivientes": with no toll of its own, a
    /// sentence that leaves no survivor counts as dead the one exact count of people before
    /// the phrase (people named right after the number, or aboard a few words after it).
    fn all_of_those_aboard(&self, qs: &[Quantity], h: &Hit<TollCue>, out: &mut Vec<FieldFig>) {
        if Self::killed_here(out) {
            return;
        }
        let (l, toks) = (self.l, &self.ctx.toks);
        let aboard: Vec<&Quantity> = qs
            .iter()
            .filter(|q| {
                q.tok_end <= h.ts
                    && !q.article
                    && !q.figure.approx
                    && q.figure.best.is_some_and(|n| n > 0)
                    && !self.in_date(q)
                    && !out.iter().any(|f| f.q.start == q.start)
                    && (people_end(l, toks, q.tok_end).is_some()
                        || (q.tok_end..(q.tok_end + super::ABOARD_REACH).min(h.ts))
                            .any(|i| l.grammar.aboard.contains(&toks[i].lower)))
            })
            .collect();
        if let [q] = aboard[..] {
            out.push(FieldFig::new(Field::Killed, q.clone(), false));
        }
    }

    /// Whether token `i` is a word written with a capital, and more than capitals ("Abu",
    /// not "ISIS", "U"), that is no date and no function word.
    fn capital(&self, i: usize) -> bool {
        let (ctx, l) = (self.ctx, self.l);
        let Some(t) = ctx.toks.get(i) else {
            return false;
        };
        let w = ctx.surface(t.start, t.end);
        t.kind == TokKind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && !l.function_words.contains(&t.lower)
            && !l.fillers.contains(&t.lower)
            && !self
                .dates
                .iter()
                .any(|d| d.start <= t.start && t.end <= d.end)
    }

    /// The name that starts at token `i`: words with capitals, joined by hyphens
    /// ("al-Baghdadi"); its end. A lone word ending in "s" is no name ("Americans").
    fn name_at(&self, i: usize) -> Option<usize> {
        let toks = &self.ctx.toks;
        if !self.capital(i) {
            return None;
        }
        let mut e = i + 1;
        while e < toks.len() && e - i < MAX_NAME {
            let glued = |a: usize| toks[a].start == toks[a - 1].end;
            if self.capital(e) {
                e += 1;
            } else if toks[e].lower == "-" && glued(e) && e + 1 < toks.len() && glued(e + 1) {
                e += 2;
            } else if toks[e].kind == TokKind::Word
                && toks
                    .get(e + 1)
                    .is_some_and(|n| n.lower == "-" && n.start == toks[e].end)
            {
                // "al-Baghdadi": a particle glued to the next part
                e += 1;
            } else {
                break;
            }
        }
        let single_plural = e == i + 1 && toks[i].lower.ends_with('s');
        let before_people = toks.get(e).is_some_and(|t| person(self.l, &t.lower));
        (!single_plural && !before_people).then_some(e)
    }

    /// A named person killed is one dead: "killed Abu Yusuf", "killed senior member Abu
    /// Yusuf", "abatió a Juan Pérez", "Abu Yusuf, a senior leader, was killed", "Juan
    /// Pérez fue abatido".
    fn named(&self, out: &mut Vec<FieldFig>) {
        if Self::killed_here(out) {
            return;
        }
        let (l, toks) = (self.l, &self.ctx.toks);
        let cues: Vec<Hit<FigCue>> = l
            .figures
            .find_all(toks)
            .into_iter()
            .filter(|h| h.value().field == Field::Killed)
            .collect();
        let name = cues
            .iter()
            .filter(|h| h.value().pos != CuePos::After)
            .find_map(|h| self.named_object(h))
            .or_else(|| {
                cues.iter()
                    .filter(|h| h.value().pos != CuePos::Before)
                    .find_map(|h| self.named_subject(h))
            });
        if let Some((i, e)) = name {
            let q = quantity(self.ctx, i, e, 1, 1, Some(1), Hedge::Exact);
            out.push(FieldFig::new(Field::Killed, q, false));
        }
    }

    /// "killed Abu Yusuf", "killed ISIS commander Abu Yusuf", "abatió a Juan Pérez": a name
    /// right after a killing verb, or after a singular noun of people close after it.
    fn named_object(&self, h: &Hit<FigCue>) -> Option<(usize, usize)> {
        let (l, toks) = (self.l, &self.ctx.toks);
        let mut k = h.te;
        // "mató el martes a Abu Yusuf": the day's words between the verb and its object
        let in_date = |t: &Tok| {
            self.dates
                .iter()
                .any(|d| d.start <= t.start && t.end <= d.end)
        };
        while toks.get(k).is_some_and(|t| {
            in_date(t) || super::opens_day(l, &t.lower) && toks.get(k + 1).is_some_and(in_date)
        }) {
            k += 1;
        }
        if toks
            .get(k)
            .is_some_and(|t| l.grammar.object_mark.contains(&t.lower))
        {
            k += 1;
        }
        // "abatió a alias el Cabezón": a nickname, its article aside
        if toks
            .get(k)
            .is_some_and(|t| l.grammar.alias.contains(&t.lower))
        {
            k += 1;
            // "alias 'El Chuy'": the nickname's quotation mark
            if toks.get(k).is_some_and(super::is_quote) {
                k += 1;
            }
            if toks
                .get(k)
                .is_some_and(|t| l.grammar.article_sg.contains(&t.lower))
            {
                k += 1;
            }
        }
        if let Some(e) = self.name_at(k) {
            return Some((k, e));
        }
        // "killed senior member Abu Yusuf": a singular noun of people, then the name
        for m in k..(k + 4).min(toks.len()) {
            let t = &toks[m];
            if t.kind != TokKind::Word || numbers::number_at(toks, m, "", &l.nums, 0).is_some() {
                return None;
            }
            if person(l, &t.lower) {
                return if l.singular(&t.lower) {
                    self.name_at(m + 1).map(|e| (m + 1, e))
                } else {
                    None
                };
            }
        }
        None
    }

    /// "Abu Yusuf was killed", "Abu Yusuf, a senior leader of the group, was reportedly
    /// killed", "Juan Pérez fue abatido": a name, an aside, a singular verb, the cue.
    fn named_subject(&self, h: &Hit<FigCue>) -> Option<(usize, usize)> {
        let (l, toks) = (self.l, &self.ctx.toks);
        let singular = |k: usize| l.filler_kinds.get(&toks[k].lower) == Some(&FillerKind::Singular);
        let mut j = h.ts;
        while j > 0 && h.ts - j < 4 && !singular(j - 1) && l.fillers.contains(&toks[j - 1].lower) {
            j -= 1;
        }
        if j == 0 || !singular(j - 1) {
            return None;
        }
        let mut e = j - 1;
        if e > 0 && toks[e - 1].lower == "," {
            e = (e.saturating_sub(MAX_ASIDE)..e - 1)
                .rev()
                .find(|&k| toks[k].lower == ",")?;
        }
        // back to the name's first word, over words with capitals and hyphens
        let mut s = e;
        while s > 0 && e - s < MAX_NAME * 2 {
            let glued = toks[s - 1].end == toks.get(s).map_or(0, |t| t.start);
            if self.capital(s - 1)
                || glued && toks[s - 1].kind == TokKind::Word
                || toks[s - 1].lower == "-" && glued
            {
                s -= 1;
            } else {
                break;
            }
        }
        (s < e && self.name_at(s) == Some(e)).then_some((s, e))
    }

    /// "killed a senior commander of the militia and two other people", "mató a Raúl Reyes
    /// y a otras dos decenas de personas": the toll, and more of the same dead after it in
    /// its clause.
    fn and_others(&self, qs: &[Quantity], hits: &[Hit<TollCue>], out: &mut [FieldFig]) {
        let (l, ctx, toks) = (self.l, self.ctx, &self.ctx.toks);
        let more = |k: usize| {
            hits.iter()
                .any(|h| *h.value() == TollCue::More && h.ts == k)
        };
        let Some(i) = out
            .iter()
            .position(|f| !f.tally && f.field == Field::Killed)
        else {
            return;
        };
        let f = &out[i];
        let Some(mut k) = self.after_and(f) else {
            return;
        };
        let marked_before = more(k);
        if marked_before {
            k += 1;
        }
        let Some(q) = qs.iter().find(|q| q.tok_start == k && !q.article) else {
            return;
        };
        let end = match people_end(l, toks, q.tok_end) {
            Some(e) => e,
            // "y a otros tres."
            None if marked_before
                && toks.get(q.tok_end).is_none_or(|t| t.kind != TokKind::Word) =>
            {
                q.tok_end
            }
            // "y dos más"
            None if more(q.tok_end) => q.tok_end + 1,
            None => return,
        };
        // "and about 20 of his fighters", "y a 12 de sus hombres": a band of the named
        // person's, others than them
        let theirs = toks
            .get(q.tok_end)
            .is_some_and(|t| l.grammar.of.contains(&t.lower))
            && toks
                .get(q.tok_end + 1)
                .is_some_and(|t| l.filler_kinds.get(&t.lower) == Some(&FillerKind::Pronoun))
            && f.q.figure.best == Some(1);
        if !(marked_before || theirs || (q.tok_end..end).any(more)) || q.figure.approx && !theirs {
            return;
        }
        // "killed four and two others were wounded": those are the wounded
        if self.field(q).is_some_and(|c| c.field != Field::Killed) {
            return;
        }
        let (Some(a), Some(b)) = (f.q.figure.best, q.figure.best) else {
            return;
        };
        let low =
            f.q.figure
                .low
                .unwrap_or(a)
                .saturating_add(q.figure.low.unwrap_or(b));
        let high =
            f.q.figure
                .high
                .zip(q.figure.high)
                .map(|(x, y)| x.saturating_add(y));
        let hedge = if high.is_some() {
            f.q.hedge
        } else {
            Hedge::AtLeast
        };
        let sum = quantity(
            ctx,
            f.q.tok_start,
            end,
            low,
            a.saturating_add(b),
            high,
            hedge,
        );
        out[i].q = sum;
    }

    /// The token after "and" (and its object mark: "y a") that follows the toll `f` in its
    /// clause, before any number: where more of its dead may be named.
    fn after_and(&self, f: &FieldFig) -> Option<usize> {
        let (l, ctx, toks) = (self.l, self.ctx, &self.ctx.toks);
        let c = ctx.clause[f.q.tok_start];
        let from = f.q.tok_end;
        let and = (from..(from + MAX_ASIDE + 2).min(toks.len()))
            .take_while(|&k| ctx.clause[k] == c && toks[k].kind != TokKind::Num)
            .find(|&k| l.grammar.and.contains(&toks[k].lower))?;
        let marked = toks
            .get(and + 1)
            .is_some_and(|t| l.grammar.object_mark.contains(&t.lower));
        Some(and + 1 + usize::from(marked))
    }

    /// "killed a senior Islamic State leader and an associate", "mató a un cabecilla y a su
    /// chofer", "killed Abu Yusuf and his driver", "mató a cuatro sicarios y a un policía":
    /// the toll, and one more person named by an article or a possessive after "and" in its
    /// clause (not when that person is counted by another cue, "and an aide was wounded", nor
    /// speaks, "and a commander said").
    fn and_one_more(&self, out: &mut [FieldFig]) {
        let (l, ctx, toks) = (self.l, self.ctx, &self.ctx.toks);
        let Some(i) = out
            .iter()
            .position(|f| !f.tally && f.field == Field::Killed && f.q.figure.best.is_some())
        else {
            return;
        };
        let f = &out[i];
        let Some(k) = self.after_and(f) else {
            return;
        };
        let one = toks.get(k).is_some_and(|t| {
            l.grammar.article_sg.contains(&t.lower)
                || l.grammar.article_indef.contains(&t.lower)
                || l.filler_kinds.get(&t.lower) == Some(&FillerKind::Pronoun)
        });
        if !one {
            return;
        }
        // the person, within a few words, singular, and counted by nothing else
        let Some(end) = (k + 1..(k + 4).min(toks.len()))
            .take_while(|&j| toks[j].kind == TokKind::Word)
            .find(|&j| person(l, &toks[j].lower))
            .map(|j| j + 1)
        else {
            return;
        };
        let plural = toks[end - 1].lower.ends_with('s') && !l.singular(&toks[end - 1].lower);
        // ("and an aide was wounded": the wounded, not "an attack", which counts strikes)
        let counted_otherwise = (end..(end + 3).min(toks.len())).any(|j| {
            l.figures.at(toks, j).is_some_and(|h| {
                !matches!(
                    h.value().field,
                    Field::Killed | Field::Strikes | Field::Vessels
                )
            })
        });
        // a verb of telling right after the person, or after an aside between commas right
        // after them ("and an official, speaking on condition of anonymity, confirmed", "and
        // a resident, who asked not to be named, said"); not one at the sentence's end, "...
        // y a un civil en Zulia el domingo, según el fiscal"
        let tells = |from: usize| {
            (from..(from + 2).min(toks.len())).any(|j| {
                l.attribution
                    .at(toks, j)
                    .is_some_and(|h| matches!(h.value(), AttrCue::Verb))
            })
        };
        let speaks = tells(end)
            || toks.get(end).is_some_and(|t| t.lower == ",")
                && (end + 1..(end + SPEAKER_REACH).min(toks.len()))
                    .find(|&j| toks[j].lower == ",")
                    .is_some_and(|close| tells(close + 1));
        if plural || counted_otherwise || speaks {
            return;
        }
        let fig = &f.q.figure;
        let best = fig.best.unwrap_or(1);
        let q = quantity(
            ctx,
            f.q.tok_start,
            end,
            fig.low.unwrap_or(best).saturating_add(1),
            best.saturating_add(1),
            fig.high.map(|h| h.saturating_add(1)),
            f.q.hedge,
        );
        let mut two = FieldFig::new(Field::Killed, q, false);
        two.own_loss = out[i].own_loss;
        out[i] = two;
    }

    /// "Southern Command initially said four people died in Monday's strike; on Tuesday it
    /// lowered the figure to three", "había informado inicialmente de tres fallecidos, pero
    /// después corrigió la cifra a dos": the count right after a `Revised` cue is the
    /// event's dead, and the dead counted before it (from a superseded toll's cue, if any)
    /// are no longer.
    fn revised(&self, qs: &[Quantity], hits: &[Hit<TollCue>], out: &mut Vec<FieldFig>) {
        let Some(rev) = hits.iter().find(|h| *h.value() == TollCue::Revised) else {
            return;
        };
        // (from a toll first said, or the sentence's start: "killed four; the ministry later
        // raised the toll to six")
        let first_ts = hits
            .iter()
            .find(|h| *h.value() == TollCue::Superseded && h.te <= rev.ts)
            .map_or(0, |h| h.ts);
        let Some(q) = qs
            .iter()
            .find(|q| q.tok_start == rev.te && !q.article && !self.in_date(q))
        else {
            return;
        };
        // (a tally's too: "había informado inicialmente de tres fallecidos" tells no running
        // total)
        let killed_before = out.iter().any(|f| {
            f.field == Field::Killed && f.q.tok_start >= first_ts && f.q.tok_start < rev.ts
        });
        if !killed_before {
            return;
        }
        out.retain(|f| {
            !(f.field == Field::Killed && f.q.tok_start >= first_ts && f.q.tok_start < rev.ts
                || f.q.start == q.start)
        });
        out.push(FieldFig::new(Field::Killed, q.clone(), false));
    }

    /// Figures told in another event's clause are that event's; a toll summed over places
    /// ("en ambos países") is no event's, nor a war's running toll ("desde el inicio de la
    /// guerra") anyone's.
    fn bind(&self, hits: &[Hit<TollCue>], out: &mut Vec<FieldFig>) {
        let ctx = self.ctx;
        let clauses = |k: TollCue| -> Vec<usize> {
            hits.iter()
                .filter(|h| *h.value() == k)
                .map(|h| ctx.clause[h.ts])
                .collect()
        };
        let (combined, war) = (clauses(TollCue::Combined), clauses(TollCue::War));
        out.retain(|f| {
            let c = ctx.clause[f.q.tok_start];
            !war.contains(&c) && (f.tally || !combined.contains(&c))
        });
        let regions = regions(ctx, hits);
        for f in out.iter_mut() {
            f.elsewhere = regions
                .iter()
                .find(|(a, b)| (*a..*b).contains(&f.q.tok_start))
                .copied();
        }
    }
}

/// An exact count before a vague one of the same field: "mató a varios altos mandos ... 78
/// personas murieron" is 78 dead.
fn exact_first(out: &mut [FieldFig]) {
    for i in 0..out.len() {
        let f = &out[i];
        if f.tally || f.q.figure.best.is_some() {
            continue;
        }
        let field = f.field;
        if out[..i].iter().any(|g| !g.tally && g.field == field) {
            continue;
        }
        if let Some(j) = (i + 1..out.len())
            .find(|&j| !out[j].tally && out[j].field == field && out[j].q.figure.best.is_some())
        {
            out[i..=j].rotate_right(1);
        }
    }
}

/// The clauses of a sentence that tell of another event than its own (token ranges): after
/// "in retaliation for", "days after", "luego de que", or "after", "tras" right before a
/// provoking event ("after an ambush"), to the end of the clause, and on over a clause that
/// goes on telling of it (", in which two soldiers died").
pub(in crate::pipeline) fn other_event_regions(l: &LangLex, ctx: &SentCtx) -> Vec<(usize, usize)> {
    regions(ctx, &l.tolls.find_all(&ctx.toks))
}

fn regions(ctx: &SentCtx, hits: &[Hit<TollCue>]) -> Vec<(usize, usize)> {
    let toks = &ctx.toks;
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        let opens = match h.value() {
            TollCue::Retaliation | TollCue::After => true,
            TollCue::AfterWeak => hits[i + 1..]
                .iter()
                .take_while(|p| p.ts <= h.te + 2)
                .any(|p| *p.value() == TollCue::Provoking),
            _ => false,
        };
        if !opens || out.last().is_some_and(|(_, e)| h.ts < *e) {
            continue;
        }
        let mut end = h.te;
        let c = ctx.clause[h.ts];
        while end < toks.len() && ctx.clause[end] == c {
            end += 1;
        }
        // the token at `end` is a clause break: a relative right after it goes on
        while end + 1 < toks.len()
            && hits
                .iter()
                .any(|r| *r.value() == TollCue::Relative && r.ts == end + 1)
        {
            let c = ctx.clause[end + 1];
            end += 1;
            while end < toks.len() && ctx.clause[end] == c {
                end += 1;
            }
        }
        out.push((h.ts, end));
    }
    out
}
