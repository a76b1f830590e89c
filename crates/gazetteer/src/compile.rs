//! The data files, compiled into one compact byte image (see [`compile`]).
//!
//! This module is shared by the crate and its build script (`build.rs` includes it with
//! `#[path]`), so the embedded image is made at compile time and [`crate::Gazetteer::embedded`]
//! only reads it; `Gazetteer::from_tsv` compiles custom data the same way at run time.
//! It depends on nothing but `crate::fold` and the standard library.
//!
//! # Image layout (all integers little-endian)
//!
//! ```text
//! header    MAGIC, then u32 fields: places, eager places, max tokens, table mask, and
//!           the offsets of the sections below
//! places    PLACE_SIZE bytes per place, in id order (see `put_place`)
//! names     u32 string offset per name; a place's names are a run of this array
//! extras    3 u32 string offsets (region, region code, feature class) per entry
//! entries   ENTRY_SIZE bytes: place u32, exact-case name index u16 (NONE16: any case),
//!           flags u8 (PREFER, CAP), the place's kind u8 and country (2 bytes), pad 2:
//!           what `find` needs of a candidate, read in sequence
//! keys      KEY_SIZE bytes per folded key: key string offset u32, first entry u32,
//!           entry count u16, stop mode u8, flags u8 (IS_NAME, IS_PREFIX)
//! table     SLOT_SIZE bytes per slot: key index + 1 (0 for an empty slot) and the key's
//!           `tag`; open addressing, linear probing from `first_slot` of the FxHash of the
//!           folded key
//! strings   UTF-8 strings, each preceded by its length as a u16
//! ```

use std::collections::HashMap;
use std::fmt;

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

/// The data files, in the formats of `crates/gazetteer/data/` (see the crate docs).
#[derive(Clone, Copy, Debug, Default)]
pub struct DataFiles<'a> {
    pub places: &'a str,
    pub sea_regions: &'a str,
    pub features: &'a str,
    pub aliases: &'a str,
    pub stopnames: &'a str,
}

/// Countries this project reports on (the campaign's region plus the US); their
/// divisions and towns are preferred over namesakes elsewhere, and (the US's excepted)
/// match in any case.
pub const FOCUS_COUNTRIES: &[&str] = &[
    "AG", "AW", "BB", "BQ", "BS", "BZ", "CO", "CR", "CU", "CW", "DM", "DO", "EC", "GD", "GT", "HN",
    "HT", "JM", "KN", "LC", "MX", "NI", "PA", "PE", "PR", "SV", "TT", "US", "VC", "VE",
];

pub(crate) const MAGIC: &[u8; 8] = b"SWGAZ\0\0\x02";
pub(crate) const HEADER_FIELDS: usize = 12;
pub(crate) const PLACE_SIZE: usize = 44;
pub(crate) const ENTRY_SIZE: usize = 12;
pub(crate) const KEY_SIZE: usize = 12;
pub(crate) const SLOT_SIZE: usize = 8;
pub(crate) const NONE: u32 = u32::MAX;
pub(crate) const NONE16: u16 = u16::MAX;

// Kinds, as stored.
pub(crate) const K_COUNTRY: u8 = 0;
pub(crate) const K_ADMIN1: u8 = 1;
pub(crate) const K_ADMIN2: u8 = 2;
pub(crate) const K_LOCALITY: u8 = 3;
pub(crate) const K_SEA: u8 = 4;
pub(crate) const K_INTERNATIONAL: u8 = 5;
pub(crate) const K_FEATURE: u8 = 6;

// Entry flags.
pub(crate) const PREFER: u8 = 1;
/// The text must be capitalised (first letter upper-case) for this entry to match.
pub(crate) const CAP: u8 = 2;

// Stop modes, as stored.
pub(crate) const STOP_NONE: u8 = 0;
pub(crate) const STOP_NEVER: u8 = 1;
pub(crate) const STOP_CAPITALIZED: u8 = 2;
pub(crate) const STOP_COMMON: u8 = 3;

