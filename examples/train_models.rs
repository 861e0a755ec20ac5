//! Trains the sentence classifiers of `vigie::text::model` on the labelled posts of
//! `tests/accuracy/`, and writes them to `models/` with their report.
//!
//!     cargo run --release --example train_models
//!
//! Reproducible: the data are read in file order, folds and shuffles come from a fixed
//! seed, and the same data give the same bytes. `models/README.md` explains the choices.
//!
//! For each rule, a sentence of a post is an example when the post's profile has the rule
//! on, and the post is clean or its set measures the rule:
//! - positive when it overlaps an excerpt labelled with the rule;
//! - negative when the post has no expectation of the rule: a clean post of any set
//!   (the sets' clean posts are clean for every rule), or a post of a set that measures
//!   the rule and breaches only other rules;
//! - left out when it is another sentence of a post that breaches the rule (the
//!   labellers underline one statement; the sentences around it are often part of it).
//!
//! Only posts the rule reads count: personal accounts for the three personal-account
//! rules, official accounts for electoral neutrality.
//!
//! For `opinion-disclaimer`, in a clean post that carries a disclaimer only the
//! disclaimer is a negative: the post's opinion is allowed by the disclaimer, not absent,
//! and the model is asked whether a sentence gives an opinion. (Leaving the disclaimers
//! out taught the model that "opinion" means one.)
//!
//! The sets named in `HELD_OUT` are the newest blind sets: nobody may tune on them before
//! their first run is recorded, so training does not read them.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use vigie::draft::{Draft, Format};
use vigie::text::Folded;
use vigie::text::model::{BUCKETS, Model, features};

const RULES: &[&str] = &[
    "opinion-disclaimer",
    "speaking-for-organization",
    "negative-about-employer",
    "offensive-language",
    "advertising",
    "partisan-content",
    "electoral-neutrality",
];

/// Blind sets not yet run, never read here. Put the prefix of the next
/// blind set here as soon as it is written, and take it out once its first run is
/// recorded in `tests/accuracy/BLIND.md`.
const HELD_OUT: &[&str] = &[];

/// The precision the threshold is chosen for, on sentences the model did not see.
const TARGET_PRECISION: f64 = 0.97;
const FOLDS: u64 = 5;
const EPOCHS: usize = 10;
const RATE: f32 = 0.3;
const L2: f32 = 1e-2;

#[derive(Deserialize)]
struct Set {
    rules: Vec<String>,
    profile: String,
    date: Option<String>,
    #[serde(default)]
    post: Vec<Post>,
}

#[derive(Deserialize)]
struct Post {
    text: String,
    profile: Option<String>,
    format: Option<String>,
    #[serde(default)]
    expect: Vec<String>,
}

