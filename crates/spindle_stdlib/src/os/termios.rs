//! The `termios` and `fcntl` modules: terminal attributes as CPython's
//! 7-item lists (`tcgetattr`/`tcsetattr`), the other tc* calls, window
//! sizes, and `fcntl`/`ioctl`/`flock`/`lockf` with int or byte-buffer
//! arguments. Enough for `_pyrepl`, `tty`, `getpass` and `pty`.

use std::sync::OnceLock;

use spindle_vm::bytes::{PyByteArray, PyBytes, new_bytes};
use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::runtime::none;
use spindle_vm::seq::{new_list, new_tuple};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::{ops, raise};

use super::select::fd_of;
use super::{given, parse, to_i64};

/// `termios.error` (made by the module's Python source).
static TERMIOS_ERROR: OnceLock<Value> = OnceLock::new();

/// `termios.error(errno, strerror)` for the current errno.
fn tc_error(ts: &ThreadState) -> PyErr {
    let code = super::last_errno();
    match TERMIOS_ERROR.get() {
        Some(cls) => match ops::call(ts, cls, &[new_int(code as i64), new_str(&super::strerror(code))]) {
            Ok(v) => PyErr(v),
            Err(e) => e,
        },
        None => super::os_error(code, None, None),
    }
}

fn fd_arg(ts: &ThreadState, v: &Option<Value>) -> PyResult<i32> {
    fd_of(ts, &v.clone().unwrap_or_else(none))
}

fn get_attr(ts: &ThreadState, fd: i32) -> PyResult<libc::termios> {
    // SAFETY: termios is plain data; all-zero is a valid value to fill.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: t is a valid out-pointer.
    if unsafe { libc::tcgetattr(fd, &mut t) } < 0 {
        return Err(tc_error(ts));
    }
    Ok(t)
}

fn t_tcgetattr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("tcgetattr", a, ["fd"], 1)?;
    let fd = fd_arg(ts, &fd)?;
    let t = get_attr(ts, fd)?;
    // SAFETY: reading the speeds of an initialised termios.
    let (ispeed, ospeed) = unsafe { (libc::cfgetispeed(&t), libc::cfgetospeed(&t)) };
    let canonical = t.c_lflag & libc::ICANON != 0;
    let cc: Vec<Value> = t
        .c_cc
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if !canonical && (i == libc::VMIN || i == libc::VTIME) {
                new_int(*c as i64)
            } else {
                new_bytes(&[*c])
            }
        })
        .collect();
    Ok(new_list(vec![
        new_int(t.c_iflag as i64),
        new_int(t.c_oflag as i64),
        new_int(t.c_cflag as i64),
        new_int(t.c_lflag as i64),
        new_int(ispeed as i64),
        new_int(ospeed as i64),
        new_list(cc),
    ]))
}

fn t_tcsetattr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, when, attrs] = parse("tcsetattr", a, ["fd", "when", "attributes"], 3)?;
    let fd = fd_arg(ts, &fd)?;
    let when = to_i64(ts, &when.unwrap_or_else(none))? as i32;
    let attrs = attrs.unwrap_or_else(none);
    let items = match attrs.downcast::<spindle_vm::seq::PyList>() {
        Some(_) => ops::collect(ts, &attrs)?,
        None => raise!(TypeError, "tcsetattr, arg 3: must be 7 element list"),
    };
    if items.len() != 7 {
        raise!(TypeError, "tcsetattr, arg 3: must be 7 element list");
    }
    let mut t = get_attr(ts, fd)?;
    t.c_iflag = to_i64(ts, &items[0])? as libc::tcflag_t;
    t.c_oflag = to_i64(ts, &items[1])? as libc::tcflag_t;
    t.c_cflag = to_i64(ts, &items[2])? as libc::tcflag_t;
    t.c_lflag = to_i64(ts, &items[3])? as libc::tcflag_t;
    let ispeed = to_i64(ts, &items[4])? as libc::speed_t;
    let ospeed = to_i64(ts, &items[5])? as libc::speed_t;
    let ncc = t.c_cc.len();
    let cc = match items[6].downcast::<spindle_vm::seq::PyList>() {
        Some(_) => ops::collect(ts, &items[6])?,
        None => raise!(TypeError, "tcsetattr: attributes[6] must be {} element list", ncc),
    };
    if cc.len() != ncc {
        raise!(TypeError, "tcsetattr: attributes[6] must be {} element list", ncc);
    }
    for (slot, v) in t.c_cc.iter_mut().zip(&cc) {
        if let Some(b) = v.downcast::<PyBytes>() {
            if b.data.len() != 1 {
                raise!(TypeError, "tcsetattr: elements of attributes must be characters or integers");
            }
            *slot = b.data[0];
        } else if spindle_vm::num::is_int(v) {
            *slot = to_i64(ts, v)? as libc::cc_t;
        } else {
            raise!(TypeError, "tcsetattr: elements of attributes must be characters or integers");
        }
    }
    // SAFETY: t is an initialised termios; the speeds are plain numbers.
    unsafe {
        if libc::cfsetispeed(&mut t, ispeed) < 0 || libc::cfsetospeed(&mut t, ospeed) < 0 {
            return Err(tc_error(ts));
        }
    }
    // SAFETY: t is a valid termios for the call.
    if unsafe { libc::tcsetattr(fd, when, &t) } < 0 {
        return Err(tc_error(ts));
    }
    Ok(none())
}

