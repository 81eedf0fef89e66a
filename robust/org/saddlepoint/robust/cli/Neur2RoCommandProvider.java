package org.saddlepoint.robust.cli;

import org.saddlepoint.cli.CommandProvider;

/** Registers {@code saddlepoint neur2ro} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class Neur2RoCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "neur2ro";
    }

    @Override
    public Object newCommand() {
        return new Neur2RoCommand();
    }
}
