//! Python `str` as pure data, independent of the VM: PEP 393 storage
//! (`PyStrData`: 1-, 2- or 4-byte code units, always the narrowest, lone
//! surrogates allowed), every `str` method as a function over it, `repr`
//! and `ascii`, the CPython-compatible SipHash-1-3 hash, the Unicode
//! properties Python's `str` uses (Unicode 16.0, as CPython 3.14), and the
//! native codecs with all standard error handlers.
//!
//! Positions and lengths are in code points. Fallible operations return
//! `StrError` (exception class plus CPython's message) or, for codecs,
//! `CodecError`. Nothing here panics on any input.

mod case;
pub mod codecs;
mod data;
mod error;
mod hash;
mod predicates;
mod repr;
mod search;
mod split;
mod transform;
pub mod unicode;

pub use case::{capitalize, casefold, lower, swapcase, title, upper};
pub use data::{CodePoints, Kind, MAX_CODE_POINT, PyStrData, StrBuilder, UnitsRef, slice_indices};
pub use error::{ErrorKind, StrError, StrResult};
pub use hash::{hash_bytes_with_key, hash_with_key};
pub use predicates::{
    isalnum, isalpha, isascii, isdecimal, isdigit, isidentifier, islower, isnumeric, isprintable,
    isspace, istitle, isupper, to_ascii_number_text,
};
pub use repr::{ascii, repr};
pub use search::{adjust_indices, count, endswith, find, index, rfind, rindex, startswith};
pub use split::{join, partition, rpartition, rsplit, split, splitlines};
pub use transform::{
    StripSide, Translation, center, expandtabs, ljust, maketrans, removeprefix, removesuffix,
    replace, rjust, strip, translate, zfill,
};
