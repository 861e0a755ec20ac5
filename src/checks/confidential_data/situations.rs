//! Personal situations said in words about an identifiable person: health, family,
//! custody and youth protection (`health-info`), and confidential matters such as a
//! complaint, an eviction, unpaid taxes or a suspicion (`confidential-matter`).
//!
//! Why: "Mon collègue Réjean est en arrêt pour une dépression", "les parents de Mia se
//! séparent", "le petit Léo est suivi par la DPJ" disclose what every policy keeps
//! private, with no number and none of the fixed phrases of [`super::matters`].
//!
//! How, sentence by sentence:
//! 1. the terms of the lexicon (`lexicons/personal-situations.txt`, lemmas, made into
//!    tables by the build script) are found on the words of the sentence through their lemma
//!    ([`super::lemma`]);
//! 2. a term counts only in the construction its section asks for, inside its clause (no
//!    comma, colon or semicolon between): a condition after "a", "fait", "souffre de",
//!    "son/sa", "en", "diagnostic de", or as the cause of a leave or a state ("en arrêt
//!    pour une blessure", "hospitalisé à la suite d'un infarctus"); a state after "est",
//!    "a été", "reste", or in apposition to a person ("notre directeur, hospitalisé…"); a
//!    family situation after "en" or a possessive; an agency after "par", "à", "avec"
//!    ("suivi par la DPJ"); an event (a verb) in any tense;
//! 3. the sentence must name an identifiable person ([`super::context`]: a name, a title,
//!    "le petit X", "ma collègue", "son fils", "notre directeur"); a matter may also be
//!    about a person designated by a role ("le locataire", "le propriétaire") or
//!    addressed ("votre compte");
//!    A part of the body counts as the object of surgery or an injury ("opéré au cœur",
//!    "se fait remplacer la hanche"); a debt as "devoir" with what is owed, said of a
//!    person named just before ("Réjean Roy doit 3 200 $ de taxes", "la famille Roy nous
//!    doit trois mois de frais de garde"); a decision on a job or "la plainte de…" only
//!    of one identifiable person;
//! 4. what is said in general stays clean: a condition ("si") before the term, a
//!    quantifier ("chaque", "tous les", "plusieurs") before it in its clause (after it, or
//!    in another clause, it counts something else: "Félix a un TSA, alors on compte sur
//!    tous les amis"), a topic ("conférence", "dépistage"), a negation, the poster's own
//!    situation ("je suis enceinte", "mon congé", but not "la petite de mon groupe").
//!
//! The span runs over the breaching words: the construction and the term, with its
//! complement ("de 3 mois", "pour une dépression", "au dos"); for a family situation, its
//! subject when it is a relative ("son fils est en prison"); for a matter, to the end of
//! its clause ("expulsé de son logement pour non-paiement de loyer").

use std::ops::Range;
use std::sync::LazyLock;

use foldhash::HashMap;

use super::context::{Cue, Owner};
use super::lemma::candidates;
use super::{Found, Kind, Reader};

/// The lexicon as written, read at run time only by the test that compares it with the
/// build script's tables.
#[cfg(test)]
const SOURCE: &str = include_str!("../../../lexicons/personal-situations.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Condition,
    State,
    Family,
    Event,
    Agency,
    /// A part of the body, a situation only as the object of surgery or an injury:
    /// "opéré au cœur", "se fait remplacer la hanche".
    Body,
    Matter(Matter),
    /// Not a situation: a sentence about an animal is not read for an age.
    Animal,
}

/// The kinds of confidential matter, each with its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matter {
    Complaint,
    HousingDebt,
    Suspicion,
    Employment,
}

impl Matter {
    fn message(self) -> &'static str {
        match self {
            Matter::Complaint => {
                "Plainte ou poursuite visant une personne : information confidentielle."
            }
            Matter::HousingDebt => {
                "Expulsion, dette ou impayé d'une personne : information confidentielle."
            }
            Matter::Suspicion => {
                "Soupçon ou accusation visant une personne : information confidentielle."
            }
            Matter::Employment => {
                "Décision sur l'emploi d'une personne : information confidentielle."
            }
        }
    }
}

struct Entry {
    /// The words after the first one.
    rest: &'static [&'static str],
    section: Section,
}

/// The lexicon's entries by their first word, sorted by it, a word's entries the longest
/// first: read from the file by the build script (a test compares them with [`SOURCE`]
/// read at run time), so that no run builds them.
static BY_FIRST: &[(&str, &[Entry])] =
    include!(concat!(env!("OUT_DIR"), "/personal-situations.rs"));

/// The entries whose first word is `first`.
fn entries(first: &str) -> Option<&'static [Entry]> {
    /// [`BY_FIRST`] in a hash map, made by the first sentence that passes the gate: a
    /// few hundred borrowed words, and every word of a sentence is looked up.
    static INDEX: LazyLock<HashMap<&str, &[Entry]>> = LazyLock::new(|| {
        let mut index = HashMap::with_capacity_and_hasher(BY_FIRST.len(), Default::default());
        index.extend(BY_FIRST.iter().copied());
        index
    });
    INDEX.get(first).copied()
}

/// The first four letters of the longest word of each term (of an event, the longest
/// word after its verb when one has four letters), each packed in a `u32`
/// ([`pack`]), sorted (computed by the build script, like [`BY_FIRST`]): a sentence none
/// of whose words starts so holds no term, whatever its inflections, and is not looked
/// up in the morphological lexicon.
static GATE: &[u32] = include!(concat!(env!("OUT_DIR"), "/personal-situations-gate.rs"));

/// True when a word starts as the longest word of a term does ([`GATE`]).
fn passes_gate(word: &str) -> bool {
    pack(stem(word)).is_some_and(|p| GATE.binary_search(&p).is_ok())
}

/// A stem in a `u32`, big-endian, zeros after a shorter one (a word holds no zero byte);
/// `None` for one longer than four bytes (a word cut inside a character), never a
/// stem of the gate.
fn pack(stem: &str) -> Option<u32> {
    let mut bytes = [0; 4];
    bytes
        .get_mut(..stem.len())?
        .copy_from_slice(stem.as_bytes());
    Some(u32::from_be_bytes(bytes))
}

/// The first four bytes of a word, or the word when shorter.
fn stem(w: &str) -> &str {
    w.get(..4).unwrap_or(w)
}

/// The terms of the lexicon, each with its section, in the order of the file: what the
/// build script reads into [`BY_FIRST`] and [`GATE`].
#[cfg(test)]
fn terms(source: &'static str) -> impl Iterator<Item = (Section, Vec<&'static str>)> {
    let mut section = None;
    source.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(match name {
                "condition" => Section::Condition,
                "state" => Section::State,
                "family" => Section::Family,
                "event" => Section::Event,
                "agency" => Section::Agency,
                "body" => Section::Body,
                "complaint" => Section::Matter(Matter::Complaint),
                "housing-debt" => Section::Matter(Matter::HousingDebt),
                "suspicion" => Section::Matter(Matter::Suspicion),
                "employment" => Section::Matter(Matter::Employment),
                "animal" => Section::Animal,
                other => panic!("personal-situations.txt: unknown section [{other}]"),
            });
            return None;
        }
        let section = section.expect("personal-situations.txt: a term before any section");
        Some((section, split_words(line)))
    })
}

