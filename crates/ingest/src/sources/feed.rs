//! RSS 2.0, Atom and JSON Feed, by feed-rs: one article per item, the body from the item's
//! content, else its summary; with `--fetch-links`, from the page the item links to.

use sw_model::{Document, Lang, PublishedBasis};

use super::{meta_lang, nonempty};
use crate::decode::decode;
use crate::{Limits, ParseError, Parsed, Unit};

/// Refuses XML that declares entities: the only reason a news feed would is an
/// entity-expansion ("billion laughs") attack, and refusing costs nothing.
fn refuse_entities(bytes: &[u8]) -> Result<(), ParseError> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let has = |needle: &[u8]| {
        head.windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    };
    if has(b"<!ENTITY") {
        return Err(ParseError(
            "XML entity declarations are refused (possible entity-expansion attack)".into(),
        ));
    }
    Ok(())
}

/// Parses a feed's bytes (entity declarations refused); `watch` reads item links with it.
pub fn parse_feed(bytes: &[u8]) -> Result<feed_rs::model::Feed, ParseError> {
    refuse_entities(bytes)?;
    feed_rs::parser::parse(bytes).map_err(|e| ParseError(format!("malformed feed: {e}")))
}

/// The host of an http(s) URL, lowercased, without `www.`.
fn host_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// Letters and digits only, lowercased: "Harbor Ledger" and "harbor-ledger" compare equal.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The outlet's name in a feed's title. Feeds of one outlet's sections are titled with the
/// section beside the name ("Harbor Ledger - Americas", "World news | The Daily Wire",
/// "NYT > Americas"), and articles of one outlet must not be credited to several names (the
/// outlet filter, the counts of independent stories). The part kept is the one the site's
/// host names (its longest label, TLD aside: "harbor-ledger", "dailywire"), so that a
/// title whose separator is part of a name ("Ecos del Sur - Norte Chico Radio" on another
/// host) stays whole.
fn outlet_of_title(title: &str, host: Option<&str>) -> String {
    let title = title.trim();
    let Some(host) = host else {
        return title.to_string();
    };
    let labels: Vec<&str> = host.split('.').collect();
    let Some(key) = labels[..labels.len().saturating_sub(1)]
        .iter()
        .max_by_key(|l| l.len())
        .map(|l| squeeze(l))
        .filter(|k| k.len() >= 2)
    else {
        return title.to_string();
    };
    for sep in [" - ", " – ", " — ", " | ", " > ", ": ", " · "] {
        let Some((a, b)) = title.split_once(sep) else {
            continue;
        };
        for part in [a.trim(), b.trim()] {
            let p = squeeze(part);
            if p.len() >= 2
                && (p.contains(&key) || key.starts_with(&p) || (key.contains(&p) && p.len() >= 4))
            {
                return part.to_string();
            }
        }
    }
    title.to_string()
}

