#!/usr/bin/env python3
"""End-to-end tests of names written with rare characters (issue 9).

Usage: names_e2e.py --gijiroku BIN --source DIR --shared DIR --out DIR TEST

The example examples/names-2025-07-01.xml names people with 𠮷 U+20BB7 (beyond the BMP, only in
IPAmj明朝), 髙 U+9AD9, 﨑 U+FA11, 德 U+5FB7, 邊 U+908A and the variation sequences 葛 U+845B U+E0100
and 﨑 U+FA11 U+E0101 (BIZ UD has them) and 葛 U+845B U+E0102 (only IPAmj has it), in the
attendance list, in speaker labels, in an item title and in running text. e2e.py's render_all
fixture renders it with every template into --out; these tests read those files back with tools
we did not write (poppler, check-pdfua, Chromium). Expected values come from the example's text
and typesetting.md §6, never from gijiroku's own output.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))  # tests/driver.py
from driver import check, run_test  # noqa: E402

ARGS = None
TEMPLATES = ["tokyo-gijiyoshi", "ministry-gijiroku", "city-kaigiroku"]
NAMES = "names-2025-07-01"
SEED = "tokyo-2025-03-25"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"

KICHI = "\U00020BB7"                 # 𠮷, beyond the BMP
KUZU_AJ1 = "\u845B\U000E0100"        # 葛 + VS17 (Adobe-Japan1), in BIZ UD
KUZU_MJ = "\u845B\U000E0102"         # 葛 + VS19 (Moji_Joho), only in IPAmj
SAKI_VS = "\uFA11\U000E0101"         # 﨑 + VS18, in BIZ UD
# Every name as the example writes it: what every reader must give back, byte for byte.
NAMES_AS_WRITTEN = [KICHI + "田", "髙橋", "山" + SAKI_VS, KUZU_AJ1 + "西", "渡邊", "宮\uFA11", "德永",
                    KUZU_MJ + "城"]
SELECTORS = re.compile("[\uFE00-\uFE0F\U000E0100-\U000E01EF]")




def run(cmd, *, env=None, timeout=300):
    e = dict(os.environ)
    e.pop("SOURCE_DATE_EPOCH", None)
    e["LANG"] = "C.UTF-8"
    if env:
        e.update(env)
    return subprocess.run([str(c) for c in cmd], capture_output=True, env=e, timeout=timeout)


def tool(name):
    return str(Path(ARGS.shared) / "tools" / name)


def example(stem):
    return Path(ARGS.source) / "examples" / f"{stem}.xml"


def out(stem, template, ext):
    p = Path(ARGS.out) / f"{stem}.{template}.{ext}"
    check(p.exists(), f"{p} is missing: run the e2e.render_all fixture first")
    return p


def pdffonts(pdf):
    r = run(["pdffonts", pdf])
    check(r.returncode == 0, f"pdffonts {pdf.name}: {r.stderr.decode()}")
    return r.stdout.decode().splitlines()[2:]


def occurrences(text, name):
    """Occurrences of `name` not followed by a variation selector (宮﨑 must not match 宮﨑+VS)."""
    return [m.start() for m in re.finditer(re.escape(name), text)
            if not SELECTORS.match(text, m.end())]


def source_text():
    return example(NAMES).read_text(encoding="utf-8")


def expected_counts(text_of_document):
    """How often each name occurs in the document's own text (the XML, comments left out)."""
    body = re.sub(r"<!--.*?-->", "", text_of_document, flags=re.S)
    return {n: len(occurrences(body, n)) for n in NAMES_AS_WRITTEN}


# ---------------------------------------------------------------------------- PDF

def test_pdffonts():
    for t in TEMPLATES:
        rows = pdffonts(out(NAMES, t, "pdf"))
        mj = [r for r in rows if re.match(r"^[A-Z]{6}\+IPAmjMincho\s", r)]
        check(len(mj) == 1, f"{t}: pdffonts lists no IPAmj subset (or more than one):\n" + "\n".join(rows))
        cols = mj[0].split()
        check((cols[-5], cols[-4], cols[-3]) == ("yes", "yes", "yes"),
              f"{t}: IPAmj is not embedded + subset + ToUnicode: {mj[0]}")


