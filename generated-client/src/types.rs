// @generated from schema/goals.yaml by this workspace's generator. Do not edit: change the spec and regenerate.

#![cfg_attr(rustfmt, rustfmt::skip)]
//! The API's data types, one per schema of the spec.
//!
//! Objects keep the properties the spec does not list in
//! `additional_properties`, so nothing the server sends is lost; enums keep
//! values the spec does not list in their `Unknown` variant.
/// Numeric type of the conversion a goal tracks (documented):
/// 1 PAGE_VISIT_GOAL, 2 LINK_CLICK_GOAL, 3 FORM_SUBMIT_GOAL,
/// 4 ELEMENT_CLICK_GOAL, 5 ENGAGEMENT_GOAL, 6 CUSTOM_EVENT_GOAL,
/// 7 REVENUE_GOAL, 8 TIME_SPENT_GOAL, 9 PAGE_VIEW_VIRTUAL_GOAL,
/// 10 FULLSTACK_CUSTOM_EVENT_GOAL.
/// Zoho's FullStack SDK also has 11 FULLSTACK_REVENUE_GOAL, which the API guide
/// does not list and which is therefore not in this enum. The server may add
/// values: a client must keep an unknown value, not fail on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalType {
    /// `PAGE_VISIT_GOAL` (`1`).
    PageVisitGoal,
    /// `LINK_CLICK_GOAL` (`2`).
    LinkClickGoal,
    /// `FORM_SUBMIT_GOAL` (`3`).
    FormSubmitGoal,
    /// `ELEMENT_CLICK_GOAL` (`4`).
    ElementClickGoal,
    /// `ENGAGEMENT_GOAL` (`5`).
    EngagementGoal,
    /// `CUSTOM_EVENT_GOAL` (`6`).
    CustomEventGoal,
    /// `REVENUE_GOAL` (`7`).
    RevenueGoal,
    /// `TIME_SPENT_GOAL` (`8`).
    TimeSpentGoal,
    /// `PAGE_VIEW_VIRTUAL_GOAL` (`9`).
    PageViewVirtualGoal,
    /// `FULLSTACK_CUSTOM_EVENT_GOAL` (`10`).
    FullstackCustomEventGoal,
    /// A value the spec does not list, kept as sent.
    Unknown(i64),
}

impl GoalType {
    /// The value on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::PageVisitGoal => 1,
            Self::LinkClickGoal => 2,
            Self::FormSubmitGoal => 3,
            Self::ElementClickGoal => 4,
            Self::EngagementGoal => 5,
            Self::CustomEventGoal => 6,
            Self::RevenueGoal => 7,
            Self::TimeSpentGoal => 8,
            Self::PageViewVirtualGoal => 9,
            Self::FullstackCustomEventGoal => 10,
            Self::Unknown(value) => *value,
        }
    }
    /// The variant for a wire value; values the spec does not list give `Unknown`.
    pub fn from_value(value: i64) -> Self {
        match value {
            1 => Self::PageVisitGoal,
            2 => Self::LinkClickGoal,
            3 => Self::FormSubmitGoal,
            4 => Self::ElementClickGoal,
            5 => Self::EngagementGoal,
            6 => Self::CustomEventGoal,
            7 => Self::RevenueGoal,
            8 => Self::TimeSpentGoal,
            9 => Self::PageViewVirtualGoal,
            10 => Self::FullstackCustomEventGoal,
            other => Self::Unknown(other),
        }
    }
}

impl ::std::fmt::Display for GoalType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.value(), f)
    }
}

impl ::serde::Serialize for GoalType {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        ::serde::Serialize::serialize(&self.value(), serializer)
    }
}

impl<'de> ::serde::Deserialize<'de> for GoalType {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        let value: i64 = ::serde::Deserialize::deserialize(deserializer)?;
        ::std::result::Result::Ok(Self::from_value(value))
    }
}

