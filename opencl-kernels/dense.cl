/* Dense products: A x, A^T x and a dense layer (bias, optional ReLU), each for a batch of vectors. */

/* sum_j a[ao + j] * x[xo + j], four independent accumulators. */
inline real row_dot(__global const real* a, size_t ao, __global const real* x, size_t xo, int n) {
    real s0 = 0;
    real s1 = 0;
    real s2 = 0;
    real s3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
        s0 += a[ao + j] * x[xo + j];
        s1 += a[ao + j + 1] * x[xo + j + 1];
        s2 += a[ao + j + 2] * x[xo + j + 2];
        s3 += a[ao + j + 3] * x[xo + j + 3];
    }
    for (; j < n; j++) {
        s0 += a[ao + j] * x[xo + j];
    }
    return (s0 + s1) + (s2 + s3);
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

/* y[b][j] = sum_i A[i][j] x[b][i]; global size (cols, k): neighbouring items read neighbouring entries. */
__kernel void multiply_transpose(__global const real* a, int rows, int cols,
                                 __global const real* x, __global real* y) {
    int j = get_global_id(0);
    int b = get_global_id(1);
    if (j < cols) {
        size_t xo = (size_t) b * rows;
        real s = 0;
        for (int i = 0; i < rows; i++) {
            s += a[(size_t) i * cols + j] * x[xo + i];
        }
        y[(size_t) b * cols + j] = s;
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
