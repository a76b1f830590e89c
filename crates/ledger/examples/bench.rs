//! Times a full build of the ledger over synthetic reports:
//! `cargo run --release -p sw-ledger --example bench -- [N]` (default 100000).
//! Numbers are recorded in `EXPORTS.md` (section *Cost of a full rebuild*).
use std::time::Instant;

use sw_extract::{
    DateBasis, DatePrecision, EventType, Figure, Figures, Modality, PlaceRef, Report, ReportKind,
    Source, SourceKind, TargetKind,
};
use sw_ledger::{build, export, tally_check, ReportInput};

fn fig(n: i64) -> Option<Figure> {
    Some(Figure {
        low: Some(n),
        best: Some(n),
        high: Some(n),
        approx: false,
        surface: n.to_string(),
    })
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let mut s: u64 = 1;
    let mut next = move || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 33) as usize
    };
    let base = chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
    let mut inputs = Vec::with_capacity(n);
    for k in 0..n {
        let day = base + chrono::Days::new((next() % 270) as u64);
        let region = ["caribbean", "eastern_pacific", ""][next() % 3];
        let kind = match next() % 20 {
            0 => ReportKind::Tally,
            1 => ReportKind::Development,
            _ => ReportKind::Event,
        };
        let (date, precision) = match next() % 10 {
            0 => (None, DatePrecision::Unknown),
            1 => (Some(day.format("%Y-%m").to_string()), DatePrecision::Month),
            _ => (Some(day.format("%Y-%m-%d").to_string()), DatePrecision::Day),
        };
        let report = Report {
            kind,
            event_type: EventType::Strike,
            target_kind: Some(TargetKind::Vessel),
            means: None,
            modality: Modality::Occurred,
            date,
            date_precision: precision,
            date_basis: if next() % 4 == 0 {
                DateBasis::Relative
            } else {
                DateBasis::Explicit
            },
            place: (!region.is_empty()).then(|| PlaceRef {
                name: region.into(),
                region: Some(region.into()),
                region_code: Some(region.into()),
                lat: Some(12.0),
                lon: Some(-80.0),
                precision: 4,
                ..PlaceRef::default()
            }),
            figures: Figures {
                killed: fig((next() % 8) as i64 + 1),
                vessels: fig(1),
                ..Figures::default()
            },
            actors: Vec::new(),
            source: Source {
                kind: if next() % 3 == 0 {
                    SourceKind::Official
                } else {
                    SourceKind::Outlet
                },
                name: None,
                channel: None,
                count: None,
            },
            sentence: [0, 10 + k % 7],
            claims: Vec::new(),
        };
        let article = (k / 3) as i64;
        inputs.push(ReportInput {
            report_id: k as i64,
            article_id: article,
            story_id: article / 4,
            url: Some(format!("https://example.org/{article}")),
            outlet: Some("example.org".into()),
            published: Some((day + chrono::Days::new(1)).format("%Y-%m-%d").to_string()),
            lang: "en".into(),
            report,
            quote: format!("sentence {k}"),
        });
    }
    let t = Instant::now();
    let ledger = build(&inputs);
    let built = t.elapsed();
    let t = Instant::now();
    let gaps = tally_check(&ledger);
    let checked = t.elapsed();
    let t = Instant::now();
    let mut sink = std::io::sink();
    for f in export::FORMATS.iter().filter(|f| f.available()) {
        export::write(&ledger, f, &mut sink).unwrap();
    }
    let exported = t.elapsed();
    println!(
        "{n} reports -> {} incidents, {} tallies ({} gaps), {} developments; build {:.2?}, tally_check {:.2?}, all exports {:.2?}",
        ledger.incidents.len(),
        ledger.tallies.len(),
        gaps.len(),
        ledger.developments.len(),
        built,
        checked,
        exported
    );
}
