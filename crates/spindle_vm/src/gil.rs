//! GIL mode (`PYTHON_GIL=1` / `-X gil=1`, or importing a native module that
//! has not declared it can run without the GIL): one lock per interpreter
//! that a thread must hold to be attached, as CPython's free-threaded build
//! does when its GIL is enabled. Objects, refcounts and critical sections
//! stay exactly as they are without it; only scheduling changes.
//!
//! - Attaching takes the GIL (when enabled), detaching releases it, so every
//!   blocking call that detaches (sleep, lock waits, I/O, join) lets other
//!   threads run ([`crate::interp::ThreadState::detached`]).
//! - A thread waiting for the GIL waits one switch interval
//!   (`sys.setswitchinterval`, 5 ms by default); if no other thread took the
//!   GIL meanwhile it asks the holder to drop it, through the eval breaker
//!   ([`crate::interp_hooks`]). The holder then releases it and waits until
//!   another thread has taken it (CPython's FORCE_SWITCHING), so it cannot
//!   win it straight back.
//! - Enabling is one-way (CPython's "permanent" enabling; Spindle knows a
//!   native module's declaration before running its init, so it needs no
//!   transient enabling), and happens with the world stopped, so that once
//!   `sys._is_gil_enabled()` is true no thread runs Python without it.
//!   With GIL mode off (the default) attach and detach check one atomic flag
//!   and the eval loop pays nothing more than before.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use crate::wait::{WaitCondvar, WaitMutex};

/// CPython's `DEFAULT_INTERVAL`, in microseconds.
pub const DEFAULT_SWITCH_INTERVAL_US: u64 = 5000;

pub struct Gil {
    /// Whether attaching takes the lock. Only ever goes false -> true.
    enabled: AtomicBool,
    /// `PYTHON_GIL` / `-X gil`: `None` when neither was given (imports may
    /// then enable the GIL), else the forced setting.
    config: Option<bool>,
    /// `sys.setswitchinterval`, in microseconds (CPython keeps the same unit).
    interval_us: AtomicU64,
    state: WaitMutex<GilState>,
    /// Signalled when the GIL is released (waiters in `take`).
    released: WaitCondvar,
    /// Signalled when a thread takes the GIL (a forced-switch dropper waits for it).
    switched: WaitCondvar,
    /// A waiter has waited a whole interval: the holder should drop the GIL.
    drop_request: AtomicBool,
}

struct GilState {
    locked: bool,
    /// The thread that held the GIL last (its id; 0: none yet).
    last_holder: usize,
    /// How many times the holder changed (a waiter's "has anyone switched?").
    switch_number: u64,
    /// Threads blocked in `take`.
    waiters: usize,
}

impl Gil {
    /// The GIL of a new interpreter: on from the start when `config` says so.
    pub fn new(config: Option<bool>) -> Gil {
        Gil {
            enabled: AtomicBool::new(config == Some(true)),
            config,
            interval_us: AtomicU64::new(DEFAULT_SWITCH_INTERVAL_US),
            state: WaitMutex::new(GilState { locked: false, last_holder: 0, switch_number: 0, waiters: 0 }),
            released: WaitCondvar::new(),
            switched: WaitCondvar::new(),
            drop_request: AtomicBool::new(false),
        }
    }

    /// `sys._is_gil_enabled()`.
    #[inline]
    pub fn is_enabled(&self) -> bool {
        self.enabled.load(Ordering::SeqCst)
    }

    /// The `PYTHON_GIL` / `-X gil` setting (`sys.flags.gil`).
    pub fn config(&self) -> Option<bool> {
        self.config
    }

    pub fn switch_interval_us(&self) -> u64 {
        self.interval_us.load(Ordering::Relaxed)
    }

    pub fn set_switch_interval_us(&self, us: u64) {
        self.interval_us.store(us, Ordering::Relaxed);
    }

    /// Whether a waiter asked the holder to drop the GIL.
    #[inline]
    pub(crate) fn drop_requested(&self) -> bool {
        self.drop_request.load(Ordering::Relaxed)
    }

    /// Turns GIL mode on for good; false if it was on already. The caller
    /// makes sure no thread is attached without it (see `interp::enable_gil`).
    pub(crate) fn set_enabled(&self) -> bool {
        !self.enabled.swap(true, Ordering::SeqCst)
    }

