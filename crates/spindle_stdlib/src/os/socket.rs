//! The `_socket` module over the BSD socket calls of libc: the `socket`
//! type (one file descriptor plus family/type/proto and a timeout), name
//! resolution (`getaddrinfo` and friends), address packing helpers and the
//! platform constants. `socket.py` from the Lib builds the public API on it.
//!
//! Timeouts follow CPython: a socket with a timeout (even 0) has its file
//! descriptor in non-blocking mode, and each call first waits with `poll`
//! for the remaining time. Every call that can block (the wait itself, and
//! the system call on a blocking socket) runs detached, so other threads
//! can stop the world meanwhile; the detached closures touch only Rust
//! buffers, never Python objects.

use std::ffi::{CStr, CString};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicI32, AtomicI64, Ordering};
use std::time::{Duration, Instant};

use spindle_vm::bytes::{PyByteArray, PyBytes, new_bytes};
use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_float, new_int};
use spindle_vm::object::{PyPayload, TypeRef};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::seq::{new_list, new_tuple, tuple_items};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::{given, os_error, parse, to_i64};

static SOCKET_TYPE: OnceLock<TypeRef> = OnceLock::new();
/// The module's `gaierror` and `herror` classes (made by `PY_SRC`).
static GAIERROR: OnceLock<Value> = OnceLock::new();
static HERROR: OnceLock<Value> = OnceLock::new();
/// `setdefaulttimeout`'s value in nanoseconds; -1 is None (blocking).
static DEFAULT_TIMEOUT: AtomicI64 = AtomicI64::new(-1);

/// A socket: its descriptor (-1 once closed or detached), the numbers it
/// was made with, and its timeout in nanoseconds (-1: blocking, no timeout).
pub(crate) struct PySocket {
    fd: AtomicI32,
    family: AtomicI32,
    kind: AtomicI32,
    proto: AtomicI32,
    timeout: AtomicI64,
}

impl PyPayload for PySocket {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 10);
}

impl Drop for PySocket {
    fn drop(&mut self) {
        let fd = *self.fd.get_mut();
        if fd >= 0 {
            // SAFETY: the socket owns fd (it was neither closed nor
            // detached); nothing else uses the descriptor after its owner died.
            unsafe { libc::close(fd) };
        }
    }
}

impl PySocket {
    fn fd(&self) -> i32 {
        self.fd.load(Ordering::Relaxed)
    }
    fn timeout_ns(&self) -> i64 {
        self.timeout.load(Ordering::Relaxed)
    }
}

/// The arguments after `self`.
fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    Args { args: a.args.get(1..).unwrap_or(&[]), kwnames: a.kwnames }
}

fn this<'a>(a: &'a Args<'_>) -> PyResult<&'a PySocket> {
    match a.args.first().and_then(|v| v.downcast::<PySocket>()) {
        Some(s) => Ok(s),
        None => raise!(TypeError, "descriptor requires a '_socket.socket' object"),
    }
}

fn errno_now() -> i32 {
    super::last_errno()
}

fn os_err(code: i32) -> PyErr {
    os_error(code, None, None)
}

fn timeout_error() -> PyErr {
    PyErr(spindle_vm::exceptions::new_exception(rt().exc.TimeoutError, vec![new_str("timed out")]))
}

fn gai_error(ts: &ThreadState, code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return os_err(errno_now());
    }
    // SAFETY: gai_strerror returns a pointer to a static NUL-terminated string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    made_error(ts, GAIERROR.get(), code, &msg)
}

fn herror(ts: &ThreadState, msg: &str) -> PyErr {
    made_error(ts, HERROR.get(), 1, msg)
}

/// An instance of one of the module's own OSError subclasses.
fn made_error(ts: &ThreadState, cls: Option<&Value>, code: i32, msg: &str) -> PyErr {
    match cls {
        Some(cls) => match ops::call(ts, cls, &[new_int(code as i64), new_str(msg)]) {
            Ok(v) => PyErr(v),
            Err(e) => e,
        },
        None => err!(OSError, "{}", msg),
    }
}

// ---------------------------------------------------------------------------
// Timeouts and the blocking-call loop.

/// A timeout argument: None is -1 (blocking), otherwise nanoseconds.
fn timeout_arg(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    if is_none(v) {
        return Ok(-1);
    }
    let f = if let Some(f) = spindle_vm::num::float_value(v) {
        f
    } else {
        to_i64(ts, v)? as f64
    };
    if f.is_nan() {
        raise!(ValueError, "Invalid value NaN (not a number)");
    }
    if f < 0.0 {
        raise!(ValueError, "Timeout value out of range");
    }
    if f > 9.2e9 {
        raise!(OverflowError, "timestamp too large to convert to C _PyTime_t");
    }
    Ok((f * 1e9).ceil() as i64)
}

fn timeout_value(ns: i64) -> Value {
    if ns < 0 { none() } else { new_float(ns as f64 / 1e9) }
}

/// Puts `fd` in blocking (`true`) or non-blocking mode.
fn set_blocking_fd(fd: i32, blocking: bool) -> PyResult<()> {
    // SAFETY: fcntl on an integer descriptor; the kernel validates it.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(os_err(errno_now()));
    }
    let new = if blocking { flags & !libc::O_NONBLOCK } else { flags | libc::O_NONBLOCK };
    // SAFETY: as above, with flags read from the same descriptor.
    if new != flags && unsafe { libc::fcntl(fd, libc::F_SETFL, new) } < 0 {
        return Err(os_err(errno_now()));
    }
    Ok(())
}

/// Waits (detached) until `fd` is readable or writable, or `deadline`
/// passes: Ok(true) when ready, Ok(false) on timeout.
fn wait_fd(ts: &ThreadState, fd: i32, writing: bool, deadline: Option<Instant>) -> PyResult<bool> {
    loop {
        let ms: i32 = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Ok(false);
                }
                left.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32
            }
        };
        let mut p = libc::pollfd { fd, events: if writing { libc::POLLOUT } else { libc::POLLIN }, revents: 0 };
        // SAFETY: p is one valid pollfd for the duration of the call.
        let r = ts.detached(|| unsafe { libc::poll(&mut p, 1, ms) });
        if r > 0 {
            return Ok(true);
        }
        if r == 0 {
            if deadline.is_none() {
                continue;
            }
            return Ok(false);
        }
        let e = errno_now();
        if e != libc::EINTR {
            return Err(os_err(e));
        }
        spindle_vm::signals::check(ts)?;
    }
}

/// Runs the system call `op` (returning -1 with errno on failure) the way
/// the socket's timeout asks: waiting first for readiness with a timeout,
/// retrying after EINTR, and after EAGAIN while time is left.
fn sock_call(ts: &ThreadState, s: &PySocket, writing: bool, op: impl FnMut() -> isize) -> PyResult<isize> {
    sock_call_until(ts, s, writing, timeout_deadline(s), op)
}

/// When a call on `s` started now times out (None: no timeout).
fn timeout_deadline(s: &PySocket) -> Option<Instant> {
    let t = s.timeout_ns();
    (t > 0).then(|| Instant::now() + Duration::from_nanos(t as u64))
}

/// `sock_call` with the deadline given (sendall: one for all its sends).
fn sock_call_until(
    ts: &ThreadState,
    s: &PySocket,
    writing: bool,
    deadline: Option<Instant>,
    mut op: impl FnMut() -> isize,
) -> PyResult<isize> {
    let t = s.timeout_ns();
    let fd = s.fd();
    let mut first = true;
    loop {
        // A socket with a timeout waits first, except that the first try
        // goes straight to the call (it may already be ready).
        if deadline.is_some() && !first && !wait_fd(ts, fd, writing, deadline)? {
            return Err(timeout_error());
        }
        first = false;
        let r = if t < 0 { ts.detached(&mut op) } else { op() };
        if r >= 0 {
            return Ok(r);
        }
        let e = errno_now();
        if e == libc::EINTR {
            spindle_vm::signals::check(ts)?;
            continue;
        }
        if deadline.is_some() && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) {
            continue;
        }
        return Err(os_err(e));
    }
}

// ---------------------------------------------------------------------------
// Addresses.

