//! The built-in profiles, embedded in the binary so that `--profile ID` needs no file:
//! their text, and their layers as the build script read them.

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

/// Builds a profile's layer, given the path its messages name.
type Build = fn(&str) -> super::load::Layer;

// `LAYERS`: every profile as the build script read it (see `profiles` in build.rs).
include!(concat!(env!("OUT_DIR"), "/profiles.rs"));

/// A built-in profile's layer, as [`super::load::parse_layer`] reads it from its text,
/// but read when vigie was built: a run parses no TOML for it.
pub fn layer(id: &str) -> Option<super::load::Layer> {
    source(id)?;
    let (_, build) = LAYERS
        .iter()
        .find(|(file, _)| *file == id)
        .expect("every built-in profile is a file of policies/");
    Some(build(&format!("<profil intégré {id}>")))
}
