//! Reading news inputs.
//!
//! Two steps, kept apart so that raw bytes can be stored before anything is parsed:
//!
//! 1. [`walk`] turns what the user named (files, folders, `-`, URLs) into a stream of
//!    [`Item`]s: either a [`Unit`] — the bytes of one parseable thing, with its format and
//!    metadata — or a failure to read, naming the input. A JSONL file yields one unit per
//!    line and a WARC one unit per HTML response record, so huge inputs stream in bounded
//!    memory.
//! 2. [`parse`] turns one unit into [`Document`]s (one, or one per feed item). It is a pure
//!    function of the unit's bytes and metadata: a resumed ingest re-parses stored units and
//!    gets the same result.
//!
//! Every input format is a module under `sources/` with the same shape. Bounds: a byte cap per
//! unit ([`Limits::max_bytes`]), an HTML nesting cap, XML entity declarations refused, network
//! timeouts and a redirect cap.
//!
//! ```
//! use sw_ingest::{parse, Limits, Unit, UnitMeta};
//! use sw_model::Format;
//! let unit = Unit {
//!     locator: "inline".into(),
//!     format: Format::Jsonl,
//!     bytes: br#"{"url":"https://x.example/1","outlet":"Wire","published":"2025-10-03","lang":"en","title":"T","text":"Body."}"#.to_vec(),
//!     meta: UnitMeta::default(),
//! };
//! let out = parse(&unit, &Limits::default()).unwrap();
//! assert_eq!(out.documents[0].text, "Body.");
//! ```

mod dateline;
mod decode;
mod detect;
mod fetch;
mod locate;
pub mod sources;

pub use detect::{binary_kind, detect_format, looks_binary};
pub use fetch::{Fetched, Fetcher, PollError, Polled, USER_AGENT};
pub use locate::{container_of, walk};

use serde::{Deserialize, Serialize};
use sw_model::{Document, Format};

/// Bounds that keep memory and time finite whatever the input.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest unit (file, line, record, HTTP body) read, in bytes.
    pub max_bytes: usize,
    /// Deepest HTML element nesting accepted.
    pub max_depth: usize,
    /// Deadline for one fetch: connecting, headers and the whole body.
    pub timeout: std::time::Duration,
    /// Redirects followed per request.
    pub max_redirects: usize,
    /// Fetch from loopback, private, link-local and other non-public addresses too. Off by
    /// default: a feed names the pages `--fetch-links` reads, and must not be able to make
    /// strikewatch read the user's own machine or network (see `fetch`).
    pub allow_private_addresses: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 256,
            timeout: std::time::Duration::from_secs(30),
            max_redirects: 5,
            allow_private_addresses: false,
        }
    }
}

/// What the user asked for, beyond the inputs themselves.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force a format instead of detecting it.
    pub format: Option<Format>,
    /// Metadata given on the command line; applies to every unit that lacks its own.
    pub meta: UnitMeta,
    /// Fetch the page each feed item links to and read it instead of the item's summary.
    pub fetch_links: bool,
    pub limits: Limits,
}

/// Metadata that travels with a unit's bytes. Stored beside the raw bytes so that a resumed
/// parse sees exactly what the first one saw.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnitMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// "YYYY-MM-DD" (or an RFC 3339 timestamp)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The HTTP Content-Type the bytes arrived with, for the charset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Set when `published` is a capture date (WARC) rather than a publication date.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub published_is_capture: bool,
    /// Item pages fetched for a feed with `--fetch-links`, by item link.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked_pages: Vec<(String, String)>,
}

impl UnitMeta {
    /// Fills the fields this one lacks from `other` (command-line metadata under a unit's own).
    pub fn or(mut self, other: &UnitMeta) -> UnitMeta {
        self.url = self.url.or_else(|| other.url.clone());
        self.outlet = self.outlet.or_else(|| other.outlet.clone());
        self.published = self.published.or_else(|| other.published.clone());
        self.title = self.title.or_else(|| other.title.clone());
        self.lang = self.lang.or_else(|| other.lang.clone());
        self
    }
}

