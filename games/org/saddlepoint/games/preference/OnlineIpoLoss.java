package org.saddlepoint.games.preference;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The online IPO loss of a tabular softmax policy against a payoff policy nu (not
 * differentiated), the "parametrized" mirror step of EGPO (Zhou, Fazel and Du 2025; repository
 * {@code simulations/loss_funcs.py}, {@code online_ipo_1}):
 * <pre>
 *   L(theta; nu) = (1/K^2) sum_{y,y'} ( [log pi(y) - log mu(y)] - [log pi(y') - log mu(y')]
 *                                       - ((P nu)_y - (P nu)_{y'}) / beta )^2.
 * </pre>
 * With u = theta - log mu - P nu / beta its gradient in the logits is (4/K)(u - mean(u) 1), so
 * one SGD step with learning rate lr is the mirror step of the regularized game with
 * eta beta = 4 lr / K. The sampled gradient ({@code online_ipo_1_sample}) draws y, y' uniformly
 * and y'' ~ nu, with the unbiased target (P[y][y''] - P[y'][y'']) / beta.
 *
 * <p>"Online IPO 2" ({@code online_ipo_2}) weights the pairs by nu(y) nu(y') and targets the pair's
 * own preference: L2(theta; nu) = sum_{y,y'} nu(y) nu(y') (h_y - h_{y'} - (P[y][y'] - 1/2) / beta)^2,
 * h = log pi - log mu. With the skew A = P - 1/2 and nu^T A nu = 0 its logit gradient is
 * 4 nu ⊙ (h - &lt;nu, h&gt; 1 - A nu / beta) [derived]: the same fixed point pi*_beta as the mirror step
 * (for nu = pi), a nu-weighted flow. Holds a scratch vector: one instance per thread.
 */
public final class OnlineIpoLoss {
    private final PreferenceGame game;
    private final double[] u;

    public OnlineIpoLoss(PreferenceGame game) {
        this.game = game;
        this.u = new double[game.responses()];
    }

    /** L(theta; nu), exact. */
    public double value(double[] theta, double[] nu) {
        centredU(theta, nu);
        double s = 0;
        for (double v : u) {
            s += v * v;
        }
        return 2 * s / u.length;
    }

    /** The exact gradient (4/K)(u - mean(u)) into {@code out}. */
    public void gradient(double[] theta, double[] nu, double[] out) {
        centredU(theta, nu);
        double scale = 4.0 / u.length;
        for (int y = 0; y < u.length; y++) {
            out[y] = scale * u[y];
        }
    }

    /** L2(theta; nu) of Online IPO 2, exact (O(K^2)). */
    public double pairWeightedValue(double[] theta, double[] nu) {
        double[] logMu = game.logReference();
        PreferenceMatrix p = game.preferences();
        double beta = game.beta();
        double s = 0;
        for (int y = 0; y < theta.length; y++) {
            for (int z = 0; z < theta.length; z++) {
                double r = (theta[y] - logMu[y]) - (theta[z] - logMu[z]) - (p.get(y, z) - 0.5) / beta;
                s += nu[y] * nu[z] * r * r;
            }
        }
        return s;
    }

    /** The gradient 4 nu ⊙ (h - &lt;nu, h&gt; - A nu / beta) of Online IPO 2's loss into {@code out}. */
    public void pairWeightedGradient(double[] theta, double[] nu, double[] out) {
        game.preferences().multiply(nu, u);
        double[] logMu = game.logReference();
        double beta = game.beta();
        double meanH = 0;
        for (int y = 0; y < u.length; y++) {
            meanH += nu[y] * (theta[y] - logMu[y]);
        }
        for (int y = 0; y < u.length; y++) {
            out[y] = 4 * nu[y] * ((theta[y] - logMu[y]) - meanH - (u[y] - 0.5) / beta);
        }
    }

    /** u - mean(u), into {@link #u}. */
    private void centredU(double[] theta, double[] nu) {
        game.preferences().multiply(nu, u);
        double[] logMu = game.logReference();
        double beta = game.beta();
        double mean = 0;
        for (int y = 0; y < u.length; y++) {
            u[y] = theta[y] - logMu[y] - u[y] / beta;
            mean += u[y];
        }
        mean /= u.length;
        for (int y = 0; y < u.length; y++) {
            u[y] -= mean;
        }
    }

    /** The gradient of the loss averaged over {@code samples} draws (y, y', y''), into {@code out}. */
    public void sampledGradient(double[] theta, double[] nu, int samples, SplittableRandom random, double[] out) {
        int k = theta.length;
        double[] logMu = game.logReference();
        PreferenceMatrix p = game.preferences();
        double beta = game.beta();
        PolicySampler sampler = new PolicySampler(nu);
        Arrays.fill(out, 0);
        for (int s = 0; s < samples; s++) {
            int y = random.nextInt(k);
            int z = random.nextInt(k);
            int w = sampler.draw(random);
            double d = (theta[y] - logMu[y]) - (theta[z] - logMu[z]);
            double target = (p.get(y, w) - p.get(z, w)) / beta;
            double g = 2 * (d - target) / samples;
            out[y] += g;
            out[z] -= g;
        }
    }
}
