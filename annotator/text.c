/* text: see text.h. One pass over the bytes: eight bytes at a time while they
 * are all printable ASCII, then on from the first that is not; only bytes
 * >= 0x80 are decoded, the commonest inline (utf8.h) and the others with
 * utf8proc_iterate, so plain text costs a memcpy and a word loop. */
#include "text.h"

#include "alloc.h"
#include "swar.h"
#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

/* What the later stages see instead of a byte they must not read as text:
 * a control, so the tokenizer separates at it and no pattern matches it. */
#define SUBSTITUTE 0x1A

/* Appends [start, end) to the raw runs, or extends the last run when the two
 * touch and are of the same class, so runs stay maximal. */
static void add_raw(text_view *tv, size_t start, size_t end, int invalid_utf8)
{
    if (tv->raw_count) {
        raw_run *last = &tv->raws[tv->raw_count - 1];
        if (last->end == start && last->invalid_utf8 == invalid_utf8) {
            last->end = (uint32_t)end;
            return;
        }
    }
    raw_run run = { (uint32_t)start, (uint32_t)end, invalid_utf8 };
    ARRAY_PUSH(tv->raws, tv->raw_count, tv->raw_cap, run);
}

/* XML 1.0 Char for ASCII: TAB, LF, CR and everything from space up. */
static int xml_allows_ascii(unsigned char c)
{
    return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

/* The top bit of each of the 8 bytes at s that is not from space to DEL,
 * with nothing to check or replace, and maybe of some after it. A byte
 * below 0x20 borrows in the subtraction and leaves its top bit set; a borrow
 * can only spread from such a byte to the more significant ones, so the
 * first byte marked is exact on a little-endian machine. Elsewhere a
 * printable byte may come first, which prepare_char() passes. */
static uint64_t unprintable_bytes(const unsigned char *s)
{
    uint64_t w = swar_load(s);
    return (((w - 0x20 * SWAR_ONES) & ~w) | w) & SWAR_TOPS;
}

/* Checks the character at s[i] (and replaces it in the clean copy when the
 * later stages must not read it); returns the offset after it. */
static size_t prepare_char(text_view *tv, const unsigned char *s, size_t len, size_t i)
{
    if (s[i] < 0x80) {
        if (!xml_allows_ascii(s[i]))
            add_raw(tv, i, i + 1, 0);
        return i + 1;
    }
    utf8proc_int32_t cp;
    size_t common = utf8_decode_common(s + i, len - i, &cp);
    if (common) /* valid, and nothing the later stages must not read */
        return i + common;
    utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n < 0) {
        /* Resynchronise at the next byte: each byte of a broken sequence
         * is invalid on its own, and the run merges them. */
        tv->clean[i] = SUBSTITUTE;
        add_raw(tv, i, i + 1, 1);
        return i + 1;
    }
    /* Surrogates and code points past U+10FFFF are rejected by utf8proc,
     * so the only valid code points XML refuses are the two below. The
     * later stages see them as separators, like invalid bytes: a token
     * ending on one would end inside its raw run when a control follows
     * (the two make one run), and the run could not be written. */
    if (cp == 0xFFFE || cp == 0xFFFF) {
        memset(tv->clean + i, SUBSTITUTE, (size_t)n);
        add_raw(tv, i, i + (size_t)n, 0);
    } else if (cp >= 0xE000 && cp <= 0xE002)
        memset(tv->clean + i, SUBSTITUTE, (size_t)n);
    return i + (size_t)n;
}

void text_prepare(text_view *tv, const char *bytes, size_t len)
{
    const unsigned char *s = (const unsigned char *)bytes;

    grow_array((void **)&tv->clean, &tv->clean_cap, len + 1 + TEXT_PADDING, 1);
    if (len) /* an empty document may come as NULL */
        memcpy(tv->clean, bytes, len);
    memset(tv->clean + len, 0, 1 + TEXT_PADDING);
    tv->len = len;
    tv->raw_count = 0;

    size_t i = 0;
    while (i < len) {
        /* sixteen bytes a test while none is a control character (line
         * ends included) or outside ASCII */
        if (len - i >= 16 && !(unprintable_bytes(s + i) | unprintable_bytes(s + i + 8))) {
            i += 16;
            continue;
        }
        if (len - i >= 8) {
            uint64_t marks = unprintable_bytes(s + i);
            if (!marks) {
                i += 8;
                continue;
            }
            /* a line end, a control or a multibyte character: on from it */
            i += swar_first_marked(marks);
        }
        i = prepare_char(tv, s, len, i);
    }
}

void text_free(text_view *tv)
{
    free(tv->clean);
    free(tv->raws);
    memset(tv, 0, sizeof *tv);
}
