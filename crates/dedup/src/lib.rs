//! Near-duplicate detection: MinHash signatures over word shingles, and LSH band keys so that
//! a store can find candidate copies with an index lookup instead of comparing every pair.
//!
//! Syndicated wire copy reaches us many times with a changed headline or an extra sentence;
//! such copies must form one *story* so they count once as corroboration. Cost per article is
//! linear in its length; finding candidates is one lookup per band, whatever the corpus size.
//!
//! The hash functions are fixed here (FNV-1a with a SplitMix64 finaliser and constant
//! permutation seeds), never `std`'s `DefaultHasher`, because signatures are stored and must
//! compare equal across builds and Rust versions.
//!
//! ```
//! use sw_dedup::{Signature, DEFAULT_THRESHOLD};
//! let a = Signature::of("the navy struck a small boat in the caribbean on tuesday killing three people aboard it");
//! let b = Signature::of("the navy struck a small boat in the caribbean on tuesday killing three people aboard it, officials said");
//! assert!(a.similarity(&b) >= DEFAULT_THRESHOLD);
//! let c = Signature::of("lawmakers debated a war powers resolution on thursday and voted it down by a narrow margin");
//! assert!(a.similarity(&c) < 0.2);
//! ```

/// Number of hash permutations in a signature.
pub const PERMUTATIONS: usize = 128;
/// LSH bands; `BANDS * ROWS == PERMUTATIONS`. With 16 bands of 8 rows, a pair at Jaccard 0.8
/// becomes a candidate with probability ~0.95 and a pair at 0.5 with probability ~0.06.
pub const BANDS: usize = 16;
pub const ROWS: usize = PERMUTATIONS / BANDS;
/// Words per shingle.
pub const SHINGLE: usize = 5;
/// The estimated Jaccard similarity at or above which two texts are copies of one story.
pub const DEFAULT_THRESHOLD: f64 = 0.8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(pub [u32; PERMUTATIONS]);

fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn permutation(i: usize) -> (u64, u64) {
    let a = splitmix(0xA5A5_0000 + i as u64 * 2) | 1;
    let b = splitmix(0x5A5A_0000 + i as u64 * 2 + 1);
    (a, b)
}

/// The permutation constants, computed once.
struct Permutations {
    a: [u64; PERMUTATIONS],
    b: [u64; PERMUTATIONS],
}

fn permutations() -> &'static Permutations {
    static P: std::sync::OnceLock<Permutations> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let mut p = Permutations {
            a: [0; PERMUTATIONS],
            b: [0; PERMUTATIONS],
        };
        for i in 0..PERMUTATIONS {
            (p.a[i], p.b[i]) = permutation(i);
        }
        p
    })
}

/// Lower-cased words of `text` (maximal runs of alphanumeric characters), appended to `out`
/// back to back; `ends` receives the end offset of each. ASCII words are lower-cased byte by
/// byte; others go through `str::to_lowercase`, so the bytes are those of
/// `word.to_lowercase()` in every case.
fn lowercase_words(text: &str, out: &mut Vec<u8>, ends: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut start: Option<usize> = None;
    let mut ascii = true;
    let flush = |s: usize, e: usize, ascii: bool, out: &mut Vec<u8>, ends: &mut Vec<usize>| {
        let w = &text[s..e];
        if ascii {
            out.extend(w.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            out.extend_from_slice(w.to_lowercase().as_bytes());
        }
        ends.push(out.len());
    };
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alnum {
            if start.is_none() {
                start = Some(i);
                ascii = true;
            }
            ascii &= b < 0x80;
        } else if let Some(s) = start.take() {
            flush(s, i, ascii, out, ends);
        }
        i += len;
    }
    if let Some(s) = start {
        flush(s, bytes.len(), ascii, out, ends);
    }
}

/// The minimum of every permutation over the shingle hashes. The loop is the same on every
/// machine; where the CPU has wide vector units it is compiled for them (chosen at run time),
/// which gives the same values several times faster.
fn min_hashes(p: &Permutations, shingles: &[u64], mins: &mut [u32; PERMUTATIONS]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512dq")
            && std::arch::is_x86_feature_detected!("avx512vl")
        {
            // SAFETY: the CPU supports the features the function is compiled for.
            unsafe { min_hashes_avx512(p, shingles, mins) };
            return;
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: as above.
            unsafe { min_hashes_avx2(p, shingles, mins) };
            return;
        }
    }
    min_hashes_generic(p, shingles, mins)
}

