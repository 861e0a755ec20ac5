//! `professional-email`: a personal post that gives an address in the organisation's
//! e-mail domain.
//!
//! Why: La Sarre 13.1 and Saint-Urbain (« Accès aux médias sociaux »): « En aucun cas
//! un employé ne peut utiliser son adresse électronique professionnelle puisque cela
//! sous-entend que l'utilisateur agit pour le compte de la Ville » (de la Municipalité).
//!
//! What counts: an address (also written "nom [at] domaine" or in a `mailto:` link) in
//! one of the profile's `email-domains` or their subdomains. The organisation's public
//! addresses (`emails` of the profile or of `vigie.toml`) and service mailboxes
//! ("info@", "loisirs@"…) are shared information, not the employee's own address.
//! A profile without e-mail domains (Saint-Urbain's policy names none) finds nothing
//! until `vigie.toml` adds one under `[organization] email-domains`.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use crate::checks::{Check, Context, ParamError, Rule, params, validate};
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};

pub const RULE: Rule = Rule {
    id: "professional-email",
    name: "Adresse courriel professionnelle",
    doc: "\
Sur un compte personnel, repère une adresse courriel dans le domaine de l'organisation
(par exemple prenom.nom@ville.lasarre.qc.ca) : l'utiliser laisse croire que vous agissez
pour le compte de l'organisation.

Ce qui compte : une adresse du domaine de l'organisation ou d'un de ses sous-domaines,
aussi écrite « nom [at] domaine » ou dans un lien « mailto: ».

Ce qui ne compte pas : les adresses publiques de l'organisation (celles du profil et de
vigie.toml, [organization] emails) et les boîtes de service (info@, loisirs@,
urbanisme@…), une adresse d'un autre domaine (gmail.com…). Si le profil ne connaît aucun
domaine (la politique de Saint-Urbain n'en donne pas), la règle ne signale rien : ajoutez
le domaine dans vigie.toml, [organization] email-domains = [\"…\"].

Exemple : « Pour le tournoi, écrivez-moi à jtremblay@ville.lasarre.qc.ca »
Correction : donnez une adresse personnelle, ou renvoyez vers l'adresse publique du
service concerné.

Réglages : `service-mailboxes` (autres noms de boîtes de service, avant le @).",
    validate: validate::<Params>,
    build,
    explain_profile,
    personal_data: true,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Local parts of service mailboxes, beyond the built-in ones.
    #[serde(default)]
    service_mailboxes: Vec<String>,
}

/// Mailboxes of a service, not of a person.
const SERVICE_MAILBOXES: &[&str] = &[
    "info",
    "information",
    "informations",
    "loisirs",
    "communications",
    "communication",
    "urbanisme",
    "reception",
    "accueil",
    "greffe",
    "taxation",
    "permis",
    "travauxpublics",
    "travaux.publics",
    "travaux-publics",
    "bibliotheque",
    "biblio",
    "incendie",
    "securite",
    "administration",
    "municipalite",
    "ville",
    "mairie",
    "hoteldeville",
    "secretariat",
    "comptabilite",
    "inscription",
    "inscriptions",
    "culture",
    "environnement",
    "emplois",
    "emploi",
    "ressourceshumaines",
    "rh",
    "plaintes",
    "requetes",
    "311",
];

/// An address. Compiled only for a post that may hold one of the organisation's
/// addresses (see [`ProfessionalEmail::may_hold_address`]): its `\p{L}` classes cost
/// more than a millisecond.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)([\p{L}\p{N}][\p{L}\p{N}._%+-]*)\s*(?:@|\[at\]|\(at\)|\[arobase\]|\(arobase\))\s*([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)",
    )
    .expect("e-mail regex")
});

struct ProfessionalEmail {
    domains: Vec<String>,
    public: Vec<String>,
    services: Vec<String>,
}

fn build(settings: &RuleSettings, policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    let lower = |v: &[String]| v.iter().map(|s| s.trim().to_lowercase()).collect();
    Ok(Box::new(ProfessionalEmail {
        domains: lower(&policy.org.email_domains),
        public: lower(&policy.org.emails),
        services: SERVICE_MAILBOXES
            .iter()
            .map(|s| s.to_string())
            .chain(params.service_mailboxes.iter().map(|s| s.to_lowercase()))
            .collect(),
    }))
}

