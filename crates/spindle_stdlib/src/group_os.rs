//! The os group of native modules (see lib.rs): `posix`, `errno`, `_io`,
//! `time`, `_thread`, `_socket`, `select`, `_posixsubprocess`,
//! `_multiprocessing`, `_posixshmem`, `mmap`, `termios`, `fcntl`, `pwd`,
//! `grp`, `resource`, `syslog`, `faulthandler` and `_lsprof` (their code is
//! in `os/`), registered by import name.
//! The start-up/shut-down steps the binary calls are `spindle_stdlib::os::
//! install_std_streams` and `spindle_stdlib::os::at_exit`.

use spindle_vm::interp::NativeModuleInit;

use crate::os;

pub(crate) fn table() -> Vec<(&'static str, NativeModuleInit)> {
    vec![
        ("posix", os::posix::init as NativeModuleInit),
        ("errno", os::errno::init),
        ("_io", os::io::init),
        ("time", os::time::init),
        ("_thread", os::thread::init),
        ("_queue", os::queue::init),
        ("_socket", os::socket::init),
        ("select", os::select::init),
        ("mmap", os::mmap::init),
        ("_posixsubprocess", os::posixsubprocess::init),
        ("_multiprocessing", os::multiprocessing::init),
        ("_posixshmem", os::posixshmem::init),
        ("termios", os::termios::init_termios),
        ("fcntl", os::termios::init_fcntl),
        ("_spindle_signal", os::signal_native::init),
        ("pwd", os::pwd::init),
        ("grp", os::grp::init),
        ("resource", os::resource::init),
        ("syslog", os::syslog::init),
        ("faulthandler", os::faulthandler::init),
        ("_lsprof", os::lsprof::init),
    ]
}
