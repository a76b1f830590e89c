//! The PostgreSQL backend, [`PostgresStore`]: the same [`Store`] as the SQLite one, over a
//! server many processes and machines share.
//!
//! What is decided about the data is decided by the same pure code the SQLite backend calls
//! (story placement in [`crate::placement`], the ledger's order and numbering in
//! [`crate::ledger`], report ids from (article, position)), so both backends store the same
//! ids and publish the same ledger byte for byte; this module only stores and queries.
//!
//! Writers take one advisory lock per write transaction ([`WRITE_LOCK`]), as SQLite's writers
//! take its write lock: article ids are numbered from the largest stored, a ledger build
//! number from a counter, and a publication orders a build, each of which must see the
//! writes before it. Writers therefore queue rather than fail; readers never wait for them
//! (MVCC). Batches are written with multi-row statements (`unnest` of arrays), one per table
//! and batch. Reads that stream their rows to a visitor fetch them in pages, so a visitor may
//! call the store again (the ledger rebuild reads an article's text while it reads reports).
//!
//! Claims: several workers share one database, and an input one of them is parsing must not
//! be parsed again by another (it would be stored once anyway, the later finding its
//! articles held, but the work would be done twice). A worker claims the inputs it admits and
//! those it resumes (`pending`, with `FOR UPDATE SKIP LOCKED`, so two resuming workers take
//! different inputs); a claim names the worker's server session (its process id and start
//! time) and lasts until [`LEASE`] passes or the session ends, whichever is first. So a worker
//! killed with `kill -9` releases its claims at once (its connection closes, its session
//! ends) and the next ingest finishes its inputs; a worker alive but stuck past the lease is
//! overtaken. Another worker meanwhile gets [`Admission::Claimed`] for such an input. A
//! claim is judged live through `pg_stat_activity`, where the workers must run as one
//! database role (a session of another role shows no start time there: its claims last
//! until the lease ends).

mod copy;
mod schema;
mod search;
mod tables;
#[cfg(test)]
mod tests;

use std::cell::{RefCell, RefMut};
use std::collections::HashMap;

use postgres::error::SqlState;
use postgres::{Client, NoTls, Transaction};
use sw_dedup::Signature;

use crate::digest::{sha256, sha256_all};
use crate::placement::{self, BatchPlan, Placer, StoredArticles, StoredText, TextHash};
use crate::sqlite::REPORTS_PER_ARTICLE;
use crate::{
    Admission, ArticleId, ArticleRow, Counts, FailedInput, Finish, InputId, Outcome, RawInput,
    ReportFilter, ReportRow, Result, StoreError, StoredReport,
};

pub(crate) use schema::MIGRATIONS;

/// The advisory lock every write transaction takes first (see the module's documentation).
const WRITE_LOCK: i64 = 0x7377_0001;

/// The advisory lock a ledger update holds for its whole run, at session level (see
/// [`crate::Store::lock_ledger_update`]): one rebuild at a time across the workers; a
/// worker's death ends its session and so its hold.
const LEDGER_LOCK: i64 = 0x7377_0002;

/// Rows fetched per page by the reads that hand rows to a visitor.
const PAGE: i64 = 512;

/// How long a claim on an input lasts at most (see the module's documentation): longer than
/// any batch takes to parse, so a live worker keeps its inputs; a dead one's claims end with
/// its session long before.
pub const LEASE: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// Whether row `inputs` is free for the session `$me_pid`, `$me_start` to claim: unclaimed,
/// its lease over, claimed by this session, or by a session that has ended.
const FREE: &str = "(inputs.claimed_pid IS NULL
     OR inputs.lease_until < clock_timestamp()
     OR (inputs.claimed_pid = $ME_PID AND inputs.claimed_start = $ME_START)
     OR NOT EXISTS (SELECT 1 FROM pg_stat_activity s
                    WHERE s.pid = inputs.claimed_pid AND s.backend_start = inputs.claimed_start))";

/// [`FREE`] with this session's parameters numbered `pid` and `start`.
fn free(pid: usize, start: usize) -> String {
    FREE.replace("$ME_PID", &format!("${pid}"))
        .replace("$ME_START", &format!("${start}"))
}

/// A store in a PostgreSQL database.
pub struct PostgresStore {
    /// The connection. In a `RefCell` because the [`Store`] trait's readers take `&self` while
    /// the client needs `&mut` for every query; a reader never holds it while it calls a
    /// visitor, except those documented as doing so, which answer a call from their visitor
    /// with an error rather than a panic.
    client: RefCell<Client>,
    placer: Placer,
    /// The URL with its password left out, for messages.
    name: String,
    /// This connection's server session, which its claims name: (process id, start time).
    session: (i32, std::time::SystemTime),
    /// How long its claims last at most.
    lease: std::time::Duration,
}

/// A PostgreSQL error or one of the store's own, inside the backend; turned into a
/// [`StoreError`] at its edge.
#[derive(Debug)]
pub(crate) enum PgError {
    Pg(postgres::Error),
    Store(StoreError),
}

impl From<postgres::Error> for PgError {
    fn from(e: postgres::Error) -> PgError {
        PgError::Pg(e)
    }
}

impl From<StoreError> for PgError {
    fn from(e: StoreError) -> PgError {
        PgError::Store(e)
    }
}

