package org.saddlepoint.solvers.finitesum.experiments;

/**
 * Which parameters a method runs with. {@link #THEORY}: the step sizes of the analyses, in terms
 * of the problem's constants L (expected Lipschitz / cocoercive on average) and L_F (see
 * {@link MethodName}); where a paper's constant was not recovered the choice is documented at the
 * method. {@link #PAPER}: the hand-tuned values of the authors' experiment scripts for the
 * matrix game and the quadratic problem (spec monotone-operators 4.1, 4.2), which lie above the
 * theoretical ones; methods and instances the scripts do not cover fall back to THEORY.
 */
public enum Preset {
    THEORY,
    PAPER
}