// Key flags.
pub(crate) const IS_NAME: u8 = 1;
pub(crate) const IS_PREFIX: u8 = 2;

/// Header field indexes (u32 each, after MAGIC).
pub(crate) mod h {
    pub const PLACES: usize = 0;
    pub const EAGER: usize = 1;
    pub const MAX_TOKENS: usize = 2;
    pub const TABLE_MASK: usize = 3;
    pub const OFF_PLACES: usize = 4;
    pub const OFF_NAMES: usize = 5;
    pub const OFF_EXTRAS: usize = 6;
    pub const OFF_ENTRIES: usize = 7;
    pub const OFF_KEYS: usize = 8;
    pub const OFF_TABLE: usize = 9;
    pub const OFF_STRINGS: usize = 10;
    pub const KEYS: usize = 11;
}

/// FxHash (the rustc hasher) of a folded key: fast for the short keys looked up once per
/// word, and the same in the build script and at run time.
#[inline]
pub(crate) fn fx(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let mut last = 0u64;
    for (i, &b) in chunks.remainder().iter().enumerate() {
        last |= u64::from(b) << (8 * i);
    }
    (h.rotate_left(5) ^ last ^ (bytes.len() as u64)).wrapping_mul(K)
}

/// The first slot to probe for a key of hash `h` in a table of `mask + 1` slots (a power of
/// two): Fibonacci hashing of the FxHash, whose low bits alone cluster badly.
#[inline]
pub(crate) fn first_slot(h: u64, mask: usize) -> usize {
    let bits = mask.count_ones();
    if bits == 0 {
        return 0;
    }
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize & mask
}

/// The check bits of a slot: the hash's high half, so that a probe rejects other keys
/// without reading them.
#[inline]
pub(crate) fn tag(h: u64) -> u32 {
    (h >> 32) as u32
}

/// One place before it is written out.
struct Rec {
    kind: u8,
    name: String,
    names: Vec<String>,
    country: Option<String>,
    admin1: Option<String>,
    region: Option<String>,
    region_code: Option<String>,
    feature: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    precision: u8,
    population: u64,
}

/// One matchable name: `recs[place].names[idx]`.
struct Name {
    place: u32,
    idx: u32,
    case_sensitive: bool,
    prefer: bool,
    cap: bool,
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
                return Err(err(
                    file,
                    i + 1,
                    format!("expected header starting with {header:?}"),
                ));
            }
            seen_header = true;
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() < min_fields {
            return Err(err(
                file,
                i + 1,
                format!("expected {min_fields} fields, got {}", fields.len()),
            ));
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

fn name_list(first: &str, alts: &str) -> Vec<String> {
    let mut all = vec![first.to_string()];
    for a in alts.split('|').map(str::trim).filter(|a| !a.is_empty()) {
        if !all.iter().any(|x| x == a) {
            all.push(a.to_string());
        }
    }
    all
}

fn is_focus(country: Option<&str>) -> bool {
    country.is_some_and(|c| FOCUS_COUNTRIES.contains(&c))
}

/// Whether the names of this place (and its aliases) match only when capitalised:
/// divisions and towns outside the Latin American focus countries (the US's too: its
/// thousands of small towns have names like "The Hideout"), and every second-level
/// division.
fn needs_cap(r: &Rec) -> bool {
    match r.kind {
        K_ADMIN2 => true,
        K_ADMIN1 | K_LOCALITY => {
            r.country.as_deref() == Some("US") || !is_focus(r.country.as_deref())
        }
        _ => false,
    }
}

/// Ranking key, smaller is better (see the crate docs, *Matching rules*).
fn rank_key(p: &Rec, id: u32, prefer: bool) -> (u8, u8, std::cmp::Reverse<u64>, u32) {
    let focus = is_focus(p.country.as_deref());
    let weight = |pop: u64, div: u64| if focus { pop / div } else { pop / div / 4 };
    let (kind, score) = match p.kind {
        K_COUNTRY => (0, p.population),
        K_SEA | K_INTERNATIONAL => (1, 0),
        K_FEATURE => (2, u64::MAX),
        K_ADMIN1 | K_ADMIN2 => (2, weight(p.population, 4)),
        _ => (2, weight(p.population, 1)),
    };
    (u8::from(!prefer), kind, std::cmp::Reverse(score), id)
}

/// "US", "USA", "UK", "CDMX": 2 to 5 letters, all upper-case ASCII.
pub(crate) fn is_short_caps(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters)
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || !c.is_alphanumeric())
        && !name.contains(['.', ' '])
}

