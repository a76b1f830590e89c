//! Places: where a sentence's event happened (a sea region, the waters off a country, a
//! place after a locative word, a country's soil, international waters), what was struck
//! (a vessel at sea, a site on land), and the place of a development (the country of the
//! group it concerns).

use std::collections::BTreeMap;

use sw_gazetteer::{Gazetteer, PlaceKind};

use super::report::{set_date, strike_report};
use super::sentence::{Cand, CandKind, SentCtx, Sentence};
use crate::dates::DateKind;
use crate::lexicon::{EventCue, Hit, LangLex};
use crate::pipeline::Extractor;
use crate::{ClaimField, EventType, Modality, PlaceRef, Report, ReportKind, Source, TargetKind};

/// A place with the byte span that named it.
pub(super) type Spanned = (PlaceRef, usize, usize);

/// Country (ISO2) -> the sea regions its waters lie in, from the gazetteer: a strike at sea
/// off a country whose waters lie in one region only is in that region.
pub(super) fn seas_of(gaz: &Gazetteer) -> BTreeMap<String, Vec<String>> {
    let mut seas_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in gaz.places() {
        if let (PlaceKind::SeaRegion, Some(c), Some(r)) = (p.kind, &p.country, &p.region_code) {
            let v = seas_of.entry(c.clone()).or_default();
            if !v.contains(r) {
                v.push(r.clone());
            }
        }
    }
    seas_of
}

impl Extractor {
    /// The place of the sentence's event: a named sea region (with the country whose waters
    /// it names), else a place after a locative preposition, else international waters.
    pub(super) fn place(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        ev_ends: &[usize],
    ) -> Option<(PlaceRef, usize, usize)> {
        let s = &ctx.text[ctx.range.clone()];
        let base = ctx.range.start;
        let extra = self.langs.shared.places.find_all(&ctx.toks);
        let agents: Vec<(usize, usize)> = extra
            .iter()
            .filter(|h| h.value().agent)
            .map(|h| (ctx.toks[h.ts].start, ctx.toks[h.te - 1].end))
            .collect();
        let mentions: Vec<sw_gazetteer::Mention> = self
            .gaz
            .find(s)
            .into_iter()
            .filter(|m| {
                !agents
                    .iter()
                    .any(|(a, b)| base + m.start < *b && *a < base + m.end)
            })
            .collect();
        let mut region: Option<(PlaceRef, usize, usize)> = None;
        let mut waters: Vec<(&sw_gazetteer::Mention, usize, usize)> = Vec::new();
        let mut land: Option<(PlaceRef, usize, usize)> = None;
        let mut intl: Option<(PlaceRef, usize, usize)> = None;
        for m in &mentions {
            let p = self.gaz.get(m.place);
            let (ms, me) = (base + m.start, base + m.end);
            match p.kind {
                PlaceKind::SeaRegion if p.country.is_none() => {
                    if region.is_none() {
                        region = Some((to_ref(p), ms, me));
                    }
                }
                PlaceKind::SeaRegion => waters.push((m, ms, me)),
                PlaceKind::InternationalWaters => {
                    if intl.is_none() {
                        intl = Some((to_ref(p), ms, me));
                    }
                }
                _ => {
                    if land.is_none() && locative_before(l, ctx, ms, ev_ends) {
                        land = Some((to_ref(p), ms, me));
                    }
                }
            }
        }
        if let Some((m, ms, me)) = waters.first() {
            let code = region.as_ref().and_then(|r| r.0.region_code.clone());
            let pick = m
                .candidates
                .iter()
                .map(|id| self.gaz.get(*id))
                .find(|p| code.is_some() && p.region_code == code)
                .unwrap_or_else(|| self.gaz.get(m.place));
            let mut r = to_ref(pick);
            // several coasts and no region named: keep the country only
            let ambiguous = m
                .candidates
                .iter()
                .map(|id| &self.gaz.get(*id).region_code)
                .any(|c| *c != pick.region_code);
            if ambiguous && code.is_none() {
                r.region = None;
                r.region_code = None;
            }
            return Some((r, *ms, *me));
        }
        if let Some(mut r) = region {
            // "in the Caribbean, near Venezuela": the waters off that country
            if let Some((lp, _, _)) = &land {
                let near = mentions.iter().any(|m| {
                    let p = self.gaz.get(m.place);
                    p.country == lp.country && near_before(l, ctx, base + m.start)
                });
                let coast = lp.country.as_ref().and_then(|c| self.seas_of.get(c));
                let same_sea =
                    coast.is_some_and(|v| r.0.region_code.as_ref().is_some_and(|x| v.contains(x)));
                if near && lp.precision == 4 && same_sea {
                    r.0.country = lp.country.clone();
                }
            }
            return Some(r);
        }
        // "on Venezuelan soil", "territorio mexicano"
        if let Some(h) = extra.iter().find(|h| !h.value().agent) {
            if let Some(p) = self.gaz.country(&h.value().country) {
                let (s, e) = (ctx.toks[h.ts].start, ctx.toks[h.te - 1].end);
                return Some((to_ref(p), s, e));
            }
        }
        if land.is_some() {
            return land;
        }
        intl
    }