pub(crate) type PgResult<T> = std::result::Result<T, PgError>;

impl From<PgError> for StoreError {
    fn from(e: PgError) -> StoreError {
        match e {
            PgError::Store(e) => e,
            PgError::Pg(e) => store_error(&e),
        }
    }
}

/// A PostgreSQL error in the store's backend-neutral terms.
fn store_error(e: &postgres::Error) -> StoreError {
    let Some(db) = e.as_db_error() else {
        if e.is_closed() {
            return StoreError::Io(format!("the connection to PostgreSQL was closed: {e}"));
        }
        return StoreError::Io(format!("PostgreSQL: {e}"));
    };
    let code = db.code();
    let msg = format!("PostgreSQL: {}", db.message());
    if *code == SqlState::T_R_SERIALIZATION_FAILURE
        || *code == SqlState::T_R_DEADLOCK_DETECTED
        || *code == SqlState::LOCK_NOT_AVAILABLE
    {
        StoreError::Busy(msg)
    } else if *code == SqlState::READ_ONLY_SQL_TRANSACTION {
        StoreError::Io(format!("the store is open for reading only ({msg})"))
    } else if code.code().starts_with("53") || code.code().starts_with("58") {
        StoreError::Io(msg)
    } else if code.code().starts_with("XX") {
        StoreError::Corrupt(msg)
    } else {
        StoreError::Backend(msg)
    }
}

/// A write transaction holding [`WRITE_LOCK`] from its start.
fn write_tx(client: &mut Client) -> std::result::Result<Transaction<'_>, postgres::Error> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
    Ok(tx)
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Bumps the reports generation (the ledger is then stale).
const BUMP_GENERATION: &str =
    "UPDATE state SET value = (value::bigint + 1)::text WHERE key = 'reports_generation'";

/// The article columns the read commands show, in [`row_to_article`]'s order.
const ARTICLE_COLS: &str = "a.id, a.url, a.outlet, a.published, a.published_basis, a.lang, \
     a.title, a.story_id, i.locator, length(a.text)::bigint, a.text";

fn row_to_article(r: &postgres::Row, with_text: bool) -> ArticleRow {
    ArticleRow {
        id: r.get(0),
        url: r.get(1),
        outlet: r.get(2),
        published: r.get(3),
        published_basis: r.get(4),
        lang: r.get(5),
        title: r.get(6),
        story: r.get(7),
        input: r.get(8),
        chars: r.get(9),
        text: with_text.then(|| r.get(10)),
    }
}

/// The columns every report query selects, in [`stored_report`]'s order.
const REPORT_COLS: &str =
    "r.id, r.article_id, a.story_id, a.url, a.outlet, a.published, a.lang, r.json";

fn stored_report(r: &postgres::Row) -> StoredReport {
    StoredReport {
        id: r.get(0),
        article_id: r.get(1),
        story_id: r.get(2),
        url: r.get(3),
        outlet: r.get(4),
        published: r.get(5),
        lang: r.get(6),
        json: r.get(7),
    }
}

/// PostgreSQL refuses a NUL character in text; a value carrying one is refused with the
/// field it was in, rather than failing the whole batch with a protocol error.
fn no_nul<'a>(what: &str, s: &'a str) -> PgResult<&'a str> {
    if s.contains('\0') {
        return Err(StoreError::Invalid(format!(
            "{what} holds a NUL character, which PostgreSQL cannot store"
        ))
        .into());
    }
    Ok(s)
}

impl PostgresStore {
    /// Connects to the database `url` names (`postgres://user:password@host:port/db`, or a
    /// Unix socket folder as a percent-encoded host) and brings its schema up to date. Many
    /// processes may do this at once: migrations run under an advisory lock.
    pub fn open(url: &str) -> Result<PostgresStore> {
        let store = Self::connect(url)?;
        store.migrate().map_err(StoreError::from)?;
        Ok(store)
    }

    /// Connects for reading only: every transaction of the session is read-only, so nothing
    /// done through this store can write; a database with no strikewatch schema is
    /// [`StoreError::NoStore`], and an older schema [`StoreError::Outdated`] (only a writer
    /// upgrades it).
    pub fn open_read_only(url: &str) -> Result<PostgresStore> {
        let store = Self::connect(url)?;
        {
            let mut c = store.client.borrow_mut();
            c.batch_execute("SET default_transaction_read_only = on")
                .map_err(|e| store_error(&e))?;
        }
        let known = MIGRATIONS.len() as i64;
        match store.version().map_err(StoreError::from)? {
            None => Err(StoreError::NoStore(store.name.clone())),
            Some(v) if v > known => Err(StoreError::TooNew { found: v, known }),
            Some(v) if v < known => Err(StoreError::Outdated {
                path: store.name.clone(),
                found: v,
                known,
            }),
            Some(_) => Ok(store),
        }
    }

    fn connect(url: &str) -> Result<PostgresStore> {
        let name = crate::spec::redacted(url);
        let mut client = Client::connect(url, NoTls)
            .map_err(|e| StoreError::Io(format!("cannot connect to {name}: {e}")))?;
        let me = client
            .query_one(
                "SELECT pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()",
                &[],
            )
            .map_err(|e| store_error(&e))?;
        Ok(PostgresStore {
            client: RefCell::new(client),
            placer: Placer::new(),
            name,
            session: (me.get(0), me.get(1)),
            lease: LEASE,
        })
    }

