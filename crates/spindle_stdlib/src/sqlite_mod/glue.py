# The Python half of `_sqlite3`: run inside the module after the native part
# (sqlite_mod/*.rs) added `_open`, the `_Db`/`_Stmt` types and the
# constants. Everything that talks to SQLite is native; this file holds the
# DB-API objects built on it (Connection, Cursor, Row), the exception
# classes and the adapter/converter registries.

from _thread import get_ident as _get_ident

LEGACY_TRANSACTION_CONTROL = -1
PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2


class Warning(Exception):
    __module__ = 'sqlite3'

class Error(Exception):
    __module__ = 'sqlite3'

class InterfaceError(Error):
    __module__ = 'sqlite3'

class DatabaseError(Error):
    __module__ = 'sqlite3'

class InternalError(DatabaseError):
    __module__ = 'sqlite3'

class OperationalError(DatabaseError):
    __module__ = 'sqlite3'

class ProgrammingError(DatabaseError):
    __module__ = 'sqlite3'

class IntegrityError(DatabaseError):
    __module__ = 'sqlite3'

class DataError(DatabaseError):
    __module__ = 'sqlite3'

class NotSupportedError(DatabaseError):
    __module__ = 'sqlite3'


# Primary result code -> exception class (CPython's get_exception_class).
_EXC_BY_PRIMARY = {
    2: InternalError, 12: InternalError,
    1: OperationalError, 3: OperationalError, 4: OperationalError,
    5: OperationalError, 6: OperationalError, 8: OperationalError,
    9: OperationalError, 10: OperationalError, 13: OperationalError,
    14: OperationalError, 15: OperationalError, 16: OperationalError,
    17: OperationalError,
    11: DatabaseError,
    18: DataError,
    19: IntegrityError, 20: IntegrityError,
    21: InterfaceError, 25: InterfaceError,
}

_ERROR_NAMES = {_v: _k for _k, _v in _ERROR_CODES.items()}


def _error(code, msg):
    """The exception for SQLite's (extended) result `code` and message."""
    primary = code & 0xff
    if primary == 7:
        return MemoryError()
    exc = _EXC_BY_PRIMARY.get(primary, DatabaseError)(msg)
    exc.sqlite_errorcode = code
    exc.sqlite_errorname = _ERROR_NAMES.get(code, 'unknown')
    return exc


_CLASSES = {
    'ProgrammingError': ProgrammingError,
    'OperationalError': OperationalError,
    'InterfaceError': InterfaceError,
    'DataError': DataError,
    'IntegrityError': IntegrityError,
    'NotSupportedError': NotSupportedError,
}
_install_errors(_error, _CLASSES)


# ------------------------------------------------------------ adapters

class PrepareProtocol:
    """PEP 246 style object adaption protocol type."""
    __module__ = 'sqlite3'

    def __init__(self, *args, **kwargs):
        pass


adapters = {}
converters = {}
# Whether an adapter was registered for one of the types bound without
# adaption (int, float, str, bytearray): then every value is adapted.
_base_type_adapted = False
_callback_tracebacks = False
_NOT_GIVEN = object()


def register_adapter(type, adapter, /):
    """Register a function to adapt Python objects to SQLite values."""
    global _base_type_adapted
    if type is int or type is float or type is str or type is bytearray:
        _base_type_adapted = True
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    """Register a function to convert SQLite values to Python objects."""
    if not isinstance(typename, str):
        raise TypeError(f"register_converter() argument 1 must be str, not {_tname(typename)}")
    converters[typename.upper()] = converter


def adapt(obj, proto=PrepareProtocol, alt=_NOT_GIVEN, /):
    """Adapt given object to given protocol."""
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    method = getattr(proto, '__adapt__', None)
    if method is not None:
        adapted = method(obj)
        if adapted is not None:
            return adapted
    method = getattr(obj, '__conform__', None)
    if method is not None:
        adapted = method(proto)
        if adapted is not None:
            return adapted
    if alt is not _NOT_GIVEN:
        return alt
    raise ProgrammingError("can't adapt")


def _adapt_param(obj):
    return adapt(obj, PrepareProtocol, obj)


def enable_callback_tracebacks(enable, /):
    """Enable or disable callback functions throwing errors to stderr."""
    global _callback_tracebacks
    _callback_tracebacks = bool(enable)
    _set_callback_tracebacks(_callback_tracebacks)


