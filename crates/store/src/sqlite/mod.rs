//! The SQLite backend: one file, WAL journal, versioned migrations.

mod bands;
mod compact;
mod copy;
mod decisions;
mod error;
mod feeds;
mod ledger_patch;
pub(crate) mod ledger_rows;
mod search;
mod versions;
#[cfg(test)]
mod write_tests;

pub(crate) use error::{DbError, DbResult};

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::ffi::ErrorCode;
use rusqlite::{
    params, CachedStatement, Connection, OpenFlags, OptionalExtension, Transaction,
    TransactionBehavior,
};
use sw_dedup::Signature;

use crate::digest::{sha256, sha256_all};
use crate::placement::{
    self, BatchPlan, Placer, StoredArticles, StoredText, TextHash, MAX_CANDIDATES_PER_BAND,
};
use crate::{
    Admission, ArticleId, ArticleRow, Counts, DecisionRow, FailedInput, FeedState, Finish, InputId,
    LedgerFilter, LedgerList, LedgerRow, Outcome, RawInput, ReportFilter, ReportRow, Result,
    SearchHit, Store, StoreError, StoredReport,
};
use crate::{Identities, IncidentChange, LedgerVersion, Publication, Published};
use bands::PendingBands;

/// Schema versions, applied in order; `PRAGMA user_version` records how many have run. A
/// migration is never edited once released: add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: inputs, articles, near-duplicate index
    r#"
    CREATE TABLE inputs (
        id INTEGER PRIMARY KEY,
        locator TEXT NOT NULL,
        format TEXT,
        sha256 BLOB NOT NULL UNIQUE,
        bytes BLOB,
        size INTEGER NOT NULL,
        meta TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
        error TEXT,
        warnings TEXT,
        created_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE INDEX inputs_status ON inputs(status, id);
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        input_id INTEGER NOT NULL REFERENCES inputs(id),
        item INTEGER NOT NULL,
        url TEXT,
        outlet TEXT,
        published TEXT,
        published_basis TEXT NOT NULL,
        title TEXT,
        lang TEXT NOT NULL,
        text TEXT NOT NULL,
        text_hash BLOB NOT NULL,
        story_id INTEGER NOT NULL,
        copy_of INTEGER REFERENCES articles(id),
        minhash BLOB NOT NULL,
        UNIQUE (input_id, item)
    );
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE TABLE lsh_bands (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        PRIMARY KEY (band, key, article_id)
    ) WITHOUT ROWID;
    "#,
    // 2: extracted reports, and the ledger built from them
    r#"
    ALTER TABLE articles ADD COLUMN extracted_version TEXT;
    CREATE INDEX articles_extracted ON articles(extracted_version);
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        event_type TEXT NOT NULL,
        modality TEXT NOT NULL,
        date TEXT,
        json TEXT NOT NULL,
        UNIQUE (article_id, idx)
    );
    CREATE INDEX reports_kind ON reports(kind, event_type);
    CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO state (key, value) VALUES ('reports_generation', '0');
    CREATE TABLE ledger (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL,
        json TEXT NOT NULL
    );
    "#,
    // 3: full-text index over articles (search.rs), kept in step by triggers
    r#"
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, outlet, text,
        content = 'articles', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, outlet, text)
        VALUES (new.id, new.title, new.outlet, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, outlet, text)
        VALUES ('delete', old.id, old.title, old.outlet, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, outlet, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, outlet, text)
        VALUES ('delete', old.id, old.title, old.outlet, old.text);
        INSERT INTO articles_fts(rowid, title, outlet, text)
        VALUES (new.id, new.title, new.outlet, new.text);
    END;
    "#,
    // 4: the built ledger as rows (ledger_rows.rs)
    ledger_rows::MIGRATION,
    // 5: report ids derived from (article, position) (see REPORTS_PER_ARTICLE), so that a
    // report's id does not depend on when its article was extracted
    r#"
    CREATE TABLE reports_new (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        event_type TEXT NOT NULL,
        modality TEXT NOT NULL,
        date TEXT,
        json TEXT NOT NULL,
        UNIQUE (article_id, idx)
    );
    INSERT INTO reports_new (id, article_id, idx, kind, event_type, modality, date, json)
        SELECT article_id * 1048576 + idx, article_id, idx, kind, event_type, modality, date, json
        FROM reports WHERE idx < 1048576;
    DROP TABLE reports;
    ALTER TABLE reports_new RENAME TO reports;
    CREATE INDEX reports_kind ON reports(kind, event_type);
    UPDATE state SET value = CAST(value AS INTEGER) + 1 WHERE key = 'reports_generation';
    "#,
    // 6: the LSH band index written in sorted runs (bands.rs): every article stored so far
    // has its entries in `lsh_bands`
    r#"
    INSERT INTO state (key, value)
        SELECT 'lsh_indexed_through', CAST(COALESCE(MAX(id), 0) AS TEXT) FROM articles;
    "#,
    // 7: reports' JSON stored as zstd frames (compact.rs); the reports already stored are
    // packed by `compact::pack_old_reports`, which runs after this (see `AFTER_MIGRATION`)
    "SELECT 1;",
    // 8: ledger versions, incident snapshots and changes, identity map, redirects
    // (versions.rs)
    versions::MIGRATION,
    // 9: the append-only review decision log and the rejected incidents' rows (decisions.rs)
    decisions::MIGRATION,
    // 10: feeds `watch` polls, their state, and the item links they yielded (feeds.rs)
    feeds::MIGRATION,
    // 11: the full-text index stems words (search.rs): the same columns and triggers, the
    // `porter` tokenizer over `unicode61`; rebuilt from the articles, harmless to run again
    r#"
    DROP TABLE IF EXISTS articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, outlet, text,
        content = 'articles', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    "#,
    // 12: each event report's reach and the articles changed since the ledger was built,
    // for incremental ledger updates (ledger_patch.rs)
    ledger_patch::MIGRATION,
    // 13: feeds claimed by the worker polling them, with a lease (feeds.rs): the columns are
    // added by `feeds::add_claim_columns`, which runs after this
    feeds::CLAIMS_MIGRATION,
];

/// Steps no SQL can do, each run inside the migrations' transaction right after the
/// migration it names (its 1-based number in [`MIGRATIONS`]).
const AFTER_MIGRATION: &[(usize, MigrationStep)] = &[
    (7, compact::pack_old_reports),
    (13, feeds::add_claim_columns),
];

/// A migration step written in Rust, run inside the migrations' transaction.
type MigrationStep = fn(&Connection) -> rusqlite::Result<()>;

