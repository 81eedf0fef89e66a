package org.saddlepoint.solvers.kernels;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_WRITE;

import java.util.ArrayList;
import java.util.List;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_queue_properties;
import org.saddlepoint.solvers.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Kernels} on an OpenCL device through JOCL, with the kernels of {@code opencl-kernels/*.cl}.
 * Matrices and vectors are device buffers; only {@link #read}, {@link #max} and {@link #min} copy
 * data back. On a device without cl_khr_fp64 the double operations run in {@link JavaKernels}
 * (said once in the log). Prefer {@link Kernels#open(KernelBackend)}, which falls back to plain
 * Java when OpenCL cannot start; {@link #open()} throws instead.
 */
public final class OpenClKernels extends CheckedKernels {
    private static final Logger LOG = LoggerFactory.getLogger(OpenClKernels.class);
    /** System property: {@code false} runs the double kernels in plain Java even on a device with fp64. */
    public static final String FP64_PROPERTY = "saddlepoint.opencl.fp64";
    /**
     * System property: extra options for the OpenCL compiler (for example {@code -cl-fast-relaxed-math}),
     * appended to the precision's own; kernels that then fail to build fall back like a missing device.
     */
    public static final String BUILD_OPTIONS_PROPERTY = "saddlepoint.opencl.buildOptions";
    private static final boolean FP64_ALLOWED = !"false".equalsIgnoreCase(System.getProperty(FP64_PROPERTY));

    /** A device buffer holding a vector (rows = 1) or a matrix. */
    private final class Buffer extends Handle {
        final cl_mem mem;

        Buffer(cl_mem mem, Precision precision, int rows, int cols) {
            super(OpenClKernels.this, precision, rows, cols);
            this.mem = mem;
        }

        @Override
        void release() {
            CL.clReleaseMemObject(mem);
            live.remove(this);
        }
    }

    /** A local-memory kernel argument of this many bytes. */
    private record Local(long bytes) {
    }

    private final OpenClDevice device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final ClProgram floats;
    /** Null when the device has no cl_khr_fp64; doubles then go to {@link #javaDoubles}. */
    private final ClProgram doubles;
    private final JavaKernels javaDoubles = new JavaKernels();
    private final List<Buffer> live = new ArrayList<>();
    private boolean closed;

    private OpenClKernels(OpenClDevices.Found found) {
        device = found.info();
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, found.platform());
        cl_device_id[] ids = {found.id()};
        context = CL.clCreateContext(properties, 1, ids, null, null, null);
        try {
            queue = CL.clCreateCommandQueueWithProperties(context, found.id(), new cl_queue_properties(), null);
            floats = new ClProgram(context, found.id(), Precision.FLOAT);
            doubles = device.fp64() && FP64_ALLOWED ? new ClProgram(context, found.id(), Precision.DOUBLE) : null;
        } catch (RuntimeException | Error e) {
            CL.clReleaseContext(context);
            throw e;
        }
        if (doubles == null) {
            LOG.info("OpenCL device {} {}: double kernels run in plain Java", device.name(),
                    device.fp64() ? "has cl_khr_fp64 turned off by -D" + FP64_PROPERTY + "=false" : "has no cl_khr_fp64");
        }
    }

    /**
     * OpenCL on the first device found (GPUs first); throws whatever stops it (no library, no platform,
     * no device, kernels that do not build).
     */
    public static OpenClKernels open() {
        return open(false);
    }

    /** As {@link #open()}; with {@code acceleratorOnly}, also throws when the first device is a CPU. */
    static OpenClKernels open(boolean acceleratorOnly) {
        List<OpenClDevices.Found> found = OpenClDevices.find();
        if (found.isEmpty()) {
            throw new IllegalStateException("no OpenCL device on any platform");
        }
        OpenClDevice first = found.get(0).info();
        if (acceleratorOnly && !List.of("GPU", "ACCELERATOR").contains(first.type())) {
            throw new IllegalStateException("the only OpenCL devices are CPUs (" + first.name()
                    + "), where the plain-Java kernels are as fast; ask for the OpenCL backend to use them");
        }
        return new OpenClKernels(found.get(0));
    }

    /** The device in use. */
    public OpenClDevice device() {
        return device;
    }

    @Override
    public KernelBackend backend() {
        return KernelBackend.OPENCL;
    }

    @Override
    public String description() {
        return "OpenCL: " + device.name() + " (" + device.type() + ", " + device.platform() + ")"
                + (doubles == null ? ", doubles in plain Java" : "");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        new ArrayList<>(live).forEach(Buffer::close);
        floats.close();
        if (doubles != null) {
            doubles.close();
        }
        CL.clReleaseCommandQueue(queue);
        CL.clReleaseContext(context);
    }

    private boolean inJava(Precision precision) {
        return precision == Precision.DOUBLE && doubles == null;
    }

    private ClProgram program(Precision precision) {
        return precision == Precision.DOUBLE ? doubles : floats;
    }

    @Override
    protected synchronized DeviceMatrix newMatrix(Object data, Precision precision, int rows, int cols) {
        if (inJava(precision)) {
            return javaDoubles.matrix((double[]) data, rows, cols);
        }
        return newBuffer(data, precision, rows, cols);
    }

    @Override
    protected synchronized DeviceVector newVector(Object data, Precision precision, int length) {
        if (inJava(precision)) {
            return data == null ? javaDoubles.zeros(precision, length) : javaDoubles.vector((double[]) data);
        }
        return newBuffer(data, precision, 1, length);
    }

    private Buffer newBuffer(Object data, Precision precision, int rows, int cols) {
        checkOpen();
        int length = rows * cols;
        Object host = data != null ? data : precision == Precision.DOUBLE ? new double[length] : new float[length];
        long bytes = (long) length * program(precision).elementBytes();
        cl_mem mem = CL.clCreateBuffer(context, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, bytes, pointer(host), null);
        Buffer buffer = new Buffer(mem, precision, rows, cols);
        live.add(buffer);
        return buffer;
    }

    private static Pointer pointer(Object array) {
        return array instanceof double[] d ? Pointer.to(d) : Pointer.to((float[]) array);
    }

    @Override
    protected synchronized void readInto(DeviceVector v, Object out) {
        if (inJava(v.precision())) {
            javaDoubles.read(v, (double[]) out);
            return;
        }
        Buffer b = own(v);
        CL.clEnqueueReadBuffer(queue, b.mem, true, 0, bytes(b), pointer(out), 0, null, null);
    }

    @Override
    protected synchronized void writeFrom(DeviceVector v, Object values) {
        if (inJava(v.precision())) {
            javaDoubles.write(v, (double[]) values);
            return;
        }
        Buffer b = own(v);
        CL.clEnqueueWriteBuffer(queue, b.mem, true, 0, bytes(b), pointer(values), 0, null, null);
    }

    private long bytes(Buffer b) {
        return (long) b.length() * program(b.precision).elementBytes();
    }

    @Override
    protected synchronized void doMultiply(DeviceMatrix a, DeviceVector xs, int k, DeviceVector ys, boolean transpose) {
        if (inJava(a.precision())) {
            if (transpose) {
                javaDoubles.multiplyTransposeBatch(a, xs, k, ys);
            } else {
                javaDoubles.multiplyBatch(a, xs, k, ys);
            }
            return;
        }
        Buffer m = own(a);
        // multiply_transpose: one work item per line of VW columns (16 floats or 8 doubles, see common.cl).
        int lane = m.precision == Precision.DOUBLE ? 8 : 16;
        long outs = transpose ? (m.cols + lane - 1) / lane : m.rows;
        run(program(m.precision), transpose ? "multiply_transpose" : "multiply", new long[] {outs, k},
                m.mem, m.rows, m.cols, own(xs).mem, own(ys).mem);
    }

    @Override
    protected synchronized void doRegretMatchingPlus(DeviceVector regrets, DeviceVector utility, DeviceVector strategy) {
        if (inJava(regrets.precision())) {
            javaDoubles.regretMatchingPlus(regrets, utility, strategy);
            return;
        }
        ClProgram p = program(regrets.precision());
        runGroup(p, "regret_matching_plus", own(regrets).mem, own(utility).mem, own(strategy).mem,
                regrets.length(), local(p));
    }

    @Override
    protected synchronized void doMultiplicativeWeights(DeviceVector strategy, DeviceVector utility, double eta) {
        if (inJava(strategy.precision())) {
            javaDoubles.multiplicativeWeights(strategy, utility, eta);
            return;
        }
        ClProgram p = program(strategy.precision());
        runGroup(p, "multiplicative_weights", own(strategy).mem, own(utility).mem, eta, strategy.length(), local(p));
    }

    @Override
    protected synchronized void doAverage(DeviceVector average, DeviceVector x, double weight) {
        if (inJava(average.precision())) {
            javaDoubles.average(average, x, weight);
            return;
        }
        run(program(average.precision()), "running_average", new long[] {average.length()}, own(average).mem,
                own(x).mem, weight);
    }

    @Override
    protected synchronized void doScale(DeviceVector v, double factor) {
        if (inJava(v.precision())) {
            javaDoubles.scale(v, factor);
            return;
        }
        run(program(v.precision()), "scale", new long[] {v.length()}, own(v).mem, factor);
    }

    @Override
    protected synchronized double doExtreme(DeviceVector v, boolean max) {
        if (inJava(v.precision())) {
            return max ? javaDoubles.max(v) : javaDoubles.min(v);
        }
        ClProgram p = program(v.precision());
        Buffer result = newBuffer(null, v.precision(), 1, 1);
        try {
            runGroup(p, "extreme", own(v).mem, v.length(), max ? 1 : 0, local(p), result.mem);
            double[] out = new double[1];
            if (v.precision() == Precision.DOUBLE) {
                readInto(result, out);
                return out[0];
            }
            float[] outFloat = new float[1];
            readInto(result, outFloat);
            return outFloat[0];
        } finally {
            result.close();
        }
    }

    @Override
    protected synchronized void doDenseLayer(DenseLayer layer, DeviceVector in, int batch, boolean relu,
            DeviceVector out) {
        if (inJava(in.precision())) {
            javaDoubles.doDenseLayer(layer, in, batch, relu, out);
            return;
        }
        Buffer w = own(layer.weights());
        run(program(w.precision), "dense_layer", new long[] {w.rows, batch}, w.mem, w.rows, w.cols,
                own(layer.bias()).mem, relu ? 1 : 0, own(in).mem, own(out).mem);
    }

    private static Local local(ClProgram p) {
        return new Local((long) p.groupSize() * p.elementBytes());
    }

    /** Runs a kernel as one work-group of the program's group size. */
    private void runGroup(ClProgram p, String name, Object... args) {
        long[] size = {p.groupSize()};
        enqueue(p, name, size, size, args);
    }

    /** Runs a kernel on a global range, work-group size chosen by the implementation. */
    private void run(ClProgram p, String name, long[] global, Object... args) {
        enqueue(p, name, global, null, args);
    }

    private void enqueue(ClProgram p, String name, long[] global, long[] local, Object... args) {
        cl_kernel kernel = p.kernel(name);
        for (int i = 0; i < args.length; i++) {
            setArg(p, kernel, i, args[i]);
        }
        CL.clEnqueueNDRangeKernel(queue, kernel, global.length, null, global, local, 0, null, null);
    }

    /** Sets argument {@code index}: a buffer, an int, a real (float or double as the program) or local memory. */
    private static void setArg(ClProgram p, cl_kernel kernel, int index, Object arg) {
        if (arg instanceof cl_mem mem) {
            CL.clSetKernelArg(kernel, index, Sizeof.cl_mem, Pointer.to(mem));
        } else if (arg instanceof Integer n) {
            CL.clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] {n}));
        } else if (arg instanceof Double d && p.precision == Precision.DOUBLE) {
            CL.clSetKernelArg(kernel, index, Sizeof.cl_double, Pointer.to(new double[] {d}));
        } else if (arg instanceof Double d) {
            CL.clSetKernelArg(kernel, index, Sizeof.cl_float, Pointer.to(new float[] {d.floatValue()}));
        } else {
            CL.clSetKernelArg(kernel, index, ((Local) arg).bytes(), null);
        }
    }

    private Buffer own(Object handle) {
        return Handle.own(handle, this, Buffer.class);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("these kernels have been closed");
        }
    }
}
