//! Reading lexicon files: tab-separated rows with their line numbers, and the error that
//! names the file and line of a row that cannot be read.
//!
//! Why strict: a row the loader skipped used to vanish without a trace (a misspelt kind, a
//! missing column, a phrase the tokenizer splits so that it can never match), and the
//! vocabulary a domain expert thought was in force was not. Every such row is now an error.

use crate::fxhash::FxSet;
use crate::tokens::tokenize;
use crate::tokens::Word;

/// A lexicon that cannot be loaded: a missing or unknown file, or a row that cannot be read
/// as its file requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The file, as rule names give it ("en/events.tsv"), or the language folder ("xx/").
    pub file: String,
    /// The 1-based line of the row, or None for the file as a whole.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl LexiconError {
    /// An error about a whole file (or folder).
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: file.into(),
            line: None,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(n) => write!(f, "{}:{}: {}", self.file, n, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for LexiconError {}

/// One lexicon file: the name it is reported under and its text.
#[derive(Debug, Clone, Copy)]
pub struct File<'a> {
    /// "en/events.tsv": the name in rule names and errors.
    pub name: &'a str,
    pub text: &'a str,
}

impl<'a> File<'a> {
    /// The data rows: comment lines (`#`) and blank lines left out, columns trimmed.
    pub fn rows(&self) -> impl Iterator<Item = Row<'a>> {
        let name = self.name;
        self.text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
            .map(move |(i, l)| Row {
                file: name,
                line: i + 1,
                cols: l.split('\t').map(str::trim).collect(),
            })
    }
}

/// One data row of a lexicon file.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub file: &'a str,
    /// 1-based.
    pub line: usize,
    pub cols: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// An error at this row.
    pub fn error(&self, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: self.file.to_string(),
            line: Some(self.line),
            message: message.into(),
        }
    }

    /// Column `i`, which must be there and not be empty; `what` names it in the error.
    pub fn col(&self, i: usize, what: &str) -> Result<&'a str, LexiconError> {
        match self.cols.get(i) {
            Some(c) if !c.is_empty() => Ok(c),
            _ => Err(self.error(format!("missing column {} ({what})", i + 1))),
        }
    }

    /// Column `i` when it is there and not empty.
    pub fn opt(&self, i: usize) -> Option<&'a str> {
        self.cols.get(i).copied().filter(|c| !c.is_empty())
    }

    /// An error when the row has more than `n` columns.
    pub fn at_most(&self, n: usize) -> Result<(), LexiconError> {
        if self.cols.len() > n {
            return Err(self.error(format!("{} columns, at most {n} expected", self.cols.len())));
        }
        Ok(())
    }

    /// Column `i` read as an integer.
    pub fn int(&self, i: usize, what: &str) -> Result<i64, LexiconError> {
        let c = self.col(i, what)?;
        c.parse()
            .map_err(|_| self.error(format!("{what} {c:?} is not a whole number")))
    }

    /// Column `i` read as an integer when it is there.
    pub fn opt_int(&self, i: usize, what: &str) -> Result<Option<i64>, LexiconError> {
        self.opt(i).map(|_| self.int(i, what)).transpose()
    }

    /// Column `i` as one token in lower case: what a token of text is compared with. An
    /// entry the tokenizer splits ("narco-terrorists", "crew members") could never be
    /// equal to a token, so it is an error.
    pub fn token(&self, i: usize, what: &str) -> Result<Word, LexiconError> {
        let c = self.col(i, what)?;
        let mut toks = tokenize(c, 0);
        let lower = c.to_lowercase();
        match &toks[..] {
            [t] if t.lower == lower => Ok(toks.remove(0).lower),
            _ => Err(self.error(format!(
                "{what} {c:?} is not one word (the text is compared word by word)"
            ))),
        }
    }
}

/// The first column of every row as one token, for a file of single words with no other
/// column.
pub fn word_set(file: File) -> Result<FxSet<Word>, LexiconError> {
    file.rows()
        .map(|r| {
            r.at_most(1)?;
            r.token(0, "word")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_line_numbers() {
        let f = File {
            name: "xx/t.tsv",
            text: "# comment\n\nword\tkind\n  \nother\n",
        };
        let rows: Vec<Row> = f.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[1].line), (3, 5));
        assert_eq!(rows[0].cols, ["word", "kind"]);
        let e = rows[1].col(1, "kind").unwrap_err();
        assert_eq!(e.to_string(), "xx/t.tsv:5: missing column 2 (kind)");
    }

    #[test]
    fn a_word_the_tokenizer_splits_is_an_error() {
        let f = File {
            name: "xx/fillers.tsv",
            text: "crew\ncrew members\nnarco-terrorists\n",
        };
        let e = word_set(f).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("xx/fillers.tsv", Some(2)));
        let ok = File {
            name: "xx/fillers.tsv",
            text: "Crew\n-\n",
        };
        let set = word_set(ok).unwrap();
        assert!(set.contains(&Word::from("crew")) && set.contains(&Word::from("-")));
    }
}
