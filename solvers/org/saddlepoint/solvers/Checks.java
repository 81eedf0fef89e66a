package org.saddlepoint.solvers;

import java.util.function.Function;

/** Argument checks that throw {@link InvalidInputException} with a message naming the argument. */
public final class Checks {
    private Checks() {
    }

    /** Requires {@code value} finite and strictly positive. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** Requires {@code value} finite and at least zero. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** Requires {@code value} strictly positive. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new InvalidInputException(name + " must be > 0, got " + value);
        }
        return value;
    }

    /** Requires {@code value} at least zero. */
    public static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new InvalidInputException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Requires every entry finite; names the first bad index. */
    public static double[] finite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException(name + "[" + i + "] is not finite: " + values[i]);
            }
        }
        return values;
    }

    /** Requires {@code values.length == expected}. */
    public static double[] length(String name, double[] values, int expected) {
        if (values.length != expected) {
            throw new InvalidInputException(
                    name + " has length " + values.length + ", expected " + expected);
        }
        return values;
    }

    /**
     * The element of {@code values} whose {@code name} is {@code wanted}, ignoring case and surrounding blanks;
     * otherwise an {@link InvalidInputException} "unknown WHAT 'wanted'; expected a, b or c".
     *
     * @param what what the values are, for the message ("method")
     */
    public static <T> T named(String what, T[] values, Function<? super T, String> name, String wanted) {
        String key = wanted.trim();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String n = name.apply(values[i]);
            if (n.equalsIgnoreCase(key)) {
                return values[i];
            }
            names.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ").append(n);
        }
        throw new InvalidInputException("unknown " + what + " '" + wanted + "'; expected " + names);
    }
}
