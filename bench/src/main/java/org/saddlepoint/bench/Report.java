package org.saddlepoint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints the tables of bench/README.md (Markdown) from a results folder: JMH's JSON files
 * ({@code -rf json}) and the console logs next to them, whose SP-BENCH-INFO / SP-BENCH-FAIL lines
 * give iteration counts and the reason a configuration failed.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.saddlepoint.bench.Report bench/results</pre>
 */
public final class Report {
    private static final String PKG = "org.saddlepoint.bench.";
    private static final List<String> METHOD_ORDER = List.of("default", "prm-plus", "rm-plus", "halpern",
            "extragradient", "optimistic", "mwu", "lp");
    private static final List<String> KERNEL_ORDER = List.of("loopDoubleAx", "loopDoubleATx", "loopDoubleBoth",
            "loopFloatAx", "loopFloatATx", "loopFloatBoth", "ejmlDoubleAx", "ejmlDoubleATx", "ejmlFloatAx",
            "ejmlFloatATx", "ojalgoDoubleAx", "ojalgoDoubleATx", "ojalgoFloatAx", "ojalgoFloatATx");
    private static final Pattern KV = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

    /** Issue targets. */
    private static final double TARGET_N = 2000;
    private static final double TARGET_TOL = 1e-6;
    private static final double TARGET_VS_LP = 100;
    private static final double TARGET_VS_RM = 4;
    private static final double TARGET_GBS = 20;

    private Report() {
    }

    /** One timed configuration: score in seconds per operation. */
    private record Timing(double seconds, double error, int samples) {
    }

    /** (n, tol, method) of a Nash configuration; method is {@link NashCases#label}: rm-plus@opencl. */
    private record NashKey(int n, double tol, String method) {
    }

    /** (backend, precision) of a KernelBackendBenchmark configuration. */
    /** A MatVecThreadsBenchmark configuration: n, product (ax, atx, both) and thread count. */
    private record SplitKey(int n, String product, int threads) {
    }

    private record BackendKey(String backend, String precision) {
    }

    private static final List<BackendKey> BACKEND_ORDER = List.of(new BackendKey("java", "double"),
            new BackendKey("java", "float"), new BackendKey("opencl", "double"), new BackendKey("opencl", "float"));
    /** Issue target: OpenCL float iteration at least this much faster than java double at n = 2000. */
    private static final double TARGET_BACKEND_SPEEDUP = 2;
    private static final String BACKENDS_PREFIX = "backends";

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/results");
        Map<NashKey, Timing> nash = new LinkedHashMap<>();
        Map<Integer, Timing> lp = new TreeMap<>();
        Map<Integer, Map<String, Timing>> kernels = new TreeMap<>();
        Map<NashKey, Map<String, String>> info = new LinkedHashMap<>();
        Map<NashKey, Map<String, String>> fail = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> kernelFail = new TreeMap<>();
        // The backends phase (files backends*.json / .log): kept apart, so that its rm-plus (java)
        // is the reference of its rm-plus@opencl, from the same run, and does not replace the
        // rm-plus of the nash-2000 phase in the main tables.
        Map<NashKey, Timing> bNash = new LinkedHashMap<>();
        Map<NashKey, Map<String, String>> bInfo = new LinkedHashMap<>();
        Map<NashKey, Map<String, String>> bFail = new LinkedHashMap<>();
        Map<Integer, Map<BackendKey, Timing>> backends = new TreeMap<>();
        Map<Integer, Map<BackendKey, String>> backendFail = new TreeMap<>();
        Map<String, String> devices = new TreeMap<>();
        // Every other benchmark (the opt-in phases: groupwise, finite-sum, preference, robust, two-stage),
        // one generic table per result file.
        Map<String, List<String>> others = new TreeMap<>();
        Map<SplitKey, Timing> split = new TreeMap<>(Comparator.comparing(SplitKey::n)
                .thenComparing(SplitKey::product).thenComparing(SplitKey::threads));

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        ObjectMapper json = new ObjectMapper();
        for (Path f : files) {
            String name = f.getFileName().toString();
            boolean backendsPhase = name.startsWith(BACKENDS_PREFIX);
            if (name.endsWith(".json")) {
                String text = Files.readString(f).trim();
                if (text.isEmpty()) {
                    continue;
                }
                for (JsonNode r : json.readTree(text)) {
                    String bench = r.path("benchmark").asText();
                    JsonNode p = r.path("params");
                    JsonNode m = r.path("primaryMetric");
                    double unit = toSeconds(m.path("scoreUnit").asText());
                    int samples = 0;
                    for (JsonNode fork : m.path("rawData")) {
                        samples += fork.size();
                    }
                    Timing t = new Timing(number(m.path("score")) * unit, number(m.path("scoreError")) * unit, samples);
                    int n = p.path("n").asInt();
                    if (bench.startsWith(PKG + "NashBenchmark.")) {
                        (backendsPhase ? bNash : nash).put(new NashKey(n, Double.parseDouble(p.path("tol").asText()),
                                NashCases.label(p.path("method").asText(), p.path("backend").asText(""),
                                        p.path("precision").asText("double"), p.path("threads").asText(""))), t);
                    } else if (bench.startsWith(PKG + "KernelBackendBenchmark.")) {
                        backends.computeIfAbsent(n, k -> new LinkedHashMap<>())
                                .put(new BackendKey(p.path("backend").asText(), p.path("precision").asText()), t);
                    } else if (bench.startsWith(PKG + "NashLpBenchmark.")) {
                        lp.put(n, t);
                    } else if (bench.startsWith(PKG + "MatVecBenchmark.")) {
                        kernels.computeIfAbsent(n, k -> new LinkedHashMap<>())
                                .put(bench.substring((PKG + "MatVecBenchmark.").length()), t);
                    } else if (bench.startsWith(PKG + "MatVecThreadsBenchmark.")) {
                        split.put(new SplitKey(n, bench.substring((PKG + "MatVecThreadsBenchmark.").length()),
                                p.path("threads").asInt()), t);
                    } else {
                        others.computeIfAbsent(name.substring(0, name.length() - ".json".length()),
                                k -> new ArrayList<>()).add(otherRow(bench, p, m, samples));
                    }
                }
            } else if (name.endsWith(".log")) {
                List<String> lines = Files.readAllLines(f);
                readLog(lines, backendsPhase ? bInfo : info, backendsPhase ? bFail : fail, kernelFail, backendFail);
                for (String line : lines) {
                    int i = line.indexOf("SP-BENCH-BACKEND ");
                    if (i >= 0) {
                        Map<String, String> kv = parse(line.substring(i));
                        if (!"java".equals(kv.get("backend")) && kv.containsKey("device")) {
                            devices.put(kv.get("backend"), kv.get("device").replace("\"", ""));
                        }
                    }
                }
            }
        }

