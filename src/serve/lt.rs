//! The LanguageTool HTTP API (`POST /v2/check`, `GET /v2/languages`), as its clients
//! call it: the LanguageTool browser extension, LibreOffice, LTeX.
//!
//! A request is a form (LTeX sends it with a JSON content type: the body is read as a
//! form whatever the header says) with `text`, or `data`: annotated text,
//! `{"annotation": [{"text": …}, {"markup": …, "interpretAs": …}]}`, whose markup is not
//! checked but counts in the offsets. `language`, `enabledOnly`, `enabledRules`,
//! `disabledRules`, `enabledCategories`, `disabledCategories` are honoured; `motherTongue`,
//! `level` and the other parameters are accepted and have no effect. The profile and the
//! account are the server's: these clients cannot send them.
//!
//! Offsets and lengths count UTF-16 code units, as LanguageTool (Java) does: an emoji
//! outside the Basic Multilingual Plane counts 2. Each vigie finding becomes one match
//! whose message carries the finding's message, what to do and the policy's articles.

use std::ops::Range;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State as AxumState};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{ApiError, MAX_TEXT_CHARS, State, check_text, read_body};
use crate::checks::personal::fix::append_disclaimer;
use crate::checks::personal::opinion_disclaimer;
use crate::draft::{Draft, FrontMatter};
use crate::engine::Engine;
use crate::finding::{Finding, Severity};
use crate::report::article_label;

/// The category of every vigie match (`disabledCategories=VIGIE` turns vigie off).
pub const CATEGORY: &str = "VIGIE";
/// Characters of context on each side of a match, as LanguageTool gives.
const CONTEXT_CHARS: usize = 40;
/// The path findings carry (never shown to these clients).
const LT_PATH: &str = "languagetool";

/// The languages vigie answers for: its policies are French.
const LANGUAGES: &[(&str, &str, &str)] = &[
    ("French", "fr", "fr"),
    ("French (Canada)", "fr", "fr-CA"),
    ("French (France)", "fr", "fr-FR"),
    ("French (Belgium)", "fr", "fr-BE"),
    ("French (Switzerland)", "fr", "fr-CH"),
];

/// A form body or query string as pairs, each name and value strictly UTF-8.
pub fn form_pairs(bytes: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    let mut pairs = Vec::new();
    for part in bytes.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (name, value) = match part.iter().position(|b| *b == b'=') {
            Some(i) => (&part[..i], &part[i + 1..]),
            None => (part, &b""[..]),
        };
        let name = decode(name)?;
        let value = decode(value).map_err(|e| ApiError {
            message: format!("paramètre « {name} » : {}", e.message),
            ..e
        })?;
        pairs.push((name, value));
    }
    Ok(pairs)
}

/// Decodes one form component: `+` is a space, `%XX` a byte, the bytes UTF-8.
fn decode(component: &[u8]) -> Result<String, ApiError> {
    let bad_form = |message: String| {
        ApiError::new(StatusCode::BAD_REQUEST, "bad-form", message)
            .help("envoyez un formulaire application/x-www-form-urlencoded encodé en UTF-8")
    };
    if let Some(i) = component.windows(3).enumerate().find_map(|(i, w)| {
        (w[0] == b'%' && !(w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())).then_some(i)
    }) {
        return Err(bad_form(format!(
            "encodage de formulaire invalide à l'octet {}",
            i + 1
        )));
    }
    if component.iter().rev().take(2).any(|b| *b == b'%') {
        return Err(bad_form(
            "encodage de formulaire invalide : « % » sans ses deux chiffres en fin de valeur"
                .into(),
        ));
    }
    let plus: Vec<u8> = component
        .iter()
        .map(|b| if *b == b'+' { b' ' } else { *b })
        .collect();
    percent_encoding::percent_decode(&plus)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad-utf8",
                format!(
                    "le texte n'est pas de l'UTF-8 valide (octet {} une fois décodé)",
                    e.valid_up_to() + 1
                ),
            )
            .help("encodez le texte en UTF-8 avant de l'envoyer")
        })
}

/// What a request asks, parameters by their LanguageTool names.
#[derive(Debug, Default)]
struct Params {
    text: Option<String>,
    data: Option<String>,
    language: Option<String>,
    enabled_only: bool,
    enabled_rules: Vec<String>,
    disabled_rules: Vec<String>,
    enabled_categories: Vec<String>,
    disabled_categories: Vec<String>,
}