/// An entry as the test of the tables reads it: the words after the first, the section.
#[cfg(test)]
type TestEntry = (Vec<&'static str>, Section);

/// The entries by first word as [`BY_FIRST`] should hold them: the rest of each term
/// and its section, the longest first, the file's order among equals.
#[cfg(test)]
fn parse(source: &'static str) -> Vec<(&'static str, Vec<TestEntry>)> {
    let mut by_first: std::collections::BTreeMap<&str, Vec<TestEntry>> = Default::default();
    for (section, words) in terms(source) {
        let (first, rest) = words.split_first().expect("a term has a word");
        by_first
            .entry(first)
            .or_default()
            .push((rest.to_vec(), section));
    }
    for entries in by_first.values_mut() {
        entries.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }
    by_first.into_iter().collect()
}

/// The gate of a lexicon: the first four letters of the longest word of each term,
/// sorted and deduplicated ([`GATE`] holds the built-in one).
#[cfg(test)]
fn gate_of(source: &'static str) -> Vec<&'static str> {
    let mut gate: Vec<&str> = terms(source)
        .map(|(section, words)| {
            // An event's verb inflects: the longest other word, when long enough.
            let pool = match &words[..] {
                [_, rest @ ..]
                    if section == Section::Event && rest.iter().any(|w| w.len() >= 4) =>
                {
                    rest
                }
                all => all,
            };
            let longest = pool
                .iter()
                .max_by_key(|w| w.len())
                .expect("a term has a word");
            stem(longest)
        })
        .collect();
    gate.sort_unstable();
    gate.dedup();
    gate
}

/// The words of a term or of a text: runs of letters and digits, an elided word keeping
/// its apostrophe ("d'"); a hyphen separates words ("burn-out" is "burn", "out").
fn split_words(s: &str) -> Vec<&str> {
    crate::text::phrases::words(s)
        .into_iter()
        .map(|r| &s[r])
        .collect()
}

/// A word of the sentence being read.
struct Word<'t> {
    span: Range<usize>,
    text: &'t str,
    lemmas: Vec<String>,
    /// A comma, colon, semicolon or bracket stands between this word and the one
    /// before: a new clause.
    clause_start: bool,
}

impl Word<'_> {
    fn is(&self, lemma: &str) -> bool {
        self.lemmas.iter().any(|l| l == lemma)
    }
}

/// Words between a construction word and its term: articles, adverbs, numbers.
const FILLERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "enfin",
    // "se bat contre un cancer", "lutte contre la leucémie", "se bat lui-même contre"
    "contre",
    "lui",
    "meme",
    // "en plein divorce", "en pleine séparation"
    "plein",
    "pleine",
    "tres",
    "gravement",
    "severement",
    "toujours",
    "encore",
    "maintenant",
    "deja",
    "recemment",
    "officiellement",
    "malheureusement",
    "eu",
    "ete",
    "sa",
    "son",
    "ses",
    "leur",
    "leurs",
    "d",
    "l",
    // A treatment is transparent: "commence ses traitements de chimio".
    "traitement",
    "traitements",
    "seance",
    "seances",
    "cure",
];

/// Words that introduce a condition ("a le cancer", "souffre d'asthme").
const HAVE: &[&str] = &[
    "a",
    "ont",
    "avait",
    "avaient",
    "aura",
    "eu",
    "fait",
    "faisait",
    "font",
    "souffre",
    "souffrait",
    "souffrent",
    "atteint",
    "atteinte",
    "lutte",
    "combat",
    "bat",
    "recu",
    "commence",
    "termine",
    "subi",
    "subit",
    "diagnostic",
    "diagnostique",
    "diagnostiquee",
    "traite",
    "traitee",
    "opere",
    "operee",
    "vit",
    "prend",
];

const POSSESSIVES: &[&str] = &["son", "sa", "ses", "leur", "leurs"];

/// Verbs of state before an adjective or a participle ("est enceinte").
const COPULAS: &[&str] = &[
    "est", "sont", "etait", "etaient", "sera", "seront", "serait", "ete", "etre", "reste",
    "restent", "demeure", "devenu", "devenue", "tombe", "tombee",
];

/// Words that make the situation the poster's own or deny it.
const FIRST_PERSON: &[&str] = &[
    "je", "j'", "me", "m'", "mon", "ma", "mes", "moi", "suis", "nous",
];
const NEGATIONS: &[&str] = &["pas", "plus", "jamais", "aucun", "aucune", "ni"];

/// Words that make a clause speak of people in general when they stand before the
/// term in its clause: "chaque enfant qui a une allergie", "plusieurs employés sont en
/// arrêt". After the term, or in another clause, they quantify something else:
/// "Félix a un TSA, alors on compte sur tous les amis", "elle pleure à chaque arrivée".
const QUANTIFIERS: &[&str] = &[
    "si",
    "chaque",
    "tous",
    "toutes",
    "quiconque",
    "plusieurs",
    "certains",
    "certaines",
    "peut",
    "peuvent",
    "comment",
];

/// Words that make a whole sentence about a topic rather than a person: a campaign, a
/// talk, a screening day.
const GENERIC: &[&str] = &[
    "prevention",
    "sensibilisation",
    "conference",
    "atelier",
    "formation",
    "campagne",
    "levee",
    "collecte",
    "depistage",
    "vaccination",
];

/// Words of a game, in whose sentence an expulsion is from the ice or the field.
const GAME: &[&str] = &[
    "arbitre",
    "arbitres",
    "match",
    "partie",
    "game",
    "tournoi",
    "joueur",
    "joueuse",
    "joueurs",
    "coach",
    "entraineur",
    "entraineuse",
    "penalite",
    "punition",
    "jeu",
    "patinoire",
];

/// Words of a leave or an absence that a cause may follow ("en arrêt pour une
/// blessure").
const LEAVES: &[&str] = &[
    "arret",
    "conge",
    "absent",
    "absente",
    "absence",
    "invalidite",
    "hospitalise",
    "hospitalisee",
    "opere",
    "operee",
    "absents",
    // A treatment of a cause: "traitée pour un cancer", "traitements de chimio pour…".
    "traite",
    "traitee",
    "soigne",
    "soignee",
    "traitement",
    "traitements",
];

/// Relatives and roles that can be the subject of a family situation ("son fils est en
/// prison", "les parents de Mia se séparent").
fn is_relative(w: &str) -> bool {
    super::lexicon::PERSON_NOUNS.contains(&w)
}

