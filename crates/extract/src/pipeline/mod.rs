//! The extraction pipeline: sentences -> cues -> candidate reports -> merged reports.
//!
//! Per sentence ([`sentence`]): a prefilter (any event or figure cue at all, in the
//! article's language or one a quoted sentence is plainly written in?), then tokens, then
//! the stages, each a module: [`events`] (cues and which become candidates), [`modality`],
//! [`dating`] (the sentence's dates and which one an event takes), [`figures`], [`places`]
//! (and targets), [`attribution`] (sources and actors), [`agents`] (the perpetrator, and
//! whether violence is a state's strike or raid or a group's attack), [`references`]
//! (mentions of earlier events, campaigns and history), [`breakdown`] (tolls told boat by
//! boat). Per article: [`merge`] joins the candidates into reports; [`undated`] dates an
//! article with no publication date.
//!
//! Pure: every stage takes values and returns values; the lexicons and gazetteer are read
//! once when the [`Extractor`] is built.

mod agents;
mod attribution;
mod breakdown;
mod dating;
mod events;
mod figures;
mod merge;
mod modality;
mod places;
mod references;
mod report;
mod sentence;
mod undated;

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use sw_gazetteer::Gazetteer;
use sw_model::Lang;

use crate::lexicon::{AgentKind, AttrCue, LangLex, LexiconError, RefKind};
use crate::registry::Registry;
use crate::tokens::tokenize;
use crate::{DatePrecision, EventType, Modality, Report, ReportKind, Source};
use dating::YearFrom;
use sentence::{segment, written_in, Cand, SentCtx};
pub use undated::DateHints;

/// The extraction core: lexicons and gazetteer, built once.
pub struct Extractor {
    /// The languages it reads, and the lexicons they share.
    langs: Registry,
    gaz: Gazetteer,
    /// Country (ISO2) -> the sea regions its waters lie in, from the gazetteer.
    seas_of: std::collections::BTreeMap<String, Vec<String>>,
    /// For an undated article: a dateline without a year, placed by the corpus's span.
    datelines: sw_text::dateline::DatelineFinder,
    /// The states the forces lexicon names as striking by their name (Russia, Israel, the
    /// United States): such a country named in an article is often the attacker, and
    /// points to no place (see `places::stray_town`).
    striking_states: Vec<String>,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor").finish_non_exhaustive()
    }
}

impl Extractor {
    /// Builds the extractor from the embedded lexicons and gazetteer. The compiled-in
    /// lexicons are checked by the crate's tests (every registered language loads), so this
    /// panics only on a build whose lexicons were never tested.
    pub fn new() -> Extractor {
        Extractor::try_new().unwrap_or_else(|e| panic!("compiled-in lexicon: {e}"))
    }

    /// Builds the extractor, or names the lexicon file and line that cannot be read.
    pub fn try_new() -> Result<Extractor, LexiconError> {
        let gaz = Gazetteer::embedded();
        let seas_of = places::seas_of(&gaz);
        let langs = Registry::embedded()?;
        let striking_states = places::striking_states(&langs);
        Ok(Extractor {
            langs,
            gaz,
            seas_of,
            datelines: sw_text::dateline::DatelineFinder::new(),
            striking_states,
        })
    }

    /// The extractor with one more language, read from its lexicon files given as (file
    /// name, text) pairs: the files of a folder `lexicon/<code>/` (see `lexicon/README.md`),
    /// loaded at run time. Its month names and function words are sw-text's when sw-text
    /// has them for `code`. Text in it is read by [`Extractor::extract_in`]; a sentence in
    /// it inside an article in another language is read with its lexicons, as for the
    /// compiled-in languages.
    pub fn with_language<I, N, T>(mut self, code: &str, files: I) -> Result<Extractor, LexiconError>
    where
        I: IntoIterator<Item = (N, T)>,
        N: AsRef<str>,
        T: AsRef<str>,
    {
        let files: Vec<(N, T)> = files.into_iter().collect();
        let mut src = crate::lexicon::LangSource::new(code);
        for (name, text) in &files {
            src.add(
                name.as_ref(),
                format!("{code}/{}", name.as_ref()),
                text.as_ref(),
            )?;
        }
        self.langs.add(code, src)?;
        Ok(self)
    }

