/* copy: copying runs of bytes that are mostly a few bytes long (names,
 * norms, start tags, the text between two tags or two markers), where a
 * call to memcpy costs more than the copy. */
#ifndef ANN_COPY_H
#define ANN_COPY_H

#include <stddef.h>
#include <string.h>

/* Copies len bytes, reading and writing none past them: up to 32 bytes are
 * moved with two fixed-size, possibly overlapping copies, which compile to
 * plain loads and stores; a longer run goes to memcpy. */
static inline void copy_bytes(char *to, const void *from, size_t len)
{
    const char *f = from;
    if (len >= 8 && len <= 16) {
        memcpy(to, f, 8);
        memcpy(to + len - 8, f + len - 8, 8);
    } else if (len >= 4 && len < 8) {
        memcpy(to, f, 4);
        memcpy(to + len - 4, f + len - 4, 4);
    } else if (len < 4) {
        if (len) { /* the first, middle and last bytes are all of 1 to 3 */
            to[0] = f[0];
            to[len / 2] = f[len / 2];
            to[len - 1] = f[len - 1];
        }
    } else if (len <= 32) {
        memcpy(to, f, 16);
        memcpy(to + len - 16, f + len - 16, 16);
    } else
        memcpy(to, f, len);
}

#endif
