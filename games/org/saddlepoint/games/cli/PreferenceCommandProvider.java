package org.saddlepoint.games.cli;

import org.saddlepoint.cli.CommandProvider;

/** Registers {@code saddlepoint preference} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class PreferenceCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "preference";
    }

    @Override
    public Object newCommand() {
        return new PreferenceCommand();
    }
}
