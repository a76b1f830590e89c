//! SHA-256 of input bytes (the key that admits the same bytes once) and of article texts (the
//! key of exact copies), for every backend alike.

use sha2::{Digest, Sha256};

/// SHA-256 of each item, in order. A large batch is hashed on a few threads, so that the
/// store's own thread (the one the ingest waits on) spends its time in the database.
pub(crate) fn sha256_all(items: Vec<&[u8]>) -> Vec<[u8; 32]> {
    let total: usize = items.iter().map(|i| i.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || total < 1 << 16 {
        return items.iter().map(|i| Sha256::digest(i).into()).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|i| <[u8; 32]>::from(Sha256::digest(i)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().expect("hashing does not panic"))
            .collect()
    })
}

/// SHA-256 of one item.
pub(crate) fn sha256(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}
