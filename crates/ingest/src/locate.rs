//! From what the user named to a stream of units: files, folders (recursive, sorted, so runs
//! are reproducible), `-` for standard input, and http(s) URLs. Containers that hold many
//! articles are split here — a JSONL file into lines, a WARC into its HTML responses — so
//! that each unit is small, stored on its own, and memory stays bounded however large the
//! container.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use sw_model::Format;

use crate::detect::{binary_kind, detect_format, looks_binary, sniff};
use crate::fetch::Fetcher;
use crate::{Item, Options, Unit, UnitMeta};

/// Most feed item links fetched per feed with `--fetch-links`.
const MAX_LINKED_PAGES: usize = 200;

/// Walks `inputs` in order and hands every unit, failure and skip to `sink`. `fetcher` is
/// needed only for URLs and `--fetch-links`; without one those inputs fail with a clear line.
pub fn walk(
    inputs: &[String],
    opts: &Options,
    fetcher: Option<&Fetcher>,
    sink: &mut dyn FnMut(Item),
) {
    for input in inputs {
        if input == "-" {
            let mut bytes = Vec::new();
            let cap = opts.limits.max_bytes;
            match std::io::stdin()
                .lock()
                .take(cap as u64 + 1)
                .read_to_end(&mut bytes)
            {
                Err(e) => sink(Item::Unreadable {
                    locator: "-".into(),
                    error: format!("cannot read standard input: {e}"),
                }),
                Ok(_) if bytes.len() > cap => sink(Item::Unreadable {
                    locator: "-".into(),
                    error: format!(
                        "standard input is over the {cap}-byte limit (raise it with --max-bytes)"
                    ),
                }),
                Ok(_) => from_bytes("-", bytes, opts.meta.clone(), opts, fetcher, None, sink),
            }
        } else if input.starts_with("http://") || input.starts_with("https://") {
            walk_url(input, opts, fetcher, sink);
        } else {
            let path = Path::new(input);
            // a symbolic link named by the user is followed, to a file or a folder
            match std::fs::metadata(path) {
                Err(e) => sink(Item::Unreadable {
                    locator: input.clone(),
                    error: missing_message(path, &e),
                }),
                Ok(m) if m.is_dir() => walk_dir(path, opts, fetcher, sink),
                Ok(m) if m.is_file() => walk_file(path, true, opts, fetcher, sink),
                // opening a FIFO blocks until someone writes to it, and a device may never
                // end: only regular files are read (standard input is `-`)
                Ok(m) => sink(Item::Skipped {
                    locator: input.clone(),
                    reason: format!(
                        "{}, not a regular file: not read (pipe it to standard input with `-` instead)",
                        special_kind(&m.file_type())
                    ),
                }),
            }
        }
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// The input a unit's locator belongs to, and what its parts are called: `walk` names a
/// line of a JSONL file `FILE:LINE` and a record of a WARC archive `FILE#N`; any other
/// locator is an input of its own. Used to cap and summarise the error lines of one input.
pub fn container_of(locator: &str) -> (&str, &'static str) {
    for (sep, parts) in [(':', "lines"), ('#', "records")] {
        if let Some((head, tail)) = locator.rsplit_once(sep) {
            // `http://host:8080` ends in a port, not a line number
            let port = sep == ':'
                && head
                    .split_once("://")
                    .is_some_and(|(_, rest)| !rest.contains('/'));
            let number = !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit());
            if !head.is_empty() && number && !port {
                return (head, parts);
            }
        }
    }
    (locator, "parts")
}

/// Why a named path cannot be read; a dangling symbolic link says where it points, since
/// "no such file" about a path the user can see listed would be a puzzle.
fn missing_message(path: &Path, e: &std::io::Error) -> String {
    match std::fs::read_link(path) {
        Ok(target) if e.kind() == std::io::ErrorKind::NotFound => format!(
            "a symbolic link to {}, which does not exist",
            target.display()
        ),
        _ => io_message(e),
    }
}

/// What a file that is neither a regular file nor a folder is, in words.
fn special_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        } else if t.is_socket() {
            return "a socket";
        } else if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

