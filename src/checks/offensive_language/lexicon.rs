//! The lexicon of `offensive-language`: loading the embedded list (`lexicon.txt`), the
//! profile's additions and removals, and matching it on the words of a paragraph with
//! the context each entry asks for.
//!
//! The list is not expanded into its variants: a line like "(je|j') (vais|va) (te|vous)
//! (tuer|battre)" stands for hundreds of phrases, and the whole list for about 4,800;
//! building them cost milliseconds at every start. Each form is kept as a sequence of
//! slots instead, split at its top-level spaces ("(je|j')", "(vais|va)"…), each slot
//! holding the word sequences of its few variants, all in one string and a few flat
//! vectors. A form is matched slot by slot on the words of the text, which finds exactly
//! the variants the expanded list would have held.
//!
//! The build script includes this file (with `words.rs`) to read and check `lexicon.txt`
//! and lay the built-in list out as [`Tables`]: a bad line fails the build with its
//! number, and a run copies the tables instead of reading the list.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashSet;

use super::words::{Word, expand, expand_each, for_each_word, well_formed};
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

/// What the section of a form says of all its variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
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

/// A `start..end` range of indices into one of the lexicon's vectors (or its string).
pub type Span = (u32, u32);

fn indices((start, end): Span) -> std::ops::Range<usize> {
    start as usize..end as usize
}

/// One form of the list, unexpanded: a range of `Lexicon::slots`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    pub slots: Span,
    pub section: Section,
}

/// The built-in list laid out as the lexicon holds it (see [`Lexicon`]'s fields), by the
/// build script (`offensive-lexicon.rs` in `OUT_DIR`, written by [`Lexicon::tables`]).
pub struct Tables {
    pub arena: &'static str,
    pub words: &'static [Span],
    pub variants: &'static [Span],
    pub slots: &'static [Span],
    pub forms: &'static [Form],
    pub by_first: &'static [(u64, u32)],
}

