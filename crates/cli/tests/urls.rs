//! Ingesting http URLs, against a small server on loopback (no request leaves the machine):
//! pages, feeds with `--fetch-links`, and the bounds (timeout, redirects, size, status). The
//! server is on loopback, which strikewatch refuses to fetch from unless the user allows it:
//! the tests that read pages pass `--allow-private-addresses` (`ALLOW`), and one checks the
//! refusal itself.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use common::*;

/// The flag that lets a fetch reach the loopback test server.
const ALLOW: &str = "--allow-private-addresses";

const PAGE: &str = "<html><head><title>Served page</title><meta property=\"og:site_name\" content=\"Loopback Daily\"></head>\
<body><article><h1>Served page</h1><p>A strike on a boat in the eastern Pacific killed three people, the command said in a statement on Tuesday.</p>\
<p>The statement said the vessel had been followed for hours before it was hit.</p></article></body></html>";

/// Serves canned answers on 127.0.0.1 until the test ends. Returns the base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let b = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(200).flatten() {
            let b = b.clone();
            std::thread::spawn(move || answer(stream, &b));
        }
    });
    base
}

fn answer(mut s: TcpStream, base: &str) {
    let mut reader = BufReader::new(s.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut ua = String::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h == "\r\n" || h.is_empty() {
            break;
        }
        if h.to_ascii_lowercase().starts_with("user-agent:") {
            ua = h[11..].trim().to_string();
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let reply = |s: &mut TcpStream, status: &str, ctype: &str, body: &str, extra: &str| {
        let _ = write!(s, "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n{body}", body.len());
    };
    match path.as_str() {
        "/page.html" => {
            // the page names the user agent it saw, so the test can check it
            let body = PAGE.replace("Tuesday.", &format!("Tuesday. Agent: {ua}."));
            reply(&mut s, "200 OK", "text/html; charset=utf-8", &body, "")
        }
        "/feed.xml" => {
            let feed = format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback Feed</title>\
                 <item><title>Linked</title><link>{base}/page.html</link><description>Short summary only.</description></item>\
                 <item><title>Broken link</title><link>{base}/missing</link><description>The summary of an item whose page is gone.</description></item>\
                 </channel></rss>"
            );
            reply(&mut s, "200 OK", "application/rss+xml", &feed, "")
        }
        "/loop" => reply(
            &mut s,
            "302 Found",
            "text/plain",
            "",
            &format!("Location: {base}/loop\r\n"),
        ),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(5));
            reply(&mut s, "200 OK", "text/html", PAGE, "")
        }
        "/drip" => {
            // headers at once, then a byte every half second for a minute: only a deadline
            // on the whole fetch (not on each read) stops it
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body><p>"
            );
            for _ in 0..120 {
                if s.write_all(b"x").and_then(|_| s.flush()).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        }
        "/to-literal" => reply(
            &mut s,
            "302 Found",
            "text/plain",
            "",
            "Location: http://127.0.0.1:9/api/export\r\n",
        ),
        "/big" => {
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
            );
            for _ in 0..2000 {
                if s.write_all(&[b'x'; 1024]).is_err() {
                    return;
                }
            }
        }
        _ => reply(&mut s, "404 Not Found", "text/plain", "no", ""),
    }
}

#[test]
fn a_page_by_url() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let url = format!("{base}/page.html");
    let r = run(&db, &["ingest", ALLOW, &url]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let a = &articles(&db)[0];
    assert_eq!(a["url"], url.as_str());
    assert_eq!(a["outlet"], "Loopback Daily");
    let text = json(&db, &["show", &a["id"].to_string(), "--json"])["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        text.contains("Agent: strikewatch/"),
        "the user agent says who is asking: {text}"
    );
}

