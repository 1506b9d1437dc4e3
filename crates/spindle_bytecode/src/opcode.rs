//! THE instruction table: one `opcodes!` invocation lists every opcode with its
//! name, operand kind, stack effect and exact semantics; the `Opcode` enum, its
//! metadata accessors and the `doc()` text are all generated from it.
//!
//! Conventions used in every doc string:
//! * The stack is written bottom-to-top, as `(inputs -- outputs)`; the rightmost
//!   input is the top of stack (TOS) and is popped first.
//! * `STACK[-1]` is TOS, `STACK[-2]` the item below it, and so on.
//! * `NULL` is a stack slot holding no object (the VM needs a representation for it;
//!   it is never visible to Python code).
//! * Operands are `u32`; jump operands are absolute instruction indices into
//!   `CodeObject::instructions` (no relative offsets, no `EXTENDED_ARG`, no caches).
//! * "raises" means: set the exception and go to exception unwinding (look up the
//!   current instruction in the exception table; see `ExceptionTableEntry`).
//! * Stack effects in the table are `(popped, pushed)` as functions of the operand
//!   `a`; an opcode with a different effect when it jumps says so with `jump`.

/// What the `u32` operand of an instruction means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OperandKind {
    /// No operand; the operand must be 0.
    None,
    /// Index into `localsplus` (a fast local, argument, cell or free slot).
    Local,
    /// Index into `localsplus` of a cell or free variable slot.
    Deref,
    /// Two `localsplus` indices below 16, `(first << 4) | second` (as
    /// CPython's superinstructions encode them).
    LocalPair,
    /// Index into `constants`.
    Const,
    /// Index into `names`.
    Name,
    /// `(name_index << 1) | push_null`.
    GlobalName,
    /// `(name_index << 1) | method_bit`.
    AttrName,
    /// Absolute instruction index (a `JumpTarget`).
    Jump,
    /// A plain count, depth or small flag integer.
    Count,
    /// The integer value itself (0..=255).
    SmallInt,
    /// A `BinaryOp` (`NB_*`) code.
    BinaryOp,
    /// A `CompareOp` code.
    CompareOp,
    /// 0 = normal, 1 = inverted (`is not`, `not in`).
    Invert,
    /// An `Intrinsic1` code.
    Intrinsic1,
    /// An `Intrinsic2` code.
    Intrinsic2,
    /// A `FunctionAttr` flag (exactly one bit).
    FunctionAttr,
    /// A `SpecialMethod` code.
    Special,
    /// A `CommonConstant` code.
    CommonConstant,
    /// 1 = `str`, 2 = `repr`, 3 = `ascii`.
    Convert,
    /// `before | (after << 8)` for `UNPACK_EX`.
    UnpackEx,
    /// `RESUME` location code.
    Resume,
}

macro_rules! opcodes {
    ($(
        $(#[doc = $doc:expr])*
        $variant:ident = $name:literal, $kind:ident, |$a:ident| ($pop:expr, $push:expr)
        $(, jump ($jpop:expr, $jpush:expr))? ;
    )*) => {
        /// One instruction kind. The discriminant is the byte stored in code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Opcode {
            /// Every opcode, in discriminant order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$variant),*];

            /// The CPython-style name, e.g. `"LOAD_FAST"`.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { $(Opcode::$variant => $name,)* }
            }

            /// What the operand means.
            #[must_use]
            pub const fn operand_kind(self) -> OperandKind {
                match self { $(Opcode::$variant => OperandKind::$kind,)* }
            }

            /// `(popped, pushed)` when execution falls through to the next instruction.
            #[must_use]
            #[allow(unused_variables, clippy::identity_op)]
            pub const fn stack_effect(self, arg: u32) -> (u32, u32) {
                match self { $(Opcode::$variant => { let $a = arg; ($pop, $push) })* }
            }

            /// `(popped, pushed)` when the instruction jumps to its target (only
            /// meaningful for opcodes with a `Jump` operand).
            #[must_use]
            #[allow(unused_variables, clippy::identity_op)]
            pub const fn jump_stack_effect(self, arg: u32) -> (u32, u32) {
                match self {
                    $(Opcode::$variant => {
                        let $a = arg;
                        opcodes!(@jump ($pop, $push) $(($jpop, $jpush))?)
                    })*
                }
            }

            /// The full documentation of this opcode (what it pops, pushes, and
            /// what its operand means).
            #[must_use]
            pub const fn doc(self) -> &'static str {
                match self { $(Opcode::$variant => concat!($($doc, "\n"),*),)* }
            }

            /// Decodes a byte; `None` if no opcode has that discriminant.
            #[must_use]
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                Self::ALL.get(usize::from(byte)).copied()
            }
        }
    };
    (@jump ($pop:expr, $push:expr)) => { ($pop, $push) };
    (@jump ($pop:expr, $push:expr) ($jpop:expr, $jpush:expr)) => { ($jpop, $jpush) };
}