/// Personal situations of identifiable persons in the post.
pub fn find(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    let mut at = 0;
    while at < t.len() {
        let sentence = r.scan.sentence(at);
        let next = sentence.end + 1;
        if sentence.end > sentence.start {
            read_sentence(r, sentence, out);
        }
        at = next.max(at + 1);
    }
}

fn read_sentence(r: &Reader<'_>, sentence: Range<usize>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    let s = &t[sentence.clone()];
    let spans = crate::text::phrases::words(s);
    let owes = spans.iter().any(|w| OWES.contains(&&s[w.clone()]));
    if !owes && !spans.iter().any(|w| passes_gate(&s[w.clone()])) {
        return;
    }
    // Does any word start a term?
    let lemmas: Vec<Vec<String>> = spans.iter().map(|w| candidates(&s[w.clone()])).collect();
    if !owes
        && !lemmas
            .iter()
            .any(|ls| ls.iter().any(|l| entries(l).is_some()))
    {
        return;
    }
    let mut words = Vec::with_capacity(spans.len());
    let mut prev_end = 0;
    for (w, lemmas) in spans.into_iter().zip(lemmas) {
        let gap = &s[prev_end..w.start];
        prev_end = w.end;
        words.push(Word {
            span: sentence.start + w.start..sentence.start + w.end,
            text: &t[sentence.start + w.start..sentence.start + w.end],
            lemmas,
            clause_start: gap.contains([',', ';', ':', '(', ')', '«', '»']),
        });
    }
    // "il" or "elle", or a possessive ("son divorce", "son ex"), stands for a person of
    // the sentence before when this one names nobody specific: "La mairesse était absente. Elle
    // commence ses traitements de chimio.", "Pauvre Josée… son ex a eu la garde".
    let in_sentence = |c: &&Cue, range: &Range<usize>| {
        c.owner == Owner::Person && c.span.start >= range.start && c.span.end <= range.end
    };
    let mut cues: Vec<&Cue> = r
        .cues()
        .iter()
        .filter(|c| in_sentence(c, &sentence))
        .collect();
    // So does a kin named by its article ("La maman est en traitement…" after "la
    // famille de Noah"): the family of the sentence before.
    let pronoun = words
        .iter()
        .any(|w| matches!(w.text, "il" | "elle" | "son" | "sa" | "ses" | "lui"))
        || words.windows(2).any(|p| {
            matches!(p[0].text, "la" | "le" | "les")
                && matches!(
                    p[1].text,
                    "maman"
                        | "papa"
                        | "mere"
                        | "pere"
                        | "parents"
                        | "mari"
                        | "conjoint"
                        | "conjointe"
                        | "epouse"
                        | "epoux"
                )
        });
    if pronoun
        && !cues.iter().any(|c| c.specific)
        && let Some(before) = r.scan.sentence_before(&sentence)
    {
        cues.extend(
            r.cues()
                .iter()
                .filter(|c| c.specific && in_sentence(c, &before)),
        );
    }
    let specific = cues
        .iter()
        .any(|c| c.specific && !is_first_person_cue(t, c));
    let any_person = !cues.is_empty();
    if !any_person {
        return;
    }
    if words.iter().any(|w| GENERIC.contains(&w.text)) {
        return;
    }
    let mut i = 0;
    while i < words.len() {
        let Some((end, section)) = term_at(&words, i).or_else(|| {
            owes_at(r, &words, i, &cues).map(|e| (e, Section::Matter(Matter::HousingDebt)))
        }) else {
            i += 1;
            continue;
        };
        if quantified_before(&words, i) {
            i += 1;
            continue;
        }
        let found = match section {
            Section::Animal => None,
            // A decision on a job, or a complaint said by whom it comes from ("la
            // plainte de…"), is confidential only about one identifiable person: "la
            // suspension de Mme Roy", not "la suspension des collectes".
            Section::Matter(Matter::Employment) if !specific => None,
            Section::Matter(Matter::Complaint)
                if !specific
                    && words
                        .get(i + 1)
                        .is_some_and(|w| matches!(w.text, "de" | "d'")) =>
            {
                None
            }
            // A player or a coach "expulsé" by a referee is put out of a game, not of
            // a home: "l'arbitre a expulsé notre coach pour rien".
            Section::Matter(Matter::HousingDebt)
                if words[i].lemmas.iter().any(|l| l.starts_with("expuls"))
                    && words.iter().any(|w| GAME.contains(&w.text)) =>
            {
                None
            }
            Section::Matter(m) => matter(r, &words, i, m, &cues),
            _ if !specific => None,
            _ => situation(r, &words, i, end, section, &cues),
        };
        if let Some(f) = found {
            i = words
                .iter()
                .position(|w| w.span.start >= f.span.end)
                .unwrap_or(words.len());
            out.push(f);
        } else {
            i += 1;
        }
    }
}

/// True when a word of the folded text names an animal (the `[animal]` section).
pub fn mentions_animal(t: &str) -> bool {
    let words = split_words(t);
    (0..words.len()).any(|i| {
        candidates(words[i]).iter().any(|l| {
            entries(l).is_some_and(|entries| {
                entries.iter().any(|e| {
                    e.section == Section::Animal
                        && e.rest.iter().enumerate().all(|(k, x)| {
                            words
                                .get(i + 1 + k)
                                .is_some_and(|w| candidates(w).iter().any(|c| c == x))
                        })
                })
            })
        })
    })
}

/// "mon", "ma" alone: the poster's own; "mon fils", "ma collègue Julie": a person.
fn is_first_person_cue(t: &str, c: &Cue) -> bool {
    let cue = &t[c.span.clone()];
    cue == "je" || cue == "moi"
}

