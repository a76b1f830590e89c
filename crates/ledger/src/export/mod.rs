//! Export writers, one module per format, and [`FORMATS`], the one list of them that the CLI's
//! `export --format` (its help and its error for an unknown name) and the web app's
//! `/api/export?format=` (and its OpenAPI document) read. Every column of every format is
//! documented in `EXPORTS.md`; the CLI owns files, so writers take `&mut dyn Write`.
//!
//! **Adding an export** is one file and one entry in [`FORMATS`]: write `foo.rs` beside the
//! others with `pub(super) fn write(ledger: &Ledger, out: &mut dyn Write) -> io::Result<()>`
//! (helpers shared by several formats live here: `csv_table`, `pretty_json`, countries,
//! outlets, dates), declare `mod foo;`, add its `ExportFormat` entry to [`FORMATS`], and document
//! its columns in `EXPORTS.md` (a test checks that every format is named there). Nothing else
//! lists formats.

use std::io::{self, Write};

use serde::Serialize;

use crate::review::{IncidentReview, Reviewed};
use crate::{Incident, Ledger};

mod acled;
mod csv;
mod geojson;
mod json;
mod parquet;
mod ucdp;

pub use self::csv::CSV_COLUMNS;
pub use self::parquet::{csv_column_type, ColumnType};
pub use acled::ACLED_COLUMNS;
pub use ucdp::UCDP_COLUMNS;

/// Every export format, in the order help texts list them.
pub static FORMATS: &[ExportFormat] = &[
    ExportFormat {
        name: "json",
        extension: "json",
        media_type: "application/json",
        description: "the whole ledger: incidents, tallies and developments",
        available: true,
        write: json::write,
    },
    ExportFormat {
        name: "csv",
        extension: "csv",
        media_type: CSV,
        description: "one row per incident, strikewatch's own columns",
        available: true,
        write: csv::write,
    },
    ExportFormat {
        name: "acled",
        extension: "csv",
        media_type: CSV,
        description: "ACLED's columns: dated incidents and developments that occurred",
        available: true,
        write: acled::write,
    },
    ExportFormat {
        name: "ucdp",
        extension: "csv",
        media_type: CSV,
        description: "UCDP GED's columns: dated strikes and raids",
        available: true,
        write: ucdp::write,
    },
    ExportFormat {
        name: "geojson",
        extension: "geojson",
        media_type: "application/geo+json",
        description: "a FeatureCollection of points: incidents whose place has coordinates",
        available: true,
        write: geojson::write,
    },
    ExportFormat {
        name: "parquet",
        extension: "parquet",
        media_type: "application/vnd.apache.parquet",
        description: "the csv table with typed columns (builds with the `parquet` feature)",
        available: cfg!(feature = "parquet"),
        write: parquet::write,
    },
];

const CSV: &str = "text/csv; charset=utf-8";

/// One export format: an entry of [`FORMATS`].
pub struct ExportFormat {
    name: &'static str,
    extension: &'static str,
    media_type: &'static str,
    description: &'static str,
    available: bool,
    write: fn(&Ledger, &mut dyn Write) -> io::Result<()>,
}

impl ExportFormat {
    /// Reads a format name (case-insensitive).
    pub fn parse(s: &str) -> Option<&'static ExportFormat> {
        let s = s.trim();
        FORMATS.iter().find(|f| f.name.eq_ignore_ascii_case(s))
    }

    /// The name `--format` and `?format=` take.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The usual file extension.
    pub fn extension(&self) -> &'static str {
        self.extension
    }

    /// The HTTP `Content-Type` of the export.
    pub fn media_type(&self) -> &'static str {
        self.media_type
    }

    /// What the export holds, in one line.
    pub fn description(&self) -> &'static str {
        self.description
    }

    /// Whether this build can write the format (Parquet needs the `parquet` feature).
    pub fn available(&self) -> bool {
        self.available
    }
}

