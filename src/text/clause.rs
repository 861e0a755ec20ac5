//! Clauses of a folded sentence, and what their verbs say: who acts (the subject's
//! person), in which tense, in the active or the passive voice.
//!
//! A sentence is cut into clauses at commas, semicolons, colons, dashes, brackets, and
//! before the conjunctions that open one ("mais", "pis", "car", "parce que", "puisque",
//! "sauf que"). Every word keeps its readings from the French lexicon
//! ([`super::morph`]), and a verb group is read the way a French reader does: a clitic
//! subject ("je", "on", "nous") or a noun phrase before it, then the finite verb
//! (skipping "ne", object pronouns, "y" and "en"), then its infinitive or participle:
//! "on s'en occupe", "nous allons purger", "la Ville va déneiger", "les lumières seront
//! changées", "c'est réglé".
//!
//! Everything reads folded text (lowercase, no accents, straight apostrophes) and returns
//! ranges in it.

use std::ops::Range;

use super::morph::{self, Pos, Tense};
use super::phrases::words;

/// A folded sentence cut into words and clauses.
pub struct Sentence<'t> {
    pub text: &'t str,
    /// Word ranges in `text`.
    pub words: Vec<Range<usize>>,
    /// Clauses, as ranges of word indices.
    pub clauses: Vec<Range<usize>>,
    /// The noun lemmas of each word, looked up once on first use.
    nouns: std::cell::OnceCell<Vec<Vec<&'static str>>>,
}

/// Who the subject of a verb group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// je, j'
    I,
    /// nous
    We,
    /// on
    On,
    /// tu, vous
    You,
    /// il, elle, ils, elles, ça, c', ce, cela
    ThirdPronoun,
    /// A noun phrase: words `start..verb` of the clause.
    Noun { start: usize },
    /// None found (an infinitive clause, an imperative, a fragment).
    None,
}

/// How a verb group places its action in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Time {
    Present,
    Past,
    /// Simple future, or "aller" + infinitive.
    Future,
    Conditional,
    Imperative,
    Other,
}

/// A verb group: its subject, its main verb, its time and voice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbGroup {
    pub subject: Subject,
    /// Index of the first word of the group (the subject or, without one, the verb).
    pub start: usize,
    /// Index of the finite verb (an auxiliary or "aller" when there is one).
    pub finite: usize,
    /// Index of the word that carries the meaning: the infinitive after "aller", a
    /// modal or "devoir"; the participle after "être" or "avoir"; else the finite verb.
    pub main: usize,
    /// Lemma of the main verb.
    pub lemma: &'static str,
    pub time: Time,
    /// "être" + past participle: the subject undergoes the action.
    pub passive: bool,
    pub negated: bool,
    /// An object pronoun for someone else between subject and verb ("vous", "te",
    /// "lui", "leur"): the action is done for or to a person.
    pub addressee: bool,
}

/// Conjunctions that open a clause.
const CLAUSE_OPENERS: &[&str] = &["mais", "pis", "car", "puisque", "parce", "sauf", "sinon"];

/// Words that may stand between a subject and its finite verb.
const CLITICS: &[&str] = &[
    "ne", "n'", "me", "m'", "te", "t'", "se", "s'", "le", "la", "l'", "les", "lui", "leur", "y",
    "en", "vous", "nous",
];

/// Words that may stand between an auxiliary and its participle or infinitive.
const BETWEEN: &[&str] = &[
    "pas",
    "plus",
    "jamais",
    "rien",
    "bien",
    "deja",
    "vraiment",
    "encore",
    "toujours",
    "tout",
    "tous",
    "enfin",
    "aussi",
    "probablement",
    "surement",
    "certainement",
    "bientot",
    "rapidement",
    "vite",
    "completement",
    "finalement",
    "egalement",
    "meme",
    "y",
    "en",
    "le",
    "la",
    "l'",
    "les",
    "lui",
    "leur",
    "vous",
    "nous",
    "me",
    "m'",
    "te",
    "t'",
    "se",
    "s'",
    "tres",
    "trop",
    "ete",
];

