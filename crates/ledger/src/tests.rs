//! Unit tests on synthetic reports (built directly, never copied from real articles).

use sw_model::{
    Actor, DateBasis, DatePrecision, EventType, Figure, Figures, Modality, PlaceRef, Report,
    ReportKind, Source, SourceKind, TargetKind,
};

use crate::export::{self, ExportFormat, FORMATS};
use crate::{build, tally_check, Grade, Ledger, ReportInput};

fn fig(n: i64) -> Option<Figure> {
    Some(Figure {
        low: Some(n),
        best: Some(n),
        high: Some(n),
        approx: false,
        surface: n.to_string(),
    })
}

fn sea(code: &str) -> Option<PlaceRef> {
    let (name, lat, lon) = match code {
        "caribbean" => ("Caribbean Sea", 15.0, -75.0),
        _ => ("eastern Pacific", 10.0, -95.0),
    };
    Some(PlaceRef {
        name: name.into(),
        country: None,
        region: Some(name.into()),
        region_code: Some(code.into()),
        admin1: None,
        lat: Some(lat),
        lon: Some(lon),
        precision: 4,
    })
}

fn src(kind: SourceKind, name: Option<&str>) -> Source {
    Source {
        kind,
        name: name.map(str::to_string),
        channel: None,
        count: None,
    }
}

/// A strike report: `date` "YYYY-MM-DD" (day), "YYYY-MM" (month) or "" (none).
fn strike(date: &str, region: Option<&str>, killed: Option<i64>) -> Report {
    let (d, p) = match date.len() {
        10 => (Some(date.to_string()), DatePrecision::Day),
        7 => (Some(date.to_string()), DatePrecision::Month),
        _ => (None, DatePrecision::Unknown),
    };
    Report {
        kind: ReportKind::Event,
        event_type: EventType::Strike,
        target_kind: Some(TargetKind::Vessel),
        means: Some("unknown".into()),
        modality: Modality::Occurred,
        date: d.clone(),
        date_precision: p,
        date_basis: if d.is_some() {
            DateBasis::Explicit
        } else {
            DateBasis::None
        },
        place: region.and_then(sea),
        figures: Figures {
            killed: killed.and_then(fig),
            vessels: fig(1),
            ..Figures::default()
        },
        actors: vec![Actor {
            role: sw_model::Role::Perpetrator,
            name: "U.S. military".into(),
            alleged: false,
            source: Source::outlet(),
            state: Some("US".into()),
            non_state: false,
        }],
        source: Source::outlet(),
        sentence: [0, 40],
        claims: Vec::new(),
    }
}

fn official(mut r: Report, name: &str) -> Report {
    r.source = src(SourceKind::Official, Some(name));
    r
}

fn soft(mut r: Report) -> Report {
    r.date_basis = DateBasis::Relative;
    r
}

struct Corpus {
    inputs: Vec<ReportInput>,
    next: i64,
}

impl Corpus {
    fn new() -> Corpus {
        Corpus {
            inputs: Vec::new(),
            next: 1,
        }
    }

    /// Adds a report from article `article` of story `story`, published `published`.
    fn add(
        &mut self,
        article: i64,
        story: i64,
        published: &str,
        lang: &str,
        mut report: Report,
    ) -> i64 {
        let id = self.next;
        self.next += 1;
        // distinct sentences within one article
        let n = self
            .inputs
            .iter()
            .filter(|i| i.article_id == article)
            .count();
        report.sentence = [n * 100, n * 100 + 80];
        self.inputs.push(ReportInput {
            report_id: id,
            article_id: article,
            story_id: story,
            url: Some(format!("https://news{article}.example/story-{article}")),
            outlet: Some(format!("news{article}.example")),
            published: Some(published.to_string()).filter(|p| !p.is_empty()),
            lang: lang.into(),
            report,
            quote: format!("Synthetic sentence {id}."),
        });
        id
    }

    fn build(&self) -> Ledger {
        build(&self.inputs)
    }
}

fn json(l: &Ledger) -> String {
    serde_json::to_string(l).unwrap()
}

/// The incidents [`crate::Builder`] gives over `inputs` (each report added once, in the order
/// given; the reports fetched back from `inputs` cut to what assembly reads, as the store's
/// rebuild fetches them), sorted as [`build`] sorts them.
fn streamed(inputs: &[ReportInput]) -> Vec<crate::Incident> {
    let mut b = crate::Builder::new();
    for r in inputs {
        if let Some(e) = b.add(r.clone()) {
            assert!(matches!(
                e,
                crate::Entry::Tally(_) | crate::Entry::Development(_)
            ));
        }
    }
    let mut got = Vec::new();
    let mut fetched = std::collections::BTreeSet::new();
    b.incidents::<()>(
        &mut |wanted| {
            Ok(wanted
                .iter()
                .map(|&(article, id)| {
                    assert!(fetched.insert(id), "report {id} fetched twice");
                    let r = inputs.iter().find(|r| r.report_id == id).unwrap();
                    assert_eq!(r.article_id, article);
                    r.clone().for_assembly()
                })
                .collect())
        },
        &mut |i| {
            got.push(i);
            Ok(())
        },
    )
    .unwrap();
    // stable: ties keep the order emitted
    got.sort_by(|a, b| (a.date.is_none(), &a.date, &a.id).cmp(&(b.date.is_none(), &b.date, &b.id)));
    got
}

#[test]
fn merges_across_outlets_and_languages() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-04",
        "en",
        strike("2025-10-03", Some("caribbean"), Some(4)),
    );
    c.add(
        2,
        2,
        "2025-10-04",
        "es",
        strike("2025-10-03", Some("caribbean"), Some(4)),
    );
    c.add(
        3,
        3,
        "2025-10-05",
        "en",
        strike("2025-10-03", None, Some(4)),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
    let i = &l.incidents[0];
    assert_eq!(i.date.as_deref(), Some("2025-10-03"));
    assert_eq!(i.place.region_code.as_deref(), Some("caribbean"));
    assert_eq!(i.stories, 3);
    assert_eq!(i.grade, Grade::Corroborated);
    assert_eq!(i.sources.len(), 3);
    let k = i.figures.killed.as_ref().unwrap();
    assert_eq!((k.low, k.best, k.high), (Some(4), Some(4), Some(4)));
    assert_eq!(k.values.len(), 1);
    assert_eq!(k.values[0].stories, 3);
    assert_eq!(k.values[0].article_ids, vec![1, 2, 3]);
}

#[test]
fn different_regions_same_day_stay_apart() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2026-02-17",
        "en",
        strike("2026-02-16", Some("caribbean"), Some(3)),
    );
    c.add(
        2,
        2,
        "2026-02-17",
        "en",
        strike("2026-02-16", Some("eastern_pacific"), Some(8)),
    );
    // no region, a toll that fits neither: not forced into one
    c.add(
        3,
        3,
        "2026-02-17",
        "en",
        strike("2026-02-16", None, Some(11)),
    );
    // no region, repeats the Pacific toll: joins it
    c.add(
        4,
        4,
        "2026-02-17",
        "en",
        strike("2026-02-16", None, Some(8)),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 3, "{}", l.to_json());
    let pac = l
        .incidents
        .iter()
        .find(|i| i.place.region_code.as_deref() == Some("eastern_pacific"))
        .unwrap();
    assert_eq!(pac.stories, 2);
    assert!(l
        .incidents
        .iter()
        .any(|i| i.place.region_code.is_none() && i.stories == 1));
}

#[test]
fn story_copies_count_once() {
    let mut c = Corpus::new();
    // three syndicated copies of one wire story
    for a in 1..=3 {
        c.add(
            a,
            7,
            "2025-10-15",
            "en",
            strike("2025-10-14", Some("caribbean"), Some(6)),
        );
    }
    let l = c.build();
    assert_eq!(l.incidents.len(), 1);
    let i = &l.incidents[0];
    assert_eq!(i.stories, 1);
    assert_eq!(i.sources.len(), 3);
    assert_eq!(i.grade, Grade::SingleSource);
    assert_eq!(i.figures.killed.as_ref().unwrap().values[0].stories, 1);
}

#[test]
fn copies_win_only_as_one_story() {
    let mut c = Corpus::new();
    // four copies of one story say 5; two independent stories say 4
    for a in 1..=4 {
        c.add(
            a,
            1,
            "2025-11-02",
            "en",
            strike("2025-11-01", Some("caribbean"), Some(5)),
        );
    }
    c.add(
        5,
        5,
        "2025-11-02",
        "en",
        strike("2025-11-01", Some("caribbean"), Some(4)),
    );
    c.add(
        6,
        6,
        "2025-11-02",
        "en",
        strike("2025-11-01", Some("caribbean"), Some(4)),
    );
    let l = c.build();
    let k = l.incidents[0].figures.killed.as_ref().unwrap();
    assert_eq!(k.best, Some(4));
    assert_eq!(k.basis, "most_stories");
    assert!(k.contested);
    assert_eq!(l.incidents[0].grade, Grade::Contested);
}

#[test]
fn correction_keeps_both_figures() {
    let mut c = Corpus::new();
    let first = c.add(
        1,
        1,
        "2026-03-20",
        "en",
        official(
            strike("2026-03-19", Some("eastern_pacific"), Some(3)),
            "U.S. Southern Command",
        ),
    );
    let fix = c.add(
        2,
        2,
        "2026-03-22",
        "en",
        official(
            strike("2026-03-19", Some("eastern_pacific"), Some(2)),
            "U.S. Southern Command",
        ),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 1);
    let i = &l.incidents[0];
    let k = i.figures.killed.as_ref().unwrap();
    assert_eq!(k.best, Some(2), "the newer acknowledged figure");
    assert_eq!((k.low, k.high), (Some(2), Some(3)));
    assert_eq!(k.basis, "acknowledged");
    let ids: Vec<Vec<i64>> = k.values.iter().map(|v| v.report_ids.clone()).collect();
    assert!(ids.contains(&vec![first]) && ids.contains(&vec![fix]));
    assert!(i.contested);
    assert_eq!(i.grade, Grade::Acknowledged);
}

