//! `zlib` on flate2's pure-Rust deflate: one-shot `compress`/`decompress`,
//! streaming `compressobj`/`decompressobj`, `crc32`/`adler32`, the zlib,
//! raw and gzip container formats chosen by `wbits` as zlib does.

use std::sync::OnceLock;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use parking_lot::Mutex;
use spindle_vm::bytes::new_bytes;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_methods, add_value, new_module, new_type, set_new};
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{none, rt};
use spindle_vm::str::new_str;
use spindle_vm::{PyErr, PyResult, Value, err, raise};

use super::binascii::{crc32, u32_arg};
use super::compress::{Buffered, Engine, decompress_args};
use super::{add_getter, bytes_of, exc_of, exact, index_i64, new_exc_class, parse, this};

static ERROR: OnceLock<Value> = OnceLock::new();
static COMP_T: OnceLock<TypeRef> = OnceLock::new();
static DECOMP_T: OnceLock<TypeRef> = OnceLock::new();

fn error(ts: &ThreadState, msg: &str) -> PyErr {
    match ERROR.get() {
        Some(c) => exc_of(ts, c, msg),
        None => err!(ValueError, "{}", msg),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Container {
    Zlib,
    Raw,
    Gzip,
    Auto,
}

fn container(ts: &ThreadState, wbits: i64, decompress: bool) -> PyResult<Container> {
    Ok(match wbits {
        0 if decompress => Container::Zlib,
        8..=15 => Container::Zlib,
        -15..=-8 => Container::Raw,
        24..=31 => Container::Gzip,
        40..=47 if decompress => Container::Auto,
        _ => {
            if decompress {
                raise!(ValueError, "Invalid initialization option");
            }
            let _ = ts;
            raise!(ValueError, "Invalid initialization option")
        }
    })
}

fn adler32(data: &[u8], start: u32) -> u32 {
    let (mut a, mut b) = (start & 0xffff, start >> 16);
    for chunk in data.chunks(5000) {
        for x in chunk {
            a += *x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

fn level_of(ts: &ThreadState, v: Option<&Value>) -> PyResult<Compression> {
    let l = match v {
        Some(v) => index_i64(ts, v)?,
        None => -1,
    };
    if l == -1 {
        return Ok(Compression::new(6));
    }
    if !(0..=9).contains(&l) {
        return Err(error(ts, "Bad compression level"));
    }
    Ok(Compression::new(l as u32))
}

const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

struct Deflater {
    z: Compress,
    kind: Container,
    header_done: bool,
    crc: u32,
    size: u32,
    finished: bool,
    level: u32,
    /// A preset dictionary: the deflate stream runs raw after being primed
    /// with it, and the zlib header and trailer are written here.
    zdict: Option<Vec<u8>>,
    adler: u32,
}

/// Compresses `dict` into `z` with a sync flush and drops the output: the
/// compressor then holds `dict` as history, and what it writes next starts
/// on a byte boundary with a fresh block.
fn prime_compressor(z: &mut Compress, dict: &[u8]) -> Result<(), String> {
    let mut scratch = Vec::with_capacity(dict.len() * 2 + 1024);
    let start = z.total_in();
    loop {
        scratch.clear();
        let done = (z.total_in() - start) as usize;
        z.compress_vec(&dict[done.min(dict.len())..], &mut scratch, FlushCompress::Sync).map_err(|e| e.to_string())?;
        if (z.total_in() - start) as usize >= dict.len() && scratch.len() < scratch.capacity() {
            return Ok(());
        }
    }
}

impl Deflater {
    fn new(level: Compression, kind: Container) -> Deflater {
        Deflater {
            z: Compress::new(level, kind == Container::Zlib),
            kind,
            header_done: false,
            crc: 0,
            size: 0,
            finished: false,
            level: level.level(),
            zdict: None,
            adler: 1,
        }
    }

    fn with_dict(level: Compression, kind: Container, dict: Vec<u8>) -> Deflater {
        let mut d = Deflater::new(level, kind);
        if kind == Container::Zlib {
            d.z = Compress::new(level, false);
        }
        d.zdict = Some(dict);
        d
    }

    fn run(&mut self, input: &[u8], flush: FlushCompress) -> Result<Vec<u8>, String> {
        let mut out = Vec::with_capacity(input.len() / 2 + 64);
        if self.kind == Container::Gzip && !self.header_done {
            out.extend_from_slice(&GZIP_HEADER);
            self.header_done = true;
        }
        if let Some(dict) = &self.zdict {
            if !self.header_done {
                prime_compressor(&mut self.z, dict)?;
                if self.kind == Container::Zlib {
                    let flevel: u8 = match self.level {
                        0 | 1 => 0,
                        2..=5 => 1,
                        6 => 2,
                        _ => 3,
                    };
                    let cmf = 0x78u8;
                    let mut flg = (flevel << 6) | 0x20;
                    flg += (31 - ((cmf as u32 * 256 + flg as u32) % 31) as u8) % 31;
                    out.extend_from_slice(&[cmf, flg]);
                    out.extend_from_slice(&adler32(dict, 1).to_be_bytes());
                }
                self.header_done = true;
            }
            self.adler = adler32(input, self.adler);
        }
        if self.kind == Container::Gzip {
            self.crc = crc32(input, self.crc);
            self.size = self.size.wrapping_add(input.len() as u32);
        }
        let mut pos = 0;
        loop {
            if out.capacity() - out.len() < 1024 {
                out.reserve(out.capacity().max(4096));
            }
            let before_in = self.z.total_in();
            let before_out = self.z.total_out();
            let st = self.z.compress_vec(&input[pos..], &mut out, flush).map_err(|e| e.to_string())?;
            let consumed = (self.z.total_in() - before_in) as usize;
            pos += consumed;
            let produced = self.z.total_out() - before_out;
            if st == Status::StreamEnd {
                self.finished = true;
                break;
            }
            let spare = out.capacity() > out.len();
            if pos >= input.len() && spare && flush != FlushCompress::Finish {
                break;
            }
            if consumed == 0 && produced == 0 && spare {
                break;
            }
        }
        if self.finished && self.kind == Container::Gzip {
            out.extend_from_slice(&self.crc.to_le_bytes());
            out.extend_from_slice(&self.size.to_le_bytes());
        }
        if self.finished && self.kind == Container::Zlib && self.zdict.is_some() {
            out.extend_from_slice(&self.adler.to_be_bytes());
        }
        Ok(out)
    }
}

/// Length of a gzip header at the start of `d`, Ok(None) if incomplete.
fn gzip_header_len(d: &[u8]) -> Result<Option<usize>, &'static str> {
    if d.len() < 10 {
        return Ok(None);
    }
    if d[0] != 0x1f || d[1] != 0x8b {
        return Err("incorrect header check");
    }
    if d[2] != 8 {
        return Err("unknown compression method");
    }
    let flags = d[3];
    let mut p = 10;
    if flags & 4 != 0 {
        if d.len() < p + 2 {
            return Ok(None);
        }
        p += 2 + (d[p] as usize | (d[p + 1] as usize) << 8);
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            match d.get(p..).and_then(|r| r.iter().position(|c| *c == 0)) {
                Some(n) => p += n + 1,
                None => return Ok(None),
            }
        }
    }
    if flags & 2 != 0 {
        p += 2;
    }
    if d.len() < p {
        return Ok(None);
    }
    Ok(Some(p))
}

struct Inflater {
    z: Decompress,
    kind: Container,
    /// Input held back while a gzip header is incomplete.
    head: Vec<u8>,
    in_body: bool,
    trailer_left: usize,
    eof: bool,
    unused: Vec<u8>,
    tail: Vec<u8>,
    /// A preset dictionary (zdict).
    zdict: Option<Vec<u8>>,
    /// Bytes of trailer after the deflate data (gzip 8; zlib with a
    /// dictionary, decoded raw here, 4).
    trailer_len: usize,
}

/// Feeds `dict` to the raw inflater `z` as a non-final stored block and
/// drops its output: the inflater then holds `dict` as history.
fn prime_inflater(z: &mut Decompress, dict: &[u8]) -> Result<(), String> {
    let dict = &dict[dict.len().saturating_sub(32768)..];
    let mut block = Vec::with_capacity(dict.len() + 5);
    let n = dict.len() as u16;
    block.push(0);
    block.extend_from_slice(&n.to_le_bytes());
    block.extend_from_slice(&(!n).to_le_bytes());
    block.extend_from_slice(dict);
    let mut scratch = Vec::with_capacity(dict.len() + 64);
    let start = z.total_in();
    while ((z.total_in() - start) as usize) < block.len() {
        scratch.clear();
        let done = (z.total_in() - start) as usize;
        let before = z.total_in();
        z.decompress_vec(&block[done..], &mut scratch, FlushDecompress::None).map_err(|e| e.to_string())?;
        if z.total_in() == before && scratch.is_empty() {
            break;
        }
    }
    Ok(())
}

impl Inflater {
    fn new(kind: Container) -> Inflater {
        Inflater {
            z: Decompress::new(kind == Container::Zlib),
            kind,
            head: Vec::new(),
            in_body: matches!(kind, Container::Zlib | Container::Raw),
            trailer_left: 0,
            eof: false,
            unused: Vec::new(),
            tail: Vec::new(),
            zdict: None,
            trailer_len: 8,
        }
    }

    fn with_dict(kind: Container, dict: Option<Vec<u8>>) -> Result<Inflater, String> {
        let mut i = Inflater::new(kind);
        if let Some(d) = &dict {
            if kind == Container::Raw {
                prime_inflater(&mut i.z, d)?;
            }
        }
        i.zdict = dict;
        Ok(i)
    }

    /// Inflates `input`; at most `max` bytes of output when max > 0.
    fn run(&mut self, input: &[u8], max: usize) -> Result<Vec<u8>, String> {
        let data: Vec<u8>;
        let mut input = input;
        if self.eof {
            self.unused.extend_from_slice(input);
            return Ok(Vec::new());
        }
        if !self.in_body {
            self.head.extend_from_slice(input);
            if self.kind == Container::Auto {
                if self.head.len() < 2 {
                    return Ok(Vec::new());
                }
                if self.head[0] == 0x1f && self.head[1] == 0x8b {
                    self.kind = Container::Gzip;
                } else {
                    self.kind = Container::Zlib;
                    self.z = Decompress::new(true);
                    self.in_body = true;
                }
            }
            if self.kind == Container::Gzip {
                match gzip_header_len(&self.head) {
                    Ok(None) => return Ok(Vec::new()),
                    Ok(Some(n)) => {
                        self.z = Decompress::new(false);
                        data = self.head.split_off(n);
                        self.head.clear();
                        self.in_body = true;
                    }
                    Err(e) => return Err(e.to_string()),
                }
            } else {
                data = std::mem::take(&mut self.head);
            }
            input = &[];
            let _ = input;
            return self.body(&data, max);
        }
        data = input.to_vec();
        self.body(&data, max)
    }

    fn body(&mut self, input: &[u8], max: usize) -> Result<Vec<u8>, String> {
        let mut input = input;
        if self.kind == Container::Zlib && self.z.total_in() == 0 && input.len() >= 2 {
            let (b0, b1) = (input[0] as u32, input[1] as u32);
            if b0 & 0x0f != 8 || (b0 * 256 + b1) % 31 != 0 {
                return Err("incorrect header check".into());
            }
            if b1 & 0x20 != 0 {
                let Some(dict) = self.zdict.clone() else { return Err(NEED_DICT.into()) };
                if input.len() < 6 {
                    self.head = input.to_vec();
                    self.in_body = false;
                    return Ok(Vec::new());
                }
                if u32::from_be_bytes([input[2], input[3], input[4], input[5]]) != adler32(&dict, 1) {
                    return Err(BAD_DICT.into());
                }
                self.z = Decompress::new(false);
                prime_inflater(&mut self.z, &dict)?;
                self.kind = Container::Raw;
                self.trailer_len = 4;
                input = &input[6..];
            }
        }
        if self.trailer_left > 0 {
            let n = self.trailer_left.min(input.len());
            self.trailer_left -= n;
            if self.trailer_left == 0 {
                self.eof = true;
            }
            self.unused.extend_from_slice(&input[n..]);
            return Ok(Vec::new());
        }
        let mut out = Vec::with_capacity((input.len() * 3).clamp(256, 1 << 20));
        let mut pos = 0;
        loop {
            let room = if max > 0 { max.saturating_sub(out.len()) } else { usize::MAX };
            if room == 0 {
                break;
            }
            if out.capacity() == out.len() {
                out.reserve(out.capacity().max(4096));
            }
            // With a max_length, input goes in small pieces so that what is
            // not needed for max_length bytes of output stays unconsumed
            // (the inflater takes all it is given into its window).
            let end = if max > 0 { (pos + (room / 4).clamp(2, 65536)).min(input.len()) } else { input.len() };
            if max > 0 && out.capacity() - out.len() > room {
                // Keep the output within max_length.
                let mut small = Vec::with_capacity(room);
                let bi = self.z.total_in();
                let st = self.z.decompress_vec(&input[pos..end], &mut small, FlushDecompress::None).map_err(|e| e.to_string())?;
                let used = (self.z.total_in() - bi) as usize;
                pos += used;
                let got = small.len();
                out.extend_from_slice(&small);
                if st == Status::StreamEnd {
                    self.finish_stream(&input[pos..]);
                    return Ok(out);
                }
                if got == 0 && (pos >= input.len() || used == 0) {
                    break;
                }
                continue;
            }
            let bi = self.z.total_in();
            let bo = self.z.total_out();
            let st = self.z.decompress_vec(&input[pos..end], &mut out, FlushDecompress::None).map_err(|e| e.to_string())?;
            pos += (self.z.total_in() - bi) as usize;
            if st == Status::StreamEnd {
                self.finish_stream(&input[pos..]);
                return Ok(out);
            }
            let produced = self.z.total_out() - bo;
            if pos >= input.len() && produced == 0 {
                break;
            }
            if produced == 0 && (self.z.total_in() - bi) == 0 && out.capacity() > out.len() {
                break;
            }
        }
        self.tail = input[pos..].to_vec();
        Ok(out)
    }

    fn finish_stream(&mut self, rest: &[u8]) {
        self.tail.clear();
        if self.kind == Container::Gzip || self.trailer_len == 4 {
            let n = rest.len().min(self.trailer_len);
            self.trailer_left = self.trailer_len - n;
            self.unused.extend_from_slice(&rest[n..]);
            self.eof = self.trailer_left == 0;
        } else {
            self.unused.extend_from_slice(rest);
            self.eof = true;
        }
    }
}

const NEED_DICT: &str = "<need dict>";
const BAD_DICT: &str = "<bad dict>";

fn z_err(ts: &ThreadState, what: &str, e: &str) -> PyErr {
    if e == NEED_DICT {
        return error(ts, &format!("Error 2 while {}", what));
    }
    if e == BAD_DICT {
        return error(ts, "Error -3 while setting zdict: invalid input data");
    }
    let msg = if e.contains("header") { "incorrect header check".to_owned() } else { format!("invalid data ({})", e) };
    error(ts, &format!("Error -3 while {}: {}", what, msg))
}

fn z_compress(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [data, level, wbits] = parse("compress", &a, 0, ["data", "level", "wbits"], 1)?;
    let data = bytes_of(ts, data.as_ref().unwrap_or(&none()), "")?;
    let level = level_of(ts, level.as_ref())?;
    let wb = match wbits {
        Some(v) => index_i64(ts, &v)?,
        None => 15,
    };
    let kind = container(ts, wb, false)?;
    let mut d = Deflater::new(level, kind);
    let out = d.run(&data, FlushCompress::Finish).map_err(|e| error(ts, &format!("Error -2 while compressing data: {}", e)))?;
    Ok(new_bytes(&out))
}

fn z_decompress(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [data, wbits, _bufsize] = parse("decompress", &a, 0, ["data", "wbits", "bufsize"], 1)?;
    let data = bytes_of(ts, data.as_ref().unwrap_or(&none()), "")?;
    let wb = match wbits {
        Some(v) => index_i64(ts, &v)?,
        None => 15,
    };
    let kind = container(ts, wb, true)?;
    let mut inf = Inflater::new(kind);
    let out = inf.run(&data, 0).map_err(|e| z_err(ts, "decompressing data", &e))?;
    if !inf.eof {
        return Err(error(ts, "Error -5 while decompressing data: incomplete or truncated stream"));
    }
    Ok(new_bytes(&out))
}

fn z_crc32(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("crc32", &a, 0, 1, 2)?;
    let d = bytes_of(ts, &v[0], "")?;
    let c = u32_arg(ts, v.get(1), 0)?;
    Ok(new_int(crc32(&d, c) as i64))
}

fn z_adler32(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("adler32", &a, 0, 1, 2)?;
    let d = bytes_of(ts, &v[0], "")?;
    let c = u32_arg(ts, v.get(1), 1)?;
    Ok(new_int(adler32(&d, c) as i64))
}

pub(crate) struct PyCompress {
    d: Mutex<Option<Deflater>>,
}
impl PyPayload for PyCompress {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 20);
}

pub(crate) struct PyDecompress {
    d: Mutex<Inflater>,
}
impl PyPayload for PyDecompress {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 21);
}

fn z_compressobj(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [level, method, wbits, _mem, _strategy, zdict] =
        parse("compressobj", &a, 0, ["level", "method", "wbits", "memLevel", "strategy", "zdict"], 0)?;
    let level = level_of(ts, level.as_ref())?;
    if let Some(m) = method {
        if index_i64(ts, &m)? != 8 {
            raise!(ValueError, "Invalid initialization option");
        }
    }
    let wb = match wbits {
        Some(v) => index_i64(ts, &v)?,
        None => 15,
    };
    let kind = container(ts, wb, false)?;
    let t = COMP_T.get().copied().unwrap_or(rt().types.object);
    let d = match zdict_of(ts, zdict)? {
        Some(dict) => Deflater::with_dict(level, kind, dict),
        None => Deflater::new(level, kind),
    };
    Ok(alloc(t, PyCompress { d: Mutex::new(Some(d)) }))
}

fn c_compress(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = this::<PyCompress>(&a, "zlib.Compress")?;
    let v = exact("compress", &a, 1, 1, 1)?;
    let data = bytes_of(ts, &v[0], "")?;
    let mut g = c.d.lock();
    let Some(d) = g.as_mut() else { return Err(error(ts, "Error -2 while compressing data: inconsistent stream state")) };
    let out = d.run(&data, FlushCompress::None).map_err(|e| error(ts, &format!("Error -2 while compressing data: {}", e)))?;
    Ok(new_bytes(&out))
}

fn c_flush(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, c) = this::<PyCompress>(&a, "zlib.Compress")?;
    let v = exact("flush", &a, 1, 0, 1)?;
    let mode = match v.first() {
        Some(m) => index_i64(ts, m)?,
        None => 4,
    };
    if mode == 0 {
        return Ok(new_bytes(&[]));
    }
    let flush = match mode {
        2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        1 => FlushCompress::Partial,
        _ => FlushCompress::Finish,
    };
    let mut g = c.d.lock();
    let Some(d) = g.as_mut() else { return Err(error(ts, "Error -2 while flushing: inconsistent stream state")) };
    let out = d.run(&[], flush).map_err(|e| error(ts, &format!("Error -2 while flushing: {}", e)))?;
    if flush == FlushCompress::Finish {
        *g = None;
    }
    Ok(new_bytes(&out))
}

