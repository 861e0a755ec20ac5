//! What surrounds a value: the text the recognizers read, its sentences, and the cues
//! that say whom a number or an address belongs to.
//!
//! The recognizers read the whole published body (code and link texts included:
//! they are published too), folded for matching (lowercase, no accents, one kind of
//! apostrophe and dash), but not the addresses of links and images (a URL's digits are
//! not a phone number). A cue is a word before a value that ties it to a private person
//! ("Mme Roy", "votre", "mon voisin", "habite") or to a public place ("aréna",
//! "bibliothèque", a business, the organisation's aliases); the nearest cue in the same
//! sentence decides.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon;
use super::literals::{
    Alternation, boundary, chars_end, is_letter, place_suffix, skip_spaces, starts_with, word_end,
};
use crate::draft::Draft;
use crate::text::Folded;

/// Compiles a pattern over folded text ([`crate::text::folded_regex`]: ASCII word
/// boundaries, digits and spaces, `\p{L}` as the Latin letters): the narrow classes
/// compile several times faster and keep the regex engine on its fast DFA path.
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    crate::text::folded_regex(pattern)
}

/// The text of one draft as the recognizers read it.
pub struct Scan {
    /// The draft's source with what is not published (front matter, link and image
    /// addresses) blanked: same length, same offsets.
    pub original: String,
    pub folded: Folded,
}

impl Scan {
    pub fn new(draft: &Draft) -> Scan {
        let source = draft.source.as_str();
        let mut bytes = source.as_bytes().to_vec();
        let blank = |bytes: &mut [u8], r: Range<usize>| {
            for b in &mut bytes[r] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        };
        blank(&mut bytes, 0..draft.body.start);
        for link in &draft.links {
            let text = &source[link.span.clone()];
            let target = link
                .url
                .strip_prefix("mailto:")
                .or_else(|| link.url.strip_prefix("tel:"));
            let Some(i) = text.rfind(link.url.as_str()) else {
                continue;
            };
            // A mailto: or tel: target is published unless the link's text shows it.
            if target.is_none_or(|t| text[..i].contains(t)) {
                let start = link.span.start + i;
                blank(&mut bytes, start..start + link.url.len());
            }
        }
        for image in &draft.images {
            let text = &source[image.span.clone()];
            if let Some(i) = text.rfind("](") {
                blank(&mut bytes, image.span.start + i..image.span.end);
            }
        }
        // Only ASCII bytes inside whole ranges of the source were replaced by spaces,
        // and a multi-byte character is blanked whole or not at all: still UTF-8.
        let original = String::from_utf8(bytes).unwrap_or_else(|_| source.to_string());
        let folded = Folded::new(&original, draft.body.clone());
        Scan { original, folded }
    }

    pub fn text(&self) -> &str {
        &self.folded.text
    }

    /// The original byte range of a folded range.
    pub fn span(&self, folded: Range<usize>) -> Range<usize> {
        self.folded.original(folded)
    }

    /// The original text of a folded range.
    pub fn original_of(&self, folded: Range<usize>) -> &str {
        &self.original[self.span(folded)]
    }

