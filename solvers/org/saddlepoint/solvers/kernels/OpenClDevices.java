package org.saddlepoint.solvers.kernels;

import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_NOT_FOUND;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** The OpenCL platforms and devices on this machine, through JOCL. */
public final class OpenClDevices {

    /**
     * What {@link #list()} found.
     *
     * @param devices every device of every platform, GPUs first; empty when none was found
     * @param reason why {@code devices} is empty (no OpenCL library, no platform, no device); null otherwise
     */
    public record Listing(List<OpenClDevice> devices, String reason) {
        /** Copies the list. */
        public Listing {
            devices = List.copyOf(devices);
        }
    }

    /** A device with the JOCL handles needed to open it. */
    record Found(cl_platform_id platform, cl_device_id id, OpenClDevice info) {
    }

    private OpenClDevices() {
    }

    /** The devices found, or an empty list with the reason; never throws. */
    public static Listing list() {
        try {
            List<Found> found = find();
            List<OpenClDevice> devices = found.stream().map(Found::info).toList();
            return new Listing(devices, devices.isEmpty() ? "no OpenCL device on any platform" : null);
        } catch (Throwable t) { // a missing or broken native library must not crash the caller
            return new Listing(List.of(), describe(t));
        }
    }

    /** Every device of every platform, GPUs first, then accelerators, then CPUs; throws what JOCL throws. */
    static List<Found> find() {
        CL.setExceptionsEnabled(true);
        int[] count = new int[1];
        CL.clGetPlatformIDs(0, null, count);
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        CL.clGetPlatformIDs(platforms.length, platforms, null);
        List<Found> found = new ArrayList<>();
        for (cl_platform_id platform : platforms) {
            String platformName = platformString(platform, CL_PLATFORM_NAME);
            for (cl_device_id device : devices(platform)) {
                found.add(new Found(platform, device, info(platformName, device)));
            }
        }
        found.sort(Comparator.comparingInt(f -> typeRank(f.info().type())));
        return found;
    }

    private static cl_device_id[] devices(cl_platform_id platform) {
        int[] count = new int[1];
        try {
            CL.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
        } catch (CLException e) {
            if (e.getStatus() == CL_DEVICE_NOT_FOUND) {
                return new cl_device_id[0];
            }
            throw e;
        }
        cl_device_id[] devices = new cl_device_id[count[0]];
        CL.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, devices.length, devices, null);
        return devices;
    }

    private static OpenClDevice info(String platform, cl_device_id device) {
        long type = deviceLong(device, CL_DEVICE_TYPE);
        return new OpenClDevice(platform, deviceString(device, CL_DEVICE_NAME), typeName(type),
                deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE),
                deviceString(device, CL_DEVICE_EXTENSIONS).contains("cl_khr_fp64"),
                deviceString(device, CL_DEVICE_VERSION));
    }

    private static String typeName(long type) {
        if ((type & CL_DEVICE_TYPE_GPU) != 0) {
            return "GPU";
        }
        if ((type & CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return "ACCELERATOR";
        }
        return (type & CL_DEVICE_TYPE_CPU) != 0 ? "CPU" : "OTHER";
    }

    private static int typeRank(String type) {
        return List.of("GPU", "ACCELERATOR", "CPU", "OTHER").indexOf(type);
    }

    private static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(platform, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetPlatformInfo(platform, param, bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(device, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetDeviceInfo(device, param, bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    private static long deviceLong(cl_device_id device, int param) {
        long[] value = new long[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_long, Pointer.to(value), null);
        return value[0];
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    /** One line saying why OpenCL could not be used, from what JOCL or the native loader threw. */
    static String describe(Throwable t) {
        if (t instanceof UnsatisfiedLinkError || t instanceof NoClassDefFoundError) {
            return "the OpenCL library cannot be loaded (" + t + ")";
        }
        if (t instanceof CLException e && e.getStatus() == CL.CL_PLATFORM_NOT_FOUND_KHR) {
            return "no OpenCL platform is installed (CL_PLATFORM_NOT_FOUND_KHR)";
        }
        String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