/// A socket address as the kernel takes it.
struct Addr {
    st: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl Addr {
    fn new() -> Addr {
        // SAFETY: sockaddr_storage is plain data; all-zero is a valid value.
        let st: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
        Addr { st, len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        (&self.st as *const libc::sockaddr_storage).cast()
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.st as *mut libc::sockaddr_storage).cast()
    }
    fn from_raw(p: *const libc::sockaddr, len: libc::socklen_t) -> Addr {
        let mut a = Addr::new();
        let n = (len as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        // SAFETY: the caller passes a sockaddr of `len` readable bytes (from
        // getaddrinfo); we copy at most the storage's size into our storage.
        unsafe { std::ptr::copy_nonoverlapping(p.cast::<u8>(), a.mut_ptr().cast::<u8>(), n) };
        a.len = n as libc::socklen_t;
        a
    }
    fn v4(ip: std::net::Ipv4Addr, port: u16) -> Addr {
        let mut a = Addr::new();
        // SAFETY: sockaddr_storage is large enough and suitably aligned for
        // a sockaddr_in, which is plain data.
        let sin = unsafe { &mut *(a.mut_ptr().cast::<libc::sockaddr_in>()) };
        sin.sin_family = libc::AF_INET as libc::sa_family_t;
        sin.sin_port = port.to_be();
        sin.sin_addr = libc::in_addr { s_addr: u32::from(ip).to_be() };
        a.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
        a
    }
    fn v6(ip: std::net::Ipv6Addr, port: u16, flow: u32, scope: u32) -> Addr {
        let mut a = Addr::new();
        // SAFETY: sockaddr_storage is large enough and suitably aligned for
        // a sockaddr_in6, which is plain data.
        let sin = unsafe { &mut *(a.mut_ptr().cast::<libc::sockaddr_in6>()) };
        sin.sin6_family = libc::AF_INET6 as libc::sa_family_t;
        sin.sin6_port = port.to_be();
        sin.sin6_flowinfo = flow.to_be();
        sin.sin6_addr = libc::in6_addr { s6_addr: ip.octets() };
        sin.sin6_scope_id = scope;
        a.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
        a
    }
    fn family(&self) -> i32 {
        self.st.ss_family as i32
    }
}

/// The bytes of a host argument (str as UTF-8, bytes-like as is).
fn host_bytes(ts: &ThreadState, v: &Value, caller: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = as_str(v) {
        return Ok(s.as_bytes().to_vec());
    }
    if v.downcast::<PyBytes>().is_some() || v.downcast::<PyByteArray>().is_some() {
        return super::buffer_bytes(ts, v);
    }
    raise!(TypeError, "{}() argument 1 must be str, bytes or bytearray, not {}", caller, ops::type_name(v))
}

/// Resolves a host name for `family` (AF_INET or AF_INET6), as CPython's
/// setipaddr: '' is the wildcard, '<broadcast>' the IPv4 broadcast address,
/// numbers are parsed, anything else goes through getaddrinfo.
fn resolve(ts: &ThreadState, host: &[u8], family: i32, port: u16) -> PyResult<Addr> {
    let text = String::from_utf8_lossy(host);
    if host.is_empty() {
        return Ok(if family == libc::AF_INET6 {
            Addr::v6(std::net::Ipv6Addr::UNSPECIFIED, port, 0, 0)
        } else {
            Addr::v4(std::net::Ipv4Addr::UNSPECIFIED, port)
        });
    }
    if text == "<broadcast>" || text == "255.255.255.255" {
        if family != libc::AF_INET {
            raise!(OSError, "address family mismatched");
        }
        return Ok(Addr::v4(std::net::Ipv4Addr::BROADCAST, port));
    }
    if family == libc::AF_INET {
        if let Ok(ip) = text.parse::<std::net::Ipv4Addr>() {
            return Ok(Addr::v4(ip, port));
        }
    }
    if family == libc::AF_INET6 {
        if let Ok(ip) = text.parse::<std::net::Ipv6Addr>() {
            return Ok(Addr::v6(ip, port, 0, 0));
        }
    }
    let found = getaddrinfo_raw(ts, Some(host.to_vec()), None, family, 0, 0, 0)?;
    match found.into_iter().next() {
        Some(r) => {
            let mut a = r.addr;
            set_port(&mut a, port);
            Ok(a)
        }
        None => Err(gai_error(ts, libc::EAI_NONAME)),
    }
}

fn set_port(a: &mut Addr, port: u16) {
    match a.family() {
        libc::AF_INET => {
            // SAFETY: the storage holds a sockaddr_in (family checked).
            let sin = unsafe { &mut *(a.mut_ptr().cast::<libc::sockaddr_in>()) };
            sin.sin_port = port.to_be();
        }
        libc::AF_INET6 => {
            // SAFETY: the storage holds a sockaddr_in6 (family checked).
            let sin = unsafe { &mut *(a.mut_ptr().cast::<libc::sockaddr_in6>()) };
            sin.sin6_port = port.to_be();
        }
        _ => {}
    }
}

fn port_arg(ts: &ThreadState, v: &Value, caller: &str) -> PyResult<u16> {
    if !spindle_vm::num::is_int(v) {
        raise!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(v));
    }
    match to_i64(ts, v) {
        Ok(p) if (0..=65535).contains(&p) => Ok(p as u16),
        _ => raise!(OverflowError, "{}(): port must be 0-65535.", caller),
    }
}

/// A Python address for `family` as the kernel wants it.
fn addr_from_py(ts: &ThreadState, family: i32, v: &Value, caller: &str) -> PyResult<Addr> {
    match family {
        libc::AF_UNIX => {
            let path = if let Some(s) = as_str(v) {
                super::encode_fs(s)
            } else if v.downcast::<PyBytes>().is_some() || v.downcast::<PyByteArray>().is_some() {
                super::buffer_bytes(ts, v)?
            } else {
                let p = super::fspath(ts, v).map_err(|_| {
                    err!(TypeError, "{}(): AF_UNIX address must be str or bytes, not {}", caller, ops::type_name(v))
                })?;
                match as_str(&p) {
                    Some(s) => super::encode_fs(s),
                    None => super::buffer_bytes(ts, &p)?,
                }
            };
            let mut a = Addr::new();
            // SAFETY: sockaddr_storage is large enough and aligned for a
            // sockaddr_un, which is plain data.
            let sun = unsafe { &mut *(a.mut_ptr().cast::<libc::sockaddr_un>()) };
            if path.len() >= sun.sun_path.len() {
                raise!(OSError, "AF_UNIX path too long");
            }
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, s) in sun.sun_path.iter_mut().zip(&path) {
                *d = *s as libc::c_char;
            }
            let base = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            let abstract_ = path.first() == Some(&0);
            a.len = (base + path.len() + usize::from(!abstract_ && !path.is_empty())) as libc::socklen_t;
            Ok(a)
        }
        libc::AF_INET | libc::AF_INET6 => {
            let name = if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" };
            let Some(items) = tuple_items(v) else {
                raise!(TypeError, "{}(): {} address must be tuple, not {}", caller, name, ops::type_name(v));
            };
            if family == libc::AF_INET && items.len() != 2 {
                raise!(TypeError, "AF_INET address must be a pair (host, port)");
            }
            if family == libc::AF_INET6 && !(2..=4).contains(&items.len()) {
                raise!(TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
            }
            let host = host_bytes(ts, &items[0], caller)?;
            let port = port_arg(ts, &items[1], caller)?;
            let mut a = resolve(ts, &host, family, port)?;
            if family == libc::AF_INET6 && a.family() == libc::AF_INET6 {
                let flow = match items.get(2) {
                    Some(f) => to_i64(ts, f)?,
                    None => 0,
                };
                if !(0..=0xfffff).contains(&flow) {
                    raise!(OverflowError, "{}(): flowinfo must be 0-1048575.", caller);
                }
                let scope = match items.get(3) {
                    Some(s) => to_i64(ts, s)? as u32,
                    None => 0,
                };
                // SAFETY: the storage holds a sockaddr_in6 (family checked).
                let sin = unsafe { &mut *(a.mut_ptr().cast::<libc::sockaddr_in6>()) };
                sin.sin6_flowinfo = (flow as u32).to_be();
                if scope != 0 {
                    sin.sin6_scope_id = scope;
                }
            }
            Ok(a)
        }
        _ => raise!(OSError, "{}(): bad family", caller),
    }
}

/// The Python form of a kernel address.
fn addr_to_py(a: &Addr) -> Value {
    if a.len == 0 {
        return none();
    }
    match a.family() {
        libc::AF_INET => {
            // SAFETY: the storage holds a sockaddr_in (family checked).
            let sin = unsafe { &*(a.ptr().cast::<libc::sockaddr_in>()) };
            let ip = std::net::Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
            new_tuple(vec![new_str(&ip.to_string()), new_int(u16::from_be(sin.sin_port) as i64)])
        }
        libc::AF_INET6 => {
            // SAFETY: the storage holds a sockaddr_in6 (family checked).
            let sin = unsafe { &*(a.ptr().cast::<libc::sockaddr_in6>()) };
            let ip = std::net::Ipv6Addr::from(sin.sin6_addr.s6_addr);
            new_tuple(vec![
                new_str(&ip6_text(&ip, sin.sin6_scope_id)),
                new_int(u16::from_be(sin.sin6_port) as i64),
                new_int(u32::from_be(sin.sin6_flowinfo) as i64),
                new_int(sin.sin6_scope_id as i64),
            ])
        }
        libc::AF_UNIX => {
            // SAFETY: the storage holds a sockaddr_un (family checked).
            let sun = unsafe { &*(a.ptr().cast::<libc::sockaddr_un>()) };
            let base = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            let n = (a.len as usize).saturating_sub(base).min(sun.sun_path.len());
            let raw: Vec<u8> = sun.sun_path[..n].iter().map(|c| *c as u8).collect();
            if raw.first() == Some(&0) {
                return new_bytes(&raw);
            }
            let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
            new_str(&super::decode_fs(&raw[..end]))
        }
        f => {
            let n = (a.len as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
            // SAFETY: reading n <= sizeof(storage) bytes of our own storage.
            let raw = unsafe { std::slice::from_raw_parts(a.ptr().cast::<u8>(), n) };
            new_tuple(vec![new_int(f as i64), new_bytes(raw.get(2..).unwrap_or(&[]))])
        }
    }
}

/// IPv6 text as inet_ntop writes it (with the '::ffff:a.b.c.d' form).
fn ip6_text(ip: &std::net::Ipv6Addr, _scope: u32) -> String {
    ip.to_string()
}

// ---------------------------------------------------------------------------
// getaddrinfo.

struct AddrInfo {
    family: i32,
    kind: i32,
    proto: i32,
    canon: String,
    addr: Addr,
}

fn getaddrinfo_raw(
    ts: &ThreadState,
    host: Option<Vec<u8>>,
    port: Option<Vec<u8>>,
    family: i32,
    kind: i32,
    proto: i32,
    flags: i32,
) -> PyResult<Vec<AddrInfo>> {
    let host = match host {
        Some(h) => Some(CString::new(h).map_err(|_| err!(ValueError, "embedded null character"))?),
        None => None,
    };
    let port = match port {
        Some(p) => Some(CString::new(p).map_err(|_| err!(ValueError, "embedded null character"))?),
        None => None,
    };
    // SAFETY: addrinfo is plain data; all-zero is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = kind;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let (code, out) = ts.detached(|| {
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        // SAFETY: the name pointers are NUL-terminated strings alive for the
        // call (or null); hints and res are valid pointers.
        let code = unsafe {
            libc::getaddrinfo(
                host.as_ref().map_or(std::ptr::null(), |h| h.as_ptr()),
                port.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
                &hints,
                &mut res,
            )
        };
        let mut out = Vec::new();
        if code == 0 {
            let mut p = res;
            while !p.is_null() {
                // SAFETY: p walks the list getaddrinfo returned, not yet freed.
                let ai = unsafe { &*p };
                let canon = if ai.ai_canonname.is_null() {
                    String::new()
                } else {
                    // SAFETY: ai_canonname is a NUL-terminated string of the list.
                    unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
                };
                let addr = if ai.ai_addr.is_null() { Addr::new() } else { Addr::from_raw(ai.ai_addr, ai.ai_addrlen) };
                out.push(AddrInfo { family: ai.ai_family, kind: ai.ai_socktype, proto: ai.ai_protocol, canon, addr });
                p = ai.ai_next;
            }
            // SAFETY: res came from a successful getaddrinfo and is freed once.
            unsafe { libc::freeaddrinfo(res) };
        }
        (code, out)
    });
    if code != 0 {
        return Err(gai_error(ts, code));
    }
    Ok(out)
}

