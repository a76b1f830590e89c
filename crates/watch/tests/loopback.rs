//! The watcher against servers on loopback: conditional GET, Retry-After, problem feeds, a
//! restart, and webhook delivery. Time is a fake clock: nothing sleeps for real minutes.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use sw_store::{SqliteStore, Store};
use sw_watch::webhook::{verify, Sender, Webhooks, IDEMPOTENCY_HEADER, SIGNATURE_HEADER};
use sw_watch::{Change, Clock, Config, Events, Policy, Polling, Watcher};

/// A request as the test server saw it.
#[derive(Debug, Clone)]
struct Req {
    method: String,
    path: String,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

/// What the test server answers.
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// Wait this long before answering (a slow server).
    delay_ms: u64,
}

fn resp(status: u16, body: &str) -> Resp {
    Resp {
        status,
        headers: Vec::new(),
        body: body.as_bytes().to_vec(),
        delay_ms: 0,
    }
}

type Handler = Arc<dyn Fn(&Req) -> Resp + Send + Sync>;

/// A loopback HTTP/1.1 server answering each connection with `handler`; every request is
/// logged.
fn serve(handler: Handler) -> (String, Arc<Mutex<Vec<Req>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log: Arc<Mutex<Vec<Req>>> = Arc::default();
    let seen = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let handler = handler.clone();
            let seen = seen.clone();
            std::thread::spawn(move || {
                let mut s = stream;
                let mut r = BufReader::new(s.try_clone().unwrap());
                let mut line = String::new();
                if r.read_line(&mut line).is_err() {
                    return;
                }
                let mut parts = line.split_whitespace();
                let method = parts.next().unwrap_or("").to_string();
                let path = parts.next().unwrap_or("").to_string();
                let mut headers = HashMap::new();
                loop {
                    let mut h = String::new();
                    if r.read_line(&mut h).is_err() || h == "\r\n" || h.is_empty() {
                        break;
                    }
                    if let Some((k, v)) = h.trim_end().split_once(':') {
                        headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                    }
                }
                let len: usize = headers
                    .get("content-length")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                let mut body = vec![0; len];
                let _ = r.read_exact(&mut body);
                let req = Req {
                    method,
                    path,
                    headers,
                    body,
                };
                seen.lock().unwrap().push(req.clone());
                let out = handler(&req);
                if out.delay_ms > 0 {
                    std::thread::sleep(std::time::Duration::from_millis(out.delay_ms));
                }
                let mut head = format!(
                    "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                    out.status,
                    out.body.len()
                );
                for (k, v) in &out.headers {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
                head.push_str("\r\n");
                let _ = s.write_all(head.as_bytes());
                let _ = s.write_all(&out.body);
            });
        }
    });
    (base, log)
}

/// A clock that moves only when told to (and when the watcher sleeps).
struct FakeClock(Mutex<i64>);

impl FakeClock {
    fn at(ms: i64) -> FakeClock {
        FakeClock(Mutex::new(ms))
    }
    fn advance(&self, ms: i64) {
        *self.0.lock().unwrap() += ms;
    }
}

impl Clock for FakeClock {
    fn now_ms(&self) -> i64 {
        *self.0.lock().unwrap()
    }
    fn sleep_ms(&self, ms: i64) {
        self.advance(ms.max(0));
    }
}

#[derive(Default)]
struct Log {
    problems: Mutex<Vec<(String, String)>>,
    changes: Mutex<Vec<Change>>,
}

impl Events for Log {
    fn problem(&self, locator: &str, message: &str) {
        self.problems
            .lock()
            .unwrap()
            .push((locator.into(), message.into()));
    }
    fn note(&self, _: &str, _: &str) {}
    fn changed(&self, c: &Change) {
        self.changes.lock().unwrap().push(c.clone());
    }
}

fn config() -> Config {
    let mut c = Config {
        policy: Policy {
            min: 1_000,
            max: 60_000,
            default: 5_000,
            backoff_base: 2_000,
            backoff_max: 60_000,
            politeness: 0,
        },
        ..Config::default()
    };
    c.limits.allow_private_addresses = true;
    c.limits.timeout = std::time::Duration::from_millis(1_500);
    c
}

const T0: i64 = 1_764_900_000_000; // 2025-12-05

