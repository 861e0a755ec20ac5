//! The tolerant matching of a disclaimer ("mise en garde"): the profile's phrases with
//! words changed, dropped or moved, case, accents and apostrophes folded, "mon
//! employeur" for "la Ville". A passage is a disclaimer when it speaks of the author's
//! opinions, in the first person, shares enough of a phrase's words and dissociates
//! them from the organisation; a sentence that merely contains "opinion" is not one.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::common::Prose;
use super::lexicon::{Lexicon, Words, builtin};
use crate::text::fold;

/// Tokens that carry no meaning for disclaimer matching.
const STOP: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "de",
    "des",
    "du",
    "d",
    "un",
    "une",
    "et",
    "ou",
    "a",
    "au",
    "aux",
    "en",
    "ne",
    "n",
    "que",
    "qu",
    "qui",
    "ici",
    "ce",
    "c",
    "ci",
    "cet",
    "cette",
    "ces",
    "il",
    "elle",
    "s",
    "est",
    "sont",
    "etre",
    "ma",
    "mon",
    "mes",
    "me",
    "m",
    "je",
    "j",
    "vos",
    "votre",
    "nous",
    "vous",
    "sa",
    "son",
    "ses",
    "se",
    "pour",
    "par",
    "sur",
    "dans",
    "avec",
    "mais",
    "y",
    "ceci",
    "cela",
    "ca",
    "celle",
    "celles",
    "celui",
    "ceux",
    "pas",
    "non",
    "necessairement",
    "agit",
    "point",
    "uniquement",
    "seulement",
    "strictement",
    "toujours",
    "aucunement",
    "nullement",
    "forcement",
    "texte",
    "cas",
    "tout",
];

/// A token for disclaimer matching: synonyms share one token, words are cut to a stem.
fn disclaimer_token(word: &str) -> Option<String> {
    if STOP.contains(&word) || word == "moi" {
        return None;
    }
    const ORG: &[&str] = &[
        "employeur",
        "ville",
        "municipalite",
        "organisation",
        "cpe",
        "garderie",
        "administration",
        "mairie",
        "paroisse",
    ];
    if ORG.contains(&word) {
        return Some("ORG".into());
    }
    let stem: String = word.chars().take(6).collect();
    let token = match stem.as_str() {
        "opinio" | "avis" | "propos" | "vue" | "declar" | "commen" | "idee" | "idees"
        | "positi" => "OPIN",
        // "perso" is the familiar "personnel" ("mon avis perso").
        "person" | "perso" => "PERS",
        "repres" | "reflet" | "reflèt" => "REPR",
        "exprim" | "ecris" | "partag" => "EXPR",
        "engage" | "engag" => "ENGAG",
        _ => return Some(stem),
    };
    Some(token.to_string())
}

/// The runs of letters and the runs of digits of a text (the regex `\p{L}+|\p{N}+`,
/// without its Unicode tables: a letter is alphabetic and not numeric, which differs
/// from `\p{L}` only on some combining signs of other scripts).
fn letter_and_digit_runs(text: &str) -> impl Iterator<Item = &str> {
    let letter = |c: char| c.is_alphabetic() && !c.is_numeric();
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = chars.next()?;
            let class: fn(char) -> bool = if letter(c) {
                |c| c.is_alphabetic() && !c.is_numeric()
            } else if c.is_numeric() {
                char::is_numeric
            } else {
                continue;
            };
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if !class(d) {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            return Some(&text[start..end]);
        }
    })
}

/// The disclaimer tokens of folded text.
fn tokens(text: &str) -> Vec<String> {
    let mut previous = "";
    let mut out = Vec::new();
    for word in letter_and_digit_runs(text) {
        // "n'engagent que moi" says "ma personne".
        if word == "moi" && previous == "que" {
            out.push("PERS".to_string());
        } else if let Some(t) = disclaimer_token(word) {
            out.push(t);
        }
        previous = word;
    }
    out
}

