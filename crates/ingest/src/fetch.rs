//! HTTP(S) fetching with bounds: a deadline on the whole fetch (connect, headers and body),
//! a redirect cap, a size cap read incrementally (a server that lies about Content-Length or
//! streams forever is cut off), a user agent that says who is asking, and no connection to
//! the user's own network unless allowed.
//!
//! Why the address check: a feed names the pages `--fetch-links` reads, so whoever writes
//! the feed chooses what strikewatch connects to. Without a check, a feed could point at
//! `http://127.0.0.1:8080/api/export` or a router's admin page and have the answer stored as
//! an article (server-side request forgery). Loopback, private, link-local, shared (CGNAT),
//! multicast and unspecified addresses are refused unless `allow_private_addresses` is set.
//! The check is made on the addresses a name resolves to (a resolver that drops refused
//! addresses, so a name that resolves to `127.0.0.1` is caught and a DNS answer cannot
//! change between check and connect), and on literal addresses in the first URL and in every
//! redirect (those never reach a resolver). Proxies are not used: through a proxy the
//! address connected to would be the proxy's, and the check would see nothing.

use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

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
    timeout: Duration,
    reach: Reach,
}

/// A fetched body with what the server said about it.
pub struct Fetched {
    pub final_url: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// What a conditional fetch found.
pub enum Polled {
    /// `304 Not Modified`: nothing new, no body read.
    NotModified { cache_control: Option<String> },
    /// A full answer, with the validators to send next time, exactly as received.
    Fetched {
        fetched: Fetched,
        etag: Option<String>,
        last_modified: Option<String>,
        cache_control: Option<String>,
    },
}

/// Why a conditional fetch failed: one line, and what the server said about when to retry.
#[derive(Debug, Clone)]
pub struct PollError {
    /// The HTTP status of an answer that was not a success (none for a network failure).
    pub status: Option<u16>,
    /// The `Retry-After` header as received (seconds or an HTTP date).
    pub retry_after: Option<String>,
    pub message: String,
}

/// Which addresses a fetch may connect to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Public addresses only (the default).
    Public,
    /// Any address (`--allow-private-addresses`).
    Any,
    /// Only this one (tests: a loopback server stands in for a public one).
    #[cfg(test)]
    Only(IpAddr),
}

impl Reach {
    /// Why `ip` may not be connected to, or `None` when it may.
    fn refusal(self, ip: IpAddr) -> Option<&'static str> {
        match self {
            Reach::Public => private_kind(ip),
            Reach::Any => None,
            #[cfg(test)]
            Reach::Only(a) => (a != ip).then_some("private"),
        }
    }

    /// The refusal of a URL whose host is a literal address (names go through the resolver).
    fn refuse_literal(self, url: &reqwest::Url) -> Option<Refused> {
        let host = url.host_str()?;
        let ip: IpAddr = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse()
            .ok()?;
        self.refusal(ip)
            .map(|kind| Refused::new(host, ip, kind, true))
    }
}

/// A fetch refused because of the address it would connect to.
#[derive(Debug)]
struct Refused(String);

impl Refused {
    /// `literal`: the URL named the address itself rather than a name resolving to it.
    fn new(host: &str, ip: IpAddr, kind: &str, literal: bool) -> Refused {
        let what = if literal {
            format!("{host} is a {kind} address")
        } else {
            format!("{host} resolves to {ip}, a {kind} address")
        };
        Refused(format!(
            "refused: {what}; fetching from private, loopback or link-local addresses needs --allow-private-addresses"
        ))
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

/// The redirect cap was reached.
#[derive(Debug)]
struct TooManyRedirects;

impl std::fmt::Display for TooManyRedirects {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("too many redirects")
    }
}

impl std::error::Error for TooManyRedirects {}

/// What kind of non-public address `ip` is, or `None` for a public one. IPv6 forms that
/// carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address, so
/// `[::ffff:127.0.0.1]` is loopback.
pub fn private_kind(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => private_kind_v4(v4),
        IpAddr::V6(v6) => private_kind_v6(v6),
    }
}

