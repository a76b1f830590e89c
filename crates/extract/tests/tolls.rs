//! Tolls through the whole extractor, on passages written for these tests (EN and ES, several
//! countries and forces): the dead a toll names beyond the boat campaign, the state's own
//! losses kept out of its strike's toll, another event's toll kept out of the strike that
//! answers it, and no casualties read as no one killed.

use chrono::NaiveDate;
use sw_extract::{Extractor, Report, ReportKind};
use sw_model::Lang;

fn ex() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn run(lang: Lang, published: &str, text: &str) -> Vec<Report> {
    let rs = ex().extract(
        text,
        lang,
        NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
    );
    for r in &rs {
        for c in &r.claims {
            assert_eq!(text.get(c.span[0]..c.span[1]), Some(c.surface.as_str()));
        }
    }
    rs
}

/// The killed figure (best) of each event, in order.
fn tolls(rs: &[Report]) -> Vec<Option<i64>> {
    rs.iter()
        .filter(|r| r.kind == ReportKind::Event)
        .map(|r| r.figures.killed.as_ref().and_then(|f| f.best.or(f.low)))
        .collect()
}

#[test]
fn a_strike_does_not_take_the_toll_of_the_ambush_it_answers() {
    let rs = run(
        Lang::En,
        "2026-01-11",
        "Iraqi aircraft struck militant hideouts in the Hamrin mountains on Saturday in retaliation for an ambush that killed five soldiers.",
    );
    assert_eq!(tolls(&rs), [None], "{rs:#?}");
    let rs = run(
        Lang::Es,
        "2025-12-20",
        "La Fuerza Aérea bombardeó el viernes un campamento del ELN en Arauca en represalia por la emboscada del martes, en la que murieron seis soldados.",
    );
    assert_eq!(tolls(&rs), [None], "{rs:#?}");
    let rs = run(
        Lang::En,
        "2025-04-20",
        "Israeli jets struck the port of Hodeidah on Sunday, three days after a drone attack on Eilat killed two people.",
    );
    assert!(!tolls(&rs).contains(&Some(2)), "{rs:#?}");
}

#[test]
fn the_forces_own_dead_are_not_the_toll_of_their_strike() {
    let rs = run(
        Lang::En,
        "2025-08-19",
        "Colombian Air Force jets bombed an ELN camp in Arauca on Monday, killing seven guerrillas. Two soldiers were killed in the ground operation that followed.",
    );
    // the ground operation may be told as a raid of its own: its toll is no more theirs
    let t = tolls(&rs);
    assert_eq!(t[0], Some(7), "{rs:#?}");
    assert!(!t.contains(&Some(2)), "{rs:#?}");
    let rs = run(
        Lang::Es,
        "2025-09-30",
        "Aviones de la Fuerza Aérea bombardearon el domingo un campamento en el Caquetá. Un soldado profesional perdió la vida al pisar una mina durante la operación.",
    );
    assert_eq!(tolls(&rs), [None], "{rs:#?}");
}

#[test]
fn no_casualties_is_no_one_killed_and_a_toll_in_other_words_is_read() {
    let rs = run(
        Lang::En,
        "2025-03-02",
        "A U.S. airstrike hit an al-Shabaab compound near Jilib on Saturday. There were no civilian casualties, and the command said the strike caused no casualties among bystanders either.",
    );
    // a zero for civilians only is no zero; "caused no casualties" is
    assert_eq!(tolls(&rs), [Some(0)], "{rs:#?}");
    let rs = run(
        Lang::Es,
        "2025-10-31",
        "La Marina atacó el jueves una lancha frente a las costas de Guerrero; sus tres ocupantes quedaron detenidos y no hubo víctimas.",
    );
    assert_eq!(tolls(&rs), [Some(0)], "{rs:#?}");
    let rs = run(
        Lang::Es,
        "2025-04-13",
        "Las Fuerzas Militares bombardearon el sábado un campamento del ELN en el sur de Bolívar; tres integrantes del grupo armado fueron dados de baja.",
    );
    assert_eq!(tolls(&rs), [Some(3)], "{rs:#?}");
    let rs = run(
        Lang::En,
        "2025-02-01",
        "A U.S. drone strike in Idlib on Thursday killed Abu Yusuf, a senior leader of the group, the military said.",
    );
    assert_eq!(tolls(&rs), [Some(1)], "{rs:#?}");
}

