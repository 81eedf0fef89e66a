/* Dense products: A x, A^T x and a dense layer (bias, optional ReLU), each for a batch of vectors. */

/* sum_j a[ao + j] * x[xo + j], VW lanes at a time, then the tail. */
inline real row_dot(__global const real* a, size_t ao, __global const real* x, size_t xo, int n) {
    realv s = 0;
    int j = 0;
    for (; j + VW <= n; j += VW) {
        s += vloadv(0, a + ao + j) * vloadv(0, x + xo + j);
    }
    real t = hsum(s);
    for (; j < n; j++) {
        t += a[ao + j] * x[xo + j];
    }
    return t;
}

/* y[b][i] = sum_j A[i][j] x[b][j]; global size (rows, k). */
__kernel void multiply(__global const real* a, int rows, int cols,
                       __global const real* x, __global real* y) {
    int i = get_global_id(0);
    int b = get_global_id(1);
    if (i < rows) {
        y[(size_t) b * rows + i] = row_dot(a, (size_t) i * cols, x, (size_t) b * cols, cols);
    }
}

/*
 * y[b][j] = sum_i A[i][j] x[b][i] for the VW columns j of one work item, which walks down the rows
 * reading one 64-byte line of each; global size (ceil(cols / VW), k). The last item of a row that
 * is not a multiple of VW long takes the remaining columns one by one.
 */
__kernel void multiply_transpose(__global const real* a, int rows, int cols,
                                 __global const real* x, __global real* y) {
    int j = get_global_id(0) * VW;
    int b = get_global_id(1);
    if (j >= cols) {
        return;
    }
    size_t xo = (size_t) b * rows;
    size_t yo = (size_t) b * cols + j;
    if (j + VW <= cols) {
        realv s = 0;
        for (int i = 0; i < rows; i++) {
            s += vloadv(0, a + (size_t) i * cols + j) * x[xo + i];
        }
        vstorev(s, 0, y + yo);
        return;
    }
    for (int c = j; c < cols; c++) {
        real s = 0;
        for (int i = 0; i < rows; i++) {
            s += a[(size_t) i * cols + c] * x[xo + i];
        }
        y[yo + c - j] = s;
    }
}

/* y[b][i] = bias[i] + sum_j W[i][j] x[b][j], then max(., 0) if relu != 0; global size (rows, k). */
__kernel void dense_layer(__global const real* w, int rows, int cols, __global const real* bias,
                          int relu, __global const real* x, __global real* y) {
    int i = get_global_id(0);
    int b = get_global_id(1);
    if (i < rows) {
        real v = bias[i] + row_dot(w, (size_t) i * cols, x, (size_t) b * cols, cols);
        y[(size_t) b * rows + i] = (relu && !(v > 0)) ? 0 : v;
    }
}
