//! The `grp` module: the group database through `getgrgid_r`/`getgrnam_r`
//! (a growing buffer, run detached as in `pwd`) and `getgrall` over
//! `getgrent` under one lock.

use std::sync::Mutex;

use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::runtime::{none, rt};
use spindle_vm::seq::new_list;
use spindle_vm::str::new_str;
use spindle_vm::value::Value;
use spindle_vm::{ops, raise};

use super::pwd::{Found, c_bytes, id_arg, id_value, name_arg, reentrant_lookup};
use super::{decode_fs, parse, positional_only};

/// One group copied out of libc's buffer (no Python object).
struct GrEntry {
    name: Option<Vec<u8>>,
    passwd: Option<Vec<u8>>,
    gid: libc::gid_t,
    members: Vec<Vec<u8>>,
}

/// Copies a `group` that libc filled.
///
/// # Safety
/// Its strings are null or NUL-terminated and alive; `gr_mem` is null or a
/// null-terminated array of such strings.
unsafe fn copy_group(g: &libc::group) -> GrEntry {
    let mut members = Vec::new();
    if !g.gr_mem.is_null() {
        let mut p = g.gr_mem;
        // SAFETY: gr_mem is a null-terminated array (the caller's contract).
        unsafe {
            while !(*p).is_null() {
                members.extend(c_bytes(*p));
                p = p.add(1);
            }
        }
    }
    // SAFETY: the caller's contract covers the string fields.
    unsafe { GrEntry { name: c_bytes(g.gr_name), passwd: c_bytes(g.gr_passwd), gid: g.gr_gid, members } }
}

fn make_entry(ts: &ThreadState, e: &GrEntry) -> PyResult<Value> {
    let s = |b: &Option<Vec<u8>>| b.as_ref().map_or_else(none, |b| new_str(&decode_fs(b)));
    let members = new_list(e.members.iter().map(|m| new_str(&decode_fs(m))).collect());
    super::new_structseq(ts, "grp.struct_group", vec![s(&e.name), s(&e.passwd), id_value(e.gid), members])
}

fn no_memory() -> PyErr {
    PyErr(spindle_vm::exceptions::new_exception(rt().exc.MemoryError, vec![]))
}

fn grp_getgrgid(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [id] = parse("getgrgid", a, ["id"], 1)?;
    let gid = id_arg(ts, &id.unwrap_or_else(none), "gid")?;
    let found = ts.detached(|| {
        // SAFETY: group is plain data that getgrgid_r fills.
        let mut gr: libc::group = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::group = std::ptr::null_mut();
        reentrant_lookup(libc::_SC_GETGR_R_SIZE_MAX, |buf, len| {
            // SAFETY: buf is writable for len bytes; gr and result are valid out-pointers.
            let status = unsafe { libc::getgrgid_r(gid, &mut gr, buf, len, &mut result) };
            // SAFETY: on success gr's strings point into the live buffer.
            (status, (!result.is_null()).then(|| unsafe { copy_group(&gr) }))
        })
    });
    match found {
        Found::Entry(e) => make_entry(ts, &e),
        Found::Missing => raise!(KeyError, "getgrgid(): gid not found: {}", if gid == u32::MAX { -1 } else { gid as i64 }),
        Found::NoMemory => Err(no_memory()),
    }
}

fn grp_getgrnam(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let by_keyword = a.has_kwargs();
    let [name] = parse("getgrnam", a, ["name"], 1)?;
    let name_v = name.unwrap_or_else(none);
    let c = name_arg(&name_v, "getgrnam", if by_keyword { "argument 'name'" } else { "argument 1" })?;
    let found = ts.detached(|| {
        // SAFETY: group is plain data that getgrnam_r fills.
        let mut gr: libc::group = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::group = std::ptr::null_mut();
        reentrant_lookup(libc::_SC_GETGR_R_SIZE_MAX, |buf, len| {
            // SAFETY: c is NUL-terminated; buf is writable for len bytes.
            let status = unsafe { libc::getgrnam_r(c.as_ptr(), &mut gr, buf, len, &mut result) };
            // SAFETY: on success gr's strings point into the live buffer.
            (status, (!result.is_null()).then(|| unsafe { copy_group(&gr) }))
        })
    });
    match found {
        Found::Entry(e) => make_entry(ts, &e),
        Found::Missing => {
            let r = ops::repr_string(ts, &name_v)?;
            raise!(KeyError, "getgrnam(): name not found: {}", r)
        }
        Found::NoMemory => Err(no_memory()),
    }
}

/// Serialises the process-wide `setgrent`/`getgrent` walk.
static GRENT_LOCK: Mutex<()> = Mutex::new(());

fn grp_getgrall(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    positional_only("grp.getgrall", "getgrall", a, 0, 0)?;
    let entries = ts.detached(|| {
        let _walk = GRENT_LOCK.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut out = Vec::new();
        // SAFETY: the walk is serialised by GRENT_LOCK; each entry is copied
        // out before the next getgrent call reuses libc's storage.
        unsafe {
            libc::setgrent();
            loop {
                let p = libc::getgrent();
                if p.is_null() {
                    break;
                }
                out.push(copy_group(&*p));
            }
            libc::endgrent();
        }
        out
    });
    let mut items = Vec::with_capacity(entries.len());
    for e in &entries {
        items.push(make_entry(ts, e)?);
    }
    Ok(new_list(items))
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[("getgrgid", grp_getgrgid), ("getgrnam", grp_getgrnam), ("getgrall", grp_getgrall)];

const DOC: &str = "Access to the Unix group database.\n\
\n\
Group entries are reported as 4-tuples containing the following fields\n\
from the group database, in order:\n\
\n\
  gr_name   - name of the group\n\
  gr_passwd - group password (encrypted); often empty\n\
  gr_gid    - numeric ID of the group\n\
  gr_mem    - list of members\n\
\n\
The gid is an integer, name and password are strings.  (Note that most\n\
users are not explicitly listed as members of the groups they are in\n\
according to the password database.  Check both databases to get\n\
complete membership information.)";

const PY_SRC: &str = r#"
struct_group = _structseq('grp.struct_group', ('gr_name', 'gr_passwd', 'gr_gid', 'gr_mem'))
struct_group.__doc__ = """grp.struct_group: Results from getgr*() routines.

This object may be accessed either as a tuple of
  (gr_name,gr_passwd,gr_gid,gr_mem)
or via the object attributes as named in the above tuple."""
"#;

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("grp", FUNCTIONS);
    spindle_vm::native::add_value(&m, "__doc__", new_str(DOC));
    super::define_structseqs(ts, &m, PY_SRC, &["grp.struct_group"])?;
    Ok(m)
}
