//! The languages the extractor reads: a table keyed by language code, built from data.
//!
//! Why a table: a language is its lexicon folder (`lexicon/<code>/`) and a line of
//! `lexicon/languages.tsv`; nothing in the rules names a language, so adding one is adding
//! data, and a language that is not registered is simply not read (no silent fallback to
//! another language's lexicons). `sw_model::Lang` maps to a code (`Lang::code`); text whose
//! language was not recognised (`Lang::Other`) is read with the language flagged
//! `reads_other` in the registry, if one is.
//!
//! The month names and function words of a language sw-text also reads (datelines, language
//! detection) are kept once, in sw-text (`sw_text::langdata`), and join the language's files
//! here; a language sw-text does not know carries them in its own folder.

use sw_model::Lang;

use crate::lexicon::{LangLex, LangSource, LexiconError, Shared};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The lexicons every language shares.
const ACTORS: &str = include_str!("../lexicon/actors.tsv");
const PLACES: &str = include_str!("../lexicon/places.tsv");
const FORCES: &str = include_str!("../lexicon/forces.tsv");

/// One registered language.
#[derive(Debug)]
pub struct Language {
    pub name: String,
    pub lex: LangLex,
}

/// The registered languages, in registry order, and the lexicons they share.
#[derive(Debug)]
pub struct Registry {
    langs: Vec<Language>,
    /// The language that reads text of an unrecognised language.
    reads_other: Option<usize>,
    pub shared: Shared,
}

impl Registry {
    /// The compiled-in languages of `lexicon/languages.tsv`. Any row of any file that
    /// cannot be read, or a file a folder lacks, is the error.
    pub fn embedded() -> Result<Registry, LexiconError> {
        let shared = Shared::load(
            crate::lexicon::File {
                name: "actors.tsv",
                text: ACTORS,
            },
            crate::lexicon::File {
                name: "places.tsv",
                text: PLACES,
            },
            crate::lexicon::File {
                name: "forces.tsv",
                text: FORCES,
            },
        )?;
        let mut reg = Registry {
            langs: Vec::new(),
            reads_other: None,
            shared,
        };
        let file = crate::lexicon::File {
            name: "languages.tsv",
            text: REGISTRY,
        };
        for r in file.rows() {
            r.at_most(3)?;
            let code = r.col(0, "code")?;
            let name = r.col(1, "name")?;
            let files = EMBEDDED
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(&[][..], |(_, f)| f);
            let mut src = LangSource::new(code);
            for (file, text) in files {
                src.add(file, format!("{code}/{file}"), text)?;
            }
            reg.add(name, src).map_err(|e| match e.line {
                // a folder problem is reported as is; a clash of codes at the registry line
                None if e.file == "languages.tsv" => r.error(e.message),
                _ => e,
            })?;
            for flag in r.opt(2).unwrap_or("").split(',').map(str::trim) {
                match flag {
                    "" => {}
                    "reads_other" if reg.reads_other.is_some() => {
                        return Err(r.error("a second language flagged reads_other"))
                    }
                    "reads_other" => reg.reads_other = Some(reg.langs.len() - 1),
                    f => return Err(r.error(format!("unknown flag {f:?}"))),
                }
            }
        }
        Ok(reg)
    }

    /// Registers a language from its files. Its month names and function words come from
    /// sw-text when sw-text has them for `code` (and must not be given again).
    pub fn add(&mut self, name: &str, mut src: LangSource) -> Result<(), LexiconError> {
        let code = src.code();
        if code.is_empty() || code.contains(|c: char| c == '/' || c.is_whitespace()) {
            return Err(LexiconError::file(
                "languages.tsv",
                format!("{code:?} is not a language code"),
            ));
        }
        if self.index(code).is_some() {
            return Err(LexiconError::file(
                "languages.tsv",
                format!("the language {code:?} is registered already"),
            ));
        }
        if let Some(shared) = sw_text::langdata::get(code) {
            for (file, text) in [
                ("months.tsv", shared.months),
                ("function_words.tsv", shared.function_words),
            ] {
                if src.has(file) {
                    return Err(LexiconError::file(
                        format!("{code}/{file}"),
                        format!(
                            "kept in sw-text (crates/text/data/lang/{code}/{file}), shared with \
                             datelines and language detection: remove this copy"
                        ),
                    ));
                }
                src.add(file, format!("text/data/lang/{code}/{file}"), text)?;
            }
        }
        let lex = LangLex::load(&src)?;
        self.langs.push(Language {
            name: name.to_string(),
            lex,
        });
        Ok(())
    }

    /// The index of the language with `code`.
    pub fn index(&self, code: &str) -> Option<usize> {
        self.langs.iter().position(|l| l.lex.code == code)
    }

    /// The index of the language that reads text in `lang`: its own, or for
    /// `Lang::Other` the one flagged `reads_other`. None when there is none.
    pub fn for_lang(&self, lang: Lang) -> Option<usize> {
        match lang {
            Lang::Other => self.reads_other,
            l => self.index(l.code()),
        }
    }

    /// The lexicons of language `i`.
    pub fn lex(&self, i: usize) -> &LangLex {
        &self.langs[i].lex
    }

    /// Every registered language, in registry order.
    pub fn languages(&self) -> impl Iterator<Item = &Language> {
        self.langs.iter()
    }

    /// The lexicons of every language but `i`, in registry order: the languages a sentence
    /// of an article in language `i` may be written in instead.
    pub fn others(&self, i: usize) -> impl Iterator<Item = &LangLex> {
        self.langs
            .iter()
            .enumerate()
            .filter(move |(k, _)| *k != i)
            .map(|(_, l)| &l.lex)
    }
}

/// The compiled-in languages, built once, for the convenience parsers
/// ([`crate::numbers::parse_number`], [`crate::dates::parse_date`]): the lexicons of the
/// language that reads `lang`. Immutable once built.
pub(crate) fn cached(lang: Lang) -> Option<&'static LangLex> {
    static REG: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    let reg = REG.get_or_init(|| Registry::embedded().unwrap_or_else(|e| panic!("{e}")));
    reg.for_lang(lang).map(|i| reg.lex(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_language_loads() {
        let reg = Registry::embedded().unwrap_or_else(|e| panic!("{e}"));
        let codes: Vec<&str> = reg.languages().map(|l| l.lex.code.as_str()).collect();
        assert_eq!(codes, ["en", "es"]);
        assert_eq!(reg.for_lang(Lang::Es), reg.index("es"));
        assert_eq!(reg.for_lang(Lang::Other), reg.index("en"));
        assert_eq!(reg.index("pt"), None);
    }
}
