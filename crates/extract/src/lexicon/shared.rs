//! The lexicons every language shares: actors (`lexicon/actors.tsv`: commands, officials,
//! groups, outlets, named in any language) and the place phrases the gazetteer lacks
//! (`lexicon/places.tsv`).

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
}

impl Shared {
    /// Loads both files; the first row that cannot be read is the error.
    pub fn load(actors: File, places: File) -> Result<Shared, LexiconError> {
        Ok(Shared {
            actors: load_actors(actors)?,
            places: load_places(places)?,
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
