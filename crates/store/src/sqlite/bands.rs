//! The LSH band index as a side index derived from `articles.minhash`, written in sorted runs.
//!
//! Band keys are hashes: a B-tree keyed by them takes every new entry on a random leaf page,
//! so inserting a batch's entries in its own transaction rewrote a page per entry (16 per new
//! story, 16 KiB pages): 14.4 GB written for a 1.76 GB store at 100k articles. Here the
//! entries of newly committed articles are kept in memory ([`PendingBands`]) and written to
//! `lsh_bands` in one sorted run once [`FLUSH_ENTRIES`] of them gather (and when the store
//! is closed), so each flush visits each leaf page at most once.
//!
//! `lsh_bands` holds the entries of the articles up to `state.lsh_indexed_through` and of no
//! article after it; the entries of the later articles are derived again from their stored
//! signatures (`copy_of IS NULL`: only articles that start a story are indexed) whenever a
//! connection finds articles it has not seen: after a crash lost its memory, or while another
//! process ingests into the same store. Every lookup sees the table's entries and the pending
//! ones; the table's ids are all smaller than the pending ones, so a bucket reads in id order
//! exactly as if every entry were in the table.

use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use sw_dedup::{Signature, BANDS};

use crate::ArticleId;

/// Pending entries from which they are written to `lsh_bands`: 458,736 entries (28,671 new
/// stories) hold ~30 MB in memory and make a run that is written in well under a second. Why
/// this number: a run is written at the end of the article that fills it, so at most
/// `BANDS - 1` more are held, and 458,752 is what a hash table of 2^19 slots holds before it
/// grows (7/8 of them): 2^19 entries held a table of 2^20 slots (26 MB, not 13) and vectors
/// of twice the size, and a 16 MiB feed's batch of 40,900 stories held 655,000 entries before
/// its run was written (78 MB at the write, about 30 MB now).
pub(crate) const FLUSH_ENTRIES: usize = (1 << 19) / 8 * 7 - BANDS;

/// The `state` key of the last article whose band entries are in `lsh_bands`.
pub(crate) const INDEXED_THROUGH: &str = "lsh_indexed_through";

/// Bits of the filter of the (band, key) pairs in `lsh_bands`: 2^26 (8 MiB), under 2% false
/// positives at 100k articles (1.1 M entries), ~15% at 1 M.
const FILTER_BITS: u32 = 26;

/// No next entry in a bucket's chain.
const END: u32 = u32::MAX;

/// Band entries of stored articles not yet written to `lsh_bands`, by (band, key): each
/// bucket a chain of entries in ascending article id (ids only ever grow here).
#[derive(Debug)]
pub(crate) struct PendingBands {
    /// Pending entries from which they are written ([`FLUSH_ENTRIES`]; fewer in tests).
    pub(crate) flush_at: usize,
    /// `state.lsh_indexed_through` when this connection last looked; `None`: never looked,
    /// or a write failed and what is held cannot be trusted.
    through: Option<ArticleId>,
    /// The last article whose entries are held here or in the table.
    known: ArticleId,
    /// The last article of the run written in the transaction in flight, which the table
    /// covers once it is committed ([`PendingBands::flushed`]).
    written: Option<ArticleId>,
    /// First and last entry of each bucket.
    buckets: FxHashMap<(u8, i64), (u32, u32)>,
    /// (article id, next entry of its bucket).
    entries: Vec<(ArticleId, u32)>,
    /// (band, key) of each entry, for the sorted run.
    keys: Vec<(u8, i64)>,
    /// One bit per hash of the (band, key) pairs in `lsh_bands` (a one-hash Bloom filter):
    /// most band keys are in no bucket, and a clear bit spares the table lookup (16 per new
    /// article, ~3 µs each, more once the table outgrows the page cache). `None`: not read.
    filter: Option<Vec<u64>>,
}