fn rss(base: &str, items: &[(&str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(path, title)| {
            format!(
                "<item><title>{title}</title><link>{base}{path}</link>\
                 <pubDate>Thu, 02 Oct 2025 10:00:00 GMT</pubDate>\
                 <description>{title}</description></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
         <link>{base}/</link>{items}</channel></rss>"
    )
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
         <p>{body}</p><p>Officials gave no further details on Thursday.</p></article></body></html>"
    )
}

const STRIKE: &str = "The United States military said it carried out a strike on a boat in the \
    Caribbean on October 2, 2025, killing six people, the Pentagon said in a statement.";

fn hits(log: &Arc<Mutex<Vec<Req>>>, path: &str) -> usize {
    log.lock()
        .unwrap()
        .iter()
        .filter(|r| r.path == path)
        .count()
}

#[test]
fn conditional_get_fetches_nothing_new_and_a_restart_resumes() {
    // the feed's version: 1 = one item, 2 = a second item added
    let version = Arc::new(Mutex::new(1));
    let v = version.clone();
    let base_cell: Arc<Mutex<String>> = Arc::default();
    let b = base_cell.clone();
    let (base, log) = serve(Arc::new(move |r: &Req| {
        let base = b.lock().unwrap().clone();
        let n = *v.lock().unwrap();
        let etag = format!("W/\"feed v{n}\"");
        match r.path.as_str() {
            "/feed.xml" => {
                if r.headers.get("if-none-match") == Some(&etag) {
                    return resp(304, "");
                }
                let mut items = vec![("/a1", "Boat struck")];
                if n == 2 {
                    items.insert(0, ("/a2", "Second boat struck"));
                }
                let mut out = resp(200, &rss(&base, &items));
                out.headers = vec![
                    ("ETag".into(), etag),
                    (
                        "Last-Modified".into(),
                        "Thu, 02 Oct 2025 10:00:00 GMT".into(),
                    ),
                    ("Content-Type".into(), "application/rss+xml".into()),
                ];
                out
            }
            "/a1" => resp(200, &page("Boat struck", STRIKE)),
            "/a2" => resp(
                200,
                &page(
                    "Second boat struck",
                    "The Pentagon said a second strike on a vessel in the eastern Pacific on \
                     October 4, 2025 killed three people.",
                ),
            ),
            _ => resp(404, "no"),
        }
    }));
    *base_cell.lock().unwrap() = base.clone();
    let feed = format!("{base}/feed.xml");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let extractor = Arc::new(sw_extract::Extractor::new());
    let clock = FakeClock::at(T0);
    let stop = AtomicBool::new(false);
    let events = Log::default();
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.add_feed(&feed, T0).unwrap();
        let mut w = Watcher::new(&mut store, extractor.clone(), config(), None).unwrap();
        let polled = w.tick(&clock, &stop, &events).unwrap();
        assert_eq!(
            polled,
            vec![(
                feed.clone(),
                Polling::Fetched {
                    new_items: 1,
                    articles: 1
                }
            )]
        );
        // not due yet: nothing is asked
        assert!(w.tick(&clock, &stop, &events).unwrap().is_empty());
        clock.advance(60_000);
        let polled = w.tick(&clock, &stop, &events).unwrap();
        assert_eq!(polled, vec![(feed.clone(), Polling::NotModified)]);
    }
    assert_eq!(hits(&log, "/a1"), 1);
    assert_eq!(hits(&log, "/feed.xml"), 2);
    {
        let last = log.lock().unwrap().last().cloned().unwrap();
        // the validators went back exactly as received
        assert_eq!(
            last.headers.get("if-none-match").map(String::as_str),
            Some("W/\"feed v1\"")
        );
        assert_eq!(
            last.headers.get("if-modified-since").map(String::as_str),
            Some("Thu, 02 Oct 2025 10:00:00 GMT")
        );
    }
    let store = SqliteStore::open(&path).unwrap();
    let f = store.feed(&feed).unwrap().unwrap();
    assert_eq!(f.etag.as_deref(), Some("W/\"feed v1\""));
    assert_eq!(f.items_seen, 1);
    assert_eq!(f.failures, 0);
    assert_eq!(store.counts().unwrap().articles, 1);
    drop(store);

    // a restart: a new store handle and watcher; the feed gains an item
    *version.lock().unwrap() = 2;
    clock.advance(60_000);
    let mut store = SqliteStore::open(&path).unwrap();
    let mut w = Watcher::new(&mut store, extractor, config(), None).unwrap();
    let polled = w.tick(&clock, &stop, &events).unwrap();
    assert_eq!(
        polled,
        vec![(
            feed.clone(),
            Polling::Fetched {
                new_items: 1,
                articles: 1
            }
        )]
    );
    drop(w);
    assert_eq!(
        hits(&log, "/a1"),
        1,
        "an item already stored is not fetched again"
    );
    assert_eq!(hits(&log, "/a2"), 1);
    assert_eq!(store.counts().unwrap().articles, 2);
    assert!(
        events.problems.lock().unwrap().is_empty(),
        "{:?}",
        events.problems
    );
    // the ledger was brought up to date after each batch, and what changed was kept
    assert_eq!(
        store.ledger_generation().unwrap(),
        Some(store.reports_generation().unwrap())
    );
    let kept = store.changes(None, 100).unwrap();
    assert_eq!(kept.len(), events.changes.lock().unwrap().len());
    assert!(
        kept.iter()
            .any(|c| c.json.contains("\"kind\":\"new_incident\"")),
        "{kept:?}"
    );
}

#[test]
fn problem_feeds_each_give_one_line_and_the_others_go_on() {
    let base_cell: Arc<Mutex<String>> = Arc::default();
    let b = base_cell.clone();
    let (base, log) = serve(Arc::new(move |r: &Req| {
        let base = b.lock().unwrap().clone();
        match r.path.as_str() {
            "/missing.xml" => resp(404, "not here"),
            "/broken.xml" => resp(200, "<rss><channel><item>unclosed"),
            "/loop.xml" => Resp {
                status: 302,
                headers: vec![("Location".into(), format!("{base}/loop.xml"))],
                body: Vec::new(),
                delay_ms: 0,
            },
            "/slow.xml" => Resp {
                delay_ms: 4_000,
                ..resp(200, &rss(&base, &[("/s1", "Slow")]))
            },
            "/good.xml" => resp(200, &rss(&base, &[("/g1", "Boat struck")])),
            "/g1" => resp(200, &page("Boat struck", STRIKE)),
            _ => resp(404, "no"),
        }
    }));
    *base_cell.lock().unwrap() = base.clone();
    // a port nothing listens on
    let dead = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/feed.xml", l.local_addr().unwrap())
    };
    let mut store = SqliteStore::open_in_memory().unwrap();
    let bad = [
        dead.clone(),
        format!("{base}/missing.xml"),
        format!("{base}/broken.xml"),
        format!("{base}/loop.xml"),
        format!("{base}/slow.xml"),
    ];
    for u in bad.iter().chain([&format!("{base}/good.xml")]) {
        store.add_feed(u, T0).unwrap();
    }
    let clock = FakeClock::at(T0);
    let events = Log::default();
    let mut w = Watcher::new(
        &mut store,
        Arc::new(sw_extract::Extractor::new()),
        config(),
        None,
    )
    .unwrap();
    let polled: HashMap<String, Polling> = w
        .tick(&clock, &AtomicBool::new(false), &events)
        .unwrap()
        .into_iter()
        .collect();
    drop(w);
    assert_eq!(
        polled[&format!("{base}/good.xml")],
        Polling::Fetched {
            new_items: 1,
            articles: 1
        }
    );
    let problems = events.problems.lock().unwrap().clone();
    for u in &bad {
        let lines: Vec<&String> = problems
            .iter()
            .filter(|(l, _)| l == u)
            .map(|(_, m)| m)
            .collect();
        assert_eq!(lines.len(), 1, "{u}: {problems:?}");
        assert!(matches!(polled[u], Polling::Failed(_)), "{u}");
        assert!(!lines[0].contains('\n'));
    }
    let line = |u: &str| {
        problems
            .iter()
            .find(|(l, _)| l == u)
            .map(|(_, m)| m.clone())
            .unwrap()
    };
    assert!(
        line(&dead).starts_with("could not connect"),
        "{}",
        line(&dead)
    );
    assert!(line(&bad[1]).starts_with("HTTP 404"), "{}", line(&bad[1]));
    assert!(
        line(&bad[2]).starts_with("malformed feed"),
        "{}",
        line(&bad[2])
    );
    assert!(
        line(&bad[3]).starts_with("too many redirects"),
        "{}",
        line(&bad[3])
    );
    assert!(line(&bad[4]).starts_with("timed out"), "{}", line(&bad[4]));
    assert_eq!(problems.len(), bad.len(), "{problems:?}");
    assert_eq!(hits(&log, "/g1"), 1);
    // each failure is kept with the feed, backed off, for `feeds`
    for u in &bad {
        let f = store.feed(u).unwrap().unwrap();
        assert_eq!(f.failures, 1);
        assert!(f.last_error.is_some());
        assert!(f.next_poll_ms.unwrap() >= T0 + 1_000);
    }
}

