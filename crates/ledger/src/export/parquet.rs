//! `parquet` (cargo feature `parquet`): the `csv` table with typed columns, written with the
//! `parquet` crate's column writer (no Arrow, which would add minutes to a 2-core build).
//! Without the feature, asking for it is an `Unsupported` error that says how to rebuild.

/// The Parquet type of a `csv` column.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ColumnType {
    Str,
    Int,
    Double,
    Bool,
}

/// The type a `csv` column has in the Parquet export.
pub fn csv_column_type(name: &str) -> ColumnType {
    match name {
        "latitude" | "longitude" => ColumnType::Double,
        "contested" => ColumnType::Bool,
        "place_precision" | "stories" | "reports" | "vessels_best" => ColumnType::Int,
        n if n.ends_with("_low") || n.ends_with("_best") || n.ends_with("_high") => ColumnType::Int,
        _ => ColumnType::Str,
    }
}

#[cfg(not(feature = "parquet"))]
pub(super) fn write(_: &crate::Ledger, _: &mut dyn std::io::Write) -> std::io::Result<()> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "this strikewatch was built without Parquet support: rebuild with `--features parquet`, or export csv",
    ))
}

#[cfg(feature = "parquet")]
pub(super) use writer::write;

#[cfg(feature = "parquet")]
mod writer {
    use std::io::{self, Write};
    use std::sync::Arc;

    use ::parquet::data_type::{
        BoolType, ByteArray, ByteArrayType, DataType, DoubleType, Int64Type,
    };
    use ::parquet::file::properties::WriterProperties;
    use ::parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
    use ::parquet::schema::parser::parse_message_type;

    use super::super::csv::{csv_row, CSV_COLUMNS};
    use super::{csv_column_type, ColumnType};
    use crate::Ledger;

    fn err(e: ::parquet::errors::ParquetError) -> io::Error {
        io::Error::other(e)
    }

    fn bad(col: &str, cell: &str) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("column {col}: {cell:?} is not a number"),
        )
    }

    /// The cells of a numeric column, parsed.
    fn parsed<'a, T: std::str::FromStr>(
        name: &str,
        cells: impl Iterator<Item = &'a &'a str>,
    ) -> io::Result<Vec<T>> {
        cells.map(|c| c.parse().map_err(|_| bad(name, c))).collect()
    }

    /// Writes a column's present `values`; `defs` says which rows have one (1) or are null (0).
    fn put<T: DataType>(
        col: &mut SerializedColumnWriter<'_>,
        values: &[T::T],
        defs: &[i16],
    ) -> io::Result<()> {
        let written = col.typed::<T>().write_batch(values, Some(defs), None);
        written.map(|_| ()).map_err(err)
    }

    /// The `csv` table as one Parquet row group, every column OPTIONAL (an empty cell is null).
    pub(in crate::export) fn write(ledger: &Ledger, out: &mut dyn Write) -> io::Result<()> {
        let rows: Vec<Vec<String>> = ledger.incidents.iter().map(csv_row).collect();
        let mut schema = String::from("message incidents {\n");
        for c in CSV_COLUMNS {
            let t = match csv_column_type(c) {
                ColumnType::Int => "INT64",
                ColumnType::Double => "DOUBLE",
                ColumnType::Bool => "BOOLEAN",
                ColumnType::Str => "BYTE_ARRAY",
            };
            let ann = if csv_column_type(c) == ColumnType::Str {
                " (UTF8)"
            } else {
                ""
            };
            schema.push_str(&format!("  OPTIONAL {t} {c}{ann};\n"));
        }
        schema.push('}');
        let schema = Arc::new(parse_message_type(&schema).map_err(err)?);
        let props = Arc::new(WriterProperties::builder().build());
        let mut buf: Vec<u8> = Vec::new();
        let mut w = SerializedFileWriter::new(&mut buf, schema, props).map_err(err)?;
        let mut rg = w.next_row_group().map_err(err)?;
        let mut ci = 0;
        while let Some(mut col) = rg.next_column().map_err(err)? {
            let name = CSV_COLUMNS[ci];
            let cells: Vec<&str> = rows.iter().map(|r| r[ci].as_str()).collect();
            let defs: Vec<i16> = cells.iter().map(|c| i16::from(!c.is_empty())).collect();
            let present = cells.iter().filter(|c| !c.is_empty());
            match csv_column_type(name) {
                ColumnType::Int => put::<Int64Type>(&mut col, &parsed(name, present)?, &defs)?,
                ColumnType::Double => put::<DoubleType>(&mut col, &parsed(name, present)?, &defs)?,
                ColumnType::Bool => {
                    let v: Vec<bool> = present.map(|c| *c == "true").collect();
                    put::<BoolType>(&mut col, &v, &defs)?
                }
                ColumnType::Str => {
                    let v: Vec<ByteArray> = present.map(|c| ByteArray::from(*c)).collect();
                    put::<ByteArrayType>(&mut col, &v, &defs)?
                }
            }
            col.close().map_err(err)?;
            ci += 1;
        }
        rg.close().map_err(err)?;
        w.close().map_err(err)?;
        out.write_all(&buf)
    }
}
