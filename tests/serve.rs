//! `vigie serve` over real HTTP on loopback: the requests LanguageTool clients send (LTeX's
//! `LanguageToolHttpInterface`, the browser extension), replayed and answered field by
//! field; the page's API against `vigie check --format json`; errors, token, CORS,
//! `--upstream` against a fake LanguageTool server, and a clean stop.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::response::IntoResponse;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};
use vigie::draft::Account;
use vigie::serve::{Options, State};

/// Starts a server on a free loopback port.
async fn start(options: Options) -> SocketAddr {
    let state = State::new(&options).expect("the server starts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = vigie::serve::router(Arc::new(state));
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

fn options(profile: &str) -> Options {
    Options {
        profile: Some(profile.to_string()),
        dir: std::env::temp_dir(),
        ..Options::default()
    }
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Value,
}

async fn send(
    addr: SocketAddr,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: impl Into<Bytes>,
) -> Answer {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let mut request = Request::builder()
        .method(method)
        .uri(format!("http://{addr}{path}"));
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = client
        .request(request.body(Full::new(body.into())).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        body,
    }
}

fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                utf8_percent_encode(k, NON_ALPHANUMERIC),
                utf8_percent_encode(v, NON_ALPHANUMERIC)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");

/// The UTF-16 offset of `needle` in `haystack`, as Java counts.
fn utf16_offset(haystack: &str, needle: &str) -> usize {
    let byte = haystack.find(needle).unwrap();
    haystack[..byte].encode_utf16().count()
}

#[tokio::test]
async fn ltex_annotated_text_with_a_json_content_type() {
    let addr = start(options("la-sarre")).await;
    // LTeX posts a form, but labels it application/json; markup parts count in offsets.
    let data = json!({"annotation": [
        {"markup": "\\textbf{"},
        {"text": "Fête 🎉 réussie"},
        {"markup": "}"},
        {"text": " ! Appelez Léa au 819 555-1234."},
        {"markup": "\\\\", "interpretAs": "\n"},
    ]});
    let body = form(&[
        ("language", "fr-CA"),
        ("data", &data.to_string()),
        ("level", "picky"),
        ("motherTongue", "fr"),
        ("apiKey", "anything"),
        ("username", "someone@example.com"),
    ]);
    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[("content-type", "application/json")],
        body,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.body["software"]["name"], "vigie");
    assert_eq!(a.body["software"]["apiVersion"], 1);
    assert_eq!(a.body["language"]["code"], "fr-CA");
    assert_eq!(a.body["language"]["name"], "French (Canada)");
    let matches = a.body["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 1, "{matches:#?}");
    let m = &matches[0];
    let document = "\\textbf{Fête 🎉 réussie} ! Appelez Léa au 819 555-1234.\\\\";
    assert_eq!(m["offset"], utf16_offset(document, "819"));
    assert_eq!(m["offset"], 42);
    assert_eq!(m["length"], 12);
    assert_eq!(m["rule"]["id"], "confidential-data");
    assert_eq!(m["rule"]["subId"], "phone");
    assert_eq!(m["rule"]["issueType"], "legal");
    assert_eq!(m["rule"]["category"]["id"], "VIGIE");
    assert_eq!(
        m["rule"]["category"]["name"],
        "Politique des médias sociaux — Ville de La Sarre"
    );
    assert_eq!(
        m["rule"]["description"],
        "Renseignements personnels ou confidentiels"
    );
    assert_eq!(m["shortMessage"], m["rule"]["description"]);
    let message = m["message"].as_str().unwrap();
    assert!(
        message.starts_with("Numéro de téléphone d'un particulier. À faire : Retirez le numéro"),
        "{message}"
    );
    assert!(
        message.contains(
            "Ville de La Sarre, art. 12 (Confidentialité) : « Aucun renseignement personnel"
        ),
        "{message}"
    );
    assert_eq!(m["replacements"], json!([]));
    assert_eq!(m["type"]["typeName"], "Other");
    // Context and sentence come from the checked text, markup left out.
    let plain = "Fête 🎉 réussie ! Appelez Léa au 819 555-1234. ";
    assert_eq!(m["context"]["text"], plain);
    assert_eq!(m["context"]["offset"], utf16_offset(plain, "819"));
    assert_eq!(m["context"]["length"], 12);
    assert_eq!(m["sentence"], "Appelez Léa au 819 555-1234.");
}

#[tokio::test]
async fn browser_extension_request_with_cors() {
    let addr = start(options("la-sarre")).await;
    let text = "😀😀 Grande fête !\nVENEZ TOUS AU PARC CE SAMEDI";
    let body = form(&[
        ("data", &json!({"annotation": [{"text": text}]}).to_string()),
        ("textSessionId", "12345:1700000000000"),
        ("enableHiddenRules", "true"),
        ("level", "default"),
        ("language", "auto"),
        ("noopLanguages", "fr,en"),
        ("preferredLanguages", "fr,en"),
        ("preferredVariants", "fr-CA"),
        ("disabledRules", "WHITESPACE_RULE"),
        ("useragent", "webextension-chrome-ng"),
        ("mode", "allButTextLevelOnly"),
        ("allowIncompleteResults", "true"),
    ]);
    let origin = "chrome-extension://oldceeleldhonbafppcapldpdifcinji";
    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM, ("origin", origin)],
        body,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.headers["access-control-allow-origin"], origin);
    assert_eq!(a.body["language"]["code"], "fr");
    let m = &a.body["matches"][0];
    assert_eq!(m["rule"]["id"], "shouting");
    assert_eq!(m["rule"]["issueType"], "non-conformance");
    // Two emoji, two units each.
    assert_eq!(m["offset"], utf16_offset(text, "VENEZ"));
    assert_eq!(m["offset"], 19);
    assert_eq!(m["length"], "VENEZ TOUS AU PARC CE SAMEDI".len());
    assert!(
        m["message"]
            .as_str()
            .unwrap()
            .contains("art. 5.5 (Nétiquette)"),
        "{}",
        m["message"]
    );

    // The preflight of an extension passes; a web site gets no CORS access.
    let pre = send(
        addr,
        Method::OPTIONS,
        "/v2/check",
        &[
            ("origin", "moz-extension://5e7a6c1e-0000"),
            ("access-control-request-method", "POST"),
        ],
        "",
    )
    .await;
    assert_eq!(
        pre.headers["access-control-allow-origin"],
        "moz-extension://5e7a6c1e-0000"
    );
    let web = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM, ("origin", "https://evil.example")],
        form(&[("text", "Bonjour"), ("language", "fr")]),
    )
    .await;
    assert!(!web.headers.contains_key("access-control-allow-origin"));
}

