# Shared by the scripts: where things are, and building the jobs jar when sources changed.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LAUNCHER="$ROOT/jobs/target/launcher"
S3PROXY_JAR="$ROOT/target/tools/s3proxy.jar"
SPARK_DIST_CLASSPATH="$ROOT/spark-dist/target/spark-classpath.txt"

die() { echo "$(basename "$0"): $*" >&2; exit "${EXIT_CODE:-1}"; }

# Empty when not built yet (|| true: under pipefail a missing jar must not end the script).
jobs_jar() { ls "$ROOT"/jobs/target/pulse-jobs-*.jar 2>/dev/null | grep -v -e original -e tests | head -1 || true; }

# Builds the jobs jar (and fetches s3proxy) when missing or older than any source file. One build
# at a time: scripts started side by side (two tests, a bench beside the demo) would otherwise
# rewrite the jar under each other; the second waits for the lock, then finds the build fresh.
build_if_needed() {
  mkdir -p "$ROOT/target"
  ( flock 9; build_is_fresh || build_now ) 9> "$ROOT/target/.build.lock" || exit
}

build_is_fresh() {
  local jar; jar=$(jobs_jar)
  [[ -n "$jar" && -f "$LAUNCHER/cluster-classpath.txt" && -f "$SPARK_DIST_CLASSPATH" && -f "$S3PROXY_JAR" ]] &&
    [[ -z $(find "$ROOT/pom.xml" "$ROOT/common" "$ROOT/generator" "$ROOT/jobs/pom.xml" "$ROOT/jobs/src" "$ROOT/conf" \
            -newer "$jar" -type f -not -path '*/target/*' -print -quit) ]]
}

build_now() {
  echo "building Pulse (mvn -B -q package -DskipTests)…" >&2
  (cd "$ROOT" && mvn -B -q package -DskipTests) >&2 || die "build failed"
}

# The jars a Spark distribution's jars/ folder holds (spark-dist/pom.xml): what the JVMs of
# scripts/spark-submit and scripts/local-cluster run on, with the shaded jobs jar on top.
spark_classpath() { cat "$SPARK_DIST_CLASSPATH"; }

# The benchmarks' landing data for scale factor $1, $2 days from $3, bad-row rate $4 (seed 42),
# generated under $5 when absent and reused otherwise, so the benchmarks time the same deliveries.
bench_landing() {
  local sf=$1 days=$2 start=$3 rate=$4 landing=$5 last
  last=$(date -u -d "$start + $((days - 1)) days" +%F)
  if [[ ! -f "$landing/_truth/bad_rows/bad_rows.csv" ]]; then
    echo "== generating SF $sf, $days days into $landing"
    mkdir -p "$landing"
    "$ROOT/scripts/pulse" generate --scale-factor "$sf" --seed 42 --start "$start" --end "$last" \
      --bad-row-rate "$rate" --out "$landing" > "$landing.generate.log" 2>&1 ||
      die "generating landing data failed, see $landing.generate.log"
  fi
}

# The benchmarks' shared options: sets sf (default 1), days (730) and rate (0.01), and the dates
# start (2025-01-01), last (the incremental day) and before_last (the backfill's end). -h prints
# the caller's usage().
bench_options() {
  sf=1; days=730; rate=0.01
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --scale-factor) sf=$2; shift 2 ;;
      --days) days=$2; shift 2 ;;
      --bad-row-rate) rate=$2; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) EXIT_CODE=2 die "unknown option $1 (see --help)" ;;
    esac
  done
  (( days >= 2 )) || EXIT_CODE=2 die "--days must be at least 2"
  start=2025-01-01
  last=$(date -u -d "$start + $((days - 1)) days" +%F)
  before_last=$(date -u -d "$last - 1 day" +%F)
}

# Seconds `pulse "$@"` takes (JVM and Spark start included), its output kept in $work/$1.log; for
# the benchmarks, which define `pulse` (with their settings) and `work`.
timed() {
  local name=$1; shift
  local t0 t1; t0=$(date +%s.%N)
  pulse "$@" > "$work/$name.log" 2>&1 || die "$name failed, see $work/$name.log"
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
