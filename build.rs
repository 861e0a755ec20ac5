//! Compiles the French lexicon (`lexicons/lefff`) into the structures `src/text/morph.rs`
//! embeds: a finite-state transducer from each folded word form to its analyses, the
//! analyses, and the lemmas. Folding is the checks' own (`src/text/fold_char.rs`), so a
//! form is found exactly as a draft's word is folded.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/text/fold_char.rs"]
mod fold_char;
#[path = "src/text/notation.rs"]
mod notation;
#[path = "src/checks/offensive_language/lexicon.rs"]
#[allow(dead_code, reason = "only the reading of the list is used here")]
mod offensive_lexicon;
#[path = "src/text/word_runs.rs"]
mod word_runs;
#[path = "src/checks/offensive_language/words.rs"]
#[allow(dead_code, reason = "only the reading of the list is used here")]
mod words;

/// What `offensive_lexicon` uses of the crate's `text` module.
mod text {
    pub use super::fold_char::{FoldedChar, fold_char};

    pub fn fold(s: &str) -> String {
        super::fold(s)
    }
}

use fold_char::{FoldedChar, fold_char};

/// Parts of speech, as `src/text/morph.rs` decodes them.
const VERB: u32 = 1;
const NOUN: u32 = 2;
const ADJECTIVE: u32 = 3;
/// Tense slot "none" (nouns, adjectives).
const NO_TENSE: u32 = 15;
/// The tenses of a line of `verbs.txt`, with their number of forms.
const TENSES: [usize; 11] = [6, 6, 6, 6, 1, 4, 6, 6, 6, 6, 1];

fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match fold_char(c) {
            FoldedChar::Zero => {}
            FoldedChar::One(f) => out.push(f),
            FoldedChar::Two(a, b) => {
                out.push(a);
                out.push(b);
            }
        }
    }
    out
}

struct Lexicon {
    lemmas: Vec<String>,
    lemma_ids: BTreeMap<String, u32>,
    forms: BTreeMap<String, Vec<u32>>,
}

impl Lexicon {
    fn lemma(&mut self, lemma: &str) -> u32 {
        let folded = fold(lemma);
        if let Some(&id) = self.lemma_ids.get(&folded) {
            return id;
        }
        let id = self.lemmas.len() as u32;
        self.lemmas.push(folded.clone());
        self.lemma_ids.insert(folded, id);
        id
    }

    fn add(&mut self, form: &str, lemma: u32, pos: u32, tense: u32, person: u32) {
        let analysis = (lemma << 10) | (pos << 7) | (person << 4) | tense;
        let list = self.forms.entry(fold(form)).or_default();
        if !list.contains(&analysis) {
            list.push(analysis);
        }
    }
}

/// The `vigie` executable is linked at a fixed address on Linux (GNU toolchain): a
/// position-independent executable makes the loader patch some 26,000 pointers (the
/// tables of the Markdown parser, of the regex engine's Unicode classes, panic
/// locations) and copy the pages that hold them, on every start, before the first byte
/// of a draft is read. Linked at a fixed address, `vigie --version` takes about 0.3 ms
/// less (see the README, "Vitesse"). The library and the tests are not affected.
///
/// A static build (`-C target-feature=+crt-static`, see `scripts/build-static.sh`) is a
/// static PIE unless the relocation model is static too: "-no-pie" added to a static PIE
/// gives a program that crashes in the loader, so it is left out then.
fn link_position_dependent() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let static_pie = features.split(',').any(|f| f == "crt-static")
        && !flags
            .split('\x1f')
            .any(|f| f.ends_with("relocation-model=static"));
    if os == "linux" && env == "gnu" && !static_pie {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}