#[test]
fn a_part_counted_of_a_group_is_a_toll_and_the_group_is_not_the_agent() {
    // "N of the X": the count is of those killed, and the people counted so are the dead, not
    // who killed them
    for (lang, text, n) in [
        (
            Lang::En,
            "Two of the gunmen were killed in a shootout with police near Guayaquil on Monday.",
            2,
        ),
        (
            Lang::Es,
            "Tres de los sicarios murieron en el enfrentamiento con la Guardia Nacional el lunes en Zacatecas.",
            3,
        ),
        (
            Lang::Es,
            "El choque con militares en Apure terminó el lunes con cuatro de los presuntos guerrilleros abatidos.",
            4,
        ),
    ] {
        let rs = run(lang, "2025-12-16", text);
        let ev: Vec<&Report> = rs.iter().filter(|r| r.kind == ReportKind::Event).collect();
        assert_eq!(tolls(&rs), vec![Some(n)], "{text}\n{rs:#?}");
        assert_eq!(
            ev[0].event_type,
            sw_extract::EventType::Raid,
            "{text}\n{rs:#?}"
        );
    }
}

#[test]
fn a_force_answering_a_groups_violence_is_an_event_with_its_own_toll() {
    // the group's ambush and the force's answer: two events, each its own dead
    for (lang, text, want) in [
        (
            Lang::Es,
            "Civiles armados emboscaron a elementos de la Guardia Nacional en la carretera el viernes y mataron a dos agentes; en la persecución posterior, los efectivos abatieron a tres de los agresores.",
            vec![Some(2), Some(3)],
        ),
        (
            Lang::En,
            "Al-Shabaab fighters stormed an army base in Lower Shabelle on Friday, killing five soldiers, before Somali troops killed seven of the militants.",
            vec![Some(5), Some(7)],
        ),
    ] {
        let rs = run(lang, "2025-06-21", text);
        assert_eq!(tolls(&rs), want, "{text}\n{rs:#?}");
        let types: Vec<sw_extract::EventType> = rs
            .iter()
            .filter(|r| r.kind == ReportKind::Event)
            .map(|r| r.event_type)
            .collect();
        assert_eq!(types[0], sw_extract::EventType::Attack, "{text}");
        assert_ne!(types[1], sw_extract::EventType::Attack, "{text}");
    }
    // the force's own firefight stays one event
    let text = "Mexican soldiers killed eleven suspected cartel gunmen in a firefight in Tamaulipas on Monday.";
    assert_eq!(tolls(&run(Lang::En, "2025-06-21", text)), vec![Some(11)]);
}

#[test]
fn those_killed_for_an_earlier_attack_are_a_new_event_and_the_attack_keeps_its_day() {
    // "responsible for the ambush": the ambush is another event, named as known; its day and
    // its dead are its own
    for (lang, text, day) in [
        (
            Lang::Es,
            "El Ejército ecuatoriano informó que abatió el domingo a tres presuntos responsables de la emboscada del 9 de mayo en Alto Punino, en la que murieron once militares.",
            "2025-05-18",
        ),
        (
            Lang::En,
            "Nigerian troops killed four militants responsible for the ambush that killed nine soldiers in Borno last week, the army said on Sunday.",
            "2025-05-18",
        ),
    ] {
        let rs = run(lang, "2025-05-19", text);
        let ev: Vec<&Report> = rs.iter().filter(|r| r.kind == ReportKind::Event).collect();
        assert_eq!(ev.len(), 1, "{text}\n{rs:#?}");
        assert_ne!(ev[0].event_type, sw_extract::EventType::Attack, "{text}");
        assert_eq!(ev[0].date.as_deref(), Some(day), "{text}\n{rs:#?}");
        assert!(
            ev[0].figures.killed.as_ref().and_then(|f| f.best) != Some(9)
                && ev[0].figures.killed.as_ref().and_then(|f| f.best) != Some(11),
            "{text}\n{rs:#?}"
        );
    }
}