def test_pdf_text():
    want = expected_counts(source_text())
    check(all(v > 0 for v in want.values()), f"the example lost a name: {want}")
    for t in TEMPLATES:
        pdf = out(NAMES, t, "pdf")
        readers = {
            "pdftotext": run(["pdftotext", "-enc", "UTF-8", pdf, "-"]),
            "pdftotext -raw": run(["pdftotext", "-enc", "UTF-8", "-raw", pdf, "-"]),
            "check-pdfua --text": run([tool("check-pdfua"), "--no-check", "--text", pdf]),
        }
        for reader, r in readers.items():
            check(r.returncode == 0, f"{reader} {pdf.name}: {r.stderr.decode()}")
            text = r.stdout.decode("utf-8")
            for name in NAMES_AS_WRITTEN:
                # Each name at least once; the sequences exactly as written (葛 is never alone here).
                check(occurrences(text, name), f"{t}: {reader} lost {ascii(name)} ({name})")
            check(KUZU_AJ1.encode() == b"\xe8\x91\x9b\xf3\xa0\x84\x80", "UTF-8 of U+845B U+E0100")
            check(KUZU_AJ1.encode() in r.stdout, f"{t}: {reader}: no bytes e8 91 9b f3 a0 84 80 (葛 U+E0100)")
            check(not occurrences(text, "\u845B"), f"{t}: {reader}: a 葛 lost its variation selector")
            stray = SELECTORS.findall(re.sub("[\u845B\uFA11][\uFE00-\uFE0F\U000E0100-\U000E01EF]", "", text))
            check(not stray, f"{t}: {reader}: a variation selector without its base: {ascii(stray)}")
        # The structure text (ActualText and ToUnicode as a screen reader gets them) holds every
        # occurrence the document's body has; pdftotext also reads the printed words of the title
        # block, so it may have more, never fewer.
        text = readers["check-pdfua --text"].stdout.decode("utf-8")
        for name, n in want.items():
            got = len(occurrences(text, name))
            check(got >= n, f"{t}: check-pdfua --text has {ascii(name)} {got} times, the document {n}")


def pgm(pdf, page, x, y, w, h, dpi=150):
    """A grey crop of a page (pixels, top-left origin) as rows of 0..255 values."""
    with tempfile.TemporaryDirectory() as d:
        base = Path(d) / "crop"
        r = run(["pdftoppm", "-r", dpi, "-gray", "-singlefile", "-f", page, "-l", page,
                 "-x", x, "-y", y, "-W", w, "-H", h, pdf, base])
        check(r.returncode == 0 and not r.stderr.strip(), f"pdftoppm {pdf.name}: {r.stderr.decode()}")
        data = (Path(d) / "crop.pgm").read_bytes()
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    check(m, "pdftoppm did not write a PGM")
    width, height = int(m.group(1)), int(m.group(2))
    pix = data[m.end():]
    return [pix[i * width:(i + 1) * width] for i in range(height)]


def ink_box(rows, x0, x1):
    """(top, bottom) rows of the ink (< 128) in columns x0..x1, or None for a blank cell."""
    ys = [y for y, row in enumerate(rows) if any(v < 128 for v in row[x0:x1])]
    return (ys[0], ys[-1]) if ys else None


