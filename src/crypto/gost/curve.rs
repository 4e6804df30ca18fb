//! Field and point arithmetic of the GOST curves.
//!
//! Every GOST R 34.10 parameter set is a short Weierstrass curve y² = x³ + ax + b over GF(p)
//! (the twisted Edwards sets TC26-256-A and TC26-512-C are used in the Weierstrass form that
//! RFC 7836 Appendix A publishes). Field elements are crypto-bigint Montgomery forms; points use
//! homogeneous projective coordinates (X : Y : Z), x = X/Z, y = Y/Z, with the *complete*
//! addition and doubling formulas of Renes, Costello and Batina, "Complete addition formulas for
//! prime order elliptic curves" (EUROCRYPT 2016), Algorithms 1 and 3, for arbitrary `a`.
//!
//! The formulas have no exceptional cases for points of odd order, which is every point this
//! crate multiplies (the base point and the public key generate the subgroup of prime order q;
//! cofactor-4 curves have points of order 2 and 4, but no multiple of such a point is ever
//! added here), so the same code serves the variable-time verification (wNAF, Shamir's trick)
//! and the constant-time signing (fixed 4-bit windows with a constant-time table scan).

use crypto_bigint::modular::{FixedMontyForm, FixedMontyParams};
use crypto_bigint::{Choice, CtAssign, NonZero, Odd, Uint, U256, U512};

/// Limbs of a 256-bit integer on this target.
pub(crate) const L256: usize = U256::LIMBS;
/// Limbs of a 512-bit integer on this target.
pub(crate) const L512: usize = U512::LIMBS;

/// An element of GF(p) or GF(q) in Montgomery form.
pub(crate) type Fe<const L: usize> = FixedMontyForm<L>;

/// The parameters of a curve as published: big-endian hex, zero-padded to the field size.
pub(crate) struct CurveHex {
    pub(crate) p: &'static str,
    pub(crate) a: &'static str,
    pub(crate) b: &'static str,
    pub(crate) q: &'static str,
    pub(crate) x: &'static str,
    pub(crate) y: &'static str,
    pub(crate) cofactor: u32,
}

/// A curve with its Montgomery parameters, computed at compile time.
pub(crate) struct Curve<const L: usize> {
    /// The field modulus p.
    pub(crate) p: FixedMontyParams<L>,
    /// The order q of the base point's subgroup (a prime), for scalar arithmetic.
    pub(crate) q: FixedMontyParams<L>,
    pub(crate) a: Fe<L>,
    pub(crate) b: Fe<L>,
    /// 3b, which the complete formulas use.
    pub(crate) b3: Fe<L>,
    /// The base point P of GOST R 34.10 (often called G).
    pub(crate) g: Affine<L>,
    /// The cofactor (1, or 4 for the twisted Edwards sets).
    pub(crate) cofactor: u32,
}

/// An affine point (x, y); never the point at infinity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Affine<const L: usize> {
    pub(crate) x: Fe<L>,
    pub(crate) y: Fe<L>,
}

/// A point in homogeneous projective coordinates; (0 : 1 : 0) is the point at infinity.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Point<const L: usize> {
    x: Fe<L>,
    y: Fe<L>,
    z: Fe<L>,
}

impl<const L: usize> Point<L> {
    pub(crate) fn from_affine(point: &Affine<L>) -> Self {
        Point { x: point.x, y: point.y, z: Fe::one(point.x.params()) }
    }

    pub(crate) fn neg(&self) -> Self {
        Point { x: self.x, y: self.y.neg(), z: self.z }
    }

    /// Whether this is the point at infinity (variable time).
    #[cfg(test)]
    pub(crate) fn is_identity_vartime(&self) -> bool {
        self.z.retrieve().is_zero_vartime()
    }

    fn ct_assign(&mut self, other: &Self, choice: Choice) {
        self.x.ct_assign(&other.x, choice);
        self.y.ct_assign(&other.y, choice);
        self.z.ct_assign(&other.z, choice);
    }
}

