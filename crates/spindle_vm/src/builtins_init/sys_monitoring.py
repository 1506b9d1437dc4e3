# sys.monitoring for Spindle (PEP 669), written for Spindle. Tool ids are
# registered and callbacks stored as CPython does, but Spindle does not
# deliver monitoring events yet, so enabling any event raises
# NotImplementedError instead of silently never firing.

DEBUGGER_ID = 0
COVERAGE_ID = 1
PROFILER_ID = 2
OPTIMIZER_ID = 5
MISSING = object()
DISABLE = object()


class _Events:
    pass


events = _Events()
_all_events = {}
for _n, _v in (('BRANCH', 262144), ('BRANCH_LEFT', 256), ('BRANCH_RIGHT', 512),
               ('CALL', 16), ('C_RAISE', 131072), ('C_RETURN', 65536),
               ('EXCEPTION_HANDLED', 4096), ('INSTRUCTION', 64), ('JUMP', 128),
               ('LINE', 32), ('NO_EVENTS', 0), ('PY_RESUME', 2), ('PY_RETURN', 4),
               ('PY_START', 1), ('PY_THROW', 16384), ('PY_UNWIND', 8192),
               ('PY_YIELD', 8), ('RAISE', 2048), ('RERAISE', 32768),
               ('STOP_ITERATION', 1024)):
    setattr(events, _n, _v)
del _n, _v
_Events.__name__ = 'SimpleNamespace'

_tools = {}
_callbacks = {}


def _check_id(tool_id):
    if not isinstance(tool_id, int):
        raise TypeError(f"'{type(tool_id).__name__}' object cannot be interpreted as an integer")
    if not 0 <= tool_id < 6:
        raise ValueError(f"invalid tool {tool_id} (must be between 0 and 5)")


def use_tool_id(tool_id, name, /):
    _check_id(tool_id)
    if not isinstance(name, str):
        raise ValueError("tool name must be a str")
    if tool_id in _tools:
        raise ValueError(f"tool {tool_id} is already in use")
    _tools[tool_id] = name


def get_tool(tool_id, /):
    _check_id(tool_id)
    return _tools.get(tool_id)


def clear_tool_id(tool_id, /):
    _check_id(tool_id)
    for k in [k for k in _callbacks if k[0] == tool_id]:
        del _callbacks[k]


def free_tool_id(tool_id, /):
    _check_id(tool_id)
    clear_tool_id(tool_id)
    _tools.pop(tool_id, None)


def register_callback(tool_id, event, func, /):
    _check_id(tool_id)
    old = _callbacks.get((tool_id, event))
    if func is None:
        _callbacks.pop((tool_id, event), None)
    else:
        _callbacks[(tool_id, event)] = func
    return old


def get_events(tool_id, /):
    _check_id(tool_id)
    return 0


def _set(tool_id, event_set):
    _check_id(tool_id)
    if tool_id not in _tools:
        raise ValueError(f"tool {tool_id} is not in use")
    if event_set:
        raise NotImplementedError("Spindle does not deliver sys.monitoring events yet")


def set_events(tool_id, event_set, /):
    _set(tool_id, event_set)


def get_local_events(tool_id, code, /):
    _check_id(tool_id)
    return 0


def set_local_events(tool_id, code, event_set, /):
    _set(tool_id, event_set)


def restart_events():
    pass
