//! HTML pages: the article body, title, publication date, outlet and language from the page
//! itself, by trafilatura (a port of the trafilatura extractor; never a home-made boilerplate
//! remover). Values given on the command line or by the container (WARC, feed) win over the
//! page's own.

use sw_model::{Document, Lang, PublishedBasis};

use super::{meta_date, meta_lang, nonempty};
use crate::decode::decode;
use crate::detect::looks_binary;
use crate::{Limits, ParseError, Parsed, Unit, UnitMeta};

/// Most DOM nodes trafilatura is allowed to build for one page.
const MAX_TREE: usize = 500_000;

/// Most bytes of decoded HTML handed to the extractor. Its trees and the copies it makes
/// while scoring cost about 30 times the page (a 16 MiB page peaked at 495 MiB), so the
/// page is cut here, at a tag boundary, with a note: a news article's body is in its first
/// megabytes, and what follows in a page this size is scripts, comments and lists.
pub const MAX_PAGE_PARSED: usize = 4 * 1024 * 1024;

/// The part of `html` the extractor reads, and a note when it was cut.
fn bounded(html: &str) -> (&str, Option<String>) {
    if html.len() <= MAX_PAGE_PARSED {
        return (html, None);
    }
    // '<' is ASCII, so the cut is on a character boundary and before a tag
    let cut = html[..MAX_PAGE_PARSED].rfind('<').unwrap_or_else(|| {
        (0..=MAX_PAGE_PARSED)
            .rev()
            .find(|&i| html.is_char_boundary(i))
            .unwrap_or(0)
    });
    let note = format!(
        "page of {} bytes: only its first {} bytes are read for the article",
        html.len(),
        cut
    );
    (&html[..cut], Some(note))
}

pub fn parse(unit: &Unit, limits: &Limits) -> Result<Parsed, ParseError> {
    if unit.bytes.is_empty() {
        return Err(ParseError("empty input (0 bytes)".into()));
    }
    if looks_binary(&unit.bytes) {
        return Err(ParseError("binary content, not HTML".into()));
    }
    let decoded = decode(&unit.bytes, unit.meta.content_type.as_deref(), true);
    let mut warnings: Vec<String> = decoded.note().into_iter().collect();
    let doc = page(&decoded.text, &unit.meta, limits, &mut warnings)?;
    Ok(Parsed {
        documents: vec![doc],
        warnings,
    })
}

/// Extracts one article from a decoded page; a page over [`MAX_PAGE_PARSED`] is read up to
/// there, with a note in `notes`.
pub(crate) fn page(
    html: &str,
    meta: &UnitMeta,
    limits: &Limits,
    notes: &mut Vec<String>,
) -> Result<Document, ParseError> {
    let (html, cut) = bounded(html);
    notes.extend(cut);
    let depth = nesting_depth(html.as_bytes(), limits.max_depth);
    if depth > limits.max_depth {
        return Err(ParseError(format!(
            "HTML nested more than {} elements deep (limit --max-depth {})",
            limits.max_depth, limits.max_depth
        )));
    }
    let opts = trafilatura::Options::default()
        .with_fallback(true)
        .with_exclude_comments(true)
        .with_max_tree_size(MAX_TREE);
    let (text, page_meta) = match trafilatura::extract(html, &opts) {
        Ok(r) if !r.content_text.trim().is_empty() => (
            block_text(&r.content_html, &r.content_text),
            Some(r.metadata),
        ),
        Ok(r) => (trafilatura::html2txt(html), Some(r.metadata)),
        Err(trafilatura::TrafilaturaError::TreeTooLarge(_)) => {
            return Err(ParseError(format!(
                "page has more than {MAX_TREE} elements"
            )))
        }
        Err(_) => (trafilatura::html2txt(html), None),
    };
    if text.trim().is_empty() {
        return Err(ParseError("no article text found in the page".into()));
    }
    let pm = page_meta.unwrap_or_default();
    let (mut published, mut basis) = meta_date(meta);
    if basis == PublishedBasis::None || basis == PublishedBasis::Capture {
        if let Some(d) = pm.date {
            published = Some(d);
            basis = PublishedBasis::Page;
        }
    }
    let lang = meta_lang(meta).or_else(|| {
        let l = Lang::parse(&pm.language);
        (l != Lang::Other).then_some(l)
    });
    Ok(Document {
        url: nonempty(meta.url.clone()).or_else(|| nonempty(Some(pm.url.clone()))),
        outlet: nonempty(meta.outlet.clone())
            .or_else(|| nonempty(Some(pm.sitename.clone())))
            .or_else(|| nonempty(Some(pm.hostname.clone()))),
        published,
        published_basis: basis,
        title: nonempty(meta.title.clone()).or_else(|| nonempty(Some(pm.title.clone()))),
        lang,
        text,
    })
}

