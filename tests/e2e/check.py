#!/usr/bin/env python3
"""Helpers for tests/e2e.sh: they compute what the annotator must give from its
inputs alone, and compare it with what it gave.

  check.py lossless OUT.xml [--max N] [--header REGEX] NAME=PATH...
      Cuts each PATH into documents as the stream reader must (a line holding
      only a form feed, "\\f\\n" or "\\f\\r\\n", separates documents; empty
      pieces are no documents, but an empty source is one empty document;
      with --max, documents over N bytes are skipped; with --header, a line
      that REGEX matches, without its line end, starts a document when the
      current one holds a non-blank line), rebuilds every <document> of OUT
      from its text and <raw hex> bytes, and compares them byte for byte,
      along with id (d1, d2, ...), source (NAME) and line.
  check.py structure OUT.xml GOLD.json   the structure of OUT's one document is GOLD's
      (layout, date, publisher, section, headline, byline authors, dateline,
      credit, copyright holders, comment count, each comment's votes and URLs)
  check.py count OUT.xml                 number of <document> elements
  check.py same-documents A.xml B.xml    the documents of A and B are the same but for
                                         source= and line=
  check.py tokens OUT.xml                <w> sanity (non-empty, no spaces, in every sentence)
  check.py explain OUT.xml               rule= and rule-source= name a real "rule NAME" line
                                         (or "part NAME" in a .layout file); layout-rule=
                                         names a real "part" or "group" line
  check.py gen NAME PATH                 writes a generated edge-case input
  check.py gen-docs PATH N               N small documents separated by form-feed lines
  check.py gen-bad-utf8 PATH WANT        input with bad UTF-8, and the "LINE:COL: byte B" it must report
  check.py trickle PATH N                copies PATH to stdout in N-byte writes
  check.py walk DIR                      the files of DIR the annotator must read, in order
  check.py readme-block README.md LANG [N]  prints the first (or Nth) ```LANG block
"""
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET

SEPARATORS = (b"\f\n", b"\f\r\n")


def split_documents(data, max_size=None, header=None):
    """[(line, bytes)] of the documents in data, as the reader cuts them."""
    docs, current, start_line, line_no, pos = [], bytearray(), 1, 1, 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        end = len(data) if nl < 0 else nl + 1
        line = data[pos:end]
        pos = end
        if line in SEPARATORS:
            if current:
                docs.append((start_line, bytes(current)))
            current = bytearray()
            line_no += 1
            start_line = line_no
            continue
        if header and nl >= 0 and current.strip() and len(line) <= 1024:
            try:
                text = line.rstrip(b"\n").rstrip(b"\r").decode("utf-8")
            except UnicodeDecodeError:
                text = None
            if text is not None and text.strip() and header.match(text):
                docs.append((start_line, bytes(current)))
                current = bytearray()
                start_line = line_no
        current += line
        if nl >= 0:
            line_no += 1
    if current or not data:
        docs.append((start_line, bytes(current)))
    if max_size is not None:
        docs = [d for d in docs if len(d[1]) <= max_size]
    return docs


def document_bytes(el):
    """The input bytes an element stands for: its text, with <raw hex> as bytes."""
    out = bytearray()

    def walk(e):
        if e.tag == "raw":
            out.extend(bytes.fromhex(e.get("hex")))
            return
        if e.text:
            out.extend(e.text.encode("utf-8"))
        for child in e:
            walk(child)
            if child.tail:
                out.extend(child.tail.encode("utf-8"))

    walk(el)
    return bytes(out)


def show_difference(got, want):
    i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
    return (f"first difference at byte {i} (got {len(got)} bytes, want {len(want)}): "
            f"got {got[max(0, i - 15):i + 15]!r}, want {want[max(0, i - 15):i + 15]!r}")


