//! Small linear classifiers that read a sentence's meaning where the rules' word lists
//! and constructions run out: one per semantic rule, trained on the labelled posts of
//! `tests/accuracy/` (`models/README.md` says on which, how, and how well).
//!
//! A model is a logistic regression over hashed features of a folded sentence: its
//! words, their lemmas from the Lefff ([`crate::text::morph`]) and pairs of neighbouring
//! lemmas. The weights are quantized to one byte each, embedded in the binary, and read
//! in place: nothing is loaded or built at start-up, and scoring a sentence costs a hash
//! per feature. A model never reports on its own: a rule asks it about a sentence only
//! where the rule applies (the account, the author, the electoral period), and reports
//! what it finds with the rule's own span, article and advice.
//!
//! The training script is `examples/train_models.rs`; it uses [`features`] and
//! [`Model::encode`] from here, so training and checking read a sentence the same way.

use std::cell::RefCell;
use std::ops::Range;

use crate::text::{morph, polarity};

/// The model of each rule that has one.
static MODELS: &[(&str, Model)] = &[
    embedded!("opinion-disclaimer"),
    embedded!("speaking-for-organization"),
    embedded!("negative-about-employer"),
    embedded!("offensive-language"),
    embedded!("advertising"),
    embedded!("partisan-content"),
    embedded!("electoral-neutrality"),
];

macro_rules! embedded {
    ($rule:literal) => {
        (
            $rule,
            Model::new(include_bytes!(concat!("../../models/", $rule, ".bin"))),
        )
    };
}
use embedded;

/// The model of a rule, if it has one.
pub fn of(rule: &str) -> Option<&'static Model> {
    if *SWITCHED_OFF {
        return None;
    }
    MODELS.iter().find(|(id, _)| *id == rule).map(|(_, m)| m)
}

/// `VIGIE_MODELS=off` leaves every rule to its patterns: the blind measurements give
/// recall "without models" from the same binary (`tests/accuracy/BLIND.md`).
static SWITCHED_OFF: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("VIGIE_MODELS").is_some_and(|v| v == "off"));

/// True when the model of `rule` flags the folded sentence.
pub fn flags(rule: &str, folded: &str) -> bool {
    of(rule).is_some_and(|m| m.flags(folded))
}

/// The part of a folded sentence that the model of `rule` flags for ([`Model::focus`]);
/// the whole sentence for a rule without a model.
pub fn focus(rule: &str, folded: &str) -> Range<usize> {
    of(rule).map_or(0..folded.len(), |m| m.focus(folded))
}

/// The number of weights of a model: features are hashed into this many buckets.
pub const BUCKETS: usize = 1 << 16;

const MAGIC: &[u8; 4] = b"VGM1";
const HEADER: usize = 4 + 4 * 3;

/// A trained model, as embedded bytes: `VGM1`, then the weight scale, the bias and
/// the decision threshold (little-endian `f32`), then [`BUCKETS`] signed bytes.
pub struct Model {
    bytes: &'static [u8],
}