/// The query behind `Store::reports` and its arguments: only the conditions the filter sets
/// ("?1 IS NULL OR r.article_id = ?1" would keep SQLite off the (article_id, idx) index and
/// make reading one article's reports a scan of them all: quadratic over the dating pass).
fn reports_query(filter: &ReportFilter) -> (String, Vec<&dyn rusqlite::ToSql>) {
    let mut conds: Vec<&str> = vec!["1"];
    let mut args: Vec<&dyn rusqlite::ToSql> = Vec::new();
    if let Some(a) = &filter.article {
        conds.push("r.article_id = ?");
        args.push(a);
    }
    if let Some(k) = &filter.kind {
        conds.push("r.kind = ?");
        args.push(k);
    }
    if filter.undated {
        conds.push("a.published IS NULL");
    }
    let sql = format!(
        "SELECT r.id, r.article_id, a.story_id, a.url, a.outlet, a.published, a.lang, r.json
         FROM reports r JOIN articles a ON a.id = r.article_id
         WHERE {}
         ORDER BY r.article_id, r.idx",
        conds.join(" AND ")
    );
    (sql, args)
}

/// Reports kept per article, and the stride of report ids: a report's id is `article id ×
/// REPORTS_PER_ARTICLE + its position`, the same whenever and however often its article is
/// extracted (in the ingest pipeline, by `extract`, after an interruption), so the ledger,
/// which cites report ids, does not depend on the history of the store. An article yielding
/// more reports than this (no real one comes near) keeps the first ones.
pub const REPORTS_PER_ARTICLE: i64 = 1 << 20;

pub struct SqliteStore {
    conn: Connection,
    /// Ingest batches sharing a commit ([`Store::group_batches`]).
    group: Group,
    /// Places new articles in stories; keeps the signatures read during earlier batches.
    placer: Placer,
    /// LSH band entries of stored articles not yet in `lsh_bands` (see [`bands`]).
    bands: PendingBands,
}

/// The pending band entries are written when the store is closed (best effort: they are
/// derived again from the articles' signatures by the next writer if this fails).
impl Drop for SqliteStore {
    fn drop(&mut self) {
        if self.bands.len() > 0 {
            let _ = self.flush_bands();
        }
        let _ = self.commit_group();
    }
}

/// The longest a group's transaction holds the write lock before it commits.
const GROUP_TIME: Duration = Duration::from_secs(10);

/// Ingest batches sharing a commit, when the writer asks for it ([`Store::group_batches`]):
/// up to `limit` inputs and [`GROUP_TIME`]. Each batch (its admission, then its articles) is
/// a savepoint inside the group's transaction, so a failed batch still rolls back alone; the
/// group is committed once it is full or old (checked as each batch is finished), when the
/// store writes anything else ([`write_tx`]), at [`Store::commit_batches`], and when the
/// store is closed. Why: every commit writes each page it changed to the WAL, and the
/// randomly keyed indexes (`inputs.sha256`, `articles.text_hash`, `articles.url`) take each
/// new key on a random leaf, so a commit of 256 inputs rewrote most of their leaves; and an
/// input's row was written twice (admitted, then marked done) where now, in one group, once.
#[derive(Debug, Default)]
struct Group {
    /// Inputs from which the group commits; 0 or 1: every batch commits alone.
    limit: usize,
    inputs: usize,
    started: Option<Instant>,
}

/// An ingest batch's write: its own transaction, or a savepoint in the group's.
enum BatchTx<'c> {
    Own(Transaction<'c>),
    Group(rusqlite::Savepoint<'c>),
}

impl std::ops::Deref for BatchTx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        match self {
            BatchTx::Own(t) => t,
            BatchTx::Group(s) => s,
        }
    }
}