    /// The codes of the languages this extractor reads, in registry order.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.langs.languages().map(|l| l.lex.code.as_str())
    }

    /// Extracts the reports of one article. `Lang::Other` is read with the lexicons of the
    /// language the registry flags `reads_other` (English), or not at all if none is.
    pub fn extract(&self, text: &str, lang: Lang, published: Option<NaiveDate>) -> Vec<Report> {
        match self.langs.for_lang(lang) {
            Some(li) => self.run(text, li, &segment(text, lang), published, None),
            None => Vec::new(),
        }
    }

    /// As [`Extractor::extract`], for an article in the registered language `code`
    /// ("en", or one added by [`Extractor::with_language`]). A language that is not
    /// registered is not read: no reports.
    pub fn extract_in(&self, text: &str, code: &str, published: Option<NaiveDate>) -> Vec<Report> {
        match self.langs.index(code) {
            Some(li) => self.run(text, li, &segment(text, Lang::parse(code)), published, None),
            None => Vec::new(),
        }
    }

    /// As [`Extractor::extract`], for an article with no publication date, with what is
    /// known of its time from outside its text (see [`DateHints`]).
    pub fn extract_undated(&self, text: &str, lang: Lang, hints: &DateHints) -> Vec<Report> {
        match self.langs.for_lang(lang) {
            Some(li) => self.undated(li, text, &segment(text, lang), hints),
            None => Vec::new(),
        }
    }

    fn run(
        &self,
        text: &str,
        li: usize,
        sents: &[Range<usize>],
        published: Option<NaiveDate>,
        year_hint: Option<(YearFrom, &'static str)>,
    ) -> Vec<Report> {
        let l = self.langs.lex(li);
        let mut sources: Vec<Option<attribution::Quoted>> = vec![None; sents.len()];
        // with no publication date, a date written without a year ("Oct. 29") takes the
        // year that puts it nearest the latest full date the article gives ("October 3,
        // 2025"), else the hint's (see `text_year_ref`)
        let year_ref = if published.is_none() {
            self.text_year_ref(li, text, sents, year_hint)
        } else {
            None
        };
        let mut cands: Vec<Cand> = Vec::new();
        // the last day the sentences so far named
        let mut anchor: Option<NaiveDate> = None;
        // the languages a sentence may be written in instead of the article's (cues of
        // each looked for only where its commonest word is)
        let mut others: Vec<&LangLex> = Vec::new();
        let article = places::ArticlePlaces::default();
        // the last sentence that named a state force
        let mut force_at: Option<usize> = None;
        for (si, r) in sents.iter().enumerate() {
            let s = &text[r.clone()];
            let own_cues = l.may_hold(s);
            others.clear();
            others.extend(
                self.langs
                    .others(li)
                    .filter(|o| s.contains(o.marker.as_str()) && o.may_hold(s)),
            );
            if !own_cues && others.is_empty() {
                continue;
            }
            let toks = tokenize(s, r.start);
            // a sentence plainly in another language (a post quoted in English in a
            // Spanish article) is read with that language's lexicons
            let l = match others.iter().find(|o| written_in(o, l, &toks)) {
                Some(o) => *o,
                None if own_cues => l,
                None => continue,
            };
            // "RELATED: Strike off Venezuela leaves 11 dead": another story's headline
            // (a headline's length, with no one saying anything: a lead a scraper glued to
            // the teaser, "RELATED: Petro hits back U.S. forces struck a boat ..., Hegseth
            // said", is kept)
            let teaser = l.references.at(&toks, 0).is_some_and(|h| {
                *h.value() == RefKind::Teaser
                    && toks.get(h.te).is_some_and(|t| t.lower == ":")
                    && toks.len() - h.te <= TEASER_TOKENS
                    && !(h.te..toks.len()).any(|k| {
                        l.attribution
                            .at(&toks, k)
                            .is_some_and(|a| matches!(a.value(), AttrCue::Verb))
                    })
            });
            if teaser {
                continue;
            }
            let mut ctx = SentCtx::new(text, r.clone(), toks);
            ctx.article = Some(&article);
            ctx.force_before = force_at.is_some_and(|k| k + 1 == si);
            // the source is read only for sentences that yield something
            let before = cands.len();
            if self.sentence(l, &ctx, published, year_ref, &mut anchor, &mut cands) {
                force_at = Some(si);
            }
            if cands.len() > before {
                let quoted = self.source_of(l, &ctx, si, sents, text, &mut sources);
                for c in cands[before..].iter_mut().filter(|c| !c.answer) {
                    if quoted.source != Source::outlet() {
                        let src = quoted.for_report(&c.report);
                        attribution::set_source(&mut c.report, &src);
                        for p in c.parts.iter_mut() {
                            attribution::set_source(p, &src);
                        }
                    } else if let Some(subj) = c.subject.take() {
                        attribution::set_source(&mut c.report, &subj);
                    }
                }
            }
        }
        let mut reports = merge::merge(cands, published);
        self.dateline_place(text, sents, &mut reports);
        dating::publication_windows(&mut reports, published, sents);
        merge::summaries(&mut reports);
        // an event that ended a year or more before the article was written is the story's
        // history ("the Sept. 11, 2001, attacks", "the 2020 strike that killed him", an
        // anniversary), told again: a reference, never news of a new event. With no
        // publication date, the article's own latest full date stands for it.
        let written = published.or(match year_ref {
            Some((YearFrom::Before(d), _)) => Some(d),
            _ => None,
        });
        if let Some(horizon) =
            written.and_then(|p| p.checked_sub_days(chrono::Days::new(references::HISTORY_DAYS)))
        {
            for r in reports.iter_mut() {
                let old = r
                    .date
                    .as_deref()
                    .and_then(dating::latest_day)
                    .is_some_and(|d| d < horizon);
                if r.kind == ReportKind::Event && old {
                    r.kind = ReportKind::Reference;
                }
            }
        }
        // an article with no publication date that opens on an anniversary ("a un año del
        // asesinato", "a year after the strike") retells history: an event it dates to a day
        // of a year it writes out is the one remembered, a reference, never news
        if published.is_none()
            && self.opens_on(l, text, sents, ANNIVERSARY_LEAD, RefKind::Retrospective)
        {
            for r in reports.iter_mut() {
                let dated_in_full = r.date_precision == DatePrecision::Day
                    && r.claims.iter().any(|c| {
                        c.field == crate::ClaimField::Date
                            && c.surface.chars().filter(char::is_ascii_digit).count() >= 5
                    });
                if r.kind == ReportKind::Event && dated_in_full {
                    r.kind = ReportKind::Reference;
                }
            }
        }
        // a dated article that opens on an anniversary ("10 años de la Operación Fénix",
        // "a year after the raid") retells history: an event in it that no date of its own
        // reaches (none, or only the publication's window) is the one remembered, never news
        let undated = |r: &Report| {
            r.kind == ReportKind::Event
                && (r.date.is_none() || r.date_basis == crate::DateBasis::Publication)
        };
        // (the lead is read again only when there is such an event to mark)
        if published.is_some()
            && reports.iter().any(undated)
            && self.opens_on(
                l,
                text,
                sents,
                ANNIVERSARY_LEAD_DATED,
                RefKind::Retrospective,
            )
        {
            for r in reports.iter_mut() {
                if undated(r) {
                    r.kind = ReportKind::Reference;
                }
            }
        }
        // an article whose headline is set more than a year back ("Vinculan a proceso a
        // cuatro militares por la muerte de cinco jóvenes en 2023", "Families press claim
        // over 2015 airstrike") and that dates no event of its own since tells history: its
        // events with no day of their own are the old one retold
        // a headline that tells an event of its own is news, whatever else it names ("Drone
        // strike hits town first bombed in 2023", "Missiles hit Odesa hours after NATO naval
        // exercise")
        let headline_event = sents.first().is_some_and(|h| {
            reports.iter().any(|r| {
                r.kind == ReportKind::Event
                    && r.event_type.is_violent()
                    && r.claims.iter().any(|c| {
                        c.field == crate::ClaimField::EventType && c.sentence[0] == h.start
                    })
            })
        });
        if let Some(p) = published.filter(|_| !headline_event) {
            let horizon = p.checked_sub_days(chrono::Days::new(references::HISTORY_DAYS));
            let recent_own = |r: &Report| {
                r.kind == ReportKind::Event
                    && r.date_basis != crate::DateBasis::Publication
                    && r.date
                        .as_deref()
                        .and_then(dating::latest_day)
                        .zip(horizon)
                        .is_some_and(|(d, h)| d >= h)
            };
            if horizon.is_some()
                && reports.iter().any(undated)
                && !reports.iter().any(recent_own)
                && self.headline_dated_before(l, text, sents, p, horizon)
            {
                for r in reports.iter_mut() {
                    if undated(r) {
                        r.kind = ReportKind::Reference;
                    }
                }
            }
        }
        // an article whose headline or lead tells of a game ("Riverside's relentless attack
        // sinks Harbour City ... came away with a 4-0 win") tells its raids and attacks in
        // the game's sense all through ("finishing a raid down the left flank"): violence
        // with no one killed or hurt is none
        // (only words a game shares with violence, "attack", "raid", with no one named for
        // them: "Gunmen attack fans watching Premier League match" stays an attack)
        // (a report with a day of its own and a place or a site struck tells an act: "An
        // attack on the port on Monday night damaged two grain terminals", "El ataque contra
        // el autobús del club ocurrió el domingo en la colonia Tierra Blanca")
        let claimed = |r: &Report, f: crate::ClaimField| r.claims.iter().any(|c| c.field == f);
        let acted = |r: &Report| {
            claimed(r, crate::ClaimField::Date)
                && (claimed(r, crate::ClaimField::Place)
                    || r.target_kind == Some(crate::TargetKind::LandSite)
                        && claimed(r, crate::ClaimField::TargetKind))
        };
        // (told only by words a game or another trade shares with violence, no one named for
        // it, no weapon, no one killed or hurt, no day with a place or site of its own)
        let shared_only = |r: &Report| {
            r.event_type.is_violent()
                && !acted(r)
                && r.perpetrator().is_none()
                && r.means.as_deref().is_none_or(|m| m == "unknown")
                && r.figures.killed.is_none()
                && r.figures.injured.is_none()
                && told_by_shared_words(l, r)
        };
        let unhurt = |r: &Report| {
            matches!(r.kind, ReportKind::Event | ReportKind::Reference) && shared_only(r)
        };
        if reports.iter().any(unhurt) && lead_of_a_game(l, &self.langs.shared, text, sents) {
            reports.retain(|r| !unhurt(r));
        }
        // an article whose headline names another trade's sense of a word of violence ("Bancos
        // alertan por un bombardeo de mensajes falsos en ataque de phishing", "Dockworkers'
        // strike halts cargo") tells it in that sense all through ("el ataque comenzó el fin de
        // semana"): such an event (see above) is none
        let trade_event = |r: &Report| r.kind == ReportKind::Event && shared_only(r);
        if sents.len() > 1 && reports.iter().any(trade_event) && headline_trade(l, text, sents) {
            reports.retain(|r| !trade_event(r));
        }
        // an article whose headline reports a denial ("Fuerza Aérea niega haber derribado la
        // avioneta", "KDF dismisses claims of airstrike in Gedo") retells in its body the
        // claim it denies ("videos aseguraban que la aeronave había sido derribada"): a report
        // there of the same kind of event with no day and no dead of its own is that claim,
        // no event; the accuser's account with its own dead or day stays, and makes the
        // incident contested
        // (the same event: no other country or state named for it, and not told as another
        // one: "In a separate incident, a drone strike hit a market")
        let country = |r: &Report| r.place.as_ref().and_then(|p| p.country.clone());
        let state = |r: &Report| r.perpetrator().and_then(|a| a.state.clone());
        let same = |a: &Option<String>, b: &Option<String>| a.is_none() || b.is_none() || a == b;
        let denied_in_headline = |r: &Report| {
            sents.first().is_some_and(|h| {
                reports.iter().any(|d| {
                    d.modality == Modality::Denied
                        && d.event_type == r.event_type
                        && same(&country(d), &country(r))
                        && same(&state(d), &state(r))
                        && d.claims.iter().any(|c| {
                            c.field == crate::ClaimField::EventType && c.sentence[0] == h.start
                        })
                })
            })
        };
        let another = |r: &Report| {
            r.claims.iter().any(|c| {
                c.field == crate::ClaimField::EventType && {
                    let toks = tokenize(&text[c.sentence[0]..c.sentence[1]], c.sentence[0]);
                    l.grammar.another_event.at(&toks, 0).is_some()
                }
            })
        };
        // (a force named as the subject of the act tells its own version: "the air force said
        // its jets struck a bandit enclave", "El Ejército explicó que atacó un grupo del ELN";
        // the claim retold names it after the act, if at all: "había sido derribada por los
        // militares")
        let subject_first = |r: &Report| {
            let at = |f: crate::ClaimField| {
                r.claims
                    .iter()
                    .filter(|c| c.field == f)
                    .map(|c| c.span[0])
                    .min()
            };
            matches!(
                (
                    at(crate::ClaimField::Actor(sw_model::Role::Perpetrator)),
                    at(crate::ClaimField::EventType)
                ),
                (Some(p), Some(e)) if p < e
            )
        };
        let retold_claim = |r: &Report| {
            r.kind == ReportKind::Event
                && !subject_first(r)
                && r.modality == Modality::Occurred
                && matches!(r.event_type, EventType::Strike | EventType::Raid)
                && r.figures.killed.is_none()
                && r.figures.injured.is_none()
                && (r.date.is_none() || r.date_basis == crate::DateBasis::Publication)
        };
        let retold: Vec<bool> = reports
            .iter()
            .map(|r| retold_claim(r) && denied_in_headline(r) && !another(r))
            .collect();
        for (r, retold) in reports.iter_mut().zip(retold) {
            if retold {
                r.kind = ReportKind::Reference;
            }
        }
        // an article whose headline names a military exercise ("African Lion exercise ends
        // with a live-fire drill"): what it tells struck with no one killed is practice, no
        // event
        // (a state's strike or raid with no one hurt: a group's attack, or one that wounded
        // or killed, is real, whatever the headline says of an exercise)
        let practice = |r: &Report| {
            r.kind == ReportKind::Event
                && matches!(r.event_type, EventType::Strike | EventType::Raid)
                && r.figures.killed.is_none()
                && r.figures.injured.is_none()
        };
        if !headline_event
            && reports.iter().any(practice)
            && self.opens_on(l, text, sents, DRILL_LEAD, RefKind::Drill)
        {
            for r in reports.iter_mut() {
                if practice(r) {
                    r.kind = ReportKind::Reference;
                }
            }
        }
        // an event that happened and is dated by no more than a month or a year that had
        // ended when the article was written ("in November, the U.S. reported a similar
        // strike", in December; "los bombardeos de 2024") is named, not told: news of it gave
        // its day or the window of its publication back then. A month-level mention makes no
        // incident; it joins the incident it names when one fits. The publication's own
        // month stays an event ("a drone strike late in December", on December 30).
        if let Some(p) = published {
            let (month, year) = (p.format("%Y-%m").to_string(), p.format("%Y").to_string());
            for r in reports.iter_mut() {
                let ended = match (r.date_precision, r.date.as_deref()) {
                    (DatePrecision::Month, Some(d)) => d < month.as_str(),
                    (DatePrecision::Year, Some(d)) => d < year.as_str(),
                    _ => false,
                };
                if r.kind == ReportKind::Event && r.modality == Modality::Occurred && ended {
                    r.kind = ReportKind::Reference;
                }
            }
        }
        reports
    }
}

