//! Tolls told boat by boat: "two died aboard the first boat, in the Caribbean; five aboard
//! the second and one aboard the third, both in the eastern Pacific" is one report per sea
//! region, each with its dead and its boats, replacing the story's event that counted them
//! all. Read vessel by vessel (a count before each boat, the region after it) or clause by
//! clause ("four each on two boats in the eastern Pacific and three on one boat in the
//! Caribbean"); the work is bounded by the number of vessels a sentence names.

use sw_gazetteer::PlaceKind;

use super::places::{to_ref, Spanned};
use super::report::{exact, strike_report};
use super::sentence::SentCtx;
use crate::lexicon::LangLex;
use crate::numbers::{self, Quantity};
use crate::pipeline::Extractor;
use crate::tokens::TokKind;
use crate::{
    ClaimField, ClaimValue, Field, FigureValue, Modality, PlaceRef, Report, Source, TargetKind,
};

/// The most boats one line of a toll told boat by boat may count: more is a campaign's.
pub(super) const MAX_LISTED_BOATS: i64 = 4;

/// The most vessels a sentence may name for its toll to be read boat by boat.
pub(super) const MAX_LIST_ITEMS: usize = 12;

/// One line of a toll told boat by boat: its dead, its boats, its sea region.
struct BoatItem {
    killed: i64,
    killed_span: [usize; 2],
    vessels: i64,
    vessel_span: [usize; 2],
    sea: Spanned,
}

/// The vessels a sentence names (first token, end token), in order: target nouns of vessels,
/// and the vessel nouns of figures ("nave", "embarcación rápida", "craft"), which a toll
/// told boat by boat names as well.
fn vessel_nouns(l: &LangLex, toks: &[crate::tokens::Tok]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = l
        .targets
        .find_all(toks)
        .into_iter()
        .filter(|t| *t.value() == TargetKind::Vessel)
        .map(|t| (t.ts, t.te))
        .collect();
    for h in l.figures.find_all(toks) {
        if h.value().field == Field::Vessels && !out.iter().any(|&(a, b)| a < h.te && h.ts < b) {
            out.push((h.ts, h.te));
        }
    }
    out.sort_unstable();
    out
}

impl Extractor {
    /// "Two died aboard the first boat, in the Caribbean; five aboard the second and one
    /// aboard the third, both in the eastern Pacific": tolls vessel by vessel, summed per sea
    /// region. None unless at least two vessels in two different regions are counted.
    fn per_boat(&self, l: &LangLex, ctx: &SentCtx, seas: &[Spanned]) -> Option<Vec<BoatItem>> {
        let toks = &ctx.toks;
        // (first token, end token) of each vessel named one by one
        let mut boats: Vec<(usize, usize)> = vessel_nouns(l, toks)
            .into_iter()
            .filter(|&(_, te)| l.singular(&toks[te - 1].lower))
            .collect();
        // a toll told boat by boat names a few boats (bounded work on a long sentence)
        if boats.is_empty() || boats.len() > MAX_LIST_ITEMS {
            return None;
        }
        // a vessel left unsaid: "four on one boat and four on another", "three on the
        // third", "cuatro en otra"
        for i in 1..toks.len() {
            let w = &toks[i].lower;
            let elliptic = l.elliptic.contains(w) || l.nums.ordinal(w).is_some_and(|n| n >= 2);
            if !elliptic || boats.iter().any(|(a, b)| (*a..*b).contains(&i)) {
                continue;
            }
            let g = &l.grammar;
            let on = |k: usize| g.boat_prep.contains(&toks[k].lower);
            let after_on =
                on(i - 1) || i >= 2 && g.boat_article.contains(&toks[i - 1].lower) && on(i - 2);
            let bare = toks.get(i + 1).is_none_or(|t| {
                t.kind != TokKind::Word
                    || l.fillers.contains(&t.lower)
                    || g.after_boat.contains(&t.lower)
            }) && l.targets.at(toks, i + 1).is_none();
            if after_on && bare {
                boats.push((i, i + 1));
                if boats.len() > MAX_LIST_ITEMS {
                    return None;
                }
            }
        }
        boats.sort_unstable();
        if boats.len() < 2 {
            return None;
        }
        let qs = numbers::scan(toks, ctx.text, &l.nums);
        let comma =
            |a: usize, b: usize| toks[a..b].iter().any(|t| t.lower == "," || t.lower == ";");
        let mut items: Vec<BoatItem> = Vec::new();
        for &(bts, bte) in &boats {
            // the count right before the boat, in the same stretch between commas ("on one
            // boat": the "one" names the boat, the count stands before it)
            let names_boat = |q: &Quantity| {
                q.tok_end == bts
                    && q.figure.best == Some(1)
                    && q.tok_start > 0
                    && l.grammar.boat_prep.contains(&toks[q.tok_start - 1].lower)
            };
            let q = qs.iter().rev().find(|q| {
                q.tok_end <= bts
                    && bts - q.tok_end <= 6
                    && !q.article
                    && !q.figure.approx
                    && q.figure.best.is_some()
                    && !comma(q.tok_end, bts)
                    && !names_boat(q)
            })?;
            if items.iter().any(|x| x.killed_span[0] == q.start) {
                return None;
            }
            // the region right after it, before the next comma
            let after = toks[bte..]
                .iter()
                .position(|t| t.lower == "," || t.lower == ";")
                .map_or(usize::MAX, |k| toks[bte + k].start);
            let sea = seas
                .iter()
                .find(|(_, ms, _)| *ms >= toks[bte - 1].end && *ms < after)
                // else the first named after it: "four on the first and four on the
                // second, both in the eastern Pacific, and three on the third, in the
                // Caribbean" (a region named first leaves the last boat with none: no
                // breakdown)
                .or_else(|| seas.iter().find(|(_, ms, _)| *ms >= toks[bte - 1].end))?;
            items.push(BoatItem {
                killed: q.figure.best?,
                killed_span: [q.start, q.end],
                vessels: 1,
                vessel_span: [toks[bts].start, toks[bte - 1].end],
                sea: sea.clone(),
            });
        }
        Some(items)
    }