/// A report whose killed figure is told as a toll raised to it ("the toll rose to four").
fn raised(mut r: Report) -> Report {
    let f = r.figures.killed.clone().expect("a killed figure");
    r.claims.push(sw_model::Claim {
        field: sw_model::ClaimField::Figure(sw_model::Field::Killed),
        value: sw_model::ClaimValue::Figure(sw_model::FigureValue::of(&f)),
        surface: f.surface.clone(),
        span: [0, 4],
        sentence: [0, 40],
        source: r.source.clone(),
        modality: Modality::Occurred,
        rule: format!("fig.exact{}", sw_model::RAISED_RULE),
        rival: false,
    });
    r
}

/// A corpus of one report per article and story, each published on its day.
fn corpus(reports: Vec<(&str, Report)>) -> Corpus {
    let mut c = Corpus::new();
    for (k, (published, r)) in reports.into_iter().enumerate() {
        let id = k as i64 + 1;
        c.add(id, id, published, "en", r);
    }
    c
}

#[test]
fn a_toll_raised_in_newer_news_is_the_best() {
    // the perpetrator's three, then local officials: the toll rose to four after a survivor
    // died
    let three = || strike("2025-12-01", Some("caribbean"), Some(3));
    let four = || strike("2025-12-01", Some("caribbean"), Some(4));
    let acknowledged = || official(three(), "U.S. Southern Command");
    let l = corpus(vec![
        ("2025-12-02", acknowledged()),
        ("2025-12-02", three()),
        ("2025-12-04", raised(four())),
    ])
    .build();
    assert_eq!(l.incidents.len(), 1);
    let k = l.incidents[0].figures.killed.as_ref().unwrap();
    assert_eq!((k.best, k.basis.as_str()), (Some(4), "raised"));
    assert_eq!((k.low, k.high), (Some(3), Some(4)));
    // told the same day as the first count, or not as a raise, the rule before holds
    for (published, r) in [("2025-12-02", raised(four())), ("2025-12-04", four())] {
        let l = corpus(vec![("2025-12-02", acknowledged()), (published, r)]).build();
        let k = l.incidents[0].figures.killed.clone().unwrap();
        assert_eq!((k.best, k.basis.as_str()), (Some(3), "acknowledged"));
    }
}

#[test]
fn a_count_beats_a_vague_word_from_as_many_stories() {
    // "killed several fighters" and "al menos siete combatientes murieron": seven
    let mut vague = strike("2025-12-25", Some("caribbean"), None);
    vague.figures.killed = Some(sw_model::Figure {
        low: Some(3),
        best: None,
        high: None,
        approx: true,
        surface: "several".into(),
    });
    let seven = strike("2025-12-25", Some("caribbean"), Some(7));
    let l = corpus(vec![("2025-12-26", vague), ("2025-12-26", seven)]).build();
    assert_eq!(l.incidents.len(), 1);
    let k = l.incidents[0].figures.killed.as_ref().unwrap();
    assert_eq!(k.best, Some(7));
    assert_eq!(k.basis, "most_stories");
}

#[test]
fn acknowledged_value_beats_majority() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-22",
        "en",
        official(
            strike("2025-10-21", Some("eastern_pacific"), Some(2)),
            "Pete Hegseth",
        ),
    );
    c.add(
        2,
        2,
        "2025-10-22",
        "en",
        strike("2025-10-21", Some("eastern_pacific"), Some(3)),
    );
    c.add(
        3,
        3,
        "2025-10-22",
        "en",
        strike("2025-10-21", Some("eastern_pacific"), Some(3)),
    );
    let l = c.build();
    let k = l.incidents[0].figures.killed.as_ref().unwrap();
    assert_eq!(k.best, Some(2));
    assert_eq!(
        k.values[0].best,
        Some(3),
        "values are listed most stories first"
    );
}

#[test]
fn multi_vessel_operation_keeps_vessel_count() {
    let mut c = Corpus::new();
    let mut r = strike("2025-12-15", Some("eastern_pacific"), Some(8));
    r.figures.vessels = fig(3);
    c.add(1, 1, "2025-12-16", "en", r);
    c.add(
        2,
        2,
        "2025-12-16",
        "es",
        strike("2025-12-15", Some("eastern_pacific"), Some(8)),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 1);
    let v = l.incidents[0].figures.vessels.as_ref().unwrap();
    assert_eq!(
        v.best,
        Some(3),
        "the operation's count, not one strike's vessel"
    );
    assert_eq!(v.values.len(), 2);
    assert!(!l.incidents[0].contested);
}

#[test]
fn month_precision_report_is_not_forced() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-15",
        "en",
        strike("2025-10-14", Some("caribbean"), Some(6)),
    );
    c.add(
        2,
        2,
        "2025-11-20",
        "en",
        strike("2025-10", Some("caribbean"), Some(6)),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 2);
    let m = l
        .incidents
        .iter()
        .find(|i| i.date_precision == DatePrecision::Month)
        .unwrap();
    assert_eq!(m.date.as_deref(), Some("2025-10"));
    assert_eq!(m.window.as_ref().unwrap()[1], "2025-10-31");
    assert!(l.incidents.iter().all(|i| i.attached_report_ids.is_empty()));
}

#[test]
fn undated_report_attaches_only_when_unambiguous() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-15",
        "en",
        strike("2025-10-14", Some("caribbean"), Some(6)),
    );
    let undated = c.add(
        2,
        2,
        "2025-10-16",
        "en",
        strike("", Some("caribbean"), Some(6)),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 1);
    assert_eq!(l.incidents[0].attached_report_ids, vec![undated]);
    assert_eq!(l.incidents[0].stories, 2);

    // a second incident with the same toll in the window: ambiguous, kept apart
    c.add(
        3,
        3,
        "2025-10-13",
        "en",
        strike("2025-10-11", Some("caribbean"), Some(6)),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 3);
    let own = l.incidents.iter().find(|i| i.date.is_none()).unwrap();
    assert_eq!(own.date_precision, DatePrecision::Unknown);
    assert_eq!(own.sources[0].report_id, undated);
}

#[test]
fn a_day_apart_with_the_same_toll_is_one_incident() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-12-16",
        "en",
        strike("2025-12-15", Some("eastern_pacific"), Some(8)),
    );
    c.add(
        2,
        2,
        "2025-12-16",
        "en",
        strike("2025-12-15", Some("eastern_pacific"), Some(8)),
    );
    c.add(
        3,
        3,
        "2025-12-17",
        "en",
        strike("2025-12-16", Some("eastern_pacific"), Some(8)),
    );
    // two days later, a different toll: another strike
    c.add(
        4,
        4,
        "2025-12-18",
        "en",
        strike("2025-12-17", Some("eastern_pacific"), Some(2)),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    let big = l
        .incidents
        .iter()
        .find(|i| i.figures.killed.as_ref().unwrap().best == Some(8))
        .unwrap();
    assert_eq!(big.date.as_deref(), Some("2025-12-15"));
    assert_eq!(big.dates.len(), 2, "both dates stay visible");
}

#[test]
fn one_story_writing_out_two_days_keeps_two_events_unless_one_toll() {
    // "on March 3 a strike killed one man aboard a speedboat ...; on March 4 another struck a
    // second boat": the story itself tells two days apart
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-03-06",
        "en",
        strike("2025-03-03", Some("caribbean"), Some(1)),
    );
    c.add(
        1,
        1,
        "2025-03-06",
        "en",
        strike("2025-03-04", Some("caribbean"), None),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    // the same toll on both days: one event told by two clocks ("late on Oct. 3 ... early on
    // Oct. 4 local time")
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-06",
        "en",
        strike("2025-10-03", Some("caribbean"), Some(4)),
    );
    c.add(
        1,
        1,
        "2025-10-06",
        "en",
        strike("2025-10-04", Some("caribbean"), Some(4)),
    );
    assert_eq!(c.build().incidents.len(), 1);
}

#[test]
fn announcement_date_in_one_story_folds_into_the_event() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-30",
        "en",
        soft(strike("2025-10-29", Some("eastern_pacific"), Some(4))),
    );
    let mut ann = soft(strike("2025-10-30", None, None));
    ann.figures.vessels = None;
    c.add(1, 1, "2025-10-30", "en", ann);
    let l = c.build();
    assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
    assert_eq!(l.incidents[0].date.as_deref(), Some("2025-10-29"));
}

#[test]
fn one_article_telling_two_weekdays_two_days_apart_keeps_two_events() {
    // "the rebels said Saturday that new strikes hit the port ... less than two days after
    // Thursday's strike killed 74": two strikes, though the later has no toll
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-04-20",
        "en",
        soft(strike("2025-04-17", Some("red_sea"), Some(74))),
    );
    let mut later = soft(strike("2025-04-19", Some("red_sea"), None));
    later.figures.vessels = None;
    c.add(1, 1, "2025-04-20", "en", later.clone());
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    // a day apart it is still read as one event and its announcement
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-04-20",
        "en",
        soft(strike("2025-04-18", Some("red_sea"), Some(74))),
    );
    c.add(1, 1, "2025-04-20", "en", later);
    assert_eq!(c.build().incidents.len(), 1);
}

