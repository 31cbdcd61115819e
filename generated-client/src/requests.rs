// @generated from schema/goals.yaml by this workspace's generator. Do not edit: change the spec and regenerate.

#![cfg_attr(rustfmt, rustfmt::skip)]
//! The request of each operation: made by its [`Client`](crate::Client) method,
//! changed by a setter per optional input, sent when awaited.
use crate::runtime;
use crate::Error;

/// What every request type has: its per-call settings, and the call it becomes
/// when awaited (the answer without its status and headers).
macro_rules! request {
    ($request:ident, $output:ty) => {
        impl<'a> $request<'a> {
            /// How long the whole call may take: getting a token, every attempt and
            /// the waits between them together; reaching it ends the call with
            /// [`Error::Timeout`](crate::Error). Each attempt is still bounded by the
            /// client's timeout too.
            pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                self.base.settings.timeout = ::std::option::Option::Some(timeout);
                self
            }

            /// Adds a header to this call, sent after the operation's own; its value
            /// is marked sensitive and never shows in `Debug`.
            pub fn header(
                mut self,
                name: ::reqwest::header::HeaderName,
                value: ::reqwest::header::HeaderValue,
            ) -> Self {
                self.base.settings.add_header(name, value);
                self
            }

            /// Sends the call, and gives the answer with its status and headers.
            ///
            /// # Errors
            /// Those of the `Client` method that made the request.
            pub async fn with_response(self) -> WithResponse<$output> {
                self.execute().await
            }
        }

        impl<'a> ::std::future::IntoFuture for $request<'a> {
            type Output = ::std::result::Result<$output, Error>;
            type IntoFuture = runtime::request::Pending<'a, Self::Output>;

            fn into_future(self) -> Self::IntoFuture {
                ::std::boxed::Box::pin(async move {
                    self.with_response()
                        .await
                        .map(runtime::body::Response::into_value)
                })
            }
        }
    };
}


/// What a request's `with_response` gives: the answer with its status and
/// headers.
pub type WithResponse<T> = ::std::result::Result<runtime::body::Response<T>, Error>;

/// A `getProjectGoals` request (`GET /portal/{portal_name}/projectgoals/{linkname}`), made by [`Client::get_project_goals`](crate::Client::get_project_goals): set its optional inputs, then await it.
#[derive(Debug)]
#[must_use = "a request is sent only when awaited"]
pub struct GetProjectGoals<'a> {
    pub(crate) base: runtime::request::RequestBase<'a, crate::Client>,
    pub(crate) portal_name: &'a str,
    pub(crate) linkname: &'a str,
}

impl<'a> GetProjectGoals<'a> {
    async fn execute(self) -> WithResponse<crate::types::ProjectGoalsResponse> {
        let Self { base, portal_name, linkname } = self;
        const OPERATION: &str = "getProjectGoals";
        let mut url = base.client.core.base_url().to_owned();
        url.push_str("/portal/");
        runtime::endpoint::push_segment(
            &mut url,
            OPERATION,
            "portal_name",
            portal_name,
        )?;
        url.push_str("/projectgoals/");
        runtime::endpoint::push_segment(&mut url, OPERATION, "linkname", linkname)?;
        let call = runtime::dispatch::Call {
            info: runtime::hooks::CallInfo {
                operation: OPERATION,
                method: ::reqwest::Method::GET,
                path_template: "/portal/{portal_name}/projectgoals/{linkname}",
            },
            url,
            security: &[&[0]],
            ..::std::default::Default::default()
        };
        let answer = base.client.core.execute(call, base.settings).await?;
        runtime::body::decode_answer(
            OPERATION,
            answer,
            crate::types::ProjectGoalsResponse::failure,
        )
    }
}

request!(GetProjectGoals, crate::types::ProjectGoalsResponse);

/// A `updateProjectGoal` request (`PUT /portal/{portal_name}/projectgoals/{linkname}`), made by [`Client::update_project_goal`](crate::Client::update_project_goal): set its optional inputs, then await it.
#[derive(Debug)]
#[must_use = "a request is sent only when awaited"]
pub struct UpdateProjectGoal<'a> {
    pub(crate) base: runtime::request::RequestBase<'a, crate::Client>,
    pub(crate) portal_name: &'a str,
    pub(crate) linkname: &'a str,
    pub(crate) body: &'a crate::types::UpdateProjectGoalRequest,
}

