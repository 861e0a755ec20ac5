//! Regexes that are compiled only when a text could match them.
//!
//! A rule's regex costs 0.2 to 3 ms to compile, more than checking a whole post; most
//! posts could never match most of them ("code promo" needs "code", a petition call
//! needs "petition"). A [`LazyRegex`] holds its pattern and a few literals, one of which
//! every match contains: while the text holds none of them, the answer is "no match"
//! and nothing is compiled. Once compiled (an archive of posts soon compiles them all),
//! the regex alone answers, at its own speed.
//!
//! A rule that runs several of them on each paragraph groups them in a [`GateSet`]: one
//! pass over the paragraph finds the literals of all the gates, and a regex whose gate
//! stays shut is neither compiled nor run, even once compiled.
//!
//! The literals are written by hand beside the pattern, and proven by a test:
//! [`assert_gate`] reads the pattern and checks that every match holds one of them. In
//! a literal, `\d` stands for an ASCII digit ("\d pour \d" for "2 pour 1") and `\s`
//! for one ASCII blank ("vous\spresente"): folded patterns only, where they are ASCII.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::AhoCorasick;
use regex::{Captures, Match, Regex};

/// A regex compiled on first need, and not needed while the text lacks every literal
/// of its gate.
pub struct LazyRegex {
    pattern: &'static str,
    gate: &'static [&'static str],
    /// Compiled by [`crate::text::folded_regex`] (ASCII classes) rather than as is.
    folded: bool,
    regex: OnceLock<Regex>,
}

impl LazyRegex {
    /// A pattern on folded text, compiled with [`crate::text::folded_regex`]. Every match
    /// contains one of the `gate` literals (an empty gate: no test, always compiled).
    pub const fn folded(pattern: &'static str, gate: &'static [&'static str]) -> LazyRegex {
        LazyRegex {
            pattern,
            gate,
            folded: true,
            regex: OnceLock::new(),
        }
    }

    /// A pattern compiled as written (Unicode classes: for the original text).
    pub const fn new(pattern: &'static str, gate: &'static [&'static str]) -> LazyRegex {
        LazyRegex {
            pattern,
            gate,
            folded: false,
            regex: OnceLock::new(),
        }
    }

    pub fn pattern(&self) -> &'static str {
        self.pattern
    }

    pub fn gate(&self) -> &'static [&'static str] {
        self.gate
    }

    /// The regex, compiled now if `text` may hold a match; `None` when it cannot.
    pub fn for_text(&self, text: &str) -> Option<&Regex> {
        if let Some(re) = self.regex.get() {
            return Some(re);
        }
        if !self.gate.is_empty() && !self.opens(text) {
            return None;
        }
        Some(self.compiled())
    }

    /// True when `text` holds a literal of the gate.
    fn opens(&self, text: &str) -> bool {
        self.gate.iter().any(|g| holds(text, g))
    }

    /// The regex, compiled now if it was not.
    pub fn compiled(&self) -> &Regex {
        self.regex.get_or_init(|| {
            let compiled = if self.folded {
                crate::text::folded_regex(self.pattern)
            } else {
                Regex::new(self.pattern)
            };
            compiled.unwrap_or_else(|e| panic!("built-in pattern: {e}"))
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.for_text(text).is_some_and(|re| re.is_match(text))
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.for_text(text)?.find(text)
    }

    pub fn find_iter<'r, 't>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = Match<'t>> + use<'r, 't> {
        self.for_text(text)
            .into_iter()
            .flat_map(move |re| re.find_iter(text))
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.for_text(text)?.captures(text)
    }
}

/// The gated regexes a rule runs on the same text, whose literals are looked for
/// together: one pass over a paragraph tells which of them may match it, where asking
/// each regex would read the paragraph once per literal.
pub struct GateSet {
    members: &'static [&'static LazyRegex],
    built: OnceLock<Literals>,
    /// Texts opened so far, counted up to [`ONE_BY_ONE`].
    opened: AtomicUsize,
}

/// The texts a set opens by asking each gate before it builds its automaton: building
/// costs more than checking one post, and far less than checking an archive.
const ONE_BY_ONE: usize = 64;