fn s_getaddrinfo(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [host, port, family, kind, proto, flags] =
        parse("getaddrinfo", a, ["host", "port", "family", "type", "proto", "flags"], 2)?;
    let host = match given(&host) {
        None => None,
        Some(h) => {
            if let Some(s) = as_str(h) {
                Some(s.as_bytes().to_vec())
            } else if h.downcast::<PyBytes>().is_some() {
                Some(super::buffer_bytes(ts, h)?)
            } else {
                raise!(TypeError, "getaddrinfo() argument 1 must be string or None");
            }
        }
    };
    let port = match given(&port) {
        None => None,
        Some(p) => {
            if spindle_vm::num::is_int(p) {
                Some(to_i64(ts, p)?.to_string().into_bytes())
            } else if let Some(s) = as_str(p) {
                Some(s.as_bytes().to_vec())
            } else if p.downcast::<PyBytes>().is_some() {
                Some(super::buffer_bytes(ts, p)?)
            } else {
                raise!(OSError, "Int or String expected");
            }
        }
    };
    let n = |v: &Option<Value>| -> PyResult<i32> { Ok(super::opt_i64(ts, v, 0)? as i32) };
    let found = getaddrinfo_raw(ts, host, port, n(&family)?, n(&kind)?, n(&proto)?, n(&flags)?)?;
    let items = found
        .iter()
        .map(|r| {
            new_tuple(vec![
                new_int(r.family as i64),
                new_int(r.kind as i64),
                new_int(r.proto as i64),
                new_str(&r.canon),
                addr_to_py(&r.addr),
            ])
        })
        .collect();
    Ok(new_list(items))
}

fn ipv4_of(ts: &ThreadState, host: &[u8]) -> PyResult<String> {
    let a = resolve(ts, host, libc::AF_INET, 0)?;
    match tuple_items(&addr_to_py(&a)).and_then(|t| t.first().and_then(|h| as_str(h).map(str::to_owned))) {
        Some(s) => Ok(s),
        None => raise!(OSError, "address family mismatched"),
    }
}

fn s_gethostbyname(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [h] = parse("gethostbyname", a, ["hostname"], 1)?;
    let h = host_bytes(ts, &h.unwrap_or_else(none), "gethostbyname")?;
    Ok(new_str(&ipv4_of(ts, &h)?))
}

fn s_gethostbyname_ex(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [h] = parse("gethostbyname_ex", a, ["hostname"], 1)?;
    let hb = host_bytes(ts, &h.unwrap_or_else(none), "gethostbyname_ex")?;
    let found = getaddrinfo_raw(ts, Some(hb.clone()), None, libc::AF_INET, libc::SOCK_STREAM, 0, libc::AI_CANONNAME)?;
    let canon = found.first().map(|r| r.canon.clone()).filter(|c| !c.is_empty());
    let canon = canon.unwrap_or_else(|| String::from_utf8_lossy(&hb).into_owned());
    let mut ips: Vec<String> = Vec::new();
    for r in &found {
        if let Some(s) = tuple_items(&addr_to_py(&r.addr)).and_then(|t| t.first().and_then(|h| as_str(h).map(str::to_owned))) {
            if !ips.contains(&s) {
                ips.push(s);
            }
        }
    }
    Ok(new_tuple(vec![new_str(&canon), new_list(vec![]), new_list(ips.iter().map(|s| new_str(s)).collect())]))
}

/// getnameinfo on a kernel address: (host, service).
fn nameinfo(ts: &ThreadState, a: &Addr, flags: i32) -> PyResult<(String, String)> {
    let mut host = [0 as libc::c_char; 1025];
    let mut serv = [0 as libc::c_char; 32];
    // SAFETY: the address and both output buffers are valid for the sizes passed.
    let code = ts.detached(|| unsafe {
        libc::getnameinfo(
            a.ptr(),
            a.len,
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            serv.as_mut_ptr(),
            serv.len() as libc::socklen_t,
            flags,
        )
    });
    if code != 0 {
        return Err(gai_error(ts, code));
    }
    // SAFETY: getnameinfo wrote NUL-terminated strings into both buffers.
    let h = unsafe { CStr::from_ptr(host.as_ptr()) }.to_string_lossy().into_owned();
    // SAFETY: as above.
    let s = unsafe { CStr::from_ptr(serv.as_ptr()) }.to_string_lossy().into_owned();
    Ok((h, s))
}

fn s_gethostbyaddr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [h] = parse("gethostbyaddr", a, ["ip_address"], 1)?;
    let hb = host_bytes(ts, &h.unwrap_or_else(none), "gethostbyaddr")?;
    let text = String::from_utf8_lossy(&hb).into_owned();
    let addr = if text.contains(':') { resolve(ts, &hb, libc::AF_INET6, 0)? } else { resolve(ts, &hb, libc::AF_INET, 0)? };
    let ip = tuple_items(&addr_to_py(&addr)).and_then(|t| t.first().cloned()).unwrap_or_else(|| new_str(&text));
    match nameinfo(ts, &addr, libc::NI_NAMEREQD) {
        Ok((name, _)) => Ok(new_tuple(vec![new_str(&name), new_list(vec![]), new_list(vec![ip])])),
        Err(_) => Err(herror(ts, "Unknown host")),
    }
}

