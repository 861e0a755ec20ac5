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

use regex::Regex;

use crate::draft::Draft;
use crate::text::Folded;

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
const OWNED: &[&str] = &[
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

/// The compiled cue patterns.
pub struct CueFinder {
    /// "mme roy", "m. tremblay", "monsieur roy": checked for a capital.
    title: Regex,
    /// Possessive + noun: "mon voisin", "votre dossier", "sa fille".
    possessive: Regex,
    /// Person nouns and verbs of residence, no possessive: "la locataire", "habite".
    person_word: Regex,
    /// Capitalised first names.
    first_name: Regex,
    /// Public places, businesses, the organisation's aliases ("la Ville").
    public: Regex,
}

/// Compiles a pattern over folded text with ASCII word boundaries, digits and spaces:
/// folded text is ASCII but for rare letters and symbols (no-break spaces are folded to
/// spaces), and the ASCII classes keep the regex engine on its fast DFA path where the
/// Unicode ones would make it slower.
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_classes(pattern))
}

fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
        .replace(r"\s", r"[\t\n\r\x20]")
}

/// A regex alternation of folded words, longest first, as whole words.
pub fn alternation<'w>(words: impl IntoIterator<Item = &'w str>) -> String {
    let mut words: Vec<String> = words
        .into_iter()
        .map(|w| crate::text::fold(w.trim()))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    format!("(?:{})", escaped.join("|"))
}

impl CueFinder {
    pub fn new(public_places: &[String], person_nouns: &[&str], first_names: &[&str]) -> CueFinder {
        let nouns = alternation(person_nouns.iter().copied());
        let places = alternation(public_places.iter().map(String::as_str));
        // What a person has: "son cellulaire", "sa maison" (not "ses heures", said of
        // a library).
        let owned = alternation(OWNED.iter().copied());
        let build = |p: &str| compile(p).expect("cue regex");
        CueFinder {
            title: build(
                r"\b(?:m|mme|mlle|dr|dre|me|monsieur|madame|le\s+petit|la\s+petite|bebe)\.?\s+([\p{L}][\p{L}'-]+)",
            ),
            possessive: build(&format!(
                r"\b(?:(mon|ma|mes|ton|ta|tes|votre|vos)\s+(\p{{L}}[\p{{L}}-]*)|(notre|nos|son|sa|ses|leur|leurs)\s+(?:{nouns}|{owned})\b)"
            )),
            person_word: build(&format!(
                r"\b(?:(?:le|la|les|l'|un|une|cet|cette|au|aux|du|des)\s*{nouns}|habite|habitent|habitait|demeure|demeurent|demeurait|reside|residait|residence de|domicile|domicilie|domiciliee|vit au|vivent au|chez (?:lui|elle|eux|moi|nous|toi|vous)|-moi)\b"
            )),
            first_name: build(&format!(
                r"\b{}\b",
                alternation(first_names.iter().copied())
            )),
            public: build(&format!(r"\b{places}(?:\b|\s|$)|\b(?:notre|nos)\b")),
        }
    }

    /// Every cue of a scanned draft, in order of their end.
    pub fn find(&self, scan: &Scan) -> Vec<Cue> {
        let t = scan.text();
        let mut cues = Vec::new();
        for m in self.public.find_iter(t) {
            if is_circumstantial(&t[..m.start()]) {
                continue;
            }
            let end = extend_over_proper_name(scan, m.end());
            cues.push(Cue {
                span: m.start()..end,
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
        for c in self.title.captures_iter(t) {
            let (whole, name) = (c.get(0).unwrap(), c.get(1).unwrap());
            if scan.is_capital_at(name.start()) && !inside_public(&whole.range()) {
                cues.push(Cue {
                    span: whole.range(),
                    owner: Owner::Person,
                    specific: true,
                });
            }
        }
        for c in self.possessive.captures_iter(t) {
            let whole = c.get(0).unwrap();
            // "votre bibliothèque": the place decides, it comes nearer.
            cues.push(Cue {
                span: whole.start()..c.get(1).map(|m| m.end()).unwrap_or(whole.end()),
                owner: Owner::Person,
                specific: c.get(3).is_some()
                    || (is_kin(c.get(2).map(|m| m.as_str()))
                        && !matches!(c.get(1).map(|m| m.as_str()), Some("votre" | "vos"))),
            });
        }
        for m in self.person_word.find_iter(t) {
            cues.push(Cue {
                span: m.range(),
                owner: Owner::Person,
                specific: false,
            });
        }
        for m in self.first_name.find_iter(t) {
            if scan.is_capital_at(m.start()) && !inside_public(&m.range()) {
                cues.push(Cue {
                    span: m.range(),
                    owner: Owner::Person,
                    specific: true,
                });
            }
        }
        cues.sort_by_key(|c| (c.span.end, c.span.start));
        cues
    }
}

/// A place named as a destination or a landmark ("un lift pour le CPE", "devant
/// l'aréna") does not own the number or the address that follows.
fn is_circumstantial(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || c == '\'')
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .collect();
    const ARTICLES: &[&str] = &["le", "la", "les", "l", "un", "une", "du", "de", "des", "d"];
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

fn is_kin(noun: Option<&str>) -> bool {
    noun.is_some_and(|n| crate::checks::confidential_data::lexicon::PERSON_NOUNS.contains(&n))
}

/// "aréna Jacques-Laperrière": the capitalised words after a place word are its name.
fn extend_over_proper_name(scan: &Scan, mut end: usize) -> usize {
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
        let finder = CueFinder::new(
            &["arena".to_string(), "cpe".to_string()],
            crate::checks::confidential_data::lexicon::PERSON_NOUNS,
            crate::checks::confidential_data::lexicon::FIRST_NAMES,
        );
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
        assert_eq!(
            owner("La bibliothèque prolonge ses heures. Info : 819-555-1234"),
            Owner::Unknown
        );
    }
}
