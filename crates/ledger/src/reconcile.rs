//! Reconciliation of one figure across the reports of an incident (codebook, *Incidents and
//! reconciliation*): `low` = the lowest low claimed, `high` = the highest high claimed,
//! `best` = the perpetrator's acknowledged value if any, else the value most independent
//! stories give, unless a toll raised since ("rose to four") is published after them: that
//! newest count; every value is kept with the reports that give it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sw_model::{Claim, Field, Figure, Source, SourceKind};

use crate::{distinct, Attribution, ReportInput};

/// A figure as a range (codebook table): any bound may be unknown.
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default,
)]
pub struct Range {
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
}

impl Range {
    pub fn of(f: &Figure) -> Range {
        Range {
            low: f.low,
            best: f.best,
            high: f.high,
        }
    }

    /// The closed interval the range allows (an open side is unbounded).
    pub(crate) fn interval(&self) -> (i64, i64) {
        let lo = self.low.or(self.best).unwrap_or(0);
        let hi = self
            .high
            .or(if self.low.is_some() { None } else { self.best })
            .unwrap_or(i64::MAX);
        (lo, hi.max(lo))
    }

    /// Two ranges can describe the same count.
    pub(crate) fn overlaps(&self, o: &Range) -> bool {
        let (a, b) = self.interval();
        let (c, d) = o.interval();
        a <= d && c <= b
    }

    /// The single value a reader would quote: best, else low, else high.
    pub fn point(&self) -> Option<i64> {
        self.best.or(self.low).or(self.high)
    }
}

/// One value claimed for a figure, with everything that claims it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct FigureValue {
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    /// Some claim of this value is hedged ("about 75").
    pub approx: bool,
    /// The surface texts ("eleven", "at least 65").
    pub surfaces: Vec<String>,
    /// Some claim of this value comes from the perpetrator (an official source).
    pub acknowledged: bool,
    /// Independent stories giving this value.
    pub stories: usize,
    pub report_ids: Vec<i64>,
    pub article_ids: Vec<i64>,
    pub attributed_to: Vec<Attribution>,
    /// Latest publication date among the reports giving it (a correction is newer).
    pub last_published: Option<String>,
    /// Latest publication date among the reports that tell it as a toll raised to it ("the
    /// death toll rose to four"): such a count published after the others is the best.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_raised: Option<String>,
}

impl FigureValue {
    pub fn range(&self) -> Range {
        Range {
            low: self.low,
            best: self.best,
            high: self.high,
        }
    }
}

/// A reconciled figure of an incident.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct IncidentFigure {
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    /// Two claimed values cannot both be true (disjoint ranges). Never set for `vessels`.
    pub contested: bool,
    /// Why `best` is what it is: `acknowledged`, `most_stories`, `only_value`, `raised` (a
    /// toll raised in news published after the other counts), or for `vessels`
    /// `largest_count`.
    pub basis: String,
    /// Every value claimed, most stories first.
    pub values: Vec<FigureValue>,
}

impl IncidentFigure {
    pub fn range(&self) -> Range {
        Range {
            low: self.low,
            best: self.best,
            high: self.high,
        }
    }
}

/// The reconciled figures of an incident; a field nobody reports is null.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct IncidentFigures {
    pub killed: Option<IncidentFigure>,
    pub injured: Option<IncidentFigure>,
    pub survivors: Option<IncidentFigure>,
    pub missing: Option<IncidentFigure>,
    pub detained: Option<IncidentFigure>,
    pub vessels: Option<IncidentFigure>,
}

impl IncidentFigures {
    /// The figures an incident reconciles (a count of strikes belongs to tallies).
    pub const FIELDS: [Field; 6] = [
        Field::Killed,
        Field::Injured,
        Field::Survivors,
        Field::Missing,
        Field::Detained,
        Field::Vessels,
    ];

    pub fn get(&self, field: Field) -> Option<&IncidentFigure> {
        match field {
            Field::Killed => self.killed.as_ref(),
            Field::Injured => self.injured.as_ref(),
            Field::Survivors => self.survivors.as_ref(),
            Field::Missing => self.missing.as_ref(),
            Field::Detained => self.detained.as_ref(),
            Field::Vessels => self.vessels.as_ref(),
            Field::Strikes => None,
        }
    }

