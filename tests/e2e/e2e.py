#!/usr/bin/env python3
"""End-to-end tests: the CLI on examples/, its output read back by tools we did not write.

Usage: e2e.py --gijiroku BIN --source DIR --shared DIR --out DIR TEST

Each TEST is one function below (test_<name>); CTest runs each as its own test. `render_all`
renders every example with every template into --out and is the fixture the others need.
Expected values come from the seed text and the specifications, never from our own output.
"""
import argparse
import ast
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/driver.py
from driver import check, run_test  # noqa: E402

ARGS = None
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
TEMPLATES = ["tokyo-gijiyoshi", "ministry-gijiroku", "city-kaigiroku"]




def run(cmd, *, stdin=None, env=None, timeout=300, cwd=None):
    e = dict(os.environ)
    e.pop("SOURCE_DATE_EPOCH", None)
    e["LANG"] = "C.UTF-8"
    if env:
        e.update(env)
    return subprocess.run(cmd, input=stdin, capture_output=True, env=e, timeout=timeout, cwd=cwd)


def gij(*args, **kw):
    return run([ARGS.gijiroku, *map(str, args)], **kw)


def tool(name):
    return str(Path(ARGS.shared) / "tools" / name)


def examples():
    return sorted((Path(ARGS.source) / "examples").glob("*.xml"))


def out(example, template, ext):
    return Path(ARGS.out) / f"{example.stem}.{template}.{ext}"


def outputs(ext):
    return [out(e, t, ext) for e in examples() for t in TEMPLATES]


def squash(text):
    return re.sub(r"\s", "", text)


def seed_text():
    """The seed's text as the reader should get it back: whitespace removed, and the
    seed's typo 「2５」 written by the template's digit rule as 「25」."""
    raw = (Path(ARGS.shared) / "seeds" / "000_5aba5523e865b097.txt").read_text(encoding="utf-8")
    return squash(raw).replace("2５", "25")


SEED = "tokyo-2025-03-25"


def seed_example():
    return Path(ARGS.source) / "examples" / f"{SEED}.xml"


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"at character {i}: expected …{a[max(0, i - 15):i + 15]}…, got …{b[max(0, i - 15):i + 15]}…"
    return f"lengths differ: expected {len(a)}, got {len(b)} (tail expected …{a[-20:]}, got …{b[-20:]})"


# ---------------------------------------------------------------------------- fixture

def test_render_all():
    Path(ARGS.out).mkdir(parents=True, exist_ok=True)
    for e in examples():
        for t in TEMPLATES:
            r = gij("render", e, "--template", t, "--pdf", out(e, t, "pdf"), "--xhtml", out(e, t, "xhtml"))
            check(r.returncode == 0, f"render {e.name} with {t}: exit {r.returncode}\n{r.stderr.decode()}")
            check(r.stderr.decode().strip() == "", f"render {e.name} with {t} printed diagnostics:\n{r.stderr.decode()}")
            check(out(e, t, "pdf").stat().st_size > 1000, f"{out(e, t, 'pdf')} is too small")


# ---------------------------------------------------------------------------- validation

def test_validate_examples():
    r = gij("validate", *examples())
    check(r.returncode == 0, f"validate exit {r.returncode}\n{r.stderr.decode()}")
    check(r.stderr == b"", f"examples must validate without a single warning:\n{r.stderr.decode()}")


def mutated_seed(old, new, count=1):
    text = seed_example().read_text(encoding="utf-8")
    check(text.count(old) >= count, f"the seed example no longer contains {old!r}")
    text = text.replace(old, new, count)
    return text


def position_of(text, needle, offset_in_needle=0):
    """1-based line and column (in characters) of `needle` in `text` — computed here, from
    the test's own input, not from gijiroku."""
    i = text.index(needle) + offset_in_needle
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    return line, col


