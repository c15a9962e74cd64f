#!/usr/bin/env python3
"""Counts the records that open with a dateline sentence (issue 12).

Reads `dateline extract --stages parse --layers tokens` records (JSON Lines)
on stdin. A record opens with a dateline sentence when, among its first 40
tokens, the first dash or colon ("-", "--", "–", "—", ":") closes a tree of
its own: one root over tokens 0..k, no head outside them, and no later token
hanging from them (the segment stage made "WASHINGTON, March 6 -" a sentence).

  build/dateline extract -j2 --stages parse --layers tokens \\
      ../shared/datasets/reuters21578/reuters21578-distribution-1.0.tar.gz \\
      2>/dev/null | python3 bench/dateline_leads.py
"""
import json
import sys

DASHES = ('-', '--', '\u2013', '\u2014', ':')


def opens_with_dateline(record):
    toks = record.get('tokens') or []
    text = record['text']
    for k, tok in enumerate(toks[:40]):
        if text[tok['span'][0]:tok['span'][1]] not in DASHES:
            continue
        inside = all(t['head'] <= k for t in toks[:k + 1])
        after = all(t['head'] == -1 or t['head'] > k for t in toks[k + 1:])
        roots = sum(1 for t in toks[:k + 1] if t['head'] == -1)
        return inside and after and roots == 1 and k + 1 < len(toks)
    return False


def main():
    records = cut = 0
    for line in sys.stdin:
        record = json.loads(line)
        if not record.get('tokens'):
            continue
        records += 1
        cut += opens_with_dateline(record)
    print(f"{cut} of {records} records open with a dateline sentence")


if __name__ == '__main__':
    main()