opcodes! {
    /// `NOP ( -- )`: does nothing. Operand: none.
    Nop = "NOP", None, |a| (0, 0);

    /// `RESUME ( -- )`: a no-op marking where a frame starts or resumes; the VM
    /// checks the eval breaker here. Operand: 0 = start of a function/module, 1 =
    /// after a `yield`, 2 = after a `yield from`, 3 = after an `await`.
    Resume = "RESUME", Resume, |a| (0, 0);

    /// `POP_TOP (value -- )`: discards TOS.
    PopTop = "POP_TOP", None, |a| (1, 0);

    /// `PUSH_NULL ( -- NULL)`: pushes a NULL slot (used as the `self_or_null` slot
    /// of a call, or as the absent `kwargs` of `CALL_FUNCTION_EX`).
    PushNull = "PUSH_NULL", None, |a| (0, 1);

    /// `COPY(i) (bottom, unused[i-1] -- bottom, unused[i-1], bottom)`: pushes a copy
    /// (a new reference) of `STACK[-i]`; `i >= 1`, so `COPY 1` duplicates TOS.
    Copy = "COPY", Count, |a| (a, a + 1);

    /// `SWAP(i) (bottom, unused[i-2], top -- top, unused[i-2], bottom)`: exchanges
    /// `STACK[-1]` and `STACK[-i]`; `i >= 2`.
    Swap = "SWAP", Count, |a| (a, a);

    /// `LOAD_CONST(consti) ( -- value)`: pushes `constants[consti]`.
    LoadConst = "LOAD_CONST", Const, |a| (0, 1);

    /// `LOAD_SMALL_INT(i) ( -- value)`: pushes the int `i` (0..=255).
    LoadSmallInt = "LOAD_SMALL_INT", SmallInt, |a| (0, 1);

    /// `LOAD_COMMON_CONSTANT(i) ( -- value)`: pushes a builtin object that user code
    /// cannot shadow: 0 = `AssertionError`, 1 = `NotImplementedError`,
    /// 2 = `tuple`, 3 = `all`, 4 = `any` (see `CommonConstant`).
    LoadCommonConstant = "LOAD_COMMON_CONSTANT", CommonConstant, |a| (0, 1);

    /// `LOAD_NAME(namei) ( -- value)`: looks `names[namei]` up in the frame's locals
    /// mapping, then globals, then builtins; pushes it. Raises
    /// `NameError: name 'x' is not defined` if absent everywhere.
    LoadName = "LOAD_NAME", Name, |a| (0, 1);

    /// `STORE_NAME(namei) (value -- )`: `locals[names[namei]] = value` (the frame's
    /// locals mapping, via `__setitem__` when it is not an exact dict).
    StoreName = "STORE_NAME", Name, |a| (1, 0);

    /// `DELETE_NAME(namei) ( -- )`: `del locals[names[namei]]`; raises `NameError`
    /// (`name 'x' is not defined`) if it is absent.
    DeleteName = "DELETE_NAME", Name, |a| (0, 0);

    /// `LOAD_GLOBAL(namei) ( -- value, null if (namei & 1))`: looks
    /// `names[namei >> 1]` up in globals then builtins and pushes it; if the low bit
    /// is set, additionally pushes NULL AFTER the value (so the stack is
    /// `[callable, NULL]`, ready for `CALL`). Raises `NameError` if absent.
    LoadGlobal = "LOAD_GLOBAL", GlobalName, |a| (0, 1 + (a & 1));

    /// `STORE_GLOBAL(namei) (value -- )`: `globals[names[namei]] = value`.
    StoreGlobal = "STORE_GLOBAL", Name, |a| (1, 0);

    /// `DELETE_GLOBAL(namei) ( -- )`: `del globals[names[namei]]`; raises
    /// `NameError` if absent.
    DeleteGlobal = "DELETE_GLOBAL", Name, |a| (0, 0);

    /// `LOAD_FAST(i) ( -- value)`: pushes the fast local `localsplus[i]`. The compiler
    /// only emits it where the slot is known to be bound. When `i` is a cell slot
    /// (when building a closure tuple) it pushes the cell object itself.
    LoadFast = "LOAD_FAST", Local, |a| (0, 1);

    /// `LOAD_FAST_CHECK(i) ( -- value)`: like `LOAD_FAST` but raises
    /// `UnboundLocalError: cannot access local variable 'x' where it is not
    /// associated with a value` if the slot is empty.
    LoadFastCheck = "LOAD_FAST_CHECK", Local, |a| (0, 1);

    /// `STORE_FAST(i) (value -- )`: `localsplus[i] = value`.
    StoreFast = "STORE_FAST", Local, |a| (1, 0);

    /// `LOAD_FAST_LOAD_FAST(i << 4 | j) ( -- value_i, value_j)`: `LOAD_FAST i`
    /// then `LOAD_FAST j` in one dispatch (the assembler fuses the pair when
    /// both are on one line and the second is no jump target).
    LoadFastLoadFast = "LOAD_FAST_LOAD_FAST", LocalPair, |a| (0, 2);

    /// `LOAD_FAST_BORROW(i) ( -- value)`: `LOAD_FAST i` without taking a
    /// reference count: the compiler emits it only where the local keeps its
    /// value until the pushed one is consumed within the basic block.
    LoadFastBorrow = "LOAD_FAST_BORROW", Local, |a| (0, 1);

    /// `LOAD_FAST_BORROW_LOAD_FAST_BORROW(i << 4 | j) ( -- value_i, value_j)`:
    /// `LOAD_FAST_BORROW i` then `LOAD_FAST_BORROW j`.
    LoadFastBorrowLoadFastBorrow = "LOAD_FAST_BORROW_LOAD_FAST_BORROW", LocalPair, |a| (0, 2);

    /// `LOAD_FAST_LOAD_FAST_BORROW(i << 4 | j) ( -- value_i, value_j)`:
    /// `LOAD_FAST i` then `LOAD_FAST_BORROW j` (`acc += d[k]`: the
    /// accumulator is consumed, the container only read).
    LoadFastLoadFastBorrow = "LOAD_FAST_LOAD_FAST_BORROW", LocalPair, |a| (0, 2);

    /// `LOAD_FAST_BORROW_LOAD_FAST(i << 4 | j) ( -- value_i, value_j)`:
    /// `LOAD_FAST_BORROW i` then `LOAD_FAST j`.
    LoadFastBorrowLoadFast = "LOAD_FAST_BORROW_LOAD_FAST", LocalPair, |a| (0, 2);

    /// `STORE_FAST_LOAD_FAST(i << 4 | j) (value -- value_j)`: `STORE_FAST i`
    /// then `LOAD_FAST j`.
    StoreFastLoadFast = "STORE_FAST_LOAD_FAST", LocalPair, |a| (1, 1);

    /// `STORE_FAST_STORE_FAST(i << 4 | j) (value_j, value_i -- )`:
    /// `STORE_FAST i` then `STORE_FAST j`.
    StoreFastStoreFast = "STORE_FAST_STORE_FAST", LocalPair, |a| (2, 0);

    /// `DELETE_FAST(i) ( -- )`: empties slot `i`; raises `UnboundLocalError` (same
    /// message as `LOAD_FAST_CHECK`) if it was already empty.
    DeleteFast = "DELETE_FAST", Local, |a| (0, 0);

    /// `LOAD_FAST_AND_CLEAR(i) ( -- value_or_null)`: pushes the content of slot `i`
    /// (`NULL` if it is empty; for a cell slot, the cell object itself) and empties
    /// the slot. Never raises. Used by inlined comprehensions (PEP 709) to save an
    /// outer binding of a name the comprehension binds.
    LoadFastAndClear = "LOAD_FAST_AND_CLEAR", Local, |a| (0, 1);

    /// `STORE_FAST_MAYBE_NULL(i) (value_or_null -- )`: `localsplus[i] = value`, or
    /// empties slot `i` when the popped item is `NULL`. Never raises. Restores what
    /// `LOAD_FAST_AND_CLEAR` saved.
    StoreFastMaybeNull = "STORE_FAST_MAYBE_NULL", Local, |a| (1, 0);

    /// `MAKE_CELL(i) ( -- )`: replaces the value in slot `i` (possibly empty, e.g. an
    /// argument) by a new cell containing it. Emitted at the start of the code for
    /// every cell slot, before `COPY_FREE_VARS`'s effects are needed.
    MakeCell = "MAKE_CELL", Deref, |a| (0, 0);

    /// `COPY_FREE_VARS(n) ( -- )`: copies the `n` cells of the running function's
    /// `__closure__` tuple into the last `n` slots of `localsplus` (the free slots).
    /// Always the first instruction of code with free variables.
    CopyFreeVars = "COPY_FREE_VARS", Count, |a| (0, 0);

    /// `LOAD_DEREF(i) ( -- value)`: pushes the contents of the cell in slot `i`.
    /// Raises `NameError: cannot access free variable 'x' where it is not associated
    /// with a value in enclosing scope` for an empty free cell, or
    /// `UnboundLocalError` (as `LOAD_FAST_CHECK`) for an empty own cell.
    LoadDeref = "LOAD_DEREF", Deref, |a| (0, 1);

    /// `STORE_DEREF(i) (value -- )`: stores `value` into the cell in slot `i`.
    StoreDeref = "STORE_DEREF", Deref, |a| (1, 0);

    /// `DELETE_DEREF(i) ( -- )`: empties the cell in slot `i`; raises like
    /// `LOAD_DEREF` if it is already empty.
    DeleteDeref = "DELETE_DEREF", Deref, |a| (0, 0);

    /// `LOAD_FROM_DICT_OR_DEREF(i) (mapping -- value)`: pops a mapping; if
    /// `localsplus_names[i]` is a key of it, pushes that item, else pushes the
    /// contents of the cell in slot `i` (raising like `LOAD_DEREF` if empty). Used in
    /// class bodies (mapping = `LOAD_LOCALS`) and in annotation/type-param scopes
    /// inside classes (mapping = the `__classdict__` cell's contents).
    LoadFromDictOrDeref = "LOAD_FROM_DICT_OR_DEREF", Deref, |a| (1, 1);

    /// `LOAD_FROM_DICT_OR_GLOBALS(namei) (mapping -- value)`: pops a mapping; pushes
    /// `mapping[names[namei]]` if present, else the global, else the builtin;
    /// raises `NameError` if absent everywhere.
    LoadFromDictOrGlobals = "LOAD_FROM_DICT_OR_GLOBALS", Name, |a| (1, 1);

    /// `LOAD_LOCALS ( -- locals)`: pushes the frame's locals mapping (the class
    /// namespace in a class body). Raises `SystemError: no locals found` if none.
    LoadLocals = "LOAD_LOCALS", None, |a| (0, 1);

    /// `LOAD_ATTR(namei) (owner -- attr, self_or_null if (namei & 1))`: the name is
    /// `names[namei >> 1]`. Low bit clear: pushes `getattr(owner, name)`. Low bit
    /// set (method load, for a following `CALL`): if the attribute found on
    /// `type(owner)` is a plain function/method descriptor that would bind `owner`,
    /// pushes the UNBOUND function then `owner` (`[func, owner]`); otherwise pushes
    /// `getattr(owner, name)` then NULL (`[attr, NULL]`). Either way
    /// `CALL` then sees `[callable, self_or_null, args...]`.
    LoadAttr = "LOAD_ATTR", AttrName, |a| (1, 1 + (a & 1));

    /// `STORE_ATTR(namei) (value, owner -- )`: `owner.<names[namei]> = value`.
    StoreAttr = "STORE_ATTR", Name, |a| (2, 0);

    /// `DELETE_ATTR(namei) (owner -- )`: `del owner.<names[namei]>`.
    DeleteAttr = "DELETE_ATTR", Name, |a| (1, 0);

    /// `UNARY_NEGATIVE (value -- res)`: `res = -value`.
    UnaryNegative = "UNARY_NEGATIVE", None, |a| (1, 1);

    /// `UNARY_NOT (value -- res)`: `res = not value` (full truth test: calls
    /// `__bool__`/`__len__` as needed; may raise). DEVIATION: CPython requires an
    /// exact bool here (it emits `TO_BOOL` first); Spindle accepts any object.
    UnaryNot = "UNARY_NOT", None, |a| (1, 1);

    /// `UNARY_INVERT (value -- res)`: `res = ~value`.
    UnaryInvert = "UNARY_INVERT", None, |a| (1, 1);

    /// `TO_BOOL (value -- res)`: `res = bool(value)`.
    ToBool = "TO_BOOL", None, |a| (1, 1);

    /// `BINARY_OP(op) (lhs, rhs -- res)`: `res = lhs <op> rhs` where `op` is a
    /// `BinaryOp` (`NB_*`) code. Codes 13..=25 are the in-place forms (`+=` ...: try
    /// `__iadd__` first). Code 26 (`NB_SUBSCR`) is `res = lhs[rhs]`.
    BinaryOp = "BINARY_OP", BinaryOp, |a| (2, 1);

    /// `BINARY_SLICE (container, start, stop -- res)`: `res = container[start:stop]`
    /// (`start`/`stop` may be `None`).
    BinarySlice = "BINARY_SLICE", None, |a| (3, 1);

    /// `STORE_SUBSCR (value, container, sub -- )`: `container[sub] = value`
    /// (`container` may be borrowed; `value` and `sub` never are).
    StoreSubscr = "STORE_SUBSCR", None, |a| (3, 0);

    /// `STORE_SLICE (value, container, start, stop -- )`:
    /// `container[start:stop] = value`.
    StoreSlice = "STORE_SLICE", None, |a| (4, 0);

    /// `DELETE_SUBSCR (container, sub -- )`: `del container[sub]`.
    DeleteSubscr = "DELETE_SUBSCR", None, |a| (2, 0);

    /// `COMPARE_OP(op) (left, right -- res)`: rich comparison `left <op> right` with
    /// `op` a `CompareOp` code (0 `<`, 1 `<=`, 2 `==`, 3 `!=`, 4 `>`, 5 `>=`); `res`
    /// is whatever the comparison returns (not coerced to bool). DEVIATION: CPython
    /// encodes `(op << 5) | flags`; here the operand is the bare code.
    CompareOp = "COMPARE_OP", CompareOp, |a| (2, 1);

    /// `IS_OP(invert) (left, right -- res)`: `res = left is right` (`is not` when the
    /// operand is 1); pushes a bool.
    IsOp = "IS_OP", Invert, |a| (2, 1);

    /// `CONTAINS_OP(invert) (left, right -- res)`: `res = left in right` (`not in`
    /// when the operand is 1); pushes a bool.
    ContainsOp = "CONTAINS_OP", Invert, |a| (2, 1);

    /// `BUILD_TUPLE(n) (values[n] -- tuple)`: pops `n` items, pushes a tuple of them
    /// in stack order (the deepest is element 0).
    BuildTuple = "BUILD_TUPLE", Count, |a| (a, 1);

    /// `BUILD_LIST(n) (values[n] -- list)`: like `BUILD_TUPLE` but a list.
    BuildList = "BUILD_LIST", Count, |a| (a, 1);

    /// `BUILD_SET(n) (values[n] -- set)`: like `BUILD_TUPLE` but a set (items are
    /// added deepest first).
    BuildSet = "BUILD_SET", Count, |a| (a, 1);

    /// `BUILD_MAP(n) (k1, v1, ..., kn, vn -- dict)`: pops `2n` items, pushes a dict
    /// with the pairs inserted deepest first.
    BuildMap = "BUILD_MAP", Count, |a| (2 * a, 1);

    /// `BUILD_STRING(n) (pieces[n] -- str)`: concatenates `n` strings (deepest first).
    BuildString = "BUILD_STRING", Count, |a| (a, 1);

    /// `BUILD_SLICE(n) (start, stop, step if n == 3 -- slice)`: `n` is 2 or 3; pushes
    /// `slice(start, stop[, step])`.
    BuildSlice = "BUILD_SLICE", Count, |a| (a, 1);

    /// `BUILD_TEMPLATE (strings, interpolations -- template)`: `strings` is a tuple
    /// of str, `interpolations` a tuple of `Interpolation`; pushes
    /// `string.templatelib.Template` built from them (strings and interpolations
    /// interleave; `len(strings) == len(interpolations) + 1`).
    BuildTemplate = "BUILD_TEMPLATE", None, |a| (2, 1);

    /// `BUILD_INTERPOLATION(flags) (value, expr_text, format_spec if (flags & 1) --
    /// interpolation)`: pushes `Interpolation(value, expr_text, conversion,
    /// format_spec)`, where `conversion = flags >> 2` (0 none, 1 `'s'`, 2 `'r'`,
    /// 3 `'a'`) and `format_spec` is `''` when bit 0 is clear.
    BuildInterpolation = "BUILD_INTERPOLATION", Count, |a| (2 + (a & 1), 1);

    /// `LIST_APPEND(i) (list, unused[i-1], v -- list, unused[i-1])`: pops `v`, then
    /// appends it to the list at `STACK[-i]` (counted after the pop).
    ListAppend = "LIST_APPEND", Count, |a| (1, 0);

    /// `SET_ADD(i) (set, unused[i-1], v -- set, unused[i-1])`: pops `v`, then adds it
    /// to the set at `STACK[-i]` (counted after the pop).
    SetAdd = "SET_ADD", Count, |a| (1, 0);

    /// `MAP_ADD(i) (dict, unused[i-1], key, value -- dict, unused[i-1])`: pops
    /// `value` then `key`, then sets `dict[key] = value` on the dict at `STACK[-i]`
    /// (counted after both pops).
    MapAdd = "MAP_ADD", Count, |a| (2, 0);

    /// `LIST_EXTEND(i) (list, unused[i-1], iterable -- list, unused[i-1])`: pops
    /// `iterable`, then `STACK[-i].extend(iterable)`. Raises `TypeError: Value after *
    /// must be an iterable, not T` if not iterable.
    ListExtend = "LIST_EXTEND", Count, |a| (1, 0);

    /// `SET_UPDATE(i) (set, unused[i-1], iterable -- set, unused[i-1])`: pops
    /// `iterable`, then `STACK[-i].update(iterable)`.
    SetUpdate = "SET_UPDATE", Count, |a| (1, 0);

    /// `DICT_UPDATE(i) (dict, unused[i-1], mapping -- dict, unused[i-1])`: pops
    /// `mapping`, then `STACK[-i].update(mapping)`. Raises `TypeError: 'T' object is
    /// not a mapping` if it has no `keys`.
    DictUpdate = "DICT_UPDATE", Count, |a| (1, 0);

    /// `DICT_MERGE(i) (callable, self_or_null, args, dict, unused[i-1], mapping --
    /// callable, self_or_null, args, dict, unused[i-1])`: like `DICT_UPDATE` (dict at
    /// `STACK[-i]` after the pop), but a key already present raises `TypeError:
    /// f() got multiple values for keyword argument 'k'`, a non-str key raises
    /// `TypeError: keywords must be strings`, and a non-mapping raises `TypeError:
    /// f() argument after ** must be a mapping, not T`; the callable named in those
    /// messages is at `STACK[-(i + 3)]` (counted after the pop).
    DictMerge = "DICT_MERGE", Count, |a| (1, 0);

    /// `UNPACK_SEQUENCE(n) (seq -- values[n])`: pops an iterable and pushes exactly
    /// `n` items so that item 0 ends on TOP (pushed last). Raises `ValueError: not
    /// enough values to unpack (expected n, got m)` / `too many values to unpack
    /// (expected n)`, or `TypeError: cannot unpack non-iterable T object`.
    UnpackSequence = "UNPACK_SEQUENCE", Count, |a| (1, a);

    /// `UNPACK_EX(before | after << 8) (seq -- values[before + 1 + after])`: starred
    /// unpacking: `before` leading items, a list of the middle, `after` trailing
    /// items; pushed so that the first leading item ends on TOP (the list sits
    /// between). Raises `ValueError: not enough values to unpack (expected at least
    /// k, got m)`.
    UnpackEx = "UNPACK_EX", UnpackEx, |a| (1, (a & 0xff) + (a >> 8) + 1);

    /// `JUMP_FORWARD(target) ( -- )`: continues at instruction `target` (> this one).
    JumpForward = "JUMP_FORWARD", Jump, |a| (0, 0);

    /// `JUMP_BACKWARD(target) ( -- )`: continues at `target` (<= this one) after
    /// checking the eval breaker.
    JumpBackward = "JUMP_BACKWARD", Jump, |a| (0, 0);

    /// `JUMP_BACKWARD_NO_INTERRUPT(target) ( -- )`: like `JUMP_BACKWARD` without the
    /// eval-breaker check (used in the `SEND` loop of `await`/`yield from`).
    JumpBackwardNoInterrupt = "JUMP_BACKWARD_NO_INTERRUPT", Jump, |a| (0, 0);

    /// `POP_JUMP_IF_FALSE(target) (cond -- )`: pops `cond`; jumps if it is false.
    /// DEVIATION: CPython requires an exact bool; Spindle applies the full truth
    /// test (may call `__bool__`/`__len__` and raise).
    PopJumpIfFalse = "POP_JUMP_IF_FALSE", Jump, |a| (1, 0);

    /// `POP_JUMP_IF_TRUE(target) (cond -- )`: pops `cond`; jumps if it is true (full
    /// truth test, as `POP_JUMP_IF_FALSE`).
    PopJumpIfTrue = "POP_JUMP_IF_TRUE", Jump, |a| (1, 0);

    /// `POP_JUMP_IF_NONE(target) (value -- )`: pops; jumps if it is `None`.
    PopJumpIfNone = "POP_JUMP_IF_NONE", Jump, |a| (1, 0);

    /// `POP_JUMP_IF_NOT_NONE(target) (value -- )`: pops; jumps if it is not `None`.
    PopJumpIfNotNone = "POP_JUMP_IF_NOT_NONE", Jump, |a| (1, 0);

    /// `GET_ITER (iterable -- iter)`: `iter = iter(iterable)`. DEVIATION: CPython
    /// 3.14 pushes an extra index-or-NULL slot; Spindle's iterator is one slot.
    GetIter = "GET_ITER", None, |a| (1, 1);

    /// `FOR_ITER(target) (iter -- iter, next)`: calls `next(iter)`. If it produces a
    /// value, pushes it (iterator stays below) and continues with the next
    /// instruction. If the iterator is exhausted (StopIteration, which is cleared),
    /// pushes nothing and jumps to `target` with `iter` still on the stack; the
    /// instruction at `target` is always `POP_ITER`. DEVIATION: CPython jumps to an
    /// `END_FOR` and skips it; Spindle targets the `POP_ITER` directly.
    ForIter = "FOR_ITER", Jump, |a| (1, 2), jump (1, 1);

    /// `POP_ITER (iter -- )`: discards the iterator at the end of a `for` loop.
    PopIter = "POP_ITER", None, |a| (1, 0);

    /// `GET_YIELD_FROM_ITER (iterable -- iter)`: if `iterable` is a coroutine object
    /// and the code is not a coroutine (`CO_COROUTINE`/`CO_ITERABLE_COROUTINE`),
    /// raises `TypeError: cannot 'yield from' a coroutine object in a non-coroutine
    /// generator`; if it is a generator or coroutine, leaves it; otherwise pushes
    /// `iter(iterable)`.
    GetYieldFromIter = "GET_YIELD_FROM_ITER", None, |a| (1, 1);

    /// `GET_AWAITABLE(where) (obj -- awaitable)`: `awaitable = obj.__await__()` (a
    /// coroutine, or a coroutine-flagged generator, is itself); raises `TypeError:
    /// 'T' object can't be awaited` (or, with `where` = 1 `'async with' received an
    /// object from __aenter__ that does not implement __await__: T`, 2 the same for
    /// `__aexit__`). Also raises `RuntimeError: coroutine is being awaited already`
    /// for a coroutine already being awaited.
    GetAwaitable = "GET_AWAITABLE", Count, |a| (1, 1);

    /// `GET_AITER (obj -- aiter)`: `aiter = obj.__aiter__()`; raises `TypeError:
    /// 'async for' requires an object with __aiter__ method, got T`.
    GetAiter = "GET_AITER", None, |a| (1, 1);

    /// `GET_ANEXT (aiter -- aiter, awaitable)`: pushes `aiter.__anext__()` turned
    /// into an awaitable (as `GET_AWAITABLE`), leaving `aiter` below.
    GetAnext = "GET_ANEXT", None, |a| (1, 2);

    /// `END_ASYNC_FOR (aiter, exc -- )`: exception handler target of an `async for`:
    /// if `exc` is a `StopAsyncIteration`, pops both and continues at the next
    /// instruction; otherwise re-raises `exc` (as `RERAISE 0`).
    EndAsyncFor = "END_ASYNC_FOR", None, |a| (2, 0);

    /// `RETURN_VALUE (retval -- )`: returns `retval` to the caller (or finishes the
    /// generator/coroutine with `StopIteration(retval)` semantics).
    ReturnValue = "RETURN_VALUE", None, |a| (1, 0);

    /// `RETURN_GENERATOR ( -- value)`: first instruction of a generator, coroutine or
    /// async generator (after `MAKE_CELL`/`COPY_FREE_VARS`). Creates the
    /// generator/coroutine object owning this frame and returns it to the caller,
    /// suspending the frame. When the object is first resumed, the value sent (always
    /// `None` for the first `send`) is pushed and execution continues at the next
    /// instruction (a `POP_TOP`).
    ReturnGenerator = "RETURN_GENERATOR", None, |a| (0, 1);

    /// `YIELD_VALUE(oparg) (value -- sent)`: suspends the generator, yielding
    /// `value` to whoever resumed it (async generators wrap it appropriately: the
    /// compiler already applied `INTRINSIC_ASYNC_GEN_WRAP` for a plain `yield`). When
    /// resumed by `send(v)`/`next()` pushes `v` (None for `next`) and continues at
    /// the next instruction (always a `RESUME`). When resumed by `throw(exc)` it
    /// pushes `None` and then raises `exc` AT THIS INSTRUCTION (so the exception
    /// table entry covering the `YIELD_VALUE` handles it). Operand: 1 when inside a
    /// `yield from`/`await` (informational), 0 otherwise.
    YieldValue = "YIELD_VALUE", Count, |a| (1, 1);

    /// `SEND(target) (receiver, v -- receiver, retval)`: sends `v` into `receiver`
    /// (`receiver.send(v)`, or `next(receiver)` when `v` is None and `receiver` is
    /// an iterator without `send`). If it yields, pushes the yielded value as
    /// `retval` and continues with the next instruction (a `YIELD_VALUE`). If it
    /// returns (StopIteration / generator return), `retval` is the return value and
    /// execution jumps to `target` (always an `END_SEND`). Other exceptions raise.
    Send = "SEND", Jump, |a| (2, 2);

    /// `END_SEND (receiver, value -- value)`: drops the receiver below TOS.
    EndSend = "END_SEND", None, |a| (2, 1);

    /// `CLEANUP_THROW (sub_iter, last_sent_val, exc -- none, value)`: handler of the
    /// `YIELD_VALUE` in a `SEND` loop. If `exc` is a `StopIteration`, pushes `None`
    /// and `exc.value` and continues (the next instruction is `END_SEND`); otherwise
    /// re-raises `exc` (as `RERAISE 0`).
    CleanupThrow = "CLEANUP_THROW", None, |a| (3, 2);

    /// `RAISE_VARARGS(n) (args[n] -- )`: 0: re-raise the exception currently being
    /// handled (`RuntimeError: No active exception to reraise` if none); 1: `raise
    /// STACK[-1]`; 2: `raise STACK[-2] from STACK[-1]`. A class is instantiated with
    /// no arguments; non-exceptions raise `TypeError: exceptions must derive from
    /// BaseException`.
    RaiseVarargs = "RAISE_VARARGS", Count, |a| (a, 0);

    /// `RERAISE(oparg) (values[oparg], exc -- values[oparg])`: pops `exc` and raises
    /// it again without touching its traceback. If `oparg` is non-zero, the item now
    /// at `STACK[-oparg]` (after popping `exc`) is an int previously pushed by an
    /// exception-table entry with `lasti`; the frame's last-instruction index is set
    /// to it first (so the traceback points at the original instruction). Never
    /// falls through.
    Reraise = "RERAISE", Count, |a| (1 + a, a);

    /// `PUSH_EXC_INFO (exc -- prev_exc, exc)`: pops `exc`, pushes the exception
    /// currently being handled by this thread (`sys.exception()`, or None), then
    /// pushes `exc` again and makes `exc` the one being handled.
    PushExcInfo = "PUSH_EXC_INFO", None, |a| (1, 2);

    /// `POP_EXCEPT (prev_exc -- )`: pops `prev_exc` and makes it the exception being
    /// handled again (None means none).
    PopExcept = "POP_EXCEPT", None, |a| (1, 0);

    /// `CHECK_EXC_MATCH (exc, type -- exc, res)`: pops `type` (a class or tuple of
    /// classes), pushes the bool `isinstance(exc, type)`. Raises `TypeError: catching
    /// classes that do not inherit from BaseException is not allowed` for a
    /// non-exception type.
    CheckExcMatch = "CHECK_EXC_MATCH", None, |a| (2, 2);

    /// `CHECK_EG_MATCH (exc, match_type -- rest, match)`: `except*` matching: splits
    /// the exception (group) `exc` by `match_type` (`TypeError` if it is an
    /// `ExceptionGroup` subclass: `catching ExceptionGroup with except* is not
    /// allowed. Use except instead.`). Pushes `rest` (the non-matching part or
    /// None) and `match` (the matching part, an exception group, or None when
    /// nothing matched). A naked matching exception is wrapped in an
    /// `ExceptionGroup("", [exc])`. When something matched, `match` also becomes
    /// the exception being handled (as `sys.exception()`).
    CheckEgMatch = "CHECK_EG_MATCH", None, |a| (2, 2);

    /// `WITH_EXCEPT_START (exit_func, exit_self, lasti, prev_exc, val -- exit_func,
    /// exit_self, lasti, prev_exc, val, res)`: calls `exit_func(exit_self, type(val),
    /// val, val.__traceback__)` (without `exit_self` when it is NULL) and pushes the
    /// result.
    WithExceptStart = "WITH_EXCEPT_START", None, |a| (5, 6);

    /// `LOAD_SPECIAL(which) (owner -- method, self_or_null)`: looks up the special
    /// method named by `which` (`SpecialMethod`: 0 `__enter__`, 1 `__exit__`, 2
    /// `__aenter__`, 3 `__aexit__`) on `type(owner)`; pushes it as `LOAD_ATTR` with
    /// the method bit does (`[func, owner]` or `[bound, NULL]`). If missing raises
    /// `TypeError: 'T' object does not support the context manager protocol`
    /// (or `... the asynchronous context manager protocol`; 3.14 also adds
    /// `(missed __exit__ method)` style detail).
    LoadSpecial = "LOAD_SPECIAL", Special, |a| (1, 2);

    /// `LOAD_BUILD_CLASS ( -- build_class)`: pushes `builtins.__build_class__`;
    /// raises `NameError: __build_class__ not found` if missing.
    LoadBuildClass = "LOAD_BUILD_CLASS", None, |a| (0, 1);

    /// `MAKE_FUNCTION (code -- func)`: pops a code object, pushes a new function
    /// with the current globals, `__name__`/`__qualname__` from the code, the
    /// module `__name__` from globals, `__doc__` = `constants[0]` if the code has
    /// `CO_HAS_DOCSTRING`, else None. Attributes are added by
    /// `SET_FUNCTION_ATTRIBUTE`.
    MakeFunction = "MAKE_FUNCTION", None, |a| (1, 1);

    /// `SET_FUNCTION_ATTRIBUTE(flag) (attr, func -- func)`: sets one attribute of the
    /// function (see `FunctionAttr`): 0x01 `__defaults__` (tuple), 0x02
    /// `__kwdefaults__` (dict), 0x04 `__annotations__` (a dict of str -> str,
    /// only under `from __future__ import annotations`), 0x08 `__closure__`
    /// (tuple of cells, one per free variable in `co_freevars` order), 0x10
    /// `__annotate__` (a function).
    SetFunctionAttribute = "SET_FUNCTION_ATTRIBUTE", FunctionAttr, |a| (2, 1);

    /// `CALL(argc) (callable, self_or_null, args[argc] -- res)`: calls
    /// `callable(*args)` or, if `self_or_null` is not NULL, `callable(self_or_null,
    /// *args)`; pushes the result.
    Call = "CALL", Count, |a| (2 + a, 1);

    /// `CALL_KW(argc) (callable, self_or_null, args[argc], kwnames -- res)`: like
    /// `CALL`, but `kwnames` is a tuple of str naming the LAST `len(kwnames)` of the
    /// `argc` args as keyword arguments.
    CallKw = "CALL_KW", Count, |a| (3 + a, 1);

    /// `CALL_FUNCTION_EX (func, self_or_null, callargs, kwargs_or_null -- res)`:
    /// calls `func(*callargs, **kwargs)`; `callargs` is a tuple, or for `f(*x)` the
    /// object `x` itself, turned into a tuple here (raising `TypeError: F argument
    /// after * must be an iterable, not T` when it is not iterable);
    /// `kwargs_or_null` a dict or NULL. If `self_or_null` is not NULL it is
    /// prepended to the positional arguments.
    CallFunctionEx = "CALL_FUNCTION_EX", None, |a| (4, 1);

    /// `CALL_INTRINSIC_1(fn) (arg -- res)`: `res = fn(arg)` for the `Intrinsic1`
    /// function `fn` (see that enum for each one's exact behaviour).
    CallIntrinsic1 = "CALL_INTRINSIC_1", Intrinsic1, |a| (1, 1);

    /// `CALL_INTRINSIC_2(fn) (arg1, arg2 -- res)`: `res = fn(arg1, arg2)` for the
    /// `Intrinsic2` function `fn` (arg2 is TOS).
    CallIntrinsic2 = "CALL_INTRINSIC_2", Intrinsic2, |a| (2, 1);

    /// `FORMAT_SIMPLE (value -- res)`: `res = format(value, '')` (str values pass
    /// through unchanged).
    FormatSimple = "FORMAT_SIMPLE", None, |a| (1, 1);

    /// `FORMAT_WITH_SPEC (value, spec -- res)`: `res = format(value, spec)`.
    FormatWithSpec = "FORMAT_WITH_SPEC", None, |a| (2, 1);

    /// `CONVERT_VALUE(kind) (value -- res)`: 1 `str(value)`, 2 `repr(value)`, 3
    /// `ascii(value)`.
    ConvertValue = "CONVERT_VALUE", Convert, |a| (1, 1);

    /// `GET_LEN (obj -- obj, len)`: pushes `len(obj)` leaving `obj`.
    GetLen = "GET_LEN", None, |a| (1, 2);

    /// `MATCH_MAPPING (subject -- subject, res)`: pushes True if `type(subject)` has
    /// the `Py_TPFLAGS_MAPPING` flag (dict, `collections.abc.Mapping` registrants,
    /// classes with `__match_args__`-independent `_abc_tpflags`), else False.
    MatchMapping = "MATCH_MAPPING", None, |a| (1, 2);

    /// `MATCH_SEQUENCE (subject -- subject, res)`: pushes True if `type(subject)` has
    /// the `Py_TPFLAGS_SEQUENCE` flag (list, tuple, range, memoryview, deque,
    /// `collections.abc.Sequence` registrants; NOT str/bytes/bytearray), else False.
    MatchSequence = "MATCH_SEQUENCE", None, |a| (1, 2);

    /// `MATCH_KEYS (subject, keys -- subject, keys, values_or_none)`: `keys` is a
    /// tuple; if every key is in the mapping `subject` (looked up with
    /// `subject.get(key, <sentinel>)`), pushes a tuple of the values in key order,
    /// else pushes None.
    MatchKeys = "MATCH_KEYS", None, |a| (2, 3);

    /// `MATCH_CLASS(count) (subject, type, names -- attrs_or_none)`: class pattern
    /// match: if `isinstance(subject, type)` (`TypeError: called match pattern must
    /// be a class` if `type` is not a class), collects `count` positional attributes
    /// via `type.__match_args__` (or `subject` itself for a single positional
    /// pattern on bool/bytearray/bytes/dict/float/frozenset/int/list/set/str/tuple
    /// instances) followed by the keyword attributes named in the tuple `names`;
    /// pushes the tuple of attribute values, or None if the isinstance test or any
    /// `getattr` fails (AttributeError is swallowed). Errors: `TypeError: C()
    /// accepts 0 positional sub-patterns (1 given)`, `C() got multiple
    /// sub-patterns for attribute 'a'`, `__match_args__ elements must be strings
    /// (got T)`.
    MatchClass = "MATCH_CLASS", Count, |a| (3, 1);

    /// `IMPORT_NAME(namei) (level, fromlist -- module)`: calls
    /// `__import__(names[namei], globals, locals-or-None, fromlist, level)` (via
    /// `builtins.__import__`) and pushes the result.
    ImportName = "IMPORT_NAME", Name, |a| (2, 1);

    /// `IMPORT_FROM(namei) (module -- module, attr)`: pushes
    /// `module.<names[namei]>`; on AttributeError falls back to
    /// `sys.modules[f"{module.__name__}.{name}"]`, else raises `ImportError: cannot
    /// import name 'x' from 'm' (path)`.
    ImportFrom = "IMPORT_FROM", Name, |a| (1, 2);

    /// `SETUP_ANNOTATIONS ( -- )`: if `__annotations__` is not in the locals
    /// mapping, sets it to a new empty dict. Emitted only for modules and classes
    /// under `from __future__ import annotations` (PEP 563), whose annotations
    /// are then stored eagerly as strings with `STORE_SUBSCR`.
    SetupAnnotations = "SETUP_ANNOTATIONS", None, |a| (0, 0);
}

