//! Loading the lexicon files (`lexicon/`) into phrase matchers. Rust holds rules; every word
//! the rules look for is in a TSV file a domain expert can read and extend.

use crate::fxhash::{FxMap, FxSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use sw_model::Lang;

use crate::dates::DateLexicon;
use crate::numbers::NumberLexicon;
use crate::tokens::{tokenize, Tok};
use crate::{EventType, Field, Modality, SourceKind, TargetKind};

/// A set of phrases matched on lower-cased tokens, longest first.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    by_first: FxMap<String, Vec<Phrase<T>>>,
    /// The file the phrases came from, for rule names ("en/events.tsv").
    pub file: &'static str,
}

#[derive(Debug, Clone)]
pub struct Phrase<T> {
    words: Vec<String>,
    pub text: String,
    pub value: T,
}

/// One phrase found in a token stream.
#[derive(Debug)]
pub struct Hit<'a, T> {
    pub ts: usize,
    pub te: usize,
    pub phrase: &'a Phrase<T>,
}

impl<T> Clone for Hit<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Hit<'_, T> {}

impl<T> Hit<'_, T> {
    pub fn value(&self) -> &T {
        &self.phrase.value
    }
}

impl<T> PhraseSet<T> {
    pub fn new(file: &'static str) -> PhraseSet<T> {
        PhraseSet {
            by_first: FxMap::default(),
            file,
        }
    }

    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = tokenize(phrase, 0).into_iter().map(|t| t.lower).collect();
        if words.is_empty() {
            return;
        }
        let v = self.by_first.entry(words[0].clone()).or_default();
        v.push(Phrase {
            words,
            text: phrase.to_string(),
            value,
        });
        v.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then(a.text.cmp(&b.text)));
    }

    /// The longest phrase starting at token `i`.
    pub fn at<'a>(&'a self, toks: &[Tok], i: usize) -> Option<Hit<'a, T>> {
        let first = toks.get(i)?;
        let cands = self.by_first.get(&first.lower)?;
        'c: for p in cands {
            for (k, w) in p.words.iter().enumerate().skip(1) {
                match toks.get(i + k) {
                    Some(t) if t.lower == *w => {}
                    _ => continue 'c,
                }
            }
            return Some(Hit {
                ts: i,
                te: i + p.words.len(),
                phrase: p,
            });
        }
        None
    }

    /// Leftmost-longest, non-overlapping hits.
    pub fn find_all<'a>(&'a self, toks: &[Tok]) -> Vec<Hit<'a, T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some(h) = self.at(toks, i) {
                i = h.te;
                out.push(h);
            } else {
                i += 1;
            }
        }
        out
    }

    /// The most distinctive (longest) word of every phrase, for prefilters: a sentence
    /// without any of them cannot hold the phrase.
    pub fn key_words(&self) -> impl Iterator<Item = &String> {
        self.by_first.values().flatten().filter_map(|p| {
            p.words
                .iter()
                .filter(|w| w.chars().all(char::is_alphanumeric))
                .max_by_key(|w| w.chars().count())
        })
    }
}

fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>())
}

