//! The rows both backends read into the same plain structs ([`FeedState`], [`LedgerChange`],
//! [`DecisionRow`], [`IncidentChange`], [`LedgerVersion`]): the column lists and the mapping
//! from a row's cells to the struct, written once over [`Cells`], which each backend's row
//! type implements. Why: the backends select the same columns in the same order, and a field
//! added to one struct must be read the same way by both, or the two stores would disagree
//! on what they hold.

use crate::{DecisionRow, FeedState, IncidentChange, LedgerChange, LedgerVersion};

/// The cells of one result row, by position, as the plain types the structs hold.
pub(crate) trait Cells {
    type Error;
    fn int(&self, i: usize) -> Result<i64, Self::Error>;
    fn opt_int(&self, i: usize) -> Result<Option<i64>, Self::Error>;
    fn text(&self, i: usize) -> Result<String, Self::Error>;
    fn opt_text(&self, i: usize) -> Result<Option<String>, Self::Error>;
}

impl Cells for rusqlite::Row<'_> {
    type Error = rusqlite::Error;
    fn int(&self, i: usize) -> rusqlite::Result<i64> {
        self.get(i)
    }
    fn opt_int(&self, i: usize) -> rusqlite::Result<Option<i64>> {
        self.get(i)
    }
    fn text(&self, i: usize) -> rusqlite::Result<String> {
        self.get(i)
    }
    fn opt_text(&self, i: usize) -> rusqlite::Result<Option<String>> {
        self.get(i)
    }
}

#[cfg(feature = "postgres")]
impl Cells for postgres::Row {
    type Error = postgres::Error;
    fn int(&self, i: usize) -> Result<i64, postgres::Error> {
        self.try_get(i)
    }
    fn opt_int(&self, i: usize) -> Result<Option<i64>, postgres::Error> {
        self.try_get(i)
    }
    fn text(&self, i: usize) -> Result<String, postgres::Error> {
        self.try_get(i)
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>, postgres::Error> {
        self.try_get(i)
    }
}

/// The columns of `feeds`, in [`feed_of`]'s order: [`FEED_STATE_COLUMNS`], then the claim.
pub(crate) const FEED_COLUMNS: &str = "url, added_ms, etag, last_modified, last_success_ms, \
     last_error, last_error_ms, failures, next_poll_ms, interval_ms, items_seen, claimed_by, \
     lease_until_ms";

/// The columns of `feeds` that `put_feed` writes: the state a poll leaves, not the claim
/// (which only `claim_feeds` takes and `put_feed` releases).
pub(crate) const FEED_STATE_COLUMNS: &str = "url, added_ms, etag, last_modified, \
     last_success_ms, last_error, last_error_ms, failures, next_poll_ms, interval_ms, items_seen";

pub(crate) fn feed_of<R: Cells>(r: &R) -> Result<FeedState, R::Error> {
    Ok(FeedState {
        url: r.text(0)?,
        added_ms: r.int(1)?,
        etag: r.opt_text(2)?,
        last_modified: r.opt_text(3)?,
        last_success_ms: r.opt_int(4)?,
        last_error: r.opt_text(5)?,
        last_error_ms: r.opt_int(6)?,
        failures: r.int(7)?,
        next_poll_ms: r.opt_int(8)?,
        interval_ms: r.opt_int(9)?,
        items_seen: r.int(10)?,
        claimed_by: r.opt_text(11)?,
        lease_until_ms: r.opt_int(12)?,
    })
}

/// Claimed feeds in the order [`crate::Store::claim_feeds`] promises (`RETURNING` keeps
/// none): the soonest due first, never polled before all, then by URL.
pub(crate) fn by_due(mut feeds: Vec<FeedState>) -> Vec<FeedState> {
    feeds.sort_by(|a, b| {
        let due = |f: &FeedState| f.next_poll_ms.unwrap_or(i64::MIN);
        due(a).cmp(&due(b)).then_with(|| a.url.cmp(&b.url))
    });
    feeds
}

/// The columns of `ledger_changes`, in [`change_of`]'s order.
pub(crate) const CHANGE_COLUMNS: &str = "seq, key, detected_ms, country, json";

pub(crate) fn change_of<R: Cells>(r: &R) -> Result<LedgerChange, R::Error> {
    Ok(LedgerChange {
        seq: r.int(0)?,
        key: r.text(1)?,
        detected_ms: r.int(2)?,
        country: r.opt_text(3)?,
        json: r.text(4)?,
    })
}

/// The columns of `decisions`, in [`decision_of`]'s order.
pub(crate) const DECISION_COLUMNS: &str = "id, author, at, kind, incident, json";

pub(crate) fn decision_of<R: Cells>(r: &R, first: usize) -> Result<DecisionRow, R::Error> {
    Ok(DecisionRow {
        id: r.text(first)?,
        author: r.text(first + 1)?,
        at: r.text(first + 2)?,
        kind: r.text(first + 3)?,
        incident: r.text(first + 4)?,
        json: r.text(first + 5)?,
    })
}

/// `version, id, kind, other` of `incident_changes`.
pub(crate) fn incident_change_of<R: Cells>(r: &R) -> Result<IncidentChange, R::Error> {
    Ok(IncidentChange {
        version: r.int(0)?,
        id: r.text(1)?,
        kind: r.text(2)?,
        other: r.opt_text(3)?,
    })
}

/// `version, hash, published_at, generation, incidents` of `ledger_versions` and the count of
/// its changes.
pub(crate) fn version_of<R: Cells>(r: &R) -> Result<LedgerVersion, R::Error> {
    Ok(LedgerVersion {
        version: r.int(0)?,
        hash: r.text(1)?,
        published_at: r.text(2)?,
        generation: r.int(3)?,
        incidents: r.int(4)?,
        changes: r.int(5)?,
    })
}
