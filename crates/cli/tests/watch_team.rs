//! Several `watch` workers on one PostgreSQL database: the feeds are shared out by claims
//! with a lease, so each feed is fetched once per round whoever polls it, every item is
//! stored once, and the feed a worker held when it was killed with SIGKILL is polled by
//! another once the lease has passed. The feeds are served on loopback, counting requests
//! per path; the database is a throwaway cluster (`sw-pgtest`).

mod common;

use std::collections::HashMap;
use std::io::Write;
use std::net::TcpListener;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;

const FEEDS: usize = 6;
const ITEMS: usize = 2;

/// Words the pages draw from, so that each page says something of its own.
const PLACES: [&str; 8] = [
    "Caribbean",
    "eastern Pacific",
    "Gulf of Aden",
    "Red Sea",
    "Arabian Sea",
    "Black Sea",
    "Sulu Sea",
    "Bay of Bengal",
];

fn page(feed: usize, item: usize) -> String {
    let place = PLACES[(feed * ITEMS + item) % PLACES.len()];
    let killed = 2 + feed * 3 + item;
    format!(
        "<html><head><title>Strike {feed}-{item}</title></head><body><article>\
         <h1>Vessel {feed}-{item} struck in the {place}</h1>\
         <p>A strike on a vessel in the {place} killed {killed} people on board, the command \
         said in a statement numbered {feed}{item}{feed} on Tuesday.</p>\
         <p>Officials in port {item}{feed} said the boat, registered as number {feed}{item}, \
         had been followed for {killed} hours before it was hit.</p></article></body></html>"
    )
}

fn rss(base: &str, name: &str, links: &[String]) -> String {
    let items: String = links
        .iter()
        .map(|l| format!("<item><title>Item</title><link>{base}{l}</link><description>Short.</description></item>"))
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{name}</title>{items}</channel></rss>"
    )
}

/// The loopback server: feeds `/f{i}.xml` with items `/f{i}/a{j}`, and `/slow.xml`, whose
/// first request gets no answer (it is held until `release` is set or half a minute passes)
/// and whose later ones answer at once, its item being `/slow/a0`. Every request is counted
/// by path; the first request of `/slow.xml` is announced on `arrived`.
struct Server {
    base: String,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    arrived: mpsc::Receiver<()>,
    release: Arc<AtomicBool>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let release = Arc::new(AtomicBool::new(false));
        let (tx, arrived) = mpsc::channel();
        let (b, h, r) = (base.clone(), hits.clone(), release.clone());
        std::thread::spawn(move || {
            for s in listener.incoming().flatten() {
                let (b, h, r, tx) = (b.clone(), h.clone(), r.clone(), tx.clone());
                std::thread::spawn(move || answer(s, &b, &h, &r, &tx));
            }
        });
        Server {
            base,
            hits,
            arrived,
            release,
        }
    }

    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.release.store(true, Ordering::SeqCst);
    }
}