fn f32_at(bytes: &[u8], at: usize) -> f32 {
    f32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

impl Model {
    pub const fn new(bytes: &'static [u8]) -> Model {
        Model { bytes }
    }

    fn valid(&self) -> bool {
        self.bytes.len() == HEADER + BUCKETS && &self.bytes[..4] == MAGIC
    }

    /// The model's log-odds that the folded sentence breaches the rule.
    pub fn score(&self, folded: &str) -> f32 {
        if !self.valid() {
            return f32::NEG_INFINITY;
        }
        let scale = f32_at(self.bytes, 4);
        let bias = f32_at(self.bytes, 8);
        let weights = &self.bytes[HEADER..];
        let sum: i32 = with_features(folded, |features| {
            features
                .iter()
                .map(|&f| i32::from(weights[f as usize] as i8))
                .sum()
        });
        bias + scale * sum as f32
    }

    /// The model's score when it reaches the threshold chosen at training for
    /// precision (see `models/README.md`).
    pub fn flagged(&self, folded: &str) -> Option<f32> {
        let score = self.score(folded);
        (self.valid() && score >= f32_at(self.bytes, 12)).then_some(score)
    }

    /// True when the model flags the folded sentence ([`Model::flagged`]).
    pub fn flags(&self, folded: &str) -> bool {
        self.flagged(folded).is_some()
    }

    /// The part of a folded sentence that carries the model's score, as a byte range of
    /// it: the sentence less the clauses ([`crate::text::clause`]) at its edges that
    /// weigh nothing towards a breach (each word weighs its own features and half of the
    /// pairs it is in). "Le marché de Noël, franchement, les organisateurs c'est une gang
    /// de deux de pique" points from "franchement" on, not at the market. The whole
    /// sentence when no clause weighs towards a breach.
    pub fn focus(&self, folded: &str) -> Range<usize> {
        let whole = 0..folded.len();
        if !self.valid() {
            return whole;
        }
        let sentence = crate::text::clause::Sentence::new(folded);
        let mut weight = vec![0i32; sentence.words.len()];
        let weights = &self.bytes[HEADER..];
        each_feature(folded, |f, touched| {
            // Doubled, so that half a pair's weight stays an integer.
            let w = 2 * i32::from(weights[f as usize] as i8);
            let share = w / touched.len().max(1) as i32;
            for i in touched {
                weight[i] += share;
            }
        });
        // Clauses at either edge that weigh nothing towards a breach are left out.
        let weighs = |c: &Range<usize>| weight[c.clone()].iter().sum::<i32>() > 0;
        let clauses = &sentence.clauses;
        let Some(first_at) = clauses.iter().position(weighs) else {
            return whole;
        };
        let last_at = clauses.iter().rposition(weighs).unwrap_or(first_at);
        let (first, last) = (clauses[first_at].start, clauses[last_at].end);
        // The sentence's own edges (an emoji before it, its final stop) stay with it.
        let span = sentence.span(first..last);
        let start = if first == 0 { 0 } else { span.start };
        let end = if last == sentence.words.len() {
            folded.len()
        } else {
            span.end
        };
        start..end
    }

    /// The bytes of a model from trained weights (one per bucket), its bias and its
    /// threshold: weights are quantized to -127..=127 with one scale.
    pub fn encode(weights: &[f32], bias: f32, threshold: f32) -> Vec<u8> {
        assert_eq!(weights.len(), BUCKETS);
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max == 0.0 { 1.0 } else { max / 127.0 };
        let mut out = Vec::with_capacity(HEADER + BUCKETS);
        out.extend_from_slice(MAGIC);
        for v in [scale, bias, threshold] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend(
            weights
                .iter()
                .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8 as u8),
        );
        out
    }
}

