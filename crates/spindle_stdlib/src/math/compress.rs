//! `_bz2` and `_lzma`, plus the buffered-decompressor logic they share with
//! `zlib._ZlibDecompressor`: input not consumed because `max_length` was
//! reached is kept and fed first on the next call; `needs_input`, `eof` and
//! `unused_data` follow CPython's rules.
//!
//! bz2 runs on the `bzip2` crate's pure-Rust backend (`libbz2-rs-sys`);
//! lzma on `liblzma` (xz's C library compiled from source by its build
//! script). Filter properties are encoded and decoded here, from the .xz
//! format's definitions.

use std::borrow::Cow;
use std::sync::OnceLock;

use parking_lot::Mutex;
use spindle_vm::bytes::new_bytes;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_methods, add_value, new_module, new_type, set_new};
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{none, rt};
use spindle_vm::str::new_str;
use spindle_vm::{PyErr, PyResult, Value, err, ops, raise};

use super::{add_getter, bytes_of, cls_of, exc_of, index_int, new_exc_class, parse};

/// One decompression engine: feeds `input`, writes at most `out.len()`
/// bytes; returns (input consumed, output produced, end of stream).
pub(crate) trait Engine: Send + 'static {
    fn step(&mut self, ts: &ThreadState, input: &[u8], out: &mut [u8]) -> PyResult<(usize, usize, bool)>;
}

/// Runs `e` over `input`, producing at most `max` bytes (all when None).
/// Returns (output, input consumed, end of stream).
pub(crate) fn pump<E: Engine + ?Sized>(
    ts: &ThreadState,
    e: &mut E,
    input: &[u8],
    max: Option<usize>,
) -> PyResult<(Vec<u8>, usize, bool)> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut chunk = 8192usize;
    loop {
        let room = match max {
            Some(m) => m.saturating_sub(out.len()),
            None => usize::MAX,
        };
        if room == 0 {
            break;
        }
        let n = room.min(chunk);
        let start = out.len();
        out.resize(start + n, 0);
        let (ci, co, end) = e.step(ts, &input[pos..], &mut out[start..])?;
        let co = co.min(n);
        out.truncate(start + co);
        pos = (pos + ci).min(input.len());
        if end {
            return Ok((out, pos, true));
        }
        if ci == 0 && co == 0 {
            break;
        }
        if pos >= input.len() && co < n {
            break;
        }
        chunk = (chunk * 2).min(1 << 20);
    }
    Ok((out, pos, false))
}

/// A decompressor's Python-visible state around its engine.
pub(crate) struct Buffered<E> {
    pub e: E,
    buf: Vec<u8>,
    pub eof: bool,
    pub unused: Vec<u8>,
    pub needs_input: bool,
}

impl<E: Engine> Buffered<E> {
    pub fn new(e: E) -> Buffered<E> {
        Buffered { e, buf: Vec::new(), eof: false, unused: Vec::new(), needs_input: true }
    }

    /// `decompress(data, max_length)`; a negative `max` means no limit.
    pub fn decompress(&mut self, ts: &ThreadState, data: &[u8], max: i64) -> PyResult<Vec<u8>> {
        if self.eof {
            raise!(EOFError, "End of stream already reached");
        }
        let input: Cow<'_, [u8]> = if self.buf.is_empty() {
            Cow::Borrowed(data)
        } else {
            let mut v = std::mem::take(&mut self.buf);
            v.extend_from_slice(data);
            Cow::Owned(v)
        };
        let max = if max < 0 { None } else { Some(max as usize) };
        let (out, used, end) = pump(ts, &mut self.e, &input, max)?;
        let rest = &input[used..];
        if end {
            self.eof = true;
            self.needs_input = false;
            self.unused.extend_from_slice(rest);
        } else if rest.is_empty() {
            // Output filled to max_length: the engine may hold more.
            self.needs_input = max != Some(out.len());
        } else {
            self.buf = rest.to_vec();
            self.needs_input = false;
        }
        Ok(out)
    }
}

/// `(data, max_length=-1)` of a `decompress` method.
pub(crate) fn decompress_args(ts: &ThreadState, a: &Args<'_>) -> PyResult<(Vec<u8>, i64)> {
    let [data, max] = parse("decompress", a, 1, ["data", "max_length"], 1)?;
    let data = bytes_of(ts, data.as_ref().unwrap_or(&none()), "")?;
    let max = match max {
        Some(v) => index_int(ts, &v)?
            .to_i64()
            .ok_or_else(|| err!(OverflowError, "Python int too large to convert to C ssize_t"))?,
        None => -1,
    };
    Ok((data, max))
}

fn payload<'a, T: PyPayload>(a: &'a Args<'_>, what: &str) -> PyResult<&'a T> {
    Ok(super::this::<T>(a, what)?.1)
}