/// The tables are the built-in ones, borrowed, until a profile adds a word: most
/// profiles add none, and a run then copies nothing.
pub struct Lexicon {
    /// The folded words of every form, end to end.
    arena: Cow<'static, str>,
    /// Words: byte ranges of `arena`.
    words: Cow<'static, [Span]>,
    /// The variants of the slots: ranges of `words` (empty: an optional slot left out).
    variants: Cow<'static, [Span]>,
    /// Slots: ranges of `variants`.
    slots: Cow<'static, [Span]>,
    /// The forms, in the order of the list, then the profile's.
    forms: Cow<'static, [Form]>,
    /// The forms by the hash of each word they can start with, sorted: the forms a
    /// word may start are a run of it, in the order of the list. A hash shared by two
    /// words only adds a form that then does not match.
    by_first: Cow<'static, [(u64, u32)]>,
    /// Word sequences the profile removed, each joined with spaces.
    removed: HashSet<String>,
}

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
    /// The built-in lexicon (`builtin`, the tables the build script wrote), with the
    /// profile's words added and removed.
    pub fn new(builtin: &Tables, add: &[String], remove: &[String]) -> Lexicon {
        let mut lex = Lexicon {
            arena: Cow::Borrowed(builtin.arena),
            words: Cow::Borrowed(builtin.words),
            variants: Cow::Borrowed(builtin.variants),
            slots: Cow::Borrowed(builtin.slots),
            forms: Cow::Borrowed(builtin.forms),
            by_first: Cow::Borrowed(builtin.by_first),
            removed: HashSet::new(),
        };
        let custom = Section {
            kind: Kind::Custom,
            mode: Mode::Any,
            mild: false,
        };
        let mut scratch = String::new();
        for a in add {
            lex.push_form(&fold(a.trim()), custom, &mut scratch);
        }
        for r in remove {
            for variant in expand(&fold(r.trim())) {
                let mut joined = String::new();
                for_each_word(&variant, |w| {
                    if !joined.is_empty() {
                        joined.push(' ');
                    }
                    joined.push_str(&variant[w]);
                });
                lex.removed.insert(joined);
            }
        }
        if !add.is_empty() {
            lex.by_first = Cow::Owned(Vec::new());
            lex.index();
        }
        lex
    }

    /// The lexicon of a list in the format of `lexicon.txt` (`name` in messages): what
    /// the build script lays out as [`Tables`]. A malformed line panics with its number.
    #[cfg_attr(
        not(test),
        allow(
            dead_code,
            reason = "the build script reads the list; a run, the tables"
        )
    )]
    pub fn from_list(name: &str, source: &str) -> Lexicon {
        let mut lex = Lexicon {
            arena: Cow::Owned(String::with_capacity(source.len())),
            words: Cow::Owned(Vec::with_capacity(2048)),
            variants: Cow::Owned(Vec::with_capacity(1536)),
            slots: Cow::Owned(Vec::with_capacity(1536)),
            forms: Cow::Owned(Vec::with_capacity(768)),
            by_first: Cow::Owned(Vec::with_capacity(1024)),
            removed: HashSet::new(),
        };
        let mut scratch = String::new();
        parse(name, source, &mut |form, section| {
            lex.push_form(form, section, &mut scratch)
        });
        lex.index();
        lex
    }

    /// The Rust expression of the lexicon's [`Tables`] (the built-in list has no
    /// profile's removals to lose).
    #[cfg_attr(
        not(test),
        allow(
            dead_code,
            reason = "the build script reads the list; a run, the tables"
        )
    )]
    pub fn tables(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::from("Tables {\n");
        writeln!(out, "    arena: {:?},", self.arena).unwrap();
        for (name, spans) in [
            ("words", &*self.words),
            ("variants", &*self.variants),
            ("slots", &*self.slots),
        ] {
            writeln!(out, "    {name}: &{spans:?},").unwrap();
        }
        out.push_str("    forms: &[");
        for f in self.forms.iter() {
            let Section { kind, mode, mild } = f.section;
            write!(
                out,
                "Form {{ slots: {:?}, section: Section {{ kind: Kind::{kind:?}, mode: Mode::{mode:?}, mild: {mild} }} }}, ",
                f.slots
            )
            .unwrap();
        }
        out.push_str("],\n");
        writeln!(out, "    by_first: &{:?},", self.by_first).unwrap();
        out.push('}');
        out
    }

    /// Adds one folded form: its top-level chunks are its slots, each chunk's
    /// expansions the slot's variants. `scratch` is a buffer for the expansions.
    fn push_form(&mut self, form: &str, section: Section, scratch: &mut String) {
        let first_slot = self.slots.len() as u32;
        for chunk in top_level_chunks(form) {
            let first_variant = self.variants.len() as u32;
            let (arena, words, variants) = (
                self.arena.to_mut(),
                self.words.to_mut(),
                self.variants.to_mut(),
            );
            scratch.clear();
            expand_each(chunk, scratch, &mut |variant| {
                let first_word = words.len() as u32;
                for_each_word(variant, |w| {
                    let start = arena.len() as u32;
                    arena.push_str(&variant[w]);
                    words.push((start, arena.len() as u32));
                });
                variants.push((first_word, words.len() as u32));
            });
            let end = self.variants.len() as u32;
            self.slots.to_mut().push((first_variant, end));
        }
        self.forms.to_mut().push(Form {
            slots: (first_slot, self.slots.len() as u32),
            section,
        });
    }

    fn word(&self, w: u32) -> &str {
        &self.arena[indices(self.words[w as usize])]
    }

    fn variant_words(&self, v: u32) -> impl Iterator<Item = &str> {
        indices(self.variants[v as usize]).map(|w| self.word(w as u32))
    }

    fn slot_variants(&self, s: u32) -> std::ops::Range<u32> {
        let (a, b) = self.slots[s as usize];
        a..b
    }

    fn variant_len(&self, v: u32) -> usize {
        let (a, b) = self.variants[v as usize];
        (b - a) as usize
    }

    /// True when slot `s` may be left out (one of its variants has no word).
    fn optional(&self, s: u32) -> bool {
        self.slot_variants(s).any(|v| self.variant_len(v) == 0)
    }

    /// The index of the forms by first word.
    fn index(&mut self) {
        let mut by_first = std::mem::take(&mut self.by_first).into_owned();
        for f in 0..self.forms.len() {
            by_first.extend(self.first_words(f).map(|w| (hash(self.word(w)), f as u32)));
        }
        by_first.sort_unstable();
        by_first.dedup();
        self.by_first = Cow::Owned(by_first);
    }

    /// The words variants of form `f` can start with (a word may come twice).
    fn first_words(&self, f: usize) -> impl Iterator<Item = u32> {
        let (start, end) = self.forms[f].slots;
        // The slots up to the first one that cannot be left out, included.
        let upto = (start..end)
            .find(|&s| !self.optional(s))
            .map_or(end, |s| s + 1);
        (start..upto)
            .flat_map(|s| self.slot_variants(s))
            .filter(|&v| self.variant_len(v) > 0)
            .map(|v| self.variants[v as usize].0)
    }

    /// True when a form of the list may start with `word` (a word the list knows).
    pub fn may_start(&self, word: &str) -> bool {
        self.forms_from(word).next().is_some()
    }

    /// The forms that may start with `word`, in the order of the list.
    fn forms_from(&self, word: &str) -> impl Iterator<Item = u32> {
        let h = hash(word);
        let from = self.by_first.partition_point(|&(k, _)| k < h);
        self.by_first[from..]
            .iter()
            .take_while(move |&&(k, _)| k == h)
            .map(|&(_, f)| f)
    }

    /// True when form `f` has a variant starting with `word` that the profile did not
    /// remove.
    fn has_variant_from(&self, f: usize, word: &str) -> bool {
        let removes_one = self
            .removed
            .iter()
            .any(|r| r.split(' ').next() == Some(word));
        if !removes_one {
            return true;
        }
        let mut found = false;
        self.each_variant(f, &mut |seq| {
            found |= seq.first() == Some(&word) && !self.removed.contains(&seq.join(" "));
        });
        found
    }

    /// Every variant of form `f`, as its words (only for the profile's removals).
    fn each_variant(&self, f: usize, visit: &mut dyn FnMut(&[&str])) {
        fn walk<'a>(
            lex: &'a Lexicon,
            slot: u32,
            end: u32,
            seq: &mut Vec<&'a str>,
            visit: &mut dyn FnMut(&[&str]),
        ) {
            if slot == end {
                if !seq.is_empty() {
                    visit(seq);
                }
                return;
            }
            for v in lex.slot_variants(slot) {
                let len = seq.len();
                seq.extend(lex.variant_words(v));
                walk(lex, slot + 1, end, seq, visit);
                seq.truncate(len);
            }
        }
        let (start, end) = self.forms[f].slots;
        walk(self, start, end, &mut Vec::new(), visit);
    }

    /// True when `word` alone is a variant of form `f`: one slot gives it, the others
    /// can be left out.
    fn has_single_word(&self, f: usize, word: &str) -> bool {
        let (start, end) = self.forms[f].slots;
        (start..end).any(|s| {
            (start..end).all(|o| o == s || self.optional(o))
                && self.slot_variants(s).any(|v| {
                    self.variant_len(v) == 1 && self.word(self.variants[v as usize].0) == word
                })
        })
    }

    /// True when `word` starts a variant of an offensive form (not `allow`).
    fn is_entry(&self, word: &str) -> bool {
        self.forms_from(word).any(|f| {
            let f = f as usize;
            self.forms[f].section.mode != Mode::Allow
                && self.first_words(f).any(|w| self.word(w) == word)
                && self.has_variant_from(f, word)
        })
    }

    /// The section of the first form with the single-word sacre `word` as a variant
    /// that `accept`s, unless the profile removed it.
    fn single_sacre(&self, word: &str, accept: impl Fn(Section) -> bool) -> Option<Section> {
        if self.removed.contains(word) {
            return None;
        }
        self.forms_from(word)
            .map(|f| f as usize)
            .find(|&f| {
                let section = self.forms[f].section;
                section.kind == Kind::Sacre && accept(section) && self.has_single_word(f, word)
            })
            .map(|f| self.forms[f].section)
    }

    /// A single-word sacre: "<sacre> de" introduces an insult.
    fn is_sacre(&self, word: &str) -> bool {
        self.single_sacre(word, |_| true).is_some()
    }

    /// The forms matching at word `i` (of mode `allow` or of the others), as (number of
    /// words, form), the longest first, then in the order of the list.
    fn matches_at(&self, ws: &[Word], i: usize, allow: bool) -> Vec<(usize, u32)> {
        let mut out: Vec<(usize, u32)> = Vec::new();
        for f in self.forms_from(ws[i].text) {
            let form = &self.forms[f as usize];
            if (form.section.mode == Mode::Allow) != allow {
                continue;
            }
            self.walk(form.slots.0, form.slots.1, ws, i, i, &mut |n| {
                out.push((n, f))
            });
        }
        if !self.removed.is_empty() && !allow {
            out.retain(|&(n, _)| {
                let seq: Vec<&str> = ws[i..i + n].iter().map(|w| w.text).collect();
                !self.removed.contains(&seq.join(" "))
            });
        }
        out.sort_unstable_by_key(|&(n, f)| (Reverse(n), f));
        out.dedup();
        out
    }

    /// Matches slots `slot..end` on the words from `at` (the form began at word `i`),
    /// calling `found` with the number of words of each complete match. Words after
    /// the first may not follow punctuation.
    fn walk(
        &self,
        slot: u32,
        end: u32,
        ws: &[Word],
        i: usize,
        at: usize,
        found: &mut dyn FnMut(usize),
    ) {
        if slot == end {
            if at > i {
                found(at - i);
            }
            return;
        }
        for v in self.slot_variants(slot) {
            let n = self.variant_len(v);
            if at + n > ws.len() {
                continue;
            }
            let fits = self
                .variant_words(v)
                .zip(&ws[at..at + n])
                .enumerate()
                .all(|(k, (want, w))| w.text == want && (at + k == i || !w.break_before));
            if fits {
                self.walk(slot + 1, end, ws, i, at + n, found);
            }
        }
    }

    /// `text` (folded) with its masked words spelled out: a word written with digits,
    /// symbols or stars in place of letters ("tabarn@k", "c0nne", "ost**", "c*n") that
    /// is a word of the lexicon once "@", "4" read "a", "0" reads "o", "1" and "!" read
    /// "i", "3" reads "e", "$" and "5" read "s", and each star any letter. Nothing else
    /// changes ("info@ville", "3e", "b12" stay), nor does any byte offset: the
    /// replacement has the length of the masked word.
    pub fn unmask<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let masked = |c: u8| matches!(c, b'@' | b'*' | b'$' | b'0'..=b'9');
        let is_part = |c: u8| c.is_ascii_lowercase() || masked(c);
        let bytes = text.as_bytes();
        if !bytes
            .iter()
            .any(|&c| matches!(c, b'@' | b'*' | b'$' | b'0'..=b'9'))
        {
            return std::borrow::Cow::Borrowed(text);
        }
        let mut out: Option<Vec<u8>> = None;
        let mut at = 0;
        while at < bytes.len() {
            if !is_part(bytes[at]) || (at > 0 && is_part(bytes[at - 1])) {
                at += 1;
                continue;
            }
            let end = at + bytes[at..].iter().take_while(|&&c| is_part(c)).count();
            let token = &bytes[at..end];
            let letters = token.iter().filter(|c| c.is_ascii_lowercase()).count();
            if letters >= 2
                && token.iter().any(|&c| masked(c))
                && let Some(word) = self.spelled_out(token)
            {
                out.get_or_insert_with(|| bytes.to_vec())[at..end].copy_from_slice(word.as_bytes());
            }
            at = end;
        }
        match out {
            // Only ASCII letters replaced ASCII bytes: still UTF-8.
            Some(v) => std::borrow::Cow::Owned(String::from_utf8(v).expect("ASCII for ASCII")),
            None => std::borrow::Cow::Borrowed(text),
        }
    }

    /// The word of the lexicon a masked token spells ([`Lexicon::unmask`]).
    fn spelled_out(&self, token: &[u8]) -> Option<&str> {
        let read = |c: u8| match c {
            b'@' | b'4' => Some(b'a'),
            b'0' => Some(b'o'),
            b'1' => Some(b'i'),
            b'3' => Some(b'e'),
            b'$' | b'5' => Some(b's'),
            b'*' => None,
            c if c.is_ascii_lowercase() => Some(c),
            _ => Some(0),
        };
        let fits = |word: &str| {
            word.len() == token.len()
                && word
                    .bytes()
                    .zip(token)
                    .all(|(w, &t)| read(t).is_none_or(|r| r == w))
        };
        (0..self.words.len() as u32)
            .map(|w| self.word(w))
            .find(|w| fits(w) && self.is_entry(w))
    }

    /// The offensive words of one paragraph. `capital(i)` tells whether word `i` starts
    /// with a capital in the original text (a proper noun after "de").
    pub fn find(&self, ws: &[Word], capital: &dyn Fn(usize) -> bool) -> Vec<Hit> {
        // Most words start no form: looked up once, then skipped by both passes.
        let starts: Vec<bool> = ws
            .iter()
            .map(|w| self.forms_from(w.text).next().is_some())
            .collect();
        let mut allowed = vec![false; ws.len()];
        for i in (0..ws.len()).filter(|&i| starts[i]) {
            for (n, _) in self.matches_at(ws, i, true) {
                allowed[i..i + n].fill(true);
            }
        }
        let mut hits = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            if allowed[i] {
                i += 1;
                continue;
            }
            let matches = if starts[i] {
                self.matches_at(ws, i, false)
            } else {
                Vec::new()
            };
            let found = matches.into_iter().find_map(|(n, f)| {
                let section = self.forms[f as usize].section;
                self.in_context(ws, i, section.mode, capital)
                    .map(|mild| (n, section, mild))
            });
            if let Some((n, section, mild)) = found {
                let end = i + n;
                hits.push(Hit {
                    start: i,
                    end,
                    range: ws[i].range.start..ws[end - 1].range.end,
                    kind: section.kind,
                    mild: mild || section.mild,
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
                && ws[from..h.start].iter().any(|w| GROUPS.contains(&w.text))
            {
                h.kind = Kind::Slur; // "les immigrants, c'est tous des parasites"
            }
        }
        hits
    }

    /// A sacre glued into a compound ("tabarnak-là"): places and saints never are.
    fn compound_parts(&self, w: &Word, i: usize) -> Vec<Hit> {
        if !w.text.contains('-') {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut at = w.range.start;
        for part in w.text.split('-') {
            if let Some(section) = self.single_sacre(part, |s| s.mode == Mode::Any) {
                out.push(Hit {
                    start: i,
                    end: i + 1,
                    range: at..at + part.len(),
                    kind: Kind::Sacre,
                    mild: section.mild,
                });
            }
            at += part.len() + 1;
        }
        out
    }

    /// `Some(mild)` when a form of this mode at word `i` is offensive in its context.
    fn in_context(
        &self,
        ws: &[Word],
        i: usize,
        mode: Mode,
        capital: &dyn Fn(usize) -> bool,
    ) -> Option<bool> {
        let ok = match mode {
            Mode::Any => true,
            Mode::Swear => self.is_swear(ws, i, capital),
            Mode::Trigger => self.strong_trigger(ws, i),
            // "vous êtes incapable de vous déplacer", "t'es fou de joie": right after
            // the copula, with a complement, the word is a plain adjective.
            Mode::Copula => {
                !adjective_with_complement(ws, i)
                    && (self.strong_trigger(ws, i) || weak_trigger(ws, i))
            }
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
        if matches!(prev, Some("de" | "d'")) && prev2(ws, i).is_some_and(|w| self.is_sacre(w)) {
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
            let n = noun.text;
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
        while k > 0 && !ws[k].break_before && FILLERS.contains(&ws[k - 1].text) && i - k < 4 {
            k -= 1;
        }
        if k == 0 || ws[k].break_before {
            return false;
        }
        let p = ws[k - 1].text;
        let p2 = if k >= 2 && !ws[k - 1].break_before {
            Some(ws[k - 2].text)
        } else {
            None
        };
        match p {
            "de" | "d'" => p2.is_some_and(|w| {
                matches!(w, "espece" | "gang" | "bande" | "tas" | "gagne") || self.is_sacre(w)
            }),
            "maudit" | "maudite" | "maudits" | "maudites" | "sale" | "sales" => true,
            "es" => matches!(p2, Some("t'" | "tu")),
            "etes" => p2 == Some("vous"),
            _ => false,
        }
    }
}

/// True when "à" or "de" follows word `i` in its sentence ("un clown de fête",
/// "incapable de marcher"); "Vous êtes incapables. De plus…" is no complement.
pub(super) fn complemented(ws: &[Word], i: usize) -> bool {
    let next = ws.get(i + 1).filter(|w| !w.break_before);
    next.is_some_and(|w| matches!(w.text, "a" | "de" | "d'" | "du" | "des" | "au" | "aux"))
}

/// "(vous êtes) (vraiment) incapables de marcher": the word follows "es" or "êtes" with
/// no article ("un gros épais de te stationner là" stays an insult) and takes a
/// complement.
fn adjective_with_complement(ws: &[Word], i: usize) -> bool {
    if !complemented(ws, i) {
        return false;
    }
    let mut k = i;
    while k > 0 && !ws[k].break_before && i - k < 4 {
        match ws[k - 1].text {
            "es" | "etes" | "est" | "sont" => return true,
            "vraiment" | "tellement" | "tout" | "toute" | "toutes" | "tous" | "pas" => k -= 1,
            _ => return false,
        }
    }
    false
}

/// "gros menteur", "c'est un clown", "sont des voleurs" (see [`complemented`] for "à"
/// or "de" after).
fn weak_trigger(ws: &[Word], i: usize) -> bool {
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
    while k > 0 && !ws[k].break_before && FILLERS.contains(&ws[k - 1].text) && i - k < 4 {
        article |= matches!(ws[k - 1].text, "un" | "une" | "des");
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
    if NOT_NOUNS.contains(&next.text) {
        return None;
    }
    let starts = i == 0 || ws[i].break_before;
    let after_det = prev(ws, i).is_some_and(|p| DETERMINERS.contains(&p) || p == "de" || p == "d'");
    (starts || after_det).then(|| PRAISE.contains(&next.text))
}

fn prev<'t>(ws: &[Word<'t>], i: usize) -> Option<&'t str> {
    (i > 0 && !ws[i].break_before).then(|| ws[i - 1].text)
}

fn prev2<'t>(ws: &[Word<'t>], i: usize) -> Option<&'t str> {
    (i > 1 && !ws[i].break_before && !ws[i - 1].break_before).then(|| ws[i - 2].text)
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
                    && matches!(ws[last.end].text, "de" | "d'")
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

