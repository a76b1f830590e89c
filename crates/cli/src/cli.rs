//! Every command and flag, with its help text beside it: the one place to read what the
//! command line accepts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "strikewatch",
    version,
    about = "Turns news reporting into a sourced ledger of reported military strikes.",
    long_about = "strikewatch reads news reporting (text, HTML, feeds, web archives, JSONL), keeps every \
input as it was read, and builds a ledger of reported strikes in which every value can be followed back \
to the article, sentence and source it came from.\n\nIt only reads and counts public reporting.",
    after_help = "Start with `strikewatch demo`, or `strikewatch ingest FOLDER` then `strikewatch articles`."
)]
pub struct Cli {
    /// The store: a SQLite file, as a path or sqlite:PATH (created if missing).
    #[arg(
        long,
        global = true,
        env = "STRIKEWATCH_DB",
        default_value = "strikewatch.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,

    /// Log details to stderr (repeat for more: -vv).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read news inputs into the store: files, folders (recursive), `-` for standard input,
    /// or http(s) URLs.
    ///
    /// Formats are detected from the file name and content: plain text (any common encoding;
    /// metadata from flags or a NAME.meta.json beside the file), HTML pages, JSONL (one article
    /// per line: url, outlet, published, lang, title, and text or html), RSS/Atom/JSON feeds
    /// (one article per item) and WARC or WARC.gz archives (HTML response records).
    ///
    /// Raw input is stored before it is parsed; re-ingesting the same input adds nothing; an
    /// interrupted run is completed by running it again. Each bad input gets one line on
    /// stderr and the batch goes on; the exit status is 1 if anything failed.
    Ingest(IngestArgs),

    /// List stored articles.
    Articles(ArticlesArgs),

    /// Show one article: its metadata and the stored text every byte span points into, with
    /// every extracted claim highlighted and labelled (in colour on a terminal); or one
    /// incident (`inc-...`) with every value, the sentence holding it, and its history.
    Show(ShowArgs),

    /// List inputs that failed, with their errors (they are kept, with their bytes).
    Failures(FailuresArgs),

    /// Counts of what the store holds; with --check, SQLite's integrity check as well.
    Status(StatusArgs),

    /// Extract reports (events, developments, tallies) from stored articles, then update the
    /// ledger. Incremental: only articles not yet extracted by this version of the rules.
    /// `ingest` runs this itself unless given `--no-extract`.
    Extract(ExtractArgs),

    /// List extracted reports, each with its claims (value, byte span, sentence, source, rule).
    Reports(ReportsArgs),

    /// List incidents: reported events merged across outlets and languages, with reconciled
    /// figures (low, best, high), grade and sources.
    Incidents(IncidentsArgs),

    /// List the cumulative totals outlets reported ("16 strikes have killed 66 people since
    /// September"), with their as-of dates and sources.
    Tallies(TalliesArgs),

    /// Compare reported tallies with the ledger's own running sums at the same dates: a gap
    /// points at incidents the corpus is missing (or double counts).
    Tally(TallyArgs),

    /// List developments: plans, proposals, threats, designations, authorizations and
    /// deployments, with their modality. Never counted as incidents.
    Developments(DevelopmentsArgs),

    /// Export the ledger for other tools (formats: see --format). Columns:
    /// crates/ledger/EXPORTS.md.
    Export(ExportArgs),

    /// Score the extraction core on a gold set (JSONL of passages with expected reports):
    /// precision, recall and F1 per field and per language.
    Eval(EvalArgs),

    /// Run the demo: ingest the bundled sample corpus into a temporary store, show what it
    /// holds, then serve it as a web app (as `serve`) until Ctrl-C.
    Demo(DemoArgs),

    /// Serve the ledger as a read-only web app and JSON API: the ledger with its chart, map
    /// and incident table (`/`), incident pages with their quotes, article pages with every
    /// claim highlighted, developments, full-text search, and `/api` (described by
    /// `/api/openapi.json`). Listens on loopback only unless given another address.
    Serve(ServeArgs),