/// Every literal of a set's gates, and which members each one opens.
struct Literals {
    /// The plain literals, and the longest plain run of each literal with `\d` or `\s`.
    finder: AhoCorasick,
    /// For each string of `finder`, the bits of the members it opens.
    opens: Vec<u64>,
    /// For each string of `finder`, the literals with `\d` or `\s` it is the run of: the
    /// literal, how many bytes come before the run, its member.
    around: Vec<Vec<(&'static str, usize, usize)>>,
    /// Members always open (an empty gate).
    always: u64,
    /// Literals without a plain byte (`\d\d`), tested one by one, and their member.
    escaped: Vec<(&'static str, usize)>,
}

impl GateSet {
    /// At most 64 members.
    pub const fn new(members: &'static [&'static LazyRegex]) -> GateSet {
        assert!(members.len() <= 64, "a gate set holds at most 64 regexes");
        GateSet {
            members,
            built: OnceLock::new(),
            opened: AtomicUsize::new(0),
        }
    }

    fn literals(&self) -> &Literals {
        self.built.get_or_init(|| {
            let mut strings: Vec<&'static str> = Vec::new();
            let mut opens: Vec<u64> = Vec::new();
            let mut around: Vec<Vec<(&'static str, usize, usize)>> = Vec::new();
            let mut always = 0;
            let mut escaped = Vec::new();
            for (i, re) in self.members.iter().enumerate() {
                if re.gate.is_empty() {
                    always |= 1 << i;
                }
                for &g in re.gate {
                    let (before, run) = plain_run(g);
                    if run.is_empty() {
                        escaped.push((g, i));
                        continue;
                    }
                    let k = strings.iter().position(|p| *p == run).unwrap_or_else(|| {
                        strings.push(run);
                        opens.push(0);
                        around.push(Vec::new());
                        strings.len() - 1
                    });
                    if run.len() == g.len() {
                        opens[k] |= 1 << i;
                    } else {
                        around[k].push((g, before, i));
                    }
                }
            }
            let finder =
                AhoCorasick::new(&strings).unwrap_or_else(|e| panic!("built-in gates: {e}"));
            Literals {
                finder,
                opens,
                around,
                always,
                escaped,
            }
        })
    }

    /// Which members may match `text` (or any part of it).
    pub fn open<'s>(&'s self, text: &str) -> Open<'s> {
        let bits = if self.built.get().is_none()
            && self.opened.fetch_add(1, Ordering::Relaxed) < ONE_BY_ONE
        {
            self.one_by_one(text)
        } else {
            self.in_one_pass(text)
        };
        Open { set: self, bits }
    }

    /// Each member asks its own gate: no automaton to build for one post.
    fn one_by_one(&self, text: &str) -> u64 {
        self.members
            .iter()
            .enumerate()
            .filter(|(_, re)| re.gate.is_empty() || re.opens(text))
            .fold(0, |bits, (i, _)| bits | 1 << i)
    }

    /// One pass of the automaton of every literal.
    fn in_one_pass(&self, text: &str) -> u64 {
        let literals = self.literals();
        let all = if self.members.len() == 64 {
            u64::MAX
        } else {
            (1 << self.members.len()) - 1
        };
        let mut bits = literals.always;
        for m in literals.finder.find_overlapping_iter(text) {
            let k = m.pattern().as_usize();
            bits |= literals.opens[k];
            for &(g, before, i) in &literals.around[k] {
                if bits & (1 << i) == 0
                    && m.start() >= before
                    && fits_at(text, m.start() - before, g)
                {
                    bits |= 1 << i;
                }
            }
            if bits == all {
                break;
            }
        }
        for &(g, i) in &literals.escaped {
            if bits & (1 << i) == 0 && holds(text, g) {
                bits |= 1 << i;
            }
        }
        bits
    }
}

/// The members of a [`GateSet`] that may match a text, and may match any part of it.
#[derive(Clone, Copy)]
pub struct Open<'s> {
    set: &'s GateSet,
    bits: u64,
}

impl Open<'_> {
    /// The regex of a member, compiled now if needed; `None` when the text cannot hold
    /// a match of it.
    pub fn regex(&self, re: &'static LazyRegex) -> Option<&'static Regex> {
        let i = self
            .set
            .members
            .iter()
            .position(|m| std::ptr::eq(*m, re))
            .unwrap_or_else(|| panic!("not in the gate set: {}", re.pattern));
        (self.bits & (1 << i) != 0).then(|| re.compiled())
    }

    pub fn is_match(&self, re: &'static LazyRegex, text: &str) -> bool {
        self.regex(re).is_some_and(|r| r.is_match(text))
    }

    pub fn find<'t>(&self, re: &'static LazyRegex, text: &'t str) -> Option<Match<'t>> {
        self.regex(re)?.find(text)
    }

    pub fn find_iter<'t>(
        &self,
        re: &'static LazyRegex,
        text: &'t str,
    ) -> impl Iterator<Item = Match<'t>> + use<'t> {
        self.regex(re)
            .into_iter()
            .flat_map(move |r| r.find_iter(text))
    }

    pub fn captures<'t>(&self, re: &'static LazyRegex, text: &'t str) -> Option<Captures<'t>> {
        self.regex(re)?.captures(text)
    }
}

