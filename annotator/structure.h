/* structure: the layout stage. Recognises the parts of an article (header,
 * captions, headline, byline, body, reader comments and their votes, ...)
 * from the lines of a loaded document and a compiled layout set (layout.h),
 * and records them as standoff data in the document (doc.h): structural
 * elements, document attributes (date, publisher, section, headline) and
 * the entities a layout forces (authors, publisher, agency).
 *
 * It runs after the segment stage and before the rules: it cuts paragraphs
 * and sentences at the edges of structural elements, so no rule match, <p>
 * or <s> ever crosses one, and its entities (phase 0, top priority) are
 * seen by the rules like any earlier annotation.
 *
 * How a layout is chosen and matched (rules/README.md, "Layouts"): the
 * layouts are tried in order; each is run as a Pike VM over the non-blank
 * lines, one step per line, testing at most each part's anchored pattern once
 * per line. Among the parses that classify the most lines, the one with the
 * highest score wins (a part's score counts once per line it takes), then the
 * one the order's quantifiers prefer. The first layout that classifies at
 * least one line is applied; lines after the end of its parse stay plain
 * text.
 *
 * The runner owns its scratch memory and PCRE2 match state; one per stream. */
#ifndef ANN_STRUCTURE_H
#define ANN_STRUCTURE_H

#include "doc.h"
#include "layout.h"
#include "rules.h"

typedef struct structure_runner structure_runner;

/* Called when a part's pattern hits a PCRE2 resource limit on the line at
 * offset; the line is taken as not matching and the stage goes on. */
typedef void (*structure_limit_fn)(void *ctx, const layout_part *part, uint32_t offset, int pcre2_error);

/* layouts may be NULL (no layout is ever applied). rules names the entity
 * types: a layout entity whose type the rule set lacks is not added. Both
 * must outlive the runner. */
structure_runner *structure_new(const ann_layouts *layouts, const ann_rules *rules, structure_limit_fn on_limit,
                                void *ctx);
void structure_free(structure_runner *r);

/* Whether some layout has boundary lines, i.e. structure_is_boundary() can
 * ever return 1. */
int structure_has_boundaries(const structure_runner *r);

/* 1 when line[0..len), one complete line of raw input (its LF or CRLF
 * included, at most BOUNDARY_LINE_MAX bytes), matches a boundary part: such a
 * line starts a new document. The line is read as text_prepare() cleans a
 * document (bytes that are not UTF-8 as 0x1A), as the layout stage reads it. */
int structure_is_boundary(structure_runner *r, const char *line, size_t len);

/* Applies the first layout that fits to a document loaded by doc_load():
 * fills doc->structure, doc->doc_attrs, doc->layout_name and
 * doc->layout_spans, adds the forced entity spans, and cuts doc->paragraphs
 * and doc->sentences at structural edges. Leaves the document as it was when
 * no layout fits. Never fails. */
void structure_apply(structure_runner *r, document *doc);

/* Run after the rules: where a rule found an entity of the same type and
 * extent as a forced one (its candidate lost to the forced span), the forced
 * span takes the rule's norm and attributes ("Kyodo" gets the norm "Kyodo
 * News" and country="JP" of the list entry). */
void structure_finish(document *doc);

#endif
