//! The lexicons every language shares: actors (`lexicon/actors.tsv`: commands, officials,
//! groups, outlets, named in any language), the place phrases the gazetteer lacks
//! (`lexicon/places.tsv`), and the armed actors that can carry out an event
//! (`lexicon/forces.tsv`: states' forces with their state, non-state groups).

use super::phrases::phrase_set;
use super::table::{File, LexiconError};
use super::PhraseSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRole {
    Perpetrator,
    Official,
    TargetGroup,
    OtherOutlet,
    LocalAuthority,
}

#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub canonical: String,
    pub role: ActorRole,
    /// The country the actor belongs to (ISO2), if listed.
    pub country: Option<String>,
    /// A command that speaks for itself: the source when it is a sentence's subject.
    pub speaks: bool,
    /// The state whose forces act on this actor's orders (a head of state or government, a
    /// defence ministry): a strike it is said to have ordered, with no force named, is that
    /// state's ("Trump said he had ordered air strikes").
    pub orders: Option<String>,
}

/// An armed actor that can carry out a strike, raid or attack.
#[derive(Debug, Clone)]
pub struct ForceEntry {
    pub canonical: String,
    /// The state whose force it is (ISO2); `None` for a non-state group.
    pub state: Option<String>,
    /// How far the entry names a force: a force itself, a state's name, or its adjective.
    pub reach: ForceReach,
    /// For a group that fights in one country (al-Shabaab, the ELN): that country, which
    /// chooses between namesakes in a sentence that names the group ("Hiran" beside
    /// al-Shabaab is the Somali region). Never a state of the group's.
    pub theatre: Option<String>,
    /// A state's name that stands for its forces only as a verb's subject ("Colombia
    /// bombardeó"): before or after an event noun it is where the event was ("the Colombia
    /// strike", "el bombardeo de Colombia"). Kind `country_subject`.
    pub subject_only: bool,
}

/// Where a state's name or adjective can stand for its forces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForceReach {
    /// A force, command, agency or group: anywhere an agent can be.
    Force,
    /// A state's name ("Israel"): the subject or beside the cue, never a target.
    Country,
    /// A state's adjective ("estadounidense"): beside the cue only.
    Demonym,
}

impl ForceEntry {
    pub fn non_state(&self) -> bool {
        self.state.is_none()
    }
}

#[derive(Debug, Clone)]
pub struct ExtraPlace {
    pub country: String,
    pub land: bool,
    /// Names the attacking state, never a place of an event.
    pub agent: bool,
    /// A seat of government or command ("White House", "Casa de Nariño"): where something
    /// is said, never an event's place nor what was struck.
    pub seat: bool,
    /// The country's adjective ("Iranian", "venezolanas"): beside a site on land, the
    /// site's country.
    pub demonym: bool,
}

/// The words around a place mention that say what it is to an event (`places.tsv`, rows
/// with no country): see `lexicon/README.md`.
#[derive(Debug, Default)]
pub struct PlaceWords {
    /// Phrases right before a place that make it where an event happened ("district of",
    /// "zona rural de"), beside the language's `locative` words.
    pub locative: PhraseSet<()>,
    /// Nouns of a place or part of one ("province", "capital", "afueras"): a place after
    /// one and "of"/"de" (adjectives may stand between) is where the event happened.
    pub noun: PhraseSet<()>,
    /// Words joining a noun to the place it is of, beside the language's `of` ("del").
    pub of: PhraseSet<()>,
    /// Nouns of a division or settlement ("state", "town", "sindicatura"): a country's name
    /// after one and "of" names a place within a country that bears it ("la sindicatura de
    /// Costa Rica", in Culiacán), not the country.
    pub division: PhraseSet<()>,
    /// A place right after one is where something was said or someone lives ("speaking
    /// in", "dijo en", "based in"), never the event's.
    pub remote: PhraseSet<()>,
    /// A place right after one is across a border ("border with", "frontera con").
    pub border: PhraseSet<()>,
    /// A place right after one is a government's seat ("gobierno de", "regime in"): a
    /// development that names no place concerns its country.
    pub government_of: PhraseSet<()>,
    /// Opens another event's clause ("after", "in response to", "tras"): a place in it is
    /// that event's.
    pub frame: PhraseSet<()>,
    /// Joins two places ("and", "y", "e"): two countries joined are two places.
    pub and: PhraseSet<()>,
    /// An article of a place's name, hyphened to the word after it ("al", "el": "Jisr
    /// al-Shughur"): after a place mention, the name goes on, and the mention is only its
    /// first word, some namesake elsewhere.
    pub particle: PhraseSet<()>,
    /// The countries of the `agent` rows: named, they never decide between namesakes.
    pub agents: Vec<String>,
}

/// Actors (every language) and the extra place phrases.
#[derive(Debug)]
pub struct Shared {
    pub actors: PhraseSet<ActorEntry>,
    pub places: PhraseSet<ExtraPlace>,
    pub place_words: PlaceWords,
    pub forces: PhraseSet<ForceEntry>,
}

