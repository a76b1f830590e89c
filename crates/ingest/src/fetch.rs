//! HTTP(S) fetching with bounds: a total timeout, a redirect cap, a size cap read
//! incrementally (a server that lies about Content-Length or streams forever is cut off), and
//! a user agent that says who is asking.

use std::io::Read;

use crate::Limits;

pub const USER_AGENT: &str = concat!(
    "strikewatch/",
    env!("CARGO_PKG_VERSION"),
    " (news-reading research tool; reads public reporting only)"
);

/// A blocking HTTP client with strikewatch's bounds. Build once per run.
pub struct Fetcher {
    client: reqwest::blocking::Client,
    max_bytes: usize,
}

/// A fetched body with what the server said about it.
pub struct Fetched {
    pub final_url: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

impl Fetcher {
    pub fn new(limits: &Limits) -> Result<Fetcher, String> {
        let client = reqwest::blocking::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(limits.timeout)
            .connect_timeout(limits.timeout.min(std::time::Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::limited(limits.max_redirects))
            .build()
            .map_err(|e| format!("cannot start the HTTP client: {e}"))?;
        Ok(Fetcher {
            client,
            max_bytes: limits.max_bytes,
        })
    }

    /// Fetches `url`; the error is one line naming what went wrong.
    pub fn get(&self, url: &str) -> Result<Fetched, String> {
        let resp = self.client.get(url).send().map_err(|e| describe(&e))?;
        let status = resp.status();
        if !status.is_success() {
            return Err(format!("HTTP {status}"));
        }
        let final_url = resp.url().to_string();
        let content_type = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let Some(len) = resp.content_length() {
            if len as usize > self.max_bytes {
                return Err(format!(
                    "body of {len} bytes is over the {}-byte limit",
                    self.max_bytes
                ));
            }
        }
        let mut bytes = Vec::new();
        resp.take(self.max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("reading the body failed: {e}"))?;
        if bytes.len() > self.max_bytes {
            return Err(format!("body is over the {}-byte limit", self.max_bytes));
        }
        Ok(Fetched {
            final_url,
            content_type,
            bytes,
        })
    }
}

fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_redirect() {
        "too many redirects".into()
    } else if e.is_connect() {
        "could not connect".into()
    } else {
        // the innermost cause is the most specific line
        let mut msg = e.to_string();
        let mut src = std::error::Error::source(e);
        while let Some(s) = src {
            msg = s.to_string();
            src = s.source();
        }
        msg
    }
}