impl BatchTx<'_> {
    fn commit(self) -> rusqlite::Result<()> {
        match self {
            BatchTx::Own(t) => t.commit(),
            BatchTx::Group(s) => s.commit(),
        }
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// How long a connection waits for another process's write transaction before giving up:
/// longer than any one transaction strikewatch writes (an ingest batch, a ledger publish),
/// so that writers queue behind each other and each finishes rather than failing `busy`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

impl SqliteStore {
    /// Opens (creating if needed) the store at `path` for reading and writing, and brings its
    /// schema up to date. Any number of processes may do this at once, on a new file too:
    /// the WAL switch is retried while another process holds the file, and the schema is
    /// created under the write lock (see [`SqliteStore::migrate`]).
    pub fn open(path: &Path) -> Result<SqliteStore> {
        Ok(Connection::open(path)
            .map_err(DbError::from)
            .and_then(Self::setup)?)
    }

    pub fn open_in_memory() -> Result<SqliteStore> {
        let store = Connection::open_in_memory()
            .map_err(DbError::from)
            .and_then(Self::setup)?;
        // a store in memory keeps its temporary data in memory too: readers compute a stale
        // ledger in one, and must not need a writable temporary folder (a full disk)
        store
            .conn
            .pragma_update(None, "temp_store", "MEMORY")
            .map_err(DbError::from)?;
        Ok(store)
    }

    /// Opens the existing store at `path` for reading only: the connection is opened
    /// read-only (`SQLITE_OPEN_READONLY`), so nothing a reader does can change the file, and
    /// a missing file is an error ([`StoreError::NoStore`]) rather than a new empty store.
    /// Writers may work beside it: it reads under WAL like any reader (in a writable folder
    /// SQLite keeps its `-wal` and `-shm` coordination files beside the store, as for any WAL
    /// reader; the store file itself is never written). Where SQLite cannot make them (a
    /// read-only medium, a full disk) and no `-wal` holds commits the file lacks, it falls
    /// back to reading the file as immutable, which is sound there because no writer can
    /// commit where it cannot write its `-wal`. A store whose schema is older than this build's
    /// is refused ([`StoreError::Outdated`]): only a writer may upgrade it.
    pub fn open_read_only(path: &Path) -> Result<SqliteStore> {
        Ok(Self::open_read_only_db(path)?)
    }

    fn open_read_only_db(path: &Path) -> DbResult<SqliteStore> {
        if !path.is_file() {
            return Err(StoreError::NoStore(path.display().to_string()).into());
        }
        // a `-wal` with frames beside the store holds commits the file lacks (a writer at
        // work, or one that died mid-write): then the file must be read through the WAL, never
        // as immutable. An empty one holds nothing (a reader that could not make its `-shm`
        // on a full disk leaves one behind)
        let writer_may_exist = wal_file(path).metadata().is_ok_and(|m| m.len() > 0);
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let conn = match retry_busy(|| user_version(&conn)) {
            Ok(_) => conn,
            Err(e) if cannot_open_shared_memory(&e) && !writer_may_exist => {
                drop(conn);
                Connection::open_with_flags(
                    immutable_uri(path),
                    flags | OpenFlags::SQLITE_OPEN_URI,
                )?
            }
            Err(e) => return Err(e.into()),
        };
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", -65_536)?;
        let version = retry_busy(|| user_version(&conn))?;
        let known = MIGRATIONS.len() as i64;
        if version == 0 {
            return Err(StoreError::Corrupt(format!(
                "{} holds no strikewatch tables",
                path.display()
            ))
            .into());
        }
        if version > known {
            return Err(StoreError::TooNew {
                found: version,
                known,
            }
            .into());
        }
        if version < known {
            return Err(StoreError::Outdated {
                path: path.display().to_string(),
                found: version,
                known,
            }
            .into());
        }
        Ok(SqliteStore {
            conn,
            group: Group::default(),
            placer: Placer::new(),
            bands: PendingBands::default(),
        })
    }

    fn setup(conn: Connection) -> DbResult<SqliteStore> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // 16 KiB pages for a new store (an existing one keeps its own): an article and its raw
        // input fit in a page, B-trees are shallower, and a batch's commit writes fewer WAL
        // frames; ingest spends ~17% less time in the store than with 4 KiB pages
        conn.pragma_update(None, "page_size", 16_384)?;
        // WAL: readers never block the ingest, and a kill -9 mid-write rolls back cleanly.
        // Switching a new file to WAL takes locks SQLite does not wait for with the busy
        // handler when another process opens the same new file, hence the retries.
        retry_busy(|| {
            let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            Ok(mode)
        })?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // 16 MiB of page cache keeps the hot index pages (text hashes, LSH buckets, full-text
        // segments) out of the file system. The ingest's batch table and statement journal
        // are temporary files, which SQLite keeps in memory until they outgrow a small cache:
        // held in memory they cost ~80 MB for one 16 MiB feed (40,900 articles), and 64 MiB of
        // page cache, filled by a big ingest, 48 MiB more (see BENCHMARKS.md, *Memory of one
        // ingest*)
        conn.pragma_update(None, "temp_store", "FILE")?;
        conn.pragma_update(None, "cache_size", -32_768)?;
        // checkpoint every 8,192 pages of WAL (128 MiB with a new store's 16 KiB pages) rather
        // than every 1,000: pages written by many batches in a row (index and full-text pages)
        // are copied to the database once
        conn.pragma_update(None, "wal_autocheckpoint", 8_192)?;
        let store = SqliteStore {
            conn,
            group: Group::default(),
            placer: Placer::new(),
            bands: PendingBands::default(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Brings the schema up to date. The version is read first without a lock (it only ever
    /// grows, so an up-to-date store needs nothing more), then, if migrations remain, again
    /// inside an immediate transaction that holds the write lock while every remaining
    /// migration runs: two processes opening a new store at once queue here, and the second
    /// finds the schema the first created (never `table inputs already exists`).
    fn migrate(&self) -> DbResult<()> {
        let known = MIGRATIONS.len() as i64;
        let version = retry_busy(|| user_version(&self.conn))?;
        if version == known {
            return Ok(());
        }
        retry_busy(|| self.conn.execute_batch("BEGIN IMMEDIATE"))?;
        let migrated = self.run_migrations(known);
        let end = if migrated.is_ok() {
            "COMMIT"
        } else {
            "ROLLBACK"
        };
        match (migrated, self.conn.execute_batch(end)) {
            (Err(e), _) => Err(e),
            (Ok(()), done) => Ok(done?),
        }
    }

    /// The migrations the store has not run, inside the caller's transaction.
    fn run_migrations(&self, known: i64) -> DbResult<()> {
        let version = user_version(&self.conn)?;
        if version > known {
            return Err(StoreError::TooNew {
                found: version,
                known,
            }
            .into());
        }
        for (at, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            self.conn.execute_batch(sql)?;
            for (_, step) in AFTER_MIGRATION.iter().filter(|(n, _)| *n == at + 1) {
                step(&self.conn)?;
            }
        }
        self.conn.pragma_update(None, "user_version", known)?;
        Ok(())
    }

    /// The schema version in force.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(DbError::from)?)
    }

    /// SQLite's own consistency check; "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(DbError::from)?)
    }

    /// The underlying connection (crate-private: no rusqlite type is part of sw-store's API).
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// A report row read as `SELECT r.id, r.article_id, a.story_id, a.url, a.outlet,
    /// a.published, a.lang, r.json` (the columns every report query selects, in order).
    pub(crate) fn stored_report(r: &rusqlite::Row) -> rusqlite::Result<StoredReport> {
        Ok(StoredReport {
            id: r.get(0)?,
            article_id: r.get(1)?,
            story_id: r.get(2)?,
            url: r.get(3)?,
            outlet: r.get(4)?,
            published: r.get(5)?,
            lang: r.get(6)?,
            json: compact::unpack(r.get_ref(7)?, 7)?,
        })
    }

    pub(crate) fn row_to_article(
        r: &rusqlite::Row<'_>,
        with_text: bool,
    ) -> rusqlite::Result<ArticleRow> {
        Ok(ArticleRow {
            id: r.get(0)?,
            url: r.get(1)?,
            outlet: r.get(2)?,
            published: r.get(3)?,
            published_basis: r.get(4)?,
            lang: r.get(5)?,
            title: r.get(6)?,
            story: r.get(7)?,
            input: r.get(8)?,
            chars: r.get(9)?,
            text: if with_text { Some(r.get(10)?) } else { None },
        })
    }
}

/// A write transaction that holds the write lock from its start (`BEGIN IMMEDIATE`). A
/// deferred transaction that reads before it writes cannot wait for another writer: when it
/// tries to upgrade, SQLite answers `busy` at once, without the busy handler, because its
/// snapshot may be stale. Taking the lock first makes writers queue, each waiting up to
/// [`BUSY_TIMEOUT`], instead.
pub(crate) fn write_tx(conn: &mut Connection) -> rusqlite::Result<Transaction<'_>> {
    // the only transaction a connection holds open between calls is a group of ingest
    // batches (`SqliteStore::batch_tx`): any other write commits it first
    if !conn.is_autocommit() {
        conn.execute_batch("COMMIT")?;
    }
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
}

/// `PRAGMA user_version`: how many migrations the store has run.
fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Runs `f` again while SQLite answers `busy` or `locked`, for up to [`BUSY_TIMEOUT`]. For the
/// few steps where SQLite returns at once rather than calling the busy handler: switching a
/// new file to WAL, and reading a WAL file while another connection is recovering or
/// switching it.
fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    let mut pause = Duration::from_millis(5);
    loop {
        match f() {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(e.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// Whether opening failed because SQLite could not create or open what it reads a WAL file
/// through (the `-wal` and `-shm` files beside it), as on a read-only medium or a full disk.
fn cannot_open_shared_memory(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                ErrorCode::CannotOpen
                    | ErrorCode::ReadOnly
                    | ErrorCode::DiskFull
                    | ErrorCode::SystemIoFailure
            )
    )
}

/// The `-wal` file beside the store at `path`.
fn wal_file(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// A `file:` URI naming `path` with `immutable=1`: SQLite then reads the file without locks
/// and without the `-shm`, which a read-only medium cannot hold. Every byte that is not
/// plainly safe in a URI path is percent-encoded (SQLite decodes them back to the bytes).
fn immutable_uri(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().replace('\\', "/").into_bytes();
    let mut uri = String::from("file:");
    for b in bytes {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'_' | b'-' | b'~') {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

pub(crate) const ARTICLE_COLS: &str =
    "a.id, a.url, a.outlet, a.published, a.published_basis, a.lang, a.title, \
     a.story_id, i.locator, length(a.text), a.text";

/// The queries [`Placer`] asks of the stored articles, answered inside the batch's
/// transaction, each an indexed lookup; the statements are prepared once per batch (looking a
/// statement up in the connection's cache for each article and band cost ~1% of an ingest).
struct TxArticles<'t> {
    pending: &'t PendingBands,
    held: CachedStatement<'t>,
    first_with_text: CachedStatement<'t>,
    first_with_text_and_url: CachedStatement<'t>,
    bucket: CachedStatement<'t>,
    signature: CachedStatement<'t>,
}

impl<'t> TxArticles<'t> {
    fn new(tx: &'t Connection, pending: &'t PendingBands) -> rusqlite::Result<TxArticles<'t>> {
        Ok(TxArticles {
            pending,
            held: tx.prepare_cached("SELECT id FROM articles WHERE input_id = ?1 AND item = ?2")?,
            first_with_text: tx.prepare_cached(
                "SELECT id, story_id, url FROM articles WHERE text_hash = ?1 ORDER BY id LIMIT 1",
            )?,
            first_with_text_and_url: tx.prepare_cached(
                "SELECT id FROM articles WHERE text_hash = ?1 AND url IS ?2 ORDER BY id LIMIT 1",
            )?,
            // the limit is written into the SQL, not bound: a bound LIMIT makes SQLite prepare
            // the statement again at every run (a quarter more CPU in `ingest --no-extract`)
            bucket: tx.prepare_cached(&format!(
                "SELECT article_id FROM lsh_bands WHERE band = ?1 AND key = ?2
                 ORDER BY article_id LIMIT {MAX_CANDIDATES_PER_BAND}"
            ))?,
            signature: tx.prepare_cached("SELECT story_id, minhash FROM articles WHERE id = ?1")?,
        })
    }
}

impl StoredArticles for TxArticles<'_> {
    type Error = rusqlite::Error;

    fn held(&mut self, input: InputId, item: u32) -> rusqlite::Result<Option<ArticleId>> {
        self.held
            .query_row(params![input, item], |r| r.get(0))
            .optional()
    }

    fn first_with_text(&mut self, text: &TextHash) -> rusqlite::Result<Option<StoredText>> {
        self.first_with_text
            .query_row(params![&text[..]], |r| {
                Ok(StoredText {
                    id: r.get(0)?,
                    story: r.get(1)?,
                    url: r.get(2)?,
                })
            })
            .optional()
    }

    fn first_with_text_and_url(
        &mut self,
        text: &TextHash,
        url: Option<&str>,
    ) -> rusqlite::Result<Option<ArticleId>> {
        self.first_with_text_and_url
            .query_row(params![&text[..], url], |r| r.get(0))
            .optional()
    }

    fn bucket(&mut self, band: usize, key: i64, out: &mut Vec<ArticleId>) -> rusqlite::Result<()> {
        if !self.pending.in_table(band, key) {
            self.pending.bucket(band, key, MAX_CANDIDATES_PER_BAND, out);
            return Ok(());
        }
        let rows = self
            .bucket
            .query_map(params![band as i64, key], |r| r.get::<_, i64>(0))?;
        for id in rows {
            out.push(id?);
        }
        // the entries not yet in the table belong to later articles: they follow in id order
        self.pending.bucket(band, key, MAX_CANDIDATES_PER_BAND, out);
        Ok(())
    }

    fn signature(&mut self, id: ArticleId) -> rusqlite::Result<Option<(i64, Signature)>> {
        let row: Option<(i64, Vec<u8>)> = self
            .signature
            .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.and_then(|(story, blob)| Signature::from_bytes(&blob).map(|s| (story, s))))
    }
}

/// Rows of the batch in flight, written to `articles` with one statement when the batch is
/// placed: the full-text index is then filled once per batch rather than once per row (FTS5
/// flushes its pending terms at every statement boundary, and each flush is a new segment to
/// merge later).
const BATCH_TABLE: &str = "
    CREATE TEMP TABLE IF NOT EXISTS batch_articles (
        id INTEGER PRIMARY KEY,
        input_id INTEGER NOT NULL,
        item INTEGER NOT NULL,
        url TEXT,
        outlet TEXT,
        published TEXT,
        published_basis TEXT NOT NULL,
        title TEXT,
        lang TEXT NOT NULL,
        text TEXT NOT NULL,
        text_hash BLOB NOT NULL,
        story_id INTEGER NOT NULL,
        copy_of INTEGER,
        minhash BLOB NOT NULL,
        extracted_version TEXT
    );
    DELETE FROM temp.batch_articles;";

impl SqliteStore {
    /// The transaction of an ingest batch: a savepoint in the group's transaction, which
    /// begins here when none is open (see [`Group`]).
    fn batch_tx<'c>(conn: &'c mut Connection, group: &mut Group) -> rusqlite::Result<BatchTx<'c>> {
        if group.limit <= 1 {
            return Ok(BatchTx::Own(write_tx(conn)?));
        }
        if conn.is_autocommit() {
            conn.execute_batch("BEGIN IMMEDIATE")?;
            *group = Group {
                limit: group.limit,
                inputs: 0,
                started: Some(Instant::now()),
            };
        }
        Ok(BatchTx::Group(conn.savepoint()?))
    }

    /// Counts `inputs` finished in the group, and commits it once it is full or old.
    fn batch_done(&mut self, inputs: usize) -> rusqlite::Result<()> {
        if self.conn.is_autocommit() {
            return Ok(());
        }
        self.group.inputs += inputs;
        let old = self
            .group
            .started
            .is_some_and(|t| t.elapsed() >= GROUP_TIME);
        if self.group.inputs >= self.group.limit || old {
            self.commit_group()?;
        }
        Ok(())
    }

    /// Commits the group's transaction, if one is open. If the commit fails, the group is
    /// rolled back and what this connection holds of it forgotten.
    fn commit_group(&mut self) -> rusqlite::Result<()> {
        if self.conn.is_autocommit() {
            return Ok(());
        }
        self.group = Group {
            limit: self.group.limit,
            ..Group::default()
        };
        match self.conn.execute_batch("COMMIT") {
            Ok(()) => Ok(()),
            Err(e) => {
                if !self.conn.is_autocommit() {
                    let _ = self.conn.execute_batch("ROLLBACK");
                }
                self.bands.invalidate();
                self.placer = Placer::new();
                Err(e)
            }
        }
    }

    fn admit_db(&mut self, batch: &[RawInput]) -> DbResult<Vec<Admission>> {
        let hashes = sha256_all(batch.iter().map(|r| r.bytes.as_slice()).collect());
        let stamp = now();
        let tx = Self::batch_tx(&mut self.conn, &mut self.group)?;
        let mut out = Vec::with_capacity(batch.len());
        {
            let mut find = tx.prepare_cached("SELECT id, status FROM inputs WHERE sha256 = ?1")?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO inputs (locator, format, sha256, bytes, size, meta, status, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7)",
            )?;
            for (raw, hash) in batch.iter().zip(&hashes) {
                let hash = &hash[..];
                let existing: Option<(InputId, String)> = find
                    .query_row(params![hash], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                out.push(match existing {
                    Some((id, status)) => match status.as_str() {
                        "done" => Admission::Done(id),
                        "failed" => Admission::Retry(id),
                        _ => Admission::Pending(id),
                    },
                    None => {
                        insert.execute(params![
                            raw.locator,
                            raw.format,
                            hash,
                            raw.bytes,
                            raw.bytes.len() as i64,
                            raw.meta.as_ref().map(|m| m.to_string()),
                            stamp
                        ])?;
                        Admission::New(tx.last_insert_rowid())
                    }
                });
            }
        }
        tx.commit()?;
        Ok(out)
    }

    fn record_unreadable_db(&mut self, locator: &str, error: &str) -> DbResult<InputId> {
        // keyed by locator: reading the same unreadable thing again updates its error
        let key = sha256(format!("unreadable\0{locator}").as_bytes());
        let tx = write_tx(&mut self.conn)?;
        tx.execute(
            "INSERT INTO inputs (locator, sha256, size, status, error, created_at, finished_at)
             VALUES (?1, ?2, 0, 'failed', ?3, ?4, ?4)
             ON CONFLICT(sha256) DO UPDATE SET error = excluded.error, finished_at = excluded.finished_at",
            params![locator, key, error, now()],
        )?;
        let id = tx.query_row(
            "SELECT id FROM inputs WHERE sha256 = ?1",
            params![key],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Places the batch (see [`crate::placement`]) and writes what the plan says: inputs'
    /// statuses, the new articles with one statement (with the reports of those extracted,
    /// if any), the LSH entries of those that start a story; all in one transaction. A failed
    /// write leaves the pending band entries to be derived again.
    fn finish_db(
        &mut self,
        batch: Vec<(InputId, Finish)>,
        near_dup: f64,
        extracted: Option<Extracted<'_>>,
    ) -> DbResult<Vec<Vec<Outcome>>> {
        let hashes = placement::text_hashes(&batch);
        let done = self.finish_tx(&batch, &hashes, near_dup, extracted);
        if done.is_err() {
            self.bands.invalidate();
        }
        done
    }

    fn finish_tx(
        &mut self,
        batch: &[(InputId, Finish)],
        hashes: &[TextHash],
        near_dup: f64,
        extracted: Option<Extracted<'_>>,
    ) -> DbResult<Vec<Vec<Outcome>>> {
        let tx = Self::batch_tx(&mut self.conn, &mut self.group)?;
        tx.execute_batch(BATCH_TABLE)?;
        self.bands.sync(&tx)?;
        let first_id: ArticleId =
            tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM articles", [], |r| {
                r.get(0)
            })?;
        let plan = self.placer.plan(
            &mut TxArticles::new(&tx, &self.bands)?,
            batch,
            hashes,
            first_id,
            near_dup,
        )?;
        write_statuses(&tx, batch)?;
        write_articles(&tx, batch, &plan, extracted.as_ref())?;
        if let Some(x) = &extracted {
            write_reports(&tx, &plan, x)?;
        }
        let last = plan.articles.last().map_or(first_id - 1, |p| p.id);
        let flush = self.bands.add(&tx, &plan.bands, last)?;
        tx.commit()?;
        if flush {
            self.bands.flushed();
        }
        self.placer.committed(&plan, batch);
        self.batch_done(batch.len())?;
        Ok(plan.outcomes)
    }

    /// Writes the pending LSH band entries to `lsh_bands` (see [`bands`]); what a store does
    /// when it is closed, so that the next process need not derive them again.
    fn flush_bands(&mut self) -> DbResult<()> {
        let tx = write_tx(&mut self.conn)?;
        self.bands.sync(&tx)?;
        if self.bands.len() == 0 {
            return Ok(());
        }
        self.bands.write(&tx)?;
        tx.commit()?;
        self.bands.flushed();
        Ok(())
    }

    fn pending_db(&self, limit: usize) -> DbResult<Vec<(InputId, RawInput)>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, locator, format, bytes, meta FROM inputs WHERE status = 'pending' ORDER BY id LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![limit as i64], |r| {
            let meta: Option<String> = r.get(4)?;
            Ok((
                r.get(0)?,
                RawInput {
                    locator: r.get(1)?,
                    format: r.get(2)?,
                    bytes: r.get::<_, Option<Vec<u8>>>(3)?.unwrap_or_default(),
                    meta: meta.and_then(|m| serde_json::from_str(&m).ok()),
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn article_db(&self, id: ArticleId) -> DbResult<Option<ArticleRow>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {ARTICLE_COLS} FROM articles a JOIN inputs i ON i.id = a.input_id WHERE a.id = ?1"),
                params![id],
                |r| Self::row_to_article(r, true),
            )
            .optional()?)
    }

    fn failed_inputs_db(&self, limit: usize) -> DbResult<Vec<FailedInput>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, locator, COALESCE(error, '') FROM inputs WHERE status = 'failed' ORDER BY id LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![limit as i64], |r| {
            Ok(FailedInput {
                id: r.get(0)?,
                locator: r.get(1)?,
                error: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn to_extract_db(
        &self,
        version: &str,
        all: bool,
        after: ArticleId,
        limit: usize,
    ) -> DbResult<Vec<ArticleRow>> {
        let cond = if all {
            "1"
        } else {
            "(a.extracted_version IS NULL OR a.extracted_version != ?1)"
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ARTICLE_COLS} FROM articles a JOIN inputs i ON i.id = a.input_id
             WHERE {cond} AND ?1 IS NOT NULL AND a.id > ?2 ORDER BY a.id LIMIT ?3"
        ))?;
        let rows = stmt.query_map(params![version, after, limit as i64], |r| {
            Self::row_to_article(r, true)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn put_reports_db(
        &mut self,
        version: &str,
        batch: Vec<(ArticleId, Vec<ReportRow>)>,
    ) -> DbResult<()> {
        let tx = write_tx(&mut self.conn)?;
        {
            let mut del = tx.prepare_cached("DELETE FROM reports WHERE article_id = ?1")?;
            let mut ins = tx.prepare_cached(INSERT_REPORT)?;
            let mut packer = compact::Packer::new()?;
            let mut mark =
                tx.prepare_cached("UPDATE articles SET extracted_version = ?2 WHERE id = ?1")?;
            for (article, rows) in &batch {
                del.execute(params![article])?;
                insert_reports(&mut ins, &mut packer, *article, rows)?;
                mark.execute(params![article, version])?;
            }
        }
        if !batch.is_empty() {
            tx.execute(BUMP_GENERATION, [])?;
        }
        tx.commit()?;
        Ok(())
    }

    fn reports_db(
        &self,
        filter: ReportFilter,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> DbResult<()> {
        let (sql, args) = reports_query(&filter);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            if !visit(Self::stored_report(r)?) {
                break;
            }
        }
        Ok(())
    }

    fn report_counts_db(&self) -> DbResult<Vec<(String, i64)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT kind, count(*) FROM reports GROUP BY kind ORDER BY kind")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn reports_generation_db(&self) -> DbResult<i64> {
        let v: String = self.conn.query_row(
            "SELECT value FROM state WHERE key = 'reports_generation'",
            [],
            |r| r.get(0),
        )?;
        Ok(v.parse().unwrap_or(0))
    }

    fn article_text_db(&self, id: ArticleId) -> DbResult<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT text FROM articles WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn published_span_db(&self) -> DbResult<Option<(String, String)>> {
        let span: (Option<String>, Option<String>) = self.conn.query_row(
            "SELECT min(published), max(published) FROM articles WHERE published IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(match span {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        })
    }

    fn counts_db(&self) -> DbResult<Counts> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM inputs),
                    (SELECT count(*) FROM inputs WHERE status = 'failed'),
                    (SELECT count(*) FROM inputs WHERE status = 'pending'),
                    (SELECT count(*) FROM articles),
                    (SELECT count(DISTINCT story_id) FROM articles)",
            [],
            |r| {
                Ok(Counts {
                    inputs: r.get(0)?,
                    failed_inputs: r.get(1)?,
                    pending_inputs: r.get(2)?,
                    articles: r.get(3)?,
                    stories: r.get(4)?,
                })
            },
        )?)
    }
}