/// How a URL condition of a goal is matched (documented):
/// 1 SIMPLE_MATCH, 2 EXACT_MATCH, 3 PATTERN_MATCH, 4 REGEX_MATCH,
/// 5 CONTAINS_MATCH, 6 STARTS_WITH, 7 ENDS_WITH, 8 DOMAIN, 10 URL_GROUP_MATCH
/// (9 is unassigned). The server may add values: a client must keep an unknown
/// value, not fail on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UrlMatchType {
    /// `SIMPLE_MATCH` (`1`).
    SimpleMatch,
    /// `EXACT_MATCH` (`2`).
    ExactMatch,
    /// `PATTERN_MATCH` (`3`).
    PatternMatch,
    /// `REGEX_MATCH` (`4`).
    RegexMatch,
    /// `CONTAINS_MATCH` (`5`).
    ContainsMatch,
    /// `STARTS_WITH` (`6`).
    StartsWith,
    /// `ENDS_WITH` (`7`).
    EndsWith,
    /// `DOMAIN` (`8`).
    Domain,
    /// `URL_GROUP_MATCH` (`10`).
    UrlGroupMatch,
    /// A value the spec does not list, kept as sent.
    Unknown(i64),
}

impl UrlMatchType {
    /// The value on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::SimpleMatch => 1,
            Self::ExactMatch => 2,
            Self::PatternMatch => 3,
            Self::RegexMatch => 4,
            Self::ContainsMatch => 5,
            Self::StartsWith => 6,
            Self::EndsWith => 7,
            Self::Domain => 8,
            Self::UrlGroupMatch => 10,
            Self::Unknown(value) => *value,
        }
    }
    /// The variant for a wire value; values the spec does not list give `Unknown`.
    pub fn from_value(value: i64) -> Self {
        match value {
            1 => Self::SimpleMatch,
            2 => Self::ExactMatch,
            3 => Self::PatternMatch,
            4 => Self::RegexMatch,
            5 => Self::ContainsMatch,
            6 => Self::StartsWith,
            7 => Self::EndsWith,
            8 => Self::Domain,
            10 => Self::UrlGroupMatch,
            other => Self::Unknown(other),
        }
    }
}

impl ::std::fmt::Display for UrlMatchType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.value(), f)
    }
}

impl ::serde::Serialize for UrlMatchType {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        ::serde::Serialize::serialize(&self.value(), serializer)
    }
}

impl<'de> ::serde::Deserialize<'de> for UrlMatchType {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        let value: i64 = ::serde::Deserialize::deserialize(deserializer)?;
        ::std::result::Result::Ok(Self::from_value(value))
    }
}

/// A URL matching rule of a goal (documented). Only `match_type` is documented; the other keys of this object are unknown, and unknown keys are tolerated.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct UrlRule {
    /// How the URL is matched.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub match_type: ::std::option::Option<crate::types::UrlMatchType>,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

/// A goal to create, the object inside `projectgoal` in the create request (documented, except where a field says otherwise).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ProjectGoalInput {
    /// Name of the goal shown in reports.
    pub display_name: ::std::string::String,
    /// Type of conversion the goal tracks.
    pub goal_type: crate::types::GoalType,
    /// Linkname of the project; the same value as the path's project linkname.
    pub project_linkname: ::std::string::String,
    /// URL of the page the goal is tied to.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub goal_url: ::std::option::Option<::std::string::String>,
    /// URL filters the goal includes.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub include_urls: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// URL filters the goal excludes.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub exclude_urls: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// URL matching rules.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub url: ::std::option::Option<::std::vec::Vec<crate::types::UrlRule>>,
    /// Time in seconds a visitor must spend to convert. Required when `goal_type` is 8 (TIME_SPENT_GOAL).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub time_threshold: ::std::option::Option<i32>,
    /// Inferred: CSS selector of the element a click or form goal (goal_type 2, 3 or 4) watches. Not documented as a request field; inferred from the goal objects the get answer returns (documented only by a third-party mirror of Zoho's guide).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub element_css_selector: ::std::option::Option<::std::string::String>,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

impl ProjectGoalInput {
    /// A `ProjectGoalInput` with its required properties; the others are `None`.
    #[must_use]
    pub fn new(
        display_name: ::std::string::String,
        goal_type: crate::types::GoalType,
        project_linkname: ::std::string::String,
    ) -> Self {
        Self {
            display_name,
            goal_type,
            project_linkname,
            goal_url: ::std::option::Option::None,
            include_urls: ::std::option::Option::None,
            exclude_urls: ::std::option::Option::None,
            url: ::std::option::Option::None,
            time_threshold: ::std::option::Option::None,
            element_css_selector: ::std::option::Option::None,
            additional_properties: ::serde_json::Map::new(),
        }
    }
}