fn walk_url(url: &str, opts: &Options, fetcher: Option<&Fetcher>, sink: &mut dyn FnMut(Item)) {
    let Some(fetcher) = fetcher else {
        sink(Item::Unreadable {
            locator: url.into(),
            error: "URLs need a network client, and none was given".into(),
        });
        return;
    };
    match fetcher.get(url) {
        Err(e) => sink(Item::Unreadable {
            locator: url.into(),
            error: e,
        }),
        Ok(f) => {
            let meta = UnitMeta {
                url: Some(f.final_url.clone()),
                content_type: f.content_type.clone(),
                ..Default::default()
            }
            .or(&opts.meta);
            let hint = f.content_type.as_deref().and_then(format_from_content_type);
            from_bytes(url, f.bytes, meta, opts, Some(fetcher), hint, sink);
        }
    }
}

fn format_from_content_type(ct: &str) -> Option<Format> {
    let ct = ct.to_ascii_lowercase();
    if ct.contains("html") {
        Some(Format::Html)
    } else if ct.contains("rss")
        || ct.contains("atom")
        || ct.contains("xml")
        || ct.contains("feed+json")
    {
        Some(Format::Feed)
    } else if ct.contains("warc") {
        Some(Format::Warc)
    } else if ct.contains("ndjson") || ct.contains("jsonl") {
        Some(Format::Jsonl)
    } else if ct.starts_with("text/plain") {
        Some(Format::Text)
    } else {
        None
    }
}

fn walk_dir(dir: &Path, opts: &Options, fetcher: Option<&Fetcher>, sink: &mut dyn FnMut(Item)) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .max_depth(64)
        .into_iter()
        // hidden files and folders (.git, editor swap files) are never inputs
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Err(e) => {
                let locator = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| dir.display().to_string());
                sink(Item::Unreadable {
                    locator,
                    error: e.to_string(),
                });
            }
            Ok(e) if e.file_type().is_file() => {
                let name = e.file_name().to_string_lossy();
                // sidecar metadata is read with its text file, not as an input of its own
                if name.ends_with(".meta.json") {
                    continue;
                }
                walk_file(e.path(), false, opts, fetcher, sink);
            }
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) if e.path_is_symlink() => sink(Item::Skipped {
                locator: e.path().display().to_string(),
                // links inside a folder may loop or lead anywhere on the disk
                reason: "a symbolic link: links inside a folder are not followed (name it on the command line to read it)".into(),
            }),
            Ok(e) => sink(Item::Skipped {
                locator: e.path().display().to_string(),
                reason: format!(
                    "{}, not a regular file: not read",
                    special_kind(&e.file_type())
                ),
            }),
        }
    }
}

/// `explicit`: the user named this file; otherwise it was found in a folder, where files of
/// unknown kinds are skipped (and said to be) instead of failing.
fn walk_file(
    path: &Path,
    explicit: bool,
    opts: &Options,
    fetcher: Option<&Fetcher>,
    sink: &mut dyn FnMut(Item),
) {
    let locator = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut head = [0u8; 1024];
    let head_len = match File::open(path).and_then(|mut f| read_head(&mut f, &mut head)) {
        Ok(n) => n,
        Err(e) => {
            return sink(Item::Unreadable {
                locator,
                error: io_message(&e),
            })
        }
    };
    let head = &head[..head_len];
    if let Some(kind) = binary_kind(head) {
        let what = format!("binary content ({kind}, by its first bytes), not an article input");
        // named like an input (`photo.html`), it fails; inside a folder, `photo.png` is
        // passed over like any file of an unknown kind
        return sink(if explicit || is_input_name(&name) {
            Item::Unreadable {
                locator,
                error: what,
            }
        } else {
            Item::Skipped {
                locator,
                reason: what,
            }
        });
    }
    let format = match opts.format.or_else(|| detect_format(&name, head)) {
        Some(f) => f,
        None if explicit && head_len == 0 => Format::Text, // an empty file fails in parse, with its bytes stored
        None if explicit && !looks_binary(head) => Format::Text,
        None if explicit => {
            return sink(Item::Unreadable {
                locator,
                error: "binary content: not text, HTML, JSONL, a feed or a WARC archive".into(),
            })
        }
        None => {
            return sink(Item::Skipped {
                locator,
                reason: "not a known input format".into(),
            })
        }
    };
    // inside a folder only names that say what they are (or say nothing) are read: a
    // template such as `page.html.in` or a `notes.md` is not an article
    if !explicit && opts.format.is_none() && !is_input_name(&name) {
        return sink(Item::Skipped {
            locator,
            reason: "not a known input format".into(),
        });
    }
    match format {
        Format::Jsonl => split_jsonl_file(path, &locator, opts, sink),
        Format::Warc => match File::open(path) {
            Ok(f) => split_warc(BufReader::new(f), &locator, opts, sink),
            Err(e) => sink(Item::Unreadable {
                locator,
                error: io_message(&e),
            }),
        },
        _ => {
            let cap = opts.limits.max_bytes;
            let mut bytes = Vec::new();
            let read =
                File::open(path).and_then(|f| f.take(cap as u64 + 1).read_to_end(&mut bytes));
            if let Err(e) = read {
                return sink(Item::Unreadable {
                    locator,
                    error: io_message(&e),
                });
            }
            if bytes.len() > cap {
                let size = std::fs::metadata(path)
                    .map(|m| m.len())
                    .unwrap_or(bytes.len() as u64);
                return sink(Item::Unreadable {
                    locator,
                    error: format!(
                        "{size} bytes is over the {cap}-byte limit (raise it with --max-bytes)"
                    ),
                });
            }
            let meta = sidecar(path, sink).unwrap_or_default().or(&opts.meta);
            from_bytes(&locator, bytes, meta, opts, fetcher, Some(format), sink);
        }
    }
}

