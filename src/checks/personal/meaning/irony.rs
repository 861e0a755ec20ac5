//! Complaints about the workplace that carry no negative word: the ironic punchline after
//! a let-down ("Nouvelle chaise demandée en septembre, toujours rien en mars. Efficacité
//! municipale 101."), resignation ("Faut croire que nos familles comptent pas"), the
//! rhetorical question ("Qui a eu l'idée géniale de fermer la patinoire à 20 h?", "Quand
//! c'est que la Ville va se décider à acheter de l'équipement qui marche?"), and the
//! people served described by what they do, then told off ("Les gens qui mettent leurs
//! bacs au chemin avec de la glace dedans… sérieusement, réfléchissez un peu").
//!
//! Each reads the sentence's words (folded, with their lemmas), never a list of whole
//! sentences: a class of construction and the few words that make it.

use std::ops::Range;

use super::{DISAPPROVED, PRAISE, Sentence, WordSet, noun_in, sour};

/// Qualities of management a punchline praises to say they are missing.
static PRAISED_QUALITIES: WordSet =
    crate::text::wordset::word_set!("meaning/praised-qualities.txt");

/// Words of winning that crown a failing: "ils ont le championnat", "Efficacité 101".
const CROWNS: &[&str] = &[
    "championnat",
    "champion",
    "champions",
    "championne",
    "record",
    "records",
    "medaille",
    "trophee",
    "101",
];

/// Words that make a quality a compliment: "belle planification", "quelle efficacité",
/// "vraiment le sens des priorités".
const COMPLIMENT: &[&str] = &[
    "belle",
    "beau",
    "bel",
    "bonne",
    "quelle",
    "quel",
    "vraiment",
    "sens",
    "toute",
    "grande",
    "superbe",
    "excellente",
    "merveilleuse",
];

/// Units of a wait told as a let-down: "trois mois d'attente", "trois heures pour parler
/// de la couleur des bancs".
const DURATIONS: &[&str] = &[
    "minutes", "heures", "jours", "semaines", "mois", "ans", "annees", "heure", "jour", "semaine",
    "an",
];

/// True when the sentence tells a let-down: what went wrong ([`sour`]), a wait ("toujours
/// rien", "d'attente", "j'attends"), or a duration spent on something ("trois heures
/// pour…").
fn letdown(s: &Sentence) -> bool {
    let n = s.words.len();
    sour(s, 0..n)
        || (0..n).any(|i| {
            s.is(i, &["attente", "attends", "attend", "attendre", "attendu"])
                || (s.is(i, DURATIONS) && i >= 1 && i + 1 < n && s.is(i + 1, &["pour", "d'"]))
        })
}

/// The ironic punchline after a let-down: a short sentence that crowns the failing
/// ("Efficacité municipale 101.", "ils ont le championnat") or compliments a quality of
/// management ("Belle planification.", "On a vraiment le sens des priorités"). `before`
/// is the sentence before it, on the same line. Thanks are no irony here: "Merci à
/// l'équipe pour la belle organisation" after a long wait thanks, and so does praise
/// said to someone ("Encore une tempête cette nuit. Vous êtes des champions!") or help
/// offered ("Le Service des communications pourra vous donner la bonne information").
pub(super) fn punchline(s: &Sentence, before: &Sentence) -> Option<Range<usize>> {
    let n = s.words.len();
    let thanks_or_address = (0..n).any(|i| {
        s.is(
            i,
            &[
                "merci",
                "remercie",
                "felicitations",
                "vous",
                "votre",
                "vos",
                "tu",
                "te",
                "t'",
                "ton",
                "ta",
                "tes",
            ],
        )
    });
    if n == 0 || n > 12 || thanks_or_address {
        return None;
    }
    let crowned = (0..n).any(|i| s.is(i, CROWNS));
    let quality = (0..n).any(|i| noun_in(s.word(i), &PRAISED_QUALITIES))
        && (0..n).any(|i| s.is(i, COMPLIMENT) || PRAISE.contains(&s.word(i)));
    ((crowned || quality) && letdown(before)).then_some(0..n)
}