/// Parses the data files into places (in id order: the eager kinds first) and names, and
/// returns them with the stop names and the number of eager places.
#[allow(clippy::type_complexity)]
fn parse(d: &DataFiles<'_>) -> Result<(Vec<Rec>, Vec<Name>, Vec<(String, u8)>, usize), DataError> {
    const PF: &str = "places.tsv";
    const SF: &str = "sea_regions.tsv";
    const FF: &str = "features.tsv";
    const AF: &str = "aliases.tsv";
    const TF: &str = "stopnames.tsv";

    let mut eager: Vec<Rec> = Vec::new();
    let mut lazy: Vec<Rec> = Vec::new();
    for (line, f) in rows(PF, d.places, "id\tkind", 9)? {
        let kind = match f[1] {
            "country" => K_COUNTRY,
            "admin1" => K_ADMIN1,
            "admin2" => K_ADMIN2,
            "locality" => K_LOCALITY,
            k => return Err(err(PF, line, format!("unknown kind {k:?}"))),
        };
        let name = f[2].to_string();
        let (admin1, precision) = match kind {
            K_COUNTRY => (None, 4),
            K_ADMIN1 => (Some(name.clone()), 3),
            K_ADMIN2 => (non_empty(f[5]), 2),
            _ => (non_empty(f[5]), 1),
        };
        let population = if f[8].is_empty() {
            0
        } else {
            f[8].parse::<u64>()
                .map_err(|_| err(PF, line, format!("bad population {:?}", f[8])))?
        };
        let rec = Rec {
            kind,
            names: name_list(&name, f[3]),
            name,
            country: non_empty(f[4]),
            admin1,
            region: None,
            region_code: None,
            feature: None,
            lat: opt_f64(PF, line, f[6])?,
            lon: opt_f64(PF, line, f[7])?,
            precision,
            population,
        };
        if matches!(kind, K_COUNTRY | K_ADMIN1) {
            eager.push(rec);
        } else {
            lazy.push(rec);
        }
    }

    let mut sea_ids: HashMap<String, u32> = HashMap::new();
    let mut region_names: HashMap<String, String> = HashMap::new();
    for (line, f) in rows(SF, d.sea_regions, "code\tkind", 8)? {
        let code = f[0].to_string();
        let id = eager.len() as u32;
        let precision: u8 = f[6]
            .parse()
            .map_err(|_| err(SF, line, format!("bad precision {:?}", f[6])))?;
        let (kind, region, region_code, country) = match f[1] {
            "region" => {
                region_names.insert(code.clone(), f[3].to_string());
                sea_ids.insert(code.clone(), id);
                (K_SEA, Some(f[3].to_string()), Some(code.clone()), None)
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
                    K_SEA,
                    Some(region.clone()),
                    Some(code.clone()),
                    Some(f[2].to_string()),
                )
            }
            "international" => {
                sea_ids.insert(code.clone(), id);
                (K_INTERNATIONAL, None, None, None)
            }
            k => return Err(err(SF, line, format!("unknown kind {k:?}"))),
        };
        eager.push(Rec {
            kind,
            name: f[3].to_string(),
            names: name_list(f[3], f[7]),
            country,
            admin1: None,
            region,
            region_code,
            feature: None,
            lat: opt_f64(SF, line, f[4])?,
            lon: opt_f64(SF, line, f[5])?,
            precision,
            population: 0,
        });
    }

    let mut feature_ids: HashMap<String, u32> = HashMap::new();
    if !d.features.trim().is_empty() {
        for (line, f) in rows(FF, d.features, "code\tclass", 9)? {
            let class = f[1];
            if class.is_empty() || !class.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(err(FF, line, format!("bad class {class:?}")));
            }
            let precision: u8 = f[7]
                .parse()
                .ok()
                .filter(|p| (1..=4).contains(p))
                .ok_or_else(|| err(FF, line, format!("bad precision {:?}", f[7])))?;
            let country = non_empty(f[2]);
            if country.as_ref().is_some_and(|c| c.len() != 2) {
                return Err(err(FF, line, format!("bad country {:?}", f[2])));
            }
            let maritime = MARITIME_CLASSES.contains(&class);
            if feature_ids
                .insert(f[0].to_string(), eager.len() as u32)
                .is_some()
            {
                return Err(err(FF, line, format!("duplicate code {:?}", f[0])));
            }
            eager.push(Rec {
                kind: K_FEATURE,
                name: f[4].to_string(),
                names: name_list(f[4], f[8]),
                country,
                admin1: non_empty(f[3]),
                region: maritime.then(|| f[4].to_string()),
                region_code: maritime.then(|| f[0].to_string()),
                feature: Some(class.to_string()),
                lat: opt_f64(FF, line, f[5])?,
                lon: opt_f64(FF, line, f[6])?,
                precision,
                population: 0,
            });
        }
    }

    let n_eager = eager.len();
    let mut recs = eager;
    recs.append(&mut lazy);

    // Keys for alias targets.
    let alias_rows = rows(AF, d.aliases, "target\talias", 2)?;
    let wanted: std::collections::HashSet<(&str, &str)> = alias_rows
        .iter()
        .filter_map(|(_, f)| f[0].strip_prefix("locality:"))
        .filter_map(|t| t.split_once(':'))
        .collect();
    let mut country_ids: HashMap<&str, u32> = HashMap::new();
    let mut admin1_ids: HashMap<(&str, &str), u32> = HashMap::new();
    let mut locality_ids: HashMap<(&str, &str), u32> = HashMap::new();
    for (i, r) in recs.iter().enumerate() {
        let cc = r.country.as_deref().unwrap_or_default();
        match r.kind {
            K_COUNTRY => {
                country_ids.entry(cc).or_insert(i as u32);
            }
            K_ADMIN1 => {
                admin1_ids.insert((cc, r.name.as_str()), i as u32);
            }
            K_LOCALITY if wanted.contains(&(cc, r.name.as_str())) => {
                let key = (cc, r.name.as_str());
                let better = match locality_ids.get(&key) {
                    Some(&old) => recs[old as usize].population < r.population,
                    None => true,
                };
                if better {
                    locality_ids.insert(key, i as u32);
                }
            }
            _ => {}
        }
    }
    let country_ids: HashMap<String, u32> = country_ids
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let admin1_ids: HashMap<(String, String), u32> = admin1_ids
        .into_iter()
        .map(|((a, b), v)| ((a.to_string(), b.to_string()), v))
        .collect();
    let locality_ids: HashMap<(String, String), u32> = locality_ids
        .into_iter()
        .map(|((a, b), v)| ((a.to_string(), b.to_string()), v))
        .collect();

    let mut names: Vec<Name> = Vec::new();
    for (i, r) in recs.iter().enumerate() {
        let cap = needs_cap(r);
        for idx in 0..r.names.len() as u32 {
            names.push(Name {
                place: i as u32,
                idx,
                case_sensitive: false,
                prefer: false,
                cap,
            });
        }
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
            ["feature", code] => feature_ids.get(*code).copied(),
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
        let p = &mut recs[id as usize];
        // An alias of a place whose own names need a capital letter needs one too: "Saná"
        // for Sanaa must not match the Spanish word "sana".
        let cap = needs_cap(p);
        if flags.contains(&"display") {
            if p.kind == K_ADMIN1 {
                renamed_admin1.insert(
                    (p.country.clone().unwrap_or_default(), p.name.clone()),
                    alias.clone(),
                );
                p.admin1 = Some(alias.clone());
            }
            p.name = alias.clone();
        }
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
            cap,
        });
    }
    if !renamed_admin1.is_empty() {
        for p in recs
            .iter_mut()
            .filter(|p| matches!(p.kind, K_LOCALITY | K_ADMIN2))
        {
            if let (Some(cc), Some(a1)) = (&p.country, &p.admin1) {
                if let Some(new) = renamed_admin1.get(&(cc.clone(), a1.clone())) {
                    p.admin1 = Some(new.clone());
                }
            }
        }
    }

    let mut stop = Vec::new();
    for (line, f) in rows(TF, d.stopnames, "name\tmode", 2)? {
        let mode = match f[1] {
            "never" => STOP_NEVER,
            "capitalized" => STOP_CAPITALIZED,
            "common" => STOP_COMMON,
            m => return Err(err(TF, line, format!("unknown mode {m:?}"))),
        };
        stop.push((f[0].to_string(), mode));
    }
    Ok((recs, names, stop, n_eager))
}