fn read(path: &Path) -> String {
    println!("cargo::rerun-if-changed={}", path.display());
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    link_position_dependent();
    println!("cargo::rerun-if-changed=src/text/fold_char.rs");
    println!("cargo::rerun-if-changed=src/text/notation.rs");
    println!("cargo::rerun-if-changed=src/text/word_runs.rs");
    println!("cargo::rerun-if-changed=src/checks/offensive_language/lexicon.rs");
    println!("cargo::rerun-if-changed=src/checks/offensive_language/words.rs");
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let dir = root.join("lexicons/lefff");
    let mut lexicon = Lexicon {
        lemmas: Vec::new(),
        lemma_ids: BTreeMap::new(),
        forms: BTreeMap::new(),
    };
    for (n, line) in read(&dir.join("verbs.txt")).lines().enumerate() {
        let mut fields = line.split(' ');
        let infinitive = fields.next().unwrap();
        let lemma = lexicon.lemma(infinitive);
        let forms: Vec<&str> = fields.collect();
        assert_eq!(
            forms.len(),
            54,
            "verbs.txt:{}: {} forms",
            n + 1,
            forms.len()
        );
        let mut slot = 0;
        for (tense, &count) in TENSES.iter().enumerate() {
            for person in 0..count {
                let form = forms[slot];
                slot += 1;
                if form != "-" {
                    lexicon.add(form, lemma, VERB, tense as u32, person as u32);
                }
            }
        }
    }
    for (file, pos) in [("nouns.tsv", NOUN), ("adjectives.tsv", ADJECTIVE)] {
        for (n, line) in read(&dir.join(file)).lines().enumerate() {
            let (form, lemma) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{file}:{}: no tab", n + 1));
            let lemma = lexicon.lemma(lemma);
            lexicon.add(form, lemma, pos, NO_TENSE, 0);
        }
    }
    assert!(
        lexicon.lemmas.len() < 1 << 22,
        "too many lemmas for 22 bits"
    );

    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    let mut analyses: Vec<u8> = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    let mut next = 0u64;
    for (form, list) in &lexicon.forms {
        if form.is_empty() {
            continue;
        }
        assert!(list.len() < 256, "{form}: {} analyses", list.len());
        builder
            .insert(form, (next << 8) | list.len() as u64)
            .unwrap();
        for a in list {
            analyses.extend_from_slice(&a.to_le_bytes());
        }
        next += list.len() as u64;
    }
    fs::write(out.join("lefff.fst"), builder.into_inner().unwrap()).unwrap();
    fs::write(out.join("lefff-analyses.bin"), analyses).unwrap();
    let mut lemmas = Vec::new();
    let mut offsets = Vec::new();
    for l in &lexicon.lemmas {
        offsets.extend_from_slice(&(lemmas.len() as u32).to_le_bytes());
        lemmas.extend_from_slice(l.as_bytes());
    }
    offsets.extend_from_slice(&(lemmas.len() as u32).to_le_bytes());
    fs::write(out.join("lefff-lemmas.txt"), lemmas).unwrap();
    fs::write(out.join("lefff-lemma-offsets.bin"), offsets).unwrap();
    polarity(&root, &out);
    personal(&root, &out);
    situations(&root, &out);
    word_maps(&root, &out);
    offensive(&root, &out);
    profiles(&root, &out);
}

/// `lexicons/polarity/adjectives.tsv` as a transducer from the folded form to its
/// polarity and subjectivity in hundredths: `(polarity + 100) << 8 | subjectivity`.
fn polarity(root: &Path, out: &Path) {
    let mut forms = BTreeMap::new();
    let path = root.join("lexicons/polarity/adjectives.tsv");
    for (n, line) in read(&path).lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [form, polarity, subjectivity] = fields[..] else {
            panic!("adjectives.tsv:{}: three fields expected", n + 1);
        };
        // A few entries of the source have a subjectivity below 0 ("aberrant"): read as 0.
        let hundredths = |s: &str| (s.parse::<f64>().unwrap() * 100.0).round() as i64;
        let value = ((hundredths(polarity).clamp(-100, 100) + 100) << 8)
            | hundredths(subjectivity).clamp(0, 100);
        // Two forms folding alike keep the stronger polarity.
        let folded = fold(form);
        let keep = forms
            .get(&folded)
            .is_none_or(|&old: &i64| (hundredths(polarity)).abs() > ((old >> 8) - 100).abs());
        if keep {
            forms.insert(folded, value);
        }
    }
    let mut builder = fst::MapBuilder::memory();
    for (form, value) in forms {
        builder.insert(form, value as u64).unwrap();
    }
    fs::write(out.join("polarity.fst"), builder.into_inner().unwrap()).unwrap();
}

