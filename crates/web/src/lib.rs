//! The strikewatch web app: the ledger as pages and as a JSON API, read-only.
//!
//! Why a crate of its own: the CLI prints the ledger for one reader at a terminal; this crate
//! serves it to many readers at once, in a browser (pages rendered on the server, so they
//! work without JavaScript, with small scripts for the map and the table) and to programs
//! (`/api`, which mirrors the CLI's JSON contracts, described by `/api/openapi.json`).
//!
//! **What it serves**
//! - `/` the ledger: summary, cumulative chart of strikes and deaths with the totals outlets
//!   reported as points, a map of incidents, and the incident table with filters and sorting;
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
//!   rate-limited, concurrent requests are capped, lists are paginated.
//!
//! ```no_run
//! let store = sw_store::open_read_only("strikewatch.db").unwrap();
//! let options = sw_web::Options::default();
//! sw_web::serve(store, "127.0.0.1:8080", options, |addr| {
//!     println!("serving http://{addr}/");
//! }).unwrap();
//! ```

mod api;
mod assets;
mod guard;
mod pages;
pub mod snapshot;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use anyhow::{Context, Result};
use axum::Router;
use sw_store::{AnyStore, Store};

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
}

impl Default for Options {
    fn default() -> Options {
        Options {
            rate_limit: 50,
            max_concurrent: 256,
            refresh: Duration::from_secs(2),
        }
    }
}

/// Shared by every handler.
pub struct App {
    store: Mutex<AnyStore>,
    snapshot: RwLock<Arc<Snapshot>>,
}

impl App {
    /// Opens the app over a store, loading its ledger now (computed in memory if the
    /// published one is stale: the app never writes).
    pub fn new(store: AnyStore) -> Result<Arc<App>> {
        let view = sw_app::ledger::view(&store)?;
        let snapshot = Arc::new(Snapshot::new(
            view.generation,
            sw_app::ledger::load(view.store())?,
        ));
        drop(view);
        Ok(Arc::new(App {
            store: Mutex::new(store),
            snapshot: RwLock::new(snapshot),
        }))
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read().expect("snapshot lock").clone()
    }

    /// Reloads the ledger if a writer published one of newer reports than the snapshot's.
    pub fn refresh(&self) -> Result<bool> {
        let current = self.snapshot().generation;
        let store = self.store.lock().expect("store lock");
        match load(&*store, current)? {
            Some(s) => {
                *self.snapshot.write().expect("snapshot lock") = s;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Runs `f` with the store on a blocking thread.
    pub(crate) async fn with_store<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&AnyStore) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = app.store.lock().expect("store lock");
            f(&store)
        })
        .await
        .context("store task failed")?
    }
}

/// The published ledger, if it is up to date with the store's reports and they changed since
/// generation `known`. A stale one (a writer between extracting and publishing) is left for
/// the writer to publish: recomputing it here at every change of the reports would rebuild
/// the whole ledger every few seconds for as long as an ingest runs.
fn load<S: Store + ?Sized>(store: &S, known: i64) -> Result<Option<Arc<Snapshot>>> {
    let generation = store.reports_generation()?;
    if generation == known || store.ledger_generation()? != Some(generation) {
        return Ok(None);
    }
    let ledger = sw_app::ledger::load(store)?;
    Ok(Some(Arc::new(Snapshot::new(generation, ledger))))
}

/// Every route, with the security layers.
pub fn router(app: Arc<App>, options: &Options) -> Router {
    let routes = Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(assets::routes())
        .with_state(app);
    guard::layers(routes, options)
}

/// Serves the store at `addr` until Ctrl-C; `ready` is told the bound address (useful with
/// port 0).
pub fn serve(
    store: AnyStore,
    addr: &str,
    options: Options,
    ready: impl FnOnce(SocketAddr),
) -> Result<()> {
    let app = App::new(store)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        let refresher = app.clone();
        let every = options.refresh;
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(every).await;
                let a = refresher.clone();
                match tokio::task::spawn_blocking(move || a.refresh()).await {
                    Ok(Err(e)) => tracing::warn!("cannot reload the ledger: {e:#}"),
                    Err(e) => tracing::warn!("ledger reload failed: {e}"),
                    _ => {}
                }
            }
        });
        let router = router(app, &options);
        ready(local);
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the server stopped")
    })
}