        System.out.println("## Nash equilibrium: time to a relative duality gap tol (uniform random n x n games)");
        System.out.println();
        System.out.println("Speed-up = reference time / method time (higher is faster), same run. "
                + "LP is exact (one solve per n).");
        TreeSet<NashKey> cases = new TreeSet<>((a, b) -> a.n != b.n ? Integer.compare(a.n, b.n)
                : Double.compare(b.tol, a.tol));
        for (NashKey k : nash.keySet()) {
            cases.add(new NashKey(k.n, k.tol, ""));
        }
        for (NashKey k : fail.keySet()) {
            if (!"lp".equals(k.method)) {
                cases.add(new NashKey(k.n, k.tol, ""));
            }
        }
        // The LP shows in every table of its n; it gets a table of its own only where no other
        // method ran at that n.
        TreeSet<Integer> lpSizes = new TreeSet<>(lp.keySet());
        for (NashKey k : fail.keySet()) {
            if ("lp".equals(k.method)) {
                lpSizes.add(k.n);
            }
        }
        for (Integer n : lpSizes) {
            if (cases.stream().noneMatch(c -> c.n == n)) {
                cases.add(new NashKey(n, TARGET_TOL, ""));
            }
        }
        for (NashKey c : cases) {
            System.out.println();
            System.out.printf(Locale.ROOT, "### n = %d, tol = %s%n%n", c.n, tolText(c.tol));
            System.out.println("| method | time (s) | ± (99.9%) | samples | iterations | speed-up vs LP | speed-up vs rm-plus |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            Timing lpTime = lp.get(c.n);
            Timing rm = nash.get(new NashKey(c.n, c.tol, "rm-plus"));
            List<String> methods = new ArrayList<>(METHOD_ORDER);
            for (NashKey k : nash.keySet()) {
                if (k.n == c.n && k.tol == c.tol && !methods.contains(k.method)) {
                    methods.add(methods.size() - 1, k.method);
                }
            }
            for (String method : methods) {
                boolean isLp = "lp".equals(method);
                Timing t = isLp ? lpTime : nash.get(new NashKey(c.n, c.tol, method));
                Map<String, String> inf = isLp ? findLp(info, c.n) : info.get(new NashKey(c.n, c.tol, method));
                Map<String, String> fl = isLp ? findLp(fail, c.n) : fail.get(new NashKey(c.n, c.tol, method));
                if (t == null && fl == null) {
                    System.out.printf("| %s | not run | | | | | |%n", method);
                    continue;
                }
                if (t == null) {
                    System.out.printf("| %s | failed: %s | | | %s | | |%n", method, failure(fl),
                            fl.getOrDefault("iterations", ""));
                    continue;
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s |%n", method, fmt(t.seconds),
                        Double.isNaN(t.error) ? "" : fmt(t.error), t.samples,
                        inf == null ? "" : inf.getOrDefault("iterations", ""),
                        ratio(lpTime, t), ratio(rm, t));
            }
        }
        if (cases.isEmpty()) {
            System.out.println();
            System.out.println("(no Nash results)");
        }

        System.out.println();
        System.out.println("## Matrix-vector kernels (one thread)");
        System.out.println();
        System.out.println("GB/s = bytes of A streamed per operation (8 n^2 double, 4 n^2 float; "
                + "*Both: one pass for two products) / time.");
        for (Integer n : kernelFail.keySet()) {
            kernels.computeIfAbsent(n, k -> new LinkedHashMap<>());
        }
        for (Map.Entry<Integer, Map<String, Timing>> e : kernels.entrySet()) {
            int n = e.getKey();
            System.out.println();
            System.out.printf("### n = %d (A: %.1f MB double, %.1f MB float)%n%n", n, 8.0 * n * n / 1e6, 4.0 * n * n / 1e6);
            System.out.println("| kernel | time (µs) | ± (99.9%) | GB/s |");
            System.out.println("|---|---:|---:|---:|");
            List<String> names = new ArrayList<>(KERNEL_ORDER);
            for (String k : e.getValue().keySet()) {
                if (!names.contains(k)) {
                    names.add(k);
                }
            }
            for (String k : names) {
                Timing t = e.getValue().get(k);
                if (t == null) {
                    String why = kernelFail.getOrDefault(n, Map.of()).get(k);
                    System.out.printf("| %s | %s | | |%n", k, why == null ? "not run" : "failed: " + why);
                    continue;
                }
                System.out.printf(Locale.ROOT, "| %s | %.1f | %s | %.2f |%n", k, t.seconds * 1e6,
                        Double.isNaN(t.error) ? "" : String.format(Locale.ROOT, "%.1f", t.error * 1e6),
                        bytes(k, n) / t.seconds / 1e9);
            }
        }
        if (kernels.isEmpty()) {
            System.out.println();
            System.out.println("(no kernel results)");
        }

        printSplit(split);
        printBackends(backends, backendFail, devices, bNash, bInfo, bFail);
        printOthers(others);

        System.out.println();
        System.out.println("## Targets (issue)");
        System.out.println();
        int tn = (int) TARGET_N;
        Timing def = nash.get(new NashKey(tn, TARGET_TOL, "default"));
        Timing rm = nash.get(new NashKey(tn, TARGET_TOL, "rm-plus"));
        Timing lpT = lp.get(tn);
        target("default vs LP at n = 2000, tol 1e-6: speed-up >= " + (int) TARGET_VS_LP, lpT, def, TARGET_VS_LP);
        target("default vs rm-plus at n = 2000, tol 1e-6: speed-up >= " + (int) TARGET_VS_RM, rm, def, TARGET_VS_RM);
        Timing rm1 = nash.get(new NashKey(tn, TARGET_TOL, "rm-plus/1t"));
        Timing def1 = nash.get(new NashKey(tn, TARGET_TOL, "default/1t"));
        if (rm1 != null || def1 != null) {
            System.out.println("  products held to one thread (nash-2000-1t phase), for comparison:");
            target("  default/1t vs rm-plus/1t", rm1, def1, TARGET_VS_RM);
            target("  default vs rm-plus/1t", rm1, def, TARGET_VS_RM);
            target("  default vs default/1t (what the threads gain)", def1, def, 1);
        }
        for (String product : List.of("ax", "atx")) {
            Timing t = split.get(new SplitKey(tn, product, 2));
            String what = "- " + product + " on 2 threads at n = 2000 about 20 GB/s (1.5 ms)";
            System.out.println(t == null ? what + ": not run" : String.format(Locale.ROOT, "%s: %.2f GB/s (%.2f ms)",
                    what, 8.0 * tn * tn / t.seconds / 1e9, t.seconds * 1e3));
        }
        Map<BackendKey, Timing> b = backends.getOrDefault(tn, Map.of());
        target("OpenCL float iteration at least 2x faster than plain-Java double at n = 2000 (same run): speed-up >= "
                        + (int) TARGET_BACKEND_SPEEDUP,
                b.get(new BackendKey("java", "double")), b.get(new BackendKey("opencl", "float")), TARGET_BACKEND_SPEEDUP);
    }

