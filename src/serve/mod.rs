//! `vigie serve`: the same checks where people write, through a local web server.
//!
//! Most of vigie's users never open a terminal: they write in a social network's
//! composer, in LibreOffice or in a mail client. The server gives them two ways in, both
//! on the engine of `vigie check`:
//!
//! - a page (`/`, files of [`assets`] embedded in the binary) whose API, `POST /api/check`,
//!   answers with the contract JSON of `vigie check --format json` ([`api`]);
//! - the LanguageTool HTTP API (`POST /v2/check`, `GET /v2/languages`) that the
//!   LanguageTool browser extension, LibreOffice and LTeX already call ([`lt`]), optionally
//!   merged with a real LanguageTool server's matches ([`upstream`]).
//!
//! Safe by default: it listens on 127.0.0.1; another address needs a token that every
//! request carries; CORS admits only browser extensions; bodies are bounded, checks run on
//! the blocking pool a few at a time, slow requests time out, and the text of a post is
//! never logged or written.

mod api;
mod assets;
mod lt;
mod upstream;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Request, State as AxumState};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tokio::sync::Semaphore;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

use crate::cli::ServeArgs;
use crate::draft::{Account, Draft, Format, FrontMatter};
use crate::engine::{self, CheckOptions, Engine, ProfileChoice};
use crate::finding::Finding;
use crate::policy::builtin;
use crate::problem::{Problem, did_you_mean};

/// The largest request body accepted (a post is a few kilobytes; annotated text with its
/// markup, a few times more).
pub const MAX_BODY_BYTES: usize = 512 * 1024;
/// The longest text checked, in characters (LanguageTool's own servers stop lower).
pub const MAX_TEXT_CHARS: usize = 100_000;
/// How long a request may take, body included, before it is answered 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a check waits for a free slot before the server answers 503.
const QUEUE_TIMEOUT: Duration = Duration::from_secs(10);
/// The cookie the page gets once opened with `?token=`.
const TOKEN_COOKIE: &str = "vigie_token";
/// The environment variable that may hold the token.
pub const TOKEN_VAR: &str = "VIGIE_TOKEN";

/// How the server was asked to run (the command line, resolved).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub profile: Option<String>,
    pub policy: Option<PathBuf>,
    /// The account of texts that come through the LanguageTool API.
    pub account: Option<Account>,
    pub token: Option<String>,
    pub upstream: Option<String>,
    /// The folder whose `vigie.toml` (or the nearest one above) configures the server.
    pub dir: PathBuf,
    /// Checks that may run at once; 0: twice the cores.
    pub max_checks: usize,
}

/// What every request handler shares.
pub struct State {
    /// The server's profile: the LanguageTool API's, and the page's first choice.
    default: Arc<Engine>,
    config: Option<PathBuf>,
    /// Engines of the other built-in profiles the page asked for, built once each.
    others: Mutex<HashMap<String, Arc<Engine>>>,
    account: Option<Account>,
    token: Option<String>,
    checks: Semaphore,
    upstream: Option<upstream::Upstream>,
}

impl State {
    /// Loads the server's profile (and `vigie.toml`), and checks the upstream address.
    pub fn new(options: &Options) -> Result<State, Vec<Problem>> {
        let config = engine::find_config(&options.dir);
        let choice = ProfileChoice {
            profile: options.profile.clone(),
            policy: options.policy.clone(),
            levels: Vec::new(),
        };
        let default = Engine::load(&choice, config.as_deref())?;
        let upstream = match &options.upstream {
            Some(url) => Some(upstream::Upstream::new(url).map_err(|m| {
                vec![Problem::file("--upstream", m).with_help(
                    "donnez l'adresse d'un serveur LanguageTool, par exemple http://localhost:8010",
                )]
            })?),
            None => None,
        };
        let max_checks = match options.max_checks {
            0 => 2 * std::thread::available_parallelism().map_or(2, |n| n.get()),
            n => n,
        };
        Ok(State {
            default: Arc::new(default),
            config,
            others: Mutex::new(HashMap::new()),
            account: options.account,
            token: options.token.clone().filter(|t| !t.is_empty()),
            checks: Semaphore::new(max_checks),
            upstream,
        })
    }

