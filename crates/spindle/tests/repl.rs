//! The interactive prompt: on a terminal (a pseudo-terminal here) `spindle`
//! runs CPython's `_pyrepl` from the embedded Lib, or the basic loop with
//! PYTHON_BASIC_REPL; with `-i` and a non-terminal stdin it reads
//! statements from stdin with the prompts on stderr, as CPython 3.14 does.
//! Ctrl-C (SIGINT through the terminal) raises KeyboardInterrupt. Every
//! wait is bounded, and a child that overstays is killed, so these tests
//! cannot hang.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(30);

/// A child on the slave side of a new pseudo-terminal, and what it wrote.
struct Pty {
    child: Child,
    master: std::fs::File,
    out: Arc<Mutex<Vec<u8>>>,
    history: std::path::PathBuf,
}

impl Drop for Pty {
    /// A child still running (a failed test) is killed; the history file goes.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.history);
    }
}

impl Pty {
    fn spawn(args: &[&str], env: &[(&str, &str)]) -> Pty {
        let mut master: libc::c_int = -1;
        let mut slave: libc::c_int = -1;
        let mut size = libc::winsize { ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0 };
        // SAFETY: the out-pointers are valid; name and termios may be null.
        let r = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &mut size) };
        assert_eq!(r, 0, "openpty failed: {}", std::io::Error::last_os_error());
        // SAFETY: openpty returned two new descriptors that we now own.
        let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_spindle"));
        cmd.args(args).current_dir(std::env::temp_dir());
        for (k, _) in std::env::vars() {
            if k.starts_with("PYTHON") {
                cmd.env_remove(k);
            }
        }
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let history = std::env::temp_dir().join(format!("spindle-repl-history-{}-{n}", std::process::id()));
        cmd.env("TERM", "xterm").env("NO_COLOR", "1").env("PYTHON_HISTORY", &history);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let s = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup slave"));
        cmd.stdin(s(&slave)).stdout(s(&slave)).stderr(s(&slave));
        // SAFETY: between fork and exec the child only calls setsid and
        // ioctl (async-signal-safe): a new session whose controlling
        // terminal is the pty on stdin, so ^C becomes SIGINT for it.
        unsafe {
            std::os::unix::process::CommandExt::pre_exec(&mut cmd, || {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn spindle");
        drop(slave);
        let master = std::fs::File::from(master);
        let out = Arc::new(Mutex::new(Vec::new()));
        let (mut reader, sink) = (master.try_clone().expect("dup master"), out.clone());
        // Reads until the child side closes (EIO); never joined, so a stuck
        // read cannot hold the test.
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap_or_else(|p| p.into_inner()).extend_from_slice(&buf[..n]);
            }
        });
        Pty { child, master, out, history }
    }

    /// What the child wrote so far, with terminal escape sequences removed.
    fn text(&self) -> String {
        let raw = self.out.lock().unwrap_or_else(|p| p.into_inner()).clone();
        strip_escapes(&String::from_utf8_lossy(&raw))
    }

    /// Waits until the output (after `from` characters) contains `what`.
    fn wait_for(&mut self, from: usize, what: &str) -> usize {
        let start = Instant::now();
        loop {
            let t = self.text();
            if let Some(i) = t.get(from..).and_then(|rest| rest.find(what)) {
                return from + i + what.len();
            }
            if start.elapsed() > LIMIT {
                let _ = self.child.kill();
                panic!("timed out waiting for {what:?}; output so far:\n{t}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, s: &str) {
        self.master.write_all(s.as_bytes()).expect("write to pty");
    }

    /// Waits (bounded) for the child to exit; its status code.
    fn finish(mut self) -> (i32, String) {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().expect("wait") {
                std::thread::sleep(Duration::from_millis(100));
                return (st.code().unwrap_or(-1), self.text());
            }
            if start.elapsed() > LIMIT {
                let _ = self.child.kill();
                panic!("spindle did not exit; output:\n{}", self.text());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Removes CSI/SS3-style escape sequences (`ESC [ ... letter`, `ESC =`, `ESC >`).
fn strip_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('[') => {
                for d in it.by_ref() {
                    if d.is_ascii_alphabetic() || d == '~' {
                        break;
                    }
                }
            }
            Some(_) | None => {}
        }
    }
    out
}

#[test]
fn pyrepl_on_a_terminal_evaluates_and_exits() {
    let mut p = Pty::spawn(&["-q"], &[]);
    let at = p.wait_for(0, ">>> ");
    p.send("1+1\r");
    let at = p.wait_for(at, "2\r\n");
    p.send("def f():\r");
    let at = p.wait_for(at, "... ");
    // _pyrepl indents the block itself.
    p.send("return 3\r\r");
    let at = p.wait_for(at, ">>> ");
    p.send("f()\r");
    let at = p.wait_for(at, "3\r\n");
    p.send("1/0\r");
    let at = p.wait_for(at, "ZeroDivisionError: division by zero");
    // Ctrl-C at the prompt discards the line; during a running statement it
    // raises KeyboardInterrupt there; the prompt survives both.
    p.send("unfinished\x03");
    let at = p.wait_for(at, "KeyboardInterrupt");
    p.send("while True: pass\r");
    std::thread::sleep(Duration::from_millis(500));
    p.send("\x03");
    let at = p.wait_for(at, "KeyboardInterrupt");
    p.send("print('still here')\r");
    let at = p.wait_for(at, "still here\r\n");
    p.send("exit()\r");
    let _ = at;
    let (code, text) = p.finish();
    eprintln!("--- _pyrepl transcript ---\n{text}");
    assert_eq!(code, 0, "{text}");
}

#[test]
fn basic_repl_on_a_terminal_with_python_basic_repl() {
    let mut p = Pty::spawn(&[], &[("PYTHON_BASIC_REPL", "1")]);
    let at = p.wait_for(0, "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    let at = p.wait_for(at, ">>> ");
    p.send("1+1\n");
    let at = p.wait_for(at, "2\r\n>>> ");
    p.send("for i in range(2):\n");
    let at = p.wait_for(at, "... ");
    p.send("    print(i * 10)\n\n");
    let at = p.wait_for(at, "10\r\n>>> ");
    p.send("raise SystemExit(7)\n");
    let _ = at;
    let (code, text) = p.finish();
    eprintln!("--- basic REPL transcript ---\n{text}");
    assert_eq!(code, 7, "{text}");
}

fn piped(args: &[&str], stdin: &str) -> (String, String, i32) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_spindle"));
    cmd.args(args).current_dir(std::env::temp_dir());
    for (k, _) in std::env::vars() {
        if k.starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("spindle {args:?} did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code().unwrap_or(-1))
}

#[test]
fn dash_i_with_piped_stdin_prompts_on_stderr() {
    // CPython 3.14: `python3 -q -i -c 'x = 5' < input` (prompts on stderr,
    // results on stdout, errors reported and the loop goes on).
    let (out, err, code) = piped(&["-q", "-i", "-c", "x = 5"], "x * 2\nif x:\n  print('big')\n\n1/0\nprint('after')\n");
    assert_eq!(out, "10\nbig\nafter\n");
    assert_eq!(
        err,
        ">>> >>> ... ... >>> Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n>>> >>> \n"
    );
    assert_eq!(code, 0);
}

#[test]
fn piped_stdin_without_dash_i_is_a_script() {
    let (out, err, code) = piped(&[], "x = 6\nprint(x * 7)\n");
    assert_eq!((out.as_str(), err.as_str(), code), ("42\n", "", 0));
}

#[test]
fn dash_i_on_a_terminal_keeps_the_program_globals() {
    let mut p = Pty::spawn(&["-i", "-c", "x = 41"], &[]);
    let at = p.wait_for(0, ">>> ");
    p.send("x + 1\r");
    let at = p.wait_for(at, "42\r\n");
    let _ = at;
    p.send("exit()\r");
    let (code, text) = p.finish();
    eprintln!("--- -i transcript ---\n{text}");
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("Type \"help\""), "no banner after a program: {text}");
}
