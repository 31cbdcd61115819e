//! Numbers beyond 64 bits. serde_yaml reads an integer such as
//! `-9223372036854776000` (how JavaScript prints `i64::MIN`, common in emitted
//! specs) as an `i128` that its own `Value` refuses, losing the whole document;
//! `openapiv3` then wants every integer schema's bounds as `i64`. Here such
//! integers are read as the nearest float, and integer bounds outside `i64` are
//! clamped to it with a warning: no 64-bit value can lie beyond them anyway.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::{Mapping, Number, Value};

use crate::diagnostics::{Diagnostic, escape_token};

/// A YAML value read like `serde_yaml::Value`, except that integers beyond 64 bits
/// become floats instead of an error.
pub struct Lenient(pub Value);

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor).map(Lenient)
    }
}

struct LenientVisitor;

impl<'de> Visitor<'de> for LenientVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_i128<E>(self, n: i128) -> Result<Value, E> {
        Ok(Value::Number(match i64::try_from(n) {
            Ok(n) => n.into(),
            // The nearest float is what a JSON reader makes of it too.
            Err(_) => Number::from(n as f64),
        }))
    }

    fn visit_u128<E>(self, n: u128) -> Result<Value, E> {
        Ok(Value::Number(match u64::try_from(n) {
            Ok(n) => n.into(),
            Err(_) => Number::from(n as f64),
        }))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Lenient::deserialize(deserializer).map(|l| l.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Lenient(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Sequence(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut mapping = Mapping::new();
        while let Some(Lenient(key)) = map.next_key()? {
            if mapping.contains_key(&key) {
                return Err(de::Error::custom(duplicate_entry(&key)));
            }
            let Lenient(value) = map.next_value()?;
            mapping.insert(key, value);
        }
        Ok(Value::Mapping(mapping))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        use de::VariantAccess;
        let (tag, contents) = data.variant::<String>()?;
        // `Tag::new` panics on an empty tag, which serde_yaml refuses with this error.
        if tag.is_empty() {
            return Err(de::Error::custom("empty YAML tag is not allowed"));
        }
        let Lenient(value) = contents.newtype_variant()?;
        Ok(Value::Tagged(Box::new(TaggedValue {
            tag: Tag::new(tag),
            value,
        })))
    }
}

/// The message serde_yaml's own `Mapping` gives for a key seen twice.
fn duplicate_entry(key: &Value) -> String {
    match key {
        Value::Null => "duplicate entry with null key".to_owned(),
        Value::Bool(b) => format!("duplicate entry with key `{b}`"),
        Value::Number(n) => format!("duplicate entry with key {n}"),
        Value::String(s) => format!("duplicate entry with key {s:?}"),
        Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_) => {
            "duplicate entry in YAML map".to_owned()
        }
    }
}

/// Clamps the `minimum` and `maximum` of every `type: integer` schema to `i64`,
/// warning for each one changed.
pub fn clamp_integer_bounds(value: &mut Value) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    clamp_at(value, "#", &mut warnings);
    warnings
}

fn clamp_at(value: &mut Value, ptr: &str, warnings: &mut Vec<Diagnostic>) {
    match value {
        Value::Mapping(mapping) => {
            if mapping.get("type").and_then(Value::as_str) == Some("integer") {
                for key in ["minimum", "maximum"] {
                    if let Some(bound) = mapping.get_mut(key) {
                        clamp_bound(bound, &format!("{ptr}/{key}"), warnings);
                    }
                }
            }
            for (key, child) in mapping.iter_mut() {
                let token = match key {
                    Value::String(s) => escape_token(s),
                    other => escape_token(serde_yaml::to_string(other).unwrap_or_default().trim()),
                };
                clamp_at(child, &format!("{ptr}/{token}"), warnings);
            }
        }
        Value::Sequence(items) => {
            for (index, item) in items.iter_mut().enumerate() {
                clamp_at(item, &format!("{ptr}/{index}"), warnings);
            }
        }
        _ => {}
    }
}

fn clamp_bound(bound: &mut Value, ptr: &str, warnings: &mut Vec<Diagnostic>) {
    let Value::Number(number) = bound else {
        return;
    };
    if number.as_i64().is_some() {
        return;
    }
    let Some(wide) = number.as_f64() else {
        return;
    };
    let (clamped, side) = if wide < 0.0 {
        (i64::MIN, "below the smallest")
    } else {
        (i64::MAX, "above the largest")
    };
    warnings.push(
        Diagnostic::new(
            "E0210",
            ptr,
            format!(
                "this integer bound is {side} 64-bit integer; it is read as {clamped}, \
                 which no 64-bit value lies beyond"
            ),
        )
        .with_hint("write the bound within -9223372036854775808..=9223372036854775807"),
    );
    *bound = Value::Number(clamped.into());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Value {
        serde_yaml::from_str::<Lenient>(text).unwrap().0
    }

    #[test]
    fn integers_beyond_64_bits_become_floats() {
        let value = read("a: -9223372036854776000\nb: 36893488147419103232\nc: 7\n");
        assert_eq!(value["a"].as_f64(), Some(-9_223_372_036_854_775_808.0));
        assert_eq!(value["b"].as_f64(), Some(36_893_488_147_419_103_232.0));
        assert_eq!(value["c"].as_i64(), Some(7));
    }

    #[test]
    fn reads_what_serde_yaml_reads() {
        let text = "k: [1, -2, 2.5, true, ~, text, {x: !tag 3}]\n'1': one\n";
        assert_eq!(read(text), serde_yaml::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn odd_tags_are_read_or_refused_as_serde_yaml_does() {
        for text in ["a: ! x\n", "a: !! x\n", "a: !<> x\n", "a: !t {b: 1}\n"] {
            let ours = serde_yaml::from_str::<Lenient>(text).map(|l| l.0);
            let theirs = serde_yaml::from_str::<Value>(text);
            assert_eq!(
                ours.as_ref().map_err(ToString::to_string),
                theirs.as_ref().map_err(ToString::to_string),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_duplicate_key_is_refused() {
        let text = "a: 1\na: 2\n";
        let ours = serde_yaml::from_str::<Lenient>(text).err().unwrap();
        let theirs = serde_yaml::from_str::<Value>(text).unwrap_err();
        assert_eq!(ours.to_string(), theirs.to_string());
    }

    #[test]
    fn integer_bounds_beyond_i64_are_clamped_with_a_warning() {
        let mut value = read(
            "s:\n  type: integer\n  minimum: -9223372036854776000\n  maximum: 9223372036854776000\n\
             n:\n  type: number\n  maximum: 9223372036854776000\n",
        );
        let warnings = clamp_integer_bounds(&mut value);
        assert_eq!(value["s"]["minimum"].as_i64(), Some(i64::MIN));
        assert_eq!(value["s"]["maximum"].as_i64(), Some(i64::MAX));
        assert_eq!(
            value["n"]["maximum"].as_u64(),
            Some(9_223_372_036_854_776_000)
        );
        let pointers: Vec<&str> = warnings.iter().map(|w| w.pointer.as_str()).collect();
        assert_eq!(pointers, ["#/s/minimum", "#/s/maximum"]);
        assert!(warnings.iter().all(|w| w.code == "E0210"));
    }
}
