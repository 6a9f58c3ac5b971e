/* alloc: the one allocation policy. Every allocation in the library goes
 * through these wrappers; on out-of-memory they print one line to stderr and
 * abort, so callers never carry half-built state around after a failed malloc.
 * Memory they return is freed with plain free(). */
#ifndef ANN_ALLOC_H
#define ANN_ALLOC_H

#include <stddef.h>

/* Reports a failed allocation of size bytes and aborts; for memory that
 * other libraries allocate. */
_Noreturn void out_of_memory(size_t size);

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

/* Grows *items (of *cap elements of elem_size bytes) so it holds at least
 * need elements; doubles, so appends are amortised O(1). The check is
 * inline: appends run in every inner loop, and nearly all of them fit. */
void grow_array_to(void **items, size_t *cap, size_t need, size_t elem_size);
static inline void grow_array(void **items, size_t *cap, size_t need, size_t elem_size)
{
    if (need > *cap)
        grow_array_to(items, cap, need, elem_size);
}

#define ARRAY_PUSH(arr, count, cap, value)                                      \
    do {                                                                        \
        grow_array((void **)&(arr), &(cap), (count) + 1, sizeof *(arr));        \
        (arr)[(count)++] = (value);                                             \
    } while (0)

#endif
