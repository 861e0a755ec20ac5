//! Reading front matter key by key, so that a draft with two mistakes gets both
//! reported in one run (file, line, column, what to write), not the first one only:
//! serde stops at the first error of a struct, so each key, and each `[[media]]` or
//! `[[ignore]]` entry, is read on its own.

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::meta::{DateText, FrontMatter, Ignore, Media};
use crate::problem::{Problem, did_you_mean, translate_serde_message};

/// The keys a front matter may hold.
const KEYS: &[&str] = &[
    "account",
    "author",
    "platform",
    "publish_at",
    "reply_to_language",
    "emergency",
    "media",
    "ignore",
];

/// A value of the front matter, in either syntax, and where it starts in the file.
trait Entry: Sized {
    fn start(&self) -> usize;
    /// The value as `T`, or serde's message and the offset it points at.
    fn read<T: DeserializeOwned>(&self) -> Result<T, (String, Option<usize>)>;
    /// The entries of a list, `None` for any other value.
    fn elements(&self) -> Option<Vec<Self>>;
}

struct TomlEntry<'i> {
    value: Spanned<DeValue<'i>>,
    offset: usize,
}

impl Entry for TomlEntry<'_> {
    fn start(&self) -> usize {
        self.offset + self.value.span().start
    }

    fn read<T: DeserializeOwned>(&self) -> Result<T, (String, Option<usize>)> {
        T::deserialize(ValueDeserializer::from(self.value.clone())).map_err(|e| {
            let at = e.span().map(|s| self.offset + s.start);
            (e.message().to_string(), at)
        })
    }

    fn elements(&self) -> Option<Vec<Self>> {
        let items = self.value.get_ref().as_array()?;
        Some(
            items
                .iter()
                .map(|v| TomlEntry {
                    value: v.clone(),
                    offset: self.offset,
                })
                .collect(),
        )
    }
}

struct YamlEntry<'s> {
    value: serde_yaml_ng::Value,
    start: usize,
    source: &'s str,
}

impl Entry for YamlEntry<'_> {
    fn start(&self) -> usize {
        self.start
    }

    fn read<T: DeserializeOwned>(&self) -> Result<T, (String, Option<usize>)> {
        T::deserialize(self.value.clone()).map_err(|e| {
            let message = e.to_string();
            // serde_yaml appends " at line N column M": the position is found apart.
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            (message, None)
        })
    }

    fn elements(&self) -> Option<Vec<Self>> {
        let items = self.value.as_sequence()?;
        // Each item starts at its own "- " line, in order.
        let mut from = self.start;
        Some(
            items
                .iter()
                .map(|v| {
                    let start = self.source[from..]
                        .find("- ")
                        .map(|i| from + i)
                        .unwrap_or(self.start);
                    from = (start + 2).min(self.source.len());
                    YamlEntry {
                        value: v.clone(),
                        start,
                        source: self.source,
                    }
                })
                .collect(),
        )
    }
}

/// Collects the problems of one front matter.
struct Reader<'a> {
    path: &'a str,
    source: &'a str,
    /// Where the front matter's text ends: searches for a word stay inside it.
    end: usize,
    /// Where the keys are: "en-tête" (a draft) or "« defaults »" (a vigie.toml).
    place: &'static str,
    problems: Vec<Problem>,
}

/// The help of a mistake serde gives no help for.
const FRONT_HELP: &str = "corrigez l'en-tête : les clés permises sont décrites dans le README (section « Le brouillon »)";