/// Feature classes that are bodies of water: their places carry a region and region code
/// (the feature's code), like the named sea regions.
pub(crate) const MARITIME_CLASSES: &[&str] = &["sea", "gulf", "strait", "channel", "bay", "ocean"];

struct Entry {
    place: u32,
    /// Index of the exact-case form in the place's names, for case-sensitive names.
    exact: Option<u32>,
    prefer: bool,
    cap: bool,
}

struct Pattern {
    entries: Vec<Entry>,
    stop: u8,
}

/// Writes strings once each: the offset of a string's length prefix identifies it.
#[derive(Default)]
struct Strings {
    bytes: Vec<u8>,
    seen: HashMap<String, u32>,
}

impl Strings {
    fn put(&mut self, s: &str) -> u32 {
        if let Some(&off) = self.seen.get(s) {
            return off;
        }
        // Longer strings cannot be stored; no place name comes close.
        let s = if s.len() > u16::MAX as usize {
            let mut end = u16::MAX as usize;
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            &s[..end]
        } else {
            s
        };
        let off = self.bytes.len() as u32;
        self.bytes
            .extend_from_slice(&(s.len() as u16).to_le_bytes());
        self.bytes.extend_from_slice(s.as_bytes());
        self.seen.insert(s.to_string(), off);
        off
    }

