//! The unpickler: `Unpickler` (subclassable; `find_class` and
//! `persistent_load` may be overridden) and `UnpicklerCore`, the opcode
//! loop over an in-memory pickle or a file, with CPython's C unpickler's
//! stack, mark and memo rules and its error messages.

use std::collections::HashMap;
use std::sync::OnceLock;

use parking_lot::Mutex;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bigint, new_bool, new_float, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::seq::{new_list, new_tuple, tuple_items};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::{PyErr, PyResult, Value, ops, raise};

use super::pickler::op;
use super::{pickle_kind, unpickling_error, with_state};

/// Decoding options for Python 2 strings, and the out-of-band buffers.
pub(crate) struct Options {
    fix_imports: bool,
    encoding: String,
    errors: String,
    /// An iterator over the buffers; None when none were given.
    buffers: Option<Value>,
}

impl Options {
    pub(crate) fn parse(
        ts: &ThreadState,
        fix_imports: &Option<Value>,
        encoding: &Option<Value>,
        errors: &Option<Value>,
        buffers: Option<&Value>,
    ) -> PyResult<Options> {
        let text = |v: &Option<Value>, what: &str, default: &str| -> PyResult<String> {
            match v {
                None => Ok(default.to_owned()),
                Some(v) => match as_str(v) {
                    Some(s) => Ok(s.to_owned()),
                    None => raise!(TypeError, "Unpickler() argument '{}' must be str, not {}", what, ops::type_name(v)),
                },
            }
        };
        let buffers = match buffers {
            Some(b) if !is_none(b) => Some(ops::iter(ts, b)?),
            _ => None,
        };
        Ok(Options {
            fix_imports: super::bool_arg(ts, fix_imports, true)?,
            encoding: text(encoding, "encoding", "ASCII")?,
            errors: text(errors, "errors", "strict")?,
            buffers,
        })
    }
}

/// Where the pickle's bytes come from: `buf[pos..]` is what was read and
/// not consumed; with a file, more is read on demand (never past what an
/// opcode needs, so the file is left just after the pickle's STOP).
struct Input {
    buf: Vec<u8>,
    pos: usize,
    read: Option<Value>,
    readline: Option<Value>,
}

/// The memo: dense indices in a vector, others in a map.
#[derive(Default)]
struct Memo {
    dense: Vec<Option<Value>>,
    sparse: HashMap<i64, Value>,
    len: usize,
}

const DENSE_LIMIT: i64 = 1 << 20;

impl Memo {
    fn get(&self, i: i64) -> Option<Value> {
        if (0..DENSE_LIMIT).contains(&i) {
            return self.dense.get(i as usize).cloned().flatten();
        }
        self.sparse.get(&i).cloned()
    }

    fn put(&mut self, i: i64, v: Value) {
        let old = if (0..DENSE_LIMIT).contains(&i) {
            let i = i as usize;
            if self.dense.len() <= i {
                self.dense.resize(i + 1, None);
            }
            self.dense[i].replace(v)
        } else {
            self.sparse.insert(i, v)
        };
        if old.is_none() {
            self.len += 1;
        }
    }

    fn items(&self) -> Vec<(i64, Value)> {
        let mut out: Vec<(i64, Value)> =
            self.dense.iter().enumerate().filter_map(|(i, v)| v.clone().map(|v| (i as i64, v))).collect();
        out.extend(self.sparse.iter().map(|(k, v)| (*k, v.clone())));
        out
    }
}

pub(crate) struct UnpicklerCore {
    inp: Input,
    stack: Vec<Value>,
    marks: Vec<usize>,
    memo: Memo,
    proto: u8,
    opts: Options,
}

fn truncated(ts: &ThreadState) -> PyErr {
    unpickling_error(ts, "pickle data was truncated")
}

impl UnpicklerCore {
    pub(crate) fn from_bytes(data: Vec<u8>, opts: Options) -> UnpicklerCore {
        UnpicklerCore {
            inp: Input { buf: data, pos: 0, read: None, readline: None },
            stack: Vec::new(),
            marks: Vec::new(),
            memo: Memo::default(),
            proto: 0,
            opts,
        }
    }

    pub(crate) fn from_file(ts: &ThreadState, file: &Value, opts: Options) -> PyResult<UnpicklerCore> {
        let read = ops::getattr_opt(ts, file, "read")?;
        let readline = ops::getattr_opt(ts, file, "readline")?;
        let (Some(read), Some(readline)) = (read, readline) else {
            raise!(TypeError, "file must have 'read' and 'readline' attributes");
        };
        let mut u = UnpicklerCore::from_bytes(Vec::new(), opts);
        u.inp.read = Some(read);
        u.inp.readline = Some(readline);
        Ok(u)
    }

    // ------------------------------------------------------------ input

    /// Bytes a file method returned.
    fn file_bytes(_ts: &ThreadState, v: &Value, what: &str) -> PyResult<Vec<u8>> {
        match spindle_vm::builtins_init::bytes_type::bytes_data(v) {
            Some(b) => Ok(b),
            None => raise!(ValueError, "{}() returned non-bytes object ({})", what, ops::type_name(v)),
        }
    }

    /// Makes `n` bytes available at `pos` (reading the file if needed);
    /// false when the input ends first.
    fn fill(&mut self, ts: &ThreadState, n: usize) -> PyResult<bool> {
        let avail = self.inp.buf.len() - self.inp.pos;
        if avail >= n {
            return Ok(true);
        }
        let Some(read) = self.inp.read.clone() else { return Ok(false) };
        if self.inp.pos > 0 {
            self.inp.buf.drain(..self.inp.pos);
            self.inp.pos = 0;
        }
        let got = ops::call(ts, &read, &[new_int((n - avail) as i64)])?;
        let data = Self::file_bytes(ts, &got, "read")?;
        self.inp.buf.extend_from_slice(&data);
        Ok(self.inp.buf.len() >= n)
    }

    /// Consumes `n` bytes; their start in `inp.buf`.
    #[inline]
    fn take(&mut self, ts: &ThreadState, n: usize) -> PyResult<usize> {
        if self.inp.buf.len() - self.inp.pos < n && !self.fill(ts, n)? {
            return Err(truncated(ts));
        }
        let at = self.inp.pos;
        self.inp.pos += n;
        Ok(at)
    }

    fn bytes(&mut self, ts: &ThreadState, n: usize) -> PyResult<&[u8]> {
        let at = self.take(ts, n)?;
        Ok(&self.inp.buf[at..at + n])
    }

