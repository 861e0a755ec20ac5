//! The lexicon of `offensive-language`: loading the embedded list (`lexicon.txt`), the
//! profile's additions and removals, and matching it on the words of a paragraph with
//! the context each entry asks for.

use std::collections::{HashMap, HashSet};

use super::words::{Word, expand, words};
use crate::text::fold;

/// What an offensive word is; the order is the precedence when findings merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Sacre,
    Vulgarity,
    Custom,
    Insult,
    Slur,
    Threat,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Sacre => "sacre",
            Kind::Vulgarity => "vulgarity",
            Kind::Custom => "custom",
            Kind::Insult => "insult",
            Kind::Slur => "slur",
            Kind::Threat => "threat",
        }
    }
}

/// The context an entry needs to be offensive (see `lexicon.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Any,
    Swear,
    Trigger,
    Copula,
    Prenoun,
    Allow,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub words: Vec<String>,
    pub kind: Kind,
    pub mode: Mode,
    pub mild: bool,
}

/// A match: words `start..end` of the paragraph, or one part of a compound word.
#[derive(Debug, Clone)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// Folded byte range.
    pub range: std::ops::Range<usize>,
    pub kind: Kind,
    pub mild: bool,
}

pub struct Lexicon {
    by_first: HashMap<String, Vec<Entry>>,
    /// Single-word sacres: "<sacre> de" introduces an insult.
    sacres: HashSet<String>,
}

const BUILTIN: &str = include_str!("lexicon.txt");

const DETERMINERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "au",
    "aux",
    "ce",
    "cet",
    "cette",
    "ces",
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "son",
    "sa",
    "ses",
    "notre",
    "nos",
    "votre",
    "vos",
    "leur",
    "leurs",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "chaque",
    "plusieurs",
];

/// Nouns that follow "calice de", "tabernacle de"… in a description of the object.
const MATERIALS: &[&str] = &[
    "bois", "or", "argent", "vermeil", "bronze", "cuivre", "etain", "pierre", "marbre", "verre",
    "cristal", "laiton", "fer", "pain", "granit", "beton", "chene", "noyer", "pin", "erable",
];

/// Words between an insult trigger and the insult: "t'es (vraiment) un (gros) cave".
const FILLERS: &[&str] = &[
    "tous",
    "toutes",
    "vrai",
    "vraie",
    "vrais",
    "vraies",
    "un",
    "une",
    "des",
    "juste",
    "vraiment",
    "rien",
    "qu'",
    "ben",
    "bien",
    "tellement",
    "donc",
    "assez",
    "gros",
    "grosse",
    "grosses",
    "vieux",
    "vieille",
    "vieilles",
    "petit",
    "petite",
    "petits",
    "petites",
    "pas",
    "mal",
];

/// Words after "maudit" that show it is not before a noun ("maudite soit…").
const NOT_NOUNS: &[&str] = &[
    "soit", "sois", "soient", "de", "d'", "des", "du", "par", "et", "ou", "a", "en", "pour", "qui",
    "que", "qu'", "dans", "sur", "au", "aux", "le", "la", "les", "l'", "est", "sont", "il", "elle",
    "ils", "elles", "depuis", "avec", "sans", "chez",
];

/// Peoples and groups: an insult aimed at one of them is discriminatory.
const GROUPS: &[&str] = &[
    "autochtones",
    "indiens",
    "amerindiens",
    "inuits",
    "immigrants",
    "immigres",
    "refugies",
    "arabes",
    "noirs",
    "juifs",
    "musulmans",
    "chinois",
    "asiatiques",
    "haitiens",
    "mexicains",
    "africains",
    "anglais",
    "anglos",
    "francais",
    "gais",
    "gays",
    "lesbiennes",
    "homosexuels",
    "trans",
    "femmes",
    "handicapes",
    "aines",
    "assistes",
];

/// "maudit bon", "maudite belle": an intensifier, familiar but not an insult.
const PRAISE: &[&str] = &[
    "bon",
    "bonne",
    "bons",
    "bonnes",
    "beau",
    "belle",
    "beaux",
    "belles",
    "fin",
    "fine",
    "fins",
    "fines",
    "chanceux",
    "chanceuse",
];

