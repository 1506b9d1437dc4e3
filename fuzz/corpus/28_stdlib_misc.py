import collections, json, re, heapq, bisect
c = collections.Counter("abracadabra"); print(c.most_common(2), c["z"])
dq = collections.deque(range(5), maxlen=4); dq.appendleft(-1); dq.rotate(1); print(dq)
P = collections.namedtuple("P", "x y"); p = P(1, 2); print(p, p._replace(x=9), p._asdict())
od = collections.OrderedDict(a=1, b=2); od.move_to_end("a"); print(list(od))
dd = collections.defaultdict(list); dd["k"].append(1); print(dict(dd))
print(json.dumps({"a": [1, 2.5, None, True, "é"]}, sort_keys=True), json.loads('{"x": [1, {"y": null}]}'))
print(re.findall(r"(\w)(\d+)", "a1 b22 c333"), re.sub(r"\s+", " ", "a   b \t c"), re.split(r"[,;]", "a,b;c"))
h = [5, 1, 4, 2]; heapq.heapify(h); print([heapq.heappop(h) for _ in range(4)], bisect.bisect([1, 3, 5], 4))
