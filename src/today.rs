//! Today's date in the local time zone, without loading the time-zone database.
//!
//! `jiff::Zoned::now()` looks the system's zone up by name in the whole zoneinfo
//! folder, which lists it first: about 140 system calls and 3 million instructions, more
//! than checking a short post. The local zone is one file: the one `TZ` names, or
//! `/etc/localtime`. This reads that file alone, and falls back to jiff's own lookup
//! when it cannot (another system, an odd `TZ`).

use jiff::tz::TimeZone;

/// Today's date where the user is.
pub fn today() -> jiff::civil::Date {
    let now = jiff::Timestamp::now();
    match local_zone(std::env::var("TZ").ok().as_deref()) {
        Some(tz) => now.to_zoned(tz).date(),
        None => jiff::Zoned::now().date(),
    }
}

/// Where the system keeps its zone files.
const ZONEINFO: &str = "/usr/share/zoneinfo";

/// The zone `TZ` (its value given) names, or the system's; `None` when it takes more
/// than reading one file.
fn local_zone(tz: Option<&str>) -> Option<TimeZone> {
    if !cfg!(unix) {
        return None;
    }
    let Some(tz) = tz else {
        let data = std::fs::read("/etc/localtime").ok()?;
        return TimeZone::tzif("Local", &data).ok();
    };
    // POSIX: an empty TZ is UTC; a leading ':' introduces a name or a path.
    if tz.is_empty() {
        return Some(TimeZone::UTC);
    }
    let name = tz.strip_prefix(':').unwrap_or(tz);
    let path = if name.starts_with('/') {
        std::path::PathBuf::from(name)
    } else if name.split('/').any(|part| part == "..") {
        return None;
    } else {
        std::path::Path::new(ZONEINFO).join(name)
    };
    match std::fs::read(&path) {
        Ok(data) => TimeZone::tzif(name, &data).ok(),
        // Not a file: a POSIX rule such as "EST5EDT,M3.2.0,M11.1.0".
        Err(_) => TimeZone::posix(name).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The zone read from one file gives the same offset as jiff's database lookup.
    #[test]
    fn a_named_zone_matches_the_database() {
        let now = jiff::Timestamp::now();
        for name in ["America/Montreal", "America/Moncton", "UTC", "Asia/Kolkata"] {
            let Ok(expected) = TimeZone::get(name) else {
                continue;
            };
            let tz = local_zone(Some(name)).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(tz.to_offset(now), expected.to_offset(now), "{name}");
        }
    }

    #[test]
    fn posix_rules_empty_tz_and_the_system_zone() {
        let now = jiff::Timestamp::now();
        let winter = jiff::Timestamp::from_second(1_736_000_000).unwrap();
        let tz = local_zone(Some("EST5EDT,M3.2.0,M11.1.0")).unwrap();
        assert_eq!(tz.to_offset(winter), jiff::tz::offset(-5));
        assert_eq!(
            local_zone(Some("")).unwrap().to_offset(now),
            jiff::tz::offset(0)
        );
        assert!(local_zone(Some("../../etc/passwd")).is_none());
        if let Some(system) = local_zone(None) {
            assert_eq!(system.to_offset(now), TimeZone::system().to_offset(now));
        }
    }
}
