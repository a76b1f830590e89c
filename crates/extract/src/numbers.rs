//! Numbers and figures: digits ("1,200" / "1.200"), number words in English and Spanish
//! ("twenty-one", "veintiún", "treinta y dos", "ciento cinco"), mixed forms ("2 dozen",
//! "3 mil") and the hedges of the codebook's figure table ("at least", "más de", "nearly",
//! "dozens", "between 3 and 5").
//!
//! Never panics on any input; numbers above [`MAX`] are rejected, never wrapped.
//!
//! ```
//! use sw_extract::numbers::{parse_figure, parse_number};
//! use sw_model::Lang;
//! assert_eq!(parse_number("treinta y dos", Lang::Es), Some(32));
//! assert_eq!(parse_number("1,200", Lang::En), Some(1200));
//! let f = parse_figure("more than 80", Lang::En).unwrap();
//! assert_eq!((f.low, f.best, f.high), (Some(81), Some(81), None));
//! ```

use crate::fxhash::{FxMap, FxSet};

use sw_model::Lang;

use crate::lexicon::{File, LexiconError};
use crate::tokens::{tokenize, Tok, TokKind, Word};
use crate::Figure;

/// The largest number read; anything larger is not a figure.
pub const MAX: i64 = 1_000_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumWord {
    Unit(i64),
    Hundred,
    Scale(i64),
    /// "dozen", "decena", "veintena": a count of its value after an article or a number
    Dozen(i64),
    Vague(i64),
    /// "dozens", "decenas": a lower bound alone (the first value), its second value times a
    /// number before it ("2 dozens", "dos decenas": 20)
    Dozens(i64, i64),
    Connector,
    Article,
    /// "both", "ambos": a count of its value standing alone, never part of a longer number,
    /// and only a lower bound before a coordination ("killing both traders and customers":
    /// "both ... and" joins two nouns, each of which may count many)
    Pair(i64),
}

/// How far after a [`NumWord::Pair`] word a connector ("and") makes it a coordination.
const PAIR_REACH: usize = 3;

/// How a hedge shapes a figure (see the codebook's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    Exact,
    AtLeast,
    MoreThan,
    Nearly,
    About,
    UpTo,
    Between,
    /// "no one", "ningún": zero
    Zero,
}

impl Hedge {
    fn parse(s: &str) -> Option<Hedge> {
        Some(match s {
            "exact" => Hedge::Exact,
            "at_least" => Hedge::AtLeast,
            "more_than" => Hedge::MoreThan,
            "nearly" => Hedge::Nearly,
            "about" => Hedge::About,
            "up_to" => Hedge::UpTo,
            "between" => Hedge::Between,
            "zero" => Hedge::Zero,
            _ => return None,
        })
    }

    /// The rule name recorded on claims ("fig.at_least").
    pub fn rule(self) -> &'static str {
        match self {
            Hedge::Exact => "fig.exact",
            Hedge::AtLeast => "fig.at_least",
            Hedge::MoreThan => "fig.more_than",
            Hedge::Nearly => "fig.nearly",
            Hedge::About => "fig.about",
            Hedge::UpTo => "fig.up_to",
            Hedge::Between => "fig.between",
            Hedge::Zero => "fig.zero",
        }
    }
}

/// Number words and hedges of one language, read from `lexicon/<code>/{numbers,hedges}.tsv`.
#[derive(Debug, Clone)]
pub struct NumberLexicon {
    words: FxMap<Word, NumWord>,
    /// Hedge phrases as lower-case word sequences, longest first.
    hedges: Vec<(Vec<Word>, Hedge)>,
    hedge_first: FxSet<Word>,
    /// The words between the two numbers of a range ("between 3 and 5").
    range_words: Vec<Word>,
    /// "second", "segundo": the place of an event in a series, not a count.
    ordinals: FxMap<Word, u32>,
}