impl<const L: usize> Curve<L> {
    /// Builds a curve from its published parameters; evaluated at compile time, so a malformed
    /// or even modulus is a build error.
    pub(crate) const fn new(hex: CurveHex) -> Self {
        let p = FixedMontyParams::new_vartime(Odd::<Uint<L>>::from_be_hex(hex.p));
        let q = FixedMontyParams::new_vartime(Odd::<Uint<L>>::from_be_hex(hex.q));
        let a = Fe::new(&Uint::from_be_hex(hex.a), &p);
        let b = Fe::new(&Uint::from_be_hex(hex.b), &p);
        let b3 = b.add(&b).add(&b);
        let g = Affine { x: Fe::new(&Uint::from_be_hex(hex.x), &p), y: Fe::new(&Uint::from_be_hex(hex.y), &p) };
        Curve { p, q, a, b, b3, g, cofactor: hex.cofactor }
    }

    /// The order q as a non-zero modulus.
    pub(crate) fn q_nonzero(&self) -> &NonZero<Uint<L>> {
        self.q.modulus().as_nz_ref()
    }

    /// The field modulus p.
    pub(crate) fn p_modulus(&self) -> &Uint<L> {
        self.p.modulus().as_ref()
    }

    /// A field element from an integer, or `None` when the integer is not below p.
    pub(crate) fn field_element(&self, value: &Uint<L>) -> Option<Fe<L>> {
        if value.cmp_vartime(self.p_modulus()).is_lt() {
            Some(Fe::new(value, &self.p))
        } else {
            None
        }
    }

    /// Whether an affine point satisfies y² = x³ + ax + b.
    pub(crate) fn is_on_curve(&self, point: &Affine<L>) -> bool {
        let lhs = point.y.square();
        let rhs = point.x.square().mul(&point.x).add(&self.a.mul(&point.x)).add(&self.b);
        lhs.retrieve() == rhs.retrieve()
    }

    pub(crate) fn identity(&self) -> Point<L> {
        Point { x: Fe::zero(&self.p), y: Fe::one(&self.p), z: Fe::zero(&self.p) }
    }

    /// P1 + P2, complete for points of odd order (Renes–Costello–Batina, Algorithm 1).
    pub(crate) fn add(&self, p1: &Point<L>, p2: &Point<L>) -> Point<L> {
        let (x1, y1, z1) = (&p1.x, &p1.y, &p1.z);
        let (x2, y2, z2) = (&p2.x, &p2.y, &p2.z);
        let mut t0 = x1.mul(x2);
        let mut t1 = y1.mul(y2);
        let mut t2 = z1.mul(z2);
        let mut t3 = x1.add(y1);
        let mut t4 = x2.add(y2);
        t3 = t3.mul(&t4);
        t4 = t0.add(&t1);
        t3 = t3.sub(&t4); // X1Y2 + X2Y1
        t4 = x1.add(z1);
        let mut t5 = x2.add(z2);
        t4 = t4.mul(&t5);
        t5 = t0.add(&t2);
        t4 = t4.sub(&t5); // X1Z2 + X2Z1
        t5 = y1.add(z1);
        let mut x3 = y2.add(z2);
        t5 = t5.mul(&x3);
        x3 = t1.add(&t2);
        t5 = t5.sub(&x3); // Y1Z2 + Y2Z1
        let mut z3 = self.a.mul(&t4);
        x3 = self.b3.mul(&t2);
        z3 = x3.add(&z3);
        x3 = t1.sub(&z3);
        z3 = t1.add(&z3);
        let mut y3 = x3.mul(&z3);
        t1 = t0.add(&t0);
        t1 = t1.add(&t0);
        t2 = self.a.mul(&t2);
        t4 = self.b3.mul(&t4);
        t1 = t1.add(&t2);
        t2 = t0.sub(&t2);
        t2 = self.a.mul(&t2);
        t4 = t4.add(&t2);
        t0 = t1.mul(&t4);
        y3 = y3.add(&t0);
        t0 = t5.mul(&t4);
        x3 = t3.mul(&x3);
        x3 = x3.sub(&t0);
        t0 = t3.mul(&t1);
        z3 = t5.mul(&z3);
        z3 = z3.add(&t0);
        Point { x: x3, y: y3, z: z3 }
    }

