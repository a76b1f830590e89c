//! Hostile input: malformed and adversarial inputs of many kinds, each run through the real
//! binary (`ingest`, which also extracts). Every case must end with a clear error or a correct
//! result: the process exits 0 or 1 (never a panic or a signal), every problem is one
//! `error: WHERE: WHAT` line, no panic text reaches stderr, and time and peak memory stay
//! under fixed bounds. Small fixed inputs live in `tests/hostile/`; the large ones (bombs,
//! huge documents) are generated here so the repository stays small.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::*;
use serde_json::Value;

/// Wall-clock bound per case (generous: CI machines are shared and slow).
const MAX_SECS: u64 = 60;
/// Peak resident memory bound per case, in KiB.
const MAX_RSS_KIB: u64 = 400 * 1024;

struct Outcome {
    code: i32,
    stderr: String,
    secs: f64,
    peak_kib: u64,
    db: PathBuf,
}

fn hostile_dir() -> PathBuf {
    root().join("tests/hostile")
}

/// Runs `strikewatch --db DIR/NAME.db ingest PATH ARGS...`, watching time and memory.
fn ingest(dir: &Path, name: &str, path: &Path, args: &[&str]) -> Outcome {
    let db = dir.join(format!("{name}.db"));
    let mut cmd = Command::new(bin());
    cmd.arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(path)
        .args(args)
        .env_remove("STRIKEWATCH_DB");
    let w = run_watched(name, cmd, Duration::from_secs(MAX_SECS));
    assert!(
        w.signal.is_none(),
        "{name}: killed by signal {:?}; stderr: {}",
        w.signal,
        w.stderr
    );
    Outcome {
        code: w.code,
        stderr: w.stderr,
        secs: w.secs,
        peak_kib: w.peak_kib,
        db,
    }
}

/// The checks every case shares: exit 0 or 1, no panic, every stderr line a one-line error or
/// note naming the input, bounded time and memory, and a sound store.
fn sane(name: &str, o: &Outcome) {
    assert!(
        o.code == 0 || o.code == 1,
        "{name}: exit {} (a crash?); stderr: {}",
        o.code,
        o.stderr
    );
    assert!(
        !o.stderr.contains("panicked") && !o.stderr.contains("RUST_BACKTRACE"),
        "{name}: panic: {}",
        o.stderr
    );
    for line in o.stderr.lines() {
        assert!(
            line.starts_with("error: ") || line.starts_with("note: "),
            "{name}: stray stderr line {line:?}"
        );
        assert!(
            line.len() < 2_000,
            "{name}: error line of {} bytes",
            line.len()
        );
    }
    if o.code == 1 {
        assert!(
            !error_lines(&o.stderr).is_empty(),
            "{name}: failed without saying why"
        );
    }
    assert!(
        o.peak_kib < MAX_RSS_KIB,
        "{name}: peak RSS {} KiB",
        o.peak_kib
    );
    let status = json(&o.db, &["status", "--json", "--check"]);
    assert_eq!(status["integrity"], "ok", "{name}: {status}");
    assert_eq!(status["pending_inputs"], 0, "{name}: {status}");
    eprintln!(
        "{name}: exit {} in {:.2}s, peak {} MiB",
        o.code,
        o.secs,
        o.peak_kib / 1024
    );
}

/// Articles with their text.
fn texts(db: &Path) -> Vec<Value> {
    articles(db)
        .iter()
        .map(|a| json(db, &["show", &a["id"].to_string(), "--json"]))
        .collect()
}

fn text_of(v: &Value) -> String {
    v["text"]
        .as_str()
        .or_else(|| v["article"]["text"].as_str())
        .unwrap_or_default()
        .to_string()
}

