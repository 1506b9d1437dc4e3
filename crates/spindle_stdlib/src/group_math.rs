//! The math group of native modules (see lib.rs): numbers, randomness,
//! binary packing, checksums/compression, hashes, and unicodedata. The
//! modules themselves live in `math/`.

use spindle_vm::interp::NativeModuleInit;

use crate::math;

pub(crate) fn table() -> Vec<(&'static str, NativeModuleInit)> {
    vec![
        ("math", math::mathmod::init as NativeModuleInit),
        ("cmath", math::cmath::init),
        ("_random", math::random::init),
        ("_struct", math::structmod::init),
        ("binascii", math::binascii::init),
        ("zlib", math::zlib::init),
        ("_bz2", math::compress::init_bz2),
        ("_lzma", math::compress::init_lzma),
        ("_md5", math::hashes::init_md5),
        ("_sha1", math::hashes::init_sha1),
        ("_sha2", math::hashes::init_sha2),
        ("_sha3", math::hashes::init_sha3),
        ("_blake2", math::hashes::init_blake2),
        ("_bisect", math::bisect::init),
        ("_heapq", math::heapq::init),
        ("unicodedata", math::unicodedata::init),
        ("array", math::array::init),
    ]
}