/// Changes to a goal, the object inside `projectgoal` in the update request. Documented only by a third-party mirror of Zoho's guide, which names `display_name` (optional) and `project_linkname`; the other fields are inferred to be accepted as in a create.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ProjectGoalUpdate {
    /// Linkname of the project the goal belongs to. Documented only by a third-party mirror of Zoho's guide.
    pub project_linkname: ::std::string::String,
    /// New name of the goal shown in reports. Documented only by a third-party mirror of Zoho's guide.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub display_name: ::std::option::Option<::std::string::String>,
    /// Inferred: new type of the goal, as in a create.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub goal_type: ::std::option::Option<crate::types::GoalType>,
    /// Inferred: new URL of the page the goal is tied to, as in a create.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub goal_url: ::std::option::Option<::std::string::String>,
    /// Inferred: new URL filters the goal includes, as in a create.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub include_urls: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// Inferred: new URL filters the goal excludes, as in a create.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub exclude_urls: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// Inferred: new URL matching rules, as in a create.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub url: ::std::option::Option<::std::vec::Vec<crate::types::UrlRule>>,
    /// Inferred: new time in seconds a visitor must spend to convert, as in a create (where it is required for goal_type 8).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub time_threshold: ::std::option::Option<i32>,
    /// Inferred: new CSS selector of the element a click or form goal watches.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub element_css_selector: ::std::option::Option<::std::string::String>,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

impl ProjectGoalUpdate {
    /// A `ProjectGoalUpdate` with its required properties; the others are `None`.
    #[must_use]
    pub fn new(project_linkname: ::std::string::String) -> Self {
        Self {
            project_linkname,
            display_name: ::std::option::Option::None,
            goal_type: ::std::option::Option::None,
            goal_url: ::std::option::Option::None,
            include_urls: ::std::option::Option::None,
            exclude_urls: ::std::option::Option::None,
            url: ::std::option::Option::None,
            time_threshold: ::std::option::Option::None,
            element_css_selector: ::std::option::Option::None,
            additional_properties: ::serde_json::Map::new(),
        }
    }
}

/// Body of a create-goal request (documented).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct CreateProjectGoalRequest {
    /// The goal to create.
    pub projectgoal: crate::types::ProjectGoalInput,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

impl CreateProjectGoalRequest {
    /// A `CreateProjectGoalRequest` with its required properties; the others are `None`.
    #[must_use]
    pub fn new(projectgoal: crate::types::ProjectGoalInput) -> Self {
        Self {
            projectgoal,
            additional_properties: ::serde_json::Map::new(),
        }
    }
}

/// Body of an update-goal request. Documented only by a third-party mirror of Zoho's guide.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UpdateProjectGoalRequest {
    /// The changes to make.
    pub projectgoal: crate::types::ProjectGoalUpdate,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

impl UpdateProjectGoalRequest {
    /// A `UpdateProjectGoalRequest` with its required properties; the others are `None`.
    #[must_use]
    pub fn new(projectgoal: crate::types::ProjectGoalUpdate) -> Self {
        Self {
            projectgoal,
            additional_properties: ::serde_json::Map::new(),
        }
    }
}

/// A goal as the server returns it in `projectgoals`. Every field is optional: each answer carries a different subset, and unknown extra fields are tolerated. Fields seen in Zoho's delete sample are documented; the others say otherwise.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct ProjectGoal {
    /// Name of the goal shown in reports (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub display_name: ::std::option::Option<::std::string::String>,
    /// Numeric id of the goal (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub goal_id: ::std::option::Option<i64>,
    /// Status of the goal. An integer whose values are not documented (Zoho's delete page shows 2).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub goal_status: ::std::option::Option<i64>,
    /// Type of conversion the goal tracks (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub goal_type: ::std::option::Option<crate::types::GoalType>,
    /// URL of the page the goal is tied to. In answers, documented only by a third-party mirror of Zoho's guide (get answer).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub goal_url: ::std::option::Option<::std::string::String>,
    /// Linkname of the goal, e.g. `time-spent` (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub linkname: ::std::option::Option<::std::string::String>,
    /// Linkname of the project the goal belongs to (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub project_linkname: ::std::option::Option<::std::string::String>,
    /// CSS selector of the element the goal watches. Documented only by a third-party mirror of Zoho's guide (get answer).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub element_css_selector: ::std::option::Option<::std::string::String>,
    /// Time the goal was created, in epoch milliseconds (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub created_time: ::std::option::Option<i64>,
    /// Epoch milliseconds (documented as a field). Inferred from its name: the time the goal actually ended.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub actual_end_time: ::std::option::Option<i64>,
    /// A number of seconds given as a string; may be empty, as in Zoho's delete sample (documented as a field; its meaning is not documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub time_spent_seconds: ::std::option::Option<::std::string::String>,
    /// Whether the operation succeeded for this item (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub success: ::std::option::Option<bool>,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

