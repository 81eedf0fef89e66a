package org.saddlepoint.cli;

import java.util.Arrays;
import java.util.Locale;

/** Compact, locale-independent number formatting for human-readable command output. */
public final class Formats {
    /** Vectors up to this length are printed in full; longer ones by their support. */
    public static final int FULL_VECTOR_MAX = 12;
    /** At most this many support entries of a long vector are listed. */
    public static final int SUPPORT_MAX = 10;
    /** Probabilities below this are left out of a support listing. */
    public static final double SUPPORT_THRESHOLD = 1e-6;

    private Formats() {
    }

    /** Six significant digits, trailing zeros dropped: 0.333333, 1e-09, 12345.7, -2. */
    public static String number(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + exponent;
    }

    /**
     * A probability vector, compactly: in full as {@code [0.5, 0.25, 0.25]} up to
     * {@value #FULL_VECTOR_MAX} entries; otherwise its support (entries of at least
     * {@value #SUPPORT_THRESHOLD}), largest first with 1-based indices, at most {@value #SUPPORT_MAX}
     * of them and the total of the rest:
     * {@code support 3 of 21: #9 0.5, #4 0.25, #21 0.25} or
     * {@code support 300 of 300: #177 0.0194, ..., #86 0.0109 and 280 more (total 0.78)}.
     */
    public static String strategy(double[] p) {
        StringBuilder b = new StringBuilder();
        if (p.length <= FULL_VECTOR_MAX) {
            b.append('[');
            for (int i = 0; i < p.length; i++) {
                b.append(i == 0 ? "" : ", ").append(number(p[i]));
            }
            return b.append(']').toString();
        }
        Integer[] support = new Integer[p.length];
        int size = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] >= SUPPORT_THRESHOLD) {
                support[size++] = i;
            }
        }
        Integer[] idx = Arrays.copyOf(support, size);
        Arrays.sort(idx, (a, c) -> Double.compare(p[c], p[a]));
        b.append("support ").append(size).append(" of ").append(p.length);
        int shown = Math.min(size, SUPPORT_MAX);
        for (int k = 0; k < shown; k++) {
            b.append(k == 0 ? ": " : ", ").append('#').append(idx[k] + 1).append(' ').append(number(p[idx[k]]));
        }
        if (size > shown) {
            double rest = 0;
            for (int k = shown; k < size; k++) {
                rest += p[idx[k]];
            }
            b.append(" and ").append(size - shown).append(" more (total ").append(number(rest)).append(')');
        }
        return b.toString();
    }
}
