//! `shouting`: prose written in capitals.
//!
//! Why: La Sarre's nétiquette (art. 5.5) forbids text "écrit en lettres majuscules
//! (puisque sur Internet, les majuscules équivalent à des cris)", and Drummondville's
//! (annexe 1) messages "écrits en majuscules".
//!
//! What counts: a run of at least `min-words` words in capitals (single capital letters
//! such as "À" continue a run), with at least `min-letters` letters outside acronyms.
//! Acronyms (MRC, CPE, RAMQ, …), numbers and short capitalised words are not shouting,
//! and neither is the capitalised title of a notice ("AVIS PUBLIC"): a line of at most
//! `title-max-words` words, alone at the head of its paragraph or as a Markdown heading,
//! followed by ordinary text.
//!
//! Example: "VENEZ TOUS À LA GRANDE FÊTE DU PARC" → rewrite in sentence case.

use foldhash::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::{Check, Context, ParamError, Rule, params, validate};
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};

pub const RULE: Rule = Rule {
    id: "shouting",
    name: "Texte en majuscules",
    doc: "\
Repère les passages écrits en majuscules : sur Internet, les majuscules équivalent à des cris.

Ce qui compte : une suite d'au moins 4 mots en majuscules (réglable avec `min-words`) qui
contient au moins 15 lettres hors sigles (`min-letters`).

Ce qui ne compte pas : les sigles (MRC, CPE, RAMQ, SAAQ, …, et ceux du profil), les nombres,
un mot isolé mis en majuscules pour insister, et le titre en majuscules d'un avis
(« AVIS PUBLIC ») : une ligne courte (8 mots au plus, `title-max-words`) placée en tête de
paragraphe ou en titre Markdown, suivie d'un texte ordinaire. Le titre d'un avis officiel
qui commence par « AVIS », « OFFRE D'EMPLOI », « APPEL D'OFFRES », « RÈGLEMENT »,
« FERMETURE », « CONVOCATION »… peut être plus long (25 mots au plus).

Exemple : « VENEZ TOUS À LA GRANDE FÊTE DU PARC CE SAMEDI »
Correction : « Venez tous à la grande fête du parc ce samedi ! » ; pour insister, mettez
un seul mot en majuscules ou en gras.",
    validate: validate::<Params>,
    build,
    explain_profile: super::nothing_to_add,
    personal_data: false,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    #[serde(default = "default_min_words")]
    min_words: usize,
    #[serde(default = "default_min_letters")]
    min_letters: usize,
    #[serde(default = "default_title_max_words")]
    title_max_words: usize,
    /// Acronyms of the organisation, in addition to the built-in ones.
    #[serde(default)]
    acronyms: Vec<String>,
}

fn default_min_words() -> usize {
    4
}
fn default_min_letters() -> usize {
    15
}
fn default_title_max_words() -> usize {
    8
}

/// Acronyms common in Quebec municipal posts.
const ACRONYMS: &[&str] = &[
    "MRC", "CPE", "RAMQ", "SAAQ", "CISSS", "CIUSSS", "CLSC", "CHSLD", "SQ", "SPVM", "SPVQ", "SSI",
    "TPS", "TVQ", "NEQ", "NAS", "OBNL", "OSBL", "COVID", "CÉGEP", "CEGEP", "UQAT", "UQAM", "UQTR",
    "HLM", "OMH", "PDF", "URL", "FAQ", "MAMH", "MTQ", "MTMD", "MELCC", "MELCCFP", "MFFP", "DGEQ",
    "CNESST", "CSST", "OQLF", "BAPE", "CPTAQ", "PIIA", "PPU", "RDPRM", "SEPAQ", "SÉPAQ", "UPA",
    "FADOQ", "YMCA", "ARPE", "PME", "CA", "AGA", "DG", "ONU", "GPS", "WIFI", "RCR", "DEA", "NB",
    "QC", "CAN", "USA", "TV", "FM", "AM", "PM", "HNE", "HAE", "OK", "BBQ",
];

struct Shouting {
    params: Params,
    acronyms: HashSet<String>,
}

