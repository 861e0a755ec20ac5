//! The draft's metadata: what the front matter (or a flag, or `vigie.toml`) says about
//! the post. None of it is published, so none of it is checked as text.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Account {
    /// Un compte de l'organisation.
    Official,
    /// Le compte personnel d'un employé ou d'un élu.
    Personal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Author {
    Employee,
    Communications,
    CouncilMember,
    Candidate,
    Volunteer,
    Contractor,
}

impl Author {
    /// The people of this role, in French, for a message: "les bénévoles".
    pub fn french_plural(self) -> &'static str {
        match self {
            Author::Employee => "les employés",
            Author::Communications => "l'équipe des communications",
            Author::CouncilMember => "les élus",
            Author::Candidate => "les candidats",
            Author::Volunteer => "les bénévoles",
            Author::Contractor => "les fournisseurs et sous-traitants",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Platform {
    Facebook,
    X,
    Instagram,
    Linkedin,
    Tiktok,
    Youtube,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum People {
    None,
    Crowd,
    Identifiable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Consent {
    Obtained,
    NotObtained,
    Unknown,
    PublicEvent,
}

/// Enumerated values are read whatever their case (`platform = "Facebook"`): people
/// write them as they see them in the application. The names are the command line's.
macro_rules! case_insensitive {
    ($($t:ty),*) => {$(
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                let text = String::deserialize(d)?;
                <$t as clap::ValueEnum>::from_str(text.trim(), true).map_err(|_| {
                    let names: Vec<String> = <$t as clap::ValueEnum>::value_variants()
                        .iter()
                        .filter_map(|v| clap::ValueEnum::to_possible_value(v))
                        .map(|p| format!("`{}`", p.get_name()))
                        .collect();
                    // serde's own wording, which the French translation reads.
                    serde::de::Error::custom(format!(
                        "unknown variant `{text}`, expected one of {}",
                        names.join(", ")
                    ))
                })
            }
        }
    )*};
}

case_insensitive!(Account, Author, Platform, People, Consent);

/// A photo or video attached to the post.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Media {
    pub path: String,
    pub people: Option<People>,
    pub minors: Option<bool>,
    pub consent: Option<Consent>,
    pub credit: Option<String>,
    pub alt: Option<String>,
}

/// A deliberate exception to a rule, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ignore {
    pub rule: String,
    pub reason: String,
    pub until: Option<DateText>,
}

/// A date or date-time, written `2025-10-12` or `2025-10-12T19:30:00`, as a TOML date
/// or as a string. Kept as text; [`DateText::parse`] gives the typed value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateText(pub String);

/// A publication moment: a day, or a day and a local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishAt {
    Date(jiff::civil::Date),
    DateTime(jiff::civil::DateTime),
}

impl PublishAt {
    pub fn date(&self) -> jiff::civil::Date {
        match self {
            PublishAt::Date(d) => *d,
            PublishAt::DateTime(dt) => dt.date(),
        }
    }
}

impl fmt::Display for PublishAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishAt::Date(d) => write!(f, "{d}"),
            PublishAt::DateTime(dt) => write!(f, "{}", dt.strftime("%Y-%m-%d %H:%M")),
        }
    }
}

/// The years a date may fall in. The election calendar looks a few years around a
/// publication date, and jiff stops at 9999: a date far outside any real publication is
/// an input error, not a crash.
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2999;

impl DateText {
    /// Parses the text as a date or a local date-time (an offset, if any, is dropped:
    /// the policies speak of local time); the year must be in [`YEARS`].
    pub fn parse(&self) -> Result<PublishAt, String> {
        let at = self.parse_any()?;
        if YEARS.contains(&at.date().year()) {
            Ok(at)
        } else {
            Err(format!(
                "date hors limites « {} » : vigie accepte les années {} à {}",
                self.0.trim(),
                YEARS.start(),
                YEARS.end()
            ))
        }
    }

    fn parse_any(&self) -> Result<PublishAt, String> {
        let s = self.0.trim();
        // jiff reads a date-time as a date (dropping the time): only a bare date is one.
        if s.len() == 10
            && let Ok(d) = s.parse::<jiff::civil::Date>()
        {
            return Ok(PublishAt::Date(d));
        }
        if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
            return Ok(PublishAt::DateTime(dt));
        }
        if let Ok(z) = s.parse::<jiff::Timestamp>() {
            let dt = z.to_zoned(jiff::tz::TimeZone::UTC).datetime();
            // Keep the local wall-clock time written before the offset.
            if let Some(local) = s
                .get(..19)
                .and_then(|p| p.parse::<jiff::civil::DateTime>().ok())
            {
                return Ok(PublishAt::DateTime(local));
            }
            return Ok(PublishAt::DateTime(dt));
        }
        Err(format!(
            "date invalide « {s} » : écrivez AAAA-MM-JJ (par exemple 2025-10-12) ou AAAA-MM-JJTHH:MM:SS"
        ))
    }
}

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DateText, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = DateText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2025-10-12")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
            // TOML dates arrive as a one-entry map holding their text.
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<DateText, A::Error> {
                let entry: Option<(String, String)> = map.next_entry()?;
                match entry {
                    Some((_, v)) => Ok(DateText(v)),
                    None => Err(serde::de::Error::custom("empty date")),
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// Front matter as written: every key optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub account: Option<Account>,
    pub author: Option<Author>,
    pub platform: Option<Platform>,
    pub publish_at: Option<DateText>,
    pub reply_to_language: Option<String>,
    pub emergency: Option<bool>,
    #[serde(default)]
    pub media: Vec<Media>,
    #[serde(default)]
    pub ignore: Vec<Ignore>,
}

impl FrontMatter {
    /// Fills what this one leaves unsaid from `defaults` (flags over front matter over
    /// configuration: call it from the strongest layer down).
    pub fn or(mut self, defaults: &FrontMatter) -> FrontMatter {
        self.account = self.account.or(defaults.account);
        self.author = self.author.or(defaults.author);
        self.platform = self.platform.or(defaults.platform);
        self.publish_at = self.publish_at.or_else(|| defaults.publish_at.clone());
        self.reply_to_language = self
            .reply_to_language
            .or_else(|| defaults.reply_to_language.clone());
        self.emergency = self.emergency.or(defaults.emergency);
        if self.media.is_empty() {
            self.media = defaults.media.clone();
        }
        if self.ignore.is_empty() {
            self.ignore = defaults.ignore.clone();
        }
        self
    }
}

/// The metadata a check sees: every default resolved.
#[derive(Debug, Clone)]
pub struct Meta {
    pub account: Account,
    pub author: Option<Author>,
    pub platform: Option<Platform>,
    pub publish_at: PublishAt,
    pub reply_to_language: Option<String>,
    pub emergency: bool,
    pub media: Vec<Media>,
    pub ignore: Vec<Ignore>,
}

impl Meta {
    pub fn is_personal(&self) -> bool {
        self.account == Account::Personal
    }

    /// Whether a rule that binds only `authors` (a profile's `authors` setting; `None`
    /// for every role) reads this post: always when the author is not given.
    pub fn bound_by(&self, authors: Option<&[Author]>) -> bool {
        match (self.author, authors) {
            (Some(author), Some(bound)) => bound.contains(&author),
            _ => true,
        }
    }
}