impl<'t> Sentence<'t> {
    pub fn new(text: &'t str) -> Sentence<'t> {
        let words = words(text);
        let mut clauses = Vec::new();
        let mut start = 0;
        for i in 0..words.len() {
            if i <= start {
                continue;
            }
            let between = &text[words[i - 1].end..words[i].start];
            let punct = between.chars().any(|c| {
                matches!(
                    c,
                    ',' | ';' | ':' | '(' | ')' | '-' | '–' | '—' | '"' | '«' | '»'
                )
            }) && !between.trim().is_empty()
                && between.trim() != "-";
            let opener = CLAUSE_OPENERS.contains(&&text[words[i].clone()]);
            // "je vous confirme que les frais seront remboursés", "et que…": a
            // complement clause after a verb; "que" itself belongs to neither.
            let word = &text[words[i].clone()];
            let before = &text[words[i - 1].clone()];
            // Not a comparison: "mieux pensé que l'ancien", "plus grand qu'avant".
            let compares = (i.saturating_sub(3)..i).any(|j| {
                matches!(
                    &text[words[j].clone()],
                    "mieux"
                        | "plus"
                        | "moins"
                        | "pire"
                        | "autant"
                        | "aussi"
                        | "meme"
                        | "davantage"
                        | "ne"
                        | "n'"
                )
            });
            let complement = matches!(word, "que" | "qu'")
                && (before == "et" || is_finite_verb(before))
                && !compares
                && i + 1 < words.len();
            if complement {
                let end = if before == "et" { i - 1 } else { i };
                if end > start {
                    clauses.push(start..end);
                }
                start = i + 1;
            } else if punct || opener {
                clauses.push(start..i);
                start = i;
            }
        }
        if start < words.len() {
            clauses.push(start..words.len());
        }
        Sentence {
            text,
            words,
            clauses,
            nouns: std::cell::OnceCell::new(),
        }
    }

    /// The lemmas of word `i` read as a noun (none when the lexicon has no noun there).
    pub fn noun_lemmas(&self, i: usize) -> &[&'static str] {
        let all = self.nouns.get_or_init(|| {
            self.words
                .iter()
                .map(|w| morph::lemmas(&self.text[w.clone()], Pos::Noun).collect())
                .collect()
        });
        &all[i]
    }

    pub fn word(&self, i: usize) -> &'t str {
        &self.text[self.words[i].clone()]
    }