/// Answer of the goal operations: the goals in `projectgoals` next to envelope fields (documented). Every field is optional. `x-envelope` tells clients how an answer reports failure despite a 2xx status: a `status_code` other than "10000", or an item whose `success` is false (both documented).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct ProjectGoalsResponse {
    /// Result code; "10000" means success.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub status_code: ::std::option::Option<crate::types::StatusCode>,
    /// Human-readable result, e.g. "All resource were processed successfully.".
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub status_string: ::std::option::Option<::std::string::String>,
    /// Server processing time, e.g. "83 ms" (documented in Zoho's samples).
    #[serde(rename = "timeTakenToProcessTheRequest")]
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub time_taken_to_process_the_request: ::std::option::Option<::std::string::String>,
    /// Server processing time under the name Zoho's overview gives it; the samples spell it `timeTakenToProcessTheRequest`. Kept so either spelling is read.
    #[serde(rename = "timeTakenToProcessTheResult")]
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub time_taken_to_process_the_result: ::std::option::Option<::std::string::String>,
    /// Number of items in the answer (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub count: ::std::option::Option<i64>,
    /// The goals concerned. Every concrete sample gives an array; Zoho's overview shows a single object, so both forms are accepted.
    #[serde(
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "crate::runtime::body::option_one_or_many"
    )]
    pub projectgoals: ::std::option::Option<::std::vec::Vec<crate::types::ProjectGoal>>,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

impl ProjectGoalsResponse {
    /// Why this answer says the operation failed although its HTTP status is a
    /// success, if it does (the spec's `x-envelope`); the client turns such an
    /// answer into [`crate::Error::Unsuccessful`].
    pub fn failure(&self) -> ::std::option::Option<::std::string::String> {
        if let ::std::option::Option::Some(status) = &self.status_code {
            if !crate::runtime::body::displays_as_one_of(status, &["10000"]) {
                return ::std::option::Option::Some(
                    format!("`{}` is {}", "status_code", status),
                );
            }
        }
        if let ::std::option::Option::Some(items) = &self.projectgoals {
            if let ::std::option::Option::Some(index) = items
                .iter()
                .position(|item| item.success == ::std::option::Option::Some(false))
            {
                return ::std::option::Option::Some(
                    format!("`{}[{}].{}` is false", "projectgoals", index, "success"),
                );
            }
        }
        ::std::option::Option::None
    }
}

/// Result code of an answer; "10000" means success. Samples give a string; errors may give a number. No list of codes is documented. Inferred: a number may also come with a fraction part (`10000.0`), as JSON encoders of some servers write numbers; it is read as the same code. `anyOf`, as an integer is also a number.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum StatusCode {
    /// The value as a string.
    String(::std::string::String),
    /// The value as an integer.
    Integer(i64),
    /// The value as a number.
    Number(f64),
}

impl ::std::fmt::Display for StatusCode {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            Self::String(value) => ::std::fmt::Display::fmt(value, f),
            Self::Integer(value) => ::std::fmt::Display::fmt(value, f),
            Self::Number(value) => ::std::fmt::Display::fmt(value, f),
        }
    }
}

/// A custom event to create, the object inside `customevent` in the create request (documented).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct CustomEventInput {
    /// Name of the custom event, e.g. "PremiumSignupCTA".
    pub event_name: ::std::string::String,
    /// Linkname of the project the event belongs to.
    pub project_linkname: ::std::string::String,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

