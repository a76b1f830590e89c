//! The store connections the server reads through: a small pool, not one connection behind
//! one lock, so that requests read at once and a slow query holds one connection, not the
//! server. Store work runs on blocking threads, off the async runtime.
//!
//! Searches get a lane of their own: at most half the connections serve searches at
//! once, so however many clients search, connections stay free for every other
//! read; a search that finds every slot taken waits a little, then is told to try again.

use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use sw_store::AnyStore;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Opens one more connection to the store (the server opens them as load needs, up to the
/// pool's size).
pub type Opener = Arc<dyn Fn() -> Result<AnyStore> + Send + Sync>;

pub(crate) struct Pool {
    open: Opener,
    /// Connections not in use.
    idle: Mutex<Vec<AnyStore>>,
    /// One permit per connection: a task holds one while it uses a connection, so at most
    /// `size` are ever open.
    connections: Arc<Semaphore>,
    /// The search lane (see the module's documentation).
    searches: Arc<Semaphore>,
}

impl Pool {
    /// A pool of at most `size` connections (at least 2: one for searches, one for the rest),
    /// starting with `first`.
    pub fn new(open: Opener, size: usize, first: AnyStore) -> Pool {
        let size = size.max(2);
        Pool {
            open,
            idle: Mutex::new(vec![first]),
            connections: Arc::new(Semaphore::new(size)),
            searches: Arc::new(Semaphore::new(size / 2)),
        }
    }

    /// A place in the search lane, if one frees within `wait`.
    pub async fn search_slot(&self, wait: std::time::Duration) -> Option<OwnedSemaphorePermit> {
        tokio::time::timeout(wait, self.searches.clone().acquire_owned())
            .await
            .ok()?
            .ok()
    }

    /// Runs `f` with a connection, on a blocking thread; waits for a connection when all are
    /// in use.
    pub async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut AnyStore) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let permit = self
            .connections
            .clone()
            .acquire_owned()
            .await
            .context("the store's connections are closed")?;
        let pool = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut store = pool.take()?;
            let out = f(&mut store);
            // (a connection whose task panicked is dropped, and a new one opened when needed)
            pool.idle().push(store);
            out
        })
        .await
        .context("store task failed")?
    }

    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<AnyStore>> {
        self.idle.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn take(&self) -> Result<AnyStore> {
        if let Some(s) = self.idle().pop() {
            return Ok(s);
        }
        (self.open)().context("cannot open another connection to the store")
    }
}

/// The pool's size when none is configured: a connection per core, from 2 to 8.
pub fn default_size() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 8)
}
