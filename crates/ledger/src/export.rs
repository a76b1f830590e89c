//! Export writers. Every column of every format is documented in `EXPORTS.md`; the CLI owns
//! files, so writers take `&mut dyn Write`.
//!
//! - `json`: the whole ledger (`{"incidents", "tallies", "developments"}`).
//! - `csv`: one row per incident, strikewatch's own columns.
//! - `acled`: ACLED's column names; incidents plus occurred developments.
//! - `ucdp`: UCDP GED-style columns; incidents only.
//! - `geojson`: a FeatureCollection of Points for incidents with coordinates.
//! - `parquet` (cargo feature `parquet`): the `csv` table with typed columns, written with
//!   the `parquet` crate's column writer (no Arrow, which would add minutes to a 2-core
//!   build). Without the feature, asking for it is an `Unsupported` error.

use std::io::{self, Write};

use serde_json::{json, Value};
use sw_model::{DatePrecision, EventType, Modality};

use crate::reconcile::IncidentFigure;
use crate::{Development, Grade, Incident, Ledger};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Json,
    Csv,
    Acled,
    Ucdp,
    Geojson,
    /// Only with the `parquet` cargo feature.
    Parquet,
}

impl ExportFormat {
    /// The formats every build can write (Parquet needs the `parquet` feature).
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Json,
        ExportFormat::Csv,
        ExportFormat::Acled,
        ExportFormat::Ucdp,
        ExportFormat::Geojson,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Acled => "acled",
            ExportFormat::Ucdp => "ucdp",
            ExportFormat::Geojson => "geojson",
            ExportFormat::Parquet => "parquet",
        }
    }

    /// Reads a format name (case-insensitive).
    pub fn parse(s: &str) -> Option<ExportFormat> {
        let s = s.trim().to_ascii_lowercase();
        ExportFormat::ALL
            .into_iter()
            .chain([ExportFormat::Parquet])
            .find(|f| f.name() == s)
    }

    /// Whether this build can write the format.
    pub fn available(self) -> bool {
        self != ExportFormat::Parquet || cfg!(feature = "parquet")
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Geojson => "geojson",
            ExportFormat::Parquet => "parquet",
            _ => "csv",
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        ExportFormat::parse(s).ok_or_else(|| {
            format!(
                "unknown export format {s:?}: use one of json, csv, acled, ucdp, geojson, parquet"
            )
        })
    }
}

/// Writes the ledger in `format`.
pub fn write(ledger: &Ledger, format: ExportFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, ledger)?;
            out.write_all(b"\n")
        }
        ExportFormat::Csv => csv_table(out, &CSV_COLUMNS, ledger.incidents.iter().map(csv_row)),
        ExportFormat::Acled => {
            let rows = ledger
                .incidents
                .iter()
                .filter(|i| i.date.is_some())
                .map(acled_incident)
                .chain(
                    ledger
                        .developments
                        .iter()
                        .filter(|d| d.modality == Modality::Occurred && d.date.is_some())
                        .map(acled_development),
                );
            csv_table(out, &ACLED_COLUMNS, rows)
        }
        ExportFormat::Ucdp => csv_table(
            out,
            &UCDP_COLUMNS,
            ledger
                .incidents
                .iter()
                .filter(|i| {
                    i.date.is_some() && matches!(i.event_type, EventType::Strike | EventType::Raid)
                })
                .map(ucdp_row),
        ),
        ExportFormat::Geojson => {
            serde_json::to_writer_pretty(&mut *out, &geojson(ledger))?;
            out.write_all(b"\n")
        }
        #[cfg(feature = "parquet")]
        ExportFormat::Parquet => parquet_out::write(ledger, out),
        #[cfg(not(feature = "parquet"))]
        ExportFormat::Parquet => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "this strikewatch was built without Parquet support: rebuild with `--features parquet`, or export csv",
        )),
    }
}

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

#[cfg(feature = "parquet")]
mod parquet_out {
    use std::io::{self, Write};
    use std::sync::Arc;

