# Pins: enum-driven state machine program: transitions table keyed by (State, Event) enums, IntEnum priorities sorting, Flag permissions checks per transition, iteration order and member lookups by name/value, invalid transition errors.
import enum
class State(enum.Enum):
    DRAFT = "draft"
    REVIEW = "review"
    PUBLISHED = "published"
    ARCHIVED = "archived"
class Event(enum.StrEnum):
    SUBMIT = enum.auto()
    APPROVE = enum.auto()
    REJECT = enum.auto()
    ARCHIVE = enum.auto()
class Perm(enum.Flag):
    WRITE = enum.auto()
    REVIEW = enum.auto()
    ADMIN = enum.auto()
    EDITOR = WRITE | REVIEW
class Priority(enum.IntEnum):
    LOW = 1
    NORMAL = 5
    URGENT = 10
TRANSITIONS = {
    (State.DRAFT, Event.SUBMIT): (State.REVIEW, Perm.WRITE),
    (State.REVIEW, Event.APPROVE): (State.PUBLISHED, Perm.REVIEW),
    (State.REVIEW, Event.REJECT): (State.DRAFT, Perm.REVIEW),
    (State.PUBLISHED, Event.ARCHIVE): (State.ARCHIVED, Perm.ADMIN),
}
class InvalidTransition(Exception):
    pass
class Doc:
    def __init__(self, title, priority=Priority.NORMAL):
        self.title, self.state, self.priority, self.history = title, State.DRAFT, priority, []
    def fire(self, event, perms):
        try:
            target, needed = TRANSITIONS[(self.state, Event(event))]
        except (KeyError, ValueError):
            raise InvalidTransition(f"{self.title}: cannot {event!s} from {self.state.name}") from None
        if needed not in perms:
            raise PermissionError(f"{self.title}: {event} needs {needed.name}, have {perms!r}")
        self.history.append((self.state.value, str(event), target.value))
        self.state = target
        return self
docs = [Doc("spec", Priority.URGENT), Doc("notes", Priority.LOW), Doc("guide")]
script = [(0, "submit", Perm.WRITE), (0, "approve", Perm.EDITOR), (1, "approve", Perm.ADMIN), (1, "submit", Perm.EDITOR), (1, "reject", Perm.REVIEW),
          (2, "submit", Perm.ADMIN), (0, "archive", Perm.EDITOR), (0, "archive", Perm.ADMIN | Perm.WRITE), (2, "explode", Perm.ADMIN), (0, "submit", Perm.ADMIN)]
for idx, ev, perms in script:
    try:
        docs[idx].fire(ev, perms)
        print("ok  ", docs[idx].title, ev, "->", docs[idx].state.name)
    except (InvalidTransition, PermissionError) as e:
        print("fail", type(e).__name__, e)
for d in sorted(docs, key=lambda d: d.priority, reverse=True):
    print(f"{d.title:6} {d.priority.name:6} {int(d.priority):>2} {d.state.value:10} {d.history}")
print([s.name for s in State], State("review"), State["ARCHIVED"].value, Event.SUBMIT == "submit", list(Event), Perm.EDITOR, list(Perm.EDITOR), Perm.ADMIN in Perm.EDITOR)
print(sorted(Priority), Priority.URGENT > Priority.LOW, Priority(5), max(Priority).name, sum(Priority))
counts = {s: sum(1 for d in docs if d.state is s) for s in State}
print({s.name: n for s, n in counts.items()})
