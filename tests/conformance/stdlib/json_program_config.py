# Pins: a JSON config program: load nested config with defaults merging, schema validation with path-aware error messages, custom encoder for dataclasses/dates/sets, round-tripping with object_hook back into objects, stable pretty output with sort_keys.
import json, datetime
from dataclasses import dataclass, asdict, field
DEFAULTS = {"server": {"host": "127.0.0.1", "port": 8000, "tls": False}, "workers": 2, "features": []}
def merge(base, override, path=""):
    out = dict(base)
    for k, v in override.items():
        p = f"{path}.{k}" if path else k
        if k not in base:
            raise KeyError(f"unknown option {p}")
        if isinstance(base[k], dict):
            if not isinstance(v, dict):
                raise TypeError(f"{p}: expected object, got {type(v).__name__}")
            out[k] = merge(base[k], v, p)
        else:
            if type(v) is not type(base[k]):
                raise TypeError(f"{p}: expected {type(base[k]).__name__}, got {type(v).__name__}")
            out[k] = v
    return out
docs = ['{"server": {"port": 9000}, "features": ["a", "b"]}', '{"workers": "4"}', '{"server": {"hostname": "x"}}', '{"server": 5}', '{"workers": 8,}', '{}']
for doc in docs:
    try:
        cfg = merge(DEFAULTS, json.loads(doc))
        print("ok", json.dumps(cfg, sort_keys=True))
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e.msg, e.pos)
@dataclass
class Event:
    name: str
    when: datetime.date
    tags: set = field(default_factory=set)
    attendees: int = 0
class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Event):
            return {"__event__": True, **asdict(o)}
        if isinstance(o, datetime.date):
            return {"__date__": o.isoformat()}
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
def decode(d):
    if "__date__" in d:
        return datetime.date.fromisoformat(d["__date__"])
    if d.pop("__event__", False):
        d["tags"] = set(d["tags"])
        return Event(**d)
    return d
events = [Event("launch", datetime.date(2024, 5, 1), {"b", "a"}, 120), Event("retro", datetime.date(2024, 6, 15))]
text = json.dumps({"events": events, "generated": datetime.date(2024, 1, 1)}, cls=Encoder, indent=2, sort_keys=True)
print(text)
back = json.loads(text, object_hook=decode)
print(back["events"] == events, back["generated"], type(back["events"][0]).__name__, sorted(back["events"][0].tags))
try:
    json.dumps({"bad": object()}, cls=Encoder)
except TypeError as e:
    print("TypeError", str(e).split(" at 0x")[0])
summary = {e.name: {"month": e.when.strftime("%B"), "size": "large" if e.attendees > 100 else "small"} for e in events}
print(json.dumps(summary, separators=(",", ":"), sort_keys=True))
