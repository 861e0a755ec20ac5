//! `excessive-links`: more links to outside sites than a post should carry.
//!
//! Why: Drummondville's nétiquette (annexe 1) forbids "l'utilisation abusive
//! d'hyperliens vers du contenu externe"; La Sarre (art. 8) allows links "dans la mesure
//! où leur contenu est pertinent", and its nétiquette (art. 5.5) forbids spam.
//!
//! What counts: Markdown links, autolinks and bare addresses in the body, except those
//! to the organisation's own sites and domains (from the profile) and, for the count,
//! those to public authorities (`public-domains`: quebec.ca, canada.ca, …), which
//! safety notices cite side by side. More than
//! `max-links` external links, or the same external link `max-repeats` times or more,
//! is a finding, pointed at the first link over the limit.

use serde::Deserialize;

use super::{Check, Context, ParamError, Rule, params, validate};
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};

pub const RULE: Rule = Rule {
    id: "excessive-links",
    name: "Trop d'hyperliens",
    doc: "\
Repère l'usage abusif d'hyperliens vers des sites externes.

Ce qui compte : les liens Markdown, les adresses entre < > et les adresses écrites telles
quelles (https://…, www.…, exemple.ca) dans le texte de la publication. Les liens vers les
sites et domaines de l'organisation (ceux du profil) ne sont pas comptés, ni, pour le
nombre de liens, ceux des autorités publiques (quebec.ca, gouv.qc.ca, canada.ca, …,
réglables avec `public-domains`) qu'un avis de sécurité cite souvent ensemble.

La règle signale plus de 3 liens externes (réglable avec `max-links`), ou un même lien
répété 3 fois ou plus (`max-repeats`).

Exemple : une publication qui aligne cinq liens vers des boutiques en ligne.
Correction : gardez le lien le plus utile, ou renvoyez vers une page du site de
l'organisation qui regroupe les renseignements.",
    validate: validate::<Params>,
    build,
    explain_profile: super::nothing_to_add,
    personal_data: false,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    #[serde(default = "default_max_links")]
    max_links: usize,
    #[serde(default = "default_max_repeats")]
    max_repeats: usize,
    /// Domains of public authorities, not counted towards `max-links`.
    #[serde(default = "default_public_domains")]
    public_domains: Vec<String>,
}

fn default_public_domains() -> Vec<String> {
    [
        "quebec.ca",
        "gouv.qc.ca",
        "canada.ca",
        "gc.ca",
        "gnb.ca",
        "electionsquebec.qc.ca",
        "sopfeu.qc.ca",
        "hydroquebec.com",
        "inspq.qc.ca",
        "sante-montreal.qc.ca",
    ]
    .map(String::from)
    .to_vec()
}

fn default_max_links() -> usize {
    3
}
fn default_max_repeats() -> usize {
    3
}

struct ExcessiveLinks {
    params: Params,
}

fn build(settings: &RuleSettings, _policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    if params.max_repeats < 2 {
        return Err(ParamError {
            key: "max-repeats".into(),
            message: "« max-repeats » doit valoir au moins 2".into(),
        });
    }
    Ok(Box::new(ExcessiveLinks { params }))
}

impl ExcessiveLinks {
    fn is_public(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        self.params
            .public_domains
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
    }
}

/// The host of a URL: "https://www.ville.ca/a?b" → "www.ville.ca".
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    &rest[..end]
}

/// A URL without its scheme, "www." and trailing slash, to compare links.
fn normalized(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    rest.trim_start_matches("www.")
        .trim_end_matches('/')
        .to_ascii_lowercase()
}

impl Check for ExcessiveLinks {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let external: Vec<_> = cx
            .draft
            .links
            .iter()
            .filter(|l| !l.url.starts_with("mailto:") && !l.url.starts_with('#'))
            .filter(|l| !cx.policy.org.owns_host(host(&l.url)))
            .collect();
        let counted: Vec<_> = external
            .iter()
            .filter(|l| !self.is_public(host(&l.url)))
            .collect();
        if counted.len() > self.params.max_links {
            let over = counted[self.params.max_links];
            out.push(Diagnostic::new(
                over.span.clone(),
                format!(
                    "{} liens vers des sites externes dans une même publication (au plus {}).",
                    counted.len(),
                    self.params.max_links
                ),
                "Gardez le lien le plus utile, ou renvoyez vers une page du site de l'organisation qui regroupe \
                 les renseignements.",
            ));
            return;
        }
        for (i, link) in external.iter().enumerate() {
            let same = |l: &&&crate::draft::Link| normalized(&l.url) == normalized(&link.url);
            let before = external[..i].iter().filter(same).count();
            if before + 1 == self.params.max_repeats {
                out.push(Diagnostic::new(
                    link.span.clone(),
                    format!("Le même lien est répété {} fois.", self.params.max_repeats),
                    "Donnez ce lien une seule fois.",
                ));
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::excerpts;

    #[test]
    fn four_external_links_are_too_many() {
        let text = "Voir https://a.com, https://b.com, [ici](https://c.com) et www.d.com.";
        assert_eq!(
            excerpts("excessive-links", "drummondville", text),
            ["www.d.com"]
        );
    }

    #[test]
    fn the_organisations_own_links_are_not_counted() {
        let text = "Voir https://www.drummondville.ca/a, https://drummondville.ca/b, https://a.com, https://b.com et \
                    https://c.com.";
        assert!(excerpts("excessive-links", "drummondville", text).is_empty());
    }

    #[test]
    fn public_authorities_are_not_counted() {
        let text = "Préparez-vous : https://www.quebec.ca/securite, https://www.canada.ca/meteo, \
                    https://www.sopfeu.qc.ca, https://www.hydroquebec.com/pannes et https://croixrouge.ca";
        assert!(excerpts("excessive-links", "drummondville", text).is_empty());
    }

    #[test]
    fn a_repeated_link_is_spam() {
        let text = "https://promo.com https://promo.com/ et encore www.promo.com";
        assert_eq!(
            excerpts("excessive-links", "drummondville", text),
            ["www.promo.com"]
        );
    }

    #[test]
    fn a_normal_post_with_one_link_is_clean() {
        assert!(
            excerpts(
                "excessive-links",
                "la-sarre",
                "Inscriptions sur https://inscription.ca/ete"
            )
            .is_empty()
        );
    }
}