    /// The engine of a profile the page asked for (`None`: the server's).
    fn engine(&self, profile: Option<&str>) -> Result<Arc<Engine>, ApiError> {
        let Some(id) = profile.filter(|id| *id != self.default.policy.id) else {
            return Ok(self.default.clone());
        };
        if builtin::source(id).is_none() {
            let ids = builtin::PROFILES.iter().map(|(id, _)| *id);
            let help = match did_you_mean(id, ids.clone()) {
                Some(s) => format!("vouliez-vous dire « {s} » ?"),
                None => format!(
                    "profils connus : {}",
                    ids.chain([self.default.policy.id.as_str()])
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "unknown-profile",
                format!("profil inconnu « {id} »"),
            )
            .help(help));
        }
        let mut others = self.others.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(engine) = others.get(id) {
            return Ok(engine.clone());
        }
        let choice = ProfileChoice {
            profile: Some(id.to_string()),
            ..ProfileChoice::default()
        };
        let engine = Engine::load(&choice, self.config.as_deref())
            .map(Arc::new)
            .map_err(|problems| {
                ApiError::problem(StatusCode::INTERNAL_SERVER_ERROR, &problems[0])
            })?;
        others.insert(id.to_string(), engine.clone());
        Ok(engine)
    }

    /// Runs `job` on the blocking pool once a check slot is free (503 after a while).
    async fn run_check<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit = tokio::time::timeout(QUEUE_TIMEOUT, self.checks.acquire())
            .await
            .map_err(|_| {
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "busy",
                    "le serveur est occupé par d'autres vérifications",
                )
                .help("réessayez dans quelques secondes")
            })?
            .map_err(|_| {
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "stopping",
                    "le serveur s'arrête",
                )
            })?;
        tokio::task::spawn_blocking(job).await.map_err(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "la vérification a échoué de façon inattendue",
            )
        })
    }
}

/// Checks one text with an engine, as `vigie check` checks a file: the same draft, the
/// same findings. `flags` play the command line's metadata.
pub fn check_text(
    engine: &Engine,
    path: &str,
    text: String,
    flags: &FrontMatter,
) -> Result<(Draft, Vec<Finding>), Problem> {
    let draft = Draft::parse(path, text, Format::Text)?;
    let today = jiff::Zoned::now().date();
    let findings = engine.check_with(&draft, flags, today, CheckOptions::default())?;
    Ok((draft, findings))
}

/// A French error, as JSON: `{"error": {"code", "message", "help"}}` with its status.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    help: Option<String>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> ApiError {
        self.help = Some(help.into());
        self
    }

    /// An input problem (a bad date, a broken front matter) as a 400, with its position.
    fn problem(status: StatusCode, p: &Problem) -> ApiError {
        let at = match (p.line, p.column) {
            (Some(l), Some(c)) => format!("ligne {l}, colonne {c} : "),
            _ => String::new(),
        };
        ApiError {
            status,
            code: "bad-input",
            message: format!("{at}{}", p.message),
            help: p.help.clone(),
        }
    }

    fn too_long(chars: usize) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "text-too-long",
            format!("texte trop long : {chars} caractères (au plus {MAX_TEXT_CHARS})"),
        )
        .help("vérifiez la publication en plusieurs parties")
    }

    fn body_too_large() -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body-too-large",
            format!(
                "requête trop grosse (au plus {} Kio)",
                MAX_BODY_BYTES / 1024
            ),
        )
        .help("vérifiez la publication en plusieurs parties")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": {"code": self.code, "message": self.message, "help": self.help}
        });
        (self.status, axum::Json(body)).into_response()
    }
}

/// Reads a request body whole, within [`MAX_BODY_BYTES`].
async fn read_body(body: Body) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| ApiError::body_too_large())
}