def test_weekday_mismatch():
    doc = mutated_seed('weekday="火曜日"', 'weekday="水曜日"')
    line, col = position_of(doc, 'weekday="水曜日"')
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "seed-wednesday.xml"
        p.write_text(doc, encoding="utf-8")
        r = gij("validate", p)
        err = r.stderr.decode()
        check(r.returncode == 1, f"exit {r.returncode}, expected 1\n{err}")
        check(f"{p}:{line}:{col}: error[E301]" in err, f"expected E301 at {line}:{col}:\n{err}")
        check("火曜日" in err, "the message should name the right weekday (火曜日)")
        # The caret line sits under the attribute.
        lines = err.splitlines()
        k = next(i for i, l in enumerate(lines) if "error[E301]" in l)
        check(lines[k + 1].lstrip().startswith(f"{line} |"), f"no source line under the diagnostic:\n{err}")
        check(lines[k + 2].rstrip().endswith("^"), f"no caret line:\n{err}")


def test_absentee_speaks():
    # 瀨委員 is listed absent; give them the first opinion of item (1).
    doc = mutated_seed("<opinion>医療的ケア児等コーディネーターの名称", '<opinion by="瀨">医療的ケア児等コーディネーターの名称')
    line, col = position_of(doc, 'by="瀨">医療的ケア児等')
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "seed-absentee.xml"
        p.write_text(doc, encoding="utf-8")
        r = gij("validate", p)
        err = r.stderr.decode()
        check(r.returncode == 1, f"exit {r.returncode}, expected 1\n{err}")
        check(f"{p}:{line}:{col}: error[E308]" in err, f"expected E308 at {line}:{col}:\n{err}")


def test_json_and_japanese():
    doc = mutated_seed('weekday="火曜日"', 'weekday="水曜日"')
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "bad.xml"
        p.write_text(doc, encoding="utf-8")
        r = gij("validate", "--format", "json", p)
        lines = [l for l in r.stderr.decode().splitlines() if l.strip()]
        check(len(lines) >= 1, "no JSON output")
        objs = [json.loads(l) for l in lines]
        check(any(o["code"] == "E301" and o["severity"] == "error" and o["line"] > 0 and o["message_ja"] for o in objs),
              f"no E301 object with line and Japanese message: {lines}")
        r = gij("validate", p, env={"LANG": "ja_JP.UTF-8"})
        check("エラー[E301]" in r.stderr.decode(), f"LANG=ja should print Japanese:\n{r.stderr.decode()}")
        r = gij("validate", "--lang", "ja", p)
        check("エラー[E301]" in r.stderr.decode(), "--lang ja should print Japanese")


def test_cli_usage():
    check(gij().returncode == 2, "no arguments: exit 2")
    r = gij("--help")
    check(r.returncode == 0 and b"usage: gijiroku" in r.stdout, "--help")
    r = gij("--version")
    check(r.returncode == 0 and re.match(rb"gijiroku \d+\.\d+\.\d+", r.stdout), "--version")
    check(gij("frobnicate").returncode == 2, "unknown command: exit 2")
    check(gij("validate").returncode == 2, "validate without files: exit 2")
    check(gij("validate", "/nonexistent/x.xml").returncode == 2, "unreadable file: exit 2")
    check(gij("render", seed_example()).returncode == 2, "render without outputs: exit 2")
    check(gij("render", seed_example(), "--pdf").returncode == 2, "--pdf without a value: exit 2")
    check(gij("render", seed_example(), "--bogus", "x").returncode == 2, "unknown option: exit 2")
    check(gij("validate", "--help").returncode == 0, "validate --help")
    r = gij("templates")
    check(r.returncode == 0, "templates")
    for t in TEMPLATES:
        check(t.encode() in r.stdout, f"templates lists {t}")


def test_stdin_stdout():
    data = seed_example().read_bytes()
    r = gij("validate", "-", stdin=data)
    check(r.returncode == 0, f"validate - : {r.stderr.decode()}")
    r = gij("render", "-", "--xhtml", "-", stdin=data)
    check(r.returncode == 0 and r.stdout.startswith(b"<?xml"), "render - --xhtml - writes XHTML to stdout")
    r = gij("render", "-", "--pdf", "-", stdin=data)
    check(r.returncode == 0 and r.stdout.startswith(b"%PDF-1.7"), "render --pdf - writes a PDF to stdout")


