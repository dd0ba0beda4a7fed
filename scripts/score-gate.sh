#!/usr/bin/env bash
# score-gate.sh BIN: scores BIN on ../shared/corpus-dev and fails when a
# score drops below the level recorded in .ci/gates (a regression gate:
# raise a level when the tool improves, never lower one without a reason).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-bin/jaarzoek}")
score=../shared/corpus-dev/score.py
gates=.ci/gates

status=0
while read -r name args; do
	case "$name" in ''|'#'*) continue ;; esac
	out=$(mktemp)
	# shellcheck disable=SC2086
	python3 "$score" --bin "$bin" --json $args >"$out"
	python3 - "$out" "$name" "$gates" <<'PY' || status=1
import json, sys
res = json.load(open(sys.argv[1]))
name, gates = sys.argv[2], sys.argv[3]
fail = False
for line in open(gates):
    f = line.split()
    if not f or f[0].startswith('#') or f[0] != 'min' or f[1] != name:
        continue
    path, want = f[2], float(f[3])
    v = res
    for k in path.split('/'):
        v = v.get(k) if isinstance(v, dict) else None
    ok = v is not None and v + 1e-9 >= want
    fail |= not ok
    print('%-4s %-8s %-32s %s (gate %.3f)' % ('ok' if ok else 'FAIL', name, path,
          'n/a' if v is None else '%.3f' % v, want))
for k in ('crashes', 'timeouts'):
    n = res['overall'][k]
    if n:
        print('FAIL %-8s overall.%s = %d' % (name, k, n)); fail = True
print(res['summary_line'])
sys.exit(1 if fail else 0)
PY
	rm -f "$out"
done < <(grep '^run ' "$gates" | cut -d' ' -f2-)
exit $status
