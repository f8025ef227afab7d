//! Dates at the precision the source supports: a year, a month or a day.
//!
//! In: strings such as `2025`, `2025-03`, `2025-05-06` (and YAML integers for years).
//! Out: [`PartialDate`] and [`EventDate`] values that sort, compare by coverage and display
//! at their true precision ("March 2025", never "1 March 2025").

use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;
use std::fmt;

/// A date that cannot be used, with what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error(
        "invalid date \"{0}\": write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025, 2025-03, 2025-05-06)"
    )]
    Format(String),
    /// Year 0000, which the calendar does not have (1 BC is followed by AD 1).
    #[error("invalid date \"{0}\": there is no year 0000; years run from 0001 to 9999")]
    YearZero(String),
    /// A month outside 01 to 12.
    #[error("invalid date \"{text}\": month {month} does not exist (use 01 to 12)")]
    NoSuchMonth {
        /// The date as written.
        text: String,
        /// The month it names.
        month: u32,
    },
    /// A day the month does not have.
    #[error("invalid date \"{text}\": {} {year} has no day {day}", month_name(*month))]
    NoSuchDay {
        /// The date as written.
        text: String,
        /// Its year.
        year: i32,
        /// Its month.
        month: u32,
        /// The day the month does not have.
        day: u32,
    },
    /// A range that ends before it starts.
    #[error("`end` {end} is before `date` {start}: swap them or fix the end date")]
    EndBeforeStart {
        /// The start.
        start: PartialDate,
        /// The end, before the start.
        end: PartialDate,
    },
}

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// The year and the month.
    Month,
    /// The exact day.
    Day,
}

/// A calendar date known to year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12, when known.
    pub month: Option<u32>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u32>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Full English month name for 1..=12.
pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month.clamp(1, 12) - 1) as usize]
}

impl PartialDate {
    /// A year.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A month of a year.
    pub fn month(year: i32, month: u32) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A day.
    pub fn day(date: NaiveDate) -> Self {
        PartialDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let parts: Vec<&str> = text.split('-').collect();
        let bad = || DateError::Format(text.to_string());
        let number = |s: &str, len: usize| -> Option<u32> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let month = |m: u32| {
            if (1..=12).contains(&m) {
                Ok(m)
            } else {
                Err(DateError::NoSuchMonth {
                    text: text.to_string(),
                    month: m,
                })
            }
        };
        if parts.first().is_some_and(|y| *y == "0000") {
            return Err(DateError::YearZero(text.to_string()));
        }
        match parts.as_slice() {
            [y] => {
                let year = number(y, 4).ok_or_else(bad)?;
                Ok(PartialDate::year(year as i32))
            }
            [y, m] => {
                let year = number(y, 4).ok_or_else(bad)?;
                let m = month(number(m, 2).ok_or_else(bad)?)?;
                Ok(PartialDate::month(year as i32, m))
            }
            [y, m, d] => {
                let year = number(y, 4).ok_or_else(bad)?;
                let m = number(m, 2).ok_or_else(bad)?;
                let day = number(d, 2).ok_or_else(bad)?;
                let m = month(m)?;
                NaiveDate::from_ymd_opt(year as i32, m, day)
                    .map(PartialDate::day)
                    .ok_or_else(|| DateError::NoSuchDay {
                        text: text.to_string(),
                        year: year as i32,
                        month: m,
                        day,
                    })
            }
            _ => Err(bad()),
        }
    }

    /// First day covered by this date.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// Last day covered by this date.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => {
                let (ny, nm) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// ISO 8601 at its own precision: `2025`, `2025-03`, `2025-05-06`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// Human form at its own precision: `2025`, `March 2025`, `6 May 2025`.
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// Coarser dates sort before finer ones that start on the same day, so "March 2025" heads the
/// events of March.
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0)).cmp(&(
            other.year,
            other.month.unwrap_or(0),
            other.day.unwrap_or(0),
        ))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// When an event happened: a start, an optional end (a range) and whether it is approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventDate {
    /// The first (or only) date.
    pub start: PartialDate,
    /// The last date of a range (never equal to `start`).
    pub end: Option<PartialDate>,
    /// Shown as "c." (circa).
    pub approximate: bool,
}

impl EventDate {
    /// A date or range, refusing an end before the start; an end equal to the start is dropped.
    pub fn new(start: PartialDate, end: Option<PartialDate>) -> Result<Self, DateError> {
        if let Some(end) = end {
            if end.last_day() < start.first_day() {
                return Err(DateError::EndBeforeStart { start, end });
            }
        }
        // An end equal to the start adds nothing and would print "6-6 May".
        let end = end.filter(|e| *e != start);
        Ok(EventDate {
            start,
            end,
            approximate: false,
        })
    }

    /// First day covered.
    pub fn first_day(&self) -> NaiveDate {
        self.start.first_day()
    }

