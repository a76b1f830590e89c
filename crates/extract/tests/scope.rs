//! Who did it, through the whole extractor, on passages written for these tests (EN and ES,
//! several countries): violence against a state's post named in apposition is an attack, not
//! a strike; a state's strike on a town so named stays a strike.

use chrono::NaiveDate;
use sw_extract::{EventType, Extractor, Report, ReportKind};
use sw_model::Lang;

fn ex() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn types(lang: Lang, text: &str) -> Vec<EventType> {
    let rs: Vec<Report> = ex().extract(text, lang, NaiveDate::from_ymd_opt(2024, 1, 28));
    rs.iter()
        .filter(|r| r.kind == ReportKind::Event)
        .map(|r| r.event_type)
        .collect()
}

#[test]
fn a_post_named_in_apposition_to_what_was_hit_makes_an_attack() {
    for (lang, text) in [
        (
            Lang::En,
            "Drones hit Tower 22, a small US outpost in Jordan near the Syrian border.",
        ),
        (
            Lang::En,
            "Rockets struck Camp Lemonnier, an American base in Djibouti, on Sunday.",
        ),
        (
            Lang::Es,
            "Guerrilleros atacaron Tame, una base del Ejército en Arauca, el domingo.",
        ),
    ] {
        assert_eq!(types(lang, text), vec![EventType::Attack], "{text}");
    }
    // a town in apposition is where a state's jets struck
    let text = "US jets struck Al Qaim, a border town in Iraq, on Friday.";
    assert_eq!(types(Lang::En, text), vec![EventType::Strike], "{text}");
}

/// The perpetrator of the one event of `text`: its state, or "non_state".
fn who(lang: Lang, text: &str) -> Option<String> {
    let rs: Vec<Report> = ex().extract(text, lang, NaiveDate::from_ymd_opt(2025, 2, 24));
    let ev: Vec<&Report> = rs.iter().filter(|r| r.kind == ReportKind::Event).collect();
    assert_eq!(ev.len(), 1, "{text}\n{rs:#?}");
    ev[0].perpetrator().map(|a| {
        if a.non_state {
            "non_state".to_string()
        } else {
            a.state.clone().unwrap_or_default()
        }
    })
}

#[test]
fn a_group_that_owns_the_target_or_the_dead_is_not_the_agent() {
    // "a camp run by X", "un campamento controlado por X": the target's "by", not the strike's;
    // "a leader of X": the group a noun belongs to
    for (lang, text, want) in [
        (
            Lang::En,
            "A military bombing of a camp run by a FARC faction killed 19 fighters in Guaviare on Monday.",
            None,
        ),
        (
            Lang::Es,
            "Un bombardeo militar sobre un campamento controlado por el ELN mató a siete guerrilleros en el Catatumbo el lunes.",
            None,
        ),
        (
            Lang::En,
            "Central Command said it killed a senior leader of the al-Qaeda affiliate Hurras al-Din in a precision strike in northwest Syria on Sunday.",
            Some("US"),
        ),
        (
            Lang::Es,
            "El Ejército dijo que mató a un cabecilla de la banda Los Choneros en un operativo en Guayas el domingo.",
            Some("EC"),
        ),
    ] {
        assert_eq!(who(lang, text).as_deref(), want, "{text}");
        let rs = ex().extract(text, lang, NaiveDate::from_ymd_opt(2025, 2, 24));
        assert!(
            rs.iter().all(|r| r.event_type != EventType::Attack),
            "{text}\n{rs:#?}"
        );
    }
}

#[test]
fn a_mine_or_a_planted_bomb_is_an_attack() {
    for (lang, text) in [
        (Lang::En, "A landmine killed three soldiers in Kunar province on Monday."),
        (
            Lang::En,
            "An explosive device went off near a patrol in Kidal on Monday, killing two Malian soldiers.",
        ),
        (
            Lang::Es,
            "Un artefacto explosivo mató a tres militares en el Catatumbo el lunes.",
        ),
        (
            Lang::Es,
            "Dos soldados murieron el lunes cuando su vehículo activó una mina terrestre en Cotija.",
        ),
    ] {
        assert_eq!(types(lang, text), vec![EventType::Attack], "{text}");
    }
    // a mine that is dug is no violence
    assert!(types(
        Lang::Es,
        "La empresa informó que la mina de oro reabrió el lunes."
    )
    .is_empty());
}

