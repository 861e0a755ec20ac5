//! What a project tells vigie about its elections, in `vigie.toml`:
//!
//! ```toml
//! [elections]
//! by-elections = [2026-03-15, { polling-day = 2026-06-07, from = 2026-04-20, name = "district 3" }]
//! candidates = ["Marie Côté", "Jean Tremblay"]
//! parties = ["Équipe Côté"]
//! ```
//!
//! The general elections of Quebec municipalities need no configuration (the
//! `electoral-neutrality` rule knows their dates); by-elections, the names of the
//! candidates and of the parties are local and come from here.

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeValue, ValueDeserializer};

use crate::draft::DateText;

/// A by-election: its polling day and, when it is not the 44th day before, the first day
/// of its electoral period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByElection {
    pub polling_day: jiff::civil::Date,
    pub from: Option<jiff::civil::Date>,
    pub name: Option<String>,
}

/// The resolved `[elections]` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Elections {
    pub by_elections: Vec<ByElection>,
    pub candidates: Vec<String>,
    pub parties: Vec<String>,
}

impl Elections {
    /// Adds another layer's settings (a project adds, never removes); what is already
    /// there is not repeated. Linear: a set of what is there, not a search per name.
    pub fn extend(&mut self, other: &Elections) {
        add_new(&mut self.by_elections, &other.by_elections, |b| {
            (b.polling_day, b.from, b.name.clone())
        });
        add_new(&mut self.candidates, &other.candidates, Clone::clone);
        add_new(&mut self.parties, &other.parties, Clone::clone);
    }
}

/// Appends the items of `theirs` that `mine` does not hold yet (by `key`), in order.
pub(crate) fn add_new<T: Clone, K: std::hash::Hash + Eq>(
    mine: &mut Vec<T>,
    theirs: &[T],
    key: impl Fn(&T) -> K,
) {
    let mut seen: std::collections::HashSet<K> = mine.iter().map(&key).collect();
    for item in theirs {
        if seen.insert(key(item)) {
            mine.push(item.clone());
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawElections {
    #[serde(default)]
    by_elections: Vec<toml::Value>,
    #[serde(default)]
    candidates: Vec<String>,
    #[serde(default)]
    parties: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawByElection {
    polling_day: DateText,
    from: Option<DateText>,
    name: Option<String>,
}

/// A problem found while reading `[elections]`: byte offset, message, help.
pub type ReadError = (usize, String, Option<String>);

/// Reads the `[elections]` table; every error is returned with its offset.
pub fn read(value: &Spanned<DeValue<'_>>) -> (Elections, Vec<ReadError>) {
    let mut errors = Vec::new();
    let mut out = Elections::default();
    let at = value.span().start;
    let raw = match RawElections::deserialize(ValueDeserializer::from(value.clone())) {
        Ok(r) => r,
        Err(e) => {
            let (text, help) = crate::problem::translate_serde_message(e.message());
            let offset = e.span().map(|s| s.start).unwrap_or(at);
            errors.push((offset, format!("« elections » : {text}"), help));
            return (out, errors);
        }
    };
    // Offsets of the by-elections' items, to locate their errors.
    let item_offsets: Vec<usize> = value
        .get_ref()
        .as_table()
        .and_then(|t| t.get("by-elections"))
        .and_then(|v| match v.get_ref() {
            DeValue::Array(items) => Some(items.iter().map(|i| i.span().start).collect()),
            _ => None,
        })
        .unwrap_or_default();
    for (i, item) in raw.by_elections.iter().enumerate() {
        let offset = item_offsets.get(i).copied().unwrap_or(at);
        match by_election(item) {
            Ok(b) => out.by_elections.push(b),
            Err(message) => errors.push((
                offset,
                format!("« elections.by-elections » : {message}"),
                Some("écrivez le jour du scrutin (2026-03-15) ou { polling-day = 2026-03-15, from = 2026-01-30 }".into()),
            )),
        }
    }
    for (key, names) in [("candidates", &raw.candidates), ("parties", &raw.parties)] {
        if names.iter().any(|n| n.trim().is_empty()) {
            errors.push((
                at,
                format!("« elections.{key} » contient un nom vide"),
                None,
            ));
        }
    }
    out.candidates = raw.candidates;
    out.parties = raw.parties;
    (out, errors)
}

fn date(text: &DateText) -> Result<jiff::civil::Date, String> {
    text.parse().map(|p| p.date())
}

fn by_election(item: &toml::Value) -> Result<ByElection, String> {
    match item {
        toml::Value::Table(_) => {
            let raw: RawByElection = item.clone().try_into().map_err(|e: toml::de::Error| {
                crate::problem::translate_serde_message(e.message()).0
            })?;
            let polling_day = date(&raw.polling_day)?;
            let from = raw.from.as_ref().map(date).transpose()?;
            if from.is_some_and(|f| f > polling_day) {
                return Err("« from » tombe après le jour du scrutin".into());
            }
            Ok(ByElection {
                polling_day,
                from,
                name: raw.name,
            })
        }
        toml::Value::Datetime(d) => Ok(ByElection {
            polling_day: date(&DateText(d.to_string()))?,
            from: None,
            name: None,
        }),
        toml::Value::String(s) => Ok(ByElection {
            polling_day: date(&DateText(s.clone()))?,
            from: None,
            name: None,
        }),
        other => Err(format!("valeur inattendue {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::DeTable;

    fn read_str(src: &str) -> (Elections, Vec<ReadError>) {
        let root = DeTable::parse(src).unwrap();
        let value = root.get_ref().get("elections").unwrap().clone();
        read(&value)
    }

    #[test]
    fn dates_tables_and_names_are_read() {
        let (e, errors) = read_str(
            "[elections]\nby-elections = [2026-03-15, \"2026-05-03\", { polling-day = 2026-06-07, from = 2026-04-20, name = \"district 3\" }]\ncandidates = [\"Marie Côté\"]\nparties = [\"Équipe Côté\"]\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(e.by_elections.len(), 3);
        assert_eq!(
            e.by_elections[0].polling_day,
            jiff::civil::date(2026, 3, 15)
        );
        assert_eq!(e.by_elections[2].from, Some(jiff::civil::date(2026, 4, 20)));
        assert_eq!(e.candidates, ["Marie Côté"]);
    }

    #[test]
    fn a_bad_date_is_located_at_its_item() {
        let src = "[elections]\nby-elections = [2026-03-15, \"15 mars\"]\n";
        let (_, errors) = read_str(src);
        assert_eq!(errors.len(), 1);
        assert_eq!(&src[errors[0].0..errors[0].0 + 9], "\"15 mars\"");
    }

    #[test]
    fn an_unknown_key_is_refused() {
        let (_, errors) = read_str("[elections]\ncandidats = [\"X\"]\n");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].1.contains("candidats"), "{errors:?}");
    }
}