fn reports(db: &Path) -> Vec<Value> {
    json(db, &["reports", "--json"])
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Every figure in every report is a count a person could have written: 0 ..= 10 million.
fn figures_plausible(name: &str, db: &Path) {
    for r in reports(db) {
        if let Some(figs) = r["figures"].as_object() {
            for (field, f) in figs {
                for k in ["low", "best", "high"] {
                    if let Some(v) = f.get(k).filter(|v| !v.is_null()) {
                        let n = v.as_f64().unwrap_or(-1.0);
                        assert!(
                            (0.0..=1e7).contains(&n),
                            "{name}: absurd figure {field}.{k} = {v} in {r}"
                        );
                    }
                }
            }
        }
        let [a, b] = [r["sentence"][0].as_u64(), r["sentence"][1].as_u64()];
        assert!(a.is_some() && b.is_some() && a <= b, "{name}: bad span {r}");
    }
}

fn jsonl_line(text: &str) -> String {
    serde_json::json!({"url": "https://h.example/1", "outlet": "Hostile Wire", "published": "2025-10-03", "lang": "en", "text": text}).to_string()
}

const STRIKE_EN: &str = "The U.S. military struck a boat in the Caribbean on Tuesday, killing three people aboard, officials said.";

fn page(title: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title><meta property=\"article:published_time\" content=\"2025-10-03T10:00:00Z\"></head><body><article><h1>{title}</h1><p>{body}</p><p>Officials gave no further details about the vessel, the crew or the route it had taken before the strike.</p></article></body></html>")
}

// ---- encodings -------------------------------------------------------------------------

#[test]
fn encodings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let body = "Un ataque de Estados Unidos contra una lancha en el Caribe dejó tres muertos, informó el Comando Sur en Bahía.";

    // 1. UTF-8 with a BOM: the BOM is not part of the text
    let mut b = b"\xEF\xBB\xBF".to_vec();
    b.extend_from_slice(body.as_bytes());
    let o = ingest(d, "utf8-bom", &write(d, "utf8-bom.txt", &b), &[]);
    sane("utf8-bom", &o);
    let t = texts(&o.db);
    assert_eq!(t.len(), 1);
    assert!(!text_of(&t[0]).contains('\u{feff}') && text_of(&t[0]).contains("Bahía"));

    // 2-3. UTF-16 LE and BE with BOMs
    for (name, le) in [("utf16le", true), ("utf16be", false)] {
        let mut b = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in body.encode_utf16() {
            b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let o = ingest(d, name, &write(d, &format!("{name}.txt"), &b), &[]);
        sane(name, &o);
        let t = texts(&o.db);
        assert_eq!(t.len(), 1, "{name}");
        assert!(
            text_of(&t[0]).contains("Bahía"),
            "{name}: {}",
            text_of(&t[0])
        );
    }

    // 4. Latin-1 without any declaration: detected
    let latin1: Vec<u8> = body.chars().map(|c| c as u32 as u8).collect();
    let o = ingest(d, "latin1", &write(d, "latin1.txt", &latin1), &[]);
    sane("latin1", &o);
    assert!(text_of(&texts(&o.db)[0]).contains("Bahía"));

    // 5. HTML that declares UTF-8 but is Latin-1: read, never a crash; no NUL or invalid text
    let html = page("Ataque en el Caribe", body);
    let lying: Vec<u8> = html.chars().map(|c| c as u32 as u8).collect();
    let o = ingest(
        d,
        "wrong-charset",
        &write(d, "wrong-charset.html", &lying),
        &[],
    );
    sane("wrong-charset", &o);
    assert_eq!(articles(&o.db).len(), 1);

    // 6. mixed encodings in one file: UTF-8 then Latin-1 bytes
    let mut mixed = body.as_bytes().to_vec();
    mixed.extend_from_slice(b"\n\nSegunda parte: acci\xf3n en la regi\xf3n, dijo el portavoz.\n");
    let o = ingest(d, "mixed-encodings", &write(d, "mixed.txt", &mixed), &[]);
    sane("mixed-encodings", &o);
    assert_eq!(articles(&o.db).len(), 1);

    // 7. a JSONL line that is not UTF-8: that line fails alone
    let mut j = jsonl_line(STRIKE_EN).into_bytes();
    j.extend_from_slice(b"\n{\"text\": \"caf\xe9 \xff\xfe\"}\n");
    j.extend_from_slice(
        jsonl_line("A second report: nothing happened at sea on Wednesday.").as_bytes(),
    );
    j.push(b'\n');
    let o = ingest(d, "jsonl-bad-utf8", &write(d, "bad-utf8.jsonl", &j), &[]);
    sane("jsonl-bad-utf8", &o);
    assert_eq!(o.code, 1);
    assert_eq!(error_lines(&o.stderr).len(), 1, "{}", o.stderr);
    assert_eq!(articles(&o.db).len(), 2);

    // 8. UTF-16 without a BOM, and a file declared as something it is not: bounded, sane
    let mut b = Vec::new();
    for u in body.encode_utf16() {
        b.extend_from_slice(&u.to_le_bytes());
    }
    let o = ingest(d, "utf16-nobom", &write(d, "utf16-nobom.txt", &b), &[]);
    sane("utf16-nobom", &o);

    // 9. the fixed files in tests/hostile/ (odd encodings seen in the wild)
    for entry in std::fs::read_dir(hostile_dir()).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let o = ingest(d, &name, &p, &[]);
        sane(&name, &o);
    }
}

