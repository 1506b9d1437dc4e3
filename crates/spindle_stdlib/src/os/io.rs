//! The `_io` module, served by the Lib's pure-Python `_pyio`. `_pyio`
//! imports `io`, which imports `_io`: to break that cycle `_io` imports
//! `_pyio` while a small stand-in `io` module (the names `_pyio` reads at
//! import: `__all__`, `SEEK_*`, the ABCs it registers with, `open_code`,
//! `UnsupportedOperation`) sits in `sys.modules`, then puts the real one
//! back and re-exports `_pyio`'s classes under their `_io` names. Also the
//! start-up step that replaces `sys.stdin/stdout/stderr` with real
//! `TextIOWrapper`s over `FileIO(0/1/2)`.
//!
//! `StringIO`, `BytesIO` (`memio.rs`), `FileIO` (`fileio.rs`),
//! `BufferedWriter`/`BufferedReader` (`bufwriter.rs`, `bufreader.rs`; these
//! are what `_pyio.open` makes)
//! and `IncrementalNewlineDecoder` (`newline.rs`, also used by
//! `_pyio.TextIOWrapper`) are native; all but the last derive from the
//! `_pyio`-served `_TextIOBase`/`_BufferedIOBase`/`_RawIOBase`. A few of `_pyio`'s
//! messages and checks are adjusted to the C module's: unsupported
//! operations name just the operation, `BufferedReader.read/read1/peek` of a
//! closed file, the buffered classes' whence check, TextIOWrapper's newline
//! check, its detached buffer and its "not readable"/"not writable", and
//! IOBase's finalizer ignoring a `closed` that cannot be read. The `_pyio`
//! bases are renamed `_IOBase`, `_RawIOBase`, ... as the C module names them.

use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::runtime::none;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_bool;
use spindle_vm::object::TypeRef;
use spindle_vm::value::Value;

const PY_SRC: &str = r#"
import sys as _sys
import abc as _abc

class UnsupportedOperation(OSError, ValueError):
    pass
UnsupportedOperation.__module__ = 'io'

def _stand_in_io():
    m = type(_sys)('io')
    m.__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
                 "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
                 "BufferedReader", "BufferedWriter", "BufferedRWPair",
                 "BufferedRandom", "TextIOBase", "TextIOWrapper",
                 "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
                 "DEFAULT_BUFFER_SIZE", "text_encoding", "IncrementalNewlineDecoder",
                 "Reader", "Writer"]
    m.SEEK_SET, m.SEEK_CUR, m.SEEK_END = 0, 1, 2
    m.UnsupportedOperation = UnsupportedOperation
    class IOBase(metaclass=_abc.ABCMeta): pass
    class RawIOBase(IOBase): pass
    class BufferedIOBase(IOBase): pass
    class TextIOBase(IOBase): pass
    class Reader(metaclass=_abc.ABCMeta): pass
    class Writer(metaclass=_abc.ABCMeta): pass
    m.IOBase, m.RawIOBase, m.BufferedIOBase, m.TextIOBase = IOBase, RawIOBase, BufferedIOBase, TextIOBase
    m.Reader, m.Writer = Reader, Writer
    m.open_code = open_code
    return m

def open_code(path):
    if not isinstance(path, str):
        raise TypeError(f"open_code() argument 'path' must be str, not {type(path).__name__}")
    return open(path, "rb")

def _load():
    saved = _sys.modules.get('io')
    _sys.modules['io'] = _stand_in_io()
    try:
        import _pyio
    finally:
        if saved is None:
            _sys.modules.pop('io', None)
        else:
            _sys.modules['io'] = saved
    return _pyio

_pyio = _load()
del _load, _stand_in_io

DEFAULT_BUFFER_SIZE = _pyio.DEFAULT_BUFFER_SIZE
BlockingIOError = BlockingIOError
def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    # The C io module's mode checks and wording (the pure-Python ones differ).
    if isinstance(mode, str):
        modes = set(mode)
        if modes - set("axrwb+t") or len(mode) > len(modes):
            raise ValueError("invalid mode: %r" % mode)
        if "t" in modes and "b" in modes:
            raise ValueError("can't have text and binary mode at once")
        kinds = ("x" in modes) + ("r" in modes) + ("w" in modes) + ("a" in modes)
        if kinds > 1:
            raise ValueError("must have exactly one of create/read/write/append mode")
        if kinds == 0:
            raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    return _pyio.open(file, mode, buffering, encoding, errors, newline, closefd, opener)
