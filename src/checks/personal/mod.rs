//! The rules for employees' personal accounts: `opinion-disclaimer`,
//! `speaking-for-organization`, `professional-email` and `negative-about-employer`.
//!
//! Most posts an employee checks go on a personal account (the default account). The
//! policies ask four things of them: say that an opinion on the organisation is
//! personal (La Sarre 13.1, Saint-Urbain principe 5, Drummondville « Membres du
//! personnel »), never answer or commit in the organisation's name, never use the
//! professional e-mail address, and keep the loyalty owed to the employer. The four
//! rules share French helpers: sentences and mentions of the organisation
//! ([`common`]), opinion markers ([`opinion`]), the tolerant disclaimer matcher
//! ([`disclaimer`]) and the venting lexicons ([`venting`]). [`fix`] holds the
//! rewrite behind `vigie check --fix`.

pub mod common;
pub mod disclaimer;
pub mod fix;
pub mod lexicon;
pub mod meaning;
pub mod negative_about_employer;
pub mod opinion;
pub mod opinion_disclaimer;
pub mod professional_email;
pub mod speaking_for_organization;
pub mod venting;

use crate::policy::Policy;

/// How the findings name the organisation: its first alias ("la Ville", "le CPE"), or
/// its name.
pub fn org_label(policy: &Policy) -> String {
    policy
        .org
        .aliases
        .first()
        .or(policy.org.names.first())
        .cloned()
        .unwrap_or_else(|| "l'organisation".into())
}