fn compress_arg(ts: &ThreadState, a: &Args<'_>, what: &str) -> PyResult<Vec<u8>> {
    if a.has_kwargs() {
        raise!(TypeError, "{}.compress() takes no keyword arguments", what);
    }
    let pos = a.positional();
    if pos.len() != 2 {
        raise!(TypeError, "{}.compress() takes exactly one argument ({} given)", what, pos.len().saturating_sub(1));
    }
    bytes_of(ts, &pos[1], "")
}

fn no_args(a: &Args<'_>, what: &str) -> PyResult<()> {
    if a.has_kwargs() || a.positional().len() > 1 {
        raise!(TypeError, "{}() takes no arguments ({} given)", what, a.positional().len().saturating_sub(1));
    }
    Ok(())
}

// ---------------------------------------------------------------- _bz2

fn bz_error(e: bzip2::Error) -> PyErr {
    match e {
        bzip2::Error::Data | bzip2::Error::DataMagic => err!(OSError, "Invalid data stream"),
        bzip2::Error::Param => err!(ValueError, "Internal error - invalid parameters passed to libbzip2"),
        _ => err!(RuntimeError, "Internal error - Invalid sequence of commands sent to libbzip2"),
    }
}

struct Bz2Engine(bzip2::Decompress);

impl Engine for Bz2Engine {
    fn step(&mut self, _ts: &ThreadState, input: &[u8], out: &mut [u8]) -> PyResult<(usize, usize, bool)> {
        let (ti, to) = (self.0.total_in(), self.0.total_out());
        let st = self.0.decompress(input, out).map_err(bz_error)?;
        let ci = (self.0.total_in() - ti) as usize;
        let co = (self.0.total_out() - to) as usize;
        match st {
            bzip2::Status::StreamEnd => Ok((ci, co, true)),
            bzip2::Status::MemNeeded => Err(err!(MemoryError, "")),
            _ => Ok((ci, co, false)),
        }
    }
}

struct Bz2Compressor {
    c: Mutex<Option<bzip2::Compress>>,
}
impl PyPayload for Bz2Compressor {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 50);
}

struct Bz2Decompressor {
    d: Mutex<Buffered<Bz2Engine>>,
}
impl PyPayload for Bz2Decompressor {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 51);
}

/// Runs the bz2 compressor over `input` with `action` until the input is
/// consumed (Run) or the stream ends (Finish).
fn bz_run(c: &mut bzip2::Compress, input: &[u8], action: bzip2::Action) -> PyResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(input.len() / 4 + 128);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 4096 {
            out.reserve(out.capacity().max(8192));
        }
        let ti = c.total_in();
        let st = c.compress_vec(&input[pos..], &mut out, action).map_err(bz_error)?;
        pos += (c.total_in() - ti) as usize;
        match action {
            bzip2::Action::Run => {
                if pos >= input.len() {
                    break;
                }
            }
            _ => {
                if st == bzip2::Status::StreamEnd {
                    break;
                }
            }
        }
    }
    Ok(out)
}

static BZC_T: OnceLock<TypeRef> = OnceLock::new();
static BZD_T: OnceLock<TypeRef> = OnceLock::new();

fn bzc_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_of(&a)?;
    if a.has_kwargs() {
        raise!(TypeError, "BZ2Compressor() takes no keyword arguments");
    }
    let pos = a.positional();
    if pos.len() > 2 {
        raise!(TypeError, "BZ2Compressor expected at most 1 argument, got {}", pos.len() - 1);
    }
    let level = match pos.get(1) {
        Some(v) => {
            if spindle_vm::num::float_value(v).is_some() {
                raise!(TypeError, "'float' object cannot be interpreted as an integer");
            }
            index_int(ts, v)?.to_i64().unwrap_or(0)
        }
        None => 9,
    };
    if !(1..=9).contains(&level) {
        raise!(ValueError, "compresslevel must be between 1 and 9");
    }
    let c = bzip2::Compress::new(bzip2::Compression::new(level as u32), 0);
    Ok(alloc(cls, Bz2Compressor { c: Mutex::new(Some(c)) }))
}

fn bzc_compress(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = payload::<Bz2Compressor>(&a, "_bz2.BZ2Compressor")?;
    let data = compress_arg(ts, &a, "BZ2Compressor")?;
    let mut g = s.c.lock();
    let Some(c) = g.as_mut() else { raise!(ValueError, "Compressor has been flushed") };
    Ok(new_bytes(&bz_run(c, &data, bzip2::Action::Run)?))
}

fn bzc_flush(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = payload::<Bz2Compressor>(&a, "_bz2.BZ2Compressor")?;
    no_args(&a, "flush")?;
    let mut g = s.c.lock();
    let Some(c) = g.as_mut() else { raise!(ValueError, "Repeated call to flush()") };
    let out = bz_run(c, &[], bzip2::Action::Finish)?;
    *g = None;
    Ok(new_bytes(&out))
}