impl Extractor {
    /// Whether the article's first sentence (its headline) names a date that ended before
    /// `horizon` ("en 2023"), not as the start of a period ("since 2023"), or a year before
    /// it written against an event noun ("over 2015 airstrike").
    fn headline_dated_before(
        &self,
        l: &LangLex,
        text: &str,
        sents: &[Range<usize>],
        published: NaiveDate,
        horizon: Option<NaiveDate>,
    ) -> bool {
        let (Some(first), Some(h)) = (sents.first(), horizon) else {
            return false;
        };
        let toks = tokenize(&text[first.clone()], first.start);
        let dated = crate::dates::find(&toks, text, &l.dates, Some(published))
            .iter()
            .filter(|d| d.kind != crate::dates::DateKind::Since)
            .any(|d| {
                d.date
                    .as_deref()
                    .and_then(dating::latest_day)
                    .is_some_and(|day| day < h)
            });
        // a year written against an event noun ("over 2015 Dutch airstrike"), up to two
        // words between
        let year_of_event = toks.iter().enumerate().any(|(i, t)| {
            t.kind == crate::tokens::TokKind::Num
                && t.lower.len() == 4
                && t.lower
                    .parse::<i32>()
                    .is_ok_and(|y| (1900..h.year()).contains(&y))
                && (i + 1..(i + 4).min(toks.len()))
                    .any(|k| l.events.at(&toks, k).is_some_and(|e| e.value().noun))
        });
        dated || year_of_event
    }

