//! Stack listings in CPython's faulthandler format (`faulthandler` and its
//! fatal-signal handler), written straight to a file descriptor: no
//! allocation, no Python object touched, nothing but `write`.
//!
//! - `dump_this_thread`: the calling thread's frames, for
//!   `dump_traceback(all_threads=False)`.
//! - `dump_all_threads`: every thread's frames with the world stopped
//!   (reading another thread's frame list while it runs would race with
//!   its pushes and pops).
//! - `dump_current_from_signal`: the frames of the thread a fatal signal
//!   landed on, from inside the signal handler (async-signal-safe reads of
//!   that thread's own list; see its docs for what it cannot promise).

use crate::eval::Frame;
use crate::interp::ThreadState;

/// CPython's limits: frames per thread, threads, characters per string.
const MAX_FRAME_DEPTH: usize = 100;
const MAX_NTHREADS: usize = 100;
const MAX_STRING_LENGTH: usize = 500;

/// Writes all of `buf` to `fd`, retrying after EINTR; errors are dropped
/// (there is nowhere to report them).
pub fn write_fd(fd: i32, mut buf: &[u8]) {
    while !buf.is_empty() {
        // SAFETY: buf is a valid readable slice; write is async-signal-safe.
        let n = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
        if n < 0 {
            // SAFETY: reading this thread's errno.
            if unsafe { *libc::__errno_location() } == libc::EINTR {
                continue;
            }
            return;
        }
        if n == 0 {
            return;
        }
        buf = &buf[n as usize..];
    }
}

/// `value` in lowercase hexadecimal, zero-padded to `width` digits.
pub fn write_hex(fd: i32, value: u64, width: usize) {
    let mut buf = [b'0'; 16];
    let mut v = value;
    let mut i = buf.len();
    while v != 0 && i > 0 {
        i -= 1;
        buf[i] = b"0123456789abcdef"[(v & 15) as usize];
        v >>= 4;
    }
    let start = i.min(buf.len().saturating_sub(width.min(16)));
    write_fd(fd, &buf[start..]);
}

pub fn write_decimal(fd: i32, value: u64) {
    let mut buf = [0u8; 20];
    let mut v = value;
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    write_fd(fd, &buf[i..]);
}

/// A string as CPython's `_Py_DumpASCII`: printable ASCII as is, other
/// characters escaped (`\xHH`, `\uHHHH`, `\UHHHHHHHH`), cut at 500
/// characters with "...".
fn write_ascii(fd: i32, s: &str) {
    if s.is_ascii() && s.len() <= MAX_STRING_LENGTH && s.bytes().all(|b| (b' '..=126).contains(&b)) {
        write_fd(fd, s.as_bytes());
        return;
    }
    for (n, c) in s.chars().enumerate() {
        if n >= MAX_STRING_LENGTH {
            write_fd(fd, b"...");
            return;
        }
        let u = c as u32;
        if (0x20..=0x7e).contains(&u) {
            write_fd(fd, &[u as u8]);
        } else if u <= 0xff {
            write_fd(fd, b"\\x");
            write_hex(fd, u as u64, 2);
        } else if u <= 0xffff {
            write_fd(fd, b"\\u");
            write_hex(fd, u as u64, 4);
        } else {
            write_fd(fd, b"\\U");
            write_hex(fd, u as u64, 8);
        }
    }
}

/// `  File "name", line N in func`.
fn write_frame(fd: i32, f: &Frame) {
    write_fd(fd, b"  File \"");
    write_ascii(fd, &f.code.filename);
    write_fd(fd, b"\", line ");
    match f.code.line_of(f.lasti) {
        Some(line) => write_decimal(fd, line as u64),
        None => write_fd(fd, b"???"),
    }
    write_fd(fd, b" in ");
    write_ascii(fd, &f.code.name);
    write_fd(fd, b"\n");
}

/// A thread's frames, innermost first (`frames` is innermost last).
///
/// # Safety
/// Every pointer in `frames` is a frame that stays alive and unchanged
/// while this runs.
unsafe fn write_frames(fd: i32, frames: &[*const Frame]) {
    if frames.is_empty() {
        write_fd(fd, b"  <no Python frame>\n");
        return;
    }
    for &p in frames.iter().rev().take(MAX_FRAME_DEPTH) {
        // SAFETY: the caller's contract.
        write_frame(fd, unsafe { &*p });
    }
}