// ---- bombs and bounds ------------------------------------------------------------------

#[test]
fn bombs_and_huge_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // 10. gzip bomb: 256 MiB of zeros compressed to a few hundred KiB, as a .warc.gz
    let bomb = gz(&vec![0u8; 256 << 20]);
    let o = ingest(d, "gzip-bomb", &write(d, "bomb.warc.gz", &bomb), &[]);
    sane("gzip-bomb", &o);
    assert_eq!(o.code, 1, "a bomb is an error: {}", o.stderr);

    // 11. gzip bomb inside a valid record: a 64 MiB page (over the 16 MiB cap)
    let big_page = page("Big", &"x ".repeat(32 << 20));
    let o = ingest(
        d,
        "gzip-bomb-record",
        &write(
            d,
            "big-record.warc.gz",
            &gz(&warc_record("https://h.example/big", &big_page)),
        ),
        &[],
    );
    sane("gzip-bomb-record", &o);
    assert!(o.stderr.contains("limit"), "{}", o.stderr); // skipped unread, with a note
    assert!(articles(&o.db).is_empty());

    // 11b. a good record, then 40 MiB without a line feed: the good record is kept, then an
    // error; the reader never buffers the garbage whole
    let mut tail = warc_record("https://h.example/ok", &page("Good", STRIKE_EN));
    tail.extend(std::iter::repeat_n(b'A', 40 << 20));
    let o = ingest(
        d,
        "warc-endless-line",
        &write(d, "endless.warc", &tail),
        &[],
    );
    sane("warc-endless-line", &o);
    assert_eq!(o.code, 1);
    assert_eq!(articles(&o.db).len(), 1);

    // 12. XML entity bomb (billion laughs) in an RSS feed: refused
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>t</title><description>&lol9;</description></item></channel></rss>"#;
    let o = ingest(
        d,
        "entity-bomb",
        &write(d, "lolz.rss", laughs.as_bytes()),
        &[],
    );
    sane("entity-bomb", &o);
    assert_eq!(o.code, 1);

    // 13. an HTML page of a million character entities: decoded, bounded
    let ents = page(
        "Entities",
        &"&amp;&#x41;&eacute; ".repeat(1 << 19).replace("  ", " "),
    );
    let o = ingest(
        d,
        "html-entity-flood",
        &write(d, "entities.html", ents.as_bytes()),
        &[],
    );
    sane("html-entity-flood", &o);

    // 14. HTML nested 200,000 deep: refused by the nesting cap
    let deep = format!(
        "<html><body>{}{}{}</body></html>",
        "<div>".repeat(200_000),
        STRIKE_EN,
        "</div>".repeat(200_000)
    );
    let o = ingest(d, "deep-html", &write(d, "deep.html", deep.as_bytes()), &[]);
    sane("deep-html", &o);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("nest"), "{}", o.stderr);

    // 15. unclosed tags that never nest back: <p><b><i>... 100k times
    let unclosed = format!("<html><body>{}{STRIKE_EN}", "<b><i><span>".repeat(100_000));
    let o = ingest(
        d,
        "unclosed-html",
        &write(d, "unclosed.html", unclosed.as_bytes()),
        &[],
    );
    sane("unclosed-html", &o);

    // 16. JSON nested 100,000 deep on one JSONL line: that line fails
    let deep_json = format!(
        "{}\n{}{}\n",
        jsonl_line(STRIKE_EN),
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let o = ingest(
        d,
        "deep-json",
        &write(d, "deep.jsonl", deep_json.as_bytes()),
        &[],
    );
    sane("deep-json", &o);
    assert_eq!(o.code, 1);
    assert_eq!(articles(&o.db).len(), 1);

    // 17. one JSONL line of 20 MiB between two good lines: that line fails, over the cap
    let mut f = std::io::BufWriter::new(std::fs::File::create(d.join("huge-line.jsonl")).unwrap());
    writeln!(f, "{}", jsonl_line(STRIKE_EN)).unwrap();
    writeln!(f, "{}", jsonl_line(&"word ".repeat(4 << 20))).unwrap();
    writeln!(
        f,
        "{}",
        jsonl_line("Another line, read after the huge one.")
    )
    .unwrap();
    drop(f);
    let o = ingest(d, "huge-line", &d.join("huge-line.jsonl"), &[]);
    sane("huge-line", &o);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("limit"), "{}", o.stderr);
    assert_eq!(articles(&o.db).len(), 2);

    // 18. a 24 MiB text document: over the cap, a clear error
    let o = ingest(
        d,
        "huge-doc",
        &write(d, "huge.txt", "word ".repeat(5 << 20).as_bytes()),
        &[],
    );
    sane("huge-doc", &o);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("limit"), "{}", o.stderr);

    // 19. an 8 MiB "word" without a single space or sentence end, under the cap
    let o = ingest(
        d,
        "no-spaces",
        &write(d, "nospace.txt", &vec![b'a'; 8 << 20]),
        &["--no-extract"],
    );
    sane("no-spaces", &o);

    // 20. an 8 MiB single sentence of real words without a full stop, extracted
    let long_sentence = format!(
        "{} {}",
        STRIKE_EN.trim_end_matches('.'),
        "and then the boat went on ".repeat(300_000)
    );
    let o = ingest(
        d,
        "endless-sentence",
        &write(d, "endless.txt", long_sentence.as_bytes()),
        &[],
    );
    sane("endless-sentence", &o);

    // 21. HTML that is mostly script: 4 MiB of script, one paragraph of text
    let scripty = format!(
        "<html><head><title>Strike</title><script>{}</script></head><body><script>{}</script><p>{STRIKE_EN}</p><script>{}</script></body></html>",
        "var a=1;".repeat(200_000),
        "document.write('<p>not text</p>');".repeat(50_000),
        "x();".repeat(200_000)
    );
    let o = ingest(
        d,
        "mostly-script",
        &write(d, "script.html", scripty.as_bytes()),
        &[],
    );
    sane("mostly-script", &o);
    for a in texts(&o.db) {
        let t = text_of(&a);
        assert!(
            !t.contains("var a=1") && !t.contains("document.write"),
            "script leaked into text"
        );
    }

    // 22. a WARC record that claims an absurd length: an error, no huge allocation
    let absurd = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://h.example/a\r\nContent-Length: 999999999999999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>hi</p>";
    let o = ingest(
        d,
        "warc-absurd-length",
        &write(d, "absurd.warc", absurd),
        &[],
    );
    sane("warc-absurd-length", &o);
    assert_eq!(o.code, 1);
}