/// `BINARY_OP` operand codes (CPython's `NB_*` numbering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
    Subscr = 26,
}

impl BinaryOp {
    /// Every code, indexed by its value.
    pub const ALL: [BinaryOp; 27] = [
        BinaryOp::Add,
        BinaryOp::And,
        BinaryOp::FloorDivide,
        BinaryOp::Lshift,
        BinaryOp::MatrixMultiply,
        BinaryOp::Multiply,
        BinaryOp::Remainder,
        BinaryOp::Or,
        BinaryOp::Power,
        BinaryOp::Rshift,
        BinaryOp::Subtract,
        BinaryOp::TrueDivide,
        BinaryOp::Xor,
        BinaryOp::InplaceAdd,
        BinaryOp::InplaceAnd,
        BinaryOp::InplaceFloorDivide,
        BinaryOp::InplaceLshift,
        BinaryOp::InplaceMatrixMultiply,
        BinaryOp::InplaceMultiply,
        BinaryOp::InplaceRemainder,
        BinaryOp::InplaceOr,
        BinaryOp::InplacePower,
        BinaryOp::InplaceRshift,
        BinaryOp::InplaceSubtract,
        BinaryOp::InplaceTrueDivide,
        BinaryOp::InplaceXor,
        BinaryOp::Subscr,
    ];

