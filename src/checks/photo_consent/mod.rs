//! `photo-consent`: photos and videos of people published without their consent.
//!
//! Why: every policy vigie ships speaks of it. La Sarre (art. 9): only authorised images,
//! the rights of identifiable persons or their legal representatives, the source "au
//! besoin". Vallée-des-Rivières (art. 12): employees who appear in photos of the town's
//! events must be told and consent. Saint-Urbain (« Présence sur le web de
//! l'organisation »): ask authorisation when possible, crowds at public events and people
//! in public activity excepted; no workplace photos on a personal account without prior
//! authorisation. CPE Premier Pas (art. 5 ii)): no photo or video of others without
//! their consent (children: their parents'). Drummondville (« Contenu »): photos of
//! citizens for information or taken at public events, unless a withdrawal was asked.
//!
//! What it reads: the media declared in the front matter (`[[media]]`: path, people,
//! minors, consent, credit, alt), the Markdown images `![alt](path)` (an image with no
//! `[[media]]` entry has unknown people and consent), the project's consent register
//! (`consents` in `vigie.toml`), and the words of the post that show a photo or video
//! when nothing is declared ([`mentions`]).
//!
//! Kinds: `unknown` (people or consent not declared), `no-consent`, `minors`,
//! `undeclared` (the text shows a photo, none is declared), `workplace` (Saint-Urbain),
//! `credit` (La Sarre, info) and `alt` (no alternative text: info, outside the policies,
//! cites no article).

mod mentions;

use std::ops::Range;

use serde::Deserialize;

use super::{Check, Context, ParamError, Rule, params, validate};
use crate::draft::{Account, Author, Consent, Draft, Image, Media, People};
use crate::finding::{Diagnostic, Severity};
use crate::policy::consents::normalize;
use crate::policy::{Policy, RuleSettings};
use crate::text::fold;
use mentions::Mentions;

pub const RULE: Rule = Rule {
    id: "photo-consent",
    name: "Photos et vidéos : consentement des personnes",
    doc: "\
Vérifie que les photos et les vidéos publiées respectent le droit à l'image : les personnes
identifiables ont donné leur consentement, les enfants celui d'un parent.

Ce qui est lu : les médias déclarés dans l'en-tête du brouillon ([[media]] : path, people,
minors, consent, credit, alt), les images Markdown ![description](chemin) (une image sans
déclaration [[media]] est de statut inconnu), le registre des consentements du projet
(consents = \"consents.toml\" dans vigie.toml), et les mots qui annoncent une photo ou une
vidéo quand aucune n'est déclarée (« en photo », « voici nos jeunes », « vidéo ci-dessous »,
« de gauche à droite », 📷).

Ce qui passe : people = \"none\" ; people = \"crowd\" (une foule) là où la politique le
permet ; des personnes identifiables avec consent = \"obtained\", ou \"public-event\" là où
la politique fait exception pour les événements publics ; un média inscrit au registre des
consentements avec un consentement encore valide à la date de publication. Avec
minors = true, il faut le consentement d'un parent (consent = \"obtained\", ou parent = true
au registre).

Ce qui n'est pas signalé : une photo annoncée pour plus tard (« les photos seront publiées
lundi »), un concours photo, une photo d'identité, une interdiction de photographier.