    /** MatVecThreadsBenchmark: time, GB/s and speed-up over one thread, per n and product. */
    private static void printSplit(Map<SplitKey, Timing> split) {
        System.out.println();
        System.out.println("## Matrix-vector kernels split over threads (KernelThreads)");
        System.out.println();
        System.out.println("GB/s = 8 n^2 bytes (16 n^2 for both on more than one thread: two passes) / time.");
        System.out.println();
        System.out.println("| n | product | threads | time (µs) | ± (99.9%) | GB/s | speed-up vs 1 thread |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|");
        split.forEach((k, t) -> {
            Timing one = split.get(new SplitKey(k.n, k.product, 1));
            double passes = "both".equals(k.product) && k.threads > 1 ? 2 : 1;
            System.out.printf(Locale.ROOT, "| %d | %s | %d | %.1f | %s | %.2f | %s |%n", k.n, k.product, k.threads,
                    t.seconds * 1e6, Double.isNaN(t.error) ? "" : String.format(Locale.ROOT, "%.1f", t.error * 1e6),
                    passes * 8.0 * k.n * k.n / t.seconds / 1e9,
                    one == null ? "" : String.format(Locale.ROOT, "%.2fx", one.seconds / t.seconds));
        });
        if (split.isEmpty()) {
            System.out.println("| (no results) | | | | | | |");
        }
    }