/// Reports extracted in the pipeline, stored with their batch's new articles
/// ([`Store::finish_extracted`]).
pub(crate) struct Extracted<'a> {
    version: &'a str,
    /// Per input of the batch, per article, its reports.
    reports: &'a [Vec<Vec<ReportRow>>],
}

impl<'a> Extracted<'a> {
    /// The reports of article `at.1` of input `at.0`, if it was extracted.
    fn of(&self, at: (usize, usize)) -> Option<&'a [ReportRow]> {
        self.reports
            .get(at.0)
            .and_then(|per_input| per_input.get(at.1))
            .map(Vec::as_slice)
    }
}

/// Each input's outcome: done (with its warnings) or failed.
fn write_statuses(tx: &Connection, batch: &[(InputId, Finish)]) -> rusqlite::Result<()> {
    let stamp = now();
    let mut failed = tx.prepare_cached(
        "UPDATE inputs SET status = 'failed', error = ?2, finished_at = ?3 WHERE id = ?1",
    )?;
    let mut done = tx.prepare_cached(
        "UPDATE inputs SET status = 'done', error = NULL, warnings = ?2, finished_at = ?3 WHERE id = ?1",
    )?;
    for (input, finish) in batch {
        match finish {
            Finish::Failed(error) => {
                failed.execute(params![input, error, stamp])?;
            }
            Finish::Parsed { warnings, .. } => {
                let warnings = (!warnings.is_empty()).then(|| warnings.join("\n"));
                done.execute(params![input, warnings, stamp])?;
            }
        }
    }
    Ok(())
}

