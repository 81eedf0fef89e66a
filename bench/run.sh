#!/usr/bin/env bash
# Builds the library and the benchmarks, runs them, and prints the tables of bench/README.md.
#
#   bench/run.sh            the measured run (about 20-30 minutes on a 2-core machine)
#   bench/run.sh --smoke    a check that everything runs: n = 500, tol 1e-4, one short iteration each
#                           (results go to bench/target/results-smoke, not bench/results)
#
# Environment (all optional):
#   SP_BENCH_RESULTS     where the JSON results, logs and tables go (default bench/results)
#   SP_BENCH_SKIP_BUILD  1: use the existing bench/target/benchmarks.jar as it is
#   SP_BENCH_PHASES      which phases to run, default "matvec lp nash500 nash2000 slow backends"
#                        (--smoke knows matvec, lp, nash500 and backends); "backends" alone:
#                        SP_BENCH_PHASES=backends bench/run.sh
#                        "preference" (preference games; not in the default list, --smoke knows it too):
#                        SP_BENCH_PHASES=preference bench/run.sh
#                        "twostage" (exact CCG, Neur2RO, network forward pass; not in the default list,
#                        --smoke knows it too): SP_BENCH_PHASES=twostage bench/run.sh
#   SP_BENCH_BACKENDS_LIMIT  time limit of one rm-plus solve in the backends phase (default 300)
#   SP_BENCH_LIMIT_500   time limit of one solve at n = 500 (but mwu), seconds (default 120)
#   SP_BENCH_LIMIT_2000  ... at n = 2000 for default, prm-plus, rm-plus, halpern (default 600)
#   SP_BENCH_SLOW_LIMIT  ... for mwu at n = 500 and for extragradient, optimistic, mwu
#                        at n = 2000, each measured once (default 60)
#   SP_BENCH_LP_LIMIT    ... of the LP (default 1800)
#   JAVA                 the java launcher (default: java on PATH)
#   POCL_CACHE_DIR       where pocl (the CPU OpenCL) caches built kernels (default bench/target/pocl-cache)
#
# Run it on an otherwise idle machine: the numbers of a loaded machine measure the load.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
JAVA="${JAVA:-java}"
SMOKE=0
if [[ "${1:-}" == "--smoke" ]]; then
  SMOKE=1
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--smoke]" >&2
  exit 2
fi
if [[ $SMOKE == 1 ]]; then
  RESULTS="${SP_BENCH_RESULTS:-$BENCH_DIR/target/results-smoke}"
else
  RESULTS="${SP_BENCH_RESULTS:-$BENCH_DIR/results}"
fi
PHASES="${SP_BENCH_PHASES:-matvec lp nash500 nash2000 slow backends}"
LIMIT_500="${SP_BENCH_LIMIT_500:-120}"
LIMIT_2000="${SP_BENCH_LIMIT_2000:-600}"
SLOW_LIMIT="${SP_BENCH_SLOW_LIMIT:-60}"
LP_LIMIT="${SP_BENCH_LP_LIMIT:-1800}"
BACKENDS_LIMIT="${SP_BENCH_BACKENDS_LIMIT:-300}"
export POCL_CACHE_DIR="${POCL_CACHE_DIR:-$BENCH_DIR/target/pocl-cache}"
mkdir -p "$POCL_CACHE_DIR"
JAR="$BENCH_DIR/target/benchmarks.jar"
B=org.saddlepoint.bench