    /// Search the stored articles' text, English and Spanish, with the web app's engine
    /// (SQLite FTS5): every word must appear, accents optional; end a word with * to match
    /// its beginning (interdic*). The most recent matches are ranked and counted (at most
    /// 1,000); a query too broad to finish in its time budget is refused with the reason.
    Search(SearchArgs),

    /// List the ledger's versions: every publication whose content changed is numbered, with
    /// the SHA-256 of the ledger's canonical JSON and when it was published. Cite a version
    /// with `incidents --version N`.
    Versions(VersionsArgs),

    /// What changed from ledger version A to version B: new incidents, revised ones (which
    /// figure, from what to what), merged (and into which), split and withdrawn ones.
    Diff(DiffArgs),

    /// Human review: the queue of incidents to check, and decisions (confirm, reject, merge,
    /// split, set a figure/date/place/perpetrator, note) recorded in an append-only log.
    ///
    /// Without a subcommand, lists the queue: unreviewed incidents, single-source first, then
    /// contested, then changed (a confirmed incident that later reporting revised comes back),
    /// then low-confidence. Every decision needs --author (or STRIKEWATCH_AUTHOR)
    /// and --reason; it is never changed or removed afterwards: a later decision on the same
    /// thing supersedes it and both stay in `review log`. Decisions are keyed to the
    /// incident's reports, so re-extraction and new articles do not undo them; one whose
    /// reports are gone is listed as orphaned by `review log`.
    Review(ReviewArgs),

    /// Keep the ledger current from feeds: poll RSS, Atom and JSON feeds politely
    /// (conditional GET with the ETag and Last-Modified the server gave, Retry-After and
    /// Cache-Control max-age honoured, an interval per feed between --min-interval and
    /// --max-interval from how often it publishes, backoff with jitter on errors, one request
    /// at a time per host), fetch the pages of items not stored yet, extract them, and update
    /// the ledger after each feed's batch. Feed state lives in the store: a restart resumes
    /// without fetching anything again. With no feed named, every feed of `feeds` is watched.
    /// Each problem feed gets one line on stderr and the others go on; Ctrl-C stops after
    /// the current item.
    Watch(WatchArgs),

    /// List the watched feeds with their health (last success, last error, failures in a
    /// row, next poll, items seen); add or remove one; export them as OPML.
    Feeds(FeedsArgs),

    /// Copy a whole store into a new one, exactly: raw inputs and their failures, articles
    /// with their ids and stories, reports, the published ledger, every ledger version with
    /// its hash and snapshots, the review decision log, feeds, kept changes and state. From
    /// SQLite to PostgreSQL, back, or SQLite to SQLite:
    ///
    ///   strikewatch migrate --from sqlite:old.db --to postgres://user@host/strikewatch
    ///
    /// The destination must be empty (a new file, or a database with no strikewatch data):
    /// a non-empty one is refused and nothing is copied, since merging two stores would
    /// renumber ids their citations use, and replacing one would erase decisions that are
    /// never removed. To replace a store, remove it yourself (delete the file, or drop and
    /// create the database), then migrate. Stop the writers of the source first. Progress
    /// goes to stderr, a table at a time; the copy is bounded in memory (batches of 1,000
    /// rows or 16 MB). A copy that fails part way leaves a partial destination: remove it
    /// and run again.
    Migrate(MigrateArgs),
}

