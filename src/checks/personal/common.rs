//! French helpers shared by the personal-account rules: sentences of the folded prose
//! and mentions of the organisation and of municipal matters. Opinion markers are in
//! [`super::opinion`], the disclaimer matcher in [`super::disclaimer`].
//!
//! Everything here reads folded text (lowercase, no accents, straight apostrophes, see
//! [`crate::text::Folded`]) and returns folded ranges; callers map them back to the
//! source with [`Folded::original`].

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use regex::Regex;

use crate::checks::Context;
use crate::draft::Draft;
use crate::policy::Organization;
use crate::text::phrases::words;
use crate::text::{Folded, PhraseSet, fold};

/// The body's prose, folded, cut into sentences.
pub struct Prose<'a> {
    source: &'a str,
    pub folded: Cow<'a, Folded>,
    /// Sentence ranges in `folded.text`, trimmed.
    pub sentences: Cow<'a, [Range<usize>]>,
    /// The draft's memo, when the prose is read by the checks.
    memo: Option<&'a crate::checks::Memo>,
}

impl<'a> Prose<'a> {
    /// The prose of a draft outside a check (`--fix`).
    pub fn new(draft: &'a Draft) -> Prose<'a> {
        let folded = Folded::new(&draft.prose, draft.body.clone());
        let sentences = sentences_of(&folded, &draft.source);
        Prose {
            source: &draft.source,
            folded: Cow::Owned(folded),
            sentences: Cow::Owned(sentences),
            memo: None,
        }
    }

    /// The prose of the draft a check reads, folded and cut once for all the rules.
    pub fn of(cx: &'a Context<'_>) -> Prose<'a> {
        Prose {
            source: &cx.draft.source,
            folded: Cow::Borrowed(cx.folded()),
            sentences: Cow::Borrowed(cx.sentences()),
            memo: Some(&cx.memo),
        }
    }

    pub fn text(&self, range: &Range<usize>) -> &str {
        &self.folded.text[range.clone()]
    }

    /// `prose[range]` for reading clauses: a capitalised "Est" inside a sentence is a
    /// compass point of a street name ("le café de la 1re Rue Est fait…", "boulevard
    /// Saint-Joseph Est"), not the verb, and is written "xst" (the same length: offsets
    /// stay those of [`Prose::text`]).
    pub fn clause_text(&self, range: &Range<usize>) -> Cow<'_, str> {
        let text = self.text(range);
        let mut out: Option<String> = None;
        for (i, _) in text.match_indices("est") {
            let at = range.start + i;
            let word_start = i == 0 || !text.as_bytes()[i - 1].is_ascii_alphanumeric();
            let word_end = !text
                .as_bytes()
                .get(i + 3)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-');
            if i > 0 && word_start && word_end && self.is_upper(at) {
                out.get_or_insert_with(|| text.to_string())
                    .replace_range(i..i + 1, "x");
            }
        }
        out.map_or(Cow::Borrowed(text), Cow::Owned)
    }

    /// True when the original character at a folded offset is a capital.
    pub fn is_upper(&self, at: usize) -> bool {
        self.folded.is_upper_at(self.source, at)
    }

    /// The mentions in `range`, as ranges relative to its start.
    pub fn mentions(&self, m: &Mentions, range: &Range<usize>) -> Vec<Range<usize>> {
        let find = || m.find(self.text(range), |i| self.is_upper(range.start + i));
        match self.memo {
            Some(memo) => memo.ranges(m.id, range, find),
            None => find(),
        }
    }

    pub fn mentions_any(&self, m: &Mentions, range: &Range<usize>) -> bool {
        !self.mentions(m, range).is_empty()
    }
}

/// Cuts text into sentences: at `.`, `!`, `?`, `…` followed by a space, and at line
/// breaks. Semicolons and colons do not end a sentence.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    sentences_cased(text, |_| false)
}

/// The sentences of a draft's folded prose, read with the capitals of its source.
pub fn sentences_of(folded: &Folded, source: &str) -> Vec<Range<usize>> {
    sentences_cased(&folded.text, |at| folded.is_upper_at(source, at))
}

