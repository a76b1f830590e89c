//! The built ledger's rows as every backend sees them: which fields of an entry's JSON a
//! backend stores beside it ([`EntryKeys`]), the order each list is published in and the
//! suffixes of repeated ids ([`order`], [`with_id`]), and the split of a whole ledger's JSON
//! into rows ([`rows_of_ledger_json`]), the table each list is kept in
//! ([`LedgerList::table`]), and the hash that names a ledger version ([`VersionHasher`]).
//!
//! The decisions live here, once, so that two backends publish the same ledger byte for byte:
//! a backend stores rows, reads back their small sort keys at publish time (never their JSON;
//! memory stays proportional to the number of entries, not to their size), writes the
//! positions [`order`] returns, and serves the rows in that order.
//!
//! Orders (the same as `sw_ledger::build`): incidents by date (undated last), id, then
//! [`LedgerRow::ord`] (the order they were written in); tallies by as-of date (undated
//! first), id, then `ord`; developments by date (undated first), id, then `ord`. Tallies and
//! developments with the same id (two reports of one sentence) get `-2`, `-3`... in that
//! order.

use std::collections::HashMap;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::{LedgerList, LedgerRow, Result, StoreError};

impl LedgerList {
    /// Every list, in the order a build writes and publishes them.
    pub const ALL: [LedgerList; 4] = [
        LedgerList::Incidents,
        LedgerList::Tallies,
        LedgerList::Developments,
        LedgerList::Rejected,
    ];

    /// The table that holds the list's rows: the same name in every backend, so that the
    /// statements over it are written once per backend and the copy between backends
    /// (`crate::copy`) needs no mapping.
    pub const fn table(self) -> &'static str {
        match self {
            LedgerList::Incidents => "ledger_incidents",
            LedgerList::Tallies => "ledger_tallies",
            LedgerList::Developments => "ledger_developments",
            LedgerList::Rejected => "ledger_rejected",
        }
    }

    /// The list's member name in the whole ledger's JSON (`{"incidents": [...], ...}`).
    pub const fn key(self) -> &'static str {
        match self {
            LedgerList::Incidents => "incidents",
            LedgerList::Tallies => "tallies",
            LedgerList::Developments => "developments",
            LedgerList::Rejected => "rejected",
        }
    }
}

/// Every list's table, in [`LedgerList::ALL`]'s order.
pub(crate) const ALL_TABLES: [&str; 4] = [
    LedgerList::ALL[0].table(),
    LedgerList::ALL[1].table(),
    LedgerList::ALL[2].table(),
    LedgerList::ALL[3].table(),
];

/// The SHA-256 that names a ledger version ([`crate::LedgerVersion::hash`]): of the compact
/// JSON `{"incidents":[..],"tallies":[..],"developments":[..]}` of the published rows, what
/// `serde_json::to_string` of the whole ledger gives, taken without holding it. A backend
/// feeds it each list of [`VersionHasher::LISTS`] in that order ([`VersionHasher::list`]) and
/// each of the list's entries in published order ([`VersionHasher::entry`]); the framing is
/// written here once, so two backends name the same ledger with the same hash byte for byte
/// (a version's hash is how a citation is checked, and a store moved to another backend keeps
/// its versions). Rejected incidents are outside the hash, as they are outside the ledger.
#[derive(Debug, Clone)]
pub struct VersionHasher {
    h: Sha256,
    /// The list being fed, by its index in [`VersionHasher::LISTS`].
    at: Option<usize>,
    /// No entry of the current list fed yet.
    first: bool,
    incidents: i64,
}

impl Default for VersionHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl VersionHasher {
    /// The lists a version's hash covers, in the order they are framed.
    pub const LISTS: [LedgerList; 3] = [
        LedgerList::Incidents,
        LedgerList::Tallies,
        LedgerList::Developments,
    ];

    pub fn new() -> VersionHasher {
        let mut h = Sha256::new();
        h.update(b"{");
        VersionHasher {
            h,
            at: None,
            first: true,
            incidents: 0,
        }
    }

    /// Starts `list`, which must be the next of [`VersionHasher::LISTS`] (a backend that
    /// skipped or reordered one would name the same ledger differently: a bug, so it panics).
    pub fn list(&mut self, list: LedgerList) {
        let next = self.at.map_or(0, |i| i + 1);
        assert_eq!(
            Self::LISTS.get(next),
            Some(&list),
            "ledger lists hashed out of order"
        );
        if self.at.is_some() {
            self.h.update(b"],");
        }
        self.h.update(format!("\"{}\":[", list.key()).as_bytes());
        self.at = Some(next);
        self.first = true;
    }

    /// Feeds one entry's JSON, as stored, of the current list.
    pub fn entry(&mut self, json: &[u8]) {
        let at = self.at.expect("an entry hashed before its list");
        if !self.first {
            self.h.update(b",");
        }
        self.first = false;
        self.h.update(json);
        if at == 0 {
            self.incidents += 1;
        }
    }