fn bzd_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_of(&a)?;
    if a.has_kwargs() {
        raise!(TypeError, "BZ2Decompressor() takes no keyword arguments");
    }
    if a.positional().len() > 1 {
        raise!(TypeError, "BZ2Decompressor() takes no arguments");
    }
    Ok(alloc(cls, Bz2Decompressor { d: Mutex::new(Buffered::new(Bz2Engine(bzip2::Decompress::new(false)))) }))
}

fn bzd_decompress(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = payload::<Bz2Decompressor>(&a, "_bz2.BZ2Decompressor")?;
    let (data, max) = decompress_args(ts, &a)?;
    let out = s.d.lock().decompress(ts, &data, max)?;
    Ok(new_bytes(&out))
}

fn bzd_eof(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(payload::<Bz2Decompressor>(&a, "_bz2.BZ2Decompressor")?.d.lock().eof))
}
fn bzd_unused(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bytes(&payload::<Bz2Decompressor>(&a, "_bz2.BZ2Decompressor")?.d.lock().unused))
}
fn bzd_needs(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(payload::<Bz2Decompressor>(&a, "_bz2.BZ2Decompressor")?.d.lock().needs_input))
}

pub(crate) fn init_bz2(_ts: &ThreadState) -> PyResult<Value> {
    let ct = *BZC_T.get_or_init(|| {
        let t = new_type::<Bz2Compressor>("BZ2Compressor", "_bz2", None, true);
        set_new(t, bzc_new);
        add_methods(t, &[("compress", bzc_compress), ("flush", bzc_flush)]);
        t
    });
    let dt = *BZD_T.get_or_init(|| {
        let t = new_type::<Bz2Decompressor>("BZ2Decompressor", "_bz2", None, true);
        set_new(t, bzd_new);
        add_methods(t, &[("decompress", bzd_decompress)]);
        add_getter(t, "eof", bzd_eof);
        add_getter(t, "unused_data", bzd_unused);
        add_getter(t, "needs_input", bzd_needs);
        t
    });
    let m = new_module("_bz2", &[]);
    add_value(&m, "BZ2Compressor", ct.to_value());
    add_value(&m, "BZ2Decompressor", dt.to_value());
    Ok(m)
}

// ---------------------------------------------------------------- _lzma

use liblzma::stream::{Action as LzAction, Check, Error as LzErr, Filters, LzmaOptions, MatchFinder, Mode, Status as LzStatus, Stream};

static LZMA_ERROR: OnceLock<Value> = OnceLock::new();
static LZC_T: OnceLock<TypeRef> = OnceLock::new();
static LZD_T: OnceLock<TypeRef> = OnceLock::new();

const FORMAT_AUTO: i64 = 0;
const FORMAT_XZ: i64 = 1;
const FORMAT_ALONE: i64 = 2;
const FORMAT_RAW: i64 = 3;
const CHECK_NONE: i64 = 0;
const CHECK_UNKNOWN: i64 = 16;
const FILTER_LZMA1: u64 = 0x4000_0000_0000_0001;
const FILTER_LZMA2: u64 = 0x21;
const FILTER_DELTA: u64 = 0x03;
const BCJ_FILTERS: [u64; 7] = [0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A];

fn lz_error(ts: &ThreadState, msg: &str) -> PyErr {
    match LZMA_ERROR.get() {
        Some(c) => exc_of(ts, c, msg),
        None => err!(RuntimeError, "{}", msg),
    }
}

fn lz_err(ts: &ThreadState, e: LzErr) -> PyErr {
    let msg = match e {
        LzErr::Mem => return err!(MemoryError, ""),
        LzErr::UnsupportedCheck => "Unsupported integrity check",
        LzErr::MemLimit => "Memory usage limit exceeded",
        LzErr::Format => "Input format not supported by decoder",
        LzErr::Options => "Invalid or unsupported options",
        LzErr::Data => "Corrupt input data",
        LzErr::Program => "Internal error",
        _ => "Internal error",
    };
    lz_error(ts, msg)
}

/// One parsed filter specifier.
enum FilterSpec {
    Lzma { id: u64, opts: LzmaOpts },
    Delta { dist: u32 },
    Bcj { id: u64, start: u32 },
}

#[derive(Clone, Copy)]
struct LzmaOpts {
    preset: u32,
    dict_size: Option<u32>,
    lc: Option<u32>,
    lp: Option<u32>,
    pb: Option<u32>,
    mode: Option<u32>,
    nice_len: Option<u32>,
    mf: Option<u32>,
    depth: Option<u32>,
}

