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

/// The kind of binary file the first bytes announce (PNG, JPEG, PDF, ZIP...), whatever the
/// file is named: such a file is never an article, even when most of its bytes happen to be
/// ASCII (a crafted PNG named `.html` would otherwise pass the control-character test of
/// [`looks_binary`]). Gzip is not listed: a gzip WARC or JSONL file is read.
pub fn binary_kind(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an office document)"),
        (b"PK\x05\x06", "a ZIP archive (or an office document)"),
        (b"\x7fELF", "an executable"),
        (b"BZh", "a bzip2 archive"),
        (b"\xfd7zXZ\x00", "an xz archive"),
        (b"(\xb5/\xfd", "a zstd archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
        (b"OggS", "an Ogg media file"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"\x00asm", "a WebAssembly module"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        // "BZh" alone could begin a word: a bzip2 header goes on with a block size digit
        // and the block magic
        if *kind == "a bzip2 archive" && !head.get(3).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        return Some(kind);
    }
    let riff = |tag: &[u8]| head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == tag;
    if riff(b"WEBP") {
        Some("a WebP image")
    } else if riff(b"WAVE") || riff(b"AVI ") {
        Some("a media file")
    } else if head.len() >= 12 && &head[4..8] == b"ftyp" {
        Some("an MP4 or HEIF media file")
    } else {
        None
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
    fn magic_bytes_say_binary_whatever_the_rest() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(b"<html><body><p>mostly ascii</p></body></html>");
        assert!(!looks_binary(&png), "the case the magic check exists for");
        assert_eq!(binary_kind(&png), Some("a PNG image"));
        assert_eq!(binary_kind(b"%PDF-1.7\n"), Some("a PDF document"));
        assert_eq!(binary_kind(b"GIF89a...."), Some("a GIF image"));
        assert_eq!(binary_kind(b"\xff\xd8\xff\xe0"), Some("a JPEG image"));
        assert_eq!(
            binary_kind(b"PK\x03\x04rest"),
            Some("a ZIP archive (or an office document)")
        );
        assert_eq!(
            binary_kind(b"RIFF\x00\x00\x00\x00WEBPVP8 "),
            Some("a WebP image")
        );
        assert_eq!(binary_kind(b"BZh9"), Some("a bzip2 archive"));
        assert_eq!(binary_kind(b"BZhang was struck"), None);
        assert_eq!(binary_kind(&[0x1f, 0x8b, 8, 0]), None, "gzip is read");
        assert_eq!(binary_kind(b"<html>"), None);
        assert_eq!(binary_kind("Texto en español".as_bytes()), None);
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