open.__doc__ = _pyio.open.__doc__
open.__module__ = '_io'
text_encoding = _pyio.text_encoding
_IOBase = _pyio.IOBase
_RawIOBase = _pyio.RawIOBase
_BufferedIOBase = _pyio.BufferedIOBase
_TextIOBase = _pyio.TextIOBase
FileIO = _pyio.FileIO
BytesIO = _pyio.BytesIO
StringIO = _pyio.StringIO
BufferedReader = _pyio.BufferedReader
BufferedWriter = _pyio.BufferedWriter
BufferedRWPair = _pyio.BufferedRWPair
BufferedRandom = _pyio.BufferedRandom
TextIOWrapper = _pyio.TextIOWrapper
IncrementalNewlineDecoder = _pyio.IncrementalNewlineDecoder
for _c in (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase, FileIO, BytesIO, StringIO,
           BufferedReader, BufferedWriter, BufferedRWPair, BufferedRandom, TextIOWrapper,
           IncrementalNewlineDecoder):
    try:
        _c.__module__ = '_io'
    except (AttributeError, TypeError):
        pass
del _c

def _adjust(P):
    for c in (P.IOBase, P.RawIOBase, P.BufferedIOBase, P.TextIOBase):
        c.__name__ = c.__qualname__ = '_' + c.__name__
    def _unsupported(self, name):
        raise UnsupportedOperation(name)
    P.IOBase._unsupported = _unsupported
    iobase_del = P.IOBase.__del__
    def __del__(self):
        try:
            closed = self.closed
        except Exception:
            return
        if not closed:
            iobase_del(self)
    P.IOBase.__del__ = __del__
    def closed_check(meth, msg):
        def method(self, *args):
            if self.closed:
                raise ValueError(msg)
            return meth(self, *args)
        method.__name__ = meth.__name__
        method.__qualname__ = meth.__qualname__
        return method
    R = P.BufferedReader
    R.read = closed_check(R.read, "read of closed file")
    R.read1 = closed_check(R.read1, "read of closed file")
    R.peek = closed_check(R.peek, "peek of closed file")
    def _check_newline(self, newline):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("TextIOWrapper() argument 'newline' must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %s" % (newline,))
    P.TextIOWrapper._check_newline = _check_newline
    def whence_check(meth):
        def seek(self, pos, whence=0):
            if whence not in P.valid_seek_flags:
                raise ValueError("whence value %d unsupported" % (whence,))
            return meth(self, pos, whence)
        seek.__qualname__ = meth.__qualname__
        return seek
    for c in (P.BufferedReader, P.BufferedWriter, P.BufferedRandom):
        c.seek = whence_check(c.seek)
    T = P.TextIOWrapper
    tw_write, tw_read, tw_readline = T.write, T.read, T.readline
    fast_write = _textio_write
    def write(self, s):
        n = fast_write(self, s)
        if n is not None:
            return n
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if self._encoder is None and not self.writable():
            raise UnsupportedOperation("not writable")
        return tw_write(self, s)
    def read(self, size=None):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if self._decoder is None and not self.readable():
            raise UnsupportedOperation("not readable")
        return tw_read(self, size)
    fast = _textio_next_line
    def readline(self, size=None):
        if size is None or size == -1:
            line = fast(self)
            if line is not None:
                return line
        if self._decoder is None and not self.closed and not self.readable():
            raise UnsupportedOperation("not readable")
        return tw_readline(self, size)
    tw_next = T.__next__
    def __next__(self):
        self._telling = False
        line = fast(self)
        if line is not None:
            return line
        return tw_next(self)
    __next__.__qualname__ = tw_next.__qualname__
    T.__next__ = __next__
    def newlines(self):
        if self._buffer is None:
            raise ValueError("underlying buffer has been detached")
        return getattr(self._decoder, "newlines", None) if self._decoder else None
    T.newlines = property(newlines)
    for f, orig in ((write, tw_write), (read, tw_read), (readline, tw_readline)):
        f.__qualname__ = orig.__qualname__
        f.__doc__ = orig.__doc__
    T.write, T.read, T.readline = write, read, readline
    def buffer(self):
        b = self._buffer
        if b is None:
            raise ValueError("underlying buffer has been detached")
        return b
    P.TextIOWrapper.buffer = property(buffer)