fn private_kind_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    if a == 0 {
        Some("unspecified")
    } else if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_private() {
        Some("private")
    } else if ip.is_link_local() {
        Some("link-local")
    } else if a == 100 && (64..128).contains(&b) {
        Some("shared (carrier-grade NAT)")
    } else if ip.is_multicast() {
        Some("multicast")
    } else if ip.is_broadcast() || a >= 240 || (a == 192 && b == 0 && ip.octets()[2] == 0) {
        Some("reserved")
    } else if a == 198 && (18..20).contains(&b) {
        Some("benchmarking")
    } else {
        None
    }
}

fn private_kind_v6(ip: Ipv6Addr) -> Option<&'static str> {
    let s = ip.segments();
    let embedded =
        |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
    if ip.is_unspecified() {
        Some("unspecified")
    } else if ip.is_loopback() {
        Some("loopback")
    } else if let Some(v4) = ip.to_ipv4_mapped() {
        private_kind_v4(v4)
    } else if s[..6] == [0; 6] {
        // IPv4-compatible (deprecated): ::a.b.c.d
        private_kind_v4(embedded(s[6], s[7]))
    } else if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        // NAT64 well-known prefix: the gateway connects to the embedded address
        private_kind_v4(embedded(s[6], s[7]))
    } else if s[0] == 0x2002 {
        // 6to4: the embedded address is the relay's far end
        private_kind_v4(embedded(s[1], s[2]))
    } else if s[0] & 0xfe00 == 0xfc00 {
        Some("private (unique local)")
    } else if s[0] & 0xffc0 == 0xfe80 {
        Some("link-local")
    } else if s[0] & 0xffc0 == 0xfec0 {
        Some("site-local")
    } else if s[0] & 0xff00 == 0xff00 {
        Some("multicast")
    } else {
        None
    }
}

/// Resolves names with the system resolver (on tokio's blocking pool, so the fetch's
/// deadline still runs) and keeps only the addresses `reach` allows; with none left, the
/// error names the first refused one.
struct CheckedResolver {
    reach: Reach,
}

impl reqwest::dns::Resolve for CheckedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let reach = self.reach;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let lookup = host.clone();
            let found: Vec<SocketAddr> = tokio::task::spawn_blocking(move || {
                (lookup.as_str(), 0)
                    .to_socket_addrs()
                    .map(Iterator::collect)
            })
            .await??;
            let mut refused = None;
            let allowed: Vec<SocketAddr> = found
                .into_iter()
                .filter(|a| match reach.refusal(a.ip()) {
                    Some(kind) => {
                        refused.get_or_insert_with(|| Refused::new(&host, a.ip(), kind, false));
                        false
                    }
                    None => true,
                })
                .collect();
            match refused {
                Some(r) if allowed.is_empty() => Err(Box::new(r) as _),
                _ => Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs),
            }
        })
    }
}

impl Fetcher {
    pub fn new(limits: &Limits) -> Result<Fetcher, String> {
        let reach = if limits.allow_private_addresses {
            Reach::Any
        } else {
            Reach::Public
        };
        Fetcher::with_reach(limits, reach)
    }

