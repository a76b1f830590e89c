//! The strikewatch codebook (`CODEBOOK.md`) as a pure function: an article's text, language
//! and publication date in; its reports (events, developments, tallies) and their claims out.
//!
//! Why a crate of its own: extraction is the part of strikewatch that must be trusted, so it
//! is kept small, pure and testable, apart from ingestion, storage and reconciliation.
//!
//! **Invariants**
//! - Pure: no I/O, no clock, no global mutable state. The publication date is an input; the
//!   lexicons and the gazetteer are embedded data read once in [`Extractor::new`].
//! - Deterministic: the same input gives the same output (no hash-map order leaks out).
//! - Exact spans: for every claim, `&text[claim.span[0]..claim.span[1]] == claim.surface`.
//! - Explainable: every claim names the rule or lexicon entry that produced it
//!   (`"fig.at_least"`, `"lex:en/events.tsv:strike:struck"`).
//! - Plans, options and threats never become occurred strikes; cumulative totals are tallies.
//!
//! Vocabulary lives in `lexicon/{en,es}/*.tsv`, `lexicon/actors.tsv` and
//! `lexicon/places.tsv` (formats in `lexicon/README.md`); places come from `sw-gazetteer`.
//! English lexicons read `Lang::Other` text.
//!
//! Modules: [`Extractor`] (the pipeline: a cue prefilter per sentence, then events, modality,
//! figures, dates, places, actors and attribution, then per-article merging), [`numbers`] and
//! [`dates`] (parsers that never panic, fuzzed), [`eval`] (scoring against a gold set),
//! [`lexicon`] and [`tokens`] (the matching machinery).
//!
//! ```
//! use sw_extract::{Extractor, Modality, ReportKind};
//! use sw_model::Lang;
//! let ex = Extractor::new();
//! let text = "U.S. forces struck a boat in the eastern Pacific on Tuesday, killing three people, Southern Command said.";
//! let published = chrono::NaiveDate::from_ymd_opt(2025, 11, 5);
//! let reports = ex.extract(text, Lang::En, published);
//! let r = &reports[0];
//! assert_eq!(r.kind, ReportKind::Event);
//! assert_eq!(r.modality, Modality::Occurred);
//! assert_eq!(r.date.as_deref(), Some("2025-11-04"));
//! assert_eq!(r.figures.killed.as_ref().unwrap().best, Some(3));
//! for c in &r.claims {
//!     assert_eq!(&text[c.span[0]..c.span[1]], c.surface);
//! }
//! ```

use serde::{Deserialize, Serialize};

pub mod dates;
pub mod eval;
mod fxhash;
pub mod lexicon;
pub mod numbers;
mod pipeline;
pub mod tokens;

pub use pipeline::{DateHints, Extractor};

macro_rules! snake_enum {
    ($(#[$m:meta])* $name:ident { $($var:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($var),* }
        impl $name {
            /// The snake_case name used in JSON.
            pub fn as_str(self) -> &'static str { match self { $($name::$var => $s),* } }
            /// Reads the snake_case name.
            pub fn parse(s: &str) -> Option<$name> { match s { $($s => Some($name::$var),)* _ => None } }
        }
    };
}

snake_enum!(
    /// What a report is.
    ReportKind { Event = "event", Development = "development", Tally = "tally" }
);
snake_enum!(
    /// Codebook event types.
    EventType { Strike = "strike", Raid = "raid", Deployment = "deployment", Designation = "designation", Authorization = "authorization" }
);
snake_enum!(
    /// What a strike hit.
    TargetKind { Vessel = "vessel", LandSite = "land_site", Person = "person", Unknown = "unknown" }
);
snake_enum!(
    /// Codebook modality.
    Modality { Occurred = "occurred", Planned = "planned", Proposed = "proposed", Threatened = "threatened", Denied = "denied", Hypothetical = "hypothetical", Negated = "negated" }
);
snake_enum!(
    /// Precision of a date.
    DatePrecision { Day = "day", Week = "week", Month = "month", Year = "year", Unknown = "unknown" }
);
snake_enum!(
    /// Where a date came from.
    DateBasis { Explicit = "explicit", Relative = "relative", Publication = "publication", None = "none" }
);
snake_enum!(
    /// Who a claim is attributed to.
    SourceKind { Official = "official", AnonymousOfficials = "anonymous_officials", Outlet = "outlet", OtherOutlet = "other_outlet", LocalAuthority = "local_authority", WitnessOrFamily = "witness_or_family", NgoOrExpert = "ngo_or_expert", Unknown = "unknown" }
);

/// A figure as the codebook's table gives it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Figure {
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub approx: bool,
    pub surface: String,
}

/// The figures of a report.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Figures {
    pub killed: Option<Figure>,
    pub injured: Option<Figure>,
    pub survivors: Option<Figure>,
    pub missing: Option<Figure>,
    pub detained: Option<Figure>,
    pub vessels: Option<Figure>,
    pub strikes: Option<Figure>,
}

impl Figures {
    /// The figure of a field by name ("killed", ...).
    pub fn get(&self, field: &str) -> Option<&Figure> {
        match field {
            "killed" => self.killed.as_ref(),
            "injured" => self.injured.as_ref(),
            "survivors" => self.survivors.as_ref(),
            "missing" => self.missing.as_ref(),
            "detained" => self.detained.as_ref(),
            "vessels" => self.vessels.as_ref(),
            "strikes" => self.strikes.as_ref(),
            _ => None,
        }
    }

    /// The slot of a field by name.
    pub fn slot(&mut self, field: &str) -> Option<&mut Option<Figure>> {
        Some(match field {
            "killed" => &mut self.killed,
            "injured" => &mut self.injured,
            "survivors" => &mut self.survivors,
            "missing" => &mut self.missing,
            "detained" => &mut self.detained,
            "vessels" => &mut self.vessels,
            "strikes" => &mut self.strikes,
            _ => return None,
        })
    }
}

/// Where an event happened, resolved against the gazetteer.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct PlaceRef {
    pub name: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub region_code: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: u8,
}

/// Who a claim is attributed to.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub kind: SourceKind,
    pub name: Option<String>,
    pub channel: Option<String>,
    pub count: Option<u32>,
}

impl Source {
    /// The article's own reporting.
    pub fn outlet() -> Source {
        Source {
            kind: SourceKind::Outlet,
            name: None,
            channel: None,
            count: None,
        }
    }
}

/// An actor of a report.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// "perpetrator" or "target_group".
    pub role: String,
    pub name: String,
    pub alleged: bool,
    pub source: Source,
}

/// One attributed value of one field.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Claim {
    pub field: String,
    pub value: serde_json::Value,
    pub surface: String,
    pub span: [usize; 2],
    pub sentence: [usize; 2],
    pub source: Source,
    pub modality: Modality,
    pub rule: String,
    /// A figure the article gives for the same event from another source than the report's
    /// own figure ("one source said two died; another said three"): the ledger keeps it as
    /// one more value beside the report's, so an in-article disagreement stays visible.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rival: bool,
}

/// One article's account of one event, development or tally.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Report {
    pub kind: ReportKind,
    pub event_type: EventType,
    pub target_kind: Option<TargetKind>,
    pub means: Option<String>,
    pub modality: Modality,
    pub date: Option<String>,
    pub date_precision: DatePrecision,
    pub date_basis: DateBasis,
    pub place: Option<PlaceRef>,
    pub figures: Figures,
    pub actors: Vec<Actor>,
    pub source: Source,
    pub sentence: [usize; 2],
    pub claims: Vec<Claim>,
}
