//! `watch` and `feeds` as a user runs them, against a server on loopback.

mod common;

use std::io::Write;
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use common::*;

const PAGE: &str = "<html><head><title>Boat struck</title></head><body><article><h1>Boat struck</h1>\
<p>A strike on a boat in the eastern Pacific killed three people, the command said in a statement on Tuesday.</p>\
<p>The statement said the vessel had been followed for hours before it was hit.</p></article></body></html>";

/// Serves a good feed, its item's page (counting fetches) and a 404 feed.
fn serve(page_hits: Arc<AtomicUsize>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let b = base.clone();
    std::thread::spawn(move || {
        for mut s in listener.incoming().take(100).flatten() {
            let path = request_path(&s);
            let (status, body) = match path.as_str() {
                "/feed.xml" => (
                    "200 OK",
                    format!(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback Wire</title>\
                         <item><title>Boat struck</title><link>{b}/a1</link><description>Short.</description></item>\
                         </channel></rss>"
                    ),
                ),
                "/a1" => {
                    page_hits.fetch_add(1, Ordering::SeqCst);
                    ("200 OK", PAGE.to_string())
                }
                _ => ("404 Not Found", "gone".to_string()),
            };
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nETag: \"e1\"\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

#[test]
fn watch_once_ingests_new_items_and_feeds_shows_health() {
    let hits = Arc::new(AtomicUsize::new(0));
    let base = serve(hits.clone());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let good = format!("{base}/feed.xml");
    let gone = format!("{base}/gone.xml");

    let r = run(&db, &["watch", "--once"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("no feeds to watch"), "{}", r.stderr);

    let r = run(
        &db,
        &[
            "watch",
            "--once",
            "--allow-private-addresses",
            "--politeness",
            "0",
            &good,
            &gone,
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let about_gone: Vec<&str> = r.stderr.lines().filter(|l| l.contains(&gone)).collect();
    assert_eq!(about_gone.len(), 1, "{}", r.stderr);
    assert!(about_gone[0].contains("HTTP 404"), "{}", about_gone[0]);
    assert_eq!(articles(&db).len(), 1);
    assert_eq!(hits.load(Ordering::SeqCst), 1);

    let feeds = json(&db, &["feeds", "--json"]);
    let feeds = feeds.as_array().unwrap();
    assert_eq!(feeds.len(), 2);
    let by = |u: &str| feeds.iter().find(|f| f["url"] == u).unwrap().clone();
    assert_eq!(by(&good)["health"], "ok");
    assert_eq!(by(&good)["items_seen"], 1);
    assert_eq!(by(&good)["etag"], "\"e1\"");
    assert_eq!(by(&gone)["health"], "erroring");
    assert_eq!(by(&gone)["failures"], 1);

    // not due again yet: nothing is fetched
    let r = run(&db, &["watch", "--once", "--allow-private-addresses"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(hits.load(Ordering::SeqCst), 1);

    let opml = run(&db, &["feeds", "--opml"]);
    assert!(
        opml.stdout.contains(&format!("xmlUrl=\"{good}\"")),
        "{}",
        opml.stdout
    );
    let r = run(&db, &["feeds", "remove", &gone]);
    assert_eq!(r.code, 0);
    let r = run(&db, &["feeds", "remove", &gone]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not a watched feed"), "{}", r.stderr);
    let r = run(&db, &["feeds", "add", "ftp://x.example/feed"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("not an http(s) URL"), "{}", r.stderr);
    assert_eq!(json(&db, &["feeds", "--json"]).as_array().unwrap().len(), 1);
}

/// `serve --watch`: one process polls the feed, ingests its item's page and publishes the
/// ledger, and the server it runs beside shows the new incident, the feed's health on
/// `/feeds` and `/api/feeds`, without a restart.
#[test]
fn serve_watch_shows_new_incidents_and_feed_health_as_they_come() {
    let hits = Arc::new(AtomicUsize::new(0));
    let base = serve(hits.clone());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let good = format!("{base}/feed.xml");
    let gone = format!("{base}/gone.xml");
    // an empty store first, so the server starts before the watcher has anything
    assert_eq!(run(&db, &["extract"]).code, 0);
    let served = start_serve(
        &db,
        &[
            "--watch",
            "--allow-private-addresses",
            "--politeness",
            "0",
            "--min-interval",
            "1",
            &good,
            &gone,
        ],
    );
    let start = std::time::Instant::now();
    let mut last = String::new();
    loop {
        let (head, _) = get(&served.addr, "/api/incidents");
        if head.to_ascii_lowercase().contains("x-total-count: 1") {
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "the served ledger never showed the watched item's incident: {last}"
        );
        last = head;
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert_eq!(hits.load(Ordering::SeqCst), 1, "the page is fetched once");

    let (head, body) = get(&served.addr, "/api/feeds");
    assert!(
        head.starts_with("HTTP/1.1 200") || head.starts_with("HTTP/1.0 200"),
        "{head}"
    );
    let feeds: serde_json::Value = serde_json::from_str(&body).unwrap();
    let by = |u: &str| {
        feeds
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["url"] == u)
            .unwrap_or_else(|| panic!("{u} not in {feeds}"))
            .clone()
    };
    assert_eq!(by(&good)["health"], "ok");
    assert_eq!(by(&good)["items_seen"], 1);
    assert_eq!(by(&gone)["health"], "erroring");
    assert!(
        by(&gone)["last_error"].as_str().unwrap().contains("404"),
        "{}",
        by(&gone)
    );

    let (_, page) = get(&served.addr, "/feeds");
    assert!(page.contains(&good) && page.contains(&gone), "{page}");
    assert!(page.contains("2 feeds: 1 ok, 1 erroring"), "{page}");
}

/// The items of the store's `/alerts.json`, as `(kind, subject)`.
fn alerts(db: &std::path::Path) -> Vec<(String, String)> {
    let served = start_serve(db, &[]);
    let (head, body) = get(&served.addr, "/alerts.json");
    assert!(
        head.starts_with("HTTP/1.1 200") || head.starts_with("HTTP/1.0 200"),
        "{head}"
    );
    let feed: serde_json::Value = serde_json::from_str(&body).unwrap();
    feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let c = &i["_strikewatch"];
            (
                c["kind"].as_str().unwrap().to_string(),
                c["subject"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Alerts come from ledger versions, whoever published them: an `ingest` run by hand and a
/// review decision raise them as `watch` does; the store's first ledger is a baseline and
/// raises none. The diff of the review's version names the reviewer.
#[test]
fn ingest_and_review_raise_alerts_without_watch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let ingest = |part: &str| {
        let r = run(
            &db,
            &[
                "ingest",
                root().join("examples").join(part).to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
    };
    ingest("jsonl");
    assert_eq!(alerts(&db), vec![], "the first ledger is a baseline");
    let before: Vec<String> = json(&db, &["incidents", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    ingest("text");
    let after = json(&db, &["incidents", "--json"]);
    let new: Vec<String> = after
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .filter(|id| !before.contains(id))
        .collect();
    assert!(!new.is_empty(), "the second part adds incidents");
    let got = alerts(&db);
    for id in &new {
        assert!(
            got.contains(&("new_incident".to_string(), id.clone())),
            "{id} new: {got:?}"
        );
    }
    assert!(
        !got.iter()
            .any(|(k, s)| k == "new_incident" && before.contains(s)),
        "no incident of the first part is alerted as new: {got:?}"
    );

    // a reviewer sets a toll: a revised figure alert for that incident
    let target = &before[0];
    let r = run(
        &db,
        &[
            "review",
            "set",
            target,
            "killed",
            "77",
            "--reason",
            "official toll",
            "--source",
            "a ministry statement",
            "--author",
            "ana",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // the next writer publishes the version the decision makes
    let r = run(&db, &["extract"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let got = alerts(&db);
    assert!(
        got.contains(&("revised_figure".to_string(), target.clone())),
        "{got:?}"
    );
    // the diff of that version names the reviewer behind the revision
    let last = json(&db, &["versions", "--json"]).as_array().unwrap().len();
    let (a, b) = ((last - 1).to_string(), last.to_string());
    let d = json(&db, &["diff", &a, &b, "--json"]);
    let revised = d["revised"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == target.as_str())
        .unwrap_or_else(|| panic!("{target} revised: {d}"));
    assert_eq!(revised["decided_by"][0]["author"], "ana", "{revised}");
    assert!(revised["decided_by"][0]["decision"]
        .as_str()
        .unwrap()
        .starts_with("dec-"));
    let text = run(&db, &["diff", &a, &b]).stdout;
    assert!(text.contains("[review: ana (dec-"), "{text}");
    // running again changes nothing and repeats no alert
    let n = got.len();
    ingest("text");
    assert_eq!(alerts(&db).len(), n);
}
