//! One language's lexicons (`lexicon/<code>/*.tsv`), loaded into phrase matchers and word
//! sets. Rust holds rules; every word the rules look for is in a TSV file a domain expert
//! can read and extend, and a row that cannot be read is an error naming its file and line.

use crate::tokens::Word;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::phrases::phrase_set;
use super::table::{File, LexiconError, Row};
use super::PhraseSet;
use crate::dates::DateLexicon;
use crate::fxhash::{FxMap, FxSet};
use crate::numbers::NumberLexicon;
use crate::{EventType, Field, Modality, SourceKind, TargetKind};

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
    /// An event only when a state force carries it out ("clash", "killed", "repelled"):
    /// the cue is dropped when no state force is its agent.
    pub force: bool,
    /// Said of a state force's action even when none is named ("abatidos", "dados de
    /// baja"): its agent is a state force, whose state the place gives.
    pub by_force: bool,
    /// A word said of anyone's violence, a state's or a group's ("attack", "ataque"):
    /// state forces counted among its dead, with no state force its agent, make it a
    /// group's attack.
    pub generic: bool,
    /// An event only with its dead counted in the sentence ("operativo", "operation": a
    /// security deployment unless it killed): "un operativo del Ejército dejó tres muertos".
    pub toll: bool,
    /// A two-word cue whose words a count or adjectives may stand between ("fired two
    /// ballistic missiles", "lanzaron dos misiles").
    pub gap: bool,
    /// A verb with two sides, either named first ("se enfrentaron con", "clashed with"): as
    /// for a clash noun, a state force named on either side makes it that force's operation.
    pub sides: bool,
    /// A verb in the present tense ("destroys", "bombardea"): news in a headline, a habit
    /// in the body ("the United States destroys small boats in the Caribbean").
    pub present: bool,
    /// With `present`: a present the language also tells news with in the body ("el
    /// Ejército bombardea posiciones"), so a habit only right after a relative pronoun ("los
    /// militantes que atacan a sus fuerzas").
    pub narrative: bool,
    /// A word other trades use too ("strike" for a stoppage of work, "attack" and "ataque"
    /// for a computer attack): with a word of that trade near it (a labour dispute, computing)
    /// and no weapon, dead or hurt in its sentence, it is that trade's.
    pub shared: bool,
    /// An event only against a site on land or an armed group named right after it
    /// ("operación contra un campamento", "operation against a bandit camp"; not "an
    /// operation against street crime").
    pub site: bool,
    /// A verb also said of what it befalls ("the ship sank", "la lancha se hundió"): with
    /// its target as its subject and no object after it, what became of the target, not an
    /// act.
    pub intrans: bool,
    /// A gerund told as an act only right after a word of what came after, in a sentence
    /// that counts dead ("were killed after attacking a patrol"); elsewhere ("capable of
    /// attacking", "criticized after attacking the Pentagon") it is said of someone, no act.
    pub gerund: bool,
}

/// A phrase of `references.tsv`: what makes an event cue a mention of an earlier event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// Places an event in a series ("of the campaign", "since the strikes began").
    Series,
    /// The sentence recalls history ("anniversary", "se cumplen").
    Retrospective,
    /// Up to three words before an event cue, a campaign's course rather than one event: a
    /// quantifier of many ("several strikes", "una serie de ataques").
    Campaign,
    /// One word before an event cue at most, a verb of a campaign's start or habit ("began
    /// bombing", "ha venido realizando ataques").
    CampaignVerb,
    /// Right before a singular event noun, any one of many ("each attack", "cada ataque",
    /// "every strike"): the campaign spoken of, never one event.
    Every,
    /// Sets what follows in the story's past ("earlier this year", "el año pasado"): an
    /// event the sentence gives no day of its own is an earlier one told again, background
    /// rather than news; with a day of its own ("on Tuesday, the first since last year") it
    /// is that day's event.
    Background,
    /// Right before or right after an event noun, an earlier one than the story's ("an
    /// earlier strike", "the previous strike", "el ataque anterior"): with no day of its
    /// own, that earlier event told again, never the news the sentence may also tell.
    Earlier,
    /// A time of the story's own day ("hours before", "that morning", "horas antes"): an
    /// earlier event told with one is that day's news, not one before the story's.
    SameDay,
    /// People an event left, named with it ("strike survivors", "a survivor of the
    /// attack", "un sobreviviente del ataque"): the event is the one they came through,
    /// spoken of, not told, when the sentence's day is theirs (before them, or after a
    /// passive's auxiliary: "was repatriated on Tuesday"). With its dead counted in the
    /// sentence it stays the event told; "victim of" is no such word ("fue víctima de un
    /// ataque el martes" tells the attack).
    Survivor,
    /// A mourning or a reckoning for the dead ("funeral", "sepultados", "pleaded guilty"):
    /// an event whose dead are told after it ("the funeral of the five fishermen who died in
    /// a strike") is an earlier one told again.
    Memorial,
    /// A military exercise ("live-fire drill", "ejercicio naval"): what a sentence naming one
    /// tells sunk or fired on is practice, no event, unless someone died in it.
    Drill,
    /// The course of a campaign, its pace or growth ("increase in", "ritmo de"), right before
    /// a plural event noun: the campaign, never one event, whatever the day.
    Trend,
    /// A word of a labour dispute ("union", "dockworkers", "wages", "walkout"): a word that a
    /// stoppage of work shares with a military strike ([`EventCue::shared`]) told near one is
    /// the stoppage.
    Labour,
    /// A word of computing ("phishing", "hackers", "contraseñas"): a word that a computer
    /// attack shares with violence ([`EventCue::shared`]) told near one is that attack.
    Computing,
    /// Opens a line that points to another story ("Related:", "Lee también:", "READ
    /// MORE:"), a colon after it: a headline of another article glued into this one, whose
    /// events are not this article's to report.
    Teaser,
}

