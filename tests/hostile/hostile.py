#!/usr/bin/env python3
"""Hostile templates, fonts and inputs through the CLI (issue 6): each is a clear error with
its exact code, the file and a fix, never a crash, a hang or an out-of-memory kill.

Usage: hostile.py --gijiroku BIN --source DIR --work DIR TEST

TEST is template_<case> (one per entry of TEMPLATE_CASES), input_50mb, input_endless,
input_endless_stdin or scale_pages. Templates are copied from tests/hostile/templates/ into a
fresh folder under --work, and the font files the font cases need are made there at run time
(a truncated copy of BIZ UD明朝, a text file, a Latin-only TrueType font from make_font.py, a
symbolic link to /etc/passwd), so nothing hostile is committed as a binary.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/driver.py
from driver import Failure, check, run_test  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_font  # noqa: E402

ARGS = None
SEED = "examples/tokyo-2025-03-25.xml"

# case → (template file or folder under templates/, expected code, what the message must name)
TEMPLATE_CASES = {
    "margin_zero": ("margin-zero.xml", "E406", "margin-top"),
    "margin_negative": ("margin-negative.xml", "E406", "margin-left"),
    "size_zero": ("size-zero.xml", "E405", "0 pt"),
    "size_10000": ("size-10000.xml", "E405", "10000 pt"),
    "measure_narrow": ("measure-narrow.xml", "E407", "do not fit between the margins (2 mm)"),
    "font_outside": ("font-outside.xml", "E412", "../../../fonts/BIZUDMincho-Regular.ttf"),
    "font_etc_passwd": ("font-etc-passwd.xml", "E412", "/etc/passwd"),
    "font_symlink": ("font-symlink", "E412", "fonts/HouseMincho-Regular.ttf"),
    "font_missing": ("font-missing.xml", "E413", "fonts/HouseMincho-Regular.ttf"),
    "font_truncated": ("font-truncated", "E505", "HouseMincho-Regular.ttf"),
    "font_not_a_font": ("font-not-a-font", "E504", "HouseMincho-Regular.ttf"),
    "font_latin_only": ("font-latin-only", "E510", "HouseMincho-Regular.ttf"),
    "extends_self": ("extends-self.xml", "E404", "extends itself"),
}




def measured(cmd, *, stdin=None, timeout=600):
    """Runs cmd; returns (returncode, stdout, stderr, seconds, peak RSS in MiB) of that child
    alone (os.wait4), so one test can compare the memory of several runs."""
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("SOURCE_DATE_EPOCH", None)
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([str(c) for c in cmd], stdin=stdin if stdin is not None else subprocess.DEVNULL,
                             stdout=out, stderr=err, env=env)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                p.kill()
                pid, status, usage = os.wait4(p.pid, 0)
                raise Failure(f"{cmd[1:3]} did not finish in {timeout} s (a hang)")
            time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return p.returncode, out.read(), err.read(), time.monotonic() - start, usage.ru_maxrss / 1024


def gij(*args, **kw):
    return measured([ARGS.gijiroku, *args], **kw)


def source(rel):
    return Path(ARGS.source) / rel


def work_dir(name):
    d = Path(ARGS.work) / name
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    return d


# ---------------------------------------------------------------------------- templates

def prepare_template(case, entry, where):
    """Copies the fixture into `where` and makes the font file its case needs. Returns the path
    of the template file to pass to --template."""
    fixture = Path(__file__).resolve().parent / "templates" / entry
    if fixture.is_dir():
        shutil.copytree(fixture, where / entry)
        tpl = where / entry / "template.xml"
        fonts = where / entry / "fonts"
        fonts.mkdir()
        font = fonts / "HouseMincho-Regular.ttf"
        if case == "font_truncated":
            # The first 4 KiB of a real font: the table directory promises tables far beyond.
            font.write_bytes(source("fonts/BIZUDMincho-Regular.ttf").read_bytes()[:4096])
        elif case == "font_not_a_font":
            font.write_text("庁内明朝 — the font will be delivered next week.\n", encoding="utf-8")
        elif case == "font_latin_only":
            font.write_bytes(make_font.latin_only_font("House Latin"))
        elif case == "font_symlink":
            font.symlink_to("/etc/passwd")
        return tpl
    shutil.copy(fixture, where / entry)
    return where / entry


def run_template_case(case):
    entry, code, named = TEMPLATE_CASES[case]
    where = work_dir("template_" + case)
    tpl = prepare_template(case, entry, where)
    pdf, xhtml = where / "out.pdf", where / "out.xhtml"

    # JSON: the exact codes, the file each points at, both languages and a fix.
    rc, _, err, secs, _ = gij("render", source(SEED), "--template", tpl, "--pdf", pdf, "--xhtml", xhtml,
                              "--format", "json", timeout=120)
    text = err.decode("utf-8", "replace")
    check(rc == 1, f"{case}: exit {rc}, expected 1 (the input has errors)\n{text[:3000]}")
    diags = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    errors = [d for d in diags if d["severity"] == "error"]
    check(errors, f"{case}: no error reported\n{text[:3000]}")
    codes = sorted({d["code"] for d in errors})
    check(codes == [code], f"{case}: error codes {codes}, expected exactly [{code}]\n{text[:3000]}")
    for d in errors:
        check(d["file"] == str(tpl), f"{case}: the error names {d['file']!r}, not the template {tpl}")
        check(d["line"] >= 1, f"{case}: the error has no line in the template: {d}")
        check(named in d["message"], f"{case}: the message does not name {named!r}: {d['message']}")
        check(d.get("hint", "").strip(), f"{case}: the error has no hint (how to fix it): {d}")
        check(d["message_ja"].strip() and d["message_ja"] != d["message_en"], f"{case}: no Japanese message: {d}")
    check(not pdf.exists() and not xhtml.exists(), f"{case}: an output was written despite the error")
    check(secs < 60, f"{case}: took {secs:.1f} s")

    # Text: FILE:LINE:COL: error[CODE] with the template's line and a hint, as a person reads it.
    rc, _, err, _, _ = gij("render", source(SEED), "--template", tpl, "--pdf", pdf, timeout=120)
    text = err.decode("utf-8", "replace")
    check(rc == 1, f"{case}: text mode exit {rc}")
    check(re.search(rf"^{re.escape(str(tpl))}:\d+:\d+: error\[{code}\]", text, re.M),
          f"{case}: no '{tpl}:LINE:COL: error[{code}]' line in\n{text[:3000]}")
    check(re.search(r"^hint: \S", text, re.M), f"{case}: no hint line in\n{text[:3000]}")
    check(len(text.splitlines()) <= 20, f"{case}: {len(text.splitlines())} lines of diagnostics for one mistake")


def test_font_fallback_truncated():
    """A fallback font is opened only when a character needs it (DESIGN §3); when it cannot be
    opened, its own error (E505, naming the file) comes before the E520 of the character."""
    where = work_dir("font_fallback_truncated")
    shutil.copytree(Path(__file__).resolve().parent / "templates" / "font-fallback-truncated", where / "t")
    (where / "t" / "fonts").mkdir()
    font = where / "t" / "fonts" / "HouseFallback.ttf"
    font.write_bytes(source("fonts/BIZUDMincho-Regular.ttf").read_bytes()[:4096])
    doc = where / "doc.xml"
    text = source(SEED).read_text(encoding="utf-8")
    doc.write_text(re.sub(r"<opinion>", "<opinion>\U00020BB7野家の件。", text, count=1), encoding="utf-8")
    rc, _, err, _, _ = gij("render", doc, "--template", where / "t" / "template.xml", "--pdf", where / "out.pdf",
                           "--format", "json", timeout=120)
    text = err.decode("utf-8", "replace")
    check(rc == 1, f"exit {rc}, expected 1\n{text[:3000]}")
    errors = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    errors = [d for d in errors if d["severity"] == "error"]
    check([d["code"] for d in errors] == ["E505", "E520"], f"codes {[d['code'] for d in errors]}, expected E505 then E520")
    check("HouseFallback.ttf" in errors[0]["message"] and errors[0].get("hint"), f"E505 should name the file: {errors[0]}")
    check("U+20BB7" in errors[1]["message"], f"E520 should name U+20BB7: {errors[1]['message']}")
    check(not (where / "out.pdf").exists(), "a PDF was written despite the errors")


# ---------------------------------------------------------------------------- inputs

def seed_with_items(copies):
    """The seed with its proceedings' items repeated `copies` times (each copy ≈ 2.3 pages)."""
    text = source(SEED).read_text(encoding="utf-8")
    items = re.search(r"(<item>.*</item>)", text, re.S).group(1)
    return text.replace(items, items * copies)


