//! What a personal post's clauses do, read on the text layer ([`crate::text::clause`],
//! [`crate::text::morph`], [`crate::text::polarity`]) instead of lists of phrases:
//!
//! - [`commitment`]: the organisation acts, decides or promises in the future, through
//!   any verb in any form ("la Ville va vous rembourser", "les lumières seront
//!   changées", "on s'en occupe dès lundi", "nous avons pris la décision de…");
//! - [`venting`]: a clause that aims a negative judgement at the workplace and its
//!   people (management, colleagues, the schedule, the people served): a negative
//!   adjective of the polarity lexicon, a negated quality ("pas capable", "zéro
//!   respect"), sarcasm ("bravo la Ville, toujours aussi efficace");
//! - [`judgement`]: a clause that evaluates a municipal matter ("c'est une bonne
//!   décision", "est raisonnable", "devrait investir", "ce serait le fun").
//!
//! Each returns the folded range, in the sentence, of the clause that carries it: the
//! words a reviewer would underline.

use std::ops::Range;
use std::sync::LazyLock;

use super::common::{Mentions, Prose};
use crate::text::clause::{Sentence, Subject, Time, VerbGroup};
use crate::text::morph::{self, Pos};
use crate::text::polarity;
use crate::text::{PhraseSet, WordSet};

mod irony;

/// Nouns (lemmas) that stand for the organisation acting: its services and teams.
static ORG_AGENTS: WordSet = crate::text::wordset::word_set!("meaning/org-agents.txt");

/// Verbs (lemmas) that relay what the organisation said rather than commit it.
const REPORTING: &[&str] = &[
    "annoncer",
    "informer",
    "aviser",
    "rappeler",
    "indiquer",
    "communiquer",
    "publier",
    "inviter",
    "demander",
    "souhaiter",
    "remercier",
    "preciser",
    "confirmer",
    "expliquer",
    "souligner",
    "presenter",
    "tenir",
    "organiser",
    "offrir",
    "recevoir",
    "accueillir",
];

/// Verbs (lemmas) that carry no action of the organisation's on their own.
/// Verbs of deliberation: what a council debates is not yet decided.
const DELIBERATE: &[&str] = &[
    "debattre",
    "discuter",
    "etudier",
    "examiner",
    "analyser",
    "evaluer",
    "reflechir",
    "considerer",
    "parler",
    "jaser",
    "regarder",
];

const NOT_ACTIONS: &[&str] = &[
    "etre",
    "avoir",
    "aller",
    "pouvoir",
    "devoir",
    "vouloir",
    "falloir",
    "sembler",
    "paraitre",
    "devenir",
    "savoir",
    "croire",
    "penser",
    "aimer",
    "adorer",
    "esperer",
    "souhaiter",
    "falloir",
    "voir",
    "pleuvoir",
    "neiger",
    "faire",
    "dire",
    "trouver",
    "rester",
    "venir",
    "partir",
    "arriver",
    "avoir",
    "manquer",
    "valoir",
    "plaire",
    "feter",
    "s'amuser",
    "amuser",
    "profiter",
    "passer",
    "essayer",
    "attendre",
    "regarder",
    "lire",
    "ecrire",
    "manger",
    "souper",
    "diner",
    "jouer",
    "marcher",
    "courir",
    "dormir",
    "relaxer",
    "revenir",
    "retourner",
    "rentrer",
    "sortir",
    "monter",
    "descendre",
    "perdre",
    "gagner",
    "vivre",
    "aimer",
    "ennuyer",
    "inquieter",
    "excuser",
    "remercier",
    "inviter",
    "conseiller",
    "suggerer",
    "recommander",
    "encourager",
    "feliciter",
    "partager",
    "presenter",
    "embrasser",
    "laisser",
    "parler",
    "demander",
    "montrer",
    "expliquer",
];

/// Verbs (lemmas) that, made reflexive, say people meet: "on se revoit en août" is a
/// goodbye, "nous allons revoir nos procédures" a commitment.
const MEETING: &[&str] = &[
    "revoir",
    "retrouver",
    "voir",
    "croiser",
    "rejoindre",
    "reposer",
];

/// Verbs (lemmas) of events and states rather than services: "la bibliothèque sera
/// fermée lundi", "le parc sera inauguré le 2 juin" relay a notice, they promise nothing.
const EVENTS: &[&str] = &[
    "fermer",
    "ouvrir",
    "inaugurer",
    "presenter",
    "remettre",
    "tenir",
    "celebrer",
    "souligner",
    "accueillir",
    "offrir",
    "lancer",
    "debuter",
    "commencer",
    "diffuser",
    "honorer",
    "animer",
    "servir",
    "afficher",
    "occuper",
    "situer",
    // The council's business at a public meeting: "le conseil adoptera le budget lors
    // de la séance du 8 décembre" relays the agenda.
    "adopter",
    "voter",
    "etudier",
    "examiner",
    "debattre",
    "sieger",
    "reunir",
    "deliberer",
    "statuer",
];

/// Words of private life: "on va installer notre bac à fleurs devant la maison".
const PRIVATE: &[&str] = &[
    "la maison",
    "ma maison",
    "notre maison",
    "chez nous",
    "en famille",
    "ma famille",
    "notre famille",
    "mon chum",
    "ma blonde",
    "mes amis",
    "nos amis",
    "mes amies",
    "camping",
    "vacances",
    "nos enfants",
    "mes enfants",
    "mon mari",
    "ma femme",
    "mon conjoint",
    "ma conjointe",
    "notre cour",
    "ma cour",
];

/// Verbs (lemmas) that promise or confirm: what they introduce is the commitment.
const PROMISING: &[&str] = &["confirmer", "garantir", "assurer", "promettre", "jurer"];

/// Verbs (lemmas) of decisions, in the past with "nous": a decision announced.
const DECISIONS: &[&str] = &[
    "decider",
    "prendre",
    "choisir",
    "adopter",
    "approuver",
    "refuser",
    "accepter",
    "retenir",
    "annuler",
    "reporter",
    "suspendre",
    "interdire",
    "autoriser",
    "resoudre",
];

/// Words that place an action in the near future.
const SOON: &[&str] = &[
    "demain",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "semaine prochaine",
    "mois prochain",
    "bientot",
    "prochainement",
    "ce soir",
    "cette semaine",
    "cette nuit",
    "d'ici",
    "aujourd'hui",
    "tantot",
    "asap",
    "incessamment",
    "sous peu",
    "cet hiver",
    "cet ete",
    "ce printemps",
    "cet automne",
    "des que possible",
    // A season, a year or a month ahead: "on ouvre un deuxième groupe en septembre",
    // "le camp de jour sera gratuit l'été prochain".
    "l'an prochain",
    "l'annee prochaine",
    "l'ete prochain",
    "l'hiver prochain",
    "l'automne prochain",
    "le printemps prochain",
    "cette annee",
    "au printemps",
    "a l'automne",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// Verbs (lemmas) of what an organisation does to its services and places: with its
/// "on" or "nous", an employee's post announces it ("on ouvre un deuxième groupe en
/// septembre", "on va changer l'heure de fermeture à partir d'avril").
const SERVICE_CHANGES: &[&str] = &[
    "ouvrir",
    "fermer",
    "ajouter",
    "installer",
    "agrandir",
    "renover",
    "refaire",
    "construire",
    "prolonger",
    "devancer",
    "reporter",
    "annuler",
    "changer",
    "modifier",
    "remplacer",
    "abolir",
    "augmenter",
    "hausser",
    "baisser",
    "reduire",
    "embaucher",
    "creer",
    "inaugurer",
];

/// Services only an organisation opens, closes or changes (a cottage, a garden or a pool
/// may be one's own): "on ouvre un deuxième camp de jour", "un nouveau groupe".
static PUBLIC_SERVICES: WordSet = crate::text::wordset::word_set!("meaning/public-services.txt");

/// What a future makes of a service: "le camp de jour sera gratuit cet été".
const SERVICE_STATES: &[&str] = &[
    "gratuit",
    "gratuite",
    "gratuits",
    "gratuites",
    "payant",
    "payante",
    "payants",
    "payantes",
];

/// Second-person words: the post answers someone.
const YOU: &[&str] = &[
    "vous", "votre", "vos", "te", "t'", "ton", "ta", "tes", "toi",
];

/// Things that are the organisation's (equipment, services, places) are found by
/// [`Mentions`] (names, aliases and municipal topics) and by these nouns (lemmas).
static MUNICIPAL_THINGS: WordSet = crate::text::wordset::word_set!("meaning/municipal-things.txt");

/// True when a folded word's lemma (as a noun, or the word itself) is in `list`.
fn noun_in(word: &str, list: &WordSet) -> bool {
    list.contains(word)
        || morph::lemmas(word, Pos::Noun).any(|l| list.contains(l))
        || plural_of(word, list)
}

/// A plural the lexicon does not know ("éducatrices" is missing from Lefff) whose
/// singular is in `list`.
fn plural_of(word: &str, list: &WordSet) -> bool {
    word.strip_suffix('s')
        .or_else(|| word.strip_suffix('x'))
        .is_some_and(|singular| singular.len() > 2 && list.contains(singular))
}

fn any_word(s: &Sentence, range: Range<usize>, list: &WordSet) -> bool {
    range.into_iter().any(|i| {
        list.contains(s.word(i))
            || s.noun_lemmas(i).iter().any(|l| list.contains(l))
            || plural_of(s.word(i), list)
    })
}

/// The phrase lists of this module as phrase sets, built on first use.
static RELAYED: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::new(["selon", "d'apres", "source", "communique", "info"]));

/// The published source cited: "c'est écrit dans le programme du festival".
const CITED: &[&str] = &[
    "c'est ecrit",
    "c'est marque",
    "c'est indique",
    "c'est annonce",
    "c'etait ecrit",
    "c'etait annonce",
    "comme annonce",
    "comme indique",
    "tel qu'annonce",
    "tel qu'indique",
];
static CITED_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(CITED));

/// Where a folded sentence says that what it told was published ("c'est écrit dans le
/// programme du festival"): the end of the last such phrase. What comes before it is
/// passed on; a clause after it may still commit ("…, c'est écrit dans le dépliant, pis
/// la Ville va fournir l'électricité"). ("Info de l'intérieur : …" announces a leak: it
/// is no source.)
pub fn cited_source_end(text: &str) -> Option<usize> {
    CITED_SET.find_iter(text).last().map(|r| r.end)
}

static REFERRAL: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new([
        "information",
        "informations",
        "renseignement",
        "renseignements",
    ])
});
static GLAD: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new([
        "content de voir",
        "contente de voir",
        "heureux de voir",
        "heureuse de voir",
        "il etait temps",
    ])
});
static SOON_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(SOON));
/// The author answering in their own name: "je vous réponds ici à titre personnel".
static OWN_NAME: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new([
        "a titre personnel",
        "a titre prive",
        "en mon nom",
        "en mon nom personnel",
        "comme citoyen",
        "comme citoyenne",
    ])
});
static PRIVATE_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(PRIVATE));
static IRONY_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(IRONY));
static NEGATIVE_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(NEGATIVE_EXTRA));

/// True when a phrase of `set` stands in words `range` of the sentence.
fn has(set: &PhraseSet, s: &Sentence, range: Range<usize>) -> bool {
    !set.find_in_words(s.text, &s.words[range]).is_empty()
}

/// The clause's folded range in the sentence, from `start` (a word index) to its end.
fn clause_span(s: &Sentence, clause: &Range<usize>, start: usize) -> Range<usize> {
    s.span(start.max(clause.start)..clause.end)
}