fn s_getnameinfo(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [sa, flags] = parse("getnameinfo", a, ["sockaddr", "flags"], 2)?;
    let sa = sa.unwrap_or_else(none);
    let flags = super::opt_i64(ts, &flags, 0)? as i32;
    let Some(items) = tuple_items(&sa) else { raise!(TypeError, "getnameinfo() argument 1 must be a tuple") };
    if !(2..=4).contains(&items.len()) {
        raise!(TypeError, "getnameinfo(): illegal sockaddr argument");
    }
    let host = host_bytes(ts, &items[0], "getnameinfo")?;
    let port = port_arg(ts, &items[1], "getnameinfo")?;
    let found = getaddrinfo_raw(ts, Some(host), Some(port.to_string().into_bytes()), 0, libc::SOCK_DGRAM, 0, libc::AI_NUMERICHOST)?;
    let Some(first) = found.into_iter().next() else { raise!(OSError, "sockaddr resolved to nothing") };
    let mut addr = first.addr;
    if addr.family() == libc::AF_INET && items.len() != 2 {
        raise!(OSError, "IPv4 sockaddr must be 2 tuple");
    }
    if addr.family() == libc::AF_INET6 {
        let flow = match items.get(2) {
            Some(f) => to_i64(ts, f)?,
            None => 0,
        };
        if !(0..=0xfffff).contains(&flow) {
            raise!(OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
        }
        let scope = match items.get(3) {
            Some(s) => to_i64(ts, s)? as u32,
            None => 0,
        };
        // SAFETY: the storage holds a sockaddr_in6 (family checked).
        let sin = unsafe { &mut *(addr.mut_ptr().cast::<libc::sockaddr_in6>()) };
        sin.sin6_flowinfo = (flow as u32).to_be();
        sin.sin6_scope_id = scope;
    }
    let (h, s) = nameinfo(ts, &addr, flags)?;
    Ok(new_tuple(vec![new_str(&h), new_str(&s)]))
}

fn s_gethostname(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    let mut buf = [0 as libc::c_char; 1024];
    // SAFETY: buf is writable for buf.len() bytes.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len()) } < 0 {
        return Err(os_err(errno_now()));
    }
    let last = buf.len() - 1;
    buf[last] = 0;
    // SAFETY: buf is NUL-terminated (forced above).
    let s = unsafe { CStr::from_ptr(buf.as_ptr()) };
    Ok(new_str(&super::decode_fs(s.to_bytes())))
}

fn proto_name(ts: &ThreadState, v: &Option<Value>, caller: &str) -> PyResult<Option<CString>> {
    match given(v) {
        None => Ok(None),
        Some(p) => match as_str(p) {
            Some(s) => Ok(Some(CString::new(s).map_err(|_| err!(ValueError, "embedded null character"))?)),
            None => {
                let _ = ts;
                raise!(TypeError, "{}() argument 2 must be str, not {}", caller, ops::type_name(p))
            }
        },
    }
}

fn s_getservbyname(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [name, proto] = parse("getservbyname", a, ["servicename", "protocolname"], 1)?;
    let name = name.unwrap_or_else(none);
    let Some(n) = as_str(&name) else {
        raise!(TypeError, "getservbyname() argument 1 must be str, not {}", ops::type_name(&name));
    };
    let n = CString::new(n).map_err(|_| err!(ValueError, "embedded null character"))?;
    let p = proto_name(ts, &proto, "getservbyname")?;
    // SAFETY: both strings are NUL-terminated; the result points to static
    // storage that we read before any other call.
    let port = unsafe {
        let e = libc::getservbyname(n.as_ptr(), p.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()));
        if e.is_null() { None } else { Some(u16::from_be((*e).s_port as u16)) }
    };
    match port {
        Some(p) => Ok(new_int(p as i64)),
        None => raise!(OSError, "service/proto not found"),
    }
}

fn s_getservbyport(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [port, proto] = parse("getservbyport", a, ["port", "protocolname"], 1)?;
    let port = to_i64(ts, &port.unwrap_or_else(none))?;
    if !(0..=65535).contains(&port) {
        raise!(OverflowError, "getservbyport: port must be 0-65535.");
    }
    let p = proto_name(ts, &proto, "getservbyport")?;
    // SAFETY: the protocol string is NUL-terminated or null; the result
    // points to static storage that we copy out at once.
    let name = unsafe {
        let e = libc::getservbyport((port as u16).to_be() as i32, p.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()));
        if e.is_null() { None } else { Some(CStr::from_ptr((*e).s_name).to_string_lossy().into_owned()) }
    };
    match name {
        Some(n) => Ok(new_str(&n)),
        None => raise!(OSError, "port/proto not found"),
    }
}

fn s_getprotobyname(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [name] = parse("getprotobyname", a, ["protocolname"], 1)?;
    let name = name.unwrap_or_else(none);
    let Some(n) = as_str(&name) else {
        raise!(TypeError, "getprotobyname() argument 1 must be str, not {}", ops::type_name(&name));
    };
    let n = CString::new(n).map_err(|_| err!(ValueError, "embedded null character"))?;
    // SAFETY: n is NUL-terminated; the result points to static storage read at once.
    let num = unsafe {
        let e = libc::getprotobyname(n.as_ptr());
        if e.is_null() { None } else { Some((*e).p_proto) }
    };
    match num {
        Some(p) => Ok(new_int(p as i64)),
        None => raise!(OSError, "protocol not found"),
    }
}

// ---------------------------------------------------------------------------
// Address packing and byte order.

fn s_inet_aton(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [s] = parse("inet_aton", a, ["string"], 1)?;
    let s = s.unwrap_or_else(none);
    let Some(text) = as_str(&s) else {
        raise!(TypeError, "inet_aton() argument 1 must be str, not {}", ops::type_name(&s));
    };
    match parse_aton(text) {
        Some(n) => Ok(new_bytes(&n.to_be_bytes())),
        None => raise!(OSError, "illegal IP address string passed to inet_aton"),
    }
}

/// The classic inet_aton forms: a, a.b, a.b.c, a.b.c.d, each part decimal,
/// octal (leading 0) or hex (0x), the last part filling the remaining bytes.
fn parse_aton(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut nums = Vec::with_capacity(4);
    for p in &parts {
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        if digits.is_empty() && radix != 16 {
            return None;
        }
        let v = if digits.is_empty() { 0 } else { u64::from_str_radix(digits, radix).ok()? };
        if v > u32::MAX as u64 {
            return None;
        }
        nums.push(v as u32);
    }
    let last = *nums.last()?;
    let head = &nums[..nums.len() - 1];
    if head.iter().any(|n| *n > 255) {
        return None;
    }
    let rest_bits = 8 * (4 - head.len() as u32);
    if rest_bits < 32 && (last as u64) >= (1u64 << rest_bits) {
        return None;
    }
    let mut out: u32 = 0;
    for (i, n) in head.iter().enumerate() {
        out |= n << (24 - 8 * i as u32);
    }
    Some(out | last)
}

fn s_inet_ntoa(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [b] = parse("inet_ntoa", a, ["packed_ip"], 1)?;
    let b = super::buffer_bytes(ts, &b.unwrap_or_else(none))?;
    let Ok(q) = <[u8; 4]>::try_from(b.as_slice()) else {
        raise!(OSError, "packed IP wrong length for inet_ntoa");
    };
    Ok(new_str(&std::net::Ipv4Addr::from(q).to_string()))
}

fn s_inet_pton(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [af, s] = parse("inet_pton", a, ["address_family", "ip_string"], 2)?;
    let af = to_i64(ts, &af.unwrap_or_else(none))? as i32;
    let s = s.unwrap_or_else(none);
    let Some(text) = as_str(&s) else {
        raise!(TypeError, "inet_pton() argument 2 must be str, not {}", ops::type_name(&s));
    };
    match af {
        libc::AF_INET => match text.parse::<std::net::Ipv4Addr>() {
            Ok(ip) => Ok(new_bytes(&ip.octets())),
            Err(_) => raise!(OSError, "illegal IP address string passed to inet_pton"),
        },
        libc::AF_INET6 => match text.parse::<std::net::Ipv6Addr>() {
            Ok(ip) => Ok(new_bytes(&ip.octets())),
            Err(_) => raise!(OSError, "illegal IP address string passed to inet_pton"),
        },
        _ => Err(os_err(libc::EAFNOSUPPORT)),
    }
}

fn s_inet_ntop(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [af, b] = parse("inet_ntop", a, ["address_family", "packed_ip"], 2)?;
    let af = to_i64(ts, &af.unwrap_or_else(none))? as i32;
    let b = super::buffer_bytes(ts, &b.unwrap_or_else(none))?;
    match af {
        libc::AF_INET => match <[u8; 4]>::try_from(b.as_slice()) {
            Ok(q) => Ok(new_str(&std::net::Ipv4Addr::from(q).to_string())),
            Err(_) => raise!(ValueError, "invalid length of packed IP address string"),
        },
        libc::AF_INET6 => match <[u8; 16]>::try_from(b.as_slice()) {
            Ok(q) => Ok(new_str(&ip6_text(&std::net::Ipv6Addr::from(q), 0))),
            Err(_) => raise!(ValueError, "invalid length of packed IP address string"),
        },
        _ => raise!(ValueError, "unknown address family {}", af),
    }
}

