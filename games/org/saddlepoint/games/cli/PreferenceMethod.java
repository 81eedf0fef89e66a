package org.saddlepoint.games.cli;

import org.saddlepoint.cli.EnumConverter;
import org.saddlepoint.games.preference.Apo;
import org.saddlepoint.games.preference.Egpo;
import org.saddlepoint.games.preference.Inpo;
import org.saddlepoint.games.preference.NashMd;
import org.saddlepoint.games.preference.OnlineMirrorDescent;
import org.saddlepoint.games.preference.PreferenceLearner;
import org.saddlepoint.games.preference.Spo;

/** The learners of {@code saddlepoint preference --method}, by their command-line names. */
enum PreferenceMethod {
    EGPO,
    NASH_MD,
    INPO,
    OMD,
    SPO,
    APO;

    /** The command-line name: egpo, nash-md, ... */
    String cliName() {
        return EnumConverter.cliName(this);
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