#[test]
fn denial_makes_an_incident_contested() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-11-05",
        "en",
        strike("2025-11-04", Some("caribbean"), Some(2)),
    );
    let mut d = strike("2025-11-04", Some("caribbean"), None);
    d.modality = Modality::Denied;
    d.source = src(SourceKind::LocalAuthority, Some("A minister"));
    c.add(2, 2, "2025-11-05", "es", d);
    let l = c.build();
    assert_eq!(l.incidents.len(), 1);
    assert!(l.incidents[0].denied && l.incidents[0].contested);
    assert_eq!(l.incidents[0].grade, Grade::Contested);
    assert_eq!(l.incidents[0].modality, Modality::Occurred);
}

#[test]
fn a_denial_alone_is_a_development_not_an_incident() {
    let mut c = Corpus::new();
    let mut d = strike("2026-03-22", None, None);
    d.target_kind = Some(TargetKind::LandSite);
    d.modality = Modality::Denied;
    d.source = src(SourceKind::Official, Some("The foreign office"));
    c.add(1, 1, "2026-03-24", "en", d);
    let l = c.build();
    assert!(l.incidents.is_empty(), "{:#?}", l.incidents);
    assert_eq!(l.developments.len(), 1);
    assert_eq!(l.developments[0].modality, Modality::Denied);
    assert_eq!(l.developments[0].event_type, EventType::Strike);
}

#[test]
fn a_denial_of_dead_someone_claims_is_a_development_not_an_incident() {
    // "the army denied a drone strike that a rival group said killed five": no report tells
    // of the strike happening; the claimed toll stays on the development
    let mut c = Corpus::new();
    let mut d = strike("2026-03-22", None, Some(5));
    d.target_kind = Some(TargetKind::LandSite);
    d.modality = Modality::Denied;
    c.add(1, 1, "2026-03-24", "en", d);
    let l = c.build();
    assert!(l.incidents.is_empty(), "{:#?}", l.incidents);
    assert_eq!(l.developments.len(), 1);
    assert_eq!(l.developments[0].modality, Modality::Denied);
}

#[test]
fn grades() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-09-03",
        "en",
        official(
            strike("2025-09-02", Some("caribbean"), Some(11)),
            "Donald Trump",
        ),
    );
    c.add(
        2,
        2,
        "2025-09-16",
        "en",
        strike("2025-09-15", Some("caribbean"), Some(3)),
    );
    c.add(
        3,
        3,
        "2025-09-20",
        "en",
        strike("2025-09-19", Some("caribbean"), Some(3)),
    );
    c.add(
        4,
        4,
        "2025-09-20",
        "en",
        strike("2025-09-19", Some("caribbean"), Some(3)),
    );
    let l = c.build();
    let g: Vec<Grade> = l.incidents.iter().map(|i| i.grade).collect();
    assert_eq!(
        g,
        vec![
            Grade::Acknowledged,
            Grade::SingleSource,
            Grade::Corroborated
        ]
    );
}

#[test]
fn tallies_and_developments_are_kept_apart() {
    let mut c = Corpus::new();
    let mut t = strike("2025-11-06", None, None);
    t.kind = ReportKind::Tally;
    t.figures = Figures {
        killed: Some(Figure {
            low: Some(66),
            best: Some(66),
            high: None,
            approx: false,
            surface: "at least 66".into(),
        }),
        strikes: fig(16),
        ..Figures::default()
    };
    c.add(1, 1, "2025-11-06", "en", t);
    let mut p = strike("", None, None);
    p.kind = ReportKind::Development;
    p.modality = Modality::Planned;
    c.add(2, 2, "2025-11-06", "en", p);
    let mut n = strike("2025-11-05", Some("caribbean"), None);
    n.modality = Modality::Negated;
    c.add(3, 3, "2025-11-06", "en", n);
    let l = c.build();
    assert!(l.incidents.is_empty(), "{}", l.to_json());
    assert_eq!(l.tallies.len(), 1);
    assert_eq!(l.tallies[0].killed.unwrap().low, Some(66));
    assert_eq!(l.tallies[0].strikes.unwrap().best, Some(16));
    assert_eq!(l.tallies[0].as_of.as_deref(), Some("2025-11-06"));
    assert_eq!(l.developments.len(), 2);
}

#[test]
fn tally_check_lists_gaps() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-02",
        "en",
        strike("2025-10-01", Some("caribbean"), Some(3)),
    );
    c.add(
        2,
        2,
        "2025-10-06",
        "en",
        strike("2025-10-05", Some("caribbean"), Some(4)),
    );
    let tally = |date: &str, low: i64, high: Option<i64>| {
        let mut t = strike(date, None, None);
        t.kind = ReportKind::Tally;
        t.figures = Figures {
            killed: Some(Figure {
                low: Some(low),
                best: Some(low),
                high,
                approx: false,
                surface: String::new(),
            }),
            ..Figures::default()
        };
        t
    };
    c.add(3, 3, "2025-10-06", "en", tally("2025-10-06", 10, None)); // at least 10: 3 missing
    c.add(4, 4, "2025-10-07", "en", tally("2025-10-07", 7, Some(7))); // exactly 7: fine
    c.add(5, 5, "2025-10-03", "en", tally("2025-10-03", 2, Some(2))); // 2 by Oct 3: ledger has 3
    let l = c.build();
    let gaps = tally_check(&l);
    assert_eq!(gaps.len(), 2, "{gaps:?}");
    assert_eq!(
        (gaps[0].as_of.as_str(), gaps[0].ledger, gaps[0].gap),
        ("2025-10-03", 3, -1)
    );
    assert_eq!(
        (gaps[1].as_of.as_str(), gaps[1].ledger, gaps[1].gap),
        ("2025-10-06", 7, 3)
    );
    assert_eq!(gaps[1].field, "killed");
    // the comparisons include the tally that agrees, so a check can say what agreed
    let all = crate::tally_comparisons(&l);
    assert_eq!(all.len(), 3);
    assert_eq!((all[2].as_of.as_str(), all[2].gap), ("2025-10-07", 0));
    assert_eq!(
        crate::TallyChecked::of(&all),
        crate::TallyChecked {
            tallies: 3,
            figures: 3,
            agree: 1
        }
    );
}

/// A deterministic pseudo-random corpus.
fn synthetic(n: usize, seed: u64) -> Vec<ReportInput> {
    synthetic_over(n, seed, 240)
}

/// [`synthetic`] over `days` days (a sparse corpus over many days splits into components).
fn synthetic_over(n: usize, seed: u64, days: usize) -> Vec<ReportInput> {
    let mut s = seed;
    let mut next = move || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 33) as usize
    };
    let base = chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
    let mut c = Corpus::new();
    for k in 0..n {
        let day = base + chrono::Days::new((next() % days) as u64);
        let region = match next() % 3 {
            0 => Some("caribbean"),
            1 => Some("eastern_pacific"),
            _ => None,
        };
        let killed = Some((next() % 6) as i64).filter(|k| *k > 0);
        let article = (k / 2) as i64;
        let story = article / 3;
        let date = match next() % 10 {
            0 => String::new(),
            1 => day.format("%Y-%m").to_string(),
            _ => day.format("%Y-%m-%d").to_string(),
        };
        let mut r = strike(&date, region, killed);
        // a third of those with no sea region are on land, in one of two divisions, and
        // half of those are raids (one operation may be told as either)
        if region.is_none() && next() % 3 == 0 {
            let admin1 = ["Guaviare", "Cauca"][next() % 2];
            r.place = Some(PlaceRef {
                name: admin1.into(),
                country: Some("CO".into()),
                region: None,
                region_code: None,
                admin1: Some(admin1.into()),
                lat: Some(if admin1 == "Guaviare" { 2.04 } else { 2.5 }),
                lon: Some(if admin1 == "Guaviare" { -72.33 } else { -76.8 }),
                precision: 3,
            });
            r.target_kind = Some(TargetKind::LandSite);
            r.figures.vessels = None;
            if next() % 2 == 0 {
                r.event_type = EventType::Raid;
            }
        }
        if next() % 4 == 0 {
            r = official(r, "U.S. Southern Command");
        }
        if next() % 5 == 0 {
            r = soft(r);
        }
        if next() % 20 == 0 {
            r.kind = ReportKind::Tally;
        }
        let published = (day + chrono::Days::new(1)).format("%Y-%m-%d").to_string();
        c.add(article, story, &published, "en", r);
    }
    c.inputs
}

fn shuffle(v: &mut [ReportInput], seed: u64) {
    let mut s = seed;
    for i in (1..v.len()).rev() {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = ((s >> 33) as usize) % (i + 1);
        v.swap(i, j);
    }
}

#[test]
fn order_independent() {
    let inputs = synthetic(600, 42);
    let a = json(&build(&inputs));
    let mut shuffled = inputs.clone();
    shuffle(&mut shuffled, 7);
    assert_eq!(a, json(&build(&shuffled)));
    shuffled.reverse();
    assert_eq!(a, json(&build(&shuffled)));
}

/// The store's rebuild path (compact records, resolution, then each incident assembled from
/// the whole reports fetched for it alone) gives byte for byte the incidents of [`build`],
/// whatever order the reports arrive in.
#[test]
fn the_builder_with_fetched_reports_equals_build() {
    for seed in [1, 5, 42] {
        let inputs = synthetic(500, seed);
        let whole = serde_json::to_string(&build(&inputs).incidents).unwrap();
        let mut shuffled = inputs.clone();
        shuffle(&mut shuffled, seed + 100);
        assert_eq!(
            whole,
            serde_json::to_string(&streamed(&shuffled)).unwrap(),
            "seed {seed}"
        );
    }
}