/// `lexicons/personal.txt`: every entry checked and cut into word slots by
/// `src/text/notation.rs`, written as static tables (`personal-lexicons.rs`, one
/// `Prepared` per `[section]`) for `src/checks/personal/lexicon.rs`, with the index of
/// the words a match may start with, so that a run builds nothing before it reads a
/// draft. A bad entry stops the build with its line.
fn personal(root: &Path, out: &Path) {
    let name = "lexicons/personal.txt";
    let mut sections: Vec<(String, Vec<PersonalEntry>)> = Vec::new();
    // The line of the current section's header.
    let mut header = 0;
    for (n, line) in read(&root.join(name)).lines().enumerate() {
        let at = format!("{name}:{}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(title) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            assert!(
                !title.is_empty() && title.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{at}: [{title}]: a list is named in lower-case letters and hyphens"
            );
            assert!(
                sections.iter().all(|(t, _)| t != title),
                "{at}: [{title}] twice"
            );
            if let Some((title, entries)) = sections.last() {
                assert!(
                    !entries.is_empty(),
                    "{name}:{header}: [{title}] has no entry"
                );
            }
            sections.push((title.to_string(), Vec::new()));
            header = n + 1;
            continue;
        }
        let Some((_, entries)) = sections.last_mut() else {
            panic!("{at}: « {line} » comes before the first [list]");
        };
        assert!(
            line.trim() == line,
            "{at}: « {line} » starts or ends with white space"
        );
        assert!(
            line.bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
            "{at}: « {line} » is not folded (ASCII, lower case)"
        );
        let (slots, _) =
            notation::split(line, false).unwrap_or_else(|e| panic!("{at}: « {line} » : {e}"));
        let (head, whole) =
            notation::split(line, true).unwrap_or_else(|e| panic!("{at}: « {line} » : {e}"));
        // What the run relies on: the slots a match starts with are the first ones.
        assert!(
            slots.starts_with(&head) && whole == (head.len() == slots.len()),
            "{at}: the first slots of « {line} » are not the start of its slots"
        );
        // The separators of the tables below.
        for (alternatives, _) in &slots {
            for a in alternatives {
                assert!(
                    !a.is_empty() && !a.contains(['|', '\n', '?']),
                    "{at}: « {a} » is empty or holds '|', '?' or a line break"
                );
            }
        }
        assert!(head.len() < 256, "{at}: too many slots");
        entries.push((head.len(), slots));
    }
    if let Some((title, entries)) = sections.last() {
        assert!(
            !entries.is_empty(),
            "{name}:{header}: [{title}] has no entry"
        );
    }
    let mut code = String::new();
    for (title, entries) in &sections {
        let ident = title.replace('-', "_").to_uppercase();
        let tables = PersonalTables::new(entries);
        let fst = out.join(format!("personal-{title}.fst"));
        fs::write(&fst, &tables.first).unwrap();
        writeln!(
            code,
            "pub static {ident}: Prepared = Prepared {{\n    entries: {:?},\n    ends: &{:?},\n    \
             heads: &{:?},\n    single: {:?},\n    first: include_bytes!({:?}),\n    ids: &{:?},\n    \
             prefixes: &{:?},\n}};",
            tables.entries,
            tables.ends,
            tables.heads,
            tables.single,
            fst.display().to_string(),
            tables.ids,
            tables.prefixes,
        )
        .unwrap();
    }
    let all: Vec<String> = sections
        .iter()
        .map(|(title, _)| format!("({title:?}, &{})", title.replace('-', "_").to_uppercase()))
        .collect();
    writeln!(
        code,
        "/// Every lexicon, by its section's name.\n#[cfg(test)]\npub static ALL: &[(&str, &Prepared)] = &[{}];",
        all.join(", ")
    )
    .unwrap();
    fs::write(out.join("personal-lexicons.rs"), code).unwrap();
}

/// An entry of `lexicons/personal.txt`: how many slots a match may start with, and its
/// slots (each its alternatives and whether it may be left out).
type PersonalEntry = (usize, Vec<(Vec<String>, bool)>);

/// The id of the entries of a single slot, gathered in one set (`SINGLE` of
/// `src/checks/personal/lexicon.rs`).
const SINGLE: u32 = u32::MAX;