#[test]
fn retry_after_is_honoured_for_the_feed_and_its_host() {
    let (base, log) = serve(Arc::new(|r: &Req| match r.path.as_str() {
        "/busy.xml" => Resp {
            headers: vec![("Retry-After".into(), "120".into())],
            ..resp(429, "slow down")
        },
        _ => resp(404, "no"),
    }));
    let mut store = SqliteStore::open_in_memory().unwrap();
    let busy = format!("{base}/busy.xml");
    let other = format!("{base}/other.xml");
    store.add_feed(&busy, T0).unwrap();
    let clock = FakeClock::at(T0);
    let events = Log::default();
    let stop = AtomicBool::new(false);
    let extractor = Arc::new(sw_extract::Extractor::new());
    let mut w = Watcher::new(&mut store, extractor, config(), None).unwrap();
    let polled = w.tick(&clock, &stop, &events).unwrap();
    assert!(matches!(polled[0].1, Polling::Failed(ref m) if m.starts_with("HTTP 429")));
    drop(w);
    assert_eq!(
        store.feed(&busy).unwrap().unwrap().next_poll_ms,
        Some(T0 + 120_000)
    );
    // another feed on the same host waits too, within the same watcher
    store.add_feed(&other, T0).unwrap();
    let mut w = Watcher::new(
        &mut store,
        Arc::new(sw_extract::Extractor::new()),
        config(),
        None,
    )
    .unwrap();
    w.tick(&clock, &stop, &events).unwrap(); // other: 404, a new watcher knows no block
    let before = hits(&log, "/busy.xml");
    clock.advance(119_000);
    let polled = w.tick(&clock, &stop, &events).unwrap();
    assert!(polled.iter().all(|(u, _)| u != &busy), "{polled:?}");
    assert_eq!(hits(&log, "/busy.xml"), before);
    clock.advance(1_000);
    let polled = w.tick(&clock, &stop, &events).unwrap();
    assert!(polled.iter().any(|(u, _)| u == &busy), "{polled:?}");
    assert_eq!(hits(&log, "/busy.xml"), before + 1);
}

