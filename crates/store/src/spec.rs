//! Which store to open: `--db` names it as a URL-like spec, and [`open`] gives the store.
//!
//! `sqlite:PATH`, `sqlite://PATH` and a bare path (the default, `strikewatch.db`) name a
//! SQLite file; `postgres://...` and `postgresql://...` name a PostgreSQL database (opened by
//! `PostgresStore`; a build without the `postgres` feature says it lacks that backend); any
//! other scheme is an error rather than a file with an odd name. A file whose name starts with something like a
//! scheme (`notes:2025.db`) is named `./notes:2025.db` or `sqlite:notes:2025.db`.
//!
//! [`open`] returns an [`AnyStore`], an enum with one variant per backend built in, rather
//! than a `Box<dyn Store>`: callers stay generic (`impl Store`) with static dispatch; the
//! store keeps its auto traits (`Send`, so the web app can hold it behind a mutex and hand it
//! to blocking tasks, with no `dyn Store + Send` spelled out everywhere); a backend's own
//! maintenance (SQLite's integrity check) is reached by matching the variant, with no
//! downcasting; and adding a backend is adding a variant, which the compiler then makes every
//! `match` handle.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::{
    Admission, ArticleId, ArticleRow, Counts, DecisionRow, FailedInput, Finish, InputId,
    LedgerFilter, LedgerList, LedgerRow, Outcome, RawInput, ReportFilter, ReportRow, Result,
    SearchHit, SqliteStore, Store, StoreError, StoredReport,
};
use crate::{Identities, IncidentChange, LedgerVersion, Publication, Published};

/// A store named on the command line (`--db`).
#[derive(Clone, PartialEq, Eq)]
pub enum StoreSpec {
    /// A SQLite file (created if missing by [`StoreSpec::open`], never by
    /// [`StoreSpec::open_read_only`]).
    Sqlite(PathBuf),
    /// A PostgreSQL database, as a `postgres://` URL (opened by [`crate::PostgresStore`]
    /// when the `postgres` feature is built in, as it is by default).
    Postgres(String),
}

impl StoreSpec {
    /// Reads a spec (see the module's documentation).
    pub fn parse(spec: &str) -> Result<StoreSpec> {
        let Some((scheme, rest)) = scheme(spec) else {
            return if spec.is_empty() {
                Err(StoreError::Spec("no store named (--db is empty)".into()))
            } else {
                Ok(StoreSpec::Sqlite(PathBuf::from(spec)))
            };
        };
        match scheme.to_ascii_lowercase().as_str() {
            "sqlite" => {
                let path = rest.strip_prefix("//").unwrap_or(rest);
                if path.is_empty() {
                    return Err(StoreError::Spec(format!(
                        "{spec} names no store file (write sqlite:PATH)"
                    )));
                }
                Ok(StoreSpec::Sqlite(PathBuf::from(path)))
            }
            "postgres" | "postgresql" => Ok(StoreSpec::Postgres(spec.to_string())),
            other => Err(StoreError::Spec(format!(
                "unknown kind of store {other:?} in {} (use a file path, sqlite:PATH or \
                 postgres://...; a file whose name contains ':' can be written ./NAME)",
                redacted(spec)
            ))),
        }
    }

    /// The spec given as a path-like argument (`--db` is read as an OS string): a name that
    /// is not valid UTF-8 can only be a file.
    pub fn from_path(arg: &Path) -> Result<StoreSpec> {
        match arg.to_str() {
            Some(s) => StoreSpec::parse(s),
            None => Ok(StoreSpec::Sqlite(arg.to_path_buf())),
        }
    }

    /// Opens the store (creating a SQLite file if missing) and brings its schema up to date.
    pub fn open(&self) -> Result<AnyStore> {
        match self {
            StoreSpec::Sqlite(path) => Ok(AnyStore::Sqlite(SqliteStore::open(path)?)),
            #[cfg(feature = "postgres")]
            StoreSpec::Postgres(url) => Ok(AnyStore::Postgres(crate::PostgresStore::open(url)?)),
            #[cfg(not(feature = "postgres"))]
            StoreSpec::Postgres(_) => Err(not_built("PostgreSQL")),
        }
    }

