//! Time as an input: seconds since the Unix epoch, UTC, with RFC 3339 parsing and formatting.
//!
//! The core never reads a clock (`SystemTime::now()` panics on wasm32); the caller passes the
//! time to check at, and only the binding layer and the CLI fill in "now".

use std::fmt;

use crate::error::{Code, Finding};

/// A point in time, whole seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub struct Time(pub i64);

impl Time {
    /// Seconds since the Unix epoch.
    pub const fn unix(self) -> i64 {
        self.0
    }

    /// The time at the given civil date and time, UTC. `None` for an impossible date.
    pub fn from_civil(year: i64, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> Option<Time> {
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let days = days_from_civil(year, month, day);
        let secs = days
            .checked_mul(86_400)?
            .checked_add(i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second.min(59)))?;
        Some(Time(secs))
    }

    /// Parses RFC 3339 (`2026-11-25T12:00:00Z`, `2026-11-25T15:00:00+03:00`, fractions ignored);
    /// a bare date (`2026-11-25`) means its midnight UTC.
    ///
    /// # Errors
    /// `OPTIONS_TIME` when the text is not such a time.
    pub fn parse_rfc3339(text: &str) -> Result<Time, Finding> {
        parse(text.trim()).ok_or_else(|| Finding::new(Code::OptionsTime).arg("value", text))
    }

    /// The civil date and time, UTC: (year, month, day, hour, minute, second).
    pub fn civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.0.div_euclid(86_400);
        let rem = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let rem = u32::try_from(rem).unwrap_or(0);
        (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
    }

    /// The date as `DD.MM.YYYY`, as Russian documents write it.
    pub fn ru_date(self) -> String {
        let (y, m, d, ..) = self.civil();
        format!("{d:02}.{m:02}.{y:04}")
    }
}

impl fmt::Display for Time {
    /// RFC 3339 UTC, such as `2026-11-25T12:00:00Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = self.civil();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

impl serde::Serialize for Time {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, u32::try_from(m).unwrap_or(1), u32::try_from(d).unwrap_or(1))
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse(text: &str) -> Option<Time> {
    let date = text.get(..10)?;
    let year = i64::from(digits(date.get(0..4)?)?);
    if date.get(4..5)? != "-" || date.get(7..8)? != "-" {
        return None;
    }
    let month = digits(date.get(5..7)?)?;
    let day = digits(date.get(8..10)?)?;
    let rest = text.get(10..)?;
    if rest.is_empty() {
        return Time::from_civil(year, month, day, 0, 0, 0);
    }
    let sep = rest.get(..1)?;
    if !matches!(sep, "T" | "t" | " ") {
        return None;
    }
    let clock = rest.get(1..)?;
    let hour = digits(clock.get(0..2)?)?;
    let minute = digits(clock.get(3..5)?)?;
    let second = digits(clock.get(6..8)?)?;
    if clock.get(2..3)? != ":" || clock.get(5..6)? != ":" {
        return None;
    }
    let mut zone = clock.get(8..)?;
    if let Some(frac) = zone.strip_prefix('.') {
        let end = frac.find(|c: char| !c.is_ascii_digit()).unwrap_or(frac.len());
        if end == 0 {
            return None;
        }
        zone = frac.get(end..)?;
    }
    let offset: i64 = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            if zone.len() != 6 || zone.get(3..4)? != ":" {
                return None;
            }
            let oh = i64::from(digits(zone.get(1..3)?)?);
            let om = i64::from(digits(zone.get(4..6)?)?);
            if oh > 23 || om > 59 {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        }
    };
    let local = Time::from_civil(year, month, day, hour, minute, second)?;
    Some(Time(local.0.checked_sub(offset)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let t = Time::parse_rfc3339("2026-11-25T12:34:56Z").unwrap();
        assert_eq!(t.to_string(), "2026-11-25T12:34:56Z");
        assert_eq!(Time::parse_rfc3339("1970-01-01T00:00:00Z").unwrap(), Time(0));
        assert_eq!(Time::parse_rfc3339("2000-03-01T00:00:00Z").unwrap().0, 951_868_800);
    }

    #[test]
    fn offsets_and_fractions() {
        let a = Time::parse_rfc3339("2026-11-24T12:23:02+03:00").unwrap();
        assert_eq!(a.to_string(), "2026-11-24T09:23:02Z");
        let b = Time::parse_rfc3339("2026-11-24T09:23:02.123Z").unwrap();
        assert_eq!(a, b);
        assert_eq!(Time::parse_rfc3339("2026-11-24").unwrap().to_string(), "2026-11-24T00:00:00Z");
    }

    #[test]
    fn rejects_nonsense() {
        for bad in [
            "",
            "2026",
            "2026-13-01",
            "2026-02-30T00:00:00Z",
            "2026-11-25T25:00:00Z",
            "x026-11-25",
            "2026-11-25T12:00:00+3",
        ] {
            let err = Time::parse_rfc3339(bad).unwrap_err();
            assert_eq!(err.code, Code::OptionsTime, "{bad}");
        }
    }

    #[test]
    fn negative_and_russian() {
        assert_eq!(Time(-1).to_string(), "1969-12-31T23:59:59Z");
        assert_eq!(Time::parse_rfc3339("2024-02-29").unwrap().ru_date(), "29.02.2024");
    }
}