fn z_decompressobj(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [wbits, zdict] = parse("decompressobj", &a, 0, ["wbits", "zdict"], 0)?;
    let wb = match wbits {
        Some(v) => index_i64(ts, &v)?,
        None => 15,
    };
    let kind = container(ts, wb, true)?;
    let t = DECOMP_T.get().copied().unwrap_or(rt().types.object);
    let inf = Inflater::with_dict(kind, zdict_of(ts, zdict)?).map_err(|e| z_err(ts, "setting zdict", &e))?;
    Ok(alloc(t, PyDecompress { d: Mutex::new(inf) }))
}

fn d_decompress(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, d) = this::<PyDecompress>(&a, "zlib.Decompress")?;
    let [data, max] = parse("decompress", &a, 1, ["data", "max_length"], 1)?;
    let data = bytes_of(ts, data.as_ref().unwrap_or(&none()), "")?;
    let max = match max {
        Some(v) => index_i64(ts, &v)?,
        None => 0,
    };
    if max < 0 {
        raise!(ValueError, "max_length must be non-negative");
    }
    let mut g = d.d.lock();
    g.tail.clear();
    let out = g.run(&data, max as usize).map_err(|e| z_err(ts, "decompressing data", &e))?;
    Ok(new_bytes(&out))
}

fn d_flush(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, d) = this::<PyDecompress>(&a, "zlib.Decompress")?;
    let v = exact("flush", &a, 1, 0, 1)?;
    if let Some(n) = v.first() {
        if index_i64(ts, n)? <= 0 {
            raise!(ValueError, "length must be greater than zero");
        }
    }
    let mut g = d.d.lock();
    let tail = std::mem::take(&mut g.tail);
    let out = g.run(&tail, 0).map_err(|e| z_err(ts, "flushing", &e))?;
    g.tail.clear();
    Ok(new_bytes(&out))
}

