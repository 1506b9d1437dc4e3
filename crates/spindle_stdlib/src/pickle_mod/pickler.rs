//! The pickler: `Pickler` (a subclassable class whose instances keep their
//! memo between `dump` calls) and `PicklerCore`, which writes the opcodes
//! exactly as CPython's C pickler does (same opcode choices, batching,
//! memo numbering and framing), so the bytes are identical.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;
use spindle_vm::dict::PyDict;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{float_value, int_to_big, int_to_i64, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::seq::{PyList, new_tuple, tuple_items};
use spindle_vm::str::{PyStr, as_str, new_str};
use spindle_vm::{PyResult, Value, ops, raise};

use super::{add_note, pickle_kind, pickling_error, type_label, with_state};

pub(crate) const HIGHEST_PROTOCOL: i64 = 5;
pub(crate) const DEFAULT_PROTOCOL: i64 = 5;
const BATCHSIZE: usize = 1000;
const FAST_NESTING_LIMIT: usize = 50;
const FRAME_SIZE_MIN: usize = 4;
const FRAME_SIZE_TARGET: usize = 64 * 1024;
const FRAME_HEADER_SIZE: usize = 9;

pub(crate) mod op {
    pub const MARK: u8 = b'(';
    pub const STOP: u8 = b'.';
    pub const POP: u8 = b'0';
    pub const POP_MARK: u8 = b'1';
    pub const DUP: u8 = b'2';
    pub const FLOAT: u8 = b'F';
    pub const INT: u8 = b'I';
    pub const BININT: u8 = b'J';
    pub const BININT1: u8 = b'K';
    pub const LONG: u8 = b'L';
    pub const BININT2: u8 = b'M';
    pub const NONE: u8 = b'N';
    pub const PERSID: u8 = b'P';
    pub const BINPERSID: u8 = b'Q';
    pub const REDUCE: u8 = b'R';
    pub const STRING: u8 = b'S';
    pub const BINSTRING: u8 = b'T';
    pub const SHORT_BINSTRING: u8 = b'U';
    pub const UNICODE: u8 = b'V';
    pub const BINUNICODE: u8 = b'X';
    pub const APPEND: u8 = b'a';
    pub const BUILD: u8 = b'b';
    pub const GLOBAL: u8 = b'c';
    pub const DICT: u8 = b'd';
    pub const EMPTY_DICT: u8 = b'}';
    pub const APPENDS: u8 = b'e';
    pub const GET: u8 = b'g';
    pub const BINGET: u8 = b'h';
    pub const INST: u8 = b'i';
    pub const LONG_BINGET: u8 = b'j';
    pub const LIST: u8 = b'l';
    pub const EMPTY_LIST: u8 = b']';
    pub const OBJ: u8 = b'o';
    pub const PUT: u8 = b'p';
    pub const BINPUT: u8 = b'q';
    pub const LONG_BINPUT: u8 = b'r';
    pub const SETITEM: u8 = b's';
    pub const TUPLE: u8 = b't';
    pub const EMPTY_TUPLE: u8 = b')';
    pub const SETITEMS: u8 = b'u';
    pub const BINFLOAT: u8 = b'G';
    pub const PROTO: u8 = 0x80;
    pub const NEWOBJ: u8 = 0x81;
    pub const EXT1: u8 = 0x82;
    pub const EXT2: u8 = 0x83;
    pub const EXT4: u8 = 0x84;
    pub const TUPLE1: u8 = 0x85;
    pub const TUPLE2: u8 = 0x86;
    pub const TUPLE3: u8 = 0x87;
    pub const NEWTRUE: u8 = 0x88;
    pub const NEWFALSE: u8 = 0x89;
    pub const LONG1: u8 = 0x8a;
    pub const LONG4: u8 = 0x8b;
    pub const BINBYTES: u8 = b'B';
    pub const SHORT_BINBYTES: u8 = b'C';
    pub const SHORT_BINUNICODE: u8 = 0x8c;
    pub const BINUNICODE8: u8 = 0x8d;
    pub const BINBYTES8: u8 = 0x8e;
    pub const EMPTY_SET: u8 = 0x8f;
    pub const ADDITEMS: u8 = 0x90;
    pub const FROZENSET: u8 = 0x91;
    pub const NEWOBJ_EX: u8 = 0x92;
    pub const STACK_GLOBAL: u8 = 0x93;
    pub const MEMOIZE: u8 = 0x94;
    pub const FRAME: u8 = 0x95;
    pub const BYTEARRAY8: u8 = 0x96;
    pub const NEXT_BUFFER: u8 = 0x97;
    pub const READONLY_BUFFER: u8 = 0x98;
}

/// Hashes object ids (addresses): one multiply spreads the aligned bits.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26);
    }
}

pub(crate) type IdMap<V> = HashMap<usize, V, BuildHasherDefault<IdHasher>>;

/// The output buffer with protocol 4 framing: while a frame is open,
/// `frame_start` is where its 9-byte header is reserved.
struct Out {
    buf: Vec<u8>,
    framing: bool,
    frame_start: Option<usize>,
}

impl Out {
    #[inline]
    fn open_frame(&mut self) {
        if self.framing && self.frame_start.is_none() {
            self.frame_start = Some(self.buf.len());
            self.buf.extend_from_slice(&[0; FRAME_HEADER_SIZE]);
        }
    }

    #[inline]
    fn w(&mut self, data: &[u8]) {
        self.open_frame();
        self.buf.extend_from_slice(data);
    }

    #[inline]
    fn w1(&mut self, b: u8) {
        self.open_frame();
        self.buf.push(b);
    }

    /// Closes the open frame: its header is written when it holds at least
    /// FRAME_SIZE_MIN bytes, else the reserved space is removed.
    fn commit_frame(&mut self) {
        let Some(start) = self.frame_start.take() else { return };
        let len = self.buf.len() - start - FRAME_HEADER_SIZE;
        if len >= FRAME_SIZE_MIN {
            self.buf[start] = op::FRAME;
            self.buf[start + 1..start + FRAME_HEADER_SIZE].copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.buf.drain(start..start + FRAME_HEADER_SIZE);
        }
    }

    fn frame_len(&self) -> Option<usize> {
        self.frame_start.map(|s| self.buf.len() - s - FRAME_HEADER_SIZE)
    }
}

/// How one `dump` looks up the hooks a Pickler subclass may define.
#[derive(Default, Clone)]
pub(crate) struct Hooks {
    persistent_id: Option<Value>,
    reducer_override: Option<Value>,
    /// A private dispatch table; None: copyreg's.
    dispatch_table: Option<Value>,
}

pub(crate) struct PicklerCore {
    proto: u8,
    bin: bool,
    pub(crate) fast: bool,
    fix_imports: bool,
    write: Option<Value>,
    buffer_callback: Option<Value>,
    /// id(obj) -> (memo index, obj): the object is kept alive meanwhile.
    memo: IdMap<(u32, Value)>,
    out: Out,
    hooks: Hooks,
    fast_nesting: usize,
    fast_memo: HashSet<usize>,
    /// copyreg.dispatch_table (fetched per dump).
    copyreg_table: Value,
}

/// The protocol from a `protocol` argument (None: the default).
fn protocol_of(ts: &ThreadState, v: Option<&Value>) -> PyResult<u8> {
    let p = match v {
        None => DEFAULT_PROTOCOL,
        Some(v) if is_none(v) => DEFAULT_PROTOCOL,
        Some(v) => {
            let i = ops::index(ts, v)?;
            match int_to_i64(&i) {
                Some(p) => p,
                None => raise!(OverflowError, "Python int too large to convert to C long"),
            }
        }
    };
    if p < 0 {
        return Ok(HIGHEST_PROTOCOL as u8);
    }
    if p > HIGHEST_PROTOCOL {
        raise!(ValueError, "pickle protocol must be <= {}", HIGHEST_PROTOCOL);
    }
    Ok(p as u8)
}