    /// Last day covered.
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or(self.start).last_day()
    }

    /// Human form: "6 May 2025", "6-7 May 2025", "30 April - 2 May 2025", "March 2025",
    /// "December 2024 - January 2025"; "c." in front when approximate.
    pub fn human(&self) -> String {
        let core = match self.end {
            None => self.start.human(),
            Some(end) => {
                let (s, e) = (self.start, end);
                match (s.precision(), e.precision()) {
                    (Precision::Day, Precision::Day) if s.year == e.year && s.month == e.month => {
                        format!(
                            "{}\u{2013}{} {} {}",
                            s.day.unwrap_or(1),
                            e.day.unwrap_or(1),
                            month_name(s.month.unwrap_or(1)),
                            s.year
                        )
                    }
                    (Precision::Day, Precision::Day) if s.year == e.year => format!(
                        "{} {} \u{2013} {} {} {}",
                        s.day.unwrap_or(1),
                        month_name(s.month.unwrap_or(1)),
                        e.day.unwrap_or(1),
                        month_name(e.month.unwrap_or(1)),
                        s.year
                    ),
                    (Precision::Month, Precision::Month) if s.year == e.year => format!(
                        "{}\u{2013}{} {}",
                        month_name(s.month.unwrap_or(1)),
                        month_name(e.month.unwrap_or(1)),
                        s.year
                    ),
                    _ => format!("{} \u{2013} {}", s.human(), e.human()),
                }
            }
        };
        if self.approximate {
            format!("c. {core}")
        } else {
            core
        }
    }

    /// Machine form for `<time datetime>` and exports: `2025-05-06` or `2025-05-06/2025-05-07`.
    pub fn iso(&self) -> String {
        match self.end {
            Some(end) => format!("{}/{}", self.start.iso(), end.iso()),
            None => self.start.iso(),
        }
    }

    /// Whether two dates can describe the same happening: they overlap once each is widened
    /// to the whole period it names.
    pub fn overlaps(&self, other: &EventDate) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }

    /// Whether every day `other` covers is one of these days (a meeting held within a trip).
    pub fn contains(&self, other: &EventDate) -> bool {
        self.first_day() <= other.first_day() && other.last_day() <= self.last_day()
    }
}

impl Ord for EventDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start
            .cmp(&other.start)
            .then_with(|| self.end.cmp(&other.end))
    }
}

impl PartialOrd for EventDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("2025").precision(), Precision::Year);
        assert_eq!(d("2025-03").precision(), Precision::Month);
        assert_eq!(d("2025-05-06").precision(), Precision::Day);
    }

    #[test]
    fn rejects_impossible_dates_with_reason() {
        assert!(PartialDate::parse("2025-13-01")
            .unwrap_err()
            .to_string()
            .contains("month 13"));
        assert!(PartialDate::parse("2025-02-30")
            .unwrap_err()
            .to_string()
            .contains("no day 30"));
        assert!(PartialDate::parse("25-01-01").is_err());
        assert!(PartialDate::parse("2025/01/01").is_err());
        // Four digits, from 0001 to 9999.
        assert!(PartialDate::parse("0000-01-01").is_err());
        assert!(PartialDate::parse("10000").is_err());
        assert_eq!(PartialDate::parse("0001").unwrap().iso(), "0001");
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn month_precision_never_shows_a_day() {
        assert_eq!(d("2025-03").human(), "March 2025");
        assert_eq!(d("2025").human(), "2025");
        assert_eq!(d("2025-05-06").human(), "6 May 2025");
    }

    #[test]
    fn ranges_display_compactly() {
        let r = EventDate::new(d("2025-05-06"), Some(d("2025-05-07"))).unwrap();
        assert_eq!(r.human(), "6\u{2013}7 May 2025");
        let r = EventDate::new(d("2025-04-30"), Some(d("2025-05-02"))).unwrap();
        assert_eq!(r.human(), "30 April \u{2013} 2 May 2025");
        let r = EventDate::new(d("2024-12-30"), Some(d("2025-01-02"))).unwrap();
        assert_eq!(r.human(), "30 December 2024 \u{2013} 2 January 2025");
        assert_eq!(r.iso(), "2024-12-30/2025-01-02");
    }

    #[test]
    fn end_before_start_is_an_error_and_equal_end_collapses() {
        assert!(EventDate::new(d("2025-05-07"), Some(d("2025-05-06"))).is_err());
        let same = EventDate::new(d("2025-05-07"), Some(d("2025-05-07"))).unwrap();
        assert_eq!(same.end, None);
    }

    #[test]
    fn month_covers_its_days() {
        assert_eq!(d("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(d("2025-12").last_day().to_string(), "2025-12-31");
        let march = EventDate::new(d("2025-03"), None).unwrap();
        let day = EventDate::new(d("2025-03-26"), None).unwrap();
        assert!(march.overlaps(&day));
        let april = EventDate::new(d("2025-04-01"), None).unwrap();
        assert!(!march.overlaps(&april));
    }

    #[test]
    fn coarse_sorts_before_fine_in_same_period() {
        assert!(d("2025-03") < d("2025-03-01"));
        assert!(d("2025") < d("2025-01"));
        assert!(d("2024-12-31") < d("2025"));
    }
}
