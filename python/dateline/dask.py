"""Distributed ingest and extract on Dask (python3-distributed).

    python3 -m dateline.dask ingest --scheduler local:2 --archive a.db INPUT...
    python3 -m dateline.dask extract --scheduler tcp://HOST:8786 INPUT... > records.jsonl

The client reads the inputs (the C++ readers: files, directories, tar, WARC,
JSON Lines, gzip) and sends batches of pages to the workers; each worker keeps
one pipeline per process and either stores its batch in the archive itself
(`ingest`: one write group per batch; writers wait for each other's lock, a
page already archived is skipped, so a batch run twice after a lost worker
adds nothing twice) or returns the records (`extract`: written in input order).
`--scheduler local:N` starts a LocalCluster of N single-threaded worker
processes; any other value is a scheduler's address. Workers must import
dateline (PYTHONPATH=build/python, or the module installed on each machine).
"""
import argparse
import importlib
import sys
import time

from dask.distributed import Client, LocalCluster, as_completed

import dateline

_PIPELINES = {}


def _pipeline(stages, data_dir):
    key = (stages, data_dir)
    if key not in _PIPELINES:
        _PIPELINES[key] = dateline.Pipeline(stages=stages, data_dir=data_dir)
    return _PIPELINES[key]


def _ingest_batch(pages, archive, stages, data_dir):
    return _pipeline(stages, data_dir).ingest(pages, archive)


def _extract_batch(pages, stages, data_dir):
    pipeline = _pipeline(stages, data_dir)
    return [pipeline.record_line(p) for p in pages]


def _run_batch(command, index, pages, archive, stages, data_dir):
    if command == "ingest":
        return index, _ingest_batch(pages, archive, stages, data_dir)
    return index, _extract_batch(pages, stages, data_dir)


def _batches(inputs, size, max_bytes):
    batch, nbytes = [], 0
    for page in dateline.read(inputs):
        batch.append(page)
        nbytes += len(page.content)
        if len(batch) >= size or nbytes >= max_bytes:
            yield batch
            batch, nbytes = [], 0
    if batch:
        yield batch


def _client(scheduler):
    if scheduler.startswith("local"):
        n = int(scheduler.split(":", 1)[1]) if ":" in scheduler else 2
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster), n
    client = Client(scheduler)
    return client, max(1, len(client.scheduler_info().get("workers", {})))


def run(args, out=sys.stdout, err=sys.stderr):
    """Runs `ingest` or `extract` as parsed by main(); returns the totals."""
    client, workers = _client(args.scheduler)
    start = time.monotonic()
    totals = {"pages": 0, "added": 0, "replaced": 0, "unchanged": 0, "errors": 0}
    try:
        in_flight = []
        done_lines = {}
        next_line = 0
        submitted = 0
        last_report = start
        window = 2 * workers + 2
        ac = as_completed()

        def finish(future):
            nonlocal next_line, last_report
            index, result = future.result()
            if args.command == "ingest":
                for k in totals:
                    totals[k] += result[k]
                for source, error in result["error_list"]:
                    print(f"dask {args.command}: {source}: {error}", file=err)
            else:
                totals["pages"] += len(result)
                done_lines[index] = result
                while next_line in done_lines:
                    for line in done_lines.pop(next_line):
                        out.write(line + "\n")
                    next_line += 1
            now = time.monotonic()
            if not args.quiet and now - last_report >= 2:
                last_report = now
                rate = totals["pages"] / max(now - start, 1e-9)
                print(f"dask {args.command}: {totals['pages']} pages, {rate:.1f} pages/s",
                      file=err)

        # The task by the module's name (not __main__'s copy under `-m`),
        # so workers import it and keep their pipeline between tasks.
        task = importlib.import_module("dateline.dask")._run_batch
        for batch in _batches(args.inputs, args.batch, args.batch_mb << 20):
            fut = client.submit(task, args.command, submitted, batch, args.archive,
                                args.stages, args.data_dir, pure=False,
                                retries=args.retries)
            ac.add(fut)
            in_flight.append(fut)
            submitted += 1
            # A bounded number of batches in flight: memory stays flat.
            while len(in_flight) >= window:
                f = next(ac)
                in_flight.remove(f)
                finish(f)
        for f in ac:
            in_flight.remove(f)
            finish(f)
    finally:
        client.close()
    seconds = time.monotonic() - start
    totals["seconds"] = seconds
    totals["workers"] = workers
    rate = totals["pages"] / max(seconds, 1e-9)
    if args.command == "ingest":
        print(f"dask ingest: {totals['pages']} pages in {seconds:.1f} s ({rate:.1f} pages/s, "
              f"{workers} workers): {totals['added']} added, {totals['replaced']} replaced, "
              f"{totals['unchanged']} unchanged, {totals['errors']} errors", file=err)
    else:
        print(f"dask extract: {totals['pages']} pages in {seconds:.1f} s ({rate:.1f} pages/s, "
              f"{workers} workers)", file=err)
    return totals


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m dateline.dask", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["ingest", "extract"])
    parser.add_argument("inputs", nargs="+", help="files, directories, archives")
    parser.add_argument("--scheduler", default="local:2",
                        help="local[:N] (a LocalCluster of N workers) or tcp://HOST:8786")
    parser.add_argument("--archive", help="archive file (ingest)")
    parser.add_argument("--stages", default="", help="last stage (default: all)")
    parser.add_argument("--data-dir", default="", help="models and tables (default: the build's)")
    parser.add_argument("--batch", type=int, default=64, help="pages per task (default 64)")
    parser.add_argument("--batch-mb", type=int, default=16, help="at most this many MB per task")
    parser.add_argument("--retries", type=int, default=2, help="retries of a failed task")
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "ingest" and not args.archive:
        parser.error("ingest needs --archive")
    totals = run(args)
    return 0 if totals["pages"] > totals["errors"] or totals["pages"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
