//! What reaches the terminal. File names, outlets, titles, urls, texts and the errors that
//! quote them come from inputs a hostile party may write, and a terminal obeys the control
//! characters they carry: ESC sequences recolour, clear or retitle it (some terminals do more),
//! BEL rings, CR and backspace overwrite what was printed, a newline starts a line that looks
//! like one of ours (`error: ...`), and the Unicode bidi controls reorder what is shown. So
//! every human-readable line this binary prints goes through the printers here, which show
//! such characters escaped (`\x1b`, `\n`, `\u{202e}`) instead of sending them:
//!
//! * [`outln!`] and [`errln!`]: one line on stdout or stderr; every control is escaped, the
//!   newline included, so an argument cannot start a line of its own.
//! * [`print_table`]: a table or report laid out by `render` (rows end with newlines); every
//!   control but the newline is escaped, and `render` escapes each field's own newlines
//!   (its `cut` and `field` helpers) so a field cannot start a row.
//! * [`print_page`]: `show`'s page, a [`Page`] built of escaped pieces and this module's own
//!   colours; the article's paragraph breaks are kept.
//! * [`print_json`]: JSON, whose strings serde escapes (C0 controls); the C1 controls and
//!   bidi controls it leaves raw are written as `\uXXXX` escapes, the same JSON value.
//!
//! `clippy.toml` forbids `print!`, `println!`, `eprint!` and `eprintln!` in this crate, so a
//! new message cannot bypass them.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write as _;

/// Whether `c` must not reach a terminal raw: the C0 controls, DEL and the C1 controls, the
/// bidi marks, embeddings, overrides and isolates, and the Unicode line and paragraph
/// separators (which some terminals and viewers take as line breaks).
fn hostile(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

fn escape_where(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| hostile(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if !hostile(c) || keep(c) {
            out.push(c);
            continue;
        }
        let _ = match c {
            '\n' => out.write_str("\\n"),
            '\r' => out.write_str("\\r"),
            '\t' => out.write_str("\\t"),
            c if (c as u32) < 0x80 => write!(out, "\\x{:02x}", c as u32),
            c => write!(out, "\\u{{{:x}}}", c as u32),
        };
    }
    Cow::Owned(out)
}

/// `s` for one line: every control and bidi character escaped, newlines included.
pub fn escape(s: &str) -> Cow<'_, str> {
    escape_where(s, |_| false)
}

/// `s` as lines: like [`escape`] but newlines are kept (tables, an article's paragraphs).
pub fn escape_text(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| c == '\n')
}

/// Writes to stdout. A closed pipe (`strikewatch articles | head`) ends the process quietly,
/// as it would end `cat`; any other failure is reported on stderr (exit 2), never a panic.
fn write_stdout(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        write_stderr(format!("error: cannot write to standard output: {e}\n").as_bytes());
        std::process::exit(2);
    }
}

fn write_stderr(bytes: &[u8]) {
    // nowhere left to report a failure to write the report
    let _ = std::io::stderr().lock().write_all(bytes);
}

/// One line on stdout, every control escaped; use through [`outln!`].
pub fn out_line(args: std::fmt::Arguments<'_>) {
    let mut s = escape(&args.to_string()).into_owned();
    s.push('\n');
    write_stdout(s.as_bytes());
}

/// One line on stderr, every control escaped; use through [`errln!`].
pub fn err_line(args: std::fmt::Arguments<'_>) {
    let mut s = escape(&args.to_string()).into_owned();
    s.push('\n');
    write_stderr(s.as_bytes());
}

/// Lines of our own on stderr (a usage message): every control but the newline escaped.
pub fn print_err_text(s: &str) {
    write_stderr(escape_text(s).as_bytes());
}

/// A table or report laid out by `render` on stdout: every control but the newline escaped.
pub fn print_table(s: &str) {
    write_stdout(escape_text(s).as_bytes());
}

/// JSON on stdout (then a newline), with C1 and bidi controls as `\uXXXX` escapes.
pub fn print_json(s: &str) {
    let mut j = json_safe(s).into_owned();
    j.push('\n');
    write_stdout(j.as_bytes());
}