    use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;

    use super::{csv_column_type, csv_row, ColumnType, CSV_COLUMNS};
    use crate::Ledger;

    fn err(e: parquet::errors::ParquetError) -> io::Error {
        io::Error::other(e)
    }

    fn bad(col: &str, cell: &str) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("column {col}: {cell:?} is not a number"),
        )
    }

    /// The `csv` table as one Parquet row group, every column OPTIONAL (an empty cell is null).
    pub(super) fn write(ledger: &Ledger, out: &mut dyn Write) -> io::Result<()> {
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
                ColumnType::Int => {
                    let v = present
                        .map(|c| c.parse::<i64>().map_err(|_| bad(name, c)))
                        .collect::<io::Result<Vec<_>>>()?;
                    col.typed::<Int64Type>()
                        .write_batch(&v, Some(&defs), None)
                        .map_err(err)?;
                }
                ColumnType::Double => {
                    let v = present
                        .map(|c| c.parse::<f64>().map_err(|_| bad(name, c)))
                        .collect::<io::Result<Vec<_>>>()?;
                    col.typed::<DoubleType>()
                        .write_batch(&v, Some(&defs), None)
                        .map_err(err)?;
                }
                ColumnType::Bool => {
                    let v: Vec<bool> = present.map(|c| *c == "true").collect();
                    col.typed::<BoolType>()
                        .write_batch(&v, Some(&defs), None)
                        .map_err(err)?;
                }
                ColumnType::Str => {
                    let v: Vec<ByteArray> = present.map(|c| ByteArray::from(*c)).collect();
                    col.typed::<ByteArrayType>()
                        .write_batch(&v, Some(&defs), None)
                        .map_err(err)?;
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

fn csv_table(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header)?;
    for r in rows {
        debug_assert_eq!(r.len(), header.len());
        w.write_record(&r)?;
    }
    w.flush()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn fig3(f: Option<&IncidentFigure>) -> [String; 3] {
    match f {
        Some(f) => [opt(f.low), opt(f.best), opt(f.high)],
        None => Default::default(),
    }
}

fn urls(i: &Incident) -> String {
    crate::distinct(i.sources.iter().filter_map(|s| s.url.clone())).join(" ")
}

fn outlets(i: &Incident) -> Vec<String> {
    crate::distinct(
        i.sources
            .iter()
            .filter_map(|s| s.outlet.clone().or_else(|| host(s.url.as_deref()))),
    )
}

fn host(url: Option<&str>) -> Option<String> {
    let u = url?;
    let rest = u.split("://").nth(1).unwrap_or(u);
    let h = rest.split(['/', '?', '#']).next()?;
    Some(h.trim_start_matches("www.").to_string()).filter(|h| !h.is_empty())
}

/// Columns of the `csv` export.
pub const CSV_COLUMNS: [&str; 31] = [
    "id",
    "event_type",
    "target_kind",
    "means",
    "modality",
    "date",
    "date_precision",
    "place_name",
    "country",
    "region",
    "admin1",
    "latitude",
    "longitude",
    "place_precision",
    "killed_low",
    "killed_best",
    "killed_high",
    "injured_low",
    "injured_best",
    "injured_high",
    "survivors_low",
    "survivors_best",
    "survivors_high",
    "vessels_best",
    "contested",
    "grade",
    "stories",
    "reports",
    "perpetrators",
    "report_ids",
    "urls",
];

fn csv_row(i: &Incident) -> Vec<String> {
    let [kl, kb, kh] = fig3(i.figures.killed.as_ref());
    let [il, ib, ih] = fig3(i.figures.injured.as_ref());
    let [sl, sb, sh] = fig3(i.figures.survivors.as_ref());
    let [_, vb, _] = fig3(i.figures.vessels.as_ref());
    vec![
        i.id.clone(),
        i.event_type.as_str().into(),
        opt(i.target_kind.map(|t| t.as_str())),
        opt(i.means.clone()),
        i.modality.as_str().into(),
        opt(i.date.clone()),
        i.date_precision.as_str().into(),
        opt(i.place.name.clone()),
        opt(i.place.country.clone()),
        opt(i.place.region.clone()),
        opt(i.place.admin1.clone()),
        opt(i.place.lat),
        opt(i.place.lon),
        i.place.precision.to_string(),
        kl,
        kb,
        kh,
        il,
        ib,
        ih,
        sl,
        sb,
        sh,
        vb,
        i.contested.to_string(),
        i.grade.as_str().into(),
        i.stories.to_string(),
        i.sources.len().to_string(),
        i.perpetrators
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        i.sources
            .iter()
            .map(|s| s.report_id.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        urls(i),
    ]
}

/// Columns of the `acled` export (ACLED's own names and order).
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Country facts for the Americas (where the campaign is): alpha-2, ISO 3166 numeric,
/// alpha-3, name, ACLED region.
const COUNTRIES: &[(&str, u16, &str, &str, &str)] = &[
    ("AG", 28, "ATG", "Antigua and Barbuda", "Caribbean"),
    ("AR", 32, "ARG", "Argentina", "South America"),
    ("BB", 52, "BRB", "Barbados", "Caribbean"),
    ("BO", 68, "BOL", "Bolivia", "South America"),
    ("BR", 76, "BRA", "Brazil", "South America"),
    ("BS", 44, "BHS", "Bahamas", "Caribbean"),
    ("BZ", 84, "BLZ", "Belize", "Central America"),
    ("CA", 124, "CAN", "Canada", "North America"),
    ("CL", 152, "CHL", "Chile", "South America"),
    ("CO", 170, "COL", "Colombia", "South America"),
    ("CR", 188, "CRI", "Costa Rica", "Central America"),
    ("CU", 192, "CUB", "Cuba", "Caribbean"),
    ("DM", 212, "DMA", "Dominica", "Caribbean"),
    ("DO", 214, "DOM", "Dominican Republic", "Caribbean"),
    ("EC", 218, "ECU", "Ecuador", "South America"),
    ("GD", 308, "GRD", "Grenada", "Caribbean"),
    ("GT", 320, "GTM", "Guatemala", "Central America"),
    ("GY", 328, "GUY", "Guyana", "South America"),
    ("HN", 340, "HND", "Honduras", "Central America"),
    ("HT", 332, "HTI", "Haiti", "Caribbean"),
    ("JM", 388, "JAM", "Jamaica", "Caribbean"),
    ("KN", 659, "KNA", "Saint Kitts and Nevis", "Caribbean"),
    ("LC", 662, "LCA", "Saint Lucia", "Caribbean"),
    ("MX", 484, "MEX", "Mexico", "Central America"),
    ("NI", 558, "NIC", "Nicaragua", "Central America"),
    ("PA", 591, "PAN", "Panama", "Central America"),
    ("PE", 604, "PER", "Peru", "South America"),
    ("PR", 630, "PRI", "Puerto Rico", "Caribbean"),
    ("PY", 600, "PRY", "Paraguay", "South America"),
    ("SR", 740, "SUR", "Suriname", "South America"),
    ("SV", 222, "SLV", "El Salvador", "Central America"),
    ("TT", 780, "TTO", "Trinidad and Tobago", "Caribbean"),
    ("US", 840, "USA", "United States", "North America"),
    ("UY", 858, "URY", "Uruguay", "South America"),
    (
        "VC",
        670,
        "VCT",
        "Saint Vincent and the Grenadines",
        "Caribbean",
    ),
    ("VE", 862, "VEN", "Venezuela", "South America"),
];

fn country(
    a2: Option<&str>,
) -> Option<&'static (&'static str, u16, &'static str, &'static str, &'static str)> {
    let a2 = a2?;
    COUNTRIES.iter().find(|c| c.0.eq_ignore_ascii_case(a2))
}

/// ACLED's geo_precision: 1 a town, 2 near a town or a district, 3 a province or larger.
fn acled_geo(precision: u8) -> u8 {
    match precision {
        1 => 1,
        2 => 2,
        _ => 3,
    }
}

/// ACLED's time_precision: 1 day, 2 within a week, 3 within a month.
fn acled_time(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 1,
        DatePrecision::Week => 2,
        _ => 3,
    }
}

/// A full `YYYY-MM-DD` for a date of any precision (the first day of a month or week).
fn full_date(date: &str) -> String {
    match date.len() {
        7 => format!("{date}-01"),
        4 => format!("{date}-01-01"),
        _ => date.get(..10).unwrap_or(date).to_string(),
    }
}

/// Unix seconds of midnight UTC of a `YYYY-MM-DD` date.
fn unix_day(date: Option<&str>) -> String {
    date.and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp().to_string())
        .unwrap_or_default()
}

