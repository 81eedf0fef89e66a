/* Vector steps of the iterations, each run by exactly one work-group whose size is a power of two. */

/* out[0] = max (want_max != 0) or min of v[0..n), NaN if any entry is NaN. */
__kernel void extreme(__global const real* v, int n, int want_max, __local real* s, __global real* out) {
    int l = get_local_id(0);
    int size = get_local_size(0);
    real e = v[0];
    for (int i = l; i < n; i += size) {
        e = want_max ? nan_max(e, v[i]) : nan_min(e, v[i]);
    }
    e = group_extreme(s, e, want_max);
    if (l == 0) {
        out[0] = e;
    }
}

/*
 * Regret matching+: with p = <u, x>, r <- max(r + u - p, 0), then x <- r / sum(r), or the uniform
 * strategy when sum(r) is not positive.
 */
__kernel void regret_matching_plus(__global real* r, __global const real* u, __global real* x, int n,
                                   __local real* s) {
    int l = get_local_id(0);
    int size = get_local_size(0);
    real p = 0;
    for (int i = l; i < n; i += size) {
        p += u[i] * x[i];
    }
    p = group_sum(s, p);
    real t = 0;
    for (int i = l; i < n; i += size) {
        real ri = r[i] + u[i] - p;
        ri = ri > 0 ? ri : 0;
        r[i] = ri;
        t += ri;
    }
    t = group_sum(s, t);
    for (int i = l; i < n; i += size) {
        x[i] = t > 0 ? r[i] / t : (real) 1 / n;
    }
}

/* Multiplicative weights: x <- x exp(eta u) / sum, as exp(log x + eta u - max) for stability. */
__kernel void multiplicative_weights(__global real* x, __global const real* u, real eta, int n,
                                     __local real* s) {
    int l = get_local_id(0);
    int size = get_local_size(0);
    real m = -INFINITY;
    for (int i = l; i < n; i += size) {
        m = nan_max(m, log(x[i]) + eta * u[i]);
    }
    m = group_extreme(s, m, 1);
    real t = 0;
    for (int i = l; i < n; i += size) {
        real e = exp(log(x[i]) + eta * u[i] - m);
        x[i] = e;
        t += e;
    }
    t = group_sum(s, t);
    for (int i = l; i < n; i += size) {
        x[i] = x[i] / t;
    }
}

/* Weighted running average, one work-item per entry: y <- y + w (x - y). */
__kernel void running_average(__global real* y, __global const real* x, real w) {
    size_t i = get_global_id(0);
    real yi = y[i];
    y[i] = yi + w * (x[i] - yi);
}

/* v <- c v, one work-item per entry. */
__kernel void scale(__global real* v, real c) {
    size_t i = get_global_id(0);
    v[i] = c * v[i];
}