/// The bytes of one parseable thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub locator: String,
    pub format: Format,
    pub bytes: Vec<u8>,
    pub meta: UnitMeta,
}

/// What [`walk`] yields.
#[derive(Debug)]
pub enum Item {
    Unit(Unit),
    /// The input could not be read at all; `error` is one line saying why.
    Unreadable {
        locator: String,
        error: String,
    },
    /// Something was passed over on purpose (a file of an unknown kind inside a folder, a
    /// non-HTML WARC record); reported so that nothing is dropped silently.
    Skipped {
        locator: String,
        reason: String,
    },
}

/// The documents one unit holds, and item-level problems that did not sink the whole unit.
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    pub warnings: Vec<String>,
}

/// Why a unit could not be parsed: one line, for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

/// Parses one unit. Pure: depends only on the unit and the limits.
pub fn parse(unit: &Unit, limits: &Limits) -> Result<Parsed, ParseError> {
    if unit.bytes.len() > limits.max_bytes {
        return Err(ParseError(format!(
            "{} bytes is over the {}-byte limit (raise it with --max-bytes)",
            unit.bytes.len(),
            limits.max_bytes
        )));
    }
    // `walk` refuses these already; a unit from elsewhere (a WARC record's body, a stored
    // unit) is checked here
    if let Some(kind) = binary_kind(&unit.bytes) {
        return Err(ParseError(format!(
            "binary content ({kind}, by its first bytes), not an article"
        )));
    }
    let mut parsed = match unit.format {
        Format::Text => sources::text::parse(unit),
        Format::Html => sources::html::parse(unit, limits),
        Format::Jsonl => sources::jsonl::parse(unit, limits),
        Format::Feed => sources::feed::parse(unit, limits),
        // WARC files are split into HTML units by `walk`; a WARC unit only reaches here when
        // stored whole by an older run.
        Format::Warc => Err(ParseError(
            "a WARC archive must be read through walk(), not parsed as one unit".into(),
        )),
    }?;
    drop_non_web_urls(&mut parsed);
    credit_datelines(&mut parsed);
    Ok(parsed)
}

/// An article whose input names no outlet (plain text, a JSONL line without one) is
/// credited to the agency its dateline names ("CARACAS (AP) — ..."), else to its URL's host:
/// never left to no one when the article itself says who wrote it or where it was read.
fn credit_datelines(parsed: &mut Parsed) {
    for doc in parsed.documents.iter_mut().filter(|d| d.outlet.is_none()) {
        doc.outlet = dateline::outlet(&doc.text).or_else(|| {
            let url = reqwest::Url::parse(doc.url.as_deref()?).ok()?;
            let host = url.host_str()?;
            Some(host.strip_prefix("www.").unwrap_or(host).to_string())
        });
    }
}

/// An article's url is a link readers follow (the web app renders it as one): only an
/// absolute http(s) address is kept. A `javascript:` or `data:` url (from a feed, a JSONL
/// line, a page's canonical link or the command line) would be a script in a link, and a
/// relative or local one leads nowhere; each is dropped with a note.
fn drop_non_web_urls(parsed: &mut Parsed) {
    let many = parsed.documents.len() > 1;
    for (i, doc) in parsed.documents.iter_mut().enumerate() {
        let Some(url) = &doc.url else { continue };
        let web = reqwest::Url::parse(url)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
        if web {
            continue;
        }
        let shown: String = url.chars().take(60).collect();
        let more = if shown.len() < url.len() { "..." } else { "" };
        let item = if many {
            format!("item {i}: ")
        } else {
            String::new()
        };
        parsed.warnings.push(format!(
            "{item}url {shown:?}{more} is not an http(s) address: not stored"
        ));
        doc.url = None;
    }
}

/// Reads "YYYY-MM-DD" or an RFC 3339 / RFC 2822 timestamp; the date part only.
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(head) = s.get(..10) {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d") {
            return Some(d);
        }
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    None
}
