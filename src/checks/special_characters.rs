//! `special-characters`: text that screen readers cannot read and readers may misread.
//!
//! Why: Drummondville's nétiquette (annexe 1) forbids messages "contenant des caractères
//! spéciaux sujets à interprétation". Letters in Unicode "fancy" fonts (𝐁𝐨𝐥𝐝, 𝓈𝒸𝓇𝒾𝓅𝓉,
//! ｆｕｌｌｗｉｄｔｈ, Ⓒⓘⓡⓒⓛⓔⓢ) are mathematical symbols to a screen reader, which spells
//! them one by one or skips them; zalgo (letters buried under combining marks) and runs
//! of decorative symbols (꧁༺, ▂▃▅▆█, ┻━┻) are noise.
//!
//! What counts: `min-fancy` letters or more in such alphabets in one stretch; a letter
//! carrying `min-marks` or more combining marks; a run of `min-symbols` decorative
//! symbols or more; a run of more than `max-emojis` emojis. What does not: French
//! typography (« », –, …, ’, °, the ordinal "2ᵉ"), accented letters however they are
//! encoded, emojis in moderation, Canadian syllabics.

use std::ops::Range;

use serde::Deserialize;

use super::{Check, Context, ParamError, Rule, params, validate};
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};

pub const RULE: Rule = Rule {
    id: "special-characters",
    name: "Caractères spéciaux",
    doc: "\
Repère les caractères spéciaux sujets à interprétation, que les lecteurs d'écran ne savent
pas lire.

Ce qui compte :
- du texte écrit avec des « polices » Unicode fantaisie (𝐆𝐫𝐚𝐬, 𝓈𝒸𝓇𝒾𝓅𝓉, ｌａｒｇｅ,
  Ⓒⓔⓡⓒⓛⓔⓢ, ᴘᴇᴛɪᴛᴇꜱ ᴄᴀᴘɪᴛᴀʟᴇꜱ) : type `fancy-font` (3 lettres ou plus, `min-fancy`);
- le texte « zalgo », des lettres surchargées de signes diacritiques empilés : type `zalgo`
  (3 signes ou plus sur une lettre, `min-marks`);
- une suite de symboles décoratifs (꧁༺, ▂▃▅▆█, ┻━┻) : type `symbols` (2 ou plus,
  `min-symbols`), ou plus de 8 émojis d'affilée (`max-emojis`).

Ce qui ne compte pas : la typographie française (« », –, —, …, ’, °, « 2ᵉ »), les lettres
accentuées, quelques émojis, les syllabaires autochtones.

Exemple : « 𝐆𝐑𝐀𝐍𝐃𝐄 𝐕𝐄𝐍𝐓𝐄 ꧁༺ samedi ༻꧂ »
Correction : écrivez en caractères ordinaires; pour mettre en valeur, utilisez le gras de
la plateforme ou un émoji.",
    validate: validate::<Params>,
    build,
    explain_profile: super::nothing_to_add,
    personal_data: false,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    #[serde(default = "three")]
    min_fancy: usize,
    #[serde(default = "three")]
    min_marks: usize,
    #[serde(default = "two")]
    min_symbols: usize,
    #[serde(default = "eight")]
    max_emojis: usize,
}

fn three() -> usize {
    3
}
fn two() -> usize {
    2
}
fn eight() -> usize {
    8
}

struct SpecialCharacters {
    params: Params,
}

fn build(settings: &RuleSettings, _policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    for (key, v) in [
        ("min-fancy", params.min_fancy),
        ("min-marks", params.min_marks),
        ("min-symbols", params.min_symbols),
    ] {
        if v == 0 {
            return Err(ParamError {
                key: key.into(),
                message: format!("« {key} » doit valoir au moins 1"),
            });
        }
    }
    Ok(Box::new(SpecialCharacters { params }))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Fancy,
    Mark,
    Symbol,
    Emoji,
    /// Typography that decorates when repeated ("•°•°•°•").
    Soft,
    /// Joins emoji sequences (ZWJ, variation selectors, skin tones): belongs to a run.
    Joiner,
    Space,
    Other,
}

