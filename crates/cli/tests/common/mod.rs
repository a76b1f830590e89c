//! Helpers shared by the CLI tests: run the built binary against a temporary store.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_strikewatch")
}

/// The repository root (the tests read `examples/` from it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

pub fn run(db: &Path, args: &[&str]) -> Run {
    run_with_stdin(db, args, None)
}

pub fn run_with_stdin(db: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(bin());
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STRIKEWATCH_DB");
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn strikewatch");
    if let Some(bytes) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let out: Output = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let r = run(db, args);
    assert_eq!(r.code, 0, "{args:?} failed: {}", r.stderr);
    serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {}", r.stdout))
}

pub fn articles(db: &Path) -> Vec<serde_json::Value> {
    json(db, &["articles", "--json", "--limit", "100000"])
        .as_array()
        .unwrap()
        .clone()
}

/// The error lines (`error: LOCATOR: message`) printed on stderr.
pub fn error_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect()
}

/// What a watched run of the binary gave: its exit, output, time and peak memory.
pub struct Watched {
    pub code: i32,
    /// The signal that ended it, if one did (a crash).
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub secs: f64,
    /// Peak resident set, in KiB.
    pub peak_kib: u64,
}

/// Peak resident set (VmHWM) of a running process, in KiB; 0 once it has gone.
pub fn vm_hwm(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Runs `cmd` with no input and its output captured, sampling its peak resident set until it
/// exits. A run over `limit` is killed and fails the test: a hang must not hang the suite.
pub fn run_watched(name: &str, mut cmd: Command, limit: std::time::Duration) -> Watched {
    use std::os::unix::process::ExitStatusExt;
    let start = std::time::Instant::now();
    let mut child = cmd
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
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("{name}: ran over {} s", limit.as_secs());
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    Watched {
        code: status.code().unwrap_or(-1),
        signal: status.signal(),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        secs: start.elapsed().as_secs_f64(),
        peak_kib: peak,
    }
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// `bytes` gzipped.
pub fn gz(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// One WARC response record holding an HTTP response with `html` for `uri`.
pub fn warc_record(uri: &str, html: &str) -> Vec<u8> {
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

/// Starts the binary on the store `db` with `args`, its output piped.
pub fn spawn(db: &Path, args: &[&str]) -> Child {
    Command::new(bin())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STRIKEWATCH_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn strikewatch")
}

/// A running `serve`: the address it printed once ready. Killed if dropped running (a
/// failed assertion), so no server outlives the test.
pub struct Served {
    pub child: Option<Child>,
    pub addr: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

pub fn start_serve(db: &Path, extra: &[&str]) -> Served {
    let mut args = vec!["serve", "--addr", "127.0.0.1:0", "--rate-limit", "0"];
    args.extend_from_slice(extra);
    let mut child = spawn(db, &args);
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut out = BufReader::new(stdout);
        // the line that says where it serves (with `--watch`, a change may be printed first)
        let mut first = String::new();
        loop {
            first.clear();
            if out.read_line(&mut first).unwrap_or(0) == 0 || first.contains(" at http://") {
                break;
            }
        }
        let _ = tx.send(first);
        // keep reading what it prints later (`serve --watch` prints each change), so that
        // no write of the server's meets a closed pipe
        let _ = std::io::copy(&mut out, &mut std::io::sink());
    });
    let first = match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(l) if !l.is_empty() => l,
        _ => {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "serve did not start: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    };
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    Served {
        child: Some(child),
        addr,
    }
}

/// The head (status line first, then the headers) and body of `GET path` (HTTP/1.0: the
/// server closes when done).
pub fn get(addr: &str, path: &str) -> (String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (head.to_string(), body.to_string())
}

/// Cells of one CSV line (quoted cells may hold commas and doubled quotes).
pub fn csv_cells(line: &str) -> Vec<String> {
    let (mut out, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    out.push(cell);
    out
}

/// A CSV table printed by `export`: its header and rows (one line per row).
pub fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = text.lines();
    let header = csv_cells(lines.next().unwrap_or_default());
    (header, lines.map(csv_cells).collect())
}

/// Reads one HTTP request's head from a loopback test server's connection and returns its
/// path ("/" when the request line cannot be read).
#[allow(dead_code)]
pub fn request_path(s: &TcpStream) -> String {
    let mut r = BufReader::new(s.try_clone().unwrap());
    let mut line = String::new();
    let _ = r.read_line(&mut line);
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).is_err() || h == "\r\n" || h.is_empty() {
            break;
        }
    }
    line.split_whitespace().nth(1).unwrap_or("/").to_string()
}
