//! Fuzz target: any bytes as a profile (`--policy FILE`) and as a `vigie.toml`, loaded as
//! the command line loads them (size limit, UTF-8, TOML, `extends`, every rule's
//! parameters compiled, word notations counted). Nothing may panic: a broken file gives
//! problems, each naming the file.
//!
//! Run: RUSTC_BOOTSTRAP=1 cargo fuzz run load_policy -- -max_total_time=600

#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie::engine::{Engine, ProfileChoice};

static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("vigie-fuzz-policy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
});

fuzz_target!(|data: &[u8]| {
    let profile = DIR.join("profil.toml");
    let config = DIR.join("vigie.toml");
    std::fs::write(&profile, data).expect("write the profile");
    std::fs::write(&config, data).expect("write the config");
    let as_policy = ProfileChoice { policy: Some(profile), ..Default::default() };
    if let Err(problems) = Engine::load(&as_policy, None) {
        assert!(!problems.is_empty());
    }
    let with_profile = ProfileChoice { profile: Some("la-sarre".into()), ..Default::default() };
    for choice in [ProfileChoice::default(), with_profile] {
        if let Err(problems) = Engine::load(&choice, Some(&config)) {
            assert!(!problems.is_empty());
        }
    }
});
