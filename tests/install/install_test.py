#!/usr/bin/env python3
"""Embedding and packaging tests (issue 7).

Usage: install_test.py --gijiroku BIN --library SO --embed BIN --embed-c BIN --source DIR
                       --build DIR --cmake CMAKE --cpack CPACK --generator GEN --work DIR TEST

Each TEST is one function test_<name> below; CTest runs each as install.<name>. The reference
for every output is the CLI (`gijiroku render`) on the same file: the library, whichever way it
is taken in (C++ in the build tree, C, Python ctypes, an installed prefix, the Debian package),
must give the same bytes.
"""
import argparse
import ctypes
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/driver.py
from driver import Failure, check, run_test  # noqa: E402

ARGS = None
TEMPLATES = ["city-kaigiroku", "ministry-gijiroku", "tokyo-gijiyoshi"]
SEED = "tokyo-2025-03-25.xml"
EPOCH = "1742860800"  # 2025-03-25 00:00 UTC, the seed's meeting day




def clean_env(extra=None, drop=()):
    """The environment without anything that changes the output or the data folder."""
    e = dict(os.environ)
    for k in ("SOURCE_DATE_EPOCH", "GIJIROKU_DATA_DIR", "LD_LIBRARY_PATH", "PKG_CONFIG_PATH", *drop):
        e.pop(k, None)
    e["LANG"] = "C.UTF-8"
    if extra:
        e.update(extra)
    return e


def run(cmd, *, env=None, cwd=None, timeout=600, ok=True):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, env=env or clean_env(), cwd=cwd,
                       timeout=timeout)
    if ok and r.returncode != 0:
        raise Failure(f"{' '.join(map(str, cmd))} exited {r.returncode}\n"
                      f"stdout:\n{r.stdout.decode(errors='replace')[-3000:]}\n"
                      f"stderr:\n{r.stderr.decode(errors='replace')[-3000:]}")
    return r


def workdir(name):
    d = Path(ARGS.work) / name
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    return d


def examples():
    return sorted((Path(ARGS.source) / "examples").glob("*.xml"))


_cli_cache = {}


def cli_render(xml, template=None, epoch=None):
    """The CLI's PDF and XHTML bytes for one file (the reference)."""
    key = (str(xml), template, epoch)
    if key not in _cli_cache:
        d = Path(ARGS.work) / "cli" / f"{Path(xml).stem}-{template or 'default'}-{epoch or 'none'}"
        d.mkdir(parents=True, exist_ok=True)
        cmd = [ARGS.gijiroku, "render", xml, "--pdf", d / "out.pdf", "--xhtml", d / "out.xhtml"]
        if template:
            cmd += ["--template", template]
        run(cmd, env=clean_env({"SOURCE_DATE_EPOCH": epoch} if epoch else None))
        _cli_cache[key] = ((d / "out.pdf").read_bytes(), (d / "out.xhtml").read_bytes())
    return _cli_cache[key]


def same_as_cli(xml, pdf, xhtml, what, template=None, epoch=None):
    want_pdf, want_xhtml = cli_render(xml, template, epoch)
    check(want_pdf.startswith(b"%PDF-") and want_xhtml.startswith(b"<?xml"), f"CLI output of {xml} looks wrong")
    check(pdf == want_pdf, f"{what}: the PDF of {Path(xml).name} differs from the CLI's "
                           f"({len(pdf)} bytes, CLI {len(want_pdf)})")
    check(xhtml == want_xhtml, f"{what}: the XHTML of {Path(xml).name} differs from the CLI's "
                               f"({len(xhtml)} bytes, CLI {len(want_xhtml)})")


def invalid_document(folder):
    """The seed with a weekday that contradicts its date (2025-03-25 is a Tuesday): E301."""
    seed = (Path(ARGS.source) / "examples" / SEED).read_text(encoding="utf-8")
    bad, n = re.subn(r'weekday="[^"]*"', 'weekday="水"', seed, count=1)
    check(n == 1, "the seed has no weekday attribute")
    p = Path(folder) / "bad-weekday.xml"
    p.write_text(bad, encoding="utf-8")
    lines = bad.split("\n")
    line = next(i for i, l in enumerate(lines) if 'weekday="水"' in l)
    column = lines[line].index("weekday=") + 1  # characters, 1-based (the line is ASCII up to it)
    return p, line + 1, column


def data_line(stdout):
    for l in stdout.decode().splitlines():
        m = re.search(r"data: (.*)$", l)
        if m:
            return m.group(1)
    raise Failure(f"no 'data:' line in {stdout!r}")


# ------------------------------------------------------------------ the example programs


def test_embed():
    """examples/embed/embed.cpp, built against the build tree's libgijiroku.so: the C++ API with
    threads sharing one Engine, to files and from memory, gives the CLI's bytes."""
    w = workdir("embed")
    files = examples()
    for mode in ([], ["--memory"]):
        out = w / ("memory" if mode else "files")
        r = run([ARGS.embed, "--threads", "3", *mode, "--out-dir", out, *files])
        check(Path(data_line(r.stdout), "templates").is_dir(), "the data folder it reports has no templates/")
        lines = [l for l in r.stdout.decode().splitlines() if not l.startswith("data: ")]
        check(sorted(lines) == sorted(f"{f}: ok" for f in files), f"summary lines: {lines}")
        for f in files:
            same_as_cli(f, (out / (f.stem + ".pdf")).read_bytes(), (out / (f.stem + ".xhtml")).read_bytes(),
                        "gijiroku-embed " + " ".join(mode))
    seed = Path(ARGS.source) / "examples" / SEED
    # Another template, and the PDF's dates from SOURCE_DATE_EPOCH.
    out = w / "template"
    run([ARGS.embed, "--template", "ministry-gijiroku", "--out-dir", out, seed])
    same_as_cli(seed, (out / "tokyo-2025-03-25.pdf").read_bytes(), (out / "tokyo-2025-03-25.xhtml").read_bytes(),
                "gijiroku-embed --template", template="ministry-gijiroku")
    out = w / "epoch"
    run([ARGS.embed, "--out-dir", out, seed], env=clean_env({"SOURCE_DATE_EPOCH": EPOCH}))
    pdf = (out / "tokyo-2025-03-25.pdf").read_bytes()
    same_as_cli(seed, pdf, (out / "tokyo-2025-03-25.xhtml").read_bytes(), "gijiroku-embed with SOURCE_DATE_EPOCH",
                epoch=EPOCH)
    check(pdf != cli_render(seed)[0], "SOURCE_DATE_EPOCH did not change the PDF")
    # A document with an error: exit 1, the diagnostic printed, nothing written.
    bad, line, column = invalid_document(w)
    out = w / "bad"
    r = run([ARGS.embed, "--out-dir", out, bad], ok=False)
    err = r.stderr.decode()
    check(r.returncode == 1, f"invalid document: exit {r.returncode}, not 1")
    check(f"{bad}:{line}:{column}: error[E301]" in err, f"E301 not reported at {line}:{column}:\n{err}")
    check(not any(out.iterdir()), "something was written for an invalid document")