impl PartialEq for ExportFormat {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for ExportFormat {}

impl std::fmt::Debug for ExportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Writes the ledger in `format`.
pub fn write(ledger: &Ledger, format: &ExportFormat, out: &mut dyn Write) -> io::Result<()> {
    (format.write)(ledger, out)
}

/// Which ledger version an export is, so that it can be cited, and the incident ids that
/// redirect (merged into another incident), so that an id found in an older export can be
/// followed. The JSON export carries both as `citation` and `redirects`, the GeoJSON one as
/// foreign members of its FeatureCollection; the CSV tables keep their fixed columns (the CLI
/// prints the citation line, the API sends `X-Ledger-Version` and `X-Ledger-Hash`).
#[derive(Serialize, Debug, Clone, Default, PartialEq)]
pub struct Citation {
    pub version: i64,
    /// SHA-256 (hex) of the canonical ledger JSON of this version.
    pub hash: String,
    pub published_at: String,
    /// The day the export was made (the caller's clock).
    pub accessed: String,
    /// The line to cite.
    pub citation: String,
    #[serde(skip)]
    pub redirects: Vec<Redirect>,
}

/// An incident id merged into another in ledger version `version`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Redirect {
    pub id: String,
    pub merged_into: String,
    pub version: i64,
}

impl Citation {
    pub fn new(
        version: i64,
        hash: &str,
        published_at: &str,
        accessed: &str,
        redirects: Vec<Redirect>,
    ) -> Citation {
        Citation {
            version,
            hash: hash.to_string(),
            published_at: published_at.to_string(),
            accessed: accessed.to_string(),
            citation: format!(
                "strikewatch ledger, version {version} (sha256 {hash}, published {published_at}), accessed {accessed}"
            ),
            redirects,
        }
    }
}

/// Writes the ledger in `format`, cited: see [`Citation`] for where each format carries it.
pub fn write_cited(
    ledger: &Ledger,
    format: &ExportFormat,
    cite: &Citation,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut v = match format.name {
        "json" => serde_json::to_value(ledger)?,
        "geojson" => geojson::geojson(ledger),
        _ => return write(ledger, format, out),
    };
    v["citation"] = serde_json::to_value(cite)?;
    v["redirects"] = serde_json::to_value(&cite.redirects)?;
    pretty_json(out, &v)
}

/// `value` as pretty-printed JSON, then a newline.
fn pretty_json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Writes a CSV table; every CSV export goes through here, so every cell is made
/// [`spreadsheet_safe`] in this one place.
fn csv_table(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(header)?;
    for r in rows {
        debug_assert_eq!(r.len(), header.len());
        let cells: Vec<_> = r.iter().map(|c| spreadsheet_safe(c)).collect();
        w.write_record(cells.iter().map(|c| c.as_bytes()))?;
    }
    w.flush()
}

