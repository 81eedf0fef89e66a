package org.saddlepoint.robust.mdp;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.Vectors;
import org.saddlepoint.solvers.projection.EntropicStep;

/**
 * The KL-regularized policy mirror-descent step of DR-RPO's actor (spec 3.4, reconstructed; the standard form of
 * Lan 2022, "Policy mirror descent for reinforcement learning", and Cen et al. 2021), per state:
 * <pre>
 *   pi^{k+1} = argmax_p { &lt;p, Q&gt; - tau KL(p || pi_ref) - (1/eta) KL(p || pi^k) },
 *   pi^{k+1}(a) proportional to pi^k(a)^gamma pi_ref(a)^(1-gamma) exp(eta gamma Q(a)),   gamma = 1 / (1 + eta tau),
 * </pre>
 * with its limit eta = infinity, pi proportional to pi_ref exp(Q / tau) (the regularized greedy step), and the
 * regularized value tau log sum_a pi_ref(a) exp(Q(a) / tau) of that limit. All in log space with the
 * log-sum-exp shift (spec pitfall 11), through {@link EntropicStep}. tau = 0 with eta = infinity is the greedy
 * step: uniform over the maximizers of Q.
 */
public final class PolicyMirrorDescent {
    /** Actions whose Q is within this of the maximum count as ties of a greedy (tau = 0) step. */
    public static final double TIE_TOLERANCE = 1e-12;

    private PolicyMirrorDescent() {
    }

    /** pi^{k+1} from pi^k by the step above; eta = +infinity gives the regularized greedy step. */
    public static double[] step(double[] piK, double[] piRef, double[] q, double eta, double tau) {
        if (!(eta > 0)) {
            throw new InvalidInputException("mirror-descent step eta must be > 0 (or +infinity), got " + eta);
        }
        if (Double.isInfinite(eta)) {
            return softmax(piRef, q, tau);
        }
        double gamma = 1 / (1 + eta * tau);
        double[] center = new double[q.length];
        double[] logCenter = new double[q.length];
        for (int a = 0; a < q.length; a++) {
            logCenter[a] = gamma * Math.log(piK[a]) + (1 - gamma) * Math.log(piRef[a]);
        }
        double[] minusQ = new double[q.length];
        for (int a = 0; a < q.length; a++) {
            minusQ[a] = -q[a];
        }
        normalizeLog(logCenter, center);
        double[] out = new double[q.length];
        EntropicStep.step(center, minusQ, eta * gamma, out, 0, q.length);
        return out;
    }

    /** pi proportional to pi_ref exp(Q / tau); for tau = 0 uniform over the maximizers of Q. */
    public static double[] softmax(double[] piRef, double[] q, double tau) {
        if (tau == 0) {
            return greedy(q);
        }
        double[] out = new double[q.length];
        double[] minusQ = new double[q.length];
        for (int a = 0; a < q.length; a++) {
            minusQ[a] = -q[a];
        }
        EntropicStep.step(piRef, minusQ, 1 / tau, out, 0, q.length);
        return out;
    }

    /** Uniform over the maximizers of Q (within {@link #TIE_TOLERANCE}): greedy with random tie-breaking. */
    public static double[] greedy(double[] q) {
        double top = Vectors.max(q);
        int ties = 0;
        for (double x : q) {
            ties += x >= top - TIE_TOLERANCE ? 1 : 0;
        }
        double[] out = new double[q.length];
        for (int a = 0; a < q.length; a++) {
            out[a] = q[a] >= top - TIE_TOLERANCE ? 1.0 / ties : 0;
        }
        return out;
    }

    /** max_p { &lt;p, Q&gt; - tau KL(p || pi_ref) } = tau log sum_a pi_ref(a) exp(Q(a) / tau); max Q for tau = 0. */
    public static double softValue(double[] piRef, double[] q, double tau) {
        double top = Vectors.max(q);
        if (tau == 0) {
            return top;
        }
        double sum = 0;
        for (int a = 0; a < q.length; a++) {
            sum += piRef[a] * Math.exp((q[a] - top) / tau);
        }
        return top + tau * Math.log(sum);
    }

    /** &lt;pi, Q&gt; - tau KL(pi || pi_ref), the regularized value of pi against Q. */
    public static double regularizedValue(double[] pi, double[] piRef, double[] q, double tau) {
        double v = 0;
        for (int a = 0; a < q.length; a++) {
            v += pi[a] * q[a];
        }
        return tau == 0 ? v : v - tau * kl(pi, piRef);
    }

    /** KL(pi || pi_ref) = sum_a pi(a) log(pi(a) / pi_ref(a)). */
    public static double kl(double[] pi, double[] piRef) {
        double kl = 0;
        for (int a = 0; a < pi.length; a++) {
            if (pi[a] > 0) {
                kl += pi[a] * Math.log(pi[a] / piRef[a]);
            }
        }
        return kl;
    }

    /** out = exp(logs - logsumexp(logs)). */
    private static void normalizeLog(double[] logs, double[] out) {
        double top = Vectors.max(logs);
        double sum = 0;
        for (int a = 0; a < logs.length; a++) {
            out[a] = Math.exp(logs[a] - top);
            sum += out[a];
        }
        for (int a = 0; a < logs.length; a++) {
            out[a] /= sum;
        }
    }
}
