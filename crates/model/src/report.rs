//! The codebook's vocabulary as types: what the extractor produces (a [`Report`] with its
//! [`Claim`]s) and what the ledger, the store's readers and the web app read.
//!
//! Why here and not in the extractor: the ledger, the web app and the exports need these
//! types but none of the rule engine behind them. Keeping them in `sw-model` lets those crates
//! depend on the vocabulary alone, and gives each notion one definition: one [`Field`] enum
//! for the figures, one [`PlaceRef`] for a resolved place, one [`ClaimValue`] for what a claim
//! asserts, one [`When`] for a date read with its precision.
//!
//! The JSON written for every type is part of the project's contracts (`reports --json`, the
//! stored reports, the exports): field order and names are fixed, and a value such as a
//! figure is an object with sorted keys, as earlier versions wrote it.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! snake_enum {
    ($(#[$m:meta])* $name:ident { $($var:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($var),* }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$var),*];
            /// The snake_case name used in JSON.
            pub fn as_str(self) -> &'static str { match self { $($name::$var => $s),* } }
            /// Reads the snake_case name.
            pub fn parse(s: &str) -> Option<$name> { match s { $($s => Some($name::$var),)* _ => None } }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.as_str()) }
        }
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool { self.as_str() == *other }
        }
    };
}

snake_enum!(
    /// What a report is.
    ///
    /// A `reference` is a mention of an earlier event ("the first strike", "the September 2
    /// strike", "the seventh attack of the campaign"): it may join the incident it points to,
    /// but never makes one (codebook, *Incidents and reconciliation*).
    ReportKind { Event = "event", Development = "development", Tally = "tally", Reference = "reference" }
);
snake_enum!(
    /// Codebook event types. A `strike` or `raid` is by a state force; an `attack` is violence
    /// by a non-state group (an ambush, a bombing, a drone or ship attack), shown apart and
    /// never counted with strikes.
    EventType { Strike = "strike", Raid = "raid", Attack = "attack", Deployment = "deployment", Designation = "designation", Authorization = "authorization" }
);
snake_enum!(
    /// What a strike hit.
    TargetKind { Vessel = "vessel", LandSite = "land_site", Person = "person", Unknown = "unknown" }
);
snake_enum!(
    /// Codebook modality.
    Modality { Occurred = "occurred", Planned = "planned", Proposed = "proposed", Threatened = "threatened", Denied = "denied", Hypothetical = "hypothetical", Negated = "negated" }
);
snake_enum!(
    /// Precision of a date. `window`: news told with no date expression, dated by the
    /// article's publication: the date is the publication day and the event fell in the
    /// [`WINDOW_DAYS`] days up to it.
    DatePrecision { Day = "day", Week = "week", Month = "month", Year = "year", Window = "window", Unknown = "unknown" }
);
snake_enum!(
    /// Where a date came from.
    DateBasis { Explicit = "explicit", Relative = "relative", Publication = "publication", None = "none" }
);
snake_enum!(
    /// Who a claim is attributed to.
    SourceKind { Official = "official", AnonymousOfficials = "anonymous_officials", Outlet = "outlet", OtherOutlet = "other_outlet", LocalAuthority = "local_authority", WitnessOrFamily = "witness_or_family", NgoOrExpert = "ngo_or_expert", Unknown = "unknown" }
);
snake_enum!(
    /// The figures the codebook counts: the one list every crate reads them by.
    Field { Killed = "killed", Injured = "injured", Survivors = "survivors", Missing = "missing", Detained = "detained", Vessels = "vessels", Strikes = "strikes" }
);
snake_enum!(
    /// The part an actor plays in a report.
    Role { Perpetrator = "perpetrator", TargetGroup = "target_group" }
);

/// What a claim is about: one of the report's attributes, or one of its figures. Written in
/// JSON as the bare name (`"event_type"`, `"killed"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimField {
    EventType,
    Modality,
    TargetKind,
    Place,
    Date,
    /// An actor, in its role (`"perpetrator"`, `"target_group"`).
    Actor(Role),
    Figure(Field),
}

