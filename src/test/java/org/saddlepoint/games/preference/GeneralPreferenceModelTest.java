package org.saddlepoint.games.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GPM (Zhang et al., arXiv 2410.02197) on finite response sets (spec section 7, reproduction R13). */
class GeneralPreferenceModelTest {
    private static double maxDifference(double[][] a, double[][] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return m;
    }

    @Test
    void r13EverySkewMatrixOfRankTwoKIsExactlyAModel() {
        for (int blocks : new int[] {1, 2, 3}) {
            double[][] s = GeneralPreferenceModel.random(9, blocks, blocks).logits();
            GeneralPreferenceModel schur = GeneralPreferenceModel.fromLogits(s, blocks);
            assertTrue(maxDifference(s, schur.logits()) < 1e-12, "k = " + blocks);
            // fewer blocks cannot represent it
            if (blocks > 1) {
                assertTrue(maxDifference(s, GeneralPreferenceModel.fromLogits(s, blocks - 1).logits()) > 1e-3);
            }
        }
    }

    @Test
    void generatedPreferencesAreValidAndSkew() {
        PreferenceMatrix p = GeneralPreferenceModel.random(7, 2, 4).preferences();
        for (int i = 0; i < 7; i++) {
            assertEquals(0.5, p.get(i, i));
            for (int j = 0; j < 7; j++) {
                assertEquals(1.0, p.get(i, j) + p.get(j, i), 1e-15);
            }
        }
    }

    @Test
    void unitCircleEmbeddingsAtThirdsGiveTheCyclicTournament() {
        double[][] v = new double[3][];
        for (int i = 0; i < 3; i++) {
            v[i] = new double[] {Math.cos(2 * Math.PI * i / 3), Math.sin(2 * Math.PI * i / 3)};
        }
        double[][] s = GeneralPreferenceModel.of(v, new double[] {1}).logits();
        double sign = Math.signum(s[0][1]);
        assertTrue(sign != 0);
        assertEquals(sign, Math.signum(s[1][2]));
        assertEquals(sign, Math.signum(s[2][0]));
        assertEquals(Math.sqrt(3) / 2, Math.abs(s[0][1]), 1e-15);
    }

    @Test
    void gradientIsTheFiniteDifferenceOfTheLogisticLoss() {
        double[][] wins = ComparisonCounts.sample(GeneralPreferenceModel.random(5, 1, 2).preferences(), 20, 1);
        double[][] rows = randomRows(5, 4);
        double[][] g = GeneralPreferenceModel.of(rows, new double[] {1, 1}).gradient(wins);
        for (int y = 0; y < 5; y++) {
            for (int c = 0; c < 4; c++) {
                double h = 1e-6;
                double[][] up = copy(rows);
                double[][] down = copy(rows);
                up[y][c] += h;
                down[y][c] -= h;
                double fd = (ComparisonCounts.logisticLoss(wins, GeneralPreferenceModel.of(up, new double[] {1, 1}).logits())
                        - ComparisonCounts.logisticLoss(wins, GeneralPreferenceModel.of(down, new double[] {1, 1}).logits()))
                        / (2 * h);
                assertEquals(fd, g[y][c], 1e-7);
            }
        }
    }

    private static double[][] randomRows(int n, int width) {
        java.util.Random rng = new java.util.Random(17);
        double[][] r = new double[n][width];
        for (double[] row : r) {
            for (int i = 0; i < width; i++) {
                row[i] = rng.nextGaussian();
            }
        }
        return r;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Test
    void r13GpmFitsACycleThatBradleyTerryCannot() {
        PreferenceMatrix cycle = PreferenceMatrix.cycle3(0.3, 0.3, 0.3);
        double[][] truth = logit(cycle);
        double[][] wins = ComparisonCounts.sample(cycle, 200, 3);
        double gpm = ComparisonCounts.agreement(GeneralPreferenceModel.fit(wins, 1, 500).logits(), truth);
        double bt = ComparisonCounts.agreement(BradleyTerryModel.logits(BradleyTerryModel.fit(wins, 500)), truth);
        assertEquals(1.0, gpm);
        assertTrue(bt <= 2.0 / 3, "a transitive model gets a pair of the cycle wrong: " + bt);
    }

    @Test
    void r13GpmAccuracyTendsToOneOnRandomRankTwoPreferences() {
        GeneralPreferenceModel model = GeneralPreferenceModel.random(10, 1, 5);
        double[][] truth = model.logits();
        double previous = 0;
        double bt = 0;
        for (int perPair : new int[] {10, 100, 10_000}) {
            double[][] wins = ComparisonCounts.sample(model.preferences(), perPair, perPair);
            double gpm = ComparisonCounts.agreement(GeneralPreferenceModel.fit(wins, 1, 500).logits(), truth);
            bt = ComparisonCounts.agreement(BradleyTerryModel.logits(BradleyTerryModel.fit(wins, 500)), truth);
            assertTrue(gpm >= previous, perPair + " per pair: " + gpm + " after " + previous);
            previous = gpm;
        }
        // measured: GPM 0.911, 1.0, 1.0 with 10, 100, 10,000 comparisons per pair; Bradley-Terry 0.778, 0.822, 0.822
        assertEquals(1.0, previous, "GPM accuracy with 10,000 comparisons per pair");
        assertTrue(bt < 1.0, "Bradley-Terry accuracy " + bt);
    }

    private static double[][] logit(PreferenceMatrix p) {
        double[][] s = new double[p.size()][p.size()];
        for (int i = 0; i < p.size(); i++) {
            for (int j = 0; j < p.size(); j++) {
                s[i][j] = Math.log(p.get(i, j) / p.get(j, i));
            }
        }
        return s;
    }
}
