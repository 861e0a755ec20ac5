//! Phone numbers spelled out in words, whole or in part: "cinq zéro six, sept trois
//! cinq, quatre deux un neuf", "huit-un-neuf trois-trois-trois ...", "819 trois cent
//! trente-trois vingt-deux quatre-vingt-deux".
//!
//! Why: writing a number in words is how people get a private number past a filter or
//! read it out; it is still the person's number. How: the folded text is cut into
//! number tokens (groups of digits and French number words, "et" inside "vingt et
//! un"), separated only by spaces, commas, dots, dashes or slashes; a run of them is
//! read as a sequence of numbers ("trois cent trente-trois" is 333, "huit un neuf" is
//! 8, 1, 9), whose digits, put end to end, make a phone number when they are ten (or
//! eleven after a 1) and form a valid North American number. A run needs at least one
//! number word: plain digits are the business of [`super::contacts`]. The owner is
//! decided as for written numbers: the organisation's numbers, toll-free lines and a
//! public place named before the number are not personal.

use std::ops::Range;

use super::checksums::{is_nanp, is_toll_free};
use super::context::{Owner, owner_before};
use super::{Found, Kind, Reader};

/// What a number word is worth.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Word {
    /// 0 to 9.
    Unit(u32),
    /// 10 to 16.
    Teen(u32),
    /// 20, 30, 40, 50, 60; "quatre-vingt" is read as 4 then 20.
    Tens(u32),
    Hundred,
}

fn word_value(w: &str) -> Option<Word> {
    Some(match w {
        "zero" => Word::Unit(0),
        "un" | "une" => Word::Unit(1),
        "deux" => Word::Unit(2),
        "trois" => Word::Unit(3),
        "quatre" => Word::Unit(4),
        "cinq" => Word::Unit(5),
        "six" => Word::Unit(6),
        "sept" => Word::Unit(7),
        "huit" => Word::Unit(8),
        "neuf" => Word::Unit(9),
        "dix" => Word::Teen(10),
        "onze" => Word::Teen(11),
        "douze" => Word::Teen(12),
        "treize" => Word::Teen(13),
        "quatorze" => Word::Teen(14),
        "quinze" => Word::Teen(15),
        "seize" => Word::Teen(16),
        "vingt" | "vingts" => Word::Tens(20),
        "trente" => Word::Tens(30),
        "quarante" => Word::Tens(40),
        "cinquante" => Word::Tens(50),
        "soixante" => Word::Tens(60),
        "cent" | "cents" => Word::Hundred,
        _ => return None,
    })
}

/// One token of a run: its span and either a group of digits or a number word.
enum Token<'a> {
    Digits(&'a str),
    Word(Word),
}

/// A number being read: its value so far and what may still extend it.
struct Number {
    value: u32,
    /// The last word read, to know what may follow.
    last: Word,
}

impl Number {
    /// Extends the number with `w` if French allows it here ("trente" + "trois",
    /// "soixante" + "dix", "trois" + "cent", "cent" + "vingt").
    fn extend(&mut self, w: Word) -> bool {
        let (v, last) = (self.value, self.last);
        let next = match (last, w) {
            // "quatre-vingt", "trois cent"
            (Word::Unit(4), Word::Tens(20)) if v % 100 == 4 => Some(v - 4 + 80),
            (Word::Unit(u), Word::Hundred) if u >= 2 && v < 10 => Some(u * 100),
            // "vingt-deux", "cent trois", "quatre-vingt-un"
            (Word::Tens(_) | Word::Hundred, Word::Unit(u)) if u > 0 => Some(v + u),
            // "soixante-dix", "quatre-vingt-douze", "cent onze"
            (Word::Tens(60 | 20), Word::Teen(t)) if v % 100 == 60 || v % 100 == 80 => Some(v + t),
            (Word::Hundred, Word::Teen(t)) => Some(v + t),
            // "dix-sept", "dix-huit", "dix-neuf"
            (Word::Teen(10), Word::Unit(u)) if u >= 7 => Some(v + u),
            (Word::Hundred, Word::Tens(t)) => Some(v + t),
            _ => None,
        };
        match next {
            Some(n) => {
                self.value = n;
                self.last = w;
                true
            }
            None => false,
        }
    }
}

/// The digits of a number read from words: "trente-trois" gives "33", "zéro" gives "0",
/// "trois cent cinq" gives "305".
fn digits_of(n: &Number) -> String {
    n.value.to_string()
}

