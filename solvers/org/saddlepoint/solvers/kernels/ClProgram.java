package org.saddlepoint.solvers.kernels;

import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * The kernels of {@code opencl-kernels/*.cl} built for one precision on one device: the same
 * sources with {@code -DREAL=float}, or {@code -DREAL=double -DUSE_FP64}.
 */
final class ClProgram implements AutoCloseable {
    /** The sources, in the order they are concatenated. */
    static final List<String> SOURCES = List.of("common.cl", "dense.cl", "steps.cl");
    static final List<String> KERNELS = List.of("multiply", "multiply_transpose", "dense_layer", "extreme",
            "regret_matching_plus", "multiplicative_weights", "running_average", "scale");
    /** Upper bound on the work-group size of the single-group reductions. */
    private static final int MAX_GROUP = 256;

    final Precision precision;
    private final cl_program program;
    private final Map<String, cl_kernel> kernels = new HashMap<>();
    private final int groupSize;

    ClProgram(cl_context context, cl_device_id device, Precision precision) {
        this.precision = precision;
        program = CL.clCreateProgramWithSource(context, SOURCES.size(), readSources(), null, null);
        String options = precision == Precision.DOUBLE ? "-DREAL=double -DUSE_FP64" : "-DREAL=float";
        build(device, (options + " " + System.getProperty(OpenClKernels.BUILD_OPTIONS_PROPERTY, "")).strip());
        int group = MAX_GROUP;
        for (String name : KERNELS) {
            cl_kernel kernel = CL.clCreateKernel(program, name, null);
            kernels.put(name, kernel);
            group = Math.min(group, workGroupSize(kernel, device));
        }
        groupSize = Integer.highestOneBit(group);
    }

    private void build(cl_device_id device, String options) {
        try {
            CL.clBuildProgram(program, 1, new cl_device_id[] {device}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program, device);
            CL.clReleaseProgram(program);
            throw new CLException("the " + precision.name().toLowerCase() + " OpenCL kernels do not build: "
                    + e.getMessage() + ": " + log, e, e.getStatus());
        }
    }

    private static String[] readSources() {
        String[] sources = new String[SOURCES.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = readResource("/opencl-kernels/" + SOURCES.get(i));
        }
        return sources;
    }

    private static String readResource(String path) {
        try (InputStream in = ClProgram.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the kernel source " + path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kernel source " + path, e);
        }
    }

    private static int workGroupSize(cl_kernel kernel, cl_device_id device) {
        long[] size = new long[1];
        CL.clGetKernelWorkGroupInfo(kernel, device, CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(size), null);
        return (int) Math.min(size[0], MAX_GROUP);
    }

    /** The kernel {@code name}. */
    cl_kernel kernel(String name) {
        return kernels.get(name);
    }

    /** The size, a power of two, of the single work-group that runs a reduction or a vector step. */
    int groupSize() {
        return groupSize;
    }

    /** Bytes of one element. */
    int elementBytes() {
        return precision == Precision.DOUBLE ? Sizeof.cl_double : Sizeof.cl_float;
    }

    @Override
    public void close() {
        kernels.values().forEach(CL::clReleaseKernel);
        kernels.clear();
        CL.clReleaseProgram(program);
    }

    static String buildLog(cl_program program, cl_device_id device) {
        long[] size = new long[1];
        CL.clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, bytes.length, Pointer.to(bytes), null);
        return new String(bytes, StandardCharsets.UTF_8).replace("\0", "").strip();
    }
}
