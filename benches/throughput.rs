//! Throughput of vigie on a generated archive of realistic drafts.
//!
//! `cargo bench --bench throughput` generates 10,000 drafts (deterministic: the same
//! archive on every machine), compiles each built-in profile once, then checks the
//! whole archive on one thread and on all cores, and prints posts per second and MB
//! per second. `cargo bench --bench throughput -- --archive DIR [N]` writes the archive
//! to DIR instead (for `scripts/bench.sh`, which times the real binary on it).

use std::time::Instant;

use rayon::prelude::*;
use vigie::draft::{Draft, Format, FrontMatter};
use vigie::engine::{Engine, ProfileChoice};

/// Pieces of Quebec municipal posts, clean and not, to combine.
const OPENINGS: &[&str] = &[
    "Rappel : la collecte des encombrants aura lieu le 20 mai dans tous les secteurs.",
    "La piscine municipale ouvre samedi à 10 h ; l'entrée est gratuite pour les résidents.",
    "AVIS PUBLIC\nLe conseil municipal tiendra une séance extraordinaire le 14 octobre à 19 h.",
    "Travaux sur la 2e Rue Est entre la 1re Avenue et la 3e Avenue du 4 au 8 juin.",
    "Merci aux bénévoles du Festival ! Un immense merci à l'équipe de la FADOQ.",
    "Inscriptions au camp de jour dès lundi, places limitées. Info : 819-333-2282.",
    "VENEZ TOUS À LA GRANDE FÊTE DU PARC CE SAMEDI APRÈS-MIDI !",
    "Pour joindre Mme Tremblay, appelez-la au 819 555-0142 après 17 h.",
    "Je pense que la Ville gère mal le déneigement cette année, c'est une honte.",
    "Vente de garage autorisée les 24 et 25 mai sur tout le territoire, sans permis.",
    "Le CISSS tiendra une clinique de vaccination au centre communautaire le 3 juin.",
    "Profitez de 20 % de rabais chez Boutique Lemieux avec le code PROMO20 !",
];

const MIDDLES: &[&str] = &[
    "Le stationnement de nuit est interdit du 15 novembre au 1er avril sur les rues municipales.",
    "Apportez vos chaises, de l'eau et votre bonne humeur ; des jeux gonflables attendent les enfants.",
    "Le règlement 2023-145 sur les nuisances s'applique ; les contrevenants s'exposent à une amende.",
    "Les documents sont disponibles à l'hôtel de ville, au 201, 3e Rue Est, pendant les heures d'ouverture.",
    "En cas de pluie, l'activité aura lieu à l'aréna Nicol-Auger.",
    "Voir https://a-boutique.com, https://b-boutique.com, https://c-boutique.com et https://d-boutique.com.",
    "Les résidents du secteur ouest doivent faire bouillir l'eau une minute avant de la boire.",
    "Nos camelots passeront chez vous cette semaine pour distribuer le calendrier des collectes.",
];

const ENDINGS: &[&str] = &[
    "Renseignements : https://www.ville.lasarre.qc.ca/loisirs",
    "#LaSarre #Loisirs",
    "Merci de votre collaboration !",
    "Les opinions que j'exprime ici n'engagent que ma personne et ne représentent pas l'opinion de la Ville.",
    "Bonne fin de semaine à tous !",
];

const FRONTS: &[&str] = &[
    "",
    "+++\naccount = \"official\"\nplatform = \"facebook\"\npublish_at = 2026-05-04\n+++\n",
    "---\naccount: personal\nauthor: employee\n---\n",
    "+++\naccount = \"official\"\n[[media]]\npath = \"photos/fete.jpg\"\npeople = \"crowd\"\nconsent = \"public-event\"\nalt = \"Foule au parc\"\n+++\n",
];

/// A small deterministic generator (xorshift), so the archive is the same everywhere.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        items[(self.0 % items.len() as u64) as usize]
    }
}

/// Draft `i` of the archive, and whether it is Markdown.
fn draft(rng: &mut Rng, i: usize) -> (String, bool) {
    let mut text = rng.pick(FRONTS).to_string();
    text.push_str(rng.pick(OPENINGS));
    text.push_str("\n\n");
    for _ in 0..(i % 3) {
        text.push_str(rng.pick(MIDDLES));
        text.push(' ');
    }
    text.push_str("\n\n");
    text.push_str(rng.pick(ENDINGS));
    text.push('\n');
    (text, !i.is_multiple_of(5))
}

fn archive(n: usize) -> Vec<(String, String)> {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    (0..n)
        .map(|i| {
            let (text, markdown) = draft(&mut rng, i);
            let ext = if markdown { "md" } else { "txt" };
            (
                format!("brouillons/{:03}/publication-{i:05}.{ext}", i / 100),
                text,
            )
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let Some(pos) = args.iter().position(|a| a == "--archive") {
        let dir = std::path::PathBuf::from(args.get(pos + 1).expect("--archive DIR"));
        let n = args
            .get(pos + 2)
            .and_then(|n| n.parse().ok())
            .unwrap_or(10_000);
        for (path, text) in archive(n) {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        std::fs::write(dir.join("vigie.toml"), "profile = \"la-sarre\"\n").unwrap();
        println!("{n} brouillons écrits dans {}", dir.display());
        return;
    }
    let drafts = archive(10_000);
    let bytes: usize = drafts.iter().map(|(_, t)| t.len()).sum();
    println!(
        "archive : {} brouillons, {:.2} Mo",
        drafts.len(),
        bytes as f64 / 1e6
    );
    let today = jiff::civil::date(2026, 5, 1);
    let flags = FrontMatter::default();
    for (id, _) in vigie::policy::builtin::PROFILES {
        let started = Instant::now();
        let choice = ProfileChoice {
            profile: Some(id.to_string()),
            ..Default::default()
        };
        let engine = Engine::load(&choice, None).expect("profile");
        let compile = started.elapsed();
        let check = |(path, text): &(String, String)| {
            let format = if path.ends_with(".txt") {
                Format::Text
            } else {
                Format::Markdown
            };
            let draft = Draft::parse(path, text.clone(), format).expect("draft");
            engine.check(&draft, &flags, today).expect("check").len()
        };
        let started = Instant::now();
        let findings: usize = drafts.iter().map(check).sum();
        let one = started.elapsed();
        let started = Instant::now();
        let parallel: usize = drafts.par_iter().map(check).sum();
        let all = started.elapsed();
        assert_eq!(findings, parallel);
        println!(
            "{id:<20} profil compilé en {:>6.2} ms | 1 cœur : {:>8.0} publications/s, {:>6.1} Mo/s | {} cœurs : {:>8.0} publications/s, {:>6.1} Mo/s | {findings} constats",
            compile.as_secs_f64() * 1e3,
            drafts.len() as f64 / one.as_secs_f64(),
            bytes as f64 / 1e6 / one.as_secs_f64(),
            rayon::current_num_threads(),
            drafts.len() as f64 / all.as_secs_f64(),
            bytes as f64 / 1e6 / all.as_secs_f64(),
        );
    }
}
