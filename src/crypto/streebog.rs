//! GOST R 34.11-2012 (Streebog, RFC 6986), table-driven: the substitution π, the byte
//! transposition τ and the linear map ℓ of one round (LPS) are folded into eight tables of 256
//! 64-bit words, built at compile time from the standard's π and A. One LPS is then 64 table
//! loads and XORs.
//!
//! The state is eight 64-bit words, least significant first, read little-endian from the
//! message bytes as stored; so the digest bytes come out in the order programs print them
//! (RFC 6986 §10 prints the same numbers most significant byte first).
//!
//! Checked against the examples of RFC 6986 §10 and, on random inputs of every length and split,
//! against the RustCrypto `streebog` crate (tests below).
//!
//! Not here, for want of `unsafe` (forbidden in this crate): with AVX-512 VBMI and GFNI, detected
//! at run time, one LPS is a few vector instructions (π by two `vpermi2b` and a blend, the byte
//! transposition and the spreading of bytes by `vpermb`, ℓ by eight `vgf2p8affineqb` with the
//! 8×8 bit blocks of ℓ as matrices, the state kept transposed across rounds). Such a g measured
//! 367 MB/s against this file's 148 on AMD EPYC (Zen 4), but calling a `#[target_feature]`
//! function from code compiled without the feature takes an `unsafe` block.

/// π, the substitution of GOST R 34.11-2012 §5.2 (RFC 6986 §6.2), as π(0), π(1), ...
const PI: [u8; 256] = [
    252, 238, 221, 17, 207, 110, 49, 22, 251, 196, 250, 218, 35, 197, 4, 77, 233, 119, 240, 219, 147, 46, 153, 186, 23,
    54, 241, 187, 20, 205, 95, 193, 249, 24, 101, 90, 226, 92, 239, 33, 129, 28, 60, 66, 139, 1, 142, 79, 5, 132, 2,
    174, 227, 106, 143, 160, 6, 11, 237, 152, 127, 212, 211, 31, 235, 52, 44, 81, 234, 200, 72, 171, 242, 42, 104, 162,
    253, 58, 206, 204, 181, 112, 14, 86, 8, 12, 118, 18, 191, 114, 19, 71, 156, 183, 93, 135, 21, 161, 150, 41, 16,
    123, 154, 199, 243, 145, 120, 111, 157, 158, 178, 177, 50, 117, 25, 61, 255, 53, 138, 126, 109, 84, 198, 128, 195,
    189, 13, 87, 223, 245, 36, 169, 62, 168, 67, 201, 215, 121, 214, 246, 124, 34, 185, 3, 224, 15, 236, 222, 122, 148,
    176, 188, 220, 232, 40, 80, 78, 51, 10, 74, 167, 151, 96, 115, 30, 0, 98, 68, 26, 184, 56, 130, 100, 159, 38, 65,
    173, 69, 70, 146, 39, 94, 85, 47, 140, 163, 165, 125, 105, 213, 149, 59, 7, 88, 179, 64, 134, 172, 29, 247, 48, 55,
    107, 228, 136, 217, 231, 137, 225, 27, 131, 73, 76, 63, 248, 254, 141, 83, 170, 144, 202, 216, 133, 97, 32, 113,
    103, 164, 45, 43, 9, 91, 203, 155, 37, 208, 190, 229, 108, 82, 89, 166, 116, 210, 230, 244, 180, 192, 209, 102,
    175, 194, 57, 75, 99, 182,
];

