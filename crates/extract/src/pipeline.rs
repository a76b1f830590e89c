//! The extraction pipeline: sentences -> cues -> candidate reports -> merged reports.
//!
//! Per sentence: a prefilter (any event, figure or tally cue at all?), then tokens, then the
//! rules below. Per article: candidates merge into reports (same event type and modality,
//! compatible date, region and toll), sentences with only a figure join the latest event.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use sw_gazetteer::{Gazetteer, PlaceKind};
use sw_model::Lang;

use crate::dates::{self, DateExpr, DateKind};
use crate::lexicon::{ActorRole, AttrCue, CuePos, Hit, LangLex, LexiconError, Scope, TallyKind};
use crate::numbers::{self, Quantity};
use crate::registry::Registry;
use crate::tokens::{tokenize, Tok, TokKind};
use crate::{
    Actor, ActorValue, Claim, ClaimField, ClaimValue, DateBasis, DatePrecision, EventType, Field,
    Figure, FigureValue, Figures, Modality, PlaceRef, Report, ReportKind, Role, Source, SourceKind,
    TargetKind,
};

/// The extraction core: lexicons and gazetteer, built once.
pub struct Extractor {
    /// The languages it reads, and the lexicons they share.
    langs: Registry,
    gaz: Gazetteer,
    /// Country (ISO2) -> the sea regions its waters lie in, from the gazetteer.
    seas_of: std::collections::BTreeMap<String, Vec<String>>,
    /// For an undated article: a dateline without a year, placed by the corpus's span.
    datelines: sw_text::dateline::DatelineFinder,
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

/// A figure with its field, in one sentence.
#[derive(Debug, Clone)]
struct FieldFig {
    field: Field,
    q: Quantity,
    tally: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CandKind {
    Report(ReportKind),
    /// Figures with no event cue: they join the latest event report.
    FiguresOnly,
    /// Tolls given vessel by vessel over several sea regions: one report per region
    /// (`Cand::parts`), replacing the story's event that counted them all.
    Breakdown,
}

#[derive(Debug, Clone)]
struct Cand {
    kind: CandKind,
    report: Report,
    /// The date came from the sentence itself.
    dated: bool,
    /// For a development: the official body that is its subject ("The Pentagon ordered"),
    /// the source when no one is quoted.
    subject: Option<Source>,
    /// For a breakdown: one report per sea region.
    parts: Vec<Report>,
    /// The weekday of an event dated "on Thursday" that could not be resolved.
    weekday: Option<u32>,
    /// The ordinal the event is named by ("a second strike", "el segundo ataque"): a later
    /// mention by the same ordinal is the same event.
    ordinal: Option<u32>,
    /// The event is named by a definite singular noun ("the strike", "el ataque"): one the
    /// article has told of already.
    definite: bool,
}

struct SentCtx<'a> {
    text: &'a str,
    range: Range<usize>,
    toks: Vec<Tok>,
    clause: Vec<usize>,
}

impl<'a> SentCtx<'a> {
    /// A claim on the bytes `span` of this sentence: its surface is what the span covers.
    fn claim(
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

    fn span(&self) -> [usize; 2] {
        [self.range.start, self.range.end]
    }

    fn surface(&self, s: usize, e: usize) -> &'a str {
        self.text.get(s..e).unwrap_or("")
    }
}

/// Whether `toks` are plainly written in `lex`'s language rather than `other`'s: several
/// of its function words, and more than twice as many as of the other's.
fn written_in(lex: &LangLex, other: &LangLex, toks: &[Tok]) -> bool {
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
const MAX_SENTENCE_BYTES: usize = 8 * 1024;

/// The article's sentences. sw-text's abbreviations are those of every language it knows,
/// whichever `lang` is.
fn segment(text: &str, lang: Lang) -> Vec<Range<usize>> {
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

fn is_clause_break(t: &Tok) -> bool {
    t.kind == TokKind::Punct && matches!(t.lower.as_str(), "," | ";" | ":" | "—" | "–" | "(" | ")")
}

/// What is known of when an undated article was written, from outside its text (the
/// corpus's dated articles, see `sw_ledger::dating`). Each hint is weaker than the text: a
/// full date the article writes gives the year before any of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateHints {
    /// A rough date (weeks): gives a year to dates written without one ("Oct. 29").
    pub year_reference: Option<NaiveDate>,
    /// The days within which the running total the article states was reached, so within
    /// which its newest event took place (from the dated totals around it). Short enough
    /// (a fortnight), it dates the article's lead weekday ("on Thursday") to the day of
    /// the window on that weekday nearest its middle; every relative date of the article is
    /// then read from that day, and says so in its rule.
    pub lead_window: Option<(NaiveDate, NaiveDate)>,
    /// The first and last publication dates of the corpus's dated articles. A weekday
    /// written beside a month and day ("Friday, Jan. 2") picks its year among the years they
    /// span when only one fits; failing that, a date written without a year takes the year
    /// that puts it inside the span (or in the month before it: the first event of a
    /// campaign often precedes its first dated article), when only one does.
    pub span: Option<(NaiveDate, NaiveDate)>,
}

/// Where a date written without a year takes its year from.
#[derive(Clone, Copy, Debug)]
enum YearFrom {
    /// A day the text gives (the date falls on or before it, give or take a week).
    Before(NaiveDate),
    /// A rough estimate (the nearest year).
    Near(NaiveDate),
    /// The span of the corpus's dated articles (the one year that puts it inside).
    Within(NaiveDate, NaiveDate),
}

/// How long before the corpus's first dated article an event told without its year may
/// fall: the first article of a campaign's coverage often comes a day or weeks after its
/// first event, and that event is the one later pieces keep going back to.
const SPAN_LEAD_DAYS: u64 = 31;

/// The most of an embedded post's text read before its signature.
const EMBED_BODY_BYTES: usize = 400;

/// The longest window a lead weekday is dated in: two candidate days at most.
const LEAD_WINDOW_DAYS: i64 = 14;

/// The day on weekday `wd` in `a..=b` nearest the window's middle (the earlier on a tie).
fn pick_weekday(a: NaiveDate, b: NaiveDate, wd: u32) -> Option<NaiveDate> {
    let span = (b - a).num_days();
    if !(0..LEAD_WINDOW_DAYS).contains(&span) {
        return None;
    }
    // distances to the middle doubled, so that they are whole numbers
    a.iter_days()
        .take(span as usize + 1)
        .enumerate()
        .filter(|(_, d)| d.weekday().num_days_from_monday() == wd)
        .min_by_key(|(i, _)| (2 * *i as i64 - span).abs())
        .map(|(_, d)| d)
}

/// Reports read from an estimated day instead of a publication date: a date that only
/// restated that day (a total's as-of date) is dropped, and each date read from it is
/// marked so in its rule.
fn estimated_publication(mut reports: Vec<Report>) -> Vec<Report> {
    for r in &mut reports {
        let from_estimate = matches!(r.date_basis, DateBasis::Relative);
        if r.date_basis == DateBasis::Publication {
            r.date = None;
            r.date_precision = DatePrecision::Unknown;
            r.date_basis = DateBasis::None;
        }
        for c in &mut r.claims {
            if c.field != ClaimField::Date || c.value.is_none() {
                continue;
            }
            if from_estimate && c.rule.starts_with("date.rel") {
                c.rule.push_str(".publication_estimated");
            } else if c.rule == "date.explicit.month_day" {
                c.rule.push_str(".year_from_estimate");
            }
        }
    }
    reports
}

/// Reports read from a dateline whose year the corpus's span gave: each date read from it
/// (a relative one, or one written without a year) says so in its rule, so that the article
/// is read again when the span changes and a rebuild gives the same ledger.
fn dateline_publication(mut reports: Vec<Report>) -> Vec<Report> {
    for r in &mut reports {
        for c in &mut r.claims {
            let from_dateline =
                c.rule.starts_with("date.rel") || c.rule == "date.explicit.month_day";
            if c.field == ClaimField::Date && !c.value.is_none() && from_dateline {
                c.rule.push_str(".dateline.year_from_span");
            }
        }
    }
    reports
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
        let mut seas_of: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for p in gaz.places() {
            if let (PlaceKind::SeaRegion, Some(c), Some(r)) = (p.kind, &p.country, &p.region_code) {
                let v = seas_of.entry(c.clone()).or_default();
                if !v.contains(r) {
                    v.push(r.clone());
                }
            }
        }
        Ok(Extractor {
            langs: Registry::embedded()?,
            gaz,
            seas_of,
            datelines: sw_text::dateline::DatelineFinder::new(),
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
        let Some(li) = self.langs.for_lang(lang) else {
            return Vec::new();
        };
        let l = self.langs.lex(li);
        let sents = segment(text, lang);
        // a dateline without a year ("WASHINGTON, Dec 31 (Wire) -") is the publication day
        // when one year only puts it inside the corpus's span
        if let Some(p) = hints.span.and_then(|(a, b)| {
            let (m, d) = self.datelines.month_day(text)?;
            dates::only_year_within(m, d, a, b)
        }) {
            return dateline_publication(self.run(text, li, &sents, Some(p), None));
        }
        if let Some(p) = hints
            .lead_window
            .and_then(|w| self.lead_weekday(l, text, &sents).map(|wd| (w, wd)))
            .and_then(|((a, b), wd)| pick_weekday(a, b, wd))
        {
            return estimated_publication(self.run(text, li, &sents, Some(p), None));
        }
        // a post the article embeds, announcing a strike: made on or after the strike and
        // on or before the article, so the lead weekday falls in the week up to the post
        if let Some(p) = self
            .embed_window(l, text)
            .and_then(|(a, b)| self.lead_weekday(l, text, &sents).map(|wd| (a, b, wd)))
            .and_then(|(a, b, wd)| pick_weekday(a, b, wd))
        {
            return estimated_publication(self.run(text, li, &sents, Some(p), None));
        }
        let year_ref = match (hints.year_reference, hints.span) {
            (Some(d), _) => Some((
                YearFrom::Near(d),
                "date.explicit.month_day.year_from_reference",
            )),
            (None, Some((a, b))) => Some(
                match self.named_weekday_date(l, text, &sents, a.year(), b.year()) {
                    Some(d) => (
                        YearFrom::Before(d),
                        "date.explicit.month_day.year_from_weekday",
                    ),
                    None => (
                        YearFrom::Within(
                            a.checked_sub_days(chrono::Days::new(SPAN_LEAD_DAYS))
                                .unwrap_or(a),
                            b,
                        ),
                        "date.explicit.month_day.year_from_span",
                    ),
                },
            ),
            (None, None) => None,
        };
        self.run(text, li, &sents, None, year_ref)
    }

    /// The week up to the latest post the article embeds ("— Command (@handle) March 6,
    /// 2026"), when the text just before its signature tells of a strike and the article
    /// names no month after the post's: a post older than the story is background.
    fn embed_window(&self, l: &LangLex, text: &str) -> Option<(NaiveDate, NaiveDate)> {
        let post = self.datelines.embedded_posts(text).into_iter().last()?;
        let posted_month = post.date.with_day(1)?;
        if self
            .datelines
            .latest_mention(text)
            .is_some_and(|m| m > posted_month)
        {
            return None;
        }
        // the post's text: the line the signature ends, or the line above it
        let before = text[..post.span.start].trim_end();
        let line = before.rfind('\n').map_or(0, |i| i + 1);
        let mut from = line.max(before.len().saturating_sub(EMBED_BODY_BYTES));
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let toks = tokenize(&text[from..before.len()], from);
        let strike = (0..toks.len()).any(|i| {
            l.events
                .at(&toks, i)
                .is_some_and(|h| h.value().event_type == EventType::Strike)
        });
        let from = post.date.checked_sub_days(chrono::Days::new(6))?;
        strike.then_some((from, post.date))
    }

    /// The weekday of the article's first relative weekday ("on Thursday") that no
    /// publication date could resolve: the lead of a news story tells its newest event.
    fn lead_weekday(&self, l: &LangLex, text: &str, sents: &[Range<usize>]) -> Option<u32> {
        sents.iter().find_map(|r| {
            let toks = tokenize(&text[r.clone()], r.start);
            dates::find(&toks, text, &l.dates, None)
                .into_iter()
                .find(|d| d.kind == DateKind::Weekday)
                .and_then(|d| d.weekday)
        })
    }

    /// The latest "Friday, Jan. 2" of the article whose weekday fits exactly one year of
    /// `first..=last`: a year for the dates written without one.
    fn named_weekday_date(
        &self,
        l: &LangLex,
        text: &str,
        sents: &[Range<usize>],
        first: i32,
        last: i32,
    ) -> Option<NaiveDate> {
        let mut best: Option<NaiveDate> = None;
        for r in sents {
            let toks = tokenize(&text[r.clone()], r.start);
            for d in dates::find(&toks, text, &l.dates, None) {
                let (Some(wd), Some((m, day))) = (d.named_weekday, d.month_day) else {
                    continue;
                };
                let fits: Vec<NaiveDate> = (first..=last.min(first + 20))
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, m, day))
                    .filter(|x| x.weekday().num_days_from_monday() == wd)
                    .collect();
                if let [one] = fits[..] {
                    best = best.max(Some(one));
                }
            }
        }
        best
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
        let mut sources: Vec<Option<Source>> = vec![None; sents.len()];
        // with no publication date, a date written without a year ("Oct. 29") takes the
        // year of the latest full date the article gives ("October 3, 2025")
        let year_ref = if published.is_none() {
            match self.latest_full_date(li, text, sents) {
                Some(d) => Some((
                    YearFrom::Before(d),
                    "date.explicit.month_day.year_from_text",
                )),
                None => year_hint,
            }
        } else {
            None
        };
        let mut cands: Vec<Cand> = Vec::new();
        // the last day the sentences so far named
        let mut anchor: Option<NaiveDate> = None;
        // the languages a sentence may be written in instead of the article's (cues of
        // each looked for only where its commonest word is)
        let mut others: Vec<&LangLex> = Vec::new();
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
            let mut clause = Vec::with_capacity(toks.len());
            let mut c = 0;
            for t in &toks {
                if is_clause_break(t) {
                    c += 1;
                }
                clause.push(c);
            }
            let ctx = SentCtx {
                text,
                range: r.clone(),
                toks,
                clause,
            };
            // the source is read only for sentences that yield something
            let before = cands.len();
            self.sentence(l, &ctx, published, year_ref, &mut anchor, &mut cands);
            if cands.len() > before {
                let src = self.source_of(l, &ctx, si, sents, text, &mut sources);
                for c in &mut cands[before..] {
                    if src != Source::outlet() {
                        set_source(&mut c.report, &src);
                        for p in c.parts.iter_mut() {
                            set_source(p, &src);
                        }
                    } else if let Some(subj) = c.subject.take() {
                        set_source(&mut c.report, &subj);
                    }
                }
            }
        }
        let mut reports = merge(cands);
        // an event last possible two years before publication is the story's history ("the
        // Sept. 11, 2001, attacks", "the 1989 invasion"), not news of the events it reports
        if let Some(horizon) = published.and_then(|p| p.checked_sub_days(chrono::Days::new(730))) {
            reports.retain(|r| {
                r.kind != ReportKind::Event
                    || r.date
                        .as_deref()
                        .and_then(latest_day)
                        .is_none_or(|d| d >= horizon)
            });
        }
        reports
    }

