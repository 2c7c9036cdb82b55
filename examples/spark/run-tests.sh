#!/usr/bin/env bash
# The Spark tier: makes (once) a venv with a pinned PySpark at tools/spark-venv, then runs
# examples/spark/test_spark.py in local[2]. Needs python3, Java 17+, node and PyPI.
#   bash examples/spark/run-tests.sh
# JOBSEAL_BIN=path tests that binary instead of building target/native/jobseal;
# JOBSEAL_SPARK_SCALA=0 skips the spark-shell (Scala) test, about 30 s.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYSPARK_VERSION=4.3.0 # Spark 4 runs on Java 17 or 21
VENV=tools/spark-venv
start=$(date +%s)

# Java: PySpark starts a JVM (JAVA_HOME's, else the java on PATH).
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! version=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1) || [ -z "$version" ]; then
  echo "run-tests.sh: no java: install a JDK 17 (Debian: apt-get install openjdk-17-jre-headless)" >&2
  exit 1
fi
if [ "$version" -lt 17 ]; then
  echo "run-tests.sh: java $version: PySpark $PYSPARK_VERSION needs Java 17 or later" >&2
  exit 1
fi

# The venv, with pip when python3 has ensurepip (Debian's python3 has it only with python3-venv).
# Without it: a venv without pip, filled by python3's own pip (Debian: python3-pip), pip >= 22.3.
has_pyspark() {
  "$VENV/bin/python" -c 'import sys, importlib.metadata as m; sys.exit(m.version("pyspark") != sys.argv[1])' \
    "$PYSPARK_VERSION" 2>/dev/null
}
if ! has_pyspark; then
  if [ ! -x "$VENV/bin/python" ]; then
    rm -rf "$VENV"
    if ! python3 -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      python3 -m venv --without-pip "$VENV"
    fi
  fi
  if [ -x "$VENV/bin/pip" ]; then
    "$VENV/bin/pip" install --disable-pip-version-check -q "pyspark==$PYSPARK_VERSION"
  elif python3 -m pip --version >/dev/null 2>&1; then
    python3 -m pip --python "$VENV/bin/python" install --disable-pip-version-check -q "pyspark==$PYSPARK_VERSION"
  else
    echo "run-tests.sh: python3 has neither ensurepip nor pip; on Debian: apt-get install python3-venv" >&2
    exit 1
  fi
  has_pyspark
fi
installed=$(date +%s)

if [ -z "${JOBSEAL_BIN:-}" ]; then
  cargo build --profile native --locked --bin jobseal
fi

# A quiet Spark: errors only, no UI, no progress bar (conf/), and no warning that the host name
# resolves to a loopback address.
export SPARK_CONF_DIR="$PWD/examples/spark/conf"
export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON="$PWD/$VENV/bin/python"
tested=0
"$VENV/bin/python" examples/spark/test_spark.py || tested=$?
end=$(date +%s)
echo "spark tier: venv and PySpark $PYSPARK_VERSION $((installed - start)) s, tests $((end - installed)) s"
exit "$tested"
