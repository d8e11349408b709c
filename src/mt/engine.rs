//! The engine every provider runs under: sends each distinct text once, batches within the
//! provider's limits, requests in parallel up to its concurrency and paced to its rate,
//! retries with exponential backoff and jitter (honouring `Retry-After` on 429 and 5xx,
//! for every request, not only the one told), splits a batch the server finds too large,
//! stops cleanly when the quota is used up or the key is rejected, and journals every
//! translation as it arrives.
//!
//! Invariants: the first request of a run goes alone, so a rejected key or a spent quota
//! costs one request, not one per slot; after an error that stops the run, nothing more is
//! sent; segments with the same journal key (provider, language pair, glossary version,
//! masked text) are sent once and the answer goes to each of them.

mod pace;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Semaphore;

use self::pace::Pace;
use super::journal::{self, Journal};
use super::provider::{Batch, Limits, PairGlossary, Provider, ProviderError, Reply};

/// One segment to translate.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Message ID (with `.attribute` for attributes).
    pub id: String,
    pub target: String,
    pub masked: String,
    pub context: Option<String>,
}

/// What the engine needs per target language.
#[derive(Debug, Clone, Default)]
pub struct TargetSettings {
    pub glossary: Arc<PairGlossary>,
    pub plural_categories: Vec<&'static str>,
    pub formality: Option<String>,
}

/// Retry policy.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 6,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(60),
        }
    }
}

/// Progress as it happens (the binary draws a bar from it).
pub trait Progress: Send + Sync {
    fn start(&self, segments: usize, characters: usize);
    fn advance(&self, segments: usize, characters: usize);
}

/// No progress output.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: usize, _: usize) {}
    fn advance(&self, _: usize, _: usize) {}
}

/// What happened to the segments.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Segment index → masked translation (from the provider or the journal).
    pub translated: HashMap<usize, String>,
    /// Segment index → why it was not translated.
    pub failed: HashMap<usize, ProviderError>,
    /// Segment indexes accepted for asynchronous translation, with the request ID.
    pub submitted: HashMap<usize, String>,
    /// Segments answered from the journal (nothing sent).
    pub from_journal: usize,
    /// HTTP requests sent (retries included).
    pub requests: usize,
    /// Characters sent (billed), retries excluded.
    pub characters: usize,
    /// Segments the provider translated in this run (not from the journal; a text shared
    /// by several segments counts once).
    pub received: usize,
    /// Why the run stopped early ([`ProviderError::stops_the_run`]: the quota ran out, the
    /// key was rejected); what was received is kept, the rest was not sent.
    pub stopped: Option<ProviderError>,
}

/// Cuts `indexes` (segments of one target) into batches within `limits`.
pub fn batches(segments: &[Segment], indexes: &[usize], limits: &Limits) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let (mut bytes, mut chars) = (0, 0);
    for &i in indexes {
        let text = &segments[i].masked;
        let (b, c) = (text.len(), text.chars().count());
        let full = current.len() >= limits.max_texts.max(1)
            || (!current.is_empty()
                && (bytes + b > limits.max_bytes || chars + c > limits.max_chars));
        if full {
            out.push(std::mem::take(&mut current));
            bytes = 0;
            chars = 0;
        }
        current.push(i);
        bytes += b;
        chars += c;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Requests in flight needed to sustain `rate` per second with one-second answers.
fn slots_for_rate(rate: f64) -> usize {
    if rate > 0.0 && rate.is_finite() {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a positive, finite rate of requests per second"
        )]
        let slots = rate.ceil().min(1000.0) as usize;
        slots
    } else {
        0
    }
}

/// The longest `Retry-After` kurso waits for; a longer one fails the batch (it is retried
/// on the next run, from the journal's point of view nothing was lost).
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(15 * 60);