Types de constats : unknown (personnes ou consentement non déclarés), no-consent,
minors, undeclared (le texte annonce une photo, aucune n'est déclarée), workplace
(Saint-Urbain : photo prise au travail, sur un compte personnel), credit (La Sarre : source
de l'image, à titre d'information) et alt (texte de remplacement manquant : conseil
d'accessibilité, hors politique).

Exemple : « Voici nos jeunes du camp de jour ! » sans média déclaré.
Correction : déclarez la photo dans l'en-tête :
  [[media]]
  path = \"photos/camp.jpg\"
  people = \"identifiable\"
  minors = true
  consent = \"obtained\"      # formulaire signé par les parents
  alt = \"Les jeunes du camp de jour au parc\"",
    validate: validate::<Params>,
    build,
    explain_profile: super::nothing_to_add,
    personal_data: false,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// `people = "crowd"` needs no consent.
    #[serde(default = "yes")]
    crowd_exempt: bool,
    /// `consent = "public-event"` is enough for identifiable people.
    #[serde(default)]
    public_event_exempt: bool,
    /// Minors need a parent's consent.
    #[serde(default = "yes")]
    minors_need_parent: bool,
    /// Ask for the image's source (an `info` finding).
    #[serde(default)]
    require_credit: bool,
    /// Who authorises workplace photos posted on a personal account (Saint-Urbain);
    /// none: no such rule.
    #[serde(default)]
    workplace_authority: Option<String>,
    /// More words that show a photo or video in a post.
    #[serde(default)]
    mentions: Vec<String>,
}

fn yes() -> bool {
    true
}

struct PhotoConsent {
    params: Params,
    mentions: Mentions,
    /// The rule's severity, capped at `warning`: for what is only undeclared.
    undeclared_severity: Severity,
}

fn build(settings: &RuleSettings, _policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    let mentions = Mentions::new(&params.mentions).map_err(|e| ParamError {
        key: "mentions".into(),
        message: format!("expression invalide : {e}"),
    })?;
    Ok(Box::new(PhotoConsent {
        params,
        mentions,
        undeclared_severity: settings.severity.min(Severity::Warning),
    }))
}

/// One photo or video of the post: its declaration, its Markdown image, or both.
struct Item<'a> {
    path: &'a str,
    entry: Option<&'a Media>,
    image: Option<&'a Image>,
    /// Where findings about it point.
    anchor: Range<usize>,
}

impl Item<'_> {
    fn noun(&self) -> &'static str {
        let lower = self.path.to_ascii_lowercase();
        let video = [".mp4", ".mov", ".avi", ".webm", ".mkv", ".m4v", ".wmv"]
            .iter()
            .any(|x| lower.ends_with(x));
        if video { "La vidéo" } else { "La photo" }
    }

    fn has_alt(&self) -> bool {
        let entry = self
            .entry
            .and_then(|m| m.alt.as_deref())
            .is_some_and(|a| !a.trim().is_empty());
        entry || self.image.is_some_and(|i| !i.alt.trim().is_empty())
    }
}

/// The `path = "…"` lines of the front matter, in order, as spans of the source: read
/// once per draft, so that finding each medium's line costs no new pass.
fn path_lines(draft: &Draft) -> Vec<Range<usize>> {
    let Some(fm) = draft.front_matter.clone() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = fm.start;
    for line in draft.source[fm].split_inclusive('\n') {
        let trimmed = line.trim();
        let key = trimmed.trim_start_matches("- ").trim_start();
        if key.starts_with("path") {
            let start = at + (line.len() - line.trim_start().len());
            out.push(start..start + trimmed.len());
        }
        at += line.len();
    }
    out
}

/// The span of the line that declares `path`: the media are declared in order, so the
/// search starts after the line found last (`next`) and goes round once.
fn declaration_span(
    draft: &Draft,
    lines: &[Range<usize>],
    next: &mut usize,
    path: &str,
) -> Option<Range<usize>> {
    let n = lines.len();
    let k = (0..n)
        .map(|k| (*next + k) % n)
        .find(|&k| draft.source[lines[k].clone()].contains(path))?;
    *next = k + 1;
    Some(lines[k].clone())
}

fn same_media(a: &str, b: &str) -> bool {
    normalize(a).eq_ignore_ascii_case(&normalize(b))
}

fn base_name(p: &str) -> &str {
    p.rsplit(['/', '\\']).next().unwrap_or(p)
}

/// Pairs the declared media with the Markdown images.
fn items<'a>(cx: &'a Context<'_>) -> Vec<Item<'a>> {
    let draft = cx.draft;
    let mut used = vec![false; draft.images.len()];
    let mut out = Vec::new();
    let lines = path_lines(draft);
    let mut next = 0;
    for entry in &cx.meta.media {
        let found = draft
            .images
            .iter()
            .enumerate()
            .position(|(i, img)| !used[i] && same_media(&img.path, &entry.path))
            .or_else(|| {
                draft.images.iter().enumerate().position(|(i, img)| {
                    !used[i] && base_name(&img.path).eq_ignore_ascii_case(base_name(&entry.path))
                })
            });
        let image = found.map(|i| {
            used[i] = true;
            &draft.images[i]
        });
        let anchor = image
            .map(|i| i.span.clone())
            .or_else(|| declaration_span(draft, &lines, &mut next, &entry.path))
            .unwrap_or_else(|| draft.body_anchor());
        out.push(Item {
            path: &entry.path,
            entry: Some(entry),
            image,
            anchor,
        });
    }
    for (i, image) in draft.images.iter().enumerate() {
        if !used[i] {
            out.push(Item {
                path: &image.path,
                entry: None,
                image: Some(image),
                anchor: image.span.clone(),
            });
        }
    }
    out.sort_by_key(|i| i.anchor.start);
    out
}