/// [`sentences`], where `upper(at)` tells whether the character at `at` was a capital
/// before folding: an emoji followed by a capital ends a sentence too, as posts write
/// "On a hâte de voir ça 🙃 Nous autres, on préfère…".
pub fn sentences_cased(text: &str, upper: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    use crate::checks::special_characters::{is_emoji, is_joiner};
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            c if is_emoji(c) => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if is_emoji(d) || is_joiner(d) {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let rest = &text[end..];
                let next = rest.trim_start();
                let at = end + (rest.len() - next.len());
                (next.len() < rest.len()
                    && next.chars().next().is_some_and(char::is_alphabetic)
                    && upper(at))
                .then_some(end)
            }
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

/// Compiles an alternation of a profile's folded patterns into a regex on word
/// boundaries: a list too long for the regex engine's size limits is an error to
/// report, not a crash. (The built-in lexicons are [`super::lexicon::Lexicon`]s.)
pub fn try_word_regex(patterns: &[&str]) -> Result<Regex, regex::Error> {
    crate::text::user_regex(&format!(r"(?-u:\b)(?:{})(?-u:\b)", patterns.join("|")))
}

/// A profile setting that cannot be compiled.
pub fn too_large(key: &str, e: regex::Error) -> crate::checks::ParamError {
    crate::checks::ParamError {
        key: key.to_string(),
        message: format!("« {key} » ne peut pas être compilé ({e}) ; raccourcissez la liste"),
    }
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
///
/// The phrase sets are built on first use (a post that gives no opinion and no insult
/// never needs them) and once per organisation for all the rules that use them.
pub struct Mentions {
    /// Folded names, to tell "la ville de la sarre" from "la ville de montreal".
    names: Vec<String>,
    /// Folded aliases.
    aliases: Vec<String>,
    /// The profile's `topics`, when it gives some (a regex, as before: a list too long
    /// is reported when the profile is loaded).
    extra: Option<Regex>,
    sets: OnceLock<Arc<MentionSets>>,
    /// Names the settings above: two rules with the same find the same mentions.
    id: u64,
}

/// The phrase sets of one organisation.
struct MentionSets {
    /// Institutional names ("ville de la sarre", "cpe premier pas") and topics.
    phrases: PhraseSet,
    /// The articles and possessives of [`ARTICLES`].
    articles: PhraseSet,
    /// The institution words and the short aliases without their article: a mention is
    /// one of them right after an article (matched as two sets rather than one set of
    /// every pair, which cost a fifth of a one-post run's set building).
    heads: PhraseSet,
}

impl MentionSets {
    fn new(names: &[String], aliases: &[String]) -> MentionSets {
        let mut phrases = PhraseSet::default();
        for name in names.iter().filter(|n| !is_place_name(n, names)) {
            phrases.insert(name);
        }
        for topic in MUNICIPAL_TOPICS {
            phrases.insert(topic);
        }
        let mut heads: BTreeSet<&str> = INSTITUTION_WORDS.iter().copied().collect();
        for alias in aliases {
            let bare = strip_article(alias);
            if bare.contains(' ') || bare.len() > 12 {
                phrases.insert(bare);
            } else {
                heads.insert(bare);
            }
        }
        MentionSets {
            phrases,
            articles: PhraseSet::new(ARTICLES),
            heads: PhraseSet::new(heads),
        }
    }

    /// An article then an institution word, leftmost first and longest first, not
    /// overlapping: white space after an article, and after an elision none or some (the
    /// regex this replaced was `(?:la\s|l'|…)\s*(?:ville|…)`).
    fn institutions(&self, text: &str, words: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let longest = self
                .articles
                .lengths_at(text, words, i)
                .filter(|&n| {
                    let (article, head) = (&words[i + n - 1], words.get(i + n));
                    head.is_some_and(|head| {
                        let gap = &text[article.end..head.start];
                        let elided = text[..article.end].ends_with('\'');
                        (elided || !gap.is_empty())
                            && gap.chars().all(char::is_whitespace)
                            && self.heads.contains_word(&text[head.clone()])
                    })
                })
                .max();
            match longest {
                Some(n) => {
                    out.push(words[i].start..words[i + n].end);
                    i += n + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The sets of an organisation, built by the first rule that needs them.
    fn shared(names: &[String], aliases: &[String]) -> Arc<MentionSets> {
        type Cache = Vec<(Vec<String>, Vec<String>, Arc<MentionSets>)>;
        static CACHE: Mutex<Cache> = Mutex::new(Vec::new());
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, _, sets)) = cache.iter().find(|(n, a, _)| n == names && a == aliases) {
            return sets.clone();
        }
        let sets = Arc::new(MentionSets::new(names, aliases));
        cache.push((names.to_vec(), aliases.to_vec(), sets.clone()));
        sets
    }
}

impl Mentions {
    pub fn new(org: &Organization, extra_topics: &[String]) -> Result<Mentions, regex::Error> {
        let extra = if extra_topics.is_empty() {
            None
        } else {
            let topics: Vec<String> = extra_topics
                .iter()
                .map(|t| regex::escape(&fold(t)))
                .collect();
            let refs: Vec<&str> = topics.iter().map(String::as_str).collect();
            Some(try_word_regex(&refs)?)
        };
        let names = org.folded_names();
        let aliases: Vec<String> = org.aliases.iter().map(|a| fold(a)).collect();
        let id = {
            use std::hash::{Hash, Hasher};
            let mut h = std::hash::DefaultHasher::new();
            (&names, &aliases, extra.as_ref().map(Regex::as_str)).hash(&mut h);
            h.finish()
        };
        Ok(Mentions {
            names,
            aliases,
            extra,
            sets: OnceLock::new(),
            id,
        })
    }

    fn sets(&self) -> &MentionSets {
        self.sets
            .get_or_init(|| MentionSets::shared(&self.names, &self.aliases))
    }

    /// Folded ranges of the mentions in `text`; `upper(i)` says whether the original
    /// character at `text[i]` is a capital ("la ville de Montréal" names another town,
    /// "la Ville de fermer la piscine" does not).
    pub fn find(&self, text: &str, upper: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
        let glued = |r: &Range<usize>| text[..r.start].ends_with('-');
        let sets = self.sets();
        let words = words(text);
        let extra = self.extra.iter().flat_map(|r| find_words(r, text));
        let mut out: Vec<Range<usize>> = sets
            .phrases
            .find_in_words(text, &words)
            .into_iter()
            .chain(extra)
            .filter(|r| !glued(r))
            .collect();
        for m in sets.institutions(text, &words) {
            if glued(&m)
                || self.names_another_place(text, m.start, m.end, &upper)
                || names_territory(text, &m)
            {
                continue;
            }
            out.push(m);
        }
        out.sort_by_key(|r| r.start);
        out
    }

    /// True when the folded `text` names the organisation's town alone ("pour St-Urbain",
    /// "les employés de La Sarre"): a place, not the organisation, but a sign that a
    /// stance or a reassurance in the same sentence is said for it.
    pub fn names_town(&self, text: &str) -> bool {
        let bounded = |at: usize, end: usize| {
            let before = text[..at].chars().next_back();
            let after = text[end..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
        };
        self.names
            .iter()
            .filter(|n| is_place_name(n, &self.names))
            .any(|n| {
                text.match_indices(n.as_str())
                    .any(|(at, m)| bounded(at, at + m.len()))
            })
    }

    /// "la ville de Montréal", "le conseil d'établissement", "le conseil des ministres":
    /// an institution word followed by a complement that is not one of the
    /// organisation's names. After "ville" or "municipalité" only a capitalised
    /// complement is another town ("la Ville de fermer la piscine" is ours).
    fn names_another_place(
        &self,
        text: &str,
        start: usize,
        end: usize,
        upper: impl Fn(usize) -> bool,
    ) -> bool {
        let Some(rest) = text[end..].strip_prefix(' ') else {
            return false;
        };
        let Some(after) = ["de ", "d'", "du ", "des "]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
        else {
            return false;
        };
        let ours = self
            .names
            .iter()
            .any(|n| after.starts_with(n.as_str()) || after.starts_with(strip_article(n)));
        if ours {
            return false;
        }
        let town_word = ["ville", "municipalite"]
            .iter()
            .any(|w| text[start..end].ends_with(w));
        if town_word && !rest.starts_with("du ") && !rest.starts_with("des ") {
            upper(text.len() - after.len())
        } else {
            true
        }
    }
}

/// Whether a mention of "la ville" names the town as a territory, not the
/// organisation: "de l'autre bord de la ville", "au bout de la ville", "partout dans la
/// ville", "à travers la ville".
fn names_territory(text: &str, m: &Range<usize>) -> bool {
    /// A part of a place, before "de la ville".
    const PARTS: &[&str] = &[
        "bord",
        "bout",
        "cote",
        "centre",
        "coin",
        "quartier",
        "quartiers",
        "rues",
        "entree",
        "sortie",
        "extremite",
        "limite",
        "limites",
        "nord",
        "sud",
        "est",
        "ouest",
        "coeur",
        "milieu",
    ];
    if !text[m.clone()].ends_with("ville") {
        return false;
    }
    let before: Vec<&str> = text[..m.start].split_whitespace().rev().take(3).collect();
    let article = text[m.clone()].split_whitespace().next().unwrap_or("");
    match (article, before.as_slice()) {
        // "de la ville" after a part: "bord de la ville".
        ("de", [part, ..]) => PARTS.contains(&part.trim_start_matches("l'")),
        ("la", ["de", part, ..]) => PARTS.contains(&part.trim_start_matches("l'")),
        // "partout dans la ville", "à travers la ville", "dans toute la ville".
        ("la", ["dans", "partout", ..])
        | ("la", ["travers", ..])
        | ("la", ["toute", "dans", ..]) => true,
        _ => false,
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

/// True when `text[at..]` is preceded, within a few words, by a negation ("ne … pas",
/// "sans", "jamais"), or, in its clause, by the author denying being the one who can
/// speak: "je (ne) suis pas la bonne personne pour répondre au nom de la Ville".
pub fn negated_before(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let near = words
        .iter()
        .rev()
        .take(4)
        .any(|w| matches!(*w, "pas" | "sans" | "jamais" | "aucunement" | "ne" | "n'"));
    let clause = &before[before
        .rfind([',', ';', ':', '.', '!', '?'])
        .map_or(0, |i| i + 1)..];
    let not_me = ["je suis pas ", "je ne suis pas ", "j'suis pas "]
        .iter()
        .any(|p| clause.contains(p))
        && [" pour ", " qui peut ", " autorise"]
            .iter()
            .any(|p| clause.contains(p));
    near || not_me
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
            .mentions(&Mentions::new(&la_sarre(), &[]).unwrap(), &all)
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
    fn an_emoji_before_a_capital_ends_a_sentence() {
        let t =
            "On a hâte de voir ça 🙃 Nous autres, on préfère le parc 🌳 avec les enfants 👨‍👩‍👧 Merci!";
        let upper = |at: usize| t[at..].starts_with(char::is_uppercase);
        let s: Vec<&str> = sentences_cased(t, upper)
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(
            s,
            [
                "On a hâte de voir ça 🙃",
                "Nous autres, on préfère le parc 🌳 avec les enfants 👨‍👩‍👧",
                "Merci!"
            ]
        );
        // Without the capitals (folded text alone), the emoji stays inside.
        assert_eq!(sentences(t).len(), 1);
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
        assert!(found("Le conseil d'établissement de l'école a voté.").is_empty());
        assert!(found("Le conseil des ministres siège à Québec.").is_empty());
        assert_eq!(found("Le conseil a voté la hausse."), ["le conseil"]);
        // The town as a territory.
        assert!(found("Aller travailler de l'autre bord de la ville, c'est long.").is_empty());
        assert!(found("Des cônes partout dans la ville et au bout de la ville").is_empty());
        assert_eq!(found("Le budget de la Ville a doublé."), ["de la ville"]);
        assert_eq!(found("Le coin de rue que la Ville a refait."), ["la ville"]);
    }
}
