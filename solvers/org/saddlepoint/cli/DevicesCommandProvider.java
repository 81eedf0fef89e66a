package org.saddlepoint.cli;

/** Registers {@code saddlepoint devices} (see META-INF/services/org.saddlepoint.cli.CommandProvider). */
public final class DevicesCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "devices";
    }

    @Override
    public Object newCommand() {
        return new DevicesCommand();
    }
}
