package org.saddlepoint.robust.cli;

import org.saddlepoint.cli.CommandProvider;

/** Registers {@code saddlepoint ccg} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class CcgCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "ccg";
    }

    @Override
    public Object newCommand() {
        return new CcgCommand();
    }
}
