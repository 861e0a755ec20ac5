//! Words of a post that show a photo or a video: "en photo", "voici nos jeunes",
//! "vidéo ci-dessous", "sur la photo, de gauche à droite", "📷". When a post says so and
//! declares no media, its author forgot to declare it (and its consent).
//!
//! The look-alikes are many and must stay silent: a photo that will be taken or published
//! later ("les participants pourraient être pris en photo", "les photos seront publiées
//! lundi"), photos asked of citizens ("concours photo : envoyez vos photos"), forbidden
//! ("il est interdit de prendre des photos"), an ID photo, a photo radar. They are
//! recognised sentence by sentence.

use std::ops::Range;

use regex::Regex;

use crate::text::FoldedPart;
use crate::text::phrases::gate::LazyRegex;

/// The lexicon. Its patterns are compiled when a post could match them (it names a
/// photo, a video, an image…), not when the rule is built; only a profile's own
/// mentions are compiled at once, to report a mistake in them.
pub struct Mentions {
    /// [`SHOWN`] with the profile's mentions, when it has some.
    custom: Option<Regex>,
}

/// Words that show a photo or a video: a post without "photo", "vidéo", "voici"… or a
/// camera never compiles them.
static SHOWN_RE: LazyRegex = LazyRegex::folded(
    SHOWN,
    &[
        "photo",
        "video",
        "image",
        "cliche",
        "capsule",
        "voici",
        "voila",
        r"vous\spresent",
        "gauche",
        "\u{1F4F7}",
        "\u{1F4F8}",
        "\u{1F3A5}",
        "\u{1F4F9}",
        "\u{1F39E}",
        "\u{1F5BC}",
        "\u{1F3AC}",
    ],
);
/// Words that say the photo is not shown (read only where one is).
static NOT_SHOWN_RE: LazyRegex = LazyRegex::new(
    NOT_SHOWN,
    &[
        "concours",
        "envoyez",
        "partagez",
        "soumettez",
        "transmettez",
        "interdit",
        "defendu",
        "identite",
        "radar",
        "pourr",
        "sera",
        "seront",
        "pris",
        "video",
        "apportez",
        "prenez",
        "photo",
        "site",
        "chaine",
        "page",
        "compte",
        "portail",
        "youtube",
        "tuto",
        "avant",
    ],
);
/// Words that place a post at work.
static WORKPLACE_RE: LazyRegex = LazyRegex::new(
    WORKPLACE,
    &[
        "travail",
        "bureau",
        "boulot",
        "job",
        "collegues",
        "municipal",
        "travaux",
        "hotel",
        "mairie",
        "caserne",
        "chantier",
        "terrain",
    ],
);

/// Patterns on folded text (lowercase, no accents, straight apostrophes).
const SHOWN: &str = r"(?x)
    \ben\s(?:photos?|images|videos?)\b
  | \b(?:sur|dans)\s(?:la|les|cette|ces|notre|nos)\s(?:photos?|videos?|images?)\b
  | \b(?:photos?|videos?|images?|cliches?)\s+ci-(?:dessous|dessus|contre|jointe?s?)\b
  | \b(?:voici|voila|voyez|regardez|decouvrez|visionnez|admirez)\s+(?:la|les|quelques|des|nos|notre|une|un|cette|ces|ce)\s+(?:\p{L}+\s+)?(?:photos?|videos?|images?|cliches?|capsules?)\b
  | \b(?:voici|voila|je\svous\spresente|nous\svous\spresentons|on\svous\spresente)\s+(?:nos|notre)\s+(?:\p{L}+\s+)?
        (?:jeunes|equipe|gagnante?s?|laureate?s?|participante?s?|finissante?s?|sauveteurs|employee?s|benevoles
          |brigadiere?s|pompiers|pompieres|amis|enfants|athletes
          |joueurs|joueuses|championn?e?s?|animateurs|animatrices|moniteurs|monitrices|cols\sbleus|cols\sblancs)\b
  | \bquelques\s(?:photos|images|cliches)\b
  | \bcredits?\s(?:photos?|videos?)\b
  | \bde\sgauche\sa\sdroite\b
  | [\x{1F4F7}\x{1F4F8}\x{1F3A5}\x{1F4F9}\x{1F39E}\x{1F5BC}\x{1F3AC}]
";

