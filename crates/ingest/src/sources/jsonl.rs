//! JSONL: one article per line with `url, outlet, published, lang, title` and `text` or
//! `html`. Other keys are ignored, so exports of other tools ingest as they are. `walk` has
//! already split the file: a unit here is one line.

use serde_json::Value;
use sw_model::Document;

use super::{meta_date, meta_lang, nonempty};
use crate::{Limits, ParseError, Parsed, Unit, UnitMeta};

/// One line's fields, read and type-checked: everything but the HTML extraction, so that
/// `walk` can refuse a bad line before its bytes are stored (a flood of garbage lines must
/// not grow the store by a row each) and `parse` reads the same fields the same way.
pub(crate) struct Line {
    meta: UnitMeta,
    text: Option<String>,
    html: Option<String>,
    /// Fields of the wrong JSON type that were ignored, one line each for the user.
    notes: Vec<String>,
}

/// What a JSON value is, for a message.
fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(_) => "a number".into(),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The error for a line that is not JSON. The locator already names the file's line, so the
/// position is the column within it, with the bytes there: serde_json's own "at line 1 column
/// N" would contradict the line number printed before it.
fn not_json(e: serde_json::Error) -> ParseError {
    let text = e.to_string();
    let what = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(w, _)| w);
    ParseError(format!("not JSON at column {}: {what}", e.column()))
}

/// Reads and checks a line; the error is what makes the line no article.
pub(crate) fn read_line(bytes: &[u8]) -> Result<Line, ParseError> {
    // serde_json refuses nesting deeper than 128 levels on its own
    let value: Value = serde_json::from_slice(bytes).map_err(not_json)?;
    let Value::Object(obj) = value else {
        return Err(ParseError(
            "not a JSON object (expected one article per line)".into(),
        ));
    };
    let mut notes = Vec::new();
    // metadata of the wrong type is ignored with a note: the article is still worth having
    let mut field = |k: &str| match obj.get(k) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => nonempty(Some(s.clone())),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            notes.push(format!("'{k}' is {}, not a string: ignored", kind(other)));
            None
        }
    };
    let meta = UnitMeta {
        url: field("url"),
        outlet: field("outlet"),
        title: field("title"),
        lang: field("lang"),
        ..Default::default()
    };
    // a date of the wrong type is an error, as a string that is no date is: an article
    // dated wrongly would be counted on the wrong day
    let published = match obj.get("published") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => nonempty(Some(s.clone())),
        Some(other) => {
            return Err(ParseError(format!(
                "'published' is {}, not a date (expected \"YYYY-MM-DD\")",
                kind(other)
            )))
        }
    };
    if let Some(p) = &published {
        if crate::parse_date(p).is_none() {
            return Err(ParseError(format!(
                "'published' is not a date (expected YYYY-MM-DD): {p:?}"
            )));
        }
    }
    let body = |k: &str| match obj.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(nonempty(Some(s.clone()))),
        Some(other) => Err(ParseError(format!(
            "'{k}' is {}, not a string",
            kind(other)
        ))),
    };
    let (text, html) = (body("text")?, body("html")?);
    if text.is_none() && html.is_none() {
        return Err(ParseError("no 'text' or 'html' field with content".into()));
    }
    Ok(Line {
        meta: UnitMeta { published, ..meta },
        text,
        html,
        notes,
    })
}

pub fn parse(unit: &Unit, limits: &Limits) -> Result<Parsed, ParseError> {
    let line = read_line(&unit.bytes)?;
    let mut notes = line.notes;
    let line_meta = line.meta.or(&unit.meta);
    let doc = match (line.text, line.html) {
        (Some(text), _) => {
            let (published, published_basis) = meta_date(&line_meta);
            Document {
                url: line_meta.url.clone(),
                outlet: line_meta.outlet.clone(),
                published,
                published_basis,
                title: line_meta.title.clone(),
                lang: meta_lang(&line_meta),
                text,
            }
        }
        (None, Some(html)) => super::html::page(&html, &line_meta, limits, &mut notes)?,
        (None, None) => return Err(ParseError("no 'text' or 'html' field with content".into())),
    };
    Ok(Parsed {
        documents: vec![doc],
        warnings: notes,
    })
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
    fn metadata_of_the_wrong_type_is_ignored_with_a_note() {
        let p =
            line(r#"{"text":"Cuerpo.","outlet":["A","B"],"title":{"x":1},"lang":false}"#).unwrap();
        assert_eq!(p.documents[0].outlet, None);
        assert_eq!(
            p.warnings,
            [
                "'outlet' is an array, not a string: ignored",
                "'title' is an object, not a string: ignored",
                "'lang' is false, not a string: ignored"
            ]
        );
    }

    #[test]
    fn bad_lines() {
        assert_eq!(
            line("this is not json").unwrap_err().0,
            "not JSON at column 2: expected ident"
        );
        // the column within the line, never serde_json's "line 1"
        let e = line(r#"{"text": broken}"#).unwrap_err().0;
        assert_eq!(e, "not JSON at column 10: expected value");
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
        assert_eq!(
            line(r#"{"text":"x","published":true}"#).unwrap_err().0,
            r#"'published' is true, not a date (expected "YYYY-MM-DD")"#
        );
        assert_eq!(
            line(r#"{"text":["x"]}"#).unwrap_err().0,
            "'text' is an array, not a string"
        );
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(line(&deep).unwrap_err().0.contains("recursion limit"));
    }
}