/// Turns an HTML fragment (a feed item's content, a JSONL `html` field) into text.
pub fn fragment_text(html: &str, limits: &Limits) -> Result<String, ParseError> {
    if nesting_depth(html.as_bytes(), limits.max_depth) > limits.max_depth {
        return Err(ParseError(format!(
            "HTML nested more than {} elements deep",
            limits.max_depth
        )));
    }
    if !html.contains('<') {
        return Ok(html.to_string());
    }
    let wrapped = format!("<html><body><article>{html}</article></body></html>");
    let opts = trafilatura::Options::default()
        .with_fallback(true)
        .with_max_tree_size(MAX_TREE);
    let text = match trafilatura::extract(&wrapped, &opts) {
        Ok(r) if !r.content_text.trim().is_empty() => block_text(&r.content_html, &r.content_text),
        _ => trafilatura::html2txt(&wrapped),
    };
    Ok(text)
}

/// The text of trafilatura's cleaned article HTML with paragraph breaks kept: its own
/// `content_text` joins paragraphs with spaces, which glues a headline to the first sentence
/// and hides paragraph structure from sentence segmentation. Falls back to `flat` if the
/// fragment yields nothing.
fn block_text(content_html: &str, flat: &str) -> String {
    use scraper::node::Node;
    const BLOCKS: &[&str] = &[
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "table",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "dl",
        "dt",
        "dd",
        "head",
        "title",
    ];
    let frag = scraper::Html::parse_fragment(content_html);
    let mut out = String::with_capacity(content_html.len());
    for edge in frag.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if e.name() == "br" => out.push('\n'),
                Node::Element(e) if BLOCKS.contains(&e.name()) => out.push_str("\n\n"),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if BLOCKS.contains(&e.name()) {
                        out.push_str("\n\n");
                    }
                }
            }
        }
    }
    if out.trim().is_empty() {
        flat.to_string()
    } else {
        out
    }
}

