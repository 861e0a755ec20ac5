//! Problems with the input itself (a file, a profile, a configuration), as opposed to
//! findings about a draft. A problem names the file, the line and column where it
//! applies, and what to do; it makes the run exit with status 2, and the other files are
//! still checked.

use std::fmt;

use crate::text::LineIndex;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Problem {
    /// A problem with a whole file (it cannot be read, it is not text, …).
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
        }
    }

    /// A problem at a byte offset of a file's text.
    pub fn at(
        path: impl Into<String>,
        source: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Problem {
        let (line, column) = LineIndex::new(source).position(source, offset);
        Problem {
            path: path.into(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, " : {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  → {help}")?;
        }
        Ok(())
    }
}

/// "Did you mean …?" for a misspelt key or identifier, when one candidate is close.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(given, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Turns serde's English messages into French ones, with a suggestion for an unknown key.
pub fn translate_serde_message(message: &str) -> (String, Option<String>) {
    let message = message.trim();
    // serde_yaml prefixes the key path: "account: unknown variant …".
    if let Some((key, rest)) = message.split_once(": ") {
        let is_path = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'));
        if is_path {
            let (text, help) = translate_serde_message(rest);
            return (format!("« {key} » : {text}"), help);
        }
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, rest) = rest.split_once('`').unwrap_or((rest, ""));
        let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        let text = format!("clé inconnue « {key} »");
        let help = match did_you_mean(key, expected.iter().copied()) {
            Some(s) => Some(format!("vouliez-vous dire « {s} » ?")),
            None if !expected.is_empty() => {
                Some(format!("clés permises : {}", expected.join(", ")))
            }
            None => None,
        };
        return (text, help);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, rest) = rest.split_once('`').unwrap_or((rest, ""));
        let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        let text = format!("valeur inconnue « {value} »");
        let help = match did_you_mean(value, expected.iter().copied()) {
            Some(s) => Some(format!("vouliez-vous dire « {s} » ?")),
            None => Some(format!("valeurs permises : {}", expected.join(", "))),
        };
        return (text, help);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return (format!("clé obligatoire « {key} » manquante"), None);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return (
            format!(
                "type invalide : attendu {}, trouvé {}",
                french_type(expected),
                french_type(found)
            ),
            None,
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return (
            format!(
                "valeur invalide : attendu {}, trouvé {}",
                french_type(expected),
                french_type(found)
            ),
            None,
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate key") {
        return (format!("clé en double{rest}"), None);
    }
    if let Some(text) = syntax_message(message) {
        return (text.to_string(), None);
    }
    // A parser's message we do not know: still say in French what kind of error it is.
    (format!("syntaxe invalide ({message})"), None)
}

/// The TOML and YAML parsers' syntax errors a hand-written header most often meets.
fn syntax_message(message: &str) -> Option<&'static str> {
    const KNOWN: &[(&str, &str)] = &[
        (
            "invalid basic string",
            "chaîne non fermée : il manque le guillemet « \" » de la fin",
        ),
        (
            "invalid literal string",
            "chaîne non fermée : il manque l'apostrophe de la fin",
        ),
        (
            "string values must be quoted",
            "une valeur texte s'écrit entre guillemets : clé = \"valeur\"",
        ),
        (
            "wanted string or table",
            "type invalide : attendu une chaîne de caractères entre guillemets",
        ),
        (
            "key with no value",
            "clé sans valeur : écrivez clé = valeur",
        ),
        (
            "missing assignment between key-value pairs",
            "il manque « = » entre la clé et la valeur",
        ),
        ("missing value", "valeur manquante après « = »"),
        ("unclosed array", "liste non fermée : il manque « ] »"),
        (
            "unclosed inline table",
            "table non fermée : il manque « } »",
        ),
        ("unclosed table", "nom de table non fermé : il manque « ] »"),
        (
            "missing comma between array elements",
            "il manque une virgule entre deux éléments de la liste",
        ),
        ("invalid unquoted key", "nom de clé invalide"),
        ("unexpected content", "texte inattendu après la valeur"),
        (
            "found unexpected end of stream",
            "fin inattendue : un guillemet ou un crochet n'est pas fermé",
        ),
        (
            "did not find expected key",
            "clé attendue : vérifiez l'indentation et les guillemets",
        ),
        (
            "mapping values are not allowed in this context",
            "« : » inattendu : mettez la valeur entre guillemets",
        ),
        (
            "could not find expected ':'",
            "il manque « : » entre la clé et la valeur",
        ),
        (
            "found character that cannot start any token",
            "caractère inattendu : mettez la valeur entre guillemets",
        ),
        ("empty date", "date vide"),
    ];
    KNOWN
        .iter()
        .find(|(en, _)| message.starts_with(en))
        .map(|(_, fr)| *fr)
}

fn french_type(t: &str) -> String {
    let t = t.trim();
    if let Some(v) = t.strip_prefix("string ") {
        return format!("la chaîne {v}");
    }
    if let Some(v) = t.strip_prefix("integer ") {
        return format!("le nombre {v}");
    }
    if let Some(v) = t.strip_prefix("boolean ") {
        return format!("le booléen {v}");
    }
    let known = [
        ("a boolean", "un booléen (true ou false)"),
        ("boolean", "un booléen (true ou false)"),
        ("a string", "une chaîne de caractères entre guillemets"),
        ("string", "une chaîne de caractères"),
        ("a sequence", "une liste [ … ]"),
        ("sequence", "une liste"),
        ("integer", "un nombre entier"),
        ("an integer", "un nombre entier"),
        ("u32", "un nombre entier positif"),
        ("u64", "un nombre entier positif"),
        ("usize", "un nombre entier positif"),
        ("f64", "un nombre"),
        ("a map", "une table"),
        ("map", "une table"),
        ("struct", "une table"),
    ];
    for (en, fr) in known {
        if t == en || t.starts_with(&format!("{en} ")) {
            return fr.to_string();
        }
    }
    if t.starts_with("a YAML tag") {
        return "une valeur simple, sans crochets ni accolades".to_string();
    }
    if t.starts_with("struct ") || t.starts_with("a struct") {
        return "une table".to_string();
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_suggests_the_closest_key() {
        let (text, help) = translate_serde_message(
            "unknown field `severty`, expected one of `enabled`, `severity`, `articles`",
        );
        assert_eq!(text, "clé inconnue « severty »");
        assert_eq!(help.as_deref(), Some("vouliez-vous dire « severity » ?"));
    }

    #[test]
    fn invalid_type_is_in_french() {
        let (text, _) = translate_serde_message("invalid type: string \"oui\", expected a boolean");
        assert_eq!(
            text,
            "type invalide : attendu un booléen (true ou false), trouvé la chaîne \"oui\""
        );
    }

    #[test]
    fn parser_messages_are_in_french() {
        let (text, _) = translate_serde_message("invalid basic string, expected `\"`");
        assert_eq!(
            text,
            "chaîne non fermée : il manque le guillemet « \" » de la fin"
        );
        let (text, _) = translate_serde_message("some new parser message");
        assert_eq!(text, "syntaxe invalide (some new parser message)");
    }

    #[test]
    fn display_has_position_and_help() {
        let p =
            Problem::at("a.toml", "x = 1\ny = 2", 6, "clé inconnue « y »").with_help("retirez-la");
        assert_eq!(
            p.to_string(),
            "a.toml:2:1 : clé inconnue « y »\n  → retirez-la"
        );
    }
}