/// An incident assembled from its members cut to their figures' claims
/// ([`ReportInput::for_assembly`], what the store's rebuild holds of the largest incident)
/// is the incident assembled from the whole reports: claims of every field, figures told by
/// another source than the report's, rival tolls and announced days among them.
#[test]
fn members_cut_to_their_figures_claims_assemble_the_same_incidents() {
    let claim = |field, value, source: Source, rule: &str, rival| sw_model::Claim {
        field,
        value,
        surface: "x".into(),
        span: [0, 1],
        sentence: [0, 40],
        source,
        modality: Modality::Occurred,
        rule: rule.into(),
        rival,
    };
    let killed = sw_model::ClaimField::Figure(sw_model::Field::Killed);
    let figure = |n| sw_model::ClaimValue::Figure(sw_model::FigureValue::exact(n));
    let anon = src(SourceKind::AnonymousOfficials, None);
    for seed in [3, 11] {
        let mut inputs = synthetic(400, seed);
        for (k, r) in inputs.iter_mut().enumerate() {
            let rep = &mut r.report;
            let date = rep.date.clone().unwrap_or_default();
            rep.claims.push(claim(
                sw_model::ClaimField::Date,
                sw_model::ClaimValue::Text(date),
                Source::outlet(),
                if k % 7 == 0 {
                    "date.rel.this_weekday.announced_window"
                } else {
                    "date.abs"
                },
                false,
            ));
            rep.claims.push(claim(
                sw_model::ClaimField::Place,
                sw_model::ClaimValue::Text("somewhere".into()),
                Source::outlet(),
                "place.gaz",
                false,
            ));
            if let Some(n) = rep.figures.killed.as_ref().and_then(|f| f.best) {
                if k % 3 == 0 {
                    rep.claims
                        .push(claim(killed, figure(n), anon.clone(), "fig.exact", false));
                }
                if k % 5 == 0 {
                    rep.claims.push(claim(
                        killed,
                        figure(n + 1),
                        Source::outlet(),
                        "fig.exact",
                        true,
                    ));
                }
            }
        }
        let whole = build(&inputs);
        assert!(whole.incidents.iter().any(|i| i
            .figures
            .killed
            .as_ref()
            .is_some_and(|k| k.contested)));
        assert_eq!(
            serde_json::to_string(&whole.incidents).unwrap(),
            serde_json::to_string(&streamed(&inputs)).unwrap(),
            "seed {seed}"
        );
        // what is cut: the date's and the place's claims
        let cut = inputs[0].clone().for_assembly();
        assert_eq!(cut.report.claims.len(), inputs[0].report.claims.len() - 2);
    }
}

/// A failing fetch (the store went away) stops the build with its error, and nothing after
/// it is emitted.
#[test]
fn a_failing_fetch_stops_the_builder() {
    let mut b = crate::Builder::new();
    for r in synthetic(100, 9) {
        b.add(r);
    }
    let mut emitted = 0;
    let mut calls = 0;
    let res = b.incidents(
        &mut |_| {
            calls += 1;
            Err("gone")
        },
        &mut |_| {
            emitted += 1;
            Ok(())
        },
    );
    assert_eq!(res, Err("gone"));
    assert_eq!((calls, emitted), (1, 0));
}

#[test]
fn rebuild_and_batches_give_the_same_ledger() {
    let inputs = synthetic(400, 3);
    let once = json(&build(&inputs));
    assert_eq!(once, json(&build(&inputs)));
    // arriving in two batches: the ledger of the union is the ledger of everything
    let (a, b) = inputs.split_at(150);
    let mut all: Vec<ReportInput> = b.to_vec();
    all.extend_from_slice(a);
    assert_eq!(once, json(&build(&all)));
}

#[test]
fn ids_are_stable() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-04",
        "en",
        strike("2025-10-03", Some("caribbean"), Some(4)),
    );
    c.add(
        2,
        2,
        "2025-10-05",
        "es",
        strike("2025-10-03", Some("caribbean"), Some(4)),
    );
    let before = c.build().incidents[0].id.clone();
    // store ids change on a rebuild of the store: incident ids do not
    let mut renumbered = c.inputs.clone();
    for (k, r) in renumbered.iter_mut().enumerate() {
        r.report_id = 1000 + k as i64;
    }
    assert_eq!(build(&renumbered).incidents[0].id, before);
    // a newer article about the same incident keeps its id
    c.add(
        3,
        3,
        "2025-10-09",
        "en",
        strike("2025-10-03", Some("caribbean"), Some(4)),
    );
    let after = c.build();
    assert_eq!(after.incidents.len(), 1);
    assert_eq!(after.incidents[0].id, before);
    assert!(before.starts_with("inc-") && before.len() == 16);
}

fn export_str(l: &Ledger, name: &str) -> String {
    let mut buf = Vec::new();
    export::write(l, ExportFormat::parse(name).unwrap(), &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

fn sample_ledger() -> Ledger {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-04",
        "en",
        official(
            strike("2025-10-03", Some("caribbean"), Some(4)),
            "Pete Hegseth",
        ),
    );
    c.add(
        2,
        2,
        "2025-10-04",
        "es",
        strike("2025-10-03", Some("caribbean"), Some(5)),
    );
    c.add(
        3,
        3,
        "2025-12-01",
        "en",
        strike("2025-11", Some("eastern_pacific"), Some(2)),
    );
    let mut dep = strike("2025-10-01", Some("caribbean"), None);
    dep.kind = ReportKind::Development;
    dep.event_type = EventType::Deployment;
    c.add(4, 4, "2025-10-02", "en", dep);
    c.build()
}

fn read_csv(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r.records().map(|x| x.unwrap()).collect();
    (header, rows)
}

#[test]
fn exports_parse_back_with_documented_columns() {
    let l = sample_ledger();
    let doc = include_str!("../EXPORTS.md");

    let (h, rows) = read_csv(&export_str(&l, "csv"));
    assert_eq!(h, export::CSV_COLUMNS);
    assert_eq!(rows.len(), l.incidents.len());
    let (h, rows) = read_csv(&export_str(&l, "acled"));
    assert_eq!(h, export::ACLED_COLUMNS);
    assert_eq!(rows.len(), 3, "two incidents and one development");
    let strike = rows
        .iter()
        .find(|r| &r[5] == "Explosions/Remote violence")
        .unwrap();
    assert_eq!(&strike[6], "Air/drone strike");
    assert_eq!(&strike[28], "4", "fatalities: the conservative figure");
    assert!(rows.iter().any(|r| &r[5] == "Strategic developments"));
    let (h, rows) = read_csv(&export_str(&l, "ucdp"));
    assert_eq!(h, export::UCDP_COLUMNS);
    assert_eq!(rows.len(), 2);
    let month = rows.iter().find(|r| &r[21] == "4").unwrap();
    assert_eq!((&month[22], &month[23]), ("2025-11-01", "2025-11-30"));

    let g: serde_json::Value = serde_json::from_str(&export_str(&l, "geojson")).unwrap();
    assert_eq!(g["type"], "FeatureCollection");
    let feats = g["features"].as_array().unwrap();
    assert_eq!(feats.len(), 2);
    assert_eq!(feats[0]["geometry"]["type"], "Point");
    for k in ["precision", "killed", "grade", "date"] {
        assert!(feats[0]["properties"].get(k).is_some(), "{k}");
    }

    let back: Ledger = serde_json::from_str(&export_str(&l, "json")).unwrap();
    assert_eq!(back, l);

    // every column of every table is documented
    for col in export::CSV_COLUMNS
        .iter()
        .chain(&export::ACLED_COLUMNS)
        .chain(&export::UCDP_COLUMNS)
    {
        assert!(
            doc.contains(&format!("`{col}`")),
            "EXPORTS.md does not document {col}"
        );
    }
    // every registered format parses back from its name, has a section, and is unique
    for (k, f) in FORMATS.iter().enumerate() {
        assert_eq!(ExportFormat::parse(f.name()), Some(f));
        assert!(
            doc.contains(&format!("`{}`", f.name())),
            "EXPORTS.md lacks {f:?}"
        );
        assert!(
            FORMATS[..k].iter().all(|g| g.name() != f.name()),
            "{f:?} twice"
        );
        assert_eq!(
            f.available(),
            f.name() != "parquet" || cfg!(feature = "parquet")
        );
    }
    assert_eq!(
        ExportFormat::parse(" Parquet").map(|f| f.name()),
        Some("parquet")
    );
    assert_eq!(ExportFormat::parse("xls"), None);
}

#[test]
fn incident_json_has_the_contract_fields() {
    let l = sample_ledger();
    let v: serde_json::Value = serde_json::to_value(&l.incidents).unwrap();
    let i = &v[0];
    for k in [
        "id",
        "event_type",
        "target_kind",
        "date",
        "date_precision",
        "place",
        "figures",
        "contested",
        "grade",
        "sources",
    ] {
        assert!(i.get(k).is_some(), "{k}");
    }
    for k in [
        "name",
        "country",
        "region",
        "admin1",
        "lat",
        "lon",
        "precision",
    ] {
        assert!(i["place"].get(k).is_some(), "place.{k}");
    }
    for k in ["killed", "injured", "survivors", "vessels"] {
        assert!(i["figures"].get(k).is_some(), "figures.{k}");
    }
    for k in ["article_id", "url", "outlet", "published", "quote"] {
        assert!(i["sources"][0].get(k).is_some(), "sources.{k}");
    }
    let t: serde_json::Value = serde_json::to_value(&sample_tally().tallies).unwrap();
    for k in ["as_of", "strikes", "killed", "survivors", "source"] {
        assert!(t[0].get(k).is_some(), "tally.{k}");
    }
    for k in ["article_id", "url", "outlet", "quote"] {
        assert!(t[0]["source"].get(k).is_some(), "tally.source.{k}");
    }
}

fn sample_tally() -> Ledger {
    let mut c = Corpus::new();
    let mut t = strike("2025-11-06", None, None);
    t.kind = ReportKind::Tally;
    t.figures = Figures {
        killed: fig(66),
        ..Figures::default()
    };
    c.add(1, 1, "2025-11-06", "en", t);
    c.build()
}

#[test]
fn announcement_in_another_story_joins_the_earlier_event() {
    let mut c = Corpus::new();
    let mut event = strike("2025-10-16", Some("caribbean"), None);
    event.figures.survivors = fig(2);
    c.add(1, 1, "2025-10-17", "en", event);
    c.add(
        2,
        2,
        "2025-10-18",
        "en",
        strike("2025-10-17", Some("caribbean"), Some(3)),
    );
    // "the two survivors will be sent home, the president said on Saturday"
    let mut ann = soft(strike("2025-10-18", Some("caribbean"), None));
    ann.figures.survivors = fig(2);
    c.add(3, 3, "2025-10-19", "en", ann);
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    let first = &l.incidents[0];
    assert_eq!(first.date.as_deref(), Some("2025-10-16"));
    assert_eq!(first.stories, 2);
    assert!(first.figures.killed.is_none());
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_parses_back_with_the_csv_columns() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let l = sample_ledger();
    let mut f = tempfile::tempfile().unwrap();
    export::write(&l, ExportFormat::parse("parquet").unwrap(), &mut f).unwrap();
    let r = SerializedFileReader::new(f).unwrap();
    let meta = r.metadata().file_metadata();
    assert_eq!(meta.num_rows() as usize, l.incidents.len());
    let names: Vec<String> = meta
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(names, export::CSV_COLUMNS);
    let rows: Vec<_> = r.get_row_iter(None).unwrap().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), l.incidents.len());
    assert!(rows[0].to_string().contains(&l.incidents[0].id));
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_is_an_error_a_user_can_act_on() {
    let mut buf = Vec::new();
    let parquet = ExportFormat::parse("parquet").unwrap();
    let e = export::write(&sample_ledger(), parquet, &mut buf).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::Unsupported);
    assert!(e.to_string().contains("--features parquet"));
    assert!(!parquet.available());
}