impl Default for PendingBands {
    fn default() -> PendingBands {
        PendingBands {
            flush_at: FLUSH_ENTRIES,
            through: None,
            known: 0,
            written: None,
            buckets: FxHashMap::default(),
            entries: Vec::new(),
            keys: Vec::new(),
            filter: None,
        }
    }
}

impl PendingBands {
    /// Brings what is held up to date with the store, inside the caller's write transaction:
    /// drops what another connection has written to the table meanwhile and derives the
    /// entries of articles stored since this one last looked. Cost: one state read and one
    /// max(id) when nothing changed.
    pub(crate) fn sync(&mut self, tx: &Connection) -> rusqlite::Result<()> {
        let through = indexed_through(tx)?;
        if self.through != Some(through) {
            self.clear();
            self.filter = None;
            self.through = Some(through);
            self.known = through;
        }
        if self.filter.is_none() {
            self.filter = Some(read_filter(tx)?);
        }
        let last: ArticleId =
            tx.query_row("SELECT COALESCE(MAX(id), 0) FROM articles", [], |r| {
                r.get(0)
            })?;
        if last > self.known {
            let mut stmt = tx.prepare_cached(
                "SELECT id, minhash FROM articles WHERE id > ?1 AND copy_of IS NULL ORDER BY id",
            )?;
            let mut rows = stmt.query(params![self.known])?;
            while let Some(r) = rows.next()? {
                let id: ArticleId = r.get(0)?;
                let blob = r.get_ref(1)?.as_blob()?;
                if let Some(sig) = Signature::from_bytes(blob) {
                    for (band, key) in sig.band_keys().iter().enumerate() {
                        self.push(band, *key, id);
                    }
                }
            }
            self.known = last;
        }
        Ok(())
    }

    /// Appends to `out`, after what it holds, the smallest pending ids under `key` in `band`,
    /// until it holds `cap`.
    pub(crate) fn bucket(&self, band: usize, key: i64, cap: usize, out: &mut Vec<ArticleId>) {
        let Some(&(mut at, _)) = self.buckets.get(&(band as u8, key)) else {
            return;
        };
        while at != END && out.len() < cap {
            let (id, next) = self.entries[at as usize];
            out.push(id);
            at = next;
        }
    }

    /// Holds the entries of a batch just written (its articles numbered up to `last`), inside
    /// the batch's transaction `tx`: the entries come in ascending article id, after every id
    /// held, and whenever [`FLUSH_ENTRIES`] are held at the end of an article they are written
    /// as a run ([`PendingBands::write`]), so that a big batch never holds more. Returns
    /// whether a run was written (the caller calls [`PendingBands::flushed`] once it commits).
    pub(crate) fn add(
        &mut self,
        tx: &Connection,
        bands: &[(usize, i64, ArticleId)],
        last: ArticleId,
    ) -> rusqlite::Result<bool> {
        let mut sorted: Vec<&(usize, i64, ArticleId)> = bands.iter().collect();
        sorted.sort_unstable_by_key(|(band, key, id)| (*id, *band, *key));
        let mut wrote = false;
        for (at, (band, key, id)) in sorted.iter().enumerate() {
            self.push(*band, *key, *id);
            let article_ends = sorted.get(at + 1).is_none_or(|next| next.2 != *id);
            if article_ends && self.full() {
                self.known = self.known.max(*id);
                self.write(tx)?;
                wrote = true;
            }
        }
        self.known = self.known.max(last);
        Ok(wrote)
    }

    /// Whether `lsh_bands` may hold entries under `key` in `band` (false: it holds none).
    pub(crate) fn in_table(&self, band: usize, key: i64) -> bool {
        match &self.filter {
            Some(bits) => {
                let at = slot(band as u8, key);
                bits[at / 64] & (1 << (at % 64)) != 0
            }
            None => true,
        }
    }

    /// Pending entries.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Enough entries are pending to be written as a run.
    pub(crate) fn full(&self) -> bool {
        self.entries.len() >= self.flush_at
    }