impl PicklerCore {
    pub(crate) fn new(
        ts: &ThreadState,
        file: Option<&Value>,
        protocol: Option<&Value>,
        fix_imports: bool,
        buffer_callback: Option<&Value>,
    ) -> PyResult<PicklerCore> {
        let proto = protocol_of(ts, protocol)?;
        let buffer_callback = buffer_callback.filter(|v| !is_none(v)).cloned();
        if buffer_callback.is_some() && proto < 5 {
            raise!(ValueError, "buffer_callback needs protocol >= 5");
        }
        let write = match file {
            Some(f) => match ops::getattr_opt(ts, f, "write")? {
                Some(w) => Some(w),
                None => raise!(TypeError, "file must have a 'write' attribute"),
            },
            None => None,
        };
        Ok(PicklerCore {
            proto,
            bin: proto > 0,
            fast: false,
            fix_imports: fix_imports && proto < 3,
            write,
            buffer_callback,
            memo: IdMap::default(),
            out: Out { buf: Vec::new(), framing: false, frame_start: None },
            hooks: Hooks::default(),
            fast_nesting: 0,
            fast_memo: HashSet::new(),
            copyreg_table: none(),
        })
    }

    /// A module-level `dump`/`dumps`: no hooks; the pickle's bytes (empty
    /// when they went to the file).
    pub(crate) fn dump_plain(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<Vec<u8>> {
        self.dump(ts, obj, Hooks::default())
    }

    pub(crate) fn dump(&mut self, ts: &ThreadState, obj: &Value, hooks: Hooks) -> PyResult<Vec<u8>> {
        self.hooks = hooks;
        self.copyreg_table = with_state(ts, |s| s.dispatch_table.clone())?;
        self.out = Out { buf: Vec::with_capacity(256), framing: false, frame_start: None };
        self.fast_nesting = 0;
        self.fast_memo.clear();
        let r = self.dump_inner(ts, obj);
        self.hooks = Hooks::default();
        r?;
        if self.write.is_some() {
            self.flush(ts)?;
            return Ok(Vec::new());
        }
        Ok(std::mem::take(&mut self.out.buf))
    }

    fn dump_inner(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        if self.proto >= 2 {
            self.out.w(&[op::PROTO, self.proto]);
            if self.proto >= 4 {
                self.out.framing = true;
            }
        }
        self.save(ts, obj, false)?;
        self.out.w1(op::STOP);
        self.out.commit_frame();
        self.out.framing = false;
        Ok(())
    }

    /// Writes the buffered bytes to the file (if any) and empties the buffer.
    fn flush(&mut self, ts: &ThreadState) -> PyResult<()> {
        if let Some(w) = &self.write {
            let data = std::mem::take(&mut self.out.buf);
            ops::call(ts, w, &[spindle_vm::bytes::new_bytes(&data)])?;
        }
        Ok(())
    }

    /// Before each object is saved: a frame that reached the target size
    /// is closed (and, writing to a file, flushed).
    fn opcode_boundary(&mut self, ts: &ThreadState) -> PyResult<()> {
        if !self.out.framing {
            return Ok(());
        }
        if self.out.frame_len().is_some_and(|n| n >= FRAME_SIZE_TARGET) {
            self.out.commit_frame();
            if self.write.is_some() {
                self.flush(ts)?;
            }
        }
        Ok(())
    }

    /// A header and a payload; a payload of FRAME_SIZE_TARGET bytes or more
    /// goes outside any frame, and straight to the file when there is one.
    fn write_bytes(&mut self, ts: &ThreadState, header: &[u8], data: &[u8]) -> PyResult<()> {
        if data.len() < FRAME_SIZE_TARGET {
            self.out.w(header);
            self.out.w(data);
            return Ok(());
        }
        let framing = self.out.framing;
        if framing {
            self.out.commit_frame();
            self.out.framing = false;
        }
        self.out.w(header);
        if let Some(w) = self.write.clone() {
            self.flush(ts)?;
            ops::call(ts, &w, &[spindle_vm::bytes::new_bytes(data)])?;
        } else {
            self.out.w(data);
        }
        self.out.framing = framing;
        Ok(())
    }

    // ------------------------------------------------------------ memo

    fn memo_put(&mut self, obj: &Value) {
        if self.fast {
            return;
        }
        let idx = self.memo.len();
        self.memo.insert(memo_key(obj), (idx as u32, obj.clone()));
        if self.proto >= 4 {
            self.out.w1(op::MEMOIZE);
        } else if self.bin {
            if idx < 256 {
                self.out.w(&[op::BINPUT, idx as u8]);
            } else {
                let mut b = [op::LONG_BINPUT, 0, 0, 0, 0];
                b[1..].copy_from_slice(&(idx as u32).to_le_bytes());
                self.out.w(&b);
            }
        } else {
            self.out.w1(op::PUT);
            self.out.w(idx.to_string().as_bytes());
            self.out.w1(b'\n');
        }
    }

    fn memo_get(&mut self, idx: u32) {
        if self.bin {
            if idx < 256 {
                self.out.w(&[op::BINGET, idx as u8]);
            } else {
                let mut b = [op::LONG_BINGET, 0, 0, 0, 0];
                b[1..].copy_from_slice(&idx.to_le_bytes());
                self.out.w(&b);
            }
        } else {
            self.out.w1(op::GET);
            self.out.w(idx.to_string().as_bytes());
            self.out.w1(b'\n');
        }
    }

    fn memo_index(&self, obj: &Value) -> Option<u32> {
        if self.memo.is_empty() {
            return None;
        }
        self.memo.get(&memo_key(obj)).map(|(i, _)| *i)
    }

    // ------------------------------------------------------------ save

    pub(crate) fn save(&mut self, ts: &ThreadState, obj: &Value, skip_pers: bool) -> PyResult<()> {
        self.opcode_boundary(ts)?;
        if !skip_pers {
            if let Some(pf) = self.hooks.persistent_id.clone() {
                let pid = ops::call(ts, &pf, std::slice::from_ref(obj))?;
                if !is_none(&pid) {
                    self.save_pers(ts, &pid)?;
                    return Ok(());
                }
            }
        }
        let types = &rt().types;
        let t = obj.type_ref();
        // Atoms: never memoized.
        if is_none(obj) {
            self.out.w1(op::NONE);
            return Ok(());
        }
        if t == types.bool_ {
            let v = int_to_i64(obj).unwrap_or(0) != 0;
            if self.proto >= 2 {
                self.out.w1(if v { op::NEWTRUE } else { op::NEWFALSE });
            } else {
                self.out.w(if v { b"I01\n" } else { b"I00\n" });
            }
            return Ok(());
        }
        if t == types.int {
            self.save_long(ts, obj)?;
            return Ok(());
        }
        if t == types.float {
            self.save_float(ts, obj)?;
            return Ok(());
        }
        if let Some(idx) = self.memo_index(obj) {
            self.memo_get(idx);
            return Ok(());
        }
        if t == types.bytes {
            self.save_bytes(ts, obj)?;
            return Ok(());
        }
        if t == types.str {
            self.save_str(ts, obj)?;
            return Ok(());
        }
        // As 3.14's C pickler: the limit is the native stack, not a count.
        if ts.check_stack().is_err() {
            raise!(RecursionError, "maximum recursion depth exceeded while pickling an object");
        }
        self.save_container(ts, obj, t)
    }

    fn save_container(&mut self, ts: &ThreadState, obj: &Value, t: TypeRef) -> PyResult<()> {
        let types = &rt().types;
        if t == types.dict {
            return self.save_dict(ts, obj);
        }
        if t == types.set {
            return self.save_set(ts, obj);
        }
        if t == types.frozenset {
            return self.save_frozenset(ts, obj);
        }
        if t == types.list {
            return self.save_list(ts, obj);
        }
        if t == types.tuple {
            return self.save_tuple(ts, obj);
        }
        if t == types.bytearray {
            return self.save_bytearray(ts, obj);
        }
        if t == super::buffer::picklebuffer_type() {
            return self.save_picklebuffer(ts, obj);
        }
        self.save_other(ts, obj, t)
    }

    fn save_other(&mut self, ts: &ThreadState, obj: &Value, t: TypeRef) -> PyResult<()> {
        let types = &rt().types;
        let mut rv = None;
        if let Some(ro) = self.hooks.reducer_override.clone() {
            let r = ops::call(ts, &ro, std::slice::from_ref(obj))?;
            if !r.is(&rt().not_implemented) {
                rv = Some(r);
            }
        }
        let rv = match rv {
            Some(r) => r,
            None => {
                if t == types.type_ {
                    return self.save_type(ts, obj);
                }
                if t == types.function {
                    return self.save_global(ts, obj, None);
                }
                let reduce_func = match &self.hooks.dispatch_table {
                    None => spindle_vm::builtins_init::containers::dict_get(ts, &self.copyreg_table, &t.to_value())?,
                    Some(dt) => match ops::getitem(ts, dt, &t.to_value()) {
                        Ok(f) => Some(f),
                        Err(e) if e.is_instance(rt().exc.KeyError) => None,
                        Err(e) => return Err(e),
                    },
                };
                if let Some(f) = reduce_func {
                    ops::call(ts, &f, std::slice::from_ref(obj))?
                } else if t.is_subtype(types.type_) {
                    return self.save_global(ts, obj, None);
                } else if let Some(f) = ops::getattr_opt(ts, obj, "__reduce_ex__")? {
                    ops::call(ts, &f, &[new_int(i64::from(self.proto))])?
                } else if let Some(f) = ops::getattr_opt(ts, obj, "__reduce__")? {
                    ops::call(ts, &f, &[])?
                } else {
                    return Err(pickling_error(ts, &format!("Can't pickle {} object", type_label(ts, t))));
                }
            }
        };
        if rv.type_ref().is_subtype(types.str) {
            return self.save_global(ts, obj, Some(rv));
        }
        let r = if !rv.type_ref().is_subtype(types.tuple) {
            Err(pickling_error(ts, &format!("__reduce__ must return a string or tuple, not {}", type_label(ts, rv.type_ref()))))
        } else {
            self.save_reduce(ts, &rv, Some(obj))
        };
        if let Err(e) = &r {
            add_note(ts, e, &format!("when serializing {} object", type_label(ts, t)));
        }
        r
    }

    fn save_pers(&mut self, ts: &ThreadState, pid: &Value) -> PyResult<()> {
        if self.bin {
            self.save(ts, pid, true)?;
            self.out.w1(op::BINPERSID);
            return Ok(());
        }
        let s = ops::str_(ts, pid)?;
        let ok = spindle_vm::str::as_data(&s).is_some_and(|d| d.code_points().all(|c| c < 0x80));
        if !ok {
            return Err(pickling_error(ts, "persistent IDs in protocol 0 must be ASCII strings"));
        }
        self.out.w1(op::PERSID);
        self.out.w(as_str(&s).unwrap_or("").as_bytes());
        self.out.w1(b'\n');
        Ok(())
    }

    fn save_long(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        let small = int_to_i64(obj);
        if let Some(x) = small.filter(|x| (-0x8000_0000..=0x7fff_ffff).contains(x)) {
            if self.bin {
                if (0..=0xff).contains(&x) {
                    self.out.w(&[op::BININT1, x as u8]);
                } else if (0..=0xffff).contains(&x) {
                    let b = (x as u16).to_le_bytes();
                    self.out.w(&[op::BININT2, b[0], b[1]]);
                } else {
                    let b = (x as i32).to_le_bytes();
                    self.out.w(&[op::BININT, b[0], b[1], b[2], b[3]]);
                }
            } else {
                self.out.w1(op::INT);
                self.out.w(x.to_string().as_bytes());
                self.out.w1(b'\n');
            }
            return Ok(());
        }
        if self.proto >= 2 {
            let enc = match small {
                Some(x) => encode_i64(x),
                None => match int_to_big(obj) {
                    Some(b) => b.to_signed_bytes_le(),
                    None => raise!(TypeError, "expected an int"),
                },
            };
            if enc.len() < 256 {
                self.out.w(&[op::LONG1, enc.len() as u8]);
            } else {
                let Ok(n) = i32::try_from(enc.len()) else { raise!(OverflowError, "int too large to pickle") };
                let b = n.to_le_bytes();
                self.out.w(&[op::LONG4, b[0], b[1], b[2], b[3]]);
            }
            self.out.w(&enc);
            return Ok(());
        }
        let r = ops::repr_string(ts, obj)?;
        self.out.w1(op::LONG);
        self.out.w(r.as_bytes());
        self.out.w(b"L\n");
        Ok(())
    }

    fn save_float(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        let x = float_value(obj).unwrap_or(0.0);
        if self.bin {
            let b = x.to_be_bytes();
            self.out.w1(op::BINFLOAT);
            self.out.w(&b);
        } else {
            let r = ops::repr_string(ts, obj)?;
            self.out.w1(op::FLOAT);
            self.out.w(r.as_bytes());
            self.out.w1(b'\n');
        }
        Ok(())
    }

    fn save_bytes_data(&mut self, ts: &ThreadState, data: &[u8]) -> PyResult<()> {
        let n = data.len();
        if n <= 0xff {
            self.write_bytes(ts, &[op::SHORT_BINBYTES, n as u8], data)
        } else if n as u64 <= 0xffff_ffff {
            let b = (n as u32).to_le_bytes();
            self.write_bytes(ts, &[op::BINBYTES, b[0], b[1], b[2], b[3]], data)
        } else {
            let mut h = vec![op::BINBYTES8];
            h.extend_from_slice(&(n as u64).to_le_bytes());
            self.write_bytes(ts, &h, data)
        }
    }

    fn save_bytearray_data(&mut self, ts: &ThreadState, data: &[u8]) -> PyResult<()> {
        let mut h = vec![op::BYTEARRAY8];
        h.extend_from_slice(&(data.len() as u64).to_le_bytes());
        self.write_bytes(ts, &h, data)
    }

    fn save_bytes(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        let Some(b) = obj.downcast::<spindle_vm::bytes::PyBytes>() else { raise!(TypeError, "expected bytes") };
        if self.proto < 3 {
            let rv = if b.data.is_empty() {
                new_tuple(vec![rt().types.bytes.to_value(), new_tuple(Vec::new())])
            } else {
                let latin: String = b.data.iter().map(|&c| char::from(c)).collect();
                let encode = super::import_attr(ts, "codecs", "encode")?;
                new_tuple(vec![encode, new_tuple(vec![new_str(&latin), spindle_vm::str::intern("latin1")])])
            };
            return self.save_reduce(ts, &rv, Some(obj));
        }
        let data: &[u8] = &b.data;
        self.save_bytes_data(ts, data)?;
        self.memo_put(obj);
        Ok(())
    }

    fn save_bytearray(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        let Some(b) = obj.downcast::<spindle_vm::bytes::PyByteArray>() else { raise!(TypeError, "expected bytearray") };
        let data = b.data.lock().clone();
        if self.proto < 5 {
            let args = if data.is_empty() { Vec::new() } else { vec![spindle_vm::bytes::new_bytes(&data)] };
            let rv = new_tuple(vec![rt().types.bytearray.to_value(), new_tuple(args)]);
            return self.save_reduce(ts, &rv, Some(obj));
        }
        self.save_bytearray_data(ts, &data)?;
        self.memo_put(obj);
        Ok(())
    }

    fn save_picklebuffer(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        if self.proto < 5 {
            return Err(pickling_error(ts, "PickleBuffer can only be pickled with protocol >= 5"));
        }
        let view = super::buffer::live_view(obj)?;
        let contiguous = ops::getattr_str(ts, &view, "contiguous")?;
        if !ops::is_true(ts, &contiguous)? {
            return Err(pickling_error(ts, "PickleBuffer can not be pickled when pointing to a non-contiguous buffer"));
        }
        let readonly = ops::is_true(ts, &ops::getattr_str(ts, &view, "readonly")?)?;
        let mut in_band = true;
        if let Some(cb) = self.buffer_callback.clone() {
            let r = ops::call(ts, &cb, std::slice::from_ref(obj))?;
            in_band = ops::is_true(ts, &r)?;
        }
        if in_band {
            let data = view.downcast::<spindle_vm::memoryview::PyMemoryView>().map(|m| m.to_vec()).unwrap_or_default();
            if readonly {
                self.save_bytes_data(ts, &data)?;
            } else {
                self.save_bytearray_data(ts, &data)?;
            }
            self.memo_put(obj);
        } else {
            self.out.w1(op::NEXT_BUFFER);
            if readonly {
                self.out.w1(op::READONLY_BUFFER);
            }
        }
        Ok(())
    }

    fn save_str(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        let Some(s) = obj.downcast::<PyStr>() else { raise!(TypeError, "expected str") };
        if self.bin {
            let owned;
            let data: &[u8] = if s.has_surrogates() {
                owned = utf8_surrogatepass(s);
                &owned
            } else {
                s.as_str().as_bytes()
            };
            let n = data.len();
            if n <= 0xff && self.proto >= 4 {
                self.write_bytes(ts, &[op::SHORT_BINUNICODE, n as u8], data)?;
            } else if n as u64 > 0xffff_ffff && self.proto >= 4 {
                let mut h = vec![op::BINUNICODE8];
                h.extend_from_slice(&(n as u64).to_le_bytes());
                self.write_bytes(ts, &h, data)?;
            } else if n as u64 > 0xffff_ffff {
                raise!(OverflowError, "serializing a string larger than 4 GiB requires pickle protocol 4 or higher");
            } else {
                let b = (n as u32).to_le_bytes();
                self.write_bytes(ts, &[op::BINUNICODE, b[0], b[1], b[2], b[3]], data)?;
            }
        } else {
            let mut enc = Vec::with_capacity(s.char_len() + 2);
            enc.push(op::UNICODE);
            raw_unicode_escape(s, &mut enc);
            enc.push(b'\n');
            self.out.w(&enc);
        }
        self.memo_put(obj);
        Ok(())
    }

    fn save_tuple(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        let items = tuple_items(obj).unwrap_or(&[]).to_vec();
        let n = items.len();
        if n == 0 {
            if self.proto > 0 {
                self.out.w1(op::EMPTY_TUPLE);
            } else {
                self.out.w(&[op::MARK, op::TUPLE]);
            }
            return Ok(());
        }
        let label = || type_label(ts, obj.type_ref());
        if n <= 3 && self.proto >= 2 {
            for (i, item) in items.iter().enumerate() {
                if let Err(e) = self.save(ts, item, false) {
                    add_note(ts, &e, &format!("when serializing {} item {}", label(), i));
                    return Err(e);
                }
            }
            if let Some(idx) = self.memo_index(obj) {
                for _ in 0..n {
                    self.out.w1(op::POP);
                }
                self.memo_get(idx);
                return Ok(());
            }
            self.out.w1([op::TUPLE1, op::TUPLE2, op::TUPLE3][n - 1]);
            self.memo_put(obj);
            return Ok(());
        }
        self.out.w1(op::MARK);
        for (i, item) in items.iter().enumerate() {
            if let Err(e) = self.save(ts, item, false) {
                add_note(ts, &e, &format!("when serializing {} item {}", label(), i));
                return Err(e);
            }
        }
        if let Some(idx) = self.memo_index(obj) {
            if self.bin {
                self.out.w1(op::POP_MARK);
            } else {
                for _ in 0..=n {
                    self.out.w1(op::POP);
                }
            }
            self.memo_get(idx);
            return Ok(());
        }
        self.out.w1(op::TUPLE);
        self.memo_put(obj);
        Ok(())
    }

    fn fast_enter(&mut self, obj: &Value) -> PyResult<()> {
        self.fast_nesting += 1;
        if self.fast_nesting >= FAST_NESTING_LIMIT && !self.fast_memo.insert(obj.id()) {
            raise!(
                ValueError,
                "fast mode: can't pickle cyclic objects including object type {} at {:#x}",
                obj.type_ref().name(),
                obj.id()
            );
        }
        Ok(())
    }

    fn fast_leave(&mut self, obj: &Value) {
        if self.fast_nesting >= FAST_NESTING_LIMIT {
            self.fast_memo.remove(&obj.id());
        }
        self.fast_nesting = self.fast_nesting.saturating_sub(1);
    }

    fn save_list(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        if self.fast {
            self.fast_enter(obj)?;
        }
        if self.bin {
            self.out.w1(op::EMPTY_LIST);
        } else {
            self.out.w(&[op::MARK, op::LIST]);
        }
        self.memo_put(obj);
        let Some(list) = obj.downcast::<PyList>() else { raise!(TypeError, "expected list") };
        let r = if list.len() == 0 {
            Ok(())
        } else if self.proto > 0 {
            self.batch_list_exact(ts, obj, list)
        } else {
            let it = ops::iter(ts, obj)?;
            self.batch_list(ts, &it, obj)
        };
        if self.fast {
            self.fast_leave(obj);
        }
        r
    }

    fn save_list_item(&mut self, ts: &ThreadState, item: &Value, owner: &Value, i: usize) -> PyResult<()> {
        self.save(ts, item, false).inspect_err(|e| {
            add_note(ts, e, &format!("when serializing {} item {}", type_label(ts, owner.type_ref()), i));
        })
    }

    fn batch_list_exact(&mut self, ts: &ThreadState, obj: &Value, list: &PyList) -> PyResult<()> {
        if list.len() == 1 {
            let item = list.get(0).unwrap_or_else(none);
            self.save_list_item(ts, &item, obj, 0)?;
            self.out.w1(op::APPEND);
            return Ok(());
        }
        let mut total = 0;
        loop {
            let mut this_batch = 0;
            self.out.w1(op::MARK);
            while let Some(item) = list.get(total) {
                self.save_list_item(ts, &item, obj, total)?;
                total += 1;
                this_batch += 1;
                if this_batch == BATCHSIZE {
                    break;
                }
            }
            self.out.w1(op::APPENDS);
            if total >= list.len() {
                return Ok(());
            }
        }
    }

    /// Items from an iterator: APPEND each (protocol 0) or in MARK ...
    /// APPENDS batches, a lone last item by APPEND.
    fn batch_list(&mut self, ts: &ThreadState, it: &Value, owner: &Value) -> PyResult<()> {
        let mut i = 0;
        if self.proto == 0 {
            while let Some(item) = ops::next(ts, it)? {
                self.save_list_item(ts, &item, owner, i)?;
                self.out.w1(op::APPEND);
                i += 1;
            }
            return Ok(());
        }
        loop {
            let Some(first) = ops::next(ts, it)? else { return Ok(()) };
            let Some(mut next) = ops::next(ts, it)? else {
                self.save_list_item(ts, &first, owner, i)?;
                self.out.w1(op::APPEND);
                return Ok(());
            };
            self.out.w1(op::MARK);
            self.save_list_item(ts, &first, owner, i)?;
            i += 1;
            let mut n = 1;
            loop {
                self.save_list_item(ts, &next, owner, i)?;
                i += 1;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
                match ops::next(ts, it)? {
                    Some(v) => next = v,
                    None => break,
                }
            }
            self.out.w1(op::APPENDS);
            if n != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn save_dict(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        if self.fast {
            self.fast_enter(obj)?;
        }
        if self.bin {
            self.out.w1(op::EMPTY_DICT);
        } else {
            self.out.w(&[op::MARK, op::DICT]);
        }
        self.memo_put(obj);
        let Some(d) = obj.downcast::<PyDict>() else { raise!(TypeError, "expected dict") };
        let r = if d.len() == 0 {
            Ok(())
        } else if self.proto > 0 {
            self.batch_dict_exact(ts, obj, d)
        } else {
            let items = ops::call_method(ts, obj, "items", &[])?;
            let it = ops::iter(ts, &items)?;
            self.batch_dict(ts, &it, obj)
        };
        if self.fast {
            self.fast_leave(obj);
        }
        r
    }

    fn save_dict_pair(&mut self, ts: &ThreadState, k: &Value, v: &Value, owner: &Value) -> PyResult<()> {
        self.save(ts, k, false)?;
        self.save(ts, v, false).inspect_err(|e| {
            let kr = ops::repr_string(ts, k).unwrap_or_default();
            add_note(ts, e, &format!("when serializing {} item {}", type_label(ts, owner.type_ref()), kr));
        })
    }

    fn batch_dict_exact(&mut self, ts: &ThreadState, obj: &Value, d: &PyDict) -> PyResult<()> {
        let size = d.len();
        if size == 1 {
            if let Some((_, k, v)) = d.entry_at(0) {
                self.save_dict_pair(ts, &k, &v, obj)?;
                self.out.w1(op::SETITEM);
            }
            return Ok(());
        }
        let mut pos = 0;
        loop {
            let mut i = 0;
            self.out.w1(op::MARK);
            while let Some((next, k, v)) = d.entry_at(pos) {
                pos = next;
                self.save_dict_pair(ts, &k, &v, obj)?;
                i += 1;
                if i == BATCHSIZE {
                    break;
                }
            }
            self.out.w1(op::SETITEMS);
            if d.len() != size {
                raise!(RuntimeError, "dictionary changed size during iteration");
            }
            if i != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn pair_of(item: &Value) -> PyResult<(Value, Value)> {
        match tuple_items(item) {
            Some([k, v]) if item.type_ref().is_subtype(rt().types.tuple) => Ok((k.clone(), v.clone())),
            _ => raise!(TypeError, "dict items iterator must return 2-tuples"),
        }
    }

    fn batch_dict(&mut self, ts: &ThreadState, it: &Value, owner: &Value) -> PyResult<()> {
        if self.proto == 0 {
            while let Some(item) = ops::next(ts, it)? {
                let (k, v) = Self::pair_of(&item)?;
                self.save_dict_pair(ts, &k, &v, owner)?;
                self.out.w1(op::SETITEM);
            }
            return Ok(());
        }
        loop {
            let Some(first) = ops::next(ts, it)? else { return Ok(()) };
            let (k, v) = Self::pair_of(&first)?;
            let Some(mut next) = ops::next(ts, it)? else {
                self.save_dict_pair(ts, &k, &v, owner)?;
                self.out.w1(op::SETITEM);
                return Ok(());
            };
            self.out.w1(op::MARK);
            self.save_dict_pair(ts, &k, &v, owner)?;
            let mut n = 1;
            loop {
                let (k, v) = Self::pair_of(&next)?;
                self.save_dict_pair(ts, &k, &v, owner)?;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
                match ops::next(ts, it)? {
                    Some(x) => next = x,
                    None => break,
                }
            }
            self.out.w1(op::SETITEMS);
            if n != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn set_items(obj: &Value) -> Vec<Value> {
        obj.downcast::<spindle_vm::set::PySet>().map(|s| s.table.keys()).unwrap_or_default()
    }

    fn save_set(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        let items = Self::set_items(obj);
        if self.proto < 4 {
            let rv = new_tuple(vec![rt().types.set.to_value(), new_tuple(vec![spindle_vm::seq::new_list(items)])]);
            return self.save_reduce(ts, &rv, Some(obj));
        }
        self.out.w1(op::EMPTY_SET);
        self.memo_put(obj);
        let size = items.len();
        let mut chunks = items.chunks(BATCHSIZE).peekable();
        while let Some(batch) = chunks.next() {
            self.out.w1(op::MARK);
            for item in batch {
                if let Err(e) = self.save(ts, item, false) {
                    add_note(ts, &e, &format!("when serializing {} element", type_label(ts, obj.type_ref())));
                    return Err(e);
                }
            }
            self.out.w1(op::ADDITEMS);
            if Self::set_items(obj).len() != size {
                raise!(RuntimeError, "set changed size during iteration");
            }
            // A full last batch is followed by an empty one, as C's loop does.
            if chunks.peek().is_none() && batch.len() == BATCHSIZE {
                self.out.w(&[op::MARK, op::ADDITEMS]);
            }
        }
        Ok(())
    }

    fn save_frozenset(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        let items = Self::set_items(obj);
        if self.proto < 4 {
            let rv = new_tuple(vec![rt().types.frozenset.to_value(), new_tuple(vec![spindle_vm::seq::new_list(items)])]);
            return self.save_reduce(ts, &rv, Some(obj));
        }
        self.out.w1(op::MARK);
        for item in &items {
            if let Err(e) = self.save(ts, item, false) {
                add_note(ts, &e, &format!("when serializing {} element", type_label(ts, obj.type_ref())));
                return Err(e);
            }
        }
        if let Some(idx) = self.memo_index(obj) {
            self.out.w1(op::POP_MARK);
            self.memo_get(idx);
            return Ok(());
        }
        self.out.w1(op::FROZENSET);
        self.memo_put(obj);
        Ok(())
    }

    fn save_type(&mut self, ts: &ThreadState, obj: &Value) -> PyResult<()> {
        let r = rt();
        let singleton = if obj.is(&r.types.none.to_value()) {
            Some(none())
        } else if obj.is(&r.types.not_implemented.to_value()) {
            Some(r.not_implemented.clone())
        } else if obj.is(&r.types.ellipsis.to_value()) {
            Some(r.ellipsis.clone())
        } else {
            None
        };
        match singleton {
            Some(v) => {
                let rv = new_tuple(vec![r.types.type_.to_value(), new_tuple(vec![v])]);
                self.save_reduce(ts, &rv, Some(obj))
            }
            None => self.save_global(ts, obj, None),
        }
    }

    fn save_global(&mut self, ts: &ThreadState, obj: &Value, name: Option<Value>) -> PyResult<()> {
        let name = match name {
            Some(n) => n,
            None => match ops::getattr_opt(ts, obj, "__qualname__")? {
                Some(n) => n,
                None => ops::getattr_str(ts, obj, "__name__")?,
            },
        };
        let whichmodule = super::import_attr(ts, "pickle", "whichmodule")?;
        let module_name = ops::call(ts, &whichmodule, &[obj.clone(), name.clone()])?;
        // CPython interns a builtin (static) type's `__module__`, so such
        // types of one module share that str in the memo; ours are distinct.
        let static_type = TypeRef::from_value(obj).is_some_and(|t| !t.is_heap());
        let module_name = match module_name.downcast::<PyStr>() {
            Some(s) if static_type && module_name.type_ref() == rt().types.str && !s.has_surrogates() => spindle_vm::str::intern(s.as_str()),
            _ => module_name,
        };
        let name_s = as_str(&name).unwrap_or("").to_owned();
        if self.proto >= 2 {
            let key = new_tuple(vec![module_name.clone(), name.clone()]);
            let reg = with_state(ts, |s| s.extension_registry.clone())?;
            if let Some(code) = spindle_vm::builtins_init::containers::dict_get(ts, &reg, &key)? {
                let Some(c) = int_to_i64(&code) else {
                    return Err(pickling_error(ts, &format!("Can't pickle {}: extension code {} isn't an integer", ops::repr_string(ts, obj)?, ops::repr_string(ts, &code)?)));
                };
                if c <= 0 || c > 0x7fff_ffff {
                    if c == 0 {
                        raise!(RuntimeError, "extension code 0 is out of range");
                    }
                    return Err(pickling_error(ts, &format!("Can't pickle {}: extension code {} is out of range", ops::repr_string(ts, obj)?, c)));
                }
                if c <= 0xff {
                    self.out.w(&[op::EXT1, c as u8]);
                } else if c <= 0xffff {
                    let b = (c as u16).to_le_bytes();
                    self.out.w(&[op::EXT2, b[0], b[1]]);
                } else {
                    let b = (c as i32).to_le_bytes();
                    self.out.w(&[op::EXT4, b[0], b[1], b[2], b[3]]);
                }
                return Ok(());
            }
        }
        if self.proto >= 4 {
            self.save(ts, &module_name, false)?;
            self.save(ts, &name, false)?;
            self.out.w1(op::STACK_GLOBAL);
        } else if name_s.contains('.') {
            let mut parts = name_s.split('.');
            let first = parts.next().unwrap_or("").to_owned();
            let rest: Vec<&str> = parts.collect();
            let getattr = ops::getattr_str(ts, &ts.interp.builtins, "getattr")?;
            for _ in &rest {
                self.save(ts, &getattr, false)?;
                if self.proto < 2 {
                    self.out.w1(op::MARK);
                }
            }
            self.save_toplevel_by_name(ts, &module_name, &new_str(&first))?;
            for attr in rest {
                self.save(ts, &new_str(attr), false)?;
                self.out.w1(if self.proto < 2 { op::TUPLE } else { op::TUPLE2 });
                self.out.w1(op::REDUCE);
            }
        } else {
            self.save_toplevel_by_name(ts, &module_name, &name)?;
        }
        self.memo_put(obj);
        Ok(())
    }

    fn save_toplevel_by_name(&mut self, ts: &ThreadState, module: &Value, name: &Value) -> PyResult<()> {
        let (mut module, mut name) = (module.clone(), name.clone());
        if self.proto < 3 && self.fix_imports {
            let (nm, im) = with_state(ts, |s| (s.name_mapping_3to2.clone(), s.import_mapping_3to2.clone()))?;
            let key = new_tuple(vec![module.clone(), name.clone()]);
            if let Some(item) = spindle_vm::builtins_init::containers::dict_get(ts, &nm, &key)? {
                match tuple_items(&item) {
                    Some([m, n]) if as_str(m).is_some() && as_str(n).is_some() => {
                        module = m.clone();
                        name = n.clone();
                    }
                    Some([_, _]) => raise!(RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not {}", ops::repr_string(ts, &item)?),
                    _ => raise!(RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not {}", ops::type_name(&item)),
                }
            } else if let Some(item) = spindle_vm::builtins_init::containers::dict_get(ts, &im, &module)? {
                if as_str(&item).is_none() {
                    raise!(RuntimeError, "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not {}", ops::type_name(&item));
                }
                module = item;
            }
        }
        let encode = |v: &Value| -> Option<Vec<u8>> {
            let s = v.downcast::<PyStr>()?;
            if s.has_surrogates() {
                return None;
            }
            let t = s.as_str();
            if self.proto < 3 && !t.is_ascii() {
                return None;
            }
            Some(t.as_bytes().to_vec())
        };
        let Some(m) = encode(&module) else {
            return Err(pickling_error(ts, &format!("can't pickle module identifier {} using pickle protocol {}", ops::repr_string(ts, &module)?, self.proto)));
        };
        let Some(n) = encode(&name) else {
            return Err(pickling_error(ts, &format!("can't pickle global identifier {} using pickle protocol {}", ops::repr_string(ts, &name)?, self.proto)));
        };
        self.out.w1(op::GLOBAL);
        self.out.w(&m);
        self.out.w1(b'\n');
        self.out.w(&n);
        self.out.w1(b'\n');
        Ok(())
    }

    /// Saves a reduce tuple `(callable, args[, state[, listitems[,
    /// dictitems[, state_setter]]]])` for `obj` (None: not memoized).
    pub(crate) fn save_reduce(&mut self, ts: &ThreadState, rv: &Value, obj: Option<&Value>) -> PyResult<()> {
        let items = tuple_items(rv).unwrap_or(&[]).to_vec();
        if !(2..=6).contains(&items.len()) {
            return Err(pickling_error(ts, "tuple returned by __reduce__ must contain 2 through 6 elements"));
        }
        let get = |i: usize| items.get(i).filter(|v| !is_none(v)).cloned();
        let callable = items[0].clone();
        let argtup = items[1].clone();
        let state = get(2);
        let listitems = get(3);
        let dictitems = get(4);
        let state_setter = get(5);
        let label = |v: &Value| type_label(ts, v.type_ref());
        let obj_label = || obj.map(|o| type_label(ts, o.type_ref())).unwrap_or_default();
        if !ops::is_callable(&callable) {
            return Err(pickling_error(ts, &format!("first item of the tuple returned by __reduce__ must be callable, not {}", label(&callable))));
        }
        if !argtup.type_ref().is_subtype(rt().types.tuple) {
            return Err(pickling_error(ts, &format!("second item of the tuple returned by __reduce__ must be a tuple, not {}", label(&argtup))));
        }
        let is_iter = |v: &Value| v.type_ref().lookup_static("__next__").is_some();
        if let Some(l) = &listitems {
            if !is_iter(l) {
                return Err(pickling_error(ts, &format!("fourth item of the tuple returned by __reduce__ must be an iterator, not {}", label(l))));
            }
        }
        if let Some(d) = &dictitems {
            if !is_iter(d) {
                return Err(pickling_error(ts, &format!("fifth item of the tuple returned by __reduce__ must be an iterator, not {}", label(d))));
            }
        }
        if let Some(s) = &state_setter {
            if !ops::is_callable(s) {
                return Err(pickling_error(ts, &format!("sixth item of the tuple returned by __reduce__ must be callable, not {}", label(s))));
            }
        }
        let mut func_name = String::new();
        if self.proto >= 2 {
            if let Some(n) = ops::getattr_opt(ts, &callable, "__name__")? {
                func_name = as_str(&n).unwrap_or("").to_owned();
            }
        }
        let args = tuple_items(&argtup).unwrap_or(&[]).to_vec();
        let with_note = |r: PyResult<()>, what: &str| -> PyResult<()> {
            r.inspect_err(|e| add_note(ts, e, &format!("when serializing {} {}", obj_label(), what)))
        };
        if func_name == "__newobj_ex__" {
            if args.len() != 3 {
                return Err(pickling_error(ts, &format!("length of the NEWOBJ_EX argument tuple must be exactly 3, not {}", args.len())));
            }
            let (cls, cargs, kwargs) = (&args[0], &args[1], &args[2]);
            if TypeRef::from_value(cls).is_none() {
                return Err(pickling_error(ts, &format!("first argument from NEWOBJ_EX argument tuple must be a class, not {}", label(cls))));
            }
            if let Some(o) = obj {
                let oc = ops::getattr_str(ts, o, "__class__")?;
                if !oc.is(cls) {
                    return Err(pickling_error(ts, &format!("first argument to __newobj_ex__() must be {}, not {}", ops::repr_string(ts, &oc)?, ops::repr_string(ts, cls)?)));
                }
            }
            if !cargs.type_ref().is_subtype(rt().types.tuple) {
                return Err(pickling_error(ts, &format!("second argument from NEWOBJ_EX argument tuple must be a tuple, not {}", label(cargs))));
            }
            if !kwargs.type_ref().is_subtype(rt().types.dict) {
                return Err(pickling_error(ts, &format!("third argument from NEWOBJ_EX argument tuple must be a dict, not {}", label(kwargs))));
            }
            if self.proto >= 4 {
                with_note(self.save(ts, cls, false), "class")?;
                with_note(self.save(ts, cargs, false).and_then(|()| self.save(ts, kwargs, false)), "__new__ arguments")?;
                self.out.w1(op::NEWOBJ_EX);
            } else {
                let mut pargs = vec![ops::getattr_str(ts, cls, "__new__")?, cls.clone()];
                pargs.extend(tuple_items(cargs).unwrap_or(&[]).iter().cloned());
                let partial = super::import_attr(ts, "functools", "partial")?;
                let mut kwn = Vec::new();
                for (k, v) in spindle_vm::builtins_init::mapping_items(ts, kwargs)? {
                    kwn.push(k);
                    pargs.push(v);
                }
                let mut all = vec![partial.clone()];
                all.extend(pargs);
                let func = ops::call_args(ts, &partial, Args { args: &all[1..], kwnames: &kwn })?;
                with_note(self.save(ts, &func, false), "reconstructor")?;
                self.save(ts, &new_tuple(Vec::new()), false)?;
                self.out.w1(op::REDUCE);
            }
        } else if func_name == "__newobj__" {
            let Some(cls) = args.first() else {
                return Err(pickling_error(ts, "__newobj__ expected at least 1 argument"));
            };
            if TypeRef::from_value(cls).is_none() {
                return Err(pickling_error(ts, &format!("first item from NEWOBJ argument tuple must be a class, not {}", label(cls))));
            }
            if let Some(o) = obj {
                let oc = ops::getattr_str(ts, o, "__class__")?;
                if !oc.is(cls) {
                    return Err(pickling_error(ts, &format!("first argument to __newobj__() must be {}, not {}", ops::repr_string(ts, &oc)?, ops::repr_string(ts, cls)?)));
                }
            }
            with_note(self.save(ts, cls, false), "class")?;
            let rest = new_tuple(args[1..].to_vec());
            with_note(self.save(ts, &rest, false), "__new__ arguments")?;
            self.out.w1(op::NEWOBJ);
        } else {
            with_note(self.save(ts, &callable, false), "reconstructor")?;
            with_note(self.save(ts, &argtup, false), "reconstructor arguments")?;
            self.out.w1(op::REDUCE);
        }
        if let Some(o) = obj {
            if let Some(idx) = self.memo_index(o) {
                self.out.w1(op::POP);
                self.memo_get(idx);
            } else {
                self.memo_put(o);
            }
        }
        let owner = obj.cloned().unwrap_or_else(none);
        if let Some(l) = listitems {
            self.batch_list(ts, &l, &owner)?;
        }
        if let Some(d) = dictitems {
            self.batch_dict(ts, &d, &owner)?;
        }
        if let Some(state) = state {
            match state_setter {
                None => {
                    with_note(self.save(ts, &state, false), "state")?;
                    self.out.w1(op::BUILD);
                }
                Some(setter) => {
                    with_note(self.save(ts, &setter, false), "state setter")?;
                    self.save(ts, &owner, false)?;
                    with_note(self.save(ts, &state, false), "state")?;
                    self.out.w(&[op::TUPLE2, op::REDUCE, op::POP]);
                }
            }
        }
        Ok(())
    }
}

/// The memo key of `obj`: its id, except for the values CPython always
/// keeps as singletons (the empty str and bytes, one-character Latin-1
/// strs), which share one key per value so that equal ones are memoized
/// once, as the one object they are in CPython would be.
fn memo_key(obj: &Value) -> usize {
    let t = obj.type_ref();
    let types = &rt().types;
    if t == types.str {
        if let Some(s) = obj.downcast::<PyStr>() {
            match s.char_len() {
                0 => return 2,
                1 => {
                    if let Some(cp) = s.code_point(0).filter(|c| *c < 256) {
                        return 0x1000 + 2 * cp as usize;
                    }
                }
                _ => {}
            }
        }
    } else if t == types.bytes {
        if let Some(b) = obj.downcast::<spindle_vm::bytes::PyBytes>() {
            if b.data.is_empty() {
                return 4;
            }
        }
    }
    obj.id()
}

/// Minimal little-endian two's complement bytes of `x` (empty for 0).
fn encode_i64(x: i64) -> Vec<u8> {
    if x == 0 {
        return Vec::new();
    }
    let b = x.to_le_bytes();
    let mut n = 8;
    while n > 1 {
        let top = b[n - 1];
        let next_sign = b[n - 2] & 0x80;
        if (top == 0 && next_sign == 0) || (top == 0xff && next_sign != 0) {
            n -= 1;
        } else {
            break;
        }
    }
    b[..n].to_vec()
}

/// UTF-8 of a str holding lone surrogates, each written as its 3-byte
/// form ('surrogatepass').
fn utf8_surrogatepass(s: &PyStr) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.char_len() * 2);
    for cp in s.data().code_points() {
        push_utf8(&mut out, cp);
    }
    out
}

fn push_utf8(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.extend_from_slice(&[0xc0 | (cp >> 6) as u8, 0x80 | (cp & 0x3f) as u8]);
    } else if cp < 0x10000 {
        out.extend_from_slice(&[0xe0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3f) as u8, 0x80 | (cp & 0x3f) as u8]);
    } else {
        out.extend_from_slice(&[
            0xf0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3f) as u8,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]);
    }
}

/// Protocol 0's UNICODE argument: raw-unicode-escape, with backslash, NUL,
/// newline, carriage return and DOS EOF escaped as `\uXXXX` too.
fn raw_unicode_escape(s: &PyStr, out: &mut Vec<u8>) {
    for cp in s.data().code_points() {
        if cp >= 0x10000 {
            out.extend_from_slice(format!("\\U{cp:08x}").as_bytes());
        } else if cp >= 0x100 || matches!(cp, 0x5c | 0 | 0x0a | 0x0d | 0x1a) {
            out.extend_from_slice(format!("\\u{cp:04x}").as_bytes());
        } else {
            out.push(cp as u8);
        }
    }
}

// ---------------------------------------------------------------- Pickler type

pub(crate) struct Pickler {
    core: Mutex<Option<PicklerCore>>,
    fast: AtomicBool,
    /// The `dispatch_table` attribute (unset: AttributeError, as C's member).
    dispatch_table: Mutex<Option<Value>>,
}

impl PyPayload for Pickler {
    const KIND: PayloadKind = pickle_kind(2);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(g) = self.core.try_lock() {
            if let Some(d) = self.dispatch_table.try_lock() {
                if let Some(v) = d.as_ref() {
                    visit(v);
                }
            }
            if let Some(c) = g.as_ref() {
                for (_, v) in c.memo.values() {
                    visit(v);
                }
                if let Some(w) = &c.write {
                    visit(w);
                }
                if let Some(b) = &c.buffer_callback {
                    visit(b);
                }
            }
        }
    }
    fn clear(&self) {
        let old = self.core.lock().take();
        drop(old);
        let old = self.dispatch_table.lock().take();
        drop(old);
    }
}

static PICKLER_T: OnceLock<TypeRef> = OnceLock::new();

pub(crate) fn pickler_type() -> TypeRef {
    *PICKLER_T.get_or_init(|| {
        use spindle_vm::types::type_flags;
        let t = spindle_vm::native::new_type::<Pickler>("Pickler", "_pickle", None, true);
        t.data().set_flags(type_flags::HAS_EXT | type_flags::HAS_DICT);
        spindle_vm::native::set_new(t, |_, a| {
            let Some(cls) = a.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "Pickler.__new__(X): X is not a type object") };
            Ok(alloc(cls, Pickler { core: Mutex::new(None), fast: AtomicBool::new(false), dispatch_table: Mutex::new(None) }))
        });
        spindle_vm::native::add_methods(
            t,
            &[
                ("__init__", pickler_init),
                ("dump", pickler_dump),
                ("clear_memo", pickler_clear_memo),
                ("persistent_id", |_, _| Ok(none())),
                ("__sizeof__", |_, _| Ok(new_int(64))),
            ],
        );
        crate::datetime_mod::add_attr(t, "fast", pickler_fast_get, pickler_fast_set);
        crate::datetime_mod::add_attr(t, "bin", pickler_bin_get, |_, _| raise!(AttributeError, "readonly attribute"));
        crate::datetime_mod::add_attr(t, "memo", pickler_memo_get, pickler_memo_set);
        crate::datetime_mod::add_attr(t, "dispatch_table", pickler_dt_get, pickler_dt_set);
        spindle_vm::native::add_class_value(
            t,
            "__doc__",
            new_str("This takes a binary file for writing a pickle data stream."),
        );
        t
    })
}

fn this_pickler<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a Pickler)> {
    match a.args.first() {
        Some(v) => match v.downcast::<Pickler>() {
            Some(p) => Ok((v, p)),
            None => raise!(TypeError, "descriptor requires a '_pickle.Pickler' object but received a '{}'", ops::type_name(v)),
        },
        None => raise!(TypeError, "descriptor needs an argument"),
    }
}

