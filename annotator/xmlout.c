#include "xmlout.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "copy.h"
#include "utf8.h"

#define DEFAULT_BUFFER_SIZE (64 * 1024)

/* copy_blocks moves whole blocks of this many bytes; the buffer has this
 * much room past its cap for the last block's excess. */
#define BLOCK 16

/* Sixteen bytes, two stores a start tag: an element made by a tag keeps its
 * end tag, whose name is inside it; another keeps its name. */
typedef struct {
    const char *text;        /* "</name>" to copy by blocks (see copy_blocks), or the name */
    uint32_t len;            /* of text */
    uint32_t is_end_tag;
} open_element;

struct xmlout {
    ann_write_fn write;
    void *ctx;
    char *buf;               /* bytes not yet handed to write */
    size_t len, cap;
    int tag_open;            /* "<name ..." written, its ">" not yet */
    open_element *open;      /* the open elements, outermost first */
    size_t depth, open_cap;
    int failed;
    int write_errno;
};

/* The bytes an attribute value cannot hold as they are: " & < > TAB, LF,
 * CR, the other C0 controls, NUL (the end of a value) and every byte of a
 * character outside ASCII. DEL (0x7F) is written as it is, as libxml2
 * does. (Text needs only & < > CR replaced: see text_specials.) */
static const unsigned char attr_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
    0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20: " & */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, /* 0x30: < > */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x50 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x70 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x80-0xFF: outside ASCII */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* The replacement of each ASCII byte that has one; the spellings are
 * libxml2's, so the output stays what xmlTextWriter wrote. */
static const struct {
    const char *text;
    size_t len;
} entity[128] = {
    ['\t'] = {"&#9;", 4},   ['\n'] = {"&#10;", 5}, ['\r'] = {"&#13;", 5}, ['"'] = {"&quot;", 6},
    ['&'] = {"&amp;", 5},   ['<'] = {"&lt;", 4},   ['>'] = {"&gt;", 4},
};

xmlout *xmlout_new(ann_write_fn write, void *ctx, size_t buffer_size)
{
    xmlout *x = xcalloc(1, sizeof *x);
    x->write = write;
    x->ctx = ctx;
    x->cap = buffer_size ? buffer_size : DEFAULT_BUFFER_SIZE;
    x->buf = xmalloc(x->cap + BLOCK);
    return x;
}

/* ---- bytes ----------------------------------------------------------------------- */

/* Gives s[0..len) to write, unless a write failed before. */
static void hand_on(xmlout *x, const char *s, size_t len)
{
    if (!len || x->failed)
        return;
    if (x->write(x->ctx, s, len) != 0) {
        x->failed = 1;
        x->write_errno = errno;
    }
}

static void drain(xmlout *x)
{
    hand_on(x, x->buf, x->len);
    x->len = 0;
}

/* put's way for a run that does not fit in what is left of the buffer: one
 * too long for the whole buffer goes to write directly, after what was
 * buffered before it. */
static void put_past_end(xmlout *x, const void *s, size_t len)
{
    drain(x);
    if (len >= x->cap) {
        hand_on(x, s, len);
        return;
    }
    memcpy(x->buf, s, len);
    x->len = len;
}

/* Copies len bytes a whole BLOCK at a time, at least one: it reads and
 * writes up to BLOCK - 1 bytes past len, which both from and to must allow
 * (the buffer has that room past cap). A run that allows it costs a load
 * and a store per block, where copy_bytes tests its length first. */
static inline void copy_blocks(char *to, const char *from, size_t len)
{
    memcpy(to, from, BLOCK);
    for (size_t k = BLOCK; k < len; k += BLOCK)
        memcpy(to + k, from + k, BLOCK);
}

/* The one way bytes enter the buffer; small, so that the compiler inlines
 * it and turns short literal copies into plain stores. */
static inline void put(xmlout *x, const void *s, size_t len)
{
    if (len <= x->cap - x->len) {
        copy_bytes(x->buf + x->len, s, len);
        x->len += len;
    } else
        put_past_end(x, s, len);
}

#define PUT_LITERAL(x, literal) put((x), (literal), sizeof(literal) - 1)

/* A name between two short literals, as in "</name>", with one test for
 * room when they fit. */
