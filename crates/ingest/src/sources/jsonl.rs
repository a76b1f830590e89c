//! JSONL: one article per line with `url, outlet, published, lang, title` and `text` or
//! `html`. Other keys are ignored, so exports of other tools ingest as they are. `walk` has
//! already split the file: a unit here is one line.

use serde_json::Value;
use sw_model::Document;

use super::{meta_date, meta_lang, nonempty};
use crate::{Limits, ParseError, Parsed, Unit, UnitMeta};

pub fn parse(unit: &Unit, limits: &Limits) -> Result<Parsed, ParseError> {
    // serde_json refuses nesting deeper than 128 levels on its own
    let value: Value =
        serde_json::from_slice(&unit.bytes).map_err(|e| ParseError(format!("not JSON: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(ParseError(
            "not a JSON object (expected one article per line)".into(),
        ));
    };
    let field = |k: &str| match obj.get(k) {
        Some(Value::String(s)) => nonempty(Some(s.clone())),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let line_meta = UnitMeta {
        url: field("url"),
        outlet: field("outlet"),
        published: field("published"),
        title: field("title"),
        lang: field("lang"),
        ..Default::default()
    }
    .or(&unit.meta);
    if let Some(text) = field("text") {
        let (published, published_basis) = meta_date(&line_meta);
        if line_meta.published.is_some() && published.is_none() {
            return Err(ParseError(format!(
                "'published' is not a date (expected YYYY-MM-DD): {:?}",
                line_meta.published.unwrap_or_default()
            )));
        }
        return Ok(Parsed {
            documents: vec![Document {
                url: line_meta.url.clone(),
                outlet: line_meta.outlet.clone(),
                published,
                published_basis,
                title: line_meta.title.clone(),
                lang: meta_lang(&line_meta),
                text,
            }],
            warnings: vec![],
        });
    }
    if let Some(html) = field("html") {
        let doc = super::html::page(&html, &line_meta, limits)?;
        return Ok(Parsed {
            documents: vec![doc],
            warnings: vec![],
        });
    }
    Err(ParseError("no 'text' or 'html' field with content".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sw_model::{Format, Lang};

    fn line(s: &str) -> Result<Parsed, ParseError> {
        let u = Unit {
            locator: "f.jsonl:1".into(),
            format: Format::Jsonl,
            bytes: s.as_bytes().to_vec(),
            meta: UnitMeta::default(),
        };
        parse(&u, &Limits::default())
    }

    #[test]
    fn text_line_with_extra_keys_and_null_date() {
        let p = line(r#"{"id":"a1","url":"https://x.example/a","outlet":"x.example","lang":"es","published":null,"published_basis":"unknown","title":"T","text":"Cuerpo."}"#).unwrap();
        let d = &p.documents[0];
        assert_eq!(
            (d.lang, d.published, d.text.as_str()),
            (Some(Lang::Es), None, "Cuerpo.")
        );
    }

    #[test]
    fn html_line() {
        let p = line(r#"{"url":"https://x.example/b","html":"<html><body><article><p>A vessel was struck in the eastern Pacific and two people aboard were killed, officials said on Monday.</p></article></body></html>"}"#).unwrap();
        assert!(p.documents[0]
            .text
            .contains("two people aboard were killed"));
    }

    #[test]
    fn bad_lines() {
        assert!(line("this is not json")
            .unwrap_err()
            .0
            .starts_with("not JSON"));
        assert!(line("[1,2]")
            .unwrap_err()
            .0
            .starts_with("not a JSON object"));
        assert!(line(r#"{"url":"u"}"#)
            .unwrap_err()
            .0
            .contains("no 'text' or 'html'"));
        assert!(line(r#"{"text":"x","published":"last week"}"#)
            .unwrap_err()
            .0
            .contains("not a date"));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(line(&deep).unwrap_err().0.contains("recursion limit"));
    }
}