/// The longest term at word `i`: the end (exclusive, in words) and its section.
fn term_at(words: &[Word<'_>], i: usize) -> Option<(usize, Section)> {
    for lemma in &words[i].lemmas {
        let Some(entries) = entries(lemma) else {
            continue;
        };
        for e in entries {
            let n = e.rest.len();
            if i + 1 + n > words.len() {
                continue;
            }
            let fits = e
                .rest
                .iter()
                .zip(&words[i + 1..i + 1 + n])
                .all(|(x, w)| w.is(x) && !w.clause_start);
            if fits {
                return Some((i + 1 + n, e.section));
            }
        }
    }
    None
}

/// "devoir" said of one person or one family, the verb of a debt.
const OWES: &[&str] = &["doit", "devait", "devra", "devrait", "doivent", "devaient"];

/// What months of are owed: "trois mois de loyer", "de frais de garde".
const OWED: &[&str] = &[
    "taxe",
    "loyer",
    "frais",
    "pension",
    "paiement",
    "versement",
    "compte",
    "facture",
    "contribution",
    "arrerage",
    "interet",
    "cotisation",
];

/// A debt said with "devoir" and what is owed: "doit encore 3 400 $ de taxes", "nous
/// doit trois mois de frais de garde". The end (exclusive, in words) of the amount, when
/// the word at `i` is "doit" (or "devait", "devra"…) said of a person named just before
/// it: a name, a title, a role with its article ("le propriétaire du dépanneur doit"), a
/// family ("la famille Roy nous doit"). "Chaque résident doit payer 50 $", "vous devez
/// 20 $" are not debts of a person.
fn owes_at(r: &Reader<'_>, words: &[Word<'_>], i: usize, cues: &[&Cue]) -> Option<usize> {
    const BEFORE_AMOUNT: &[&str] = &[
        "encore",
        "toujours",
        "plus",
        "pres",
        "au",
        "moins",
        "de",
        "d'",
        "environ",
        "quelque",
        "rendu",
        "a",
        "la",
        "ville",
        "municipalite",
        "nous",
    ];
    const COUNTS: &[&str] = &[
        "un",
        "une",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "douze",
        "quinze",
        "vingt",
        "cent",
        "mille",
        "quelques",
        "plusieurs",
    ];
    const PERIODS: &[&str] = &["mois", "semaines", "ans", "annees", "versements", "loyers"];
    if !OWES.contains(&words[i].text) {
        return None;
    }
    // The subject: a cue at most ten words before, in the clause.
    let clause = (0..=i).rev().find(|&k| words[k].clause_start).unwrap_or(0);
    let from = words[clause.max(i.saturating_sub(10))].span.start;
    // Or "il"/"elle" right before, standing for the person named: "Lucien Roy, dites-y
    // qu'il doit encore 3 400 $".
    let pronoun =
        i > 0 && matches!(words[i - 1].text, "il" | "elle") && cues.iter().any(|c| c.specific);
    if !pronoun
        && !cues
            .iter()
            .any(|c| c.span.start >= from && c.span.end <= words[i].span.start)
    {
        return None;
    }
    let mut k = i + 1;
    while k < words.len() && !words[k].clause_start && BEFORE_AMOUNT.contains(&words[k].text) {
        k += 1;
    }
    let w = words.get(k).filter(|w| !w.clause_start)?;
    // "trois mois de frais de garde", "quatre mois à son proprio", not "deux ans
    // d'expérience".
    let period_owed = |p: usize| {
        words.get(p).is_some_and(|n| PERIODS.contains(&n.text))
            && match words.get(p + 1) {
                None => true,
                Some(n) if n.clause_start => true,
                Some(n) if matches!(n.text, "a" | "au") => true,
                Some(n) if matches!(n.text, "de" | "d'") => words
                    .get(p + 2)
                    .is_some_and(|o| o.lemmas.iter().any(|l| OWED.contains(&l.as_str()))),
                _ => false,
            }
    };
    let t = r.scan.text();
    if w.text.bytes().all(|b| b.is_ascii_digit()) {
        // Digits: a sum ("3 400 $", "4 000 $ d'eau") or a count of months.
        let mut j = k;
        while j + 1 < words.len()
            && !words[j + 1].clause_start
            && words[j + 1].text.bytes().all(|b| b.is_ascii_digit())
        {
            j += 1;
        }
        // A sum worth telling: not "elle doit 20 $ pour le souper".
        let value: u64 = words[k..=j]
            .iter()
            .map(|w| w.text)
            .collect::<String>()
            .parse()
            .unwrap_or(0);
        let after = &t[words[j].span.end..];
        let money = value >= 100
            && (after.trim_start().starts_with('$')
                || words
                    .get(j + 1)
                    .is_some_and(|n| matches!(n.text, "dollars" | "piastres")));
        let period = period_owed(j + 1);
        return (money || period).then_some(j + 1 + usize::from(period));
    }
    (COUNTS.contains(&w.text) && period_owed(k + 1)).then_some(k + 2)
}

/// The nearest word before `i` in its clause that is not a filler, and its index.
fn frame_before(words: &[Word<'_>], i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 {
        if words[k].clause_start {
            return None;
        }
        k -= 1;
        if !FILLERS.contains(&words[k].text) {
            return Some(k);
        }
    }
    None
}

