package org.saddlepoint.robust.committee;

/**
 * Committee scoring rules as OWA rules over a positional score (Boehmer et al., ICML 2023; Faliszewski,
 * Skowron, Slinko and Talmon, "Committee scoring rules", AAAI 2016): a voter's utility for a
 * committee S is sum_l lambda_l s_(l), where s_(l) is the l-th largest positional score
 * s(pos_v(c)) over c in S. All scores and weights here are integers, so the ILP objective is exact.
 */
public enum CommitteeRule {
    /** Single non-transferable vote: s(1) = 1, else 0; every slot weighs 1. */
    SNTV,
    /** Bloc: s(j) = 1 for j &lt;= k; every slot weighs 1. */
    BLOC,
    /** k-Borda: s(j) = m - j; every slot weighs 1. */
    K_BORDA,
    /** Chamberlin-Courant with Borda scores: s(j) = m - j; only the best slot counts (lambda = (1, 0, ...)). */
    CHAMBERLIN_COURANT;

    /** The positional score s(j) of place j (1-based) among m items, for committees of size k. */
    public long positionalScore(int place, int items, int k) {
        return switch (this) {
            case SNTV -> place == 1 ? 1 : 0;
            case BLOC -> place <= k ? 1 : 0;
            case K_BORDA, CHAMBERLIN_COURANT -> items - place;
        };
    }

    /** Whether every slot weighs 1, so the committee score is a sum of per-item weights. */
    public boolean separable() {
        return this != CHAMBERLIN_COURANT;
    }

    /** The command-line name: sntv, bloc, k-borda, cc. */
    public String cliName() {
        return switch (this) {
            case SNTV -> "sntv";
            case BLOC -> "bloc";
            case K_BORDA -> "k-borda";
            case CHAMBERLIN_COURANT -> "cc";
        };
    }

    /**
     * The score of committee {@code members} under this rule: the sum over voters of the OWA
     * utility (for the separable rules, the sum of item weights; for Chamberlin-Courant each
     * voter's best member).
     */
    public long score(Rankings rankings, int[] members) {
        int k = members.length;
        long total = 0;
        for (int v = 0; v < rankings.voters(); v++) {
            long best = Long.MIN_VALUE;
            for (int c : members) {
                long s = positionalScore(rankings.position(v, c), rankings.items(), k);
                total += separable() ? s : 0;
                best = Math.max(best, s);
            }
            total += separable() ? 0 : best;
        }
        return total;
    }
}
