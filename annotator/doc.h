/* doc: one document as it moves through the pipeline, and the standoff
 * annotation set every stage adds to. Stages never write markup: they add
 * spans (byte offsets into the document); writers turn spans into output.
 *
 * A document borrows its input bytes (the stream owns them) and owns every
 * derived structure; doc_load() reuses the buffers for the next document so
 * a stream allocates only while documents grow, and doc_free() frees them,
 * the resolver's kept buffers (resolve.h) included. */
#ifndef ANN_DOC_H
#define ANN_DOC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "copy.h"
#include "segment.h"
#include "text.h"
#include "token.h"

typedef struct {
    uint32_t key;         /* offset of the attribute name in the doc's string pool */
    uint32_t value;       /* offset of the value */
} span_attr;

enum {
    SPAN_REMOVED = 1,     /* lost to a later rule; kept so indices stay valid */
    SPAN_HIDDEN = 2,      /* helper type (name starts with '_'): never written */
    SPAN_LAYOUT = 4       /* forced by the layout stage (structure.h): phase 0, top priority */
};

/* One annotation. Entity spans start on a token start and end on a token end;
 * the resolver keeps the visible ones properly nested (never crossing). */
typedef struct {
    uint32_t start, end;  /* byte offsets, end exclusive */
    uint16_t type;        /* type id in the rule set */
    uint16_t phase;
    int32_t rule;         /* index of the rule that made it, -1 for none */
    uint32_t norm;        /* string pool offset, or NO_STRING */
    uint32_t attrs;       /* index of the first attribute in doc->attrs */
    uint16_t attr_count;
    uint16_t flags;       /* SPAN_* */
    int32_t priority;
    uint32_t ref;         /* string pool offset of its document-unique ref, or NO_STRING */
    int32_t lost_to;      /* SPAN_REMOVED: the span it lost to, or -1 */
    uint32_t first_token; /* token_at_or_after(start), found once by doc_add_span */
} span;

#define NO_STRING UINT32_MAX

/* A structural element the layout stage found (structure.h): a part of the
 * article such as the headline, the byline, the body or one reader comment.
 * It starts at the first token of its first line and ends at the last token
 * of its last line; elements nest by extent and enclose every p, s and
 * entity they overlap (the stage cuts paragraphs and sentences to fit). */
typedef struct {
    uint32_t start, end;  /* byte offsets, end exclusive */
    int16_t element;      /* layout_element (layout.h) */
    uint16_t depth;       /* 0 outermost; decides the nesting of equal extents */
    const char *rule_file; /* the layout part or group that made it, for --explain */
    unsigned rule_line;
    uint32_t attrs;       /* index of the first attribute in doc->attrs */
    uint16_t attr_count;
} struct_span;

/* Which layout part made a SPAN_LAYOUT entity, for --explain. */
typedef struct {
    size_t span;          /* index in doc->spans */
    const char *part;     /* the part's name */
    const char *rule_file;
    unsigned rule_line;
} layout_origin;

/* How a quotation's speaker was found (quote.h). */
typedef enum {
    QUOTE_UNKNOWN,        /* no speaker found */
    QUOTE_AFTER,          /* the clause right after it: `"...," Akazawa said`, `"...," said Akazawa` */
    QUOTE_BEFORE,         /* a speech verb before it in its sentence: `Akazawa said: "..."` */
    QUOTE_CONTINUED,      /* after an attributed quote of its paragraph, opening its sentence or in the same one */
    QUOTE_NEXT_SENTENCE   /* the first PERSON of the next sentence, which holds a speech verb */
} quote_source;

/* How a quotation is written (quote_span.nests). */
enum { QUOTE_HIDDEN, QUOTE_WRITTEN, QUOTE_PIECES };

/* A quotation the quote stage found (quote.h): a layer of its own beside
 * the entity spans. It lies inside one paragraph. */
typedef struct {
    uint32_t start, end;  /* byte offsets, the quote marks included, end exclusive */
    uint32_t speaker;     /* pool offset of the speaker's norm, or NO_STRING when unknown */
    uint32_t speaker_ref; /* pool offset of the speaker entity's ref, or NO_STRING */
    int32_t speaker_span; /* the entity in doc->spans that names the speaker, or -1 */
    uint8_t source;       /* quote_source */
    uint8_t nests;        /* QUOTE_WRITTEN: crosses no <s> and no entity, so it is written;
                           * QUOTE_PIECES: ends inside sentences it spans, so each of them
                           * holds a piece of it; 0: not written */
} quote_span;

