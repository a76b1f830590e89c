//! Live monitoring: `watch` keeps the ledger current from the feeds a user follows.
//!
//! - [`policy`] (pure): when each feed is next due — an adaptive interval from how often it
//!   publishes, exponential backoff with seeded jitter on errors, `Retry-After` and
//!   `Cache-Control: max-age` honoured, one request at a time per host with a politeness
//!   delay. Functions of time values passed in.
//! - alerts: what changed in the ledger over a batch (new incident, revised figure, new
//!   reported total, merged, withdrawn), each with an idempotency key, come from the ledger
//!   versions the batch published (`sw_app::alerts`), the same as for `ingest` or a review.
//! - [`poll`] (I/O): the [`poll::Watcher`] — conditional GET with the validators kept exactly
//!   as received, items already stored skipped, linked pages fetched under sw-ingest's bounds
//!   and address checks, ingested through sw-app's pipeline, the ledger updated after each
//!   feed's batch, feed state written back to the store so a restart resumes; each feed
//!   claimed with a lease just before its poll, so watchers sharing a store poll it once.
//! - [`webhook`] (I/O): changes POSTed as signed JSON, retried with backoff.
//! - [`opml`]: feed lists in and out.

pub mod opml;
pub mod policy;
pub mod poll;
pub mod webhook;

pub use policy::Policy;
pub use poll::{Clock, Config, Events, Polling, SystemClock, Watcher, DEFAULT_LEASE};
pub use sw_ledger::alerts::Change;
