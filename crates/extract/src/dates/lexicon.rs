//! The date words of one language (`lexicon/<code>/dates.tsv`) and its month names
//! (`months.tsv`, shared with sw-text's datelines).

use crate::fxhash::{FxMap, FxSet};
use crate::lexicon::{File, LexiconError};
use crate::numbers::phrase_words;
use crate::tokens::Tok;
use crate::tokens::Word;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DW {
    Month(u32),
    Weekday(u32),
    DayOffset(i64),
    Part,
    Last,
    This,
    Since,
    WeekAgo(i64),
    /// "last week", "la semana pasada": the calendar week (Monday to Sunday) the given
    /// number of weeks before publication's.
    CalendarWeek(i64),
    /// After a weekday, the calendar week it falls in, counted in weeks from publication's
    /// ("Tuesday of last week", "el martes de la semana pasada" -1): without it, a weekday is
    /// the latest one before publication, which may be this week's.
    WeekOf(i64),
    /// "over the weekend": the week from the latest Saturday on or before publication, less
    /// the days given ("last weekend" said on a Saturday or Sunday is the one before: 2).
    Weekend(i64),
    AnchorOffset(i64),
    YearEnd,
    Start,
    PairAnd,
    PairRange,
    Each,
    Occasion,
    Ahead,
    /// A day named by the calendar ("Christmas Day", "Nochebuena"): month and day.
    NamedDay(u32, u32),
    /// A calendar month counted from publication's ("last month" -1, "el mes pasado" -1):
    /// that month, to the month.
    MonthAgo(i64),
    /// A year counted from publication's ("last year" -1, "este año" 0): after a month
    /// ("in March last year", "en marzo del año pasado") it gives the month its year.
    YearOffset(i64),
}

/// Date words of one language, from `lexicon/<code>/dates.tsv` and its month names
/// (`months.tsv`, shared with sw-text's datelines).
#[derive(Debug, Clone, Default)]
pub struct DateLexicon {
    single: FxMap<Word, DW>,
    /// Multi-word phrases as word sequences, longest first.
    phrases: Vec<(Vec<Word>, DW)>,
    phrase_first: FxSet<Word>,
    /// Endings of a future verb form ("votará", "hablarán"): a weekday after one is ahead.
    ahead_suffixes: Vec<String>,
    /// Month names that are also common words ("mar", "may"): a month only before a day.
    pub(super) needs_day: FxSet<Word>,
    /// Month names that are a month only with a capital ("May", not the verb "may").
    pub(super) capital: FxSet<Word>,
    /// Before a year, make it one ("in 1916", "en 2025").
    pub(super) year_prep: FxSet<Word>,
    /// Between a day and its month ("2 de septiembre").
    pub(super) day_month: FxSet<Word>,
    /// Between a month and its year ("septiembre de 2025").
    pub(super) month_year: FxSet<Word>,
    /// Before a day, make it an event's or a part of the day's ("el ataque del sábado", "la
    /// noche del lunes").
    pub(super) date_of: FxSet<Word>,
    /// After a date, make it an event's ("Tuesday's strike"); the tokenizer splits the
    /// apostrophe from its "s", the `possessive_ending`.
    possessive: FxSet<Word>,
    possessive_ending: FxSet<Word>,
    /// Before a second day ("the 15 and the 19").
    pub(super) day_article: FxSet<Word>,
    /// After a number joined to a date, make it a count ("September 15 and 19 people").
    pub(super) counted: FxSet<Word>,
    /// Before a date, make it the day something was said or published, not the event's
    /// ("in a statement issued on Monday", "un comunicado emitido este martes", "según un
    /// reporte del lunes").
    announce: FxSet<Word>,
    /// Before a year or a month, make it the frame of a series or a record, never an
    /// event's date ("the first such attacks in 2024", "the deadliest in March").
    series: FxSet<Word>,
    /// A superlative's word ("most", "más"): after a definite article it makes a series cue
    /// ("the most lethal in 2025", "el más letal de marzo").
    superlative: FxSet<Word>,
}