fn unsigned_arg(_ts: &ThreadState, a: Args<'_>, name: &str, bits: u32) -> PyResult<u64> {
    let [x] = parse(name, a, ["x"], 1)?;
    let x = x.unwrap_or_else(none);
    if !spindle_vm::num::is_int(&x) {
        raise!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(&x));
    }
    let v = match spindle_vm::num::int_to_i64(&x) {
        Some(v) => v,
        None => raise!(OverflowError, "Python int too large to convert to C long"),
    };
    if v < 0 {
        raise!(OverflowError, "{}: can't convert negative Python int to C {}-bit unsigned integer", name, bits);
    }
    if bits < 64 && v as u64 >= (1u64 << bits) {
        raise!(OverflowError, "{}: Python int too large to convert to C {}-bit unsigned integer", name, bits);
    }
    Ok(v as u64)
}

fn s_htons(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int((unsigned_arg(ts, a, "htons", 16)? as u16).to_be() as i64))
}
fn s_ntohs(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(u16::from_be(unsigned_arg(ts, a, "ntohs", 16)? as u16) as i64))
}
fn s_htonl(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int((unsigned_arg(ts, a, "htonl", 32)? as u32).to_be() as i64))
}
fn s_ntohl(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(u32::from_be(unsigned_arg(ts, a, "ntohl", 32)? as u32) as i64))
}

fn s_getdefaulttimeout(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(timeout_value(DEFAULT_TIMEOUT.load(Ordering::Relaxed)))
}

fn s_setdefaulttimeout(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [t] = parse("setdefaulttimeout", a, ["timeout"], 1)?;
    DEFAULT_TIMEOUT.store(timeout_arg(ts, &t.unwrap_or_else(none))?, Ordering::Relaxed);
    Ok(none())
}

fn fd_number(ts: &ThreadState, v: &Option<Value>) -> PyResult<i32> {
    let v = v.clone().unwrap_or_else(none);
    if spindle_vm::num::float_value(&v).is_some() {
        raise!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    let n = to_i64(ts, &v)?;
    if n < 0 {
        raise!(ValueError, "negative file descriptor");
    }
    if n > i32::MAX as i64 {
        raise!(OverflowError, "file descriptor out of range");
    }
    Ok(n as i32)
}

fn s_dup(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("dup", a, ["fd"], 1)?;
    let fd = fd_number(ts, &fd)?;
    // SAFETY: F_DUPFD_CLOEXEC on an integer descriptor; the kernel validates it.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 { Err(os_err(errno_now())) } else { Ok(new_int(r as i64)) }
}

fn s_close(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("close", a, ["fd"], 1)?;
    let fd = to_i64(ts, &fd.unwrap_or_else(none))? as i32;
    // SAFETY: closing an integer descriptor the caller owns.
    if unsafe { libc::close(fd) } < 0 {
        let e = errno_now();
        if e != libc::ECONNRESET {
            return Err(os_err(e));
        }
    }
    Ok(none())
}

// ---------------------------------------------------------------------------
// The socket type.

fn new_socket_obj(cls: TypeRef, fd: i32, family: i32, kind: i32, proto: i32) -> Value {
    spindle_vm::object::alloc(
        cls,
        PySocket {
            fd: AtomicI32::new(fd),
            family: AtomicI32::new(family),
            kind: AtomicI32::new(kind),
            proto: AtomicI32::new(proto),
            timeout: AtomicI64::new(-1),
        },
    )
}

fn sock_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = a.args.first().and_then(TypeRef::from_value).or_else(|| SOCKET_TYPE.get().copied());
    match cls {
        Some(c) => Ok(new_socket_obj(c, -1, libc::AF_INET, libc::SOCK_STREAM, 0)),
        None => raise!(RuntimeError, "_socket not initialised"),
    }
}

/// Applies the default timeout to a socket just set up.
fn apply_default_timeout(s: &PySocket) -> PyResult<()> {
    let t = DEFAULT_TIMEOUT.load(Ordering::Relaxed);
    s.timeout.store(t, Ordering::Relaxed);
    if t >= 0 {
        set_blocking_fd(s.fd(), false)?;
    }
    Ok(())
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Result<i32, i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: v and len are valid out-pointers sized for a c_int.
    let r = unsafe { libc::getsockopt(fd, level, opt, (&mut v as *mut libc::c_int).cast(), &mut len) };
    if r < 0 { Err(errno_now()) } else { Ok(v) }
}

fn sock_init(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [family, kind, proto, fileno] = parse("socket", rest(&a), ["family", "type", "proto", "fileno"], 0)?;
    let mut family = super::opt_i64(ts, &family, -1)? as i32;
    let mut kind = super::opt_i64(ts, &kind, -1)? as i32;
    let mut proto = super::opt_i64(ts, &proto, -1)? as i32;
    let fd = match given(&fileno) {
        Some(_) => {
            let fd = fd_number(ts, &fileno)?;
            if family == -1 {
                family = match getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_DOMAIN) {
                    Ok(v) => v,
                    Err(e) => return Err(os_err(e)),
                };
            }
            if kind == -1 {
                kind = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE).map_err(os_err)?;
            }
            if proto == -1 {
                proto = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL).map_err(os_err)?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: socket() takes plain integers.
            let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(os_err(errno_now()));
            }
            fd
        }
    };
    s.fd.store(fd, Ordering::Relaxed);
    s.family.store(family, Ordering::Relaxed);
    s.kind.store(kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC), Ordering::Relaxed);
    s.proto.store(proto, Ordering::Relaxed);
    if kind & libc::SOCK_NONBLOCK != 0 {
        s.timeout.store(0, Ordering::Relaxed);
        set_blocking_fd(fd, false)?;
    } else {
        apply_default_timeout(s)?;
    }
    Ok(none())
}

fn sock_fileno(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(this(&a)?.fd() as i64))
}

fn sock_detach(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(this(&a)?.fd.swap(-1, Ordering::Relaxed) as i64))
}

fn sock_close(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let fd = this(&a)?.fd.swap(-1, Ordering::Relaxed);
    if fd >= 0 {
        // SAFETY: the socket owned fd and has just given it up (swapped to -1).
        if unsafe { libc::close(fd) } < 0 {
            let e = errno_now();
            if e != libc::ECONNRESET {
                return Err(os_err(e));
            }
        }
    }
    Ok(none())
}

fn sock_family(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(this(&a)?.family.load(Ordering::Relaxed) as i64))
}
fn sock_type(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(this(&a)?.kind.load(Ordering::Relaxed) as i64))
}
fn sock_proto(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(this(&a)?.proto.load(Ordering::Relaxed) as i64))
}
fn sock_timeout(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(timeout_value(this(&a)?.timeout_ns()))
}

fn sock_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    Ok(new_str(&format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd(),
        s.family.load(Ordering::Relaxed),
        s.kind.load(Ordering::Relaxed),
        s.proto.load(Ordering::Relaxed)
    )))
}

fn sock_settimeout(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [t] = parse("settimeout", rest(&a), ["value"], 1)?;
    let t = timeout_arg(ts, &t.unwrap_or_else(none))?;
    s.timeout.store(t, Ordering::Relaxed);
    if s.fd() >= 0 {
        set_blocking_fd(s.fd(), t < 0)?;
    }
    Ok(none())
}

fn sock_gettimeout(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(timeout_value(this(&a)?.timeout_ns()))
}

fn sock_setblocking(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [flag] = parse("setblocking", rest(&a), ["flag"], 1)?;
    let blocking = ops::is_true(ts, &flag.unwrap_or_else(none))?;
    s.timeout.store(if blocking { -1 } else { 0 }, Ordering::Relaxed);
    set_blocking_fd(s.fd(), blocking)?;
    Ok(none())
}

fn sock_getblocking(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(this(&a)?.timeout_ns() != 0))
}

fn sock_bind(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [addr] = parse("bind", rest(&a), ["address"], 1)?;
    let addr = addr_from_py(ts, s.family.load(Ordering::Relaxed), &addr.unwrap_or_else(none), "bind")?;
    // SAFETY: addr holds a sockaddr of addr.len bytes.
    if unsafe { libc::bind(s.fd(), addr.ptr(), addr.len) } < 0 {
        return Err(os_err(errno_now()));
    }
    Ok(none())
}

fn sock_listen(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [backlog] = parse("listen", rest(&a), ["backlog"], 0)?;
    let backlog = super::opt_i64(ts, &backlog, libc::SOMAXCONN.min(128) as i64)?.clamp(0, i32::MAX as i64) as i32;
    // SAFETY: listen takes plain integers.
    if unsafe { libc::listen(s.fd(), backlog) } < 0 {
        return Err(os_err(errno_now()));
    }
    Ok(none())
}