/// An event cue and its flags.
#[derive(Debug, Clone)]
pub struct EventCue {
    pub event_type: EventType,
    pub past: bool,
    pub noun: bool,
    pub plural: bool,
    pub weak: bool,
    pub means: Option<String>,
    /// A modality the cue itself carries (a future tense: "retirará").
    pub modality: Option<Modality>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CuePos {
    Before,
    After,
    Both,
}

#[derive(Debug, Clone)]
pub struct FigCue {
    pub field: Field,
    pub pos: CuePos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Before,
    Any,
    Near,
}

#[derive(Debug, Clone, Copy)]
pub struct ModCue {
    pub modality: Modality,
    pub scope: Scope,
    /// The modality in reported speech, after a reporting verb.
    pub reported: Option<Modality>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TallyKind {
    Cue,
    Bring,
    /// A cue that also names the campaign of strikes ("campaign", "campaña").
    Campaign,
    /// A sum that may be one event's ("in all", "en total"): a tally cue unless a single
    /// event is named in the sentence ("the attack killed eleven in all").
    Total,
    /// Strikes summed up under a perfect ("have carried out strikes", "han realizado
    /// ataques"): what follows is a tally, as after a `Bring`, unless the sentence dates
    /// them to a day.
    Summary,
    /// A toll ("death toll", "el saldo"): the campaign's unless it is said to be one
    /// event's ("the death toll from Tuesday's strike rose to four").
    Toll,
    /// A toll that is never the campaign's by itself ("the toll"), but is one event's when
    /// said to be ("the toll from last Tuesday's strike was revised to four").
    EventToll,
}

impl TallyKind {
    /// Whether what follows the cue in its sentence is a tally ("bringing the toll to").
    pub fn opens_tally(&self) -> bool {
        matches!(self, TallyKind::Bring | TallyKind::Summary)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttrCue {
    Verb,
    Channel(String),
    Anonymous,
    Kind(SourceKind),
    Pronoun,
    /// "cited by", "citing": the source named right after relays the claim.
    Citing,
}

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

macro_rules! lex {
    ($lang:literal, $file:literal) => {
        include_str!(concat!("../lexicon/", $lang, "/", $file))
    };
}

/// Every lexicon of one language.
#[derive(Debug)]
pub struct LangLex {
    pub lang: Lang,
    pub code: &'static str,
    pub nums: NumberLexicon,
    pub dates: DateLexicon,
    pub events: PhraseSet<EventCue>,
    pub targets: PhraseSet<TargetKind>,
    pub means: PhraseSet<String>,
    pub figures: PhraseSet<FigCue>,
    pub fillers: FxSet<String>,
    pub units: FxSet<String>,
    /// "annually", "al año": a number followed closely by one is a rate, not a toll.
    pub rates: PhraseSet<()>,
    /// Words that, up to six words before a number, make it what could be killed, not a
    /// toll ("enough drugs to kill 25,000").
    pub capacity: PhraseSet<()>,
    pub modality: PhraseSet<ModCue>,
    pub tally: PhraseSet<TallyKind>,
    pub attribution: PhraseSet<AttrCue>,
    pub blockers: PhraseSet<()>,
    /// The language's commonest function words: which language a sentence is written in.
    pub function_words: FxSet<String>,
    /// Determiners that, right before a singular event noun, name an event the article has
    /// already told of ("the strike", "el ataque").
    pub definite: FxSet<String>,
    /// Words that name a part of a place ("western", "occidente"): "in western
    /// Venezuela" is still a place the strike happened in.
    pub compass: FxSet<String>,
    /// Words that stand for a vessel already named ("another", "otra"): "four on one boat
    /// and four on another" counts two boats.
    pub elliptic: FxSet<String>,
    /// Words after a count that make it per boat ("four each on two boats").
    pub each: FxSet<String>,
    /// Words that deny a whole count ("none of the four survived": all four died).
    pub none: FxSet<String>,
    /// The commonest of them between spaces (" the "): a sentence without it is not
    /// looked at as possibly written in this language.
    pub marker: String,
    /// Cheap test: does a sentence hold any event, figure or tally cue at all?
    pub prefilter: AhoCorasick,
}

struct Sources {
    events: &'static str,
    targets: &'static str,
    means: &'static str,
    figures: &'static str,
    fillers: &'static str,
    units: &'static str,
    modality: &'static str,
    tally: &'static str,
    attribution: &'static str,
    blockers: &'static str,
    function_words: &'static str,
    determiners: &'static str,
}

impl LangLex {
    pub fn embedded(lang: Lang) -> LangLex {
        let (code, s) = match lang {
            Lang::Es => (
                "es",
                Sources {
                    events: lex!("es", "events.tsv"),
                    targets: lex!("es", "targets.tsv"),
                    means: lex!("es", "means.tsv"),
                    figures: lex!("es", "figures.tsv"),
                    fillers: lex!("es", "fillers.tsv"),
                    units: lex!("es", "units.tsv"),
                    modality: lex!("es", "modality.tsv"),
                    tally: lex!("es", "tally.tsv"),
                    attribution: lex!("es", "attribution.tsv"),
                    blockers: lex!("es", "blockers.tsv"),
                    function_words: lex!("es", "function_words.tsv"),
                    determiners: lex!("es", "determiners.tsv"),
                },
            ),
            _ => (
                "en",
                Sources {
                    events: lex!("en", "events.tsv"),
                    targets: lex!("en", "targets.tsv"),
                    means: lex!("en", "means.tsv"),
                    figures: lex!("en", "figures.tsv"),
                    fillers: lex!("en", "fillers.tsv"),
                    units: lex!("en", "units.tsv"),
                    modality: lex!("en", "modality.tsv"),
                    tally: lex!("en", "tally.tsv"),
                    attribution: lex!("en", "attribution.tsv"),
                    blockers: lex!("en", "blockers.tsv"),
                    function_words: lex!("en", "function_words.tsv"),
                    determiners: lex!("en", "determiners.tsv"),
                },
            ),
        };
        let file = |name: &str| -> &'static str {
            match (code, name) {
                ("es", "events") => "es/events.tsv",
                ("es", "targets") => "es/targets.tsv",
                ("es", "means") => "es/means.tsv",
                ("es", "figures") => "es/figures.tsv",
                ("es", "modality") => "es/modality.tsv",
                ("es", "tally") => "es/tally.tsv",
                ("es", "attribution") => "es/attribution.tsv",
                (_, "events") => "en/events.tsv",
                (_, "targets") => "en/targets.tsv",
                (_, "means") => "en/means.tsv",
                (_, "figures") => "en/figures.tsv",
                (_, "modality") => "en/modality.tsv",
                (_, "tally") => "en/tally.tsv",
                _ => "en/attribution.tsv",
            }
        };
        let mut events = PhraseSet::new(file("events"));
        for c in rows(s.events) {
            if c.len() < 2 {
                continue;
            }
            let Some(et) = EventType::parse(c[1]) else {
                continue;
            };
            let flags: Vec<&str> = c
                .get(2)
                .map(|f| f.split(',').map(str::trim).collect())
                .unwrap_or_default();
            let means = flags
                .iter()
                .find_map(|f| f.strip_prefix("means="))
                .map(String::from);
            events.insert(
                c[0],
                EventCue {
                    event_type: et,
                    past: flags.contains(&"past"),
                    noun: flags.contains(&"noun"),
                    plural: flags.contains(&"pl"),
                    weak: flags.contains(&"weak"),
                    means,
                    modality: flags
                        .iter()
                        .find_map(|f| f.strip_prefix("mod="))
                        .and_then(Modality::parse),
                },
            );
        }
        let mut targets = PhraseSet::new(file("targets"));
        for c in rows(s.targets) {
            if c.len() >= 2 {
                if let Some(k) = TargetKind::parse(c[1]) {
                    targets.insert(c[0], k);
                }
            }
        }
        let mut means = PhraseSet::new(file("means"));
        for c in rows(s.means) {
            if c.len() >= 2 {
                means.insert(c[0], c[1].to_string());
            }
        }
        let mut figures = PhraseSet::new(file("figures"));
        for c in rows(s.figures) {
            if c.len() >= 3 {
                let Some(field) = Field::parse(c[1]) else {
                    continue;
                };
                let pos = match c[2] {
                    "before" => CuePos::Before,
                    "after" => CuePos::After,
                    _ => CuePos::Both,
                };
                figures.insert(c[0], FigCue { field, pos });
            }
        }
        let function_words: FxSet<String> =
            rows(s.function_words).map(|c| c[0].to_string()).collect();
        let marker = format!(" {} ", rows(s.function_words).next().map_or("", |c| c[0]));
        // the words of determiners.tsv of one kind
        let determiners_of = |kind: &str| -> FxSet<String> {
            rows(s.determiners)
                .filter(|c| c.get(1) == Some(&kind))
                .map(|c| c[0].to_lowercase())
                .collect()
        };
        let definite = determiners_of("definite");
        let compass = determiners_of("compass");
        let elliptic = determiners_of("elliptic");
        let each = determiners_of("each");
        let none = determiners_of("none");
        let fillers = rows(s.fillers)
            .filter_map(|c| c.first().map(|w| w.to_lowercase()))
            .collect();
        let units = rows(s.units)
            .filter(|c| c.len() < 2)
            .filter_map(|c| c.first().map(|w| w.to_lowercase()))
            .collect();
        // the rows of units.tsv of one kind, as phrases
        let units_of = |kind: &str| {
            let mut set = PhraseSet::new(if code == "es" {
                "es/units.tsv"
            } else {
                "en/units.tsv"
            });
            for c in rows(s.units).filter(|c| c.get(1) == Some(&kind)) {
                set.insert(c[0], ());
            }
            set
        };
        let rates = units_of("rate");
        let capacity = units_of("capacity");
        let mut modality = PhraseSet::new(file("modality"));
        for c in rows(s.modality) {
            if c.len() >= 3 {
                let Some(m) = Modality::parse(c[1]) else {
                    continue;
                };
                let scope = match c[2] {
                    "any" => Scope::Any,
                    "near" => Scope::Near,
                    _ => Scope::Before,
                };
                let reported = c.get(3).and_then(|x| Modality::parse(x));
                modality.insert(
                    c[0],
                    ModCue {
                        modality: m,
                        scope,
                        reported,
                    },
                );
            }
        }
        let mut tally = PhraseSet::new(file("tally"));
        for c in rows(s.tally) {
            if c.len() >= 2 {
                let k = match c[1] {
                    "bring" => TallyKind::Bring,
                    "campaign" => TallyKind::Campaign,
                    "total" => TallyKind::Total,
                    "summary" => TallyKind::Summary,
                    "toll" => TallyKind::Toll,
                    "event_toll" => TallyKind::EventToll,
                    _ => TallyKind::Cue,
                };
                tally.insert(c[0], k);
            }
        }
        let mut attribution = PhraseSet::new(file("attribution"));
        for c in rows(s.attribution) {
            if c.len() < 2 {
                continue;
            }
            let v = match c[1] {
                "verb" => AttrCue::Verb,
                "channel" => AttrCue::Channel(c.get(2).unwrap_or(&"statement").to_string()),
                "anonymous" => AttrCue::Anonymous,
                "pronoun" => AttrCue::Pronoun,
                "citing" => AttrCue::Citing,
                k => match SourceKind::parse(k) {
                    Some(k) => AttrCue::Kind(k),
                    None => continue,
                },
            };
            attribution.insert(c[0], v);
        }
        let mut blockers = PhraseSet::new(if code == "es" {
            "es/blockers.tsv"
        } else {
            "en/blockers.tsv"
        });
        for c in rows(s.blockers) {
            if let Some(p) = c.first() {
                blockers.insert(p, ());
            }
        }
        // Prefilter: the first word of every event, figure and tally cue, plus digits.
        let mut pats: Vec<String> = events
            .key_words()
            .chain(figures.key_words())
            .chain(tally.key_words())
            .filter(|w| w.chars().count() >= 3)
            .cloned()
            .collect();
        pats.sort();
        pats.dedup();
        let prefilter = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&pats)
            .expect("prefilter automaton");
        LangLex {
            lang,
            code,
            nums: NumberLexicon::embedded(lang),
            dates: DateLexicon::embedded(lang),
            events,
            targets,
            means,
            figures,
            fillers,
            function_words,
            definite,
            compass,
            elliptic,
            each,
            none,
            marker,
            units,
            rates,
            capacity,
            modality,
            tally,
            attribution,
            blockers,
            prefilter,
        }
    }
}

impl LangLex {
    /// Whether a sentence may hold any event, figure or tally cue: a key word of some cue
    /// starts at a word boundary. Sentences that fail cost one automaton pass and nothing
    /// else.
    pub fn may_hold(&self, s: &str) -> bool {
        self.prefilter.find_overlapping_iter(s).any(|m| {
            !s[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !s[m.end()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
    }
}

/// Actors (both languages) and the extra place phrases.
#[derive(Debug)]
pub struct Shared {
    pub actors: PhraseSet<ActorEntry>,
    pub places: PhraseSet<ExtraPlace>,
}

impl Shared {
    pub fn embedded() -> Shared {
        let mut actors = PhraseSet::new("actors.tsv");
        for c in rows(include_str!("../lexicon/actors.tsv")) {
            if c.len() < 3 {
                continue;
            }
            let role = match c[2] {
                "perpetrator" | "command" => ActorRole::Perpetrator,
                "official" => ActorRole::Official,
                "target_group" => ActorRole::TargetGroup,
                "other_outlet" => ActorRole::OtherOutlet,
                "local_authority" => ActorRole::LocalAuthority,
                _ => continue,
            };
            actors.insert(
                c[0],
                ActorEntry {
                    canonical: c[1].to_string(),
                    role,
                    country: c.get(3).filter(|x| x.len() == 2).map(|x| x.to_string()),
                    speaks: c[2] == "command",
                },
            );
        }
        let mut places = PhraseSet::new("places.tsv");
        for c in rows(include_str!("../lexicon/places.tsv")) {
            if c.len() >= 3 {
                places.insert(
                    c[0],
                    ExtraPlace {
                        country: c[1].to_string(),
                        land: c[2] == "land_site",
                        agent: c[2] == "agent",
                    },
                );
            }
        }
        Shared { actors, places }
    }
}