    /// Opens the existing store for reading only: what every read command and `serve` use.
    /// Nothing done through it writes (a write through the [`Store`] trait fails); a store
    /// that does not exist is [`StoreError::NoStore`], never created; a store on a read-only
    /// medium can be read (see [`SqliteStore::open_read_only`]). Many may be open at once,
    /// beside writers, each with its own connection.
    pub fn open_read_only(&self) -> Result<AnyStore> {
        match self {
            StoreSpec::Sqlite(path) => Ok(AnyStore::Sqlite(SqliteStore::open_read_only(path)?)),
            #[cfg(feature = "postgres")]
            StoreSpec::Postgres(url) => Ok(AnyStore::Postgres(
                crate::PostgresStore::open_read_only(url)?,
            )),
            #[cfg(not(feature = "postgres"))]
            StoreSpec::Postgres(_) => Err(not_built("PostgreSQL")),
        }
    }

    /// The file of a SQLite spec, for code that still opens SQLite by path; for any other
    /// backend, an error saying the spec names no file.
    pub fn sqlite_file(&self) -> Result<&Path> {
        match self {
            StoreSpec::Sqlite(path) => Ok(path),
            StoreSpec::Postgres(url) => Err(StoreError::Spec(format!(
                "{} names a PostgreSQL database, not a SQLite file",
                redacted(url)
            ))),
        }
    }
}

#[cfg(not(feature = "postgres"))]
fn not_built(backend: &str) -> StoreError {
    StoreError::Spec(format!(
        "{backend} is not built into this version of strikewatch; use a SQLite file \
         (--db PATH or --db sqlite:PATH)"
    ))
}

/// The scheme of `spec` and what follows its colon, if it has one: letters, digits, `+`, `-`
/// or `.` after a first letter, then `:`. A single letter is a Windows drive (`C:\db`), not a
/// scheme.
fn scheme(spec: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = spec.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (valid && scheme.len() > 1).then_some((scheme, rest))
}

impl FromStr for StoreSpec {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<StoreSpec> {
        StoreSpec::parse(s)
    }
}

/// Shows a spec without what a URL may hide: a PostgreSQL URL's password is left out.
impl fmt::Display for StoreSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreSpec::Sqlite(path) => write!(f, "{}", path.display()),
            StoreSpec::Postgres(url) => f.write_str(&redacted(url)),
        }
    }
}

impl fmt::Debug for StoreSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreSpec::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            StoreSpec::Postgres(url) => f.debug_tuple("Postgres").field(&redacted(url)).finish(),
        }
    }
}

/// `url` with the password of its user info (`user:password@`) replaced by `***`.
pub(crate) fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((info, host)) if info.contains(':') => {
            let user = info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{tail}")
        }
        _ => url.to_string(),
    }
}

/// Opens the store `spec` names (see [`StoreSpec`]).
pub fn open(spec: &str) -> Result<AnyStore> {
    StoreSpec::parse(spec)?.open()
}

/// Opens the existing store `spec` names for reading only (see
/// [`StoreSpec::open_read_only`]).
pub fn open_read_only(spec: &str) -> Result<AnyStore> {
    StoreSpec::parse(spec)?.open_read_only()
}

/// A store of any backend built in (see the module's documentation for why an enum).
pub enum AnyStore {
    Sqlite(SqliteStore),
    #[cfg(feature = "postgres")]
    Postgres(crate::PostgresStore),
}

impl AnyStore {
    /// The backend's own consistency check: "ok" when the store is sound.
    pub fn integrity_check(&self) -> Result<String> {
        match self {
            AnyStore::Sqlite(s) => s.integrity_check(),
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(s) => s.integrity_check(),
        }
    }

