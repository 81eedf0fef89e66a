package org.saddlepoint.solvers.linalg;

/** Small dense-vector helpers used by the iterations. */
public final class Vectors {
    private Vectors() {
    }

    public static double norm2(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** ||a - b||_2. */
    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    public static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    public static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    public static double dot(double[] a, double[] b) {
        return MatVec.dot(a, 0, b, b.length);
    }

    /**
     * Weighted running average: avg += w (x - avg), for w = (weight of x) / (total weight so far).
     */
    public static void accumulateAverage(double[] avg, double[] x, double w) {
        for (int i = 0; i < avg.length; i++) {
            avg[i] += w * (x[i] - avg[i]);
        }
    }
}
