package org.saddlepoint.cli;

import org.saddlepoint.games.MatrixGame;

/**
 * Test fixture, not production code: a class in the CLI framework's package that uses the games
 * module, which the architecture forbids. ArchitectureTest checks that its rules catch it.
 */
final class LayerViolationSample {
    private LayerViolationSample() {
    }

    static int rows(MatrixGame game) {
        return game.rows();
    }
}