/// The batch's new articles, staged in `temp.batch_articles` and then written with one
/// statement, so the full-text trigger's terms are flushed once; an article extracted in the
/// pipeline carries its extraction version from the start (no second write of its row).
fn write_articles(
    tx: &Connection,
    batch: &[(InputId, Finish)],
    plan: &BatchPlan,
    extracted: Option<&Extracted<'_>>,
) -> rusqlite::Result<()> {
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO temp.batch_articles (id, input_id, item, url, outlet, published,
               published_basis, title, lang, text, text_hash, story_id, copy_of, minhash,
               extracted_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?;
        for p in &plan.articles {
            let (input, Finish::Parsed { articles, .. }) = &batch[p.at.0] else {
                unreachable!("the plan places articles of parsed inputs only")
            };
            let new = &articles[p.at.1];
            let a = &new.article;
            let version = extracted.and_then(|x| x.of(p.at).map(|_| x.version));
            insert.execute(params![
                p.id,
                input,
                new.item,
                a.url,
                a.outlet,
                a.published.map(|d| d.format("%Y-%m-%d").to_string()),
                a.published_basis.code(),
                a.title,
                a.lang.code(),
                a.text,
                &p.text_hash[..],
                p.story,
                p.copy_of,
                new.signature.to_bytes(),
                version,
            ])?;
        }
    }
    tx.execute_batch(
        "INSERT INTO articles (id, input_id, item, url, outlet, published, published_basis,
           title, lang, text, text_hash, story_id, copy_of, minhash, extracted_version)
         SELECT id, input_id, item, url, outlet, published, published_basis,
           title, lang, text, text_hash, story_id, copy_of, minhash, extracted_version
         FROM temp.batch_articles ORDER BY id;
         DELETE FROM temp.batch_articles;",
    )
}

