//! Python 3.14's numeric semantics and number formatting as plain data, independent of
//! the VM: the arbitrary-precision [`Int`], float arithmetic with CPython's special
//! cases, float repr and parsing, complex arithmetic, numeric hashing, the format-spec
//! mini-language and printf-style `%` conversions. Every operation that CPython can
//! refuse returns a [`NumError`] carrying the exception class and CPython's exact
//! message; nothing here panics on any input.

mod complex;
mod error;
mod float;
mod float_str;
mod format;
mod hash;
mod int;
mod int_str;
mod printf;
mod text;

pub use complex::{
    Complex, complex_from_str, complex_pow, complex_quot, complex_quot_real, complex_repr,
    complex_rquot,
};
pub use error::{ErrorKind, NumError, NumResult};
pub use float::{
    FloatPow, float_as_integer_ratio, float_ceil, float_divmod, float_floor, float_floordiv,
    float_fmod, float_frexp, float_from_hex, float_is_integer, float_ldexp, float_mod, float_pow,
    float_round, float_round_digits, float_to_hex, float_trunc, fsum,
};
pub use float_str::{float_from_str, float_repr, float_repr_no_dot0};
pub use format::{
    FormatSpec, MAX_FORMAT_WIDTH, format_complex, format_float, format_int, format_str,
    parse_format_spec, parse_str_spec,
};
pub use hash::{
    HASH_IMAG, HASH_INF, HASH_MODULUS, hash_complex, hash_float, hash_int, hash_pointer,
};
pub use int::{Int, IntPow, MAX_INT_BITS};
pub use int_str::{DEFAULT_MAX_STR_DIGITS, int_from_str};
pub use printf::{
    PrintfSpec, printf_char, printf_char_str, printf_float, printf_int, printf_type_error,
};
pub use text::py_str_repr;
