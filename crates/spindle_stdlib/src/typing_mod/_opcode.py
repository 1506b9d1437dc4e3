"""Spindle's `_opcode`: what `opcode`/`dis` import. Spindle's own bytecode is
not CPython's, so the answers describe CPython 3.14's table from the Lib's
`_opcode_metadata` (used by `dis` for names and flags only)."""

from _opcode_metadata import opmap as _opmap, HAVE_ARGUMENT as _HAVE_ARGUMENT

_opname = {v: k for k, v in _opmap.items()}


def stack_effect(opcode, oparg=None, *, jump=None):
    raise ValueError("stack_effect is not available for CPython opcodes in Spindle")


def is_valid(op):
    return op in _opname


def has_arg(op):
    return is_valid(op) and op >= _HAVE_ARGUMENT


def has_const(op):
    return _opname.get(op) in ("LOAD_CONST", "LOAD_SMALL_INT", "RETURN_CONST")


def has_name(op):
    name = _opname.get(op, "")
    return name in ("LOAD_NAME", "STORE_NAME", "DELETE_NAME", "LOAD_ATTR", "STORE_ATTR", "DELETE_ATTR",
                    "LOAD_GLOBAL", "STORE_GLOBAL", "DELETE_GLOBAL", "IMPORT_NAME", "IMPORT_FROM",
                    "LOAD_FROM_DICT_OR_GLOBALS", "LOAD_SUPER_ATTR")


def has_jump(op):
    name = _opname.get(op, "")
    return "JUMP" in name or name in ("FOR_ITER", "SEND", "END_ASYNC_FOR")


def has_free(op):
    name = _opname.get(op, "")
    return name in ("LOAD_DEREF", "STORE_DEREF", "DELETE_DEREF", "MAKE_CELL", "LOAD_FROM_DICT_OR_DEREF")


def has_local(op):
    return "FAST" in _opname.get(op, "")


def has_exc(op):
    return False


def get_intrinsic1_descs():
    return ["INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR", "INTRINSIC_STOPITERATION_ERROR",
            "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR",
            "INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS"]


def get_intrinsic2_descs():
    return ["INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND",
            "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS", "INTRINSIC_SET_TYPEPARAM_DEFAULT"]


def get_special_method_names():
    return ["__enter__", "__exit__", "__aenter__", "__aexit__"]


def get_nb_ops():
    return [("NB_ADD", "+"), ("NB_AND", "&"), ("NB_FLOOR_DIVIDE", "//"), ("NB_LSHIFT", "<<"),
            ("NB_MATRIX_MULTIPLY", "@"), ("NB_MULTIPLY", "*"), ("NB_REMAINDER", "%"), ("NB_OR", "|"),
            ("NB_POWER", "**"), ("NB_RSHIFT", ">>"), ("NB_SUBTRACT", "-"), ("NB_TRUE_DIVIDE", "/"),
            ("NB_XOR", "^"), ("NB_INPLACE_ADD", "+="), ("NB_INPLACE_AND", "&="),
            ("NB_INPLACE_FLOOR_DIVIDE", "//="), ("NB_INPLACE_LSHIFT", "<<="),
            ("NB_INPLACE_MATRIX_MULTIPLY", "@="), ("NB_INPLACE_MULTIPLY", "*="),
            ("NB_INPLACE_REMAINDER", "%="), ("NB_INPLACE_OR", "|="), ("NB_INPLACE_POWER", "**="),
            ("NB_INPLACE_RSHIFT", ">>="), ("NB_INPLACE_SUBTRACT", "-="),
            ("NB_INPLACE_TRUE_DIVIDE", "/="), ("NB_INPLACE_XOR", "^="), ("NB_SUBSCR", "[]")]


def get_executor(code, offset):
    raise RuntimeError("no executor")


def get_specialization_stats():
    return None


ENABLE_SPECIALIZATION = False
ENABLE_SPECIALIZATION_FT = False
