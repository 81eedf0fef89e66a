package org.saddlepoint.cli;

/** Registers {@code saddlepoint finite-sum} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class FiniteSumCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "finite-sum";
    }

    @Override
    public Object newCommand() {
        return new FiniteSumCommand();
    }
}
