"""Test of the distributed ingest and extract (python/dateline/dask.py) on a
Dask LocalCluster of two worker processes: the archive holds the same
articles, each once, as `dateline ingest` of the same inputs gives; extract's
records equal `dateline extract`'s, in order; a rerun adds nothing; a worker
killed mid-run (kill -9) loses nothing and archives nothing twice. The same
ingest and kill into PostgreSQL on a throwaway cluster (initdb + pg_ctl in a
temporary directory, as the `postgres` user when run as root) when the server
binaries are installed; with DATELINE_TEST_REQUIRE_PG=1 their absence fails.

Usage: PYTHONPATH=build/python /usr/bin/python3 python/tests/test_dask.py build/dateline
Exits 77 (skipped) when python3-distributed is not installed.
"""
import argparse
import glob
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

try:
    from dask.distributed import Client, LocalCluster
except ImportError:
    print("SKIP: python3-distributed is not installed (apt-get install python3-distributed)")
    sys.exit(77)

from dateline import dask as ddask

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures += 1


def write_pages(directory, n, first=0):
    words = ["council", "budget", "river", "bridge", "school", "harbour", "workers", "strike",
             "vote", "market", "farmers", "hospital", "court", "festival", "museum", "ferry"]
    rng = random.Random(20261206 + first)
    os.makedirs(directory, exist_ok=True)
    for i in range(first, first + n):
        paras = []
        for _ in range(3):
            paras.append("NORTHFIELD - The " + rng.choice(words) + " committee of town " + str(i) +
                         " said on Monday " + " ".join(rng.choice(words) for _ in range(25)) + ".")
        with open(os.path.join(directory, "page%05d.txt" % i), "w") as f:
            f.write("Town %d council backs new %s plan\n\n14 March 2024\n\n%s\n" %
                    (i, rng.choice(words), "\n\n".join(paras)))


def ids(db):
    con = sqlite3.connect(db)
    rows = [r[0] for r in con.execute("SELECT id FROM articles")]
    con.close()
    return rows


