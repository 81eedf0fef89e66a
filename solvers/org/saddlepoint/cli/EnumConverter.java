package org.saddlepoint.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine;

/**
 * Parses an option into an enum constant by its lower-case name, with '-' for '_'
 * ({@code rm-plus} for {@code RM_PLUS}), ignoring case; an unknown value is a one-line error that
 * lists the accepted names. Picocli needs a class with a no-argument constructor per option type:
 * subclass it with one, passing the enum's class and what the option names.
 *
 * @param <E> the enum
 */
public abstract class EnumConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
    private final Class<E> type;
    private final String what;

    /**
     * @param type the enum
     * @param what what a value names, for the error message ("LP backend")
     */
    protected EnumConverter(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    /** The command-line name of {@code value}: lower case, '-' for '_'. */
    public static String cliName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public E convert(String value) {
        String wanted = value.trim();
        for (E constant : type.getEnumConstants()) {
            if (cliName(constant).equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new CommandLine.TypeConversionException("unknown " + what + " '" + value + "'; expected "
                + names(Arrays.asList(type.getEnumConstants())));
    }

    /**
     * The command-line names of an enum's constants, for picocli's {@code completionCandidates} (the
     * {@code ${COMPLETION-CANDIDATES}} of a help text): subclass it with a no-argument constructor.
     *
     * @param <E> the enum
     */
    public abstract static class Names<E extends Enum<E>> implements Iterable<String> {
        private final Class<E> type;

        protected Names(Class<E> type) {
            this.type = type;
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(type.getEnumConstants()).map(EnumConverter::cliName).iterator();
        }
    }

    /** "a, b or c". */
    private static String names(List<? extends Enum<?>> constants) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < constants.size(); i++) {
            if (i > 0) {
                s.append(i == constants.size() - 1 ? " or " : ", ");
            }
            s.append(cliName(constants.get(i)));
        }
        return s.toString();
    }
}
