//! Plain data types that several strikewatch crates must agree on.
//!
//! Kept in a crate of its own so that the pure crates (`sw-text`, `sw-extract`) and the I/O
//! crates (`sw-ingest`, `sw-store`) can share vocabulary without depending on each other.
//!
//! ```
//! use sw_model::Lang;
//! assert_eq!(Lang::parse("ES"), Lang::Es);
//! assert_eq!(Lang::Es.code(), "es");
//! use sw_model::Format;
//! assert_eq!(Format::parse(Format::Warc.code()), Some(Format::Warc));
//! assert_eq!(Format::parse("pdf"), None);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod report;
pub use report::{
    Actor, ActorValue, Claim, ClaimField, ClaimValue, DateBasis, DatePrecision, EventType, Field,
    Figure, FigureValue, Figures, Modality, PlaceRef, Report, ReportKind, Role, Source, SourceKind,
    TargetKind, When, RAISED_RULE, WINDOW_DAYS,
};

/// The languages the codebook is written for; everything else is `Other` and is stored but
/// not extracted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Es,
    #[default]
    Other,
}

impl Lang {
    /// Reads an ISO 639-1 code or a language name, leniently ("en-US", "Spanish", "español").
    pub fn parse(s: &str) -> Lang {
        let s = s.trim().to_ascii_lowercase();
        let head = s.split(['-', '_']).next().unwrap_or("");
        match head {
            "en" | "eng" | "english" => Lang::En,
            "es" | "spa" | "spanish" | "español" | "espanol" => Lang::Es,
            _ => Lang::Other,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Other => "other",
        }
    }
}

/// Where an article's publication date came from, so a reader can tell a date the publisher
/// stated from one we inferred out of a dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PublishedBasis {
    /// Given by the user on the command line or in a JSONL record.
    Metadata,
    /// Read from the page's own metadata (meta tags, JSON-LD) by the body extractor.
    Page,
    /// Read from a feed item's published/updated field.
    Feed,
    /// Read from the WARC record's capture date (an upper bound on publication).
    Capture,
    /// Read from a dateline at the start of the text ("CARACAS, Oct. 3 (Wire) —").
    Dateline,
    /// Read from a byline or a date line standing on its own ("Published October 23, 2025").
    Byline,
    /// No date could be found.
    #[default]
    None,
}

impl PublishedBasis {
    pub fn code(self) -> &'static str {
        match self {
            PublishedBasis::Metadata => "metadata",
            PublishedBasis::Page => "page",
            PublishedBasis::Feed => "feed",
            PublishedBasis::Capture => "capture",
            PublishedBasis::Dateline => "dateline",
            PublishedBasis::Byline => "byline",
            PublishedBasis::None => "none",
        }
    }
}

/// The input formats strikewatch reads. `Directory`, standard input and URLs are ways of
/// reaching inputs, not formats, so they are not here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Feed,
    Warc,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Feed => "feed",
            Format::Warc => "warc",
        }
    }

    /// The inverse of [`Format::code`].
    pub fn parse(code: &str) -> Option<Format> {
        [
            Format::Text,
            Format::Html,
            Format::Jsonl,
            Format::Feed,
            Format::Warc,
        ]
        .into_iter()
        .find(|f| f.code() == code)
    }
}

/// One article as a source yields it, before normalisation: metadata may be missing and the
/// text is whatever the decoder and body extractor produced.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_basis: PublishedBasis,
    pub title: Option<String>,
    /// The language the input declared, if any; detection fills it in otherwise.
    pub lang: Option<Lang>,
    pub text: String,
}

/// An article after normalisation, ready to store: the text is the one every byte span
/// produced later points into.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_basis: PublishedBasis,
    pub title: Option<String>,
    pub lang: Lang,
    pub text: String,
}