#[inline(always)]
fn min_hashes_generic(p: &Permutations, shingles: &[u64], mins: &mut [u32; PERMUTATIONS]) {
    for &h in shingles {
        for ((m, a), b) in mins.iter_mut().zip(&p.a).zip(&p.b) {
            let v = (a.wrapping_mul(h).wrapping_add(*b) >> 32) as u32;
            *m = (*m).min(v);
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
unsafe fn min_hashes_avx512(p: &Permutations, shingles: &[u64], mins: &mut [u32; PERMUTATIONS]) {
    min_hashes_generic(p, shingles, mins)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn min_hashes_avx2(p: &Permutations, shingles: &[u64], mins: &mut [u32; PERMUTATIONS]) {
    min_hashes_generic(p, shingles, mins)
}

impl Signature {
    /// The MinHash signature of `text`: lower-cased alphanumeric words, shingles of
    /// [`SHINGLE`] words (or all the words, if fewer).
    pub fn of(text: &str) -> Signature {
        let mut lower = Vec::with_capacity(text.len());
        let mut ends = Vec::with_capacity(text.len() / 4);
        lowercase_words(text, &mut lower, &mut ends);
        let width = SHINGLE.min(ends.len()).max(1);
        let count = ends.len().saturating_sub(width) + 1;
        let mut shingles = Vec::with_capacity(count);
        for start in 0..count {
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for w in start..(start + width).min(ends.len()) {
                let from = if w == 0 { 0 } else { ends[w - 1] };
                h = fnv1a(&lower[from..ends[w]], h);
                h = fnv1a(b" ", h);
            }
            shingles.push(splitmix(h));
        }
        let mut mins = [u32::MAX; PERMUTATIONS];
        min_hashes(permutations(), &shingles, &mut mins);
        Signature(mins)
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / PERMUTATIONS as f64
    }

    /// One key per band; two signatures that share any key are candidate copies.
    pub fn band_keys(&self) -> [i64; BANDS] {
        let mut keys = [0i64; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            let mut h = 0xcbf2_9ce4_8422_2325u64 ^ band as u64;
            for v in &self.0[band * ROWS..(band + 1) * ROWS] {
                h = fnv1a(&v.to_le_bytes(), h);
            }
            *key = splitmix(h) as i64;
        }
        keys
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Reads a signature written by [`Signature::to_bytes`]; `None` if the length is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != PERMUTATIONS * 4 {
            return None;
        }
        let mut out = [0u32; PERMUTATIONS];
        for (i, chunk) in bytes.chunks_exact(4).enumerate() {
            out[i] = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str =
        "Forces struck a small vessel in the eastern Pacific on Thursday, killing four men \
        aboard, according to a statement from the regional command. The command said the boat was \
        moving along a known trafficking route and that no American personnel were hurt. A search \
        for survivors was handed to the coast guard of a nearby country, which sent a patrol ship.";

    #[test]
    fn copy_with_small_edits_is_similar_and_shares_a_band() {
        let copy = format!("{BASE} The outlet could not verify the account independently.");
        let (a, b) = (Signature::of(BASE), Signature::of(&copy));
        assert!(
            a.similarity(&b) >= DEFAULT_THRESHOLD,
            "{}",
            a.similarity(&b)
        );
        let shared = a
            .band_keys()
            .iter()
            .zip(b.band_keys().iter())
            .filter(|(x, y)| x == y)
            .count();
        assert!(shared > 0);
    }

    #[test]
    fn different_stories_are_dissimilar() {
        let other =
            "The Senate voted on a measure that would have required approval from Congress \
            before further military action against the country, and it failed by two votes after \
            a long debate about the legal basis of the campaign and its costs.";
        let (a, b) = (Signature::of(BASE), Signature::of(other));
        assert!(a.similarity(&b) < 0.1);
        let shared = a
            .band_keys()
            .iter()
            .zip(b.band_keys().iter())
            .filter(|(x, y)| x == y)
            .count();
        assert_eq!(shared, 0);
    }

    #[test]
    fn case_and_punctuation_do_not_matter_and_signatures_are_stable() {
        let a = Signature::of("Four killed, officials say!");
        let b = Signature::of("four KILLED officials say");
        assert_eq!(a, b);
        // fixed hashing: a stored signature keeps meaning across builds
        assert_eq!(
            Signature::of("a b c d e").0[0],
            Signature::of("a b c d e").0[0]
        );
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }

    /// The first implementation (a `String` per word), kept to pin stored signatures: the
    /// fast path must give exactly the same values.
    fn reference(text: &str) -> Signature {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .collect();
        let perms: Vec<(u64, u64)> = (0..PERMUTATIONS).map(permutation).collect();
        let mut mins = [u32::MAX; PERMUTATIONS];
        let width = SHINGLE.min(words.len()).max(1);
        let count = words.len().saturating_sub(width) + 1;
        for start in 0..count {
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for w in words.iter().skip(start).take(width) {
                h = fnv1a(w.as_bytes(), h);
                h = fnv1a(b" ", h);
            }
            let h = splitmix(h);
            for (slot, (a, b)) in mins.iter_mut().zip(&perms) {
                let v = (a.wrapping_mul(h).wrapping_add(*b) >> 32) as u32;
                if v < *slot {
                    *slot = v;
                }
            }
        }
        Signature(mins)
    }

    #[test]
    fn signatures_equal_the_reference_implementation() {
        for text in [
            BASE,
            "",
            "   ,,, ",
            "one",
            "a b c d e f g",
            "Él dijo: «ATAQUE» en Cúcuta; murieron 3 personas — según el Ejército.",
            "ΟΔΟΣ ΣΟΦΟΣ Σ; İstanbul STRAẞE Straße ǅemal ﬁre ①② x²y ٣٤ 日本語のテキスト",
            "trailing word",
            "tab\tseparated\nlines_with_underscores and-dashes 12,5 km/h",
        ] {
            assert_eq!(Signature::of(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn every_compiled_kernel_gives_the_same_minima() {
        let shingles: Vec<u64> = (0..1000u64).map(splitmix).collect();
        let mut fast = [u32::MAX; PERMUTATIONS];
        let mut plain = [u32::MAX; PERMUTATIONS];
        min_hashes(permutations(), &shingles, &mut fast);
        min_hashes_generic(permutations(), &shingles, &mut plain);
        assert_eq!(fast, plain);
    }

    #[test]
    fn empty_and_short_texts_do_not_panic() {
        let e = Signature::of("");
        assert_eq!(e.similarity(&e), 1.0);
        let s = Signature::of("one two");
        assert!(s.similarity(&Signature::of("three four")) < 1.0);
    }
}
