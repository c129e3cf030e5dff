"""A small, valid TrueType font with Latin letters and digits only, written from the OpenType
specification with the standard library (no fontTools): the "font without Japanese glyphs" of
issue 6. Every glyph is the same box; what matters is that the file is a sound font that
FreeType and HarfBuzz open, so the only thing wrong with it is that it cannot set Japanese.

Tables (OpenType 1.9, "Required tables" and "Tables related to TrueType outlines"): cmap
(format 4), glyf, head, hhea, hmtx, loca (short), maxp (1.0), name, OS/2 (version 4), post (3.0).
"""
import struct

UPEM = 1000
ADVANCE = 500


def _checksum(data):
    data = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def _box_glyph():
    # One contour, four on-curve points (50,0) (450,0) (450,700) (50,700); coordinates as
    # int16 deltas (flags 0x01: on curve, both deltas two bytes).
    header = struct.pack(">hhhhh", 1, 50, 0, 450, 700)
    contour = struct.pack(">HH", 3, 0)  # endPtsOfContours[0] = 3, instructionLength = 0
    flags = bytes([0x01] * 4)
    xs = struct.pack(">hhhh", 50, 400, 0, -400)
    ys = struct.pack(">hhhh", 0, 0, 700, 0)
    return header + contour + flags + xs + ys


def _cmap(chars):
    # Format 4 with one segment per character (glyph id = index + 1), then the 0xFFFF segment.
    codes = sorted(ord(c) for c in chars)
    ends = codes + [0xFFFF]
    starts = codes + [0xFFFF]
    deltas = [(i + 1 - c) & 0xFFFF for i, c in enumerate(codes)] + [1]
    seg = len(ends)
    search = 2 * (1 << (seg.bit_length() - 1))
    selector = (seg.bit_length() - 1)
    body = struct.pack(f">{seg}H", *ends) + b"\0\0" + struct.pack(f">{seg}H", *starts)
    body += struct.pack(f">{seg}H", *deltas) + struct.pack(f">{seg}H", *([0] * seg))
    sub = struct.pack(">HHHHHHH", 4, 14 + len(body), 0, seg * 2, search, selector, seg * 2 - search) + body
    return struct.pack(">HHHHI", 0, 1, 3, 1, 12) + sub


def _name(family):
    names = {1: family, 2: "Regular", 3: family + " Regular", 4: family, 6: family.replace(" ", "") + "-Regular"}
    records, strings = b"", b""
    for name_id, text in names.items():
        raw = text.encode("utf-16-be")
        records += struct.pack(">HHHHHH", 3, 1, 0x409, name_id, len(raw), len(strings))
        strings += raw
    return struct.pack(">HHH", 0, len(names), 6 + len(records)) + records + strings


def _os2(first, last):
    return struct.pack(
        ">HhHHH" "hhhhhhhhhh" "h" "10s" "IIII" "4s" "HHH" "hhhHH" "II" "hhHHH",
        4, ADVANCE, 400, 5, 0,  # version, xAvgCharWidth, weight, width, fsType 0 (installable)
        650, 600, 0, 75, 650, 600, 0, 350, 50, 250,  # sub/superscript, strikeout
        0, b"\0" * 10,  # sFamilyClass, panose
        1, 0, 0, 0, b"TEST",  # ulUnicodeRange (Basic Latin), achVendID
        0x40, first, last,  # fsSelection REGULAR, first and last character
        800, -200, 0, 800, 200,  # typo ascender/descender/line gap, win ascent/descent
        1, 0,  # ulCodePageRange: Latin 1
        500, 700, 0, 32, 0)  # xHeight, capHeight, default char, break char, max context


def latin_only_font(family="Hostile Latin"):
    """The bytes of a TrueType font covering A–Z, a–z, 0–9 and space, and nothing else."""
    chars = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    glyphs = [b""] + [b"" if c == " " else _box_glyph() for c in chars]  # glyph 0 is .notdef
    num = len(glyphs)
    glyf, offsets = b"", []
    for g in glyphs:
        offsets.append(len(glyf))
        glyf += g + b"\0" * (len(g) % 2)
    offsets.append(len(glyf))
    loca = struct.pack(f">{len(offsets)}H", *(o // 2 for o in offsets))
    hmtx = b"".join(struct.pack(">Hh", ADVANCE, 50) for _ in range(num))
    tables = {
        b"OS/2": _os2(0x20, 0x7A),
        b"cmap": _cmap(chars),
        b"glyf": glyf,
        b"head": struct.pack(">IIIIHHqqhhhhHHhhh", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0x000B, UPEM,
                             0, 0, 0, 0, 450, 700, 0, 8, 2, 0, 0),
        b"hhea": struct.pack(">IhhhHhhhhhhhhhhhH", 0x00010000, 800, -200, 0, ADVANCE, 0, 50, 450, 1, 0, 0,
                             0, 0, 0, 0, 0, num),
        b"hmtx": hmtx,
        b"loca": loca,
        b"maxp": struct.pack(">IHHHHHHHHHHHHHH", 0x00010000, num, 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0),
        b"name": _name(family),
        b"post": struct.pack(">IihhIIIII", 0x00030000, 0, -100, 50, 0, 0, 0, 0, 0),
    }
    tags = sorted(tables)
    n = len(tags)
    search = 16 * (1 << (n.bit_length() - 1))
    out = struct.pack(">IHHHH", 0x00010000, n, search, n.bit_length() - 1, n * 16 - search)
    offset = 12 + 16 * n
    directory, data = b"", b""
    for tag in tags:
        t = tables[tag]
        directory += struct.pack(">4sIII", tag, _checksum(t), offset + len(data), len(t))
        data += t + b"\0" * (-len(t) % 4)
    font = bytearray(out + directory + data)
    # head.checkSumAdjustment (offset 8 in head) makes the whole file sum to 0xB1B0AFBA.
    head_at = 12 + 16 * n + sum(len(tables[t]) + (-len(tables[t]) % 4) for t in tags[: tags.index(b"head")])
    struct.pack_into(">I", font, head_at + 8, (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)
