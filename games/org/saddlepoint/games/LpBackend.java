package org.saddlepoint.games;

/** The linear-programming solver behind {@link NashMethod#LP}. */
public enum LpBackend {
    /** OR-Tools' GLOP, Google's primal/dual simplex: exact vertex solutions; the default. */
    GLOP,
    /** OR-Tools' PDLP, a first-order primal-dual LP solver (restarted PDHG): for large games, to a tolerance. */
    PDLP,
    /**
     * ojAlgo's simplex, in pure Java: no native libraries (for machines where OR-Tools' cannot load);
     * slower than GLOP on large games.
     */
    OJALGO
}