    /** One row of a generic table: benchmark method, its parameters, JMH's score, error and unit. */
    private static String otherRow(String bench, JsonNode params, JsonNode metric, int samples) {
        StringBuilder p = new StringBuilder();
        params.fields().forEachRemaining(e -> p.append(p.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
                .append(e.getValue().asText()));
        double error = number(metric.path("scoreError"));
        String shortName = bench.substring(PKG.length());
        return String.format(Locale.ROOT, "| %s | %s | %.4g | %s | %s | %d |", shortName, p, number(metric.path("score")),
                Double.isNaN(error) ? "" : String.format(Locale.ROOT, "%.2g", error),
                metric.path("scoreUnit").asText(), samples);
    }

    /** The generic tables of the benchmarks the other tables do not know, one per result file. */
    private static void printOthers(Map<String, List<String>> others) {
        for (Map.Entry<String, List<String>> e : others.entrySet()) {
            System.out.println();
            System.out.println("## " + e.getKey());
            System.out.println();
            System.out.println("| benchmark | parameters | score | ± (99.9%) | unit | samples |");
            System.out.println("|---|---|---:|---:|---|---:|");
            e.getValue().forEach(System.out::println);
        }
    }

    /** KernelBackendBenchmark tables (one per n) and the rm-plus by backend tables of the backends phase. */
    private static void printBackends(Map<Integer, Map<BackendKey, Timing>> backends,
                                      Map<Integer, Map<BackendKey, String>> backendFail, Map<String, String> devices,
                                      Map<NashKey, Timing> bNash, Map<NashKey, Map<String, String>> bInfo,
                                      Map<NashKey, Map<String, String>> bFail) {
        System.out.println();
        System.out.println("## Kernel backends: one alternating RM+ iteration (A y and A^T x, matrix resident in the backend)");
        System.out.println();
        System.out.println("GB/s = bytes of A streamed per iteration (2 n^2 x 4 float, 8 double) / time; "
                + "ratio = java/double time / this time, same run (higher is faster).");
        for (Map.Entry<String, String> d : devices.entrySet()) {
            System.out.println();
            System.out.println("Device (" + d.getKey() + "): " + d.getValue());
        }
        for (Integer n : backendFail.keySet()) {
            backends.computeIfAbsent(n, k -> new LinkedHashMap<>());
        }
        for (Map.Entry<Integer, Map<BackendKey, Timing>> e : backends.entrySet()) {
            int n = e.getKey();
            System.out.println();
            System.out.printf(Locale.ROOT, "### n = %d (A: %.1f MB double, %.1f MB float)%n%n", n,
                    8.0 * n * n / 1e6, 4.0 * n * n / 1e6);
            System.out.println("| backend | precision | ms per iteration | ± (99.9%) | GB/s | ratio vs java/double |");
            System.out.println("|---|---|---:|---:|---:|---:|");
            Timing ref = e.getValue().get(new BackendKey("java", "double"));
            List<BackendKey> keys = new ArrayList<>(BACKEND_ORDER);
            for (BackendKey k : e.getValue().keySet()) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
            for (BackendKey k : keys) {
                Timing t = e.getValue().get(k);
                if (t == null) {
                    String why = backendFail.getOrDefault(n, Map.of()).get(k);
                    System.out.printf("| %s | %s | %s | | | |%n", k.backend, k.precision,
                            why == null ? "not run" : "failed: " + why.replace("|", "/"));
                    continue;
                }
                double bytes = 2.0 * n * n * ("float".equals(k.precision) ? 4 : 8);
                System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %s | %.2f | %s |%n", k.backend, k.precision,
                        t.seconds * 1e3,
                        Double.isNaN(t.error) ? "" : String.format(Locale.ROOT, "%.3f", t.error * 1e3),
                        bytes / t.seconds / 1e9, ratio(ref, t));
            }
        }
        if (backends.isEmpty()) {
            System.out.println();
            System.out.println("(no kernel backend results)");
        }

        TreeSet<NashKey> cases = new TreeSet<>((a, b) -> a.n != b.n ? Integer.compare(a.n, b.n)
                : Double.compare(b.tol, a.tol));
        for (NashKey k : bNash.keySet()) {
            cases.add(new NashKey(k.n, k.tol, ""));
        }
        for (NashKey k : bFail.keySet()) {
            cases.add(new NashKey(k.n, k.tol, ""));
        }
        for (NashKey c : cases) {
            System.out.println();
            System.out.printf(Locale.ROOT, "### rm-plus by backend (backends phase), n = %d, tol = %s%n%n", c.n, tolText(c.tol));
            System.out.println("| method | time (s) | ± (99.9%) | samples | iterations | speed-up vs rm-plus (java) |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            Timing rm = bNash.get(new NashKey(c.n, c.tol, "rm-plus"));
            TreeSet<String> methods = new TreeSet<>();
            for (NashKey k : bNash.keySet()) {
                if (k.n == c.n && k.tol == c.tol) {
                    methods.add(k.method);
                }
            }
            for (NashKey k : bFail.keySet()) {
                if (k.n == c.n && k.tol == c.tol) {
                    methods.add(k.method);
                }
            }
            for (String method : methods) {
                NashKey k = new NashKey(c.n, c.tol, method);
                Timing t = bNash.get(k);
                Map<String, String> inf = bInfo.get(k);
                if (t == null) {
                    Map<String, String> fl = bFail.get(k);
                    System.out.printf("| %s | failed: %s | | | %s | |%n", method, failure(fl),
                            fl.getOrDefault("iterations", ""));
                    continue;
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %s | %s |%n", method, fmt(t.seconds),
                        Double.isNaN(t.error) ? "" : fmt(t.error), t.samples,
                        inf == null ? "" : inf.getOrDefault("iterations", ""), ratio(rm, t));
            }
        }
    }

    /**
     * Reads a JMH console log: SP-BENCH-INFO lines, and each {@code <failure>} with the exception
     * line after it, attributed to the benchmark and parameters JMH printed before it.
     */
    private static void readLog(List<String> lines, Map<NashKey, Map<String, String>> info,
                                Map<NashKey, Map<String, String>> fail, Map<Integer, Map<String, String>> kernelFail,
                                Map<Integer, Map<BackendKey, String>> backendFail) {
        String bench = "";
        Map<String, String> params = Map.of();
        boolean pendingFailure = false;
        for (String line : lines) {
            int i = line.indexOf("SP-BENCH-INFO ");
            if (line.startsWith("# Benchmark: ")) {
                bench = line.substring("# Benchmark: ".length()).trim();
                params = Map.of();
            } else if (line.startsWith("# Parameters: (")) {
                params = new LinkedHashMap<>();
                String body = line.substring("# Parameters: (".length(), line.lastIndexOf(')'));
                for (String pair : body.split(",")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2) {
                        params.put(kv[0].trim(), kv[1].trim());
                    }
                }
            } else if (i >= 0) {
                Map<String, String> kv = parse(line.substring(i));
                info.put(key(kv), kv);
            } else if (line.contains("<failure>")) {
                pendingFailure = true;
            } else if (pendingFailure && !line.isBlank()) {
                pendingFailure = false;
                int j = line.indexOf("SP-BENCH-FAIL ");
                Map<String, String> kv;
                if (j >= 0) {
                    kv = parse(line.substring(j));
                } else {
                    kv = new LinkedHashMap<>();
                    String why = line.trim().replaceFirst("^[\\w.$]*\\.(\\w+(Exception|Error))", "$1");
                    kv.put("reason", why.length() > 120 ? why.substring(0, 120) + "..." : why);
                }
                int n = Integer.parseInt(params.getOrDefault("n", "0"));
                if (bench.startsWith(PKG + "MatVecBenchmark.")) {
                    kernelFail.computeIfAbsent(n, k -> new LinkedHashMap<>())
                            .put(bench.substring((PKG + "MatVecBenchmark.").length()), kv.get("reason"));
                } else if (bench.startsWith(PKG + "KernelBackendBenchmark.")) {
                    backendFail.computeIfAbsent(n, k -> new LinkedHashMap<>()).put(
                            new BackendKey(params.getOrDefault("backend", "?"), params.getOrDefault("precision", "?")),
                            kv.get("reason"));
                } else if (bench.startsWith(PKG + "Nash")) {
                    String method = bench.startsWith(PKG + "NashLpBenchmark.") ? "lp"
                            : NashCases.label(params.getOrDefault("method", "?"), params.get("backend"),
                                    params.get("precision"), params.get("threads"));
                    double tol = Double.parseDouble(params.getOrDefault("tol", "NaN"));
                    fail.put(new NashKey(n, tol, method), kv);
                }
            }
        }
    }

