//! A named private business and what is said for it, in one sentence.
//!
//! The regexes of [`super`] find an offer or a call to buy beside a business that names
//! itself ("notre boutique", "chez Meubles Tremblay"). An official post that promotes a
//! business names it like any proper noun: "Les Armoires Lemaire offrent l'installation
//! gratuite", "Drummond Auto vous offre 0 % de financement", "Je vous recommande
//! fortement Toiture Boucher". Here a capitalised name is a business when one of its words
//! is a trade or a shop (`lexicons/commerce/businesses.tsv`), or when "chez" or "je vous
//! recommande" introduces it; the sentence promotes it when it also holds a commercial cue
//! (a discount, something free, a price, "les meilleurs spéciaux", a gift card, a
//! financing offer, "passez chez"). A sentence of thanks or congratulations ("Merci à nos
//! partenaires IGA Côté et Uniprix Lamothe", "Félicitations à la Fromagerie Lemaire")
//! promotes nothing unless it also carries a deal ("… leurs croissants sont à 2 pour
//! 5 $"), and neither does a name of the organisation.

use std::ops::Range;

use crate::checks::semantics;
use crate::text::{FoldedPart, fold, letter_words};

/// Commercial cues, on folded text.
const CUES: &[&str] = &[
    "gratuit",
    "rabais",
    "%",
    "$",
    "meilleur",
    "speciaux",
    "special",
    "carte-cadeau",
    "cartes-cadeaux",
    "financement",
    "black friday",
    "vendredi fou",
    "2 pour 1",
    "pour le prix d",
    "moitie prix",
    "passez chez",
    "passer chez",
    "confiez",
    "recommande",
    "cette publication",
    "courir la chance",
    "chance de gagner",
    // A favourite picked for the readers, a visit booked before prices rise.
    "coup de coeur",
    "reservez votre visite",
    "avant la hausse",
];

/// Words of a sentence that thanks or congratulates: sponsors are named, not promoted.
const THANKS: &[&str] = &[
    // Sponsors credited: "… et la Brasserie du Centre ont permis d'offrir gratuitement
    // les glissades".
    "ont permis",
    "a permis",
    "rendu possible",
    "grace a",
    "merci",
    "remercie",
    "remercions",
    "felicitations",
    "bravo",
    "laureat",
    "hommage",
    "souligne",
];

/// Words that open a sentence with a capital but are not part of a name.
const ARTICLES: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "au", "aux", "du",
];

/// Verbs after a name by which it offers something: "le Charlemagne offre 10 %".
const OFFERS: &[&str] = &[
    " offre ",
    " offrent ",
    " vous offre ",
    " vous offrent ",
    " propose ",
    " proposent ",
    " vous propose ",
    " remet ",
    " vous remet ",
];

/// Words before a name that make it a public programme, not a business.
const PROGRAMMES: &[&str] = &[
    "programme",
    "programmes",
    "subvention",
    "subventions",
    "volet",
    "fonds",
    "initiative",
    "campagne",
];

/// A name introduced this way is a business whatever its words.
const INTRODUCERS: &[&str] = &[
    "aimez la page de ",
    "suivez la page de ",
    "chez ",
    "recommande ",
    "recommande fortement ",
    "recommande vivement ",
];

/// The span of a sentence of the paragraph that promotes a named business: from the name
/// to the cue, or the reverse. `own` are the organisation's folded names.
pub fn promotion(
    original: &str,
    start: usize,
    folded: &FoldedPart<'_>,
    own: &[String],
) -> Option<Range<usize>> {
    // Most paragraphs hold no cue: nothing else is read.
    if !CUES.iter().any(|c| folded.text.contains(c)) {
        return None;
    }
    for sentence in sentences(original) {
        let text = &original[sentence.clone()];
        let low = fold(text);
        let Some(cue) = CUES
            .iter()
            .filter_map(|c| low.find(c).map(|i| (i, c.len())))
            .min()
        else {
            continue;
        };
        // A deal in the same sentence ("Merci à la Boulangerie X ☕ leurs croissants sont
        // à 2 pour 5 $") is promoted, thanks or not. (Asked only when it matters: the
        // deal's pattern has many words to look for.)
        let deal = std::cell::OnceCell::new();
        let deal = || *deal.get_or_init(|| super::OFFER.is_match(&low));
        if THANKS.iter().any(|t| low.contains(t)) && !deal() {
            continue;
        }
        let Some(name) = business_name(text, own, &deal) else {
            continue;
        };
        // The cue's place in the original: folding keeps ASCII offsets only, so map it
        // through the folded paragraph.
        let from = start + sentence.start;
        let sentence_folded = folded.text.get(from - start..from - start + low.len());
        let cue_range = match sentence_folded {
            Some(f) if f == low => {
                folded.original(from - start + cue.0..from - start + cue.0 + cue.1)
            }
            _ => from + name.start..from + name.end,
        };
        let name_range = from + name.start..from + name.end;
        return Some(name_range.start.min(cue_range.start)..name_range.end.max(cue_range.end));
    }
    None
}

/// True when a sentence of the paragraph names a private business ("Sports Experts",
/// "chez Cyclo-Rivière"): a code beside it is the business's, not the organisation's.
pub fn names_one(original: &str, own: &[String]) -> bool {
    sentences(original)
        .into_iter()
        .any(|s| business_name(&original[s], own, &|| false).is_some())
}

/// Sentences of a paragraph, as byte ranges.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n' | ';') {
            out.push(from..i);
            from = i + c.len_utf8();
        }
    }
    out.push(from..text.len());
    out.retain(|r| !text[r.clone()].trim().is_empty());
    out
}