#[derive(Args, Debug, Clone)]
pub struct MigrateArgs {
    /// The store to copy (a path, sqlite:PATH or postgres://...); by default the one --db
    /// names. Read only, never written.
    #[arg(long, value_name = "STORE")]
    pub from: Option<String>,
    /// The store to create (a path, sqlite:PATH or postgres://...): must be empty.
    #[arg(long, value_name = "STORE")]
    pub to: String,
    /// Print a JSON summary (rows copied per table, the destination's counts) on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct WatchArgs {
    /// Feed URLs to watch (added to the store's feeds).
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,
    /// A file of feed URLs, one a line (`#` starts a comment).
    #[arg(long, value_name = "FILE")]
    pub feeds: Option<PathBuf>,
    /// An OPML file of feeds, as feed readers export them.
    #[arg(long, value_name = "FILE")]
    pub opml: Option<PathBuf>,
    /// The shortest interval between two polls of one feed, in seconds (at least 1).
    #[arg(long, default_value_t = 30, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub min_interval: u64,
    /// The longest interval between two polls of a feed that answers, in seconds.
    #[arg(long, default_value_t = 3600, value_name = "SECONDS")]
    pub max_interval: u64,
    /// The least time between two requests to one host, in milliseconds.
    #[arg(long, default_value_t = 1000, value_name = "MS")]
    pub politeness: u64,
    /// Deadline for one fetch, in seconds.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,
    /// Fetch from loopback, private and link-local addresses too (off: a feed must not make
    /// strikewatch read the user's own network).
    #[arg(long)]
    pub allow_private_addresses: bool,
    /// POST every change of the ledger (new incident, revised figure, new reported total,
    /// merged, withdrawn) as JSON to this URL (repeatable); signed with --webhook-secret.
    #[arg(long, value_name = "URL")]
    pub webhook: Vec<String>,
    /// The shared secret of the webhooks' signature (`X-Strikewatch-Signature: sha256=HMAC`).
    #[arg(
        long,
        env = "STRIKEWATCH_WEBHOOK_SECRET",
        value_name = "SECRET",
        default_value = ""
    )]
    pub webhook_secret: String,
    /// Poll every due feed once, then stop (for cron, and for trying a feed list).
    #[arg(long)]
    pub once: bool,
    /// How long this worker's claim on a feed it polls lasts, in seconds (default: 300, or
    /// ten times --timeout if that is longer). Several `watch` processes on one database
    /// share the feeds out: each polls only the feeds it claimed, and a claim is released
    /// when the feed's state is written back. A worker that dies holding claims (`kill -9`,
    /// a lost machine) leaves its feeds to the others once the lease passes. The claim is
    /// renewed between the pages of one poll, so the lease must outlast one fetch: a lease
    /// shorter than --timeout is allowed (a warning says a slow feed may then be polled
    /// twice).
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub lease: Option<u64>,
}

#[derive(Args, Debug, Clone)]
pub struct FeedsArgs {
    #[command(subcommand)]
    pub action: Option<FeedsAction>,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Print the feeds as an OPML document instead.
    #[arg(long)]
    pub opml: bool,
}

#[derive(Subcommand, Debug, Clone)]
pub enum FeedsAction {
    /// Add a feed to watch.
    Add {
        #[arg(value_name = "URL")]
        url: String,
    },
    /// Stop watching a feed (the articles it yielded stay).
    Remove {
        #[arg(value_name = "URL")]
        url: String,
    },
}

#[derive(Args, Debug, Clone)]
pub struct ArticlesArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Show at most N articles.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
    /// Skip the first N articles (counted in an index of ids: a few milliseconds per
    /// million skipped).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Start after the article with this id (keyset paging: constant time; the last id
    /// of one page gives the next). Overrides --offset.
    #[arg(long, value_name = "ID")]
    pub after: Option<i64>,
}

#[derive(Args, Debug, Clone)]
pub struct ShowArgs {
    /// An article id (a number, see `strikewatch articles`) or an incident id (`inc-...`,
    /// see `strikewatch incidents`): an incident is shown with every value of every figure
    /// and the sentence that holds it, each source with its outlet, date, attribution and
    /// quote, and its history: what each ledger version changed in it, value by value, and
    /// why (a reviewer's decision; the articles it added).
    pub id: String,
    /// Print JSON instead of a readable page: an article with `text` and `reports`; an
    /// incident as `incidents --json` with `value_quotes`, `history` and `corrections`.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct FailuresArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Show at most N failures.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: usize,
}