fn is_input_name(name: &str) -> bool {
    const KNOWN: &[&str] = &[
        ".txt",
        ".text",
        ".html",
        ".htm",
        ".xhtml",
        ".jsonl",
        ".ndjson",
        ".jsonl.gz",
        ".json",
        ".xml",
        ".rss",
        ".atom",
        ".feed",
        ".warc",
        ".warc.gz",
        ".arc.gz",
    ];
    let lower = name.to_ascii_lowercase();
    !lower.contains('.') || KNOWN.iter().any(|ext| lower.ends_with(ext))
}

fn read_head(f: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// `foo.txt` may carry its metadata in `foo.meta.json` beside it.
fn sidecar(path: &Path, sink: &mut dyn FnMut(Item)) -> Option<UnitMeta> {
    let stem = path.file_stem()?.to_string_lossy();
    let side = path.with_file_name(format!("{stem}.meta.json"));
    let bytes = std::fs::read(&side).ok()?;
    match serde_json::from_slice::<UnitMeta>(&bytes) {
        Ok(m) => Some(m),
        Err(e) => {
            sink(Item::Skipped {
                locator: side.display().to_string(),
                reason: format!("sidecar metadata ignored: not valid JSON metadata ({e})"),
            });
            None
        }
    }
}

/// A unit from bytes already in memory (stdin, a URL body, a file).
fn from_bytes(
    locator: &str,
    bytes: Vec<u8>,
    mut meta: UnitMeta,
    opts: &Options,
    fetcher: Option<&Fetcher>,
    hint: Option<Format>,
    sink: &mut dyn FnMut(Item),
) {
    if let Some(kind) = binary_kind(&bytes) {
        return sink(Item::Unreadable {
            locator: locator.into(),
            error: format!("binary content ({kind}, by its first bytes), not an article input"),
        });
    }
    let format = opts
        .format
        .or(hint)
        .or_else(|| sniff(&bytes))
        .unwrap_or(Format::Text);
    match format {
        Format::Jsonl => split_jsonl(BufReader::new(&bytes[..]), locator, opts, sink),
        Format::Warc => split_warc(BufReader::new(&bytes[..]), locator, opts, sink),
        Format::Feed if opts.fetch_links => {
            if let Some(f) = fetcher {
                meta.linked_pages = fetch_linked(&bytes, f, locator, sink);
            }
            sink(Item::Unit(Unit {
                locator: locator.into(),
                format,
                bytes,
                meta,
            }));
        }
        _ => sink(Item::Unit(Unit {
            locator: locator.into(),
            format,
            bytes,
            meta,
        })),
    }
}

fn fetch_linked(
    feed: &[u8],
    fetcher: &Fetcher,
    locator: &str,
    sink: &mut dyn FnMut(Item),
) -> Vec<(String, String)> {
    let Ok(parsed) = crate::sources::feed::parse_feed(feed) else {
        return Vec::new(); // the feed's own parse reports the problem
    };
    let mut pages = Vec::new();
    for entry in parsed.entries.iter().take(MAX_LINKED_PAGES) {
        let Some(link) = entry.links.first().map(|l| l.href.clone()) else {
            continue;
        };
        match fetcher.get(&link) {
            Ok(f) => {
                let page = crate::decode::decode(&f.bytes, f.content_type.as_deref(), true);
                if let Some(note) = page.note() {
                    sink(Item::Skipped {
                        locator: format!("{locator} -> {link}"),
                        reason: format!("linked page: {note}"),
                    });
                }
                pages.push((link, page.text));
            }
            Err(e) => sink(Item::Skipped {
                locator: format!("{locator} -> {link}"),
                reason: format!("linked page not fetched ({e}); the item's own summary is used"),
            }),
        }
    }
    pages
}

fn split_jsonl_file(path: &Path, locator: &str, opts: &Options, sink: &mut dyn FnMut(Item)) {
    match File::open(path) {
        Ok(f) => {
            let reader: Box<dyn BufRead> =
                if path.to_string_lossy().to_ascii_lowercase().ends_with(".gz") {
                    Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(f)))
                } else {
                    Box::new(BufReader::with_capacity(1 << 16, f))
                };
            split_jsonl(reader, locator, opts, sink);
        }
        Err(e) => sink(Item::Unreadable {
            locator: locator.into(),
            error: io_message(&e),
        }),
    }
}

