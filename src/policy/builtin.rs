//! The built-in profiles, embedded in the binary so that `--profile ID` needs no file.

/// Every built-in profile: its id and its TOML text.
pub const PROFILES: &[(&str, &str)] = &[
    ("la-sarre", include_str!("../../policies/la-sarre.toml")),
    ("st-urbain", include_str!("../../policies/st-urbain.toml")),
    (
        "vallee-des-rivieres",
        include_str!("../../policies/vallee-des-rivieres.toml"),
    ),
    (
        "cpe-premier-pas",
        include_str!("../../policies/cpe-premier-pas.toml"),
    ),
    (
        "drummondville",
        include_str!("../../policies/drummondville.toml"),
    ),
];

/// The text of a built-in profile.
pub fn source(id: &str) -> Option<&'static str> {
    PROFILES.iter().find(|(i, _)| *i == id).map(|(_, s)| *s)
}