impl Params {
    fn from_pairs(pairs: &[(String, String)]) -> Params {
        let list = |v: &str| -> Vec<String> {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let mut p = Params::default();
        for (name, value) in pairs {
            match name.as_str() {
                "text" => p.text = Some(value.clone()),
                "data" => p.data = Some(value.clone()),
                "language" => p.language = Some(value.clone()),
                "enabledOnly" => p.enabled_only = value == "true",
                "enabledRules" => p.enabled_rules = list(value),
                "disabledRules" => p.disabled_rules = list(value),
                "enabledCategories" => p.enabled_categories = list(value),
                "disabledCategories" => p.disabled_categories = list(value),
                _ => {}
            }
        }
        p
    }

    /// Whether a rule's matches are wanted.
    fn wants(&self, rule: &str) -> bool {
        let named = |list: &[String], id: &str| list.iter().any(|r| r.eq_ignore_ascii_case(id));
        if named(&self.disabled_rules, rule) || named(&self.disabled_categories, CATEGORY) {
            return false;
        }
        !self.enabled_only
            || named(&self.enabled_rules, rule)
            || named(&self.enabled_categories, CATEGORY)
    }
}

/// One part of an annotated text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Annotation {
    text: Option<String>,
    markup: Option<String>,
    interpret_as: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Annotated {
    annotation: Vec<Annotation>,
}

/// A stretch of the checked text and where it lies in the client's document.
#[derive(Debug)]
struct Piece {
    /// Bytes of the checked text.
    plain: Range<usize>,
    /// UTF-16 offset in the document.
    start: usize,
    /// UTF-16 length in the document.
    len: usize,
    /// Text (offsets inside it map one to one) or markup read as its `interpretAs`.
    text: bool,
}

/// The text vigie checks, and the map back to the client's offsets.
#[derive(Debug)]
struct Document {
    plain: String,
    pieces: Vec<Piece>,
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

impl Document {
    fn text(text: String) -> Document {
        let len = utf16_len(&text);
        Document {
            pieces: vec![Piece {
                plain: 0..text.len(),
                start: 0,
                len,
                text: true,
            }],
            plain: text,
        }
    }

    /// Annotated text: text parts are checked, markup is skipped (or read as its
    /// `interpretAs`), and both count in the document's offsets.
    fn annotated(data: &str) -> Result<Document, String> {
        let parsed: Annotated = serde_json::from_str(data)
            .map_err(|e| format!("ligne {}, colonne {} : {e}", e.line(), e.column()))?;
        let mut doc = Document {
            plain: String::new(),
            pieces: Vec::new(),
        };
        let mut at = 0;
        for (i, part) in parsed.annotation.into_iter().enumerate() {
            let (plain, len, text) = match part {
                Annotation {
                    text: Some(t),
                    markup: None,
                    interpret_as: None,
                } => {
                    let len = utf16_len(&t);
                    (t, len, true)
                }
                Annotation {
                    text: None,
                    markup: Some(m),
                    interpret_as,
                } => (interpret_as.unwrap_or_default(), utf16_len(&m), false),
                _ => {
                    return Err(format!(
                        "partie {} : une partie a soit « text », soit « markup » (avec, au besoin, « interpretAs »)",
                        i + 1
                    ));
                }
            };
            let start = doc.plain.len();
            doc.plain.push_str(&plain);
            doc.pieces.push(Piece {
                plain: start..doc.plain.len(),
                start: at,
                len,
                text,
            });
            at += len;
        }
        Ok(doc)
    }

    /// The document offset (UTF-16) of a byte of the checked text; `end`: the byte ends a
    /// span (markup read as text is then covered whole).
    fn offset(&self, byte: usize, end: bool) -> usize {
        let piece = self.pieces.iter().find(|p| {
            !p.plain.is_empty()
                && if end {
                    p.plain.start < byte && byte <= p.plain.end
                } else {
                    p.plain.start <= byte && byte < p.plain.end
                }
        });
        match piece {
            Some(p) if p.text => p.start + utf16_len(&self.plain[p.plain.start..byte]),
            Some(p) if end => p.start + p.len,
            Some(p) => p.start,
            None => self.pieces.last().map_or(0, |p| p.start + p.len),
        }
    }