/// The rows A_0 ... A_63 of the matrix of the linear transformation ℓ, GOST R 34.11-2012 §5.3
/// (RFC 6986 §6.3): ℓ(b_63 ... b_0) = b_63·A_0 ⊕ ... ⊕ b_0·A_63.
const A: [u64; 64] = [
    0x8e20_faa7_2ba0_b470,
    0x4710_7ddd_9b50_5a38,
    0xad08_b0e0_c328_2d1c,
    0xd804_5870_ef14_980e,
    0x6c02_2c38_f90a_4c07,
    0x3601_161c_f205_268d,
    0x1b8e_0b0e_798c_13c8,
    0x8347_8b07_b246_8764,
    0xa011_d380_818e_8f40,
    0x5086_e740_ce47_c920,
    0x2843_fd20_67ad_ea10,
    0x14af_f010_bdd8_7508,
    0x0ad9_7808_d06c_b404,
    0x05e2_3c04_6836_5a02,
    0x8c71_1e02_341b_2d01,
    0x46b6_0f01_1a83_988e,
    0x90da_b52a_387a_e76f,
    0x486d_d415_1c3d_fdb9,
    0x24b8_6a84_0e90_f0d2,
    0x125c_3542_0748_7869,
    0x092e_9421_8d24_3cba,
    0x8a17_4a9e_c812_1e5d,
    0x4585_254f_6409_0fa0,
    0xaccc_9ca9_328a_8950,
    0x9d4d_f05d_5f66_1451,
    0xc0a8_78a0_a133_0aa6,
    0x6054_3c50_de97_0553,
    0x302a_1e28_6fc5_8ca7,
    0x1815_0f14_b9ec_46dd,
    0x0c84_890a_d276_23e0,
    0x0642_ca05_693b_9f70,
    0x0321_658c_ba93_c138,
    0x8627_5df0_9ce8_aaa8,
    0x439d_a078_4e74_5554,
    0xafc0_503c_273a_a42a,
    0xd960_281e_9d1d_5215,
    0xe230_140f_c080_2984,
    0x7118_0a89_6040_9a42,
    0xb60c_05ca_3020_4d21,
    0x5b06_8c65_1810_a89e,
    0x456c_3488_7a38_05b9,
    0xac36_1a44_3d1c_8cd2,
    0x561b_0d22_900e_4669,
    0x2b83_8811_4807_23ba,
    0x9bcf_4486_248d_9f5d,
    0xc3e9_2243_12c8_c1a0,
    0xeffa_11af_0964_ee50,
    0xf97d_86d9_8a32_7728,
    0xe4fa_2054_a80b_329c,
    0x727d_102a_548b_194e,
    0x39b0_0815_2acb_8227,
    0x9258_0484_15eb_419d,
    0x492c_0242_84fb_aec0,
    0xaa16_0121_42f3_5760,
    0x550b_8e9e_21f7_a530,
    0xa48b_474f_9ef5_dc18,
    0x70a6_a56e_2440_598e,
    0x3853_dc37_1220_a247,
    0x1ca7_6e95_0910_51ad,
    0x0edd_37c4_8a08_a6d8,
    0x07e0_9562_4504_536c,
    0x8d70_c431_ac02_a736,
    0xc838_6296_5601_dd1b,
    0x641c_314b_2b8e_e083,
];

