//! Deterministic synthetic news corpora for strikewatch's benchmarks and robustness tests.
//!
//! Article `i` of a corpus depends only on the seed and `i`, so a corpus of any size streams
//! (nothing is held in memory), can be generated in any order or in parallel, and is the same
//! on every machine and every build. The text is written from templates made for this crate:
//! wire-style reports of strikes on boats and on land with tolls, running tallies, plans and
//! threats, and filler paragraphs with nothing to find, in English and Spanish, under fictional
//! outlet names. It is never real article text.
//!
//! A share of the articles ([`Config::near_dup_every`]) are syndicated copies of an earlier
//! article: same body with a few words changed, another outlet, URL and headline, so that
//! story assignment has work to do.
//!
//! ```
//! use sw_corpusgen::{Config, Corpus};
//! let corpus = Corpus::new(Config { seed: 7, ..Config::default() });
//! let a = corpus.article(42);
//! assert_eq!(a, corpus.article(42)); // deterministic
//! let line = a.to_jsonl();
//! assert!(line.starts_with('{') && !line.contains('\n'));
//! assert!(a.to_html().contains("<article"));
//! ```

use serde_json::json;

/// What a corpus looks like.
#[derive(Debug, Clone)]
pub struct Config {
    pub seed: u64,
    /// One article in this many is Spanish (0: none).
    pub spanish_every: u64,
    /// One article in this many is a near copy of an earlier one (0: none).
    pub near_dup_every: u64,
    /// Paragraphs per article: from `paragraphs.0` to `paragraphs.1` inclusive.
    pub paragraphs: (u64, u64),
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: 1,
            spanish_every: 3,
            near_dup_every: 10,
            paragraphs: (5, 12),
        }
    }
}

/// What an article is mostly about (it may mention other things too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Strike,
    Tally,
    Plan,
    Noise,
}

/// One synthetic article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub index: u64,
    /// "en" or "es".
    pub lang: &'static str,
    pub url: String,
    pub outlet: &'static str,
    /// YYYY-MM-DD
    pub published: String,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub kind: Kind,
    /// Set when this article is a near copy of article `copy_of`.
    pub copy_of: Option<u64>,
}

/// SplitMix64: tiny, fast, and fixed forever (the corpus must not change with a dependency).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    pub fn chance(&mut self, one_in: u64) -> bool {
        one_in > 0 && self.below(one_in) == 0
    }
}

const OUTLETS_EN: &[&str] = &[
    "Harbor Ledger",
    "Coastline Wire",
    "Meridian Post",
    "Northway Dispatch",
    "Gulf Current",
    "Atlas Daily",
];
const OUTLETS_ES: &[&str] = &[
    "Gaceta Austral",
    "Noticias Bahía",
    "El Faro del Sur",
    "Diario Meridiano",
    "La Corriente",
];