def lossless(args):
    out_path, max_size, header, sources = args[0], None, None, []
    rest = args[1:]
    if rest and rest[0] == "--max":
        max_size, rest = int(rest[1]), rest[2:]
    if rest and rest[0] == "--header":
        header, rest = re.compile(rest[1]), rest[2:]
    for pair in rest:
        name, path = pair.split("=", 1)
        with open(path, "rb") as f:
            sources.append((name, f.read()))
    want = [(name, line, data) for name, content in sources
            for line, data in split_documents(content, max_size, header)]
    docs = ET.parse(out_path).getroot().findall("document")
    problems = []
    if len(docs) != len(want):
        problems.append(f"{len(docs)} documents, want {len(want)} "
                        f"(sources/lines wanted: {[(n, l) for n, l, _ in want][:8]}, "
                        f"got: {[(d.get('source'), d.get('line')) for d in docs][:8]})")
    for k, (doc, (name, line, data)) in enumerate(zip(docs, want), 1):
        where = f"document {k} ({name} line {line})"
        if doc.get("id") != f"d{k}":
            problems.append(f"{where}: id={doc.get('id')!r}, want 'd{k}'")
        if doc.get("source") != name:
            problems.append(f"{where}: source={doc.get('source')!r}, want {name!r}")
        if doc.get("line") != str(line):
            problems.append(f"{where}: line={doc.get('line')!r}, want '{line}'")
        got = document_bytes(doc)
        if got != data:
            problems.append(f"{where}: bytes differ: {show_difference(got, data)}")
    for p in problems[:5]:
        print(p)
    return 1 if problems else 0


def same_documents(args):
    a, b = (ET.parse(path).getroot().findall("document") for path in args)
    if len(a) != len(b):
        print(f"{len(a)} documents, and {len(b)}")
        return 1
    for k, (x, y) in enumerate(zip(a, b), 1):
        for d in (x, y):
            d.attrib.pop("source", None)
            d.attrib.pop("line", None)
        if ET.tostring(x) != ET.tostring(y):
            print(f"document {k} differs")
            return 1
    return 0


def count(args):
    print(len(ET.parse(args[0]).getroot().findall("document")))
    return 0


def tokens(args):
    root = ET.parse(args[0]).getroot()
    problems = []
    words = list(root.iter("w"))
    if not words:
        problems.append("no <w> at all with --tokens")
    for w in words:
        text = "".join(w.itertext())
        if not text and w.find("raw") is None:
            problems.append("an empty <w>")
        if re.search(r"\s", text):
            problems.append(f"<w> holds white space: {text!r}")
    for s in root.iter("s"):
        if s.find(".//w") is None:
            problems.append(f"a sentence without <w>: {''.join(s.itertext())[:60]!r}")
    for p in problems[:5]:
        print(p)
    return 1 if problems else 0


def explain(args):
    root = ET.parse(args[0]).getroot()
    problems, sourced, lines_cache = [], 0, {}
    entities = list(root.iter("entity"))
    if not entities:
        problems.append("no entity to explain")
    for e in entities:
        rule, where = e.get("rule"), e.get("rule-source")
        if not rule:
            problems.append(f"entity {e.get('type')} {''.join(e.itertext())!r} has no rule=")
            continue
        if where is None:
            continue
        sourced += 1
        path, _, line = where.rpartition(":")
        if path not in lines_cache:
            try:
                with open(path, encoding="utf-8") as f:
                    lines_cache[path] = f.read().split("\n")
            except OSError as err:
                lines_cache[path] = None
                problems.append(f"rule-source {where}: {err}")
        lines = lines_cache[path]
        if lines is None:
            continue
        n = int(line)
        text = lines[n - 1].strip() if 0 < n <= len(lines) else ""
        keyword = "part" if path.endswith(".layout") else "rule"
        if text != f"{keyword} {rule}":
            problems.append(f"rule-source {where} is {text!r}, not '{keyword} {rule}'")
    if entities and not sourced:
        problems.append("no entity has rule-source=")
    for el in root.iter():
        where = el.get("layout-rule")
        if where is None:
            continue
        path, _, line = where.rpartition(":")
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read().split("\n")[int(line) - 1].strip()
        except (OSError, IndexError) as err:
            problems.append(f"layout-rule {where}: {err}")
            continue
        if not re.fullmatch(r"(part|group) [a-z0-9][a-z0-9_-]*", text):
            problems.append(f"<{el.tag}> layout-rule {where} is {text!r}, not a 'part' or 'group' line")
    for p in sorted(set(problems))[:5]:
        print(p)
    return 1 if problems else 0


