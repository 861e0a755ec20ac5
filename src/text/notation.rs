//! The compact notation of the built-in word lists (`(?:mon|ma) patron(?:ne)?`): its
//! expansion into phrases, and the cutting of a personal-account lexicon entry into word
//! slots.
//!
//! Only the standard library is used here: the build script includes this file to
//! check and prepare the lexicons of `lexicons/personal.txt` (see
//! `src/checks/personal/lexicon.rs`), so that a bad entry fails the build and a run reads
//! the entries already cut.

/// The most phrases one notation may expand to: beyond, it is a mistake.
const MAX_EXPANSION: usize = 10_000;

/// Expands the compact notation of a lexicon entry into its phrases: `(?:a|b)` is a
/// choice, `?` makes the character or group before it optional; anything else is
/// literal. `"(?:mon|ma) patron(?:ne)?s?"` gives "mon patron", "mon patronne", ...
pub fn expand(notation: &str) -> Result<Vec<String>, String> {
    let chars: Vec<char> = notation.chars().collect();
    let (alternatives, end) = parse_alternation(&chars, 0)?;
    if end != chars.len() {
        return Err(format!("« {notation} » : parenthèse fermante en trop"));
    }
    if alternatives.len() > MAX_EXPANSION {
        return Err(format!("« {notation} » donne trop de variantes"));
    }
    Ok(alternatives)
}

/// Parses `alt|alt|...` from `at` up to a `)` or the end; returns the expansions and
/// where it stopped.
fn parse_alternation(chars: &[char], mut at: usize) -> Result<(Vec<String>, usize), String> {
    let mut all = Vec::new();
    loop {
        let (mut seq, next) = parse_sequence(chars, at)?;
        all.append(&mut seq);
        at = next;
        if chars.get(at) == Some(&'|') {
            at += 1;
        } else {
            return Ok((all, at));
        }
    }
}

fn parse_sequence(chars: &[char], mut at: usize) -> Result<(Vec<String>, usize), String> {
    let mut acc = vec![String::new()];
    while let Some(&c) = chars.get(at) {
        let options: Vec<String> = match c {
            '|' | ')' => break,
            '(' => {
                if chars.get(at + 1..at + 3) != Some(&['?', ':']) {
                    return Err("groupe sans « ?: »".into());
                }
                let (inner, end) = parse_alternation(chars, at + 3)?;
                if chars.get(end) != Some(&')') {
                    return Err("parenthèse non fermée".into());
                }
                at = end + 1;
                inner
            }
            '\\' => {
                let escaped = chars.get(at + 1).ok_or("« \\ » en fin de motif")?;
                if escaped.is_alphanumeric() {
                    return Err(format!("« \\{escaped} » n'est pas pris en charge"));
                }
                at += 2;
                vec![escaped.to_string()]
            }
            '[' | ']' | '*' | '+' | '.' | '{' | '}' | '^' | '$' => {
                return Err(format!("« {c} » n'est pas pris en charge"));
            }
            c => {
                at += 1;
                if chars.get(at) != Some(&'?') {
                    // A plain character: extend every variant in place, no allocation.
                    for a in &mut acc {
                        a.push(c);
                    }
                    continue;
                }
                vec![c.to_string()]
            }
        };
        let options = if chars.get(at) == Some(&'?') {
            at += 1;
            let mut o = options;
            o.push(String::new());
            o
        } else {
            options
        };
        if let [only] = options.as_slice() {
            // A literal: extend every variant in place.
            for a in &mut acc {
                a.push_str(only);
            }
            continue;
        }
        if acc.len() * options.len() > MAX_EXPANSION {
            return Err("trop de variantes".into());
        }
        let mut next = Vec::with_capacity(acc.len() * options.len());
        for a in &acc {
            for o in &options {
                let mut v = String::with_capacity(a.len() + o.len() + 8);
                v.push_str(a);
                v.push_str(o);
                next.push(v);
            }
        }
        acc = next;
    }
    Ok((acc, at))
}

