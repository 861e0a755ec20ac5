//! Insults that no word list holds: a word said *of people* in a construction that makes
//! it an insult, and contempt.
//!
//! The lexicon (`lexicon.txt`) finds words that are offensive by themselves. Most insults
//! are ordinary words put in the place of an insult: an animal ("sont des cochons",
//! "des vraies dindes"), a word for a worthless person from a published list
//! (`lexicons/insults`: "bande de chialeux", "un vrai clown, un incompétent fini"), a
//! strongly negative judgement from the polarity lexicon ("c'est pathétique"). What
//! decides is the construction, read on the words of a sentence:
//!
//! - predication: a form of "être" (found by its lemma), an optional determiner and
//!   intensifiers ("vrai", "gros", "maudit", a sacre and "de"), then the word: "vous êtes
//!   des trous de cul", "c'est un vrai clown", "sont des criss d'épais"; an animal only
//!   when the subject is people ("les gens qui… sont des cochons", "vous êtes des porcs"),
//!   never "ces bêtes sont des cochons";
//! - a collective: "bande de", "gang de", "espèce de" and the word;
//! - a fragment that is only the insult, intensified: "Des vraies dindes.";
//! - "quelqu'un de (pas) (complètement) attardé";
//! - a bare word intensified by a sacre: "cave en maudit";
//! - contempt: "c'est", "vous êtes"… and an adjective of contempt ("pathétique",
//!   "lamentable"), not one of affliction ("c'est triste", "c'est horrible").
//!
//! Literal uses stay clean: "les cochons de la ferme", "mon cochon d'Inde", "la glace est
//! épaisse" (no construction, or a subject that is not a person).

use std::ops::Range;

use super::lexicon::complemented;
use super::words::Word;
use crate::checks::semantics::{self, Insult};
use crate::text::morph;

/// Words between a determiner and the insult that make it stronger.
const INTENSIFIERS: &[&str] = &[
    "vrai",
    "vraie",
    "vrais",
    "vraies",
    "gros",
    "grosse",
    "grosses",
    "maudit",
    "maudite",
    "maudits",
    "maudites",
    "beau",
    "belle",
    "beaux",
    "belles",
    "sacre",
    "sacree",
    "sacres",
    "sacrees",
    "pauvre",
    "pauvres",
    "parfait",
    "parfaite",
    "parfaits",
    "parfaites",
    "espece",
    "de",
    "d'",
    "criss",
    "crisse",
    "ostie",
    "osti",
    "esti",
    "estie",
    "tabarnak",
    "calice",
    "calisse",
    "sti",
    "ciboire",
    "hostie",
];

/// Sacres that intensify a bare word after "en": "cave en maudit".
const SACRES: &[&str] = &[
    "maudit",
    "criss",
    "crisse",
    "tabarnak",
    "tabarnac",
    "calice",
    "calisse",
    "esti",
    "ostie",
    "hostie",
    "sacrament",
    "ciboire",
    "viarge",
    "calvaire",
];

const DETERMINERS: &[&str] = &["des", "un", "une", "de", "d'", "du"];

/// Adverbs that may stand between "être" and what it says: "sont vraiment des".
const ADVERBS: &[&str] = &[
    "vraiment",
    "juste",
    "tellement",
    "tous",
    "toutes",
    "rien",
    "que",
    "qu'",
    "completement",
    "franchement",
    "carrement",
    "donc",
    "ben",
    "bien",
    "assez",
    "trop",
    "si",
    "comme",
    "tout",
    "toute",
];

/// Words that say the subject is the reader, or people.
const SECOND_PERSON: &[&str] = &["vous", "tu", "t'", "toi"];

/// Adjectives that stand before an insult and make it stronger ("un vrai clown", "une
/// grosse vache", "ce vieux cochon").
const PRENOMINAL: &[&str] = &[
    "vrai",
    "vraie",
    "vrais",
    "vraies",
    "gros",
    "grosse",
    "grosses",
    "maudit",
    "maudite",
    "maudits",
    "maudites",
    "beau",
    "belle",
    "beaux",
    "belles",
    "pauvre",
    "pauvres",
    "sacre",
    "sacree",
    "sacres",
    "sacrees",
    "parfait",
    "parfaite",
    "parfaits",
    "parfaites",
    "petit",
    "petite",
    "petits",
    "petites",
    "p'tit",
    "p'tite",
    "p'tits",
    "p'tites",
    "grand",
    "grande",
    "grands",
    "grandes",
    "sale",
    "sales",
    "vieux",
    "vieil",
    "vieille",
    "vieilles",
    "fichu",
    "fichue",
    "fichus",
    "fichues",
];

/// Determiners that open the noun phrase of an insult.
const OPENERS: &[&str] = &[
    "un", "une", "des", "quel", "quelle", "quels", "quelles", "ce", "cet", "cette", "ces", "mon",
    "ma", "mes", "ton", "ta", "tes", "votre", "vos",
];