/// The delay before attempt `attempt` (1-based retry number): the server's `Retry-After`
/// when it sent one, else exponential with jitter up to `max_delay`.
pub fn backoff(policy: &RetryPolicy, attempt: u32, retry_after: Option<Duration>) -> Duration {
    if let Some(wait) = retry_after {
        // A little jitter, so requests told to wait alike do not all return at once.
        return wait
            .min(MAX_RETRY_AFTER)
            .mul_f64(1.0 + fastrand::f64() * 0.1);
    }
    let exp = policy
        .base_delay
        .saturating_mul(1 << attempt.saturating_sub(1).min(16));
    let capped = exp.min(policy.max_delay);
    // Full jitter over the upper half: between 50 % and 100 % of the delay.
    let jitter = 0.5 + fastrand::f64() * 0.5;
    capped.mul_f64(jitter)
}

struct Shared {
    provider: Arc<dyn Provider>,
    journal: Arc<Journal>,
    progress: Arc<dyn Progress>,
    pace: Pace,
    semaphore: Semaphore,
    /// The error that stopped the run, once one has.
    stop: Mutex<Option<ProviderError>>,
    /// Whether the run's first request has been answered; `probe` lets it go alone.
    probed: AtomicBool,
    probe: tokio::sync::Mutex<()>,
    requests: AtomicUsize,
    characters: AtomicUsize,
    policy: RetryPolicy,
    source: String,
}

impl Shared {
    fn stopped(&self) -> Option<ProviderError> {
        self.stop.lock().expect("stop lock").clone()
    }

    /// Stops the run with `err`, unless it already stopped (the first reason stays).
    fn stop_with(&self, err: &ProviderError) {
        self.stop
            .lock()
            .expect("stop lock")
            .get_or_insert_with(|| err.clone());
    }
}

/// Translates `segments` with `provider`: journal first, then batched requests.
#[allow(
    clippy::implicit_hasher,
    reason = "settings are built by `translate`, always with the default hasher"
)]
pub async fn run(
    provider: Arc<dyn Provider>,
    source: &str,
    segments: &[Segment],
    settings: &HashMap<String, TargetSettings>,
    journal: Arc<Journal>,
    progress: Arc<dyn Progress>,
    policy: RetryPolicy,
) -> Outcome {
    let limits = provider.limits();
    let shared = Arc::new(Shared {
        pace: Pace::new(limits.requests_per_second),
        // Enough slots to keep the pace when answers take up to a second: with 10 requests a
        // second allowed, 4 slots and 500 ms answers would cap the rate at 8.
        semaphore: Semaphore::new(
            limits
                .concurrency
                .max(slots_for_rate(limits.requests_per_second))
                .max(1),
        ),
        provider,
        journal,
        progress,
        stop: Mutex::new(None),
        probed: AtomicBool::new(false),
        probe: tokio::sync::Mutex::new(()),
        requests: AtomicUsize::new(0),
        characters: AtomicUsize::new(0),
        policy,
        source: source.to_owned(),
    });
    let mut outcome = Outcome::default();
    let mut pending: HashMap<String, Vec<usize>> = HashMap::new();
    // Journal key → the segment sent for it; that segment → the others with the same key.
    let mut sent_for: HashMap<String, usize> = HashMap::new();
    let mut copies: HashMap<usize, Vec<usize>> = HashMap::new();
    let empty = TargetSettings::default();
    let total_chars: usize = segments.iter().map(|s| s.masked.chars().count()).sum();
    shared.progress.start(segments.len(), total_chars);
    for (i, segment) in segments.iter().enumerate() {
        let glossary = &settings
            .get(&segment.target)
            .unwrap_or(&empty)
            .glossary
            .version;
        let key = journal::key(
            shared.provider.name(),
            source,
            &segment.target,
            glossary,
            &segment.masked,
        );
        if let Some(done) = shared.journal.get(&key) {
            outcome.translated.insert(i, done);
            outcome.from_journal += 1;
            shared.progress.advance(1, segment.masked.chars().count());
        } else if let Some(&first) = sent_for.get(&key) {
            copies.entry(first).or_default().push(i);
        } else {
            sent_for.insert(key, i);
            pending.entry(segment.target.clone()).or_default().push(i);
        }
    }
    let mut tasks = tokio::task::JoinSet::new();
    let mut targets: Vec<_> = pending.into_iter().collect();
    targets.sort();
    for (target, indexes) in targets {
        let target_settings = settings.get(&target).cloned().unwrap_or_default();
        if let Some(&first) = indexes.first() {
            let probe = Batch {
                source_lang: source.to_owned(),
                target_lang: target.clone(),
                ids: Vec::new(),
                texts: vec![segments[first].masked.clone()],
                context: None,
                glossary: Arc::clone(&target_settings.glossary),
                plural_categories: target_settings.plural_categories.clone(),
                formality: target_settings.formality.clone(),
            };
            let cost = shared.provider.prepare_requests(&probe);
            if cost > 0 && shared.stopped().is_none() {
                for _ in 0..cost {
                    shared.pace.wait().await;
                }
                // Other errors surface again, with retries, on the translation requests.
                if let Err(err) = shared.provider.prepare(&probe).await
                    && err.stops_the_run()
                {
                    shared.stop_with(&err);
                }
                shared.probed.store(true, Ordering::Release);
            }
        }
        for batch in batches(segments, &indexes, &limits) {
            let shared = Arc::clone(&shared);
            let items: Vec<(usize, Segment)> =
                batch.iter().map(|&i| (i, segments[i].clone())).collect();
            let target_settings = target_settings.clone();
            tasks.spawn(async move { send(&shared, items, &target_settings).await });
        }
    }
    while let Some(result) = tasks.join_next().await {
        let Ok(parts) = result else { continue };
        for (i, result) in parts {
            if matches!(result, Ok(Done::Text(_))) {
                outcome.received += 1;
            }
            // The same answer for every segment with the same key.
            let same = copies.remove(&i).unwrap_or_default();
            let characters: usize = same
                .iter()
                .map(|&copy| segments[copy].masked.chars().count())
                .sum();
            for index in same.into_iter().chain([i]) {
                match &result {
                    Ok(Done::Text(text)) => {
                        outcome.translated.insert(index, text.clone());
                    }
                    Ok(Done::Submitted(id)) => {
                        outcome.submitted.insert(index, id.clone());
                    }
                    Err(err) => {
                        outcome.failed.insert(index, err.clone());
                    }
                }
            }
            if characters > 0 && result.is_ok() {
                shared.progress.advance(0, characters);
            }
        }
    }
    outcome.requests = shared.requests.load(Ordering::Relaxed);
    outcome.characters = shared.characters.load(Ordering::Relaxed);
    outcome.stopped = shared.stopped();
    outcome
}