/// The iteration constants C_1 ... C_12 of GOST R 34.11-2012 §5.4 (RFC 6986 §6.4), each as eight
/// little-endian 64-bit limbs, least significant first.
const C: [[u64; 8]; 12] = [
    [
        0xdd80_6559_f2a6_4507,
        0x0576_7436_cc74_4d23,
        0xa242_2a08_a460_d315,
        0x4b7c_e091_9267_6901,
        0x714e_b88d_7585_c4fc,
        0x2f6a_7643_2e45_d016,
        0xebcb_2f81_c065_7c1f,
        0xb108_5bda_1eca_dae9,
    ],
    [
        0xe679_0470_21b1_9bb7,
        0x55dd_a21b_d7cb_cd56,
        0x5cb5_61c2_db0a_a7ca,
        0x9ab5_176b_12d6_9958,
        0x61d5_5e0f_16b5_0131,
        0xf3fe_ea72_0a23_2b98,
        0x4fe3_9d46_0f70_b5d7,
        0x6fa3_b58a_a99d_2f1a,
    ],
    [
        0x991e_96f5_0aba_0ab2,
        0xc2b6_f443_867a_db31,
        0xc1c9_3a37_6062_db09,
        0xd3e2_0fe4_9035_9eb1,
        0xf2ea_7514_b129_7b7b,
        0x06f1_5e5f_529c_1f8b,
        0x0a39_fc28_6a3d_8435,
        0xf574_dcac_2bce_2fc7,
    ],
    [
        0x220c_bebc_84e3_d12e,
        0x3453_eaa1_93e8_37f1,
        0xd8b7_1333_9352_03be,
        0xa9d7_2c82_ed03_d675,
        0x9d72_1cad_685e_353f,
        0x488e_857e_335c_3c7d,
        0xf948_e1a0_5d71_e4dd,
        0xef1f_dfb3_e815_66d2,
    ],
    [
        0x6017_58fd_7c6c_fe57,
        0x7a56_a27e_a9ea_63f5,
        0xdfff_00b7_2327_1a16,
        0xbfcd_1747_253a_f5a3,
        0x359e_35d7_800f_ffbd,
        0x7f15_1c1f_1686_104a,
        0x9a3f_410c_6ca9_2363,
        0x4bea_6bac_ad47_4799,
    ],
    [
        0xfa68_407a_4664_7d6e,
        0xbf71_c572_3690_4f35,
        0x0af2_1f66_c2be_c6b6,
        0xcffa_a6b7_1c9a_b7b4,
        0x187f_9ab4_9af0_8ec6,
        0x2d66_c4f9_5142_a46c,
        0x6fa4_c33b_7a30_39c0,
        0xae4f_aeae_1d3a_d3d9,
    ],
    [
        0x8886_564d_3a14_d493,
        0x3517_454c_a23c_4af3,
        0x0647_6983_284a_0504,
        0x0992_abc5_2d82_2c37,
        0xd347_3e33_197a_93c9,
        0x399e_c6c7_e6bf_87c9,
        0x51ac_86fe_bf24_0954,
        0xf4c7_0e16_eeaa_c5ec,
    ],
    [
        0xa47f_0dd4_bf02_e71e,
        0x36ac_c235_5951_a8d9,
        0x69d1_8d2b_d1a5_c42f,
        0xf489_2bcb_929b_0690,
        0x89b4_443b_4ddb_c49a,
        0x4eb7_f871_9c36_de1e,
        0x03e7_aa02_0c6e_4141,
        0x9b1f_5b42_4d93_c9a7,
    ],
    [
        0x7261_4451_8323_5adb,
        0x0e38_dc92_cb1f_2a60,
        0x7b2b_8a9a_a607_9c54,
        0x800a_440b_dbb2_ceb1,
        0x3cd9_55b7_e00d_0984,
        0x3a7d_3a1b_2589_4224,
        0x944c_9ad8_ec16_5fde,
        0x378f_5a54_1631_229b,
    ],
    [
        0x74b4_c7fb_9845_9ced,
        0x3698_fad1_153b_b6c3,
        0x7a1e_6c30_3b76_52f4,
        0x9fe7_6702_af69_334b,
        0x1fff_e18a_1b33_6103,
        0x8941_e71c_ff8a_78db,
        0x382a_e548_b2e4_f3f3,
        0xabbe_dea6_8005_6f52,
    ],
    [
        0x6bca_a4cd_81f3_2d1b,
        0xdea2_594a_c06f_d85d,
        0xefba_cd1d_7d47_6e98,
        0x8a1d_71ef_ea48_b9ca,
        0x2001_8021_1484_6679,
        0xd8fa_6bbb_ebab_0761,
        0x3002_c6cd_635a_fe94,
        0x7bcd_9ed0_efc8_89fb,
    ],
    [
        0x48bc_924a_f11b_d720,
        0xfaf4_17d5_d9b2_1b99,
        0xe71d_a4aa_88e1_2852,
        0x5d80_ef9d_1891_cc86,
        0xf820_12d4_3021_9f9b,
        0xcda4_3c32_bcdf_1d77,
        0xd213_80b0_0449_b17a,
        0x378e_e767_f116_31ba,
    ],
];