def _report_callback_error(exc, callback):
    import sys
    msg = f'Exception ignored on sqlite3 callback {callback!r}'
    sys.unraisablehook(_Unraisable(type(exc), exc, exc.__traceback__, msg, None))


class _Unraisable:
    __slots__ = ('exc_type', 'exc_value', 'exc_traceback', 'err_msg', 'object')

    def __init__(self, exc_type, exc_value, exc_traceback, err_msg, object):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.err_msg = err_msg
        self.object = object


_install_reporter(_report_callback_error)


# ------------------------------------------------------------ connection

_ISOLATION_LEVELS = ('', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE')


def _check_isolation_level(level):
    if level is None:
        return None
    if not isinstance(level, str):
        raise TypeError("isolation_level must be str or None")
    if '\0' in level:
        raise ValueError('embedded null character')
    upper = level.upper()
    if upper not in _ISOLATION_LEVELS:
        raise ValueError("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")
    return upper


def _check_autocommit(value):
    if value is True or value is False:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value == LEGACY_TRANSACTION_CONTROL:
        return LEGACY_TRANSACTION_CONTROL
    raise ValueError('autocommit must be True, False, or sqlite3.LEGACY_TRANSACTION_CONTROL')


_CONNECT_PARAMS = ('timeout', 'detect_types', 'isolation_level', 'check_same_thread', 'factory',
                   'cached_statements', 'uri')
_CONNECT_DEFAULTS = (5.0, 0, '', True, None, 128, False)


def _warn_positional(callee):
    import warnings
    warnings.warn(
        f"Passing more than 1 positional argument to {callee} is deprecated. "
        "Parameters 'timeout', 'detect_types', 'isolation_level', 'check_same_thread', "
        "'factory', 'cached_statements' and 'uri' will become keyword-only parameters "
        "in Python 3.15.", DeprecationWarning, stacklevel=2, skip_file_prefixes=('<_sqlite3>',))


def _tname(obj):
    return 'None' if obj is None else type(obj).__name__


def _check_narg(what, n):
    if isinstance(n, int) and not -1 <= n <= 127:
        raise ProgrammingError(f"'{what}' must be between -1 and 127, not {n}")


def _fspath(database):
    import os
    path = os.fspath(database)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    return path


class Connection:
    """SQLite database connection object."""
    __module__ = 'sqlite3'
    # No __dict__ and no weak references, as CPython's.
    __slots__ = ('_Connection__db', '_Connection__thread', '_Connection__check_same_thread',
                 '_Connection__detect_types', '_Connection__isolation_level',
                 '_Connection__autocommit', '_Connection__cache', '_Connection__cache_size',
                 'row_factory', 'text_factory')

    # Instance attributes, as CPython's members (the class holds descriptors).
    Warning = property(lambda self: Warning)
    Error = property(lambda self: Error)
    InterfaceError = property(lambda self: InterfaceError)
    DatabaseError = property(lambda self: DatabaseError)
    DataError = property(lambda self: DataError)
    OperationalError = property(lambda self: OperationalError)
    IntegrityError = property(lambda self: IntegrityError)
    InternalError = property(lambda self: InternalError)
    ProgrammingError = property(lambda self: ProgrammingError)
    NotSupportedError = property(lambda self: NotSupportedError)

    def __init__(self, database, *args, timeout=_NOT_GIVEN, detect_types=_NOT_GIVEN,
                 isolation_level=_NOT_GIVEN, check_same_thread=_NOT_GIVEN, factory=_NOT_GIVEN,
                 cached_statements=_NOT_GIVEN, uri=_NOT_GIVEN, autocommit=LEGACY_TRANSACTION_CONTROL):
        given = [timeout, detect_types, isolation_level, check_same_thread, factory,
                 cached_statements, uri]
        if args:
            if len(args) > 7:
                raise TypeError(f'Connection() takes at most 8 positional arguments ({len(args) + 1} given)')
            _warn_positional('_sqlite3.Connection()')
            for i, value in enumerate(args):
                if given[i] is not _NOT_GIVEN:
                    raise TypeError(f"argument for Connection() given by name ('{_CONNECT_PARAMS[i]}') "
                                    f"and position ({i + 2})")
                given[i] = value
        for i, default in enumerate(_CONNECT_DEFAULTS):
            if given[i] is _NOT_GIVEN:
                given[i] = default
        timeout, detect_types, isolation_level, check_same_thread, factory, cached_statements, uri = given
        path = _fspath(database)
        level = _check_isolation_level(isolation_level)
        autocommit = _check_autocommit(autocommit)
        detect_types = int(detect_types)
        cached_statements = int(cached_statements)
        db = _open(path, float(timeout), bool(uri))
        old = getattr(self, '_Connection__db', None)
        if old is not None:
            old.close()
        self.__db = db
        self.__thread = _get_ident()
        self.__check_same_thread = bool(check_same_thread)
        self.__detect_types = detect_types
        self.__isolation_level = level
        self.__autocommit = autocommit
        self.__cache = {}
        self.__cache_size = cached_statements
        self.row_factory = None
        self.text_factory = str
        if autocommit is False:
            db.exec('BEGIN')

    # Checks every method makes first (CPython's pysqlite_check_thread and
    # pysqlite_check_connection).
    def _check(self):
        try:
            db = self.__db
        except AttributeError:
            raise ProgrammingError('Base Connection.__init__ not called.') from None
        if self.__check_same_thread and self.__thread != _get_ident():
            raise ProgrammingError(
                'SQLite objects created in a thread can only be used in that same thread. '
                f'The object was created in thread id {self.__thread} and this is thread id {_get_ident()}.')
        if not db.is_open:
            raise ProgrammingError('Cannot operate on a closed database.')
        return db

    def _check_thread(self):
        try:
            self.__db
        except AttributeError:
            raise ProgrammingError('Base Connection.__init__ not called.') from None
        if self.__check_same_thread and self.__thread != _get_ident():
            raise ProgrammingError(
                'SQLite objects created in a thread can only be used in that same thread. '
                f'The object was created in thread id {self.__thread} and this is thread id {_get_ident()}.')

    # The statement cache hands each statement to one cursor at a time: a
    # cursor takes it out and gives it back when done, so threads sharing
    # the connection never step one statement together.
    def _take_statement(self, sql):
        stmt = self.__cache.pop(sql, None)
        if stmt is None:
            stmt = self.__db.prepare(sql)
        return stmt

    def _give_back_statement(self, sql, stmt):
        if self.__cache_size <= 0 or not self.__db.is_open:
            return
        cache = self.__cache
        cache[sql] = stmt
        while len(cache) > self.__cache_size:
            try:
                del cache[next(iter(cache))]
            except (KeyError, RuntimeError, StopIteration):
                break

    def _begin_if_needed(self, stmt):
        if (self.__autocommit == LEGACY_TRANSACTION_CONTROL and self.__isolation_level is not None
                and stmt.is_dml and self.__db.autocommit):
            self.__db.exec('BEGIN ' + self.__isolation_level)

    def _detect_types(self):
        return self.__detect_types

    def _db(self):
        return self.__db

    def cursor(self, factory=None):
        """Return a cursor for the connection."""
        self._check()
        cursor = Cursor(self) if factory is None else factory(self)
        if not isinstance(cursor, Cursor):
            raise TypeError(f'factory must return a cursor, not {_tname(cursor)}')
        if self.row_factory is not None:
            cursor.row_factory = self.row_factory
        return cursor

    def execute(self, sql, parameters=(), /):
        """Executes an SQL statement."""
        return Connection.cursor(self).execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        """Repeatedly executes an SQL statement."""
        return Connection.cursor(self).executemany(sql, parameters)

    def executescript(self, sql_script, /):
        """Executes multiple SQL statements at once."""
        return Connection.cursor(self).executescript(sql_script)

    def commit(self):
        """Commit any pending transaction to the database."""
        db = self._check()
        if self.__autocommit == LEGACY_TRANSACTION_CONTROL:
            if not db.autocommit:
                db.exec('COMMIT')
        elif self.__autocommit is False:
            db.exec('COMMIT')
            db.exec('BEGIN')

    def rollback(self):
        """Roll back to the start of any pending transaction."""
        db = self._check()
        if self.__autocommit == LEGACY_TRANSACTION_CONTROL:
            if not db.autocommit:
                db.exec('ROLLBACK')
        elif self.__autocommit is False:
            db.exec('ROLLBACK')
            db.exec('BEGIN')

    def close(self):
        """Close the database connection."""
        self._check_thread()
        db = self.__db
        if not db.is_open:
            return
        if self.__autocommit is False and not db.autocommit:
            db.exec('ROLLBACK')
        self.__cache.clear()
        db.close()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, exc_type, exc_value, traceback, /):
        if exc_type is None and exc_value is None and traceback is None:
            try:
                self.commit()
            except BaseException:
                try:
                    self.rollback()
                except BaseException:
                    pass
                raise
        else:
            self.rollback()
        return False

    @property
    def isolation_level(self):
        self._check()
        return self.__isolation_level

    @isolation_level.setter
    def isolation_level(self, value):
        self._check()
        level = _check_isolation_level(value)
        if level is None:
            self.commit()
        self.__isolation_level = level

    @isolation_level.deleter
    def isolation_level(self):
        raise AttributeError('cannot delete attribute')

    @property
    def autocommit(self):
        self._check()
        return self.__autocommit

    @autocommit.setter
    def autocommit(self, value):
        db = self._check()
        value = _check_autocommit(value)
        self.__autocommit = value
        if value is True:
            if not db.autocommit:
                db.exec('COMMIT')
        elif value is False:
            if db.autocommit:
                db.exec('BEGIN')

    @property
    def in_transaction(self):
        return not self._check().autocommit

    @property
    def total_changes(self):
        return self._check().total_changes()

    def create_function(self, name, narg, func, /, *, deterministic=False):
        """Creates a new function."""
        _check_narg('narg', narg)
        self._check().create_function(name, narg, func, bool(deterministic))

    def create_aggregate(self, name, n_arg, aggregate_class, /):
        """Creates a new aggregate."""
        _check_narg('n_arg', n_arg)
        self._check().create_aggregate(name, n_arg, aggregate_class)

    def create_window_function(self, name, num_params, aggregate_class, /):
        """Creates or redefines an aggregate window function. Non-standard."""
        _check_narg('num_params', num_params)
        self._check().create_window_function(name, num_params, aggregate_class)

    def create_collation(self, name, callback, /):
        """Creates a collation function."""
        if callback is not None and not callable(callback):
            self._check()
            raise TypeError('parameter must be callable')
        self._check().create_collation(name, callback)

    def set_trace_callback(self, trace_callback):
        """Registers a trace callback to be invoked for each SQL statement."""
        self._check().set_trace(trace_callback)

    def set_progress_handler(self, progress_handler, n):
        """Sets progress handler callback."""
        self._check().set_progress(progress_handler, n)

    def set_authorizer(self, authorizer_callback):
        """Set authorizer callback."""
        if authorizer_callback is not None and not callable(authorizer_callback):
            self._check()
            raise TypeError('parameter must be callable')
        self._check().set_authorizer(authorizer_callback)

    def blobopen(self, table, column, row, /, *, readonly=False, name='main'):
        """Open and return a BLOB object."""
        db = self._check()
        for what, value in (('table', table), ('column', column), ('name', name)):
            if not isinstance(value, str):
                raise TypeError(f"blobopen() argument '{what}' must be str, not {_tname(value)}")
        import operator
        row = operator.index(row)
        return _new_blob(self, db.blobopen(table, column, row, bool(readonly), name))

    def serialize(self, *, name='main'):
        """Serialize a database into a byte string."""
        db = self._check()
        if not isinstance(name, str):
            raise TypeError(f"serialize() argument 'name' must be str, not {_tname(name)}")
        return db.serialize(name)

    def deserialize(self, data, /, *, name='main'):
        """Load a serialized database."""
        db = self._check()
        if not isinstance(name, str):
            raise TypeError(f"deserialize() argument 'name' must be str, not {_tname(name)}")
        return db.deserialize(data, name)

    def interrupt(self):
        """Abort any pending database operation."""
        self._check().interrupt()

    def setconfig(self, op, enable=True, /):
        """Set a boolean connection configuration option."""
        self._check().config(op, 1 if enable else 0)

    def getconfig(self, op, /):
        """Query a boolean connection configuration option."""
        return self._check().config(op, -1)

    def getlimit(self, category, /):
        """Get connection run-time limits."""
        return self._check().limit(category, -1)

    def setlimit(self, category, limit, /):
        """Set connection run-time limits."""
        return self._check().limit(category, limit)

    def iterdump(self, *, filter=None):
        """Returns iterator to the dump of the database in an SQL text format."""
        self._check()
        from sqlite3.dump import _iterdump
        return _iterdump(self, filter=filter)

    def backup(self, target, *, pages=-1, progress=None, name='main', sleep=0.250):
        """Makes a backup of the database."""
        db = self._check()
        if not isinstance(target, Connection):
            raise TypeError(f'backup() argument 1 must be sqlite3.Connection, not {_tname(target)}')
        if target is self:
            raise ValueError('target cannot be the same connection instance')
        tdb = target._check()
        if progress is not None and not callable(progress):
            raise TypeError('progress argument must be a callable')
        if pages == 0:
            pages = -1
        if not tdb.autocommit:
            raise OperationalError('target is in transaction')
        sleep_ms = int(float(sleep) * 1000)
        db.backup(tdb, name, pages, progress, sleep_ms)


