//! The ledger rows, ledger versions, the review decision log, feeds and ledger changes in
//! the PostgreSQL backend, and its [`Store`] implementation. Each mirrors the SQLite
//! backend's module of the same matter (`sqlite/ledger_rows.rs`, `versions.rs`,
//! `decisions.rs`, `feeds.rs`), with the same statements where the dialects agree; the order
//! of published rows is [`crate::ledger::order`]'s, as there.

use std::collections::{BTreeMap, BTreeSet};

use postgres::types::ToSql;
use postgres::Transaction;

use super::{write_tx, PgResult, PostgresStore, BUMP_GENERATION, PAGE};
use crate::ledger::{self, day_range, EntryKeys, SortKey, VersionHasher, ALL_TABLES};
use crate::rows::{
    change_of, decision_of, feed_of, incident_change_of, version_of, CHANGE_COLUMNS,
    DECISION_COLUMNS, FEED_COLUMNS, FEED_STATE_COLUMNS,
};
use crate::{
    Admission, ArticleId, ArticleRow, Counts, DecisionRow, FailedInput, FeedState, Finish,
    Identities, IncidentChange, InputId, LedgerChange, LedgerFilter, LedgerList, LedgerRow,
    LedgerVersion, Outcome, Publication, Published, RawInput, ReportFilter, ReportRow, Result,
    SearchHit, Store, StoredReport,
};

type Param<'a> = &'a (dyn ToSql + Sync);