    /// A quicker structural check where the backend has one ("ok" when sound).
    pub fn quick_check(&self) -> Result<String> {
        match self {
            AnyStore::Sqlite(s) => s.quick_check(),
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(s) => s.quick_check(),
        }
    }

    /// Sets this connection's page cache, in KiB (a reader needs less than a writer: see
    /// `SqliteStore::set_page_cache`).
    pub fn set_page_cache(&self, kib: u32) -> Result<()> {
        match self {
            AnyStore::Sqlite(s) => s.set_page_cache(kib),
            // the server's shared buffers serve every connection: nothing to set per
            // connection
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(_) => {
                let _ = kib;
                Ok(())
            }
        }
    }

    /// The version of the store's schema in force.
    pub fn schema_version(&self) -> Result<i64> {
        match self {
            AnyStore::Sqlite(s) => s.schema_version(),
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(s) => s.schema_version(),
        }
    }
}

/// Calls the same method on whichever backend the store is.
macro_rules! each {
    ($self:ident, $s:ident => $call:expr) => {
        match $self {
            AnyStore::Sqlite($s) => $call,
            #[cfg(feature = "postgres")]
            AnyStore::Postgres($s) => $call,
        }
    };
}

impl Store for AnyStore {
    fn group_batches(&mut self, inputs: usize) {
        each!(self, s => s.group_batches(inputs))
    }

    fn commit_batches(&mut self) -> Result<()> {
        each!(self, s => s.commit_batches())
    }

    fn copy_is_empty(&self) -> Result<bool> {
        each!(self, s => s.copy_is_empty())
    }

    fn copy_out(
        &self,
        table: &crate::copy::Table,
        visit: &mut dyn FnMut(Vec<crate::copy::Row>) -> bool,
    ) -> Result<()> {
        each!(self, s => s.copy_out(table, visit))
    }

    fn copy_in(&mut self, table: &crate::copy::Table, rows: Vec<crate::copy::Row>) -> Result<()> {
        each!(self, s => s.copy_in(table, rows))
    }

    fn copy_done(&mut self) -> Result<()> {
        each!(self, s => s.copy_done())
    }

    fn lock_ledger_update(&mut self) -> Result<()> {
        each!(self, s => s.lock_ledger_update())
    }

    fn unlock_ledger_update(&mut self) -> Result<()> {
        each!(self, s => s.unlock_ledger_update())
    }

    fn admit(&mut self, batch: &[RawInput]) -> Result<Vec<Admission>> {
        each!(self, s => s.admit(batch))
    }

    fn record_unreadable(&mut self, locator: &str, error: &str) -> Result<InputId> {
        each!(self, s => s.record_unreadable(locator, error))
    }

    fn finish(
        &mut self,
        batch: Vec<(InputId, Finish)>,
        near_dup: f64,
    ) -> Result<Vec<Vec<Outcome>>> {
        each!(self, s => s.finish(batch, near_dup))
    }

    fn finish_extracted(
        &mut self,
        batch: Vec<(InputId, Finish)>,
        near_dup: f64,
        version: &str,
        reports: &[Vec<Vec<ReportRow>>],
    ) -> Result<Vec<Vec<Outcome>>> {
        each!(self, s => s.finish_extracted(batch, near_dup, version, reports))
    }

    fn pending(&self, limit: usize) -> Result<Vec<(InputId, RawInput)>> {
        each!(self, s => s.pending(limit))
    }

    fn articles(&self, limit: usize, offset: usize) -> Result<Vec<ArticleRow>> {
        each!(self, s => s.articles(limit, offset))
    }

    fn article(&self, id: ArticleId) -> Result<Option<ArticleRow>> {
        each!(self, s => s.article(id))
    }

    fn failed_inputs(&self, limit: usize) -> Result<Vec<FailedInput>> {
        each!(self, s => s.failed_inputs(limit))
    }

    fn counts(&self) -> Result<Counts> {
        each!(self, s => s.counts())
    }

    fn published_span(&self) -> Result<Option<(String, String)>> {
        each!(self, s => s.published_span())
    }

