//! End-to-end behaviour of the extraction core on passages written for these tests (not
//! copied from any article), the span invariant on every fixture, determinism, the gold-set
//! acceptance thresholds, and robustness on arbitrary input.

use chrono::NaiveDate;
use sw_extract::{
    eval, DateBasis, DateHints, EventType, Extractor, Modality, Report, ReportKind, SourceKind,
    TargetKind,
};
use sw_model::Lang;

fn ex() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn run(lang: Lang, published: &str, text: &str) -> Vec<Report> {
    let reports = ex().extract(text, lang, day(published));
    check_spans(text, &reports);
    reports
}

fn check_spans(text: &str, reports: &[Report]) {
    for r in reports {
        assert!(r.sentence[0] <= r.sentence[1] && r.sentence[1] <= text.len());
        for c in &r.claims {
            assert_eq!(
                text.get(c.span[0]..c.span[1]),
                Some(c.surface.as_str()),
                "claim {} {:?} in {text:?}",
                c.field,
                c.span
            );
            assert!(
                c.sentence[0] <= c.span[0] && c.span[1] <= c.sentence[1],
                "span outside its sentence"
            );
            assert!(!c.rule.is_empty());
        }
    }
}

fn events(rs: &[Report]) -> Vec<&Report> {
    rs.iter().filter(|r| r.kind == ReportKind::Event).collect()
}

fn killed(r: &Report) -> Option<(Option<i64>, Option<i64>, Option<i64>)> {
    r.figures.killed.as_ref().map(|f| (f.low, f.best, f.high))
}

#[test]
fn occurred_strike_with_relative_date_place_and_source() {
    let rs = run(
        Lang::En,
        "2025-11-12",
        "The Navy sank a go-fast boat in the Caribbean on Monday, killing four people aboard, Southern Command said in a post on X.",
    );
    let e = events(&rs);
    assert_eq!(e.len(), 1);
    let r = e[0];
    assert_eq!(r.event_type, EventType::Strike);
    assert_eq!(r.modality, Modality::Occurred);
    assert_eq!(r.date.as_deref(), Some("2025-11-10"));
    assert_eq!(r.date_basis, DateBasis::Relative);
    assert_eq!(killed(r), Some((Some(4), Some(4), Some(4))));
    assert_eq!(r.target_kind, Some(TargetKind::Vessel));
    assert_eq!(
        r.place.as_ref().and_then(|p| p.region_code.as_deref()),
        Some("caribbean")
    );
    assert_eq!(r.source.kind, SourceKind::Official);
    assert_eq!(r.source.channel.as_deref(), Some("social_media"));
    // the agent is the Navy, a U.S. force: the command named in the sentence gives its state
    let perp = r.perpetrator().expect("a perpetrator");
    assert_eq!(perp.state.as_deref(), Some("US"), "{perp:?}");
    assert!(!perp.non_state);
}

#[test]
fn spanish_strike_with_words_and_el_pasado() {
    let rs = run(
        Lang::Es,
        "2025-11-05",
        "El pasado sábado, un bombardeo estadounidense contra una narcolancha en el Pacífico oriental dejó tres muertos, según el Comando Sur.",
    );
    let e = events(&rs);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].date.as_deref(), Some("2025-11-01"));
    assert_eq!(killed(e[0]), Some((Some(3), Some(3), Some(3))));
    assert_eq!(
        e[0].place.as_ref().and_then(|p| p.region_code.as_deref()),
        Some("eastern_pacific")
    );
}

#[test]
fn announcement_date_is_not_event_date() {
    let rs = run(
        Lang::En,
        "2025-11-11",
        "Hegseth announced Tuesday that, one day earlier, forces had struck a vessel in the eastern Pacific, killing two.",
    );
    assert_eq!(events(&rs)[0].date.as_deref(), Some("2025-11-10"));
    let rs = run(
        Lang::Es,
        "2025-11-11",
        "Hegseth anunció este martes que el día anterior fuerzas estadounidenses hundieron una lancha y murieron dos personas.",
    );
    assert_eq!(events(&rs)[0].date.as_deref(), Some("2025-11-10"));
}

#[test]
fn tally_kept_apart_from_the_event_toll() {
    let rs = run(
        Lang::En,
        "2025-12-02",
        "Saturday's strike killed three men, bringing the number killed in the campaign to at least 87.",
    );
    let e = events(&rs);
    assert_eq!(killed(e[0]), Some((Some(3), Some(3), Some(3))));
    let t: Vec<_> = rs.iter().filter(|r| r.kind == ReportKind::Tally).collect();
    assert_eq!(t.len(), 1);
    assert_eq!(killed(t[0]), Some((Some(87), Some(87), None)));
    assert_eq!(t[0].date.as_deref(), Some("2025-12-02"));
    assert_eq!(t[0].date_basis, DateBasis::Publication);
}

#[test]
fn campaign_totals_are_tallies_not_incidents() {
    let rs = run(
        Lang::En,
        "2025-11-20",
        "The strikes have killed at least 83 people since September.",
    );
    assert!(events(&rs).is_empty());
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0].kind, ReportKind::Tally);
    let rs = run(
        Lang::Es,
        "2026-01-10",
        "La cifra de fallecidos en la campaña supera ya los 140, según un recuento propio.",
    );
    assert!(events(&rs).is_empty());
    assert_eq!(killed(&rs[0]), Some((Some(141), Some(141), None)));
}

#[test]
fn plans_and_threats_never_occur() {
    for (lang, text) in [
        (Lang::En, "Officials are weighing options that include drone strikes on cartel camps in Mexico."),
        (Lang::En, "The president threatened to strike targets on land in Venezuela soon."),
        (Lang::En, "The military could strike cartel labs if talks fail, an adviser said."),
        (Lang::En, "Planners are preparing a mission to send troops to hit cartel leaders; no deployment is imminent."),
        (Lang::Es, "El Pentágono evalúa opciones que incluyen bombardeos contra laboratorios en México."),
        (Lang::Es, "Trump amenazó con atacar objetivos en tierra en Venezuela."),
        (Lang::Es, "Washington podría bombardear campamentos de la guerrilla si no hay acuerdo."),
    ] {
        let rs = run(lang, "2025-11-04", text);
        assert!(
            !rs.iter().any(|r| r.kind == ReportKind::Event && r.modality == Modality::Occurred),
            "{text}: {rs:#?}"
        );
        assert!(rs.iter().any(|r| r.kind == ReportKind::Development), "{text}");
    }
}

#[test]
fn occurred_strike_inside_a_plan_story() {
    let rs = run(
        Lang::En,
        "2025-11-04",
        "Officials are drawing up plans for strikes on labs in Mexico. The most recent attack on a boat took place on Saturday in the Caribbean, killing two.",
    );
    let e = events(&rs);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].modality, Modality::Occurred);
    assert_eq!(e[0].date.as_deref(), Some("2025-11-01"));
    assert!(rs
        .iter()
        .any(|r| r.kind == ReportKind::Development && r.modality == Modality::Planned));
}

#[test]
fn denied_and_negated() {
    let rs = run(
        Lang::En,
        "2026-02-10",
        "The Mexican government denied that U.S. drones had struck any target in Sinaloa.",
    );
    assert_eq!(events(&rs)[0].modality, Modality::Denied);
    let rs = run(
        Lang::En,
        "2026-02-10",
        "U.S. forces did not strike the suspected boat; the Coast Guard boarded it instead.",
    );
    assert_eq!(events(&rs)[0].modality, Modality::Negated);
    let rs = run(
        Lang::Es,
        "2026-02-10",
        "Hasta ahora, las fuerzas estadounidenses no han atacado objetivos en suelo venezolano.",
    );
    assert_eq!(events(&rs)[0].modality, Modality::Negated);
}

#[test]
fn survivors_and_killed_in_one_clause() {
    let rs = run(
        Lang::En,
        "2025-10-20",
        "A strike on a semi-submersible in the Caribbean killed two and left two survivors.",
    );
    let r = events(&rs)[0];
    assert_eq!(killed(r), Some((Some(2), Some(2), Some(2))));
    let s = r.figures.survivors.as_ref().unwrap();
    assert_eq!((s.low, s.best), (Some(2), Some(2)));
}

#[test]
fn dated_list_entries_are_separate_events() {
    let text = "Oct. 3: The military struck a boat off Venezuela, killing four.\nOct. 14: A strike on a vessel in the Caribbean killed six.";
    let rs = run(Lang::En, "2025-11-06", text);
    let e = events(&rs);
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].date.as_deref(), Some("2025-10-03"));
    assert_eq!(e[1].date.as_deref(), Some("2025-10-14"));
    assert_eq!(killed(e[1]), Some((Some(6), Some(6), Some(6))));
}

#[test]
fn a_dated_list_entry_told_through_a_reporting_verb_keeps_its_day() {
    // the day heads the entry: it is the event's, though an official "says" it; entries
    // with the same toll, or none, a few days apart are still other strikes
    for (lang, text, days) in [
        (
            Lang::En,
            "March 2: Officials say a drone strike near Marib killed three fighters.\nMarch 4: The army announces another air raid in Abyan, killing three.\nMarch 5: A depot is hit in Shabwa; two guards survive.",
            ["2026-03-02", "2026-03-04", "2026-03-05"],
        ),
        (
            Lang::Es,
            "2 de marzo: El Ejército informa que un bombardeo en Arauca mató a tres guerrilleros.\n4 de marzo: Las Fuerzas Militares anuncian otro bombardeo en el Cauca, que dejó tres muertos.\n5 de marzo: Un bombardeo alcanza un campamento en Nariño; dos heridos sobreviven.",
            ["2026-03-02", "2026-03-04", "2026-03-05"],
        ),
    ] {
        let rs = run(lang, "2026-03-20", text);
        let got: Vec<_> = events(&rs).iter().map(|r| r.date.clone()).collect();
        let want: Vec<_> = days.iter().map(|d| Some(d.to_string())).collect();
        assert_eq!(got, want, "{text}\n{rs:#?}");
    }
}

