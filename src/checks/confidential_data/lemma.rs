//! The lemma lookup of the personal-situation lexicon: which dictionary forms a folded
//! word may be an inflection of.
//!
//! The lexicon (`lexicons/personal-situations.txt`) is written in lemmas; a word of a
//! post matches an entry when one of its candidate lemmas is the entry's word. The
//! candidates are the word itself and its lemmas in the Lefff ([`crate::text::morph`]:
//! every tense and person of its verbs, its nouns and adjectives: "séparent" →
//! "séparer", "perdu" → "perdre", "opérées" → "opérer"). A past participle also gives its
//! masculine singular ("hospitalisée" → "hospitalisé"), the form the lexicon's states are
//! written in. Only a word the Lefff does not know (a sigle, a word of Quebec French, a
//! typo) falls back on the regular plural and feminine of French ("tdahs" → "tdah").

/// The word itself and the lemmas it may be an inflection of.
pub fn candidates(word: &str) -> Vec<String> {
    use crate::text::morph::{Pos, Tense, analyses};
    let mut out = vec![word.to_string()];
    let mut push = |s: &str| {
        if !s.is_empty() && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    };
    let mut known = false;
    for a in analyses(word) {
        known = true;
        push(a.lemma);
        if a.pos == Pos::Verb && a.tense == Some(Tense::PastParticiple) {
            push(&masculine_participle(word));
        }
    }
    if !known {
        // Plural, then feminine, of a word the Lefff does not know.
        let singular = word
            .strip_suffix('s')
            .or_else(|| word.strip_suffix('x'))
            .unwrap_or(word);
        push(singular);
        if let Some(m) = singular.strip_suffix('e') {
            push(m);
        }
    }
    out
}

/// The masculine singular of a past participle: "hospitalisees" → "hospitalise",
/// "atteinte" → "atteint".
fn masculine_participle(word: &str) -> String {
    let w = word.strip_suffix('s').unwrap_or(word);
    let w = if w.len() > 2 && w.ends_with('e') && !w.ends_with("ee") {
        &w[..w.len() - 1]
    } else {
        w.strip_suffix('e')
            .filter(|m| m.ends_with('e'))
            .unwrap_or(w)
    };
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::candidates;

    #[test]
    fn inflections_lead_to_their_lemma() {
        for (form, lemma) in [
            ("operees", "opere"),
            ("operees", "operer"),
            ("hospitalisee", "hospitalise"),
            ("atteinte", "atteint"),
            ("tdahs", "tdah"),
            ("separent", "separer"),
            ("divorcent", "divorcer"),
            ("perdu", "perdre"),
            ("perd", "perdre"),
            ("soupconnee", "soupconner"),
            ("depressive", "depressif"),
            ("fractures", "fracture"),
        ] {
            assert!(
                candidates(form).iter().any(|c| c == lemma),
                "{form} → {lemma}: {:?}",
                candidates(form)
            );
        }
    }
}
