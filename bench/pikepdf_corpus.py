"""The PDF/A corpus with pikepdf, for bench/run.mjs: opens every PDF under DIR (qpdf parses the
file, its cross-reference table and trailer, repairing if it must) and reads the XMP pdfaid
claim. That is all pikepdf checks: it validates no PDF/A rule. Prints JSON
{ files, ms, opened, claimed }."""
import json
import os
import sys
import time

import pikepdf

files = sorted(
    os.path.join(root, name)
    for root, _, names in os.walk(sys.argv[1])
    for name in names
    if name.endswith(".pdf")
)
start = time.perf_counter()
opened = claimed = 0
for path in files:
    try:
        with pikepdf.open(path) as pdf:
            opened += 1
            with pdf.open_metadata() as meta:
                if meta.pdfa_status:
                    claimed += 1
    except Exception:
        pass
ms = (time.perf_counter() - start) * 1000
print(json.dumps({"files": len(files), "ms": ms, "opened": opened, "claimed": claimed, "version": pikepdf.__version__}))