/// True when `text` holds the gate literal `g` (`\d` in it: an ASCII digit; `\s`: one
/// of the blanks `folded_regex` gives `\s`).
fn holds(text: &str, g: &str) -> bool {
    if !g.contains('\\') {
        return text.contains(g);
    }
    // The longest run of plain bytes is looked for first (" pour " in "\d pour \d"),
    // the rest of the literal around each place it occurs.
    let (before, run) = plain_run(g);
    if run.is_empty() {
        return (0..text.len()).any(|start| fits_at(text, start, g));
    }
    text.match_indices(run)
        .any(|(i, _)| i >= before && fits_at(text, i - before, g))
}

/// True when the gate literal `g` occurs in `text` at byte `start`.
fn fits_at(text: &str, start: usize, g: &str) -> bool {
    let (bytes, want) = (text.as_bytes(), g.as_bytes());
    let (mut at, mut k) = (start, 0);
    while k < want.len() {
        let Some(&b) = bytes.get(at) else {
            return false;
        };
        let fits = match (want[k], want.get(k + 1)) {
            (b'\\', Some(b'd')) => b.is_ascii_digit(),
            (b'\\', Some(b's')) => matches!(b, b'\t' | b'\n' | b'\r' | b' '),
            (w, _) => w == b,
        };
        if !fits {
            return false;
        }
        k += if want[k] == b'\\' { 2 } else { 1 };
        at += 1;
    }
    true
}

/// The longest run of `g` without `\d` or `\s`, and how many text bytes come before it.
fn plain_run(g: &str) -> (usize, &str) {
    let mut best = (0, "");
    let (mut k, mut before) = (0, 0);
    let want = g.as_bytes();
    while k < want.len() {
        if want[k] == b'\\' {
            k += 2;
            before += 1;
            continue;
        }
        let end = g[k..].find('\\').map_or(g.len(), |i| k + i);
        if end - k > best.1.len() {
            best = (before, &g[k..end]);
        }
        before += end - k;
        k = end;
    }
    best
}

/// An ASCII digit, in the strings the checker reads from a pattern.
#[cfg(test)]
const DIGIT: char = '\u{E000}';

/// One ASCII blank (`\s` of a folded pattern), in the strings the checker reads.
#[cfg(test)]
const BLANK: char = '\u{E001}';

/// The most strings a piece of a pattern may stand for before it counts as unknown.
#[cfg(test)]
const MAX_EXACT: usize = 512;

/// Strings one of which every match of `pattern` contains, read from the pattern (a
/// start for writing a gate); `None` when nothing is sure (a pattern that can match the
/// empty string, a case-insensitive flag, a syntax this reader does not know).
#[cfg(test)]
pub fn required_literals(pattern: &str) -> Option<Vec<String>> {
    let mut req = read(pattern, &[], false)?.required?;
    req.sort();
    req.dedup();
    Some(req)
}

/// Checks a gate: every match of the pattern contains one of its literals. The pattern
/// is read piece by piece: an alternation is covered when each branch is, a sequence
/// when one of its pieces (or a run of literal pieces) is, a literal piece when each
/// string it can match holds a literal of the gate.
#[cfg(test)]
pub fn assert_gate(name: &str, re: &LazyRegex) {
    assert!(!re.gate().is_empty(), "{name}: empty gate");
    for g in re.gate() {
        let escapes: Vec<&str> = g.split('\\').skip(1).collect();
        assert!(
            escapes.iter().all(|e| e.starts_with(['d', 's'])),
            "{name}: « {g} »: a backslash only in \\d or \\s"
        );
        assert!(
            escapes.is_empty() || re.folded,
            "{name}: « {g} »: \\d and \\s are ASCII only in a folded pattern"
        );
    }
    let facts = read(re.pattern(), re.gate(), re.folded)
        .unwrap_or_else(|| panic!("{name}: pattern not understood"));
    assert!(
        facts.covered,
        "{name}: a match may hold none of {:?}: {:?}",
        re.gate(),
        facts.uncovered
    );
    re.compiled();
}

/// Reads a pattern; `folded`: compiled by `folded_regex`, where `\d` is ASCII.
#[cfg(test)]
fn read(pattern: &str, gate: &[&str], folded: bool) -> Option<Facts> {
    let mut p = Reader {
        chars: pattern.chars().collect(),
        at: 0,
        verbose: false,
        folded,
        gate: gate
            .iter()
            .map(|g| {
                g.replace(r"\d", &DIGIT.to_string())
                    .replace(r"\s", &BLANK.to_string())
            })
            .collect(),
    };
    let facts = p.alternation().ok()?;
    (p.at == p.chars.len()).then_some(facts)
}