#[test]
fn retry_after_blocks_other_feeds_of_the_host() {
    let (base, log) = serve(Arc::new(|r: &Req| match r.path.as_str() {
        "/a.xml" => Resp {
            headers: vec![("Retry-After".into(), "30".into())],
            ..resp(503, "busy")
        },
        _ => resp(404, "no"),
    }));
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.add_feed(&format!("{base}/a.xml"), T0).unwrap();
    store.add_feed(&format!("{base}/b.xml"), T0).unwrap();
    let clock = FakeClock::at(T0);
    let mut w = Watcher::new(
        &mut store,
        Arc::new(sw_extract::Extractor::new()),
        config(),
        None,
    )
    .unwrap();
    let polled = w
        .tick(&clock, &AtomicBool::new(false), &Log::default())
        .unwrap();
    assert_eq!(polled[1], (format!("{base}/b.xml"), Polling::Deferred));
    assert_eq!(hits(&log, "/b.xml"), 0);
}

#[test]
fn a_webhook_that_fails_twice_gets_the_change_once_on_the_third_try() {
    let tries = Arc::new(Mutex::new(0));
    let t = tries.clone();
    let (base, log) = serve(Arc::new(move |_r: &Req| {
        let mut n = t.lock().unwrap();
        *n += 1;
        if *n <= 2 {
            resp(500, "down")
        } else {
            resp(200, "ok")
        }
    }));
    let sender = Sender::new(Webhooks {
        urls: vec![format!("{base}/hook")],
        secret: "shared secret".into(),
        attempts: 5,
        backoff_base: 1_000,
        timeout: std::time::Duration::from_secs(5),
    })
    .unwrap();
    let change = Change {
        key: "0123456789abcdef01234567".into(),
        kind: "new_incident",
        subject: "inc-000000000001".into(),
        into: None,
        field: None,
        before: None,
        after: None,
        date: Some("2025-10-02".into()),
        country: Some("VE".into()),
        region: Some("caribbean".into()),
        summary: "new incident: strike in Caribbean Sea (2025-10-02), 6 killed".into(),
        url: Some("https://wire.example/a1".into()),
        detected_ms: T0,
    };
    let waits = Mutex::new(Vec::new());
    let body = serde_json::to_vec(&change).unwrap();
    let url = format!("{base}/hook");
    let sent = sender.deliver(&url, &body, &change.key, &|ms| {
        waits.lock().unwrap().push(ms)
    });
    assert_eq!(sent, Ok(()));
    let reqs = log.lock().unwrap().clone();
    assert_eq!(reqs.len(), 3, "delivered on the third try, and not again");
    let waits = waits.into_inner().unwrap();
    assert_eq!(waits.len(), 2);
    assert!(
        waits[0] >= 500 && waits[0] <= 1_000 && waits[1] >= 1_000 && waits[1] <= 2_000,
        "{waits:?}"
    );
    for r in &reqs {
        assert_eq!(r.method, "POST");
        assert_eq!(
            r.headers.get(&IDEMPOTENCY_HEADER.to_ascii_lowercase()),
            Some(&change.key)
        );
        let sig = &r.headers[&SIGNATURE_HEADER.to_ascii_lowercase()];
        assert!(verify("shared secret", &r.body, sig));
        assert!(!verify("another secret", &r.body, sig));
        let sent: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(sent["subject"], "inc-000000000001");
        assert_eq!(sent["kind"], "new_incident");
    }
    // a receiver that never answers well gets one line
    let (base, _) = serve(Arc::new(|_r: &Req| resp(500, "down")));
    let sender = Sender::new(Webhooks {
        urls: vec![format!("{base}/hook")],
        secret: "s".into(),
        attempts: 3,
        backoff_base: 10,
        timeout: std::time::Duration::from_secs(5),
    })
    .unwrap();
    let problem = sender
        .deliver(&format!("{base}/hook"), &body, &change.key, &|_| {})
        .unwrap_err();
    assert!(
        problem.contains("not delivered after 3 tries (last: HTTP 500"),
        "{problem}"
    );
}

