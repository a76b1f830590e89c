//! The strikewatch web app: the ledger as pages and as a JSON API, read-only.
//!
//! Why a crate of its own: the CLI prints the ledger for one reader at a terminal; this crate
//! serves it to many readers at once, in a browser (pages rendered on the server, so they
//! work without JavaScript, with small scripts for the map and the table) and to programs
//! (`/api`, which mirrors the CLI's JSON contracts, described by `/api/openapi.json`).
//!
//! **What it serves**
//! - `/` the ledger: summary, cumulative chart of strikes and deaths with the totals outlets
//!   reported (one mark per day, week or month: their median and range), a map of incidents,
//!   and the incident table with filters and sorting;
//!   `/incidents/{id}`, `/articles/{id}`, `/developments`, `/search?q=` (SQLite FTS5).
//! - `/api/...`: incidents, tallies, developments, articles, search, exports.
//! - `/static/...`: the stylesheet, two scripts and the vendored Leaflet and Natural Earth
//!   country outlines, all compiled into the binary: nothing is fetched from elsewhere.
//!
//! **Architecture invariants**
//! - Read-only: every route answers GET (and HEAD); any other method is answered 405.
//! - The ledger is served from memory: a [`Snapshot`](snapshot::Snapshot) read from the
//!   store's ledger rows, replaced in the background when a writer publishes a newer ledger,
//!   so `/` and `/api/incidents` never wait on the store.
//! - The server never writes to the store (open it with `sw_store::open_read_only`): at
//!   start, a published ledger older than the reports is computed in memory
//!   (`sw_app::ledger::view`); afterwards the server waits for writers to publish rather
//!   than rebuilding on every change of the reports while an ingest runs.
//! - Untrusted text (article text, titles, outlets, URLs) reaches HTML only through maud,
//!   which escapes by default; no handler builds HTML from strings. Links are made only of
//!   http(s) URLs. A strict Content-Security-Policy allows scripts from this server only, and
//!   no inline script or style.
//! - Bounded: request bodies are refused, URIs are capped, each client address is
//!   rate-limited, concurrent requests are capped, lists are paginated, and sized for people:
//!   a list shows a few sources per incident with their count (`listed.rs`; the incident's
//!   own page and `/api/incidents/{id}/sources` page through all of them), the chart and the
//!   table of reported totals on `/` are bounded however many totals were reported, and a
//!   search counts and ranks at most `sw_store::search::RANKED` matches.
//! - No client can stall it: the store is read through a pool of connections on blocking
//!   threads (`pool.rs`), searches have a lane of their own and a time budget and a cap on
//!   their words (`sw_store::search`), and their answers are cached until the reports change
//!   (`cache.rs`, bounded), a request has a time limit, a client that does not
//!   send its headers in time (or keeps an idle connection) is disconnected, and connections
//!   are capped (more wait in the listen queue, no task is spawned for them).
//!
//! ```no_run
//! let open = || Ok(sw_store::open_read_only("strikewatch.db")?);
//! let options = sw_web::Options::default();
//! sw_web::serve(open, "127.0.0.1:8080", options, |addr| {
//!     println!("serving http://{addr}/");
//! }).unwrap();
//! ```

mod alerts;
mod api;
mod assets;
mod cache;
mod cite;
mod feeds;
mod guard;
mod listed;
mod pages;
mod pool;
mod rejected;
mod review;
pub mod searchfilter;
mod sentence;
mod series;
pub mod snapshot;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use anyhow::{Context, Result};
use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use sw_store::{AnyStore, SearchHit, Store, StoreError};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub use pool::Opener;
pub use review::ReviewAccess;
pub use snapshot::Snapshot;