const PLACES_EN: &[&str] = &[
    "in the Caribbean",
    "in the eastern Pacific",
    "off the coast of Venezuela",
    "near Trinidad and Tobago",
    "off the coast of Colombia",
    "in international waters near Aruba",
    "in the southern Caribbean",
];
const PLACES_ES: &[&str] = &[
    "en el Caribe",
    "en el Pacífico oriental",
    "frente a las costas de Venezuela",
    "cerca de Trinidad y Tobago",
    "frente a la costa de Colombia",
    "en aguas internacionales cerca de Aruba",
    "en el sur del Caribe",
];
const SPEAKERS_EN: &[&str] = &[
    "the Defense Secretary said in a statement",
    "Southern Command said",
    "a Pentagon spokesperson told reporters",
    "officials said on condition of anonymity",
    "the White House said",
];
const SPEAKERS_ES: &[&str] = &[
    "informó el secretario de Defensa en un comunicado",
    "dijo el Comando Sur",
    "indicó un portavoz del Pentágono",
    "según funcionarios que pidieron el anonimato",
    "señaló la Casa Blanca",
];
const VESSELS_EN: &[&str] = &[
    "a vessel",
    "a small boat",
    "a speedboat",
    "a semi-submersible",
    "a fishing boat",
];
const VESSELS_ES: &[&str] = &[
    "una embarcación",
    "una lancha",
    "una lancha rápida",
    "un semisumergible",
    "un bote pesquero",
];
const NUMS_EN: &[&str] = &[
    "two", "three", "four", "five", "six", "11", "14", "three", "two",
];
const NUMS_ES: &[&str] = &[
    "dos", "tres", "cuatro", "cinco", "seis", "11", "14", "tres", "dos",
];
const MONTHS_EN: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ES: &[&str] = &[
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

const FILLER_EN: &[&str] = &[
    "The region has seen heavy rain this week, and forecasters expect more storms before the weekend.",
    "Local markets reopened on Monday after a long holiday, with traders reporting brisk sales of fruit and fish.",
    "The ministry of tourism said visitor numbers rose during the last quarter compared with the year before.",
    "Fuel prices have climbed in several port cities, and some ferry operators have cut their timetables.",
    "A regional football final drew a large crowd to the capital's stadium on Sunday night.",
    "Analysts said the central bank is likely to keep interest rates unchanged at its next meeting.",
    "Schools in coastal districts will close early for the season because of maintenance work.",
    "The port authority announced new opening hours for the customs office starting next month.",
    "Several airlines added flights to the islands ahead of the holiday season.",
    "Community groups organised a cleanup of the beaches after the latest storm.",
    "Lawmakers returned from recess with a crowded agenda that includes the budget and a fisheries bill.",
    "Reporters were not allowed to visit the base, and the statement included no photographs.",
];
const FILLER_ES: &[&str] = &[
    "La región ha registrado fuertes lluvias esta semana y los meteorólogos prevén más tormentas antes del fin de semana.",
    "Los mercados locales reabrieron el lunes tras un largo feriado, con buenas ventas de fruta y pescado.",
    "El ministerio de turismo informó que el número de visitantes aumentó en el último trimestre.",
    "Los precios del combustible han subido en varias ciudades portuarias y algunos transbordadores redujeron sus horarios.",
    "Una final regional de fútbol reunió a una gran multitud en el estadio de la capital el domingo por la noche.",
    "Los analistas creen que el banco central mantendrá sin cambios las tasas de interés en su próxima reunión.",
    "Las escuelas de los distritos costeros cerrarán antes por obras de mantenimiento.",
    "La autoridad portuaria anunció un nuevo horario para la oficina de aduanas a partir del próximo mes.",
    "Varias aerolíneas añadieron vuelos a las islas antes de la temporada de vacaciones.",
    "Grupos comunitarios organizaron una limpieza de las playas tras la última tormenta.",
    "Los legisladores regresaron del receso con una agenda cargada que incluye el presupuesto y una ley de pesca.",
    "No se permitió a los periodistas visitar la base y el comunicado no incluyó fotografías.",
];

/// A date in the campaign (September 2025 to March 2026) as (year, month 1-12, day).
fn campaign_date(rng: &mut Rng) -> (u32, u32, u32) {
    let k = rng.below(7) as u32; // 0 = September 2025
    let (y, m) = if k < 4 { (2025, 9 + k) } else { (2026, k - 3) };
    (y, m, 1 + rng.below(28) as u32)
}

/// A corpus: a seed and a shape; articles are computed on demand.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub config: Config,
}

impl Corpus {
    pub fn new(config: Config) -> Corpus {
        Corpus { config }
    }

    fn rng(&self, i: u64, salt: u64) -> Rng {
        let mut r = Rng::new(self.config.seed ^ i.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ salt);
        r.next_u64();
        r
    }

    /// Article `i`: a function of the seed and `i` only.
    pub fn article(&self, i: u64) -> Article {
        let c = &self.config;
        if c.near_dup_every > 0 && i > 0 && i % c.near_dup_every == c.near_dup_every - 1 {
            let mut r = self.rng(i, 0xD0B);
            let of = r.below(i);
            // a copy of a copy is a copy of the original
            let of = if self.is_copy(of) { of - 1 } else { of };
            return self.near_copy(i, of, &mut r);
        }
        self.original(i)
    }

    fn is_copy(&self, i: u64) -> bool {
        let c = &self.config;
        c.near_dup_every > 0 && i > 0 && i % c.near_dup_every == c.near_dup_every - 1
    }

