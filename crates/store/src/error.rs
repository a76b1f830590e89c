//! What can go wrong in a store, in terms that mean the same whatever the backend.
//!
//! The variants say what happened to the store (another process holds it, it is damaged, the
//! disk refused), not which library reported it: a caller decides what to tell the user or
//! whether to retry from the variant, and the backend's own message rides along so nothing
//! it said is lost. Backends turn their errors into these at their edge (the SQLite one in
//! `sqlite/error.rs`); no backend's error type appears in this crate's API.

/// An error from a [`Store`](crate::Store) or from opening one.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another process holds the store (it is writing, or has it locked) longer than the
    /// backend waits; trying again later may work.
    #[error("the store is busy (another process is writing to it): {0}")]
    Busy(String),
    /// The store's data is damaged, or what was opened is not a store at all.
    #[error("the store is damaged or is not a strikewatch store: {0}")]
    Corrupt(String),
    /// Something the operation needs is not in the store.
    #[error("not found in the store: {0}")]
    NotFound(String),
    /// The store's files could not be opened, read or written (permissions, a read-only file
    /// system, a full disk).
    #[error("cannot read or write the store: {0}")]
    Io(String),
    /// A reader named a store that does not exist. Only writers (`ingest`, `extract`) create
    /// a store: a reader given a mistyped path says so rather than creating an empty one.
    #[error("no store at {0}; create one with `strikewatch ingest`")]
    NoStore(String),
    /// A reader opened a store whose schema is older than this build's: only a writer may
    /// upgrade it, and a reader never writes.
    #[error("the store at {path} has schema version {found} and this build reads version {known}; run `strikewatch extract` once to upgrade it")]
    Outdated {
        path: String,
        found: i64,
        known: i64,
    },
    /// The store was written by a newer strikewatch whose schema this build does not know.
    #[error("the store was written by a newer strikewatch (schema version {found}, this build knows {known}); upgrade strikewatch")]
    TooNew { found: i64, known: i64 },
    /// Data handed to the store (or read back from it) is not what it should be, such as a
    /// ledger entry that is not a JSON object with an `id`.
    #[error("{0}")]
    Invalid(String),
    /// The store's name (`--db`) cannot be understood, or names a backend this build lacks.
    #[error("{0}")]
    Spec(String),
    /// Any other failure the backend reported, with its message.
    #[error("database error: {0}")]
    Backend(String),
}

/// The result of a store operation.
pub type Result<T> = std::result::Result<T, StoreError>;