/// Inserts one article's reports (at most [`REPORTS_PER_ARTICLE`]) with `ins`, a prepared
/// [`INSERT_REPORT`], each report's JSON packed: the one way reports are written, by the
/// pipeline's batch and by a later extraction.
fn insert_reports(
    ins: &mut rusqlite::CachedStatement<'_>,
    packer: &mut compact::Packer,
    article: i64,
    rows: &[ReportRow],
) -> rusqlite::Result<()> {
    for (idx, r) in rows.iter().enumerate().take(REPORTS_PER_ARTICLE as usize) {
        ins.execute(params![
            article,
            idx as i64,
            r.kind,
            r.event_type,
            r.modality,
            r.date,
            packer.pack(&r.json)?,
            REPORTS_PER_ARTICLE
        ])?;
    }
    Ok(())
}

/// The reports of the batch's new articles extracted in the pipeline (their ids are new, so
/// there are none to replace); bumps the reports generation if any article was extracted.
fn write_reports(
    tx: &Connection,
    plan: &BatchPlan,
    extracted: &Extracted<'_>,
) -> rusqlite::Result<()> {
    let mut ins = tx.prepare_cached(INSERT_REPORT)?;
    let mut packer = compact::Packer::new()?;
    let mut any = false;
    for p in &plan.articles {
        let Some(rows) = extracted.of(p.at) else {
            continue;
        };
        any = true;
        insert_reports(&mut ins, &mut packer, p.id, rows)?;
    }
    if any {
        tx.execute(BUMP_GENERATION, [])?;
    }
    Ok(())
}

/// One report row; its id is derived from (article, position), see [`REPORTS_PER_ARTICLE`].
const INSERT_REPORT: &str =
    "INSERT INTO reports (id, article_id, idx, kind, event_type, modality, date, json)
     VALUES (?1 * ?8 + ?2, ?1, ?2, ?3, ?4, ?5, ?6, ?7)";

const BUMP_GENERATION: &str =
    "UPDATE state SET value = CAST(value AS INTEGER) + 1 WHERE key = 'reports_generation'";

/// The [`Store`] methods, each a call of the method above that does the work (in
/// `DbResult`), its error turned into a [`StoreError`] here, at the backend's edge.
impl Store for SqliteStore {
    fn group_batches(&mut self, inputs: usize) {
        self.group.limit = inputs;
    }

    fn commit_batches(&mut self) -> Result<()> {
        Ok(self.commit_group().map_err(DbError::from)?)
    }

    fn copy_is_empty(&self) -> Result<bool> {
        Ok(self.copy_is_empty_db()?)
    }

