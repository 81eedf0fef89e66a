package org.saddlepoint.robust.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The ridge critic's pieces: Sherman-Morrison updates against an EJML inverse, and one-hot features reproducing
 * exact tabular robust (regularized) DP (spec 7.1).
 */
class RidgeCriticTest {
    @Test
    void shermanMorrisonMatchesTheInverse() {
        Random random = new Random(5);
        int d = 6;
        double lambda = 0.1;
        RidgeCritic<Integer> critic = new RidgeCritic<>(d, lambda);
        DMatrixRMaj gram = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.scale(lambda, gram);
        for (int t = 0; t < 200; t++) {
            double[] phi = new double[d];
            for (int i = 0; i < d; i++) {
                phi[i] = random.nextDouble();
            }
            critic.add(phi, new double[][] {phi}, new double[] {0}, 0, false);
            DMatrixRMaj x = DMatrixRMaj.wrap(d, 1, phi.clone());
            CommonOps_DDRM.multAddTransB(x, x, gram);
        }
        DMatrixRMaj inverse = gram.copy();
        CommonOps_DDRM.invert(inverse);
        DMatrixRMaj ours = critic.inverse();
        for (int k = 0; k < d * d; k++) {
            assertEquals(inverse.data[k], ours.data[k], 1e-10 * Math.max(1, Math.abs(inverse.data[k])));
        }
    }

    /** With zero next-state values the fitted Q is the reward plus the bonus, in each of its three forms. */
    @Test
    void bonusFormsMatchTheirDefinitions() {
        Random random = new Random(6);
        int d = 5;
        RidgeCritic<Integer> critic = new RidgeCritic<>(d, 0.5);
        for (int t = 0; t < 30; t++) {
            double[] phi = new double[d];
            phi[random.nextInt(d)] = 0.6;
            phi[random.nextInt(d)] += 0.4;
            critic.add(phi, new double[][] {phi}, new double[] {0}, 0, false);
        }
        DMatrixRMaj inverse = critic.inverse();
        double[] phi = {0.1, 0.2, 0.3, 0.4, 0};
        double rectangular = 0;
        double diagonal = 0;
        for (int i = 0; i < d; i++) {
            rectangular += phi[i] * Math.sqrt(inverse.get(i, i));
            diagonal += phi[i] * phi[i] * inverse.get(i, i);
        }
        DMatrixRMaj x = DMatrixRMaj.wrap(d, 1, phi.clone());
        double elliptical = Math.sqrt(org.ejml.dense.row.mult.VectorVectorMult_DDRM.innerProdA(x, inverse, x));
        double[] zeros = new double[critic.size()];
        double[] rho = new double[d];
        double beta = 0.7;
        assertEquals(0.25 + beta * rectangular, critic.fit(zeros, rho, BonusForm.D_RECTANGULAR, beta, 100).value(phi, 0.25), 1e-12);
        assertEquals(0.25 + beta * Math.sqrt(diagonal), critic.fit(zeros, rho, BonusForm.DIAGONAL, beta, 100).value(phi, 0.25), 1e-12);
        assertEquals(0.25 + beta * elliptical, critic.fit(zeros, rho, BonusForm.ELLIPTICAL, beta, 100).value(phi, 0.25), 1e-12);
        assertEquals(0.3, critic.fit(zeros, rho, BonusForm.ELLIPTICAL, beta, 0.3).value(phi, 0.25), 0, "clipped at the cap");
    }

    /** A random tabular MDP with probabilities k/10, state 4 absorbing with zero reward (the fail state). */
    static int[][][][] counts(Random random, int horizon, int states, int actions) {
        int[][][][] n = new int[horizon][states][actions][states];
        for (int h = 0; h < horizon; h++) {
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    for (int k = 0; k < 10; k++) {
                        n[h][s][a][s == states - 1 ? s : random.nextInt(states)]++;
                    }
                }
            }
        }
        return n;
    }

    private static void assertCriticReproducesDp(double rho, double tau) {
        Random random = new Random(11);
        int horizon = 4;
        int states = 5;
        int actions = 3;
        int[][][][] n = counts(random, horizon, states, actions);
        double[][][][] p = new double[horizon][states][actions][states];
        double[][][] r = new double[horizon][states][actions];
        for (int h = 0; h < horizon; h++) {
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    for (int t = 0; t < states; t++) {
                        p[h][s][a][t] = n[h][s][a][t] / 10.0;
                    }
                    r[h][s][a] = s == states - 1 ? 0 : random.nextDouble();
                }
            }
        }
        FiniteLinearMdp mdp = FiniteLinearMdp.oneHot(p, r, new double[] {1, 0, 0, 0, 0}, states - 1);
        UncertaintySet set = UncertaintySet.uniform(Divergence.TOTAL_VARIATION, horizon, mdp.dimension(), rho);
        LearnerOptions options = LearnerOptions.DEFAULT.withLambda(1e-10).withBeta(0).withTau(tau);
        RobustLeastSquaresValueIteration<Integer> learner = tau == 0 ? new DrLsviUcb<>(mdp, set, options)
                : new DrRpo<>(mdp, set, options);
        for (int h = 0; h < horizon; h++) {
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    for (int t = 0; t < states; t++) {
                        for (int c = 0; c < n[h][s][a][t]; c++) {
                            learner.observe(h, s, a, t);
                        }
                    }
                }
            }
        }
        learner.refit();
        RobustValues exact = RobustDynamicProgramming.of(mdp, set, tau).optimal();
        for (int h = 0; h < horizon; h++) {
            for (int s = 0; s < states; s++) {
                double[] expected = exact.q(h, s);
                double[] ours = learner.qRow(h, s);
                for (int a = 0; a < actions; a++) {
                    assertEquals(expected[a], ours[a], 1e-9, "h " + h + ", s " + s + ", a " + a);
                }
            }
        }
    }

    @Test
    void oneHotCriticReproducesRobustDp() {
        assertCriticReproducesDp(0.3, 0);
    }

    @Test
    void oneHotCriticReproducesNominalDp() {
        assertCriticReproducesDp(0, 0);
    }

    /** DR-RPO's critic with eta = infinity is soft robust value iteration: the exact regularized DP. */
    @Test
    void oneHotSoftCriticReproducesRegularizedDp() {
        assertCriticReproducesDp(0.3, 0.05);
    }
}