/// Binds `a` (after `skip` leading values) to `names`: `required` of them
/// required, at most `max_pos` positional (the rest keyword-only), with
/// Argument Clinic's messages.
pub(crate) fn bind_kwonly<const N: usize>(
    fname: &str,
    a: &Args<'_>,
    names: [&str; N],
    required: usize,
    max_pos: usize,
) -> PyResult<[Option<Value>; N]> {
    bind_skip(fname, a, 0, names, required, max_pos)
}

pub(crate) fn bind_skip<const N: usize>(
    fname: &str,
    a: &Args<'_>,
    skip: usize,
    names: [&str; N],
    required: usize,
    max_pos: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let pos = a.positional();
    let pos = pos.get(skip..).unwrap_or(&[]);
    if pos.len() > max_pos {
        if max_pos == required {
            raise!(TypeError, "{}() takes exactly {} positional argument{} ({} given)", fname, max_pos, if max_pos == 1 { "" } else { "s" }, pos.len());
        }
        raise!(TypeError, "{}() takes from {} to {} positional arguments but {} were given", fname, required, max_pos, pos.len());
    }
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in a.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_some() => raise!(TypeError, "argument for {}() given by name ('{}') and position ({})", fname, k, i + 1),
            Some(i) => out[i] = Some(v.clone()),
            None => raise!(TypeError, "{}() got an unexpected keyword argument '{}'", fname, k),
        }
    }
    for (i, o) in out.iter().enumerate().take(required) {
        if o.is_none() {
            raise!(TypeError, "{}() missing required argument '{}' (pos {})", fname, names[i], i + 1);
        }
    }
    Ok(out)
}

