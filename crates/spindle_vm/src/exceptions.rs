//! The builtin exception classes (CPython's hierarchy, one table) and the
//! `BaseException` payload.

use parking_lot::Mutex;

use crate::object::{PayloadKind, PyPayload, TypeRef, alloc};
use crate::value::Value;

pub struct PyBaseException {
    pub args: Mutex<Value>,
    pub traceback: Mutex<Option<Value>>,
    pub cause: Mutex<Option<Value>>,
    pub context: Mutex<Option<Value>>,
    pub suppress_context: Mutex<bool>,
    pub notes: Mutex<Option<Value>>,
}

impl PyPayload for PyBaseException {
    const KIND: PayloadKind = crate::kinds::EXCEPTION;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args.lock());
        for m in [&self.traceback, &self.cause, &self.context, &self.notes] {
            if let Some(v) = m.lock().as_ref() {
                visit(v);
            }
        }
    }
    fn clear(&self) {
        for m in [&self.traceback, &self.cause, &self.context, &self.notes] {
            let old = m.lock().take();
            drop(old);
        }
    }
}

impl PyBaseException {
    pub fn new(args: Value) -> PyBaseException {
        PyBaseException {
            args: Mutex::new(args),
            traceback: Mutex::new(None),
            cause: Mutex::new(None),
            context: Mutex::new(None),
            suppress_context: Mutex::new(false),
            notes: Mutex::new(None),
        }
    }
}

pub fn new_exception(ty: TypeRef, args: Vec<Value>) -> Value {
    alloc(ty, PyBaseException::new(crate::seq::new_tuple(args)))
}

macro_rules! exception_table {
    ($root:ident; $( $field:ident : $base:ident ),* $(,)?) => {
        /// Every builtin exception class, by its Python name.
        #[allow(non_snake_case)]
        pub struct ExceptionTypes {
            pub $root: TypeRef,
            $( pub $field: TypeRef, )*
        }

        impl ExceptionTypes {
            pub(crate) fn create(mk: &mut dyn FnMut(&str, TypeRef) -> TypeRef, base: TypeRef) -> ExceptionTypes {
                #[allow(non_snake_case)]
                let $root = mk(stringify!($root), base);
                $( #[allow(non_snake_case)] let $field = mk(stringify!($field), $base); )*
                ExceptionTypes { $root, $( $field, )* }
            }

            pub fn all(&self) -> Vec<(&'static str, TypeRef)> {
                vec![(stringify!($root), self.$root), $( (stringify!($field), self.$field), )*]
            }
        }
    };
}

exception_table! {
    BaseException;
    BaseExceptionGroup: BaseException,
    GeneratorExit: BaseException,
    KeyboardInterrupt: BaseException,
    SystemExit: BaseException,
    Exception: BaseException,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ExceptionGroup: BaseExceptionGroup,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    PythonFinalizationError: RuntimeError,
    RecursionError: RuntimeError,
    StopAsyncIteration: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    _IncompleteInputError: SyntaxError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    BytesWarning: Warning,
    DeprecationWarning: Warning,
    EncodingWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    PendingDeprecationWarning: Warning,
    ResourceWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    UnicodeWarning: Warning,
    UserWarning: Warning,
}
