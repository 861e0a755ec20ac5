//! `french-language` measured on text written by others, each segment checked as a post
//! of its own from an official account with the la-sarre profile:
//!
//! - the Universal Declaration of Human Rights in six languages (`tests/udhr/`, see its
//!   README for the source), cut into sentences and into runs of 2, 3, 5 and 8 words;
//! - the posts of `tests/accuracy/french-language.toml` written in one language, whole
//!   and sentence by sentence;
//! - the French and English test sentences, word pairs and single words that lingua's
//!   model crates ship (1,000 of each, drawn by lingua's author from the Leipzig
//!   Wortschatz web corpora; dev-dependencies, downloaded by cargo at test time).
//!
//! Each test prints, per language and per segment length, how many segments the rule
//! flags (for French, false alarms; for the others, catches), then fails if more than
//! 1 % of French segments are flagged or fewer than 97 % of English sentences of 5 words
//! or more are caught. Run them with:
//!
//!     cargo test --release --test french_language -- --nocapture --test-threads 1

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use vigie::draft::{Account, Draft, Format, FrontMatter};
use vigie::engine::{Engine, ProfileChoice};

/// The rule reads official accounts' posts.
fn official() -> FrontMatter {
    FrontMatter {
        account: Some(Account::Official),
        ..FrontMatter::default()
    }
}

/// Sentences of a line: cut after . ; : ! ? followed by a space.
fn sentences(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        if matches!(c, '.' | ';' | ':' | '!' | '?') && chars.peek().is_none_or(|n| *n == ' ') {
            out.push(std::mem::take(&mut current).trim().to_string());
        }
    }
    out.push(current.trim().to_string());
    out.retain(|s| words(s) > 0);
    out
}

fn words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// Runs of `k` consecutive words of a line, without punctuation, not overlapping.
fn runs(line: &str, k: usize) -> Vec<String> {
    let ws: Vec<String> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    ws.chunks_exact(k).map(|c| c.join(" ")).collect()
}

fn sentence_bucket(n: usize) -> (u8, &'static str) {
    match n {
        0..=2 => (1, "phrases de 1 à 2 mots"),
        3..=4 => (2, "phrases de 3 à 4 mots"),
        5..=9 => (3, "phrases de 5 à 9 mots"),
        10..=19 => (4, "phrases de 10 à 19 mots"),
        _ => (5, "phrases de 20 mots et plus"),
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    total: usize,
    flagged: usize,
}

impl Tally {
    fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            100.0 * self.flagged as f64 / self.total as f64
        }
    }
}

/// Checks segments one by one and tallies them per (language, kind of segment).
struct Measure {
    engine: Engine,
    loaded: std::time::Duration,
    first: Option<std::time::Duration>,
    started: Instant,
    checked: usize,
    /// (language order, language, bucket order, bucket) → tally.
    table: BTreeMap<(u8, &'static str, u8, String), Tally>,
    french_flagged: Vec<String>,
    english_missed: Vec<String>,
}

impl Measure {
    fn new() -> Measure {
        let started = Instant::now();
        let engine = Engine::load(
            &ProfileChoice {
                profile: Some("la-sarre".into()),
                ..Default::default()
            },
            None,
        )
        .expect("la-sarre profile");
        Measure {
            engine,
            loaded: started.elapsed(),
            first: None,
            started: Instant::now(),
            checked: 0,
            table: BTreeMap::new(),
            french_flagged: Vec::new(),
            english_missed: Vec::new(),
        }
    }

    fn flagged(&mut self, text: &str) -> bool {
        let t = Instant::now();
        let draft = Draft::parse("segment.txt", text.to_string(), Format::Text).unwrap();
        let found = self
            .engine
            .check(&draft, &official(), jiff::civil::date(2025, 6, 1))
            .unwrap()
            .iter()
            .any(|f| f.rule == "french-language");
        self.first.get_or_insert(t.elapsed());
        self.checked += 1;
        found
    }

