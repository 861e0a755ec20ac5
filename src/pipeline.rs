//! Work on all cores, results in order: how `vigie check` goes through an archive in
//! constant memory.
//!
//! The calling thread draws the items (the walk of the folders goes on while the first
//! drafts are checked), hands them to worker threads, and receives the results; each
//! result goes to `done` as soon as it and every one before it are finished, so that a
//! report keeps the order of the inputs without keeping the whole run. At most
//! [`WINDOW_PER_THREAD`] items per thread are in flight: a slow draft holds back the
//! output, never the memory.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, mpsc};

/// Items in flight per worker thread (drawn, not yet handed to `done`).
const WINDOW_PER_THREAD: usize = 32;

/// Runs `work` on every item, on all cores, and hands each result to `done` in the order
/// of the items. One item runs on the calling thread: a single post starts no thread.
/// A panic in `work` is raised again on the calling thread.
pub fn ordered<T: Send, R: Send>(
    mut items: impl Iterator<Item = T>,
    work: impl Fn(T) -> R + Sync,
    mut done: impl FnMut(R),
) {
    let Some(first) = items.next() else { return };
    let Some(second) = items.next() else {
        done(work(first));
        return;
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let window = WINDOW_PER_THREAD * threads;
    let (jobs, job_queue) = mpsc::sync_channel::<(usize, T)>(window);
    let job_queue = Mutex::new(job_queue);
    std::thread::scope(|scope| {
        let (results, finished) = mpsc::channel();
        for _ in 0..threads {
            let (job_queue, results, work) = (&job_queue, results.clone(), &work);
            scope.spawn(move || {
                loop {
                    // The lock is held while waiting: the next job goes to one thread.
                    let job = job_queue
                        .lock()
                        .map_err(drop)
                        .and_then(|q| q.recv().map_err(drop));
                    let Ok((seq, item)) = job else { break };
                    let result = panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                    if results.send((seq, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(results);
        let mut order = Order {
            waiting: BTreeMap::new(),
            next: 0,
        };
        let mut sent = 0;
        for item in [first, second].into_iter().chain(items) {
            while sent - order.next >= window {
                let r = finished
                    .recv()
                    .expect("a worker is alive while jobs are due");
                order.deliver(r, &mut done);
            }
            jobs.send((sent, item)).expect("the workers wait for jobs");
            sent += 1;
            while let Ok(r) = finished.try_recv() {
                order.deliver(r, &mut done);
            }
        }
        drop(jobs);
        while order.next < sent {
            let r = finished
                .recv()
                .expect("a worker is alive while jobs are due");
            order.deliver(r, &mut done);
        }
    });
}

/// Results that came early, until those before them are done.
struct Order<R> {
    waiting: BTreeMap<usize, std::thread::Result<R>>,
    next: usize,
}

impl<R> Order<R> {
    fn deliver(
        &mut self,
        (seq, result): (usize, std::thread::Result<R>),
        done: &mut impl FnMut(R),
    ) {
        self.waiting.insert(seq, result);
        while let Some(result) = self.waiting.remove(&self.next) {
            self.next += 1;
            match result {
                Ok(r) => done(r),
                Err(panic) => panic::resume_unwind(panic),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_items() {
        for n in [0, 1, 2, 3, 1000] {
            let mut seen = Vec::new();
            ordered(
                0..n,
                |i| {
                    // Early items are the slowest: later ones finish first.
                    if i < 5 {
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                    i * 2
                },
                |r| seen.push(r),
            );
            assert_eq!(seen, (0..n).map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn items_are_drawn_while_earlier_ones_are_checked() {
        // The window bounds what is drawn ahead of what is done.
        let drawn = std::sync::atomic::AtomicUsize::new(0);
        let mut max_ahead = 0;
        let mut done_count = 0;
        ordered(
            (0..2000).inspect(|_| {
                drawn.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }),
            |i| i,
            |_| {
                done_count += 1;
                let ahead = drawn.load(std::sync::atomic::Ordering::SeqCst) - done_count;
                max_ahead = max_ahead.max(ahead);
            },
        );
        assert_eq!(done_count, 2000);
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        assert!(max_ahead <= WINDOW_PER_THREAD * threads + 1, "{max_ahead}");
    }

    #[test]
    #[should_panic(expected = "draft 7")]
    fn a_panic_in_a_worker_reaches_the_caller() {
        ordered(
            0..100,
            |i| {
                if i == 7 {
                    panic!("draft 7");
                }
                i
            },
            |_| {},
        );
    }
}
