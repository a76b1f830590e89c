//! Telling formats apart, by file name first and by content when the name says nothing or
//! when the content contradicts it in a way that matters (a binary file named `.html`).

use sw_model::Format;

/// The format a name and the first bytes suggest; `None` when nothing fits (a folder walk
/// then skips the file and says so).
pub fn detect_format(name: &str, head: &[u8]) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    let by_name =
        if lower.ends_with(".warc") || lower.ends_with(".warc.gz") || lower.ends_with(".arc.gz") {
            Some(Format::Warc)
        } else if lower.ends_with(".jsonl")
            || lower.ends_with(".ndjson")
            || lower.ends_with(".jsonl.gz")
        {
            Some(Format::Jsonl)
        } else if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            Some(Format::Html)
        } else if lower.ends_with(".rss")
            || lower.ends_with(".atom")
            || lower.ends_with(".xml")
            || lower.ends_with(".feed")
        {
            Some(Format::Feed)
        } else if lower.ends_with(".txt") || lower.ends_with(".text") {
            Some(Format::Text)
        } else if lower.ends_with(".json") {
            // a JSON Feed is one object; anything else in .json is not an article input
            return sniff(head).filter(|f| *f == Format::Feed);
        } else {
            None
        };
    by_name.or_else(|| sniff(head))
}

/// Guesses a format from the first bytes alone.
pub fn sniff(head: &[u8]) -> Option<Format> {
    if head.starts_with(&[0x1f, 0x8b]) {
        // gzip: the only compressed input we read is a WARC
        return Some(Format::Warc);
    }
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let s = &head[start..head.len().min(start + 1024)];
    let lower: Vec<u8> = s.to_ascii_lowercase();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if s.starts_with(b"WARC/") {
        Some(Format::Warc)
    } else if s.starts_with(b"{") {
        if has(b"jsonfeed.org/version") {
            Some(Format::Feed)
        } else {
            Some(Format::Jsonl)
        }
    } else if s.starts_with(b"<") {
        // an XML document that is not XHTML is read as a feed
        if has(b"<rss")
            || has(b"<feed")
            || has(b"<rdf:rdf")
            || (lower.starts_with(b"<?xml") && !has(b"<html"))
        {
            Some(Format::Feed)
        } else {
            Some(Format::Html)
        }
    } else if s.is_empty() || looks_binary(head) {
        None
    } else {
        Some(Format::Text)
    }
}

/// True when the bytes are not text in any encoding we read: NUL bytes (outside UTF-16 with
/// a BOM) or a high share of control characters in the first 8 KiB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_name_and_by_content() {
        assert_eq!(detect_format("a.HTML", b"anything"), Some(Format::Html));
        assert_eq!(detect_format("x.warc.gz", b""), Some(Format::Warc));
        assert_eq!(
            detect_format("noext", b"  <?xml version='1.0'?><rss>"),
            Some(Format::Feed)
        );
        assert_eq!(
            detect_format("noext", b"<!doctype html><html>"),
            Some(Format::Html)
        );
        assert_eq!(detect_format("noext", b"{\"url\": 1}"), Some(Format::Jsonl));
        assert_eq!(
            detect_format(
                "feed.json",
                b"{\"version\":\"https://jsonfeed.org/version/1.1\"}"
            ),
            Some(Format::Feed)
        );
        assert_eq!(detect_format("MANIFEST.json", b"[{\"file\": 1}]"), None);
        assert_eq!(
            detect_format("noext", b"Plain words here."),
            Some(Format::Text)
        );
        assert_eq!(detect_format("README.md", b"# Title"), Some(Format::Text));
        assert_eq!(
            detect_format("photo", &[0x89, b'P', b'N', b'G', 0, 0, 0, 1]),
            None
        );
    }

    #[test]
    fn binary_sniffing() {
        assert!(looks_binary(&[
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0
        ]));
        assert!(!looks_binary("texto en español".as_bytes()));
        assert!(!looks_binary(&[0xFF, 0xFE, b'a', 0]));
        assert!(!looks_binary(b""));
    }
}
