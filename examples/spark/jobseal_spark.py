#!/usr/bin/env python3
"""Check a large JSON Lines file of job postings with jobseal on Spark.

The same script runs in local mode and on a cluster:

    python jobseal_spark.py postings.jsonl out/ --binary target/native/jobseal --today 2026-11-28
    spark-submit --master yarn jobseal_spark.py hdfs:///p.jsonl hdfs:///out --binary ./jobseal

What it does:
  * ships the binary (and the optional rule pack) to every executor with `sc.addFile`, and finds it
    there with `SparkFiles.get(name)`: no `--files`, no install step on the workers;
  * runs `jobseal check - --today ...` once per partition, feeding the partition's lines on stdin
    from a writer thread and reading the reports from stdout as they come (memory stays bounded);
  * fails the task when jobseal crashes (exit code not 0, 1 or 2) or when its output is short:
    for every partition, non-blank lines in == reports out + bad-line messages on stderr;
  * writes the reports to OUT/reports/ (part-00000, part-00001, ...) in input order, and a summary
    to OUT/summary.json (postings, with errors, bad lines, per rule), written last: its presence
    means the job succeeded.

Order: `sc.textFile` splits a file into partitions in file order (partition i holds the lines
before partition i+1's), mapPartitionsWithIndex keeps each partition's order, and saveAsTextFile
writes partition i to part-i. So `cat OUT/reports/part-*` is in input order, line for line the
same as `jobseal audit FILE --out OUT.jsonl` (bad lines and blank lines have no report). Do not
read with `spark.read.text` if order matters: it does not promise file order; join by "id" then
(a posting without an id is reported with "id": null).

Why not `rdd.pipe`: PySpark's pipe runs the command with an EMPTY environment and in the worker's
cwd (where `./jobseal` is not, in local mode), ignores the exit code unless checkCode=True, and
with checkCode=True fails on exit 1 (a posting had an error finding) and 2 (a bad line) as well.
It also never looks at stderr, so a bad line or a crash part-way leaves fewer reports, silently.

Bad lines (exit 2) are not fatal: they are listed on stderr and in the summary with their
partition, their line within the partition, and their line in the input (counted from the
partitions' line counts, so without a second pass; for a directory or glob of several files it is
the line in their concatenation, in partition order).

Exit code of this script: 0 when the job completed (findings and bad lines are in the summary),
non-zero when it failed (a crash, a short output, a Spark error); nothing is left in OUT then but
maybe a partial reports/ without _SUCCESS.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from collections import Counter

# A partition's statistics travel in the same RDD as its reports: reports always start with "{".
STATS = "\x00jobseal-stats\t"
# What jobseal skips as a blank line: Rust's char::is_whitespace (Unicode White_Space). Python's
# str.strip() would also strip U+001C..U+001F, which jobseal does not skip.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
BAD_LINE = re.compile(r"^jobseal: stdin: line (\d+): (.*)$")
# Bad-line messages kept per partition (all are counted) and in the summary.
KEEP_BAD = 1000
KEEP_STDERR = 20


class CheckFailed(RuntimeError):
    """jobseal crashed or its output does not account for its input: the task must fail."""


def _describe(code):
    if code < 0:
        try:
            import signal

            return "killed by signal %d (%s)" % (-code, signal.Signals(-code).name)
        except (ValueError, AttributeError):
            return "killed by signal %d" % -code
    return "exit code %d" % code


def check_partition(index, lines, binary, args):
    """Runs `binary check - ARGS` over one partition's lines (an iterator of str, without line
    ends) and yields its reports (str), in order, then one STATS record. Raises CheckFailed when
    jobseal crashes or its output is short. Spark-free, so that it can be tested alone."""
    lines = iter(lines)
    first = next(lines, None)
    stats = {
        "partition": index,
        "lines": 0,
        "non_blank": 0,
        "postings": 0,
        "with_errors": 0,
        "findings": 0,
        "per_rule": Counter(),
        "per_category": Counter(),
        "bad_lines": 0,
        "bad": [],
        "exit": None,
    }
    if first is None:  # an empty partition: no process at all
        stats["exit"] = 0
        yield STATS + json.dumps(stats)
        return

    proc = subprocess.Popen(
        [binary, "check", "-", "--jsonl"] + list(args),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    fed = {"lines": 0, "non_blank": 0, "error": None, "broken_pipe": False}

    def feed():
        try:
            for line in _chain(first, lines):
                if "\n" in line or "\r" in line:
                    raise ValueError("partition %d: a line holds a line break" % index)
                fed["lines"] += 1
                if line.strip(WHITE_SPACE):
                    fed["non_blank"] += 1
                proc.stdin.write(line.encode("utf-8") + b"\n")
        except BrokenPipeError:
            fed["broken_pipe"] = True
        except BaseException as e:  # re-raised in the task's thread below
            fed["error"] = e
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                fed["broken_pipe"] = True

    other_stderr = []

    def drain_stderr():
        for raw in proc.stderr:
            text = raw.decode("utf-8", "replace").rstrip("\n")
            m = BAD_LINE.match(text)
            if m:
                stats["bad_lines"] += 1
                if len(stats["bad"]) < KEEP_BAD:
                    stats["bad"].append([int(m.group(1)), m.group(2)])
            elif len(other_stderr) < KEEP_STDERR:
                other_stderr.append(text)

    writer = threading.Thread(target=feed, name="jobseal-stdin-%d" % index, daemon=True)
    reader = threading.Thread(target=drain_stderr, name="jobseal-stderr-%d" % index, daemon=True)
    writer.start()
    reader.start()
    try:
        for raw in proc.stdout:  # a line at a time, as jobseal writes them
            report = raw.decode("utf-8").rstrip("\n")
            r = json.loads(report)
            stats["postings"] += 1
            stats["with_errors"] += not r["ok"]
            stats["findings"] += len(r["findings"])
            for f in r["findings"]:
                stats["per_rule"][f["rule"]] += 1
                stats["per_category"][f["category"]] += 1
            yield report
        code = proc.wait()
        writer.join()
        reader.join()
    finally:
        if proc.poll() is None:  # the consumer stopped early, or a report did not parse
            proc.kill()
            proc.wait()
            writer.join()  # its next write fails: it stops reading the partition's input
            reader.join()
        for stream in (proc.stdout, proc.stderr):
            stream.close()

    if fed["error"] is not None:
        raise fed["error"]
    stats["exit"] = code
    stats["lines"] = fed["lines"]
    stats["non_blank"] = fed["non_blank"]
    where = "jobseal in partition %d (%s)" % (index, binary)
    said = ("; its stderr: " + " | ".join(other_stderr)) if other_stderr else ""
    if code not in (0, 1, 2):
        raise CheckFailed(
            "%s crashed: %s after %d reports and %d bad-line messages for %d non-blank lines%s"
            % (where, _describe(code), stats["postings"], stats["bad_lines"], fed["non_blank"], said)
        )
    if fed["broken_pipe"]:
        raise CheckFailed("%s stopped reading its input (%s)%s" % (where, _describe(code), said))
    if fed["non_blank"] != stats["postings"] + stats["bad_lines"]:
        raise CheckFailed(
            "%s: short output: %d non-blank lines in, %d reports + %d bad-line messages out (%s)%s"
            % (where, fed["non_blank"], stats["postings"], stats["bad_lines"], _describe(code), said)
        )
    expected = 2 if stats["bad_lines"] else 1 if stats["with_errors"] else 0
    if code != expected:
        raise CheckFailed(
            "%s: exit code %d does not match its output (expected %d)%s" % (where, code, expected, said)
        )
    yield STATS + json.dumps(stats)


def _chain(first, rest):
    yield first
    yield from rest


def executable(path):
    """The path, made executable if it is not (SparkFiles usually is; a shared file may not be)."""
    path = os.path.abspath(path)
    if not os.access(path, os.X_OK):
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def spark_checker(binary_name, args, config_name=None):
    """The function for mapPartitionsWithIndex: resolves the shipped files on the executor."""

    def run(index, lines):
        from pyspark import SparkFiles

        binary = executable(SparkFiles.get(binary_name))
        extra = ["--config", SparkFiles.get(config_name)] if config_name else []
        return check_partition(index, lines, binary, list(args) + extra)

    return run


def summarize(stats):
    """Merges the partitions' statistics (in partition order) into the summary."""
    stats = sorted(stats, key=lambda s: s["partition"])
    per_rule, per_category, bad = Counter(), Counter(), []
    offset = 0
    for s in stats:
        per_rule.update(s["per_rule"])
        per_category.update(s["per_category"])
        for line, message in s["bad"]:
            if len(bad) < KEEP_BAD:
                bad.append(
                    {"line": offset + line, "partition": s["partition"], "partition_line": line, "message": message}
                )
        offset += s["lines"]
    return {
        "postings_checked": sum(s["postings"] for s in stats),
        "postings_with_errors": sum(s["with_errors"] for s in stats),
        "bad_lines": sum(s["bad_lines"] for s in stats),
        "findings": sum(s["findings"] for s in stats),
        "per_rule": dict(sorted(per_rule.items())),
        "per_category": dict(sorted(per_category.items())),
        "lines": offset,
        "partitions": len(stats),
        "bad_lines_listed": bad,
    }


