//! Payload kinds of native-module objects. Ranges per group so groups never
//! collide: os 1000-1099, math 1100-1199, core 1200-1299, sre 1300-1399
//! (and below).

use spindle_vm::object::PayloadKind;

pub const OS_BASE: u16 = 1000;
pub const MATH_BASE: u16 = 1100;
pub const CORE_BASE: u16 = 1200;
pub const SRE_BASE: u16 = 1300;

pub const fn kind(n: u16) -> PayloadKind {
    PayloadKind(n)
}

/// `_csv` (csv_mod.rs): 1500-1519.
pub const CSV_BASE: u16 = 1500;

/// typing group (`_types`' capsule type, typing_mod/): 1600-1619.
pub const TYPING_BASE: u16 = 1600;

/// `_datetime` (datetime_mod/): 1700-1719.
pub const DATETIME_BASE: u16 = 1700;

/// `_decimal` (decimal_mod/): 1800-1819.
pub const DECIMAL_BASE: u16 = 1800;

/// `_pickle` (pickle_mod/): 1900-1909.
pub const PICKLE_BASE: u16 = 1900;

/// `mmap` (os/mmap.rs): 2000-2009.
pub const MMAP_BASE: u16 = 2000;

/// `_sqlite3` (sqlite_mod/): 2100-2109.
pub const SQLITE_BASE: u16 = 2100;