def text_of(el):
    return "".join(el.itertext())


def structure(args):
    """Compares the structure of the one document of OUT with GOLD (see corpora/README.md)."""
    docs = ET.parse(args[0]).getroot().findall("document")
    gold = json.load(open(args[1], encoding="utf-8"))
    if len(docs) != 1:
        print(f"{len(docs)} documents, want 1")
        return 1
    doc, problems = docs[0], []

    def check(what, got, want):
        if got != want:
            problems.append(f"{what}: got {got!r}, want {want!r}")

    def entities(parent_tag, etype):
        return [text_of(e) for p in doc.iter(parent_tag) for e in p.iter("entity") if e.get("type") == etype]

    def one(tag):
        els = list(doc.iter(tag))
        return text_of(els[0]).strip() if els else None

    if "layout" in gold:
        check("layout", doc.get("layout"), gold["layout"])
    for key in ("date", "publisher", "section", "headline"):
        check(f"@{key}", doc.get(key), gold.get(key))
    check("headline element", one("headline"), gold.get("headline"))
    check("byline authors (PERSON)", entities("byline", "PERSON"), gold.get("authors", []))
    check("dateline", one("dateline"), gold.get("dateline"))
    credit = gold.get("credit")
    # the credit names its agency and photographer last ("... Image: Agency/Photographer")
    check("credit agency (last ORG)", entities("credit", "ORG")[-1:], [credit["agency"]] if credit else [])
    check("credit photographer (last PERSON)", entities("credit", "PERSON")[-1:],
          [credit["photographer"]] if credit else [])
    check("copyright holders (ORG)", entities("copyright", "ORG"), gold.get("copyright", []))
    check("publisher entity (ORG in <header>)", entities("header", "ORG"),
          [gold["publisher"]] if gold.get("publisher") else [])
    sections = list(doc.iter("comments"))
    check("comments count", sections[0].get("count") if sections else None,
          None if gold.get("comment_count") is None else str(gold["comment_count"]))
    got = []
    for k, c in enumerate(doc.iter("comment"), 1):
        if c.get("n") != str(k):
            problems.append(f"comment {k} has n={c.get('n')!r}")
        got.append({key: None if c.get(key) is None else int(c.get(key)) for key in ("score", "up", "down")} |
                   {"urls": sum(1 for e in c.iter("entity") if e.get("type") == "URL")})
    check("comments (score, up, down, urls)", got, gold.get("comments", []))
    for p in problems:
        print(p)
    return 1 if problems else 0


SENTENCE = "Tokyo (Northwire) - Japan will impose a 25% tariff on imported steel from July 1, 2026, Trade Minister Kenji Sato said on Monday. "

