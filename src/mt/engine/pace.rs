//! The pace every request of a run keeps: spaced at least `interval` apart, and none sent
//! while the server has asked everyone to wait (a 429, or a 503 with `Retry-After`).
//!
//! Invariants: after [`Pace::hold`]`(wait)`, no call to [`Pace::wait`] returns before the
//! hold ends, whatever the interval (zero included); after a hold, requests resume one
//! interval apart, not all at once. When no rate is configured, [`Pace::slow_down`] gives
//! the run one (20 requests a second, halved at each further 429, down to one a second), so
//! a server that limits without saying its rate is not hit by every slot at once again.

use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// The interval a run without a configured rate takes after its first 429.
const FIRST_INTERVAL: Duration = Duration::from_millis(50);
/// The slowest [`Pace::slow_down`] makes a run.
const SLOWEST_INTERVAL: Duration = Duration::from_secs(1);

#[derive(Debug)]
pub(super) struct Pace {
    state: Mutex<State>,
    /// Whether the interval is the configured rate (kept) or learned from 429s.
    configured: bool,
}

#[derive(Debug)]
struct State {
    interval: Duration,
    /// The earliest moment the next request may go.
    next: Instant,
    /// Nobody sends before this.
    held_until: Instant,
}

impl Pace {
    pub(super) fn new(requests_per_second: f64) -> Pace {
        let configured = requests_per_second > 0.0 && requests_per_second.is_finite();
        let interval = if configured {
            Duration::from_secs_f64(1.0 / requests_per_second)
        } else {
            Duration::ZERO
        };
        let now = Instant::now();
        Pace {
            state: Mutex::new(State {
                interval,
                next: now,
                held_until: now,
            }),
            configured,
        }
    }

    /// Nobody sends before `wait` from now.
    pub(super) fn hold(&self, wait: Duration) {
        let mut state = self.state.lock().expect("pace lock");
        let until = Instant::now() + wait;
        state.held_until = state.held_until.max(until);
        state.next = state.next.max(until);
    }

    /// The server said "too many": without a configured rate, space requests (more widely
    /// at each call).
    pub(super) fn slow_down(&self) {
        if self.configured {
            return;
        }
        let mut state = self.state.lock().expect("pace lock");
        state.interval = (state.interval * 2).clamp(FIRST_INTERVAL, SLOWEST_INTERVAL);
    }

    /// Waits for this request's turn: the next free slot of the pace, outside any hold.
    pub(super) async fn wait(&self) {
        loop {
            let slot = {
                let mut state = self.state.lock().expect("pace lock");
                let slot = state.next.max(Instant::now());
                state.next = slot + state.interval;
                slot
            };
            tokio::time::sleep_until(slot).await;
            // A hold that began while this request waited moves it behind the hold, in turn.
            if self.state.lock().expect("pace lock").held_until <= Instant::now() {
                return;
            }
        }
    }

    /// Waits until no hold is on (for a request that waited for a slot after its turn).
    pub(super) async fn clear(&self) {
        loop {
            let until = self.state.lock().expect("pace lock").held_until;
            if until <= Instant::now() {
                return;
            }
            tokio::time::sleep_until(until).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_hold_stops_everyone_even_without_a_rate() {
        let pace = Pace::new(0.0);
        let started = Instant::now();
        pace.wait().await;
        assert_eq!(started.elapsed(), Duration::ZERO, "no rate: no waiting");
        pace.hold(Duration::from_secs(3));
        pace.wait().await;
        assert!(started.elapsed() >= Duration::from_secs(3));
        pace.hold(Duration::from_secs(2));
        pace.clear().await;
        assert!(started.elapsed() >= Duration::from_secs(5));
    }

    #[tokio::test(start_paused = true)]
    async fn after_a_hold_requests_resume_in_turn() {
        let pace = Pace::new(10.0);
        let started = Instant::now();
        pace.hold(Duration::from_secs(1));
        for _ in 0..3 {
            pace.wait().await;
        }
        // At 1.0, 1.1 and 1.2 s: the hold, then one interval apart.
        let elapsed = started.elapsed();
        assert!(
            elapsed >= Duration::from_millis(1200) && elapsed < Duration::from_millis(1300),
            "{elapsed:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn slowing_down_spaces_requests_only_without_a_configured_rate() {
        let learned = Pace::new(0.0);
        learned.slow_down();
        learned.slow_down();
        let started = Instant::now();
        for _ in 0..3 {
            learned.wait().await;
        }
        assert_eq!(
            started.elapsed(),
            Duration::from_millis(200),
            "100 ms apart"
        );
        for _ in 0..10 {
            learned.slow_down();
        }
        assert_eq!(
            learned.state.lock().expect("lock").interval,
            SLOWEST_INTERVAL
        );
        let configured = Pace::new(10.0);
        configured.slow_down();
        assert_eq!(
            configured.state.lock().expect("lock").interval,
            Duration::from_millis(100)
        );
    }
}