static inline void put_named(xmlout *x, const char *before, size_t before_len, const char *name, size_t name_len,
                             const char *after, size_t after_len)
{
    if (before_len + name_len + after_len <= x->cap - x->len) {
        char *out = x->buf + x->len;
        copy_bytes(out, before, before_len);
        copy_bytes(out + before_len, name, name_len);
        copy_bytes(out + before_len + name_len, after, after_len);
        x->len += before_len + name_len + after_len;
        return;
    }
    put(x, before, before_len);
    put(x, name, name_len);
    put(x, after, after_len);
}

/* &#xHEX; in upper case without leading zeros, as libxml2 writes it; made
 * from its end, then put as one run. */
static void put_char_ref(xmlout *x, uint32_t cp)
{
    static const char hex[] = "0123456789ABCDEF";
    char ref[12]; /* "&#x", up to 8 digits, ";" */
    char *p = ref + sizeof ref;
    *--p = ';';
    do {
        *--p = hex[cp & 15];
        cp >>= 4;
    } while (cp);
    *--p = 'x';
    *--p = '#';
    *--p = '&';
    put(x, p, (size_t)(ref + sizeof ref - p));
}

/* ---- elements -------------------------------------------------------------------- */

static void close_start_tag(xmlout *x)
{
    if (x->tag_open) {
        PUT_LITERAL(x, ">");
        x->tag_open = 0;
    }
}

static void push_open_element(xmlout *x, const char *text, size_t len, int is_end_tag)
{
    if (x->depth == x->open_cap)
        grow_array((void **)&x->open, &x->open_cap, x->depth + 1, sizeof *x->open);
    x->open[x->depth++] = (open_element){text, (uint32_t)len, (uint32_t)is_end_tag};
}

void xmlout_start_len(xmlout *x, const char *name, size_t name_len)
{
    close_start_tag(x);
    push_open_element(x, name, name_len, 0);
    put_named(x, "<", 1, name, name_len, "", 0);
    x->tag_open = 1;
}

/* Both tags are padded to whole BLOCKs, to be copied by copy_blocks. */
struct xmlout_tag {
    char *bytes;          /* "<name" and the attributes, as xmlout wrote them */
    size_t len, cap;
    size_t name_len;      /* the name is bytes[1..name_len] */
    char *end_tag;        /* "</name>" */
    size_t end_len;
};

static size_t whole_blocks(size_t len)
{
    return (len + BLOCK - 1) / BLOCK * BLOCK;
}

static int append_to_tag(void *ctx, const char *s, size_t len)
{
    xmlout_tag *tag = ctx;
    grow_array((void **)&tag->bytes, &tag->cap, tag->len + len, 1);
    memcpy(tag->bytes + tag->len, s, len);
    tag->len += len;
    return 0;
}

xmlout_tag *xmlout_tag_new(const char *name, const char *const *attrs, size_t attr_count)
{
    xmlout_tag *tag = xcalloc(1, sizeof *tag);
    tag->name_len = strlen(name);
    /* The tag is what a writer of its own writes for it; freeing that writer
     * hands its bytes on and leaves the start tag open. */
    xmlout *x = xmlout_new(append_to_tag, tag, 256);
    xmlout_start_len(x, name, tag->name_len);
    for (size_t i = 0; i < attr_count; i++)
        xmlout_attr(x, attrs[2 * i], attrs[2 * i + 1]);
    xmlout_free(x);
    grow_array((void **)&tag->bytes, &tag->cap, whole_blocks(tag->len), 1);
    memset(tag->bytes + tag->len, 0, tag->cap - tag->len);
    tag->end_len = tag->name_len + 3;
    tag->end_tag = xcalloc(whole_blocks(tag->end_len), 1);
    memcpy(tag->end_tag, "</", 2);
    memcpy(tag->end_tag + 2, name, tag->name_len);
    tag->end_tag[tag->name_len + 2] = '>';
    return tag;
}

void xmlout_tag_free(xmlout_tag *tag)
{
    if (!tag)
        return;
    free(tag->bytes);
    free(tag->end_tag);
    free(tag);
}

