//! A thread's memory of word lookups in an embedded transducer.
//!
//! The rules look up the same words again and again (every rule, every clause, every
//! post says "la", "ville", "va"): a walk of a transducer costs about a thousand
//! instructions, a hash lookup a tenth of that, so each thread remembers what it has
//! looked up, up to a bound.

use std::cell::RefCell;

use foldhash::HashMap;

/// How many words a thread remembers before it starts afresh: a few thousand distinct
/// words cover a whole archive of posts, and the bound keeps a long-running server's
/// memory flat whatever it is sent.
const REMEMBERED: usize = 1 << 15;

/// The values of the words a thread has looked up (see the module).
#[derive(Default)]
pub struct Remembered(RefCell<HashMap<Box<str>, u64>>);

impl Remembered {
    /// The value of `word`, looked up with `look_up` the first time only.
    pub fn get(&self, word: &str, look_up: impl FnOnce(&str) -> u64) -> u64 {
        if let Some(&v) = self.0.borrow().get(word) {
            return v;
        }
        let v = look_up(word);
        let mut seen = self.0.borrow_mut();
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        seen.insert(word.into(), v);
        v
    }
}