#[test]
fn double_tap_is_one_event() {
    let rs = run(
        Lang::En,
        "2025-12-03",
        "The first missile hit the boat on Sept. 2 and a second strike then killed two survivors clinging to the wreck. Eleven people died in the attack.",
    );
    assert_eq!(events(&rs).len(), 1);
    assert_eq!(events(&rs)[0].date.as_deref(), Some("2025-09-02"));
}

#[test]
fn anonymous_officials_with_count_and_other_outlet() {
    let rs = run(
        Lang::En,
        "2025-10-17",
        "Three U.S. officials said a strike on Thursday against a boat in the Caribbean killed two people.",
    );
    let r = events(&rs)[0];
    assert_eq!(r.source.kind, SourceKind::AnonymousOfficials);
    assert_eq!(r.source.count, Some(3));
    // a toll before the attribution is not a count of officials
    let rs = run(
        Lang::En,
        "2025-10-17",
        "A strike on Thursday hit a boat in the Caribbean, killing three people aboard, officials said.",
    );
    let r = events(&rs)[0];
    assert_eq!(r.source.kind, SourceKind::AnonymousOfficials);
    assert_eq!(r.source.count, None);
    let rs = run(
        Lang::En,
        "2025-10-17",
        "CBS News reported that a strike on Thursday sank a boat in the Caribbean, killing two.",
    );
    assert_eq!(events(&rs)[0].source.kind, SourceKind::OtherOutlet);
    assert_eq!(events(&rs)[0].source.name.as_deref(), Some("CBS News"));
}

#[test]
fn target_group_is_alleged() {
    let rs = run(
        Lang::En,
        "2025-10-24",
        "Hegseth said forces struck a Tren de Aragua boat in the Caribbean on Friday, killing six narco-terrorists.",
    );
    let r = events(&rs)[0];
    let tg: Vec<_> = r
        .actors
        .iter()
        .filter(|a| a.role == "target_group")
        .collect();
    assert!(tg.iter().any(|a| a.name == "Tren de Aragua" && a.alleged));
    assert!(tg.iter().all(|a| a.alleged));
}

#[test]
fn unrelated_strikes_are_ignored() {
    for (lang, text) in [
        (Lang::En, "Port workers went on strike on Monday over pay."),
        (
            Lang::En,
            "A lightning strike killed two farmers in the province on Friday.",
        ),
        (
            Lang::En,
            "The pitcher struck out nine batters on Saturday night.",
        ),
        (Lang::Es, "Los camioneros iniciaron una huelga el lunes."),
        (
            Lang::Es,
            "Un hombre murió de un ataque cardíaco en el puerto.",
        ),
    ] {
        let rs = run(lang, "2025-11-04", text);
        assert!(events(&rs).is_empty(), "{text}: {rs:#?}");
    }
}

#[test]
fn spanish_numbers_and_dates() {
    let rs = run(
        Lang::Es,
        "2026-01-02",
        "El 30 de diciembre, el ejército atacó un convoy de tres lanchas en el Pacífico y murieron veintiún tripulantes.",
    );
    let r = events(&rs)[0];
    assert_eq!(r.date.as_deref(), Some("2025-12-30"));
    assert_eq!(killed(r), Some((Some(21), Some(21), Some(21))));
    assert_eq!(r.figures.vessels.as_ref().and_then(|f| f.best), Some(3));
}

#[test]
fn no_publication_date_means_unknown_relative_dates() {
    let rs = run(
        Lang::En,
        "",
        "U.S. forces struck a boat in the eastern Pacific on Saturday, killing three.",
    );
    let r = events(&rs)[0];
    assert_eq!(r.date, None);
    let rs = run(
        Lang::En,
        "",
        "On Oct. 29, 2025, U.S. forces destroyed a boat in the eastern Pacific.",
    );
    assert_eq!(events(&rs)[0].date.as_deref(), Some("2025-10-29"));
}

#[test]
fn deterministic() {
    let text = "Hegseth said on X that two boats were struck in the eastern Pacific on Sunday, killing six. The campaign has killed at least 70 people.";
    let a = ex().extract(text, Lang::En, day("2025-11-10"));
    let b = ex().extract(text, Lang::En, day("2025-11-10"));
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn json_is_snake_case() {
    let rs = run(
        Lang::En,
        "2025-11-10",
        "U.S. forces struck a boat in the eastern Pacific on Sunday, killing six, officials said.",
    );
    let v = serde_json::to_value(&rs[0]).unwrap();
    assert_eq!(v["kind"], "event");
    assert_eq!(v["event_type"], "strike");
    assert_eq!(v["modality"], "occurred");
    assert_eq!(v["date_precision"], "day");
    assert_eq!(v["date_basis"], "relative");
    assert_eq!(v["source"]["kind"], "anonymous_officials");
    assert_eq!(v["target_kind"], "vessel");
}

fn gold_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/gold/gold.jsonl")
}

/// Every claim's span on every gold passage slices to its surface.
#[test]
fn spans_exact_on_every_gold_passage() {
    let Ok(src) = std::fs::read_to_string(gold_path()) else {
        eprintln!("no gold file; skipped");
        return;
    };
    let items = eval::parse_jsonl(&src).expect("gold parses");
    for it in &items {
        let rs = ex().extract(
            &it.text,
            Lang::parse(&it.lang),
            it.published.as_deref().and_then(day),
        );
        check_spans(&it.text, &rs);
    }
}

/// Acceptance: F1 >= 0.95 for event detection, modality, killed and date, in each language.
#[test]
fn gold_acceptance() {
    let Ok(src) = std::fs::read_to_string(gold_path()) else {
        eprintln!("no gold file; skipped");
        return;
    };
    let items = eval::parse_jsonl(&src).expect("gold parses");
    let rep = eval::score(&items, ex());
    println!("{}", rep.render());
    for (lang, fields) in &rep.by_lang {
        for f in ["event", "modality", "killed", "date"] {
            let c = fields.get(f).copied().unwrap_or_default();
            assert!(
                c.f1() >= 0.95,
                "{lang} {f}: F1 {:.3} < 0.95\n{}",
                c.f1(),
                rep.render()
            );
        }
    }
}

/// Real articles (not in the repository): spans exact, and no occurred strike from the
/// plan-only seeds. `cargo test -p sw-extract -- --ignored`.
#[test]
#[ignore]
fn devset_spans_exact() {
    let Ok(src) = std::fs::read_to_string("/work/shared/eval-dev/articles.jsonl") else {
        return;
    };
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let a: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = a["text"].as_str().unwrap_or("");
        let rs = ex().extract(
            text,
            Lang::parse(a["lang"].as_str().unwrap_or("en")),
            a["published"].as_str().and_then(day),
        );
        check_spans(text, &rs);
        // articles about plans, votes and legal debate (read by hand): no occurred strike
        let plan_only = ["a100", "a125", "a129", "a133", "a159", "a160", "a188"];
        if plan_only.contains(&a["id"].as_str().unwrap_or("")) {
            assert!(
                !rs.iter().any(|r| r.kind == ReportKind::Event
                    && r.event_type == EventType::Strike
                    && r.modality == Modality::Occurred),
                "occurred strike in plan-only article {}",
                a["id"]
            );
        }
    }
    for f in ["000_9877e9f4c47650ed.txt", "003_7e0cde97be91e1e3.txt"] {
        let Ok(text) = std::fs::read_to_string(format!("/work/shared/seeds/{f}")) else {
            continue;
        };
        let rs = ex().extract(&text, Lang::En, None);
        check_spans(&text, &rs);
        // the plans are never occurred strikes; the only occurred strike allowed is the one
        // the story itself reports as past ("the most recent attack took place on ...")
        for r in rs.iter().filter(|r| {
            r.kind == ReportKind::Event
                && r.event_type == EventType::Strike
                && r.modality == Modality::Occurred
        }) {
            let sentence = &text[r.sentence[0]..r.sentence[1]];
            assert!(
                sentence.contains("took place"),
                "{f}: occurred strike from {sentence:?}"
            );
        }
    }
}

/// Publication dates at the ends of the calendar never overflow.
#[test]
fn extreme_publication_dates() {
    let text = "Yesterday, a day after Monday's strike and one day earlier than Oct. 29, last week, el pasado sábado, a boat was struck, killing 3.";
    for p in [NaiveDate::MIN, NaiveDate::MAX] {
        for lang in [Lang::En, Lang::Es] {
            let rs = ex().extract(text, lang, Some(p));
            check_spans(text, &rs);
            let _ = sw_extract::dates::parse_date("last Tuesday", lang, Some(p));
        }
    }
}

