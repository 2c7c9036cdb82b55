#!/usr/bin/env python3
"""Tests of the Spark recipe (examples/spark/run-tests.sh runs them in the venv it makes).

The job's reports must be byte-identical to `jobseal audit`'s for the same file (same lines, same
order), its summary must agree with audit's --summary-json, a crash or a short output must fail the
job (no summary.json), and the Scala form in the README must run. Spark runs in local[2].

Environment: JOBSEAL_BIN (default target/native/jobseal), SPARK_CONF_DIR (run-tests.sh points it at
conf/ here: a quiet log), JOBSEAL_SPARK_SCALA=0 skips the spark-shell test (about 30 s).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JOB = os.path.join(HERE, "jobseal_spark.py")
BIN = os.path.abspath(os.environ.get("JOBSEAL_BIN", os.path.join(ROOT, "target", "native", "jobseal")))
TODAY = "2026-11-28"
N = 3000

sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the work tree
import jobseal_spark  # noqa: E402  (the partition function, tested without Spark too)

AUDIT_BAD = re.compile(r"^jobseal: .*?: line (\d+): (.*)$")


def env():
    e = dict(os.environ)
    e.setdefault("SPARK_CONF_DIR", os.path.join(HERE, "conf"))
    e.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    e["PYSPARK_PYTHON"] = sys.executable
    return e


def audit(path, out_dir, *extra):
    """jobseal audit: (reports bytes, summary dict, [(line, message)] of its bad lines)."""
    out, summary = os.path.join(out_dir, "audit.jsonl"), os.path.join(out_dir, "audit-summary.json")
    p = subprocess.run(
        [BIN, "audit", path, "--today", TODAY, "--jobs", "2", "--out", out, "--summary-json", summary]
        + list(extra),
        capture_output=True,
        text=True,
    )
    assert p.returncode in (0, 1, 2), p.stderr
    bad = [(int(m.group(1)), m.group(2)) for m in map(AUDIT_BAD.match, p.stderr.splitlines()) if m]
    with open(out, "rb") as f, open(summary) as s:
        return f.read(), json.load(s), bad


def spark_job(input_path, out_dir, *extra, binary=BIN):
    t = time.monotonic()
    p = subprocess.run(
        [sys.executable, JOB, input_path, out_dir, "--binary", binary, "--today", TODAY, "--master", "local[2]"]
        + list(extra),
        capture_output=True,
        text=True,
        env=env(),
        timeout=600,
    )
    p.seconds = time.monotonic() - t
    return p


def reports_of(out_dir):
    """The job's reports (reports/part-* in name order, which is partition order) and how many parts."""
    return reports_of_dir(os.path.join(out_dir, "reports"))


def reports_of_dir(d):
    parts = sorted(f for f in os.listdir(d) if f.startswith("part-"))
    data = []
    for name in parts:
        with open(os.path.join(d, name), "rb") as f:
            data.append(f.read())
    return b"".join(data), len(parts)


def wrapper(dir_, name, body):
    """A stand-in for the binary: a shell script around the real one."""
    path = os.path.join(dir_, name)
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body.replace("REAL", '"%s"' % BIN) + "\n")
    os.chmod(path, 0o755)
    return path


def make_input(path):
    """N generated postings (a planted unreadable line after every 1,000th), plus what a real file
    has: blank and whitespace-only lines (no report, but they count in line numbers), a posting
    without an id, an array line, a CRLF line ending."""
    gen = path + ".gen"
    subprocess.run(["node", os.path.join(ROOT, "benches", "gen-postings.mjs"), str(N), gen], check=True,
                   capture_output=True)
    with open(gen, encoding="utf-8") as f, open(path, "w", encoding="utf-8", newline="") as out:
        for i, line in enumerate(f, 1):
            out.write(line.replace("\n", "\r\n") if i == 1234 else line)
            if i % 500 == 0:
                out.write("\n")
            if i % 777 == 0:
                out.write(" \t\u3000\n")
            if i == 1500:
                out.write('{"title": "没有编号的岗位", "description": "加微信 abc12345 详聊"}\n')
            if i == 2100:
                out.write("[]\n")
    os.remove(gen)


class ReadmeExcerpt(unittest.TestCase):
    def test_the_readme_shows_the_jobs_own_code(self):
        # The README's Spark snippet is a verbatim (dedented) excerpt of jobseal_spark.py.
        import textwrap

        readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
        marker = "<!-- excerpt: examples/spark/jobseal_spark.py -->\n```python\n"
        self.assertIn(marker, readme)
        block = readme.split(marker, 1)[1].split("\n```", 1)[0]
        self.assertGreater(len(block.splitlines()), 10)
        source = open(os.path.join(HERE, "jobseal_spark.py"), encoding="utf-8").read()
        lines = source.splitlines()
        n = len(block.splitlines())
        windows = (textwrap.dedent("\n".join(lines[i : i + n])) for i in range(len(lines)))
        self.assertIn(block, list(windows))


