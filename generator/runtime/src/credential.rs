//! A client's credentials: one slot per security scheme of its spec, and the choice
//! of which of them a call sends.
//!
//! An operation's `security` lists alternatives, any one of which is enough; an
//! alternative names the schemes sent together (an API key *and* a bearer token),
//! and an empty one needs no credential. A call sends the first alternative, in the
//! spec's order, whose credentials the client was given; it sends none when the
//! spec allows that and the client has none of the others.

use std::fmt;
use std::sync::Arc;

use reqwest::header::{HeaderName, HeaderValue};

use super::error::AuthError;
use super::secret::Secret;

/// Where a credential goes in a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// A header, such as `Authorization`.
    Header(HeaderName),
    /// A query parameter of this name.
    Query(String),
    /// A cookie of this name (in the `Cookie` header).
    Cookie(String),
}

/// A credential for one attempt: where it goes and its value, with the secret
/// inside it so that a source can tell which one the server refused.
#[derive(Clone)]
pub struct Credential {
    /// Where it is sent.
    pub place: Placement,
    /// The header's value (for a cookie, `name=value`), marked sensitive so it never
    /// shows in `Debug`; for a query parameter, the token itself.
    pub value: HeaderValue,
    /// The token inside the value.
    pub token: Secret,
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credential")
            .field("place", &self.place)
            .finish_non_exhaustive()
    }
}

/// Where the credentials of one security scheme come from.
#[async_trait::async_trait]
pub trait Authenticator: Send + Sync + fmt::Debug {
    /// The credential to send with the next attempt.
    async fn credential(&self) -> Result<Credential, AuthError>;

    /// The credential, when it never changes: a call then takes it as it is,
    /// without awaiting [`Authenticator::credential`].
    fn fixed(&self) -> Option<&Credential> {
        None
    }

    /// The server refused `used` (HTTP 401): a new credential to try once more, or
    /// `None` when no other can be had (a fixed token).
    async fn refused(&self, used: &Credential) -> Result<Option<Credential>, AuthError>;
}

/// The credentials a client was given: a slot per security scheme of its spec, in
/// the order of the indices that a call's `security` names them by.
#[derive(Debug, Default)]
pub struct Schemes {
    slots: Vec<Slot>,
}

#[derive(Debug)]
struct Slot {
    /// The scheme's name in the spec, for messages.
    name: &'static str,
    authenticator: Option<Arc<dyn Authenticator>>,
}

impl Schemes {
    /// The schemes `(name in the spec, its credentials if the client was given them)`.
    pub fn new(
        slots: impl IntoIterator<Item = (&'static str, Option<Arc<dyn Authenticator>>)>,
    ) -> Self {
        Self {
            slots: slots
                .into_iter()
                .map(|(name, authenticator)| Slot {
                    name,
                    authenticator,
                })
                .collect(),
        }
    }

    /// These schemes, or `missing` as the error when the client was given none: for
    /// a spec whose every operation needs a credential, a client without one could
    /// make no call, and its builder says so at once.
    ///
    /// # Errors
    /// `missing`, when no slot holds credentials.
    pub fn required(self, missing: &str) -> Result<Self, super::error::ConfigError> {
        if self.slots.iter().any(|slot| slot.authenticator.is_some()) {
            Ok(self)
        } else {
            Err(super::error::ConfigError(missing.to_owned()))
        }
    }

    /// The authenticators a call of `operation` sends, from its `security`
    /// alternatives: the first whose credentials the client holds, an empty one
    /// (none) only when no other can be met.
    ///
    /// # Errors
    /// When the client holds the credentials of no alternative; the message names
    /// the schemes each would need.
    pub fn choose<'a>(
        &'a self,
        operation: &str,
        security: &'a [&'a [usize]],
    ) -> Result<Chosen<'a>, AuthError> {
        let held = |alternative: &[usize]| {
            alternative.iter().all(|index| {
                self.slots
                    .get(*index)
                    .is_some_and(|slot| slot.authenticator.is_some())
            })
        };
        if let Some(chosen) = security
            .iter()
            .find(|alternative| !alternative.is_empty() && held(alternative))
        {
            return Ok(Chosen {
                schemes: self,
                indices: chosen,
            });
        }
        if security.iter().any(|alternative| alternative.is_empty()) {
            return Ok(Chosen {
                schemes: self,
                indices: &[],
            });
        }
        let ways: Vec<String> = security
            .iter()
            .map(|alternative| {
                alternative
                    .iter()
                    .map(|index| {
                        let name = self.slots.get(*index).map_or("?", |slot| slot.name);
                        format!("`{name}`")
                    })
                    .collect::<Vec<_>>()
                    .join(" + ")
            })
            .collect();
        Err(AuthError::new(format!(
            "`{operation}` needs the credentials of {}, and the client was not given them: \
             set them on the ClientBuilder",
            ways.join(" or ")
        )))
    }
}