/// The organisation (or its thing) as the subject of a verb group.
fn org_subject(s: &Sentence, g: &VerbGroup, in_mentions: &dyn Fn(Range<usize>) -> bool) -> bool {
    let Subject::Noun { start } = g.subject else {
        return false;
    };
    // The head of the subject: its first word after determiners ("les candidats à la
    // mairie" is about candidates, "nos équipes" about the organisation's teams).
    let Some(head) = (start..g.finite).find(|&i| !s.is(i, DETERMINERS)) else {
        return false;
    };
    let from = s.words[start].start;
    in_mentions(from..s.words[head].end) || noun_in(s.word(head), &ORG_AGENTS)
}

const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "du", "nos", "notre", "vos", "votre", "ses",
    "son", "sa", "leur", "leurs", "ce", "cet", "cette", "ces", "tout", "toute", "tous", "toutes",
    "de", "d'", "a", "au", "aux",
];

/// True when the verb's object is the speaker's own: "on va envoyer nos photos".
/// "on se revoit", "on se retrouve": people meeting, no service.
fn meets_again(s: &Sentence, g: &VerbGroup) -> bool {
    MEETING.contains(&g.lemma) && (g.start..g.main).any(|i| s.is(i, &["se", "s'"]))
}

fn own_object(s: &Sentence, g: &VerbGroup, clause: &Range<usize>) -> bool {
    let mut next = g.main + 1;
    // The second word of a negation: "on ne fermera pas notre commerce".
    if s.is(next, &["pas", "plus", "jamais"]) {
        next += 1;
    }
    next < clause.end && s.is(next, &["nos", "notre", "mes", "mon", "ma"])
}

/// Whose commitments [`commitment`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    /// An employee: statements without a person count too ("la patinoire va ouvrir le
    /// 20").
    Employee,
    /// An author whose role is not given, a volunteer: a first person, a reader
    /// answered or the organisation named.
    Other,
    /// A contractor, whose "on" and "nous" are their own firm's ("inquiétez-vous pas,
    /// on va livrer"): as [`Speaker::Other`], but a first person plural commits the
    /// organisation only where the sentence names it ("au CPE on retire les noix du
    /// menu").
    Contractor,
    /// An elected member, who serves citizens in their own name and whose "nous" is
    /// their own: only what the organisation, named, will do or refuse ("la Ville va
    /// baisser le taux de taxe", "le conseil a tranché, on ne renouvellera pas le
    /// contrat").
    Elected,
}

/// A commitment made in the organisation's name, as a folded range in the sentence.
///
/// `statements` allows the commitments that have no first or second person ("la
/// patinoire va ouvrir le 20", "le stationnement sera déneigé ce soir"): they read
/// exactly like the organisation's own notices, and break the policy only when the
/// author is known to be an employee.
pub fn commitment(
    prose: &Prose,
    range: &Range<usize>,
    mentions: &Mentions,
    context: bool,
    speaker: Speaker,
) -> Option<Range<usize>> {
    let statements = speaker == Speaker::Employee;
    let elected = speaker == Speaker::Elected;
    let contractor = speaker == Speaker::Contractor;
    let text = prose.clause_text(range);
    let s = Sentence::new(&text);
    // A question that asks when or why ("Quand c'est que la Ville va se décider à
    // acheter de l'équipement qui marche?") asks, or reproaches; it commits to nothing.
    let asks = s.is(0, &["quand", "pourquoi", "comment", "combien"])
        || (s.is(0, &["est"]) && s.is(1, &["ce"]));
    if asks && ends_in_question(prose, range) {
        return None;
    }
    let found = prose.mentions(mentions, range);
    let in_mentions = |r: Range<usize>| found.iter().any(|m| m.start < r.end && r.start < m.end);
    // "mon chalet", "ma rue" are the author's own.
    let sentence_municipal = !found.is_empty()
        || (0..s.words.len()).any(|i| {
            any_word(&s, i..i + 1, &MUNICIPAL_THINGS)
                && !(i > 0 && s.is(i - 1, &["mon", "ma", "mes"]))
        });
    let you_in_sentence = (0..s.words.len()).any(|i| s.is(i, YOU));
    // "La Ville annonce que…", "selon la Ville": the post relays, it does not commit.
    let all = 0..s.words.len();
    // ("avant le communiqué" leaks what it has not said yet.)
    let relayed = RELAYED
        .find_in_words(s.text, &s.words)
        .iter()
        .any(|r| !s.text[..r.start].trim_end().ends_with("avant le"));
    if relayed {
        return None;
    }
    // Who could commit: a first person, a reader answered, or (for statements) anyone;
    // most sentences have none of these and need no further reading.
    let persons = (0..s.words.len()).any(|i| {
        s.is(
            i,
            &[
                "je", "j'", "nous", "on", "c'", "ca", "vous", "votre", "vos", "te", "t'", "ton",
                "ta", "tes",
            ],
        )
    });
    if !persons && !statements && found.is_empty() {
        return None;
    }
    let private = has(&PRIVATE_SET, &s, all);
    // "je sais pas quand ta rue va être déneigée", "je peux pas te le confirmer": the
    // author says they do not know or cannot say; what the sentence foresees is no
    // commitment.
    let disclaims = s.clauses.iter().any(|c| {
        s.verb_groups(c.clone()).iter().any(|g| {
            g.subject == Subject::I
                && g.negated
                && matches!(
                    g.lemma,
                    "savoir"
                        | "dire"
                        | "connaitre"
                        | "confirmer"
                        | "promettre"
                        | "garantir"
                        | "repondre"
                )
        })
    });
    if disclaims {
        return None;
    }
    for clause in &s.clauses {
        let groups = s.verb_groups(clause.clone());
        if groups
            .iter()
            .any(|g| REPORTING.contains(&g.lemma) && g.subject != Subject::I)
        {
            continue;
        }
        let clause_text = &text[s.span(clause.clone())];
        // Sending the reader to the official channel is what the policies ask: "le
        // Service des communications pourra vous donner la bonne information".
        if has(&REFERRAL, &s, clause.clone()) {
            continue;
        }
        let soon = has(&SOON_SET, &s, clause.clone());
        let you = (clause.clone()).any(|i| s.is(i, YOU));
        for g in &groups {
            let action = !NOT_ACTIONS.contains(&g.lemma);
            let span = || clause_span(&s, clause, g.start);
            match g.subject {
                // The organisation or one of its teams will act: "la Ville va
                // rembourser", "nos équipes passeront", "la Municipalité ne tolérera pas",
                // "la niveleuse passe jeudi" (a visit in the present with its day is a
                // future; "la Ville embauche cet été" announces).
                Subject::Noun { .. }
                    if org_subject(&s, g, &in_mentions)
                        && !g.passive
                        && (statements || elected || you)
                        // Its team or machine "passing" is a service call.
                        && (action || g.lemma == "passer" && !g.negated)
                        // Done to the author ("cette équipe-là va me donner une crise
                        // cardiaque"), it is no promise to the public.
                        && !(g.start..g.main).any(|i| s.is(i, &["me", "m'"]))
                        && (g.time == Time::Future
                            || g.time == Time::Present && soon && g.lemma == "passer")
                        && (!EVENTS.contains(&g.lemma) || g.addressee || you) =>
                {
                    return Some(span());
                }
                // A service of the organisation's will be free: "le camp de jour sera
                // gratuit cet été", "les lots vont être gratuits cette année".
                Subject::Noun { start }
                    if !g.passive
                        && statements
                        && g.time == Time::Future
                        && g.lemma == "etre"
                        && !g.negated
                        && s.is(g.main + 1, SERVICE_STATES)
                        && (in_mentions(s.span(start..g.finite))
                            || any_word(&s, start..g.finite, &MUNICIPAL_THINGS)
                            || sentence_municipal && context) =>
                {
                    return Some(span());
                }
                // Something of the organisation's will be done: "les lumières seront
                // changées", "le stationnement sera déneigé ce soir", "vos frais seront
                // remboursés".
                Subject::Noun { start } if g.passive && action && (statements || you) => {
                    let subject = start..g.finite;
                    let municipal = in_mentions(s.span(subject.clone()))
                        || any_word(&s, subject.clone(), &MUNICIPAL_THINGS)
                        || (subject).clone().any(|i| s.is(i, YOU));
                    if municipal && g.time == Time::Future && !EVENTS.contains(&g.lemma) {
                        return Some(span());
                    }
                    // "votre demande a été acceptée": a decision on the reader's file.
                    if g.time == Time::Past
                        && DECISIONS.contains(&g.lemma)
                        && (subject).clone().any(|i| s.is(i, YOU))
                    {
                        return Some(span());
                    }
                }
                // "c'est réglé", "c'est arrangé", "ça va être fait demain"; a decision
                // told to the reader on their own matter is an answer in itself: "pour le
                // remboursement de ta semaine, c'est accepté".
                Subject::ThirdPronoun
                    if g.passive
                        && action
                        && !elected
                        // "c'est pas compliqué" says how easy, not what was done; a
                        // refusal told to the reader is still a decision.
                        && (!g.negated || DECISIONS.contains(&g.lemma))
                        && (context
                            || (you_in_sentence && DECISIONS.contains(&g.lemma))
                            || (statements && sentence_municipal && !private))
                        && matches!(g.time, Time::Present | Time::Future)
                        // A deadline lengthens it: "ça va être réparé d'ici la fin de
                        // la semaine".
                        && clause_text.split_whitespace().count() <= if soon { 12 } else { 8 } =>
                {
                    // The short clause says what; the sentence says of what.
                    return Some(s.span(0..s.words.len()));
                }
                // The organisation's "nous" or "on": "nous allons purger le réseau",
                // "on s'en occupe dès lundi", "on vous en livre un neuf cette semaine".
                Subject::We | Subject::On
                    if (action || passes_machine(&s, g, clause))
                        // "Lire les dossiers avant la séance, on repassera": the idiom
                        // ends its sentence and mocks; a visit says when or what.
                        && (g.lemma != "repasser" || g.main + 1 < s.words.len())
                        && (!g.negated || refused(&s, g, &found))
                        && !private
                        && !own_object(&s, g, clause)
                        && !meets_again(&s, g) =>
                {
                    // Plans of one's own ("on va réparer la clôture du chalet") read the
                    // same: the organisation must be named, the reader answered, or the
                    // post be about the organisation's business.
                    let municipal = !found.is_empty()
                        || elected
                        || you_in_sentence
                        || g.addressee
                        || (sentence_municipal && context && g.subject == Subject::We)
                        || (statements
                            // Any reading: "ouvre" is also a form of the rare "ouvrer".
                            && SERVICE_CHANGES
                                .iter()
                                .any(|v| morph::is_form_of_verb(s.word(g.main), v))
                            && (sentence_municipal && context
                                || any_word(&s, g.main + 1..clause.end, &PUBLIC_SERVICES)));
                    let when = match g.time {
                        Time::Future => true,
                        Time::Present => soon,
                        Time::Past => g.subject == Subject::We && DECISIONS.contains(&g.lemma),
                        _ => false,
                    };
                    // An elected member who will debate or study a matter at the council
                    // ("on en débattra au conseil") does their own work; it decides
                    // nothing for the organisation.
                    let deliberates = elected && DELIBERATE.contains(&g.lemma);
                    if when
                        && municipal
                        && (!(elected || contractor) || !found.is_empty())
                        && !deliberates
                    {
                        return Some(span());
                    }
                }
                // "je vous la réserve", "je vous rappelle demain": a service rendered to
                // the reader, in a post about the organisation's business.
                Subject::I
                    if action
                        && !elected
                        && !PROMISING.contains(&g.lemma)
                        && !has(&OWN_NAME, &s, clause.clone())
                        && g.addressee
                        && context
                        && matches!(g.time, Time::Present | Time::Future)
                        && !g.negated
                        && !shares_public_info(&s, g, clause) =>
                {
                    return Some(span());
                }
                _ => {}
            }
        }
    }
    None
}

