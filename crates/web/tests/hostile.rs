//! Hostile clients: searches built to be slow, connections that never finish a request or
//! never close, more connections than the server takes. None of them may stall the server
//! for everyone else.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::Server;
use reqwest::blocking::Client;
use sw_model::{Article, Lang, PublishedBasis};
use sw_store::{Finish, NewArticle, RawInput, SqliteStore, Store};

fn client(timeout: Duration) -> Client {
    Client::builder()
        .no_proxy()
        .timeout(timeout)
        .build()
        .unwrap()
}

fn options() -> sw_web::Options {
    sw_web::Options {
        rate_limit: 0,
        ..Default::default()
    }
}

/// Three-letter beginnings shared by many words of [`word_store`]'s vocabulary, so that a
/// query of prefixes long enough to be allowed (`sta* pre* ...`) is still costly.
const STEMS: [&str; 16] = [
    "sta", "pre", "con", "tra", "res", "com", "pro", "dis", "int", "ref", "inf", "mar", "car",
    "par", "ter", "por",
];

/// A store of `n` articles of made-up words (a vocabulary of thousands, many sharing a few
/// beginnings, so that a prefix matches hundreds of distinct terms, as in a real corpus), with
/// its (empty) ledger.
fn word_store(path: &std::path::Path, n: usize) {
    let mut seed: u64 = 0x5EED_1234_ABCD_0001;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let vocab: Vec<String> = (0..6000)
        .map(|_| {
            let len = 2 + next() % 6;
            let tail: String = (0..len)
                .map(|_| (b'a' + (next() % 26) as u8) as char)
                .collect();
            match next() % 2 {
                0 => format!("{}{tail}", STEMS[(next() % 16) as usize]),
                _ => tail,
            }
        })
        .collect();
    let mut store = SqliteStore::open(path).expect("open store");
    let mut batch = Vec::new();
    for i in 0..n {
        let text: Vec<&str> = (0..300)
            .map(|_| vocab[(next() % vocab.len() as u64) as usize].as_str())
            .collect();
        let text = text.join(" ");
        let raw = RawInput {
            locator: format!("words-{i}.txt"),
            format: Some("text".into()),
            bytes: text.as_bytes().to_vec(),
            meta: None,
        };
        let id = store.admit(&[raw]).expect("admit")[0].id();
        let article = Article {
            url: Some(format!("https://words.example/{i}")),
            outlet: Some("Words Daily".into()),
            published: chrono::NaiveDate::from_ymd_opt(2025, 10, 1),
            published_basis: PublishedBasis::Metadata,
            title: Some(format!("Words {i}")),
            lang: Lang::En,
            text: text.clone(),
        };
        let signature = sw_dedup::Signature::of(&text);
        batch.push((
            id,
            Finish::Parsed {
                articles: vec![NewArticle {
                    item: 0,
                    article,
                    signature,
                }],
                warnings: vec![],
            },
        ));
    }
    store.finish(batch, 0.8).expect("finish");
    sw_app::ledger::update(&mut store, "2026-01-01T00:00:00Z").expect("ledger");
}

/// The costliest query allowed: as many prefixes as may be, each as short as may be, each
/// the beginning of hundreds of words.
fn costly_query() -> String {
    let q: Vec<String> = STEMS[..sw_store::search::MAX_PREFIXES]
        .iter()
        .map(|s| format!("{s}*"))
        .collect();
    q.join("%20")
}

/// `a* b* c* ...`, 1,000 characters of one-letter prefixes.
fn hostile_query() -> String {
    let mut q = String::new();
    for c in ('a'..='z').cycle() {
        if q.len() + 3 > 1000 {
            break;
        }
        q.push(c);
        q.push_str("* ");
    }
    q.trim_end().replace(' ', "%20")
}

#[test]
fn hostile_searches_do_not_stall_other_reads() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("words.db");
    word_store(&db, 400);
    let s = Server::over(dir, db, options());
    let stop = Arc::new(AtomicBool::new(false));
    let attackers: Vec<_> = (0..10)
        .map(|i| {
            // half send the query of the report, half the costliest one allowed
            let q = if i % 2 == 0 {
                hostile_query()
            } else {
                costly_query()
            };
            let url = s.url(&format!("/api/search?q={q}"));
            let stop = stop.clone();
            std::thread::spawn(move || {
                let c = client(Duration::from_secs(120));
                let mut seen = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    let r = c.get(&url).send().expect("a search gets an answer");
                    let status = r.status().as_u16();
                    let body: serde_json::Value =
                        serde_json::from_str(&r.text().unwrap()).expect("a JSON answer");
                    seen.push((status, t.elapsed(), body));
                }
                seen
            })
        })
        .collect();
    // let the searches get going, then time plain reads while they run
    std::thread::sleep(Duration::from_millis(500));
    let c = client(Duration::from_secs(120));
    assert_eq!(
        c.get(s.url("/api/articles/1")).send().unwrap().status(),
        200
    );
    let mut times: Vec<Duration> = (0..100)
        .map(|_| {
            let t = Instant::now();
            let r = c.get(s.url("/api/articles/1")).send().unwrap();
            assert_eq!(r.status(), 200);
            r.bytes().unwrap();
            t.elapsed()
        })
        .collect();
    stop.store(true, Ordering::Relaxed);
    times.sort();
    let p99 = times[98];
    let searches: Vec<_> = attackers
        .into_iter()
        .flat_map(|a| a.join().unwrap())
        .collect();
    let mut by_status = std::collections::BTreeMap::new();
    for (status, took, _) in &searches {
        let e = by_status.entry(status).or_insert((0, Duration::ZERO));
        e.0 += 1;
        e.1 = e.1.max(*took);
    }
    let report = format!(
        "p99 {p99:?} (median {:?}, max {:?}); hostile searches by status (count, slowest): \
         {by_status:?}",
        times[50], times[99]
    );
    eprintln!("{report}");
    assert!(p99 < Duration::from_millis(100), "{report}");
    assert!(
        by_status.keys().any(|s| **s != 422),
        "the costly queries allowed were searched: {report}"
    );
    for (status, took, body) in &searches {
        assert!(
            *took < Duration::from_secs(10),
            "a hostile search held the server {took:?}"
        );
        match status {
            200 => assert!(body["hits"].as_array().unwrap().len() <= 100, "{body}"),
            422 | 503 => assert!(body["error"].is_string(), "{body}"),
            _ => panic!("{status}: {body}"),
        }
    }
}