fn sock_accept(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let fd = s.fd();
    let mut addr = Addr::new();
    let r = sock_call(ts, s, false, || {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: addr's storage and length are valid out-pointers.
        unsafe { libc::accept4(fd, addr.mut_ptr(), &mut addr.len, libc::SOCK_CLOEXEC) as isize }
    })?;
    Ok(new_tuple(vec![new_int(r as i64), addr_to_py(&addr)]))
}

/// connect(), returning the errno instead of raising when `raise_` is false.
fn do_connect(ts: &ThreadState, s: &PySocket, addr: &Addr, raise_: bool) -> PyResult<i32> {
    let fd = s.fd();
    let t = s.timeout_ns();
    // SAFETY: addr holds a sockaddr of addr.len bytes.
    let call = || unsafe { libc::connect(fd, addr.ptr(), addr.len) };
    let r = if t < 0 { ts.detached(call) } else { call() };
    let mut code = if r < 0 { errno_now() } else { 0 };
    let waiting = (code == libc::EINTR) || (code == libc::EINPROGRESS && t > 0);
    if waiting {
        let deadline = (t > 0).then(|| Instant::now() + Duration::from_nanos(t as u64));
        if !wait_fd(ts, fd, true, deadline)? {
            if raise_ {
                return Err(timeout_error());
            }
            return Ok(libc::EWOULDBLOCK);
        }
        code = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR).unwrap_or_else(|e| e);
        if code == libc::EISCONN {
            code = 0;
        }
    }
    if code != 0 && raise_ {
        return Err(os_err(code));
    }
    Ok(code)
}

fn sock_connect(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [addr] = parse("connect", rest(&a), ["address"], 1)?;
    let addr = addr_from_py(ts, s.family.load(Ordering::Relaxed), &addr.unwrap_or_else(none), "connect")?;
    do_connect(ts, s, &addr, true)?;
    Ok(none())
}

fn sock_connect_ex(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [addr] = parse("connect_ex", rest(&a), ["address"], 1)?;
    let addr = addr_from_py(ts, s.family.load(Ordering::Relaxed), &addr.unwrap_or_else(none), "connect_ex")?;
    Ok(new_int(do_connect(ts, s, &addr, false)? as i64))
}

fn size_arg(ts: &ThreadState, v: &Option<Value>, what: &str) -> PyResult<usize> {
    let n = to_i64(ts, &v.clone().unwrap_or_else(none))?;
    if n < 0 {
        raise!(ValueError, "negative buffersize in {}", what);
    }
    Ok(n as usize)
}

fn sock_recv(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [n, flags] = parse("recv", rest(&a), ["bufsize", "flags"], 1)?;
    let n = size_arg(ts, &n, "recv")?;
    let flags = super::opt_i64(ts, &flags, 0)? as i32;
    let fd = s.fd();
    let mut buf = super::zeroed_buf(n)?;
    // SAFETY: buf is writable for buf.len() bytes.
    let got = sock_call(ts, s, false, || unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) })?;
    buf.truncate(got as usize);
    Ok(new_bytes(&buf))
}

/// Copies `data` into the start of the writable buffer `target`.
fn write_into(ts: &ThreadState, target: &Value, data: &[u8]) -> PyResult<()> {
    if let Some(ba) = target.downcast::<PyByteArray>() {
        let mut d = ba.data.lock();
        let m = data.len().min(d.len());
        d[..m].copy_from_slice(&data[..m]);
        return Ok(());
    }
    if data.is_empty() {
        return Ok(());
    }
    let sl = spindle_vm::builtins_init::new_slice(new_int(0), new_int(data.len() as i64), none());
    ops::setitem(ts, target, &sl, new_bytes(data))
}

fn into_size(ts: &ThreadState, buffer: &Value, nbytes: &Option<Value>, what: &str) -> PyResult<usize> {
    if buffer.downcast::<PyBytes>().is_some() || as_str(buffer).is_some() {
        raise!(TypeError, "{}() argument 'buffer' must be read-write bytes-like object, not {}", what, ops::type_name(buffer));
    }
    let len = ops::len(ts, buffer)?;
    let n = super::opt_i64(ts, nbytes, 0)?;
    if n < 0 {
        raise!(ValueError, "negative buffersize in {}", what);
    }
    if n as usize > len {
        raise!(ValueError, "buffer too small for requested bytes");
    }
    Ok(if n == 0 { len } else { n as usize })
}

fn sock_recv_into(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [buffer, nbytes, flags] = parse("recv_into", rest(&a), ["buffer", "nbytes", "flags"], 1)?;
    let buffer = buffer.unwrap_or_else(none);
    let n = into_size(ts, &buffer, &nbytes, "recv_into")?;
    let flags = super::opt_i64(ts, &flags, 0)? as i32;
    let fd = s.fd();
    let mut buf = vec![0u8; n];
    // SAFETY: buf is writable for buf.len() bytes.
    let got = sock_call(ts, s, false, || unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) })?;
    write_into(ts, &buffer, &buf[..got as usize])?;
    Ok(new_int(got as i64))
}

fn recvfrom_raw(ts: &ThreadState, s: &PySocket, n: usize, flags: i32) -> PyResult<(Vec<u8>, Addr)> {
    let fd = s.fd();
    let mut buf = super::zeroed_buf(n)?;
    let mut addr = Addr::new();
    let got = sock_call(ts, s, false, || {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: buf is writable for its length; addr's storage and length
        // are valid out-pointers.
        unsafe { libc::recvfrom(fd, buf.as_mut_ptr().cast(), buf.len(), flags, addr.mut_ptr(), &mut addr.len) }
    })?;
    buf.truncate(got as usize);
    Ok((buf, addr))
}

fn sock_recvfrom(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [n, flags] = parse("recvfrom", rest(&a), ["bufsize", "flags"], 1)?;
    let n = size_arg(ts, &n, "recvfrom")?;
    let flags = super::opt_i64(ts, &flags, 0)? as i32;
    let (buf, addr) = recvfrom_raw(ts, s, n, flags)?;
    Ok(new_tuple(vec![new_bytes(&buf), addr_to_py(&addr)]))
}

fn sock_recvfrom_into(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [buffer, nbytes, flags] = parse("recvfrom_into", rest(&a), ["buffer", "nbytes", "flags"], 1)?;
    let buffer = buffer.unwrap_or_else(none);
    let n = into_size(ts, &buffer, &nbytes, "recvfrom_into")?;
    let flags = super::opt_i64(ts, &flags, 0)? as i32;
    let (buf, addr) = recvfrom_raw(ts, s, n, flags)?;
    write_into(ts, &buffer, &buf)?;
    Ok(new_tuple(vec![new_int(buf.len() as i64), addr_to_py(&addr)]))
}

fn sock_send(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [data, flags] = parse("send", rest(&a), ["data", "flags"], 1)?;
    let data = super::buffer_bytes(ts, &data.unwrap_or_else(none))?;
    let flags = super::opt_i64(ts, &flags, 0)? as i32;
    let fd = s.fd();
    // SAFETY: data is readable for data.len() bytes.
    let r = sock_call(ts, s, true, || unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags | libc::MSG_NOSIGNAL) })?;
    Ok(new_int(r as i64))
}

fn sock_sendall(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [data, flags] = parse("sendall", rest(&a), ["data", "flags"], 1)?;
    let data = super::buffer_bytes(ts, &data.unwrap_or_else(none))?;
    let flags = super::opt_i64(ts, &flags, 0)? as i32;
    let fd = s.fd();
    // The timeout bounds the whole sendall, not each send (as CPython 3.5+).
    let deadline = timeout_deadline(s);
    let mut off = 0;
    while off < data.len() {
        let chunk = &data[off..];
        // SAFETY: chunk is readable for chunk.len() bytes.
        let r = sock_call_until(ts, s, true, deadline, || unsafe {
            libc::send(fd, chunk.as_ptr().cast(), chunk.len(), flags | libc::MSG_NOSIGNAL)
        })?;
        off += r as usize;
    }
    Ok(none())
}

fn sock_sendto(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let r = rest(&a);
    if r.has_kwargs() {
        raise!(TypeError, "sendto() takes no keyword arguments");
    }
    let (data, flags, addr) = match r.args {
        [d, ad] => (d, None, ad),
        [d, f, ad] => (d, Some(f), ad),
        _ => raise!(TypeError, "sendto() takes 2 or 3 arguments ({} given)", r.args.len()),
    };
    let data = super::buffer_bytes(ts, data)?;
    let flags = match flags {
        Some(f) => to_i64(ts, f)? as i32,
        None => 0,
    };
    let addr = addr_from_py(ts, s.family.load(Ordering::Relaxed), addr, "sendto")?;
    let fd = s.fd();
    let n = sock_call(ts, s, true, || {
        // SAFETY: data is readable for its length; addr holds a sockaddr of addr.len bytes.
        unsafe { libc::sendto(fd, data.as_ptr().cast(), data.len(), flags | libc::MSG_NOSIGNAL, addr.ptr(), addr.len) }
    })?;
    Ok(new_int(n as i64))
}