    /// The connection, for a reader; an error (not a panic) when a visitor of a streaming
    /// read calls the store while that read holds it.
    fn client(&self) -> PgResult<RefMut<'_, Client>> {
        self.client.try_borrow_mut().map_err(|_| {
            StoreError::Backend(
                "the PostgreSQL store was called from inside one of its own reads".into(),
            )
            .into()
        })
    }

    /// The schema version in force; `None` when the database holds no strikewatch schema.
    fn version(&self) -> PgResult<Option<i64>> {
        let mut c = self.client()?;
        let exists: bool = c
            .query_one("SELECT to_regclass('sw_schema') IS NOT NULL", &[])?
            .get(0);
        if !exists {
            return Ok(None);
        }
        let v: Option<i64> = c
            .query_opt("SELECT version FROM sw_schema", &[])?
            .map(|r| r.get(0));
        Ok(Some(v.unwrap_or(0)))
    }

    /// Runs the migrations the database has not run, all in one transaction under the write
    /// lock: processes opening a new database at once queue, and the later ones find the
    /// schema made.
    fn migrate(&self) -> PgResult<()> {
        let known = MIGRATIONS.len() as i64;
        if self.version()? == Some(known) {
            return Ok(());
        }
        let mut c = self.client()?;
        let mut tx = write_tx(&mut c)?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS sw_schema (version BIGINT NOT NULL)")?;
        let found: i64 = tx
            .query_opt("SELECT version FROM sw_schema", &[])?
            .map_or(0, |r| r.get(0));
        if found > known {
            return Err(StoreError::TooNew { found, known }.into());
        }
        for sql in MIGRATIONS.iter().skip(found as usize) {
            tx.batch_execute(sql)?;
        }
        tx.execute("DELETE FROM sw_schema", &[])?;
        tx.execute("INSERT INTO sw_schema (version) VALUES ($1)", &[&known])?;
        tx.commit()?;
        Ok(())
    }

    /// Sets how long this store's claims on inputs last at most (default [`LEASE`]).
    pub fn set_lease(&mut self, lease: std::time::Duration) {
        self.lease = lease;
    }

    /// The version of the schema in force.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.version()?.unwrap_or(0))
    }

    /// A consistency check of what the schema cannot enforce by itself: the schema version is
    /// this build's, the state counters are there and numeric, every report's id is the one
    /// its (article, position) gives, and every published ledger row has a position. "ok"
    /// when all hold, else what failed. (PostgreSQL checks its own pages; `amcheck` is for
    /// an administrator.)
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.check(true)?)
    }

    /// [`PostgresStore::integrity_check`] without the scans of reports and ledger rows.
    pub fn quick_check(&self) -> Result<String> {
        Ok(self.check(false)?)
    }

    fn check(&self, full: bool) -> PgResult<String> {
        let known = MIGRATIONS.len() as i64;
        let mut problems = Vec::new();
        match self.version()? {
            Some(v) if v == known => {}
            v => problems.push(format!("schema version {v:?}, expected {known}")),
        }
        let mut c = self.client()?;
        let generation: Option<String> = c
            .query_opt(
                "SELECT value FROM state WHERE key = 'reports_generation'",
                &[],
            )?
            .map(|r| r.get(0));
        if generation.and_then(|g| g.parse::<i64>().ok()).is_none() {
            problems.push("no numeric reports generation".into());
        }
        if full {
            let bad: i64 = c
                .query_one(
                    "SELECT count(*) FROM reports WHERE id <> article_id * $1 + idx",
                    &[&REPORTS_PER_ARTICLE],
                )?
                .get(0);
            if bad > 0 {
                problems.push(format!("{bad} reports whose id is not their position's"));
            }
            let unplaced: i64 = c
                .query_one(
                    "SELECT count(*) FROM ledger_incidents
                     WHERE build = (SELECT value::bigint FROM state WHERE key = 'ledger_build')
                       AND pos IS NULL",
                    &[],
                )?
                .get(0);
            if unplaced > 0 {
                problems.push(format!("{unplaced} published incidents without a position"));
            }
        }
        Ok(if problems.is_empty() {
            "ok".into()
        } else {
            problems.join("; ")
        })
    }

    /// Stores the batch's new inputs with one statement and claims them, and the pending
    /// ones no live worker holds (see the module's documentation), with one more; input ids
    /// follow the largest stored, in batch order, as SQLite numbers them.
    fn admit_db(&mut self, batch: &[RawInput]) -> PgResult<Vec<Admission>> {
        let hashes = sha256_all(batch.iter().map(|r| r.bytes.as_slice()).collect());
        let stamp = now();
        let (pid, start) = self.session;
        let lease = self.lease.as_secs_f64();
        let c = self.client.get_mut();
        let mut tx = write_tx(c)?;
        let all: Vec<&[u8]> = hashes.iter().map(|h| &h[..]).collect();
        let mut stored: HashMap<Vec<u8>, (i64, String, bool)> = HashMap::new();
        for r in tx.query(
            &format!(
                "SELECT sha256, id, status, {} FROM inputs WHERE sha256 = ANY($1)",
                free(2, 3)
            ),
            &[&all, &pid, &start],
        )? {
            stored.insert(r.get(0), (r.get(1), r.get(2), r.get(3)));
        }
        let mut next: i64 = tx
            .query_one("SELECT COALESCE(MAX(id), 0) + 1 FROM inputs", &[])?
            .get(0);
        let mut out = Vec::with_capacity(batch.len());
        let mut claim = Vec::new();
        let mut new_at: HashMap<&[u8], i64> = HashMap::new();
        let mut new_rows: Vec<(i64, &RawInput, &[u8])> = Vec::new();
        for (raw, hash) in batch.iter().zip(&hashes) {
            let hash = &hash[..];
            if let Some(&id) = new_at.get(hash) {
                // the same bytes twice in one batch: stored once, the second pending
                out.push(Admission::Pending(id));
                continue;
            }
            out.push(match stored.get(hash) {
                Some((id, status, _)) if status == "done" => Admission::Done(*id),
                Some((id, _, false)) => Admission::Claimed(*id),
                Some((id, status, true)) => {
                    claim.push(*id);
                    if status == "failed" {
                        Admission::Retry(*id)
                    } else {
                        Admission::Pending(*id)
                    }
                }
                None => {
                    let id = next;
                    next += 1;
                    new_at.insert(hash, id);
                    new_rows.push((id, raw, hash));
                    Admission::New(id)
                }
            });
        }
        if !claim.is_empty() {
            tx.execute(
                "UPDATE inputs SET claimed_pid = $2, claimed_start = $3,
                     lease_until = clock_timestamp() + $4 * interval '1 second'
                 WHERE id = ANY($1)",
                &[&claim, &pid, &start, &lease],
            )?;
        }
        if !new_rows.is_empty() {
            let mut ids = Vec::with_capacity(new_rows.len());
            let mut locators = Vec::with_capacity(new_rows.len());
            let mut formats: Vec<Option<&str>> = Vec::with_capacity(new_rows.len());
            let mut shas: Vec<&[u8]> = Vec::with_capacity(new_rows.len());
            let mut bytes: Vec<&[u8]> = Vec::with_capacity(new_rows.len());
            let mut sizes = Vec::with_capacity(new_rows.len());
            let mut metas: Vec<Option<String>> = Vec::with_capacity(new_rows.len());
            for (id, raw, hash) in &new_rows {
                ids.push(*id);
                locators.push(no_nul("an input's locator", &raw.locator)?);
                formats.push(raw.format.as_deref());
                shas.push(*hash);
                bytes.push(&raw.bytes);
                sizes.push(raw.bytes.len() as i64);
                metas.push(raw.meta.as_ref().map(|m| m.to_string()));
            }
            tx.execute(
                "INSERT INTO inputs (id, locator, format, sha256, bytes, size, meta, status,
                     created_at, claimed_pid, claimed_start, lease_until)
                 SELECT u.id, u.locator, u.format, u.sha, u.bytes, u.size, u.meta, 'pending',
                     $8, $9, $10, clock_timestamp() + $11 * interval '1 second'
                 FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bytea[], $5::bytea[],
                     $6::bigint[], $7::text[]) AS u (id, locator, format, sha, bytes, size, meta)",
                &[
                    &ids, &locators, &formats, &shas, &bytes, &sizes, &metas, &stamp, &pid, &start,
                    &lease,
                ],
            )?;
        }
        tx.commit()?;
        Ok(out)
    }

    fn record_unreadable_db(&mut self, locator: &str, error: &str) -> PgResult<InputId> {
        // keyed by locator: reading the same unreadable thing again updates its error
        let key = sha256(format!("unreadable\0{locator}").as_bytes());
        let mut tx = write_tx(self.client.get_mut())?;
        let row = tx.query_one(
            "INSERT INTO inputs (id, locator, sha256, size, status, error, created_at, finished_at)
             VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM inputs), $1, $2, 0, 'failed', $3, $4, $4)
             ON CONFLICT (sha256) DO UPDATE
                 SET error = excluded.error, finished_at = excluded.finished_at
             RETURNING id",
            &[
                &no_nul("an input's locator", locator)?,
                &key,
                &no_nul("an input's error", error)?,
                &now(),
            ],
        )?;
        tx.commit()?;
        Ok(row.get(0))
    }

    /// Places the batch (see [`crate::placement`]) and writes what the plan says, each table
    /// with one statement: inputs' statuses, the new articles (with the reports of those
    /// extracted, if any), the LSH entries of those that start a story; one transaction.
    fn finish_db(
        &mut self,
        batch: Vec<(InputId, Finish)>,
        near_dup: f64,
        extracted: Option<(&str, &[Vec<Vec<ReportRow>>])>,
    ) -> PgResult<Vec<Vec<Outcome>>> {
        let hashes = placement::text_hashes(&batch);
        let client = self.client.get_mut();
        let mut tx = write_tx(client)?;
        let first_id: i64 = tx
            .query_one("SELECT COALESCE(MAX(id), 0) + 1 FROM articles", &[])?
            .get(0);
        let plan = {
            let mut stored = Prefetched::read(&mut tx, &batch, &hashes)?;
            self.placer
                .plan(&mut stored, &batch, &hashes, first_id, near_dup)?
        };
        write_statuses(&mut tx, &batch)?;
        write_articles(&mut tx, &batch, &plan, extracted)?;
        if let Some((_, reports)) = extracted {
            let rows: Vec<(ArticleId, &[ReportRow])> = plan
                .articles
                .iter()
                .filter_map(|p| {
                    let r = reports.get(p.at.0)?.get(p.at.1)?;
                    Some((p.id, r.as_slice()))
                })
                .collect();
            if !rows.is_empty() {
                insert_reports(&mut tx, &rows)?;
                tx.execute(BUMP_GENERATION, &[])?;
            }
        }
        write_bands(&mut tx, &plan)?;
        tx.commit()?;
        self.placer.committed(&plan, &batch);
        Ok(plan.outcomes)
    }

    /// Claims up to `limit` pending inputs no live worker holds, oldest first, and returns
    /// them with their bytes (see the module's documentation on claims).
    fn pending_db(&self, limit: usize) -> PgResult<Vec<(InputId, RawInput)>> {
        let (pid, start) = self.session;
        let lease = self.lease.as_secs_f64();
        let mut rows = self.client()?.query(
            &format!(
                "WITH free AS (
                     SELECT id FROM inputs WHERE status = 'pending' AND {}
                     ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
                 )
                 UPDATE inputs SET claimed_pid = $2, claimed_start = $3,
                     lease_until = clock_timestamp() + $4 * interval '1 second'
                 FROM free WHERE inputs.id = free.id
                 RETURNING inputs.id, locator, format, bytes, meta",
                free(2, 3)
            ),
            &[&(limit as i64), &pid, &start, &lease],
        )?;
        rows.sort_by_key(|r| r.get::<_, i64>(0));
        Ok(rows
            .iter()
            .map(|r| {
                let meta: Option<String> = r.get(4);
                (
                    r.get(0),
                    RawInput {
                        locator: r.get(1),
                        format: r.get(2),
                        bytes: r.get::<_, Option<Vec<u8>>>(3).unwrap_or_default(),
                        meta: meta.and_then(|m| serde_json::from_str(&m).ok()),
                    },
                )
            })
            .collect())
    }

    fn article_page(&self, cond: &str, arg: i64, limit: usize) -> PgResult<Vec<ArticleRow>> {
        let rows = self.client()?.query(
            &format!(
                "SELECT {ARTICLE_COLS} FROM articles a JOIN inputs i ON i.id = a.input_id
                 WHERE {cond} ORDER BY a.id LIMIT $1"
            ),
            &[&(limit as i64), &arg],
        )?;
        Ok(rows.iter().map(|r| row_to_article(r, false)).collect())
    }

    fn article_db(&self, id: ArticleId) -> PgResult<Option<ArticleRow>> {
        let row = self.client()?.query_opt(
            &format!(
                "SELECT {ARTICLE_COLS} FROM articles a JOIN inputs i ON i.id = a.input_id
                 WHERE a.id = $1"
            ),
            &[&id],
        )?;
        Ok(row.map(|r| row_to_article(&r, true)))
    }

    fn failed_inputs_db(&self, limit: usize) -> PgResult<Vec<FailedInput>> {
        let rows = self.client()?.query(
            "SELECT id, locator, COALESCE(error, '') FROM inputs
             WHERE status = 'failed' ORDER BY id LIMIT $1",
            &[&(limit as i64)],
        )?;
        Ok(rows
            .iter()
            .map(|r| FailedInput {
                id: r.get(0),
                locator: r.get(1),
                error: r.get(2),
            })
            .collect())
    }

    fn counts_db(&self) -> PgResult<Counts> {
        let r = self.client()?.query_one(
            "SELECT (SELECT count(*) FROM inputs),
                    (SELECT count(*) FROM inputs WHERE status = 'failed'),
                    (SELECT count(*) FROM inputs WHERE status = 'pending'),
                    (SELECT count(*) FROM articles),
                    (SELECT count(DISTINCT story_id) FROM articles)",
            &[],
        )?;
        Ok(Counts {
            inputs: r.get(0),
            failed_inputs: r.get(1),
            pending_inputs: r.get(2),
            articles: r.get(3),
            stories: r.get(4),
        })
    }

    fn published_span_db(&self) -> PgResult<Option<(String, String)>> {
        let r = self.client()?.query_one(
            "SELECT min(published), max(published) FROM articles WHERE published IS NOT NULL",
            &[],
        )?;
        Ok(match (r.get(0), r.get(1)) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        })
    }

    fn to_extract_db(
        &self,
        version: &str,
        all: bool,
        after: ArticleId,
        limit: usize,
    ) -> PgResult<Vec<ArticleRow>> {
        let base = format!(
            "SELECT {ARTICLE_COLS} FROM articles a JOIN inputs i ON i.id = a.input_id
             WHERE a.id > $1 AND"
        );
        let mut c = self.client()?;
        let rows = if all {
            c.query(
                &format!("{base} TRUE ORDER BY a.id LIMIT $2"),
                &[&after, &(limit as i64)],
            )?
        } else {
            c.query(
                &format!(
                    "{base} (a.extracted_version IS NULL OR a.extracted_version <> $3)
                     ORDER BY a.id LIMIT $2"
                ),
                &[&after, &(limit as i64), &version],
            )?
        };
        Ok(rows.iter().map(|r| row_to_article(r, true)).collect())
    }

    fn put_reports_db(
        &mut self,
        version: &str,
        batch: Vec<(ArticleId, Vec<ReportRow>)>,
    ) -> PgResult<()> {
        // an article named twice keeps its last reports, as writing them in turn would
        let mut last: std::collections::BTreeMap<ArticleId, &[ReportRow]> = Default::default();
        for (article, rows) in &batch {
            last.insert(*article, rows);
        }
        let ids: Vec<i64> = last.keys().copied().collect();
        let rows: Vec<(ArticleId, &[ReportRow])> = last.into_iter().collect();
        let mut tx = write_tx(self.client.get_mut())?;
        tx.execute("DELETE FROM reports WHERE article_id = ANY($1)", &[&ids])?;
        insert_reports(&mut tx, &rows)?;
        tx.execute(
            "UPDATE articles SET extracted_version = $2 WHERE id = ANY($1)",
            &[&ids, &version],
        )?;
        if !batch.is_empty() {
            tx.execute(BUMP_GENERATION, &[])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Visits the reports `cond` selects in id order (which is (article, position) order),
    /// a page at a time, without holding the connection while `visit` runs.
    fn visit_reports(
        &self,
        cond: &str,
        args: &[&(dyn postgres::types::ToSql + Sync)],
        mut after: i64,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> PgResult<()> {
        let n = args.len();
        let sql = format!(
            "SELECT {REPORT_COLS} FROM reports r JOIN articles a ON a.id = r.article_id
             WHERE r.id > ${} AND {cond} ORDER BY r.id LIMIT {PAGE}",
            n + 1
        );
        loop {
            let rows = {
                let mut c = self.client()?;
                let mut all: Vec<&(dyn postgres::types::ToSql + Sync)> = args.to_vec();
                all.push(&after);
                c.query(&sql, &all)?
            };
            for r in &rows {
                if !visit(stored_report(r)) {
                    return Ok(());
                }
            }
            match rows.last() {
                Some(r) if rows.len() as i64 == PAGE => after = r.get(0),
                _ => return Ok(()),
            }
        }
    }

    fn reports_db(
        &self,
        filter: ReportFilter,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> PgResult<()> {
        let mut conds: Vec<String> = vec!["TRUE".into()];
        let mut args: Vec<&(dyn postgres::types::ToSql + Sync)> = Vec::new();
        if let Some(a) = &filter.article {
            args.push(a);
            conds.push(format!("r.article_id = ${}", args.len()));
        }
        if let Some(k) = &filter.kind {
            args.push(k);
            conds.push(format!("r.kind = ${}", args.len()));
        }
        if filter.undated {
            conds.push("a.published IS NULL".into());
        }
        self.visit_reports(&conds.join(" AND "), &args, i64::MIN, visit)
    }

    fn reports_after_db(
        &self,
        after_article: ArticleId,
        visit: &mut dyn FnMut(StoredReport) -> bool,
    ) -> PgResult<()> {
        // the last report id an article `after_article` could have
        let after = after_article
            .saturating_add(1)
            .saturating_mul(REPORTS_PER_ARTICLE)
            .saturating_sub(1);
        self.visit_reports("TRUE", &[], after, visit)
    }

    fn report_counts_db(&self) -> PgResult<Vec<(String, i64)>> {
        let rows = self.client()?.query(
            "SELECT kind, count(*) FROM reports GROUP BY kind ORDER BY kind",
            &[],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// A numeric value of `state`.
    fn state(&self, key: &str) -> PgResult<Option<i64>> {
        let v: Option<String> = self
            .client()?
            .query_opt("SELECT value FROM state WHERE key = $1", &[&key])?
            .map(|r| r.get(0));
        Ok(v.and_then(|v| v.parse().ok()))
    }

    fn article_text_db(&self, id: ArticleId) -> PgResult<Option<String>> {
        Ok(self
            .client()?
            .query_opt("SELECT text FROM articles WHERE id = $1", &[&id])?
            .map(|r| r.get(0)))
    }
}

/// What [`Placer`] asks of the stored articles, read for the whole batch before it is placed
/// with four statements (the articles its inputs already hold, the first articles with its
/// texts' hashes, with each of those hashes and URL, and the LSH buckets of its band keys)
/// rather than some twenty round trips per article; signatures of candidates are read one
/// by one (most come from the placer's cache). Nothing is written while the batch is placed,
/// so what was read is what each lookup would have found.
struct Prefetched<'a, 't> {
    tx: &'a mut Transaction<'t>,
    held: HashMap<(InputId, i32), ArticleId>,
    first: HashMap<Vec<u8>, StoredText>,
    first_with_url: HashMap<(Vec<u8>, Option<String>), ArticleId>,
    buckets: HashMap<(i32, i64), Vec<ArticleId>>,
    signature: postgres::Statement,
}

impl<'a, 't> Prefetched<'a, 't> {
    fn read(
        tx: &'a mut Transaction<'t>,
        batch: &[(InputId, Finish)],
        hashes: &[TextHash],
    ) -> std::result::Result<Self, postgres::Error> {
        let mut inputs = Vec::new();
        let mut items = Vec::new();
        let mut bands = Vec::new();
        let mut keys = Vec::new();
        for (input, finish) in batch {
            if let Finish::Parsed { articles, .. } = finish {
                for new in articles {
                    inputs.push(*input);
                    items.push(new.item as i32);
                    for (band, key) in new.signature.band_keys().iter().enumerate() {
                        bands.push(band as i32);
                        keys.push(*key);
                    }
                }
            }
        }
        let text_hashes: Vec<&[u8]> = hashes.iter().map(|h| &h[..]).collect();
        let mut held = HashMap::new();
        for r in tx.query(
            "SELECT a.input_id, a.item, a.id FROM articles a
             JOIN unnest($1::bigint[], $2::int[]) AS u (input_id, item)
               ON a.input_id = u.input_id AND a.item = u.item",
            &[&inputs, &items],
        )? {
            held.insert((r.get(0), r.get(1)), r.get(2));
        }
        let mut first = HashMap::new();
        let mut first_with_url = HashMap::new();
        for r in tx.query(
            "SELECT text_hash, url, id, story_id FROM articles WHERE text_hash = ANY($1)
             ORDER BY id",
            &[&text_hashes],
        )? {
            let hash: Vec<u8> = r.get(0);
            let url: Option<String> = r.get(1);
            let id: ArticleId = r.get(2);
            first_with_url
                .entry((hash.clone(), url.clone()))
                .or_insert(id);
            first.entry(hash).or_insert(StoredText {
                id,
                story: r.get(3),
                url,
            });
        }
        let mut buckets: HashMap<(i32, i64), Vec<ArticleId>> = HashMap::new();
        for r in tx.query(
            &format!(
                "SELECT band, key, article_id FROM (
                     SELECT b.band, b.key, b.article_id, row_number() OVER
                         (PARTITION BY b.band, b.key ORDER BY b.article_id) AS n
                     FROM lsh_bands b
                     JOIN (SELECT DISTINCT * FROM unnest($1::int[], $2::bigint[])) AS u (band, key)
                       ON b.band = u.band AND b.key = u.key
                 ) t WHERE n <= {}
                 ORDER BY band, key, article_id",
                placement::MAX_CANDIDATES_PER_BAND
            ),
            &[&bands, &keys],
        )? {
            buckets
                .entry((r.get(0), r.get(1)))
                .or_default()
                .push(r.get(2));
        }
        let signature = tx.prepare("SELECT story_id, minhash FROM articles WHERE id = $1")?;
        Ok(Prefetched {
            tx,
            held,
            first,
            first_with_url,
            buckets,
            signature,
        })
    }
}

impl StoredArticles for Prefetched<'_, '_> {
    type Error = postgres::Error;

    fn held(
        &mut self,
        input: InputId,
        item: u32,
    ) -> std::result::Result<Option<ArticleId>, postgres::Error> {
        Ok(self.held.get(&(input, item as i32)).copied())
    }

    fn first_with_text(
        &mut self,
        text: &TextHash,
    ) -> std::result::Result<Option<StoredText>, postgres::Error> {
        Ok(self.first.get(&text[..]).cloned())
    }

    fn first_with_text_and_url(
        &mut self,
        text: &TextHash,
        url: Option<&str>,
    ) -> std::result::Result<Option<ArticleId>, postgres::Error> {
        Ok(self
            .first_with_url
            .get(&(text.to_vec(), url.map(str::to_string)))
            .copied())
    }

    fn bucket(
        &mut self,
        band: usize,
        key: i64,
        out: &mut Vec<ArticleId>,
    ) -> std::result::Result<(), postgres::Error> {
        if let Some(ids) = self.buckets.get(&(band as i32, key)) {
            out.extend_from_slice(ids);
        }
        Ok(())
    }

    fn signature(
        &mut self,
        id: ArticleId,
    ) -> std::result::Result<Option<(i64, Signature)>, postgres::Error> {
        let row = self.tx.query_opt(&self.signature, &[&id])?;
        Ok(row.and_then(|r| {
            let blob: Vec<u8> = r.get(1);
            Signature::from_bytes(&blob).map(|s| (r.get(0), s))
        }))
    }
}

/// Each input's outcome, done (with its warnings) or failed, in one statement.
fn write_statuses(tx: &mut Transaction<'_>, batch: &[(InputId, Finish)]) -> PgResult<()> {
    let mut ids = Vec::with_capacity(batch.len());
    let mut statuses = Vec::with_capacity(batch.len());
    let mut errors: Vec<Option<&str>> = Vec::with_capacity(batch.len());
    let mut warnings: Vec<Option<String>> = Vec::with_capacity(batch.len());
    for (input, finish) in batch {
        ids.push(*input);
        match finish {
            Finish::Failed(error) => {
                statuses.push("failed");
                errors.push(Some(no_nul("an input's error", error)?));
                warnings.push(None);
            }
            Finish::Parsed { warnings: w, .. } => {
                statuses.push("done");
                errors.push(None);
                warnings.push((!w.is_empty()).then(|| w.join("\n").replace('\0', " ")));
            }
        }
    }
    tx.execute(
        "UPDATE inputs SET status = u.status, error = u.error, warnings = u.warnings,
             finished_at = $5, claimed_pid = NULL, claimed_start = NULL, lease_until = NULL
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])
             AS u (id, status, error, warnings)
         WHERE inputs.id = u.id",
        &[&ids, &statuses, &errors, &warnings, &now()],
    )?;
    Ok(())
}

/// The batch's new articles in one statement; an article extracted in the pipeline carries
/// its extraction version from the start.
fn write_articles(
    tx: &mut Transaction<'_>,
    batch: &[(InputId, Finish)],
    plan: &BatchPlan,
    extracted: Option<(&str, &[Vec<Vec<ReportRow>>])>,
) -> PgResult<()> {
    if plan.articles.is_empty() {
        return Ok(());
    }
    let n = plan.articles.len();
    let mut id = Vec::with_capacity(n);
    let mut input = Vec::with_capacity(n);
    let mut item = Vec::with_capacity(n);
    let mut url: Vec<Option<&str>> = Vec::with_capacity(n);
    let mut outlet: Vec<Option<&str>> = Vec::with_capacity(n);
    let mut published: Vec<Option<String>> = Vec::with_capacity(n);
    let mut basis: Vec<&str> = Vec::with_capacity(n);
    let mut title: Vec<Option<&str>> = Vec::with_capacity(n);
    let mut lang: Vec<&str> = Vec::with_capacity(n);
    let mut text: Vec<&str> = Vec::with_capacity(n);
    let mut text_hash: Vec<&[u8]> = Vec::with_capacity(n);
    let mut story = Vec::with_capacity(n);
    let mut copy_of: Vec<Option<i64>> = Vec::with_capacity(n);
    let mut minhash: Vec<Vec<u8>> = Vec::with_capacity(n);
    let mut version: Vec<Option<&str>> = Vec::with_capacity(n);
    for p in &plan.articles {
        let (i, Finish::Parsed { articles, .. }) = &batch[p.at.0] else {
            unreachable!("the plan places articles of parsed inputs only")
        };
        let new = &articles[p.at.1];
        let a = &new.article;
        id.push(p.id);
        input.push(*i);
        item.push(new.item as i32);
        url.push(
            a.url
                .as_deref()
                .map(|s| no_nul("an article's URL", s))
                .transpose()?,
        );
        outlet.push(
            a.outlet
                .as_deref()
                .map(|s| no_nul("an article's outlet", s))
                .transpose()?,
        );
        published.push(a.published.map(|d| d.format("%Y-%m-%d").to_string()));
        basis.push(a.published_basis.code());
        title.push(
            a.title
                .as_deref()
                .map(|s| no_nul("an article's title", s))
                .transpose()?,
        );
        lang.push(a.lang.code());
        text.push(no_nul("an article's text", &a.text)?);
        text_hash.push(&p.text_hash[..]);
        story.push(p.story);
        copy_of.push(p.copy_of);
        minhash.push(new.signature.to_bytes());
        version.push(
            extracted.and_then(|(v, reports)| {
                reports.get(p.at.0).and_then(|r| r.get(p.at.1)).map(|_| v)
            }),
        );
    }
    tx.execute(
        "INSERT INTO articles (id, input_id, item, url, outlet, published, published_basis,
             title, lang, text, text_hash, story_id, copy_of, minhash, extracted_version)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[],
             $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bytea[],
             $12::bigint[], $13::bigint[], $14::bytea[], $15::text[])
         ORDER BY 1",
        &[
            &id, &input, &item, &url, &outlet, &published, &basis, &title, &lang, &text,
            &text_hash, &story, &copy_of, &minhash, &version,
        ],
    )?;
    Ok(())
}