def test_input_50mb():
    d = work_dir("input_50mb")
    big = d / "big.xml"
    # A well-formed document of 50 MB (the limit is 32 MiB): the seed with 50 MB of proceedings.
    text = seed_with_items(1)
    items = re.search(r"(<item>.*</item>)", text, re.S).group(1)
    copies = 50_000_000 // len(items.encode("utf-8")) + 1
    big.write_text(seed_with_items(copies), encoding="utf-8")
    size = big.stat().st_size
    check(size >= 50_000_000, f"the input is only {size} bytes")
    for cmd in (["validate", big], ["render", big, "--pdf", d / "big.pdf"]):
        rc, _, err, secs, rss = gij(*cmd, "--format", "json", timeout=120)
        diags = [json.loads(line) for line in err.decode().splitlines() if line.startswith("{")]
        check(rc == 1, f"{cmd[0]} 50 MB: exit {rc}\n{err.decode()[:2000]}")
        check([x["code"] for x in diags] == ["E102"], f"{cmd[0]} 50 MB: {[x['code'] for x in diags]}, expected [E102]")
        check(f"{size:,}" in diags[0]["message"], f"the message should give the size {size:,}: {diags[0]['message']}")
        check(diags[0].get("hint"), "E102 without a hint")
        check(secs < 20, f"{cmd[0]} 50 MB took {secs:.1f} s; it must be refused quickly")
        # Read once, refused before parsing: about twice the file (the bytes and the source copy).
        check(rss < 4 * size / 2**20 + 100, f"{cmd[0]} 50 MB: peak RSS {rss:.0f} MiB")
        print(f"{cmd[0]} 50 MB: E102 in {secs:.2f} s, peak RSS {rss:.0f} MiB")
    check(not (d / "big.pdf").exists(), "render wrote a PDF for a refused input")