impl DateLexicon {
    /// Builds the lexicon from `dates.tsv` and `months.tsv`; a row that cannot be read is an
    /// error naming its file and line.
    pub fn load(dates: File, months: File) -> Result<DateLexicon, LexiconError> {
        let mut lex = DateLexicon::default();
        lex.load_months(months)?;
        for r in dates.rows() {
            r.at_most(3)?;
            let kind = r.col(1, "kind")?;
            let value = || r.int(2, "value");
            let set = match kind {
                "year_prep" => Some(&mut lex.year_prep),
                "day_month" => Some(&mut lex.day_month),
                "month_year" => Some(&mut lex.month_year),
                "date_of" => Some(&mut lex.date_of),
                "possessive" => Some(&mut lex.possessive),
                "possessive_ending" => Some(&mut lex.possessive_ending),
                "day_article" => Some(&mut lex.day_article),
                "counted" => Some(&mut lex.counted),
                "announce" => Some(&mut lex.announce),
                "series" => Some(&mut lex.series),
                "superlative" => Some(&mut lex.superlative),
                _ => None,
            };
            if let Some(set) = set {
                r.at_most(2)?;
                set.insert(r.token(0, "word")?);
                continue;
            }
            let w = match kind {
                "weekday" => {
                    let v = value()?;
                    if !(0..=6).contains(&v) {
                        return Err(r.error("a weekday is 0 (Monday) to 6 (Sunday)"));
                    }
                    DW::Weekday(v as u32)
                }
                "day_offset" => DW::DayOffset(value()?),
                "week_ago" => DW::WeekAgo(value()?),
                "calendar_week" => DW::CalendarWeek(value()?),
                "week_of" => DW::WeekOf(value()?),
                "month_ago" => DW::MonthAgo(value()?),
                "anchor_offset" => DW::AnchorOffset(value()?),
                "part" => DW::Part,
                "last" => DW::Last,
                "this" => DW::This,
                "since" => DW::Since,
                "weekend" => DW::Weekend(value()?),
                "year_end" => DW::YearEnd,
                "start" => DW::Start,
                "pair_and" => DW::PairAnd,
                "pair_range" => DW::PairRange,
                "each" => DW::Each,
                "occasion" => DW::Occasion,
                "ahead" => DW::Ahead,
                "year_offset" => DW::YearOffset(value()?),
                "named_day" => {
                    // the month and day as a number, MMDD: 1225 is 25 December
                    let v = value()?;
                    let (m, d) = ((v / 100) as u32, (v % 100) as u32);
                    if !(0..=1231).contains(&v)
                        || chrono::NaiveDate::from_ymd_opt(2024, m, d).is_none()
                    {
                        return Err(r.error("a named day is its month and day, MMDD (1225)"));
                    }
                    DW::NamedDay(m, d)
                }
                "ahead_suffix" => {
                    r.opt_int(2, "value")?;
                    lex.ahead_suffixes.push(r.col(0, "ending")?.to_lowercase());
                    continue;
                }
                "month" => return Err(r.error("month names are kept in months.tsv")),
                k => return Err(r.error(format!("unknown kind {k:?}"))),
            };
            r.opt_int(2, "value")?;
            lex.add(phrase_words(&r, "phrase")?, w);
        }
        lex.phrases
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        lex.phrase_first = lex
            .phrases
            .iter()
            .filter_map(|(w, _)| w.first().cloned())
            .collect();
        Ok(lex)
    }

    /// The month names: `name<TAB>month[<TAB>flags]`. A name flagged `dateline` is read in
    /// datelines only (by sw-text), never here.
    fn load_months(&mut self, months: File) -> Result<(), LexiconError> {
        for r in months.rows() {
            r.at_most(3)?;
            let name = r.token(0, "name")?;
            let m = r.int(1, "month")?;
            if !(1..=12).contains(&m) {
                return Err(r.error("a month is 1 to 12"));
            }
            let mut dateline = false;
            for flag in r.opt(2).unwrap_or("").split(',').map(str::trim) {
                match flag {
                    "" => {}
                    "needs_day" => {
                        self.needs_day.insert(name.clone());
                    }
                    "capital" => {
                        self.capital.insert(name.clone());
                    }
                    "dateline" => dateline = true,
                    f => return Err(r.error(format!("unknown flag {f:?}"))),
                }
            }
            if !dateline {
                self.single.insert(name, DW::Month(m as u32));
            }
        }
        Ok(())
    }

    fn add(&mut self, words: Vec<Word>, w: DW) {
        if words.len() == 1 {
            self.single.insert(words[0].clone(), w);
        } else {
            self.phrases.push((words, w));
        }
    }

    /// Does the word make the date before it an event's ("Tuesday's strike": the
    /// apostrophe)?
    pub fn is_possessive(&self, w: &Word) -> bool {
        self.possessive.contains(w)
    }

    /// Is the word the "s" of a possessive the tokenizer split from its apostrophe?
    pub fn is_possessive_ending(&self, w: &Word) -> bool {
        self.possessive_ending.contains(w)
    }

    /// Does the word make the day after it an event's ("el ataque del sábado")?
    pub fn is_date_of(&self, w: &Word) -> bool {
        self.date_of.contains(w)
    }

