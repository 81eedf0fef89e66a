package org.saddlepoint.robust.committee;

import org.saddlepoint.solvers.InvalidInputException;

/** Group bounds that no committee of the requested size can meet; the message says why. */
public class InfeasibleBoundsException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InfeasibleBoundsException(String message) {
        super("infeasible group bounds: " + message);
    }
}
