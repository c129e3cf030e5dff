#!/usr/bin/env python3
"""Every diagnostic code the sources can report is a row of docs/diagnostics.md (issue 2:
"Every diagnostic code is listed"), and every documented code is still reported somewhere.

Usage: check_diagnostics_documented.py REPO"""
import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
code_re = re.compile(r'"([EWN][0-9]{3})"')
used = {}
for p in sorted((root / "src").rglob("*.[ch]pp")):
    for m in code_re.finditer(p.read_text(encoding="utf-8")):
        used.setdefault(m.group(1), str(p.relative_to(root)))
doc = (root / "docs" / "diagnostics.md").read_text(encoding="utf-8")
documented = set(re.findall(r"^\|\s*([EWN][0-9]{3})\s*\|", doc, re.M))
missing = sorted(set(used) - documented)
stale = sorted(documented - set(used))
for c in missing:
    print(f"{c} (used in {used[c]}) is not a row of docs/diagnostics.md")
for c in stale:
    print(f"{c} is documented but no source reports it")
print(f"{len(used)} codes used, {len(documented)} documented")
sys.exit(1 if missing or stale else 0)