impl ClaimField {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimField::EventType => "event_type",
            ClaimField::Modality => "modality",
            ClaimField::TargetKind => "target_kind",
            ClaimField::Place => "place",
            ClaimField::Date => "date",
            ClaimField::Actor(r) => r.as_str(),
            ClaimField::Figure(f) => f.as_str(),
        }
    }

    /// Reads the name used in JSON.
    pub fn parse(s: &str) -> Option<ClaimField> {
        Some(match s {
            "event_type" => ClaimField::EventType,
            "modality" => ClaimField::Modality,
            "target_kind" => ClaimField::TargetKind,
            "place" => ClaimField::Place,
            "date" => ClaimField::Date,
            _ => {
                return Role::parse(s)
                    .map(ClaimField::Actor)
                    .or_else(|| Field::parse(s).map(ClaimField::Figure))
            }
        })
    }

    /// The figure this claim gives, if it gives one.
    pub fn figure(self) -> Option<Field> {
        match self {
            ClaimField::Figure(f) => Some(f),
            _ => None,
        }
    }
}

impl std::fmt::Display for ClaimField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ClaimField {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ClaimField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        ClaimField::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown claim field {s:?}")))
    }
}

impl PartialEq<&str> for ClaimField {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Field> for ClaimField {
    fn eq(&self, other: &Field) -> bool {
        *self == ClaimField::Figure(*other)
    }
}

/// A figure as the codebook's table gives it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Figure {
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub approx: bool,
    pub surface: String,
}

/// The figures of a report.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Figures {
    pub killed: Option<Figure>,
    pub injured: Option<Figure>,
    pub survivors: Option<Figure>,
    pub missing: Option<Figure>,
    pub detained: Option<Figure>,
    pub vessels: Option<Figure>,
    pub strikes: Option<Figure>,
}

impl Figures {
    /// The figure of a field.
    pub fn get(&self, field: Field) -> Option<&Figure> {
        match field {
            Field::Killed => self.killed.as_ref(),
            Field::Injured => self.injured.as_ref(),
            Field::Survivors => self.survivors.as_ref(),
            Field::Missing => self.missing.as_ref(),
            Field::Detained => self.detained.as_ref(),
            Field::Vessels => self.vessels.as_ref(),
            Field::Strikes => self.strikes.as_ref(),
        }
    }

    /// The slot of a field.
    pub fn slot(&mut self, field: Field) -> &mut Option<Figure> {
        match field {
            Field::Killed => &mut self.killed,
            Field::Injured => &mut self.injured,
            Field::Survivors => &mut self.survivors,
            Field::Missing => &mut self.missing,
            Field::Detained => &mut self.detained,
            Field::Vessels => &mut self.vessels,
            Field::Strikes => &mut self.strikes,
        }
    }
}

/// Where an event happened, resolved against the gazetteer.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct PlaceRef {
    pub name: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub region_code: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: u8,
}

/// Who a claim is attributed to.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub kind: SourceKind,
    pub name: Option<String>,
    pub channel: Option<String>,
    pub count: Option<u32>,
}

impl Source {
    /// The article's own reporting.
    pub fn outlet() -> Source {
        Source {
            kind: SourceKind::Outlet,
            name: None,
            channel: None,
            count: None,
        }
    }
}

/// How many days a [`DatePrecision::Window`] date spans, ending on the publication day: news
/// told with no date expression is about the day of publication or the two before it.
pub const WINDOW_DAYS: i64 = 3;

/// The ending of the rule of a killed claim told as a toll raised to its count ("the death
/// toll rose to four", "subió a 19"): the newest news of the dead, which reconciliation
/// prefers over older counts when it is published last.
pub const RAISED_RULE: &str = ".raised";

/// An actor of a report.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    pub name: String,
    pub alleged: bool,
    pub source: Source,
    /// The state whose force the actor is (ISO 3166 alpha-2), for a state force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// A non-state armed group (a cartel, insurgents, a militia, gunmen).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_state: bool,
}

