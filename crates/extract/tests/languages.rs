//! Languages are data: a language added at run time from its lexicon files (a tiny
//! Portuguese lexicon under `tests/data/pt/`, test data only) is read like a compiled-in
//! one, and a bad file is an error naming the file and line.

use chrono::NaiveDate;
use sw_extract::{EventType, Extractor, LexiconError, Modality, ReportKind, TargetKind};
use sw_model::Lang;

/// The files of `tests/data/<code>/`, as (name, text).
fn folder(code: &str) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(code);
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("test data folder")
        .map(|e| {
            let p = e.expect("entry").path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("utf-8 file"))
        })
        .collect();
    files.sort();
    files
}

fn with_pt(files: Vec<(String, String)>) -> Result<Extractor, LexiconError> {
    Extractor::new().with_language("pt", files)
}

const TEXT: &str = "Forças dos EUA atacaram um barco no Caribe na terça, matando três pessoas.";

#[test]
fn a_language_added_from_its_folder_extracts_a_strike() {
    let ex = with_pt(folder("pt")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ex.languages().collect::<Vec<_>>(), ["en", "es", "pt"]);
    let published = NaiveDate::from_ymd_opt(2025, 11, 5); // a Wednesday
    let reports = ex.extract_in(TEXT, "pt", published);
    let events: Vec<_> = reports
        .iter()
        .filter(|r| r.kind == ReportKind::Event)
        .collect();
    assert_eq!(events.len(), 1, "{reports:#?}");
    let r = events[0];
    assert_eq!(r.event_type, EventType::Strike);
    assert_eq!(r.modality, Modality::Occurred);
    assert_eq!(r.date.as_deref(), Some("2025-11-04"));
    assert_eq!(r.figures.killed.as_ref().and_then(|f| f.best), Some(3));
    assert_eq!(r.target_kind, Some(TargetKind::Vessel));
    assert_eq!(
        r.place.as_ref().and_then(|p| p.region_code.as_deref()),
        Some("caribbean")
    );
    assert!(r
        .claims
        .iter()
        .any(|c| c.rule == "lex:pt/events.tsv:strike:atacaram"));
    for c in &r.claims {
        assert_eq!(&TEXT[c.span[0]..c.span[1]], c.surface);
    }
}

#[test]
fn a_language_not_registered_is_not_read() {
    let ex = Extractor::new();
    assert!(ex
        .extract_in(TEXT, "pt", NaiveDate::from_ymd_opt(2025, 11, 5))
        .is_empty());
    // the compiled-in languages read as before through their codes
    let en = "U.S. forces struck a boat in the Caribbean on Tuesday, killing three people.";
    let p = NaiveDate::from_ymd_opt(2025, 11, 5);
    assert_eq!(ex.extract_in(en, "en", p), ex.extract(en, Lang::En, p));
    assert!(!ex.extract_in(en, "en", p).is_empty());
}

#[test]
fn a_malformed_row_is_an_error_naming_file_and_line() {
    let mut files = folder("pt");
    let events = files.iter_mut().find(|(n, _)| n == "events.tsv").unwrap();
    events.1.push_str("bombardearam\tstrik\tpast\n");
    let line = events.1.lines().count();
    let e = with_pt(files).unwrap_err();
    assert_eq!(e.file, "pt/events.tsv");
    assert_eq!(e.line, Some(line));
    assert!(
        e.to_string().contains("unknown event type \"strik\""),
        "{e}"
    );
}

#[test]
fn a_missing_or_unknown_file_is_an_error_naming_it() {
    let mut files = folder("pt");
    files.retain(|(n, _)| n != "targets.tsv");
    let e = with_pt(files).unwrap_err();
    assert_eq!(e.to_string(), "pt/targets.tsv: missing required file");

    let mut files = folder("pt");
    files.push(("eventos.tsv".into(), String::new()));
    let e = with_pt(files).unwrap_err();
    assert_eq!(e.file, "pt/eventos.tsv");

    // English is registered already, and its month names live in sw-text
    let e = Extractor::new()
        .with_language("en", folder("pt"))
        .unwrap_err();
    assert!(e.message.contains("registered already"), "{e}");
}

#[test]
fn a_word_the_tokenizer_would_split_is_an_error() {
    let mut files = folder("pt");
    let fillers = files.iter_mut().find(|(n, _)| n == "fillers.tsv").unwrap();
    fillers.1.push_str("narco-traficantes\n");
    let e = with_pt(files).unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("pt/fillers.tsv", Some(2)));
}