/// A word of `agents.tsv`: who may carry out an event, and the small words around agents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentKind {
    /// A state force named generically ("troops", "militares").
    State,
    /// A non-state armed group named generically ("gunmen", "sicarios").
    Group,
    /// Before the target of an attack ("against", "contra"): what follows is struck.
    Against,
    /// Before a passive's agent ("by", "por").
    By,
    /// Opens what someone says ("that", "que"): an actor before it is the speaker.
    That,
    /// An auxiliary of the passive ("were", "fueron"): the subject before it is the patient.
    Passive,
    /// A state force's post or unit ("military base", "patrulla"): violence against one by
    /// no one named is a non-state attack.
    Post,
    /// A civilian ship ("merchant ship", "carguero"): violence against one by no state force
    /// named is a non-state attack.
    Shipping,
    /// Members of what follows ("members of", "presuntos integrantes de"): between a
    /// passive's "by" and the group that is its agent.
    Member,
    /// Accuses the actor right after it of what follows ("accused", "acusaron a"): that
    /// actor is the agent of an event cue shortly after it.
    Accuse,
    /// A verb of telling ("said", "denunciaron"): a group right before it tells of what was
    /// done to it, it is not the agent of the event it tells of.
    Tells,
    /// A force's head noun that is an armed actor only with its state named: after the
    /// state's name and a possessive ("Pakistan's military") or before "of" and the name
    /// ("the army of Nigeria", "el ejército de Pakistán").
    Head,
    /// Attributes the event cue right after it to the actor after that ("attributed the
    /// attack to a gang", "atribuyó el ataque a una banda"): that actor is the cue's agent,
    /// the one who attributes it is not.
    Attribute,
    /// "atribuido a", "reivindicado por", "claimed by": a participle right after an event
    /// noun (two words between at most) makes the actor after it the event's agent ("un ataque
    /// con drones atribuido al ELN"); after anything else it is that thing's ("una lancha
    /// atribuida al Tren de Aragua").
    AttributedTo,
    /// Ties the actor right after it to another as its sponsor or ally ("aligned with",
    /// "respaldado por"): "the group aligned with Iran began attacking ships" names Iran as
    /// the group's patron, never the subject of what follows.
    Ally,
    /// A non-state group's base or post ("militant base", "base guerrillera"): read
    /// whole, so that its head noun is not taken for a state force's post, and an attack on
    /// it is not an attack on a state.
    Hideout,
    /// "led by", "liderada por": the actor after it leads what stands before it, so it is
    /// the agent of that subject's act ("an operation led by U.S. forces killed five"),
    /// never another verb's passive agent as a bare "by" would make it.
    Lead,
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
    /// The cue counts people only: a number after it counts what it kills only when people
    /// are named after it, or nothing ("neutralized two gunmen", not "neutralized two
    /// drones").
    pub people: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Before,
    Any,
    Near,
    /// Opens a clause and reaches every cue after it in its clause, however far, but not
    /// past a comma, a semicolon, a contrast or a word opening another clause ("en ningún
    /// momento aeronaves ... han lanzado explosivos", "at no time did ..."): a negation that
    /// leads its clause.
    Lead,
    /// Anywhere in the sentence, before or after the cue, even for a finished act with its
    /// dead ("In the new thriller, a rogue team launches a drone strike, killing 14"):
    /// fiction, whose every act is invented.
    Whole,
    /// Right before the cue (a few tokens, no comma), never over a finished act or one told
    /// with its dead: what an order or a decision is for, a rumour ("the order to strike the
    /// boat", "rumours of a drone strike"; not "his decision to strike the boat, which killed
    /// eleven").
    Aim,
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
    /// "the number of": with who was killed after it ("the number of suspected gunmen
    /// killed in the March 2 clash rose to 17"), one event's toll like [`TallyKind::EventToll`]
    /// when said to be; no tally cue by itself.
    NumberOf,
    /// A toll under a perfect ("have killed", "han matado"): a running total, unless what
    /// the dead were killed in follows as one event named with an indefinite article
    /// ("troops have killed 19 gunmen in a shootout", "han abatido a seis en un
    /// enfrentamiento").
    Perfect,
}

impl TallyKind {
    /// Whether what follows the cue in its sentence is a tally ("bringing the toll to").
    pub fn opens_tally(&self) -> bool {
        matches!(self, TallyKind::Bring | TallyKind::Summary)
    }
}

/// The kind of a word of `fillers.tsv` that has one (a second column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillerKind {
    /// A noun naming people ("gunmen", "sicarios"): after a count of them a phrase may
    /// stand before the cue ("five members of a criminal group died"); an article before
    /// one counts one ("a gunman was killed").
    Person,
    /// A noun naming members of a state force ("soldiers", "militares"): their dead are the
    /// state's own losses, not the toll of its strike or raid.
    Security,
    /// "them", "ellos": "two of them died" is a count, not a part of one.
    Pronoun,
    /// "was", "fue": a singular verb between a name and its death cue ("X was killed").
    Singular,
    /// "of", "en": not a filler, but it opens a phrase that may stand between a count of
    /// people and its cue ("members of a criminal group", "personas en una de las lanchas").
    Opens,
    /// "Venezuelan", "venezolanos": not a filler by itself ("two Trinidadian men killed" is
    /// most often some of the dead), but the state of the members of a force counted beside
    /// it ("two Venezuelan soldiers", "dos militares venezolanos").
    Nationality,
}

/// A cue of `tolls.tsv`: phrases that bind a toll, or deny one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TollCue {
    /// "no casualties", "sin víctimas": no one was killed.
    Zero,
    /// "no civilian casualties", "sin bajas propias": a zero for some of the people only.
    NotZero,
    /// "in retaliation for", "en represalia por": what follows in its clause is another
    /// event, with its own toll.
    Retaliation,
    /// "days after", "luego de que": what follows in its clause is another event ("two
    /// days after a strike killed 70").
    After,
    /// "after", "tras": the same, when a provoking event is named right after it ("after
    /// an ambush that killed two soldiers").
    AfterWeak,
    /// "ambush", "emboscada": an event a strike or raid answers.
    Provoking,
    /// "which", "en la que": a clause that goes on telling of the event before the comma.
    Relative,
    /// "in both countries", "en ambos países": a toll summed over places, no one event's.
    Combined,
    /// "since the war began": a war's running toll, no event's and no campaign's.
    War,
    /// "other", "otros": more dead of the same event, after its toll ("killed a commander
    /// and two other people").
    More,
    /// "there were no survivors", "no hubo sobrevivientes": survivors 0.
    NoSurvivors,
    /// "had first said", "en un principio": what the sentence tells was said before and
    /// since corrected, no count of its own.
    Superseded,
    /// "lowered the figure to", "corrigió la cifra a": after a `Superseded` cue, the count
    /// right after it is the event's toll now, the one told before it no longer.
    Revised,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttrCue {
    Verb,
    Channel(String),
    Anonymous,
    Kind(SourceKind),
    /// A national government body or minister ("ministry", "ministro"): a local authority,
    /// or an official source where its state's forces acted on their own ground.
    National,
    Pronoun,
    /// "cited by", "citing": the source named right after relays the claim.
    Citing,
}

/// The files a language folder must hold, each once, and no others.
pub const FILES: &[&str] = &[
    "agents.tsv",
    "attribution.tsv",
    "blockers.tsv",
    "dates.tsv",
    "determiners.tsv",
    "events.tsv",
    "figures.tsv",
    "fillers.tsv",
    "function_words.tsv",
    "grammar.tsv",
    "hedges.tsv",
    "means.tsv",
    "modality.tsv",
    "months.tsv",
    "numbers.tsv",
    "references.tsv",
    "tally.tsv",
    "targets.tsv",
    "tolls.tsv",
    "units.tsv",
];

/// The text of every lexicon file of one language, by file name, before it is loaded.
#[derive(Debug, Clone)]
pub struct LangSource<'a> {
    code: &'a str,
    /// (file name, name in rules and errors, text)
    files: Vec<(&'a str, String, &'a str)>,
}

impl<'a> LangSource<'a> {
    pub fn new(code: &'a str) -> LangSource<'a> {
        LangSource {
            code,
            files: Vec::new(),
        }
    }

    pub fn code(&self) -> &'a str {
        self.code
    }