impl<'a> UpdateProjectGoal<'a> {
    async fn execute(self) -> WithResponse<crate::types::ProjectGoalsResponse> {
        let Self { base, portal_name, linkname, body } = self;
        const OPERATION: &str = "updateProjectGoal";
        let mut url = base.client.core.base_url().to_owned();
        url.push_str("/portal/");
        runtime::endpoint::push_segment(
            &mut url,
            OPERATION,
            "portal_name",
            portal_name,
        )?;
        url.push_str("/projectgoals/");
        runtime::endpoint::push_segment(&mut url, OPERATION, "linkname", linkname)?;
        let call = runtime::dispatch::Call {
            info: runtime::hooks::CallInfo {
                operation: OPERATION,
                method: ::reqwest::Method::PUT,
                path_template: "/portal/{portal_name}/projectgoals/{linkname}",
            },
            url,
            body: ::std::option::Option::Some(runtime::body::to_json(OPERATION, body)?),
            security: &[&[0]],
            ..::std::default::Default::default()
        };
        let answer = base.client.core.execute(call, base.settings).await?;
        runtime::body::decode_answer(
            OPERATION,
            answer,
            crate::types::ProjectGoalsResponse::failure,
        )
    }
}

request!(UpdateProjectGoal, crate::types::ProjectGoalsResponse);

/// A `createProjectGoal` request (`POST /portal/{portal_name}/projectgoals/{linkname}`), made by [`Client::create_project_goal`](crate::Client::create_project_goal): set its optional inputs, then await it.
#[derive(Debug)]
#[must_use = "a request is sent only when awaited"]
pub struct CreateProjectGoal<'a> {
    pub(crate) base: runtime::request::RequestBase<'a, crate::Client>,
    pub(crate) portal_name: &'a str,
    pub(crate) linkname: &'a str,
    pub(crate) body: &'a crate::types::CreateProjectGoalRequest,
}

impl<'a> CreateProjectGoal<'a> {
    async fn execute(self) -> WithResponse<crate::types::ProjectGoalsResponse> {
        let Self { base, portal_name, linkname, body } = self;
        const OPERATION: &str = "createProjectGoal";
        let mut url = base.client.core.base_url().to_owned();
        url.push_str("/portal/");
        runtime::endpoint::push_segment(
            &mut url,
            OPERATION,
            "portal_name",
            portal_name,
        )?;
        url.push_str("/projectgoals/");
        runtime::endpoint::push_segment(&mut url, OPERATION, "linkname", linkname)?;
        let call = runtime::dispatch::Call {
            info: runtime::hooks::CallInfo {
                operation: OPERATION,
                method: ::reqwest::Method::POST,
                path_template: "/portal/{portal_name}/projectgoals/{linkname}",
            },
            url,
            body: ::std::option::Option::Some(runtime::body::to_json(OPERATION, body)?),
            security: &[&[0]],
            ..::std::default::Default::default()
        };
        let answer = base.client.core.execute(call, base.settings).await?;
        runtime::body::decode_answer(
            OPERATION,
            answer,
            crate::types::ProjectGoalsResponse::failure,
        )
    }
}

request!(CreateProjectGoal, crate::types::ProjectGoalsResponse);

/// A `deleteProjectGoal` request (`DELETE /portal/{portal_name}/projectgoals/{linkname}`), made by [`Client::delete_project_goal`](crate::Client::delete_project_goal): set its optional inputs, then await it.
#[derive(Debug)]
#[must_use = "a request is sent only when awaited"]
pub struct DeleteProjectGoal<'a> {
    pub(crate) base: runtime::request::RequestBase<'a, crate::Client>,
    pub(crate) portal_name: &'a str,
    pub(crate) linkname: &'a str,
}

