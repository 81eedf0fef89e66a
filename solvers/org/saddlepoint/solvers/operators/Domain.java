package org.saddlepoint.solvers.operators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.projection.BoxProjection;
import org.saddlepoint.solvers.projection.SimplexProjection;

/**
 * A closed convex set C that is a product of blocks: probability simplices, boxes, and free
 * (unconstrained) coordinates. It supplies the Euclidean projection (the resolvent of the
 * normal cone N_C), a starting point, and the support function max_{u in C} g.u that the
 * duality gap needs. Immutable.
 */
public final class Domain {
    /** The kinds of block. */
    public enum Kind { SIMPLEX, BOX, FREE }

    /** One block: coordinates {@code offset .. offset+length}. */
    public record Block(Kind kind, int offset, int length, double lower, double upper) {
    }

    private final List<Block> blocks;
    private final int dimension;

    private Domain(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
        int d = 0;
        for (Block b : blocks) {
            d += b.length();
        }
        this.dimension = d;
    }

    /** The probability simplex in R^n. */
    public static Domain simplex(int n) {
        return new Builder().simplex(n).build();
    }

    /** The box [lower, upper]^n. */
    public static Domain box(int n, double lower, double upper) {
        return new Builder().box(n, lower, upper).build();
    }

    /** R^n. */
    public static Domain free(int n) {
        return new Builder().free(n).build();
    }

    /** The product of this domain and {@code other}, with this one's coordinates first. */
    public Domain times(Domain other) {
        Builder b = new Builder();
        b.append(this);
        b.append(other);
        return b.build();
    }

    public int dimension() {
        return dimension;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** True when every block is a simplex (the entropic geometry applies). */
    public boolean isSimplexProduct() {
        return blocks.stream().allMatch(b -> b.kind() == Kind.SIMPLEX);
    }

    /** Euclidean projection onto C, in place. */
    public void project(double[] u) {
        for (Block b : blocks) {
            switch (b.kind()) {
                case SIMPLEX -> SimplexProjection.project(u, b.offset(), b.length(), 1.0);
                case BOX -> BoxProjection.project(u, b.offset(), b.length(), b.lower(), b.upper());
                case FREE -> { }
                default -> throw new IllegalStateException(b.kind().toString());
            }
        }
    }

    /** The centre: uniform on simplices, the box midpoint (0 clipped into an unbounded box), 0 when free. */
    public double[] center() {
        double[] u = new double[dimension];
        for (Block b : blocks) {
            double v = switch (b.kind()) {
                case SIMPLEX -> 1.0 / b.length();
                case BOX -> Double.isFinite(b.lower()) && Double.isFinite(b.upper())
                        ? 0.5 * (b.lower() + b.upper()) : Math.min(b.upper(), Math.max(b.lower(), 0.0));
                case FREE -> 0.0;
            };
            Arrays.fill(u, b.offset(), b.offset() + b.length(), v);
        }
        return u;
    }

    /**
     * The support function sigma_C(g) = max_{u in C} g.u, computed block by block; +Infinity
     * when C is unbounded in direction g.
     */
    public double support(double[] g) {
        double s = 0;
        for (Block b : blocks) {
            s += switch (b.kind()) {
                case SIMPLEX -> maxOf(g, b.offset(), b.length());
                case BOX -> boxSupport(g, b);
                case FREE -> freeSupport(g, b);
            };
        }
        return s;
    }

    /** True when u lies in C up to {@code tolerance} per coordinate and per simplex sum. */
    public boolean contains(double[] u, double tolerance) {
        if (u.length != dimension) {
            return false;
        }
        for (Block b : blocks) {
            double sum = 0;
            for (int i = b.offset(); i < b.offset() + b.length(); i++) {
                double lo = b.kind() == Kind.SIMPLEX ? 0 : b.lower();
                double hi = b.kind() == Kind.SIMPLEX ? 1 : b.upper();
                if (!(u[i] >= lo - tolerance && u[i] <= hi + tolerance)) {
                    return false;
                }
                sum += u[i];
            }
            if (b.kind() == Kind.SIMPLEX && Math.abs(sum - 1) > tolerance * Math.max(1, b.length())) {
                return false;
            }
        }
        return true;
    }

    private static double maxOf(double[] g, int off, int len) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = off; i < off + len; i++) {
            m = Math.max(m, g[i]);
        }
        return m;
    }

    private static double boxSupport(double[] g, Block b) {
        double s = 0;
        for (int i = b.offset(); i < b.offset() + b.length(); i++) {
            s += g[i] > 0 ? g[i] * b.upper() : g[i] < 0 ? g[i] * b.lower() : 0.0;
        }
        return s;
    }

    private static double freeSupport(double[] g, Block b) {
        for (int i = b.offset(); i < b.offset() + b.length(); i++) {
            if (g[i] != 0) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return 0;
    }

    /** Builds a product domain block by block. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private int offset;

        public Builder simplex(int n) {
            return add(Kind.SIMPLEX, n, 0, 1);
        }

        public Builder box(int n, double lower, double upper) {
            if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
                throw new InvalidInputException("box bounds must satisfy lower <= upper, got ["
                        + lower + ", " + upper + "]");
            }
            return add(Kind.BOX, n, lower, upper);
        }

        public Builder free(int n) {
            return add(Kind.FREE, n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        Builder append(Domain d) {
            for (Block b : d.blocks) {
                add(b.kind(), b.length(), b.lower(), b.upper());
            }
            return this;
        }

        private Builder add(Kind kind, int n, double lower, double upper) {
            if (n <= 0) {
                throw new InvalidInputException(kind + " block must have a positive dimension, got " + n);
            }
            blocks.add(new Block(kind, offset, n, lower, upper));
            offset += n;
            return this;
        }

        public Domain build() {
            if (blocks.isEmpty()) {
                throw new InvalidInputException("a domain needs at least one block");
            }
            return new Domain(blocks);
        }
    }
}
