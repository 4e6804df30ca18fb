#!/bin/sh
# Regenerates the test PKI and signatures of this folder (tests/verify_*.rs).
# Needs OpenSSL 3 and the GOST engine (apt-get install libengine-gost-openssl).
# Validity dates and serials are fixed; keys, signatures, signing times and time-stamp times
# change on every run (update the times the tests assert: see README.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
pki="$here/../signatures"
doc="$pki/01-qualified-person-der/document.pdf"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/keys" "$here/certs" "$here/sigs"
E="-engine gost"

# The GOST engine for commands that take no -engine option.
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

# key NAME ALGORITHM PARAMSET
key() {
  openssl genpkey $E -algorithm "$2" -pkeyopt "paramset:$3" -out "$here/keys/$1.key.pem" 2>/dev/null
}

# The extensions every certificate may use.
cat > "$work/ext.cnf" <<'CNF'
[ root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ root_nobc ]
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
[ inter ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ inter_nobc ]
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ qualified ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
certificatePolicies = 1.2.643.100.113.1
1.2.643.100.111 = ASN1:UTF8String:СКЗИ «КриптоТест CSP» (версия 5.0)
1.2.643.100.112 = ASN1:SEQUENCE:issuer_sign_tool
[ qualified_no_aki ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = none
certificatePolicies = 1.2.643.100.113.1
1.2.643.100.111 = ASN1:UTF8String:СКЗИ «КриптоТест CSP» (версия 5.0)
1.2.643.100.112 = ASN1:SEQUENCE:issuer_sign_tool
[ issuer_sign_tool ]
signTool = UTF8:СКЗИ «КриптоТест CSP» (версия 5.0, исполнение 2-Base)
cATool = UTF8:ПАК «Тестовый удостоверяющий центр 2.0»
signToolCert = UTF8:Сертификат соответствия № СФ/000-0001 от 01.02.2025 (тестовый)
cAToolCert = UTF8:Сертификат соответствия № СФ/000-0002 от 01.02.2025 (тестовый)
CNF

# cert NAME SUBJECT EXTENSIONS ISSUER-CERT ISSUER-KEY SERIAL START END [STRING-MASK]
# (ISSUER-CERT "self" makes a self-signed certificate.)
cert() {
  name=$1 subject=$2 ext=$3 issuer=$4 issuer_key=$5 serial=$6 start=$7 end=$8 mask=${9:-utf8only}
  : > "$work/index.txt"
  echo "$serial" > "$work/serial"
  cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = test_ca
[ test_ca ]
database = $work/index.txt
serial = $work/serial
new_certs_dir = $work
default_md = md_gost12_256
policy = policy_any
unique_subject = no
email_in_dn = yes
preserve = yes
[ policy_any ]
commonName = optional
[ req ]
distinguished_name = dn
string_mask = $mask
utf8 = yes
[ dn ]
CNF
  cat "$work/ext.cnf" >> "$work/ca.cnf"
  openssl req $E -new -key "$here/keys/$name.key.pem" -config "$work/ca.cnf" -utf8 -multivalue-rdn \
    -subj "$subject" -out "$work/$name.csr" 2>/dev/null
  if [ "$issuer" = self ]; then
    set -- -selfsign -keyfile "$here/keys/$name.key.pem"
  else
    set -- -cert "$here/certs/$issuer.pem" -keyfile "$here/keys/$issuer_key.key.pem"
  fi
  openssl ca $E -batch -config "$work/ca.cnf" -extfile "$work/ext.cnf" -extensions "$ext" \
    -startdate "$start" -enddate "$end" -utf8 -multivalue-rdn -preserveDN -notext "$@" \
    -in "$work/$name.csr" -out "$here/certs/$name.pem" 2>/dev/null
}

# Keys: GOST R 34.10-2012 256, CryptoPro-A (the CAs) and TC26-256-A (the signers).
for k in root inter nobc-root nobc-inter tsa; do key "$k" gost2012_256 A; done
for k in ivanov petrova sergeev names noaki; do key "$k" gost2012_256 TCA; done
cp "$pki/keys/ca-accredited-ca.key.pem" "$work/accredited.key.pem"

ROOT="/CN=Тестовый корневой УЦ «Ладога»/O=АО «Ладога»/C=RU/1.2.643.100.1=1027700132195/1.2.643.100.4=7707083893"
INTER="/CN=Тестовый УЦ «Ладога» 2026/O=АО «Ладога»/C=RU/1.2.643.100.1=1027700132195/1.2.643.100.4=7707083893"
cert root "$ROOT" root self - 1001 20260101000000Z 20360101000000Z
cert inter "$INTER" inter root root 1002 20260101000000Z 20340101000000Z
cert ivanov "/SN=Иванов/GN=Пётр Алексеевич/CN=Иванов Пётр Алексеевич/C=RU/L=г. Москва/1.2.643.3.131.1.1=500100732259/1.2.643.100.3=11223344595" \
  qualified inter inter 2001 20261101000000Z 20271101000000Z
cert tsa "/CN=Тестовая служба штампов времени «Ладога»/O=АО «Ладога»/C=RU" tsa root root 1003 \
  20260101000000Z 20310101000000Z
# A root without basicConstraints, and a signer under it.
cert nobc-root "/CN=Старый корневой УЦ без basicConstraints/O=АО «Ладога»/C=RU" root_nobc self - 3001 \
  20200101000000Z 20400101000000Z
cert petrova "/SN=Петрова/GN=Ольга Ивановна/CN=Петрова Ольга Ивановна/C=RU/1.2.643.100.3=11223344595" \
  qualified nobc-root nobc-root 3002 20261101000000Z 20271101000000Z
# An intermediate without basicConstraints under the root, and a signer under it.
cert nobc-inter "/CN=Промежуточный УЦ без basicConstraints/O=АО «Ладога»/C=RU" inter_nobc root root 1004 \
  20260101000000Z 20340101000000Z
cert sergeev "/SN=Сергеев/GN=Игорь Павлович/CN=Сергеев Игорь Павлович/C=RU/1.2.643.100.3=11223344595" \
  qualified nobc-inter nobc-inter 4001 20261101000000Z 20271101000000Z
# Names in BMPString and TeletexString (string_mask default), the organisation's ИНН written the
# old way (00 + 10 digits under 1.2.643.3.131.1.1), under the root.
cert names "/SN=Тестова+GN=Анна Петровна/CN=Тестова Анна Петровна/O=Café Ltd/1.2.643.3.131.1.1=007812197875/1.2.643.100.1=1167811239860/1.2.643.100.3=95987517203/C=RU" \
  qualified root root 1005 20261101000000Z 20271101000000Z default
# A qualified certificate of the fixtures' accredited CA without authorityKeyIdentifier.
cp "$pki/ca/accredited-ca.pem" "$here/certs/accredited-ca.pem"
cp "$pki/keys/ca-accredited-ca.key.pem" "$here/keys/accredited-ca.key.pem"
cert noaki "/SN=Безключева/GN=Мария Андреевна/CN=Безключева Мария Андреевна/C=RU/1.2.643.3.131.1.1=500100732259/1.2.643.100.3=11223344595" \
  qualified_no_aki accredited-ca accredited-ca 5001 20261101000000Z 20311101000000Z
rm "$here/certs/accredited-ca.pem" "$here/keys/accredited-ca.key.pem"

# sign NAME SIGNER [cms options]: a detached CAdES-BES signature over fixture 01's document.
sign() {
  name=$1 signer=$2
  shift 2
  openssl cms -sign $E -binary -cades -md md_gost12_256 -in "$doc" \
    -signer "$here/certs/$signer.pem" -inkey "$here/keys/$signer.key.pem" \
    -outform DER -out "$here/sigs/$name.sig" "$@"
}
sign ivanov-chain ivanov -certfile "$here/certs/inter.pem"
sign ivanov-keyid ivanov -keyid -certfile "$here/certs/inter.pem"
sign petrova-nobc-root petrova
sign sergeev-nobc-inter sergeev -certfile "$here/certs/nobc-inter.pem"
sign names names
sign noaki noaki
# No signed attributes (so no signing time), then a signature time-stamp over its value.
openssl cms -sign $E -binary -noattr -md md_gost12_256 -in "$doc" \
  -signer "$here/certs/ivanov.pem" -inkey "$here/keys/ivanov.key.pem" -certfile "$here/certs/inter.pem" \
  -outform DER -out "$here/sigs/ivanov-noattr.sig"
# The SignerInfo's signature value is the last OCTET STRING of the file; -strparse writes its
# contents (and complains that they are no ASN.1, which they need not be).
offset=$(openssl asn1parse -inform DER -in "$here/sigs/ivanov-noattr.sig" | grep 'OCTET STRING' | tail -1 | cut -d: -f1)
openssl asn1parse -inform DER -in "$here/sigs/ivanov-noattr.sig" -strparse "$offset" -noout -out "$work/value.bin" 2>/dev/null || true
test "$(wc -c < "$work/value.bin")" -eq 64
cat > "$work/ts.cnf" <<CNF
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = $work/tsaserial
crypto_device = builtin
signer_digest = md_gost12_256
default_policy = 1.2.643.100.999.1
digests = md_gost12_256, sha256
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF
echo 2a > "$work/tsaserial"
OPENSSL_CONF="$work/gost.cnf" openssl ts -query -data "$work/value.bin" -md_gost12_256 -cert -no_nonce -out "$work/q.tsq"
OPENSSL_CONF="$work/gost.cnf" openssl ts -reply -queryfile "$work/q.tsq" -signer "$here/certs/tsa.pem" \
  -inkey "$here/keys/tsa.key.pem" -config "$work/ts.cnf" -token_out -out "$here/sigs/ivanov-noattr.tst" 2>/dev/null
echo "written"
