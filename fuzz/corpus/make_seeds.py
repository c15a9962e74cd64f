#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/<target>/ (hand-written inputs).

Run from anywhere: python3 fuzz/corpus/make_seeds.py
"""
import gzip
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def warc_record(wtype, uri, ctype, block):
    head = "WARC/1.0\r\nWARC-Type: %s\r\n" % wtype
    if uri:
        head += "WARC-Target-URI: %s\r\n" % uri
    if ctype:
        head += "Content-Type: %s\r\n" % ctype
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return head.encode() + block + b"\r\n\r\n"


def http(headers, body, status=b"200 OK"):
    return b"HTTP/1.1 " + status + b"\r\n" + headers + b"\r\n" + body


HTML = b"<!DOCTYPE html><html><head><meta charset=utf-8><title>T</title>" \
       b"</head><body><article><p>SEOUL (AP) - Text.</p></article></body></html>"
LATIN = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; " \
        b"charset=iso-8859-1\"></head><body><p>caf\xe9 \x93q\x94</p></body></html>"
SJIS = b"<meta charset=shift_jis><p>\x93\xfa\x96\x7b\x8c\xea</p>"
UTF16 = b"\xff\xfe" + "<p>Hi \u00e9</p>".encode("utf-16-le")
TEXT = b"BERLIN (dpa) - A plain scraped story.\n\nSecond paragraph.\n"

WARC = (warc_record("warcinfo", "", "application/warc-fields", b"software: x\r\n")
        + warc_record("request", "http://a/1", "application/http",
                      b"GET / HTTP/1.1\r\n\r\n")
        + warc_record("response", "http://a/1", "application/http; msgtype=response",
                      http(b"Content-Type: text/html; charset=utf-8\r\n", HTML))
        + warc_record("response", "http://a/2", "application/http; msgtype=response",
                      http(b"Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                           b"5\r\n<p>ab\r\n4\r\nc</p>\r\n0\r\n\r\n"))
        + warc_record("response", "http://a/3", "application/http; msgtype=response",
                      http(b"Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                           gzip.compress(LATIN)))
        + warc_record("resource", "file:///x.txt", "text/plain", TEXT)
        + warc_record("response", "http://a/img", "application/http",
                      http(b"Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n")))
WARC_GZ = b"".join(gzip.compress(r) for r in [
    warc_record("warcinfo", "", "application/warc-fields", b"x: y\r\n"),
    warc_record("response", "http://b/1", "application/http",
                http(b"Content-Type: text/html\r\n", HTML))])
JSONL = (b'{"url": "http://j/1", "id": "1", "html": "<p>caf\\u00e9</p>"}\n'
         b'{"text": "plain\\nstory", "id": 2}\n'
         b'not json\n\n[1,2]\n{"title": "x"}\n')

SEEDS = {
    "read_blob": {
        # First byte: the name index in read_blob_fuzz.cc.
        "html": b"\x00" + HTML, "text": b"\x01" + TEXT, "warc": b"\x02" + WARC,
        "warcgz": b"\x03" + WARC_GZ, "jsonl": b"\x04" + JSONL,
        "jsonlgz": b"\x05" + gzip.compress(JSONL),
        "htmlgz": b"\x06" + gzip.compress(LATIN), "sjis": b"\x07" + SJIS,
        "utf16": b"\x09" + UTF16, "png": b"\x00\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        "empty": b"\x01", "truncgz": b"\x06" + gzip.compress(HTML * 20)[:60],
    },
    "warc": {"warc": WARC, "truncated": WARC[:-40],
             "http": http(b"Content-Type: text/html\r\nX: a\r\n b\r\n", HTML),
             "chunks": b"4\r\nabcd\r\n2;x=y\r\nef\r\n0\r\n\r\n"},
    "gzip": {"one": gzip.compress(HTML), "multi": WARC_GZ,
             "zlib": zlib.compress(TEXT), "raw": zlib.compress(TEXT)[2:-4],
             "trunc": gzip.compress(TEXT * 10)[:40]},
    "jsonl": {"jsonl": JSONL,
              "nested": b'{"html": "x", "a": ' + b"[" * 200 + b"]" * 200 + b"}\n",
              "bad": b'{"html": "\xff\\u0000\\ud800"}\n{"text": 5}\n'},
    "charset": {"latin": b"\x82" + LATIN, "sjis": b"\x83" + SJIS,
                "utf16": b"\x00" + UTF16, "text": b"\x01" + TEXT,
                "xml": b"\x80<?xml version='1.0' encoding='euc-jp'?><p>\xc6\xfc</p>",
                "jis": b"\x8a\x1b$B$3$s\x1b(B"},
    "pipeline": {"html": HTML, "text": TEXT,
                 "nested": b"<div>" * 500 + b"x" + b"</div>" * 500,
                 "messy": b"<p>a<b>b<i>c</p>d</b><script>x</script><!-- c -->"
                          b"<table><tr><td>cell</table>&amp;&#x41;&bogus;"},
}

for target, files in SEEDS.items():
    d = os.path.join(HERE, target)
    os.makedirs(d, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