/// The routes, the page's and LanguageTool's, with the limits and checks around them.
pub fn router(state: Arc<State>) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(|origin: &HeaderValue, _| {
            is_extension_origin(origin.as_bytes())
        }))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION, header::ACCEPT]);
    Router::new()
        .route("/", get(assets::index))
        .route("/app.css", get(assets::css))
        .route("/app.js", get(assets::js))
        .route("/api/profiles", get(api::profiles))
        .route("/api/check", post(api::check))
        .route("/v2/check", post(lt::check).get(lt::check))
        .route("/v2/languages", get(lt::languages))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), require_token))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(cors)
        .layer(RequestBodyTimeoutLayer::new(REQUEST_TIMEOUT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(state)
}

/// Origins of browser extensions (the LanguageTool extension calls from its own page);
/// web sites get no CORS access.
fn is_extension_origin(origin: &[u8]) -> bool {
    [
        &b"chrome-extension://"[..],
        b"moz-extension://",
        b"safari-web-extension://",
    ]
    .iter()
    .any(|scheme| origin.starts_with(scheme) && origin.len() > scheme.len())
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not-found", "adresse inconnue")
        .help("la page est à /, l'API de LanguageTool à /v2/check")
}

/// With a token set, every request carries it: `Authorization: Bearer T`, or `token=T` /
/// `apiKey=T` in the query or in a form body (what LanguageTool clients can send: LTeX
/// and LibreOffice have an API key setting), or the cookie the page gets when opened
/// with `?token=T`.
async fn require_token(
    AxumState(state): AxumState<Arc<State>>,
    request: Request,
    next: Next,
) -> Response {
    let Some(token) = state.token.as_deref() else {
        return next.run(request).await;
    };
    let (parts, body) = request.into_parts();
    let bearer = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let query = parts.uri.query().unwrap_or("").as_bytes();
    let in_form = |bytes: &[u8]| {
        lt::form_pairs(bytes)
            .into_iter()
            .flatten()
            .any(|(k, v)| (k == "token" || k == "apiKey") && same(&v, token))
    };
    let from_query = in_form(query);
    let cookie = parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| {
            c.trim()
                .strip_prefix(TOKEN_COOKIE)
                .and_then(|c| c.strip_prefix('='))
        })
        .any(|c| same(c, token));
    let mut ok = bearer.is_some_and(|b| same(b, token)) || from_query || cookie;
    let body = if !ok && parts.method == Method::POST && parts.uri.path() == "/v2/check" {
        // LanguageTool clients send the key in the form (LTeX with a JSON content type).
        let bytes = match read_body(body).await {
            Ok(b) => b,
            Err(e) => return e.into_response(),
        };
        ok = in_form(&bytes);
        Body::from(bytes)
    } else {
        body
    };
    if !ok {
        return ApiError::new(
            StatusCode::UNAUTHORIZED,
            "token-required",
            "jeton absent ou incorrect",
        )
        .help(
            "ce serveur exige un jeton : en-tête « Authorization: Bearer JETON », ou paramètre \
             apiKey (clé d'API de l'extension LanguageTool, de LibreOffice ou de LTeX), ou ?token=JETON \
             dans l'adresse de la page",
        )
        .into_response();
    }
    let page = parts.uri.path() == "/";
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if page && from_query {
        // The page opened with ?token=: its style sheet, script and API calls carry it back.
        let cookie = format!("{TOKEN_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
    }
    response
}

/// Compares two secrets in a time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// `vigie serve`: loads the profile, listens, serves until Ctrl-C.
pub fn run(args: &ServeArgs) -> i32 {
    let token = args
        .token
        .clone()
        .or_else(|| std::env::var(TOKEN_VAR).ok())
        .filter(|t| !t.is_empty());
    if !args.bind.is_loopback() {
        eprintln!(
            "vigie : attention : --bind {} rend le serveur joignable par les autres ordinateurs du réseau. \
             Les textes des publications y circulent en clair (HTTP, sans chiffrement) et n'importe qui \
             sur le réseau pourrait faire vérifier des textes par ce serveur.",
            args.bind
        );
        if token.is_none() {
            eprintln!(
                "vigie : sur une autre adresse que 127.0.0.1, un jeton est obligatoire : ajoutez \
                 --token JETON (ou définissez la variable {TOKEN_VAR}) ; chaque requête devra le porter."
            );
            return crate::EXIT_ERROR;
        }
    }
    let options = Options {
        profile: args.profile.clone(),
        policy: args.policy.clone(),
        account: args.account,
        token,
        upstream: args.upstream.clone(),
        dir: std::env::current_dir().unwrap_or_default(),
        max_checks: 0,
    };
    let state = match State::new(&options) {
        Ok(s) => s,
        Err(problems) => {
            for p in &problems {
                eprintln!("{}", crate::report::human::problem(p, false));
            }
            return crate::EXIT_ERROR;
        }
    };
    state.default.warm_up();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("vigie : impossible de démarrer le serveur : {e}");
            return crate::EXIT_ERROR;
        }
    };
    runtime.block_on(serve_until_stopped(
        SocketAddr::new(args.bind, args.port),
        Arc::new(state),
    ))
}