/// A cell as a spreadsheet will show it rather than run it. Outlets, names, places and urls
/// come from the inputs, so a hostile page can name its outlet `=HYPERLINK(...)` (leaking the
/// sheet when clicked) or `=cmd|...` (DDE: running a program). As OWASP's CSV-injection
/// guidance and spreadsheet-safe writers do, a text cell that begins with `=`, `+`, `-`, `@`,
/// a TAB or a CR gets a leading `'`, which spreadsheets read as "this is text" (and do not
/// show). A plain number (a negative coordinate or figure) is left as it is, so it stays a
/// number.
fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if risky && !plain_number(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A decimal number as the exports write them (`-3.5`, `-75`, `+2`, `-1e-3`): parses as a
/// finite float and holds nothing but digits, signs, a point and an exponent (so `-inf` and
/// `-NaN`, which Rust would parse, are text).
fn plain_number(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
        && s.parse::<f64>().is_ok_and(f64::is_finite)
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
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

/// The `csv` table's review columns of `i`: its status, the values reviewers set (each beside
/// the machine's value it replaced, so a table alone shows what a person changed), who decided
/// and the decisions' ids (to look up in `review log`). Empty cells for an incident nobody
/// reviewed.
fn review_cells(i: &Incident) -> [String; 4] {
    let Some(r) = &i.review else {
        return Default::default();
    };
    [
        opt(r.status.clone()),
        reviewed_values(r).join("; "),
        crate::distinct(reviewers(r)).join("; "),
        r.decisions.join(" "),
    ]
}

/// `field=value (machine: old)` for each value a reviewer set.
fn reviewed_values(r: &IncidentReview) -> Vec<String> {
    fn one<T: ToString>(field: &str, v: &Reviewed<T>) -> String {
        let machine = v.machine.as_ref().map_or("none".into(), T::to_string);
        format!("{field}={} (machine: {machine})", v.value.to_string())
    }
    let mut out: Vec<String> = r
        .figures
        .iter()
        .map(|f| one(f.field.as_str(), &f.reviewed))
        .collect();
    out.extend(r.date.as_ref().map(|v| one("date", v)));
    out.extend(r.place.as_ref().map(|v| one("place", v)));
    out.extend(r.perpetrator.as_ref().map(|v| one("perpetrator", v)));
    out
}

/// Every author of a decision applied to the incident (callers sort and dedupe).
fn reviewers(r: &IncidentReview) -> impl Iterator<Item = String> + '_ {
    r.status_by
        .iter()
        .map(|s| s.author.clone())
        .chain(r.figures.iter().map(|f| f.reviewed.author.clone()))
        .chain(
            [&r.date, &r.place, &r.perpetrator]
                .into_iter()
                .flatten()
                .map(|v| v.author.clone()),
        )
        .chain(r.regrouped_by.iter().map(|s| s.author.clone()))
        .chain(r.notes.iter().map(|s| s.author.clone()))
}

/// Country facts for the Americas (where the campaign is): alpha-2, ISO 3166 numeric,
/// alpha-3, name, ACLED region.
const COUNTRIES: &[(&str, u16, &str, &str, &str)] = &[
    ("AF", 4, "AFG", "Afghanistan", "Southern Asia"),
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
    ("DZ", 12, "DZA", "Algeria", "Northern Africa"),
    ("BF", 854, "BFA", "Burkina Faso", "Western Africa"),
    ("CM", 120, "CMR", "Cameroon", "Middle Africa"),
    ("TD", 148, "TCD", "Chad", "Middle Africa"),
    ("EG", 818, "EGY", "Egypt", "Northern Africa"),
    ("ET", 231, "ETH", "Ethiopia", "Eastern Africa"),
    ("GB", 826, "GBR", "United Kingdom", "Europe"),
    ("FR", 250, "FRA", "France", "Europe"),
    ("IL", 376, "ISR", "Israel", "Middle East"),
    ("IN", 356, "IND", "India", "Southern Asia"),
    ("IQ", 368, "IRQ", "Iraq", "Middle East"),
    ("IR", 364, "IRN", "Iran", "Middle East"),
    ("JO", 400, "JOR", "Jordan", "Middle East"),
    ("KE", 404, "KEN", "Kenya", "Eastern Africa"),
    ("LB", 422, "LBN", "Lebanon", "Middle East"),
    ("LY", 434, "LBY", "Libya", "Northern Africa"),
    ("ML", 466, "MLI", "Mali", "Western Africa"),
    ("NE", 562, "NER", "Niger", "Western Africa"),
    ("NG", 566, "NGA", "Nigeria", "Western Africa"),
    ("PK", 586, "PAK", "Pakistan", "Southern Asia"),
    ("PS", 275, "PSE", "Palestine", "Middle East"),
    ("QA", 634, "QAT", "Qatar", "Middle East"),
    ("RU", 643, "RUS", "Russia", "Europe"),
    ("SA", 682, "SAU", "Saudi Arabia", "Middle East"),
    ("SD", 729, "SDN", "Sudan", "Northern Africa"),
    ("SO", 706, "SOM", "Somalia", "Eastern Africa"),
    ("SY", 760, "SYR", "Syria", "Middle East"),
    ("TR", 792, "TUR", "Turkey", "Middle East"),
    ("UA", 804, "UKR", "Ukraine", "Europe"),
    ("YE", 887, "YEM", "Yemen", "Middle East"),
];

fn country(
    a2: Option<&str>,
) -> Option<&'static (&'static str, u16, &'static str, &'static str, &'static str)> {
    let a2 = a2?;
    COUNTRIES.iter().find(|c| c.0.eq_ignore_ascii_case(a2))
}

/// A full `YYYY-MM-DD` for a date of any precision (the first day of a month or week).
fn full_date(date: &str) -> String {
    match date.len() {
        7 => format!("{date}-01"),
        4 => format!("{date}-01-01"),
        _ => date.get(..10).unwrap_or(date).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        for (cell, want) in [
            ("=1+1", "'=1+1"),
            ("+1", "+1"),
            ("+1+1", "'+1+1"),
            ("-3.5", "-3.5"),
            ("-75", "-75"),
            ("-1e-3", "-1e-3"),
            ("-", "'-"),
            ("-inf", "'-inf"),
            ("-NaN", "'-NaN"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("Reuters", "Reuters"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_safe(cell), want, "{cell:?}");
        }
    }
}