def test_png_glyphs():
    """Rendered by poppler at 150 dpi, 𠮷 (IPAmj明朝) is a glyph, not a blank or a box, and sits on
    the line like its BIZ UD neighbour 田: same baseline and em size (issue 9, item 5)."""
    checked = 0
    for t in TEMPLATES:
        pdf = out(NAMES, t, "pdf")
        with tempfile.TemporaryDirectory() as d:
            r = run(["pdftotext", "-enc", "UTF-8", "-bbox", pdf, Path(d) / "b.html"])
            check(r.returncode == 0, f"pdftotext -bbox {pdf.name}: {r.stderr.decode()}")
            root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", (Path(d) / "b.html").read_text(encoding="utf-8")))
        for page_no, page in enumerate(root.iter(f"{XHTML_NS}page"), start=1):
            for w in page.iter(f"{XHTML_NS}word"):
                text = w.text or ""
                k = text.find(KICHI + "田")
                # 𠮷田 at the start of the word, or after ○: the cells before it are full width.
                if k < 0 or k > 1 or (k == 1 and text[0] != "○"):
                    continue
                # The word's box is one em tall (the font size); each full-width cell one em wide.
                x0, x1, y0, y1 = (float(w.get(a)) for a in ("xMin", "xMax", "yMin", "yMax"))
                em = y1 - y0
                s = 150 / 72
                px, py = int((x0 + k * em) * s), int(y0 * s) - 2
                pw, ph = int(2 * em * s), int((y1 - y0) * s) + 4
                rows = pgm(pdf, page_no, px, py, pw, ph)
                half = int(em * s)
                kichi, den = ink_box(rows, 1, half - 1), ink_box(rows, half + 1, pw - 1)
                check(kichi is not None, f"{t} p{page_no}: 𠮷 left no ink in {text!r} (a blank)")
                check(den is not None, f"{t} p{page_no}: 田 left no ink in {text!r}")
                # A .notdef box would fill the cell from edge to edge with a frame; 𠮷 does not.
                cell = [row[1:half - 1] for row in rows[kichi[0]:kichi[1] + 1]]
                framed = all(min(r[:3]) < 128 and min(r[-3:]) < 128 for r in cell)
                check(not framed, f"{t} p{page_no}: 𠮷 in {text!r} looks like a box")
                tol = max(2.0, 0.1 * em * s)
                check(abs(kichi[1] - den[1]) <= tol,
                      f"{t} p{page_no}: 𠮷's ink ends at row {kichi[1]}, 田's at {den[1]} (baseline moved?)")
                check(abs((kichi[1] - kichi[0]) - (den[1] - den[0])) <= 2 * tol,
                      f"{t} p{page_no}: 𠮷 is {kichi[1] - kichi[0]} px tall, 田 {den[1] - den[0]} (em size?)")
                checked += 1
    check(checked >= 3, f"only {checked} 𠮷田 found on full-width lines of the PDFs")


# ---------------------------------------------------------------------------- XHTML

def unicode_ranges(css_value):
    out = []
    for part in css_value.split(","):
        m = re.fullmatch(r"\s*U\+([0-9A-Fa-f]{1,6})(?:-([0-9A-Fa-f]{1,6}))?\s*", part)
        check(m, f"unicode-range part {part!r} is not U+hex or U+hex-hex")
        a = int(m.group(1), 16)
        out.append((a, int(m.group(2), 16) if m.group(2) else a))
    return out


def test_xhtml():
    want = expected_counts(source_text())
    for t in TEMPLATES:
        path = out(NAMES, t, "xhtml")
        x = path.read_text(encoding="utf-8")
        faces = re.findall(r"@font-face \{(.*?)\}", x, re.S)
        check(len(faces) == 1, f"{t}: expected one @font-face, found {len(faces)}")
        face = faces[0]
        fam = re.search(r'font-family: "([a-z0-9-]+)";', face)
        check(fam, f"{t}: @font-face without a family: {face[:200]}")
        check(re.search(r"src: url\(data:font/ttf;base64,[A-Za-z0-9+/]+=*\)", face), f"{t}: no data: URL")
        rng = re.search(r"unicode-range: ([^;]*);", face)
        check(rng, f"{t}: @font-face without unicode-range")
        ranges = unicode_ranges(rng.group(1))
        inside = lambda cp: any(a <= cp <= b for a, b in ranges)
        check(inside(0x20BB7) and inside(0xE0102), f"{t}: unicode-range {rng.group(1)} misses U+20BB7 or U+E0102")
        # Only what BIZ UD lacks: not the common characters of the page.
        check(not inside(ord("田")) and not inside(ord("の")), f"{t}: unicode-range {rng.group(1)} is too wide")
        # The family is in the mincho stack, right after BIZ UD.
        check(re.search(r'--mincho: "BIZ UDMincho", "BIZ UD明朝", "' + re.escape(fam.group(1)) + '"', x),
              f"{t}: {fam.group(1)} is not in --mincho after BIZ UD")
        # The names are text in the body, as written (no image, no normalisation).
        body = "".join(ET.parse(path).getroot().find(f"{XHTML_NS}body").itertext())
        for name, n in want.items():
            got = len(occurrences(body, name))
            check(got >= n, f"{t}: the XHTML's text has {ascii(name)} {got} times, the document {n}")