fn u32_of(ts: &ThreadState, v: &Value) -> PyResult<u32> {
    let i = index_int(ts, v)?;
    if i.is_negative() {
        raise!(OverflowError, "can't convert negative int to unsigned");
    }
    match i.to_i64() {
        Some(x) if x <= u32::MAX as i64 => Ok(x as u32),
        _ => raise!(OverflowError, "Value too large for uint32_t type"),
    }
}

fn spec_get(ts: &ThreadState, spec: &Value, key: &str) -> PyResult<Option<Value>> {
    match ops::getitem(ts, spec, &new_str(key)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(rt().exc.KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

fn parse_filter(ts: &ThreadState, spec: &Value) -> PyResult<FilterSpec> {
    let is_mapping = spec.downcast::<spindle_vm::dict::PyDict>().is_some() || ops::getattr_opt(ts, spec, "keys")?.is_some();
    if !is_mapping {
        raise!(TypeError, "Filter specifier must be a dict or dict-like object");
    }
    let Some(idv) = spec_get(ts, spec, "id")? else { raise!(ValueError, "Filter specifier must have an \"id\" entry") };
    let id = index_int(ts, &idv)?;
    let id = match id.to_i64() {
        Some(x) if x >= 0 => x as u64,
        _ => match id.to_string().parse::<u64>() {
            Ok(x) => x,
            Err(_) => raise!(OverflowError, "Python int too large to convert to C unsigned long long"),
        },
    };
    if id == FILTER_LZMA1 || id == FILTER_LZMA2 {
        let keys = ["preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf", "depth"];
        let mut vals: [Option<u32>; 9] = [None; 9];
        for k in ops::collect(ts, spec)? {
            let Some(name) = spindle_vm::str::as_str(&k).map(|s| s.to_owned()) else {
                raise!(ValueError, "Invalid filter specifier for LZMA filter")
            };
            if name == "id" {
                continue;
            }
            let Some(i) = keys.iter().position(|x| *x == name) else {
                raise!(ValueError, "Invalid filter specifier for LZMA filter")
            };
            let v = ops::getitem(ts, spec, &k)?;
            vals[i] = Some(u32_of(ts, &v)?);
        }
        let preset = vals[0].unwrap_or(6);
        if LzmaOptions::new_preset(preset).is_err() {
            return Err(lz_error(ts, &format!("Invalid compression preset: {}", preset)));
        }
        let opts = LzmaOpts {
            preset,
            dict_size: vals[1],
            lc: vals[2],
            lp: vals[3],
            pb: vals[4],
            mode: vals[5],
            nice_len: vals[6],
            mf: vals[7],
            depth: vals[8],
        };
        return Ok(FilterSpec::Lzma { id, opts });
    }
    if id == FILTER_DELTA {
        let mut dist = 1;
        for k in ops::collect(ts, spec)? {
            let name = spindle_vm::str::as_str(&k).map(|s| s.to_owned()).unwrap_or_default();
            match name.as_str() {
                "id" => {}
                "dist" => dist = u32_of(ts, &ops::getitem(ts, spec, &k)?)?,
                _ => raise!(ValueError, "Invalid filter specifier for delta filter"),
            }
        }
        return Ok(FilterSpec::Delta { dist });
    }
    if BCJ_FILTERS.contains(&id) {
        let mut start = 0;
        for k in ops::collect(ts, spec)? {
            let name = spindle_vm::str::as_str(&k).map(|s| s.to_owned()).unwrap_or_default();
            match name.as_str() {
                "id" => {}
                "start_offset" => start = u32_of(ts, &ops::getitem(ts, spec, &k)?)?,
                _ => raise!(ValueError, "Invalid filter specifier for BCJ filter"),
            }
        }
        return Ok(FilterSpec::Bcj { id, start });
    }
    raise!(ValueError, "Invalid filter ID: {}", id)
}

fn lzma_options(o: &LzmaOpts) -> Option<LzmaOptions> {
    let mut opts = LzmaOptions::new_preset(o.preset).ok()?;
    if let Some(d) = o.dict_size {
        opts.dict_size(d);
    }
    if let Some(x) = o.lc {
        opts.literal_context_bits(x);
    }
    if let Some(x) = o.lp {
        opts.literal_position_bits(x);
    }
    if let Some(x) = o.pb {
        opts.position_bits(x);
    }
    if let Some(m) = o.mode {
        opts.mode(match m {
            1 => Mode::Fast,
            2 => Mode::Normal,
            _ => return None,
        });
    }
    if let Some(x) = o.nice_len {
        opts.nice_len(x);
    }
    if let Some(m) = o.mf {
        opts.match_finder(match m {
            0x03 => MatchFinder::HashChain3,
            0x04 => MatchFinder::HashChain4,
            0x12 => MatchFinder::BinaryTree2,
            0x13 => MatchFinder::BinaryTree3,
            0x14 => MatchFinder::BinaryTree4,
            _ => return None,
        });
    }
    if let Some(x) = o.depth {
        opts.depth(x);
    }
    Some(opts)
}

fn parse_filters(ts: &ThreadState, v: &Value) -> PyResult<Vec<FilterSpec>> {
    let items = ops::collect(ts, v)?;
    if items.len() > 4 {
        raise!(ValueError, "Too many filters - liblzma supports a maximum of 4");
    }
    items.iter().map(|s| parse_filter(ts, s)).collect()
}

/// Encoded properties of one filter (the .xz format's Filter Properties).
fn encode_props(f: &FilterSpec) -> Option<Vec<u8>> {
    Some(match f {
        FilterSpec::Lzma { id, opts } => {
            let base = LzmaOpts { preset: opts.preset, ..*opts };
            let (lc, lp, pb, dict) = preset_values(&base)?;
            if *id == FILTER_LZMA2 {
                vec![lzma2_dict_code(dict)]
            } else {
                if lc > 8 || lp > 4 || pb > 4 {
                    return None;
                }
                let mut v = vec![((pb * 5 + lp) * 9 + lc) as u8];
                v.extend_from_slice(&dict.to_le_bytes());
                v
            }
        }
        FilterSpec::Delta { dist } => {
            if !(1..=256).contains(dist) {
                return None;
            }
            vec![(dist - 1) as u8]
        }
        FilterSpec::Bcj { start, .. } => {
            if *start == 0 {
                Vec::new()
            } else {
                start.to_le_bytes().to_vec()
            }
        }
    })
}

/// lc, lp, pb and dictionary size of an LZMA filter (preset, then overrides).
fn preset_values(o: &LzmaOpts) -> Option<(u32, u32, u32, u32)> {
    let level = o.preset & 0x1f;
    if level > 9 {
        return None;
    }
    const DICTS: [u32; 10] = [1 << 18, 1 << 20, 1 << 21, 1 << 22, 1 << 22, 1 << 23, 1 << 23, 1 << 24, 1 << 25, 1 << 26];
    Some((o.lc.unwrap_or(3), o.lp.unwrap_or(0), o.pb.unwrap_or(2), o.dict_size.unwrap_or(DICTS[level as usize])))
}

/// The one-byte LZMA2 dictionary size code: the smallest 2^n or 2^n+2^(n-1)
/// at least `dict` (4 KiB minimum).
fn lzma2_dict_code(dict: u32) -> u8 {
    let d = dict.max(4096);
    for code in 0u8..40 {
        let size = (2u64 | (code as u64 & 1)) << (code as u64 / 2 + 11);
        if size >= d as u64 {
            return code;
        }
    }
    40
}

fn build_filters(ts: &ThreadState, specs: &[FilterSpec]) -> PyResult<Filters> {
    let mut f = Filters::new();
    for s in specs {
        match s {
            FilterSpec::Lzma { id, opts } => {
                let Some(o) = lzma_options(opts) else { return Err(lz_err(ts, LzErr::Options)) };
                if *id == FILTER_LZMA1 {
                    f.lzma1(&o);
                } else {
                    f.lzma2(&o);
                }
            }
            FilterSpec::Delta { .. } | FilterSpec::Bcj { .. } => {
                let Some(props) = encode_props(s) else { return Err(lz_err(ts, LzErr::Options)) };
                let r = match s {
                    FilterSpec::Delta { .. } => f.delta_properties(&props).map(|_| ()),
                    FilterSpec::Bcj { id, .. } => {
                        let r = match id {
                            0x04 => f.x86_properties(&props),
                            0x05 => f.powerpc_properties(&props),
                            0x06 => f.ia64_properties(&props),
                            0x07 => f.arm_properties(&props),
                            0x08 => f.arm_thumb_properties(&props),
                            0x09 => f.sparc_properties(&props),
                            _ => f.arm64_properties(&props),
                        };
                        r.map(|_| ())
                    }
                    FilterSpec::Lzma { .. } => Ok(()),
                };
                r.map_err(|e| lz_err(ts, e))?;
            }
        }
    }
    Ok(f)
}

struct LzEngine {
    s: Stream,
    /// The first bytes of an .xz stream (its header names the check).
    head: Vec<u8>,
    check: i64,
}

impl Engine for LzEngine {
    fn step(&mut self, ts: &ThreadState, input: &[u8], out: &mut [u8]) -> PyResult<(usize, usize, bool)> {
        let seen = self.s.total_in() as usize;
        if seen < 8 {
            self.head.truncate(seen);
            let n = (8 - seen).min(input.len());
            self.head.extend_from_slice(&input[..n]);
        }
        let header_check = |h: &[u8]| {
            if h.len() >= 8 && h.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) { (h[7] & 0x0f) as i64 } else { CHECK_UNKNOWN }
        };
        let (mut ci, mut co) = (0usize, 0usize);
        // A reported check is only news: decode on after it (at most once more).
        for _ in 0..2 {
            let (ti, to) = (self.s.total_in(), self.s.total_out());
            let r = self.s.process(&input[ci..], &mut out[co..], LzAction::Run);
            ci += (self.s.total_in() - ti) as usize;
            co += (self.s.total_out() - to) as usize;
            match r {
                Ok(LzStatus::StreamEnd) => return Ok((ci, co, true)),
                Ok(LzStatus::GetCheck) => self.check = header_check(&self.head),
                Err(LzErr::NoCheck) => self.check = CHECK_NONE,
                Ok(_) => return Ok((ci, co, false)),
                Err(e) => return Err(lz_err(ts, e)),
            }
        }
        Ok((ci, co, false))
    }
}

struct LzDecompressor {
    d: Mutex<Buffered<LzEngine>>,
}
impl PyPayload for LzDecompressor {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 52);
}

struct LzCompressor {
    s: Mutex<Option<Stream>>,
}
impl PyPayload for LzCompressor {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 53);
}

