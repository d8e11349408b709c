//! `Unit::changed_on` ↔ the `date` of an XLIFF 1.2 `<phase>`, which is an `xsd:dateTime`.
//!
//! kurso's state records dates (`2025-03-31`); tools record instants (`2025-03-31T09:44:01Z`).
//! A date is written at midnight without a zone (`2025-03-31T00:00:00`) and read back as the date;
//! a dateTime is written as it is. Anything else (not ISO 8601) is kept word for word in a
//! `<note from="changed-on">` inside the phase.

/// `from` of the phase note that carries a `changed_on` that is not an `xsd:dateTime`.
pub const NOTE_FROM: &str = "changed-on";

/// The `date` attribute for `changed_on`, or `None` when it is neither a date nor a dateTime.
pub fn to_xsd(changed_on: &str) -> Option<String> {
    if is_date(changed_on) {
        Some(format!("{changed_on}T00:00:00"))
    } else if is_date_time(changed_on) {
        Some(changed_on.to_owned())
    } else {
        None
    }
}

/// `changed_on` for a phase's `date`.
pub fn from_xsd(date: &str) -> String {
    match date.strip_suffix("T00:00:00") {
        Some(day) if is_date(day) => day.to_owned(),
        _ => date.to_owned(),
    }
}

/// `YYYY-MM-DD`.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
        && (1..=12).contains(&number(&text[5..7]))
        && (1..=31).contains(&number(&text[8..10]))
}

/// `YYYY-MM-DDThh:mm:ss`, optional fraction, optional `Z` or `±hh:mm`.
fn is_date_time(text: &str) -> bool {
    let Some((date, time)) = text.split_once('T') else {
        return false;
    };
    if !is_date(date) || time.len() < 8 {
        return false;
    }
    let (clock, mut zone) = time.split_at(8);
    let clock_ok = clock.bytes().enumerate().all(|(i, b)| match i {
        2 | 5 => b == b':',
        _ => b.is_ascii_digit(),
    }) && number(&clock[0..2]) <= 23
        && number(&clock[3..5]) <= 59
        && number(&clock[6..8]) <= 59;
    if let Some(fraction) = zone.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        zone = &fraction[digits..];
    }
    let zone_ok = match zone.as_bytes() {
        [] | [b'Z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()),
        _ => false,
    };
    clock_ok && zone_ok
}

fn number(digits: &str) -> u32 {
    digits.parse().unwrap_or(u32::MAX)
}

/// `2024-08-06T10:26:11` from Trados's `08/06/2024 10:26:11` (month first, the invariant
/// culture Studio writes), or `None` when it is not in that form.
pub fn from_trados(value: &str) -> Option<String> {
    let (date, time) = value.trim().split_once(' ')?;
    let mut parts = date.split('/');
    let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    let time = if time.len() == 7 {
        format!("0{time}")
    } else {
        time.to_owned()
    };
    let iso = format!("{year}-{month:0>2}-{day:0>2}T{time}");
    is_date_time(&iso).then_some(iso)
}

/// `2025-04-23T15:45:22Z` from Phrase's milliseconds since 1970 (`1745423122266`).
pub fn from_epoch_millis(value: &str) -> Option<String> {
    let millis: i64 = value.trim().parse().ok()?;
    let seconds = millis.div_euclid(1000);
    let (days, of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = crate::state::civil_from_days(days);
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_instants_survive_the_xsd_form() {
        for value in [
            "2025-03-31",
            "2025-03-31T09:44:01Z",
            "2025-03-31T09:44:01.5+02:00",
        ] {
            let date = to_xsd(value).expect("ISO 8601");
            assert_eq!(from_xsd(&date), value);
        }
        assert_eq!(to_xsd("2025-03-31").as_deref(), Some("2025-03-31T00:00:00"));
        assert_eq!(to_xsd("yesterday"), None);
        assert_eq!(to_xsd("2025-13-01"), None);
        assert_eq!(to_xsd("2025-03-31T25:00:00"), None);
    }

    #[test]
    fn tool_dates_become_iso_8601() {
        assert_eq!(
            from_trados("08/06/2024 10:26:11").as_deref(),
            Some("2024-08-06T10:26:11")
        );
        assert_eq!(from_trados("not a date"), None);
        assert_eq!(
            from_epoch_millis("1745423122266").as_deref(),
            Some("2025-04-23T15:45:22Z")
        );
        assert_eq!(
            from_epoch_millis("0").as_deref(),
            Some("1970-01-01T00:00:00Z")
        );
    }
}
