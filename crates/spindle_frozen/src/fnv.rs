/// FNV-1a, 64-bit: the index key of a frozen snippet (its text is compared
/// on a match). Shared by build.rs and the library through `include!`, so
/// the two cannot drift apart.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