/// A killed claim of `report`, attributed to `source`; `rival` as the extractor marks a
/// toll the article gives from another source than the report's own.
fn killed_claim(n: i64, source: Source, rival: bool) -> sw_model::Claim {
    sw_model::Claim {
        field: sw_model::ClaimField::Figure(sw_model::Field::Killed),
        value: sw_model::ClaimValue::Figure(sw_model::FigureValue::exact(n)),
        surface: n.to_string(),
        span: [0, 1],
        sentence: [0, 40],
        source,
        modality: Modality::Occurred,
        rule: "fig.exact".into(),
        rival,
    }
}

#[test]
fn a_rival_toll_in_one_article_is_kept_as_a_value() {
    let mut r = strike("2026-04-19", Some("caribbean"), Some(2));
    let anon = src(SourceKind::AnonymousOfficials, None);
    r.claims = vec![
        killed_claim(2, anon.clone(), false),
        killed_claim(3, Source::outlet(), true),
    ];
    let mut c = Corpus::new();
    let id = c.add(1, 1, "2026-04-20", "en", r);
    let l = c.build();
    assert_eq!(l.incidents.len(), 1);
    let i = &l.incidents[0];
    let k = i.figures.killed.as_ref().unwrap();
    assert_eq!(k.values.len(), 2, "{k:#?}");
    assert_eq!((k.low, k.best, k.high), (Some(2), Some(2), Some(3)));
    assert!(k.contested && i.contested);
    // the report's own figure keeps its attribution; the rival carries its own
    let own = k.values.iter().find(|v| v.best == Some(2)).unwrap();
    assert_eq!(own.attributed_to[0].kind, SourceKind::AnonymousOfficials);
    let rival = k.values.iter().find(|v| v.best == Some(3)).unwrap();
    assert_eq!(rival.report_ids, vec![id]);
    assert_eq!(rival.surfaces, vec!["3".to_string()]);
    // the slimmed path the store's rebuild takes gives the same incident
    let got = streamed(&c.inputs);
    assert_eq!(
        serde_json::to_string(&got).unwrap(),
        serde_json::to_string(&l.incidents).unwrap()
    );
}

#[test]
fn high_is_never_below_best() {
    // "40" from two stories beside an acknowledged "at least 55": the best is 55, and the
    // highest value claimed is then 55, not 40
    let mut c = Corpus::new();
    let mut open = official(strike("2026-01-03", None, None), "U.S. officials");
    open.figures.killed = Some(Figure {
        low: Some(55),
        best: Some(55),
        high: None,
        approx: false,
        surface: "at least 55".into(),
    });
    c.add(
        1,
        1,
        "2026-01-05",
        "en",
        strike("2026-01-03", None, Some(40)),
    );
    c.add(
        2,
        2,
        "2026-01-05",
        "en",
        strike("2026-01-03", None, Some(40)),
    );
    c.add(3, 3, "2026-01-06", "en", open);
    let l = c.build();
    let k = l.incidents[0].figures.killed.as_ref().unwrap();
    assert_eq!(k.best, Some(55), "{k:#?}");
    assert_eq!((k.low, k.high), (Some(40), Some(55)));
}

/// A report told with no date expression, dated by the window of days up to publication.
fn windowed(published: &str, region: Option<&str>, killed: Option<i64>) -> Report {
    let mut r = strike(published, region, killed);
    r.date_precision = DatePrecision::Window;
    r.date_basis = DateBasis::Publication;
    r
}

#[test]
fn news_with_no_date_joins_the_one_incident_its_window_fits() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-04",
        "en",
        strike("2025-10-03", Some("caribbean"), Some(4)),
    );
    // published the next day, telling of "a strike that killed four" with no day
    c.add(
        2,
        2,
        "2025-10-05",
        "es",
        windowed("2025-10-05", Some("caribbean"), Some(4)),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
    assert_eq!(l.incidents[0].date.as_deref(), Some("2025-10-03"));
    assert_eq!(l.incidents[0].date_precision, DatePrecision::Day);
    assert_eq!(l.incidents[0].stories, 2);
}

#[test]
fn news_with_no_date_and_an_open_toll_joins_the_incident_whose_toll_it_admits() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-17",
        "en",
        strike("2025-10-16", Some("caribbean"), Some(2)),
    );
    // the next day, "killed at least one person" with no day: at least one admits two
    let mut open = windowed("2025-10-17", Some("caribbean"), None);
    open.figures.killed = Some(Figure {
        low: Some(1),
        best: Some(1),
        high: None,
        ..fig(1).unwrap()
    });
    c.add(2, 2, "2025-10-17", "en", open.clone());
    // "killed three" admits no two: it stays apart
    let mut other = windowed("2025-10-17", Some("caribbean"), Some(3));
    other.figures.killed = fig(3);
    c.add(3, 3, "2025-10-17", "en", other);
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    let day = l
        .incidents
        .iter()
        .find(|i| i.date_precision == DatePrecision::Day)
        .unwrap();
    assert_eq!(day.date.as_deref(), Some("2025-10-16"));
    assert_eq!(day.stories, 2, "{}", l.to_json());
    // both claims are kept, the lower bound as the low
    let k = day.figures.killed.as_ref().unwrap();
    assert_eq!((k.low, k.values.len()), (Some(1), 2), "{k:#?}");
}

#[test]
fn news_with_no_date_joins_the_incident_its_figures_agree_with() {
    let mut c = Corpus::new();
    // two strikes on consecutive days; the first left two survivors
    let mut first = strike("2025-10-16", Some("caribbean"), Some(2));
    first.figures.survivors = fig(2);
    c.add(1, 1, "2025-10-17", "en", first);
    c.add(
        2,
        2,
        "2025-10-18",
        "en",
        strike("2025-10-17", Some("caribbean"), Some(3)),
    );
    // "at least one killed and two survivors", with no day: both tolls admit it, only the
    // first incident's survivors agree
    let mut open = windowed("2025-10-18", Some("caribbean"), None);
    open.figures.killed = Some(Figure {
        high: None,
        ..fig(1).unwrap()
    });
    open.figures.survivors = fig(2);
    c.add(3, 3, "2025-10-18", "en", open.clone());
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    let first = l
        .incidents
        .iter()
        .find(|i| i.date.as_deref() == Some("2025-10-16"))
        .unwrap();
    assert_eq!(first.stories, 2, "{}", l.to_json());
    // with no survivors told, nothing tells the two apart: the report stays apart
    let mut c2 = Corpus::new();
    c2.add(
        1,
        1,
        "2025-10-17",
        "en",
        strike("2025-10-16", Some("caribbean"), Some(2)),
    );
    c2.add(
        2,
        2,
        "2025-10-18",
        "en",
        strike("2025-10-17", Some("caribbean"), Some(3)),
    );
    open.figures.survivors = None;
    c2.add(3, 3, "2025-10-18", "en", open);
    assert_eq!(c2.build().incidents.len(), 3);
}