_adjust(_pyio)
del _adjust

def _install_native(file_io, buffered_writer, buffered_reader, decoder):
    # _pyio.open and _pyio.TextIOWrapper build with the native classes. Its
    # BufferedRandom/BufferedRWPair keep calling the Python BufferedWriter and
    # BufferedReader they derive from, so those module globals stay; open()
    # gets globals naming the native ones.
    import types
    global FileIO, BufferedWriter, BufferedReader, IncrementalNewlineDecoder
    P = _pyio
    P.FileIO = FileIO = file_io
    P.IncrementalNewlineDecoder = IncrementalNewlineDecoder = decoder
    BufferedWriter = buffered_writer
    BufferedReader = buffered_reader
    g = dict(P.__dict__)
    g['BufferedWriter'] = buffered_writer
    g['BufferedReader'] = buffered_reader
    f = P.open
    inner = getattr(f, '__func__', f)
    new = types.FunctionType(inner.__code__, g, inner.__name__, inner.__defaults__, inner.__closure__)
    new.__kwdefaults__ = inner.__kwdefaults__
    new.__doc__, new.__qualname__, new.__module__ = inner.__doc__, inner.__qualname__, '_io'
    if inner is not f:
        new = staticmethod(new)
    # `open` (above) checks modes with the C module's wording, then calls this.
    P.open = new
"#;

/// `_textio_next_line(wrapper)`: the next line of a `_pyio.TextIOWrapper`
/// when its decoded-characters buffer already holds a whole one, as its
/// `readline()` would return it (the same search per newline mode, the same
/// `_decoded_chars_used` update); None when `readline()` itself must run:
/// a subclass, a buffer or raw file other than the plain classes (their
/// `closed` could be anything), closed or detached, no decoder yet, or no
/// line end in the buffered characters.
fn textio_next_line(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(this) = a.args.first() else { return Ok(none()) };
    Ok(fast_line(ts, this).unwrap_or_else(none))
}

fn fast_line(ts: &ThreadState, this: &Value) -> Option<Value> {
    let io_mod = ts.interp.modules.downcast::<spindle_vm::dict::PyDict>().and_then(|d| d.get_str("_io"))?;
    let pyio = super::module_attr(&io_mod, "_pyio")?;
    let cls = |n: &str| super::module_attr(&pyio, n).and_then(|c| TypeRef::from_value(&c));
    if Some(this.type_ref()) != cls("TextIOWrapper") {
        return None;
    }
    let d = spindle_vm::ops::instance_dict(this)?;
    let d = d.downcast::<spindle_vm::dict::PyDict>()?;
    let buffer = d.get_str("_buffer")?;
    if buffer.type_ref() == super::bufreader::reader_type(None) {
        let br = buffer.downcast::<super::bufreader::PyBufferedReader>()?;
        if br.native_raw_closed()? {
            return None;
        }
    } else {
        if Some(buffer.type_ref()) != cls("BufferedRandom") {
            return None;
        }
        let bd = spindle_vm::ops::instance_dict(&buffer)?;
        let raw = bd.downcast::<spindle_vm::dict::PyDict>()?.get_str("_raw")?;
        if raw.type_ref() != super::fileio::file_type(None) {
            return None;
        }
        let closed = spindle_vm::ops::getattr_str(ts, &raw, "closed").ok()?;
        if spindle_vm::ops::is_true(ts, &closed).ok()? {
            return None;
        }
    }
    if d.get_str("_decoder").is_none_or(|x| spindle_vm::runtime::is_none(&x)) {
        return None;
    }
    let chars = d.get_str("_decoded_chars")?;
    let text = spindle_vm::str::as_data(&chars)?;
    let used = spindle_vm::num::int_to_i64(&d.get_str("_decoded_chars_used")?)?;
    let used = usize::try_from(used).ok()?;
    let truthy = |n: &str| d.get_str(n).map(|v| spindle_vm::ops::is_true(ts, &v));
    let translate = truthy("_readtranslate")?.ok()?;
    let universal = truthy("_readuniversal")?.ok()?;
    let n = text.len();
    let at = |i: usize| text.char_at(i).unwrap_or(0);
    let mut endpos = None;
    if translate {
        endpos = (used..n).find(|&i| at(i) == 0x0A).map(|i| i + 1);
    } else if universal {
        if let Some(i) = (used..n).find(|&i| matches!(at(i), 0x0A | 0x0D)) {
            endpos = Some(if at(i) == 0x0D && i + 1 < n && at(i + 1) == 0x0A { i + 2 } else { i + 1 });
        }
    } else {
        // readline() searches the remaining characters for _readnl.
        let nl = d.get_str("_readnl")?;
        let nl = spindle_vm::str::as_data(&nl)?;
        let k = nl.len();
        if k == 0 {
            return None;
        }
        let first = nl.char_at(0)?;
        endpos = (used..n.saturating_sub(k - 1)).find(|&i| at(i) == first && (1..k).all(|j| Some(at(i + j)) == nl.char_at(j))).map(|i| i + k);
    }
    let end = endpos?;
    d.set_str(spindle_vm::str::intern("_decoded_chars_used"), spindle_vm::num::new_int(end as i64));
    Some(spindle_vm::str::new_data(text.substring(used, end)))
}