/// `Pickler(file, protocol=None, fix_imports=True, buffer_callback=None)`.
fn pickler_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = this_pickler(&a)?;
    let [file, protocol, fix_imports, buffer_callback] =
        bind_skip("Pickler", &a, 1, ["file", "protocol", "fix_imports", "buffer_callback"], 1, 4)?;
    let file = file.unwrap_or_else(none);
    let core = PicklerCore::new(ts, Some(&file), protocol.as_ref(), super::bool_arg(ts, &fix_imports, true)?, buffer_callback.as_ref())?;
    p.fast.store(false, Ordering::Relaxed);
    let old = p.core.lock().replace(core);
    drop(old);
    Ok(none())
}

/// The hooks of this pickler: its `persistent_id` unless it is the base
/// method, `reducer_override` if any, `dispatch_table` if any.
fn hooks_of(ts: &ThreadState, this: &Value) -> PyResult<Hooks> {
    let mut hooks = Hooks::default();
    let base_pid = pickler_type().lookup_static("persistent_id");
    let class_pid = this.type_ref().lookup_static("persistent_id");
    let own_pid = ops::instance_dict_get(this, &new_str("persistent_id"));
    let is_base = own_pid.is_none() && matches!((&base_pid, &class_pid), (Some(b), Some(c)) if b.is(c));
    if !is_base {
        hooks.persistent_id = ops::getattr_opt(ts, this, "persistent_id")?;
    }
    hooks.reducer_override = ops::getattr_opt(ts, this, "reducer_override")?;
    hooks.dispatch_table = ops::getattr_opt(ts, this, "dispatch_table")?;
    Ok(hooks)
}