const US_FORCES: &str = "Military Forces of the United States (2025-)";

fn acled_incident(i: &Incident) -> Vec<String> {
    let date = full_date(i.date.as_deref().unwrap_or_default());
    let (event_type, sub) = match i.event_type {
        EventType::Strike if i.means.as_deref() == Some("naval_fire") => (
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        EventType::Strike => ("Explosions/Remote violence", "Air/drone strike"),
        EventType::Raid => ("Battles", "Armed clash"),
        _ => ("Strategic developments", "Other"),
    };
    let disorder = if event_type == "Strategic developments" {
        "Strategic developments"
    } else {
        "Political violence"
    };
    let c = country(i.place.country.as_deref());
    let actor2 = i
        .target_groups
        .first()
        .map(|a| a.name.clone())
        .unwrap_or_else(|| "Unidentified Armed Group".to_string());
    let fatalities = i
        .figures
        .killed
        .as_ref()
        .and_then(|k| k.low.or(k.best))
        .unwrap_or(0);
    let killed = i.figures.killed.as_ref().and_then(|k| k.best);
    let notes = format!(
        "On {}, {} {}{}{}. Grade: {}{}. {} independent stories; strikewatch id {}.",
        i.date.as_deref().unwrap_or(""),
        if i.perpetrators.is_empty() {
            "a state force"
        } else {
            "U.S. forces"
        },
        match i.event_type {
            EventType::Raid => "carried out a raid",
            _ => "carried out a strike",
        },
        match i.target_kind.map(|t| t.as_str()) {
            Some("vessel") => " on a vessel".to_string(),
            Some("land_site") => " on a land site".to_string(),
            _ => String::new(),
        },
        match (&i.place.name, killed) {
            (Some(p), Some(k)) => format!(" in {p}, killing {k}"),
            (Some(p), None) => format!(" in {p}"),
            (None, Some(k)) => format!(", killing {k}"),
            (None, None) => String::new(),
        },
        i.grade.as_str(),
        if i.contested {
            ", figures contested"
        } else {
            ""
        },
        i.stories,
        i.id
    );
    let mut tags = vec![format!("grade={}", i.grade.as_str())];
    if i.contested {
        tags.push("contested".into());
    }
    if let Some(t) = i.target_kind {
        tags.push(format!("target={}", t.as_str()));
    }
    let inter1 = 8;
    let inter2 = 3;
    vec![
        format!("{}{}", c.map(|c| c.2).unwrap_or("XXX"), &i.id[4..]),
        date.clone(),
        date.get(..4).unwrap_or_default().to_string(),
        acled_time(i.date_precision).to_string(),
        disorder.into(),
        event_type.into(),
        sub.into(),
        US_FORCES.into(),
        i.perpetrators
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        inter1.to_string(),
        actor2,
        String::new(),
        inter2.to_string(),
        format!("{}{}", inter2.min(inter1), inter2.max(inter1)),
        String::new(),
        c.map(|c| c.1.to_string()).unwrap_or_default(),
        i.place
            .region
            .clone()
            .or_else(|| c.map(|c| c.4.to_string()))
            .unwrap_or_default(),
        c.map(|c| c.3.to_string()).unwrap_or_default(),
        opt(i.place.admin1.clone()),
        String::new(),
        String::new(),
        opt(i.place.name.clone()),
        opt(i.place.lat),
        opt(i.place.lon),
        acled_geo(i.place.precision).to_string(),
        outlets(i).join("; "),
        "Other".into(),
        notes,
        fatalities.to_string(),
        tags.join("; "),
        unix_day(
            i.sources
                .iter()
                .filter_map(|s| s.published.as_deref())
                .max(),
        ),
    ]
}

fn acled_development(d: &Development) -> Vec<String> {
    let date = full_date(d.date.as_deref().unwrap_or_default());
    let sub = match d.event_type {
        EventType::Deployment => "Change to group/activity",
        _ => "Other",
    };
    let place = d.place.clone().unwrap_or_else(crate::Place::none);
    let c = country(place.country.as_deref());
    let id = &d.id[4..];
    let outlet = d
        .source
        .outlet
        .clone()
        .or_else(|| host(d.source.url.as_deref()))
        .unwrap_or_default();
    vec![
        format!("{}{}", c.map(|c| c.2).unwrap_or("XXX"), id),
        date.clone(),
        date.get(..4).unwrap_or_default().to_string(),
        acled_time(d.date_precision).to_string(),
        "Strategic developments".into(),
        "Strategic developments".into(),
        sub.into(),
        US_FORCES.into(),
        d.actors
            .iter()
            .filter(|a| !a.alleged)
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        "8".into(),
        String::new(),
        d.actors
            .iter()
            .filter(|a| a.alleged)
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        String::new(),
        "80".into(),
        String::new(),
        c.map(|c| c.1.to_string()).unwrap_or_default(),
        place
            .region
            .clone()
            .or_else(|| c.map(|c| c.4.to_string()))
            .unwrap_or_default(),
        c.map(|c| c.3.to_string()).unwrap_or_default(),
        opt(place.admin1.clone()),
        String::new(),
        String::new(),
        opt(place.name.clone()),
        opt(place.lat),
        opt(place.lon),
        acled_geo(place.precision).to_string(),
        outlet,
        "Other".into(),
        format!(
            "{} ({}); strikewatch id {}.",
            d.event_type.as_str(),
            d.modality.as_str(),
            d.id
        ),
        "0".into(),
        format!("development={}", d.event_type.as_str()),
        unix_day(d.source.published.as_deref()),
    ]
}

/// Columns of the `ucdp` export (UCDP GED names).
pub const UCDP_COLUMNS: [&str; 28] = [
    "id",
    "relid",
    "year",
    "type_of_violence",
    "side_a",
    "side_b",
    "source_article",
    "source_office",
    "source_date",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "latitude",
    "longitude",
    "geom_wkt",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_unknown",
    "best",
    "low",
    "high",
];

/// UCDP where_prec: 1 exact place, 3 second-order division, 4 first-order division,
/// 6 country, 7 international waters or airspace (a named sea region or nothing).
fn ucdp_where(i: &Incident) -> u8 {
    match i.place.precision {
        1 => 1,
        2 => 3,
        3 => 4,
        4 if i.place.region_code.is_none() => 6,
        _ => 7,
    }
}

/// UCDP date_prec: 1 the day, 3 within a week, 4 within a month, 5 longer.
fn ucdp_date(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 1,
        DatePrecision::Week => 3,
        DatePrecision::Month => 4,
        _ => 5,
    }
}

