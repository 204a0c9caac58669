#!/usr/bin/env bash
# Audits the training persona through a real searx server on 127.0.0.1: Debian's searx 1.1.0
# with one json_engine pointed at a loopback page server (page_server.py) that serves results
# from tests/fixtures/searx/results.json, queried through empreinte's searxng backend. A second
# searx whose engine points at a closed port checks that failed queries are reported as such.
# Usage: searx_integration.sh EMPREINTE_BINARY SOURCE_DIR WORK_DIR
# Exit 77 (skipped) when Debian's searx is not installed. See docs/testing-searx.md.
set -euo pipefail
bin=$1 src=$2 work=$3

if [[ ! -d /usr/lib/python3/dist-packages/searx ]]; then
  echo "searx is not installed (apt-get install searx): skipped"
  exit 77
fi
# Debian's interpreter: a python3 earlier on PATH (pyenv here) cannot see dist-packages.
py=/usr/bin/python3
fixtures=$src/tests/fixtures/searx
profile=$src/training/personas/helene-vasseur.json

rm -rf "$work"
mkdir -p "$work"

pids=()
# shellcheck disable=SC2317 # run by the EXIT trap
stop_servers() {
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 20); do
      [[ -e /proc/$pid ]] || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_servers EXIT

passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
finish() {
  echo "$passed passed, $failed failed"
  exit $((failed > 0))
}
# Stops early when a server cannot start: nothing after it can be checked.
fatal() {
  not_ok "$1"
  if [[ -n ${2:-} && -f $2 ]]; then
    tail -n 20 "$2" | sed 's/^/# /'
  fi
  finish
}

# A port free now (closed again at once): searx takes its port from the settings file only.
free_port() {
  "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# State letter of a process, empty when it is gone. PID 1 here reaps orphans late, so a dead
# server stays a zombie ("Z") for a while and `kill -0` would still succeed on it.
proc_state() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) }
  echo "${stat%% *}"
}

alive() {
  local state
  state=$(proc_state "$1")
  [[ -n $state && $state != Z ]]
}

# start_page_server DIR: the loopback engine; sets page_port.
start_page_server() {
  local dir=$1
  "$py" "$src/tests/tools/page_server.py" "$fixtures/results.json" "$dir/page.port" \
    "$dir/page-queries.log" > "$dir/page-server.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do
    [[ -s $dir/page.port ]] && break
    alive "$pid" || break
    sleep 0.1
  done
  [[ -s $dir/page.port ]] || fatal "the page server started" "$dir/page-server.log"
  page_port=$(cat "$dir/page.port")
}

# start_searx DIR ENGINE_PORT: a searx whose engine "corpus" asks 127.0.0.1:ENGINE_PORT;
# sets searx_url. A few attempts, in case another process took the port in between.
start_searx() {
  local dir=$1 engine_port=$2 port pid secret
  secret=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  for _ in 1 2 3; do
    port=$(free_port)
    sed -e "s/@SEARX_PORT@/$port/" -e "s/@SECRET@/$secret/" -e "s/@ENGINE_PORT@/$engine_port/" \
      "$fixtures/settings.yml.in" > "$dir/settings.yml"
    # PYTHONNOUSERSITE: a pip flask or werkzeug in ~/.local must not shadow Debian's.
    env -u SEARX_BIND_ADDRESS -u SEARX_DEBUG -u SEARX_SECRET \
      SEARX_SETTINGS_PATH="$dir/settings.yml" PYTHONNOUSERSITE=1 \
      "$py" -m searx.webapp > "$dir/searx.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    for _ in $(seq 80); do # 20 s
      alive "$pid" || break
      if timeout 3 curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
        searx_url=http://127.0.0.1:$port
        return 0
      fi
      sleep 0.25
    done
    alive "$pid" && break # running but not answering: another attempt would not help
    grep -q "Address already in use" "$dir/searx.log" || break
  done
  fatal "searx started and answered on 127.0.0.1 within 20 s" "$dir/searx.log"
}

# The request the searxng backend sends, as curl sends it. Prints the body; the status code
# goes to DIR/last.status.
search() {
  local dir=$1 query=$2 page=$3 language=${4:-all}
  timeout 20 curl -s --max-time 15 -G -H "Accept: application/json" -o "$dir/last.json" \
    -w "%{http_code}" "$searx_url/search" --data-urlencode "q=$query" \
    --data "format=json&pageno=$page&language=$language&safesearch=0" > "$dir/last.status" || true
  cat "$dir/last.json" 2>/dev/null || true
}

