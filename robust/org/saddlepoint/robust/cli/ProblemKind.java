package org.saddlepoint.robust.cli;

import java.nio.file.Path;

import org.saddlepoint.robust.twostage.CapitalBudgetingReader;
import org.saddlepoint.robust.twostage.RobustKnapsackReader;
import org.saddlepoint.robust.twostage.TwoStageRobustProblem;

/** The benchmark an instance file belongs to, as {@code --problem} names it. */
public enum ProblemKind {
    /** Arslan and Detienne's two-stage robust knapsack. */
    KNAPSACK,
    /** Capital budgeting (Subramanyam, Gounaris and Wiesemann), Neur2RO's file format. */
    CAPITAL_BUDGETING;

    /** Reads {@code file} in this benchmark's format. */
    public TwoStageRobustProblem read(Path file) {
        return this == KNAPSACK ? RobustKnapsackReader.read(file) : CapitalBudgetingReader.read(file);
    }
}
