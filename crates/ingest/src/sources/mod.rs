//! One module per input format, each with the same shape: `parse(unit, ..) -> Parsed`.
//! Adding a format means adding a module here and a line in `crate::parse`.

pub mod feed;
pub mod html;
pub mod jsonl;
pub mod text;

use sw_model::{Lang, PublishedBasis};

use crate::UnitMeta;

/// The publication date a unit's metadata gives, with its basis. A WARC capture date is only
/// an upper bound, and is marked so that a dateline in the text can take precedence.
pub(crate) fn meta_date(meta: &UnitMeta) -> (Option<chrono::NaiveDate>, PublishedBasis) {
    match meta.published.as_deref().and_then(crate::parse_date) {
        Some(d) if meta.published_is_capture => (Some(d), PublishedBasis::Capture),
        Some(d) => (Some(d), PublishedBasis::Metadata),
        None => (None, PublishedBasis::None),
    }
}

pub(crate) fn meta_lang(meta: &UnitMeta) -> Option<Lang> {
    meta.lang.as_deref().map(Lang::parse)
}

pub(crate) fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}
