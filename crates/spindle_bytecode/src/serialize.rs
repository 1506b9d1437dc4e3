//! A compact binary form of `CodeObject`, so the build can compile the embedded
//! Lib once and the runtime can load it without parsing (Spindle's own format,
//! not CPython's marshal: it stores exactly what `CodeObject` holds).
//!
//! Layout: the magic `SPC1`, then one code object. Integers are LEB128 varints
//! (signed ones zig-zag encoded); strings are a varint length and UTF-8 bytes;
//! optional numbers store `value + 1` with 0 for `None`. Decoding checks every
//! length and tag, so damaged input gives `Err`, never a panic.

use std::sync::Arc;

use num_bigint::BigInt;

use crate::code::{CodeFlags, CodeObject, ExceptionTableEntry, LocalKind, Position};
use crate::constant::Constant;
use crate::instruction::Instruction;
use crate::opcode::Opcode;

const MAGIC: &[u8; 4] = b"SPC1";

/// Why a byte string is not a serialised code object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub &'static str);

/// Serialises `code` (and every nested code object).
#[must_use]
pub fn encode(code: &CodeObject) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(1024));
    w.0.extend_from_slice(MAGIC);
    w.code(code);
    w.0
}

/// The inverse of `encode`.
///
/// # Errors
/// When `bytes` is truncated, has trailing data, or holds an unknown tag or opcode.
pub fn decode(bytes: &[u8]) -> Result<CodeObject, DecodeError> {
    let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(DecodeError("bad magic"))?;
    let mut r = Reader { buf: rest, depth: 0 };
    let code = r.code()?;
    if r.buf.is_empty() { Ok(code) } else { Err(DecodeError("trailing bytes")) }
}

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    fn opt(&mut self, v: Option<u32>) {
        self.uint(v.map_or(0, |x| u64::from(x) + 1));
    }

    fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.0.extend_from_slice(b);
    }

    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn code(&mut self, c: &CodeObject) {
        self.str(&c.name);
        self.str(&c.qualname);
        self.str(&c.filename);
        for v in [c.first_line, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags.0, c.stacksize] {
            self.uint(u64::from(v));
        }
        self.uint(c.instructions.len() as u64);
        for ins in &c.instructions {
            self.0.push(ins.op as u8);
            self.uint(u64::from(ins.arg));
        }
        // Positions are mostly equal to or near the previous one: store deltas.
        let mut prev = Position::default();
        for p in &c.positions {
            // A missing value stores 0; a present one its distance from `base`
            // (missing bases count as 0).
            let delta = |a: Option<u32>, base: Option<u32>| a.map_or(0, |a| i64::from(a) - i64::from(base.unwrap_or(0)));
            if *p == prev {
                self.uint(0);
                continue;
            }
            let present = [p.lineno, p.end_lineno, p.col, p.end_col].iter().enumerate().fold(0u64, |m, (i, v)| m | (u64::from(v.is_some()) << i));
            self.uint(present + 1);
            self.int(delta(p.lineno, prev.lineno));
            self.int(delta(p.end_lineno, p.lineno));
            self.opt(p.col);
            self.int(delta(p.end_col, p.col));
            prev = *p;
        }
        self.uint(c.constants.len() as u64);
        for k in &c.constants {
            self.constant(k);
        }
        self.uint(c.names.len() as u64);
        for n in &c.names {
            self.str(n);
        }
        self.uint(c.localsplus.len() as u64);
        for (n, k) in c.localsplus.iter().zip(&c.localspluskinds) {
            self.str(n);
            self.0.push(k.0);
        }
        self.uint(c.exception_table.len() as u64);
        for e in &c.exception_table {
            for v in [e.start, e.end, e.target, e.depth] {
                self.uint(u64::from(v));
            }
            self.0.push(u8::from(e.lasti));
        }
    }

    fn constant(&mut self, k: &Constant) {
        match k {
            Constant::None => self.0.push(0),
            Constant::Bool(b) => self.0.push(1 + u8::from(*b)),
            Constant::Ellipsis => self.0.push(3),
            Constant::Int(v) => {
                self.0.push(4);
                self.int(*v);
            }
            Constant::BigInt(v) => {
                self.0.push(5);
                self.bytes(&v.to_signed_bytes_le());
            }
            Constant::Float(f) => {
                self.0.push(6);
                self.0.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Constant::Complex(re, im) => {
                self.0.push(7);
                self.0.extend_from_slice(&re.to_bits().to_le_bytes());
                self.0.extend_from_slice(&im.to_bits().to_le_bytes());
            }
            Constant::Str(s) => {
                self.0.push(8);
                self.str(s);
            }
            Constant::StrCodePoints(cps) => {
                self.0.push(9);
                self.uint(cps.len() as u64);
                for &c in cps.iter() {
                    self.uint(u64::from(c));
                }
            }
            Constant::Bytes(b) => {
                self.0.push(10);
                self.bytes(b);
            }
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                self.0.push(if matches!(k, Constant::Tuple(_)) { 11 } else { 12 });
                self.uint(items.len() as u64);
                for i in items.iter() {
                    self.constant(i);
                }
            }
            Constant::Code(c) => {
                self.0.push(13);
                self.code(c);
            }
        }
    }
}

