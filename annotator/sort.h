/* sort: typed stable merge sorts for the pipeline's hot arrays.
 *
 * qsort calls its comparator through a pointer and moves elements with
 * generic copies; the stages sort hundreds of small records per document
 * several times over, and that was a tenth of the run time. DEFINE_SORT
 * makes a sort for one element type whose comparator the compiler can
 * inline. It is stable, like glibc's qsort (a merge sort), so records that
 * compare equal keep their order and results do not change.
 *
 *   DEFINE_SORT(sort_by_start, ranked, by_start)
 *   sort_by_start(items, count);
 *
 * cmp has qsort's signature: int cmp(const void *a, const void *b). The sort
 * needs a scratch copy of the array: on the stack when it takes at most
 * SORT_STACK_BYTES (most arrays are a document's, a few hundred records,
 * and a malloc and free cost more than sorting them), else allocated
 * (alloc.h: no failure to handle).
 *
 * The binary searches over such sorted arrays are here too:
 * COUNT_BEFORE(items, n, field, value) is how many of the n records, sorted
 * by their 32-bit position field, have field < value (so the index of the
 * first at or after value); COUNT_UP_TO counts those with field <= value. */
#ifndef ANN_SORT_H
#define ANN_SORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static inline size_t count_positions_before(const void *items, size_t n, size_t stride, size_t offset,
                                            uint64_t value, int inclusive)
{
    const unsigned char *base = items;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t position;
        memcpy(&position, base + mid * stride + offset, sizeof position);
        if (position < value || (inclusive && position == value))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The offset of a record's position field, which must be 32 bits wide. */
#define POSITION_OFFSET(items, field) \
    (offsetof(__typeof__(*(items)), field) + 0 * sizeof(char[sizeof((items)->field) == 4 ? 1 : -1]))
#define COUNT_BEFORE(items, n, field, value) \
    count_positions_before((items), (n), sizeof *(items), POSITION_OFFSET(items, field), (value), 0)
#define COUNT_UP_TO(items, n, field, value) \
    count_positions_before((items), (n), sizeof *(items), POSITION_OFFSET(items, field), (value), 1)

#define SORT_RUN 8 /* runs this short are sorted by insertion first */
#define SORT_STACK_BYTES 4096

#define DEFINE_SORT(name, type, cmp)                                                        \
    static void name(type *items, size_t n)                                                 \
    {                                                                                       \
        for (size_t lo = 0; lo < n; lo += SORT_RUN) {                                       \
            size_t hi = lo + SORT_RUN < n ? lo + SORT_RUN : n;                              \
            for (size_t i = lo + 1; i < hi; i++) {                                          \
                type moving = items[i];                                                     \
                size_t j = i;                                                               \
                for (; j > lo && cmp(&moving, &items[j - 1]) < 0; j--)                      \
                    items[j] = items[j - 1];                                                \
                items[j] = moving;                                                          \
            }                                                                               \
        }                                                                                   \
        if (n <= SORT_RUN)                                                                  \
            return;                                                                         \
        type on_stack[SORT_STACK_BYTES / sizeof(type)];                                     \
        size_t on_stack_count = sizeof on_stack / sizeof *on_stack;                         \
        type *scratch = n <= on_stack_count ? on_stack : xmalloc(n * sizeof *scratch);      \
        type *from = items, *to = scratch;                                                  \
        for (size_t width = SORT_RUN; width < n; width *= 2) {                              \
            for (size_t lo = 0; lo < n; lo += 2 * width) {                                  \
                size_t mid = lo + width < n ? lo + width : n;                               \
                size_t hi = lo + 2 * width < n ? lo + 2 * width : n;                        \
                size_t i = lo, j = mid, k = lo;                                             \
                /* runs already in order (most arrays come nearly sorted)                   \
                 * are copied, not merged */                                                \
                if (mid < hi && cmp(&from[mid], &from[mid - 1]) >= 0) {                     \
                    memcpy(to + lo, from + lo, (hi - lo) * sizeof *to);                     \
                    continue;                                                               \
                }                                                                           \
                while (i < mid && j < hi)                                                   \
                    to[k++] = cmp(&from[j], &from[i]) < 0 ? from[j++] : from[i++];          \
                while (i < mid)                                                             \
                    to[k++] = from[i++];                                                    \
                while (j < hi)                                                              \
                    to[k++] = from[j++];                                                    \
            }                                                                               \
            type *swap = from;                                                              \
            from = to;                                                                      \
            to = swap;                                                                      \
        }                                                                                   \
        if (from != items)                                                                  \
            memcpy(items, from, n * sizeof *items);                                         \
        if (scratch != on_stack)                                                            \
            free(scratch);                                                                  \
    }

/* DEFINE_POSITION_SORT(name, type, position, cmp, fallback) makes a sort
 * with the same result as fallback, a DEFINE_SORT of the same type and cmp,
 * for a cmp that orders by position first: position(a) is a uint32_t (a
 * byte offset, say) and cmp(a, b) < 0 implies position(a) <= position(b).
 * It deals the records into about one bucket per record by position, in
 * order and keeping their order, then sorts each bucket by insertion: no
 * record moves past another of a different bucket. Linear when positions
 * are spread out, as annotations are over a document; when one bucket gets
 * more than POSITION_BUCKET_MAX records it calls fallback instead. */
#define POSITION_BUCKET_MAX 16

#define DEFINE_POSITION_SORT(name, type, position, cmp, fallback)                           \
    static void name(type *items, size_t n)                                                 \
    {                                                                                       \
        if (n <= SORT_RUN) {                                                                \
            fallback(items, n);                                                             \
            return;                                                                         \
        }                                                                                   \
        uint32_t low = position(&items[0]), high = low;                                     \
        for (size_t i = 1; i < n; i++) {                                                    \
            uint32_t p = position(&items[i]);                                               \
            low = p < low ? p : low;                                                        \
            high = p > high ? p : high;                                                     \
        }                                                                                   \
        unsigned shift = 0;                                                                 \
        while (((high - low) >> shift) >= n)                                                \
            shift++;                                                                        \
        size_t bucket_count = ((size_t)(high - low) >> shift) + 1;                          \
        /* the records, then the bucket counts (a document holds fewer than                 \
         * 2^32 records): on the stack, or in one allocation */                             \
        type records_on_stack[SORT_STACK_BYTES / sizeof(type)];                             \
        uint32_t counts_on_stack[SORT_STACK_BYTES / sizeof(uint32_t)];                      \
        int on_heap = n > sizeof records_on_stack / sizeof *records_on_stack ||             \
                      bucket_count + 1 > sizeof counts_on_stack / sizeof *counts_on_stack;  \
        size_t counts_at = (n * sizeof(type) + 3) & ~(size_t)3;                             \
        type *scratch = records_on_stack;                                                   \
        uint32_t *next = counts_on_stack;                                                   \
        if (on_heap) {                                                                      \
            scratch = xmalloc(counts_at + (bucket_count + 1) * sizeof(uint32_t));           \
            next = (uint32_t *)((char *)scratch + counts_at);                               \
        }                                                                                   \
        memset(next, 0, (bucket_count + 1) * sizeof *next);                                 \
        for (size_t i = 0; i < n; i++)                                                      \
            next[((position(&items[i]) - low) >> shift) + 1]++;                             \
        int crowded = 0;                                                                    \
        for (size_t b = 1; b <= bucket_count; b++) {                                        \
            crowded |= next[b] > POSITION_BUCKET_MAX;                                       \
            next[b] += next[b - 1]; /* next[b]: where bucket b starts */                    \
        }                                                                                   \
        if (crowded) {                                                                      \
            if (on_heap)                                                                    \
                free(scratch);                                                              \
            fallback(items, n);                                                             \
            return;                                                                         \
        }                                                                                   \
        for (size_t i = 0; i < n; i++)                                                      \
            scratch[next[(position(&items[i]) - low) >> shift]++] = items[i];               \
        for (size_t i = 0; i < n; i++) {                                                    \
            type moving = scratch[i];                                                       \
            size_t j = i;                                                                   \
            for (; j > 0 && cmp(&moving, &items[j - 1]) < 0; j--)                           \
                items[j] = items[j - 1];                                                    \
            items[j] = moving;                                                              \
        }                                                                                   \
        if (on_heap)                                                                        \
            free(scratch);                                                                  \
    }

#endif