def test_embed_c():
    """examples/embed/embed.c: the C API from C gives the CLI's bytes and diagnostics."""
    w = workdir("embed_c")
    for f in examples():
        pdf, xhtml = w / (f.stem + ".pdf"), w / (f.stem + ".xhtml")
        r = run([ARGS.embed_c, f, pdf, xhtml])
        check(Path(data_line(r.stdout), "fonts", "fonts.xml").is_file(), "the data folder it reports has no fonts.xml")
        same_as_cli(f, pdf.read_bytes(), xhtml.read_bytes(), "gijiroku-embed-c")
    seed = Path(ARGS.source) / "examples" / SEED
    run([ARGS.embed_c, "--template", "city-kaigiroku", seed, w / "t.pdf", w / "t.xhtml"],
        env=clean_env({"SOURCE_DATE_EPOCH": EPOCH}))
    same_as_cli(seed, (w / "t.pdf").read_bytes(), (w / "t.xhtml").read_bytes(), "gijiroku-embed-c --template",
                template="city-kaigiroku", epoch=EPOCH)
    bad, line, column = invalid_document(w)
    r = run([ARGS.embed_c, bad, w / "bad.pdf", w / "bad.xhtml"], ok=False)
    err = r.stderr.decode()
    check(r.returncode == 1, f"invalid document: exit {r.returncode}, not 1")
    check(f"{bad}:{line}:{column}: error[E301]" in err and "火曜日" in err, f"E301 (with 火曜日) not reported:\n{err}")
    check(not (w / "bad.pdf").exists(), "a PDF was written for an invalid document")


# ------------------------------------------------------------------ Python ctypes


def load_c_api(path):
    lib = ctypes.CDLL(str(path))
    c = ctypes
    sig = {
        "gijiroku_version": (c.c_char_p, []),
        "gijiroku_engine_new": (c.c_void_p, [c.c_char_p, c.c_char_p, c.POINTER(c.c_void_p)]),
        "gijiroku_engine_free": (None, [c.c_void_p]),
        "gijiroku_engine_data_dir": (c.c_char_p, [c.c_void_p]),
        "gijiroku_engine_template_count": (c.c_size_t, [c.c_void_p]),
        "gijiroku_engine_template_name": (c.c_char_p, [c.c_void_p, c.c_size_t]),
        "gijiroku_engine_template_description": (c.c_char_p, [c.c_void_p, c.c_size_t]),
        "gijiroku_render_options_new": (c.c_void_p, []),
        "gijiroku_render_options_free": (None, [c.c_void_p]),
        "gijiroku_render_options_set_template": (c.c_int, [c.c_void_p, c.c_char_p]),
        "gijiroku_render_options_set_pdf": (None, [c.c_void_p, c.c_int]),
        "gijiroku_render_options_set_xhtml": (None, [c.c_void_p, c.c_int]),
        "gijiroku_render_options_set_pdf_path": (c.c_int, [c.c_void_p, c.c_char_p]),
        "gijiroku_render_options_set_xhtml_path": (c.c_int, [c.c_void_p, c.c_char_p]),
        "gijiroku_render_options_set_kinsoku": (None, [c.c_void_p, c.c_int]),
        "gijiroku_render_options_set_source_date_epoch": (None, [c.c_void_p, c.c_int64]),
        "gijiroku_render_options_set_allow_base_glyph": (None, [c.c_void_p, c.c_int]),
        "gijiroku_validate_file": (c.c_void_p, [c.c_void_p, c.c_char_p]),
        "gijiroku_validate_memory": (c.c_void_p, [c.c_void_p, c.c_char_p, c.c_char_p, c.c_size_t]),
        "gijiroku_render_file": (c.c_void_p, [c.c_void_p, c.c_char_p, c.c_void_p]),
        "gijiroku_render_memory": (c.c_void_p, [c.c_void_p, c.c_char_p, c.c_char_p, c.c_size_t, c.c_void_p]),
        "gijiroku_result_ok": (c.c_int, [c.c_void_p]),
        "gijiroku_result_error_count": (c.c_size_t, [c.c_void_p]),
        "gijiroku_result_warning_count": (c.c_size_t, [c.c_void_p]),
        "gijiroku_result_pdf": (c.POINTER(c.c_ubyte), [c.c_void_p, c.POINTER(c.c_size_t)]),
        "gijiroku_result_xhtml": (c.POINTER(c.c_ubyte), [c.c_void_p, c.POINTER(c.c_size_t)]),
        "gijiroku_result_diagnostic_count": (c.c_size_t, [c.c_void_p]),
        "gijiroku_diagnostic_code": (c.c_char_p, [c.c_void_p, c.c_size_t]),
        "gijiroku_diagnostic_severity": (c.c_int, [c.c_void_p, c.c_size_t]),
        "gijiroku_diagnostic_file": (c.c_char_p, [c.c_void_p, c.c_size_t]),
        "gijiroku_diagnostic_line": (c.c_uint32, [c.c_void_p, c.c_size_t]),
        "gijiroku_diagnostic_column": (c.c_uint32, [c.c_void_p, c.c_size_t]),
        "gijiroku_diagnostic_message_en": (c.c_char_p, [c.c_void_p, c.c_size_t]),
        "gijiroku_diagnostic_message_ja": (c.c_char_p, [c.c_void_p, c.c_size_t]),
        "gijiroku_diagnostic_hint": (c.c_char_p, [c.c_void_p, c.c_size_t]),
        "gijiroku_diagnostic_hint_ja": (c.c_char_p, [c.c_void_p, c.c_size_t]),
        # c_void_p, not c_char_p: the string must go back to gijiroku_string_free.
        "gijiroku_result_format_diagnostics": (c.c_void_p, [c.c_void_p, c.c_int, c.c_int]),
        "gijiroku_result_free": (None, [c.c_void_p]),
        "gijiroku_string_free": (None, [c.c_void_p]),
    }
    for name, (res, argtypes) in sig.items():
        f = getattr(lib, name)
        f.restype = res
        f.argtypes = argtypes
    return lib


def result_bytes(lib, r, which):
    size = ctypes.c_size_t(12345)
    p = getattr(lib, f"gijiroku_result_{which}")(r, ctypes.byref(size))
    if not p:
        check(size.value == 0, f"no {which} but size {size.value}")
        return b""
    return ctypes.string_at(p, size.value)


def result_diagnostics(lib, r):
    out = []
    for i in range(lib.gijiroku_result_diagnostic_count(r)):
        sev = {0: "note", 1: "warning", 2: "error"}[lib.gijiroku_diagnostic_severity(r, i)]
        out.append({
            "file": lib.gijiroku_diagnostic_file(r, i).decode(),
            "line": lib.gijiroku_diagnostic_line(r, i),
            "column": lib.gijiroku_diagnostic_column(r, i),
            "severity": sev,
            "code": lib.gijiroku_diagnostic_code(r, i).decode(),
            "message": lib.gijiroku_diagnostic_message_en(r, i).decode(),
            "message_ja": lib.gijiroku_diagnostic_message_ja(r, i).decode(),
            "hint": lib.gijiroku_diagnostic_hint(r, i).decode(),
            "hint_ja": lib.gijiroku_diagnostic_hint_ja(r, i).decode(),
        })
    return out