/// Resignation about the workplace: "faut croire que" (or "il faut croire que") and a
/// clause that says the employees, the people served or the workplace count for
/// nothing: "Faut croire que nos familles à nous autres comptent pas", "faut croire que
/// notre sécurité passe après les fleurs du parc". `target_in` says words name the
/// workplace or the organisation.
pub(super) fn resignation(
    s: &Sentence,
    target_in: &dyn Fn(&Range<usize>) -> bool,
) -> Option<Range<usize>> {
    let n = s.words.len();
    let i = (1..n.saturating_sub(1)).find(|&i| {
        s.is(i, &["croire"]) && s.is(i - 1, &["faut"]) && s.is(i + 1, &["que", "qu'"])
    })?;
    let start = if i >= 2 && s.is(i - 2, &["il"]) {
        i - 2
    } else {
        i - 1
    };
    let words = i + 2..n;
    let ours = words
        .clone()
        .any(|k| s.is(k, &["nous", "notre", "nos", "on"]))
        || target_in(&words);
    let slighted = words.clone().any(|k| {
        s.is(k, &["pas", "jamais", "rien", "plus"])
            || (s.is(k, &["apres"])
                && k >= 1
                && s.is(k - 1, &["passe", "passent", "vient", "viennent"]))
    });
    (ours && slighted).then_some(start..n)
}

/// Verbs of the day a reproach waits for: "quand est-ce que la Ville va se décider à…",
/// "quand c'est qu'ils vont comprendre que…".
const AT_LAST: &[&str] = &[
    "decider",
    "comprendre",
    "allumer",
    "reveiller",
    "realiser",
    "bouger",
    "ecouter",
];

/// A rhetorical question aimed at the workplace: who had the "brilliant" idea ("Qui a eu
/// l'idée géniale de fermer la patinoire à 20 h en pleine relâche?"), or when they will
/// at last do what they should ("Quand c'est que la Ville va se décider à acheter de
/// l'équipement qui marche?"). `question`: the sentence ends with a question mark;
/// `target`: it names the workplace, its people or the organisation.
pub(super) fn rhetorical(s: &Sentence, question: bool, target: bool) -> Option<Range<usize>> {
    let n = s.words.len();
    if !question || n < 4 {
        return None;
    }
    let who_had_the_idea = s.is(0, &["qui"])
        && (1..n).any(|i| s.is(i, &["idee"]))
        && (1..n).any(|i| PRAISE.contains(&s.word(i)) || s.is(i, &["bonne", "belle", "brillante"]));
    let at_last = s.is(0, &["quand"])
        && (1..4.min(n)).any(|i| s.is(i, &["que", "qu'"]))
        && (2..n).any(|i| s.is(i, AT_LAST) && s.is(i - 1, &["se", "va", "vont", "s'", "vas"]));
    ((who_had_the_idea || at_last) && target).then_some(0..n)
}

/// The workplace named as true to type: "Ça c'est ben la Ville, ça : trois signatures pour
/// une affaire de 2 piasses", "c'est bien la direction, ça". "c'est ben/bien", the
/// workplace or the organisation, then "ça" to close it.
pub(super) fn typified(
    s: &Sentence,
    target_in: &dyn Fn(&Range<usize>) -> bool,
) -> Option<Range<usize>> {
    let n = s.words.len();
    let i = (2..n).find(|&i| {
        s.is(i, &["ben", "bien"])
            && s.is(i - 1, &["est"])
            && s.is(i - 2, &["c'"])
            && target_in(&(i + 1..(i + 4).min(n)))
            && (i + 2..(i + 6).min(n)).any(|k| s.is(k, &["ca"]))
    })?;
    Some(i.saturating_sub(3)..n)
}

/// Words that tell people off: "sérieusement", "réfléchissez", "faudrait ben vous en
/// rendre compte", "je me demande si…", "voyons donc".
const EXASPERATED: &[&str] = &[
    "serieusement",
    "franchement",
    "reflechissez",
    "reveillez",
    "voyons",
    "demande",
    "faudrait",
];