/// Limits and knobs of the server.
#[derive(Debug, Clone)]
pub struct Options {
    /// Requests per second allowed to one client address (bursts of twice that); 0 turns the
    /// limit off (for load tests).
    pub rate_limit: u32,
    /// Requests handled at once; more wait.
    pub max_concurrent: usize,
    /// How often the store is asked whether its reports changed.
    pub refresh: Duration,
    /// How long a client may take to send a request's headers, and how long an idle
    /// keep-alive connection is kept: a client that connects and sends nothing (or half a
    /// request) holds a connection this long at most.
    pub header_timeout: Duration,
    /// Connections open at once; more wait in the listen queue until one closes.
    pub max_connections: usize,
    /// How long one request may take before it is answered 503 (a search has its own,
    /// shorter budget: `sw_store::search::BUDGET`).
    pub request_timeout: Duration,
    /// Connections to the store (0: one per core, from 2 to 8); half of them at most serve
    /// searches.
    pub store_connections: usize,
    /// Page cache of each store connection, in KiB. Smaller than the writer's (32 MiB): the
    /// operating system's file cache holds the store's hot pages once for all connections,
    /// so a big cache per connection mostly holds copies, one per connection.
    pub store_cache_kib: u32,
    /// Review in the browser (`serve --review`): the decision forms and the one kind of write
    /// the server then accepts. `None`: read-only, every write answered 405.
    pub review: Option<ReviewAccess>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            rate_limit: 50,
            max_concurrent: 256,
            refresh: Duration::from_secs(2),
            header_timeout: Duration::from_secs(10),
            max_connections: 512,
            request_timeout: Duration::from_secs(30),
            store_connections: 0,
            store_cache_kib: 8 * 1024,
            review: None,
        }
    }
}

/// Shared by every handler.
pub struct App {
    pool: Arc<pool::Pool>,
    snapshot: RwLock<Arc<Snapshot>>,
    /// The store's reports generation when last looked at (by [`App::refresh`]): the search
    /// cache's answers are of this generation.
    reports_generation: AtomicI64,
    searches: cache::SearchCache,
}

/// Why a search has no answer.
pub(crate) enum SearchError {
    /// The query cannot be searched as typed, or was too broad to finish in its budget: the
    /// message tells the user what to change (422).
    Refused(String),
    /// Every search slot stayed taken (503: try again).
    Busy,
    /// The store failed (500).
    Failed(anyhow::Error),
}

impl App {
    /// Opens the app over the store `open` opens (once now, loading its ledger, computed in
    /// memory if the published one is stale: the app never writes; and again whenever the
    /// pool of `connections` needs one more).
    pub fn new(open: Opener, connections: usize) -> Result<Arc<App>> {
        let store = open()?;
        let view = sw_app::ledger::view(&store)?;
        let mut snapshot = Snapshot::new(view.generation, sw_app::ledger::load(view.store())?);
        // a ledger computed in memory is no published version
        if !view.computed() {
            snapshot.version = store.ledger_versions()?.pop();
        }
        let snapshot = Arc::new(snapshot);
        drop(view);
        let size = if connections == 0 {
            pool::default_size()
        } else {
            connections
        };
        Ok(Arc::new(App {
            reports_generation: AtomicI64::new(snapshot.generation),
            pool: Arc::new(pool::Pool::new(open, size, store)),
            snapshot: RwLock::new(snapshot),
            searches: cache::SearchCache::new(cache::Limits::default()),
        }))
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read().expect("snapshot lock").clone()
    }

