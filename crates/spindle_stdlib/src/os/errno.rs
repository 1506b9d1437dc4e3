//! The `errno` module: the platform's error numbers as named constants and
//! the `errorcode` dict mapping each number back to its name.

use spindle_vm::error::PyResult;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::str::new_str;
use spindle_vm::value::Value;

macro_rules! errnos {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name)),*]
    };
}

/// Every errno name this platform defines, with its number.
pub(crate) fn table() -> &'static [(&'static str, i32)] {
    errnos!(
        EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF, ECHILD, EAGAIN, ENOMEM, EACCES, EFAULT,
        ENOTBLK, EBUSY, EEXIST, EXDEV, ENODEV, ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY, ETXTBSY, EFBIG,
        ENOSPC, ESPIPE, EROFS, EMLINK, EPIPE, EDOM, ERANGE, EDEADLK, ENAMETOOLONG, ENOLCK, ENOSYS, ENOTEMPTY,
        ELOOP, EWOULDBLOCK, ENOMSG, EIDRM, ENOSTR, ENODATA, ETIME, ENOSR, EREMOTE, ENOLINK, EPROTO, EMULTIHOP,
        EBADMSG, EOVERFLOW, EILSEQ, EUSERS, ENOTSOCK, EDESTADDRREQ, EMSGSIZE, EPROTOTYPE, ENOPROTOOPT,
        EPROTONOSUPPORT, ESOCKTNOSUPPORT, EOPNOTSUPP, ENOTSUP, EPFNOSUPPORT, EAFNOSUPPORT, EADDRINUSE,
        EADDRNOTAVAIL, ENETDOWN, ENETUNREACH, ENETRESET, ECONNABORTED, ECONNRESET, ENOBUFS, EISCONN, ENOTCONN,
        ESHUTDOWN, ETOOMANYREFS, ETIMEDOUT, ECONNREFUSED, EHOSTDOWN, EHOSTUNREACH, EALREADY, EINPROGRESS,
        ESTALE, EDQUOT, ECANCELED, EOWNERDEAD, ENOTRECOVERABLE, ENOMEDIUM, EMEDIUMTYPE, ECHRNG, EL2NSYNC,
        EL3HLT, EL3RST, ELNRNG, EUNATCH, ENOCSI, EL2HLT, EBADE, EBADR, EXFULL, ENOANO, EBADRQC, EBADSLT,
        EBFONT, ENONET, ENOPKG, EADV, ESRMNT, ECOMM, EDOTDOT, ENOTUNIQ, EBADFD, EREMCHG, ELIBACC, ELIBBAD,
        ELIBSCN, ELIBMAX, ELIBEXEC, ERESTART, ESTRPIPE, EUCLEAN, ENOTNAM, ENAVAIL, EISNAM, EREMOTEIO,
        EKEYEXPIRED, EKEYREJECTED, EKEYREVOKED, ENOKEY, ERFKILL, EHWPOISON, EDEADLOCK,
    )
}

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("errno", &[]);
    let codes = spindle_vm::builtins_init::new_dict();
    for (name, code) in table() {
        spindle_vm::native::add_value(&m, name, new_int(*code as i64));
    }
    // errorcode maps each number to the first name listed for it, except
    // where CPython prefers the other alias (EAGAIN, ENOTSUP...).
    for (name, code) in table().iter().rev() {
        spindle_vm::ops::setitem(ts, &codes, &new_int(*code as i64), new_str(name))?;
    }
    for pref in ["EAGAIN", "EDEADLOCK", "ENOTSUP"] {
        if let Some((_, c)) = table().iter().find(|(n, _)| *n == pref) {
            spindle_vm::ops::setitem(ts, &codes, &new_int(*c as i64), new_str(pref))?;
        }
    }
    spindle_vm::native::add_value(&m, "errorcode", codes);
    Ok(m)
}
