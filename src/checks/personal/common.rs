//! French helpers shared by the personal-account rules: sentences of the folded prose,
//! mentions of the organisation and of municipal matters, opinion markers, and the
//! tolerant matching of a disclaimer ("mise en garde").
//!
//! Everything here reads folded text (lowercase, no accents, straight apostrophes, see
//! [`crate::text::Folded`]) and returns folded ranges; callers map them back to the
//! source with [`Folded::original`].

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::draft::Draft;
use crate::policy::Organization;
use crate::text::{Folded, fold, is_whole_word};

/// The body's prose, folded, cut into sentences.
pub struct Prose<'a> {
    source: &'a str,
    pub folded: Folded,
    /// Sentence ranges in `folded.text`, trimmed.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Prose<'a> {
    pub fn new(draft: &'a Draft) -> Prose<'a> {
        let folded = Folded::new(&draft.prose, draft.body.clone());
        let sentences = sentences(&folded.text);
        Prose {
            source: &draft.source,
            folded,
            sentences,
        }
    }

    pub fn text(&self, range: &Range<usize>) -> &str {
        &self.folded.text[range.clone()]
    }

    /// True when the original character at a folded offset is a capital.
    pub fn is_upper(&self, at: usize) -> bool {
        if at >= self.folded.text.len() {
            return false;
        }
        let o = self.folded.original(at..at + 1).start;
        self.source[o..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// The mentions in `range`, as ranges relative to its start.
    pub fn mentions(&self, m: &Mentions, range: &Range<usize>) -> Vec<Range<usize>> {
        m.find(self.text(range), |i| self.is_upper(range.start + i))
    }

    pub fn mentions_any(&self, m: &Mentions, range: &Range<usize>) -> bool {
        !self.mentions(m, range).is_empty()
    }
}

/// Cuts text into sentences: at `.`, `!`, `?`, `…` followed by a space, and at line
/// breaks. Semicolons and colons do not end a sentence.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | '…' => {
                // Keep runs of punctuation ("?!", "...") in the sentence.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if matches!(d, '.' | '!' | '?' | '…' | '»' | '"' | ')') {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                match chars.peek() {
                    None => Some(end),
                    Some(&(_, d)) if d.is_whitespace() => Some(end),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(end) = end {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let r = crate::draft::trim_range(text, range);
    if text[r.clone()].chars().any(char::is_alphanumeric) {
        out.push(r);
    }
}

/// True when `range` overlaps one of `ranges`.
pub fn overlaps_any(range: &Range<usize>, ranges: &[Range<usize>]) -> bool {
    ranges
        .iter()
        .any(|r| r.start < range.end && range.start < r.end)
}

/// Compiles an alternation of folded patterns into a regex on word boundaries (a
/// pattern may end with an apostrophe: "qu'" matches before "il").
pub fn word_regex(patterns: &[&str]) -> Regex {
    Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", patterns.join("|"))).expect("lexicon regex")
}

/// The ranges of every match of a regex.
pub fn find_words(re: &Regex, text: &str) -> Vec<Range<usize>> {
    re.find_iter(text).map(|m| m.range()).collect()
}

// --- The organisation and municipal matters ---------------------------------------

/// Words that, after an article ("la Ville", "au CPE"), name the organisation.
const INSTITUTION_WORDS: &[&str] = &[
    "ville",
    "municipalite",
    "mairie",
    "paroisse",
    "cpe",
    "garderie",
    "conseil",
    "employeur",
];

/// Articles and possessives that make an institution word name the organisation.
const ARTICLES: &[&str] = &[
    "la", "le", "l'", "du", "au", "a la", "de la", "mon", "notre",
];

/// Municipal matters: the administration, the council, taxes, by-laws, services.
const MUNICIPAL_TOPICS: &[&str] = &[
    "conseil municipal",
    "conseil de ville",
    "seance du conseil",
    "seances du conseil",
    "le maire",
    "la mairesse",
    "du maire",
    "au maire",
    "notre maire",
    "notre mairesse",
    "les elus",
    "nos elus",
    "des elus",
    "elus municipaux",
    "conseillers municipaux",
    "conseiller municipal",
    "conseillere municipale",
    "conseilleres municipales",
    "administration municipale",
    "taxes municipales",
    "taxe municipale",
    "compte de taxes",
    "comptes de taxes",
    "hausse de taxes",
    "hausse des taxes",
    "taxe fonciere",
    "taxes foncieres",
    "budget municipal",
    "reglement municipal",
    "reglements municipaux",
    "reglement de zonage",
    "changement de zonage",
    "travaux publics",
    "deneigement",
    "hotel de ville",
    "employes municipaux",
    "cols bleus",
    "piscine municipale",
    "bibliotheque municipale",
    "mon employeur",
    "service des loisirs",
    "service d'urbanisme",
    "service de l'urbanisme",
    "service des travaux publics",
    "service des finances",
    "service des ressources humaines",
    "service de securite incendie",
    "service des incendies",
    "service du greffe",
    "service des communications",
];

/// Finds mentions of the organisation (its names and aliases, an article with an
/// institution word) and of municipal matters in folded text.
pub struct Mentions {
    /// Institutional names ("ville de la sarre", "cpe premier pas") and topics.
    phrases: Regex,
    /// An article followed by an institution word or an alias without its article.
    institution: Regex,
    /// Folded names, to tell "la ville de la sarre" from "la ville de montreal".
    names: Vec<String>,
}

impl Mentions {
    pub fn new(org: &Organization, extra_topics: &[String]) -> Mentions {
        let names: Vec<String> = org.names.iter().map(|n| fold(n)).collect();
        let mut phrases: Vec<String> = names
            .iter()
            .filter(|n| !is_place_name(n, &names))
            .cloned()
            .collect();
        phrases.extend(MUNICIPAL_TOPICS.iter().map(|s| s.to_string()));
        phrases.extend(extra_topics.iter().map(|s| fold(s)));
        let mut heads: HashSet<String> = INSTITUTION_WORDS.iter().map(|s| s.to_string()).collect();
        for alias in &org.aliases {
            let a = fold(alias);
            let bare = strip_article(&a);
            if bare.contains(' ') || bare.len() > 12 {
                phrases.push(bare.to_string());
            } else {
                heads.insert(bare.to_string());
            }
        }
        let phrases: Vec<String> = phrases.iter().map(|p| regex::escape(p)).collect();
        let mut heads: Vec<String> = heads.iter().map(|h| regex::escape(h)).collect();
        heads.sort();
        let articles: Vec<String> = ARTICLES.iter().map(|a| regex::escape(a)).collect();
        let institution = format!(
            r"(?:{})\s*(?:{})",
            articles
                .iter()
                .map(|a| if a.ends_with('\'') {
                    a.clone()
                } else {
                    format!("{a}\\s")
                })
                .collect::<Vec<_>>()
                .join("|"),
            heads.join("|")
        );
        let phrase_refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
        Mentions {
            phrases: word_regex(&phrase_refs),
            institution: word_regex(&[institution.as_str()]),
            names,
        }
    }

    /// Folded ranges of the mentions in `text`; `upper(i)` says whether the original
    /// character at `text[i]` is a capital ("la ville de Montréal" names another town,
    /// "la Ville de fermer la piscine" does not).
    pub fn find(&self, text: &str, upper: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
        let glued = |r: &Range<usize>| text[..r.start].ends_with('-');
        let mut out: Vec<Range<usize>> = find_words(&self.phrases, text)
            .into_iter()
            .filter(|r| !glued(r))
            .collect();
        for m in find_words(&self.institution, text) {
            if glued(&m) || self.names_another_place(text, m.end, &upper) {
                continue;
            }
            out.push(m);
        }
        out.sort_by_key(|r| r.start);
        out
    }

    /// "la ville de Montréal", "le conseil des ministres": an institution word followed
    /// by a complement that is not one of the organisation's names.
    fn names_another_place(&self, text: &str, end: usize, upper: impl Fn(usize) -> bool) -> bool {
        let Some(rest) = text[end..].strip_prefix(' ') else {
            return false;
        };
        if rest.starts_with("du ") || rest.starts_with("des ") {
            return true;
        }
        let Some(after) = ["de ", "d'"].iter().find_map(|p| rest.strip_prefix(p)) else {
            return false;
        };
        let ours = self
            .names
            .iter()
            .any(|n| after.starts_with(n.as_str()) || after.starts_with(strip_article(n)));
        let at = text.len() - after.len();
        !ours && upper(at)
    }
}

/// A bare town name ("la sarre") contained in an institutional name ("ville de la
/// sarre"): a place, which alone does not name the organisation.
fn is_place_name(name: &str, names: &[String]) -> bool {
    names.iter().any(|other| {
        other != name
            && other.ends_with(name)
            && ["ville ", "municipalite ", "corporation ", "paroisse "]
                .iter()
                .any(|p| other.starts_with(p))
    })
}

fn strip_article(s: &str) -> &str {
    for a in ["la ", "le ", "les ", "l'"] {
        if let Some(rest) = s.strip_prefix(a) {
            return rest;
        }
    }
    s
}

// --- Opinions ------------------------------------------------------------------------

/// First-person judgements and evaluative words, folded. Kept narrow: "je pense que je
/// vais…", "il faut s'inscrire", "personnellement livrer", "un chapeau", "la
/// catastrophe", "le gaspillage alimentaire" are not opinions.
const OPINION_MARKERS: &[&str] = &[
    r"je (?:pense|crois|trouve|estime|considere|juge|trouvais|pensais|doute) qu(?:e|')",
    r"j'(?:estime|considere|imagine mal) qu(?:e|')",
    r"je (?:le|la|les) (?:trouve|trouvais|juge|considere)",
    r"je trouve (?:ca|cela|dommage|triste|regrettable|inacceptable|ridicule|deplorable|bizarre|excellent|excellente|genial|formidable|bien|tres|vraiment|super|plate|decevant|decevante|honteux|normal|anormal|injuste|le|la|les|leur|leurs|son|sa|ses)",
    r"a mon (?:avis|sens)",
    r"selon moi",
    r"d'apres moi",
    r"personnellement, \w+",
    r"je (?:suis|reste|demeure) (?:pour|contre|d'accord|en desaccord|decu|decue|choque|choquee|outre|outree|indigne|indignee|sceptique|favorable|defavorable|convaincu|convaincue|inquiet|inquiete|tanne|tannee|ecoeure|ecoeuree|pas d'accord|loin d'etre)",
    r"je suis (?:fier|fiere|content|contente|heureux|heureuse|ravi|ravie) qu(?:e|')",
    r"je ne suis pas (?:d'accord|convaincu|convaincue|favorable|content|contente|fier|fiere)",
    r"j'(?:aime|adore|deteste|approuve|desapprouve|appuie|apprecie|deplore|denonce|regrette)",
    r"j'ai (?:aime|adore|deteste|apprecie|trouve)",
    r"je (?:deplore|denonce|regrette|questionne|remets en question)",
    r"je salue (?:le|la|l'|les) (?:travail|decision|initiative|effort|efforts|courage|geste|ouverture|leadership|engagement|choix)",
    r"je n'(?:aime|apprecie|approuve|accepte|comprends) pas",
    r"je ne comprends pas (?:pourquoi|comment|qu(?:e|'))",
    r"j'ai honte",
    r"il (?:faudrait|faut absolument|est temps|serait temps) qu(?:e|')",
    r"il etait temps",
    r"(?:aurait|auraient) (?:du|pu|mieux fait)",
    r"bravo",
    r"chapeau (?:a|au|aux|bas)",
    r"felicitations",
    r"je (?:felicite|tiens a feliciter)",
    r"honte",
    r"honteux",
    r"honteuse",
    r"scandale",
    r"scandaleux",
    r"scandaleuse",
    r"ridicules?",
    r"inacceptable",
    r"inadmissible",
    r"deplorable",
    r"lamentable",
    r"decevant",
    r"decevante",
    r"aberrant",
    r"aberrante",
    r"absurde",
    r"insense",
    r"insensee",
    r"incompetent",
    r"incompetents",
    r"incompetente",
    r"incompetence",
    r"(?:quel|un|c'est du|pur) gaspillage",
    r"gaspillage (?:de fonds|d'argent|de temps|de ressources)",
    r"n'importe quoi",
    r"non-sens",
    r"(?:n'a|n'ont|ca n'a) (?:pas|aucun) (?:de |d')?(?:bon )?sens",
    r"aucun (?:bon )?sens",
    r"pas de bon sens",
    r"pas normal",
    r"injuste",
    r"bonne decision",
    r"excellente decision",
    r"sage decision",
    r"mauvaise decision",
    r"bonne idee",
    r"excellente idee",
    r"mauvaise idee",
    r"belle initiative",
    r"excellente initiative",
    r"beau travail",
    r"bon travail",
    r"du beau travail",
    r"mal gere",
    r"mal geree",
    r"mal geres",
    r"trop cher",
    r"catastrophique",
    r"(?:fait|font) fausse route",
    r"(?:a|ont) (?:raison|tort) de",
];

/// Congratulations: an opinion on the organisation only when it is the recipient
/// ("bravo à la Ville"), not when it merely appears ("bravo aux jeunes du camp de jour
/// de la Ville").
pub static CONGRATULATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:bravo|chapeau (?:a|au|aux|bas)|felicitations|je (?:felicite|tiens a feliciter))$",
    )
    .expect("congratulation")
});