    /// "Tolls vessel by vessel, summed per sea region" read from the clauses of the list
    /// itself: "four each on two boats in the eastern Pacific and three on one boat in the
    /// Caribbean", "ocho en el Pacífico oriental, en dos lanchas, y tres en una lancha en el
    /// Caribe". Each clause with a count opens an item; a clause with only boats or a
    /// region completes the open one.
    fn per_clause(&self, l: &LangLex, ctx: &SentCtx, seas: &[Spanned]) -> Option<Vec<BoatItem>> {
        let toks = &ctx.toks;
        // the list: after a colon when there is one
        let from = toks
            .iter()
            .position(|t| t.lower == ":")
            .map_or(0, |i| i + 1);
        let qs = numbers::scan(toks, ctx.text, &l.nums);
        let vessel_nouns = vessel_nouns(l, toks);
        // a toll told boat by boat names a few boats and counts (bounded work on a long
        // sentence)
        if vessel_nouns.len() > MAX_LIST_ITEMS || qs.len() > 2 * MAX_LIST_ITEMS {
            return None;
        }
        let mut items: Vec<BoatItem> = Vec::new();
        let mut open: Option<BoatItem> = None;
        let mut i = from;
        while i < toks.len() {
            // one clause: up to the next comma, semicolon or conjunction
            let mut j = i;
            while j < toks.len()
                && !matches!(toks[j].lower.as_str(), "," | ";" | "." | ":")
                && !l.grammar.and.contains(&toks[j].lower)
            {
                j += 1;
            }
            let (cs, ce) = (i, j);
            i = j + 1;
            if cs == ce {
                continue;
            }
            let in_clause = |k: usize| k >= cs && k < ce;
            let boats = vessel_nouns.iter().find(|(ts, _)| in_clause(*ts));
            // a number right before the vessel noun counts vessels ("two boats", "one boat")
            let vessel_q = boats.and_then(|&(bts, _)| {
                qs.iter()
                    .find(|q| in_clause(q.tok_start) && q.tok_end == bts && !q.figure.approx)
            });
            let count = qs.iter().find(|q| {
                in_clause(q.tok_start)
                    && !q.article
                    && !q.figure.approx
                    && q.figure.best.is_some()
                    && vessel_q.is_none_or(|v| v.start != q.start)
            });
            let lo = toks[cs].start;
            let hi = toks[ce - 1].end;
            let sea = seas.iter().find(|(_, a, z)| *a >= lo && *z <= hi);
            let n_vessels = match (boats, vessel_q) {
                (Some(_), Some(v)) => v.figure.best,
                (Some(&(_, bte)), None) => l.singular(&toks[bte - 1].lower).then_some(1),
                _ => None,
            };
            let vessel_span = boats.map(|&(bts, bte)| {
                let s = vessel_q.map_or(toks[bts].start, |v| v.start);
                [s, toks[bte - 1].end]
            });
            if let Some(q) = count {
                if let Some(done) = open.take() {
                    items.push(done);
                }
                // "four each on two boats": the count is per boat
                let each = toks
                    .get(q.tok_end)
                    .is_some_and(|t| l.each.contains(&t.lower));
                let per = q.figure.best?;
                let nv = n_vessels.unwrap_or(1);
                open = Some(BoatItem {
                    killed: if each { per.saturating_mul(nv) } else { per },
                    killed_span: [q.start, vessel_span.map_or(q.end, |v| v[1].max(q.end))],
                    vessels: nv,
                    vessel_span: vessel_span.unwrap_or([q.start, q.end]),
                    sea: sea
                        .cloned()
                        .unwrap_or((PlaceRef::default(), usize::MAX, usize::MAX)),
                });
                if n_vessels.is_none() {
                    open.as_mut()?.vessels = 0;
                }
            } else if let Some(it) = open.as_mut() {
                if let (Some(n), Some(span)) = (n_vessels, vessel_span) {
                    if it.vessels == 0 {
                        it.vessels = n;
                        it.vessel_span = span;
                    }
                }
                if it.sea.1 == usize::MAX {
                    if let Some(sea) = sea {
                        it.sea = sea.clone();
                    }
                }
            }
        }
        if let Some(done) = open.take() {
            items.push(done);
        }
        // every item must know its region and its boats, and be one day's few boats (a
        // campaign's count per region is a tally: "80 in the Caribbean, on 20 boats")
        if items.len() < 2
            || items
                .iter()
                .any(|x| x.sea.1 == usize::MAX || !(1..=MAX_LISTED_BOATS).contains(&x.vessels))
        {
            return None;
        }
        Some(items)
    }

