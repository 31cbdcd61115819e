//! Dates and times (`format: date-time`, `format: date`): chrono's types, written
//! as RFC 3339 and read tolerantly.
//!
//! A `date-time` is `DateTime<FixedOffset>`, so that the offset an answer gives is
//! kept. It is written as RFC 3339, as OpenAPI says; it is read as RFC 3339 or, as
//! some APIs send despite their documents (Twilio's, for one), RFC 2822. Anything
//! else is an error naming the field.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::{Deserialize, Deserializer};

/// A `date-time` as RFC 3339, for the query, a path or a header.
pub fn to_text(value: &DateTime<FixedOffset>) -> String {
    value.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Parses RFC 3339, then RFC 2822.
pub fn parse(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc2822(text))
        .map_err(|_| format!("`{text}` is not an RFC 3339 (or RFC 2822) date-time"))
}

/// The `deserialize_with` of required `date-time` fields.
pub fn date_time<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<DateTime<FixedOffset>, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(serde::de::Error::custom)
}

/// The `deserialize_with` of optional `date-time` fields.
pub fn option_date_time<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        Some(text) => parse(&text).map(Some).map_err(serde::de::Error::custom),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "date_time")]
        at: DateTime<FixedOffset>,
        #[serde(default, deserialize_with = "option_date_time")]
        maybe: Option<DateTime<FixedOffset>>,
    }

    #[test]
    fn rfc_3339_and_rfc_2822_are_read_and_the_offset_kept() {
        let read = |json: &str| serde_json::from_str::<Holder>(json).map_err(|e| e.to_string());
        let held = read(r#"{"at": "2024-05-06T07:08:09+02:00"}"#);
        assert_eq!(
            held.as_ref().map(|h| to_text(&h.at)).ok().as_deref(),
            Some("2024-05-06T07:08:09+02:00")
        );
        assert_eq!(held.ok().and_then(|h| h.maybe), None);
        let twilio = read(r#"{"at": "Thu, 30 Jul 2015 20:00:00 +0000", "maybe": null}"#);
        assert_eq!(
            twilio.map(|h| to_text(&h.at)).ok().as_deref(),
            Some("2015-07-30T20:00:00Z")
        );
        let bad = read(r#"{"at": "yesterday"}"#).err().unwrap_or_default();
        assert!(bad.contains("`yesterday` is not an RFC 3339"), "{bad}");
    }

    #[test]
    fn fractions_of_a_second_are_kept_when_written() {
        let parsed = parse("2024-01-02T03:04:05.678Z");
        assert_eq!(
            parsed.map(|t| to_text(&t)).ok().as_deref(),
            Some("2024-01-02T03:04:05.678Z")
        );
    }
}