    fn original(&self, i: u64) -> Article {
        let c = &self.config;
        let mut r = self.rng(i, 0);
        let es = c.spanish_every > 0 && r.chance(c.spanish_every);
        let kind = match r.below(10) {
            0..=4 => Kind::Strike,
            5..=6 => Kind::Tally,
            7 => Kind::Plan,
            _ => Kind::Noise,
        };
        let (y, m, d) = campaign_date(&mut r);
        let published = format!("{y:04}-{m:02}-{d:02}");
        let outlet = *r.pick(if es { OUTLETS_ES } else { OUTLETS_EN });
        let n = r.range(c.paragraphs.0, c.paragraphs.1);
        let mut paragraphs = Vec::with_capacity(n as usize);
        let title = if es {
            title_es(kind, &mut r)
        } else {
            title_en(kind, &mut r)
        };
        for p in 0..n {
            let lead = p == 0;
            let para = if es {
                para_es(kind, lead, (m, d), &mut r)
            } else {
                para_en(kind, lead, (m, d), &mut r)
            };
            paragraphs.push(para);
        }
        let slug = outlet.to_lowercase().replace(' ', "-").replace('í', "i");
        Article {
            index: i,
            lang: if es { "es" } else { "en" },
            url: format!("https://{slug}.example/{y}/{m:02}/{d:02}/story-{i}"),
            outlet,
            published,
            title,
            paragraphs,
            kind,
            copy_of: None,
        }
    }

    fn near_copy(&self, i: u64, of: u64, r: &mut Rng) -> Article {
        let mut a = self.original(of);
        let outlets = if a.lang == "es" {
            OUTLETS_ES
        } else {
            OUTLETS_EN
        };
        let outlet = *r.pick(outlets);
        // syndicators rewrite the headline and touch a word or two of the body
        a.title = format!(
            "{} ({})",
            a.title,
            if a.lang == "es" {
                "actualización"
            } else {
                "update"
            }
        );
        let edits = 1 + r.below(2);
        for _ in 0..edits {
            let p = r.below(a.paragraphs.len() as u64) as usize;
            let para = &mut a.paragraphs[p];
            if let Some(pos) = para.find(" the ").or_else(|| para.find(" la ")) {
                para.insert_str(pos, " also");
            } else {
                para.push_str(" More to follow.");
            }
        }
        let slug = outlet.to_lowercase().replace(' ', "-").replace('í', "i");
        a.url = format!("https://{slug}.example/wire/{i}");
        a.outlet = outlet;
        a.index = i;
        a.copy_of = Some(of);
        a
    }

    /// Articles `range.start..range.end`, lazily.
    pub fn iter(&self, range: std::ops::Range<u64>) -> impl Iterator<Item = Article> + '_ {
        range.map(move |i| self.article(i))
    }
}

fn title_en(kind: Kind, r: &mut Rng) -> String {
    match kind {
        Kind::Strike => format!(
            "U.S. strike on {} {} kills {}",
            r.pick(&["alleged drug boat", "suspected smuggling vessel", "boat"]),
            r.pick(PLACES_EN),
            r.pick(NUMS_EN)
        ),
        Kind::Tally => "Death toll from boat strikes keeps rising as campaign widens".into(),
        Kind::Plan => "Officials weigh strikes on land targets, sources say".into(),
        Kind::Noise => format!(
            "{} in the region",
            r.pick(&[
                "Storm season",
                "Holiday travel",
                "Market week",
                "Budget talks"
            ])
        ),
    }
}

fn title_es(kind: Kind, r: &mut Rng) -> String {
    match kind {
        Kind::Strike => format!(
            "Un ataque de EE.UU. contra {} {} deja {} muertos",
            r.pick(&["una lancha", "una embarcación", "un semisumergible"]),
            r.pick(PLACES_ES),
            r.pick(NUMS_ES)
        ),
        Kind::Tally => "Sube la cifra de muertos por los ataques contra lanchas".into(),
        Kind::Plan => "Washington estudia ataques contra objetivos en tierra".into(),
        Kind::Noise => format!(
            "{} en la región",
            r.pick(&[
                "Temporada de lluvias",
                "Viajes de fin de año",
                "Semana de mercado"
            ])
        ),
    }
}