/// Letters of "fancy" alphabets: mathematical alphanumerics, fullwidth, circled and
/// squared letters, small capitals, superscript letters, script letters.
fn is_fancy(c: char) -> bool {
    matches!(c as u32,
        0x1D400..=0x1D7FF | 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A
        | 0x24B6..=0x24E9 | 0x1F130..=0x1F189 | 0x1D00..=0x1D24 | 0x1D26..=0x1D2B | 0xA730..=0xA731
        | 0x1D2C..=0x1D6A | 0x1D9C..=0x1DBF | 0x0299 | 0x029C | 0x026A | 0x0274 | 0x0280
        | 0x028F | 0x0262 | 0xA7AE)
        || "ℂℊℋℌℍℎℐℑℒℓℕℙℚℛℜℝℤℨℬℭℯℰℱℳℴ".contains(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// A pictograph (emoji, symbol) as posts use them; also read by the sentence splitter
/// ([`crate::checks::personal::common::sentences_cased`]).
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1F0FF | 0x1F190..=0x1FAFF | 0x2600..=0x26FF | 0x2B00..=0x2BFF
        | 0x2702 | 0x2705 | 0x2708..=0x270D | 0x270F | 0x2712 | 0x2714 | 0x2716 | 0x271D | 0x2721
        | 0x2728 | 0x2733 | 0x2734 | 0x2744 | 0x2747 | 0x274C | 0x274E | 0x2753..=0x2755 | 0x2757
        | 0x2763 | 0x2764 | 0x2795..=0x2797 | 0x27A1 | 0x27B0 | 0x27BF
        | 0x2190..=0x21FF | 0x2300..=0x23FF | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x00A9 | 0x00AE | 0x2122 | 0x203C | 0x2049 | 0x2139 | 0x24C2 | 0x25AA..=0x25AB | 0x25B6 | 0x25C0
        | 0x25FB..=0x25FE)
}