/// A phrase as lower-case words, each one token (an error otherwise: it could never match).
pub(crate) fn phrase_words(
    r: &crate::lexicon::table::Row,
    what: &str,
) -> Result<Vec<Word>, LexiconError> {
    let c = r.col(0, what)?;
    let words: Vec<Word> = c
        .to_lowercase()
        .split_whitespace()
        .map(Word::from)
        .collect();
    let toks: Vec<Word> = tokenize(c, 0).into_iter().map(|t| t.lower).collect();
    if toks != words {
        return Err(r.error(format!(
            "{what} {c:?} does not split into words the way text does ({toks:?})"
        )));
    }
    Ok(words)
}

impl NumberLexicon {
    /// Builds the lexicon from `numbers.tsv` and `hedges.tsv`; a row that cannot be read is
    /// an error naming its file and line.
    pub fn load(numbers: File, hedges: File) -> Result<NumberLexicon, LexiconError> {
        let mut words = FxMap::default();
        let mut ordinals = FxMap::default();
        let mut range_words = Vec::new();
        for r in numbers.rows() {
            r.at_most(4)?;
            let word = r.token(0, "word")?;
            let value = || r.int(2, "value");
            let w = match r.col(1, "kind")? {
                "unit" => NumWord::Unit(value()?),
                "hundred" => NumWord::Hundred,
                "scale" => NumWord::Scale(value()?),
                "dozen" => NumWord::Dozen(value()?),
                "vague" => NumWord::Vague(value()?),
                "dozens" => NumWord::Dozens(value()?, r.int(3, "multiplier")?),
                "connector" => NumWord::Connector,
                "article" => NumWord::Article,
                "pair" => NumWord::Pair(value()?),
                "ordinal" => {
                    let n = u32::try_from(value()?).map_err(|_| r.error("ordinal out of range"))?;
                    ordinals.insert(word, n);
                    continue;
                }
                "range" => {
                    range_words.push(word);
                    continue;
                }
                k => return Err(r.error(format!("unknown kind {k:?}"))),
            };
            r.opt_int(2, "value")?;
            if !matches!(w, NumWord::Dozens(..)) && r.opt(3).is_some() {
                return Err(r.error("only a dozens row takes a multiplier"));
            }
            words.insert(word, w);
        }
        let mut hs: Vec<(Vec<Word>, Hedge)> = Vec::new();
        for r in hedges.rows() {
            r.at_most(2)?;
            let kind = r.col(1, "kind")?;
            let h = Hedge::parse(kind).ok_or_else(|| r.error(format!("unknown kind {kind:?}")))?;
            hs.push((phrase_words(&r, "phrase")?, h));
        }
        hs.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let hedge_first = hs.iter().filter_map(|(w, _)| w.first().cloned()).collect();
        Ok(NumberLexicon {
            words,
            hedge_first,
            hedges: hs,
            range_words,
            ordinals,
        })
    }

    /// Whether the word is an indefinite article ("a", "un").
    pub fn is_article(&self, w: &Word) -> bool {
        matches!(self.words.get(w), Some(NumWord::Article))
    }

    /// The value of an ordinal word ("second" is 2, "tercera" is 3).
    pub fn ordinal(&self, w: &Word) -> Option<u32> {
        self.ordinals.get(w).copied()
    }
}

/// A number read from tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    pub value: i64,
    /// Only a lower bound ("dozens", "varios").
    pub vague: bool,
    /// A lone article read as one ("a survivor", "un sobreviviente").
    pub article: bool,
    /// Index one past the last token used.
    pub end_tok: usize,
}

fn digits_value(s: &str) -> Option<i64> {
    let mut v: i64 = 0;
    for c in s.chars() {
        if let Some(d) = c.to_digit(10) {
            v = v.checked_mul(10)?.checked_add(d as i64)?;
            if v > MAX {
                return None;
            }
        }
    }
    Some(v)
}

