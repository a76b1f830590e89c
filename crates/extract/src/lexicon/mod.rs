//! The lexicons: every word the rules look for, read from TSV files (`lexicon/`) into phrase
//! matchers and word sets. Formats and kinds are documented in `lexicon/README.md`.
//!
//! - [`table`]: rows with line numbers, and [`LexiconError`], which names the file and line
//!   of anything that cannot be read;
//! - [`phrases`]: [`PhraseSet`], longest-first phrase matching on tokens;
//! - [`language`]: one language's lexicons ([`LangLex`]) from its folder's files;
//! - [`shared`]: actors and extra place phrases, shared by every language.

pub mod language;
pub mod phrases;
pub mod shared;
pub mod table;

pub use language::{
    AgentKind, AttrCue, CuePos, EventCue, FigCue, FillerKind, Grammar, LangLex, LangSource, ModCue,
    RefKind, Scope, TallyKind, TollCue, FILES,
};
pub use phrases::{Hit, Phrase, PhraseSet};
pub use shared::{ActorEntry, ActorRole, ExtraPlace, ForceEntry, ForceReach, Shared};
pub use table::{File, LexiconError};
