//! Building reports: an empty report of a sentence, and the claims that set its date and
//! figures (every value a report holds is backed by a claim on its span).

use super::figures::FieldFig;
use super::sentence::SentCtx;
use crate::dates::DateExpr;
use crate::{
    Claim, ClaimField, ClaimValue, DateBasis, DatePrecision, EventType, Figure, FigureValue,
    Figures, Modality, Report, ReportKind, Source,
};

/// An exact figure ("three": low, best and high all three).
pub(super) fn exact(v: i64, surface: String) -> Figure {
    Figure {
        low: Some(v),
        best: Some(v),
        high: Some(v),
        approx: false,
        surface,
    }
}

/// An occurred strike event with nothing in it yet: the shape of figures-only, story-place
/// and per-sea candidates.
pub(super) fn strike_report(ctx: &SentCtx, src: &Source) -> Report {
    base_report(
        ReportKind::Event,
        EventType::Strike,
        Modality::Occurred,
        ctx,
        src,
    )
}

pub(super) fn base_report(
    kind: ReportKind,
    et: EventType,
    m: Modality,
    ctx: &SentCtx,
    src: &Source,
) -> Report {
    Report {
        kind,
        event_type: et,
        target_kind: None,
        means: None,
        modality: m,
        date: None,
        date_precision: DatePrecision::Unknown,
        date_basis: DateBasis::None,
        place: None,
        figures: Figures::default(),
        actors: Vec::new(),
        source: src.clone(),
        sentence: ctx.span(),
        claims: Vec::new(),
    }
}

pub(super) fn set_date(rep: &mut Report, d: &DateExpr, ctx: &SentCtx, src: &Source) {
    set_date_as(rep, d, ctx, src, d.rule.to_string());
}

/// As [`set_date`], with the claim made by `rule` (a date read further than its expression
/// says: "date.rel.weekday.announced").
pub(super) fn set_date_as(
    rep: &mut Report,
    d: &DateExpr,
    ctx: &SentCtx,
    src: &Source,
    rule: String,
) {
    rep.date = d.date.clone();
    rep.date_precision = d.precision;
    rep.date_basis = if d.date.is_some() {
        d.basis
    } else {
        DateBasis::None
    };
    rep.claims.push(ctx.claim(
        ClaimField::Date,
        d.date.clone().into(),
        [d.start, d.end],
        src,
        rep.modality,
        rule,
    ));
}

pub(super) fn add_figure(rep: &mut Report, f: &FieldFig, ctx: &SentCtx, src: &Source, m: Modality) {
    let slot = rep.figures.slot(f.field);
    if slot.is_some() {
        return;
    }
    *slot = Some(f.q.figure.clone());
    rep.claims.push(Claim {
        field: ClaimField::Figure(f.field),
        value: ClaimValue::Figure(FigureValue::of(&f.q.figure)),
        surface: f.q.figure.surface.clone(),
        span: [f.q.start, f.q.end],
        sentence: ctx.span(),
        source: src.clone(),
        modality: m,
        rule: if f.tally {
            format!("{}.tally", f.q.hedge.rule())
        } else {
            f.q.hedge.rule().to_string()
        },
        rival: false,
    });
}

#[cfg(test)]
mod tests {
    use super::super::testing::sentence_ctx;
    use super::*;
    use crate::dates::DateKind;

    #[test]
    fn a_date_claim_covers_its_span_and_a_figure_is_set_once() {
        let ctx = sentence_ctx("A strike on Monday killed 3.");
        let src = Source::outlet();
        let mut rep = strike_report(&ctx, &src);
        let d = DateExpr {
            start: 12,
            end: 18,
            date: Some("2025-11-03".into()),
            precision: DatePrecision::Day,
            basis: DateBasis::Relative,
            kind: DateKind::Weekday,
            rule: "date.rel.weekday",
            day: None,
            month_day: None,
            weekday: None,
            named_weekday: None,
        };
        set_date(&mut rep, &d, &ctx, &src);
        assert_eq!(rep.date.as_deref(), Some("2025-11-03"));
        let c = rep.claims.last().unwrap();
        assert_eq!(
            (c.surface.as_str(), c.rule.as_str()),
            ("Monday", "date.rel.weekday")
        );
        assert_eq!(exact(3, "3".into()).best, Some(3));
    }
}