    /// The operator as `dis` prints it (`+`, `+=`, `[]`).
    #[must_use]
    pub const fn symbol(self) -> &'static str {
        const SYMBOLS: [&str; 27] = [
            "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=",
            "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=", "[]",
        ];
        SYMBOLS[self as usize]
    }

    /// The in-place variant of a plain operator (identity for in-place ones).
    #[must_use]
    pub const fn inplace(self) -> BinaryOp {
        let v = self as usize;
        if v < 13 { Self::ALL[v + 13] } else { self }
    }

    /// Decodes an operand.
    #[must_use]
    pub fn from_u32(v: u32) -> Option<BinaryOp> {
        Self::ALL.get(usize::try_from(v).ok()?).copied()
    }
}

/// `COMPARE_OP` operand codes (CPython's `Py_LT`..`Py_GE` order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    /// Every code, indexed by its value.
    pub const ALL: [CompareOp; 6] =
        [CompareOp::Lt, CompareOp::Le, CompareOp::Eq, CompareOp::Ne, CompareOp::Gt, CompareOp::Ge];

    /// The operator text.
    #[must_use]
    pub const fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// Decodes an operand.
    #[must_use]
    pub fn from_u32(v: u32) -> Option<CompareOp> {
        Self::ALL.get(usize::try_from(v).ok()?).copied()
    }
}