impl Shared {
    /// Loads both files; the first row that cannot be read is the error.
    pub fn load(actors: File, places: File, forces: File) -> Result<Shared, LexiconError> {
        let (places, place_words) = load_places(places)?;
        Ok(Shared {
            actors: load_actors(actors)?,
            places,
            place_words,
            forces: load_forces(forces)?,
        })
    }
}

fn load_actors(file: File) -> Result<PhraseSet<ActorEntry>, LexiconError> {
    phrase_set(file, 5, |r| {
        let kind = r.col(2, "role")?;
        let role = match kind {
            "perpetrator" | "command" => ActorRole::Perpetrator,
            "official" => ActorRole::Official,
            "target_group" => ActorRole::TargetGroup,
            "other_outlet" => ActorRole::OtherOutlet,
            "local_authority" => ActorRole::LocalAuthority,
            k => return Err(r.error(format!("unknown role {k:?}"))),
        };
        let country = match r.opt(3) {
            Some(c) if c.len() == 2 => Some(c.to_string()),
            Some(c) => return Err(r.error(format!("country {c:?} is not a two-letter code"))),
            None => None,
        };
        let orders = match r.opt(4) {
            Some(c) if c.len() == 2 => Some(c.to_string()),
            Some(c) => return Err(r.error(format!("orders {c:?} is not a two-letter code"))),
            None => None,
        };
        Ok(ActorEntry {
            canonical: r.col(1, "canonical name")?.to_string(),
            role,
            country,
            speaks: kind == "command",
            orders,
        })
    })
}

fn load_forces(file: File) -> Result<PhraseSet<ForceEntry>, LexiconError> {
    phrase_set(file, 4, |r| {
        let canonical = r.col(1, "canonical name")?.to_string();
        let kind = r.col(2, "kind")?;
        let subject_only = kind == "country_subject";
        let reach = match kind {
            "country" | "country_subject" => ForceReach::Country,
            "demonym" => ForceReach::Demonym,
            _ => ForceReach::Force,
        };
        let kind = if reach == ForceReach::Force {
            kind
        } else {
            "state"
        };
        let state = match (kind, r.opt(3)) {
            ("state", Some(c)) if c.len() == 2 && c.chars().all(|x| x.is_ascii_uppercase()) => {
                Some(c.to_string())
            }
            ("state", c) => {
                return Err(r.error(format!(
                    "a state force needs its state's two-letter code, not {c:?}"
                )))
            }
            ("group", None) => None,
            ("group", Some(c)) if c.len() == 2 && c.chars().all(|x| x.is_ascii_uppercase()) => None,
            ("group", Some(c)) => {
                return Err(r.error(format!(
                    "a group's country is the two-letter code of where it fights, not {c:?}"
                )))
            }
            (k, _) => {
                return Err(r.error(format!(
                    "unknown kind {k:?} (state, group, country or demonym)"
                )))
            }
        };
        let theatre = (kind == "group")
            .then(|| r.opt(3))
            .flatten()
            .map(str::to_string);
        Ok(ForceEntry {
            canonical,
            state,
            reach,
            theatre,
            subject_only,
        })
    })
}

fn load_places(file: File) -> Result<(PhraseSet<ExtraPlace>, PlaceWords), LexiconError> {
    let mut places = PhraseSet::new(file.name);
    let mut words = PlaceWords::default();
    for r in file.rows() {
        r.at_most(3)?;
        let phrase = r.col(0, "phrase")?;
        let country = r.col(1, "country")?;
        let hint = r.col(2, "hint")?;
        let set = match hint {
            "locative" => &mut words.locative,
            "noun" => &mut words.noun,
            "of" => &mut words.of,
            "remote" => &mut words.remote,
            "border" => &mut words.border,
            "government_of" => &mut words.government_of,
            "frame" => &mut words.frame,
            "and" => &mut words.and,
            "particle" => &mut words.particle,
            "division" => &mut words.division,
            "land_site" | "agent" | "seat" | "demonym" | "-" => {
                if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(r.error(format!("country {country:?} is not a two-letter code")));
                }
                let place = ExtraPlace {
                    country: country.to_string(),
                    land: hint == "land_site",
                    agent: hint == "agent",
                    seat: hint == "seat",
                    demonym: hint == "demonym",
                };
                if hint == "agent" && !words.agents.iter().any(|c| c == country) {
                    words.agents.push(country.to_string());
                }
                places.insert(phrase, place);
                continue;
            }
            h => return Err(r.error(format!("unknown hint {h:?}"))),
        };
        if country != "-" {
            return Err(r.error(format!(
                "a {hint} row has no country, \"-\", not {country:?}"
            )));
        }
        set.insert(phrase, ());
    }
    Ok((places, words))
}