/// "on va passer la souffleuse dans ton bout": a machine of the organisation's passed,
/// a service call (the verb alone, "on va passer te voir", is a visit).
fn passes_machine(s: &Sentence, g: &VerbGroup, clause: &Range<usize>) -> bool {
    g.lemma == "passer"
        && !g.negated
        && (g.main + 1..clause.end.min(g.main + 4)).any(|i| noun_in(s.word(i), &ORG_AGENTS))
}

/// A decision refused in the organisation's name, where the sentence names the
/// organisation or its council: "le conseil a tranché, on ne renouvellera pas le contrat
/// de la firme de déneigement", "la Ville? on ne rouvrira pas la piscine cet été". A
/// negated "on" elsewhere is the author's own resolve ("on lâchera pas").
fn refused(s: &Sentence, g: &VerbGroup, found: &[Range<usize>]) -> bool {
    const RENEWALS: &[&str] = &[
        "renouveler",
        "reconduire",
        "accorder",
        "rembourser",
        "rouvrir",
    ];
    !found.is_empty()
        && (DECISIONS.contains(&g.lemma)
            || RENEWALS.contains(&g.lemma)
            || SERVICE_CHANGES
                .iter()
                .any(|v| morph::is_form_of_verb(s.word(g.main), v)))
}

/// "je vous mets le lien vers leur publication", "je te partage l'horaire": the author
/// passes on what the organisation published, which is what the policies ask for.
fn shares_public_info(s: &Sentence, g: &VerbGroup, clause: &Range<usize>) -> bool {
    (g.main + 1..clause.end.min(g.main + 4)).any(|i| {
        s.is(
            i,
            &[
                "lien",
                "liens",
                "publication",
                "info",
                "infos",
                "information",
                "informations",
                "horaire",
                "site",
                "adresse",
                "communique",
                "affiche",
                "article",
                "video",
            ],
        )
    })
}

/// Nouns (lemmas) of the workplace's people and things an employee may vent about.
static WORKPLACE: WordSet = crate::text::wordset::word_set!("meaning/workplace.txt");

/// Qualities whose absence is a reproach: "pas capable", "zéro respect", "aucune
/// reconnaissance", "pas de classe".
const QUALITIES: &[&str] = &[
    "capable",
    "respect",
    "classe",
    "reconnaissance",
    "jugement",
    "sens",
    "ecoute",
    "leadership",
    "vision",
    "organisation",
    "communication",
    "transparence",
    "soutien",
    "appui",
    "consideration",
    "empathie",
    "planification",
    "competent",
    "competente",
    "serieux",
    "professionnel",
    "professionnelle",
    "brille",
    "briller",
    "merci",
    "excuse",
    "s'excuser",
    "excuser",
    "fiable",
    "efficace",
    "organise",
    "organisee",
    "humain",
    "humaine",
    "logique",
    "coherent",
    "coherente",
];

/// Words that turn praise into sarcasm.
const IRONY: &[&str] = &[
    "toujours aussi",
    "encore une fois",
    "une autre",
    "un autre",
    "comme d'habitude",
    "comme toujours",
    "pantoute",
    "bien sur",
    "evidemment",
    "comme par hasard",
];

/// Faces that say the words before them are not meant.
const IRONIC_EMOJI: &[&str] = &["🙄", "😒", "🙃", "😑", "🤡"];

/// Faces and signs that disapprove of what the sentence before them tells: an eye roll,
/// a sigh, a facepalm, a shrug, a melting face, a falling chart. Aimed at the people of
/// the workplace ([`DISAPPROVED`]), they make a complaint of a plain account: "Trois
/// boss, zéro direction. 🙃", "les ratios sont respectés juste le jour où l'inspectrice
/// passe 🫠".
const DISAPPROVING_EMOJI: &[&str] = &[
    "🙄", "😒", "🙃", "😑", "🤡", "😤", "🤦", "🤷", "🫠", "📉", "😡", "🤬", "😬",
];

/// Whom a face of disapproval aims at in a post about work.
static DISAPPROVED: WordSet = crate::text::wordset::word_set!("meaning/disapproved.txt");

/// Faces and signs of warmth: a scene they close is told fondly ("Quand ta directrice
/// t'apporte un café le lundi matin ❤️").
const WARM_EMOJI: &[&str] = &[
    "❤", "💕", "💛", "💙", "💚", "💜", "🧡", "🥰", "😍", "🥹", "🙏", "😊", "☺", "🤗", "💪", "🎉",
    "🥳", "😄", "😁",
];

/// True when one of `faces` stands in `prose[range]` or right after it, before the next
/// words on the same line: "Trois boss, zéro direction. 🙃 #lundi".
fn faces_with(prose: &Prose, range: &Range<usize>, faces: &[&str]) -> bool {
    let text = &prose.folded.text;
    let after = &text[range.end..];
    let gap = after
        .find(|c: char| c.is_alphanumeric() || c == '\n' || c == '#')
        .map_or(after, |at| &after[..at]);
    let here = &text[range.start..range.end];
    faces.iter().any(|e| here.contains(e) || gap.contains(e))
}

/// Praise words that sarcasm turns around.
const PRAISE: &[&str] = &[
    "bravo",
    "merci",
    "felicitations",
    "chapeau",
    "perle",
    "brillant",
    "brillante",
    "brillante",
    "genial",
    "geniale",
    "efficace",
    "excellent",
    "excellente",
    "tanne",
    "tannee",
    "organise",
    "organisee",
    "rapide",
];

/// Negative words of Quebec French and of workplace venting that the adjective
/// lexicon lacks (a published lexicon of book reviews knows "pathétique", not
/// "niaiseux").
const NEGATIVE_EXTRA: &[&str] = &[
    // A failure named as the verdict on what the workplace did: "la fête d'hiver a été
    // un fiasco parce que la direction a oublié…".
    "un fiasco",
    "un echec",
    "un desastre",
    "une catastrophe",
    "un gachis",
    "un flop",
    "une debacle",
    "niaiseux",
    "niaiseuse",
    "niaiseuses",
    "nounoune",
    "epais",
    "epaisse",
    "cave",
    "caves",
    "twit",
    "twits",
    "pas bon",
    "pas bons",
    "poche",
    "poches",
    "plate",
    "platte",
    "depasse",
    "depassee",
    "depasses",
    "depassees",
    "penible",
    "penibles",
    "incompetent",
    "incompetente",
    "incompetents",
    "incompetentes",
    "lache",
    "laches",
    "paresseux",
    "paresseuse",
    "toxique",
    "toxiques",
    "pathetique",
    "pathetiques",
    "ridicule",
    "ridicules",
    "mediocre",
    "mediocres",
    "chiant",
    "chiante",
    "chiants",
    "chiantes",
    "insupportable",
    "insupportables",
    "ecoeurant",
    "ecoeurante",
    "desorganise",
    "desorganisee",
    "nul",
    "nulle",
    "nuls",
    "nulles",
    "cirque",
    "farce",
    "joke",
    "bordel",
    // Idioms of Quebec French that judge without a negative adjective.
    "broche a foin",
    "mauvaise foi",
    "comme des numeros",
    "a ma pire ennemie",
    "a mon pire ennemi",
    "rien avance",
    "tourne en rond",
    "tournent en rond",
    "s'en lave les mains",
    "s'en lavent les mains",
];

/// Word `i` is an adjective the polarity lexicon grades clearly negative and subjective,
/// used as an adjective (not a noun after a determiner: "la crue de la rivière"). The
/// words of [`NEGATIVE_EXTRA`] are matched as phrases by the caller.
fn negative_word(s: &Sentence, i: usize) -> bool {
    let word = s.word(i);
    let after_determiner = i > 0
        && s.is(
            i - 1,
            &[
                "la", "le", "les", "l'", "un", "une", "des", "du", "ma", "mon", "sa", "son",
            ],
        );
    // "le pire gestionnaire" qualifies the noun after it; "la crue de la rivière" is
    // itself a noun.
    let head_noun = after_determiner
        && morph::lemmas(word, Pos::Noun).next().is_some()
        && !(i + 1 < s.words.len() && morph::lemmas(s.word(i + 1), Pos::Noun).next().is_some());
    // A past participle the book-review lexicon grades ("croisé", "battu") is more
    // often a plain verb; "mal" is mostly "avoir mal", "pas mal".
    let participle = morph::analyses(word)
        .any(|a| a.pos == Pos::Verb && a.tense == Some(crate::text::morph::Tense::PastParticiple));
    // A verb with no adjective reading names an act or a feeling, not a judgement: "on va
    // s'ennuyer de lui" misses someone.
    let verb_only = morph::analyses(word).any(|a| a.pos == Pos::Verb)
        && !morph::analyses(word).any(|a| a.pos == Pos::Adjective);
    let at = |j: usize| (j < s.words.len()).then(|| s.word(j));
    word != "mal"
        && !litotes(s, i)
        && !crate::checks::semantics::champion(word, at(i + 1), at(i + 2))
        && !participle
        && !verb_only
        && polarity::of(word).is_some_and(|p| p.polarity <= -0.4 && p.subjectivity >= 0.5)
        && !head_noun
}

/// True when negative word `i` praises by understatement, as Quebec French does: "pas
/// pire", "pas si pire", "pas mauvais pantoute" (good), "y'a pire comme bureau" (there
/// are worse). "Y'a pas pire employeur" (there is none worse) still judges.
fn litotes(s: &Sentence, i: usize) -> bool {
    let before = |n: usize| (i >= n).then(|| s.word(i - n));
    let there_is = |k: usize| {
        matches!(before(k), Some("y'a" | "ya"))
            || before(k) == Some("a") && matches!(before(k + 1), Some("y" | "y'"))
    };
    let not_at = match before(1) {
        Some("pas") => Some(1),
        Some("si" | "trop" | "ben" | "vraiment") if before(2) == Some("pas") => Some(2),
        _ => None,
    };
    match not_at {
        Some(k) => !there_is(k + 1) && !matches!(before(k + 1), Some("n'y" | "n'a" | "a")),
        None => there_is(1),
    }
}

/// True when word `i` is a quality in the negative: "pas capable", "zéro respect",
/// "aucune reconnaissance", "sans s'excuser", "a pas vraiment brillé".
fn negated_quality(s: &Sentence, i: usize) -> bool {
    let w = s.word(i);
    let quality = QUALITIES.contains(&w)
        || morph::lemmas(w, Pos::Noun).any(|l| QUALITIES.contains(&l))
        || morph::analyses(w).any(|a| a.pos == Pos::Verb && QUALITIES.contains(&a.lemma));
    if !quality {
        return false;
    }
    let from = i.saturating_sub(3);
    (from..i).any(|j| match s.word(j) {
        // The noun: "un pas", "ses premiers pas", "un faux pas", « CPE Premier Pas ».
        "pas" => !(j > 0 && STEP_BEFORE.contains(&s.word(j - 1))),
        // "plus" denies after "ne" or "y a" ("y a plus de respect"); after another verb
        // it asks for more ("on mérite plus de reconnaissance", "on veut plus de soutien").
        "plus" => {
            (j.saturating_sub(4)..j).any(|k| s.is(k, &["ne", "n'", "n"]))
                || (j > 0 && s.is(j - 1, &["a", "avait", "aura", "y", "pu"]))
                || j == 0
        }
        w => matches!(
            w,
            "zero" | "aucun" | "aucune" | "sans" | "jamais" | "manque" | "pu"
        ),
    })
}

/// Words after which "pas" is the noun (a step), not the negation.
const STEP_BEFORE: &[&str] = &[
    "un", "le", "les", "des", "ses", "mes", "nos", "vos", "leurs", "premier", "premiers", "petit",
    "petits", "grand", "grands", "faux", "quelques", "deux", "trois",
];

