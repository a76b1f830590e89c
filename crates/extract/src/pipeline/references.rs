//! References: an event cue that names an earlier event rather than telling of a new one
//! (codebook, *Incidents and reconciliation*). It becomes a report of kind `reference`,
//! which the ledger attaches to the incident it points to and never makes an incident of:
//! - an event named by its place in a series: an ordinal of three or more after an article
//!   ("the seventh strike", "el undécimo ataque"), or any ordinal in a sentence that places
//!   the event in a series ("the first attack since the campaign began"); "the first strike
//!   killed two, the second three" is the story's own events, counted;
//! - an event in a sentence that recalls history ("marks the anniversary of", "se cumplen
//!   17 años de");
//! - an event named by a noun as the cause another answers ("in retaliation for an ambush
//!   that killed five soldiers", "tras la emboscada del martes");
//! - an event named by a definite noun with its date written against it, ten days or more
//!   before publication ("the September 2 strike", "el ataque del 2 de septiembre" in a
//!   December article): news tells of what just happened; a dated mention of an older event
//!   is that event told again.

use chrono::NaiveDate;

use super::sentence::Sentence;
use crate::lexicon::{EventCue, Hit, RefKind};

/// Days before publication from which a dated definite mention is an earlier event's (news
/// of a strike often comes days later; a mention weeks later is the event told again).
const TOLD_AGAIN_DAYS: i64 = 10;

/// Whether the event cue `e` names an earlier event. `ordinal` is the ordinal before it,
/// `definite` whether a definite determiner does, `dated` the day the sentence gives it.
pub(super) fn is_reference(
    s: &Sentence,
    e: &Hit<EventCue>,
    ordinal: Option<u32>,
    definite: bool,
    dated: Option<NaiveDate>,
) -> bool {
    let toks = &s.ctx.toks;
    let l = s.l;
    let has = |k: RefKind| s.refs.iter().any(|h| *h.value() == k);
    if has(RefKind::Retrospective) {
        return true;
    }
    // "in retaliation for an ambush that killed five soldiers", "tras la emboscada del
    // martes": the event another one answers, named by a noun, is told as its cause
    if e.value().noun
        && super::figures::tolls::other_event_regions(l, s.ctx)
            .iter()
            .any(|&(from, to)| from <= e.ts && e.te <= to)
    {
        return true;
    }
    if let Some(n) = ordinal {
        // "the seventh strike": far in a series, an earlier event of it; "the first strike
        // killed two, the second three" enumerates the story's own events
        let article = (1..=3).any(|back| {
            e.ts >= back && {
                let w = &toks[e.ts - back].lower;
                l.grammar.article_sg.contains(w) || l.definite.contains(w)
            }
        });
        // "the first strike", with no day of its own: the series' first, told again
        let undated = dated.is_none() && named_day(s, e, true).is_none();
        if (article && (n >= 3 || undated)) || has(RefKind::Series) {
            return true;
        }
    }
    match (named_day(s, e, definite), s.published) {
        (Some(d), Some(p)) => (p - d).num_days() >= TOLD_AGAIN_DAYS,
        _ => false,
    }
}

/// The day a date written against a definite event noun names, the last it may be: between
/// the determiner and the noun ("the September 2 strike") or right after a noun the
/// determiner leads ("el ataque del 2 de septiembre", "the strike on Sept. 2").
fn named_day(s: &Sentence, e: &Hit<EventCue>, definite: bool) -> Option<NaiveDate> {
    let toks = &s.ctx.toks;
    let l = s.l;
    let tok_at = |byte: usize| toks.iter().position(|t| t.start >= byte);
    let cue_start = toks[e.ts].start;
    let cue_end = toks[e.te - 1].end;
    let after_to = toks[(e.te + 1).min(toks.len() - 1)].start;
    s.dates
        .iter()
        .filter(|d| {
            let before = d.end <= cue_start
                && tok_at(d.end).is_some_and(|i| i == e.ts)
                && tok_at(d.start)
                    .is_some_and(|i| i >= 1 && l.definite.contains(&toks[i - 1].lower));
            let after = definite && d.start >= cue_end && d.start <= after_to;
            before || after
        })
        .find_map(|d| d.date.as_deref().and_then(super::dating::latest_day))
}

#[cfg(test)]
mod tests {
    //! Passages written for these tests.

    use super::super::testing::extractor;
    use crate::ReportKind;
    use sw_model::Lang;

    fn kinds(lang: Lang, published: &str, text: &str) -> Vec<ReportKind> {
        let p = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        extractor()
            .extract(text, lang, p)
            .into_iter()
            .filter(|r| r.event_type.is_violent())
            .map(|r| r.kind)
            .collect()
    }

    #[test]
    fn an_event_named_by_its_place_in_a_series_is_a_reference() {
        use ReportKind::*;
        assert_eq!(
            kinds(Lang::En, "2025-11-20", "Relatives of a fisherman killed in the ninth strike of the campaign asked for an inquiry on Wednesday."),
            [Reference]
        );
        assert_eq!(
            kinds(Lang::Es, "2025-11-20", "Los familiares de un pescador muerto en el undécimo ataque de la campaña frente a Venezuela pidieron explicaciones el miércoles."),
            [Reference]
        );
        // "the first lethal action since ...", "el primer ataque, sin fecha propia": the
        // series' first, told again
        assert!(kinds(
            Lang::Es,
            "2025-12-04",
            "Es la primera acción letal desde que Washington comenzó a desplegar buques de guerra en la región."
        )
        .iter()
        .all(|k| *k != Event));
        assert_eq!(
            kinds(Lang::En, "2025-12-04", "The minister told reporters on Tuesday that he had watched the first strike live from his office."),
            [Reference]
        );
        // a second strike told as news is an event
        assert_eq!(
            kinds(Lang::En, "2025-11-20", "A second strike on Tuesday hit the boat and killed two survivors in the Caribbean."),
            [Event]
        );
    }

    #[test]
    fn history_recalled_is_a_reference() {
        use ReportKind::*;
        assert_eq!(
            kinds(Lang::Es, "2025-03-01", "Este sábado se cumplen 17 años del bombardeo colombiano en territorio ecuatoriano que mató a una veintena de personas."),
            [Reference]
        );
        assert_eq!(
            kinds(Lang::En, "2025-01-03", "Crowds gathered on Friday to mark the anniversary of the U.S. drone strike that killed a general near Baghdad."),
            [Reference]
        );
    }

    #[test]
    fn a_dated_mention_of_an_older_event_is_a_reference_and_a_recent_one_is_news() {
        use ReportKind::*;
        assert_eq!(
            kinds(Lang::En, "2025-12-10", "Senators watched a video of the September 2 strike behind closed doors on Tuesday."),
            [Reference]
        );
        assert_eq!(
            kinds(Lang::Es, "2025-12-12", "La comisión volvió a examinar el jueves el video del ataque del 2 de septiembre, en el que murieron once personas."),
            [Reference]
        );
        assert_eq!(
            kinds(Lang::En, "2025-09-03", "The September 2 strike killed eleven people aboard a boat in the Caribbean, officials said."),
            [Event]
        );
    }
}