/// The tables of one lexicon, as `Prepared` of `src/checks/personal/lexicon.rs` holds
/// them: no pointer but the few slices, so that loading the program relocates almost
/// nothing for them.
struct PersonalTables {
    /// The entries of several slots, one after the other: slots separated by a line
    /// break, alternatives by `|`, an optional slot marked by a leading `?`.
    entries: String,
    /// The end of each entry in `entries`.
    ends: Vec<u32>,
    /// How many slots a match of each entry may start with.
    heads: Vec<u8>,
    /// The alternatives of the entries of a single slot, separated by `|`.
    single: String,
    /// A transducer from a word that may start a match to `start << 16 | count` of its
    /// entries in `ids`.
    first: Vec<u8>,
    ids: Vec<u32>,
    /// Words that may start a match as a prefix ("n'engage*"), each with its entry.
    prefixes: Vec<(String, u32)>,
}

impl PersonalTables {
    fn new(entries: &[PersonalEntry]) -> PersonalTables {
        let mut t = PersonalTables {
            entries: String::new(),
            ends: Vec::new(),
            heads: Vec::new(),
            single: String::new(),
            first: Vec::new(),
            ids: Vec::new(),
            prefixes: Vec::new(),
        };
        let mut by_first: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (head, slots) in entries {
            if let ([(alternatives, false)], true) = (&slots[..*head], *head == slots.len()) {
                index_first_words(&mut by_first, &mut t.prefixes, SINGLE, alternatives);
                for a in alternatives {
                    if !t.single.is_empty() {
                        t.single.push('|');
                    }
                    t.single.push_str(a);
                }
                continue;
            }
            let id = t.heads.len() as u32;
            for (alternatives, _) in &slots[..*head] {
                index_first_words(&mut by_first, &mut t.prefixes, id, alternatives);
            }
            let text: Vec<String> = slots
                .iter()
                .map(|(alternatives, optional)| {
                    format!(
                        "{}{}",
                        if *optional { "?" } else { "" },
                        alternatives.join("|")
                    )
                })
                .collect();
            t.entries.push_str(&text.join("\n"));
            t.ends.push(t.entries.len() as u32);
            t.heads.push(*head as u8);
        }
        let mut builder = fst::MapBuilder::memory();
        for (word, ids) in by_first {
            assert!(ids.len() < 1 << 16);
            builder
                .insert(&word, ((t.ids.len() as u64) << 16) | ids.len() as u64)
                .unwrap();
            t.ids.extend(ids);
        }
        t.first = builder.into_inner().unwrap();
        t
    }
}