/// The `zdict` argument: None when absent, else its bytes.
fn zdict_of(ts: &ThreadState, v: Option<Value>) -> PyResult<Option<Vec<u8>>> {
    match v {
        None => Ok(None),
        Some(v) => {
            if v.downcast::<spindle_vm::str::PyStr>().is_some() || spindle_vm::str::as_str(&v).is_some() {
                raise!(TypeError, "zdict argument must support the buffer protocol");
            }
            Ok(Some(bytes_of(ts, &v, "")?))
        }
    }
}

/// `_ZlibDecompressor`: the Inflater behind the buffered-decompressor API.
struct ZEngine(Inflater);

impl Engine for ZEngine {
    fn step(&mut self, ts: &ThreadState, input: &[u8], out: &mut [u8]) -> PyResult<(usize, usize, bool)> {
        let inf = &mut self.0;
        let before_unused = inf.unused.len();
        inf.tail.clear();
        let v = inf.run(input, out.len()).map_err(|e| z_err(ts, "decompressing data", &e))?;
        let n = v.len().min(out.len());
        out[..n].copy_from_slice(&v[..n]);
        if inf.eof {
            let extra = inf.unused.len() - before_unused;
            inf.unused.truncate(before_unused);
            return Ok((input.len().saturating_sub(extra), n, true));
        }
        let consumed = input.len().saturating_sub(inf.tail.len());
        inf.tail.clear();
        Ok((consumed, n, false))
    }
}