    /// Adds the file `name` ("events.tsv"), reported as `shown` ("en/events.tsv"). A name
    /// the extractor does not read, or one given twice, is an error.
    pub fn add(&mut self, name: &'a str, shown: String, text: &'a str) -> Result<(), LexiconError> {
        if !FILES.contains(&name) {
            return Err(LexiconError::file(
                shown,
                format!("not a lexicon file (expected one of {})", FILES.join(", ")),
            ));
        }
        if let Some((_, first, _)) = self.files.iter().find(|(n, _, _)| *n == name) {
            return Err(LexiconError::file(
                shown,
                format!("given twice (also as {first}): a file is kept in one place"),
            ));
        }
        self.files.push((name, shown, text));
        Ok(())
    }

    /// Whether the file `name` was given.
    pub fn has(&self, name: &str) -> bool {
        self.files.iter().any(|(n, _, _)| *n == name)
    }

    /// The file `name`; an error naming it when the folder lacks it.
    pub fn file(&self, name: &str) -> Result<File<'_>, LexiconError> {
        self.files
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, shown, text)| File {
                name: shown.as_str(),
                text,
            })
            .ok_or_else(|| {
                LexiconError::file(format!("{}/{name}", self.code), "missing required file")
            })
    }
}

/// Small words and endings (`grammar.tsv`) that rules test a neighbouring word against,
/// one set per kind (see `lexicon/README.md`). None is a cue by itself.
#[derive(Debug, Clone, Default)]
pub struct Grammar {
    /// "to", "para": an event verb right after is an infinitive; also between a capacity
    /// word and a number.
    pub infinitive_mark: FxSet<Word>,
    /// "also", "then", "not": an adverb that may split an infinitive from its mark ("to also
    /// strike"); a word of `adverb_ending` may too ("to swiftly strike").
    pub split_adverb: FxSet<Word>,
    /// "no", "ningún": right after a verb, the determiner of an object that is none ("shot
    /// down no drones"): the verb did nothing.
    pub object_none: FxSet<Word>,
    /// "all", "todos": right before a cue of the dead, all those counted aboard ("four were
    /// aboard and all were killed").
    pub all_of: FxSet<Word>,
    /// "but", "menos": after `all_of`, the count before "of the" is taken from the one after
    /// it ("all but one of the six aboard were killed": five dead).
    pub except: FxSet<Word>,
    /// "workers", "teachers": people of a trade; as the subject of a strike noun they own
    /// ("workers began an open-ended strike", "teachers extended their strike") it is a
    /// stoppage of work.
    pub labour_people: FxSet<Word>,
    /// "ordenó", "pidió", "quiere": a verb that orders, asks for, wants or weighs an act; an
    /// event infinitive it governs ("ordenará bombardear") is no act told as done.
    pub infinitive_head: FxSet<Word>,
    /// "que": an event noun's form right after it, no determiner between, is a verb in the
    /// subjunctive ("cualquier grupo que ataque a civiles"): an act wished or supposed.
    pub subjunctive_mark: FxSet<Word>,
    /// "respectively": the counts of a list before it go one to each event the sentence
    /// tells apart by their days ("killing two and three people respectively").
    pub respectively: FxSet<Word>,
    /// "con", "with": a count of the dead right after it in one of two events told apart by
    /// their days lets a bare count after it in the other count that one's dead ("con dos
    /// muertos, y el martes otra ..., con cuatro").
    pub with_count: FxSet<Word>,
    /// "they", "later", "lo", "luego": the words of a teller taking back what it told ("they
    /// later denied the report", "luego lo negaron"): a denial after an act, with no other
    /// words before it, is the telling's own, not another party's answer to it.
    pub retracting: FxSet<Word>,
    /// "were", "figuran": a form of "to be" or "to count among" that joins dead fronted before
    /// it ("Killed in the strike were two men", "Entre los muertos figuran siete") to the
    /// count after it.
    pub copula: FxSet<Word>,
    /// "alleged", "supuesto": right before an event noun, an act only alleged.
    pub alleged: FxSet<Word>,
    /// "before", "after": a preposition before a gerund ("before bombing Iran"), a verb
    /// then, whose object comes after it; `gerund_ending` ("ing") tells the gerund.
    pub gerund_prep: FxSet<Word>,
    pub gerund_ending: Vec<String>,
    /// "or", "o": after a cue of the dead, another outcome ("all were killed or wounded").
    pub or: FxSet<Word>,
    /// "from", "desde": a boat after it is where fire came from, not its target.
    pub from_word: FxSet<Word>,
    /// "hace" before, "ago" after a count of `ago_unit`s ("hace 84 años", "twenty years
    /// ago"): an act set that far back is history told again.
    pub ago_before: FxSet<Word>,
    pub ago_after: FxSet<Word>,
    pub ago_unit: FxSet<Word>,
    /// "de", "sin": an event verb with an infinitive ending right after is an infinitive.
    pub infinitive_prep: FxSet<Word>,
    pub infinitive_ending: Vec<String>,
    /// "of", "de".
    pub of: FxSet<Word>,
    /// "from", "del": after a toll cue, a link to a named event.
    pub toll_of: FxSet<Word>,
    /// "to", "a": before the number a toll rose to.
    pub toll_to: FxSet<Word>,
    /// A verb of rising or raising right before a `toll_to` word ("rose to four", "subió a
    /// 19"): the count after it is a raised toll.
    pub rise: FxSet<Word>,
    /// A word that adds what its clause tells to what was told before ("also", "también"):
    /// dead counted with it are besides those of the story's event so far.
    pub also: FxSet<Word>,
    /// Before a number in a tally clause, linking it to a field named earlier.
    pub tally_link: FxSet<Word>,
    /// "number", "cifra": nouns that count what follows them.
    pub count_noun: FxSet<Word>,
    /// After "one of": a part of a count ("one of the dead").
    pub partitive: FxSet<Word>,
    /// "have", "han": the auxiliary of a perfect ("have attacked and killed dozens").
    pub perfect: FxSet<Word>,
    /// "had", "había": the auxiliary of a past perfect. An event told under it after the day
    /// something was said ("said on Monday that strikes had killed 14") fell before that day.
    pub pluperfect: FxSet<Word>,
    pub among: FxSet<Word>,
    pub article_sg: FxSet<Word>,
    pub article_pl: FxSet<Word>,
    pub demonstrative_pl: FxSet<Word>,
    /// Articles between a boat preposition and a vessel left unsaid ("on a second").
    pub boat_article: FxSet<Word>,
    /// "on", "aboard", "en": before a boat a count is told of.
    pub boat_prep: FxSet<Word>,
    /// Words that may follow a vessel left unsaid ("four on another in the Caribbean").
    pub after_boat: FxSet<Word>,
    /// The conjunction between the clauses of a list.
    pub and: FxSet<Word>,
    /// "th", "º": the ending of a number written as an ordinal.
    pub ordinal_suffix: FxSet<Word>,
    /// "aboard", "bordo": the boat after it is where people were, not what is counted.
    pub aboard: FxSet<Word>,
    /// "a" in "mató a seis": the preposition before a verb's object.
    pub object_mark: FxSet<Word>,
    /// "del": "of" and a definite article in one word ("culpó al ELN del ataque").
    pub of_article: FxSet<Word>,
    /// "while", "mientras": after a comma, opens a clause that may tell another event side by
    /// side with the first ("..., while a CENTCOM strike in Syria killed a leader").
    pub parallel: FxSet<Word>,
    /// "por", "en", "durante": opens an aside between a verb and its object's mark ("mató
    /// por error a 16", "abatieron en Culiacán a cuatro").
    pub verb_aside: FxSet<Word>,
    /// "mente": the ending of an adverb that may stand there too ("mató accidentalmente a").
    pub adverb_ending: Vec<String>,
    pub plural_ending: Vec<String>,
    pub singular_ending: Vec<String>,
    /// Endings of a participle that may follow its noun as an adjective ("un campamento
    /// destruido"); none in a language whose adjectives come first (English "speedboats
    /// attacked" is a subject and its verb).
    pub adjective_participle_ending: Vec<String>,
    /// Phrases right before a place that make it where an event happened.
    pub locative: PhraseSet<()>,
    /// Phrases right before a country that place a sea near it ("off", "frente a").
    pub near: PhraseSet<()>,
    /// "los hechos ocurrieron", "took place": a sentence with one and no event cue tells
    /// when or where the story's event happened ("Los hechos ocurrieron la madrugada del
    /// miércoles en Tepalcatepec").
    pub happened: PhraseSet<()>,
    /// "backed by", "con apoyo de": an event cue right after one is the support of the
    /// sentence's event, not an event of its own ("Somali forces, backed by U.S.
    /// airstrikes, killed 30": the dead are the Somali forces' raid).
    pub support: PhraseSet<()>,
    /// "launched from", "lanzados desde": a vessel right after it is where the weapon was
    /// fired from, not what was struck ("missiles launched from a U.S. Navy ship hit two
    /// camps").
    pub launched_from: PhraseSet<()>,
    /// "claimed responsibility", "se atribuyó": a group named right before one claims the
    /// story's attack.
    pub claims: PhraseSet<()>,
    /// "began with", "comenzó con": right after a campaign word, what follows is the one
    /// event it began with ("the campaign began with a Sept. 2 strike that killed 11").
    pub began_with: PhraseSet<()>,
    /// "separately", "in a separate incident", "por otra parte": opening a sentence, what
    /// it tells is another event than the one the story is about.
    pub another_event: PhraseSet<()>,
    /// "taken part in", "role in", "participado en": what a denial before it denies is
    /// someone's part in the event, not the event ("Peru denied that its navy had taken part
    /// in the U.S. strike").
    pub participation: PhraseSet<()>,
    /// Before a date, it is no dateline ("on May 4:").
    pub date_prep: FxSet<Word>,
    /// Before a day, it makes the day the time of what follows ("on Feb. 22 another
    /// killed", "el 22 de febrero otro bombardeo"), not a report's ("del lunes").
    pub day_prep: FxSet<Word>,
    /// "after", "tras": before a definite event noun and a relative clause ("after the raid
    /// that seized ..."), it names an earlier event the story takes as known.
    pub after: FxSet<Word>,
    /// "that", "which", "que": opens a relative clause after a noun.
    pub relative: FxSet<Word>,
    /// Words that may stand between a reporting verb and its date.
    pub verb_gap: FxSet<Word>,
    /// Before a day, the part of it ("early Friday", "late Monday"): the day's setting, not
    /// a word of the clause before.
    pub day_part: FxSet<Word>,
    /// "that", "que": a date followed by it is the saying's.
    pub that: FxSet<Word>,
    /// "a", "un": an indefinite article ("a 2008 raid": a year between it and an event
    /// noun dates the event).
    pub article_indef: FxSet<Word>,
    /// "lawsuit", "policy", "debate": a noun right after an event noun makes that noun its
    /// modifier ("the drone strike lawsuit", "the boat-strike debate"), no event told.
    pub head_noun: FxSet<Word>,
    /// "polémica", "debate", "legality": a noun that, before a `topic_link` and an event
    /// noun, makes the event its topic ("la polémica de los bombardeos", "the debate over
    /// the strikes"): a mention, not the telling of an event.
    pub topic_noun: FxSet<Word>,
    /// "over", "about", "sobre", "de": between a `topic_noun` and the event it speaks of.
    pub topic_link: FxSet<Word>,
    /// "condemn", "condenar", "defended": a verb of stance whose object, events named in the
    /// plural with no toll, is the campaign spoken of, not news ("voted to condemn the U.S.
    /// bombings in the Caribbean").
    pub topic_verb: FxSet<Word>,
    /// "goals", "striker", "goles": words of sport; a sentence with two of them, or one and
    /// a score ("4-0"), tells of a game, and its "struck", "ataque" are no violence.
    pub sport: FxSet<Word>,
    /// "won", "half", "ganó": words of a game only beside a score ("crushed Brighton 4-0").
    pub sport_score: FxSet<Word>,
    /// "prices", "discount", "tarifas": words of trade and shops; a sentence with two of them
    /// and no armed force or weapon tells of a market, whose "pre-emptive strike" and
    /// "ataque frontal" are no violence.
    pub commerce: FxSet<Word>,
    /// "deadliest", "letal" (after "más"): ranks an event in its campaign ("el ataque más
    /// letal de la campaña"): one event, not the campaign's total.
    pub superlative: FxSet<Word>,
    /// "it": after a state's name and a verb of saying, the state itself as the subject of
    /// what follows ("Israel said it struck"); Spanish drops that subject ("Turquía dijo que
    /// bombardeó") and has none.
    pub self_subject: FxSet<Word>,
    /// "when", "cuando": opens a clause of its own; an actor after it is that clause's
    /// subject, not the object of a verb before it.
    pub clause_open: FxSet<Word>,
    /// "troops", "soldados": a force on the ground; its killing with no strike named is a
    /// raid.
    pub ground: FxSet<Word>,
    /// "ordered", "ordenó": right before an event cue, the one who ordered it is named
    /// before (a head of state's order is carried out by the state's forces).
    pub order: FxSet<Word>,
    /// "of", "del": between a force's men and the force ("soldados del Ejército", "troops
    /// of the 7th Division"): the men are the force's, on the ground.
    pub men_of: FxSet<Word>,
    /// "alias", "a.k.a.": before a nickname ("abatió a alias el Cabezón"), what follows
    /// (an article aside) names one person.
    pub alias: FxSet<Word>,
    /// "hurricane", "sismo": a force of nature; a verb of striking with it as the subject
    /// ("Hurricane Melissa struck Jamaica") tells no attack.
    pub nature: FxSet<Word>,
    /// "but", "pero": what follows stands against what came before; a denial before it
    /// does not reach an event after it ("denied bombing villages but confirmed that its
    /// troops had killed three rebels").
    pub contrast: FxSet<Word>,
    /// "more", "más": after a count ("two more bodies", "dos cuerpos más"), what is added to
    /// a toll told before, not the toll.
    pub increment: FxSet<Word>,
    /// "in", "during": right after a one-word verb cue that is also a participle ("the
    /// militants killed in Tuesday's operation"), it shows the verb has no object: what
    /// stands before it was struck. None in a language whose past tense and participle
    /// differ ("mataron", "muertos").
    pub participle_next: FxSet<Word>,
    /// "bodies", "cadáveres": the dead found; counted with "more" ("two more bodies"), what
    /// is added to a toll told before.
    pub remains: FxSet<Word>,
    /// "by", "over", "de", "por": join a word another trade uses too to that trade's word
    /// after it ("a strike by dockworkers", "a strike over wages", "un ataque de phishing").
    pub trade_link: FxSet<Word>,
    /// "where", "while", "donde": right before a military exercise, the exercise is the scene
    /// of the act told ("struck the base where the army held drills"), not what the act was
    /// part of.
    pub drill_scene: FxSet<Word>,
    /// "follows", "came", "sigue": a verb that sets an event after another ("the strikes
    /// follow a U.S.-led raid"); an actor after it is the other event's, not the target.
    pub sequel: FxSet<Word>,
    /// "have" (after "to"), "haber": a perfect infinitive right after a verb of saying tells
    /// the speaker's own act ("claimed to have struck", "afirmaron haber atacado").
    pub perfect_infinitive: FxSet<Word>,
    /// "who", "quién": right before a verb cue, an indirect question about who did it
    /// ("investigating who launched the rockets", "se investiga quién disparó"): the act has
    /// no known agent. One that is also a relative pronoun ("who") asks only after an `ask`
    /// word.
    pub interrogative: FxSet<Word>,
    /// "investigating", "unclear", "determinar": a word that asks what follows it.
    pub ask: FxSet<Word>,
    /// "former", "ex": right before a state force's name, one who served in it ("a gang
    /// led by a former police officer"): no force.
    pub former: FxSet<Word>,
}