/// FNV-1a: the index hashes a thousand short words at start-up, and one per word of a
/// post; a keyed hash would cost more than the lookup it serves.
fn hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// [`fold`] into `out`, without the map back to the original text, which the list
/// does not need. ASCII folds to itself but for capitals and the backtick (a test
/// holds `fold_char` to it), so runs of it are copied whole.
fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let same = rest
            .bytes()
            .position(|b| !folds_to_itself(b))
            .unwrap_or(rest.len());
        out.push_str(&rest[..same]);
        rest = &rest[same..];
        if let Some(c) = rest.chars().next() {
            match crate::text::fold_char(c) {
                crate::text::FoldedChar::Zero => {}
                crate::text::FoldedChar::One(f) => out.push(f),
                crate::text::FoldedChar::Two(a, b) => {
                    out.push(a);
                    out.push(b);
                }
            }
            rest = &rest[c.len_utf8()..];
        }
    }
}

fn folds_to_itself(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_uppercase() && b != b'`'
}

/// The chunks of a form between its top-level spaces: "(je|j') (vais|va) te" gives
/// "(je|j')", "(vais|va)", "te"; a space inside a group ("(la gueule|la face)") does
/// not split. A space always separates words, so the words of a variant are the words
/// of its chunks' variants, end to end.
fn top_level_chunks(form: &str) -> impl Iterator<Item = &str> {
    let mut rest = form;
    std::iter::from_fn(move || {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let mut depth = 0i32;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                depth == 0 && c.is_whitespace()
            })
            .map_or(rest.len(), |(i, _)| i);
        let (chunk, tail) = rest.split_at(end);
        rest = tail;
        Some(chunk)
    })
}