    /// True when a span of the checked text is the same text in the document.
    fn is_verbatim(&self, span: &Range<usize>) -> bool {
        self.pieces
            .iter()
            .any(|p| p.text && p.plain.start <= span.start && span.end <= p.plain.end)
    }
}

pub async fn check(AxumState(state): AxumState<Arc<State>>, request: Request) -> Response {
    match check_inner(&state, request).await {
        Ok(v) => axum::Json(v).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn check_inner(state: &Arc<State>, request: Request) -> Result<Value, ApiError> {
    let (parts, body) = request.into_parts();
    let mut pairs = form_pairs(parts.uri.query().unwrap_or("").as_bytes())?;
    if parts.method == Method::POST {
        pairs.extend(form_pairs(&read_body(body).await?)?);
    } else {
        drop::<Body>(body);
    }
    let params = Params::from_pairs(&pairs);
    let doc = match (params.text.clone(), &params.data) {
        (Some(text), _) => Document::text(text),
        (None, Some(data)) => Document::annotated(data).map_err(|m| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad-data",
                format!("paramètre « data » : texte annoté invalide, {m}"),
            )
            .help("{\"annotation\": [{\"text\": \"…\"}, {\"markup\": \"<b>\"}]}")
        })?,
        (None, None) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "missing-text",
                "il manque le texte à vérifier : paramètre « text » ou « data »",
            ));
        }
    };
    let chars = doc.plain.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(ApiError::too_long(chars));
    }
    // The same request goes to the upstream server while vigie checks.
    let upstream = state.upstream.as_ref().map(|u| {
        let forwarded = super::upstream::encode_form(
            pairs
                .iter()
                .filter(|(k, _)| state.token.is_none() || (k != "token" && k != "apiKey")),
        );
        u.check(forwarded)
    });
    let flags = FrontMatter {
        account: state.account,
        ..FrontMatter::default()
    };
    let engine = state.default.clone();
    let language = params.language.clone();
    let ours = state.run_check(move || {
        let (draft, findings) = check_text(&engine, LT_PATH, doc.plain.clone(), &flags)
            .map_err(|p| ApiError::problem(StatusCode::BAD_REQUEST, &p))?;
        Ok::<_, ApiError>(matches(&engine, &draft, &findings, &doc, &params))
    });
    let (ours, theirs) = match upstream {
        Some(up) => {
            let (ours, theirs) = tokio::join!(ours, up);
            (ours, Some(theirs))
        }
        None => (ours.await, None),
    };
    let mut matches = ours??;
    let mut warnings = json!({"incompleteResults": false});
    match theirs {
        Some(Ok(extra)) => matches.extend(extra),
        Some(Err(message)) => {
            // Never the text: only what went wrong.
            eprintln!("vigie : {message}");
            warnings["incompleteResults"] = json!(true);
            warnings["upstream"] = json!(message);
        }
        None => {}
    }
    matches.sort_by_key(|m| m["offset"].as_u64().unwrap_or(0));
    Ok(json!({
        "software": software(),
        "warnings": warnings,
        "language": response_language(language.as_deref()),
        "matches": matches,
    }))
}

fn software() -> Value {
    json!({
        "name": "vigie",
        "version": env!("CARGO_PKG_VERSION"),
        "buildDate": "",
        "apiVersion": 1,
        "premium": false,
        "premiumHint": "",
        "status": "",
    })
}

/// The language a response names: the one asked for, French when asked to detect it.
fn response_language(asked: Option<&str>) -> Value {
    let code = match asked {
        None | Some("auto") | Some("") => "fr",
        Some(c) => c,
    };
    let name = LANGUAGES
        .iter()
        .find(|(_, _, long)| long.eq_ignore_ascii_case(code))
        .map_or(code, |(name, _, _)| name);
    json!({
        "name": name,
        "code": code,
        "detectedLanguage": {"name": "French", "code": "fr", "confidence": 1.0},
    })
}

pub async fn languages(AxumState(state): AxumState<Arc<State>>) -> Response {
    if let Some(up) = &state.upstream {
        match up.languages().await {
            Ok(list) => return axum::Json(list).into_response(),
            Err(message) => eprintln!("vigie : {message}"),
        }
    }
    let list: Vec<Value> = LANGUAGES
        .iter()
        .map(|(name, code, long)| json!({"name": name, "code": code, "longCode": long}))
        .collect();
    axum::Json(list).into_response()
}