impl Grammar {
    fn load(file: File) -> Result<Grammar, LexiconError> {
        let mut g = Grammar {
            locative: PhraseSet::new(file.name),
            near: PhraseSet::new(file.name),
            happened: PhraseSet::new(file.name),
            support: PhraseSet::new(file.name),
            launched_from: PhraseSet::new(file.name),
            claims: PhraseSet::new(file.name),
            began_with: PhraseSet::new(file.name),
            another_event: PhraseSet::new(file.name),
            participation: PhraseSet::new(file.name),
            ..Grammar::default()
        };
        for r in file.rows() {
            r.at_most(2)?;
            let kind = r.col(1, "kind")?;
            let (set, ending) = match kind {
                "locative" | "near" | "happened" | "support" | "launched_from" | "claims"
                | "began_with" | "another_event" | "participation" => {
                    let phrases = match kind {
                        "participation" => &mut g.participation,
                        "began_with" => &mut g.began_with,
                        "another_event" => &mut g.another_event,
                        "near" => &mut g.near,
                        "happened" => &mut g.happened,
                        "support" => &mut g.support,
                        "launched_from" => &mut g.launched_from,
                        "claims" => &mut g.claims,
                        _ => &mut g.locative,
                    };
                    phrases.insert(r.col(0, "phrase")?, ());
                    continue;
                }
                "infinitive_ending" => (None, Some(&mut g.infinitive_ending)),
                "plural_ending" => (None, Some(&mut g.plural_ending)),
                "singular_ending" => (None, Some(&mut g.singular_ending)),
                "adjective_participle_ending" => (None, Some(&mut g.adjective_participle_ending)),
                "infinitive_mark" => (Some(&mut g.infinitive_mark), None),
                "split_adverb" => (Some(&mut g.split_adverb), None),
                "object_none" => (Some(&mut g.object_none), None),
                "all_of" => (Some(&mut g.all_of), None),
                "except" => (Some(&mut g.except), None),
                "labour_people" => (Some(&mut g.labour_people), None),
                "infinitive_head" => (Some(&mut g.infinitive_head), None),
                "subjunctive_mark" => (Some(&mut g.subjunctive_mark), None),
                "respectively" => (Some(&mut g.respectively), None),
                "with_count" => (Some(&mut g.with_count), None),
                "retracting" => (Some(&mut g.retracting), None),
                "copula" => (Some(&mut g.copula), None),
                "alleged" => (Some(&mut g.alleged), None),
                "gerund_prep" => (Some(&mut g.gerund_prep), None),
                "gerund_ending" => (None, Some(&mut g.gerund_ending)),
                "or" => (Some(&mut g.or), None),
                "from_word" => (Some(&mut g.from_word), None),
                "ago_before" => (Some(&mut g.ago_before), None),
                "ago_after" => (Some(&mut g.ago_after), None),
                "ago_unit" => (Some(&mut g.ago_unit), None),
                "infinitive_prep" => (Some(&mut g.infinitive_prep), None),
                "of" => (Some(&mut g.of), None),
                "toll_of" => (Some(&mut g.toll_of), None),
                "toll_to" => (Some(&mut g.toll_to), None),
                "rise" => (Some(&mut g.rise), None),
                "also" => (Some(&mut g.also), None),
                "sequel" => (Some(&mut g.sequel), None),
                "perfect_infinitive" => (Some(&mut g.perfect_infinitive), None),
                "interrogative" => (Some(&mut g.interrogative), None),
                "ask" => (Some(&mut g.ask), None),
                "former" => (Some(&mut g.former), None),
                "tally_link" => (Some(&mut g.tally_link), None),
                "count_noun" => (Some(&mut g.count_noun), None),
                "partitive" => (Some(&mut g.partitive), None),
                "perfect" => (Some(&mut g.perfect), None),
                "pluperfect" => (Some(&mut g.pluperfect), None),
                "among" => (Some(&mut g.among), None),
                "article_sg" => (Some(&mut g.article_sg), None),
                "article_pl" => (Some(&mut g.article_pl), None),
                "demonstrative_pl" => (Some(&mut g.demonstrative_pl), None),
                "boat_article" => (Some(&mut g.boat_article), None),
                "boat_prep" => (Some(&mut g.boat_prep), None),
                "after_boat" => (Some(&mut g.after_boat), None),
                "and" => (Some(&mut g.and), None),
                "ordinal_suffix" => (Some(&mut g.ordinal_suffix), None),
                "aboard" => (Some(&mut g.aboard), None),
                "object_mark" => (Some(&mut g.object_mark), None),
                "of_article" => (Some(&mut g.of_article), None),
                "parallel" => (Some(&mut g.parallel), None),
                "verb_aside" => (Some(&mut g.verb_aside), None),
                "adverb_ending" => (None, Some(&mut g.adverb_ending)),
                "date_prep" => (Some(&mut g.date_prep), None),
                "day_prep" => (Some(&mut g.day_prep), None),
                "after" => (Some(&mut g.after), None),
                "relative" => (Some(&mut g.relative), None),
                "verb_gap" => (Some(&mut g.verb_gap), None),
                "day_part" => (Some(&mut g.day_part), None),
                "that" => (Some(&mut g.that), None),
                "article_indef" => (Some(&mut g.article_indef), None),
                "head_noun" => (Some(&mut g.head_noun), None),
                "topic_noun" => (Some(&mut g.topic_noun), None),
                "topic_link" => (Some(&mut g.topic_link), None),
                "topic_verb" => (Some(&mut g.topic_verb), None),
                "sport" => (Some(&mut g.sport), None),
                "sport_score" => (Some(&mut g.sport_score), None),
                "commerce" => (Some(&mut g.commerce), None),
                "superlative" => (Some(&mut g.superlative), None),
                "self_subject" => (Some(&mut g.self_subject), None),
                "clause_open" => (Some(&mut g.clause_open), None),
                "ground" => (Some(&mut g.ground), None),
                "order" => (Some(&mut g.order), None),
                "men_of" => (Some(&mut g.men_of), None),
                "alias" => (Some(&mut g.alias), None),
                "nature" => (Some(&mut g.nature), None),
                "contrast" => (Some(&mut g.contrast), None),
                "increment" => (Some(&mut g.increment), None),
                "participle_next" => (Some(&mut g.participle_next), None),
                "remains" => (Some(&mut g.remains), None),
                "trade_link" => (Some(&mut g.trade_link), None),
                "drill_scene" => (Some(&mut g.drill_scene), None),
                k => return Err(r.error(format!("unknown kind {k:?}"))),
            };
            if let Some(set) = set {
                set.insert(r.token(0, "word")?);
            }
            if let Some(endings) = ending {
                endings.push(r.col(0, "ending")?.to_lowercase());
            }
        }
        Ok(g)
    }