/// What is known of a piece of a pattern.
#[cfg(test)]
#[derive(Debug, Clone)]
struct Facts {
    /// Every string it can match, when they are few.
    exact: Option<Vec<String>>,
    /// Strings one of which every match contains.
    required: Option<Vec<String>>,
    /// Every match contains a literal of the gate.
    covered: bool,
    /// Strings one of which every match starts with (`\d+`: a digit).
    head: Option<Vec<String>>,
    /// Strings one of which every match ends with; with "" in it, the piece may also
    /// be empty (`(?:\d+ )?`).
    tail: Option<Vec<String>>,
    /// The branches of the outer alternation that are not covered (for the message).
    uncovered: Vec<String>,
}

#[cfg(test)]
impl Facts {
    fn unknown() -> Facts {
        Facts {
            exact: None,
            required: None,
            covered: false,
            head: None,
            tail: None,
            uncovered: Vec::new(),
        }
    }
}

/// The tail of a piece that may be left out: its own, and "".
#[cfg(test)]
fn optional(tail: Option<Vec<String>>) -> Option<Vec<String>> {
    tail.filter(|t| useful(t)).map(|mut t| {
        t.push(String::new());
        t
    })
}

/// The union of the sets, when each is known.
#[cfg(test)]
fn union(sets: impl Iterator<Item = Option<Vec<String>>>) -> Option<Vec<String>> {
    sets.collect::<Option<Vec<_>>>().map(|s| s.concat())
}

/// A set of literals is a requirement when none of them is empty.
#[cfg(test)]
fn useful(set: &[String]) -> bool {
    !set.is_empty() && set.iter().all(|s| !s.is_empty())
}

