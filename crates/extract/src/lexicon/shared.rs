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
}

/// An armed actor that can carry out a strike, raid or attack.
#[derive(Debug, Clone)]
pub struct ForceEntry {
    pub canonical: String,
    /// The state whose force it is (ISO2); `None` for a non-state group.
    pub state: Option<String>,
    /// How far the entry names a force: a force itself, a state's name, or its adjective.
    pub reach: ForceReach,
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
}

/// Actors (every language) and the extra place phrases.
#[derive(Debug)]
pub struct Shared {
    pub actors: PhraseSet<ActorEntry>,
    pub places: PhraseSet<ExtraPlace>,
    pub forces: PhraseSet<ForceEntry>,
}

impl Shared {
    /// Loads both files; the first row that cannot be read is the error.
    pub fn load(actors: File, places: File, forces: File) -> Result<Shared, LexiconError> {
        Ok(Shared {
            actors: load_actors(actors)?,
            places: load_places(places)?,
            forces: load_forces(forces)?,
        })
    }
}

fn load_actors(file: File) -> Result<PhraseSet<ActorEntry>, LexiconError> {
    phrase_set(file, 4, |r| {
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
        Ok(ActorEntry {
            canonical: r.col(1, "canonical name")?.to_string(),
            role,
            country,
            speaks: kind == "command",
        })
    })
}

fn load_forces(file: File) -> Result<PhraseSet<ForceEntry>, LexiconError> {
    phrase_set(file, 4, |r| {
        let canonical = r.col(1, "canonical name")?.to_string();
        let kind = r.col(2, "kind")?;
        let reach = match kind {
            "country" => ForceReach::Country,
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
            ("group", Some(c)) => return Err(r.error(format!("a group has no state ({c:?})"))),
            (k, _) => {
                return Err(r.error(format!(
                    "unknown kind {k:?} (state, group, country or demonym)"
                )))
            }
        };
        Ok(ForceEntry {
            canonical,
            state,
            reach,
        })
    })
}

fn load_places(file: File) -> Result<PhraseSet<ExtraPlace>, LexiconError> {
    phrase_set(file, 3, |r| {
        let hint = r.col(2, "hint")?;
        if !matches!(hint, "land_site" | "agent" | "-") {
            return Err(r.error(format!("unknown hint {hint:?}")));
        }
        Ok(ExtraPlace {
            country: r.col(1, "country")?.to_string(),
            land: hint == "land_site",
            agent: hint == "agent",
        })
    })
}