    /// True when the original character at a folded offset is a capital letter.
    pub fn is_capital_at(&self, folded: usize) -> bool {
        let at = self.span(folded..folded + 1).start;
        self.original[at..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// The sentence that ends where `sentence` starts, if any.
    pub fn sentence_before(&self, sentence: &Range<usize>) -> Option<Range<usize>> {
        (sentence.start > 0).then(|| self.sentence(sentence.start - 1))
    }

    /// The sentence around a folded offset: from the last sentence end or line break
    /// before it to the next one after it. Abbreviations ("M.", "boul.", "app.") do
    /// not end a sentence.
    pub fn sentence(&self, at: usize) -> Range<usize> {
        let t = self.text().as_bytes();
        let mut start = at.min(t.len());
        while start > 0 {
            let b = t[start - 1];
            if b == b'\n'
                || ((b == b'!' || b == b'?') && is_space_at(t, start))
                || (b == b'.' && is_space_at(t, start) && !abbreviation_before(t, start - 1))
            {
                break;
            }
            start -= 1;
        }
        let mut end = at.min(t.len());
        while end < t.len() {
            let b = t[end];
            if b == b'\n'
                || ((b == b'!' || b == b'?' || b == b'.') && end + 1 >= t.len())
                || ((b == b'!' || b == b'?') && is_space_at(t, end + 1))
                || (b == b'.' && is_space_at(t, end + 1) && !abbreviation_before(t, end))
            {
                break;
            }
            end += 1;
        }
        start..end
    }
}

impl Scan {
    /// The sentence around `at` and the one before it in the same paragraph: "Bibliothèque
    /// municipale, 99, 5e Avenue. Téléphone : 819 333-2294." reads as one place.
    pub fn context(&self, at: usize) -> Range<usize> {
        let current = self.sentence(at);
        let t = self.text().as_bytes();
        let mut i = current.start;
        let mut newlines = 0;
        while i > 0 && (t[i - 1].is_ascii_whitespace() || matches!(t[i - 1], b'.' | b'!' | b'?')) {
            if t[i - 1] == b'\n' {
                newlines += 1;
            }
            i -= 1;
        }
        if i == 0 || newlines > 1 {
            return current;
        }
        self.sentence(i - 1).start..current.end
    }
}

fn is_space_at(t: &[u8], i: usize) -> bool {
    i >= t.len() || t[i].is_ascii_whitespace()
}

/// True when the word ending just before `dot` is an abbreviation or an initial.
fn abbreviation_before(t: &[u8], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && (t[s - 1].is_ascii_alphanumeric()) {
        s -= 1;
    }
    let word = &t[s..dot];
    const ABBREVIATIONS: &[&[u8]] = &[
        b"m", b"mme", b"mlle", b"dr", b"dre", b"me", b"st", b"ste", b"boul", b"bd", b"av", b"ave",
        b"app", b"apt", b"ch", b"rte", b"no", b"p", b"c", b"tel", b"poste", b"ext", b"inc",
        b"ltee", b"enr", b"cie", b"j", b"pr", b"mgr", b"n", b"e", b"o", b"s",
    ];
    word.len() == 1 && word[0].is_ascii_alphabetic() || ABBREVIATIONS.contains(&word)
}

/// Things of a person that, after "son", "sa", "leur", tie a value to that person.
pub(super) const OWNED: &[&str] = &[
    "numero",
    "adresse",
    "cellulaire",
    "cell",
    "telephone",
    "courriel",
    "domicile",
    "maison",
    "residence",
    "logement",
    "appartement",
    "dossier",
    "demande",
    "plainte",
    "requete",
    "carte",
    "permis",
    "code postal",
    "compte",
    "chien",
    "chat",
    "auto",
    "voiture",
    "chalet",
    "portefeuille",
    "terrain",
    "cour",
    "entree",
    "paie",
    "cheque",
    "nas",
];

/// Whom a value belongs to, by the nearest cue before it in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Person,
    Public,
    Unknown,
}

/// A cue found in the folded text.
#[derive(Debug, Clone)]
pub struct Cue {
    pub span: Range<usize>,
    pub owner: Owner,
    /// A cue that names one identifiable person ("Mme Roy", "Léa", "mon fils"), as
    /// opposed to a generic one ("votre", "les résidents").
    pub specific: bool,
}

/// The built-in word lists of the cues, built on first use: most posts need no cue.
struct Lexicon {
    nouns: Alternation,
    /// What a person has: "son cellulaire", "sa maison" (not "ses heures", said of a
    /// library).
    owned: Alternation,
    first_names: Alternation,
    places: Alternation,
    /// Verbs and phrases of residence: "habite", "chez lui", "-moi".
    residence: Alternation,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    nouns: Alternation::new(lexicon::PERSON_NOUNS),
    owned: Alternation::new(OWNED),
    first_names: Alternation::new(lexicon::FIRST_NAMES),
    places: Alternation::new(lexicon::PUBLIC_PLACES),
    residence: Alternation::new(RESIDENCE),
});

/// After an article, a person noun: "la locataire", "l'enfant". In this order: the
/// first that leads to a noun is taken.
const ARTICLES: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "cet", "cette", "au", "aux", "du", "des",
];