impl Lexicon {
    /// The built-in lexicon, with the profile's words added and removed.
    pub fn new(add: &[String], remove: &[String]) -> Lexicon {
        let mut entries = parse(BUILTIN);
        for a in add {
            for form in expand(a.trim()) {
                entries.push(Entry {
                    words: tokens(&form),
                    kind: Kind::Custom,
                    mode: Mode::Any,
                    mild: false,
                });
            }
        }
        let removed: HashSet<Vec<String>> = remove
            .iter()
            .flat_map(|r| expand(r.trim()))
            .map(|f| tokens(&f))
            .collect();
        entries.retain(|e| e.mode == Mode::Allow || !removed.contains(&e.words));
        let sacres = entries
            .iter()
            .filter(|e| e.kind == Kind::Sacre && e.words.len() == 1)
            .map(|e| e.words[0].clone())
            .collect();
        let mut by_first: HashMap<String, Vec<Entry>> = HashMap::new();
        for e in entries.into_iter().filter(|e| !e.words.is_empty()) {
            by_first.entry(e.words[0].clone()).or_default().push(e);
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        Lexicon { by_first, sacres }
    }

    fn is_entry(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|l| l.iter().any(|e| e.mode != Mode::Allow))
    }

    /// The offensive words of one paragraph. `capital(i)` tells whether word `i` starts
    /// with a capital in the original text (a proper noun after "de").
    pub fn find(&self, ws: &[Word], capital: &dyn Fn(usize) -> bool) -> Vec<Hit> {
        let mut allowed = vec![false; ws.len()];
        for i in 0..ws.len() {
            for e in self.entries_at(ws, i).filter(|e| e.mode == Mode::Allow) {
                allowed[i..i + e.words.len()].fill(true);
            }
        }
        let mut hits = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            if allowed[i] {
                i += 1;
                continue;
            }
            let found = self
                .entries_at(ws, i)
                .filter(|e| e.mode != Mode::Allow)
                .find_map(|e| self.in_context(ws, i, e, capital).map(|mild| (e, mild)));
            if let Some((e, mild)) = found {
                let end = i + e.words.len();
                hits.push(Hit {
                    start: i,
                    end,
                    range: ws[i].range.start..ws[end - 1].range.end,
                    kind: e.kind,
                    mild: mild || e.mild,
                });
                i = end;
                continue;
            }
            hits.extend(self.compound_parts(&ws[i], i));
            i += 1;
        }
        let mut hits = merge(hits, ws);
        for h in &mut hits {
            let from = h.start.saturating_sub(8);
            if matches!(h.kind, Kind::Insult | Kind::Threat)
                && ws[from..h.start]
                    .iter()
                    .any(|w| GROUPS.contains(&w.text.as_str()))
            {
                h.kind = Kind::Slur; // "les immigrants, c'est tous des parasites"
            }
        }
        hits
    }

    fn entries_at<'a>(&'a self, ws: &'a [Word], i: usize) -> impl Iterator<Item = &'a Entry> {
        self.by_first
            .get(&ws[i].text)
            .into_iter()
            .flatten()
            .filter(move |e| {
                i + e.words.len() <= ws.len()
                    && e.words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| ws[i + k].text == *w && (k == 0 || !ws[i + k].break_before))
            })
    }

    /// A sacre glued into a compound ("tabarnak-là"): places and saints never are.
    fn compound_parts(&self, w: &Word, i: usize) -> Vec<Hit> {
        if !w.text.contains('-') {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut at = w.range.start;
        for part in w.text.split('-') {
            let entry = self.by_first.get(part).and_then(|l| {
                l.iter()
                    .find(|e| e.words.len() == 1 && e.kind == Kind::Sacre && e.mode == Mode::Any)
            });
            if let Some(e) = entry {
                out.push(Hit {
                    start: i,
                    end: i + 1,
                    range: at..at + part.len(),
                    kind: e.kind,
                    mild: e.mild,
                });
            }
            at += part.len() + 1;
        }
        out
    }

    /// `Some(mild)` when entry `e` at word `i` is offensive in its context.
    fn in_context(
        &self,
        ws: &[Word],
        i: usize,
        e: &Entry,
        capital: &dyn Fn(usize) -> bool,
    ) -> Option<bool> {
        let ok = match e.mode {
            Mode::Any => true,
            Mode::Swear => self.is_swear(ws, i, capital),
            Mode::Trigger => self.strong_trigger(ws, i),
            Mode::Copula => self.strong_trigger(ws, i) || weak_trigger(ws, i),
            Mode::Prenoun => return prenoun(ws, i),
            Mode::Allow => false,
        };
        ok.then_some(false)
    }

    /// A religious or literal word used as a sacre.
    fn is_swear(&self, ws: &[Word], i: usize, capital: &dyn Fn(usize) -> bool) -> bool {
        let prev = prev(ws, i);
        if prev == Some("en") {
            return true; // "frette en calice"
        }
        if matches!(prev, Some("de" | "d'"))
            && prev2(ws, i).is_some_and(|w| self.sacres.contains(w))
        {
            return true; // "ostie de calice"
        }
        let starts = i == 0 || ws[i].break_before;
        if starts && ws[i].bang_after {
            return true; // "Calvaire !"
        }
        let next = ws.get(i + 1).filter(|w| !w.break_before);
        if starts && next.is_some_and(|w| w.text == "que" || w.text == "qu'") {
            return true; // "Câlice que c'est long"
        }
        let noun = ws.get(i + 2).filter(|w| !w.break_before);
        if let (true, Some(noun)) = (next.is_some_and(|w| w.text == "de" || w.text == "d'"), noun) {
            let n = noun.text.as_str();
            if self.is_entry(n) {
                return true; // "un hostie de cave"
            }
            let bare = !DETERMINERS.contains(&n)
                && !MATERIALS.contains(&n)
                && !n.starts_with(|c: char| c.is_ascii_digit())
                && !capital(i + 2);
            let determined = prev.is_some_and(|p| DETERMINERS.contains(&p));
            return bare && !determined; // "hostie de gang", not "le calice de bois"
        }
        false
    }

    /// "espèce de", "gang de", "bande de", "t'es", "tu es", "vous êtes", "maudit",
    /// "sale", "<sacre> de", before the word, fillers ("un", "vraiment", "gros") skipped.
    fn strong_trigger(&self, ws: &[Word], i: usize) -> bool {
        let mut k = i;
        while k > 0
            && !ws[k].break_before
            && FILLERS.contains(&ws[k - 1].text.as_str())
            && i - k < 4
        {
            k -= 1;
        }
        if k == 0 || ws[k].break_before {
            return false;
        }
        let p = ws[k - 1].text.as_str();
        let p2 = if k >= 2 && !ws[k - 1].break_before {
            Some(ws[k - 2].text.as_str())
        } else {
            None
        };
        match p {
            "de" | "d'" => p2.is_some_and(|w| {
                matches!(w, "espece" | "gang" | "bande" | "tas" | "gagne")
                    || self.sacres.contains(w)
            }),
            "maudit" | "maudite" | "maudits" | "maudites" | "sale" | "sales" => true,
            "es" => matches!(p2, Some("t'" | "tu")),
            "etes" => p2 == Some("vous"),
            _ => false,
        }
    }
}

