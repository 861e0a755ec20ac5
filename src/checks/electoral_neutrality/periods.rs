//! Electoral periods: when an organisation's official accounts must stay neutral.
//!
//! Quebec municipalities all hold their general elections on the first Sunday of
//! November every four years since 2005 (2017-11-05, 2021-11-07, 2025-11-02,
//! 2029-11-04, …). The electoral period runs from the 44th day before polling day to
//! 20:00 on polling day, Quebec time (America/Toronto). [`EXCEPTIONS`] holds the years
//! the law moved the start (2021: from 2021-09-17). By-elections come from the project's
//! `vigie.toml` and follow the same rule unless they give their own first day.
//!
//! A publication moment without a time (`publish_at = 2025-11-02`) counts as inside the
//! period on polling day: the post may go out before 20:00. Give the time
//! (`2025-11-02T20:30:00`) for a post published after the polls close.

use jiff::civil::{Date, DateTime, Weekday, date};

use crate::draft::PublishAt;
use crate::policy::{Jurisdiction, Policy};

/// The time zone of Quebec municipal elections.
pub const TIME_ZONE: &str = "America/Toronto";

/// The first year of simultaneous general elections in Quebec municipalities.
const FIRST_GENERAL: i16 = 2005;

/// Years whose electoral period does not start on the 44th day before polling day.
const EXCEPTIONS: &[(i16, Date)] = &[(2021, date(2021, 9, 17))];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    General,
    ByElection(Option<String>),
    /// A municipal vote the post itself says is under way ("vote par anticipation
    /// aujourd'hui", "élection partielle – district 3") on a day no known period covers:
    /// a by-election the profile was not told of.
    Announced,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub kind: Kind,
    pub start: Date,
    pub polling_day: Date,
}

impl Period {
    /// Polls close at 20:00 on polling day.
    pub fn end(&self) -> DateTime {
        self.polling_day.at(20, 0, 0, 0)
    }

    /// The close of the polls as an instant, in Quebec time.
    pub fn end_zoned(&self) -> Result<jiff::Zoned, jiff::Error> {
        self.end().in_tz(TIME_ZONE)
    }

    pub fn contains(&self, at: PublishAt) -> bool {
        match at {
            PublishAt::Date(d) => self.start <= d && d <= self.polling_day,
            PublishAt::DateTime(dt) => self.start.at(0, 0, 0, 0) <= dt && dt < self.end(),
        }
    }

    /// "les élections municipales générales du 2 novembre 2025".
    pub fn label(&self) -> String {
        match &self.kind {
            Kind::General => format!(
                "les élections municipales générales du {}",
                french_date(self.polling_day)
            ),
            Kind::ByElection(Some(name)) => format!(
                "l'élection partielle ({name}) du {}",
                french_date(self.polling_day)
            ),
            Kind::ByElection(None) => {
                format!("l'élection partielle du {}", french_date(self.polling_day))
            }
            Kind::Announced => "l'élection municipale dont parle la publication".into(),
        }
    }

    /// "du 19 septembre 2025 au 2 novembre 2025 à 20 h".
    pub fn span_label(&self) -> String {
        format!(
            "du {} au {} à 20 h (heure du Québec)",
            french_date(self.start),
            french_date(self.polling_day)
        )
    }
}

/// Polling day of the Quebec municipal general election of `year`, if there is one.
pub fn general_polling_day(year: i16) -> Option<Date> {
    if year < FIRST_GENERAL || (year - FIRST_GENERAL) % 4 != 0 {
        return None;
    }
    Date::new(year, 11, 1)
        .and_then(|d| d.nth_weekday_of_month(1, Weekday::Sunday))
        .ok()
}

/// The electoral period of the Quebec general election of `year`.
pub fn general_period(year: i16) -> Option<Period> {
    let polling_day = general_polling_day(year)?;
    let start = EXCEPTIONS
        .iter()
        .find(|(y, _)| *y == year)
        .map(|(_, d)| *d)
        .unwrap_or_else(|| forty_fourth_day_before(polling_day));
    Some(Period {
        kind: Kind::General,
        start,
        polling_day,
    })
}