fn explain_profile(policy: &Policy, _: jiff::civil::Date) -> Option<String> {
    Some(if policy.org.email_domains.is_empty() {
        "  Aucun domaine courriel connu pour cette organisation : la règle ne signale rien tant que \
         vigie.toml n'en ajoute pas ([organization] email-domains = [\"…\"])."
            .to_string()
    } else {
        format!(
            "  Domaines de l'organisation : {}.",
            policy.org.email_domains.join(", ")
        )
    })
}

impl ProfessionalEmail {
    /// A cheap test that [`EMAIL`] may find an address in one of our domains: an `@`
    /// or an `[at]`, `(arobase)`… (in any case, as the regex's `(?i)`: the long s "ſ"
    /// is an "s" there) and one of the domains, lowercase.
    fn may_hold_address(&self, text: &str) -> bool {
        const SPELLED: &[&str] = &[
            "@",
            "[at]",
            "(at)",
            "[arobase]",
            "(arobase)",
            "[arobaſe]",
            "(arobaſe)",
        ];
        let lower = text.to_lowercase();
        SPELLED.iter().any(|s| lower.contains(s))
            && self.domains.iter().any(|d| lower.contains(d.as_str()))
    }

    fn is_professional(&self, local: &str, domain: &str) -> bool {
        let domain = domain.to_lowercase();
        let ours = self
            .domains
            .iter()
            .any(|d| domain == *d || domain.ends_with(&format!(".{d}")));
        let local = local.to_lowercase();
        let address = format!("{local}@{domain}");
        ours && !self.public.contains(&address) && !self.services.contains(&local)
    }
}

impl Check for ProfessionalEmail {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if !cx.meta.is_personal() || self.domains.is_empty() {
            return;
        }
        let body = cx.draft.body.clone();
        let text = &cx.draft.source[body.clone()];
        if !self.may_hold_address(text) {
            return;
        }
        for c in EMAIL.captures_iter(text) {
            let (local, domain) = (&c[1], &c[2]);
            if !self.is_professional(local, domain) {
                continue;
            }
            let m = c.get(0).expect("match");
            out.push(Diagnostic::new(
                body.start + m.start()..body.start + m.end(),
                "Adresse courriel professionnelle sur un compte personnel : elle laisse croire que vous \
                 agissez pour le compte de l'organisation.",
                "Donnez une adresse personnelle, ou renvoyez vers l'adresse publique du service concerné.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::excerpts;

    #[test]
    fn an_address_in_the_towns_domain_is_found() {
        assert_eq!(
            excerpts(
                "professional-email",
                "la-sarre",
                "Écrivez-moi à J.Tremblay@ville.lasarre.qc.ca pour le tournoi."
            ),
            ["J.Tremblay@ville.lasarre.qc.ca"]
        );
        assert_eq!(
            excerpts(
                "professional-email",
                "la-sarre",
                "Écrivez à éric.côté@ville.lasarre.qc.ca."
            ),
            ["éric.côté@ville.lasarre.qc.ca"]
        );
        assert_eq!(
            excerpts(
                "professional-email",
                "la-sarre",
                "[Écrivez-moi](mailto:jtremblay@ville.lasarre.qc.ca) ou jtremblay [at] ville.lasarre.qc.ca"
            )
            .len(),
            2
        );
    }

    #[test]
    fn public_and_personal_addresses_are_not_found() {
        for text in [
            "Info : info@ville.lasarre.qc.ca ou communications@ville.lasarre.qc.ca",
            "Inscriptions : loisirs@ville.lasarre.qc.ca",
            "Écrivez-moi à julie.tremblay@gmail.com",
            "Voir https://www.ville.lasarre.qc.ca/emplois",
        ] {
            assert!(
                excerpts("professional-email", "la-sarre", text).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn a_profile_without_domain_finds_nothing() {
        assert!(
            excerpts(
                "professional-email",
                "st-urbain",
                "Écrivez-moi à dg@st-urbain.qc.ca"
            )
            .is_empty()
        );
    }
}
