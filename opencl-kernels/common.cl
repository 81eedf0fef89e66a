/*
 * Shared by every saddlepoint kernel. The host builds the sources once per precision, with
 * -DREAL=float or -DREAL=double -DUSE_FP64 (the latter only on devices with cl_khr_fp64).
 * Matrices are dense and row-major; a batch of k vectors is stored as k vectors one after another.
 */
#ifdef USE_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

typedef REAL real;

/*
 * realv: one 64-byte vector of reals (a cache line: 16 floats or 8 doubles), loaded with vloadv and
 * stored with vstorev, so that one work item streams whole lines through SIMD registers; VW is its
 * width and hsum its horizontal sum.
 */
#ifdef USE_FP64
typedef double8 realv;
#define VW 8
#define vloadv vload8
#define vstorev vstore8
inline real hsum(realv s) {
    double4 q = s.lo + s.hi;
    double2 h = q.lo + q.hi;
    return h.x + h.y;
}
#else
typedef float16 realv;
#define VW 16
#define vloadv vload16
#define vstorev vstore16
inline real hsum(realv s) {
    float8 o = s.lo + s.hi;
    float4 q = o.lo + o.hi;
    float2 h = q.lo + q.hi;
    return h.x + h.y;
}
#endif

/* The larger of a and b, NaN if either is NaN (as Java's Math.max). */
inline real nan_max(real a, real b) {
    return (isnan(a) || a > b) ? a : b;
}

/* The smaller of a and b, NaN if either is NaN (as Java's Math.min). */
inline real nan_min(real a, real b) {
    return (isnan(a) || a < b) ? a : b;
}

/* The sum of v over the work-group; s holds get_local_size(0) entries, a power of two. */
inline real group_sum(__local real* s, real v) {
    int l = get_local_id(0);
    s[l] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int h = get_local_size(0) / 2; h > 0; h >>= 1) {
        if (l < h) {
            s[l] += s[l + h];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    real r = s[0];
    barrier(CLK_LOCAL_MEM_FENCE);
    return r;
}

/* The maximum (want_max != 0) or minimum of v over the work-group, NaN-propagating. */
inline real group_extreme(__local real* s, real v, int want_max) {
    int l = get_local_id(0);
    s[l] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int h = get_local_size(0) / 2; h > 0; h >>= 1) {
        if (l < h) {
            s[l] = want_max ? nan_max(s[l], s[l + h]) : nan_min(s[l], s[l + h]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    real r = s[0];
    barrier(CLK_LOCAL_MEM_FENCE);
    return r;
}
