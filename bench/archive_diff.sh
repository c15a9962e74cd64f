#!/usr/bin/env bash
# archive_diff.sh A B: do two archives (SQLite files or postgresql:// URLs) hold
# the same content? Compares what `dateline export` prints of each:
#   - article records (JSON Lines) without `story`, by id;
#   - the partition of articles into story groups (a group is named after the
#     copy archived first, which parallel writers may order differently, so
#     names are compared only as a note);
#   - events (CSV without the archive's row id) and quotes (CSV);
# and prints each difference's count with its reason; exit 0 when there is no
# difference but story names, 1 otherwise.
#
#   bench/archive_diff.sh /tmp/a.db 'postgresql:///db?host=/tmp/pg&user=postgres'
#   DATELINE=build/dateline bench/archive_diff.sh ...
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 ARCHIVE_A ARCHIVE_B" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
DATELINE=${DATELINE:-build/dateline}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for side in a b; do
  archive=$1
  [ "$side" = b ] && archive=$2
  "$DATELINE" export --format jsonl --archive "$archive" > "$tmp/$side.jsonl"
  "$DATELINE" export --format csv --table events --archive "$archive" |
    tail -n +2 | cut -d, -f2- | LC_ALL=C sort > "$tmp/$side.events"
  "$DATELINE" export --format csv --table quotes --archive "$archive" |
    tail -n +2 | LC_ALL=C sort > "$tmp/$side.quotes"
done

"$PY" - "$tmp" "$1" "$2" <<'EOF'
import collections, json, sys
tmp, name_a, name_b = sys.argv[1:4]

def records(side):
    out = {}
    with open(f"{tmp}/{side}.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out[r["id"]] = r
    return out

def lines(side, table):
    with open(f"{tmp}/{side}.{table}", encoding="utf-8") as f:
        return collections.Counter(f.read().splitlines())

a, b = records("a"), records("b")
differences = 0
print(f"A {name_a}: {len(a)} articles; B {name_b}: {len(b)} articles")
only_a, only_b = set(a) - set(b), set(b) - set(a)
if only_a or only_b:
    differences += len(only_a) + len(only_b)
    print(f"  articles only in A: {len(only_a)}, only in B: {len(only_b)}")
fields = collections.Counter()
for k in set(a) & set(b):
    ra, rb = dict(a[k]), dict(b[k])
    ra.pop("story", None)
    rb.pop("story", None)
    for f in set(ra) | set(rb):
        if ra.get(f) != rb.get(f):
            fields[f] += 1
for f, n in sorted(fields.items()):
    differences += n
    print(f"  field {f!r} differs in {n} articles")

def partition(recs):
    groups = collections.defaultdict(set)
    for k, r in recs.items():
        groups[r.get("story") or k].add(k)
    return {frozenset(g) for g in groups.values()}

pa, pb = partition(a), partition(b)
if pa != pb:
    differences += len(pa ^ pb)
    print(f"  story groups: {len(pa - pb)} only in A, {len(pb - pa)} only in B")
renamed = sum(1 for k in set(a) & set(b) if a[k].get("story") != b[k].get("story"))
print(f"story groups: {len(pa)} in A, {len(pb)} in B; articles whose group is named after"
      f" another first copy: {renamed} (not a difference: arrival order)")
for table in ("events", "quotes"):
    ca, cb = lines("a", table), lines("b", table)
    d = sum((ca - cb).values()) + sum((cb - ca).values())
    differences += d
    print(f"{table}: {sum(ca.values())} in A, {sum(cb.values())} in B, {d} rows differ")
print(f"differences: {differences}")
sys.exit(1 if differences else 0)
EOF
