package org.saddlepoint.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.finitesum.experiments.Experiment;
import org.saddlepoint.solvers.finitesum.experiments.MethodName;

/** {@link Checks#named}: the lookup of the enums' fromCliName, its spelling tolerance and its message. */
class ChecksNamedTest {
    @Test
    void findsByNameIgnoringCaseAndBlanks() {
        assertEquals(MethodName.VR_EG, MethodName.fromCliName("vr-eg"));
        assertEquals(MethodName.VR_EG, MethodName.fromCliName(" VR-EG "));
        assertEquals(Experiment.POLICEMAN_BURGLAR, Experiment.fromCliName("policeman-burglar"));
        for (MethodName m : MethodName.values()) {
            assertEquals(m, MethodName.fromCliName(m.cliName()));
        }
    }

    @Test
    void anUnknownNameListsTheNames() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Experiment.fromCliName("knapsack"));
        assertEquals("unknown experiment 'knapsack'; expected least-squares, policeman-burglar or quadratic",
                e.getMessage());
        String[] one = {"only"};
        assertEquals("unknown thing 'x'; expected only",
                assertThrows(InvalidInputException.class, () -> Checks.named("thing", one, s -> s, "x")).getMessage());
    }
}
