//! The commented `vigie.toml` that `vigie init --profile ID` writes: the team's
//! settings around the chosen profile, with that profile's rules only, each at its
//! level and with the articles behind it, so a team sees what its policy checks and
//! never switches on a rule its policy does not have.

use crate::checks::RULES;
use crate::finding::Severity;
use crate::policy::Policy;
use crate::report::article_label;

const TEMPLATE: &str = include_str!("init_template.toml");

/// The configuration file for a profile.
pub fn render(policy: &Policy) -> String {
    let enabled: Vec<_> = RULES
        .iter()
        .filter_map(|r| Some((r.id, policy.rule(r.id).filter(|s| s.enabled)?)))
        .collect();
    let mut rules = String::new();
    for (id, settings) in &enabled {
        let mut labels: Vec<String> = Vec::new();
        for a in &settings.articles {
            let label = article_label(a);
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        let level = format!("severity = \"{}\"", severity_key(settings.severity));
        rules.push_str(&format!(
            "[rules.{id}]\n{level:<28}# {}\n\n",
            labels.join(", ")
        ));
    }
    // The example of a per-path level names a rule the profile has.
    let override_rule = enabled
        .iter()
        .map(|(id, _)| *id)
        .find(|id| *id == "shouting")
        .or_else(|| enabled.first().map(|(id, _)| *id))
        .unwrap_or("confidential-data");
    TEMPLATE
        .replace("{profile}", &policy.id)
        .replace("{rules}", &rules)
        .replace("{override_rule}", override_rule)
}

fn severity_key(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}