const RESIDENCE: &[&str] = &[
    "habite",
    "habitent",
    "habitait",
    "demeure",
    "demeurent",
    "demeurait",
    "reside",
    "residait",
    "residence de",
    "domicile",
    "domicilie",
    "domiciliee",
    "vit au",
    "vivent au",
    "chez lui",
    "chez elle",
    "chez eux",
    "chez moi",
    "chez nous",
    "chez toi",
    "chez vous",
    "-moi",
];

/// Finds the cues of a draft. They were the matches of five regexes, two of hundreds of
/// words (milliseconds to compile); they are found from word lists ([`Alternation`])
/// with the same starts, ends and order.
pub struct CueFinder {
    /// Public places of the profile (its aliases, the rule's `public-places`).
    places: Alternation,
    /// Whether the built-in public places count too.
    builtin_places: bool,
}

impl CueFinder {
    /// The built-in cues and the profile's own public places.
    pub fn new(public_places: &[String]) -> CueFinder {
        CueFinder::with_places(public_places, true)
    }

    /// The built-in cues with these public places, and the built-in ones or not.
    pub fn with_places(public_places: &[String], builtin_places: bool) -> CueFinder {
        CueFinder {
            places: Alternation::new(public_places),
            builtin_places,
        }
    }

    /// The end of the longest public place at `at` followed by what `suffix` accepts.
    fn place_at(
        &self,
        t: &str,
        at: usize,
        suffix: impl Fn(usize) -> Option<usize>,
    ) -> Option<usize> {
        let builtin = if self.builtin_places {
            LEXICON.places.longest_at(t, at, &suffix)
        } else {
            None
        };
        builtin.max(self.places.longest_at(t, at, &suffix))
    }