/// The digits a run of tokens spells, and whether it held a number word.
fn read(tokens: &[Token<'_>]) -> (String, bool) {
    let mut out = String::new();
    let mut words = false;
    let mut current: Option<Number> = None;
    for t in tokens {
        match t {
            Token::Digits(d) => {
                if let Some(n) = current.take() {
                    out.push_str(&digits_of(&n));
                }
                out.push_str(d);
            }
            Token::Word(w) => {
                words = true;
                let extended = current.as_mut().is_some_and(|n| n.extend(*w));
                if !extended {
                    if let Some(n) = current.take() {
                        out.push_str(&digits_of(&n));
                    }
                    let value = match w {
                        Word::Unit(u) | Word::Teen(u) | Word::Tens(u) => *u,
                        Word::Hundred => 100,
                    };
                    current = Some(Number { value, last: *w });
                }
            }
        }
    }
    if let Some(n) = current {
        out.push_str(&digits_of(&n));
    }
    (out, words)
}

/// The runs of number tokens of a folded text, each with its span.
fn runs(t: &str) -> Vec<(Range<usize>, Vec<Token<'_>>)> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut run: Vec<Token<'_>> = Vec::new();
    let mut span: Option<Range<usize>> = None;
    let mut i = 0;
    // Bytes between two tokens of one run: spaces and light punctuation, or "et".
    let mut gap_ok = true;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            let end = i + b[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            let word = &t[i..end];
            let token = if c.is_ascii_digit() {
                word.bytes()
                    .all(|c| c.is_ascii_digit())
                    .then_some(Token::Digits(word))
            } else {
                word_value(word).map(Token::Word)
            };
            match token {
                Some(tok) if gap_ok || run.is_empty() => {
                    span = Some(span.map_or(i..end, |s| s.start..end));
                    run.push(tok);
                }
                Some(tok) => {
                    flush(&mut out, &mut run, &mut span);
                    span = Some(i..end);
                    run.push(tok);
                }
                // "vingt et un"
                None if word == "et" && !run.is_empty() => {}
                None => flush(&mut out, &mut run, &mut span),
            }
            gap_ok = true;
            i = end;
        } else {
            if !(matches!(c, b' ' | b',' | b'.' | b'-' | b'/' | b'(' | b')') || c == b'\t') {
                gap_ok = false;
            }
            if c == b'\n' {
                flush(&mut out, &mut run, &mut span);
            }
            i += 1;
        }
    }
    flush(&mut out, &mut run, &mut span);
    out
}

fn flush<'a>(
    out: &mut Vec<(Range<usize>, Vec<Token<'a>>)>,
    run: &mut Vec<Token<'a>>,
    span: &mut Option<Range<usize>>,
) {
    if let Some(s) = span.take()
        && run.len() >= 3
    {
        out.push((s, std::mem::take(run)));
    }
    run.clear();
}

/// Phone numbers written at least partly in words.
pub fn phones(r: &Reader<'_>, is_public: impl Fn(&[u8]) -> bool, out: &mut Vec<Found>) {
    let t = r.scan.text();
    for (span, tokens) in runs(t) {
        let (digits, words) = read(&tokens);
        if !words {
            continue;
        }
        let d: Vec<u8> = digits.bytes().map(|c| c - b'0').collect();
        let key = if d.len() == 11 && d[0] == 1 {
            &d[1..]
        } else {
            &d[..]
        };
        if key.len() != 10 || !is_nanp(key) || is_toll_free(key) || is_public(key) {
            continue;
        }
        let (owner, _) = owner_before(r.cues(), r.scan.context(span.start), span.start);
        if owner == Owner::Public {
            continue;
        }
        out.push(Found::new(Kind::Phone, span));
    }
}

#[cfg(test)]
mod tests {
    use super::{read, runs};
    use crate::checks::testing::excerpts;

    fn digits(t: &str) -> Vec<String> {
        runs(t).iter().map(|(_, tokens)| read(tokens).0).collect()
    }

    #[test]
    fn words_are_read_as_digits() {
        assert_eq!(
            digits("cinq zero six, sept trois cinq, quatre deux un neuf"),
            ["5067354219"]
        );
        assert_eq!(
            digits("819 trois cent trente-trois vingt-deux quatre-vingt-deux"),
            ["8193332282"]
        );
        assert_eq!(
            digits("huit-un-neuf, 555, douze trente-quatre"),
            ["8195551234"]
        );
        assert_eq!(
            digits("soixante-dix-sept quatre-vingt-dix-neuf cent"),
            ["7799100"]
        );
        assert_eq!(digits("dix-huit vingt et un"), ["1821"]);
    }

    #[test]
    fn spelled_out_phone_numbers_are_found() {
        let found = |t: &str| excerpts("confidential-data", "vallee-des-rivieres", t);
        assert_eq!(
            found("Appelez Mme Roy au cinq zéro six, sept trois cinq, quatre deux un neuf."),
            ["cinq zéro six, sept trois cinq, quatre deux un neuf"]
        );
        assert_eq!(
            found("Texte-moi : huit-un-neuf, trois-trois-neuf, cinquante-cinq vingt et un."),
            ["huit-un-neuf, trois-trois-neuf, cinquante-cinq vingt et un"]
        );
        // The record where the number was read is not its owner.
        assert_eq!(
            found(
                "C'est le portefeuille de Marc Levesque. J'ai son numéro dans le système d'inscription, c'est le cinq-zéro-six, quatre-sept-trois, deux-deux-neuf-un."
            ),
            ["cinq-zéro-six, quatre-sept-trois, deux-deux-neuf-un"]
        );
        // Numbers in words that are not a phone number.
        for t in [
            "Trois cent cinquante bénévoles, deux mille repas, quatre jours de fête !",
            "Les six équipes joueront trois matchs de vingt minutes.",
            "Sans frais : un huit cent, deux deux deux, trois trois trois trois.",
            "Inscription au camp de jour : cinq-zéro-six, quatre-sept-trois, deux-deux-neuf-un.",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }
}
