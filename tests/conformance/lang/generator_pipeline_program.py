# Pins: a log-processing program built from generator stages: reading lines from a StringIO, parsing with regex, filtering, grouping with itertools.groupby, aggregating with Counter and statistics; laziness (stage counters) and exact output formatting.
import io, re, itertools, collections, statistics
LOG = """\
2024-03-01 10:00:01 INFO  api   GET /users 200 12ms
2024-03-01 10:00:02 WARN  api   GET /users/7 404 3ms
2024-03-01 10:00:05 INFO  db    query users 0 45ms
2024-03-01 10:01:00 ERROR api   POST /orders 500 120ms
malformed line here
2024-03-01 10:01:30 INFO  api   GET /orders 200 30ms
2024-03-01 10:02:10 INFO  db    query orders 0 80ms
2024-03-01 10:02:11 ERROR db    query payments 0 2000ms
2024-03-01 10:03:00 INFO  api   GET /health 200 1ms
"""
stats = collections.Counter()
LINE = re.compile(r"(?P<date>\S+) (?P<time>\S+) (?P<level>\w+)\s+(?P<svc>\w+)\s+(?P<verb>\S+) (?P<target>\S+) (?P<status>\d+) (?P<ms>\d+)ms")
def read(f):
    for line in f:
        stats["read"] += 1
        yield line.rstrip("\n")
def parse(lines):
    for line in lines:
        m = LINE.match(line)
        if not m:
            stats["malformed"] += 1
            continue
        stats["parsed"] += 1
        d = m.groupdict()
        d["ms"] = int(d["ms"]); d["status"] = int(d["status"])
        yield d
def only(records, **conds):
    for r in records:
        if all(r[k] == v for k, v in conds.items()):
            yield r
first_error = next(only(parse(read(io.StringIO(LOG))), level="ERROR"))
print(first_error["time"], first_error["target"], dict(stats))
stats.clear()
records = list(parse(read(io.StringIO(LOG))))
print(dict(stats))
by_svc = {svc: list(g) for svc, g in itertools.groupby(sorted(records, key=lambda r: r["svc"]), key=lambda r: r["svc"])}
for svc, rs in by_svc.items():
    ms = [r["ms"] for r in rs]
    print(f"{svc:4} n={len(rs)} mean={statistics.mean(ms):8.2f} median={statistics.median(ms):7.1f} max={max(ms):5d} levels={dict(collections.Counter(r['level'] for r in rs))}")
per_minute = collections.Counter(r["time"][:5] for r in records)
print(sorted(per_minute.items()))
slow = sorted((r for r in records if r["ms"] >= 50), key=lambda r: -r["ms"])
print([(r["svc"], r["target"], r["ms"]) for r in slow])
status_classes = collections.Counter(f"{r['status'] // 100}xx" for r in records if r["svc"] == "api")
print(sorted(status_classes.items()))
errors_by_minute = {k: [r["target"] for r in g] for k, g in itertools.groupby((r for r in records if r["level"] == "ERROR"), key=lambda r: r["time"][:5])}
print(errors_by_minute)
pipeline = (r["ms"] for r in only(parse(read(io.StringIO(LOG))), svc="api"))
print(sum(pipeline), list(pipeline))
