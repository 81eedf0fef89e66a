package org.saddlepoint.robust.cli;

import org.saddlepoint.cli.CommandProvider;

/** Registers {@code saddlepoint groupwise} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class GroupwiseCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "groupwise";
    }

    @Override
    public Object newCommand() {
        return new GroupwiseCommand();
    }
}