#[derive(Args, Debug, Clone)]
pub struct StatusArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Run SQLite's full integrity check (reads the whole file and cross-checks every
    /// index: seconds per GB of store). Without it `integrity` says "not checked".
    #[arg(long)]
    pub check: bool,
}

#[derive(Args, Debug, Clone)]
pub struct ExtractArgs {
    /// Re-extract every article, not only new ones.
    #[arg(long)]
    pub all: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct ReportsArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Only the reports of this article.
    #[arg(long, value_name = "ID")]
    pub article: Option<i64>,
    /// Only reports of this kind.
    #[arg(long, value_parser = ["event", "development", "tally"])]
    pub kind: Option<String>,
    /// Show at most N reports.
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub limit: usize,
}

#[derive(Args, Debug, Clone)]
pub struct IncidentsArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Only incidents on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only incidents on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this event type (strike, raid, ...).
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,
    /// The incidents of ledger version N as published then (see `versions`), not the
    /// current ones. Citable: a version's content never changes.
    #[arg(long, value_name = "N")]
    pub version: Option<i64>,
    /// Only the incident ID, with its first_seen, last_changed and history; an id merged
    /// into another leads to that one (said on stderr).
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// List the incidents a reviewer rejected (kept out of every total) instead.
    #[arg(long)]
    pub rejected: bool,
}

#[derive(Args, Debug, Clone)]
pub struct TalliesArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct TallyArgs {
    /// Run the comparison (the only mode for now).
    #[arg(long, required = true)]
    pub check: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct DevelopmentsArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_parser = export_formats())]
    pub format: String,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug, Clone)]
pub struct EvalArgs {
    /// The gold file, e.g. tests/gold/gold.jsonl.
    pub gold: PathBuf,
    /// Also list the passages with errors.
    #[arg(long)]
    pub errors: bool,
    /// Print the scores as JSON (per field: tp, fp, fn, precision, recall, f1; overall and
    /// per language) instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct DemoArgs {
    /// Keep the demo store at this path instead of a temporary file.
    #[arg(long, value_name = "PATH")]
    pub keep: Option<PathBuf>,
    /// Do not serve the sample ledger at the end; just print and exit.
    #[arg(long)]
    pub no_serve: bool,
    /// Where the demo serves the ledger.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub addr: String,
}

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address to listen on. Use 0.0.0.0:8080 to be reachable from other machines, port 0
    /// for any free port (the address is printed).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub addr: String,
    /// Requests per second allowed to one client address (bursts of twice that); 0 for no
    /// limit. A client over it is answered 429 with Retry-After.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub rate_limit: u32,
    /// Connections open at once. More wait in the kernel's listen queue (costing no memory
    /// here) until one closes; each open connection costs a task and its buffers.
    #[arg(long, default_value_t = sw_web::Options::default().max_connections as u32, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    /// Requests handled at once, over all connections; more wait their turn (and the wait
    /// counts toward --request-timeout).
    #[arg(long, default_value_t = sw_web::Options::default().max_concurrent as u32, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_concurrent: u32,
    /// Seconds a client may take to send a request's headers, and that an idle keep-alive
    /// connection is kept: a client that connects and sends nothing (or half a request)
    /// holds a connection this long at most.
    #[arg(long, default_value_t = sw_web::Options::default().header_timeout.as_secs(),
          value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout: u64,
    /// Seconds one request may take, waiting included, before it is answered 503. A search
    /// has its own, shorter budget (2 s; 1 s with a prefix word).
    #[arg(long, default_value_t = sw_web::Options::default().request_timeout.as_secs(),
          value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub request_timeout: u64,
    /// Connections to the store, read at once by as many requests (0: one per core, from 2
    /// to 8). Half of them at most serve searches, so searches never take them all.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub store_connections: usize,
    /// Page cache of each store connection, in MiB. The operating system's file cache holds
    /// the store's hot pages once for all connections, so this mostly trades memory (up to
    /// this much per connection) for fewer copies out of it.
    #[arg(long, default_value_t = sw_web::Options::default().store_cache_kib / 1024,
          value_name = "MIB", value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub store_cache: u32,
    /// Enable review in the browser: decision forms at /review/incidents/ID, open only to
    /// whoever has the access token (printed at start, or STRIKEWATCH_REVIEW_TOKEN), with CSRF
    /// protection. Refused on an address beyond loopback. Without it the server is read-only.
    #[arg(long)]
    pub review: bool,
    /// Review access token (at least 16 characters); a random one when not given.
    #[arg(
        long,
        env = "STRIKEWATCH_REVIEW_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    pub review_token: Option<String>,
    /// Also watch feeds in the same process (as `watch`, with its flags: feed URLs,
    /// --feeds, --opml, --min-interval, --webhook, ...); new incidents appear as they come.
    #[arg(long)]
    pub watch: bool,
    #[command(flatten)]
    pub watching: WatchArgs,
}