/// `_textio_write(wrapper, s)`: `_pyio.TextIOWrapper.write(s)` done
/// natively for the common case — the plain class over the native
/// BufferedWriter and an open native FileIO, an exact str without lone
/// surrogates, UTF-8 with 'strict' errors and its encoder already made,
/// nothing decoded pending (no snapshot, no decoder) — with the same
/// newline translation, line-buffering flush and `_telling` update; None
/// when `write()` itself must run.
fn textio_write(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (Some(this), Some(s)) = (a.args.first(), a.args.get(1)) else { return Ok(none()) };
    if s.type_ref() != spindle_vm::runtime::rt().types.str {
        return Ok(none());
    }
    let Some(data) = spindle_vm::str::as_data(s) else { return Ok(none()) };
    let Some(text) = data.to_str() else { return Ok(none()) };
    let Some(plan) = write_plan(ts, this) else { return Ok(none()) };
    let Some(bw) = plan.writer.downcast::<super::bufwriter::PyBufferedWriter>() else { return Ok(none()) };
    let has_lf = text.contains('\n');
    let bytes: std::borrow::Cow<'_, [u8]> = match &plan.translate_to {
        Some(nl) if has_lf => std::borrow::Cow::Owned(text.replace('\n', nl).into_bytes()),
        _ => std::borrow::Cow::Borrowed(text.as_bytes()),
    };
    super::bufwriter::write_data(ts, &plan.writer, bw, &bytes)?;
    if plan.line_buffering && (has_lf || bytes.contains(&b'\r')) {
        super::bufwriter::flush_data(ts, &plan.writer, bw)?;
        if let Some(d) = plan.dict.downcast::<spindle_vm::dict::PyDict>() {
            d.set_str(spindle_vm::str::intern("_telling"), plan.seekable);
        }
    }
    Ok(spindle_vm::num::new_int(data.len() as i64))
}

struct WritePlan {
    writer: Value,
    translate_to: Option<String>,
    line_buffering: bool,
    seekable: Value,
    dict: Value,
}