    /// The target of the event report `rep` of cue `e`: the nearest target noun (a vague
    /// one last); a site on land when a place phrase says so ("Venezuelan soil"); for a
    /// strike, a vessel at sea unless its place is its object on land ("the bombing of
    /// Caracas"); for a raid, people.
    pub(super) fn target(
        &self,
        rep: &mut Report,
        s: &Sentence,
        e: &Hit<EventCue>,
        m: Modality,
        src: &Source,
    ) {
        let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
        let (kind, et) = (rep.kind, e.value().event_type);
        let tgt = s.targets.iter().min_by_key(|t| {
            let vague = *t.value() == TargetKind::Unknown;
            (
                vague,
                if t.ts >= e.te {
                    t.ts - e.te
                } else {
                    e.ts.saturating_sub(t.te) + 2
                },
                t.ts,
            )
        });
        let extra_land = self
            .langs
            .shared
            .places
            .find_all(toks)
            .iter()
            .any(|p| p.value().land);
        if let Some(t) = tgt {
            let k = *t.value();
            rep.target_kind = Some(k);
            rep.claims.push(ctx.claim(
                ClaimField::TargetKind,
                k.as_str().into(),
                [toks[t.ts].start, toks[t.te - 1].end],
                src,
                m,
                format!("lex:{}:{}:{}", l.targets.file, k.as_str(), t.phrase.text),
            ));
        } else if extra_land {
            rep.target_kind = Some(TargetKind::LandSite);
        } else if et == EventType::Strike {
            // at sea unless the place is on land (a town, a province, a country's soil) ...
            // as when the place is the strike's object ("the bombing of Caracas")
            let on_land = s.place.as_ref().is_some_and(|(p, ps, _)| {
                let i = toks.iter().position(|t| t.start >= *ps).unwrap_or(0);
                let object = i > 0
                    && (s.ev_ends.contains(&i)
                        || (s.ev_ends.contains(&(i - 1))
                            && l.grammar.of.contains(&toks[i - 1].lower)));
                object && p.region_code.is_none() && p.country.is_some()
            });
            rep.target_kind = match (kind, m) {
                (ReportKind::Event, Modality::Occurred) if on_land => Some(TargetKind::LandSite),
                (ReportKind::Event, Modality::Occurred) => Some(TargetKind::Vessel),
                (ReportKind::Event, _) => Some(TargetKind::Unknown),
                _ => None,
            };
        } else if et == EventType::Raid && kind == ReportKind::Event {
            // a raid goes after people
            rep.target_kind = Some(TargetKind::Person);
        }
    }

    /// The place of the report `rep`: the sentence's place, given the region of a country
    /// whose waters lie in one region only when the target is a vessel; or, for a
    /// development, a raid or a strike on land that names no place, the country of the
    /// group or person it concerns ("the designation of the Cartel de los Soles").
    pub(super) fn place_report(&self, rep: &mut Report, s: &Sentence, m: Modality, src: &Source) {
        let (ctx, toks) = (s.ctx, &s.ctx.toks);
        if let Some((p, a, b)) = &s.place {
            rep.place = Some(p.clone());
            rep.claims.push(ctx.claim(
                ClaimField::Place,
                p.name.as_str().into(),
                [*a, *b],
                src,
                m,
                "gazetteer",
            ));
        }
        if let Some(p) = rep.place.as_mut() {
            // a strike at sea off a country whose waters lie in one region only
            if rep.target_kind == Some(TargetKind::Vessel) && p.region_code.is_none() {
                if let Some(v) = p.country.as_ref().and_then(|c| self.seas_of.get(c)) {
                    if v.len() == 1 {
                        if let Some(sea) = self.gaz.sea_region(&v[0]) {
                            p.region = sea.region.clone().or_else(|| Some(sea.name.clone()));
                            p.region_code = Some(v[0].clone());
                        }
                    }
                }
            }
        } else if rep.kind == ReportKind::Development
            || rep.event_type == EventType::Raid
            || rep.target_kind == Some(TargetKind::LandSite)
        {
            let hit = s.actors.iter().find_map(|a| {
                let c = a.value().country.as_ref()?;
                Some((a, self.gaz.country(c)?))
            });
            if let Some((a, p)) = hit {
                let (s0, e0) = (toks[a.ts].start, toks[a.te - 1].end);
                rep.place = Some(to_ref(p));
                rep.claims.push(ctx.claim(
                    ClaimField::Place,
                    p.name.as_str().into(),
                    [s0, e0],
                    src,
                    m,
                    format!("lex:actors.tsv:country:{}", a.phrase.text),
                ));
            }
        }
    }