    /// The byte range of words `range` of the sentence.
    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            return 0..0;
        }
        self.words[range.start].start..self.words[range.end - 1].end
    }

    /// The clause that holds word `i`.
    pub fn clause_of(&self, i: usize) -> Range<usize> {
        self.clauses
            .iter()
            .find(|c| c.contains(&i))
            .cloned()
            .unwrap_or(i..i + 1)
    }

    /// True when word `i` is one of `list`.
    pub fn is(&self, i: usize, list: &[&str]) -> bool {
        i < self.words.len() && list.contains(&self.word(i))
    }

    /// The verb groups of a clause, in order.
    pub fn verb_groups(&self, clause: Range<usize>) -> Vec<VerbGroup> {
        let mut out = Vec::new();
        let mut i = clause.start;
        while i < clause.end {
            match self.group_at(clause.clone(), i) {
                Some(g) => {
                    i = g.main + 1;
                    out.push(g);
                }
                None => i += 1,
            }
        }
        out
    }

    /// The verb group whose finite verb is word `i`, if `i` is a finite verb.
    fn group_at(&self, clause: Range<usize>, i: usize) -> Option<VerbGroup> {
        let word = self.word(i);
        let finite: Vec<morph::Analysis> = morph::analyses(word)
            .filter(|a| {
                a.pos == Pos::Verb
                    && !matches!(
                        a.tense,
                        Some(Tense::Infinitive | Tense::PastParticiple | Tense::PresentParticiple)
                    )
            })
            .collect();
        if finite.is_empty() || is_function_word(word) {
            return None;
        }
        // The subject: back over clitics to a pronoun, or a noun phrase.
        let mut j = i;
        let mut addressee = false;
        let mut negated = false;
        while j > clause.start && self.is(j - 1, CLITICS) {
            j -= 1;
            let w = self.word(j);
            addressee |= matches!(w, "vous" | "te" | "t'" | "lui" | "leur");
            negated |= matches!(w, "ne" | "n'");
        }
        let (subject, start) = match j.checked_sub(1).filter(|&p| p >= clause.start) {
            Some(p) => match self.word(p) {
                "je" | "j'" => (Subject::I, p),
                "nous" => (Subject::We, p),
                "on" => (Subject::On, p),
                "tu" | "t'" | "vous" => (Subject::You, p),
                "il" | "elle" | "ils" | "elles" | "ca" | "c'" | "ce" | "cela" | "ceci" => {
                    (Subject::ThirdPronoun, p)
                }
                "qui" | "que" | "qu'" => (Subject::None, p),
                _ if j > clause.start => (
                    Subject::Noun {
                        start: clause.start,
                    },
                    clause.start,
                ),
                _ => (Subject::None, i),
            },
            None => {
                // The clitics at the start may hold the subject: "nous allons", "vous
                // pouvez" read "nous"/"vous" as a clitic above.
                match self.word(j) {
                    "nous" if j < i => (Subject::We, j),
                    "vous" if j < i => (Subject::You, j),
                    _ => (Subject::None, i),
                }
            }
        };
        if matches!(subject, Subject::We | Subject::You) && start == j {
            addressee = false;
        }
        // What follows: "pas", adverbs, clitics, then a participle or an infinitive.
        let mut k = i + 1;
        while k < clause.end && self.is(k, BETWEEN) {
            negated |= matches!(self.word(k), "pas" | "plus" | "jamais" | "rien");
            k += 1;
        }
        let next = (k < clause.end).then(|| self.word(k));
        let reading = |lemma: &str| finite.iter().find(|a| a.lemma == lemma).copied();
        let tense_of = |a: &morph::Analysis| match a.tense {
            Some(Tense::Future) => Time::Future,
            Some(Tense::Conditional) => Time::Conditional,
            Some(Tense::Imperfect | Tense::SimplePast) => Time::Past,
            Some(Tense::Imperative) => Time::Imperative,
            Some(Tense::Present | Tense::Subjunctive) => Time::Present,
            _ => Time::Other,
        };
        let infinitive = next.and_then(|w| {
            morph::analyses(w).find(|a| a.pos == Pos::Verb && a.tense == Some(Tense::Infinitive))
        });
        let participle = next.and_then(|w| {
            morph::analyses(w)
                .find(|a| a.pos == Pos::Verb && a.tense == Some(Tense::PastParticiple))
        });
        let group = |main: usize, lemma: &'static str, time: Time, passive: bool| VerbGroup {
            subject,
            start,
            finite: i,
            main,
            lemma,
            time,
            passive,
            negated,
            addressee,
        };
        // "aller" + infinitive: a future ("nous allons purger", "la Ville va déneiger").
        if let Some(a) = reading("aller")
            && a.tense == Some(Tense::Present)
            && let Some(inf) = infinitive
        {
            // "va être changé": a passive future.
            if inf.lemma == "etre"
                && let Some(p) = self.participle_after(k + 1, clause.end)
            {
                return Some(group(p.0, p.1, Time::Future, true));
            }
            return Some(group(k, inf.lemma, Time::Future, false));
        }
        // "être" + participle: passive, or the perfect of a verb of motion.
        if let Some(a) = reading("etre")
            && let Some(p) = participle
        {
            let passive = !is_motion(p.lemma);
            let time = match tense_of(&a) {
                Time::Present if !passive => Time::Past,
                t => t,
            };
            return Some(group(k, p.lemma, time, passive));
        }
        // "avoir" + participle: a past ("nous avons pris la décision").
        if let Some(a) = reading("avoir")
            && let Some(p) = participle
        {
            // "aura été changé": a passive future perfect.
            if p.lemma == "etre"
                && let Some(q) = self.participle_after(k + 1, clause.end)
            {
                return Some(group(q.0, q.1, tense_of(&a), true));
            }
            let time = match tense_of(&a) {
                Time::Present => Time::Past,
                t => t,
            };
            return Some(group(k, p.lemma, time, false));
        }
        // Modals: the infinitive carries the meaning, the modal the time.
        if let Some(a) = finite
            .iter()
            .find(|a| matches!(a.lemma, "pouvoir" | "devoir" | "vouloir" | "falloir"))
            && let Some(inf) = infinitive
        {
            return Some(group(k, inf.lemma, tense_of(a), false));
        }
        let a = finite[0];
        Some(group(i, a.lemma, tense_of(&a), false))
    }

    /// The first past participle at or after word `k` (skipping adverbs), with its lemma.
    fn participle_after(&self, mut k: usize, end: usize) -> Option<(usize, &'static str)> {
        while k < end && self.is(k, BETWEEN) {
            k += 1;
        }
        (k < end).then_some(())?;
        morph::analyses(self.word(k))
            .find(|a| a.pos == Pos::Verb && a.tense == Some(Tense::PastParticiple))
            .map(|a| (k, a.lemma))
    }
}

/// True when a folded word reads as a finite verb (and is not a function word).
fn is_finite_verb(word: &str) -> bool {
    !is_function_word(word)
        && morph::analyses(word).any(|a| {
            a.pos == Pos::Verb
                && !matches!(
                    a.tense,
                    Some(Tense::Infinitive | Tense::PastParticiple | Tense::PresentParticiple)
                )
        })
}

/// Verbs conjugated with "être" in the perfect: "il est allé" is a past, not a passive.
fn is_motion(lemma: &str) -> bool {
    matches!(
        lemma,
        "aller"
            | "venir"
            | "arriver"
            | "partir"
            | "entrer"
            | "sortir"
            | "rester"
            | "tomber"
            | "naitre"
            | "mourir"
            | "monter"
            | "descendre"
            | "retourner"
            | "revenir"
            | "devenir"
            | "passer"
            | "rentrer"
            | "parvenir"
            | "intervenir"
            | "survenir"
    )
}