/// Arbitrary input never panics: numbers, dates, sentences, the whole core.
#[test]
fn never_panics_on_noise() {
    let alphabet: Vec<char> = "aeiou strkdlmn0123456789.,;:-–—'\"’“”()¿?¡!áéíóúñÑÉ \n\t%$^@#xX"
        .chars()
        .collect();
    let words = [
        "strike",
        "killed",
        "at least",
        "more than",
        "dozens",
        "veintiún",
        "treinta y",
        "Sept.",
        "U.S.",
        "EE.UU.",
        "el pasado",
        "sábado",
        "Tuesday",
        "night",
        "one day earlier",
        "10^100",
        "-3",
        "1,200",
        "1.200",
        "mil",
        "dozen",
        "between",
        "and",
        "entre",
        "y",
        "Caribbean",
        "off Venezuela",
        "said",
        "officials",
        "99999999999999999999",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..400 {
        let mut s = String::new();
        let n = (next() % 40) as usize;
        for _ in 0..n {
            if next() % 3 == 0 {
                s.push_str(words[(next() % words.len() as u64) as usize]);
                s.push(' ');
            } else {
                s.push(alphabet[(next() % alphabet.len() as u64) as usize]);
            }
        }
        for lang in [Lang::En, Lang::Es, Lang::Other] {
            let _ = sw_extract::numbers::parse_number(&s, lang);
            let _ = sw_extract::numbers::parse_figure(&s, lang);
            let _ = sw_extract::dates::parse_date(&s, lang, day("2025-03-01"));
            let _ = sw_extract::dates::parse_date(&s, lang, None);
            for r in sw_text::segment::sentences(&s, lang) {
                assert!(s.get(r).is_some());
            }
            let rs = ex().extract(&s, lang, day("2025-03-01"));
            check_spans(&s, &rs);
        }
    }
}

#[test]
fn announcement_date_gives_way_to_the_event_date_in_a_later_sentence() {
    let rs = run(
        Lang::Es,
        "2025-10-28",
        "Hegseth anunció este martes que las fuerzas armadas atacaron cuatro embarcaciones en el Pacífico oriental. «Ayer, el Departamento de Guerra atacó cuatro embarcaciones y murieron catorce narcoterroristas», escribió.",
    );
    let e = events(&rs);
    assert_eq!(e.len(), 1, "{rs:#?}");
    assert_eq!(e[0].date.as_deref(), Some("2025-10-27"));
    assert_eq!(killed(e[0]), Some((Some(14), Some(14), Some(14))));
}

#[test]
fn figures_across_dates_ordinals_and_partitives() {
    // a date between the verb and the number
    let rs = run(Lang::Es, "2025-12-16", "Fuerzas estadounidenses mataron el lunes a ocho hombres en ataques contra tres lanchas en el Pacífico oriental.");
    let r = events(&rs)[0];
    assert_eq!(killed(r), Some((Some(8), Some(8), Some(8))));
    assert_eq!(r.date.as_deref(), Some("2025-12-15"));
    // an ordinal is not a count; "had killed" tells one event
    let rs = run(
        Lang::En,
        "2025-12-05",
        "The military said Thursday it had killed four men in a strike on a boat in the eastern Pacific, the 22nd such attack since early September.",
    );
    assert_eq!(killed(events(&rs)[0]), Some((Some(4), Some(4), Some(4))));
    let t = rs
        .iter()
        .find(|r| r.kind == ReportKind::Tally)
        .expect("a tally of strikes");
    assert_eq!(t.figures.strikes.as_ref().and_then(|f| f.best), Some(22));
    // "one of the dead" is not the toll
    let rs = run(
        Lang::Es,
        "2025-11-20",
        "Petro dijo que uno de los muertos en el bombardeo del 15 de septiembre era un pescador.",
    );
    // the September 15 bombing, two months on, is an earlier event told again: a reference
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0].kind, ReportKind::Reference);
    assert_eq!(killed(&rs[0]), None);
}

#[test]
fn since_dates_are_not_as_of_dates() {
    let rs = run(
        Lang::Es,
        "2025-11-02",
        "Suman ya 15 los bombardeos y al menos 64 los fallecidos desde el 2 de septiembre.",
    );
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0].kind, ReportKind::Tally);
    assert_eq!(rs[0].date.as_deref(), Some("2025-11-02"));
    assert_eq!(
        rs[0].figures.strikes.as_ref().and_then(|f| f.best),
        Some(15)
    );
}

#[test]
fn not_ruled_out_and_conditional_threats() {
    let rs = run(
        Lang::Es,
        "2025-11-02",
        "Trump no descartó ataques terrestres en Venezuela.",
    );
    assert_eq!(rs[0].modality, Modality::Proposed);
    assert_eq!(rs[0].kind, ReportKind::Development);
    let rs = run(
        Lang::Es,
        "2026-01-05",
        "Washington amenaza con una segunda ola de bombardeos si el gobierno interino no coopera.",
    );
    // a threat's condition is the threat's: it stays a threat ("warned that they would
    // resume attacks if...")
    assert_eq!(rs[0].modality, Modality::Threatened);
}

#[test]
fn figures_beside_a_development_of_fact_join_the_story_event() {
    // "sent home" is a deployment cue; the toll in the same sentence is the strike's
    let rs = run(
        Lang::En,
        "2025-10-18",
        "The navy hit a semi-submersible on Thursday near the coast. The president said three men aboard died and the one who lived is being sent home.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(killed(ev[0]), Some((Some(3), Some(3), Some(3))));
    assert_eq!(ev[0].date.as_deref(), Some("2025-10-16"));
}

#[test]
fn a_singular_victim_noun_may_stand_between_number_and_cue() {
    let rs = run(
        Lang::En,
        "2025-12-23",
        "The army struck a small vessel on Monday. According to the command, one alleged smuggler was killed in the operation.",
    );
    assert_eq!(killed(events(&rs)[0]), Some((Some(1), Some(1), Some(1))));
    let rs = run(
        Lang::Es,
        "2025-12-05",
        "El jueves las fuerzas de Estados Unidos atacaron una lancha. Tres tripulantes a bordo del bote murieron, según el mando militar.",
    );
    assert_eq!(killed(events(&rs)[0]), Some((Some(3), Some(3), Some(3))));
}

#[test]
fn a_dateline_inside_the_first_sentence_is_not_the_event_date() {
    let rs = run(
        Lang::En,
        "2026-03-21",
        "Miami, March 21: The military destroyed a speedboat in the eastern Pacific on Thursday, officials said.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2026-03-19"));
}

#[test]
fn a_later_event_date_replaces_an_announcement_date_absorbed_earlier() {
    // the first sentence names the strike without a date, the second gives only the day it
    // was announced, the third the day it happened
    let rs = run(
        Lang::En,
        "2025-10-18",
        "Two people survived a military strike on a drug boat in the Caribbean. The survivors of the strike will be flown home, the president said Saturday. Troops rescued them after striking the boat on Thursday.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2025-10-16"));
}

#[test]
fn the_story_boat_placed_at_sea_gives_the_event_its_region() {
    let rs = run(
        Lang::Es,
        "2025-12-05",
        "El jueves, fuerzas de Estados Unidos atacaron una embarcación, según un legislador. El Comando Sur indicó que la lancha navegaba por una ruta de contrabando en el Pacífico oriental. Dos hombres murieron, añadió.",
    );
    let ev = events(&rs);
    assert!(!ev.is_empty(), "{rs:#?}");
    let p = ev[0].place.as_ref().expect("a place");
    assert_eq!(p.region_code.as_deref(), Some("eastern_pacific"));
}

