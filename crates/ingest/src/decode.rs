//! Bytes to text: byte-order marks, declared charsets (HTTP header, `<meta charset>`), then
//! UTF-8 if valid, or if mostly valid (a few stray bytes in UTF-8 text), then a statistical
//! guess (chardetng). Never fails: undecodable bytes become U+FFFD, and the caller is told
//! how the encoding was chosen and how many bytes were replaced.

use encoding_rs::Encoding;
use regex::bytes::Regex;

/// Decoded text, the encoding read, and how many input bytes could not be decoded and were
/// replaced by U+FFFD (counted for UTF-8, where it is cheap and where it matters: a note
/// tells the user the text was damaged rather than silently guessed).
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub replaced: usize,
}

impl Decoded {
    /// The note a parser attaches to its input when bytes were replaced.
    pub fn note(&self) -> Option<String> {
        (self.replaced > 0).then(|| {
            format!(
                "{} invalid {} byte{} replaced by U+FFFD",
                self.replaced,
                self.encoding.name(),
                if self.replaced == 1 { "" } else { "s" }
            )
        })
    }
}

/// Decodes `bytes`; `declared` is a charset label from outside the bytes (HTTP header).
/// HTML callers pass `sniff_meta = true` to honour `<meta charset>` in the first 2 KiB.
pub fn decode(bytes: &[u8], declared: Option<&str>, sniff_meta: bool) -> Decoded {
    let plain = |text: std::borrow::Cow<'_, str>, encoding| Decoded {
        text: text.into_owned(),
        encoding,
        replaced: 0,
    };
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        if enc == encoding_rs::UTF_8 {
            return utf8_lossy(&bytes[bom_len..]);
        }
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return plain(text, enc);
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
        if enc == encoding_rs::UTF_8 {
            return utf8_lossy(bytes);
        }
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return plain(text, enc);
    }
    let scan = scan_utf8(bytes);
    // UTF-8 with a few stray bytes (a cut multi-byte character, a byte of another encoding
    // pasted in) is still UTF-8: decoding it all as a legacy encoding would garble every
    // correct character ("dejó" -> "dejÃ³") to save a few broken ones. Legacy text read as
    // UTF-8 has almost no valid multi-byte sequences (one needs an accented capital right
    // before a curly quote or the like) and an invalid one per accented letter, so the
    // counts tell the two apart: at least one valid character per two invalid sequences.
    if scan.invalid_sequences == 0 || scan.multibyte_chars * 2 >= scan.invalid_sequences {
        return utf8_lossy(bytes);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    if enc == encoding_rs::UTF_8 {
        return utf8_lossy(bytes);
    }
    let (text, _) = enc.decode_without_bom_handling(bytes);
    plain(text, enc)
}

/// What a UTF-8 reading of some bytes finds.
struct Utf8Scan {
    /// Valid characters of two or more bytes.
    multibyte_chars: usize,
    /// Maximal invalid subsequences (each becomes one U+FFFD).
    invalid_sequences: usize,
    /// Bytes in them.
    invalid_bytes: usize,
}

fn scan_utf8(mut bytes: &[u8]) -> Utf8Scan {
    let mut scan = Utf8Scan {
        multibyte_chars: 0,
        invalid_sequences: 0,
        invalid_bytes: 0,
    };
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                scan.multibyte_chars += s.chars().filter(|c| c.len_utf8() > 1).count();
                return scan;
            }
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                // valid by construction
                let good = std::str::from_utf8(good).unwrap_or_default();
                scan.multibyte_chars += good.chars().filter(|c| c.len_utf8() > 1).count();
                let bad = e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                scan.invalid_sequences += 1;
                scan.invalid_bytes += bad;
                bytes = &bytes[e.valid_up_to() + bad..];
            }
        }
    }
}

/// UTF-8 with each invalid sequence replaced by U+FFFD, and the count of bytes replaced.
fn utf8_lossy(bytes: &[u8]) -> Decoded {
    let replaced = match std::str::from_utf8(bytes) {
        Ok(_) => 0,
        Err(_) => scan_utf8(bytes).invalid_bytes,
    };
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: encoding_rs::UTF_8,
        replaced,
    }
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
    // compiled once: building it took 5% of an HTML ingest's CPU when done per page
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)"#).expect("meta charset")
    });
    let cap = RE.captures(head)?;
    Some(String::from_utf8_lossy(&cap[1]).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Caribe".as_bytes());
        assert_eq!(decode(&b, None, false).text, "Caribe");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("sí".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16, None, false).text, "sí");
    }

    #[test]
    fn declared_latin1_in_meta_and_header() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Pac\xedfico, Bogot\xe1</body></html>";
        let d = decode(page, None, true);
        assert!(d.text.contains("Pacífico, Bogotá"), "{}", d.text);
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1252);
        let d = decode(b"Espa\xf1a", Some("text/plain; charset=ISO-8859-1"), false);
        assert_eq!(d.text, "España");
    }

    #[test]
    fn undeclared_legacy_text_is_guessed() {
        let text = "El ataque en el Caribe dejó tres muertos, según el Comando Sur. La embarcación navegaba en aguas internacionales cuando fue alcanzada.";
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let d = decode(&latin1, None, false);
        assert_eq!(d.text, text);
        assert_eq!(d.replaced, 0);
        // accented capitals before a curly quote make a valid UTF-8 pair by chance; the
        // rest of the text is still plainly Latin-1
        let mut tricky = latin1.to_vec();
        tricky.extend_from_slice(b" dijo \x93PER\xda\x94.");
        assert!(decode(&tricky, None, false).text.ends_with("dijo “PERÚ”."));
    }

    #[test]
    fn stray_bytes_in_utf8_are_replaced_locally() {
        let text = "El ataque en el Caribe dejó tres muertos, según el Comando Sur. La embarcación navegaba en aguas internacionales.";
        let mut one = text.as_bytes().to_vec();
        one.insert(20, 0xFF);
        let d = decode(&one, None, false);
        assert_eq!(d.encoding, encoding_rs::UTF_8);
        assert!(d.text.contains("dejó tres muertos, según"), "{}", d.text);
        assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
        assert_eq!(d.replaced, 1);
        assert_eq!(d.note().unwrap(), "1 invalid UTF-8 byte replaced by U+FFFD");
        // several stray bytes (and a character cut at the end) stay local too
        let mut several = Vec::new();
        for (i, word) in text.split(' ').enumerate() {
            several.extend_from_slice(word.as_bytes());
            several.push(b' ');
            if matches!(i, 1 | 4 | 9) {
                several.push([0xFE, 0x9D, 0xC0][i % 3]);
            }
        }
        several.extend_from_slice(&[0xE2, 0x80]);
        let d = decode(&several, None, false);
        assert!(d.text.contains("dejó tres muertos, según") && d.text.contains("embarcación"));
        assert_eq!(d.replaced, 5, "{}", d.text);
        // declared UTF-8 with a stray byte is counted as well
        let d = decode(&one, Some("text/html; charset=utf-8"), false);
        assert_eq!(d.replaced, 1);
        assert!(decode(text.as_bytes(), None, false).note().is_none());
    }
}