def pg_ids(binary, url):
    out = subprocess.run([binary, "export", "--format", "jsonl", "--archive", url],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line)["id"] for line in out.splitlines()]


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary directory, on a Unix socket only."""

    def __init__(self, tmp):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        self.bin = os.path.dirname(bins[-1]) if bins else None
        self.dir = os.path.join(tmp, "pg")
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.started = False

    def start(self):
        if self.bin is None:
            return "no PostgreSQL server binaries (apt-get install postgresql-15)"
        os.makedirs(self.dir)
        if self.as_user:
            shutil.chown(os.path.dirname(self.dir), "postgres")
            shutil.chown(self.dir, "postgres")
        run = lambda *a: subprocess.run(self.as_user + list(a), capture_output=True, text=True)
        r = run(self.bin + "/initdb", "-D", self.dir + "/data", "-A", "trust", "-U", "postgres")
        if r.returncode != 0:
            return "initdb failed: " + r.stderr[-300:]
        r = run(self.bin + "/pg_ctl", "-D", self.dir + "/data", "-w", "-l", self.dir + "/log", "-o",
                "-k %s -c listen_addresses='' -c fsync=off" % self.dir, "start")
        if r.returncode != 0:
            return "pg_ctl start failed: " + r.stderr[-300:]
        self.started = True
        for name in ("dask_db", "killed_db"):
            run(self.bin + "/createdb", "-h", self.dir, "-U", "postgres", name)
        return None

    def url(self, db):
        return "postgresql:///%s?host=%s&user=postgres" % (db, self.dir)

    def stop(self):
        if self.started:
            subprocess.run(self.as_user + [self.bin + "/pg_ctl", "-D", self.dir + "/data", "-m", "fast",
                                           "stop"], capture_output=True)


def kill_a_worker_soon(client, killed):
    def killer():
        time.sleep(3)
        pids = client.run(os.getpid)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        killed["pid"] = victim
    t = threading.Thread(target=killer)
    t.start()
    return t


def args_for(command, inputs, scheduler, archive=None, batch=8):
    return argparse.Namespace(command=command, inputs=inputs, scheduler=scheduler, archive=archive,
                              stages="", data_dir="", batch=batch, batch_mb=16, retries=3,
                              quiet=True)


def main():
    binary = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="dateline_dask_test_")
    pg = ThrowawayPostgres(tmp)
    try:
        pages = os.path.join(tmp, "pages")
        write_pages(pages, 160)
        inputs = [os.path.join(ROOT, "examples", "pages"), pages]
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        address = cluster.scheduler_address

        # Ingest on the cluster vs the CLI.
        db = os.path.join(tmp, "dask.db")
        totals = ddask.run(args_for("ingest", inputs, address, db), err=io.StringIO())
        cli_db = os.path.join(tmp, "cli.db")
        subprocess.run([binary, "ingest", "-q", "--archive", cli_db] + inputs, check=True,
                       capture_output=True)
        got, want = ids(db), ids(cli_db)
        check(sorted(got) == sorted(want), f"the cluster archived the CLI's {len(want)} articles")
        check(len(got) == len(set(got)), "each once")
        check(totals["errors"] == 1, f"the sample's bad record counted as an error ({totals['errors']})")
        again = ddask.run(args_for("ingest", inputs, address, db), err=io.StringIO())
        check(again["added"] == 0 and len(ids(db)) == len(got), "a rerun adds nothing")

        # Extract: the CLI's records, in input order.
        out = io.StringIO()
        ddask.run(args_for("extract", inputs, address, batch=5), out=out, err=io.StringIO())
        cli = subprocess.run([binary, "extract"] + inputs, capture_output=True, text=True)
        check(out.getvalue() == cli.stdout,
              f"extract on the cluster gives extract's {len(cli.stdout.splitlines())} lines, in order")

        # A worker killed mid-run: the run completes on the other (and the
        # restarted one); every page once.
        more = os.path.join(tmp, "more")
        write_pages(more, 400, first=1000)
        killed = {}
        t = kill_a_worker_soon(client, killed)
        db2 = os.path.join(tmp, "killed.db")
        totals = ddask.run(args_for("ingest", [more], address, db2, batch=10), err=io.StringIO())
        t.join()
        got = ids(db2)
        check("pid" in killed, "a worker was killed mid-run")
        check(len(got) == 400 and len(set(got)) == 400,
              f"after the kill: {len(got)} articles archived, {len(set(got))} distinct (400 pages)")

        # The same into PostgreSQL: the CLI's articles, each once; a worker
        # killed mid-run loses nothing and archives nothing twice.
        why_not = pg.start()
        if why_not is not None:
            if os.environ.get("DATELINE_TEST_REQUIRE_PG") == "1":
                check(False, "PostgreSQL (DATELINE_TEST_REQUIRE_PG=1): " + why_not)
            else:
                print("skip PostgreSQL: " + why_not)
        else:
            ddask.run(args_for("ingest", inputs, address, pg.url("dask_db")), err=io.StringIO())
            got = pg_ids(binary, pg.url("dask_db"))
            check(sorted(got) == sorted(want),
                  f"into PostgreSQL: the CLI's {len(want)} articles ({len(got)}, {len(set(got))} distinct)")
            killed = {}
            t = kill_a_worker_soon(client, killed)
            ddask.run(args_for("ingest", [more], address, pg.url("killed_db"), batch=10),
                      err=io.StringIO())
            t.join()
            got = pg_ids(binary, pg.url("killed_db"))
            check("pid" in killed, "a worker writing PostgreSQL was killed mid-run")
            check(len(got) == 400 and len(set(got)) == 400,
                  f"after the kill, in PostgreSQL: {len(got)} articles, {len(set(got))} distinct (400 pages)")
        client.close()
        cluster.close()
    finally:
        pg.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print("all checks passed" if failures == 0 else f"{failures} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