/// LPS(x) = L(P(S(x))) is linear over the bytes of x after π, so
/// LPS(x) = ⊕ over bytes: TABLE[c][byte r of word c] in output word r, where
/// TABLE\[c\]\[b\] = ℓ(π(b) · 2^(8c)) (P moves byte r of word c to byte c of word r).
static TABLE: [[u64; 256]; 8] = tables();

#[allow(clippy::as_conversions, clippy::indexing_slicing)]
// Compile-time only: `as` widens a u8, and an index out of bounds would fail the build.
const fn tables() -> [[u64; 256]; 8] {
    let mut table = [[0u64; 256]; 8];
    let mut c = 0;
    while c < 8 {
        let mut b = 0;
        while b < 256 {
            table[c][b] = ell((PI[b] as u64) << (8 * c));
            b += 1;
        }
        c += 1;
    }
    table
}

/// ℓ(b_63 ... b_0) = b_63·A_0 ⊕ ... ⊕ b_0·A_63.
#[allow(clippy::indexing_slicing)]
const fn ell(v: u64) -> u64 {
    let mut out = 0;
    let mut i = 0;
    while i < 64 {
        if (v >> (63 - i)) & 1 == 1 {
            out ^= A[i];
        }
        i += 1;
    }
    out
}

/// Row by row, reading the bytes of x ⊕ k from memory: the form the tables were first written
/// for, kept as an independent check of [`lpsx`] (test below). It was the native form until
/// measured slower than [`lpsx`] with the rounds kept rolled (see [`rounds`]).
#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::as_conversions)]
// Every index is a u8 into a 256-entry table, or a constant below 8.
fn lpsx_by_row(x: &[u64; 8], k: &[u64; 8]) -> [u64; 8] {
    let mut words = [0u64; 8];
    for (c, word) in words.iter_mut().enumerate() {
        *word = x[c] ^ k[c];
    }
    let bytes = words.map(u64::to_le_bytes);
    let mut out = [0u64; 8];
    for (r, word) in out.iter_mut().enumerate() {
        for (c, table) in TABLE.iter().enumerate() {
            *word ^= table[usize::from(bytes[c][r])];
        }
    }
    out
}

/// X\[k\] then LPS: LPS(x ⊕ k), column by column (one word of x ⊕ k at a time, its bytes taken
/// by shifts into eight accumulators). LLVM turns the byte extraction into pre-scaled indices
/// (`(v >> 5) & 0x7f8`) and, in wasm, puts the table address into the load's offset, so nothing
/// is left to gain by writing that out by hand.
///
/// Measured against other forms (best of many 64 KiB digests, AMD EPYC Zen 4 at 3.65 GHz and
/// Node 20, interleaved): reading the bytes of x ⊕ k from memory instead of shifting, to move
/// work from the ALUs to the load ports, wholly (133 MB/s natively, 58 in wasm) or for 2 to 5
/// of the 8 words (112 to 130 natively), and 16-bit extraction for the x86 high-byte registers
/// (98 natively, 72 in wasm) were all slower than this form (148 natively, 131 in wasm; the
/// same structure of g around each).
#[inline(always)]
#[allow(clippy::indexing_slicing, clippy::as_conversions, clippy::cast_possible_truncation)]
// Every index is masked to a byte; the casts take the halves of a word on purpose.
fn lpsx(x: &[u64; 8], k: &[u64; 8]) -> [u64; 8] {
    let mut out = [0u64; 8];
    for (c, t) in TABLE.iter().enumerate() {
        let v = x[c] ^ k[c];
        let (lo, hi) = (v as u32, (v >> 32) as u32);
        out[0] ^= t[(lo & 0xff) as usize];
        out[1] ^= t[((lo >> 8) & 0xff) as usize];
        out[2] ^= t[((lo >> 16) & 0xff) as usize];
        out[3] ^= t[(lo >> 24) as usize];
        out[4] ^= t[(hi & 0xff) as usize];
        out[5] ^= t[((hi >> 8) & 0xff) as usize];
        out[6] ^= t[((hi >> 16) & 0xff) as usize];
        out[7] ^= t[(hi >> 24) as usize];
    }
    out
}