#[test]
fn news_with_no_date_and_nothing_to_join_is_dated_in_its_window() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-05",
        "en",
        windowed("2025-10-05", Some("caribbean"), Some(2)),
    );
    // another outlet the next day: the windows overlap, the tolls agree: one incident
    c.add(
        2,
        2,
        "2025-10-06",
        "en",
        windowed("2025-10-06", Some("caribbean"), Some(2)),
    );
    // a different toll in another sea is another incident
    c.add(
        3,
        3,
        "2025-10-06",
        "en",
        windowed("2025-10-06", Some("eastern_pacific"), Some(5)),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    let carib = l
        .incidents
        .iter()
        .find(|i| i.place.region_code.as_deref() == Some("caribbean"))
        .unwrap();
    assert_eq!(carib.date_precision, DatePrecision::Window);
    // the days both windows hold are 4-5 October: the likeliest is the day before the last
    assert_eq!(
        carib.window,
        Some(["2025-10-04".to_string(), "2025-10-05".to_string()])
    );
    assert_eq!(carib.date.as_deref(), Some("2025-10-04"));
    assert_eq!(carib.stories, 2);
}

#[test]
fn news_dated_only_by_its_announcement_is_dated_the_day_announced() {
    // "anunció este lunes un ataque contra una lancha": the window up to the announcement
    // (the extractor's basis `relative`), whose likeliest day is the announcement's own
    let mut announced = windowed("2025-10-06", Some("caribbean"), Some(2));
    announced.date_basis = DateBasis::Relative;
    let date_claim = |rule: &str| sw_model::Claim {
        field: sw_model::ClaimField::Date,
        value: sw_model::ClaimValue::Text("2025-10-06".into()),
        surface: "este lunes".into(),
        span: [0, 1],
        sentence: [0, 40],
        source: Source::outlet(),
        modality: Modality::Occurred,
        rule: rule.into(),
        rival: false,
    };
    announced
        .claims
        .push(date_claim("date.rel.this_weekday.announced_window"));
    let mut c = Corpus::new();
    c.add(1, 1, "2025-10-07", "es", announced.clone());
    let l = c.build();
    assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
    assert_eq!(l.incidents[0].date.as_deref(), Some("2025-10-06"));
    assert_eq!(l.incidents[0].date_precision, DatePrecision::Window);
    // a weekend's window (also a relative expression's) keeps the day before the last
    let mut weekend = announced;
    weekend.claims = vec![date_claim("date.rel.weekend")];
    let mut c = Corpus::new();
    c.add(1, 1, "2025-10-07", "en", weekend);
    let l = c.build();
    assert_eq!(l.incidents[0].date.as_deref(), Some("2025-10-05"));
}

#[test]
fn two_incidents_in_the_window_leave_the_report_its_own() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-10-04",
        "en",
        strike("2025-10-03", Some("caribbean"), Some(4)),
    );
    c.add(
        2,
        2,
        "2025-10-05",
        "en",
        strike("2025-10-04", Some("caribbean"), Some(3)),
    );
    // no toll: it could be either
    c.add(
        3,
        3,
        "2025-10-05",
        "en",
        windowed("2025-10-05", Some("caribbean"), None),
    );
    let l = c.build();
    assert_eq!(l.incidents.len(), 3, "{}", l.to_json());
}

#[test]
fn references_join_the_incident_they_point_to_and_never_make_one() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-09-03",
        "en",
        strike("2025-09-02", Some("caribbean"), Some(11)),
    );
    // "the September 2 strike, which killed 11", told again in December
    let mut back = strike("2025-09-02", Some("caribbean"), Some(11));
    back.kind = ReportKind::Reference;
    let r = c.add(2, 2, "2025-12-02", "en", back);
    // "the seventh strike of the campaign": no day, nothing to join
    let mut vague = strike("2025-09", Some("caribbean"), None);
    vague.kind = ReportKind::Reference;
    c.add(3, 3, "2025-10-10", "en", vague);
    let l = c.build();
    assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
    let i = &l.incidents[0];
    assert_eq!(i.stories, 1, "a reference is not a source");
    assert_eq!(i.references.len(), 1);
    assert_eq!(i.references[0].report_id, r);
    // the streamed build gives the same
    let streamed = streamed(&c.inputs);
    assert_eq!(streamed.len(), 1);
    assert_eq!(streamed[0].references.len(), 1);
}

/// A raid by a state's forces at home, and an attack by a group, in another state.
fn by(mut r: Report, name: &str, state: Option<&str>, country: &str) -> Report {
    r.target_kind = Some(TargetKind::LandSite);
    r.place = Some(PlaceRef {
        name: "Culiacán".into(),
        country: Some(country.into()),
        region: None,
        region_code: None,
        admin1: None,
        lat: Some(24.8),
        lon: Some(-107.4),
        precision: 1,
    });
    r.actors = vec![Actor {
        role: sw_model::Role::Perpetrator,
        name: name.into(),
        alleged: false,
        source: Source::outlet(),
        state: state.map(str::to_string),
        non_state: state.is_none(),
    }];
    r
}

#[test]
fn exports_name_the_perpetrator_of_each_incident() {
    let mut c = Corpus::new();
    let mut raid = by(
        strike("2025-11-04", None, Some(5)),
        "Mexican Army",
        Some("MX"),
        "MX",
    );
    raid.event_type = EventType::Raid;
    c.add(1, 1, "2025-11-05", "es", raid);
    let mut attack = by(strike("2025-11-02", None, Some(3)), "CJNG", None, "MX");
    attack.event_type = EventType::Attack;
    c.add(2, 2, "2025-11-05", "es", attack);
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    let raid = l
        .incidents
        .iter()
        .find(|i| i.event_type == EventType::Raid)
        .unwrap();
    assert_eq!(raid.perpetrator_state(), Some("MX"));
    let acled = export_str(&l, "acled");
    assert!(acled.contains("Military Forces of Mexico"), "{acled}");
    assert!(acled.contains("CJNG"), "{acled}");
    assert!(!acled.contains("United States"), "{acled}");
    let ucdp = export_str(&l, "ucdp");
    // UCDP's table holds strikes and raids by states only
    assert!(
        ucdp.contains("Government of Mexico") && !ucdp.contains("CJNG"),
        "{ucdp}"
    );
    let csv = export_str(&l, "csv");
    assert!(csv.lines().next().unwrap().contains("perpetrator_state"));
    assert!(csv.contains(",MX,"), "{csv}");
}

/// Resolving each component of reaches alone ([`crate::reach`]) gives the incidents of the
/// whole corpus, ids included: what lets an update re-resolve only the components new
/// reports touch. Sparse corpora (many components) and dense ones (few), random seeds.
#[test]
fn components_resolve_alone() {
    let mut several = 0;
    let cases = [
        (30, 1, 240),
        (150, 5, 240),
        (400, 6, 240),
        (60, 2, 2000),
        (120, 3, 2000),
        (200, 4, 3000),
        (300, 7, 1500),
        // dense enough for raids and strikes of one operation to meet
        (300, 11, 40),
        (400, 12, 60),
    ];
    for (n, seed, days) in cases {
        let inputs = synthetic_over(n, seed, days);
        let whole = serde_json::to_string(&build(&inputs).incidents).unwrap();
        let routed: Vec<(crate::reach::Reach, &ReportInput)> = inputs
            .iter()
            .filter_map(|r| Some((crate::reach::reach(r)?, r)))
            .collect();
        let reaches: Vec<_> = routed.iter().map(|(r, _)| r.clone()).collect();
        let comp = crate::reach::components(&reaches);
        let count = comp.iter().max().map_or(0, |m| m + 1);
        if count > 3 {
            several += 1;
        }
        let mut parts: Vec<crate::Incident> = Vec::new();
        for c in 0..count {
            let mine: Vec<ReportInput> = routed
                .iter()
                .zip(&comp)
                .filter(|(_, &k)| k == c)
                .map(|((_, r), _)| (*r).clone())
                .collect();
            parts.extend(build(&mine).incidents);
        }
        parts.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.id).cmp(&(b.date.is_none(), &b.date, &b.id))
        });
        assert_eq!(
            whole,
            serde_json::to_string(&parts).unwrap(),
            "n {n} seed {seed}: {count} components"
        );
    }
    assert!(several >= 3, "the sparse corpora split into components");
}

/// Reaches meet by day overlap within one event type, or by story without a day; the
/// components are the closure (a chain of overlaps is one component).
#[test]
fn components_are_closed_under_overlap() {
    use crate::reach::{components, Reach};
    use chrono::NaiveDate;
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let r = |a: &str, b: &str| Reach {
        event_type: sw_model::EventType::Strike,
        days: Some((d(a), d(b))),
        story: None,
    };
    let mut other = r("2025-01-01", "2025-01-09");
    other.event_type = sw_model::EventType::Raid;
    let undated = |s| Reach {
        event_type: sw_model::EventType::Strike,
        days: None,
        story: Some(s),
    };
    let reaches = vec![
        r("2025-01-01", "2025-01-09"),
        r("2025-01-20", "2025-01-28"),
        r("2025-01-09", "2025-01-17"),
        other,
        r("2025-01-18", "2025-01-19"),
        undated(7),
        r("2025-03-01", "2025-03-09"),
        undated(7),
        undated(8),
    ];
    assert_eq!(components(&reaches), vec![0, 1, 0, 2, 3, 4, 5, 4, 6]);
}

