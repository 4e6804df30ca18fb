#!/bin/sh
# Writes RSA and ECDSA vectors made by OpenSSL (no engine needed), one line each:
#
#   label spki_der signature_algorithm_oid signature_algorithm_params digest_name digest signature
#
# all hex except the label, the dotted OID and the digest name; "-" for absent parameters.
# Each key is fresh; the message is random and `digest` is its hash; OpenSSL verifies its own
# signature before the line is written.
#
# Usage: make-openssl-other-vectors.sh [OUT]   (default: openssl-other.txt next to this script)
set -eu
out=${1:-$(dirname "$0")/openssl-other.txt}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }

# The DER of AlgorithmIdentifier parameters for RSASSA-PSS with SHA-256, MGF1-SHA-256 and a
# salt of 32 bytes (RFC 4055 §3.1), as OpenSSL writes them for these options.
pss256="3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120"
pss384="3034a00f300d06096086480165030402020500a11c301a06092a864886f70d010108300d06096086480165030402020500a203020130"

one() { # label keyfile digest sigopts oid params
    label=$1 key=$2 md=$3 oid=$5 params=$6
    openssl pkey -in "$key" -pubout -outform DER -out "$tmp/pub.der"
    head -c 100 /dev/urandom >"$tmp/msg"
    openssl dgst "-$md" -binary -out "$tmp/digest" "$tmp/msg"
    # shellcheck disable=SC2086
    openssl pkeyutl -sign -inkey "$key" -in "$tmp/digest" -out "$tmp/sig" -pkeyopt "digest:$md" $4
    # shellcheck disable=SC2086
    openssl pkeyutl -verify -pubin -keyform DER -inkey "$tmp/pub.der" -in "$tmp/digest" -sigfile "$tmp/sig" \
        -pkeyopt "digest:$md" $4 >/dev/null
    echo "$label $(hex "$tmp/pub.der") $oid $params $md $(hex "$tmp/digest") $(hex "$tmp/sig")"
}

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/rsa.pem" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/p256.pem"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$tmp/p384.pem"
{
    echo "# RSA and ECDSA vectors made by tests/data/crypto/make-openssl-other-vectors.sh"
    echo "# with $(openssl version | cut -d' ' -f1-2); see README.md."
    echo "# label spki_der signature_algorithm_oid params digest_name digest signature"
    one rsa-pkcs1-sha1 "$tmp/rsa.pem" sha1 "" 1.2.840.113549.1.1.5 -
    one rsa-pkcs1-sha256 "$tmp/rsa.pem" sha256 "" 1.2.840.113549.1.1.11 -
    one rsa-pkcs1-sha384 "$tmp/rsa.pem" sha384 "" 1.2.840.113549.1.1.12 -
    one rsa-pkcs1-sha512-cms "$tmp/rsa.pem" sha512 "" 1.2.840.113549.1.1.1 -
    one rsa-pss-sha256 "$tmp/rsa.pem" sha256 "-pkeyopt rsa_padding_mode:pss -pkeyopt rsa_pss_saltlen:32 -pkeyopt rsa_mgf1_md:sha256" \
        1.2.840.113549.1.1.10 "$pss256"
    one rsa-pss-sha384 "$tmp/rsa.pem" sha384 "-pkeyopt rsa_padding_mode:pss -pkeyopt rsa_pss_saltlen:48 -pkeyopt rsa_mgf1_md:sha384" \
        1.2.840.113549.1.1.10 "$pss384"
    one ecdsa-p256-sha256 "$tmp/p256.pem" sha256 "" 1.2.840.10045.4.3.2 -
    one ecdsa-p256-sha384-cms "$tmp/p256.pem" sha384 "" 1.2.840.10045.2.1 -
    one ecdsa-p384-sha384 "$tmp/p384.pem" sha384 "" 1.2.840.10045.4.3.3 -
    one ecdsa-p384-sha512 "$tmp/p384.pem" sha512 "" 1.2.840.10045.4.3.4 -
} >"$out.tmp"
mv "$out.tmp" "$out"