    fn add(&mut self, lang: (u8, &'static str), bucket: (u8, String), text: &str) {
        let hit = self.flagged(text);
        let t = self
            .table
            .entry((lang.0, lang.1, bucket.0, bucket.1))
            .or_default();
        t.total += 1;
        t.flagged += hit as usize;
        if lang.1 == "français" && hit {
            self.french_flagged.push(text.to_string());
        }
        if lang.1 == "anglais" && !hit && words(text) >= 5 && bucket.0 < 10 {
            self.english_missed.push(text.to_string());
        }
    }

    fn add_sentence(&mut self, lang: (u8, &'static str), text: &str) {
        let (order, label) = sentence_bucket(words(text));
        self.add(lang, (order, label.to_string()), text);
    }

    /// Prints the table and checks the targets.
    fn report(self, title: &str) {
        let elapsed = self.started.elapsed();
        println!("\n== french-language : {title} ==");
        println!("(français : part signalée à tort ; autres langues : part repérée)");
        println!(
            "{:<10} {:<34} {:>7} {:>9} {:>9}",
            "langue", "segments", "nombre", "signalés", "%"
        );
        let mut french = Tally::default();
        let mut english_long = Tally::default();
        for ((_, lang, order, key), t) in &self.table {
            println!(
                "{:<10} {:<34} {:>7} {:>9} {:>7.1} %",
                lang,
                key,
                t.total,
                t.flagged,
                t.rate()
            );
            if *lang == "français" {
                french.total += t.total;
                french.flagged += t.flagged;
            }
            if *lang == "anglais" && (3..10).contains(order) {
                english_long.total += t.total;
                english_long.flagged += t.flagged;
            }
        }
        println!(
            "français, tous segments : {}/{} signalés ({:.2} %)",
            french.flagged,
            french.total,
            french.rate()
        );
        println!(
            "anglais, phrases de 5 mots et plus : {}/{} repérées ({:.1} %)",
            english_long.flagged,
            english_long.total,
            english_long.rate()
        );
        println!(
            "profil chargé en {:.1} ms ; première vérification {:.2} ms ; {} segments en {:.0} ms",
            self.loaded.as_secs_f64() * 1e3,
            self.first.unwrap_or_default().as_secs_f64() * 1e3,
            self.checked,
            elapsed.as_secs_f64() * 1e3
        );
        for s in &self.french_flagged {
            println!("  français signalé : {s}");
        }
        for s in &self.english_missed {
            println!("  anglais manqué   : {s}");
        }
        assert!(
            french.rate() <= 1.0,
            "{title}: {:.2} % of French segments flagged",
            french.rate()
        );
        assert!(
            english_long.rate() >= 97.0,
            "{title}: {:.1} % of English sentences of 5 words or more caught",
            english_long.rate()
        );
    }
}

#[test]
fn on_the_universal_declaration() {
    const LANGUAGES: &[(&str, &str)] = &[
        ("fr", "français"),
        ("en", "anglais"),
        ("es", "espagnol"),
        ("pt", "portugais"),
        ("it", "italien"),
        ("de", "allemand"),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/udhr");
    let mut m = Measure::new();
    for (i, (code, name)) in LANGUAGES.iter().enumerate() {
        let lang = (i as u8, *name);
        let text = std::fs::read_to_string(dir.join(format!("{code}.txt"))).unwrap();
        for line in text.lines() {
            for s in sentences(line) {
                m.add_sentence(lang, &s);
            }
            for k in [2, 3, 5, 8] {
                for r in runs(line, k) {
                    m.add(lang, (10 + k as u8, format!("suites de {k} mots")), &r);
                }
            }
        }
    }
    m.report("Déclaration universelle des droits de l'homme");
}

#[test]
fn on_the_leipzig_test_sentences() {
    let sets = [
        (
            (0, "français"),
            &lingua_french_language_model::FRENCH_TESTDATA_DIRECTORY,
        ),
        (
            (1, "anglais"),
            &lingua_english_language_model::ENGLISH_TESTDATA_DIRECTORY,
        ),
    ];
    let mut m = Measure::new();
    for (lang, dir) in sets {
        for (file, order, label) in [
            ("sentences.txt", 0, ""),
            ("word-pairs.txt", 11, "paires de mots"),
            ("single-words.txt", 10, "mots seuls"),
        ] {
            let text = dir
                .get_file(file)
                .and_then(|f| f.contents_utf8())
                .unwrap_or_else(|| panic!("{file} in lingua's test data"));
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                if order == 0 {
                    m.add_sentence(lang, line);
                } else {
                    m.add(lang, (order, label.to_string()), line);
                }
            }
        }
    }
    m.report("phrases de test de Leipzig (données de lingua)");
}

/// The labelled posts of `tests/accuracy/french-language.toml` written wholly in one
/// language (no front matter, no mixed post): each post, then each of its sentences,
/// checked alone.
#[test]
fn on_the_labelled_posts() {
    #[derive(serde::Deserialize)]
    struct Set {
        post: Vec<Post>,
    }
    #[derive(serde::Deserialize)]
    struct Post {
        text: String,
        #[serde(default)]
        expect: Vec<String>,
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/accuracy/french-language.toml");
    let set: Set = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut m = Measure::new();
    const OFFICIAL: &str = "+++\naccount = \"official\"\n+++\n";
    for post in &set.post {
        let Some(text) = post.text.strip_prefix(OFFICIAL) else {
            continue;
        };
        let lang = match post.expect.as_slice() {
            [] => (0, "français"),
            [one] if one.strip_prefix("french-language: ") == Some(text) => (1, "anglais"),
            _ => continue,
        };
        let chars = text.chars().count();
        let bucket = match chars {
            0..=80 => (10, "publications de 80 car. ou moins"),
            81..=140 => (11, "publications de 81 à 140 car."),
            _ => (12, "publications de plus de 140 car."),
        };
        m.add(lang, (bucket.0, bucket.1.to_string()), text);
        for line in text.lines() {
            for s in sentences(line) {
                m.add_sentence(lang, &s);
            }
        }
    }
    m.report("publications de l'ensemble étiqueté");
}