/// First-person words: a disclaimer is written by the author about themself.
const FIRST_PERSON: &[&str] = &["je", "j'", "mon", "ma", "mes", "moi", "m'"];

/// Dissociation: the opinions are not the organisation's, or only the author's.
static DISSOCIATION: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::prepared(&builtin::DISSOCIATION));

/// "c'est juste mon avis", "ce n'est que mon opinion", "seulement mon point de vue": the
/// opinion is only the author's (St-Urbain's "ne sont que le reflet de votre opinion
/// personnelle"), which keeps it from the organisation. A bare "c'est mon avis" does not.
fn only_mine(w: &Words) -> bool {
    (1..w.len()).any(|i| {
        let only = match w.word(i - 1) {
            "juste" | "seulement" | "uniquement" => true,
            // "ce n'est que", not "que mon avis soit entendu".
            "que" | "qu'" => (i.saturating_sub(5)..i - 1).any(|k| matches!(w.word(k), "ne" | "n'")),
            _ => false,
        };
        matches!(w.word(i), "mon" | "mes" | "ma")
            && only
            && (i + 1..w.len().min(i + 4))
                .any(|k| matches!(w.word(k), "avis" | "opinion" | "opinions" | "vue" | "idee"))
    })
}

/// Matches disclaimers: the profile's phrases, with words changed, dropped or moved.
pub struct Disclaimers {
    phrases: Vec<HashSet<String>>,
    min_overlap: f64,
}

