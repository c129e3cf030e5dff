#!/usr/bin/env python3
"""Writes city-kaigiroku.txt from city-kaigiroku.logical.txt the way `pdftotext -layout` gives
a municipal 会議録 back: lines hard-wrapped at 36 full-width characters (kinsoku: no line
starts with 、。）」 or ー), particulars labels spread (「日 時」) with continuation lines indented,
trailing spaces, a page number 「- N -」 and a form feed every 30 lines, and a running head on
every page after the first. Run it again after editing the logical text."""
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
WIDTH = 72  # columns: 36 full-width characters
NO_START = set("、。，．）」』】ーぁぃぅぇぉっゃゅょァィゥェォッャュョ！？")
LABELS = {"日時": "日 時", "場所": "場 所", "出席者": "出席者", "傍聴者": "傍聴者", "資料": "資 料"}


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def wrap(line, indent=""):
    out, cur = [], ""
    for c in line:
        if width(cur + c) > WIDTH and c not in NO_START:
            out.append(cur)
            cur = indent
        cur += c
    out.append(cur)
    return out


def main():
    src = open(os.path.join(HERE, "city-kaigiroku.logical.txt"), encoding="utf-8").read().splitlines()
    lines = []
    for line in src:
        if not line:
            lines.append("")
            continue
        # 「１日時 …」: the particulars as the PDF sets them, the label spread, the value indented.
        if line[0] in "１２３４５６７８９" and line[1:].split(" ")[0] in LABELS:
            label, value = line[1:].split(" ", 1)
            lines.extend(wrap(line[0] + " " + LABELS[label] + "  " + value, indent="          "))
        else:
            lines.extend(wrap(line))
    pages, page = [], []
    for line in lines:
        page.append(line + (" " if line else ""))  # trailing spaces, as pdftotext leaves them
        if len(page) == 30:
            pages.append(page)
            page = []
    if page:
        pages.append(page)
    text = []
    for n, p in enumerate(pages, 1):
        if n > 1:
            text.append(" " * 50 + "みどり市環境審議会会議録")
            text.append("")
        text.extend(p)
        text.append("")
        text.append(" " * 34 + "- %d -" % n)
        text.append("\f")
    out = "\n".join(text).replace("\n\f\n", "\n\f")
    open(os.path.join(HERE, "city-kaigiroku.txt"), "w", encoding="utf-8").write(out + "\n")


main()