#[test]
fn feed_with_fetch_links_reads_linked_pages_and_falls_back_to_summaries() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let r = run(
        &db,
        &[
            "ingest",
            ALLOW,
            "--fetch-links",
            &format!("{base}/feed.xml"),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("linked page not fetched (HTTP 404"),
        "{}",
        r.stderr
    );
    let arts = articles(&db);
    assert_eq!(arts.len(), 2);
    let linked = arts.iter().find(|a| a["title"] == "Linked").unwrap();
    let text = json(&db, &["show", &linked["id"].to_string(), "--json"])["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        text.contains("killed three people"),
        "body comes from the linked page: {text}"
    );
    let broken = arts.iter().find(|a| a["title"] == "Broken link").unwrap();
    let text = json(&db, &["show", &broken["id"].to_string(), "--json"])["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains("whose page is gone"), "{text}");
}

#[test]
fn bounds_give_one_clear_line_each() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let urls = [
        format!("{base}/loop"),
        format!("{base}/slow"),
        format!("{base}/big"),
        format!("{base}/missing"),
        format!("{base}/page.html"),
    ];
    let mut args = vec!["ingest", ALLOW, "--timeout", "1", "--max-bytes", "100000"];
    args.extend(urls.iter().map(String::as_str));
    let start = std::time::Instant::now();
    let r = run(&db, &args);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "timeouts must bound the run"
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let errors = error_lines(&r.stderr);
    assert_eq!(errors.len(), 4, "{}", r.stderr);
    assert!(
        errors[0].contains("/loop: too many redirects"),
        "{errors:?}"
    );
    assert!(errors[1].contains("/slow: timed out"), "{errors:?}");
    assert!(
        errors[2].contains("/big: body is over the 100000-byte limit"),
        "{errors:?}"
    );
    assert!(errors[3].contains("/missing: HTTP 404"), "{errors:?}");
    assert_eq!(articles(&db).len(), 1, "the good URL is still read");
}

#[test]
fn private_addresses_are_refused_unless_allowed() {
    let base = serve();
    let port = base.rsplit(':').next().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    // a literal loopback address, a name that resolves to one, an IPv4-mapped IPv6 form of
    // it, and a redirect to one: each refused with one line naming the URL
    let urls = [
        format!("{base}/page.html"),
        format!("http://localhost:{port}/page.html"),
        format!("http://[::ffff:127.0.0.1]:{port}/page.html"),
        format!("http://0x7f.1:{port}/page.html"),
    ];
    let mut args = vec!["ingest"];
    args.extend(urls.iter().map(String::as_str));
    let r = run(&db, &args);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let errors = error_lines(&r.stderr);
    assert_eq!(errors.len(), urls.len(), "{}", r.stderr);
    for (line, url) in errors.iter().zip(&urls) {
        assert!(line.starts_with(&format!("error: {url}: ")), "{line}");
        assert!(
            line.contains("private, loopback or link-local")
                && line.contains("--allow-private-addresses"),
            "{line}"
        );
    }
    assert!(articles(&db).is_empty(), "nothing was read from loopback");

    // a feed read from a file that links to the user's own machine: the links are refused
    // (one note each) and the items' summaries are used
    let feed = dir.path().join("feed.xml");
    std::fs::write(
        &feed,
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Planted Feed</title>\
             <item><title>Export</title><link>{base}/page.html</link><description>The summary of the planted item.</description></item>\
             <item><title>Redirect</title><link>{base}/to-literal</link><description>The summary of the second item.</description></item>\
             </channel></rss>"
        ),
    )
    .unwrap();
    let db2 = dir.path().join("t.db");
    let r = run(&db2, &["ingest", "--fetch-links", feed.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let notes: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains("linked page not fetched"))
        .collect();
    assert_eq!(notes.len(), 2, "{}", r.stderr);
    assert!(
        notes
            .iter()
            .all(|l| l.contains("private, loopback or link-local")),
        "{notes:?}"
    );
    let arts = articles(&db2);
    assert_eq!(arts.len(), 2);
    for a in &arts {
        let text = json(&db2, &["show", &a["id"].to_string(), "--json"])["text"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(text.contains("summary of"), "{text}");
    }
}

#[test]
fn timeout_bounds_the_whole_fetch_not_each_read() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let url = format!("{base}/drip");
    let start = std::time::Instant::now();
    let r = run(&db, &["ingest", ALLOW, "--timeout", "2", &url]);
    let took = start.elapsed();
    assert_eq!(r.code, 1, "{}", r.stderr);
    // the server drips for a minute; a deadline of 2 s (plus start-up on a loaded machine)
    assert!(took < Duration::from_secs(20), "took {took:?}");
    let errors = error_lines(&r.stderr);
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert!(
        errors[0].starts_with(&format!("error: {url}: timed out after 2 s")),
        "{errors:?}"
    );
}