fn build(settings: &RuleSettings, _policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    let acronyms = ACRONYMS
        .iter()
        .map(|s| s.to_string())
        .chain(params.acronyms.iter().map(|s| s.to_uppercase()))
        .collect();
    Ok(Box::new(Shouting { params, acronyms }))
}

/// The words of a text, as the regex `\p{L}+(?:['’-]\p{L}+)*` finds them: letters,
/// joined by an apostrophe or a hyphen between letters. Scanned by hand: the regex cost
/// more to compile (its `\p{L}` spans every script) than all the checks of a post.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let letters_from = |mut at: usize| {
        while let Some(c) = text[at..].chars().next().filter(|&c| is_letter(c)) {
            at += c.len_utf8();
        }
        at
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        let (i, _) = text[at..].char_indices().find(|&(_, c)| is_letter(c))?;
        let start = at + i;
        let mut end = letters_from(start);
        while let Some(sep) = text[end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '\'' | '’' | '-'))
        {
            let next = end + sep.len_utf8();
            if !text[next..].chars().next().is_some_and(is_letter) {
                break;
            }
            end = letters_from(next);
        }
        at = end;
        Some(start..end)
    })
}

/// `\p{L}`, a letter. Below U+0300 that is exactly what `char::is_alphabetic` says (a
/// test holds it to the regex class); beyond, alphabetic marks, numerals and symbols
/// are not letters, and the rare character is asked of the class itself, compiled
/// only then.
fn is_letter(c: char) -> bool {
    static LETTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\p{L}$").expect("letter class"));
    if c < '\u{300}' {
        return c.is_alphabetic();
    }
    c.is_alphabetic() && LETTER.is_match(c.encode_utf8(&mut [0; 4]))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Some lowercase letter: breaks a run.
    Lower,
    /// One capital letter ("À", "L'"): continues a run, counts for nothing.
    Neutral,
    /// A word in capitals.
    Caps,
}

struct Word {
    span: Range<usize>,
    class: Class,
    /// Letters outside acronyms.
    letters: usize,
}

impl Shouting {
    fn classify(&self, text: &str, span: Range<usize>) -> Word {
        let w = &text[span.clone()];
        let (mut cased, mut alphabetic) = (0, 0);
        for c in w.chars() {
            if c.is_lowercase() {
                // Never part of a run: its letters do not count.
                return Word {
                    span,
                    class: Class::Lower,
                    letters: 0,
                };
            }
            cased += usize::from(c.is_uppercase());
            alphabetic += usize::from(c.is_alphabetic());
        }
        let class = if cased <= 1 || alphabetic <= 1 {
            Class::Neutral
        } else {
            Class::Caps
        };
        let acronym = self.acronyms.contains(w)
            || (class == Class::Caps && cased <= 3 && !is_common_short_word(w));
        let letters = if acronym { 0 } else { cased };
        Word {
            span,
            class,
            letters,
        }
    }

