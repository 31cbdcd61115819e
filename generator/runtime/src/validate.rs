//! The spec's constraints on request values, checked before anything is sent.

use super::error::{RequestError, Violation};

/// The constraints of a type, checked before a request is sent.
pub trait Validate {
    /// Adds every violation found in `self`, which stands at `path`, to `found`.
    fn validate_at(&self, path: &str, found: &mut Vec<Violation>);
}

/// Checks a request body; nothing is sent when it breaks the spec's constraints.
pub fn validate_body<T: Validate>(operation: &'static str, body: &T) -> Result<(), RequestError> {
    let mut violations = Vec::new();
    body.validate_at("", &mut violations);
    if violations.is_empty() {
        Ok(())
    } else {
        Err(RequestError::Invalid {
            operation,
            violations,
        })
    }
}

/// `minLength` and `maxLength`, counted in characters.
pub fn check_length(
    path: &str,
    value: &str,
    min: Option<usize>,
    max: Option<usize>,
    found: &mut Vec<Violation>,
) {
    let length = value.chars().count();
    if min.is_some_and(|min| length < min) || max.is_some_and(|max| length > max) {
        found.push(Violation::new(
            path,
            format!("has {length} characters; {}", bounds(min, max)),
        ));
    }
}

/// `minItems` and `maxItems`.
pub fn check_items(
    path: &str,
    count: usize,
    min: Option<usize>,
    max: Option<usize>,
    found: &mut Vec<Violation>,
) {
    if min.is_some_and(|min| count < min) || max.is_some_and(|max| count > max) {
        found.push(Violation::new(
            path,
            format!("has {count} items; {}", bounds(min, max)),
        ));
    }
}

/// `minimum` and `maximum`; each bound is `(value, exclusive)`.
pub fn check_range(
    path: &str,
    value: f64,
    min: Option<(f64, bool)>,
    max: Option<(f64, bool)>,
    found: &mut Vec<Violation>,
) {
    let below =
        min.is_some_and(|(min, exclusive)| if exclusive { value <= min } else { value < min });
    let above =
        max.is_some_and(|(max, exclusive)| if exclusive { value >= max } else { value > max });
    if below || above {
        let show = |b: Option<(f64, bool)>, word: &str, strict: &str| match b {
            Some((v, true)) => format!("{strict} {v}"),
            Some((v, false)) => format!("{word} {v}"),
            None => String::new(),
        };
        let limits: Vec<String> = [
            show(min, "at least", "more than"),
            show(max, "at most", "less than"),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
        found.push(Violation::new(
            path,
            format!("is {value}; the spec allows {}", limits.join(" and ")),
        ));
    }
}

fn bounds(min: Option<usize>, max: Option<usize>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("the spec allows {min} to {max}"),
        (Some(min), None) => format!("the spec allows at least {min}"),
        (None, Some(max)) => format!("the spec allows at most {max}"),
        (None, None) => "the spec allows any".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_characters_and_name_the_bounds() {
        let mut found = Vec::new();
        check_length(".name", "héllo", Some(2), Some(5), &mut found);
        assert!(found.is_empty());
        check_length(".name", "héllo!", None, Some(5), &mut found);
        assert_eq!(
            found[0].to_string(),
            "`.name` has 6 characters; the spec allows at most 5"
        );
    }

    #[test]
    fn ranges_respect_exclusive_bounds() {
        let mut found = Vec::new();
        check_range(
            ".n",
            0.0,
            Some((0.0, true)),
            Some((10.0, false)),
            &mut found,
        );
        check_range(
            ".n",
            10.0,
            Some((0.0, true)),
            Some((10.0, false)),
            &mut found,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].problem,
            "is 0; the spec allows more than 0 and at most 10"
        );
    }

    #[test]
    fn item_counts() {
        let mut found = Vec::new();
        check_items(".list", 0, Some(1), None, &mut found);
        assert_eq!(found[0].problem, "has 0 items; the spec allows at least 1");
    }
}