impl CustomEventInput {
    /// A `CustomEventInput` with its required properties; the others are `None`.
    #[must_use]
    pub fn new(
        event_name: ::std::string::String,
        project_linkname: ::std::string::String,
    ) -> Self {
        Self {
            event_name,
            project_linkname,
            additional_properties: ::serde_json::Map::new(),
        }
    }
}

/// Body of a create-custom-event request (documented).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct CreateCustomEventRequest {
    /// The custom event to create.
    pub customevent: crate::types::CustomEventInput,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

impl CreateCustomEventRequest {
    /// A `CreateCustomEventRequest` with its required properties; the others are `None`.
    #[must_use]
    pub fn new(customevent: crate::types::CustomEventInput) -> Self {
        Self {
            customevent,
            additional_properties: ::serde_json::Map::new(),
        }
    }
}

/// A custom event as the server returns it in `customevents`. Every field is optional, and unknown extra fields are tolerated.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct CustomEvent {
    /// Numeric id of the event (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub event_id: ::std::option::Option<i64>,
    /// Name of the event. In answers, documented only by a third-party mirror of Zoho's guide (list answer).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub event_name: ::std::option::Option<::std::string::String>,
    /// Linkname of the event, e.g. `premiumsignupcta` (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub linkname: ::std::option::Option<::std::string::String>,
    /// Whether the operation succeeded for this item (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub success: ::std::option::Option<bool>,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

/// Answer of the custom-event operations: the events in `customevents` next to envelope fields. Every field is optional; Zoho's create sample carries no envelope fields at all, only `customevents`. `x-envelope` is as on `ProjectGoalsResponse`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct CustomEventsResponse {
    /// Result code; "10000" means success.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub status_code: ::std::option::Option<crate::types::StatusCode>,
    /// Human-readable result, e.g. "All resource were processed successfully.".
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub status_string: ::std::option::Option<::std::string::String>,
    /// Server processing time, e.g. "83 ms" (documented in Zoho's samples).
    #[serde(rename = "timeTakenToProcessTheRequest")]
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub time_taken_to_process_the_request: ::std::option::Option<::std::string::String>,
    /// Server processing time under the name Zoho's overview gives it; the samples spell it `timeTakenToProcessTheRequest`. Kept so either spelling is read.
    #[serde(rename = "timeTakenToProcessTheResult")]
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub time_taken_to_process_the_result: ::std::option::Option<::std::string::String>,
    /// Number of items in the answer (documented).
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub count: ::std::option::Option<i64>,
    /// The custom events concerned. Every concrete sample gives an array. Inferred: as Zoho's overview shows the goals' list key as a single object, both forms are accepted here too.
    #[serde(
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "crate::runtime::body::option_one_or_many"
    )]
    pub customevents: ::std::option::Option<::std::vec::Vec<crate::types::CustomEvent>>,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}

impl CustomEventsResponse {
    /// Why this answer says the operation failed although its HTTP status is a
    /// success, if it does (the spec's `x-envelope`); the client turns such an
    /// answer into [`crate::Error::Unsuccessful`].
    pub fn failure(&self) -> ::std::option::Option<::std::string::String> {
        if let ::std::option::Option::Some(status) = &self.status_code {
            if !crate::runtime::body::displays_as_one_of(status, &["10000"]) {
                return ::std::option::Option::Some(
                    format!("`{}` is {}", "status_code", status),
                );
            }
        }
        if let ::std::option::Option::Some(items) = &self.customevents {
            if let ::std::option::Option::Some(index) = items
                .iter()
                .position(|item| item.success == ::std::option::Option::Some(false))
            {
                return ::std::option::Option::Some(
                    format!("`{}[{}].{}` is false", "customevents", index, "success"),
                );
            }
        }
        ::std::option::Option::None
    }
}

/// Error answer (documented): `{"status_code": <code>, "message": "..."}`. Both fields are optional.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct ErrorResponse {
    /// Error code; a string or a number. No list of codes is documented.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub status_code: ::std::option::Option<crate::types::StatusCode>,
    /// Human-readable error message.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub message: ::std::option::Option<::std::string::String>,
    /// Properties the spec does not list, kept as sent.
    #[serde(flatten)]
    pub additional_properties: ::serde_json::Map<
        ::std::string::String,
        ::serde_json::Value,
    >,
}
