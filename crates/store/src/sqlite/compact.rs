//! Reports stored compactly: each report's JSON is kept in `reports.json` as one zstd frame
//! (level 1) rather than as text. A report's JSON repeats the codebook's field names and
//! values, so it packs ~3.7 to 1 (2.6 kB of JSON to ~0.7 kB): reports were 38% of a store
//! (679 MB of 1.76 GB at 100k articles) and of what an ingest writes. Readers get the JSON
//! back byte for byte; a text value (a store written before, or by hand) is read as it is.

use std::cell::RefCell;

use rusqlite::types::{Type, ValueRef};
use rusqlite::{params, Connection};

/// zstd's fastest level: packing runs on the store's thread, at ~400 MB/s; higher levels
/// gain 3-5% of size for twice the time.
const LEVEL: i32 = 1;

/// Most bytes one report's JSON may unpack to (the largest real ones are a few tens of kB).
const MAX_REPORT_BYTES: u64 = 64 << 20;

/// Reports converted per statement round by the migration.
const CHUNK: i64 = 4096;

/// A compressor kept for a batch of reports (its context is allocated once).
pub(crate) struct Packer(zstd::bulk::Compressor<'static>);

impl Packer {
    pub(crate) fn new() -> rusqlite::Result<Packer> {
        zstd::bulk::Compressor::new(LEVEL)
            .map(Packer)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    }

    /// The stored form of a report's JSON.
    pub(crate) fn pack(&mut self, json: &str) -> rusqlite::Result<Vec<u8>> {
        self.0
            .compress(json.as_bytes())
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    }
}

/// A report's JSON from its stored form (column `col` of the row being read): a zstd frame,
/// or text as written before reports were packed.
pub(crate) fn unpack(value: ValueRef<'_>, col: usize) -> rusqlite::Result<String> {
    let bad = |ty: Type, e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(col, ty, e)
    };
    match value {
        ValueRef::Text(t) => String::from_utf8(t.to_vec()).map_err(|e| bad(Type::Text, e.into())),
        ValueRef::Blob(b) => {
            let bytes = unpack_bytes(b).map_err(|e| bad(Type::Blob, e.into()))?;
            String::from_utf8(bytes).map_err(|e| bad(Type::Blob, e.into()))
        }
        other => Err(rusqlite::Error::InvalidColumnType(
            col,
            "json".into(),
            other.data_type(),
        )),
    }
}

thread_local! {
    /// A decompression context per thread, kept: a new one for each report (what a streaming
    /// decoder does) allocated its window buffers every time, ~8% of an ingest's CPU.
    static UNPACKER: RefCell<Option<zstd::bulk::Decompressor<'static>>> = const { RefCell::new(None) };
}

/// The bytes a zstd frame holds. The frames [`Packer`] writes carry their size, so the output
/// is allocated once.
fn unpack_bytes(frame: &[u8]) -> std::io::Result<Vec<u8>> {
    let size = match zstd::zstd_safe::get_frame_content_size(frame) {
        Ok(Some(n)) if n <= MAX_REPORT_BYTES => n as usize,
        // a damaged frame must not make the reader allocate what its header claims
        Ok(Some(n)) => {
            return Err(std::io::Error::other(format!(
                "a stored report claims {n} bytes, more than any report holds"
            )))
        }
        _ => return zstd::decode_all(frame),
    };
    UNPACKER.with(|cell| {
        let mut cell = cell.borrow_mut();
        let unpacker = match cell.as_mut() {
            Some(u) => u,
            None => cell.insert(zstd::bulk::Decompressor::new()?),
        };
        unpacker.decompress(frame, size)
    })
}

/// The migration that packs the reports of a store written before: every text value of
/// `reports.json` becomes its zstd frame, a chunk of reports at a time (keyset on the id,
/// so the cost is linear in the reports), inside the migration's transaction.
pub(crate) fn pack_old_reports(conn: &Connection) -> rusqlite::Result<()> {
    let mut packer = Packer::new()?;
    let mut read = conn.prepare(
        "SELECT id, json FROM reports WHERE id > ?1 AND typeof(json) = 'text' ORDER BY id LIMIT ?2",
    )?;
    let mut write = conn.prepare("UPDATE reports SET json = ?2 WHERE id = ?1")?;
    let mut after = i64::MIN;
    loop {
        let chunk: Vec<(i64, String)> = read
            .query_map(params![after, CHUNK], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let Some(last) = chunk.last() else {
            return Ok(());
        };
        after = last.0;
        for (id, json) in &chunk {
            write.execute(params![id, packer.pack(json)?])?;
        }
    }
}
