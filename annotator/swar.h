/* swar: eight bytes of text at a time in a uint64_t, for the scans that
 * look for the first byte of some kind (text.c, token.c). A word is loaded
 * with memcpy, so its first byte is the low one on a little-endian machine
 * and the high one elsewhere. */
#ifndef ANN_SWAR_H
#define ANN_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SWAR_ONES 0x0101010101010101u /* times a byte value: it in every byte */
#define SWAR_TOPS 0x8080808080808080u /* the top bit of every byte */

static inline uint64_t swar_load(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return w;
}

/* The index of the first byte of a loaded word whose top bit is set in
 * marks, which must not be 0. */
static inline size_t swar_first_marked(uint64_t marks)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return (unsigned)__builtin_clzll(marks) / 8;
#else
    return (unsigned)__builtin_ctzll(marks) / 8;
#endif
}

#endif