/// An upper bound on element nesting, found with a cheap scan before any parser sees the
/// page, so that a hostile page cannot drive a recursive tree walk off the stack. Elements
/// whose end tag is optional (p, li, td...) or that never have one (br, img...) do not
/// count, so ordinary sloppy HTML is not mistaken for deep nesting. Stops once past `limit`.
pub fn nesting_depth(html: &[u8], limit: usize) -> usize {
    const FLAT: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"source",
        b"track",
        b"wbr",
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"tr",
        b"td",
        b"th",
        b"option",
        b"optgroup",
        b"thead",
        b"tbody",
        b"tfoot",
        b"colgroup",
        b"rt",
        b"rp",
        b"caption",
        b"html",
        b"head",
        b"body",
        b"!doctype",
        b"param",
        b"keygen",
        b"basefont",
        b"frame",
    ];
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut i = 0usize;
    let n = html.len();
    while i < n {
        if html[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with(b"<!--") {
            i = find(html, i + 4, b"-->").map_or(n, |j| j + 3);
            continue;
        }
        let closing = html.get(i + 1) == Some(&b'/');
        let start = i + 1 + usize::from(closing);
        let mut j = start;
        while j < n && (html[j].is_ascii_alphanumeric() || html[j] == b'!' || html[j] == b'-') {
            j += 1;
        }
        if j == start {
            i += 1;
            continue;
        }
        let name = html[start..j].to_ascii_lowercase();
        let end = html[j..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(n, |k| j + k);
        let self_closing = end > 0 && end < n && html[end - 1] == b'/';
        if closing {
            if !FLAT.contains(&name.as_slice()) {
                depth = depth.saturating_sub(1);
            }
        } else if !self_closing && !FLAT.contains(&name.as_slice()) {
            depth += 1;
            max = max.max(depth);
            if max > limit {
                return max;
            }
            // raw-text elements: skip to their end tag so markup inside is not counted
            if name == b"script" || name == b"style" || name == b"textarea" {
                let close = [b"</".as_slice(), name.as_slice()].concat();
                let lower_from = end.min(n);
                i = find_ci(html, lower_from, &close).unwrap_or(n);
                continue;
            }
        }
        i = end + 1;
    }
    max
}

fn find(h: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    h.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci(h: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    h.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sw_model::Format;

    fn unit(html: &str) -> Unit {
        Unit {
            locator: "p.html".into(),
            format: Format::Html,
            bytes: html.as_bytes().to_vec(),
            meta: UnitMeta::default(),
        }
    }

    const PAGE: &str = r#"<!doctype html><html lang="en"><head><title>Boat struck off the coast | Harbor Ledger</title>
<meta property="og:title" content="Boat struck off the coast">
<meta property="og:site_name" content="Harbor Ledger">
<meta property="article:published_time" content="2025-10-03T14:00:00Z">
<link rel="canonical" href="https://harbor-ledger.example/boat"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Boat struck off the coast</h1>
<p>Forces struck a small boat in the southern Caribbean on Friday, the regional command said in a statement, adding that four men aboard were killed.</p>
<p>The command said the vessel was carrying narcotics along a known route and that no service members were hurt in the operation.</p>
<p>Neighbouring governments asked for details about the identities of the dead and about the legal basis for the attack.</p></article>
<aside><h3>Related</h3><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside>
<footer>Copyright 2025 Harbor Ledger. All rights reserved.</footer></body></html>"#;

    #[test]
    fn body_and_metadata_from_the_page() {
        let d = &parse(&unit(PAGE), &Limits::default()).unwrap().documents[0];
        assert!(d.text.contains("four men aboard were killed"), "{}", d.text);
        assert!(bounded(PAGE).1.is_none());
        // paragraphs stay apart: the headline is not glued to the first sentence
        assert!(
            d.text.contains("Boat struck off the coast\n"),
            "{:?}",
            d.text
        );
        assert!(
            d.text
                .contains("said in a statement, adding that four men aboard were killed.\n"),
            "{:?}",
            d.text
        );
        assert!(!d.text.contains("Other story one"), "{}", d.text);
        assert!(!d.text.contains("All rights reserved"), "{}", d.text);
        assert_eq!(d.outlet.as_deref(), Some("Harbor Ledger"));
        assert_eq!(d.title.as_deref(), Some("Boat struck off the coast"));
        assert_eq!(d.published.unwrap().to_string(), "2025-10-03");
        assert_eq!(d.published_basis, PublishedBasis::Page);
        assert_eq!(d.url.as_deref(), Some("https://harbor-ledger.example/boat"));
    }

    #[test]
    fn a_huge_page_is_read_up_to_the_cap_with_a_note() {
        let para =
            "<p>Forces struck a small boat in the southern Caribbean, the command said.</p>\n";
        let body = para.repeat(MAX_PAGE_PARSED / para.len() + 100);
        let html = format!("<html><body><article>{body}</article></body></html>");
        let (kept, note) = bounded(&html);
        assert!(
            kept.len() <= MAX_PAGE_PARSED && kept.ends_with("</p>\n"),
            "{}",
            &kept[kept.len() - 20..]
        );
        assert!(note
            .unwrap()
            .starts_with(&format!("page of {} bytes: only its first", html.len())));
        let p = parse(&unit(&html), &Limits::default()).unwrap();
        assert!(p.documents[0].text.contains("southern Caribbean"));
        assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    }

    #[test]
    fn given_metadata_wins_over_the_page() {
        let mut u = unit(PAGE);
        u.meta.outlet = Some("Given Outlet".into());
        u.meta.published = Some("2025-10-04".into());
        let d = &parse(&u, &Limits::default()).unwrap().documents[0];
        assert_eq!(d.outlet.as_deref(), Some("Given Outlet"));
        assert_eq!(d.published.unwrap().to_string(), "2025-10-04");
        assert_eq!(d.published_basis, PublishedBasis::Metadata);
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let err = parse(&unit(&deep), &Limits::default()).unwrap_err();
        assert!(err.0.contains("nested more than"), "{}", err.0);
    }

    #[test]
    fn sloppy_but_shallow_html_is_not_deep() {
        let sloppy = format!(
            "<ul>{}</ul><table>{}</table>",
            "<li>item".repeat(2000),
            "<tr><td>x".repeat(2000)
        );
        assert!(nesting_depth(sloppy.as_bytes(), 256) <= 3);
        let script = format!("<script>{}</script><div></div>", "<div>".repeat(5000));
        assert_eq!(nesting_depth(script.as_bytes(), 256), 1);
    }

    #[test]
    fn binary_and_empty_pages_fail_clearly() {
        assert_eq!(
            parse(&unit(""), &Limits::default()).unwrap_err().0,
            "empty input (0 bytes)"
        );
        let bin = Unit {
            bytes: vec![0x89, b'P', b'N', b'G', 0, 0, 0, 0x0d],
            ..unit("")
        };
        assert_eq!(
            parse(&bin, &Limits::default()).unwrap_err().0,
            "binary content, not HTML"
        );
        assert_eq!(
            parse(
                &unit("<html><body><script>var x = 1;</script></body></html>"),
                &Limits::default()
            )
            .unwrap_err()
            .0,
            "no article text found in the page"
        );
    }
}
