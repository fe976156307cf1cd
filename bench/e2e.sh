#!/usr/bin/env bash
# End-to-end benchmark: `devcoop run` (ingest, normalise, tables, analyses,
# charts, report) on synthetic listings made by `devcoop synth`; prints
# input size, wall time, MB/s, peak RSS and the output's size (and its
# ratio to the input) as a Markdown table.
#
#   bench/e2e.sh                    # 10 (shipped), 10,000 and 100,000 projects
#   bench/e2e.sh 10000 1000000      # chosen sizes
#   bench/e2e.sh --formats csv,jsonl,parquet 1000000   # tables in every format
#   bench/e2e.sh --layout mixed 1000000      # a third in each synth layout,
#                                            # one file a layout (default:
#                                            # numbered, as the history)
#
# Needs GNU time (`apt-get install time`) for the peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
    echo "bench/e2e.sh needs GNU time: apt-get install time" >&2
    exit 1
fi
run_options=()
layout=numbered
while [ $# -gt 0 ]; do
    case "$1" in
        --formats) run_options=(--formats "$2"); shift 2 ;;
        --layout) layout=$2; shift 2 ;;
        *) break ;;
    esac
done
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
cargo build --release --quiet
bin=$PWD/target/release/devcoop
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # label input-dir
    local label=$1 input=$2
    local bytes
    bytes=$(find "$input" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
    # Run from the work folder, where no devcoop.toml applies: what is
    # measured is the binary's own defaults (built-in reference tables and
    # analyses, tables in Parquet), as after `cargo install`.
    (cd "$work" && /usr/bin/time -v "$bin" run "${run_options[@]}" --input "$input" --out "$work/out" 2> "$work/time.txt" >/dev/null)
    local wall rss out
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    out=$(du -sb "$work/out" | cut -f1)
    awk -v l="$label" -v b="$bytes" -v w="$wall" -v r="$rss" -v o="$out" 'BEGIN {
        printf "| %s | %.1f | %.2f | %.1f | %.0f | %.1f | %.1f |\n", l, b/1e6, w, (w > 0 ? b/1e6/w : 0), r/1024, o/1e6, o/b }'
}

echo "tables: ${run_options[*]:-the default formats}; layout: $layout"
echo
echo "| projects | input MB | wall s | MB/s | peak RSS MiB | output MB | output ÷ input |"
echo "|---|---:|---:|---:|---:|---:|---:|"
measure "10 (shipped)" "$PWD/data/raw"
for n in "${sizes[@]}"; do
    mkdir -p "$work/in-$n"
    if [ "$layout" = mixed ]; then
        # A third in each layout, each its own file (the rest in the first).
        for each in numbered fields table; do
            count=$((n / 3))
            [ "$each" = numbered ] && count=$((n - 2 * (n / 3)))
            "$bin" synth --projects "$count" --seed 1 --layout "$each" --out "$work/in-$n/$each.txt"
        done
    else
        "$bin" synth --projects "$n" --seed 1 --layout "$layout" --out "$work/in-$n/synthetic.txt"
    fi
    measure "$n" "$work/in-$n"
    rm -rf "$work/in-$n"
done
