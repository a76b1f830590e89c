//! Copying a whole store out of and into PostgreSQL (see [`crate::copy`]): rows read in
//! their copy order from one repeatable-read snapshot through a portal, a page at a time; each
//! batch written with one multi-row statement (`unnest` of one array per column) in one write
//! transaction, an article batch with its LSH band entries. Integer columns are read as
//! `bigint` whatever their width here. The decision log's `seq` is copied, so its serial is
//! moved past the copied values afterwards ([`PostgresStore::copy_done_db`]).

use postgres::types::ToSql;

use super::{no_nul, write_tx, PgResult, PostgresStore, PAGE};
use crate::copy::{band_entries, Batcher, Cell, Kind, Row, Table, PRIVATE_STATE, TABLES};
use crate::StoreError;

/// One column of a batch, as the array it is bound as.
enum Column {
    Int(Vec<Option<i64>>),
    Text(Vec<Option<String>>),
    Blob(Vec<Option<Vec<u8>>>),
}

impl PostgresStore {
    pub(crate) fn copy_is_empty_db(&self) -> PgResult<bool> {
        let mut c = self.client()?;
        for t in TABLES.iter().filter(|t| t.name != "state") {
            let any: bool = c
                .query_one(&format!("SELECT EXISTS (SELECT 1 FROM {})", t.name), &[])?
                .get(0);
            if any {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub(crate) fn copy_out_db(
        &self,
        t: &Table,
        visit: &mut dyn FnMut(Vec<Row>) -> bool,
    ) -> PgResult<()> {
        let cols: Vec<String> = t
            .columns
            .iter()
            .map(|(c, k)| match k {
                Kind::Int => format!("{c}::bigint"),
                _ => c.to_string(),
            })
            .collect();
        let sql = format!(
            "SELECT {} FROM {} ORDER BY {}",
            cols.join(", "),
            t.name,
            t.order_by("rid")
        );
        let mut c = self.client()?;
        let mut tx = c
            .build_transaction()
            .read_only(true)
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .start()?;
        let stmt = tx.prepare(&sql)?;
        let portal = tx.bind(&stmt, &[])?;
        let mut batch = Batcher::new(visit);
        loop {
            let rows = tx.query_portal(&portal, PAGE as i32)?;
            for r in &rows {
                let mut row = Vec::with_capacity(t.columns.len());
                for (i, (_, kind)) in t.columns.iter().enumerate() {
                    let cell = match kind {
                        Kind::Int => r.try_get::<_, Option<i64>>(i)?.map(Cell::Int),
                        Kind::Text | Kind::Json => {
                            r.try_get::<_, Option<String>>(i)?.map(Cell::Text)
                        }
                        Kind::Blob => r.try_get::<_, Option<Vec<u8>>>(i)?.map(Cell::Blob),
                    };
                    row.push(cell.unwrap_or(Cell::Null));
                }
                if t.name == "state" && row[0].as_text().is_some_and(|k| PRIVATE_STATE.contains(&k))
                {
                    continue;
                }
                if !batch.push(row) {
                    return Ok(());
                }
            }
            if (rows.len() as i64) < PAGE {
                break;
            }
        }
        batch.flush();
        Ok(())
    }

    pub(crate) fn copy_in_db(&mut self, t: &Table, rows: Vec<Row>) -> PgResult<()> {
        let mut columns: Vec<Column> = t
            .columns
            .iter()
            .map(|(_, k)| match k {
                Kind::Int => Column::Int(Vec::with_capacity(rows.len())),
                Kind::Text | Kind::Json => Column::Text(Vec::with_capacity(rows.len())),
                Kind::Blob => Column::Blob(Vec::with_capacity(rows.len())),
            })
            .collect();
        let bands = if t.name == "articles" {
            band_entries(&rows)
        } else {
            Vec::new()
        };
        for row in rows {
            for ((cell, column), (name, _)) in row.into_iter().zip(&mut columns).zip(t.columns) {
                let mismatch =
                    || StoreError::Invalid(format!("{}.{name}: a value of another kind", t.name));
                match (column, cell) {
                    (Column::Int(v), Cell::Null) => v.push(None),
                    (Column::Text(v), Cell::Null) => v.push(None),
                    (Column::Blob(v), Cell::Null) => v.push(None),
                    (Column::Int(v), Cell::Int(n)) => v.push(Some(n)),
                    (Column::Text(v), Cell::Text(s)) => {
                        no_nul(&format!("{}.{name}", t.name), &s)?;
                        v.push(Some(s))
                    }
                    (Column::Blob(v), Cell::Blob(b)) => v.push(Some(b)),
                    _ => return Err(mismatch().into()),
                }
            }
        }
        let params: Vec<&(dyn ToSql + Sync)> = columns
            .iter()
            .map(|c| match c {
                Column::Int(v) => v as &(dyn ToSql + Sync),
                Column::Text(v) => v as &(dyn ToSql + Sync),
                Column::Blob(v) => v as &(dyn ToSql + Sync),
            })
            .collect();
        let arrays: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let ty = match c {
                    Column::Int(_) => "bigint",
                    Column::Text(_) => "text",
                    Column::Blob(_) => "bytea",
                };
                format!("${}::{ty}[]", i + 1)
            })
            .collect();
        let names: Vec<String> = (0..columns.len()).map(|i| format!("c{i}")).collect();
        let conflict = if t.name == "state" {
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        } else {
            ""
        };
        let sql = format!(
            "INSERT INTO {} ({}) SELECT {} FROM unnest({}) WITH ORDINALITY AS u ({}, n)
             ORDER BY u.n{conflict}",
            t.name,
            t.column_list(),
            names
                .iter()
                .map(|n| format!("u.{n}"))
                .collect::<Vec<_>>()
                .join(", "),
            arrays.join(", "),
            names.join(", ")
        );
        let mut tx = write_tx(self.client.get_mut())?;
        tx.execute(&sql, &params)?;
        if !bands.is_empty() {
            let (b, k, a): (Vec<i64>, Vec<i64>, Vec<i64>) = bands.into_iter().fold(
                (Vec::new(), Vec::new(), Vec::new()),
                |(mut b, mut k, mut a), (x, y, z)| {
                    b.push(x);
                    k.push(y);
                    a.push(z);
                    (b, k, a)
                },
            );
            tx.execute(
                "INSERT INTO lsh_bands (band, key, article_id)
                 SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])
                 ON CONFLICT DO NOTHING",
                &[&b, &k, &a],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// After the last table: the decision log's serial continues after the copied entries.
    pub(crate) fn copy_done_db(&mut self) -> PgResult<()> {
        let mut tx = write_tx(self.client.get_mut())?;
        tx.execute(
            "SELECT setval(pg_get_serial_sequence('decisions', 'seq'),
                 COALESCE((SELECT max(seq) FROM decisions), 1),
                 (SELECT max(seq) FROM decisions) IS NOT NULL)",
            &[],
        )?;
        tx.commit()?;
        Ok(())
    }
}