    /// Whether a lower-case noun is singular: it has no plural ending, or it has an ending
    /// that is singular despite it ("boat", "press"; not "boats").
    pub fn singular(&self, w: &str) -> bool {
        !self.plural_ending.iter().any(|e| w.ends_with(e.as_str()))
            || self.singular_ending.iter().any(|e| w.ends_with(e.as_str()))
    }

    /// Whether the word at token `i` follows an infinitive's mark, right after it ("to
    /// strike") or past one adverb ("to also strike", "to swiftly strike"): a verb then, whose
    /// object comes after it, not a noun with its agent.
    pub fn after_infinitive_mark(&self, toks: &[crate::tokens::Tok], i: usize) -> bool {
        if i >= 1 && self.infinitive_mark.contains(&toks[i - 1].lower) {
            return true;
        }
        i >= 2
            && self.infinitive_mark.contains(&toks[i - 2].lower)
            && self.adverb(&toks[i - 1].lower)
    }

    /// Whether a word is an adverb that may stand between a verb and what goes with it: one
    /// of `split_adverb`, or a long word with an adverb's ending.
    pub fn adverb(&self, w: &Word) -> bool {
        self.split_adverb.contains(w)
            || (w.chars().count() > 6 && self.adverb_ending.iter().any(|e| w.ends_with(e.as_str())))
    }

