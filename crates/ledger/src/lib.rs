//! The strikewatch ledger: extracted reports in; incidents, reconciled figures, tallies,
//! developments and exports out.
//!
//! Why a crate of its own: `sw-extract` reads one article at a time; this crate is where
//! reports of many articles and languages become one sourced account of what happened
//! (codebook, *Incidents and reconciliation*). It is the part an analyst checks numbers
//! against, so it is kept pure, deterministic and small enough to reason about.
//!
//! **What it does**
//! - [`build`] resolves event reports into [`Incident`]s (same event type, same day within
//!   each report's precision, compatible sea region or country, compatible figures),
//!   reconciles every figure into `low`/`best`/`high` with the list of values behind it,
//!   grades each incident, and keeps tallies and developments apart.
//! - [`tally_check`] compares the ledger's own running sums with the cumulative totals
//!   outlets report, and lists the gaps.
//! - [`export::write`] writes JSON, CSV, ACLED-style, UCDP-GED-style and GeoJSON tables
//!   and (feature `parquet`) Parquet, one module per format; [`export::FORMATS`] lists them
//!   (every column is documented in `EXPORTS.md`).
//!
//! **Resolution rules** (details in `src/resolve.rs`)
//! - One incident per (event type, day, region): a multi-vessel operation stays one
//!   incident with its vessel count. A report without a region joins the day's only region
//!   group, or the one whose killed figure it repeats; otherwise it stays apart.
//! - Within one story, reports at most two days apart that do not disagree (killed,
//!   vessels, region) are one event told twice; the earliest date is kept (the later one is
//!   nearly always the announcement). Across stories, groups a day apart with the same
//!   killed figure merge, and a relatively dated group with no killed figure joins the one
//!   group one or two days before it that its figures fit.
//! - Week-precision and undated reports attach to a day incident only when exactly one fits
//!   (same region, same killed figure, within the week or the seven days up to
//!   publication); month-precision reports are never attached. Otherwise they stay
//!   incidents of their own at their own precision.
//! - `best` = the perpetrator's (an official source's) value if any, else the value most
//!   independent stories give; ties go to the value attributed to more named or official
//!   sources, then to the newer value (a correction). Copies of one story count once.
//!
//! **Architecture invariants**
//! - Pure: no I/O, no clock, no global state. Writers take `&mut dyn Write`; the caller owns
//!   files.
//! - Order-independent: the ledger is a function of the *set* of reports. Inputs are sorted
//!   by a hash of their content key (the member key) before anything is decided, so
//!   shuffling them, or rebuilding from scratch, gives byte-identical JSON.
//! - Stable ids: an incident keeps the id of the previous publication's incident its members
//!   overlap most (the caller passes the previous identity map as a value); a new one gets a
//!   hash of its event type, day and area (of its earliest-published member's stable key when
//!   undated), never of arrival order or of a store row id. Merged ids redirect
//!   ([`identity`]).
//! - Traceable: every figure value lists the report ids and article ids that claim it, and
//!   every incident lists its sources with the supporting sentence.
//! - Near-linear: reports are blocked by event type and day, then by region; no step
//!   compares all pairs of reports; a full rebuild of 100k reports takes about a second
//!   (`EXPORTS.md`, *Cost of a full rebuild*), so there is no partial-rebuild API.
//!
//! ```
//! use sw_extract::Extractor;
//! use sw_ledger::{build, ReportInput};
//! use sw_model::Lang;
//!
//! let ex = Extractor::new();
//! let articles = [
//!     ("https://a.example/1", "2025-11-05", "U.S. forces struck a boat in the eastern Pacific on Tuesday, killing three people, Southern Command said."),
//!     ("https://b.example/2", "2025-11-05", "A U.S. strike on a vessel in the eastern Pacific on Tuesday killed three people, officials said."),
//! ];
//! let mut inputs = Vec::new();
//! for (i, (url, published, text)) in articles.iter().enumerate() {
//!     let date = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
//!     for (j, report) in ex.extract(text, Lang::En, date).into_iter().enumerate() {
//!         let quote = text[report.sentence[0]..report.sentence[1]].to_string();
//!         inputs.push(ReportInput {
//!             report_id: (i * 10 + j) as i64,
//!             article_id: i as i64,
//!             story_id: i as i64,
//!             url: Some(url.to_string()),
//!             outlet: None,
//!             published: Some(published.to_string()),
//!             lang: "en".into(),
//!             report,
//!             quote,
//!         });
//!     }
//! }
//! let ledger = build(&inputs);
//! assert_eq!(ledger.incidents.len(), 1);
//! let inc = &ledger.incidents[0];
//! assert_eq!(inc.date.as_deref(), Some("2025-11-04"));
//! assert_eq!(inc.figures.killed.as_ref().unwrap().best, Some(3));
//! assert_eq!(inc.stories, 2);
//! ```

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sw_model::{
    DatePrecision, EventType, Modality, PlaceRef, Report, ReportKind, Source, SourceKind,
    TargetKind,
};