thread_local! {
    /// The features of the last sentences scored: the rules of one draft ask about the
    /// same sentences one after the other.
    static RECENT: RefCell<Vec<(String, Vec<u32>)>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` with the features of a folded sentence, computed once for all the models.
fn with_features<T>(folded: &str, f: impl FnOnce(&[u32]) -> T) -> T {
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        if let Some(at) = recent.iter().position(|(s, _)| s == folded) {
            return f(&recent[at].1);
        }
        if recent.len() >= 32 {
            recent.remove(0);
        }
        recent.push((folded.to_string(), features(folded)));
        f(&recent.last().expect("just pushed").1)
    })
}

/// FNV-1a over a feature's tag and parts.
fn hash(tag: u8, parts: &[&str]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    eat(tag);
    for p in parts {
        for &b in p.as_bytes() {
            eat(b);
        }
        eat(0);
    }
    (h % BUCKETS as u64) as u32
}

/// The features of a folded sentence, as bucket indices (with repeats): each word, its
/// lemma when the lexicon knows it, and each pair of neighbouring lemmas (with the
/// sentence's edges).
pub fn features(folded: &str) -> Vec<u32> {
    let mut out = Vec::new();
    each_feature(folded, |f, _| out.push(f));
    out
}

/// Calls `emit` with each feature of a folded sentence ([`features`], in the same order)
/// and the indices of the words it was read from (one word, or the two of a pair).
fn each_feature(folded: &str, mut emit: impl FnMut(u32, Range<usize>)) {
    let words: Vec<&str> = crate::text::phrases::words(folded)
        .into_iter()
        .map(|r| &folded[r])
        .collect();
    let lemmas: Vec<&str> = words
        .iter()
        .map(|w| morph::analyses(w).next().map_or(*w, |a| a.lemma))
        .collect();
    for (i, (w, l)) in words.iter().zip(&lemmas).enumerate() {
        let mut emit = |f: u32| emit(f, i..i + 1);
        emit(hash(b'w', &[w]));
        if l != w {
            emit(hash(b'l', &[l]));
        }
        // A stem for the words the lexicon does not know (Quebec spellings, slang,
        // compounds): their first five letters.
        if l == w && w.len() > 6 {
            let stem = w.char_indices().nth(5).map_or(*w, |(i, _)| &w[..i]);
            emit(hash(b'p', &[stem]));
        }
        // Classes a word shares with words no post used: the tone of an adjective
        // (the polarity lexicon), the tense and person of a verb (the Lefff), so a
        // threat in the future or a judgement in an adjective nobody labelled still
        // weighs.
        if let Some(tone) = tone(w) {
            emit(hash(b'q', &[tone]));
        }
        if let Some(verb) = morph::analyses(w).find(|a| a.pos == morph::Pos::Verb)
            && let Some(tense) = verb.tense
        {
            emit(hash(
                b't',
                &[tense.name(), PERSONS[usize::from(verb.person.min(6))]],
            ));
        }
    }
    let mut previous = "^";
    for (i, l) in lemmas.iter().copied().chain(["$"]).enumerate() {
        let touched = i.saturating_sub(1)..(i + 1).min(words.len());
        emit(hash(b'b', &[previous, l]), touched);
        previous = l;
    }
}

/// Person slots of a verb feature (0: none).
const PERSONS: [&str; 7] = ["0", "1", "2", "3", "4", "5", "6"];

/// The tone of an adjective: a clear judgement, negative or positive.
fn tone(folded: &str) -> Option<&'static str> {
    let p = polarity::of(folded)?;
    match (p.polarity, p.subjectivity) {
        (x, s) if x <= -0.3 && s >= 0.3 => Some("negative"),
        (x, s) if x >= 0.3 && s >= 0.5 => Some("positive"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_words_lemmas_classes_and_pairs() {
        let f = features("les cols bleus deneigent");
        // 4 words, up to 4 lemmas that differ from the word, the tense of "deneigent"
        // (and of any word the Lefff also reads as a verb), 5 pairs.
        assert!(f.len() >= 4 + 1 + 5 && f.len() <= 4 + 4 + 4 + 5, "{f:?}");
        let tense = hash(b't', &["present", "6"]);
        assert!(f.contains(&tense), "{f:?}");
        assert!(features("un service pathetique").contains(&hash(b'q', &["negative"])));
        assert!(f.iter().all(|&b| (b as usize) < BUCKETS));
        assert_eq!(features("les cols bleus deneigent"), f);
        assert!(features("").len() == 1);
    }

    #[test]
    fn every_semantic_rule_has_a_valid_model_with_a_threshold() {
        for (rule, model) in MODELS {
            assert!(model.valid(), "{rule}: models/{rule}.bin is not a model");
            assert!(crate::checks::find(rule).is_some(), "{rule} is not a rule");
            let threshold = f32_at(model.bytes, 12);
            assert!(threshold.is_finite(), "{rule}: the model never flags");
        }
        assert!(of("shouting").is_none());
    }

    #[test]
    fn the_models_read_what_no_list_holds_and_leave_plain_posts() {
        use crate::checks::testing::excerpts;
        let personal = |text: &str| {
            format!("+++\naccount = \"personal\"\nauthor = \"employee\"\n+++\n{text}\n")
        };
        // Not a labelled sentence: written for this test.
        let venting = "Encore un beau lundi à l'hôtel de ville où personne ne sait qui fait quoi.";
        assert_eq!(
            excerpts("negative-about-employer", "la-sarre", &personal(venting)),
            [venting]
        );
        for plain in [
            "Belle journée au chalet avec la famille, on a fait du ski de fond.",
            "Merci à tous ceux qui sont venus au souper spaghetti de l'école, quelle belle soirée!",
        ] {
            for rule in [
                "negative-about-employer",
                "opinion-disclaimer",
                "speaking-for-organization",
            ] {
                assert!(
                    excerpts(rule, "la-sarre", &personal(plain)).is_empty(),
                    "{rule}: {plain}"
                );
            }
        }
    }

    #[test]
    fn a_model_points_at_the_clauses_its_score_comes_from() {
        let mut weights = vec![0f32; BUCKETS];
        for f in features("une gang de nonos") {
            weights[f as usize] += 1.0;
        }
        for f in features("merci") {
            weights[f as usize] -= 1.0;
        }
        let bytes: &'static [u8] = Box::leak(Model::encode(&weights, -1.0, 0.0).into_boxed_slice());
        let model = Model::new(bytes);
        let sentence = "merci pour l'info, mais vous etes une gang de nonos, pis c'est tout.";
        assert!(model.flags(sentence));
        let focus = model.focus(sentence);
        assert_eq!(&sentence[focus], "mais vous etes une gang de nonos");
        // A sentence of one clause, or with nothing that weighs, stays whole.
        for whole in ["vous etes une gang de nonos!", "la piscine ouvre lundi."] {
            assert_eq!(model.focus(whole), 0..whole.len());
        }
        let at_end = "bonjour, une gang de nonos.";
        assert_eq!(&at_end[model.focus(at_end)], "une gang de nonos.");
    }

    #[test]
    fn an_encoded_model_scores_what_it_was_given() {
        let mut weights = vec![0f32; BUCKETS];
        for f in features("c'est du n'importe quoi") {
            weights[f as usize] += 1.0;
        }
        let bytes: &'static [u8] = Box::leak(Model::encode(&weights, -3.0, 0.0).into_boxed_slice());
        let model = Model::new(bytes);
        assert!(model.flags("c'est du n'importe quoi"));
        assert!(!model.flags("la piscine ouvre lundi"));
        assert!(model.score("la piscine ouvre lundi") < 0.0);
        assert!(!Model::new(b"not a model").flags("c'est du n'importe quoi"));
    }
}
