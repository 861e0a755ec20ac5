//! Load test of `vigie serve`, on loopback only: 50 clients post drafts as fast as the
//! server answers, for 30 s; prints p50/p99 latency, throughput, and the server's memory
//! (RSS) as the run goes, to show it stays flat.
//!
//! `cargo bench --bench serve_load` (the release binary, started as a user would).
//! `VIGIE_LOAD_CLIENTS` and `VIGIE_LOAD_SECS` change the load (at most 200 clients, 120 s).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::Request;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

/// Posts of the kinds people write: clean, with personal data, an opinion, capitals.
const POSTS: &[&str] = &[
    "Bonne nouvelle : la piscine municipale ouvre ses portes samedi à 10 h. Bienvenue à tous ! #LaSarre",
    "Pour réserver, appelez Léa au 819 555-1234 ou écrivez à lea.roy@gmail.com 😀",
    "Franchement, je trouve que la Ville de La Sarre a pris une mauvaise décision sur les piscines.",
    "GRANDE FÊTE DE QUARTIER CE SAMEDI AU PARC LIONS, VENEZ EN GRAND NOMBRE !",
    "Le conseil municipal se réunit lundi à 19 h 30 à l'hôtel de ville. L'ordre du jour est en ligne : https://www.ville.lasarre.qc.ca",
];

fn env_number(name: &str, default: u64, max: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
        .min(max)
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    // `cargo bench` passes --bench; a filter that does not name this bench skips it.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if args.iter().any(|a| !"serve_load".contains(a.as_str())) {
        return;
    }
    let clients = env_number("VIGIE_LOAD_CLIENTS", 50, 200) as usize;
    let secs = env_number("VIGIE_LOAD_SECS", 30, 120);

    let mut server = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["serve", "--profile", "la-sarre", "--port", "0"])
        .current_dir(std::env::temp_dir())
        .stdout(Stdio::piped())
        .spawn()
        .expect("vigie serve starts");
    let pid = server.id();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .expect("the server prints its address")
        .to_string();
    assert!(addr.starts_with("127.0.0.1:"), "loopback only: {addr}");
    // Keep reading its output so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let (latencies, failures, rss) = runtime.block_on(async move {
        let client = Client::builder(TokioExecutor::new())
            .pool_max_idle_per_host(clients)
            .build_http::<Full<Bytes>>();
        let stop = Arc::new(AtomicBool::new(false));
        let mut tasks = Vec::new();
        for c in 0..clients {
            let client = client.clone();
            let stop = stop.clone();
            let addr = addr.clone();
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut failures = 0u64;
                let mut i = c;
                while !stop.load(Ordering::Relaxed) {
                    let post = POSTS[i % POSTS.len()];
                    // Half through the LanguageTool API, half through the page's.
                    let request = if i % 2 == 0 {
                        Request::post(format!("http://{addr}/v2/check"))
                            .header("content-type", "application/x-www-form-urlencoded")
                            .body(Full::new(Bytes::from(format!(
                                "language=fr-CA&text={}",
                                utf8_percent_encode(post, NON_ALPHANUMERIC)
                            ))))
                    } else {
                        Request::post(format!("http://{addr}/api/check"))
                            .header("content-type", "application/json")
                            .body(Full::new(Bytes::from(
                                serde_json::json!({"text": post, "account": "personal"})
                                    .to_string(),
                            )))
                    }
                    .unwrap();
                    let start = Instant::now();
                    match client.request(request).await {
                        Ok(r) if r.status().is_success() => {
                            let _ = r.into_body().collect().await;
                            latencies.push(start.elapsed());
                        }
                        Ok(r) => {
                            let _ = r.into_body().collect().await;
                            failures += 1;
                        }
                        Err(_) => failures += 1,
                    }
                    i += 1;
                }
                (latencies, failures)
            }));
        }
        let mut rss = vec![(0, rss_kib(pid))];
        let started = Instant::now();
        for s in 1..=secs {
            tokio::time::sleep_until((started + Duration::from_secs(s)).into()).await;
            rss.push((s, rss_kib(pid)));
        }
        stop.store(true, Ordering::Relaxed);
        let mut latencies = Vec::new();
        let mut failures = 0;
        for t in tasks {
            let (l, f) = t.await.unwrap();
            latencies.extend(l);
            failures += f;
        }
        (latencies, failures, rss)
    });
    let _ = Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status();
    let _ = server.wait();

    let mut sorted = latencies;
    sorted.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("vigie serve, {clients} clients for {secs} s on loopback");
    println!(
        "  requests: {} answered, {failures} failed; throughput {:.0} requests/s",
        sorted.len(),
        sorted.len() as f64 / secs as f64
    );
    println!(
        "  latency: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms(percentile(&sorted, 0.50)),
        ms(percentile(&sorted, 0.99)),
        ms(sorted.last().copied().unwrap_or_default())
    );
    let mib = |k: u64| k as f64 / 1024.0;
    let samples: Vec<String> = rss
        .iter()
        .filter(|(s, _)| *s == 0 || *s % 5 == 0 || *s == secs)
        .map(|(s, k)| format!("{s} s: {:.1}", mib(*k)))
        .collect();
    println!("  server RSS (MiB): {}", samples.join(", "));
    let after_warm_up = rss.iter().find(|(s, _)| *s >= 5).map_or(0, |(_, k)| *k);
    let last = rss.last().map_or(0, |(_, k)| *k);
    println!(
        "  RSS from 5 s to the end: {:+.1} MiB",
        mib(last) - mib(after_warm_up)
    );
    assert_eq!(failures, 0, "requests failed under load");
}
