/* memout: an ann_output write callback that collects the XML in memory, for
 * the unit tests. Include after <cmocka.h>. */
#ifndef TESTS_MEMOUT_H
#define TESTS_MEMOUT_H

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *data;           /* NUL-terminated; free() it */
    size_t len, cap;
} buffer;

static inline int buffer_write(void *ctx, const char *data, size_t len)
{
    buffer *b = ctx;
    if (b->len + len + 1 > b->cap) {
        b->cap = (b->len + len + 1) * 2;
        b->data = realloc(b->data, b->cap);
        assert_non_null(b->data);
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

#endif