def test_ctypes():
    """The C API from Python's ctypes against the build tree's libgijiroku.so: the CLI's bytes,
    the CLI's diagnostics, files written atomically, concurrent renders on one engine."""
    w = workdir("ctypes")
    lib = load_c_api(ARGS.library)
    version = run([ARGS.gijiroku, "--version"]).stdout.decode().split()[-1]
    check(lib.gijiroku_version().decode() == version, f"version {lib.gijiroku_version()} != CLI {version}")

    setup = ctypes.c_void_p()
    engine = lib.gijiroku_engine_new(None, None, ctypes.byref(setup))
    check(engine, "gijiroku_engine_new failed")
    check(setup.value and lib.gijiroku_result_diagnostic_count(setup) == 0, "set-up diagnostics for a sound data folder")
    lib.gijiroku_result_free(setup)
    check(Path(lib.gijiroku_engine_data_dir(engine).decode(), "templates").is_dir(), "engine data_dir")

    # The templates, as `gijiroku templates` lists them.
    listed = [l.split()[0] for l in run([ARGS.gijiroku, "templates"]).stdout.decode().splitlines()]
    names = [lib.gijiroku_engine_template_name(engine, i).decode()
             for i in range(lib.gijiroku_engine_template_count(engine))]
    check(names == listed and set(TEMPLATES) <= set(names), f"templates {names} != CLI {listed}")
    check(lib.gijiroku_engine_template_name(engine, len(names)) is None, "template index out of range is not NULL")

    opts = lib.gijiroku_render_options_new()
    lib.gijiroku_render_options_set_pdf(opts, 1)
    lib.gijiroku_render_options_set_xhtml(opts, 1)
    for f in examples():
        r = lib.gijiroku_render_file(engine, str(f).encode(), opts)
        check(r and lib.gijiroku_result_ok(r), f"render_file {f.name} failed")
        same_as_cli(f, result_bytes(lib, r, "pdf"), result_bytes(lib, r, "xhtml"), "ctypes render_file")
        lib.gijiroku_result_free(r)
        data = f.read_bytes()
        r = lib.gijiroku_render_memory(engine, f.name.encode(), data, len(data), opts)
        check(r and lib.gijiroku_result_ok(r), f"render_memory {f.name} failed")
        same_as_cli(f, result_bytes(lib, r, "pdf"), result_bytes(lib, r, "xhtml"), "ctypes render_memory")
        lib.gijiroku_result_free(r)

    # Options: template, SOURCE_DATE_EPOCH, and writing to paths (bytes then not kept).
    seed = Path(ARGS.source) / "examples" / SEED
    o2 = lib.gijiroku_render_options_new()
    check(lib.gijiroku_render_options_set_template(o2, b"city-kaigiroku") == 0, "set_template")
    lib.gijiroku_render_options_set_source_date_epoch(o2, int(EPOCH))
    lib.gijiroku_render_options_set_pdf_path(o2, str(w / "seed.pdf").encode())
    lib.gijiroku_render_options_set_xhtml_path(o2, str(w / "seed.xhtml").encode())
    r = lib.gijiroku_render_file(engine, str(seed).encode(), o2)
    check(r and lib.gijiroku_result_ok(r), "render to paths failed")
    check(result_bytes(lib, r, "pdf") == b"", "PDF bytes kept although only a path was asked for")
    lib.gijiroku_result_free(r)
    same_as_cli(seed, (w / "seed.pdf").read_bytes(), (w / "seed.xhtml").read_bytes(), "ctypes to paths",
                template="city-kaigiroku", epoch=EPOCH)
    # An unwritable path: E004, no exception, the other output not written after it.
    lib.gijiroku_render_options_set_pdf_path(o2, str(w / "no-such-folder" / "x.pdf").encode())
    lib.gijiroku_render_options_set_xhtml_path(o2, str(w / "after-failure.xhtml").encode())
    r = lib.gijiroku_render_file(engine, str(seed).encode(), o2)
    ds = result_diagnostics(lib, r)
    check(not lib.gijiroku_result_ok(r) and [d["code"] for d in ds] == ["E004"],
          f"unwritable output: {ds}")
    check(ds[0]["file"].endswith("x.pdf") and "No such file" in ds[0]["message"], f"E004 message: {ds[0]}")
    check(not (w / "after-failure.xhtml").exists(), "the XHTML was written after the PDF failed")
    lib.gijiroku_result_free(r)
    lib.gijiroku_render_options_free(o2)

    # Diagnostics by index: the same values as the CLI's JSON for the same file.
    bad, line, column = invalid_document(w)
    cli = run([ARGS.gijiroku, "validate", "--format", "json", bad], ok=False)
    check(cli.returncode == 1, "CLI: the invalid document is not invalid")
    cli_ds = [json.loads(l) for l in cli.stderr.decode().splitlines() if l.startswith("{")]
    for via in ("file", "memory"):
        if via == "file":
            r = lib.gijiroku_validate_file(engine, str(bad).encode())
        else:
            data = bad.read_bytes()
            r = lib.gijiroku_validate_memory(engine, str(bad).encode(), data, len(data))
        ds = result_diagnostics(lib, r)
        check(lib.gijiroku_result_ok(r) == 0 and lib.gijiroku_result_error_count(r) == 1, f"validate_{via}: {ds}")
        d = ds[0]
        check((d["code"], d["severity"], d["line"], d["column"]) == ("E301", "error", line, column),
              f"validate_{via}: {d} (want E301 error at {line}:{column})")
        check("火曜日" in d["message_ja"] and "Tuesday" in d["message"], f"validate_{via} messages: {d}")
        for key in ("file", "line", "column", "severity", "code", "message", "message_ja", "hint"):
            check(d[key] == cli_ds[0].get(key), f"validate_{via}: {key} {d[key]!r} != CLI {cli_ds[0].get(key)!r}")
        check(lib.gijiroku_diagnostic_code(r, 99) is None and lib.gijiroku_diagnostic_line(r, 99) == 0,
              "diagnostic index out of range")
        text_p = lib.gijiroku_result_format_diagnostics(r, 1, 0)
        text = ctypes.string_at(text_p).decode()
        lib.gijiroku_string_free(text_p)
        check(f"{bad}:{line}:{column}: エラー[E301]" in text and "^" in text, f"formatted (ja):\n{text}")
        lib.gijiroku_result_free(r)
    # Rendering the invalid document: diagnostics, no bytes.
    data = bad.read_bytes()
    r = lib.gijiroku_render_memory(engine, b"bad.xml", data, len(data), opts)
    check(not lib.gijiroku_result_ok(r) and result_bytes(lib, r, "pdf") == b"", "invalid document rendered")
    lib.gijiroku_result_free(r)
    # A file that does not exist: E002, not NULL.
    r = lib.gijiroku_render_file(engine, str(w / "missing.xml").encode(), opts)
    check(r and [d["code"] for d in result_diagnostics(lib, r)] == ["E002"], "missing file is not E002")
    lib.gijiroku_result_free(r)
    # NULL arguments: NULL back, nothing thrown; free(NULL) is allowed.
    check(lib.gijiroku_render_file(None, b"x.xml", opts) is None, "NULL engine accepted")
    check(lib.gijiroku_validate_file(engine, None) is None, "NULL path accepted")
    lib.gijiroku_result_free(None)
    lib.gijiroku_engine_free(None)

    # One engine, several Python threads at once (ctypes releases the GIL during the call).
    files = examples() * 3
    results = [None] * len(files)

    def work(i):
        r = lib.gijiroku_render_file(engine, str(files[i]).encode(), opts)
        results[i] = (result_bytes(lib, r, "pdf"), result_bytes(lib, r, "xhtml"))
        lib.gijiroku_result_free(r)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(files))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for f, (pdf, xhtml) in zip(files, results):
        same_as_cli(f, pdf, xhtml, "ctypes, concurrent renders")

    # A data folder that is not one: NULL engine, E001 in the set-up diagnostics.
    bad_setup = ctypes.c_void_p()
    check(lib.gijiroku_engine_new(str(w).encode(), None, ctypes.byref(bad_setup)) is None, "engine on an empty folder")
    check([d["code"] for d in result_diagnostics(lib, bad_setup)] == ["E001"], "E001 for a missing data folder")
    lib.gijiroku_result_free(bad_setup)

    lib.gijiroku_render_options_free(opts)
    lib.gijiroku_engine_free(engine)