fn forty_fourth_day_before(polling_day: Date) -> Date {
    polling_day
        .checked_sub(jiff::Span::new().days(44))
        .unwrap_or(polling_day)
}

/// Every period the profile knows near `year` (general ones for Quebec profiles, and
/// the configured by-elections), sorted by start.
pub fn periods(policy: &Policy, year: i16) -> Vec<Period> {
    let mut out = Vec::new();
    if policy.jurisdiction == Jurisdiction::Quebec {
        out.extend((year - 1..=year + 4).filter_map(general_period));
    }
    for b in &policy.elections.by_elections {
        out.push(Period {
            kind: Kind::ByElection(b.name.clone()),
            start: b
                .from
                .unwrap_or_else(|| forty_fourth_day_before(b.polling_day)),
            polling_day: b.polling_day,
        });
    }
    out.sort_by_key(|p| p.start);
    out
}

/// Words by which a post says a municipal vote is under way, on folded text.
const UNDER_WAY: &[&str] = &[
    "election partielle",
    "elections partielles",
    "vote par anticipation",
    "jour du vote",
    "jour du scrutin",
    "bureau de vote",
    "bureaux de vote",
    "avant le vote",
    "debat des candidat",
    "candidats du district",
    "candidates du district",
    "candidats a la mairie",
    "candidates a la mairie",
    "periode electorale",
    "campagne electorale",
    "local de campagne",
    "local electoral",
];

/// Words of another level of government or its parties: a provincial or federal vote
/// leaves the organisation's accounts under their usual rules.
const OTHER_LEVEL: &[&str] = &[
    "provincial",
    "federal",
    "depute",
    "circonscription",
    "assemblee nationale",
    "chambre des communes",
    "premier ministre",
    "a quebec",
    "a ottawa",
    // The parties of Quebec and Canada: municipal teams have their own names.
    "liberal",
    "caq",
    "coalition avenir",
    "parti quebecois",
    "pequiste",
    "quebec solidaire",
    "conservateur",
    "bloc quebecois",
    "npd",
    "nouveau parti democratique",
];

/// A period for a post that says a municipal vote is under way (folded `text`), on its
/// own publication day: by-elections are often not in the project's `vigie.toml`, and
/// a post that speaks of the vote is read with the care the period asks.
pub fn announced(text: &str, at: PublishAt) -> Option<Period> {
    let under_way =
        UNDER_WAY.iter().any(|w| text.contains(w)) && !OTHER_LEVEL.iter().any(|w| text.contains(w));
    under_way.then(|| Period {
        kind: Kind::Announced,
        start: at.date(),
        polling_day: at.date(),
    })
}

/// The period a publication falls in, if any.
pub fn period_at(policy: &Policy, at: PublishAt) -> Option<Period> {
    periods(policy, at.date().year())
        .into_iter()
        .find(|p| p.contains(at))
}

/// The period in progress on `today`, or the next one: (period, in progress).
pub fn current_or_next(policy: &Policy, today: Date) -> Option<(Period, bool)> {
    let all = periods(policy, today.year());
    if let Some(p) = all.iter().find(|p| p.contains(PublishAt::Date(today))) {
        return Some((p.clone(), true));
    }
    all.into_iter()
        .find(|p| p.start > today)
        .map(|p| (p, false))
}