/// Reads the list (`name` in messages): calls `push` with each form (folded,
/// unexpanded) and its section. A malformed line panics with its number: the list is
/// read by the build script.
fn parse(name: &str, source: &str, push: &mut dyn FnMut(&str, Section)) {
    let mut section: Option<Section> = None;
    let mut folded = String::new();
    for (n, line) in source.lines().enumerate() {
        let at = || format!("{name}:{}", n + 1);
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(head) = line.strip_prefix('[') {
            let Some(head) = head.strip_suffix(']') else {
                panic!("{}: « {line} » : a section ends with « ] »", at());
            };
            let parts: Vec<&str> = head.split_whitespace().collect();
            let (kind, mode, mild) = match parts.as_slice() {
                ["allow"] => (Kind::Custom, Mode::Allow, false),
                [kind, mode, rest @ ..] => (
                    match *kind {
                        "sacre" => Kind::Sacre,
                        "vulgarity" => Kind::Vulgarity,
                        "insult" => Kind::Insult,
                        "slur" => Kind::Slur,
                        "threat" => Kind::Threat,
                        other => panic!("{}: unknown kind « {other} »", at()),
                    },
                    match *mode {
                        "any" => Mode::Any,
                        "swear" => Mode::Swear,
                        "trigger" => Mode::Trigger,
                        "copula" => Mode::Copula,
                        "prenoun" => Mode::Prenoun,
                        other => panic!("{}: unknown mode « {other} »", at()),
                    },
                    match rest {
                        [] => false,
                        ["mild"] => true,
                        _ => panic!(
                            "{}: « {} » after the mode, not « mild »",
                            at(),
                            rest.join(" ")
                        ),
                    },
                ),
                _ => panic!("{}: bad section « {line} »", at()),
            };
            section = Some(Section { kind, mode, mild });
            continue;
        }
        let Some(section) = section else {
            panic!("{}: « {line} » comes before the first section", at());
        };
        // Folding is character by character: a line at once, as its forms.
        folded.clear();
        fold_into(line, &mut folded);
        for form in folded.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            assert!(
                well_formed(form),
                "{}: « {form} » : unpaired or nested parentheses",
                at()
            );
            push(form, section);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const LIST: &str = include_str!("lexicon.txt");

    /// The built-in lexicon as a run builds it, from the build script's tables.
    fn builtin(add: &[String], remove: &[String]) -> Lexicon {
        Lexicon::new(&super::super::BUILTIN, add, remove)
    }

    /// The tables embedded are those of the list as it is now, and with words added, the
    /// index is the one the list and the words give.
    #[test]
    fn the_tables_are_the_list() {
        let list = Lexicon::from_list("lexicon.txt", LIST);
        let run = builtin(&[], &[]);
        assert_eq!(list.tables(), run.tables());
        let mut list = list;
        let custom = Section {
            kind: Kind::Custom,
            mode: Mode::Any,
            mild: false,
        };
        list.push_form("pissou(s)", custom, &mut String::new());
        list.by_first.to_mut().clear();
        list.index();
        assert_eq!(list.tables(), builtin(&["pissou(s)".into()], &[]).tables());
    }

    #[test]
    #[should_panic(expected = "liste:3: « cave(s » : unpaired or nested parentheses")]
    fn a_malformed_line_is_located() {
        Lexicon::from_list("liste", "# bad\n[insult trigger]\ncolon, cave(s\n");
    }

    #[test]
    fn ascii_folds_as_fold_char_says() {
        for b in 0..=127u8 {
            let folded = fold(&char::from(b).to_string());
            assert_eq!(
                folds_to_itself(b),
                folded == char::from(b).to_string(),
                "{b}"
            );
        }
        let mut out = String::new();
        fold_into("Câlice d’ŒUVRE `x`", &mut out);
        assert_eq!(out, fold("Câlice d’ŒUVRE `x`"));
    }

    #[test]
    fn the_builtin_lexicon_loads() {
        let lex = builtin(&[], &[]);
        assert!(lex.is_entry("tabarnak"));
        assert!(lex.is_entry("cretines"));
        assert!(lex.is_sacre("calice") && !lex.is_sacre("cave"));
    }

    #[test]
    fn profiles_add_and_remove_words() {
        let lex = builtin(&["pissou(s)".into()], &["cave(s)".into()]);
        assert!(lex.is_entry("pissous"));
        assert!(!lex.is_entry("caves"));
        assert!(
            lex.is_entry("gros"),
            "« gros cave » is removed, not « gros colon »"
        );
        let gone = [
            "gros cave(s)",
            "gros colon(s)",
            "gros(se)(s) plein(s) de marde",
        ];
        let lex = builtin(&[], &gone.map(String::from));
        assert!(!lex.is_entry("gros") && !lex.is_entry("grosse"));
        let gone = ["gros cave(s)", "gros colon(s)", "gros plein de marde"];
        let lex = builtin(&[], &gone.map(String::from));
        assert!(lex.is_entry("gros"), "« gros pleins de marde » is left");
        let lex = builtin(&[], &["tabarnak".into()]);
        assert!(!lex.is_entry("tabarnak") && !lex.is_sacre("tabarnak"));
        assert!(lex.single_sacre("tabarnak", |_| true).is_none());
    }

    /// The list the lexicon used to build: every variant of every form, as its words,
    /// with the index of its form.
    fn expanded(lex: &Lexicon) -> Vec<(Vec<String>, usize)> {
        let mut out = Vec::new();
        for f in 0..lex.forms.len() {
            lex.each_variant(f, &mut |seq| {
                out.push((seq.iter().map(|w| w.to_string()).collect(), f));
            });
        }
        out
    }

    fn tokens(form: &str) -> Vec<String> {
        super::super::words::words(&fold(form))
            .into_iter()
            .map(|w| w.text.to_string())
            .collect()
    }

    /// The slots hold exactly the variants of the notation: the forms expanded whole
    /// (as the lexicon once did), and split into words, give the same phrases.
    #[test]
    fn slots_hold_the_expanded_list() {
        let lex = builtin(&[], &[]);
        let mut whole: Vec<(Vec<String>, usize)> = Vec::new();
        let mut f = 0;
        parse("lexicon.txt", LIST, &mut |form, _| {
            for variant in expand(form) {
                let t = tokens(&variant);
                if !t.is_empty() {
                    whole.push((t, f));
                }
            }
            f += 1;
        });
        let mut slots = expanded(&lex);
        assert!(whole.len() > 4000, "{}", whole.len());
        whole.sort();
        whole.dedup();
        slots.sort();
        slots.dedup();
        assert_eq!(whole, slots);
    }

    /// Matching slot by slot finds, at every variant of the list, the same forms in the
    /// same order as a search of the expanded list would.
    #[test]
    fn matching_agrees_with_the_expanded_list() {
        let lex = builtin(&["pissou(s)".into()], &[]);
        let all = expanded(&lex);
        let mut by_first: HashMap<&str, Vec<&(Vec<String>, usize)>> = HashMap::new();
        for e in &all {
            by_first.entry(e.0[0].as_str()).or_default().push(e);
        }
        for (seq, _) in &all {
            // The phrase, and the phrase cut short by punctuation before its last word.
            for cut in [false, true] {
                let ws: Vec<Word> = seq
                    .iter()
                    .enumerate()
                    .map(|(k, w)| Word {
                        range: 0..0,
                        text: w,
                        break_before: k == 0 || (cut && k + 1 == seq.len()),
                        bang_after: false,
                    })
                    .collect();
                let mut want: Vec<(usize, u32)> = by_first[seq[0].as_str()]
                    .iter()
                    .filter(|(e, _)| {
                        e.len() <= ws.len()
                            && e.iter()
                                .enumerate()
                                .all(|(k, w)| ws[k].text == w && (k == 0 || !ws[k].break_before))
                    })
                    .map(|(e, f)| (e.len(), *f as u32))
                    .collect();
                want.sort_by_key(|&(n, f)| (Reverse(n), f));
                want.dedup();
                let (allow, other): (Vec<_>, Vec<_>) = want
                    .into_iter()
                    .partition(|&(_, f)| lex.forms[f as usize].section.mode == Mode::Allow);
                assert_eq!(lex.matches_at(&ws, 0, false), other, "{seq:?}");
                assert_eq!(lex.matches_at(&ws, 0, true), allow, "{seq:?}");
            }
        }
        // The word sets, against the expanded list, for every word of the list.
        let entries: HashSet<&str> = all
            .iter()
            .filter(|(_, f)| lex.forms[*f].section.mode != Mode::Allow)
            .map(|(e, _)| e[0].as_str())
            .collect();
        let sacres: HashSet<&str> = all
            .iter()
            .filter(|(e, f)| e.len() == 1 && lex.forms[*f].section.kind == Kind::Sacre)
            .map(|(e, _)| e[0].as_str())
            .collect();
        let mut glued: HashMap<&str, bool> = HashMap::new();
        for (e, f) in &all {
            let s = lex.forms[*f].section;
            if e.len() == 1 && s.kind == Kind::Sacre && s.mode == Mode::Any {
                glued.entry(e[0].as_str()).or_insert(s.mild);
            }
        }
        let words = all.iter().flat_map(|(e, _)| e).map(String::as_str);
        for w in words.chain(["", "ville", "parc"]) {
            assert_eq!(lex.is_entry(w), entries.contains(w), "{w}");
            assert_eq!(lex.is_sacre(w), sacres.contains(w), "{w}");
            let mild = lex.single_sacre(w, |s| s.mode == Mode::Any).map(|s| s.mild);
            assert_eq!(mild, glued.get(w).copied(), "{w}");
        }
    }
}