# py_check DIR NAME PYTHON_EXPRESSION: the expression sees DIR's last reply as `d` (parsed JSON).
py_check() {
  local dir=$1 name=$2 expr=$3
  if "$py" -c "import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if ($expr) else 1)" \
    "$dir/last.json" 2> /dev/null; then
    ok "$name"
  else
    not_ok "$name"
  fi
}

# run_audit DIR: the binary through the searxng backend; sets audit_rc.
run_audit() {
  local dir=$1
  mkdir -p "$dir/cache" "$dir/config"
  audit_rc=0
  XDG_CACHE_HOME="$dir/cache" XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" timeout 45 "$bin" audit \
    --profile "$profile" --backend searxng --backend-opt "searxng.base_url=$searx_url" \
    --no-cache --format json -o "$dir/report.json" > "$dir/audit.out" 2> "$dir/audit.err" ||
    audit_rc=$?
}

# The report checks, one `ok - ` / `not ok - ` line each. Arguments: report, mode (ok|failed),
# the fixture, the page server's query log.
report_checks=$(
  cat << 'PY'
import json, sys
from urllib.parse import urlsplit

report_path, mode, fixture_path, query_log = sys.argv[1:5]
lines = []
def check(name, cond):
    lines.append(("ok - " if cond else "not ok - ") + name)

def key(url):
    # Loose: the report holds normalised URLs (www. for locale hosts, no trailing slash).
    p = urlsplit(url)
    host = (p.hostname or "").lower()
    first, _, rest = host.partition(".")
    if rest.count(".") >= 1 and (first == "www" or len(first) == 2):
        host = rest
    return host + p.path.rstrip("/") + ("?" + p.query if p.query else "")

try:
    with open(report_path, encoding="utf-8") as f:
        r = json.load(f)
except (OSError, ValueError) as e:
    print(f"not ok - the report is readable JSON ({e})")
    sys.exit(0)
check("the report is readable JSON", True)
check("schema is empreinte/report/v1", r.get("schema") == "empreinte/report/v1")
queries = r.get("queries") or []
statuses = [q.get("status") for q in queries]
check(f"the report has queries ({len(queries)})", len(queries) > 0)
check("every query has backend searxng", queries and all(q.get("backend") == "searxng" for q in queries))
counts = {}
for s in statuses:
    counts[s] = counts.get(s, 0) + 1
entry = [b for b in r.get("backends") or [] if b.get("name") == "searxng"]
check("backends lists searxng once with its query count and statuses",
      len(entry) == 1 and entry[0].get("queries") == len(queries)
      and {k: v for k, v in (entry[0].get("statuses") or {}).items() if v} == counts)
traces = r.get("traces") or []
by_key = {key(t.get("url", "")): t for t in traces}
if mode == "ok":
    check("complete is true", r.get("complete") is True)
    check(f"every query is ok or empty ({counts})", queries and all(s in ("ok", "empty") for s in statuses))
    check("at least one query is ok", "ok" in statuses)
    check("ok queries have results and no error",
          all(q.get("results", 0) > 0 and q.get("error") is None for q in queries if q.get("status") == "ok"))
    with open(fixture_path, encoding="utf-8") as f:
        fixture = [e["url"] for e in json.load(f)["results"]]
    missing = [u for u in fixture if key(u) not in by_key]
    check(f"traces include every fixture URL (missing: {missing})", not missing)
    not_searxng = [u for u in fixture if key(u) in by_key
                   and not any(s.get("backend") == "searxng" for s in by_key[key(u)].get("found_by", []))]
    check(f"those traces were found_by searxng (not: {not_searxng})", not not_searxng)
    with open(query_log, encoding="utf-8") as f:
        asked = {line.split("\t")[0] for line in f}
    unseen = [q.get("text") for q in queries if q.get("text") not in asked]
    check(f"every query reached the page server through searx (not: {unseen})", not unseen)
else:
    check("complete is false", r.get("complete") is False)
    check(f"every query has status error ({counts})", queries and all(s == "error" for s in statuses))
    check("every error reason names the engine corpus",
          queries and all("corpus" in (q.get("error") or "") for q in queries))
    check("no trace was found by searxng",
          not any(s.get("backend") == "searxng" for t in traces for s in t.get("found_by", [])))
print("\n".join(lines))
PY
)

