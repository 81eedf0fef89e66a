package org.saddlepoint.solvers.finitesum.experiments;

import org.saddlepoint.solvers.finitesum.FiniteSumMethod;
import org.saddlepoint.solvers.finitesum.FiniteSumProblem;

/** A generated experiment instance: its problem and its methods with their parameter presets. */
public abstract class FiniteSumInstance {
    FiniteSumInstance() {
    }

    public abstract FiniteSumProblem problem();

    /** The parameters of the authors' script for this instance; null where there is none. */
    abstract PaperParameters paperParameters();

    /** The method with the preset's parameters for this instance (see {@link Preset}). */
    public final FiniteSumMethod method(MethodName name, Preset preset) {
        PaperParameters paper = preset == Preset.PAPER ? paperParameters() : null;
        return paper == null ? name.theory(problem()) : paper.method(name, problem());
    }
}