pub mod alerts;
pub mod dating;
pub mod diff;
pub mod export;
pub mod identity;
pub mod reach;
mod reconcile;
mod resolve;
pub mod review;
pub mod summary;
mod tally;

pub use export::ExportFormat;
pub use reconcile::{FigureValue, IncidentFigure, IncidentFigures, Range};
pub use review::{Decision, IncidentReview, Review};
pub use tally::{tally_check, tally_check_counted, tally_comparisons, TallyChecked, TallyGap};

/// One extracted report plus its article's context: what [`build`] reads.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportInput {
    /// The store's id for the report (kept for provenance; never used to decide anything).
    pub report_id: i64,
    pub article_id: i64,
    /// The group of syndicated copies the article belongs to: counted once for
    /// corroboration.
    pub story_id: i64,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD` (a longer timestamp is cut to its date).
    pub published: Option<String>,
    pub lang: String,
    pub report: Report,
    /// The report's anchor sentence (`text[report.sentence]`).
    pub quote: String,
}

impl ReportInput {
    /// The report with only the claims assembling an incident reads: those of figures (a
    /// figure's own source, the rival values an article gives). What a [`Fetch`] for
    /// [`Builder::incidents`] may hand back instead of the whole report: every other claim
    /// (date, place, actors, modality...) was read into the compact records when the report
    /// was [added](Builder::add) and is not read again. Why: the members of the largest
    /// incident are all held at once while it is assembled (~10,000 reports at a million
    /// articles), and the other claims, each with its surface, rule and source, are most of
    /// a report's size. Never for [`Builder::add`], which reads the date's claims.
    pub fn for_assembly(mut self) -> Self {
        self.report
            .claims
            .retain(|c| matches!(c.field, sw_model::ClaimField::Figure(_)));
        self.report.claims.shrink_to_fit();
        self
    }

    /// The content key of the report: article url (or, for an article without one, its
    /// outlet, date and anchor sentence — never a store row id, which depends on arrival
    /// order), sentence span, kind, event type and modality. Stable across store rebuilds,
    /// input order and re-extraction of the same text.
    pub fn stable_key(&self) -> String {
        let art = match &self.url {
            Some(u) if !u.is_empty() => u.trim_end_matches('/').to_string(),
            _ => format!(
                "text:{}|{}|{}",
                self.outlet.as_deref().unwrap_or(""),
                self.published.as_deref().unwrap_or(""),
                self.quote
            ),
        };
        let r = &self.report;
        format!(
            "{art}#{}-{}:{}:{}:{}",
            r.sentence[0],
            r.sentence[1],
            r.kind.as_str(),
            r.event_type.as_str(),
            r.modality.as_str()
        )
    }

    /// The publication day, if it parses.
    pub(crate) fn published_day(&self) -> Option<chrono::NaiveDate> {
        let p = self.published.as_deref()?;
        chrono::NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok()
    }

    pub(crate) fn source_ref(&self) -> SourceRef {
        SourceRef {
            report_id: self.report_id,
            article_id: self.article_id,
            story_id: self.story_id,
            url: self.url.clone(),
            outlet: self.outlet.clone(),
            published: self.published.clone(),
            lang: self.lang.clone(),
            attributed_to: Attribution::of(&self.report.source),
            quote: self.quote.clone(),
        }
    }
}

/// Who a report or value is attributed to (the codebook's source kind and name).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Attribution {
    pub kind: SourceKind,
    pub name: Option<String>,
}

impl Attribution {
    pub(crate) fn of(s: &Source) -> Attribution {
        Attribution {
            kind: s.kind,
            name: s.name.clone(),
        }
    }
}

/// One article behind an incident, tally or development, with the sentence that supports
/// it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SourceRef {
    pub report_id: i64,
    pub article_id: i64,
    pub story_id: i64,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub lang: String,
    pub attributed_to: Attribution,
    pub quote: String,
}

/// Where an incident happened: the best-placed member report's place.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Place {
    pub name: Option<String>,
    /// ISO 3166 alpha-2.
    pub country: Option<String>,
    /// A named sea region ("Caribbean Sea", "eastern Pacific").
    pub region: Option<String>,
    /// The region's code ("caribbean", "eastern_pacific").
    pub region_code: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Codebook place precision: 1 locality ... 4 country or sea region, 5 none.
    pub precision: u8,
}

impl Place {
    pub(crate) fn of(p: &PlaceRef) -> Place {
        Place {
            name: Some(p.name.clone()).filter(|n| !n.is_empty()),
            country: p.country.clone(),
            region: p.region.clone(),
            region_code: p.region_code.clone(),
            admin1: p.admin1.clone(),
            lat: p.lat,
            lon: p.lon,
            precision: p.precision,
        }
    }

    pub(crate) fn none() -> Place {
        Place {
            precision: 5,
            ..Place::default()
        }
    }
}

/// How well an incident is established (codebook grades).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// The perpetrator acknowledged it (an official source of the state that struck).
    Acknowledged,
    /// Two or more independent stories.
    Corroborated,
    SingleSource,
    /// A party denies it, or its figures disagree and no acknowledgment settles them.
    Contested,
}

impl Grade {
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Acknowledged => "acknowledged",
            Grade::Corroborated => "corroborated",
            Grade::SingleSource => "single_source",
            Grade::Contested => "contested",
        }
    }
}

/// A date some member reports give, with who gives it: disagreement stays visible.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct DateValue {
    pub date: Option<String>,
    pub precision: DatePrecision,
    pub report_ids: Vec<i64>,
    pub stories: usize,
}

/// A named actor of an incident.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ActorRef {
    pub name: String,
    /// The affiliation is a claim, not a fact (always true for target groups).
    pub alleged: bool,
    /// The state of a state force (ISO 3166 alpha-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// A non-state armed group.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_state: bool,
}

/// One real-world event merged from the reports of many articles.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Incident {
    /// `inc-` + 12 hex digits: kept from the previous publication when the members overlap,
    /// else a hash of the event type, day and area (of the earliest-published member's stable
    /// key when undated); see [`identity`].
    pub id: String,
    pub event_type: EventType,
    pub target_kind: Option<TargetKind>,
    pub means: Option<String>,
    /// `occurred`: a group of denials alone makes no incident (each is listed as a
    /// development); a denial among reports of the event happening sets `denied`.
    pub modality: Modality,
    /// `YYYY-MM-DD` (day precision), `YYYY-MM` (month precision), or null (week, year or
    /// unknown precision: see `window` and `dates`).
    pub date: Option<String>,
    pub date_precision: DatePrecision,
    /// The first and last day the incident may have happened on (`[d, d]` for a day).
    pub window: Option<[String; 2]>,
    /// Every date the members give, with their report ids.
    pub dates: Vec<DateValue>,
    pub place: Place,
    pub figures: IncidentFigures,
    /// Exact figures disagree, or a party denies the event.
    pub contested: bool,
    /// A member report is a denial.
    pub denied: bool,
    pub grade: Grade,
    /// Independent stories (syndicated copies count once).
    pub stories: usize,
    pub perpetrators: Vec<ActorRef>,
    pub target_groups: Vec<ActorRef>,
    /// One entry per member report, earliest published first.
    pub sources: Vec<SourceRef>,
    /// Member reports attached without a day of their own (undated or month precision),
    /// because exactly one incident fitted them.
    pub attached_report_ids: Vec<i64>,
    /// Mentions of this event as an earlier one in later reporting ("the September 2
    /// strike"): shown with their sentences, never counted as sources or stories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<SourceRef>,
    /// What human review decided about it, beside the machine values it overrides (absent
    /// when nobody reviewed it; see [`review`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<IncidentReview>,
}

impl Incident {
    /// The incident's perpetrator: its first named perpetrator with a state or marked as a
    /// group, else its first named one.
    pub fn perpetrator(&self) -> Option<&ActorRef> {
        self.perpetrators
            .iter()
            .find(|a| a.state.is_some() || a.non_state)
            .or_else(|| self.perpetrators.first())
    }

    /// The state whose forces carried it out (ISO 3166 alpha-2), when known.
    pub fn perpetrator_state(&self) -> Option<&str> {
        self.perpetrator().and_then(|a| a.state.as_deref())
    }
}

/// A cumulative claim ("16 strikes have killed at least 66 people since September").
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Tally {
    /// `tal-` + 12 hex digits of a hash of the report's stable key.
    pub id: String,
    /// The as-of date (`YYYY-MM-DD`, `YYYY-MM`) or null.
    pub as_of: Option<String>,
    pub as_of_precision: DatePrecision,
    pub strikes: Option<reconcile::Range>,
    pub killed: Option<reconcile::Range>,
    pub survivors: Option<reconcile::Range>,
    pub vessels: Option<reconcile::Range>,
    pub source: SourceRef,
}

/// A plan, proposal, threat, order, designation, deployment, vote or legal finding
/// (or a strike reported only as planned, threatened, hypothetical or negated).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Development {
    /// `dev-` + 12 hex digits of a hash of the report's stable key.
    pub id: String,
    pub event_type: EventType,
    pub modality: Modality,
    pub date: Option<String>,
    pub date_precision: DatePrecision,
    pub place: Option<Place>,
    pub actors: Vec<ActorRef>,
    pub source: SourceRef,
}

/// The whole ledger. Every list is sorted deterministically (date, then id).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Ledger {
    pub incidents: Vec<Incident>,
    pub tallies: Vec<Tally>,
    pub developments: Vec<Development>,
    /// Incidents a reviewer rejected: out of the incidents and every total, still listed
    /// with the decision (absent when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Incident>,
}

impl Ledger {
    /// The ledger as pretty JSON (`{"incidents": [...], "tallies": [...], "developments": [...]}`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("ledger serializes")
    }
}

/// What becomes of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Incident,
    /// A mention of an earlier event: it joins the incident it points to, or nothing.
    Reference,
    Tally,
    Development,
}

/// Where a report goes: events that occurred (or are denied) become incidents; tallies
/// are tallies; everything else (plans, threats, hypotheticals, negations, designations...)
/// is a development.
pub fn route(r: &Report) -> Route {
    match r.kind {
        ReportKind::Tally => Route::Tally,
        ReportKind::Reference => Route::Reference,
        ReportKind::Event if matches!(r.modality, Modality::Occurred | Modality::Denied) => {
            Route::Incident
        }
        _ => Route::Development,
    }
}

/// Builds the ledger from a set of reports. Pure and order-independent.
pub fn build(reports: &[ReportInput]) -> Ledger {
    let mut sorted: Vec<&ReportInput> = reports.iter().collect();
    // the canonical order (see `by_key`)
    sorted.sort_by_cached_key(|r| (identity::member_key(&r.stable_key()), r.report_id));
    sorted.dedup_by(|a, b| a.stable_key() == b.stable_key() && a.report_id == b.report_id);
    let mut events = Vec::new();
    let mut references = Vec::new();
    let mut tallies = Vec::new();
    let mut developments = Vec::new();
    for r in sorted {
        match route(&r.report) {
            Route::Incident => {
                if let Some(Entry::Development(d)) = denial(r) {
                    developments.push(d);
                }
                events.push(r)
            }
            Route::Reference => references.push(r),
            Route::Tally => tallies.push(tally::tally_of(r)),
            Route::Development => developments.push(development_of(r)),
        }
    }
    tallies.sort_by(|a, b| (&a.as_of, &a.id).cmp(&(&b.as_of, &b.id)));
    developments.sort_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
    unique_ids(tallies.iter_mut().map(|t| &mut t.id));
    unique_ids(developments.iter_mut().map(|d| &mut d.id));
    Ledger {
        incidents: resolve::incidents(&events, &references),
        tallies,
        developments,
        rejected: Vec::new(),
    }
}

/// A tally or a development: what [`Builder::add`] hands back at once.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Tally(Tally),
    Development(Development),
}

/// Builds the ledger one report at a time, for a caller that cannot hold every report with
/// everything it carries (the store's rebuild at scale). Gives what [`build`] gives, in
/// pieces:
/// - [`Builder::add`] turns a tally or development report into its entry at once (the
///   caller stores it and lets it go; entries keep the id [`build`] gives before repeated
///   ids are numbered: sort tallies by `(as_of, id, report_id)` and developments by `(date,
///   id, report_id)`, then give the second and later of one id `-2`, `-3`...);
/// - of an event or reference report it keeps only what resolution reads (a compact record:
///   ids, event type, date, region, the figures compared; no text, claims or actors) and the
///   report's member key, so that memory grows with the number of event reports by about
///   100 bytes each, not by the report;
/// - [`Builder::incidents`] resolves them and assembles one incident at a time from the
///   whole reports of its members, which it asks the caller for (`fetch`), and hands it to
///   `emit`; sorted by `(date, undated last, id)` with ties in the order emitted, they are
///   [`build`]'s incidents.
///
/// Each report must be added once (the store's ids are unique; [`build`] also drops repeats).
#[derive(Debug, Default)]
pub struct Builder {
    /// Event reports: what resolution reads, with the member key (sorted in place by
    /// [`by_key`], so that no second copy of the records is ever made).
    events: Vec<resolve::Facts>,
    /// Reference reports, likewise.
    references: Vec<resolve::Facts>,
    /// The dates, region keys and countries the records share.
    strings: resolve::Strings,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// A builder with room for about `events` event reports and `references` reference
    /// reports (a store's counts of each kind), so that the records are not copied into a
    /// vector twice their size as they arrive: the old and the new one, held at once, were
    /// the rebuild's peak (BENCHMARKS.md, *Memory of the ledger rebuild*). The counts
    /// need not be exact: a few more grow the vectors as before.
    pub fn with_capacity(events: usize, references: usize) -> Builder {
        Builder {
            events: Vec::with_capacity(events),
            references: Vec::with_capacity(references),
            strings: Default::default(),
        }
    }

    /// Event reports kept for resolution so far.
    pub fn events(&self) -> usize {
        self.events.len()
    }

    pub fn add(&mut self, r: ReportInput) -> Option<Entry> {
        match route(&r.report) {
            Route::Incident => {
                self.events.push(resolve::Facts::of(&r, &mut self.strings));
                denial(&r)
            }
            Route::Reference => {
                self.references
                    .push(resolve::Facts::of(&r, &mut self.strings));
                None
            }
            Route::Tally => Some(Entry::Tally(tally::tally_of(&r))),
            Route::Development => Some(Entry::Development(development_of(&r))),
        }
    }

    /// Resolves the event and reference reports added (a group of denials alone makes no
    /// incident), then for each incident asks `fetch`
    /// for the whole reports it is made of (as `(article_id, report_id)` pairs, those given to
    /// [`Builder::add`]; `fetch` must return each of them, in any order) and hands the
    /// assembled incident to `emit`. The first error of either stops it and is returned.
    ///
    /// # Panics
    /// If `fetch` leaves out a report it was asked for: the caller must return them all or
    /// an error (a report gone since it was added is an error of the caller's reading).
    pub fn incidents<E>(
        self,
        fetch: &mut Fetch<'_, E>,
        emit: &mut dyn FnMut(Incident) -> Result<(), E>,
    ) -> Result<(), E> {
        self.incidents_reviewed_after(
            &Review::default(),
            &identity::Identities::default(),
            fetch,
            &mut |i, _| emit(i),
        )
        .map(|_| ())
    }

    /// [`Builder::incidents`] after a previous publication whose identity map is `prev`: an
    /// incident whose members overlap an old incident's keeps its id ([`identity`]). Returns
    /// the new identity map and what became of the old ids that were not kept as they were.
    pub fn incidents_after<E>(
        self,
        prev: &identity::Identities,
        fetch: &mut Fetch<'_, E>,
        emit: &mut dyn FnMut(Incident) -> Result<(), E>,
    ) -> Result<(identity::Identities, Vec<identity::Fate>), E> {
        self.incidents_reviewed_after(&Review::default(), prev, fetch, &mut |i, _| emit(i))
    }

    /// [`Builder::incidents`] with the decisions of `review` applied: merges and splits
    /// change which reports make each incident before it is assembled; the other decisions
    /// are applied to the assembled incident ([`review::Bound::apply`]). `emit` is told
    /// whether the incident is rejected (the caller lists it apart, out of the totals).
    pub fn incidents_reviewed<E>(
        self,
        review: &Review,
        fetch: &mut Fetch<'_, E>,
        emit: &mut dyn FnMut(Incident, bool) -> Result<(), E>,
    ) -> Result<(), E> {
        self.incidents_reviewed_after(review, &identity::Identities::default(), fetch, emit)
            .map(|_| ())
    }

    /// Both at once: the decisions of `review` shape and amend the incidents, which are then
    /// named after `prev` (ids are given to the reviewed groups, so a merge decided by a
    /// person retires an id exactly as a merge found by the machine does). Decisions keyed to
    /// an incident id are applied after naming, to the id the incident goes by now.
    pub fn incidents_reviewed_after<E>(
        self,
        review: &Review,
        prev: &identity::Identities,
        fetch: &mut Fetch<'_, E>,
        emit: &mut dyn FnMut(Incident, bool) -> Result<(), E>,
    ) -> Result<(identity::Identities, Vec<identity::Fate>), E> {
        let (next, fates, _) = self.incidents_reached(review, prev, fetch, emit)?;
        Ok((next, fates))
    }

    /// [`Builder::incidents_reviewed_after`], which also hands back the records it resolved,
    /// with the incident each report went to ([`Reached`]): what a store's rebuild writes
    /// every report's reach from once it has published the incidents, without having kept a
    /// reach per report beside the records while it read them.
    pub fn incidents_reached<E>(
        self,
        review: &Review,
        prev: &identity::Identities,
        fetch: &mut Fetch<'_, E>,
        emit: &mut dyn FnMut(Incident, bool) -> Result<(), E>,
    ) -> Result<(identity::Identities, Vec<identity::Fate>, Reached), E> {
        let mut facts = by_key(self.events);
        let references = by_key(self.references);
        let mut strings = self.strings;
        // the incident (group) each event and reference report went to, and the groups' ids
        let mut event_group = vec![NONE; facts.len()];
        let mut reference_group = vec![NONE; references.len()];
        let mut ids: Vec<Option<String>> = Vec::new();
        let mut res = resolve::resolve(&mut facts, &references, &mut strings);
        // the records as resolution left them (the story pass writes into them)
        let events = res.events();
        // the decisions' anchors present among the event reports, and where: found by member
        // key (the records keep no content key as text)
        let mut anchors: std::collections::HashMap<i64, Vec<&str>> = Default::default();
        for a in review.anchors() {
            anchors.entry(identity::member_key(a)).or_default().push(a);
        }
        let mut key_set: std::collections::HashSet<&str> = Default::default();
        let mut index: std::collections::HashMap<&str, usize> = Default::default();
        if !anchors.is_empty() {
            for (i, f) in events.iter().enumerate() {
                for &a in anchors.get(&f.key).into_iter().flatten() {
                    key_set.insert(a);
                    index.insert(a, i);
                }
            }
        }
        let bound = review.bind(&key_set);
        let mut shaping: Vec<&Decision> = Vec::new();
        let splits: Vec<(usize, usize)> = bound
            .splits()
            .into_iter()
            .filter_map(|(k, d)| {
                shaping.push(d);
                Some((*index.get(k)?, shaping.len() - 1))
            })
            .collect();
        let merges: Vec<(usize, usize, usize)> = bound
            .merges()
            .into_iter()
            .filter_map(|(a, b, d)| {
                shaping.push(d);
                Some((*index.get(a)?, *index.get(b)?, shaping.len() - 1))
            })
            .collect();
        let tags = if review.is_empty() {
            vec![Vec::new(); res.len()]
        } else {
            res.regroup(&splits, &merges)
        };
        let groups: Vec<Vec<i64>> = (0..res.len())
            .map(|g| res.sources(g).0.iter().map(|&i| events[i].key).collect())
            .collect();
        let mut namer = identity::Namer::new(prev, &groups);
        ids.resize(res.len(), None);
        for (g, tags) in tags.iter().enumerate() {
            let (of_events, of_refs) = res.sources(g);
            let wanted: Vec<(i64, i64)> = of_events
                .iter()
                .map(|&i| &events[i])
                .chain(of_refs.iter().map(|&i| &references[i]))
                .map(|f| (f.article_id, f.report_id))
                .collect();
            let whole = fetch(&wanted)?;
            let by_id: std::collections::HashMap<i64, &ReportInput> =
                whole.iter().map(|r| (r.report_id, r)).collect();
            let find = |id: i64| -> &ReportInput {
                by_id
                    .get(&id)
                    .copied()
                    .expect("fetch returns every report it is asked for")
            };
            let mut incident = res.assemble(g, &|i| find(events[i].report_id), &|i| {
                find(references[i].report_id)
            });
            let member_id = |id: &str| whole.iter().any(|r| short_id("inc", &r.stable_key()) == id);
            incident.id = namer.name(g, &incident, &member_id);
            if only_denied(&incident) {
                continue;
            }
            let rejected = if review.is_empty() {
                false
            } else {
                let keys: Vec<String> = of_events
                    .iter()
                    .map(|&i| find(events[i].report_id).stable_key())
                    .collect();
                let member_keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                let regrouped: Vec<&Decision> = tags.iter().map(|&t| shaping[t]).collect();
                bound.apply(&mut incident, &member_keys, &regrouped)
            };
            let n = u32::try_from(g).expect("fewer than 2^32 incidents");
            for &i in &of_events {
                event_group[i] = n;
            }
            for &i in of_refs {
                reference_group[i] = n;
            }
            ids[g] = Some(incident.id.clone());
            // the whole reports are let go before the incident is handed out: the caller
            // writes it as JSON (an incident lists every source: ~10 MB for the largest at a
            // million synthetic articles), never holding both
            drop(by_id);
            drop(whole);
            emit(incident, rejected)?;
        }
        drop(res);
        let (next, fates) = namer.finish(prev, &groups);
        let reached = Reached {
            events: facts,
            event_group,
            references,
            reference_group,
            ids,
            strings,
        };
        Ok((next, fates, reached))
    }
}

/// No incident: a report of a group that made none (denials alone), or a reference that
/// joined none.
const NONE: u32 = u32::MAX;

/// The records a build resolved, with the incident each report went to
/// ([`Builder::incidents_reached`]).
pub struct Reached {
    events: Vec<resolve::Facts>,
    event_group: Vec<u32>,
    references: Vec<resolve::Facts>,
    reference_group: Vec<u32>,
    /// Per group, the id of the incident it made, if it made one.
    ids: Vec<Option<String>>,
    strings: resolve::Strings,
}

/// One report's reach ([`reach::reach`]) and the incident it is a source of (member,
/// attached report or reference), if any.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportReach<'a> {
    pub report_id: i64,
    pub article_id: i64,
    /// Its member key ([`identity::member_key`]).
    pub key: i64,
    pub reach: reach::Reach,
    pub incident: Option<&'a str>,
}

impl Reached {
    /// Every event and reference report that has a reach, in report-id order (the order a
    /// store keeps them in, so that writing them is appending).
    pub fn reaches(&self) -> impl Iterator<Item = ReportReach<'_>> + '_ {
        let n = self.events.len() + self.references.len();
        let id = |i: usize| -> i64 {
            match i.checked_sub(self.events.len()) {
                None => self.events[i].report_id,
                Some(j) => self.references[j].report_id,
            }
        };
        let mut order: Vec<u32> = (0..u32::try_from(n).expect("fewer than 2^32 reports")).collect();
        order.sort_by_key(|&i| id(i as usize));
        order.into_iter().filter_map(move |i| {
            let i = i as usize;
            let (f, group, route) = match i.checked_sub(self.events.len()) {
                None => (&self.events[i], self.event_group[i], Route::Incident),
                Some(j) => (
                    &self.references[j],
                    self.reference_group[j],
                    Route::Reference,
                ),
            };
            let reach = reach::of_basis(&f.basis(route, &self.strings))?;
            let incident = match group {
                NONE => None,
                g => self.ids[g as usize].as_deref(),
            };
            Some(ReportReach {
                report_id: f.report_id,
                article_id: f.article_id,
                key: f.key,
                reach,
                incident,
            })
        })
    }
}

