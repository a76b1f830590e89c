//! Places: where a sentence's event happened (a sea region, the waters off a country, a
//! place after a locative word, a country's soil, international waters), what was struck
//! (a vessel at sea, a site on land), and the place of a development (the country of the
//! group it concerns).

use std::cell::OnceCell;
use std::collections::BTreeMap;

use sw_gazetteer::{Context, Gazetteer, Mention, PlaceId, PlaceKind};

use super::report::{set_date, strike_report};
use super::sentence::{Cand, CandKind, SentCtx, Sentence};
use crate::dates::DateKind;
use crate::lexicon::{EventCue, ExtraPlace, Hit, LangLex};
use crate::pipeline::Extractor;
use crate::tokens::{Tok, TokKind, Word};
use crate::{ClaimField, EventType, Modality, PlaceRef, Report, ReportKind, Source, TargetKind};

/// A place with the byte span that named it.
pub(super) type Spanned = (PlaceRef, usize, usize);

/// What an article says of where its events are, found once, when a sentence first needs
/// it: the countries it points to, which choose between namesakes in its sentences, and
/// the places that back each country (see [`Extractor::stray_town`]).
#[derive(Debug, Default)]
pub(super) struct ArticlePlaces {
    context: OnceCell<Context>,
    backing: OnceCell<Vec<(String, PlaceId)>>,
}

/// A town smaller than this (GeoNames population) that is the article's only place in its
/// country may be a namesake of a place the gazetteer lacks (see
/// [`Extractor::stray_town`]); a larger one is too well known to be.
const STRAY_POPULATION: u64 = 20_000;

/// The same, when the article points elsewhere by a place within another country (a town,
/// a province: "Mali drone strike near Léré" in a story of the Timbuktu region, where the
/// gazetteer knows only Nigeria's Lere): a town of a province's size is still no place the
/// story is about when nothing else points to its country.
const STRAY_POPULATION_FAR: u64 = 100_000;

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