    /// The hash (lower-case hex) and the number of incidents fed. Lists not started are
    /// framed as empty.
    pub fn finish(mut self) -> (String, i64) {
        for list in Self::LISTS.into_iter().skip(self.at.map_or(0, |i| i + 1)) {
            self.list(list);
        }
        self.h.update(b"]}");
        let hex = self
            .h
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        (hex, self.incidents)
    }
}

/// The fields of an entry a backend stores beside its JSON, to filter and sort on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryKeys {
    pub id: String,
    /// The date the list sorts by: an incident's or development's `date`, a tally's `as_of`.
    pub date: Option<String>,
    /// An incident's event type (empty for tallies and developments).
    pub event_type: String,
}

impl EntryKeys {
    /// Reads the keys of an entry of `list` from its JSON (as `sw-ledger` writes it).
    pub fn of(list: LedgerList, json: &str) -> Result<EntryKeys> {
        #[derive(Deserialize)]
        struct Keys {
            id: String,
            #[serde(default)]
            date: Option<String>,
            #[serde(default)]
            as_of: Option<String>,
            #[serde(default)]
            event_type: Option<String>,
        }
        let k: Keys = serde_json::from_str(json).map_err(bad)?;
        Ok(match list {
            LedgerList::Incidents | LedgerList::Rejected => EntryKeys {
                id: k.id,
                date: k.date,
                event_type: k.event_type.unwrap_or_default(),
            },
            LedgerList::Tallies => EntryKeys {
                id: k.id,
                date: k.as_of,
                event_type: String::new(),
            },
            LedgerList::Developments => EntryKeys {
                id: k.id,
                date: k.date,
                event_type: String::new(),
            },
        })
    }
}

/// The first and last day a `YYYY-MM-DD` or `YYYY-MM` date may mean (as `incidents --from
/// --to` compares them: a month runs from `-01` to `-31`), for a backend to filter incidents on.
pub fn day_range(date: Option<&str>) -> (Option<String>, Option<String>) {
    match date {
        Some(d) if d.len() == 7 => (Some(format!("{d}-01")), Some(format!("{d}-31"))),
        Some(d) => (Some(d.to_string()), Some(d.to_string())),
        None => (None, None),
    }
}

/// What [`order`] needs of one stored entry: its sort keys and the backend's handle on its row
/// (`row`, opaque here: SQLite's rowid, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortKey {
    pub row: i64,
    pub date: Option<String>,
    pub id: String,
    pub ord: i64,
}

/// Where one entry is published: its position in the list (from 1) and, for the second and
/// later tallies or developments with one id, the id it takes instead ([`with_id`] rewrites
/// its JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub row: i64,
    pub pos: i64,
    pub new_id: Option<String>,
}

/// The published order of a list's entries, in that order (see the module's documentation);
/// entries whose keys are all equal keep the order of their rows.
pub fn order(list: LedgerList, mut keys: Vec<SortKey>) -> Vec<Position> {
    match list {
        LedgerList::Incidents | LedgerList::Rejected => keys.sort_unstable_by(|a, b| {
            (a.date.is_none(), &a.date, &a.id, a.ord, a.row).cmp(&(
                b.date.is_none(),
                &b.date,
                &b.id,
                b.ord,
                b.row,
            ))
        }),
        LedgerList::Tallies | LedgerList::Developments => keys.sort_unstable_by(|a, b| {
            (&a.date, &a.id, a.ord, a.row).cmp(&(&b.date, &b.id, b.ord, b.row))
        }),
    }
    let number = numbered(list);
    let mut seen: HashMap<String, i64> = HashMap::new();
    keys.into_iter()
        .enumerate()
        .map(|(i, k)| {
            let new_id = match seen.get_mut(&k.id) {
                _ if !number => None,
                Some(n) => {
                    *n += 1;
                    Some(suffixed(&k.id, *n))
                }
                None => {
                    seen.insert(k.id, 1);
                    None
                }
            };
            Position {
                row: k.row,
                pos: i as i64 + 1,
                new_id,
            }
        })
        .collect()
}

/// Whether a list's repeated ids are numbered when it is published ([`order`]): tallies and
/// developments of one id (one outlet's running total restated) each keep a link of their
/// own; incidents' ids are unique by construction.
pub fn numbered(list: LedgerList) -> bool {
    !matches!(list, LedgerList::Incidents | LedgerList::Rejected)
}

/// The id the `n`th entry (from 2) of one id takes in a [`numbered`] list.
pub fn suffixed(id: &str, n: i64) -> String {
    format!("{id}-{n}")
}