/// Records that entry `id` may start with the first word of these phrases, as
/// `Lexicon::index` of `src/checks/personal/lexicon.rs` did at run time.
fn index_first_words(
    by_first: &mut BTreeMap<String, Vec<u32>>,
    by_prefix: &mut Vec<(String, u32)>,
    id: u32,
    phrases: &[String],
) {
    for p in phrases {
        let (p, prefix) = match p.strip_suffix('*') {
            Some(p) => (p, true),
            None => (p.as_str(), false),
        };
        let ranges = phrase_words(p);
        let Some(first) = ranges.first() else {
            continue;
        };
        let word = &p[first.clone()];
        if prefix && ranges.len() == 1 {
            if !by_prefix.iter().any(|(w, i)| w == word && *i == id) {
                by_prefix.push((word.to_string(), id));
            }
            continue;
        }
        let ids = by_first.entry(word.to_string()).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
}

/// The words of a phrase, as `phrase_words` of `src/text/phrases.rs` cuts them (a test
/// there checks that both agree on every built-in entry).
fn phrase_words(phrase: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = word_runs::word_runs(phrase);
    if let Some(last) = ranges.last_mut()
        && phrase[last.end..].starts_with('\'')
        && phrase[last.end + 1..].trim_end().is_empty()
    {
        last.end += 1;
    }
    ranges
}

/// `lexicons/personal-situations.txt`, read as `terms` of
/// `src/checks/confidential_data/situations.rs` reads it, written as its static tables
/// (`personal-situations.rs`): the entries by their first word, sorted by it, a word's
/// entries the longest first (file order among equals); and the gate, the first four
/// bytes of the longest word of each term (the last of equally long ones), each packed
/// in a `u32`, sorted (`personal-situations-gate.rs`). A run builds no table; a test there compares both
/// with the file read at run time.
fn situations(root: &Path, out: &Path) {
    let name = "lexicons/personal-situations.txt";
    let text = read(&root.join(name));
    let mut section = None;
    let mut by_first: BTreeMap<&str, Vec<(Vec<&str>, &str)>> = BTreeMap::new();
    let mut gate = std::collections::BTreeSet::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(title) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(match title {
                "condition" => "Section::Condition",
                "state" => "Section::State",
                "family" => "Section::Family",
                "event" => "Section::Event",
                "agency" => "Section::Agency",
                "body" => "Section::Body",
                "complaint" => "Section::Matter(Matter::Complaint)",
                "housing-debt" => "Section::Matter(Matter::HousingDebt)",
                "suspicion" => "Section::Matter(Matter::Suspicion)",
                "employment" => "Section::Matter(Matter::Employment)",
                "animal" => "Section::Animal",
                other => panic!("{name}:{}: unknown section [{other}]", n + 1),
            });
            continue;
        }
        let section = section
            .unwrap_or_else(|| panic!("{name}:{}: « {line} » comes before any section", n + 1));
        let words: Vec<&str> = word_runs::word_runs(line)
            .into_iter()
            .map(|r| &line[r])
            .collect();
        // An event's verb inflects past its first four letters ("remettre", "remis"):
        // its gate is the longest of the other words when one is long enough.
        let pool = match &words[..] {
            [_, rest @ ..] if section == "Section::Event" && rest.iter().any(|w| w.len() >= 4) => {
                rest
            }
            all => all,
        };
        let longest = pool
            .iter()
            .max_by_key(|w| w.len())
            .unwrap_or_else(|| panic!("{name}:{}: « {line} » has no word", n + 1));
        gate.insert(longest.get(..4).unwrap_or(longest));
        by_first
            .entry(words[0])
            .or_default()
            .push((words[1..].to_vec(), section));
    }
    let mut code = String::from("&[\n");
    for (first, mut entries) in by_first {
        // The longest first; a stable sort keeps the file's order among equals.
        entries.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        writeln!(code, "    ({first:?}, &[").unwrap();
        for (rest, section) in entries {
            writeln!(
                code,
                "        Entry {{ rest: &{rest:?}, section: {section} }},"
            )
            .unwrap();
        }
        code.push_str("    ]),\n");
    }
    code.push_str("]\n");
    fs::write(out.join("personal-situations.rs"), code).unwrap();
    // Big-endian and padded with zeros, the packed stems sort as the stems do.
    let mut code = String::from("&[\n");
    for s in gate {
        writeln!(code, "    {:#010x}, // {s}", pack_stem(s)).unwrap();
    }
    code.push_str("]\n");
    fs::write(out.join("personal-situations-gate.rs"), code).unwrap();
}

/// A stem of at most four bytes in a `u32` (big-endian, zeros after a shorter one), as
/// `pack` of `src/checks/confidential_data/situations.rs` packs it.
fn pack_stem(stem: &str) -> u32 {
    assert!(
        stem.len() <= 4 && !stem.contains('\0'),
        "personal-situations.txt: the stem « {stem} » is longer than four bytes"
    );
    let mut bytes = [0; 4];
    bytes[..stem.len()].copy_from_slice(stem.as_bytes());
    u32::from_be_bytes(bytes)
}

/// The word lists `src/text/wordset.rs` reads (`WordMap`, `WordSet`), under `lexicons/`.
const WORD_MAPS: &[&str] = &[
    "polarity/quebec.tsv",
    "insults/badwords-fr.tsv",
    "insults/quebec.tsv",
    "insults/people.tsv",
    "insults/groups.tsv",
    "commerce/businesses.tsv",
    "meaning/decided.txt",
    "meaning/disapproved.txt",
    "meaning/evaluated.txt",
    "meaning/chosen.txt",
    "meaning/proposals.txt",
    "meaning/municipal-things.txt",
    "meaning/org-agents.txt",
    "meaning/praised-qualities.txt",
    "meaning/public-matters.txt",
    "meaning/public-services.txt",
    "meaning/verdicts.txt",
    "meaning/workplace.txt",
];