    /// Every cue of a scanned draft, in order of their end.
    pub fn find(&self, scan: &Scan) -> Vec<Cue> {
        let t = scan.text();
        let b = t.as_bytes();
        let lex = &*LEXICON;
        // Every pattern starts with `\b`.
        let starts: Vec<usize> = (0..b.len()).filter(|&i| boundary(b, i)).collect();
        let run = |i: usize| &t[i..word_end(b, i)];
        let mut cues = Vec::new();
        // `\b{places}(?:\b|\s|$)|\b(?:notre|nos)\b`
        let places = matches(&starts, |i| {
            let end = self
                .place_at(t, i, |e| place_suffix(b, e))
                .or_else(|| matches!(run(i), "notre" | "nos").then(|| word_end(b, i)));
            end.map(|e| (e, ()))
        });
        for (m, ()) in places {
            if is_circumstantial(&t[..m.start]) {
                continue;
            }
            // "notre Lucie de la réception" is a colleague: the first name is the cue.
            let ours = matches!(&t[m.clone()], "notre" | "nos");
            let end = if ours && first_name_after(scan, m.end) {
                m.end
            } else {
                extend_over_proper_name(scan, m.end)
            };
            cues.push(Cue {
                span: m.start..end,
                owner: Owner::Public,
                specific: false,
            });
        }
        let public_spans: Vec<Range<usize>> = cues.iter().map(|c| c.span.clone()).collect();
        let inside_public = |r: &Range<usize>| {
            public_spans
                .iter()
                .any(|p| p.start < r.start && r.end <= p.end)
        };
        // `\b(?:m|mme|...|le\s+petit|la\s+petite|bebe)\.?\s+(\p{L}[\p{L}'-]+)`
        for (whole, name) in matches(&starts, |i| title_at(t, i)) {
            // "Les Petits Pas" is the name of a place, not the Pas children.
            let place = t[whole.clone()].starts_with("les ")
                && scan.is_capital_at(skip_spaces(t.as_bytes(), whole.start + 3));
            if scan.is_capital_at(name) && !inside_public(&whole) && !place {
                cues.push(Cue {
                    span: whole,
                    owner: Owner::Person,
                    specific: true,
                });
            }
        }
        // `\b(?:(mon|ma|...)\s+(\p{L}[\p{L}-]*)|(notre|nos|...)\s+(?:{nouns}|{owned})\b)`
        for (whole, (end, specific)) in matches(&starts, |i| possessive_at(t, i)) {
            // "votre bibliothèque": the place decides, it comes nearer.
            cues.push(Cue {
                span: whole.start..end,
                owner: Owner::Person,
                specific: specific || located_after(scan, whole.end),
            });
        }
        // `\b(?:(?:le|la|...)\s*{nouns}|habite|...|-moi)\b`
        let person_words = matches(&starts, |i| {
            let after_article = ARTICLES.iter().find_map(|a| {
                starts_with(b, i, a.as_bytes())
                    .then(|| {
                        let at = skip_spaces(b, i + a.len());
                        lex.nouns.word_at(t, at).or_else(|| {
                            // "la p'tite madame", "le vieux monsieur".
                            let adjective = BEFORE_NOUN.iter().find(|w| {
                                t[at..].starts_with(*w) && t[at + w.len()..].starts_with(' ')
                            })?;
                            lex.nouns.word_at(t, at + adjective.len() + 1)
                        })
                    })
                    .flatten()
            });
            let end = after_article.or_else(|| lex.residence.word_at(t, i));
            end.map(|e| (e, ()))
        });
        for (m, ()) in person_words {
            cues.push(Cue {
                // "la madame du rang des Érables" is one person; "un enfant du groupe
                // des Coccinelles" is one of many.
                specific: names_office(&t[m.clone()])
                    || (definite(&t[m.clone()]) && located_after(scan, m.end)),
                span: m,
                owner: Owner::Person,
            });
        }
        // `\b{first names}\b`, capitalised: the built-in Quebec names, and the broad
        // list of `lexicons/first-names.txt` for a word that stands alone (not inside
        // "Saint-Joachim" or "Marcel-Dionne").
        let first_name = |i: usize| {
            lex.first_names.word_at(t, i).or_else(|| {
                let end = word_end(b, i);
                let alone = (i == 0 || b[i - 1] != b'-') && b.get(end) != Some(&b'-');
                (end > i
                    && alone
                    && !after_place_word(t, i)
                    && b[i].is_ascii_lowercase()
                    && scan.is_capital_at(i)
                    && super::names::is_first_name(&t[i..end]))
                .then_some(end)
            })
        };
        for (m, ()) in matches(&starts, |i| first_name(i).map(|e| (e, ()))) {
            if scan.is_capital_at(m.start) && !inside_public(&m) {
                cues.push(Cue {
                    span: m,
                    owner: Owner::Person,
                    specific: true,
                });
            }
        }
        cues.sort_by_key(|c| (c.span.end, c.span.start));
        cues
    }
}

/// True when a capitalised first name, or the title of a person, follows `end` after one
/// space: "notre Lucie", "notre DG Michel Harvey".
pub(super) fn first_name_after(scan: &Scan, end: usize) -> bool {
    let t = scan.text();
    let b = t.as_bytes();
    let at = end + 1;
    if b.get(end) != Some(&b' ') || !b.get(at).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let word = &t[at..word_end(b, at)];
    scan.is_capital_at(at)
        && (LEXICON.first_names.word_at(t, at).is_some()
            || super::names::is_first_name(word)
            || matches!(word, "dg" | "dga")
            || lexicon::OFFICES.contains(&word)
            || lexicon::PERSON_NOUNS.contains(&word))
}

/// Adjectives between an article and a person noun: "la p'tite madame", "le vieux
/// monsieur".
const BEFORE_NOUN: &[&str] = &[
    "p'tite", "p'tit", "ptite", "ptit", "petite", "vieille", "vieux", "bonne", "jeune", "nouvelle",
    "nouveau", "grande", "grand",
];

/// Places and groups that single a person out when a proper name follows them.
const LOCATORS: &[&str] = &[
    "rang",
    "groupe",
    "rue",
    "chemin",
    "route",
    "avenue",
    "boulevard",
    "garage",
    "depanneur",
    "salon",
    "classe",
    "lac",
    "domaine",
    "ferme",
    "camping",
];