# ------------------------------------------------------------------ exported symbols

def public_cxx_functions():
    """The functions the public C++ headers declare (not define inline), as (class or "", name):
    every declaration `name(...) [const];` outside a private: section."""
    out = set()
    for h in sorted((Path(ARGS.source) / "include" / "gijiroku").glob("*.hpp")):
        text = re.sub(r"//[^\n]*", "", h.read_text(encoding="utf-8"))
        text = re.sub(r"private:.*?\n\};", "};", text, flags=re.S)
        # The class each declaration is in: the nearest preceding "class X {" / "struct X {"
        # whose body is still open there.
        for m in re.finditer(r"(~?\w+)\s*\([^;{}()]*(?:\([^;{}()]*\)[^;{}()]*)*\)\s*(?:const\s*)?;", text):
            name = m.group(1)
            before = text[:m.start()]
            owner = ""
            for c in re.finditer(r"\b(?:class|struct)\s+(\w+)\s*\{", before):
                body = before[c.end():]
                if body.count("{") >= body.count("}"):
                    owner = c.group(1)
            if name in ("static", "return", "if", "sizeof", "operator"):
                continue
            out.add((owner, name))
    return out


def exported_symbols(so):
    r = run(["nm", "-D", "--defined-only", "--demangle", so])
    syms = []
    for l in r.stdout.decode().splitlines():
        parts = l.split(None, 2)
        if len(parts) == 3:
            syms.append(parts[2])
    return syms


def test_symbols():
    """libgijiroku.so exports the public API (every C function of gijiroku.h, every function
    the C++ headers of include/gijiroku/ declare) and nothing else: no module internals, no
    std:: instantiations."""
    syms = exported_symbols(ARGS.library)
    header = (Path(ARGS.source) / "include" / "gijiroku" / "gijiroku.h").read_text(encoding="utf-8")
    declared = set(re.findall(r"GIJIROKU_C_API\s[^;]*?\b(gijiroku_\w+)\s*\(", header))
    check(len(declared) >= 30, f"could not read the C declarations from gijiroku.h ({len(declared)})")
    exported_c = {s for s in syms if re.fullmatch(r"gijiroku_\w+", s)}
    check(exported_c == declared, f"C symbols: missing {sorted(declared - exported_c)}, "
                                  f"extra {sorted(exported_c - declared)}")
    public = public_cxx_functions()
    check(("Engine", "render") in public and ("", "write_file_atomically") in public
          and ("Engine", "~Engine") in public, f"could not read the C++ declarations: {sorted(public)}")
    exported_cxx = set()
    stray = []
    for s in syms:
        if s in exported_c:
            continue
        m = re.match(r"gijiroku::(?:(Engine|Input)::)?(~?\w+)(?:\[abi:cxx11\])?\(", s)
        if not m or (m.group(1) or "", m.group(2)) not in public:
            stray.append(s)
        else:
            exported_cxx.add((m.group(1) or "", m.group(2)))
    check(not stray, "symbols outside the public API are exported:\n  " + "\n  ".join(stray[:20]))
    missing = sorted(public - exported_cxx)
    check(not missing, f"declared in include/gijiroku/ but not exported (add them to cmake/gijiroku.map): {missing}")
    soname = re.search(r"SONAME\)\s+Library soname: \[(.*?)\]", run(["readelf", "-d", ARGS.library]).stdout.decode())
    check(soname and re.fullmatch(r"libgijiroku\.so\.\d+(\.\d+)?", soname.group(1)), f"SONAME: {soname}")


# ------------------------------------------------------------------ install into a prefix


def install_prefix(prefix):
    run([ARGS.cmake, "--install", ARGS.build, "--prefix", prefix])
    libs = sorted(prefix.glob("lib*/**/libgijiroku.so"))
    check(len(libs) == 1, f"libgijiroku.so under {prefix}: {libs}")
    return libs[0].parent


def build_example(src, build, *defs, env=None):
    run([ARGS.cmake, "-S", src, "-B", build, "-G", ARGS.generator, "-DCMAKE_BUILD_TYPE=Release",
         "-DCMAKE_C_FLAGS=-Werror", "-DCMAKE_CXX_FLAGS=-Werror", *defs], env=env)
    run([ARGS.cmake, "--build", build], env=env)
    return build / "gijiroku-embed", build / "gijiroku-embed-c"


def check_embedded(embed, embed_c, elsewhere, data_dir, what, env=None):
    """Runs both example programs from an unrelated working folder, renders the seed and checks
    the bytes and where the data was found."""
    seed = Path(ARGS.source) / "examples" / SEED
    out = elsewhere / what
    r = run([embed, "--out-dir", out, seed], cwd=elsewhere, env=env)
    check(Path(data_line(r.stdout)).resolve() == data_dir.resolve(),
          f"{what}: data found in {data_line(r.stdout)}, not {data_dir}")
    same_as_cli(seed, (out / "tokyo-2025-03-25.pdf").read_bytes(), (out / "tokyo-2025-03-25.xhtml").read_bytes(), what)
    r = run([embed_c, seed, out / "c.pdf", out / "c.xhtml"], cwd=elsewhere, env=env)
    check(Path(data_line(r.stdout)).resolve() == data_dir.resolve(), f"{what} (C): data found in {data_line(r.stdout)}")
    same_as_cli(seed, (out / "c.pdf").read_bytes(), (out / "c.xhtml").read_bytes(), what + " (C)")