__attribute__((noinline)) static void start_tag_slowly(xmlout *x, const xmlout_tag *tag)
{
    close_start_tag(x);
    push_open_element(x, tag->end_tag, tag->end_len, 1);
    put(x, tag->bytes, tag->len);
    x->tag_open = 1;
}

void xmlout_start_tag(xmlout *x, const xmlout_tag *tag)
{
    /* Nearly always: the ">" of the tag before, this one by blocks and its
     * element on the stack, with no call, so no register to save. */
    if (x->depth == x->open_cap || tag->len + 1 > x->cap - x->len) {
        start_tag_slowly(x, tag);
        return;
    }
    char *out = x->buf + x->len;
    *out = '>';
    out += x->tag_open;
    copy_blocks(out, tag->bytes, tag->len);
    x->len = (size_t)(out - x->buf) + tag->len;
    x->open[x->depth++] = (open_element){tag->end_tag, (uint32_t)tag->end_len, 1};
    x->tag_open = 1;
}

static void put_end_tag(xmlout *x, const open_element *e)
{
    if (e->is_end_tag)
        put(x, e->text, e->len);
    else
        put_named(x, "</", 2, e->text, e->len, ">", 1);
}

__attribute__((noinline)) static void end_slowly(xmlout *x)
{
    if (!x->depth) {
        x->failed = 1; /* nothing to end: a bug in the caller, reported like libxml2 did */
        return;
    }
    const open_element *e = &x->open[--x->depth];
    if (x->tag_open) {
        PUT_LITERAL(x, "/>");
        x->tag_open = 0;
    } else
        put_end_tag(x, e);
}

void xmlout_end(xmlout *x)
{
    /* Nearly always an element with content and an end tag to copy by
     * blocks, or an empty one, with room for either. */
    const open_element *e = x->depth ? &x->open[x->depth - 1] : NULL;
    if (e && !x->tag_open && e->is_end_tag && e->len <= x->cap - x->len) {
        copy_blocks(x->buf + x->len, e->text, e->len);
        x->len += e->len;
        x->depth--;
    } else
        end_slowly(x);
}

void xmlout_end_full(xmlout *x)
{
    if (!x->depth) {
        x->failed = 1;
        return;
    }
    close_start_tag(x);
    put_end_tag(x, &x->open[--x->depth]);
}

/* ---- content ------------------------------------------------------------------- */

/* How many bytes at the start of s need no escaping in an attribute. */
static inline __attribute__((always_inline)) size_t plain_attr_run(const char *s)
{
    /* Four bytes a step, with one loop test for them. A byte is read only
     * once the one before it proved not to be the NUL at the end. */
    const unsigned char *start = (const unsigned char *)s, *p = start;
    for (;; p += 4) {
        if (attr_escape[p[0]])
            return (size_t)(p - start);
        if (attr_escape[p[1]])
            return (size_t)(p - start) + 1;
        if (attr_escape[p[2]])
            return (size_t)(p - start) + 2;
        if (attr_escape[p[3]])
            return (size_t)(p - start) + 3;
    }
}

/* The value of an attribute between its quotes, in one pass: runs of bytes
 * that need nothing are copied whole, and the rest is decoded once, both to
 * replace what XML cannot hold and to write the character as a reference. */
static void put_attr_value(xmlout *x, const char *value)
{
    const unsigned char *p = (const unsigned char *)value;
    for (;;) {
        const unsigned char *run = p;
        p += plain_attr_run((const char *)p);
        put(x, run, (size_t)(p - run));
        if (*p == '\0')
            return;
        if (*p < 0x80) {
            if (entity[*p].len)
                put(x, entity[*p].text, entity[*p].len);
            else
                put_char_ref(x, 0xFFFD); /* a C0 control XML 1.0 cannot hold */
            p++;
            continue;
        }
        /* A NUL is no continuation byte, so reading stops at the value's end. */
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = (utf8proc_ssize_t)utf8_decode_common(p, SIZE_MAX, &cp);
        if (!n)
            n = utf8proc_iterate(p, -1, &cp);
        if (n > 0 && cp != 0xFFFE && cp != 0xFFFF) {
            put_char_ref(x, (uint32_t)cp);
            p += n;
        } else {
            put_char_ref(x, 0xFFFD);
            p += n > 0 ? (size_t)n : 1;
        }
    }
}

