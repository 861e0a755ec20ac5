//! Discrimination said without a slur: what a post says of a whole group of people named
//! by what the charters protect (origin, religion, sex, age, sexual orientation,
//! handicap, social condition: `lexicons/insults/groups.tsv`).
//!
//! "Les vieux devraient pu avoir le droit de conduire", "Qu'ils restent chez eux", "ils
//! viennent prendre nos jobs", "typique d'une femme" hold no word of a slur list; what
//! makes them discriminatory is a construction, in one sentence:
//!
//! - **exclusion**: the group told or wished away, an order or a wish ("qu'ils
//!   retournent chez eux", "restez donc chez vous", "devrait rester caché", "on en veut
//!   pas de cette race-là"), or denied a right ("devraient pu avoir le droit de…");
//! - **a threat to "us"**: taking "our" jobs or homes, living off "our" taxes, "on se sent
//!   plus chez nous";
//! - **a trait of the whole group**: the group, then "sont (tous) incapables", "savent
//!   même pas conduire", "comprennent rien", "veulent tout gratis";
//! - **a stereotype marker**: "typique d'une femme", "les X, c'est toute pareil".
//!
//! The group is named in the sentence ("les immigrants", "ce monde-là", "un autre BS"),
//! or in the sentence before when this one speaks of "ils" or gives an order ("Les
//! Africains sont arrivés. Qu'ils restent chez eux."). What a sentence says *for* a
//! group stays clean: "les aînés pourront rester chez eux plus longtemps" is no wish,
//! "les femmes sont sous-représentées" no trait, "les immigrants sont les bienvenus"
//! nothing. The finding is the sentence: the reader underlines the whole statement.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::words::Word;
use crate::checks::semantics;
use crate::text::morph::{self, Pos};

/// Determiners that make a plural word the whole group: "les immigrants", "ces
/// vieux-là", "aux assistés sociaux".
const GROUP_DETERMINERS: &[&str] = &[
    "les", "des", "ces", "aux", "nos", "vos", "leurs", "de", "d'", "tous", "toutes",
];

/// An order or a wish that sends the group away, or denies it a right.
static EXCLUSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?:qu'(?:ils|elles|y) (?:restent|retournent|rentrent|s'en retournent|s'en aillent|debarrassent)",
        r"|(?:devrai(?:en)?t|ont juste a|ont rien qu'a) (?:rester|retourner|rentrer|s'en retourner)",
        r"|(?:restez|retournez|rentrez|retourne|reste) donc",
        r"|retournez|retournent)",
        r"(?: \S+){0,3}? (?:chez (?:eux|elles|vous)|dans (?:leur|leurs|votre|vos|ton|son) (?:pays|coin|bois|cuisine)",
        r"|d'ou (?:ils|elles|vous) (?:viennent|venez)|a (?:la|leur|leurs) (?:maison|cuisine|chaudrons)|caches?|cachees?)\b",
        r"|\b(?:devrai(?:en)?t |devriez |faudrait (?:leur |les )?)(?:pu|plus|pas|jamais) (?:avoir le droit|pouvoir (?:conduire|voter|travailler|sortir)|etre (?:permis|autorises?|admis|acceptes?))",
        r"|\b(?:on )?(?:en )?veut (?:pas|pu|plus|rien savoir) (?:de|d') ?(?:ce|cette|ces|leur|leurs|eux)",
        r"|\bpas de place (?:ici )?pour (?:eux|ce|cette|ces)",
        r"|\b(?:n'ont|ont) (?:pas|rien) d'affaire (?:ici|icitte|a)",
    ))
    .expect("the exclusion pattern")
});

/// What the group is said to take from "us".
static THREAT_TO_US: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?:prendre|prennent|prend|voler|volent|vole|piquer|piquent|voleurs? de) ",
        r"(?:nos|notre) (?:jobs?|emplois?|logements?|maisons?|places?|terres?|pays|ville|femmes|job)",
        r"|\b(?:vivent|vivre|vit|profitent|profiter|profite|se font vivre) (?:sur notre dos|de nos (?:impots|taxes)|du systeme|aux crochets|par nos (?:impots|taxes))",
        r"|\b(?:profitent|profiter|profite) de (?:nos|notre) (?:places?|jobs?|emplois?|logements?|services|programmes?|garderies|ecoles|hopitaux|soins)",
        r"|\b(?:transform|chang)\w* (?:le|la|notre|nos|les) (?:quartier|quartiers|ville|village|rue|pays|ecole|parc) en (?:ghetto|bidonville|depotoir|zone)s?\b",
        r"|\bon se sent (?:pu|plus|pas) chez (?:nous|nous autres)",
        r"|\bpayent? (?:jamais |rien |pas )?(?:rien|d'impots|de taxes)\b.{0,40}\b(?:chialer|se plaindre|exiger)",
        r"|\b(?:chialer|se plaindre)\b.{0,60}\bpaye (?:rien|jamais rien)",
    ))
    .expect("the threat-to-us pattern")
});

