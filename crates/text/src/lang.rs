//! Language identification: English, Spanish or other.
//!
//! The statistical detector (whatlang) is right on paragraphs but unsure on a headline or a
//! two-line brief, which is common in feeds; there a count of frequent function words decides
//! (the words marked `detect` in each language's `data/lang/<code>/function_words.tsv`, the
//! list the extractor reads too).

use sw_model::Lang;

use crate::langdata::LANGUAGES;

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
    let lists: Vec<(&str, Vec<&str>)> = LANGUAGES
        .iter()
        .map(|l| (l.code, l.detection_words().collect()))
        .collect();
    let mut counts = vec![0usize; lists.len()];
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        for (i, (_, words)) in lists.iter().enumerate() {
            if words.contains(&w.as_str()) {
                counts[i] += 1;
            }
        }
    }
    // the language with the most of its words, when at least two were found and no other
    // language has as many
    let total: usize = counts.iter().sum();
    let best = counts.iter().copied().max().unwrap_or(0);
    let leaders: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] == best).collect();
    match leaders[..] {
        [i] if total >= 2 => Lang::parse(lists[i].0),
        _ => Lang::Other,
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