/// Each list of [`WORD_MAPS`] indexed as a transducer from its key to where the rest of
/// its line is in the file, `offset << 32 | length` (`lexicons/<list>.fst`), read as
/// `WordMap::entries` of `src/text/wordset.rs` reads it: the last line of a key wins.
/// `word-maps.rs` names them all for the test that compares them with the files.
fn word_maps(root: &Path, out: &Path) {
    let mut code = String::from("&[\n");
    for list in WORD_MAPS {
        let path = root.join("lexicons").join(list);
        let text = read(&path);
        let mut entries = BTreeMap::new();
        let mut offset = 0;
        for raw in text.split_inclusive('\n') {
            let start = offset;
            offset += raw.len();
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let line = line.strip_suffix('\r').unwrap_or(line);
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let at = start + (trimmed.as_ptr() as usize - line.as_ptr() as usize);
            let (key, value) = trimmed.split_once('\t').unwrap_or((trimmed, ""));
            let value_at = if value.is_empty() {
                0
            } else {
                at + key.len() + 1
            };
            entries.insert(key, ((value_at as u64) << 32) | value.len() as u64);
        }
        let mut builder = fst::MapBuilder::memory();
        for (key, value) in entries {
            builder.insert(key, value).unwrap();
        }
        let fst = out.join("lexicons").join(format!("{list}.fst"));
        fs::create_dir_all(fst.parent().unwrap()).unwrap();
        fs::write(&fst, builder.into_inner().unwrap()).unwrap();
        writeln!(
            code,
            "    ({list:?}, include_str!({:?}), include_bytes!({:?})),",
            path.display().to_string(),
            fst.display().to_string()
        )
        .unwrap();
    }
    code.push_str("]\n");
    fs::write(out.join("word-maps.rs"), code).unwrap();
}

/// The list of `offensive-language`, read and checked by the check's own code and
/// written as the expression of its tables (`offensive-lexicon.rs`).
fn offensive(root: &Path, out: &Path) {
    let name = "src/checks/offensive_language/lexicon.txt";
    let lexicon = offensive_lexicon::Lexicon::from_list(name, &read(&root.join(name)));
    fs::write(out.join("offensive-lexicon.rs"), lexicon.tables()).unwrap();
}

/// The built-in profiles (`policies/*.toml`), each read here into the `Layer` that
/// `src/policy/load.rs` reads from it and written as a function that builds that layer
/// (`profiles.rs`): a run parses no TOML for `--profile`. Syntax, keys and types are
/// checked here, a mistake stopping the build at its line and column; a rule's
/// parameters, which only its check knows, are held by a test that reads every profile
/// with the run's own reader and compares.
fn profiles(root: &Path, out: &Path) {
    let dir = root.join("policies");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut code = String::new();
    let mut table =
        String::from("/// Every profile of `policies/`: its file name and its layer.\n");
    table.push_str("pub static LAYERS: &[(&str, Build)] = &[\n");
    for path in &files {
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let function = format!("layer_{}", stem.replace('-', "_"));
        let name = format!("policies/{stem}.toml");
        code.push_str(&Profile::new(&name, &read(path)).layer(&function));
        writeln!(table, "    ({stem:?}, {function}),").unwrap();
    }
    table.push_str("];\n");
    code.push_str(&table);
    fs::write(out.join("profiles.rs"), code).unwrap();
}

/// One profile being written as Rust.
struct Profile<'s> {
    name: &'s str,
    source: &'s str,
}

type Value<'i> = toml::Spanned<toml::de::DeValue<'i>>;