/// "gros menteur", "c'est un clown", "sont des voleurs", unless "à" or "de" follows
/// ("un clown de fête").
fn weak_trigger(ws: &[Word], i: usize) -> bool {
    let next = ws.get(i + 1).filter(|w| !w.break_before);
    if next.is_some_and(|w| {
        matches!(
            w.text.as_str(),
            "a" | "de" | "d'" | "du" | "des" | "au" | "aux"
        )
    }) {
        return false;
    }
    // "gros menteur", "des vrais bouffons"
    if matches!(
        prev(ws, i),
        Some("gros" | "grosse" | "grosses" | "vrai" | "vraie" | "vrais" | "vraies")
    ) {
        return true;
    }
    // "est un (vrai) menteur", "sont des (beaux) clowns", "y'a juste des épais", "rien
    // que des menteurs": a copula (or "juste", "que"), an article, fillers.
    let copula = |k: usize| {
        prev(ws, k)
            .is_some_and(|p| matches!(p, "est" | "es" | "sont" | "etes" | "juste" | "que" | "qu'"))
    };
    let mut k = i;
    let mut article = false;
    while k > 0 && !ws[k].break_before && FILLERS.contains(&ws[k - 1].text.as_str()) && i - k < 4 {
        article |= matches!(ws[k - 1].text.as_str(), "un" | "une" | "des");
        k -= 1;
        if article && copula(k) {
            return true;
        }
    }
    false
}