// ---- truncation and garbage ------------------------------------------------------------

#[test]
fn truncated_and_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let html = page("U.S. strike in the Caribbean", STRIKE_EN);

    // 23. a gzip WARC cut in the middle: records before the cut are kept, then an error
    let mut whole = Vec::new();
    for i in 0..5 {
        whole.extend(gz(&warc_record(
            &format!("https://h.example/{i}"),
            &page(
                &format!("Story {i}"),
                &format!("{STRIKE_EN} Story number {i} of five."),
            ),
        )));
    }
    let cut = &whole[..whole.len() - 300];
    let o = ingest(d, "warc-gz-truncated", &write(d, "cut.warc.gz", cut), &[]);
    sane("warc-gz-truncated", &o);
    assert_eq!(o.code, 1);
    assert_eq!(articles(&o.db).len(), 4, "{}", o.stderr);

    // 24. a plain WARC cut inside a record's block
    let mut plain = warc_record("https://h.example/a", &html);
    let second = warc_record(
        "https://h.example/b",
        &page("Second", "Second story, about a different day at sea."),
    );
    plain.extend_from_slice(&second[..second.len() / 2]);
    let o = ingest(d, "warc-truncated", &write(d, "cut.warc", &plain), &[]);
    sane("warc-truncated", &o);
    assert_eq!(o.code, 1);
    assert_eq!(articles(&o.db).len(), 1);

    // 25. WARC garbage: not a WARC at all but named like one
    let o = ingest(
        d,
        "warc-garbage",
        &write(d, "garbage.warc", b"GET / HTTP/1.1\r\n\r\nhello"),
        &[],
    );
    sane("warc-garbage", &o);
    assert_eq!(o.code, 1);

    // 26. an RSS feed cut in the middle of an item
    let rss = format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>One</title><link>https://h.example/1</link><pubDate>Fri, 03 Oct 2025 10:00:00 GMT</pubDate><description>{STRIKE_EN}</description></item><item><title>Two</title><description>The second st");
    let o = ingest(
        d,
        "feed-truncated",
        &write(d, "cut.rss", rss.as_bytes()),
        &[],
    );
    sane("feed-truncated", &o);

    // 27. a JSONL file whose last line is cut mid-object
    let mut j = format!("{}\n", jsonl_line(STRIKE_EN));
    let last = jsonl_line("This line is cut short");
    j.push_str(&last[..last.len() - 10]);
    let o = ingest(
        d,
        "jsonl-truncated",
        &write(d, "cut.jsonl", j.as_bytes()),
        &[],
    );
    sane("jsonl-truncated", &o);
    assert_eq!(o.code, 1);
    assert_eq!(articles(&o.db).len(), 1);

    // 28. JSONL lines of the wrong shape: array, number, null, string, text a number, empty text
    let shapes = "[1,2]\n42\nnull\n\"text\"\n{\"text\": 12345}\n{\"text\": \"\"}\n{\"html\": \"\"}\n{}\n\n   \n";
    let o = ingest(
        d,
        "jsonl-shapes",
        &write(d, "shapes.jsonl", shapes.as_bytes()),
        &[],
    );
    sane("jsonl-shapes", &o);
    assert_eq!(o.code, 1);

    // 29. JSON with lone surrogates and escaped NULs
    let surrogates = "{\"url\":\"https://h.example/s\",\"lang\":\"en\",\"text\":\"Lone \\ud800 surrogate and \\u0000 NUL in a report about a strike at sea.\"}\n";
    let o = ingest(
        d,
        "json-surrogates",
        &write(d, "surrogates.jsonl", surrogates.as_bytes()),
        &[],
    );
    sane("json-surrogates", &o);

    // 30. NUL bytes in a text file
    let mut nul = STRIKE_EN.as_bytes().to_vec();
    nul.splice(10..10, [0u8, 0, 0]);
    let o = ingest(d, "nul-bytes", &write(d, "nul.txt", &nul), &[]);
    sane("nul-bytes", &o);
    for a in texts(&o.db) {
        assert!(!text_of(&a).contains('\0'), "NUL stored in text");
    }

    // 31. random binary bytes named .txt and .html
    let mut x: u64 = 0x1234_5678;
    let noise: Vec<u8> = (0..65536)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    for name in [
        "noise.txt",
        "noise.html",
        "noise.jsonl",
        "noise.rss",
        "noise.warc",
    ] {
        let o = ingest(d, name, &write(d, name, &noise), &[]);
        sane(name, &o);
    }

    // 32. empty and white-space-only inputs
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", b" \n\t\r\n  \n"),
        ("empty.html", b""),
        ("empty.jsonl", b""),
    ] {
        let o = ingest(d, name, &write(d, name, bytes), &[]);
        sane(name, &o);
        assert!(articles(&o.db).is_empty(), "{name}");
    }

    // 33. HTML soup: stray brackets, unterminated comments and attributes
    let soup = format!("<<<>>><html <body x=\"unterminated><!-- never closed <p>{STRIKE_EN}</p> <![CDATA[ <scr<script>ipt>");
    let o = ingest(d, "html-soup", &write(d, "soup.html", soup.as_bytes()), &[]);
    sane("html-soup", &o);

    // 34. CR-only and mixed line endings, and terminal escape sequences
    let cr =
        format!("Headline\rFirst paragraph.\r\r{STRIKE_EN}\r\n\x1b[31mred\x1b[0m and \x07bell\n");
    let o = ingest(d, "cr-and-escapes", &write(d, "cr.txt", cr.as_bytes()), &[]);
    sane("cr-and-escapes", &o);
    assert_eq!(articles(&o.db).len(), 1);
}