    /// Writes every pending entry to `lsh_bands` as one sorted run and records the articles
    /// covered, inside the caller's transaction, and lets go of them: until the caller has
    /// committed ([`PendingBands::flushed`]) nothing held is trusted, so a transaction that
    /// fails makes the next [`PendingBands::sync`] derive them again from the store.
    pub(crate) fn write(&mut self, tx: &Connection) -> rusqlite::Result<()> {
        self.through = None;
        // the bucket chains are not needed for the run: freed before it is built
        self.buckets = FxHashMap::default();
        let keys = std::mem::take(&mut self.keys);
        let entries = std::mem::take(&mut self.entries);
        let mut run: Vec<(u8, i64, ArticleId)> = keys
            .into_iter()
            .zip(entries)
            .map(|((band, key), (id, _))| (band, key, id))
            .collect();
        run.sort_unstable();
        let mut insert = tx.prepare_cached(
            "INSERT OR IGNORE INTO lsh_bands (band, key, article_id) VALUES (?1, ?2, ?3)",
        )?;
        for (band, key, id) in run {
            insert.execute(params![band as i64, key, id])?;
            if let Some(bits) = &mut self.filter {
                set(bits, band, key);
            }
        }
        tx.execute(
            "INSERT INTO state (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![INDEXED_THROUGH, self.known.to_string()],
        )?;
        self.written = Some(self.known);
        Ok(())
    }

    /// The runs written by [`PendingBands::write`] are committed: the table now covers every
    /// article through the last run, and what is held since is trusted again.
    pub(crate) fn flushed(&mut self) {
        if let Some(written) = self.written.take() {
            self.through = Some(written);
        }
    }

    /// Forgets everything (a write failed): the next [`PendingBands::sync`] derives the
    /// pending entries again from the store.
    pub(crate) fn invalidate(&mut self) {
        self.clear();
        self.written = None;
        self.filter = None;
        self.through = None;
    }

    fn clear(&mut self) {
        self.buckets = FxHashMap::default();
        self.entries = Vec::new();
        self.keys = Vec::new();
    }

    fn push(&mut self, band: usize, key: i64, id: ArticleId) {
        let at = u32::try_from(self.entries.len())
            .expect("pending entries are flushed long before 2^32");
        self.entries.push((id, END));
        self.keys.push((band as u8, key));
        match self.buckets.get_mut(&(band as u8, key)) {
            Some((_, last)) => {
                self.entries[*last as usize].1 = at;
                *last = at;
            }
            None => {
                self.buckets.insert((band as u8, key), (at, at));
            }
        }
    }
}

/// The filter's bit for (band, key): band keys are hashes already, mixed with the band.
fn slot(band: u8, key: i64) -> usize {
    let h = (key as u64 ^ u64::from(band).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_mul(0xbf58_476d_1ce4_e5b9);
    (h >> (64 - FILTER_BITS)) as usize
}

fn set(bits: &mut [u64], band: u8, key: i64) {
    let at = slot(band, key);
    bits[at / 64] |= 1 << (at % 64);
}

/// The filter of every (band, key) pair in `lsh_bands`: one pass over the table (~0.3 s at
/// 100k articles), when a connection first writes and when another one has written a run.
fn read_filter(tx: &Connection) -> rusqlite::Result<Vec<u64>> {
    let mut bits = vec![0u64; (1usize << FILTER_BITS) / 64];
    let mut stmt = tx.prepare("SELECT band, key FROM lsh_bands")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        set(&mut bits, r.get::<_, i64>(0)? as u8, r.get(1)?);
    }
    Ok(bits)
}

/// `state.lsh_indexed_through` (0 before any article).
fn indexed_through(tx: &Connection) -> rusqlite::Result<ArticleId> {
    let v: Option<String> = tx
        .query_row(
            "SELECT value FROM state WHERE key = ?1",
            params![INDEXED_THROUGH],
            |r| r.get(0),
        )
        .optional()?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}