impl<'s> Profile<'s> {
    fn new(name: &'s str, source: &'s str) -> Profile<'s> {
        Profile { name, source }
    }

    /// 1-based line and column in characters, as `LineIndex::position` counts them.
    fn position(&self, offset: usize) -> (usize, usize) {
        let before = &self.source[..offset];
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count() + 1;
        let column = before[start..].chars().filter(|&c| c != '\r').count() + 1;
        (line, column)
    }

    /// `file:line:column` of a byte offset, for messages.
    fn at(&self, offset: usize) -> String {
        let (line, column) = self.position(offset);
        format!("{}:{line}:{column}", self.name)
    }

    /// The `Origin` expression of a byte offset.
    fn origin(&self, offset: usize) -> String {
        let (line, column) = self.position(offset);
        format!("super::Origin {{ path: path.to_string(), line: {line}, column: {column} }}")
    }

    /// The entries of a table, in the order of the file.
    fn entries<'t, 'i>(
        &self,
        key: &str,
        value: &'t Value<'i>,
    ) -> Vec<(&'t str, usize, &'t Value<'i>)> {
        let Some(table) = value.get_ref().as_table() else {
            panic!("{}: « {key} » must be a table", self.at(value.span().start));
        };
        let mut entries: Vec<_> = table
            .iter()
            .map(|(k, v)| (k.get_ref().as_ref(), k.span().start, v))
            .collect();
        entries.sort_by_key(|&(_, at, _)| at);
        entries
    }

    fn string(&self, key: &str, value: &Value) -> String {
        match value.get_ref().as_str() {
            Some(s) => format!("{s:?}.to_string()"),
            None => panic!(
                "{}: « {key} » must be a string",
                self.at(value.span().start)
            ),
        }
    }

    fn strings(&self, key: &str, value: &Value) -> String {
        let items = value.get_ref().as_array().map(|a| {
            a.iter()
                .map(|v| self.string(key, v))
                .collect::<Vec<_>>()
                .join(", ")
        });
        match items {
            Some(items) => format!("vec![{items}]"),
            None => panic!(
                "{}: « {key} » must be a list of strings",
                self.at(value.span().start)
            ),
        }
    }

    /// A value as `toml::Table::deserialize` gives it to a rule's parameters.
    fn toml(&self, value: &Value) -> String {
        let plain = <toml::Value as serde::Deserialize>::deserialize(
            toml::de::ValueDeserializer::from(value.clone()),
        )
        .unwrap_or_else(|e| panic!("{}: {}", self.at(value.span().start), e.message()));
        self.plain(&plain, value.span().start)
    }

    fn plain(&self, value: &toml::Value, at: usize) -> String {
        match value {
            toml::Value::String(s) => format!("toml::Value::String({s:?}.to_string())"),
            toml::Value::Integer(n) => format!("toml::Value::Integer({n})"),
            toml::Value::Float(x) => {
                format!("toml::Value::Float(f64::from_bits({:#x}))", x.to_bits())
            }
            toml::Value::Boolean(b) => format!("toml::Value::Boolean({b})"),
            toml::Value::Array(items) => {
                let items: Vec<String> = items.iter().map(|v| self.plain(v, at)).collect();
                format!("toml::Value::Array(vec![{}])", items.join(", "))
            }
            toml::Value::Table(table) => {
                let items: Vec<String> = table
                    .iter()
                    .map(|(k, v)| format!("({k:?}.to_string(), {})", self.plain(v, at)))
                    .collect();
                format!(
                    "toml::Value::Table(toml::Table::from_iter([{}]))",
                    items.join(", ")
                )
            }
            toml::Value::Datetime(_) => panic!("{}: a date is not read here", self.at(at)),
        }
    }

    /// The `RawRule` expression of `[rules.ID]`.
    fn rule(&self, id: &str, settings: &Value) -> String {
        let (mut enabled, mut severity, mut articles) =
            ("None".into(), "None".into(), "None".into());
        let (mut kinds, mut origins, mut params) = (Vec::new(), Vec::new(), Vec::new());
        for (k, k_at, v) in self.entries(id, settings) {
            let v_at = v.span().start;
            match k {
                "enabled" => {
                    let Some(b) = v.get_ref().as_bool() else {
                        panic!(
                            "{}: « rules.{id}.enabled » must be true or false",
                            self.at(v_at)
                        );
                    };
                    enabled = format!("Some({b})");
                }
                "severity" => {
                    let variant = match v.get_ref().as_str() {
                        Some("info") => "Info",
                        Some("warning") => "Warning",
                        Some("error") => "Error",
                        _ => panic!(
                            "{}: « rules.{id}.severity » is info, warning or error",
                            self.at(v_at)
                        ),
                    };
                    severity = format!("Some(crate::finding::Severity::{variant})");
                }
                "articles" => {
                    articles = format!("Some(({}, {}))", self.strings(k, v), self.origin(v_at));
                }
                "kind-articles" => {
                    for (kind, _, list) in self.entries(k, v) {
                        kinds.push(format!(
                            "({kind:?}.to_string(), ({}, {}))",
                            self.strings(kind, list),
                            self.origin(v_at)
                        ));
                    }
                }
                other => {
                    origins.push(format!("({other:?}.to_string(), {})", self.origin(k_at)));
                    params.push(format!("({other:?}.to_string(), {})", self.toml(v)));
                }
            }
        }
        let params = match params.is_empty() {
            true => "toml::Table::new()".to_string(),
            false => format!("toml::Table::from_iter([{}])", params.join(", ")),
        };
        format!(
            "super::load::RawRule {{ enabled: {enabled}, severity: {severity}, articles: {articles}, \
             kind_articles: std::collections::BTreeMap::from([{}]), params: {params}, \
             origins: std::collections::BTreeMap::from([{}]) }}",
            kinds.join(", "),
            origins.join(", ")
        )
    }

    /// The function that builds the profile's layer.
    fn layer(&self, function: &str) -> String {
        let root = toml::de::DeTable::parse(self.source).unwrap_or_else(|e| {
            let at = e.span().map_or(0, |s| s.start);
            panic!("{}: {}", self.at(at), e.message().trim())
        });
        let root = toml::Spanned::new(root.span(), toml::de::DeValue::Table(root.into_inner()));
        let mut f = format!(
            "fn {function}(path: &str) -> super::load::Layer {{\n    let mut layer = super::load::Layer {{\n        path: path.to_string(),\n        ..Default::default()\n    }};\n"
        );
        for (key, key_at, value) in self.entries("", &root) {
            let at = value.span().start;
            match key {
                "id" | "name" | "title" | "adopted" => {
                    writeln!(f, "    layer.{key} = Some({});", self.string(key, value)).unwrap();
                }
                "jurisdiction" => {
                    let variant = match value.get_ref().as_str() {
                        Some("quebec") => "Quebec",
                        Some("new-brunswick") => "NewBrunswick",
                        Some("other") => "Other",
                        _ => panic!("{}: unknown jurisdiction", self.at(at)),
                    };
                    writeln!(
                        f,
                        "    layer.jurisdiction = Some(super::Jurisdiction::{variant});"
                    )
                    .unwrap();
                }
                "extends" => {
                    let parent = self.string(key, value);
                    writeln!(
                        f,
                        "    layer.extends = Some(({parent}, {}));",
                        self.origin(at)
                    )
                    .unwrap();
                }
                "organization" => {
                    for (k, k_at, v) in self.entries(key, value) {
                        let field = match k {
                            "names" | "aliases" | "email-domains" | "emails" | "phones"
                            | "websites" => k.replace('-', "_"),
                            _ => panic!("{}: unknown key « organization.{k} »", self.at(k_at)),
                        };
                        writeln!(f, "    layer.org.{field} = {};", self.strings(k, v)).unwrap();
                    }
                }
                "articles" => {
                    for (article, _, v) in self.entries(key, value) {
                        let mut fields = BTreeMap::new();
                        for (k, k_at, text) in self.entries(article, v) {
                            let field = match k {
                                "ref" => "reference",
                                "title" | "quote" => k,
                                _ => panic!(
                                    "{}: unknown key « articles.{article}.{k} »",
                                    self.at(k_at)
                                ),
                            };
                            assert!(
                                text.get_ref()
                                    .as_str()
                                    .is_some_and(|t| !t.trim().is_empty()),
                                "{}: « articles.{article}.{k} » must be a text, not empty",
                                self.at(text.span().start)
                            );
                            fields.insert(field, self.string(k, text));
                        }
                        let [Some(reference), Some(title), Some(quote)] =
                            ["reference", "title", "quote"].map(|k| fields.get(k))
                        else {
                            panic!(
                                "{}: « articles.{article} » needs ref, title and quote",
                                self.at(v.span().start)
                            );
                        };
                        writeln!(
                            f,
                            "    layer.articles.insert({article:?}.to_string(), crate::finding::Article {{ reference: {reference}, title: {title}, quote: {quote} }});"
                        )
                        .unwrap();
                    }
                }
                "rules" => {
                    for (id, _, settings) in self.entries(key, value) {
                        let rule = self.rule(id, settings);
                        writeln!(f, "    layer.rules.insert({id:?}.to_string(), {rule});").unwrap();
                    }
                }
                other => panic!("{}: unknown key « {other} » in a profile", self.at(key_at)),
            }
        }
        f.push_str("    layer\n}\n\n");
        f
    }
}
