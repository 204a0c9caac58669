#!/usr/bin/env bash
# The shell completions (completions/, generated from --help) load and complete in bash and
# fish, and parse in zsh. Usage: completions_work.sh SOURCE_DIR. Exit 77 (skipped) when
# bash-completion, zsh or fish is missing (scripts/install-deps test installs them).
set -euo pipefail
src=$1
for need in /usr/share/bash-completion/bash_completion /usr/bin/zsh /usr/bin/fish; do
  [[ -e $need ]] || { echo "$need is missing: skipped"; exit 77; }
done
failed=0
check() { if [[ $2 == *"$3"* ]]; then echo "ok - $1"; else echo "not ok - $1: got '$2'"; failed=1; fi; }

# bash: what COMPREPLY holds after typing LINE<tab>.
bash_complete() {
  /bin/bash -c '
    source /usr/share/bash-completion/bash_completion
    source "$1/completions/empreinte.bash"
    read -ra COMP_WORDS <<< "$2"
    [[ $2 == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMP_LINE=$2 COMP_POINT=${#2}
    _empreinte
    echo "${COMPREPLY[*]}"' _ "$src" "$1"
}
check "bash: commands" "$(bash_complete "empreinte ")" "plan audit demo accounts classify rules letter parse backends cache"
check "bash: options of audit, after a value" "$(bash_complete "empreinte audit --first Camille --ba")" "--backend --backend-opt --backends-dir"
check "bash: --backend names" "$(bash_complete "empreinte audit --backend mo")" "mojeek"
check "bash: --format values of demo" "$(bash_complete "empreinte demo --format ht")" "html"
check "bash: subcommand of backends" "$(bash_complete "empreinte backends ch")" "check"
check "bash: subcommand of accounts" "$(bash_complete "empreinte accounts se")" "self-check"
check "bash: options of quiz" "$(bash_complete "empreinte quiz --an")" "--answers"
check "bash: options of batch" "$(bash_complete "empreinte batch --out")" "--output-dir"
check "bash: options of backends check" "$(bash_complete "empreinte backends check --q")" "--query --quiet"

# fish: `complete -C` with the file as a vendor completion.
fish_complete() {
  XDG_DATA_DIRS=$tmp /usr/bin/fish --no-config -c "source '$src/completions/empreinte.fish'; complete -C '$1'" | cut -f1 | tr '\n' ' '
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check "fish: commands" "$(fish_complete "empreinte ")" "audit"
check "fish: options of audit" "$(fish_complete "empreinte audit --ba")" "--backend"
check "fish: --lang values" "$(fish_complete "empreinte audit --lang ")" "fr"
check "fish: options of backends check" "$(fish_complete "empreinte backends check --q")" "--query"

# zsh: the file parses, and autoloads as the completion of empreinte.
if /usr/bin/zsh -n "$src/completions/_empreinte"; then echo "ok - zsh: _empreinte parses"; else echo "not ok - zsh: _empreinte parses"; failed=1; fi
out=$(/usr/bin/zsh -f -c "fpath=('$src/completions' \$fpath); autoload -Uz compinit; compinit -u -d '$tmp/zcompdump'; echo \${_comps[empreinte]}")
check "zsh: compinit registers _empreinte for empreinte" "$out" "_empreinte"
exit $failed