    fn u8(&mut self, ts: &ThreadState) -> PyResult<u8> {
        let at = self.take(ts, 1)?;
        Ok(self.inp.buf[at])
    }

    fn u16le(&mut self, ts: &ThreadState) -> PyResult<u16> {
        let at = self.take(ts, 2)?;
        Ok(u16::from_le_bytes([self.inp.buf[at], self.inp.buf[at + 1]]))
    }

    fn u32le(&mut self, ts: &ThreadState) -> PyResult<u32> {
        let at = self.take(ts, 4)?;
        let b = &self.inp.buf[at..at + 4];
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64le(&mut self, ts: &ThreadState) -> PyResult<u64> {
        let at = self.take(ts, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&self.inp.buf[at..at + 8]);
        Ok(u64::from_le_bytes(a))
    }

    /// A line, '\n' included; (start, length).
    fn line(&mut self, ts: &ThreadState) -> PyResult<(usize, usize)> {
        let rest = &self.inp.buf[self.inp.pos..];
        if let Some(i) = rest.iter().position(|&b| b == b'\n') {
            let at = self.inp.pos;
            self.inp.pos += i + 1;
            return Ok((at, i + 1));
        }
        let Some(readline) = self.inp.readline.clone() else { return Err(truncated(ts)) };
        if self.inp.pos > 0 {
            self.inp.buf.drain(..self.inp.pos);
            self.inp.pos = 0;
        }
        let got = ops::call(ts, &readline, &[])?;
        let data = Self::file_bytes(ts, &got, "readline")?;
        self.inp.buf.extend_from_slice(&data);
        if self.inp.buf.last() != Some(&b'\n') {
            return Err(truncated(ts));
        }
        let n = self.inp.buf.len();
        self.inp.pos = n;
        Ok((0, n))
    }

    fn line_vec(&mut self, ts: &ThreadState, min: usize) -> PyResult<Vec<u8>> {
        let (at, n) = self.line(ts)?;
        if n < min {
            return Err(truncated(ts));
        }
        Ok(self.inp.buf[at..at + n].to_vec())
    }

    // ------------------------------------------------------------ stack

    fn fence(&self) -> usize {
        self.marks.last().copied().unwrap_or(0)
    }

    fn underflow(&self, ts: &ThreadState) -> PyErr {
        if self.marks.is_empty() {
            unpickling_error(ts, "unpickling stack underflow")
        } else {
            unpickling_error(ts, "unexpected MARK found")
        }
    }

    #[inline]
    fn pop(&mut self, ts: &ThreadState) -> PyResult<Value> {
        if self.stack.len() <= self.fence() {
            return Err(self.underflow(ts));
        }
        Ok(self.stack.pop().unwrap_or_else(none))
    }

    #[inline]
    fn top(&self, ts: &ThreadState) -> PyResult<Value> {
        if self.stack.len() <= self.fence() {
            return Err(self.underflow(ts));
        }
        Ok(self.stack.last().cloned().unwrap_or_else(none))
    }

    fn marker(&mut self, ts: &ThreadState) -> PyResult<usize> {
        match self.marks.pop() {
            Some(m) => Ok(m),
            None => Err(unpickling_error(ts, "could not find MARK")),
        }
    }

    fn pop_from(&mut self, at: usize) -> Vec<Value> {
        let at = at.min(self.stack.len());
        self.stack.split_off(at)
    }

    // ------------------------------------------------------------ load

    /// Runs the opcode loop to STOP; `this` is the Unpickler object whose
    /// `find_class`/`persistent_load` apply (None for module `loads`).
    pub(crate) fn load(&mut self, ts: &ThreadState, this: Option<&Value>) -> PyResult {
        self.stack.clear();
        self.marks.clear();
        self.proto = 0;
        let custom_find = this.is_some_and(|t| {
            let base = unpickler_type().lookup_static("find_class");
            let mine = t.type_ref().lookup_static("find_class");
            let own = ops::instance_dict_get(t, &new_str("find_class"));
            own.is_some() || !matches!((&base, &mine), (Some(b), Some(m)) if b.is(m))
        });
        let find = FindClass { this: this.cloned(), custom: custom_find };
        loop {
            let code = if self.inp.pos < self.inp.buf.len() {
                let c = self.inp.buf[self.inp.pos];
                self.inp.pos += 1;
                c
            } else {
                match self.take(ts, 1) {
                    Ok(at) => self.inp.buf[at],
                    Err(e) if super::is_unpickling_error(ts, &e) => raise!(EOFError, "Ran out of input"),
                    Err(e) => return Err(e),
                }
            };
            if code == op::STOP {
                return self.pop(ts);
            }
            self.step(ts, code, &find)?;
        }
    }

    fn step(&mut self, ts: &ThreadState, code: u8, find: &FindClass) -> PyResult<()> {
        match code {
            op::PROTO => {
                let p = self.u8(ts)?;
                if i64::from(p) > super::pickler::HIGHEST_PROTOCOL {
                    raise!(ValueError, "unsupported pickle protocol: {}", p);
                }
                self.proto = p;
            }
            op::FRAME => {
                let n = self.u64le(ts)?;
                let Ok(n) = usize::try_from(n) else { raise!(OverflowError, "FRAME length exceeds system's maximum of {} bytes", isize::MAX) };
                if n > isize::MAX as usize {
                    raise!(OverflowError, "FRAME length exceeds system's maximum of {} bytes", isize::MAX);
                }
                if !self.fill(ts, n)? {
                    return Err(truncated(ts));
                }
            }
            op::NONE => self.stack.push(none()),
            op::NEWTRUE => self.stack.push(new_bool(true)),
            op::NEWFALSE => self.stack.push(new_bool(false)),
            op::BININT1 => {
                let v = self.u8(ts)?;
                self.stack.push(new_int(i64::from(v)));
            }
            op::BININT2 => {
                let v = self.u16le(ts)?;
                self.stack.push(new_int(i64::from(v)));
            }
            op::BININT => {
                let v = self.u32le(ts)? as i32;
                self.stack.push(new_int(i64::from(v)));
            }
            op::INT => {
                let line = self.line_vec(ts, 2)?;
                let v = load_int_text(ts, &line)?;
                self.stack.push(v);
            }
            op::LONG => {
                let mut line = self.line_vec(ts, 2)?;
                let n = line.len();
                if line[n - 2] == b'L' {
                    line.truncate(n - 2);
                }
                let text = utf8_strict(ts, &line)?;
                let v = ops::call(ts, &rt().types.int.to_value(), &[text])?;
                self.stack.push(v);
            }
            op::LONG1 => {
                let n = self.u8(ts)? as usize;
                let data = self.bytes(ts, n)?.to_vec();
                self.stack.push(decode_long(&data));
            }
            op::LONG4 => {
                let n = self.u32le(ts)? as i32;
                if n < 0 {
                    return Err(unpickling_error(ts, "LONG pickle has negative byte count"));
                }
                let data = self.bytes(ts, n as usize)?.to_vec();
                self.stack.push(decode_long(&data));
            }
            op::FLOAT => {
                let line = self.line_vec(ts, 2)?;
                self.stack.push(load_float_text(&line)?);
            }
            op::BINFLOAT => {
                let b = self.bytes(ts, 8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                self.stack.push(new_float(f64::from_be_bytes(a)));
            }
            op::BINBYTES => {
                let n = self.u32le(ts)? as usize;
                let v = spindle_vm::bytes::new_bytes(self.bytes(ts, n)?);
                self.stack.push(v);
            }
            op::SHORT_BINBYTES => {
                let n = self.u8(ts)? as usize;
                let v = spindle_vm::bytes::new_bytes(self.bytes(ts, n)?);
                self.stack.push(v);
            }
            op::BINBYTES8 => {
                let n = self.size8(ts, "BINBYTES8")?;
                let v = spindle_vm::bytes::new_bytes(self.bytes(ts, n)?);
                self.stack.push(v);
            }
            op::BYTEARRAY8 => {
                let n = self.size8(ts, "BYTEARRAY8")?;
                let v = spindle_vm::bytes::new_bytearray(self.bytes(ts, n)?.to_vec());
                self.stack.push(v);
            }
            op::STRING => {
                let line = self.line_vec(ts, 2)?;
                let body = &line[..line.len() - 1];
                let n = body.len();
                if n < 2 || body[0] != body[n - 1] || (body[0] != b'\'' && body[0] != b'"') {
                    return Err(unpickling_error(ts, "the STRING opcode argument must be quoted"));
                }
                let raw = spindle_vm::bytes::new_bytes(&body[1..n - 1]);
                let decoder = super::import_attr(ts, "codecs", "escape_decode")?;
                let pair = ops::call(ts, &decoder, &[raw])?;
                let bytes = tuple_items(&pair).and_then(|i| i.first().cloned()).unwrap_or_else(none);
                let v = self.decode_string(ts, bytes)?;
                self.stack.push(v);
            }
            op::BINSTRING => {
                let n = self.u32le(ts)? as i32;
                if n < 0 {
                    return Err(unpickling_error(ts, "BINSTRING pickle has negative byte count"));
                }
                let b = spindle_vm::bytes::new_bytes(self.bytes(ts, n as usize)?);
                let v = self.decode_string(ts, b)?;
                self.stack.push(v);
            }
            op::SHORT_BINSTRING => {
                let n = self.u8(ts)? as usize;
                let b = spindle_vm::bytes::new_bytes(self.bytes(ts, n)?);
                let v = self.decode_string(ts, b)?;
                self.stack.push(v);
            }
            op::UNICODE => {
                let line = self.line_vec(ts, 1)?;
                let v = decode_raw_unicode_escape(ts, &line[..line.len() - 1])?;
                self.stack.push(v);
            }
            op::SHORT_BINUNICODE => {
                let n = self.u8(ts)? as usize;
                self.push_utf8(ts, n)?;
            }
            op::BINUNICODE => {
                let n = self.u32le(ts)? as usize;
                self.push_utf8(ts, n)?;
            }
            op::BINUNICODE8 => {
                let n = self.size8(ts, "BINUNICODE8")?;
                self.push_utf8(ts, n)?;
            }
            op::NEXT_BUFFER => {
                let Some(it) = self.opts.buffers.clone() else {
                    return Err(unpickling_error(ts, "pickle stream refers to out-of-band data but no *buffers* argument was given"));
                };
                match ops::next(ts, &it)? {
                    Some(b) => self.stack.push(b),
                    None => return Err(unpickling_error(ts, "not enough out-of-band buffers")),
                }
            }
            op::READONLY_BUFFER => {
                let buf = self.top(ts)?;
                let view = spindle_vm::memoryview::new_memoryview(ts, &buf)?;
                let ro = ops::is_true(ts, &ops::getattr_str(ts, &view, "readonly")?)?;
                if !ro {
                    let v = ops::call_method(ts, &view, "toreadonly", &[])?;
                    if let Some(last) = self.stack.last_mut() {
                        *last = v;
                    }
                }
            }
            op::EMPTY_TUPLE => self.stack.push(new_tuple(Vec::new())),
            op::TUPLE1 | op::TUPLE2 | op::TUPLE3 => {
                let n = usize::from(code - op::TUPLE1 + 1);
                if self.stack.len() < self.fence() + n {
                    return Err(self.underflow(ts));
                }
                let at = self.stack.len() - n;
                let items = self.pop_from(at);
                self.stack.push(new_tuple(items));
            }
            op::TUPLE => {
                let m = self.marker(ts)?;
                let items = self.pop_from(m);
                self.stack.push(new_tuple(items));
            }
            op::EMPTY_LIST => self.stack.push(new_list(Vec::new())),
            op::EMPTY_DICT => self.stack.push(spindle_vm::builtins_init::new_dict()),
            op::EMPTY_SET => self.stack.push(spindle_vm::builtins_init::new_set(ts, Vec::new())?),
            op::LIST => {
                let m = self.marker(ts)?;
                let items = self.pop_from(m);
                self.stack.push(new_list(items));
            }
            op::DICT => {
                let m = self.marker(ts)?;
                let items = self.pop_from(m);
                if items.len() % 2 != 0 {
                    return Err(unpickling_error(ts, "odd number of items for DICT"));
                }
                let d = spindle_vm::builtins_init::new_dict();
                for kv in items.chunks_exact(2) {
                    spindle_vm::builtins_init::dict_set(ts, &d, kv[0].clone(), kv[1].clone())?;
                }
                self.stack.push(d);
            }
            op::FROZENSET => {
                let m = self.marker(ts)?;
                let items = self.pop_from(m);
                let s = spindle_vm::builtins_init::new_set(ts, items)?;
                let fs = ops::call(ts, &rt().types.frozenset.to_value(), &[s])?;
                self.stack.push(fs);
            }
            op::APPEND => {
                if self.stack.len() <= self.fence() {
                    return Err(self.underflow(ts));
                }
                let at = self.stack.len() - 1;
                self.do_append(ts, at)?;
            }
            op::APPENDS => {
                let m = self.marker(ts)?;
                self.do_append(ts, m)?;
            }
            op::SETITEM => {
                let at = self.stack.len() as isize - 2;
                self.do_setitems(ts, at, "SETITEM")?;
            }
            op::SETITEMS => {
                let m = self.marker(ts)?;
                self.do_setitems(ts, m as isize, "SETITEMS")?;
            }
            op::ADDITEMS => {
                let m = self.marker(ts)?;
                let len = self.stack.len();
                if m > len || m <= self.fence() {
                    return Err(self.underflow(ts));
                }
                if len == m {
                    return Ok(());
                }
                let items = self.pop_from(m);
                let set = self.stack[m - 1].clone();
                if set.downcast::<spindle_vm::set::PySet>().is_some() && set.type_ref().is_subtype(rt().types.set) {
                    for it in items {
                        spindle_vm::builtins_init::set_add(ts, &set, it)?;
                    }
                } else {
                    let add = ops::getattr_str(ts, &set, "add")?;
                    for it in items {
                        ops::call(ts, &add, &[it])?;
                    }
                }
            }
            op::POP => {
                let len = self.stack.len();
                if self.marks.last() == Some(&len) {
                    self.marks.pop();
                } else {
                    self.pop(ts)?;
                }
            }
            op::POP_MARK => {
                let m = self.marker(ts)?;
                self.stack.truncate(m);
            }
            op::DUP => {
                let v = self.top(ts)?;
                self.stack.push(v);
            }
            op::MARK => self.marks.push(self.stack.len()),
            op::GET => {
                let line = self.line_vec(ts, 2)?;
                let idx = parse_memo_index(ts, &line)?;
                self.push_memo(ts, idx)?;
            }
            op::BINGET => {
                let i = self.u8(ts)?;
                self.push_memo(ts, i64::from(i))?;
            }
            op::LONG_BINGET => {
                let i = self.u32le(ts)?;
                self.push_memo(ts, i64::from(i))?;
            }
            op::PUT => {
                let line = self.line_vec(ts, 2)?;
                let v = self.top(ts)?;
                let idx = parse_memo_index(ts, &line)?;
                if idx < 0 {
                    raise!(ValueError, "negative PUT argument");
                }
                self.memo.put(idx, v);
            }
            op::BINPUT => {
                let v = self.top(ts)?;
                let i = self.u8(ts)?;
                self.memo.put(i64::from(i), v);
            }
            op::LONG_BINPUT => {
                let v = self.top(ts)?;
                let i = self.u32le(ts)?;
                self.memo.put(i64::from(i), v);
            }
            op::MEMOIZE => {
                let v = self.top(ts)?;
                let i = self.memo.len as i64;
                self.memo.put(i, v);
            }
            op::GLOBAL => {
                let module = self.line_vec(ts, 2)?;
                let name = self.line_vec(ts, 2)?;
                let module = utf8_strict(ts, &module[..module.len() - 1])?;
                let name = utf8_strict(ts, &name[..name.len() - 1])?;
                let cls = find.call(ts, self, module, name)?;
                self.stack.push(cls);
            }
            op::STACK_GLOBAL => {
                let name = self.pop(ts)?;
                let module = self.pop(ts)?;
                let is_str = |v: &Value| v.type_ref() == rt().types.str;
                if !is_str(&module) || !is_str(&name) {
                    return Err(unpickling_error(ts, "STACK_GLOBAL requires str"));
                }
                let cls = find.call(ts, self, module, name)?;
                self.stack.push(cls);
            }
            op::INST => {
                let m = self.marker(ts)?;
                let module = self.line_vec(ts, 2)?;
                let name = self.line_vec(ts, 2)?;
                let module = utf8_strict(ts, &module[..module.len() - 1])?;
                let name = utf8_strict(ts, &name[..name.len() - 1])?;
                let cls = find.call(ts, self, module, name)?;
                let args = self.pop_from(m);
                let v = instantiate(ts, &cls, args)?;
                self.stack.push(v);
            }
            op::OBJ => {
                let m = self.marker(ts)?;
                if self.stack.len() < m + 1 {
                    return Err(self.underflow(ts));
                }
                let args = self.pop_from(m + 1);
                let cls = self.pop(ts)?;
                let v = instantiate(ts, &cls, args)?;
                self.stack.push(v);
            }
            op::NEWOBJ | op::NEWOBJ_EX => {
                let ex = code == op::NEWOBJ_EX;
                let what = if ex { "NEWOBJ_EX" } else { "NEWOBJ" };
                let kwargs = if ex { Some(self.pop(ts)?) } else { None };
                let args = self.pop(ts)?;
                let cls = self.pop(ts)?;
                if TypeRef::from_value(&cls).is_none() {
                    return Err(unpickling_error(ts, &format!("{} class argument must be a type, not {}", what, ops::type_name(&cls))));
                }
                if !args.type_ref().is_subtype(rt().types.tuple) {
                    return Err(unpickling_error(ts, &format!("{} args argument must be a tuple, not {}", what, ops::type_name(&args))));
                }
                if let Some(k) = &kwargs {
                    if !k.type_ref().is_subtype(rt().types.dict) {
                        return Err(unpickling_error(ts, &format!("{} kwargs argument must be a dict, not {}", what, ops::type_name(k))));
                    }
                }
                let new = ops::getattr_str(ts, &cls, "__new__")?;
                let mut all = vec![cls.clone()];
                all.extend(tuple_items(&args).unwrap_or(&[]).iter().cloned());
                let mut names = Vec::new();
                if let Some(k) = &kwargs {
                    for (kk, vv) in spindle_vm::builtins_init::mapping_items(ts, k)? {
                        names.push(kk);
                        all.push(vv);
                    }
                }
                let obj = ops::call_args(ts, &new, Args { args: &all, kwnames: &names })?;
                self.stack.push(obj);
            }
            op::REDUCE => {
                let argtup = self.pop(ts)?;
                let callable = self.pop(ts)?;
                let Some(args) = tuple_items(&argtup).filter(|_| argtup.type_ref().is_subtype(rt().types.tuple)) else {
                    raise!(TypeError, "argument list must be a tuple");
                };
                let args = args.to_vec();
                let v = ops::call(ts, &callable, &args)?;
                self.stack.push(v);
            }
            op::BUILD => self.load_build(ts)?,
            op::PERSID => {
                let line = self.line_vec(ts, 1)?;
                let body = &line[..line.len() - 1];
                if !body.is_ascii() {
                    return Err(unpickling_error(ts, "persistent IDs in protocol 0 must be ASCII strings"));
                }
                let pid = new_str(std::str::from_utf8(body).unwrap_or(""));
                let v = find.persistent_load(ts, pid)?;
                self.stack.push(v);
            }
            op::BINPERSID => {
                let pid = self.pop(ts)?;
                let v = find.persistent_load(ts, pid)?;
                self.stack.push(v);
            }
            op::EXT1 => {
                let c = self.u8(ts)?;
                self.load_extension(ts, i64::from(c), find)?;
            }
            op::EXT2 => {
                let c = self.u16le(ts)?;
                self.load_extension(ts, i64::from(c), find)?;
            }
            op::EXT4 => {
                let c = self.u32le(ts)? as i32;
                self.load_extension(ts, i64::from(c), find)?;
            }
            c => {
                let msg = if (0x20..=0x7e).contains(&c) && c != b'\'' && c != b'\\' {
                    format!("invalid load key, '{}'.", char::from(c))
                } else {
                    format!("invalid load key, '\\x{c:02x}'.")
                };
                return Err(unpickling_error(ts, &msg));
            }
        }
        Ok(())
    }

    fn size8(&mut self, ts: &ThreadState, what: &str) -> PyResult<usize> {
        let n = self.u64le(ts)?;
        match usize::try_from(n) {
            Ok(n) if n <= isize::MAX as usize => Ok(n),
            _ => raise!(OverflowError, "{} exceeds system's maximum size of {} bytes", what, isize::MAX),
        }
    }

    fn push_utf8(&mut self, ts: &ThreadState, n: usize) -> PyResult<()> {
        let at = self.take(ts, n)?;
        let v = utf8_value(ts, &self.inp.buf[at..at + n])?;
        self.stack.push(v);
        Ok(())
    }

    fn push_memo(&mut self, ts: &ThreadState, idx: i64) -> PyResult<()> {
        match self.memo.get(idx) {
            Some(v) => {
                self.stack.push(v);
                Ok(())
            }
            None => Err(unpickling_error(ts, &format!("Memo value not found at index {idx}"))),
        }
    }

    /// A Python 2 str: bytes with encoding 'bytes', else decoded.
    fn decode_string(&self, ts: &ThreadState, bytes: Value) -> PyResult {
        if self.opts.encoding == "bytes" {
            return Ok(bytes);
        }
        if let Some(b) = bytes.downcast::<spindle_vm::bytes::PyBytes>() {
            if b.data.is_ascii() && matches!(self.opts.encoding.to_ascii_lowercase().as_str(), "ascii" | "latin1" | "latin-1" | "utf-8" | "utf8") {
                return Ok(new_str(std::str::from_utf8(&b.data).unwrap_or("")));
            }
        }
        ops::call_method(ts, &bytes, "decode", &[new_str(&self.opts.encoding), new_str(&self.opts.errors)])
    }

    fn do_append(&mut self, ts: &ThreadState, x: usize) -> PyResult<()> {
        let len = self.stack.len();
        if x > len || x <= self.fence() {
            return Err(self.underflow(ts));
        }
        if len == x {
            return Ok(());
        }
        let items = self.pop_from(x);
        let list = self.stack[x - 1].clone();
        if list.type_ref() == rt().types.list {
            if let Some(l) = list.downcast::<spindle_vm::seq::PyList>() {
                l.items.lock().extend(items);
            }
            return Ok(());
        }
        if let Some(extend) = ops::getattr_opt(ts, &list, "extend")? {
            ops::call(ts, &extend, &[new_list(items)])?;
        } else {
            let append = ops::getattr_str(ts, &list, "append")?;
            for it in items {
                ops::call(ts, &append, &[it])?;
            }
        }
        Ok(())
    }

    fn do_setitems(&mut self, ts: &ThreadState, x: isize, _what: &str) -> PyResult<()> {
        let len = self.stack.len() as isize;
        if x > len || x <= self.fence() as isize {
            return Err(self.underflow(ts));
        }
        if len == x {
            return Ok(());
        }
        if (len - x) % 2 != 0 {
            return Err(unpickling_error(ts, "odd number of items for SETITEMS"));
        }
        let x = x as usize;
        let items = self.pop_from(x);
        let d = self.stack[x - 1].clone();
        let exact = d.type_ref() == rt().types.dict;
        for kv in items.chunks_exact(2) {
            if exact {
                spindle_vm::builtins_init::dict_set(ts, &d, kv[0].clone(), kv[1].clone())?;
            } else {
                ops::setitem(ts, &d, &kv[0], kv[1].clone())?;
            }
        }
        Ok(())
    }

    fn load_build(&mut self, ts: &ThreadState) -> PyResult<()> {
        if (self.stack.len() as isize) - 2 < self.fence() as isize {
            return Err(self.underflow(ts));
        }
        let state = self.pop(ts)?;
        let inst = self.top(ts)?;
        if let Some(setstate) = ops::getattr_opt(ts, &inst, "__setstate__")? {
            ops::call(ts, &setstate, &[state])?;
            return Ok(());
        }
        let (state, slotstate) = match tuple_items(&state) {
            Some([s, ss]) if state.type_ref().is_subtype(rt().types.tuple) => (s.clone(), Some(ss.clone())),
            _ => (state, None),
        };
        if !is_none(&state) {
            if !state.type_ref().is_subtype(rt().types.dict) {
                return Err(unpickling_error(ts, "state is not a dictionary"));
            }
            let dict = ops::getattr_str(ts, &inst, "__dict__")?;
            for (k, v) in spindle_vm::builtins_init::mapping_items(ts, &state)? {
                let k = match as_str(&k) {
                    Some(s) if k.type_ref() == rt().types.str => spindle_vm::str::intern(s),
                    _ => k,
                };
                ops::setitem(ts, &dict, &k, v)?;
            }
        }
        if let Some(ss) = slotstate {
            if !is_none(&ss) {
                if !ss.type_ref().is_subtype(rt().types.dict) {
                    return Err(unpickling_error(ts, "slot state is not a dictionary"));
                }
                for (k, v) in spindle_vm::builtins_init::mapping_items(ts, &ss)? {
                    ops::setattr(ts, &inst, &k, Some(v))?;
                }
            }
        }
        Ok(())
    }

    fn load_extension(&mut self, ts: &ThreadState, code: i64, find: &FindClass) -> PyResult<()> {
        if code <= 0 {
            return Err(unpickling_error(ts, "EXT specifies code <= 0"));
        }
        let (cache, inverted) = with_state(ts, |s| (s.extension_cache.clone(), s.inverted_registry.clone()))?;
        let key = new_int(code);
        if let Some(v) = spindle_vm::builtins_init::containers::dict_get(ts, &cache, &key)? {
            self.stack.push(v);
            return Ok(());
        }
        let Some(pair) = spindle_vm::builtins_init::containers::dict_get(ts, &inverted, &key)? else {
            raise!(ValueError, "unregistered extension code {}", code);
        };
        let (m, n) = match tuple_items(&pair) {
            Some([m, n]) if as_str(m).is_some() && as_str(n).is_some() => (m.clone(), n.clone()),
            _ => raise!(ValueError, "_inverted_registry[{}] isn't a 2-tuple of strings", code),
        };
        let obj = find.call(ts, self, m, n)?;
        spindle_vm::builtins_init::dict_set(ts, &cache, key, obj.clone())?;
        self.stack.push(obj);
        Ok(())
    }
}

/// How GLOBAL-style opcodes resolve names and P/Q opcodes ids.
struct FindClass {
    this: Option<Value>,
    /// `this` overrides `find_class`.
    custom: bool,
}

impl FindClass {
    fn call(&self, ts: &ThreadState, u: &UnpicklerCore, module: Value, name: Value) -> PyResult {
        match &self.this {
            Some(t) if self.custom => ops::call_method(ts, t, "find_class", &[module, name]),
            _ => find_class_impl(ts, u.proto, u.opts.fix_imports, module, name),
        }
    }

    fn persistent_load(&self, ts: &ThreadState, pid: Value) -> PyResult {
        match &self.this {
            Some(t) => ops::call_method(ts, t, "persistent_load", &[pid]),
            None => Err(no_persistent_load(ts)),
        }
    }
}

fn no_persistent_load(ts: &ThreadState) -> PyErr {
    unpickling_error(ts, "A load persistent id instruction was encountered, but no persistent_load function was specified.")
}

/// `find_class(module, name)`: the Python 2 name mappings (protocols < 3
/// with fix_imports), the import, then the (dotted, protocol 4+) lookup.
fn find_class_impl(ts: &ThreadState, proto: u8, fix_imports: bool, module: Value, name: Value) -> PyResult {
    let (mut module, mut name) = (module, name);
    if proto < 3 && fix_imports {
        let (nm, im) = with_state(ts, |s| (s.name_mapping_2to3.clone(), s.import_mapping_2to3.clone()))?;
        let key = new_tuple(vec![module.clone(), name.clone()]);
        if let Some(item) = spindle_vm::builtins_init::containers::dict_get(ts, &nm, &key)? {
            match tuple_items(&item) {
                Some([m, n]) if item.type_ref().is_subtype(rt().types.tuple) => {
                    if as_str(m).is_none() || as_str(n).is_none() {
                        raise!(RuntimeError, "_compat_pickle.NAME_MAPPING values should be pairs of str, not ({}, {})", ops::type_name(m), ops::type_name(n));
                    }
                    module = m.clone();
                    name = n.clone();
                }
                _ => raise!(RuntimeError, "_compat_pickle.NAME_MAPPING values should be 2-tuples, not {}", ops::type_name(&item)),
            }
        } else if let Some(item) = spindle_vm::builtins_init::containers::dict_get(ts, &im, &module)? {
            if as_str(&item).is_none() {
                raise!(RuntimeError, "_compat_pickle.IMPORT_MAPPING values should be strings, not {}", ops::type_name(&item));
            }
            module = item;
        }
    }
    let Some(mod_s) = as_str(&module).map(str::to_owned) else {
        raise!(TypeError, "module name must be str, not {}", ops::type_name(&module));
    };
    let audit = super::import_attr(ts, "sys", "audit")?;
    ops::call(ts, &audit, &[new_str("pickle.find_class"), module.clone(), name.clone()])?;
    let m = spindle_vm::import::import_module(ts, &mod_s)?;
    let name_s = as_str(&name).unwrap_or("").to_owned();
    if proto >= 4 && name_s.contains('.') {
        let mut obj = m;
        for part in name_s.split('.') {
            obj = match ops::getattr_str(ts, &obj, part) {
                Ok(v) => v,
                Err(e) if e.is_instance(rt().exc.AttributeError) => {
                    raise!(
                        AttributeError,
                        "Can't resolve path {} on module {}",
                        ops::repr_string(ts, &name)?,
                        ops::repr_string(ts, &module)?
                    )
                }
                Err(e) => return Err(e),
            };
        }
        return Ok(obj);
    }
    ops::getattr(ts, &m, &name)
}

/// `klass(*args)`, or `klass.__new__(klass)` for a class given no
/// arguments that has no `__getinitargs__` (INST and OBJ).
fn instantiate(ts: &ThreadState, cls: &Value, args: Vec<Value>) -> PyResult {
    if TypeRef::from_value(cls).is_some() && args.is_empty() && ops::getattr_opt(ts, cls, "__getinitargs__")?.is_none() {
        return ops::call_method(ts, cls, "__new__", std::slice::from_ref(cls));
    }
    ops::call(ts, cls, &args)
}

/// A str from UTF-8 bytes ('surrogatepass': lone surrogates allowed).
fn utf8_value(ts: &ThreadState, b: &[u8]) -> PyResult {
    if let Ok(s) = std::str::from_utf8(b) {
        return Ok(new_str(s));
    }
    if let Ok(d) = spindle_str::PyStrData::from_wtf8(b) {
        return Ok(spindle_vm::str::new_data(d));
    }
    let bytes = spindle_vm::bytes::new_bytes(b);
    ops::call_method(ts, &bytes, "decode", &[new_str("utf-8"), new_str("surrogatepass")])
}

/// A line as str, decoded as strict UTF-8 (CPython's UnicodeDecodeError
/// for bad bytes).
fn utf8_strict(ts: &ThreadState, b: &[u8]) -> PyResult {
    match std::str::from_utf8(b) {
        Ok(s) => Ok(new_str(s)),
        Err(_) => ops::call_method(ts, &spindle_vm::bytes::new_bytes(b), "decode", &[new_str("utf-8")]),
    }
}

/// Protocol 0's UNICODE argument (raw-unicode-escape).
fn decode_raw_unicode_escape(ts: &ThreadState, b: &[u8]) -> PyResult {
    let mut cps: Vec<u32> = Vec::with_capacity(b.len());
    let mut i = 0;
    let mut ok = true;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            cps.push(u32::from(c));
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i] == b'\\' {
            cps.push(u32::from(b'\\'));
            i += 1;
        }
        if (i - start) % 2 == 0 || i >= b.len() || (b[i] != b'u' && b[i] != b'U') {
            continue;
        }
        cps.pop();
        let count = if b[i] == b'u' { 4 } else { 8 };
        i += 1;
        let hex = b.get(i..i + count).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u32::from_str_radix(h, 16).ok());
        match hex {
            Some(cp) if cp <= 0x10ffff && b[i..i + count].iter().all(u8::is_ascii_hexdigit) => cps.push(cp),
            _ => {
                ok = false;
                break;
            }
        }
        i += count;
    }
    if ok {
        if let Ok(d) = spindle_str::PyStrData::from_code_points(cps) {
            return Ok(spindle_vm::str::new_data(d));
        }
    }
    let bytes = spindle_vm::bytes::new_bytes(b);
    ops::call_method(ts, &bytes, "decode", &[new_str("raw-unicode-escape")])
}

