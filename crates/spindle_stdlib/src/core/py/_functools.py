# Spindle's _functools (Python for Spindle): reduce; partial, Placeholder and
# _PlaceholderType are native (partial.rs, added after this runs); functools.py
# has a pure-Python fallback for cmp_to_key; _lru_cache_wrapper is below.

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


def _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo):
    # functools.lru_cache's core. Like CPython's C version (and unlike the
    # pure-Python fallback) it hashes the key itself before the cache sees
    # it, so an unhashable argument raises hash()'s TypeError. Recency is the
    # cache dict's insertion order: a hit moves its key to the end, and the
    # first key is the least recently used.
    from functools import _make_key
    from _thread import RLock

    missing = object()
    cache = {}
    hits = misses = 0
    lock = RLock()

    if maxsize == 0:
        def wrapper(*args, **kwds):
            nonlocal misses
            misses += 1
            return user_function(*args, **kwds)
    else:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = _make_key(args, kwds, typed)
            hash(key)
            with lock:
                result = cache.get(key, missing)
                if result is not missing:
                    hits += 1
                    if maxsize is not None:
                        del cache[key]
                        cache[key] = result
                    return result
                misses += 1
            result = user_function(*args, **kwds)
            with lock:
                # A recursive call may have cached the key meanwhile.
                if key not in cache:
                    if maxsize is not None and len(cache) >= maxsize:
                        del cache[next(iter(cache))]
                    cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        with lock:
            return _CacheInfo(hits, misses, maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        nonlocal hits, misses
        with lock:
            cache.clear()
            hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper
