//! Feed lists: OPML (what feed readers import and export) read and written with quick-xml,
//! and plain lists of one URL a line.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};

/// The `xmlUrl` of every `outline` in an OPML document, in order; the error is one line.
pub fn read(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut urls = Vec::new();
    let mut saw_opml = false;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = e.local_name();
                if name.as_ref().eq_ignore_ascii_case(b"opml") {
                    saw_opml = true;
                }
                if name.as_ref().eq_ignore_ascii_case(b"outline") {
                    for a in e.attributes().flatten() {
                        if a.key.local_name().as_ref().eq_ignore_ascii_case(b"xmlurl") {
                            let v = a
                                .decoded_and_normalized_value(
                                    quick_xml::XmlVersion::default(),
                                    reader.decoder(),
                                )
                                .map_err(|e| format!("malformed OPML: {e}"))?;
                            if !v.trim().is_empty() {
                                urls.push(v.trim().to_string());
                            }
                        }
                    }
                }
            }
            Ok(Event::DocType(_)) => {
                return Err("malformed OPML: a document type declaration is refused".into())
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                return Err(format!(
                    "malformed OPML at byte {}: {e}",
                    reader.buffer_position()
                ))
            }
            _ => {}
        }
        buf.clear();
    }
    if !saw_opml {
        return Err("not an OPML document (no <opml> element)".into());
    }
    Ok(urls)
}

/// An OPML 2.0 document listing `urls` as RSS outlines.
pub fn write(urls: &[String]) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let ok = (|| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let mut opml = BytesStart::new("opml");
        opml.push_attribute(("version", "2.0"));
        w.write_event(Event::Start(opml))?;
        w.write_event(Event::Start(BytesStart::new("head")))?;
        w.create_element("title")
            .write_text_content(quick_xml::events::BytesText::new("strikewatch feeds"))?;
        w.write_event(Event::End(BytesEnd::new("head")))?;
        w.write_event(Event::Start(BytesStart::new("body")))?;
        for u in urls {
            let mut o = BytesStart::new("outline");
            o.push_attribute(("type", "rss"));
            o.push_attribute(("text", u.as_str()));
            o.push_attribute(("xmlUrl", u.as_str()));
            w.write_event(Event::Empty(o))?;
        }
        w.write_event(Event::End(BytesEnd::new("body")))?;
        w.write_event(Event::End(BytesEnd::new("opml")))?;
        Ok(())
    })();
    ok.expect("writing to memory does not fail");
    let mut s = String::from_utf8(w.into_inner()).expect("written from strings");
    s.push('\n');
    s
}

/// The URLs of a plain list: one a line, blank lines and `#` comments skipped.
pub fn read_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opml_round_trips_and_bad_documents_are_refused() {
        let urls = vec![
            "https://a.example/feed.xml".to_string(),
            "https://b.example/rss?x=1&y=2".to_string(),
        ];
        let doc = write(&urls);
        assert!(doc.contains("x=1&amp;y=2"), "{doc}");
        assert_eq!(read(doc.as_bytes()).unwrap(), urls);
        // nested categories, as readers export them
        let nested = br#"<?xml version="1.0"?><opml version="1.0"><body>
            <outline text="News"><outline text="A" xmlUrl="https://a.example/f"/></outline>
            <outline text="no feed"/></body></opml>"#;
        assert_eq!(read(nested).unwrap(), ["https://a.example/f"]);
        assert!(read(b"<rss></rss>").unwrap_err().contains("not an OPML"));
        assert!(read(b"<opml><body><outline xmlUrl=\"x</body>")
            .unwrap_err()
            .starts_with("malformed OPML"));
        assert!(read(b"<!DOCTYPE x [<!ENTITY a \"b\">]><opml/>")
            .unwrap_err()
            .contains("document type"));
        assert_eq!(
            read_list("# mine\nhttps://a.example/f\n\n  https://b.example/g  \n"),
            ["https://a.example/f", "https://b.example/g"]
        );
    }
}