pub fn parse(unit: &Unit, limits: &Limits) -> Result<Parsed, ParseError> {
    if unit.bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ParseError("empty input (no feed content)".into()));
    }
    let feed = parse_feed(&unit.bytes)?;
    // the site the feed belongs to: its home page, else the feed's own address
    let site = feed
        .links
        .iter()
        .map(|l| l.href.as_str())
        .chain(unit.meta.url.as_deref())
        .find_map(host_of);
    let outlet = nonempty(unit.meta.outlet.clone()).or_else(|| {
        nonempty(feed.title.as_ref().map(|t| t.content.clone()))
            .map(|t| outlet_of_title(&t, site.as_deref()))
    });
    let feed_lang = meta_lang(&unit.meta).or_else(|| feed.language.as_deref().map(Lang::parse));
    let mut parsed = Parsed::default();
    if feed.entries.is_empty() {
        return Err(ParseError("feed has no items".into()));
    }
    // Entries are consumed as they become documents, so that a big feed's parsed model
    // (several times its raw bytes) and its documents are not all held at once.
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let link = entry.links.first().map(|l| l.href.clone());
        let title = entry.title.as_ref().map(|t| decode_entities(&t.content));
        let linked = link
            .as_ref()
            .and_then(|l| unit.meta.linked_pages.iter().find(|(u, _)| u == l))
            .map(|(_, html)| html.clone());
        let body = if let Some(html) = linked {
            let meta = crate::UnitMeta {
                url: link.clone(),
                outlet: outlet.clone(),
                title: title.clone(),
                ..Default::default()
            };
            let mut notes = Vec::new();
            match super::html::page(&html, &meta, limits, &mut notes) {
                Ok(doc) => {
                    let item = format!("item {i}: linked page: ");
                    parsed
                        .warnings
                        .extend(notes.into_iter().map(|n| format!("{item}{n}")));
                    Some(doc.text)
                }
                Err(e) => {
                    parsed.warnings.push(format!(
                        "item {i}: linked page unreadable ({e}); using the item's summary"
                    ));
                    None
                }
            }
        } else {
            None
        };
        let body = match body {
            Some(b) => b,
            None => {
                let raw = entry
                    .content
                    .as_ref()
                    .and_then(|c| c.body.clone())
                    .filter(|b| !b.trim().is_empty())
                    .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
                match raw {
                    Some(r) => match super::html::fragment_text(&r, limits) {
                        Ok(t) => t,
                        Err(e) => {
                            parsed.warnings.push(format!("item {i}: {e}"));
                            continue;
                        }
                    },
                    None => String::new(),
                }
            }
        };
        if body.trim().is_empty() {
            parsed.warnings.push(format!(
                "item {i} ({}) has no text",
                title.clone().unwrap_or_else(|| "untitled".into())
            ));
            continue;
        }
        let published = entry.published.or(entry.updated).map(|d| d.date_naive());
        parsed.documents.push(Document {
            url: link,
            outlet: outlet.clone(),
            published,
            published_basis: if published.is_some() {
                PublishedBasis::Feed
            } else {
                PublishedBasis::None
            },
            title,
            lang: entry.language.as_deref().map(Lang::parse).or(feed_lang),
            text: body,
        });
    }
    if parsed.documents.is_empty() {
        return Err(ParseError(format!(
            "no item has any text ({})",
            parsed.warnings.join("; ")
        )));
    }
    Ok(parsed)
}