#[tokio::test]
async fn rules_are_chosen_with_enabled_only_and_disabled_rules() {
    let addr = start(options("la-sarre")).await;
    let text = "VENEZ TOUS AU PARC. Appelez Léa au 819 555-1234.";
    let ids = |a: &Answer| -> Vec<String> {
        a.body["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["rule"]["id"].as_str().unwrap().to_string())
            .collect()
    };
    let all = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        form(&[("text", text), ("language", "fr")]),
    )
    .await;
    assert_eq!(ids(&all), ["shouting", "confidential-data"]);
    let only = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        form(&[
            ("text", text),
            ("language", "fr"),
            ("enabledOnly", "true"),
            ("enabledRules", "confidential-data"),
        ]),
    )
    .await;
    assert_eq!(ids(&only), ["confidential-data"]);
    let disabled = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        form(&[
            ("text", text),
            ("language", "fr"),
            (
                "disabledRules",
                "confidential-data,UPPERCASE_SENTENCE_START",
            ),
        ]),
    )
    .await;
    assert_eq!(ids(&disabled), ["shouting"]);
    // A GET with the parameters in the query, as LanguageTool also accepts.
    let get = send(
        addr,
        Method::GET,
        &format!("/v2/check?{}", form(&[("text", text), ("language", "fr")])),
        &[],
        "",
    )
    .await;
    assert_eq!(ids(&get), ["shouting", "confidential-data"]);
}