/// True when the person named before `end` is singled out by a place or a group with a
/// proper name: "la madame du rang des Érables", "une de nos mamans du groupe des
/// Lucioles", "Gilles du garage de la 2e Rue". A town alone ("un résident de La Sarre")
/// singles nobody out.
pub(super) fn located_after(scan: &Scan, end: usize) -> bool {
    let t = scan.text();
    let rest = &t[end..];
    let stop = rest
        .find([',', '.', ';', ':', '!', '?', '\n'])
        .unwrap_or(rest.len())
        .min(60);
    let stop = (0..=stop)
        .rev()
        .find(|&i| rest.is_char_boundary(i))
        .unwrap_or(0);
    let window = &rest[..stop];
    let Some(link) = [" du ", " de la ", " des ", " de l'"]
        .iter()
        .find(|l| window.starts_with(*l))
    else {
        return false;
    };
    let after = &window[link.len()..];
    let Some(locator) = LOCATORS
        .iter()
        .find(|w| after.starts_with(*w) && after[w.len()..].starts_with(' '))
    else {
        return false;
    };
    let from = end + link.len() + locator.len();
    let b = t.as_bytes();
    (from..end + window.len()).any(|i| {
        (b[i - 1] == b' ' || b[i - 1] == b'\'')
            && b[i].is_ascii_alphanumeric()
            && scan.is_capital_at(i)
    })
}

/// "le voisin" is anyone; "la mairesse", "du greffier" name one person: an office
/// ([`lexicon::OFFICES`]) after a definite article.
pub(super) fn names_office(cue: &str) -> bool {
    let noun = cue.rsplit([' ', '\'']).next().unwrap_or("");
    definite(cue) && lexicon::OFFICES.contains(&noun)
}

/// True when a person cue opens with a definite article: "la mairesse", "du greffier",
/// "l'éducatrice".
pub(super) fn definite(cue: &str) -> bool {
    ["le ", "la ", "l'", "au ", "du "]
        .iter()
        .any(|a| cue.starts_with(a))
}

/// True when the word before `i` names a street or a place: "rue Lindsay", "parc
/// Rosaire", "école Jean-Raimbault" hold a first name that is not a person.
pub(super) fn after_place_word(t: &str, i: usize) -> bool {
    let before = t[..i].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    matches!(
        word.trim_end_matches('.'),
        "rue"
            | "avenue"
            | "av"
            | "boulevard"
            | "boul"
            | "bd"
            | "chemin"
            | "ch"
            | "rang"
            | "route"
            | "rte"
            | "place"
            | "montee"
            | "cote"
            | "terrasse"
            | "croissant"
            | "allee"
            | "impasse"
            | "promenade"
            | "parc"
            | "ecole"
            | "pavillon"
            | "centre"
            | "arena"
            | "salle"
            | "lac"
            | "riviere"
            | "mont"
            | "pointe"
            | "ile"
            | "baie"
            | "saint"
            | "sainte"
            | "st"
            | "ste"
            | "canton"
            | "domaine"
            | "carre"
            | "square"
            | "quartier"
            | "secteur"
            | "plage"
            | "camping"
            | "rue-"
            | "polyvalente"
            | "college"
            | "caisse"
            | "residence"
            | "manoir"
            | "villa"
            | "chalet"
            | "bistro"
            | "restaurant"
    )
}

/// The matches of a pattern that starts with `\b`, leftmost first and not overlapping,
/// as a regex's `find_iter` gives them: `at` gives the end of the match at one of the
/// word boundaries `starts` (and what else it captured), or nothing.
fn matches<T>(
    starts: &[usize],
    mut at: impl FnMut(usize) -> Option<(usize, T)>,
) -> Vec<(Range<usize>, T)> {
    let mut out = Vec::new();
    let mut next = 0;
    for &i in starts {
        if i < next {
            continue;
        }
        if let Some((end, x)) = at(i) {
            out.push((i..end, x));
            next = end.max(i + 1);
        }
    }
    out
}

/// The end of a word at `at` that starts with a letter and goes on with what `keep`
/// accepts (`\p{L}[...]*`), and how many characters follow its first letter.
fn word_from(t: &str, at: usize, keep: impl Fn(char) -> bool) -> Option<(usize, usize)> {
    let first = t[at..].chars().next().filter(|&c| is_letter(c))?;
    let start = at + first.len_utf8();
    let end = chars_end(t, start, keep);
    Some((end, end - start))
}