/// Who is congratulated: the organisation, its council, its staff.
pub static ORG_RECIPIENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ ,:]*(?:a |au |aux |a l'|a la )?(?:toute |tout |les |la |le |l'|nos |notre |mes )?(?:ville|municipalite|conseil|elus|maire|mairesse|equipes?|employes|personnel|cols bleus|cols blancs|travaux publics|services?|cpe|direction|administration|garderie|organisation)(?-u:\b)",
    )
    .expect("recipient")
});

/// "je pense que je vais…", "je crois que c'est à 19 h": intention or belief on a
/// fact, not a judgement.
pub static NOT_A_JUDGEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:je |j'|nous allons|on va|c'est a |ca commence|ce sera a)")
        .expect("intention")
});

/// What follows a congratulation when it names no recipient ("Bravo!").
pub static NO_RECIPIENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[!.…]|$)").expect("no recipient"));

pub static OPINION: LazyLock<Regex> = LazyLock::new(|| word_regex(OPINION_MARKERS));

// --- The disclaimer ----------------------------------------------------------------

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
        "person" => "PERS",
        "repres" | "reflet" | "reflèt" => "REPR",
        "exprim" | "ecris" | "partag" => "EXPR",
        "engage" | "engag" => "ENGAG",
        _ => return Some(stem),
    };
    Some(token.to_string())
}

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}+|\p{N}+").expect("word"));

