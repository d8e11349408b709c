//! Engine behaviour with a scripted provider standing in for a remote service (the HTTP
//! providers have their own tests against real local servers).

use std::collections::VecDeque;

use tokio::time::Instant;

use super::*;

/// Answers each request from a script (then translates by upper-casing); counts requests.
struct Scripted {
    limits: Limits,
    script: Mutex<VecDeque<Result<(), ProviderError>>>,
    calls: Mutex<Vec<Vec<String>>>,
}

impl Scripted {
    fn new(limits: Limits, script: Vec<Result<(), ProviderError>>) -> Arc<Scripted> {
        Arc::new(Scripted {
            limits,
            script: Mutex::new(script.into()),
            calls: Mutex::new(Vec::new()),
        })
    }

    fn calls(&self) -> Vec<Vec<String>> {
        self.calls.lock().expect("lock").clone()
    }
}

impl Provider for Scripted {
    fn name(&self) -> &'static str {
        "scripted"
    }

    fn limits(&self) -> Limits {
        self.limits
    }

    fn prepare_requests(&self, batch: &Batch) -> usize {
        usize::from(!batch.glossary.terms.is_empty()) * 2
    }

    fn prepare<'a>(
        &'a self,
        batch: &'a Batch,
    ) -> super::super::provider::BoxFuture<'a, Result<(), ProviderError>> {
        Box::pin(async move {
            self.calls
                .lock()
                .expect("lock")
                .push(vec![format!("prepare {}", batch.target_lang)]);
            Ok(())
        })
    }

    fn translate<'a>(
        &'a self,
        batch: &'a Batch,
    ) -> super::super::provider::BoxFuture<'a, Result<Reply, ProviderError>> {
        Box::pin(async move {
            self.calls.lock().expect("lock").push(batch.texts.clone());
            let next = self
                .script
                .lock()
                .expect("lock")
                .pop_front()
                .unwrap_or(Ok(()));
            next?;
            Ok(Reply::Done(
                batch.texts.iter().map(|t| t.to_uppercase()).collect(),
            ))
        })
    }
}

fn segments(n: usize) -> Vec<Segment> {
    (0..n)
        .map(|i| Segment {
            id: format!("m{i}"),
            target: "fi".to_owned(),
            masked: format!("text {i}"),
            context: None,
        })
        .collect()
}

fn limits(max_texts: usize) -> Limits {
    Limits {
        max_texts,
        concurrency: 1,
        ..Limits::default()
    }
}

async fn go(provider: Arc<Scripted>, segs: &[Segment], journal: Arc<Journal>) -> Outcome {
    let policy = RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(5),
    };
    run(
        provider,
        "en",
        segs,
        &HashMap::new(),
        journal,
        Arc::new(Silent),
        policy,
    )
    .await
}

fn journal() -> (tempfile::TempDir, Arc<Journal>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = Journal::open(&dir.path().join("j.jsonl"), false).expect("journal");
    (dir, Arc::new(journal))
}

#[test]
fn batches_respect_texts_bytes_and_characters() {
    let segs = segments(7);
    let all: Vec<usize> = (0..7).collect();
    let sizes = |l: Limits| {
        batches(&segs, &all, &l)
            .iter()
            .map(Vec::len)
            .collect::<Vec<_>>()
    };
    assert_eq!(sizes(limits(3)), [3, 3, 1]);
    assert_eq!(
        sizes(Limits {
            max_bytes: 13,
            ..limits(50)
        }),
        [2, 2, 2, 1]
    );
    assert_eq!(
        sizes(Limits {
            max_chars: 6,
            ..limits(50)
        }),
        [1, 1, 1, 1, 1, 1, 1]
    );
}