fn int_opt(ts: &ThreadState, v: &Option<Value>, dflt: i64) -> PyResult<i64> {
    match v {
        Some(v) if !v.is(&none()) => {
            index_int(ts, v)?.to_i64().ok_or_else(|| err!(OverflowError, "Python int too large to convert to C int"))
        }
        _ => Ok(dflt),
    }
}

fn lz_run(ts: &ThreadState, s: &mut Stream, input: &[u8], action: LzAction) -> PyResult<Vec<u8>> {
    let finish = matches!(action, LzAction::Finish);
    let mut out: Vec<u8> = Vec::with_capacity(input.len() / 4 + 128);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 4096 {
            out.reserve(out.capacity().max(8192));
        }
        let ti = s.total_in();
        let st = s.process_vec(&input[pos..], &mut out, action).map_err(|e| lz_err(ts, e))?;
        pos += (s.total_in() - ti) as usize;
        if finish {
            if matches!(st, LzStatus::StreamEnd) {
                break;
            }
        } else if pos >= input.len() && out.capacity() > out.len() {
            break;
        }
    }
    Ok(out)
}

fn lzc_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_of(&a)?;
    let [format, check, preset, filters] = parse("LZMACompressor", &a, 1, ["format", "check", "preset", "filters"], 0)?;
    let format = int_opt(ts, &format, FORMAT_XZ)?;
    let check = int_opt(ts, &check, -1)?;
    let preset_given = preset.as_ref().is_some_and(|p| !p.is(&none()));
    let filters = filters.filter(|f| !f.is(&none()));
    if format != FORMAT_XZ && check != -1 && check != CHECK_NONE {
        raise!(ValueError, "Integrity checks are only supported by FORMAT_XZ");
    }
    if preset_given && filters.is_some() {
        raise!(ValueError, "Cannot specify both preset and filter chain");
    }
    let preset = match &preset {
        Some(p) if preset_given => u32_of(ts, p)?,
        _ => 6,
    };
    let bad_preset = || lz_error(ts, &format!("Invalid compression preset: {}", preset));
    let stream = match format {
        FORMAT_XZ => {
            let chk = match if check == -1 { 4 } else { check } {
                0 => Check::None,
                1 => Check::Crc32,
                4 => Check::Crc64,
                10 => Check::Sha256,
                _ => return Err(lz_error(ts, "Unsupported integrity check")),
            };
            match &filters {
                None => Stream::new_easy_encoder(preset, chk),
                Some(f) => {
                    let specs = parse_filters(ts, f)?;
                    let fl = build_filters(ts, &specs)?;
                    Stream::new_stream_encoder(&fl, chk)
                }
            }
        }
        FORMAT_ALONE => {
            let opts = match &filters {
                None => LzmaOptions::new_preset(preset).map_err(|_| bad_preset())?,
                Some(f) => {
                    let specs = parse_filters(ts, f)?;
                    match specs.as_slice() {
                        [FilterSpec::Lzma { id, opts }] if *id == FILTER_LZMA1 => {
                            lzma_options(opts).ok_or_else(|| lz_err(ts, LzErr::Options))?
                        }
                        _ => raise!(ValueError, "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter"),
                    }
                }
            };
            Stream::new_lzma_encoder(&opts)
        }
        FORMAT_RAW => {
            let Some(f) = &filters else { raise!(ValueError, "Must specify filters for FORMAT_RAW") };
            let specs = parse_filters(ts, f)?;
            let fl = build_filters(ts, &specs)?;
            Stream::new_raw_encoder(&fl)
        }
        _ => raise!(ValueError, "Invalid container format: {}", format),
    };
    let stream = stream.map_err(|e| lz_err(ts, e))?;
    Ok(alloc(cls, LzCompressor { s: Mutex::new(Some(stream)) }))
}

