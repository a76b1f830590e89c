//! A whole store in a backend-neutral form, for copying it to another backend (`strikewatch
//! migrate`): the tables that hold what a store knows ([`TABLES`], in an order that writes
//! every row after the rows it refers to), their columns with a neutral kind ([`Kind`]), and
//! rows as plain cells ([`Cell`]).
//!
//! Why rows and not the pipeline's operations: a copy must be exact. Ids (inputs, articles,
//! stories, reports), the decision log's order, ledger versions with their hashes and
//! snapshots, feed state and the ledger rows as published are kept as they are; re-ingesting
//! would number and date them anew. The tables and columns are the same in both backends
//! (see `postgres/schema.rs`); where a backend stores a value its own way (SQLite keeps
//! reports' and snapshots' JSON as zstd frames: [`Kind::Json`]) it converts on the way out
//! and in. What a backend derives is derived again by the one it is copied into, not copied:
//! the LSH band entries (from the articles' signatures, written with their batch of
//! articles), the full-text index (triggers or a generated column), PostgreSQL's claims and
//! serials, SQLite's `lsh_indexed_through` ([`PRIVATE_STATE`]).
//!
//! Memory stays bounded: a backend hands rows out a batch at a time ([`BATCH_ROWS`] rows or
//! [`BATCH_BYTES`] bytes, whichever comes first) and the batch is written before the next is
//! read.

/// The neutral kind of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Text,
    Blob,
    /// JSON text that a backend may keep in a form of its own (SQLite: a zstd frame).
    Json,
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
    Blob(Vec<u8>),
}