#[tokio::test(start_paused = true)]
async fn rate_limits_and_server_errors_are_retried_and_retry_after_is_honoured() {
    let provider = Scripted::new(
        limits(50),
        vec![
            Err(ProviderError::RateLimited {
                retry_after: Some(Duration::from_secs(30)),
            }),
            Err(ProviderError::Server {
                status: 503,
                body: String::new(),
                retry_after: None,
            }),
        ],
    );
    let (_dir, journal) = journal();
    let started = Instant::now();
    let outcome = go(Arc::clone(&provider), &segments(2), journal).await;
    assert_eq!(outcome.translated.len(), 2);
    assert_eq!(outcome.requests, 3);
    assert!(
        started.elapsed() >= Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn rate_limits_do_not_use_up_the_attempts_for_failures_and_slow_everyone() {
    // More 429s than `max_attempts` (4): the batch still gets through.
    let script = (0..6)
        .map(|_| {
            Err(ProviderError::RateLimited {
                retry_after: Some(Duration::from_secs(1)),
            })
        })
        .collect();
    let provider = Scripted::new(limits(50), script);
    let (_dir, journal) = journal();
    let outcome = go(Arc::clone(&provider), &segments(2), journal).await;
    assert_eq!(outcome.translated.len(), 2);
    assert_eq!(outcome.requests, 7);
}

#[tokio::test(start_paused = true)]
async fn client_errors_are_not_retried() {
    let provider = Scripted::new(
        limits(50),
        vec![Err(ProviderError::Client {
            status: 403,
            body: "forbidden".into(),
        })],
    );
    let (_dir, journal) = journal();
    let outcome = go(Arc::clone(&provider), &segments(2), journal).await;
    assert_eq!(outcome.requests, 1);
    assert_eq!(outcome.failed.len(), 2);
}

#[tokio::test(start_paused = true)]
async fn quota_exhaustion_stops_the_run_and_keeps_what_was_received() {
    let provider = Scripted::new(limits(2), vec![Ok(()), Err(ProviderError::QuotaExceeded)]);
    let (_dir, journal) = journal();
    let outcome = go(Arc::clone(&provider), &segments(6), Arc::clone(&journal)).await;
    assert_eq!(outcome.stopped, Some(ProviderError::QuotaExceeded));
    assert_eq!(outcome.translated.len(), 2);
    assert_eq!(outcome.failed.len(), 4);
    assert_eq!(provider.calls().len(), 2, "nothing sent after the 456");
    assert_eq!(journal.len(), 2);
}

#[tokio::test(start_paused = true)]
async fn too_large_batches_are_split() {
    let provider = Scripted::new(limits(4), vec![Err(ProviderError::TooLarge)]);
    let (_dir, journal) = journal();
    let outcome = go(Arc::clone(&provider), &segments(4), journal).await;
    assert_eq!(outcome.translated.len(), 4);
    let sizes: Vec<usize> = provider.calls().iter().map(Vec::len).collect();
    assert_eq!(sizes, [4, 2, 2]);
}

#[tokio::test(start_paused = true)]
async fn a_resumed_run_sends_only_what_was_not_received() {
    let (dir, journal) = journal();
    let first = Scripted::new(limits(2), vec![Ok(()), Err(ProviderError::QuotaExceeded)]);
    go(first, &segments(6), journal).await;
    let journal = Arc::new(Journal::open(&dir.path().join("j.jsonl"), false).expect("reopen"));
    let second = Scripted::new(limits(2), vec![]);
    let outcome = go(Arc::clone(&second), &segments(6), Arc::clone(&journal)).await;
    assert_eq!(outcome.from_journal, 2);
    assert_eq!(outcome.translated.len(), 6);
    let sent: Vec<String> = second.calls().concat();
    assert!(!sent.contains(&"text 0".to_owned()) && !sent.contains(&"text 1".to_owned()));
    let third = Scripted::new(limits(2), vec![]);
    let outcome = go(Arc::clone(&third), &segments(6), journal).await;
    assert_eq!(
        (outcome.requests, outcome.from_journal),
        (0, 6),
        "a re-run sends nothing"
    );
}

#[test]
fn backoff_grows_is_capped_and_honours_retry_after() {
    let policy = RetryPolicy {
        max_attempts: 6,
        base_delay: Duration::from_millis(500),
        max_delay: Duration::from_secs(4),
    };
    let first = backoff(&policy, 1, None);
    assert!(first >= Duration::from_millis(250) && first <= Duration::from_millis(500));
    let fifth = backoff(&policy, 5, None);
    assert!(fifth >= Duration::from_secs(2) && fifth <= Duration::from_secs(4));
    let within = |d: Duration, base: Duration| d >= base && d <= base.mul_f64(1.1);
    assert!(within(
        backoff(&policy, 1, Some(Duration::from_secs(3))),
        Duration::from_secs(3)
    ));
    assert!(within(
        backoff(&policy, 1, Some(Duration::from_secs(90))),
        Duration::from_secs(90)
    ));
    assert!(within(
        backoff(&policy, 1, Some(Duration::from_secs(7200))),
        MAX_RETRY_AFTER
    ));
}

#[tokio::test(start_paused = true)]
async fn per_pair_preparation_runs_once_before_its_batches_and_is_paced() {
    let provider = Scripted::new(
        Limits {
            max_texts: 1,
            requests_per_second: 10.0,
            ..limits(1)
        },
        vec![],
    );
    let (_dir, journal) = journal();
    let glossary = Arc::new(crate::mt::provider::PairGlossary {
        terms: vec![crate::mt::provider::TermPair {
            source: "dose".into(),
            target: "annos".into(),
        }],
        version: "v1".into(),
    });
    let mut settings = HashMap::new();
    settings.insert(
        "fi".to_owned(),
        TargetSettings {
            glossary,
            ..TargetSettings::default()
        },
    );
    let started = Instant::now();
    let outcome = run(
        Arc::clone(&provider) as Arc<dyn Provider>,
        "en",
        &segments(2),
        &settings,
        journal,
        Arc::new(Silent),
        RetryPolicy::default(),
    )
    .await;
    assert_eq!(outcome.translated.len(), 2);
    let calls = provider.calls();
    assert_eq!(calls[0], ["prepare fi"]);
    assert_eq!(calls.len(), 3, "{calls:?}");
    // Two paced slots for the preparation, then two for the batches: 4 slots at 10/s.
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn enough_slots_to_keep_the_pace_with_slow_answers() {
    assert_eq!(slots_for_rate(10.0), 10);
    assert_eq!(slots_for_rate(9.5), 10);
    assert_eq!(slots_for_rate(0.0), 0);
    assert_eq!(slots_for_rate(f64::INFINITY), 0);
}

#[tokio::test(start_paused = true)]
async fn slow_answers_do_not_lower_the_rate_below_the_pace() {
    /// Answers after 500 ms.
    struct Slow;
    impl Provider for Slow {
        fn name(&self) -> &'static str {
            "slow"
        }
        fn limits(&self) -> Limits {
            Limits {
                max_texts: 1,
                concurrency: 2,
                requests_per_second: 10.0,
                ..Limits::default()
            }
        }
        fn translate<'a>(
            &'a self,
            batch: &'a Batch,
        ) -> super::super::provider::BoxFuture<'a, Result<Reply, ProviderError>> {
            Box::pin(async move {
                tokio::time::sleep(Duration::from_millis(500)).await;
                Ok(Reply::Done(batch.texts.clone()))
            })
        }
    }
    let (_dir, journal) = journal();
    let started = Instant::now();
    let outcome = run(
        Arc::new(Slow),
        "en",
        &segments(20),
        &HashMap::new(),
        journal,
        Arc::new(Silent),
        RetryPolicy::default(),
    )
    .await;
    assert_eq!(outcome.translated.len(), 20);
    // 20 requests at 10/s: 1.9 s of pacing plus one answer; 2 slots alone would take 5 s.
    assert!(
        started.elapsed() < Duration::from_millis(2600),
        "{:?}",
        started.elapsed()
    );
}