    /// 2P (Renes–Costello–Batina, Algorithm 3).
    pub(crate) fn double(&self, point: &Point<L>) -> Point<L> {
        let (x, y, z) = (&point.x, &point.y, &point.z);
        let mut t0 = x.square();
        let t1 = y.square();
        let mut t2 = z.square();
        let mut t3 = x.mul(y);
        t3 = t3.double();
        let mut z3 = x.mul(z);
        z3 = z3.double();
        let mut x3 = self.a.mul(&z3);
        let mut y3 = self.b3.mul(&t2);
        y3 = x3.add(&y3);
        x3 = t1.sub(&y3);
        y3 = t1.add(&y3);
        y3 = x3.mul(&y3);
        x3 = t3.mul(&x3);
        z3 = self.b3.mul(&z3);
        t2 = self.a.mul(&t2);
        t3 = t0.sub(&t2);
        t3 = self.a.mul(&t3);
        t3 = t3.add(&z3);
        z3 = t0.add(&t0);
        t0 = z3.add(&t0);
        t0 = t0.add(&t2);
        t0 = t0.mul(&t3);
        y3 = y3.add(&t0);
        t2 = y.mul(z);
        t2 = t2.double();
        t0 = t2.mul(&t3);
        x3 = x3.sub(&t0);
        z3 = t2.mul(&t1);
        z3 = z3.double();
        z3 = z3.double();
        Point { x: x3, y: y3, z: z3 }
    }

    /// The affine form of a point, or `None` for the point at infinity (variable time).
    pub(crate) fn to_affine_vartime(&self, point: &Point<L>) -> Option<Affine<L>> {
        let z_inv = point.z.invert_vartime().into_option()?;
        Some(Affine { x: point.x.mul(&z_inv), y: point.y.mul(&z_inv) })
    }

    /// The affine form of a point, with a constant-time inversion (for secret points).
    pub(crate) fn to_affine(&self, point: &Point<L>) -> Option<Affine<L>> {
        let z_inv = point.z.invert().into_option()?;
        Some(Affine { x: point.x.mul(&z_inv), y: point.y.mul(&z_inv) })
    }

    /// P, 3P, 5P, …, 15P: the odd multiples a width-5 wNAF digit selects.
    fn odd_multiples(&self, point: &Point<L>) -> Vec<Point<L>> {
        let twice = self.double(point);
        let mut table = Vec::with_capacity(WNAF_TABLE);
        let mut current = *point;
        for _ in 0..WNAF_TABLE {
            table.push(current);
            current = self.add(&current, &twice);
        }
        table
    }

    /// u1·P1 + u2·P2 in variable time: interleaved width-5 wNAF with Shamir's trick (one chain
    /// of doublings for both scalars). For public data only.
    pub(crate) fn mul_double_vartime(&self, u1: &Uint<L>, p1: &Affine<L>, u2: &Uint<L>, p2: &Affine<L>) -> Point<L> {
        let naf1 = wnaf(u1.to_le_bytes().as_slice());
        let naf2 = wnaf(u2.to_le_bytes().as_slice());
        let table1 = self.odd_multiples(&Point::from_affine(p1));
        let table2 = self.odd_multiples(&Point::from_affine(p2));
        let top = naf1.len().max(naf2.len());
        let mut acc = self.identity();
        let mut started = false;
        for i in (0..top).rev() {
            if started {
                acc = self.double(&acc);
            }
            for (naf, table) in [(&naf1, &table1), (&naf2, &table2)] {
                let digit = naf.get(i).copied().unwrap_or(0);
                if digit == 0 {
                    continue;
                }
                let index = usize::from(digit.unsigned_abs() / 2);
                if let Some(entry) = table.get(index) {
                    let term = if digit < 0 { entry.neg() } else { *entry };
                    acc = if started { self.add(&acc, &term) } else { term };
                    started = true;
                }
            }
        }
        acc
    }

    /// k·P in variable time (plain double-and-add), for tests.
    #[cfg(test)]
    pub(crate) fn mul_vartime(&self, k: &Uint<L>, point: &Point<L>) -> Point<L> {
        let mut acc = self.identity();
        for i in (0..k.bit_width_vartime()).rev() {
            acc = self.double(&acc);
            if k.bit_vartime(i) {
                acc = self.add(&acc, point);
            }
        }
        acc
    }