    fn slot(&mut self, field: Field) -> Option<&mut Option<IncidentFigure>> {
        Some(match field {
            Field::Killed => &mut self.killed,
            Field::Injured => &mut self.injured,
            Field::Survivors => &mut self.survivors,
            Field::Missing => &mut self.missing,
            Field::Detained => &mut self.detained,
            Field::Vessels => &mut self.vessels,
            Field::Strikes => return None,
        })
    }

    pub fn any_contested(&self) -> bool {
        Self::FIELDS
            .iter()
            .any(|&f| self.get(f).is_some_and(|x| x.contested))
    }
}

/// A perpetrator's acknowledgment: an official source. In this domain the officials the
/// lexicon knows are those of the state carrying out the strikes; officials of other states
/// are `local_authority`.
pub(crate) fn acknowledging(kind: SourceKind) -> bool {
    kind == SourceKind::Official
}

/// Whether the report's own claim of the figure is a toll raised to it ("rose to four").
fn claim_raised(r: &ReportInput, field: Field) -> bool {
    r.report
        .claims
        .iter()
        .find(|c| c.field == field && !c.rival)
        .is_some_and(|c| c.rule.ends_with(sw_model::RAISED_RULE))
}

/// The attribution of `field` in a report: the claim's own source, else the report's.
fn claim_source(r: &ReportInput, field: Field) -> &Source {
    r.report
        .claims
        .iter()
        .find(|c| c.field == field && !c.rival)
        .map(|c| &c.source)
        .unwrap_or(&r.report.source)
}

struct Acc<'a> {
    approx: bool,
    surfaces: Vec<String>,
    acknowledged: bool,
    stories: Vec<i64>,
    report_ids: Vec<i64>,
    article_ids: Vec<i64>,
    attributed: Vec<Attribution>,
    last_published: Option<&'a str>,
    /// Latest publication date among the reports that tell it as a raised toll.
    last_raised: Option<&'a str>,
}

/// Reconciles every figure over the member reports.
pub(crate) fn figures(members: &[&ReportInput]) -> IncidentFigures {
    let mut out = IncidentFigures::default();
    for field in IncidentFigures::FIELDS {
        if let Some(slot) = out.slot(field) {
            *slot = figure(members, field);
        }
    }
    out
}

/// The figure a rival claim states (its value is the figure's `low`, `best`, `high`).
fn rival_figure(c: &Claim) -> Option<Figure> {
    let v = c.value.as_figure()?;
    Some(Figure {
        low: v.low,
        best: v.best,
        high: v.high,
        approx: v.approx,
        surface: c.surface.clone(),
    })
}