    /// Does the lower-cased word open a period ("since", "desde")?
    pub fn is_since(&self, w: &Word) -> bool {
        matches!(self.single.get(w), Some(DW::Since))
    }

    /// Does the lower-cased word name a beginning ("began", "comenzó")?
    pub fn is_start(&self, w: &Word) -> bool {
        matches!(self.single.get(w), Some(DW::Start))
    }

    /// Does the word name an event as the occasion of something else ("killed during the
    /// attack", "durante el ataque")?
    pub fn is_occasion(&self, w: &Word) -> bool {
        matches!(self.single.get(w), Some(DW::Occasion))
    }

    /// Does the word put what follows in the future ("will", "expected", "se espera",
    /// "votará")?
    fn is_ahead(&self, w: &Word) -> bool {
        matches!(self.single.get(w), Some(DW::Ahead)) || self.future_form(w)
    }

    /// Whether the word is a verb in the future by its ending ("empezará", "volverán").
    pub fn future_form(&self, w: &Word) -> bool {
        self.ahead_suffixes
            .iter()
            .any(|x| w.len() > x.len() + 2 && w.ends_with(x.as_str()))
    }

    /// Whether the weekday at token `i` is said of a day to come: a future cue stands before
    /// it in its clause ("is expected to brief lawmakers on Thursday", "votará el jueves"),
    /// and it does not name an event of its own ("Tuesday's strike", "el ataque del martes").
    pub(super) fn ahead_of(&self, toks: &[Tok], i: usize, end: usize) -> bool {
        let of_noun = i > 0 && self.date_of.contains(&toks[i - 1].lower)
            || toks
                .get(end)
                .is_some_and(|t| self.possessive.contains(&t.lower));
        !of_noun
            && toks[i.saturating_sub(10)..i]
                .iter()
                .rev()
                .take_while(|t| !matches!(t.lower.as_str(), "." | ";" | ":" | "," | "(" | ")"))
                .any(|t| self.is_ahead(&t.lower))
    }

    /// Does the word make a date after it the day something was said or published
    /// ("statement", "issued", "comunicado", "emitido")?
    pub fn is_announce(&self, w: &Word) -> bool {
        self.announce.contains(w)
    }

    /// Does the word make a year or month after it a series' frame ("such", "deadliest")?
    pub fn is_series(&self, w: &Word) -> bool {
        self.series.contains(w)
    }

    /// Is the word a superlative's ("most", "más"), a series cue after a definite article?
    pub fn is_superlative(&self, w: &Word) -> bool {
        self.superlative.contains(w)
    }

    /// Does the word spread a figure over every event ("each", "cada")?
    pub fn is_each(&self, w: &Word) -> bool {
        matches!(self.single.get(w), Some(DW::Each))
    }

    /// Does the word join two days: Some(false) for two days ("and"), Some(true) for a
    /// span ("-", "to")?
    pub(super) fn pair(&self, w: &Word) -> Option<bool> {
        match self.single.get(w) {
            Some(DW::PairAnd) => Some(false),
            Some(DW::PairRange) => Some(true),
            _ => None,
        }
    }

    /// Is the word a possessive's apostrophe or the "s" split from it ("last year's strike",
    /// "the campaign's first")?
    pub fn is_possessive_mark(&self, w: &Word) -> bool {
        self.is_possessive(w) || self.is_possessive_ending(w)
    }

    /// Does the word point a date after it back or to the present ("pasado" in "el pasado 3
    /// de junio", "este")?
    pub fn is_last_or_this(&self, w: &Word) -> bool {
        matches!(self.single.get(w), Some(DW::Last | DW::This))
    }

    /// Does the lower-cased word name a date word (month, weekday, "yesterday", "ayer")?
    pub fn is_cue(&self, w: &Word) -> bool {
        matches!(
            self.single.get(w),
            Some(DW::Month(_) | DW::Weekday(_) | DW::DayOffset(_))
        )
    }

    /// Does the lower-cased word name one day ("Thursday", "yesterday", "jueves", "ayer"),
    /// not a month?
    pub fn is_day(&self, w: &Word) -> bool {
        matches!(self.single.get(w), Some(DW::Weekday(_) | DW::DayOffset(_)))
    }

    /// The longest phrase starting at token `i`, and the token after it.
    pub(super) fn phrase_at(&self, toks: &[Tok], i: usize) -> Option<(DW, usize)> {
        crate::lexicon::phrases::first_at(&self.phrases, &self.phrase_first, toks, i)
    }

    /// What the lower-case word is, if a date word of one word.
    pub(super) fn single(&self, w: &Word) -> Option<DW> {
        self.single.get(w).copied()
    }
}