/// An int from little-endian two's complement bytes.
fn decode_long(data: &[u8]) -> Value {
    if data.is_empty() {
        return new_int(0);
    }
    if data.len() <= 8 {
        let fill = if data[data.len() - 1] & 0x80 != 0 { 0xff } else { 0 };
        let mut a = [fill; 8];
        a[..data.len()].copy_from_slice(data);
        return new_int(i64::from_le_bytes(a));
    }
    new_bigint(num_bigint::BigInt::from_signed_bytes_le(data))
}

/// C's strtol-then-PyLong parse of an INT line ("I01\n" and "I00\n" are
/// the booleans of protocol 0).
fn load_int_text(ts: &ThreadState, line: &[u8]) -> PyResult {
    let body = &line[..line.len() - 1];
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    if let Ok(x) = trimmed.parse::<i64>() {
        if line.len() == 3 && (x == 0 || x == 1) {
            return Ok(new_bool(x == 1));
        }
        return Ok(new_int(x));
    }
    match ops::call(ts, &rt().types.int.to_value(), &[new_str(&text)]) {
        Ok(v) => Ok(v),
        Err(e) if e.is_instance(rt().exc.ValueError) => raise!(ValueError, "could not convert string to int"),
        Err(e) => Err(e),
    }
}

/// A GET/PUT index: an int in base 10 (CPython's int() message otherwise).
fn parse_memo_index(ts: &ThreadState, line: &[u8]) -> PyResult<i64> {
    if let Some(i) = std::str::from_utf8(line).ok().and_then(|t| t.trim().parse::<i64>().ok()) {
        return Ok(i);
    }
    let text = utf8_strict(ts, line)?;
    let v = ops::call(ts, &rt().types.int.to_value(), &[text])?;
    match spindle_vm::num::int_to_i64(&v) {
        Some(i) => Ok(i),
        None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}

/// The longest prefix of `s` that is a float literal (C's strtod as
/// PyOS_string_to_double uses it): its length.
fn float_prefix(s: &[u8]) -> usize {
    let mut i = 0;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        i += 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"infinity") {
        return i + 8;
    }
    if lower.starts_with(b"inf") || lower.starts_with(b"nan") {
        return i + 3;
    }
    let digits_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut nd = i - digits_start;
    if i < s.len() && s[i] == b'.' {
        i += 1;
        let f = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        nd += i - f;
    }
    if nd == 0 {
        return 0;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        let e = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > e {
            i = j;
        }
    }
    i
}

