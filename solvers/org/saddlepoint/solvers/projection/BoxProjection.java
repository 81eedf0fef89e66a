package org.saddlepoint.solvers.projection;

/** Euclidean projection onto the box [lower, upper]^len: coordinate-wise clipping. */
public final class BoxProjection {
    private BoxProjection() {
    }

    public static void project(double[] v, int off, int len, double lower, double upper) {
        for (int i = off; i < off + len; i++) {
            v[i] = Math.min(upper, Math.max(lower, v[i]));
        }
    }
}
