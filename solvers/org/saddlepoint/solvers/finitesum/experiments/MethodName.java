package org.saddlepoint.solvers.finitesum.experiments;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.finitesum.DeterministicExtragradient;
import org.saddlepoint.solvers.finitesum.DeterministicHalpern;
import org.saddlepoint.solvers.finitesum.ExtraAnchoredGradient;
import org.saddlepoint.solvers.finitesum.FiniteSumMethod;
import org.saddlepoint.solvers.finitesum.FiniteSumProblem;
import org.saddlepoint.solvers.finitesum.InexactHalpern;
import org.saddlepoint.solvers.finitesum.VarianceReducedExtragradient;
import org.saddlepoint.solvers.finitesum.VarianceReducedHalpern;

/** The finite-sum methods by their short names, each with its "theory" parameter preset. */
public enum MethodName {
    /** {@link VarianceReducedHalpern}: eta = 1/L. */
    ALG1("alg1"),
    /** {@link InexactHalpern}: eta = sqrt(n)/L, VR-FoRB with p = 1/n, M_k = floor(0.05 n ln(k+2)). */
    ALG2("alg2"),
    /** {@link DeterministicExtragradient}: eta = 0.9/L_F. */
    EG("eg"),
    /** {@link ExtraAnchoredGradient}: eta = 1/(8 L_F). */
    EAG("eag"),
    /** {@link DeterministicHalpern}: eta = 2/L_F. */
    HALPERN("halpern"),
    /** {@link VarianceReducedExtragradient}: p = 1/n, alpha = 1 - p, tau = 0.99 sqrt(p)/L. */
    VR_EG("vr-eg");

    private final String cliName;

    MethodName(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The method named {@code name} (its cliName). */
    public static MethodName fromCliName(String name) {
        return Checks.named("method", values(), MethodName::cliName, name);
    }

    /** The method with its theory preset for {@code problem}. */
    public FiniteSumMethod theory(FiniteSumProblem problem) {
        return switch (this) {
            case ALG1 -> VarianceReducedHalpern.theory(problem);
            case ALG2 -> InexactHalpern.theory(problem);
            case EG -> DeterministicExtragradient.theory(problem);
            case EAG -> ExtraAnchoredGradient.theory(problem);
            case HALPERN -> DeterministicHalpern.theory(problem);
            case VR_EG -> VarianceReducedExtragradient.theory(problem);
        };
    }
}
