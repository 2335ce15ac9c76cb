//! Codes for what citizens send without an account: tracking codes and duplicate fingerprints.

use rand::Rng;
use sha2::{Digest, Sha256};

/// A digest of the parts, to recognise the same submission sent twice.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_be_bytes());
        h.update(p.as_bytes());
    }
    hex::encode(h.finalize())
}

/// An unguessable tracking code from the alphabet without look-alikes (~56 bits, see
/// `kinerja_domain::tracking_code`): `ADU-` for complaints, `ASP-` for forum aspirasi.
pub fn tracking_code(prefix: &str) -> String {
    use kinerja_domain::tracking_code::{ALPHABET, LENGTH};
    let mut rng = rand::rng();
    let code: String = (0..LENGTH).map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())])).collect();
    format!("{prefix}-{code}")
}

/// A random secret for a link (256 bits, hexadecimal): a citizen's "stop messages" link.
pub fn secret_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    hex::encode(bytes)
}
