package org.saddlepoint.robust.cli;

import org.saddlepoint.cli.CommandProvider;

/** Registers {@code saddlepoint committee} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class CommitteeCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "committee";
    }

    @Override
    public Object newCommand() {
        return new CommitteeCommand();
    }
}