    /// Reloads the ledger if a writer published one of newer reports than the snapshot's
    /// (and notes the reports generation, which the search cache follows).
    pub async fn refresh(self: &Arc<Self>) -> Result<bool> {
        let current = self.snapshot().generation;
        let (generation, loaded) = self.pool.run(move |s| load(s, current)).await?;
        self.reports_generation.store(generation, Ordering::Relaxed);
        match loaded {
            Some(s) => {
                *self.snapshot.write().expect("snapshot lock") = s;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Runs `f` with one of the store's connections, on a blocking thread.
    pub(crate) async fn with_store<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&AnyStore) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        self.pool.run(move |s| f(s)).await
    }

    /// Searches the store's articles: from the search cache (`cache.rs`) when this query
    /// was searched in the current reports generation, else in the search lane (see
    /// `pool.rs`). A query that cannot be searched is refused before it takes a slot. The
    /// total is exact up to `sw_store::search::RANKED`; more reads "more than" that.
    pub(crate) async fn search(
        self: &Arc<Self>,
        q: String,
        limit: usize,
        offset: usize,
    ) -> std::result::Result<(Arc<Vec<SearchHit>>, usize), SearchError> {
        let terms = match sw_store::search::terms(&q) {
            Ok(t) => t,
            Err(e) => return Err(SearchError::Refused(e.to_string())),
        };
        let key = cache::Key::new(&terms, limit, offset);
        let generation = self.reports_generation.load(Ordering::Relaxed);
        if let Some(answer) = self.searches.get(generation, &key) {
            return answer.map_err(SearchError::Refused);
        }
        let Some(slot) = self.pool.search_slot(sw_store::search::BUDGET).await else {
            return Err(SearchError::Busy);
        };
        let got = self
            .with_store(move |s| {
                let _slot = slot;
                Ok(s.search(&q, limit, offset)?)
            })
            .await;
        let answer = match got {
            Ok((hits, total)) => Ok((Arc::new(hits), total)),
            Err(e) => match e.downcast_ref::<StoreError>() {
                Some(StoreError::Invalid(why)) => Err(why.clone()),
                _ => return Err(SearchError::Failed(e)),
            },
        };
        self.searches.put(generation, key, answer.clone());
        answer.map_err(SearchError::Refused)
    }
}

/// The store's reports generation, and the published ledger if it is up to date with the
/// store's reports and they changed since generation `known`. A stale one (a writer between
/// extracting and publishing) is left for the writer to publish: recomputing it here at every
/// change of the reports would rebuild the whole ledger every few seconds for as long as an
/// ingest runs.
fn load<S: Store + ?Sized>(store: &S, known: i64) -> Result<(i64, Option<Arc<Snapshot>>)> {
    let generation = store.reports_generation()?;
    if generation == known || store.ledger_generation()? != Some(generation) {
        return Ok((generation, None));
    }
    let ledger = sw_app::ledger::load(store)?;
    let mut snapshot = Snapshot::new(generation, ledger);
    snapshot.version = store.ledger_versions()?.pop();
    Ok((generation, Some(Arc::new(snapshot))))
}

/// Every route, with the security layers.
pub fn router(app: Arc<App>, options: &Options) -> Router {
    let mut routes = Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(assets::routes())
        .merge(alerts::routes())
        .merge(feeds::routes())
        .merge(rejected::routes());
    if let Some(access) = &options.review {
        routes = routes.merge(review::routes(access.clone()));
    }
    let routes = routes
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            cite::layer,
        ))
        .with_state(app);
    guard::layers(routes, options)
}

/// Serves the store `open` opens at `addr` until Ctrl-C; `ready` is told the bound address
/// (useful with port 0). `open` is called once at start and again for each further
/// connection the pool opens.
pub fn serve(
    open: impl Fn() -> Result<AnyStore> + Send + Sync + 'static,
    addr: &str,
    options: Options,
    ready: impl FnOnce(SocketAddr),
) -> Result<()> {
    // every connection the server reads through gets the readers' smaller page cache
    let kib = options.store_cache_kib;
    let open = move || -> Result<AnyStore> {
        let store = open()?;
        store.set_page_cache(kib)?;
        Ok(store)
    };
    let app = App::new(Arc::new(open), options.store_connections)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    rt.block_on(async move {
        let listener = TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        let refresher = app.clone();
        let every = options.refresh;
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(every).await;
                if let Err(e) = refresher.refresh().await {
                    tracing::warn!("cannot reload the ledger: {e:#}");
                }
            }
        });
        let router = router(app, &options);
        ready(local);
        accept(listener, router, &options).await;
        Ok(())
    })
}

/// Takes connections until Ctrl-C: at most `max_connections` at once (the next is accepted
/// when one closes, so the excess waits in the kernel's listen queue, costing no task and no
/// memory here), each served by hyper with a header-read timeout that also ends idle
/// keep-alive connections. On Ctrl-C, requests in flight get a few seconds to finish.
async fn accept(listener: TcpListener, router: Router, options: &Options) {
    let slots = Arc::new(Semaphore::new(options.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(tokio::signal::ctrl_c());
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(options.header_timeout);
    loop {
        let slot = tokio::select! {
            s = slots.clone().acquire_owned() => s.expect("the semaphore is never closed"),
            _ = &mut stop => break,
        };
        let (stream, remote) = tokio::select! {
            a = listener.accept() => match a {
                Ok(a) => a,
                Err(e) => {
                    // out of file descriptors, say: wait rather than spin
                    tracing::warn!("cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = &mut stop => break,
        };
        // small responses leave at once rather than wait for the client's delayed ACK
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<_>| {
            // the rate limit knows clients by address
            req.extensions_mut().insert(ConnectInfo(remote));
            tower::ServiceExt::oneshot(router.clone(), req)
        });
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!("connection from {remote}: {e}");
            }
            drop(slot);
        });
    }
    let _ = tokio::time::timeout(Duration::from_secs(5), graceful.shutdown()).await;
}