#[tokio::test]
async fn the_disclaimer_comes_as_a_replacement() {
    let addr = start(options("la-sarre")).await;
    let text = "Franchement, je trouve que la Ville de La Sarre a pris une mauvaise décision 👎 sur les piscines.\n#LaSarre";
    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        form(&[("text", text), ("language", "fr-CA")]),
    )
    .await;
    let m = &a.body["matches"][0];
    assert_eq!(m["rule"]["id"], "opinion-disclaimer");
    let offset = m["offset"].as_u64().unwrap() as usize;
    let length = m["length"].as_u64().unwrap() as usize;
    let value = m["replacements"][0]["value"].as_str().unwrap();
    // Applying the replacement in UTF-16 units, as a client does, adds the disclaimer
    // before the hashtags.
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut fixed: Vec<u16> = units[..offset].to_vec();
    fixed.extend(value.encode_utf16());
    fixed.extend(&units[offset + length..]);
    assert_eq!(
        String::from_utf16(&fixed).unwrap(),
        "Franchement, je trouve que la Ville de La Sarre a pris une mauvaise décision 👎 sur les piscines.\n\n\
         Les opinions que j'exprime ici n'engagent que ma personne et ne représentent pas l'opinion de la Ville.\n#LaSarre"
    );
    // On an official account (the server's setting), no disclaimer is asked.
    let official = start(Options {
        account: Some(Account::Official),
        ..options("la-sarre")
    })
    .await;
    let a = send(
        official,
        Method::POST,
        "/v2/check",
        &[FORM],
        form(&[("text", text), ("language", "fr-CA")]),
    )
    .await;
    assert!(
        a.body["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["rule"]["id"] != "opinion-disclaimer"),
        "{}",
        a.body
    );
}

#[tokio::test]
async fn languages_are_french() {
    let addr = start(options("drummondville")).await;
    let a = send(addr, Method::GET, "/v2/languages", &[], "").await;
    assert_eq!(a.status, StatusCode::OK);
    let list = a.body.as_array().unwrap();
    assert!(list.contains(&json!({"name": "French (Canada)", "code": "fr", "longCode": "fr-CA"})));
    assert!(list.iter().all(|l| l["code"] == "fr"));
}