EDGE_CASES = {
    "crlf": b"Japan raised tariffs.\r\nThe U.S. answered on Monday.\r\n\r\nA second paragraph, 15% on rice.\r\n",
    "bom": "\ufeffTOKYO (Reuters) - Japan and the United States met.\n\nMore text \ufeff mid-text BOM.\n".encode(),
    "no-final-newline": b"A story with no final newline.\n\nIt ends here, without one",
    "empty": b"",
    "whitespace-only": b" \t\n\n   \n\t \r\n",
    "lone-cr": b"Old line endings\rsecond line\r\rnew paragraph, 10% duty.\r",
    "invalid-utf8": (b"Bad \xc3\x28 here, \xa0\xa1 there, \xe2\x82 cut, \xed\xa0\x80 surrogate, "
                     b"\xf4\x90\x80\x80 too big, \xc0\xaf overlong.\n\xffStarts a line\nends a line\xfe\n"
                     b"caf\xe9 Latin-1 and Stra\xdfe.\n\xe2\x82"),
    "nul": b"Before\x00after a NUL.\n\x00\n\nTwo\x00\x00NULs, and 25% tariffs.\n",
    "controls": (b"Ctl " + b" ".join(bytes([c]) for c in range(32) if c not in (9, 10, 13)) +
                 b" end.\n\x1b[31mred\x1b[0m text\x7f and C1 \xc2\x80\xc2\x9f.\n"),
    "one-mb-line": (SENTENCE * (1048576 // len(SENTENCE) + 1)).encode()[:1048576] + b"\n",
    "private-use": "\ue000 start. A \ue001 and \ue002 word\ue000word, \uf8ff and \U000F0000 \U0010FFFD.\n".encode(),
    "nonchars": "\ufffeStart. Then \uffff and \ufdd0 and \U0001FFFF, 5% \ufffe tariff.\n".encode(),
    "xml-specials": b"<b>&amp; ]]> \"quotes\" 'apos' &lt;</b> <?pi?> <!-- c --> <![CDATA[x]]>\n",
    "formfeed-in-text": b"Page one\fpage two.\n\f \nNot a separator (space).\n \f\nNor this.\n\f",
    "form-feed-stream": b"Doc one.\n\f\nDoc two.\r\n\f\r\n\f\nDoc three, no newline",
    "many-docs-3mb": b"".join(b"Document %d. " % i + SENTENCE.encode() * 20 + b"\n\f\n" for i in range(1200)),
}


def gen(args):
    name, path = args
    with open(path, "wb") as f:
        f.write(EDGE_CASES[name])
    return 0


def gen_docs(args):
    path, n = args[0], int(args[1])
    with open(path, "wb") as f:
        for i in range(n):
            f.write(b"Story %d: Seoul set a %d%% duty on steel, Mr. Park said.\n\f\n" % (i, i % 90))
    return 0


def gen_bad_utf8(args):
    path, want_path = args
    parts = [b"First line is fine.\n",
             b"Here \xff is one, and here \xc3 another.\n",
             b"\xe2\x82 at the start, a surrogate \xed\xa0\x80 and a big one \xf4\x90\x80\x80.\n",
             b"\f\n",                          # a second document: positions stay those of the file
             b"Second document, overlong \xc0\xaf here,\n",
             b"and a lone continuation at the end \x80"]
    data = b"".join(parts)
    want, line, line_start = [], 1, 0
    for i, b in enumerate(data):
        if b == 0x0A:
            line, line_start = line + 1, i + 1
        elif b >= 0x80 and (i == 0 or data[i - 1] < 0x80):
            want.append(f"{line}:{i - line_start + 1}: byte {i}")
    with open(path, "wb") as f:
        f.write(data)
    with open(want_path, "w") as f:
        f.write("\n".join(want) + "\n")
    return 0


def trickle(args):
    path, n = args[0], int(args[1])
    data = open(path, "rb").read()
    out = sys.stdout.buffer
    try:
        for i in range(0, len(data), n):
            out.write(data[i:i + n])
            out.flush()
            time.sleep(0.001)
    except BrokenPipeError:     # the annotator died: its test reports that
        sys.stderr.close()
        return 1
    return 0


def walk(args):
    def visit(d):
        for name in sorted(os.listdir(d)):
            if name.startswith("."):
                continue
            p = os.path.join(d, name)
            if os.path.isdir(p):
                yield from visit(p)
            else:
                with open(p, "rb") as f:
                    if b"\0" not in f.read(8192):
                        yield p
    for p in visit(args[0]):
        print(p)
    return 0


def readme_block(args):
    text = open(args[0], encoding="utf-8").read()
    blocks = re.findall(r"^```" + re.escape(args[1]) + r"\n(.*?)^```", text, re.S | re.M)
    n = int(args[2]) if len(args) > 2 else 1
    if len(blocks) < n:
        return 1
    sys.stdout.write(blocks[n - 1])
    return 0


COMMANDS = {"lossless": lossless, "count": count, "same-documents": same_documents, "tokens": tokens, "explain": explain, "structure": structure,
            "gen": gen,
            "gen-docs": gen_docs, "gen-bad-utf8": gen_bad_utf8, "trickle": trickle, "walk": walk,
            "readme-block": readme_block}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    try:
        sys.exit(COMMANDS[sys.argv[1]](sys.argv[2:]))
    except ET.ParseError as err:
        print(f"not well-formed XML: {err}")
        sys.exit(1)
