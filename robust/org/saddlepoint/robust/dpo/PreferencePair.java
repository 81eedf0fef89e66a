package org.saddlepoint.robust.dpo;

/** One observed preference: in context {@code context}, action {@code winner} was preferred to {@code loser}. */
public record PreferencePair(int context, int winner, int loser) {
    /** The same pair with its label flipped. */
    public PreferencePair flipped() {
        return new PreferencePair(context, loser, winner);
    }
}