    fn opt(&mut self, s: Option<&str>) -> u32 {
        s.map_or(NONE, |s| self.put(s))
    }
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Compiles the data files into the image the gazetteer reads (see the module docs).
pub fn compile(d: &DataFiles<'_>) -> Result<Vec<u8>, DataError> {
    let (recs, names, stop, n_eager) = parse(d)?;

    let mut by_folded: HashMap<String, u32> = HashMap::new();
    let mut patterns: Vec<Pattern> = Vec::new();
    for n in &names {
        let name = &recs[n.place as usize].names[n.idx as usize];
        let Some(f) = crate::fold::fold_name(name) else {
            continue;
        };
        let idx = *by_folded.entry(f).or_insert_with(|| {
            patterns.push(Pattern {
                entries: Vec::new(),
                stop: STOP_NONE,
            });
            (patterns.len() - 1) as u32
        });
        let exact = (n.case_sensitive || is_short_caps(name)).then_some(n.idx);
        let exact_str = exact.map(|i| &recs[n.place as usize].names[i as usize]);
        let pat = &mut patterns[idx as usize];
        if let Some(e) = pat.entries.iter_mut().find(|e| {
            e.place == n.place
                && e.exact.map(|i| &recs[n.place as usize].names[i as usize]) == exact_str
        }) {
            e.prefer |= n.prefer;
            e.cap &= n.cap;
        } else {
            pat.entries.push(Entry {
                place: n.place,
                exact,
                prefer: n.prefer,
                cap: n.cap,
            });
        }
    }
    for (name, mode) in stop {
        let Some(f) = crate::fold::fold_name(&name) else {
            continue;
        };
        let idx = *by_folded.entry(f).or_insert_with(|| {
            patterns.push(Pattern {
                entries: Vec::new(),
                stop: STOP_NEVER,
            });
            (patterns.len() - 1) as u32
        });
        patterns[idx as usize].stop = mode;
    }
    for p in &mut patterns {
        p.entries
            .sort_by_key(|e| rank_key(&recs[e.place as usize], e.place, e.prefer));
    }

    // Keys: every folded name (without its padding separators) and every proper token
    // prefix of one, in byte order so that the image does not depend on hash-map order.
    let mut keys: HashMap<String, (Option<u32>, bool)> = HashMap::new();
    let mut max_tokens = 1usize;
    for (padded, &idx) in &by_folded {
        let key = &padded[1..padded.len() - 1];
        let mut tokens = 0;
        for (i, b) in key.bytes().enumerate() {
            if b == b' ' {
                tokens += 1;
                keys.entry(key[..i].to_string()).or_insert((None, false)).1 = true;
            }
        }
        max_tokens = max_tokens.max(tokens + 1);
        keys.entry(key.to_string()).or_insert((None, false)).0 = Some(idx);
    }
    let mut keys: Vec<(String, Option<u32>, bool)> =
        keys.into_iter().map(|(k, (p, pre))| (k, p, pre)).collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));

    let mut strings = Strings::default();
    // Places.
    let mut places_sec = Vec::with_capacity(recs.len() * PLACE_SIZE);
    let mut names_sec = Vec::new();
    let mut extras_sec = Vec::new();
    let mut n_names = 0u32;
    let mut n_extras = 0u32;
    for r in &recs {
        let cc = r.country.as_deref().unwrap_or_default().as_bytes();
        places_sec.push(r.kind);
        places_sec.push(r.precision);
        places_sec.push(cc.first().copied().unwrap_or(0));
        places_sec.push(cc.get(1).copied().unwrap_or(0));
        let name = strings.put(&r.name);
        put_u32(&mut places_sec, name);
        put_u32(&mut places_sec, n_names);
        let count = r.names.len().min(NONE16 as usize - 1) as u16;
        places_sec.extend_from_slice(&count.to_le_bytes());
        places_sec.extend_from_slice(&[0, 0]);
        for n in r.names.iter().take(count as usize) {
            let s = strings.put(n);
            put_u32(&mut names_sec, s);
            n_names += 1;
        }
        let a1 = strings.opt(r.admin1.as_deref());
        put_u32(&mut places_sec, a1);
        if r.region.is_some() || r.region_code.is_some() || r.feature.is_some() {
            put_u32(&mut places_sec, n_extras);
            for s in [&r.region, &r.region_code, &r.feature] {
                let off = strings.opt(s.as_deref());
                put_u32(&mut extras_sec, off);
            }
            n_extras += 1;
        } else {
            put_u32(&mut places_sec, NONE);
        }
        places_sec.extend_from_slice(&r.lat.unwrap_or(f64::NAN).to_le_bytes());
        places_sec.extend_from_slice(&r.lon.unwrap_or(f64::NAN).to_le_bytes());
        put_u32(
            &mut places_sec,
            r.population.min(u64::from(u32::MAX)) as u32,
        );
    }
    debug_assert_eq!(places_sec.len(), recs.len() * PLACE_SIZE);

    // Entries and keys.
    let mut entries_sec = Vec::new();
    let mut keys_sec = Vec::with_capacity(keys.len() * KEY_SIZE);
    let mut n_entries = 0u32;
    for (key, pat, prefix) in &keys {
        let koff = strings.put(key);
        put_u32(&mut keys_sec, koff);
        let (first, count, stop) = match pat {
            Some(p) => {
                let p = &patterns[*p as usize];
                let first = n_entries;
                for e in &p.entries {
                    put_u32(&mut entries_sec, e.place);
                    let exact = e.exact.map_or(NONE16, |i| i.min(NONE16 as u32 - 1) as u16);
                    entries_sec.extend_from_slice(&exact.to_le_bytes());
                    let flags = if e.prefer { PREFER } else { 0 } | if e.cap { CAP } else { 0 };
                    entries_sec.push(flags);
                    let r = &recs[e.place as usize];
                    entries_sec.push(r.kind);
                    let cc = r.country.as_deref().unwrap_or_default().as_bytes();
                    entries_sec.push(cc.first().copied().unwrap_or(0));
                    entries_sec.push(cc.get(1).copied().unwrap_or(0));
                    entries_sec.extend_from_slice(&[0, 0]);
                    n_entries += 1;
                }
                (first, p.entries.len().min(NONE16 as usize) as u16, p.stop)
            }
            None => (0, 0, STOP_NONE),
        };
        put_u32(&mut keys_sec, first);
        keys_sec.extend_from_slice(&count.to_le_bytes());
        keys_sec.push(stop);
        keys_sec
            .push(if pat.is_some() { IS_NAME } else { 0 } | if *prefix { IS_PREFIX } else { 0 });
    }

    // Hash table: at least twice as many slots as keys.
    let slots = (keys.len() * 2).next_power_of_two().max(16);
    let mask = slots - 1;
    let mut table = vec![(0u32, 0u32); slots];
    for (i, (key, _, _)) in keys.iter().enumerate() {
        let h = fx(key.as_bytes());
        let mut s = first_slot(h, mask);
        while table[s].0 != 0 {
            s = (s + 1) & mask;
        }
        table[s] = (i as u32 + 1, tag(h));
    }
    let mut table_sec = Vec::with_capacity(slots * SLOT_SIZE);
    for (v, t) in table {
        put_u32(&mut table_sec, v);
        put_u32(&mut table_sec, t);
    }

    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    let header_len = MAGIC.len() + HEADER_FIELDS * 4;
    let mut off = header_len;
    let mut offsets = Vec::new();
    for sec in [
        &places_sec,
        &names_sec,
        &extras_sec,
        &entries_sec,
        &keys_sec,
        &table_sec,
    ] {
        offsets.push(off as u32);
        off += sec.len();
    }
    offsets.push(off as u32);
    let mut header = [0u32; HEADER_FIELDS];
    header[h::PLACES] = recs.len() as u32;
    header[h::EAGER] = n_eager as u32;
    header[h::MAX_TOKENS] = max_tokens as u32;
    header[h::TABLE_MASK] = mask as u32;
    header[h::OFF_PLACES] = offsets[0];
    header[h::OFF_NAMES] = offsets[1];
    header[h::OFF_EXTRAS] = offsets[2];
    header[h::OFF_ENTRIES] = offsets[3];
    header[h::OFF_KEYS] = offsets[4];
    header[h::OFF_TABLE] = offsets[5];
    header[h::OFF_STRINGS] = offsets[6];
    header[h::KEYS] = keys.len() as u32;
    for v in header {
        put_u32(&mut out, v);
    }
    for sec in [
        places_sec,
        names_sec,
        extras_sec,
        entries_sec,
        keys_sec,
        table_sec,
        strings.bytes,
    ] {
        out.extend_from_slice(&sec);
    }
    Ok(out)
}
