//! Where events happened, and what was struck: passages written for these tests (not copied
//! from any article), in English and Spanish, on strikes in several countries.

use chrono::NaiveDate;
use sw_extract::{EventType, Extractor, Report, ReportKind, TargetKind};
use sw_model::Lang;

fn ex() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(Extractor::new)
}

/// The first event of `text` (an article published on Thursday 12 June 2025): its place's
/// name, country and sea region, and its target, every claim keeping its span.
fn event(
    lang: Lang,
    text: &str,
) -> (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<TargetKind>,
) {
    let rs = ex().extract(text, lang, NaiveDate::from_ymd_opt(2025, 6, 12));
    for r in &rs {
        for c in &r.claims {
            assert_eq!(text.get(c.span[0]..c.span[1]), Some(c.surface.as_str()));
        }
    }
    let events: Vec<&Report> = rs.iter().filter(|r| r.kind == ReportKind::Event).collect();
    let r = events
        .iter()
        .find(|r| r.event_type == EventType::Strike)
        .or(events.first())
        .unwrap_or_else(|| panic!("no event in {text:?}: {rs:#?}"));
    let p = r.place.as_ref();
    (
        p.map(|p| p.name.clone()),
        p.and_then(|p| p.country.clone()),
        p.and_then(|p| p.region_code.clone()),
        r.target_kind,
    )
}

fn country(lang: Lang, text: &str) -> Option<String> {
    event(lang, text).1
}

#[test]
fn a_shared_name_takes_the_article_country() {
    // the sentence names no country: the article does
    let (name, cc, sea, target) = event(
        Lang::En,
        "Yemen's rebels said overnight raids had shaken the capital. Officials said a U.S. \
         strike on Tuesday killed four people in Saná.",
    );
    assert_eq!(
        (name.as_deref(), cc.as_deref()),
        (Some("Sanaa"), Some("YE"))
    );
    assert_eq!((sea, target), (None, Some(TargetKind::LandSite)));
    assert_eq!(
        country(
            Lang::Es,
            "Siria acusó a la coalición de un nuevo bombardeo. Según el observatorio, el \
             ataque aéreo del martes cerca de Palmira mató a tres combatientes.",
        )
        .as_deref(),
        Some("SY")
    );
    assert_eq!(
        country(
            Lang::Es,
            "En el Valle del Cauca, un bombardeo del Ejército destruyó el martes un \
             campamento cerca de Palmira.",
        )
        .as_deref(),
        Some("CO")
    );
    // the attacking state named beside a town does not choose its namesake
    assert_eq!(
        country(
            Lang::En,
            "U.S. forces struck an Islamic State hideout near Palmyra on Sunday, the command \
             said.",
        )
        .as_deref(),
        Some("SY")
    );
}

#[test]
fn a_strike_on_land_takes_no_sea() {
    for (lang, text, cc) in [
        (
            Lang::Es,
            "Un ataque aéreo contra el aeropuerto militar de Caracas dejó dos muertos el sábado.",
            "VE",
        ),
        (
            Lang::En,
            "A U.S. strike on Tuesday killed three people in Saada, the Houthis said.",
            "YE",
        ),
        (
            Lang::En,
            "A drone struck a pickup truck near Jilib on Monday, killing two fighters.",
            "SO",
        ),
        (
            Lang::Es,
            "Un dron atacó el martes posiciones de la guerrilla en el estado Zulia.",
            "VE",
        ),
        (
            Lang::Es,
            "Un bombardeo del Ejército destruyó el jueves varias viviendas en Tibú.",
            "CO",
        ),
        // a vague "targets" on land is a site there
        (
            Lang::En,
            "U.S. aircraft struck targets near Raqqa on Friday, the command said.",
            "SY",
        ),
    ] {
        let (_, got, sea, target) = event(lang, text);
        assert_eq!(got.as_deref(), Some(cc), "{text}");
        assert_eq!((sea, target), (None, Some(TargetKind::LandSite)), "{text}");
    }
    // boats keep their seas
    let (_, _, sea, target) = event(
        Lang::En,
        "U.S. forces struck a boat in the eastern Pacific on Tuesday, killing three people.",
    );
    assert_eq!(
        (sea.as_deref(), target),
        (Some("eastern_pacific"), Some(TargetKind::Vessel))
    );
    let (_, cc, sea, target) = event(
        Lang::Es,
        "El ataque del lunes contra una lancha frente a las costas de Venezuela dejó cuatro \
         muertos.",
    );
    assert_eq!(
        (cc.as_deref(), sea.as_deref(), target),
        (Some("VE"), Some("caribbean"), Some(TargetKind::Vessel))
    );
    // a convoy of boats is at sea
    let (_, _, sea, target) = event(
        Lang::En,
        "The military struck a convoy of three boats in the eastern Pacific on Tuesday.",
    );
    assert_eq!(
        (sea.as_deref(), target),
        (Some("eastern_pacific"), Some(TargetKind::Vessel))
    );
}

