//! The consent register: a TOML file, named by `consents = "consents.toml"` in a
//! project's `vigie.toml`, that lists the photos and videos whose people consented to
//! their publication, who consented and until when.
//!
//! Why: a communications team collects consent forms once (a day camp's registration
//! form, an employee's signed release) and reuses the photos for months. A media listed
//! here with a consent still valid on the publication date needs nothing more in the
//! post; `photo-consent` reads [`Policy::consent_for`](super::Policy::consent_for).
//!
//! ```toml
//! [[consent]]
//! path = "photos/camp-de-jour-2025/*.jpg"   # a media path, or a glob
//! who = "Parents des enfants du camp de jour (formulaire d'inscription)"
//! until = 2025-12-31                         # optional: no end date if absent
//! parent = true                              # given by a parent or legal guardian
//! ```
//!
//! Every entry is validated and every error reported with its line and column.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::Origin;
use crate::draft::DateText;
use crate::problem::{Problem, did_you_mean, translate_serde_message};

/// One entry of the register, resolved.
#[derive(Debug, Clone)]
pub struct ConsentRecord {
    /// The path or glob as written.
    pub path: String,
    matcher: globset::GlobMatcher,
    /// Who consented.
    pub who: String,
    /// Last day the consent is valid; none: no end date.
    pub until: Option<jiff::civil::Date>,
    /// The consent was given by a parent or legal guardian (needed for minors).
    pub parent: bool,
    /// Where the entry is written.
    pub origin: Origin,
}

impl ConsentRecord {
    /// True when this entry covers a media path (as the post writes it).
    pub fn covers(&self, media_path: &str) -> bool {
        let media = normalize(media_path);
        self.matcher.is_match(&media) || normalize(&self.path) == media
    }

    /// True when the consent still holds on `date`.
    pub fn valid_on(&self, date: jiff::civil::Date) -> bool {
        self.until.is_none_or(|u| date <= u)
    }
}