    /// The source of sentence `si`, computed once; a pronoun points back one sentence.
    fn source_of(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        si: usize,
        sents: &[Range<usize>],
        text: &str,
        memo: &mut [Option<Source>],
    ) -> Source {
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
                    None => Source::outlet(),
                }
            }
            _ => Source::outlet(),
        };
        memo[si] = Some(src.clone());
        src
    }

    /// (source, whether a bare pronoun/verb pointed back). None when the sentence names no
    /// source of its own.
    fn attribution(&self, l: &LangLex, toks: &[Tok]) -> (Option<Source>, bool) {
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
                .find(|h| h.ts <= 3 && matches!(h.value(), AttrCue::Kind(_)));
            if let Some(h) = subj {
                if let AttrCue::Kind(k) = h.value() {
                    return (
                        Some(Source {
                            kind: *k,
                            name: None,
                            channel: None,
                            count: None,
                        }),
                        false,
                    );
                }
            }
            return (None, false);
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
        let mut cands: Vec<(usize, Source)> = Vec::new();
        let mk = |kind, name: Option<String>, count| Source {
            kind,
            name,
            channel: channel.clone(),
            count,
        };
        for a in &actors {
            let v = a.value();
            let kind = match v.role {
                ActorRole::Official | ActorRole::Perpetrator => SourceKind::Official,
                ActorRole::LocalAuthority => SourceKind::LocalAuthority,
                ActorRole::OtherOutlet => SourceKind::OtherOutlet,
                ActorRole::TargetGroup => continue,
            };
            // a body right before "officials" is counted with them
            if cues.iter().any(|h| {
                matches!(h.value(), AttrCue::Anonymous)
                    && (a.te == h.ts || (a.ts >= h.te && a.ts - h.te <= 1))
            }) {
                continue;
            }
            cands.push((a.ts, mk(kind, Some(v.canonical.clone()), None)));
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
                        mk(
                            SourceKind::AnonymousOfficials,
                            name,
                            count_before(toks, h.ts, l),
                        ),
                    ));
                }
                AttrCue::Kind(k) => cands.push((h.ts, mk(*k, None, None))),
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
            .filter(|(pos, src)| {
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

    /// The latest date with a year written out in the text ("September 2, 2025").
    fn latest_full_date(&self, li: usize, text: &str, sents: &[Range<usize>]) -> Option<NaiveDate> {
        let mut best: Option<NaiveDate> = None;
        for r in sents {
            let s = &text[r.clone()];
            let has_year = s
                .as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit));
            if !has_year {
                continue;
            }
            let toks = tokenize(s, r.start);
            // a full date is one in any language (a post quoted in English is signed
            // "January 23, 2026" in a Spanish article)
            let own = std::iter::once(self.langs.lex(li));
            for lex in own.chain(self.langs.others(li)) {
                for d in dates::find(&toks, text, &lex.dates, None) {
                    if d.kind == DateKind::MonthDay && d.month_day.is_none() {
                        best = best.max(d.day);
                    }
                }
            }
        }
        best
    }

    fn sentence(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        published: Option<NaiveDate>,
        year_ref: Option<(YearFrom, &'static str)>,
        anchor: &mut Option<NaiveDate>,
        out: &mut Vec<Cand>,
    ) {
        // claims are made as the outlet's; the sentence's source is set on them after
        let src = &Source::outlet();
        let article_strike = out
            .iter()
            .rev()
            .any(|c| c.report.event_type == EventType::Strike && c.kind != CandKind::FiguresOnly);
        let toks = &ctx.toks;
        let text = ctx.text;
        let blockers = l.blockers.find_all(toks);
        let blocked = |ts: usize, te: usize| blockers.iter().any(|b| b.ts < te && ts < b.te);
        let events: Vec<Hit<_>> = l
            .events
            .find_all(toks)
            .into_iter()
            .filter(|h| !blocked(h.ts, h.te))
            .filter(|h| {
                // an infinitive ("to hit", "para atacar", "antes de atacar") is governed by
                // what precedes it
                if h.ts == 0 {
                    return true;
                }
                let g = &l.grammar;
                let prev = &toks[h.ts - 1].lower;
                let inf = g.infinitive(&toks[h.ts].lower) && g.infinitive_prep.contains(prev);
                let weak_verb = h.value().weak || h.value().past;
                !(g.infinitive_mark.contains(prev) && weak_verb || inf)
            })
            .collect();
        let mut tally_hits = l.tally.find_all(toks);
        // "the death toll from Tuesday's strike", "el saldo del ataque": one event's toll
        // where a singular event noun starts (looked up by position: a sentence may be long)
        let mut noun_at = vec![false; toks.len() + 1];
        for e in events
            .iter()
            .filter(|e| e.value().noun && !e.value().plural)
        {
            noun_at[e.ts] = true;
        }
        let one_event = |h: &Hit<TallyKind>| {
            matches!(h.value(), TallyKind::Toll | TallyKind::EventToll)
                && toks
                    .get(h.te)
                    .is_some_and(|t| l.grammar.toll_of.contains(&t.lower))
                && (h.te + 1..=(h.te + 6).min(toks.len())).any(|k| noun_at[k])
        };
        let event_tolls: Vec<usize> = tally_hits
            .iter()
            .filter(|h| one_event(h))
            .map(|h| h.te)
            .collect();
        tally_hits.retain(|h| !one_event(h) && *h.value() != TallyKind::EventToll);
        // "the attack killed eleven in all": a sum over one event
        if events.iter().any(|e| e.value().noun && !e.value().plural) {
            tally_hits.retain(|h| *h.value() != TallyKind::Total);
        }
        let mut dates_all = dates::find(toks, text, &l.dates, published);
        // "September 15 and 19": two days; "Nov. 9-10": a span dated by its first day
        let mut day_pairs: Vec<(usize, usize)> = Vec::new();
        for (fi, x, range) in dates::pairs(toks, &l.dates, &dates_all) {
            let x_later = x.start > dates_all[fi].start;
            if range && !x_later {
                dates_all[fi].kind = DateKind::RangeEnd;
            }
            dates_all.push(x);
            if !range {
                day_pairs.push((fi, dates_all.len() - 1));
            }
        }
        // strikes summed up under a perfect are one event when the sentence gives their day
        if dates_all.iter().any(|d| {
            matches!(
                d.kind,
                DateKind::MonthDay
                    | DateKind::Weekday
                    | DateKind::DayOffset
                    | DateKind::AnchorOffset(_)
            )
        }) {
            tally_hits.retain(|h| *h.value() != TallyKind::Summary);
        }
        if let Some((y, rule)) = year_ref {
            for d in dates_all.iter_mut() {
                match y {
                    YearFrom::Before(r) => d.resolve_year(r, false, rule),
                    YearFrom::Near(r) => d.resolve_year(r, true, rule),
                    YearFrom::Within(a, b) => d.resolve_year_within(a, b, rule),
                }
            }
        }
        // "since the campaign began on September 2": the start of a period
        for d in dates_all.iter_mut() {
            let i = toks.iter().position(|t| t.start >= d.start).unwrap_or(0);
            let from = i.saturating_sub(12);
            let window: Vec<&Tok> = toks[from..i]
                .iter()
                .rev()
                .take_while(|t| !is_clause_break(t))
                .collect();
            let since = window.iter().any(|t| l.dates.is_since(&t.lower))
                && window.iter().any(|t| l.dates.is_start(&t.lower))
                // "desde el 2 de septiembre", "since Sept. 2" (not "desde este lunes")
                || matches!(d.kind, DateKind::MonthDay | DateKind::MonthOnly | DateKind::YearOnly)
                    && window.iter().take(2).any(|t| l.dates.is_since(&t.lower));
            if since {
                d.kind = DateKind::Since;
            }
        }
        if let Some(a) = *anchor {
            dates::reanchor(&mut dates_all, a);
        }
        if let Some(d) = dates::last_named_day(&dates_all) {
            *anchor = Some(d);
        }
        let figs = self.figures(l, ctx, &dates_all, &tally_hits, &events, &event_tolls);
        let targets = l.targets.find_all(toks);
        let mods = l.modality.find_all(toks);
        let means = l.means.find_all(toks);
        let actors = self.langs.shared.actors.find_all(toks);
        let ev_ends: Vec<usize> = events.iter().map(|e| e.te).collect();
        let place = if events.is_empty() {
            None
        } else {
            self.place(l, ctx, &ev_ends)
        };

        let killed_here = figs.iter().any(|f| !f.tally && f.field == Field::Killed);
        let any_event_fig = figs.iter().any(|f| !f.tally);
        let has_target = !targets.is_empty();

        // tolls boat by boat, after the strikes were told of or in the same sentence
        let strike_here = events
            .iter()
            .find(|e| e.value().event_type == EventType::Strike);
        // (never in a sentence that speaks of the campaign's totals)
        let totals_here = tally_hits.iter().any(|h| *h.value() != TallyKind::Total);
        if (article_strike || strike_here.is_some())
            && !totals_here
            && targets.len() <= MAX_LIST_ITEMS
        {
            if let Some(mut parts) = self.breakdown(l, ctx, src) {
                // the first the story tells of them: the sentence dates them (a strike told
                // before gives its date when the parts are merged)
                if !article_strike {
                    let e = strike_here.expect("a strike cue");
                    if let Some((d, _)) = pick_date(&dates_all, toks, e.ts, l, true) {
                        for p in parts.iter_mut() {
                            set_date(p, d, ctx, src);
                        }
                    }
                }
                out.push(Cand {
                    kind: CandKind::Breakdown,
                    report: strike_report(ctx, src),
                    dated: false,
                    subject: None,
                    parts,
                    weekday: None,
                    ordinal: None,
                    definite: false,
                });
                return;
            }
        }
        // Tally report
        let strike_ctx = article_strike
            || events
                .iter()
                .any(|e| e.value().event_type == EventType::Strike)
            || tally_hits.iter().any(|h| *h.value() == TallyKind::Campaign);
        let tally_figs: Vec<&FieldFig> = figs.iter().filter(|f| f.tally).collect();
        if !tally_figs.is_empty() && strike_ctx {
            let mut rep = base_report(
                ReportKind::Tally,
                EventType::Strike,
                Modality::Occurred,
                ctx,
                src,
            );
            // as-of date: an explicit date in the sentence, else publication
            let explicit = dates_all.iter().find(|d| {
                matches!(d.kind, DateKind::MonthDay | DateKind::YearEnd) && d.date.is_some()
            });
            if let Some(d) = explicit {
                set_date(&mut rep, d, ctx, src);
            } else if let Some(p) = published {
                rep.date = Some(p.format("%Y-%m-%d").to_string());
                rep.date_precision = DatePrecision::Day;
                rep.date_basis = DateBasis::Publication;
            }
            for f in tally_figs {
                add_figure(&mut rep, f, ctx, src, Modality::Occurred);
            }
            out.push(Cand {
                kind: CandKind::Report(ReportKind::Tally),
                report: rep,
                dated: true,
                subject: None,
                parts: Vec::new(),
                weekday: None,
                ordinal: None,
                definite: false,
            });
        }

        // Event cues -> candidates
        let tally_clauses: Vec<usize> = tally_hits
            .iter()
            .filter(|h| !h.value().opens_tally())
            .map(|h| ctx.clause[h.ts])
            .collect();
        let bring_at = tally_hits
            .iter()
            .find(|h| h.value().opens_tally())
            .map(|h| h.ts);
        let has_tally_figs = figs.iter().any(|f| f.tally);
        let in_tally = |ts: usize| {
            has_tally_figs
                && (tally_clauses.contains(&ctx.clause[ts]) || bring_at.is_some_and(|b| ts > b))
        };
        let only_tally_figs = has_tally_figs && figs.iter().all(|f| f.tally);
        let non_weak_dev = events.iter().any(|e| {
            !e.value().weak
                && matches!(
                    e.value().event_type,
                    EventType::Designation | EventType::Authorization
                )
        });
        // an ISO date ("2025-10-18") is page metadata, not reporting
        let real_date = dates_all.iter().any(|d| {
            !matches!(
                d.kind,
                DateKind::Since | DateKind::Iso | DateKind::RangeEnd | DateKind::Ahead
            )
        });
        let counted_strikes = figs
            .iter()
            .any(|f| !f.tally && (f.field == Field::Strikes || f.field == Field::Vessels));

        let mut picked: Vec<(Hit<_>, Modality, Option<Hit<_>>)> = Vec::new();
        for e in &events {
            let cue = e.value();
            if in_tally(e.ts) && cue.event_type == EventType::Strike {
                continue;
            }
            let (mut m, mcue) = self.modality(e, &mods, killed_here, toks);
            // "announced that they would launch": a plan in reported speech
            if let Some(h) = mcue {
                if let Some(r) = h.value().reported {
                    let verb_before = (h.ts.saturating_sub(8)..h.ts).any(|k| {
                        l.attribution
                            .at(toks, k)
                            .is_some_and(|v| matches!(v.value(), AttrCue::Verb) && v.te <= h.ts)
                    });
                    if verb_before {
                        m = r;
                    }
                }
            }
            let m = cue
                .modality
                .filter(|_| m == Modality::Occurred)
                .unwrap_or(m);
            if cue.weak
                && non_weak_dev
                && matches!(cue.event_type, EventType::Strike | EventType::Raid)
            {
                continue;
            }
            if cue.plural && cue.event_type == EventType::Strike && only_tally_figs {
                continue;
            }
            // "the campaign of strikes": never one event
            if cue.plural
                && tally_hits.iter().any(|h| {
                    *h.value() == TallyKind::Campaign && ctx.clause[h.ts] == ctx.clause[e.ts]
                })
            {
                continue;
            }
            if cue.plural && !(real_date || counted_strikes || killed_here) {
                // a generic plural whose modality comes only from a cue after it
                if mcue.is_some_and(|h| {
                    h.ts >= e.te
                        && h.value().scope == Scope::Any
                        && h.value().modality != Modality::Hypothetical
                }) {
                    continue;
                }
            }
            if cue.weak {
                // "the attack took place on April 19" in a story about a strike
                let dated_mention = article_strike && real_date && cue.noun && !cue.plural;
                let ok = has_target
                    || killed_here
                    || dated_mention
                    || (place.is_some() || real_date) && cue.event_type != EventType::Strike
                    || m != Modality::Occurred
                        && cue.event_type == EventType::Strike
                        && place.is_some();
                if !ok {
                    continue;
                }
            }
            if cue.plural && m == Modality::Occurred && cue.event_type == EventType::Strike {
                // "the strikes", "a series of strikes": a campaign reference unless counted,
                // dated or given a toll
                // ... to a day: "the boat strikes in October" is still the campaign
                // (a date of the announcement does not count: "said on Friday that the attacks
                // on boats violate the law")
                let day_date = dates_all.iter().any(|d| {
                    !matches!(
                        d.kind,
                        DateKind::Since
                            | DateKind::Iso
                            | DateKind::RangeEnd
                            | DateKind::Ahead
                            | DateKind::MonthOnly
                            | DateKind::YearOnly
                    ) && !attached_to_verb(d, toks, e.ts, l)
                        && !names_other_event(d, toks, e.ts, &events, l)
                });
                if !(day_date || counted_strikes || killed_here) {
                    continue;
                }
            }
            if cue.event_type == EventType::Strike && m != Modality::Occurred {
                // a planned or feared strike names who, where or what ("the strike could last
                // a week" is a labour strike)
                let support = targets.iter().any(|t| *t.value() != TargetKind::Person)
                    || place.is_some()
                    || !means.is_empty()
                    || article_strike
                    || actors.iter().any(|a| {
                        matches!(a.value().role, ActorRole::Perpetrator | ActorRole::Official)
                    });
                if !support {
                    continue;
                }
            }
            if cue.event_type == EventType::Strike
                && m == Modality::Occurred
                && !killed_here
                && !counted_strikes
            {
                let support = targets.iter().any(|t| *t.value() != TargetKind::Person)
                    || place.is_some()
                    || real_date
                    || !means.is_empty()
                    || actors
                        .iter()
                        .any(|a| a.value().role == ActorRole::Perpetrator);
                // a bare mention joins the story's event; alone it is no event
                if !support && !article_strike {
                    continue;
                }
                // "the boats it destroyed": only plural targets, no date, no toll
                let plural_only =
                    has_target && targets.iter().all(|t| !l.singular(&toks[t.te - 1].lower));
                if plural_only && !real_date && !cue.noun {
                    continue;
                }
            }
            picked.push((*e, m, mcue));
        }
        // a denial or negation of a strike outweighs a passing mention of it
        if picked.iter().any(|(e, m, _)| {
            e.value().event_type == EventType::Strike
                && matches!(m, Modality::Denied | Modality::Negated)
        }) {
            picked.retain(|(e, m, _)| {
                !(e.value().event_type == EventType::Strike && *m == Modality::Occurred)
            });
        }
        let occurred_kinetic = picked.iter().any(|(e, m, _)| {
            matches!(e.value().event_type, EventType::Strike | EventType::Raid)
                && matches!(m, Modality::Occurred | Modality::Denied | Modality::Negated)
        });
        // developments: one per sentence, a strong cue before a weak one; none beside an
        // event of violence
        let first_dev = picked
            .iter()
            .enumerate()
            .filter(|(_, (e, m, _))| {
                let k = matches!(e.value().event_type, EventType::Strike | EventType::Raid)
                    && matches!(m, Modality::Occurred | Modality::Denied | Modality::Negated);
                !k
            })
            .min_by_key(|(i, (e, _, _))| (e.value().weak, *i))
            .map(|(i, _)| i);
        // "officers killed during the raid on the capital [which ended in ...], a minister said
        // Tuesday": an event named as the occasion of something else, and what the sentence
        // goes on to say of it, is already known; the day something was said about it is not
        // its date
        let occasion_from = picked
            .iter()
            .filter(|(e, _, _)| {
                (2..=3).any(|k| {
                    e.ts >= k && l.dates.is_occasion(&toks[e.ts - k].lower) && {
                        let w = &toks[e.ts - k + 1].lower;
                        l.grammar.article_sg.contains(w) || l.grammar.article_pl.contains(w)
                    }
                })
            })
            .map(|(e, _, _)| e.ts)
            .min();
        // "a strike on 3 May that left four dead and another on 9 May that killed two":
        // events of one kind, each followed closely by a day of its own, are so many events;
        // each takes the figures written between it and the next
        let own_day = |e: &Hit<crate::lexicon::EventCue>| -> Option<usize> {
            let next_cue = events
                .iter()
                .map(|h| h.ts)
                .filter(|&t| t > e.ts)
                .min()
                .unwrap_or(toks.len());
            dates_all.iter().position(|d| {
                let i = toks.iter().position(|t| t.start >= d.start).unwrap_or(0);
                matches!(d.kind, DateKind::MonthDay | DateKind::Weekday | DateKind::DayOffset)
                    && d.day.is_some()
                    && i >= e.te
                    && i <= e.te + 4
                    && i < next_cue
                    // "an attack announced on October 3": the announcement's day
                    && !(e.te..i).any(|k| {
                        l.attribution
                            .at(toks, k)
                            .is_some_and(|h| matches!(h.value(), AttrCue::Verb))
                    })
            })
        };
        let owned: Vec<(usize, usize)> = picked
            .iter()
            .filter(|(e, m, _)| {
                *m == Modality::Occurred
                    && matches!(e.value().event_type, EventType::Strike | EventType::Raid)
            })
            .filter_map(|(e, _, _)| own_day(e).map(|d| (e.ts, d)))
            .collect();
        let days: std::collections::BTreeSet<Option<NaiveDate>> =
            owned.iter().map(|(_, d)| dates_all[*d].day).collect();
        let split: Vec<(usize, usize)> = if owned.len() >= 2 && days.len() == owned.len() {
            owned.clone()
        } else {
            Vec::new()
        };
        // one event named with its day among others named without: the sentence's event
        // of that kind takes that day
        let owned_day = match owned[..] {
            [(ts, d)] => picked
                .iter()
                .find(|(e, _, _)| e.ts == ts)
                .map(|(e, _, _)| (e.value().event_type, d)),
            _ => None,
        };
        let first_new = out.len();
        // the split events stand for every other cue of their kind in the sentence
        let mut seen: Vec<(EventType, Modality)> = picked
            .iter()
            .filter(|(e, _, _)| split.iter().any(|(ts, _)| *ts == e.ts))
            .map(|(e, m, _)| (e.value().event_type, *m))
            .collect();
        for (pi, (e, m, mcue)) in picked.iter().enumerate() {
            let split_at = split.iter().position(|(ts, _)| *ts == e.ts);
            let et = e.value().event_type;
            let kinetic = matches!(et, EventType::Strike | EventType::Raid);
            let kind = if kinetic
                && matches!(m, Modality::Occurred | Modality::Denied | Modality::Negated)
            {
                ReportKind::Event
            } else {
                ReportKind::Development
            };
            if kind == ReportKind::Development {
                let strong_fact = !e.value().weak && *m == Modality::Occurred;
                if (occurred_kinetic && !strong_fact) || Some(pi) != first_dev {
                    continue;
                }
            }
            if split_at.is_none() {
                if seen.contains(&(et, *m)) {
                    continue;
                }
                seen.push((et, *m));
            }
            let mut rep = base_report(kind, et, *m, ctx, src);
            let ev_surface = ctx.surface(toks[e.ts].start, toks[e.te - 1].end);
            rep.claims.push(Claim {
                field: ClaimField::EventType,
                value: et.as_str().into(),
                surface: ev_surface.to_string(),
                span: [toks[e.ts].start, toks[e.te - 1].end],
                sentence: ctx.span(),
                source: src.clone(),
                modality: *m,
                rule: format!("lex:{}:{}:{}", l.events.file, et.as_str(), e.phrase.text),
                rival: false,
            });
            let (ms, me, mrule) = match mcue {
                Some(h) => (
                    toks[h.ts].start,
                    toks[h.te - 1].end,
                    format!(
                        "lex:{}:{}:{}",
                        l.modality.file,
                        h.value().modality.as_str(),
                        h.phrase.text
                    ),
                ),
                None => (
                    toks[e.ts].start,
                    toks[e.te - 1].end,
                    "modality.default_occurred".to_string(),
                ),
            };
            rep.claims.push(ctx.claim(
                ClaimField::Modality,
                m.as_str().into(),
                [ms, me],
                src,
                *m,
                mrule,
            ));
            // date
            let mut weekday = None;
            let occasion = occasion_from.is_some_and(|o| e.ts >= o);
            let happened = kind == ReportKind::Event;
            // "justify the strikes with a law passed after the Sept. 11, 2001, attacks": a
            // date written before another event's noun is that event's
            let own_dates: Vec<DateExpr> = dates_all
                .iter()
                .filter(|d| !names_other_event(d, toks, e.ts, &events, l))
                .cloned()
                .collect();
            let chosen = match (split_at, owned_day) {
                (Some(k), _) => Some((&dates_all[split[k].1], false)),
                (None, Some((oet, d))) if oet == et && *m == Modality::Occurred => {
                    Some((&dates_all[d], false))
                }
                _ => pick_date(&own_dates, toks, e.ts, l, happened)
                    .filter(|(_, a)| !(*a && occasion)),
            };
            let dated = if let Some((d, attached)) = chosen {
                set_date(&mut rep, d, ctx, src);
                weekday = d.weekday;
                !attached
            } else {
                false
            };
            // target
            let tgt = targets.iter().min_by_key(|t| {
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
                    *m,
                    format!("lex:{}:{}:{}", l.targets.file, k.as_str(), t.phrase.text),
                ));
            } else if extra_land {
                rep.target_kind = Some(TargetKind::LandSite);
            } else if et == EventType::Strike {
                // at sea unless the place is on land (a town, a province, a country's soil)
                // ... as when the place is the strike's object ("the bombing of Caracas")
                let on_land = place.as_ref().is_some_and(|(p, ps, _)| {
                    let i = toks.iter().position(|t| t.start >= *ps).unwrap_or(0);
                    let object = i > 0
                        && (ev_ends.contains(&i)
                            || (ev_ends.contains(&(i - 1))
                                && l.grammar.of.contains(&toks[i - 1].lower)));
                    object && p.region_code.is_none() && p.country.is_some()
                });
                rep.target_kind = match (kind, m) {
                    (ReportKind::Event, Modality::Occurred) if on_land => {
                        Some(TargetKind::LandSite)
                    }
                    (ReportKind::Event, Modality::Occurred) => Some(TargetKind::Vessel),
                    (ReportKind::Event, _) => Some(TargetKind::Unknown),
                    _ => None,
                };
            } else if et == EventType::Raid && kind == ReportKind::Event {
                // a raid goes after people
                rep.target_kind = Some(TargetKind::Person);
            }
            if et == EventType::Strike {
                let mm = e
                    .value()
                    .means
                    .clone()
                    .or_else(|| means.first().map(|h| h.value().clone()))
                    .unwrap_or_else(|| "unknown".to_string());
                rep.means = Some(mm);
            }
            if let Some((p, s, en)) = &place {
                rep.place = Some(p.clone());
                rep.claims.push(ctx.claim(
                    ClaimField::Place,
                    p.name.as_str().into(),
                    [*s, *en],
                    src,
                    *m,
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
            } else if kind == ReportKind::Development
                || et == EventType::Raid
                || rep.target_kind == Some(TargetKind::LandSite)
            {
                // a development that names no place: the country of the group or person it
                // concerns ("the designation of the Cartel de los Soles")
                let hit = actors.iter().find_map(|a| {
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
                        *m,
                        format!("lex:actors.tsv:country:{}", a.phrase.text),
                    ));
                }
            }
            if kind == ReportKind::Event {
                // split: the figures between this event and the next split one (the first
                // also takes those before it)
                let seg = split_at.map(|k| {
                    let from = if k == 0 { 0 } else { split[k].0 };
                    let to = split.get(k + 1).map_or(toks.len(), |x| x.0);
                    (from, to)
                });
                for f in figs.iter().filter(|f| {
                    !f.tally
                        && f.field != Field::Strikes
                        && seg.is_none_or(|(a, b)| (a..b).contains(&f.q.tok_start))
                }) {
                    add_figure(&mut rep, f, ctx, src, *m);
                }
                // a single vessel named near the strike: one vessel
                if rep.figures.vessels.is_none()
                    && et == EventType::Strike
                    && *m != Modality::Denied
                {
                    if let Some(t) = targets.iter().find(|t| {
                        *t.value() == TargetKind::Vessel
                            && (t.ts.abs_diff(e.ts) <= 8 || t.te.abs_diff(e.te) <= 8)
                            && l.singular(&toks[t.te - 1].lower)
                    }) {
                        let (s, en) = (toks[t.ts].start, toks[t.te - 1].end);
                        rep.figures.vessels = Some(Figure {
                            low: Some(1),
                            best: Some(1),
                            high: Some(1),
                            approx: false,
                            surface: ctx.surface(s, en).to_string(),
                        });
                        rep.claims.push(ctx.claim(
                            ClaimField::Figure(Field::Vessels),
                            ClaimValue::Figure(FigureValue::exact(1)),
                            [s, en],
                            src,
                            *m,
                            "fig.single_vessel",
                        ));
                    }
                }
            }
            add_actors(&mut rep, &actors, ctx, src, *m);
            // the official body that is the subject: any for a development; a command or a
            // named official for an event ("Southern Command struck", not "U.S. forces struck")
            let subject = actors
                .iter()
                .find(|a| {
                    a.ts < e.ts
                        && match a.value().role {
                            ActorRole::Official => true,
                            ActorRole::Perpetrator => {
                                kind == ReportKind::Development || a.value().speaks
                            }
                            _ => false,
                        }
                })
                .map(|a| Source {
                    kind: SourceKind::Official,
                    name: Some(a.value().canonical.clone()),
                    channel: None,
                    count: None,
                });
            out.push(Cand {
                kind: CandKind::Report(kind),
                report: rep,
                dated,
                subject,
                parts: Vec::new(),
                weekday,
                ordinal: (kind == ReportKind::Event && e.value().noun && !e.value().plural)
                    .then(|| ordinal_before(toks, e.ts, l))
                    .flatten(),
                definite: kind == ReportKind::Event
                    && e.value().noun
                    && !e.value().plural
                    && definite_before(toks, e.ts, l),
            });
        }
        // "two more strikes on September 15 and 19, killing three in each": one event a day
        for (a, b) in &day_pairs {
            let (da, db) = (&dates_all[*a], &dates_all[*b]);
            let Some(ci) = (first_new..out.len()).find(|&i| {
                let r = &out[i].report;
                out[i].kind == CandKind::Report(ReportKind::Event)
                    && r.event_type == EventType::Strike
                    && r.modality == Modality::Occurred
                    && r.date.is_some()
                    && (r.date == da.date || r.date == db.date)
            }) else {
                continue;
            };
            let each = toks.iter().any(|t| l.dates.is_each(&t.lower));
            let other = if out[ci].report.date == da.date {
                db
            } else {
                da
            };
            let mut twin = out[ci].clone();
            twin.report.claims.retain(|c| c.field != ClaimField::Date);
            set_date(&mut twin.report, other, ctx, src);
            for c in [&mut out[ci], &mut twin] {
                if !each {
                    // a toll over both days cannot be split between them
                    c.report.figures.killed = None;
                    c.report.claims.retain(|x| x.field != Field::Killed);
                }
            }
            let (first, second) = if other.start
                < out[ci]
                    .report
                    .claims
                    .iter()
                    .find(|c| c.field == ClaimField::Date)
                    .map_or(0, |c| c.span[0])
            {
                (twin, out.remove(ci))
            } else {
                (out.remove(ci), twin)
            };
            out.insert(ci, second);
            out.insert(ci, first);
        }
        // figures beside only a development of fact ("three died and the one rescued will be
        // flown home", where "flown" is a deployment cue): they belong to the story's event
        let only_fact_devs = picked.iter().all(|(e, m, _)| {
            !matches!(e.value().event_type, EventType::Strike | EventType::Raid)
                && *m == Modality::Occurred
        });
        if only_fact_devs && any_event_fig {
            let mut rep = strike_report(ctx, src);
            for f in figs
                .iter()
                .filter(|f| !f.tally && f.field != Field::Strikes)
            {
                add_figure(&mut rep, f, ctx, src, Modality::Occurred);
            }
            // a list entry or a dated toll in a strike story: an event of its own
            let explicit = dates_all
                .iter()
                .find(|d| d.kind == DateKind::MonthDay && d.date.is_some());
            let killed = figs.iter().any(|f| !f.tally && f.field == Field::Killed);
            match explicit {
                Some(d) if killed && article_strike => {
                    set_date(&mut rep, d, ctx, src);
                    if let Some((p, _, _)) = place.clone().or_else(|| self.place(l, ctx, &[])) {
                        rep.place = Some(p);
                    }
                    rep.target_kind = Some(TargetKind::Vessel);
                    rep.means = Some("unknown".into());
                    out.push(Cand {
                        kind: CandKind::Report(ReportKind::Event),
                        report: rep,
                        dated: true,
                        subject: None,
                        parts: Vec::new(),
                        weekday: None,
                        ordinal: None,
                        definite: false,
                    });
                }
                _ => out.push(Cand {
                    kind: CandKind::FiguresOnly,
                    report: rep,
                    dated: false,
                    subject: None,
                    parts: Vec::new(),
                    weekday: None,
                    ordinal: None,
                    definite: false,
                }),
            }
        } else if picked.is_empty() && article_strike {
            // no cue, but the story's boat placed at sea ("the boat was moving along a
            // trafficking route in the eastern Pacific"): where the story's event happened,
            // for an event that has no place yet
            let boat = targets
                .iter()
                .any(|t| *t.value() == TargetKind::Vessel && l.singular(&toks[t.te - 1].lower));
            let sea = if boat { self.place(l, ctx, &[]) } else { None };
            // ... or the day something was said of it ("posting on Saturday, the minister
            // described the vessel as ..."): a date for a story event that has none
            let day = dates_all.iter().find(|d| {
                d.date.is_some()
                    && matches!(
                        d.kind,
                        DateKind::Weekday | DateKind::MonthDay | DateKind::DayOffset
                    )
            });
            let sea = sea.filter(|(p, _, _)| p.region_code.is_some());
            if boat && (sea.is_some() || day.is_some()) {
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
                out.push(Cand {
                    kind: CandKind::FiguresOnly,
                    report: rep,
                    dated: false,
                    subject: None,
                    parts: Vec::new(),
                    weekday: None,
                    ordinal: None,
                    definite: false,
                });
            }
        }
    }

    /// The modality of the event cue `e`, and the cue that set it. Priority: a negation
    /// right before the cue; a condition ("if") after it; the nearest plan, proposal, threat
    /// or denial before it; the nearest "could"/"would" before it; a sentence-wide cue
    /// ("options", "planning"). A finished act with a toll is not reached by sentence-wide
    /// cues or by far modal verbs.
    fn modality<'a>(
        &self,
        e: &Hit<crate::lexicon::EventCue>,
        mods: &[Hit<'a, crate::lexicon::ModCue>],
        killed_here: bool,
        toks: &[Tok],
    ) -> (Modality, Option<Hit<'a, crate::lexicon::ModCue>>) {
        let factual = e.value().past || killed_here;
        let mut best: Option<(usize, Hit<_>)> = None;
        for m in mods {
            let v = m.value();
            let strong = matches!(v.modality, Modality::Denied | Modality::Negated);
            let prio = if m.te <= e.ts {
                let dist = e.ts - m.te;
                let semicolon = toks[m.te..e.ts].iter().any(|t| t.lower == ";");
                match v.scope {
                    Scope::Near if dist <= 1 => Some(0),
                    Scope::Near => None,
                    Scope::Before if semicolon || dist > 10 => None,
                    Scope::Before if factual && !strong && dist > 4 => None,
                    Scope::Before if v.modality == Modality::Hypothetical => Some(300 + dist),
                    Scope::Before => Some(100 + dist),
                    Scope::Any if factual && !strong => None,
                    Scope::Any => Some(200 + dist),
                }
            } else if m.ts == e.te
                && v.scope == Scope::Before
                && !factual
                && matches!(v.modality, Modality::Hypothetical | Modality::Planned)
            {
                // a modal right after a noun cue: "such attacks would take place", "strikes
                // will continue"
                Some(300)
            } else if m.ts >= e.te && v.scope == Scope::Any && (!factual || strong) {
                let dist = m.ts - e.te;
                if v.modality == Modality::Hypothetical {
                    Some(50 + dist)
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

    /// Figures of one sentence, with their field and whether they are tally figures.
    fn figures(
        &self,
        l: &LangLex,
        ctx: &SentCtx,
        dates_all: &[DateExpr],
        tally_hits: &[Hit<TallyKind>],
        events: &[Hit<crate::lexicon::EventCue>],
        event_tolls: &[usize],
    ) -> Vec<FieldFig> {
        let toks = &ctx.toks;
        let qs = numbers::scan(toks, ctx.text, &l.nums);
        let tally_clauses: Vec<usize> = tally_hits
            .iter()
            .filter(|h| !h.value().opens_tally())
            .map(|h| ctx.clause[h.ts])
            .collect();
        let bring_at = tally_hits
            .iter()
            .find(|h| h.value().opens_tally())
            .map(|h| h.ts);
        let mut out: Vec<FieldFig> = Vec::new();
        for q in qs {
            // not part of a date, not a year, not money
            if dates_all.iter().any(|d| d.start < q.end && q.start < d.end) {
                continue;
            }
            let t0 = &toks[q.tok_start];
            if t0.kind == TokKind::Num && t0.lower.len() == 4 && q.hedge == numbers::Hedge::Exact {
                if let Ok(y) = t0.lower.parse::<i32>() {
                    if (1900..=2100).contains(&y) {
                        continue;
                    }
                }
            }
            if q.tok_start > 0 && matches!(toks[q.tok_start - 1].lower.as_str(), "$" | "us$" | "€")
            {
                continue;
            }
            if toks
                .get(q.tok_end)
                .is_some_and(|t| l.units.contains(&t.lower))
            {
                continue;
            }
            // "killing over 70,000 Americans annually": a rate
            if (q.tok_end..(q.tok_end + 4).min(toks.len())).any(|k| l.rates.at(toks, k).is_some()) {
                continue;
            }
            // "enough drugs to kill 25,000": what could be killed, not who was (an infinitive
            // stands between: "not enough proof that the 11 dead..." keeps its count)
            let capacity = (q.tok_start.saturating_sub(6)..q.tok_start).any(|k| {
                l.capacity.at(toks, k).is_some_and(|h| {
                    toks[h.te..q.tok_start]
                        .iter()
                        .any(|t| l.grammar.infinitive_mark.contains(&t.lower))
                })
            });
            if capacity {
                continue;
            }
            // "one of the dead", "uno de los muertos": a part, not the count
            let partitive = !q.figure.approx
                && q.figure.low.is_some()
                && q.figure.best.is_some()
                && toks
                    .get(q.tok_end)
                    .is_some_and(|t| l.grammar.of.contains(&t.lower))
                && toks
                    .get(q.tok_end + 1)
                    .is_some_and(|t| l.grammar.partitive.contains(&t.lower));
            if partitive {
                continue;
            }
            // "the families of two men killed": the dead a family speaks for, often some of
            // the dead only
            let kin_of = q.tok_start >= 2
                && l.grammar.of.contains(&toks[q.tok_start - 1].lower)
                && l.attribution.at(toks, q.tok_start - 2).is_some_and(|h| {
                    h.te == q.tok_start - 1
                        && *h.value() == AttrCue::Kind(SourceKind::WitnessOrFamily)
                });
            if kin_of {
                continue;
            }
            // "there were no survivors among the four aboard", "no hubo sobrevivientes entre
            // los cuatro ocupantes": all of them died
            let none_among = q.tok_start >= 4
                && l.grammar.among.contains(&toks[q.tok_start - 2].lower)
                && l.grammar.article_pl.contains(&toks[q.tok_start - 1].lower)
                && l.figures.at(toks, q.tok_start - 3).is_some_and(|h| {
                    h.te == q.tok_start - 2 && h.value().field == Field::Survivors
                })
                && toks[q.tok_start.saturating_sub(5)..q.tok_start - 3]
                    .iter()
                    .any(|t| l.none.contains(&t.lower));
            let Some(mut field) =
                field_of(l, toks, &q, dates_all).or(none_among.then_some(Field::Killed))
            else {
                continue;
            };
            // "none of the four aboard survived", "ninguno de los cuatro sobrevivió": all
            // of them died
            let none_of = q.tok_start >= 3
                && l.none.contains(&toks[q.tok_start - 3].lower)
                && l.grammar.of.contains(&toks[q.tok_start - 2].lower)
                && {
                    let w = &toks[q.tok_start - 1].lower;
                    l.grammar.article_pl.contains(w) || l.grammar.demonstrative_pl.contains(w)
                };
            if none_of {
                if field != Field::Survivors {
                    continue;
                }
                field = Field::Killed;
            }
            // "a third survived": the claim's surface is "a third"
            let mut q = q;
            if q.article {
                if let Some(t) = toks
                    .get(q.tok_end)
                    .filter(|t| l.nums.ordinal(&t.lower).is_some())
                {
                    q.end = t.end;
                    q.figure.surface = ctx.text[q.start..q.end].to_string();
                    q.tok_end += 1;
                }
            }
            if q.article
                && !matches!(
                    field,
                    Field::Survivors
                        | Field::Injured
                        | Field::Missing
                        | Field::Detained
                        | Field::Killed
                )
            {
                continue;
            }
            let c = ctx.clause[q.tok_start];
            // "killing six and bringing the toll to 46", "three were killed, bringing the
            // toll to 70": before the "bringing" (in its clause or the one before), the event's
            let before_bring = bring_at
                .is_some_and(|b| q.tok_start < b && (ctx.clause[b] == c || ctx.clause[b] == c + 1))
                && !tally_hits.iter().any(|h| {
                    h.ts < q.tok_start && ctx.clause[h.ts] == c && !h.value().opens_tally()
                });
            let mut tally = !before_bring
                && (tally_clauses.contains(&c) || bring_at.is_some_and(|b| q.tok_start > b));
            let dated_outside = dates_all.iter().any(|d| {
                !matches!(
                    d.kind,
                    DateKind::Since
                        | DateKind::Iso
                        | DateKind::RangeEnd
                        | DateKind::Ahead
                        | DateKind::MonthOnly
                        | DateKind::YearOnly
                ) && toks
                    .iter()
                    .position(|t| t.start >= d.start)
                    .is_some_and(|i| !tally_clauses.contains(&ctx.clause[i]))
            });
            if !tally && !before_bring && !dated_outside && !tally_clauses.is_empty() {
                // a tally cue elsewhere and no single event named outside tally clauses
                // ("the 39th strike" counts strikes: no single event)
                // (a number and its ordinal ending are two tokens: "15", "th")
                let single_event = events.iter().any(|e| {
                    e.value().noun
                        && !e.value().plural
                        && !tally_clauses.contains(&ctx.clause[e.ts])
                        && !(e.ts.saturating_sub(3)..e.ts).any(|k| {
                            k > 0
                                && toks[k - 1].kind == TokKind::Num
                                && toks[k - 1].end == toks[k].start
                                && l.grammar.ordinal_suffix.contains(&toks[k].lower)
                        })
                });
                if !single_event {
                    tally = true;
                }
            }
            out.push(FieldFig { field, q, tally });
        }
        // "the death toll from Tuesday's strike rose to four": the first figure linked to
        // one event's toll is its dead
        let all_qs = if event_tolls.is_empty() {
            Vec::new()
        } else {
            numbers::scan(toks, ctx.text, &l.nums)
        };
        for &at in event_tolls.iter().take(MAX_EVENT_TOLLS) {
            let q = all_qs
                .iter()
                .find(|q| {
                    q.tok_start > at
                        && !q.article
                        && l.grammar.toll_to.contains(&toks[q.tok_start - 1].lower)
                        && !dates_all.iter().any(|d| d.start < q.end && q.start < d.end)
                })
                .cloned();
            if let Some(q) = q {
                if !out.iter().any(|f| f.q.start == q.start) {
                    out.push(FieldFig {
                        field: Field::Killed,
                        q,
                        tally: false,
                    });
                }
            }
        }
        // a count of more than a handful of strikes is a campaign total, not one event
        // ... but "the two attacks bring the count to 19": before the "bring", the event's
        if out.iter().any(|f| {
            f.field == Field::Strikes && f.q.figure.low.or(f.q.figure.best).unwrap_or(0) > 5
        }) {
            for f in out.iter_mut() {
                let before_bring = bring_at.is_some_and(|b| {
                    f.q.tok_start < b && ctx.clause[b] == ctx.clause[f.q.tok_start]
                });
                if !before_bring {
                    f.tally = true;
                }
            }
        }
        // tally: "to 64" after a tally cue whose field is named earlier ("the number killed to 64")
        if !tally_clauses.is_empty() || bring_at.is_some() {
            let qs2 = numbers::scan(toks, ctx.text, &l.nums);
            for q in qs2 {
                if out.iter().any(|f| f.q.start == q.start) || q.article {
                    continue;
                }
                if dates_all.iter().any(|d| d.start < q.end && q.start < d.end) {
                    continue;
                }
                if toks
                    .get(q.tok_end)
                    .is_some_and(|t| l.units.contains(&t.lower))
                {
                    continue;
                }
                let linked = q
                    .tok_start
                    .checked_sub(1)
                    .is_some_and(|i| l.grammar.tally_link.contains(&toks[i].lower));
                if !linked && q.hedge == numbers::Hedge::Exact {
                    continue;
                }

                // "the number of announced strikes ... to 19": a noun counted by "number"
                let counted = |i: usize| {
                    toks[i.saturating_sub(3)..i]
                        .iter()
                        .any(|t| l.grammar.count_noun.contains(&t.lower))
                };
                let field = (0..q.tok_start).rev().find_map(|i| {
                    let h = l.figures.at(toks, i)?;
                    (h.value().pos != CuePos::After
                        || h.value().field == Field::Killed
                        || counted(i))
                    .then_some(h.value().field)
                });
                if let Some(field) = field {
                    out.push(FieldFig {
                        field,
                        q,
                        tally: true,
                    });
                }
            }
            // ordinals of strikes in a tally sentence: "the 15th strike"
            for (i, t) in toks.iter().enumerate() {
                if t.kind != TokKind::Num {
                    continue;
                }
                let Some(suf) = toks.get(i + 1) else { continue };
                if suf.start != t.end || !l.grammar.ordinal_suffix.contains(&suf.lower) {
                    continue;
                }
                // "the 22nd such attack": fillers may stand between
                let mut k = i + 2;
                while k < i + 4 && toks.get(k).is_some_and(|t| l.fillers.contains(&t.lower)) {
                    k += 1;
                }
                let Some(h) = l.figures.at(toks, k) else {
                    continue;
                };
                if h.value().field != Field::Strikes {
                    continue;
                }
                let Some(v) = t.lower.parse::<i64>().ok().filter(|v| *v < 10_000) else {
                    continue;
                };
                let surface = ctx.surface(t.start, suf.end).to_string();
                out.push(FieldFig {
                    field: Field::Strikes,
                    q: Quantity {
                        figure: Figure {
                            low: Some(v),
                            best: Some(v),
                            high: Some(v),
                            approx: false,
                            surface,
                        },
                        start: t.start,
                        end: suf.end,
                        tok_start: i,
                        tok_end: i + 2,
                        hedge: numbers::Hedge::Exact,
                        article: false,
                    },
                    tally: true,
                });
            }
        }
        out
    }

    /// "Two died aboard the first boat, in the Caribbean; five aboard the second and one
    /// aboard the third, both in the eastern Pacific": tolls vessel by vessel, summed per sea
    /// region. None unless at least two vessels in two different regions are counted.
    fn per_boat(&self, l: &LangLex, ctx: &SentCtx, seas: &[Spanned]) -> Option<Vec<BoatItem>> {
        let toks = &ctx.toks;
        // (first token, end token) of each vessel named one by one
        let mut boats: Vec<(usize, usize)> = l
            .targets
            .find_all(toks)
            .into_iter()
            .filter(|t| *t.value() == TargetKind::Vessel && l.singular(&toks[t.te - 1].lower))
            .map(|t| (t.ts, t.te))
            .collect();
        // a toll told boat by boat names a few boats (bounded work on a long sentence)
        if boats.is_empty() || boats.len() > MAX_LIST_ITEMS {
            return None;
        }
        // a vessel left unsaid: "four on one boat and four on another", "three on the
        // third", "cuatro en otra"
        for i in 1..toks.len() {
            let w = toks[i].lower.as_str();
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
        let vessel_nouns = l.targets.find_all(toks);
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
            let boats = vessel_nouns
                .iter()
                .find(|h| *h.value() == TargetKind::Vessel && in_clause(h.ts));
            // a number right before the vessel noun counts vessels ("two boats", "one boat")
            let vessel_q = boats.and_then(|b| {
                qs.iter()
                    .find(|q| in_clause(q.tok_start) && q.tok_end == b.ts && !q.figure.approx)
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
                (Some(b), None) => l.singular(&toks[b.te - 1].lower).then_some(1),
                _ => None,
            };
            let vessel_span = boats.map(|b| {
                let s = vessel_q.map_or(toks[b.ts].start, |v| v.start);
                [s, toks[b.te - 1].end]
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
    fn breakdown(&self, l: &LangLex, ctx: &SentCtx, src: &Source) -> Option<Vec<Report>> {
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
            let fig = |v: i64, surface: String| Figure {
                low: Some(v),
                best: Some(v),
                high: Some(v),
                approx: false,
                surface,
            };
            let kq = items
                .iter()
                .find(|x| x.sea.0.region_code.as_deref() == Some(code))
                .map(|x| ctx.surface(x.killed_span[0], x.killed_span[1]).to_string())
                .unwrap_or_default();
            rep.figures.killed = Some(fig(killed, kq));
            rep.figures.vessels = Some(fig(vessels, format!("{vessels}")));
            parts.push(rep);
        }
        Some(parts)
    }

    /// The place of the sentence's event: a named sea region (with the country whose waters
    /// it names), else a place after a locative preposition, else international waters.
    fn place(
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
}

/// A place with the byte span that named it.
type Spanned = (PlaceRef, usize, usize);

/// The most boats one line of a toll told boat by boat may count: more is a campaign's.
const MAX_LISTED_BOATS: i64 = 4;

/// The most vessels a sentence may name for its toll to be read boat by boat.
const MAX_LIST_ITEMS: usize = 12;

/// The most tolls said to be one named event's read in a sentence.
const MAX_EVENT_TOLLS: usize = 4;

/// One line of a toll told boat by boat: its dead, its boats, its sea region.
struct BoatItem {
    killed: i64,
    killed_span: [usize; 2],
    vessels: i64,
    vessel_span: [usize; 2],
    sea: Spanned,
}

fn to_ref(p: &sw_gazetteer::Place) -> PlaceRef {
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

/// The field a figure counts: a cue after it ("11 killed", "3 survivors"), else a cue before
/// it ("killed 11", "mató a 6"), skipping filler words.
fn field_of(l: &LangLex, toks: &[Tok], q: &Quantity, dates_all: &[DateExpr]) -> Option<Field> {
    let in_date = |t: &Tok| {
        dates_all
            .iter()
            .any(|d| d.start <= t.start && t.end <= d.end)
    };
    // a killing verb right before wins over a cue reached over fillers after: "strikes kill
    // 7 on suspected smuggling boats" counts the dead ("left two survivors" keeps its noun)
    let killed_before = q.tok_start > 0
        && !q.article
        && (1..=4usize).any(|len| {
            q.tok_start >= len
                && l.figures.at(toks, q.tok_start - len).is_some_and(|h| {
                    h.te == q.tok_start
                        && h.value().pos != CuePos::After
                        && h.value().field == Field::Killed
                })
        });
    let mut j = q.tok_end;
    let mut skipped = 0;
    let mut aside = false;
    // "two died and a third survived", "un tercero sobrevivió": one more, counted by the
    // figure noun or verb after it
    let one_more = q.article
        && toks
            .get(j)
            .and_then(|t| l.nums.ordinal(&t.lower))
            .is_some_and(|n| n >= 2);
    if one_more {
        j += 1;
    }
    // "three people aboard the boat were killed": the boat is where they were, not what
    // the number counts
    let mut aboard = false;
    loop {
        if let Some(h) = l.figures.at(toks, j) {
            if aboard && h.value().field == Field::Vessels && skipped < 6 {
                skipped += 1;
                j = h.te;
                continue;
            }
            // "a victims monitor": an article never counts a plural noun
            let plural_noun = q.article && toks[h.te - 1].lower.ends_with('s');
            if h.value().pos != CuePos::Before && !plural_noun {
                if killed_before && skipped > 0 {
                    return Some(Field::Killed);
                }
                return Some(h.value().field);
            }
        }
        if skipped >= 6 || q.article && !one_more {
            break;
        }
        match toks.get(j) {
            Some(t) if l.fillers.contains(&t.lower) => {
                aboard |= l.grammar.aboard.contains(&t.lower);
                j += 1;
                skipped += 1;
            }
            // an aside between commas: "80 people, soldiers and civilians among them, died"
            Some(t) if t.lower == "," && !aside => {
                let close = (j + 1..(j + 9).min(toks.len())).find(|&k| toks[k].lower == ",");
                match close {
                    Some(k) if toks[j + 1..k].iter().all(|t| t.kind != TokKind::Num) => {
                        aside = true;
                        j = k + 1;
                        // the quote the comma stood inside: "whom he called “terrorists,” had"
                        while toks.get(j).is_some_and(|t| {
                            matches!(t.lower.as_str(), "”" | "\"" | "’" | "'" | "»")
                        }) {
                            j += 1;
                        }
                    }
                    _ => break,
                }
            }
            _ => break,
        }
    }
    // "dejó un saldo de dos muertos": the article belongs to the noun that opens a figure
    if q.article
        && l.figures
            .at(toks, q.tok_end)
            .is_some_and(|h| h.value().pos == CuePos::Before)
    {
        return None;
    }
    let mut j = q.tok_start;
    let mut skipped = 0;
    while j > 0 && skipped <= 3 {
        for len in 1..=4usize {
            if j >= len {
                if let Some(h) = l.figures.at(toks, j - len) {
                    let adjacent = skipped == 0
                        || (skipped == 1 && l.grammar.object_mark.contains(&toks[j].lower));
                    if h.te == j
                        && h.value().pos != CuePos::After
                        && (!q.article || (h.value().field == Field::Killed && adjacent))
                    {
                        return Some(h.value().field);
                    }
                }
            }
        }
        let t = &toks[j - 1];
        if in_date(t) {
            // "mataron el lunes a ocho", "killed on Tuesday at least three"
            j -= 1;
        } else if l.fillers.contains(&t.lower) {
            j -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    None
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

/// The date of the event at token `ets`: a date written as the event noun's attribute ("the
/// Nov. 4 strike", "Tuesday's attack", "el ataque del sábado") first, whatever else the
/// sentence dates (its announcement); then an anchored "one day earlier"; then a date not
/// attached to a reporting verb ("said Monday"), nearest the cue; else any.
/// The ordinal word just before an event noun ("a second strike", "the second U.S.
/// strike", "el segundo ataque"), fillers aside.
fn ordinal_before(toks: &[Tok], ets: usize, l: &LangLex) -> Option<u32> {
    let mut k = ets;
    while k > 0 && ets - k < 3 {
        k -= 1;
        if let Some(n) = l.nums.ordinal(&toks[k].lower) {
            return Some(n);
        }
        if !l.fillers.contains(&toks[k].lower) {
            return None;
        }
    }
    None
}

/// A definite determiner before the event noun at `ets`, up to two words between and none
/// of them a number ("the deadly strike", "el ataque", not "the 15th strike").
fn definite_before(toks: &[Tok], ets: usize, l: &LangLex) -> bool {
    (1..=3usize).any(|back| {
        ets >= back
            && l.definite.contains(&toks[ets - back].lower)
            && toks[ets - back + 1..ets]
                .iter()
                .all(|t| t.kind == TokKind::Word && l.nums.ordinal(&t.lower).is_none())
    })
}

/// The last day a date of any precision can denote ("2025" is 31 December 2025).
fn latest_day(date: &str) -> Option<NaiveDate> {
    let mut it = date.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    match (it.next().and_then(|m| m.parse::<u32>().ok()), it.next()) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d.get(..2)?.parse().ok()?),
        (Some(m), None) => NaiveDate::from_ymd_opt(y + (m / 12) as i32, m % 12 + 1, 1)?.pred_opt(),
        _ => NaiveDate::from_ymd_opt(y, 12, 31),
    }
}

/// Whether a date is written right before the noun of an event other than the one at
/// `ets` ("the Sept. 11, 2001, attacks", "the Oct. 3 strike"): it names that event.
fn names_other_event(
    d: &DateExpr,
    toks: &[Tok],
    ets: usize,
    events: &[Hit<crate::lexicon::EventCue>],
    l: &LangLex,
) -> bool {
    let mut j = toks
        .iter()
        .position(|t| t.start >= d.end)
        .unwrap_or(toks.len());
    while toks
        .get(j)
        .is_some_and(|t| t.lower == "," || l.dates.is_possessive(&t.lower))
    {
        j += 1;
    }
    j != ets && events.iter().any(|h| h.ts == j && h.value().noun)
}

fn pick_date<'d>(
    dates_all: &'d [DateExpr],
    toks: &[Tok],
    ets: usize,
    l: &LangLex,
    happened: bool,
) -> Option<(&'d DateExpr, bool)> {
    // a day to come dates a plan, never what happened
    let usable: Vec<&DateExpr> = dates_all
        .iter()
        .filter(|d| !matches!(d.kind, DateKind::Since | DateKind::Iso | DateKind::RangeEnd))
        .filter(|d| !(happened && d.kind == DateKind::Ahead))
        .collect();
    if usable.is_empty() {
        return None;
    }
    let tok_at = |b: usize| toks.iter().position(|t| t.start >= b).unwrap_or(toks.len());
    if let Some(a) = usable.iter().find(|d| {
        let (i, j) = (tok_at(d.start), tok_at(d.end));
        let possessive =
            |t: &Tok| l.dates.is_possessive(&t.lower) || l.dates.is_possessive_ending(&t.lower);
        let before = j <= ets
            && matches!(d.kind, DateKind::MonthDay | DateKind::Weekday)
            && toks[j..ets].iter().all(possessive);
        let after = i == ets + 2 && l.dates.is_date_of(&toks[ets + 1].lower);
        before || after
    }) {
        return Some((a, false));
    }
    if let Some(a) = usable
        .iter()
        .find(|d| matches!(d.kind, DateKind::AnchorOffset(_)))
    {
        return Some((a, false));
    }
    let tok_of = |b: usize| toks.iter().position(|t| t.start >= b).unwrap_or(0);
    let attached = |d: &DateExpr| attached_to_verb(d, toks, ets, l);
    let free: Vec<&&DateExpr> = usable.iter().filter(|d| !attached(d)).collect();
    let all_attached = free.is_empty();
    let pool: Vec<&DateExpr> = if all_attached {
        usable.clone()
    } else {
        free.into_iter().copied().collect()
    };
    pool.into_iter()
        .min_by_key(|d| {
            let i = tok_of(d.start);
            (i.abs_diff(ets), i)
        })
        .map(|d| (d, all_attached))
}

/// Whether a date belongs to the reporting verb rather than the event: "said Monday",
/// "announced on Sunday that", "On Tuesday, the government released".
fn attached_to_verb(d: &DateExpr, toks: &[Tok], ets: usize, l: &LangLex) -> bool {
    let tok_of = |b: usize| toks.iter().position(|t| t.start >= b).unwrap_or(0);
    let i = tok_of(d.start);
    let j = toks
        .iter()
        .position(|t| t.start >= d.end)
        .unwrap_or(toks.len());
    let before = (i.saturating_sub(5)..i).any(|k| {
        l.attribution.at(toks, k).is_some_and(|h| {
            matches!(h.value(), AttrCue::Verb | AttrCue::Channel(_))
                && h.te <= i
                && toks[h.te..i]
                    .iter()
                    .all(|t| t.lower == "," || l.grammar.verb_gap.contains(&t.lower))
        })
    });
    let followed_by_that = toks
        .get(j)
        .is_some_and(|t| l.grammar.that.contains(&t.lower));
    // "On Tuesday, the government released ...": the first verb after the date reports
    let verb_after = j < ets
        && (j..(j + 8).min(ets)).any(|k| {
            l.attribution
                .at(toks, k)
                .is_some_and(|h| matches!(h.value(), AttrCue::Verb))
        });
    // a dateline inside the first sentence ("BOGOTÁ, May 4 (Agency) -", "Quito [EC], May 4:
    // Navy ships ..."): the day the story was filed, not the event's
    let dateline = i <= 8
        && d.kind == DateKind::MonthDay
        && !(i > 0 && l.grammar.date_prep.contains(&toks[i - 1].lower))
        && toks
            .get(j)
            .is_some_and(|t| matches!(t.lower.as_str(), ":" | "(" | "—" | "–" | "-"));
    before || followed_by_that || verb_after || dateline
}

/// An occurred strike event with nothing in it yet: the shape of figures-only, story-place
/// and per-sea candidates.
fn strike_report(ctx: &SentCtx, src: &Source) -> Report {
    base_report(
        ReportKind::Event,
        EventType::Strike,
        Modality::Occurred,
        ctx,
        src,
    )
}

fn base_report(
    kind: ReportKind,
    et: EventType,
    m: Modality,
    ctx: &SentCtx,
    src: &Source,
) -> Report {
    Report {
        kind,
        event_type: et,
        target_kind: None,
        means: None,
        modality: m,
        date: None,
        date_precision: DatePrecision::Unknown,
        date_basis: DateBasis::None,
        place: None,
        figures: Figures::default(),
        actors: Vec::new(),
        source: src.clone(),
        sentence: ctx.span(),
        claims: Vec::new(),
    }
}

fn set_date(rep: &mut Report, d: &DateExpr, ctx: &SentCtx, src: &Source) {
    rep.date = d.date.clone();
    rep.date_precision = d.precision;
    rep.date_basis = if d.date.is_some() {
        d.basis
    } else {
        DateBasis::None
    };
    rep.claims.push(ctx.claim(
        ClaimField::Date,
        d.date.clone().into(),
        [d.start, d.end],
        src,
        rep.modality,
        d.rule.to_string(),
    ));
}

fn add_figure(rep: &mut Report, f: &FieldFig, ctx: &SentCtx, src: &Source, m: Modality) {
    let slot = rep.figures.slot(f.field);
    if slot.is_some() {
        return;
    }
    *slot = Some(f.q.figure.clone());
    rep.claims.push(Claim {
        field: ClaimField::Figure(f.field),
        value: ClaimValue::Figure(FigureValue::of(&f.q.figure)),
        surface: f.q.figure.surface.clone(),
        span: [f.q.start, f.q.end],
        sentence: ctx.span(),
        source: src.clone(),
        modality: m,
        rule: if f.tally {
            format!("{}.tally", f.q.hedge.rule())
        } else {
            f.q.hedge.rule().to_string()
        },
        rival: false,
    });
}

fn add_actors(
    rep: &mut Report,
    actors: &[Hit<crate::lexicon::ActorEntry>],
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
        let (s, e) = (ctx.toks[a.ts].start, ctx.toks[a.te - 1].end);
        rep.actors.push(Actor {
            role,
            name: v.canonical.clone(),
            alleged,
            source: src.clone(),
        });
        rep.claims.push(ctx.claim(
            ClaimField::Actor(role),
            ClaimValue::Actor(ActorValue {
                alleged,
                name: v.canonical.clone(),
            }),
            [s, e],
            src,
            m,
            format!("lex:actors.tsv:{}:{}", role, a.phrase.text),
        ));
    }
}

/// Whether an event on `event` can have been announced on `announced`: the same day or up
/// to a week later. Dates that are not whole days (or missing) allow it.
fn announced_within_week(event: Option<&str>, announced: Option<&str>) -> bool {
    let day = |s: Option<&str>| s.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    match (day(event), day(announced)) {
        (Some(e), Some(a)) => e <= a && (a - e).num_days() <= 7,
        _ => {
            event.is_none()
                || announced.is_none()
                || event.is_some_and(|e| {
                    announced.is_some_and(|a| a.starts_with(e) || e.starts_with(a))
                })
        }
    }
}

fn set_source(r: &mut Report, src: &Source) {
    r.source = src.clone();
    for a in &mut r.actors {
        a.source = src.clone();
    }
    for c in &mut r.claims {
        c.source = src.clone();
    }
}

fn compatible<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// "The boat blown up last week" beside "on 13 February": a week-precision mention and a
/// day inside that week, in one article, name one event.
fn within_week(a: &Report, b: &Report) -> bool {
    let day = |r: &Report| {
        NaiveDate::parse_from_str(r.date.as_deref()?.get(..10)?, "%Y-%m-%d")
            .ok()
            .map(|d| (d, r.date_precision))
    };
    let (Some((da, pa)), Some((db, pb))) = (day(a), day(b)) else {
        return false;
    };
    let holds = |w: NaiveDate, d: NaiveDate| (0..7).contains(&(d - w).num_days());
    match (pa, pb) {
        (DatePrecision::Week, DatePrecision::Day) => holds(da, db),
        (DatePrecision::Day, DatePrecision::Week) => holds(db, da),
        _ => false,
    }
}

fn fig_compatible(a: &Option<Figure>, b: &Option<Figure>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x.low, x.best, x.high) == (y.low, y.best, y.high),
        _ => true,
    }
}

fn absorb(r: &mut Report, c: Report) {
    let finer = r.date_precision == DatePrecision::Week && c.date_precision == DatePrecision::Day;
    if (r.date.is_none() || finer) && c.date.is_some() {
        r.date = c.date;
        r.date_precision = c.date_precision;
        r.date_basis = c.date_basis;
    }
    if r.place.is_none() {
        r.place = c.place;
    } else if let (Some(p), Some(q)) = (&mut r.place, &c.place) {
        // a country from the second mention of a region ("off Colombia" after "Pacific")
        if p.country.is_none()
            && q.country.is_some()
            && (p.region_code.is_none() || p.region_code == q.region_code)
        {
            *p = q.clone();
        }
    }
    if r.target_kind.is_none() {
        r.target_kind = c.target_kind;
    }
    if r.means.as_deref().is_none_or(|m| m == "unknown") && c.means.is_some() {
        r.means = c.means;
    }
    for &f in Field::ALL {
        let v = c.figures.get(f).cloned();
        {
            let slot = r.figures.slot(f);
            if slot.is_none() {
                *slot = v;
            }
        }
    }
    for a in c.actors {
        if !r
            .actors
            .iter()
            .any(|x| x.role == a.role && x.name == a.name)
        {
            r.actors.push(a);
        }
    }
    if r.source.kind == SourceKind::Outlet && c.source.kind != SourceKind::Outlet {
        r.source = c.source;
    }
    r.claims.extend(c.claims);
}

/// "One source said two died ... another report said three": a toll of the event from
/// another source than the one that gave the report's own is a rival value, kept beside it.
/// A smaller toll where the report counts several vessels is a part of the total, and a toll
/// from the same source is a restatement or a part: neither is a rival.
fn mark_rivals(r: &Report, c: &mut Report) {
    let (Some(k1), Some(k2)) = (&r.figures.killed, &c.figures.killed) else {
        return;
    };
    if (k1.low, k1.best, k1.high) == (k2.low, k2.best, k2.high) {
        return;
    }
    let several = r
        .figures
        .vessels
        .as_ref()
        .and_then(|v| v.best)
        .is_some_and(|n| n > 1);
    let point = |f: &Figure| f.best.or(f.low);
    if several && point(k2) < point(k1) {
        return;
    }
    let Some(own) = r
        .claims
        .iter()
        .find(|x| x.field == Field::Killed && !x.rival && !x.rule.ends_with(".tally"))
        .map(|x| &x.source)
    else {
        return;
    };
    for cl in c.claims.iter_mut() {
        if cl.field == Field::Killed
            && !cl.rule.ends_with(".tally")
            && (cl.source.kind != own.kind || cl.source.name != own.name)
        {
            cl.rival = true;
        }
    }
}

/// Merges sentence candidates into the article's reports.
fn merge(cands: Vec<Cand>) -> Vec<Report> {
    let mut out: Vec<Report> = Vec::new();
    // per report: whether its date is only the announcement's ("said on Sunday"), so that
    // the event's own date, met later, replaces it
    let mut weak: Vec<bool> = Vec::new();
    // per report: the weekday of a day named only as "Thursday" (no publication date)
    let mut wk: Vec<Option<u32>> = Vec::new();
    // per report: the ordinal it was named by ("a second strike")
    let mut ords: Vec<Option<u32>> = Vec::new();
    // figures met before any event is named ("the operation left three dead" above "a strike
    // hit a boat"): they join the first event that happened, named after them
    let mut pending: Vec<Report> = Vec::new();
    for c in cands {
        let mut r = c.report;
        match c.kind {
            CandKind::FiguresOnly => {
                let want_raid = r.figures.detained.is_some();
                let i = out
                    .iter()
                    .rposition(|x| {
                        x.kind == ReportKind::Event
                            && x.modality == Modality::Occurred
                            && (!want_raid || x.event_type == EventType::Raid)
                    })
                    .or_else(|| {
                        out.iter().rposition(|x| {
                            x.kind == ReportKind::Event && x.modality == Modality::Occurred
                        })
                    });
                match i {
                    Some(i) => {
                        mark_rivals(&out[i], &mut r);
                        absorb(&mut out[i], r)
                    }
                    None => pending.push(r),
                }
            }
            CandKind::Breakdown => {
                // the story's event that counted every vessel gives way to one report per
                // region, which take its date
                let total: i64 = c
                    .parts
                    .iter()
                    .filter_map(|p| p.figures.killed.as_ref().and_then(|f| f.best))
                    .sum();
                let agg = out.iter().rposition(|x| {
                    x.kind == ReportKind::Event
                        && x.event_type == EventType::Strike
                        && x.modality == Modality::Occurred
                        && x.figures
                            .killed
                            .as_ref()
                            .is_none_or(|f| f.best == Some(total))
                });
                let mut parts = c.parts;
                if let Some(i) = agg {
                    let x = out.remove(i);
                    weak.remove(i);
                    wk.remove(i);
                    ords.remove(i);
                    for p in parts.iter_mut() {
                        p.date = x.date.clone();
                        p.date_precision = x.date_precision;
                        p.date_basis = x.date_basis;
                        p.actors = x.actors.clone();
                        if p.source.kind == SourceKind::Outlet {
                            p.source = x.source.clone();
                        }
                    }
                    // the first part keeps the story's claims but for what the parts replace
                    parts[0].claims.extend(x.claims.into_iter().filter(|c| {
                        !matches!(
                            c.field,
                            ClaimField::Figure(Field::Killed | Field::Vessels) | ClaimField::Place
                        )
                    }));
                }
                for p in parts {
                    ords.push(None);
                    wk.push(None);
                    weak.push(false);
                    out.push(p);
                }
            }
            CandKind::Report(ReportKind::Event) => {
                let region = |x: &Report| x.place.as_ref().and_then(|p| p.region_code.clone());
                // "on Thursday" in an undated article: a day we cannot name, yet not any day:
                // only a date on that weekday may join it
                let on_weekday = |date: &Option<String>, wd: Option<u32>| {
                    let day = date
                        .as_deref()
                        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                    match (day, wd) {
                        (Some(d), Some(w)) => d.weekday().num_days_from_monday() == w,
                        _ => true,
                    }
                };
                let fits_at = |i: usize, strict_date: bool| {
                    let x = &out[i];
                    x.kind == ReportKind::Event
                        && x.event_type == r.event_type
                        && x.modality == r.modality
                        && (!strict_date
                            || (compatible(&x.date, &r.date) || within_week(x, &r))
                                && on_weekday(&r.date, wk[i])
                                && on_weekday(&x.date, c.weekday))
                        && compatible(&region(x), &region(&r))
                        && fig_compatible(&x.figures.killed, &r.figures.killed)
                };
                // "ordered the second strike" after "a second strike early in September": the
                // same event, named again by its ordinal; the day the later sentence speaks
                // on (the announcement's) does not keep them apart
                let mut pos = c.ordinal.and_then(|n| {
                    (0..out.len())
                        .rev()
                        .find(|&i| ords[i] == Some(n) && fits_at(i, c.dated))
                });
                if pos.is_none() {
                    pos = (0..out.len()).rev().find(|&i| fits_at(i, true));
                }
                if pos.is_none() && !c.dated {
                    // a date attached to the announcement ("said on Sunday") gives way to the
                    // event's own date in an earlier sentence
                    pos = (0..out.len()).rev().find(|&i| {
                        fits_at(i, false)
                            && announced_within_week(out[i].date.as_deref(), r.date.as_deref())
                    });
                }
                let mut replaced = false;
                if pos.is_none() && c.dated && r.date.is_some() {
                    // ... or in a later one: the event's own date replaces it
                    // an event comes before its announcement, by a week at most
                    let near =
                        |x: &Report| announced_within_week(r.date.as_deref(), x.date.as_deref());
                    pos = (0..out.len())
                        .rev()
                        .find(|&i| weak[i] && fits_at(i, false) && near(&out[i]));
                    if let Some(i) = pos {
                        let x = &mut out[i];
                        x.date = r.date.clone();
                        x.date_precision = r.date_precision;
                        x.date_basis = r.date_basis;
                        weak[i] = false;
                        replaced = true;
                    }
                }
                if pos.is_none() && c.definite && r.date.is_none() {
                    // "local media said the strike killed five": the strike told of already,
                    // with a toll from another source; a place of its own must be the same
                    // sea ("the attack on Venezuela" in a story of a boat strike is another)
                    let same_place = |x: &Report| match (&r.place, &x.place) {
                        (None, _) => true,
                        (Some(p), Some(q)) => {
                            p.region_code.is_some()
                                && p.region_code == q.region_code
                                && compatible(&p.country, &q.country)
                        }
                        (Some(_), None) => false,
                    };
                    let prior = (0..out.len()).rev().find(|&i| {
                        let x = &out[i];
                        x.kind == ReportKind::Event
                            && x.event_type == r.event_type
                            && x.modality == r.modality
                            && same_place(x)
                    });
                    if let Some(i) = prior {
                        mark_rivals(&out[i], &mut r);
                        if r.claims.iter().any(|c| c.rival) {
                            pos = Some(i);
                        }
                    }
                }
                let occurred = r.modality == Modality::Occurred;
                let at = match pos {
                    Some(i) => {
                        // a report that takes its first date from this candidate takes its
                        // strength too
                        if !replaced && out[i].date.is_none() && r.date.is_some() {
                            weak[i] = !c.dated;
                        }
                        if out[i].date.is_none() && wk[i].is_none() {
                            wk[i] = c.weekday;
                        }
                        if ords[i].is_none() {
                            ords[i] = c.ordinal;
                        }
                        absorb(&mut out[i], r);
                        i
                    }
                    None => {
                        ords.push(c.ordinal);
                        wk.push(c.weekday);
                        weak.push(!c.dated && r.date.is_some());
                        out.push(r);
                        out.len() - 1
                    }
                };
                if occurred {
                    for p in pending.drain(..) {
                        absorb(&mut out[at], p);
                    }
                }
            }
            CandKind::Report(ReportKind::Development) => {
                let pos = out.iter().position(|x| {
                    x.kind == ReportKind::Development
                        && x.event_type == r.event_type
                        && x.modality == r.modality
                        && compatible(&x.date, &r.date)
                });
                match pos {
                    Some(i) => absorb(&mut out[i], r),
                    None => {
                        ords.push(None);
                        wk.push(None);
                        weak.push(false);
                        out.push(r);
                    }
                }
            }
            CandKind::Report(ReportKind::Tally) => {
                let pos = out.iter().position(|x| {
                    x.kind == ReportKind::Tally
                        && x.date == r.date
                        && Field::ALL.iter().all(|&f| {
                            fig_compatible(&x.figures.get(f).cloned(), &r.figures.get(f).cloned())
                        })
                });
                match pos {
                    Some(i) => absorb(&mut out[i], r),
                    None => {
                        ords.push(None);
                        wk.push(None);
                        weak.push(false);
                        out.push(r);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
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
}