pub(crate) struct PyZlibDecompressor {
    d: Mutex<Buffered<ZEngine>>,
}
impl PyPayload for PyZlibDecompressor {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 22);
}

static ZD_T: OnceLock<TypeRef> = OnceLock::new();

fn zd_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = super::cls_of(&a)?;
    let [wbits, zdict] = parse("_ZlibDecompressor", &a, 1, ["wbits", "zdict"], 0)?;
    let wb = match wbits {
        Some(v) => index_i64(ts, &v)?,
        None => 15,
    };
    let kind = container(ts, wb, true)?;
    let inf = Inflater::with_dict(kind, zdict_of(ts, zdict)?).map_err(|e| z_err(ts, "setting zdict", &e))?;
    Ok(alloc(cls, PyZlibDecompressor { d: Mutex::new(Buffered::new(ZEngine(inf))) }))
}

fn zd_decompress(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, d) = this::<PyZlibDecompressor>(&a, "zlib._ZlibDecompressor")?;
    let (data, max) = decompress_args(ts, &a)?;
    let out = d.d.lock().decompress(ts, &data, max)?;
    Ok(new_bytes(&out))
}
fn zd_eof(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(this::<PyZlibDecompressor>(&a, "zlib._ZlibDecompressor")?.1.d.lock().eof))
}
fn zd_unused(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bytes(&this::<PyZlibDecompressor>(&a, "zlib._ZlibDecompressor")?.1.d.lock().unused))
}
fn zd_needs(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(this::<PyZlibDecompressor>(&a, "zlib._ZlibDecompressor")?.1.d.lock().needs_input))
}