/// Runs `sql` in a read-only, repeatable-read transaction (one snapshot, as SQLite's one
/// statement gives) and hands each row's first column to `visit`, a page at a time, until it
/// returns false. The connection is held while `visit` runs: a visitor that calls the store
/// gets an error (see [`PostgresStore`]).
fn stream_text(
    store: &PostgresStore,
    sql: &str,
    params: &[Param<'_>],
    visit: &mut dyn FnMut(&str) -> bool,
) -> PgResult<()> {
    let mut c = store.client()?;
    let mut tx = c
        .build_transaction()
        .read_only(true)
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .start()?;
    let stmt = tx.prepare(sql)?;
    let portal = tx.bind(&stmt, params)?;
    loop {
        let rows = tx.query_portal(&portal, PAGE as i32)?;
        for r in &rows {
            if !visit(r.get::<_, &str>(0)) {
                return Ok(());
            }
        }
        if (rows.len() as i64) < PAGE {
            return Ok(());
        }
    }
}

fn state_in(tx: &mut Transaction<'_>, key: &str) -> PgResult<Option<i64>> {
    let v: Option<String> = tx
        .query_opt("SELECT value FROM state WHERE key = $1", &[&key])?
        .map(|r| r.get(0));
    Ok(v.and_then(|v| v.parse().ok()))
}

fn set_state(tx: &mut Transaction<'_>, key: &str, value: i64) -> PgResult<()> {
    tx.execute(
        "INSERT INTO state (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[&key, &value.to_string()],
    )?;
    Ok(())
}

fn drop_build(tx: &mut Transaction<'_>, build: i64) -> PgResult<()> {
    for t in ALL_TABLES {
        tx.execute(&format!("DELETE FROM {t} WHERE build = $1"), &[&build])?;
    }
    Ok(())
}

fn drop_older(tx: &mut Transaction<'_>, build: i64) -> PgResult<()> {
    for t in ALL_TABLES {
        tx.execute(&format!("DELETE FROM {t} WHERE build < $1"), &[&build])?;
    }
    Ok(())
}

/// Orders build `build`'s rows, numbers repeated tally and development ids, and records the
/// build as the published ledger of `generation` (see `sqlite/ledger_rows.rs`, `place_rows`).
fn place_rows(tx: &mut Transaction<'_>, build: i64, generation: i64) -> PgResult<()> {
    for list in LedgerList::ALL {
        let t = list.table();
        let keys: Vec<SortKey> = tx
            .query(
                &format!("SELECT rid, date, id, ord FROM {t} WHERE build = $1"),
                &[&build],
            )?
            .iter()
            .map(|r| SortKey {
                row: r.get(0),
                date: r.get(1),
                id: r.get(2),
                ord: r.get(3),
            })
            .collect();
        let mut rows = Vec::with_capacity(keys.len());
        let mut positions = Vec::with_capacity(keys.len());
        let mut renames = Vec::new();
        for p in ledger::order(list, keys) {
            match p.new_id {
                None => {
                    rows.push(p.row);
                    positions.push(p.pos);
                }
                Some(new_id) => renames.push((p.row, p.pos, new_id)),
            }
        }
        tx.execute(
            &format!(
                "UPDATE {t} SET pos = u.pos FROM unnest($1::bigint[], $2::bigint[]) AS u (rid, pos)
                 WHERE {t}.rid = u.rid"
            ),
            &[&rows, &positions],
        )?;
        for (row, pos, new_id) in renames {
            let r = tx.query_one(&format!("SELECT id, json FROM {t} WHERE rid = $1"), &[&row])?;
            let json = ledger::with_id(r.get(1), r.get(0), &new_id)?;
            tx.execute(
                &format!("UPDATE {t} SET pos = $2, id = $3, json = $4 WHERE rid = $1"),
                &[&row, &pos, &new_id, &json],
            )?;
        }
    }
    set_state(tx, "ledger_build", build)?;
    set_state(tx, "ledger_generation", generation)?;
    Ok(())
}

fn latest_version(tx: &mut Transaction<'_>) -> PgResult<Option<i64>> {
    Ok(tx
        .query_one("SELECT max(version) FROM ledger_versions", &[])?
        .get(0))
}

/// The version hash of build `build` ([`VersionHasher`]: the framing shared with every
/// backend), its rows streamed a page at a time in published order, and its number of
/// incidents.
fn ledger_hash(tx: &mut Transaction<'_>, build: i64) -> PgResult<(String, i64)> {
    let mut h = VersionHasher::new();
    for list in VersionHasher::LISTS {
        h.list(list);
        let stmt = tx.prepare(&format!(
            "SELECT json FROM {} WHERE build = $1 ORDER BY pos",
            list.table()
        ))?;
        let portal = tx.bind(&stmt, &[&build])?;
        loop {
            let rows = tx.query_portal(&portal, PAGE as i32)?;
            for r in &rows {
                h.entry(r.get::<_, &str>(0).as_bytes());
            }
            if (rows.len() as i64) < PAGE {
                break;
            }
        }
    }
    Ok(h.finish())
}

/// Snapshots and change rows of `version` (see `sqlite/versions.rs`, `record_changes`).
fn record_changes(
    tx: &mut Transaction<'_>,
    version: i64,
    build: i64,
    before: i64,
    p: &Publication,
) -> PgResult<()> {
    let snap = tx.prepare(
        "INSERT INTO incident_snapshots (id, version, date, json) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id, version) DO UPDATE SET date = excluded.date, json = excluded.json",
    )?;
    let change = tx.prepare(
        "INSERT INTO incident_changes (version, id, kind, other) VALUES ($1, $2, $3, $4)",
    )?;
    let none: Option<String> = None;
    let changed = tx.query(
        "SELECT n.id, n.date, n.json, o.rid IS NULL FROM ledger_incidents n
         LEFT JOIN ledger_incidents o ON o.build = $2 AND o.id = n.id
         WHERE n.build = $1 AND (o.rid IS NULL OR o.json <> n.json)
         ORDER BY n.rid",
        &[&build, &before],
    )?;
    for r in &changed {
        let id: &str = r.get(0);
        let date: Option<&str> = r.get(1);
        let json: &str = r.get(2);
        let new: bool = r.get(3);
        tx.execute(&snap, &[&id, &version, &date, &json])?;
        let kind = if new { "new" } else { "revised" };
        tx.execute(&change, &[&version, &id, &kind, &none])?;
    }
    let fates: BTreeMap<&str, (&str, Option<&str>)> = p
        .fates
        .iter()
        .filter(|f| f.1 != "split")
        .map(|(id, kind, other)| (id.as_str(), (kind.as_str(), other.as_deref())))
        .collect();
    let gone: Vec<String> = tx
        .query(
            "SELECT o.id FROM ledger_incidents o WHERE o.build = $2
             AND NOT EXISTS (SELECT 1 FROM ledger_incidents n WHERE n.build = $1 AND n.id = o.id)
             ORDER BY o.rid",
            &[&build, &before],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for id in gone {
        tx.execute(&snap, &[&id, &version, &none, &none])?;
        match fates.get(id.as_str()) {
            Some(("merged", Some(into))) => {
                tx.execute(&change, &[&version, &id, &"merged", into])?;
                tx.execute(
                    "INSERT INTO incident_redirects (id, into_id, version) VALUES ($1, $2, $3)
                     ON CONFLICT (id) DO UPDATE
                         SET into_id = excluded.into_id, version = excluded.version",
                    &[&id, into, &version],
                )?;
            }
            _ => {
                tx.execute(&change, &[&version, &id, &"withdrawn", &none])?;
            }
        }
    }
    for (id, kind, other) in &p.fates {
        if kind == "split" {
            tx.execute(&change, &[&version, id, &"split", other])?;
        }
    }
    Ok(())
}

impl PostgresStore {
    fn begin_ledger_db(&mut self) -> PgResult<i64> {
        let mut tx = write_tx(self.client.get_mut())?;
        let next = match state_in(&mut tx, "ledger_next_build")? {
            Some(n) => n,
            None => {
                let mut last: i64 = 0;
                for t in ALL_TABLES {
                    let m: Option<i64> = tx
                        .query_one(&format!("SELECT max(build) FROM {t}"), &[])?
                        .get(0);
                    last = last.max(m.unwrap_or(0));
                }
                last + 1
            }
        };
        set_state(&mut tx, "ledger_next_build", next + 1)?;
        tx.commit()?;
        Ok(next)
    }

    fn put_ledger_rows_db(
        &mut self,
        build: i64,
        list: LedgerList,
        rows: &[LedgerRow],
    ) -> PgResult<()> {
        let mut ord = Vec::with_capacity(rows.len());
        let mut id = Vec::with_capacity(rows.len());
        let mut date: Vec<Option<String>> = Vec::with_capacity(rows.len());
        let mut lo: Vec<Option<String>> = Vec::new();
        let mut hi: Vec<Option<String>> = Vec::new();
        let mut event_type = Vec::new();
        let mut json: Vec<&str> = Vec::with_capacity(rows.len());
        for row in rows {
            let k = EntryKeys::of(list, &row.json)?;
            if list == LedgerList::Incidents {
                let (l, h) = day_range(k.date.as_deref());
                lo.push(l);
                hi.push(h);
                event_type.push(k.event_type);
            }
            ord.push(row.ord);
            id.push(k.id);
            date.push(k.date);
            json.push(super::no_nul("a ledger entry", &row.json)?);
        }
        let mut tx = write_tx(self.client.get_mut())?;
        if list == LedgerList::Incidents {
            tx.execute(
                "INSERT INTO ledger_incidents (build, ord, id, date, day_lo, day_hi, event_type, json)
                 SELECT $1, u.ord, u.id, u.date, u.lo, u.hi, u.et, u.json
                 FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[],
                     $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
                     AS u (ord, id, date, lo, hi, et, json, n)
                 ORDER BY u.n",
                &[&build, &ord, &id, &date, &lo, &hi, &event_type, &json],
            )?;
        } else {
            tx.execute(
                &format!(
                    "INSERT INTO {} (build, ord, id, date, json)
                     SELECT $1, u.ord, u.id, u.date, u.json FROM unnest($2::bigint[], $3::text[],
                         $4::text[], $5::text[]) WITH ORDINALITY AS u (ord, id, date, json, n)
                     ORDER BY u.n",
                    list.table()
                ),
                &[&build, &ord, &id, &date, &json],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn publish_ledger_db(&mut self, build: i64, generation: i64) -> PgResult<()> {
        let mut tx = write_tx(self.client.get_mut())?;
        if state_in(&mut tx, "ledger_build")?.is_some_and(|p| p >= build) {
            drop_build(&mut tx, build)?;
        } else {
            place_rows(&mut tx, build, generation)?;
            drop_older(&mut tx, build)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn ledger_rows_db(
        &self,
        list: LedgerList,
        filter: &LedgerFilter,
        visit: &mut dyn FnMut(&str) -> bool,
    ) -> PgResult<()> {
        const BUILD: &str = "(SELECT value::bigint FROM state WHERE key = 'ledger_build')";
        match list {
            LedgerList::Incidents => stream_text(
                self,
                &format!(
                    "SELECT json FROM ledger_incidents
                     WHERE build = {BUILD}
                       AND ($1::text IS NULL OR day_hi >= $1) AND ($2::text IS NULL OR day_lo <= $2)
                       AND (($1::text IS NULL AND $2::text IS NULL) OR date IS NOT NULL)
                       AND ($3::text IS NULL OR event_type = $3)
                     ORDER BY pos"
                ),
                &[&filter.from, &filter.to, &filter.event_type],
                visit,
            ),
            _ => stream_text(
                self,
                &format!(
                    "SELECT json FROM {} WHERE build = {BUILD} ORDER BY pos",
                    list.table()
                ),
                &[],
                visit,
            ),
        }
    }

    fn publish_version_db(
        &mut self,
        build: i64,
        generation: i64,
        p: &Publication,
    ) -> PgResult<Published> {
        let mut tx = write_tx(self.client.get_mut())?;
        let previous = state_in(&mut tx, "ledger_build")?;
        if previous.is_some_and(|b| b >= build) {
            drop_build(&mut tx, build)?;
            tx.commit()?;
            return Ok(Published::Dropped);
        }
        let latest = latest_version(&mut tx)?;
        if latest != p.base {
            return Ok(Published::Stale);
        }
        place_rows(&mut tx, build, generation)?;
        let (hash, incidents) = ledger_hash(&mut tx, build)?;
        let last_hash: Option<String> = tx
            .query_opt(
                "SELECT hash FROM ledger_versions ORDER BY version DESC LIMIT 1",
                &[],
            )?
            .map(|r| r.get(0));
        let outcome = if last_hash.as_deref() == Some(hash.as_str()) {
            Published::Unchanged(latest.unwrap_or(0))
        } else {
            let version = latest.unwrap_or(0) + 1;
            tx.execute(
                "INSERT INTO ledger_versions (version, hash, published_at, generation, incidents)
                 VALUES ($1, $2, $3, $4, $5)",
                &[&version, &hash, &p.at, &generation, &incidents],
            )?;
            let before = if latest.is_some() { previous } else { None };
            record_changes(&mut tx, version, build, before.unwrap_or(-1), p)?;
            Published::Version(version)
        };
        tx.execute("DELETE FROM incident_members", &[])?;
        let mut keys = Vec::new();
        let mut ids = Vec::new();
        for (id, members) in &p.members {
            for k in members {
                keys.push(*k);
                ids.push(id.as_str());
            }
        }
        tx.execute(
            "INSERT INTO incident_members (key, id)
             SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING",
            &[&keys, &ids],
        )?;
        drop_older(&mut tx, build)?;
        tx.commit()?;
        Ok(outcome)
    }

    fn identities_db(&self) -> PgResult<Identities> {
        let mut c = self.client()?;
        let mut tx = c
            .build_transaction()
            .read_only(true)
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .start()?;
        let version = latest_version(&mut tx)?;
        let mut members: BTreeMap<String, Vec<i64>> = BTreeMap::new();
        for r in tx.query("SELECT id, key FROM incident_members ORDER BY id, key", &[])? {
            members.entry(r.get(0)).or_default().push(r.get(1));
        }
        let retired: BTreeSet<String> = tx
            .query("SELECT id FROM incident_redirects", &[])?
            .iter()
            .map(|r| r.get(0))
            .collect();
        Ok(Identities {
            version,
            members,
            retired,
        })
    }

    fn ledger_versions_db(&self) -> PgResult<Vec<LedgerVersion>> {
        let rows = self.client()?.query(
            "SELECT v.version, v.hash, v.published_at, v.generation, v.incidents,
                    (SELECT count(*) FROM incident_changes c WHERE c.version = v.version)
             FROM ledger_versions v ORDER BY v.version",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(version_of)
            .collect::<std::result::Result<_, _>>()?)
    }

    fn incidents_at_db(&self, version: i64, visit: &mut dyn FnMut(&str) -> bool) -> PgResult<()> {
        stream_text(
            self,
            "SELECT s.json FROM incident_snapshots s
             WHERE s.version = (SELECT max(version) FROM incident_snapshots
                                WHERE id = s.id AND version <= $1)
               AND s.json IS NOT NULL
             ORDER BY s.date IS NULL, s.date, s.id",
            &[&version],
            visit,
        )
    }

    fn incident_at_db(&self, id: &str, version: i64) -> PgResult<Option<String>> {
        let row = self.client()?.query_opt(
            "SELECT json FROM incident_snapshots WHERE id = $1 AND version <= $2
             ORDER BY version DESC LIMIT 1",
            &[&id, &version],
        )?;
        Ok(row.and_then(|r| r.get(0)))
    }

    fn incident_changes_db(
        &self,
        after: i64,
        through: i64,
        id: Option<&str>,
    ) -> PgResult<Vec<IncidentChange>> {
        let rows = self.client()?.query(
            "SELECT version, id, kind, other FROM incident_changes
             WHERE version > $1 AND version <= $2 AND ($3::text IS NULL OR id = $3 OR other = $3)
             ORDER BY version, id, kind, other NULLS FIRST",
            &[&after, &through, &id],
        )?;
        Ok(rows
            .iter()
            .map(incident_change_of)
            .collect::<std::result::Result<_, _>>()?)
    }

    fn append_decisions_db(&mut self, rows: &[DecisionRow]) -> PgResult<usize> {
        let mut tx = write_tx(self.client.get_mut())?;
        let ins = tx.prepare(
            "INSERT INTO decisions (id, author, at, kind, incident, json)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
        )?;
        let mut added = 0;
        for r in rows {
            let json = super::no_nul("a decision", &r.json)?;
            added += tx.execute(
                &ins,
                &[&r.id, &r.author, &r.at, &r.kind, &r.incident, &json],
            )? as usize;
        }
        if added > 0 {
            // the ledger is a function of the reports and the decisions: rebuild it
            tx.execute(BUMP_GENERATION, &[])?;
        }
        tx.commit()?;
        Ok(added)
    }

    fn decisions_db(&self, visit: &mut dyn FnMut(DecisionRow) -> bool) -> PgResult<()> {
        let mut after = 0i64;
        loop {
            let rows = self.client()?.query(
                &format!(
                    "SELECT seq, {DECISION_COLUMNS} FROM decisions
                     WHERE seq > $1 ORDER BY seq LIMIT {PAGE}"
                ),
                &[&after],
            )?;
            for r in &rows {
                let row = decision_of(r, 1)?;
                if !visit(row) {
                    return Ok(());
                }
            }
            match rows.last() {
                Some(r) if rows.len() as i64 == PAGE => after = r.get(0),
                _ => return Ok(()),
            }
        }
    }

    fn feeds_db(&self) -> PgResult<Vec<FeedState>> {
        let rows = self.client()?.query(
            &format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY url"),
            &[],
        )?;
        Ok(rows
            .iter()
            .map(feed_of)
            .collect::<std::result::Result<_, _>>()?)
    }

    fn feed_db(&self, url: &str) -> PgResult<Option<FeedState>> {
        let row = self.client()?.query_opt(
            &format!("SELECT {FEED_COLUMNS} FROM feeds WHERE url = $1"),
            &[&url],
        )?;
        Ok(row.as_ref().map(feed_of).transpose()?)
    }

    fn add_feed_db(&mut self, url: &str, now_ms: i64) -> PgResult<bool> {
        let mut tx = write_tx(self.client.get_mut())?;
        let n = tx.execute(
            "INSERT INTO feeds (url, added_ms) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&super::no_nul("a feed's URL", url)?, &now_ms],
        )?;
        tx.commit()?;
        Ok(n == 1)
    }

    fn remove_feed_db(&mut self, url: &str) -> PgResult<bool> {
        let mut tx = write_tx(self.client.get_mut())?;
        let n = tx.execute("DELETE FROM feeds WHERE url = $1", &[&url])?;
        tx.commit()?;
        Ok(n == 1)
    }

    fn put_feed_db(&mut self, f: &FeedState) -> PgResult<()> {
        let mut tx = write_tx(self.client.get_mut())?;
        // the claim this state names is released; another worker's is kept (the SET's
        // right-hand sides read the row as it was)
        tx.execute(
            &format!(
                "INSERT INTO feeds ({FEED_STATE_COLUMNS})
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                 ON CONFLICT (url) DO UPDATE SET added_ms = excluded.added_ms,
                     etag = excluded.etag, last_modified = excluded.last_modified,
                     last_success_ms = excluded.last_success_ms,
                     last_error = excluded.last_error, last_error_ms = excluded.last_error_ms,
                     failures = excluded.failures, next_poll_ms = excluded.next_poll_ms,
                     interval_ms = excluded.interval_ms, items_seen = excluded.items_seen,
                     claimed_by = CASE WHEN feeds.claimed_by = $12 THEN NULL
                                       ELSE feeds.claimed_by END,
                     lease_until_ms = CASE WHEN feeds.claimed_by = $12 THEN NULL
                                           ELSE feeds.lease_until_ms END"
            ),
            &[
                &super::no_nul("a feed's URL", &f.url)?,
                &f.added_ms,
                &f.etag,
                &f.last_modified,
                &f.last_success_ms,
                &f.last_error,
                &f.last_error_ms,
                &f.failures,
                &f.next_poll_ms,
                &f.interval_ms,
                &f.items_seen,
                &f.claimed_by,
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// [`Store::claim_feeds`]: the queue idiom, one statement: the due, free feeds among
    /// those named are locked `FOR UPDATE SKIP LOCKED` (rows another worker is claiming at
    /// this moment are passed over, not waited for; a row claimed and committed meanwhile is
    /// checked again as it now is, and dropped) and claimed. No write lock: claims touch
    /// only their own rows.
    fn claim_feeds_db(
        &mut self,
        worker: &str,
        among: &[String],
        now_ms: i64,
        until_ms: i64,
        limit: usize,
    ) -> PgResult<Vec<FeedState>> {
        if among.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let worker = super::no_nul("a worker's name", worker)?;
        let rows = self.client.get_mut().query(
            &format!(
                "UPDATE feeds SET claimed_by = $1, lease_until_ms = $4
                 WHERE url IN (
                     SELECT url FROM feeds
                     WHERE url = ANY($2)
                       AND (next_poll_ms IS NULL OR next_poll_ms <= $3)
                       AND (claimed_by IS NULL OR claimed_by = $1 OR lease_until_ms < $3)
                     ORDER BY next_poll_ms NULLS FIRST, url LIMIT $5
                     FOR UPDATE SKIP LOCKED)
                 RETURNING {FEED_COLUMNS}"
            ),
            &[&worker, &among, &now_ms, &until_ms, &(limit as i64)],
        )?;
        let claimed = rows
            .iter()
            .map(feed_of)
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(crate::rows::by_due(claimed))
    }

    fn item_seen_db(&self, url: &str) -> PgResult<bool> {
        Ok(self
            .client()?
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM feed_items WHERE url = $1)
                     OR EXISTS (SELECT 1 FROM articles WHERE url = $1)",
                &[&url],
            )?
            .get(0))
    }

    fn mark_items_seen_db(&mut self, feed: &str, urls: &[String], now_ms: i64) -> PgResult<()> {
        let mut tx = write_tx(self.client.get_mut())?;
        tx.execute(
            "INSERT INTO feed_items (url, feed, seen_ms)
             SELECT u, $2, $3 FROM unnest($1::text[]) AS u ON CONFLICT DO NOTHING",
            &[&urls, &feed, &now_ms],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn put_changes_db(&mut self, changes: &[LedgerChange]) -> PgResult<usize> {
        let mut tx = write_tx(self.client.get_mut())?;
        // numbered from the largest kept, as SQLite numbers them (a change already kept takes
        // no number)
        let ins = tx.prepare(
            "INSERT INTO ledger_changes (seq, key, detected_ms, country, json)
             SELECT m.seq, $1, $2, $3, $4
             FROM (SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM ledger_changes) AS m
             WHERE NOT EXISTS (SELECT 1 FROM ledger_changes WHERE key = $1)",
        )?;
        let mut added = 0;
        for c in changes {
            added += tx.execute(&ins, &[&c.key, &c.detected_ms, &c.country, &c.json])? as usize;
        }
        tx.commit()?;
        Ok(added)
    }

    fn changes_db(&self, country: Option<&str>, limit: usize) -> PgResult<Vec<LedgerChange>> {
        let rows = self.client()?.query(
            &format!(
                "SELECT {CHANGE_COLUMNS} FROM ledger_changes
                 WHERE $1::text IS NULL OR country = $1 ORDER BY seq DESC LIMIT $2"
            ),
            &[&country, &(limit as i64)],
        )?;
        Ok(rows
            .iter()
            .map(change_of)
            .collect::<std::result::Result<_, _>>()?)
    }

    fn changes_after_db(&self, after: i64, limit: usize) -> PgResult<Vec<LedgerChange>> {
        let rows = self.client()?.query(
            &format!(
                "SELECT {CHANGE_COLUMNS} FROM ledger_changes WHERE seq > $1 ORDER BY seq LIMIT $2"
            ),
            &[&after, &(limit as i64)],
        )?;
        Ok(rows
            .iter()
            .map(change_of)
            .collect::<std::result::Result<_, _>>()?)
    }
}

/// The [`Store`] methods, each a call of the method that does the work (in [`PgResult`]),
/// its error turned into a [`crate::StoreError`] here, at the backend's edge.
impl Store for PostgresStore {
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

    fn lock_ledger_update(&mut self) -> Result<()> {
        self.client
            .get_mut()
            .execute("SELECT pg_advisory_lock($1)", &[&super::LEDGER_LOCK])
            .map_err(super::PgError::from)?;
        Ok(())
    }

    fn unlock_ledger_update(&mut self) -> Result<()> {
        self.client
            .get_mut()
            .execute("SELECT pg_advisory_unlock($1)", &[&super::LEDGER_LOCK])
            .map_err(super::PgError::from)?;
        Ok(())
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
        Ok(self.finish_db(batch, near_dup, Some((version, reports)))?)
    }

    fn pending(&self, limit: usize) -> Result<Vec<(InputId, RawInput)>> {
        Ok(self.pending_db(limit)?)
    }

    fn articles(&self, limit: usize, offset: usize) -> Result<Vec<ArticleRow>> {
        Ok(self.article_page(
            "a.id >= (SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET $2)",
            offset as i64,
            limit,
        )?)
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
        Ok(self.state("reports_generation")?.unwrap_or(0))
    }

    fn ledger_generation(&self) -> Result<Option<i64>> {
        Ok(self.state("ledger_generation")?)
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
        Ok(self.article_page("a.id > $2", after, limit)?)
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
        let row = self
            .client()?
            .query_opt(
                "SELECT into_id FROM incident_redirects WHERE id = $1",
                &[&id],
            )
            .map_err(super::PgError::from)?;
        Ok(row.map(|r| r.get(0)))
    }

    fn redirects(&self) -> Result<Vec<(String, String, i64)>> {
        let rows = self
            .client()?
            .query(
                "SELECT id, into_id, version FROM incident_redirects ORDER BY id",
                &[],
            )
            .map_err(super::PgError::from)?;
        Ok(rows
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect())
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

    fn item_seen(&self, url: &str) -> Result<bool> {
        Ok(self.item_seen_db(url)?)
    }

    fn mark_items_seen(&mut self, feed: &str, urls: &[String], now_ms: i64) -> Result<()> {
        Ok(self.mark_items_seen_db(feed, urls, now_ms)?)
    }

    fn put_changes(&mut self, changes: &[LedgerChange]) -> Result<usize> {
        Ok(self.put_changes_db(changes)?)
    }

    fn changes(&self, country: Option<&str>, limit: usize) -> Result<Vec<LedgerChange>> {
        Ok(self.changes_db(country, limit)?)
    }

    fn changes_after(&self, after: i64, limit: usize) -> Result<Vec<LedgerChange>> {
        Ok(self.changes_after_db(after, limit)?)
    }

    fn delivery_cursor(&self, sink: &str) -> Result<Option<i64>> {
        Ok(self.state(&format!("delivered:{sink}"))?)
    }

    fn set_delivery_cursor(&mut self, sink: &str, seq: i64) -> Result<()> {
        let key = format!("delivered:{sink}");
        let mut tx = write_tx(self.client.get_mut()).map_err(super::PgError::from)?;
        set_state(&mut tx, super::no_nul("a webhook's URL", &key)?, seq)?;
        tx.commit().map_err(super::PgError::from)?;
        Ok(())
    }
}