    /// Takes the GIL for thread `me` (a non-zero id), blocking while another
    /// thread holds it; false (without blocking) while GIL mode is off. The
    /// caller is detached while it waits.
    pub(crate) fn take(&self, me: usize) -> bool {
        if !self.is_enabled() {
            return false;
        }
        let mut st = self.state.lock();
        if st.locked {
            st.waiters += 1;
            while st.locked {
                let saved = st.switch_number;
                let interval = Duration::from_micros(self.switch_interval_us().max(1));
                let timed_out;
                (st, timed_out) = self.released.wait_for(st, interval);
                // A whole interval with no switch: ask the holder to drop it.
                if timed_out && st.locked && st.switch_number == saved {
                    self.drop_request.store(true, Ordering::Relaxed);
                    crate::interp_hooks::set_pending(crate::interp_hooks::GIL_DROP_REQUEST);
                }
            }
            st.waiters -= 1;
        }
        st.locked = true;
        if st.last_holder != me {
            st.last_holder = me;
            st.switch_number = st.switch_number.wrapping_add(1);
        }
        // Both stores happen under the state lock, as do the waiters' sets,
        // so a request is never lost between them.
        self.drop_request.store(false, Ordering::Relaxed);
        crate::interp_hooks::clear_pending(crate::interp_hooks::GIL_DROP_REQUEST);
        self.switched.notify_all();
        true
    }

    /// Releases the GIL held by thread `me`. If a waiter asked for it, waits
    /// until some other thread has taken it, so `me` cannot take it back first.
    pub(crate) fn release(&self, me: usize) {
        let mut st = self.state.lock();
        st.locked = false;
        st.last_holder = me;
        self.released.notify_one();
        if self.drop_requested() {
            while st.last_holder == me && st.waiters > 0 {
                // Timed: a waiter is never lost, but a bounded wait keeps a
                // mistake here from hanging the process.
                st = self.switched.wait_for(st, Duration::from_millis(5)).0;
            }
        }
    }
}

impl Gil {
    /// In a forked child, run by the forking thread (the only one left,
    /// which holds the GIL if GIL mode is on): waiters and a pending drop
    /// request were other threads'.
    pub(crate) fn after_fork_child(&self, me: usize, holds: bool) {
        // SAFETY: run by the only thread of a just-forked child, which holds
        // no guard of it (a waiter of the parent may have, after a wake-up).
        unsafe { self.state.reset_after_fork() };
        let mut st = self.state.lock();
        st.waiters = 0;
        st.locked = holds;
        st.last_holder = me;
        self.drop_request.store(false, Ordering::Relaxed);
        crate::interp_hooks::clear_pending(crate::interp_hooks::GIL_DROP_REQUEST);
    }
}

/// `sys.getswitchinterval()`'s value for `us` microseconds (CPython's arithmetic).
pub fn interval_seconds(us: u64) -> f64 {
    1e-6 * us as f64
}

/// The microseconds `sys.setswitchinterval(seconds)` stores (a positive
/// `seconds`; CPython's `(unsigned long)(1e6 * interval)`, where x86-64
/// turns NaN into 2**63).
pub fn interval_micros(seconds: f64) -> u64 {
    if seconds.is_nan() { 1 << 63 } else { (1e6 * seconds) as u64 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn off_takes_nothing() {
        let g = Gil::new(None);
        assert!(!g.take(1));
        assert!(!g.is_enabled());
        assert!(g.set_enabled());
        assert!(!g.set_enabled());
        assert!(g.take(1));
        g.release(1);
    }

    #[test]
    fn one_holder_at_a_time_and_waiters_get_it() {
        let g = Arc::new(Gil::new(Some(true)));
        g.set_switch_interval_us(200);
        let inside = Arc::new(AtomicUsize::new(0));
        let max_inside = Arc::new(AtomicUsize::new(0));
        let hs: Vec<_> = (1..=4usize)
            .map(|me| {
                let (g, inside, max_inside) = (g.clone(), inside.clone(), max_inside.clone());
                std::thread::spawn(move || {
                    for _ in 0..200 {
                        assert!(g.take(me));
                        let n = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        max_inside.fetch_max(n, Ordering::SeqCst);
                        std::hint::spin_loop();
                        inside.fetch_sub(1, Ordering::SeqCst);
                        g.release(me);
                    }
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(max_inside.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_waiter_asks_the_holder_to_drop() {
        let g = Arc::new(Gil::new(Some(true)));
        g.set_switch_interval_us(1000);
        assert!(g.take(1));
        let g2 = g.clone();
        let h = std::thread::spawn(move || {
            assert!(g2.take(2));
            g2.release(2);
        });
        let t0 = std::time::Instant::now();
        while !g.drop_requested() {
            assert!(t0.elapsed() < Duration::from_secs(10), "no drop request");
            std::thread::sleep(Duration::from_micros(100));
        }
        // The forced switch: release returns once thread 2 has taken it.
        g.release(1);
        h.join().unwrap();
        assert!(!g.drop_requested());
    }

    #[test]
    fn interval_arithmetic_is_cpythons() {
        assert_eq!(interval_seconds(interval_micros(0.001)), 0.001);
        assert_eq!(interval_micros(1e-7), 0);
        assert_eq!(interval_seconds(DEFAULT_SWITCH_INTERVAL_US), 0.005);
        assert_eq!(interval_micros(f64::NAN), 1 << 63);
    }
}