/* ' name="value"' for a value that needs escaping or does not fit in what is
 * left of the buffer; out of line, so that the common case below keeps to a
 * few registers. plain: how many bytes of value need no escaping. */
__attribute__((noinline)) static void put_attr(xmlout *x, const char *name, size_t name_len, const char *value,
                                               size_t plain)
{
    PUT_LITERAL(x, " ");
    put(x, name, name_len);
    PUT_LITERAL(x, "=\"");
    put(x, value, plain);
    put_attr_value(x, value + plain);
    PUT_LITERAL(x, "\"");
}

void xmlout_attr_len(xmlout *x, const char *name, size_t name_len, const char *value)
{
    /* Most values need no escaping and fit in what is left of the buffer:
     * the attribute is then written whole, with one test for room. */
    size_t plain = plain_attr_run(value);
    if (value[plain] || name_len + plain + 4 > x->cap - x->len) {
        put_attr(x, name, name_len, value, plain);
        return;
    }
    char *out = x->buf + x->len;
    *out++ = ' ';
    copy_bytes(out, name, name_len);
    out += name_len;
    *out++ = '=';
    *out++ = '"';
    copy_bytes(out, value, plain);
    out += plain;
    *out++ = '"';
    x->len = (size_t)(out - x->buf);
}

/* The prefix is padded to whole BLOCKs, to be copied by copy_blocks. */
struct xmlout_name {
    char *prefix;         /* ' name="' */
    size_t prefix_len;
    size_t name_len;      /* the name is prefix[1..name_len] */
};

xmlout_name *xmlout_name_new(const char *name)
{
    xmlout_name *n = xcalloc(1, sizeof *n);
    n->name_len = strlen(name);
    n->prefix_len = n->name_len + 3;
    n->prefix = xcalloc(whole_blocks(n->prefix_len), 1);
    n->prefix[0] = ' ';
    memcpy(n->prefix + 1, name, n->name_len);
    memcpy(n->prefix + 1 + n->name_len, "=\"", 2);
    return n;
}

void xmlout_name_free(xmlout_name *name)
{
    if (!name)
        return;
    free(name->prefix);
    free(name);
}

void xmlout_attr_named(xmlout *x, const xmlout_name *name, const char *value)
{
    size_t plain = plain_attr_run(value);
    if (value[plain] || name->prefix_len + plain + 1 > x->cap - x->len) {
        put_attr(x, name->prefix + 1, name->name_len, value, plain);
        return;
    }
    char *out = x->buf + x->len;
    copy_blocks(out, name->prefix, name->prefix_len);
    out += name->prefix_len;
    copy_bytes(out, value, plain);
    out[plain] = '"';
    x->len = (size_t)(out - x->buf) + plain + 1;
}

void xmlout_attr_hex(xmlout *x, const char *name, const unsigned char *bytes, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    PUT_LITERAL(x, " ");
    put(x, name, strlen(name));
    PUT_LITERAL(x, "=\"");
    char digits[256];
    while (len) {
        size_t n = len < sizeof digits / 2 ? len : sizeof digits / 2;
        for (size_t i = 0; i < n; i++) {
            digits[2 * i] = hex[bytes[i] >> 4];
            digits[2 * i + 1] = hex[bytes[i] & 15];
        }
        put(x, digits, 2 * n);
        bytes += n;
        len -= n;
    }
    PUT_LITERAL(x, "\"");
}

/* The bytes xmlout_text replaces, in the order of xmlout_source.next. */
static const char text_specials[XMLOUT_TEXT_SPECIALS] = {'&', '<', '>', '\r'};

/* The offset of the first c at or after from in src, or its length. */
static size_t find_special(const xmlout_source *src, char c, size_t from)
{
    const char *hit = from < src->len ? memchr(src->s + from, c, src->len - from) : NULL;
    return hit ? (size_t)(hit - src->s) : src->len;
}

/* The offset of the first byte at or after from that needs escaping, or
 * len. Each kind of byte is looked for again only once the one found
 * before lies behind from, so a whole text costs one memchr scan a kind. */
