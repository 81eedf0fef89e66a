package org.saddlepoint.robust.cli;

import org.saddlepoint.cli.CommandProvider;

/** Registers {@code saddlepoint maxmin} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class MaxMinCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "maxmin";
    }

    @Override
    public Object newCommand() {
        return new MaxMinCommand();
    }
}
