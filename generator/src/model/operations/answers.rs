//! An operation's request body and answers: which media type is used, what type
//! it is read or written as, and what the success answers hold together.

use openapiv3::{MediaType, ReferenceOr, RequestBody, Response, StatusCode};

use super::{OperationLowering, note};
use crate::diagnostics::{Diagnostic, escape_token};
use crate::model::media::{self, Kind};
use crate::model::{AnswerVariant, Body, BodyMedia, Success, TypeRef, doc_lines};
use crate::naming;

impl<'a> OperationLowering<'a, '_> {
    pub(super) fn body(
        &mut self,
        body: &'a ReferenceOr<RequestBody>,
        type_hint: &str,
        ptr: &str,
    ) -> Option<Body> {
        let body = self.resolve(body, "requestBodies", ptr, |c| &c.request_bodies)?;
        let (name, media, kind) = media::preferred(&body.content)?;
        let media_ptr = format!("{ptr}/content/{}", escape_token(name));
        let (ty, media) = match kind {
            Kind::Json | Kind::Form | Kind::Multipart => {
                let ty = self.media_type(media, &format!("{type_hint}Body"), &media_ptr);
                let media = match kind {
                    Kind::Json => BodyMedia::Json,
                    Kind::Form => BodyMedia::Form,
                    _ => BodyMedia::Multipart,
                };
                (ty, media)
            }
            Kind::Text => (
                TypeRef::String,
                BodyMedia::Text(self.content_type(name, &media_ptr)),
            ),
            Kind::Bytes => (
                TypeRef::Any,
                BodyMedia::Bytes(self.content_type(name, &media_ptr)),
            ),
        };
        Some(Body {
            ty,
            required: body.required,
            docs: doc_lines(&[body.description.as_deref()]),
            media,
        })
    }

    /// The type a JSON or form media entry's schema describes (any JSON without one).
    pub(super) fn media_type(
        &mut self,
        media: &'a MediaType,
        hint: &str,
        media_ptr: &str,
    ) -> TypeRef {
        match &media.schema {
            Some(schema) => self
                .types
                .use_schema(schema, hint, &format!("{media_ptr}/schema")),
            None => TypeRef::Any,
        }
    }

    /// The `Content-Type` a body described as `name` is sent with; a range such as
    /// `*/*` is sent as octet-stream, with a warning.
    pub(super) fn content_type(&mut self, name: &str, media_ptr: &str) -> String {
        if let Some(sent) = media::sendable(name) {
            return sent.to_owned();
        }
        self.warnings.push(
            Diagnostic::new(
                "E0309",
                media_ptr,
                format!(
                    "the body's media type `{name}` is a range, not a type a request can have; \
                     it is sent as `application/octet-stream`"
                ),
            )
            .with_hint("name the media type the server expects"),
        );
        "application/octet-stream".to_owned()
    }

    /// What the success answers hold (all 2xx answers together: a body after some
    /// and none after others is an `Option`) and the success codes; error answers'
    /// types are kept for the crate's error type.
    pub(super) fn responses(
        &mut self,
        responses: &'a openapiv3::Responses,
        type_hint: &str,
        ptr: &str,
    ) -> (Success, Vec<u16>, Vec<String>, Option<String>) {
        let mut answers: Vec<(Option<StatusCode>, Success, String)> = Vec::new();
        let mut media_types: Vec<&str> = Vec::new();
        let mut codes = Vec::new();
        let mut notes = Vec::new();
        let entries = responses
            .responses
            .iter()
            .map(|(code, r)| (Some(code), r))
            .chain(responses.default.iter().map(|r| (None, r)));
        for (code, response) in entries {
            let key = code.map_or_else(|| "default".to_owned(), StatusCode::to_string);
            let at = format!("{ptr}/{key}");
            let Some(response) = self.resolve(response, "responses", &at, |c| &c.responses) else {
                continue;
            };
            notes.extend(link_notes(&key, response));
            let is_success = matches!(
                code,
                Some(StatusCode::Code(200..=299) | StatusCode::Range(2))
            );
            if !is_success {
                // An error answer that is not JSON is kept raw in `Error::Api`; only
                // a JSON one has a type.
                if let Success::Json(ty) = self.answer(response, &format!("{type_hint}Error"), &at)
                {
                    self.error_types.push((ty, at));
                }
                continue;
            }
            let answer = self.answer(response, &format!("{type_hint}Response"), &at);
            if let Some((name, ..)) = media::preferred(&response.content) {
                if !media_types.contains(&name) {
                    media_types.push(name);
                }
            }
            if let Some(StatusCode::Code(n)) = code {
                codes.push(*n);
            }
            answers.push((code.cloned(), answer, at));
        }
        let success = self.success_of(answers, type_hint);
        // A text or byte answer asks for its own media types, not JSON's.
        let accept =
            matches!(success, Success::Text | Success::Bytes).then(|| media_types.join(", "));
        (success, codes, notes, accept)
    }

    /// What the success answers hold together: one type when they agree (a body
    /// and none make an `Option`), else an enum by status when each is JSON or
    /// empty, else E0308.
    pub(super) fn success_of(
        &mut self,
        answers: Vec<(Option<StatusCode>, Success, String)>,
        type_hint: &str,
    ) -> Success {
        // The pointer of the first answer that no one type holds with those before it.
        let mut together_so_far: Option<Success> = None;
        let mut apart_at: Option<&str> = None;
        for (_, answer, at) in &answers {
            together_so_far = match together_so_far {
                None => Some(answer.clone()),
                Some(first) => match together(&first, answer) {
                    Some(both) => Some(both),
                    None => {
                        apart_at = apart_at.or(Some(at));
                        Some(first)
                    }
                },
            };
        }
        let Some(apart_at) = apart_at else {
            return together_so_far.unwrap_or(Success::Empty);
        };
        let by_status = answers
            .iter()
            .all(|(_, a, _)| matches!(a, Success::Json(_) | Success::Empty));
        if !by_status {
            let (_, _, first_at) = &answers[0];
            self.problems.push(
                Diagnostic::new(
                    "E0308",
                    apart_at,
                    format!("this success answer's body differs from the one at {first_at}, and not every one of them is JSON or empty"),
                )
                .with_hint("give every 2xx answer of an operation the same schema"),
            );
            return Success::Empty;
        }
        let mut names = naming::Scope::with_reserved(&[]);
        let variants = answers
            .into_iter()
            .map(|(code, answer, _)| {
                let status = match code {
                    Some(StatusCode::Code(n)) => Some(n),
                    _ => None,
                };
                AnswerVariant {
                    name: names.claim(variant_for(status)),
                    status,
                    body: match answer {
                        Success::Json(ty) => Some(ty),
                        _ => None,
                    },
                }
            })
            .collect();
        Success::ByStatus {
            name: self.types.claim_name(&format!("{type_hint}Answer")),
            variants,
        }
    }

    /// What one answer holds: its preferred media entry's kind.
    pub(super) fn answer(&mut self, response: &'a Response, hint: &str, ptr: &str) -> Success {
        let Some((name, media, kind)) = media::preferred(&response.content) else {
            return Success::Empty;
        };
        match kind {
            Kind::Json => {
                let media_ptr = format!("{ptr}/content/{}", escape_token(name));
                Success::Json(self.media_type(media, hint, &media_ptr))
            }
            Kind::Form | Kind::Text => Success::Text,
            Kind::Multipart | Kind::Bytes => Success::Bytes,
        }
    }
}