static size_t nearest_special(xmlout_source *src, size_t from)
{
    if (src->nearest >= from)
        return src->nearest;
    size_t nearest = src->len;
    for (int k = 0; k < XMLOUT_TEXT_SPECIALS; k++) {
        if (src->next[k] < from)
            src->next[k] = find_special(src, text_specials[k], from);
        if (src->next[k] < nearest)
            nearest = src->next[k];
    }
    src->nearest = nearest;
    return nearest;
}

void xmlout_source_init(xmlout_source *src, const char *s, size_t len)
{
    src->s = s;
    src->len = len;
    src->nearest = len;
    for (int k = 0; k < XMLOUT_TEXT_SPECIALS; k++) {
        src->next[k] = find_special(src, text_specials[k], 0);
        if (src->next[k] < src->nearest)
            src->nearest = src->next[k];
    }
}

/* The slices that hold a byte to escape; out of line, so that the common
 * slice below keeps to a few registers. */
__attribute__((noinline)) static void put_escaped_text(xmlout *x, xmlout_source *src, size_t from, size_t to)
{
    for (size_t special; (special = nearest_special(src, from)) < to; from = special + 1) {
        put(x, src->s + from, special - from);
        unsigned char c = (unsigned char)src->s[special];
        put(x, entity[c].text, entity[c].len);
    }
    put(x, src->s + from, to - from);
}

__attribute__((noinline)) static void text_slowly(xmlout *x, xmlout_source *src, size_t from, size_t to)
{
    close_start_tag(x);
    /* The nearest special found for an earlier slice, when it lies at or
     * past this one's end, is the first one at or after from: the slice
     * needs no escaping. */
    if (src->nearest >= to)
        put(x, src->s + from, to - from);
    else
        put_escaped_text(x, src, from, to);
}

void xmlout_text_from(xmlout *x, xmlout_source *src, size_t from, size_t to)
{
    /* Most slices are a few words between two tags, need no escaping (see
     * text_slowly) and have more of the text after them, so they are read
     * by blocks, after the ">" of the tag before. */
    size_t len = to - from;
    if (!len)
        return;
    if (src->nearest >= to && len <= 4 * BLOCK && src->len - to >= BLOCK && len < x->cap - x->len) {
        char *out = x->buf + x->len;
        *out = '>';
        out += x->tag_open;
        copy_blocks(out, src->s + from, len);
        x->len = (size_t)(out - x->buf) + len;
        x->tag_open = 0;
    } else
        text_slowly(x, src, from, to);
}

void xmlout_text_from_and_end(xmlout *x, xmlout_source *src, size_t from, size_t to)
{
    /* Nearly always a few words that need no escaping, with more of the
     * text after them, then an end tag to copy by blocks, with room for
     * both: the two tests of xmlout_text_from and xmlout_end, once. */
    size_t len = to - from;
    const open_element *e = x->depth ? &x->open[x->depth - 1] : NULL;
    if (len && e && e->is_end_tag && src->nearest >= to && len <= 4 * BLOCK && src->len - to >= BLOCK &&
        len + e->len < x->cap - x->len) {
        char *out = x->buf + x->len;
        *out = '>';
        out += x->tag_open;
        copy_blocks(out, src->s + from, len);
        out += len;
        copy_blocks(out, e->text, e->len);
        x->len = (size_t)(out - x->buf) + e->len;
        x->tag_open = 0;
        x->depth--;
        return;
    }
    xmlout_text_from(x, src, from, to);
    xmlout_end(x);
}

void xmlout_text(xmlout *x, const char *s, size_t len)
{
    xmlout_source src;
    xmlout_source_init(&src, s, len);
    xmlout_text_from(x, &src, 0, len);
}

void xmlout_raw(xmlout *x, const char *s, size_t len)
{
    close_start_tag(x);
    put(x, s, len);
}

/* ---- flushing and errors ----------------------------------------------------------- */

int xmlout_flush(xmlout *x)
{
    drain(x);
    return x->failed ? -1 : 0;
}

int xmlout_failed(const xmlout *x)
{
    return x->failed;
}

int xmlout_errno(const xmlout *x)
{
    return x->write_errno;
}

void xmlout_free(xmlout *x)
{
    if (!x)
        return;
    drain(x);
    free(x->buf);
    free(x->open);
    free(x);
}