fn write_plan(ts: &ThreadState, this: &Value) -> Option<WritePlan> {
    let io_mod = ts.interp.modules.downcast::<spindle_vm::dict::PyDict>().and_then(|d| d.get_str("_io"))?;
    let pyio = super::module_attr(&io_mod, "_pyio")?;
    let tw = super::module_attr(&pyio, "TextIOWrapper").and_then(|c| TypeRef::from_value(&c))?;
    if this.type_ref() != tw {
        return None;
    }
    let dict = spindle_vm::ops::instance_dict(this)?;
    let d = dict.downcast::<spindle_vm::dict::PyDict>()?;
    let writer = d.get_str("_buffer")?;
    if writer.type_ref() != super::bufwriter::writer_type(None) {
        return None;
    }
    let bw = writer.downcast::<super::bufwriter::PyBufferedWriter>()?;
    if bw.native_raw_closed()? {
        return None;
    }
    let is_none = |n: &str| d.get_str(n).is_none_or(|v| spindle_vm::runtime::is_none(&v));
    if is_none("_encoder") || !is_none("_snapshot") || !is_none("_decoder") {
        return None;
    }
    let enc = d.get_str("_encoding")?;
    let enc = spindle_vm::str::as_str(&enc)?.to_ascii_lowercase();
    if !matches!(enc.as_str(), "utf-8" | "utf8" | "utf_8") {
        return None;
    }
    let errors = d.get_str("_errors")?;
    if spindle_vm::str::as_str(&errors)? != "strict" {
        return None;
    }
    let truthy = |n: &str| d.get_str(n).map(|v| spindle_vm::ops::is_true(ts, &v));
    let writetranslate = truthy("_writetranslate")?.ok()?;
    let line_buffering = truthy("_line_buffering")?.ok()?;
    let translate_to = if writetranslate {
        let nl = d.get_str("_writenl")?;
        let nl = spindle_vm::str::as_str(&nl)?;
        (nl != "\n").then(|| nl.to_owned())
    } else {
        None
    };
    let seekable = d.get_str("_seekable")?;
    Some(WritePlan { writer, translate_to, line_buffering, seekable, dict })
}

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_io", &[("_textio_next_line", textio_next_line), ("_textio_write", textio_write)]);
    super::run_source(ts, &m, PY_SRC, "<_io>")?;
    let base = |name| super::module_attr(&m, name).as_ref().and_then(TypeRef::from_value);
    let (string_io, bytes_io) = super::memio::types(base("_TextIOBase"), base("_BufferedIOBase"));
    spindle_vm::native::add_value(&m, "StringIO", string_io.to_value());
    spindle_vm::native::add_value(&m, "BytesIO", bytes_io.to_value());
    // `_pyio.open` makes its raw files and write buffers with the native
    // FileIO and BufferedWriter, and `_pyio.TextIOWrapper` its newline
    // decoders with the native IncrementalNewlineDecoder (both look the
    // class up at call time); `_install_native` also sets the `_io` names.
    let file_io = super::fileio::file_type(base("_RawIOBase")).to_value();
    let writer = super::bufwriter::writer_type(base("_BufferedIOBase")).to_value();
    let reader = super::bufreader::reader_type(base("_BufferedIOBase")).to_value();
    let decoder = super::newline::decoder_type().to_value();
    if let Some(f) = super::module_attr(&m, "_install_native") {
        spindle_vm::ops::call(ts, &f, &[file_io, writer, reader, decoder])?;
    }
    Ok(m)
}

const STD_SRC: &str = r#"
def _install(unbuffered):
    import sys, io
    def make(fd, name, reading, errors):
        raw = io.FileIO(fd, 'rb' if reading else 'wb', closefd=False)
        raw.name = name
        tty = raw.isatty()
        if reading:
            buf = io.BufferedReader(raw)
        elif unbuffered:
            # -u / PYTHONUNBUFFERED: the text layer writes through to the
            # raw file itself, as CPython's create_stdio.
            buf = raw
        else:
            buf = io.BufferedWriter(raw)
        line = (not unbuffered) and (tty or fd == 2)
        t = io.TextIOWrapper(buf, encoding='utf-8', errors=errors, newline=None if reading else '\n',
                             line_buffering=line, write_through=unbuffered and not reading)
        t.mode = 'r' if reading else 'w'
        return t
    for attr in ('stdout', 'stderr'):
        old = getattr(sys, attr, None)
        if old is not None:
            try:
                old.flush()
            except Exception:
                pass
    sys.stdin = sys.__stdin__ = make(0, '<stdin>', True, 'strict')
    sys.stdout = sys.__stdout__ = make(1, '<stdout>', False, 'strict')
    sys.stderr = sys.__stderr__ = make(2, '<stderr>', False, 'backslashreplace')
"#;

/// Replaces sys.stdin/stdout/stderr (and the `__std*__` copies) with
/// `io.TextIOWrapper`s over `io.FileIO(0/1/2)`. Call once the import system
/// can load `io`.
pub(crate) fn install_std_streams(ts: &ThreadState, unbuffered: bool) -> PyResult<()> {
    let m = spindle_vm::native::new_module("_spindle_std_streams", &[]);
    super::run_source(ts, &m, STD_SRC, "<std streams>")?;
    match super::module_attr(&m, "_install") {
        Some(f) => spindle_vm::ops::call(ts, &f, &[new_bool(unbuffered)]).map(drop),
        None => Ok(()),
    }
}