    /// "Two died aboard the first boat, in the Caribbean; five aboard the second and one
    /// aboard the third, both in the eastern Pacific": tolls vessel by vessel, summed per sea
    /// region. None unless at least two vessels in two different regions are counted.
    pub(super) fn breakdown(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        src: &Source,
    ) -> Option<Vec<Report>> {
        // a list names two vessels at least (a noun, or "another", "the second"): most
        // sentences do not, and are left before the gazetteer is searched
        let toks = &ctx.toks;
        let mut vessels = 0;
        for (i, t) in toks.iter().enumerate() {
            let elliptic =
                l.elliptic.contains(&t.lower) || l.nums.ordinal(&t.lower).is_some_and(|n| n >= 2);
            if elliptic
                || l.targets
                    .at(toks, i)
                    .is_some_and(|h| *h.value() == TargetKind::Vessel)
                || l.figures
                    .at(toks, i)
                    .is_some_and(|h| h.value().field == Field::Vessels)
            {
                vessels += 1;
                if vessels >= 2 {
                    break;
                }
            }
        }
        if vessels < 2 {
            return None;
        }
        let s = &ctx.text[ctx.range.clone()];
        let base = ctx.range.start;
        let seas: Vec<Spanned> = self
            .gaz
            .find(s)
            .into_iter()
            .filter_map(|m| {
                let p = self.gaz.get(m.place);
                (p.kind == PlaceKind::SeaRegion && p.region_code.is_some())
                    .then(|| (to_ref(p), base + m.start, base + m.end))
            })
            .collect();
        let items = self
            .per_boat(l, ctx, &seas)
            .or_else(|| self.per_clause(l, ctx, &seas))?;
        let mut codes: Vec<&str> = items
            .iter()
            .filter_map(|x| x.sea.0.region_code.as_deref())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        if codes.len() < 2 {
            return None;
        }
        let mut parts: Vec<Report> = Vec::new();
        for code in codes {
            let mut rep = strike_report(ctx, src);
            rep.target_kind = Some(TargetKind::Vessel);
            rep.means = Some("unknown".into());
            let mut killed = 0i64;
            let mut vessels = 0i64;
            for x in &items {
                let (p, ps, pe) = &x.sea;
                if p.region_code.as_deref() != Some(code) {
                    continue;
                }
                killed += x.killed;
                vessels += x.vessels;
                if rep.place.is_none() {
                    rep.place = Some(p.clone());
                    rep.claims.push(ctx.claim(
                        ClaimField::Place,
                        p.name.as_str().into(),
                        [*ps, *pe],
                        src,
                        Modality::Occurred,
                        "breakdown.region",
                    ));
                }
                for (field, value, span) in [
                    (Field::Killed, x.killed, x.killed_span),
                    (Field::Vessels, x.vessels, x.vessel_span),
                ] {
                    rep.claims.push(ctx.claim(
                        ClaimField::Figure(field),
                        ClaimValue::Figure(FigureValue::exact(value)),
                        span,
                        src,
                        Modality::Occurred,
                        "breakdown.per_vessel",
                    ));
                }
            }
            let kq = items
                .iter()
                .find(|x| x.sea.0.region_code.as_deref() == Some(code))
                .map(|x| ctx.surface(x.killed_span[0], x.killed_span[1]).to_string())
                .unwrap_or_default();
            rep.figures.killed = Some(exact(killed, kq));
            rep.figures.vessels = Some(exact(vessels, format!("{vessels}")));
            parts.push(rep);
        }
        Some(parts)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{en, es, extractor, sentence_ctx};
    use super::*;

    /// (region, dead, vessels) of each part.
    fn parts(l: &LangLex, text: &str) -> Vec<(String, Option<i64>, Option<i64>)> {
        let ctx = sentence_ctx(text);
        extractor()
            .breakdown(l, &ctx, &Source::outlet())
            .unwrap_or_default()
            .iter()
            .map(|r| {
                (
                    r.place
                        .as_ref()
                        .and_then(|p| p.region_code.clone())
                        .unwrap_or_default(),
                    r.figures.killed.as_ref().and_then(|f| f.best),
                    r.figures.vessels.as_ref().and_then(|f| f.best),
                )
            })
            .collect()
    }

    #[test]
    fn vessel_by_vessel_summed_per_region() {
        let p = parts(
            en(),
            "Two died aboard the first boat, in the Caribbean; five aboard the second and one aboard the third, both in the eastern Pacific.",
        );
        assert_eq!(
            p,
            [
                ("caribbean".to_string(), Some(2), Some(1)),
                ("eastern_pacific".to_string(), Some(6), Some(2))
            ]
        );
    }

    #[test]
    fn clause_by_clause_with_a_count_per_boat() {
        let p = parts(
            es(),
            "Murieron ocho en el Pacífico oriental, en dos lanchas, y tres en una lancha en el Caribe.",
        );
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p.contains(&("caribbean".to_string(), Some(3), Some(1))),
            "{p:?}"
        );
    }

    #[test]
    fn one_region_or_one_vessel_is_no_breakdown() {
        assert!(parts(
            en(),
            "Four died on one boat and four on another in the Caribbean."
        )
        .is_empty());
        assert!(parts(
            en(),
            "A strike killed three people on a boat in the Caribbean."
        )
        .is_empty());
    }

    #[test]
    fn a_vessel_named_otherwise_is_a_boat_of_the_list() {
        let p = parts(
            es(),
            "Cuatro murieron en una lancha en el Caribe y tres en una nave en el Pacífico oriental.",
        );
        assert_eq!(
            p,
            [
                ("caribbean".to_string(), Some(4), Some(1)),
                ("eastern_pacific".to_string(), Some(3), Some(1))
            ]
        );
        let p = parts(
            en(),
            "Three died on one craft in the Caribbean and two on a second craft in the eastern Pacific.",
        );
        assert_eq!(p.len(), 2, "{p:?}");
    }
}