fn load_float_text(line: &[u8]) -> PyResult {
    let n = float_prefix(line);
    // CPython quotes the line as is (its newline included), unescaped.
    let raw = String::from_utf8_lossy(line).into_owned();
    if n == 0 {
        raise!(ValueError, "could not convert string to float: '{}'", raw);
    }
    let text = std::str::from_utf8(&line[..n]).unwrap_or("");
    let lower = text.to_ascii_lowercase();
    let v: f64 = match lower.trim_start_matches(['+', '-']) {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => text.parse::<f64>().unwrap_or(0.0),
    };
    let v = if lower.starts_with('-') && !v.is_sign_negative() { -v } else { v };
    if v.is_infinite() && !lower.contains("inf") {
        raise!(OverflowError, "value too large to convert to float: '{}'", raw);
    }
    if line.get(n).is_some_and(|&c| c != b'\n' && c != 0) {
        raise!(ValueError, "could not convert string to float");
    }
    Ok(new_float(v))
}

// ---------------------------------------------------------------- Unpickler type

pub(crate) struct Unpickler {
    core: Mutex<Option<UnpicklerCore>>,
}

impl PyPayload for Unpickler {
    const KIND: PayloadKind = pickle_kind(3);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(g) = self.core.try_lock() {
            if let Some(c) = g.as_ref() {
                for v in c.memo.dense.iter().flatten() {
                    visit(v);
                }
                for v in c.memo.sparse.values() {
                    visit(v);
                }
                for v in &c.stack {
                    visit(v);
                }
                for v in [&c.inp.read, &c.inp.readline, &c.opts.buffers].into_iter().flatten() {
                    visit(v);
                }
            }
        }
    }
    fn clear(&self) {
        let old = self.core.lock().take();
        drop(old);
    }
}