fn simple_tc(ts: &ThreadState, a: Args<'_>, name: &str, argname: &str, f: unsafe extern "C" fn(i32, i32) -> i32) -> PyResult<Value> {
    let [fd, x] = parse(name, a, ["fd", argname], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let x = to_i64(ts, &x.unwrap_or_else(none))? as i32;
    // SAFETY: the tc* calls take a descriptor and a plain integer.
    if unsafe { f(fd, x) } < 0 {
        return Err(tc_error(ts));
    }
    Ok(none())
}

fn t_tcflush(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    simple_tc(ts, a, "tcflush", "queue", libc::tcflush)
}
fn t_tcflow(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    simple_tc(ts, a, "tcflow", "action", libc::tcflow)
}
fn t_tcsendbreak(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    simple_tc(ts, a, "tcsendbreak", "duration", libc::tcsendbreak)
}

fn t_tcdrain(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("tcdrain", a, ["fd"], 1)?;
    let fd = fd_arg(ts, &fd)?;
    // SAFETY: tcdrain takes a descriptor; it may block, touching no object.
    if ts.detached(|| unsafe { libc::tcdrain(fd) }) < 0 {
        return Err(tc_error(ts));
    }
    Ok(none())
}

fn t_tcgetwinsize(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("tcgetwinsize", a, ["fd"], 1)?;
    let fd = fd_arg(ts, &fd)?;
    let mut w = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes one winsize into w.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } < 0 {
        return Err(tc_error(ts));
    }
    Ok(new_tuple(vec![new_int(w.ws_row as i64), new_int(w.ws_col as i64)]))
}

fn t_tcsetwinsize(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, size] = parse("tcsetwinsize", a, ["fd", "winsize"], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let size = ops::collect(ts, &size.unwrap_or_else(none))
        .map_err(|_| spindle_vm::err!(TypeError, "tcsetwinsize, arg 2: must be a two-item sequence"))?;
    if size.len() != 2 {
        raise!(TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
    }
    let mut w = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes one winsize into w.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } < 0 {
        return Err(tc_error(ts));
    }
    w.ws_row = to_i64(ts, &size[0])? as u16;
    w.ws_col = to_i64(ts, &size[1])? as u16;
    // SAFETY: TIOCSWINSZ reads one winsize from w.
    if unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &w) } < 0 {
        return Err(tc_error(ts));
    }
    Ok(none())
}

const TERMIOS_FUNCTIONS: &[(&str, NativeFnPtr)] = &[
    ("tcgetattr", t_tcgetattr),
    ("tcsetattr", t_tcsetattr),
    ("tcflush", t_tcflush),
    ("tcflow", t_tcflow),
    ("tcsendbreak", t_tcsendbreak),
    ("tcdrain", t_tcdrain),
    ("tcgetwinsize", t_tcgetwinsize),
    ("tcsetwinsize", t_tcsetwinsize),
];

pub(crate) fn init_termios(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("termios", TERMIOS_FUNCTIONS);
    for (name, v) in super::tty_consts::TERMIOS_CONSTANTS {
        spindle_vm::native::add_value(&m, name, new_int(*v));
    }
    super::run_source(ts, &m, "class error(Exception):\n    pass\nerror.__module__ = 'termios'\n", "<termios>")?;
    if let Some(e) = super::module_attr(&m, "error") {
        let _ = TERMIOS_ERROR.set(e);
    }
    Ok(m)
}

// ---------------------------------------------------------------------------
// fcntl

/// The bytes of a buffer argument for fcntl/ioctl (at most 1024, as CPython).
fn arg_buffer(ts: &ThreadState, v: &Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(s) = as_str(v) {
        return Ok(Some(s.as_bytes().to_vec()));
    }
    if v.downcast::<PyBytes>().is_some() || v.downcast::<PyByteArray>().is_some() || !spindle_vm::num::is_int(v) && ops::len(ts, v).is_ok() {
        let b = super::buffer_bytes(ts, v)?;
        if b.len() > 1024 {
            raise!(ValueError, "fcntl argument 3 is too long");
        }
        return Ok(Some(b));
    }
    Ok(None)
}

