//! The lemma lookup of the personal-situation lexicon: which dictionary forms a folded
//! word may be an inflection of.
//!
//! The lexicon (`lexicons/personal-situations.txt`) is written in lemmas; a word of a
//! post matches an entry when one of its candidate lemmas is the entry's word. This is
//! the one place to plug a real French morphological lexicon (Lefff, built into
//! `crate::text` by the lead) in: [`candidates`] then asks it first. Until it lands, the
//! candidates come from the regular inflections of French only: the plural and the
//! feminine of nouns, adjectives and participles ("opérées" → "opéré"), and the forms of
//! first-group verbs and past participles in -u ("séparent" → "séparer", "perdu" →
//! "perdre"). Candidates that are no French word cost nothing: they only look up the
//! lexicon.

/// The word itself and the lemmas it may be a regular inflection of, most likely first.
pub fn candidates(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let mut push = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    // Nouns, adjectives and participles: plural, then feminine.
    let singular = word
        .strip_suffix('s')
        .or_else(|| word.strip_suffix('x'))
        .unwrap_or(word);
    push(singular.to_string());
    if let Some(m) = singular.strip_suffix('e') {
        push(m.to_string());
    }
    // "-eux/-euse", "-if/-ive".
    if let Some(stem) = singular.strip_suffix("euse") {
        push(format!("{stem}eux"));
    }
    if let Some(stem) = singular.strip_suffix("ive") {
        push(format!("{stem}if"));
    }
    // First-group verbs: "separe", "separes", "separent", "separait", "separera"...
    for ending in [
        "erons", "eront", "erais", "erait", "eraient", "aient", "ais", "ait", "ent", "ons", "ez",
        "era", "es", "ee", "ees", "e", "er",
    ] {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.len() >= 3
        {
            push(format!("{stem}er"));
        }
    }
    // Past participles in -u and -i: "perdu" → "perdre", "obtenu" → "obtenir".
    if let Some(stem) = singular
        .strip_suffix('u')
        .or_else(|| singular.strip_suffix("ue"))
    {
        push(format!("{stem}re"));
        push(format!("{stem}ir"));
    }
    // Third-person present of -re verbs: "perd" → "perdre".
    if word.ends_with('d') {
        push(format!("{word}re"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::candidates;

    #[test]
    fn inflections_lead_to_their_lemma() {
        for (form, lemma) in [
            ("operees", "opere"),
            ("hospitalisee", "hospitalise"),
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