    /// Whether a word has an infinitive ending ("atacar").
    pub fn infinitive(&self, w: &str) -> bool {
        self.infinitive_ending
            .iter()
            .any(|e| w.ends_with(e.as_str()))
    }
}

/// The words of `determiners.tsv`, by kind.
#[derive(Debug, Clone, Default)]
struct Determiners {
    definite: FxSet<Word>,
    compass: FxSet<Word>,
    elliptic: FxSet<Word>,
    each: FxSet<Word>,
    none: FxSet<Word>,
}

impl Determiners {
    fn load(file: File) -> Result<Determiners, LexiconError> {
        let mut d = Determiners::default();
        for r in file.rows() {
            r.at_most(2)?;
            let set = match r.col(1, "kind")? {
                "definite" => &mut d.definite,
                "compass" => &mut d.compass,
                "elliptic" => &mut d.elliptic,
                "each" => &mut d.each,
                "none" => &mut d.none,
                k => return Err(r.error(format!("unknown kind {k:?}"))),
            };
            set.insert(r.token(0, "word")?);
        }
        Ok(d)
    }
}

/// Every lexicon of one language.
#[derive(Debug)]
pub struct LangLex {
    /// The language's code in the registry ("en").
    pub code: String,
    pub nums: NumberLexicon,
    pub dates: DateLexicon,
    pub events: PhraseSet<EventCue>,
    pub targets: PhraseSet<TargetKind>,
    pub means: PhraseSet<String>,
    pub figures: PhraseSet<FigCue>,
    pub fillers: FxSet<Word>,
    /// The words of `fillers.tsv` given a kind.
    pub filler_kinds: FxMap<Word, FillerKind>,
    /// Phrases that bind a toll to an event or deny one (`tolls.tsv`).
    pub tolls: PhraseSet<TollCue>,
    pub units: FxSet<Word>,
    /// "annually", "al año": a number followed closely by one is a rate, not a toll.
    pub rates: PhraseSet<()>,
    /// Words that, up to six words before a number, make it what could be killed, not a
    /// toll ("enough drugs to kill 25,000").
    pub capacity: PhraseSet<()>,
    pub modality: PhraseSet<ModCue>,
    pub tally: PhraseSet<TallyKind>,
    pub attribution: PhraseSet<AttrCue>,
    pub blockers: PhraseSet<()>,
    /// Agents named generically, and the markers of targets and of passive agents.
    pub agents: PhraseSet<AgentKind>,
    /// What makes an event cue a mention of an earlier event.
    pub references: PhraseSet<RefKind>,
    pub grammar: Grammar,
    /// The language's commonest function words: which language a sentence is written in.
    pub function_words: FxSet<Word>,
    /// Determiners that, right before a singular event noun, name an event the article has
    /// already told of ("the strike", "el ataque").
    pub definite: FxSet<Word>,
    /// Words that name a part of a place ("western", "occidente"): "in western
    /// Venezuela" is still a place the strike happened in.
    pub compass: FxSet<Word>,
    /// Words that stand for a vessel already named ("another", "otra"): "four on one boat
    /// and four on another" counts two boats.
    pub elliptic: FxSet<Word>,
    /// Words after a count that make it per boat ("four each on two boats").
    pub each: FxSet<Word>,
    /// Words that deny a whole count ("none of the four survived": all four died).
    pub none: FxSet<Word>,
    /// The commonest function word between spaces (" the "): a sentence without it is not
    /// looked at as possibly written in this language.
    pub marker: String,
    /// Cheap test: does a sentence hold any event or figure cue at all?
    pub prefilter: AhoCorasick,
}