/// `CALL_INTRINSIC_1` functions (CPython 3.14 numbering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Intrinsic1 {
    /// Never emitted.
    Invalid = 0,
    /// `(value -- None)`: interactive mode expression statement: if `value` is not
    /// None, calls `sys.displayhook(value)`.
    Print = 1,
    /// `(module -- None)`: `from module import *` into the frame's locals mapping
    /// (honours `__all__`, else skips names starting with `_`).
    ImportStar = 2,
    /// `(exc -- exc2)`: converts a `StopIteration`/`StopAsyncIteration` escaping a
    /// generator/coroutine body into `RuntimeError("generator raised
    /// StopIteration")` (or `"coroutine raised StopIteration"`, `"async generator
    /// raised StopIteration"`, `"async generator raised StopAsyncIteration"`) with
    /// `__cause__` set; other exceptions pass through.
    StopIterationError = 3,
    /// `(value -- wrapped)`: wraps a value yielded by an async generator.
    AsyncGenWrap = 4,
    /// `(value -- res)`: `+value`.
    UnaryPositive = 5,
    /// `(list -- tuple)`: `tuple(list)`.
    ListToTuple = 6,
    /// `(name -- typevar)`: `typing.TypeVar(name)` (PEP 695).
    TypeVar = 7,
    /// `(name -- paramspec)`: `typing.ParamSpec(name)`.
    ParamSpec = 8,
    /// `(name -- typevartuple)`: `typing.TypeVarTuple(name)`.
    TypeVarTuple = 9,
    /// `(params -- generic)`: `typing.Generic[*params]` (`params` a tuple).
    SubscriptGeneric = 10,
    /// `(args -- alias)`: `args` is the tuple `(name, type_params_or_None,
    /// compute_value_function)`; pushes a `typing.TypeAliasType` evaluating the
    /// function lazily.
    TypeAlias = 11,
}