def _readonly(self, value):
    raise AttributeError('readonly attribute')


class Cursor:
    """SQLite database cursor class."""
    __module__ = 'sqlite3'
    # No __dict__ (subclasses get one), weak references allowed, as CPython's.
    __slots__ = ('_Cursor__connection', '_Cursor__description', '_Cursor__lastrowid',
                 '_Cursor__rowcount', '_Cursor__closed', '_Cursor__locked', '_Cursor__stmt',
                 '_Cursor__sql', '_Cursor__converters', '_Cursor__arraysize', 'row_factory',
                 '__weakref__')

    def __init__(self, connection, /):
        if not isinstance(connection, Connection):
            raise TypeError(f'Cursor() argument 1 must be sqlite3.Connection, not {_tname(connection)}')
        self.__connection = connection
        self.__description = None
        self.__lastrowid = None
        self.__rowcount = -1
        self.__closed = False
        self.__locked = False
        self.__stmt = None
        self.__sql = None
        self.__converters = None
        self.__arraysize = 1
        self.row_factory = None
        connection._check_thread()

    def __check(self):
        try:
            conn = self.__connection
        except AttributeError:
            raise ProgrammingError('Base Cursor.__init__ not called.') from None
        if self.__closed:
            raise ProgrammingError('Cannot operate on a closed cursor.')
        if self.__locked:
            raise ProgrammingError('Recursive use of cursors not allowed.')
        return conn._check()

    def __release(self):
        stmt = self.__stmt
        if stmt is not None:
            self.__stmt = None
            stmt.reset()
            self.__connection._give_back_statement(self.__sql, stmt)

    connection = property(lambda self: self.__connection, _readonly)
    description = property(lambda self: self.__description, _readonly)
    lastrowid = property(lambda self: self.__lastrowid, _readonly)
    rowcount = property(lambda self: self.__rowcount, _readonly)

    @property
    def arraysize(self):
        return self.__arraysize

    @arraysize.setter
    def arraysize(self, value):
        self.__arraysize = _c_int(value)

    def __execute(self, multiple, sql, parameters):
        db = self.__check()
        conn = self.__connection
        self.__locked = True
        try:
            params_iter = iter(parameters) if multiple else iter((parameters,))
            self.__description = None
            self.__release()
            stmt = conn._take_statement(sql)
            self.__stmt = stmt
            self.__sql = sql
            if stmt.is_empty:
                self.__rowcount = -1
                return self
            if multiple and stmt.readonly:
                raise ProgrammingError('executemany() can only execute DML statements.')
            self.__rowcount = 0 if stmt.is_dml else -1
            conn._begin_if_needed(stmt)
            self.__rowcount += stmt.run(params_iter, _adapt_param, _base_type_adapted)
            detect = conn._detect_types()
            self.__converters = self.__build_converters(stmt, detect) if detect else None
            self.__description = stmt.description(detect & PARSE_COLNAMES)
            if not multiple:
                self.__lastrowid = db.last_insert_rowid()
        except BaseException:
            self.__release()
            self.__rowcount = -1
            raise
        finally:
            self.__locked = False
        if self.__stmt is not None and not self.__stmt.busy:
            self.__release()
        return self

    @staticmethod
    def __build_converters(stmt, detect):
        result = []
        decltypes = stmt.decltypes() if detect & PARSE_DECLTYPES else None
        for i, name in enumerate(stmt.column_names()):
            conv = None
            if detect & PARSE_COLNAMES:
                start = name.find('[')
                if start >= 0:
                    end = name.find(']', start + 1)
                    if end >= 0:
                        conv = converters.get(name[start + 1:end].upper())
            if conv is None and decltypes is not None:
                decl = decltypes[i]
                if decl is not None:
                    cut = len(decl)
                    for j, ch in enumerate(decl):
                        if ch == ' ' or ch == '(':
                            cut = j
                            break
                    conv = converters.get(decl[:cut].upper())
            result.append(conv)
        return result

    def execute(self, sql, parameters=(), /):
        """Executes an SQL statement."""
        if not isinstance(sql, str):
            raise TypeError(f'execute() argument 1 must be str, not {_tname(sql)}')
        return self.__execute(False, sql, parameters)

    def executemany(self, sql, seq_of_parameters, /):
        """Repeatedly executes an SQL statement."""
        if not isinstance(sql, str):
            raise TypeError(f'executemany() argument 1 must be str, not {_tname(sql)}')
        return self.__execute(True, sql, seq_of_parameters)

    def executescript(self, sql_script, /):
        """Executes multiple SQL statements at once."""
        if not isinstance(sql_script, str):
            raise TypeError(f'executescript() argument must be str, not {_tname(sql_script)}')
        db = self.__check()
        if '\0' in sql_script:
            raise ValueError('embedded null character')
        if not db.autocommit:
            db.exec('COMMIT')
        db.exec_script(sql_script)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        self.__check()
        stmt = self.__stmt
        if stmt is None:
            raise StopIteration
        factory = self.row_factory
        rows = stmt.fetch(1, self.__converters, self.__connection.text_factory,
                          Row if factory is Row else None, self.__description)
        if not rows:
            self.__release()
            raise StopIteration
        if factory is None or factory is Row:
            return rows[0]
        return factory(self, rows[0])

    def fetchone(self):
        """Fetches one row from the resultset."""
        try:
            return self.__next__()
        except StopIteration:
            return None

    def __fetch(self, size):
        self.__check()
        stmt = self.__stmt
        if stmt is None:
            return []
        factory = self.row_factory
        if factory is None or factory is Row:
            rows = stmt.fetch(size, self.__converters, self.__connection.text_factory,
                              Row if factory is Row else None, self.__description)
            if not stmt.busy:
                self.__release()
            return rows
        rows = []
        for row in self:
            rows.append(row)
            if len(rows) == size:
                break
        return rows

    def fetchmany(self, size=None):
        """Fetches several rows from the resultset."""
        if size is None:
            size = self.arraysize
        # As CPython's counter loop: a size below 1 never stops it.
        return self.__fetch(size if size > 0 else -1)

    def fetchall(self):
        """Fetches all rows from the resultset."""
        return self.__fetch(-1)

    def setinputsizes(self, sizes, /):
        """Required by DB-API. Does nothing in sqlite3."""

    def setoutputsize(self, size, column=None, /):
        """Required by DB-API. Does nothing in sqlite3."""

    def close(self):
        """Closes the cursor."""
        try:
            conn = self.__connection
        except AttributeError:
            raise ProgrammingError('Base Cursor.__init__ not called.') from None
        conn._check()
        self.__release()
        self.__closed = True


