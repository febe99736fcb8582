#!/usr/bin/env bash
# What one rule file costs `vnextract extract`: the same release binary run
# over the benchmark dump with the built-in rules and with the same rules less
# that file (and the lexicons only it uses), alternately, one core.
#   Benchmarks/rule-cost.sh RULE_FILE [RUNS] [--also-without FILE ...]
#   Benchmarks/rule-cost.sh date.rules 8
#   Benchmarks/rule-cost.sh date.rules 8 --also-without organization.rules
# --also-without drops more files from both sides (the base the cost is
# measured against). With valgrind installed it also counts instructions on
# the first MB of the dump (exact, unlike the shared machine's clock).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Benchmarks/rule-cost.sh RULE_FILE [RUNS] [--also-without FILE ...]}
runs=${2:-6}
shift $(( $# >= 2 ? 2 : 1 ))
also=()
if [ "${1:-}" = "--also-without" ]; then shift; also=("$@"); fi
[ -f "rules/$target" ] || { echo "no rules/$target" >&2; exit 2; }

swift build -c release --product vnextract >/dev/null
bin=.build/release/vnextract
dump=bench-data/corpus-10mb.jsonl
[ -f "$dump" ] || Benchmarks/throughput.sh >/dev/null  # makes the dump
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two rule folders: "with" (all rules less --also-without) and "without" (less the target too).
python3 - "$work" "$target" "${also[@]}" <<'PY'
import os, re, shutil, sys
work, target, also = sys.argv[1], sys.argv[2], sys.argv[3:]
def make(name, dropped):
    out = os.path.join(work, name)
    shutil.copytree("rules", out)
    for f in dropped:
        os.remove(os.path.join(out, f))
    kept = "".join(open(os.path.join(out, f), encoding="utf-8").read()
                   for f in os.listdir(out) if f.endswith(".rules"))
    # A lexicon file no remaining rule names only costs start-up: drop it too.
    for f in os.listdir(os.path.join(out, "lexicons")):
        name_ = f[:-4].upper()
        if not re.search(r"\b%s\b" % re.escape(name_), kept):
            os.remove(os.path.join(out, "lexicons", f))
make("with", also)
make("without", also + [target])
PY

# Bytes of text (not of JSON) in a JSON Lines dump.
text_bytes() {
    python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')))" "$1"
}
bytes=$(text_bytes "$dump")
for run in $(seq 1 "$runs"); do
    for side in without with; do
        /usr/bin/time -f "$side %e" -a -o "$work/times" taskset -c "${CPU:-0}" "$bin" extract --no-builtin-rules \
            --rules "$work/$side" --quiet --input-format jsonl "$dump" >/dev/null
    done
done
python3 - "$work/times" "$bytes" "$target" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    side, seconds = line.split()
    times.setdefault(side, []).append(float(seconds))
size = int(sys.argv[2]) / 1e6
for side in ("without", "with"):
    t = times[side]
    print(f"{side:8} {sys.argv[3]:18} best {min(t):.2f} s ({size / min(t):.1f} MB/s), median {statistics.median(t):.2f} s")
print(f"slowdown: {min(times['with']) / min(times['without']) - 1:+.1%} (best runs), "
      f"{statistics.median(times['with']) / statistics.median(times['without']) - 1:+.1%} (medians)")
PY

if command -v valgrind >/dev/null && command -v strip >/dev/null; then
    head -c 1000000 "$dump" | sed '$d' >"$work/1mb.jsonl"  # whole records only
    : >"$work/empty.jsonl"
    # Valgrind cannot read the Swift debug information: count on a stripped copy.
    cp "$bin" "$work/vnextract" && strip --strip-debug "$work/vnextract"
    count() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/vnextract" extract --no-builtin-rules --rules "$work/$1" \
            --quiet --input-format jsonl "$2" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    }
    python3 - "$(count without "$work/empty.jsonl")" "$(count without "$work/1mb.jsonl")" \
        "$(count with "$work/empty.jsonl")" "$(count with "$work/1mb.jsonl")" "$bytes" \
        "$(text_bytes "$work/1mb.jsonl")" <<'PY'
import sys
s0, t0, s1, t1, size, sample = (int(x) for x in sys.argv[1:])
# Extraction per MB of text, from the sample; the whole dump is start-up plus that per MB.
e0, e1 = (t0 - s0) * 1e6 / sample, (t1 - s1) * 1e6 / sample
mb = size / 1e6
print(f"instructions: start-up {s0/1e6:.0f} M -> {s1/1e6:.0f} M; per MB {e0/1e6:.0f} M -> {e1/1e6:.0f} M ({e1/e0 - 1:+.1%}); "
      f"whole dump {(s0 + mb*e0)/1e9:.2f} G -> {(s1 + mb*e1)/1e9:.2f} G ({(s1 + mb*e1)/(s0 + mb*e0) - 1:+.1%})")
PY
fi