/// Cuts an entry into slots, each with its expanded alternatives and whether it is
/// optional. A slot ends at a space outside parentheses; a group that starts a slot
/// and whose alternatives all end with a space or an elision ("(?:vous |l'|en )?") is
/// a slot of its own. With `head_only`, stops after the first required slot (the slots a
/// match may start with); the flag returned says whether the slots are the whole entry.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the build script cuts the built-in entries; at run time only tests do"
    )
)]
pub fn split(notation: &str, head_only: bool) -> Result<(Slots, bool), String> {
    let (body, star) = match notation.strip_suffix('*') {
        Some(b) if !b.ends_with('\\') => (b, true),
        _ => (notation, false),
    };
    let chars: Vec<char> = body.chars().collect();
    let mut slots = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        if chars[start] == '(' {
            let close = closing(&chars, start)?;
            let optional = chars.get(close + 1) == Some(&'?');
            let group: String = chars[start..=close].iter().collect();
            let alternatives = expand(&group)?;
            let joined = |a: &String| a.ends_with(' ') || a.ends_with('\'');
            if alternatives.iter().all(joined) {
                let after = close + 1 + usize::from(optional);
                if chars.get(after) == Some(&' ') || after == chars.len() {
                    return Err("un groupe de mots doit être suivi d'un mot".into());
                }
                let trimmed = alternatives
                    .into_iter()
                    .map(|a| a.trim_end().to_string())
                    .collect();
                slots.push((trimmed, optional));
                start = after;
                if head_only && !optional {
                    return Ok((slots, false));
                }
                continue;
            }
        }
        let mut end = start;
        let alternatives = loop {
            end = next_space(&chars, end);
            let part: String = chars[start..end].iter().collect();
            let alternatives = expand(&part)?;
            // "(?:le|l') (?:travail|…)" is "l' travail", an apostrophe then a space: not
            // a word boundary of the text ("l'travail" is), so not a slot boundary.
            if end < chars.len() && alternatives.iter().any(|a| a.ends_with('\'')) {
                end += 1;
                continue;
            }
            break alternatives;
        };
        if alternatives.iter().any(|a| a.trim().is_empty()) {
            return Err("une position de mot peut rester vide".into());
        }
        slots.push((alternatives, false));
        start = end + 1;
        if chars.get(end) == Some(&' ') && start >= chars.len() {
            return Err("espace en fin de motif".into());
        }
        if head_only && start < chars.len() {
            return Ok((slots, false));
        }
    }
    if star {
        let Some((last, _)) = slots.last_mut() else {
            return Err("motif vide".into());
        };
        for a in last {
            a.push('*');
        }
    }
    if slots.is_empty() {
        return Err("motif vide".into());
    }
    Ok((slots, true))
}

/// An entry's slots: each one's alternatives, and whether it may be left out.
pub type Slots = Vec<(Vec<String>, bool)>;

/// The index of the first space outside parentheses from `at`, or the end.
fn next_space(chars: &[char], mut at: usize) -> usize {
    let mut depth = 0usize;
    while at < chars.len() {
        match chars[at] {
            '\\' => at += 1,
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ' ' if depth == 0 => return at,
            _ => {}
        }
        at += 1;
    }
    chars.len()
}

/// The index of the `)` that closes the group opened at `open`.
fn closing(chars: &[char], open: usize) -> Result<usize, String> {
    let mut depth = 0usize;
    let mut i = open;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    Err("parenthèse non fermée".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notation_expands() {
        let mut e = expand("(?:mon|ma) patron(?:ne)?s?").unwrap();
        e.sort();
        assert_eq!(
            e,
            [
                "ma patron",
                "ma patronne",
                "ma patronnes",
                "ma patrons",
                "mon patron",
                "mon patronne",
                "mon patronnes",
                "mon patrons"
            ]
        );
        assert_eq!(expand("a|b(?:c|d)").unwrap(), ["a", "bc", "bd"]);
        assert!(expand(r"\d+").is_err());
        assert!(expand(r"\d").is_err());
        assert_eq!(expand(r"a\.").unwrap(), ["a."]);
        assert!(expand("(?:a").is_err());
        assert!(expand("a)").is_err());
    }
}