impl PhotoConsent {
    /// The consent finding for one item, if any.
    fn consent(&self, cx: &Context<'_>, item: &Item<'_>) -> Option<Diagnostic> {
        let p = &self.params;
        let (people, minors, consent) = match item.entry {
            Some(m) => (m.people, m.minors == Some(true), m.consent),
            None => (None, false, None),
        };
        let record = cx.policy.consent_for(item.path, cx.meta.publish_at.date());
        let parent_ok = record.is_some_and(|r| r.parent) || consent == Some(Consent::Obtained);
        let consent_ok = record.is_some() || consent == Some(Consent::Obtained);
        let event_ok = p.public_event_exempt && consent == Some(Consent::PublicEvent);
        let noun = item.noun();
        match people {
            Some(People::None) => None,
            Some(People::Crowd) if p.crowd_exempt || consent_ok => None,
            Some(People::Crowd) => Some(self.no_consent(item, "une foule de personnes")),
            Some(People::Identifiable) | None if minors && p.minors_need_parent => {
                (!parent_ok).then(|| {
                    Diagnostic::new(
                        item.anchor.clone(),
                        format!(
                            "{noun} montre des enfants ou des mineurs identifiables sans le consentement déclaré d'un parent."
                        ),
                        "Obtenez le consentement écrit d'un parent ou du tuteur (puis consent = \"obtained\" dans \
                         [[media]], ou parent = true au registre des consentements), ou choisissez une image où les \
                         enfants ne sont pas reconnaissables.",
                    )
                    .kind("minors")
                })
            }
            Some(People::Identifiable) => {
                (!consent_ok && !event_ok).then(|| self.no_consent(item, "des personnes identifiables"))
            }
            None if consent_ok || event_ok => None,
            None => Some(
                Diagnostic::new(
                    item.anchor.clone(),
                    if item.entry.is_some() {
                        format!(
                            "Le bloc [[media]] de « {} » ne dit pas si des personnes identifiables y paraissent ni si \
                             elles ont consenti.",
                            item.path
                        )
                    } else {
                        format!(
                            "{noun} « {} » n'est pas déclarée : on ne sait pas si des personnes identifiables y \
                             paraissent ni si elles ont consenti.",
                            item.path
                        )
                    },
                    format!(
                        "Déclarez-la dans l'en-tête : [[media]] path = \"{}\", people = \"none\", \"crowd\" ou \
                         \"identifiable\", et consent = \"obtained\" si les personnes ont donné leur accord.",
                        item.path
                    ),
                )
                .kind("unknown")
                .severity(self.undeclared_severity),
            ),
        }
    }

    fn no_consent(&self, item: &Item<'_>, who: &str) -> Diagnostic {
        let consent = item.entry.and_then(|m| m.consent);
        let state = match consent {
            Some(Consent::NotObtained) => "sans leur consentement",
            Some(Consent::PublicEvent) => {
                "sans consentement : l'exception de l'événement public ne s'applique pas ici"
            }
            _ => "sans consentement déclaré",
        };
        let help = if self.params.public_event_exempt {
            "Obtenez leur consentement (puis consent = \"obtained\"), ou, si l'image a été prise lors d'un événement \
             public, indiquez consent = \"public-event\" ; sinon, choisissez une autre image ou rendez les visages \
             méconnaissables."
        } else {
            "Obtenez leur consentement (puis consent = \"obtained\" dans [[media]], ou inscrivez-le au registre des \
             consentements), ou choisissez une autre image, ou rendez les visages méconnaissables."
        };
        Diagnostic::new(
            item.anchor.clone(),
            format!("{} montre {who} {state}.", item.noun()),
            help,
        )
        .kind("no-consent")
    }

