//! Who did it, through the whole extractor, on passages written for these tests (EN and ES,
//! several countries): violence against a state's post named in apposition is an attack, not
//! a strike; a state's strike on a town so named stays a strike.

use chrono::NaiveDate;
use sw_extract::{EventType, Extractor, Report, ReportKind};
use sw_model::Lang;

fn ex() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn types(lang: Lang, text: &str) -> Vec<EventType> {
    let rs: Vec<Report> = ex().extract(text, lang, NaiveDate::from_ymd_opt(2024, 1, 28));
    rs.iter()
        .filter(|r| r.kind == ReportKind::Event)
        .map(|r| r.event_type)
        .collect()
}

#[test]
fn a_post_named_in_apposition_to_what_was_hit_makes_an_attack() {
    for (lang, text) in [
        (
            Lang::En,
            "Drones hit Tower 22, a small US outpost in Jordan near the Syrian border.",
        ),
        (
            Lang::En,
            "Rockets struck Camp Lemonnier, an American base in Djibouti, on Sunday.",
        ),
        (
            Lang::Es,
            "Guerrilleros atacaron Tame, una base del Ejército en Arauca, el domingo.",
        ),
    ] {
        assert_eq!(types(lang, text), vec![EventType::Attack], "{text}");
    }
    // a town in apposition is where a state's jets struck
    let text = "US jets struck Al Qaim, a border town in Iraq, on Friday.";
    assert_eq!(types(Lang::En, text), vec![EventType::Strike], "{text}");
}