    /// k·P in constant time with respect to k: fixed 4-bit windows over all of k's bytes, a
    /// table of 0·P … 15·P scanned in full with constant-time selection, and the complete
    /// formulas (no branch on the point values).
    pub(crate) fn mul_ct(&self, k: &Uint<L>, point: &Affine<L>) -> Point<L> {
        let base = Point::from_affine(point);
        let mut table = Vec::with_capacity(16);
        let mut current = self.identity();
        for _ in 0..16 {
            table.push(current);
            current = self.add(&current, &base);
        }
        let bytes = k.to_le_bytes();
        let mut acc = self.identity();
        for byte in bytes.as_slice().iter().rev() {
            for nibble in [byte >> 4, byte & 0x0f] {
                for _ in 0..4 {
                    acc = self.double(&acc);
                }
                let mut selected = self.identity();
                for (index, entry) in (0u8..).zip(table.iter()) {
                    selected.ct_assign(entry, Choice::from_u8_eq(nibble, index));
                }
                acc = self.add(&acc, &selected);
            }
        }
        acc
    }
}

/// The number of odd multiples in a width-5 wNAF table.
const WNAF_TABLE: usize = 8;
/// The wNAF window width.
const WNAF_WIDTH: u32 = 5;

/// The width-5 non-adjacent form of a little-endian scalar: one signed digit per bit position
/// (plus one for a final carry), each zero or odd with |digit| ≤ 15, no two non-zero digits
/// closer than five positions. Variable time.
fn wnaf(scalar_le: &[u8]) -> Vec<i8> {
    let len = scalar_le.len().saturating_mul(8);
    let mut digits = vec![0i8; len.saturating_add(1)];
    let mut carry = 0u32;
    let mut bit = 0usize;
    while bit < len {
        if bits_at(scalar_le, bit, 1) == carry {
            bit += 1;
            continue;
        }
        let now = u32::try_from(len - bit).map_or(WNAF_WIDTH, |left| left.min(WNAF_WIDTH));
        let word = bits_at(scalar_le, bit, now) + carry;
        carry = (word >> (WNAF_WIDTH - 1)) & 1;
        let signed = i64::from(word) - (i64::from(carry) << WNAF_WIDTH);
        if let (Some(slot), Ok(value)) = (digits.get_mut(bit), i8::try_from(signed)) {
            *slot = value;
        }
        bit += usize::try_from(now).unwrap_or(1);
    }
    if carry != 0 {
        if let Some(slot) = digits.get_mut(len) {
            *slot = 1;
        }
    }
    digits
}

/// `count` (≤ 8) bits of a little-endian byte string starting at bit `position`.
fn bits_at(bytes: &[u8], position: usize, count: u32) -> u32 {
    let byte = position / 8;
    let shift = position % 8;
    let low = u32::from(bytes.get(byte).copied().unwrap_or(0));
    let high = u32::from(bytes.get(byte + 1).copied().unwrap_or(0));
    let both = low | (high << 8);
    (both >> shift) & ((1u32 << count) - 1)
}

/// An integer from exactly `Uint::<L>::BYTES` big-endian bytes.
pub(crate) fn uint_from_be<const L: usize>(bytes: &[u8]) -> Option<Uint<L>> {
    (bytes.len() == Uint::<L>::BYTES).then(|| Uint::from_be_slice(bytes))
}

/// An integer from exactly `Uint::<L>::BYTES` little-endian bytes.
pub(crate) fn uint_from_le<const L: usize>(bytes: &[u8]) -> Option<Uint<L>> {
    (bytes.len() == Uint::<L>::BYTES).then(|| Uint::from_le_slice(bytes))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]
mod tests {
    use super::super::params::PARAM_SETS;
    use super::*;