/// The disclaimer tokens of folded text.
fn tokens(text: &str) -> Vec<String> {
    let mut previous = "";
    let mut out = Vec::new();
    for m in WORD.find_iter(text) {
        let word = m.as_str();
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
static FIRST_PERSON: LazyLock<Regex> =
    LazyLock::new(|| word_regex(&["je", "j'", "mon", "ma", "mes", "moi", "m'"]));

/// Dissociation: the opinions are not the organisation's, or only the author's.
static DISSOCIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:pas|non|aucunement|nullement|n'engage\w*|ne sont que|n'est que|qu'a moi|que moi|que ma personne|uniquement|seulement|strictement|a titre personnel|en mon nom personnel)(?-u:\b)",
    )
    .expect("dissociation")
});

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
        if !own.contains("OPIN") || !(own.contains("PERS") || FIRST_PERSON.is_match(text)) {
            return false;
        }
        let dissociates = DISSOCIATION.is_match(text);
        self.phrases.iter().any(|phrase| {
            let shared = own.intersection(phrase).count();
            let of_phrase = shared as f64 / phrase.len() as f64;
            // A short statement made only of the phrase's words ("Ceci est mon opinion
            // personnelle.") is a disclaimer too.
            let only_phrase_words = shared == own.len() && own.contains("PERS") && shared >= 2;
            (dissociates && shared >= 3 && of_phrase >= self.min_overlap) || only_phrase_words
        })
    }

    /// Folded ranges of the sentences (or pairs of sentences) that are disclaimers.
    pub fn find(&self, prose: &Prose) -> Vec<Range<usize>> {
        let s = &prose.sentences;
        let single: Vec<bool> = s.iter().map(|r| self.matches(prose.text(r))).collect();
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

/// The sentences outside the disclaimers, with the mentions each holds.
pub fn sentences_outside(prose: &Prose, disclaimers: &[Range<usize>]) -> Vec<Range<usize>> {
    prose
        .sentences
        .iter()
        .filter(|s| !overlaps_any(s, disclaimers))
        .cloned()
        .collect()
}

/// True when `text[range]` is preceded, within a few words, by a negation ("ne … pas",
/// "sans", "jamais").
pub fn negated_before(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .rev()
        .take(4)
        .any(|w| matches!(*w, "pas" | "sans" | "jamais" | "aucunement" | "ne" | "n'"))
}

/// Whole-word check on folded text (re-exported for the rules).
pub fn whole(text: &str, range: &Range<usize>) -> bool {
    is_whole_word(text, range)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn la_sarre() -> Organization {
        Organization {
            names: vec!["Ville de La Sarre".into(), "La Sarre".into()],
            aliases: vec!["la Ville".into(), "le conseil municipal".into()],
            ..Organization::default()
        }
    }

    fn found(text: &str) -> Vec<String> {
        let draft = Draft::parse("t.md", text.into(), crate::draft::Format::Text).unwrap();
        let prose = Prose::new(&draft);
        let all = 0..prose.folded.text.len();
        prose
            .mentions(&Mentions::new(&la_sarre(), &[]), &all)
            .into_iter()
            .map(|r| prose.folded.text[r].to_string())
            .collect()
    }

    #[test]
    fn sentences_split_at_end_punctuation_and_lines() {
        let t = "Bonjour. Ça va?! Oui…\nNon; peut-être 3.5 fois";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            ["Bonjour.", "Ça va?!", "Oui…", "Non; peut-être 3.5 fois"]
        );
    }

    #[test]
    fn the_organisation_is_found_by_alias_and_institutional_name() {
        assert_eq!(
            found("Merci à la Ville de La Sarre"),
            ["a la ville", "ville de la sarre"]
        );
        assert_eq!(
            found("Le budget du conseil municipal"),
            ["du conseil", "conseil municipal"]
        );
        assert_eq!(found("La décision de la Ville"), ["de la ville"]);
        assert_eq!(found("La Ville de fermer la piscine"), ["la ville"]);
    }

    #[test]
    fn other_towns_and_places_are_not_the_organisation() {
        assert!(found("J'ai visité la ville de Montréal").is_empty());
        assert!(found("Souper au centre-ville de La Sarre, en ville").is_empty());
        assert!(found("Belle soirée à La Sarre").is_empty());
    }

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
