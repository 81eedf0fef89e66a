package org.saddlepoint.solvers.firstorder;

/**
 * A nonexpansive map T (||T u - T v|| &lt;= ||u - v|| in some fixed norm) whose fixed points are
 * the solutions of a problem: the object Halpern iteration works on.
 */
public interface FixedPointMap {
    int dimension();

    /** out = T(u); {@code out} and {@code u} are distinct arrays. */
    void apply(double[] u, double[] out);

    /** The map's name, for reports. */
    String name();
}