/// One unit per non-blank line; a line over the cap is skipped to its end without being held
/// in memory, and reported.
fn split_jsonl<R: BufRead>(
    mut reader: R,
    locator: &str,
    opts: &Options,
    sink: &mut dyn FnMut(Item),
) {
    let cap = opts.limits.max_bytes;
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        let mut line = Vec::new();
        match read_capped_line(&mut reader, &mut line, cap) {
            Err(e) => {
                sink(Item::Unreadable {
                    locator: format!("{locator}:{line_no}"),
                    error: format!("read failed: {e}"),
                });
                return;
            }
            Ok(LineRead::Eof) => return,
            Ok(LineRead::TooLong(n)) => sink(Item::Unreadable {
                locator: format!("{locator}:{line_no}"),
                error: format!(
                    "line of {n}+ bytes is over the {cap}-byte limit (raise it with --max-bytes)"
                ),
            }),
            Ok(LineRead::Line) => {
                let trimmed = line.trim_ascii();
                if trimmed.is_empty() {
                    continue;
                }
                // a line that can be no article is refused here, before its bytes are
                // stored: a flood of garbage must not add a stored input per line
                if let Err(e) = crate::sources::jsonl::read_line(trimmed) {
                    sink(Item::Unreadable {
                        locator: format!("{locator}:{line_no}"),
                        error: e.0,
                    });
                    continue;
                }
                sink(Item::Unit(Unit {
                    locator: format!("{locator}:{line_no}"),
                    format: Format::Jsonl,
                    bytes: trimmed.to_vec(),
                    meta: opts.meta.clone(),
                }));
            }
        }
    }
}

enum LineRead {
    Line,
    TooLong(usize),
    Eof,
}

fn read_capped_line<R: BufRead>(
    r: &mut R,
    out: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<LineRead> {
    let mut total = 0usize;
    let mut any = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(if !any {
                LineRead::Eof
            } else if total > cap {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            });
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let n = chunk.len();
        total += n;
        if total <= cap + 1 {
            out.extend_from_slice(chunk);
        } else {
            out.clear();
        }
        r.consume(n);
        if done {
            return Ok(if total > cap + 1 {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            });
        }
    }
}

/// One unit per HTML `response` record. Gzip (per-record members or whole-file) is detected
/// from the magic bytes. A record whose declared length is over the cap is skipped unread.
fn split_warc<R: BufRead>(
    mut reader: R,
    locator: &str,
    opts: &Options,
    sink: &mut dyn FnMut(Item),
) {
    let gz = match reader.fill_buf() {
        Ok(b) => b.starts_with(&[0x1f, 0x8b]),
        Err(e) => {
            return sink(Item::Unreadable {
                locator: locator.into(),
                error: io_message(&e),
            })
        }
    };
    if gz {
        let dec = BufReader::new(flate2::bufread::MultiGzDecoder::new(reader));
        split_warc_plain(dec, locator, opts, sink)
    } else {
        split_warc_plain(reader, locator, opts, sink)
    }
}

