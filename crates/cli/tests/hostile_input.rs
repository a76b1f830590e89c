//! Hostile input, second part (the first is `hostile.rs`): what reading inputs must survive
//! without garbling, hanging, bloating the store or storing what is not an article: stray
//! bytes in UTF-8, cut WARC records, FIFOs and symbolic links, floods of garbage lines,
//! fields of the wrong JSON type, urls that are not web addresses, binary files named like
//! text. Each case runs the real binary and shares the checks of `hostile.rs`: exit 0 or 1,
//! every stderr line an `error:` or `note:` line, bounded time and peak memory.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

/// Wall-clock bound per case (generous: CI machines are shared and slow).
const MAX_SECS: u64 = 60;
/// Peak resident memory bound per case, in KiB.
const MAX_RSS_KIB: u64 = 400 * 1024;

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
    db: PathBuf,
}

/// Peak resident set (VmHWM) of a running process, in KiB; 0 once it has gone.
fn vm_hwm(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Runs `strikewatch --db DIR/NAME.db ingest ARGS...` and checks what every case shares.
/// A run over `MAX_SECS` is killed and fails the test (a hang must not hang the suite).
fn ingest(dir: &Path, name: &str, args: &[&str]) -> Outcome {
    let db = dir.join(format!("{name}.db"));
    let start = Instant::now();
    let mut child = Command::new(bin())
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg("--no-extract")
        .args(args)
        .env_remove("STRIKEWATCH_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            r.read_to_end(&mut s).ok();
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let mut peak = 0;
    let status = loop {
        peak = peak.max(vm_hwm(child.id()));
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > Duration::from_secs(MAX_SECS) {
            child.kill().ok();
            child.wait().ok();
            panic!("{name}: ingest ran over {MAX_SECS}s");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let o = Outcome {
        code: status.code().unwrap_or(-1),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        db,
    };
    assert!(
        o.code == 0 || o.code == 1,
        "{name}: exit {}; stderr: {}",
        o.code,
        o.stderr
    );
    assert!(!o.stderr.contains("panicked"), "{name}: {}", o.stderr);
    for line in o.stderr.lines() {
        assert!(
            line.starts_with("error: ") || line.starts_with("note: "),
            "{name}: stray stderr line {line:?}"
        );
    }
    assert!(peak < MAX_RSS_KIB, "{name}: peak RSS {peak} KiB");
    o
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn text_of(db: &Path, a: &Value) -> String {
    json(db, &["show", &a["id"].to_string(), "--json"])["text"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

const STRIKE_ES: &str = "El ataque en el Caribe dejó tres muertos, según el Comando Sur. La embarcación navegaba en aguas internacionales cuando fue alcanzada por un misil.";

// ---- decoding --------------------------------------------------------------------------

#[test]
fn stray_bytes_in_utf8_are_replaced_locally_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut one = STRIKE_ES.as_bytes().to_vec();
    one.insert(3, 0xFF); // after "El "
    let mut several = Vec::new();
    for (i, word) in STRIKE_ES.split(' ').enumerate() {
        several.extend_from_slice(word.as_bytes());
        several.push(b' ');
        if i % 8 == 1 {
            several.push([0xFF, 0xC0, 0x9D][i / 8]);
        }
    }
    for (name, bytes, replaced) in [("one", one, 1), ("several", several, 3)] {
        let path = write(d, &format!("{name}.txt"), &bytes);
        let o = ingest(d, name, &[s(&path)]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert!(
            o.stderr.contains(&format!(
                "note: {}: {replaced} invalid UTF-8 byte",
                path.display()
            )),
            "{name}: {}",
            o.stderr
        );
        let text = text_of(&o.db, &articles(&o.db)[0]);
        assert!(
            text.contains("dejó tres muertos") && text.contains("embarcación"),
            "{name}: {text}"
        );
        assert!(text.contains('\u{FFFD}'), "{name}: {text}");
    }
}

fn warc_record(uri: &str, html: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2025-10-03T00:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn a_warc_record_cut_short_is_an_error_not_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let body = "A strike on a boat in the eastern Pacific killed three people, the command said. "
        .repeat(20);
    let html = format!("<html><body><article><p>{body}</p></article></body></html>");
    let record = warc_record("https://h.example/cut", &html);
    let cut = &record[..record.len() / 2];
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, cut).unwrap();
    for (name, bytes) in [
        ("cut.warc", cut.to_vec()),
        ("cut.warc.gz", gz.finish().unwrap()),
    ] {
        let path = write(d, name, &bytes);
        let o = ingest(d, name, &[s(&path)]);
        assert_eq!(o.code, 1, "{}", o.stderr);
        let errors = error_lines(&o.stderr);
        assert_eq!(errors.len(), 1, "{}", o.stderr);
        assert!(
            errors[0].starts_with(&format!("error: {}#0: record cut short", path.display())),
            "{errors:?}"
        );
        assert!(
            articles(&o.db).is_empty(),
            "{name}: the cut text is no article"
        );
    }
}
