//! Compiler unit tests: `check(source, expected_disassembly)` snippets per area,
//! plus structural invariants (stack depth verified independently).

use spindle_bytecode::{CodeObject, Constant, compute_stack_depth, disassemble_recursive};

use crate::{Mode, compile};

fn compile_ok(src: &str) -> CodeObject {
    match compile(src, "<test>", Mode::Exec, 0) {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {e}\n{src}"),
    }
}

/// Every code object's stack depth must verify independently.
fn verify(code: &CodeObject) {
    let depth = compute_stack_depth(code).unwrap_or_else(|e| panic!("{}: {e:?}\n{}", code.qualname, spindle_bytecode::disassemble(code)));
    assert!(depth <= code.stacksize, "{}: {depth} > {}", code.qualname, code.stacksize);
    assert_eq!(code.instructions.len(), code.positions.len());
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            verify(inner);
        }
    }
}

/// Compiles `src` and compares the disassembly (leading/trailing whitespace of
/// each line ignored) with `expected`.
fn check(src: &str, expected: &str) {
    let code = compile_ok(src);
    verify(&code);
    let got = disassemble_recursive(&code);
    let norm = |s: &str| s.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    assert_eq!(norm(&got), norm(expected), "\n--- got ---\n{got}");
}

#[test]
fn simple_assignment() {
    check(
        "x = 1\ny = x + 2\n",
        "
        0     0 RESUME 0
        1     1 LOAD_SMALL_INT 1
              2 STORE_NAME 0 (x)
        2     3 LOAD_NAME 0 (x)
              4 LOAD_SMALL_INT 2
              5 BINARY_OP 0 (+)
              6 STORE_NAME 1 (y)
              7 LOAD_CONST 0 (None)
              8 RETURN_VALUE
        ",
    );
}

#[test]
fn constant_folding() {
    check(
        "x = -1\ny = (1, 2, 'a')\nz = 2 ** 10\n",
        "
        0     0 RESUME 0
        1     1 LOAD_CONST 0 (-1)
              2 STORE_NAME 0 (x)
        2     3 LOAD_CONST 1 ((1, 2, 'a'))
              4 STORE_NAME 1 (y)
        3     5 LOAD_CONST 2 (1024)
              6 STORE_NAME 2 (z)
              7 LOAD_CONST 3 (None)
              8 RETURN_VALUE
        ",
    );
}

#[test]
fn function_with_closure() {
    check(
        "def f(a):\n    def g():\n        return a\n    return g\n",
        "
        0     0 RESUME 0
        1     1 LOAD_CONST 0 (<code object f>)
              2 MAKE_FUNCTION
              3 STORE_NAME 0 (f)
              4 LOAD_CONST 1 (None)
              5 RETURN_VALUE

        Disassembly of <code object f>:
              0 MAKE_CELL 0 (a)
        1     1 RESUME 0
        2     2 LOAD_FAST 0 (a)
              3 BUILD_TUPLE 1
              4 LOAD_CONST 0 (<code object g>)
              5 MAKE_FUNCTION
              6 SET_FUNCTION_ATTRIBUTE 8 (closure)
              7 STORE_FAST 1 (g)
        4     8 LOAD_FAST 1 (g)
              9 RETURN_VALUE

        Disassembly of <code object f.<locals>.g>:
              0 COPY_FREE_VARS 1
        2     1 RESUME 0
        3     2 LOAD_DEREF 0 (a)
              3 RETURN_VALUE
        ",
    );
}

#[test]
fn for_loop_and_call() {
    check(
        "for i in range(3):\n    print(i)\n",
        "
        0     0 RESUME 0
        1     1 LOAD_NAME 0 (range)
              2 PUSH_NULL
              3 LOAD_SMALL_INT 3
              4 CALL 1
              5 GET_ITER
              6 FOR_ITER 14 (to 14)
              7 STORE_NAME 1 (i)
        2     8 LOAD_NAME 2 (print)
              9 PUSH_NULL
             10 LOAD_NAME 1 (i)
             11 CALL 1
             12 POP_TOP
        1    13 JUMP_BACKWARD 6 (to 6)
             14 POP_ITER
             15 LOAD_CONST 0 (None)
             16 RETURN_VALUE
        ",
    );
}