    /// No cue, but the story's boat placed at sea ("the boat was moving along a trafficking
    /// route in the eastern Pacific"): where the story's event happened, for an event that
    /// has no place yet; or the day something was said of it ("posting on Saturday, the
    /// minister described the vessel as ..."): a date for a story event that has none.
    pub(super) fn story_vessel(&self, s: &Sentence, src: &Source, out: &mut Vec<Cand>) {
        let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
        let boat = s
            .targets
            .iter()
            .any(|t| *t.value() == TargetKind::Vessel && l.singular(&toks[t.te - 1].lower));
        if !boat {
            return;
        }
        let sea = self
            .place(l, ctx, &[])
            .filter(|(p, _, _)| p.region_code.is_some());
        let day = s.dates.iter().find(|d| {
            d.date.is_some()
                && matches!(
                    d.kind,
                    DateKind::Weekday | DateKind::MonthDay | DateKind::DayOffset
                )
        });
        if sea.is_none() && day.is_none() {
            return;
        }
        let mut rep = strike_report(ctx, src);
        if let Some((p, ps, pe)) = sea {
            rep.claims.push(ctx.claim(
                ClaimField::Place,
                p.name.as_str().into(),
                [ps, pe],
                src,
                Modality::Occurred,
                "gazetteer.story_vessel",
            ));
            rep.place = Some(p);
        }
        if let Some(d) = day {
            set_date(&mut rep, d, ctx, src);
            if let Some(c) = rep.claims.last_mut() {
                c.rule.push_str(".story_vessel");
            }
        }
        out.push(Cand::new(CandKind::FiguresOnly, rep, false));
    }
}

pub(super) fn to_ref(p: &sw_gazetteer::Place) -> PlaceRef {
    PlaceRef {
        name: p.name.clone(),
        country: p.country.clone(),
        region: p.region.clone(),
        region_code: p.region_code.clone(),
        admin1: p.admin1.clone(),
        lat: p.lat,
        lon: p.lon,
        precision: p.precision,
    }
}

/// "near Venezuela", "off Colombia", "cerca de Venezuela", "frente a Colombia".
fn near_before(l: &LangLex, ctx: &SentCtx, start: usize) -> bool {
    let i = ctx.toks.iter().position(|t| t.start >= start).unwrap_or(0);
    l.grammar.near.ends_at(&ctx.toks, i)
}

fn locative_before(l: &LangLex, ctx: &SentCtx, start: usize, ev_ends: &[usize]) -> bool {
    let toks = &ctx.toks;
    let g = &l.grammar;
    let mut i = toks.iter().position(|t| t.start >= start).unwrap_or(0);
    // a part of the place: "in western Venezuela", "en el occidente de Venezuela"
    if i >= 1 && l.compass.contains(&toks[i - 1].lower) {
        i -= 1;
    } else if i >= 3
        && g.of.contains(&toks[i - 1].lower)
        && l.compass.contains(&toks[i - 2].lower)
        && g.article_sg.contains(&toks[i - 3].lower)
    {
        i -= 3;
    }
    if i == 0 {
        return false;
    }
    // the object of a strike verb: "atacar Venezuela", "strikes Venezuela"
    if ev_ends.contains(&i) {
        return true;
    }
    // "the bombing of Caracas", "el bombardeo de Caracas"
    if g.of.contains(&toks[i - 1].lower) && ev_ends.contains(&(i - 1)) {
        return true;
    }
    // "in", "off", "the province of", "cerca de"
    g.locative.ends_at(toks, i)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{analyse, en, es, extractor};
    use super::*;

    fn region(l: &'static LangLex, text: &str) -> Option<(String, Option<String>)> {
        let s = analyse(l, text);
        let ev_ends: Vec<usize> = s.events.iter().map(|e| e.te).collect();
        extractor()
            .place(l, s.ctx, &ev_ends)
            .map(|(p, _, _)| (p.name, p.region_code))
    }

    #[test]
    fn a_sea_region_or_a_place_after_a_locative() {
        let (_, code) = region(en(), "A strike hit a boat in the eastern Pacific.").unwrap();
        assert_eq!(code.as_deref(), Some("eastern_pacific"));
        let (name, code) = region(
            es(),
            "Un ataque destruyó un campamento en el estado de Sucre.",
        )
        .unwrap();
        assert_eq!((name.as_str(), code), ("Sucre", None));
        // a place not after a locative word is not where the event happened
        assert_eq!(region(en(), "Venezuela condemned the strike."), None);
    }

    #[test]
    fn a_compass_word_and_near_phrases() {
        let s = analyse(en(), "Strikes hit camps in western Venezuela.");
        let ven = s.ctx.text.find("Venezuela").unwrap();
        assert!(locative_before(s.l, s.ctx, ven, &[]));
        let s = analyse(es(), "Un barco fue atacado frente a Colombia.");
        let col = s.ctx.text.find("Colombia").unwrap();
        assert!(near_before(s.l, s.ctx, col));
        assert!(!near_before(s.l, s.ctx, 0));
    }
}
