//! Plain text in any common encoding. Metadata comes from the command line or a sidecar
//! `NAME.meta.json`; a headline standing alone on the first line is taken as the title.

use sw_model::Document;

use super::{meta_date, meta_lang, nonempty};
use crate::decode::decode;
use crate::detect::looks_binary;
use crate::{ParseError, Parsed, Unit};

pub fn parse(unit: &Unit) -> Result<Parsed, ParseError> {
    if unit.bytes.is_empty() {
        return Err(ParseError("empty input (0 bytes)".into()));
    }
    if looks_binary(&unit.bytes) {
        return Err(ParseError("binary content, not text".into()));
    }
    let decoded = decode(&unit.bytes, unit.meta.content_type.as_deref(), false);
    let warnings = decoded.note().into_iter().collect();
    let text = decoded.text;
    if text.trim().is_empty() {
        return Err(ParseError("no text (only white space)".into()));
    }
    let (published, published_basis) = meta_date(&unit.meta);
    let title = nonempty(unit.meta.title.clone()).or_else(|| headline(&text));
    Ok(Parsed {
        documents: vec![Document {
            url: unit.meta.url.clone(),
            outlet: unit.meta.outlet.clone(),
            published,
            published_basis,
            title,
            lang: meta_lang(&unit.meta),
            text,
        }],
        warnings,
    })
}

/// A first line that reads as a headline: short, followed by a blank line, not a sentence.
fn headline(text: &str) -> Option<String> {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let (first, rest) = text.split_once('\n')?;
    let first = first.trim();
    let blank_follows = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
    let sentence_end = first.ends_with('.') && !first.ends_with("..");
    (blank_follows && !first.is_empty() && first.chars().count() <= 200 && !sentence_end)
        .then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UnitMeta;
    use sw_model::Format;

    fn unit(bytes: &[u8]) -> Unit {
        Unit {
            locator: "t".into(),
            format: Format::Text,
            bytes: bytes.to_vec(),
            meta: UnitMeta::default(),
        }
    }

    #[test]
    fn headline_and_metadata() {
        let mut u = unit(b"Strike reported off the coast\n\nThe body starts here.");
        u.meta.published = Some("2025-10-03".into());
        let d = &parse(&u).unwrap().documents[0];
        assert_eq!(d.title.as_deref(), Some("Strike reported off the coast"));
        assert_eq!(d.published.unwrap().to_string(), "2025-10-03");
        assert_eq!(d.published_basis, sw_model::PublishedBasis::Metadata);
        let d = &parse(&unit(b"Just one sentence.\n\nAnother."))
            .unwrap()
            .documents[0];
        assert_eq!(d.title, None);
    }

    #[test]
    fn errors() {
        assert_eq!(parse(&unit(b"")).unwrap_err().0, "empty input (0 bytes)");
        assert_eq!(
            parse(&unit(b"  \n\n ")).unwrap_err().0,
            "no text (only white space)"
        );
        assert_eq!(
            parse(&unit(b"\x00\x01\x02binary")).unwrap_err().0,
            "binary content, not text"
        );
    }

    #[test]
    fn legacy_encodings_decode() {
        let d = &parse(&unit(b"Ataque en el Pac\xedfico: la embarcaci\xf3n fue destruida y hubo tres muertos seg\xfan el Comando Sur.")).unwrap().documents[0];
        assert!(d.text.contains("Pacífico"), "{}", d.text);
        assert!(d.text.contains("según"));
    }
}