def test_input_endless():
    # /dev/zero never ends: reading must stop at a bound, with a message, exit 2 (I/O).
    rc, _, err, secs, rss = gij("validate", "/dev/zero", timeout=60)
    text = err.decode()
    check(rc == 2, f"validate /dev/zero: exit {rc}\n{text[:1000]}")
    check("/dev/zero" in text and "larger than" in text, f"validate /dev/zero: unclear message: {text[:1000]}")
    check(rss < 400, f"validate /dev/zero: peak RSS {rss:.0f} MiB")
    print(f"validate /dev/zero: exit 2 in {secs:.2f} s, peak RSS {rss:.0f} MiB")


def test_input_endless_stdin():
    with subprocess.Popen(["yes", "<minutes>"], stdout=subprocess.PIPE) as producer:
        rc, _, err, secs, rss = gij("validate", "-", stdin=producer.stdout, timeout=60)
        producer.kill()
    text = err.decode()
    check(rc == 2, f"validate - (endless): exit {rc}\n{text[:1000]}")
    check("standard input" in text and "larger than" in text, f"unclear message: {text[:1000]}")
    check(rss < 400, f"validate - (endless): peak RSS {rss:.0f} MiB")
    print(f"validate - (endless pipe): exit 2 in {secs:.2f} s, peak RSS {rss:.0f} MiB")


def pdf_pages(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def test_scale_pages():
    """1,000 and 10,000 pages: both render, and the memory per page of output does not grow.

    Peak memory is measured, not bounded by design: the engine holds the whole document, its
    styled form, every laid-out page and the PDF in memory at once, so memory grows linearly
    with the page count (see the reliability report). The test fails when it grows faster than
    linearly or exceeds the budget below, and prints what it measured."""
    d = work_dir("scale_pages")
    results = {}
    for copies in (426, 4260):  # ≈ 1,000 and ≈ 10,000 pages of the tokyo-gijiyoshi layout
        src = d / f"pages-{copies}.xml"
        src.write_text(seed_with_items(copies), encoding="utf-8")
        pdf = d / f"pages-{copies}.pdf"
        rc, _, err, secs, rss = gij("render", src, "--pdf", pdf, timeout=1200)
        check(rc == 0, f"render of {copies} copies: exit {rc}\n{err.decode()[:2000]}")
        pages, size = pdf_pages(pdf), pdf.stat().st_size
        results[copies] = (pages, size, rss, secs)
        print(f"{pages} pages: {secs:.1f} s, peak RSS {rss:.0f} MiB, PDF {size / 2**20:.1f} MiB, "
              f"input {src.stat().st_size / 2**20:.1f} MiB, {rss * 1024 / pages:.0f} KiB per page")
        pdf.unlink()
    (p1, s1, r1, _), (p2, s2, r2, _) = results[426], results[4260]
    check(p1 >= 950 and p2 >= 9500, f"page counts {p1} and {p2}, expected about 1,000 and 10,000")
    growth, output_growth = r2 / r1, s2 / s1
    print(f"peak RSS grew {growth:.2f}x for {output_growth:.2f}x the output ({p2 / p1:.2f}x the pages)")
    # Not worse than linear in the output (with 10 % slack for allocator noise)...
    check(growth <= output_growth * 1.10, f"peak RSS grew {growth:.2f}x for {output_growth:.2f}x the output")
    # ...and within the measured budget: 2.8 GiB for 10,000 pages (≈ 290 KiB per page).
    check(r2 * 1024 / p2 <= 400, f"{r2 * 1024 / p2:.0f} KiB per page at 10,000 pages (budget 400)")


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--gijiroku", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("test")
    ARGS = ap.parse_args()
    Path(ARGS.work).mkdir(parents=True, exist_ok=True)
    if ARGS.test.startswith("template_") and ARGS.test[len("template_"):] in TEMPLATE_CASES:
        fn = lambda: run_template_case(ARGS.test[len("template_"):])  # noqa: E731
    else:
        fn = globals().get("test_" + ARGS.test)
    return run_test(ARGS.test, fn)


if __name__ == "__main__":
    sys.exit(main())