fn pickler_dump(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = this_pickler(&a)?;
    let obj = match a.positional() {
        [_, obj] if !a.has_kwargs() => obj.clone(),
        _ => raise!(TypeError, "dump() takes exactly one argument ({} given)", a.args.len().saturating_sub(1)),
    };
    let taken = p.core.lock().take();
    let Some(mut core) = taken else {
        let cls = this.type_ref().name();
        return Err(pickling_error(ts, &format!("Pickler.__init__() was not called by {cls}.__init__()")));
    };
    core.fast = p.fast.load(Ordering::Relaxed);
    let r = hooks_of(ts, this).and_then(|h| core.dump(ts, &obj, h));
    core.out.buf = Vec::new();
    let mut slot = p.core.lock();
    if slot.is_none() {
        *slot = Some(core);
    }
    drop(slot);
    r.map(|_| none())
}

fn pickler_clear_memo(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = this_pickler(&a)?;
    if let Some(c) = p.core.lock().as_mut() {
        let old = std::mem::take(&mut c.memo);
        drop(old);
    }
    Ok(none())
}

fn pickler_fast_get(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = this_pickler(&a)?;
    Ok(new_int(i64::from(p.fast.load(Ordering::Relaxed))))
}

fn pickler_fast_set(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = this_pickler(&a)?;
    let Some(v) = a.args.get(1) else { raise!(AttributeError, "attribute deletion is not supported") };
    p.fast.store(ops::is_true(ts, v)?, Ordering::Relaxed);
    Ok(none())
}