/// "2 novembre 2025", "1er septembre 2025".
pub fn french_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let day = if d.day() == 1 {
        "1er".to_string()
    } else {
        d.day().to_string()
    };
    format!("{day} {} {}", MONTHS[d.month() as usize - 1], d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> PublishAt {
        crate::draft::DateText(s.into()).parse().unwrap()
    }

    #[test]
    fn polling_days_are_the_first_sunday_of_november_every_four_years() {
        assert_eq!(general_polling_day(2005), Some(date(2005, 11, 6)));
        assert_eq!(general_polling_day(2017), Some(date(2017, 11, 5)));
        assert_eq!(general_polling_day(2021), Some(date(2021, 11, 7)));
        assert_eq!(general_polling_day(2025), Some(date(2025, 11, 2)));
        assert_eq!(general_polling_day(2029), Some(date(2029, 11, 4)));
        assert_eq!(general_polling_day(2033), Some(date(2033, 11, 6)));
        assert_eq!(general_polling_day(2026), None);
        assert_eq!(general_polling_day(2001), None);
    }

    #[test]
    fn a_year_past_the_calendar_has_no_election_and_no_panic() {
        assert_eq!(general_polling_day(10_001), None);
        assert_eq!(general_period(i16::MAX - 2), None);
    }

    #[test]
    fn the_period_starts_on_the_44th_day_before_save_exceptions() {
        assert_eq!(general_period(2025).unwrap().start, date(2025, 9, 19));
        assert_eq!(general_period(2017).unwrap().start, date(2017, 9, 22));
        assert_eq!(general_period(2029).unwrap().start, date(2029, 9, 21));
        assert_eq!(general_period(2021).unwrap().start, date(2021, 9, 17));
    }

    #[test]
    fn edges_of_the_2025_period() {
        let p = general_period(2025).unwrap();
        assert!(!p.contains(at("2025-09-18")));
        assert!(!p.contains(at("2025-09-18T23:59:00")));
        assert!(p.contains(at("2025-09-19")));
        assert!(p.contains(at("2025-09-19T00:00:00")));
        assert!(p.contains(at("2025-11-02T19:59:00")));
        assert!(!p.contains(at("2025-11-02T20:00:00")));
        assert!(!p.contains(at("2025-11-02T20:01:00")));
        // A date without a time on polling day: the post may go out before 20:00.
        assert!(p.contains(at("2025-11-02")));
        assert!(!p.contains(at("2025-11-03")));
    }

    #[test]
    fn polls_close_at_20_h_eastern_standard_time() {
        // Daylight saving time ends at 2:00 on polling day: 20:00 is UTC-5.
        let end = general_period(2025).unwrap().end_zoned().unwrap();
        assert_eq!(end.timestamp().to_string(), "2025-11-03T01:00:00Z");
    }

    #[test]
    fn only_quebec_profiles_know_the_general_elections() {
        let quebec = crate::load_builtin_policy("la-sarre").unwrap();
        assert!(period_at(&quebec, at("2021-09-17")).is_some());
        assert!(period_at(&quebec, at("2021-09-16")).is_none());
        let mut nb = crate::load_builtin_policy("vallee-des-rivieres").unwrap();
        assert!(period_at(&nb, at("2025-10-15")).is_none());
        nb.elections.by_elections.push(crate::policy::ByElection {
            polling_day: date(2026, 5, 10),
            from: None,
            name: Some("quartier 2".into()),
        });
        let p = period_at(&nb, at("2026-04-01")).unwrap();
        assert_eq!(p.start, date(2026, 3, 27));
        assert_eq!(
            p.label(),
            "l'élection partielle (quartier 2) du 10 mai 2026"
        );
    }

    #[test]
    fn current_or_next_period() {
        let policy = crate::load_builtin_policy("drummondville").unwrap();
        let (p, now) = current_or_next(&policy, date(2025, 10, 1)).unwrap();
        assert!(now);
        assert_eq!(p.polling_day, date(2025, 11, 2));
        let (p, now) = current_or_next(&policy, date(2026, 11, 22)).unwrap();
        assert!(!now);
        assert_eq!(p.polling_day, date(2029, 11, 4));
        assert_eq!(
            p.span_label(),
            "du 21 septembre 2029 au 4 novembre 2029 à 20 h (heure du Québec)"
        );
        assert_eq!(french_date(date(2025, 9, 1)), "1er septembre 2025");
    }
}
