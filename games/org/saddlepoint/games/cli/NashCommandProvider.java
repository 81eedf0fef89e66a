package org.saddlepoint.games.cli;

import org.saddlepoint.cli.CommandProvider;

/** Registers {@code saddlepoint nash} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class NashCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "nash";
    }

    @Override
    public Object newCommand() {
        return new NashCommand();
    }
}