impl LangLex {
    /// Loads every lexicon of a language from its files; the first row that cannot be
    /// read, or a missing file, is the error.
    pub fn load(src: &LangSource) -> Result<LangLex, LexiconError> {
        let events = events(src.file("events.tsv")?)?;
        let figures = figures(src.file("figures.tsv")?)?;
        let tally = tally(src.file("tally.tsv")?)?;
        let (function_words, marker) = function_words(src.file("function_words.tsv")?)?;
        let det = Determiners::load(src.file("determiners.tsv")?)?;
        let Units {
            units,
            rates,
            capacity,
        } = units(src.file("units.tsv")?)?;
        let tolls = tolls(src.file("tolls.tsv")?)?;
        let grammar = Grammar::load(src.file("grammar.tsv")?)?;
        let prefilter = prefilter(&events, &figures, &tolls, &grammar.happened);
        let (fillers, filler_kinds) = fillers(src.file("fillers.tsv")?)?;
        Ok(LangLex {
            code: src.code().to_string(),
            nums: NumberLexicon::load(src.file("numbers.tsv")?, src.file("hedges.tsv")?)?,
            dates: DateLexicon::load(src.file("dates.tsv")?, src.file("months.tsv")?)?,
            targets: targets(src.file("targets.tsv")?)?,
            means: means(src.file("means.tsv")?)?,
            fillers,
            filler_kinds,
            tolls,
            modality: modality(src.file("modality.tsv")?)?,
            attribution: attribution(src.file("attribution.tsv")?)?,
            blockers: blockers(src.file("blockers.tsv")?)?,
            agents: agents(src.file("agents.tsv")?)?,
            references: references(src.file("references.tsv")?)?,
            grammar,
            events,
            figures,
            tally,
            function_words,
            marker,
            definite: det.definite,
            compass: det.compass,
            elliptic: det.elliptic,
            each: det.each,
            none: det.none,
            units,
            rates,
            capacity,
            prefilter,
        })
    }

    /// Whether a sentence may hold any event or figure cue: a key word of some cue
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

    /// Whether a lower-case noun is singular ("boat", not "boats").
    pub fn singular(&self, w: &str) -> bool {
        self.grammar.singular(w)
    }
}

/// A value of a codebook vocabulary (an event type, a field) or an error naming the row.
fn parse<T>(
    r: &Row,
    i: usize,
    what: &str,
    f: impl Fn(&str) -> Option<T>,
) -> Result<T, LexiconError> {
    let c = r.col(i, what)?;
    f(c).ok_or_else(|| r.error(format!("unknown {what} {c:?}")))
}

fn events(file: File) -> Result<PhraseSet<EventCue>, LexiconError> {
    phrase_set(file, 3, |r| {
        let mut cue = EventCue {
            event_type: parse(r, 1, "event type", EventType::parse)?,
            past: false,
            noun: false,
            plural: false,
            weak: false,
            means: None,
            modality: None,
            force: false,
            by_force: false,
            generic: false,
            toll: false,
            gap: false,
            sides: false,
            present: false,
            narrative: false,
            shared: false,
            site: false,
            intrans: false,
            gerund: false,
        };
        for flag in r.opt(2).unwrap_or("").split(',').map(str::trim) {
            match flag {
                "" => {}
                "past" => cue.past = true,
                "noun" => cue.noun = true,
                "pl" => cue.plural = true,
                "weak" => cue.weak = true,
                "force" => cue.force = true,
                "by_force" => cue.by_force = true,
                "generic" => cue.generic = true,
                "toll" => cue.toll = true,
                "gap" => cue.gap = true,
                "sides" => cue.sides = true,
                "present" => cue.present = true,
                "narrative" => cue.narrative = true,
                "shared" => cue.shared = true,
                "site" => cue.site = true,
                "intrans" => cue.intrans = true,
                "gerund" => cue.gerund = true,
                f if f.starts_with("means=") => cue.means = Some(f["means=".len()..].to_string()),
                f if f.starts_with("mod=") => {
                    cue.modality = Some(parse(r, 2, "modality", |_| {
                        Modality::parse(&f["mod=".len()..])
                    })?);
                }
                f => return Err(r.error(format!("unknown flag {f:?}"))),
            }
        }
        Ok(cue)
    })
}

fn agents(file: File) -> Result<PhraseSet<AgentKind>, LexiconError> {
    phrase_set(file, 2, |r| {
        parse(r, 1, "agent kind", |k| match k {
            "state" => Some(AgentKind::State),
            "group" => Some(AgentKind::Group),
            "against" => Some(AgentKind::Against),
            "by" => Some(AgentKind::By),
            "that" => Some(AgentKind::That),
            "passive" => Some(AgentKind::Passive),
            "post" => Some(AgentKind::Post),
            "shipping" => Some(AgentKind::Shipping),
            "member" => Some(AgentKind::Member),
            "accuse" => Some(AgentKind::Accuse),
            "tells" => Some(AgentKind::Tells),
            "head" => Some(AgentKind::Head),
            "attribute" => Some(AgentKind::Attribute),
            "attributed_to" => Some(AgentKind::AttributedTo),
            "ally" => Some(AgentKind::Ally),
            "lead" => Some(AgentKind::Lead),
            "hideout" => Some(AgentKind::Hideout),
            _ => None,
        })
    })
}

fn references(file: File) -> Result<PhraseSet<RefKind>, LexiconError> {
    phrase_set(file, 2, |r| {
        parse(r, 1, "reference kind", |k| match k {
            "series" => Some(RefKind::Series),
            "retrospective" => Some(RefKind::Retrospective),
            "campaign" => Some(RefKind::Campaign),
            "campaign_verb" => Some(RefKind::CampaignVerb),
            "every" => Some(RefKind::Every),
            "background" => Some(RefKind::Background),
            "earlier" => Some(RefKind::Earlier),
            "same_day" => Some(RefKind::SameDay),
            "survivor" => Some(RefKind::Survivor),
            "memorial" => Some(RefKind::Memorial),
            "drill" => Some(RefKind::Drill),
            "trend" => Some(RefKind::Trend),
            "labour" => Some(RefKind::Labour),
            "computing" => Some(RefKind::Computing),
            "teaser" => Some(RefKind::Teaser),
            _ => None,
        })
    })
}

fn targets(file: File) -> Result<PhraseSet<TargetKind>, LexiconError> {
    phrase_set(file, 2, |r| parse(r, 1, "target kind", TargetKind::parse))
}

fn means(file: File) -> Result<PhraseSet<String>, LexiconError> {
    phrase_set(file, 2, |r| Ok(r.col(1, "means")?.to_string()))
}

fn figures(file: File) -> Result<PhraseSet<FigCue>, LexiconError> {
    phrase_set(file, 4, |r| {
        let field = parse(r, 1, "field", Field::parse)?;
        let pos = parse(r, 2, "position", |p| match p {
            "before" => Some(CuePos::Before),
            "after" => Some(CuePos::After),
            "both" => Some(CuePos::Both),
            _ => None,
        })?;
        let people = match r.opt(3) {
            None => false,
            Some(_) => parse(r, 3, "flag", |f| (f == "people").then_some(true))?,
        };
        Ok(FigCue { field, pos, people })
    })
}

