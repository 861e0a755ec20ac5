//! `french-language`: prose that is not in French.
//!
//! Why: La Sarre (art. 5.7) "La langue de communication utilisée avec les citoyens est
//! donc le français", with exceptions for required technical terms, health and safety,
//! and replies to a citizen who wrote in English; Drummondville ("Langue officielle",
//! and annexe 1, which forbids messages "rédigés dans une langue autre que le
//! français"). Quebec's Charter of the French language asks municipalities to
//! communicate in French, another language being allowed in addition to French for
//! health, safety and emergencies.
//!
//! How: each paragraph's prose, without URLs, mentions, hashtags, code, emojis, numbers
//! and short quoted titles ([`segment`]), is cut into sentences; each sentence is
//! judged by function words, then by whatlang on what stays open ([`detect`]). A
//! paragraph with no French sentence is judged as a whole, which settles paragraphs made
//! of short sentences. Foreign sentences are reported, consecutive ones as one span:
//! never the whole post for one sentence.
//!
//! Scope: the organisation's own communications, that is official accounts. Both
//! articles govern what the municipality publishes on its platforms; the rules for
//! employees' personal accounts (La Sarre 13.1, Drummondville "Membres du personnel")
//! say nothing of language, so an employee's own post in English is not a breach. A
//! profile can extend the rule to personal accounts (`personal-accounts = true`).
//!
//! Exceptions: accepted terms and brand names (built in, and `accepted-terms` in the
//! profile) are not evidence; a post with `reply_to_language` answers in that language;
//! a post with `emergency = true` may carry other languages when French is present.

mod detect;
mod segment;
mod words;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use foldhash::HashMap;

use serde::Deserialize;

use super::{Check, Context, ParamError, Rule, params, validate};
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};
use detect::{Detector, Language, Verdict};
use segment::Token;

pub const RULE: Rule = Rule {
    id: "french-language",
    name: "Publication en français",
    doc: "\
Repère les passages rédigés dans une autre langue que le français (anglais, espagnol,
portugais, italien, allemand) dans les publications des comptes officiels de
l'organisation (account = \"official\" dans l'en-tête ou dans vigie.toml). La politique
vise les communications de l'organisation : la publication d'un employé sur son compte
personnel n'est pas vérifiée (réglable avec `personal-accounts`).

Comment : chaque paragraphe est découpé en phrases, et chaque phrase est jugée d'après
ses mots outils (le, des, pour, avec… contre the, of, with, your…), puis, si cela ne
suffit pas, par un détecteur de langue. Seul le passage en cause est signalé, pas toute
la publication.

Ce qui n'est pas lu : les adresses web, les @mentions, les #mots-clics, le code, les
émojis, les nombres, les titres courts entre guillemets (« Back to the Future »), les
noms propres (« Place des Arts », « rue Sainte-Catherine », « Tim Hortons »). Les
anglicismes courants dans une phrase française (« le party », « un food truck »,
« ce week-end ») ne sont pas signalés. Une phrase de moins de 3 mots (`min-words`) n'est
pas jugée : elle est trop courte pour qu'on soit sûr de sa langue.

Exceptions :
- les termes techniques et noms de marque acceptés (`accepted-terms` dans le profil) ;
- une réponse à un message écrit dans une autre langue : indiquez
  reply_to_language = \"en\" dans l'en-tête du brouillon ;
- un avis d'urgence ou de sécurité publique (emergency = true dans l'en-tête), à
  condition que la version française soit présente : l'autre langue vient en plus.

Exemple : « The pool will be closed on Monday for maintenance. »
Correction : « La piscine sera fermée lundi pour l'entretien. »",
    validate: validate::<Params>,
    build,
    explain_profile: super::nothing_to_add,
    personal_data: false,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Technical terms and brand names accepted in a French post, in addition to the
    /// built-in ones.
    #[serde(default)]
    accepted_terms: Vec<String>,
    #[serde(default = "default_min_words")]
    min_words: usize,
    #[serde(default = "default_detector_min_letters")]
    detector_min_letters: usize,
    /// `reply_to_language` allows answering in the language of the message.
    #[serde(default = "yes")]
    reply_exception: bool,
    /// `emergency = true` allows other languages in addition to French.
    #[serde(default = "yes")]
    emergency_exception: bool,
    /// Check personal accounts too.
    #[serde(default)]
    personal_accounts: bool,
}

fn default_min_words() -> usize {
    3
}
fn default_detector_min_letters() -> usize {
    40
}
fn yes() -> bool {
    true
}

/// Brand names and terms that any French post may carry as they are, separated by "|".
const ACCEPTED: &str = "
    Facebook | Messenger | Instagram | YouTube | TikTok | LinkedIn | WhatsApp | Snapchat |
    Zoom | Teams | Google | Google Maps | Wi-Fi | wifi | Bluetooth | Uber | Netflix |
    Spotify | Airbnb | Amazon | iPhone | Android | Tim Hortons | Canadian Tire |
    Home Depot | Best Buy | Walmart | Costco | Dollarama | McDonald's | Subway |
    Pizza Hut | The Keg | Black Friday | Boxing Day | Halloween | save the date |
    food truck | food trucks | happy hour | drive-in | drive-thru | live | podcast