#[derive(Args, Debug, Clone)]
pub struct IngestArgs {
    /// Files, folders, `-` (standard input) or http(s) URLs.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Force the input format instead of detecting it.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,

    /// URL of the article (for text input or standard input).
    #[arg(long)]
    pub url: Option<String>,
    /// Outlet that published it.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Publication date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Headline.
    #[arg(long)]
    pub title: Option<String>,
    /// Language code (en, es, ...); detected when absent.
    #[arg(long)]
    pub lang: Option<String>,

    /// For feeds: fetch the page each item links to and read it instead of the item's summary.
    #[arg(long)]
    pub fetch_links: bool,

    /// Store and parse only; do not run extraction and the ledger update.
    #[arg(long)]
    pub no_extract: bool,

    /// Largest single input (file, JSONL line, WARC record, download) in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: usize,

    /// Deepest HTML element nesting accepted.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub max_depth: usize,

    /// Deadline for each download (connecting, headers and the whole body), in seconds.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,

    /// Fetch from loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local and
    /// other non-public addresses. Off by default, so that a feed cannot make strikewatch
    /// read the machine it runs on or its local network.
    #[arg(long)]
    pub allow_private_addresses: bool,

    /// Similarity (estimated Jaccard over 5-word shingles) at which two articles are copies
    /// of one story.
    #[arg(long, default_value_t = sw_dedup::DEFAULT_THRESHOLD, value_name = "0..1")]
    pub near_dup: f64,

    /// Inputs per batch (parsed together, then stored in one transaction; an ingest of local
    /// files commits its batches together, every 8,192 inputs or 10 s).
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch: usize,

    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum FormatArg {
    Text,
    Html,
    Jsonl,
    Feed,
    Warc,
}

impl From<FormatArg> for sw_model::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => sw_model::Format::Text,
            FormatArg::Html => sw_model::Format::Html,
            FormatArg::Jsonl => sw_model::Format::Jsonl,
            FormatArg::Feed => sw_model::Format::Feed,
            FormatArg::Warc => sw_model::Format::Warc,
        }
    }
}

/// `--format` of `export`: the names and descriptions of `sw_ledger::export::FORMATS`.
fn export_formats() -> clap::builder::PossibleValuesParser {
    sw_ledger::export::FORMATS
        .iter()
        .map(|f| clap::builder::PossibleValue::new(f.name()).help(f.description()))
        .collect::<Vec<_>>()
        .into()
}