fn lzc_compress(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = payload::<LzCompressor>(&a, "_lzma.LZMACompressor")?;
    let data = compress_arg(ts, &a, "LZMACompressor")?;
    let mut g = s.s.lock();
    let Some(st) = g.as_mut() else { raise!(ValueError, "Compressor has been flushed") };
    Ok(new_bytes(&lz_run(ts, st, &data, LzAction::Run)?))
}

fn lzc_flush(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = payload::<LzCompressor>(&a, "_lzma.LZMACompressor")?;
    no_args(&a, "flush")?;
    let mut g = s.s.lock();
    let Some(st) = g.as_mut() else { raise!(ValueError, "Repeated call to flush()") };
    let out = lz_run(ts, st, &[], LzAction::Finish)?;
    *g = None;
    Ok(new_bytes(&out))
}

fn lzd_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_of(&a)?;
    let [format, memlimit, filters] = parse("LZMADecompressor", &a, 1, ["format", "memlimit", "filters"], 0)?;
    let format = int_opt(ts, &format, FORMAT_AUTO)?;
    let memlimit = memlimit.filter(|m| !m.is(&none()));
    let filters = filters.filter(|f| !f.is(&none()));
    if memlimit.is_some() && format == FORMAT_RAW {
        raise!(ValueError, "Cannot specify memory limit with FORMAT_RAW");
    }
    if format == FORMAT_RAW && filters.is_none() {
        raise!(ValueError, "Must specify filters for FORMAT_RAW");
    }
    if format != FORMAT_RAW && filters.is_some() {
        raise!(ValueError, "Cannot specify filters except with FORMAT_RAW");
    }
    let limit = match &memlimit {
        Some(m) => {
            let i = index_int(ts, m)?;
            match i.to_i64() {
                Some(x) if x >= 0 => x as u64,
                _ => raise!(OverflowError, "Python int too large to convert to C unsigned long long"),
            }
        }
        None => u64::MAX,
    };
    let flags = liblzma::stream::TELL_ANY_CHECK | liblzma::stream::TELL_NO_CHECK;
    let (stream, check) = match format {
        FORMAT_AUTO => (Stream::new_auto_decoder(limit, flags), CHECK_UNKNOWN),
        FORMAT_XZ => (Stream::new_stream_decoder(limit, flags), CHECK_UNKNOWN),
        FORMAT_ALONE => (Stream::new_lzma_decoder(limit), CHECK_NONE),
        FORMAT_RAW => {
            let specs = parse_filters(ts, filters.as_ref().unwrap_or(&none()))?;
            let fl = build_filters(ts, &specs)?;
            (Stream::new_raw_decoder(&fl), CHECK_NONE)
        }
        _ => raise!(ValueError, "Invalid container format: {}", format),
    };
    let stream = stream.map_err(|e| lz_err(ts, e))?;
    let e = LzEngine { s: stream, head: Vec::new(), check };
    Ok(alloc(cls, LzDecompressor { d: Mutex::new(Buffered::new(e)) }))
}