    fn to_extract(
        &self,
        version: &str,
        all: bool,
        after: ArticleId,
        limit: usize,
    ) -> Result<Vec<ArticleRow>> {
        each!(self, s => s.to_extract(version, all, after, limit))
    }

    fn put_reports(
        &mut self,
        version: &str,
        batch: Vec<(ArticleId, Vec<ReportRow>)>,
    ) -> Result<()> {
        each!(self, s => s.put_reports(version, batch))
    }

    fn reports(
        &self,
        filter: ReportFilter,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> Result<()> {
        each!(self, s => s.reports(filter, visit))
    }

    fn reports_after(
        &self,
        after_article: ArticleId,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> Result<()> {
        each!(self, s => s.reports_after(after_article, visit))
    }

    fn report_counts(&self) -> Result<Vec<(String, i64)>> {
        each!(self, s => s.report_counts())
    }

    fn reports_generation(&self) -> Result<i64> {
        each!(self, s => s.reports_generation())
    }

    fn ledger_generation(&self) -> Result<Option<i64>> {
        each!(self, s => s.ledger_generation())
    }

    fn begin_ledger(&mut self) -> Result<i64> {
        each!(self, s => s.begin_ledger())
    }

    fn put_ledger_rows(&mut self, build: i64, list: LedgerList, rows: &[LedgerRow]) -> Result<()> {
        each!(self, s => s.put_ledger_rows(build, list, rows))
    }

    fn publish_ledger(&mut self, build: i64, generation: i64) -> Result<()> {
        each!(self, s => s.publish_ledger(build, generation))
    }

    fn ledger_rows(
        &self,
        list: LedgerList,
        filter: &LedgerFilter,
        visit: &mut dyn FnMut(&str) -> bool,
    ) -> Result<()> {
        each!(self, s => s.ledger_rows(list, filter, visit))
    }

    fn put_ledger(&mut self, generation: i64, json: &str) -> Result<()> {
        each!(self, s => s.put_ledger(generation, json))
    }

    fn articles_after(&self, after: ArticleId, limit: usize) -> Result<Vec<ArticleRow>> {
        each!(self, s => s.articles_after(after, limit))
    }

    fn article_text(&self, id: ArticleId) -> Result<Option<String>> {
        each!(self, s => s.article_text(id))
    }

    fn search(&self, q: &str, limit: usize, offset: usize) -> Result<(Vec<SearchHit>, usize)> {
        each!(self, s => s.search(q, limit, offset))
    }

    fn publish_ledger_version(
        &mut self,
        build: i64,
        generation: i64,
        p: &Publication,
    ) -> Result<Published> {
        each!(self, s => s.publish_ledger_version(build, generation, p))
    }

    fn identities(&self) -> Result<Identities> {
        each!(self, s => s.identities())
    }

    fn ledger_versions(&self) -> Result<Vec<LedgerVersion>> {
        each!(self, s => s.ledger_versions())
    }

    fn incidents_at(&self, version: i64, visit: &mut dyn FnMut(&str) -> bool) -> Result<()> {
        each!(self, s => s.incidents_at(version, visit))
    }

    fn incident_at(&self, id: &str, version: i64) -> Result<Option<String>> {
        each!(self, s => s.incident_at(id, version))
    }

    fn incident_changes(
        &self,
        after: i64,
        through: i64,
        id: Option<&str>,
    ) -> Result<Vec<IncidentChange>> {
        each!(self, s => s.incident_changes(after, through, id))
    }

    fn incident_redirect(&self, id: &str) -> Result<Option<String>> {
        each!(self, s => s.incident_redirect(id))
    }

    fn redirects(&self) -> Result<Vec<(String, String, i64)>> {
        each!(self, s => s.redirects())
    }

    fn append_decisions(&mut self, rows: &[DecisionRow]) -> Result<usize> {
        each!(self, s => s.append_decisions(rows))
    }

    fn decisions(&self, visit: &mut dyn FnMut(DecisionRow) -> bool) -> Result<()> {
        each!(self, s => s.decisions(visit))
    }

    fn feeds(&self) -> Result<Vec<crate::FeedState>> {
        each!(self, s => s.feeds())
    }

    fn feed(&self, url: &str) -> Result<Option<crate::FeedState>> {
        each!(self, s => s.feed(url))
    }

    fn add_feed(&mut self, url: &str, now_ms: i64) -> Result<bool> {
        each!(self, s => s.add_feed(url, now_ms))
    }

    fn remove_feed(&mut self, url: &str) -> Result<bool> {
        each!(self, s => s.remove_feed(url))
    }

    fn put_feed(&mut self, feed: &crate::FeedState) -> Result<()> {
        each!(self, s => s.put_feed(feed))
    }

    fn item_seen(&self, url: &str) -> Result<bool> {
        each!(self, s => s.item_seen(url))
    }

    fn mark_items_seen(&mut self, feed: &str, urls: &[String], now_ms: i64) -> Result<()> {
        each!(self, s => s.mark_items_seen(feed, urls, now_ms))
    }

    fn put_changes(&mut self, changes: &[crate::LedgerChange]) -> Result<usize> {
        each!(self, s => s.put_changes(changes))
    }

    fn changes(&self, country: Option<&str>, limit: usize) -> Result<Vec<crate::LedgerChange>> {
        each!(self, s => s.changes(country, limit))
    }

    fn changes_after(&self, after: i64, limit: usize) -> Result<Vec<crate::LedgerChange>> {
        each!(self, s => s.changes_after(after, limit))
    }

    fn delivery_cursor(&self, sink: &str) -> Result<Option<i64>> {
        each!(self, s => s.delivery_cursor(sink))
    }

    fn set_delivery_cursor(&mut self, sink: &str, seq: i64) -> Result<()> {
        each!(self, s => s.set_delivery_cursor(sink, seq))
    }

    fn ledger_reach_generation(&self) -> Result<Option<i64>> {
        each!(self, s => s.ledger_reach_generation())
    }

    fn ledger_dirty(&self) -> Result<(Vec<ArticleId>, i64)> {
        each!(self, s => s.ledger_dirty())
    }

    fn ledger_reach(
        &self,
        q: &crate::ReachQuery,
        visit: &mut dyn FnMut(crate::ReachRow) -> bool,
    ) -> Result<()> {
        each!(self, s => s.ledger_reach(q, visit))
    }

    fn reset_ledger_reach(
        &mut self,
        build: i64,
        generation: i64,
        dirty_through: i64,
        rows: &mut dyn Iterator<Item = crate::ReachRow>,
    ) -> Result<bool> {
        each!(self, s => s.reset_ledger_reach(build, generation, dirty_through, rows))
    }

    fn patch_ledger(&mut self, patch: &crate::LedgerPatch) -> Result<crate::Patched> {
        each!(self, s => s.patch_ledger(patch))
    }

    fn claim_feeds(
        &mut self,
        worker: &str,
        among: &[String],
        now_ms: i64,
        until_ms: i64,
        limit: usize,
    ) -> Result<Vec<crate::FeedState>> {
        each!(self, s => s.claim_feeds(worker, among, now_ms, until_ms, limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(p: &str) -> StoreSpec {
        StoreSpec::Sqlite(PathBuf::from(p))
    }

    #[test]
    fn paths_and_sqlite_urls_name_a_file() {
        for (spec, file) in [
            ("strikewatch.db", "strikewatch.db"),
            ("/var/lib/sw/s.db", "/var/lib/sw/s.db"),
            ("./notes:2025.db", "./notes:2025.db"),
            ("sqlite:s.db", "s.db"),
            ("sqlite:/tmp/s.db", "/tmp/s.db"),
            ("sqlite://data/s.db", "data/s.db"),
            ("sqlite:///tmp/s.db", "/tmp/s.db"),
            ("SQLite:s.db", "s.db"),
            ("sqlite:notes:2025.db", "notes:2025.db"),
            (r"C:\data\s.db", r"C:\data\s.db"),
        ] {
            assert_eq!(StoreSpec::parse(spec).unwrap(), sqlite(file), "{spec}");
        }
        assert_eq!(
            StoreSpec::from_path(Path::new("sqlite:s.db")).unwrap(),
            sqlite("s.db")
        );
    }

    /// A PostgreSQL URL is recognised; opening one that cannot be reached (a closed port
    /// on loopback: nothing leaves the machine) fails with one line that names it without
    /// its password (or, in a build without the backend, says so).
    #[test]
    fn postgres_is_recognised_and_an_unreachable_one_refused_clearly() {
        for spec in [
            "postgres://u:secret@127.0.0.1:1/sw",
            "postgresql://u:secret@127.0.0.1:1/sw",
        ] {
            let parsed = StoreSpec::parse(spec).unwrap();
            assert!(matches!(parsed, StoreSpec::Postgres(_)), "{spec}");
            for err in [
                parsed.open().err().expect("unreachable"),
                parsed.open_read_only().err().expect("unreachable"),
            ] {
                #[cfg(feature = "postgres")]
                {
                    assert!(matches!(err, StoreError::Io(_)), "{err:?}");
                    assert!(err.to_string().contains("cannot connect to"), "{err}");
                    assert!(err.to_string().contains("u:***@127.0.0.1:1"), "{err}");
                }
                #[cfg(not(feature = "postgres"))]
                assert!(
                    err.to_string()
                        .contains("PostgreSQL is not built into this version"),
                    "{err}"
                );
                assert!(!err.to_string().contains("secret"), "{err}");
            }
            let err = parsed.sqlite_file().unwrap_err().to_string();
            assert!(err.contains("names a PostgreSQL database"), "{err}");
            assert!(!err.contains("secret"), "{err}");
        }
        let spec = StoreSpec::parse("postgres://u:secret@db.example:5432/sw?x=1").unwrap();
        assert_eq!(spec.to_string(), "postgres://u:***@db.example:5432/sw?x=1");
        assert!(!format!("{spec:?}").contains("secret"));
        assert_eq!(
            StoreSpec::parse("postgres://db.example/sw")
                .unwrap()
                .to_string(),
            "postgres://db.example/sw"
        );
    }

    #[test]
    fn other_schemes_and_empty_names_are_errors() {
        for spec in [
            "mysql://x/y",
            "http://example.com/s.db",
            "notes:2025.db",
            "",
            "sqlite:",
            "sqlite://",
        ] {
            let err = StoreSpec::parse(spec)
                .err()
                .unwrap_or_else(|| panic!("{spec:?} accepted"));
            assert!(matches!(err, StoreError::Spec(_)), "{err:?}");
        }
        let err = StoreSpec::parse("mysql://u:secret@x/y")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("\"mysql\""), "{err}");
        assert!(err.contains("mysql://u:***@x/y"), "{err}");
    }

    #[test]
    fn open_gives_a_working_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let mut store = open(&format!("sqlite:{}", path.display())).unwrap();
        let raw = RawInput {
            locator: "a".into(),
            format: None,
            bytes: b"a".to_vec(),
            meta: None,
        };
        assert!(matches!(store.admit(&[raw]).unwrap()[0], Admission::New(_)));
        assert_eq!(store.integrity_check().unwrap(), "ok");
        assert!(store.schema_version().unwrap() > 0);
        drop(store);
        assert!(path.exists());
        // generic code takes either
        fn inputs(s: &impl Store) -> i64 {
            s.counts().unwrap().inputs
        }
        assert_eq!(inputs(&open(path.to_str().unwrap()).unwrap()), 1);
        assert_eq!(inputs(&SqliteStore::open(&path).unwrap()), 1);
        fn is_send<T: Send>() {}
        is_send::<AnyStore>();
    }
}