static UNPICKLER_T: OnceLock<TypeRef> = OnceLock::new();

pub(crate) fn unpickler_type() -> TypeRef {
    *UNPICKLER_T.get_or_init(|| {
        use spindle_vm::types::type_flags;
        let t = spindle_vm::native::new_type::<Unpickler>("Unpickler", "_pickle", None, true);
        t.data().set_flags(type_flags::HAS_EXT | type_flags::HAS_DICT);
        spindle_vm::native::set_new(t, |_, a| {
            let Some(cls) = a.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "Unpickler.__new__(X): X is not a type object") };
            Ok(alloc(cls, Unpickler { core: Mutex::new(None) }))
        });
        spindle_vm::native::add_methods(
            t,
            &[
                ("__init__", unpickler_init),
                ("load", unpickler_load),
                ("find_class", unpickler_find_class),
                ("persistent_load", |ts, _| Err(no_persistent_load(ts))),
                ("__sizeof__", |_, _| Ok(new_int(64))),
            ],
        );
        crate::datetime_mod::add_attr(t, "memo", unpickler_memo_get, unpickler_memo_set);
        spindle_vm::native::add_class_value(t, "__doc__", new_str("This takes a binary file for reading a pickle data stream."));
        t
    })
}

fn this_unpickler<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a Unpickler)> {
    match a.args.first() {
        Some(v) => match v.downcast::<Unpickler>() {
            Some(p) => Ok((v, p)),
            None => raise!(TypeError, "descriptor requires a '_pickle.Unpickler' object but received a '{}'", ops::type_name(v)),
        },
        None => raise!(TypeError, "descriptor needs an argument"),
    }
}