/* Which way a stance leans (stance.h). */
typedef enum { STANCE_FAVOR, STANCE_AGAINST, STANCE_NEUTRAL } stance_polarity;

/* A stance the stance stage found (stance.h): who (holder) is for or against
 * what (target), on the evidence of the cue words at [start, end) inside one
 * sentence. A layer of its own beside the entity spans. */
typedef struct {
    uint32_t start, end;  /* the evidence: the cue, with a negator or intensifier right before it */
    uint32_t cue_start, cue_end; /* the cue words alone */
    uint32_t holder;      /* pool offset: an entity norm, "comment N" or "author" */
    uint32_t holder_ref;  /* pool offset of the holder entity's ref, or NO_STRING */
    uint32_t target;      /* pool offset: an entity norm or a short phrase ("United States tariffs") */
    uint32_t target_ref;  /* pool offset of the entity the target comes from, or NO_STRING */
    int32_t cue_type;     /* the helper type of the cue */
    int32_t cue_rule;     /* the rule that made the cue, or -1 */
    const char *holder_from, *target_from; /* how they were chosen (stance.h), for --explain */
    uint8_t polarity;     /* stance_polarity */
    uint8_t negated;      /* a negator before the cue flipped it */
    uint8_t intensified;  /* an intensifier came before the cue */
    uint8_t nests;        /* 1: crosses no entity, quotation or other stance, so it is written */
    uint32_t outweighed_cue_start, outweighed_cue_end; /* the cue before "but" this one dropped (equal: none) */
} stance_span;

/* One (holder, target) pair of a document: its overall polarity and how many
 * cues it rests on. */
typedef struct {
    uint32_t holder, target; /* pool offsets, as in stance_span */
    uint8_t polarity;     /* the majority of its cues; in a tie, of those no negator flipped, then the first's */
    uint32_t cues;
} stance_summary;

/* Attributes of the <document> element a layout may set, in output order. */
enum { DOC_ATTR_DATE, DOC_ATTR_PUBLISHER, DOC_ATTR_SECTION, DOC_ATTR_HEADLINE, DOC_ATTR_COUNT };

typedef struct resolve_buffers resolve_buffers;

/* A string that outlives every document (rule or list storage) and the pool
 * offset of its copy in the document of that generation (doc_intern_fixed). */
typedef struct {
    const char *text;
    uint32_t generation;
    uint32_t offset;
} fixed_string_slot;

enum { FIXED_STRING_SLOTS = 256 };

typedef struct document {
    const char *bytes;    /* the input, borrowed; len bytes */
    size_t len;
    text_view text;       /* clean copy and raw runs */
    token_list tokens;
    segment_list paragraphs;
    segment_list sentences;
    uint8_t *token_edges; /* 2 bits a byte: bit 0 token starts here, bit 1 a token ends here */
    size_t edges_cap;

    span *spans;
    size_t span_count, span_cap;
    span_attr *attrs;
    size_t attr_count, attr_cap;
    char *pool;           /* NUL-terminated strings, addressed by offset */
    size_t pool_len, pool_cap;
    /* the fixed strings copied into the pool, by address: a slot holds a
     * copy of this document when its generation is the document's */
    fixed_string_slot fixed_strings[FIXED_STRING_SLOTS];
    uint32_t generation;  /* counts the documents loaded */

    /* what the layout stage found; all empty when no layout applied */
    const char *layout_name;      /* borrowed from the layout set */
    uint32_t doc_attrs[DOC_ATTR_COUNT]; /* pool offsets, NO_STRING when unknown */
    struct_span *structure;
    size_t structure_count, structure_cap;
    layout_origin *layout_spans;
    size_t layout_span_count, layout_span_cap;

    /* what the quote stage found, in document order, never overlapping */
    quote_span *quotes;
    size_t quote_count, quote_cap;

    /* what the stance stage found: stances by position, summaries by first stance */
    stance_span *stances;
    size_t stance_count, stance_cap;
    stance_summary *stance_summaries;
    size_t stance_summary_count, stance_summary_cap;

    /* the resolver's buffers (resolve.c), kept for the next document */
    resolve_buffers *resolve_buffers;
} document;