/// Findings as LanguageTool matches, in the document's UTF-16 offsets.
fn matches(
    engine: &Engine,
    draft: &Draft,
    findings: &[Finding],
    doc: &Document,
    params: &Params,
) -> Vec<Value> {
    let policy = &engine.policy;
    let mut disclaimer = None;
    findings
        .iter()
        .filter(|f| f.suppressed.is_none() && params.wants(f.rule))
        .map(|f| {
            let mut span = f.span.clone();
            let mut replacements = Vec::new();
            if f.rule == opinion_disclaimer::RULE.id {
                let fixed = disclaimer.get_or_insert_with(|| append_disclaimer(draft, policy));
                if let Some((region, value)) = fixed
                    .as_deref()
                    .and_then(|fixed| disclaimer_edit(&draft.source, fixed, &span))
                    .filter(|(region, _)| doc.is_verbatim(region))
                {
                    span = region;
                    replacements.push(json!({"value": value}));
                }
            }
            let offset = doc.offset(span.start, false);
            let length = doc.offset(span.end, true).saturating_sub(offset);
            let rule = crate::checks::find(f.rule);
            let name = rule.map_or(f.rule, |r| r.name);
            let mut rule_json = json!({
                "id": f.rule,
                "description": name,
                "issueType": issue_type(f),
                "category": {"id": CATEGORY, "name": format!("Politique des médias sociaux — {}", policy.name)},
            });
            if let Some(kind) = f.kind {
                rule_json["subId"] = json!(kind);
            }
            json!({
                "message": message(f, &policy.name),
                "shortMessage": name,
                "replacements": replacements,
                "offset": offset,
                "length": length,
                "context": context(&doc.plain, &span),
                "sentence": sentence(&doc.plain, &span),
                "type": {"typeName": "Other"},
                "rule": rule_json,
                "ignoreForIncompleteSentence": false,
                "contextForSureMatch": 0,
            })
        })
        .collect()
}

/// The finding's message, what to do, and the policy's articles with their words.
fn message(f: &Finding, organisation: &str) -> String {
    let mut out = f.message.clone();
    if !f.help.is_empty() {
        out.push_str(" À faire : ");
        out.push_str(&f.help);
    }
    for (i, a) in f.articles.iter().enumerate() {
        out.push_str(if i == 0 { " — " } else { " ; " });
        if i == 0 {
            out.push_str(organisation);
            out.push_str(", ");
        }
        out.push_str(&format!(
            "{} ({}) : « {} »",
            article_label(a),
            a.title,
            a.quote
        ));
    }
    out
}

/// How LanguageTool clients colour a match: personal data is a legal matter, the rest a
/// breach of the policy, milder findings style.
fn issue_type(f: &Finding) -> &'static str {
    match (f.rule, f.severity) {
        ("confidential-data", _) => "legal",
        (_, Severity::Info) => "style",
        _ => "non-conformance",
    }
}

