/* output: the XML writer (the public ann_output). Turns a resolved document's
 * structure and spans into <document> markup: structural elements (by depth)
 * outside <p>, <s>, <quote>, <stance>, <entity>, <w> and <raw>, each nested by
 * extent, after the document's empty <stance-summary> elements. Inside a
 * document the text is written unchanged, so its string value equals the
 * input: no indentation, CR as &#13;, and each run of bytes XML 1.0 cannot
 * carry as an empty <raw hex="..."/> element holding them.
 *
 * The bytes go through xmlout (xmlout.h), which escapes and buffers them and
 * hands them to the write callback. A failed write stops the
 * document before its next element and is reported when the document is
 * flushed; the output is unusable after it. */
#ifndef ANN_OUTPUT_H
#define ANN_OUTPUT_H

#include "doc.h"
#include "rules.h"

typedef struct {
    const char *source;   /* the input's name */
    unsigned long line;   /* the line of the source the document starts on */
    long long byte;       /* its byte offset in the source */
} doc_meta;

/* What every document written with one rule set shares: the start tag of
 * each type's <entity> and of the other elements and attribute names
 * written most, escaped once. Made from rules, read-only after, and freed
 * before rules are. */
typedef struct output_tags output_tags;

output_tags *output_tags_new(const ann_rules *rules);

/* Accepts NULL. */
void output_tags_free(output_tags *tags);

/* Writes one document annotated with tags' rules, and flushes. Returns ANN_OK or ANN_ERR_OUTPUT (err
 * filled; the output is then unusable). */
int output_document(ann_output *out, const output_tags *tags, const document *doc, const doc_meta *meta,
                    ann_error *err);

#endif