/// The compression function g_N(h, m) = E(LPS(h ⊕ N), m) ⊕ h ⊕ m (GOST R 34.11-2012 §6, RFC
/// 6986 §7), where E runs twelve rounds LPSX\[K_i\] and a last X\[K_13\], and the keys follow
/// K_1 = LPS(h ⊕ N), K_(i+1) = LPS(K_i ⊕ C_i).
///
/// Natively a function of its own (called from four places): 150 against 147 MB/s; in wasm
/// inlined, 131 against 129.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn g(h: &mut [u64; 8], n: &[u64; 8], m: &[u64; 8]) {
    let mut k = lpsx(h, n);
    let mut t = *m;
    rounds(&mut t, &mut k);
    for (i, word) in h.iter_mut().enumerate() {
        *word ^= t.get(i).copied().unwrap_or(0) ^ k.get(i).copied().unwrap_or(0) ^ m.get(i).copied().unwrap_or(0);
    }
}

/// The twelve rounds of E on both chains: t = LPSX\[K_i\](t), K_(i+1) = LPS(K_i ⊕ C_i). The two
/// chains are independent within a round, so the processor overlaps them.
///
/// Natively the constants go through `black_box`, which hides their count (a slice's length)
/// from LLVM so that it keeps the rounds as a loop instead of unrolling all twelve: 148 against
/// 140 MB/s (less code, fewer spills). The next key first: 152 against 150. Two rounds per
/// iteration measured 132, a round in a function of its own 140, an LPS in a function of its
/// own 122, both LPS interleaved column by column (16 accumulators) 107.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn rounds(t: &mut [u64; 8], k: &mut [u64; 8]) {
    for c in std::hint::black_box(C.as_slice()) {
        let next = lpsx(k, c);
        *t = lpsx(t, k);
        *k = next;
    }
}