/// The people the workplace serves or works with, described by what they do and then
/// told off or reproached: "Les gens qui mettent leurs bacs au chemin avec de la glace
/// dedans… sérieusement, réfléchissez un peu", "Le monde qui appellent pour chialer… des
/// fois j'me demande si y'ont rien d'autre à faire", "Les parents qui laissent leurs ados
/// tout seuls à la piscine en pensant qu'on est une garderie". The words from the telling
/// off to the end of the sentence, or the whole sentence when the reproach is what they
/// wrongly believe.
pub(super) fn people_told_off(s: &Sentence) -> Option<Range<usize>> {
    let n = s.words.len();
    let start = usize::from(s.is(0, &["pis"]));
    if !s.is(start, &["les", "le", "ces"]) {
        return None;
    }
    let group = (start + 1..(start + 4).min(n)).find(|&i| {
        noun_in(s.word(i), &DISAPPROVED)
            || super::plural_of(s.word(i), &DISAPPROVED)
            || s.is(i, &["gens", "monde"])
    })?;
    let relative = (group + 1..(group + 6).min(n)).find(|&i| s.is(i, &["qui"]))?;
    // What they wrongly believe or expect: "en pensant qu'on est une garderie", "pis qui
    // s'attendent à ce qu'on les vide".
    let believes = (relative + 1..n).any(|i| {
        (s.is(i, &["pensant", "croyant"]) && s.is(i - 1, &["en"]))
            || (s.is(i, &["attendent"]) && s.is(i - 1, &["s'"]))
    });
    // The telling off, to them ("vous", an imperative) or about them, in what follows
    // the first pause after the description (an ellipsis, a colon, a comma).
    let told_off = (relative + 2..n).any(|k| {
        s.is(k, EXASPERATED)
            && (!s.is(k, &["demande"]) || s.is(k - 1, &["me", "m'", "j'me"]))
            && (!s.is(k, &["faudrait"]) || s.is(k + 1, &["ben", "bien"]))
    });
    let pause = (relative + 2..n).find(|&i| {
        let gap = &s.text[s.words[i - 1].end..s.words[i].start];
        gap.contains(['…', ':', ',', ';']) || gap.contains("..")
    });
    match pause {
        Some(i) if told_off => Some(i..n),
        _ if believes => Some(0..n),
        _ => None,
    }
}

/// People who decide at the workplace: those whose experience of the work a complaint
/// doubts.
const AUTHORITY: &[&str] = &[
    "direction",
    "gestionnaire",
    "gestionnaires",
    "cadre",
    "cadres",
    "boss",
    "patron",
    "patronne",
    "patrons",
    "superieur",
    "superieure",
    "superieurs",
    "superviseur",
    "superviseure",
    "directeur",
    "directrice",
    "dg",
    "ca",
    "conseil",
    "conseiller",
    "conseillere",
    "conseillers",
    "elu",
    "elus",
    "administration",
    "bureau",
];

/// Anyone, when what they did is a decision: "une décision prise par du monde qui a
/// jamais passé une journée dans un local".
const ANYONE: &[&str] = &["monde", "gens", "personne", "quelqu'un", "quelqu'une"];

/// Words of deciding: "décide de l'horaire", "approuvé par", "imposé".
const DECIDING: &[&str] = &[
    "decide",
    "decident",
    "decidait",
    "decidaient",
    "decision",
    "decisions",
    "approuve",
    "approuvee",
    "approuves",
    "approuvees",
    "impose",
    "imposee",
    "imposes",
    "imposees",
    "prise",
    "prises",
    "choisi",
    "choisie",
    "choisit",
    "mieux",
];

/// What one has done, or not, of the work: "mis les pieds", "passé une journée",
/// "changé une couche", "travaillé".
const EXPERIENCED: &[&str] = &[
    "mis",
    "passe",
    "travaille",
    "essaye",
    "essaie",
    "conduit",
    "change",
    "ete",
    "tenu",
    "fait",
];