    /// Whether one of the article's first sentences names a reference of `kind`
    /// (`references.tsv`): recalls an anniversary or tells how long ago something was
    /// (`retrospective`), or names a military exercise (`drill`).
    fn opens_on(
        &self,
        l: &LangLex,
        text: &str,
        sents: &[Range<usize>],
        lead: usize,
        kind: RefKind,
    ) -> bool {
        sents.iter().take(lead).any(|r| {
            let toks = tokenize(&text[r.clone()], r.start);
            l.references
                .find_all(&toks)
                .iter()
                .any(|h| *h.value() == kind)
        })
    }
}

/// How many of an article's first sentences (its headline) may name the military exercise
/// the article is about.
const DRILL_LEAD: usize = 1;

/// The most tokens after "Related:" that another story's headline runs to: a longer
/// sentence is this article's lead, glued to the teaser by a scraper.
const TEASER_TOKENS: usize = 16;

/// Whether every event cue a report was told by is a word another trade or a game uses too
/// (`events.tsv` flag `shared`: "strike", "attack", "raid", "ataque").
fn told_by_shared_words(l: &LangLex, r: &Report) -> bool {
    r.claims.iter().all(|c| {
        c.field != crate::ClaimField::EventType || {
            let toks = tokenize(&c.surface, 0);
            l.events
                .at(&toks, 0)
                .is_some_and(|h| h.value().shared && h.te == toks.len())
        }
    })
}

