//! `--upstream URL`: a real LanguageTool server that checks the same requests, so that a
//! user keeps their spelling and grammar checker and gains the policy.
//!
//! Its matches are added to vigie's. When it fails (down, slow, a bad answer), vigie's
//! own matches still go back, with the failure in French in `warnings.upstream` and on
//! the server's standard error; never the text.
//!
//! Plain `http://` only: the upstream is meant to be a LanguageTool server on the same
//! machine or network (its Docker image, or the one LibreOffice starts).

use std::time::Duration;

use axum::body::Bytes;
use axum::http::{Request, StatusCode, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

/// How long the upstream server has to answer.
const TIMEOUT: Duration = Duration::from_secs(10);
/// The largest answer read from it.
const MAX_ANSWER_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug)]
pub struct Upstream {
    /// `http://host:port` (and a path prefix, if any), without `/v2` nor a final slash.
    base: String,
    client: Client<HttpConnector, Full<Bytes>>,
}

impl Upstream {
    pub fn new(url: &str) -> Result<Upstream, String> {
        let uri: axum::http::Uri = url
            .parse()
            .map_err(|_| format!("adresse illisible « {url} »"))?;
        match uri.scheme_str() {
            Some("http") => {}
            Some("https") => {
                return Err(format!(
                    "« {url} » : seul http:// est pris en charge (un serveur LanguageTool local)"
                ));
            }
            _ => return Err(format!("« {url} » : l'adresse doit commencer par http://")),
        }
        if uri.host().is_none() {
            return Err(format!("« {url} » : il manque le nom du serveur"));
        }
        let mut base = url.trim_end_matches('/').to_string();
        if base.ends_with("/v2") {
            base.truncate(base.len() - 3);
        }
        Ok(Upstream {
            base,
            client: Client::builder(TokioExecutor::new()).build_http(),
        })
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// Sends a form to `/v2/check` and returns the matches of the answer.
    pub async fn check(&self, form: String) -> Result<Vec<Value>, String> {
        let answer = self
            .send(
                Request::post(format!("{}/v2/check", self.base))
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .header(header::ACCEPT, "application/json")
                    .body(Full::new(Bytes::from(form))),
            )
            .await?;
        match answer.get("matches") {
            Some(Value::Array(matches)) => Ok(matches.clone()),
            _ => Err(self.failure("sa réponse n'a pas de liste « matches »")),
        }
    }

    /// The upstream's languages (`GET /v2/languages`).
    pub async fn languages(&self) -> Result<Value, String> {
        self.send(Request::get(format!("{}/v2/languages", self.base)).body(Full::default()))
            .await
    }

    async fn send(
        &self,
        request: Result<Request<Full<Bytes>>, axum::http::Error>,
    ) -> Result<Value, String> {
        let request = request.map_err(|e| self.failure(&e.to_string()))?;
        let exchange = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(|e| self.failure(&format!("injoignable ({e})")))?;
            let status = response.status();
            let body = Limited::new(response.into_body(), MAX_ANSWER_BYTES)
                .collect()
                .await
                .map_err(|e| self.failure(&format!("réponse interrompue ({e})")))?
                .to_bytes();
            if status != StatusCode::OK {
                return Err(self.failure(&format!("il a répondu {status}")));
            }
            serde_json::from_slice(&body)
                .map_err(|e| self.failure(&format!("sa réponse n'est pas du JSON ({e})")))
        };
        tokio::time::timeout(TIMEOUT, exchange)
            .await
            .map_err(|_| self.failure(&format!("pas de réponse en {} s", TIMEOUT.as_secs())))?
    }

    fn failure(&self, what: &str) -> String {
        format!(
            "serveur LanguageTool {} : {what} ; seuls les constats de vigie sont donnés",
            self.base
        )
    }
}

/// Pairs as an `application/x-www-form-urlencoded` body.
pub fn encode_form<'a>(pairs: impl Iterator<Item = &'a (String, String)>) -> String {
    pairs
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_http_addresses_are_taken() {
        assert_eq!(
            Upstream::new("http://localhost:8010/v2/").unwrap().base(),
            "http://localhost:8010"
        );
        assert!(
            Upstream::new("https://api.languagetool.org")
                .unwrap_err()
                .contains("http://")
        );
        assert!(Upstream::new("localhost:8010").is_err());
    }

    #[test]
    fn forms_round_trip() {
        let pairs = vec![("text".to_string(), "Café & 😀 = ok".to_string())];
        let body = encode_form(pairs.iter());
        assert_eq!(
            super::super::lt::form_pairs(body.as_bytes()).unwrap(),
            pairs
        );
    }
}