/// Reads a number starting at token `i`, or None: digits ("1,200", "2 dozen", "3 mil") or
/// number words ("twenty-one", "treinta y dos", "a dozen"). `text` and `base` are not read
/// (kept for callers).
pub fn number_at(
    toks: &[Tok],
    i: usize,
    text: &str,
    lex: &NumberLexicon,
    base: usize,
) -> Option<Number> {
    let _ = (text, base);
    match toks.get(i)?.kind {
        TokKind::Num => digits_at(toks, i, lex),
        TokKind::Word => words_at(toks, i, lex),
        TokKind::Punct => None,
    }
}

/// A number in digits at token `i`, with a scale word after it ("2 dozen", "3 mil", "1
/// million"); not "-3", "10^100", "3.5", "2/3", nor "22nd", "3km" (an ordinal or a measure).
fn digits_at(toks: &[Tok], i: usize, lex: &NumberLexicon) -> Option<Number> {
    let t = &toks[i];
    // Reject "-3", "10^100", "3.5", "2/3", and either half of a time of day ("14:20 Pakistani
    // jets struck": no twenty jets).
    if i > 1 {
        let (p, q) = (&toks[i - 1], &toks[i - 2]);
        if p.end == t.start && p.lower == ":" && q.end == p.start && q.kind == TokKind::Num {
            return None;
        }
    }
    if i > 0 {
        let p = &toks[i - 1];
        if p.end == t.start && (p.lower == "-" || p.lower == "−" || p.lower == "+") {
            let glued_word = i > 1 && toks[i - 2].end == p.start;
            if !glued_word {
                return None;
            }
        }
    }
    if let Some(n) = toks.get(i + 1) {
        if n.start == t.end
            && matches!(n.lower.as_str(), "^" | "." | "/" | "," | "e" | ":")
            && toks
                .get(i + 2)
                .is_some_and(|m| m.start == n.end && m.kind == TokKind::Num)
        {
            return None;
        }
        if n.start == t.end && (n.lower == "^" || n.kind == TokKind::Word) {
            // "10^100"; "22nd", "3km": an ordinal or a measure, not a count
            return None;
        }
    }
    let mut v = digits_value(&t.lower)?;
    let mut end = i + 1;
    // Mixed forms: "2 dozen", "3 mil", "1 million"; never a year's four digits ("desde
    // 2023 decenas de civiles")
    let year = t.lower.len() == 4;
    if let Some(n) = toks.get(i + 1).filter(|_| !year) {
        match lex.words.get(&n.lower) {
            Some(NumWord::Dozen(d)) => {
                v = v.checked_mul(*d)?;
                end += 1;
            }
            Some(NumWord::Dozens(_, per)) => {
                v = v.checked_mul(*per)?;
                end += 1;
            }
            Some(NumWord::Scale(s)) => {
                v = v.checked_mul(*s)?;
                end += 1;
            }
            Some(NumWord::Hundred) => {
                v = v.checked_mul(100)?;
                end += 1;
            }
            _ => {}
        }
    }
    if v > MAX {
        return None;
    }
    Some(Number {
        value: v,
        vague: false,
        article: false,
        end_tok: end,
    })
}