/// A trait said of the whole group, after it.
static TRAIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[^,;:]{0,40}? )?(?:sont|seront|c'est|ont l'air|restent) (?:toutes? |tous |toujours |juste |rien que )?(?:des )?",
        r"(?:incapables?|paresseu(?:x|ses?)|sales?|malpropres?|dangereu(?:x|ses?)|voleu(?:rs|ses)|violent(?:e|es|s)?",
        r"|hysteriques?|stupides?|inutiles?|profiteu(?:rs|ses)|fraudeu(?:rs|ses)|criminel(?:le|les|s)?|arrieree?s?|primitifs?|primitives?|parasites?|sans-coeur)\b",
        r"|^(?:[^,;:]{0,40}? )?(?:savent|sait|savaient|peuvent|comprennent|comprend) (?:meme |juste |toujours |jamais |rien |pas |pu |plus )*",
        r"(?:conduire|parler|compter|lire|ecrire|travailler|rien|c'est quoi)\b",
        r"|^(?:[^,;:]{0,40}? )?veulent tout (?:gratis|gratuit|pour rien|sans rien faire)",
        r"|^(?:[^,;:]{0,40}? )?(?:c'est|c'est tout|sont) (?:toute|tout|tous|toutes) (?:pareils?|pareilles?|la meme affaire)",
    ))
    .expect("the trait pattern")
});

/// "typique d'une femme", "typique des immigrants".
static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\btypique (?:d'une?|des|du|de) $").expect("the marker pattern"));

/// Where a group is named in a sentence: the byte offset after it, and whether the
/// sentence names it with a stereotype marker ("typique d'une femme").
struct Group {
    end: usize,
    marked: bool,
}

/// The groups a sentence's words name.
fn groups(text: &str, ws: &[Word<'_>]) -> Vec<Group> {
    let mut found = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| ws[j].text);
        // "ce monde-là", "cette race-là", when the tokenizer leaves "là" apart.
        if matches!(w.text, "monde" | "gens" | "race")
            && matches!(before, Some("ce" | "cette" | "ces"))
            && let Some(la) = ws.get(i + 1).filter(|n| n.text == "la")
        {
            found.push(Group {
                end: la.range.end,
                marked: false,
            });
            continue;
        }
        let Some(ground) = semantics::group(w.text) else {
            continue;
        };
        let marked = MARKER.is_match(&text[..w.range.start]);
        let named = match ground {
            "demonstrative" => matches!(before, Some("ce" | "cette" | "ces")),
            _ if marked => true,
            // "un autre BS", "des BS": the word is only ever a person.
            "condition" if w.text == "bs" => before.is_some(),
            _ => {
                before.is_some_and(|b| GROUP_DETERMINERS.contains(&b))
                    && plural(w.text)
                    && !before_a_noun(ws.get(i + 1))
            }
        };
        if named {
            found.push(Group {
                end: w.range.end,
                marked,
            });
        }
    }
    found
}

/// A plural or invariable form: "les femmes", "les vieux", "les BS", not "des femme".
fn plural(word: &str) -> bool {
    word.ends_with('s') || word.ends_with('x') || matches!(word, "lgbt")
}

/// The group word is an adjective before its noun: "les vieux chars", "des noirs
/// desseins".
fn before_a_noun(next: Option<&Word<'_>>) -> bool {
    // "ces immigrants-là": "là" points, it is no noun.
    next.filter(|n| n.text != "la").is_some_and(|n| {
        let mut pos = morph::analyses(n.text).map(|a| a.pos);
        let mut noun = false;
        let mut other = false;
        for p in pos.by_ref() {
            match p {
                Pos::Noun => noun = true,
                _ => other = true,
            }
        }
        noun && !other
    })
}

/// Sentences of a folded paragraph: byte ranges cut after ".", "!", "?", "…" or a line
/// break.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let digit_at = |i: usize| text.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
    for (i, c) in text.char_indices() {
        // A decimal point ("9.35 $") ends nothing.
        if c == '.' && i > 0 && digit_at(i - 1) && digit_at(i + 1) {
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…' | '\n') {
            let end = i + c.len_utf8();
            if text[start..i].trim().len() > 1 {
                out.push(start..end);
            }
            start = end;
        }
    }
    if text[start..].trim().len() > 1 {
        out.push(start..text.len());
    }
    out
}

/// The sentence less its spaces and its closing punctuation.
fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let part = &text[r.clone()];
    let start = r.start + (part.len() - part.trim_start().len());
    let end = r.start
        + part
            .trim_end_matches(|c: char| c.is_whitespace() || ".…".contains(c))
            .len();
    start..end.max(start)
}

/// Sentences of a folded paragraph that say something discriminatory of a group.
pub fn find(text: &str, ws: &[Word<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut group_before = false;
    for s in sentences(text) {
        let words: Vec<Word<'_>> = ws
            .iter()
            .filter(|w| s.start <= w.range.start && w.range.end <= s.end)
            .cloned()
            .collect();
        let sentence = &text[s.clone()];
        let named = groups(text, &words);
        let refers = group_before
            && (words
                .first()
                .is_some_and(|w| matches!(w.text, "ils" | "elles" | "y" | "qu'" | "ca"))
                || EXCLUSION.is_match(sentence));
        let hit = named.iter().any(|g| g.marked)
            || named.iter().any(|g| TRAIT.is_match(&text[g.end..s.end]))
            || (!named.is_empty() || refers)
                && (EXCLUSION.is_match(sentence) || THREAT_TO_US.is_match(sentence));
        if hit {
            out.push(trimmed(text, s.clone()));
        }
        group_before = !named.is_empty();
    }
    out
}
