//! A small store for the web tests: a few articles written for the tests, extracted with the
//! real extractor, and the ledger built from their reports (by `sw-app`, as the CLI does).
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;

use sw_extract::Extractor;
use sw_model::{Article, Lang, PublishedBasis};
use sw_store::{Finish, NewArticle, RawInput, SqliteStore, Store};

pub struct Doc {
    pub url: &'static str,
    pub outlet: &'static str,
    pub published: &'static str,
    pub title: &'static str,
    pub lang: Lang,
    pub text: &'static str,
}

/// The payloads of the hostile article: each, if it ran, would set `window.__pwned`.
pub const HOSTILE_TITLE: &str = "<script>window.__pwned='title'</script>Boat strike <img src=x onerror=\"window.__pwned='title-img'\">";
pub const HOSTILE_OUTLET: &str = "<svg onload=\"window.__pwned='outlet'\">Evil Wire";
pub const HOSTILE_BODY: &str = "U.S. forces struck a boat in the Caribbean on Tuesday, killing four people, Southern Command said. <script>window.__pwned='body'</script> Witnesses posted <img src=x onerror=\"window.__pwned='body-img'\"> and \"><a href=\"javascript:window.__pwned='link'\">click</a> online.";

pub fn docs() -> Vec<Doc> {
    vec![
        Doc {
            url: "https://wire-a.example/2025/11/05/boat-strike",
            outlet: "Wire A",
            published: "2025-11-05",
            title: "US strike on boat in eastern Pacific kills three",
            lang: Lang::En,
            text: "U.S. forces struck a boat in the eastern Pacific on Tuesday, killing three people, Southern Command said. The military did not say which group the vessel belonged to.",
        },
        Doc {
            url: "https://daily-b.example/world/pacific-strike",
            outlet: "Daily B",
            published: "2025-11-05",
            title: "Three killed in strike on vessel",
            lang: Lang::En,
            text: "A U.S. strike on a vessel in the eastern Pacific on Tuesday killed three people, officials said.",
        },
        Doc {
            url: "https://diario-c.example/internacional/ataque-lancha",
            outlet: "Diario C",
            published: "2025-10-16",
            title: "Ataque de EE.UU. contra una lancha en el Caribe deja seis muertos",
            lang: Lang::Es,
            text: "Un ataque de Estados Unidos contra una lancha en el mar Caribe el martes dejó seis muertos, según el Comando Sur. Las autoridades de Venezuela no comentaron.",
        },
        Doc {
            url: "https://wire-a.example/2025/10/20/tally",
            outlet: "Wire A",
            published: "2025-10-20",
            title: "Strikes campaign tally",
            lang: Lang::En,
            text: "The strikes have killed at least 32 people since September, according to a tally by Wire A.",
        },
        Doc {
            url: "javascript:window.__pwned='url'",
            outlet: HOSTILE_OUTLET,
            published: "2025-09-16",
            title: HOSTILE_TITLE,
            lang: Lang::En,
            text: HOSTILE_BODY,
        },
    ]
}

/// A store at `path` holding `docs`, extracted, with its ledger cached.
pub fn make_store(path: &std::path::Path, docs: &[Doc]) -> SqliteStore {
    let mut store = SqliteStore::open(path).expect("open store");
    let extractor = Extractor::new();
    for (n, d) in docs.iter().enumerate() {
        let raw = RawInput {
            locator: format!("test-{n}.txt"),
            format: Some("text".into()),
            bytes: d.text.as_bytes().to_vec(),
            meta: None,
        };
        let id = store.admit(&[raw]).expect("admit")[0].id();
        let article = Article {
            url: Some(d.url.to_string()),
            outlet: Some(d.outlet.to_string()),
            published: chrono::NaiveDate::parse_from_str(d.published, "%Y-%m-%d").ok(),
            published_basis: PublishedBasis::Metadata,
            title: Some(d.title.to_string()),
            lang: d.lang,
            text: d.text.to_string(),
        };
        let signature = sw_dedup::Signature::of(d.text);
        store
            .finish(
                vec![(
                    id,
                    Finish::Parsed {
                        articles: vec![NewArticle {
                            item: 0,
                            article,
                            signature,
                        }],
                        warnings: vec![],
                    },
                )],
                0.8,
            )
            .expect("finish");
    }
    sw_app::extract::extract(&mut store, &extractor, false, &|_| {}).expect("extract");
    sw_app::ledger::update(&mut store, "2026-01-01T00:00:00Z").expect("ledger");
    // two watched feeds as `watch` leaves them: one healthy, one failing with a long error
    store
        .put_feed(&sw_store::FeedState {
            url: "https://wire.example/world/americas/rss.xml".into(),
            added_ms: 1_767_225_600_000,
            etag: Some("\"v1\"".into()),
            last_success_ms: Some(1_767_229_200_000),
            next_poll_ms: Some(1_767_231_000_000),
            interval_ms: Some(1_800_000),
            items_seen: 12,
            ..Default::default()
        })
        .expect("feed");
    store
        .put_feed(&sw_store::FeedState {
            url: "https://gone.example/feeds/a-very-long-path/that-never-answers/index.atom".into(),
            added_ms: 1_767_225_600_000,
            last_error: Some(
                "could not connect: connection refused by the server after several attempts".into(),
            ),
            last_error_ms: Some(1_767_229_200_000),
            failures: 6,
            next_poll_ms: Some(1_767_240_000_000),
            ..Default::default()
        })
        .expect("feed");
    store
}

/// A running server over a fresh test store, on an ephemeral loopback port.
pub struct Server {
    pub addr: SocketAddr,
    pub dir: tempfile::TempDir,
}

impl Server {
    pub fn start() -> Server {
        Self::start_with(sw_web::Options {
            rate_limit: 0,
            ..Default::default()
        })
    }

    pub fn start_with(options: sw_web::Options) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let db: PathBuf = dir.path().join("web.db");
        drop(make_store(&db, &docs()));
        Self::over(dir, db, options)
    }

    /// A server over the store `db` (inside `dir`, which lives as long as the server).
    pub fn over(dir: tempfile::TempDir, db: PathBuf, options: sw_web::Options) -> Server {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let open = move || Ok(sw_store::open(db.to_str().unwrap())?);
            sw_web::serve(open, "127.0.0.1:0", options, |a| {
                tx.send(a).unwrap();
            })
            .expect("server runs");
        });
        let addr = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("server started");
        Server { addr, dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}