/// The clause of a folded sentence that holds the byte range `hit`, as a byte range of
/// it: what a reader underlines. A clause of fewer than four words ("belle gestion,
/// vraiment") takes in the clauses after it, or before it at the end of the sentence,
/// until it has four.
pub fn clause_holding(sentence: &str, hit: Range<usize>) -> Range<usize> {
    let s = Sentence::new(sentence);
    let Some(i) = s.words.iter().position(|w| w.end > hit.start) else {
        return 0..sentence.len();
    };
    let Some(at) = s.clauses.iter().position(|c| c.contains(&i)) else {
        return 0..sentence.len();
    };
    let (mut first, mut last) = (at, at);
    // "La gestion à la Ville, c'est n'importe quoi": "c'" takes up the topic set out
    // before the comma, which is what the judgement is about.
    if first > 0 && s.is(s.clauses[first].start, &["c'", "ca", "cela"]) {
        first -= 1;
    }
    let words = |first: usize, last: usize| s.clauses[last].end - s.clauses[first].start;
    while words(first, last) < 4 {
        if last + 1 < s.clauses.len() {
            last += 1;
        } else if first > 0 {
            first -= 1;
        } else {
            break;
        }
    }
    let span = s.span(s.clauses[first].start..s.clauses[last].end);
    span.start..span.end.max(hit.end)
}

/// True when `prose[range]` names the people or things of the workplace.
pub fn names_people(prose: &Prose, range: &Range<usize>) -> bool {
    let text = prose.clause_text(range);
    let s = Sentence::new(&text);
    any_word(&s, 0..s.words.len(), &WORKPLACE)
}

/// Venting in a sentence: a clause that aims a negative judgement at the workplace.
/// `previous` is the sentence before, on the same line, unless it is a finding itself;
/// `workplace_before` says it names the workplace.
pub fn venting(
    prose: &Prose,
    range: &Range<usize>,
    mentions: &Mentions,
    previous: Option<&Range<usize>>,
    workplace_before: bool,
) -> Option<Range<usize>> {
    let text = prose.clause_text(range);
    let s = Sentence::new(&text);
    let found = prose.mentions(mentions, range);
    // The people of the workplace are targets of any negative judgement; the
    // organisation itself only of sarcasm (a plain criticism of its decisions is an
    // opinion, `opinion-disclaimer`'s).
    let people_in = |c: &Range<usize>| any_word(&s, c.clone(), &WORKPLACE);
    let org_in = |c: &Range<usize>| {
        let span = s.span(c.clone());
        found
            .iter()
            .any(|m| m.start < span.end && span.start < m.end)
    };
    let target_in = |c: &Range<usize>| people_in(c) || org_in(c);
    let titled = ironic_title(&s, text.as_ref());
    let people = s.clauses.iter().any(people_in) || workplace_before || titled;
    let org = s.clauses.iter().any(org_in);
    if let Some(h) = ironic_complaint(
        prose,
        range,
        &s,
        mentions,
        previous,
        &target_in,
        people || org,
    ) {
        return Some(s.span(h));
    }
    if !people && !org {
        return disapproval(prose, range, &s, previous).map(|h| s.span(h));
    }
    let ironic = titled
        || has(&IRONY_SET, &s, 0..s.words.len())
        || IRONIC_EMOJI.iter().any(|e| text.contains(e));
    let understatement = understatement_opener(&s);
    // A negative word closed by a heart is teasing: "Steve a encore apporté ses muffins.
    // Pire collègue au monde 😂❤️".
    let fond = !ironic && faces_with(prose, range, WARM_EMOJI);
    let mut hit: Option<Range<usize>> = None;
    for clause in &s.clauses {
        // Thanks without irony are not venting: "merci à tous les collègues".
        let thanks = !ironic
            && clause
                .clone()
                .any(|i| s.is(i, &["merci", "bravo", "felicitations"]));
        let reproach = reproach_of_some(&s, clause);
        let negative = people
            && !thanks
            && !fond
            && (clause.clone().any(|i| {
                negative_word(&s, i)
                    // In a clause that names no one, a word that qualifies a thing judges
                    // the thing: "juste des mauvais habits" (a proverb after "Mon
                    // opinion d'éducatrice :").
                    && (target_in(clause) || !qualifies_a_thing(&s, i, clause))
            }) || has(&NEGATIVE_SET, &s, clause.clone())
                || clause.clone().any(|i| negated_quality(&s, i))
                || reproach
                || understated(&s, clause, understatement).is_some_and(|words| {
                    // "Équipe" names a hockey team as well as a work team.
                    any_word(&s, words.clone(), &DISAPPROVED)
                        || org_in(&words)
                        || (people_in(&words) && !words.clone().any(|i| s.is(i, &["equipe"])))
                }));
        // Thanks to someone else by name ("Merci Hydro pour la belle gestion 🙃") mock
        // them, not the workplace; a first name may be a colleague's.
        let other_named = |i: usize| {
            i + 1 < clause.end
                && prose.is_upper(range.start + s.words[i + 1].start)
                && !org_in(&(i + 1..i + 2))
                && !crate::checks::confidential_data::names::is_first_name(s.word(i + 1))
        };
        let sarcasm = ironic
            && clause
                .clone()
                .any(|i| PRAISE.contains(&s.word(i)) && !other_named(i));
        let irony_here = ironic && has(&IRONY_SET, &s, clause.clone());
        if !(negative || sarcasm || (irony_here && hit.is_some())) {
            if hit.is_some() {
                break;
            }
            continue;
        }
        // The target in this clause, or in the sentence when the clause is short and
        // judges it ("Notre directeur ? Le pire gestionnaire"). Clauses that follow
        // one another ("sans s'excuser, pas de classe", "Bravo la Ville, toujours
        // aussi efficace") make one span.
        if target_in(clause) || clause.len() <= 10 {
            hit = Some(match hit {
                Some(h) => h.start..clause.end,
                None => clause.clone(),
            });
        }
        // What "some" are reproached with runs to the end of the sentence.
        if reproach && people && !thanks {
            hit = hit.map(|h| h.start..s.words.len());
            break;
        }
    }
    hit.or_else(|| {
        complaint_frame(&s).filter(|frame| {
            !faces_with(prose, range, WARM_EMOJI)
                && (sour(&s, frame.clone()) || faces_with(prose, range, DISAPPROVING_EMOJI))
        })
    })
    .or_else(|| disapproval(prose, range, &s, previous))
    .map(|h| s.span(h))
}

/// True when the sentence names the people who decide by an ironic title: "nos grands
/// génies 🤡", "nos grands stratèges de l'hôtel de ville", "nos brillants experts". A
/// title of cleverness with "grand" or "brillant" before it, or with a face that says it
/// is not meant; "nos experts en sécurité" alone is a plain title.
fn ironic_title(s: &Sentence, text: &str) -> bool {
    const TITLES: &[&str] = &[
        "genie",
        "genies",
        "stratege",
        "strateges",
        "visionnaire",
        "visionnaires",
        "cerveau",
        "cerveaux",
        "penseur",
        "penseurs",
        "expert",
        "experts",
        "specialiste",
        "specialistes",
    ];
    const GRAND: &[&str] = &[
        "grand",
        "grands",
        "grande",
        "grandes",
        "brillant",
        "brillants",
        "brillante",
        "brillantes",
    ];
    let face = IRONIC_EMOJI.iter().any(|e| text.contains(e));
    (1..s.words.len()).any(|i| {
        s.is(i, TITLES)
            && ((s.is(i - 1, GRAND) && i >= 2 && s.is(i - 2, &["nos", "notre", "ces"]))
                || (face && s.is(i - 1, &["nos", "notre", "ces"])))
    })
}

/// A complaint about the workplace told without a negative word ([`irony`]): the ironic
/// punchline after a let-down, resignation, a rhetorical question, the people served
/// told off. `target_in` says words of the sentence name the workplace, its people or
/// the organisation; `target`: some do, or the sentence before names the workplace;
/// `previous`: the sentence before on the same line.
fn ironic_complaint(
    prose: &Prose,
    range: &Range<usize>,
    s: &Sentence,
    mentions: &Mentions,
    previous: Option<&Range<usize>>,
    target_in: &dyn Fn(&Range<usize>) -> bool,
    target: bool,
) -> Option<Range<usize>> {
    let n = s.words.len();
    let before_text = previous.map(|p| prose.clause_text(p));
    let before = before_text.as_deref().map(Sentence::new);
    // The sentence before names the organisation (that it names the workplace is in
    // `target` already).
    let org_before = previous.is_some_and(|p| !prose.mentions(mentions, p).is_empty());
    let municipal =
        (0..n).any(|i| s.is(i, &["municipal", "municipale", "municipaux", "municipales"]));
    let about = target || org_before || municipal;
    let question = ends_in_question(prose, range);
    let told_off =
        || irony::people_told_off(s).filter(|_| about || any_word(s, 0..n, &MUNICIPAL_THINGS));
    if !about {
        // Who had the "brilliant" idea of closing the rink asks about a public matter.
        let public = any_word(s, 0..n, &MUNICIPAL_THINGS) || any_word(s, 0..n, &PUBLIC_MATTERS);
        return told_off()
            .or_else(|| irony::rhetorical(s, question, public))
            .or_else(|| irony::never_there(s, question));
    }
    before
        .as_ref()
        .and_then(|b| irony::punchline(s, b))
        .or_else(|| irony::resignation(s, target_in))
        .or_else(|| irony::rhetorical(s, question, target))
        .or_else(|| irony::typified(s, target_in))
        .or_else(|| irony::never_there(s, question))
        .or_else(|| {
            // Told with a heart, it is a thank-you: "Ma collègue m'a laissé sa recette ❤️".
            irony::shirking(s, target).filter(|_| !faces_with(prose, range, WARM_EMOJI))
        })
        .or_else(|| irony::neglect(s, question, target))
        .or_else(|| irony::scare_quotes(s, target))
        .or_else(told_off)
}

/// True when the sentence `prose[range]` ends with a question mark.
fn ends_in_question(prose: &Prose, range: &Range<usize>) -> bool {
    let after = &prose.folded.text[range.end..];
    prose.text(range).trim_end().ends_with('?') || after.trim_start().starts_with('?')
}

/// True when the clause reproaches "some" of a group without naming them: "certains
/// parents pensent que c'est ouvert 24/7", "y'a des éducatrices qui devraient se
/// demander si…", "certains citoyens ont juste besoin de quelqu'un à qui chialer", "il y
/// a des collègues qui se sont trompés de vocation". What they ought to do, or what they
/// wrongly believe; not what they should receive ("certains parents devraient recevoir
/// un courriel") nor a belief set right ("certains pensent que c'est annulé : en fait…").
fn reproach_of_some(s: &Sentence, clause: &Range<usize>) -> bool {
    let corrected = || (0..s.words.len()).any(|i| s.is(i, &["fait", "faux", "pourtant", "rappel"]));
    clause.clone().any(|i| {
        let there_are = |k: usize| {
            (k >= 1 && s.is(k - 1, &["y'a", "ya"]))
                || (k >= 2 && s.is(k - 1, &["a"]) && s.is(k - 2, &["y", "y'"]))
        };
        let some = s.is(i, &["certains", "certaines"])
            || (s.is(i, &["des"]) && there_are(i))
            || (s.is(i, &["monde"]) && i >= 1 && s.is(i - 1, &["du"]) && there_are(i - 1));
        // The verb may stand in a relative clause after it: "y'a des parents qui…".
        some && (i + 1..(i + 10).min(s.words.len())).any(|j| {
            let next = |n: usize| (j + n < s.words.len()).then(|| s.word(j + n));
            match s.word(j) {
                "devrait" | "devraient" => {
                    !matches!(
                        next(1),
                        Some("recevoir" | "obtenir" | "pouvoir" | "arriver" | "etre" | "avoir")
                    ) || matches!(
                        next(2),
                        Some("honte" | "gene" | "genes" | "genee" | "genees")
                    )
                }
                "pensent" | "croient" => {
                    !corrected() && (s.is(j - 1, &["se"]) || next(1).is_some())
                }
                "juste" => s.is(j - 1, &["ont"]),
                "trompe" | "trompes" | "trompee" | "trompees" => s.is(j - 1, &["sont"]),
                _ => false,
            }
        })
    })
}