/// In the same sentence, these words say the photo is not shown in this post.
const NOT_SHOWN: &str = r"(?x)
    \bconcours\b | \benvoyez\b | \bpartagez\b | \bsoumettez\b | \btransmettez\b
  | \binterdite?s?\b | \bdefendue?s?\b | \bidentite\b | \bradars?\b
  | \bpourr(?:ai|aie|o)nt?\s(?:etre|aussi)\b | \bser(?:a|ont)\s(?:publiee?s?|diffusee?s?|prise?s?|disponibles?|affichee?s?|en\sligne)\b
  | \bpris(?:e|es)?\sen\sphotos?\b | \bdiffusee?s?\sen\svideo\b | \bretransmise?s?\sen\svideo\b
  | \bapportez\b | \bprenez\s(?:des|vos|une)\s(?:photos?|videos?)\b | \bpas\sde\s(?:photos?|videos?)\b
  | \bsur\s(?:notre|le|la|leur|son)\s(?:site|chaine|page|compte|portail)\b | \byoutube\b
  | \btuto(?:riel)?s?\b
  | \b(?:journee|seance)s?\s(?:de\s)?photos?\s(?:le|les|du|des|ce|cette|au|aux|a\sl|en)\b
  | \bavant\s(?:de|d')\s?(?:publier|partager|diffuser|afficher|mettre\sen\sligne)\b
";

/// Words of cinema: beside them, 🎬 or 🎥 announces a film, not a video of the post.
const CINEMA: &[&str] = &[
    "cinema",
    "cine",
    "film",
    "films",
    "projection",
    "projections",
];

/// Words that place a post at work (for the Saint-Urbain rule on workplace photos).
const WORKPLACE: &str = r"(?x)
    \bau\stravail\b | \bau\sbureau\b | \bau\sboulot\b | \ba\sla\sjob\b | \bma\sjob\b
  | \bmes\scollegues\b | \bmon\sequipe\sde\stravail\b | \bgarage\smunicipal\b | \btravaux\spublics\b
  | \bhotel\sde\sville\b | \bmairie\b | \bcaserne\b | \bchantier\b | \bsur\sle\sterrain\b
";

impl Mentions {
    pub fn new(extra: &[String]) -> Result<Mentions, regex::Error> {
        if extra.is_empty() {
            return Ok(Mentions { custom: None });
        }
        let mut shown = SHOWN.to_string();
        for phrase in extra {
            shown.push_str(&format!(
                "\n  | \\b{}\\b",
                regex::escape(&crate::text::fold(phrase)).replace(' ', r"\s")
            ));
        }
        Ok(Mentions {
            custom: Some(crate::text::user_regex(&shown)?),
        })
    }

    /// The first words of a folded text that show a photo or video, as a byte range of
    /// the original text `source`.
    pub fn first_shown(&self, folded: FoldedPart<'_>, source: &str) -> Option<Range<usize>> {
        let text = folded.text;
        let shown = match &self.custom {
            Some(re) => Some(re),
            None => SHOWN_RE.for_text(text),
        };
        for m in shown.into_iter().flat_map(|re| re.find_iter(text)) {
            let emoji = !m.as_str().starts_with(|c: char| c.is_alphanumeric());
            // An emoji between two sentences may close the first ("… s'ils sont
            // d'accord! 📸") or open the second ("📸 La photo gagnante de notre
            // concours"): it is read with both.
            let before = text[..m.start()].trim_end();
            let closing = match before.char_indices().next_back() {
                Some((p, '.' | '!' | '?')) if emoji => Some(&text[sentence_around(text, p, p)]),
                _ => None,
            };
            let sentence = &text[sentence_around(text, m.start(), m.end())];
            if NOT_SHOWN_RE.is_match(sentence) || closing.is_some_and(|c| NOT_SHOWN_RE.is_match(c))
            {
                continue;
            }
            // Beside a film or a web address, a camera decorates them: "son site de photo
            // : www.lavoie-photo.ca 📸". The address is not in the folded prose: it is
            // read in the draft.
            let link = || {
                let line = source[..folded.original(m.range()).start].trim_end();
                line[line.rfind('\n').map_or(0, |i| i + 1)..]
                    .trim_end_matches(['.', '!'])
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| w.starts_with("www.") || w.starts_with("http"))
            };
            // In a post about a photo session ("Journée photo au CPE hier", "Photos
            // individuelles le 18 mars"), a camera stands for the session, whose photos go
            // to the families, not into the post.
            if emoji
                && (crate::text::letter_words(sentence).any(|w| CINEMA.contains(&&sentence[w]))
                    || link()
                    || photo_session(text))
            {
                continue;
            }
            return Some(folded.original(m.range()));
        }
        None
    }

    /// True when the text places the post at work.
    pub fn at_work(&self, folded: &str) -> bool {
        WORKPLACE_RE.is_match(folded)
    }
}

