//! Events told as news in a dated article with no day of their own, events dated only by the
//! day of a statement about them, and events whose cue is a result clause or an army's
//! operation, through the whole extractor, on passages written for these tests (EN and ES,
//! several states and countries).

use chrono::NaiveDate;
use sw_extract::{DatePrecision, EventType, Extractor, Report, ReportKind};
use sw_model::Lang;

fn ex() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(Extractor::new)
}

/// The event reports (news, not references nor developments) of an article published on
/// Wednesday 4 March 2026.
fn events(lang: Lang, text: &str) -> Vec<Report> {
    ex().extract(text, lang, NaiveDate::from_ymd_opt(2026, 3, 4))
        .into_iter()
        .filter(|r| r.kind == ReportKind::Event)
        .collect()
}

fn killed(r: &Report) -> Option<i64> {
    r.figures.killed.as_ref().and_then(|f| f.low)
}

/// "The president ordered airstrikes ...": the definite article opens the agent's phrase,
/// not the strikes', so they are news, not an event named as known, and take the
/// publication window.
#[test]
fn strikes_ordered_by_a_leader_are_news_dated_by_publication() {
    for (lang, text, k) in [
        (
            Lang::En,
            "The president ordered airstrikes on militant hideouts in the Sahel region of Niger, \
             killing at least nine fighters, officials said.",
            Some(9),
        ),
        (
            Lang::Es,
            "El presidente ordenó bombardeos contra campamentos del grupo armado en el norte de \
             Malí, destruyendo depósitos de armas y matando a doce combatientes, informó el \
             gobierno.",
            Some(12),
        ),
        // a result told by a gerund after the strikes ("destruyendo"): the strikes are news
        (
            Lang::Es,
            "La presidenta ordenó bombardeos sobre posiciones yihadistas en el norte de Burkina \
             Faso, destruyendo cuevas que servían de refugio a los insurgentes.",
            None,
        ),
        (
            Lang::En,
            "The defence minister ordered air strikes across the Tora Bora valley, destroying \
             caves the insurgents had used as depots.",
            None,
        ),
    ] {
        let ev = events(lang, text);
        let r = ev
            .iter()
            .find(|r| r.event_type == EventType::Strike)
            .unwrap_or_else(|| panic!("no strike in {text}"));
        assert_eq!(r.date.as_deref(), Some("2026-03-04"), "{text}");
        assert_eq!(r.date_precision, DatePrecision::Window, "{text}");
        assert_eq!(killed(r), k, "{text}");
    }
}

/// "desmantelaron un laboratorio, abatiendo a dos"; "an army operation left eight militants
/// dead": a force's result told by a gerund, and an army's operations with their dead
/// counted, are a raid; the same operations with no dead stay no event.
#[test]
fn an_armys_operation_with_its_dead_counted_is_a_raid() {
    for (lang, text, k) in [
        (
            Lang::Es,
            "Tropas bolivianas desmantelaron un laboratorio de cocaína en el Chapare, \
             abatiendo a dos hombres armados que custodiaban la pista, según la Policía.",
            2,
        ),
        (
            Lang::En,
            "A Kenyan army operation in the Boni forest on Tuesday left eight al-Shabaab \
             militants dead, the army said, adding that two soldiers were injured.",
            8,
        ),
        (
            Lang::En,
            "Seven militants were killed in an army offensive in a remote part of Borno State \
             on Saturday, the military said.",
            7,
        ),
    ] {
        let ev = events(lang, text);
        let r = ev
            .iter()
            .find(|r| r.event_type == EventType::Raid)
            .unwrap_or_else(|| panic!("no raid in {text}: {ev:?}"));
        assert_eq!(killed(r), Some(k), "{text}");
    }
    for (lang, text) in [
        (
            Lang::En,
            "The army operation in the Boni forest continues, officials said.",
        ),
        (
            Lang::Es,
            "La Marina mantiene operativos en la costa de Guerrero desde la semana pasada.",
        ),
        // a named operation is a campaign, never one raid
        (
            Lang::En,
            "At least 121 people have been killed in an operation that was named Operation \
             Southern Spear.",
        ),
    ] {
        let ev = events(lang, text);
        assert!(
            ev.iter().all(|r| r.event_type != EventType::Raid),
            "{text}: {ev:?}"
        );
    }
}

/// "in a statement issued on Tuesday", "según un comunicado difundido el lunes": the day of a
/// statement follows what it tells of, so an event it alone dates falls in the window of days
/// up to it; a day said of the event itself, or a verb's day ("said Tuesday"), stays a day.
#[test]
fn the_day_of_a_statement_dates_its_event_by_a_window_up_to_it() {
    for (lang, text, day) in [
        (
            Lang::En,
            "In a statement issued on Tuesday, Pakistan's military said an air strike on a \
             militant compound in North Waziristan killed six fighters.",
            "2026-03-03",
        ),
        (
            Lang::Es,
            "Según un comunicado difundido el lunes por el Ejército de Nigeria, un bombardeo \
             contra un campamento insurgente en el estado de Borno mató a once combatientes.",
            "2026-03-02",
        ),
    ] {
        let ev = events(lang, text);
        let r = ev
            .iter()
            .find(|r| r.event_type == EventType::Strike)
            .unwrap_or_else(|| panic!("no strike in {text}: {ev:?}"));
        assert_eq!(r.date.as_deref(), Some(day), "{text}");
        assert_eq!(r.date_precision, DatePrecision::Window, "{text}");
    }
    for (lang, text, day) in [
        (
            Lang::En,
            "Kenyan jets struck an al-Shabaab camp near Lamu on Sunday, killing five \
             militants, the army said in a statement issued on Tuesday.",
            "2026-03-01",
        ),
        (
            Lang::Es,
            "El Ejército de Malí dijo el lunes que un bombardeo contra un campamento yihadista \
             cerca de Gao mató a siete combatientes.",
            "2026-03-02",
        ),
    ] {
        let ev = events(lang, text);
        let r = ev
            .iter()
            .find(|r| r.event_type == EventType::Strike)
            .unwrap_or_else(|| panic!("no strike in {text}: {ev:?}"));
        assert_eq!(r.date.as_deref(), Some(day), "{text}");
        assert_eq!(r.date_precision, DatePrecision::Day, "{text}");
    }
}

/// "Gunfire was heard before dawn ... The shootout left three dead": a clash named with a
/// definite article before the article has told of any violence is its own event, told as a
/// fact for the first time: news the publication window dates. Named after a strike the
/// sentence tells, it is that strike's.
#[test]
fn a_clash_named_before_any_violence_is_told_is_news() {
    for (lang, text) in [
        (
            Lang::En,
            "Residents of a village outside Maiduguri reported heavy gunfire before dawn. The \
             firefight between troops and the insurgents left four insurgents dead, the army \
             said.",
        ),
        (
            Lang::Es,
            "Vecinos de una comunidad rural de Zacatecas reportaron detonaciones durante la \
             madrugada. El enfrentamiento entre militares y un grupo armado dejó tres agresores \
             muertos, informó la Defensa.",
        ),
    ] {
        let ev = events(lang, text);
        let r = ev
            .iter()
            .find(|r| r.event_type == EventType::Raid)
            .unwrap_or_else(|| panic!("no raid in {text}: {ev:?}"));
        assert_eq!(r.date.as_deref(), Some("2026-03-04"), "{text}");
        assert_eq!(r.date_precision, DatePrecision::Window, "{text}");
    }
}