fn pickler_bin_get(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = this_pickler(&a)?;
    let bin = p.core.lock().as_ref().map(|c| c.bin).unwrap_or(false);
    Ok(new_int(i64::from(bin)))
}

/// `memo`: a PicklerMemoProxy of this pickler.
fn pickler_memo_get(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, _) = this_pickler(&a)?;
    Ok(alloc(memo_proxy_type(), PicklerMemoProxy { pickler: this.clone() }))
}

/// The memo of pickler `p` as a new dict `{id(obj): (index, obj)}`.
fn memo_copy(ts: &ThreadState, p: &Pickler) -> PyResult {
    let mut entries: Vec<(usize, u32, Value)> =
        p.core.lock().as_ref().map(|c| c.memo.values().map(|(i, v)| (v.id(), *i, v.clone())).collect()).unwrap_or_default();
    entries.sort_by_key(|e| e.1);
    let d = spindle_vm::builtins_init::new_dict();
    for (id, idx, v) in entries {
        spindle_vm::builtins_init::dict_set(ts, &d, new_int(id as i64), new_tuple(vec![new_int(i64::from(idx)), v]))?;
    }
    Ok(d)
}

/// `Pickler.memo`'s view: `copy()`, `clear()`, `__reduce__()`.
pub(crate) struct PicklerMemoProxy {
    pickler: Value,
}

