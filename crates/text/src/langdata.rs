//! The month names and function words of each language, kept once (`data/lang/<code>/`) and
//! read by both sw-text (datelines, language detection) and the extractor (`sw-extract`
//! reads them as two of the files of a language's lexicon).
//!
//! Why here: sw-text reads them before anything is extracted, and sw-extract depends on
//! sw-text, so this is the one home both can reach. The files are embedded at build time.
//!
//! - `months.tsv`: `name<TAB>month[<TAB>flags]`; the flags (`needs_day`, `capital`,
//!   `dateline`) concern the extractor only, sw-text reads every row.
//! - `function_words.tsv`: `word<TAB>uses`, uses among `detect` (counted by [`crate::lang`]),
//!   `sentence` and `marker` (read by the extractor).

/// The shared files of one language.
#[derive(Debug, Clone, Copy)]
pub struct LangData {
    /// ISO 639-1 code, as in the extractor's language registry.
    pub code: &'static str,
    /// The text of `months.tsv`.
    pub months: &'static str,
    /// The text of `function_words.tsv`.
    pub function_words: &'static str,
}

/// Every language sw-text has data for, in a fixed order.
pub const LANGUAGES: &[LangData] = &[
    LangData {
        code: "en",
        months: include_str!("../data/lang/en/months.tsv"),
        function_words: include_str!("../data/lang/en/function_words.tsv"),
    },
    LangData {
        code: "es",
        months: include_str!("../data/lang/es/months.tsv"),
        function_words: include_str!("../data/lang/es/function_words.tsv"),
    },
];

/// The shared files of the language `code`, if sw-text has them.
pub fn get(code: &str) -> Option<&'static LangData> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// The data rows of a shared file: comment and blank lines left out, columns trimmed.
pub fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

impl LangData {
    /// Every month name (lower case) with its number, flags ignored.
    pub fn month_names(&self) -> impl Iterator<Item = (String, u32)> + '_ {
        rows(self.months).filter_map(|c| Some((c.first()?.to_lowercase(), c.get(1)?.parse().ok()?)))
    }

    /// The function words counted by language detection.
    pub fn detection_words(&self) -> impl Iterator<Item = &'static str> {
        rows(self.function_words).filter_map(|c| {
            c.get(1)
                .is_some_and(|uses| uses.split(',').any(|u| u.trim() == "detect"))
                .then_some(c[0])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_months_and_detection_words() {
        for l in LANGUAGES {
            let months: Vec<_> = l.month_names().collect();
            for m in 1..=12 {
                assert!(months.iter().any(|(_, n)| *n == m), "{} month {m}", l.code);
            }
            assert!(l.detection_words().count() > 10, "{}", l.code);
        }
        assert!(get("es").is_some() && get("pt").is_none());
    }
}