";

struct FrenchLanguage {
    params: Params,
    detector: Detector,
    /// Accepted terms, each as its folded words, by their first word: made by the first
    /// draft the rule reads (most posts go on a personal account, which it does not read).
    accepted: OnceLock<HashMap<String, Vec<Vec<String>>>>,
}

fn build(settings: &RuleSettings, _policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    if params.min_words == 0 {
        return Err(ParamError {
            key: "min-words".into(),
            message: "« min-words » doit valoir au moins 1".into(),
        });
    }
    let detector = Detector::new(params.min_words, params.detector_min_letters);
    Ok(Box::new(FrenchLanguage {
        params,
        detector,
        accepted: OnceLock::new(),
    }))
}

/// The accepted terms, built in and `extra`, each as its folded words, by their first
/// word.
fn accepted_terms(extra: &[String]) -> HashMap<String, Vec<Vec<String>>> {
    let mut accepted: HashMap<String, Vec<Vec<String>>> = HashMap::default();
    for term in ACCEPTED.split('|').chain(extra.iter().map(String::as_str)) {
        let words: Vec<String> = crate::text::fold(term)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if let Some(first) = words.first() {
            accepted.entry(first.clone()).or_default().push(words);
        }
    }
    accepted
}

/// A sentence (or paragraph) and what it was judged to be.
struct Judged {
    span: Range<usize>,
    verdict: Verdict,
}

impl FrenchLanguage {
    /// The words of `clean[range]`, accepted terms marked as skipped.
    fn tokens(&self, clean: &str, range: Range<usize>, offset: usize) -> Vec<Token> {
        let mut tokens = segment::tokens(clean, range, offset);
        // A lowercase ASCII word is its own fold (but for a backquote, an apostrophe).
        let folded: Vec<Cow<'_, str>> = tokens
            .iter()
            .map(|t| {
                if t.lower.is_ascii() && !t.lower.contains('`') {
                    Cow::Borrowed(t.lower.as_str())
                } else {
                    Cow::Owned(crate::text::fold(&t.lower))
                }
            })
            .collect();
        let accepted = self
            .accepted
            .get_or_init(|| accepted_terms(&self.params.accepted_terms));
        let mut skip = vec![false; tokens.len()];
        for i in 0..tokens.len() {
            for term in accepted.get(folded[i].as_ref()).into_iter().flatten() {
                let end = i + term.len();
                if end <= tokens.len() && folded[i..end].iter().zip(term).all(|(f, t)| f == t) {
                    skip[i..end].fill(true);
                }
            }
        }
        drop(folded);
        for (t, s) in tokens.iter_mut().zip(skip) {
            t.skip |= s;
        }
        tokens
    }

    /// The foreign spans of one paragraph, and whether it holds French.
    fn paragraph(&self, prose: &str, paragraph: Range<usize>) -> (Vec<Judged>, bool) {
        let clean = segment::clean(prose, paragraph.clone());
        let offset = paragraph.start;
        let sentences: Vec<Judged> = segment::sentences(&clean)
            .into_iter()
            .map(|r| Judged {
                span: offset + r.start..offset + r.end,
                verdict: self.detector.classify(&self.tokens(&clean, r, offset)),
            })
            .collect();
        let french = sentences.iter().any(|s| s.verdict == Verdict::French);
        if !french {
            // Short sentences together may say what none says alone.
            let whole = self.tokens(&clean, 0..clean.len(), offset);
            match self.detector.classify(&whole) {
                Verdict::Foreign(lang) => {
                    let start = whole.first().map_or(offset, |t| t.span.start);
                    let span = start..sentences[sentences.len() - 1].span.end;
                    return (
                        vec![Judged {
                            span,
                            verdict: Verdict::Foreign(lang),
                        }],
                        false,
                    );
                }
                Verdict::French => return (foreign_runs(&sentences), true),
                Verdict::Undecided => {}
            }
        }
        (foreign_runs(&sentences), french)
    }
}

/// Consecutive foreign sentences of one language, undecided ones between them included.
fn foreign_runs(sentences: &[Judged]) -> Vec<Judged> {
    let mut runs: Vec<Judged> = Vec::new();
    let mut last: Option<(usize, Language)> = None;
    for (i, s) in sentences.iter().enumerate() {
        match s.verdict {
            Verdict::Foreign(lang) => {
                let joins = last.is_some_and(|(j, l)| {
                    l == lang
                        && sentences[j + 1..i]
                            .iter()
                            .all(|s| s.verdict == Verdict::Undecided)
                });
                match runs.last_mut() {
                    Some(run) if joins => run.span.end = s.span.end,
                    _ => runs.push(Judged {
                        span: s.span.clone(),
                        verdict: s.verdict,
                    }),
                }
                last = Some((i, lang));
            }
            Verdict::French => last = None,
            Verdict::Undecided => {}
        }
    }
    runs
}