enum Done {
    Text(String),
    Submitted(String),
}

type Results = Vec<(usize, Result<Done, ProviderError>)>;

/// Sends one batch (splitting it on 413), retrying what can be retried.
async fn send(shared: &Shared, items: Vec<(usize, Segment)>, settings: &TargetSettings) -> Results {
    let mut queue: Vec<Vec<(usize, Segment)>> = vec![items];
    let mut results: Results = Vec::new();
    while let Some(items) = queue.pop() {
        let Some(first) = items.first() else { continue };
        let batch = Batch {
            source_lang: shared.source.clone(),
            target_lang: first.1.target.clone(),
            ids: items.iter().map(|(_, s)| s.id.clone()).collect(),
            texts: items.iter().map(|(_, s)| s.masked.clone()).collect(),
            context: first.1.context.clone(),
            glossary: Arc::clone(&settings.glossary),
            plural_categories: settings.plural_categories.clone(),
            formality: settings.formality.clone(),
        };
        match request(shared, &batch).await {
            Ok(Reply::Done(texts)) => {
                for ((i, segment), text) in items.iter().zip(texts) {
                    let entry = journal::Entry {
                        key: journal::key(
                            shared.provider.name(),
                            &shared.source,
                            &segment.target,
                            &settings.glossary.version,
                            &segment.masked,
                        ),
                        provider: shared.provider.name().to_owned(),
                        source: shared.source.clone(),
                        target: segment.target.clone(),
                        glossary: settings.glossary.version.clone(),
                        masked: segment.masked.clone(),
                        translation: text.clone(),
                    };
                    // A journal that cannot be written must not lose the result in memory.
                    let _ = shared.journal.record(&entry);
                    results.push((*i, Ok(Done::Text(text))));
                }
                shared.progress.advance(items.len(), batch.characters());
            }
            Ok(Reply::Submitted { request_id }) => {
                for (i, _) in &items {
                    results.push((*i, Ok(Done::Submitted(request_id.clone()))));
                }
                shared.progress.advance(items.len(), batch.characters());
            }
            Err(ProviderError::TooLarge) if items.len() > 1 => {
                let mut items = items;
                let second = items.split_off(items.len() / 2);
                queue.push(second);
                queue.push(items);
            }
            Err(err) => {
                for (i, _) in &items {
                    results.push((*i, Err(err.clone())));
                }
            }
        }
    }
    results
}