def linked_gijiroku(binary, env=None):
    r = run(["ldd", binary], env=env)
    m = re.search(r"libgijiroku\.so\S* => (\S+)", r.stdout.decode())
    return Path(m.group(1)).resolve() if m else None


def test_prefix():
    """cmake --install into a fresh prefix; examples/embed built against it with find_package
    (shared and static) and pkg-config (CMake and a bare compiler line); run from elsewhere; the
    installed binary finds its data relative to itself, also after the prefix has moved."""
    w = workdir("prefix")
    prefix = w / "prefix"
    libdir = install_prefix(prefix)
    share = prefix / "share" / "gijiroku"
    want = [
        "bin/gijiroku", "include/gijiroku/gijiroku.hpp", "include/gijiroku/diagnostic.hpp",
        "include/gijiroku/source_loc.hpp", "include/gijiroku/gijiroku.h",
        "share/gijiroku/schemas/minutes.xsd", "share/gijiroku/schemas/template.xsd",
        "share/gijiroku/fonts/fonts.xml", "share/gijiroku/fonts/OFL.txt",
        "share/gijiroku/fonts/BIZUDMincho-Regular.ttf", "share/gijiroku/fonts/BIZUDGothic-Regular.ttf",
        "share/gijiroku/fonts/BIZUDGothic-Bold.ttf", "share/gijiroku/examples/" + SEED,
        "share/man/man1/gijiroku.1",
    ] + [f"share/gijiroku/templates/{t}.xml" for t in TEMPLATES]
    missing = [p for p in want if not (prefix / p).is_file()]
    check(not missing, f"not installed: {missing}")
    for p in ("libgijiroku.a", "pkgconfig/gijiroku.pc", "cmake/gijiroku/gijirokuConfig.cmake",
              "cmake/gijiroku/gijirokuConfigVersion.cmake", "cmake/gijiroku/gijirokuTargets.cmake"):
        check((libdir / p).is_file(), f"not installed: {libdir / p}")
    check(any(libdir.glob("libgijiroku.so.*")), "no versioned libgijiroku.so.N")
    # Nothing installed points back into the build or source tree.
    for f in [prefix / "bin/gijiroku", libdir / "libgijiroku.so"]:
        dyn = run(["readelf", "-d", f]).stdout.decode()
        check("RPATH" not in dyn and "RUNPATH" not in dyn, f"{f} keeps a build RPATH:\n{dyn}")
    for f in (libdir / "cmake" / "gijiroku").glob("*.cmake"):
        text = f.read_text()
        check(ARGS.build not in text and str(prefix) not in text, f"{f} names an absolute build or install path")
    check(str(prefix) not in (libdir / "pkgconfig/gijiroku.pc").read_text(), "gijiroku.pc is not relocatable")

    elsewhere = w / "elsewhere"
    elsewhere.mkdir()
    src = Path(ARGS.source) / "examples" / "embed"
    # 1. find_package(gijiroku) → gijiroku::gijiroku (libgijiroku.so).
    embed, embed_c = build_example(src, w / "fp", f"-DCMAKE_PREFIX_PATH={prefix}")
    check(linked_gijiroku(embed) == (libdir / "libgijiroku.so").resolve(),
          f"find_package build does not load the installed library: {linked_gijiroku(embed)}")
    check_embedded(embed, embed_c, elsewhere, share, "find_package")
    # 2. find_package(gijiroku COMPONENTS static) → gijiroku::gijiroku_static (libgijiroku.a).
    s_embed, s_embed_c = build_example(src, w / "fp-static", f"-DCMAKE_PREFIX_PATH={prefix}", "-DEMBED_STATIC=ON")
    check(linked_gijiroku(s_embed) is None and linked_gijiroku(s_embed_c) is None, "the static build loads libgijiroku.so")
    # A static program has no library to find the data next to: it is told where it is.
    check_embedded(s_embed, s_embed_c, elsewhere, share, "find_package static",
                   env=clean_env({"GIJIROKU_DATA_DIR": str(share)}))
    # 3. pkg-config through CMake's pkg_check_modules.
    pc_env = clean_env({"PKG_CONFIG_PATH": str(libdir / "pkgconfig")})
    embed, embed_c = build_example(src, w / "pc", "-DEMBED_WITH_PKGCONFIG=ON", env=pc_env)
    check(linked_gijiroku(embed) == (libdir / "libgijiroku.so").resolve(), "pkg-config build: wrong library")
    check_embedded(embed, embed_c, elsewhere, share, "pkg-config (CMake)")
    # 4. pkg-config on a bare compiler line, as the README shows.
    flags = run(["pkg-config", "--cflags", "--libs", "gijiroku"], env=pc_env).stdout.decode().split()
    rpath = f"-Wl,-rpath,{libdir}"
    bare = w / "bare"
    bare.mkdir()
    run(["c++", "-std=c++20", "-Wall", "-Wextra", "-Werror", src / "embed.cpp", *flags, rpath, "-pthread",
         "-o", bare / "gijiroku-embed"], env=pc_env)
    run(["cc", "-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror", src / "embed.c", *flags, rpath,
         "-o", bare / "gijiroku-embed-c"], env=pc_env)
    check_embedded(bare / "gijiroku-embed", bare / "gijiroku-embed-c", elsewhere, share, "pkg-config (compiler)")

    # The installed binary, run from elsewhere, renders the seed with the prefix's data. A probe
    # template only the prefix has proves the data came from the prefix, not the source tree.
    tokyo = (share / "templates" / "tokyo-gijiyoshi.xml").read_text(encoding="utf-8")
    probe = tokyo.replace('id="tokyo-gijiyoshi"', 'id="install-probe"', 1)
    check(probe != tokyo, "cannot make the probe template")
    (share / "templates" / "install-probe.xml").write_text(probe, encoding="utf-8")

    def installed_binary_works(pfx, what):
        binary = pfx / "bin" / "gijiroku"
        names = [l.split()[0] for l in run([binary, "templates"], cwd=elsewhere).stdout.decode().splitlines()]
        check("install-probe" in names, f"{what}: the installed binary does not read its prefix's templates: {names}")
        out = elsewhere / ("bin-" + what)
        out.mkdir()
        seed = pfx / "share" / "gijiroku" / "examples" / SEED
        run([binary, "render", seed, "--pdf", out / "s.pdf", "--xhtml", out / "s.xhtml"], cwd=elsewhere)
        same_as_cli(Path(ARGS.source) / "examples" / SEED, (out / "s.pdf").read_bytes(), (out / "s.xhtml").read_bytes(),
                    what)

    installed_binary_works(prefix, "installed binary")
    check("install-probe" not in run([ARGS.gijiroku, "templates"]).stdout.decode(), "the build tree sees the probe")

    # Move the whole prefix: binary, library, CMake package and pkg-config file still work.
    moved = w / "moved" / "elsewhere-prefix"
    moved.parent.mkdir()
    prefix.rename(moved)
    installed_binary_works(moved, "moved prefix")
    moved_lib = moved / libdir.relative_to(prefix)
    env = clean_env({"LD_LIBRARY_PATH": str(moved_lib)})
    check(linked_gijiroku(bare / "gijiroku-embed", env=env) == (moved_lib / "libgijiroku.so").resolve(),
          "the moved library is not the one loaded")
    check_embedded(bare / "gijiroku-embed", bare / "gijiroku-embed-c", elsewhere, moved / "share" / "gijiroku",
                   "moved prefix, library", env=env)
    pc = run(["pkg-config", "--variable=libdir", "gijiroku"],
             env=clean_env({"PKG_CONFIG_PATH": str(moved_lib / "pkgconfig")})).stdout.decode().strip()
    check(Path(pc).resolve() == moved_lib.resolve(), f"pkg-config libdir after the move: {pc}")
    embed, _ = build_example(src, w / "fp-moved", f"-DCMAKE_PREFIX_PATH={moved}")
    check(linked_gijiroku(embed) == (moved_lib / "libgijiroku.so").resolve(), "find_package after the move")
    shutil.rmtree(w)


