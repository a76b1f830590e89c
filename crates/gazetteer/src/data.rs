//! Parsing of the TSV data files into places and names.

use std::collections::HashMap;
use std::fmt;

use crate::{Place, PlaceId, PlaceKind};

/// Malformed gazetteer data: which file, which line, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DataError {}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    Never,
    Capitalized,
}

/// One matchable name: `places[place].names[idx]`.
pub(crate) struct Name {
    pub place: PlaceId,
    pub idx: u32,
    pub case_sensitive: bool,
    pub prefer: bool,
}

fn plain(place: PlaceId, count: usize) -> impl Iterator<Item = Name> {
    (0..count as u32).map(move |idx| Name {
        place,
        idx,
        case_sensitive: false,
        prefer: false,
    })
}

pub(crate) struct Built {
    pub places: Vec<Place>,
    pub names: Vec<Name>,
    pub stop: Vec<(String, Stop)>,
    pub seas: Vec<(String, PlaceId)>,
}

/// Data rows of a TSV file: skips blank lines, `#` comments and the header line
/// (which must start with `header`). Yields (1-based line number, fields).
fn rows<'a>(
    file: &'static str,
    text: &'a str,
    header: &str,
    min_fields: usize,
) -> Result<Vec<(usize, Vec<&'a str>)>, DataError> {
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !seen_header {
            if !line.starts_with(header) {
                return Err(DataError {
                    file,
                    line: i + 1,
                    message: format!("expected header starting with {header:?}"),
                });
            }
            seen_header = true;
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() < min_fields {
            return Err(DataError {
                file,
                line: i + 1,
                message: format!("expected {min_fields} fields, got {}", fields.len()),
            });
        }
        out.push((i + 1, fields));
    }
    Ok(out)
}

fn err(file: &'static str, line: usize, message: impl Into<String>) -> DataError {
    DataError {
        file,
        line,
        message: message.into(),
    }
}

