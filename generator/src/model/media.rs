//! Media types: which entry of a body's or an answer's `content` the client uses,
//! and what kind of value it is on the Rust side.

use indexmap::IndexMap;
use openapiv3::MediaType;

/// What a media type carries, as far as the client is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// `application/json`, `…+json`: a typed value.
    Json,
    /// `application/x-www-form-urlencoded`: a typed value as pairs.
    Form,
    /// `multipart/form-data`: a typed value as parts.
    Multipart,
    /// `text/*` and XML: a `String`.
    Text,
    /// Anything else (`application/octet-stream`, images, PDF, `*/*`): bytes.
    Bytes,
}

/// The kind of `media_type`, judged by its essence (no parameters, any case).
pub fn kind(media_type: &str) -> Kind {
    let essence = essence(media_type);
    match essence.as_str() {
        "application/json" => Kind::Json,
        "application/x-www-form-urlencoded" => Kind::Form,
        "multipart/form-data" => Kind::Multipart,
        "application/xml" => Kind::Text,
        _ if essence.ends_with("+json") => Kind::Json,
        _ if essence.ends_with("+xml") || essence.starts_with("text/") => Kind::Text,
        _ => Kind::Bytes,
    }
}

/// The entry a client uses: the first of the most typed kind (JSON, then a form,
/// multipart, text, bytes), since every entry describes the same operation.
pub fn preferred(content: &IndexMap<String, MediaType>) -> Option<(&str, &MediaType, Kind)> {
    content
        .iter()
        .map(|(name, media)| (name.as_str(), media, kind(name)))
        .min_by_key(|(_, _, kind)| *kind)
}

/// The `Content-Type` to send for a body the spec describes as `media_type`. A
/// range (`*/*`, `image/*`) names no type a server could be sent; octet-stream is
/// the type of bytes whose kind is not known. `None` when it was replaced.
pub fn sendable(media_type: &str) -> Option<&str> {
    (!media_type.contains('*')).then_some(media_type.trim())
}

/// `type/subtype` in lower case, without parameters.
fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_essence() {
        assert_eq!(kind("application/json; charset=utf-8"), Kind::Json);
        assert_eq!(kind("application/vnd.github+json"), Kind::Json);
        assert_eq!(kind("Application/X-WWW-Form-Urlencoded"), Kind::Form);
        assert_eq!(kind("multipart/form-data"), Kind::Multipart);
        assert_eq!(kind("text/plain"), Kind::Text);
        assert_eq!(kind("application/atom+xml"), Kind::Text);
        assert_eq!(kind("application/octet-stream"), Kind::Bytes);
        assert_eq!(kind("image/*"), Kind::Bytes);
        assert_eq!(kind("*/*"), Kind::Bytes);
    }

    #[test]
    fn the_most_typed_entry_is_preferred() {
        let content: IndexMap<String, MediaType> = ["text/plain", "application/json", "*/*"]
            .into_iter()
            .map(|name| (name.to_owned(), MediaType::default()))
            .collect();
        assert_eq!(
            preferred(&content).map(|(name, ..)| name),
            Some("application/json")
        );
        assert_eq!(preferred(&IndexMap::new()).map(|(name, ..)| name), None);
    }

    #[test]
    fn a_range_is_not_sent_as_a_content_type() {
        assert_eq!(sendable("image/png"), Some("image/png"));
        assert_eq!(sendable("image/*"), None);
    }
}