# ------------------------------------------------------------------ batch rendering


def test_batch():
    """render --out-dir on 200 copies of the examples with -j 2: one summary line each, every
    output the CLI's bytes; a bad file among them fails alone; clashing names are refused."""
    w = workdir("batch")
    inputs = w / "in"
    inputs.mkdir()
    sources = examples()
    copies = []
    for i in range(200):
        src = sources[i % len(sources)]
        dst = inputs / f"{i:03d}-{src.name}"
        shutil.copyfile(src, dst)
        copies.append((dst, src))
    out = w / "out"
    r = run([ARGS.gijiroku, "render", "--out-dir", out, "-j", "2", *[c for c, _ in copies]], timeout=1800)
    lines = r.stdout.decode().splitlines()
    check(len(lines) == 200, f"{len(lines)} summary lines for 200 files")
    for dst, src in copies:
        mine = [l for l in lines if l.startswith(f"{dst}: ")]
        check(len(mine) == 1 and mine[0].startswith(f"{dst}: ok"), f"summary of {dst.name}: {mine}")
        same_as_cli(src, (out / (dst.stem + ".pdf")).read_bytes(), (out / (dst.stem + ".xhtml")).read_bytes(),
                    "render --out-dir -j 2")
    check(len(list(out.iterdir())) == 400, "not exactly 400 outputs")

    # One invalid file, one missing: the others are still written; exit 1 when only documents
    # failed, 2 when a file could not be read (whatever order the workers finish in).
    bad, _, _ = invalid_document(w)
    some = [c for c, _ in copies[:4]]
    for files, status in (([*some, bad], 1), ([bad, *some, w / "missing.xml"], 2)):
        out2 = w / f"out-{status}"
        r = run([ARGS.gijiroku, "render", "--out-dir", out2, "-j", "2", *files], ok=False)
        lines = r.stdout.decode().splitlines()
        check(r.returncode == status, f"exit {r.returncode}, want {status}")
        check(len(lines) == len(files), f"{len(lines)} summary lines for {len(files)} files")
        check(any(l == f"{bad}: failed, 1 error" for l in lines), f"no failure line for {bad.name}: {lines}")
        check(f"error[E301]" in r.stderr.decode(), "the failure's diagnostic is not printed")
        for c in some:
            check((out2 / (c.stem + ".pdf")).is_file() and (out2 / (c.stem + ".xhtml")).is_file(),
                  f"{c.name} not written next to a failure")
        check(not (out2 / "bad-weekday.pdf").exists(), "an invalid document was written")

    # Two inputs that would write the same DIR/x.pdf: refused before anything is rendered.
    (w / "a").mkdir()
    (w / "b").mkdir()
    shutil.copyfile(sources[0], w / "a" / "x.xml")
    shutil.copyfile(sources[1], w / "b" / "x.xml")
    out3 = w / "out-clash"
    r = run([ARGS.gijiroku, "render", "--out-dir", out3, w / "a" / "x.xml", w / "b" / "x.xml"], ok=False)
    check(r.returncode == 2 and b"would both write" in r.stderr, f"name clash: exit {r.returncode} {r.stderr!r}")
    check(not out3.exists() or not any(out3.iterdir()), "something was written despite the clash")
    shutil.rmtree(w)


