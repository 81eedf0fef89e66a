package org.saddlepoint.solvers;

/**
 * Input that cannot describe a valid problem: wrong shape, NaN or infinite entry, empty data,
 * a negative budget, a parameter out of its range. The message names the offending item.
 */
public class InvalidInputException extends SaddlepointException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