impl<'a> Reader<'a> {
    /// A reader of the entries that end at `end` in `source`, its messages led by `place`.
    fn new(path: &'a str, source: &'a str, end: usize, place: &'static str) -> Self {
        Reader {
            path,
            source,
            end,
            place,
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, at: usize, text: String, help: Option<String>) {
        let p = Problem::at(
            self.path,
            self.source,
            at,
            format!("{} : {}", self.place, without_value(&text)),
        );
        self.problems
            .push(p.with_help(help.unwrap_or_else(|| FRONT_HELP.to_string())));
    }

    /// Reads a value; a mistake is recorded where serde points, else on the word it
    /// names (an unknown key or value) after the entry's start.
    fn read<T: DeserializeOwned, E: Entry>(&mut self, key: &str, entry: &E) -> Option<T> {
        match entry.read::<T>() {
            Ok(v) => Some(v),
            Err((message, at)) => {
                let at = at.unwrap_or_else(|| self.word_after(entry.start(), &message));
                let (text, help) = translate_serde_message(&message);
                let text = if text.starts_with('«') {
                    text
                } else {
                    format!("« {key} » : {text}")
                };
                self.problem(at, text, help);
                None
            }
        }
    }

    /// The offset of the word between backquotes in serde's message, searched from
    /// `from` in the front matter; `from` when it is not there.
    fn word_after(&self, from: usize, message: &str) -> usize {
        let word = message.split('`').nth(1).unwrap_or("");
        if word.is_empty() {
            return from;
        }
        self.source[from..self.end]
            .find(word)
            .map(|i| from + i)
            .unwrap_or(from)
    }

    fn list<T: DeserializeOwned, E: Entry>(&mut self, key: &str, entry: &E) -> Vec<T> {
        match entry.elements() {
            Some(items) => items
                .iter()
                .filter_map(|item| self.read::<T, E>(key, item))
                .collect(),
            None => self.read::<Vec<T>, E>(key, entry).unwrap_or_default(),
        }
    }

    /// The problems in the order of the file.
    fn finish(mut self, front: FrontMatter) -> Result<FrontMatter, Vec<Problem>> {
        if self.problems.is_empty() {
            return Ok(front);
        }
        self.problems.sort_by_key(|p| (p.line, p.column));
        Err(self.problems)
    }

    /// Reads every key; unknown keys and bad values are all recorded.
    fn front<E: Entry>(&mut self, entries: Vec<(String, usize, E)>) -> FrontMatter {
        let mut front = FrontMatter::default();
        for (key, at, entry) in entries {
            match key.as_str() {
                "account" => front.account = self.read(&key, &entry),
                "author" => front.author = self.read(&key, &entry),
                "platform" => front.platform = self.read(&key, &entry),
                "publish_at" => front.publish_at = self.read(&key, &entry),
                "reply_to_language" => front.reply_to_language = self.read(&key, &entry),
                "emergency" => front.emergency = self.read(&key, &entry),
                "media" => front.media = self.list::<Media, E>(&key, &entry),
                "ignore" => front.ignore = self.list::<Ignore, E>(&key, &entry),
                _ => {
                    let help = did_you_mean(&key, KEYS.iter().copied())
                        .map(|s| format!("vouliez-vous dire « {s} » ?"))
                        .unwrap_or_else(|| format!("clés permises : {}", KEYS.join(", ")));
                    self.problem(at, format!("clé inconnue « {key} »"), Some(help));
                }
            }
        }
        front
    }

    /// What serde cannot say: dates that do not parse, reasons left empty.
    fn check(&mut self, offset: usize, front: &FrontMatter) {
        let locate = |needle: &str, from: usize| {
            self.source[from..self.end]
                .find(needle)
                .map(|i| from + i)
                .unwrap_or(from)
        };
        let mut problems = Vec::new();
        if let Some(Err(message)) = front.publish_at.as_ref().map(DateText::parse) {
            problems.push((locate("publish_at", offset), message, None));
        }
        let mut from = offset;
        for ignore in &front.ignore {
            let block = locate("rule", from);
            from = (block + 1).min(self.end);
            if ignore.reason.trim().is_empty() {
                problems.push((
                    locate("reason", block),
                    format!(
                        "l'exception à la règle « {} » n'a pas de raison",
                        ignore.rule
                    ),
                    Some(
                        "écrivez pourquoi cette exception est justifiée dans « reason »"
                            .to_string(),
                    ),
                ));
            }
            if let Some(Err(message)) = ignore.until.as_ref().map(DateText::parse) {
                problems.push((locate("until", block), message, None));
            }
        }
        for (at, message, help) in problems {
            let p = Problem::at(
                self.path,
                self.source,
                at,
                format!("{} : {}", self.place, without_value(&message)),
            );
            self.problems.push(match help {
                Some(h) => p.with_help(h),
                None => p,
            });
        }
    }
}

/// Reads TOML front matter (`content` starts at `offset` in `source`).
pub(super) fn toml(
    path: &str,
    source: &str,
    offset: usize,
    content: &str,
) -> Result<FrontMatter, Vec<Problem>> {
    let mut r = Reader::new(path, source, offset + content.len(), "en-tête");
    let (root, syntax) = DeTable::parse_recoverable(content);
    for e in &syntax {
        let at = offset + e.span().map(|s| s.start).unwrap_or(0);
        let (text, help) = translate_serde_message(e.message());
        r.problem(at, text, help);
    }
    if !syntax.is_empty() {
        return Err(r.problems);
    }
    let entries = root
        .get_ref()
        .iter()
        .map(|(k, v)| {
            let entry = TomlEntry {
                value: v.clone(),
                offset,
            };
            (k.get_ref().to_string(), offset + k.span().start, entry)
        })
        .collect();
    let front = r.front(entries);
    r.check(offset, &front);
    r.finish(front)
}

/// Reads the `[defaults]` table of a vigie.toml (`source` is the whole file), with
/// every problem.
pub fn defaults(path: &str, source: &str, table: &DeTable<'_>) -> (FrontMatter, Vec<Problem>) {
    let mut r = Reader::new(path, source, source.len(), "« defaults »");
    let entries = table
        .iter()
        .map(|(k, v)| {
            let entry = TomlEntry {
                value: v.clone(),
                offset: 0,
            };
            (k.get_ref().to_string(), k.span().start, entry)
        })
        .collect();
    let front = r.front(entries);
    let start = table.iter().next().map_or(0, |(k, _)| k.span().start);
    r.check(start, &front);
    match r.finish(front) {
        Ok(front) => (front, Vec::new()),
        Err(problems) => (FrontMatter::default(), problems),
    }
}

/// Reads YAML front matter (`content` starts at `offset` in `source`).
pub(super) fn yaml(
    path: &str,
    source: &str,
    offset: usize,
    content: &str,
) -> Result<FrontMatter, Vec<Problem>> {
    let mut r = Reader::new(path, source, offset + content.len(), "en-tête");
    if content.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    if let Some(at) = too_deep(content) {
        r.problem(
            offset + at,
            format!("crochets ou accolades imbriqués sur plus de {MAX_YAML_DEPTH} niveaux"),
            Some("un en-tête de publication n'a que des valeurs simples et des listes [[media]] ; corrigez les crochets".to_string()),
        );
        return Err(r.problems);
    }
    let mapping: serde_yaml_ng::Mapping = match serde_yaml_ng::from_str(content) {
        Ok(m) => m,
        Err(e) => {
            let at = offset + e.location().map(|l| l.index()).unwrap_or(0);
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            let (text, help) = translate_serde_message(message);
            r.problem(at, text, help);
            return Err(r.problems);
        }
    };
    let mut entries = Vec::new();
    for (k, v) in mapping {
        let key = match k {
            serde_yaml_ng::Value::String(s) => s,
            other => serde_yaml_ng::to_string(&other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        let at = key_offset(content, &key).map_or(offset, |i| offset + i);
        let entry = YamlEntry {
            value: v,
            start: at,
            source: &source[..r.end],
        };
        entries.push((key, at, entry));
    }
    let front = r.front(entries);
    r.check(offset, &front);
    r.finish(front)
}

/// The offset of a top-level YAML key: a line that starts with `key:`.
fn key_offset(content: &str, key: &str) -> Option<usize> {
    let mut at = 0;
    for line in content.split_inclusive('\n') {
        if line
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// A front-matter message without the value at fault: the position names it, and the
/// value may be personal data (`author = "Marie Tremblay 819-555-1234"`), which a CI log
/// must not keep. Keys and allowed values are kept.
fn without_value(message: &str) -> String {
    let mut out = message.to_string();
    for lead in ["valeur inconnue", "date invalide", "date hors limites"] {
        if let Some(i) = out.find(&format!("{lead} « "))
            && let Some(len) = out[i..].find(" »")
        {
            out.replace_range(i + lead.len()..i + len + " »".len(), "");
        }
    }
    // "… trouvé la chaîne \"…\"", "… trouvé le nombre `…`": the kind stays, the value goes.
    if let Some(i) = out.find("trouvé ")
        && let Some(quote) = out[i..].find(['"', '`'])
    {
        out.truncate((i + quote).min(out.len()));
        out.truncate(out.trim_end().len());
    }
    out
}

/// How deep `[` and `{` may nest in a YAML front matter. The YAML reader's cost grows
/// with the square of the depth (200 KB of brackets took minutes); a post's metadata
/// never needs more than two or three levels.
const MAX_YAML_DEPTH: usize = 32;

/// Where the flow brackets of a YAML text first nest deeper than [`MAX_YAML_DEPTH`]
/// (quoted strings and comments skipped), if they do.
fn too_deep(yaml: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut comment = false;
    for (i, b) in yaml.bytes().enumerate() {
        match (quote, b) {
            (_, b'\n') if comment => comment = false,
            _ if comment => {}
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'#') => comment = true,
            (None, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_YAML_DEPTH {
                    return Some(i);
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::draft::{Draft, Format, Platform};

    fn problems(text: &str) -> Vec<String> {
        match Draft::parse_all("t.md", text.to_string(), Format::Markdown) {
            Ok(_) => Vec::new(),
            Err(ps) => ps.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn every_mistake_of_a_front_matter_is_reported() {
        let toml = "+++\naccont = \"personal\"\nplatfrom = \"x\"\n+++\nBonjour\n";
        let found = problems(toml);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("t.md:2:1 : en-tête : clé inconnue « accont »"));
        assert!(found[1].starts_with("t.md:3:1 : en-tête : clé inconnue « platfrom »"));
        let yaml = "---\naccont: personal\nauthor: candidat\n---\nBonjour\n";
        let found = problems(yaml);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].starts_with("t.md:3:9 : en-tête : « author » : valeur inconnue"));
    }

    #[test]
    fn enumerated_values_are_read_whatever_their_case() {
        for text in [
            "+++\nplatform = \"Facebook\"\n+++\nBonjour\n",
            "---\nplatform: FACEBOOK\n---\nBonjour\n",
        ] {
            let draft = Draft::parse_all("t.md", text.to_string(), Format::Markdown).unwrap();
            assert_eq!(draft.front.platform, Some(Platform::Facebook));
        }
    }
}
