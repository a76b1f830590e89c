//! The PostgreSQL backend's schema, as versioned migrations of its own (`sw_schema` records
//! how many have run). The tables mirror the SQLite backend's (same names, same meaning) so
//! that the same queries, and the same pure code over their answers, give the same results;
//! where PostgreSQL differs it is said here:
//!
//! - ids, dates and URLs that results are sorted by are `COLLATE "C"`, so they sort by bytes
//!   as SQLite's default collation does, whatever locale the database was created with;
//! - input ids and ledger change numbers are given by the writer as the largest plus one
//!   under the write lock, as SQLite gives row ids (a sequence would skip numbers on
//!   conflicts and rollbacks, and ids are shown);
//! - ledger rows carry `rid`, a serial that plays SQLite's `rowid` (the tie-break of
//!   [`crate::ledger::order`]);
//! - full-text search is a generated `tsvector` column over title (weight A), outlet (B) and
//!   text, in the `sw_english` or `sw_spanish` configuration by the article's language: copies
//!   of PostgreSQL's own with `unaccent` before the stemmer, so accents are optional;
//! - reports' JSON is kept as text (PostgreSQL compresses long values itself);
//! - an input being parsed is claimed by the worker's session (`claimed_pid`,
//!   `claimed_start`: its server process and when it started) until `lease_until`: see
//!   `claims` in `mod.rs`;
//! - a feed being polled is claimed by its worker's name (`claimed_by`, a value the worker
//!   makes, since a poll outlives no session the way a parse does: see `claim_feeds` in
//!   `tables.rs`) until `lease_until_ms`, a time from the worker's clock;
//! - the decision log is append-only by a trigger function that refuses UPDATE, DELETE and
//!   TRUNCATE.
//!
//! A migration is never edited once released: add a new one.