_CLASSES['Cursor'] = Cursor
del _readonly


class Blob:
    """An open incremental-I/O handle on one BLOB."""
    __module__ = 'sqlite3'
    __slots__ = ('_Blob__connection', '_Blob__handle', '_Blob__offset', '__weakref__')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'sqlite3.Blob' instances")

    def __check(self):
        self.__connection._check()
        if self.__handle.closed:
            raise ProgrammingError('Cannot operate on a closed blob.')
        return self.__handle

    def close(self):
        """Close the blob."""
        self.__connection._check()
        self.__handle.close()

    def __len__(self):
        return self.__check().length

    def read(self, length=-1, /):
        """Read data at the current offset position."""
        h = self.__check()
        size = h.length
        length = _c_int(length)
        if length < 0:
            length = size
        length = min(length, size - self.__offset)
        data = h.read_at(self.__offset, length)
        self.__offset += length
        return data

    def write(self, data, /):
        """Write data at the current offset (the blob cannot grow)."""
        h = self.__check()
        data = memoryview(data).tobytes()
        if len(data) > h.length - self.__offset:
            raise ValueError('data longer than blob length')
        h.write_at(self.__offset, data)
        self.__offset += len(data)

    def seek(self, offset, origin=0, /):
        """Set the current access position to offset."""
        h = self.__check()
        offset = _c_int(offset)
        origin = _c_int(origin)
        if origin == 1:
            if offset > 2**31 - 1 - self.__offset:
                raise OverflowError('seek offset results in overflow')
            offset += self.__offset
        elif origin == 2:
            if offset > 2**31 - 1 - h.length:
                raise OverflowError('seek offset results in overflow')
            offset += h.length
        elif origin != 0:
            raise ValueError("'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END")
        if offset < 0 or offset > h.length:
            raise ValueError('offset out of blob range')
        self.__offset = offset

    def tell(self):
        """Return the current access position for the blob."""
        self.__check()
        return self.__offset

    def __enter__(self):
        self.__check()
        return self

    def __exit__(self, type, val, tb, /):
        self.__check().close()
        return False

    def __getitem__(self, item):
        h = self.__check()
        size = h.length
        if hasattr(type(item), '__index__'):
            i = _index(item)
            if i < 0:
                i += size
            if i < 0 or i >= size:
                raise IndexError('Blob index out of range')
            return h.read_at(i, 1)[0]
        if isinstance(item, slice):
            start, stop, step = item.indices(size)
            positions = range(start, stop, step)
            if not positions:
                return b''
            if step == 1:
                return h.read_at(start, stop - start)
            lo = min(positions)
            data = h.read_at(lo, max(positions) + 1 - lo)
            return bytes(data[i - lo] for i in positions)
        raise TypeError('Blob indices must be integers')

    def __setitem__(self, item, value):
        h = self.__check()
        size = h.length
        if hasattr(type(item), '__index__'):
            if not isinstance(value, int):
                raise TypeError("'" + type(value).__name__ + "' object cannot be interpreted as an integer")
            if not 0 <= value <= 255:
                raise ValueError('byte must be in range(0, 256)')
            i = _index(item)
            if i < 0:
                i += size
            if i < 0 or i >= size:
                raise IndexError('Blob index out of range')
            h.write_at(i, bytes((value,)))
            return
        if isinstance(item, slice):
            start, stop, step = item.indices(size)
            positions = range(start, stop, step)
            data = memoryview(value).tobytes()
            if len(data) != len(positions):
                raise IndexError('Blob slice assignment is wrong size')
            if not positions:
                return
            if step == 1:
                h.write_at(start, data)
                return
            lo = min(positions)
            hi = max(positions) + 1
            buf = bytearray(h.read_at(lo, hi - lo))
            for i, b in zip(positions, data):
                buf[i - lo] = b
            h.write_at(lo, bytes(buf))
            return
        raise TypeError('Blob indices must be integers')

    def __delitem__(self, item):
        self.__check()
        if isinstance(item, slice):
            raise TypeError("Blob doesn't support slice deletion")
        raise TypeError("Blob doesn't support item deletion")


def _index(item):
    import operator
    try:
        return operator.index(item)
    except OverflowError:
        raise IndexError(f"cannot fit '{type(item).__name__}' into an index-sized integer") from None


def _c_int(value):
    import operator
    value = operator.index(value)
    if not -2**31 <= value < 2**31:
        raise OverflowError('Python int too large to convert to C int')
    return value


def _new_blob(connection, handle):
    blob = object.__new__(Blob)
    blob._Blob__connection = connection
    blob._Blob__handle = handle
    blob._Blob__offset = 0
    return blob


def connect(*args, **kwargs):
    """Open a connection to the SQLite database file 'database'.

You can use ":memory:" to open a database connection to a database that
resides in RAM instead of on disk."""
    if len(args) > 5:
        factory = args[5]
    else:
        factory = kwargs.get('factory', Connection)
    if len(args) > 1:
        _warn_positional('sqlite3.connect()')
    return factory(*args, **kwargs)


def complete_statement(statement):
    """Checks if a string contains a complete SQL statement."""
    if not isinstance(statement, str):
        raise TypeError(f'complete_statement() argument must be str, not {_tname(statement)}')
    return _complete(statement)


del _install_errors, _install_reporter