#[test]
fn a_sentence_saying_only_that_no_one_died_gives_the_event_before_it_a_zero() {
    // the sentence holds no cue of an event or a count: it is read all the same
    for (lang, text) in [
        (
            Lang::En,
            "Turkish jets struck a PKK hideout in the Gara mountains on Sunday. There were no casualties.",
        ),
        (
            Lang::En,
            "An Israeli drone hit a truck south of Tyre on Monday. No one was hurt, local officials said.",
        ),
        (
            Lang::En,
            "US aircraft bombed an arms depot outside Sanaa overnight. No casualties were reported.",
        ),
        (
            Lang::Es,
            "La Fuerza Aérea de Nigeria bombardeó un campamento de bandidos en Zamfara el martes. No hubo víctimas, según un portavoz.",
        ),
    ] {
        let rs = run(lang, "2026-03-12", text);
        assert_eq!(tolls(&rs), [Some(0)], "{text}\n{rs:#?}");
    }
    // a zero for the force's own people only stays none
    let rs = run(
        Lang::En,
        "2026-03-12",
        "US aircraft bombed an arms depot outside Sanaa overnight. There were no U.S. casualties.",
    );
    assert_eq!(tolls(&rs), [None], "{rs:#?}");
}

#[test]
fn one_person_named_with_a_phrase_or_after_the_verb_is_one_dead() {
    for (lang, text) in [
        (
            Lang::Es,
            "En un enfrentamiento en la sierra de Apatzingán, un presunto sicario perteneciente a un grupo criminal fue abatido por elementos del Ejército.",
        ),
        (
            Lang::Es,
            "Fuerzas especiales de Estados Unidos llevaron a cabo una incursión en el noroeste de Siria el jueves, en la que murió un dirigente del Estado Islámico.",
        ),
        (
            Lang::Es,
            "Un cabecilla vinculado a las disidencias fue abatido por tropas del Ejército en Tumaco el lunes.",
        ),
        (
            Lang::En,
            "A suspected gunman linked to a cartel cell was killed in a firefight with soldiers near Uruapan on Tuesday.",
        ),
    ] {
        let rs = run(lang, "2025-09-05", text);
        assert_eq!(tolls(&rs), [Some(1)], "{text}\n{rs:#?}");
    }
}

#[test]
fn a_leader_and_some_of_his_men_are_all_counted() {
    for (lang, text) in [
        (
            Lang::En,
            "US special operations forces killed an Islamic State leader and two of his guards in a raid in northwestern Syria on Thursday.",
        ),
        (
            Lang::Es,
            "Fuerzas especiales mataron a un cabecilla del Estado Islámico y a dos de sus escoltas en una incursión en Siria el jueves.",
        ),
    ] {
        let rs = run(lang, "2025-09-02", text);
        assert_eq!(tolls(&rs), [Some(3)], "{text}\n{rs:#?}");
    }
    // others counted for another field are not dead
    let text = "Troops killed four insurgents and two of their commanders were captured near Damboa on Monday.";
    let rs = run(Lang::En, "2025-09-02", text);
    assert_eq!(tolls(&rs), [Some(4)], "{text}\n{rs:#?}");
}

#[test]
fn the_people_who_speak_are_not_counted_among_the_dead() {
    for (lang, text, killed) in [
        (
            Lang::En,
            "U.S. forces struck a boat in the Caribbean on Thursday, killing three people, four \
             officials said.",
            3,
        ),
        (
            Lang::En,
            "Nigerian jets bombed a camp near Damboa on Monday, killing 12 fighters, two army \
             officers told reporters.",
            12,
        ),
        (
            Lang::Es,
            "Un bombardeo del ejército mató el martes a cinco guerrilleros en el Cauca, dos \
             funcionarios dijeron a la prensa.",
            5,
        ),
        // a list of the dead is still summed
        (
            Lang::En,
            "An airstrike on a house in Saada killed four children and two women on Sunday, \
             the rebels said.",
            6,
        ),
    ] {
        assert_eq!(
            tolls(&run(lang, "2025-11-21", text)),
            vec![Some(killed)],
            "{text}"
        );
    }
}

