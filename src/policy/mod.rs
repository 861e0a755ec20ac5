//! Policy profiles: who the organisation is, the articles of its policy, and for each
//! rule whether it applies, how seriously, under which articles, with which settings.
//!
//! A profile is read in layers: a built-in profile, the profiles it `extends`, a custom
//! profile given with `--policy`, then the project's `vigie.toml`. Each layer is parsed
//! and validated on its own, every error collected with its position ([`load`]); the
//! layers are then merged into one resolved [`Policy`].

pub mod builtin;
pub mod consents;
pub mod elections;
pub mod load;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

pub use consents::ConsentRecord;
pub use elections::{ByElection, Elections};

use crate::finding::{Article, Severity};

/// Where a setting was written, to point at it when it turns out to be wrong later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Jurisdiction {
    /// Quebec: the municipal general elections are known by the tool.
    #[default]
    Quebec,
    NewBrunswick,
    Other,
}

/// The organisation as the checks need it: its names and its public contacts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Organization {
    /// Its names: "Ville de La Sarre", "La Sarre".
    #[serde(default)]
    pub names: Vec<String>,
    /// How people refer to it: "la Ville", "la Municipalité".
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Its e-mail domains: "ville.lasarre.qc.ca".
    #[serde(default)]
    pub email_domains: Vec<String>,
    /// Its public e-mail addresses.
    #[serde(default)]
    pub emails: Vec<String>,
    /// Its public phone numbers.
    #[serde(default)]
    pub phones: Vec<String>,
    /// Its websites (links to them are not external).
    #[serde(default)]
    pub websites: Vec<String>,
}

impl Organization {
    /// Adds another layer's names and contacts (a project adds contacts, never removes).
    fn extend(&mut self, other: &Organization) {
        for (mine, theirs) in [
            (&mut self.names, &other.names),
            (&mut self.aliases, &other.aliases),
            (&mut self.email_domains, &other.email_domains),
            (&mut self.emails, &other.emails),
            (&mut self.phones, &other.phones),
            (&mut self.websites, &other.websites),
        ] {
            elections::add_new(mine, theirs, Clone::clone);
        }
    }

    /// Its names, folded for matching ("ville de la sarre", "la sarre").
    pub fn folded_names(&self) -> Vec<String> {
        self.names.iter().map(|n| crate::text::fold(n)).collect()
    }

    /// True when a host name (or a URL's host) belongs to the organisation.
    pub fn owns_host(&self, host: &str) -> bool {
        let host = host.trim_start_matches("www.").to_ascii_lowercase();
        self.email_domains
            .iter()
            .chain(self.websites.iter())
            .map(|d| {
                let d = d.to_ascii_lowercase();
                let d = d
                    .trim_start_matches("https://")
                    .trim_start_matches("http://");
                d.trim_start_matches("www.")
                    .trim_end_matches('/')
                    .to_string()
            })
            .any(|d| host == d || host.ends_with(&format!(".{d}")))
    }
}

/// One rule's resolved settings in a profile.
#[derive(Debug, Clone)]
pub struct RuleSettings {
    pub enabled: bool,
    pub severity: Severity,
    pub articles: Vec<Arc<Article>>,
    /// Narrower articles for some kinds of finding (a phone number and a case file break
    /// different paragraphs of the same article).
    pub kind_articles: BTreeMap<String, Vec<Arc<Article>>>,
    /// The rule's own parameters, merged over the layers.
    pub params: toml::Table,
    /// Where each parameter was last set.
    pub origins: BTreeMap<String, Origin>,
}

/// A resolved profile.
#[derive(Debug, Clone)]
pub struct Policy {
    pub id: String,
    pub name: String,
    /// The policy's title: "Politique d'utilisation des médias sociaux".
    pub title: String,
    /// Adoption date or version of the policy, as the document gives it.
    pub adopted: Option<String>,
    pub jurisdiction: Jurisdiction,
    pub org: Organization,
    pub articles: BTreeMap<String, Arc<Article>>,
    pub rules: BTreeMap<String, RuleSettings>,
    /// By-elections, candidates and parties (`[elections]` of `vigie.toml`).
    pub elections: Elections,
    /// The consent register named by `consents` in `vigie.toml`, loaded and validated.
    pub consents: Vec<ConsentRecord>,
}

impl Policy {
    pub fn rule(&self, id: &str) -> Option<&RuleSettings> {
        self.rules.get(id)
    }

    /// The register's entry that covers a media path with a consent valid on `date`.
    pub fn consent_for(&self, media_path: &str, date: jiff::civil::Date) -> Option<&ConsentRecord> {
        self.consents
            .iter()
            .find(|c| c.covers(media_path) && c.valid_on(date))
    }
}