/// Doc lines naming the links of the answer `code`: documentation of what a client
/// may call next, which needs no code.
fn link_notes(code: &str, response: &Response) -> Vec<String> {
    note(response.links.keys(), |names| {
        format!("The spec links the `{code}` answer to further calls: {names}.")
    })
}

/// The variant of an answer enum for `status`: its reason phrase, as HTTP names it.
fn variant_for(status: Option<u16>) -> String {
    match status {
        Some(200) => "Ok".to_owned(),
        Some(201) => "Created".to_owned(),
        Some(202) => "Accepted".to_owned(),
        Some(203) => "NonAuthoritative".to_owned(),
        Some(204) => "NoContent".to_owned(),
        Some(205) => "ResetContent".to_owned(),
        Some(206) => "PartialContent".to_owned(),
        Some(n) => format!("Status{n}"),
        None => "Other".to_owned(),
    }
}

/// What two success answers of one operation hold together, if one type says it:
/// a body and none make an `Option`; bytes hold text or nothing too.
fn together(first: &Success, second: &Success) -> Option<Success> {
    use Success::{Bytes, Empty, Json, MaybeJson, Text};
    match (first, second) {
        _ if first == second => Some(first.clone()),
        (Empty | MaybeJson(_), Json(ty) | MaybeJson(ty)) | (Json(ty) | MaybeJson(ty), Empty) => {
            match (first.json_type(), second.json_type()) {
                (Some(a), Some(b)) if a != b => None,
                _ => Some(MaybeJson(ty.clone())),
            }
        }
        (Empty, Text) | (Text, Empty) => Some(Text),
        (Empty | Text | Bytes, Bytes) | (Bytes, Empty | Text) => Some(Bytes),
        _ => None,
    }
}