/// A control-message buffer (aligned for `cmsghdr`) of at least `n` bytes.
fn control_buf(n: usize) -> PyResult<Vec<u64>> {
    let words = n.div_ceil(8);
    let mut v = Vec::new();
    if v.try_reserve_exact(words).is_err() {
        return Err(spindle_vm::error::PyErr::new(rt().exc.MemoryError, String::new()));
    }
    v.resize(words, 0);
    Ok(v)
}

fn cmsg_len_arg(ts: &ThreadState, a: Args<'_>, name: &str) -> PyResult<u32> {
    let [n] = parse(name, a, ["length"], 1)?;
    let n = to_i64(ts, &n.unwrap_or_else(none))?;
    // The result must fit too: the header adds at most 24 bytes.
    if !(0..=(u32::MAX as i64 - 64)).contains(&n) {
        raise!(OverflowError, "{}() argument out of range", name);
    }
    Ok(n as u32)
}

fn s_cmsg_len(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let n = cmsg_len_arg(ts, a, "CMSG_LEN")?;
    // SAFETY: CMSG_LEN is arithmetic on its argument.
    Ok(new_int(unsafe { libc::CMSG_LEN(n) } as i64))
}

fn s_cmsg_space(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let n = cmsg_len_arg(ts, a, "CMSG_SPACE")?;
    // SAFETY: CMSG_SPACE is arithmetic on its argument.
    Ok(new_int(unsafe { libc::CMSG_SPACE(n) } as i64))
}

fn sock_sendmsg(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [buffers, ancdata, flags, address] = parse("sendmsg", rest(&a), ["buffers", "ancdata", "flags", "address"], 1)?;
    let bufs: Vec<Vec<u8>> = ops::collect(ts, &buffers.unwrap_or_else(none))
        .map_err(|_| err!(TypeError, "sendmsg() argument 1 must be an iterable"))?
        .iter()
        .map(|b| super::buffer_bytes(ts, b))
        .collect::<PyResult<_>>()?;
    let mut anc: Vec<(i32, i32, Vec<u8>)> = Vec::new();
    if let Some(ad) = given(&ancdata) {
        for item in ops::collect(ts, ad).map_err(|_| err!(TypeError, "sendmsg() argument 2 must be an iterable"))? {
            let parts = match tuple_items(&item) {
                Some(p) if p.len() == 3 => p.to_vec(),
                _ => raise!(TypeError, "[sendmsg() ancillary data items]() argument must be sequence of length 3, not {}", ops::type_name(&item)),
            };
            anc.push((to_i64(ts, &parts[0])? as i32, to_i64(ts, &parts[1])? as i32, super::buffer_bytes(ts, &parts[2])?));
        }
    }
    let flags = super::opt_i64(ts, &flags, 0)? as i32;
    let addr = match given(&address) {
        Some(ad) => Some(addr_from_py(ts, s.family.load(Ordering::Relaxed), ad, "sendmsg")?),
        None => None,
    };
    let mut space = 0usize;
    for (_, _, d) in &anc {
        let n = u32::try_from(d.len()).map_err(|_| err!(OSError, "ancillary data item too large"))?;
        // SAFETY: CMSG_SPACE is arithmetic on its argument.
        space += unsafe { libc::CMSG_SPACE(n) } as usize;
    }
    let mut control = control_buf(space)?;
    let mut iov: Vec<libc::iovec> =
        bufs.iter().map(|b| libc::iovec { iov_base: b.as_ptr() as *mut libc::c_void, iov_len: b.len() }).collect();
    // SAFETY: msghdr is plain data; all-zero is valid and the fields used are set below.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    if let Some(ad) = &addr {
        msg.msg_name = ad.ptr() as *mut libc::c_void;
        msg.msg_namelen = ad.len;
    }
    msg.msg_iov = iov.as_mut_ptr();
    msg.msg_iovlen = iov.len() as _;
    if space > 0 {
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = space as _;
        // SAFETY: the control buffer holds `space` bytes, the sum of
        // CMSG_SPACE of every item, so each header and its data fit; the
        // CMSG_* walk stays within msg_controllen.
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            for (level, kind, d) in &anc {
                if c.is_null() {
                    break;
                }
                (*c).cmsg_level = *level;
                (*c).cmsg_type = *kind;
                (*c).cmsg_len = libc::CMSG_LEN(d.len() as u32) as _;
                std::ptr::copy_nonoverlapping(d.as_ptr(), libc::CMSG_DATA(c), d.len());
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
    }
    let fd = s.fd();
    // SAFETY: msg points at live iovecs, address and control buffers.
    let n = sock_call(ts, s, true, || unsafe { libc::sendmsg(fd, &msg, flags | libc::MSG_NOSIGNAL) })?;
    Ok(new_int(n as i64))
}

fn sock_recvmsg(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [n, ancbufsize, flags] = parse("recvmsg", rest(&a), ["bufsize", "ancbufsize", "flags"], 1)?;
    let n = size_arg(ts, &n, "recvmsg")?;
    let anc_n = super::opt_i64(ts, &ancbufsize, 0)?;
    if anc_n < 0 {
        raise!(ValueError, "negative buffer size in recvmsg()");
    }
    let flags = super::opt_i64(ts, &flags, 0)? as i32;
    let mut buf = super::zeroed_buf(n)?;
    let mut control = control_buf(anc_n as usize)?;
    let mut addr = Addr::new();
    let mut iov = [libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() }];
    // SAFETY: msghdr is plain data; all-zero is valid and the fields used are set below.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_name = addr.mut_ptr().cast();
    msg.msg_iov = iov.as_mut_ptr();
    msg.msg_iovlen = 1;
    if anc_n > 0 {
        msg.msg_control = control.as_mut_ptr().cast();
    }
    let fd = s.fd();
    let got = sock_call(ts, s, false, || {
        msg.msg_namelen = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        msg.msg_controllen = anc_n as _;
        msg.msg_flags = 0;
        // SAFETY: msg points at the live buffer, address and control storage.
        unsafe { libc::recvmsg(fd, &mut msg, flags) }
    })?;
    addr.len = msg.msg_namelen;
    let mut items = Vec::new();
    if anc_n > 0 && msg.msg_controllen > 0 {
        let end = control.as_ptr() as usize + (msg.msg_controllen as usize).min(anc_n as usize);
        // SAFETY: the kernel wrote msg_controllen bytes of control messages
        // into our buffer; every header and data range is checked against
        // its end before it is read.
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            while !c.is_null() && (c as usize) + std::mem::size_of::<libc::cmsghdr>() <= end {
                let data = libc::CMSG_DATA(c);
                let claimed = ((*c).cmsg_len as usize).saturating_sub(libc::CMSG_LEN(0) as usize);
                let len = claimed.min(end.saturating_sub(data as usize));
                let bytes = std::slice::from_raw_parts(data, len);
                items.push(new_tuple(vec![new_int((*c).cmsg_level as i64), new_int((*c).cmsg_type as i64), new_bytes(bytes)]));
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
    }
    buf.truncate(got as usize);
    Ok(new_tuple(vec![new_bytes(&buf), new_list(items), new_int(msg.msg_flags as i64), addr_to_py(&addr)]))
}

fn sock_shutdown(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [how] = parse("shutdown", rest(&a), ["how"], 1)?;
    let how = to_i64(ts, &how.unwrap_or_else(none))? as i32;
    // SAFETY: shutdown takes plain integers.
    if unsafe { libc::shutdown(s.fd(), how) } < 0 {
        return Err(os_err(errno_now()));
    }
    Ok(none())
}

fn sock_name(a: &Args<'_>, peer: bool) -> PyResult<Value> {
    let s = this(a)?;
    let mut addr = Addr::new();
    // SAFETY: addr's storage and length are valid out-pointers.
    let r = unsafe {
        if peer {
            libc::getpeername(s.fd(), addr.mut_ptr(), &mut addr.len)
        } else {
            libc::getsockname(s.fd(), addr.mut_ptr(), &mut addr.len)
        }
    };
    if r < 0 {
        return Err(os_err(errno_now()));
    }
    Ok(addr_to_py(&addr))
}

fn sock_getsockname(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    sock_name(&a, false)
}
fn sock_getpeername(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    sock_name(&a, true)
}

