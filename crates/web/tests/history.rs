//! An incident's history of corrections on its page: a strike first reported with three dead,
//! then a second outlet's five (new reporting widens the toll), then a reviewer's decision
//! setting the toll. The page lists both corrections value by value, before and after, with
//! the new article behind the first and the reviewer, time and reason behind the second.

mod common;

use std::path::PathBuf;

use common::Doc;
use sw_ledger::review::Action;
use sw_ledger::Decision;
use sw_model::Lang;
use sw_store::Store;

const FIRST: Doc = Doc {
    url: "https://harbour-wire.example/2025/11/05/pacific-boat",
    outlet: "Harbour Wire",
    published: "2025-11-05",
    title: "Boat struck in the eastern Pacific",
    lang: Lang::En,
    text: "U.S. forces struck a boat in the eastern Pacific on Tuesday, killing three people, Southern Command said.",
};

const LATER: Doc = Doc {
    url: "https://gazette-d.example/world/pacific-boat-toll",
    outlet: "Gazette D",
    published: "2025-11-07",
    title: "Toll from Pacific boat strike",
    lang: Lang::En,
    text: "A U.S. strike on a boat in the eastern Pacific on Tuesday killed five people, officials said.",
};

fn unescape(s: &str) -> String {
    s.replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn the_incident_page_lists_each_correction_with_its_values_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("web.db");
    // version 1: one outlet, three killed
    let store = common::make_store(&db, &[FIRST]);
    let v1 = sw_app::ledger::load(&store).unwrap();
    assert_eq!(v1.incidents.len(), 1, "{:?}", v1.incidents);
    let id = v1.incidents[0].id.clone();
    let killed = |l: &sw_ledger::Ledger| {
        let f = l.incidents[0]
            .figures
            .get(sw_model::Field::Killed)
            .cloned()
            .unwrap();
        (f.low, f.best, f.high)
    };
    assert_eq!(killed(&v1), (Some(3), Some(3), Some(3)));
    drop(store);
    // version 2: a second outlet gives five for the same strike
    let mut store = common::make_store(&db, &[LATER]);
    let v2 = sw_app::ledger::load(&store).unwrap();
    assert_eq!(v2.incidents.len(), 1, "one strike: {:?}", v2.incidents);
    assert_eq!(v2.incidents[0].id, id);
    let (_, best2, high2) = killed(&v2);
    assert_eq!(high2, Some(5));
    // version 3: a reviewer sets the toll
    let decision = Decision::new(
        "ana",
        "2026-02-01T10:00:00Z",
        "the coast guard's count",
        Action::SetFigure {
            target: sw_app::review::target(&store, &v2, &id).unwrap(),
            field: sw_model::Field::Killed,
            value: 4,
            source: "Coast Guard statement".into(),
        },
    );
    sw_app::review::record(&mut store, &[decision]).unwrap();
    sw_app::ledger::update(&mut store, "2026-02-01T10:01:00Z").unwrap();
    let v3 = sw_app::ledger::load(&store).unwrap();
    assert_eq!(killed(&v3).1, Some(4));
    assert_eq!(store.ledger_versions().unwrap().len(), 3);
    drop(store);

    let s = common::Server::over(
        dir,
        db,
        sw_web::Options {
            rate_limit: 0,
            ..Default::default()
        },
    );
    let page = reqwest::blocking::Client::builder()
        .no_proxy()
        .build()
        .unwrap()
        .get(s.url(&format!("/incidents/{id}")))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let history = page
        .split("<section class=\"panel\" id=\"history\">")
        .nth(1)
        .expect("the page has a history");
    let history = unescape(history.split("</section>").next().unwrap());
    let items: Vec<&str> = history.split("<li>version ").skip(1).collect();
    let of = |v: &str| {
        items
            .iter()
            .find(|i| i.starts_with(v))
            .unwrap_or_else(|| panic!("no version {v} in {history}"))
            .to_string()
    };
    assert!(of("1 ").contains("first seen"), "{history}");
    // the new reporting: the toll's high bound, with the article that gave it
    let second = of("2 ");
    assert!(second.contains("killed high 3 -> 5"), "{second}");
    if best2 != Some(3) {
        assert!(second.contains(&format!("killed best 3 -> {}", best2.unwrap())));
    }
    assert!(second.contains("sources 1 -> 2"), "{second}");
    assert!(
        second.contains("New reporting") && second.contains("Gazette D"),
        "{second}"
    );
    assert!(!second.contains("Review decision"), "{second}");
    // the reviewer's correction: before and after, who, when and why
    let third = of("3 ");
    assert!(
        third.contains(&format!("killed best {} -> 4", best2.unwrap())),
        "{third}"
    );
    assert!(third.contains("Review decision (set figure) by"), "{third}");
    assert!(third.contains(">ana<"), "{third}");
    assert!(third.contains("2026-02-01T10:00:00Z"), "{third}");
    assert!(third.contains("the coast guard's count"), "{third}");
    assert!(!third.contains("New reporting"), "{third}");
}