def peak_rss_kib(cmd, cwd=None):
    """Runs a command and returns (exit status, stdout, its peak resident set in KiB)."""
    proc = subprocess.Popen([str(c) for c in cmd], cwd=cwd, env=clean_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, out, usage.ru_maxrss


def test_batch_memory():
    """A folder of 1,000 minutes renders (-j 2) in no more memory than 100 do: templates and
    fonts are shared, each job holds one document at a time, nothing accumulates per file."""
    w = workdir("batch_memory")
    sources = examples()
    peaks = {}
    for count in (100, 1000):
        folder = w / f"in{count}"
        folder.mkdir()
        for i in range(count):
            src = sources[i % len(sources)]
            shutil.copyfile(src, folder / f"{i:04d}-{src.name}")
        files = sorted(folder.glob("*.xml"))
        status, out, peak = peak_rss_kib([ARGS.gijiroku, "render", "--out-dir", w / f"out{count}", "-j", "2", *files])
        check(status == 0, f"{count} files: exit {status}")
        check(len(out.decode().splitlines()) == count, f"{count} files: not one summary line each")
        check(len(list((w / f"out{count}").iterdir())) == 2 * count, f"{count} files: not every output written")
        peaks[count] = peak
        shutil.rmtree(w / f"out{count}")
    # The same documents over and over: ten times the files may not cost more than a few MiB
    # of allocator noise above the 100-file peak (a leak of one PDF per file would add
    # hundreds of MiB).
    check(peaks[1000] <= peaks[100] * 1.15 + 4096,
          f"peak memory grows with the number of files: {peaks[100]} KiB for 100, {peaks[1000]} KiB for 1,000")
    print(f"peak RSS: {peaks[100]} KiB for 100 files, {peaks[1000]} KiB for 1,000")
    shutil.rmtree(w)


# ------------------------------------------------------------------ the Debian package


def test_deb():
    """cpack -G DEB: the package's dependencies are Debian 12 runtime packages, its contents are
    complete, and its binary, unpacked anywhere (dpkg -x), renders the seed as the CLI does.
    apt-get checks (--simulate) that the package installs on this system."""
    w = workdir("deb")
    run([ARGS.cpack, "-G", "DEB", "-B", w, "--config", Path(ARGS.build) / "CPackConfig.cmake"], timeout=1200)
    debs = sorted(w.glob("*.deb"))
    check(len(debs) == 1, f"packages built: {debs}")
    deb = debs[0]
    info = run(["dpkg-deb", "-I", deb]).stdout.decode()
    m = re.search(r"^ Depends: (.*)$", info, re.M)
    check(m, f"no Depends in:\n{info}")
    depends = {d.strip().split()[0] for d in m.group(1).split(",")}
    need = {"libxml2", "libicu72", "libharfbuzz0b", "libharfbuzz-subset0", "libfreetype6", "libhpdf-2.3.0",
            "fonts-ipamj-mincho", "libc6", "libstdc++6"}
    check(need <= depends, f"Depends lacks {sorted(need - depends)}: {m.group(1)}")
    check(not any(d.endswith("-dev") for d in depends), f"Depends names a -dev package: {m.group(1)}")
    check(re.search(r"^ Package: gijiroku$", info, re.M) and re.search(r"^ Architecture: \S+$", info, re.M),
          f"control:\n{info}")
    contents = run(["dpkg-deb", "-c", deb]).stdout.decode()
    for p in ["./usr/bin/gijiroku", "/libgijiroku.so.", "/libgijiroku.a", "./usr/include/gijiroku/gijiroku.h",
              "./usr/include/gijiroku/gijiroku.hpp", "./usr/share/gijiroku/fonts/OFL.txt",
              "./usr/share/gijiroku/fonts/fonts.xml", "./usr/share/gijiroku/fonts/BIZUDMincho-Regular.ttf",
              "./usr/share/gijiroku/schemas/minutes.xsd", "./usr/share/gijiroku/templates/tokyo-gijiyoshi.xml",
              "./usr/share/gijiroku/examples/" + SEED, "./usr/share/man/man1/gijiroku.1",
              "/cmake/gijiroku/gijirokuConfig.cmake", "/pkgconfig/gijiroku.pc"]:
        check(p in contents, f"{p} is not in the package")
    check("/build" not in contents and "/work/" not in contents, "the package holds build paths")

    root = w / "root"
    run(["dpkg", "-x", deb, root])
    binary = root / "usr" / "bin" / "gijiroku"
    elsewhere = w / "elsewhere"
    elsewhere.mkdir()
    names = [l.split()[0] for l in run([binary, "templates"], cwd=elsewhere).stdout.decode().splitlines()]
    check(names == TEMPLATES, f"templates of the unpacked package: {names}")
    seed = root / "usr" / "share" / "gijiroku" / "examples" / SEED
    run([binary, "render", seed, "--pdf", elsewhere / "s.pdf", "--xhtml", elsewhere / "s.xhtml"], cwd=elsewhere)
    same_as_cli(Path(ARGS.source) / "examples" / SEED, (elsewhere / "s.pdf").read_bytes(),
                (elsewhere / "s.xhtml").read_bytes(), "the .deb's binary")
    # The package's library, CMake package and (stripped) static library, unpacked anywhere.
    usr = root / "usr"
    libdir = sorted(usr.glob("lib*/**/libgijiroku.so"))[0].parent
    src = Path(ARGS.source) / "examples" / "embed"
    embed, embed_c = build_example(src, w / "fp", f"-DCMAKE_PREFIX_PATH={usr}")
    env = clean_env({"LD_LIBRARY_PATH": str(libdir)})
    check(linked_gijiroku(embed, env=env) == (libdir / "libgijiroku.so").resolve(), "not the package's library")
    check_embedded(embed, embed_c, elsewhere, usr / "share" / "gijiroku", "the .deb's library", env=env)
    s_embed, s_embed_c = build_example(src, w / "fp-static", f"-DCMAKE_PREFIX_PATH={usr}", "-DEMBED_STATIC=ON")
    check_embedded(s_embed, s_embed_c, elsewhere, usr / "share" / "gijiroku", "the .deb's static library",
                   env=clean_env({"GIJIROKU_DATA_DIR": str(usr / "share" / "gijiroku")}))
    if shutil.which("apt-get"):
        r = run(["apt-get", "install", "--simulate", "--no-install-recommends", str(deb.resolve())], ok=False,
                cwd=w, env=clean_env({"DEBIAN_FRONTEND": "noninteractive"}))
        out = r.stdout.decode() + r.stderr.decode()
        check(r.returncode == 0 and re.search(r"^Inst gijiroku ", out, re.M), f"apt-get --simulate:\n{out}")
    shutil.rmtree(w)


# ------------------------------------------------------------------ the user documentation

DOC_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<minutes xmlns="urn:gijiroku:minutes:1" version="1.0" kind="summary" xml:lang="ja">\n')
DOC_HEADER = ('  <header>\n    <body-name>東京都医療的ケア児支援地域協議会</body-name>\n'
              '    <session fiscal-year="2024" number="3"/>\n  </header>\n')
# The attendees and handouts the documentation's proceedings examples name (docs/vocabulary.md).
DOC_CAST = """  <particulars>
    <datetime date="2025-03-25" weekday="火曜日" start="18:30" end="20:15"/>
    <attendance>
      <group id="委員" kind="members">
        <person id="前田" name="前田" title="委員" role="会長"/>
        <person id="岩﨑" name="岩﨑" title="委員"/>
        <person id="中嶽" name="中嶽" title="委員"/>
      </group>
      <group id="事務局" kind="secretariat"/>
    </attendance>
    <handouts>
      <handout id="h1" number="資料1">協議会の運営について</handout>
      <handout id="h2" number="資料2">事業の実施状況</handout>
    </handouts>
  </particulars>
"""


def doc_for(context, snippet):
    """A whole minutes document holding a documentation snippet at its place."""
    if context == "document":
        return snippet
    if context == "header":
        return DOC_HEAD + "  <header>\n" + snippet + "  </header>\n</minutes>\n"
    if context == "particulars":
        return DOC_HEAD + DOC_HEADER + "  <particulars>\n" + snippet + "  </particulars>\n</minutes>\n"
    body = {"proceedings": snippet,
            "item": "<item>\n<title>医療的ケア児支援センターの運営状況</title>\n" + snippet + "</item>\n",
            "inline": "<p>" + snippet.strip() + "</p>\n",
            "end": "<p>本文</p>\n"}[context]
    tail = snippet if context == "end" else ""
    return DOC_HEAD + DOC_HEADER + DOC_CAST + "  <proceedings>\n" + body + "  </proceedings>\n" + tail + "</minutes>\n"


def doc_blocks(path):
    """(info words, text, line) of every fenced block of a Markdown file."""
    blocks, lines = [], path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)```(\S*)(.*)$", lines[i])
        if not m or not m.group(2):
            i += 1
            continue
        indent, start = len(m.group(1)), i
        words = [m.group(2)] + m.group(3).split()
        body = []
        i += 1
        while i < len(lines) and not re.match(r"^\s*```\s*$", lines[i]):
            body.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i])
            i += 1
        blocks.append((words, "\n".join(body) + "\n", start + 1))
        i += 1
    return blocks