/// Titles sometimes arrive with HTML entities still in them.
fn decode_entities(s: &str) -> String {
    if s.contains('&') || s.contains('<') {
        let t = decode(
            trafilatura::html2txt(&format!("<html><body><p>{s}</p></body></html>")).as_bytes(),
            None,
            false,
        )
        .text;
        let t = t.trim().to_string();
        if !t.is_empty() {
            return t;
        }
    }
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UnitMeta;
    use sw_model::Format;

    fn unit(s: &str) -> Unit {
        Unit {
            locator: "f.xml".into(),
            format: Format::Feed,
            bytes: s.as_bytes().to_vec(),
            meta: UnitMeta::default(),
        }
    }

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbor Ledger</title><language>en</language>
<item><title>Boat struck</title><link>https://h.example/1</link><pubDate>Fri, 03 Oct 2025 14:00:00 GMT</pubDate><description>short</description><content:encoded><![CDATA[<p>Forces struck a boat and four people were killed, the command said.</p>]]></content:encoded></item>
<item><title>Senate vote</title><link>https://h.example/2</link><pubDate>Wed, 08 Oct 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;The Senate voted on a war powers measure.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://h.example/3</link></item>
</channel></rss>"#;

    #[test]
    fn a_feed_title_with_a_section_names_the_outlet_its_site_names() {
        use super::outlet_of_title as o;
        let cases = [
            (
                "Harbor Ledger - Americas",
                Some("harbor-ledger.example"),
                "Harbor Ledger",
            ),
            (
                "La Gaceta Austral – Mundo",
                Some("gaceta-austral.example"),
                "La Gaceta Austral",
            ),
            (
                "World news | The Daily Wire",
                Some("dailywire.example"),
                "The Daily Wire",
            ),
            ("NYT > Americas", Some("nytimes.example"), "NYT"),
            ("BBC News - World", Some("bbc.co.uk"), "BBC News"),
            (
                "Seguridad: Diario del Valle",
                Some("diariodelvalle.example"),
                "Diario del Valle",
            ),
            // the separator is part of the name: neither side is the site's
            (
                "Ecos del Sur - Norte Chico Radio",
                Some("radio-andina.example"),
                "Ecos del Sur - Norte Chico Radio",
            ),
            // no site to tell by, or no separator: the title as it is
            ("Harbor Ledger - Americas", None, "Harbor Ledger - Americas"),
            (
                "Meridian Post",
                Some("meridian-post.example"),
                "Meridian Post",
            ),
        ];
        for (title, host, want) in cases {
            assert_eq!(o(title, host), want, "{title} on {host:?}");
        }
        // the feed's home page names the site
        let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coastline Wire - Security</title><id>x</id><link rel="alternate" href="https://www.coastline-wire.example/security/"/><updated>2025-10-03T10:00:00Z</updated><entry><title>Boat struck</title><id>1</id><link href="https://coastline-wire.example/a/1"/><updated>2025-10-03T10:00:00Z</updated><content type="html">&lt;p&gt;A strike on a boat killed two people, officials said.&lt;/p&gt;</content></entry></feed>"#;
        let p = parse(&unit(atom), &Limits::default()).unwrap();
        assert_eq!(p.documents[0].outlet.as_deref(), Some("Coastline Wire"));
    }

    #[test]
    fn rss_items_become_articles_and_empty_items_are_reported() {
        let p = parse(&unit(RSS), &Limits::default()).unwrap();
        assert_eq!(p.documents.len(), 2);
        let d = &p.documents[0];
        assert!(d.text.contains("four people were killed"), "{}", d.text);
        assert_eq!(d.outlet.as_deref(), Some("Harbor Ledger"));
        assert_eq!(d.published.unwrap().to_string(), "2025-10-03");
        assert_eq!(d.lang, Some(Lang::En));
        assert!(p.documents[1].text.contains("war powers"));
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("item 2"));
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es"><title>Gaceta</title><id>urn:x</id><updated>2025-10-20T00:00:00Z</updated>
<entry><title>Ataque</title><id>urn:1</id><link href="https://g.example/1"/><published>2025-10-19T12:00:00Z</published><updated>2025-10-19T12:00:00Z</updated><content type="html">&lt;p&gt;Un ataque dejó tres muertos.&lt;/p&gt;</content></entry></feed>"#;
        let p = parse(&unit(atom), &Limits::default()).unwrap();
        assert_eq!(p.documents[0].text.trim(), "Un ataque dejó tres muertos.");
        assert_eq!(p.documents[0].url.as_deref(), Some("https://g.example/1"));
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Meridian","items":[{"id":"1","url":"https://m.example/1","title":"T","date_published":"2025-12-15T10:00:00Z","content_text":"Three boats were struck."}]}"#;
        let p = parse(&unit(json), &Limits::default()).unwrap();
        assert_eq!(p.documents[0].text, "Three boats were struck.");
        assert_eq!(p.documents[0].published.unwrap().to_string(), "2025-12-15");
    }

    #[test]
    fn hostile_and_broken_feeds() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>"#;
        assert!(parse(&unit(bomb), &Limits::default())
            .unwrap_err()
            .0
            .contains("entity declarations are refused"));
        assert!(parse(
            &unit("<rss><channel><item><title>cut off"),
            &Limits::default()
        )
        .unwrap_err()
        .0
        .starts_with("malformed feed"));
        assert!(parse(&unit("   "), &Limits::default())
            .unwrap_err()
            .0
            .starts_with("empty input"));
        assert!(parse(
            &unit(r#"<rss version="2.0"><channel><title>x</title></channel></rss>"#),
            &Limits::default()
        )
        .unwrap_err()
        .0
        .contains("no items"));
    }
}