/// A number in words at token `i`: units, hundreds and scales composed ("one hundred and
/// five", "dos mil quinientos"), a vague word alone ("several": a lower bound), a lone
/// article ("a survivor": one, marked so).
fn words_at(toks: &[Tok], i: usize, lex: &NumberLexicon) -> Option<Number> {
    let t = &toks[i];
    let first = *lex.words.get(&t.lower)?;
    match first {
        NumWord::Vague(v) | NumWord::Dozens(v, _) => {
            return Some(Number {
                value: v,
                vague: true,
                article: false,
                end_tok: i + 1,
            })
        }
        NumWord::Connector => return None,
        NumWord::Pair(v) => {
            let coordination = toks
                .iter()
                .skip(i + 1)
                .take(PAIR_REACH)
                .take_while(|t| t.kind == TokKind::Word)
                .skip(1)
                .any(|t| matches!(lex.words.get(&t.lower), Some(NumWord::Connector)));
            // (before a coordination, a lower bound: "killing both traders and customers"
            // killed two at least)
            return Some(Number {
                value: v,
                vague: coordination,
                article: false,
                end_tok: i + 1,
            });
        }
        NumWord::Dozen(_) => {
            // "dozen" alone (e.g. "a dozen" handled by the article branch)
            return None;
        }
        _ => {}
    }
    let mut total: i64 = 0;
    let mut group: i64 = 0;
    let mut any = false;
    let mut j = i;
    let mut end = i;
    let mut article_only = false;
    while let Some(tok) = toks.get(j) {
        let w = if tok.kind == TokKind::Word {
            lex.words.get(&tok.lower).copied()
        } else if tok.lower == "-" && any {
            // "twenty-one"
            if toks.get(j + 1).is_some_and(|n| {
                n.start == tok.end && matches!(lex.words.get(&n.lower), Some(NumWord::Unit(_)))
            }) {
                j += 1;
                continue;
            }
            None
        } else {
            None
        };
        match w {
            Some(NumWord::Unit(v)) => {
                // Two units in a row that do not compose ("three two") end the number.
                if any && group % 10 != 0 && v < 10 {
                    break;
                }
                if any && group != 0 && group % 100 == 0 && v >= 100 {
                    break;
                }
                group = group.saturating_add(v);
                any = true;
                article_only = false;
                end = j + 1;
            }
            Some(NumWord::Hundred) => {
                group = group.max(1).saturating_mul(100);
                any = true;
                article_only = false;
                end = j + 1;
            }
            Some(NumWord::Scale(s)) => {
                total = total.saturating_add(group.max(1).saturating_mul(s));
                group = 0;
                any = true;
                article_only = false;
                end = j + 1;
            }
            Some(NumWord::Dozen(d)) => {
                group = group.max(1).saturating_mul(d);
                any = true;
                article_only = false;
                end = j + 1;
            }
            Some(NumWord::Dozens(_, per)) => {
                group = group.max(1).saturating_mul(per);
                any = true;
                article_only = false;
                end = j + 1;
            }
            Some(NumWord::Article) if !any => {
                group = 1;
                any = true;
                article_only = true;
                end = j + 1;
            }
            Some(NumWord::Connector) if any && !article_only => {
                // only inside a number: "one hundred and five", "treinta y dos"
                let next_is_num = toks
                    .get(j + 1)
                    .is_some_and(|n| matches!(lex.words.get(&n.lower), Some(NumWord::Unit(_))));
                if !next_is_num {
                    break;
                }
                // "y" joins only tens and units ("treinta y dos"), "and" after hundreds.
                if group % 10 != 0 {
                    break;
                }
            }
            _ => break,
        }
        j += 1;
    }
    if !any {
        return None;
    }
    let v = total.saturating_add(group);
    if v > MAX {
        return None;
    }
    Some(Number {
        value: v,
        vague: false,
        article: article_only,
        end_tok: end,
    })
}

/// A figure found in text: the codebook range plus where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub figure: Figure,
    /// Byte range of the whole figure (hedge included).
    pub start: usize,
    pub end: usize,
    /// Token indices [first, last+1).
    pub tok_start: usize,
    pub tok_end: usize,
    pub hedge: Hedge,
    /// A lone article ("a survivor"): only meaningful right before a figure noun.
    pub article: bool,
}

fn hedge_at(toks: &[Tok], i: usize, lex: &NumberLexicon) -> Option<(Hedge, usize)> {
    crate::lexicon::phrases::first_at(&lex.hedges, &lex.hedge_first, toks, i)
}

fn make_figure(h: Hedge, n: &Number, high: Option<i64>) -> Figure {
    let v = n.value;
    let (low, best, hi, approx) = if n.vague {
        (Some(v), None, None, true)
    } else {
        match h {
            Hedge::Exact => (Some(v), Some(v), Some(v), false),
            Hedge::AtLeast => (Some(v), Some(v), None, false),
            Hedge::MoreThan => (
                Some(v.saturating_add(1)),
                Some(v.saturating_add(1)),
                None,
                false,
            ),
            Hedge::Nearly => (
                None,
                Some(v.saturating_sub(1).max(0)),
                Some(v.saturating_sub(1).max(0)),
                false,
            ),
            Hedge::About => (None, Some(v), None, true),
            Hedge::UpTo => (None, None, Some(v), true),
            Hedge::Between => (Some(v), None, high, false),
            Hedge::Zero => (Some(0), Some(0), Some(0), false),
        }
    };
    Figure {
        low,
        best,
        high: hi,
        approx,
        surface: String::new(),
    }
}

