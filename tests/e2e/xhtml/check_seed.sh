#!/bin/sh
# End-to-end check of xhtml::write with tools we did not write (DESIGN §6):
#
#   tests/e2e/xhtml/check_seed.sh BUILD/tests/test_xhtml [OUTDIR]
#
# 1. writes the seed's XHTML (the hand-built StyledDoc of tests/unit/xhtml/seed_doc.cpp) and
#    every example with every template (xml → model → style::resolve → xhtml), with the
#    hidden [write-seed] / [write-examples] cases of test_xhtml;
# 2. parses each with Python's expat;
# 3. runs ../shared/tools/check-xhtml on all of them: Nu Html Checker (XML parser) 0 errors,
#    axe-core (WCAG 2.2 A/AA + best practice) 0 violations, heading order;
# 4. compares the heading outline Chromium builds with tests/data/xhtml/seed-outline.txt
#    (the seed's headings, written by hand), for the seed and for the Tokyo example;
# 5. compares the text Chromium shows (document.body.innerText) with xhtml::visible_text, line
#    for line, and with the published seed text once white space is removed;
# 6. checks reflow (WCAG 1.4.10): no horizontal scrolling at 320 and 390 CSS px;
# 7. takes screenshots at 1240×1754 (A4 at 150 dpi) and 390×844 (a phone) into OUTDIR.
#
# Exit status: 0 pass, 1 fail, 77 skipped (checkers not installed: run
# ../shared/tools/install-checkers as root).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
shared=${GIJIROKU_SHARED_DIR:-$root/../shared}
tools=$shared/tools
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD/tests/test_xhtml [OUTDIR]" >&2
    exit 2
fi
bin=$1
out=${2:-$(mktemp -d "${TMPDIR:-/tmp}/gijiroku-xhtml-e2e.XXXXXX")}
mkdir -p "$out/examples"

if ! "$tools/install-checkers" --check >/dev/null 2>&1; then
    echo "SKIP: the checkers are not installed (run $tools/install-checkers as root)"
    exit 77
fi

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# 1. Write.
GIJIROKU_XHTML_OUT="$out/seed.xhtml" "$bin" "[write-seed]" >"$out/write-seed.log" 2>&1 ||
    { cat "$out/write-seed.log"; echo "FAIL: writing the seed"; exit 1; }
GIJIROKU_XHTML_OUT_DIR="$out/examples" "$bin" "[write-examples]" >"$out/write-examples.log" 2>&1 ||
    { cat "$out/write-examples.log"; echo "FAIL: writing the examples"; exit 1; }
files="$out/seed.xhtml $(ls "$out"/examples/*.xhtml)"

# 2. expat.
for f in $files; do
    first=$(python3 "$root/tests/unit/xhtml/xml_probe.py" "$f" | head -n 1)
    [ "$first" = ok ] || fail "expat: $f: $first"
done

# 3. vnu + axe + heading order, all files in one run.
# shellcheck disable=SC2086
if "$tools/check-xhtml" $files >"$out/check-xhtml.txt" 2>&1; then
    echo "check-xhtml: $(grep -c '^SUMMARY .*PASS' "$out/check-xhtml.txt") file(s) pass"
else
    grep -v '^WARN' "$out/check-xhtml.txt"
    fail "check-xhtml"
fi

# 4. Outline.
outline() {
    "$tools/check-xhtml" --no-vnu --outline "$1" 2>/dev/null |
        sed -n 's/^ *heading "\(.*\)" level=\([0-9]\)$/H\2 \1/p'
}
outline "$out/seed.xhtml" >"$out/seed-outline.txt"
diff -u "$root/tests/data/xhtml/seed-outline.txt" "$out/seed-outline.txt" || fail "outline of the seed"
outline "$out/examples/tokyo-2025-03-25--tokyo-gijiyoshi.xhtml" >"$out/tokyo-outline.txt"
diff -u "$root/tests/data/xhtml/seed-outline.txt" "$out/tokyo-outline.txt" || fail "outline of the Tokyo example"

# 5. Text: Chromium's rendering == our reader, and == the published seed.
# shellcheck disable=SC2086
node "$here/inner_text.js" --write $files || fail "innerText"
for f in $files; do
    diff -u "$f.visible.txt" "$f.inner.txt" >/dev/null || {
        diff -u "$f.visible.txt" "$f.inner.txt" | head -20
        fail "visible_text differs from Chromium's innerText: $f"
    }
done
python3 - "$shared/seeds/000_5aba5523e865b097.txt" "$out/seed.xhtml.inner.txt" \
    "$out/examples/tokyo-2025-03-25--tokyo-gijiyoshi.xhtml.inner.txt" <<'EOF' || fail "seed text"
import sys
def strip(path):
    s = open(path, encoding="utf-8").read()
    return "".join(c for c in s if c not in " \t\r\n\u3000")
seed = strip(sys.argv[1])
ok = True
for n, shown in enumerate(sys.argv[2:]):
    got = strip(shown)
    # The example goes through style::resolve, which writes the date from the model in the
    # template's digit style: 25日, where the published text has the typo 2５日
    # (typesetting.md §4.3). The hand-built seed keeps the published characters.
    if n == 1:
        seed = seed.replace("2\uff15日", "25日", 1)
    if got != seed:
        i = next((k for k in range(min(len(got), len(seed))) if got[k] != seed[k]), min(len(got), len(seed)))
        print("%s differs from the seed at character %d: seed …%s… shown …%s…" % (shown, i, seed[i-10:i+20], got[i-10:i+20]))
        ok = False
sys.exit(0 if ok else 1)
EOF

# 6. Reflow at 320 and 390 px.
# shellcheck disable=SC2086
node "$here/reflow.js" $files || fail "reflow"

# 7. Screenshots.
for size in 1240,1754 390,844; do
    w=${size%,*}
    "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --disable-background-networking --screenshot="$out/seed-$w.png" --window-size="$size" \
        "file://$out/seed.xhtml" >/dev/null 2>&1 || fail "screenshot $size"
done

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s); files in $out"
    exit 1
fi
echo "PASS: files and screenshots in $out"