/// Whether the headline's own word of violence is another trade's: a cue flagged `shared`
/// linked to a word of a labour dispute or of computing ("Dockworkers' strike halts cargo",
/// "ataque de phishing"; not "Hackers leak army data after ELN attack on a battalion").
fn headline_trade(l: &LangLex, text: &str, sents: &[Range<usize>]) -> bool {
    let Some(first) = sents.first() else {
        return false;
    };
    let toks = tokenize(&text[first.clone()], first.start);
    let trade: Vec<_> = l
        .references
        .find_all(&toks)
        .into_iter()
        .filter(|h| matches!(h.value(), RefKind::Labour | RefKind::Computing))
        .collect();
    !trade.is_empty()
        && l.events.find_all(&toks).iter().any(|e| {
            e.value().shared
                && trade
                    .iter()
                    .any(|w| events::trade_linked(l, &toks, (e.ts, e.te), (w.ts, w.te), &|_| false))
        })
}

/// Whether the article's headline and lead tell of a game: two words of sport in them
/// (a score alone is not enough: "the attackers, who numbered 20-30"), and no armed actor
/// or weapon named ("Gunmen attack fans watching league match", "Drones attacked the
/// refinery").
fn lead_of_a_game(
    l: &LangLex,
    shared: &crate::lexicon::Shared,
    text: &str,
    sents: &[Range<usize>],
) -> bool {
    let mut words = crate::fxhash::FxSet::default();
    for r in sents.iter().take(GAME_LEAD) {
        let toks = tokenize(&text[r.clone()], r.start);
        let armed = !shared.forces.find_all(&toks).is_empty()
            || !l.means.find_all(&toks).is_empty()
            || l.agents
                .find_all(&toks)
                .iter()
                .any(|a| matches!(a.value(), AgentKind::State | AgentKind::Group));
        if armed {
            return false;
        }
        words.extend(
            toks.iter()
                .filter(|t| l.grammar.sport.contains(&t.lower))
                .map(|t| t.lower.clone()),
        );
    }
    words.len() >= 2
}