// ---- dates and numbers -----------------------------------------------------------------

#[test]
fn dates_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // 35. invalid and absurd publication dates: a clear error per line, or a sane date
    let mut j = String::new();
    for p in [
        "2025-13-45",
        "2025-02-30",
        "0000-00-00",
        "99999-01-01",
        "-2025-01-01",
        "yesterday",
        "1e9",
        "2025-10-03T25:61:00Z",
    ] {
        j.push_str(&serde_json::json!({"url": format!("https://h.example/{p}"), "published": p, "lang": "en", "text": STRIKE_EN}).to_string());
        j.push('\n');
    }
    for p in ["9999-12-31", "1900-01-01"] {
        j.push_str(&serde_json::json!({"url": format!("https://h.example/{p}"), "published": p, "lang": "en", "text": format!("{STRIKE_EN} On {p}.")}).to_string());
        j.push('\n');
    }
    let o = ingest(
        d,
        "absurd-dates",
        &write(d, "dates.jsonl", j.as_bytes()),
        &[],
    );
    sane("absurd-dates", &o);
    assert_eq!(o.code, 1);
    // the eight impossible dates fail; a timestamp with an impossible time keeps its date
    assert_eq!(error_lines(&o.stderr).len(), 7, "{}", o.stderr);
    for a in articles(&o.db) {
        let p = a["published"].as_str().unwrap_or("");
        assert!(
            p.is_empty() || chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").is_ok(),
            "{a}"
        );
    }

    // 36. impossible dates in the text: "February 30", "the 45th", year 99999
    let text = "On February 30, 2025, the U.S. military struck a boat in the Caribbean, killing two people, officials said. \
        The strike on October 45 killed four people, the Pentagon said. \
        On 31/02/2025 a vessel was struck off Venezuela, killing three, officials said. \
        In the year 99999 a boat was struck, killing five people, officials said.";
    let o = ingest(
        d,
        "impossible-text-dates",
        &write(d, "dates.jsonl", jsonl_line(text).as_bytes()),
        &[],
    );
    sane("impossible-text-dates", &o);
    for r in reports(&o.db) {
        if let Some(date) = r["date"].as_str() {
            let ok = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok()
                || chrono::NaiveDate::parse_from_str(&format!("{date}-01"), "%Y-%m-%d").is_ok()
                || chrono::NaiveDate::parse_from_str(&format!("{date}-01-01"), "%Y-%m-%d").is_ok();
            assert!(ok, "invalid date {date} in {r}");
            assert!(!date.starts_with("99999"), "{r}");
        }
    }

    // 37. absurd numbers: never stored as figures
    let text = "The U.S. military said 10^100 people were killed in a strike on a boat in the Caribbean on Tuesday. \
        A strike on a vessel off Venezuela on Wednesday killed -3 people, officials said. \
        Officials said 99999999999999999999999999 people were killed in a strike on a boat in the Pacific. \
        A strike killed 1e308 people aboard a speedboat, the Pentagon said. \
        A strike on a boat killed 3.5 people and 2/3 of the crew, officials said. \
        Un ataque contra una lancha dejó un quintillón de muertos, dijo el Comando Sur. \
        A strike killed NaN people aboard a boat, officials said. \
        A strike on a boat killed eleventy-twelve hundred thousand million people, officials said.";
    let o = ingest(
        d,
        "absurd-numbers",
        &write(d, "numbers.jsonl", jsonl_line(text).as_bytes()),
        &[],
    );
    sane("absurd-numbers", &o);
    figures_plausible("absurd-numbers", &o.db);
    // the extraction core's parsers agree, called directly
    use sw_extract::numbers::{parse_figure, parse_number};
    use sw_model::Lang;
    for s in [
        "10^100",
        "-3",
        "99999999999999999999999999",
        "1e308",
        "3.5",
        "2/3",
        "NaN",
        "−3",
    ] {
        for lang in [Lang::En, Lang::Es] {
            if let Some(n) = parse_number(s, lang) {
                assert!((0..=10_000_000_000).contains(&n), "{s:?} read as {n}");
            }
            let _ = parse_figure(s, lang);
        }
    }
}