impl PyPayload for PicklerMemoProxy {
    const KIND: PayloadKind = pickle_kind(4);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pickler);
    }
}

static PMEMO_T: OnceLock<TypeRef> = OnceLock::new();

/// Runs `f` on the pickler behind the proxy `a.args[0]`.
fn with_proxied<R>(a: &Args<'_>, f: impl FnOnce(&Pickler) -> PyResult<R>) -> PyResult<R> {
    let Some(p) = a.args.first().and_then(|v| v.downcast::<PicklerMemoProxy>()) else {
        raise!(TypeError, "descriptor requires a '_pickle.PicklerMemoProxy' object")
    };
    match p.pickler.downcast::<Pickler>() {
        Some(pk) => f(pk),
        None => raise!(TypeError, "memo proxy without a pickler"),
    }
}

fn memo_proxy_type() -> TypeRef {
    *PMEMO_T.get_or_init(|| {
        let t = spindle_vm::native::new_type::<PicklerMemoProxy>("PicklerMemoProxy", "_pickle", None, false);
        spindle_vm::native::set_new(t, |_, _| raise!(TypeError, "cannot create '_pickle.PicklerMemoProxy' instances"));
        spindle_vm::native::add_methods(
            t,
            &[
                ("copy", |ts, a| with_proxied(&a, |p| memo_copy(ts, p))),
                ("clear", |_, a| {
                    with_proxied(&a, |p| {
                        let old = p.core.lock().as_mut().map(|c| std::mem::take(&mut c.memo));
                        drop(old);
                        Ok(none())
                    })
                }),
                ("__reduce__", |ts, a| {
                    let copy = with_proxied(&a, |p| memo_copy(ts, p))?;
                    Ok(new_tuple(vec![rt().types.dict.to_value(), new_tuple(vec![copy])]))
                }),
            ],
        );
        t
    })
}