#[test]
fn compiles_many_constructs() {
    let src = r#"
import os.path as p, sys
from . import a as b
from x.y import *
class C(Base, metaclass=M):
    """doc"""
    x: int = 1
    def m(self, a, /, b=2, *args, c, d=4, **kw) -> None:
        self.z = super().m(*args, **kw)
        return [i for i in args if i], {k: v for k, v in kw.items()}, (j async for j in a) if 0 else 1
    @property
    def p(self): return __class__
async def f():
    async with a as b, c:
        await b
    async for x in y:
        pass
    return [await z async for z in y]
def gen():
    x = yield 1
    yield from x
    try:
        pass
    except (A, B) as e:
        raise X from e
    except C:
        pass
    else:
        pass
    finally:
        return 3
def m(x):
    match x:
        case [1, 2, *rest]: pass
        case {"a": 1, **kw}: pass
        case Point(x=0, y=yy) | Point(x=yy, y=0): pass
        case str() as s if s: pass
        case None | True: pass
        case _: pass
def t[T: int, *Ts, **P](a: T) -> T: ...
class G[T]: pass
type A[T] = list[T]
x = f"{a!r:>{w}} {b=}" + t"{c}"
with open(f) as g, h: del g[0], h.x
while x:
    if y: break
    elif z: continue
else:
    pass
try: pass
except* ValueError as e: pass
lambda a, *b, c=1: (a, b, c)
assert x, "m"
global q
x = a if b else c
x, *y = z
a[1:2] = b
a.b += 1
print(*a, *b, k=1, **d)
(x := 5)
"#;
    let code = compile_ok(src);
    verify(&code);
}

#[test]
fn lone_surrogates_are_kept() {
    let code = compile_ok("x = '\\ud800a'\n");
    assert!(code.constants.iter().any(|c| matches!(c, Constant::StrCodePoints(p) if p[..] == [0xd800, 0x61])));
}

#[test]
fn lone_surrogates_are_kept_in_folded_lists() {
    let code = compile_ok("x = ['a', 'b', '\\udc80c']\n");
    let kept = |c: &Constant| matches!(c, Constant::StrCodePoints(p) if p[..] == [0xdc80, 0x63]);
    assert!(code.constants.iter().any(|c| matches!(c, Constant::Tuple(items) if items.iter().any(kept))));
}

#[test]
fn deep_nesting_is_an_error_or_compiles_without_overflow() {
    // Runs on the test thread's small (2 MiB) stack on purpose.
    for src in [
        format!("x = {}1", "-".repeat(900)),
        format!("x = {}1{}", "(".repeat(200), ")".repeat(200)),
        format!("x = {}1{}", "[".repeat(200), "]".repeat(200)),
        format!("x = 1{}", " ** 1".repeat(900)),
        format!("x = {}", "not ".repeat(900) + "y"),
        format!("x = {}1", "lambda: ".repeat(300)),
        format!("x = {}", "a if b else ".repeat(900) + "c"),
    ] {
        let _ = compile(&src, "<deep>", Mode::Exec, 0);
    }
    let e = compile(&format!("x = {}1", "-".repeat(100_000)), "<deep>", Mode::Exec, 0).unwrap_err();
    assert_eq!(e.kind, crate::SyntaxErrorKind::TooComplex);
}