#[test]
fn an_act_told_of_things_uncounted_is_the_campaign() {
    // "the sinking of drug boats has ...": no event of its own, unless counted, dated or tolled
    for text in [
        "The U.S. military's sinking of drug transport boats in the Caribbean Sea has dragged the issue onto the battlefield of partisan politics.",
        "The bombing of militant camps in the northeast has become a fixture of the army's statements.",
    ] {
        assert!(types(Lang::En, text).is_empty(), "{text}");
    }
    for text in [
        "The sinking of three boats off Venezuela on Tuesday killed eleven people.",
        "The bombing of militant camps in Borno killed twenty fighters, the army said.",
    ] {
        assert_eq!(types(Lang::En, text).len(), 1, "{text}");
    }
}

#[test]
fn a_section_heading_names_the_story_and_tells_nothing() {
    let reports = |lang: Lang, text: &str| -> Vec<Report> {
        ex().extract(text, lang, NaiveDate::from_ymd_opt(2025, 8, 22))
            .into_iter()
            .filter(|r| r.kind == ReportKind::Event)
            .collect()
    };
    for (lang, text) in [
        (
            Lang::Es,
            "Derriban un helicóptero de la Policía en Antioquia\n\nVíctimas y circunstancias del ataque con dron\n\nUn dron de disidentes atacó un helicóptero de la Policía en Amalfi y mató a doce agentes.",
        ),
        (
            Lang::En,
            "Strikes on a Houthi port\n\nAftermath of an airstrike on a port\n\nUS warplanes struck the port of Ras Isa, killing dozens, the Houthis said.",
        ),
    ] {
        // the act told in the body only: the heading adds no event of its own (closed by a
        // full stop, the same words are a sentence that tells one)
        let rs = reports(lang, text);
        assert_eq!(rs.len(), 1, "{text}\n{rs:#?}");
        assert!(rs[0].date.is_some(), "{rs:#?}");
        if lang == Lang::Es {
            let closed = text.replace("dron\n", "dron.\n");
            assert_eq!(reports(lang, &closed).len(), 2, "{closed}");
        }
    }
    // a line closed by a full stop is a sentence, not a heading
    let rs = reports(
        Lang::En,
        "Background\n\nA drone strike hit a truck near Marib on Thursday.",
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
}

#[test]
fn a_campaigns_course_and_things_struck_already_are_no_new_event() {
    for (lang, text) in [
        // a perfect with a toll no number gives
        (
            Lang::En,
            "Rights groups voiced concern over reports that US warships have attacked and killed dozens of people.",
        ),
        (
            Lang::Es,
            "Los expertos señalaron que las fuerzas turcas han bombardeado aldeas y matado a decenas de civiles.",
        ),
        // a participle between an article and what was struck
        (
            Lang::En,
            "The government defended its actions, claiming the targeted boats were transporting narcotics.",
        ),
        (
            Lang::En,
            "Investigators said the destroyed vessel carried no drugs at all.",
        ),
    ] {
        assert!(types(lang, text).is_empty(), "{text}");
    }
    // a counted toll, or the act itself, stays an event
    for (lang, text) in [
        (
            Lang::En,
            "US forces struck the boat on Sunday, killing three.",
        ),
        (
            Lang::Es,
            "Aviones turcos bombardearon el domingo una aldea y mataron a cuatro civiles.",
        ),
    ] {
        assert_eq!(types(lang, text).len(), 1, "{text}");
    }
}

#[test]
fn a_clash_told_with_the_infinitive_or_another_aggression_is_a_raid() {
    // "tras repeler ataque", "repelió otra agresión": the force answered an attack on it
    for text in [
        "Marinos abaten a un agresor tras repeler ataque en Navolato, Sinaloa.",
        "El Ejército repelió otra agresión en Apatzingán el martes y abatió a cinco atacantes.",
        "Policías estatales repelen agresión armada en Fresnillo; dos atacantes murieron.",
    ] {
        assert_eq!(types(Lang::Es, text), vec![EventType::Raid], "{text}");
    }
}

#[test]
fn a_ship_that_sank_under_attack_is_no_state_strike() {
    // a merchant ship named by its flag, and a ship that sank: the one struck, no one's
    // strike
    for (lang, text) in [
        (
            Lang::En,
            "The Panama-flagged Sea Lark went down on Friday after coming under attack from several small boats in the Gulf of Aden.",
        ),
        (
            Lang::En,
            "The bulk carrier Sea Lark sank on Friday after coming under attack from skiffs in the Gulf of Aden.",
        ),
    ] {
        assert_eq!(types(lang, text), vec![EventType::Attack], "{text}");
    }
    // the same ship told of again with no one named, a day from the group's attack, is that
    // attack, not a strike of its own
    let text = "Houthi fighters attacked and sank the cargo ship Sea Lark in the Red Sea on Saturday. \
                The ship went down late on Friday after coming under attack from several small boats.";
    assert_eq!(types(Lang::En, text), vec![EventType::Attack], "{text}");
    // a strike by a state on a boat still sinks it
    let text = "US forces struck and sank a suspected drug boat in the Caribbean on Friday.";
    assert_eq!(types(Lang::En, text), vec![EventType::Strike], "{text}");
}

#[test]
fn a_raid_whose_force_also_killed_is_one_raid() {
    // "raided ... and killed": the killing is the raid's toll, not a strike beside it
    for text in [
        "Ecuadorian marines raided a gang hideout in Esmeraldas on Saturday and killed two suspects.",
        "Pakistani troops raided a militant hideout near Bannu on Monday and killed five fighters.",
    ] {
        assert_eq!(types(Lang::En, text), vec![EventType::Raid], "{text}");
    }
}

#[test]
fn a_groups_attack_told_again_in_other_words_stays_one_attack() {
    // the second sentence names no one: the men are the group's, not a state's force
    let text = "Al-Shabaab fighters stormed a village in Hiran, killing six herders. \
                Dozens of men attacked the village with rifles and grenades, witnesses said.";
    assert_eq!(types(Lang::En, text), vec![EventType::Attack], "{text}");
}

#[test]
fn troops_on_the_ground_who_killed_with_no_strike_named_made_a_raid() {
    for (lang, text) in [
        (
            Lang::En,
            "Soldiers killed seven insurgents near Damboa on Monday.",
        ),
        (
            Lang::En,
            "Kenyan troops killed four militants near the Somali border town of Mandera on Friday.",
        ),
    ] {
        assert_eq!(types(lang, text), vec![EventType::Raid], "{text}");
    }
    // jets that killed, and a drone strike that troops called in, stay strikes
    for text in [
        "Nigerian jets killed dozens of fighters near Damboa on Monday.",
        "Troops killed seven insurgents in a drone strike near Damboa on Monday.",
    ] {
        assert_eq!(types(Lang::En, text), vec![EventType::Strike], "{text}");
    }
}

/// The event reports (not references, tallies or developments) of `text`.
fn events(lang: Lang, published: &str, text: &str) -> Vec<Report> {
    ex().extract(
        text,
        lang,
        NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
    )
    .into_iter()
    .filter(|r| r.kind == ReportKind::Event)
    .collect()
}

#[test]
fn a_campaigns_course_over_recent_months_is_no_event() {
    for (lang, text) in [
        (
            Lang::En,
            "Over the past few months, US forces have reportedly killed at least 57 people in strikes on suspected drug boats in the Caribbean.",
        ),
        (
            Lang::Es,
            "En los últimos meses, las fuerzas estadounidenses han matado a al menos 57 personas en ataques contra supuestas narcolanchas en el Caribe.",
        ),
    ] {
        let ev = events(lang, "2025-10-28", text);
        assert!(ev.is_empty(), "{text}\n{ev:#?}");
    }
    // a strike of its own day beside the campaign's total stays one event
    let text = "US forces killed three people in a strike on a boat in the Caribbean on Monday, bringing the number killed over the past few months to at least 57.";
    assert_eq!(events(Lang::En, "2025-10-28", text).len(), 1, "{text}");
}

#[test]
fn a_ship_that_suffered_or_received_an_attack_is_the_one_struck() {
    let text = "El buque de carga Aurora sufrió un ataque con drones frente a las costas de Yemen el martes.";
    assert_eq!(types(Lang::Es, text), vec![EventType::Attack], "{text}");
    // told again as "recibió ataque", with no one named: the same attack
    let text = "Un nuevo ataque a un buque de carga en el mar Rojo dejó un marinero muerto. \
                La nave, de una naviera griega, fue abordada por rebeldes y recibió ataque por mar y aire en dos ocasiones.";
    assert_eq!(types(Lang::Es, text), vec![EventType::Attack], "{text}");
}

#[test]
fn the_strike_named_again_with_no_day_place_or_toll_is_a_reference() {
    // an old strike in a story about a lawsuit, then "the strike" again: no news of its own
    let text = "A federal court dismissed a lawsuit over a 2013 drone strike in southern Yemen. \
                The families of two men killed in the strike had sued the government, saying the strike had killed civilians.";
    let ev = events(Lang::En, "2017-11-27", text);
    assert!(ev.is_empty(), "{ev:#?}");
    // in Spanish news a definite noun may open the story: with its place it stays news
    for (lang, text) in [
        (
            Lang::Es,
            "El enfrentamiento entre militares y civiles armados en Culiacán fue confirmado por la fiscalía estatal.",
        ),
        (
            Lang::En,
            "The airstrike on a militant camp in Jubaland was confirmed by the command.",
        ),
    ] {
        assert_eq!(events(lang, "2025-09-30", text).len(), 1, "{text}");
    }
}

#[test]
fn a_command_named_in_spanish_as_mando_is_the_perpetrator_and_speaks_for_itself() {
    let text = "El Mando de África de Estados Unidos informó que realizó un ataque aéreo contra Al Shabab cerca de Jilib el martes.";
    assert_eq!(who(Lang::Es, text).as_deref(), Some("US"), "{text}");
    // the command that says it struck is the source of its report, not the outlet
    for (lang, text) in [
        (
            Lang::En,
            "US Africa Command said it conducted an airstrike against al-Shabaab near Jilib on Tuesday.",
        ),
        (
            Lang::Es,
            "El Mando Central de Estados Unidos informó que sus fuerzas abatieron a un dirigente del Estado Islámico en Siria el martes.",
        ),
    ] {
        let rs = ex().extract(text, lang, NaiveDate::from_ymd_opt(2025, 2, 24));
        let ev: Vec<&Report> = rs.iter().filter(|r| r.kind == ReportKind::Event).collect();
        assert_eq!(ev.len(), 1, "{text}\n{rs:#?}");
        assert_eq!(ev[0].source.kind, sw_extract::SourceKind::Official, "{text}");
    }
}

#[test]
fn an_undated_article_on_an_anniversary_retells_the_strike_it_remembers() {
    let kinds = |lang: Lang, text: &str| -> Vec<ReportKind> {
        ex().extract(text, lang, None)
            .iter()
            .filter(|r| r.event_type == EventType::Strike)
            .map(|r| r.kind)
            .collect()
    };
    for (lang, text) in [
        (
            Lang::Es,
            "Miles de personas marcharon en Bagdad a un año del asesinato del comandante iraní por parte de Estados Unidos. \
             El 8 de enero de 2021, un ataque con drones destruyó los dos vehículos en que viajaban el comandante y sus escoltas cerca del aeropuerto.",
        ),
        (
            Lang::En,
            "Families gathered in Mogadishu on the anniversary of the strike that killed their relatives. \
             On March 4, 2023, a US drone strike hit a farm near Jilib, killing three people.",
        ),
    ] {
        let k = kinds(lang, text);
        assert!(!k.is_empty() && !k.contains(&ReportKind::Event), "{text}\n{k:?}");
    }
    // without the anniversary, the same strike told with its full date is news
    let text = "A US drone strike hit a farm near Jilib on March 4, 2023, killing three people, officials said.";
    assert_eq!(kinds(Lang::En, text), vec![ReportKind::Event], "{text}");
}
