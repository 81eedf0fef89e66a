package org.saddlepoint.solvers.kernels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens {@link OpenClKernels}, or {@link JavaKernels} with one log line when OpenCL cannot start. */
final class OpenClFallback {
    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    private OpenClFallback() {
    }

    /**
     * OpenCL if it starts (for AUTO: on a GPU or accelerator); on any failure, plain Java and one log
     * line (warn for OPENCL, info for AUTO).
     */
    static Kernels openOrJava(KernelBackend asked) {
        try {
            return OpenClKernels.open(asked == KernelBackend.AUTO);
        } catch (Throwable t) { // any failure of a native library must leave us on plain Java
            String why = OpenClDevices.describe(t);
            if (asked == KernelBackend.OPENCL) {
                LOG.warn("OpenCL unavailable, using plain Java kernels: {}", why);
            } else {
                LOG.info("OpenCL unavailable, using plain Java kernels: {}", why);
            }
            return new JavaKernels();
        }
    }
}
