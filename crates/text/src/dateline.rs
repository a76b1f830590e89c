//! A publication date read from the text itself when the input's metadata has none.
//!
//! News copy often opens with a dateline ("CARACAS, Oct. 4, 2025 (Wire) —", "CIUDAD DE MÉXICO,
//! 5 de noviembre (EFE).") or carries a byline date on a line of its own ("Published October
//! 23, 2025"). Relative dates in the body ("on Saturday") can only be resolved against such a
//! date, so finding it matters. Only the first lines are looked at: a date deeper in the body
//! is an event date, not a publication date.
//!
//! A dateline without a year takes the year from the text: the latest month-and-year the body
//! mentions, moved forward a year if the dateline's month comes before it (an article dated "5
//! de enero" that mentions "septiembre de 2025" was written in January 2026).

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use sw_model::PublishedBasis;

/// How many leading bytes are searched for a dateline or byline.
const HEAD: usize = 600;

/// A publication date found in the text, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub date: NaiveDate,
    pub basis: PublishedBasis,
    /// Byte range of the date expression in the text.
    pub span: std::ops::Range<usize>,
    /// True when the year was not written and was inferred from the body.
    pub year_inferred: bool,
}

/// Compiled dateline patterns; build once.
pub struct DatelineFinder {
    months: Vec<(String, u32)>,
    en_dateline: Regex,
    es_dateline: Regex,
    byline: Regex,
    mentions: Regex,
    this_weekday: Regex,
    embed: Regex,
}

/// A post embedded in an article ("— Southern Command (@Southcom) January 23, 2026"): the
/// signature a social-media embed leaves in the text, with the day the post was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedPost {
    pub date: NaiveDate,
    /// Byte range of the signature.
    pub span: std::ops::Range<usize>,
}

impl Default for DatelineFinder {
    fn default() -> Self {
        Self::new()
    }
}