fn figure(members: &[&ReportInput], field: Field) -> Option<IncidentFigure> {
    let mut by_value: BTreeMap<Range, Acc> = BTreeMap::new();
    // each report's own figure, then the rival values its article gives from other sources
    let rivals = members.iter().flat_map(|r| {
        r.report
            .claims
            .iter()
            .filter(|c| c.rival && c.field == field)
            .filter_map(move |c| Some((*r, rival_figure(c)?, &c.source)))
    });
    let rivals = rivals.map(|(r, f, src)| (r, f, src, false));
    let own = members.iter().filter_map(|r| {
        let f = r.report.figures.get(field)?.clone();
        Some((*r, f, claim_source(r, field), claim_raised(r, field)))
    });
    for (r, f, src, raised) in own.chain(rivals) {
        let range = Range::of(&f);
        if range.point().is_none() {
            continue;
        }
        let acc = by_value.entry(range).or_insert_with(|| Acc {
            approx: false,
            surfaces: Vec::new(),
            acknowledged: false,
            stories: Vec::new(),
            report_ids: Vec::new(),
            article_ids: Vec::new(),
            attributed: Vec::new(),
            last_published: None,
            last_raised: None,
        });
        acc.approx |= f.approx;
        acc.surfaces.push(f.surface.clone());
        acc.acknowledged |= acknowledging(src.kind);
        acc.stories.push(r.story_id);
        acc.report_ids.push(r.report_id);
        acc.article_ids.push(r.article_id);
        acc.attributed.push(Attribution::of(src));
        if let Some(p) = r.published.as_deref() {
            if acc.last_published.is_none_or(|q| p > q) {
                acc.last_published = Some(p);
            }
            if raised && acc.last_raised.is_none_or(|q| p > q) {
                acc.last_raised = Some(p);
            }
        }
    }
    if by_value.is_empty() {
        return None;
    }
    let mut values: Vec<FigureValue> = by_value
        .into_iter()
        .map(|(v, a)| FigureValue {
            low: v.low,
            best: v.best,
            high: v.high,
            approx: a.approx,
            surfaces: distinct(a.surfaces.into_iter().filter(|s| !s.is_empty())),
            acknowledged: a.acknowledged,
            stories: distinct(a.stories).len(),
            report_ids: distinct(a.report_ids),
            article_ids: distinct(a.article_ids),
            attributed_to: distinct(a.attributed),
            last_published: a.last_published.map(str::to_string),
            last_raised: a.last_raised.map(str::to_string),
        })
        .collect();
    // most stories first; then a count over a vague word ("at least seven" over
    // "several"); then the value attributed to more named or official sources (closer to the
    // origin than an outlet's own unattributed figure); then the newer value (a
    // correction); then the smaller value
    let attributed = |v: &FigureValue| {
        v.attributed_to
            .iter()
            .filter(|a| !matches!(a.kind, SourceKind::Outlet | SourceKind::Unknown))
            .count()
    };
    let rank = |v: &FigureValue| {
        (
            std::cmp::Reverse(v.stories),
            // (a count over a vague word: "at least seven" over "several")
            v.best.is_none(),
            std::cmp::Reverse(attributed(v)),
            std::cmp::Reverse(v.last_published.clone()),
            v.range(),
        )
    };
    values.sort_by_key(rank);
    if field == Field::Vessels {
        // a report of "a vessel" may describe one strike of a multi-vessel operation: the
        // operation struck at least as many vessels as any report counts
        let chosen = values
            .iter()
            .max_by_key(|v| (v.range().point(), std::cmp::Reverse(v.stories)))
            .expect("values");
        let best = chosen.range().point();
        let low = values.iter().filter_map(|v| v.low).min();
        let high = values.iter().filter_map(|v| v.high).max();
        let basis = if values.len() == 1 {
            "only_value"
        } else {
            "largest_count"
        };
        return Some(IncidentFigure {
            low,
            best,
            high,
            contested: false,
            basis: basis.to_string(),
            values,
        });
    }
    let (mut chosen, mut basis) = match values.iter().find(|v| v.acknowledged) {
        Some(v) if values.len() > 1 => (v, "acknowledged"),
        Some(v) => (v, "only_value"),
        None if values.len() == 1 => (&values[0], "only_value"),
        None => (&values[0], "most_stories"),
    };
    // a toll raised in news published after every report of the chosen count ("the death
    // toll from Monday's strike rose to four after a survivor died") is the newest count of
    // the dead, the perpetrator's own earlier count included
    if let Some(raised) = values
        .iter()
        .filter(|v| v.last_raised.is_some())
        .max_by_key(|v| v.last_raised.clone())
    {
        if raised.range() != chosen.range() && raised.last_raised > chosen.last_published {
            chosen = raised;
            basis = "raised";
        }
    }
    let best = chosen.range().point();
    // the lowest low and the highest high claimed, never on the wrong side of best ("40"
    // beside an acknowledged "at least 55": high 55, not 40)
    let low = values
        .iter()
        .filter_map(|v| v.low)
        .min()
        .map(|l| best.map_or(l, |b| l.min(b)));
    let high = values
        .iter()
        .filter_map(|v| v.high)
        .max()
        .map(|h| best.map_or(h, |b| h.max(b)));
    let contested = values.iter().enumerate().any(|(i, a)| {
        values[i + 1..]
            .iter()
            .any(|b| !a.range().overlaps(&b.range()))
    });
    Some(IncidentFigure {
        low,
        best,
        high,
        contested,
        basis: basis.to_string(),
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(low: Option<i64>, best: Option<i64>, high: Option<i64>) -> Range {
        Range { low, best, high }
    }

    #[test]
    fn intervals() {
        assert!(r(Some(1), Some(1), None).overlaps(&r(Some(2), Some(2), Some(2))));
        assert!(!r(Some(3), Some(3), Some(3)).overlaps(&r(Some(2), Some(2), Some(2))));
        assert!(r(Some(2), None, Some(3)).overlaps(&r(Some(3), Some(3), Some(3))));
        assert!(r(None, Some(19), Some(19)).overlaps(&r(Some(19), Some(19), Some(19))));
        assert!(!r(None, Some(19), Some(19)).overlaps(&r(Some(20), Some(20), None)));
    }
}
