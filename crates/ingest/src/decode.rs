//! Bytes to text: byte-order marks, declared charsets (HTTP header, `<meta charset>`), then
//! UTF-8 if valid, then a statistical guess (chardetng). Never fails: undecodable bytes become
//! U+FFFD, and the caller is told how the encoding was chosen.

use encoding_rs::Encoding;
use regex::bytes::Regex;

/// Decodes `bytes`; `declared` is a charset label from outside the bytes (HTTP header).
/// HTML callers pass `sniff_meta = true` to honour `<meta charset>` in the first 2 KiB.
pub fn decode(
    bytes: &[u8],
    declared: Option<&str>,
    sniff_meta: bool,
) -> (String, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc);
    }
    let label = declared.and_then(charset_from_content_type).or_else(|| {
        if sniff_meta {
            meta_charset(bytes)
        } else {
            None
        }
    });
    if let Some(enc) = label.and_then(|l| Encoding::for_label(l.as_bytes())) {
        // a page that says UTF-16 in ASCII is lying about itself; HTML's rule is UTF-8 then
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            enc
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), enc);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), encoding_rs::UTF_8);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc)
}

fn charset_from_content_type(ct: &str) -> Option<String> {
    let lower = ct.to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let v = &ct[at + 8..];
    let v = v.trim_start_matches(['"', '\'']);
    let end = v.find(['"', '\'', ';', ' ']).unwrap_or(v.len());
    Some(v[..end].to_string()).filter(|s| !s.is_empty())
}

fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let re =
        Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)"#).expect("meta charset");
    let cap = re.captures(head)?;
    Some(String::from_utf8_lossy(&cap[1]).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Caribe".as_bytes());
        assert_eq!(decode(&b, None, false).0, "Caribe");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("sí".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16, None, false).0, "sí");
    }

    #[test]
    fn declared_latin1_in_meta_and_header() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Pac\xedfico, Bogot\xe1</body></html>";
        let (t, enc) = decode(page, None, true);
        assert!(t.contains("Pacífico, Bogotá"), "{t}");
        assert_eq!(enc, encoding_rs::WINDOWS_1252);
        let (t, _) = decode(b"Espa\xf1a", Some("text/plain; charset=ISO-8859-1"), false);
        assert_eq!(t, "España");
    }

    #[test]
    fn undeclared_legacy_text_is_guessed() {
        let text = "El ataque en el Caribe dejó tres muertos, según el Comando Sur. La embarcación navegaba en aguas internacionales cuando fue alcanzada.";
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert_eq!(decode(&latin1, None, false).0, text);
    }
}