/// The states the forces lexicon names as striking by their name (`reach` country), each
/// once, sorted.
pub(super) fn striking_states(langs: &crate::registry::Registry) -> Vec<String> {
    let mut v: Vec<String> = langs
        .shared
        .forces
        .values()
        .filter(|f| f.reach == crate::lexicon::ForceReach::Country)
        .filter_map(|f| f.state.clone())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

impl Extractor {
    /// A context that lets no attacking state choose between namesakes ("U.S. forces struck
    /// a site near Palmyra" is not about Palmyra, New York).
    fn base_context(&self) -> Context {
        let mut c = Context::new();
        for a in &self.langs.shared.place_words.agents {
            c.ignore_country(a);
        }
        c
    }

    /// The article's context: the countries it names and those of its places that have no
    /// namesake abroad, but for the attacking states; found once per article.
    fn article_context(&self, ctx: &SentCtx) -> Context {
        let make = || {
            let mut c = self.base_context();
            self.gaz.extend_context(ctx.text, &mut c);
            c
        };
        match ctx.article {
            Some(a) => a.context.get_or_init(make).clone(),
            None => make(),
        }
    }

    /// The article's places that point to one country each, with that country: the
    /// countries it names (and the waters off them) or names by their adjective, and every
    /// place whose namesakes all lie in one country. Found once per article.
    fn backing(&self, ctx: &SentCtx) -> Vec<(String, PlaceId)> {
        let make = || {
            let mut out: Vec<(String, PlaceId)> = Vec::new();
            for m in self.gaz.find(ctx.text) {
                let p = self.gaz.get(m.place);
                let Some(cc) = p.country.as_ref() else {
                    continue;
                };
                let one_country = m
                    .candidates
                    .iter()
                    .all(|id| self.gaz.get(*id).country.as_ref() == Some(cc));
                if one_country && !out.iter().any(|(c, id)| c == cc && *id == m.place) {
                    out.push((cc.clone(), m.place));
                }
            }
            // a country's adjective points to it as its name does ("Nigerian troops",
            // "soldados mexicanos")
            let toks = crate::tokens::tokenize(ctx.text, 0);
            for h in self.langs.shared.places.find_all(&toks) {
                let v = h.value();
                if !v.demonym {
                    continue;
                }
                if let Some(p) = self.gaz.country(&v.country) {
                    if !out.iter().any(|(c, id)| *c == v.country && *id == p.id) {
                        out.push((v.country.clone(), p.id));
                    }
                }
            }
            out
        };
        match ctx.article {
            Some(a) => a.backing.get_or_init(make).clone(),
            None => make(),
        }
    }

    /// "Turkish jets strike Gara" in a story of Iraq's Duhok province, where the gazetteer
    /// knows only a Hungarian village of the name: a town under [`STRAY_POPULATION`] (or
    /// [`STRAY_POPULATION_FAR`], when a place within another country is named) whose
    /// country nothing else in the article points to (no name of the country, no other
    /// place in it), in an article that points elsewhere, is a namesake of a place the
    /// gazetteer lacks, not where the event was.
    fn stray_town(&self, ctx: &SentCtx, m: &Mention) -> bool {
        let p = self.gaz.get(m.place);
        // (a named feature, a port or a base, was chosen for the story, and has no people; a
        // district is a town's namesake as well: "the Far North region" of Cameroon is no
        // district of New Zealand)
        if !matches!(p.kind, PlaceKind::Locality | PlaceKind::Admin2)
            || p.population >= STRAY_POPULATION_FAR
        {
            return false;
        }
        let Some(cc) = p.country.as_deref() else {
            return false;
        };
        let backing = self.backing(ctx);
        // (a town, division or feature in another country, or its name, but for a striking
        // state's: "as Russia stepped up its offensive" points nowhere; a larger town gives
        // way to a place within another country only)
        let small = p.population < STRAY_POPULATION;
        let elsewhere = backing.iter().any(|(c, id)| {
            let country = self.gaz.get(*id).kind == PlaceKind::Country;
            c != cc
                && if small {
                    !country || !self.striking_states.contains(c)
                } else {
                    !country
                }
        });
        let backed = backing
            .iter()
            .any(|(c, id)| c == cc && *id != m.place && !m.candidates.contains(id));
        elsewhere && !backed
    }

    /// The gazetteer's mentions in the sentence (spans relative to it): a shared name is
    /// chosen by the sentence, else by the article's countries and the theatre of the
    /// forces the sentence names ("Saná" in a story of Yemen is Sanaa, never Saña in Peru).
    fn mentions(&self, l: &LangLex, ctx: &SentCtx) -> Vec<Mention> {
        let mut found = self.mentions_in_context(l, ctx);
        self.divisions_named_as_countries(l, ctx, &mut found);
        found
    }

    /// "la sindicatura de Costa Rica", "the town of Colombia", "the state of Mexico": a
    /// country's name after a noun of a division or settlement and "of" names a place within
    /// a country that bears it, not the country: its first candidate that is no country or
    /// sea comes first (the mention stays a country's when the gazetteer has no namesake).
    fn divisions_named_as_countries(&self, l: &LangLex, ctx: &SentCtx, found: &mut [Mention]) {
        let (toks, pw) = (&ctx.toks, &self.langs.shared.place_words);
        // the countries of the sentence's other places choose between namesakes ("el
        // municipio de Colombia, en el Huila")
        let countries: Vec<(usize, Option<String>)> = found
            .iter()
            .map(|m| (m.start, self.gaz.get(m.place).country.clone()))
            .collect();
        for m in found.iter_mut() {
            if self.gaz.get(m.place).kind != PlaceKind::Country {
                continue;
            }
            let a = tok_at(toks, ctx.range.start + m.start);
            if a < 2 || !self.of_word(l, toks, a - 1) || !pw.division.ends_at(toks, a - 1) {
                continue;
            }
            let inner = |c: &sw_gazetteer::PlaceId| {
                !matches!(
                    self.gaz.get(*c).kind,
                    PlaceKind::Country | PlaceKind::SeaRegion | PlaceKind::InternationalWaters
                )
            };
            let near = |c: &sw_gazetteer::PlaceId| {
                let cc = &self.gaz.get(*c).country;
                countries
                    .iter()
                    .any(|(at, x)| *at != m.start && x.is_some() && x == cc)
            };
            let within = m
                .candidates
                .iter()
                .copied()
                .find(|c| inner(c) && near(c))
                .or_else(|| m.candidates.iter().copied().find(inner));
            if let Some(c) = within {
                m.place = c;
                m.candidates.retain(|&x| x != c);
                m.candidates.insert(0, c);
            }
        }
    }

    fn mentions_in_context(&self, l: &LangLex, ctx: &SentCtx) -> Vec<Mention> {
        let s = &ctx.text[ctx.range.clone()];
        let base = self.base_context();
        let mut found = self.gaz.find_with_context(s, &base);
        // a place where something was said or across a border is not the sentence's: it
        // does not choose between namesakes either ("en zona rural de Arauquita, cerca de
        // la frontera con Venezuela" is the Colombian Arauquita)
        let hidden: Vec<(usize, usize)> = found
            .iter()
            .filter(|m| self.elsewhere(l, ctx, tok_at(&ctx.toks, ctx.range.start + m.start)))
            .map(|m| (m.start, m.end))
            .collect();
        let masked;
        let s = if hidden.is_empty() {
            s
        } else {
            let mut t = s.as_bytes().to_vec();
            for (a, b) in hidden {
                t[a..b].fill(b' ');
            }
            masked = String::from_utf8(t).unwrap_or_else(|_| s.to_string());
            found = self.gaz.find_with_context(&masked, &base);
            &masked
        };
        // "near Jisr al-Shughur": a mention whose name goes on after it is not that place
        found.retain(|m| !self.name_goes_on(ctx, ctx.range.start + m.end));
        // "WASHINGTON, Oct 30 (Atlantic Wire) -": the outlet credited in a dateline
        found.retain(|m| !dateline_credit(ctx, tok_at(&ctx.toks, ctx.range.start + m.start)));
        let starts: Vec<usize> = found.iter().map(|m| m.start).collect();
        found.retain(|m| !self.longer_name(l, ctx, m, &starts));
        // "misiles Tomahawk", "Reaper drones": a weapon's name (a means of the lexicon) is no
        // place, whatever town bears it
        let means = l.means.find_all(&ctx.toks);
        let weapon = |m: &sw_gazetteer::Mention| {
            let (ts, te) = (
                tok_at(&ctx.toks, ctx.range.start + m.start),
                tok_at(&ctx.toks, ctx.range.start + m.end),
            );
            means.iter().any(|h| h.ts < te && ts < h.te)
        };
        if !means.is_empty() {
            found.retain(|m| !weapon(m));
        }
        let shared = found.iter().any(|m| {
            m.candidates.len() > 1
                && !matches!(
                    self.gaz.get(m.place).kind,
                    PlaceKind::Country | PlaceKind::SeaRegion | PlaceKind::InternationalWaters
                )
        });
        if !shared {
            return found;
        }
        let mut c = self.article_context(ctx);
        for a in self.langs.shared.actors.find_all(&ctx.toks) {
            if let Some(cc) = &a.value().country {
                if !c.ignores(cc) {
                    c.add_country(cc);
                }
            }
        }
        // a group that fights in one country points to it ("al-Shabaab fighters stormed a
        // village in Hiran": the Somali region, not the Iraqi town)
        for h in self.langs.shared.forces.find_all(&ctx.toks) {
            if let Some(cc) = &h.value().theatre {
                c.add_country(cc);
            }
        }
        // "el puerto yemení de Moca": a country's adjective in the sentence names its
        // country as plainly as its name does (Mocha in Yemen, not Moca in the Dominican
        // Republic); the attacking state's adjective chooses nothing
        for h in self.langs.shared.places.find_all(&ctx.toks) {
            let v = h.value();
            if v.demonym && !c.ignores(&v.country) {
                c.add_country(&v.country);
            }
        }
        // found again with the context: the same mentions are dropped as before
        let mut found = self.gaz.find_with_context(s, &c);
        if !means.is_empty() {
            found.retain(|m| !weapon(m));
        }
        found.retain(|m| !self.name_goes_on(ctx, ctx.range.start + m.end));
        found.retain(|m| !dateline_credit(ctx, tok_at(&ctx.toks, ctx.range.start + m.start)));
        found
    }

    /// The sentence's place mentions but those that name an agent or a seat of power
    /// ("Washington said", "Iranian drones"): no such name places an event.
    fn mentions_not_agents(&self, l: &LangLex, ctx: &SentCtx) -> Vec<Mention> {
        let base = ctx.range.start;
        let agents: Vec<(usize, usize)> = self
            .langs
            .shared
            .places
            .find_all(&ctx.toks)
            .iter()
            .filter(|h| h.value().agent || h.value().seat)
            .map(|h| (ctx.toks[h.ts].start, ctx.toks[h.te - 1].end))
            .collect();
        self.mentions(l, ctx)
            .into_iter()
            .filter(|m| {
                !agents
                    .iter()
                    .any(|(a, b)| base + m.start < *b && *a < base + m.end)
            })
            .collect()
    }

    /// The place of the sentence's event: a named sea region (with the country whose waters
    /// it names), else a place of the clause of its first cue (see [`Extractor::place_at`]).
    pub(super) fn place(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        ev_ends: &[usize],
    ) -> Option<(PlaceRef, usize, usize)> {
        self.place_at(l, ctx, ev_ends, self.main_cue(ctx, ev_ends), None)
    }

    /// The end of the sentence's main cue: the first not told in another event's clause
    /// ("en respuesta a un ataque en Gaza, Israel bombardeó Saná"), else the first.
    fn main_cue(&self, ctx: &SentCtx, ev_ends: &[usize]) -> Option<usize> {
        let frames = self.frames(ctx);
        let framed = |te: usize| frames.iter().any(|&(a, b)| (a..b).contains(&(te - 1)));
        let mut ends: Vec<usize> = ev_ends.iter().copied().filter(|&te| te > 0).collect();
        ends.sort_unstable();
        ends.iter()
            .copied()
            .find(|&te| !framed(te))
            .or(ends.first().copied())
    }

    /// The place of the event whose cue ends before token `focus`: a named sea region (with
    /// the country whose waters it names), else ground named by a phrase ("on Venezuelan
    /// soil"), else the place on land nearest the cue that the words before it make where
    /// something happened (see [`Extractor::land_place`]), else international waters. With
    /// `within`, only a place in those tokens (one of two events told side by side).
    pub(super) fn place_at(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        ev_ends: &[usize],
        focus: Option<usize>,
        within: Option<(usize, usize)>,
    ) -> Option<(PlaceRef, usize, usize)> {
        let inside = |i: usize| within.is_none_or(|(a, b)| (a..b).contains(&i));
        let mut extra = self.langs.shared.places.find_all(&ctx.toks);
        extra.retain(|h| inside(h.ts));
        let mentions = self.mentions_not_agents(l, ctx);
        // the clauses of other events ("after the strikes on boats in the Caribbean"): no
        // place in one is this event's
        let frames = self.frames(ctx);
        let cue = focus.map(|f| f.saturating_sub(1));
        let framed_out = |at: usize| {
            let i = tok_at(&ctx.toks, at);
            !inside(i)
                || cue.is_some_and(|c| {
                    frames
                        .iter()
                        .any(|&(a, b)| (a..b).contains(&i) && !(a..b).contains(&c))
                })
        };
        let land = self.land_place(l, ctx, &mentions, ev_ends, focus, &framed_out);
        let (sea, intl) = self.seas(l, ctx, &mentions, land.as_ref(), &|at| !framed_out(at));
        if sea.is_some() {
            return sea;
        }
        // "on Venezuelan soil", "territorio mexicano" (a town of that country named with it
        // is finer)
        let soil = |h: &&Hit<ExtraPlace>| {
            let v = h.value();
            !v.agent && !v.seat && !v.demonym
        };
        if let Some(h) = extra.iter().find(soil) {
            if let Some(p) = self.gaz.country(&h.value().country) {
                let finer = land.as_ref().map(|(lp, _, _)| &lp.country);
                if finer != Some(&p.country) {
                    let (s, e) = (ctx.toks[h.ts].start, ctx.toks[h.te - 1].end);
                    return Some((to_ref(p), s, e));
                }
            }
        }
        if land.is_some() {
            return land;
        }
        // "Iranian nuclear sites", "instalaciones militares venezolanas"
        if let Some(h) = extra
            .iter()
            .find(|h| h.value().demonym && beside_site(l, &ctx.toks, h.ts, h.te))
        {
            if let Some(p) = self.gaz.country(&h.value().country) {
                let (s, e) = (ctx.toks[h.ts].start, ctx.toks[h.te - 1].end);
                return Some((to_ref(p), s, e));
            }
        }
        if intl.is_some() {
            return intl;
        }
        // nothing outside other events' clauses: a sea named in one is the likelier place
        // ("this new strike follows one that killed three in the Caribbean on February 23")
        let (sea, intl) = self.seas(l, ctx, &mentions, None, &|at| inside(tok_at(&ctx.toks, at)));
        sea.or(intl)
    }

    /// The sea of the sentence's event among the `mentions` that `keep` keeps (by start
    /// byte): the waters off a country (the coast a region named with it chooses), else a
    /// named sea region (with the country `land` names after "near"); and apart, the
    /// international waters named.
    fn seas(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        mentions: &[Mention],
        land: Option<&Spanned>,
        keep: &dyn Fn(usize) -> bool,
    ) -> (Option<Spanned>, Option<Spanned>) {
        let base = ctx.range.start;
        let mut region: Option<(PlaceRef, usize, usize)> = None;
        let mut waters: Vec<(&Mention, usize, usize)> = Vec::new();
        let mut intl: Option<(PlaceRef, usize, usize)> = None;
        for m in mentions {
            let p = self.gaz.get(m.place);
            let (ms, me) = (base + m.start, base + m.end);
            if !keep(ms) {
                continue;
            }
            match p.kind {
                PlaceKind::SeaRegion if p.country.is_none() && region.is_none() => {
                    region = Some((to_ref(p), ms, me));
                }
                PlaceKind::SeaRegion if p.country.is_some() => waters.push((m, ms, me)),
                PlaceKind::InternationalWaters if intl.is_none() => {
                    intl = Some((to_ref(p), ms, me));
                }
                _ => {}
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
            return (Some((r, *ms, *me)), intl);
        }
        if let Some(r) = region.as_mut() {
            // "in the Caribbean, near Venezuela": the waters off that country
            if let Some((lp, _, _)) = land {
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
        }
        (region, intl)
    }

    /// The place on land of the event whose cue ends before token `focus` (the first
    /// place if none is given), among the sentence's `mentions` that are not at sea:
    ///
    /// * only a place the words before it make where something happened: after a locative
    ///   ("in", "cerca de", "district of"), as the cue's object, after a noun of a place or
    ///   a site and "of" ("the port of Hodeidah", "la provincia yemení de Hodeida"), or
    ///   before one ("Iran's nuclear sites"); never where something was said or someone
    ///   lives ("speaking in Nairobi"), nor across a border ("near the border with Kenya");
    /// * never a place in another event's clause ("a day after the group attacked
    ///   Israel"), nor two countries joined ("Siria e Irak": neither);
    /// * of those, the one in the cue's clause nearest the cue; then a finer place of the
    ///   same country right after it ("en la capital de Yemen, Saná", "Yemen's Shabwa
    ///   province").
    fn land_place(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        mentions: &[Mention],
        ev_ends: &[usize],
        focus: Option<usize>,
        framed_out: &dyn Fn(usize) -> bool,
    ) -> Option<(PlaceRef, usize, usize)> {
        let toks = &ctx.toks;
        let base = ctx.range.start;
        let spans: Vec<(usize, usize)> = mentions
            .iter()
            .map(|m| (tok_at(toks, base + m.start), tok_at(toks, base + m.end)))
            .collect();
        let cue = focus.map(|f| f.saturating_sub(1));
        let mut cands: Vec<usize> = Vec::new();
        for (k, m) in mentions.iter().enumerate() {
            let p = self.gaz.get(m.place);
            let (a, b) = spans[k];
            if matches!(
                p.kind,
                PlaceKind::SeaRegion | PlaceKind::InternationalWaters
            ) || a >= toks.len()
                || framed_out(base + m.start)
                || self.joined_abroad(l, ctx, mentions, &spans, k)
                || self.stray_town(ctx, m)
            {
                continue;
            }
            if self.placing(l, ctx, a, b, ev_ends) {
                cands.push(k);
            }
        }
        let k = *cands.iter().min_by_key(|&&k| {
            let a = spans[k].0;
            // a place in some country before one shared by several ("near Lake Chad in
            // Borno state")
            let shared = self.gaz.get(mentions[k].place).country.is_none();
            let (clause, d) = match cue {
                // a place after the cue is its complement more often than one before it,
                // which tends to belong to the subject or the source ("officials in Syria
                // said the strike near Palmira ...")
                Some(c) => {
                    let d = if a > c { a - c } else { (c - a) * 2 };
                    (ctx.clause[a] != ctx.clause[c], d)
                }
                None => (false, 0),
            };
            (shared, clause, d, a)
        })?;
        let k = self.finer_after(l, ctx, mentions, &spans, k);
        let m = &mentions[k];
        Some((to_ref(self.gaz.get(m.place)), base + m.start, base + m.end))
    }

    /// "el cantón Camilo Ponce Enríquez": a town or division whose name goes on, after one
    /// space, with a capitalised word the gazetteer does not know is part of a longer name,
    /// another place ("Ponce" there is not Puerto Rico's). Never a country ("Colombia
    /// Gustavo Petro" is a person after it), nor before a date word ("Culiacán Monday"), a
    /// noun of a place ("Gara Mountains"), a force, actor or country's adjective ("In
    /// Kherson Russian drones"), another mention (at a start in `starts`, relative to the
    /// sentence), or in a line written in title case (a headline).
    fn longer_name(&self, l: &LangLex, ctx: &SentCtx, m: &Mention, starts: &[usize]) -> bool {
        if matches!(
            self.gaz.get(m.place).kind,
            PlaceKind::Country | PlaceKind::SeaRegion | PlaceKind::InternationalWaters
        ) {
            return false;
        }
        let toks = &ctx.toks;
        let base = ctx.range.start;
        let end = base + m.end;
        let i = tok_at(toks, end);
        let capital = |t: &Tok| capitalised(ctx, t);
        let Some(t) = toks.get(i) else {
            return false;
        };
        let shared = &self.langs.shared;
        if t.start != end + 1
            || !capital(t)
            || !ctx.text[end..t.start].eq(" ")
            || l.dates.is_cue(&t.lower)
            || shared.place_words.noun.at(toks, i).is_some()
            || starts.contains(&(t.start - base))
            // "In Kherson Russian drones killed", "En Culiacán Sedena informó": the next
            // clause's subject
            || shared.forces.at(toks, i).is_some()
            || shared.actors.at(toks, i).is_some()
            || shared.places.at(toks, i).is_some()
            // ("Near Kidal Malian troops killed": an adjective of the force after it)
            || toks.get(i + 1).is_some_and(|n| {
                l.filler_kinds.get(&n.lower) == Some(&crate::lexicon::FillerKind::Security)
                    || l.agents.at(toks, i + 1).is_some()
            })
        {
            return false;
        }
        // a headline in title case capitalises every word
        let words: Vec<&Tok> = toks
            .iter()
            .filter(|t| t.kind == TokKind::Word && t.lower.chars().count() > 3)
            .collect();
        let capitals = words.iter().filter(|t| capital(t)).count();
        capitals * 2 <= words.len()
    }

    /// Whether a place's name goes on at byte `end` (where a gazetteer mention ends): an
    /// article of a name, hyphened to the word after it, right after the mention ("Jisr
    /// al-Shughur"; see `particle` in `places.tsv`).
    fn name_goes_on(&self, ctx: &SentCtx, end: usize) -> bool {
        let toks = &ctx.toks;
        let i = tok_at(toks, end);
        toks.get(i).is_some_and(|t| t.start <= end + 1)
            && self
                .langs
                .shared
                .place_words
                .particle
                .at(toks, i)
                .is_some_and(|h| h.te == i + 1)
            && toks.get(i + 1).is_some_and(|t| t.lower == "-")
    }

    /// The token spans of the clauses another event is told in: from a frame phrase
    /// ("after", "en respuesta a") to the end of its clause.
    fn frames(&self, ctx: &SentCtx) -> Vec<(usize, usize)> {
        let toks = &ctx.toks;
        self.langs
            .shared
            .place_words
            .frame
            .find_all(toks)
            .iter()
            .map(|h| {
                let c = ctx.clause[h.te - 1];
                let end = (h.te..toks.len())
                    .find(|&i| ctx.clause[i] != c)
                    .unwrap_or(toks.len());
                (h.ts, end)
            })
            .collect()
    }

    /// Whether mention `k` is joined by "and"/"y" to a place of another country ("in
    /// northern Iraq and Syria", "Siria e Irak"): the event is in neither for certain.
    fn joined_abroad(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        mentions: &[Mention],
        spans: &[(usize, usize)],
        k: usize,
    ) -> bool {
        let joined = |x: usize, y: usize| self.joined(l, &ctx.toks, spans, x, y);
        let country = |x: usize| self.gaz.get(mentions[x].place).country.clone();
        let before = k.checked_sub(1).filter(|&j| joined(j, k));
        let after = Some(k + 1).filter(|&j| j < mentions.len() && joined(k, j));
        before
            .into_iter()
            .chain(after)
            .any(|j| country(j).is_some() && country(j) != country(k))
    }

    /// Whether the mentions at token spans `x` and `y` (in that order) are joined by "and"
    /// with only "of", locatives and articles beside it ("in Iraq and Syria", "en Siria e
    /// Irak", "in Iraq and in Syria").
    fn joined(
        &self,
        l: &LangLex,
        toks: &[Tok],
        spans: &[(usize, usize)],
        x: usize,
        y: usize,
    ) -> bool {
        let pw = &self.langs.shared.place_words;
        let (from, to) = (spans[x].1, spans[y].0);
        from < to
            && to - from <= 3
            && (from..to).any(|i| pw.and.at(toks, i).is_some())
            && (from..to).all(|i| {
                pw.and.at(toks, i).is_some()
                    || self.of_word(l, toks, i)
                    || l.grammar.locative.at(toks, i).is_some()
                    || is_article(l, &toks[i].lower)
            })
    }

    /// "Bombers struck sites in Iraq and Syria", "bombardeos contra milicias en Siria e
    /// Irak": the places of the event whose cue ends before token `focus` when they are two
    /// or three countries named as such, joined by "and", and the first is placed as
    /// [`Extractor::land_place`] places one (never in another event's clause). One event is
    /// told in each country: `land_place` names neither, and a ledger keeps events by
    /// country. Empty otherwise.
    pub(super) fn joined_countries(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        ev_ends: &[usize],
        focus: Option<usize>,
    ) -> Vec<Spanned> {
        let toks = &ctx.toks;
        let base = ctx.range.start;
        let mentions = self.mentions_not_agents(l, ctx);
        let spans: Vec<(usize, usize)> = mentions
            .iter()
            .map(|m| (tok_at(toks, base + m.start), tok_at(toks, base + m.end)))
            .collect();
        let frames = self.frames(ctx);
        let cue = focus.map(|f| f.saturating_sub(1));
        let framed_out = |i: usize| {
            cue.is_some_and(|c| {
                frames
                    .iter()
                    .any(|&(a, b)| (a..b).contains(&i) && !(a..b).contains(&c))
            })
        };
        let on_land = |k: usize| {
            !matches!(
                self.gaz.get(mentions[k].place).kind,
                PlaceKind::SeaRegion | PlaceKind::InternationalWaters
            )
        };
        for k in 0..mentions.len() {
            let (a, b) = spans[k];
            if a >= toks.len()
                || !on_land(k)
                || framed_out(a)
                || !self.placing(l, ctx, a, b, ev_ends)
            {
                continue;
            }
            let mut run = vec![k];
            while run.len() < 3 {
                let j = run[run.len() - 1];
                if j + 1 < mentions.len()
                    && on_land(j + 1)
                    && self.joined(l, toks, &spans, j, j + 1)
                {
                    run.push(j + 1);
                } else {
                    break;
                }
            }
            let mut countries: Vec<&str> = run
                .iter()
                .filter_map(|&j| self.gaz.get(mentions[j].place).country.as_deref())
                .collect();
            countries.sort_unstable();
            countries.dedup();
            // countries by their names only: "a market in Kabul and Pakistan condemned ..."
            // joins a town to the next clause's subject
            let all_countries = run
                .iter()
                .all(|&j| self.gaz.get(mentions[j].place).kind == PlaceKind::Country);
            if run.len() < 2 || countries.len() != run.len() || !all_countries {
                // a place of one country after another ("in Sinaloa and Durango") or a place
                // shared by several is one event's
                if run.len() >= 2 {
                    return Vec::new();
                }
                continue;
            }
            return run
                .iter()
                .map(|&j| {
                    let m = &mentions[j];
                    (to_ref(self.gaz.get(m.place)), base + m.start, base + m.end)
                })
                .collect();
        }
        Vec::new()
    }

    /// A finer place of the same country right after mention `k`, with only punctuation,
    /// articles, "of", "in", compass words and place nouns between ("la capital de Yemen,
    /// Saná", "Yemen's Shabwa province"), or the area of another country that holds it ("la
    /// región de Gara, en el Kurdistán iraquí": Gara is known only abroad): the event's
    /// place; else `k`.
    fn finer_after(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        mentions: &[Mention],
        spans: &[(usize, usize)],
        k: usize,
    ) -> usize {
        let (toks, pw) = (&ctx.toks, &self.langs.shared.place_words);
        let Some(next) = mentions.get(k + 1) else {
            return k;
        };
        let (from, to) = (spans[k].1, spans[k + 1].0);
        let gap_ok = from <= to
            && to - from <= 4
            && (from..to).all(|i| {
                let w = &toks[i].lower;
                matches!(w.as_str(), "," | "'" | "’" | "s")
                    || is_article(l, w)
                    || l.grammar
                        .locative
                        .at(toks, i)
                        .is_some_and(|h| h.te == i + 1)
                    || self.of_word(l, toks, i)
                    || l.compass.contains(w)
                    || pw.noun.at(toks, i).is_some()
            });
        let (p, q) = (self.gaz.get(mentions[k].place), self.gaz.get(next.place));
        let finer = q.country.is_some()
            && q.country == p.country
            && q.precision < p.precision
            && q.region_code.is_none();
        // "la región de Gara, en el Kurdistán iraquí": the area that holds the place names
        // its country when the place's name is known only from another country
        let holder = q.country.is_some()
            && q.country != p.country
            && q.precision > p.precision
            && q.region_code.is_none();
        if gap_ok && (finer || holder) {
            k + 1
        } else {
            k
        }
    }

    /// "of", "de", "del": joins a noun to the place it is of.
    fn of_word(&self, l: &LangLex, toks: &[Tok], i: usize) -> bool {
        l.grammar.of.contains(&toks[i].lower)
            || self
                .langs
                .shared
                .place_words
                .of
                .at(toks, i)
                .is_some_and(|h| h.te == i + 1)
    }

    /// Whether the words around the mention at tokens `a..b` make it where something
    /// happened (see [`Extractor::land_place`]).
    fn placing(&self, l: &LangLex, ctx: &SentCtx, a: usize, b: usize, ev_ends: &[usize]) -> bool {
        let toks = &ctx.toks;
        let (g, pw) = (&l.grammar, &self.langs.shared.place_words);
        // a part of the place: "40 miles northwest of Kismayo", "al sureste de Bosaso", "en
        // el occidente de Venezuela"
        if a >= 2 && self.of_word(l, toks, a - 1) && l.compass.contains(&toks[a - 2].lower) {
            return true;
        }
        let i = before_place(l, toks, a);
        if i == 0 {
            return self.site_after(l, toks, b);
        }
        if self.elsewhere(l, ctx, a) {
            return false;
        }
        // the agent of a passive is no place: "misiles lanzados por Irán", "strikes by Israel"
        if a >= 1
            && l.agents
                .at(toks, a - 1)
                .is_some_and(|h| h.te == a && *h.value() == crate::lexicon::AgentKind::By)
        {
            return false;
        }
        // the object of a strike verb: "atacar Venezuela", "strikes Venezuela" (also one
        // kept as no event of its own, an infinitive: "pedir permiso antes de atacar
        // Venezuela")
        let verb_ends_at = |j: usize| {
            (j.saturating_sub(3)..j).any(|k| {
                l.events
                    .at(toks, k)
                    .is_some_and(|h| h.te == j && h.value().event_type.is_violent())
            })
        };
        // (only where the sentence tells no violence of its own: "en lugar de atacar
        // Venezuela, las fuerzas destruyeron una lancha" is not in Venezuela)
        let violent_told = ev_ends.iter().any(|&te| {
            (te.saturating_sub(4)..te).any(|k| {
                l.events
                    .at(toks, k)
                    .is_some_and(|h| h.te == te && h.value().event_type.is_violent())
            })
        });
        // ... a day between the verb and its object ("bombardearon el lunes Saná", "atacaron
        // ayer Culiacán"): the day's word, one word before it at most
        let day_before = i >= 1
            && l.dates.is_day(&toks[i - 1].lower)
            && (ev_ends.contains(&(i - 1))
                || i >= 2 && toks[i - 2].kind == TokKind::Word && ev_ends.contains(&(i - 2)));
        if ev_ends.contains(&i)
            || ev_ends.contains(&a)
            || day_before
            || (!violent_told && verb_ends_at(i))
        {
            return true;
        }
        // "the bombing of Caracas", "el bombardeo de Caracas"
        if self.of_word(l, toks, i - 1) && ev_ends.contains(&(i - 1)) {
            return true;
        }
        // "in", "off", "cerca de", "district of"; "en el convulso estado de Sinaloa": an
        // adjective before a place named with its noun
        let adjective = pw.noun.at(toks, a).is_some()
            && i == a
            && a >= 2
            && toks[a - 1].kind == TokKind::Word
            && is_article(l, &toks[a - 2].lower);
        let locative = |j: usize| g.locative.ends_at(toks, j) || pw.locative.ends_at(toks, j);
        // "en Coahuayana, Michoacán", "in a village of Kunduz, Afghanistan": a name the
        // gazetteer lacks (up to three capitalised words) where the event was, then the
        // division or country that holds it, closing the phrase ("en Gaza, Israel bombardeó":
        // the next clause's subject)
        let closes = toks.get(b).is_none_or(|t| t.kind == TokKind::Punct);
        let unknown_before = i >= 2 && closes && toks[i - 1].lower == "," && {
            let capital = |t: &Tok| capitalised(ctx, t);
            let j = (1..=3)
                .take_while(|&n| i > n && capital(&toks[i - 1 - n]))
                .last()
                .map(|n| i - 1 - n);
            j.is_some_and(|j| j > 0 && (locative(j) || self.noun_before(l, toks, j)))
        };
        unknown_before
            || locative(i)
            || (adjective && locative(a - 2))
            || self.noun_before(l, toks, a)
            // "in the Golis Mountains of northern Somalia": the noun's place with its compass
            || (i < a && self.noun_before(l, toks, i))
            || self.site_after(l, toks, b)
    }

    /// Whether the place at token `a` is where something was said or someone lives
    /// ("speaking in Nairobi", "dijo en Caracas"), or across a border ("near the border
    /// with Kenya"), not where an event happened.
    fn elsewhere(&self, l: &LangLex, ctx: &SentCtx, a: usize) -> bool {
        let (toks, pw) = (&ctx.toks, &self.langs.shared.place_words);
        if a >= toks.len() {
            return false;
        }
        let i = before_place(l, toks, a);
        [i, a]
            .iter()
            .any(|&j| pw.remote.ends_at(toks, j) || pw.border.ends_at(toks, j))
    }

    /// A noun of a place or a site before the place at token `a`: "the port of Hodeidah",
    /// "la provincia yemení de Hodeida", "las instalaciones nucleares iraníes de Fordo" (at
    /// most two adjectives between), "the capital, Sanaa", "the capital Sanaa".
    fn noun_before(&self, l: &LangLex, toks: &[Tok], a: usize) -> bool {
        let pw = &self.langs.shared.place_words;
        let mut j = a;
        let (mut linked, mut comma) = (false, false);
        if j >= 2 && is_article(l, &toks[j - 1].lower) && self.of_word(l, toks, j - 2) {
            j -= 2;
            linked = true;
        } else if j >= 1 && self.of_word(l, toks, j - 1) {
            j -= 1;
            linked = true;
        } else if j >= 1 && toks[j - 1].lower == "," {
            j -= 1;
            comma = true;
        }
        let max_adj = if linked { 2 } else { 0 };
        for adj in 0..=max_adj {
            if adj > j {
                break;
            }
            let end = j - adj;
            if adj > 0 {
                let t = &toks[end];
                let plain = t.kind == TokKind::Word
                    && !self.of_word(l, toks, end)
                    && !is_article(l, &t.lower)
                    && pw.and.at(toks, end).is_none();
                if !plain {
                    break;
                }
            }
            if end == 0 {
                break;
            }
            if pw.noun.ends_at(toks, end) || (!comma && land_target_ends_at(l, toks, end)) {
                return true;
            }
        }
        false
    }

    /// A site named after the place's possessive: "Iran's nuclear facilities", "Yemen's
    /// Shabwa province".
    fn site_after(&self, l: &LangLex, toks: &[Tok], b: usize) -> bool {
        let pw = &self.langs.shared.place_words;
        let possessive = toks
            .get(b)
            .is_some_and(|t| matches!(t.lower.as_str(), "'" | "’"))
            && toks.get(b + 1).is_some_and(|t| t.lower == "s");
        possessive
            && (b + 2..(b + 5).min(toks.len()))
                .take_while(|&i| toks[i].kind == TokKind::Word)
                .any(|i| {
                    pw.noun.at(toks, i).is_some()
                        || l.targets
                            .at(toks, i)
                            .is_some_and(|h| *h.value() == TargetKind::LandSite)
                })
    }

    /// Whether a place is in a country with no coast on the campaign's seas (Yemen, Syria,
    /// Somalia): a strike there with no target named is on land.
    fn no_coast(&self, p: &PlaceRef) -> bool {
        p.country
            .as_ref()
            .is_some_and(|c| !self.seas_of.contains_key(c))
    }

    /// The place of event cue `e`: the sentence's, or, for a cue after the first, the place
    /// nearest it.
    fn event_place(
        &self,
        s: &Sentence,
        e: &Hit<EventCue>,
        within: Option<(usize, usize)>,
    ) -> Option<Spanned> {
        // one of two events side by side: the place of its own part of the sentence
        if within.is_some() {
            return self.place_at(s.l, s.ctx, &s.ev_ends, Some(e.te), within);
        }
        if s.ev_ends.len() < 2 {
            return s.place.clone();
        }
        let main = self.main_cue(s.ctx, &s.ev_ends);
        // a cue in another event's clause that stands for the sentence's main event of its
        // type (one event per type) takes the main event's place
        let frames = self.frames(s.ctx);
        let framed = |te: usize| frames.iter().any(|&(a, b)| (a..b).contains(&(te - 1)));
        let stands_for_main = framed(e.te)
            && s.events
                .iter()
                .any(|x| Some(x.te) == main && x.value().event_type == e.value().event_type);
        if main == Some(e.te) || stands_for_main {
            return s.place.clone();
        }
        self.place_at(s.l, s.ctx, &s.ev_ends, Some(e.te), None)
    }

    /// The target of the event report `rep` of cue `e`: the nearest target noun (a vague
    /// one last); a site on land when a place phrase says so ("Venezuelan soil"); for a
    /// strike, a vessel at sea unless its place is its object on land ("the bombing of
    /// Caracas"); for a raid or a group's attack, people (the event's type, its agent
    /// considered, not its cue's: "asesinaron" by gunmen is no strike at sea).
    pub(super) fn target(
        &self,
        rep: &mut Report,
        s: &Sentence,
        e: &Hit<EventCue>,
        m: Modality,
        src: &Source,
        within: Option<(usize, usize)>,
    ) {
        let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
        let (kind, et) = (rep.kind, rep.event_type);
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
        let extra = self.langs.shared.places.find_all(toks);
        let extra_land = extra.iter().any(|p| p.value().land);
        // "White House", "Casa Blanca": a seat of government is never what was struck
        let seats: Vec<(usize, usize)> = extra
            .iter()
            .filter(|h| h.value().seat)
            .map(|h| (h.ts, h.te))
            .collect();
        let tgt = tgt.filter(|t| !seats.iter().any(|&(a, b)| t.ts < b && a < t.te));
        let place = self.event_place(s, e, within);
        // at sea unless the place is on land (a town, a province, a country with no coast
        // on the campaign's seas), as when the place is the strike's object ("the bombing of
        // Caracas")
        let on_land = place.as_ref().is_some_and(|(p, ps, _)| {
            let i = tok_at(toks, *ps);
            if i == 0 || i >= toks.len() || p.region_code.is_some() || p.country.is_none() {
                return false;
            }
            let object = s.ev_ends.contains(&i)
                || (s.ev_ends.contains(&(i - 1)) && l.grammar.of.contains(&toks[i - 1].lower));
            // a town or province told in another clause ("the strike of September 2, in San
            // Juan de Unare, a fishing village") may be where the story was told, not where
            // the boat was
            let same_clause = ctx.clause[i] == ctx.clause[e.te - 1];
            object || self.no_coast(p) || (same_clause && p.precision <= 3)
        });
        if let Some(t) = tgt {
            // a vague "target" on land is a site there
            let mut k = *t.value();
            let mut rule = format!("lex:{}:{}:{}", l.targets.file, k.as_str(), t.phrase.text);
            if k == TargetKind::Unknown && on_land && kind == ReportKind::Event {
                k = TargetKind::LandSite;
                rule.push_str(".on_land");
            }
            rep.target_kind = Some(k);
            rep.claims.push(ctx.claim(
                ClaimField::TargetKind,
                k.as_str().into(),
                [toks[t.ts].start, toks[t.te - 1].end],
                src,
                m,
                rule,
            ));
        } else if extra_land {
            rep.target_kind = Some(TargetKind::LandSite);
        } else if et == EventType::Strike {
            rep.target_kind = match (kind, m) {
                (ReportKind::Event, Modality::Occurred) if on_land => Some(TargetKind::LandSite),
                (ReportKind::Event, Modality::Occurred) => Some(TargetKind::Vessel),
                (ReportKind::Event, _) => Some(TargetKind::Unknown),
                _ => None,
            };
        } else if et == EventType::Raid && kind == ReportKind::Event {
            // a raid goes after people
            rep.target_kind = Some(TargetKind::Person);
        } else if et == EventType::Attack && kind == ReportKind::Event {
            // a group's attack that names no site, no vessel, goes after people (an ambush, a
            // shooting, a massacre), unless its object is a town ("atacaron el municipio de
            // Suárez")
            let object = place.as_ref().is_some_and(|(_, ps, _)| {
                let i = tok_at(toks, *ps);
                i > 0
                    && i < toks.len()
                    && (s.ev_ends.contains(&i)
                        || (s.ev_ends.contains(&(i - 1))
                            && l.grammar.of.contains(&toks[i - 1].lower)))
            });
            rep.target_kind = Some(if object || extra_land {
                TargetKind::LandSite
            } else {
                TargetKind::Person
            });
        }
    }

    /// The place of the report `rep`: the sentence's place, given the region of a country
    /// whose waters lie in one region only when the target is a vessel; or, for a
    /// development, a raid or a strike on land that names no place, the country of the
    /// group or person it concerns ("the designation of the Cartel de los Soles").
    pub(super) fn place_report(
        &self,
        rep: &mut Report,
        s: &Sentence,
        e: &Hit<EventCue>,
        m: Modality,
        src: &Source,
        within: Option<(usize, usize)>,
    ) {
        let (ctx, toks) = (s.ctx, &s.ctx.toks);
        let inside = |i: usize| within.is_none_or(|(a, b)| (a..b).contains(&i));
        if let Some((p, a, b)) = &self.event_place(s, e, within) {
            set_place(rep, ctx, p.clone(), [*a, *b], src, m, "gazetteer".into());
        }
        if let Some(p) = rep.place.as_mut() {
            // a strike at sea off a country: the region its waters lie in
            if rep.target_kind == Some(TargetKind::Vessel)
                && p.region_code.is_none()
                && p.country.is_some()
            {
                let seas = p.country.as_ref().and_then(|c| self.seas_of.get(c));
                // one region, else the sea the sentence names ("off Yemen's port of
                // Hodeidah, in the Red Sea"), one of the country's where the gazetteer
                // knows them
                // (not a sea in another event's clause: "days after the Houthis attacked
                // ships in the Red Sea")
                let named = || {
                    let elsewhere = super::figures::tolls::other_event_regions(s.l, ctx);
                    self.mentions(s.l, ctx).iter().find_map(|m| {
                        let i = tok_at(toks, ctx.range.start + m.start);
                        // nor one in a source's or a relative clause ("according to UKMTO,
                        // which monitors the Red Sea", "a Red Sea shipping official said")
                        let (lo, hi) = (i.min(e.te), i.max(e.te));
                        let aside = (lo..hi).any(|k| {
                            s.l.grammar.relative.contains(&toks[k].lower)
                                || s.l.attribution.at(toks, k).is_some()
                        }) || (hi..(hi + 4).min(toks.len()))
                            .any(|k| s.l.attribution.at(toks, k).is_some());
                        if aside
                            || elsewhere
                                .iter()
                                .any(|&(a, b)| (a..b).contains(&i) && !(a..b).contains(&e.ts))
                        {
                            return None;
                        }
                        let q = self.gaz.get(m.place);
                        let code = q.region_code.as_ref()?;
                        (matches!(q.kind, PlaceKind::SeaRegion | PlaceKind::Feature)
                            && q.country.is_none()
                            && seas.is_none_or(|v| v.contains(code)))
                        .then_some(q)
                    })
                };
                let sea = match seas {
                    Some(v) if v.len() == 1 => self.gaz.sea_region(&v[0]),
                    _ => named(),
                };
                if let Some(sea) = sea {
                    p.region = sea.region.clone().or_else(|| Some(sea.name.clone()));
                    p.region_code = sea.region_code.clone();
                }
            }
        } else if rep.kind == ReportKind::Development
            || rep.event_type == EventType::Raid
            || rep.target_kind == Some(TargetKind::LandSite)
        {
            let hit = s.actors.iter().filter(|a| inside(a.ts)).find_map(|a| {
                let c = a.value().country.as_ref()?;
                Some((a, self.gaz.country(c)?))
            });
            if let Some((a, p)) = hit {
                let span = [toks[a.ts].start, toks[a.te - 1].end];
                let rule = format!("lex:actors.tsv:country:{}", a.phrase.text);
                set_place(rep, ctx, to_ref(p), span, src, m, rule);
            } else if rep.kind == ReportKind::Development {
                self.governed_place(rep, s, e, src, m);
            }
        }
    }

    /// "si el nuevo gobierno de Caracas no coopera", "the regime in Tehran": a development
    /// that names no place concerns the country whose seat a `government_of` phrase names, in
    /// the cue's part of the sentence (no semicolon between), when no force or actor the
    /// sentence names is of that state ("if the government in Washington continued the
    /// strikes" is the striker's own).
    fn governed_place(
        &self,
        rep: &mut Report,
        s: &Sentence,
        e: &Hit<EventCue>,
        src: &Source,
        m: Modality,
    ) {
        let (ctx, toks) = (s.ctx, &s.ctx.toks);
        let base = ctx.range.start;
        let named_states: Vec<&str> = s
            .forces
            .iter()
            .filter_map(|f| f.value().state.as_deref())
            .chain(s.actors.iter().filter_map(|a| a.value().country.as_deref()))
            .collect();
        let hit = self.mentions(s.l, ctx).into_iter().find_map(|mn| {
            let a = tok_at(toks, base + mn.start);
            let (lo, hi) = (a.min(e.ts), a.max(e.ts));
            if toks[lo..hi]
                .iter()
                .any(|t| matches!(t.lower.as_str(), ";" | ":" | "."))
            {
                return None;
            }
            let governed = (a.saturating_sub(4)..a).any(|k| {
                self.langs
                    .shared
                    .place_words
                    .government_of
                    .at(toks, k)
                    .is_some_and(|h| h.te == a)
            });
            let c = self.gaz.get(mn.place).country.clone()?;
            if named_states.contains(&c.as_str()) {
                return None;
            }
            governed
                .then(|| self.gaz.country(&c))
                .flatten()
                .map(|p| (p, base + mn.start, base + mn.end))
        });
        if let Some((p, a, b)) = hit {
            let rule = "gazetteer.government_of".into();
            set_place(rep, ctx, to_ref(p), [a, b], src, m, rule);
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
        let rep = where_and_when(ctx, src, sea, day, "story_vessel");
        out.push(Cand::new(CandKind::FiguresOnly, rep, false));
    }
}

impl Extractor {
    /// "Los hechos ocurrieron la madrugada del miércoles en Tepalcatepec", "The clash took
    /// place late Wednesday": a sentence with no event cue that says when or where something
    /// happened tells it of the story's latest event (see `merge`), which takes the day over
    /// its announcement's or a window, and the place when it has none.
    pub(super) fn circumstances(&self, s: &Sentence, src: &Source, out: &mut Vec<Cand>) {
        let (l, ctx, toks) = (s.l, s.ctx, &s.ctx.toks);
        let Some(happened) = l.grammar.happened.find_all(toks).first().map(|h| h.ts) else {
            return;
        };
        // troops named as the operation's agent are no cue of their own ("fue ejecutada el
        // jueves por tropas del Ejército")
        let passive_troops = |e: &crate::lexicon::Hit<crate::lexicon::EventCue>| {
            e.value().weak
                && e.value().event_type == crate::EventType::Deployment
                && super::events::agent_of_a_passive(s, e)
        };
        if !s.events.iter().all(passive_troops) {
            return;
        }
        // not the day something was said ("El 17 de octubre el gobierno comunicó que ...")
        // (nor the day of the report, "hoy")
        let day = s.dates.iter().find(|d| {
            d.is_named_day()
                && d.day.is_some_and(|x| Some(x) != s.published)
                && !super::dating::attached_to_verb(d, toks, happened, l)
        });
        let place = self.place(l, ctx, &[]);
        if day.is_none() && place.is_none() {
            return;
        }
        let rep = where_and_when(ctx, src, place, day, "circumstances");
        out.push(Cand::new(CandKind::Circumstances, rep, day.is_some()));
    }
}

/// How far into the text (bytes) a dateline may open: on the first lines, after a headline.
const DATELINE_WITHIN: usize = 400;

/// How long the city's part of a dateline may be, its division after a comma included
/// ("CULIACÁN, Sin.", "MOGADISHU, Somalia").
const DATELINE_LEN: usize = 48;

impl Extractor {
    /// An article's dateline ("MOGADISHU, Somalia —", "CULIACÁN, Sin.—", "BEIRUT (AP) —"):
    /// a line that opens on a city written in capitals, a division or country after a comma
    /// at most, then a dash or an agency's parenthesis. The country of that city, and the
    /// byte span of its name.
    fn dateline(&self, text: &str) -> Option<(String, [usize; 2])> {
        let head = &text[..text.floor_char_boundary(DATELINE_WITHIN.min(text.len()))];
        let mut at = 0;
        for line in head.split_inclusive('\n') {
            let start = at;
            at += line.len();
            let lead = line.trim_start();
            let start = start + (line.len() - lead.len());
            let Some(end) = lead.find(['—', '–', '(']).or_else(|| lead.find(" -")) else {
                continue;
            };
            let before = lead[..end].trim_end();
            if before.is_empty() || before.len() > DATELINE_LEN {
                continue;
            }
            let city = before.split(',').next().unwrap_or("").trim();
            let letters: Vec<char> = city.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.len() < 3 || letters.iter().any(|c| c.is_lowercase()) {
                continue;
            }
            let place = self.gaz.lookup(city).into_iter().next()?;
            if !matches!(
                place.kind,
                PlaceKind::Locality | PlaceKind::Admin1 | PlaceKind::Admin2
            ) {
                return None;
            }
            return place
                .country
                .clone()
                .map(|c| (c, [start, start + city.len()]));
        }
        None
    }

    /// A ground operation the text places nowhere, by the forces of the state its
    /// article's dateline is in, takes that country ("CULIACÁN, Sin.— Elementos del Ejército
    /// abatieron a tres"): only the country, since the city is where the report was filed.
    /// Never a strike nor a group's attack: news agencies file their neighbours' wars from
    /// hubs ("NAIROBI, Kenya —" for Somalia, "DUBAI —" for Yemen), and a state's strikes are
    /// told from its own capital (a strike told from Washington is no strike in the United
    /// States).
    pub(super) fn dateline_place(
        &self,
        text: &str,
        sents: &[std::ops::Range<usize>],
        reports: &mut [Report],
    ) {
        let placeless = |r: &Report| {
            r.kind == ReportKind::Event
                && r.modality == Modality::Occurred
                && r.event_type.is_violent()
                && r.place.is_none()
        };
        if !reports.iter().any(placeless) {
            return;
        }
        let Some((country, span)) = self.dateline(text) else {
            return;
        };
        let Some(place) = self.gaz.country(&country) else {
            return;
        };
        let sentence = sents
            .iter()
            .find(|r| r.start <= span[0] && span[0] < r.end)
            .map_or([span[0], span[1]], |r| [r.start, r.end]);
        for r in reports.iter_mut().filter(|r| placeless(r)) {
            let at_sea = r.claims.iter().any(|c| {
                c.field == ClaimField::TargetKind
                    && c.value.as_text() == Some(TargetKind::Vessel.as_str())
            });
            // a hub the news of a neighbour is filed from ("NAIROBI, Kenya —", "DUBAI —" for
            // Yemen, the hub's state named again as an onlooker) places nothing: only a
            // ground operation by the dateline state's own forces is at home
            let home = r.event_type == EventType::Raid
                && r.perpetrator()
                    .and_then(|p| p.state.as_deref())
                    .is_some_and(|st| st == country);
            if at_sea || !home {
                continue;
            }
            r.claims.push(crate::Claim {
                field: ClaimField::Place,
                value: place.name.as_str().into(),
                surface: text[span[0]..span[1]].to_string(),
                span,
                sentence,
                source: Source::outlet(),
                modality: r.modality,
                rule: "gazetteer.dateline".into(),
                rival: false,
            });
            r.place = Some(to_ref(place));
        }
    }
}

/// A report of only where and when the story's event happened, told in a sentence of its
/// own, with the claims of the words that say so (their rules end in `.{why}`).
/// Gives the report its place, with the claim of the words `span` (bytes) that name it.
pub(super) fn set_place(
    rep: &mut Report,
    ctx: &SentCtx,
    p: PlaceRef,
    span: [usize; 2],
    src: &Source,
    m: Modality,
    rule: String,
) {
    rep.claims.push(ctx.claim(
        ClaimField::Place,
        p.name.as_str().into(),
        span,
        src,
        m,
        rule,
    ));
    rep.place = Some(p);
}

fn where_and_when(
    ctx: &SentCtx,
    src: &Source,
    place: Option<Spanned>,
    day: Option<&crate::dates::DateExpr>,
    why: &str,
) -> Report {
    let mut rep = strike_report(ctx, src);
    if let Some((p, ps, pe)) = place {
        let rule = format!("gazetteer.{why}");
        set_place(&mut rep, ctx, p, [ps, pe], src, Modality::Occurred, rule);
    }
    if let Some(d) = day {
        set_date(&mut rep, d, ctx, src);
        if let Some(c) = rep.claims.last_mut() {
            c.rule.push('.');
            c.rule.push_str(why);
        }
    }
    rep
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

/// The start of the words that name the place at token `a` with a compass word or an
/// article before it ("in western Venezuela", "in the Sinjar district", "en el Cauca").
fn before_place(l: &LangLex, toks: &[Tok], a: usize) -> usize {
    let mut i = a;
    if i >= 1 && l.compass.contains(&toks[i - 1].lower) {
        i -= 1;
    }
    if i >= 1 && is_article(l, &toks[i - 1].lower) {
        i -= 1;
    }
    i
}

/// Whether token `t` is a word written with a capital first letter.
fn capitalised(ctx: &SentCtx, t: &Tok) -> bool {
    t.kind == TokKind::Word
        && ctx
            .surface(t.start, t.end)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// The first token that starts at or after byte `at` (the number of tokens if none does).
fn tok_at(toks: &[Tok], at: usize) -> usize {
    toks.iter()
        .position(|t| t.start >= at)
        .unwrap_or(toks.len())
}

fn is_article(l: &LangLex, w: &Word) -> bool {
    l.grammar.article_sg.contains(w) || l.grammar.article_pl.contains(w)
}

/// Whether the words at tokens `ts..te` stand beside a noun of a site on land, with at
/// most one word between ("Iranian nuclear sites", "instalaciones militares venezolanas").
fn beside_site(l: &LangLex, toks: &[Tok], ts: usize, te: usize) -> bool {
    let word = |i: usize| toks.get(i).is_some_and(|t| t.kind == TokKind::Word);
    let site_at = |i: usize| {
        l.targets
            .at(toks, i)
            .is_some_and(|h| *h.value() == TargetKind::LandSite)
    };
    let after = (te..te + 2).take_while(|&i| word(i)).any(site_at);
    let before = (ts.saturating_sub(2)..ts)
        .rev()
        .take_while(|&i| word(i))
        .any(|i| land_target_ends_at(l, toks, i + 1));
    after || before
}

/// Whether a target noun of a site on land ends right before token `end` ("the port", "las
/// instalaciones").
fn land_target_ends_at(l: &LangLex, toks: &[Tok], end: usize) -> bool {
    (end.saturating_sub(4)..end).any(|i| {
        l.targets
            .at(toks, i)
            .is_some_and(|h| h.te == end && *h.value() == TargetKind::LandSite)
    })
}

/// How far into its sentence a dateline's credit may open.
const DATELINE_CREDIT_AT: usize = 12;

/// Whether token `at` stands inside the parenthesis of a dateline's credit ("WASHINGTON, Oct
/// 30 (Atlantic Wire) -", "BOGOTÁ, 4 may (Agencia del Sur) —"): the parenthesis opens early in
/// the sentence and a dash or a colon follows it; the outlet it names is no place.
fn dateline_credit(ctx: &SentCtx, at: usize) -> bool {
    let toks = &ctx.toks;
    let Some(open) = (0..at.min(toks.len()))
        .rev()
        .find(|&i| toks[i].lower == "(")
    else {
        return false;
    };
    let Some(close) = (at..toks.len()).find(|&i| toks[i].lower == ")") else {
        return false;
    };
    open < DATELINE_CREDIT_AT
        && !toks[open + 1..at].iter().any(|t| t.lower == ")")
        && toks
            .get(close + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "-" | "—" | "–" | ":"))
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
        let ven = tok_at(&s.ctx.toks, s.ctx.text.find("Venezuela").unwrap());
        assert!(extractor().placing(s.l, s.ctx, ven, ven + 1, &[]));
        let s = analyse(es(), "Un barco fue atacado frente a Colombia.");
        let col = s.ctx.text.find("Colombia").unwrap();
        assert!(near_before(s.l, s.ctx, col));
        assert!(!near_before(s.l, s.ctx, 0));
    }
}