    fn copy_out(
        &self,
        table: &crate::copy::Table,
        visit: &mut dyn FnMut(Vec<crate::copy::Row>) -> bool,
    ) -> Result<()> {
        Ok(self.copy_out_db(table, visit)?)
    }

    fn copy_in(&mut self, table: &crate::copy::Table, rows: Vec<crate::copy::Row>) -> Result<()> {
        Ok(self.copy_in_db(table, rows)?)
    }

    fn copy_done(&mut self) -> Result<()> {
        Ok(self.copy_done_db()?)
    }

    fn admit(&mut self, batch: &[RawInput]) -> Result<Vec<Admission>> {
        Ok(self.admit_db(batch)?)
    }

    fn record_unreadable(&mut self, locator: &str, error: &str) -> Result<InputId> {
        Ok(self.record_unreadable_db(locator, error)?)
    }

    fn finish(
        &mut self,
        batch: Vec<(InputId, Finish)>,
        near_dup: f64,
    ) -> Result<Vec<Vec<Outcome>>> {
        Ok(self.finish_db(batch, near_dup, None)?)
    }

    fn finish_extracted(
        &mut self,
        batch: Vec<(InputId, Finish)>,
        near_dup: f64,
        version: &str,
        reports: &[Vec<Vec<ReportRow>>],
    ) -> Result<Vec<Vec<Outcome>>> {
        let extracted = Extracted { version, reports };
        Ok(self.finish_db(batch, near_dup, Some(extracted))?)
    }

    fn pending(&self, limit: usize) -> Result<Vec<(InputId, RawInput)>> {
        Ok(self.pending_db(limit)?)
    }

    fn articles(&self, limit: usize, offset: usize) -> Result<Vec<ArticleRow>> {
        Ok(self.articles_db(limit, offset)?)
    }

    fn article(&self, id: ArticleId) -> Result<Option<ArticleRow>> {
        Ok(self.article_db(id)?)
    }

    fn failed_inputs(&self, limit: usize) -> Result<Vec<FailedInput>> {
        Ok(self.failed_inputs_db(limit)?)
    }

    fn counts(&self) -> Result<Counts> {
        Ok(self.counts_db()?)
    }

    fn published_span(&self) -> Result<Option<(String, String)>> {
        Ok(self.published_span_db()?)
    }

    fn to_extract(
        &self,
        version: &str,
        all: bool,
        after: ArticleId,
        limit: usize,
    ) -> Result<Vec<ArticleRow>> {
        Ok(self.to_extract_db(version, all, after, limit)?)
    }

    fn put_reports(
        &mut self,
        version: &str,
        batch: Vec<(ArticleId, Vec<ReportRow>)>,
    ) -> Result<()> {
        Ok(self.put_reports_db(version, batch)?)
    }

