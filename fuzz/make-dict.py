#!/usr/bin/env python3
"""Writes fuzz/gijiroku.dict, the libFuzzer dictionary of the gijiroku vocabulary, from
schemas/minutes.xsd and schemas/template.xsd: element and attribute names, short enumerated
values, and a few values and wordings the model and templates parse. Run it after a schema
change: fuzz/make-dict.py (from anywhere)."""
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
XS = "{http://www.w3.org/2001/XMLSchema}"

SYNTAX = ['<?xml version="1.0" encoding="UTF-8"?>', 'xmlns="urn:gijiroku:minutes:1"',
          'xmlns="urn:gijiroku:template:1"', 'xml:lang="ja"', 'xml:space="preserve"', "<!--", "-->",
          "<![CDATA[", "]]>", "&amp;", "&lt;", "&#x", '="', "</", "/>", "<!DOCTYPE", "<?", "?>"]
VALUES = ["2025-03-25", "18:30", "24:00", "令和", "平成", "昭和", "R6", "H31", "令和元", "{n}", "{name}",
          "{?role}", "{@", "pt", "mm", "zw", "Q", "GGGGy年M月d日（EEEE）", "﨑", "葛\U000E0100", "\u3000", "・",
          "（１）", "https://", "mailto:", "javascript:"]


def quote(s):
    """libFuzzer's dictionary syntax: printable ASCII as is, \\ and " escaped, other bytes \\xNN."""
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c in '\\"':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F:
            out.append(c)
        else:
            out.append(f"\\x{b:02X}")
    return '"' + "".join(out) + '"'


def main():
    elems, attrs, enums = set(), set(), set()
    for f in ("minutes.xsd", "template.xsd"):
        tree = ET.parse(ROOT / "schemas" / f)
        elems |= {e.get("name") for e in tree.iter(XS + "element") if e.get("name")}
        attrs |= {a.get("name") for a in tree.iter(XS + "attribute") if a.get("name")}
        enums |= {e.get("value") for e in tree.iter(XS + "enumeration") if e.get("value") and len(e.get("value")) < 24}
    lines = ["# libFuzzer dictionary of the gijiroku vocabulary, written by fuzz/make-dict.py from",
             "# schemas/minutes.xsd and schemas/template.xsd: do not edit by hand.", "", "# XML syntax"]
    lines += [quote(s) for s in SYNTAX]
    lines.append("# elements")
    for e in sorted(elems):
        lines += [quote("<" + e), quote("</" + e + ">")]
    lines.append("# attributes")
    lines += [quote(" " + a + '="') for a in sorted(attrs)]
    lines.append("# enumerated values")
    lines += [quote(v) for v in sorted(enums)]
    lines.append("# values and wordings the model and templates parse")
    lines += [quote(v) for v in VALUES]
    (ROOT / "fuzz" / "gijiroku.dict").write_text("\n".join(lines) + "\n", encoding="ascii")


if __name__ == "__main__":
    main()
