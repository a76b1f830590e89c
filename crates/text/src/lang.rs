//! Language identification: English, Spanish or other.
//!
//! The statistical detector (whatlang) is right on paragraphs but unsure on a headline or a
//! two-line brief, which is common in feeds; there a count of frequent function words from
//! `data/stopwords.tsv` decides.

use sw_model::Lang;

const STOPWORDS: &str = include_str!("../data/stopwords.tsv");

/// Detects the language of `text`, looking at most at its first 4 KiB (enough to decide, and
/// keeps the cost constant for long documents).
pub fn detect(text: &str) -> Lang {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if let Some(info) = whatlang::detect(sample) {
        if info.is_reliable() {
            return match info.lang() {
                whatlang::Lang::Eng => Lang::En,
                whatlang::Lang::Spa => Lang::Es,
                _ => Lang::Other,
            };
        }
    }
    by_stopwords(sample)
}

fn by_stopwords(sample: &str) -> Lang {
    let (mut en, mut es) = (0usize, 0usize);
    let lists: Vec<(&str, Vec<&str>)> = STOPWORDS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(lang, words)| (lang, words.split_whitespace().collect()))
        .collect();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        for (lang, words) in &lists {
            if words.contains(&w.as_str()) {
                match *lang {
                    "en" => en += 1,
                    "es" => es += 1,
                    _ => {}
                }
            }
        }
    }
    if en + es < 2 {
        Lang::Other
    } else if en > es {
        Lang::En
    } else if es > en {
        Lang::Es
    } else {
        Lang::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_spanish_paragraphs() {
        assert_eq!(
            detect("The military said the vessel was operated by a designated group and that all aboard were killed in the attack."),
            Lang::En
        );
        assert_eq!(
            detect("El ejército informó que la embarcación era operada por un grupo designado y que todos sus ocupantes murieron en el ataque."),
            Lang::Es
        );
    }

    #[test]
    fn short_texts_fall_back_to_function_words() {
        assert_eq!(detect("Ataque en el Caribe deja tres muertos"), Lang::Es);
        assert_eq!(detect("Strike in the Caribbean kills three"), Lang::En);
    }

    #[test]
    fn other_languages_and_noise_are_other() {
        assert_eq!(detect("Der Angriff in der Karibik tötete drei Menschen an Bord des Schiffes, sagte das Militär."), Lang::Other);
        assert_eq!(detect("12345 !!! ???"), Lang::Other);
        assert_eq!(detect(""), Lang::Other);
    }
}