pub(crate) fn is_joiner(c: char) -> bool {
    matches!(c as u32, 0x200D | 0xFE0E | 0xFE0F | 0x20E3 | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

/// Phonetic letters that only show up in French posts as parts of faces: ʕ•ᴥ•ʔ, ಠ_ಠ.
fn is_face_part(c: char) -> bool {
    matches!(c as u32, 0x0250..=0x02AF | 0x1D25 | 0x0CA0 | 0x0E3F | 0x0F0E..=0x0F14 | 0x10E6)
}

/// French typography and common signs: never decorative.
const TYPOGRAPHY: &str = "«»–—…’‘“”‹›‚„°•·€£¢¥§¶×÷±½¼¾²³¹‰′″¯¨´¸ªº¤¦¬µ¡¿";

fn classify(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if is_fancy(c) {
        Class::Fancy
    } else if is_mark(c) {
        Class::Mark
    } else if is_joiner(c) {
        Class::Joiner
    } else if is_emoji(c) {
        Class::Emoji
    } else if "•°·¤¦¯¨´¸˚".contains(c) {
        Class::Soft
    } else if is_face_part(c) {
        Class::Symbol
    } else if c.is_ascii() || TYPOGRAPHY.contains(c) || c.is_alphanumeric() {
        Class::Other
    } else {
        Class::Symbol
    }
}

impl SpecialCharacters {
    fn scan(&self, text: &str, base: usize, out: &mut Vec<Diagnostic>) {
        let chars: Vec<(usize, char, Class)> = text
            .char_indices()
            .map(|(i, c)| (base + i, c, classify(c)))
            .collect();
        let end_of = |k: usize| chars[k].0 + chars[k].1.len_utf8();
        // Fancy letters: stretches of fancy letters, spaces and ASCII punctuation between.
        let mut k = 0;
        while k < chars.len() {
            if chars[k].2 != Class::Fancy {
                k += 1;
                continue;
            }
            let (start, mut last, mut count) = (k, k, 0);
            let mut j = k;
            while j < chars.len() {
                match chars[j].2 {
                    Class::Fancy => {
                        count += 1;
                        last = j;
                    }
                    Class::Mark | Class::Space | Class::Joiner => {}
                    Class::Other
                        if chars[j].1.is_ascii_punctuation() || chars[j].1.is_ascii_digit() => {}
                    _ => break,
                }
                j += 1;
            }
            if count >= self.params.min_fancy {
                out.push(
                    Diagnostic::new(
                        chars[start].0..end_of(last),
                        "Texte en caractères « fantaisie » : les lecteurs d'écran ne le lisent pas comme des lettres.",
                        "Réécrivez ce passage en caractères ordinaires; pour le mettre en valeur, utilisez le gras de \
                         la plateforme.",
                    )
                    .kind("fancy-font"),
                );
            }
            k = j.max(k + 1);
        }
        // Zalgo: letters under a pile of combining marks, joined into one stretch.
        let mut zalgo: Option<Range<usize>> = None;
        let mut k = 0;
        while k < chars.len() {
            let mut j = k + 1;
            while j < chars.len() && chars[j].2 == Class::Mark {
                j += 1;
            }
            let marks = j - k - 1;
            if marks >= self.params.min_marks && chars[k].2 != Class::Space {
                let span = chars[k].0..end_of(j - 1);
                zalgo = Some(match zalgo {
                    Some(z)
                        if text[z.end - base..span.start - base]
                            .chars()
                            .all(|c| !c.is_whitespace()) =>
                    {
                        z.start..span.end
                    }
                    Some(z) => {
                        out.push(zalgo_finding(z));
                        span
                    }
                    None => span,
                });
            }
            k = j;
        }
        if let Some(z) = zalgo {
            out.push(zalgo_finding(z));
        }
        // Decorative symbols, and long runs of emojis.
        let mut k = 0;
        while k < chars.len() {
            let class = chars[k].2;
            if !matches!(class, Class::Symbol | Class::Emoji | Class::Soft) {
                k += 1;
                continue;
            }
            let (start, mut last, mut symbols, mut emojis, mut soft) = (k, k, 0, 0, 0);
            let mut j = k;
            while j < chars.len() {
                match chars[j].2 {
                    Class::Symbol => symbols += 1,
                    Class::Emoji => emojis += 1,
                    Class::Soft => soft += 1,
                    Class::Joiner | Class::Mark => {}
                    Class::Space => {
                        j += 1;
                        continue;
                    }
                    Class::Other if chars[j].1.is_ascii_punctuation() => {
                        j += 1;
                        continue;
                    }
                    _ => break,
                }
                last = j;
                j += 1;
            }
            let span = chars[start].0..end_of(last);
            if symbols >= self.params.min_symbols || symbols + soft >= SOFT_RUN {
                out.push(
                    Diagnostic::new(
                        span,
                        "Suite de symboles décoratifs : un lecteur d'écran la lit comme une série de noms de symboles, \
                         ou pas du tout.",
                        "Retirez ces symboles ; un ou deux émojis suffisent pour illustrer.",
                    )
                    .kind("symbols"),
                );
            } else if emojis > self.params.max_emojis {
                out.push(
                    Diagnostic::new(
                        span,
                        format!(
                            "{emojis} émojis d'affilée : un lecteur d'écran lit le nom de chacun."
                        ),
                        "Gardez un ou deux émojis.",
                    )
                    .kind("symbols"),
                );
            }
            k = j.max(k + 1);
        }
    }
}

/// Typography signs in a row that make a decoration, not text: "•°•°•°•".
const SOFT_RUN: usize = 5;

fn zalgo_finding(span: Range<usize>) -> Diagnostic {
    Diagnostic::new(
        span,
        "Texte « zalgo » : des lettres surchargées de signes empilés, illisibles.",
        "Réécrivez ce passage en lettres ordinaires.",
    )
    .kind("zalgo")
}

impl Check for SpecialCharacters {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for paragraph in cx.paragraphs() {
            let text = &cx.draft.prose[paragraph.clone()];
            self.scan(text, paragraph.start, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::excerpts;

    fn kinds(text: &str) -> Vec<&'static str> {
        crate::checks::testing::kinds("special-characters", "drummondville", text)
    }

    #[test]
    fn fancy_fonts_zalgo_and_symbols() {
        assert_eq!(
            excerpts(
                "special-characters",
                "drummondville",
                "Grande 𝐕𝐄𝐍𝐓𝐄 𝐃𝐄 𝐆𝐀𝐑𝐀𝐆𝐄 samedi"
            ),
            ["𝐕𝐄𝐍𝐓𝐄 𝐃𝐄 𝐆𝐀𝐑𝐀𝐆𝐄"]
        );
        assert_eq!(kinds("Venez au 𝓅𝒶𝓇𝒸 !"), ["fancy-font"]);
        assert_eq!(kinds("Ｂｉｅｎｖｅｎｕｅ à tous"), ["fancy-font"]);
        assert_eq!(kinds("Ẕ̶̡̛a̷͎͝l̸̢̛g̵͔̈́o̶̧͝ est là"), ["zalgo"]);
        assert_eq!(kinds("꧁༺ Fête ༻꧂"), ["symbols", "symbols"]);
        assert_eq!(kinds("Bravo ▂▃▅▆█ !"), ["symbols"]);
        assert_eq!(kinds("Bravo 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉"), ["symbols"]);
        assert_eq!(kinds("Bonne fête ʕ•ᴥ•ʔ à tous"), ["symbols"]);
    }

    #[test]
    fn french_typography_and_a_few_emojis_are_fine() {
        for text in [
            "« Bienvenue » – la 2ᵉ édition… de l’événement, 20 °C, 5 € !",
            "Bonne fête nationale ! 🎉⚜️💙 On se voit au parc 🌞",
            "Le 1ᵉʳ juin, fête des voisins.",
            "Crème brûlée, œufs, naïf, Noël, ÉTÉ, çà et là.",
            "Kwe ! ᐊᐃᐤ, bienvenue à tous.",
            "Prix : 5 $ × 2 = 10 $ ; ½ tarif pour les 65 ans et +.",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }
}