/// The page's API answers the contract JSON, with the findings `vigie check` gives.
#[tokio::test]
async fn the_page_api_gives_the_findings_of_vigie_check() {
    let addr = start(options("la-sarre")).await;
    let text = "Appelez Léa au 819 555-1234 😀\nVENEZ TOUS AU PARC CE SAMEDI\n";
    let request = json!({
        "text": text, "profile": "la-sarre", "account": "official", "date": "2025-10-12",
        "photos": [{"people": "identifiable", "minors": true, "consent": "unknown", "credit": "", "alt": ""}],
    });
    let a = send(
        addr,
        Method::POST,
        "/api/check",
        &[("content-type", "application/json")],
        request.to_string(),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.body["version"], 1);
    assert_eq!(a.body["profile"]["id"], "la-sarre");

    // The same post, checked by the command line.
    let dir = std::env::temp_dir().join(format!("vigie-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let draft = dir.join("publication.txt");
    std::fs::write(
        &draft,
        format!(
            "+++\naccount = \"official\"\npublish_at = 2025-10-12\n[[media]]\npath = \"photo 1\"\n\
             people = \"identifiable\"\nminors = true\nconsent = \"unknown\"\n+++\n{text}"
        ),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .current_dir(&dir)
        .args([
            "check",
            "--profile",
            "la-sarre",
            "--format",
            "json",
            "publication.txt",
        ])
        // The page shows the post to the person who typed it, unmasked; the CLI masks
        // personal data by default under CI.
        .env_remove("CI")
        .output()
        .unwrap();
    let cli: Value = serde_json::from_slice(&out.stdout).unwrap();
    let essentials = |v: &Value| -> Vec<Value> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                // A photo declared on the page has no front matter line to point at.
                let excerpt = if f["rule"] == "photo-consent" {
                    Value::Null
                } else {
                    f["excerpt"].clone()
                };
                json!([
                    f["rule"],
                    f["kind"],
                    f["severity"],
                    excerpt,
                    f["message"],
                    f["articles"],
                    f["help"]
                ])
            })
            .collect()
    };
    let page = essentials(&a.body);
    assert_eq!(page, essentials(&cli));
    let rules: Vec<&str> = page.iter().map(|f| f[0].as_str().unwrap()).collect();
    assert!(rules.contains(&"photo-consent"), "{rules:?}");
    assert!(rules.contains(&"confidential-data"), "{rules:?}");
    assert!(rules.contains(&"shouting"), "{rules:?}");
    assert_eq!(a.body["summary"], cli["summary"]);
    // Byte offsets index the page's text.
    let phone = &a.body["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "confidential-data")
        .unwrap();
    assert_eq!(phone["byte_start"], text.find("819").unwrap());
    assert_eq!(phone["line"], 1);
    let _ = std::fs::remove_dir_all(&dir);

    // Another built-in profile, by its id; the profiles list offers them all.
    let other = send(
        addr,
        Method::POST,
        "/api/check",
        &[],
        json!({"text": "Bonjour", "profile": "st-urbain"}).to_string(),
    )
    .await;
    assert_eq!(other.body["profile"]["id"], "st-urbain");
    let list = send(addr, Method::GET, "/api/profiles", &[], "").await;
    let ids: Vec<&str> = list.body["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[0], "la-sarre");
    assert_eq!(ids.len(), 5);
}

#[tokio::test]
async fn bad_input_gets_french_errors_with_their_status() {
    let addr = start(options("la-sarre")).await;
    let error = |a: &Answer| {
        (
            a.status,
            a.body["error"]["code"].as_str().unwrap_or("").to_string(),
        )
    };

    let a = send(
        addr,
        Method::POST,
        "/api/check",
        &[],
        json!({"text": "x", "profile": "la-sare"}).to_string(),
    )
    .await;
    assert_eq!(error(&a), (StatusCode::NOT_FOUND, "unknown-profile".into()));
    assert_eq!(a.body["error"]["message"], "profil inconnu « la-sare »");
    assert_eq!(a.body["error"]["help"], "vouliez-vous dire « la-sarre » ?");

    let long = "a".repeat(vigie::serve::MAX_TEXT_CHARS + 1);
    let a = send(
        addr,
        Method::POST,
        "/api/check",
        &[],
        json!({"text": long}).to_string(),
    )
    .await;
    assert_eq!(
        error(&a),
        (StatusCode::PAYLOAD_TOO_LARGE, "text-too-long".into())
    );
    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        form(&[("text", &long)]),
    )
    .await;
    assert_eq!(
        error(&a),
        (StatusCode::PAYLOAD_TOO_LARGE, "text-too-long".into())
    );

    let huge = "a".repeat(vigie::serve::MAX_BODY_BYTES + 1);
    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        format!("text={huge}"),
    )
    .await;
    assert_eq!(
        error(&a),
        (StatusCode::PAYLOAD_TOO_LARGE, "body-too-large".into())
    );
    assert!(
        a.body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("requête trop grosse")
    );

    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        "language=fr&text=Caf%E9",
    )
    .await;
    assert_eq!(error(&a), (StatusCode::BAD_REQUEST, "bad-utf8".into()));
    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        "language=fr&text=100%zz",
    )
    .await;
    assert_eq!(error(&a), (StatusCode::BAD_REQUEST, "bad-form".into()));
    let a = send(addr, Method::POST, "/v2/check", &[FORM], "language=fr").await;
    assert_eq!(error(&a), (StatusCode::BAD_REQUEST, "missing-text".into()));
    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        form(&[("data", "{\"annotation\": [")]),
    )
    .await;
    assert_eq!(error(&a), (StatusCode::BAD_REQUEST, "bad-data".into()));

    let a = send(
        addr,
        Method::POST,
        "/api/check",
        &[],
        b"{\"text\": \"Caf\xe9\"}".to_vec(),
    )
    .await;
    assert_eq!(error(&a), (StatusCode::BAD_REQUEST, "bad-utf8".into()));
    let a = send(addr, Method::POST, "/api/check", &[], "{\"texte\": \"x\"}").await;
    assert_eq!(error(&a), (StatusCode::BAD_REQUEST, "bad-json".into()));
    let a = send(
        addr,
        Method::POST,
        "/api/check",
        &[],
        json!({"text": "x", "date": "12 octobre"}).to_string(),
    )
    .await;
    assert_eq!(error(&a), (StatusCode::BAD_REQUEST, "bad-date".into()));
    let a = send(addr, Method::GET, "/nulle-part", &[], "").await;
    assert_eq!(error(&a), (StatusCode::NOT_FOUND, "not-found".into()));
}