// ---- scripts and invisible characters --------------------------------------------------

#[test]
fn scripts_and_invisible_characters() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // 38. right-to-left overrides and embeddings around figures and names
    let rtl = "The U.S. military struck a boat in the \u{202E}naebbiraC\u{202C} on Tuesday, killing \u{202B}three\u{202C} people aboard, officials said. \u{2067}مرحبا\u{2069} שלום.";
    // 39. zero-width characters inside cue words and numbers
    let zw = "The U.S. mili\u{200B}tary str\u{200D}uck a boat in the Carib\u{FEFF}bean on Tuesday, killing th\u{200C}ree people aboard, officials said. 1\u{200B}2 people were injured.";
    // 40. mixed scripts and homoglyphs: Cyrillic letters in Latin words, CJK, emoji, combining marks
    let mixed = "The U.S. militаry struсk а boаt in the Caribbean on Tuesday, killing three people aboard, officials said. 美国军方 says 😀🚤💥. Z̷̢̛a̴l̵g̶o̸ text and e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}.";
    // 41. a text of nothing but combining marks and control characters
    let marks = "\u{301}".repeat(50_000) + &"\u{1}\u{2}\u{7f}".repeat(10_000);
    // 42. right-to-left Arabic article with Eastern Arabic digits
    let arabic = "قالت القيادة الجنوبية إن الجيش الأمريكي ضرب قارباً في البحر الكاريبي يوم الثلاثاء مما أسفر عن مقتل ٣ أشخاص.";
    for (name, text) in [
        ("rtl", rtl.to_string()),
        ("zero-width", zw.to_string()),
        ("mixed-scripts", mixed.to_string()),
        ("combining-marks", marks),
        ("arabic", arabic.to_string()),
    ] {
        let o = ingest(
            d,
            name,
            &write(d, &format!("{name}.jsonl"), jsonl_line(&text).as_bytes()),
            &[],
        );
        sane(name, &o);
        figures_plausible(name, &o.db);
        // every report's sentence span slices the stored text on character boundaries
        let shown = texts(&o.db);
        let stored = shown.first().map(text_of).unwrap_or_default();
        for r in reports(&o.db) {
            let (a, b) = (
                r["sentence"][0].as_u64().unwrap() as usize,
                r["sentence"][1].as_u64().unwrap() as usize,
            );
            assert!(
                stored.get(a..b).is_some(),
                "{name}: span {a}..{b} does not slice the text"
            );
        }
    }
}

