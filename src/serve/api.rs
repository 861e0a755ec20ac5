//! The page's API: `GET /api/profiles` and `POST /api/check`.
//!
//! `/api/check` takes the post and what the page asks about it (profile, account, date,
//! photos) as JSON, and answers with the contract JSON of `vigie check --format json`,
//! built by the same reporter from the same findings.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State as AxumState;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{ApiError, MAX_TEXT_CHARS, State, check_text, read_body};
use crate::draft::{Account, Consent, DateText, FrontMatter, Media, People, Platform};
use crate::engine::Summary;
use crate::policy::builtin;
use crate::report::{FileReport, Report};

/// The path findings of the page carry in the report.
pub const PAGE_PATH: &str = "publication";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    text: String,
    profile: Option<String>,
    account: Option<Account>,
    /// Publication date, `AAAA-MM-JJ`.
    date: Option<String>,
    platform: Option<Platform>,
    #[serde(default)]
    photos: Vec<Photo>,
}

/// A photo declared on the page: what the front matter's `[[media]]` says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Photo {
    people: Option<People>,
    minors: Option<bool>,
    consent: Option<Consent>,
    credit: Option<String>,
    alt: Option<String>,
}

/// The built-in profiles (and the server's own, if it is a custom one), the server's
/// first: what the page offers.
pub async fn profiles(AxumState(state): AxumState<Arc<State>>) -> Response {
    let default = &state.default.policy;
    let mut list = vec![serde_json::json!({
        "id": default.id, "name": default.name, "policy": default.title, "default": true,
    })];
    for (id, _) in builtin::PROFILES.iter().filter(|(id, _)| *id != default.id) {
        if let Ok(p) = crate::load_builtin_policy(id) {
            list.push(serde_json::json!({
                "id": p.id, "name": p.name, "policy": p.title, "default": false,
            }));
        }
    }
    let account = state.account.or(state.default.defaults.account);
    axum::Json(serde_json::json!({ "profiles": list, "account": account })).into_response()
}

pub async fn check(AxumState(state): AxumState<Arc<State>>, body: Body) -> Response {
    match check_inner(&state, body).await {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn check_inner(state: &Arc<State>, body: Body) -> Result<String, ApiError> {
    let bytes = read_body(body).await?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad-utf8",
            format!(
                "la requête n'est pas du texte UTF-8 valide (octet {})",
                e.valid_up_to() + 1
            ),
        )
        .help("envoyez le texte encodé en UTF-8")
    })?;
    let request: CheckRequest = serde_json::from_str(text).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad-json",
            format!(
                "requête JSON invalide, ligne {}, colonne {} : {e}",
                e.line(),
                e.column()
            ),
        )
        .help("envoyez {\"text\": \"…\", \"profile\": \"…\", \"account\": \"official\" | \"personal\"}")
    })?;
    let chars = request.text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(ApiError::too_long(chars));
    }
    let date = request.date.filter(|d| !d.trim().is_empty()).map(DateText);
    if let Some(Err(m)) = date.as_ref().map(DateText::parse) {
        return Err(
            ApiError::new(StatusCode::BAD_REQUEST, "bad-date", format!("date : {m}"))
                .help("écrivez la date de publication ainsi : 2025-10-12"),
        );
    }
    let flags = FrontMatter {
        account: request.account.or(state.account),
        platform: request.platform,
        publish_at: date,
        media: request
            .photos
            .into_iter()
            .enumerate()
            .map(|(i, p)| Media {
                path: format!("photo {}", i + 1),
                people: p.people,
                minors: p.minors,
                consent: p.consent,
                credit: p.credit.filter(|c| !c.trim().is_empty()),
                alt: p.alt.filter(|a| !a.trim().is_empty()),
            })
            .collect(),
        ..FrontMatter::default()
    };
    let state2 = state.clone();
    let profile = request.profile;
    let text = request.text;
    state
        .run_check(move || {
            let engine = state2.engine(profile.as_deref())?;
            let (draft, findings) = check_text(&engine, PAGE_PATH, text, &flags)
                .map_err(|p| ApiError::problem(StatusCode::BAD_REQUEST, &p))?;
            let mut summary = Summary::default();
            summary.add(&findings);
            let files = [FileReport {
                draft,
                findings,
                personal: Vec::new(),
            }];
            let report = Report {
                policy: Some(&engine.policy),
                files: &files,
                problems: &[],
                summary,
                redact: false,
            };
            Ok(crate::report::render(
                &report,
                crate::cli::OutputFormat::Json,
                false,
            ))
        })
        .await?
}
