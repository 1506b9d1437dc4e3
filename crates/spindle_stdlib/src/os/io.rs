//! The `_io` module, served by the Lib's pure-Python `_pyio`. `_pyio`
//! imports `io`, which imports `_io`: to break that cycle `_io` imports
//! `_pyio` while a small stand-in `io` module (the names `_pyio` reads at
//! import: `__all__`, `SEEK_*`, the ABCs it registers with, `open_code`,
//! `UnsupportedOperation`) sits in `sys.modules`, then puts the real one
//! back and re-exports `_pyio`'s classes under their `_io` names. Also the
//! start-up step that replaces `sys.stdin/stdout/stderr` with real
//! `TextIOWrapper`s over `FileIO(0/1/2)`.

use spindle_vm::error::PyResult;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_bool;
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
"#;

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_io", &[]);
    super::run_source(ts, &m, PY_SRC, "<_io>")?;
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