#[test]
fn a_vessel_by_vessel_toll_over_two_seas_gives_one_report_per_sea() {
    let rs = run(
        Lang::En,
        "2026-02-18",
        "Southern Command said nine men were killed on Monday in strikes on three boats. Five died on the first boat in the eastern Pacific, one on a second boat also in the eastern Pacific, and three on a third boat in the Caribbean.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 2, "{rs:#?}");
    let by = |code: &str| {
        ev.iter()
            .find(|r| r.place.as_ref().and_then(|p| p.region_code.as_deref()) == Some(code))
            .unwrap_or_else(|| panic!("no report in {code}: {rs:#?}"))
    };
    let ep = by("eastern_pacific");
    assert_eq!(killed(ep), Some((Some(6), Some(6), Some(6))));
    assert_eq!(ep.figures.vessels.as_ref().and_then(|f| f.best), Some(2));
    assert_eq!(ep.date.as_deref(), Some("2026-02-16"));
    let cb = by("caribbean");
    assert_eq!(killed(cb), Some((Some(3), Some(3), Some(3))));
    assert_eq!(cb.date.as_deref(), Some("2026-02-16"));
}

#[test]
fn kill_before_a_number_outweighs_a_vessel_noun_reached_over_fillers() {
    let rs = run(
        Lang::En,
        "2026-02-17",
        "Navy strikes kill 7 on suspected drug boats off Colombia on Monday.",
    );
    let ev = events(&rs);
    assert_eq!(killed(ev[0]), Some((Some(7), Some(7), Some(7))), "{rs:#?}");
    assert_ne!(ev[0].figures.vessels.as_ref().and_then(|f| f.best), Some(7));
}

#[test]
fn two_days_in_one_date_give_two_events_and_a_span_gives_one() {
    let rs = run(
        Lang::En,
        "2025-12-05",
        "Two further strikes came on October 6 and 9, killing two people in each.",
    );
    let ev = events(&rs);
    let days: Vec<_> = ev.iter().map(|r| r.date.as_deref()).collect();
    assert_eq!(days, [Some("2025-10-06"), Some("2025-10-09")], "{rs:#?}");
    assert!(ev
        .iter()
        .all(|r| killed(r) == Some((Some(2), Some(2), Some(2)))));
    // no "each": the toll over both days is not given to either
    let rs = run(
        Lang::En,
        "2025-12-05",
        "Strikes on boats on October 6 and 9 killed five people.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 2, "{rs:#?}");
    assert!(ev.iter().all(|r| r.figures.killed.is_none()));
    // a span: one event on its first day, and the last day is not a toll
    let rs = run(
        Lang::En,
        "2025-11-14",
        "Officials said two strikes in the Caribbean on Nov. 3-4 killed seven people.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2025-11-03"));
    assert_eq!(killed(ev[0]), Some((Some(7), Some(7), Some(7))));
    let rs = run(
        Lang::Es,
        "2025-12-05",
        "Otros dos ataques ocurrieron el 6 y el 9 de octubre y dejaron dos muertos cada uno.",
    );
    let days: Vec<_> = events(&rs).iter().map(|r| r.date.clone()).collect();
    assert_eq!(
        days,
        [
            Some("2025-10-06".to_string()),
            Some("2025-10-09".to_string())
        ]
    );
}

#[test]
fn an_unresolved_weekday_takes_only_a_date_on_that_weekday() {
    // no publication date: "on Tuesday" cannot be named; 14 October 2025 was a Tuesday,
    // 16 October a Thursday
    let text = "The military struck a speedboat in the Caribbean on Tuesday, killing three people. On Oct. 14, 2025, the command had announced the strike.";
    let rs = run(Lang::En, "", text);
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2025-10-14"));
    let text = "The military struck a speedboat in the Caribbean on Tuesday, killing three people. Relatives of men killed in an Oct. 16, 2025 strike have sued.";
    let rs = run(Lang::En, "", text);
    let ev = events(&rs);
    let main = ev
        .iter()
        .find(|r| killed(r) == Some((Some(3), Some(3), Some(3))))
        .expect("the strike with its toll");
    assert_eq!(main.date, None, "{rs:#?}");
}

#[test]
fn a_year_reference_gives_a_year_only_to_dates_written_without_one() {
    let text = "Two more strikes hit boats on Sept. 15 and 19, killing three people each. Another came on Saturday.";
    let reference = day("2025-12-05");
    let hints = DateHints {
        year_reference: reference,
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &hints);
    check_spans(text, &rs);
    let days: Vec<_> = events(&rs).iter().map(|r| r.date.clone()).collect();
    assert!(days.contains(&Some("2025-09-15".into())), "{rs:#?}");
    assert!(days.contains(&Some("2025-09-19".into())));
    // "on Saturday" still needs the day of publication
    assert!(!days.iter().flatten().any(|d| d.as_str() > "2025-09-19"));
    let rule = events(&rs)[0]
        .claims
        .iter()
        .find(|c| c.field == "date")
        .map(|c| c.rule.clone());
    assert_eq!(
        rule.as_deref(),
        Some("date.explicit.month_day.year_from_reference")
    );
    // without it, no year
    let rs = ex().extract(text, Lang::En, None);
    assert!(events(&rs).iter().all(|r| r.date.is_none()));
    // the reference is rough either way: a date a little after it is in the same year
    let hints = DateHints {
        year_reference: day("2026-02-02"),
        ..DateHints::default()
    };
    let text = "A strike on Feb. 20 sank a boat in the Caribbean, killing three people.";
    let rs = ex().extract_undated(text, Lang::En, &hints);
    assert_eq!(
        events(&rs)[0].date.as_deref(),
        Some("2026-02-20"),
        "{rs:#?}"
    );
}

#[test]
fn a_lead_weekday_is_dated_inside_the_window_of_its_running_total() {
    let text = "A U.S. strike on Thursday sank a boat in the eastern Pacific, killing two people and bringing the campaign's toll to at least 140. On Tuesday another strike had killed three.";
    // the window holds two Thursdays (Jan 8 and Jan 15, 2026); Jan 15 is nearer its middle
    let hints = DateHints {
        lead_window: Some((day("2026-01-06").unwrap(), day("2026-01-18").unwrap())),
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &hints);
    check_spans(text, &rs);
    let ev = events(&rs);
    let lead = ev
        .iter()
        .find(|r| killed(r) == Some((Some(2), Some(2), Some(2))))
        .expect("the lead strike");
    assert_eq!(lead.date.as_deref(), Some("2026-01-15"), "{rs:#?}");
    let rule = lead.claims.iter().find(|c| c.field == "date").unwrap();
    assert_eq!(rule.rule, "date.rel.weekday.publication_estimated");
    // the earlier weekday is read from the same day
    assert!(
        ev.iter().any(|r| r.date.as_deref() == Some("2026-01-13")),
        "{rs:#?}"
    );
    // the total's as-of date would only restate the estimate: left unknown
    let tally = rs
        .iter()
        .find(|r| r.kind == ReportKind::Tally)
        .expect("tally");
    assert_eq!(tally.date, None);
    // a window too long to choose in leaves the weekday unresolved
    let hints = DateHints {
        lead_window: Some((day("2026-01-01").unwrap(), day("2026-02-01").unwrap())),
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &hints);
    assert!(events(&rs).iter().all(|r| r.date.is_none()), "{rs:#?}");
}

#[test]
fn a_weekday_beside_a_month_and_day_picks_the_year() {
    let text = "A strike on a boat in the eastern Pacific on Dec. 29 killed four people. The Coast Guard called off its search late on Thursday, Jan. 1.";
    // Jan. 1 fell on a Thursday in 2026, not in 2025 or 2027
    let hints = DateHints {
        span: Some((day("2025-03-01").unwrap(), day("2027-06-30").unwrap())),
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &hints);
    let ev = events(&rs);
    let strike = ev
        .iter()
        .find(|r| killed(r) == Some((Some(4), Some(4), Some(4))))
        .expect("the strike");
    assert_eq!(strike.date.as_deref(), Some("2025-12-29"), "{rs:#?}");
    let rule = strike.claims.iter().find(|c| c.field == "date").unwrap();
    assert_eq!(rule.rule, "date.explicit.month_day.year_from_weekday");
    // two years that fit (2026 and 2032 for a Thursday Jan. 1): the latest, not after the
    // corpus's last publication
    let hints = DateHints {
        span: Some((day("2026-01-01").unwrap(), day("2032-12-31").unwrap())),
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &hints);
    let dates: Vec<_> = events(&rs).iter().map(|r| r.date.clone()).collect();
    assert!(dates.contains(&Some("2031-12-29".into())), "{rs:#?}");
    let hints = DateHints {
        span: Some((day("2026-01-01").unwrap(), day("2031-12-31").unwrap())),
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &hints);
    let dates: Vec<_> = events(&rs).iter().map(|r| r.date.clone()).collect();
    assert!(dates.contains(&Some("2025-12-29".into())), "{rs:#?}");
}

#[test]
fn a_date_without_a_year_takes_the_one_year_that_puts_it_inside_the_corpus_span() {
    let text = "A strike on a boat in the eastern Pacific on Dec. 30 killed three people.";
    let span = |a: &str, b: &str| DateHints {
        span: Some((day(a).unwrap(), day(b).unwrap())),
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &span("2025-09-01", "2026-04-30"));
    let ev = events(&rs);
    assert_eq!(ev[0].date.as_deref(), Some("2025-12-30"), "{rs:#?}");
    let rule = ev[0].claims.iter().find(|c| c.field == "date").unwrap();
    assert_eq!(rule.rule, "date.explicit.month_day.year_from_span");
    // two Dec. 30 in the span: no year
    let rs = ex().extract_undated(text, Lang::En, &span("2025-01-01", "2026-12-31"));
    assert!(events(&rs).iter().all(|r| r.date.is_none()), "{rs:#?}");
}

#[test]
fn a_date_without_a_year_may_fall_a_little_before_the_first_dated_article() {
    // the campaign's first strike comes the day before the corpus's first dated article
    let text = "The boat struck on September 2 was hit four times, and all 11 aboard died.";
    let hints = DateHints {
        span: Some((day("2025-09-03").unwrap(), day("2026-03-21").unwrap())),
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &hints);
    let ev = events(&rs);
    assert_eq!(ev[0].date.as_deref(), Some("2025-09-02"), "{rs:#?}");
    // six weeks before the first dated article is too far to read a year from the span
    let text = "The boat struck on July 20 was hit four times, and all 11 aboard died.";
    let rs = ex().extract_undated(text, Lang::En, &hints);
    assert!(events(&rs).iter().all(|r| r.date.is_none()), "{rs:#?}");
}

#[test]
fn a_post_quoted_in_english_in_a_spanish_article_is_read_in_english() {
    let text = "El Comando Sur difundió el mensaje en sus redes sociales. On Jan. 23 the forces of the task force carried out a lethal kinetic strike on a boat that was moving through the Eastern Pacific, killing two people. — Example Command (@example) January 23, 2026";
    let rs = ex().extract(text, Lang::Es, None);
    check_spans(text, &rs);
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2026-01-23"));
    assert_eq!(killed(ev[0]), Some((Some(2), Some(2), Some(2))));
    // a Spanish sentence with an English name or two stays Spanish
    let text = "El Pentágono informó que la fuerza de tarea Southern Spear atacó una lancha en el Caribe el 3 de marzo y murieron tres personas.";
    let rs = ex().extract(text, Lang::Es, day("2026-03-04"));
    assert_eq!(
        events(&rs)[0].date.as_deref(),
        Some("2026-03-03"),
        "{rs:#?}"
    );
}

#[test]
fn a_day_month_year_with_full_stops_is_a_date() {
    let text = "Según la Armada, el ataque del viernes (23.01.2026) contra una lancha en el Pacífico oriental dejó dos tripulantes muertos.";
    let rs = ex().extract(text, Lang::Es, None);
    check_spans(text, &rs);
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2026-01-23"));
    // month first is never read: 01.23.2026 is no date
    let text = "Según la Armada, el ataque del viernes (01.23.2026) contra una lancha en el Pacífico oriental dejó dos tripulantes muertos.";
    let rs = ex().extract(text, Lang::Es, None);
    assert!(events(&rs).iter().all(|r| r.date.is_none()), "{rs:#?}");
}

#[test]
fn people_aboard_a_boat_are_counted_as_people_and_a_bring_keeps_the_event_figure() {
    let rs = run(
        Lang::En,
        "2025-12-05",
        "A U.S. strike hit a boat in the eastern Pacific on Thursday. According to the command, three men aboard the vessel were killed, bringing the campaign's death toll to 70.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(killed(ev[0]), Some((Some(3), Some(3), Some(3))));
    let tally = rs
        .iter()
        .find(|r| r.kind == ReportKind::Tally)
        .expect("tally");
    assert_eq!(tally.figures.killed.as_ref().and_then(|f| f.best), Some(70));
    // the 39th strike of a campaign, with its victims: a running total, not an event
    let rs = run(
        Lang::En,
        "2026-02-18",
        "That made it the 39th known strike of the campaign, which has at least 131 known victims in a tracker one paper keeps.",
    );
    assert!(events(&rs).is_empty(), "{rs:#?}");
    let tally = rs
        .iter()
        .find(|r| r.kind == ReportKind::Tally)
        .expect("tally");
    assert_eq!(tally.figures.killed.as_ref().and_then(|f| f.low), Some(131));
}

#[test]
fn an_event_named_as_an_occasion_does_not_take_the_day_it_was_spoken_of() {
    let rs = run(
        Lang::Es,
        "2026-01-07",
        "Las autoridades de la isla difundieron el martes una lista de 30 agentes fallecidos durante el ataque estadounidense sobre Caracas.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date, None);
    // nor what the sentence goes on to say of that occasion
    let rs = run(
        Lang::Es,
        "2026-01-07",
        "Las autoridades de la isla difundieron el martes una lista de 30 agentes fallecidos durante el ataque estadounidense sobre Caracas, que acabó con la captura del presidente.",
    );
    assert!(!events(&rs).is_empty(), "{rs:#?}");
    assert!(events(&rs).iter().all(|r| r.date.is_none()), "{rs:#?}");
    // an event of its own keeps the day it was announced
    let rs = run(
        Lang::En,
        "2026-01-07",
        "The military said on Tuesday it had struck a boat in the Caribbean, killing three people.",
    );
    assert_eq!(
        events(&rs)[0].date.as_deref(),
        Some("2026-01-06"),
        "{rs:#?}"
    );
}

#[test]
fn the_day_something_was_said_of_the_story_boat_dates_an_undated_strike() {
    let text = "A U.S. airstrike that left three people dead hit a suspected smuggling boat in the Caribbean, the defense secretary announced. Posting on X on Saturday evening, he described the vessel as a carrier of narcotics.";
    let rs = run(Lang::En, "2025-11-02", text);
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2025-11-01"));
    let rule = ev[0].claims.iter().find(|c| c.field == "date").unwrap();
    assert_eq!(rule.rule, "date.rel.weekday.story_vessel");
    // a date of its own wins
    let text = "A U.S. airstrike on a suspected smuggling boat in the Caribbean left three people dead on Thursday, the secretary announced. Posting on X on Saturday evening, he described the vessel as a carrier of narcotics.";
    let rs = run(Lang::En, "2025-11-02", text);
    assert_eq!(
        events(&rs)[0].date.as_deref(),
        Some("2025-10-30"),
        "{rs:#?}"
    );
}

#[test]
fn figures_met_before_the_event_is_named_join_it() {
    let rs = run(
        Lang::En,
        "2025-11-01",
        "The operation left three suspected smugglers dead, the secretary said. Earlier today the department hit one more boat in the Caribbean with a lethal strike, he wrote on X.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(killed(ev[0]), Some((Some(3), Some(3), Some(3))));
    assert_eq!(ev[0].date.as_deref(), Some("2025-11-01"));
    // the event's own figure wins over one met before it
    let rs = run(
        Lang::En,
        "2025-11-01",
        "The operation left three suspected smugglers dead, the secretary said. Earlier today a strike on one more boat in the Caribbean killed four people, he wrote on X.",
    );
    assert_eq!(
        killed(events(&rs)[0]),
        Some((Some(4), Some(4), Some(4))),
        "{rs:#?}"
    );
}

#[test]
fn lethal_kinetic_operations_are_strikes() {
    let rs = run(
        Lang::En,
        "2026-03-09",
        "The command said its forces backed Ecuadorian troops carrying out lethal kinetic operations against armed groups inside Ecuador on March 6.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].event_type, EventType::Strike);
    assert_eq!(ev[0].date.as_deref(), Some("2026-03-06"));
    assert_eq!(
        ev[0].place.as_ref().and_then(|p| p.country.as_deref()),
        Some("EC")
    );
}

#[test]
fn a_sum_over_one_event_is_its_toll_not_a_tally() {
    let rs = run(
        Lang::En,
        "2025-12-02",
        "The raid on the boat on Sept. 2 killed nine people in all: seven in the first blast and two in the second.",
    );
    assert!(rs.iter().all(|r| r.kind != ReportKind::Tally), "{rs:#?}");
    assert_eq!(killed(events(&rs)[0]), Some((Some(9), Some(9), Some(9))));
    // with no single event named, "in all" still sums a campaign
    let rs = run(
        Lang::En,
        "2025-12-02",
        "The strikes have killed 90 people in all since the summer.",
    );
    assert!(rs.iter().any(|r| r.kind == ReportKind::Tally), "{rs:#?}");
}

#[test]
fn what_the_new_strikes_bring_the_count_to_is_the_tally() {
    let rs = run(
        Lang::En,
        "2025-11-10",
        "The three attacks bring the number of reported strikes since early September to 22 and the number of people killed to at least 80.",
    );
    let t = rs
        .iter()
        .find(|r| r.kind == ReportKind::Tally)
        .expect("a tally");
    assert_eq!(
        t.figures.strikes.as_ref().and_then(|f| f.best),
        Some(22),
        "{rs:#?}"
    );
    assert_eq!(t.figures.killed.as_ref().and_then(|f| f.low), Some(80));
}

#[test]
fn a_weekday_to_come_dates_no_event() {
    // published on a Tuesday: "Thursday" after "is expected to" is two days later
    let rs = run(
        Lang::En,
        "2025-12-02",
        "Senators opened inquiries into the boat attacks, and the admiral is expected to brief them on Thursday.",
    );
    assert!(events(&rs).is_empty(), "{rs:#?}");
    let rs = run(
        Lang::Es,
        "2025-12-02",
        "Los senadores abrieron investigaciones sobre los ataques a lanchas y el almirante declarará el jueves ante ellos.",
    );
    assert!(events(&rs).is_empty(), "{rs:#?}");
    // a plan keeps the day ahead
    let rs = run(
        Lang::En,
        "2025-12-02",
        "The Senate will vote on Thursday on a resolution to halt the strikes.",
    );
    for r in rs.iter().filter(|r| r.date.is_some()) {
        assert!(r.date.as_deref() >= Some("2025-12-02"), "{rs:#?}");
    }
    // "Tuesday's strike" stays the past Tuesday even beside a future verb
    let rs = run(
        Lang::En,
        "2025-12-04",
        "The command will release video of Tuesday's strike on a speedboat, which killed two.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2025-12-02"));
}

#[test]
fn an_event_named_again_by_its_ordinal_is_the_same_event() {
    // published late in September: an event of the month is news (of an ended month, a
    // reference)
    let text = "Officials defended a second strike on a burning speedboat early in September. \
                On Monday, a spokeswoman said the commander had the authority to order the second strike.";
    let rs = run(Lang::En, "2025-09-29", text);
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2025-09"));
    let text = "Los funcionarios defendieron un segundo ataque contra una lancha en llamas a principios de septiembre. \
                El lunes, una portavoz afirmó que el comandante tenía autoridad para ordenar el segundo ataque.";
    let rs = run(Lang::Es, "2025-09-29", text);
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2025-09"));
    // without the ordinal, a strike dated by its own sentence stays apart
    let text = "A strike on a speedboat early in September killed three. \
                On Monday, the military struck another boat in the Caribbean, killing two.";
    let rs = run(Lang::En, "2025-09-29", text);
    assert_eq!(events(&rs).len(), 2, "{rs:#?}");
}

#[test]
fn a_dateline_without_a_year_is_placed_by_the_span_of_the_corpus() {
    // the banner above is the page's capture date, not the story's
    let text = "Monday, March 9, 2026\nMenu\n\nQUITO, Dec 30 (Wire) - A U.S. strike sank a boat in the eastern Pacific on Tuesday, killing three people, officials said. An earlier strike on Dec. 27 had hit a boat in the Caribbean, killing two.";
    let hints = DateHints {
        span: Some((day("2025-09-03").unwrap(), day("2026-04-20").unwrap())),
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &hints);
    check_spans(text, &rs);
    let ev = events(&rs);
    assert_eq!(ev.len(), 2, "{rs:#?}");
    // 30 December 2025 was a Tuesday: the strike is that day
    assert_eq!(ev[0].date.as_deref(), Some("2025-12-30"));
    let rule = ev[0].claims.iter().find(|c| c.field == "date").unwrap();
    assert_eq!(rule.rule, "date.rel.weekday.dateline.year_from_span");
    // a date written without a year takes the dateline's, and says so
    assert_eq!(ev[1].date.as_deref(), Some("2025-12-27"));
    let rule = ev[1].claims.iter().find(|c| c.field == "date").unwrap();
    assert_eq!(rule.rule, "date.explicit.month_day.dateline.year_from_span");
    // a span holding two December 30ths leaves it unplaced
    let hints = DateHints {
        span: Some((day("2025-09-03").unwrap(), day("2027-01-20").unwrap())),
        ..DateHints::default()
    };
    let rs = ex().extract_undated(text, Lang::En, &hints);
    // ("Dec. 27" still takes the year of the full date the page gives)
    let lead = events(&rs)
        .into_iter()
        .find(|r| killed(r) == Some((Some(3), Some(3), Some(3))))
        .expect("the lead strike");
    assert_eq!(lead.date, None, "{rs:#?}");
}

#[test]
fn a_date_written_before_another_events_noun_is_that_events() {
    // the year-old attacks the authority was first cited for are not the campaign's strikes
    let rs = run(
        Lang::En,
        "2025-11-02",
        "Officials justify the boat strikes with a war authorization that Congress passed after the Sept. 11, 2001, attacks.",
    );
    assert!(events(&rs).is_empty(), "{rs:#?}");
    // a filing about a strike named by its date is not dated by it
    let rs = run(
        Lang::En,
        "2026-01-28",
        "Families of two men killed in the Oct. 14 strike off Venezuela have filed a lawsuit in federal court.",
    );
    let ev = events(&rs);
    assert!(
        ev.iter().all(|r| r.date.as_deref() == Some("2025-10-14")),
        "{rs:#?}"
    );
    assert!(
        rs.iter()
            .filter(|r| r.kind == ReportKind::Development)
            .all(|r| r.date.is_none()),
        "{rs:#?}"
    );
}

#[test]
fn strikes_summed_up_under_a_perfect_give_a_tally_unless_dated_to_a_day() {
    let rs = run(
        Lang::En,
        "2025-11-12",
        "The Pentagon has carried out strikes against small craft it accuses of trafficking, killing at least 95 people.",
    );
    assert!(events(&rs).is_empty(), "{rs:#?}");
    let t = rs
        .iter()
        .find(|r| r.kind == ReportKind::Tally)
        .expect("a tally");
    assert_eq!(killed(t), Some((Some(95), Some(95), None)));
    let rs = run(
        Lang::Es,
        "2025-11-12",
        "Las fuerzas estadounidenses han realizado ataques contra lanchas, matando al menos a 80 personas.",
    );
    assert!(events(&rs).is_empty(), "{rs:#?}");
    assert!(rs.iter().any(|r| r.kind == ReportKind::Tally));
    // given their day, they are that day's event
    let rs = run(
        Lang::En,
        "2025-11-12",
        "The military has carried out strikes on Monday against boats in the Caribbean, killing six people.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2025-11-10"));
    assert_eq!(killed(ev[0]), Some((Some(6), Some(6), Some(6))));
}

#[test]
fn strikes_each_followed_by_a_day_of_their_own_are_so_many_events() {
    let rs = run(
        Lang::Es,
        "2025-10-23",
        "La operación sigue a un ataque el 3 de octubre que dejó cuatro muertos y a otro ataque el 14 de octubre en el que murieron seis personas, y los bombardeos continúan.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 2, "{rs:#?}");
    let by_day: Vec<_> = ev
        .iter()
        .map(|r| {
            (
                r.date.clone().unwrap_or_default(),
                killed(r).and_then(|k| k.1),
            )
        })
        .collect();
    assert!(
        by_day.contains(&("2025-10-03".into(), Some(4))),
        "{by_day:?}"
    );
    assert!(
        by_day.contains(&("2025-10-14".into(), Some(6))),
        "{by_day:?}"
    );
    // the day an earlier attack was announced is not that attack's: the one strike with a
    // day of its own keeps it, and its toll
    let rs = run(
        Lang::En,
        "2025-10-23",
        "Before this came an attack the secretary announced on October 3 and a strike off Venezuela on October 14 that left six people dead.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2025-10-14"));
    assert_eq!(killed(ev[0]), Some((Some(6), Some(6), Some(6))));
}

#[test]
fn a_third_who_survived_is_one_survivor() {
    for (lang, text) in [
        (
            Lang::En,
            "On Friday a U.S. strike hit a boat in the eastern Pacific, killing two crew members; a third survived.",
        ),
        (
            Lang::Es,
            "El viernes un ataque estadounidense alcanzó una lancha en el Pacífico oriental: murieron dos tripulantes y un tercero fue rescatado con vida.",
        ),
    ] {
        let rs = run(lang, "2026-01-24", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{rs:#?}");
        assert_eq!(killed(ev[0]), Some((Some(2), Some(2), Some(2))));
        let s = ev[0].figures.survivors.as_ref().expect("one survivor");
        assert_eq!((s.low, s.best, s.high), (Some(1), Some(1), Some(1)));
        assert!(s.surface == "a third" || s.surface == "un tercero", "{}", s.surface);
    }
}

#[test]
fn headlines_in_the_present_tense_report_strikes() {
    for (lang, text, k) in [
        (
            Lang::Es,
            "EE.UU. ataca otra lancha en el Pacífico oriental y mata a tres personas.",
            3,
        ),
        (
            Lang::Es,
            "El Comando Sur bombardea una narcolancha en el Caribe y deja dos muertos.",
            2,
        ),
        (
            Lang::Es,
            "Estados Unidos hunde una embarcación en el Caribe; mueren cuatro tripulantes.",
            4,
        ),
        (
            Lang::En,
            "U.S. military blows up another boat in the Caribbean, killing three.",
            3,
        ),
        (
            Lang::En,
            "U.S. destroys a suspected drug boat in the eastern Pacific, killing two.",
            2,
        ),
    ] {
        let rs = run(lang, "2026-01-24", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{text}: {rs:#?}");
        assert_eq!(ev[0].modality, Modality::Occurred);
        assert_eq!(killed(ev[0]).and_then(|f| f.1), Some(k), "{text}");
        assert!(ev[0].place.is_some(), "{text}");
    }
    // a verbal attack is no strike
    let rs = run(
        Lang::Es,
        "2026-01-24",
        "La presidenta ataca a la oposición por sus críticas.",
    );
    assert!(events(&rs).is_empty(), "{rs:#?}");
}

#[test]
fn an_article_before_a_toll_noun_is_no_count() {
    // "un saldo de": the article opens the toll; the count is the number inside it
    let rs = run(
        Lang::Es,
        "2026-01-24",
        "La Armada atacó una lancha en el Pacífico, lo que dejó un saldo de tres personas muertas y un sobreviviente.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(killed(ev[0]).and_then(|f| f.1), Some(3), "{rs:#?}");
    assert_eq!(
        ev[0].figures.survivors.as_ref().and_then(|f| f.best),
        Some(1)
    );
}

#[test]
fn day_comma_month_year_is_a_full_date() {
    let rs = run(
        Lang::En,
        "2026-02-20",
        "On 11, February 2026, the Navy struck a speedboat in the Caribbean, killing four people.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2026-02-11"));
}

#[test]
fn a_strike_last_week_joins_the_dated_strike_of_that_week() {
    // published on a Monday: "last week" is the seven days from the Monday before
    let text = "On Feb. 12 the U.S. military struck a speedboat in the Caribbean, killing three people. \
                Pieces of the speedboat blown up in the strike last week washed ashore on Saturday.";
    let rs = run(Lang::En, "2026-02-16", text);
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2026-02-12"));
    // a strike of the week before that stays apart
    let text =
        "On Feb. 3 the U.S. military struck a speedboat in the Caribbean, killing three people. \
                Another speedboat was blown up in a strike last week.";
    let ev_n = events(&run(Lang::En, "2026-02-16", text)).len();
    assert_eq!(ev_n, 2);
}

fn rivals(r: &Report) -> Vec<i64> {
    r.claims
        .iter()
        .filter(|c| c.rival && c.field == "killed")
        .filter_map(|c| c.value.as_figure()?.best)
        .collect()
}

#[test]
fn a_toll_from_another_source_is_a_rival_not_lost() {
    for (lang, text, own, rival) in [
        (
            Lang::En,
            "The Navy struck a speedboat in the Caribbean Sea on March 2. Officials told reporters \
             two men were killed. A local fishing association said four people died.",
            2,
            4,
        ),
        (
            Lang::Es,
            "La Armada atacó una lancha en el Caribe el 2 de marzo. Según el Comando Sur, murieron \
             tres personas. Sin embargo, los familiares aseguraron que murieron cinco pescadores.",
            3,
            5,
        ),
    ] {
        let rs = run(lang, "2026-03-04", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{rs:#?}");
        assert_eq!(killed(ev[0]).and_then(|f| f.1), Some(own), "{text}");
        assert_eq!(rivals(ev[0]), vec![rival], "{text}");
    }
    // the boat-by-boat parts of a total, from the story's own voice, are no rivals
    let rs = run(
        Lang::En,
        "2026-03-04",
        "The Navy struck two speedboats in the eastern Pacific on March 2, killing five people. \
         Three people were killed on the first boat. Two died on the second.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(killed(ev[0]).and_then(|f| f.1), Some(5));
    assert!(rivals(ev[0]).is_empty(), "{rs:#?}");
}

#[test]
fn what_a_cargo_could_kill_is_no_toll() {
    for (lang, text) in [
        (
            Lang::En,
            "The strike killed four men, the Pentagon said. The president wrote that the boat \
             held enough narcotics to kill 30,000 people.",
        ),
        (
            Lang::Es,
            "El ataque mató a cuatro hombres, dijo el Pentágono. El presidente escribió que la \
             lancha llevaba droga suficiente para matar a 30.000 personas.",
        ),
    ] {
        let rs = run(lang, "2025-10-04", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{rs:#?}");
        assert_eq!(killed(ev[0]).and_then(|f| f.1), Some(4));
        let tolls: Vec<&str> = ev[0]
            .claims
            .iter()
            .filter(|c| c.field == "killed")
            .map(|c| c.surface.as_str())
            .collect();
        assert_eq!(tolls.len(), 1, "{text}: {tolls:?}");
    }
}

#[test]
fn local_media_are_another_outlet() {
    for (lang, text) in [
        (
            Lang::Es,
            "La Armada atacó una lancha en el Caribe el 2 de marzo. Según el Comando Sur, murieron \
             tres personas. Medios locales aseguraron que murieron cinco pescadores.",
        ),
        (
            Lang::En,
            "The Navy struck a speedboat in the Caribbean Sea on March 2. Southern Command said \
             three people were killed. Local media reported that five fishermen died.",
        ),
    ] {
        let rs = run(lang, "2026-03-04", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{rs:#?}");
        let c = ev[0]
            .claims
            .iter()
            .find(|c| c.rival)
            .unwrap_or_else(|| panic!("{text}: {rs:#?}"));
        assert_eq!(c.source.kind, SourceKind::OtherOutlet, "{text}");
    }
}

#[test]
fn an_embedded_post_dates_the_lead_weekday_of_an_undated_article() {
    // the post (a Thursday) announces the strike; "on Tuesday" is then the Tuesday of the
    // week up to it, whatever day the article came out
    let text = "The Navy sank a speedboat in the Caribbean on Tuesday, killing four people.\n\
                The command shared a clip of the strike.\n\
                Forces conducted a lethal strike on a vessel in the Caribbean. Four were killed.\n\
                \u{2014} Example Command (@ExampleCmd) March 5, 2026\n\
                Officials gave no further details.";
    let rs = ex().extract_undated(text, Lang::En, &DateHints::default());
    check_spans(text, &rs);
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].date.as_deref(), Some("2026-03-03"));
    // a post older than a month the story names is background: nothing dated from it
    let text = "The Navy sank a speedboat in the Caribbean on Tuesday, killing four people. \
                Strikes began in September 2025 and went on into April 2026.\n\
                Forces conducted a lethal strike on a vessel in the Caribbean.\n\
                \u{2014} Example Command (@ExampleCmd) March 5, 2026\n";
    let rs = ex().extract_undated(text, Lang::En, &DateHints::default());
    assert!(events(&rs).iter().all(|r| r.date.is_none()), "{rs:#?}");
    // a post that tells of no strike dates nothing either
    let text = "The Navy sank a speedboat in the Caribbean on Tuesday, killing four people.\n\
                The minister praised the fishermen of the coast.\n\
                \u{2014} Example Minister (@ExampleMin) March 5, 2026\n";
    let rs = ex().extract_undated(text, Lang::En, &DateHints::default());
    assert!(events(&rs).iter().all(|r| r.date.is_none()), "{rs:#?}");
}

#[test]
fn the_strike_told_again_with_another_sources_toll_is_a_rival() {
    for (lang, text) in [
        (
            Lang::En,
            "The Navy struck a speedboat in the Caribbean Sea on March 2, killing three people, \
             Southern Command said. Local media said the strike killed five fishermen.",
        ),
        (
            Lang::Es,
            "La Armada atacó una lancha en el Caribe el 2 de marzo y mató a tres personas, según \
             el Comando Sur. Medios locales afirmaron que el ataque dejó cinco pescadores muertos.",
        ),
    ] {
        let rs = run(lang, "2026-03-04", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{text}: {rs:#?}");
        assert_eq!(killed(ev[0]).and_then(|f| f.1), Some(3));
        assert_eq!(rivals(ev[0]), vec![5], "{text}");
    }
    // a definite noun with a place of its own elsewhere is another event
    let rs = run(
        Lang::En,
        "2026-03-04",
        "The Navy struck a speedboat in the Caribbean Sea on March 2, killing three people, \
         Southern Command said. Officials said the attack on Venezuela in January killed at \
         least 80 people.",
    );
    let ev = events(&rs);
    assert!(ev.iter().all(|r| rivals(r).is_empty()), "{rs:#?}");
}

#[test]
fn the_dead_a_family_speaks_for_are_no_toll() {
    for (lang, text) in [
        (
            Lang::En,
            "The Navy struck a speedboat in the Caribbean Sea on March 2, killing six people. \
             The families of two fishermen killed in the strike have filed a lawsuit.",
        ),
        (
            Lang::Es,
            "La Armada atacó una lancha en el Caribe el 2 de marzo y mató a seis personas. \
             Los familiares de dos pescadores muertos en el ataque presentaron una demanda.",
        ),
    ] {
        let rs = run(lang, "2026-03-10", text);
        let ev = events(&rs);
        assert_eq!(ev.len(), 1, "{text}: {rs:#?}");
        assert_eq!(killed(ev[0]).and_then(|f| f.1), Some(6));
        let tolls = ev[0].claims.iter().filter(|c| c.field == "killed").count();
        assert_eq!(tolls, 1, "{text}: {rs:#?}");
    }
}

#[test]
fn a_tally_of_strikes_and_deaths_keeps_each_count_in_its_field() {
    let rs = run(
        Lang::En,
        "2026-05-29",
        "The newest strike, on Thursday in the Caribbean, killed 3 people, bringing the total of known strikes to 62 and deaths to at least 203.",
    );
    let t: Vec<_> = rs.iter().filter(|r| r.kind == ReportKind::Tally).collect();
    assert_eq!(t.len(), 1, "{rs:#?}");
    assert_eq!(killed(t[0]), Some((Some(203), Some(203), None)), "{rs:#?}");
    let s = t[0].figures.strikes.as_ref().expect("strikes");
    assert_eq!((s.low, s.best, s.high), (Some(62), Some(62), Some(62)));
    assert_eq!(killed(events(&rs)[0]), Some((Some(3), Some(3), Some(3))));
}

#[test]
fn the_day_before_counts_from_the_day_an_earlier_sentence_named() {
    let rs = run(
        Lang::En,
        "2026-05-22",
        "Wednesday's strike killed three people, officials said. Another strike the day before killed two.",
    );
    let ev = events(&rs);
    let two = ev
        .iter()
        .find(|r| killed(r) == Some((Some(2), Some(2), Some(2))))
        .expect("the earlier strike");
    assert_eq!(two.date.as_deref(), Some("2026-05-19"), "{rs:#?}");
    // with no day named before it, "the day before" counts from publication
    let rs = run(
        Lang::En,
        "2026-05-22",
        "Officials said a strike the day before killed two people.",
    );
    assert_eq!(
        events(&rs)[0].date.as_deref(),
        Some("2026-05-21"),
        "{rs:#?}"
    );
}

#[test]
fn one_pulled_or_found_alive_is_a_survivor_and_perdieron_la_vida_counts_the_dead() {
    let rs = run(
        Lang::En,
        "2026-05-06",
        "Two men died and a third was pulled alive from the sea after a strike on a skiff in the Caribbean on Monday.",
    );
    let s = events(&rs)[0]
        .figures
        .survivors
        .as_ref()
        .expect("survivors");
    assert_eq!(s.best, Some(1), "{rs:#?}");
    let rs = run(
        Lang::Es,
        "2026-05-11",
        "Un tripulante fue rescatado tras el ataque del domingo, en el que perdieron la vida otros dos hombres.",
    );
    assert_eq!(
        killed(events(&rs)[0]),
        Some((Some(2), Some(2), Some(2))),
        "{rs:#?}"
    );
}

#[test]
fn a_regional_state_force_or_local_officials_are_a_local_authority() {
    for (tail, name) in [
        ("the Colombian navy said", Some("Colombian Navy")),
        ("Ecuador's military said", Some("Ecuadorian military")),
        ("according to local officials", None),
    ] {
        let text =
            format!("A strike on a boat in the Caribbean on Friday killed three people, {tail}.");
        let rs = run(Lang::En, "2026-05-10", &text);
        let e = events(&rs)[0];
        assert_eq!(e.source.kind, SourceKind::LocalAuthority, "{tail}: {rs:#?}");
        assert_eq!(e.source.name.as_deref(), name, "{tail}");
    }
}

#[test]
fn a_part_of_a_country_is_still_the_place_of_a_strike_on_land() {
    for (lang, text) in [
        (Lang::En, "U.S. jets struck a drug laboratory in western Venezuela on Thursday, killing at least seven people."),
        (Lang::Es, "Aviones estadounidenses bombardearon el jueves un laboratorio en el occidente de Venezuela y mataron a siete personas."),
    ] {
        let rs = run(lang, "2026-05-08", text);
        let p = events(&rs)[0].place.as_ref().expect("a place");
        assert_eq!(p.country.as_deref(), Some("VE"), "{text}");
    }
}

#[test]
fn the_death_toll_of_one_named_strike_is_its_dead_not_a_campaign_total() {
    for text in [
        "A strike on Tuesday hit a boat in the Caribbean. The death toll from the strike rose to four after a survivor died.",
        // a bare "toll" said to be one strike's
        "The Pentagon later revised the toll from last Tuesday's strike to four.",
    ] {
        let rs = run(Lang::En, "2026-05-08", text);
        assert!(rs.iter().all(|r| r.kind != ReportKind::Tally), "{rs:#?}");
        assert_eq!(
            killed(events(&rs)[0]),
            Some((Some(4), Some(4), Some(4))),
            "{rs:#?}"
        );
    }
    // the campaign's toll stays a tally
    let rs = run(
        Lang::En,
        "2026-05-08",
        "A strike on Tuesday hit a boat in the Caribbean. The death toll from the campaign now stands at 190.",
    );
    let t: Vec<_> = rs.iter().filter(|r| r.kind == ReportKind::Tally).collect();
    assert_eq!(
        killed(t[0]),
        Some((Some(190), Some(190), Some(190))),
        "{rs:#?}"
    );
}

#[test]
fn tolls_told_boat_by_boat_are_summed_per_sea_region() {
    for (lang, text) in [
        (Lang::En, "U.S. forces struck three vessels on Wednesday, the command said. Eleven men died: four on one boat and four on another in the eastern Pacific, and three on a vessel in the Caribbean."),
        (Lang::En, "U.S. forces struck three vessels on Wednesday, the command said. Four men died on the first vessel and four on the second, both in the eastern Pacific, and three on the third, in the Caribbean."),
        (Lang::Es, "Estados Unidos atacó el miércoles tres embarcaciones, informó el Comando Sur. Murieron cuatro hombres en una lancha y cuatro en otra en el Pacífico oriental, y tres en una embarcación en el Caribe."),
    ] {
        let rs = run(lang, "2026-05-15", text);
        let ev = events(&rs);
        let by_region = |code: &str| {
            ev.iter()
                .find(|r| r.place.as_ref().and_then(|p| p.region_code.as_deref()) == Some(code))
                .and_then(|r| killed(r))
        };
        assert_eq!(by_region("eastern_pacific"), Some((Some(8), Some(8), Some(8))), "{text}\n{rs:#?}");
        assert_eq!(by_region("caribbean"), Some((Some(3), Some(3), Some(3))), "{text}");
    }
    // a region named before its boats leaves the last boat with none: no breakdown
    let rs = run(
        Lang::En,
        "2026-05-15",
        "U.S. forces struck three vessels on Wednesday. In the eastern Pacific, four died on one boat and four on another; in the Caribbean, three died on a third.",
    );
    assert_eq!(events(&rs).len(), 1, "{rs:#?}");
}

#[test]
fn a_breakdown_in_the_sentence_that_tells_of_the_strikes_takes_its_date_and_source() {
    let rs = run(
        Lang::En,
        "2026-05-15",
        "Three strikes on Wednesday killed eleven men, four on the first vessel in the eastern Pacific, four on the second vessel in the eastern Pacific and three on the third vessel in the Caribbean, Southern Command said.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 2, "{rs:#?}");
    for r in ev {
        assert_eq!(r.date.as_deref(), Some("2026-05-13"), "{rs:#?}");
        assert_eq!(r.source.name.as_deref(), Some("U.S. Southern Command"));
    }
}

#[test]
fn a_list_of_tolls_per_region_with_their_boats_is_split_per_region() {
    for (lang, text, ep_vessels) in [
        (Lang::En, "The command said it struck three boats on Monday, killing ten men: three each on two boats in the eastern Pacific and four on one boat in the Caribbean.", 2),
        (Lang::Es, "El Comando Sur informó de diez muertos en tres ataques el lunes: seis en el Pacífico oriental, en dos lanchas, y cuatro en una lancha en el Caribe.", 2),
    ] {
        let rs = run(lang, "2026-05-12", text);
        let ev = events(&rs);
        let in_region = |code: &str| {
            *ev.iter()
                .find(|r| r.place.as_ref().and_then(|p| p.region_code.as_deref()) == Some(code))
                .unwrap_or_else(|| panic!("{code}: {rs:#?}"))
        };
        let ep = in_region("eastern_pacific");
        assert_eq!(killed(ep), Some((Some(6), Some(6), Some(6))), "{text}");
        assert_eq!(ep.figures.vessels.as_ref().and_then(|v| v.best), Some(ep_vessels));
        assert_eq!(killed(in_region("caribbean")), Some((Some(4), Some(4), Some(4))), "{text}");
        assert_eq!(ep.date.as_deref(), Some("2026-05-11"));
    }
}

#[test]
fn a_campaign_count_per_region_is_not_split_into_strikes() {
    let rs = run(
        Lang::En,
        "2026-05-12",
        "A strike on Monday killed two men in the Caribbean. Since September the strikes have killed 120 people in the Caribbean, on 35 boats, and 80 in the eastern Pacific, on 25 boats.",
    );
    let ev = events(&rs);
    assert!(
        ev.iter()
            .all(|r| killed(r).and_then(|k| k.1).unwrap_or(0) < 10),
        "{rs:#?}"
    );
}

#[test]
fn spanish_phrasings_of_the_dead_and_of_unnamed_official_sources() {
    let rs = run(
        Lang::Es,
        "2026-05-12",
        "Según el secretario de Guerra, el ataque del domingo contra una lancha en el Caribe acabó con la vida de cuatro tripulantes.",
    );
    assert_eq!(
        killed(events(&rs)[0]),
        Some((Some(4), Some(4), Some(4))),
        "{rs:#?}"
    );
    let rs = run(
        Lang::Es,
        "2026-05-12",
        "Fuentes oficiales citadas por la agencia Reuters indicaron que el ataque del lunes contra una lancha causó la muerte de seis personas.",
    );
    let e = events(&rs)[0];
    assert_eq!(e.source.kind, SourceKind::AnonymousOfficials, "{rs:#?}");
}

#[test]
fn a_quoted_aside_between_a_count_and_its_verb_is_skipped() {
    let rs = run(
        Lang::En,
        "2025-10-18",
        "He said two other suspected drug smugglers, whom he called “narco-terrorists,” had been killed in the attack on Thursday.",
    );
    assert_eq!(
        killed(events(&rs)[0]),
        Some((Some(2), Some(2), Some(2))),
        "{rs:#?}"
    );
}

#[test]
fn none_of_the_four_survived_is_four_dead_not_four_survivors() {
    for (lang, text) in [
        (Lang::En, "A U.S. strike hit a boat in the Caribbean on Tuesday. None of the four men aboard survived."),
        (Lang::Es, "Un ataque estadounidense alcanzó el martes una lancha en el Caribe. Ninguno de los cuatro tripulantes sobrevivió."),
        (Lang::En, "A U.S. strike hit a boat in the Caribbean on Tuesday, and there were no survivors among the four people on board."),
        (Lang::Es, "Un ataque estadounidense alcanzó el martes una lancha en el Caribe; no hubo sobrevivientes entre los cuatro ocupantes."),
    ] {
        let rs = run(lang, "2026-05-08", text);
        let e = events(&rs)[0];
        assert_eq!(killed(e), Some((Some(4), Some(4), Some(4))), "{text}\n{rs:#?}");
        assert!(e.figures.survivors.as_ref().is_none_or(|s| s.best != Some(4)));
    }
}

#[test]
fn an_absurd_toll_per_boat_neither_overflows_nor_splits() {
    let rs = run(
        Lang::En,
        "2026-05-12",
        "Strikes on Monday killed many: 900000000000 each on 900000000000 boats in the eastern Pacific and 3 on one boat in the Caribbean.",
    );
    assert!(events(&rs).len() <= 1, "{rs:#?}");
}

#[test]
fn a_clash_named_with_the_group_first_is_the_state_forces_operation() {
    // the armed group is named first, the state force second: still the force's operation
    let rs = run(
        Lang::Es,
        "2025-08-20",
        "El 17 de agosto se registró un enfrentamiento entre disidentes de las FARC y el Ejército colombiano en el Cauca, con tres muertos.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].event_type, EventType::Raid);
    assert_eq!(ev[0].date.as_deref(), Some("2025-08-17"));
    let perp = ev[0].perpetrator().expect("a perpetrator");
    assert_eq!(perp.state.as_deref(), Some("CO"));
    let rs = run(
        Lang::En,
        "2025-03-04",
        "Four people died on March 2 in a clash between jihadist fighters and Nigerian troops in Borno state.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].event_type, EventType::Raid);
    assert_eq!(ev[0].date.as_deref(), Some("2025-03-02"));
    // fighting between groups alone is still no state's operation
    for (lang, text) in [
        (
            Lang::En,
            "On Sunday a clash between rival militias in Tripoli left six dead.",
        ),
        (
            Lang::Es,
            "El domingo un enfrentamiento entre bandas rivales en Guayaquil dejó seis muertos.",
        ),
    ] {
        let rs = run(lang, "2025-03-04", text);
        assert!(
            !events(&rs).iter().any(|r| r.event_type == EventType::Raid),
            "{text}: {rs:#?}"
        );
    }
}

#[test]
fn a_group_that_reports_strikes_on_itself_is_not_their_perpetrator() {
    // the group only says what hit it: its words are no attack of its own
    for (lang, text) in [
        (
            Lang::En,
            "Al-Shabaab's radio said on Sunday two American drone strikes hit its bases near Jilib.",
        ),
        (
            Lang::En,
            "The rebels' press office said 9 U.S. airstrikes hit a port in Hodeidah on Saturday.",
        ),
        (
            Lang::Es,
            "La radio de Al Shabab dijo el domingo que dos ataques estadounidenses con drones alcanzaron sus bases cerca de Jilib.",
        ),
    ] {
        let rs = run(lang, "2025-04-21", text);
        let ev = events(&rs);
        assert!(
            ev.iter().any(|r| r.event_type == EventType::Strike),
            "{text}: {rs:#?}"
        );
        assert!(
            !ev.iter().any(|r| r.event_type == EventType::Attack),
            "{text}: {rs:#?}"
        );
    }
    // a reporting verb set off by commas leaves the group the subject of its own attack
    let rs = run(
        Lang::En,
        "2025-04-21",
        "Houthi fighters, officials said, attacked a cargo ship in the Red Sea on Saturday.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].event_type, EventType::Attack);
    let rs = run(
        Lang::Es,
        "2025-04-21",
        "Milicianos hutíes atacaron el sábado un buque de carga en el mar Rojo, según dijeron funcionarios.",
    );
    let ev = events(&rs);
    assert_eq!(ev.len(), 1, "{rs:#?}");
    assert_eq!(ev[0].event_type, EventType::Attack);
}

#[test]
fn a_group_that_claims_an_attack_stays_its_perpetrator() {
    for (lang, text) in [
        (
            Lang::En,
            "The Taliban claimed a suicide bombing on Tuesday that killed nine people in Kabul.",
        ),
        (
            Lang::Es,
            "El ELN reivindicó el martes un atentado con explosivos que mató a dos policías en Arauca.",
        ),
    ] {
        let rs = run(lang, "2025-06-05", text);
        let ev = events(&rs);
        assert!(
            ev.iter().all(|r| r.event_type == EventType::Attack) && !ev.is_empty(),
            "{text}: {rs:#?}"
        );
    }
}

#[test]
fn a_verb_and_the_plural_targets_it_takes_tell_an_act() {
    // written for this test: no date, no toll, plural targets after the verb
    for (lang, text) in [
        (
            Lang::En,
            "The army struck militant positions near Kismayo, the ministry said.",
        ),
        (
            Lang::Es,
            "Las tropas atacaron posiciones del ELN cerca de Saravena, informó el Ejército.",
        ),
    ] {
        let rs = run(lang, "2025-11-05", text);
        assert_eq!(events(&rs).len(), 1, "{text}\n{rs:#?}");
    }
    // the targets told first, as a relative clause does: the campaign's boats, no act
    let rs = run(
        Lang::En,
        "2025-11-05",
        "Officials described the boats the military destroyed as fast launches.",
    );
    assert!(events(&rs).is_empty(), "{rs:#?}");
}
