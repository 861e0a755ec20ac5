//! `electoral-neutrality`: official accounts that take sides in an election, and
//! candidates or council members presenting their ideas on them.
//!
//! Why: La Sarre (art. 13.2): "Lors des périodes électorales, la Ville de La Sarre ne
//! devrait en aucun cas prendre parti ou défendre les candidats, ni émettre des
//! commentaires ou des opinions sur ses médias sociaux", and candidates may not use its
//! official accounts to present their ideas; council members express their political
//! opinions on their personal accounts. Drummondville (« Élections municipales »,
//! « Membres du conseil municipal », « Ligne éditoriale »): no side taken, no comment on
//! candidates, their projects or ideas, nor on current issues during an electoral
//! period; candidates and council members never present their ideas on official
//! accounts; campaign content is removed.
//!
//! What it reads: only posts of official accounts (`account = "official"`). At any time:
//! a candidate's post (`author = "candidate"`), a council member presenting ideas
//! (`author = "council-member"` with first-person ideas), calls to vote for someone,
//! campaign content. During an electoral period ([`periods`]): judgements on a
//! political actor (a candidate, a party, the mayor, a council member: praise or blame),
//! and opinions of the organisation. Neutral electoral information (polling stations,
//! hours, how to vote, the official list of candidates) uses none of these words and
//! passes.
//!
//! Candidates' and parties' names come from `[elections]` in `vigie.toml`.

mod lexicon;
pub mod periods;

use std::ops::Range;

use regex::Regex;
use serde::Deserialize;

use super::{Check, Context, ParamError, Rule, params, validate};
use crate::checks::semantics;
use crate::draft::{Account, Author};
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};
use crate::text::{Folded, PhraseSet, fold, is_whole_word, morph, phrases};
use periods::Period;

