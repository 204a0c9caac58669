#!/usr/bin/env bash
# The .deb made by CPack holds what `cmake --install` installs, declares its dependencies, and
# the program unpacked from it runs from its own prefix, outside the build tree: --version,
# the demo (its data found beside bin/), rules lint, the man page and completions in place.
# Usage: package_works.sh PACKAGE.deb EXPECTED_VERSION
set -euo pipefail
deb=$1 version=$2
failed=0
ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failed=1; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root/unpacked"
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/empreinte ./usr/share/empreinte/rules/networks.json \
  ./usr/share/empreinte/training/personas/helene-vasseur.json \
  ./usr/share/empreinte/reports/templates/report.html.mustache ./usr/share/man/man1/empreinte.1 \
  ./usr/share/bash-completion/completions/empreinte ./usr/share/zsh/vendor-completions/_empreinte \
  ./usr/share/fish/vendor_completions.d/empreinte.fish ./usr/share/doc/empreinte/README.md \
  ./usr/share/doc/empreinte/copyright ./usr/share/doc/empreinte/docs/fuzzing.md; do
  check "the package holds $path" 'grep -q " $path\$" <<< "$contents"'
done
check "nothing of the build or the tests is packaged" \
  '! grep -qE "empreinte_tests|/fuzz_|/bench/|CMakeFiles" <<< "$contents"'
depends=$(dpkg-deb -f "$deb" Depends)
echo "# Depends: $depends"
for lib in libcurl4 libgumbo1 libsqlite3-0 libre2 libutf8proc libpsl5 libfmt; do
  check "Depends names $lib" '[[ $depends == *"$lib"* ]]'
done
check "the version is $version" '[[ $(dpkg-deb -f "$deb" Version) == "$version" ]]'

# From the unpacked prefix, in a scratch home, with nothing of the environment but PATH.
cd "$root"
run() { env -i HOME="$root/home" PATH=/usr/bin:/bin "$root/unpacked/usr/bin/empreinte" "$@"; }
mkdir -p home
out=$(run --version) || true
check "--version prints the version ($out)" '[[ $out == "empreinte $version" ]]'
rc=0
run demo --quiet > demo.txt 2> demo.err || rc=$?
check "the demo exits 0 (exit $rc)" '((rc == 0))'
check "the demo audits the persona" 'grep -q "Hélène Vasseur" demo.txt'
rc=0
run demo --quiet --format json -o report.json || rc=$?
check "the JSON demo report is written (exit $rc)" '((rc == 0)) && grep -q "\"schema\": \"empreinte/report/v1\"" report.json'
check "the report file is private" '[[ $(stat -c %a report.json) == 600 ]]'
rc=0
run rules lint > lint.txt 2>&1 || rc=$?
check "rules lint passes on the packaged rules (exit $rc)" '((rc == 0))'
# The data used was the package's own: without it the program says so (it never falls back to
# the tree it was built from).
mv unpacked/usr/share/empreinte unpacked/usr/share/empreinte.away
rc=0
run demo --quiet > /dev/null 2> nodata.err || rc=$?
check "without its data the program says so (exit $rc)" '((rc == 1)) && grep -q "cannot find the rules data" nodata.err'
mv unpacked/usr/share/empreinte.away unpacked/usr/share/empreinte
check "the man page names the program" 'grep -q "^empreinte \\\\- audit your own digital footprint" unpacked/usr/share/man/man1/empreinte.1'
if ((failed)); then
  sed 's/^/# /' demo.err 2>/dev/null || true
fi
exit $failed
