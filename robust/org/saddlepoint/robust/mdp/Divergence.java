package org.saddlepoint.robust.mdp;

/** The divergence that bounds each factor of a d-rectangular uncertainty set. */
public enum Divergence {
    /** Total variation, D(mu || nu) = (1/2) sum_s |mu(s) - nu(s)|; radii in [0, 1]. */
    TOTAL_VARIATION,
    /** Kullback-Leibler, D(mu || nu) = sum_s mu(s) log(mu(s) / nu(s)); radii &gt;= 0. */
    KULLBACK_LEIBLER
}
