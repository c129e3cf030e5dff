#!/usr/bin/env python3
"""Parse an XHTML file with a real XML parser (expat, via xml.etree) and dump it, for the
xhtml unit tests: an independent check that the writer's output is well-formed and that the
text survives escaping unchanged.

Output: "ok", then one line per element in document order,
    E <path> <attr>="<value>" ...          (attributes sorted; XHTML namespace dropped)
and one line per non-blank text segment,
    T <path>: <text>                      (newlines shown as \\n)
On a parse error: "error: <message>" and exit status 1.
"""
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
XMLNS = "{http://www.w3.org/XML/1998/namespace}"


def name(tag):
    if tag.startswith(XHTML):
        return tag[len(XHTML):]
    if tag.startswith(XMLNS):
        return "xml:" + tag[len(XMLNS):]
    return tag


def show(text):
    return text.replace("\n", "\\n")


def walk(el, path, out):
    here = path + "/" + name(el.tag) if path else name(el.tag)
    attrs = " ".join('%s="%s"' % (name(k), show(v)) for k, v in sorted(el.attrib.items(), key=lambda kv: name(kv[0])))
    out.append(("E %s %s" % (here, attrs)).rstrip())
    if el.text and el.text.strip():
        out.append("T %s: %s" % (here, show(el.text)))
    for child in el:
        walk(child, here, out)
        if child.tail and child.tail.strip():
            out.append("T %s: %s" % (here, show(child.tail)))


def main():
    try:
        root = ET.parse(sys.argv[1]).getroot()
    except ET.ParseError as e:
        print("error: %s" % e)
        return 1
    out = ["ok"]
    walk(root, "", out)
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
