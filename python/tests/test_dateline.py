"""Test of the Python module: its records equal `dateline extract`'s for the
sample pages (examples/pages), page by page; process() on bytes; the reader
on a missing input; threads share one pipeline.

Usage: PYTHONPATH=build/python /usr/bin/python3 python/tests/test_dateline.py build/dateline
"""
import json
import os
import subprocess
import sys
import threading

import dateline

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGES = os.path.join(ROOT, "examples", "pages")
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


def main():
    binary = sys.argv[1]
    out = subprocess.run([binary, "extract", PAGES], capture_output=True, text=True)
    expected = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    check(len(expected) > 3, f"extract gave {len(expected)} records")

    pipeline = dateline.Pipeline()
    pages = list(dateline.read(PAGES))
    got = [pipeline.process_page(p) for p in pages]
    check(len(got) == len(expected), f"the module read {len(got)} pages, extract {len(expected)}")
    same = sum(1 for a, b in zip(got, expected) if a == b)
    check(same == len(expected), f"{same} of {len(expected)} records equal extract's")
    for a, b in zip(got, expected):
        if a != b:
            keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            print("  differs:", a.get("source") or a.get("id"), keys)
            break
    check(any(p.error for p in pages), "a bad page keeps its error (the sample's bad JSONL record)")

    html = next(p for p in pages if p.format == "html" and not p.error)
    record = pipeline.process(html.content, url="https://example.com/a")
    check(record.get("url") == "https://example.com/a" and record.get("title"),
          "process() on bytes gives a record with the URL given: " + str(record.get("title")))
    check(record.get("text") == pipeline.process_page(html).get("text"),
          "process() and process_page() agree on the clean text")

    missing = list(dateline.read(os.path.join(ROOT, "no", "such", "file")))
    check(len(missing) == 1 and missing[0].error is not None, "a missing input is a page with an error")
    check("events" in dateline.stages() and dateline.stages()[0] == "read", "stages() lists the stages")
    try:
        dateline.Pipeline(stages="nonsense")
        check(False, "an unknown stage raises")
    except ValueError as e:
        check("nonsense" in str(e), "an unknown stage raises ValueError: " + str(e)[:60])

    # One pipeline, several threads (the GIL is released in process_page).
    results = [None] * 4
    def work(i):
        results[i] = [pipeline.process_page(p) for p in pages]
    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(all(r == got for r in results), "four threads give the same records")

    print("all checks passed" if failures == 0 else f"{failures} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