def _hadoop_path(sc, path):
    """A path and its Hadoop FileSystem (local, HDFS, S3...), through the JVM of the driver."""
    p = sc._jvm.org.apache.hadoop.fs.Path(path)
    return p, p.getFileSystem(sc._jsc.hadoopConfiguration())


def _write_text(sc, path, text):
    """Writes a small text file, not overwriting one."""
    p, fs = _hadoop_path(sc, path)
    out = fs.create(p, False)
    try:
        out.write(bytearray(text.encode("utf-8")))
    finally:
        out.close()


def parse_args(argv):
    ap = argparse.ArgumentParser(description="Check JSON Lines postings with jobseal on Spark.")
    ap.add_argument("input", help="JSON Lines postings (any path sc.textFile reads)")
    ap.add_argument("output", help="output directory (must not exist): reports/ and summary.json")
    ap.add_argument("--binary", default="jobseal", help="the jobseal binary on the driver (shipped with addFile)")
    ap.add_argument("--today", help="YYYY-MM-DD; default: today (UTC), fixed once on the driver")
    ap.add_argument("--lang", choices=["zh", "en"], help="message language (jobseal's default: zh)")
    ap.add_argument("--config", help="a JSON rule pack on the driver (shipped with addFile)")
    ap.add_argument("--master", help="Spark master; default: spark-submit's, else local[2]")
    ap.add_argument("--min-partitions", type=int, help="minPartitions for sc.textFile")
    return ap.parse_args(argv)