fn split_warc_plain<R: BufRead>(
    mut reader: R,
    locator: &str,
    opts: &Options,
    sink: &mut dyn FnMut(Item),
) {
    use warc::{RecordType, WarcHeader};
    let cap = opts.limits.max_bytes as u64;
    // The warc crate reads a record header until a blank line and ends the stream silently
    // (holding everything read) when there is none: refuse what does not start like a WARC,
    // and bound the length of any line it buffers.
    match reader.fill_buf() {
        Ok(b) if b.is_empty() || b.starts_with(b"WARC/") => {}
        Ok(_) => {
            return sink(Item::Unreadable {
                locator: locator.into(),
                error: "not a WARC archive (it does not start with a WARC/1.x record)".into(),
            })
        }
        Err(e) => {
            return sink(Item::Unreadable {
                locator: locator.into(),
                error: io_message(&e),
            })
        }
    }
    let reader = LineCap {
        inner: reader,
        run: 0,
        max: cap + 64 * 1024,
    };
    let mut reader = warc::WarcReader::new(reader);
    let mut stream = reader.stream_records();
    let mut index = 0usize;
    let mut responses = 0usize;
    while let Some(next) = stream.next_item() {
        let here = format!("{locator}#{index}");
        index += 1;
        let record = match next {
            Ok(r) => r,
            Err(e) => {
                let what = match e {
                    warc::Error::UnexpectedEOB => {
                        "archive is truncated (it ends inside a record)".to_string()
                    }
                    warc::Error::ParseHeaders(_) => "malformed WARC record header".to_string(),
                    warc::Error::ReadData(io) => format!("read failed: {}", warc_io(&io)),
                    other => format!("malformed WARC: {other}"),
                };
                let error = if responses == 0 {
                    what
                } else {
                    format!("{what}, after {responses} good records")
                };
                sink(Item::Unreadable {
                    locator: here,
                    error,
                });
                return;
            }
        };
        if *record.warc_type() != RecordType::Response {
            continue; // warcinfo, request, metadata: not articles
        }
        let len = record.content_length();
        if len > cap {
            sink(Item::Skipped {
                locator: here,
                reason: format!("record of {len} bytes is over the {cap}-byte limit"),
            });
            continue;
        }
        // `Record::header` panics on a header value that is not UTF-8 (found by fuzzing):
        // read the block, then the raw header bytes
        let (raw_headers, block) = match record.into_buffered() {
            Ok(r) => r.into_raw_parts(),
            Err(e) => {
                let error = format!(
                    "archive is truncated or unreadable inside a record: {}",
                    warc_io(&e)
                );
                sink(Item::Unreadable {
                    locator: here,
                    error,
                });
                return;
            }
        };
        // the warc crate hands over a record whose block the file ends inside with the
        // bytes it found: a cut article is no article
        if (block.len() as u64) < len {
            let error = format!(
                "record cut short: its Content-Length is {len} bytes but the archive ends after {}",
                block.len()
            );
            sink(Item::Unreadable {
                locator: here,
                error,
            });
            return;
        }
        let raw_header = |h: WarcHeader| {
            raw_headers
                .headers
                .get(&h)
                .map(|v| String::from_utf8_lossy(v).into_owned())
        };
        let uri = raw_header(WarcHeader::TargetURI);
        let date = raw_header(WarcHeader::Date);
        responses += 1;
        let (content_type, body) = split_http(&block);
        let is_html = content_type
            .as_deref()
            .map(|c| c.to_ascii_lowercase().contains("html"))
            .unwrap_or_else(|| matches!(sniff(body), Some(Format::Html)));
        if !is_html {
            sink(Item::Skipped {
                locator: here,
                reason: format!(
                    "not an HTML response ({})",
                    content_type.unwrap_or_else(|| "no content type".into())
                ),
            });
            continue;
        }
        let meta = UnitMeta {
            url: uri,
            published: date,
            published_is_capture: true,
            content_type,
            ..Default::default()
        }
        .or(&opts.meta);
        sink(Item::Unit(Unit {
            locator: here,
            format: Format::Html,
            bytes: body.to_vec(),
            meta,
        }));
    }
}

/// A reader that fails once more than `max` bytes pass without a line feed, so that a
/// malformed archive cannot make the WARC parser buffer an unbounded header line.
struct LineCap<R> {
    inner: R,
    run: u64,
    max: u64,
}

impl<R> LineCap<R> {
    fn saw(&mut self, bytes: &[u8]) {
        match bytes.iter().rposition(|&c| c == b'\n') {
            Some(i) => self.run = (bytes.len() - 1 - i) as u64,
            None => self.run = self.run.saturating_add(bytes.len() as u64),
        }
    }
    fn check(&self) -> std::io::Result<()> {
        if self.run > self.max {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("a line of more than {} bytes (not a WARC record)", self.max),
            ));
        }
        Ok(())
    }
}

impl<R: BufRead> Read for LineCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.check()?;
        let n = self.inner.read(buf)?;
        self.saw(&buf[..n]);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for LineCap<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.check()?;
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        let mut run = self.run;
        if let Ok(b) = self.inner.fill_buf() {
            let b = &b[..amt.min(b.len())];
            run = match b.iter().rposition(|&c| c == b'\n') {
                Some(i) => (b.len() - 1 - i) as u64,
                None => run.saturating_add(b.len() as u64),
            };
        }
        self.run = run;
        self.inner.consume(amt);
    }
}