/// How [`Builder::incidents`] reads the whole reports of one incident: given `(article_id,
/// report_id)` pairs, every one of those reports (in any order), or the caller's error.
pub type Fetch<'a, E> = dyn FnMut(&[(i64, i64)]) -> Result<Vec<ReportInput>, E> + 'a;

/// Compact records in member-key order (then report id), repeats dropped: the canonical
/// order resolution reads reports in, so that the result does not depend on arrival order.
/// The member key is a hash of the content key, so the order is a function of the reports'
/// content as the content key's was, without keeping every content key as text through the
/// rebuild (8 bytes where the key as text took about 100). The order is not the content
/// keys' order, and the steps of resolution that group greedily in reading order (reports
/// with a window of days, a story's days) can group otherwise than they did under it: the
/// ledgers of the sample corpus, eval-dev, eval-world and the 100k synthetic corpus are
/// byte-identical under either, but a ledger built before may see such a group split or
/// joined on its first rebuild (its ids follow, through the identity map).
///
/// Sorted in place (an unstable sort needs no buffer; `(key, report id)` tells every two
/// records apart but a report added twice, whose copies are alike): sorting pairs and
/// splitting them into two vectors held both at once, twice the records at the rebuild's
/// peak (BENCHMARKS.md, *Memory of the ledger rebuild*).
fn by_key(mut facts: Vec<resolve::Facts>) -> Vec<resolve::Facts> {
    facts.sort_unstable_by_key(|f| (f.key, f.report_id));
    facts.dedup_by_key(|f| (f.key, f.report_id));
    facts
}

