package org.saddlepoint.games.preference;

import java.util.Arrays;

import org.saddlepoint.games.LpBackend;
import org.saddlepoint.games.MatrixGameLp;
import org.saddlepoint.games.MatrixGameSolution;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * The KL-regularized preference game of one prompt (Munos et al., "Nash learning from human
 * feedback", ICML 2024, regularized preference P_tau; Zhou, Fazel and Du, "Extragradient preference
 * optimization", COLM 2025, with beta for tau):
 * <pre>  J_beta(pi, pi') = pi^T P pi' - beta KL(pi || mu) + beta KL(pi' || mu), </pre>
 * the max-player picks pi, the min-player pi'. Its equilibrium is unique and symmetric,
 * (pi*_beta, pi*_beta) with pi*_beta(y) proportional to mu(y) exp((P pi*_beta)_y / beta).
 * Responses are 0-based here (1-based on the command line). Immutable.
 *
 * <p>Certificates, exact (spec section 0.4): the regularized duality gap {@link #dualityGap},
 * the unregularized {@link #exploitability}, and, through {@link #equilibrium()} and
 * {@link #minimaxWinner()}, the distance to pi*_beta and to the minimax winner.
 */
public final class PreferenceGame {
    /** How far a policy's entries may sum from 1. */
    static final double SUM_TOLERANCE = 1e-9;

    private final PreferenceMatrix preferences;
    private final double[] reference;
    private final double[] logReference;
    private final double beta;

    private PreferenceGame(PreferenceMatrix preferences, double[] reference, double beta) {
        this.preferences = preferences;
        this.reference = reference;
        this.logReference = Softmax.logs(reference);
        this.beta = beta;
    }

    /**
     * @param reference mu, the reference policy: K entries &gt; 0 summing to 1 (full support)
     * @param beta      regularization strength, finite and &gt; 0
     */
    public static PreferenceGame of(PreferenceMatrix preferences, double[] reference, double beta) {
        if (preferences == null) {
            throw new InvalidInputException("preference matrix must not be null");
        }
        double[] mu = checkPolicy("reference policy", reference, preferences.size());
        for (int y = 0; y < mu.length; y++) {
            if (!(mu[y] > 0)) {
                throw new InvalidInputException("reference policy must have full support: mu[" + y + "] = " + mu[y]);
            }
        }
        return new PreferenceGame(preferences, mu, Checks.positive("beta", beta));
    }

    /** The game with the uniform reference policy. */
    public static PreferenceGame uniform(PreferenceMatrix preferences, double beta) {
        return of(preferences, uniform(preferences.size()), beta);
    }

    static double[] uniform(int k) {
        double[] u = new double[k];
        Arrays.fill(u, 1.0 / k);
        return u;
    }

    /** Requires a probability vector of length k (entries finite, &gt;= 0, summing to 1 within 1e-9); a copy. */
    static double[] checkPolicy(String name, double[] policy, int k) {
        if (policy == null) {
            throw new InvalidInputException(name + " must not be null");
        }
        Checks.length(name, policy, k);
        double sum = 0;
        for (int y = 0; y < k; y++) {
            if (!(policy[y] >= 0) || Double.isInfinite(policy[y])) {
                throw new InvalidInputException(name + "[" + y + "] = " + policy[y] + " is not a probability");
            }
            sum += policy[y];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new InvalidInputException(name + " must sum to 1, sums to " + sum);
        }
        return policy.clone();
    }

    public PreferenceGame withBeta(double value) {
        return of(preferences, reference, value);
    }

    public PreferenceGame withReference(double[] value) {
        return of(preferences, value, beta);
    }

    public PreferenceMatrix preferences() {
        return preferences;
    }

    /** The number of responses K. */
    public int responses() {
        return preferences.size();
    }

    public double beta() {
        return beta;
    }

    /** mu (a copy). */
    public double[] reference() {
        return reference.clone();
    }

    double[] logReference() {
        return logReference;
    }

    /** P pi: the probability that each response beats a draw from pi. */
    public double[] payoffs(double[] policy) {
        double[] out = new double[responses()];
        preferences.multiply(check(policy), out);
        return out;
    }

    /** J_beta(pi1, pi2) = pi1^T P pi2 - beta KL(pi1 || mu) + beta KL(pi2 || mu). */
    public double value(double[] pi1, double[] pi2) {
        return preferences.preference(check(pi1), check(pi2)) - beta * Softmax.kl(pi1, Softmax.logs(pi1), logReference)
                + beta * Softmax.kl(pi2, Softmax.logs(pi2), logReference);
    }

    /** The regularized best response softmax(log mu + P pi / beta) to pi. */
    public double[] bestResponse(double[] policy) {
        double[] logits = bestResponseLogits(check(policy));
        double[] out = new double[logits.length];
        Softmax.normalise(logits, out);
        return out;
    }

    /** log mu + P pi / beta, unnormalised. */
    double[] bestResponseLogits(double[] policy) {
        double[] v = new double[responses()];
        preferences.multiply(policy, v);
        for (int y = 0; y < v.length; y++) {
            v[y] = logReference[y] + v[y] / beta;
        }
        return v;
    }

    /**
     * Gap_beta(pi) = max_pi1 J_beta(pi1, pi) - min_pi2 J_beta(pi, pi2)
     * = 2 beta LSE_mu(P pi / beta) + 2 beta KL(pi || mu) - 1 &gt;= 0, zero exactly at pi*_beta.
     * Evaluated in the equal form 2 beta KL(pi || BR(pi)) (it uses pi^T P pi = 1/2), which has no
     * cancellation near the equilibrium: accurate to rounding of the gap itself, not of 1.
     */
    public double dualityGap(double[] policy) {
        return dualityGap(policy, policy);
    }

    /**
     * The gap of a pair, Gap_beta(pi1, pi2) = beta LSE_mu(P pi2/beta) + beta KL(pi2 || mu)
     * + beta LSE_mu(P pi1/beta) + beta KL(pi1 || mu) - 1, evaluated as
     * beta [KL(pi1 || BR(pi2)) + KL(pi2 || BR(pi1))].
     */
    public double dualityGap(double[] pi1, double[] pi2) {
        return beta * (klToBestResponse(check(pi1), pi2) + klToBestResponse(check(pi2), pi1));
    }

    /** KL(pi || BR(nu)). */
    private double klToBestResponse(double[] pi, double[] nu) {
        double[] logBr = bestResponseLogits(nu);
        double lse = Softmax.logSumExp(logBr);
        for (int y = 0; y < logBr.length; y++) {
            logBr[y] -= lse;
        }
        return Softmax.kl(pi, Softmax.logs(pi), logBr);
    }

    /**
     * Expl(pi) = max_y (P pi)_y - 1/2 in [0, 1/2]: how much the best pure response beats pi;
     * the unregularized duality gap of (pi, pi) is twice it; zero exactly at a minimax winner.
     */
    public double exploitability(double[] policy) {
        double[] v = payoffs(policy);
        double top = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            top = Math.max(top, x);
        }
        return Math.max(top - 0.5, 0.0);
    }

    /** KL(pi*_beta || pi): the distance of Nash-MD's and EGPO's analyses. */
    public double klFromEquilibrium(double[] policy) {
        double[] star = equilibrium().policy();
        return Softmax.kl(star, Softmax.logs(star), Softmax.logs(check(policy)));
    }

    /** KL(pi || pi*_beta), the reverse direction (spec 0.4.6). */
    public double klToEquilibrium(double[] policy) {
        double[] star = equilibrium().policy();
        double[] pi = check(policy);
        return Softmax.kl(pi, Softmax.logs(pi), Softmax.logs(star));
    }

    /**
     * The log-ratio span max_y log(pi(y) / pi*_beta(y)) - min_y log(pi(y) / pi*_beta(y)) (spec 0.4.6),
     * scale-free, 0 exactly at pi*_beta; infinite when pi lacks full support.
     */
    public double logRatioSpan(double[] policy) {
        double[] star = equilibrium().policy();
        double[] pi = check(policy);
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (int y = 0; y < pi.length; y++) {
            double r = Math.log(pi[y]) - Math.log(star[y]);
            top = Math.max(top, r);
            bottom = Math.min(bottom, r);
        }
        return top - bottom;
    }

    /** pi*_beta by Newton's method on its fixed-point equation ({@link RegularizedEquilibrium}). */
    public RegularizedEquilibrium equilibrium() {
        return RegularizedEquilibrium.solve(this);
    }

    /**
     * The minimax (von Neumann) winner of the unregularized game: max v s.t. sum_i pi_i P[i][j] &gt;= v
     * for all j, pi in the simplex (optimal v = 1/2), solved exactly by {@link MatrixGameLp} (GLOP).
     * Its row strategy is the winner; its duality gap certifies it (twice the exploitability).
     */
    public MatrixGameSolution minimaxWinner() {
        return MatrixGameLp.solve(preferences.asMatrixGame(), LpBackend.GLOP, Double.POSITIVE_INFINITY);
    }

    /** The set of all minimax winners, to check that {@link #minimaxWinner()} is the only one. */
    public MinimaxWinners minimaxWinners() {
        return MinimaxWinners.of(preferences);
    }

    private double[] check(double[] policy) {
        if (policy == null || policy.length != responses()) {
            throw new InvalidInputException("policy has length " + (policy == null ? "null" : policy.length)
                    + ", the game has " + responses() + " responses");
        }
        return policy;
    }

    @Override
    public String toString() {
        return "PreferenceGame[" + responses() + " responses, beta = " + beta + "]";
    }
}
