// The JVM form: Scala's rdd.pipe, for spark-shell (tested by test_spark.py in local[2] only):
//   spark-shell --master local[2] --conf spark.jobseal.binary=target/native/jobseal \
//     --conf spark.jobseal.input=p.jsonl --conf spark.jobseal.output=out -i jobseal_pipe.scala < /dev/null
// Scala's pipe keeps the executor's environment, fails the task on any non-zero exit code (so the
// shell turns jobseal's 1 and 2 into 0 and lets 3+ and signals through), and sends jobseal's stderr
// (bad-line messages) to the executor's log. It does not catch a short output: jobseal_spark.py does.
import org.apache.spark.SparkFiles

val binary = sc.getConf.get("spark.jobseal.binary")
val today = sc.getConf.get("spark.jobseal.today", "2026-11-28")
sc.addFile(binary)
val name = new java.io.File(binary).getName
// pipe(String) splits its command on whitespace (no quoting), so the command is a Seq. $0 is the
// file's place on the driver (local mode); on a cluster's executors it is ./NAME in their cwd.
val script = "b=\"$0\"; [ -x \"$b\" ] || b=./\"$1\"; \"$b\" check - --jsonl --today \"$2\"; c=$?; [ $c -le 2 ]"
val reports = sc.textFile(sc.getConf.get("spark.jobseal.input"))
  .pipe(Seq("sh", "-c", script, SparkFiles.get(name), name, today))
val saved = scala.util.Try(reports.saveAsTextFile(sc.getConf.get("spark.jobseal.output")))
saved.failed.foreach(e => System.err.println(s"jobseal_pipe: job failed: $e"))
System.exit(if (saved.isSuccess) 0 else 1)
