from .. import LOADED
LOADED.append("sub")