    /// Runs of capitalised words in one paragraph.
    fn runs(&self, cx: &Context<'_>, paragraph: Range<usize>) -> Vec<Vec<Word>> {
        let prose = &cx.draft.prose;
        let mut runs = Vec::new();
        let mut run: Vec<Word> = Vec::new();
        for w in words(&prose[paragraph.clone()]) {
            let span = paragraph.start + w.start..paragraph.start + w.end;
            let word = self.classify(prose, span);
            match word.class {
                Class::Lower => {
                    if !run.is_empty() {
                        runs.push(std::mem::take(&mut run));
                    }
                }
                Class::Neutral if run.is_empty() => {}
                _ => run.push(word),
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        for run in &mut runs {
            while run.last().is_some_and(|w| w.class == Class::Neutral) {
                run.pop();
            }
        }
        runs
    }

    fn is_shouting(&self, run: &[Word]) -> bool {
        let caps = run.iter().filter(|w| w.class == Class::Caps).count();
        let letters: usize = run.iter().map(|w| w.letters).sum();
        caps >= self.params.min_words && letters >= self.params.min_letters
    }

    /// A capitalised title: one whole short line, a heading or the head of a paragraph,
    /// with ordinary text after it in the post.
    /// `last_lowercase`: where the body's prose has its last lowercase letter, if any.
    fn is_title(
        &self,
        cx: &Context<'_>,
        run: &[Word],
        paragraph: &Range<usize>,
        last_lowercase: Option<usize>,
    ) -> bool {
        let draft = cx.draft;
        let (first, last) = (&run[0], &run[run.len() - 1]);
        let (line, _) = draft.position(first.span.start);
        if draft.position(last.span.end).0 != line {
            return false;
        }
        let line_range = draft.lines.line_range(&draft.source, line);
        let line_prose = &draft.prose[line_range.clone()];
        let outside = line_prose[..first.span.start - line_range.start]
            .chars()
            .chain(line_prose[last.span.end - line_range.start..].chars());
        if outside.clone().any(|c| c.is_lowercase()) {
            return false;
        }
        let words = run.iter().filter(|w| w.class == Class::Caps).count();
        let heading = draft.source[line_range.clone()]
            .trim_start()
            .starts_with('#');
        let head_of_paragraph = draft.position(paragraph.start).0 == line;
        let text_after = last_lowercase.is_some_and(|i| i >= line_range.end);
        let short = words <= self.params.title_max_words
            || (words <= NOTICE_TITLE_MAX_WORDS
                && is_notice_title(&draft.prose[first.span.start..last.span.end]));
        short && (heading || head_of_paragraph) && text_after
    }
}

/// The longest title of an official notice: "AVIS PUBLIC AUX PERSONNES HABILES À VOTER
/// AYANT LE DROIT D'ÊTRE INSCRITES SUR LA LISTE RÉFÉRENDAIRE" has 17 words.
const NOTICE_TITLE_MAX_WORDS: usize = 25;

/// How the titles of official notices begin; such a title may be long.
const NOTICE_OPENINGS: &[&str] = &[
    "avis",
    "offre d'emploi",
    "offres d'emploi",
    "appel d'offres",
    "appel de candidatures",
    "appel de projets",
    "communique",
    "convocation",
    "ordre du jour",
    "proces-verbal",
    "reglement",
    "fermeture",
    "entrave",
    "info-travaux",
    "consultation publique",
    "assemblee publique",
    "seance",
    "election",
    "elections",
    "mise a jour",
    "alerte",
    "interdiction",
    "programme",
    "horaire",
];

/// A title that opens like an official notice ("AVIS PUBLIC …", "OFFRE D'EMPLOI …").
fn is_notice_title(title: &str) -> bool {
    let folded = crate::text::fold(title);
    NOTICE_OPENINGS.iter().any(|o| {
        folded.starts_with(o) && !folded[o.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// Short words that are words, not acronyms, when capitalised: they count as letters.
fn is_common_short_word(w: &str) -> bool {
    const SHORT: &[&str] = &[
        "LE", "LA", "LES", "DE", "DES", "DU", "UN", "UNE", "ET", "OU", "EN", "AU", "AUX", "PAR",
        "POUR", "SUR", "PAS", "NE", "EST", "SES", "CES", "NOS", "VOS", "MES", "TES", "QUI", "QUE",
        "MAIS", "SONT", "TOUS", "FIN", "NON", "OUI", "ICI", "VOUS", "NOUS", "ÇA", "ILS", "ELLE",
        "THE", "AND", "FOR", "YOU", "ALL", "NOW",
    ];
    SHORT.contains(&w)
}

impl Check for Shouting {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // Found once: asking each title for the text after it would read the rest of the
        // post for every capitalised line.
        let body = cx.draft.body.clone();
        let last_lowercase = cx.draft.prose[body.clone()]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_lowercase())
            .map(|(i, _)| body.start + i);
        for paragraph in cx.paragraphs() {
            for run in self.runs(cx, paragraph.clone()) {
                if !self.is_shouting(&run) || self.is_title(cx, &run, paragraph, last_lowercase) {
                    continue;
                }
                let span = run[0].span.start..run[run.len() - 1].span.end;
                out.push(Diagnostic::new(
                    span,
                    "Passage écrit en majuscules : sur les médias sociaux, les majuscules équivalent à des cris.",
                    "Réécrivez ce passage en minuscules, avec une majuscule au début des phrases ; pour insister, \
                     mettez un seul mot en majuscules ou en gras.",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::excerpts;
    use regex::Regex;

    #[test]
    fn words_are_those_of_the_regex() {
        let class = Regex::new(r"^\p{L}$").unwrap();
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(
                super::is_letter(c),
                class.is_match(c.encode_utf8(&mut [0; 4])),
                "U+{:04X}",
                c as u32
            );
        }
        let word = Regex::new(r"\p{L}+(?:['’-]\p{L}+)*").unwrap();
        for text in [
            "VENEZ TOUS À L'HÔTEL-DE-VILLE, aujourd’hui ! -x- a'' b'-c d-'e",
            "Ⓐⓑ 𝐀𝐁 Ⅻ ΑΘΗΝΑ e\u{301}te ٣ 3D x2y l'-",
            "",
            "'-’",
        ] {
            let want: Vec<_> = word.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(super::words(text).collect::<Vec<_>>(), want, "{text}");
        }
    }

    fn shouted(text: &str) -> Vec<String> {
        excerpts("shouting", "la-sarre", text)
    }

    #[test]
    fn a_sentence_in_capitals_is_shouting() {
        assert_eq!(
            shouted("VENEZ TOUS À LA GRANDE FÊTE DU PARC CE SAMEDI !"),
            ["VENEZ TOUS À LA GRANDE FÊTE DU PARC CE SAMEDI"]
        );
    }

    #[test]
    fn a_run_inside_a_normal_sentence_is_found() {
        assert_eq!(
            shouted("Merci de ne PAS JETER VOS DÉCHETS DANS LE PARC, c'est interdit."),
            ["PAS JETER VOS DÉCHETS DANS LE PARC"]
        );
    }

    #[test]
    fn acronyms_and_one_word_of_emphasis_are_not_shouting() {
        assert!(shouted("La MRC, le CPE et la SAAQ offrent le service GRATUIT.").is_empty());
        assert!(shouted("Inscription MRC CPE RAMQ SAAQ CISSS 311 le 12 mai.").is_empty());
    }

    #[test]
    fn the_title_of_a_notice_is_not_shouting() {
        assert!(shouted("AVIS PUBLIC – ASSEMBLÉE DE CONSULTATION PUBLIQUE\nLe conseil tiendra une assemblée le 12 mai.").is_empty());
        assert!(
            shouted("# AVIS D'ÉBULLITION PRÉVENTIF DE L'EAU\n\nFaites bouillir l'eau une minute.")
                .is_empty()
        );
    }

    #[test]
    fn the_long_title_of_an_official_notice_is_not_shouting() {
        for text in [
            "AVIS PUBLIC D'ENTRÉE EN VIGUEUR DU RÈGLEMENT NUMÉRO 1234 MODIFIANT LE RÈGLEMENT DE ZONAGE\nLe règlement est en vigueur.",
            "# AVIS PUBLIC AUX PERSONNES HABILES À VOTER AYANT LE DROIT D'ÊTRE INSCRITES SUR LA LISTE RÉFÉRENDAIRE\n\nLe conseil a adopté le règlement 5678.",
            "**OFFRE D'EMPLOI – JOURNALIER OU JOURNALIÈRE AUX TRAVAUX PUBLICS, POSTE PERMANENT**\nLa Ville recrute.",
        ] {
            assert!(shouted(text).is_empty(), "{text}");
        }
        // A notice word does not excuse a shouted sentence inside a paragraph.
        assert_eq!(
            shouted("Bonjour. AVIS À TOUS LES PROPRIÉTAIRES DE CHIENS DU QUARTIER NORD : RAMASSEZ.\nMerci.").len(),
            1
        );
    }

    #[test]
    fn a_long_title_line_or_a_whole_post_in_capitals_is_shouting() {
        assert_eq!(shouted("ARRÊTEZ DE VOLER NOS BACS DE RECYCLAGE").len(), 1);
        assert_eq!(
            shouted("IL FAUT ABSOLUMENT QUE TOUT LE MONDE VIENNE VOTER CE SOIR À L'HÔTEL DE VILLE\nMerci.").len(),
            1
        );
    }

    #[test]
    fn urls_and_hashtags_are_not_read() {
        assert!(
            shouted(
                "Voir #FETEDUQUEBECLASARRE et HTTPS://VILLE.LASARRE.QC.CA/EVENEMENTS pour tout."
            )
            .is_empty()
        );
    }
}
