print("init nested", __name__, __package__)
from ..sub import helper as parent_helper
from .deep import deep_value