fn answer(
    mut s: std::net::TcpStream,
    base: &str,
    hits: &Mutex<HashMap<String, usize>>,
    release: &AtomicBool,
    arrived: &mpsc::Sender<()>,
) {
    let path = request_path(&s);
    let seen = {
        let mut hits = hits.lock().unwrap();
        let n = hits.entry(path.clone()).or_insert(0);
        *n += 1;
        *n
    };
    fn feed_no(p: &str) -> Option<&str> {
        p.strip_prefix("/f").and_then(|r| r.strip_suffix(".xml"))
    }
    let body = if path == "/slow.xml" {
        if seen == 1 {
            let _ = arrived.send(());
            let held = Instant::now();
            while !release.load(Ordering::SeqCst) && held.elapsed() < Duration::from_secs(30) {
                std::thread::sleep(Duration::from_millis(50));
            }
            return;
        }
        Some(rss(base, "Slow Wire", &["/slow/a0".into()]))
    } else if path == "/slow/a0" {
        Some(page(FEEDS, 0))
    } else if let Some(i) = feed_no(&path).and_then(|n| n.parse::<usize>().ok()) {
        let links: Vec<String> = (0..ITEMS).map(|j| format!("/f{i}/a{j}")).collect();
        Some(rss(base, &format!("Wire {i}"), &links))
    } else {
        path.strip_prefix("/f")
            .and_then(|r| r.split_once("/a"))
            .and_then(|(i, j)| Some(page(i.parse().ok()?, j.parse().ok()?)))
    };
    let (status, body) = match body {
        Some(b) => ("200 OK", b),
        None => ("404 Not Found", "gone".into()),
    };
    let _ = write!(
        s,
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// The stored articles' URLs, with how many articles carry each.
fn stored_urls(db: &Path) -> HashMap<String, usize> {
    let mut by = HashMap::new();
    for a in json(db, &["articles", "--json", "--limit", "1000"])
        .as_array()
        .unwrap()
    {
        *by.entry(a["url"].as_str().unwrap_or("").to_string())
            .or_insert(0) += 1;
    }
    by
}

fn feed_row(db: &Path, url: &str) -> serde_json::Value {
    json(db, &["feeds", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["url"] == url)
        .cloned()
        .unwrap_or_else(|| panic!("{url} is not listed"))
}

const WATCH: [&str; 4] = ["watch", "--allow-private-addresses", "--politeness", "0"];

#[test]
fn workers_share_the_feeds_once_each_and_take_over_a_killed_workers_feed() {
    let server = Server::start();
    let cluster = sw_pgtest::Cluster::start_or_panic();
    let pg_url = cluster.url();
    let pg = Path::new(&pg_url);
    let feeds: Vec<String> = (0..FEEDS)
        .map(|i| format!("{}/f{i}.xml", server.base))
        .collect();
    for f in &feeds {
        let r = run(pg, &["feeds", "add", f]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }

    // one round: two workers started together; each feed is fetched by one of them
    let once: Vec<&str> = WATCH.iter().copied().chain(["--once"]).collect();
    let workers: Vec<_> = (0..2).map(|_| spawn(pg, &once)).collect();
    let mut polled = 0;
    for w in workers {
        let o = w.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{stderr}");
        let line = stderr
            .lines()
            .find_map(|l| l.strip_prefix("polled "))
            .unwrap_or_else(|| panic!("no summary line: {stderr}"));
        polled += line.split(' ').next().unwrap().parse::<usize>().unwrap();
    }
    assert_eq!(polled, FEEDS, "the workers' polls add up to the feeds");
    for i in 0..FEEDS {
        assert_eq!(
            server.hits(&format!("/f{i}.xml")),
            1,
            "feed {i} fetched once"
        );
        for j in 0..ITEMS {
            assert_eq!(server.hits(&format!("/f{i}/a{j}")), 1, "item {i}/{j}");
        }
    }
    let urls = stored_urls(pg);
    assert_eq!(urls.len(), FEEDS * ITEMS, "{urls:?}");
    assert!(urls.values().all(|&n| n == 1), "{urls:?}");
    for f in &feeds {
        let row = feed_row(pg, f);
        assert_eq!(row["health"], "ok", "{row}");
        assert_eq!(row["items_seen"], ITEMS, "{row}");
        assert!(row.get("claimed_by").is_none(), "released: {row}");
    }

    // a worker is killed while it polls a feed that does not answer: it held the claim
    let slow = format!("{}/slow.xml", server.base);
    assert_eq!(run(pg, &["feeds", "add", &slow]).code, 0);
    let lease: Vec<&str> = WATCH.iter().copied().chain(["--lease", "5"]).collect();
    let mut victim = spawn(pg, &lease);
    server
        .arrived
        .recv_timeout(Duration::from_secs(60))
        .expect("the worker fetches the slow feed");
    let held = feed_row(pg, &slow);
    let name = held["claimed_by"].as_str().unwrap_or_default().to_string();
    assert!(
        name.contains(&format!(":{}:", victim.id())),
        "claimed by the worker (host:pid:random): {held}"
    );
    assert!(held["lease_until_ms"].as_i64().is_some(), "{held}");
    victim.kill().unwrap(); // SIGKILL
    victim.wait().unwrap();

    // another worker, running on, takes the feed over once the lease has passed (and not
    // the others, which are not due); until then it leaves the feed alone
    let mut heir = spawn(pg, &lease);
    let started = Instant::now();
    // (its state written back is the poll's last step)
    while feed_row(pg, &slow)["items_seen"] != 1 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the killed worker's feed was not taken over"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    heir.kill().unwrap();
    let heir_out = heir.wait_with_output().unwrap();
    let heir_err = String::from_utf8_lossy(&heir_out.stderr);
    assert!(
        heir_err.contains("is not longer than --timeout"),
        "a lease shorter than the fetch deadline is warned about: {heir_err}"
    );
    assert_eq!(
        server.hits("/slow.xml"),
        2,
        "the dead worker's fetch and the heir's"
    );
    assert_eq!(server.hits("/slow/a0"), 1);
    let row = feed_row(pg, &slow);
    assert_eq!(row["health"], "ok", "{row}");
    assert_eq!(row["items_seen"], 1, "{row}");
    assert!(row.get("claimed_by").is_none(), "{row}");
    for i in 0..FEEDS {
        assert_eq!(
            server.hits(&format!("/f{i}.xml")),
            1,
            "feed {i} not due again"
        );
    }
    let urls = stored_urls(pg);
    assert_eq!(urls.len(), FEEDS * ITEMS + 1, "{urls:?}");
    assert!(urls.values().all(|&n| n == 1), "{urls:?}");
}