fn sock_setsockopt(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let r = rest(&a);
    let (level, opt, value, optlen) = match r.positional() {
        [l, o, v] => (l, o, v, None),
        [l, o, v, n] => (l, o, v, Some(n)),
        p => raise!(TypeError, "setsockopt() takes 3 or 4 arguments ({} given)", p.len()),
    };
    let level = to_i64(ts, level)? as i32;
    let opt = to_i64(ts, opt)? as i32;
    let rc = if let Some(n) = optlen {
        if !is_none(value) {
            raise!(TypeError, "setsockopt() argument 3 must be None when 4 arguments are given");
        }
        let n = to_i64(ts, n)? as libc::socklen_t;
        // SAFETY: a null option value with the given length is what the
        // caller asked for (the kernel validates it).
        unsafe { libc::setsockopt(s.fd(), level, opt, std::ptr::null(), n) }
    } else if spindle_vm::num::is_int(value) {
        let v = to_i64(ts, value)? as libc::c_int;
        // SAFETY: v is a readable c_int for the size passed.
        unsafe {
            libc::setsockopt(s.fd(), level, opt, (&v as *const libc::c_int).cast(), std::mem::size_of::<libc::c_int>() as libc::socklen_t)
        }
    } else {
        let b = super::buffer_bytes(ts, value)?;
        // SAFETY: b is readable for b.len() bytes.
        unsafe { libc::setsockopt(s.fd(), level, opt, b.as_ptr().cast(), b.len() as libc::socklen_t) }
    };
    if rc < 0 {
        return Err(os_err(errno_now()));
    }
    Ok(none())
}

fn sock_getsockopt(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [level, opt, buflen] = parse("getsockopt", rest(&a), ["level", "option", "buflen"], 2)?;
    let level = to_i64(ts, &level.unwrap_or_else(none))? as i32;
    let opt = to_i64(ts, &opt.unwrap_or_else(none))? as i32;
    let buflen = super::opt_i64(ts, &buflen, 0)?;
    if buflen == 0 {
        return match getsockopt_int(s.fd(), level, opt) {
            Ok(v) => Ok(new_int(v as i64)),
            Err(e) => Err(os_err(e)),
        };
    }
    if !(1..=1024).contains(&buflen) {
        raise!(OSError, "getsockopt buflen out of range");
    }
    let mut buf = vec![0u8; buflen as usize];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: buf is writable for len bytes; len is a valid out-pointer.
    if unsafe { libc::getsockopt(s.fd(), level, opt, buf.as_mut_ptr().cast(), &mut len) } < 0 {
        return Err(os_err(errno_now()));
    }
    buf.truncate(len as usize);
    Ok(new_bytes(&buf))
}

fn s_socketpair(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [family, kind, proto] = parse("socketpair", a, ["family", "type", "proto"], 0)?;
    let family = super::opt_i64(ts, &family, libc::AF_UNIX as i64)? as i32;
    let kind = super::opt_i64(ts, &kind, libc::SOCK_STREAM as i64)? as i32;
    let proto = super::opt_i64(ts, &proto, 0)? as i32;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: fds is a writable array of two c_ints.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(os_err(errno_now()));
    }
    let Some(cls) = SOCKET_TYPE.get().copied() else {
        for fd in fds {
            // SAFETY: closing the two descriptors we just made.
            unsafe { libc::close(fd) };
        }
        raise!(RuntimeError, "_socket not initialised");
    };
    let plain = kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    let mut out = Vec::with_capacity(2);
    for fd in fds {
        let v = new_socket_obj(cls, fd, family, plain, proto);
        if let Some(s) = v.downcast::<PySocket>() {
            if kind & libc::SOCK_NONBLOCK != 0 {
                s.timeout.store(0, Ordering::Relaxed);
                set_blocking_fd(fd, false)?;
            } else {
                apply_default_timeout(s)?;
            }
        }
        out.push(v);
    }
    Ok(new_tuple(out))
}

fn s_if_nametoindex(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [name] = parse("if_nametoindex", a, ["oname"], 1)?;
    let name = name.unwrap_or_else(none);
    let Some(n) = as_str(&name) else {
        raise!(TypeError, "if_nametoindex(): argument must be str, not {}", ops::type_name(&name));
    };
    let n = CString::new(super::encode_fs(n)).map_err(|_| err!(ValueError, "embedded null character"))?;
    // SAFETY: n is NUL-terminated.
    let i = unsafe { libc::if_nametoindex(n.as_ptr()) };
    if i == 0 {
        raise!(OSError, "no interface with this name");
    }
    Ok(new_int(i as i64))
}

fn s_if_indextoname(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [i] = parse("if_indextoname", a, ["index"], 1)?;
    let i = to_i64(ts, &i.unwrap_or_else(none))?;
    if !(0..=u32::MAX as i64).contains(&i) {
        raise!(OverflowError, "index is too large");
    }
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    // SAFETY: buf holds IF_NAMESIZE bytes as if_indextoname requires.
    let p = unsafe { libc::if_indextoname(i as u32, buf.as_mut_ptr()) };
    if p.is_null() {
        return Err(os_err(errno_now()));
    }
    // SAFETY: on success buf holds a NUL-terminated name.
    Ok(new_str(&super::decode_fs(unsafe { CStr::from_ptr(buf.as_ptr()) }.to_bytes())))
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[
    ("getaddrinfo", s_getaddrinfo),
    ("gethostbyname", s_gethostbyname),
    ("gethostbyname_ex", s_gethostbyname_ex),
    ("gethostbyaddr", s_gethostbyaddr),
    ("getnameinfo", s_getnameinfo),
    ("gethostname", s_gethostname),
    ("getservbyname", s_getservbyname),
    ("getservbyport", s_getservbyport),
    ("getprotobyname", s_getprotobyname),
    ("inet_aton", s_inet_aton),
    ("inet_ntoa", s_inet_ntoa),
    ("inet_pton", s_inet_pton),
    ("inet_ntop", s_inet_ntop),
    ("htons", s_htons),
    ("ntohs", s_ntohs),
    ("htonl", s_htonl),
    ("ntohl", s_ntohl),
    ("getdefaulttimeout", s_getdefaulttimeout),
    ("setdefaulttimeout", s_setdefaulttimeout),
    ("dup", s_dup),
    ("close", s_close),
    ("socketpair", s_socketpair),
    ("if_nametoindex", s_if_nametoindex),
    ("if_indextoname", s_if_indextoname),
    ("CMSG_LEN", s_cmsg_len),
    ("CMSG_SPACE", s_cmsg_space),
];

const PY_SRC: &str = r#"
class herror(OSError):
    pass

class gaierror(OSError):
    pass

herror.__module__ = gaierror.__module__ = 'socket'
error = OSError
timeout = TimeoutError
has_ipv6 = True
"#;

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_socket", FUNCTIONS);
    let t = *SOCKET_TYPE.get_or_init(|| {
        let t = spindle_vm::native::new_type::<PySocket>("socket", "_socket", None, true);
        spindle_vm::native::add_methods(
            t,
            &[
                ("__init__", sock_init),
                ("__repr__", sock_repr),
                ("fileno", sock_fileno),
                ("detach", sock_detach),
                ("close", sock_close),
                ("bind", sock_bind),
                ("listen", sock_listen),
                ("_accept", sock_accept),
                ("connect", sock_connect),
                ("connect_ex", sock_connect_ex),
                ("recv", sock_recv),
                ("recv_into", sock_recv_into),
                ("recvfrom", sock_recvfrom),
                ("recvfrom_into", sock_recvfrom_into),
                ("send", sock_send),
                ("sendall", sock_sendall),
                ("sendto", sock_sendto),
                ("sendmsg", sock_sendmsg),
                ("recvmsg", sock_recvmsg),
                ("shutdown", sock_shutdown),
                ("getsockname", sock_getsockname),
                ("getpeername", sock_getpeername),
                ("setsockopt", sock_setsockopt),
                ("getsockopt", sock_getsockopt),
                ("settimeout", sock_settimeout),
                ("gettimeout", sock_gettimeout),
                ("setblocking", sock_setblocking),
                ("getblocking", sock_getblocking),
            ],
        );
        spindle_vm::native::set_new(t, sock_new);
        crate::math::add_getter(t, "family", sock_family);
        crate::math::add_getter(t, "type", sock_type);
        crate::math::add_getter(t, "proto", sock_proto);
        crate::math::add_getter(t, "timeout", sock_timeout);
        t
    });
    spindle_vm::native::add_value(&m, "socket", t.to_value());
    spindle_vm::native::add_value(&m, "SocketType", t.to_value());
    for (name, v) in super::net_consts::SOCKET_CONSTANTS {
        spindle_vm::native::add_value(&m, name, new_int(*v));
    }
    super::run_source(ts, &m, PY_SRC, "<_socket>")?;
    if let Some(g) = super::module_attr(&m, "gaierror") {
        let _ = GAIERROR.set(g);
    }
    if let Some(h) = super::module_attr(&m, "herror") {
        let _ = HERROR.set(h);
    }
    Ok(m)
}
