package org.saddlepoint.solvers.finitesum.experiments;

import org.saddlepoint.solvers.finitesum.DeterministicExtragradient;
import org.saddlepoint.solvers.finitesum.ExtraAnchoredGradient;
import org.saddlepoint.solvers.finitesum.FiniteSumMethod;
import org.saddlepoint.solvers.finitesum.FiniteSumProblem;
import org.saddlepoint.solvers.finitesum.InexactHalpern;
import org.saddlepoint.solvers.finitesum.VarianceReducedExtragradient;
import org.saddlepoint.solvers.finitesum.VarianceReducedHalpern;
import org.saddlepoint.solvers.finitesum.VrForb;

/**
 * The hand-tuned parameters of one of the authors' experiment scripts (spec monotone-operators
 * 4.1, 4.2). The rest is common to both scripts: VR-EG and VR-FoRB take p = 1/n and
 * alpha = 1 - p, Algorithm 1 b = floor(sqrt n), Algorithm 2 M_k = floor(0.05 n ln(k+2)) with the
 * [AM22] snapshot; deterministic Halpern is in neither script and keeps its theory preset.
 */
record PaperParameters(double egEta, double eagEta, double vrEgTau, double alg1Eta, double alg2Eta,
                       double alg2Gamma) {
    FiniteSumMethod method(MethodName name, FiniteSumProblem problem) {
        int n = problem.components();
        double p = 1.0 / n;
        return switch (name) {
            case EG -> new DeterministicExtragradient(egEta);
            case EAG -> new ExtraAnchoredGradient(eagEta);
            case VR_EG -> new VarianceReducedExtragradient(p, 1 - p, vrEgTau);
            case ALG1 -> new VarianceReducedHalpern(alg1Eta);
            case ALG2 -> new InexactHalpern(alg2Eta, new VrForb(p, 1 - p, alg2Gamma, false), 0.05 * n);
            case HALPERN -> name.theory(problem);
        };
    }
}
