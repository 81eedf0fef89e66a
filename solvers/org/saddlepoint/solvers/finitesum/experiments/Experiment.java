package org.saddlepoint.solvers.finitesum.experiments;

import org.saddlepoint.solvers.Checks;

/** The experiments of the paper and the spec, by command-line name, with their default size and budget. */
public enum Experiment {
    /** {@link LeastSquares}, d = 20 (spec 5.1). */
    LEAST_SQUARES("least-squares", 1000, 500),
    /** {@link PolicemanBurglar} (spec 4.1; the paper's n = 500). */
    POLICEMAN_BURGLAR("policeman-burglar", 500, 2000),
    /** {@link QuadraticMinMax} (spec 4.2; the paper's n = 200; its budget of 10^6 epochs is cut to 20,000). */
    QUADRATIC("quadratic", 200, 20_000);

    /** The dimension d of the least-squares experiment. */
    public static final int LEAST_SQUARES_DIMENSION = 20;

    private final String cliName;
    private final int defaultN;
    private final double defaultEpochs;

    Experiment(String cliName, int defaultN, double defaultEpochs) {
        this.cliName = cliName;
        this.defaultN = defaultN;
        this.defaultEpochs = defaultEpochs;
    }

    public String cliName() {
        return cliName;
    }

    public int defaultN() {
        return defaultN;
    }

    public double defaultEpochs() {
        return defaultEpochs;
    }

    /** The instance with n components from {@code seed} (the quadratic instance ignores the seed). */
    public FiniteSumInstance generate(int n, long seed) {
        return switch (this) {
            case LEAST_SQUARES -> LeastSquares.generate(n, LEAST_SQUARES_DIMENSION, seed);
            case POLICEMAN_BURGLAR -> PolicemanBurglar.generate(n, seed);
            case QUADRATIC -> QuadraticMinMax.generate(n);
        };
    }

    public static Experiment fromCliName(String name) {
        return Checks.named("experiment", values(), Experiment::cliName, name);
    }
}