/// True when the adjective at word `i` stands right before a noun of the clause that is
/// none of the workplace's people or things: "des mauvais habits", "une mauvaise
/// température" (not "un mauvais gestionnaire", "une mauvaise gestion").
fn qualifies_a_thing(s: &Sentence, i: usize, clause: &Range<usize>) -> bool {
    let next = i + 1;
    next < clause.end
        && morph::lemmas(s.word(next), Pos::Noun).next().is_some()
        && !any_word(s, next..next + 1, &WORKPLACE)
        && !any_word(s, next..next + 1, &DISAPPROVED)
        && !any_word(s, next..next + 1, &PROPOSALS)
}

/// True when word `i` is the "pas" of a denial: "pas mal" is "quite".
fn pas_denies(s: &Sentence, i: usize) -> bool {
    s.is(i, &["pas"]) && !(i + 1 < s.words.len() && s.is(i + 1, &["mal"]))
}

/// The word after "disons que", "mettons que", "on va dire que", the openers of Quebec
/// understatement: what follows says less than it means.
fn understatement_opener(s: &Sentence) -> Option<usize> {
    (1..s.words.len()).find_map(|i| {
        let opener = s.is(i - 1, &["disons", "mettons"])
            || (s.is(i - 1, &["dire"]) && i >= 3 && s.is(i - 2, &["va"]) && s.is(i - 3, &["on"]));
        (opener && s.is(i, &["que", "qu'"])).then_some(i + 1)
    })
}

/// The words of the clause after an understatement opener at word `from`, when they deny
/// what they say or leave it hanging: "disons que le déménagement n'a pas été le projet
/// le mieux planifié", "mettons que la communication, c'est pas la force de la
/// direction", "disons que le nouveau menu est… créatif". Said of the workplace, it is a
/// complaint.
fn understated(s: &Sentence, clause: &Range<usize>, from: Option<usize>) -> Option<Range<usize>> {
    let from = from?;
    if clause.end <= from {
        return None;
    }
    let words = from.max(clause.start)..clause.end;
    let denied = words
        .clone()
        .any(|i| s.is(i, &["jamais", "ni"]) || pas_denies(s, i));
    let text = &s.text[s.span(words.clone())];
    let hanging = text.contains('…') || text.contains("..");
    (denied || hanging).then_some(words)
}

/// The frame of the workplace complaint told as a scene the reader knows: "Quand ton
/// boss te fait rester jusqu'à 19 h pour une réunion…", "Quand la direction coupe dans le
/// bricolage mais trouve l'argent pour repeindre son bureau", "si ton directeur prend
/// tout le crédit, c'est pas toi le problème". "Quand" (or "si" with "ton", "ta",
/// "tes") opens a clause whose subject is one of the people of the workplace; the words
/// from it to the end of the sentence. The author's own routine is no scene: "Quand un
/// parent me demande une place, je le dirige vers la direction." (The caller keeps only
/// a scene that goes wrong, [`sour`], and not one told with a heart.)
fn complaint_frame(s: &Sentence) -> Option<Range<usize>> {
    const GENERIC: &[&str] = &[
        "ton", "ta", "tes", "la", "le", "les", "l'", "un", "une", "votre", "vos", "notre", "nos",
    ];
    const OWN: &[&str] = &["je", "j'", "me", "m'", "moi", "mon", "ma", "mes"];
    let opens = |k: usize| {
        k == 0
            || s.clauses.iter().any(|c| c.start == k)
                && s.text[..s.words[k].start].trim_end().ends_with(':')
    };
    let k = (0..s.words.len()).find(|&k| {
        let determiners: &[&str] = match s.word(k) {
            "quand" | "lorsque" => GENERIC,
            "si" => &["ton", "ta", "tes"],
            _ => return false,
        };
        opens(k)
            && k + 1 < s.words.len()
            && s.is(k + 1, determiners)
            && (k + 2..(k + 5).min(s.words.len()))
                .any(|i| noun_in(s.word(i), &DISAPPROVED) || s.is(i, &["conseil", "municipalite"]))
    })?;
    let clause_end = s
        .clauses
        .iter()
        .find(|c| c.contains(&k))
        .map_or(s.words.len(), |c| c.end);
    let own = (k..clause_end).any(|i| s.is(i, OWN));
    (!own).then_some(k..s.words.len())
}

/// True when a scene (words `range` of the sentence) tells what went wrong: a denial
/// ("et le lit jamais", "sans consulter personne"), a contrast ("mais trouve l'argent",
/// "pendant que tu changes six couches", "comme si c'était le sien"), a let-down again
/// ("pour la 4e fois", "une autre coupure"), the lesson drawn ("tu sais où sont les
/// priorités", "on voit ben ce qui compte"), the blame turned on you ("c'est toi qui
/// finis sa job", "c'est ta faute"), a negative word, or a sentence left hanging ("…"). "Quand ta
/// gestionnaire se souvient de ta fête pis t'apporte un gâteau" tells none of these.
fn sour(s: &Sentence, range: Range<usize>) -> bool {
    const MARKS: &[&str] = &[
        "pas",
        "jamais",
        "rien",
        "sans",
        "personne",
        "aucun",
        "aucune",
        "mais",
        "pendant",
        "alors",
        "plutot",
        "si",
        "encore",
        "autre",
        "fois",
        "traduisez",
        "sais",
        "comprends",
        "voit",
        "toi",
        "faute",
        "blame",
    ];
    let text = &s.text[s.span(range.clone())];
    let after = &s.text[s.span(range.clone()).end..];
    let hanging = [text, after]
        .iter()
        .any(|t| t.contains('…') || t.contains(".."));
    hanging
        || has(&NEGATIVE_SET, s, range.clone())
        || range.clone().any(|i| {
            // "si" counts only as "comme si".
            pas_denies(s, i)
                || (s.is(i, MARKS) && !(s.is(i, &["si"]) && !(i > 0 && s.is(i - 1, &["comme"]))))
                || negative_word(s, i)
        })
}

/// True when words `range` of the sentence name people of the workplace a face of
/// disapproval may aim at. "Mes parents arrivent demain 😬" are the author's own.
fn aims_at_people(s: &Sentence, range: Range<usize>) -> bool {
    range.into_iter().any(|i| {
        noun_in(s.word(i), &DISAPPROVED)
            && !(i > 0 && s.is(i - 1, &["mes", "mon", "ma"]) && s.is(i, &["parents", "parent"]))
            // Where something is, after a noun: "des places en garderie", "mon gars en
            // CPE" ("encore en réunion" is still the workplace).
            && !(i >= 2
                && s.is(i - 1, &["en"])
                && morph::lemmas(s.word(i - 2), Pos::Noun).next().is_some())
    })
}

/// The words of a sentence a face of disapproval turns into a complaint, when it aims
/// at the people of the workplace named in the sentence or in the one before:
/// "Notre cher conseiller a encore voté contre. Faut croire que ses petits-enfants
/// jouent pas au soccer. 🙄". A short sentence is underlined whole, a long one from the
/// clause that names its target.
fn disapproval(
    prose: &Prose,
    range: &Range<usize>,
    s: &Sentence,
    previous: Option<&Range<usize>>,
) -> Option<Range<usize>> {
    if !faces_with(prose, range, DISAPPROVING_EMOJI) {
        return None;
    }
    let first = s.clauses.iter().position(|c| aims_at_people(s, c.clone()));
    let before = || {
        previous.is_some_and(|p| {
            let text = prose.clause_text(p);
            let p = Sentence::new(&text);
            aims_at_people(&p, 0..p.words.len())
        })
    };
    if first.is_none() && !before() {
        return None;
    }
    let words = s.words.len();
    let from = match first {
        Some(k) if words > 14 => s.clauses[k].start,
        _ => 0,
    };
    (words > 0).then_some(from..words)
}

/// Nouns (lemmas) of public matters an employee's opinion may bear on, beyond the
/// organisation's names and topics ([`Mentions`]).
static PUBLIC_MATTERS: WordSet = crate::text::wordset::word_set!("meaning/public-matters.txt");

/// Nouns (lemmas) that evaluations qualify: decisions, ideas, projects.
static EVALUATED: WordSet = crate::text::wordset::word_set!("meaning/evaluated.txt");

/// Of those, what a bare "bonne …" judges: a decision, not an idea someone shares
/// ("merci pour ces belles idées") or news ("bonne nouvelle : …").
static DECIDED: WordSet = crate::text::wordset::word_set!("meaning/decided.txt");

/// Nouns (lemmas) of what a choice picks: "option", "façon", "dossier".
static PROPOSALS: WordSet = crate::text::wordset::word_set!("meaning/proposals.txt");

/// What a folded sentence is about, for an opinion without the organisation's name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// Another government's matter ("la réforme du ministère", "le programme fédéral"):
    /// the sentence after it speaks of that matter too.
    OtherGovernment,
    /// Something a council or a board decides or consults on
    /// (`lexicons/meaning/proposals.txt`): "le projet de halte routière", "le règlement
    /// adopté lundi", "le prolongement de la rue".
    Proposal,
    /// A public matter or a thing of the organisation ("le garage municipal", "les
    /// parcomètres", "la collecte"): what a stance or a verdict may bear on ("le nouveau
    /// garage municipal, ça me paraît ben gros").
    Matter,
    None,
}

impl Topic {
    /// A proposal or a public matter.
    pub fn is_public(self) -> bool {
        matches!(self, Topic::Proposal | Topic::Matter)
    }
}

/// What the folded sentence `text` is about ([`Topic`]).
pub fn topic(text: &str) -> Topic {
    let s = Sentence::new(text);
    let n = s.words.len();
    if (0..n).any(|i| s.is(i, OTHER_GOVERNMENTS)) {
        return Topic::OtherGovernment;
    }
    if any_word(&s, 0..n, &PROPOSALS) {
        return Topic::Proposal;
    }
    // A place named only as where something is ("un café de la 2e Rue", "trouvé au
    // parc") is not what is judged.
    let located = |i: usize| {
        (i.saturating_sub(3)..i).any(|k| {
            s.is(
                k,
                &[
                    "de", "du", "des", "d'", "au", "aux", "devant", "dans", "sur", "pres",
                    "derriere", "vers", "chez", "en", "a",
                ],
            ) && (k + 1..i).all(|j| {
                // Only articles and the like between: "de la 2e Rue", not "d'avoir une
                // patinoire", "de faire les travaux".
                s.word(j).starts_with(|c: char| c.is_ascii_digit())
                    || s.is(
                        j,
                        &[
                            "le", "la", "les", "l'", "un", "une", "notre", "nos", "son", "sa",
                            "ses", "leur", "leurs", "nouveau", "nouvelle", "nouvel", "vieux",
                            "petit", "petite", "grand", "grande",
                        ],
                    )
            })
        })
    };
    // "Nos bacs de recyclage", "ma rue": a thing one has, not the organisation's matter.
    let owned = |i: usize| i > 0 && s.is(i - 1, &["mon", "ma", "mes", "notre", "nos"]);
    let judged = |set: &WordSet, own: bool| {
        (0..n).any(|i| !(located(i) || own && owned(i)) && any_word(&s, i..i + 1, set))
    };
    let matter = judged(&PUBLIC_MATTERS, false)
        || judged(&MUNICIPAL_THINGS, true)
        || (0..n).any(|i| s.is(i, &["municipal", "municipale", "municipaux", "municipales"]));
    if matter { Topic::Matter } else { Topic::None }
}