/// Those who decide, told they never did the work: "un conseiller qui a jamais mis les
/// pieds au garage décide de l'horaire des gars de la voirie", "des gestionnaires qui
/// ont jamais changé une couche de leur vie", "le menu est approuvé par une personne qui
/// a jamais mis les pieds dans ma cuisine"; or asked whether they ever did: "Quelqu'un à
/// la direction a déjà passé une journée dans un groupe de poupons?". Never having missed
/// a day, or forgotten anyone, is praise: only the verbs of doing the work count.
pub(super) fn never_there(s: &Sentence, question: bool) -> Option<Range<usize>> {
    let n = s.words.len();
    let deciding = (0..n).any(|i| s.is(i, DECIDING));
    let never = (3..n.saturating_sub(1)).any(|k| {
        if !s.is(k, &["jamais"]) || !s.is(k + 1, EXPERIENCED) {
            return false;
        }
        if !s.is(k - 1, &["a", "ont", "avait", "avaient"]) {
            return false;
        }
        let who = if s.is(k - 2, &["n'"]) { k - 3 } else { k - 2 };
        if !s.is(who, &["qui"]) || who == 0 {
            return false;
        }
        let antecedent = who.saturating_sub(3)..who;
        antecedent.clone().any(|i| s.is(i, AUTHORITY))
            || deciding && antecedent.clone().any(|i| s.is(i, ANYONE))
    });
    let asked = question
        && (1..n.saturating_sub(1)).any(|k| {
            s.is(k, &["deja"])
                && s.is(k - 1, &["a", "ont"])
                && s.is(k + 1, EXPERIENCED)
                && (0..k).any(|i| s.is(i, AUTHORITY))
        });
    (never || asked).then_some(0..n)
}

/// What a shirking colleague always has a reason for: leaving, not doing, avoiding.
const AWAY: &[&str] = &[
    "partir",
    "quitter",
    "pas",
    "ne",
    "eviter",
    "manquer",
    "sauter",
    "rien",
    "s'absenter",
    "chialer",
    "se",
    "s'en",
];

/// Forms of "laisser": what a colleague leaves to others.
const LEAVES: &[&str] = &[
    "laisse", "laisses", "laissee", "laissees", "laissent", "laissait",
];

/// Who is left with the work: "pour la gang du matin", "pour les autres".
const OTHERS: &[&str] = &[
    "gang", "autres", "nous", "equipe", "releve", "shift", "quart",
];

/// A colleague who shirks, told by the one left with the work: avoiding it ("laisse
/// sonner les appels pour pas avoir à les prendre"), always finding a reason ("trouve
/// toujours une raison pour partir à 15 h 30"), leaving it to others ("m'a laissé ses
/// huit amis à surveiller", "a encore laissé le tracteur plein de bouette pour la gang du
/// matin"), or the author alone carrying it ("c'est encore moi qui fais l'ouverture
/// toute seule pendant que les autres arrivent quand ça leur tente"). Only where the
/// sentence, or the one before, names the people of the workplace.
pub(super) fn shirking(s: &Sentence, target: bool) -> Option<Range<usize>> {
    let n = s.words.len();
    if !target || n < 5 {
        return None;
    }
    let avoids = (3..n).any(|k| {
        s.is(k, &["a"])
            && s.is(k - 1, &["avoir"])
            && s.is(k - 2, &["pas"])
            && (s.is(k - 3, &["pour"]) || k >= 4 && s.is(k - 3, &["ne"]) && s.is(k - 4, &["pour"]))
    });
    // An excuse is always for shirking; a reason, when it is for leaving or not doing
    // ("une raison pour nous faire rire" is praise).
    let always_a_reason = (1..n.saturating_sub(2)).any(|k| {
        (k.saturating_sub(3)..k).any(|i| s.is(i, &["toujours"]))
            && s.is(k + 1, &["pour", "de", "d'"])
            && (s.is(k, &["excuse", "excuses"])
                || s.is(k, &["raison", "raisons", "moyen"]) && s.is(k + 2, AWAY))
    });
    let again = (0..n).any(|i| s.is(i, &["encore", "toujours"]));
    let left_to_others = (1..n).any(|k| {
        if !s.is(k, LEAVES) {
            return false;
        }
        let to_me = s.is(k - 1, &["m'", "nous"]) || k >= 2 && s.is(k - 2, &["m'", "nous"]);
        let after = k + 1..(k + 8).min(n);
        let chore = after.clone().any(|i| {
            s.is(i, &["a"])
                && i + 1 < n
                && ["er", "ir", "re"]
                    .iter()
                    .any(|e| s.word(i + 1).ends_with(e))
        });
        let for_others = (k + 1..(k + 10).min(n)).any(|i| {
            s.is(i, &["pour"])
                && s.is(i + 1, &["la", "les", "nous", "l'"])
                && (i + 1..(i + 4).min(n)).any(|j| s.is(j, OTHERS))
        });
        to_me && chore || again && for_others
    });
    let alone = (2..n).any(|k| {
        s.is(k, &["qui"]) && s.is(k - 1, &["moi"]) && s.is(k - 2, &["encore", "toujours", "est"])
    }) && (0..n).any(|i| {
        s.is(i, &["seule", "seul"]) || s.is(i, &["pendant"]) && s.is(i + 1, &["que", "qu'"])
    });
    (avoids || always_a_reason || left_to_others || alone).then_some(0..n)
}