/* Points doc at bytes[0..len) and runs the text, token and segment stages.
 * Clears the spans and the structure of the previous document. */
void doc_load(document *doc, const char *bytes, size_t len);
void doc_free(document *doc);

/* Copies s[0..len) into the string pool; returns its offset. Inline: the
 * matcher interns a norm for nearly every candidate, and the call cost more
 * than the copy, as a call to memcpy for its few bytes would. */
static inline uint32_t doc_intern(document *doc, const char *s, size_t len)
{
    grow_array((void **)&doc->pool, &doc->pool_cap, doc->pool_len + len + 1, 1);
    uint32_t off = (uint32_t)doc->pool_len;
    char *copy = doc->pool + off;
    copy_bytes(copy, s, len);
    copy[len] = '\0';
    doc->pool_len += len + 1;
    return off;
}
/* doc_intern for a string s[0..len) that stays at its address, with that
 * length, while the rules are loaded, as attribute keys and list values do:
 * copied once per document, so the candidates that carry it share one
 * offset. Strings are told apart by address alone: one text at two
 * addresses is copied twice (the lists share their key names for this).
 * A slot another string took is taken back, which costs a second copy,
 * never a wrong one. */
static inline uint32_t doc_intern_fixed(document *doc, const char *s, size_t len)
{
    fixed_string_slot *slot = &doc->fixed_strings[((uintptr_t)s * 0x9E3779B97F4A7C15ULL) >> 56];
    if (slot->text != s || slot->generation != doc->generation)
        *slot = (fixed_string_slot){s, doc->generation, doc_intern(doc, s, len)};
    return slot->offset;
}
static inline const char *doc_string(const document *doc, uint32_t off)
{
    return off == NO_STRING ? NULL : doc->pool + off;
}

/* Appends a span, without a ref or a winner, with its first token, and
 * returns its index (spans may move on the next append). */
size_t doc_add_span(document *doc, const span *s);
/* The same, for a caller that knows the first token:
 * token_at_or_after(&doc->tokens, s->start). Inline, as doc_intern. */
static inline size_t doc_add_span_at(document *doc, const span *s, size_t first_token)
{
    grow_array((void **)&doc->spans, &doc->span_cap, doc->span_count + 1, sizeof *doc->spans);
    span *added = &doc->spans[doc->span_count];
    *added = *s;
    added->ref = NO_STRING; /* refs come last (link.h) */
    added->lost_to = -1;
    added->first_token = (uint32_t)first_token;
    return doc->span_count++;
}
/* Appends a span for the caller to fill in place, which spares a copy:
 * all zero but for its first token (as doc_add_span_at) and no norm, ref
 * or winner. The pointer holds until the next append. Inline, as
 * doc_intern. */
static inline span *doc_append_span(document *doc, size_t first_token)
{
    grow_array((void **)&doc->spans, &doc->span_cap, doc->span_count + 1, sizeof *doc->spans);
    span *added = &doc->spans[doc->span_count++];
    *added = (span){.norm = NO_STRING, .ref = NO_STRING, .lost_to = -1, .first_token = (uint32_t)first_token};
    return added;
}
/* Adds an attribute to s, the span added last: a span's attributes are
 * contiguous. Inline, as doc_intern. */
static inline void doc_add_attr(document *doc, span *s, uint32_t key, uint32_t value)
{
    if (s->attr_count == 0)
        s->attrs = (uint32_t)doc->attr_count;
    span_attr a = {key, value};
    ARRAY_PUSH(doc->attrs, doc->attr_count, doc->attr_cap, a);
    s->attr_count++;
}

static inline int doc_token_starts_at(const document *doc, uint32_t off)
{
    return off < doc->len && (doc->token_edges[off] & 1);
}
static inline int doc_token_ends_at(const document *doc, uint32_t off)
{
    return off > 0 && off <= doc->len && (doc->token_edges[off - 1] & 2);
}

#endif