def test_webfont_chromium():
    """Headless Chromium with only BIZ UD installed (its own fontconfig file: no IPAmj) draws
    𠮷 and 葛+E0102 with the page's web font, and 葛+E0100 with BIZ UD; without the @font-face
    the same page draws 𠮷 with no real glyph (control)."""
    probe = Path(__file__).with_name("webfont_probe.js")
    fonts = Path(ARGS.source) / "fonts"  # BIZ UD明朝 and BIZ UDゴシック only
    for t in TEMPLATES[:1] if os.environ.get("NAMES_QUICK") else TEMPLATES:
        x = out(NAMES, t, "xhtml")
        r = run(["node", probe, "--xhtml", x, "--font-dir", fonts, "--probe", KICHI, "--probe", KUZU_MJ,
                 "--probe", KUZU_AJ1], timeout=300)
        check(r.returncode == 0, f"webfont_probe {t}: exit {r.returncode}\n{r.stderr.decode()[-2000:]}")
        import json
        got = json.loads(r.stdout)["probes"]
        for p in got:
            fonts_used = [(f["familyName"], f["isCustomFont"], f["glyphCount"]) for f in p["fonts"]]
            where = f"{t}: {ascii(p['probe'])} in 「{p['context'][:30]}」 drawn with {fonts_used}"
            if p["probe"] in (KICHI, KUZU_MJ):
                check(len(fonts_used) == 1 and fonts_used[0][1] and fonts_used[0][0].startswith("IPAmj")
                      and fonts_used[0][2] == 1, where)
            else:
                check(len(fonts_used) == 1 and not fonts_used[0][1] and fonts_used[0][0].startswith("BIZ UD")
                      and fonts_used[0][2] == 1, where)
        for probe_text in (KICHI, KUZU_MJ, KUZU_AJ1):
            check(any(p["probe"] == probe_text for p in got), f"{t}: {ascii(probe_text)} not found in the page")
        # Control: the same page without its @font-face has no font for 𠮷.
        with tempfile.TemporaryDirectory() as d:
            bare = Path(d) / "bare.xhtml"
            bare.write_text(re.sub(r"@font-face \{.*?\}\n", "", x.read_text(encoding="utf-8"), flags=re.S),
                            encoding="utf-8")
            r = run(["node", probe, "--xhtml", bare, "--font-dir", fonts, "--probe", KICHI], timeout=300)
            check(r.returncode == 0, f"webfont_probe (control) {t}: {r.stderr.decode()[-2000:]}")
            for p in json.loads(r.stdout)["probes"]:
                check(not any(f["isCustomFont"] or f["familyName"].startswith("IPAmj") for f in p["fonts"]),
                      f"{t}: the control page drew 𠮷 with {p['fonts']}: the test would not notice a missing web font")


# ---------------------------------------------------------------------------- no rare characters

def test_seed_without_fallback():
    for t in TEMPLATES:
        for row in pdffonts(out(SEED, t, "pdf")):
            check("IPAmj" not in row, f"{t}: the seed's PDF embeds IPAmj: {row}")
        check("@font-face" not in out(SEED, t, "xhtml").read_text(encoding="utf-8"),
              f"{t}: the seed's XHTML has a web font")