# report_assertions DIR MODE: runs the checks above and counts their lines.
report_assertions() {
  local dir=$1 mode=$2 out line
  out=$("$py" -c "$report_checks" "$dir/report.json" "$mode" "$fixtures/results.json" \
    "$dir/page-queries.log" 2>&1) || out+=$'\n'"not ok - the report checks ran (python failed)"
  while IFS= read -r line; do
    case $line in
      "ok - "*) ok "${line#ok - }" ;;
      "not ok - "*) not_ok "${line#not ok - }" ;;
      *) echo "# $line" ;;
    esac
  done <<< "$out"
}

# --- Scenario 1: searx with a working engine -------------------------------------------------
one=$work/answering
mkdir -p "$one"
start_page_server "$one"
start_searx "$one" "$page_port"
echo "# searx on $searx_url, page server on 127.0.0.1:$page_port"

search "$one" '"Hélène Vasseur"' 1 > /dev/null
check "searx answers the backend's request (language=all) with 200" '[[ $(cat "$one/last.status") == 200 ]]'
py_check "$one" "the reply has results from engine corpus" \
  'd["results"] and all(x["engine"] == "corpus" for x in d["results"])'
py_check "$one" "the reply has no unresponsive engines" 'd["unresponsive_engines"] == []'
search "$one" '"Hélène Vasseur"' 2 > /dev/null
py_check "$one" "page 2 is empty (the backend pages until an empty page)" 'd["results"] == []'
# SearXNG's default language value; searx 1.1.0 accepts only ^[a-z]{2,3}(-[a-zA-Z]{2})?$.
search "$one" '"Hélène Vasseur"' 1 auto > /dev/null
check "language=auto is refused with 400 (why the backend sends language=all)" \
  '[[ $(cat "$one/last.status") == 400 ]]'

: > "$one/page-queries.log" # only the binary's queries from here on
run_audit "$one"
check "the audit exits 0 (exit $audit_rc)" '((audit_rc == 0))'
((audit_rc == 0)) || sed 's/^/# /' "$one/audit.err"
report_assertions "$one" ok

# --- Scenario 2: searx whose engine cannot be reached ----------------------------------------
two=$work/unresponsive
mkdir -p "$two"
closed_port=$(free_port)
start_searx "$two" "$closed_port"
echo "# searx on $searx_url, engine at closed port 127.0.0.1:$closed_port"

# Twice: with ban_time_on_fail 0 the engine is never suspended, so it is never skipped silently.
for n in 1 2; do
  search "$two" '"Hélène Vasseur"' 1 > /dev/null
  py_check "$two" "query $n: no results and unresponsive_engines names corpus" \
    'd["results"] == [] and [e[0] for e in d["unresponsive_engines"]] == ["corpus"]'
done

run_audit "$two"
check "the audit exits 3 (exit $audit_rc)" '((audit_rc == 3))'
report_assertions "$two" failed

# --- Scenario 3: searx that suspends its failing engine (ban times, as in production) --------
three=$work/suspended
mkdir -p "$three"
closed_port=$(free_port)
fixtures_ban=$three/fixtures
mkdir -p "$fixtures_ban"
sed -e 's/ban_time_on_fail: 0/ban_time_on_fail: 60/' -e 's/max_ban_time_on_fail: 0/max_ban_time_on_fail: 120/' \
  "$fixtures/settings.yml.in" > "$fixtures_ban/settings.yml.in"
fixtures=$fixtures_ban start_searx "$three" "$closed_port"
echo "# searx on $searx_url with ban times, engine at closed port 127.0.0.1:$closed_port"

# The premise: once the engine failed, it is skipped in silence (searx 1.1.0 says nothing).
search "$three" '"Hélène Vasseur"' 1 > /dev/null
py_check "$three" "first query: no results and unresponsive_engines names corpus" \
  '[e[0] for e in d["unresponsive_engines"]] == ["corpus"]'
search "$three" '"Hélène Vasseur" infirmière' 1 > /dev/null
py_check "$three" "next query: no results and no unresponsive engine (the silent skip)" \
  'd["results"] == [] and d["unresponsive_engines"] == []'

# A fresh instance for the audit, so that its first queries see the failure themselves.
stop_servers
pids=()
fixtures=$fixtures_ban start_searx "$three" "$closed_port"
run_audit "$three"
check "the audit of a suspending searx exits 3 (exit $audit_rc)" '((audit_rc == 3))'
report_assertions "$three" failed

finish