/// A raid on land in a first-level division of Mexico (a town, precision 1).
fn raid_in(date: &str, town: &str, admin1: &str, killed: Option<i64>) -> Report {
    let mut r = strike(date, None, killed);
    r.event_type = EventType::Raid;
    r.target_kind = None;
    r.means = None;
    r.place = Some(PlaceRef {
        name: town.into(),
        country: Some("MX".into()),
        region: None,
        region_code: None,
        admin1: Some(admin1.into()),
        lat: None,
        lon: None,
        precision: 1,
    });
    r
}

#[test]
fn news_with_no_date_never_joins_a_day_incident_in_another_state() {
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2025-06-11",
        "es",
        raid_in("2025-06-10", "Uruapan", "Michoacán", Some(1)),
    );
    // the next day, a clash in another state told with no day and the same toll: its own
    let mut open = raid_in("2025-06-12", "Los Mochis", "Sinaloa", Some(1));
    open.date_precision = DatePrecision::Window;
    open.date_basis = DateBasis::Publication;
    c.add(2, 2, "2025-06-12", "es", open.clone());
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    // in the same state it joins
    let mut c2 = Corpus::new();
    c2.add(
        1,
        1,
        "2025-06-11",
        "es",
        raid_in("2025-06-10", "Uruapan", "Michoacán", Some(1)),
    );
    open.place.as_mut().unwrap().admin1 = Some("Michoacán".into());
    c2.add(2, 2, "2025-06-12", "es", open);
    assert_eq!(c2.build().incidents.len(), 1);
}

/// A raid in a town of a first-level division, at its coordinates.
fn raid_at(
    date: &str,
    town: &str,
    admin1: &str,
    killed: Option<i64>,
    lat: f64,
    lon: f64,
) -> Report {
    at(raid_in(date, town, admin1, killed), admin1, lat, lon)
}

fn at(mut r: Report, admin1: &str, lat: f64, lon: f64) -> Report {
    let p = r.place.as_mut().unwrap();
    p.admin1 = Some(admin1.into());
    p.lat = Some(lat);
    p.lon = Some(lon);
    r
}

#[test]
fn one_day_s_reports_in_divisions_far_apart_are_two_events() {
    // two outlets, one Sunday: a clash in Sinaloa and one in Michoacán, 700 km apart
    let mut c = Corpus::new();
    let culiacan = raid_at("2026-03-08", "Culiacán", "Sinaloa", Some(3), 24.80, -107.39);
    let apatzingan = raid_at(
        "2026-03-08",
        "Apatzingán",
        "Michoacán",
        Some(5),
        19.09,
        -102.36,
    );
    c.add(1, 1, "2026-03-09", "es", culiacan.clone());
    c.add(2, 2, "2026-03-09", "es", apatzingan.clone());
    // a third tells of "a clash in Mexico" with no toll: it joins the one most reports name
    let mut vague = raid_in("2026-03-08", "Mexico", "", None);
    vague.place.as_mut().unwrap().admin1 = None;
    vague.place.as_mut().unwrap().precision = 4;
    c.add(3, 3, "2026-03-09", "es", vague);
    c.add(4, 4, "2026-03-09", "en", culiacan.clone());
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    let sinaloa = l
        .incidents
        .iter()
        .find(|i| i.place.admin1.as_deref() == Some("Sinaloa"))
        .unwrap();
    assert_eq!(sinaloa.sources.len(), 3);
    // the same toll a day apart, far apart: still two
    let mut c = Corpus::new();
    c.add(1, 1, "2026-03-09", "es", culiacan.clone());
    let mut next_day = apatzingan.clone();
    next_day.date = Some("2026-03-09".into());
    next_day.figures.killed = fig(3);
    c.add(2, 2, "2026-03-10", "es", next_day);
    assert_eq!(c.build().incidents.len(), 2);
    // neighbouring divisions (a city and the province around it) stay one event, as
    // outlets disagree on which to name
    let mut c = Corpus::new();
    let city = raid_at(
        "2026-03-08",
        "Sanaa",
        "Amanat Al Asimah",
        Some(3),
        15.35,
        44.21,
    );
    let province = raid_at(
        "2026-03-08",
        "Sanaa province",
        "Sanaa",
        Some(4),
        15.65,
        44.02,
    );
    c.add(1, 1, "2026-03-09", "en", city);
    c.add(2, 2, "2026-03-09", "en", province);
    assert_eq!(c.build().incidents.len(), 1);
    // neighbouring divisions whose tolls are far apart, their places 60 km apart or more:
    // two events of one day ("25 bandits killed in Zamfara state", "12 in Katsina state")
    let state = |name: &str, killed: i64, lat: f64, lon: f64| {
        let mut d = at(
            raid_in("2025-11-08", name, name, Some(killed)),
            name,
            lat,
            lon,
        );
        let p = d.place.as_mut().unwrap();
        p.country = Some("NG".into());
        p.precision = 3;
        d.event_type = EventType::Strike;
        d
    };
    let mut c = Corpus::new();
    c.add(1, 1, "2025-11-09", "en", state("Zamfara", 25, 12.1, 6.2));
    c.add(2, 2, "2025-11-09", "en", state("Katsina", 12, 12.5, 7.6));
    assert_eq!(c.build().incidents.len(), 2);
    // the same toll, or tolls near each other ("6" and "7": one event counted twice): one
    for (a, b) in [(12, 12), (6, 7), (4, 5), (5, 8)] {
        let mut c = Corpus::new();
        c.add(1, 1, "2025-11-09", "en", state("Zamfara", a, 12.1, 6.2));
        c.add(2, 2, "2025-11-09", "en", state("Katsina", b, 12.5, 7.6));
        assert_eq!(c.build().incidents.len(), 1, "{a} {b}");
    }
    // a division named alone is placed at its middle, which may be far from where in it
    // the event was: read with 400 km more ("near Kismayo" and "in the Gedo region" may be
    // one strike); a division whose middle is further still is another's
    let town = raid_at("2026-03-08", "Culiacán", "Sinaloa", Some(3), 24.80, -107.39);
    let division = |name: &str, lat: f64, lon: f64| {
        let mut d = at(raid_in("2026-03-08", name, name, Some(3)), name, lat, lon);
        d.place.as_mut().unwrap().precision = 3;
        d
    };
    for (d, incidents) in [
        // ~540 km from the town, as a middle: near enough
        (division("Durango", 24.93, -102.2), 1),
        // ~1,900 km
        (division("Yucatán", 20.7, -89.1), 2),
    ] {
        let mut c = Corpus::new();
        c.add(1, 1, "2026-03-09", "es", town.clone());
        c.add(2, 2, "2026-03-09", "es", d);
        assert_eq!(c.build().incidents.len(), incidents);
    }
}

/// One article telling of strikes on two days in two divisions ("an airstrike in the Golis
/// mountains on Saturday ... in Lower Shabelle on Sunday killed four") told two strikes: the
/// later day is not the earlier strike's announcement, and the first does not take the
/// second's toll.
#[test]
fn one_articles_strikes_in_two_divisions_on_two_days_are_two() {
    let place = |name: &str, admin1: &str, lat: f64, lon: f64| {
        let mut r = raid_in("2025-11-08", name, admin1, None);
        r.event_type = EventType::Strike;
        let p = r.place.as_mut().unwrap();
        p.country = Some("SO".into());
        p.precision = 3;
        at(r, admin1, lat, lon)
    };
    let golis = place("Golis Mountains", "Sanaag", 10.6, 45.5);
    let mut shabelle = place("Lower Shabeelle", "Lower Shabeelle", 1.96, 44.83);
    shabelle.date = Some("2025-11-09".into());
    shabelle.figures.killed = fig(4);
    shabelle.date_basis = DateBasis::Relative;
    let mut golis = golis;
    golis.date_basis = DateBasis::Relative;
    let mut c = Corpus::new();
    c.add(1, 1, "2025-11-10", "en", golis.clone());
    c.add(2, 1, "2025-11-10", "en", shabelle.clone());
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    let days: std::collections::BTreeSet<String> = l
        .incidents
        .iter()
        .map(|i| i.date.clone().unwrap())
        .collect();
    assert_eq!(
        days,
        std::collections::BTreeSet::from(["2025-11-08".to_string(), "2025-11-09".to_string()])
    );
    // the same article naming one division for both: one strike and its announcement, as
    // before
    let mut c = Corpus::new();
    let mut later = golis.clone();
    later.date = Some("2025-11-09".into());
    later.figures.killed = fig(4);
    c.add(1, 1, "2025-11-10", "en", golis);
    c.add(2, 1, "2025-11-10", "en", later);
    assert_eq!(c.build().incidents.len(), 1);
}