/// Reads one HTTP response (headers and a `content-length` body) from `s`.
fn read_response(s: &mut TcpStream) -> String {
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = s.read(&mut chunk).expect("a response");
        assert!(
            n > 0,
            "closed before a response: {:?}",
            String::from_utf8_lossy(&buf)
        );
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).to_string();
        if let Some(end) = text.find("\r\n\r\n") {
            let len = text[..end]
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                return text;
            }
        }
    }
}

/// Whether the server closes `s` within `wait` (any bytes it sends first are skipped).
fn closed_within(s: &mut TcpStream, wait: Duration) -> bool {
    let deadline = Instant::now() + wait;
    let mut chunk = [0u8; 1024];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        s.set_read_timeout(Some(left)).unwrap();
        match s.read(&mut chunk) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return false
            }
            Err(_) => return true, // reset
        }
    }
}

const REQUEST: &[u8] = b"GET /api/summary HTTP/1.1\r\nHost: test\r\n\r\n";

#[test]
fn half_open_connections_neither_block_nor_linger() {
    let s = Server::start_with(sw_web::Options {
        header_timeout: Duration::from_secs(1),
        ..options()
    });
    let mut half_open: Vec<TcpStream> = (0..300)
        .map(|_| {
            let mut c = TcpStream::connect(s.addr).unwrap();
            c.write_all(b"GET /api/sum").unwrap();
            c
        })
        .collect();
    let t = Instant::now();
    let r = client(Duration::from_secs(30))
        .get(s.url("/api/summary"))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    // every half-open connection is closed once the header timeout passes
    let deadline = Instant::now() + Duration::from_secs(6);
    let open = half_open
        .iter_mut()
        .map(|c| closed_within(c, deadline.saturating_duration_since(Instant::now())))
        .filter(|closed| !closed)
        .count();
    assert_eq!(
        open, 0,
        "half-open connections still open after the timeout"
    );
}

#[test]
fn idle_keep_alive_connections_are_closed() {
    let s = Server::start_with(sw_web::Options {
        header_timeout: Duration::from_secs(1),
        ..options()
    });
    let mut c = TcpStream::connect(s.addr).unwrap();
    c.write_all(REQUEST).unwrap();
    assert!(read_response(&mut c).starts_with("HTTP/1.1 200"));
    // kept alive for a next request...
    c.write_all(REQUEST).unwrap();
    assert!(read_response(&mut c).starts_with("HTTP/1.1 200"));
    // ...but not forever
    assert!(
        closed_within(&mut c, Duration::from_secs(6)),
        "an idle keep-alive connection stayed open"
    );
}

#[test]
fn connections_above_the_cap_wait_and_do_not_break_the_server() {
    let s = Server::start_with(sw_web::Options {
        header_timeout: Duration::from_secs(1),
        max_connections: 4,
        ..options()
    });
    let idle: Vec<TcpStream> = (0..4)
        .map(|_| TcpStream::connect(s.addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    // a fifth connection waits: its request is not read while four are open...
    let mut fifth = TcpStream::connect(s.addr).unwrap();
    fifth.write_all(REQUEST).unwrap();
    fifth
        .set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let mut byte = [0u8; 1];
    let early = fifth.read(&mut byte);
    assert!(
        matches!(&early, Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)),
        "a connection above the cap was served at once: {early:?}"
    );
    // ...hundreds more come and go...
    for _ in 0..300 {
        drop(TcpStream::connect(s.addr).unwrap());
    }
    // ...and once the idle four time out, the fifth is answered and so is everyone else
    let rest = read_response(&mut fifth);
    assert!(rest.starts_with("HTTP/1.1 200"), "{rest}");
    drop(idle);
    let r = client(Duration::from_secs(30))
        .get(s.url("/api/summary"))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[test]
fn costly_queries_are_refused_with_the_reason() {
    let s = Server::start();
    let c = client(Duration::from_secs(30));
    let r = c.get(s.url("/api/search?q=boat%20a*")).send().unwrap();
    assert_eq!(r.status(), 422);
    let body: serde_json::Value = serde_json::from_str(&r.text().unwrap()).unwrap();
    assert!(
        body["error"].as_str().unwrap().contains("a* is too short"),
        "{body}"
    );
    let r = c
        .get(s.url(&format!("/search?q={}", hostile_query())))
        .send()
        .unwrap();
    assert_eq!(r.status(), 422);
    let page = r.text().unwrap();
    assert!(page.contains("at most 256 are searched"), "{page}");
    assert!(
        page.contains("name=\"q\""),
        "the search box is there to narrow it"
    );
    // a reasonable prefix query still searches
    let r = c.get(s.url("/api/search?q=lanch*")).send().unwrap();
    assert_eq!(r.status(), 200);
}
