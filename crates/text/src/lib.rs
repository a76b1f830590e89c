//! Pure text handling: everything between "bytes decoded to a string" and "a text the
//! extraction core can read". No I/O, no clock: the same input always gives the same output.
//!
//! - [`normalize`]: Unicode NFC, whitespace, boilerplate lines, glued sentences.
//! - [`lang`]: English / Spanish / other.
//! - [`langdata`]: each language's month names and function words, shared with the extractor.
//! - [`dateline`]: a publication date read from a dateline or byline when metadata has none.
//! - [`segment`]: sentence boundaries as byte ranges into the normalised text.

pub mod dateline;
pub mod lang;
pub mod langdata;
pub mod normalize;
pub mod segment;

use sw_model::{Article, Document, PublishedBasis};

/// The normalisation tools, compiled once per run.
#[derive(Default)]
pub struct Preparer {
    normalizer: normalize::Normalizer,
    datelines: dateline::DatelineFinder,
}

impl Preparer {
    pub fn new() -> Preparer {
        Preparer::default()
    }

    /// Turns a parsed document into the article that is stored: normalised text and title,
    /// language detected unless the input declared one, and a publication date from a
    /// dateline or byline when the input's metadata had none (or only a capture date).
    ///
    /// `reference` is the latest date the article can carry (when it was captured or read);
    /// see [`dateline::DatelineFinder::find`].
    pub fn prepare(
        &self,
        doc: Document,
        reference: Option<chrono::NaiveDate>,
    ) -> (Article, normalize::Stats) {
        let (text, stats) = self.normalizer.normalize(&doc.text);
        let title = doc
            .title
            .map(|t| self.normalizer.normalize(&t).0.replace('\n', " "))
            .filter(|t| !t.is_empty());
        let lang = doc.lang.unwrap_or_else(|| lang::detect(&text));
        let (mut published, mut basis) = (doc.published, doc.published_basis);
        if matches!(basis, PublishedBasis::None | PublishedBasis::Capture) || published.is_none() {
            if let Some(found) = self.datelines.find(&text, reference) {
                published = Some(found.date);
                basis = found.basis;
            }
        }
        if published.is_none() {
            basis = PublishedBasis::None;
        }
        let article = Article {
            url: doc.url,
            outlet: doc.outlet,
            published,
            published_basis: basis,
            title,
            lang,
            text,
        };
        (article, stats)
    }
}