fn warc_io(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        "unexpected end of data".into()
    } else {
        e.to_string()
    }
}

/// Splits an HTTP response block into its Content-Type and body. A block with no status line
/// is taken as a bare body.
fn split_http(block: &[u8]) -> (Option<String>, &[u8]) {
    if !block.starts_with(b"HTTP/") {
        return (None, block);
    }
    let end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|i| (i, i + 2))
        });
    let Some((head_end, body_start)) = end else {
        return (None, &[]);
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let ct = head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("content-type")
            .then(|| v.trim().to_string())
    });
    (ct, &block[body_start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(inputs: &[String], opts: &Options) -> Vec<Item> {
        let mut items = Vec::new();
        walk(inputs, opts, None, &mut |i| items.push(i));
        items
    }

    #[test]
    fn capped_lines() {
        let data = b"short\nthis line is long\n\nlast";
        let mut r = BufReader::with_capacity(4, &data[..]);
        let mut out = Vec::new();
        assert!(matches!(
            read_capped_line(&mut r, &mut out, 8).unwrap(),
            LineRead::Line
        ));
        assert_eq!(out, b"short\n");
        out.clear();
        assert!(matches!(
            read_capped_line(&mut r, &mut out, 8).unwrap(),
            LineRead::TooLong(_)
        ));
        out.clear();
        assert!(matches!(
            read_capped_line(&mut r, &mut out, 8).unwrap(),
            LineRead::Line
        ));
        out.clear();
        assert!(matches!(
            read_capped_line(&mut r, &mut out, 8).unwrap(),
            LineRead::Line
        ));
        assert_eq!(out, b"last");
        assert!(matches!(
            read_capped_line(&mut r, &mut out, 8).unwrap(),
            LineRead::Eof
        ));
    }

    #[test]
    fn containers_of_locators() {
        assert_eq!(container_of("a/b.jsonl:12"), ("a/b.jsonl", "lines"));
        assert_eq!(container_of("a/b.warc.gz#3"), ("a/b.warc.gz", "records"));
        assert_eq!(container_of("a/b.txt"), ("a/b.txt", "parts"));
        assert_eq!(
            container_of("http://h.example:8080"),
            ("http://h.example:8080", "parts")
        );
        assert_eq!(
            container_of("http://h.example:8080/x.jsonl:4"),
            ("http://h.example:8080/x.jsonl", "lines")
        );
    }

    #[test]
    fn http_split() {
        let (ct, body) = split_http(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>");
        assert_eq!(ct.as_deref(), Some("text/html"));
        assert_eq!(body, b"<p>x</p>");
        assert_eq!(split_http(b"<p>bare</p>"), (None, &b"<p>bare</p>"[..]));
    }

    #[test]
    fn missing_path_is_one_clear_failure() {
        let items = collect(&["/no/such/place.html".into()], &Options::default());
        assert!(
            matches!(&items[..], [Item::Unreadable { error, .. }] if error == "no such file or folder")
        );
    }

    #[test]
    fn url_without_client_fails_clearly() {
        let items = collect(&["https://example.invalid/x".into()], &Options::default());
        assert!(
            matches!(&items[..], [Item::Unreadable { error, .. }] if error.contains("network client"))
        );
    }

    #[test]
    fn folder_walk_skips_unknown_and_sidecars_and_reads_sidecar_meta() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "A boat was struck.").unwrap();
        std::fs::write(
            dir.path().join("a.meta.json"),
            r#"{"outlet":"Wire","published":"2025-10-03"}"#,
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.md"), "# notes").unwrap();
        std::fs::write(dir.path().join("MANIFEST.json"), "[1,2]").unwrap();
        std::fs::write(
            dir.path().join("page.html.in"),
            "<html><body><p>template</p></body></html>",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".git").join("x.txt"), "hidden").unwrap();
        let items = collect(&[dir.path().display().to_string()], &Options::default());
        let units: Vec<&Unit> = items
            .iter()
            .filter_map(|i| if let Item::Unit(u) = i { Some(u) } else { None })
            .collect();
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].meta.outlet.as_deref(), Some("Wire"));
        let skipped = items
            .iter()
            .filter(|i| matches!(i, Item::Skipped { .. }))
            .count();
        assert_eq!(skipped, 3, "{items:?}");
    }
}