    fn alt(&self, item: &Item<'_>) -> Option<Diagnostic> {
        (!item.has_alt()).then(|| {
            Diagnostic::new(
                item.anchor.clone(),
                format!(
                    "{} n'a pas de texte de remplacement pour les personnes qui ne la voient pas (conseil \
                     d'accessibilité, hors politique).",
                    item.noun()
                ),
                "Décrivez l'image en une phrase : alt = \"…\" dans [[media]], ou ![description](chemin) dans le texte.",
            )
            .kind("alt")
            .severity(Severity::Info)
            .outside_policy()
        })
    }

    fn credit(&self, item: &Item<'_>, credited_in_text: bool) -> Option<Diagnostic> {
        let has = item
            .entry
            .and_then(|m| m.credit.as_deref())
            .is_some_and(|c| !c.trim().is_empty());
        (self.params.require_credit && !has && !credited_in_text).then(|| {
            Diagnostic::new(
                item.anchor.clone(),
                format!("{} ne donne pas sa source.", item.noun()),
                "Au besoin (image qui n'appartient pas à l'organisation), indiquez la source : credit = \"Photo : …\" \
                 dans [[media]], ou « Crédit photo : … » dans le texte.",
            )
            .kind("credit")
            .severity(Severity::Info)
        })
    }

    /// Saint-Urbain: an employee or volunteer posting, on a personal account, a photo
    /// taken at work that identifies the Municipality.
    fn workplace(&self, cx: &Context<'_>, anchor: Range<usize>) -> Option<Diagnostic> {
        let authority = self.params.workplace_authority.as_deref()?;
        let meta = cx.meta;
        let staff = matches!(
            meta.author,
            None | Some(Author::Employee) | Some(Author::Volunteer)
        );
        if meta.account != Account::Personal || !staff {
            return None;
        }
        let body = &cx.folded().text;
        // "Municipalité de Saint-Urbain" identifies the employer; "Saint-Urbain" alone
        // is a place where anyone may take a photo.
        const INSTITUTIONAL: &[&str] = &["municipalite", "ville", "corporation", "paroisse", "cpe"];
        let names_org = cx
            .policy
            .org
            .names
            .iter()
            .map(|n| fold(n))
            .filter(|n| INSTITUTIONAL.iter().any(|i| n.starts_with(i)))
            .chain(cx.policy.org.aliases.iter().map(|a| fold(a)))
            .any(|n| contains_word(body, &n));
        (names_org || self.mentions.at_work(body)).then(|| {
            Diagnostic::new(
                anchor,
                "Photo ou vidéo prise au travail, publiée sur un compte personnel : une autorisation préalable est \
                 requise.",
                format!(
                    "Demandez d'abord l'autorisation de {authority} ; une fois obtenue, notez-la dans l'en-tête : \
                     [[ignore]] rule = \"photo-consent\", reason = \"Autorisation obtenue le …\"."
                ),
            )
            .kind("workplace")
        })
    }
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    !needle.is_empty()
        && haystack
            .match_indices(needle)
            .any(|(i, m)| crate::text::is_whole_word(haystack, &(i..i + m.len())))
}

/// A credit line in the text: "Crédit photo : …", "Photo : …", "©".
fn credited_in_text(draft: &Draft) -> bool {
    let body = fold(draft.body_text());
    body.contains('©')
        || body.contains("credit")
        || ["photo :", "photo:", "photos :", "video :", "source :"]
            .iter()
            .any(|p| body.contains(p))
}

