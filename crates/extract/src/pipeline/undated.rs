//! Articles with no publication date: what dates them from outside their text
//! ([`DateHints`]: the corpus's dated articles) or from inside it (an embedded post, a full
//! date the text writes), and how each date read that way says so in its rule.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::dating::YearFrom;
use crate::dates::{self, DateKind};
use crate::lexicon::LangLex;
use crate::pipeline::Extractor;
use crate::tokens::tokenize;
use crate::{ClaimField, DateBasis, DatePrecision, EventType, Report};

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
    /// The reports of an article with no publication date, read in language `li`, with
    /// what is known of its time from outside its text: a dateline without a year placed by
    /// the corpus's span; the lead weekday dated in the window its running total was
    /// reached in, or in the week up to a post it embeds; else a year for dates written
    /// without one (from a rough date, a weekday written beside a date, or the span).
    pub(super) fn undated(
        &self,
        li: usize,
        text: &str,
        sents: &[Range<usize>],
        hints: &DateHints,
    ) -> Vec<Report> {
        let l = self.langs.lex(li);
        // a dateline without a year ("WASHINGTON, Dec 31 (Wire) -") is the publication day
        // when one year only puts it inside the corpus's span
        if let Some(p) = hints.span.and_then(|(a, b)| {
            let (m, d) = self.datelines.month_day(text)?;
            dates::only_year_within(m, d, a, b)
        }) {
            return dateline_publication(self.run(text, li, sents, Some(p), None));
        }
        if let Some(p) = hints
            .lead_window
            .and_then(|w| self.lead_weekday(l, text, sents).map(|wd| (w, wd)))
            .and_then(|((a, b), wd)| pick_weekday(a, b, wd))
        {
            return estimated_publication(self.run(text, li, sents, Some(p), None));
        }
        // a post the article embeds, announcing a strike: made on or after the strike and
        // on or before the article, so the lead weekday falls in the week up to the post
        if let Some(p) = self
            .embed_window(l, text)
            .and_then(|(a, b)| self.lead_weekday(l, text, sents).map(|wd| (a, b, wd)))
            .and_then(|(a, b, wd)| pick_weekday(a, b, wd))
        {
            return estimated_publication(self.run(text, li, sents, Some(p), None));
        }
        let year_ref = match (hints.year_reference, hints.span) {
            (Some(d), _) => Some((
                YearFrom::Near(d),
                "date.explicit.month_day.year_from_reference",
            )),
            (None, Some((a, b))) => {
                Some(match self.named_weekday_date(l, text, sents, a.year(), b) {
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
                })
            }
            (None, None) => None,
        };
        self.run(text, li, sents, None, year_ref)
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

    /// The latest "Friday, Jan. 2" of the article, each in the latest year from `first` on
    /// in which that day falls on that weekday, and not after `last` (the corpus's last
    /// publication): a year for the dates written without one.
    fn named_weekday_date(
        &self,
        l: &LangLex,
        text: &str,
        sents: &[Range<usize>],
        first: i32,
        last: NaiveDate,
    ) -> Option<NaiveDate> {
        let mut best: Option<NaiveDate> = None;
        for r in sents {
            let toks = tokenize(&text[r.clone()], r.start);
            for d in dates::find(&toks, text, &l.dates, None) {
                let (Some(wd), Some((m, day))) = (d.named_weekday, d.month_day) else {
                    continue;
                };
                let fit = (first.max(last.year() - 20)..=last.year())
                    .rev()
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, m, day))
                    .find(|x| *x <= last && x.weekday().num_days_from_monday() == wd);
                best = best.max(fit);
            }
        }
        best
    }

    /// Where the dates of an article with no publication date written without a year take
    /// it from: what the text itself says of when it was written, else `hint` (from the
    /// corpus). The text's latest date written with a year ("September 2, 2025") gives the
    /// year that puts such a date nearest. A month and year ("December 2024", read as its
    /// middle) is often background ("designated in September 2019"): it counts only against
    /// the corpus's span, when it falls within [`MONTH_YEAR_REACH_DAYS`] of its last
    /// publication (and says so in its rule, to be read again when the span changes). The
    /// latest day the text tells an event on with the weekday written beside it ("the
    /// strike on Sunday, March 30, 2025": a caption, a lead) is the day its relative
    /// weekdays are read near; a full date alone may be background ("an Oct. 16, 2025
    /// strike") or the page's banner, and anchors no weekday.
    pub(super) fn text_year_ref(
        &self,
        li: usize,
        text: &str,
        sents: &[Range<usize>],
        hint: Option<(YearFrom, &'static str)>,
    ) -> Option<(YearFrom, &'static str)> {
        let mut full: Option<NaiveDate> = None;
        let mut month: Option<NaiveDate> = None;
        let mut anchor: Option<NaiveDate> = None;
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
                let mut told: Option<bool> = None;
                for d in dates::find(&toks, text, &lex.dates, None) {
                    if d.kind == DateKind::MonthDay && d.month_day.is_none() {
                        full = full.max(d.day);
                    }
                    if matches!(d.kind, DateKind::MonthOnly | DateKind::Since)
                        && d.precision == DatePrecision::Month
                    {
                        month = month.max(d.date.as_deref().and_then(month_middle));
                    }
                    if d.named_weekday.is_some() && d.month_day.is_none() {
                        let event = *told.get_or_insert_with(|| {
                            (0..toks.len()).any(|i| lex.events.at(&toks, i).is_some())
                        });
                        if event {
                            anchor = anchor.max(d.day);
                        }
                    }
                }
            }
        }
        let recent = |m: &NaiveDate| match hint {
            Some((YearFrom::Within(_, last), _)) => {
                (*m - last).num_days() >= -MONTH_YEAR_REACH_DAYS
            }
            _ => false,
        };
        match (full, month.filter(recent)) {
            (f, Some(m)) if f.is_none_or(|f| m > f) => Some((
                YearFrom::Text(m, anchor),
                "date.explicit.month_day.year_from_text.year_from_span",
            )),
            (Some(f), _) => Some((
                YearFrom::Text(f, anchor),
                "date.explicit.month_day.year_from_text",
            )),
            _ => hint,
        }
    }
}