    fn reports(
        &self,
        filter: ReportFilter,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> Result<()> {
        Ok(self.reports_db(filter, visit)?)
    }

    fn reports_after(
        &self,
        after_article: ArticleId,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> Result<()> {
        Ok(self.reports_after_db(after_article, visit)?)
    }

    fn report_counts(&self) -> Result<Vec<(String, i64)>> {
        Ok(self.report_counts_db()?)
    }

    fn reports_generation(&self) -> Result<i64> {
        Ok(self.reports_generation_db()?)
    }

    fn ledger_generation(&self) -> Result<Option<i64>> {
        Ok(self.ledger_generation_db()?)
    }

    fn begin_ledger(&mut self) -> Result<i64> {
        Ok(self.begin_ledger_db()?)
    }

    fn put_ledger_rows(&mut self, build: i64, list: LedgerList, rows: &[LedgerRow]) -> Result<()> {
        Ok(self.put_ledger_rows_db(build, list, rows)?)
    }

    fn publish_ledger(&mut self, build: i64, generation: i64) -> Result<()> {
        Ok(self.publish_ledger_db(build, generation)?)
    }

    fn ledger_rows(
        &self,
        list: LedgerList,
        filter: &LedgerFilter,
        visit: &mut dyn FnMut(&str) -> bool,
    ) -> Result<()> {
        Ok(self.ledger_rows_db(list, filter, visit)?)
    }

    fn articles_after(&self, after: ArticleId, limit: usize) -> Result<Vec<ArticleRow>> {
        Ok(self.articles_after_db(after, limit)?)
    }

    fn article_text(&self, id: ArticleId) -> Result<Option<String>> {
        Ok(self.article_text_db(id)?)
    }

    fn search(&self, q: &str, limit: usize, offset: usize) -> Result<(Vec<SearchHit>, usize)> {
        Ok(self.search_db(q, limit, offset)?)
    }

    fn publish_ledger_version(
        &mut self,
        build: i64,
        generation: i64,
        p: &Publication,
    ) -> Result<Published> {
        Ok(self.publish_version_db(build, generation, p)?)
    }

    fn identities(&self) -> Result<Identities> {
        Ok(self.identities_db()?)
    }

    fn ledger_versions(&self) -> Result<Vec<LedgerVersion>> {
        Ok(self.ledger_versions_db()?)
    }

    fn incidents_at(&self, version: i64, visit: &mut dyn FnMut(&str) -> bool) -> Result<()> {
        Ok(self.incidents_at_db(version, visit)?)
    }

    fn incident_at(&self, id: &str, version: i64) -> Result<Option<String>> {
        Ok(self.incident_at_db(id, version)?)
    }

    fn incident_changes(
        &self,
        after: i64,
        through: i64,
        id: Option<&str>,
    ) -> Result<Vec<IncidentChange>> {
        Ok(self.incident_changes_db(after, through, id)?)
    }

    fn incident_redirect(&self, id: &str) -> Result<Option<String>> {
        Ok(self.incident_redirect_db(id)?)
    }

    fn redirects(&self) -> Result<Vec<(String, String, i64)>> {
        Ok(self.redirects_db()?)
    }

    fn append_decisions(&mut self, rows: &[DecisionRow]) -> Result<usize> {
        Ok(self.append_decisions_db(rows)?)
    }

    fn decisions(&self, visit: &mut dyn FnMut(DecisionRow) -> bool) -> Result<()> {
        Ok(self.decisions_db(visit)?)
    }

    fn feeds(&self) -> Result<Vec<FeedState>> {
        Ok(self.feeds_db()?)
    }

    fn feed(&self, url: &str) -> Result<Option<FeedState>> {
        Ok(self.feed_db(url)?)
    }

    fn add_feed(&mut self, url: &str, now_ms: i64) -> Result<bool> {
        Ok(self.add_feed_db(url, now_ms)?)
    }

    fn remove_feed(&mut self, url: &str) -> Result<bool> {
        Ok(self.remove_feed_db(url)?)
    }

    fn put_feed(&mut self, feed: &FeedState) -> Result<()> {
        Ok(self.put_feed_db(feed)?)
    }

    fn item_seen(&self, url: &str) -> Result<bool> {
        Ok(self.item_seen_db(url)?)
    }

    fn mark_items_seen(&mut self, feed: &str, urls: &[String], now_ms: i64) -> Result<()> {
        Ok(self.mark_items_seen_db(feed, urls, now_ms)?)
    }

    fn put_changes(&mut self, changes: &[crate::LedgerChange]) -> Result<usize> {
        Ok(self.put_changes_db(changes)?)
    }

    fn changes(&self, country: Option<&str>, limit: usize) -> Result<Vec<crate::LedgerChange>> {
        Ok(self.changes_db(country, limit)?)
    }

    fn changes_after(&self, after: i64, limit: usize) -> Result<Vec<crate::LedgerChange>> {
        Ok(self.changes_after_db(after, limit)?)
    }

    fn delivery_cursor(&self, sink: &str) -> Result<Option<i64>> {
        Ok(self.delivery_cursor_db(sink)?)
    }

    fn set_delivery_cursor(&mut self, sink: &str, seq: i64) -> Result<()> {
        Ok(self.set_delivery_cursor_db(sink, seq)?)
    }

    fn ledger_reach_generation(&self) -> Result<Option<i64>> {
        Ok(self.ledger_reach_generation_db()?)
    }

    fn ledger_dirty(&self) -> Result<(Vec<ArticleId>, i64)> {
        Ok(self.ledger_dirty_db()?)
    }

    fn ledger_reach(
        &self,
        q: &crate::ReachQuery,
        visit: &mut dyn FnMut(crate::ReachRow) -> bool,
    ) -> Result<()> {
        Ok(self.ledger_reach_db(q, visit)?)
    }

    fn reset_ledger_reach(
        &mut self,
        build: i64,
        generation: i64,
        dirty_through: i64,
        rows: &mut dyn Iterator<Item = crate::ReachRow>,
    ) -> Result<bool> {
        Ok(self.reset_ledger_reach_db(build, generation, dirty_through, rows)?)
    }

    fn patch_ledger(&mut self, patch: &crate::LedgerPatch) -> Result<crate::Patched> {
        Ok(self.patch_ledger_db(patch)?)
    }

    fn claim_feeds(
        &mut self,
        worker: &str,
        among: &[String],
        now_ms: i64,
        until_ms: i64,
        limit: usize,
    ) -> Result<Vec<FeedState>> {
        Ok(self.claim_feeds_db(worker, among, now_ms, until_ms, limit)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewArticle;
    use sw_model::{Article, Lang};

    fn raw(locator: &str, bytes: &str) -> RawInput {
        RawInput {
            locator: locator.into(),
            format: Some("text".into()),
            bytes: bytes.as_bytes().to_vec(),
            meta: None,
        }
    }

    fn art(url: &str, text: &str) -> NewArticle {
        NewArticle {
            item: 0,
            article: Article {
                url: Some(url.into()),
                lang: Lang::En,
                text: text.into(),
                ..Default::default()
            },
            signature: Signature::of(text),
        }
    }

    const STORY: &str = "Forces struck a small vessel in the eastern Pacific on Thursday, killing four men aboard, \
        according to a statement from the regional command, which said the boat was on a known trafficking route.";

    #[test]
    fn migrations_run_once_and_reopen_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        drop(s);
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.integrity_check().unwrap(), "ok");
    }

    /// Several connections (as many processes would) open one new file at once: each
    /// finishes with the whole schema, and then all write at once, each waiting its turn
    /// (before: `table inputs already exists` or `database is locked`).
    #[test]
    fn many_open_a_new_store_at_once_and_writers_queue() {
        for round in 0..4 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("s.db");
            let start = std::sync::Arc::new(std::sync::Barrier::new(6));
            let threads: Vec<_> = (0..6)
                .map(|t| {
                    let (path, start) = (path.clone(), start.clone());
                    std::thread::spawn(move || -> Result<()> {
                        start.wait();
                        let mut s = SqliteStore::open(&path)?;
                        for i in 0..5 {
                            let text = format!("{STORY} Writer {t}, batch {i}, round {round}.");
                            let id = s.admit(&[raw(&format!("{t}-{i}"), &text)])?[0].id();
                            s.finish(
                                vec![(id, parsed(vec![art(&format!("u{t}-{i}"), &text)]))],
                                0.8,
                            )?;
                            s.put_reports("v", vec![(1, vec![])])?;
                        }
                        Ok(())
                    })
                })
                .collect();
            for t in threads {
                t.join().unwrap().unwrap();
            }
            let s = SqliteStore::open_read_only(&path).unwrap();
            assert_eq!(s.counts().unwrap().inputs, 30);
            assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        }
    }

    /// A reader opens an existing store read-only: it cannot write, it never creates a store,
    /// and it refuses a schema it would have to upgrade.
    #[test]
    fn a_read_only_store_reads_and_never_writes_or_creates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let err = SqliteStore::open_read_only(&path).err().unwrap();
        assert!(matches!(err, StoreError::NoStore(_)), "{err:?}");
        assert!(err.to_string().starts_with("no store at "), "{err}");
        assert!(!path.exists(), "a reader created the store");
        let mut w = SqliteStore::open(&path).unwrap();
        w.admit(&[raw("a", "a")]).unwrap();
        let mut r = SqliteStore::open_read_only(&path).unwrap();
        assert_eq!(r.counts().unwrap().inputs, 1);
        let err = r.admit(&[raw("b", "b")]).err().unwrap();
        assert!(matches!(err, StoreError::Io(_)), "{err:?}");
        // it sees what a writer commits after it opened
        w.admit(&[raw("c", "c")]).unwrap();
        assert_eq!(r.counts().unwrap().inputs, 2);
        drop((w, r));
        // a file with no tables is not a store; an old schema needs a writer to upgrade it
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        let err = SqliteStore::open_read_only(&empty).err().unwrap();
        assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 2)
            .unwrap();
        let err = SqliteStore::open_read_only(&path).err().unwrap();
        assert!(
            matches!(err, StoreError::Outdated { found: 2, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn immutable_uris_encode_every_unsafe_byte() {
        assert_eq!(
            immutable_uri(Path::new("/tmp/a b/s?#%.db")),
            "file:/tmp/a%20b/s%3F%23%25.db?immutable=1"
        );
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        drop(SqliteStore::open(&path).unwrap());
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        let err = SqliteStore::open(&path).err().unwrap().to_string();
        assert!(err.contains("newer strikewatch"), "{err}");
    }

    fn parsed(articles: Vec<NewArticle>) -> Finish {
        Finish::Parsed {
            articles,
            warnings: vec![],
        }
    }
}

#[cfg(test)]
mod plan_tests {
    use super::*;

    /// The query plan SQLite picks for `Store::reports` with `filter`.
    fn plan(filter: &ReportFilter) -> String {
        let s = SqliteStore::open_in_memory().unwrap();
        let (sql, args) = reports_query(filter);
        let mut stmt = s
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn one_articles_reports_are_read_through_the_index() {
        let p = plan(&ReportFilter {
            article: Some(7),
            ..ReportFilter::default()
        });
        assert!(p.contains("article_id=?"), "{p}");
        assert!(!p.contains("SCAN r"), "{p}");
    }
}