/// The first capitalised name of a sentence that is a business.
/// `deal`: whether the sentence holds a deal ([`super::OFFER`]), which a name that
/// offers it makes a business's.
fn business_name(text: &str, own: &[String], deal: &dyn Fn() -> bool) -> Option<Range<usize>> {
    // An elided article glued to a name is not part of it: "l'Épicerie Bédard" (a
    // capital one is: "la Boulangerie L'Épi d'or").
    let words: Vec<Range<usize>> = letter_words(text)
        .map(|r| {
            let w = &text[r.clone()];
            let elided = ["l'", "d'", "l\u{2019}", "d\u{2019}"]
                .iter()
                .find(|e| w.starts_with(*e));
            match elided {
                Some(e) if w[e.len()..].starts_with(char::is_uppercase) => r.start + e.len()..r.end,
                _ => r,
            }
        })
        .collect();
    let capital = |r: &Range<usize>| {
        text[r.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let mut i = 0;
    while i < words.len() {
        if !capital(&words[i]) {
            i += 1;
            continue;
        }
        // A run of capitalised words separated by spaces only.
        let mut j = i + 1;
        let spaced = |k: usize| {
            text[words[k - 1].end..words[k].start]
                .chars()
                .all(|c| c == ' ')
        };
        loop {
            if j < words.len() && capital(&words[j]) && spaced(j) {
                j += 1;
                continue;
            }
            // "Rôtisserie du Boulevard", "Resto de la Gare": a name goes on over "du",
            // "de la", "des" before another capitalised word.
            let mut k = j;
            while k < words.len()
                && k < j + 2
                && spaced(k)
                && matches!(
                    fold(&text[words[k].clone()]).as_str(),
                    "du" | "de" | "des" | "la"
                )
            {
                k += 1;
            }
            if k > j && k < words.len() && capital(&words[k]) && spaced(k) {
                j = k + 1;
                continue;
            }
            break;
        }
        let mut first = i;
        while first < j && ARTICLES.contains(&fold(&text[words[first].clone()]).as_str()) {
            first += 1;
        }
        if first < j {
            let run = words[first].start..words[j - 1].end;
            let name = fold(&text[run.clone()]);
            let before = fold(&text[..words[i].start]);
            // A name that offers a deal itself ("le Charlemagne offre 10 % sur sa carte")
            // sells: the deal is checked by the caller's cues.
            let after = fold(
                &text[words[j - 1].end..]
                    .chars()
                    .take(16)
                    .collect::<String>(),
            );
            let offers = OFFERS.iter().any(|w| after.starts_with(w)) && deal();
            let introduced = INTRODUCERS.iter().any(|w| before.ends_with(w)) || offers;
            // "le programme Rénovation Québec", "la subvention Rénovert": a public
            // programme named with a trade's word.
            let programme = PROGRAMMES.iter().any(|w| before.trim_end().ends_with(w));
            let trade = j - first >= 2
                && (first..j).any(|k| semantics::is_business(&fold(&text[words[k].clone()])));
            // "Ville de La Sarre", "La Sarre en fête" are the organisation's; "Gym
            // Action La Sarre", "Toyota La Sarre" are businesses that take the town's
            // name after their own.
            let ours = own.iter().any(|o| name.starts_with(o.as_str()))
                || name.starts_with("ville")
                || name.starts_with("municipalite");
            if (introduced || trade) && !ours && !programme {
                return Some(run);
            }
        }
        i = j;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Folded;

    fn found(text: &str) -> Option<String> {
        let f = Folded::new(text, 0..text.len());
        promotion(text, 0, &f.whole(), &["la sarre".into()]).map(|r| text[r].to_string())
    }

    #[test]
    fn named_businesses_with_an_offer() {
        assert_eq!(
            found("Envie d'une cuisine? Les Armoires Lemaire offrent l'installation gratuite tout le mois.").as_deref(),
            Some("Armoires Lemaire offrent l'installation gratuit")
        );
        assert_eq!(
            found("Je vous recommande fortement Toiture Boucher pour vos travaux.").as_deref(),
            Some("recommande fortement Toiture Boucher")
        );
        assert_eq!(
            found("Vous cherchez une voiture? Drummond Auto vous offre 0 % de financement.")
                .as_deref(),
            Some("Drummond Auto vous offre 0 %")
        );
        // Trades named by what they sell; a favourite, a visit before prices rise.
        for text in [
            "Les Thermopompes Harricana offrent une inspection gratuite avant le 31 octobre.",
            "Notre coup de cœur pour la Saint-Valentin : les truffes de la Chocolaterie Fleur de cacao.",
            "Les Condos du Boisé offrent quelques unités : réservez votre visite avant la hausse des prix!",
        ] {
            assert!(found(text).is_some(), "{text}");
        }
    }

    #[test]
    fn sponsors_thanked_and_own_services_are_not_promoted() {
        for text in [
            "Merci à nos partenaires Desjardins, IGA Côté et Uniprix Lamothe pour leur soutien!",
            "Félicitations à la Fromagerie Lemaire, lauréate du prix Entreprise de l'année!",
            "Le Salon des artisans se tient à l'aréna : 40 exposants. Entrée gratuite!",
            "Vente de bacs à compost à prix réduit (25 $) à l'hôtel de ville.",
            "La Ville de La Sarre embauche! Poste de journalier, 26,50 $/h.",
            "Le Marché public vous accueille tous les samedis.",
            "Notre coup de cœur de l'été : la nouvelle Bibliothèque Richelieu et sa terrasse.",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }
}