/// The edit that appends the disclaimer, as a replacement of a region that holds the
/// finding's span: from its start to where the disclaimer goes.
fn disclaimer_edit(
    source: &str,
    fixed: &str,
    span: &Range<usize>,
) -> Option<(Range<usize>, String)> {
    let mut at = source
        .bytes()
        .zip(fixed.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !source.is_char_boundary(at) || !fixed.is_char_boundary(at) {
        at -= 1;
    }
    let inserted = &fixed[at..at + fixed.len().checked_sub(source.len())?];
    if at < span.start {
        return None;
    }
    let end = span.end.max(at);
    let value = format!("{}{inserted}{}", &source[span.start..at], &source[at..end]);
    Some((span.start..end, value))
}

/// Up to [`CONTEXT_CHARS`] characters each side of a span, on one line, with `...` where
/// the text goes on; the span's offset and length in it in UTF-16 units.
fn context(plain: &str, span: &Range<usize>) -> Value {
    let before_start = plain[..span.start]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let after_end = plain[span.end..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(plain.len(), |(i, _)| span.end + i);
    let mut text = String::new();
    if before_start > 0 {
        text.push_str("...");
    }
    text.push_str(&plain[before_start..span.start]);
    let offset = utf16_len(&text);
    text.push_str(&plain[span.clone()]);
    text.push_str(&plain[span.end..after_end]);
    if after_end < plain.len() {
        text.push_str("...");
    }
    let text: String = text
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect();
    json!({"text": text, "offset": offset, "length": utf16_len(&plain[span.clone()])})
}

/// The sentence (or line) that holds a span's start.
fn sentence(plain: &str, span: &Range<usize>) -> String {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = plain[..span.start].rfind(ends).map_or(0, |i| i + 1);
    let end = plain[span.end..]
        .find(ends)
        .map_or(plain.len(), |i| span.end + i + 1);
    plain[start..end.max(span.end).min(plain.len())]
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_counts_in_offsets_and_is_not_checked() {
        let doc = Document::annotated(
            r#"{"annotation":[{"text":"Allô "},{"markup":"<b>"},{"text":"😀 Léa"},{"markup":"<br/>","interpretAs":"\n"},{"text":"fin"}]}"#,
        )
        .unwrap();
        assert_eq!(doc.plain, "Allô 😀 Léa\nfin");
        let lea = doc.plain.find("Léa").unwrap();
        // "Allô " 5 + "<b>" 3 + "😀 " 3 (the emoji is two units).
        assert_eq!(doc.offset(lea, false), 11);
        assert_eq!(doc.offset(lea + "Léa".len(), true), 14);
        let fin = doc.plain.find("fin").unwrap();
        // … + "<br/>" 5
        assert_eq!(doc.offset(fin, false), 19);
        // The newline read for <br/> covers the markup whole.
        assert_eq!(doc.offset(fin - 1, false), 14);
        assert_eq!(doc.offset(fin, true), 19);
    }

    #[test]
    fn a_part_is_text_or_markup() {
        let err =
            Document::annotated(r#"{"annotation":[{"text":"a","markup":"<b>"}]}"#).unwrap_err();
        assert!(err.contains("partie 1"), "{err}");
        assert!(Document::annotated(r#"{"annotation":[{"text":"a"}"#).is_err());
    }

    #[test]
    fn forms_decode_strictly() {
        let pairs = form_pairs(b"text=Caf%C3%A9+ouvert&language=fr-CA&x").unwrap();
        assert_eq!(pairs[0], ("text".into(), "Café ouvert".into()));
        assert_eq!(pairs[1], ("language".into(), "fr-CA".into()));
        assert_eq!(pairs[2], ("x".into(), String::new()));
        let e = form_pairs(b"text=Caf%E9").unwrap_err();
        assert_eq!(e.code, "bad-utf8");
        let e = form_pairs(b"text=100%zz").unwrap_err();
        assert_eq!(e.code, "bad-form");
        let e = form_pairs(b"text=100%").unwrap_err();
        assert_eq!(e.code, "bad-form");
    }

    #[test]
    fn rules_are_filtered_as_languagetool_does() {
        let p = Params::from_pairs(&[
            ("enabledOnly".into(), "true".into()),
            ("enabledRules".into(), "shouting,advertising".into()),
            ("disabledRules".into(), "advertising".into()),
        ]);
        assert!(p.wants("shouting"));
        assert!(!p.wants("advertising"));
        assert!(!p.wants("confidential-data"));
        let p = Params::from_pairs(&[("disabledCategories".into(), "VIGIE".into())]);
        assert!(!p.wants("shouting"));
        assert!(Params::default().wants("shouting"));
    }

    #[test]
    fn context_marks_the_span_in_utf16() {
        let plain = "😀 Appelez Léa au 819 555-1234 demain.";
        let start = plain.find("819").unwrap();
        let span = start..start + "819 555-1234".len();
        let c = context(plain, &span);
        assert_eq!(c["text"], plain);
        // The emoji counts two units: 2 + " Appelez Léa au " (16).
        assert_eq!(c["offset"], 18);
        assert_eq!(c["length"], 12);
        assert_eq!(sentence(plain, &span), plain);
    }

    #[test]
    fn the_disclaimer_edit_spans_from_the_finding_to_the_insertion() {
        let source = "Je trouve ce projet mauvais.\n";
        let fixed = "Je trouve ce projet mauvais.\n\nMes opinions.\n";
        let (region, value) = disclaimer_edit(source, fixed, &(0..28)).unwrap();
        assert_eq!(region, 0..29);
        let mut applied = source.to_string();
        applied.replace_range(region, &value);
        assert_eq!(applied, fixed);
    }
}