impl Intrinsic1 {
    /// Every function, indexed by code.
    pub const ALL: [Intrinsic1; 12] = [
        Intrinsic1::Invalid,
        Intrinsic1::Print,
        Intrinsic1::ImportStar,
        Intrinsic1::StopIterationError,
        Intrinsic1::AsyncGenWrap,
        Intrinsic1::UnaryPositive,
        Intrinsic1::ListToTuple,
        Intrinsic1::TypeVar,
        Intrinsic1::ParamSpec,
        Intrinsic1::TypeVarTuple,
        Intrinsic1::SubscriptGeneric,
        Intrinsic1::TypeAlias,
    ];

    /// CPython's name (`INTRINSIC_PRINT`...).
    #[must_use]
    pub const fn name(self) -> &'static str {
        [
            "INTRINSIC_1_INVALID",
            "INTRINSIC_PRINT",
            "INTRINSIC_IMPORT_STAR",
            "INTRINSIC_STOPITERATION_ERROR",
            "INTRINSIC_ASYNC_GEN_WRAP",
            "INTRINSIC_UNARY_POSITIVE",
            "INTRINSIC_LIST_TO_TUPLE",
            "INTRINSIC_TYPEVAR",
            "INTRINSIC_PARAMSPEC",
            "INTRINSIC_TYPEVARTUPLE",
            "INTRINSIC_SUBSCRIPT_GENERIC",
            "INTRINSIC_TYPEALIAS",
        ][self as usize]
    }
}

