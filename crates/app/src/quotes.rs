//! The sentence that holds each value of an incident's figures.
//!
//! An incident's sources each carry a quote, their report's anchor sentence: the sentence the
//! event was read in, often a headline or a lead that names the strike but not its toll ("US
//! strikes another boat"), while the number sits two sentences further on. Shown as the
//! support of a figure, such a quote lacks the very figure it is meant to support. Every
//! figure claim keeps its own sentence and byte span, so the value's quote is cut from there:
//! the sentence that holds the number, with the number's span inside it.
//!
//! The anchor quote itself stays as it is: it is part of the ledger's JSON and of a report's
//! stable key for an article without a URL (which review decisions are keyed to).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::Result;
use serde::Serialize;
use sw_ledger::{FigureValue, Incident, IncidentFigures, Range};
use sw_model::{Claim, ClaimField, Field, Report};
use sw_store::{ReportFilter, Store};

/// At most this many quotes per value (one per report, first reports first): a value of a
/// much-covered strike is given by hundreds of reports, each a read of the store. The value's
/// `report_ids` in the incident's JSON name them all.
pub const PER_VALUE: usize = 5;

/// One value of one figure as one report states it, with the sentence that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueQuote {
    /// The figure (`killed`, `survivors`, ...).
    pub figure: String,
    /// The value, as in the figure's `values`.
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub report_id: i64,
    pub article_id: i64,
    /// The words the value was read from ("eleven", "at least 65").
    pub surface: String,
    /// The claim's byte span in the article's stored text.
    pub span: [usize; 2],
    /// The byte span of the sentence holding it.
    pub sentence: [usize; 2],
    /// `text[sentence]`: the quote, which holds `text[span]`.
    pub quote: String,
}

impl ValueQuote {
    /// The claim's span inside [`quote`](Self::quote).
    pub fn span_in_quote(&self) -> (usize, usize) {
        (
            self.span[0].saturating_sub(self.sentence[0]),
            self.span[1].saturating_sub(self.sentence[0]),
        )
    }
}

/// The claim of `report` that states `value` of `field`: the report's own figure if its
/// value is this one, else a rival figure its article gives from another source (as
/// `sw_ledger` reconciles them). `None` when no claim states it (never a guess).
pub fn claim_of(report: &Report, field: Field, value: Range) -> Option<&Claim> {
    let states = |c: &&Claim| {
        c.field == ClaimField::Figure(field)
            && c.value.as_figure().is_some_and(|f| {
                Range {
                    low: f.low,
                    best: f.best,
                    high: f.high,
                } == value
            })
    };
    let own = report
        .figures
        .get(field)
        .is_some_and(|f| Range::of(f) == value);
    let mut found = report.claims.iter().filter(states);
    if own {
        let claims: Vec<&Claim> = found.collect();
        claims.iter().find(|c| !c.rival).or(claims.first()).copied()
    } else {
        found.find(|c| c.rival)
    }
}

/// The quotes of every value of every figure of `inc` ([`PER_VALUE`] at most per value),
/// figure by figure in [`IncidentFigures::FIELDS`] order, values as the figure lists them.
/// Reads the reports and texts of the articles concerned through the store, nothing else.
pub fn value_quotes<S: Store + ?Sized>(store: &S, inc: &Incident) -> Result<Vec<ValueQuote>> {
    let article_of: HashMap<i64, i64> = inc
        .sources
        .iter()
        .map(|s| (s.report_id, s.article_id))
        .collect();
    let mut wanted: Vec<(Field, &FigureValue, i64, i64)> = Vec::new();
    for field in IncidentFigures::FIELDS {
        let Some(fig) = inc.figures.get(field) else {
            continue;
        };
        for v in &fig.values {
            for &rid in v.report_ids.iter().take(PER_VALUE) {
                if let Some(&a) = article_of.get(&rid) {
                    wanted.push((field, v, rid, a));
                }
            }
        }
    }
    let mut by_article: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    for (_, _, rid, a) in &wanted {
        by_article.entry(*a).or_default().insert(*rid);
    }
    let mut reports: HashMap<i64, Report> = HashMap::new();
    let mut texts: HashMap<i64, String> = HashMap::new();
    for (a, rids) in by_article {
        let Some(text) = store.article_text(a)? else {
            continue;
        };
        texts.insert(a, text);
        let filter = ReportFilter {
            article: Some(a),
            ..ReportFilter::default()
        };
        store.reports(filter, &mut |r| {
            if rids.contains(&r.id) {
                if let Ok(rep) = serde_json::from_str::<Report>(&r.json) {
                    reports.insert(r.id, rep);
                }
            }
            true
        })?;
    }
    let mut out = Vec::new();
    for (field, v, rid, a) in wanted {
        let (Some(report), Some(text)) = (reports.get(&rid), texts.get(&a)) else {
            continue;
        };
        let Some(c) = claim_of(report, field, v.range()) else {
            continue;
        };
        let Some(quote) = text.get(c.sentence[0]..c.sentence[1]) else {
            continue;
        };
        if c.span[0] < c.sentence[0] || c.span[1] > c.sentence[1] {
            continue;
        }
        out.push(ValueQuote {
            figure: field.as_str().to_string(),
            low: v.low,
            best: v.best,
            high: v.high,
            report_id: rid,
            article_id: a,
            surface: c.surface.clone(),
            span: c.span,
            sentence: c.sentence,
            quote: quote.to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(json: serde_json::Value) -> Report {
        serde_json::from_value(json).unwrap()
    }

    fn claim(value: i64, span: [usize; 2], sentence: [usize; 2], rival: bool) -> serde_json::Value {
        serde_json::json!({
            "field": "killed", "value": {"approx": false, "best": value, "high": value, "low": value},
            "surface": "x", "span": span, "sentence": sentence,
            "source": {"kind": "outlet", "name": null}, "modality": "occurred",
            "rule": "test", "rival": rival
        })
    }

    /// The value's claim is found by its value, whichever sentence holds it: the report's
    /// own figure (not a rival claim of the same value), a rival figure, and nothing for a
    /// value no claim states.
    #[test]
    fn the_claim_of_a_value_is_the_one_stating_it() {
        let base = serde_json::json!({
            "kind": "event", "event_type": "strike", "target_kind": null, "means": null,
            "modality": "occurred", "date": null, "date_precision": "unknown",
            "date_basis": "none", "place": null,
            "figures": {"killed": {"low": 3, "best": 3, "high": 3, "approx": false, "surface": "three"}},
            "actors": [], "source": {"kind": "outlet", "name": null}, "sentence": [0, 20],
            "claims": [claim(3, [40, 45], [30, 60], false), claim(5, [70, 74], [61, 90], true)]
        });
        let r = report(base);
        let three = Range {
            low: Some(3),
            best: Some(3),
            high: Some(3),
        };
        let five = Range {
            low: Some(5),
            best: Some(5),
            high: Some(5),
        };
        let nine = Range {
            low: Some(9),
            best: Some(9),
            high: Some(9),
        };
        assert_eq!(claim_of(&r, Field::Killed, three).unwrap().span, [40, 45]);
        assert_eq!(claim_of(&r, Field::Killed, five).unwrap().span, [70, 74]);
        assert!(claim_of(&r, Field::Killed, nine).is_none());
        assert!(claim_of(&r, Field::Injured, three).is_none());
    }
}