def test_render_invalid_writes_nothing():
    doc = mutated_seed('weekday="火曜日"', 'weekday="水曜日"')
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "bad.xml"
        src.write_text(doc, encoding="utf-8")
        pdf, xhtml = Path(d) / "new.pdf", Path(d) / "new.xhtml"
        r = gij("render", src, "--pdf", pdf, "--xhtml", xhtml)
        check(r.returncode == 1, f"exit {r.returncode}, expected 1")
        check(not pdf.exists() and not xhtml.exists(), "an invalid document must write nothing")
        old = Path(d) / "old.pdf"
        old.write_bytes(b"the previous, good output")
        r = gij("render", src, "--pdf", old)
        check(r.returncode == 1 and old.read_bytes() == b"the previous, good output",
              "an existing output must be left as it was")
        check(sorted(p.name for p in Path(d).iterdir()) == ["bad.xml", "old.pdf"], "no temporary file left behind")


# ---------------------------------------------------------------------------- PDF read back

def test_qpdf_check():
    for pdf in outputs("pdf"):
        r = run(["qpdf", "--check", str(pdf)])
        text = r.stdout.decode() + r.stderr.decode()
        check(r.returncode == 0, f"qpdf --check {pdf.name}: exit {r.returncode}\n{text}")
        check("WARNING" not in text, f"qpdf --check {pdf.name} warns:\n{text}")
        check("No syntax or stream encoding errors found" in text, f"qpdf --check {pdf.name}:\n{text}")


def test_pdffonts():
    for pdf in outputs("pdf"):
        r = run(["pdffonts", str(pdf)])
        rows = r.stdout.decode().splitlines()[2:]
        check(rows, f"pdffonts lists no fonts in {pdf.name}")
        for row in rows:
            cols = row.split()
            # name type... encoding emb sub uni object ID
            emb, sub, uni = cols[-5], cols[-4], cols[-3]
            check((emb, sub, uni) == ("yes", "yes", "yes"), f"{pdf.name}: font not embedded+subset+ToUnicode: {row}")
            check(re.match(r"^[A-Z]{6}\+", cols[0]), f"{pdf.name}: subset font name without a tag: {row}")


def pdftotext(pdf, *opts):
    r = run(["pdftotext", "-enc", "UTF-8", *opts, str(pdf), "-"])
    check(r.returncode == 0, f"pdftotext {pdf}: {r.stderr.decode()}")
    return r.stdout.decode()


def without_page_numbers(text):
    return "\n".join(l for l in text.splitlines() if not re.fullmatch(r"\s*[-－]\s*\d+\s*[-－]\s*", l))


def test_pdftotext_seed():
    pdf = out(seed_example(), "tokyo-gijiyoshi", "pdf")
    text = pdftotext(pdf, "-raw")
    for name in ["岩\ufa11", "\u9ad9山", "\u7028委員", "２～３年"]:
        check(name in text, f"{name!r} not extracted intact from {pdf.name}")
    got = squash(without_page_numbers(text))
    check(got == seed_text(), "pdftotext -raw of the seed's PDF differs from the seed's text: " + first_difference(seed_text(), got))


def test_check_pdfua():
    for pdf in outputs("pdf"):
        r = run([tool("check-pdfua"), "--expect-lang", "ja", str(pdf)])
        text = r.stdout.decode() + r.stderr.decode()
        check(r.returncode == 0, f"check-pdfua {pdf.name}: exit {r.returncode}\n{text}")
        summary = [l for l in text.splitlines() if l.startswith("SUMMARY")]
        check(summary and "PASS" in summary[0] and " 0 warning(s)" in summary[0],
              f"check-pdfua {pdf.name}: not 0 failures / 0 warnings:\n{text}")


def test_check_pdfjs():
    for pdf in outputs("pdf"):
        r = run([tool("check-pdfjs"), str(pdf)])
        text = r.stdout.decode() + r.stderr.decode()
        check(r.returncode == 0 and "PASS" in text, f"check-pdfjs {pdf.name}: exit {r.returncode}\n{text[-3000:]}")


def test_check_typeset():
    for pdf in outputs("pdf"):
        r = run([tool("check-typeset"), str(pdf)])
        text = r.stdout.decode() + r.stderr.decode()
        check(r.returncode == 0, f"check-typeset {pdf.name}: exit {r.returncode}\n{text}")