/// A media path compared leniently: no leading `./`, `../` or `/`, forward slashes.
pub fn normalize(path: &str) -> String {
    let mut p = path.trim().replace('\\', "/");
    loop {
        let trimmed = p
            .strip_prefix("./")
            .or_else(|| p.strip_prefix("../"))
            .or_else(|| p.strip_prefix('/'));
        match trimmed {
            Some(t) => p = t.to_string(),
            None => return p,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsent {
    path: String,
    who: String,
    until: Option<DateText>,
    #[serde(default)]
    parent: bool,
    #[allow(dead_code)]
    note: Option<String>,
}

/// Reads the register at `path`; `origin` is where `vigie.toml` names it.
pub fn load(path: &Path, origin: &Origin) -> Result<Vec<ConsentRecord>, Vec<Problem>> {
    let display = path.display().to_string();
    let source =
        crate::fsutil::read_config(path, crate::fsutil::MAX_REGISTER_BYTES).map_err(|e| {
            vec![
                Problem {
                    path: origin.path.clone(),
                    line: Some(origin.line),
                    column: Some(origin.column),
                    message: format!("« consents » : registre des consentements {display} : {e}"),
                    help: None,
                }
                .with_help("vérifiez le chemin : il est relatif au dossier du vigie.toml"),
            ]
        })?;
    parse(&display, &source)
}

/// Parses a register's text; `path` names it in the errors.
pub fn parse(path: &str, source: &str) -> Result<Vec<ConsentRecord>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut records = Vec::new();
    let (root, syntax) = DeTable::parse_recoverable(source);
    for e in syntax {
        let at = e.span().map(|s| s.start).unwrap_or(0);
        problems.push(
            Problem::at(
                path,
                source,
                at,
                format!("syntaxe TOML invalide : {}", e.message().trim()),
            )
            .with_help("vérifiez les guillemets, les crochets et le signe = sur cette ligne"),
        );
    }
    for (key, value) in root.get_ref().iter() {
        let name = key.get_ref().as_ref();
        if name != "consent" {
            let help = match did_you_mean(name, ["consent"]) {
                Some(s) => format!("vouliez-vous dire « {s} » ?"),
                None => "chaque consentement s'écrit dans une section [[consent]]".into(),
            };
            problems.push(
                Problem::at(
                    path,
                    source,
                    key.span().start,
                    format!("clé inconnue « {name} »"),
                )
                .with_help(help),
            );
            continue;
        }
        let DeValue::Array(entries) = value.get_ref() else {
            problems.push(
                Problem::at(
                    path,
                    source,
                    value.span().start,
                    "« consent » doit être une liste de sections",
                )
                .with_help("écrivez chaque consentement dans une section [[consent]]"),
            );
            continue;
        };
        for entry in entries {
            if let Some(r) = read_entry(path, source, entry, &mut problems) {
                records.push(r);
            }
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

fn read_entry(
    path: &str,
    source: &str,
    entry: &Spanned<DeValue<'_>>,
    problems: &mut Vec<Problem>,
) -> Option<ConsentRecord> {
    let at = entry.span().start;
    let raw = match RawConsent::deserialize(ValueDeserializer::from(entry.clone())) {
        Ok(r) => r,
        Err(e) => {
            let (text, help) = translate_serde_message(e.message());
            let mut p = Problem::at(
                path,
                source,
                e.span().map(|s| s.start).unwrap_or(at),
                format!("« consent » : {text}"),
            );
            p.help = help;
            problems.push(p);
            return None;
        }
    };
    let locate = |field: &str| {
        entry
            .get_ref()
            .as_table()
            .and_then(|t| t.get(field))
            .map(|v| v.span().start)
            .unwrap_or(at)
    };
    let mut ok = true;
    if raw.who.trim().is_empty() {
        problems.push(
            Problem::at(path, source, locate("who"), "« consent.who » est vide")
                .with_help("écrivez qui a donné son consentement (nom, ou « parents des enfants du camp de jour »)"),
        );
        ok = false;
    }
    let until = match raw.until.as_ref().map(DateText::parse) {
        None => None,
        Some(Ok(d)) => Some(d.date()),
        Some(Err(message)) => {
            problems.push(Problem::at(
                path,
                source,
                locate("until"),
                format!("« consent.until » : {message}"),
            ));
            ok = false;
            None
        }
    };
    let matcher = match globset::GlobBuilder::new(&normalize(&raw.path))
        .literal_separator(true)
        .build()
    {
        Ok(g) => Some(g.compile_matcher()),
        Err(e) => {
            problems.push(Problem::at(
                path,
                source,
                locate("path"),
                format!(
                    "« consent.path » : motif invalide « {} » ({})",
                    raw.path,
                    e.kind()
                ),
            ));
            None
        }
    };
    let (line, column) = crate::text::LineIndex::new(source).position(source, at);
    Some(ConsentRecord {
        path: raw.path,
        matcher: matcher?,
        who: raw.who,
        until,
        parent: raw.parent,
        origin: Origin {
            path: path.to_string(),
            line,
            column,
        },
    })
    .filter(|_| ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_read_and_matched_leniently() {
        let src = "[[consent]]\npath = \"photos/camp/*.jpg\"\nwho = \"Parents du camp\"\nuntil = 2025-12-31\nparent = true\n\n[[consent]]\npath = \"./video/fete.mp4\"\nwho = \"Marie Tremblay\"\n";
        let records = parse("consents.toml", src).unwrap();
        assert_eq!(records.len(), 2);
        assert!(records[0].covers("photos/camp/a.jpg"));
        assert!(records[0].covers("./photos/camp/b.jpg"));
        assert!(!records[0].covers("photos/camp/sub/b.jpg"));
        assert!(records[0].parent);
        assert!(records[0].valid_on(jiff::civil::date(2025, 12, 31)));
        assert!(!records[0].valid_on(jiff::civil::date(2026, 1, 1)));
        assert!(records[1].covers("video/fete.mp4"));
        assert!(records[1].valid_on(jiff::civil::date(2040, 1, 1)));
        assert_eq!(records[1].origin.line, 7);
    }

    #[test]
    fn every_error_is_located() {
        let src = "[[consent]]\npath = \"a.jpg\"\nwho = \"\"\n\n[[consent]]\npath = \"b.jpg\"\nwho = \"X\"\nuntil = \"31/12/2025\"\n\n[[consent]]\npath = \"c.jpg\"\nqui = \"Y\"\n\n[[consents]]\npath = \"d.jpg\"\n";
        let problems = parse("consents.toml", src).unwrap_err();
        let lines: Vec<_> = problems.iter().map(|p| p.line.unwrap()).collect();
        assert_eq!(lines, [3, 8, 12, 14], "{problems:#?}");
        assert!(problems[3].help.as_deref().unwrap().contains("consent"));
    }
}