/// `CALL_INTRINSIC_2` functions (CPython 3.14 numbering); `(arg1, arg2 -- res)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Intrinsic2 {
    /// Never emitted.
    Invalid = 0,
    /// `(orig, excs -- res)`: `except*` epilogue: `orig` is the exception group
    /// originally raised, `excs` a list of the exceptions raised or re-raised by the
    /// handlers (None entries for handlers that completed); pushes the exception to
    /// re-raise (None if nothing is left), merged as CPython's
    /// `_PyExc_PrepReraiseStar` does.
    PrepReraiseStar = 1,
    /// `(name, bound -- typevar)`: `TypeVar(name)` with a lazily evaluated bound
    /// (`bound` is a function computing it).
    TypeVarWithBound = 2,
    /// `(name, constraints -- typevar)`: `TypeVar(name)` with lazily evaluated
    /// constraints (a function returning the tuple).
    TypeVarWithConstraints = 3,
    /// `(func, type_params -- func)`: sets `func.__type_params__ = type_params`.
    SetFunctionTypeParams = 4,
    /// `(typeparam, default -- typeparam)`: sets the lazily evaluated default
    /// (`default` is a function computing it).
    SetTypeparamDefault = 5,
}

impl Intrinsic2 {
    /// Every function, indexed by code.
    pub const ALL: [Intrinsic2; 6] = [
        Intrinsic2::Invalid,
        Intrinsic2::PrepReraiseStar,
        Intrinsic2::TypeVarWithBound,
        Intrinsic2::TypeVarWithConstraints,
        Intrinsic2::SetFunctionTypeParams,
        Intrinsic2::SetTypeparamDefault,
    ];