#[test]
fn the_place_of_the_event_clause_nearest_its_cue() {
    for (lang, text, name, cc) in [
        // another event's clause
        (
            Lang::En,
            "U.S. strikes on the port of Hodeidah killed four people on Tuesday, a day after \
             the Houthis attacked Israel.",
            "Hodeidah port",
            "YE",
        ),
        (
            Lang::Es,
            "En respuesta a un ataque en Gaza, Israel bombardeó el lunes la capital de Yemen, \
             Saná.",
            "Sanaa",
            "YE",
        ),
        // distance and direction from a town
        (
            Lang::En,
            "A U.S. airstrike on Sunday killed two militants 40 miles northwest of Kismayo.",
            "Kismayo",
            "SO",
        ),
        (
            Lang::Es,
            "Un ataque aéreo el martes a unos 50 kilómetros al sureste de Bosaso mató a tres \
             milicianos.",
            "Bosaso",
            "SO",
        ),
        // divisions named with their nouns
        (
            Lang::En,
            "Nigerian jets bombed militant hideouts in a remote area of Borno State on \
             Friday.",
            "Borno",
            "NG",
        ),
        (
            Lang::En,
            "The minister said a drone strike in the Lower Shabelle region killed two \
             commanders.",
            "Lower Shabeelle",
            "SO",
        ),
        (
            Lang::Es,
            "Aviones estadounidenses atacaron el martes posiciones en la provincia de Saada, en \
             Yemen.",
            "Sa'dah",
            "YE",
        ),
        (
            Lang::Es,
            "Un ataque con drones destruyó el lunes una bodega en el convulso estado de Sinaloa.",
            "Sinaloa",
            "MX",
        ),
        (
            Lang::Es,
            "Un ataque con dron destruyó el lunes una camioneta en la provincia siria de Idlib.",
            "Idlib",
            "SY",
        ),
        // the site's country, and a finer place after the country
        (
            Lang::Es,
            "Estados Unidos bombardeó el domingo las instalaciones nucleares de Irán.",
            "Iran",
            "IR",
        ),
        (
            Lang::En,
            "Central Command said its forces struck a militant leader in Yemen's Shabwa \
             province on Friday.",
            "Shabwah",
            "YE",
        ),
        (
            Lang::En,
            "Warplanes struck a weapons depot in Idlib, Syria, on Friday.",
            "Idlib",
            "SY",
        ),
        (
            Lang::En,
            "A Turkish drone struck a car in the Sinjar district of northern Iraq on Tuesday.",
            "Sinjār",
            "IQ",
        ),
    ] {
        let (got_name, got_cc, _, _) = event(lang, text);
        assert_eq!(
            (got_name.as_deref(), got_cc.as_deref()),
            (Some(name), Some(cc)),
            "{text}"
        );
    }
}