fn f_fcntl(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, cmd, arg] = parse("fcntl", a, ["fd", "cmd", "arg"], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let cmd = to_i64(ts, &cmd.unwrap_or_else(none))? as i32;
    let arg = given(&arg).cloned().unwrap_or_else(|| new_int(0));
    if let Some(mut buf) = arg_buffer(ts, &arg)? {
        let n = buf.len();
        buf.resize(1024, 0);
        // SAFETY: buf is a 1024-byte writable buffer, enough for any fcntl struct.
        if unsafe { libc::fcntl(fd, cmd, buf.as_mut_ptr()) } < 0 {
            return Err(super::errno_err(None));
        }
        return Ok(new_bytes(&buf[..n]));
    }
    let v = to_i64(ts, &arg)? as libc::c_long;
    // SAFETY: an integer third argument; the kernel validates cmd.
    let r = unsafe { libc::fcntl(fd, cmd, v) };
    if r < 0 {
        return Err(super::errno_err(None));
    }
    Ok(new_int(r as i64))
}

fn f_ioctl(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, req, arg, mutate] = parse("ioctl", a, ["fd", "request", "arg", "mutate_flag"], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let req = to_i64(ts, &req.unwrap_or_else(none))? as libc::c_ulong;
    let arg = given(&arg).cloned().unwrap_or_else(|| new_int(0));
    let mutate = super::truthy(ts, &mutate, true)?;
    if let Some(mut buf) = arg_buffer(ts, &arg)? {
        let n = buf.len();
        buf.resize(n.max(1024), 0);
        // SAFETY: buf is a writable buffer of at least 1024 bytes, enough for
        // the structures ioctl requests read or write.
        let r = unsafe { libc::ioctl(fd, req, buf.as_mut_ptr()) };
        if r < 0 {
            return Err(super::errno_err(None));
        }
        if mutate && arg.downcast::<PyByteArray>().is_some() {
            let ba = arg.downcast::<PyByteArray>();
            if let Some(ba) = ba {
                let mut d = ba.data.lock();
                let m = n.min(d.len());
                d[..m].copy_from_slice(&buf[..m]);
            }
            return Ok(new_int(r as i64));
        }
        return Ok(new_bytes(&buf[..n]));
    }
    let v = to_i64(ts, &arg)? as libc::c_long;
    // SAFETY: an integer third argument; the kernel validates the request.
    let r = unsafe { libc::ioctl(fd, req, v) };
    if r < 0 {
        return Err(super::errno_err(None));
    }
    Ok(new_int(r as i64))
}

fn f_flock(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, op] = parse("flock", a, ["fd", "operation"], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let op = to_i64(ts, &op.unwrap_or_else(none))? as i32;
    // SAFETY: flock takes plain integers; it may block, touching no object.
    if ts.detached(|| unsafe { libc::flock(fd, op) }) < 0 {
        return Err(super::errno_err(None));
    }
    Ok(none())
}

fn f_lockf(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, cmd, len, start, whence] = parse("lockf", a, ["fd", "cmd", "len", "start", "whence"], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let cmd = to_i64(ts, &cmd.unwrap_or_else(none))? as i32;
    let len = super::opt_i64(ts, &len, 0)?;
    let start = super::opt_i64(ts, &start, 0)?;
    let whence = super::opt_i64(ts, &whence, 0)? as i16;
    // SAFETY: flock is plain data.
    let mut fl: libc::flock = unsafe { std::mem::zeroed() };
    fl.l_start = start;
    fl.l_len = len;
    fl.l_whence = whence;
    let (ty, op) = if cmd == libc::LOCK_UN {
        (libc::F_UNLCK, libc::F_SETLK)
    } else if cmd & libc::LOCK_SH != 0 {
        (libc::F_RDLCK, if cmd & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW })
    } else if cmd & libc::LOCK_EX != 0 {
        (libc::F_WRLCK, if cmd & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW })
    } else {
        raise!(ValueError, "unrecognized lockf argument");
    };
    fl.l_type = ty as i16;
    // SAFETY: fl is a valid flock for the call; it may block, touching no object.
    if ts.detached(|| unsafe { libc::fcntl(fd, op, &fl) }) < 0 {
        return Err(super::errno_err(None));
    }
    Ok(none())
}

const FCNTL_FUNCTIONS: &[(&str, NativeFnPtr)] =
    &[("fcntl", f_fcntl), ("ioctl", f_ioctl), ("flock", f_flock), ("lockf", f_lockf)];

pub(crate) fn init_fcntl(_ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("fcntl", FCNTL_FUNCTIONS);
    for (name, v) in super::tty_consts::FCNTL_CONSTANTS {
        spindle_vm::native::add_value(&m, name, new_int(*v));
    }
    Ok(m)
}