def test_fidelity_pdf_structure():
    pdf = out(seed_example(), "tokyo-gijiyoshi", "pdf")
    r = run([tool("check-pdfua"), "--no-check", "--text", str(pdf)])
    check(r.returncode == 0, f"check-pdfua --text: {r.stderr.decode()}")
    got = squash(r.stdout.decode())
    check(got == seed_text(), "the PDF's structure text differs from the seed's: " + first_difference(seed_text(), got))


# ---------------------------------------------------------------------------- XHTML

def test_check_xhtml():
    files = [str(p) for p in outputs("xhtml")]
    r = run([tool("check-xhtml"), *files], timeout=900)
    text = r.stdout.decode() + r.stderr.decode()
    check(r.returncode == 0, f"check-xhtml: exit {r.returncode}\n{text[-5000:]}")


def visible_text(xhtml_path):
    """The text a sighted reader sees: every text node of <body>. The XHTML carries no
    scripts, hidden text or CSS-generated words (issue 3), so this is the whole of it."""
    root = ET.parse(xhtml_path).getroot()
    body = root.find(f"{XHTML_NS}body")
    check(body is not None, f"{xhtml_path}: no body")
    return "".join(body.itertext())


def test_fidelity_xhtml():
    got = squash(visible_text(out(seed_example(), "tokyo-gijiyoshi", "xhtml")))
    check(got == seed_text(), "the XHTML's visible text differs from the seed's: " + first_difference(seed_text(), got))


def test_xhtml_no_layout_spaces():
    x = out(seed_example(), "tokyo-gijiyoshi", "xhtml").read_text(encoding="utf-8")
    for spaced in ["議 事 要 旨", "日　時", "日  時", "会　場", "&#x3000;", "&nbsp;"]:
        check(spaced not in x, f"the XHTML spells a spaced word with spaces: {spaced!r}")
    check("議事要旨" in x and "日時" in x and "会場" in x, "the title and labels must be plain words")


def pdf_headings_pdfua(pdf):
    """Headings of `check-pdfua --tree --full`: each H<n> line with the text of its own
    marked content and of every element indented under it."""
    r = run([tool("check-pdfua"), "--no-check", "--tree", "--full", str(pdf)])
    lines = r.stdout.decode().splitlines()[1:]  # skip "StructTreeRoot ..."

    def indent(l):
        return len(l) - len(l.lstrip(" "))

    def quoted(l):
        # check-pdfua prints texts as Python reprs ('…' or "…", with escapes such as \u3000).
        m = re.search(r"('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")(?:\s*\[.*\])?\s*$", l)
        return ast.literal_eval(m.group(1)) if m else ""

    heads = []
    for i, line in enumerate(lines):
        m = re.match(r"\s*(H[1-6])\b", line)
        if not m:
            continue
        text = quoted(line)
        for sub in lines[i + 1:]:
            if indent(sub) <= indent(line):
                break
            text += quoted(sub)
        heads.append(f"{m.group(1)} {squash(text)}")
    return heads


def pdf_headings_pdfjs(pdf):
    r = run([tool("check-pdfjs"), "--outline", str(pdf)])
    return [f"{l.split(' ', 1)[0]} {squash(l.split(' ', 1)[1])}" for l in r.stdout.decode().splitlines() if re.match(r"H[1-6] ", l)]


def xhtml_headings(x):
    r = run([tool("check-xhtml"), "--no-vnu", "--outline", str(x)], timeout=300)
    heads = []
    for line in r.stdout.decode().splitlines():
        m = re.match(r'\s*heading "(.*)" level=([0-9])\s*$', line)
        if m:
            heads.append(f"H{m.group(2)} {squash(m.group(1))}")
    return heads


def test_outline_matches():
    for e in examples():
        for t in TEMPLATES:
            x = xhtml_headings(out(e, t, "xhtml"))
            check(x, f"{e.stem}/{t}: the XHTML has no headings")
            js = pdf_headings_pdfjs(out(e, t, "pdf"))
            check(js == x, f"{e.stem}/{t}: pdf.js outline differs from Chromium's:\nPDF  {js}\nXHTML {x}")
            ua = pdf_headings_pdfua(out(e, t, "pdf"))
            check(ua == x, f"{e.stem}/{t}: check-pdfua tree headings differ from the XHTML's:\nPDF  {ua}\nXHTML {x}")