#[test]
fn one_person_named_by_a_noun_is_a_toll_of_one() {
    for (lang, text) in [
        // a group's name between the article and the noun
        (
            Lang::En,
            "U.S. forces killed a Hurras al-Din commander in a helicopter raid in northern \
             Syria on Wednesday.",
        ),
        (
            Lang::En,
            "A U.S. drone strike killed a senior al-Shabab leader near Jilib on Tuesday, \
             Africa Command said.",
        ),
        // the day between the verb and its object
        (
            Lang::Es,
            "Un ataque con dron de Estados Unidos mató el lunes a un alto mando de Al Shabab \
             cerca de Jilib.",
        ),
        (
            Lang::Es,
            "Militares abatieron el martes a un presunto jefe de plaza del cártel en Culiacán.",
        ),
        (
            Lang::En,
            "Iraqi jets killed on Sunday a senior Islamic State official in the Hamrin \
             mountains.",
        ),
    ] {
        assert_eq!(
            tolls(&run(lang, "2025-05-02", text)),
            vec![Some(1)],
            "{text}"
        );
    }
}

#[test]
fn no_survivors_is_a_count_of_none() {
    for (lang, text) in [
        (
            Lang::En,
            "U.S. forces struck a boat in the Caribbean on Thursday, killing three people. \
             There were no survivors.",
        ),
        (
            Lang::Es,
            "Un ataque de Estados Unidos contra una lancha en el Pacífico mató el jueves a tres \
             personas. No hubo sobrevivientes, según el Comando Sur.",
        ),
    ] {
        let rs = run(lang, "2025-11-21", text);
        let ev: Vec<&Report> = rs.iter().filter(|r| r.kind == ReportKind::Event).collect();
        assert_eq!(ev.len(), 1, "{text}\n{rs:#?}");
        let s = ev[0].figures.survivors.as_ref().expect("survivors");
        assert_eq!(
            (s.low, s.best, s.high),
            (Some(0), Some(0), Some(0)),
            "{text}"
        );
        assert_eq!(ev[0].figures.killed.as_ref().and_then(|f| f.best), Some(3));
    }
}

#[test]
fn a_toll_raised_for_a_days_strikes_is_theirs_not_a_campaigns() {
    for (lang, text) in [
        (
            Lang::En,
            "The death toll from Thursday's U.S. airstrikes on the Ras Isa fuel port rose to \
             80, with 150 injured, the Houthi health ministry said.",
        ),
        (
            Lang::En,
            "The death toll from Thursday's Turkish airstrike on the camp near Makhmour rose \
             to 80, Kurdish officials said.",
        ),
    ] {
        let rs = run(lang, "2025-04-19", text);
        assert!(
            rs.iter().all(|r| r.kind != ReportKind::Tally),
            "{text}\n{rs:#?}"
        );
        assert_eq!(tolls(&rs), vec![Some(80)], "{text}");
        let ev = rs
            .iter()
            .find(|r| r.kind == ReportKind::Event)
            .expect("event");
        assert_eq!(ev.date.as_deref(), Some("2025-04-17"), "{text}");
    }
    // a year's strikes are a campaign's: their toll is a tally
    let text = "The death toll from last year's U.S. airstrikes in Yemen rose to 300, a \
                monitoring group said.";
    let rs = run(Lang::En, "2025-04-19", text);
    assert!(
        rs.iter().all(|r| r.kind != ReportKind::Event),
        "{text}\n{rs:#?}"
    );
}

#[test]
fn people_described_as_said_to_be_are_still_counted() {
    let text = "The strike killed four fighters and two civilians said to be shepherds near \
                Kismayo on Tuesday, officials said.";
    assert_eq!(
        tolls(&run(Lang::En, "2026-05-08", text)),
        vec![Some(6)],
        "{text}"
    );
}

