package org.saddlepoint.solvers;

/**
 * Root of every exception the library throws on purpose. Unchecked, in the style of
 * Hipparchus' {@code MathRuntimeException}: a caller who wants to handle all library errors
 * catches this one type.
 */
public class SaddlepointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SaddlepointException(String message) {
        super(message);
    }

    public SaddlepointException(String message, Throwable cause) {
        super(message, cause);
    }
}
