#!/usr/bin/env bash
# Opens an HTML report in headless Chromium: the report of a corpus with a hostile page (script
# and markup payloads in its title and text, a javascript: link) must render with no console
# error, with none of the payloads running or rendering as markup; a screenshot is kept. Printed to
# PDF (the print stylesheet), the sections folded on screen must be on paper too.
# Usage: html_in_chromium.sh EMPREINTE_BINARY SOURCE_DIR OUTPUT_DIR. Exit 77 (skipped) without chromium.
set -euo pipefail
bin=$1 src=$2 out=$3
command -v chromium >/dev/null || { echo "chromium is not installed: skipped"; exit 77; }
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cp -r "$src/training/corpus" "$work/corpus"
mkdir -p "$work/corpus/evil.example"
cat > "$work/corpus/evil.example/index.html" <<'HTML'
<html><head><title>Hélène Vasseur <script>document.title='PWNED'</script> <img src=x onerror="document.title='PWNED'"></title>
<link rel="canonical" href="javascript:document.title='PWNED'"></head>
<body><p>Hélène Vasseur infirmière &lt;script&gt;document.title='PWNED'&lt;/script&gt; &lt;img src=x onerror=document.title='PWNED'&gt;
&lt;a href="javascript:alert(1)"&gt;click&lt;/a&gt;</p></body></html>
HTML
XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" "$bin" audit --profile "$src/training/personas/helene-vasseur.json" \
  --corpus "$work/corpus" --lang en --format html -o "$work/report.html" --quiet
grep -q "evil.example" "$work/report.html" || { echo "FAIL: the hostile page is not in the report"; exit 1; }
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile")
timeout 120 chromium "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$work/report.html" \
  > "$work/dom.html" 2> "$work/console.log"
timeout 120 chromium "${flags[@]}" --window-size=1100,2000 --screenshot="$out/report.png" \
  "file://$work/report.html" > /dev/null 2>&1
timeout 120 chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" \
  "file://$work/report.html" > /dev/null 2>&1
pdftotext -layout "$out/report.pdf" "$work/report.txt"
failed=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failed=$((failed + 1)); fi; }
check "the page rendered" 'grep -q "Digital footprint of" "$work/dom.html"'
check "no script ran (title untouched)" '! grep -q "PWNED</title>" "$work/dom.html" && grep -q "<title>Digital footprint" "$work/dom.html"'
check "no script element" '! grep -qi "<script" "$work/dom.html"'
check "no img element from the payload" '! grep -qi "<img" "$work/dom.html"'
check "no javascript: link" '! grep -qi "href=\"javascript:" "$work/dom.html"'
check "the payload shows as text" 'grep -q "&lt;script&gt;" "$work/dom.html"'
check "no console error" '! grep -E "CONSOLE|Uncaught|Refused to" "$work/console.log"'
check "a screenshot was taken" 'test -s "$out/report.png"'
check "printed: the folded namesakes are on paper" 'grep -q "Possibly someone else" "$work/report.txt"'
check "printed: the folded list of searches is on paper" 'grep -q "Searches (" "$work/report.txt" && grep -qE "\bq1\b" "$work/report.txt"'
check "printed: the action table and the gauges' polarity" 'grep -q "What to do first" "$work/report.txt" && grep -q "0 is best" "$work/report.txt"'
check "printed: link addresses are written out" 'grep -q "<https://" "$work/report.txt"'
pages=$(pdfinfo "$out/report.pdf" | awk '/^Pages:/ { print $2 }')
echo "the printed report has $pages pages"
echo "$((12 - failed)) passed, $failed failed"
exit $((failed > 0))