/// In wasm, two rounds per call of [`two_rounds`], a function of its own: V8 (TurboFan)
/// allocates registers far better in that small function than in g with all rounds inlined
/// (131 against 105 MB/s in Node 20). One round per call measured 128, three 122, an LPS per
/// call 109, the natively fastest rolled loop 82 (`black_box` costs in wasm).
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn rounds(t: &mut [u64; 8], k: &mut [u64; 8]) {
    for pair in C.chunks_exact(2) {
        if let [c0, c1] = pair {
            two_rounds(t, k, c0, c1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
#[inline(never)]
fn two_rounds(t: &mut [u64; 8], k: &mut [u64; 8], c0: &[u64; 8], c1: &[u64; 8]) {
    *t = lpsx(t, k);
    *k = lpsx(k, c0);
    *t = lpsx(t, k);
    *k = lpsx(k, c1);
}

/// 512-bit addition modulo 2^512 of little-endian limbs.
#[inline(always)]
fn add512(a: &mut [u64; 8], b: &[u64; 8]) {
    let mut carry = false;
    for (x, y) in a.iter_mut().zip(b) {
        let (sum, c1) = x.overflowing_add(*y);
        let (sum, c2) = sum.overflowing_add(u64::from(carry));
        *x = sum;
        carry = c1 || c2;
    }
}

fn words(block: &[u8; 64]) -> [u64; 8] {
    let mut out = [0u64; 8];
    for (word, bytes) in out.iter_mut().zip(block.chunks_exact(8)) {
        let mut le = [0u8; 8];
        le.copy_from_slice(bytes);
        *word = u64::from_le_bytes(le);
    }
    out
}

/// The output length.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Output {
    /// 256 bits (Streebog-256): IV 0x01 bytes, the high half of the result.
    Bits256,
    /// 512 bits (Streebog-512): IV zero, the whole result.
    Bits512,
}

/// An incremental Streebog computation.
#[derive(Clone)]
pub struct Streebog {
    output: Output,
    h: [u64; 8],
    /// N: the number of bits processed, modulo 2^512.
    n: [u64; 8],
    /// Σ: the sum of the blocks, modulo 2^512.
    sigma: [u64; 8],
    buffer: [u8; 64],
    buffered: usize,
}

/// The size of a saved computation ([`Streebog::save`]): the output length, h, N, Σ, and the
/// bytes of the unfinished block with their count.
pub const STATE_LEN: usize = 1 + 3 * 64 + 1 + 64;

/// N grows by 512 per full block.
const BLOCK_BITS: [u64; 8] = [512, 0, 0, 0, 0, 0, 0, 0];

impl Streebog {
    /// A fresh computation.
    pub fn new(output: Output) -> Self {
        let iv = match output {
            Output::Bits256 => 0x0101_0101_0101_0101,
            Output::Bits512 => 0,
        };
        Streebog { output, h: [iv; 8], n: [0; 8], sigma: [0; 8], buffer: [0; 64], buffered: 0 }
    }

    fn compress(&mut self, block: &[u8; 64]) {
        let m = words(block);
        g(&mut self.h, &self.n, &m);
        add512(&mut self.n, &BLOCK_BITS);
        add512(&mut self.sigma, &m);
    }

    /// Feeds more data.
    pub fn update(&mut self, mut data: &[u8]) {
        if self.buffered > 0 {
            let take = (64 - self.buffered).min(data.len());
            let (head, rest) = data.split_at(take);
            if let Some(slot) = self.buffer.get_mut(self.buffered..self.buffered + take) {
                slot.copy_from_slice(head);
            }
            self.buffered += take;
            data = rest;
            if self.buffered < 64 {
                return;
            }
            let block = self.buffer;
            self.compress(&block);
            self.buffered = 0;
        }
        let mut blocks = data.chunks_exact(64);
        for block in &mut blocks {
            if let Ok(block) = <&[u8; 64]>::try_from(block) {
                self.compress(block);
            }
        }
        let rest = blocks.remainder();
        if let Some(slot) = self.buffer.get_mut(..rest.len()) {
            slot.copy_from_slice(rest);
        }
        self.buffered = rest.len();
    }

    /// The computation so far as [`STATE_LEN`] bytes, for [`Streebog::restore`] to go on with
    /// elsewhere (the Node package's command line hashes the start of a file while its hashing
    /// thread starts, then hands the state over).
    pub fn save(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(STATE_LEN);
        out.push(match self.output {
            Output::Bits256 => 0,
            Output::Bits512 => 1,
        });
        for word in self.h.iter().chain(&self.n).chain(&self.sigma) {
            out.extend_from_slice(&word.to_le_bytes());
        }
        out.push(u8::try_from(self.buffered).unwrap_or(0));
        out.extend_from_slice(&self.buffer);
        out
    }

    /// A computation saved by [`Streebog::save`]; `None` when `state` is not one.
    pub fn restore(state: &[u8]) -> Option<Self> {
        if state.len() != STATE_LEN {
            return None;
        }
        let (&kind, rest) = state.split_first()?;
        let output = match kind {
            0 => Output::Bits256,
            1 => Output::Bits512,
            _ => return None,
        };
        let (words, rest) = rest.split_at_checked(3 * 64)?;
        let (&buffered, buffer) = rest.split_first()?;
        let buffered = usize::from(buffered);
        if buffered >= 64 {
            return None;
        }
        let word = |i: usize| -> Option<[u64; 8]> {
            let mut out = [0u64; 8];
            let bytes = words.get(i * 64..(i + 1) * 64)?;
            for (w, b) in out.iter_mut().zip(bytes.chunks_exact(8)) {
                *w = u64::from_le_bytes(b.try_into().ok()?);
            }
            Some(out)
        };
        Some(Streebog { output, h: word(0)?, n: word(1)?, sigma: word(2)?, buffer: buffer.try_into().ok()?, buffered })
    }

    /// The digest: 32 or 64 bytes.
    pub fn finalize(mut self) -> Vec<u8> {
        // The last block: the rest of the message, a 1 bit, zeros (GOST R 34.11-2012 §8.3).
        let mut block = [0u8; 64];
        let rest = self.buffer.get(..self.buffered).unwrap_or_default();
        if let Some(slot) = block.get_mut(..rest.len()) {
            slot.copy_from_slice(rest);
        }
        if let Some(one) = block.get_mut(self.buffered) {
            *one = 1;
        }
        let m = words(&block);
        g(&mut self.h, &self.n, &m);
        let bits = u64::try_from(self.buffered).unwrap_or(0) * 8;
        add512(&mut self.n, &[bits, 0, 0, 0, 0, 0, 0, 0]);
        add512(&mut self.sigma, &m);
        let zero = [0u64; 8];
        let (n, sigma) = (self.n, self.sigma);
        g(&mut self.h, &zero, &n);
        g(&mut self.h, &zero, &sigma);
        let bytes: Vec<u8> = self.h.iter().flat_map(|w| w.to_le_bytes()).collect();
        match self.output {
            Output::Bits512 => bytes,
            Output::Bits256 => bytes.get(32..).unwrap_or_default().to_vec(),
        }
    }
}

impl std::fmt::Debug for Streebog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Streebog").field("output", &self.output).finish_non_exhaustive()
    }
}

/// Streebog of `data` in one call.
pub fn digest(output: Output, data: &[u8]) -> Vec<u8> {
    let mut hasher = Streebog::new(output);
    hasher.update(data);
    hasher.finalize()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::as_conversions, clippy::cast_possible_truncation)]