def main(argv=None):
    a = parse_args(sys.argv[1:] if argv is None else argv)
    if os.sep not in a.binary and not os.path.exists(a.binary):
        a.binary = shutil.which(a.binary) or a.binary  # `--binary jobseal`: from PATH
    from pyspark import SparkConf, SparkContext, StorageLevel

    conf = SparkConf().setAppName("jobseal")
    if a.master:
        conf.setMaster(a.master)
    elif not conf.contains("spark.master"):  # plain `python jobseal_spark.py`
        conf.setMaster("local[2]")
    if conf.get("spark.master", "").startswith("local"):
        # Workers on this machine: the same Python as the driver (spark-submit sets its own).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel(os.environ.get("JOBSEAL_SPARK_LOG", "ERROR"))
    try:
        p, fs = _hadoop_path(sc, a.output)
        if fs.exists(p):
            raise SystemExit("jobseal-spark: %s exists: give a new output directory" % a.output)
        # The day is fixed here, once: executors' clocks (and midnight) may differ.
        today = a.today or datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        args = ["--today", today] + (["--lang", a.lang] if a.lang else [])
        sc.addFile(os.path.abspath(a.binary))
        if a.config:
            sc.addFile(os.path.abspath(a.config))
        checker = spark_checker(
            os.path.basename(a.binary), args, os.path.basename(a.config) if a.config else None
        )

        lines = sc.textFile(a.input, a.min_partitions) if a.min_partitions else sc.textFile(a.input)
        out = lines.mapPartitionsWithIndex(checker).persist(StorageLevel.MEMORY_AND_DISK)
        # One pass of jobseal: the first action computes every partition (and fails the job on a
        # crash or a short output); the reports are then written from the persisted partitions.
        stats = out.filter(lambda s: s.startswith(STATS)).map(lambda s: json.loads(s[len(STATS):])).collect()
        out.filter(lambda s: not s.startswith(STATS)).saveAsTextFile(a.output.rstrip("/") + "/reports")
        summary = summarize(stats)
        summary["today"] = today
        _write_text(sc, a.output.rstrip("/") + "/summary.json", json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        out.unpersist()
    except Exception as e:
        # A failed task arrives wrapped in Spark's error; say the one line that matters.
        said = [l.strip() for l in str(e).splitlines() if "CheckFailed:" in l]
        if not said:
            raise
        print("jobseal-spark: job failed: %s" % said[0], file=sys.stderr)
        return 1
    finally:
        sc.stop()

    for b in summary["bad_lines_listed"]:
        print(
            "jobseal-spark: %s: line %d (partition %d, line %d): %s"
            % (a.input, b["line"], b["partition"], b["partition_line"], b["message"]),
            file=sys.stderr,
        )
    print(
        "jobseal-spark: %d postings checked, %d with errors, %d bad lines, %d findings, %d partitions"
        % (
            summary["postings_checked"],
            summary["postings_with_errors"],
            summary["bad_lines"],
            summary["findings"],
            summary["partitions"],
        ),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