impl Check for FrenchLanguage {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if cx.meta.is_personal() && !self.params.personal_accounts {
            return;
        }
        let mut foreign = Vec::new();
        let mut french = false;
        for paragraph in cx.paragraphs() {
            let (runs, has_french) = self.paragraph(&cx.draft.prose, paragraph.clone());
            foreign.extend(runs);
            french |= has_french;
        }
        if foreign.is_empty() {
            return;
        }
        let emergency = self.params.emergency_exception && cx.meta.emergency;
        if emergency && french {
            return;
        }
        let reply = if self.params.reply_exception {
            cx.meta
                .reply_to_language
                .as_deref()
                .and_then(Language::parse)
        } else {
            None
        };
        for run in foreign {
            let Verdict::Foreign(lang) = run.verdict else {
                continue;
            };
            if reply == Some(lang) {
                continue;
            }
            out.push(diagnostic(run.span, lang, emergency));
        }
    }
}

fn diagnostic(span: Range<usize>, lang: Language, emergency: bool) -> Diagnostic {
    let language = lang.in_french();
    if emergency {
        return Diagnostic::new(
            span,
            format!(
                "Avis d'urgence {language} sans version française : une autre langue n'est permise qu'en plus du français."
            ),
            "Ajoutez la version française de l'avis, de préférence en premier, et gardez la traduction à la suite.",
        );
    }
    let reply = if lang == Language::English {
        "reply_to_language = \"en\""
    } else {
        "reply_to_language = \"…\" (la langue du message)"
    };
    Diagnostic::new(
        span,
        format!(
            "Passage {language} : la langue de communication avec les citoyens est le français."
        ),
        format!(
            "Rédigez ce passage en français. S'il répond à un citoyen qui a écrit dans cette langue, indiquez \
             {reply} dans l'en-tête du brouillon ; pour un avis d'urgence ou de sécurité, gardez la version \
             française et indiquez emergency = true."
        ),
    )
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{excerpts, run};

    /// The findings on an official account's post.
    fn flagged(text: &str) -> Vec<String> {
        let text = official(text);
        excerpts("french-language", "la-sarre", &text)
    }

    fn official(text: &str) -> String {
        match text.strip_prefix("+++\n") {
            Some(rest) => format!("+++\naccount = \"official\"\n{rest}"),
            None => format!("+++\naccount = \"official\"\n+++\n{text}"),
        }
    }

    #[test]
    fn an_english_post_is_flagged() {
        assert_eq!(
            flagged("The pool will be closed on Monday for maintenance."),
            ["The pool will be closed on Monday for maintenance."]
        );
    }

    #[test]
    fn only_the_english_sentence_of_a_mixed_paragraph_is_flagged() {
        assert_eq!(
            flagged(
                "La piscine sera fermée lundi pour l'entretien. The pool will be closed on Monday. Merci de votre compréhension !"
            ),
            ["The pool will be closed on Monday."]
        );
    }

    #[test]
    fn french_with_anglicisms_hashtags_and_links_is_not_flagged() {
        for text in [
            "Un food truck sera sur place ce week-end ! #LaSarre @VilleLaSarre",
            "Le party de Noël des employés aura lieu au Club de golf. Info : https://www.ville.lasarre.qc.ca/party-of-the-year",
            "Spectacle « Born in the USA » au parc Lions samedi à 20 h 🎸",
            "Brunch du maire au restaurant The Keg, rue Principale.",
        ] {
            assert!(flagged(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn short_paragraphs_together_decide() {
        assert_eq!(
            flagged("Road closed today.\nPlease use the detour."),
            ["Road closed today.\nPlease use the detour."]
        );
    }

    #[test]
    fn a_reply_to_an_english_message_may_be_in_english() {
        let text = "+++\nreply_to_language = \"en\"\n+++\nThank you for your message, the pool opens on Monday.";
        assert!(flagged(text).is_empty());
    }

    #[test]
    fn an_emergency_notice_may_add_english_to_french() {
        let text = "+++\nemergency = true\n+++\nAvis d'ébullition : faites bouillir l'eau une minute avant de la boire.\n\nBoil-water advisory: boil your water for one minute before drinking it.";
        assert!(flagged(text).is_empty());
        let english_only = "+++\nemergency = true\n+++\nBoil-water advisory: boil your water for one minute before drinking it.";
        let d = run("french-language", "la-sarre", &official(english_only));
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("sans version française"));
    }

    #[test]
    fn personal_accounts_are_not_checked() {
        let text = "The pool will be closed on Monday for maintenance.";
        assert!(excerpts("french-language", "la-sarre", text).is_empty());
        assert_eq!(flagged(text).len(), 1);
    }

    #[test]
    fn profiles_without_a_language_article_keep_the_rule_off() {
        for id in ["st-urbain", "vallee-des-rivieres", "cpe-premier-pas"] {
            let policy = crate::load_builtin_policy(id).unwrap();
            assert!(
                policy.rule("french-language").is_none_or(|r| !r.enabled),
                "{id}"
            );
        }
    }
}