/// The value a figure claim asserts (keys in the order JSON has always had them: sorted).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FigureValue {
    pub approx: bool,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub low: Option<i64>,
}

impl FigureValue {
    /// The claim value of a figure.
    pub fn of(f: &Figure) -> FigureValue {
        FigureValue {
            approx: f.approx,
            best: f.best,
            high: f.high,
            low: f.low,
        }
    }

    /// One exact count.
    pub fn exact(n: i64) -> FigureValue {
        FigureValue {
            approx: false,
            best: Some(n),
            high: Some(n),
            low: Some(n),
        }
    }
}

/// The value an actor claim asserts.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ActorValue {
    pub alleged: bool,
    pub name: String,
    /// The state of a state force (ISO 3166 alpha-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_state: bool,
}

/// What a claim asserts: a name or code (event type, modality, target kind, place name,
/// date), a figure, an actor, or nothing (a date claim whose expression gave no date; a value
/// the ledger dropped because nothing downstream reads it).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(untagged)]
pub enum ClaimValue {
    #[default]
    None,
    Text(String),
    Actor(ActorValue),
    Figure(FigureValue),
}

impl ClaimValue {
    pub fn is_none(&self) -> bool {
        matches!(self, ClaimValue::None)
    }

    /// The text, for a name or code.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            ClaimValue::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The figure, for a figure claim.
    pub fn as_figure(&self) -> Option<&FigureValue> {
        match self {
            ClaimValue::Figure(f) => Some(f),
            _ => None,
        }
    }
}

impl From<Option<String>> for ClaimValue {
    fn from(v: Option<String>) -> ClaimValue {
        v.map_or(ClaimValue::None, ClaimValue::Text)
    }
}

impl From<&str> for ClaimValue {
    fn from(v: &str) -> ClaimValue {
        ClaimValue::Text(v.to_string())
    }
}

impl From<String> for ClaimValue {
    fn from(v: String) -> ClaimValue {
        ClaimValue::Text(v)
    }
}

/// One attributed value of one field.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Claim {
    pub field: ClaimField,
    pub value: ClaimValue,
    pub surface: String,
    pub span: [usize; 2],
    pub sentence: [usize; 2],
    pub source: Source,
    pub modality: Modality,
    pub rule: String,
    /// A figure the article gives for the same event from another source than the report's
    /// own figure ("one source said two died; another said three"): the ledger keeps it as
    /// one more value beside the report's, so an in-article disagreement stays visible.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rival: bool,
}

/// One article's account of one event, development or tally.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Report {
    pub kind: ReportKind,
    pub event_type: EventType,
    pub target_kind: Option<TargetKind>,
    pub means: Option<String>,
    pub modality: Modality,
    pub date: Option<String>,
    pub date_precision: DatePrecision,
    pub date_basis: DateBasis,
    pub place: Option<PlaceRef>,
    pub figures: Figures,
    pub actors: Vec<Actor>,
    pub source: Source,
    pub sentence: [usize; 2],
    pub claims: Vec<Claim>,
}

impl EventType {
    /// Violence that happened to people or things: a strike, a raid or an attack (not a
    /// deployment, designation or authorization).
    pub fn is_violent(self) -> bool {
        matches!(
            self,
            EventType::Strike | EventType::Raid | EventType::Attack
        )
    }
}

impl Report {
    /// The report's date read with its precision, as the span of days it may fall on.
    pub fn when(&self) -> Option<When> {
        When::parse(self.date.as_deref()?, self.date_precision)
    }

    /// The report's perpetrator: its first actor in that role.
    pub fn perpetrator(&self) -> Option<&Actor> {
        self.actors.iter().find(|a| a.role == Role::Perpetrator)
    }
}