fn date_end(date: &str, p: DatePrecision) -> String {
    let start = full_date(date);
    let Ok(d) = chrono::NaiveDate::parse_from_str(&start, "%Y-%m-%d") else {
        return start;
    };
    let end = match p {
        DatePrecision::Week => d.checked_add_days(chrono::Days::new(6)),
        DatePrecision::Month => d
            .checked_add_months(chrono::Months::new(1))
            .and_then(|x| x.pred_opt()),
        DatePrecision::Year => chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&d), 12, 31),
        _ => Some(d),
    };
    end.map(|e| e.format("%Y-%m-%d").to_string())
        .unwrap_or(start)
}

fn ucdp_row(i: &Incident) -> Vec<String> {
    let date = i.date.as_deref().unwrap_or_default();
    let c = country(i.place.country.as_deref());
    let k = i.figures.killed.as_ref();
    let best = k.and_then(|k| k.best.or(k.low)).unwrap_or(0);
    let high = k.and_then(|k| k.high).unwrap_or(best).max(best);
    let low = k.and_then(|k| k.low).unwrap_or(best).min(best);
    let originals = crate::distinct(i.sources.iter().filter_map(|s| {
        s.attributed_to
            .name
            .clone()
            .or_else(|| Some(s.attributed_to.kind.as_str().to_string()))
    }));
    let published = i.sources.iter().filter_map(|s| s.published.clone()).min();
    let americas = i.place.region_code.is_some() || c.is_some();
    vec![
        i.id.clone(),
        i.sources
            .iter()
            .map(|s| s.report_id.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        full_date(date).get(..4).unwrap_or_default().to_string(),
        "3".into(),
        "Government of United States of America".into(),
        i.target_groups
            .first()
            .map(|a| a.name.clone())
            .unwrap_or_else(|| "Civilians".into()),
        i.sources
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    s.outlet
                        .clone()
                        .or_else(|| host(s.url.as_deref()))
                        .unwrap_or_default(),
                    s.url.clone().unwrap_or_default()
                )
                .trim()
                .to_string()
            })
            .collect::<Vec<_>>()
            .join(";"),
        outlets(i).join(";"),
        opt(published),
        originals.join(";"),
        ucdp_where(i).to_string(),
        opt(i.place.name.clone()),
        opt(i.place.name.clone()),
        opt(i.place.admin1.clone()),
        opt(i.place.lat),
        opt(i.place.lon),
        match (i.place.lat, i.place.lon) {
            (Some(lat), Some(lon)) => format!("POINT ({lon} {lat})"),
            _ => String::new(),
        },
        c.map(|c| c.3.to_string()).unwrap_or_default(),
        c.map(|c| c.1.to_string()).unwrap_or_default(),
        if americas {
            "Americas".into()
        } else {
            String::new()
        },
        if matches!(i.grade, Grade::Acknowledged | Grade::Corroborated) {
            "1"
        } else {
            "2"
        }
        .into(),
        ucdp_date(i.date_precision).to_string(),
        full_date(date),
        date_end(date, i.date_precision),
        best.to_string(),
        best.to_string(),
        low.to_string(),
        high.to_string(),
    ]
}

