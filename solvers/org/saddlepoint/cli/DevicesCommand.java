package org.saddlepoint.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.saddlepoint.solvers.SaddlepointException;
import org.saddlepoint.solvers.kernels.OpenClDevice;
import org.saddlepoint.solvers.kernels.OpenClDevices;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code saddlepoint devices}: the OpenCL platforms and devices the kernels can use. */
@Command(name = "devices", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        description = "Lists the OpenCL devices found (one line each), or says in one line why there is none.",
        footer = {"", "Exit codes: 0 whether or not a device is found, 2 bad arguments."})
public final class DevicesCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of the devices (empty when there is none).")
    private boolean json;

    @Override
    public Integer call() {
        OpenClDevices.Listing listing = OpenClDevices.list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, listing);
        } else if (listing.devices().isEmpty()) {
            out.println("no OpenCL device: " + listing.reason());
        } else {
            listing.devices().forEach(d -> out.println(line(d)));
        }
        out.flush();
        return Saddlepoint.EXIT_OK;
    }

    /** "NAME (TYPE) on PLATFORM, OpenCL version, N MiB, fp64 yes|no". */
    static String line(OpenClDevice d) {
        return String.format(Locale.ROOT, "%s (%s) on %s, %s, %d MiB global memory, fp64 %s", d.name(), d.type(),
                d.platform(), d.version(), d.globalMemoryBytes() >> 20, d.fp64() ? "yes" : "no");
    }

    private static void printJson(PrintWriter out, OpenClDevices.Listing listing) {
        ArrayNode array = MAPPER.createArrayNode();
        for (OpenClDevice d : listing.devices()) {
            array.addObject().put("platform", d.platform()).put("name", d.name()).put("type", d.type())
                    .put("global_memory_bytes", d.globalMemoryBytes()).put("fp64", d.fp64())
                    .put("version", d.version());
        }
        try {
            out.println(MAPPER.writeValueAsString(array));
        } catch (JsonProcessingException e) {
            throw new SaddlepointException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