fn opt_f64(file: &'static str, line: usize, s: &str) -> Result<Option<f64>, DataError> {
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<f64>()
        .map(Some)
        .map_err(|_| err(file, line, format!("bad number {s:?}")))
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

pub(crate) fn build(
    places_tsv: &str,
    sea_tsv: &str,
    aliases_tsv: &str,
    stop_tsv: &str,
) -> Result<Built, DataError> {
    let mut places: Vec<Place> = Vec::new();
    let mut names: Vec<Name> = Vec::new();
    let mut seas = Vec::new();

    // Keys for alias targets.
    let mut country_ids: HashMap<String, PlaceId> = HashMap::new();
    let mut admin1_ids: HashMap<(String, String), PlaceId> = HashMap::new();
    let mut locality_ids: HashMap<(String, String), PlaceId> = HashMap::new();
    let mut sea_ids: HashMap<String, PlaceId> = HashMap::new();

    const AF: &str = "aliases.tsv";
    let alias_rows = rows(AF, aliases_tsv, "target\talias", 2)?;
    // Only the localities that aliases name need a (country, name) key.
    let wanted: std::collections::HashSet<(&str, &str)> = alias_rows
        .iter()
        .filter_map(|(_, f)| f[0].strip_prefix("locality:"))
        .filter_map(|t| t.split_once(':'))
        .collect();

    const PF: &str = "places.tsv";
    for (line, f) in rows(PF, places_tsv, "id\tkind", 9)? {
        let kind = match f[1] {
            "country" => PlaceKind::Country,
            "admin1" => PlaceKind::Admin1,
            "locality" => PlaceKind::Locality,
            k => return Err(err(PF, line, format!("unknown kind {k:?}"))),
        };
        let id = PlaceId(places.len() as u32);
        let name = f[2].to_string();
        let mut all = vec![name.clone()];
        for a in f[3].split('|').map(str::trim).filter(|a| !a.is_empty()) {
            if !all.iter().any(|x| x == a) {
                all.push(a.to_string());
            }
        }
        let country = non_empty(f[4]);
        let cc = country.clone().unwrap_or_default();
        let (admin1, precision) = match kind {
            PlaceKind::Country => {
                country_ids.insert(cc.clone(), id);
                (None, 4)
            }
            PlaceKind::Admin1 => {
                admin1_ids.insert((cc.clone(), name.clone()), id);
                (Some(name.clone()), 3)
            }
            _ => (non_empty(f[5]), 1),
        };
        let population = if f[8].is_empty() {
            0
        } else {
            f[8].parse::<u64>()
                .map_err(|_| err(PF, line, format!("bad population {:?}", f[8])))?
        };
        if kind == PlaceKind::Locality && wanted.contains(&(cc.as_str(), name.as_str())) {
            let key = (cc.clone(), name.clone());
            let better = match locality_ids.get(&key) {
                Some(&old) => places[old.0 as usize].population < population,
                None => true,
            };
            if better {
                locality_ids.insert(key, id);
            }
        }
        names.extend(plain(id, all.len()));
        places.push(Place {
            id,
            kind,
            name,
            names: all,
            country,
            admin1,
            region: None,
            region_code: None,
            lat: opt_f64(PF, line, f[6])?,
            lon: opt_f64(PF, line, f[7])?,
            precision,
            population,
        });
    }

    const SF: &str = "sea_regions.tsv";
    let mut region_names: HashMap<String, String> = HashMap::new();
    for (line, f) in rows(SF, sea_tsv, "code\tkind", 8)? {
        let code = f[0].to_string();
        let id = PlaceId(places.len() as u32);
        let precision: u8 = f[6]
            .parse()
            .map_err(|_| err(SF, line, format!("bad precision {:?}", f[6])))?;
        let (kind, region, region_code, country) = match f[1] {
            "region" => {
                region_names.insert(code.clone(), f[3].to_string());
                sea_ids.insert(code.clone(), id);
                seas.push((code.clone(), id));
                (
                    PlaceKind::SeaRegion,
                    Some(f[3].to_string()),
                    Some(code.clone()),
                    None,
                )
            }
            "waters_off" => {
                let region = region_names
                    .get(&code)
                    .ok_or_else(|| err(SF, line, format!("region {code:?} not defined above")))?;
                if f[2].len() != 2 {
                    return Err(err(SF, line, "waters_off needs a country"));
                }
                sea_ids.insert(format!("{code}:{}", f[2]), id);
                (
                    PlaceKind::SeaRegion,
                    Some(region.clone()),
                    Some(code.clone()),
                    Some(f[2].to_string()),
                )
            }
            "international" => {
                sea_ids.insert(code.clone(), id);
                seas.push((code.clone(), id));
                (PlaceKind::InternationalWaters, None, None, None)
            }
            k => return Err(err(SF, line, format!("unknown kind {k:?}"))),
        };
        let name = f[3].to_string();
        let mut all = vec![name.clone()];
        for a in f[7].split('|').map(str::trim).filter(|a| !a.is_empty()) {
            if !all.iter().any(|x| x == a) {
                all.push(a.to_string());
            }
        }
        names.extend(plain(id, all.len()));
        places.push(Place {
            id,
            kind,
            name,
            names: all,
            country,
            admin1: None,
            region,
            region_code,
            lat: opt_f64(SF, line, f[4])?,
            lon: opt_f64(SF, line, f[5])?,
            precision,
            population: 0,
        });
    }

    let mut renamed_admin1: HashMap<(String, String), String> = HashMap::new();
    for (line, f) in alias_rows {
        let target = f[0];
        let parts: Vec<&str> = target.splitn(3, ':').collect();
        let id = match parts.as_slice() {
            [cc] => country_ids.get(*cc).copied(),
            ["admin1", cc, name] => admin1_ids.get(&(cc.to_string(), name.to_string())).copied(),
            ["locality", cc, name] => locality_ids
                .get(&(cc.to_string(), name.to_string()))
                .copied(),
            ["sea", code] => sea_ids.get(*code).copied(),
            ["sea", code, cc] => sea_ids.get(&format!("{code}:{cc}")).copied(),
            _ => None,
        }
        .ok_or_else(|| err(AF, line, format!("unknown target {target:?}")))?;
        let alias = f[1].to_string();
        let flags: Vec<&str> = f
            .get(2)
            .map(|s| s.split(',').map(str::trim).collect())
            .unwrap_or_default();
        for flag in &flags {
            if !matches!(*flag, "" | "case" | "display" | "prefer") {
                return Err(err(AF, line, format!("unknown flag {flag:?}")));
            }
        }
        if flags.contains(&"display") {
            let p = &mut places[id.0 as usize];
            if p.kind == PlaceKind::Admin1 {
                renamed_admin1.insert(
                    (p.country.clone().unwrap_or_default(), p.name.clone()),
                    alias.clone(),
                );
                p.admin1 = Some(alias.clone());
            }
            p.name = alias.clone();
        }
        let p = &mut places[id.0 as usize];
        let idx = match p.names.iter().position(|x| *x == alias) {
            Some(i) => i,
            None => {
                p.names.push(alias);
                p.names.len() - 1
            }
        };
        names.push(Name {
            place: id,
            idx: idx as u32,
            case_sensitive: flags.contains(&"case"),
            prefer: flags.contains(&"prefer"),
        });
    }
    if !renamed_admin1.is_empty() {
        for p in places.iter_mut().filter(|p| p.kind == PlaceKind::Locality) {
            if let (Some(cc), Some(a1)) = (&p.country, &p.admin1) {
                if let Some(new) = renamed_admin1.get(&(cc.clone(), a1.clone())) {
                    p.admin1 = Some(new.clone());
                }
            }
        }
    }

    const TF: &str = "stopnames.tsv";
    let mut stop = Vec::new();
    for (line, f) in rows(TF, stop_tsv, "name\tmode", 2)? {
        let mode = match f[1] {
            "never" => Stop::Never,
            "capitalized" => Stop::Capitalized,
            m => return Err(err(TF, line, format!("unknown mode {m:?}"))),
        };
        stop.push((f[0].to_string(), mode));
    }

    Ok(Built {
        places,
        names,
        stop,
        seas,
    })
}