/// True when a quantifier stands before word `i` in its clause: the situation is said of
/// people in general.
fn quantified_before(words: &[Word<'_>], i: usize) -> bool {
    let start = (0..=i).rev().find(|&k| words[k].clause_start).unwrap_or(0);
    (start..i).any(|k| {
        QUANTIFIERS.contains(&words[k].text)
            // "s'il", not "s'est"
            || (words[k].text == "s'" && words[k + 1].text.starts_with("il"))
    })
}

/// True when a word of the clause before `i` denies the situation or makes it the
/// poster's own.
fn denied_or_own(words: &[Word<'_>], i: usize) -> bool {
    let mut k = i;
    let mut seen = 0;
    while k > 0 && seen < 6 {
        if words[k].clause_start {
            break;
        }
        k -= 1;
        seen += 1;
        let w = words[k].text;
        if NEGATIONS.contains(&w) {
            return true;
        }
        // "mon/ma" right before a situation noun is the poster's own ("mon congé");
        // before a relative it names that relative ("mon fils").
        // Farther, it names something else: "la petite de mon groupe a fait une réaction".
        let possessive = matches!(w, "mon" | "ma" | "mes");
        let next_to_term = words[k + 1..i].iter().all(|n| FILLERS.contains(&n.text));
        if FIRST_PERSON.contains(&w)
            && !words.get(k + 1).is_some_and(|n| is_relative(n.text))
            && (!possessive || next_to_term)
        {
            return true;
        }
    }
    false
}

fn situation(
    r: &Reader<'_>,
    words: &[Word<'_>],
    i: usize,
    end: usize,
    section: Section,
    cues: &[&Cue],
) -> Option<Found> {
    if denied_or_own(words, i) {
        return None;
    }
    let original_is = |k: usize, s: &str| r.scan.original_of(words[k].span.clone()) == s;
    let frame = frame_before(words, i);
    let frame_word = frame.map(|k| words[k].text);
    let mut start = frame;
    let ok = match section {
        Section::Condition => match frame_word {
            // "a" but not "à".
            Some("a") => original_is(frame.unwrap(), "a"),
            // "la lutte contre le cancer" is a cause, "elle lutte contre le cancer" a
            // condition.
            Some("lutte" | "combat")
                if frame.is_some_and(|k| {
                    k > 0 && matches!(words[k - 1].text, "la" | "le" | "sa" | "son" | "une" | "un")
                }) =>
            {
                false
            }
            Some(w) if HAVE.contains(&w) || w == "en" => true,
            // "son cancer": the possessive is a filler; the word before it decides.
            // "(Mathis,) c'est un TSA": the diagnosis named as what the person is.
            Some(w) if COPULAS.contains(&w) => {
                let k = frame.unwrap();
                has_possessive(words, k, i)
                    || (w == "est"
                        && k > 0
                        && words[k - 1].text == "c'"
                        && (k + 1..i).any(|j| matches!(words[j].text, "un" | "une"))
                        // Not a definition: "le diabète, c'est une maladie sournoise".
                        && !(0..k).any(|j| {
                            matches!(term_at(words, j), Some((_, Section::Condition)))
                        }))
            }
            Some("pour" | "suite" | "cause" | "raison" | "apres") => {
                start = leave_before(words, frame.unwrap());
                start.is_some()
            }
            _ => {
                has_possessive(words, frame.map_or(0, |k| k + 1), i) && {
                    start = Some(first_possessive(words, frame.map_or(0, |k| k + 1), i));
                    true
                }
            }
        },
        Section::State => match frame_word {
            Some(w) if COPULAS.contains(&w) => true,
            // "vient d'être hospitalisé"
            Some("etre") => true,
            // In apposition: "notre directeur général, hospitalisé à la suite…".
            None if words[i].clause_start => {
                start = Some(i);
                person_ends_before(cues, words[i].span.start)
            }
            _ => false,
        },
        Section::Family => match frame_word {
            // "a" but not "à".
            Some("a") => original_is(frame.unwrap(), "a"),
            Some("en") | Some("ont") | Some("vit") => true,
            _ => {
                has_possessive(words, frame.map_or(0, |k| k + 1), i) && {
                    start = Some(first_possessive(words, frame.map_or(0, |k| k + 1), i));
                    true
                }
            }
        },
        Section::Event => {
            start = Some(match frame {
                // "se séparent", "vient de perdre", "a perdu"
                Some(k)
                    if matches!(
                        words[k].text,
                        "se" | "s'" | "vient" | "viennent" | "a" | "ont" | "va" | "vont"
                    ) =>
                {
                    k
                }
                _ => i,
            });
            true
        }
        Section::Agency => match frame_word {
            // The agency acting: "La DPJ est venue chercher les enfants chez les
            // Bouchard", "c'est la DPJ qui décide".
            None if frame.is_none() && !words[i].clause_start => true,
            Some("est" | "c'") => true,
            Some("par" | "a" | "avec") => {
                // The word the agency complements: "suivi par", "signalement à".
                let k = frame.unwrap();
                start = frame_before(words, k)
                    .map(|j| copula_before(words, j))
                    .or(Some(k));
                true
            }
            _ => false,
        },
        Section::Body => {
            // The poster's own: "après ma chirurgie à l'épaule".
            start = surgery_before(words, i);
            start.is_some_and(|k| !denied_or_own(words, k))
        }
        Section::Matter(_) | Section::Animal => false,
    };
    if !ok {
        return None;
    }
    let mut start = start.unwrap_or(i);
    // The subject when it is a relative: "son fils est en prison".
    if matches!(section, Section::Family | Section::Event | Section::State) {
        start = relative_subject(words, start).unwrap_or(start);
    }
    let end = complement_end(words, end);
    let message = match section {
        // A leave ("en arrêt pour une dépression", "en arrêt maladie") is said of health.
        Section::Family if LEAVES.contains(&words[i].text) => Kind::HealthInfo.message(),
        Section::Family | Section::Agency => {
            "Situation familiale, de garde ou de protection de la jeunesse d'une personne identifiable."
        }
        Section::Event if !is_health_event(&words[i]) => {
            "Situation familiale, de garde ou de protection de la jeunesse d'une personne identifiable."
        }
        _ => Kind::HealthInfo.message(),
    };
    Some(
        Found::new(
            Kind::HealthInfo,
            words[start].span.start..words[end - 1].span.end,
        )
        .message(message),
    )
}

/// Verbs and nouns of surgery or injury that make a part of the body a health situation.
const SURGERY: &[&str] = &[
    "operer",
    "opere",
    "operation",
    "chirurgie",
    "remplacer",
    "remplacement",
    "enlever",
    "ablation",
    "amputer",
    "amputation",
    "greffer",
    "greffe",
    "fracturer",
    "fracture",
    "casser",
    "luxer",
    "disloquer",
    "dechirer",
];

/// The surgery or injury word at most four words before the part of the body at `i`,
/// in its clause ("opéré au", "se fait remplacer la", "s'est cassé la").
fn surgery_before(words: &[Word<'_>], i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 && i - k < 4 {
        if words[k].clause_start {
            return None;
        }
        k -= 1;
        if words[k]
            .lemmas
            .iter()
            .any(|l| SURGERY.contains(&l.as_str()))
        {
            // Only articles between: "remplacé Marc au bras" replaces a person.
            let close = words[k + 1..i]
                .iter()
                .all(|w| FILLERS.contains(&w.text) || matches!(w.text, "au" | "aux" | "a"));
            return close.then_some(k);
        }
    }
    None
}

/// Events of health ("accoucher", "faire un AVC") rather than of family.
fn is_health_event(w: &Word<'_>) -> bool {
    w.lemmas.iter().any(|l| {
        matches!(
            l.as_str(),
            "accoucher" | "faire" | "subir" | "rechuter" | "remettre" | "recommencer"
        )
    })
}

/// True when a possessive stands among the words `from..i`.
fn has_possessive(words: &[Word<'_>], from: usize, i: usize) -> bool {
    words[from.min(i)..i]
        .iter()
        .any(|w| POSSESSIVES.contains(&w.text))
}

fn first_possessive(words: &[Word<'_>], from: usize, i: usize) -> usize {
    (from.min(i)..i)
        .find(|&k| POSSESSIVES.contains(&words[k].text))
        .unwrap_or(i)
}

/// The start of a leave or a state that a cause follows ("en arrêt pour", "absente à la
/// suite de"), in the clause before word `k`.
fn leave_before(words: &[Word<'_>], k: usize) -> Option<usize> {
    let mut j = k;
    let mut seen = 0;
    while j > 0 && seen < 8 {
        if words[j].clause_start {
            return None;
        }
        j -= 1;
        seen += 1;
        if LEAVES.contains(&words[j].text) {
            // Back over "en", "de travail" is after it; "est en arrêt".
            let mut s = j;
            if s > 0 && matches!(words[s - 1].text, "en" | "son" | "sa") && !words[s].clause_start {
                s -= 1;
            }
            return Some(s);
        }
    }
    None
}

/// Back over a verb of state before word `j` ("est suivi").
fn copula_before(words: &[Word<'_>], j: usize) -> usize {
    if j > 0 && !words[j].clause_start && COPULAS.contains(&words[j - 1].text) {
        j - 1
    } else {
        j
    }
}

/// A person cue that ends just before `at` (past a comma): an apposition.
fn person_ends_before(cues: &[&Cue], at: usize) -> bool {
    cues.iter()
        .any(|c| c.span.end <= at && at - c.span.end <= 3)
}

/// The start of a relative subject right before word `start`: "son fils", "les parents
/// de Mia".
fn relative_subject(words: &[Word<'_>], start: usize) -> Option<usize> {
    // Back over "est", "se", "a".
    let mut j = start;
    if j > 0
        && !words[j].clause_start
        && (COPULAS.contains(&words[j - 1].text)
            || matches!(
                words[j - 1].text,
                "se" | "s'" | "a" | "ont" | "vient" | "viennent"
            ))
    {
        j -= 1;
    }
    // "les parents de Mia": a name after "de".
    if j >= 2 && matches!(words[j - 2].text, "de" | "d'") && !words[j].clause_start {
        j -= 2;
    }
    if j == 0 || words[j].clause_start || !is_relative(words[j - 1].text) {
        return None;
    }
    let noun = j - 1;
    if noun > 0
        && !words[noun].clause_start
        && matches!(
            words[noun - 1].text,
            "son" | "sa" | "ses" | "leur" | "leurs" | "les" | "le" | "la" | "l'"
        )
    {
        Some(noun - 1)
    } else {
        None
    }
}

/// Where the complement of a term ends: "de 3 mois", "pour une dépression", "au dos",
/// "à la suite d'un infarctus", "de TDAH pour Nathan", "de ses enfants".
fn complement_end(words: &[Word<'_>], mut end: usize) -> usize {
    const BODY: &[&str] = &[
        "dos", "genou", "genoux", "hanche", "epaule", "cheville", "poignet", "bras", "jambe",
        "coeur", "cou", "tete", "pied", "main", "dents", "sein", "poumon", "poumons", "cerveau",
        "colonne",
    ];
    loop {
        let Some(w) = words.get(end) else {
            return end;
        };
        if w.clause_start {
            return end;
        }
        // "au dos", "à la hanche"
        let body = (1..=3).find(|&n| {
            words
                .get(end + n - 1)
                .is_some_and(|x| BODY.contains(&x.text))
                && words[end..end + n - 1]
                    .iter()
                    .all(|x| matches!(x.text, "au" | "aux" | "a" | "la" | "l'" | "du" | "des"))
                && words[end..end + n].iter().all(|x| !x.clause_start)
        });
        if let Some(n) = body {
            end += n;
            continue;
        }
        if !matches!(
            w.text,
            "de" | "d'" | "pour" | "a" | "suite" | "par" | "du" | "des"
        ) {
            return end;
        }
        // A term, a number, a person or a possessive and a relative within four words.
        let mut k = end + 1;
        let mut hit = None;
        while k < words.len() && k <= end + 6 && !words[k].clause_start {
            let x = &words[k];
            let term = term_at(words, k).map(|(e, _)| e);
            if let Some(e) = term {
                hit = Some(e);
                break;
            }
            if x.text.bytes().all(|b| b.is_ascii_digit()) {
                // "de 3 mois"
                hit = Some((k + 2).min(words.len()));
                break;
            }
            if is_relative(x.text) && k > end + 1 && POSSESSIVES.contains(&words[k - 1].text) {
                hit = Some(k + 1);
                break;
            }
            if FILLERS.contains(&x.text) || matches!(x.text, "suite" | "la" | "cause") {
                k += 1;
                continue;
            }
            break;
        }
        match hit {
            Some(e) => end = e,
            None => {
                // "pour Nathan": a capitalised name.
                if matches!(w.text, "pour" | "de")
                    && words
                        .get(end + 1)
                        .is_some_and(|x| !x.clause_start && first_name_like(x))
                {
                    end += 2;
                    continue;
                }
                return end;
            }
        }
    }
}

fn first_name_like(w: &Word<'_>) -> bool {
    super::names::is_first_name(w.text)
}

/// A confidential matter: a complaint, an eviction, a debt, a suspicion, an HR decision,
/// about a person of the sentence; the span runs to the end of its clause.
fn matter(
    r: &Reader<'_>,
    words: &[Word<'_>],
    i: usize,
    kind: Matter,
    cues: &[&Cue],
) -> Option<Found> {
    if cues.is_empty() {
        return None;
    }
    // "déposé une plainte", "porté plainte"
    let mut start = i;
    if let Some(k) = frame_before(words, i)
        && k + 2 >= i
        && words[k].lemmas.iter().any(|l| {
            matches!(
                l.as_str(),
                "deposer" | "porter" | "loger" | "recevoir" | "recu" | "faire" | "fait"
            )
        })
    {
        start = k;
    }
    // Its subject when it is a person: "le propriétaire est soupçonné".
    let mut j = start;
    if j > 0 && !words[j].clause_start && COPULAS.contains(&words[j - 1].text) {
        j -= 1;
        if j >= 2
            && !words[j].clause_start
            && !words[j - 1].clause_start
            && matches!(words[j - 2].text, "le" | "la" | "l'")
            && is_relative(words[j - 1].text)
        {
            start = j - 2;
        }
    }
    // To the end of the clause; after "contre", to the end of the person named.
    // "…doit 3 200 $ de taxes pis il se permet de chialer": "pis" opens another clause.
    let mut end = i;
    while end + 1 < words.len()
        && !words[end + 1].clause_start
        && !matches!(
            words[end + 1].text,
            "pis" | "mais" | "car" | "parce" | "puisque" | "puisqu'"
        )
    {
        end += 1;
    }
    if let Some(against) = (i..=end).find(|&k| words[k].text == "contre") {
        end = against_end(r, words, cues, against, end);
    }
    Some(
        Found::new(
            Kind::ConfidentialMatter,
            words[start].span.start..words[end].span.end,
        )
        .message(kind.message()),
    )
}

/// The end of the person a complaint is "contre": the cues that follow "contre", chained
/// when at most two words part them ("le pompier volontaire Marc"), then the capitalised
/// words of the name ("LeBlanc"). At most `limit`.
fn against_end(
    r: &Reader<'_>,
    words: &[Word<'_>],
    cues: &[&Cue],
    against: usize,
    limit: usize,
) -> usize {
    let mut after: Vec<&&Cue> = cues
        .iter()
        .filter(|c| c.span.start > words[against].span.start)
        .collect();
    after.sort_by_key(|c| c.span.start);
    let word_index = |byte: usize| words.iter().rposition(|w| w.span.end <= byte);
    let Some(first) = after.first() else {
        return limit;
    };
    let mut end_byte = first.span.end;
    for c in &after[1..] {
        let between = words
            .iter()
            .filter(|w| w.span.start >= end_byte && w.span.end <= c.span.start)
            .count();
        let broken = words
            .iter()
            .any(|w| w.clause_start && w.span.start > end_byte && w.span.start <= c.span.start);
        if between > 2 || broken {
            break;
        }
        end_byte = end_byte.max(c.span.end);
    }
    let Some(mut end) = word_index(end_byte) else {
        return limit;
    };
    while end < limit
        && !words[end + 1].clause_start
        && words[end + 1].text.len() > 1
        && r.scan.is_capital_at(words[end + 1].span.start)
    {
        end += 1;
    }
    end.min(limit)
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    #[test]
    fn the_tables_of_the_build_script_are_the_lexicon_s() {
        let gate: Vec<u32> = super::gate_of(super::SOURCE)
            .into_iter()
            .map(|s| super::pack(s).unwrap())
            .collect();
        assert_eq!(super::GATE, gate);
        let built: Vec<_> = super::BY_FIRST
            .iter()
            .map(|(first, entries)| {
                let entries: Vec<_> = entries
                    .iter()
                    .map(|e| (e.rest.to_vec(), e.section))
                    .collect();
                (*first, entries)
            })
            .collect();
        assert_eq!(built, super::parse(super::SOURCE));
    }

    fn found(profile: &str, text: &str) -> Vec<(String, String)> {
        run("confidential-data", profile, text)
            .into_iter()
            .map(|d| (d.kind.unwrap_or("").to_string(), text[d.span].to_string()))
            .collect()
    }

    /// A finding of `kind` that underlines `excerpt` (within its clause: see
    /// `widen_situations`).
    fn one(profile: &str, text: &str, kind: &str, excerpt: &str) {
        let f = found(profile, text);
        assert!(
            f.iter().any(|(k, e)| k == kind && e.contains(excerpt)),
            "{text}: {f:?}"
        );
    }

    #[test]
    fn a_person_singled_out_by_a_named_place_or_group() {
        let p = "cpe-premier-pas";
        for text in [
            "Appel à 3h pour la p'tite madame du rang des Érables, son diabète était complètement débalancé.",
            "Une de nos mamans du groupe des Lucioles commence ses traitements de chimio lundi.",
        ] {
            assert_eq!(
                found(p, text).first().map(|(k, _)| k.as_str()),
                Some("health-info"),
                "{text}"
            );
        }
        // One child among a group's, a resident of a town: nobody singled out.
        for text in [
            "Un enfant du groupe des Coccinelles est allergique aux arachides : aucune noix, svp.",
            "Un résident de La Sarre a été hospitalisé après l'accident.",
        ] {
            assert!(found(p, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn health_and_family_situations_of_a_named_person() {
        let p = "cpe-premier-pas";
        one(
            p,
            "Mon collègue Réjean est en arrêt pour une dépression depuis mars.",
            "health-info",
            "en arrêt pour une dépression",
        );
        one(
            p,
            "Le petit Léo est suivi par la DPJ depuis l'été.",
            "health-info",
            "est suivi par la DPJ",
        );
        one(
            p,
            "Les parents de Mia se séparent, la pauvre.",
            "health-info",
            "Les parents de Mia se séparent",
        );
        one(
            p,
            "Mme Côté, son fils est en prison.",
            "health-info",
            "son fils est en prison",
        );
        one(
            p,
            "Mme Roy est en instance de divorce.",
            "health-info",
            "en instance de divorce",
        );
        one(
            p,
            "Pensées pour Steve qui vient de perdre la garde de ses enfants.",
            "health-info",
            "vient de perdre la garde de ses enfants",
        );
        one(
            p,
            "Notre directeur, hospitalisé à la suite d'un infarctus, va mieux.",
            "health-info",
            "hospitalisé à la suite d'un infarctus",
        );
        one(
            p,
            "Après huit mois de traitements de chimiothérapie pour un cancer du côlon, notre employé de la voirie reprend du service.",
            "health-info",
            "traitements de chimiothérapie pour un cancer du côlon",
        );
        one(
            p,
            "Ma collègue Julie est enceinte de 3 mois!",
            "health-info",
            "est enceinte de 3 mois",
        );
    }

    #[test]
    fn a_sick_leave_is_reported_as_health_not_family() {
        let d = crate::checks::testing::run(
            "confidential-data",
            "st-urbain",
            "+++\naccount = \"official\"\n+++\nMon collègue Réjean est en arrêt pour une dépression.",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, super::Kind::HealthInfo.message());
    }

    #[test]
    fn pregnancy_leave_and_dismissal_said_by_their_idioms() {
        for (text, kind) in [
            (
                "Félicitations à Marie-Pier qui attend la visite de la cigogne en août!",
                "health-info",
            ),
            (
                "Notre belle Audrey a un petit pois dans le bedon.",
                "health-info",
            ),
            (
                "Gaston, notre gars de voirie, est en arrêt depuis trois semaines.",
                "health-info",
            ),
            ("Gaston est en plein divorce.", "health-info"),
            (
                "Mathieu s'est fait slaquer par la Ville à cause de ses absences.",
                "confidential-matter",
            ),
            (
                "Mathieu s'est fait mettre dehors par la Ville.",
                "confidential-matter",
            ),
        ] {
            let f = found("la-sarre", text);
            assert!(f.iter().any(|(k, _)| k == kind), "{text}: {f:?}");
        }
        for text in [
            "Le camion est en arrêt au garage depuis lundi.",
            "Ma blonde va mettre mon vieux divan dehors elle-même.",
            "On attend la visite du père Noël samedi au centre communautaire!",
        ] {
            assert!(found("la-sarre", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_pronoun_or_an_office_names_the_person() {
        one(
            "la-sarre",
            "Le greffier n'était pas là hier. Il commence ses séances de chimio lundi.",
            "health-info",
            "commence ses séances de chimio",
        );
        one(
            "la-sarre",
            "Vous savez pourquoi la mairesse est absente? Elle est en désintox depuis mars.",
            "health-info",
            "en désintox",
        );
        one(
            "drummondville",
            "Le proprio du garage poursuit la Ville pour son entrée.",
            "confidential-matter",
            "poursuit la Ville pour son entrée",
        );
        one(
            "vallee-des-rivieres",
            "Pauvre Josée de la comptabilité... son ex a eu la garde complète des enfants.",
            "health-info",
            "son ex a eu la garde complète",
        );
        // A kin named by its article, of the family named before.
        one(
            "cpe-premier-pas",
            "Collecte pour la famille de Noah. La maman est aussi en traitement pour un cancer du sein.",
            "health-info",
            "La maman est aussi en traitement pour un cancer du sein",
        );
        // A follow-up in therapy, a relapse said by its verb in any form.
        one(
            "cpe-premier-pas",
            "Même le petit Félix, qui est suivi en orthophonie, a chanté.",
            "health-info",
            "est suivi en orthophonie",
        );
        one(
            "st-urbain",
            "Marc Lapointe s'est remis à boire depuis l'automne.",
            "health-info",
            "s'est remis à boire",
        );
        // Nobody named before the pronoun; a mayor of some other town.
        for text in [
            "La maman est en traitement pour un cancer du sein.",
            "Il commence ses traitements de chimio lundi.",
            "Son ex a eu la garde complète des enfants, paraît-il.",
            "Un maire de la région est en désintox, dit-on.",
        ] {
            assert!(found("la-sarre", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn confidential_matters_about_a_person() {
        let p = "la-sarre";
        one(
            p,
            "Le locataire du 22, 3e Rue a été expulsé de son logement pour non-paiement de loyer.",
            "confidential-matter",
            "expulsé de son logement pour non-paiement de loyer",
        );
        one(
            p,
            "Son propriétaire, M. Denis Girard, a été mis en demeure la semaine passée.",
            "confidential-matter",
            "a été mis en demeure la semaine passée",
        );
        one(
            p,
            "Un citoyen a déposé une plainte contre le pompier Marc LeBlanc hier.",
            "confidential-matter",
            "déposé une plainte contre le pompier Marc LeBlanc",
        );
        one(
            p,
            "Selon l'enquête, le propriétaire est soupçonné d'avoir mis le feu.",
            "confidential-matter",
            "le propriétaire est soupçonné d'avoir mis le feu",
        );
        one(
            p,
            "Lors du huis clos, le conseil a décidé de congédier M. Roy.",
            "confidential-matter",
            "le conseil a décidé de congédier M. Roy",
        );
    }

    #[test]
    fn general_talk_the_posters_own_news_and_negations_stay_clean() {
        for text in [
            "De retour au travail après mon congé de maternité! Contente de retrouver l'équipe.",
            "Je suis enceinte de notre deuxième!",
            "Julie donnera une conférence sur l'autisme à la bibliothèque.",
            "Bravo à Nathalie Côté qui a couru 10 km pour la lutte contre le cancer!",
            "Merci à Steve Boisvert pour son opération de déneigement impeccable!",
            "Le service de garde de l'école Saint-Jean sera fermé le 3 novembre.",
            "Marc Roy a atteint son objectif de 100 km.",
            "Si votre enfant est malade, gardez-le à la maison.",
            "Julie n'est pas malade, elle est en vacances!",
            "Les citoyens peuvent déposer une plainte contre un employé en ligne.",
            "Le conseil se retirera à huis clos; aucune décision ne sera prise.",
            "La Ville a déposé une plainte contre l'entrepreneur Construction Roy inc.",
            "Le conseil a adopté le règlement; les comptes impayés après le 30 juin porteront intérêt.",
            "L'arbitre de Victoriaville a expulsé notre coach Martin Roy pour rien.",
            "Mathis Roy expulsé du match en deuxième période, pas fort l'arbitre.",
        ] {
            assert!(
                found("la-sarre", text).is_empty(),
                "{text}: {:?}",
                found("la-sarre", text)
            );
        }
    }

    #[test]
    fn surgery_on_a_part_of_the_body_and_new_conditions() {
        let p = "la-sarre";
        for (text, excerpt) in [
            (
                "Notre directeur Marc a été opéré au cœur mardi dernier.",
                "opéré au cœur",
            ),
            (
                "Ginette se fait remplacer la hanche jeudi à Edmundston.",
                "remplacer la hanche",
            ),
            ("Marc s'est cassé le poignet en ski.", "cassé le poignet"),
            (
                "La petite Rosalie de mon groupe a fait une réaction anaphylactique aux arachides.",
                "réaction anaphylactique",
            ),
            (
                "On pense à M. Bouchard, qui se bat contre un cancer du pancréas.",
                "bat contre un cancer",
            ),
            (
                "Notre Audrey attend des jumeaux pour juillet!",
                "attend des jumeaux",
            ),
        ] {
            let f = found(p, text);
            assert!(
                f.iter()
                    .any(|(k, e)| k == "health-info" && e.contains(excerpt)),
                "{text}: {f:?}"
            );
        }
        for text in [
            "Merci à Julie qui a donné de tout son cœur.",
            "Julie a remplacé Marc au bras de la fanfare.",
            "Retour au bureau après ma chirurgie à l'épaule, merci à mes collègues!",
            "Bravo à Nathalie Côté qui a couru 10 km pour la lutte contre le cancer!",
        ] {
            assert!(found(p, text).is_empty(), "{text}: {:?}", found(p, text));
        }
    }

    #[test]
    fn a_quantifier_counts_only_before_the_term_in_its_clause() {
        let p = "cpe-premier-pas";
        one(
            p,
            "Félix a un trouble du spectre de l'autisme, alors on compte sur tous les amis.",
            "health-info",
            "Félix a un trouble du spectre de l'autisme",
        );
        for text in [
            "Chaque enfant qui a une allergie doit avoir son auto-injecteur.",
            "Plusieurs employés sont en arrêt pour la grippe cette semaine.",
            "Si votre enfant a la varicelle, gardez-le à la maison.",
        ] {
            assert!(found(p, text).is_empty(), "{text}: {:?}", found(p, text));
        }
    }

    #[test]
    fn discipline_complaints_and_debts_of_one_person() {
        let p = "la-sarre";
        for (text, excerpt) in [
            (
                "Roxanne a reçu un avis disciplinaire pour ses retards.",
                "avis disciplinaire",
            ),
            (
                "Suite à la suspension de M. Tremblay pour ses retards, le poste est ouvert.",
                "suspension de M. Tremblay",
            ),
            (
                "Suivi de la plainte de Mme Rita Gagnon.",
                "plainte de Mme Rita Gagnon",
            ),
            (
                "Réjean Tremblay doit 3 200 $ de taxes à la municipalité.",
                "doit 3 200 $",
            ),
            (
                "La famille Bergeron-Paquin nous doit encore trois mois de frais de garde.",
                "doit encore trois mois",
            ),
            (
                "Le locataire doit quatre mois à son proprio.",
                "doit quatre mois",
            ),
        ] {
            let f = found(p, text);
            assert!(
                f.iter()
                    .any(|(k, e)| k == "confidential-matter" && e.contains(excerpt)),
                "{text}: {f:?}"
            );
        }
        for text in [
            "Suspension de la collecte des ordures lundi pour les résidents du secteur.",
            "En cas de plainte de bruit, appelez le 311.",
            "Chaque résident doit payer 50 $ pour l'inscription.",
            "Les participants doivent 20 $ à l'inscription.",
            "Marc doit 2 ans d'expérience pour ce poste.",
            "Julie doit trois semaines de vacances.",
        ] {
            assert!(found(p, text).is_empty(), "{text}: {:?}", found(p, text));
        }
    }

    #[test]
    fn siblings_by_family_name_and_a_diagnosis_said_as_what_the_child_is() {
        let p = "cpe-premier-pas";
        one(
            p,
            "Les jumeaux Morin font de l'anaphylaxie aux arachides.",
            "health-info",
            "font de l'anaphylaxie",
        );
        one(
            p,
            "Le petit Mathis, c'est un TSA.",
            "health-info",
            "c'est un TSA",
        );
        one(
            p,
            "Ma collègue Chantal est en congé sans solde jusqu'à nouvel ordre.",
            "confidential-matter",
            "en congé sans solde",
        );
        for text in [
            // A definition, a place named "Les Petits…", a happy outing.
            "Julie dit que le diabète, c'est une maladie sournoise.",
            "Notre installation Les Petits Pas, à l'hôtel de ville, ouvre ses portes le 5 mai.",
            "Les enfants Tremblay sont venus au parc hier, belle journée!",
        ] {
            assert!(found(p, text).is_empty(), "{text}: {:?}", found(p, text));
        }
    }
}