#[test]
fn a_spanish_toll_raised_for_one_event_is_its_own_and_a_campaigns_stays_a_tally() {
    for (text, killed) in [
        (
            "El número de muertos por el bombardeo del sábado en el departamento de Amazonas \
             aumentó a 14, según el Ejército.",
            14,
        ),
        (
            "La cifra de fallecidos en el ataque con drones del domingo contra un campamento \
             en Zamfara subió a 23, informaron las autoridades nigerianas.",
            23,
        ),
        (
            "El número de víctimas del bombardeo israelí del viernes en Nabatieh llegó a \
             nueve, dijo el ministerio de Salud.",
            9,
        ),
    ] {
        let rs = run(Lang::Es, "2026-03-10", text);
        assert_eq!(tolls(&rs), vec![Some(killed)], "{text}\n{rs:#?}");
        assert!(rs.iter().all(|r| r.kind != ReportKind::Tally), "{text}");
    }
    for text in [
        "La cifra de fallecidos desde que comenzaron los ataques en septiembre asciende a 95, \
         según un recuento de la agencia.",
        "El número de muertos en los bombardeos estadounidenses contra lanchas llegó a 83, \
         según un conteo de la agencia.",
        // the event named after the number raised the campaign's toll
        "El número de muertos en el Caribe aumentó a 83 tras el bombardeo del sábado, según \
         un conteo de la agencia.",
    ] {
        let rs = run(Lang::Es, "2026-03-10", text);
        assert!(tolls(&rs).is_empty(), "{text}\n{rs:#?}");
        assert_eq!(
            rs.iter().filter(|r| r.kind == ReportKind::Tally).count(),
            1,
            "{text}\n{rs:#?}"
        );
    }
}

#[test]
fn a_count_before_a_group_named_by_its_people_is_the_dead() {
    for (lang, text, killed) in [
        (
            Lang::En,
            "Seven FARC dissidents were killed in a military bombing of their camp in \
             Guaviare, the defence minister said.",
            7,
        ),
        (
            Lang::En,
            "Colombia's military said seven FARC dissidents were killed in an aerial \
             bombardment of their camp in the southern department of Guaviare.",
            7,
        ),
        (
            Lang::En,
            "Five FARC dissidents died in a bombardment in Caquetá on Sunday, the army said.",
            5,
        ),
        (
            Lang::En,
            "Four Boko Haram militants were killed in an air force bombardment in Borno.",
            4,
        ),
    ] {
        let rs = run(lang, "2026-03-06", text);
        assert_eq!(tolls(&rs), vec![Some(killed)], "{text}\n{rs:#?}");
    }
    // the state's own people named that way are its own losses, still counted
    let rs = run(
        Lang::En,
        "2026-03-06",
        "Two U.S. service members died in a rocket attack on a base in eastern Syria.",
    );
    assert_eq!(tolls(&rs), vec![Some(2)], "{rs:#?}");
}

#[test]
fn one_person_and_one_more_named_after_and_are_two_dead() {
    for (lang, text, killed) in [
        (
            Lang::Es,
            "El Comando Central informó que mató a un alto dirigente del Estado Islámico y a un \
             colaborador en un ataque con dron en el noroeste de Siria.",
            2,
        ),
        (
            Lang::En,
            "Central Command said it killed a senior Islamic State leader and an associate in a \
             drone strike in northwest Syria on Wednesday.",
            2,
        ),
        (
            Lang::En,
            "The strike on Wednesday killed a Houthi commander and his driver in Saada, \
             residents said.",
            2,
        ),
        (
            Lang::Es,
            "Un bombardeo mató el miércoles a un cabecilla del ELN y a su chofer en Arauca.",
            2,
        ),
        // the one after "and" is wounded, arrested or left hurt: one dead
        (
            Lang::En,
            "The drone strike killed a militia commander, and an aide was wounded, residents \
             said.",
            1,
        ),
        (
            Lang::En,
            "The raid killed a gang leader and arrested an accomplice, police said.",
            1,
        ),
        (
            Lang::Es,
            "El bombardeo mató a un cabecilla del ELN y dejó a un menor herido.",
            1,
        ),
    ] {
        let rs = run(lang, "2026-03-27", text);
        assert_eq!(tolls(&rs), vec![Some(killed)], "{text}\n{rs:#?}");
    }
}