fn fig_json(f: Option<&IncidentFigure>) -> Value {
    match f {
        Some(f) => json!({"low": f.low, "best": f.best, "high": f.high, "contested": f.contested}),
        None => Value::Null,
    }
}

fn geojson(ledger: &Ledger) -> Value {
    let features: Vec<Value> = ledger
        .incidents
        .iter()
        .filter_map(|i| {
            let (lat, lon) = (i.place.lat?, i.place.lon?);
            Some(json!({
                "type": "Feature",
                "id": i.id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "id": i.id,
                    "event_type": i.event_type.as_str(),
                    "target_kind": i.target_kind.map(|t| t.as_str()),
                    "date": i.date,
                    "date_precision": i.date_precision.as_str(),
                    "place_name": i.place.name,
                    "country": i.place.country,
                    "region": i.place.region,
                    "precision": i.place.precision,
                    "killed": fig_json(i.figures.killed.as_ref()),
                    "injured": fig_json(i.figures.injured.as_ref()),
                    "survivors": fig_json(i.figures.survivors.as_ref()),
                    "vessels": fig_json(i.figures.vessels.as_ref()),
                    "grade": i.grade.as_str(),
                    "contested": i.contested,
                    "stories": i.stories,
                    "urls": i.sources.iter().filter_map(|s| s.url.clone()).collect::<Vec<_>>(),
                }
            }))
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}