/// Whether a folded post speaks of a photo session: "journée photo", "séance de
/// photos", "photos individuelles", "photos scolaires".
fn photo_session(text: &str) -> bool {
    let words: Vec<&str> = crate::text::letter_words(text).map(|w| &text[w]).collect();
    words.windows(2).enumerate().any(|(i, pair)| {
        let photo = |w: &str| w == "photo" || w == "photos";
        let session = |w: &str| matches!(w, "journee" | "journees" | "seance" | "seances");
        (session(pair[0]) && photo(pair[1]))
            || (session(pair[0]) && pair[1] == "de" && words.get(i + 2).is_some_and(|w| photo(w)))
            || (photo(pair[0])
                && matches!(
                    pair[1],
                    "individuelle" | "individuelles" | "scolaire" | "scolaires"
                ))
    })
}

/// The sentence holding `text[start..end]`: between `.`, `!`, `?`, `;` or a line break.
fn sentence_around(text: &str, start: usize, end: usize) -> Range<usize> {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | ';' | '\n');
    let from = text[..start].rfind(is_end).map(|i| i + 1).unwrap_or(0);
    let to = text[end..]
        .find(is_end)
        .map(|i| end + i)
        .unwrap_or(text.len());
    from..to
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gates_hold_every_match() {
        use crate::text::phrases::gate::assert_gate;
        assert_gate("SHOWN", &SHOWN_RE);
        assert_gate("NOT_SHOWN", &NOT_SHOWN_RE);
        assert_gate("WORKPLACE", &WORKPLACE_RE);
    }

    fn shown(s: &str) -> Option<String> {
        let m = Mentions::new(&[]).unwrap();
        let folded = crate::text::Folded::new(s, 0..s.len());
        m.first_shown(folded.whole(), s).map(|r| s[r].to_string())
    }

    #[test]
    fn words_that_show_a_photo() {
        assert_eq!(
            shown("La fête nationale en photos !").as_deref(),
            Some("en photos")
        );
        assert_eq!(
            shown("Voici nos jeunes du camp de jour.").as_deref(),
            Some("Voici nos jeunes")
        );
        assert_eq!(
            shown("Tous les détails en vidéo ci-dessous.").as_deref(),
            Some("en vidéo")
        );
        assert_eq!(
            shown("Le trajet : vidéo ci-dessous.").as_deref(),
            Some("vidéo ci-dessous")
        );
        assert_eq!(shown("📷 Belle journée au parc").as_deref(), Some("📷"));
        assert_eq!(
            shown("Belle journée avec les jeunes du camp! 📸").as_deref(),
            Some("📸")
        );
        assert_eq!(
            shown("🎬 Les coulisses du tournage de notre capsule").as_deref(),
            Some("🎬")
        );
        assert_eq!(
            shown("Sur la photo, de gauche à droite : M. Roy et Mme Côté.").as_deref(),
            Some("Sur la photo")
        );
        assert_eq!(
            shown("Voici quelques belles photos du tournoi").as_deref(),
            Some("Voici quelques belles photos")
        );
    }

    #[test]
    fn look_alikes_are_silent() {
        for s in [
            "Les participants pourraient être pris en photo pendant l'activité.",
            "Concours photo : envoyez-nous vos plus belles photos d'hiver !",
            "Il est interdit de prendre des photos pendant la séance.",
            "Apportez une photo d'identité pour votre carte de bibliothèque.",
            "Les photos de la fête seront publiées la semaine prochaine.",
            "La séance sera diffusée en vidéo sur notre chaîne YouTube.",
            "Nouveau radar photo sur la route 111.",
            "Voici l'horaire de la collecte des ordures.",
            "Atelier de photographie et de vidéoconférence pour les aînés.",
            "Voici notre nouvelle politique de gestion des matières résiduelles.",
            "Voici nos nouveaux horaires et nos petits conseils pour économiser l'eau.",
            "Consultez le tutoriel en vidéo sur notre site pour remplir votre demande de permis.",
            "🎬 Cinéma sous les étoiles au parc vendredi : projection d'une comédie québécoise.",
            "🎥 Soirée film à la bibliothèque, maïs soufflé offert.",
            "Trois idées de bricolage d'automne, tuto complet dans la vidéo! 🍂",
            // A photo day to come, announced with a camera.
            "📷 Journée photo le 2 juin! Le studio viendra photographier les groupes.",
            // A camera beside a web address, or closing advice on photos to come.
            "Mon gars vient de lancer son site de photo : www.lavoie-photo.ca 📸 Allez voir!",
            "Journée photo au CPE hier, quelle belle énergie! Les parents recevront leur galerie d'ici deux semaines. Merci à l'équipe pour l'accueil 📸",
            "Photos individuelles le 18 mars avec Studio Pixel 📸 Le photographe offre 15 % sur les commandes.",
            "Avant de publier vos photos du party, demandez à vos collègues! 📸 Merci.",
        ] {
            assert_eq!(shown(s), None, "{s}");
        }
    }
}