/// Whether the advice of verb group `g` is given to another government than the
/// organisation: "Québec devrait faire de quoi avec la taxe", "le fédéral devrait
/// payer". "Québec" alone, as a subject, is the province's government; "la Ville de
/// Québec" is a town.
fn other_government_advised(s: &Sentence, found: &[Range<usize>], g: &VerbGroup) -> bool {
    let Subject::Noun { start } = g.subject else {
        return false;
    };
    let subject = start..g.finite;
    !org_in_range(s, found, &subject)
        && subject.clone().any(|i| {
            s.is(i, OTHER_GOVERNMENTS)
                || s.is(i, &["quebec"]) && !(i > start && s.is(i - 1, &["de", "du"]))
        })
}

/// Words that put a matter under another government than the organisation.
const OTHER_GOVERNMENTS: &[&str] = &[
    "ministere",
    "ministre",
    "gouvernement",
    "federal",
    "federale",
    "provincial",
    "provinciale",
    "ottawa",
];

static CHOSEN: WordSet = crate::text::wordset::word_set!("meaning/chosen.txt");

/// A verdict on a choice, whoever makes it, with or without a verb: a superlative on
/// what was chosen ("la meilleure option pour la ville", "la décision la plus logique",
/// "le dossier le plus structurant"), "exactement ce que ça prenait", "exactement ce
/// dont la ville avait besoin", "la chose à faire", "un modèle pour le Québec". Read only
/// in a sentence about the organisation or a public matter; said of oneself or of the
/// reader ("t'es la meilleure") it is no verdict on a choice.
fn verdict(s: &Sentence, clause: Range<usize>) -> bool {
    if s.is(clause.start, &["je", "j'", "tu", "t'", "vous"]) {
        return false;
    }
    let chosen = |i: usize| clause.contains(&i) && noun_in(s.word(i), &CHOSEN);
    // "Un gros merci aux bénévoles, encore une réussite!" thanks.
    let thanks = || (0..s.words.len()).any(|i| s.is(i, &["merci", "remercie", "remercier"]));
    clause.clone().any(|i| {
        let w = s.word(i);
        let best = matches!(
            w,
            "meilleur" | "meilleure" | "meilleurs" | "meilleures" | "pire" | "pires"
        ) && (chosen(i + 1) || i > 0 && chosen(i - 1))
            // "la seule option responsable"; not "la seule option qu'on nous a donnée".
            || matches!(w, "seul" | "seule")
                && chosen(i + 1)
                && s.is(i + 2, &["responsable", "logique", "sensee", "sense", "raisonnable", "viable", "valable"]);
        // "la décision la plus logique", "le dossier le plus structurant".
        let most = matches!(w, "plus" | "moins")
            && i >= 2
            && s.is(i - 1, &["le", "la", "les"])
            && chosen(i - 2)
            && i + 1 < clause.end;
        let exactly =
            w == "exactement" && s.is(i + 1, &["ce"]) && s.is(i + 2, &["que", "qu'", "dont"]);
        let the_thing_to_do = w == "chose"
            && i > 0
            && s.is(i - 1, &["la"])
            && s.is(i + 1, &["a"])
            && s.is(i + 2, &["faire"]);
        let model = matches!(w, "modele" | "exemple")
            && i > 0
            && s.is(i - 1, &["un"])
            && (s.is(i + 1, &["pour"]) || s.is(i + 1, &["a"]) && s.is(i + 2, &["suivre"]));
        // "est une erreur", "serait une erreur", "Une réussite sur toute la ligne",
        // "quelle réussite!": a noun that judges, after a copula or opening a clause
        // without a verb; not what one finds ("y'a une erreur dans l'avis").
        let judged_by_noun = noun_in(w, &VERDICTS)
            && !thanks()
            && i > clause.start
            && s.is(
                i - 1,
                &[
                    "une", "un", "du", "quelle", "quel", "vraie", "vrai", "franche", "franc",
                    "gros", "grosse", "belle", "beau", "bel", "totale", "grande", "grand",
                ],
            )
            && (clause.start..i - 1).all(|k| !s.is(k, &["a", "y'a", "ya", "avoir", "trouve"]))
            && ((clause.start..i - 1).any(|k| morph::is_form_of_verb(s.word(k), "etre"))
                || i - clause.start <= 3 && s.verb_groups(clause.clone()).is_empty());
        // What it will cost, as a verdict: "ça va coûter une fortune pour rien", "un
        // trou sans fond qu'on va payer pendant 30 ans".
        let pays = |k: usize| {
            morph::is_form_of_verb(s.word(k), "couter") || morph::is_form_of_verb(s.word(k), "payer")
        };
        let costly = matches!(w, "fortune" | "beurree")
            && i > 0
            && s.is(i - 1, &["une"])
            && (i.saturating_sub(4)..i - 1).any(pays)
            || w == "trou" && s.is(i + 1, &["sans"]) && s.is(i + 2, &["fond"]);
        // "j'ai jamais vu une décision aussi déconnectée", "jamais vu une place aussi
        // mal gérée": the comparison is the judgement, whatever the adjective.
        let never_seen = w == "vu"
            && i > 0
            && s.is(i - 1, &["jamais"])
            && (i + 2..(i + 5).min(clause.end)).any(|k| s.is(k, &["aussi", "si", "autant"]));
        best || most || exactly || the_thing_to_do || model || judged_by_noun || costly || never_seen
    })
}

/// Nouns (lemmas) that judge by themselves: "une erreur", "une réussite", "un échec".
static VERDICTS: WordSet = crate::text::wordset::word_set!("meaning/verdicts.txt");

/// Adjectives of evaluation the polarity lexicon grades too mildly to count on.
const EVALUATIVE: &[&str] = &[
    "bonne",
    "bon",
    "mauvais",
    "mauvaise",
    "meilleur",
    "meilleure",
    "pire",
    "excellent",
    "excellente",
    "belle",
    "beau",
    "bel",
    "raisonnable",
    "justifie",
    "justifiee",
    "exagere",
    "exageree",
    "correct",
    "correcte",
    "fun",
    "genial",
    "geniale",
    "parfait",
    "parfaite",
    "injuste",
    "inutile",
    "utile",
    "necessaire",
    "essentiel",
    "essentielle",
    "intelligent",
    "intelligente",
    "sense",
    "sensee",
    "logique",
    "mieux",
    "ideal",
    "ideale",
    "brillant",
    "brillante",
    "formidable",
    "extraordinaire",
    "super",
    "dommage",
    "triste",
    "decevant",
    "decevante",
    "inacceptable",
    "important",
];

fn evaluative(word: &str) -> bool {
    EVALUATIVE.contains(&word) || polarity::is_judgement(word)
}

/// "mal planifié", "mal pensé", "mal géré": "mal" before a past participle judges how a
/// thing was done, whatever the verb.
fn badly_done(s: &Sentence, k: usize, end: usize) -> bool {
    s.word(k) == "mal"
        && k + 1 < end
        && morph::analyses(s.word(k + 1))
            .any(|a| a.pos == morph::Pos::Verb && a.tense == Some(morph::Tense::PastParticiple))
}

/// True when word `k`, which the polarity lexicon reads as an adjective, is a noun here:
/// after a determiner and before a preposition or the end of its clause ("est à la
/// recherche d'un brigadier": "recherche", not "recherché").
fn noun_in_context(s: &Sentence, k: usize, end: usize) -> bool {
    k > 0
        && s.is(
            k - 1,
            &[
                "la", "le", "les", "l'", "un", "une", "des", "du", "sa", "son",
            ],
        )
        && (k + 1 >= end
            || s.is(
                k + 1,
                &["de", "d'", "du", "des", "a", "au", "aux", "pour", "en"],
            ))
        && morph::lemmas(s.word(k), morph::Pos::Noun).next().is_some()
}

/// Advice said as a gain: "la Ville aurait (tout) intérêt à ouvrir", "les petites
/// municipalités gagneraient (énormément) à partager" (a conditional of "avoir intérêt"
/// or "gagner", then "à" and what to do), said of a third party.
fn would_gain(s: &Sentence, g: &VerbGroup, end: usize) -> bool {
    if matches!(g.subject, Subject::I | Subject::You) || g.negated {
        return false;
    }
    let next = |from: usize, words: &[&str]| (from..end.min(from + 3)).find(|&k| s.is(k, words));
    match s.word(g.finite) {
        "aurait" | "auraient" | "aurions" => {
            next(g.finite + 1, &["interet"]).is_some_and(|k| k + 1 < end && s.is(k + 1, &["a"]))
        }
        "gagnerait" | "gagneraient" | "gagnerions" => next(g.finite + 1, &["a"]).is_some_and(|k| {
            k + 1 < end && morph::lemmas(s.word(k + 1), Pos::Verb).next().is_some()
        }),
        _ => false,
    }
}

/// A claim on what the public deserves: "nous méritons une bibliothèque ouverte le
/// soir", "les familles méritent mieux", "on mérite mieux que ça".
fn deserves(s: &Sentence, g: &VerbGroup) -> bool {
    g.lemma == "meriter"
        && !g.negated
        && match g.subject {
            Subject::We | Subject::On => true,
            Subject::Noun { start } => {
                (start..g.finite).any(|i| crate::checks::semantics::is_people(s.word(i)))
            }
            _ => false,
        }
}

/// True when a mention of the organisation or a topic falls in words `range`.
fn org_in_range(s: &Sentence, found: &[Range<usize>], range: &Range<usize>) -> bool {
    let span = s.span(range.clone());
    found
        .iter()
        .any(|m| m.start < span.end && span.start < m.end)
}