#[test]
fn what_never_places_an_event() {
    // across a border: the other country named in the clause places it, or nothing does
    assert_eq!(
        country(
            Lang::Es,
            "El Ejército bombardeó el miércoles un campamento del ELN en zona rural de \
             Arauquita, cerca de la frontera con Venezuela.",
        )
        .as_deref(),
        Some("CO")
    );
    assert_ne!(
        country(
            Lang::En,
            "A drone strike near the border with Kenya killed two fighters on Monday, \
             officials said.",
        )
        .as_deref(),
        Some("KE")
    );
    // where it was said
    for (lang, text, cc) in [
        (
            Lang::En,
            "Speaking in Nairobi on Wednesday, the minister said a drone strike in the Lower \
             Shabelle region had killed two commanders.",
            "SO",
        ),
        (
            Lang::En,
            "The Pentagon announced in Washington that a strike on Thursday hit a radar site \
             near Hodeidah.",
            "YE",
        ),
        (
            Lang::Es,
            "El canciller dijo en Madrid que el bombardeo del martes en el Cauca mató a siete \
             guerrilleros.",
            "CO",
        ),
        (
            Lang::En,
            "Officials in Kenya said the strike on Sunday near Jilib killed two militants.",
            "SO",
        ),
    ] {
        assert_eq!(country(lang, text).as_deref(), Some(cc), "{text}");
    }
    // a dateline, the home town of a witness
    assert_eq!(
        country(
            Lang::En,
            "NAIROBI, June 12 - A U.S. strike on Tuesday killed two al-Shabaab fighters, the \
             command said.",
        ),
        None
    );
    let (_, _, _, target) = event(
        Lang::En,
        "Relatives in Güiria said the strike on Tuesday killed their sons.",
    );
    assert_ne!(target, Some(TargetKind::LandSite));
    // two countries joined: neither is the one place of one event (each has an event of
    // its own, `generalize.rs`)
    for (lang, text) in [
        (
            Lang::En,
            "U.S. jets struck militia sites in Syria and Iraq on Thursday, the command said.",
        ),
        (
            Lang::Es,
            "Aviones turcos bombardearon el jueves posiciones kurdas en el norte de Siria e Irak.",
        ),
    ] {
        let rs = ex().extract(text, lang, NaiveDate::from_ymd_opt(2026, 1, 9));
        let got: Vec<Option<String>> = rs
            .iter()
            .map(|r| r.place.as_ref().and_then(|p| p.country.clone()))
            .collect();
        assert_eq!(got, vec![Some("SY".into()), Some("IQ".into())], "{text}");
    }
}

#[test]
fn a_demonym_beside_a_site_names_its_country() {
    for (lang, text, cc) in [
        (
            Lang::En,
            "Israeli jets struck Iranian nuclear sites on Tuesday, state television said.",
            "IR",
        ),
        (
            Lang::Es,
            "Aviones estadounidenses bombardearon el sábado depósitos de armas sirios.",
            "SY",
        ),
        (
            Lang::Es,
            "Un dron atacó el lunes una base militar iraquí cerca de la frontera.",
            "IQ",
        ),
    ] {
        let (_, got, sea, target) = event(lang, text);
        assert_eq!(got.as_deref(), Some(cc), "{text}");
        assert_eq!((sea, target), (None, Some(TargetKind::LandSite)), "{text}");
    }
    // the attacker's adjective on the aircraft names no place
    assert_eq!(
        country(
            Lang::En,
            "Turkish warplanes struck militant targets on Friday, the ministry said."
        ),
        None
    );
}