#[derive(Args, Debug, Clone)]
pub struct SearchArgs {
    /// The words to search for (several words: every one must appear).
    #[arg(required = true, num_args = 1..)]
    pub words: Vec<String>,
    /// Print JSON (`{query, total, more, hits}`, matches in snippets between [[ and ]]) as
    /// `/api/search` does, instead of a list.
    #[arg(long)]
    pub json: bool,
    /// Show at most N matches.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Skip the first N matches.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Only articles published on or after this day (YYYY-MM-DD), as /search's `from`.
    /// The filters keep those of the 1,000 most recent matches that fit.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only articles in this language (en, es).
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Only articles from this outlet (its name as the hits give it).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
}

#[derive(Args, Debug, Clone)]
pub struct VersionsArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct DiffArgs {
    /// The older version.
    pub a: i64,
    /// The newer version.
    pub b: i64,
    /// Print JSON instead of a list.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub action: Option<ReviewCommand>,
    /// Print the queue as a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Incidents of the queue to list at most.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
}

/// Who makes a decision and why: both required (the author is never guessed from the
/// system's user).
#[derive(Args, Debug, Clone)]
pub struct Signature {
    /// Who decides (a name or handle the team recognises).
    #[arg(long, env = "STRIKEWATCH_AUTHOR", value_name = "NAME")]
    pub author: String,
    /// Why: shown beside the decision wherever it shows.
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
}

#[derive(Subcommand, Debug, Clone)]
pub enum ReviewCommand {
    /// Confirm an incident: it is what the ledger says.
    Confirm {
        incident: String,
        #[command(flatten)]
        by: Signature,
    },
    /// Reject an incident: it leaves the incidents and every total, and is listed by
    /// `incidents --rejected`.
    Reject {
        incident: String,
        /// not_an_event, duplicate (with --duplicate-of) or out_of_scope.
        #[arg(long = "as", value_name = "WHY", value_parser = ["not_an_event", "duplicate", "out_of_scope"])]
        why: String,
        /// The incident this one repeats (with --as duplicate).
        #[arg(long, value_name = "ID")]
        duplicate_of: Option<String>,
        #[command(flatten)]
        by: Signature,
    },
    /// Merge an incident into another: one incident, under the second's date and place.
    Merge {
        incident: String,
        into: String,
        #[command(flatten)]
        by: Signature,
    },
    /// Split a report off an incident into an incident of its own.
    Split {
        incident: String,
        /// The report to split off (a report id from the incident's sources).
        #[arg(long, value_name = "ID")]
        report: i64,
        #[command(flatten)]
        by: Signature,
    },
    /// Set a value: a figure (killed, injured, survivors, missing, detained, vessels; needs
    /// --source), date (YYYY-MM-DD or YYYY-MM), place or perpetrator. The machine's value
    /// stays shown beside it.
    Set {
        incident: String,
        /// killed, injured, survivors, missing, detained, vessels, date, place or perpetrator.
        what: String,
        value: String,
        /// What a figure rests on ("Coast Guard statement of 4 Dec").
        #[arg(long, value_name = "TEXT")]
        source: Option<String>,
        /// The place's or perpetrator's country (ISO 3166 alpha-2).
        #[arg(long, value_name = "CC")]
        country: Option<String>,
        #[command(flatten)]
        by: Signature,
    },
    /// Add a note to an incident (the --reason is the note).
    Note {
        incident: String,
        #[command(flatten)]
        by: Signature,
    },
    /// List every decision with how it stands (applied, superseded, orphaned); export or
    /// import the log as JSONL to exchange work between analysts.
    Log(ReviewLogArgs),
}

#[derive(Args, Debug, Clone)]
pub struct ReviewLogArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Write the whole log as JSONL (one decision a line) to FILE, or `-` for stdout.
    #[arg(long, value_name = "FILE", conflicts_with = "import")]
    pub export: Option<PathBuf>,
    /// Append the decisions of a JSONL log (as --export writes it). Decisions already here
    /// are skipped; where the file decides something differently from another author here,
    /// each conflict is listed (the later decision applies; both are kept).
    #[arg(long, value_name = "FILE")]
    pub import: Option<PathBuf>,
}
