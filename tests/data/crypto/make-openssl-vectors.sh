#!/bin/sh
# Writes GOST R 34.10 vectors made by OpenSSL's gost engine, one line per parameter set:
#
#   algorithm paramset pkcs8_der spki_der digest signature
#
# all hex: a fresh key pair (PKCS#8 private key and SubjectPublicKeyInfo, exactly as the engine
# writes them), a random digest of the key's size, and the engine's raw signature over it
# (`openssl pkeyutl -sign`: s||r, big-endian halves). The engine checks its own signature
# before the line is written. A last line holds a "masked" private key (d = k0*m1 mod q, the
# CryptoPro form the engine also reads) whose public key the engine derived.
#
# Usage: make-openssl-vectors.sh [OUT]   (default: openssl-gost.txt next to this script)
# Needs: openssl with the gost engine (apt-get install libengine-gost-openssl), python3, od.
set -eu
out=${1:-$(dirname "$0")/openssl-gost.txt}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ossl() { openssl "$@" -engine gost 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }; }
hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }

{
    echo "# GOST R 34.10 vectors made by tests/data/crypto/make-openssl-vectors.sh"
    echo "# with $(openssl version | cut -d' ' -f1-2) and the gost engine; see README.md."
    echo "# algorithm paramset pkcs8_der spki_der digest signature(s||r)"
    for spec in gost2001:0 gost2001:A gost2001:B gost2001:C gost2001:XA gost2001:XB \
        gost2012_256:0 gost2012_256:A gost2012_256:B gost2012_256:C gost2012_256:XA gost2012_256:XB \
        gost2012_256:TCA gost2012_256:TCB gost2012_256:TCC gost2012_256:TCD \
        gost2012_512:1.2.643.7.1.2.1.2.0 gost2012_512:A gost2012_512:B gost2012_512:C; do
        alg=${spec%%:*}
        ps=${spec#*:}
        n=32
        [ "$alg" = gost2012_512 ] && n=64
        ossl genpkey -algorithm "$alg" -pkeyopt "paramset:$ps" -outform DER -out "$tmp/key.der"
        ossl pkey -inform DER -in "$tmp/key.der" -pubout -outform DER -out "$tmp/pub.der"
        head -c "$n" /dev/urandom >"$tmp/digest"
        ossl pkeyutl -sign -keyform DER -inkey "$tmp/key.der" -in "$tmp/digest" -out "$tmp/sig"
        ossl pkeyutl -verify -pubin -keyform DER -inkey "$tmp/pub.der" -in "$tmp/digest" -sigfile "$tmp/sig" >/dev/null
        echo "$alg $ps $(hex "$tmp/key.der") $(hex "$tmp/pub.der") $(hex "$tmp/digest") $(hex "$tmp/sig")"
    done

    # A masked key on CryptoPro A: privateKey = LE(k0) || LE(m1) with k0 = d * m1^-1 mod q.
    ossl genpkey -algorithm gost2012_256 -pkeyopt paramset:A -outform DER -out "$tmp/key.der"
    python3 - "$tmp/key.der" "$tmp/masked.der" <<'PY'
import secrets, sys
q = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF6C611070995AD10045841B09B761B893  # CryptoPro A (RFC 4357)
der = open(sys.argv[1], "rb").read()
d = int.from_bytes(der[-32:], "little")  # the engine's default: a bare 32-byte LE key, last
m = secrets.randbelow(q - 1) + 1
k0 = d * pow(m, -1, q) % q
key = k0.to_bytes(32, "little") + m.to_bytes(32, "little")
prefix = der[:-34]  # everything before the privateKey OCTET STRING (04 20)
body = prefix[2:] + bytes([0x04, 0x40]) + key  # outer SEQUENCE header is 30 xx
open(sys.argv[2], "wb").write(bytes([0x30, len(body)]) + body)
PY
    ossl pkey -inform DER -in "$tmp/masked.der" -pubout -outform DER -out "$tmp/pub.der"
    ossl pkey -inform DER -in "$tmp/key.der" -pubout -outform DER -out "$tmp/pub2.der"
    cmp -s "$tmp/pub.der" "$tmp/pub2.der" || { echo "masked key: public keys differ" >&2; exit 1; }
    head -c 32 /dev/urandom >"$tmp/digest"
    ossl pkeyutl -sign -keyform DER -inkey "$tmp/masked.der" -in "$tmp/digest" -out "$tmp/sig"
    echo "gost2012_256 A-masked $(hex "$tmp/masked.der") $(hex "$tmp/pub.der") $(hex "$tmp/digest") $(hex "$tmp/sig")"
} >"$out.tmp"
mv "$out.tmp" "$out"