struct Example {
    /// The folded sentence, for the report of the worst false alarms.
    text: String,
    features: Vec<u32>,
    positive: bool,
    /// The set (file) it comes from: folds keep a writer's posts together, so the
    /// threshold is chosen on writers the model did not read, as a new draft will be.
    set: u64,
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn has_disclaimer(folded: &str) -> bool {
    [
        "opinion",
        "n'engage",
        "a titre personnel",
        "avis personnel",
        "point de vue personnel",
        "vues personnelles",
        "avis perso",
        "en mon nom",
    ]
    .iter()
    .any(|w| folded.contains(w))
}

/// The examples of every rule, from every set but the held-out ones.
fn examples(dir: &Path) -> BTreeMap<&'static str, Vec<Example>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/accuracy")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !HELD_OUT.iter().any(|h| name.starts_with(h))
        })
        .collect();
    files.sort();
    let mut out: BTreeMap<&str, Vec<Example>> = RULES.iter().map(|r| (*r, Vec::new())).collect();
    for (set_id, file) in files.iter().enumerate() {
        let set: Set = toml::from_str(&std::fs::read_to_string(file).expect("read"))
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for post in &set.post {
            let profile = post.profile.as_deref().unwrap_or(&set.profile);
            let policy = vigie::load_builtin_policy(profile).expect("profile");
            let format = match post.format.as_deref() {
                Some("txt") => Format::Text,
                _ => Format::Markdown,
            };
            let Ok(draft) = Draft::parse("post.md", post.text.clone(), format) else {
                continue;
            };
            let today = set
                .date
                .as_deref()
                .and_then(|d| d.parse().ok())
                .unwrap_or(jiff::civil::date(2025, 6, 1));
            let Ok(meta) = vigie::engine::resolve_meta(&draft.front, today) else {
                continue;
            };
            let folded = Folded::new(&draft.prose, draft.body.clone());
            let sentences = vigie::checks::personal::common::sentences(&folded.text);
            for rule in RULES {
                // A clean post is clean for every rule; a post with findings only for
                // the rules its set measures.
                let measured = set.rules.iter().any(|r| r == rule) || post.expect.is_empty();
                // Where the rule reads a post at all: the personal-account rules on
                // personal accounts, electoral neutrality on official ones.
                let applies = match *rule {
                    "opinion-disclaimer"
                    | "speaking-for-organization"
                    | "negative-about-employer" => meta.is_personal(),
                    "electoral-neutrality" => meta.account == vigie::draft::Account::Official,
                    _ => true,
                };
                if !measured || !applies || policy.rule(rule).is_none() {
                    continue;
                }
                let mut labelled = Vec::new();
                let mut unplaced = false;
                for e in &post.expect {
                    let (head, excerpt) = e.split_once(':').unwrap_or((e, ""));
                    if head.split('/').next().map(str::trim) != Some(*rule) {
                        continue;
                    }
                    match draft
                        .source
                        .find(excerpt.trim())
                        .filter(|_| !excerpt.trim().is_empty())
                    {
                        Some(at) => labelled.push(at..at + excerpt.trim().len()),
                        None => unplaced = true,
                    }
                }
                if unplaced {
                    continue;
                }
                // A clean post with a disclaimer: its opinion is allowed, not absent. Only
                // the disclaimer itself is a sure negative (it speaks of opinions without
                // giving one).
                let disclaimed = labelled.is_empty()
                    && *rule == "opinion-disclaimer"
                    && has_disclaimer(&folded.text);
                for s in &sentences {
                    let text = &folded.text[s.clone()];
                    if text.trim().is_empty() {
                        continue;
                    }
                    let original = folded.original(s.clone());
                    let positive = labelled
                        .iter()
                        .any(|l| l.start < original.end && original.start < l.end);
                    if (!labelled.is_empty() && !positive) || (disclaimed && !has_disclaimer(text))
                    {
                        continue;
                    }
                    out.get_mut(rule).unwrap().push(Example {
                        text: text.to_string(),
                        features: features(text),
                        positive,
                        set: set_id as u64,
                    });
                }
            }
        }
    }
    out
}

/// Logistic regression by AdaGrad, the positives weighted to balance the classes.
fn train(data: &[&Example], seed: u64) -> (Vec<f32>, f32) {
    let mut w = vec![0f32; BUCKETS];
    let mut g2 = vec![1e-6f32; BUCKETS];
    let (mut bias, mut bias_g2) = (0f32, 1e-6f32);
    let positives = data.iter().filter(|e| e.positive).count().max(1);
    let pos_weight = ((data.len() - positives) as f32 / positives as f32).clamp(1.0, 10.0);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(seed | 1);
    for _ in 0..EPOCHS {
        rng.shuffle(&mut order);
        for &i in &order {
            let e = data[i];
            let z = bias + e.features.iter().map(|&f| w[f as usize]).sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let (y, weight) = if e.positive {
                (1.0, pos_weight)
            } else {
                (0.0, 1.0)
            };
            let g = (p - y) * weight;
            for &f in &e.features {
                let f = f as usize;
                let grad = g + L2 * w[f];
                g2[f] += grad * grad;
                w[f] -= RATE * grad / g2[f].sqrt();
            }
            bias_g2 += g * g;
            bias -= RATE * g / bias_g2.sqrt();
        }
    }
    (w, bias)
}