/// [`order`]'s sort as an SQL `ORDER BY` over a ledger table's columns (`date`, `id`, `ord`,
/// and the `rowid` that stands for the row's handle): for a backend that sorts in the
/// database rather than reading every key back. Text compares byte for byte in both (SQLite's
/// `BINARY` collation, Rust's `str` order) and a missing date is first in a tally list and
/// last in an incident list in both.
pub fn order_by(list: LedgerList) -> &'static str {
    match list {
        LedgerList::Incidents | LedgerList::Rejected => "date IS NULL, date, id, ord, rowid",
        LedgerList::Tallies | LedgerList::Developments => "date, id, ord, rowid",
    }
}

/// `json` (an entry whose first member is `"id": id`, as `sw-ledger` writes it) with the id
/// `new_id` instead; every other byte stays as it was.
pub fn with_id(json: &str, id: &str, new_id: &str) -> Result<String> {
    let head = format!("{{\"id\":{}", serde_json::to_string(id).map_err(bad)?);
    let Some(rest) = json.strip_prefix(&head) else {
        return Err(bad(format!("entry {id} does not start with its id")));
    };
    Ok(format!(
        "{{\"id\":{}{rest}",
        serde_json::to_string(new_id).map_err(bad)?
    ))
}

/// Splits a whole ledger's JSON (`{"incidents": [...], "tallies": [...], "developments":
/// [...]}`) into rows in list order.
pub fn rows_of_ledger_json(json: &str) -> Result<Vec<(LedgerList, Vec<LedgerRow>)>> {
    #[derive(Deserialize)]
    struct Whole<'a> {
        #[serde(borrow, default)]
        incidents: Vec<&'a serde_json::value::RawValue>,
        #[serde(borrow, default)]
        tallies: Vec<&'a serde_json::value::RawValue>,
        #[serde(borrow, default)]
        developments: Vec<&'a serde_json::value::RawValue>,
        #[serde(borrow, default)]
        rejected: Vec<&'a serde_json::value::RawValue>,
    }
    let w: Whole = serde_json::from_str(json).map_err(bad)?;
    let rows = |v: Vec<&serde_json::value::RawValue>| -> Vec<LedgerRow> {
        v.into_iter()
            .enumerate()
            .map(|(i, r)| LedgerRow {
                ord: i as i64,
                json: r.get().to_string(),
            })
            .collect()
    };
    Ok(vec![
        (LedgerList::Incidents, rows(w.incidents)),
        (LedgerList::Tallies, rows(w.tallies)),
        (LedgerList::Developments, rows(w.developments)),
        (LedgerList::Rejected, rows(w.rejected)),
    ])
}