/// A date as the codebook writes it (`YYYY-MM-DD` for a day or the first day of a week,
/// `YYYY-MM` for a month, `YYYY` for a year), read with its precision into the first and last
/// day it may fall on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct When {
    pub precision: DatePrecision,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl When {
    /// Reads a date string at a precision; `None` if the string does not fit it.
    pub fn parse(date: &str, precision: DatePrecision) -> Option<When> {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let (first, last) = match precision {
            DatePrecision::Day => {
                let d = day(date)?;
                (d, d)
            }
            DatePrecision::Week => {
                let d = day(date)?;
                (d, d + chrono::Duration::days(6))
            }
            DatePrecision::Window => {
                let d = day(date)?;
                (d - chrono::Duration::days(WINDOW_DAYS - 1), d)
            }
            DatePrecision::Month => {
                let first = day(&format!("{date}-01"))?;
                let next = if first.month() == 12 {
                    NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)?
                };
                (first, next.pred_opt()?)
            }
            DatePrecision::Year => {
                let y: i32 = date.parse().ok()?;
                (
                    NaiveDate::from_ymd_opt(y, 1, 1)?,
                    NaiveDate::from_ymd_opt(y, 12, 31)?,
                )
            }
            DatePrecision::Unknown => return None,
        };
        Some(When {
            precision,
            first,
            last,
        })
    }

    /// Whether `d` may be the day.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.first <= d && d <= self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_values_keep_their_json() {
        let f = ClaimValue::Figure(FigureValue::exact(3));
        let j = serde_json::to_string(&f).unwrap();
        assert_eq!(j, r#"{"approx":false,"best":3,"high":3,"low":3}"#);
        assert_eq!(serde_json::from_str::<ClaimValue>(&j).unwrap(), f);
        let a = ClaimValue::Actor(ActorValue {
            alleged: true,
            name: "X".into(),
            state: None,
            non_state: false,
        });
        let j = serde_json::to_string(&a).unwrap();
        assert_eq!(j, r#"{"alleged":true,"name":"X"}"#);
        assert_eq!(serde_json::from_str::<ClaimValue>(&j).unwrap(), a);
        let force = ClaimValue::Actor(ActorValue {
            alleged: false,
            name: "Mexican Navy".into(),
            state: Some("MX".into()),
            non_state: false,
        });
        let j = serde_json::to_string(&force).unwrap();
        assert_eq!(j, r#"{"alleged":false,"name":"Mexican Navy","state":"MX"}"#);
        assert_eq!(serde_json::from_str::<ClaimValue>(&j).unwrap(), force);
        assert_eq!(serde_json::to_string(&ClaimValue::None).unwrap(), "null");
        assert_eq!(
            serde_json::from_str::<ClaimValue>("\"2025-10-03\"").unwrap(),
            ClaimValue::Text("2025-10-03".into())
        );
    }

    #[test]
    fn claim_fields_read_back_what_they_write() {
        for name in [
            "event_type",
            "modality",
            "target_kind",
            "place",
            "date",
            "perpetrator",
            "target_group",
            "killed",
            "strikes",
        ] {
            let f = ClaimField::parse(name).unwrap();
            assert_eq!(f.as_str(), name);
            let j = serde_json::to_string(&f).unwrap();
            assert_eq!(serde_json::from_str::<ClaimField>(&j).unwrap(), f);
        }
        assert_eq!(ClaimField::parse("nonsense"), None);
        assert!(serde_json::from_str::<ClaimField>("\"nonsense\"").is_err());
    }

    #[test]
    fn dates_read_with_their_precision() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let w = When::parse("2025-12", DatePrecision::Month).unwrap();
        assert_eq!((w.first, w.last), (d("2025-12-01"), d("2025-12-31")));
        let w = When::parse("2025-10-12", DatePrecision::Week).unwrap();
        assert_eq!(w.last, d("2025-10-18"));
        assert!(w.contains(d("2025-10-15")) && !w.contains(d("2025-10-19")));
        assert_eq!(
            When::parse("2025", DatePrecision::Year).unwrap().last,
            d("2025-12-31")
        );
        let w = When::parse("2025-10-12", DatePrecision::Window).unwrap();
        assert_eq!((w.first, w.last), (d("2025-10-10"), d("2025-10-12")));
        assert_eq!(When::parse("2025-13", DatePrecision::Month), None);
        assert_eq!(When::parse("2025-10-12", DatePrecision::Unknown), None);
    }
}