    fn check_curve<const L: usize>(name: &str, curve: &Curve<L>) {
        assert!(curve.is_on_curve(&curve.g), "{name}: G is not on the curve");
        let g = Point::from_affine(&curve.g);
        // q·G = O, and (q - 1)·G = -G.
        let q = curve.q.modulus().get_copy();
        assert!(curve.mul_vartime(&q, &g).is_identity_vartime(), "{name}: q·G is not infinity");
        let q1 = q.wrapping_sub(&Uint::ONE);
        let minus_g = curve.to_affine_vartime(&curve.mul_vartime(&q1, &g)).expect("finite");
        assert_eq!(minus_g.x.retrieve(), curve.g.x.retrieve(), "{name}");
        assert_eq!(minus_g.y.retrieve(), curve.g.y.neg().retrieve(), "{name}");
        // p and q pass a Fermat test to a few bases (a typo would not).
        for modulus in [&curve.p, &curve.q] {
            let m1 = modulus.modulus().get_copy().wrapping_sub(&Uint::ONE);
            for base in [2u64, 3, 5, 7, 11] {
                let x = Fe::new(&Uint::from_u64(base), modulus).pow_vartime(&m1);
                assert_eq!(x.retrieve(), Uint::ONE, "{name}: modulus is not prime");
            }
        }
        // The Hasse bound: cofactor·q lies within p + 1 ± 2√p, so p and q have close sizes.
        let p_bits = curve.p.modulus().bit_width_vartime();
        let q_bits = curve.q.modulus().bit_width_vartime();
        let h_bits = 32 - curve.cofactor.leading_zeros() - 1;
        assert!(p_bits.abs_diff(q_bits + h_bits) <= 1, "{name}: sizes of p and q disagree");
    }

    #[test]
    fn every_parameter_set_is_sane() {
        for set in PARAM_SETS {
            match set.curve() {
                super::super::params::CurveRef::C256(c) => check_curve(set.name(), c),
                super::super::params::CurveRef::C512(c) => check_curve(set.name(), c),
            }
        }
    }

    #[test]
    fn complete_formulas_agree_with_each_other() {
        let curve = &super::super::params::TC26_256_A;
        let g = Point::from_affine(&curve.g);
        let o = curve.identity();
        let aff = |p: &Point<L256>| curve.to_affine_vartime(p).expect("finite");
        assert_eq!(aff(&curve.double(&g)), aff(&curve.add(&g, &g)));
        assert_eq!(aff(&curve.add(&g, &o)), curve.g);
        assert_eq!(aff(&curve.add(&o, &g)), curve.g);
        assert!(curve.add(&g, &g.neg()).is_identity_vartime());
        assert!(curve.double(&o).is_identity_vartime());
        let three = curve.add(&curve.double(&g), &g);
        assert_eq!(aff(&three), aff(&curve.mul_vartime(&Uint::from_u64(3), &g)));
        assert!(curve.is_on_curve(&aff(&three)));
    }

    #[test]
    fn scalar_multiplications_agree() {
        let curve = &super::super::params::CRYPTOPRO_A;
        let g = Point::from_affine(&curve.g);
        let aff = |p: &Point<L256>| curve.to_affine_vartime(p).expect("finite");
        let k1 = Uint::<L256>::from_be_hex("5F0D2B7E0F9ED2AF3A23C0D7A8E1F92B6E4BE1EFD4A7C1D9E0B3F6C7A8B9C0D1");
        let k2 = Uint::<L256>::from_be_hex("0000000000000000000000000000000000000000000000000000000000001F2F");
        let p2 = aff(&curve.mul_vartime(&Uint::from_u64(7), &g));
        let expected = curve.add(&curve.mul_vartime(&k1, &g), &curve.mul_vartime(&k2, &Point::from_affine(&p2)));
        assert_eq!(aff(&curve.mul_double_vartime(&k1, &curve.g, &k2, &p2)), aff(&expected));
        assert_eq!(aff(&curve.mul_ct(&k1, &curve.g)), aff(&curve.mul_vartime(&k1, &g)));
        // The largest scalar: q - 1 (a final wNAF carry).
        let q1 = curve.q.modulus().get_copy().wrapping_sub(&Uint::ONE);
        assert_eq!(aff(&curve.mul_ct(&q1, &curve.g)), aff(&g.neg()));
        assert!(curve.mul_double_vartime(&q1, &curve.g, &Uint::ONE, &curve.g).is_identity_vartime());
    }

    #[test]
    fn wnaf_reconstructs_the_scalar() {
        for value in [1u64, 2, 15, 16, 31, 0xFFFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0001, 0x1234_5678_9ABC_DEF0] {
            let digits = wnaf(&value.to_le_bytes());
            let mut total: i128 = 0;
            for (i, d) in digits.iter().enumerate() {
                total += i128::from(*d) << i;
                assert!(*d == 0 || d % 2 != 0);
            }
            assert_eq!(total, i128::from(value), "{value:#x}");
        }
    }
}