async fn serve_until_stopped(addr: SocketAddr, state: Arc<State>) -> i32 {
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            let hint = if e.kind() == std::io::ErrorKind::AddrInUse {
                " : le port est déjà pris ; choisissez-en un autre avec --port"
            } else {
                ""
            };
            eprintln!("vigie : impossible d'écouter sur {addr} : {e}{hint}");
            return crate::EXIT_ERROR;
        }
    };
    let stop = shutdown_signal();
    let shown = display_addr(listener.local_addr().unwrap_or(addr));
    let profile = &state.default.policy;
    println!(
        "vigie écoute sur http://{shown}/ (profil : {} — {})",
        profile.id, profile.name
    );
    println!("  la page : ouvrez http://{shown}/ dans votre navigateur");
    println!(
        "  LanguageTool : indiquez http://{shown}/v2 comme serveur dans l'extension ou le logiciel"
    );
    if let Some(u) = &state.upstream {
        println!("  vérifications transmises aussi à {}", u.base());
    }
    println!("Ctrl-C pour arrêter.");
    let app = router(state);
    let result = axum::serve(listener, app)
        .with_graceful_shutdown(stop)
        .await;
    match result {
        Ok(()) => {
            println!("vigie : serveur arrêté.");
            crate::EXIT_CLEAN
        }
        Err(e) => {
            eprintln!("vigie : le serveur s'est arrêté sur une erreur : {e}");
            crate::EXIT_ERROR
        }
    }
}

/// `127.0.0.1:8081`, or `[::1]:8081`; an unspecified address is shown as localhost.
fn display_addr(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => format!("localhost:{}", addr.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => format!("localhost:{}", addr.port()),
        _ => addr.to_string(),
    }
}

/// Ctrl-C (or SIGTERM): stop accepting, let the requests in flight finish. The handlers
/// are installed when this is called, before the address is printed: a signal sent as
/// soon as the server says it listens is not lost.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let signals = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
        )
    };
    async move {
        #[cfg(unix)]
        match signals {
            (Ok(mut interrupt), Ok(mut terminate)) => {
                tokio::select! {
                    _ = interrupt.recv() => {},
                    _ = terminate.recv() => {},
                }
            }
            _ => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        println!("vigie : arrêt demandé ; les vérifications en cours se terminent…");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_extension_origins_pass_cors() {
        assert!(is_extension_origin(
            b"chrome-extension://oldceeleldhonbafppcapldpdifcinji"
        ));
        assert!(is_extension_origin(b"moz-extension://1c0d7b2e-aa"));
        assert!(!is_extension_origin(b"chrome-extension://"));
        assert!(!is_extension_origin(b"https://evil.example"));
        assert!(!is_extension_origin(b"http://localhost:3000"));
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same("s3cret", "s3cret"));
        assert!(!same("s3cret", "s3cres"));
        assert!(!same("s3cret", "s3cre"));
    }
}