impl Disclaimers {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a String>, min_overlap: f64) -> Self {
        let phrases = phrases
            .into_iter()
            .map(|p| tokens(&fold(p)).into_iter().collect::<HashSet<_>>())
            .filter(|set| !set.is_empty())
            .collect();
        Disclaimers {
            phrases,
            min_overlap,
        }
    }

    /// True when a folded passage reads as one of the disclaimers.
    pub fn matches(&self, text: &str) -> bool {
        // Cheap test first: a disclaimer speaks of opinions, remarks or statements.
        const OPINION_WORDS: &[&str] = &[
            "opinion", "avis", "propos", "vue", "declar", "comment", "idee", "position",
        ];
        if !OPINION_WORDS.iter().any(|w| text.contains(w)) {
            return false;
        }
        let own: HashSet<String> = tokens(text).into_iter().collect();
        if !own.contains("OPIN") {
            return false;
        }
        let w = Words::new(text);
        if !own.contains("PERS") && !FIRST_PERSON.iter().any(|p| w.contains(p)) {
            return false;
        }
        if only_mine(&w) {
            return true;
        }
        let dissociates = DISSOCIATION.is_match(&w);
        self.phrases.iter().any(|phrase| {
            let shared = own.intersection(phrase).count();
            let of_phrase = shared as f64 / phrase.len() as f64;
            // A short statement made only of the phrase's words ("Ceci est mon opinion
            // personnelle.") is a disclaimer too.
            let only_phrase_words = shared == own.len() && own.contains("PERS") && shared >= 2;
            (dissociates && shared >= 3 && of_phrase >= self.min_overlap) || only_phrase_words
        }) || (
            // Whatever its words, a passage that calls the opinion personal and keeps
            // it from the organisation ("Mon avis perso, qui n'est pas nécessairement
            // celui de mon employeur", "je parle en mon nom : c'est mon opinion
            // personnelle") says what every profile's disclaimer says.
            dissociates && own.contains("PERS") && self.phrases.iter().any(|p| p.contains("PERS"))
        )
    }

    /// Folded ranges of the sentences (or pairs of sentences) that are disclaimers.
    pub fn find(&self, prose: &Prose) -> Vec<Range<usize>> {
        let s = &prose.sentences;
        // A disclaimer may open the sentence that gives the opinion, before a colon: "Je
        // travaille pour la Municipalité, mais ce qui suit est mon opinion personnelle : la
        // nouvelle patinoire, c'est une belle réussite!"
        let single: Vec<bool> = s
            .iter()
            .map(|r| {
                let text = prose.text(r);
                self.matches(text)
                    || (text.contains([':', ';'])
                        && text.split([':', ';']).any(|part| self.matches(part.trim())))
            })
            .collect();
        let mut out: Vec<Range<usize>> = s
            .iter()
            .zip(&single)
            .filter(|(_, m)| **m)
            .map(|(r, _)| r.clone())
            .collect();
        for i in 1..s.len() {
            let pair = s[i - 1].start..s[i].end;
            if !single[i - 1] && !single[i] && self.matches(prose.text(&pair)) {
                out.push(pair);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn disclaimer(phrase: &str, text: &str) -> bool {
        Disclaimers::new([&phrase.to_string()], 0.6).matches(&fold(text))
    }

    const LA_SARRE: &str = "Les opinions que j'exprime ici n'engagent que ma personne et ne représentent pas l'opinion de la Ville.";
    const DRUMMOND: &str = "Il s'agit de mon opinion personnelle; celle-ci ne représente pas nécessairement le point de vue de mon employeur.";

    #[test]
    fn disclaimers_match_with_changed_words() {
        assert!(disclaimer(LA_SARRE, LA_SARRE));
        assert!(disclaimer(
            LA_SARRE,
            "Les opinions exprimées ici n’engagent que moi et ne représentent pas celles de la Ville."
        ));
        assert!(disclaimer(
            LA_SARRE,
            "LES OPINIONS QUE J'EXPRIME N'ENGAGENT QUE MA PERSONNE, PAS MON EMPLOYEUR"
        ));
        assert!(disclaimer(
            DRUMMOND,
            "Opinion personnelle : elle ne représente pas le point de vue de la Ville."
        ));
        assert!(disclaimer(DRUMMOND, "Ceci est mon opinion personnelle."));
        assert!(disclaimer(
            LA_SARRE,
            "Mes propos n'engagent que moi et non la Ville."
        ));
    }

    #[test]
    fn a_personal_opinion_kept_from_the_employer_in_free_words_is_a_disclaimer() {
        for text in [
            "Mon avis perso, qui n'est pas nécessairement celui de mon employeur : le marché devrait rester le samedi.",
            "Employée municipale ici, mais je parle juste en mon nom : c'est mon opinion personnelle.",
            "Opinion perso (ça n'engage que moi, pas la Ville).",
        ] {
            assert!(disclaimer(LA_SARRE, text), "{text}");
            assert!(disclaimer(DRUMMOND, text), "{text}");
        }
        // Personal, but not kept from anyone: an opinion, not a disclaimer.
        assert!(!disclaimer(
            LA_SARRE,
            "Mon avis perso : la Ville devrait ouvrir la piscine plus tôt."
        ));
    }

    #[test]
    fn an_opinion_said_to_be_only_mine_is_a_disclaimer() {
        for text in [
            "C'est juste mon avis.",
            "Ce n'est que mon opinion.",
            "Je travaille pour la Municipalité, mais ça ne reflète que mon opinion personnelle.",
        ] {
            assert!(disclaimer(LA_SARRE, text), "{text}");
        }
        for text in [
            "C'est mon avis.",
            "Je veux que mon avis soit entendu au conseil.",
        ] {
            assert!(!disclaimer(LA_SARRE, text), "{text}");
        }
    }

    #[test]
    fn sentences_that_merely_speak_of_opinions_are_not_disclaimers() {
        assert!(!disclaimer(
            LA_SARRE,
            "La Ville sollicite l'opinion des citoyens."
        ));
        assert!(!disclaimer(
            DRUMMOND,
            "J'ai donné mon opinion personnelle à la Ville lors de la consultation."
        ));
        assert!(!disclaimer(
            DRUMMOND,
            "Donnez votre opinion personnelle à la Ville."
        ));
        assert!(!disclaimer(
            LA_SARRE,
            "Mon opinion : la Ville a raison et je l'ai dit à mon employeur."
        ));
        assert!(!disclaimer(
            LA_SARRE,
            "Selon moi, le budget municipal néglige les loisirs. L'opinion des jeunes n'a pas été entendue."
        ));
    }
}
