# Pins: a match-driven state machine and event loop: a vending machine processing a scripted event list with dataclass events, enums and error handling.
from dataclasses import dataclass
from enum import Enum, auto
class State(Enum):
    IDLE = auto()
    HAS_MONEY = auto()
    VENDING = auto()
    BROKEN = auto()
@dataclass
class Coin:
    cents: int
@dataclass
class Select:
    item: str
@dataclass
class Refund:
    pass
@dataclass
class Kick:
    force: int
PRICES = {"cola": 125, "chips": 75, "gum": 50}
class Machine:
    def __init__(self):
        self.state = State.IDLE
        self.balance = 0
        self.stock = {"cola": 1, "chips": 3, "gum": 0}
        self.log = []
    def handle(self, event):
        before = self.state
        match (self.state, event):
            case (State.BROKEN, _):
                self.log.append("ignored: machine broken")
            case (_, Kick(force=f)) if f > 8:
                self.state = State.BROKEN
                self.log.append("kicked too hard")
            case (_, Kick()):
                self.log.append("gentle kick, nothing happens")
            case (State.IDLE | State.HAS_MONEY, Coin(cents=c)) if c in (5, 10, 25, 100):
                self.balance += c
                self.state = State.HAS_MONEY
            case (_, Coin(cents=c)):
                self.log.append(f"rejected coin {c}")
            case (State.HAS_MONEY, Select(item=name)) if name not in PRICES:
                self.log.append(f"unknown item {name}")
            case (State.HAS_MONEY, Select(item=name)) if self.stock[name] == 0:
                self.log.append(f"{name} sold out")
            case (State.HAS_MONEY, Select(item=name)) if self.balance < PRICES[name]:
                self.log.append(f"need {PRICES[name] - self.balance} more for {name}")
            case (State.HAS_MONEY, Select(item=name)):
                self.state = State.VENDING
                self.stock[name] -= 1
                self.balance -= PRICES[name]
                self.log.append(f"vend {name}, change {self.balance}")
                self.balance = 0
                self.state = State.IDLE
            case (State.HAS_MONEY, Refund()):
                self.log.append(f"refund {self.balance}")
                self.balance = 0
                self.state = State.IDLE
            case (State.IDLE, Select() | Refund()):
                self.log.append("insert money first")
            case _:
                raise RuntimeError(f"unhandled {event!r} in {self.state}")
        return before, self.state
events = [Select("cola"), Coin(25), Coin(3), Coin(100), Select("tea"), Select("gum"), Select("cola"), Coin(25), Select("cola"),
          Coin(100), Select("cola"), Refund(), Coin(25), Coin(25), Coin(25), Select("chips"), Kick(2), Kick(9), Coin(25)]
m = Machine()
for ev in events:
    before, after = m.handle(ev)
    print(f"{ev!r:24} {before.name:>9} -> {after.name:<9} balance={m.balance}")
print("\n".join(m.log))
print(m.stock, m.state, list(State), State.VENDING.value)
