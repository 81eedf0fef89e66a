package org.saddlepoint.solvers.kernels;

/**
 * An OpenCL device as {@link OpenClDevices#list()} reports it.
 *
 * @param platform the platform's name, e.g. "Portable Computing Language"
 * @param name the device's name
 * @param type GPU, CPU, ACCELERATOR or OTHER
 * @param globalMemoryBytes the device's global memory in bytes
 * @param fp64 whether it supports double precision (cl_khr_fp64)
 * @param version the device's OpenCL version string
 */
public record OpenClDevice(String platform, String name, String type, long globalMemoryBytes, boolean fp64,
        String version) {
}