#[tokio::test]
async fn a_token_guards_every_request() {
    let addr = start(Options {
        token: Some("s3cret".into()),
        ..options("la-sarre")
    })
    .await;
    let check = form(&[("text", "Bonjour"), ("language", "fr")]);
    let a = send(addr, Method::POST, "/v2/check", &[FORM], check.clone()).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(a.body["error"]["message"], "jeton absent ou incorrect");
    let a = send(addr, Method::GET, "/", &[], "").await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM, ("authorization", "Bearer wrong")],
        check.clone(),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);

    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM, ("authorization", "Bearer s3cret")],
        check.clone(),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    // LTeX and LibreOffice send their API key in the form.
    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        format!("{check}&apiKey=s3cret"),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    // The page is opened with ?token=; a cookie carries it to its script and API calls.
    let a = send(addr, Method::GET, "/?token=s3cret", &[], "").await;
    assert_eq!(a.status, StatusCode::OK);
    let cookie = a.headers["set-cookie"].to_str().unwrap();
    assert_eq!(
        cookie,
        "vigie_token=s3cret; HttpOnly; SameSite=Strict; Path=/"
    );
    let a = send(
        addr,
        Method::GET,
        "/app.js",
        &[("cookie", "vigie_token=s3cret")],
        "",
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    let a = send(
        addr,
        Method::GET,
        "/api/profiles",
        &[("cookie", "theme=x; vigie_token=s3cret")],
        "",
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    let a = send(
        addr,
        Method::GET,
        "/api/profiles",
        &[("cookie", "vigie_token=wrong")],
        "",
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_page_is_embedded_and_loads_nothing_from_elsewhere() {
    let addr = start(options("la-sarre")).await;
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    for (path, kind) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/app.css", "text/css"),
    ] {
        let r = client
            .get(format!("http://{addr}{path}").parse().unwrap())
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with(kind)
        );
        assert!(
            r.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .starts_with("default-src 'none'")
        );
        let body = r.into_body().collect().await.unwrap().to_bytes();
        let text = std::str::from_utf8(&body).unwrap();
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "{path} names an outside address"
        );
    }
}