/// Words the lexicon knows as a verb form but that are, in practice, function words:
/// "est" after a determiner is a direction, "a" a preposition, "suis"...; only those
/// whose verb reading would mislead a clause.
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "as"
            | "du"
            | "des"
            | "de"
            | "la"
            | "le"
            | "les"
            | "un"
            | "une"
            | "en"
            | "y"
            | "pas"
            | "plus"
            | "pis"
            | "mais"
            | "car"
            | "bien"
            | "ou"
            | "si"
            | "or"
            | "tout"
            | "mon"
            | "ma"
            | "ton"
            | "son"
            | "sa"
            | "nos"
            | "vos"
            | "ses"
            | "leur"
            | "leurs"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "que"
            | "qu'"
            | "qui"
            | "on"
            | "nous"
            | "vous"
            | "je"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "et"
            | "dans"
            | "par"
            | "pour"
            | "sur"
            | "avec"
            | "sans"
            | "entre"
            | "vers"
            | "chez"
            | "sous"
            | "lors"
            | "dont"
            | "fin"
            | "matin"
            | "soir"
            | "demain"
            | "mois"
            | "semaine"
            | "ville"
            | "parc"
            | "rue"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(text: &str) -> Vec<(Subject, &'static str, Time, bool)> {
        let s = Sentence::new(text);
        s.clauses
            .iter()
            .flat_map(|c| s.verb_groups(c.clone()))
            .map(|g| (g.subject, g.lemma, g.time, g.passive))
            .collect()
    }

    #[test]
    fn futures_in_every_form_are_read_as_futures() {
        assert_eq!(
            groups("nous allons purger le reseau demain matin"),
            [(Subject::We, "purger", Time::Future, false)]
        );
        assert_eq!(
            groups("la municipalite va deneiger le rang 3 en priorite"),
            [(Subject::Noun { start: 0 }, "deneiger", Time::Future, false)]
        );
        assert_eq!(
            groups("les lumieres du parc seront changees la semaine prochaine"),
            [(Subject::Noun { start: 0 }, "changer", Time::Future, true)]
        );
        assert_eq!(
            groups("la municipalite ne tolerera pas ce genre de commentaires"),
            [(Subject::Noun { start: 0 }, "tolerer", Time::Future, false)]
        );
    }

    #[test]
    fn clitics_and_negation_are_skipped_to_the_subject() {
        let s = Sentence::new("on s'en occupe des lundi matin");
        let g = &s.verb_groups(s.clauses[0].clone())[0];
        assert_eq!(
            (g.subject, g.lemma, g.time),
            (Subject::On, "occuper", Time::Present)
        );
        let s = Sentence::new("on vous en livre un neuf cette semaine");
        let g = &s.verb_groups(s.clauses[0].clone())[0];
        assert_eq!(
            (g.subject, g.lemma, g.addressee),
            (Subject::On, "livrer", true)
        );
        let s = Sentence::new("je ne parle pas au nom de la ville");
        let g = &s.verb_groups(s.clauses[0].clone())[0];
        assert!(g.negated && g.subject == Subject::I);
    }

    #[test]
    fn clauses_split_at_punctuation_and_conjunctions() {
        let s = Sentence::new("bonne nouvelle, la ville va vous rembourser mais pas tout de suite");
        let clauses: Vec<_> = s
            .clauses
            .iter()
            .map(|c| &s.text[s.span(c.clone())])
            .collect();
        assert_eq!(
            clauses,
            [
                "bonne nouvelle",
                "la ville va vous rembourser",
                "mais pas tout de suite"
            ]
        );
    }

    #[test]
    fn complement_clauses_start_after_que() {
        let s = Sentence::new(
            "je vous confirme que le cpe sera ferme et que les frais seront rembourses",
        );
        let clauses: Vec<_> = s
            .clauses
            .iter()
            .map(|c| &s.text[s.span(c.clone())])
            .collect();
        assert_eq!(
            clauses,
            [
                "je vous confirme",
                "le cpe sera ferme",
                "les frais seront rembourses"
            ]
        );
        let s = Sentence::new("le calendrier est mieux pense que l'ancien");
        assert_eq!(s.clauses.len(), 1);
    }

    #[test]
    fn perfect_tenses_are_pasts() {
        assert_eq!(
            groups("nous avons pris la decision de fermer"),
            [(Subject::We, "prendre", Time::Past, false)]
        );
        assert_eq!(
            groups("elle est partie hier"),
            [(Subject::ThirdPronoun, "partir", Time::Past, false)]
        );
    }
}
