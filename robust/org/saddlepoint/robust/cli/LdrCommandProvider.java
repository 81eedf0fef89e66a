package org.saddlepoint.robust.cli;

import org.saddlepoint.cli.CommandProvider;

/** Registers {@code saddlepoint ldr} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class LdrCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "ldr";
    }

    @Override
    public Object newCommand() {
        return new LdrCommand();
    }
}