class PartitionFunction(unittest.TestCase):
    """check_partition alone (no Spark): what a partition can start or end with, crash, short."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="jobseal-spark-unit-")
        cls.postings = [
            json.dumps({"id": "u-%d" % i, "title": "电子装配技术员", "employer": "苏州明澜电子科技有限公司",
                        "requirements": "限男性" if i % 3 == 0 else "男女不限", "description": "负责装配。",
                        "location": "江苏省苏州市", "salary": "6000-8000元/月", "valid_until": "2026-12-31"},
                       ensure_ascii=False)
            for i in range(40)
        ]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_partition(self, lines, binary=BIN):
        out = list(jobseal_spark.check_partition(7, iter(lines), binary, ["--today", TODAY]))
        stats = json.loads(out[-1][len(jobseal_spark.STATS):])
        return out[:-1], stats

    def expected(self, lines):
        """What jobseal check says of the same lines as a file (the file's first line is valid)."""
        path = os.path.join(self.tmp, "expected.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.postings[0] + "\n" + "".join(l + "\n" for l in lines))
        p = subprocess.run([BIN, "check", path, "--today", TODAY], capture_output=True, text=True)
        return p.stdout.splitlines()[1:]

    def test_a_partition_that_starts_with_a_broken_object(self):
        # `check - --jsonl` never reads a first line that begins an object as the start of a
        # pretty-printed document: it is a bad line, and the reports are the same as for a file.
        lines = ['{"id": "broken", '] + self.postings
        reports, stats = self.run_partition(lines)
        self.assertEqual(reports, self.expected(lines))
        self.assertEqual((stats["postings"], stats["bad_lines"], stats["bad"][0][0]), (40, 1, 1))

    def test_blank_lines_are_skipped_but_counted(self):
        lines = ["", self.postings[0], "   ", "\u3000", self.postings[1], "\x1c", ""]
        reports, stats = self.run_partition(lines)
        self.assertEqual(len(reports), 2)
        # U+001C is not white space to jobseal (Rust), though Python's str.strip() drops it.
        self.assertEqual((stats["lines"], stats["non_blank"], stats["bad_lines"]), (7, 3, 1))
        self.assertEqual(stats["bad"][0][0], 6)

    def test_an_empty_partition_starts_no_process(self):
        reports, stats = self.run_partition([], binary="/nonexistent/jobseal")
        self.assertEqual((reports, stats["postings"], stats["lines"]), ([], 0, 0))

    def test_a_crash_after_full_output_fails(self):
        b = wrapper(self.tmp, "exit139", 'REAL "$@"; exit 139')
        with self.assertRaisesRegex(jobseal_spark.CheckFailed, "crashed: exit code 139"):
            self.run_partition(self.postings, binary=b)

    def test_a_signal_fails(self):
        b = wrapper(self.tmp, "segv", 'head -n 5 | REAL "$@"; kill -SEGV $$')
        with self.assertRaisesRegex(jobseal_spark.CheckFailed, r"killed by signal 11 \(SIGSEGV\)"):
            self.run_partition(self.postings, binary=b)

    def test_exit_0_with_nothing_written_fails(self):
        b = wrapper(self.tmp, "silent", "cat > /dev/null; exit 0")
        with self.assertRaisesRegex(jobseal_spark.CheckFailed, "short output: 40 non-blank lines in, 0 reports"):
            self.run_partition(self.postings, binary=b)

    def test_an_exit_code_that_contradicts_the_output_fails(self):
        b = wrapper(self.tmp, "exit0", 'REAL "$@"; exit 0')  # errors were found: jobseal says 1
        with self.assertRaisesRegex(jobseal_spark.CheckFailed, "exit code 0 does not match"):
            self.run_partition(self.postings, binary=b)

    def test_stopping_early_ends_the_process(self):
        gen = jobseal_spark.check_partition(0, iter(self.postings * 200), BIN, ["--today", TODAY])
        next(gen)
        gen.close()  # as when a consumer (take(1)) has what it wants: no orphan left behind
        self.assertEqual(subprocess.run(["pgrep", "-f", "^%s check -" % re.escape(BIN)],
                                        capture_output=True).returncode, 1)


class SparkJob(unittest.TestCase):
    """The job itself, as `python jobseal_spark.py` runs it, in local[2]."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="jobseal-spark-")
        cls.input = os.path.join(cls.tmp, "postings.jsonl")
        make_input(cls.input)
        cls.audit = audit(cls.input, cls.tmp)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def out(self, name):
        return os.path.join(self.tmp, name)

    def test_reports_and_summary_match_audit(self):
        want, want_summary, want_bad = self.audit
        self.assertEqual(want_summary["bad_lines"], 4)  # the 3 planted ones and "[]"
        p = spark_job(self.input, self.out("job"), "--min-partitions", "5")
        self.assertEqual(p.returncode, 0, p.stderr)
        got, parts = reports_of(self.out("job"))
        self.assertEqual(parts, 5)
        self.assertEqual(got.count(b"\n"), want_summary["postings_checked"])
        self.assertTrue(got == want, "the reports differ from jobseal audit's")
        with open(self.out("job/summary.json")) as f:
            s = json.load(f)
        for key in ("postings_checked", "postings_with_errors", "bad_lines", "findings", "per_rule",
                    "per_category"):
            self.assertEqual(s[key], want_summary[key], key)
        # Bad lines: the same input line numbers and messages as audit's, found without a second pass.
        self.assertEqual([(b["line"], b["message"]) for b in s["bad_lines_listed"]], want_bad)
        for line, message in want_bad:
            self.assertRegex(p.stderr, r"line %d \(partition \d+, line \d+\): %s" % (line, re.escape(message)))
        self.assertIn(b'{"id":null,"ok":false', got)
        print("\n  spark job, %d postings, 5 partitions: %.1f s (audit: %.2f s)"
              % (N, p.seconds, want_summary["elapsed_secs"]), file=sys.stderr)

    def test_lang_and_rule_pack_are_shipped(self):
        pack = self.out("pack.json")
        with open(pack, "w") as f:
            f.write('{"rules": {"age-restriction": {"enabled": false}}}')
        os.makedirs(self.out("audit-en"))
        want, want_summary, _ = audit(self.input, self.out("audit-en"), "--lang", "en", "--config", pack)
        p = spark_job(self.input, self.out("job-en"), "--lang", "en", "--config", pack)
        self.assertEqual(p.returncode, 0, p.stderr)
        got, _ = reports_of(self.out("job-en"))
        self.assertTrue(got == want, "the reports (--lang en --config) differ from jobseal audit's")
        self.assertNotIn("age-restriction", want_summary["per_rule"])
        self.assertIn(b"sex", got)

    def assert_failed(self, p, out, pattern):
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertRegex(p.stderr, r"jobseal-spark: job failed: .*" + pattern)
        self.assertFalse(os.path.exists(os.path.join(out, "summary.json")))
        self.assertFalse(os.path.exists(os.path.join(out, "reports", "_SUCCESS")))

    def test_a_crash_part_way_fails_the_job(self):
        b = wrapper(self.tmp, "jobseal-segv", 'head -n 200 | REAL "$@"; kill -SEGV $$')
        p = spark_job(self.input, self.out("job-crash"), binary=b)
        # 200 lines in, fewer reports if a blank or bad line was among them (partition 0 or 1 first).
        self.assert_failed(p, self.out("job-crash"), r"crashed: killed by signal 11 \(SIGSEGV\) after (199|200) reports")

    def test_a_short_output_fails_the_job(self):
        b = wrapper(self.tmp, "jobseal-drops", 'REAL "$@" | sed 5d')  # exit code: sed's, 0
        p = spark_job(self.input, self.out("job-short"), binary=b)
        self.assert_failed(p, self.out("job-short"), r"short output: \d+ non-blank lines in")

    @unittest.skipIf(os.environ.get("JOBSEAL_SPARK_SCALA") == "0", "JOBSEAL_SPARK_SCALA=0")
    def test_the_scala_pipe_form(self):
        import pyspark

        shell = os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-shell")
        out = self.out("job-scala")
        p = subprocess.run(
            [shell, "--master", "local[2]", "--conf", "spark.jobseal.binary=" + BIN,
             "--conf", "spark.jobseal.input=" + self.input, "--conf", "spark.jobseal.output=" + out,
             "--conf", "spark.jobseal.today=" + TODAY, "-i", os.path.join(HERE, "jobseal_pipe.scala")],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env(), timeout=600,
        )
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        got, _ = reports_of_dir(out)
        self.assertTrue(got == self.audit[0], "the Scala form's reports differ from jobseal audit's")


if __name__ == "__main__":
    if not os.access(BIN, os.X_OK):
        sys.exit("test_spark: no jobseal binary at %s (set JOBSEAL_BIN)" % BIN)
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    passed = result.testsRun - failed - len(result.skipped)
    print("spark: %d passed, %d failed, %d skipped" % (passed, failed, len(result.skipped)))
    sys.exit(1 if failed else 0)