/// A judgement on a municipal matter in a sentence. `topic_before` says the sentence
/// before, on the same line, names the organisation or a municipal matter.
pub fn judgement(
    prose: &Prose,
    range: &Range<usize>,
    mentions: &Mentions,
    topic_before: bool,
) -> Option<Range<usize>> {
    let text = prose.clause_text(range);
    let s = Sentence::new(&text);
    let found = prose.mentions(mentions, range);
    if found.is_empty() && !topic_before && !any_word(&s, 0..s.words.len(), &PUBLIC_MATTERS) {
        return None;
    }
    for clause in &s.clauses {
        let groups = s.verb_groups(clause.clone());
        // A clause made of a noun phrase only, before "c'est": "le projet du garage,
        // c'est une bonne décision".
        let dislocated = |c: &Range<usize>| {
            s.verb_groups(c.clone()).is_empty()
                && (org_in_range(&s, &found, c) || any_word(&s, c.clone(), &EVALUATED))
        };
        let ci = s.clauses.iter().position(|c| c == clause).unwrap_or(0);
        let hit = groups.iter().any(|g| {
            // "devrait investir", "faudrait garder", "on devrait le garder public".
            let advice = matches!(
                s.word(g.finite),
                "devrait" | "devraient" | "faudrait" | "devrions"
            ) && g.main != g.finite
                && !matches!(g.subject, Subject::I | Subject::You)
                && !other_government_advised(&s, &found, g)
                || would_gain(&s, g, clause.end)
                || deserves(&s, g);
            // "le budget est raisonnable", "c'est une bonne décision", "ce serait le fun
            // que la municipalité garde la patinoire ouverte".
            let judged = (g.finite + 1..clause.end.min(g.finite + 5)).find(|&k| {
                evaluative(s.word(k)) && !noun_in_context(&s, k, clause.end)
                    || badly_done(&s, k, clause.end)
            });
            let copula = morph::is_form_of_verb(s.word(g.finite), "etre")
                && judged.is_some_and(|k| {
                    // "une bonne idée", "un projet mal planifié".
                    let evaluates_thing = k + 1 < clause.end && noun_in(s.word(k + 1), &EVALUATED)
                        || k > g.finite + 1 && noun_in(s.word(k - 1), &EVALUATED);
                    match g.subject {
                        Subject::Noun { start } => {
                            org_in_range(&s, &found, &(start..g.finite))
                                || any_word(&s, start..g.finite, &EVALUATED)
                                || any_word(&s, start..g.finite, &PUBLIC_MATTERS)
                        }
                        Subject::ThirdPronoun => {
                            evaluates_thing
                                || (ci > 0 && dislocated(&s.clauses[ci - 1]))
                                || (k + 1..clause.end).any(|j| s.is(j, &["que", "qu'"]))
                                    && org_in_range(&s, &found, &(k..s.words.len()))
                        }
                        _ => false,
                    }
                });
            advice || copula
        }) || (clause.start..clause.end).any(|i| {
            // "Bonne décision du conseil", "la meilleure décision", "mieux pensé que".
            EVALUATIVE.contains(&s.word(i))
                && (i + 1 < clause.end && noun_in(s.word(i + 1), &DECIDED)
                    || i > clause.start && noun_in(s.word(i - 1), &DECIDED)
                    || (s.word(i) == "mieux" || s.word(i) == "pire")
                        && (i + 1..clause.end).any(|k| s.is(k, &["que", "qu'"])))
        }) || has(&GLAD, &s, clause.clone())
            || verdict(&s, clause.clone());
        if hit {
            // From the clause that judges: the reader's cut starts there when the topic
            // before it is taken up ("le projet du garage, c'est une bonne décision").
            return Some(s.span(clause.start..s.words.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::excerpts;

    const EMPLOYEE: &str = "+++\naccount = \"personal\"\nauthor = \"employee\"\n+++\n";

    fn found(rule: &str, profile: &str, body: &str) -> Vec<String> {
        excerpts(rule, profile, &format!("{EMPLOYEE}{body}"))
    }

    #[test]
    fn what_a_project_will_cost_and_what_one_never_saw_are_verdicts() {
        for body in [
            "Les compteurs d'eau obligatoires dans le village, ça va coûter une fortune pour rien.",
            "Le nouveau complexe aquatique à 60 millions, c'est un trou sans fond qu'on va payer pendant 30 ans.",
            "15 ans à la biblio pis j'ai jamais vu une décision aussi déconnectée.",
        ] {
            assert!(
                !found("opinion-disclaimer", "st-urbain", body).is_empty(),
                "{body}"
            );
        }
        for body in [
            "Mon nouveau char m'a coûté une fortune mais je l'aime.",
            "J'ai jamais vu un chien aussi beau!",
            "Le complexe sportif ouvre samedi, venez nombreux.",
        ] {
            assert!(
                found("opinion-disclaimer", "st-urbain", body).is_empty(),
                "{body}"
            );
        }
    }

    #[test]
    fn how_easy_a_thing_is_and_a_mocking_idiom_commit_to_nothing() {
        for body in [
            "Je partage l'avis d'ébullition de la Ville.\nFaites bouillir une minute, c'est pas compliqué!",
            "Lire les dossiers avant la séance du conseil, on repassera.",
        ] {
            assert!(
                found("speaking-for-organization", "la-sarre", body).is_empty(),
                "{body}"
            );
        }
        // A visit of the team, with what it will do, still is one.
        assert!(
            !found(
                "speaking-for-organization",
                "la-sarre",
                "Pour votre bac brisé sur la rue Principale, on repassera demain pour le changer."
            )
            .is_empty()
        );
    }

    #[test]
    fn the_employers_words_quoted_to_mock_them() {
        for body in [
            "15 ans de service à la Ville pis mon « bonus de reconnaissance », c'est une tuque.",
            "On nous saute notre pause au travail. Mais oui, « prenez soin de vous » qu'ils disaient.",
            "Au bureau, apparemment les crayons c'est rendu un « luxe ».",
        ] {
            assert!(
                !found("negative-about-employer", "la-sarre", body).is_empty(),
                "{body}"
            );
        }
        for body in [
            "Le thème de la semaine au bureau : « Bouger ensemble ». Venez nombreux!",
            "Ma collègue Julie a gagné le prix « Employée de l'année » à la Ville, bravo!",
            "Mon « petit coin de paradis », c'est mon chalet au lac.",
        ] {
            assert!(
                found("negative-about-employer", "la-sarre", body).is_empty(),
                "{body}"
            );
        }
    }

    #[test]
    fn useless_or_keeping_us_in_the_dark() {
        for body in [
            "Mon gestionnaire pourrait être remplacé par une boîte vocale pis personne verrait la différence.",
            "Mon boss décide tout seul, on apprend ça sur Facebook.",
        ] {
            assert!(
                !found("negative-about-employer", "la-sarre", body).is_empty(),
                "{body}"
            );
        }
        for body in [
            "J'ai changé de coiffure et personne a remarqué la différence lol",
            "On apprend les nouvelles à la radio le matin en famille.",
        ] {
            assert!(
                found("negative-about-employer", "la-sarre", body).is_empty(),
                "{body}"
            );
        }
    }

    #[test]
    fn advice_said_as_a_gain_or_a_due_is_an_opinion() {
        let opinion = |body| found("opinion-disclaimer", "la-sarre", body);
        for body in [
            "La Ville aurait tout intérêt à ouvrir l'aréna le matin pour les aînés.",
            "Les petites municipalités gagneraient énormément à partager un inspecteur.",
            "Nous méritons une bibliothèque municipale ouverte plus que deux soirs par semaine.",
        ] {
            assert_eq!(opinion(body).len(), 1, "{body}");
        }
        for body in [
            "Tu aurais intérêt à te lever de bonne heure demain!",
            "Bravo à Julie qui mérite amplement son prix!",
            "La Ville n'aurait aucun intérêt à vendre le terrain, selon le rapport du ministère.",
        ] {
            assert!(opinion(body).is_empty(), "{body}");
        }
    }

    #[test]
    fn idioms_of_botched_work_and_ruin_disparage() {
        let venting = |body| found("negative-about-employer", "cpe-premier-pas", body);
        assert_eq!(venting("Au CPE, tout s'en va chez le diable.").len(), 1);
        assert_eq!(
            venting("Mes collègues ont fait une job de cochon avec le ménage.").len(),
            1
        );
        // Not the workplace's: one's own car, a loving thank-you for manual work.
        assert!(venting("Mon char s'en va chez le diable.").is_empty());
        assert!(
            venting("Mon chum a fait une job de bras sur le deck, merci mon amour!").is_empty()
        );
    }

    #[test]
    fn mocking_oneself_is_no_complaint() {
        let venting = |body| found("negative-about-employer", "cpe-premier-pas", body);
        assert!(
            venting("Mon équipe de hockey cosom a encore perdu 😂 on est pourris mais on a du fun")
                .is_empty()
        );
        // Suffering still vents; the workplace's people are not oneself.
        assert_eq!(
            venting("Au bureau on est tannés de se faire niaiser.").len(),
            1
        );
        assert_eq!(venting("Mes collègues sont pourris.").len(), 1);
    }

    #[test]
    fn venting_is_underlined_with_its_clause_not_its_sentence() {
        let venting = |body| found("negative-about-employer", "st-urbain", body);
        assert_eq!(
            venting(
                "Ça fait 3 semaines que j'attends ma paye de vacances, la Ville est vraiment mal gérée."
            ),
            ["la Ville est vraiment mal gérée"]
        );
        // "c'" takes up the topic before the comma.
        assert_eq!(
            venting("La gestion à la Ville, c'est n'importe quoi."),
            ["La gestion à la Ville, c'est n'importe quoi"]
        );
    }

    #[test]
    fn complaints_without_a_negative_word_are_found() {
        let venting = |body| found("negative-about-employer", "la-sarre", body);
        assert_eq!(
            venting(
                "Nouvelle chaise demandée en septembre, toujours rien en mars. Efficacité municipale 101."
            ),
            ["Efficacité municipale 101"]
        );
        assert_eq!(
            venting("Horaire changé la veille. Faut croire que nos familles comptent pas."),
            ["Faut croire que nos familles comptent pas"]
        );
        assert_eq!(
            venting("Qui a eu l'idée géniale de fermer la patinoire à 20h en pleine relâche?"),
            ["Qui a eu l'idée géniale de fermer la patinoire à 20h en pleine relâche"]
        );
        assert_eq!(
            venting(
                "Asteure faut un formulaire pour un crayon. Ça c'est ben la Ville, ça : trois signatures."
            ),
            ["Ça c'est ben la Ville, ça : trois signatures"]
        );
        // Sincere praise after a wait, a joke about the weather: clean.
        assert!(venting("On a attendu longtemps mais ça valait la peine. Merci à l'équipe pour la belle organisation!").is_empty());
        assert!(venting("Faut croire que l'hiver veut pas finir!").is_empty());
        assert!(
            venting(
                "Encore une tempête cette nuit. Les gars du déneigement, vous êtes des champions!"
            )
            .is_empty()
        );
        assert!(venting("Je travaille à la Ville, mais je ne peux pas répondre en son nom. Le Service des communications pourra vous donner la bonne information.").is_empty());
        // A question asks; it promises nothing.
        let speaking = |body| found("speaking-for-organization", "la-sarre", body);
        assert!(
            speaking(
                "Quand c'est que la Ville va se décider à acheter de l'équipement qui marche?"
            )
            .is_empty()
        );
    }

    #[test]
    fn not_knowing_is_no_commitment() {
        let speaking = |body| found("speaking-for-organization", "la-sarre", body);
        assert!(
            speaking("@Marc je sais pas quand ta rue va être déneigée, appelle au bureau.")
                .is_empty()
        );
        assert!(
            speaking("Je peux pas te dire pour ton permis, c'est l'inspecteur qui décide.")
                .is_empty()
        );
        assert_eq!(
            speaking("Je te confirme que ta rue va être déneigée demain matin."),
            ["ta rue va être déneigée demain matin"]
        );
    }

    #[test]
    fn deciders_who_never_did_the_work_are_a_complaint_and_hearts_are_teasing() {
        let venting = |body| found("negative-about-employer", "cpe-premier-pas", body);
        assert_eq!(
            venting(
                "Le menu est approuvé par une personne qui a jamais mis les pieds dans ma cuisine."
            ),
            ["Le menu est approuvé par une personne qui a jamais mis les pieds dans ma cuisine"]
        );
        assert_eq!(
            venting("Quelqu'un à la direction a déjà passé une journée dans un groupe de poupons?"),
            ["Quelqu'un à la direction a déjà passé une journée dans un groupe de poupons"]
        );
        // Never missing a day is praise; a plain question asks.
        assert!(
            venting("Ma collègue qui a jamais manqué une journée en 20 ans prend sa retraite!")
                .is_empty()
        );
        assert!(venting("Quelqu'un au bureau a déjà reçu ma lettre?").is_empty());
        assert!(
            venting("Steve a encore apporté ses muffins. Pire collègue au monde 😂❤️").is_empty()
        );
        // Quebec praise: "pas pire" is "pretty good".
        assert!(venting("Pas pire job pour une gang de retraités pis d'ados 😄").is_empty());
        assert_eq!(
            venting("Pire job au monde, sérieux."),
            ["Pire job au monde"]
        );
    }

    #[test]
    fn a_colleague_who_shirks_is_a_complaint() {
        let venting = |body| found("negative-about-employer", "st-urbain", body);
        assert_eq!(
            venting("Ma collègue au comptoir trouve toujours une excuse pour partir à 15h30."),
            ["Ma collègue au comptoir trouve toujours une excuse pour partir à 15h30"]
        );
        assert_eq!(
            venting(
                "Mon collègue a encore laissé le camion plein de bouette pour la gang du matin."
            ),
            ["Mon collègue a encore laissé le camion plein de bouette pour la gang du matin"]
        );
        // A reason to laugh, a gift left with a heart: no complaint.
        assert!(venting("Ma collègue trouve toujours une raison pour nous faire rire.").is_empty());
        assert!(
            venting("Ma collègue m'a laissé sa recette de sucre à la crème à essayer ❤️")
                .is_empty()
        );
    }

    #[test]
    fn a_service_announced_for_a_date_ahead_is_a_commitment() {
        let speaking = |body| found("speaking-for-organization", "drummondville", body);
        assert_eq!(
            speaking("Bonne nouvelle! On ouvre un deuxième groupe de poupons en septembre."),
            ["On ouvre un deuxième groupe de poupons en septembre"]
        );
        assert_eq!(
            speaking("Le camp de jour sera gratuit pour les familles cet été 🎉"),
            ["Le camp de jour sera gratuit pour les familles cet été"]
        );
        // One's own places, a goodbye, an outing: no announcement.
        assert!(
            speaking("On ferme le chalet en octobre, dernière fin de semaine au lac!").is_empty()
        );
        assert!(speaking("Merci pour cette belle année. On se revoit en août!").is_empty());
        assert!(speaking("On ouvre la piscine en juin, j'ai hâte de me baigner.").is_empty());
    }

    #[test]
    fn a_verdict_on_a_choice_is_an_opinion() {
        let opinion = |body| found("opinion-disclaimer", "la-sarre", body);
        assert_eq!(
            opinion(
                "Regrouper la collecte avec Macamic serait la solution la plus logique pour la Ville."
            ),
            [
                "Regrouper la collecte avec Macamic serait la solution la plus logique pour la Ville."
            ]
        );
        assert_eq!(
            opinion(
                "Le projet de piste cyclable de la Ville, c'est exactement ce dont on avait besoin."
            ),
            ["Le projet de piste cyclable de la Ville, c'est exactement ce dont on avait besoin."]
        );
        assert_eq!(
            opinion(
                "Pour ceux qui débattent du budget : c'est la meilleure décision que le conseil pouvait prendre, point final."
            ),
            ["c'est la meilleure décision que le conseil pouvait prendre"]
        );
        assert_eq!(
            opinion("Le virage vers le stationnement payant de la Ville est une erreur."),
            ["Le virage vers le stationnement payant de la Ville est une erreur."]
        );
        // What one finds is no verdict; thanks are not one either.
        assert!(opinion("Y'a une erreur dans l'avis de la Ville sur la collecte.").is_empty());
        assert!(
            opinion("Un gros merci aux bénévoles du festival de la Ville, encore une réussite!")
                .is_empty()
        );
        assert!(
            opinion("C'est la seule option que la Ville nous a donnée pour les bacs.").is_empty()
        );
        // A superlative on a dish or on oneself judges no choice of the Ville's.
        assert!(opinion("C'est la meilleure poutine en ville!").is_empty());
        assert!(opinion("T'es la meilleure, merci pour ton aide au bureau de la Ville").is_empty());
    }

    #[test]
    fn commitments_are_read_in_any_tense_and_voice() {
        let speaking = |body| found("speaking-for-organization", "la-sarre", body);
        assert_eq!(
            speaking("Bonne nouvelle, la Ville va vous rembourser votre permis."),
            ["la Ville va vous rembourser votre permis"]
        );
        assert_eq!(
            speaking("Les lumières du parc Desjardins seront changées la semaine prochaine."),
            ["Les lumières du parc Desjardins seront changées la semaine prochaine"]
        );
        assert_eq!(
            speaking(
                "@Josée oui on s'en occupe dès lundi matin, on va boucher le trou devant chez vous."
            ),
            ["on s'en occupe dès lundi matin, on va boucher le trou devant chez vous"]
        );
        assert_eq!(
            speaking(
                "Chers parents, je vous confirme que les frais de la journée seront remboursés."
            ),
            ["les frais de la journée seront remboursés"]
        );
    }

    #[test]
    fn plans_of_ones_own_and_referrals_are_not_commitments() {
        let speaking = |body| found("speaking-for-organization", "la-sarre", body);
        assert!(speaking("On va réparer la clôture du chalet en fin de semaine.").is_empty());
        assert!(speaking("On va envoyer nos photos au concours de la Ville!").is_empty());
        assert!(speaking("Je ne peux pas répondre au nom de la Ville. Le Service des communications pourra vous donner la bonne information.").is_empty());
        // Without a declared employee, a notice reads like the town's own.
        assert!(
            excerpts(
                "speaking-for-organization",
                "la-sarre",
                "Le stationnement de l'aréna sera déneigé ce soir."
            )
            .is_empty()
        );
    }

    #[test]
    fn venting_is_a_negative_judgement_of_the_workplace() {
        let venting = |body| found("negative-about-employer", "la-sarre", body);
        // The clause that judges, not the sentence around it.
        assert_eq!(
            venting("Ce matin, un parent est arrivé à 9 h 40 sans s'excuser, pas de classe."),
            ["un parent est arrivé à 9 h 40 sans s'excuser, pas de classe"]
        );
        assert_eq!(
            venting("Bravo la Ville, toujours aussi efficace."),
            ["Bravo la Ville, toujours aussi efficace"]
        );
        assert!(venting("Merci à tous les collègues croisés en chemin 💙").is_empty());
        assert!(
            venting("Soirée avec mes collègues, on a tellement ri que j'ai mal aux joues.")
                .is_empty()
        );
        assert!(venting("Super fière de mon équipe de hockey!").is_empty());
    }

    #[test]
    fn a_face_of_disapproval_aimed_at_the_workplace_is_venting() {
        let venting = |body| found("negative-about-employer", "vallee-des-rivieres", body);
        assert_eq!(
            venting("Trois boss, zéro direction. 🙃 #lundi"),
            ["Trois boss, zéro direction"]
        );
        // The target in the sentence before, the face after the last one.
        assert_eq!(
            venting(
                "Notre conseiller a encore voté contre le budget des loisirs. Faut croire que ses petits-enfants jouent pas au soccer. 🙄"
            ),
            ["Faut croire que ses petits-enfants jouent pas au soccer"]
        );
        // A long sentence from the clause that names its target.
        assert_eq!(
            venting(
                "Désolée pour le délai avec vos permis de construction, notre inspecteur est pas mal lent ces temps-ci 😬"
            ),
            ["notre inspecteur est pas mal lent ces temps-ci"]
        );
        // Aimed at nobody of the workplace: the weather, a Monday, one's own family.
        assert!(venting("Retour au bureau lundi matin 🙃").is_empty());
        // What a place is for, not its people: the face aims at nobody there.
        assert!(
            venting("Je vote pour celui qui va nous aider avec les places en garderie 🙃")
                .is_empty()
        );
        assert!(venting("Mes parents arrivent demain pour une semaine 😬").is_empty());
        assert!(venting("Encore 30 cm de neige annoncés. Avril, on t'aime moins 🙄").is_empty());
    }

    #[test]
    fn understatement_of_the_workplace_is_a_complaint() {
        let venting = |body| found("negative-about-employer", "la-sarre", body);
        assert_eq!(
            venting(
                "Disons que la nouvelle direction générale n'a pas été embauchée pour son sens de l'écoute."
            ),
            ["la nouvelle direction générale n'a pas été embauchée pour son sens de l'écoute"]
        );
        assert_eq!(
            venting("Disons que la communication entre le bureau et le garage n'est pas tout à fait au point...").len(),
            1
        );
        // Of oneself, of a hockey team, or said plainly: no complaint.
        assert!(venting("Disons que j'ai pas hâte à lundi.").is_empty());
        assert!(venting("Disons que mon équipe de hockey a pas été bonne hier.").is_empty());
        assert!(venting("Disons que ma collègue a eu une belle surprise à sa fête.").is_empty());
    }

    #[test]
    fn a_reproach_to_some_of_the_workplace_is_a_complaint() {
        let venting = |body| found("negative-about-employer", "cpe-premier-pas", body);
        assert_eq!(
            venting("Certains parents pensent que c'est ouvert 24/7."),
            ["Certains parents pensent que c'est ouvert 24/7"]
        );
        // A plural Lefff does not know ("éducatrices").
        assert_eq!(
            venting("Il y a des éducatrices dans ma bâtisse qui se sont trompées de vocation."),
            ["Il y a des éducatrices dans ma bâtisse qui se sont trompées de vocation"]
        );
        // What they should receive, a belief set right, people outside work.
        assert!(
            venting("Certains parents devraient recevoir un courriel cette semaine.").is_empty()
        );
        assert!(
            venting("Certains parents pensent que le CPE ferme lundi : en fait, on est ouverts.")
                .is_empty()
        );
        assert!(venting("Certains amis pensent que je suis partie en voyage.").is_empty());
    }

    #[test]
    fn a_workplace_scene_told_to_you_is_a_complaint() {
        let venting = |body| found("negative-about-employer", "cpe-premier-pas", body);
        assert_eq!(
            venting(
                "Leçon apprise cette année : si ton directeur prend tout le crédit et te laisse tout le blâme, c'est pas toi le problème."
            ),
            [
                "si ton directeur prend tout le crédit et te laisse tout le blâme, c'est pas toi le problème"
            ]
        );
        assert_eq!(
            venting(
                "Quand ta collègue passe sa journée sur son cell pendant que tu changes six couches."
            ),
            ["Quand ta collègue passe sa journée sur son cell pendant que tu changes six couches"]
        );
        // The author's own routine, a scene told fondly, a condition on a thing.
        assert!(
            venting("Quand un parent me demande si une place se libère, je lui dis d'écrire à la direction.")
                .is_empty()
        );
        assert!(venting("Quand ta directrice t'apporte un café le lundi matin ❤️").is_empty());
        // A scene where nothing goes wrong, even without a heart.
        assert!(
            venting("Quand ta gestionnaire se souvient de ta fête pis t'apporte un gâteau.")
                .is_empty()
        );
        assert!(venting("Si ton bac a pas été ramassé, fais une requête en ligne.").is_empty());
    }

    #[test]
    fn evaluations_of_public_matters_are_opinions() {
        let opinion = |body| found("opinion-disclaimer", "la-sarre", body);
        assert_eq!(
            opinion("Le projet du nouveau garage municipal, c'est une bonne décision."),
            ["Le projet du nouveau garage municipal, c'est une bonne décision."]
        );
        assert_eq!(
            opinion("Mon avis sur le camping municipal : on devrait le garder public.").len(),
            1
        );
        assert!(opinion("Bonne nouvelle : la rue Principale est réasphaltée.").is_empty());
        // "Est" in a street name is no verb: the café is judged, not the street.
        assert!(opinion("Le nouveau café de la 1re Rue Est fait de bons croissants.").is_empty());
        assert_eq!(
            opinion("Le déneigement de la 2e Rue Est est vraiment mal fait.").len(),
            1
        );
        assert!(
            opinion("Je suis heureuse d'annoncer que je travaille maintenant à la Ville!")
                .is_empty()
        );
    }

    #[test]
    fn a_verdict_without_an_adjective_of_the_lexicon_is_an_opinion() {
        let opinion = |body| found("opinion-disclaimer", "la-sarre", body);
        for body in [
            // "mal" before any past participle.
            "Le réaménagement du boulevard, c'est un projet mal planifié du début à la fin.",
            // A noun that judges: a waste.
            "Le nouveau logiciel de requêtes de la Ville est une perte de temps pis d'argent.",
            // The best of what was chosen: a place.
            "Le nouveau garage municipal dans le rang 4, c'est clairement le meilleur emplacement.",
        ] {
            assert_eq!(opinion(body).len(), 1, "{body}");
        }
        for body in [
            "Le trou sur la rue Heriot, il est assez creux pour y perdre un pneu.",
            "J'ai mal dormi, la déneigeuse de la Ville est passée à 3 h.",
            "Mon chalet, c'est le meilleur endroit pour décrocher.",
        ] {
            assert!(opinion(body).is_empty(), "{body}");
        }
    }
}