/// A title and the name after it: the end of the match and the start of the name. "le
/// petit" and "la petite" are titles before a first name, "les jumeaux" and the like
/// before a family name.
///
/// A title is followed by `\.?\s+`, so it is a whole run of word bytes: at most one
/// title fits a position, and the order of the titles does not matter.
fn title_at(t: &str, at: usize) -> Option<(usize, usize)> {
    let b = t.as_bytes();
    let word = word_end(b, at);
    let mut i = match &t[at..word] {
        "m" | "mme" | "mlle" | "dr" | "dre" | "me" | "monsieur" | "madame" | "bebe" => word,
        // "le petit", "la petite"
        first @ ("le" | "la") => {
            let next = skip_spaces(b, word);
            let small = if first == "le" { "petit" } else { "petite" };
            if next == word || !starts_with(b, next, small.as_bytes()) {
                return None;
            }
            next + small.len()
        }
        // "les jumeaux Morin", "les enfants Tremblay": siblings by their family name.
        "les" => {
            let next = skip_spaces(b, word);
            let siblings = [
                "jumeaux", "jumelles", "triples", "enfants", "petits", "petites", "freres",
                "soeurs",
            ];
            let found = (next > word)
                .then(|| {
                    siblings.iter().find(|s| {
                        starts_with(b, next, s.as_bytes()) && word_end(b, next) == next + s.len()
                    })
                })
                .flatten()?;
            next + found.len()
        }
        _ => return None,
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    let name = skip_spaces(b, i);
    if name == i {
        return None;
    }
    // `[\p{L}][\p{L}'-]+`: at least one character after the first letter.
    let (end, rest) = word_from(t, name, |c| is_letter(c) || c == '\'' || c == '-')?;
    (rest > 0).then_some((end, name))
}

/// A possessive and its noun: the end of the match, then the end of the cue and whether
/// it names one person.
///
/// A possessive is followed by `\s+`, so it is a whole run of word bytes.
fn possessive_at(t: &str, at: usize) -> Option<(usize, (usize, bool))> {
    let b = t.as_bytes();
    let end = word_end(b, at);
    let noun = skip_spaces(b, end);
    if noun == end {
        return None;
    }
    match &t[at..end] {
        p @ ("mon" | "ma" | "mes" | "ton" | "ta" | "tes" | "votre" | "vos") => {
            let (noun_end, _) = word_from(t, noun, |c| is_letter(c) || c == '-')?;
            let specific = is_kin(Some(&t[noun..noun_end])) && !matches!(p, "votre" | "vos");
            Some((noun_end, (end, specific)))
        }
        "notre" | "nos" | "son" | "sa" | "ses" | "leur" | "leurs" => {
            let lex = &*LEXICON;
            let end = lex
                .nouns
                .word_at(t, noun)
                .or_else(|| lex.owned.word_at(t, noun))?;
            Some((end, (end, true)))
        }
        _ => None,
    }
}

/// A place named as a destination or a landmark ("un lift pour le CPE", "devant
/// l'aréna") does not own the number or the address that follows.
pub(super) fn is_circumstantial(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || c == '\'')
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .collect();
    const ARTICLES: &[&str] = &["le", "la", "les", "l", "un", "une", "du", "de", "des", "d"];
    // A record that holds people's data: "le système d'inscription", "la liste du club"
    // name where a number was read, not whose it is.
    const RECORDS: &[&str] = &[
        "systeme",
        "fiche",
        "fiches",
        "formulaire",
        "formulaires",
        "liste",
        "registre",
        "logiciel",
        "fichier",
        "feuille",
    ];
    let of_record = match words.as_slice() {
        ["de" | "d" | "du" | "des", record, ..] => RECORDS.contains(record),
        ["la" | "l" | "le" | "les", "de", record] => RECORDS.contains(record),
        _ => false,
    };
    if of_record {
        return true;
    }
    let preposition = match words.as_slice() {
        [w, p, ..] if ARTICLES.contains(w) => *p,
        [w, ..] => *w,
        [] => return false,
    };
    matches!(
        preposition,
        "pour" | "vers" | "devant" | "pres" | "derriere" | "depuis" | "jusqu" | "contre" | "face"
    )
}