mod tests {
    use super::*;
    use sha2::Digest as _;

    #[test]
    fn a_saved_computation_goes_on_to_the_same_digest() {
        let data: Vec<u8> = (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        for output in [Output::Bits256, Output::Bits512] {
            for split in [0, 1, 63, 64, 65, 127, 128, 1000, 4999, 5000] {
                let mut first = Streebog::new(output);
                first.update(&data[..split]);
                let state = first.save();
                assert_eq!(state.len(), STATE_LEN);
                let mut resumed = Streebog::restore(&state).unwrap();
                resumed.update(&data[split..]);
                assert_eq!(resumed.finalize(), digest(output, &data), "{output:?} split at {split}");
            }
        }
    }

    #[test]
    fn restore_refuses_what_save_does_not_make() {
        let state = Streebog::new(Output::Bits256).save();
        assert!(Streebog::restore(&state[..STATE_LEN - 1]).is_none());
        assert!(Streebog::restore(&[state.as_slice(), &[0]].concat()).is_none());
        let mut kind = state.clone();
        kind[0] = 2;
        assert!(Streebog::restore(&kind).is_none());
        let mut count = state;
        count[1 + 3 * 64] = 64;
        assert!(Streebog::restore(&count).is_none());
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// RFC 6986 §10 prints messages and digests most significant byte first: reversed here.
    fn rfc(text: &str) -> Vec<u8> {
        let mut bytes = hex::decode(text.replace(char::is_whitespace, "")).unwrap();
        bytes.reverse();
        bytes
    }

    // RFC 6986 §10.1 (M1, 63 bytes) and §10.2 (M2, 72 bytes), as printed there.
    const M1: &str = "323130393837363534333231303938373635343332313039383736353433323130393837363534333231
                      303938373635343332313039383736353433323130";
    const M2: &str = "fbe2e5f0eee3c820fbeafaebef20fffbf0e1e0f0f520e0ed20e8ece0ebe5f0f2f120fff0
                      eeec20f120faf2fee5e2202ce8f6f3ede220e8e6eee1e8f0f2d1202ce8f0f2e5e220e5d1";

    #[test]
    fn rfc6986_examples() {
        assert_eq!(rfc(M1), b"012345678901234567890123456789012345678901234567890123456789012");
        let cases = [
            // §10.1.1 and §10.1.2
            (
                M1,
                Output::Bits512,
                "486f64c1917879417fef082b3381a4e211c324f074654c38823a7b76f830ad00
                                   fa1fbae42b1285c0352f227524bc9ab16254288dd6863dccd5b9f54a1ad0541b",
            ),
            (M1, Output::Bits256, "00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d"),
            // §10.2.1 and §10.2.2
            (
                M2,
                Output::Bits512,
                "28fbc9bada033b1460642bdcddb90c3fb3e56c497ccd0f62b8a2ad4935e85f03
                                   7613966de4ee00531ae60f3b5a47f8dae06915d5f2f194996fcabf2622e6881e",
            ),
            (M2, Output::Bits256, "508f7e553c06501d749a66fc28c6cac0b005746d97537fa85d9e40904efed29d"),
        ];
        for (message, output, want) in cases {
            assert_eq!(hex(&digest(output, &rfc(message))), hex(&rfc(want)), "{output:?}");
        }
    }

    #[test]
    fn tables_fold_pi_and_ell() {
        // TABLE[c][b] is ℓ of π(b) in byte c; ℓ of a single bit is a row of A.
        assert_eq!(ell(1 << 63), A[0]);
        assert_eq!(ell(1), A[63]);
        for (c, table) in TABLE.iter().enumerate() {
            for b in [0usize, 1, 0x80, 0xff] {
                assert_eq!(table[b], ell(u64::from(PI[b]) << (8 * c)));
            }
        }
        // π is a permutation.
        let mut seen = [false; 256];
        for v in PI {
            seen[usize::from(v)] = true;
        }
        assert!(seen.iter().all(|s| *s));
    }

    /// A deterministic pseudo-random byte stream (SHA-256 in counter mode).
    fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 32);
        let mut counter = 0u64;
        while out.len() < len {
            let mut h = sha2::Sha256::new();
            h.update(seed.to_le_bytes());
            h.update(counter.to_le_bytes());
            out.extend_from_slice(&h.finalize());
            counter += 1;
        }
        out.truncate(len);
        out
    }