# 1. Build. The library goes to a folder of its own (never the root target/), then into ~/.m2,
#    where the bench's pom finds it; the bench builds the shaded bench/target/benchmarks.jar.
if [[ "${SP_BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building the library (build folder bench/target/saddlepoint-lib) and installing it"
  mvn -q -f "$ROOT/pom.xml" -Dsp.buildDir="$BENCH_DIR/target/saddlepoint-lib" install -Dmaven.test.skip=true
  echo "== building bench/target/benchmarks.jar"
  mvn -q -f "$BENCH_DIR/pom.xml" package
fi
[[ -f "$JAR" ]] || { echo "missing $JAR" >&2; exit 1; }

if [[ $SMOKE == 1 ]]; then
  rm -rf "$RESULTS"
fi
mkdir -p "$RESULTS"
echo "== results: $RESULTS"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //') x $(nproc)"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
  echo "mode: $([[ $SMOKE == 1 ]] && echo smoke || echo full)"
} > "$RESULTS/environment.txt"
cat "$RESULTS/environment.txt"

# jmh NAME ARGS...: one JMH invocation, JSON to $RESULTS/NAME.json, console to $RESULTS/NAME.log.
# JMH goes on past a failed configuration (-foe false): the tables report it as failed.
# Each Nash phase sets JMH's iteration timeout (-to, 10 min by default) above the solver's own
# time limit, so that JMH never interrupts a solve: the solver stops itself and reports why.
jmh() {
  local name="$1"
  shift
  echo "== $name: java -jar benchmarks.jar $*"
  local start=$SECONDS
  local rc=0
  rm -f "$RESULTS/$name.json" "$RESULTS/$name.log"
  "$JAVA" -jar "$JAR" "$@" -foe false -rf json -rff "$RESULTS/$name.json" 2>&1 | tee "$RESULTS/$name.log" || rc=$?
  [[ $rc == 0 ]] || echo "== $name: JMH exited with status $rc (see $RESULTS/$name.log)"
  echo "== $name took $((SECONDS - start)) s"
}

has_phase() { [[ " $PHASES " == *" $1 "* ]]; }

if [[ $SMOKE == 1 ]]; then
  # Proves every benchmark runs end to end; the numbers mean nothing.
  has_phase matvec && jmh matvec "$B.MatVecBenchmark" -p n=500 -f 1 -wi 1 -w 1s -i 1 -r 1s
  has_phase matvec && jmh matvec-threads "$B.MatVecThreadsBenchmark" -p n=500 -f 1 -wi 1 -w 1s -i 1 -r 1s
  has_phase lp && jmh nash-lp "$B.NashLpBenchmark" -p n=500 -p timeLimit=300 -f 1 -wi 0 -i 1
  has_phase nash500 && jmh nash-500 "$B.NashBenchmark" -p n=500 -p tol=1e-4 -p timeLimit=30 -f 1 -wi 0 -i 1
  has_phase backends && jmh backends-kernels "$B.KernelBackendBenchmark" -p n=500 -f 1 -wi 0 -i 1 -r 1s
  has_phase backends && jmh backends-nash "$B.NashBenchmark" -p method=rm-plus -p n=500 -p tol=1e-4 \
    -p backend=java,opencl -p precision=double,float -p timeLimit=30 -f 1 -wi 0 -i 1
  has_phase groupwise && jmh groupwise "$B.GroupwiseBenchmark" -p groups=10,1000 -p d=10,100 -f 1 -wi 1 -w 1s -i 1 -r 1s
  # Finite-sum methods (opt-in: SP_BENCH_PHASES=finitesum): one short epoch timing each, one solve each.
  has_phase finitesum && jmh finitesum-epochs "$B.FiniteSumEpochBenchmark" -f 1 -wi 1 -w 1s -i 1 -r 1s
  has_phase finitesum && jmh finitesum-residual "$B.FiniteSumTimeToResidualBenchmark" -f 1 -wi 0 -i 1
  has_phase preference && jmh preference-updates "$B.PreferenceUpdateBenchmark" -p k=10,100,1000 -f 1 -wi 0 -i 1 -r 1s
  has_phase preference && jmh preference-gap "$B.PreferenceGapBenchmark" -p timeLimit=30 -f 1 -wi 0 -i 1
  has_phase robust && jmh robust "$B.RobustLearnerBenchmark|$B.AlphaMaximizationBenchmark" -p d=4 -p samples=100 \
    -f 1 -wi 0 -i 1 -r 1s
  # Two-stage robust (opt-in: SP_BENCH_PHASES=twostage): CCG and Neur2RO at n = 10 once, two forward-pass batches.
  has_phase twostage && jmh twostage "$B.TwoStageRobustBenchmark" -p n=10 -f 1 -wi 0 -i 1
  has_phase twostage && jmh network-forward "$B.NetworkForwardBenchmark" -p batch=1,1000 -f 1 -wi 0 -i 1 -r 1s
else
  # Kernels: 14 kernels x 2 sizes, one fork each, 3 x 1 s warm-up + 5 x 1 s measured (~5 min).
  has_phase matvec && jmh matvec "$B.MatVecBenchmark" -p n=500,2000 -f 1 -wi 3 -w 1s -i 5 -r 1s
  # The same double loops split over 1 and 2 threads (KernelThreads), ~1 min.
  has_phase matvec && jmh matvec-threads "$B.MatVecThreadsBenchmark" -p n=500,2000 -f 1 -wi 3 -w 1s -i 5 -r 1s
  # LP: exact, so one tolerance. n = 500 (seconds): one warm-up solve, three measured;
  # n = 2000 (can take minutes): measured once, no warm-up.
  has_phase lp && jmh nash-lp-500 "$B.NashLpBenchmark" -p n=500 -p timeLimit="$LP_LIMIT" -to "$((LP_LIMIT + 300))s" -f 1 -wi 1 -i 3
  has_phase lp && jmh nash-lp-2000 "$B.NashLpBenchmark" -p n=2000 -p timeLimit="$LP_LIMIT" -to "$((LP_LIMIT + 300))s" -f 1 -wi 0 -i 1
  # n = 500, the iterative methods but mwu, both tolerances: one warm-up solve, three measured.
  has_phase nash500 && jmh nash-500 "$B.NashBenchmark" -p n=500 -p tol=1e-4,1e-6 \
    -p method=default,prm-plus,rm-plus,halpern,extragradient,optimistic \
    -p timeLimit="$LIMIT_500" -to "$((LIMIT_500 + 300))s" -f 1 -wi 1 -i 3
  # n = 2000, the methods the targets compare (default vs rm-plus), prm-plus and halpern: one warm-up, two measured.
  has_phase nash2000 && jmh nash-2000 "$B.NashBenchmark" -p n=2000 -p tol=1e-4,1e-6 \
    -p method=default,prm-plus,rm-plus,halpern -p timeLimit="$LIMIT_2000" -to "$((LIMIT_2000 + 300))s" -f 1 -wi 1 -i 2
  # The two methods the 4x target compares, with the products held to one thread: what the
  # threads of the products gain (labels default/1t, rm-plus/1t).
  has_phase nash2000 && jmh nash-2000-1t "$B.NashBenchmark" -p n=2000 -p tol=1e-6 -p threads=1 \
    -p method=default,rm-plus -p timeLimit="$LIMIT_2000" -to "$((LIMIT_2000 + 300))s" -f 1 -wi 1 -i 2
  # The slow ones: one solve each, capped at SP_BENCH_SLOW_LIMIT seconds; a method that cannot
  # reach tol in that time shows as failed (TIME_LIMIT) with the gap it reached.
  has_phase slow && jmh nash-500-mwu "$B.NashBenchmark" -p n=500 -p tol=1e-4,1e-6 \
    -p method=mwu -p timeLimit="$SLOW_LIMIT" -to "$((SLOW_LIMIT + 300))s" -f 1 -wi 0 -i 1
  has_phase slow && jmh nash-2000-others "$B.NashBenchmark" -p n=2000 -p tol=1e-4,1e-6 \
    -p method=extragradient,optimistic,mwu -p timeLimit="$SLOW_LIMIT" -to "$((SLOW_LIMIT + 300))s" \
    -f 1 -wi 0 -i 1
  # Kernel backends (files backends-*; Report keeps them apart from the phases above). One RM+
  # iteration's two products through Kernels, java and opencl, float and double, n = 2000 and
  # 8000 (8 configurations, one fork each, 2 x 1 s warm-up + 3 x 1 s measured). Then rm-plus at
  # n = 2000 to tol 1e-6 on each backend, in double and in float (certified in double), once each
  # (java/double is the reference, same run).
  # opencl that falls back to plain Java fails the configuration instead of being mislabelled.
  has_phase backends && jmh backends-kernels "$B.KernelBackendBenchmark" -p n=2000,8000 \
    -f 1 -wi 2 -w 1s -i 3 -r 1s
  has_phase backends && jmh backends-nash "$B.NashBenchmark" -p method=rm-plus -p n=2000 -p tol=1e-6 \
    -p backend=java,opencl -p precision=double,float -p timeLimit="$BACKENDS_LIMIT" -to "$((BACKENDS_LIMIT + 300))s" -f 1 -wi 0 -i 1
  # Groupwise regret (not in the default list: SP_BENCH_PHASES=groupwise): one round of the
  # groupwise algorithm, G = 10, 100, 1000 groups x d = 10, 30, 100 (~1 min).
  has_phase groupwise && jmh groupwise "$B.GroupwiseBenchmark" -f 1 -wi 2 -w 1s -i 3 -r 1s
  # Finite-sum methods (phase finitesum, not in the default list: SP_BENCH_PHASES=finitesum bench/run.sh):
  # ms per epoch of each method on policeman-burglar n = 2000 and least squares n = 100,000 (12
  # configurations, 3 x 1 s warm-up + 5 x 1 s measured), then alg1 and halpern to ||F|| <= 1e-2 ||F(u0)||
  # on least squares n = 100,000 (one warm-up solve, three measured).
  has_phase finitesum && jmh finitesum-epochs "$B.FiniteSumEpochBenchmark" -f 1 -wi 3 -w 1s -i 5 -r 1s
  has_phase finitesum && jmh finitesum-residual "$B.FiniteSumTimeToResidualBenchmark" -f 1 -wi 1 -i 3
  # Preference games (phase preference, not in the default list: SP_BENCH_PHASES=preference bench/run.sh):
  # updates/s of EGPO, OMD, Nash-MD at K = 10 .. 10000 (12 configurations, 2 x 1 s warm-up + 3 x 1 s),
  # then the time to Gap_beta <= 1e-8 at K = 1000, beta = 0.01, EGPO and OMD in one run (cap 120 s each).
  has_phase preference && jmh preference-updates "$B.PreferenceUpdateBenchmark" -f 1 -wi 2 -w 1s -i 3 -r 1s
  has_phase preference && jmh preference-gap "$B.PreferenceGapBenchmark" -to 600s -f 1 -wi 1 -i 3
  # Robust MDP learners (phase robust, not in the default list: SP_BENCH_PHASES=robust bench/run.sh): one
  # episode's refit per learner, d = 4, 30, 100, n = 100, 1000 samples per step, and the alpha maximization alone.
  has_phase robust && jmh robust "$B.RobustLearnerBenchmark|$B.AlphaMaximizationBenchmark" \
    -f 1 -wi 3 -w 1s -i 5 -r 1s
  # Two-stage robust optimization (phase twostage, not in the default list: SP_BENCH_PHASES=twostage
  # bench/run.sh): exact CCG capped at 3 iterations and Neur2RO to its stop (HiGHS and CBC) on generated
  # knapsacks, n = 10, 15, 20 (one warm-up, three measured, ~5 min); then the network forward pass, Java and
  # OpenCL, batch 1 to 10,000 (2 x 1 s warm-up + 3 x 1 s measured).
  has_phase twostage && jmh twostage "$B.TwoStageRobustBenchmark" -f 1 -wi 1 -i 3
  has_phase twostage && jmh network-forward "$B.NetworkForwardBenchmark" -f 1 -wi 2 -w 1s -i 3 -r 1s
fi

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" >> "$RESULTS/environment.txt"
echo "== tables (also in $RESULTS/tables.md)"
"$JAVA" -cp "$JAR" "$B.Report" "$RESULTS" | tee "$RESULTS/tables.md"