/// The better requirement: the one whose shortest string is longer, then the smaller.
#[cfg(test)]
fn better(a: Option<Vec<String>>, b: Option<Vec<String>>) -> Option<Vec<String>> {
    let score = |s: &Vec<String>| {
        (
            s.iter().map(|x| x.chars().count()).min().unwrap_or(0),
            std::cmp::Reverse(s.len()),
        )
    };
    match (a, b) {
        (Some(a), Some(b)) => Some(if score(&b) > score(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
fn product(a: &[String], b: &[String]) -> Option<Vec<String>> {
    if a.len() * b.len() > MAX_EXACT {
        return None;
    }
    Some(
        a.iter()
            .flat_map(|x| b.iter().map(move |y| format!("{x}{y}")))
            .collect(),
    )
}

#[cfg(test)]
struct Reader {
    chars: Vec<char>,
    at: usize,
    verbose: bool,
    folded: bool,
    /// The gate's literals, `\d` written [`DIGIT`], `\s` [`BLANK`].
    gate: Vec<String>,
}

#[cfg(test)]
impl Reader {
    fn exactly(&self, strings: Vec<String>) -> Facts {
        Facts {
            required: useful(&strings).then(|| strings.clone()),
            covered: self.covers(&strings),
            head: Some(strings.clone()),
            tail: Some(strings.clone()),
            exact: Some(strings),
            uncovered: Vec::new(),
        }
    }

    /// True when each string holds a literal of the gate.
    fn covers(&self, strings: &[String]) -> bool {
        !strings.is_empty()
            && strings
                .iter()
                .all(|s| self.gate.iter().any(|g| s.contains(g.as_str())))
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_verbose(&mut self) {
        while self.verbose {
            match self.peek() {
                Some(c) if c.is_whitespace() => self.at += 1,
                Some('#') => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.at += 1;
                    }
                }
                _ => break,
            }
        }
    }

    fn alternation(&mut self) -> Result<Facts, ()> {
        let mut from = self.at;
        let mut branches = vec![self.concatenation()?];
        let mut uncovered = Vec::new();
        loop {
            if !branches.last().is_some_and(|b| b.covered) {
                uncovered.push(self.chars[from..self.at].iter().collect::<String>());
            }
            if self.peek() != Some('|') {
                break;
            }
            self.at += 1;
            from = self.at;
            branches.push(self.concatenation()?);
        }
        if branches.len() == 1 {
            return Ok(branches.pop().expect("one branch"));
        }
        let exact = branches
            .iter()
            .map(|b| b.exact.clone())
            .collect::<Option<Vec<_>>>()
            .map(|sets| sets.concat())
            .filter(|s| s.len() <= MAX_EXACT);
        let required = branches
            .iter()
            .map(|b| b.required.clone())
            .collect::<Option<Vec<_>>>()
            .map(|sets| sets.concat());
        let covered = branches.iter().all(|b| b.covered);
        Ok(Facts {
            exact,
            required,
            covered,
            head: union(branches.iter().map(|b| b.head.clone())),
            tail: union(branches.iter().map(|b| b.tail.clone())),
            uncovered,
        })
    }

    fn concatenation(&mut self) -> Result<Facts, ()> {
        let mut pieces = Vec::new();
        loop {
            self.skip_verbose();
            match self.peek() {
                None | Some('|') | Some(')') => break,
                _ => {
                    let atom = self.atom()?;
                    pieces.push(self.repetition(atom)?);
                }
            }
        }
        // The best requirement: one piece's, or the strings the text holds at the end of
        // a piece: `run`, one of which the text read so far ends with ("": nothing
        // known), grown by the exact pieces, and continued into the head of the next.
        let mut required = None;
        let mut covered = false;
        let mut run: Vec<String> = vec![String::new()];
        let mut exact: Option<Vec<String>> = Some(vec![String::new()]);
        let mut head: Option<Vec<String>> = None;
        let mut lead: Option<Vec<String>> = Some(vec![String::new()]);
        for piece in &pieces {
            required = better(required, piece.required.clone());
            covered |= piece.covered;
            exact = match (&exact, &piece.exact) {
                (Some(e), Some(p)) => product(e, p),
                _ => None,
            };
            let mut candidates = Vec::new();
            match &piece.exact {
                Some(p) => run = product(&run, p).unwrap_or_else(|| p.clone()),
                None => {
                    if let Some(h) = piece.head.as_ref().filter(|h| useful(h)) {
                        candidates.push(product(&run, h).unwrap_or_else(|| h.clone()));
                    }
                    run = match &piece.tail {
                        Some(t) if t.iter().any(String::is_empty) => {
                            let mut both = run.clone();
                            both.extend(t.iter().filter(|x| !x.is_empty()).cloned());
                            both
                        }
                        Some(t) => t.clone(),
                        None => vec![String::new()],
                    };
                }
            }
            candidates.push(run.clone());
            for c in candidates.into_iter().filter(|c| useful(c)) {
                covered |= self.covers(&c);
                required = better(required, Some(c));
            }
            // The head: the exact pieces in front, into the first other one.
            if let Some(l) = lead.take() {
                match &piece.exact {
                    Some(p) => lead = product(&l, p),
                    None => {
                        head = match &piece.head {
                            Some(h) if useful(h) => product(&l, h),
                            _ => useful(&l).then_some(l),
                        }
                    }
                }
            }
        }
        if let Some(l) = lead {
            head = useful(&l).then_some(l);
        }
        let tail = useful(&run).then_some(run);
        let uncovered = if covered {
            Vec::new()
        } else {
            pieces.iter().flat_map(|p| p.uncovered.clone()).collect()
        };
        Ok(Facts {
            exact,
            required,
            covered,
            head,
            tail,
            uncovered,
        })
    }

    fn repetition(&mut self, atom: Facts) -> Result<Facts, ()> {
        self.skip_verbose();
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                let close = self.chars[self.at..]
                    .iter()
                    .position(|&c| c == '}')
                    .ok_or(())?;
                let inner: String = self.chars[self.at + 1..self.at + close].iter().collect();
                self.at += close;
                let number = |s: &str| s.trim().parse::<u32>().map_err(|_| ());
                match inner.split_once(',') {
                    Some((lo, hi)) if hi.trim().is_empty() => (number(lo)?, None),
                    Some((lo, hi)) => (number(lo)?, Some(number(hi)?)),
                    None => (number(&inner)?, Some(number(&inner)?)),
                }
            }
            _ => return Ok(atom),
        };
        self.at += 1;
        if self.peek() == Some('?') {
            self.at += 1; // lazy
        }
        Ok(match (min, max) {
            (0, Some(1)) => Facts {
                exact: atom.exact.map(|mut e| {
                    e.push(String::new());
                    e
                }),
                tail: optional(atom.tail),
                ..Facts::unknown()
            },
            (0, _) => Facts {
                tail: optional(atom.tail),
                ..Facts::unknown()
            },
            (1, Some(1)) => atom,
            _ => Facts {
                exact: None,
                required: better(atom.required, atom.exact.filter(|e| useful(e))),
                covered: atom.covered,
                head: atom.head,
                tail: atom.tail,
                uncovered: atom.uncovered,
            },
        })
    }

    fn atom(&mut self) -> Result<Facts, ()> {
        let c = self.peek().ok_or(())?;
        self.at += 1;
        Ok(match c {
            '(' => self.group()?,
            '[' => self.class()?,
            '.' => Facts::unknown(),
            '^' | '$' => self.exactly(vec![String::new()]),
            '\\' => self.escape()?,
            '*' | '+' | '?' | '{' => return Err(()),
            c => self.exactly(vec![c.to_string()]),
        })
    }

    fn group(&mut self) -> Result<Facts, ()> {
        if self.peek() == Some('?') {
            self.at += 1;
            match self.peek() {
                Some('P') | Some('<') => {
                    let close = self.chars[self.at..]
                        .iter()
                        .position(|&c| c == '>')
                        .ok_or(())?;
                    self.at += close + 1;
                }
                _ => {
                    // Flags: "(?x)", "(?-u:", "(?:".
                    let mut flags = String::new();
                    while let Some(c) = self.peek().filter(|&c| c != ':' && c != ')') {
                        flags.push(c);
                        self.at += 1;
                    }
                    let on = flags.split('-').next().unwrap_or("");
                    if on.contains('i') {
                        return Err(()); // case-insensitive: literals are not sure
                    }
                    let end = self.peek().ok_or(())?;
                    self.at += 1;
                    if end == ')' {
                        self.verbose |= on.contains('x');
                        return Ok(self.exactly(vec![String::new()]));
                    }
                }
            }
        }
        let inner = self.alternation()?;
        if self.peek() != Some(')') {
            return Err(());
        }
        self.at += 1;
        Ok(inner)
    }

    /// A class: exact when it is a few plain characters (`[Cc]`, `[,.]`, `[\x{1F4F7}]`),
    /// unknown when it has a range, a negation, a nested or a named class.
    fn class(&mut self) -> Result<Facts, ()> {
        if self.chars[self.at..].starts_with(&['0', '-', '9', ']']) {
            self.at += 4;
            return Ok(self.exactly(vec![DIGIT.to_string()]));
        }
        let mut chars = Vec::new();
        let mut plain = true;
        let mut first = true;
        loop {
            let c = self.peek().ok_or(())?;
            self.at += 1;
            match c {
                ']' if !first => break,
                '\\' => match self.escape()?.exact {
                    Some(e) if e.len() == 1 && e[0].chars().count() == 1 => {
                        chars.push(e[0].clone())
                    }
                    _ => plain = false,
                },
                '[' => {
                    // A nested class: read it, it is not plain.
                    self.class()?;
                    plain = false;
                }
                '^' if first => plain = false,
                '-' | '&' | '~' => plain = false,
                c => chars.push(c.to_string()),
            }
            first = false;
        }
        Ok(if plain && !chars.is_empty() && chars.len() <= 16 {
            self.exactly(chars)
        } else {
            Facts::unknown()
        })
    }

    fn escape(&mut self) -> Result<Facts, ()> {
        let c = self.peek().ok_or(())?;
        self.at += 1;
        let hex = |r: &mut Reader| -> Result<char, ()> {
            let digits: String = if r.peek() == Some('{') {
                let close = r.chars[r.at..].iter().position(|&c| c == '}').ok_or(())?;
                let d = r.chars[r.at + 1..r.at + close].iter().collect();
                r.at += close + 1;
                d
            } else {
                let d = r.chars.get(r.at..r.at + 2).ok_or(())?.iter().collect();
                r.at += 2;
                d
            };
            u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or(())
        };
        Ok(match c {
            'b' | 'B' | 'A' | 'z' => self.exactly(vec![String::new()]),
            'd' if self.folded => self.exactly(vec![DIGIT.to_string()]),
            's' if self.folded => self.exactly(vec![BLANK.to_string()]),
            'd' | 'D' | 's' | 'S' | 'w' | 'W' => Facts::unknown(),
            'p' | 'P' => {
                if self.peek() == Some('{') {
                    let close = self.chars[self.at..]
                        .iter()
                        .position(|&c| c == '}')
                        .ok_or(())?;
                    self.at += close + 1;
                } else {
                    self.at += 1;
                }
                Facts::unknown()
            }
            'x' => {
                let c = hex(self)?;
                self.exactly(vec![c.to_string()])
            }
            'n' => self.exactly(vec!["\n".into()]),
            't' => self.exactly(vec!["\t".into()]),
            'r' => self.exactly(vec!["\r".into()]),
            c if c.is_alphanumeric() => return Err(()),
            c => self.exactly(vec![c.to_string()]),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static CODE: LazyRegex = LazyRegex::folded(r"\bcodes? promo\b", &["code"]);
    static PRICE: LazyRegex = LazyRegex::folded(r"\d pour \d", &["\\d pour \\d"]);
    static VOTE: LazyRegex = LazyRegex::new(r"\b(?:votez|elisez)\b", &["votez", "elisez"]);
    static PROMO: LazyRegex = LazyRegex::new(r"\bpromo\b", &["promo"]);
    static ANY: LazyRegex = LazyRegex::new(r"^\p{Lu}", &[]);
    static POUR: LazyRegex = LazyRegex::folded(r" pour ", &[" pour "]);
    static DIGITS: LazyRegex = LazyRegex::folded(r"\d\d", &[r"\d\d"]);
    static SET: GateSet = GateSet::new(&[&CODE, &PRICE, &VOTE, &PROMO, &ANY, &POUR, &DIGITS]);

    #[test]
    fn a_gate_set_opens_what_each_gate_opens() {
        let members: [&'static LazyRegex; 7] = [&CODE, &PRICE, &VOTE, &PROMO, &ANY, &POUR, &DIGITS];
        for text in [
            "",
            "Code promo : 2 pour 1 !",
            "votez et elisez",
            "2 pour 1",
            "2 pour x",
            "x pour 2",
            "12 pour 1",
            "a 2 pour",
            "rien ici",
            "le code",
            "promotion",
        ] {
            let open = SET.open(text);
            assert_eq!(SET.one_by_one(text), SET.in_one_pass(text), "{text:?}");
            for re in members {
                let alone = re.gate().is_empty() || re.opens(text);
                assert_eq!(
                    open.regex(re).is_some(),
                    alone,
                    "{} in {text:?}",
                    re.pattern()
                );
                // Open or not, the answer is the regex's own.
                assert_eq!(open.is_match(re, text), re.compiled().is_match(text));
            }
        }
    }

    #[test]
    fn escaped_literals_are_found_around_their_plain_part() {
        assert_eq!(plain_run(r"\d pour \d"), (1, " pour "));
        assert_eq!(plain_run(r",\d\d $"), (3, " $"));
        assert_eq!(plain_run(r"a\dbcd\s"), (2, "bcd"));
        assert_eq!(plain_run(r"\d\d").1, "");
        for (text, g, found) in [
            ("2 pour 1", r"\d pour \d", true),
            (" pour 1", r"\d pour \d", false),
            ("x pour 1 et 3 pour 4", r"\d pour \d", true),
            ("a 12,99 $", r",\d\d $", true),
            ("a 12,9 $", r",\d\d $", false),
            ("vous\npresente", r"vous\spresente", true),
            ("vous presente", r"vous\spresente", true),
            ("vous-presente", r"vous\spresente", false),
            ("a 12", r"\d\d", true),
            ("a 1", r"\d\d", false),
            ("", r"\d", false),
        ] {
            assert_eq!(holds(text, g), found, "{g} in {text:?}");
        }
    }

    #[test]
    #[should_panic(expected = "not in the gate set")]
    fn a_regex_outside_the_set_is_a_bug() {
        static OTHER: LazyRegex = LazyRegex::new("x", &["x"]);
        SET.open("x").regex(&OTHER);
    }

    fn req(p: &str) -> Option<Vec<String>> {
        required_literals(p)
    }

    fn strings(s: &[&str]) -> Option<Vec<String>> {
        let mut v: Vec<String> = s.iter().map(|s| s.to_string()).collect();
        v.sort();
        Some(v)
    }

    #[test]
    fn literals_every_match_contains() {
        assert_eq!(
            req(r"\bcodes? promo\b"),
            strings(&["code promo", "codes promo"])
        );
        assert_eq!(
            req(r"\b(?:signe[rz]?|signons) (?:la )?petition\b"),
            strings(&[
                "signe la petition",
                "signe petition",
                "signer la petition",
                "signer petition",
                "signez la petition",
                "signez petition",
                "signons la petition",
                "signons petition"
            ])
        );
        assert_eq!(
            req(r"\b(?:signe[rz]?|signons|partage[rz]?) (?:(?:la|une) )?\w* petition\b"),
            strings(&[" petition"])
        );
        assert_eq!(req(r"[Cc]ode\s*:"), strings(&["Code", "code"]));
        assert_eq!(req(r"[^Cc]ode"), strings(&["ode"]));
        assert_eq!(req(r"x['’-]y"), strings(&["x"]));
        assert_eq!(
            req(r"(?x) \b(?:votez | elisez) \s+"),
            strings(&["elisez", "votez"])
        );
        assert_eq!(req(r"\d+ ?%|\bsoldes?\b"), strings(&["%", "solde"]));
        assert_eq!(req(r"(?:a|b)?c"), strings(&["c"]));
        assert_eq!(req(r"[\x{1F4F7}\x{1F4F8}]"), strings(&["📷", "📸"]));
        assert_eq!(req(r"x\.y"), strings(&["x.y"]));
        assert_eq!(req(r"(?:ab)+"), strings(&["ab"]));
    }

    #[test]
    fn nothing_is_sure_of_some_patterns() {
        assert_eq!(req(r"\d+"), None);
        assert_eq!(req(r"a|\d"), None);
        assert_eq!(req(r"(?i)code"), None);
        assert_eq!(req(r"(?:code)?"), None);
        assert_eq!(req(r"\p{Lu}\p{Ll}+"), None);
        assert_eq!(req(r"a{0,3}"), None);
    }

    #[test]
    fn gates_are_checked_branch_by_branch() {
        let covered =
            |p: &'static str, gate: &'static [&'static str]| read(p, gate, true).unwrap().covered;
        assert!(covered(
            r"\bquelques\s(?:photos|images)\b|\ben photo",
            &["photo", "image"]
        ));
        assert!(!covered(
            r"\bquelques\s(?:photos|images)\b|\ben\s\w+",
            &["photo", "image"]
        ));
        assert!(covered(
            r"(?x) je \s vous \s presente | nous\svous\spresentons",
            &["present"]
        ));
        assert!(!covered(r"(?:photos?)?\s", &["photo"]));
        assert!(covered(r"(?:photos?)+\s", &["photo"]));
        assert!(covered(r"[Cc]ode", &["ode"]));
        assert!(!covered(r"[Cc]ode", &["code"]));
        assert!(covered(r"\b\d pour [0-9]\b|\d+ ?%", &[r"\d pour \d", "%"]));
        assert!(
            covered(r"\b\d+ pour \d\b", &[r"\d pour \d"]),
            "\\d+ ends with a digit"
        );
        assert!(!covered(r"\b\d* pour \d\b", &[r"\d pour \d"]));
        assert!(covered(r"\b\d+ pour \d\b", &[r" pour \d"]));
        assert!(
            !read(r"\d pour", &[r"\d pour"], false).unwrap().covered,
            "Unicode digits"
        );
        assert!(covered(
            r"je\svous\spresente|voici",
            &[r"vous\spresent", "voici"]
        ));
        assert!(!covered(r"je\s+vous\s+presente", &[r"vous\spresent"]));
    }

    #[test]
    fn digits_in_gates() {
        assert!(holds("offre 2 pour 1", r"\d pour \d"));
        assert!(!holds("2 pour x", r"\d pour \d"));
        assert!(holds("a 12", r"\d"));
        assert!(!holds("", r"\d"));
        assert!(holds("je vous\tpresente", r"vous\spresent"));
        assert!(!holds("je vous  presente", r"vous\spresent"));
        assert!(!holds("vous\u{a0}presente", r"vous\spresent"));
    }

    #[test]
    fn pieces_start_and_end_with_known_strings() {
        let covered =
            |p: &'static str, gate: &'static [&'static str]| read(p, gate, true).unwrap().covered;
        assert!(covered(
            r"\b(?:seulement|au prix de) \d+(?:[,.]\d+)? ?\$",
            &[r"seulement \d", r"prix de \d"]
        ));
        assert!(covered(
            r"\ba \d+[,.]\d\d ?\$",
            &[r",\d\d $", r",\d\d$", r".\d\d $", r".\d\d$"]
        ));
        assert!(
            !covered(r"\ba \d+[,.]\d\d ?\$", &[r",\d\d $", r".\d\d $"]),
            "no blank"
        );
        assert!(covered(r"\d+(?:[,.]\d+)? ?\$", &[r"\d $", r"\d$"]));
        assert!(
            !covered(r"\w+(?:[,.]\d+)? ?\$", &[r"\d $", r"\d$"]),
            "the digits may be missing"
        );
        assert!(covered(r"premier (?:\w+ )?gratuit", &[" gratuit"]));
        assert!(!covered(r"premier (?:\w+)?gratuit", &[" gratuit"]));
        assert!(covered(r"(?:ab|cb)+c", &["bc"]));
        assert!(!covered(r"x(?:ab|c)*d", &["bd"]));
    }

    #[test]
    fn the_gate_answers_before_the_regex() {
        static RE: LazyRegex = LazyRegex::folded(r"\bcodes? promo\b", &["code"]);
        assert_gate("test", &RE);
        assert!(RE.find("le code promo").is_some());
        assert!(!RE.is_match("rien a voir"));
        static LATE: LazyRegex = LazyRegex::folded(r"\bcode\b", &["code"]);
        assert!(!LATE.is_match("rien"));
        assert!(
            LATE.regex.get().is_none(),
            "no match possible: not compiled"
        );
        assert_eq!(LATE.find_iter("un code, deux codes, code").count(), 2);
        assert!(LATE.regex.get().is_some());
    }
}
