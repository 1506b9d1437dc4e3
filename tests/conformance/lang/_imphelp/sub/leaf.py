from ..core import greet
from . import __name__ as parent_name
LOADED_FROM = parent_name
def leaf():
    return greet("leaf")