fn lzd_decompress(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = payload::<LzDecompressor>(&a, "_lzma.LZMADecompressor")?;
    let (data, max) = decompress_args(ts, &a)?;
    let out = s.d.lock().decompress(ts, &data, max)?;
    Ok(new_bytes(&out))
}

fn lzd_eof(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(payload::<LzDecompressor>(&a, "_lzma.LZMADecompressor")?.d.lock().eof))
}
fn lzd_unused(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bytes(&payload::<LzDecompressor>(&a, "_lzma.LZMADecompressor")?.d.lock().unused))
}
fn lzd_needs(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(payload::<LzDecompressor>(&a, "_lzma.LZMADecompressor")?.d.lock().needs_input))
}
fn lzd_check(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(payload::<LzDecompressor>(&a, "_lzma.LZMADecompressor")?.d.lock().e.check))
}

fn lz_is_check_supported(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = super::exact("is_check_supported", &a, 0, 1, 1)?;
    let c = index_int(ts, &v[0])?.to_i64().unwrap_or(-1);
    Ok(new_bool(matches!(c, 0 | 1 | 4 | 10)))
}

fn lz_encode_props(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = super::exact("_encode_filter_properties", &a, 0, 1, 1)?;
    let spec = parse_filter(ts, &v[0])?;
    match encode_props(&spec) {
        Some(p) => Ok(new_bytes(&p)),
        None => Err(lz_err(ts, LzErr::Options)),
    }
}