impl<'a> DeleteProjectGoal<'a> {
    async fn execute(self) -> WithResponse<crate::types::ProjectGoalsResponse> {
        let Self { base, portal_name, linkname } = self;
        const OPERATION: &str = "deleteProjectGoal";
        let mut url = base.client.core.base_url().to_owned();
        url.push_str("/portal/");
        runtime::endpoint::push_segment(
            &mut url,
            OPERATION,
            "portal_name",
            portal_name,
        )?;
        url.push_str("/projectgoals/");
        runtime::endpoint::push_segment(&mut url, OPERATION, "linkname", linkname)?;
        let call = runtime::dispatch::Call {
            info: runtime::hooks::CallInfo {
                operation: OPERATION,
                method: ::reqwest::Method::DELETE,
                path_template: "/portal/{portal_name}/projectgoals/{linkname}",
            },
            url,
            security: &[&[0]],
            ..::std::default::Default::default()
        };
        let answer = base.client.core.execute(call, base.settings).await?;
        runtime::body::decode_answer(
            OPERATION,
            answer,
            crate::types::ProjectGoalsResponse::failure,
        )
    }
}

request!(DeleteProjectGoal, crate::types::ProjectGoalsResponse);

/// A `listCustomEvents` request (`GET /portal/{portal_name}/customevents`), made by [`Client::list_custom_events`](crate::Client::list_custom_events): set its optional inputs, then await it.
#[derive(Debug)]
#[must_use = "a request is sent only when awaited"]
pub struct ListCustomEvents<'a> {
    pub(crate) base: runtime::request::RequestBase<'a, crate::Client>,
    pub(crate) portal_name: &'a str,
    pub(crate) project_linkname: &'a str,
}

impl<'a> ListCustomEvents<'a> {
    async fn execute(self) -> WithResponse<crate::types::CustomEventsResponse> {
        let Self { base, portal_name, project_linkname } = self;
        const OPERATION: &str = "listCustomEvents";
        let mut url = base.client.core.base_url().to_owned();
        url.push_str("/portal/");
        runtime::endpoint::push_segment(
            &mut url,
            OPERATION,
            "portal_name",
            portal_name,
        )?;
        url.push_str("/customevents");
        let call = runtime::dispatch::Call {
            info: runtime::hooks::CallInfo {
                operation: OPERATION,
                method: ::reqwest::Method::GET,
                path_template: "/portal/{portal_name}/customevents",
            },
            url,
            query: ::std::vec![("project_linkname", project_linkname.to_string())],
            security: &[&[0]],
            ..::std::default::Default::default()
        };
        let answer = base.client.core.execute(call, base.settings).await?;
        runtime::body::decode_answer(
            OPERATION,
            answer,
            crate::types::CustomEventsResponse::failure,
        )
    }
}

request!(ListCustomEvents, crate::types::CustomEventsResponse);

/// A `createCustomEvent` request (`POST /portal/{portal_name}/customevents`), made by [`Client::create_custom_event`](crate::Client::create_custom_event): set its optional inputs, then await it.
#[derive(Debug)]
#[must_use = "a request is sent only when awaited"]
pub struct CreateCustomEvent<'a> {
    pub(crate) base: runtime::request::RequestBase<'a, crate::Client>,
    pub(crate) portal_name: &'a str,
    pub(crate) body: &'a crate::types::CreateCustomEventRequest,
}

impl<'a> CreateCustomEvent<'a> {
    async fn execute(self) -> WithResponse<crate::types::CustomEventsResponse> {
        let Self { base, portal_name, body } = self;
        const OPERATION: &str = "createCustomEvent";
        let mut url = base.client.core.base_url().to_owned();
        url.push_str("/portal/");
        runtime::endpoint::push_segment(
            &mut url,
            OPERATION,
            "portal_name",
            portal_name,
        )?;
        url.push_str("/customevents");
        let call = runtime::dispatch::Call {
            info: runtime::hooks::CallInfo {
                operation: OPERATION,
                method: ::reqwest::Method::POST,
                path_template: "/portal/{portal_name}/customevents",
            },
            url,
            body: ::std::option::Option::Some(runtime::body::to_json(OPERATION, body)?),
            security: &[&[0]],
            ..::std::default::Default::default()
        };
        let answer = base.client.core.execute(call, base.settings).await?;
        runtime::body::decode_answer(
            OPERATION,
            answer,
            crate::types::CustomEventsResponse::failure,
        )
    }
}

request!(CreateCustomEvent, crate::types::CustomEventsResponse);
