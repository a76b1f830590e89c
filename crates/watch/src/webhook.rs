//! Webhooks: each change POSTed as JSON to every configured URL, signed, retried with backoff,
//! delivered at least once.
//!
//! The receiver checks `X-Strikewatch-Signature: sha256=<hex>`, an HMAC-SHA256 of the body
//! under the shared secret, and de-duplicates by `Idempotency-Key` (the change's key): a
//! retry after an answer lost on the way back is the same delivery, and the receiver can tell.
//! A webhook URL is chosen by the user, not by a feed, so it may be on the user's own network.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::policy::{Millis, Policy};

/// The header carrying the body's signature.
pub const SIGNATURE_HEADER: &str = "X-Strikewatch-Signature";
/// The header carrying the change's idempotency key.
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";

/// Where and how to deliver.
#[derive(Debug, Clone)]
pub struct Webhooks {
    pub urls: Vec<String>,
    pub secret: String,
    /// Tries per change and URL (the first one included).
    pub attempts: u32,
    /// The wait before the first retry; doubled (with jitter) for each one after.
    pub backoff_base: Millis,
    pub timeout: std::time::Duration,
}

/// `sha256=<hex>`: the HMAC-SHA256 of `body` under `secret`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any size");
    mac.update(body);
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("sha256={hex}")
}

/// Whether `header` is the signature of `body` under `secret` (compared in constant time).
pub fn verify(secret: &str, body: &[u8], header: &str) -> bool {
    let Some(hex) = header.strip_prefix("sha256=") else {
        return false;
    };
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect();
    let Some(bytes) = bytes else { return false };
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any size");
    mac.update(body);
    mac.verify_slice(&bytes).is_ok()
}

/// Sends changes to webhooks. `sleep` waits between retries (injected: tests do not wait).
pub struct Sender {
    config: Webhooks,
    client: reqwest::blocking::Client,
}

impl Sender {
    pub fn new(config: Webhooks) -> Result<Sender, String> {
        let client = reqwest::blocking::Client::builder()
            .user_agent(sw_ingest::USER_AGENT)
            .timeout(config.timeout)
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("cannot start the HTTP client: {e}"))?;
        Ok(Sender { config, client })
    }

    /// The webhook URLs.
    pub fn urls(&self) -> &[String] {
        &self.config.urls
    }

    /// Delivers one change (its JSON `body`, as stored, and its idempotency `key`) to `url`:
    /// up to `attempts` tries, waiting the backoff between them through `sleep`; a 2xx answer
    /// is delivered. The error is one line naming the webhook, the change and the last
    /// failure.
    pub fn deliver(
        &self,
        url: &str,
        body: &[u8],
        key: &str,
        sleep: &dyn Fn(Millis),
    ) -> Result<(), String> {
        let sig = signature(&self.config.secret, body);
        let policy = Policy {
            min: 0,
            backoff_base: self.config.backoff_base,
            backoff_max: self.config.backoff_base.saturating_mul(64),
            ..Policy::default()
        };
        let mut last = String::new();
        for attempt in 1..=self.config.attempts.max(1) {
            if attempt > 1 {
                sleep(policy.backoff(attempt - 1, crate::policy::seed_of(key)));
            }
            let sent = self
                .client
                .post(url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .header(SIGNATURE_HEADER, &sig)
                .header(IDEMPOTENCY_HEADER, key)
                .body(body.to_vec())
                .send();
            match sent {
                Ok(r) if r.status().is_success() => return Ok(()),
                Ok(r) => last = format!("HTTP {}", r.status()),
                Err(e) => {
                    last = if e.is_timeout() {
                        "timed out".into()
                    } else {
                        "could not connect".into()
                    }
                }
            }
        }
        Err(format!(
            "webhook {url}: change {key} not delivered after {} tries (last: {last}); kept, and tried again after the next poll",
            self.config.attempts
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_verify_and_tampering_fails() {
        let body = br#"{"kind":"new_incident"}"#;
        let sig = signature("s3cret", body);
        assert!(sig.starts_with("sha256=") && sig.len() == 7 + 64, "{sig}");
        assert!(verify("s3cret", body, &sig));
        assert!(!verify("other", body, &sig));
        assert!(!verify("s3cret", br#"{"kind":"withdrawn"}"#, &sig));
        assert!(!verify("s3cret", body, "sha256=zz"));
        assert!(!verify("s3cret", body, &sig[7..]));
        // RFC 4231, test case 2
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
