#!/usr/bin/env bash
# Peak RSS of `target/release/lectern extract` against the input's size, on generated pages
# of 1, 10 and 50 MB (in a scratch dir, never committed), in two shapes:
#   article    one long article (site chrome around it): the output grows with the input
#   clutter    a short article in a page that is mostly clutter (menus, link lists, comment
#              threads, nested wrappers): many elements, little output
# Each is also run through the dom_smoothie baseline runner when scripts/speed.sh has built
# it (set DOM_SMOOTHIE to its binary otherwise), for comparison.
# Usage: scripts/memory.sh [SIZES_MB...]   (default 1 10 50)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH:-/tmp/lectern-memory}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 50)
ds=${DOM_SMOOTHIE:-/tmp/lectern-speed/target/release/dom_smoothie_run}
if [ ! -x /usr/bin/time ]; then
  echo "memory: needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi
mkdir -p "$scratch"
cargo build --release --quiet --manifest-path "$here/Cargo.toml"

# Writes $scratch/<shape>-<size>mb/source.html (and meta.json, a one-case corpus for the
# baseline runner). Deterministic: the same bytes every time.
generate() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, os, random, sys
shape, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
target = mb * 1_000_000
rng = random.Random(f"{shape}{mb}")
words = ("harbour council storm wall engineers fleet river channel budget grant levy loan town "
         "museum footpath spring benches lights families history surge century quay week morning "
         "fishermen campaign safe boats overnight mouth narrow worry national local repay twenty").split()
def sentence(n):
    s = " ".join(rng.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + "."
def paragraph():
    return "<p>" + " ".join(sentence(rng.randint(8, 20)) for _ in range(rng.randint(3, 6))) + "</p>\n"
head = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sea wall opens - Harbour Gazette</title>'
        '<meta name="author" content="Mara Quist"><link rel="stylesheet" href="/site.css"></head><body>\n'
        '<header class="site-header"><a class="logo" href="/">Harbour Gazette</a><nav class="main-nav">'
        + "".join(f'<a href="/s{i}">Section {i}</a> ' for i in range(12)) + "</nav></header>\n"
        '<main><article class="post"><h1>Sea wall opens</h1><p class="byline">By Mara Quist</p>\n')
tail = "</main>\n<footer class=\"site-footer\">Copyright Harbour Gazette</footer></body></html>\n"
def clutter_block(i):
    kind = i % 4
    if kind == 0:
        return ('<aside class="related-posts"><h3>Related articles</h3><ul>'
                + "".join(f'<li><a href="/r{i}-{k}">{sentence(5)}</a></li>' for k in range(8)) + "</ul></aside>\n")
    if kind == 1:
        return ('<div class="comment" id="c%d"><div class="comment-meta"><span class="author">reader%d</span> '
                '<time>2025-01-01</time></div><div class="comment-body"><p>%s</p></div>'
                '<div class="reply"><a href="#c%d">Reply</a></div></div>\n' % (i, i, sentence(14), i))
    if kind == 2:
        return "".join('<div class="wrap">' for _ in range(12)) + f'<a class="ad-slot" href="/ad{i}">Advertisement</a>' + "</div>" * 12 + "\n"
    return ('<div class="share-bar">Share this story <a href="#">Facebook</a> <a href="#">X</a> '
            '<a href="#">Email</a></div><div class="newsletter">Subscribe to our newsletter '
            '<form><input type="email"><button>Sign up</button></form></div>\n')
parts, size = [head], len(head) + len(tail)
if shape == "article":
    while size < target:
        p = paragraph()
        parts.append(p); size += len(p)
    parts.append("</article>\n")
else:
    for _ in range(20):
        p = paragraph(); parts.append(p); size += len(p)
    parts.append("</article>\n<div class=\"below\">\n"); size += 30
    i = 0
    while size < target:
        b = clutter_block(i); i += 1
        parts.append(b); size += len(b)
    parts.append("</div>\n")
parts.append(tail)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "source.html"), "w") as f:
    f.write("".join(parts))
with open(os.path.join(out, "meta.json"), "w") as f:
    json.dump({"id": os.path.basename(out), "url": "https://harbour.example/sea-wall"}, f)
PY
}

# Prints "<peak RSS MB> <seconds>" for a command.
measure() {
  /usr/bin/time -f '%M %e' -o "$scratch/time" "$@" >/dev/null 2>"$scratch/stderr" || {
    echo "memory: failed: $* ($(tail -n 1 "$scratch/stderr"))" >&2
    echo "- -"
    return
  }
  awk '{printf "%.1f %s", $1 / 1024, $2}' "$scratch/time"
}

printf '<p>tiny</p>' >"$scratch/tiny.html"
read -r floor _ <<<"$(measure "$here/target/release/lectern" extract "$scratch/tiny.html")"
echo "lectern extract on a 11-byte page: peak RSS $floor MB (the process's floor)"
printf '%-8s %6s  %14s %9s %16s %8s' shape input 'lectern RSS MB' 'RSS/input' '(RSS-floor)/input' seconds
[ -x "$ds" ] && printf '  %19s %9s %8s' 'dom_smoothie RSS MB' 'RSS/input' seconds
echo
for shape in article clutter; do
  for mb in "${sizes[@]}"; do
    dir="$scratch/corpus-$shape-$mb/$shape-${mb}mb"
    [ -f "$dir/source.html" ] || generate "$shape" "$mb" "$dir"
    bytes=$(stat -c %s "$dir/source.html")
    in_mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')
    read -r rss secs <<<"$(measure "$here/target/release/lectern" extract "$dir/source.html" --url https://harbour.example/sea-wall)"
    per=$(awk -v r="$rss" -v i="$in_mb" 'BEGIN {if (r == "-") print "-"; else printf "%.2f", r / i}')
    above=$(awk -v r="$rss" -v f="$floor" -v i="$in_mb" 'BEGIN {if (r == "-") print "-"; else printf "%.2f", (r - f) / i}')
    printf '%-8s %6s  %14s %9s %16s %8s' "$shape" "${in_mb}MB" "$rss" "$per" "$above" "$secs"
    if [ -x "$ds" ]; then
      read -r drss dsecs <<<"$(measure "$ds" "$(dirname "$dir")" "$scratch/ds-out")"
      dper=$(awk -v r="$drss" -v i="$in_mb" 'BEGIN {if (r == "-") print "-"; else printf "%.2f", r / i}')
      printf '  %19s %9s %8s' "$drss" "$dper" "$dsecs"
    fi
    echo
  done
done
