package org.saddlepoint.robust.committee;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * n rankings (voters) of m items, each a permutation of 0..m-1 listed best first. Immutable.
 * {@link #position(int, int)} is pos_v(c) in 1..m (Boehmer, Celis, Huang, Mehrotra and Vishnoi,
 * ICML 2023, Section 2).
 */
public final class Rankings {
    private final int items;
    private final int[][] positions;

    /** @param orders orders[v] lists voter v's items best first; each a permutation of 0..m-1 */
    public Rankings(int[][] orders) {
        if (orders == null || orders.length == 0) {
            throw new InvalidInputException("there must be at least one ranking");
        }
        items = orders[0].length;
        if (items == 0) {
            throw new InvalidInputException("rankings must rank at least one item");
        }
        positions = new int[orders.length][items];
        for (int v = 0; v < orders.length; v++) {
            if (orders[v].length != items) {
                throw new InvalidInputException("ranking " + (v + 1) + " ranks " + orders[v].length
                        + " items, ranking 1 ranks " + items);
            }
            for (int j = 0; j < items; j++) {
                int c = orders[v][j];
                if (c < 0 || c >= items || positions[v][c] != 0) {
                    throw new InvalidInputException("ranking " + (v + 1) + " is not a permutation of the "
                            + items + " items (item " + c + " at place " + (j + 1) + ")");
                }
                positions[v][c] = j + 1;
            }
        }
    }

    public int voters() {
        return positions.length;
    }

    public int items() {
        return items;
    }

    /** The place of item {@code c} in voter {@code v}'s ranking, 1 = best. */
    public int position(int v, int c) {
        return positions[v][c];
    }
}
