#!/usr/bin/env bash
# End-to-end CLI throughput: `vnextract normalize`, `tokenize` and `extract`
# (release build, one process, one core) over the bundled corpus repeated to
# about 10 MB as one JSON Lines dump, with wall time, MB/s and peak memory.
#   Benchmarks/throughput.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-10}
swift build -c release --product vnextract >/dev/null
bin=.build/release/vnextract
data=bench-data
mkdir -p "$data"
dump="$data/corpus-${size_mb}mb.jsonl"
python3 - "$dump" "$size_mb" <<'PY'
import json, os, sys
path, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
texts = [open(os.path.join("corpus/seeds", n), encoding="utf-8").read()
         for n in sorted(os.listdir("corpus/seeds")) if n.endswith(".txt")]
with open(path, "w", encoding="utf-8") as out:
    written, i = 0, 0
    while written < size:
        t = texts[i % len(texts)]
        out.write(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n")
        written += len(t.encode("utf-8")); i += 1
PY
bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')))" "$dump")
echo "input: $dump, $(wc -l <"$dump") documents, $bytes bytes of text"
# Best of three runs per command (the machine may be shared: the fastest run
# is the one least disturbed), one core.
for cmd in normalize tokenize extract; do
    best=""
    for run in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$data/time.txt" taskset -c "${CPU:-0}" "$bin" "$cmd" --quiet --input-format jsonl "$dump" >/dev/null
        read -r seconds kb <"$data/time.txt"
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$seconds" "$best"; then
            best=$seconds; best_kb=$kb
        fi
    done
    python3 -c "import sys; b,s,k=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'vnextract $cmd: {s:.2f} s, {b/1e6/s:.1f} MB/s, peak RSS {k/1024:.0f} MiB (best of 3)')" "$bytes" "$best" "$best_kb"
done