/// A fake LanguageTool server on loopback: one spelling match, or a failure.
async fn fake_languagetool(fail: bool) -> SocketAddr {
    use axum::routing::post;
    let app = axum::Router::new().route(
        "/v2/check",
        post(move |body: String| async move {
            if fail {
                return (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(json!({}))).into_response();
            }
            // It got the same text, the vigie-only token left out.
            assert!(body.contains("text=Bonjour"), "{body}");
            assert!(!body.contains("apiKey"), "{body}");
            (
                StatusCode::OK,
                axum::Json(json!({
                    "software": {"name": "LanguageTool"},
                    "matches": [{
                        "message": "Faute de frappe possible trouvée.",
                        "shortMessage": "Faute de frappe",
                        "replacements": [{"value": "Bonjour"}],
                        "offset": 0, "length": 7,
                        "rule": {"id": "FR_SPELLING_RULE", "issueType": "misspelling",
                                 "category": {"id": "TYPOS", "name": "Faute de frappe"}},
                    }],
                })),
            )
                .into_response()
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

#[tokio::test]
async fn upstream_matches_are_merged_and_its_failure_is_only_a_warning() {
    let text = "Bonjour à tous, VENEZ TOUS AU PARC CE SAMEDI";
    let upstream = fake_languagetool(false).await;
    let addr = start(Options {
        upstream: Some(format!("http://{upstream}/v2")),
        token: Some("tok".into()),
        ..options("la-sarre")
    })
    .await;
    let a = send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        form(&[("text", text), ("language", "fr-CA"), ("apiKey", "tok")]),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let ids: Vec<&str> = a.body["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["rule"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["FR_SPELLING_RULE", "shouting"]);
    assert_eq!(a.body["warnings"]["incompleteResults"], false);

    // A failing upstream, then none at all: vigie still answers, and says why in French.
    for upstream in [
        fake_languagetool(true).await.to_string(),
        "127.0.0.1:9".to_string(),
    ] {
        let addr = start(Options {
            upstream: Some(format!("http://{upstream}")),
            ..options("la-sarre")
        })
        .await;
        let a = send(
            addr,
            Method::POST,
            "/v2/check",
            &[FORM],
            form(&[("text", text), ("language", "fr-CA")]),
        )
        .await;
        assert_eq!(a.status, StatusCode::OK);
        let ids: Vec<&str> = a.body["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["rule"]["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["shouting"]);
        assert_eq!(a.body["warnings"]["incompleteResults"], true);
        let warning = a.body["warnings"]["upstream"].as_str().unwrap();
        assert!(
            warning.starts_with(&format!("serveur LanguageTool http://{upstream} : ")),
            "{warning}"
        );
        assert!(
            warning.ends_with("seuls les constats de vigie sont donnés"),
            "{warning}"
        );
    }
}

#[test]
fn a_network_bind_needs_a_token_and_says_why() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args([
            "serve",
            "--profile",
            "la-sarre",
            "--bind",
            "0.0.0.0",
            "--port",
            "0",
        ])
        .env_remove("VIGIE_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("joignable par les autres ordinateurs du réseau"),
        "{err}"
    );
    assert!(err.contains("un jeton est obligatoire"), "{err}");
}

/// A client that sends half a request and waits holds only its own connection.
#[tokio::test]
async fn a_slow_client_does_not_stall_the_others() {
    use std::io::Write;
    let addr = start(options("la-sarre")).await;
    let mut slow = Vec::new();
    for _ in 0..20 {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .write_all(
                b"POST /v2/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                  Content-Length: 100000\r\n\r\ntext=VENEZ",
            )
            .unwrap();
        slow.push(stream);
    }
    let answer = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        send(
            addr,
            Method::POST,
            "/v2/check",
            &[FORM],
            form(&[("text", "VENEZ TOUS AU PARC CE SAMEDI"), ("language", "fr")]),
        ),
    )
    .await
    .expect("the server answers while slow clients hang");
    assert_eq!(answer.body["matches"][0]["rule"]["id"], "shouting");
    drop(slow);
}

/// Ctrl-C while a check is in flight (held by a slow upstream): the check is answered,
/// then the server stops with status 0.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_finishes_the_requests_in_flight() {
    use std::io::{BufRead, BufReader};
    use std::sync::atomic::{AtomicBool, Ordering};
    let arrived = Arc::new(AtomicBool::new(false));
    let seen = arrived.clone();
    let slow = axum::Router::new().route(
        "/v2/check",
        axum::routing::post(move || {
            let seen = seen.clone();
            async move {
                seen.store(true, Ordering::SeqCst);
                tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
                axum::Json(json!({"matches": []}))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let upstream = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, slow).await });

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args([
            "serve",
            "--profile",
            "la-sarre",
            "--port",
            "0",
            "--upstream",
        ])
        .arg(format!("http://{upstream}"))
        .current_dir(std::env::temp_dir())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(
        first.starts_with("vigie écoute sur http://127.0.0.1:"),
        "{first}"
    );
    let addr: SocketAddr = first["vigie écoute sur http://".len()..]
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let request = tokio::spawn(send(
        addr,
        Method::POST,
        "/v2/check",
        &[FORM],
        form(&[("text", "VENEZ TOUS AU PARC CE SAMEDI"), ("language", "fr")]),
    ));
    while !arrived.load(Ordering::SeqCst) {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let answer = request.await.unwrap();
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["matches"][0]["rule"]["id"], "shouting");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(
        rest,
        [
            "  la page : ouvrez http://".to_string()
                + &addr.to_string()
                + "/ dans votre navigateur",
            format!(
                "  LanguageTool : indiquez http://{addr}/v2 comme serveur dans l'extension ou le logiciel"
            ),
            format!("  vérifications transmises aussi à http://{upstream}"),
            "Ctrl-C pour arrêter.".to_string(),
            "vigie : arrêt demandé ; les vérifications en cours se terminent…".to_string(),
            "vigie : serveur arrêté.".to_string(),
        ]
    );
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["serve", "--profile", "la-sarre", "--port", "0"])
        .current_dir(std::env::temp_dir())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(
        first.starts_with("vigie écoute sur http://127.0.0.1:"),
        "{first}"
    );
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(
        rest.last().map(String::as_str),
        Some("vigie : serveur arrêté."),
        "{rest:?}"
    );
}