    #[test]
    fn matches_the_rustcrypto_crate_on_random_inputs() {
        for len in (0..200).chain([255, 256, 511, 512, 513, 4095, 4096, 65_537]) {
            let data = random_bytes(len as u64, len);
            let want256 = streebog::Streebog256::digest(&data).to_vec();
            let want512 = streebog::Streebog512::digest(&data).to_vec();
            assert_eq!(digest(Output::Bits256, &data), want256, "{len}");
            assert_eq!(digest(Output::Bits512, &data), want512, "{len}");
            // Split anywhere, in pieces of any size.
            let step = 1 + (len % 67);
            let mut hasher = Streebog::new(Output::Bits256);
            for piece in data.chunks(step) {
                hasher.update(piece);
            }
            assert_eq!(hasher.finalize(), want256, "{len} in pieces of {step}");
        }
    }

    #[test]
    fn both_lps_forms_agree() {
        let x: [u64; 8] = core::array::from_fn(|i| 0x0123_4567_89ab_cdef_u64.rotate_left(7 * i as u32) ^ i as u64);
        for c in &C {
            assert_eq!(lpsx_by_row(&x, c), lpsx(&x, c));
        }
    }

    #[test]
    fn counters_carry_across_limbs() {
        let mut n = [u64::MAX, u64::MAX, 0, 0, 0, 0, 0, 0];
        add512(&mut n, &BLOCK_BITS);
        assert_eq!(n, [511, 0, 1, 0, 0, 0, 0, 0]);
        let mut all = [u64::MAX; 8];
        add512(&mut all, &[1, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(all, [0; 8]);
    }
}