def option(words, name):
    for w in words:
        if w.startswith(name + "="):
            return w.split("=", 1)[1]
    return None


def test_docs():
    """Every example of the user documentation works: each XML block marked check=CONTEXT is
    validated and rendered (or fails with the code it says, expect=E301), each template block
    renders the seed, each sh block marked check=run runs (a line ending in '# exit N' must
    exit N), each C/C++ program marked check=run compiles against the library and renders the
    seed as the CLI does."""
    w = workdir("docs")
    docs = sorted((Path(ARGS.source) / "docs").glob("*.md"))
    check(len(docs) >= 10, f"the documentation is missing files: {[d.name for d in docs]}")
    # A sandbox for the commands: examples/, minutes/ with a few documents, gijiroku on PATH.
    sandbox = w / "sandbox"
    shutil.copytree(Path(ARGS.source) / "examples", sandbox / "examples",
                    ignore=shutil.ignore_patterns("embed"))
    (sandbox / "minutes").mkdir()
    for f in examples():
        shutil.copyfile(f, sandbox / "minutes" / f.name)
    bindir = w / "bin"
    bindir.mkdir()
    (bindir / "gijiroku").symlink_to(Path(ARGS.gijiroku).resolve())
    env = clean_env({"PATH": f"{bindir}:{os.environ.get('PATH', '/usr/bin:/bin')}"})
    # Every relative link between the pages leads to a file.
    for md in docs:
        for target in re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", md.read_text(encoding="utf-8")):
            check((md.parent / target).exists(), f"{md.name}: the link {target} leads nowhere")
    counts = {"xml": 0, "template": 0, "sh": 0, "program": 0}
    last_output = ""
    n = 0
    for md in docs:
        for words, text, line in doc_blocks(md):
            where = f"{md.name}:{line}"
            context = option(words, "check")
            if not context:
                continue
            n += 1
            lang = words[0]
            if lang == "xml" and context == "template":
                tdir = w / f"t{n}"
                tdir.mkdir()
                tid = re.search(r'<template[^>]*\bid="([^"]+)"', text)
                check(tid, f"{where}: a template block without an id")
                tpath = tdir / f"{tid.group(1)}.xml"
                tpath.write_text(text, encoding="utf-8")
                # Later commands of the same page may use it as ./ID.xml.
                shutil.copyfile(tpath, sandbox / tpath.name)
                for f in examples():
                    r = run([ARGS.gijiroku, "render", f, "--template", tpath, "--pdf", tdir / "o.pdf",
                             "--xhtml", tdir / "o.xhtml"], ok=False, env=env)
                    check(r.returncode == 0, f"{where}: the template does not render {f.name}:\n{r.stderr.decode()}")
                counts["template"] += 1
            elif lang == "xml":
                doc = w / f"d{n}.xml"
                doc.write_text(doc_for(context, text), encoding="utf-8")
                expect = option(words, "expect")
                r = run([ARGS.gijiroku, "render", doc, "--pdf", w / f"d{n}.pdf", "--xhtml", w / f"d{n}.xhtml"],
                        ok=False, env=env)
                err = r.stderr.decode()
                if expect:
                    check(r.returncode == 1 and f"[{expect}]" in err,
                          f"{where}: expected {expect}, got exit {r.returncode}:\n{err}")
                else:
                    check(r.returncode == 0 and "error[" not in err and "warning[" not in err,
                          f"{where}: the example is not valid, or warns:\n{err}")
                counts["xml"] += 1
            elif lang == "sh" and context == "run":
                script = re.sub(r"\\\n\s*", " ", text)
                for cmd in [l for l in script.split("\n") if l.strip() and not l.lstrip().startswith("#")]:
                    m = re.search(r"#\s*exit\s+(\d+)\s*$", cmd)
                    want = int(m.group(1)) if m else 0
                    r = subprocess.run(["bash", "-c", cmd], cwd=sandbox, env=env, capture_output=True, timeout=600)
                    check(r.returncode == want, f"{where}: `{cmd}` exited {r.returncode}, not {want}:\n"
                                                f"{r.stdout.decode()[-2000:]}{r.stderr.decode()[-2000:]}")
                    last_output = r.stdout.decode() + r.stderr.decode()
                counts["sh"] += 1
            elif lang == "text" and context == "output":
                # The output shown is what the command before it prints, line for line.
                got = last_output.split("\n")
                for l in [l for l in text.split("\n") if l.strip()]:
                    check(l in got, f"{where}: the documented output line\n  {l}\nis not printed:\n{last_output}")
            elif lang in ("c", "cpp") and context == "run":
                exe = w / f"p{n}"
                src = w / f"p{n}.{lang}"
                src.write_text(text, encoding="utf-8")
                libdir = Path(ARGS.library).parent
                compiler = ["cc", "-std=c99", "-Wpedantic"] if lang == "c" else ["c++", "-std=c++20", "-pthread"]
                run([*compiler, "-Wall", "-Wextra", "-Werror", src, f"-I{Path(ARGS.source) / 'include'}",
                     f"-L{libdir}", "-lgijiroku", f"-Wl,-rpath,{libdir}", "-o", exe])
                out = w / f"run{n}"
                out.mkdir()
                seed = Path(ARGS.source) / "examples" / SEED
                run([exe, seed], cwd=out, env=env)
                same_as_cli(seed, (out / "minutes.pdf").read_bytes(), (out / "minutes.xhtml").read_bytes(),
                            f"{where}: the documented program")
                counts["program"] += 1
            elif lang == "python" and context == "run":
                # Run from a folder holding the seed as minutes.xml; the snippet leaves the PDF's
                # bytes in `pdf`, which must be the command's.
                out = w / f"py{n}"
                out.mkdir()
                seed = Path(ARGS.source) / "examples" / SEED
                shutil.copyfile(seed, out / "minutes.xml")
                code = text + "\nopen('minutes.pdf', 'wb').write(pdf)\n"
                run([sys.executable, "-c", code], cwd=out,
                    env=clean_env({"LD_LIBRARY_PATH": str(Path(ARGS.library).parent), "PATH": env["PATH"]}))
                check((out / "minutes.pdf").read_bytes() == cli_render(seed)[0], f"{where}: the PDF differs from the CLI's")
                counts["program"] += 1
            else:
                raise Failure(f"{where}: unknown check {lang} check={context}")
    check(counts["xml"] >= 40 and counts["template"] >= 2 and counts["sh"] >= 4 and counts["program"] >= 3,
          f"fewer checked examples than the documentation should have: {counts}")
    shutil.rmtree(w)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    for a in ("gijiroku", "library", "embed", "embed-c", "source", "build", "cmake", "cpack", "generator", "work"):
        p.add_argument("--" + a, required=True)
    p.add_argument("test")
    ARGS = p.parse_args()
    return run_test(ARGS.test, globals().get("test_" + ARGS.test), "install." + ARGS.test)


if __name__ == "__main__":
    sys.exit(main())