/// How many of an article's first sentences (its headline and lead) may tell of the game
/// the article is about.
const GAME_LEAD: usize = 2;

/// How many of an article's first sentences may say that it recalls an anniversary.
const ANNIVERSARY_LEAD: usize = 2;

/// How many of a dated article's first sentences (its headline and lead) may say that it
/// recalls an anniversary, for its undated events: the lead of a dated story, as
/// [`dating::publication_windows`] reads it.
const ANNIVERSARY_LEAD_DATED: usize = 4;

#[cfg(test)]
mod testing {
    //! Helpers for the stages' tests: one extractor, and a sentence read with it.

    use super::sentence::{SentCtx, Sentence};
    use super::Extractor;
    use crate::lexicon::LangLex;
    use crate::tokens::tokenize;

    pub(super) fn extractor() -> &'static Extractor {
        static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        EX.get_or_init(Extractor::new)
    }

    pub(super) fn en() -> &'static LangLex {
        let ex = extractor();
        ex.langs.lex(ex.langs.index("en").unwrap())
    }

    pub(super) fn es() -> &'static LangLex {
        let ex = extractor();
        ex.langs.lex(ex.langs.index("es").unwrap())
    }

    /// `text` as one sentence.
    pub(super) fn sentence_ctx(text: &str) -> SentCtx<'_> {
        SentCtx::new(text, 0..text.len(), tokenize(text, 0))
    }

    /// `text` read as one sentence of an article published on Wednesday 5 November 2025
    /// (leaked: tests only).
    pub(super) fn analyse(l: &'static LangLex, text: &str) -> Sentence<'static> {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let ctx: &'static SentCtx<'static> = Box::leak(Box::new(sentence_ctx(text)));
        extractor().analyse(
            l,
            ctx,
            chrono::NaiveDate::from_ymd_opt(2025, 11, 5),
            None,
            &mut None,
            (false, false, false),
        )
    }
}