# ---------------------------------------------------------------------------- determinism, safety

def test_reproducible():
    with tempfile.TemporaryDirectory() as d:
        for e in examples():
            a, b = Path(d) / "a.pdf", Path(d) / "b.pdf"
            xa, xb = Path(d) / "a.xhtml", Path(d) / "b.xhtml"
            check(gij("render", e, "--pdf", a, "--xhtml", xa).returncode == 0, f"render {e.name}")
            time.sleep(1.1)
            check(gij("render", e, "--pdf", b, "--xhtml", xb, env={"TZ": "Pacific/Kiritimati"}).returncode == 0, "render again")
            check(a.read_bytes() == b.read_bytes(), f"{e.name}: two renders differ (PDF)")
            check(xa.read_bytes() == xb.read_bytes(), f"{e.name}: two renders differ (XHTML)")
        # SOURCE_DATE_EPOCH sets dates, and they are the same each time.
        a, b = Path(d) / "c.pdf", Path(d) / "d.pdf"
        env = {"SOURCE_DATE_EPOCH": "1742900000"}
        gij("render", seed_example(), "--pdf", a, env=env)
        gij("render", seed_example(), "--pdf", b, env=env)
        check(a.read_bytes() == b.read_bytes(), "SOURCE_DATE_EPOCH renders differ")
        info = run(["pdfinfo", str(a)]).stdout.decode()
        check("2025" in info, f"SOURCE_DATE_EPOCH=1742900000 (2025-03-25) should date the PDF:\n{info}")


def test_safe_output():
    src = seed_example()
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        # Missing folder: a clear error, exit 2.
        r = gij("render", src, "--pdf", d / "missing" / "x.pdf")
        check(r.returncode == 2 and b"missing" in r.stderr, f"missing folder: exit {r.returncode} {r.stderr.decode()}")
        # A file-size limit hit mid-write: no partial file, the old output unchanged.
        old = d / "limited.pdf"
        old.write_bytes(b"old output")
        r = run(["prlimit", "--fsize=20000", "--", ARGS.gijiroku, "render", str(src), "--pdf", str(old)])
        check(r.returncode != 0, "a PDF larger than the file-size limit cannot be written")
        check(old.read_bytes() == b"old output", "the old output must be unchanged after a failed write")
        check(sorted(p.name for p in d.iterdir()) == ["limited.pdf"], f"left behind: {list(d.iterdir())}")
        # Killed mid-render: nothing new, the old output unchanged. The kill lands at fractions of
        # the time a whole render takes here (measured first, so a faster build still gets killed
        # mid-way), the last ones while the PDF is being written out.
        big = d / "big.xml"
        text = src.read_text(encoding="utf-8")
        items = re.search(r"(<item>.*</item>)", text, re.S).group(1)
        big.write_text(text.replace(items, items * 150), encoding="utf-8")
        whole = d / "whole.pdf"
        started = time.monotonic()
        check(gij("render", big, "--pdf", whole).returncode == 0, "render the long document")
        duration = time.monotonic() - started
        whole.unlink()
        target = d / "killed.pdf"
        target.write_bytes(b"previous")
        # On a busy machine a render's time varies: try the fractions again (up to four rounds)
        # until at least four kills have landed while the render was still running.
        killed = 0
        for fraction in (0.2, 0.4, 0.6, 0.8, 0.9, 0.95) * 4:
            if killed >= 4:
                break
            p = subprocess.Popen([ARGS.gijiroku, "render", str(big), "--pdf", str(target)])
            time.sleep(duration * fraction)
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
            p.wait()
            if p.returncode == 0:  # finished before the kill: put the old output back for the next try
                target.write_bytes(b"previous")
                continue
            killed += 1
            check(target.read_bytes() == b"previous",
                  f"a render killed at {fraction:.0%} of its time must leave the old output as it was")
            check(sorted(x.name for x in d.iterdir()) == ["big.xml", "killed.pdf", "limited.pdf"],
                  f"a render killed at {fraction:.0%} left files behind: {sorted(x.name for x in d.iterdir())}")
        check(killed >= 4, f"only {killed} of 24 renders were still running when killed (render took {duration:.2f} s)")
    # A read-only folder holding an earlier output: exit 2, no file added, the output unchanged.
    # Root may write anywhere, so as root (CI) the CLI runs as `nobody` on a folder nobody owns
    # with mode 0555.
    with tempfile.TemporaryDirectory() as d:
        Path(d).chmod(0o755)
        ro = Path(d) / "ro"
        ro.mkdir()
        old = ro / "x.pdf"
        old.write_bytes(b"earlier output")
        cmd = [ARGS.gijiroku, "render", str(src), "--pdf", str(old), "--xhtml", str(ro / "x.xhtml")]
        if os.geteuid() == 0:
            os.chown(ro, 65534, 65534)
            os.chown(old, 65534, 65534)
            cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", *cmd]
            r = run([*cmd[:5], ARGS.gijiroku, "--version"])
            check(r.returncode == 0, f"cannot run the CLI as nobody (is the build readable by all?): {r.stderr.decode()}")
        ro.chmod(0o555)
        r = run(cmd)
        check(r.returncode == 2, f"read-only folder: exit {r.returncode}, expected 2\n{r.stderr.decode()}")
        check(str(ro) in r.stderr.decode(), f"read-only folder: the message should name the folder: {r.stderr.decode()}")
        check(old.read_bytes() == b"earlier output", "read-only folder: the earlier output was changed")
        check(sorted(p.name for p in ro.iterdir()) == ["x.pdf"], f"read-only folder: {sorted(p.name for p in ro.iterdir())}")
        ro.chmod(0o755)