pub(super) fn is_kin(noun: Option<&str>) -> bool {
    noun.is_some_and(|n| lexicon::PERSON_NOUNS.contains(&n))
}

/// "aréna Jacques-Laperrière": the capitalised words after a place word are its name.
pub(super) fn extend_over_proper_name(scan: &Scan, mut end: usize) -> usize {
    let t = scan.text();
    for _ in 0..5 {
        let rest = &t[end..];
        let skip = rest.len() - rest.trim_start_matches([' ', '-']).len();
        let at = end + skip;
        let word_len = t[at..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .unwrap_or(t.len() - at);
        if word_len == 0 {
            break;
        }
        let word = &t[at..at + word_len];
        let linking = matches!(word, "de" | "du" | "des" | "la" | "le" | "d'" | "l'" | "et");
        if scan.is_capital_at(at) || (linking && skip > 0) {
            end = at + word_len;
        } else {
            break;
        }
    }
    end
}

/// The owner by the nearest cue ending before `at` inside `within`.
pub fn owner_before(cues: &[Cue], within: Range<usize>, at: usize) -> (Owner, Option<&Cue>) {
    let cue = cues
        .iter()
        .rev()
        .find(|c| c.span.end <= at && c.span.start >= within.start);
    match cue {
        Some(c) => (c.owner, Some(c)),
        None => (Owner::Unknown, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Format;

    fn draft(text: &str) -> Draft {
        Draft::parse("t.md", text.to_string(), Format::Markdown).unwrap()
    }

    #[test]
    fn sentences_do_not_end_at_abbreviations() {
        let d = draft("Bonjour. M. Roy habite au 12, boul. des Pins. Merci !");
        let scan = Scan::new(&d);
        let at = scan.text().find("habite").unwrap();
        assert_eq!(
            scan.text()[scan.sentence(at)].trim(),
            "m. roy habite au 12, boul. des pins"
        );
        let context = scan.context(at);
        assert!(scan.text()[context].starts_with("bonjour"));
    }

    #[test]
    fn the_context_stops_at_a_blank_line() {
        let d = draft("Aréna Nicol-Auto.\n\nAppelez au 819-555-1234.");
        let scan = Scan::new(&d);
        let at = scan.text().find("819").unwrap();
        assert!(scan.text()[scan.context(at)].starts_with("appelez"));
    }

    #[test]
    fn cues_say_whom_a_value_belongs_to() {
        let finder = CueFinder::with_places(&["arena".to_string(), "cpe".to_string()], false);
        let owner = |text: &str| {
            let d = draft(text);
            let scan = Scan::new(&d);
            let cues = finder.find(&scan);
            let at = scan.text().find("819").unwrap();
            owner_before(&cues, scan.context(at), at).0
        };
        assert_eq!(owner("Mme Roy : 819-555-1234"), Owner::Person);
        assert_eq!(owner("Aréna Jacques-Plante : 819-555-1234"), Owner::Public);
        assert_eq!(owner("Votre aréna : 819-555-1234"), Owner::Public);
        assert_eq!(
            owner("La maman de Zoé cherche un lift pour le CPE : 819-555-1234"),
            Owner::Person
        );
        assert_eq!(owner("Tél. 819-555-1234"), Owner::Unknown);
        // A colleague called "notre Lucie"; the record a number was read from.
        assert_eq!(
            owner("Écrivez à notre Lucie de l'aréna : 819-555-1234"),
            Owner::Public
        );
        assert_eq!(owner("Appelez notre Lucie au 819-555-1234"), Owner::Person);
        assert_eq!(
            owner("J'ai son numéro dans la liste de l'aréna : 819-555-1234"),
            Owner::Person
        );
        assert_eq!(owner("Notre Ville : 819-555-1234"), Owner::Public);
        assert_eq!(
            owner("La bibliothèque prolonge ses heures. Info : 819-555-1234"),
            Owner::Unknown
        );
    }
}