/// Every figure in a token stream, left to right, not overlapping. `text` is the text the
/// tokens' ranges point into.
pub fn scan(toks: &[Tok], text: &str, lex: &NumberLexicon) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (hedge, j) = match hedge_at(toks, i, lex) {
            Some((h, j)) => (h, j),
            None => (Hedge::Exact, i),
        };
        let Some(n) = number_at(toks, j, text, lex, 0) else {
            i += 1;
            continue;
        };
        let mut end_tok = n.end_tok;
        let mut fig = make_figure(hedge, &n, None);
        let mut h = hedge;
        if hedge == Hedge::Between {
            // "between 3 and 5", "entre 3 y 5"
            let ok = toks
                .get(end_tok)
                .is_some_and(|t| lex.range_words.contains(&t.lower));
            if let Some(m) = ok
                .then(|| number_at(toks, end_tok + 1, text, lex, 0))
                .flatten()
            {
                let (a, b) = (n.value.min(m.value), n.value.max(m.value));
                fig = Figure {
                    low: Some(a),
                    best: None,
                    high: Some(b),
                    approx: false,
                    surface: String::new(),
                };
                end_tok = m.end_tok;
            } else {
                // "between" without a range: a plain number
                h = Hedge::Exact;
                fig = make_figure(Hedge::Exact, &n, None);
                let s = toks[j].start;
                let e = toks[end_tok - 1].end;
                push(&mut out, fig, s, e, j, end_tok, h, n.article, text);
                i = end_tok;
                continue;
            }
        } else if hedge == Hedge::Zero && n.value != 1 {
            i += 1;
            continue;
        } else if n.article && hedge != Hedge::Exact {
            // "about a" is not a figure
            i += 1;
            continue;
        }
        let start_tok = if n.article { j } else { i };
        let s = toks[start_tok].start;
        let e = toks[end_tok - 1].end;
        push(&mut out, fig, s, e, start_tok, end_tok, h, n.article, text);
        i = end_tok;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Quantity>,
    mut fig: Figure,
    s: usize,
    e: usize,
    ts: usize,
    te: usize,
    h: Hedge,
    article: bool,
    text: &str,
) {
    let Some(surface) = text.get(s..e) else {
        return;
    };
    fig.surface = surface.to_string();
    out.push(Quantity {
        figure: fig,
        start: s,
        end: e,
        tok_start: ts,
        tok_end: te,
        hedge: h,
        article,
    });
}

/// Reads a whole string as one number ("1,200", "veintiún", "2 dozen"); None if the string
/// holds anything else.
pub fn parse_number(s: &str, lang: Lang) -> Option<i64> {
    let lex = &crate::registry::cached(lang)?.nums;
    let toks = tokenize(s, 0);
    let n = number_at(&toks, 0, s, lex, 0)?;
    (n.end_tok == toks.len() && !n.vague && !n.article).then_some(n.value)
}