/// `Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())`.
fn unpickler_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, u) = this_unpickler(&a)?;
    let [file, fix_imports, encoding, errors, buffers] =
        super::pickler::bind_skip("Unpickler", &a, 1, ["file", "fix_imports", "encoding", "errors", "buffers"], 1, 1)?;
    let file = file.unwrap_or_else(none);
    let opts = Options::parse(ts, &fix_imports, &encoding, &errors, buffers.as_ref())?;
    let core = UnpicklerCore::from_file(ts, &file, opts)?;
    let old = u.core.lock().replace(core);
    drop(old);
    Ok(none())
}

fn unpickler_load(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, u) = this_unpickler(&a)?;
    if a.args.len() > 1 {
        raise!(TypeError, "load() takes no arguments ({} given)", a.args.len() - 1);
    }
    let taken = u.core.lock().take();
    let Some(mut core) = taken else {
        let cls = this.type_ref().name();
        return Err(unpickling_error(ts, &format!("Unpickler.__init__() was not called by {cls}.__init__()")));
    };
    let r = core.load(ts, Some(this));
    core.stack.clear();
    core.marks.clear();
    let mut slot = u.core.lock();
    if slot.is_none() {
        *slot = Some(core);
    }
    r
}

fn unpickler_find_class(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, u) = this_unpickler(&a)?;
    let [module, name] = super::pickler::bind_skip("find_class", &a, 1, ["module_name", "global_name"], 2, 2)?;
    let (proto, fix) = u.core.lock().as_ref().map(|c| (c.proto, c.opts.fix_imports)).unwrap_or((0, true));
    find_class_impl(ts, proto, fix, module.unwrap_or_else(none), name.unwrap_or_else(none))
}

