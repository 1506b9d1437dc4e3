//! Allocations whose size Python code chooses (a count, a width, a length
//! hint): they either succeed or raise `MemoryError`, as CPython's do; they
//! never abort the process (Rust's allocation-error handler) and never ask
//! for more than `isize::MAX` bytes. Use these instead of `Vec::with_capacity`,
//! `vec![x; n]`, `reserve` or `repeat` wherever `n` comes from Python.

use crate::error::{PyErr, PyResult};

/// CPython's `PyErr_NoMemory()`: a `MemoryError` with no message.
#[cold]
pub fn no_memory() -> PyErr {
    PyErr::bare(crate::runtime::rt().exc.MemoryError)
}

/// Room in `v` for `extra` more items (amortised growth), or `MemoryError`.
pub fn reserve<T>(v: &mut Vec<T>, extra: usize) -> PyResult<()> {
    v.try_reserve(extra).map_err(|_| no_memory())
}

/// Room in `v` for exactly `extra` more items, or `MemoryError`.
pub fn reserve_exact<T>(v: &mut Vec<T>, extra: usize) -> PyResult<()> {
    v.try_reserve_exact(extra).map_err(|_| no_memory())
}

/// Room in `s` for `extra` more bytes, or `MemoryError`.
pub fn reserve_str(s: &mut String, extra: usize) -> PyResult<()> {
    s.try_reserve(extra).map_err(|_| no_memory())
}

/// An empty vector with room for `n` items, or `MemoryError`.
pub fn with_capacity<T>(n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    reserve_exact(&mut v, n)?;
    Ok(v)
}

/// An empty string with room for `n` bytes, or `MemoryError`.
pub fn string_with_capacity(n: usize) -> PyResult<String> {
    let mut s = String::new();
    reserve_str(&mut s, n)?;
    Ok(s)
}

/// `n` zero bytes, or `MemoryError`. Zeroed by the allocator (as CPython's
/// `calloc`), so pages nobody writes are never touched.
pub fn zeroed_bytes(n: usize) -> PyResult<Vec<u8>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    let layout = std::alloc::Layout::array::<u8>(n).map_err(|_| no_memory())?;
    // SAFETY: the layout's size is non-zero (n > 0).
    let p = unsafe { std::alloc::alloc_zeroed(layout) };
    if p.is_null() {
        return Err(no_memory());
    }
    // SAFETY: `p` comes from the global allocator with the layout of `n`
    // bytes of alignment 1 (a `Vec<u8>` of capacity `n`), and all `n` bytes
    // are initialised (zero).
    Ok(unsafe { Vec::from_raw_parts(p, n, n) })
}

/// `items` `n` times over, or `MemoryError` (also when the total count
/// overflows; callers that owe CPython's `OverflowError` check that first).
pub fn repeat<T: Clone>(items: &[T], n: usize) -> PyResult<Vec<T>> {
    let total = items.len().checked_mul(n).ok_or_else(no_memory)?;
    if total == 0 {
        return Ok(Vec::new());
    }
    let mut v = with_capacity(total)?;
    v.extend_from_slice(items);
    while v.len() < total {
        v.extend_from_within(..v.len().min(total - v.len()));
    }
    Ok(v)
}

/// `v` grown to `len` items with copies of `fill` (unchanged when already
/// that long), or `MemoryError`.
pub fn resize<T: Clone>(v: &mut Vec<T>, len: usize, fill: T) -> PyResult<()> {
    if len > v.len() {
        reserve_exact(v, len - v.len())?;
    }
    v.resize(len, fill);
    Ok(())
}