impl DatelineFinder {
    pub fn new() -> DatelineFinder {
        // the month names of every language (`data/lang/<code>/months.tsv`): a Spanish
        // article may carry an English dateline and the other way round
        let mut months: Vec<(String, u32)> = crate::langdata::LANGUAGES
            .iter()
            .flat_map(|l| l.month_names())
            .collect();
        // longest first so that "sept" wins over "sep" in the alternation
        months.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        // a name two languages share ("feb", "nov") once
        months.dedup();
        let alt = months
            .iter()
            .map(|(n, _)| regex::escape(n))
            .collect::<Vec<_>>()
            .join("|");
        let place = r"[\p{Lu}][\p{L}\p{M} .'’-]{1,48}?(?:,\s*[\p{L} .]{2,30}?)?";
        let en_dateline = Regex::new(&format!(
            r"(?m)^\s*{place},\s*(?i:(?P<mon>{alt}))\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?\b\s*(?:\([^)\n]{{1,60}}\))?\s*(?:—|–|-|\.|:|/)"
        ))
        .expect("en dateline");
        let es_dateline = Regex::new(&format!(
            r"(?m)^\s*{place},\s*(?P<day>\d{{1,2}})\s+(?i:de\s+)?(?i:(?P<mon>{alt}))\.?(?:\s+(?i:de|del)\s+(?P<year>(?:19|20)\d{{2}}))?\b\s*(?:\([^)\n]{{1,60}}\))?\s*(?:—|–|-|\.|:|/)"
        ))
        .expect("es dateline");
        let byline = Regex::new(&format!(
            r"(?mi)^\s*(?:(?:published|updated|posted|last updated|publicado|actualizado|fecha)\b[\s:\-–—]*(?:on\s+|el\s+)?)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo),?\s+)?(?:(?P<mon1>{alt})\.?\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year1>(?:19|20)\d{{2}})|(?P<day2>\d{{1,2}})\s+(?:de\s+)?(?P<mon2>{alt})\.?,?\s+(?:de\s+|del\s+)?(?P<year2>(?:19|20)\d{{2}})|(?P<iso>(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}))(?:[\s,|·-]+\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\s*$"
        ))
        .expect("byline");
        let mentions = Regex::new(&format!(
            r"(?i)\b(?P<mon>{alt})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:de\s+|del\s+)?(?P<year>20\d{{2}})\b"
        ))
        .expect("mentions");
        let this_weekday = Regex::new(
            r"(?i)\b(?:este|esta|this|today,?|hoy,?)\s+(lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        )
        .expect("this weekday");
        // "— Name (@handle) January 23, 2026" / "— Nombre (@cuenta) 23 de enero de 2026"
        let embed = Regex::new(&format!(
            r"[—–]\s*[^\n—–(]{{1,80}}\(@\w{{1,30}}\)\s+(?:(?i:(?P<mon1>{alt}))\.?\s+(?P<day1>\d{{1,2}}),?\s+(?P<year1>(?:19|20)\d{{2}})|(?P<day2>\d{{1,2}})\s+(?i:de\s+)?(?i:(?P<mon2>{alt}))\.?\s+(?i:de\s+|del\s+)?(?P<year2>(?:19|20)\d{{2}}))\b"
        ))
        .expect("embed");
        DatelineFinder {
            embed,
            this_weekday,
            months,
            en_dateline,
            es_dateline,
            byline,
            mentions,
        }
    }

    fn this_weekday(&self, text: &str) -> Option<chrono::Weekday> {
        use chrono::Weekday::*;
        let c = self.this_weekday.captures(text)?;
        Some(match c[1].to_lowercase().as_str() {
            "lunes" | "monday" => Mon,
            "martes" | "tuesday" => Tue,
            "miércoles" | "miercoles" | "wednesday" => Wed,
            "jueves" | "thursday" => Thu,
            "viernes" | "friday" => Fri,
            "sábado" | "sabado" | "saturday" => Sat,
            _ => Sun,
        })
    }

    fn month(&self, name: &str) -> Option<u32> {
        let name = name.to_lowercase();
        self.months
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, m)| *m)
    }

    /// Finds a publication date in the first lines of `text`. `reference` is the latest
    /// date the article can have been published (when it was captured or read); it is used
    /// only to place a year-less dateline whose body gives no year either.
    pub fn find(&self, text: &str, reference: Option<NaiveDate>) -> Option<FoundDate> {
        let mut end = text.len().min(HEAD);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let head = &text[..end];
        for (re, basis) in [
            (&self.en_dateline, PublishedBasis::Dateline),
            (&self.es_dateline, PublishedBasis::Dateline),
        ] {
            if let Some(c) = re.captures(head) {
                let m = self.month(&c["mon"])?;
                let day: u32 = c["day"].parse().ok()?;
                let whole = c.get(0).expect("match");
                let (year, inferred) = match c.name("year") {
                    Some(y) => (y.as_str().parse().ok()?, false),
                    // the body is what follows the dateline: a date above it is the page's
                    // (the day it was captured), not one the story mentions
                    None => (
                        self.infer_year(&text[whole.end()..], m, day, reference)?,
                        true,
                    ),
                };
                if let Some(date) = NaiveDate::from_ymd_opt(year, m, day) {
                    return Some(FoundDate {
                        date,
                        basis,
                        span: whole.start()..whole.end(),
                        year_inferred: inferred,
                    });
                }
            }
        }
        let c = self.byline.captures(head)?;
        let whole = c.get(0).expect("match");
        let date = if let Some(iso) = c.name("iso") {
            NaiveDate::parse_from_str(iso.as_str(), "%Y-%m-%d").ok()?
        } else {
            let (mon, day, year) = match (c.name("mon1"), c.name("mon2")) {
                (Some(m), _) => (m, &c["day1"], &c["year1"]),
                (None, Some(m)) => (m, &c["day2"], &c["year2"]),
                _ => return None,
            };
            NaiveDate::from_ymd_opt(
                year.parse().ok()?,
                self.month(mon.as_str())?,
                day.parse().ok()?,
            )?
        };
        Some(FoundDate {
            date,
            basis: PublishedBasis::Byline,
            span: whole.start()..whole.end(),
            year_inferred: false,
        })
    }

    /// Every embedded post's signature in `text`, in order. A post is made before the
    /// article that embeds it is published, and (when it announces an event) after the event.
    pub fn embedded_posts(&self, text: &str) -> Vec<EmbeddedPost> {
        self.embed
            .captures_iter(text)
            .filter_map(|c| {
                let (mon, day, year) = match (c.name("mon1"), c.name("mon2")) {
                    (Some(m), _) => (m, &c["day1"], &c["year1"]),
                    (None, Some(m)) => (m, &c["day2"], &c["year2"]),
                    _ => return None,
                };
                let date = NaiveDate::from_ymd_opt(
                    year.parse().ok()?,
                    self.month(mon.as_str())?,
                    day.parse().ok()?,
                )?;
                let whole = c.get(0)?;
                Some(EmbeddedPost {
                    date,
                    span: whole.start()..whole.end(),
                })
            })
            .collect()
    }

    /// The first day of the latest month the text names with its year ("in March 2026",
    /// "el 3 de enero de 2026"): what an article was written after.
    pub fn latest_mention(&self, text: &str) -> Option<NaiveDate> {
        self.mentions
            .captures_iter(text)
            .filter_map(|c| {
                NaiveDate::from_ymd_opt(c["year"].parse().ok()?, self.month(&c["mon"])?, 1)
            })
            .max()
    }

    /// The month and day of a dateline written without a year, whether or not the text
    /// gives the year ("WASHINGTON, Dec 31 (Wire) -"): what is left to place in time when
    /// [`DatelineFinder::find`] finds no year for it.
    pub fn month_day(&self, text: &str) -> Option<(u32, u32)> {
        let mut end = text.len().min(HEAD);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let head = &text[..end];
        [&self.en_dateline, &self.es_dateline]
            .into_iter()
            .find_map(|re| re.captures(head))
            .filter(|c| c.name("year").is_none())
            .and_then(|c| Some((self.month(&c["mon"])?, c["day"].parse().ok()?)))
    }

    /// The year of a dateline written without one: the latest month-year the body mentions,
    /// plus one if the dateline's month falls before that mention's month. With no dated
    /// mention, a "this Saturday" / "este sábado" in the body names the dateline's weekday:
    /// the latest year, not after `reference` and at most ten years before it, in which the
    /// dateline's day falls on that weekday.
    fn infer_year(
        &self,
        text: &str,
        month: u32,
        day: u32,
        reference: Option<NaiveDate>,
    ) -> Option<i32> {
        let Some(latest) = self.latest_mention(text) else {
            let weekday = self.this_weekday(text)?;
            let reference = reference?;
            return (0..=10).map(|back| reference.year() - back).find(|&y| {
                NaiveDate::from_ymd_opt(y, month, day)
                    .is_some_and(|d| d <= reference && d.weekday() == weekday)
            });
        };
        Some(if month < latest.month() {
            latest.year() + 1
        } else {
            latest.year()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(t: &str) -> Option<FoundDate> {
        DatelineFinder::new().find(t, None)
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn embedded_post_signatures() {
        let f = DatelineFinder::new();
        let t = "A strike was shown in a clip.\n\u{2014} Joint Task Force (@JTFexample) March 6, 2026\nMore text. \
                 Another post \u{2014} Comando Regional (@ComandoEj) 7 de marzo de 2026.";
        let posts = f.embedded_posts(t);
        assert_eq!(
            posts.iter().map(|p| p.date).collect::<Vec<_>>(),
            vec![d(2026, 3, 6), d(2026, 3, 7)]
        );
        assert!(t[posts[0].span.clone()].starts_with('\u{2014}'));
        // a handle without a date, or a date without a handle, is no signature
        assert!(f
            .embedded_posts("\u{2014} Someone (@someone) said more. \u{2014} March 6, 2026")
            .is_empty());
        assert_eq!(
            f.latest_mention("in October 2025 and again on 3 de enero de 2026"),
            Some(d(2026, 1, 1))
        );
    }

    #[test]
    fn english_datelines() {
        let f = find("PORT OF SPAIN, Oct. 4, 2025 (Harbor Ledger) — A strike hit a boat.").unwrap();
        assert_eq!(
            (f.date, f.basis, f.year_inferred),
            (d(2025, 10, 4), PublishedBasis::Dateline, false)
        );
        let f = find("Guacamaya, October 23, 2025. The fishermen said...").unwrap();
        assert_eq!(f.date, d(2025, 10, 23));
        let t = "Puerto Cabello, Sept. 16, 2025 — text";
        let f = find(t).unwrap();
        assert_eq!(&t[f.span.clone()], "Puerto Cabello, Sept. 16, 2025 —");
    }

    #[test]
    fn spanish_dateline_with_year_inferred_from_body() {
        let t = "CIUDAD DE MÉXICO, 5 de noviembre (Diario del Istmo). Desde septiembre de 2025 los ataques...";
        let f = find(t).unwrap();
        assert_eq!(f.date, d(2025, 11, 5));
        assert!(f.year_inferred);
        // a January dateline in a story that looks back to the autumn belongs to the next year
        let t = "BOGOTÁ, 8 de enero (Noticias Bahía). La campaña empezó en septiembre de 2025 y siguió en diciembre de 2025.";
        assert_eq!(find(t).unwrap().date, d(2026, 1, 8));
    }

    #[test]
    fn a_page_date_above_the_dateline_gives_it_no_year() {
        // the banner is the day the page was captured, weeks after the story
        let t = "Monday, March 9, 2026\nMenu\n\nQUITO, Dec 30 (Wire) - A strike hit a boat. The campaign began in September 2025.";
        assert_eq!(find(t).unwrap().date, d(2025, 12, 30));
        let t =
            "Monday, March 9, 2026\nMenu\n\nQUITO, Dec 30 (Wire) - A strike hit a boat on Tuesday.";
        assert_eq!(find(t), None);
    }

    #[test]
    fn month_and_day_of_a_dateline_without_a_year() {
        let f = DatelineFinder::new();
        let t = "Monday, March 9, 2026\n\nQUITO, Dec 30 (Wire) - A strike hit a boat on Tuesday.";
        assert_eq!(f.month_day(t), Some((12, 30)));
        assert_eq!(f.month_day("QUITO, Dec 30, 2025 (Wire) - A strike."), None);
        assert_eq!(f.month_day("A strike hit a boat on Tuesday."), None);
    }

    #[test]
    fn year_from_a_this_weekday_cue_and_the_reference_date() {
        let t = "BOGOTÁ, 18 de octubre (Noticias Bahía). El presidente dijo este sábado que hubo dos muertos.";
        let f = DatelineFinder::new()
            .find(t, Some(d(2026, 11, 21)))
            .unwrap();
        // 18 October was a Saturday in 2025 (and not in 2026)
        assert_eq!((f.date, f.year_inferred), (d(2025, 10, 18), true));
        // without a reference date there is nothing to anchor the weekday to
        assert_eq!(find(t), None);
        // a weekday that matches no year in the window gives nothing rather than a guess
        let t = "LIMA, 18 de octubre (Agencia). El ministro habló este martes.";
        assert_eq!(
            DatelineFinder::new()
                .find(t, Some(d(2025, 11, 1)))
                .map(|f| f.date),
            Some(d(2022, 10, 18))
        );
    }

    #[test]
    fn no_year_and_no_dated_mention_gives_nothing() {
        assert_eq!(
            find("LIMA, 5 de noviembre (Agencia). Un ataque dejó tres muertos."),
            None
        );
    }

    #[test]
    fn bylines() {
        let f = find("Some headline\nPublished October 23, 2025 10:41 AM EDT\n\nBody.").unwrap();
        assert_eq!((f.date, f.basis), (d(2025, 10, 23), PublishedBasis::Byline));
        assert_eq!(
            find("Titular\n12 de diciembre de 2025\nCuerpo")
                .unwrap()
                .date,
            d(2025, 12, 12)
        );
        assert_eq!(
            find("Updated: 2026-01-03\nBody").unwrap().date,
            d(2026, 1, 3)
        );
    }

    #[test]
    fn dates_deep_in_the_body_or_invalid_are_not_publication_dates() {
        let mut t = "x ".repeat(400);
        t.push_str("\nCARACAS, Oct. 4, 2025 — late dateline");
        assert_eq!(find(&t), None);
        assert_eq!(find("CARACAS, Feb. 31, 2025 — impossible day"), None);
        assert_eq!(find("The strike on Oct. 4, 2025 killed six."), None);
    }
}
