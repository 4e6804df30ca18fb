#!/usr/bin/env bash
# The main job: sets up, builds the npm package, checks a bundled signed sample with the CLI and
# prints the verdict, then serves the demo page on localhost and prints its address.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-pkg.sh
sample=tests/data/signatures/01-qualified-person-der
echo
echo "\$ ekdo-check check $sample/document.pdf --sig $sample/document.pdf.sig --tsl tests/data/signatures/tsl.xml"
status=0
node pkg/cli.cjs check "$sample/document.pdf" --sig "$sample/document.pdf.sig" \
  --tsl tests/data/signatures/tsl.xml || status=$?
echo "(exit $status: 0 ready, 1 not ready, 2 bad usage)"
[ "$status" -le 1 ] || exit "$status"
echo
if [ "${EKDO_NO_SERVE:-}" = 1 ]; then exit 0; fi
exec node js/serve.mjs "$@"
