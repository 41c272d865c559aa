#!/usr/bin/env bash
# Submits one `medsyn` sub-command to Spark: the body of every jobs/*.sh wrapper (`submit.sh STAGE [options]`).
# With a spark-submit on the PATH (or $SPARK_SUBMIT) it runs that; without one it runs the same entry point,
# org.apache.spark.deploy.SparkSubmit, on the Maven test classpath (target/classpath.txt, written by the build).
set -euo pipefail

stage="${1:?usage: submit.sh STAGE [options] (the jobs/*.sh wrappers pass STAGE)}"
shift
jobs_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project_dir="$(dirname "$jobs_dir")"
wrapper="jobs/$([ "$stage" = run ] && echo pipeline || echo "$stage").sh"

usage() {
  cat <<EOF
Usage: $wrapper [options] [--] [medsyn $stage options]

Runs \`medsyn $stage\` through spark-submit with the shaded job jar.

Options (each also read from the environment variable shown; a flag wins):
  --master URL          Spark master: local[N], spark://HOST:PORT, yarn, k8s://URL  [MEDSYN_MASTER, default local[*]]
  --deploy-mode MODE    client or cluster                                          [MEDSYN_DEPLOY_MODE, default client]
  --config FILE         MedSyn YAML configuration, passed as \`medsyn $stage -c\`     [MEDSYN_CONFIG, default none]
                        (conf/local.yaml, conf/cluster.yaml; in cluster mode it is shipped with --files)
  --driver-memory SIZE  driver JVM heap, e.g. 2g                                    [MEDSYN_DRIVER_MEMORY, default 1g]
  --conf KEY=VALUE      a Spark property, repeatable                                [MEDSYN_SPARK_CONF, space-separated]
  --jar PATH            the job jar (a path or URI)    [MEDSYN_JAR, default target/medsyn-spark-0.1.0-SNAPSHOT-job.jar]
  --dry-run             print the command instead of running it
  -h, --help            this help

Everything after \`--\` goes to \`medsyn $stage\`, e.g. \`-- --output s3a://bucket/runs/2026-11-24 --seed 7\`
(see \`medsyn $stage --help\`). Spark settings the driver reads before it starts (driver memory) belong here;
executor counts and memory belong in the --config file's spark.conf section or in --conf.
S3 credentials come from the standard providers: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, an instance profile,
or --conf spark.hadoop.fs.s3a.*; never from the config file.
SPARK_SUBMIT names a spark-submit to use; without one on the PATH the wrapper runs SparkSubmit on the build's
classpath (target/classpath.txt, written by \`make build\` or \`mvn package\`).
EOF
}

fail() {
  echo "$wrapper: $*" >&2
  exit 2
}

master="${MEDSYN_MASTER:-local[*]}"
deploy_mode="${MEDSYN_DEPLOY_MODE:-client}"
config="${MEDSYN_CONFIG:-}"
driver_memory="${MEDSYN_DRIVER_MEMORY:-1g}"
jar="${MEDSYN_JAR:-$project_dir/target/medsyn-spark-0.1.0-SNAPSHOT-job.jar}"
dry_run=false
spark_conf=()
for kv in ${MEDSYN_SPARK_CONF:-}; do
  spark_conf+=("$kv")
done
medsyn_args=()

need_value() {
  [ "$2" -ge 2 ] || fail "$1 needs a value (see --help)"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --master) need_value "$1" $#; master="$2"; shift 2 ;;
    --deploy-mode) need_value "$1" $#; deploy_mode="$2"; shift 2 ;;
    --config) need_value "$1" $#; config="$2"; shift 2 ;;
    --driver-memory) need_value "$1" $#; driver_memory="$2"; shift 2 ;;
    --conf) need_value "$1" $#; spark_conf+=("$2"); shift 2 ;;
    --jar) need_value "$1" $#; jar="$2"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; medsyn_args+=("$@"); break ;;
    *) medsyn_args+=("$1"); shift ;;
  esac
done

case "$deploy_mode" in
  client|cluster) ;;
  *) fail "--deploy-mode must be client or cluster, got '$deploy_mode'" ;;
esac
for kv in ${spark_conf[@]+"${spark_conf[@]}"}; do
  [[ "$kv" == *=* ]] || fail "--conf expects KEY=VALUE, got '$kv'"
done

submit_args=(--master "$master" --deploy-mode "$deploy_mode" --class io.medsyn.MedSyn --name "medsyn-$stage"
  --driver-memory "$driver_memory")
for kv in ${spark_conf[@]+"${spark_conf[@]}"}; do
  submit_args+=(--conf "$kv")
done
config_args=()
if [ -n "$config" ]; then
  [ -f "$config" ] || fail "--config $config: no such file (try conf/local.yaml or conf/cluster.yaml)"
  if [ "$deploy_mode" = cluster ]; then
    # The driver runs on a cluster node: ship the file beside it and name it there by its base name.
    submit_args+=(--files "$config")
    config_args=(-c "$(basename "$config")")
  else
    config_args=(-c "$(cd "$(dirname "$config")" && pwd)/$(basename "$config")")
  fi
fi
if [[ "$jar" != *://* ]] && [ ! -f "$jar" ]; then
  fail "job jar $jar not found: build it with \`make build\` (mvn package) or pass --jar"
fi
app_args=("$jar" "$stage" ${config_args[@]+"${config_args[@]}"} ${medsyn_args[@]+"${medsyn_args[@]}"})

spark_submit="${SPARK_SUBMIT:-$(command -v spark-submit || true)}"
if [ -n "$spark_submit" ]; then
  command=("$spark_submit" "${submit_args[@]}" "${app_args[@]}")
else
  # No Spark distribution: the JVM spark-submit would start, on the build's classpath. In client mode this JVM is
  # the driver, so it gets the driver memory and Spark's own JVM flags (the list pom.xml gives the tests).
  classpath_file="$project_dir/target/classpath.txt"
  [ -f "$classpath_file" ] || fail "no spark-submit on the PATH and no $classpath_file: run \`make build\` or set SPARK_SUBMIT"
  read -r -a jvm_flags <<<"$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$project_dir/pom.xml")"
  java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  command=("$java" "-Xmx$driver_memory" "${jvm_flags[@]}"
    "-Dlog4j2.configurationFile=$project_dir/conf/log4j2.properties"
    -cp "$(cat "$classpath_file")" org.apache.spark.deploy.SparkSubmit "${submit_args[@]}" "${app_args[@]}")
fi

if $dry_run; then
  printf '%q ' "${command[@]}"
  echo
  exit 0
fi
exec "${command[@]}"