fn lz_decode_props(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = super::exact("_decode_filter_properties", &a, 0, 2, 2)?;
    let idi = index_int(ts, &v[0])?;
    let id = match idi.to_i64() {
        Some(x) if x >= 0 => x as u64,
        _ => idi.to_string().parse::<u64>().map_err(|_| err!(OverflowError, "Python int too large to convert to C unsigned long long"))?,
    };
    let p = bytes_of(ts, &v[1], "")?;
    let d = spindle_vm::builtins_init::new_dict();
    let set = |k: &str, x: u64| ops::setitem(ts, &d, &new_str(k), spindle_vm::builtins_init::numbers::from_int(spindle_num::Int::from(x)));
    let bad = || lz_err(ts, LzErr::Options);
    set("id", id)?;
    if id == FILTER_LZMA1 {
        if p.len() != 5 || p[0] > (4 * 5 + 4) * 9 + 8 {
            return Err(bad());
        }
        let b = p[0] as u64;
        set("lc", b % 9)?;
        set("lp", (b / 9) % 5)?;
        set("pb", b / 45)?;
        set("dict_size", u32::from_le_bytes([p[1], p[2], p[3], p[4]]) as u64)?;
    } else if id == FILTER_LZMA2 {
        if p.len() != 1 || p[0] > 40 {
            return Err(bad());
        }
        let b = p[0] as u64;
        let size = if b == 40 { u32::MAX as u64 } else { (2 | (b & 1)) << (b / 2 + 11) };
        set("dict_size", size)?;
    } else if id == FILTER_DELTA {
        if p.len() != 1 {
            return Err(bad());
        }
        set("dist", p[0] as u64 + 1)?;
    } else if BCJ_FILTERS.contains(&id) {
        match p.len() {
            0 => {}
            4 => set("start_offset", u32::from_le_bytes([p[0], p[1], p[2], p[3]]) as u64)?,
            _ => return Err(bad()),
        }
    } else {
        raise!(ValueError, "Invalid filter ID: {}", id);
    }
    Ok(d)
}

pub(crate) fn init_lzma(ts: &ThreadState) -> PyResult<Value> {
    let m = new_module(
        "_lzma",
        &[
            ("is_check_supported", lz_is_check_supported),
            ("_encode_filter_properties", lz_encode_props),
            ("_decode_filter_properties", lz_decode_props),
        ],
    );
    let e = match LZMA_ERROR.get() {
        Some(e) => e.clone(),
        None => {
            let e = new_exc_class(ts, "_lzma", "LZMAError", rt().exc.Exception)?;
            let _ = LZMA_ERROR.set(e.clone());
            e
        }
    };
    add_value(&m, "LZMAError", e);
    let ct = *LZC_T.get_or_init(|| {
        let t = new_type::<LzCompressor>("LZMACompressor", "_lzma", None, true);
        set_new(t, lzc_new);
        add_methods(t, &[("compress", lzc_compress), ("flush", lzc_flush)]);
        t
    });
    let dt = *LZD_T.get_or_init(|| {
        let t = new_type::<LzDecompressor>("LZMADecompressor", "_lzma", None, true);
        set_new(t, lzd_new);
        add_methods(t, &[("decompress", lzd_decompress)]);
        add_getter(t, "eof", lzd_eof);
        add_getter(t, "unused_data", lzd_unused);
        add_getter(t, "needs_input", lzd_needs);
        add_getter(t, "check", lzd_check);
        t
    });
    add_value(&m, "LZMACompressor", ct.to_value());
    add_value(&m, "LZMADecompressor", dt.to_value());
    let ints: [(&str, i64); 25] = [
        ("FORMAT_AUTO", FORMAT_AUTO),
        ("FORMAT_XZ", FORMAT_XZ),
        ("FORMAT_ALONE", FORMAT_ALONE),
        ("FORMAT_RAW", FORMAT_RAW),
        ("CHECK_NONE", 0),
        ("CHECK_CRC32", 1),
        ("CHECK_CRC64", 4),
        ("CHECK_SHA256", 10),
        ("CHECK_ID_MAX", 15),
        ("CHECK_UNKNOWN", CHECK_UNKNOWN),
        ("FILTER_LZMA2", FILTER_LZMA2 as i64),
        ("FILTER_DELTA", FILTER_DELTA as i64),
        ("FILTER_X86", 4),
        ("FILTER_POWERPC", 5),
        ("FILTER_IA64", 6),
        ("FILTER_ARM", 7),
        ("FILTER_ARMTHUMB", 8),
        ("FILTER_SPARC", 9),
        ("MF_HC3", 0x03),
        ("MF_HC4", 0x04),
        ("MF_BT2", 0x12),
        ("MF_BT3", 0x13),
        ("MF_BT4", 0x14),
        ("MODE_FAST", 1),
        ("MODE_NORMAL", 2),
    ];
    for (k, v) in ints {
        add_value(&m, k, new_int(v));
    }
    add_value(&m, "FILTER_LZMA1", spindle_vm::builtins_init::numbers::from_int(spindle_num::Int::from(FILTER_LZMA1)));
    add_value(&m, "PRESET_DEFAULT", new_int(6));
    add_value(&m, "PRESET_EXTREME", new_int(0x8000_0000));
    Ok(m)
}