pub const RULE: Rule = Rule {
    id: "electoral-neutrality",
    name: "Neutralité électorale des comptes officiels",
    doc: concat!(
        "\
Vérifie que les comptes officiels de l'organisation restent neutres pendant les élections
municipales, et qu'ils ne servent jamais aux candidats ni aux élus pour présenter leurs idées.

Ce qui est vérifié, sur les comptes officiels (account = \"official\") seulement :
- en tout temps : la publication d'une candidate ou d'un candidat (author = \"candidate\") ;
  un membre du conseil (author = \"council-member\") qui présente ses idées ou ses opinions
  (« je propose », « mon projet », « à mon avis », « je trouve que », « c'est une mauvaise
  idée », « mon engagement ») ; un appel à voter pour une personne ou un parti
  (« votez pour Marie Côté », « appuyez notre candidate ») ; un contenu de campagne
  (« sa campagne électorale », « local électoral de », « si je suis élu ») ;
- en période électorale : un jugement sur un candidat, un parti, le maire ou un conseiller
  (« grâce à notre maire », « bravo au conseiller », « l'échec de l'administration
  sortante », « la candidate se trompe », « les opposants sont mal informés », « Un vrai
  leader. » après une phrase sur le maire), un adjectif du lexique de polarité près d'un
  acteur (« une très mauvaise idée »), l'organisation qui contredit un candidat
  (« contrairement à ce qu'affirme la candidate ») ; une opinion de l'organisation (« la
  Ville estime que », « à notre avis », « la Ville appuie sans réserve le mouvement »,
  « la Ville a raison », le blâme d'un enjeu : « ce projet est irréaliste ») ; une
  incitation au vote sans nom (« faites le bon choix le 2 novembre », « à vous de juger »).

Ce qui n'est pas signalé : l'information électorale neutre (bureaux de vote, heures
d'ouverture, vote par anticipation, pièces d'identité, liste officielle des candidats
publiée par la présidence d'élection), un appel à voter sans nom (« votez le 2 novembre »),
un vote du budget participatif, les comptes personnels.

Périodes électorales : les élections générales municipales du Québec ont lieu le premier
dimanche de novembre tous les quatre ans (2 novembre 2025, 4 novembre 2029, …) ; la période
va du 44e jour avant le scrutin jusqu'au jour du scrutin à 20 h, heure du Québec (en 2021 :
à partir du 17 septembre). vigie les connaît pour les profils québécois. Les élections
partielles, les noms des candidats et des partis se déclarent dans vigie.toml :
  [elections]
  by-elections = [2026-03-15]
  candidates = [\"Marie Côté\", \"Jean Tremblay\"]
  parties = [\"Équipe Côté\"]
Une publication qui dit elle-même qu'un vote municipal est en cours (« élection partielle »,
« vote par anticipation », « débat des candidats », « local de campagne ») est lue comme en
période électorale le jour de sa publication, même si vigie.toml ne déclare pas l'élection
(pas un vote provincial ou fédéral).
La date de publication (publish_at, ou --date) décide ; sans elle, c'est aujourd'hui. Une date
sans heure le jour du scrutin compte comme en période électorale : précisez l'heure
(publish_at = 2025-11-02T20:30:00) pour une publication après la fermeture des bureaux de vote.

Exemple : « Grâce au leadership de notre maire, la piscine a été rénovée ! » publié le
15 octobre 2025 sur la page de la Ville.
Correction : « La piscine a été rénovée : elle rouvre le 1er juin. » (les faits, sans
jugement sur les élus).

",
        crate::checks::model_note!()
    ),
    validate: validate::<Params>,
    build,
    explain_profile,
    personal_data: false,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Opinions of the organisation during an electoral period.
    #[serde(default = "yes")]
    opinions: bool,
    /// A council member presenting ideas on an official account, at any time.
    #[serde(default = "yes")]
    council_ideas: bool,
    /// A candidate's post on an official account, at any time.
    #[serde(default = "yes")]
    candidates: bool,
    /// More campaign phrases, flagged at any time on official accounts.
    #[serde(default)]
    phrases: Vec<String>,
}

fn yes() -> bool {
    true
}

struct ElectoralNeutrality {
    params: Params,
    /// [`lexicon::CAMPAIGN`] with the profile's phrases, when it has some: compiled
    /// with the rule, to report a mistake in them.
    campaign: Option<Regex>,
    /// Candidates' and parties' names, folded.
    names: Vec<String>,
    /// The organisation's names, folded: "votez pour La Sarre" is a contest.
    org_names: Vec<String>,
}

fn build(settings: &RuleSettings, policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    let campaign = if params.phrases.is_empty() {
        None
    } else {
        let mut campaign = lexicon::CAMPAIGN.to_string();
        for phrase in &params.phrases {
            campaign.push_str(&format!(
                "\n  | \\b{}\\b",
                regex::escape(&fold(phrase)).replace(' ', r"\s+")
            ));
        }
        Some(crate::text::user_regex(&campaign).map_err(|e| ParamError {
            key: "phrases".into(),
            message: format!("expression invalide : {e}"),
        })?)
    };
    let names = policy
        .elections
        .candidates
        .iter()
        .chain(&policy.elections.parties)
        .map(|n| fold(n.trim()))
        .filter(|n| !n.is_empty())
        .collect();
    let org_names = policy.org.folded_names();
    Ok(Box::new(ElectoralNeutrality {
        params,
        campaign,
        names,
        org_names,
    }))
}

/// What `vigie explain electoral-neutrality --profile ID` adds: the current or next
/// electoral period.
fn explain_profile(policy: &Policy, today: jiff::civil::Date) -> Option<String> {
    let close = |p: &Period| match p.end_zoned() {
        Ok(z) => format!(" Les bureaux de vote ferment à 20 h, UTC{}.", z.offset()),
        Err(_) => String::new(),
    };
    Some(match periods::current_or_next(policy, today) {
        Some((p, true)) => format!(
            "  Période électorale en cours : {}, {}.{}",
            p.label(),
            p.span_label(),
            close(&p)
        ),
        Some((p, false)) => format!(
            "  Prochaine période électorale connue : {}, {}.{}",
            p.label(),
            p.span_label(),
            close(&p)
        ),
        None => "  Aucune période électorale connue pour ce profil : les élections générales du Québec ne \
                 s'appliquent qu'aux profils québécois ; déclarez les élections partielles dans vigie.toml \
                 ([elections] by-elections)."
            .to_string(),
    })
}

/// How many words may separate a judgement from the actor it is about.
const MAX_WORDS_APART: usize = 6;

/// The sentence around a byte offset of a folded text.
fn sentence_around(text: &str, at: usize) -> Range<usize> {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | ';' | '\n');
    let from = text[..at].rfind(is_end).map(|i| i + 1).unwrap_or(0);
    let to = text[at..]
        .find(is_end)
        .map(|i| at + i)
        .unwrap_or(text.len());
    from..to
}

/// Sentences of a folded text: ranges between `.`, `!`, `?`, `;` and line breaks.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | ';' | '\n') {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..text.len());
    out.into_iter()
        .map(|r| crate::draft::trim_range(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

/// Past "campagne", whose campaign it is: "la vidéo de campagne de notre maire", "la page
/// de campagne de Nadia Poirier" (up to three words, within the clause).
fn whose_campaign(text: &str, end: usize) -> usize {
    if !text[..end].ends_with("campagne") {
        return end;
    }
    let rest = &text[end..];
    let Some(tail) = rest
        .strip_prefix(" de ")
        .or_else(|| rest.strip_prefix(" du "))
    else {
        return end;
    };
    let mut at = end + (rest.len() - tail.len());
    let mut last = end;
    for word in tail.split(' ').take(3) {
        let letters = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if letters.is_empty()
            || !letters
                .chars()
                .all(|c| c.is_alphanumeric() || "'-".contains(c))
        {
            break;
        }
        last = at + letters.len();
        if letters.len() < word.len() {
            break;
        }
        at += word.len() + 1;
    }
    last
}

/// The judgements of a folded sentence: listed words and idioms of praise or blame, and
/// every word the polarity lexicon scores as a clear, subjective judgement
/// ("exceptionnel", "irréaliste", "mauvaise").
pub(crate) fn judgements(sentence: &str, words: &[Range<usize>]) -> Vec<Range<usize>> {
    let greetings = lexicon::GREETING.find_in_words(sentence, words);
    let mut out = lexicon::JUDGEMENT.find_in_words(sentence, words);
    out.extend(lexicon::EVALUATION.find_in_words(sentence, words));
    out.extend(
        words
            .iter()
            .filter(|w| {
                let word = &sentence[(*w).clone()];
                word.len() > 3 && semantics::polarity(word).is_some_and(|p| p.judges())
            })
            .cloned(),
    );
    out.retain(|j| {
        !greetings
            .iter()
            .any(|g| g.start <= j.start && j.end <= g.end)
    });
    out.sort_by_key(|r| r.start);
    out
}

/// The organisation holding a view or taking a stance in a folded sentence: "la Ville
/// trouve que", "la Ville appuie sans réserve le mouvement", "la Ville a raison",
/// "pour nous, c'est clairement le meilleur investissement". Its range in the sentence.
fn org_stance(sentence: &str, words: &[Range<usize>]) -> Option<Range<usize>> {
    if let Some(at) = sentence
        .find("pour nous, ")
        .or_else(|| sentence.find("selon la ville"))
        && let Some(j) = judgements(sentence, words)
            .into_iter()
            .find(|j| j.start > at)
    {
        return Some(at..j.end);
    }
    for i in 0..words.len() {
        let Some(n) = lexicon::ORG_SUBJECT.longest_at(sentence, words, i) else {
            continue;
        };
        // The verb right after the subject, past "ne" and a pronoun.
        let mut v = i + n;
        while words
            .get(v)
            .is_some_and(|w| matches!(&sentence[w.clone()], "ne" | "n'" | "s'" | "se" | "en" | "y"))
        {
            v += 1;
        }
        let Some(verb) = words.get(v).map(|w| &sentence[w.clone()]) else {
            continue;
        };
        let Some(lemma) = lexicon::STANCE_VERBS
            .iter()
            .find(|l| morph::is_form_of_verb(verb, l))
        else {
            continue;
        };
        let after = v + 1..(v + 5).min(words.len());
        let position = after
            .clone()
            .filter_map(|k| {
                lexicon::POSITION
                    .longest_at(sentence, words, k)
                    .map(|n| words[k + n - 1].end)
            })
            .max();
        let end = match *lemma {
            // "trouve que", "croit que": an opinion whatever follows.
            "trouver" | "penser" | "croire" | "estimer" | "considerer" | "juger" => words
                .get(v + 1)
                .filter(|w| sentence[(*w).clone()].starts_with("qu"))
                .map(|w| w.end),
            // "a raison", "a tort".
            "avoir" => words
                .get(v + 1)
                .filter(|w| matches!(&sentence[(*w).clone()], "raison" | "tort"))
                .map(|w| w.end),
            _ => position,
        };
        if let Some(end) = end {
            return Some(words[i].start..end);
        }
    }
    None
}

/// An opinion on a current issue in a folded sentence: an issue ("le projet", "la taxe")
/// and a clear negative judgement of it within a few words: "le projet de geler les taxes …
/// est irréaliste". Its range.
fn issue_opinion(sentence: &str, words: &[Range<usize>]) -> Option<Range<usize>> {
    let issues = lexicon::ISSUE.find_in_words(sentence, words);
    let first = issues.first()?;
    // Blame only: praise of the organisation's own projects ("une bonne nouvelle pour la
    // sécurité") is its ordinary news, and told apart from campaigning by no word.
    let negative = |j: &Range<usize>| {
        sentence[j.clone()]
            .split([' ', '\''])
            .any(|w| semantics::polarity(w).is_some_and(|p| p.value < -0.3))
    };
    judgements(sentence, words)
        .into_iter()
        .filter(negative)
        .find(|j| {
            j.start > first.end && sentence[first.end..j.start].split_whitespace().count() <= 12
        })
        .map(|j| {
            j.start
                ..sentence[j.end..]
                    .find([',', ':'])
                    .map_or(sentence.len(), |k| j.end + k)
        })
}

impl ElectoralNeutrality {
    /// A call to vote for someone: its span in the source.
    fn vote_call(&self, cx: &Context<'_>, folded: &Folded) -> Option<Range<usize>> {
        let text = &folded.text;
        let verbs = lexicon::VOTE_VERB
            .find_iter(text)
            .map(|m| (m, true))
            .chain(lexicon::SUPPORT_VERB.find_iter(text).map(|m| (m, false)));
        for (m, vote) in verbs {
            let rest = &text[m.end()..];
            if let Some(a) = lexicon::SPECIFIC_ACTOR.find(rest) {
                return Some(folded.original(m.start()..m.end() + a.end()));
            }
            if let Some(n) = self.names.iter().find(|n| {
                rest.starts_with(n.as_str()) && is_whole_word(text, &(m.end()..m.end() + n.len()))
            }) {
                return Some(folded.original(m.start()..m.end() + n.len()));
            }
            // A first and last name, capitalised in the original text, unless the
            // sentence is about a contest.
            let sentence = &text[sentence_around(text, m.start())];
            let electoral = lexicon::ACTOR.is_match(sentence);
            if lexicon::CONTEST.is_match(sentence) || !(vote || electoral) {
                continue;
            }
            let verb = folded.original(m.range());
            let after = &cx.draft.prose[verb.end..cx.draft.body.end];
            let name = lexicon::PROPER_NAME
                .find(after)
                .map(|m| m.as_str())
                .or_else(|| {
                    // One surname: "votez Dubé le 2 novembre", up to its punctuation.
                    lexicon::SURNAME.find(after).map(|m| {
                        let s = m.as_str();
                        &s[..s
                            .find(|c: char| !(c.is_alphabetic() || "'’-".contains(c)))
                            .unwrap_or(s.len())]
                    })
                });
            if let Some(name) = name {
                let folded_name = fold(name);
                if !self
                    .org_names
                    .iter()
                    .any(|o| folded_name.starts_with(o.as_str()))
                {
                    return Some(verb.start..verb.end + name.len());
                }
            }
        }
        None
    }

    /// A judgement close to a political actor in one sentence (a folded range): within
    /// a few words. In a sentence about elections, a capitalised first and last name is
    /// an actor too ("Félicitations à Marie Côté, qui sera élue mairesse").
    fn judges_an_actor(&self, cx: &Context<'_>, folded: &Folded, s: Range<usize>) -> bool {
        let sentence = &folded.text[s.clone()];
        let words = phrases::words(sentence);
        // The judgements first: most sentences have none, and then nothing else counts.
        let judgements = judgements(sentence, &words);
        if judgements.is_empty() {
            return false;
        }
        let any = |set: &PhraseSet| {
            (0..words.len()).any(|i| set.longest_at(sentence, &words, i).is_some())
        };
        if any(&lexicon::NOT_ELECTORAL) || any(&lexicon::NOT_POLITICAL) {
            return false;
        }
        let to_original = |r: Range<usize>| folded.original(s.start + r.start..s.start + r.end);
        let mut actors: Vec<Range<usize>> = lexicon::ACTOR
            .find_in_words(sentence, &words)
            .into_iter()
            .map(&to_original)
            .collect();
        let electoral = !actors.is_empty();
        for n in &self.names {
            actors.extend(
                sentence
                    .match_indices(n.as_str())
                    .map(|(i, m)| i..i + m.len())
                    .filter(|r| is_whole_word(sentence, r))
                    .map(&to_original),
            );
        }
        let original = to_original(0..sentence.len());
        let source = &cx.draft.source;
        let teams: Vec<Range<usize>> = lexicon::NAMED_TEAM
            .find_iter(&source[original.clone()])
            .map(|m| original.start + m.start()..original.start + m.end())
            .collect();
        let electoral = electoral || !teams.is_empty();
        actors.extend(teams);
        if electoral {
            actors.extend(
                lexicon::PERSON
                    .find_iter(&source[original.clone()])
                    .map(|m| original.start + m.start()..original.start + m.end()),
            );
        }
        judgements.into_iter().any(|j| {
            let j = to_original(j);
            actors.iter().any(|a| {
                let between = if a.end <= j.start {
                    a.end..j.start
                } else if j.end <= a.start {
                    j.end..a.start
                } else {
                    return true;
                };
                source[between].split_whitespace().count() <= MAX_WORDS_APART
            })
        })
    }

    /// The sentence where a candidate campaigns ("je me présente dans le district 2") or,
    /// failing that, presents ideas ("mon plan : …"): its span.
    fn ideas_sentence(&self, folded: &Folded) -> Option<Range<usize>> {
        let text = &folded.text;
        let campaign = match &self.campaign {
            Some(re) => re.find(text).map(|m| m.start()),
            None => lexicon::CAMPAIGN_RE.find(text).map(|m| m.start()),
        };
        let at = campaign.or_else(|| lexicon::IDEAS.find(text).map(|r| r.start))?;
        let sentence = sentences(text)
            .into_iter()
            .find(|s| s.start <= at && at < s.end.max(s.start + 1))?;
        Some(folded.original(sentence))
    }

    fn diagnostic(
        &self,
        span: Range<usize>,
        kind: &'static str,
        message: String,
        help: &str,
    ) -> Diagnostic {
        Diagnostic::new(span, message, help).kind(kind)
    }

    fn in_period(
        &self,
        cx: &Context<'_>,
        folded: &Folded,
        period: &Period,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = &folded.text;
        let mut sided = false;
        let mut opined = false;
        let mut nudged = false;
        let post_has_actor = !lexicon::ACTOR.find_iter(text).is_empty()
            || !self.names.is_empty() && self.names.iter().any(|n| text.contains(n.as_str()))
            // Or a post about the vote or the term ending: "#ÉlectionsLaSarre", "Bilan
            // 2021-2025": a nudge there points at the outgoing council.
            || ["election", "scrutin", "mandat", "2021-2025", "aux urnes"]
                .iter()
                .any(|w| text.contains(w))
            || cx
                .draft
                .hashtags()
                .any(|h| fold(&cx.draft.source[h]).contains("election"));
        let mut previous_actor = false;
        for s in sentences(text) {
            let sentence = &text[s.clone()];
            let words = phrases::words(sentence);
            let has_actor = !lexicon::ACTOR.find_in_words(sentence, &words).is_empty();
            let after_actor = std::mem::replace(&mut previous_actor, has_actor);
            // A nudge toward a vote: "faites le bon choix le 2 novembre", "à vous de juger".
            if !nudged
                && post_has_actor
                && let Some(r) = lexicon::NUDGE.find_in_words(sentence, &words).first()
            {
                nudged = true;
                out.push(self.diagnostic(
                    folded.original(s.start + r.start..s.start + r.end),
                    "vote-call",
                    format!(
                        "En période électorale ({}), ce passage oriente le vote.",
                        period.label()
                    ),
                    "Retirez cette incitation : l'organisation donne l'information officielle sur le vote (date, \
                     heures, lieux), sans orienter le choix des électeurs.",
                ));
                continue;
            }
            // "Contrairement à ce qu'affirme la candidate…": the organisation contradicts
            // a political actor.
            let contradicts = !sided
                && has_actor
                && (sentence.contains("contrairement a") || sentence.contains("n'en deplaise"));
            // A judgement in a sentence that goes on about the actor of the last one: "Le
            // maire sortant a livré la caserne. Un vrai leader."
            let anaphora = !sided
                && after_actor
                && !has_actor
                && (words.len() <= 6
                    || words.first().is_some_and(|w| {
                        matches!(&sentence[w.clone()], "il" | "elle" | "ils" | "elles" | "ca")
                    }))
                && !judgements(sentence, &words).is_empty();
            if contradicts || anaphora {
                sided = true;
                let span = if contradicts {
                    let at = sentence
                        .find("contrairement a")
                        .or_else(|| sentence.find("n'en deplaise"))
                        .unwrap_or(0);
                    let end = lexicon::ACTOR
                        .find_in_words(sentence, &words)
                        .into_iter()
                        .filter(|a| a.start >= at)
                        .map(|a| {
                            // The actor's name, when one follows: "la candidate Julie Cantin".
                            let original = folded.original(s.start + a.start..s.start + a.end);
                            let after = &cx.draft.source[original.end..];
                            let name = lexicon::PERSON
                                .find(after.trim_start_matches(' '))
                                .filter(|m| m.start() == 0)
                                .map_or(0, |m| {
                                    m.end() + (after.len() - after.trim_start_matches(' ').len())
                                });
                            original.end + name
                        })
                        .next();
                    let start = folded.original(s.start + at..s.start + at).start;
                    start..end.unwrap_or_else(|| folded.original(s.clone()).end)
                } else {
                    folded.original(s.clone())
                };
                out.push(self.diagnostic(
                    span,
                    "takes-sides",
                    format!(
                        "En période électorale ({}), ce passage juge un candidat, un parti ou un élu.",
                        period.label()
                    ),
                    "Retirez le jugement et gardez les faits : en période électorale, l'organisation informe sans \
                     commenter les candidats, les élus, leurs projets ou leur bilan.",
                ));
                continue;
            }
            if !sided && self.judges_an_actor(cx, folded, s.clone()) {
                sided = true;
                out.push(self.diagnostic(
                    folded.original(s.clone()),
                    "takes-sides",
                    format!(
                        "En période électorale ({}), ce passage juge un candidat, un parti ou un élu.",
                        period.label()
                    ),
                    "Retirez le jugement et gardez les faits : en période électorale, l'organisation informe sans \
                     commenter les candidats, les élus, leurs projets ou leur bilan.",
                ));
            } else if !opined
                && self.params.opinions
                && !lexicon::NOT_POLITICAL.is_match(sentence)
                && let Some(r) = (lexicon::OPINION
                    .is_match(sentence)
                    .then_some(0..sentence.len()))
                .or_else(|| org_stance(sentence, &words))
                .or_else(|| issue_opinion(sentence, &words))
            {
                opined = true;
                out.push(self.diagnostic(
                    folded.original(s.start + r.start..s.start + r.end),
                    "opinion",
                    format!(
                        "En période électorale ({}), l'organisation émet ici une opinion.",
                        period.label()
                    ),
                    "Retirez l'opinion et gardez les faits : en période électorale, l'organisation ne prend pas \
                     position, ni sur les candidats ni sur les enjeux ou les dossiers d'actualité.",
                ));
            }
        }
    }
}

/// What a council member's idea or opinion at `m` says: from its words to the end of
/// the sentence ("je crois qu'il est temps de geler les taxes pour les familles"), or
/// the whole sentence when they close it ("une piste quatre saisons d'ici 2028, c'est
/// mon engagement").
fn idea_span(text: &str, m: Range<usize>) -> Range<usize> {
    let Some(s) = sentences(text)
        .into_iter()
        .find(|s| s.start <= m.start && m.end <= s.end)
    else {
        return m;
    };
    let after = phrases::words(&text[m.end..s.end]).len();
    if after <= 2 { s } else { m.start..s.end }
}

/// True when the original text names a municipal team or party ("l'équipe Renouveau La
/// Sarre", "le parti Action La Sarre").
pub fn names_team(original: &str) -> bool {
    lexicon::NAMED_TEAM.is_match(original)
}

/// A council member's judgement, in the words an employee's opinion is read in
/// ([`crate::checks::personal::opinion::markers`]: "je trouve que", "c'est une mauvaise
/// idée", "inacceptable"), as a folded range: on the organisation's account it is a
/// political opinion. Congratulations, pride and liking are the news of the office
/// ("Bravo aux bénévoles", "je suis fière que la piscine ouvre").
fn council_opinion(text: &str) -> Option<Range<usize>> {
    use crate::checks::personal::lexicon::Words;
    use crate::checks::personal::opinion::{is_congratulation, markers};
    const NEWS: &[&str] = &[
        "je suis fier",
        "je suis fiere",
        "je suis content",
        "je suis contente",
        "je suis heureux",
        "je suis heureuse",
        "je suis ravi",
        "je suis ravie",
        "j'aime",
        "j'adore",
        "j'apprecie",
        "j'ai aime",
        "j'ai adore",
        "j'ai apprecie",
        "je salue",
        "je croise les doigts",
        "belle initiative",
        "excellente initiative",
    ];
    let w = Words::new(text);
    markers(&w).into_iter().find(|m| {
        let marker = &text[m.clone()];
        !is_congratulation(marker) && !NEWS.iter().any(|n| marker.starts_with(n))
    })
}

impl Check for ElectoralNeutrality {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let meta = cx.meta;
        if meta.account != Account::Official {
            return;
        }
        let draft = cx.draft;
        let folded = cx.folded();
        let text = &folded.text;
        if meta.author == Some(Author::Candidate) && self.params.candidates {
            out.push(self.diagnostic(
                self.ideas_sentence(folded).unwrap_or_else(|| draft.body_anchor()),
                "candidate",
                "Publication d'une candidate ou d'un candidat sur un compte officiel de l'organisation.".into(),
                "Publiez sur vos comptes personnels ou de campagne : les comptes officiels ne servent pas à présenter \
                 les idées des candidats, en période électorale comme en tout temps.",
            ));
            return;
        }
        if meta.author == Some(Author::CouncilMember)
            && self.params.council_ideas
            && let Some(m) = lexicon::IDEAS.find(text).or_else(|| council_opinion(text))
        {
            out.push(self.diagnostic(
                folded.original(idea_span(text, m)),
                "council-member",
                "Un membre du conseil présente ici ses idées sur un compte officiel de l'organisation.".into(),
                "Exprimez vos idées et vos opinions politiques sur vos comptes personnels ; sur les comptes \
                 officiels, gardez l'information générale ou d'intérêt public.",
            ));
            return;
        }
        let vote_call = self.vote_call(cx, folded);
        if let Some(span) = vote_call.clone() {
            out.push(self.diagnostic(
                span,
                "vote-call",
                "Appel à voter pour une personne ou un parti sur un compte officiel.".into(),
                "Retirez cet appel : les comptes de l'organisation restent neutres. Pour inviter à voter, donnez \
                 seulement l'information officielle (date, heures, bureaux de vote).",
            ));
        }
        // A call to vote is campaign content already: one finding, not two.
        let campaign = match &self.campaign {
            Some(re) => re.find(text),
            None => lexicon::CAMPAIGN_RE.find(text),
        }
        .map(|m| folded.original(m.start()..whose_campaign(text, m.end())));
        if let Some(span) = campaign.clone().filter(|c| {
            !vote_call
                .as_ref()
                .is_some_and(|v| c.start < v.end && v.start < c.end)
        }) {
            out.push(self.diagnostic(
                span,
                "campaign",
                "Contenu de campagne électorale sur un compte officiel.".into(),
                "Retirez ce contenu : une candidate ou un candidat fait campagne sur ses propres comptes, jamais sur \
                 ceux de l'organisation.",
            ));
        }
        if let Some(period) = periods::period_at(cx.policy, meta.publish_at)
            .or_else(|| periods::announced(text, meta.publish_at))
        {
            let before = out.len();
            self.in_period(cx, folded, &period, out);
            // What the rule's patterns did not read, its model may: only in a post where
            // they found nothing, since a second finding would repeat the first.
            let found = out.len() > before || vote_call.is_some() || campaign.is_some();
            if let Some(span) = (!found)
                .then(|| crate::checks::model_sentence(cx, "electoral-neutrality"))
                .flatten()
            {
                out.push(self.diagnostic(
                    span,
                    "takes-sides",
                    "En période électorale, cette phrase semble prendre parti pour ou contre une candidature, \
                     un parti ou une position de campagne sur un compte officiel."
                        .into(),
                    "Retirez ce passage : pendant la période électorale, les comptes de l'organisation restent \
                     neutres et ne donnent que l'information officielle.",
                ));
            }
            // A sentence that calls to vote is reported once, as the call.
            if let Some(call) = &vote_call {
                let mut k = before;
                while k < out.len() {
                    if out[k].span.start < call.end && call.start < out[k].span.end {
                        out.remove(k);
                    } else {
                        k += 1;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::excerpts;
    use crate::draft::{Draft, Format};

    fn official(date: &str, body: &str) -> String {
        format!("+++\naccount = \"official\"\npublish_at = {date}\n+++\n{body}")
    }

    fn found(profile: &str, text: &str) -> Vec<String> {
        excerpts("electoral-neutrality", profile, text)
    }

    #[test]
    fn the_outcome_presumed_orients_the_vote() {
        let body = "Merci à notre futur maire, Denis Lachance, candidat à la mairie, d'être venu encourager les jeunes.";
        assert_eq!(
            found("la-sarre", &official("2025-10-15", body)),
            ["notre futur maire"]
        );
        assert!(found("la-sarre", &official("2026-03-15", body)).is_empty());
    }

    #[test]
    fn a_vote_the_post_says_is_under_way_is_a_period() {
        // No by-election configured: the post says the vote is on.
        let body = "Élection partielle – district 3. Aujourd'hui, c'est le vote par anticipation. \
                    Bonne chance à Kevin Desrochers, qui connaît nos rues mieux que personne!";
        assert_eq!(
            found("drummondville", &official("2026-03-15", body)).len(),
            1
        );
        // The same praise with no vote under way, or a provincial vote, is not read so.
        let praise = "Bonne chance à Kevin Desrochers, qui connaît nos rues mieux que personne!";
        assert!(found("drummondville", &official("2026-03-15", praise)).is_empty());
        let provincial = "Jour du vote provincial : bonne chance à Kevin Desrochers, qui connaît nos rues mieux que personne!";
        assert!(found("drummondville", &official("2026-10-05", provincial)).is_empty());
        let info = "Élection partielle – district 3 : bureaux de vote ouverts dimanche de 10 h à 20 h à l'école Saint-Pierre.";
        assert!(found("drummondville", &official("2026-03-15", info)).is_empty());
    }

    #[test]
    fn praise_of_the_mayor_only_during_the_period() {
        let body = "Grâce au leadership de notre maire, la piscine a été rénovée !";
        assert_eq!(
            found("drummondville", &official("2025-10-15", body)),
            [body.trim_end_matches('!').trim()]
        );
        assert!(found("drummondville", &official("2025-09-18", body)).is_empty());
        assert_eq!(
            found("drummondville", &official("2025-09-19", body)).len(),
            1
        );
        assert_eq!(
            found("drummondville", &official("2025-11-02T19:59:00", body)).len(),
            1
        );
        assert!(found("drummondville", &official("2025-11-02T20:01:00", body)).is_empty());
    }

    #[test]
    fn personal_accounts_are_not_read() {
        let text = "+++\npublish_at = 2025-10-15\n+++\nVotez pour Marie Côté le 2 novembre !";
        assert!(found("la-sarre", text).is_empty());
    }

    #[test]
    fn neutral_electoral_information_passes() {
        for body in [
            "Le 2 novembre, votez ! Les bureaux de vote sont ouverts de 9 h 30 à 20 h.",
            "Vote par anticipation le 26 octobre au centre communautaire. Apportez une pièce d'identité.",
            "Liste officielle des candidates et des candidats à la mairie, publiée par la présidente d'élection : Marie Côté, Jean Tremblay.",
            "Votez pour votre projet coup de cœur du budget participatif avant le 30 octobre !",
            "Votez pour le candidat de votre choix : chaque vote compte.",
        ] {
            assert!(
                found("la-sarre", &official("2025-10-15", body)).is_empty(),
                "{body}"
            );
        }
    }

    #[test]
    fn calls_to_vote_and_campaign_content_at_any_time() {
        assert_eq!(
            found(
                "la-sarre",
                &official("2026-03-01", "Le 2 novembre, votez Marie Côté !")
            ),
            ["votez Marie Côté"]
        );
        assert_eq!(
            found(
                "drummondville",
                &official(
                    "2026-03-01",
                    "Inauguration du local électoral de M. Roy samedi."
                )
            ),
            ["local électoral de"]
        );
    }

    #[test]
    fn candidates_and_council_members_on_official_accounts() {
        let text = "+++\naccount = \"official\"\nauthor = \"council-member\"\npublish_at = 2026-03-01\n+++\n\
                    Je propose de geler les taxes l'an prochain.";
        assert_eq!(
            found("drummondville", text),
            ["Je propose de geler les taxes l'an prochain"]
        );
        // An opinion without the words of an idea, and one that closes its sentence.
        for (body, want) in [
            (
                "La navette vers le parc industriel, c'est une mauvaise idée et je vais tout faire pour la bloquer.",
                "La navette vers le parc industriel, c'est une mauvaise idée et je vais tout faire pour la bloquer",
            ),
            (
                "Une piste quatre saisons d'ici 2028, c'est mon engagement.",
                "Une piste quatre saisons d'ici 2028, c'est mon engagement",
            ),
        ] {
            let t = text.replace("Je propose de geler les taxes l'an prochain.", body);
            assert_eq!(found("drummondville", &t), [want], "{body}");
        }
        // Congratulations and pride are the office's news.
        let news = text.replace(
            "Je propose de geler les taxes l'an prochain.",
            "Bravo aux bénévoles du carnaval! Je suis fière que la patinoire ouvre samedi.",
        );
        assert!(found("drummondville", &news).is_empty());
        let neutral = text.replace(
            "Je propose de geler les taxes l'an prochain.",
            "Je vous invite à la séance du conseil lundi à 19 h.",
        );
        assert!(found("drummondville", &neutral).is_empty());
        let candidate = text.replace("council-member", "candidate");
        assert_eq!(found("la-sarre", &candidate).len(), 1);
    }

    #[test]
    fn configured_names_are_known() {
        let mut policy = crate::load_builtin_policy("la-sarre").unwrap();
        policy.elections.parties.push("Renouveau Sarrois".into());
        let settings = policy.rule("electoral-neutrality").unwrap().clone();
        let check = build(&settings, &policy).unwrap();
        let text = official(
            "2025-10-15",
            "Appuyez Renouveau Sarrois, l'équipe du changement.",
        );
        let draft = Draft::parse("t.md", text.clone(), Format::Markdown).unwrap();
        let meta =
            crate::engine::resolve_meta(&draft.front, jiff::civil::date(2025, 6, 1)).unwrap();
        let mut out = Vec::new();
        check.check(&Context::new(&draft, &meta, &policy), &mut out);
        assert_eq!(
            out.len(),
            1,
            "{:?}",
            out.iter()
                .map(|d| (d.kind, &text[d.span.clone()]))
                .collect::<Vec<_>>()
        );
        assert_eq!(&text[out[0].span.clone()], "Appuyez Renouveau Sarrois");
    }

    #[test]
    fn judgements_without_listed_words_during_the_period() {
        for (profile, body, want) in [
            (
                "drummondville",
                "Le candidat Houle n'a aucune expérience en gestion municipale.",
                "Le candidat Houle n'a aucune expérience en gestion municipale",
            ),
            (
                "la-sarre",
                "Le maire sortant a livré la caserne. Un vrai leader.",
                "Un vrai leader",
            ),
            (
                "drummondville",
                "Logement : la Ville appuie sans réserve le mouvement Vivre à Drummond.",
                "la Ville appuie sans réserve le mouvement",
            ),
            (
                "la-sarre",
                "La candidate Poirier n'a assisté qu'à la moitié des séances. À vous de juger.",
                "À vous de juger",
            ),
            (
                "la-sarre",
                "Le projet de geler les taxes est irréaliste.",
                "irréaliste",
            ),
        ] {
            assert_eq!(
                found(profile, &official("2025-10-15", body)),
                [want],
                "{body}"
            );
        }
    }

    #[test]
    fn the_outgoing_record_praised_as_a_slogan() {
        for (profile, body, want) in [
            (
                "drummondville",
                "Bilan 2021-2025 : aucune hausse de taxes. Le travail accompli parle de lui-même.",
                "Le travail accompli parle de lui-même",
            ),
            (
                "la-sarre",
                "Un mandat, trois nouveaux parcs. On continue sur cette lancée!",
                "On continue sur cette lancée",
            ),
            (
                "la-sarre",
                "Mise au point : le maire a toujours agi avec rigueur et transparence.",
                "Mise au point : le maire a toujours agi avec rigueur et transparence",
            ),
        ] {
            assert_eq!(
                found(profile, &official("2025-10-15", body)),
                [want],
                "{body}"
            );
        }
        // A team's win, with no vote nor term in sight, is no slogan.
        assert!(
            found(
                "la-sarre",
                &official(
                    "2025-10-15",
                    "Bravo aux Forestiers pour la victoire! On continue sur cette lancée samedi."
                )
            )
            .is_empty()
        );
    }

    #[test]
    fn greetings_and_own_good_news_are_not_opinions() {
        for body in [
            "Meilleurs vœux de la part du maire et des membres du conseil municipal !",
            "Le projet de règlement sur les piscines est une bonne nouvelle pour la sécurité des enfants.",
            "Nous appuyons les organismes communautaires avec une aide de 50 000 $.",
            "Félicitations à l'équipe des travaux publics pour son excellent travail pendant la tempête !",
        ] {
            assert!(
                found("la-sarre", &official("2025-10-15", body)).is_empty(),
                "{body}"
            );
        }
    }

    #[test]
    fn explain_shows_the_period() {
        let policy = crate::load_builtin_policy("la-sarre").unwrap();
        let text = explain_profile(&policy, jiff::civil::date(2025, 10, 1)).unwrap();
        assert!(text.contains("en cours"), "{text}");
        assert!(text.contains("19 septembre 2025"), "{text}");
    }
}