/// The middle of a month written "2024-12".
fn month_middle(m: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{m}-15"), "%Y-%m-%d").ok()
}

/// How long before the corpus's last publication a month and year an undated article
/// names may fall and still give a year to its dates written without one.
const MONTH_YEAR_REACH_DAYS: i64 = 730;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_lead_weekday_is_the_one_nearest_the_middle_of_its_window() {
        // 2025-11-03 is a Monday; the window's middle is the 8th
        assert_eq!(
            pick_weekday(d(2025, 11, 3), d(2025, 11, 13), 3),
            Some(d(2025, 11, 6))
        );
        assert_eq!(pick_weekday(d(2025, 11, 3), d(2025, 11, 5), 6), None);
        // a window of two weeks or more dates nothing
        assert_eq!(pick_weekday(d(2025, 11, 1), d(2025, 11, 20), 0), None);
    }

    #[test]
    fn an_estimated_publication_drops_the_date_it_only_restated() {
        let mut r = super::super::testing::extractor().extract(
            "A strike hit a boat on Monday, killing two. Since September, strikes have killed 80.",
            sw_model::Lang::En,
            Some(d(2025, 11, 5)),
        );
        assert!(r.iter().any(|r| r.date_basis == DateBasis::Publication));
        r = estimated_publication(r);
        assert!(r.iter().all(|r| r.date_basis != DateBasis::Publication));
        assert!(r
            .iter()
            .flat_map(|r| &r.claims)
            .any(|c| c.rule == "date.rel.weekday.publication_estimated"));
    }
}