fn d_unused(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, d) = this::<PyDecompress>(&a, "zlib.Decompress")?;
    Ok(new_bytes(&d.d.lock().unused))
}
fn d_tail(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, d) = this::<PyDecompress>(&a, "zlib.Decompress")?;
    Ok(new_bytes(&d.d.lock().tail))
}
fn d_eof(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, d) = this::<PyDecompress>(&a, "zlib.Decompress")?;
    let g = d.d.lock();
    Ok(new_bool(g.eof))
}

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = new_module(
        "zlib",
        &[
            ("compress", z_compress),
            ("decompress", z_decompress),
            ("crc32", z_crc32),
            ("adler32", z_adler32),
            ("compressobj", z_compressobj),
            ("decompressobj", z_decompressobj),
        ],
    );
    let e = match ERROR.get() {
        Some(e) => e.clone(),
        None => {
            let e = new_exc_class(ts, "zlib", "error", rt().exc.Exception)?;
            let _ = ERROR.set(e.clone());
            e
        }
    };
    add_value(&m, "error", e);
    let ct = *COMP_T.get_or_init(|| {
        let t = new_type::<PyCompress>("Compress", "zlib", None, false);
        add_methods(t, &[("compress", c_compress), ("flush", c_flush)]);
        t
    });
    let dt = *DECOMP_T.get_or_init(|| {
        let t = new_type::<PyDecompress>("Decompress", "zlib", None, false);
        add_methods(t, &[("decompress", d_decompress), ("flush", d_flush)]);
        add_getter(t, "unused_data", d_unused);
        add_getter(t, "unconsumed_tail", d_tail);
        add_getter(t, "eof", d_eof);
        t
    });
    let zt = *ZD_T.get_or_init(|| {
        let t = new_type::<PyZlibDecompressor>("_ZlibDecompressor", "zlib", None, false);
        set_new(t, zd_new);
        add_methods(t, &[("decompress", zd_decompress)]);
        add_getter(t, "eof", zd_eof);
        add_getter(t, "unused_data", zd_unused);
        add_getter(t, "needs_input", zd_needs);
        t
    });
    add_value(&m, "_ZlibDecompressor", zt.to_value());
    let _ = (ct, dt);
    for (k, v) in [
        ("MAX_WBITS", 15),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", 16384),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ] {
        add_value(&m, k, new_int(v));
    }
    add_value(&m, "ZLIB_VERSION", new_str("1.3.1"));
    add_value(&m, "ZLIB_RUNTIME_VERSION", new_str("1.3.1"));
    Ok(m)
}