impl Check for PhotoConsent {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let items = items(cx);
        // Only a declared photo needs a credit: most posts have none, and skip the fold.
        let credited = !items.is_empty() && credited_in_text(cx.draft);
        let mention = if items.is_empty() {
            self.mentions
                .first_shown(cx.folded().whole(), &cx.draft.source)
        } else {
            None
        };
        for item in &items {
            out.extend(self.consent(cx, item));
            out.extend(self.credit(item, credited));
            out.extend(self.alt(item));
        }
        if let Some(span) = &mention {
            out.push(
                Diagnostic::new(
                    span.clone(),
                    "Le texte annonce une photo ou une vidéo, mais aucun média n'est déclaré.",
                    "Déclarez chaque photo ou vidéo dans l'en-tête ([[media]] avec path, people et consent) ou \
                     insérez-la avec ![description](chemin), pour que le consentement des personnes soit vérifié.",
                )
                .kind("undeclared")
                .severity(self.undeclared_severity),
            );
        }
        let anchor = items.first().map(|i| i.anchor.clone()).or(mention);
        if let Some(anchor) = anchor {
            out.extend(self.workplace(cx, anchor));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    fn kinds(profile: &str, text: &str) -> Vec<(String, String)> {
        run("photo-consent", profile, text)
            .into_iter()
            .map(|d| (d.kind.unwrap_or("").to_string(), text[d.span].to_string()))
            .collect()
    }

    const IDENTIFIABLE: &str = "+++\naccount = \"official\"\n[[media]]\npath = \"photos/fete.jpg\"\npeople = \"identifiable\"\nconsent = \"unknown\"\nalt = \"Des citoyens au parc\"\ncredit = \"Photo : Ville\"\n+++\nMerci à tous d'être venus à la fête du parc !\n";

    #[test]
    fn identifiable_people_without_consent_point_at_the_declaration() {
        assert_eq!(
            kinds("la-sarre", IDENTIFIABLE),
            [(
                "no-consent".to_string(),
                "path = \"photos/fete.jpg\"".to_string()
            )]
        );
    }

    #[test]
    fn consent_obtained_or_a_crowd_passes() {
        let ok = IDENTIFIABLE.replace("consent = \"unknown\"", "consent = \"obtained\"");
        assert!(kinds("la-sarre", &ok).is_empty());
        let crowd = IDENTIFIABLE.replace("people = \"identifiable\"", "people = \"crowd\"");
        assert!(kinds("la-sarre", &crowd).is_empty());
        // The CPE's code makes no exception for crowds.
        assert_eq!(kinds("cpe-premier-pas", &crowd)[0].0, "no-consent");
    }

    #[test]
    fn the_public_event_exception_follows_the_policy() {
        let event = IDENTIFIABLE.replace("consent = \"unknown\"", "consent = \"public-event\"");
        assert!(kinds("drummondville", &event).is_empty());
        assert!(kinds("st-urbain", &event).is_empty());
        assert_eq!(kinds("la-sarre", &event)[0].0, "no-consent");
    }

    #[test]
    fn minors_need_a_parent() {
        let kids = IDENTIFIABLE.replace(
            "consent = \"unknown\"",
            "minors = true\nconsent = \"public-event\"",
        );
        assert_eq!(kinds("drummondville", &kids)[0].0, "minors");
        let ok = kids.replace("\"public-event\"", "\"obtained\"");
        assert!(kinds("drummondville", &ok).is_empty());
    }

    #[test]
    fn an_undeclared_markdown_image_is_unknown_and_without_alt() {
        let text = "Belle journée au parc !\n\n![](photos/parc.jpg)\n";
        assert_eq!(
            kinds("drummondville", text),
            [
                ("unknown".to_string(), "![](photos/parc.jpg)".to_string()),
                ("alt".to_string(), "![](photos/parc.jpg)".to_string())
            ]
        );
    }

    #[test]
    fn words_that_show_a_photo_ask_for_a_declaration() {
        assert_eq!(
            kinds("vallee-des-rivieres", "Voici nos jeunes du camp de jour !"),
            [("undeclared".to_string(), "Voici nos jeunes".to_string())]
        );
        assert!(kinds("vallee-des-rivieres", "Les photos seront publiées lundi.").is_empty());
    }

    #[test]
    fn la_sarre_asks_for_the_source() {
        let no_credit = IDENTIFIABLE
            .replace("consent = \"unknown\"", "consent = \"obtained\"")
            .replace("credit = \"Photo : Ville\"\n", "");
        assert_eq!(kinds("la-sarre", &no_credit)[0].0, "credit");
        assert!(kinds("drummondville", &no_credit).is_empty());
    }

    #[test]
    fn st_urbain_workplace_photos_on_a_personal_account() {
        let text = "+++\nauthor = \"employee\"\n[[media]]\npath = \"garage.jpg\"\npeople = \"none\"\nalt = \"Le nouveau camion\"\n+++\nNotre nouveau camion au garage municipal de Saint-Urbain !";
        assert_eq!(kinds("st-urbain", text)[0].0, "workplace");
        let official = text.replace("author = \"employee\"", "account = \"official\"");
        assert!(kinds("st-urbain", &official).is_empty());
        let hike = text.replace(
            "Notre nouveau camion au garage municipal de Saint-Urbain !",
            "Belle randonnée au parc des Sommets, à Saint-Urbain !",
        );
        assert!(kinds("st-urbain", &hike).is_empty());
    }
}