/// Reads a whole string as one figure ("at least 65", "casi 20", "decenas", "entre 3 y 5").
pub fn parse_figure(s: &str, lang: Lang) -> Option<Figure> {
    let lex = &crate::registry::cached(lang)?.nums;
    let toks = tokenize(s, 0);
    let q = scan(&toks, s, lex);
    let first = q.first()?;
    (q.len() == 1 && first.tok_start == 0 && first.tok_end == toks.len())
        .then(|| first.figure.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tri(s: &str, lang: Lang) -> (Option<i64>, Option<i64>, Option<i64>) {
        let f = parse_figure(s, lang).unwrap_or_else(|| panic!("no figure in {s:?}"));
        (f.low, f.best, f.high)
    }

    #[test]
    fn codebook_table() {
        use Lang::*;
        assert_eq!(tri("11", En), (Some(11), Some(11), Some(11)));
        assert_eq!(tri("eleven", En), (Some(11), Some(11), Some(11)));
        assert_eq!(tri("once", Es), (Some(11), Some(11), Some(11)));
        assert_eq!(tri("at least 65", En), (Some(65), Some(65), None));
        assert_eq!(tri("al menos 65", Es), (Some(65), Some(65), None));
        assert_eq!(tri("no fewer than 65", En), (Some(65), Some(65), None));
        assert_eq!(tri("more than 80", En), (Some(81), Some(81), None));
        assert_eq!(tri("más de 80", Es), (Some(81), Some(81), None));
        assert_eq!(tri("over 80", En), (Some(81), Some(81), None));
        assert_eq!(tri("nearly 20", En), (None, Some(19), Some(19)));
        assert_eq!(tri("casi 20", Es), (None, Some(19), Some(19)));
        assert_eq!(tri("about 75", En), (None, Some(75), None));
        assert!(parse_figure("alrededor de 75", Es).unwrap().approx);
        assert_eq!(tri("a dozen", En), (Some(12), Some(12), Some(12)));
        assert_eq!(tri("una docena", Es), (Some(12), Some(12), Some(12)));
        assert_eq!(tri("dozens", En), (Some(24), None, None));
        assert_eq!(tri("decenas", Es), (Some(24), None, None));
        assert_eq!(tri("several", En), (Some(3), None, None));
        assert_eq!(tri("between 3 and 5", En), (Some(3), None, Some(5)));
        assert_eq!(tri("entre 3 y 5", Es), (Some(3), None, Some(5)));
        assert_eq!(tri("supera los 140", Es), (Some(141), Some(141), None));
    }

    #[test]
    fn words_and_digits() {
        use Lang::*;
        assert_eq!(parse_number("1,200", En), Some(1200));
        assert_eq!(parse_number("1.200", Es), Some(1200));
        assert_eq!(parse_number("twenty-one", En), Some(21));
        assert_eq!(parse_number("one hundred and five", En), Some(105));
        assert_eq!(parse_number("veintiún", Es), Some(21));
        assert_eq!(parse_number("treinta y dos", Es), Some(32));
        assert_eq!(parse_number("ciento cinco", Es), Some(105));
        assert_eq!(parse_number("2 dozen", En), Some(24));
        // a count of tens, dozens or hundreds: that many times the word's multiplier
        assert_eq!(parse_number("dos decenas", Es), Some(20));
        assert_eq!(parse_number("tres docenas", Es), Some(36));
        assert_eq!(parse_number("dos centenares", Es), Some(200));
        assert_eq!(parse_number("3 decenas", Es), Some(30));
        assert_eq!(parse_number("two dozens", En), Some(24));
        // a year before the word is no count of it
        assert_ne!(parse_number("2023 decenas", Es), Some(20230));
        assert_eq!(parse_number("3 mil", Es), Some(3000));
        assert_eq!(parse_number("dos mil quinientos", Es), Some(2500));
        assert_eq!(parse_number("10^100", En), None);
        assert_eq!(parse_number("-3", En), None);
        // a time of day is no count, either half of it
        assert_eq!(parse_number("14:20", En), None);
        assert_eq!(parse_number("11:45", Es), None);
        assert_eq!(parse_number("99999999999999999999999", En), None);
        assert_eq!(parse_number("", En), None);
    }

    #[test]
    fn never_panics() {
        for s in [
            "",
            "-",
            "and",
            "y",
            "a",
            "1,",
            ",1",
            "1.2.3",
            "é1",
            "1é",
            "ñ-ñ",
            "mil mil mil mil mil",
        ] {
            let _ = parse_number(s, Lang::Es);
            let _ = parse_figure(s, Lang::En);
        }
    }
}
