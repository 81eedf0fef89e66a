package org.saddlepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.kernels.OpenClDevice;
import org.saddlepoint.solvers.kernels.OpenClDevices;

/** {@code saddlepoint devices}: what OpenClDevices finds, as lines or JSON, and exit 0 without OpenCL. */
class DevicesCommandTest {
    private static final List<String> NO_OPENCL_ENV = List.of("OCL_ICD_VENDORS=/nonexistent",
            "OPENCL_VENDOR_PATH=/nonexistent");

    @Test
    void listsTheDevicesFound() {
        List<OpenClDevice> devices = OpenClDevices.list().devices();
        CliRun run = CliRun.of("devices");
        assertEquals(0, run.exitCode(), run.toString());
        if (devices.isEmpty()) {
            assertEquals(List.of("no OpenCL device: " + OpenClDevices.list().reason()), run.out().lines().toList());
        } else {
            assertEquals(devices.stream().map(DevicesCommand::line).toList(), run.out().lines().toList());
        }
    }

    @Test
    void jsonIsAnArrayOfTheDevices() throws Exception {
        List<OpenClDevice> devices = OpenClDevices.list().devices();
        CliRun run = CliRun.of("devices", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertTrue(array.isArray(), run.out());
        assertEquals(devices.size(), array.size(), run.out());
        for (int i = 0; i < devices.size(); i++) {
            OpenClDevice d = devices.get(i);
            JsonNode node = array.get(i);
            assertEquals(d.name(), node.get("name").asText());
            assertEquals(d.platform(), node.get("platform").asText());
            assertEquals(d.type(), node.get("type").asText());
            assertEquals(d.globalMemoryBytes(), node.get("global_memory_bytes").asLong());
            assertEquals(d.fp64(), node.get("fp64").asBoolean());
        }
    }

    @Test
    void withoutOpenClSaysWhyAndExitsZero() throws Exception {
        for (List<String> args : List.of(List.of("devices"), List.of("devices", "--json"))) {
            ProcessBuilder builder = new ProcessBuilder(childCommand(args));
            NO_OPENCL_ENV.forEach(kv -> builder.environment().put(kv.split("=")[0], kv.split("=")[1]));
            builder.redirectErrorStream(true);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), out);
            String expected = args.size() == 1
                    ? "no OpenCL device: no OpenCL platform is installed (CL_PLATFORM_NOT_FOUND_KHR)"
                    : "[]";
            assertEquals(List.of(expected), out.lines().toList());
        }
    }

    @Test
    void aBadArgumentIsOneLineAndExitTwo() {
        for (String bad : List.of("--bogus", "extra")) {
            CliRun.assertBadInput(CliRun.of("devices", bad), bad);
        }
    }

    private static List<String> childCommand(List<String> args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Saddlepoint.class.getName()));
        command.addAll(args);
        return command;
    }
}