/// The alternative a call sends: schemes whose credentials the client holds.
#[derive(Debug, Clone, Copy)]
pub struct Chosen<'a> {
    schemes: &'a Schemes,
    indices: &'a [usize],
}

impl<'a> Chosen<'a> {
    /// The authenticator of each scheme of the alternative, in its order.
    pub fn iter(&self) -> impl Iterator<Item = &'a Arc<dyn Authenticator>> + use<'a> {
        let slots = &self.schemes.slots;
        self.indices
            .iter()
            .filter_map(move |index| slots.get(*index)?.authenticator.as_ref())
    }
}

/// The credentials one attempt sends. A call sends one at most, nearly always: it
/// is held here without a heap allocation.
#[derive(Debug, Clone, Default)]
pub enum Credentials {
    /// None (an operation that needs none, or a client without them).
    #[default]
    None,
    /// One credential.
    One(Credential),
    /// Several, sent together.
    Many(Vec<Credential>),
}

impl Credentials {
    /// Adds `credential` after the others.
    pub fn push(&mut self, credential: Credential) {
        *self = match std::mem::take(self) {
            Credentials::None => Credentials::One(credential),
            Credentials::One(first) => Credentials::Many(vec![first, credential]),
            Credentials::Many(mut all) => {
                all.push(credential);
                Credentials::Many(all)
            }
        };
    }

    /// The credentials, in the alternative's order.
    pub fn as_slice(&self) -> &[Credential] {
        match self {
            Credentials::None => &[],
            Credentials::One(only) => std::slice::from_ref(only),
            Credentials::Many(all) => all,
        }
    }

    /// The credentials, owned.
    pub fn into_vec(self) -> Vec<Credential> {
        match self {
            Credentials::None => Vec::new(),
            Credentials::One(only) => vec![only],
            Credentials::Many(all) => all,
        }
    }
}

impl FromIterator<Credential> for Credentials {
    fn from_iter<I: IntoIterator<Item = Credential>>(credentials: I) -> Self {
        let mut all = Credentials::None;
        for credential in credentials {
            all.push(credential);
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Fixed(&'static str);

    #[async_trait::async_trait]
    impl Authenticator for Fixed {
        async fn credential(&self) -> Result<Credential, AuthError> {
            Ok(Credential {
                place: Placement::Query(self.0.to_owned()),
                value: HeaderValue::from_static(self.0),
                token: Secret::new(self.0),
            })
        }

        async fn refused(&self, _: &Credential) -> Result<Option<Credential>, AuthError> {
            Ok(None)
        }
    }

    fn given(names: &[&'static str], held: &[bool]) -> Schemes {
        Schemes::new(
            names
                .iter()
                .zip(held)
                .map(|(name, held)| {
                    let auth: Option<Arc<dyn Authenticator>> =
                        held.then(|| Arc::new(Fixed(name)) as Arc<dyn Authenticator>);
                    (*name, auth)
                })
                .collect::<Vec<_>>(),
        )
    }

    fn chosen(schemes: &Schemes, security: &[&[usize]]) -> Result<Vec<String>, String> {
        schemes
            .choose("op", security)
            .map(|list| list.iter().map(|a| format!("{a:?}")).collect())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_first_alternative_held_is_sent_whole() {
        let schemes = given(&["key", "bearer", "basic"], &[true, true, false]);
        assert_eq!(
            chosen(&schemes, &[&[2], &[0, 1]]).unwrap(),
            ["Fixed(\"key\")", "Fixed(\"bearer\")"]
        );
        assert_eq!(
            chosen(&schemes, &[&[1], &[0]]).unwrap(),
            ["Fixed(\"bearer\")"]
        );
    }

    #[test]
    fn an_empty_alternative_sends_nothing_only_when_no_other_is_held() {
        let schemes = given(&["key"], &[true]);
        assert_eq!(chosen(&schemes, &[&[], &[0]]).unwrap(), ["Fixed(\"key\")"]);
        let none = given(&["key"], &[false]);
        assert!(chosen(&none, &[&[], &[0]]).unwrap().is_empty());
        assert!(chosen(&none, &[&[]]).unwrap().is_empty());
    }

    #[test]
    fn an_alternative_half_held_is_not_met_and_the_error_names_the_schemes() {
        let schemes = given(&["key", "bearer"], &[true, false]);
        let error = chosen(&schemes, &[&[0, 1], &[1]]).unwrap_err();
        assert!(
            error.contains("`op` needs the credentials of `key` + `bearer` or `bearer`"),
            "{error}"
        );
    }

    #[test]
    fn a_client_given_no_credential_is_refused_where_every_call_needs_one() {
        let error = given(&["key"], &[false])
            .required("no credential")
            .unwrap_err();
        assert_eq!(error.0, "no credential");
        assert!(given(&["key"], &[true]).required("no credential").is_ok());
    }
}