/// A change a webhook did not take stays queued in the store: the next watcher (a restart)
/// sends it, in order with the ones after it, each once; a new webhook gets no history.
#[test]
fn webhook_deliveries_survive_failures_and_restarts_in_order_once_each() {
    let up = Arc::new(Mutex::new(false));
    let u = up.clone();
    let (base, log) = serve(Arc::new(move |_r: &Req| {
        if *u.lock().unwrap() {
            resp(200, "ok")
        } else {
            resp(503, "down")
        }
    }));
    let hooks = || {
        Some(
            Sender::new(Webhooks {
                urls: vec![format!("{base}/hook")],
                secret: "s".into(),
                attempts: 2,
                backoff_base: 10,
                timeout: std::time::Duration::from_secs(5),
            })
            .unwrap(),
        )
    };
    let change = |n: i64| sw_store::LedgerChange {
        seq: 0,
        key: format!("key-{n}"),
        detected_ms: T0 + n,
        country: None,
        json: format!("{{\"n\":{n}}}"),
    };
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_changes(&[change(0)]).unwrap();
    let clock = FakeClock::at(T0);
    let stop = AtomicBool::new(false);
    let tick = |store: &mut SqliteStore| {
        let events = Log::default();
        let mut w = Watcher::new(
            store,
            Arc::new(sw_extract::Extractor::new()),
            config(),
            hooks(),
        )
        .unwrap();
        w.tick(&clock, &stop, &events).unwrap();
        events.problems.into_inner().unwrap()
    };
    // a webhook named for the first time starts after the changes already kept
    assert!(tick(&mut store).is_empty());
    assert!(log.lock().unwrap().is_empty(), "no history sent");
    // two changes kept by a watcher that stopped before sending them; the receiver is down
    store.put_changes(&[change(1), change(2)]).unwrap();
    let problems = tick(&mut store);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].1.contains("key-1") && problems[0].1.contains("HTTP 503"),
        "{problems:?}"
    );
    assert_eq!(
        log.lock().unwrap().len(),
        2,
        "two tries of the first change, then it waits"
    );
    // up again: a restarted watcher sends both, in order
    *up.lock().unwrap() = true;
    assert!(tick(&mut store).is_empty());
    let bodies: Vec<String> = log
        .lock()
        .unwrap()
        .iter()
        .skip(2)
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect();
    assert_eq!(bodies, [r#"{"n":1}"#, r#"{"n":2}"#]);
    // and never again
    assert!(tick(&mut store).is_empty());
    assert_eq!(log.lock().unwrap().len(), 4);
}