#[test]
fn a_feature_the_gazetteer_lacks_is_placed_by_the_country_it_is_of() {
    // a range, valleys or hills named "of" a country with a compass word: that country
    for (lang, text, want) in [
        (
            Lang::En,
            "US aircraft struck militants sheltering in caves in the Golis Mountains of northern Somalia on Saturday.",
            "SO",
        ),
        (
            Lang::En,
            "Pakistani jets bombed hideouts in the valleys of eastern Afghanistan on Saturday.",
            "AF",
        ),
        (
            Lang::Es,
            "La aviación bombardeó un campamento en las montañas del norte de Colombia el sábado.",
            "CO",
        ),
        (
            Lang::Es,
            "Aviones turcos bombardearon posiciones en las colinas del sur de Irak el sábado.",
            "IQ",
        ),
    ] {
        assert_eq!(country(lang, text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn a_name_the_gazetteer_lacks_then_its_state_places_the_event_in_the_state() {
    for (lang, text, want) in [
        (
            Lang::Es,
            "El Ejército abatió a dos hombres en Cotija, Michoacán, el domingo.",
            "MX",
        ),
        (
            Lang::Es,
            "Dos soldados murieron el lunes cuando su vehículo activó una mina terrestre en un camino de Coahuayana, Michoacán.",
            "MX",
        ),
        (
            Lang::En,
            "Soldiers killed four gunmen in the village of Los Naranjos Viejos, Sinaloa, on Monday.",
            "MX",
        ),
    ] {
        assert_eq!(country(lang, text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn a_countrys_adjective_beside_a_shared_name_chooses_it() {
    // "la localidad colombiana de Santa Rosa": the town of that country, not a namesake
    // elsewhere
    for (lang, text, want) in [
        (
            Lang::Es,
            "Soldados abatieron el martes a dos sicarios en la localidad colombiana de Santa Rosa.",
            "CO",
        ),
        (
            Lang::En,
            "Soldiers killed three gunmen in a firefight on Tuesday in the Venezuelan city of Barcelona.",
            "VE",
        ),
    ] {
        assert_eq!(country(lang, text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn a_group_that_fights_in_one_country_chooses_between_namesakes() {
    // the Gulf Clan fights in Colombia: its Santa Rosa, not one in the United States
    let text =
        "Integrantes del Clan del Golfo atacaron una patrulla militar en Santa Rosa el martes.";
    assert_eq!(country(Lang::Es, text).as_deref(), Some("CO"), "{text}");
    // Hiran is a region of Somalia and a town of Iraq: a sentence that says Iraq keeps it
    let text = "Al-Shabaab fighters stormed a village in Hiran, killing six herders.";
    assert_eq!(country(Lang::En, text).as_deref(), Some("SO"), "{text}");
    let text =
        "US aircraft struck a militia depot near the town of Hiran in western Iraq on Tuesday.";
    assert_eq!(country(Lang::En, text).as_deref(), Some("IQ"), "{text}");
}

/// The first event's place: its name and first-level division.
fn division(lang: Lang, text: &str) -> (Option<String>, Option<String>) {
    let rs = ex().extract(text, lang, NaiveDate::from_ymd_opt(2025, 6, 12));
    let r = rs
        .iter()
        .find(|r| r.kind == ReportKind::Event)
        .unwrap_or_else(|| panic!("no event in {text:?}: {rs:#?}"));
    let p = r.place.as_ref();
    (p.map(|p| p.name.clone()), p.and_then(|p| p.admin1.clone()))
}

#[test]
fn a_division_named_in_the_sentence_chooses_between_namesakes() {
    // Colombia has an Argelia in Cauca and one in Antioquia: the division told, near or
    // far from the town, chooses
    for (text, admin1) in [
        (
            "Soldados mataron el martes a dos guerrilleros en zona rural de Argelia, en el \
             norte de Antioquia.",
            "Antioquia",
        ),
        (
            "Soldados mataron el martes a dos guerrilleros en zona rural de Argelia, en el \
             departamento del Cauca.",
            "Cauca",
        ),
        (
            "Soldados mataron el martes a dos guerrilleros en zona rural de Argelia, Antioquia.",
            "Antioquia",
        ),
    ] {
        let (name, a) = division(Lang::Es, text);
        assert_eq!(
            (name.as_deref(), a.as_deref()),
            (Some("Argelia"), Some(admin1)),
            "{text}"
        );
    }
}
