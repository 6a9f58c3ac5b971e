/* utf8: the UTF-8 sequences news text holds most outside ASCII, decoded
 * inline where a call to utf8proc_iterate would cost more than the decoding:
 * two bytes (U+0080..U+07FF: accented Latin, Greek, Cyrillic, Hebrew,
 * Arabic) and three led by 0xE2 (U+2000..U+2FFF: curly quotes, dashes, the
 * ellipsis, currency signs). With valid continuation bytes every such
 * sequence is a character, and one XML allows, so the callers (text.c,
 * token.c, segment.c, xmlout.c) go to utf8proc only for the others. */
#ifndef ANN_UTF8_H
#define ANN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The code point of the sequence at s (avail bytes readable from s, at
 * least 1) in *cp and its length, when it is one of those above; else 0,
 * with *cp untouched. A byte is read only after the one before it proved
 * to belong to the sequence, so a NUL-terminated string may pass SIZE_MAX. */
static inline size_t utf8_decode_common(const unsigned char *s, size_t avail, int32_t *cp)
{
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        if (avail >= 2 && (s[1] & 0xC0) == 0x80) {
            *cp = (int32_t)((s[0] & 0x1Fu) << 6 | (s[1] & 0x3Fu));
            return 2;
        }
    } else if (s[0] == 0xE2 && avail >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *cp = (int32_t)(0x2000u | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu));
        return 3;
    }
    return 0;
}

/* Code points utf8_decode_common() gives are below this. */
#define UTF8_COMMON_LIMIT 0x3000

#endif