/// `memo`: an UnpicklerMemoProxy of this unpickler.
fn unpickler_memo_get(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, _) = this_unpickler(&a)?;
    Ok(alloc(memo_proxy_type(), UnpicklerMemoProxy { unpickler: this.clone() }))
}

/// The memo of unpickler `u` as a new dict `{index: obj}`.
fn memo_copy(ts: &ThreadState, u: &Unpickler) -> PyResult {
    let items = u.core.lock().as_ref().map(|c| c.memo.items()).unwrap_or_default();
    let d = spindle_vm::builtins_init::new_dict();
    for (k, v) in items {
        spindle_vm::builtins_init::dict_set(ts, &d, new_int(k), v)?;
    }
    Ok(d)
}

/// `Unpickler.memo`'s view: `copy()`, `clear()`, `__reduce__()`.
pub(crate) struct UnpicklerMemoProxy {
    unpickler: Value,
}

impl PyPayload for UnpicklerMemoProxy {
    const KIND: PayloadKind = pickle_kind(5);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.unpickler);
    }
}

static UMEMO_T: OnceLock<TypeRef> = OnceLock::new();

/// Runs `f` on the unpickler behind the proxy `a.args[0]`.
fn with_proxied<R>(a: &Args<'_>, f: impl FnOnce(&Unpickler) -> PyResult<R>) -> PyResult<R> {
    let Some(p) = a.args.first().and_then(|v| v.downcast::<UnpicklerMemoProxy>()) else {
        raise!(TypeError, "descriptor requires a '_pickle.UnpicklerMemoProxy' object")
    };
    match p.unpickler.downcast::<Unpickler>() {
        Some(u) => f(u),
        None => raise!(TypeError, "memo proxy without an unpickler"),
    }
}

