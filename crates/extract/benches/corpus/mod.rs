//! The generated articles of the benchmark: a few sentences that carry strikes, tolls,
//! tallies and plans, mixed with filler sentences that carry nothing. Written for it.

use sw_model::Lang;

const EN_CUES: &[&str] = &[
    "U.S. forces struck a boat in the eastern Pacific on Tuesday, killing three men aboard, Southern Command said in a post on X.",
    "The strikes have killed at least 83 people since September, according to a running count.",
    "Officials said the administration is weighing options that include drone strikes on cartel labs in Mexico.",
    "Oct. 29: A strike on a vessel in the Caribbean killed four; one person survived.",
    "Hegseth announced Monday that, one day earlier, the military had destroyed two more boats off Colombia.",
];
const EN_FILLER: &[&str] = &[
    "The port reopened after repairs to the main pier were finished ahead of schedule.",
    "Local officials said the festival would return next spring with a larger program of music.",
    "Fishermen in the town have long complained about the price of fuel and the state of the roads.",
    "The committee will publish its findings in a report later this year, a spokeswoman said.",
    "Analysts expect the currency to remain volatile while talks on the budget continue.",
    "Residents gathered in the square on Sunday evening to mark the anniversary of the founding of the town.",
];
const ES_CUES: &[&str] = &[
    "El sábado, fuerzas de EE.UU. atacaron una lancha en el Caribe y mataron a tres personas, informó el Comando Sur en X.",
    "La cifra de fallecidos en la campaña supera ya los 140, según un recuento de la agencia.",
    "Según funcionarios citados por la prensa, el Pentágono evalúa opciones que incluyen bombardeos con drones en México.",
    "29 de octubre: una embarcación es destruida en el Pacífico oriental; mueren cuatro personas.",
    "Hegseth anunció este martes que el día anterior el ejército hundió dos narcolanchas frente a Colombia.",
];
const ES_FILLER: &[&str] = &[
    "El puerto volvió a abrir tras las reparaciones del muelle principal, que terminaron antes de lo previsto.",
    "Las autoridades locales dijeron que el festival regresará la próxima primavera con un programa más amplio.",
    "Los pescadores del pueblo se quejan desde hace años del precio del combustible y del estado de las carreteras.",
    "La comisión publicará sus conclusiones en un informe a finales de año, dijo una portavoz.",
    "Los analistas esperan que la moneda siga inestable mientras continúan las negociaciones del presupuesto.",
    "Los vecinos se reunieron el domingo por la tarde en la plaza para celebrar el aniversario de la fundación del pueblo.",
];

/// An article of ~`n` paragraphs: one cue sentence for every four filler sentences.
pub fn article(cues: &[&str], filler: &[&str], n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(cues[i % cues.len()]);
        for k in 0..4 {
            s.push(' ');
            s.push_str(filler[(i * 4 + k) % filler.len()]);
        }
        s.push('\n');
    }
    s
}

/// (name, language, article) for each benchmarked language.
pub fn cases() -> Vec<(&'static str, Lang, String)> {
    vec![
        ("en", Lang::En, article(EN_CUES, EN_FILLER, 40)),
        ("es", Lang::Es, article(ES_CUES, ES_FILLER, 40)),
    ]
}
