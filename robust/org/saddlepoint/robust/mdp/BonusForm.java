package org.saddlepoint.robust.mdp;

/** The optimism bonus Gamma_h(s, a) of the ridge critic, from Lambda_h^-1 and phi = phi(s, a) (spec 2.2). */
public enum BonusForm {
    /** beta sum_i phi_i sqrt([Lambda^-1]_ii), the d-rectangular bonus of DR-LSVI-UCB (Liu and Xu 2024). The default. */
    D_RECTANGULAR,
    /** beta sqrt(sum_i phi_i^2 [Lambda^-1]_ii), the form of the group's public notebook. */
    DIAGONAL,
    /** beta sqrt(phi^T Lambda^-1 phi), the elliptical bonus of LSVI-UCB (Jin, Yang, Wang and Jordan 2020). */
    ELLIPTICAL
}
