package org.saddlepoint.robust.cli;

import org.saddlepoint.cli.CommandProvider;

/** Registers {@code saddlepoint robust-mdp} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class RobustMdpCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "robust-mdp";
    }

    @Override
    public Object newCommand() {
        return new RobustMdpCommand();
    }
}