    /// CPython's name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        [
            "INTRINSIC_2_INVALID",
            "INTRINSIC_PREP_RERAISE_STAR",
            "INTRINSIC_TYPEVAR_WITH_BOUND",
            "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
            "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
            "INTRINSIC_SET_TYPEPARAM_DEFAULT",
        ][self as usize]
    }
}

/// `SET_FUNCTION_ATTRIBUTE` flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum FunctionAttr {
    /// `__defaults__`: a tuple.
    Defaults = 0x01,
    /// `__kwdefaults__`: a dict.
    KwDefaults = 0x02,
    /// `__annotations__`: a dict (not emitted by this compiler).
    Annotations = 0x04,
    /// `__closure__`: a tuple of cells.
    Closure = 0x08,
    /// `__annotate__`: a function of one argument `format`.
    Annotate = 0x10,
}

/// `LOAD_SPECIAL` operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum SpecialMethod {
    /// `__enter__`
    Enter = 0,
    /// `__exit__`
    Exit = 1,
    /// `__aenter__`
    Aenter = 2,
    /// `__aexit__`
    Aexit = 3,
}

impl SpecialMethod {
    /// The dunder name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        ["__enter__", "__exit__", "__aenter__", "__aexit__"][self as usize]
    }
}

/// `LOAD_COMMON_CONSTANT` operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CommonConstant {
    /// `AssertionError`
    AssertionError = 0,
    /// `NotImplementedError`
    NotImplementedError = 1,
    /// `tuple`
    Tuple = 2,
    /// `all`
    All = 3,
    /// `any`
    Any = 4,
}

impl CommonConstant {
    /// The builtin's name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        ["AssertionError", "NotImplementedError", "tuple", "all", "any"][self as usize]
    }
}

impl Opcode {
    /// The CPython 3.14 instruction `co_code` and `dis` show for this one:
    /// its own name, except pair loads that borrow only one of their
    /// locals, which CPython's analysis (every consumer may take a
    /// borrowed value) writes as borrowing both.
    #[must_use]
    pub const fn cpython_name(self) -> &'static str {
        match self {
            Opcode::LoadFastLoadFastBorrow | Opcode::LoadFastBorrowLoadFast => "LOAD_FAST_BORROW_LOAD_FAST_BORROW",
            _ => self.name(),
        }
    }
}