    fn with_reach(limits: &Limits, reach: Reach) -> Result<Fetcher, String> {
        let max_redirects = limits.max_redirects;
        let redirects = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > max_redirects {
                return attempt.error(TooManyRedirects);
            }
            match reach.refuse_literal(attempt.url()) {
                Some(refused) => attempt.error(refused),
                None => attempt.follow(),
            }
        });
        let client = reqwest::blocking::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(limits.timeout)
            .connect_timeout(limits.timeout.min(Duration::from_secs(10)))
            .redirect(redirects)
            .no_proxy()
            .dns_resolver(Arc::new(CheckedResolver { reach }))
            .build()
            .map_err(|e| format!("cannot start the HTTP client: {e}"))?;
        Ok(Fetcher {
            client,
            max_bytes: limits.max_bytes,
            timeout: limits.timeout,
            reach,
        })
    }

    /// Fetches `url` within the deadline; the error is one line naming what went wrong.
    pub fn get(&self, url: &str) -> Result<Fetched, String> {
        let deadline = Instant::now() + self.timeout;
        if let Some(refused) = reqwest::Url::parse(url)
            .ok()
            .and_then(|u| self.reach.refuse_literal(&u))
        {
            return Err(refused.0);
        }
        // the request's own timeout is a total deadline over headers and body; the client's
        // bounds each read only, which a server dripping a byte at a time never trips
        let mut resp = self
            .client
            .get(url)
            .timeout(self.timeout)
            .send()
            .map_err(|e| self.describe(&e))?;
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
        let bytes = self.body(&mut resp, deadline)?;
        Ok(Fetched {
            final_url,
            content_type,
            bytes,
        })
    }

    /// Fetches `url` as a poller does: with the validators of the last full answer sent back
    /// (`If-None-Match`, `If-Modified-Since`, each exactly as the server gave it), under the
    /// same bounds and address checks as [`Fetcher::get`]. A `304` is
    /// [`Polled::NotModified`] and reads no body; a failure keeps the status and `Retry-After`
    /// so that the caller can wait as the server asks.
    pub fn get_conditional(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Polled, PollError> {
        let fail = |message: String| PollError {
            status: None,
            retry_after: None,
            message,
        };
        let deadline = Instant::now() + self.timeout;
        if let Some(refused) = reqwest::Url::parse(url)
            .ok()
            .and_then(|u| self.reach.refuse_literal(&u))
        {
            return Err(fail(refused.0));
        }
        let mut req = self.client.get(url).timeout(self.timeout);
        if let Some(e) = etag {
            req = req.header(reqwest::header::IF_NONE_MATCH, e);
        }
        if let Some(m) = last_modified {
            req = req.header(reqwest::header::IF_MODIFIED_SINCE, m);
        }
        let mut resp = req.send().map_err(|e| fail(self.describe(&e)))?;
        let header = |resp: &reqwest::blocking::Response, name: reqwest::header::HeaderName| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let cache_control = header(&resp, reqwest::header::CACHE_CONTROL);
        let status = resp.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Polled::NotModified { cache_control });
        }
        if !status.is_success() {
            return Err(PollError {
                status: Some(status.as_u16()),
                retry_after: header(&resp, reqwest::header::RETRY_AFTER),
                message: format!("HTTP {status}"),
            });
        }
        let etag = header(&resp, reqwest::header::ETAG);
        let last_modified = header(&resp, reqwest::header::LAST_MODIFIED);
        let final_url = resp.url().to_string();
        let content_type = header(&resp, reqwest::header::CONTENT_TYPE);
        let bytes = self.body(&mut resp, deadline).map_err(fail)?;
        Ok(Polled::Fetched {
            fetched: Fetched {
                final_url,
                content_type,
                bytes,
            },
            etag,
            last_modified,
            cache_control,
        })
    }

    /// Reads a response's body within the byte cap and the deadline (a declared length over
    /// the cap is refused before reading; a server that drips bytes is cut at the deadline).
    fn body(
        &self,
        resp: &mut reqwest::blocking::Response,
        deadline: Instant,
    ) -> Result<Vec<u8>, String> {
        if let Some(len) = resp.content_length() {
            if len as usize > self.max_bytes {
                return Err(format!(
                    "body of {len} bytes is over the {}-byte limit",
                    self.max_bytes
                ));
            }
        }
        let mut bytes = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = match resp.read(&mut chunk) {
                Ok(n) => n,
                Err(_) if Instant::now() >= deadline => return Err(self.timed_out()),
                Err(e) => return Err(format!("reading the body failed: {e}")),
            };
            if n == 0 {
                return Ok(bytes);
            }
            bytes.extend_from_slice(&chunk[..n]);
            if bytes.len() > self.max_bytes {
                return Err(format!("body is over the {}-byte limit", self.max_bytes));
            }
            if Instant::now() >= deadline {
                return Err(self.timed_out());
            }
        }
    }

    fn timed_out(&self) -> String {
        let t = self.timeout;
        if t.subsec_millis() == 0 {
            format!("timed out after {} s", t.as_secs())
        } else {
            format!("timed out after {:.1} s", t.as_secs_f64())
        }
    }

    fn describe(&self, e: &reqwest::Error) -> String {
        // an address refusal or the redirect cap, wherever it sits in the chain
        let mut src: Option<&(dyn std::error::Error + 'static)> = Some(e);
        while let Some(s) = src {
            if let Some(r) = s.downcast_ref::<Refused>() {
                return r.0.clone();
            }
            if s.is::<TooManyRedirects>() {
                return "too many redirects".into();
            }
            src = s.source();
        }
        if e.is_timeout() {
            self.timed_out()
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    #[test]
    fn address_kinds() {
        let kind = |s: &str| private_kind(s.parse().unwrap());
        for (addr, want) in [
            ("127.0.0.1", Some("loopback")),
            ("127.255.0.9", Some("loopback")),
            ("10.1.2.3", Some("private")),
            ("172.16.0.1", Some("private")),
            ("172.31.255.255", Some("private")),
            ("192.168.1.1", Some("private")),
            ("169.254.169.254", Some("link-local")),
            ("100.64.0.1", Some("shared (carrier-grade NAT)")),
            ("100.127.255.255", Some("shared (carrier-grade NAT)")),
            ("0.0.0.0", Some("unspecified")),
            ("224.0.0.1", Some("multicast")),
            ("255.255.255.255", Some("reserved")),
            ("::", Some("unspecified")),
            ("::1", Some("loopback")),
            ("fc00::1", Some("private (unique local)")),
            ("fd12:3456::1", Some("private (unique local)")),
            ("fe80::1", Some("link-local")),
            ("ff02::1", Some("multicast")),
            ("::ffff:127.0.0.1", Some("loopback")),
            ("::ffff:10.0.0.1", Some("private")),
            ("::ffff:169.254.169.254", Some("link-local")),
            ("64:ff9b::7f00:1", Some("loopback")),
            ("2002:c0a8:0101::1", Some("private")),
            ("8.8.8.8", None),
            ("100.128.0.1", None),
            ("172.32.0.1", None),
            ("2606:4700::1111", None),
            ("::ffff:8.8.8.8", None),
        ] {
            assert_eq!(kind(addr), want, "{addr}");
        }
    }

    /// A loopback server whose every answer is a redirect to `location`.
    fn redirector(location: &'static str) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for mut s in listener.incoming().take(20).flatten() {
                let mut r = BufReader::new(s.try_clone().unwrap());
                let mut line = String::new();
                while r.read_line(&mut line).is_ok() && line != "\r\n" && !line.is_empty() {
                    line.clear();
                }
                let _ = write!(s, "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            }
        });
        base
    }

    #[test]
    fn redirects_to_literal_addresses_are_checked() {
        // the test server stands in for a public host; the redirect target is refused
        let base = redirector("http://127.0.0.2:9/secret");
        let f = Fetcher::with_reach(
            &Limits::default(),
            Reach::Only("127.0.0.1".parse().unwrap()),
        )
        .unwrap();
        let err = f.get(&format!("{base}/start")).err().unwrap();
        assert!(
            err.starts_with("refused: 127.0.0.2 is a private address"),
            "{err}"
        );
        let base = redirector("http://[::ffff:7f00:2]:9/secret");
        let err = f.get(&format!("{base}/start")).err().unwrap();
        assert!(err.starts_with("refused: [::ffff:7f00:2] is a"), "{err}");
    }

    #[test]
    fn names_are_checked_after_resolution() {
        let f = Fetcher::new(&Limits::default()).unwrap();
        let err = f.get("http://localhost:9/").err().unwrap();
        assert!(
            err.starts_with("refused: localhost resolves to ") && err.contains("loopback address"),
            "{err}"
        );
        let err = f.get("http://127.0.0.1:9/").err().unwrap();
        assert!(
            err.starts_with("refused: 127.0.0.1 is a loopback address"),
            "{err}"
        );
    }
}