/// A denial ("the ministry denied that its aircraft bombed El Plateado") is a development
/// of the story, listed with the plans and threats; it also joins the incident it denies,
/// which it makes contested, but alone, with no dead claimed, it makes none: an incident
/// needs a report that tells of the event happening ([`only_denied`]).
fn denial(r: &ReportInput) -> Option<Entry> {
    (r.report.modality == Modality::Denied).then(|| Entry::Development(development_of(r)))
}

/// Whether an incident is only denials ("the ministry denied that its aircraft bombed El
/// Plateado", "the army denied a drone strike that a rival group said killed 23"): no
/// report tells of the event happening, so it is no incident, even with a toll the accuser
/// claims; each denial is listed as a development, with that toll. A denial that joins a
/// report of the event happening makes that incident contested instead.
pub(crate) fn only_denied(i: &Incident) -> bool {
    i.modality == Modality::Denied
}

fn development_of(r: &ReportInput) -> Development {
    let rep = &r.report;
    let mut actors: Vec<ActorRef> = rep
        .actors
        .iter()
        .map(|a| ActorRef {
            name: a.name.clone(),
            alleged: a.alleged,
            state: a.state.clone(),
            non_state: a.non_state,
        })
        .collect();
    actors.sort();
    actors.dedup();
    Development {
        id: short_id("dev", &r.stable_key()),
        event_type: rep.event_type,
        modality: rep.modality,
        date: rep.date.clone(),
        date_precision: rep.date_precision,
        place: rep.place.as_ref().map(Place::of),
        actors,
        source: r.source_ref(),
    }
}

/// `prefix-` + the first 12 hex digits of SHA-256 of `key`.
pub(crate) fn short_id(prefix: &str, key: &str) -> String {
    let h = Sha256::digest(key.as_bytes());
    let hex: String = h.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("{prefix}-{hex}")
}

/// Two reports of one sentence with the same kind, type and modality share a stable key:
/// the second and later get `-2`, `-3`... in the (deterministic) order given.
fn unique_ids<'a>(ids: impl Iterator<Item = &'a mut String>) {
    let mut seen: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for id in ids {
        let n = seen.entry(id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            id.push_str(&format!("-{n}"));
        }
    }
}

/// Distinct values, sorted.
pub(crate) fn distinct<T: Ord + Clone>(it: impl IntoIterator<Item = T>) -> Vec<T> {
    it.into_iter()
        .collect::<BTreeSet<T>>()
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests;
