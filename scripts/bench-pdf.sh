#!/usr/bin/env bash
# bench-pdf.sh [DIR] — pages per second of jaarzoek's PDF text layer
# (extract/pdftext.Read, via BenchmarkRead), of jaarzoek's whole PDF path
# to records (the guarded worker process, tables, normalisation: corpus
# BenchmarkPDFToRecords on corpus/docs) and of `pdftotext -layout` on the
# same PDFs, each pinned to one core. Prints wall-clock and CPU
# pages/s for both; CPU figures are the fair ones on a shared machine.
# DIR defaults to the development corpus; ROUNDS (default 5) sets how many
# times every file is read.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/../shared/corpus-dev/docs}
rounds=${ROUNDS:-5}
command -v pdftotext >/dev/null || { echo "bench-pdf: pdftotext not installed (apt-get install poppler-utils)" >&2; exit 2; }
shopt -s nullglob
files=("$dir"/*.pdf)
[ ${#files[@]} -gt 0 ] || { echo "bench-pdf: no PDFs in $dir" >&2; exit 2; }
pages=0
for f in "${files[@]}"; do
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
	pages=$((pages + ${n:-0}))
done
echo "${#files[@]} files, $pages pages, $rounds rounds, one core"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go test -c -o "$tmp/pdftext.test" ./extract/pdftext)

# jaarzoek: the benchmark reports pages/s and pages/cpu-s itself.
PDFTEXT_BENCH="$dir/*.pdf" taskset -c 0 "$tmp/pdftext.test" -test.run '^$' \
	-test.bench '^BenchmarkRead$' -test.benchtime "${rounds}x" >"$tmp/go.out"
read -r jz_wall jz_cpu < <(awk '/^BenchmarkRead/ {for (i = 1; i <= NF; i++) {if ($(i+1) == "pages/s") w = $i; if ($(i+1) == "pages/cpu-s") c = $i}} END {print w, c}' "$tmp/go.out")

# jaarzoek to records: bytes to records through the worker process, as
# ingest runs it; the worker inherits the core.
(cd "$root" && go test -c -o "$tmp/corpus.test" ./corpus)
(cd "$root/corpus" && taskset -c 0 "$tmp/corpus.test" -test.run '^$' \
	-test.bench '^BenchmarkPDFToRecords$' -test.benchtime "${rounds}x") >"$tmp/rec.out"
rec_wall=$(awk '/^BenchmarkPDFToRecords/ {for (i = 1; i <= NF; i++) if ($(i+1) == "pages/s") print $i}' "$tmp/rec.out")

# pdftotext: one process per file, as a pipeline would run it.
TIMEFORMAT='%R %U %S'
{ time (for ((r = 0; r < rounds; r++)); do
	for f in "${files[@]}"; do taskset -c 0 pdftotext -layout "$f" /dev/null; done
done) ; } 2>"$tmp/pt.time"
read -r real user sys <"$tmp/pt.time"
pt_wall=$(awk -v p="$pages" -v r="$rounds" -v t="$real" 'BEGIN {printf "%.1f", p*r/t}')
pt_cpu=$(awk -v p="$pages" -v r="$rounds" -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", p*r/(u+s)}')

printf '%-28s %12s %14s\n' "" "pages/s" "pages/cpu-s"
printf '%-28s %12.1f %14.1f\n' "jaarzoek pdftext.Read" "$jz_wall" "$jz_cpu"
printf '%-28s %12.1f %14s\n' "jaarzoek to records" "$rec_wall" "-"
printf '%-28s %12.1f %14.1f\n' "pdftotext -layout" "$pt_wall" "$pt_cpu"
awk -v a="$jz_cpu" -v b="$pt_cpu" 'BEGIN {printf "ratio (CPU): %.2f x pdftotext\n", a/b}'