/// How many times one batch may be told to slow down (429) before it is given up; these do
/// not count against [`RetryPolicy::max_attempts`], which is for failures.
pub const MAX_RATE_LIMITED: u32 = 30;

/// One batch, with retries. Sends nothing once the run has stopped.
async fn request(shared: &Shared, batch: &Batch) -> Result<Reply, ProviderError> {
    let mut attempt = 0;
    let mut limited = 0;
    loop {
        if let Some(err) = shared.stopped() {
            return Err(err);
        }
        let reply = {
            // The pace first, then a slot: a slot is never held while waiting for the pace,
            // so slow answers do not lower the rate below `requests_per_second`.
            shared.pace.wait().await;
            let _permit = shared.semaphore.acquire().await.expect("semaphore open");
            // The run's first request goes alone; the others wait for its answer.
            let probe = if shared.probed.load(Ordering::Acquire) {
                None
            } else {
                Some(shared.probe.lock().await)
            };
            // A hold may have begun while this request waited for its slot.
            shared.pace.clear().await;
            if let Some(err) = shared.stopped() {
                return Err(err);
            }
            shared.requests.fetch_add(1, Ordering::Relaxed);
            let reply = shared.provider.translate(batch).await;
            if let Err(err) = &reply
                && err.stops_the_run()
            {
                // Before the probe is released: whoever waits for it must see the stop.
                shared.stop_with(err);
            }
            // The hold a 429 or a 503 with `Retry-After` asks for, also before the probe is
            // released: a request that waited for the probe must not slip out before it.
            match &reply {
                Err(ProviderError::RateLimited { retry_after }) if limited < MAX_RATE_LIMITED => {
                    let wait = backoff(&shared.policy, (limited + 1).min(8), *retry_after);
                    shared
                        .pace
                        .hold(retry_after.map_or(wait, |after| after.min(MAX_RETRY_AFTER)));
                }
                Err(err) if err.is_retryable() && attempt + 1 < shared.policy.max_attempts => {
                    if let Some(after) = err.retry_after() {
                        // The service is away for everyone.
                        shared.pace.hold(after.min(MAX_RETRY_AFTER));
                    }
                }
                _ => {}
            }
            if probe.is_some() {
                shared.probed.store(true, Ordering::Release);
            }
            reply
        };
        match reply {
            Ok(reply) => {
                if let Reply::Done(texts) = &reply
                    && texts.len() != batch.texts.len()
                {
                    return Err(ProviderError::Malformed(format!(
                        "{} translations for {} texts",
                        texts.len(),
                        batch.texts.len()
                    )));
                }
                shared
                    .characters
                    .fetch_add(batch.characters(), Ordering::Relaxed);
                return Ok(reply);
            }
            Err(err) if err.stops_the_run() => {
                shared.stop_with(&err);
                return Err(err);
            }
            Err(ProviderError::RateLimited { retry_after }) if limited < MAX_RATE_LIMITED => {
                limited += 1;
                let wait = backoff(&shared.policy, limited.min(8), retry_after);
                // Everyone waits (the hold began above), and the run goes slower after.
                shared.pace.slow_down();
                tokio::time::sleep(wait).await;
            }
            Err(err) if err.is_retryable() && attempt + 1 < shared.policy.max_attempts => {
                attempt += 1;
                let retry_after = err.retry_after();
                tokio::time::sleep(backoff(&shared.policy, attempt, retry_after)).await;
            }
            Err(err) => return Err(err),
        }
    }
}

#[cfg(test)]
mod tests;