/// Nesting bound for tuples and code objects, so damaged input cannot recurse deeply.
const MAX_DEPTH: u32 = 1000;

struct Reader<'a> {
    buf: &'a [u8],
    depth: u32,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, DecodeError> {
        let (&b, rest) = self.buf.split_first().ok_or(DecodeError("truncated"))?;
        self.buf = rest;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if n > self.buf.len() {
            return Err(DecodeError("truncated"));
        }
        let (head, rest) = self.buf.split_at(n);
        self.buf = rest;
        Ok(head)
    }

    /// A LEB128 varint; most are one byte (opcode arguments, small indices).
    #[inline]
    fn uint(&mut self) -> Result<u64, DecodeError> {
        if let Some((&b, rest)) = self.buf.split_first() {
            if b & 0x80 == 0 {
                self.buf = rest;
                return Ok(u64::from(b));
            }
        }
        self.uint_multi()
    }

    fn uint_multi(&mut self) -> Result<u64, DecodeError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(DecodeError("varint too long"))
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        u32::try_from(self.uint()?).map_err(|_| DecodeError("u32 out of range"))
    }

    fn len(&mut self) -> Result<usize, DecodeError> {
        let n = usize::try_from(self.uint()?).map_err(|_| DecodeError("length out of range"))?;
        // Every element takes at least one byte: a larger count is damage.
        if n > self.buf.len() { Err(DecodeError("length past end")) } else { Ok(n) }
    }

    fn int(&mut self) -> Result<i64, DecodeError> {
        let z = self.uint()?;
        Ok(((z >> 1) as i64) ^ -((z & 1) as i64))
    }

    fn opt(&mut self) -> Result<Option<u32>, DecodeError> {
        match self.uint()? {
            0 => Ok(None),
            v => u32::try_from(v - 1).map(Some).map_err(|_| DecodeError("u32 out of range")),
        }
    }

    fn add(base: Option<u32>, delta: i64) -> Result<Option<u32>, DecodeError> {
        let b = i64::from(base.unwrap_or(0));
        u32::try_from(b + delta).map(Some).map_err(|_| DecodeError("position out of range"))
    }

    fn str(&mut self) -> Result<&'a str, DecodeError> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).map_err(|_| DecodeError("bad UTF-8"))
    }

    fn f64(&mut self) -> Result<f64, DecodeError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_bits(u64::from_le_bytes(a)))
    }

    fn code(&mut self) -> Result<CodeObject, DecodeError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(DecodeError("nesting too deep"));
        }
        let name = self.str()?.to_owned();
        let qualname = self.str()?.to_owned();
        let filename = self.str()?.to_owned();
        let mut meta = [0u32; 6];
        for m in &mut meta {
            *m = self.u32()?;
        }
        let [first_line, argcount, posonlyargcount, kwonlyargcount, flags, stacksize] = meta;
        let n = self.len()?;
        let mut instructions = Vec::with_capacity(n);
        for _ in 0..n {
            let op = Opcode::from_u8(self.byte()?).ok_or(DecodeError("unknown opcode"))?;
            instructions.push(Instruction::new(op, self.u32()?));
        }
        let mut positions = Vec::with_capacity(n);
        let mut prev = Position::default();
        for _ in 0..n {
            let tag = self.uint()?;
            if tag != 0 {
                let present = tag - 1;
                let has = |i: u32| present & (1 << i) != 0;
                let lineno = Self::add(prev.lineno, self.int()?)?.filter(|_| has(0));
                let end_lineno = Self::add(lineno, self.int()?)?.filter(|_| has(1));
                let col = self.opt()?.filter(|_| has(2));
                let end_col = Self::add(col, self.int()?)?.filter(|_| has(3));
                prev = Position { lineno, end_lineno, col, end_col };
            }
            positions.push(prev);
        }
        let n = self.len()?;
        let mut constants = Vec::with_capacity(n);
        for _ in 0..n {
            constants.push(self.constant()?);
        }
        let n = self.len()?;
        let mut names = Vec::with_capacity(n);
        for _ in 0..n {
            names.push(Arc::from(self.str()?));
        }
        let n = self.len()?;
        let (mut localsplus, mut localspluskinds) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for _ in 0..n {
            localsplus.push(Arc::from(self.str()?));
            localspluskinds.push(LocalKind(self.byte()?));
        }
        let n = self.len()?;
        let mut exception_table = Vec::with_capacity(n);
        for _ in 0..n {
            let (start, end, target, depth) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
            exception_table.push(ExceptionTableEntry { start, end, target, depth, lasti: self.byte()? != 0 });
        }
        self.depth -= 1;
        Ok(CodeObject {
            name,
            qualname,
            filename,
            first_line,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags: CodeFlags(flags),
            stacksize,
            instructions,
            positions,
            constants,
            names,
            localsplus,
            localspluskinds,
            exception_table,
        })
    }

    fn constant(&mut self) -> Result<Constant, DecodeError> {
        Ok(match self.byte()? {
            0 => Constant::None,
            1 => Constant::Bool(false),
            2 => Constant::Bool(true),
            3 => Constant::Ellipsis,
            4 => Constant::Int(self.int()?),
            5 => {
                let n = self.len()?;
                Constant::BigInt(BigInt::from_signed_bytes_le(self.take(n)?))
            }
            6 => Constant::Float(self.f64()?),
            7 => Constant::Complex(self.f64()?, self.f64()?),
            8 => Constant::Str(Arc::from(self.str()?)),
            9 => {
                let n = self.len()?;
                let mut cps = Vec::with_capacity(n);
                for _ in 0..n {
                    cps.push(self.u32()?);
                }
                Constant::StrCodePoints(cps.into())
            }
            10 => {
                let n = self.len()?;
                Constant::Bytes(Arc::from(self.take(n)?))
            }
            tag @ (11 | 12) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(DecodeError("nesting too deep"));
                }
                let n = self.len()?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.constant()?);
                }
                self.depth -= 1;
                if tag == 11 { Constant::Tuple(items.into()) } else { Constant::FrozenSet(items.into()) }
            }
            13 => Constant::Code(Arc::new(self.code()?)),
            _ => return Err(DecodeError("unknown constant tag")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CodeObject {
        let inner = CodeObject { name: "f".into(), qualname: "f".into(), filename: "x.py".into(), first_line: 3, ..CodeObject::default() };
        CodeObject {
            name: "<module>".into(),
            qualname: "<module>".into(),
            filename: "x.py".into(),
            first_line: 1,
            flags: CodeFlags(CodeFlags::HAS_DOCSTRING),
            stacksize: 4,
            instructions: vec![Instruction::new(Opcode::Nop, 0), Instruction::new(Opcode::Nop, 70_000), Instruction::new(Opcode::Nop, 1)],
            positions: vec![
                Position { lineno: Some(1), end_lineno: Some(1), col: Some(0), end_col: Some(5) },
                Position { lineno: Some(1), end_lineno: Some(1), col: Some(0), end_col: Some(5) },
                Position { lineno: Some(7), end_lineno: None, col: None, end_col: None },
            ],
            constants: vec![
                Constant::None,
                Constant::Bool(true),
                Constant::Ellipsis,
                Constant::Int(-5),
                Constant::BigInt(BigInt::from(1u8) << 100u32),
                Constant::Float(-0.0),
                Constant::Complex(1.5, f64::NAN),
                Constant::str("héllo"),
                Constant::StrCodePoints(vec![0xd800, 65].into()),
                Constant::Bytes(b"\x00\xff".as_slice().into()),
                Constant::Tuple(vec![Constant::Int(1), Constant::FrozenSet(vec![Constant::str("a")].into())].into()),
                Constant::Code(Arc::new(inner)),
            ],
            names: vec!["print".into()],
            localsplus: vec!["a".into(), "b".into()],
            localspluskinds: vec![LocalKind(LocalKind::ARG_POS | LocalKind::LOCAL), LocalKind(LocalKind::CELL)],
            exception_table: vec![ExceptionTableEntry { start: 0, end: 2, target: 2, depth: 1, lasti: true }],
            ..CodeObject::default()
        }
    }

    #[test]
    fn round_trips() {
        let c = sample();
        let bytes = encode(&c);
        let back = decode(&bytes).expect("decodes");
        assert_eq!(format!("{c:?}"), format!("{back:?}"));
    }

    #[test]
    fn damaged_input_is_an_error() {
        let bytes = encode(&sample());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "prefix of {cut} bytes decoded");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(decode(&extra).is_err());
        let mut bad = bytes;
        for i in 4..bad.len() {
            let saved = bad[i];
            bad[i] = 0xff;
            let _ = decode(&bad); // must not panic
            bad[i] = saved;
        }
    }
}
