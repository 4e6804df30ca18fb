#!/bin/sh
# Regenerates the test CRLs of this folder from the test PKI in ../signatures.
# Needs OpenSSL 3 and the GOST engine (apt-get install libengine-gost-openssl).
# Dates, serials, reasons and CRL numbers are fixed; the GOST signatures are random, so every
# run changes the signature bytes (and nothing else).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
pki="$here/../signatures"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# make_crl NAME CA NUMBER LAST NEXT [INDEX-LINES]
make_crl() {
  name=$1 ca=$2 number=$3 last=$4 next=$5
  printf '%s' "${6:-}" > "$work/index.txt"
  echo "$number" > "$work/crlnumber"
  cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = test_ca
[ test_ca ]
database = $work/index.txt
crlnumber = $work/crlnumber
default_md = md_gost12_256
unique_subject = no
crl_extensions = crl_ext
[ crl_ext ]
authorityKeyIdentifier = keyid:always
CNF
  openssl ca -engine gost -config "$work/ca.cnf" -gencrl \
    -keyfile "$pki/keys/ca-$ca.key.pem" -cert "$pki/ca/$ca.pem" \
    -crl_lastupdate "$last" -crl_nextupdate "$next" \
    -out "$work/$name.pem" 2>/dev/null
  openssl crl -in "$work/$name.pem" -outform DER -out "$here/$name.crl"
}

tab=$(printf '\t')
# index.txt lines: status, expiry, revocation[,reason[,compromise time]], serial, file, subject.
# "keyTime,T" is keyCompromise with invalidityDate T.
make_crl accredited-ca accredited-ca 1001 20261120000000Z 20261220000000Z "\
R${tab}311025092302Z${tab}261101000000Z,keyTime,20261030120000Z${tab}27AA7B6D03B775CCCEC4955A59C3DB6E742B1282${tab}unknown${tab}/CN=smirnova
R${tab}251025092302Z${tab}250601000000Z,superseded${tab}177A47720E885E56F39D91AE505FDAC91B4A45CE${tab}unknown${tab}/CN=fedorov
"
openssl crl -inform DER -in "$here/accredited-ca.crl" -outform PEM -out "$here/accredited-ca.crl.pem"

make_crl accredited-ca-empty accredited-ca 1000 20261001000000Z 20261101000000Z

make_crl terminated-ca terminated-ca 0A 20260128100000Z 20260227100000Z "\
R${tab}300924092302Z${tab}260128092302Z,cessationOfOperation${tab}768748D0615CEC5A9E085A1120832E25B5CC3E16${tab}unknown${tab}/CN=morozov
"

# The signatures verify with the CA certificates (`openssl crl` takes no -engine: load it by config).
cat > "$work/gost.cnf" <<CNF
openssl_conf = openssl_def
[ openssl_def ]
engines = engine_section
[ engine_section ]
gost = gost_section
[ gost_section ]
engine_id = gost
default_algorithms = ALL
CNF
verify() {
  OPENSSL_CONF="$work/gost.cnf" openssl crl -inform DER -in "$here/$1.crl" -CAfile "$pki/ca/$2.pem" -noout 2>&1 |
    grep -q 'verify OK'
}
verify accredited-ca accredited-ca
verify accredited-ca-empty accredited-ca
verify terminated-ca terminated-ca
echo "CRLs written and verified"
