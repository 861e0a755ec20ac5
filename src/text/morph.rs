//! French morphology from the Lefff (`lexicons/lefff`), compiled at build time.
//!
//! Every inflected form of 7,826 verbs and of the Lefff's nouns and adjectives, folded as
//! a draft is folded (lowercase, no accents), maps to its analyses: lemma, part of speech
//! and, for a verb, tense and person. The structure is a finite-state transducer embedded
//! in the binary: nothing is parsed or built at start-up, and a lookup walks a few hundred
//! bytes. A folded word may have several analyses ("suis": être and suivre; "ferme": the
//! verb, the noun, the adjective); the callers decide in context.

use std::sync::LazyLock;

use super::remembered::Remembered;

static FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lefff.fst"));
static ANALYSES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lefff-analyses.bin"));
static LEMMAS: &str = include_str!(concat!(env!("OUT_DIR"), "/lefff-lemmas.txt"));
static LEMMA_OFFSETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lefff-lemma-offsets.bin"));

static FORMS: LazyLock<fst::Map<&'static [u8]>> =
    LazyLock::new(|| fst::Map::new(FST).expect("the build script writes a valid transducer"));

/// A part of speech of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Verb,
    Noun,
    Adjective,
}

/// A verb form's tense or mood, as the Lefff's conjugation tables name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Present,
    Subjunctive,
    Imperative,
    Imperfect,
    PresentParticiple,
    PastParticiple,
    SimplePast,
    ImperfectSubjunctive,
    Future,
    Conditional,
    Infinitive,
}

impl Tense {
    /// A short English name, stable: the sentence models hash it.
    pub fn name(self) -> &'static str {
        match self {
            Tense::Present => "present",
            Tense::Subjunctive => "subjunctive",
            Tense::Imperative => "imperative",
            Tense::Imperfect => "imperfect",
            Tense::PresentParticiple => "present-participle",
            Tense::PastParticiple => "past-participle",
            Tense::SimplePast => "simple-past",
            Tense::ImperfectSubjunctive => "imperfect-subjunctive",
            Tense::Future => "future",
            Tense::Conditional => "conditional",
            Tense::Infinitive => "infinitive",
        }
    }
}

const TENSES: [Tense; 11] = [
    Tense::Present,
    Tense::Subjunctive,
    Tense::Imperative,
    Tense::Imperfect,
    Tense::PresentParticiple,
    Tense::PastParticiple,
    Tense::SimplePast,
    Tense::ImperfectSubjunctive,
    Tense::Future,
    Tense::Conditional,
    Tense::Infinitive,
];

/// One reading of a word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analysis {
    /// The folded lemma: the infinitive of a verb, the masculine singular of a noun or
    /// an adjective.
    pub lemma: &'static str,
    pub pos: Pos,
    /// For a verb form.
    pub tense: Option<Tense>,
    /// For a finite verb form, the person 1 to 6 (1: je, 3: il/elle/on, 4: nous, 6:
    /// ils/elles); for a past participle, 1 to 4 (m. sg., m. pl., f. sg., f. pl.); else 0.
    pub person: u8,
}

impl Analysis {
    fn decode(packed: u32) -> Analysis {
        let lemma = (packed >> 10) as usize;
        let pos = match (packed >> 7) & 0b11 {
            1 => Pos::Verb,
            2 => Pos::Noun,
            _ => Pos::Adjective,
        };
        let person = ((packed >> 4) & 0b111) as u8;
        let tense = TENSES.get((packed & 0b1111) as usize).copied();
        Analysis {
            lemma: lemma_at(lemma),
            pos,
            tense,
            person: if tense
                .is_some_and(|t| !matches!(t, Tense::Infinitive | Tense::PresentParticiple))
            {
                person + 1
            } else {
                0
            },
        }
    }

    /// True for a form of the verb `lemma` (a folded infinitive).
    pub fn is_verb(&self, lemma: &str) -> bool {
        self.pos == Pos::Verb && self.lemma == lemma
    }
}

fn u32_at(bytes: &[u8], index: usize) -> u32 {
    let b = &bytes[index * 4..index * 4 + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

fn lemma_at(id: usize) -> &'static str {
    let start = u32_at(LEMMA_OFFSETS, id) as usize;
    let end = u32_at(LEMMA_OFFSETS, id + 1) as usize;
    &LEMMAS[start..end]
}

thread_local! {
    static SEEN: Remembered = Remembered::default();
}

/// The transducer's value for a folded word (0 when unknown), remembered by the thread
/// ([`Remembered`]).
fn entry(folded: &str) -> u64 {
    SEEN.with(|seen| seen.get(folded, |w| FORMS.get(w).unwrap_or(0)))
}

/// The analyses of a folded word; none when the lexicon does not know it.
pub fn analyses(folded: &str) -> impl Iterator<Item = Analysis> + 'static {
    let v = entry(folded);
    let (start, count) = ((v >> 8) as usize, (v & 0xff) as usize);
    (start..start + count).map(|i| Analysis::decode(u32_at(ANALYSES, i)))
}

/// True when the lexicon knows the folded word.
pub fn is_known(folded: &str) -> bool {
    entry(folded) != 0
}

/// True when one reading of the folded word is a form of the verb `lemma` (folded
/// infinitive).
pub fn is_form_of_verb(folded: &str, lemma: &str) -> bool {
    analyses(folded).any(|a| a.is_verb(lemma))
}

/// The lemmas of the folded word for a part of speech, without repeats.
pub fn lemmas(folded: &str, pos: Pos) -> impl Iterator<Item = &'static str> + 'static {
    let mut seen: Vec<&'static str> = Vec::new();
    analyses(folded)
        .filter(move |a| {
            let new = a.pos == pos && !seen.contains(&a.lemma);
            if new {
                seen.push(a.lemma);
            }
            new
        })
        .map(|a| a.lemma)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, lemma: &str, tense: Tense, person: u8) -> bool {
        analyses(word).any(|a| a.lemma == lemma && a.tense == Some(tense) && a.person == person)
    }

    #[test]
    fn a_verb_is_known_in_every_tense_and_person() {
        assert!(has("deneigera", "deneiger", Tense::Future, 3));
        assert!(has("deneigerons", "deneiger", Tense::Future, 4));
        assert!(has("deneigees", "deneiger", Tense::PastParticiple, 4));
        assert!(has("seront", "etre", Tense::Future, 6));
        assert!(has("vais", "aller", Tense::Present, 1));
        assert!(has("irait", "aller", Tense::Conditional, 3));
        assert!(has("changer", "changer", Tense::Infinitive, 0));
    }

    #[test]
    fn ambiguous_forms_keep_every_reading() {
        assert!(has("suis", "etre", Tense::Present, 1));
        assert!(has("suis", "suivre", Tense::Present, 1));
        let ferme: Vec<Pos> = analyses("ferme").map(|a| a.pos).collect();
        assert!(ferme.contains(&Pos::Verb) && ferme.contains(&Pos::Noun));
    }

    #[test]
    fn nouns_and_adjectives_give_their_lemma() {
        assert_eq!(
            lemmas("directrices", Pos::Noun).collect::<Vec<_>>(),
            ["directrice"]
        );
        assert!(lemmas("depassee", Pos::Adjective).any(|l| l == "depasse"));
        assert!(lemmas("pathetiques", Pos::Adjective).any(|l| l == "pathetique"));
    }

    #[test]
    fn an_unknown_word_has_no_analysis() {
        assert_eq!(analyses("vigie2026").count(), 0);
        assert_eq!(analyses("").count(), 0);
        assert!(!is_known("xqzw"));
    }
}