fn para_en(kind: Kind, lead: bool, (m, d): (u32, u32), r: &mut Rng) -> String {
    let mut s = String::with_capacity(480);
    let special = lead || r.chance(3);
    if special {
        let sentence = match (kind, r.below(4)) {
            (Kind::Strike, _) | (Kind::Noise, 0) if lead || kind == Kind::Strike => format!(
                "The U.S. military struck {} {} on {} {}, killing {} people aboard, {}.",
                r.pick(VESSELS_EN),
                r.pick(PLACES_EN),
                MONTHS_EN[(m - 1) as usize],
                d,
                r.pick(NUMS_EN),
                r.pick(SPEAKERS_EN)
            ),
            (Kind::Tally, _) => format!(
                "The strikes have killed at least {} people since early September, according to a count by {}.",
                20 + r.below(140),
                r.pick(&["this outlet", "reporters", "a monitoring group"])
            ),
            (Kind::Plan, _) => format!(
                "Officials are preparing plans for strikes on land targets in {}, {}.",
                r.pick(&["Venezuela", "Mexico", "Colombia"]),
                r.pick(SPEAKERS_EN)
            ),
            _ => format!(
                "{} survivors were rescued and handed to the coast guard of {}.",
                r.pick(&["Two", "One of the", "Three"]),
                r.pick(&["Ecuador", "Colombia", "Mexico"])
            ),
        };
        s.push_str(&sentence);
        s.push(' ');
    }
    for _ in 0..r.range(2, 4) {
        s.push_str(r.pick::<&str>(FILLER_EN));
        s.push(' ');
    }
    s.pop();
    s
}

fn para_es(kind: Kind, lead: bool, (m, d): (u32, u32), r: &mut Rng) -> String {
    let mut s = String::with_capacity(520);
    let special = lead || r.chance(3);
    if special {
        let sentence = match kind {
            Kind::Strike | Kind::Noise if lead || kind == Kind::Strike => format!(
                "Las fuerzas de Estados Unidos atacaron {} {} el {} de {}, con un saldo de {} muertos, {}.",
                r.pick(VESSELS_ES),
                r.pick(PLACES_ES),
                d,
                MONTHS_ES[(m - 1) as usize],
                r.pick(NUMS_ES),
                r.pick(SPEAKERS_ES)
            ),
            Kind::Tally => format!(
                "Los ataques han dejado al menos {} muertos desde principios de septiembre, según un recuento de {}.",
                20 + r.below(140),
                r.pick(&["este diario", "la prensa", "un grupo de monitoreo"])
            ),
            Kind::Plan => format!(
                "El gobierno prepara planes para atacar objetivos en tierra en {}, {}.",
                r.pick(&["Venezuela", "México", "Colombia"]),
                r.pick(SPEAKERS_ES)
            ),
            _ => format!(
                "{} sobrevivientes fueron rescatados y entregados a la guardia costera de {}.",
                r.pick(&["Dos", "Tres"]),
                r.pick(&["Ecuador", "Colombia", "México"])
            ),
        };
        s.push_str(&sentence);
        s.push(' ');
    }
    for _ in 0..r.range(2, 4) {
        s.push_str(r.pick::<&str>(FILLER_ES));
        s.push(' ');
    }
    s.pop();
    s
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            c => o.push(c),
        }
    }
    o
}

impl Article {
    /// The body as plain text: paragraphs separated by blank lines.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// One JSONL line (no trailing newline) with `url, outlet, published, lang, title, text`.
    pub fn to_jsonl(&self) -> String {
        json!({
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "lang": self.lang,
            "title": self.title,
            "text": self.body(),
        })
        .to_string()
    }

    /// One JSONL line carrying the page as `html` instead of `text`.
    pub fn to_jsonl_html(&self) -> String {
        json!({ "url": self.url, "html": self.to_html() }).to_string()
    }

    /// A plain-text file: the headline alone on the first line, then the body.
    pub fn to_text(&self) -> String {
        format!("{}\n\n{}\n", self.title, self.body())
    }

    /// The sidecar `NAME.meta.json` for [`Article::to_text`].
    pub fn to_meta_json(&self) -> String {
        json!({ "url": self.url, "outlet": self.outlet, "published": self.published, "lang": self.lang })
            .to_string()
    }