/// `Current thread 0x... [name] (most recent call first):` (or `Thread`).
fn write_thread_header(fd: i32, thread_id: u64, is_current: bool) {
    write_fd(fd, if is_current { b"Current thread 0x" } else { b"Thread 0x" });
    write_hex(fd, thread_id, 16);
    let mut name = [0 as libc::c_char; 100];
    // SAFETY: name is a writable buffer of the length given; the thread id
    // belongs to a live registered thread.
    let rc = unsafe { libc::pthread_getname_np(thread_id as libc::pthread_t, name.as_mut_ptr(), name.len()) };
    if rc == 0 {
        let len = name.iter().position(|&c| c == 0).unwrap_or(0);
        if len > 0 {
            // SAFETY: the first len bytes were written by pthread_getname_np.
            let bytes = unsafe { std::slice::from_raw_parts(name.as_ptr().cast::<u8>(), len) };
            write_fd(fd, b" [");
            write_fd(fd, bytes);
            write_fd(fd, b"]");
        }
    }
    write_fd(fd, b" (most recent call first):\n");
}

/// The calling thread's stack, with CPython's `Stack (most recent call
/// first):` header when `header` is set.
pub fn dump_this_thread(ts: &ThreadState, fd: i32, header: bool) {
    if header {
        write_fd(fd, b"Stack (most recent call first):\n");
    }
    let frames = ts.frames.borrow();
    // SAFETY: this thread's own running frames, which cannot end while it
    // is in here.
    unsafe { write_frames(fd, &frames) };
}

/// Every thread's stack, newest thread first, as CPython's
/// `_Py_DumpTracebackThreads`. The thread whose id is `current` is marked
/// "Current thread" (0: none); the one whose id is `hidden` is left out (a
/// watchdog thread with a thread state that is no thread of the program).
/// `Err` when the world could not be stopped within `timeout` (a thread
/// stuck attached in native code).
pub fn dump_all_threads(ts: &ThreadState, fd: i32, current: u64, hidden: u64, timeout: std::time::Duration) -> Result<(), &'static str> {
    let Some(world) = crate::interp::stop_the_world(ts, timeout) else {
        return Err("unable to stop the other threads");
    };
    let mut n = 0;
    world.for_each_thread(&mut |thread_id, _is_caller, frames| {
        if thread_id == hidden {
            return true;
        }
        if n != 0 {
            write_fd(fd, b"\n");
        }
        if n >= MAX_NTHREADS {
            write_fd(fd, b"...\n");
            return false;
        }
        write_thread_header(fd, thread_id, thread_id == current);
        match frames {
            // SAFETY: the world is stopped: no listed frame ends or moves
            // while we read it (see `StoppedWorld::for_each_thread`).
            Some(frames) => unsafe { write_frames(fd, frames) },
            None => write_fd(fd, b"  <frames being changed>\n"),
        }
        n += 1;
        true
    });
    drop(world);
    Ok(())
}

/// From a signal handler: the stack of the thread the signal landed on,
/// with the `Stack (most recent call first):` header; nothing when that
/// thread runs no Python.
///
/// Only async-signal-safe work: a thread-local read, `write`, and reading
/// the thread's own frame list, which the signal interrupted. The list is
/// read only when its `RefCell` is not mutably borrowed; a push or pop the
/// signal interrupted in the middle shows as `<frames being changed>`.
///
/// # Safety
/// Call only from a signal handler running on the faulting thread (or any
/// thread that is itself blocked in the handler).
pub unsafe fn dump_current_from_signal(fd: i32) {
    let ts = crate::ops::current_thread_state_ptr();
    if ts.is_null() {
        return;
    }
    write_fd(fd, b"Stack (most recent call first):\n");
    // SAFETY: a registered thread state outlives its registration as the
    // current one, and this thread (interrupted) is the one using it.
    let ts = unsafe { &*ts };
    // SAFETY: reading without a guard: this thread is stopped inside the
    // handler, so the list cannot change while we read it.
    match unsafe { ts.frames.try_borrow_unguarded() } {
        // SAFETY: the frames are this (interrupted) thread's running ones.
        Ok(frames) => unsafe { write_frames(fd, frames) },
        Err(_) => write_fd(fd, b"  <frames being changed>\n"),
    }
}
