#!/usr/bin/env bash
# Proves a change to the entity engine leaves `brief entities` output
# byte-identical: builds BASE (a git revision, default HEAD) in a scratch
# worktree, builds the working tree, runs both on every labelled fixture,
# the bundled briefings and a generated 1 MB briefing, and diffs the JSON.
#
#   scripts/entities-identical.sh            # working tree against HEAD
#   scripts/entities-identical.sh main~3     # against another revision
#
# Exit 0 when identical; 1 with the first differing lines otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
base="${1:-HEAD}"
scratch="${TMPDIR:-/tmp}/brief-identical"
mkdir -p "$scratch"
rev="$(git rev-parse "$base")"
basedir="$scratch/base-$rev"
if [ ! -x "$basedir/target/release/brief" ]; then
    rm -rf "$basedir"
    git worktree add --detach "$basedir" "$rev" >/dev/null 2>&1 || {
        git worktree prune
        git worktree add --detach "$basedir" "$rev" >/dev/null
    }
    (cd "$basedir" && CARGO_TARGET_DIR="$basedir/target" cargo build --release --quiet)
fi
cargo build --release --quiet
corpus="$scratch/corpus"
if [ ! -f "$corpus/sized-1m.md" ]; then
    python3 ../shared/bench/gen-corpus.py --count 40 --sized 1m --out "$corpus" >/dev/null 2>&1
fi
inputs=()
while IFS= read -r f; do inputs+=("$f"); done < <(
    { find tests/fixtures/entities assets/briefings -type f \( -name '*.md' -o -name '*.txt' \) ! -name GUIDELINES.md
      find "$corpus" -type f \( -name '*.md' -o -name '*.txt' \); } | sort)
export BRIEF_CONFIG_DIR="$scratch/config" BRIEF_DATA_DIR="$scratch/data" BRIEF_CACHE_DIR="$scratch/cache"
mkdir -p "$BRIEF_CONFIG_DIR" "$BRIEF_DATA_DIR" "$BRIEF_CACHE_DIR"
differ=0
for f in "${inputs[@]}"; do
    a="$("$basedir/target/release/brief" entities "$f" 2>&1 | sha256sum)"
    b="$(target/release/brief entities "$f" 2>&1 | sha256sum)"
    if [ "$a" != "$b" ]; then
        differ=$((differ + 1))
        echo "differs: $f"
        diff <("$basedir/target/release/brief" entities "$f" 2>&1) <(target/release/brief entities "$f" 2>&1) | head -8
    fi
done
echo "${#inputs[@]} files compared against $base ($rev): $differ differ"
[ "$differ" -eq 0 ]
