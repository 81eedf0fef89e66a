package org.saddlepoint.games;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/** The methods that compute a Nash equilibrium of a {@link MatrixGame}, with their command-line names. */
public enum NashMethod {
    /** Exact linear program (OR-Tools GLOP by default). */
    LP("lp"),
    /** Euclidean extragradient. */
    EXTRAGRADIENT("extragradient"),
    /** Optimistic gradient (Popov), Euclidean. */
    OPTIMISTIC("optimistic"),
    /** Alternating self-play of multiplicative weights (Hedge) with a constant step. */
    MWU("mwu"),
    /** Self-play of alternating regret matching+ with linear averaging. */
    RM_PLUS("rm-plus"),
    /** Self-play of predictive regret matching+ (Farina, Kroer, Sandholm 2021). */
    PRM_PLUS("prm-plus"),
    /** Restarted Halpern iteration on the PDHG map. */
    HALPERN("halpern"),
    /** Alternating regret matching+ restarted whenever the gap falls tenfold (Chakrabarti, Diakonikolas, Kroer 2023). */
    RESTARTED_RM_PLUS("restarted-rm-plus"),
    /** Restarted regret matching+ on restricted games A[S, T] grown as in the double oracle (McMahan, Gordon, Blum 2003). */
    RESTRICTED_RM_PLUS("restricted-rm-plus");

    private final String cliName;

    NashMethod(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The method with this command-line name; an {@link InvalidInputException} listing the names otherwise. */
    public static NashMethod fromCliName(String name) {
        return Checks.named("method", values(), NashMethod::cliName, name);
    }
}
