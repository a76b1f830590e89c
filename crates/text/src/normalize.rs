//! Text normalisation: the one place where a decoded article body becomes the stored text that
//! every later byte span points into. Whatever is done here is done once, before storage, so
//! spans never need remapping.
//!
//! Steps, in order: drop control and zero-width characters, Unicode NFC, unify line breaks and
//! spaces, drop page-furniture lines (data file `data/boilerplate.tsv`), split sentences that
//! lost the space after their full stop ("crisis.According to"), collapse blank runs.

use regex::{Regex, RegexSet};
use unicode_normalization::UnicodeNormalization;

const BOILERPLATE: &str = include_str!("../data/boilerplate.tsv");

/// What normalisation removed, so that ingest can report it instead of dropping it silently.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    pub boilerplate_lines: usize,
    pub glued_sentences: usize,
}

/// Compiled normalisation rules. Build once and reuse: compiling the patterns is the costly part.
pub struct Normalizer {
    lines: RegexSet,
    blocks: RegexSet,
    glued: Regex,
    glued_headline: Regex,
}

impl Default for Normalizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Normalizer {
    pub fn new() -> Normalizer {
        let mut line_pats = Vec::new();
        let mut block_pats = Vec::new();
        for row in BOILERPLATE.lines() {
            let row = row.trim_end();
            if row.is_empty() || row.starts_with('#') {
                continue;
            }
            let (pat, action) = row.rsplit_once('\t').unwrap_or((row, "line"));
            let pat = format!("(?i){pat}");
            if action.trim() == "block" {
                block_pats.push(pat);
            } else {
                line_pats.push(pat);
            }
        }
        Normalizer {
            lines: RegexSet::new(&line_pats).expect("boilerplate.tsv: invalid pattern"),
            blocks: RegexSet::new(&block_pats).expect("boilerplate.tsv: invalid pattern"),
            // A lower-case word of two or more letters, a sentence end, then a capitalised
            // word with no space between: the signature of paragraphs glued by a scraper.
            // Upper case before the stop ("U.S.Navy") and single letters ("Ph.D") do not match.
            glued: Regex::new(r#"(\p{Ll}{2}[.!?]["”’»)]?)(["“‘«]?\p{Lu}\p{Ll})"#)
                .expect("glued pattern"),
            // A figure run into a capitalised word ("toll now 93The navy said"):
            // a headline or caption glued to the paragraph after it with no stop at all.
            glued_headline: Regex::new(r"(\p{Nd})(\p{Lu}\p{Ll}{2})").expect("glued pattern"),
        }
    }

    /// Normalises `raw` and reports what was removed.
    pub fn normalize(&self, raw: &str) -> (String, Stats) {
        let mut stats = Stats::default();
        let cleaned: String = raw
            .chars()
            .filter_map(|c| match c {
                '\r' => None,
                '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}' => Some('\n'),
                '\t'
                | '\u{A0}'
                | '\u{2000}'..='\u{200A}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}' => Some(' '),
                // zero-width and direction marks carry no text and break word matching
                '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{AD}' => None,
                c if c.is_control() && c != '\n' => None,
                c => Some(c),
            })
            .nfc()
            .collect();

        let mut out = String::with_capacity(cleaned.len());
        let mut in_block = false;
        let mut blank_run = 0usize;
        for line in cleaned.split('\n') {
            let line = collapse_spaces(line.trim());
            if line.is_empty() {
                in_block = false;
                blank_run += 1;
                continue;
            }
            if in_block && line.chars().count() <= 120 && !line.ends_with('.') {
                stats.boilerplate_lines += 1;
                continue;
            }
            in_block = false;
            if self.blocks.is_match(&line) {
                stats.boilerplate_lines += 1;
                in_block = true;
                continue;
            }
            if line.chars().count() <= 200 && self.lines.is_match(&line) {
                stats.boilerplate_lines += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
            }
            blank_run = 0;
            let fixed = self.glued.replace_all(&line, "$1 $2");
            if let std::borrow::Cow::Owned(_) = fixed {
                stats.glued_sentences += self.glued.find_iter(&line).count();
            }
            let split = self.glued_headline.replace_all(&fixed, "$1\n$2");
            if let std::borrow::Cow::Owned(_) = split {
                stats.glued_sentences += self.glued_headline.find_iter(&fixed).count();
            }
            out.push_str(&split);
        }
        (out, stats)
    }
}

fn collapse_spaces(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    let mut prev_space = false;
    for c in line.chars() {
        if c == ' ' {
            if !prev_space {
                s.push(' ');
            }
            prev_space = true;
        } else {
            s.push(c);
            prev_space = false;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalizer::new().normalize(s).0
    }

    #[test]
    fn nfc_and_whitespace() {
        // "e" + combining acute becomes one code point; tabs, NBSP and runs of spaces fold
        assert_eq!(
            norm("Cafe\u{301}\tde\u{A0}\u{A0}Bogota  hoy"),
            "Café de Bogota hoy"
        );
        assert_eq!(norm("one\r\ntwo\r\n\r\n\r\n\r\nthree"), "one\ntwo\n\nthree");
        assert_eq!(norm("  \u{FEFF}zero\u{200B}width\u{200D} "), "zerowidth");
    }

    #[test]
    fn boilerplate_lines_are_dropped_and_counted() {
        let (t, st) = Normalizer::new().normalize(
            "A boat was hit on Tuesday.\nCategories: World, Americas\nAround the web\n\
             Please enable JavaScript to view the comments.\nShare this article\nThe end.",
        );
        assert_eq!(t, "A boat was hit on Tuesday.\nThe end.");
        assert_eq!(st.boilerplate_lines, 4);
    }

    #[test]
    fn related_block_is_dropped_up_to_blank_line() {
        let t = norm(
            "Body text here.\n\nRelated:\nFirst other story\nSecond other story\n\nMore body.",
        );
        assert_eq!(t, "Body text here.\n\nMore body.");
    }

    /// Lines written for this test: a related-story teaser and a "most read" rail carry
    /// headlines of other events that must never feed this article's events.
    #[test]
    fn teasers_of_other_stories_are_dropped() {
        let t = norm(
            "Troops clashed with gunmen on Monday.\nEn contexto: El Ejército bombardea un campamento en el sur\n\
             Most read\nAirstrike kills twelve in the north\nMinister resigns\n\nThe army said two died.",
        );
        assert_eq!(
            t,
            "Troops clashed with gunmen on Monday.\n\nThe army said two died."
        );
    }

    #[test]
    fn a_sentence_that_merely_starts_like_boilerplate_is_kept() {
        let line = "Comments made by the minister on Friday drew criticism from lawmakers in both parties.";
        assert_eq!(norm(line), line);
    }

    #[test]
    fn a_headline_run_into_its_paragraph_is_split() {
        let (t, st) = Normalizer::new().normalize(
            "Toll of the campaign now at least 93The navy said on Monday it struck again.",
        );
        assert_eq!(
            t,
            "Toll of the campaign now at least 93\nThe navy said on Monday it struck again."
        );
        assert_eq!(st.glued_sentences, 1);
        // figures with units or ordinals are left alone
        let (t, _) = Normalizer::new().normalize("A 4x4 and 3rd fleet F16s flew 12km.");
        assert_eq!(t, "A 4x4 and 3rd fleet F16s flew 12km.");
    }

    #[test]
    fn glued_sentences_are_split() {
        let (t, st) = Normalizer::new()
            .normalize("a worsening addiction crisis.According to officials, it began.");
        assert_eq!(
            t,
            "a worsening addiction crisis. According to officials, it began."
        );
        assert_eq!(st.glued_sentences, 1);
        assert_eq!(
            norm("dijo el ministro.”El ataque"),
            "dijo el ministro.” El ataque"
        );
    }

    #[test]
    fn abbreviations_are_not_split() {
        for s in [
            "The U.S.Navy ship",
            "a Ph.D in law",
            "EE.UU. dijo",
            "version 2.0 is out",
        ] {
            assert_eq!(norm(s), s);
        }
    }
}