// ---- fuzz regressions ------------------------------------------------------------------

/// Every input a fuzz target once crashed on (`tests/fuzz-regressions/TARGET/`), replayed
/// through the same code as its target (see `fuzz/fuzz_targets/`): the readers that split
/// files (WARC, JSONL) through the binary, the others in process. None may panic.
#[test]
fn fuzz_regressions() {
    use sw_model::{Format, Lang};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = root().join("tests/fuzz-regressions");
    let prep = sw_text::Preparer::new();
    let ex = sw_extract::Extractor::new();
    let published = chrono::NaiveDate::from_ymd_opt(2025, 11, 4);
    let mut n = 0;
    for target in std::fs::read_dir(&base).unwrap() {
        let target = target.unwrap().path();
        if !target.is_dir() {
            continue;
        }
        let t = target.file_name().unwrap().to_string_lossy().into_owned();
        for f in std::fs::read_dir(&target).unwrap() {
            let f = f.unwrap().path();
            let data = std::fs::read(&f).unwrap();
            let name = format!("{t}/{}", f.file_name().unwrap().to_string_lossy());
            n += 1;
            let parse = |format: Format| {
                let unit = sw_ingest::Unit {
                    locator: name.clone(),
                    format,
                    bytes: data.clone(),
                    meta: sw_ingest::UnitMeta::default(),
                };
                if let Ok(p) = sw_ingest::parse(&unit, &sw_ingest::Limits::default()) {
                    for doc in p.documents {
                        prep.prepare(doc, published);
                    }
                }
            };
            match t.as_str() {
                "warc" | "jsonl" => {
                    let p = write(d, &format!("{n}.{t}"), &data);
                    let o = ingest(d, &format!("regression-{n}"), &p, &[]);
                    sane(&name, &o);
                    if t == "jsonl" {
                        parse(Format::Jsonl);
                    }
                }
                "html" => parse(Format::Html),
                "feed" => parse(Format::Feed),
                "text" => parse(Format::Text),
                "numbers" | "dates" | "extract" => {
                    let s = String::from_utf8_lossy(&data);
                    for lang in [Lang::En, Lang::Es] {
                        let _ = sw_extract::numbers::parse_number(&s, lang);
                        let _ = sw_extract::numbers::parse_figure(&s, lang);
                        let _ = sw_extract::dates::parse_date(&s, lang, published);
                        for r in ex.extract(&s, lang, published) {
                            assert!(s.get(r.sentence[0]..r.sentence[1]).is_some(), "{name}");
                        }
                    }
                    let _ = sw_ingest::parse_date(&s);
                }
                other => panic!("unknown fuzz target folder {other}"),
            }
        }
    }
    assert!(n > 0, "no regression inputs found under {}", base.display());
}