    /// A news page as a CMS would serve it: head metadata, navigation, scripts, cookie banner,
    /// the article, related links and a footer.
    pub fn to_html(&self) -> String {
        let mut h = String::with_capacity(6 * 1024);
        let t = esc(&self.title);
        let o = esc(self.outlet);
        h.push_str("<!DOCTYPE html>\n<html lang=\"");
        h.push_str(self.lang);
        h.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.push_str(&format!("<title>{t} | {o}</title>\n<meta property=\"og:title\" content=\"{t}\">\n<meta property=\"og:site_name\" content=\"{o}\">\n<meta property=\"og:type\" content=\"article\">\n<link rel=\"canonical\" href=\"{}\">\n<meta property=\"article:published_time\" content=\"{}T12:00:00Z\">\n", esc(&self.url), self.published));
        h.push_str("<link rel=\"stylesheet\" href=\"/static/css/main.css\">\n<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>\n</head>\n<body class=\"article-page\">\n");
        h.push_str("<div class=\"cookie-banner\">We use cookies to improve your experience. <button>OK</button></div>\n");
        h.push_str(&format!("<header><a class=\"logo\" href=\"/\">{o}</a><nav><ul><li><a href=\"/world\">World</a></li><li><a href=\"/americas\">Americas</a></li><li><a href=\"/politics\">Politics</a></li><li><a href=\"/business\">Business</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav></header>\n"));
        h.push_str(&format!("<main><article class=\"story\">\n<h1 class=\"headline\">{t}</h1>\n<p class=\"byline\">By Staff Reporter · <time datetime=\"{}\">{}</time></p>\n<div class=\"article-body\">\n", self.published, self.published));
        for p in &self.paragraphs {
            h.push_str("<p>");
            h.push_str(&esc(p));
            h.push_str("</p>\n");
        }
        h.push_str("</div>\n<div class=\"share\">Share this article: <a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div>\n</article>\n");
        h.push_str("<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/a\">Markets close higher</a></li><li><a href=\"/b\">Weather outlook for the week</a></li><li><a href=\"/c\">Ten photos of the year</a></li></ul></aside></main>\n");
        h.push_str(&format!("<footer><p>© 2026 {o}. All rights reserved.</p><p><a href=\"/privacy\">Privacy</a> · <a href=\"/terms\">Terms</a></p></footer>\n<script src=\"/static/js/app.js\" async></script>\n</body>\n</html>\n"));
        h
    }

    /// One WARC/1.0 `response` record holding [`Article::to_html`] as an HTTP response.
    pub fn to_warc_record(&self) -> Vec<u8> {
        let html = self.to_html();
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{}",
            html.len(),
            html
        );
        let mut rec = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{:012x}>\r\nWARC-Date: {}T12:00:00Z\r\nWARC-Target-URI: {}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            self.index,
            self.published,
            self.url,
            http.len()
        )
        .into_bytes();
        rec.extend_from_slice(http.as_bytes());
        rec.extend_from_slice(b"\r\n\r\n");
        rec
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_varied() {
        let c = Corpus::new(Config::default());
        let a: Vec<Article> = c.iter(0..200).collect();
        let b: Vec<Article> = c.iter(0..200).collect();
        assert_eq!(a, b);
        assert!(a.iter().any(|x| x.lang == "es"));
        assert!(a.iter().any(|x| x.lang == "en"));
        assert!(a.iter().any(|x| x.copy_of.is_some()));
        for k in [Kind::Strike, Kind::Tally, Kind::Plan, Kind::Noise] {
            assert!(a.iter().any(|x| x.kind == k), "{k:?}");
        }
        let other = Corpus::new(Config {
            seed: 2,
            ..Config::default()
        });
        assert_ne!(other.article(0), a[0]);
    }

    #[test]
    fn near_copies_share_most_of_the_body() {
        let c = Corpus::new(Config::default());
        let a = c.article(9);
        let of = c.article(a.copy_of.unwrap());
        assert_ne!(a.url, of.url);
        let same = a
            .paragraphs
            .iter()
            .zip(&of.paragraphs)
            .filter(|(x, y)| x == y)
            .count();
        assert!(same + 2 >= a.paragraphs.len());
    }

    #[test]
    fn renderings_are_well_formed() {
        let a = Corpus::new(Config::default()).article(3);
        let v: serde_json::Value = serde_json::from_str(&a.to_jsonl()).unwrap();
        assert_eq!(v["text"].as_str().unwrap(), a.body());
        assert!(a.to_text().starts_with(&a.title));
        let w = a.to_warc_record();
        assert!(w.starts_with(b"WARC/1.0\r\n"));
    }
}