/// Duties (verb lemmas) whose neglect a complaint tells: paying, backing up, answering,
/// reading, cleaning up after oneself.
const DUTIES: &[&str] = &[
    "payer",
    "appuyer",
    "soutenir",
    "ecouter",
    "repondre",
    "rappeler",
    "lire",
    "respecter",
    "aider",
    "ramasser",
    "ranger",
    "nettoyer",
    "suivre",
    "prevenir",
    "avertir",
    "consulter",
    "remercier",
    "travailler",
    "vider",
    "retourner",
];

/// The Quebec anglicism of backing someone up: "le boss qui nous back jamais".
const BACK: &[&str] = &["back", "backe", "backent", "backer", "backes"];

/// Words of a rule stated or a request made: "les citoyens qui ne ramassent pas
/// s'exposent à une amende", "les parents qui n'ont pas payé sont priés de…". A notice is
/// no complaint, and neither are thanks ("merci au CPE de m'avoir soutenue").
const NOTICE: &[&str] = &[
    "merci",
    "bravo",
    "amende",
    "amendes",
    "s'exposent",
    "pries",
    "priees",
    "rappel",
    "svp",
    "veuillez",
    "doivent",
    "devront",
    "recevront",
    "pourront",
    "peuvent",
    "communiquer",
];

/// The people of the workplace or those it serves, told they never do their part: "le
/// boss qui nous back jamais", "des citoyens qui savent même pas lire un avis public",
/// "ma gestionnaire répond jamais à ses courriels", "y'en a pas une qui paye à temps".
/// A noun of those people, then in the same clause a duty denied ("jamais", "pas",
/// "même pas"), or "pas un(e) qui" / "aucun(e)" before the duty, where `target` says the
/// sentence or the one before names the workplace. Not what they cannot do ("qui ne
/// peuvent pas payer"), not yet ("pas encore payé"), a condition ("si un parent ne paie
/// pas"), a question, or a notice. The words from the people to the end of the clause.
pub(super) fn neglect(s: &Sentence, question: bool, target: bool) -> Option<Range<usize>> {
    let n = s.words.len();
    // No denial, no "aucun": nothing to read (most sentences; the verbs are looked up
    // only after this).
    if question
        || (0..n).any(|i| s.is(i, NOTICE))
        || !(0..n).any(|i| s.is(i, &["jamais", "rien", "pas", "aucun", "aucune"]))
    {
        return None;
    }
    let duty = |v: usize| {
        s.is(v, BACK)
            || DUTIES
                .iter()
                .any(|d| crate::text::morph::is_form_of_verb(s.word(v), d))
    };
    let denied = |range: Range<usize>| {
        range.clone().any(|i| {
            s.is(i, &["jamais", "rien"])
                || (s.is(i, &["pas"])
                    && !s.is(i + 1, &["mal", "encore", "juste", "seulement", "besoin"])
                    // "CPE Premier Pas" is a name.
                    && !(i > 0 && s.is(i - 1, &["premier"])))
        }) && !range.clone().any(|i| {
            s.is(
                i,
                &[
                    "peut",
                    "peuvent",
                    "pouvez",
                    "pouvaient",
                    "pourront",
                    "pourraient",
                    "sans",
                ],
            )
        })
    };
    (0..n).filter(|&v| duty(v)).find_map(|v| {
        let clause = s.clause_of(v);
        // "pas une qui paye", "aucun parent ne rappelle": nobody does it.
        let none = (clause.start.max(v.saturating_sub(3))..v).find(|&i| {
            (s.is(i, &["un", "une"]) && i > 0 && s.is(i - 1, &["pas"]))
                || s.is(i, &["aucun", "aucune"])
        });
        if let Some(i) = none
            && target
        {
            let from = if s.is(i, &["aucun", "aucune"]) {
                i
            } else {
                i - 1
            };
            return Some(from..clause.end);
        }
        // The people, up to six words before the duty, in its clause or the one its
        // relative "qui" hangs on.
        let from = v.saturating_sub(6);
        let people = (from..v).rev().find(|&g| {
            noun_in(s.word(g), &DISAPPROVED)
                && !s.is(g, &["cpe", "garderie", "administration", "direction"])
                && !(g > 0 && s.is(g - 1, &["mes", "mon", "ma"]) && s.is(g, &["parents", "parent"]))
                && (s.clause_of(g) == clause
                    || (g + 1..v).any(|q| s.is(q, &["qui"]) && s.clause_of(q) == clause))
        })?;
        if (clause.start.min(people)..people)
            .any(|i| s.is(i, &["si", "quand", "lorsque", "lorsqu'"]))
        {
            return None;
        }
        if !denied(people + 1..(v + 3).min(clause.end.max(v + 1))) {
            return None;
        }
        let start = if people > 0
            && s.is(
                people - 1,
                &[
                    "le", "la", "les", "l'", "un", "une", "des", "ma", "mon", "mes", "nos",
                    "notre", "ces", "ce", "cette",
                ],
            ) {
            people - 1
        } else {
            people
        };
        Some(start..clause.end)
    })
}

