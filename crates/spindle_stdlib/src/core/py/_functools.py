# Spindle's _functools (Python for Spindle): reduce; partial, Placeholder and
# _PlaceholderType are native (partial.rs, added after this runs); functools.py
# has pure-Python fallbacks for cmp_to_key and _lru_cache_wrapper.

_initial_missing = object()

def reduce(function, iterable, /, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value