# ---------------------------------------------------------------------------- import (issue 8)

def xml_structure(path):
    """Element names, attributes and non-blank text in document order: what "structurally
    equal" means for the import round trip (comments and indentation ignored)."""
    out = []
    for el in ET.parse(path).getroot().iter():
        out.append((el.tag, tuple(sorted(el.attrib.items()))))
        for t in (el.text, el.tail):
            if t and t.strip():
                out.append(("#text", t.strip()))
    return out


def test_import_seed():
    seed_txt = Path(ARGS.shared) / "seeds" / "000_5aba5523e865b097.txt"
    with tempfile.TemporaryDirectory() as d:
        x = Path(d) / "seed.xml"
        r = gij("import", seed_txt, "-o", x, "--template", "tokyo-gijiyoshi")
        check(r.returncode == 0, f"import the seed text: exit {r.returncode}\n{r.stderr.decode()}")
        check(gij("validate", x).returncode == 0, "the imported XML validates")
        got, want = xml_structure(x), xml_structure(seed_example())
        check(got == want, "the imported seed differs from examples/tokyo-2025-03-25.xml: " +
              next((f"at {i}: {a} vs {b}" for i, (a, b) in enumerate(zip(want, got)) if a != b), f"{len(want)} vs {len(got)} nodes"))
        xh = Path(d) / "seed.xhtml"
        check(gij("render", x, "--xhtml", xh).returncode == 0, "render the imported XML")
        got_text = squash(visible_text(xh))
        check(got_text == seed_text(), "the imported seed's XHTML text differs: " + first_difference(seed_text(), got_text))
        # A line the importer cannot classify is kept and warned about; --strict refuses it.
        odd = Path(d) / "odd.txt"
        odd.write_text(seed_txt.read_text(encoding="utf-8").replace("事務局から資料説明", "事務局から資料説明\n◆◆ 判読できない行 ◆◆", 1), encoding="utf-8")
        r = gij("import", odd, "-o", Path(d) / "odd.xml")
        check(r.returncode == 0 and b"warning[W6" in r.stderr, f"an odd line is kept with a W6xx warning:\n{r.stderr.decode()}")
        check("判読できない行" in (Path(d) / "odd.xml").read_text(encoding="utf-8"), "the odd line is kept as text")
        r = gij("import", "--strict", odd, "-o", Path(d) / "strict.xml")
        check(r.returncode == 1 and not (Path(d) / "strict.xml").exists(), "--strict: exit 1 and nothing written")


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--gijiroku", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("test")
    ARGS = ap.parse_args()
    return run_test(ARGS.test, globals().get("test_" + ARGS.test))


if __name__ == "__main__":
    sys.exit(main())
