//! The outlet a dateline names, for an article whose metadata names none.
//!
//! Wire copy opens with a dateline: a place in capitals, sometimes a date, then the agency in
//! parentheses and a dash ("CARACAS, Venezuela (AP) — ...", "BOGOTÁ, 5 dic (EFE).- ...",
//! "WASHINGTON (Reuters) - ..."). A plain-text article or a JSONL line without an outlet would
//! otherwise be credited to no one; the dateline's agency is who wrote it. Agency codes map to
//! names through `data/agencies.tsv` (data, not code); an unlisted code is kept as written.
//! Only the opening lines are read, and only a dateline shape counts: a parenthesis later in
//! a sentence never names an outlet.

use std::sync::OnceLock;

use regex::Regex;

const AGENCIES: &str = include_str!("../data/agencies.tsv");

/// How far into the text a dateline may start (a headline line may come first).
const HEAD: usize = 400;

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // a line that opens with a word in capitals (the place), up to 60 more characters
        // without a parenthesis (a date may abbreviate its month: "Dec. 2, 2025"), the
        // agency in parentheses, then a dash, or a full stop and the first sentence
        // ("MIAMI, 31 de diciembre (Agencia). El ...")
        Regex::new(
            r"(?m)^[\p{Lu}][\p{Lu}'’\-]+(?:[ ,][^\n()]{0,60})?\s*\((?P<agency>[\p{Lu}][\p{L}&.' \-]{1,28})\)(?:\s*\.?\s*[—–-]|\.[ \t]+[\p{Lu}¿¡\x22“])",
        )
        .expect("the dateline pattern compiles")
    })
}

/// The name an agency code stands for, if listed.
fn agency_name(code: &str) -> Option<&'static str> {
    AGENCIES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(c, _)| *c == code)
        .map(|(_, name)| name.trim())
}

/// The outlet the dateline at the start of `text` names, if there is one.
pub fn outlet(text: &str) -> Option<String> {
    let mut end = text.len().min(HEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let caps = pattern().captures(&text[..end])?;
    let code = caps.name("agency")?.as_str().trim();
    Some(agency_name(code).unwrap_or(code).to_string())
}

#[cfg(test)]
mod tests {
    use super::outlet;

    #[test]
    fn datelines_in_english_and_spanish_name_their_agency() {
        let cases = [
            (
                "CARACAS, Venezuela (AP) — Two boats were struck overnight.",
                "Associated Press",
            ),
            (
                "WASHINGTON (Reuters) - The Pentagon said on Friday a vessel was hit.",
                "Reuters",
            ),
            (
                "BOGOTÁ, 5 dic (EFE).- Las autoridades informaron de un ataque.",
                "EFE",
            ),
            (
                "MOGADISHU, Somalia (AFP) – A drone strike killed three fighters.",
                "Agence France-Presse",
            ),
            (
                "Strike kills three\n\nSANAA, Yemen (Xinhua) -- Air raids hit the port.",
                "Xinhua",
            ),
            (
                "CULIACÁN, Sinaloa (Noticias del Norte) — Soldados repelieron una emboscada.",
                "Noticias del Norte",
            ),
            // a month abbreviated with a full stop in the date
            (
                "Headline first\n\nLIMA, Jan. 5, 2026 (Andes Wire) — The navy said a boat was hit.",
                "Andes Wire",
            ),
            // a full stop after the agency, then the story, as Spanish wire copy often runs
            (
                "QUITO, 3 de febrero (Diario Sierra). La Armada informó de un operativo.",
                "Diario Sierra",
            ),
            (
                "ADEN, Yemen, Sept. 9 (Gulf Desk). \u{201c}We heard the jets,\u{201d} a resident said.",
                "Gulf Desk",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(outlet(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_parenthesis_that_is_not_a_dateline_names_no_one() {
        let cases = [
            "The Southern Command (SOUTHCOM) said the boat was struck - no survivors were found.",
            "U.S. forces struck a boat (the fifth this month) - officials said.",
            "Officials in Caracas (Venezuela) - speaking on condition of anonymity - denied it.",
            "",
            "ÉL (no) —",
            // a full stop after a parenthesis that ends a sentence, not a dateline's
            "NOTICE: boats were struck (Reuters). more to come",
            "The navy (Armada). La nota sigue.",
        ];
        for text in cases {
            assert_eq!(outlet(text), None, "{text}");
        }
    }

    #[test]
    fn only_the_opening_lines_are_read() {
        let late = format!("{}\nLIMA (EFE) - Late.", "word ".repeat(120));
        assert_eq!(outlet(&late), None);
    }
}