def test_fallback_never_read():
    """The seed never reads the IPAmj file, checked by its access time: a data folder whose
    fonts.xml points at a copy of ipamjm.ttf whose atime is set back to 2000; rendering the
    seed (PDF and XHTML) leaves it there, rendering the names example moves it (the control,
    which also shows the file system records reads: relatime updates an atime older than the
    mtime)."""
    src = Path(ARGS.source)
    manifest = (src / "fonts" / "fonts.xml").read_text(encoding="utf-8")
    m = re.search(r'<font id="ipamj-mincho" file="([^"]+)"', manifest)
    check(m, "fonts.xml has no ipamj-mincho font")
    ipamj = Path(m.group(1)) if m.group(1).startswith("/") else src / "fonts" / m.group(1)
    check(ipamj.exists(), f"{ipamj} is missing (scripts/setup installs fonts-ipamj-mincho)")
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        (d / "templates").symlink_to(src / "templates")
        (d / "schemas").symlink_to(src / "schemas")
        fonts = d / "fonts"
        fonts.mkdir()
        for f in (src / "fonts").iterdir():
            if f.name != "fonts.xml":
                (fonts / f.name).symlink_to(f)
        copy = fonts / "ipamj-watched.ttf"
        shutil.copyfile(ipamj, copy)
        (fonts / "fonts.xml").write_text(manifest.replace(m.group(1), str(copy)), encoding="utf-8")
        old = 946684800  # 2000-01-01
        os.utime(copy, (old, copy.stat().st_mtime))
        env = {"GIJIROKU_DATA_DIR": str(d)}
        for t in TEMPLATES:
            pdf, x = d / f"seed.{t}.pdf", d / f"seed.{t}.xhtml"
            r = run([ARGS.gijiroku, "render", example(SEED), "--template", t, "--pdf", pdf, "--xhtml", x], env=env)
            check(r.returncode == 0 and not r.stderr, f"seed with {t}: exit {r.returncode} {r.stderr.decode()}")
            check(os.stat(copy).st_atime == old, f"rendering the seed with {t} read the IPAmj file")
            # The same bytes as with the normal data folder (nothing depends on the fallback).
            check(pdf.read_bytes() == out(SEED, t, "pdf").read_bytes(), f"{t}: the seed's PDF differs")
            check(x.read_bytes() == out(SEED, t, "xhtml").read_bytes(), f"{t}: the seed's XHTML differs")
        r = run([ARGS.gijiroku, "render", example(NAMES), "--pdf", d / "names.pdf", "--xhtml", d / "names.xhtml"],
                env=env)
        check(r.returncode == 0, f"names with the watched IPAmj: {r.stderr.decode()}")
        check(os.stat(copy).st_atime != old,
              "rendering the names example did not change the IPAmj copy's atime: this file system does "
              "not record reads (noatime?), so the check above proves nothing here")


def test_allow_base_glyph():
    """葛 + U+E01EF (VS256) is in no font of the chain: E520 (exit 1, nothing written) naming the
    sequence, the line and the fonts tried; with --allow-base-glyph a W520 and a PDF whose text
    still reads back as the sequence as written."""
    text = source_text()
    bad = KUZU_AJ1 + "西委員提出資料"
    check(bad in text, "the example no longer has 葛󠄀西委員提出資料")
    i = text.index(bad)
    line = text.count("\n", 0, i) + 1
    mutated = text.replace(bad, "\u845B\U000E01EF西委員提出資料", 1)
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        src = d / "vs256.xml"
        src.write_text(mutated, encoding="utf-8")
        pdf, x = d / "out.pdf", d / "out.xhtml"
        r = run([ARGS.gijiroku, "render", src, "--pdf", pdf, "--xhtml", x])
        err = r.stderr.decode()
        check(r.returncode == 1, f"exit {r.returncode}, expected 1\n{err}")
        check(not pdf.exists() and not x.exists(), "an E520 must write nothing")
        e520 = [l for l in err.splitlines() if "error[E520]" in l]
        check(e520, f"no E520:\n{err}")
        check(any(f"{src}:{line}:" in l and "U+845B U+E01EF" in l and "BIZ UD明朝" in l and "IPAmj明朝" in l
                  for l in e520), f"E520 should name line {line}, U+845B U+E01EF and the fonts tried:\n{err}")

        r = run([ARGS.gijiroku, "render", src, "--allow-base-glyph", "--pdf", pdf, "--xhtml", x])
        err = r.stderr.decode()
        check(r.returncode == 0, f"--allow-base-glyph: exit {r.returncode}\n{err}")
        check("warning[W520]" in err and "U+845B U+E01EF" in err and "error[" not in err, f"expected one W520:\n{err}")
        seq = "\u845B\U000E01EF西委員提出資料"
        for reader in (["pdftotext", "-enc", "UTF-8", pdf, "-"], [tool("check-pdfua"), "--no-check", "--text", pdf]):
            got = run(reader).stdout.decode("utf-8")
            check(seq in squash(got), f"{reader[0]} does not give back U+845B U+E01EF as written")
        check(seq in x.read_text(encoding="utf-8"), "the XHTML does not hold U+845B U+E01EF as written")


def squash(text):
    return re.sub(r"\s", "", text)


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--gijiroku", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("test")
    ARGS = ap.parse_args()
    return run_test(ARGS.test, globals().get("test_" + ARGS.test), "names." + ARGS.test)


if __name__ == "__main__":
    sys.exit(main())