/// Schema versions, applied in order.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: everything the SQLite backend's migrations 1-10 hold
    r#"
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE TEXT SEARCH CONFIGURATION sw_english (COPY = pg_catalog.english);
    ALTER TEXT SEARCH CONFIGURATION sw_english
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    CREATE TEXT SEARCH CONFIGURATION sw_spanish (COPY = pg_catalog.spanish);
    ALTER TEXT SEARCH CONFIGURATION sw_spanish
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;

    CREATE TABLE inputs (
        id BIGINT PRIMARY KEY,
        locator TEXT NOT NULL,
        format TEXT,
        sha256 BYTEA NOT NULL UNIQUE,
        bytes BYTEA,
        size BIGINT NOT NULL,
        meta TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
        error TEXT,
        warnings TEXT,
        created_at TEXT NOT NULL,
        finished_at TEXT,
        claimed_pid INTEGER,
        claimed_start TIMESTAMPTZ,
        lease_until TIMESTAMPTZ
    );
    CREATE INDEX inputs_status ON inputs (status, id);

    CREATE TABLE articles (
        id BIGINT PRIMARY KEY,
        input_id BIGINT NOT NULL REFERENCES inputs (id),
        item INTEGER NOT NULL,
        url TEXT COLLATE "C",
        outlet TEXT,
        published TEXT COLLATE "C",
        published_basis TEXT NOT NULL,
        title TEXT,
        lang TEXT NOT NULL,
        text TEXT NOT NULL,
        text_hash BYTEA NOT NULL,
        story_id BIGINT NOT NULL,
        copy_of BIGINT REFERENCES articles (id),
        minhash BYTEA NOT NULL,
        extracted_version TEXT,
        search TSVECTOR GENERATED ALWAYS AS (
            CASE WHEN lang = 'es' THEN
                setweight(to_tsvector('sw_spanish', coalesce(title, '')), 'A')
                || setweight(to_tsvector('sw_spanish', coalesce(outlet, '')), 'B')
                || to_tsvector('sw_spanish', text)
            ELSE
                setweight(to_tsvector('sw_english', coalesce(title, '')), 'A')
                || setweight(to_tsvector('sw_english', coalesce(outlet, '')), 'B')
                || to_tsvector('sw_english', text)
            END
        ) STORED,
        UNIQUE (input_id, item)
    );
    CREATE INDEX articles_text_hash ON articles (text_hash);
    CREATE INDEX articles_story ON articles (story_id);
    CREATE INDEX articles_extracted ON articles (extracted_version);
    CREATE INDEX articles_url ON articles (url);
    CREATE INDEX articles_search ON articles USING gin (search);

    CREATE TABLE lsh_bands (
        band INTEGER NOT NULL,
        key BIGINT NOT NULL,
        article_id BIGINT NOT NULL REFERENCES articles (id),
        PRIMARY KEY (band, key, article_id)
    );

    CREATE TABLE reports (
        id BIGINT PRIMARY KEY,
        article_id BIGINT NOT NULL REFERENCES articles (id),
        idx INTEGER NOT NULL,
        kind TEXT COLLATE "C" NOT NULL,
        event_type TEXT NOT NULL,
        modality TEXT NOT NULL,
        date TEXT,
        json TEXT NOT NULL,
        UNIQUE (article_id, idx)
    );
    CREATE INDEX reports_kind ON reports (kind, event_type);

    CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO state (key, value) VALUES ('reports_generation', '0');

    CREATE TABLE ledger_incidents (
        rid BIGSERIAL PRIMARY KEY,
        build BIGINT NOT NULL,
        pos BIGINT,
        ord BIGINT NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        date TEXT COLLATE "C",
        day_lo TEXT COLLATE "C",
        day_hi TEXT COLLATE "C",
        event_type TEXT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE INDEX ledger_incidents_pos ON ledger_incidents (build, pos);
    CREATE INDEX ledger_incidents_day ON ledger_incidents (build, day_lo);
    CREATE INDEX ledger_incidents_type ON ledger_incidents (build, event_type, pos);
    CREATE INDEX ledger_incidents_id ON ledger_incidents (build, id);
    CREATE TABLE ledger_tallies (
        rid BIGSERIAL PRIMARY KEY,
        build BIGINT NOT NULL,
        pos BIGINT,
        ord BIGINT NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        date TEXT COLLATE "C",
        json TEXT NOT NULL
    );
    CREATE INDEX ledger_tallies_pos ON ledger_tallies (build, pos);
    CREATE TABLE ledger_developments (LIKE ledger_tallies INCLUDING ALL);
    CREATE TABLE ledger_rejected (LIKE ledger_tallies INCLUDING ALL);

    CREATE TABLE ledger_versions (
        version BIGINT PRIMARY KEY,
        hash TEXT NOT NULL,
        published_at TEXT NOT NULL,
        generation BIGINT NOT NULL,
        incidents BIGINT NOT NULL
    );
    CREATE TABLE incident_snapshots (
        id TEXT COLLATE "C" NOT NULL,
        version BIGINT NOT NULL,
        date TEXT COLLATE "C",
        json TEXT,
        PRIMARY KEY (id, version)
    );
    CREATE INDEX incident_snapshots_version ON incident_snapshots (version);
    CREATE TABLE incident_changes (
        version BIGINT NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        kind TEXT COLLATE "C" NOT NULL
            CHECK (kind IN ('new', 'revised', 'merged', 'split', 'withdrawn')),
        other TEXT COLLATE "C"
    );
    CREATE INDEX incident_changes_version ON incident_changes (version);
    CREATE INDEX incident_changes_id ON incident_changes (id, version);
    CREATE TABLE incident_members (
        key BIGINT NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (key, id)
    );
    CREATE TABLE incident_redirects (
        id TEXT COLLATE "C" PRIMARY KEY,
        into_id TEXT NOT NULL,
        version BIGINT NOT NULL
    );

    CREATE TABLE decisions (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        author TEXT NOT NULL,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        incident TEXT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE INDEX decisions_incident ON decisions (incident);
    CREATE FUNCTION sw_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the decision log is append-only';
    END
    $$;
    CREATE TRIGGER decisions_no_change BEFORE UPDATE OR DELETE ON decisions
        FOR EACH ROW EXECUTE FUNCTION sw_decisions_append_only();
    CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
        FOR EACH STATEMENT EXECUTE FUNCTION sw_decisions_append_only();

    CREATE TABLE feeds (
        url TEXT COLLATE "C" PRIMARY KEY,
        added_ms BIGINT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_success_ms BIGINT,
        last_error TEXT,
        last_error_ms BIGINT,
        failures BIGINT NOT NULL DEFAULT 0,
        next_poll_ms BIGINT,
        interval_ms BIGINT,
        items_seen BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE feed_items (
        url TEXT PRIMARY KEY,
        feed TEXT NOT NULL,
        seen_ms BIGINT NOT NULL
    );
    CREATE TABLE ledger_changes (
        seq BIGINT PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        detected_ms BIGINT NOT NULL,
        country TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX ledger_changes_country ON ledger_changes (country, seq);
    "#,
    // 2: feeds claimed by the worker polling them, with a lease (`Store::claim_feeds`)
    r#"
    ALTER TABLE feeds ADD COLUMN claimed_by TEXT, ADD COLUMN lease_until_ms BIGINT;
    "#,
];