    private static void target(String what, Timing ref, Timing t, double need) {
        if (ref == null || t == null) {
            System.out.println("- " + what + ": not measured (a side is missing or failed)");
            return;
        }
        double r = ref.seconds / t.seconds;
        System.out.printf(Locale.ROOT, "- %s: %.1fx — %s%n", what, r, r >= need ? "met" : "NOT met");
    }

    private static Map<String, String> findLp(Map<NashKey, Map<String, String>> m, int n) {
        for (Map.Entry<NashKey, Map<String, String>> e : m.entrySet()) {
            if (e.getKey().n == n && "lp".equals(e.getKey().method)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String failure(Map<String, String> kv) {
        StringBuilder sb = new StringBuilder(kv.getOrDefault("reason", "?").replace("\"", "").replace("|", "/"));
        if (kv.containsKey("relgap")) {
            sb.append(", relgap ").append(kv.get("relgap"));
        }
        if (kv.containsKey("seconds")) {
            sb.append(", after ").append(kv.get("seconds")).append(" s");
        }
        return sb.toString();
    }

    private static long bytes(String kernel, int n) {
        return (kernel.contains("Float") ? 4L : 8L) * n * n;
    }

    private static String ratio(Timing ref, Timing t) {
        if (ref == null || t == null || !(t.seconds > 0)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2fx", ref.seconds / t.seconds);
    }

    private static String fmt(double seconds) {
        return seconds >= 100 ? String.format(Locale.ROOT, "%.1f", seconds)
                : String.format(Locale.ROOT, "%.3g", seconds);
    }

    private static String tolText(double tol) {
        return String.format(Locale.ROOT, "%.0e", tol).replace("e-0", "e-").replace("e+00", "");
    }

    private static NashKey key(Map<String, String> kv) {
        return new NashKey(Integer.parseInt(kv.getOrDefault("n", "0")),
                Double.parseDouble(kv.getOrDefault("tol", "NaN")), kv.getOrDefault("method", "?"));
    }

    private static Map<String, String> parse(String line) {
        Map<String, String> kv = new LinkedHashMap<>();
        Matcher m = KV.matcher(line);
        while (m.find()) {
            kv.put(m.group(1), m.group(2));
        }
        return kv;
    }

    private static double number(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double toSeconds(String unit) {
        String u = unit.replace("/op", "");
        switch (u) {
            case "s":
                return 1;
            case "ms":
                return 1e-3;
            case "us":
            case "µs":
                return 1e-6;
            case "ns":
                return 1e-9;
            case "min":
                return 60;
            default:
                throw new IllegalArgumentException("unexpected JMH score unit " + unit);
        }
    }
}