/// Reports of articles (at most [`REPORTS_PER_ARTICLE`] each), ids from (article,
/// position), in one statement.
fn insert_reports(tx: &mut Transaction<'_>, rows: &[(ArticleId, &[ReportRow])]) -> PgResult<()> {
    let mut article = Vec::new();
    let mut idx = Vec::new();
    let mut kind = Vec::new();
    let mut event_type = Vec::new();
    let mut modality = Vec::new();
    let mut date: Vec<Option<&str>> = Vec::new();
    let mut json = Vec::new();
    for (a, reports) in rows {
        for (i, r) in reports
            .iter()
            .enumerate()
            .take(REPORTS_PER_ARTICLE as usize)
        {
            article.push(*a);
            idx.push(i as i32);
            kind.push(r.kind.as_str());
            event_type.push(r.event_type.as_str());
            modality.push(r.modality.as_str());
            date.push(r.date.as_deref());
            json.push(no_nul("a report", &r.json)?);
        }
    }
    if article.is_empty() {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO reports (id, article_id, idx, kind, event_type, modality, date, json)
         SELECT u.a * $8 + u.i, u.a, u.i, u.k, u.e, u.m, u.d, u.j
         FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
             $7::text[]) AS u (a, i, k, e, m, d, j)",
        &[
            &article,
            &idx,
            &kind,
            &event_type,
            &modality,
            &date,
            &json,
            &REPORTS_PER_ARTICLE,
        ],
    )?;
    Ok(())
}

/// The LSH entries of the batch's articles that start a story, in one statement.
fn write_bands(tx: &mut Transaction<'_>, plan: &BatchPlan) -> PgResult<()> {
    if plan.bands.is_empty() {
        return Ok(());
    }
    let band: Vec<i32> = plan.bands.iter().map(|b| b.0 as i32).collect();
    let key: Vec<i64> = plan.bands.iter().map(|b| b.1).collect();
    let article: Vec<i64> = plan.bands.iter().map(|b| b.2).collect();
    tx.execute(
        "INSERT INTO lsh_bands (band, key, article_id)
         SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[])
         ON CONFLICT DO NOTHING",
        &[&band, &key, &article],
    )?;
    Ok(())
}