#[test]
fn news_with_no_date_and_another_toll_joins_the_one_incident_in_its_division() {
    let bombing = |day: &str, killed: i64| {
        let mut r = raid_in(day, "Culiacán", "Sinaloa", Some(killed));
        r.event_type = EventType::Strike;
        r
    };
    let later = |admin1: &str| {
        let mut r = raid_in("2026-03-10", "Sinaloa", admin1, Some(25));
        r.date_precision = DatePrecision::Window;
        r.date_basis = DateBasis::Publication;
        r.place.as_mut().unwrap().precision = 3;
        r
    };
    // a bombing dated to the day with 19 dead; two days on, news of "the operation in
    // Sinaloa" with no day and 25 dead: one incident, with both tolls
    let mut c = Corpus::new();
    c.add(1, 1, "2026-03-09", "es", bombing("2026-03-08", 19));
    c.add(2, 2, "2026-03-10", "es", later("Sinaloa"));
    let l = c.build();
    assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
    let k = l.incidents[0].figures.killed.as_ref().unwrap();
    assert_eq!((k.low, k.high), (Some(19), Some(25)));
    // in another state: two
    let mut c = Corpus::new();
    c.add(1, 1, "2026-03-09", "es", bombing("2026-03-08", 19));
    c.add(2, 2, "2026-03-10", "es", later("Michoacán"));
    assert_eq!(c.build().incidents.len(), 2);
    // a lower toll (a raid after the bombing, not the bombing's count), or a town far
    // from the incident's: its own
    let mut c = Corpus::new();
    c.add(1, 1, "2026-03-09", "es", bombing("2026-03-08", 19));
    let mut lower = later("Sinaloa");
    lower.figures.killed = fig(3);
    c.add(2, 2, "2026-03-10", "es", lower);
    assert_eq!(c.build().incidents.len(), 2);
    let mut c = Corpus::new();
    c.add(
        1,
        1,
        "2026-03-09",
        "es",
        at(bombing("2026-03-08", 19), "Sinaloa", 24.80, -107.39),
    );
    let mut far = at(later("Sinaloa"), "Sinaloa", 22.89, -109.91);
    far.place.as_mut().unwrap().precision = 1;
    c.add(2, 2, "2026-03-10", "es", far);
    assert_eq!(c.build().incidents.len(), 2);
    // two incidents in that state within the window: which one is not known, so its own
    let mut c = Corpus::new();
    c.add(1, 1, "2026-03-09", "es", bombing("2026-03-08", 19));
    c.add(3, 3, "2026-03-10", "es", bombing("2026-03-09", 2));
    c.add(2, 2, "2026-03-10", "es", later("Sinaloa"));
    assert_eq!(c.build().incidents.len(), 3);
}

/// The compact records are put in member-key order in place (see `by_key`): any arrival
/// order gives the same sequence, and a report added twice is kept once.
#[test]
fn records_are_sorted_in_place_and_repeats_dropped() {
    let inputs = synthetic(300, 5);
    let sorted = |list: &[ReportInput]| {
        let mut strings = crate::resolve::Strings::default();
        let records: Vec<crate::resolve::Facts> = list
            .iter()
            .map(|r| crate::resolve::Facts::of(r, &mut strings))
            .collect();
        crate::by_key(records)
            .iter()
            .map(|f| (f.key, f.report_id))
            .collect::<Vec<_>>()
    };
    let mut want: Vec<(i64, i64)> = inputs
        .iter()
        .map(|r| (crate::identity::member_key(&r.stable_key()), r.report_id))
        .collect();
    want.sort();
    want.dedup();
    assert_eq!(sorted(&inputs), want);
    let mut twice = inputs.clone();
    twice.extend(inputs.iter().step_by(7).cloned());
    // one content key under two report ids (a report of one sentence told twice with the
    // same kind, type and modality): both kept, in report-id order
    let mut again: Vec<ReportInput> = inputs.iter().step_by(5).cloned().collect();
    for r in &mut again {
        r.report_id += 100_000;
    }
    let mut want: Vec<(i64, i64)> = want;
    want.extend(
        again
            .iter()
            .map(|r| (crate::identity::member_key(&r.stable_key()), r.report_id)),
    );
    want.sort();
    twice.extend(again);
    for seed in 0..4 {
        shuffle(&mut twice, seed);
        assert_eq!(sorted(&twice), want, "seed {seed}");
    }
}

/// The reaches a rebuild writes from its compact records ([`crate::Reached`]) are the ones
/// each whole report gives ([`crate::reach::reach`]), in report-id order, and each names
/// the incident that lists the report among its sources.
#[test]
fn reaches_from_the_records_are_the_whole_reports_reaches() {
    let mut inputs = synthetic_over(400, 11, 60);
    // references to earlier events (with a day, a short window and none), reports dated to a
    // week or a window of days, as well as the day, month and undated events
    for (k, r) in inputs.iter_mut().enumerate() {
        let rep = &mut r.report;
        match k % 9 {
            1 => rep.kind = ReportKind::Reference,
            2 => {
                rep.kind = ReportKind::Reference;
                rep.date = Some("2025-10-06".into());
                rep.date_precision = DatePrecision::Week;
            }
            4 => {
                rep.date = Some("2025-10-13".into());
                rep.date_precision = DatePrecision::Week;
            }
            5 => {
                rep.date = Some("2025-10-03".into());
                rep.date_precision = DatePrecision::Window;
            }
            7 => {
                rep.kind = ReportKind::Reference;
                rep.date = None;
                rep.date_precision = DatePrecision::Unknown;
            }
            _ => {}
        }
    }
    let mut b = crate::Builder::new();
    for r in &inputs {
        b.add(r.clone());
    }
    let mut incidents = Vec::new();
    let (_, _, reached) = b
        .incidents_reached::<()>(
            &crate::Review::default(),
            &Default::default(),
            &mut |wanted| {
                Ok(wanted
                    .iter()
                    .map(|&(_, id)| inputs.iter().find(|r| r.report_id == id).unwrap().clone())
                    .collect())
            },
            &mut |i, _| {
                incidents.push(i);
                Ok(())
            },
        )
        .unwrap();
    let got: Vec<(i64, crate::reach::Reach)> =
        reached.reaches().map(|r| (r.report_id, r.reach)).collect();
    let mut want: Vec<(i64, crate::reach::Reach)> = inputs
        .iter()
        .filter_map(|r| Some((r.report_id, crate::reach::reach(r)?)))
        .collect();
    want.sort_by_key(|w| w.0);
    assert!(want.len() > 100);
    assert_eq!(got, want);
    // every kind of reach is there: days from a week, references, undated ones
    assert!(got.iter().any(|g| g.1.story.is_some()));
    let references = inputs
        .iter()
        .filter(|r| r.report.kind == ReportKind::Reference)
        .filter(|r| got.iter().any(|g| g.0 == r.report_id))
        .count();
    assert!(references > 20, "{references}");
    // each incident's sources, attached reports and references name it, and nothing else does
    for inc in &incidents {
        let of_it: std::collections::BTreeSet<i64> = inc
            .sources
            .iter()
            .chain(&inc.references)
            .map(|s| s.report_id)
            .chain(inc.attached_report_ids.iter().copied())
            .collect();
        let named: std::collections::BTreeSet<i64> = reached
            .reaches()
            .filter(|r| r.incident == Some(inc.id.as_str()))
            .map(|r| r.report_id)
            .collect();
        assert_eq!(named, of_it, "{}", inc.id);
    }
    let mut named = 0;
    for r in reached.reaches() {
        let Some(id) = r.incident else { continue };
        named += 1;
        let inc = incidents
            .iter()
            .find(|i| i.id == id)
            .expect("an emitted incident");
        assert!(
            inc.sources.iter().any(|s| s.report_id == r.report_id)
                || inc.attached_report_ids.contains(&r.report_id)
                || inc.references.iter().any(|s| s.report_id == r.report_id),
            "report {} not a source of {id}",
            r.report_id
        );
    }
    assert!(named > 100);
}

/// Figures beyond what a compact record holds in four bytes (the extractor reads numbers up
/// to 10^12) compare exactly: two such tolls a day apart in one story are two events, as two
/// small different tolls are.
#[test]
fn figures_beyond_four_bytes_compare_exactly() {
    for (a, b) in [(3, 4), (3_000_000_000, 4_000_000_000)] {
        let mut c = Corpus::new();
        c.add(
            1,
            1,
            "2025-03-06",
            "en",
            strike("2025-03-03", Some("caribbean"), Some(a)),
        );
        c.add(
            1,
            1,
            "2025-03-06",
            "en",
            strike("2025-03-04", Some("caribbean"), Some(b)),
        );
        assert_eq!(c.build().incidents.len(), 2, "{a} and {b}");
        let mut c = Corpus::new();
        c.add(
            1,
            1,
            "2025-03-06",
            "en",
            strike("2025-03-03", Some("caribbean"), Some(b)),
        );
        c.add(
            1,
            1,
            "2025-03-06",
            "en",
            strike("2025-03-04", Some("caribbean"), Some(b)),
        );
        assert_eq!(c.build().incidents.len(), 1, "{b} twice");
    }
}

#[test]
fn two_towns_of_one_division_one_article_told_apart_are_two_events() {
    // one article: a strike near Jilib killed four, another in Buale killed three, one day,
    // one division (Middle Juba), about 60 km apart
    let jilib = raid_at("2026-03-02", "Jilib", "Middle Juba", Some(4), 0.49, 42.77);
    let buale = raid_at("2026-03-02", "Buale", "Middle Juba", Some(3), 1.08, 42.58);
    let mut c = Corpus::new();
    c.add(1, 1, "2026-03-03", "en", jilib.clone());
    c.add(1, 1, "2026-03-03", "en", buale.clone());
    // a second outlet tells only of Jilib, with the same toll: it joins Jilib's
    let mut other = jilib.clone();
    other.place.as_mut().unwrap().lat = Some(0.50);
    c.add(2, 2, "2026-03-03", "en", other);
    let l = c.build();
    assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
    let of = |town: &str| {
        l.incidents
            .iter()
            .find(|i| i.place.name.as_deref() == Some(town))
            .unwrap_or_else(|| panic!("{town}: {}", l.to_json()))
    };
    assert_eq!(of("Jilib").sources.len(), 2);
    assert_eq!(of("Buale").sources.len(), 1);
    // two outlets naming the two towns with their tolls, each one town: one event told two
    // ways, as before
    let mut c = Corpus::new();
    c.add(1, 1, "2026-03-03", "en", jilib);
    c.add(2, 2, "2026-03-03", "en", buale);
    assert_eq!(c.build().incidents.len(), 1);
}
