package org.saddlepoint.games;

/** The OR-Tools linear-programming solver behind {@link NashMethod#LP}. */
public enum LpBackend {
    /** Google's primal/dual simplex: exact vertex solutions; the default. */
    GLOP,
    /** First-order primal-dual LP solver (restarted PDHG): for large games, to a tolerance. */
    PDLP
}