/// The first word of the noun phrase that ends with the insult at word `i`: its
/// determiner, its intensifiers and its collective ("une bande de", "gang d'"), so that
/// a finding underlines "un gros épais" or "quelle bande de dindes", not one word.
pub fn phrase_start(ws: &[Word<'_>], i: usize) -> usize {
    let mut k = i;
    while k > 0 && !ws[k].break_before {
        let before = ws[k - 1].text;
        if k >= 2
            && matches!(before, "de" | "d'")
            && matches!(ws[k - 2].text, "bande" | "gang" | "espece")
            && !ws[k - 1].break_before
        {
            k -= 2;
        } else if PRENOMINAL.contains(&before) {
            k -= 1;
        } else if OPENERS.contains(&before) {
            return k - 1;
        } else {
            break;
        }
    }
    k
}

/// True when "-là" follows word `k`: "ces parasites-là" (the hyphen is a break of its
/// own, so "là" is the next word).
fn la_after(text: &str, ws: &[Word<'_>], k: usize) -> bool {
    ws.get(k + 1)
        .is_some_and(|n| n.text == "la" && &text[ws[k].range.end..n.range.start] == "-")
}

/// The index of the determiner (or of "gang", "bande", "espèce") that makes the sacre at
/// word `i` the noun of a person: a determiner, at most two adjectives ("gros", "vieux",
/// "maudit"…), the sacre, and no "de" after it. Sacres with an ordinary sense (calice,
/// hostie, ciboire, calvaire) are read elsewhere, where the sense is known.
fn sacre_as_noun(ws: &[Word<'_>], i: usize) -> Option<usize> {
    const NOUNS: &[&str] = &[
        "crisse",
        "criss",
        "tabarnak",
        "tabarnac",
        "tabarnaque",
        "ostie",
        "osti",
        "esti",
        "estie",
        "calisse",
        "sacrament",
    ];
    const ADJECTIVES: &[&str] = &[
        "gros", "grosse", "grosses", "vieux", "vieille", "vieilles", "maudit", "maudite",
        "maudits", "maudites", "sale", "sales", "petit", "petite", "petits", "petites",
    ];
    const DETERMINERS: &[&str] = &[
        "un", "une", "des", "ces", "ce", "cette", "mon", "ma", "mes", "ton", "ta", "tes",
    ];
    let w = ws[i].text;
    if !NOUNS.contains(&w.strip_suffix('s').unwrap_or(w)) {
        return None;
    }
    if ws
        .get(i + 1)
        .is_some_and(|n| !n.break_before && matches!(n.text, "de" | "d'" | "du" | "des"))
    {
        return None;
    }
    let mut k = i;
    for _ in 0..2 {
        if k > 0 && ADJECTIVES.contains(&ws[k - 1].text) && !ws[k].break_before {
            k -= 1;
        }
    }
    if k == 0 || ws[k].break_before {
        return None;
    }
    let before = ws[k - 1].text;
    if DETERMINERS.contains(&before) {
        return Some(k - 1);
    }
    if !(matches!(before, "de" | "d'")
        && k >= 2
        && matches!(ws[k - 2].text, "gang" | "bande" | "espece"))
    {
        return None;
    }
    let collective = k - 2;
    Some(
        if collective > 0 && matches!(ws[collective - 1].text, "une" | "la" | "quelle" | "cette") {
            collective - 1
        } else {
            collective
        },
    )
}

/// A construction found: its folded byte range.
pub struct Found {
    pub range: Range<usize>,
    /// A veiled threat ("on sait où tu restes") rather than an insult.
    pub threat: bool,
}

fn is_etre(word: &str) -> bool {
    matches!(
        word,
        "es" | "est" | "sont" | "etes" | "etre" | "etait" | "etaient"
    ) // Every form of "être" starts with one of these: most words are not looked up.
        || word.starts_with(['e', 's', 'f']) && morph::is_form_of_verb(word, "etre")
}

/// The end of an insult word at `k` (a word index): the word itself, or a lexicon hit
/// that starts there ("trous de cul").
fn insult_at(ws: &[Word<'_>], k: usize, hits: &[Range<usize>]) -> Option<(usize, Insult)> {
    let w = ws.get(k)?;
    if let Some(h) = hits.iter().find(|h| h.start == w.range.start) {
        let end = ws.iter().rposition(|x| x.range.end <= h.end).unwrap_or(k);
        return Some((end.max(k), Insult::Person));
    }
    if let Some(end) = head_of_animal(ws, k) {
        return Some((end, Insult::Person));
    }
    let word = |j: usize| ws.get(j).filter(|x| !x.break_before).map(|x| x.text);
    if semantics::champion(w.text, word(k + 1), word(k + 2)) {
        return None;
    }
    semantics::insult(w.text).map(|i| (k, i))
}

/// A head or a face named after an animal, a person's name for a person ("tête de
/// linotte", "face de rat", "gueule de singe"): the index of the animal.
fn head_of_animal(ws: &[Word<'_>], k: usize) -> Option<usize> {
    let head = ws.get(k)?.text;
    let head = head.strip_suffix('s').unwrap_or(head);
    if !matches!(head, "tete" | "face" | "gueule" | "yeule")
        || !ws.get(k + 1).is_some_and(|w| matches!(w.text, "de" | "d'"))
    {
        return None;
    }
    let animal = ws.get(k + 2)?;
    (!animal.break_before && semantics::insult(animal.text) == Some(Insult::Animal))
        .then_some(k + 2)
}

/// Verbs of conduct that a comparison with an animal turns into contempt.
const BEHAVIOURS: &[&str] = &[
    "conduire",
    "manger",
    "chialer",
    "beler",
    "crier",
    "hurler",
    "agir",
    "comporter",
    "japper",
    "grogner",
    "puer",
    "sentir",
    "vivre",
    "parler",
    "suivre",
];

/// Adjectives of a person's body or character that a comparison with an animal turns
/// into contempt ("grosse comme une baleine").
const TRAITS: &[&str] = &[
    "gros",
    "grosse",
    "gras",
    "grasse",
    "laid",
    "laide",
    "lent",
    "lente",
    "bete",
    "epais",
    "epaisse",
    "sale",
    "puant",
    "puante",
    "tetu",
    "tetue",
    "paresseux",
    "paresseuse",
    "niaiseux",
    "niaiseuse",
    "stupide",
    "poilu",
    "poilue",
];

/// Verbs of where and when a person lives, works or parks.
const ROUTINE: &[&str] = &[
    "rester",
    "habiter",
    "demeurer",
    "stationner",
    "parker",
    "travailler",
    "finir",
    "sortir",
    "coucher",
    "dormir",
    "passer",
    "vivre",
];

/// "(je|on) sait (ben) où (tu|il) (te) reste(s)": the end of the routine verb, when the
/// word at `i` is a form of "savoir" or "connaître" that opens such a clause.
fn knows_routine(text: &str, ws: &[Word<'_>], i: usize) -> Option<usize> {
    let w = ws[i].text;
    if !w.starts_with(['s', 'c'])
        || !(morph::is_form_of_verb(w, "savoir") || morph::is_form_of_verb(w, "connaitre"))
    {
        return None;
    }
    if i > 0 && matches!(ws[i - 1].text, "qui" | "quelqu'" | "quelqu'un") {
        return None;
    }
    let mut k = skip(
        ws,
        i + 1,
        &[
            "ben",
            "bien",
            "tres",
            "tous",
            "toutes",
            "deja",
            "exactement",
        ],
    );
    match ws.get(k).map(|w| w.text) {
        Some("ou" | "quand") => k += 1,
        Some("a") if ws.get(k + 1).is_some_and(|w| w.text == "quelle") => k += 3,
        _ => return None,
    }
    if !ws.get(k).is_some_and(|w| {
        matches!(
            w.text,
            "tu" | "t'" | "vous" | "il" | "elle" | "ils" | "elles"
        )
    }) {
        return None;
    }
    k += 1;
    if ws
        .get(k)
        .is_some_and(|w| matches!(w.text, "te" | "t'" | "se" | "s'" | "vous"))
    {
        k += 1;
    }
    let verb = ws.get(k).filter(|v| !v.break_before)?;
    if !ROUTINE.iter().any(|r| morph::is_form_of_verb(verb.text, r)) {
        return None;
    }
    // A question asks for the place; it does not threaten.
    let rest = &text[verb.range.end..];
    let sentence_end = rest
        .find(['.', '!', '?', '\n'])
        .map_or("", |e| &rest[e..e + 1]);
    (sentence_end != "?" && ws[i..k].iter().skip(1).all(|w| !w.break_before)).then_some(k)
}

/// Sacres that are also words of the church (`lexicon.txt`, `[sacre swear]`), singular.
const RELIGIOUS_SACRES: &[&str] = &[
    "calice",
    "hostie",
    "ciboire",
    "tabernacle",
    "sacrement",
    "calvaire",
];

/// Animals that an intensified phrase may praise ("un vrai bœuf", strong) or pity as
/// animals ("pauvre chien", "pauvre bête"): not read as insults outside a predication.
const PRAISED_OR_PITIED: &[&str] = &[
    "boeuf", "loup", "bete", "chien", "chienne", "chat", "chatte", "veau", "oiseau", "mouton",
    "cheval", "chevre", "brebis", "canard", "poule",
];

/// Animals pitied after "pauvre" ("pauvre vache, elle était gelée") that insult when
/// they are made stronger ("la responsable, une vraie vache").
const PITIED: &[&str] = &["vache"];

/// Skips intensifiers from `k`; returns the index of the first other word.
fn skip(ws: &[Word<'_>], mut k: usize, list: &[&str]) -> usize {
    while ws.get(k).is_some_and(|w| list.contains(&w.text)) {
        k += 1;
    }
    k
}

/// The start of the sentence of word `i`: the first word after a break that ends a
/// sentence, approximated by any punctuation break.
fn sentence_start(ws: &[Word<'_>], text: &str, i: usize) -> usize {
    (0..=i)
        .rev()
        .find(|&j| {
            j == 0 || {
                let gap = &text[ws[j - 1].range.end..ws[j].range.start];
                gap.contains(['.', '!', '?', '\n', ';'])
            }
        })
        .unwrap_or(0)
}

/// The last word of an insult said as a sentence of its own from the "un"/"une" at word
/// `i`: the sentence starts there (or lists noun phrases up to it: "Un beau parleur pis
/// un paresseux fini"), and the insult, with its "fini", ends it. A noun phrase in a
/// sentence with a verb is read by the constructions above.
fn bare_exclamation(text: &str, ws: &[Word<'_>], hits: &[Range<usize>], i: usize) -> Option<usize> {
    let from = sentence_start(ws, text, i);
    let listed = i >= 2
        && matches!(ws[i - 1].text, "pis" | "et")
        && matches!(ws[from].text, "un" | "une")
        && (from..i - 1).all(|j| !morph::analyses(ws[j].text).any(|a| a.pos == morph::Pos::Verb));
    if from != i && !listed {
        return None;
    }
    let k = skip(ws, i + 1, INTENSIFIERS);
    let (end, Insult::Person) = insult_at(ws, k, hits)? else {
        return None;
    };
    let end = extend(ws, hits, end);
    // The sentence ends with it.
    let closes = ws
        .get(end + 1)
        .is_none_or(|_| sentence_start(ws, text, end + 1) == end + 1);
    closes.then_some(end)
}

/// True when the subject before word `i` (in its sentence) is people.
fn people_subject(ws: &[Word<'_>], text: &str, i: usize) -> bool {
    let from = sentence_start(ws, text, i);
    ws[from..i]
        .iter()
        .any(|w| SECOND_PERSON.contains(&w.text) || semantics::is_people(w.text))
}

/// True when the subject before word `i` is an animal and not people ("mon chien est
/// un vrai bâtard").
fn animal_subject(ws: &[Word<'_>], text: &str, i: usize) -> bool {
    let from = sentence_start(ws, text, i);
    let subject = &ws[from..i];
    subject
        .iter()
        .any(|w| semantics::insult(w.text) == Some(Insult::Animal))
        && !people_subject(ws, text, i)
}

/// Marks of sarcasm around a vocative at word `i`: an eye-roll, or praise made too
/// strong ("tellement constructif") in its sentence.
fn sarcastic(text: &str, ws: &[Word<'_>], i: usize) -> bool {
    let from = sentence_start(ws, text, i);
    let rest = &text[ws[i].range.end..];
    let eye_roll = rest
        .chars()
        .take_while(|c| !c.is_alphanumeric())
        .any(|c| matches!(c, '🙄' | '😒' | '🤦' | '🙃'));
    let overdone = ws[from..i].windows(2).any(|p| {
        matches!(p[0].text, "tellement" | "vraiment" | "super" | "tres")
            && semantics::polarity(p[1].text).is_some_and(|p| p.value > 0.2)
    });
    eye_roll || overdone
}

/// Extends an insult ending at word `end` over an apposition that repeats it: "un vrai
/// clown, un incompétent fini".
fn extend(ws: &[Word<'_>], hits: &[Range<usize>], mut end: usize) -> usize {
    loop {
        let mut k = end + 1;
        if ws
            .get(k)
            .is_some_and(|w| matches!(w.text, "fini" | "finie" | "finis" | "finies"))
        {
            end = k;
            continue;
        }
        // "un menteur pis un fraudeur", "un voleur et un hypocrite".
        if ws
            .get(k)
            .is_some_and(|w| matches!(w.text, "pis" | "et" | "ou") && !w.break_before)
        {
            k += 1;
        }
        if !ws.get(k).is_some_and(|w| DETERMINERS.contains(&w.text)) {
            return end;
        }
        k = skip(ws, k + 1, INTENSIFIERS);
        match insult_at(ws, k, hits) {
            Some((e, Insult::Person)) => end = e,
            _ => return end,
        }
    }
}

/// Every construction of a paragraph's words (`text` is the folded paragraph); `hits`
/// are the lexicon's insult ranges, which an insult construction may end with.
pub fn find(text: &str, ws: &[Word<'_>], hits: &[Range<usize>]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut threats: Vec<Range<usize>> = Vec::new();
    let mut push = |range: Range<usize>| {
        if !out
            .iter()
            .any(|f| f.range.start < range.end && range.start < f.range.end)
        {
            out.push(Found {
                range,
                threat: false,
            });
        }
    };
    for i in 0..ws.len() {
        let w = ws[i].text;
        // Predication: "(vous) êtes (vraiment) des (vrais) X".
        if is_etre(w) {
            // Said of oneself, it mocks no one: "j'ai été pas mal tête de linotte".
            if ws[i.saturating_sub(2)..i]
                .iter()
                .any(|w| matches!(w.text, "je" | "j'"))
            {
                continue;
            }
            let mut k = skip(ws, i + 1, ADVERBS);
            if ws
                .get(k)
                .is_some_and(|w| matches!(w.text, "pas" | "jamais" | "plus"))
            {
                continue;
            }
            let determiner = ws.get(k).is_some_and(|w| DETERMINERS.contains(&w.text));
            if determiner {
                k += 1;
            }
            let k0 = k;
            k = skip(ws, k, INTENSIFIERS);
            if ws
                .get(k)
                .is_some_and(|w| matches!(w.text, "bande" | "gang"))
            {
                k = skip(ws, k + 1, INTENSIFIERS);
            }
            let start = if i > 0 && SECOND_PERSON.contains(&ws[i - 1].text) {
                ws[i - 1].range.start
            } else {
                ws[i].range.start
            };
            match insult_at(ws, k, hits) {
                Some((end, Insult::Animal)) if people_subject(ws, text, i) => {
                    push(start..ws[extend(ws, hits, end)].range.end);
                    continue;
                }
                // "vous êtes incapables de marcher": a complement makes a plain adjective;
                // "mon chien est un vrai bâtard": said of an animal, a literal word.
                Some((end, Insult::Person))
                    if (determiner || k > k0 || people_subject(ws, text, i))
                        && (determiner || !complemented(ws, end))
                        && !animal_subject(ws, text, i) =>
                {
                    push(start..ws[extend(ws, hits, end)].range.end);
                    continue;
                }
                _ => {}
            }
            // Contempt: "c'est pathétique", "vous êtes lamentables".
            if !determiner
                && let Some(adj) = ws.get(k)
                && semantics::polarity(adj.text).is_some_and(|p| p.contempt())
                && (i > 0 && matches!(ws[i - 1].text, "c'" | "ca" | "vous" | "tu" | "t'")
                    || people_subject(ws, text, i))
            {
                push(start..adj.range.end);
                continue;
            }
            // A bare word and a sacre: "(être) cave en maudit".
            if let Some((end, Insult::Person | Insult::Bare)) = insult_at(ws, k, hits)
                && ws.get(end + 1).is_some_and(|w| w.text == "en")
                && ws.get(end + 2).is_some_and(|w| SACRES.contains(&w.text))
            {
                push(ws[k].range.start..ws[end + 2].range.end);
            }
            continue;
        }
        // A collective: "(une) bande de chialeux", "gang de cochons".
        if matches!(w, "bande" | "gang" | "espece")
            && ws.get(i + 1).is_some_and(|w| matches!(w.text, "de" | "d'"))
        {
            let k = skip(ws, i + 2, INTENSIFIERS);
            if let Some((end, Insult::Person | Insult::Animal | Insult::Bare)) =
                insult_at(ws, k, hits)
            {
                let start = if i > 0 && matches!(ws[i - 1].text, "une" | "la" | "quelle" | "cette")
                {
                    ws[i - 1].range.start
                } else {
                    ws[i].range.start
                };
                push(start..ws[end].range.end);
            }
            continue;
        }
        // A sentence that is only the insult, an exclamation without a verb: "Un paresseux
        // fini.", "Un beau parleur pis un paresseux fini.", "Une vraie menteuse!".
        if matches!(w, "un" | "une")
            && let Some(end) = bare_exclamation(text, ws, hits, i)
        {
            push(ws[i].range.start..ws[end].range.end);
            continue;
        }
        // "quelqu'un de pas complètement attardé".
        if matches!(w, "quelqu'" | "personne")
            && let Some(de) = (i + 1..(i + 3).min(ws.len())).find(|&j| ws[j].text == "de")
        {
            let k = skip(
                ws,
                de + 1,
                &["pas", "completement", "vraiment", "trop", "assez"],
            );
            if let Some((end, Insult::Person | Insult::Bare)) = insult_at(ws, k, hits) {
                push(ws[de + 1].range.start..ws[end].range.end);
            }
            continue;
        }
        // An insult before the people it names: "ces chiens sales d'élus", "ces cochons
        // de conseillers".
        let de_follows = |k: usize| ws.get(k).is_some_and(|w| matches!(w.text, "de" | "d'"));
        if (de_follows(i + 1) || de_follows(i + 2))
            && let Some((end, Insult::Animal | Insult::Person)) = insult_at(ws, i, hits)
        {
            let adj = ws.get(end + 1).is_some_and(|w| {
                matches!(
                    w.text,
                    "sale" | "sales" | "maudit" | "maudits" | "maudite" | "maudites"
                )
            });
            let de = end + 1 + usize::from(adj);
            if ws.get(de).is_some_and(|w| matches!(w.text, "de" | "d'"))
                && ws
                    .get(de + 1)
                    .is_some_and(|w| semantics::is_people(w.text) || w.text == "elus")
            {
                push(ws[i].range.start..ws[end + usize::from(adj)].range.end);
                continue;
            }
        }
        // A sacre made the noun of a person: "une gang de vieux crisses", "c'est un gros
        // tabarnak", "ces osties-là". Not the intensifier before a noun ("un crisse de
        // bon film") nor after "en" ("beau en crisse").
        if let Some(start) = sacre_as_noun(ws, i) {
            let la = la_after(text, ws, i);
            push(ws[start].range.start..ws[i + usize::from(la)].range.end);
            continue;
        }
        // A sacre with an ordinary religious sense, put before people ("les câlices de
        // chauffeurs": a chalice is never of people) or called out ("Mon ciboire, t'as de
        // la chance"), not "le calice de la messe" nor "mon calice de baptême".
        if RELIGIOUS_SACRES.contains(&w.trim_end_matches('s')) {
            let of_people = de_follows(i + 1)
                && ws.get(i + 2).is_some_and(|n| {
                    !n.break_before
                        && (semantics::is_people(n.text) || semantics::group(n.text).is_some())
                });
            let vocative = i >= 1
                && matches!(ws[i - 1].text, "mon" | "ma" | "ton" | "ta")
                && (i == 1 || ws[i - 1].break_before)
                && ws.get(i + 1).is_none_or(|n| n.break_before);
            if of_people {
                push(
                    ws[i.saturating_sub(1)].range.start.min(ws[i].range.start)..ws[i + 2].range.end,
                );
                continue;
            }
            if vocative {
                push(ws[i - 1].range.start..ws[i].range.end);
                continue;
            }
        }
        // An insult said of people it names: "y'a des épais qui…", "c'est du monde
        // arriéré", "des gens incompétents", "ces parasites-là". A word with an ordinary
        // sense ("il y a des caves dans les maisons") only before "qui".
        let people_before = matches!(w, "monde" | "gens")
            && i > 0
            && matches!(ws[i - 1].text, "du" | "des" | "les" | "ces" | "de");
        let there_are = w == "des"
            && i > 0
            && (ws[i - 1].text == "a" && i > 1 && matches!(ws[i - 2].text, "y" | "y'"))
            && !ws[i].break_before;
        let demonstrative = matches!(w, "ces" | "cette" | "ce" | "cet");
        if people_before || there_are || demonstrative {
            let k = skip(ws, i + 1, INTENSIFIERS);
            let found = insult_at(ws, k, hits).filter(|&(end, kind)| {
                let next = ws.get(end + 1);
                let who = next.is_some_and(|n| !n.break_before && matches!(n.text, "qui" | "qu'"));
                let la = la_after(text, ws, end);
                ws[i + 1..=end].iter().all(|x| !x.break_before)
                    && match kind {
                        Insult::Person => !demonstrative || la,
                        // "y a des chiens qui jappent" are dogs, "ces chats-là" cats,
                        // "cette cave-là" a cellar.
                        Insult::Bare => there_are && who,
                        Insult::Animal => false,
                        Insult::Ironic => false,
                    }
            });
            if let Some((end, _)) = found {
                let end = if demonstrative { end + 1 } else { end };
                push(ws[i].range.start..ws[end].range.end);
                continue;
            }
        }
        // Knowing someone's routine, said to them or of them: "on sait ben où tu
        // restes", "je sais où tu stationnes ton char", "on est plusieurs à savoir où il
        // reste". Not a question ("Quelqu'un sait où elle habite?") nor a denial ("je
        // sais pas où il reste").
        if let Some(end) = knows_routine(text, ws, i) {
            threats.push(ws[i].range.start..ws[end].range.end);
            continue;
        }
        // A person compared to an animal in what they do: "conduisent comme des porcs",
        // "chiale comme une corneille", "bêler comme un mouton derrière le maire".
        // Or in how they look or are: "ta collègue grosse comme une baleine", "lent
        // comme une tortue".
        if w == "comme"
            && i > 0
            && !ws[i].break_before
            && (BEHAVIOURS
                .iter()
                .any(|v| morph::is_form_of_verb(ws[i - 1].text, v))
                || TRAITS.contains(&ws[i - 1].text))
            && ws.get(i + 1).is_some_and(|d| DETERMINERS.contains(&d.text))
            && let Some((end, Insult::Animal)) = insult_at(ws, i + 1 + 1, hits)
            && !animal_subject(ws, text, i)
        {
            push(ws[i - 1].range.start..ws[end].range.end);
            continue;
        }
        // A face named after an animal is said of a person wherever it stands: "Quelle
        // face de rat". (A head, "tête de veau", may be a dish: only in the constructions.)
        if matches!(w, "face" | "faces" | "gueule" | "gueules" | "yeule")
            && let Some(end) = head_of_animal(ws, i)
        {
            push(ws[phrase_start(ws, i)].range.start..ws[end].range.end);
            continue;
        }
        // An exclamation: "Quel incompétent!", "Quelle bande de caves" (the collective is
        // read above), not "Quel beau chien!" (an animal is praised as an animal).
        if matches!(w, "quel" | "quelle" | "quels" | "quelles") {
            let k = skip(ws, i + 1, INTENSIFIERS);
            if let Some((end, Insult::Person)) = insult_at(ws, k, hits)
                && ws[i + 1..=end].iter().all(|w| !w.break_before)
            {
                push(ws[i].range.start..ws[end].range.end);
                continue;
            }
        }
        // A sarcastic vocative: "Merci pour votre commentaire tellement constructif,
        // génie. 🙄"
        if i > 0
            && text[ws[i - 1].range.end..ws[i].range.start].contains(',')
            && ws
                .get(i + 1)
                .is_none_or(|_| sentence_start(ws, text, i + 1) == i + 1)
            && let Some((_, Insult::Ironic)) = insult_at(ws, i, hits)
            && sarcastic(text, ws, i)
        {
            push(ws[i].range.clone());
            continue;
        }
        // An intensified insult that stands as its own phrase: a fragment ("Des vraies
        // dindes."), an apposition ("Le proprio, un vrai cave qui brûle ses branches",
        // "La fille au téléphone, une vraie dinde, elle…"), a vocative ("Pauvre
        // dinde.", "Gros tata."). It starts its clause and ends it, or a relative clause or "avec"
        // follows it. "Pauvre chien, il était perdu" pities a real animal.
        let clause_start = i == 0 || ws[i].break_before;
        let pauvre = matches!(w, "pauvre" | "pauvres");
        // Or led by its intensifier, a vocative: "Gros tata.", "Maudit cave!".
        let led = matches!(
            w,
            "gros" | "grosse" | "grosses" | "maudit" | "maudite" | "maudits" | "maudites"
        );
        if clause_start && (DETERMINERS.contains(&w) || pauvre || led) {
            let k = skip(ws, i + usize::from(!pauvre && !led), INTENSIFIERS);
            let strong = pauvre
                || led
                || ws[i + 1..k.min(ws.len())]
                    .iter()
                    .any(|w| w.text != "de" && w.text != "d'");
            let phrase_ends = |end: usize| {
                ws.get(end + 1).is_none_or(|n| {
                    n.break_before || matches!(n.text, "qui" | "que" | "qu'" | "avec" | "pis")
                })
            };
            match insult_at(ws, k, hits) {
                Some((end, Insult::Person | Insult::Bare))
                    if strong && k > i && phrase_ends(end) =>
                {
                    push(ws[i].range.start..ws[end].range.end);
                }
                Some((end, Insult::Animal))
                    if strong
                        && k > i
                        && phrase_ends(end)
                        && !PRAISED_OR_PITIED
                            .contains(&ws[k].text.trim_end_matches(['s', 'x']))
                        && !(pauvre && PITIED.contains(&ws[k].text.trim_end_matches('s'))) =>
                {
                    push(ws[i].range.start..ws[end].range.end);
                }
                _ => {}
            }
        }
    }
    for range in threats {
        if !out
            .iter()
            .any(|f| f.range.start < range.end && range.start < f.range.end)
        {
            out.push(Found {
                range,
                threat: true,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::offensive_language::words::words;

    fn found(text: &str) -> Vec<String> {
        let folded = crate::text::fold(text);
        let ws = words(&folded);
        find(&folded, &ws, &[])
            .into_iter()
            .map(|f| folded[f.range].to_string())
            .collect()
    }

    #[test]
    fn a_complement_ends_at_the_sentence() {
        // "de" after the word makes an adjective with a complement, not an insult...
        assert!(found("Vous êtes vraiment incapables de répondre au téléphone.").is_empty());
        // ...but only in the same sentence.
        assert_eq!(
            found("Vous êtes vraiment incapables. De plus, personne ne répond."),
            ["vous etes vraiment incapables"]
        );
    }

    #[test]
    fn insults_said_of_people() {
        assert_eq!(
            found("Les gens qui laissent leurs déchets au bord du lac sont des cochons."),
            ["sont des cochons"]
        );
        assert_eq!(found("Vous êtes des porcs."), ["vous etes des porcs"]);
        assert_eq!(
            found("c'est une bande de chialeux jamais contents"),
            ["est une bande de chialeux"]
        );
        assert_eq!(
            found("Le conseiller est un vrai clown, un incompétent fini."),
            ["est un vrai clown, un incompetent fini"]
        );
        assert_eq!(found("Sérieux. Des vraies dindes."), ["des vraies dindes"]);
        assert_eq!(
            found("Y a-tu quelqu'un de pas complètement attardé qui peut lire?"),
            ["pas completement attarde"]
        );
        assert_eq!(
            found("faut être cave en maudit pour pas voir"),
            ["cave en maudit"]
        );
        assert_eq!(found("Franchement, c'est pathétique."), ["est pathetique"]);
        assert_eq!(
            found("Ces chiens sales d'élus nous volent."),
            ["chiens sales"]
        );
        assert_eq!(
            found("Merci pour votre commentaire tellement constructif, génie. 🙄"),
            ["genie"]
        );
        assert_eq!(
            found("Vous êtes des bêtes de la pire espèce."),
            ["vous etes des betes"]
        );
        assert_eq!(
            found("Vous êtes des crottés, vous pensez juste à vous."),
            ["vous etes des crottes"]
        );
        assert_eq!(
            found("Mon gestionnaire aux loisirs, c'est un serpent."),
            ["est un serpent"]
        );
        assert_eq!(
            found("Le directeur est un menteur pis un fraudeur."),
            ["est un menteur pis un fraudeur"]
        );
        assert_eq!(
            found("Tournez votre langue, bande de têtes de linotte."),
            ["bande de tetes de linotte"]
        );
        assert_eq!(found("Quelle face de rat, lui."), ["quelle face de rat"]);
        assert_eq!(found("Quel incompétent!"), ["quel incompetent"]);
    }

    #[test]
    fn literal_uses_stay_clean() {
        for text in [
            "Les cochons, les poules et les chèvres de la ferme seront au parc.",
            "Mon petit cochon d'Inde a 5 ans.",
            "La glace est épaisse de 30 cm.",
            "Ces bêtes sont des cochons vietnamiens.",
            "Ce sont des enfants de 4 ans.",
            "C'est triste et c'est horrible.",
            "Arrêtez de voler nos bacs de recyclage, c'est inacceptable.",
            "Ce vandalisme est honteux.",
            "Vous n'êtes pas des imbéciles.",
            "Les bénévoles sont des gens formidables.",
            "Les chiens doivent être tenus en laisse.",
            "Le parc est sale, c'est dégueulasse.",
            "Bravo à notre championne, Julie Côté!",
            "Merci, champion!",
            "Merci à l'équipe de la voirie, vous êtes des bêtes de travail!",
            "Nos musiciens sont de vraies bêtes de scène.",
            "Quel génie, ce Mozart.",
            "Quel beau chien! Quelle grosse vache, la gagnante de l'expo.",
            "Au menu : tête de veau et salade.",
            "La tête de l'escalier, la face du mur, la gueule du four.",
            "Le gestionnaire a montré un serpent des blés aux enfants.",
            "J'ai été une vraie tête de linotte ce matin. Je suis un vrai clown.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn an_intensified_insult_standing_as_its_own_phrase() {
        assert_eq!(
            found("Le proprio, un vrai cave qui brûle ses branches en plein vent."),
            ["un vrai cave"]
        );
        assert_eq!(
            found("La fille au téléphone, une vraie dinde, elle comprenait rien."),
            ["une vraie dinde"]
        );
        assert_eq!(found("Pauvre dinde."), ["pauvre dinde"]);
        assert_eq!(
            found("La responsable nous traite comme des esclaves, une vraie vache."),
            ["une vraie vache"]
        );
        assert_eq!(
            found("Le maire a encore parlé pour rien dire. Gros tata."),
            ["gros tata"]
        );
        for clean in [
            "Pauvre chien, il était perdu.",
            "Pauvre vache, elle était gelée dans le champ.",
            "Notre nouveau col bleu, un vrai bœuf! Merci Marc.",
            "Une vraie bête de travail, notre Julie.",
            "Un vrai plaisir, ce festival!",
        ] {
            assert!(found(clean).is_empty(), "{clean}: {:?}", found(clean));
        }
    }

    #[test]
    fn sacres_of_the_church_before_people_or_called_out() {
        assert_eq!(
            found("Les câlices de chauffeurs qui roulent vite"),
            ["les calices de chauffeurs"]
        );
        assert_eq!(found("Mon ciboire, t'as de la chance."), ["mon ciboire"]);
        for clean in [
            "Le calice de la messe a été volé.",
            "Le curé a béni mon calice, merci!",
        ] {
            assert!(found(clean).is_empty(), "{clean}: {:?}", found(clean));
        }
    }

    #[test]
    fn knowing_where_someone_lives_and_animal_comparisons() {
        assert_eq!(
            found("Au monsieur qui filme nos camions : on sait ben où tu restes."),
            ["sait ben ou tu restes"]
        );
        assert_eq!(
            found("On est plusieurs à savoir où il reste."),
            ["savoir ou il reste"]
        );
        assert_eq!(
            found("Les gens de la rue Principale conduisent comme des porcs."),
            ["conduisent comme des porcs"]
        );
        assert_eq!(
            found("Quand ta collègue grosse comme une baleine se sert trois portions."),
            ["grosse comme une baleine"]
        );
        for clean in [
            "Quelqu'un sait où elle habite? J'ai trouvé son chat.",
            "Je sais pas où il reste.",
            "Mon chien mange comme un cochon.",
            "Il court comme un lapin.",
            "Mon chat est gros comme un cochon depuis l'hiver.",
        ] {
            assert!(found(clean).is_empty(), "{clean}: {:?}", found(clean));
        }
    }

    #[test]
    fn an_insult_said_of_the_people_it_names() {
        assert_eq!(
            found("Y'a des épais qui devraient pas conduire."),
            ["des epais"]
        );
        assert_eq!(found("C'est du monde arriéré."), ["monde arriere"]);
        assert_eq!(
            found("On n'en veut pas, de ces parasites-là."),
            ["ces parasites-la"]
        );
        for clean in [
            "Il y a des caves dans les maisons du quartier.",
            "Y a des chiens qui jappent toute la nuit.",
            "Ces chats-là sont à adopter.",
            "Cette cave-là est inondée.",
        ] {
            assert!(found(clean).is_empty(), "{clean}: {:?}", found(clean));
        }
    }
}
