/* xmlout: the byte layer under the XML writer (output.c). Writes elements,
 * attributes and character data with the byte-for-byte conventions of
 * libxml2's xmlTextWriter (an element with no content ends as "/>", a start
 * tag is closed by ">" only when content follows), at a fraction of its cost:
 * markup and escaped text gather in one buffer of its own, copied whole run
 * by run of bytes that need no escaping, and the ann_write_fn gets the
 * buffer whenever it is full or flushed.
 *
 * Errors are sticky: the first failed write marks the writer failed, keeps
 * its errno, and everything after it is dropped. The writing functions return
 * nothing; callers check xmlout_failed() when they want to stop early, and
 * the result of xmlout_flush(), which hands every byte on and reports any
 * failure since the writer was made. */
#ifndef ANN_XMLOUT_H
#define ANN_XMLOUT_H

#include <stddef.h>
#include <string.h>

#include "annotator.h"

typedef struct xmlout xmlout;

/* A writer calling write(ctx, ...). buffer_size is the size of its buffer,
 * 0 for the default (runs longer than the buffer go to write without a
 * copy, so any size works; tests use small ones). Never NULL. */
xmlout *xmlout_new(ann_write_fn write, void *ctx, size_t buffer_size);

/* Hands what is buffered to write (unless the writer failed) and frees the
 * writer. Accepts NULL. */
void xmlout_free(xmlout *x);

/* "<name": a start tag left open for attributes. name (name_len bytes) is
 * written as is and must stay valid until its element ends. */
void xmlout_start_len(xmlout *x, const char *name, size_t name_len);

/* ' name="value"' in the open start tag. value (NUL-terminated) may hold
 * anything: " & < > become entities, TAB, LF and CR character references,
 * other characters outside ASCII hex character references (&#xE9;), and
 * what is not UTF-8 or not allowed in XML 1.0 (C0 controls, U+FFFE, U+FFFF)
 * becomes U+FFFD, one for each byte that does not start a character. */
void xmlout_attr_len(xmlout *x, const char *name, size_t name_len, const char *value);

/* The same for a NUL-terminated name. Inline, so that the length of a
 * literal name is known when compiling. */
static inline void xmlout_start(xmlout *x, const char *name)
{
    xmlout_start_len(x, name, strlen(name));
}

static inline void xmlout_attr(xmlout *x, const char *name, const char *value)
{
    xmlout_attr_len(x, name, strlen(name), value);
}

/* A start tag whose name and first attributes are the same every time it is
 * written, such as <entity type="PERSON": escaped once by xmlout_tag_new,
 * then written as one copy by xmlout_start_tag. */
typedef struct xmlout_tag xmlout_tag;

/* The start tag "<name" with the attributes attrs[0] = attrs[1], attrs[2] =
 * attrs[3], ... (attr_count pairs), escaped as xmlout_attr escapes them.
 * Copies what it needs; freed with xmlout_tag_free. Never NULL. */
xmlout_tag *xmlout_tag_new(const char *name, const char *const *attrs, size_t attr_count);

/* Accepts NULL. */
void xmlout_tag_free(xmlout_tag *tag);

/* xmlout_start and xmlout_attr for each of tag's attributes, in one copy;
 * the start tag is left open for more attributes. tag must stay valid until
 * its element ends. */
void xmlout_start_tag(xmlout *x, const xmlout_tag *tag);

/* An attribute name written the same way every time, such as norm: its
 * ' name="' made once by xmlout_name_new and written as one copy by
 * xmlout_attr_named, which is otherwise xmlout_attr. Copies what it needs;
 * freed with xmlout_name_free. Never NULL. */
typedef struct xmlout_name xmlout_name;

xmlout_name *xmlout_name_new(const char *name);

/* Accepts NULL. */
void xmlout_name_free(xmlout_name *name);

void xmlout_attr_named(xmlout *x, const xmlout_name *name, const char *value);

/* ' name="HEX"': bytes[0..len) as upper-case hex, two digits a byte. */
void xmlout_attr_hex(xmlout *x, const char *name, const unsigned char *bytes, size_t len);

/* Character data: s[0..len) as is, but & < > as entities and CR as &#13;
 * (so a parser does not turn it into LF). The bytes must be UTF-8 made of
 * characters XML allows. Nothing at all is written for len 0, so an element
 * with only empty text still ends as "/>". */
void xmlout_text(xmlout *x, const char *s, size_t len);

/* A text written in slices from its start to its end, such as a document
 * between its tags: where its bytes that need escaping lie is found once
 * for all the slices, not again in each. s must stay valid while it is
 * used; it is never written to and owns nothing. */
#define XMLOUT_TEXT_SPECIALS 4
typedef struct {
    const char *s;
    size_t len;
    size_t next[XMLOUT_TEXT_SPECIALS]; /* where each kind of byte was last found, or len */
    size_t nearest;                    /* the least of next */
} xmlout_source;

void xmlout_source_init(xmlout_source *src, const char *s, size_t len);

/* xmlout_text(x, src->s + from, to - from). Slices must come in order:
 * from never below the to of the slice before. */
void xmlout_text_from(xmlout *x, xmlout_source *src, size_t from, size_t to);

/* xmlout_text_from(x, src, from, to), then xmlout_end(x): the last text
 * of an element and its end, in one call, as most elements end. */
void xmlout_text_from_and_end(xmlout *x, xmlout_source *src, size_t from, size_t to);

/* Markup written as is, such as the XML declaration or a line break between
 * elements; it closes an open start tag first. */
void xmlout_raw(xmlout *x, const char *s, size_t len);

/* Ends the innermost open element: "/>" when it has no content yet,
 * "</name>" otherwise. */
void xmlout_end(xmlout *x);

/* Ends the innermost open element with "</name>" even when it is empty. */
void xmlout_end_full(xmlout *x);

/* Hands everything buffered to write. Returns 0, or -1 when this or any
 * earlier write failed. */
int xmlout_flush(xmlout *x);

/* 1 once a write has failed, else 0. */
int xmlout_failed(const xmlout *x);

/* The errno of the first failed write, or 0 when nothing failed or the
 * failure was an xmlout_end with no element open. */
int xmlout_errno(const xmlout *x);

#endif