/// Words quoted to mock them ("scare quotes"), where `target` says the sentence or the
/// one before names the workplace: the quoted words of the employer taken up to show
/// they ring false ("mon « bonus de reconnaissance », c'est une tuque", "les crayons de
/// cire c'est rendu un « luxe »", "« prenez soin de vous » qu'ils disaient"). A quotation
/// is mocked when it is short (a label, a slogan: at most six words) and the sentence
/// says so: reported with "qu'ils disaient", brought in by "apparemment" or "c'est
/// rendu", taken as one's own label ("mon « … », c'est…"), or followed by an eye-roll
/// or a slow clap. A title, a theme or a quotation that is reported plainly stays
/// clean. The words from the quotation to the end of the sentence.
pub(super) fn scare_quotes(s: &Sentence, target: bool) -> Option<Range<usize>> {
    if !target {
        return None;
    }
    let t = s.text;
    let mut from = 0;
    while let Some(open) = t[from..].find(['«', '"', '“']).map(|k| from + k) {
        let opening = t[open..].chars().next()?;
        let closing = match opening {
            '«' => '»',
            '“' => '”',
            _ => '"',
        };
        let inner = open + opening.len_utf8();
        let close = inner + t[inner..].find(closing)?;
        let after_close = close + closing.len_utf8();
        from = after_close;
        let inside: Vec<usize> = (0..s.words.len())
            .filter(|&i| s.words[i].start >= inner && s.words[i].end <= close)
            .collect();
        let Some(&first) = inside.first() else {
            continue;
        };
        if inside.len() > 6 {
            continue;
        }
        let before = t[..open].trim_end();
        let after = t[after_close..].trim_start();
        let reported = ["qu'ils ", "qu'y ", "qu'elle ", "qu'il ", "qu'on "]
            .iter()
            .any(|w| after.starts_with(w))
            && after
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with("disai") || matches!(w, "dit" | "disent"));
        let brought = (0..first).any(|i| s.is(i, &["apparemment", "apparament"]))
            || [
                "c'est rendu",
                "rendu un",
                "rendu une",
                "c'est rendu un",
                "c'est rendu une",
            ]
            .iter()
            .any(|w| before.ends_with(w));
        let labelled = [" mon", " ma", " mes", " notre", " nos", " leur", " leurs"]
            .iter()
            .any(|w| before.ends_with(w))
            && after.starts_with(',')
            && ["c'est", "c'etait", "ca "]
                .iter()
                .any(|w| after[1..].trim_start().starts_with(w));
        let rolled = ["🙄", "👏", "🤡", "😒", "🤦"]
            .iter()
            .any(|e| after.starts_with(e));
        if reported || brought || labelled || rolled {
            return Some(first..s.words.len());
        }
    }
    None
}
