//! Polarity and subjectivity of French adjectives, from the Pattern lexicon
//! (`lexicons/polarity`), compiled at build time into an embedded transducer.

use std::sync::LazyLock;

use super::remembered::Remembered;

static FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/polarity.fst"));

static FORMS: LazyLock<fst::Map<&'static [u8]>> =
    LazyLock::new(|| fst::Map::new(FST).expect("the build script writes a valid transducer"));

/// How an adjective judges what it qualifies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Polarity {
    /// −1 (very negative) to 1 (very positive).
    pub polarity: f32,
    /// 0 (factual) to 1 (a judgement).
    pub subjectivity: f32,
}

thread_local! {
    static SEEN: Remembered = Remembered::default();
}

/// The value of words the lexicon does not have, in [`SEEN`].
const UNKNOWN: u64 = u64::MAX;

/// The polarity of a folded adjective form, when the lexicon has it.
pub fn of(folded: &str) -> Option<Polarity> {
    let v = SEEN.with(|seen| seen.get(folded, |w| FORMS.get(w).unwrap_or(UNKNOWN)));
    if v == UNKNOWN {
        return None;
    }
    let v = v as i64;
    Some(Polarity {
        polarity: ((v >> 8) - 100) as f32 / 100.0,
        subjectivity: (v & 0xff) as f32 / 100.0,
    })
}

/// True for an adjective that judges: subjective and clearly negative or positive.
pub fn is_judgement(folded: &str) -> bool {
    of(folded).is_some_and(|p| p.subjectivity >= 0.5 && p.polarity.abs() >= 0.3)
}

/// True for a clearly negative judgement.
pub fn is_negative(folded: &str) -> bool {
    of(folded).is_some_and(|p| p.polarity <= -0.3 && p.subjectivity >= 0.3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_have_their_polarity() {
        assert!(is_negative("pathetique"));
        assert!(is_negative("penibles"));
        assert!(is_judgement("brillant"));
        assert!(!is_judgement("municipal"));
        assert_eq!(of("xqzw"), None);
        // Every value decodes within its bounds, whatever the source says.
        let p = of("equipe").unwrap();
        assert!((-1.0..=1.0).contains(&p.polarity) && (0.0..=1.0).contains(&p.subjectivity));
    }
}