pub(crate) fn memo_proxy_type() -> TypeRef {
    *UMEMO_T.get_or_init(|| {
        let t = spindle_vm::native::new_type::<UnpicklerMemoProxy>("UnpicklerMemoProxy", "_pickle", None, false);
        spindle_vm::native::set_new(t, |_, _| raise!(TypeError, "cannot create '_pickle.UnpicklerMemoProxy' instances"));
        spindle_vm::native::add_methods(
            t,
            &[
                ("copy", |ts, a| with_proxied(&a, |u| memo_copy(ts, u))),
                ("clear", |_, a| {
                    with_proxied(&a, |u| {
                        let old = u.core.lock().as_mut().map(|c| std::mem::take(&mut c.memo));
                        drop(old);
                        Ok(none())
                    })
                }),
                ("__reduce__", |ts, a| {
                    let copy = with_proxied(&a, |u| memo_copy(ts, u))?;
                    Ok(new_tuple(vec![rt().types.dict.to_value(), new_tuple(vec![copy])]))
                }),
            ],
        );
        t
    })
}

fn unpickler_memo_set(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, u) = this_unpickler(&a)?;
    let Some(v) = a.args.get(1) else { raise!(TypeError, "attribute deletion is not supported") };
    let mut memo = Memo::default();
    if let Some(p) = v.downcast::<UnpicklerMemoProxy>() {
        let Some(other) = p.unpickler.downcast::<Unpickler>() else { raise!(TypeError, "memo proxy without an unpickler") };
        let items = other.core.lock().as_ref().map(|c| c.memo.items()).unwrap_or_default();
        for (i, val) in items {
            memo.put(i, val);
        }
    } else if v.type_ref().is_subtype(rt().types.dict) {
        // CPython checks the keys and stores the values in the memo it then
        // replaces with a fresh one: assigning a dict empties the memo.
        for (k, _) in spindle_vm::builtins_init::mapping_items(ts, v)? {
            if !spindle_vm::num::is_int(&k) {
                raise!(TypeError, "memo key must be integers");
            }
            let Some(i) = spindle_vm::num::int_to_i64(&k) else { raise!(OverflowError, "Python int too large to convert to C ssize_t") };
            if i < 0 {
                raise!(ValueError, "memo key must be positive integers.");
            }
        }
    } else {
        raise!(TypeError, "'memo' attribute must be an UnpicklerMemoProxy object or dict, not {}", ops::type_name(v));
    }
    if let Some(c) = u.core.lock().as_mut() {
        c.memo = memo;
    }
    Ok(none())
}