#[test]
fn nested_blocks_limit() {
    let src: String = (0..22).map(|i| format!("{}for x in y:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(22) + "pass\n";
    let e = compile(&src, "<t>", Mode::Exec, 0).unwrap_err();
    assert_eq!((e.msg.as_str(), e.lineno), ("too many statically nested blocks", 22));
}

#[test]
fn eval_and_single_modes() {
    let code = compile("a + 1", "<eval>", Mode::Eval, 0).unwrap();
    verify(&code);
    assert_eq!(code.instructions.last().map(|i| i.op), Some(spindle_bytecode::Opcode::ReturnValue));
    let code = compile("a + 1", "<stdin>", Mode::Single, 0).unwrap();
    assert!(code.instructions.iter().any(|i| i.op == spindle_bytecode::Opcode::CallIntrinsic1 && i.arg == 1));
}

#[test]
fn asserts_are_dropped_at_optimize_1_and_docstrings_at_2() {
    let src = "def f():\n    'doc'\n    assert x\n";
    let code = compile(src, "<t>", Mode::Exec, 1).unwrap();
    let f = code.constants.iter().find_map(|c| if let Constant::Code(c) = c { Some(c.clone()) } else { None }).unwrap();
    assert!(!f.instructions.iter().any(|i| i.op == spindle_bytecode::Opcode::RaiseVarargs));
    assert!(f.docstring().is_some());
    let code = compile(src, "<t>", Mode::Exec, 2).unwrap();
    let f = code.constants.iter().find_map(|c| if let Constant::Code(c) = c { Some(c.clone()) } else { None }).unwrap();
    assert!(f.docstring().is_none());
}

#[test]
fn exception_table_for_try_except() {
    check(
        "try:\n    f()\nexcept E as e:\n    g()\n",
        "
           0     0 RESUME 0
           1     1 NOP
           2     2 LOAD_NAME 0 (f)
                 3 PUSH_NULL
                 4 CALL 0
                 5 POP_TOP
                 6 JUMP_FORWARD 29 (to 29)
                 7 PUSH_EXC_INFO
           3     8 LOAD_NAME 1 (E)
                 9 CHECK_EXC_MATCH
                10 POP_JUMP_IF_FALSE 25 (to 25)
                11 STORE_NAME 2 (e)
           4    12 LOAD_NAME 3 (g)
                13 PUSH_NULL
                14 CALL 0
                15 POP_TOP
                16 POP_EXCEPT
                17 LOAD_CONST 0 (None)
                18 STORE_NAME 2 (e)
                19 DELETE_NAME 2 (e)
                20 JUMP_FORWARD 29 (to 29)
                21 LOAD_CONST 0 (None)
                22 STORE_NAME 2 (e)
                23 DELETE_NAME 2 (e)
                24 RERAISE 1
                25 RERAISE 0
                26 COPY 3
                27 POP_EXCEPT
                28 RERAISE 1
                29 LOAD_CONST 0 (None)
                30 RETURN_VALUE
        ExceptionTable:
          2 to 6 -> 7 [0]
          7 to 12 -> 26 [1] lasti
          12 to 16 -> 21 [1] lasti
          21 to 26 -> 26 [1] lasti
        ",
    );
}

#[test]
fn bound_locals_load_without_check_and_fuse() {
    // `x` is bound on every path to its reads; `y` only after the loop
    // ran, so its read keeps the check. Loads and stores on one line fuse.
    check(
        "def f(a, b):\n    x = a\n    for y in b:\n        x = x + y\n    return x, y\n",
        "
        0     0 RESUME 0
        1     1 LOAD_CONST 0 (<code object f>)
              2 MAKE_FUNCTION
              3 STORE_NAME 0 (f)
              4 LOAD_CONST 1 (None)
              5 RETURN_VALUE

        Disassembly of <code object f>:
        1     0 RESUME 0
        2     1 LOAD_FAST 0 (a)
              2 STORE_FAST 2 (x)
        3     3 LOAD_FAST_BORROW 1 (b)
              4 GET_ITER
              5 FOR_ITER 11 (to 11)
              6 STORE_FAST 3 (y)
        4     7 LOAD_FAST_LOAD_FAST 35 (x, y)
              8 BINARY_OP 0 (+)
              9 STORE_FAST 2 (x)
        3    10 JUMP_BACKWARD 5 (to 5)
             11 POP_ITER
        5    12 LOAD_FAST 2 (x)
             13 LOAD_FAST_CHECK 3 (y)
             14 BUILD_TUPLE 2
             15 RETURN_VALUE
        ",
    );
}

#[test]
fn no_fusion_across_a_jump_target_and_no_to_bool_before_jumps() {
    // `b` at 6 is where the taken branch lands: it must not fuse with the
    // `a` before it; the condition jumps on `c` itself (no TO_BOOL).
    check(
        "def f(a, b, c):\n    return a, (b if c else a), b\n",
        "
        0     0 RESUME 0
        1     1 LOAD_CONST 0 (<code object f>)
              2 MAKE_FUNCTION
              3 STORE_NAME 0 (f)
              4 LOAD_CONST 1 (None)
              5 RETURN_VALUE

        Disassembly of <code object f>:
        1     0 RESUME 0
        2     1 LOAD_FAST_LOAD_FAST 2 (a, c)
              2 POP_JUMP_IF_FALSE 5 (to 5)
              3 LOAD_FAST 1 (b)
              4 JUMP_FORWARD 6 (to 6)
              5 LOAD_FAST 0 (a)
              6 LOAD_FAST 1 (b)
              7 BUILD_TUPLE 3
              8 RETURN_VALUE
        ",
    );
}

#[test]
fn borrowed_loads_only_where_the_value_is_read() {
    // `d` and `k` are only read (subscript) and may borrow; `acc` is
    // consumed by `+=`, so its half of the pair stays owned; `d` is
    // stored over while a read of it could still be on the stack in `g`.
    check(
        "def f(d, k, acc):\n    acc += d[k]\n    return acc\ndef g(d):\n    return d[(d := 0)]\n",
        "
        0     0 RESUME 0
        1     1 LOAD_CONST 0 (<code object f>)
              2 MAKE_FUNCTION
              3 STORE_NAME 0 (f)
        4     4 LOAD_CONST 1 (<code object g>)
              5 MAKE_FUNCTION
              6 STORE_NAME 1 (g)
              7 LOAD_CONST 2 (None)
              8 RETURN_VALUE

        Disassembly of <code object f>:
        1     0 RESUME 0
        2     1 LOAD_FAST_LOAD_FAST_BORROW 32 (acc, d)
              2 LOAD_FAST_BORROW 1 (k)
              3 BINARY_OP 26 ([])
              4 BINARY_OP 13 (+=)
              5 STORE_FAST 2 (acc)
        3     6 LOAD_FAST 2 (acc)
              7 RETURN_VALUE

        Disassembly of <code object g>:
        4     0 RESUME 0
        5     1 LOAD_FAST 0 (d)
              2 LOAD_SMALL_INT 0
              3 COPY 1
              4 STORE_FAST 0 (d)
              5 BINARY_OP 26 ([])
              6 RETURN_VALUE
        ",
    );
}

#[test]
fn store_subscript_borrows_its_container() {
    // `d[k] = v`: the container is only read and may borrow; the value is
    // stored, so its half of the pair stays owned, and so does the key.
    check(
        "def f(d, k, v):\n    d[k] = v\n",
        "
        0     0 RESUME 0
        1     1 LOAD_CONST 0 (<code object f>)
              2 MAKE_FUNCTION
              3 STORE_NAME 0 (f)
              4 LOAD_CONST 1 (None)
              5 RETURN_VALUE

        Disassembly of <code object f>:
        1     0 RESUME 0
        2     1 LOAD_FAST_LOAD_FAST_BORROW 32 (v, d)
              2 LOAD_FAST 1 (k)
              3 STORE_SUBSCR
              4 LOAD_CONST 0 (None)
              5 RETURN_VALUE
        ",
    );
}