fn bad(e: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!("unreadable ledger entry: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(row: i64, date: Option<&str>, id: &str, ord: i64) -> SortKey {
        SortKey {
            row,
            date: date.map(str::to_string),
            id: id.into(),
            ord,
        }
    }

    /// The rows in published order, each with its new id if it takes one.
    fn published(list: LedgerList, keys: Vec<SortKey>) -> Vec<(i64, Option<String>)> {
        let out = order(list, keys);
        assert!(out.iter().enumerate().all(|(i, p)| p.pos == i as i64 + 1));
        out.into_iter().map(|p| (p.row, p.new_id)).collect()
    }

    #[test]
    fn incidents_go_by_date_undated_last_then_id_then_ord() {
        let keys = vec![
            key(1, Some("2025-10-02"), "inc-b", 0),
            key(2, None, "inc-u", 1),
            key(3, Some("2025-10"), "inc-m", 2),
            key(4, Some("2025-10-02"), "inc-a", 3),
            key(5, Some("2025-10-02"), "inc-a", 2),
            key(6, None, "inc-a", 9),
        ];
        let rows: Vec<i64> = published(LedgerList::Incidents, keys)
            .into_iter()
            .map(|(row, new_id)| {
                assert_eq!(new_id, None, "incident ids are never numbered");
                row
            })
            .collect();
        assert_eq!(rows, [3, 5, 4, 1, 6, 2]);
    }

    #[test]
    fn tallies_and_developments_go_undated_first_and_repeated_ids_are_numbered() {
        for list in [LedgerList::Tallies, LedgerList::Developments] {
            let keys = vec![
                key(10, Some("2025-10-02"), "tal-x", 9),
                key(11, Some("2025-10-02"), "tal-x", 4),
                key(12, None, "tal-y", 1),
                key(13, Some("2025-09-30"), "tal-x", 7),
                key(14, Some("2025-10-01"), "tal-z", 0),
            ];
            let n = |s: &str| Some(s.to_string());
            assert_eq!(
                published(list, keys),
                [
                    (12, None),
                    (13, None),
                    (14, None),
                    (11, n("tal-x-2")),
                    (10, n("tal-x-3")),
                ]
            );
        }
    }

    #[test]
    fn equal_keys_keep_the_order_of_their_rows() {
        let keys = vec![key(8, None, "d", 0), key(2, None, "d", 0)];
        let out = published(LedgerList::Developments, keys);
        assert_eq!(out, [(2, None), (8, Some("d-2".into()))]);
    }

    #[test]
    fn a_new_id_changes_the_id_and_nothing_else() {
        let json = r#"{"id":"tal-x","as_of":"2025-10-02","n":2,"note":"tal-x"}"#;
        assert_eq!(
            with_id(json, "tal-x", "tal-x-2").unwrap(),
            r#"{"id":"tal-x-2","as_of":"2025-10-02","n":2,"note":"tal-x"}"#
        );
        let err = with_id(r#"{"n":1,"id":"tal-x"}"#, "tal-x", "tal-x-2").unwrap_err();
        assert!(
            err.to_string().contains("does not start with its id"),
            "{err}"
        );
    }

    #[test]
    fn keys_are_read_from_the_entry() {
        let inc = EntryKeys::of(
            LedgerList::Incidents,
            r#"{"id":"i","event_type":"strike","date":"2025-10","x":[1]}"#,
        )
        .unwrap();
        assert_eq!(
            (
                inc.id.as_str(),
                inc.date.as_deref(),
                inc.event_type.as_str()
            ),
            ("i", Some("2025-10"), "strike")
        );
        let tally = EntryKeys::of(
            LedgerList::Tallies,
            r#"{"id":"t","as_of":"2025-10-02","date":"x"}"#,
        )
        .unwrap();
        assert_eq!(tally.date.as_deref(), Some("2025-10-02"));
        let dev = EntryKeys::of(LedgerList::Developments, r#"{"id":"d","date":null}"#).unwrap();
        assert_eq!(dev.date, None);
        assert!(EntryKeys::of(LedgerList::Developments, r#"{"date":null}"#).is_err());
        assert_eq!(
            day_range(Some("2025-10")),
            (Some("2025-10-01".into()), Some("2025-10-31".into()))
        );
        assert_eq!(
            day_range(Some("2025-10-02")),
            (Some("2025-10-02".into()), Some("2025-10-02".into()))
        );
        assert_eq!(day_range(None), (None, None));
    }

    /// The hash is that of the whole ledger serialised at once, whatever feeds it.
    #[test]
    fn a_version_hash_frames_the_lists_as_the_whole_ledgers_json() {
        let sha = |s: &str| {
            Sha256::digest(s.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        let mut h = VersionHasher::new();
        h.list(LedgerList::Incidents);
        h.entry(br#"{"id":"a"}"#);
        h.entry(br#"{"id":"b"}"#);
        h.list(LedgerList::Tallies);
        h.list(LedgerList::Developments);
        h.entry(br#"{"id":"d"}"#);
        // what serde_json writes for a struct of the three lists, fields in this order
        #[derive(serde::Serialize)]
        struct Whole {
            incidents: Vec<serde_json::Value>,
            tallies: Vec<serde_json::Value>,
            developments: Vec<serde_json::Value>,
        }
        let id = |s: &str| serde_json::json!({ "id": s });
        let text = serde_json::to_string(&Whole {
            incidents: vec![id("a"), id("b")],
            tallies: vec![],
            developments: vec![id("d")],
        })
        .unwrap();
        assert_eq!(
            text,
            r#"{"incidents":[{"id":"a"},{"id":"b"}],"tallies":[],"developments":[{"id":"d"}]}"#
        );
        assert_eq!(h.finish(), (sha(&text), 2));
        // lists never started are empty ones
        let (empty, n) = VersionHasher::new().finish();
        assert_eq!(
            (empty, n),
            (sha(r#"{"incidents":[],"tallies":[],"developments":[]}"#), 0)
        );
    }

    #[test]
    #[should_panic(expected = "out of order")]
    fn a_list_fed_out_of_order_is_a_bug() {
        let mut h = VersionHasher::new();
        h.list(LedgerList::Tallies);
    }

    #[test]
    fn every_list_has_its_own_table() {
        let tables: std::collections::BTreeSet<&str> =
            LedgerList::ALL.iter().map(|l| l.table()).collect();
        assert_eq!(tables.len(), 4);
        assert_eq!(ALL_TABLES[3], "ledger_rejected");
    }

    #[test]
    fn a_whole_ledger_splits_into_rows_in_list_order() {
        let lists = rows_of_ledger_json(r#"{"tallies":[{"id":"a"}, {"id":"b"}]}"#).unwrap();
        assert_eq!(lists[0], (LedgerList::Incidents, vec![]));
        let ords: Vec<(i64, &str)> = lists[1]
            .1
            .iter()
            .map(|r| (r.ord, r.json.as_str()))
            .collect();
        assert_eq!(ords, [(0, r#"{"id":"a"}"#), (1, r#"{"id":"b"}"#)]);
    }
}
