#!/usr/bin/env bash
# bench-index.sh measures the jaarzoek index on a synthetic corpus of
# realistic Dutch passages and figures (internal/benchcorpus): write rate,
# index size against text size, and p50/p99 latency per query kind. Then it
# runs the Go benchmarks of package index.
#
#   scripts/bench-index.sh                 # 1000 documents: 100,000 passages and 100,000 figures
#   DOCS=100 scripts/bench-index.sh        # a quick run
#   BENCH_DIR=/tmp/b scripts/bench-index.sh  # keep the indexes there
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS=${DOCS:-1000}
PASSAGES=${PASSAGES:-100}
FIGURES=${FIGURES:-100}
WORKERS=${WORKERS:-2}
QUERIES=${QUERIES:-500}

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/benchindex" ./internal/benchcorpus/benchindex

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
args=(-docs "$DOCS" -passages "$PASSAGES" -figures "$FIGURES" -workers "$WORKERS" -queries "$QUERIES")
if [[ -n "${BENCH_DIR:-}" ]]; then
	rm -rf "$BENCH_DIR"
	mkdir -p "$BENCH_DIR"
	args+=(-dir "$BENCH_DIR")
fi
"$bin/benchindex" "${args[@]}"

echo
echo "== go benchmarks (package index)"
go test -run '^$' -bench . -benchtime 20x ./index