/// "maudit" before a noun: `Some(mild)` (mild before "bon", "belle"…).
fn prenoun(ws: &[Word], i: usize) -> Option<bool> {
    let next = ws.get(i + 1).filter(|w| !w.break_before)?;
    if NOT_NOUNS.contains(&next.text.as_str()) {
        return None;
    }
    let starts = i == 0 || ws[i].break_before;
    let after_det = prev(ws, i).is_some_and(|p| DETERMINERS.contains(&p) || p == "de" || p == "d'");
    (starts || after_det).then(|| PRAISE.contains(&next.text.as_str()))
}

fn prev(ws: &[Word], i: usize) -> Option<&str> {
    (i > 0 && !ws[i].break_before).then(|| ws[i - 1].text.as_str())
}

fn prev2(ws: &[Word], i: usize) -> Option<&str> {
    (i > 1 && !ws[i].break_before && !ws[i - 1].break_before).then(|| ws[i - 2].text.as_str())
}

/// Joins hits that touch or are linked by "de" ("maudit cave", "ostie de calice") into
/// one, of the most serious kind.
fn merge(mut hits: Vec<Hit>, ws: &[Word]) -> Vec<Hit> {
    hits.sort_by_key(|h| (h.range.start, h.range.end));
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        if let Some(last) = out.last_mut() {
            let linked = h.start <= last.end
                || (h.start == last.end + 1
                    && matches!(ws[last.end].text.as_str(), "de" | "d'")
                    && !ws[last.end].break_before
                    && !ws[h.start].break_before);
            let touching = h.start == last.end && !ws[h.start].break_before;
            if (linked || touching) && h.range.start >= last.range.start {
                last.end = last.end.max(h.end);
                last.range.end = last.range.end.max(h.range.end);
                last.kind = last.kind.max(h.kind);
                last.mild &= h.mild;
                continue;
            }
        }
        out.push(h);
    }
    out
}

fn tokens(form: &str) -> Vec<String> {
    words(&fold(form)).into_iter().map(|w| w.text).collect()
}

fn parse(source: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut section: Option<(Kind, Mode, bool)> = None;
    for line in source.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(head) = line.strip_prefix('[') {
            let parts: Vec<&str> = head.trim_end_matches(']').split_whitespace().collect();
            section = Some(match parts.as_slice() {
                ["allow"] => (Kind::Custom, Mode::Allow, false),
                [kind, mode, rest @ ..] => (
                    match *kind {
                        "sacre" => Kind::Sacre,
                        "vulgarity" => Kind::Vulgarity,
                        "insult" => Kind::Insult,
                        "slur" => Kind::Slur,
                        "threat" => Kind::Threat,
                        other => panic!("lexicon: unknown kind {other}"),
                    },
                    match *mode {
                        "any" => Mode::Any,
                        "swear" => Mode::Swear,
                        "trigger" => Mode::Trigger,
                        "copula" => Mode::Copula,
                        "prenoun" => Mode::Prenoun,
                        other => panic!("lexicon: unknown mode {other}"),
                    },
                    rest == ["mild"],
                ),
                _ => panic!("lexicon: bad section {line}"),
            });
            continue;
        }
        let (kind, mode, mild) = section.expect("lexicon: form before any section");
        for form in line.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            for f in expand(form) {
                out.push(Entry {
                    words: tokens(&f),
                    kind,
                    mode,
                    mild,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicon_loads() {
        let lex = Lexicon::new(&[], &[]);
        assert!(lex.is_entry("tabarnak"));
        assert!(lex.is_entry("cretines"));
        assert!(lex.sacres.contains("calice"));
    }

    #[test]
    fn profiles_add_and_remove_words() {
        let lex = Lexicon::new(&["pissou(s)".into()], &["cave(s)".into()]);
        assert!(lex.is_entry("pissous"));
        assert!(!lex.is_entry("caves"));
    }
}
