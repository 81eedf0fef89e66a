package org.saddlepoint.games;

/**
 * Computes Nash equilibria of matrix games, exactly (LP) or by a certified first-order method.
 * Every solution is certified by its duality gap, computed from the returned strategies.
 */
public final class NashSolver {
    private NashSolver() {
    }

    /** The default method: the fastest one that reaches the tolerance (see README, benchmarks). */
    public static MatrixGameSolution solve(MatrixGame game, NashOptions options) {
        return solve(game, NashMethod.PRM_PLUS, options);
    }

    public static MatrixGameSolution solve(MatrixGame game, NashMethod method, NashOptions options) {
        throw new UnsupportedOperationException("being written: " + method);
    }
}