impl Cell {
    /// Bytes the cell holds (for bounding a batch).
    pub fn size(&self) -> usize {
        match self {
            Cell::Null | Cell::Int(_) => 8,
            Cell::Text(t) => t.len(),
            Cell::Blob(b) => b.len(),
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Cell::Int(i) => Some(*i),
            _ => None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Cell::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_blob(&self) -> Option<&[u8]> {
        match self {
            Cell::Blob(b) => Some(b),
            _ => None,
        }
    }
}

/// One row: its cells in the order of [`Table::columns`].
pub type Row = Vec<Cell>;

/// A table as copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
    /// The order rows are read in: `{row}` stands for the backend's row handle (SQLite's
    /// `rowid`, PostgreSQL's `rid`), for the ledger rows, whose handle breaks ties of
    /// [`crate::ledger::order`] and so must keep its order in the copy.
    pub order: &'static str,
}

impl Table {
    /// The column names, comma-separated.
    pub fn column_list(&self) -> String {
        self.columns
            .iter()
            .map(|c| c.0)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The position of column `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.0 == name)
    }

    /// The `ORDER BY` of the copy, with `row` for the backend's row handle.
    pub fn order_by(&self, row: &str) -> String {
        self.order.replace("{row}", row)
    }

    /// Whether the table is the ledger's rows of one list (ordered by the row handle).
    pub fn by_row(&self) -> bool {
        self.order.contains("{row}")
    }
}

/// Rows a backend hands out at most at a time.
pub const BATCH_ROWS: usize = 1000;
/// Bytes (roughly) a batch holds at most, beyond its first row: inputs carry their raw bytes.
pub const BATCH_BYTES: usize = 16 << 20;

/// `state` keys a backend keeps for itself, not copied.
pub const PRIVATE_STATE: &[&str] = &["lsh_indexed_through"];

use Kind::{Blob, Int, Json, Text};

const LEDGER_LIST: &[(&str, Kind)] = &[
    ("build", Int),
    ("pos", Int),
    ("ord", Int),
    ("id", Text),
    ("date", Text),
    ("json", Text),
];

/// Every table a copy writes, in the order it writes them (rows after what they refer to).
pub const TABLES: &[Table] = &[
    Table {
        name: "inputs",
        columns: &[
            ("id", Int),
            ("locator", Text),
            ("format", Text),
            ("sha256", Blob),
            ("bytes", Blob),
            ("size", Int),
            ("meta", Text),
            ("status", Text),
            ("error", Text),
            ("warnings", Text),
            ("created_at", Text),
            ("finished_at", Text),
        ],
        order: "id",
    },
    Table {
        name: "articles",
        columns: &[
            ("id", Int),
            ("input_id", Int),
            ("item", Int),
            ("url", Text),
            ("outlet", Text),
            ("published", Text),
            ("published_basis", Text),
            ("title", Text),
            ("lang", Text),
            ("text", Text),
            ("text_hash", Blob),
            ("story_id", Int),
            ("copy_of", Int),
            ("minhash", Blob),
            ("extracted_version", Text),
        ],
        order: "id",
    },
    Table {
        name: "reports",
        columns: &[
            ("id", Int),
            ("article_id", Int),
            ("idx", Int),
            ("kind", Text),
            ("event_type", Text),
            ("modality", Text),
            ("date", Text),
            ("json", Json),
        ],
        order: "id",
    },
    Table {
        name: "state",
        columns: &[("key", Text), ("value", Text)],
        order: "key",
    },
    Table {
        name: "ledger_incidents",
        columns: &[
            ("build", Int),
            ("pos", Int),
            ("ord", Int),
            ("id", Text),
            ("date", Text),
            ("day_lo", Text),
            ("day_hi", Text),
            ("event_type", Text),
            ("json", Text),
        ],
        order: "{row}",
    },
    Table {
        name: "ledger_tallies",
        columns: LEDGER_LIST,
        order: "{row}",
    },
    Table {
        name: "ledger_developments",
        columns: LEDGER_LIST,
        order: "{row}",
    },
    Table {
        name: "ledger_rejected",
        columns: LEDGER_LIST,
        order: "{row}",
    },
    Table {
        name: "ledger_versions",
        columns: &[
            ("version", Int),
            ("hash", Text),
            ("published_at", Text),
            ("generation", Int),
            ("incidents", Int),
        ],
        order: "version",
    },
    Table {
        name: "incident_snapshots",
        columns: &[
            ("id", Text),
            ("version", Int),
            ("date", Text),
            ("json", Json),
        ],
        order: "id, version",
    },
    Table {
        name: "incident_changes",
        columns: &[
            ("version", Int),
            ("id", Text),
            ("kind", Text),
            ("other", Text),
        ],
        order: "version, id, kind, other",
    },
    Table {
        name: "incident_members",
        columns: &[("key", Int), ("id", Text)],
        order: "key, id",
    },
    Table {
        name: "incident_redirects",
        columns: &[("id", Text), ("into_id", Text), ("version", Int)],
        order: "id",
    },
    Table {
        name: "decisions",
        columns: &[
            ("seq", Int),
            ("id", Text),
            ("author", Text),
            ("at", Text),
            ("kind", Text),
            ("incident", Text),
            ("json", Text),
        ],
        order: "seq",
    },
    Table {
        name: "feeds",
        columns: &[
            ("url", Text),
            ("added_ms", Int),
            ("etag", Text),
            ("last_modified", Text),
            ("last_success_ms", Int),
            ("last_error", Text),
            ("last_error_ms", Int),
            ("failures", Int),
            ("next_poll_ms", Int),
            ("interval_ms", Int),
            ("items_seen", Int),
        ],
        order: "url",
    },
    Table {
        name: "feed_items",
        columns: &[("url", Text), ("feed", Text), ("seen_ms", Int)],
        order: "url",
    },
    Table {
        name: "ledger_changes",
        columns: &[
            ("seq", Int),
            ("key", Text),
            ("detected_ms", Int),
            ("country", Text),
            ("json", Text),
        ],
        order: "seq",
    },
];

/// The table named `name`.
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

/// Groups rows into batches of at most [`BATCH_ROWS`] rows and about [`BATCH_BYTES`] bytes,
/// handing each full batch to `emit` (which returns false to stop).
pub(crate) struct Batcher<'a> {
    rows: Vec<Row>,
    bytes: usize,
    emit: &'a mut dyn FnMut(Vec<Row>) -> bool,
    pub(crate) stopped: bool,
}

impl<'a> Batcher<'a> {
    pub(crate) fn new(emit: &'a mut dyn FnMut(Vec<Row>) -> bool) -> Batcher<'a> {
        Batcher {
            rows: Vec::new(),
            bytes: 0,
            emit,
            stopped: false,
        }
    }

    /// Adds a row; false once the receiver asked to stop.
    pub(crate) fn push(&mut self, row: Row) -> bool {
        self.bytes += row.iter().map(Cell::size).sum::<usize>();
        self.rows.push(row);
        if self.rows.len() >= BATCH_ROWS || self.bytes >= BATCH_BYTES {
            self.flush();
        }
        !self.stopped
    }

    /// Hands out what is held.
    pub(crate) fn flush(&mut self) {
        if !self.rows.is_empty() && !self.stopped {
            self.bytes = 0;
            if !(self.emit)(std::mem::take(&mut self.rows)) {
                self.stopped = true;
            }
        }
    }
}

/// The LSH band entries `(band, key, article)` of a batch of `articles` rows: those of
/// articles that start a story (`copy_of` empty), from their stored signature, as the ingest
/// writes them.
pub(crate) fn band_entries(rows: &[Row]) -> Vec<(i64, i64, i64)> {
    let t = table("articles").expect("articles are copied");
    let (id, copy_of, minhash) = (
        t.column("id").expect("id"),
        t.column("copy_of").expect("copy_of"),
        t.column("minhash").expect("minhash"),
    );
    let mut out = Vec::new();
    for r in rows {
        if r[copy_of] != Cell::Null {
            continue;
        }
        let (Some(article), Some(sig)) = (
            r[id].as_int(),
            r[minhash]
                .as_blob()
                .and_then(sw_dedup::Signature::from_bytes),
        ) else {
            continue;
        };
        for (band, key) in sig.band_keys().iter().enumerate() {
            out.push((band as i64, *key, article));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_listed_once_and_rows_come_after_what_they_refer_to() {
        let names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        let at = |n: &str| names.iter().position(|x| *x == n).unwrap();
        assert!(at("inputs") < at("articles") && at("articles") < at("reports"));
        for list in crate::LedgerList::ALL {
            assert!(table(list.table()).is_some_and(|t| t.by_row()), "{list:?}");
        }
    }

    #[test]
    fn batches_are_bounded_by_rows_and_bytes() {
        let mut sizes = Vec::new();
        let mut emit = |rows: Vec<Row>| {
            sizes.push(rows.len());
            true
        };
        let mut b = Batcher::new(&mut emit);
        for _ in 0..2500 {
            assert!(b.push(vec![Cell::Int(1)]));
        }
        // two rows of 10 MB each: a batch is handed out once it passes the byte bound
        for _ in 0..2 {
            b.push(vec![Cell::Blob(vec![0; 10 << 20])]);
        }
        b.flush();
        assert_eq!(sizes, [1000, 1000, 502]);
    }

    #[test]
    fn a_receiver_that_stops_gets_no_more() {
        let mut n = 0;
        let mut emit = |_rows: Vec<Row>| {
            n += 1;
            false
        };
        let mut b = Batcher::new(&mut emit);
        let mut pushed = 0;
        while b.push(vec![Cell::Null]) {
            pushed += 1;
        }
        b.flush();
        assert_eq!((pushed, n), (BATCH_ROWS - 1, 1));
    }
}