/// Scores of the examples by models that did not see their post.
fn cross_scores(data: &[Example]) -> Vec<(f32, bool, usize)> {
    let mut scores = Vec::new();
    for fold in 0..FOLDS {
        let held = |e: &Example| e.set % FOLDS == fold;
        let train_set: Vec<&Example> = data.iter().filter(|e| !held(e)).collect();
        let (w, bias) = train(&train_set, 7 + fold);
        for (i, e) in data.iter().enumerate().filter(|(_, e)| held(e)) {
            let z = bias + e.features.iter().map(|&f| w[f as usize]).sum::<f32>();
            scores.push((z, e.positive, i));
        }
    }
    scores
}

/// The lowest threshold whose held-out precision reaches the target, with its
/// precision and recall (none when no threshold does).
fn threshold(scores: &mut [(f32, bool, usize)]) -> Option<(f32, f64, f64, usize, usize)> {
    scores.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = scores.iter().filter(|s| s.1).count();
    let (mut tp, mut fp) = (0usize, 0usize);
    let mut best = None;
    for (i, &(z, pos, _)) in scores.iter().enumerate() {
        if pos {
            tp += 1;
        } else {
            fp += 1;
        }
        // Only where the next score differs: a threshold cannot split equal scores.
        if scores.get(i + 1).is_some_and(|n| n.0 == z) {
            continue;
        }
        let precision = tp as f64 / (tp + fp) as f64;
        if precision >= TARGET_PRECISION && tp >= 3 {
            best = Some((z, precision, tp as f64 / positives.max(1) as f64, tp, fp));
        }
    }
    best
}

/// The average precision of scores sorted best first: the mean, over the positives, of
/// the precision at each one's rank. Unlike recall at one threshold, it moves smoothly,
/// so two feature sets or settings compare on it.
fn average_precision(sorted: &[(f32, bool, usize)]) -> f64 {
    let (mut tp, mut sum) = (0usize, 0f64);
    for (i, s) in sorted.iter().enumerate() {
        if s.1 {
            tp += 1;
            sum += tp as f64 / (i + 1) as f64;
        }
    }
    sum / tp.max(1) as f64
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = examples(&root.join("tests/accuracy"));
    let mut report = String::from(
        "rule\tsentences\tpositive\tthreshold\tcross-validated precision\tcross-validated recall\n",
    );
    std::fs::create_dir_all(root.join("models")).expect("models/");
    for (rule, examples) in &data {
        let positives = examples.iter().filter(|e| e.positive).count();
        let mut scores = cross_scores(examples);
        let chosen = threshold(&mut scores);
        let ap = average_precision(&scores);
        if std::env::var_os("VIGIE_TRAIN_DEBUG").is_some() {
            for &(z, pos, i) in scores.iter().take(25) {
                eprintln!(
                    "  {rule} {z:7.2} {} {}",
                    if pos { "+" } else { "-" },
                    examples[i].text
                );
            }
        }
        let all: Vec<&Example> = examples.iter().collect();
        let (w, bias) = train(&all, 1);
        // No threshold reaches the precision: the model never flags.
        let (t, p, r) = chosen.map_or((f32::INFINITY, 0.0, 0.0), |(t, p, r, _, _)| (t, p, r));
        std::fs::write(
            root.join(format!("models/{rule}.bin")),
            Model::encode(&w, bias, t),
        )
        .expect("write model");
        report.push_str(&format!(
            "{rule}\t{}\t{positives}\t{t:.3}\t{p:.3}\t{r:.3}\n",
            examples.len()
        ));
        eprintln!(
            "{rule}: {} sentences, {positives} positive, threshold {t:.3}, CV precision {p:.3}, recall {r:.3}, average precision {ap:.3}",
            examples.len()
        );
    }
    std::fs::write(root.join("models/report.tsv"), report).expect("write report");
}
