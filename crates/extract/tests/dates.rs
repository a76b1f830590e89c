//! Dates of events beyond the boat campaign, on passages written for these tests (not copied
//! from any article), in English and Spanish: the day an announcement was made is not the
//! event's, an event cannot come after publication, news told with no date takes the
//! publication window, a year or month that frames a series dates nothing, named days,
//! "last year", and the year of dates in articles with no publication date.

use chrono::NaiveDate;
use sw_extract::{DateBasis, DateHints, DatePrecision, Extractor, Modality, Report, ReportKind};
use sw_model::Lang;

fn ex() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn check_spans(text: &str, reports: &[Report]) {
    for r in reports {
        for c in &r.claims {
            assert_eq!(text.get(c.span[0]..c.span[1]), Some(c.surface.as_str()));
        }
    }
}

fn run(lang: Lang, published: &str, text: &str) -> Vec<Report> {
    let reports = ex().extract(text, lang, day(published));
    check_spans(text, &reports);
    reports
}

fn events(rs: &[Report]) -> Vec<&Report> {
    rs.iter().filter(|r| r.kind == ReportKind::Event).collect()
}

/// The date, precision and basis of the only event of `text`.
fn only_event(
    lang: Lang,
    published: &str,
    text: &str,
) -> (Option<String>, DatePrecision, DateBasis) {
    let rs = run(lang, published, text);
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{text}\n{rs:#?}");
    (ev[0].date.clone(), ev[0].date_precision, ev[0].date_basis)
}

fn date_rule(r: &Report) -> Option<&str> {
    r.claims
        .iter()
        .find(|c| c.field == "date")
        .map(|c| c.rule.as_str())
}

#[test]
fn the_day_of_an_announcement_dates_the_event_when_nothing_better_does() {
    // published Wednesday 5 November 2025: Monday is the 3rd, Tuesday the 4th
    for (lang, text, end) in [
        (
            Lang::En,
            "In a statement issued on Monday, Africa Command said an airstrike near Jilib killed three al-Shabaab fighters.",
            "2025-11-03",
        ),
        (
            Lang::En,
            "Iraq's Joint Operations Command announced Tuesday it had carried out an airstrike on an Islamic State hideout in the Hamrin mountains.",
            "2025-11-04",
        ),
        (
            Lang::En,
            "CNN reported Monday that a drone strike killed two men near the Syrian town of Idlib.",
            "2025-11-03",
        ),
        (
            Lang::Es,
            "En un comunicado emitido este martes, el Ejército de Colombia informó que un bombardeo en el Guaviare mató a siete disidentes.",
            "2025-11-04",
        ),
        (
            Lang::Es,
            "La Marina de México anunció este lunes haber realizado un bombardeo contra un campamento del cártel en Michoacán.",
            "2025-11-03",
        ),
        (
            Lang::Es,
            "Según un reporte del lunes, un ataque con dron mató a dos soldados en el Cauca.",
            "2025-11-03",
        ),
    ] {
        let rs = run(lang, "2025-11-05", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{text}\n{rs:#?}");
        assert_eq!(ev[0].date.as_deref(), Some(end), "{text}");
        // the day of an issued statement or report ("in a statement issued on Monday",
        // "según un reporte del lunes"), and the day it was announced or reported ("announced
        // Tuesday", "CNN reported Monday", "anunció este lunes"), follows what it tells of:
        // the window up to it, which the event's own day, told by another article, narrows
        assert_eq!(ev[0].date_precision, DatePrecision::Window, "{text}");
    }
}

#[test]
fn the_day_something_was_said_stays_a_weak_day_of_the_event() {
    // "said on Monday" is the day an official spoke; with no other date the event's, weakly
    for (lang, text) in [
        (
            Lang::En,
            "A U.S. strike killed three men aboard a boat in the Caribbean, Hegseth said on \
             Monday.",
        ),
        (
            Lang::Es,
            "Un bombardeo mató a tres guerrilleros en el Cauca, dijo el lunes el ministro.",
        ),
    ] {
        let rs = run(lang, "2025-11-05", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{text}\n{rs:#?}");
        assert_eq!(
            (ev[0].date.as_deref(), ev[0].date_precision),
            (Some("2025-11-03"), DatePrecision::Day),
            "{text}"
        );
    }
}

#[test]
fn what_was_said_to_have_happened_before_the_day_it_was_said_takes_the_window_up_to_it() {
    // published Wednesday 5 November 2025: Monday is the 3rd, Tuesday the 4th; a past
    // perfect after the day of saying puts the event before that day, so that day is the
    // end of a window, not the event's day
    for (lang, text, end) in [
        (
            Lang::En,
            "Nigeria's army said on Monday that an air raid on an insurgent camp in Borno state \
             had killed 22 fighters.",
            "2025-11-03",
        ),
        (
            Lang::En,
            "On Tuesday, the governor of Sinaloa told reporters that soldiers had shot dead \
             seven gunmen in a clash outside Culiacán.",
            "2025-11-04",
        ),
        (
            Lang::Es,
            "El ministro de Defensa de Ecuador dijo el lunes que un bombardeo contra una \
             banda en Esmeraldas había dejado cinco muertos.",
            "2025-11-03",
        ),
        (
            Lang::Es,
            "Un vocero del Ejército aseguró este martes que los ataques aéreos en el Cauca \
             habían matado a nueve disidentes.",
            "2025-11-04",
        ),
    ] {
        let rs = run(lang, "2025-11-05", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{text}\n{rs:#?}");
        assert_eq!(
            (ev[0].date.as_deref(), ev[0].date_precision),
            (Some(end), DatePrecision::Window),
            "{text}"
        );
    }
    // the perfect of another clause ("a day after the group said it had attacked") leaves
    // the day of saying the event's, weakly, as a simple past does
    for (lang, text) in [
        (
            Lang::En,
            "Yemen's rebels said on Monday that U.S. strikes on the port of Hodeidah killed \
             four people, a day after the group said it had attacked two warships.",
        ),
        (
            Lang::Es,
            "Los rebeldes dijeron el lunes que los bombardeos en Saná mataron a seis personas, \
             después de que el grupo había lanzado misiles contra un buque.",
        ),
    ] {
        let rs = run(lang, "2025-11-05", text);
        let ev: Vec<&Report> = events(&rs)
            .into_iter()
            .filter(|r| r.event_type == sw_extract::EventType::Strike)
            .collect();
        assert!(!ev.is_empty(), "{text}\n{rs:#?}");
        assert_eq!(
            (ev[0].date.as_deref(), ev[0].date_precision),
            (Some("2025-11-03"), DatePrecision::Day),
            "{text}"
        );
    }
}

#[test]
fn the_events_own_date_beats_its_announcements() {
    // in the same sentence
    let (d, p, _) = only_event(
        Lang::En,
        "2025-11-05",
        "Central Command said on Tuesday that its forces struck a weapons depot in Yemen's Saada province on Sunday.",
    );
    assert_eq!((d.as_deref(), p), (Some("2025-11-02"), DatePrecision::Day));
    // in a later sentence
    let (d, p, _) = only_event(
        Lang::Es,
        "2025-11-05",
        "El Ejército de Ecuador anunció este martes que atacó una lancha en el Pacífico. El ataque ocurrió el domingo, según la Armada.",
    );
    assert_eq!((d.as_deref(), p), (Some("2025-11-02"), DatePrecision::Day));
    // a day written out for the event, a little after a stale weekday of the announcement
    // and not after publication (Friday 6 February 2026; "Tuesday" is the 3rd)
    let rs = run(
        Lang::En,
        "2026-02-06",
        "Southern Command announced Tuesday it had struck a vessel in the eastern Pacific. \
         \"On Feb. 5, our forces conducted a lethal strike on a vessel in the eastern Pacific,\" the command wrote.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2026-02-05"));
    assert_eq!(ev[0].date_precision, DatePrecision::Day);
}

#[test]
fn an_event_cannot_come_after_publication() {
    // a year written wrong: the year before, when that is on or before publication
    let rs = run(
        Lang::En,
        "2026-01-10",
        "U.S. forces killed an Islamic State leader in an airstrike in eastern Syria on December 19, 2026.",
    );
    let ev = events(&rs);
    assert_eq!(ev[0].date.as_deref(), Some("2025-12-19"), "{rs:#?}");
    assert_eq!(date_rule(ev[0]), Some("date.explicit.full.previous_year"));
    let (d, _, _) = only_event(
        Lang::Es,
        "2026-01-10",
        "Un bombardeo de la Fuerza Aérea de Nigeria mató a seis milicianos en Zamfara el 28 de diciembre de 2026.",
    );
    assert_eq!(d.as_deref(), Some("2025-12-28"));
    // more than a year after it: no date at all, never one made up
    let rs = run(
        Lang::Es,
        "2026-01-10",
        "Un bombardeo mató a cuatro guerrilleros en el Cauca el 3 de marzo de 2027.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date, None);
    // a plan keeps its day to come
    let rs = run(
        Lang::En,
        "2026-01-10",
        "The Pentagon will decide on new strikes in Yemen on January 20, 2026.",
    );
    assert!(
        events(&rs)
            .iter()
            .all(|r| r.date.as_deref() != Some("2025-01-20")),
        "{rs:#?}"
    );
}

#[test]
fn news_with_no_date_takes_the_window_up_to_publication() {
    for (lang, text) in [
        (
            Lang::En,
            "A U.S. airstrike killed two al-Shabaab fighters near Jilib, the command said.",
        ),
        (
            Lang::En,
            "The army said a drone strike hit a camp in northern Nigeria, killing six.",
        ),
        (
            Lang::Es,
            "Un bombardeo de la Fuerza Aérea mató a cinco guerrilleros en el Catatumbo, informaron las autoridades.",
        ),
        (
            Lang::Es,
            "Aviones iraquíes bombardearon un escondite del Estado Islámico en Kirkuk, matando a cuatro militantes.",
        ),
        // a verb a total may take, with no total told: news like any other
        (
            Lang::En,
            "The Kenyan military has struck an al-Shabaab training camp near Kismayo, officials said.",
        ),
        (
            Lang::Es,
            "La Fuerza Aérea de Nigeria ha destruido un campamento de insurgentes cerca del lago Chad, según el Ejército.",
        ),
    ] {
        let rs = run(lang, "2025-11-05", text);
        let ev: Vec<&Report> = events(&rs)
            .into_iter()
            .filter(|r| r.modality == Modality::Occurred)
            .collect();
        assert!(!ev.is_empty(), "{text}\n{rs:#?}");
        for r in ev {
            assert_eq!(r.date.as_deref(), Some("2025-11-05"), "{text}");
            assert_eq!(r.date_precision, DatePrecision::Window, "{text}");
            assert_eq!(r.date_basis, DateBasis::Publication, "{text}");
        }
    }
    // with no publication date, no window
    let rs = run(
        Lang::En,
        "",
        "A U.S. airstrike killed two al-Shabaab fighters near Jilib, the command said.",
    );
    assert!(events(&rs).iter().all(|r| r.date.is_none()), "{rs:#?}");
}

#[test]
fn a_day_given_later_replaces_the_window() {
    for (lang, text, d) in [
        (
            Lang::En,
            "An airstrike in Somalia's Bari region killed four militants, the regional government said. The strike took place on Saturday.",
            "2025-11-01",
        ),
        (
            Lang::Es,
            "Un ataque aéreo estadounidense alcanzó un campamento en Siria. El bombardeo ocurrió el sábado, según el Pentágono.",
            "2025-11-01",
        ),
    ] {
        let (got, p, _) = only_event(lang, "2025-11-05", text);
        assert_eq!((got.as_deref(), p), (Some(d), DatePrecision::Day), "{text}");
    }
}

#[test]
fn no_window_for_what_is_not_news_of_one_event() {
    for (lang, text) in [
        // told of already
        (
            Lang::En,
            "The strike killed two people in Hodeidah, the Houthi health ministry said.",
        ),
        (
            Lang::Es,
            "El bombardeo dejó tres muertos en Saná, según los hutíes.",
        ),
        // one of a series
        (
            Lang::En,
            "The military said it carried out a fourth, deadly strike near the Iraqi border.",
        ),
        // a total, a period
        (
            Lang::En,
            "In recent months, U.S. forces have killed dozens of militants in strikes in Somalia.",
        ),
        (
            Lang::Es,
            "En los últimos meses, los bombardeos del Ejército mataron a decenas de disidentes en el Guaviare.",
        ),
        (
            Lang::En,
            "The U.S. has struck 21 boats in the Caribbean, killing at least 83 people.",
        ),
        // the occasion of something else
        (
            Lang::En,
            "A fisherman was among those killed during U.S. airstrikes on boats near Sucre.",
        ),
        // a plan, a denial
        (
            Lang::Es,
            "El gobierno negó haber bombardeado un poblado en el sur del Cauca.",
        ),
        (
            Lang::En,
            "The Pentagon is preparing new strikes on militant camps in Syria.",
        ),
    ] {
        let rs = run(lang, "2025-11-05", text);
        assert!(
            rs.iter()
                .all(|r| r.date_precision != DatePrecision::Window
                    && r.date_basis != DateBasis::Publication
                    || r.kind == ReportKind::Tally),
            "{text}\n{rs:#?}"
        );
    }
    // background after the lead
    let text = "The city was quiet on the eve of the vote. Markets opened late. \
                Schools stayed closed. Officials urged calm. \
                Years ago, an airstrike destroyed the old bridge, killing two.";
    let rs = run(Lang::En, "2025-11-05", text);
    assert!(
        rs.iter().all(|r| r.date_precision != DatePrecision::Window),
        "{rs:#?}"
    );
}

#[test]
fn a_year_or_month_that_frames_a_series_dates_nothing() {
    for (lang, text) in [
        (
            Lang::En,
            "Airstrikes killed three militants in Somalia, marking the first such attacks in 2024.",
        ),
        (
            Lang::En,
            "A drone strike killed four people in Borno, the deadliest in March.",
        ),
        (
            Lang::Es,
            "Un bombardeo mató a cuatro personas en Zamfara, el ataque más letal en 2025.",
        ),
        (
            Lang::Es,
            "Un bombardeo del Ejército mató a seis disidentes en el Cauca, el séptimo en lo que va de 2025.",
        ),
        (
            Lang::Es,
            "Un ataque con dron mató a dos soldados en el Catatumbo, el peor desde septiembre.",
        ),
    ] {
        let rs = run(lang, "2025-11-05", text);
        for r in events(&rs) {
            assert!(
                !matches!(r.date_precision, DatePrecision::Year | DatePrecision::Month),
                "{text}\n{rs:#?}"
            );
        }
    }
    // a month that dates the event itself is kept (an ended month's event is named, not
    // told: a reference, dated all the same)
    let text =
        "A second strike on a camp in Syria's Idlib province in October killed three fighters.";
    let rs = run(Lang::En, "2025-11-05", text);
    assert!(
        rs.iter().any(|r| r.kind == ReportKind::Reference
            && r.date.as_deref() == Some("2025-10")
            && r.date_precision == DatePrecision::Month),
        "{text}\n{rs:#?}"
    );
}

#[test]
fn named_days_and_last_year() {
    for (lang, published, text, d) in [
        (
            Lang::En,
            "2025-12-26",
            "A U.S. strike hit militant camps in northwest Nigeria on Christmas Day, killing several fighters.",
            "2025-12-25",
        ),
        (
            Lang::Es,
            "2025-12-26",
            "Un bombardeo estadounidense alcanzó el día de Navidad un campamento en el noroeste de Nigeria.",
            "2025-12-25",
        ),
        (
            Lang::Es,
            "2025-12-27",
            "Un ataque con dron mató a tres soldados en el Cauca en Nochebuena.",
            "2025-12-24",
        ),
        (
            Lang::En,
            "2026-01-03",
            "An airstrike killed five militants in Somalia's Puntland region on New Year's Day.",
            "2026-01-01",
        ),
        (
            Lang::Es,
            "2026-01-03",
            "Un bombardeo mató a cuatro milicianos en el norte de Irak en Nochevieja.",
            "2025-12-31",
        ),
        (
            Lang::Es,
            "2025-06-10",
            "Un bombardeo mató a tres pescadores frente a Yemen el 3 de marzo del año pasado.",
            "2024-03-03",
        ),
        (
            Lang::En,
            "2025-06-10",
            "A missile strike hit the tanker off Yemen in March last year, killing two sailors.",
            "2024-03",
        ),
        (
            Lang::Es,
            "2025-06-10",
            "Un bombardeo en el sur de Yemen mató a tres personas en marzo del año pasado.",
            "2024-03",
        ),
    ] {
        // a year or more before publication, the event is history told again: a reference,
        // dated all the same
        let rs = run(lang, published, text);
        assert!(
            rs.iter().any(|r| r.date.as_deref() == Some(d)),
            "{text}\n{rs:#?}"
        );
    }
}

#[test]
fn an_undated_article_takes_years_from_its_own_dates() {
    // a full date: the year that puts a date without one nearest it (after it here)
    let text = "On Oct. 3, 2025, forces struck a camp in Yemen. A second airstrike on Oct. 29 killed four fighters near Marib.";
    let rs = run(Lang::En, "", text);
    assert!(
        events(&rs)
            .iter()
            .any(|r| r.date.as_deref() == Some("2025-10-29")),
        "{rs:#?}"
    );
    // a month and year counts against the corpus's span, when recent
    let text = "U.S. strikes in Syria have grown since the fall of the government in December 2024. An airstrike on Feb. 23 killed a commander in Idlib.";
    let span = |a: &str, b: &str| DateHints {
        span: Some((day(a).unwrap(), day(b).unwrap())),
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &span("2023-01-01", "2025-06-30"));
    check_spans(text, &rs);
    let strike = events(&rs)
        .into_iter()
        .find(|r| r.date.is_some())
        .expect("a dated strike");
    assert_eq!(strike.date.as_deref(), Some("2025-02-23"), "{rs:#?}");
    assert!(date_rule(strike).is_some_and(|r| r.ends_with(".year_from_span")));
    // ... not when it is long before the corpus's last publication (background)
    let text = "The group was designated a terrorist organization in September 2019. An airstrike on January 30 killed one of its commanders in Idlib.";
    let rs = ex().extract_undated(text, Lang::En, &span("2017-01-01", "2025-06-30"));
    assert!(
        events(&rs)
            .iter()
            .all(|r| r.date.as_deref() != Some("2020-01-30")),
        "{rs:#?}"
    );
    // a weekday written beside a date: the latest year it fits, not after the corpus
    let text = "The military said the airstrike, carried out on Friday, May 31, killed three militants near Bosaso.";
    let rs = ex().extract_undated(text, Lang::En, &span("2019-01-01", "2026-03-01"));
    assert!(
        events(&rs)
            .iter()
            .any(|r| r.date.as_deref() == Some("2024-05-31")),
        "{rs:#?}"
    );
}

#[test]
fn an_undated_article_reads_its_weekdays_near_the_day_it_tells_with_its_weekday() {
    for (lang, text) in [
        (
            Lang::Es,
            "Humo tras un ataque aéreo en Saná, Yemen, el domingo 30 de marzo de 2025. Los bombardeos siguieron a una noche de ataques el viernes que mataron a dos personas.",
        ),
        (
            Lang::En,
            "Smoke rises after an airstrike in Sanaa, Yemen, on Sunday, March 30, 2025. A strike on Friday killed two people in Saada.",
        ),
    ] {
        let rs = run(lang, "", text);
        assert!(
            events(&rs)
                .iter()
                .any(|r| r.date.as_deref() == Some("2025-03-28")),
            "{text}\n{rs:#?}"
        );
    }
    // a full date without its weekday may be background: weekdays stay unresolved
    let text = "A strike on Friday killed two people in Saada. Relatives of men killed in a March 30, 2025 strike have sued.";
    let rs = run(Lang::En, "", text);
    assert!(
        events(&rs)
            .iter()
            .all(|r| r.date.as_deref() != Some("2025-03-28")),
        "{rs:#?}"
    );
}

#[test]
fn an_event_no_date_reaches_beside_the_articles_dated_news_is_a_reference() {
    for (lang, text) in [
        (
            Lang::En,
            "Kenyan jets struck an al-Shabaab camp near Bardhere on Tuesday, killing nine fighters, the army said.\nTwo of the dead were commanders, according to a local elder who said he was among six people killed during a similar raid by soldiers.",
        ),
        (
            Lang::Es,
            "El Ejército de Colombia bombardeó el lunes un campamento de disidencias en el Meta y mató a seis combatientes.\nLa zona es disputada por dos grupos armados.\nEn el enfrentamiento posterior con las tropas murieron otros dos guerrilleros, informó la Fuerza Aérea.",
        ),
    ] {
        let rs = run(lang, "2025-11-05", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{text}\n{rs:#?}");
        assert!(ev[0].date.is_some(), "{rs:#?}");
        // what the later sentences tell is kept, as a reference to it
        assert!(
            rs.iter().all(|r| r.kind != ReportKind::Event || r.date.is_some()),
            "{rs:#?}"
        );
    }
    // an article that tells of one event with no date at all keeps it as an event
    let rs = run(
        Lang::En,
        "2025-11-05",
        "Residents of the district buried their dead.\nThe raid by special forces killed four men in the village, relatives said.",
    );
    assert_eq!(events(&rs).len(), 1, "{rs:#?}");
}

#[test]
fn days_and_weeks_ago_count_back_from_publication() {
    // published Wednesday 19 November 2025
    for (lang, text, day, precision) in [
        (
            Lang::En,
            "Nigerian jets bombed an insurgent camp near Lake Chad two days ago, killing 12 fighters.",
            "2025-11-17",
            DatePrecision::Day,
        ),
        (
            Lang::Es,
            "Hace dos días, el Ejército abatió a tres presuntos sicarios en Culiacán.",
            "2025-11-17",
            DatePrecision::Day,
        ),
        (
            Lang::En,
            "Two weeks ago, Pakistani aircraft struck a militant hideout in North Waziristan, killing nine.",
            "2025-11-05",
            DatePrecision::Week,
        ),
        (
            Lang::Es,
            "Hace dos semanas, aviones de la Fuerza Aérea bombardearon un campamento del ELN en Arauca y mataron a seis guerrilleros.",
            "2025-11-05",
            DatePrecision::Week,
        ),
    ] {
        let (d, p, _) = only_event(lang, "2025-11-19", text);
        assert_eq!((d.as_deref(), p), (Some(day), precision), "{text}");
    }
}

#[test]
fn an_event_dated_by_a_month_already_ended_is_named_not_told() {
    // months written in other words, countries and languages: the article names an earlier
    // month's event, which makes no incident of its own
    for (lang, published, text) in [
        (
            Lang::En,
            "2026-03-04",
            "In January, Turkish drones struck a convoy in northern Iraq, killing five fighters, officials said at the time.",
        ),
        (
            Lang::En,
            "2025-12-16",
            "In November, the Pentagon reported a similar strike in which a boat was destroyed and its crew of three were killed.",
        ),
        (
            Lang::Es,
            "2025-08-20",
            "En junio, un bombardeo de la Fuerza Aérea nigeriana mató a doce insurgentes en el estado de Borno.",
        ),
        (
            Lang::Es,
            "2026-02-02",
            "En septiembre, tropas colombianas abatieron a cuatro disidentes en el Cauca, según el Ejército.",
        ),
    ] {
        let rs = run(lang, published, text);
        assert!(
            !rs.iter()
                .any(|r| r.kind == ReportKind::Event && r.modality == Modality::Occurred),
            "{text}\n{rs:#?}"
        );
        assert!(
            rs.iter().any(|r| r.kind == ReportKind::Reference),
            "{text}\n{rs:#?}"
        );
    }
    // the publication's own month is news, told by its month alone
    for (lang, published, text) in [
        (
            Lang::En,
            "2025-12-30",
            "Pakistani jets bombed a militant hideout near the Afghan border late in December, killing six, the army said.",
        ),
        (
            Lang::Es,
            "2026-05-29",
            "Soldados mexicanos abatieron a tres sicarios en Michoacán a finales de mayo, informó la Defensa.",
        ),
    ] {
        let rs = run(lang, published, text);
        assert!(
            rs.iter()
                .any(|r| r.kind == ReportKind::Event && r.modality == Modality::Occurred),
            "{text}\n{rs:#?}"
        );
    }
}

#[test]
fn a_date_before_the_troops_who_act_dates_their_act() {
    // "troops" is also the noun of a deployment: written right after the date it is the
    // subject of the act, not an event the date names
    for (lang, text, d) in [
        (
            Lang::Es,
            "El 3 de septiembre, tropas colombianas bombardearon un campamento en el Cauca.",
            "2025-09-03",
        ),
        (
            Lang::Es,
            "El 14 de enero, tropas nigerianas abatieron a nueve insurgentes en el estado de Borno.",
            "2026-01-14",
        ),
        (
            Lang::En,
            "On Jan. 14, Somali troops raided an al-Shabaab hideout near Kismayo, killing six.",
            "2026-01-14",
        ),
    ] {
        let rs = run(lang, "2026-02-02", text);
        assert!(
            events(&rs).iter().any(|r| r.date.as_deref() == Some(d)),
            "{text}\n{rs:#?}"
        );
    }
}

#[test]
fn a_year_written_against_the_noun_with_words_between_is_history() {
    for (lang, text) in [
        (
            Lang::En,
            "A court rejected a complaint by two men whose relatives died in a 2012 U.S. drone strike in the village of Khashamir.",
        ),
        (
            Lang::En,
            "Speakers recalled the unit's 2017 raid in Yakla, Yemen, in which a commando died.",
        ),
        (
            Lang::Es,
            "Los familiares de quienes murieron en el bombardeo estadounidense de 2017 en Yakla reclamaron justicia el martes.",
        ),
    ] {
        let rs = run(lang, "2025-07-16", text);
        assert!(events(&rs).is_empty(), "{text}\n{rs:#?}");
    }
    // a year in the publication's past year but recent stays news
    let rs = run(
        Lang::En,
        "2025-07-16",
        "On Tuesday a U.S. drone strike killed two militants in Marib.",
    );
    assert_eq!(events(&rs).len(), 1, "{rs:#?}");
}
