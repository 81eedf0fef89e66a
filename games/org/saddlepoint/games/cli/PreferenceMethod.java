package org.saddlepoint.games.cli;

import java.util.Locale;

import org.saddlepoint.games.preference.Apo;
import org.saddlepoint.games.preference.Egpo;
import org.saddlepoint.games.preference.Inpo;
import org.saddlepoint.games.preference.NashMd;
import org.saddlepoint.games.preference.OnlineMirrorDescent;
import org.saddlepoint.games.preference.PreferenceLearner;
import org.saddlepoint.games.preference.Spo;
import org.saddlepoint.solvers.InvalidInputException;

/** The learners of {@code saddlepoint preference --method}, by their command-line names. */
enum PreferenceMethod {
    EGPO("egpo"),
    NASH_MD("nash-md"),
    INPO("inpo"),
    OMD("omd"),
    SPO("spo"),
    APO("apo");

    private final String cliName;

    PreferenceMethod(String cliName) {
        this.cliName = cliName;
    }

    String cliName() {
        return cliName;
    }

    static PreferenceMethod fromCliName(String name) {
        for (PreferenceMethod m : values()) {
            if (m.cliName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidInputException("unknown method '" + name + "'; expected one of egpo, nash-md, inpo, omd, spo, apo");
    }

    /** True for the methods of the KL-regularized game, judged by Gap_beta of the last iterate. */
    boolean regularized() {
        return this != SPO && this != APO;
    }

    /**
     * The default step: 1 / (beta + 1) for the mirror-descent methods (EGPO's step condition
     * eta &lt;= 1 / (beta + 2 max|A|) with max|A| &lt;= 1/2), Hedge's tuned
     * sqrt(8 ln K / T) / 2 for SPO (utilities of range 2); APO has no step (it uses 1 / beta).
     */
    double defaultEta(double beta, int responses, int iterations) {
        return this == SPO ? Math.sqrt(8 * Math.log(Math.max(responses, 2)) / iterations) / 2 : 1 / (beta + 1);
    }

    PreferenceLearner learner(double eta, double momentum) {
        return switch (this) {
            case EGPO -> Egpo.policySpace(eta);
            case NASH_MD -> new NashMd(eta);
            case INPO -> Inpo.exact(eta);
            case OMD -> new OnlineMirrorDescent(eta);
            case SPO -> Spo.exact(eta);
            case APO -> Apo.sppo(momentum);
        };
    }
}