fn modality(file: File) -> Result<PhraseSet<ModCue>, LexiconError> {
    phrase_set(file, 4, |r| {
        Ok(ModCue {
            modality: parse(r, 1, "modality", Modality::parse)?,
            scope: parse(r, 2, "scope", |s| match s {
                "before" => Some(Scope::Before),
                "any" => Some(Scope::Any),
                "near" => Some(Scope::Near),
                "lead" => Some(Scope::Lead),
                "whole" => Some(Scope::Whole),
                "aim" => Some(Scope::Aim),
                _ => None,
            })?,
            reported: match r.opt(3) {
                Some(_) => Some(parse(r, 3, "modality", Modality::parse)?),
                None => None,
            },
        })
    })
}

fn tally(file: File) -> Result<PhraseSet<TallyKind>, LexiconError> {
    phrase_set(file, 2, |r| {
        parse(r, 1, "kind", |k| {
            Some(match k {
                "cue" => TallyKind::Cue,
                "bring" => TallyKind::Bring,
                "campaign" => TallyKind::Campaign,
                "total" => TallyKind::Total,
                "summary" => TallyKind::Summary,
                "toll" => TallyKind::Toll,
                "event_toll" => TallyKind::EventToll,
                "number_of" => TallyKind::NumberOf,
                "perfect" => TallyKind::Perfect,
                _ => return None,
            })
        })
    })
}

/// The fillers (every word but an opener) and the words given a kind.
fn fillers(file: File) -> Result<(FxSet<Word>, FxMap<Word, FillerKind>), LexiconError> {
    let mut words = FxSet::default();
    let mut kinds = FxMap::default();
    for r in file.rows() {
        r.at_most(2)?;
        let w = r.token(0, "word")?;
        let kind = match r.opt(1) {
            None => None,
            Some(_) => Some(parse(&r, 1, "kind", |k| {
                Some(match k {
                    "person" => FillerKind::Person,
                    "security" => FillerKind::Security,
                    "pronoun" => FillerKind::Pronoun,
                    "singular" => FillerKind::Singular,
                    "opens" => FillerKind::Opens,
                    "nationality" => FillerKind::Nationality,
                    _ => return None,
                })
            })?),
        };
        if !matches!(kind, Some(FillerKind::Opens | FillerKind::Nationality)) {
            words.insert(w.clone());
        }
        if let Some(k) = kind {
            kinds.insert(w, k);
        }
    }
    Ok((words, kinds))
}

fn tolls(file: File) -> Result<PhraseSet<TollCue>, LexiconError> {
    phrase_set(file, 2, |r| {
        parse(r, 1, "kind", |k| {
            Some(match k {
                "zero" => TollCue::Zero,
                "not_zero" => TollCue::NotZero,
                "retaliation" => TollCue::Retaliation,
                "after" => TollCue::After,
                "after_weak" => TollCue::AfterWeak,
                "provoking" => TollCue::Provoking,
                "relative" => TollCue::Relative,
                "combined" => TollCue::Combined,
                "war" => TollCue::War,
                "more" => TollCue::More,
                "no_survivors" => TollCue::NoSurvivors,
                "superseded" => TollCue::Superseded,
                "revised" => TollCue::Revised,
                _ => return None,
            })
        })
    })
}

/// A channel takes its name in a third column; no other kind takes one.
fn attribution(file: File) -> Result<PhraseSet<AttrCue>, LexiconError> {
    phrase_set(file, 3, |r| {
        let cue = match r.col(1, "kind")? {
            "channel" => return Ok(AttrCue::Channel(r.col(2, "channel")?.to_string())),
            "verb" => AttrCue::Verb,
            "anonymous" => AttrCue::Anonymous,
            "national" => AttrCue::National,
            "pronoun" => AttrCue::Pronoun,
            "citing" => AttrCue::Citing,
            _ => AttrCue::Kind(parse(r, 1, "kind", SourceKind::parse)?),
        };
        r.at_most(2)?;
        Ok(cue)
    })
}

fn blockers(file: File) -> Result<PhraseSet<()>, LexiconError> {
    phrase_set(file, 1, |_| Ok(()))
}

/// The words a sentence's language is told by (uses `sentence`), and the one marked
/// `marker`, between spaces.
fn function_words(file: File) -> Result<(FxSet<Word>, String), LexiconError> {
    let mut words = FxSet::default();
    let mut marker: Option<String> = None;
    for r in file.rows() {
        r.at_most(2)?;
        let w = r.token(0, "word")?;
        let mut sentence = false;
        for u in r.col(1, "uses")?.split(',').map(str::trim) {
            match u {
                "detect" => {}
                "sentence" => sentence = true,
                "marker" if marker.is_some() => return Err(r.error("a second marker")),
                "marker" => marker = Some(format!(" {w} ")),
                u => return Err(r.error(format!("unknown use {u:?}"))),
            }
        }
        if sentence {
            words.insert(w);
        }
    }
    let marker =
        marker.ok_or_else(|| LexiconError::file(file.name, "no word is marked as the marker"))?;
    Ok((words, marker))
}

/// The rows of `units.tsv`: units (a word alone), rates and capacity words (rows with that
/// kind).
struct Units {
    units: FxSet<Word>,
    rates: PhraseSet<()>,
    capacity: PhraseSet<()>,
}

fn units(file: File) -> Result<Units, LexiconError> {
    let mut u = Units {
        units: FxSet::default(),
        rates: PhraseSet::new(file.name),
        capacity: PhraseSet::new(file.name),
    };
    for r in file.rows() {
        r.at_most(2)?;
        match r.opt(1) {
            None => {
                u.units.insert(r.token(0, "word")?);
            }
            Some("rate") => u.rates.insert(r.col(0, "phrase")?, ()),
            Some("capacity") => u.capacity.insert(r.col(0, "phrase")?, ()),
            Some(k) => return Err(r.error(format!("unknown kind {k:?}"))),
        }
    }
    Ok(u)
}

/// The key word of every event and figure cue (and of the grammar's `happened` phrases),
/// for [`LangLex::may_hold`]. Tally cues are
/// left out: a total is of a field ("killed", "strikes") or of events, whose cues the
/// sentence then holds, and a tally phrase's longest word is often a common one ("year",
/// "meses") that would let most sentences through.
fn prefilter(
    events: &PhraseSet<EventCue>,
    figures: &PhraseSet<FigCue>,
    tolls: &PhraseSet<TollCue>,
    happened: &PhraseSet<()>,
) -> AhoCorasick {
    // a sentence that only says no one died ("There were no casualties.") is a toll of 0
    // for the event told before it, so its words pass too
    let mut pats: Vec<String> = events
        .key_words()
        .chain(figures.key_words())
        .chain(tolls.key_words_of(|t| *t == TollCue::Zero))
        // ... and so do those of a sentence that says when or where it happened
        .chain(happened.key_words())
        .filter(|w| w.chars().count() >= 3)
        .map(|w| w.to_string())
        .collect();
    pats.sort();
    pats.dedup();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&pats)
        .expect("prefilter automaton")
}
