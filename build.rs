//! Compiles the French lexicon (`lexicons/lefff`) into the structures `src/text/morph.rs`
//! embeds: a finite-state transducer from each folded word form to its analyses, the
//! analyses, and the lemmas. Folding is the checks' own (`src/text/fold_char.rs`), so a
//! form is found exactly as a draft's word is folded.

use std::collections::{BTreeMap, BTreeSet};
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

fn read(path: &Path) -> String {
    println!("cargo::rerun-if-changed={}", path.display());
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    println!("cargo::rerun-if-changed=src/text/fold_char.rs");
    println!("cargo::rerun-if-changed=src/text/notation.rs");
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
    offensive(&root, &out);
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
/// `&[Prepared]` per `[section]`) for `src/checks/personal/lexicon.rs`. A bad entry
/// stops the build with its line.
fn personal(root: &Path, out: &Path) {
    let name = "lexicons/personal.txt";
    let mut code = String::new();
    let mut sections = BTreeSet::new();
    // The current section: its name, the line of its header, its number of entries.
    let mut section: Option<(String, usize, usize)> = None;
    let close = |section: &Option<(String, usize, usize)>, code: &mut String| {
        if let Some((title, line, entries)) = section {
            assert!(*entries > 0, "{name}:{line}: [{title}] has no entry");
            code.push_str("];\n");
        }
    };
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
            assert!(sections.insert(title.to_string()), "{at}: [{title}] twice");
            close(&section, &mut code);
            let ident = title.replace('-', "_").to_uppercase();
            writeln!(code, "pub static {ident}: &[Prepared] = &[").unwrap();
            section = Some((title.to_string(), n + 1, 0));
            continue;
        }
        let Some((_, _, entries)) = &mut section else {
            panic!("{at}: « {line} » comes before the first [list]");
        };
        *entries += 1;
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
        write!(code, "    Prepared {{ head: {}, slots: &[", head.len()).unwrap();
        for (alternatives, optional) in &slots {
            write!(code, "(&{alternatives:?}, {optional}), ").unwrap();
        }
        code.push_str("] },\n");
    }
    close(&section, &mut code);
    fs::write(out.join("personal-lexicons.rs"), code).unwrap();
}

/// The list of `offensive-language`, read and checked by the check's own code and
/// written as the expression of its tables (`offensive-lexicon.rs`).
fn offensive(root: &Path, out: &Path) {
    let name = "src/checks/offensive_language/lexicon.txt";
    let lexicon = offensive_lexicon::Lexicon::from_list(name, &read(&root.join(name)));
    fs::write(out.join("offensive-lexicon.rs"), lexicon.tables()).unwrap();
}