/// JSON text with the characters serde leaves raw and a terminal obeys (C1 controls, bidi
/// controls, line separators) written as `\uXXXX`. They can only occur inside strings (JSON's
/// own syntax is ASCII), where the escape stands for the same character: the value is
/// unchanged. serde already escapes C0 controls and DEL never needs it in JSON but is
/// escaped too.
pub fn json_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| hostile(c) && c != '\n') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        // serde's pretty printer lays JSON out with newlines: those are structure
        if hostile(c) && c != '\n' {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `show`'s page: built only of escaped text and this module's own colours, so it is printed
/// as it is.
#[derive(Default)]
pub struct Page {
    s: String,
}

impl Page {
    /// A piece of one line: every control escaped.
    pub fn line(&mut self, args: std::fmt::Arguments<'_>) -> &mut Page {
        self.s.push_str(&escape(&args.to_string()));
        self
    }

    /// Ends the line.
    pub fn newline(&mut self) -> &mut Page {
        self.s.push('\n');
        self
    }

    /// Text that keeps its newlines (an article's paragraphs); other controls escaped.
    pub fn text(&mut self, s: &str) -> &mut Page {
        self.s.push_str(&escape_text(s));
        self
    }

    /// Text in `style`, escaped as [`Page::text`].
    pub fn styled(&mut self, style: Style, s: &str) -> &mut Page {
        let _ = write!(self.s, "\x1b[{}m{}\x1b[0m", style.sgr(), escape_text(s));
        self
    }

    pub fn as_str(&self) -> &str {
        &self.s
    }
}

/// The colours `show` uses on a terminal.
#[derive(Clone, Copy)]
pub enum Style {
    /// A claim's surface in the text: bold yellow.
    Claim,
    /// The label after it: dim.
    Label,
}

impl Style {
    fn sgr(self) -> &'static str {
        match self {
            Style::Claim => "1;33",
            Style::Label => "2",
        }
    }
}

/// Prints a [`Page`] on stdout.
pub fn print_page(p: &Page) {
    write_stdout(p.as_str().as_bytes());
}

/// The log lines `tracing` writes (warnings of the web server, say) escaped like ours: each
/// event comes as one write of one line, whose controls (newlines inside it included) are
/// escaped; only the newline that ends it is kept.
pub struct LogWriter;

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let s = String::from_utf8_lossy(buf);
        let (body, end) = match s.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (&*s, ""),
        };
        let mut line = escape(body).into_owned();
        line.push_str(end);
        std::io::stderr().lock().write_all(line.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

/// `outln!("...", args)`: one line on stdout, every control in it escaped.
macro_rules! outln {
    () => {
        $crate::term::out_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::term::out_line(format_args!($($arg)*))
    };
}

/// `errln!("...", args)`: one line on stderr, every control in it escaped.
macro_rules! errln {
    () => {
        $crate::term::err_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::term::err_line(format_args!($($arg)*))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_escaped() {
        assert_eq!(escape("plain — text ✓"), "plain — text ✓");
        assert_eq!(
            escape("a\x1b[31mb\x07\r\n\t\x7f\u{9b}c\u{202e}d\u{2066}"),
            "a\\x1b[31mb\\x07\\r\\n\\t\\x7f\\u{9b}c\\u{202e}d\\u{2066}"
        );
        assert_eq!(escape_text("one\ntwo\x1b\r"), "one\ntwo\\x1b\\r");
    }

    #[test]
    fn a_page_holds_only_its_own_colours() {
        let mut p = Page::default();
        p.line(format_args!("#1 {}", "t\x1b]0;x\x07\nerror: y"))
            .newline()
            .text("para\x1b[2J\n\npara")
            .styled(Style::Claim, "s\x1b[31m")
            .newline();
        assert_eq!(
            p.as_str(),
            "#1 t\\x1b]0;x\\x07\\nerror: y\npara\\x1b[2J\n\npara\x1b[1;33ms\\x1b[31m\x1b[0m\n"
        );
    }

    #[test]
    fn json_stays_the_same_value() {
        let v = serde_json::json!({"t": "a\u{9b}b\u{202e}c\x1b\nd"});
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        let safe = json_safe(&pretty);
        assert!(!safe.contains('\u{9b}') && !safe.contains('\u{202e}'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
    }
}
