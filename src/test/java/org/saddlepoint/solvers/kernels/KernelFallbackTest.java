package org.saddlepoint.solvers.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The JAVA backend never touches JOCL; without OpenCL, AUTO falls back to Java with one log line. */
public class KernelFallbackTest {
    /** An environment in which the OpenCL ICD loader finds no platform. */
    static final Map<String, String> NO_OPENCL = Map.of("OCL_ICD_VENDORS", "/nonexistent",
            "OPENCL_VENDOR_PATH", "/nonexistent");

    /** The exit code, stdout and stderr of a child JVM. */
    public record Child(int exitCode, List<String> out, List<String> err) {
    }

    /** Runs {@code mainClass} in a child JVM on this test's class path, with extra JVM options and environment. */
    public static Child runChild(Map<String, String> env, List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Path err = java.nio.file.Files.createTempFile("child", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
        List<String> errLines = java.nio.file.Files.readAllLines(err);
        java.nio.file.Files.delete(err);
        return new Child(process.exitValue(), out.lines().toList(), errLines);
    }

    @Test
    void javaBackendIsJavaKernels() {
        try (Kernels kernels = Kernels.open(KernelBackend.JAVA)) {
            assertInstanceOf(JavaKernels.class, kernels);
        }
    }

    @Test
    void javaBackendLoadsNoJoclClass() throws Exception {
        List<String> classLog = List.of("-Xlog:class+load=info");
        Child java = runChild(Map.of(), classLog, KernelsChildMain.class.getName(), "JAVA");
        assertEquals(0, java.exitCode(), java.toString());
        assertTrue(java.out().contains("backend=JAVA"), java.toString());
        assertFalse(java.out().stream().anyMatch(l -> l.contains("org.jocl.")), "a JOCL class was loaded");
        // The same check sees JOCL when a backend does use it, so it can fail.
        Child auto = runChild(Map.of(), classLog, KernelsChildMain.class.getName(), "AUTO");
        assertTrue(auto.out().stream().anyMatch(l -> l.contains("org.jocl.CL ")), "AUTO loads JOCL");
    }

    /**
     * The child ran on plain Java with Java's answer and logged one line, at {@code level}, saying why ({@code why}).
     */
    private static void assertFellBackToJava(Child child, String level, String why) {
        assertEquals(0, child.exitCode(), child.toString());
        try (Kernels java = new JavaKernels()) {
            assertEquals(List.of("backend=JAVA", Arrays.toString(KernelsChildMain.product(java))),
                    child.out().subList(0, 2));
        }
        assertEquals(1, child.err().size(), child.toString());
        String line = child.err().get(0);
        assertTrue(line.startsWith(level) && line.contains("OpenCL unavailable, using plain Java kernels: ")
                && line.contains(why), line);
    }

    @Test
    void withoutOpenClAutoFallsBackToJavaWithTheSameAnswer() throws Exception {
        for (String backend : List.of("AUTO", "OPENCL")) {
            Child child = runChild(NO_OPENCL, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"),
                    KernelsChildMain.class.getName(), backend);
            assertFellBackToJava(child, backend.equals("AUTO") ? "[INFO]" : "[WARN]", "CL_PLATFORM_NOT_FOUND_KHR");
        }
    }

    @Test
    void autoBelowTheSizeRuleNeverTouchesOpenCl() throws Exception {
        List<String> classLog = List.of("-Xlog:class+load=info");
        String small = Long.toString(Kernels.AUTO_MIN_ENTRIES - 1);
        Child child = runChild(Map.of(), classLog, KernelsChildMain.class.getName(), "AUTO", small);
        assertEquals(0, child.exitCode(), child.toString());
        assertTrue(child.out().contains("backend=JAVA"), child.toString());
        assertFalse(child.out().stream().anyMatch(l -> l.contains("org.jocl.")), "a JOCL class was loaded");
        Child large = runChild(Map.of(), classLog, KernelsChildMain.class.getName(), "AUTO",
                Long.toString(Kernels.AUTO_MIN_ENTRIES));
        assertTrue(large.out().stream().anyMatch(l -> l.contains("org.jocl.CL ")), "AUTO at the threshold looks");
    }

    @Test
    void autoUsesOpenClOnlyOnAGpuOrAccelerator() {
        List<OpenClDevice> devices = OpenClDevices.list().devices();
        assumeFalse(devices.isEmpty(), "no OpenCL device here");
        boolean accelerator = List.of("GPU", "ACCELERATOR").contains(devices.get(0).type());
        try (Kernels kernels = Kernels.open(KernelBackend.AUTO)) {
            assertEquals(accelerator ? KernelBackend.OPENCL : KernelBackend.JAVA, kernels.backend(),
                    devices.get(0).toString());
        }
    }

    @Test
    void kernelsThatDoNotBuildFallBackToJavaWithTheSameAnswer() throws Exception {
        assumeFalse(OpenClDevices.list().devices().isEmpty(), "no OpenCL device here");
        Child child = runChild(Map.of(), List.of("-D" + OpenClKernels.BUILD_OPTIONS_PROPERTY
                        + "=-DNO_SUCH_HEADER -include no-such-header.h"),
                KernelsChildMain.class.getName(), "OPENCL");
        assertFellBackToJava(child, "[WARN]", "kernels do not build");
    }

    @Test
    void withoutFp64TheDoubleKernelsRunInJavaOnTheOpenClBackend() throws Exception {
        assumeFalse(OpenClDevices.list().devices().isEmpty(), "no OpenCL device here");
        Child child = runChild(Map.of(), List.of("-D" + OpenClKernels.FP64_PROPERTY + "=false"),
                KernelsChildMain.class.getName(), "OPENCL");
        assertEquals(0, child.exitCode(), child.toString());
        try (Kernels java = new JavaKernels()) {
            assertEquals(List.of("backend=OPENCL", Arrays.toString(KernelsChildMain.product(java))),
                    child.out().subList(0, 2));
        }
        assertTrue(child.out().get(2).endsWith(", doubles in plain Java"), child.toString());
    }
}
