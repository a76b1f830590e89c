//! The SQLite backend's errors, and how they become [`StoreError`]s.
//!
//! Inside the backend every query returns [`DbResult`], so `?` works on rusqlite's results
//! and on the crate's own errors alike; the [`Store`](crate::Store) methods convert once, at
//! the trait's edge, which keeps rusqlite out of sw-store's API.

use rusqlite::ffi::ErrorCode;

use crate::StoreError;

/// An error inside the SQLite backend: SQLite's own, or one the backend raised itself.
#[derive(Debug)]
pub(crate) enum DbError {
    Sqlite(rusqlite::Error),
    Store(StoreError),
}

pub(crate) type DbResult<T> = std::result::Result<T, DbError>;

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> DbError {
        DbError::Sqlite(e)
    }
}

impl From<StoreError> for DbError {
    fn from(e: StoreError) -> DbError {
        DbError::Store(e)
    }
}

impl From<DbError> for StoreError {
    fn from(e: DbError) -> StoreError {
        match e {
            DbError::Store(e) => e,
            DbError::Sqlite(e) => classify(e),
        }
    }
}

/// What a SQLite error means for the store; the message is SQLite's own.
fn classify(e: rusqlite::Error) -> StoreError {
    let code = match &e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    };
    let msg = e.to_string();
    match (code, e) {
        (Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked), _) => StoreError::Busy(msg),
        (Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase), _) => StoreError::Corrupt(msg),
        (
            Some(
                ErrorCode::CannotOpen
                | ErrorCode::SystemIoFailure
                | ErrorCode::DiskFull
                | ErrorCode::PermissionDenied
                | ErrorCode::ReadOnly
                | ErrorCode::FileLockingProtocolFailed,
            ),
            _,
        ) => StoreError::Io(msg),
        (_, rusqlite::Error::QueryReturnedNoRows) => StoreError::NotFound(msg),
        _ => StoreError::Backend(msg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: std::ffi::c_int) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn sqlite_errors_say_what_happened_to_the_store() {
        let busy = StoreError::from(DbError::from(failure(rusqlite::ffi::SQLITE_BUSY)));
        assert!(matches!(busy, StoreError::Busy(_)), "{busy:?}");
        assert!(busy.to_string().contains("locked"), "{busy}");
        let corrupt = StoreError::from(DbError::from(failure(rusqlite::ffi::SQLITE_NOTADB)));
        assert!(matches!(corrupt, StoreError::Corrupt(_)), "{corrupt:?}");
        let full = StoreError::from(DbError::from(failure(rusqlite::ffi::SQLITE_FULL)));
        assert!(matches!(full, StoreError::Io(_)), "{full:?}");
        let none = StoreError::from(DbError::from(rusqlite::Error::QueryReturnedNoRows));
        assert!(matches!(none, StoreError::NotFound(_)), "{none:?}");
        let other = StoreError::from(DbError::from(failure(rusqlite::ffi::SQLITE_MISMATCH)));
        assert!(other.to_string().starts_with("database error: "), "{other}");
        let ours = StoreError::from(DbError::from(StoreError::Invalid("x".into())));
        assert_eq!(ours.to_string(), "x");
    }

    #[test]
    fn a_file_that_is_not_a_store_is_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("not.db");
        std::fs::write(&path, vec![b'x'; 8192]).unwrap();
        let err = crate::SqliteStore::open(&path).err().unwrap();
        assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
        assert!(err.to_string().contains("not a database"), "{err}");
    }
}