/// `memo = {...}`: values are `(index, obj)` pairs.
fn pickler_memo_set(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = this_pickler(&a)?;
    let Some(v) = a.args.get(1) else { raise!(TypeError, "attribute deletion is not supported") };
    let source = match v.downcast::<PicklerMemoProxy>() {
        Some(px) => match px.pickler.downcast::<Pickler>() {
            Some(other) => memo_copy(ts, other)?,
            None => raise!(TypeError, "memo proxy without a pickler"),
        },
        None if v.type_ref().is_subtype(rt().types.dict) => v.clone(),
        None => raise!(TypeError, "'memo' attribute must be a PicklerMemoProxy object or dict, not {}", ops::type_name(v)),
    };
    let mut memo = IdMap::default();
    for (_, val) in spindle_vm::builtins_init::mapping_items(ts, &source)? {
        match tuple_items(&val) {
            Some([idx, obj]) if val.type_ref().is_subtype(rt().types.tuple) => {
                let Some(i) = int_to_i64(idx).and_then(|i| u32::try_from(i).ok()) else {
                    raise!(TypeError, "'memo' values must be 2-item tuples")
                };
                memo.insert(memo_key(obj), (i, obj.clone()));
            }
            _ => raise!(TypeError, "'memo' values must be 2-item tuples"),
        }
    }
    if let Some(c) = p.core.lock().as_mut() {
        c.memo = memo;
    }
    Ok(none())
}

fn pickler_dt_get(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = this_pickler(&a)?;
    match p.dispatch_table.lock().clone() {
        Some(v) => Ok(v),
        None => raise!(AttributeError, "'{}' object has no attribute 'dispatch_table'", a.args[0].type_ref().name()),
    }
}

/// Sets (or, given no value, deletes) `dispatch_table`.
fn pickler_dt_set(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = this_pickler(&a)?;
    let old = std::mem::replace(&mut *p.dispatch_table.lock(), a.args.get(1).cloned());
    drop(old);
    Ok(none())
}
