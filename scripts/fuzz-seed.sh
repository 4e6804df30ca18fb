#!/usr/bin/env bash
# Seeds the cargo-fuzz corpora (fuzz/corpus/<target>/, not committed) from the test fixtures.
# Usage: scripts/fuzz-seed.sh        then e.g.: cd fuzz && cargo fuzz run cms -- -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus
mkdir -p "$out"/{pdf,sparse,cms,certificate,tsl,crl,check}
sig=tests/data/signatures
# pdf: the small veraPDF corpus files and the fixture documents.
find tests/data/verapdf -name '*.pdf' -size -64k -exec cp -t "$out/pdf" {} +
for f in "$sig"/docs/*.pdf; do cp "$f" "$out/pdf/doc-$(basename "$f")"; done
# sparse: the same documents (its target leaves out the data of every stream with a length).
cp "$out"/pdf/* "$out/sparse/"
# cms: every fixture signature.
for d in "$sig"/*/; do
  for f in "$d"document.pdf.sig "$d"document.pdf.pem; do
    [ -f "$f" ] && cp "$f" "$out/cms/$(basename "$d")-$(basename "$f")"
  done
done
cp tests/data/cms/*.der "$out/cms/"
# certificate: the CA certificates and every signer's certificate (DER).
cp "$sig"/ca/*.der "$out/certificate/"
for f in "$sig"/keys/*.crt.pem; do
  openssl x509 -in "$f" -outform DER -out "$out/certificate/$(basename "$f" .crt.pem).der"
done
# tsl: the fixture trust list.
cp "$sig/tsl.xml" "$out/tsl/"
# crl: the fixture CRLs.
cp tests/data/tsl/*.crl "$out/crl/"
# check: [n][signature][m][CA][document], see src/fuzz.rs.
python3 - "$sig" "$out/check" <<'PY'
import os, struct, sys
sig, out = sys.argv[1], sys.argv[2]
ca = open(os.path.join(sig, "ca", "accredited-ca.der"), "rb").read()
for case in sorted(os.listdir(sig)):
    d = os.path.join(sig, case)
    doc = os.path.join(d, "document.pdf")
    if not os.path.isfile(doc):
        continue
    for name in ("document.pdf.sig", "document.pdf.pem"):
        p = os.path.join(d, name)
        if os.path.isfile(p):
            s = open(p, "rb").read()[:65535]
            data = struct.pack("<H", len(s)) + s + struct.pack("<H", len(ca)) + ca + open(doc, "rb").read()
            open(os.path.join(out, case), "wb").write(data)
PY
for t in pdf cms certificate tsl crl check; do echo "$t: $(ls "$out/$t" | wc -l) seeds, $(du -sh "$out/$t" | cut -f1)"; done
