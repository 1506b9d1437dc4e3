//! The payload layouts of builtin objects. Each Rust payload type names one of
//! these in `PyPayload::KIND`; subclasses share their base's kind.

use crate::object::PayloadKind;

pub const OBJECT: PayloadKind = PayloadKind(0);
pub const TYPE: PayloadKind = PayloadKind(1);
pub const INT: PayloadKind = PayloadKind(2);
pub const FLOAT: PayloadKind = PayloadKind(3);
pub const STR: PayloadKind = PayloadKind(4);
pub const TUPLE: PayloadKind = PayloadKind(5);
pub const LIST: PayloadKind = PayloadKind(6);
pub const DICT: PayloadKind = PayloadKind(7);
pub const NATIVE_FUNCTION: PayloadKind = PayloadKind(8);
pub const FUNCTION: PayloadKind = PayloadKind(9);
pub const CODE: PayloadKind = PayloadKind(10);
pub const METHOD: PayloadKind = PayloadKind(11);
pub const CELL: PayloadKind = PayloadKind(12);
pub const MODULE: PayloadKind = PayloadKind(13);
pub const EXCEPTION: PayloadKind = PayloadKind(14);
pub const NONE: PayloadKind = PayloadKind(15);
pub const SINGLETON: PayloadKind = PayloadKind(16);
pub const BOOL: PayloadKind = PayloadKind(17);
pub const RANGE: PayloadKind = PayloadKind(18);
pub const ITERATOR: PayloadKind = PayloadKind(19);
pub const SLICE: PayloadKind = PayloadKind(20);
pub const PROPERTY: PayloadKind = PayloadKind(21);
pub const CLASSMETHOD: PayloadKind = PayloadKind(22);
pub const STATICMETHOD: PayloadKind = PayloadKind(23);
pub const GENERATOR: PayloadKind = PayloadKind(24);
pub const SET: PayloadKind = PayloadKind(25);
pub const BYTES: PayloadKind = PayloadKind(26);
pub const SUPER: PayloadKind = PayloadKind(27);
pub const METHOD_DESCRIPTOR: PayloadKind = PayloadKind(28);
pub const FRAME: PayloadKind = PayloadKind(29);
pub const COMPLEX: PayloadKind = PayloadKind(30);
pub const BYTEARRAY: PayloadKind = PayloadKind(31);
pub const NATIVE: PayloadKind = PayloadKind(32);
pub const TRACEBACK: PayloadKind = PayloadKind(33);
pub const DICT_VIEW: PayloadKind = PayloadKind(34);
pub const MEMBER: PayloadKind = PayloadKind(35);
pub const GETSET: PayloadKind = PayloadKind(36);
pub const GENERIC_ALIAS: PayloadKind = PayloadKind(37);
pub const NATIVE_STREAM: PayloadKind = PayloadKind(38);
pub const UNION: PayloadKind = PayloadKind(39);
pub const MEMORYVIEW: PayloadKind = PayloadKind(40);
pub const THREAD_LOCAL: PayloadKind = PayloadKind(41);
// Async generator awaitables (generator.rs); numbered apart from the list above.
pub const ASYNC_GEN_WRAPPED: PayloadKind = PayloadKind(90);
pub const ASYNC_GEN_ASEND: PayloadKind = PayloadKind(91);
pub const ASYNC_GEN_ATHROW: PayloadKind = PayloadKind(92);
pub const ANEXT_AWAITABLE: PayloadKind = PayloadKind(93);
