#include "stance.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <pthread.h>

#include "alloc.h"
#include "bitset.h"
#include "layout.h"
#include "quote.h"
#include "sort.h"

/* How far a negator or an intensifier may stand before its cue, in tokens. */
#define NEGATION_WINDOW 3
#define LEADER_WORDS 4 /* "U.S. President Donald Trump", "U.S. Trade Representative Jamieson Greer" */
#define KIND_WORDS 5 /* "anti-dumping and countervailing" between an owner and its duties */
#define ANSWER_REACH 6 /* how far before a tariff mention "in answer to" may stand */
#define GROUP_NAME_LOOKBACK 4 /* how many items before a group word a name holding it may start */
#define INTENSIFIER_WINDOW 2
/* Words in a noun phrase target. */
#define PHRASE_WORDS 3
/* Tokens after a verb of calling up to the quotation mark that opens the
 * verdict on what it names: called China's new tariffs on American
 * soybeans and pork "...". */
#define QUOTED_VERDICT_REACH 11
/* Tokens from a speech verb to the comma before a participle that goes
 * with it: "said on Wednesday, calling it". */
#define SPEECH_TO_PARTICIPLE 4
#define PARENTHESIS_WORDS 12 /* the words of a clause between commas after a subject */
#define NAMED_MEASURE_LOOKBACK 4096 /* tokens back from "the tax" to the tax it names */
#define NAMED_MEASURE_WORDS 4       /* "nickel ore export ban" */
/* How far after a cue its target entity may start, in tokens: farther on,
 * a long clause has moved to other things ("blasted in two aces ... when
 * Washington found the net"). */
#define ENTITY_REACH 6
/* How far a speaker may stand before the speech verb that follows a cue
 * ("..., Agriculture Minister Hiroshi Tanabe said"), or after it ("...,
 * according to the Indian Drug Exporters' Association"), in tokens. */
#define SPEAKER_WINDOW 8
/* How many PERSON mentions back "the minister" may look for its person, and
 * how many owned tariff mentions back "the tariffs" may look for an owner. */
#define TITLE_LOOKBACK 64
#define ADDRESS_WORDS 3 /* "Well said, Minister Moe.": a title at most before the name addressed */
/* How many tokens more a verb after "and" may stand from its subject. */
#define COORDINATED_REACH 5
#define FINDING_REACH 4     /* tokens from a finding to its "that" */
#define LIST_REACH 12       /* tokens from a name back to the locative its list follows */
#define SUBJECT_REACH 3     /* tokens from a subject's end to its verb: "Washington on Monday imposed" */
/* How far into its sentence a dateline's dash may stand, in tokens. */
#define DATELINE_TOKENS 12
/* How many words before a person's name may hold its title. */
#define TITLE_WORDS 4
/* How many annotations back "he" may look for a PERSON. */
#define PRONOUN_LOOKBACK 512
/* How far into its sentence a cue may stand for an opening "he" or "she"
 * to be its subject ("He also firmly rejected"), in tokens. */
#define PRONOUN_REACH 4
#define QUOTED_FRAGMENT_BYTES 40 /* a quoted fragment inside reported speech: "Cambodia \"regrets\" the decision" */
#define CALLED_REACH 8      /* tokens from a calling verb to an evaluation before a noun: "called the agreement \"a fair trade\"" */
#define QUOTED_LEAD_WORDS 3 /* words of a quotation before its evaluation: "called the order \"the first good news\"" */
/* How far before a tariff mention the verb imposing it may end ("charge a
 * 50% duty"), in tokens. */
#define IMPOSING_REACH 3
#define EASED_LEVY_REACH 4 /* words from an easing verb to its levy word in a headline: "phase out 32% tariff" */
#define LISTED_GOODS_WORDS 4 /* goods between a verb and "for" its duty: "targets 46 Indian products for" */
/* How many paragraphs back "the increase" may find the tariff it raised. */
#define INCREASE_PARAGRAPHS_BACK 4

/* What a span is to this stage. Cue kinds come first. */
typedef enum {
    K_FAVOR,
    K_AGAINST,
    K_FAVOR_STATE,
    K_AGAINST_STATE,
    K_FAVOR_EFFECT,
    K_AGAINST_EFFECT,
    K_COMPLAINT,
    K_REFUSAL,
    K_FAVOR_FROM,
    K_AGAINST_FROM,
    K_RHETORICAL,
    K_HARM,
    K_FAVOR_CONTEXT,
    K_CUE_COUNT,
    K_NEGATION = K_CUE_COUNT,
    K_INTENSIFIER,
    K_CONTRAST,
    K_CONDITION,
    K_NOT_CUE,
    K_HEDGE,
    K_TARIFF_WORD,
    K_IMPOSING,
    K_SPEECH,
    K_CALLING,
    K_QUOTED_VERDICT,
    K_GROUP,
    K_PERSON,
    K_ORG,
    K_GPE,
    K_NORP,
    K_EVENT,
    K_GOODS,
    K_TARIFF,
    K_COUNT
} kind;

static const named_type kind_types[K_COUNT] = {
    NAMED_FAVOR,       NAMED_AGAINST,       NAMED_FAVOR_STATE, NAMED_AGAINST_STATE, NAMED_FAVOR_EFFECT,
    NAMED_AGAINST_EFFECT, NAMED_COMPLAINT,   NAMED_REFUSAL,     NAMED_FAVOR_FROM,    NAMED_AGAINST_FROM,
    NAMED_RHETORICAL,  NAMED_HARM,          NAMED_FAVOR_CONTEXT, NAMED_NEGATION,    NAMED_INTENSIFIER,   NAMED_CONTRAST,
    NAMED_CONDITION,   NAMED_NOT_CUE,       NAMED_HEDGE,       NAMED_TARIFF_WORD,   NAMED_IMPOSING,
    NAMED_SPEECH,      NAMED_CALLING,       NAMED_QUOTED_VERDICT, NAMED_GROUP,       NAMED_PERSON,        NAMED_ORG,
    NAMED_GPE,         NAMED_NORP,          NAMED_EVENT,       NAMED_GOODS,         NAMED_TARIFF};

/* Per cue kind: its polarity, whether its target is the subject before it,
 * whether it counts only in reader comments, whether its holder is the
 * agent after it ("Stanhope's position drew support from Delta Harvest"),
 * and whether the article's own voice reports it without holding it (an
 * open question, a harm, what a measure does). */
static const struct {
    uint8_t polarity, subject, comments_only, agent, reported;
} cue_kinds[K_CUE_COUNT] = {
    [K_FAVOR] = {STANCE_FAVOR, 0, 0, 0, 0},          [K_AGAINST] = {STANCE_AGAINST, 0, 0, 0, 0},
    [K_FAVOR_STATE] = {STANCE_FAVOR, 1, 0, 0, 0},    [K_AGAINST_STATE] = {STANCE_AGAINST, 1, 0, 0, 0},
    [K_FAVOR_EFFECT] = {STANCE_FAVOR, 1, 0, 0, 1},   [K_AGAINST_EFFECT] = {STANCE_AGAINST, 1, 0, 0, 1},
    [K_COMPLAINT] = {STANCE_AGAINST, 0, 1, 0, 0},    [K_REFUSAL] = {STANCE_AGAINST, 1, 1, 0, 0},
    [K_FAVOR_FROM] = {STANCE_FAVOR, 1, 0, 1, 0},     [K_AGAINST_FROM] = {STANCE_AGAINST, 1, 0, 1, 0},
    [K_RHETORICAL] = {STANCE_AGAINST, 1, 0, 0, 1},   [K_HARM] = {STANCE_AGAINST, 1, 0, 0, 1},
    [K_FAVOR_CONTEXT] = {STANCE_FAVOR, 1, 0, 0, 1},
};

/* Hard-coded closed sets for the noun phrase fallback: not worth a list. */
static const char *const phrase_skip[] = {"the", "a", "an", "all", "any", "its", "their", "his", "her", "our",
                                          "my", "your", "this", "that", "these", "those", "for", "of", "on", "with",
                                          "over", "about", "against", "at", "some", "own", "million", "billion",
                                          "trillion", NULL};
/* Nouns for what someone said or thought: after "that" they point back to
 * it ("rejected that argument" is against whoever made it); before "that"
 * they announce it ("rejected the idea that ...", "the idea of ...": no
 * target of their own). A claim is a target as written ("rejected the
 * claim that ...", "rejected that claim"). */
static const char *const speech_nouns[] = {"argument", "arguments", "view", "views", "remarks",
                                           "comments", "statement", "suggestion", "assertion", "accusation",
                                           "accusations", "criticism", "idea", "notion", "calls", NULL};
/* What a body proposes or does, which stays itself after a possessive
 * ("criticised the ministry's proposal"), where what it holds stands for
 * the body ("rejected the alliance's figures"). */
static const char *const proposal_nouns[] = {"proposal", "proposals", "plan", "plans", "offer", "offers",
                                             "decision", "bill", "deal", "move", "decree", "law", "rules",
                                             "reform", "reforms", "scheme", NULL};
static const char *const demonstratives[] = {"that", "this", "those", "these", NULL};
static const char *const determiners[] = {"the", "a", "an", "its", "their", "this", "that", "these", "those", "our",
                                          "his", "her", NULL};
/* Prepositions between a noun and its complement: "an appeal into the
 * void", "the ban on exports". */
static const char *const complement_prepositions[] = {"into", "of", "on", "in", "for", "with", "over", "against",
                                                      "from", "to", "at", "about", NULL};
/* The verb between an evaluated subject and its evaluation ("the call had
 * been unproductive"), and the auxiliaries that may come before it. */
static const char *const copulas[] = {"is", "are", "was", "were", "been", "be", "'s", "'re", "’s", "’re", NULL};
static const char *const auxiliaries[] = {"has", "have", "had", "will", "would", "could", "may", "might", "must",
                                          "should", "not", "n't", "n’t", "still", "also", "always", NULL};
static const char *const possessives[] = {"its", "their", NULL};
/* Words after which a country inside a tariff mention says where the goods
 * come from, not whose the tariff is ("a tariff on Chinese steel"). */
static const char *const origin_prepositions[] = {"on", "against", "from", "for", "of", NULL};
/* Nouns for easing a measure: "relief from tariffs" is against them. */
static const char *const relief_nouns[] = {"relief", "exemption", "exemptions", "concession", "concessions", "cut",
                                           "cuts", "reduction", "reductions", "removal", "waiver", "waivers",
                                           "rollback", "suspension", "easing", "end", "lifting", "scrapping",
                                           "abolition", "repeal", NULL};
/* Prepositions that join a noun to the one it completes ("the agreement
 * with Brazil", "the ban on Chinese steel"). */
static const char *const object_prepositions[] = {"with", "between", "on", "over", "by", "from", "of", "against",
                                                  "for", NULL};
static const char *const phrase_stop[] = {"and", "or", "but", "than", "more", "that", "which", "who", "is", "are",
                                          "was", "were", "be", "been", "will", "would", "to", "of", "in", "on", "at",
                                          "by", "for", "with", "as", "from", "it", "they", "we", "he", "she", "not",
                                          "has", "have", "had", "can", "could", "should", "may", "might",
                                          /* no noun starts or goes on with these */
                                          "when", "where", "whether", "since", "because", "after", "before", "until",
                                          "while", "if", "though", "although", "me", "him", "us", "you", "them",
                                          "themselves", "himself", "herself", "itself", "ourselves", "myself", "anyone",
                                          "anybody", "everyone", "everybody", "someone", "somebody", "nobody",
                                          "what", "whom", "whose", "did", "do", "does", "done", "up", "out", "down",
                                          "off", "past", "into", "through", "over", "about", "against", "under",
                                          "within", "without", "across", "toward", "towards", "among", "during",
                                          "despite", "amid", "beyond", "throughout", "unless", "upon", "onto", "via",
                                          /* adverbs closing a verb phrase: "rejected the idea outright" */
                                          "outright", "entirely", "altogether", "completely", "instead",
                                          "now", "today", "yet", "again", "soon", "later", "immediately", "quickly",
                                          "permanently", "temporarily", "even", "actually", "really", "exactly", "back",
                                          /* speech verbs: "Turkey says ban is ..." names no "says ban" */
                                          "says", "said", "say", "saying",
                                          /* modals no noun follows: "You cannot tax your way ..." */
                                          "cannot", "must", "shall", "never", NULL};

typedef struct {
    uint32_t start, end;
    uint32_t first, last; /* its first and last token */
    size_t span;
    uint32_t name;        /* an entity's norm (its text when it has none), interned once; else NO_STRING */
    uint8_t kind;
    uint8_t dropped;      /* a cue inside a longer cue, a condition inside a _NOT_CUE */
    uint8_t modifier;     /* no holder: a GPE or NORP that is part of the group after it ("U.S. farmers"),
                           * an acronym in brackets, a name joined to a suffix ("Dubai-based"), an
                           * agreement */
    uint8_t agreement;    /* a named agreement ("the Trade and Cooperation Agreement") */
} item;

/* A tariff mention and the GPE that owns it ("U.S. tariffs"). */
typedef struct {
    uint32_t at;          /* the mention's start */
    const item *owner;
    const struct_span *comment; /* the reader comment it is in, or NULL */
} owned;

/* A country code ("US") and the norm the document gives that country, as
 * pool offsets. */
typedef struct {
    uint32_t code, name;
} country;

/* A mention of a country or coded body (a GPE or ORG with a code) and the
 * owner name it stands for (owner_name), for most_mentioned_country. */
typedef struct {
    const item *it;
    uint32_t owner;             /* pool offset: the pool may move as strings are interned */
    uint32_t group;             /* the same for all mentions of one owner name, 0 to group_count - 1 */
    const struct_span *comment; /* the reader comment it is in, or NULL */
} country_mention;

/* Per owner group, what one most_mentioned_country call counts. */
typedef struct {
    size_t count;
    size_t first;               /* the group's first mention in scope, or SIZE_MAX */
    int in_sentence;
} owner_tally;

/* A PERSON mention after words that may give a title ("Agriculture
 * Minister Hiroshi Tanabe", "chief trade negotiator Yoon Seo-jin"). */
typedef struct {
    size_t person;        /* index in the items */
    uint32_t title_start; /* where those words start; they end where the person starts */
} titled_person;

typedef struct {
    uint32_t name, ref;
    const char *from;     /* how it was chosen, for --explain */
} who;

/* What phrase_after answered for the tokens from, in the clause of sentence. */
typedef struct {
    const segment *sentence; /* NULL: nothing yet */
    uint32_t from, clause;
    uint32_t first, end;
} phrase_answer;

/* The families of measure nouns (measure_families). */
#define MEASURE_FAMILY_COUNT 8

typedef struct {
    document *doc;
    int16_t kind_of[MAX_TYPES];
    item *items;
    size_t item_count;
    uint32_t *clause;     /* per token of the document, set for the sentences numbered, else UINT32_MAX */
    uint64_t *numbered;   /* a bit per sentence: number_clauses numbered it */
    const segment *sentence;
    uint32_t body_start;  /* where the sentence's own words start: after a dateline ("OTTAWA (Northwire) -") */
    /* the sentence before the current one, with its items, and who spoke
     * in it, found on first use (name NO_STRING: nobody) */
    const segment *previous;
    const item *previous_items;
    size_t previous_count;
    int previous_known;
    who previous_speaker;
    size_t quote_cursor;  /* sentence_speaker: the first quotation not ended before the sentence */
    phrase_answer phrase; /* phrase_after's last: find_target asks for the words after a cue again and again */
    owned *owned;         /* tariff mentions with their owner right before them, by position */
    size_t owned_count;
    owned *possessed;     /* tariff mentions a GPE owns through "its", by position: they
                           * count for most_named only (a country's own duties named in
                           * passing are no context for the next "the tariffs") */
    size_t possessed_count;
    owned *found;         /* the owners stance targets named, by position */
    size_t found_count, found_cap;
    int favoring;         /* the cue whose target is sought is in favour (context_owner) */
    int defending;        /* and defends: "EU defends 50% bourbon duty" (tariff_target) */
    uint32_t holder;      /* that cue's holder (measure_named_before) */
    const item *most_named_owner; /* most_named's last answer, for most_named_in, when most_named_known */
    const struct_span *most_named_in;
    int most_named_known;
    titled_person *titled; /* in order */
    size_t titled_count;
    uint32_t *full_names; /* the PERSON norms of two words or more, sorted, distinct; built on first use */
    size_t full_name_count;
    int full_names_built;
    country *countries;   /* the countries the document names with a code; built on first use */
    size_t country_count;
    int countries_built;
    country_mention *mentions; /* the mentions of countries and coded bodies, in order; built on first use */
    size_t mention_count;
    owner_tally *tallies;      /* one per owner group of the mentions */
    size_t group_count;
    int mentions_built;
    const item **tariffs; /* the tariff mentions, in order; built on first use */
    size_t tariff_count;
    int tariffs_built;
    uint32_t family_first[MEASURE_FAMILY_COUNT]; /* per measure family, the first token of its nouns before the
                                                  * reader comments (UINT32_MAX: none); built on first use */
    int family_first_built;
    int headline_eases;   /* headline_eases(), once asked; -1 before */
    const item *dateline; /* dateline_country(), once asked (dateline_known) */
    int dateline_known;
    uint32_t unowned_hit; /* the country code the last tariff left without owner falls on (tariff_target),
                           * NO_STRING if none, SHARED_MEASURE for a measure many share */
    int legal_form_type;  /* the helper type of company legal forms ("Ltd."), or -1 */
    int verdict_type;     /* the helper type of quotations read as verdicts, or -1 */
} stance_ctx;

const char *stance_polarity_name(int polarity)
{
    return polarity == STANCE_FAVOR ? "favor" : polarity == STANCE_AGAINST ? "against" : "neutral";
}

static int by_start(const void *a, const void *b)
{
    const item *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return (x->kind > y->kind) - (x->kind < y->kind);
}

static uint32_t item_start(const item *it)
{
    return it->start;
}

DEFINE_SORT(merge_sort_items_by_start, item, by_start)
DEFINE_POSITION_SORT(sort_items_by_start, item, item_start, by_start, merge_sort_items_by_start)

/* Whether a comes after b once the items are sorted: by by_start, equal
 * ones as they came, that is by their span. */
static int sorts_after(const item *a, const item *b)
{
    int order = by_start(a, b);
    return order ? order > 0 : a->span > b->span;
}

/* sort_items_by_start for items that come nearly in order, as the spans
 * they come from are by start within each phase: the items in order are
 * kept where they are, the few others (a quarter on the bench corpus) are
 * set aside, sorted, and merged back in. */
static void order_items(item *items, size_t n)
{
    item *aside = xmalloc((n + 1) * sizeof *aside);
    size_t kept = 0, set_aside = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept && by_start(&items[i], &items[kept - 1]) < 0)
            aside[set_aside++] = items[i];
        else
            items[kept++] = items[i];
    }
    sort_items_by_start(aside, set_aside);
    for (size_t i = kept, j = set_aside, k = n; j > 0;) /* from the back: k >= i */
        items[--k] = i > 0 && sorts_after(&items[i - 1], &aside[j - 1]) ? items[--i] : aside[--j];
    free(aside);
}

static const token *tok(const stance_ctx *c, size_t i)
{
    return &c->doc->tokens.items[i];
}

static int token_in(const stance_ctx *c, size_t i, const char *const *words)
{
    return token_is_one_of(c->doc->text.clean, tok(c, i), words);
}

static int string_in(const char *s, const char *const *words)
{
    while (*words && strcmp(*words, s))
        words++;
    return *words != NULL;
}

/* A word list as a hash set, for the lists read at nearly every word of a
 * noun phrase (phrase_skip, phrase_stop): a lookup hashes the token once
 * where token_is_one_of compares it with every word of the list. The
 * answers are the same: a token is a word when its bytes, each with the
 * 0x20 bit set, are the word's bytes, so a word with a byte lacking that
 * bit is no token and is left out. Filled once per process. */
#define WORD_SET_SLOTS 512
typedef struct {
    const char *word[WORD_SET_SLOTS]; /* NULL: empty */
    uint8_t len[WORD_SET_SLOTS];
    size_t longest;
    const char *const *too_long; /* a list of more than half WORD_SET_SLOTS words, read as a list */
} word_set;

#define WORD_HASH_START 2166136261u /* FNV-1a */

static uint32_t word_hash_step(uint32_t h, char byte)
{
    return (h ^ (unsigned char)byte) * 16777619u;
}

static uint32_t word_hash(const char *s, size_t n)
{
    uint32_t h = WORD_HASH_START;
    for (size_t k = 0; k < n; k++)
        h = word_hash_step(h, s[k]);
    return h;
}

static void word_set_fill(word_set *set, const char *const *words)
{
    size_t count = 0;
    while (words[count])
        count++;
    if (count > WORD_SET_SLOTS / 2) {
        set->too_long = words; /* the probes would grow long, or find no empty slot */
        return;
    }
    for (; *words; words++) {
        size_t n = strlen(*words), k = 0;
        while (k < n && ((*words)[k] & 0x20))
            k++;
        if (k < n || n > UINT8_MAX)
            continue; /* no token is this word */
        size_t h = word_hash(*words, n) % WORD_SET_SLOTS;
        while (set->word[h])
            h = (h + 1) % WORD_SET_SLOTS;
        set->word[h] = *words;
        set->len[h] = (uint8_t)n;
        if (n > set->longest)
            set->longest = n;
    }
}

static word_set phrase_skip_set, phrase_stop_set, title_noun_set, government_noun_set, org_head_set;
/* fill_word_sets, after the lists; pthread_once, which thread checkers see, as the
 * layout stage does */
static pthread_once_t word_sets_filled = PTHREAD_ONCE_INIT;


/* token_in for a list filled into set. */
static int token_in_set(const stance_ctx *c, size_t i, const word_set *set)
{
    const token *t = tok(c, i);
    size_t n = t->end - t->start;
    char folded[UINT8_MAX];
    if (set->too_long)
        return token_is_one_of(c->doc->text.clean, t, set->too_long);
    if (n > set->longest)
        return 0;
    uint32_t hash = WORD_HASH_START; /* word_hash(folded, n), in the same pass */
    for (size_t k = 0; k < n; k++) {
        folded[k] = (char)(c->doc->text.clean[t->start + k] | 0x20);
        hash = word_hash_step(hash, folded[k]);
    }
    for (size_t h = hash % WORD_SET_SLOTS; set->word[h]; h = (h + 1) % WORD_SET_SLOTS)
        if (set->len[h] == n && !memcmp(set->word[h], folded, n))
            return 1;
    return 0;
}

static int is_entity(int k)
{
    return k >= K_PERSON;
}

static int is_tariff(int k)
{
    return k == K_TARIFF || k == K_TARIFF_WORD;
}

/* Who can hold a stance: a PERSON, ORG, GPE or NORP, or a group named by
 * what it is ("farmers"), but not a place or nationality that only
 * qualifies a group. */
static int is_holder(const item *it)
{
    return (it->kind == K_PERSON || it->kind == K_ORG || it->kind == K_GPE || it->kind == K_NORP ||
            it->kind == K_GROUP) && !it->modifier;
}


static int same_name(stance_ctx *c, const item *it, uint32_t name)
{
    return name != NO_STRING && it->name != NO_STRING &&
           !strcmp(doc_string(c->doc, it->name), doc_string(c->doc, name));
}

static uint32_t clause_of(const stance_ctx *c, uint32_t t)
{
    return c->clause[t];
}

static int is_comma(const stance_ctx *c, uint32_t t)
{
    const token *w = tok(c, t);
    return w->kind == TOK_PUNCT && w->end - w->start == 1 && c->doc->text.clean[w->start] == ',';
}

/* Numbers the clauses of the sentence: , ; : ( ) and contrast words end one
 * (and belong to none). */
static int ends_clause(char mark)
{
    return mark == ',' || mark == ';' || mark == ':' || mark == '(' || mark == ')';
}

static void number_clauses(stance_ctx *c, const item *items, size_t count)
{
    const segment *s = c->sentence;
    size_t index = (size_t)(s - c->doc->sentences.items);
    if (bitset_any(c->numbered, index, index + 1))
        return; /* the cues numbered it, and the speaker of the sentence asks again */
    bitset_mark(c->numbered, index);
    uint32_t *clause_at = c->clause + s->first_token;
    /* the contrast words are flagged first, in a pass over the items rather
     * than a look at them at every token */
    memset(clause_at, 0, s->token_count * sizeof *clause_at);
    for (size_t k = 0; k < count; k++)
        if (items[k].kind == K_CONTRAST && items[k].first >= s->first_token)
            for (uint32_t at = items[k].first; at <= items[k].last && at < s->first_token + s->token_count; at++)
                c->clause[at] = UINT32_MAX;
    uint32_t clause = 0;
    for (uint32_t i = 0; i < s->token_count; i++) {
        const token *t = tok(c, s->first_token + i);
        int mark = t->kind == TOK_PUNCT && t->end - t->start == 1 && ends_clause(c->doc->text.clean[t->start]);
        if (clause_at[i] == UINT32_MAX || mark) {
            clause_at[i] = UINT32_MAX;
            clause++;
        } else {
            clause_at[i] = clause;
        }
    }
}

/* Where the sentence's own words start: after a dateline that opens it (an
 * upper-case word, then a dash within DATELINE_TOKENS tokens: "OTTAWA
 * (Northwire) -", "MANILA, Aug. 24 (Jiji) —"), else at its start. */
static uint32_t body_start(const stance_ctx *c, const segment *s)
{
    if (!s->token_count || !(tok(c, s->first_token)->flags & TOKF_ALL_CAPS))
        return s->start;
    for (uint32_t i = 1; i < s->token_count && i < DATELINE_TOKENS; i++) {
        const token *t = tok(c, s->first_token + i);
        const char *x = c->doc->text.clean + t->start;
        int dash = *x == '-' || (t->end - t->start == 3 && (!memcmp(x, "\xE2\x80\x94", 3) || /* — */
                                                           !memcmp(x, "\xE2\x80\x93", 3)));  /* – */
        if (t->kind == TOK_PUNCT && dash)
            return t->end;
    }
    return s->start;
}

/* A sentence ending in '?', before any closing quote marks or brackets. */
static int is_question(const stance_ctx *c)
{
    const segment *s = c->sentence;
    for (uint32_t i = s->token_count; i > 0; i--) {
        const token *t = tok(c, s->first_token + i - 1);
        const char *x = c->doc->text.clean + t->start;
        if (t->kind != TOK_PUNCT)
            return 0;
        if (memchr(x, '?', t->end - t->start))
            return 1;
        if (!(x[0] == '"' || x[0] == ')' || (t->end - t->start == 3 && !memcmp(x, "\xE2\x80\x9D", 3)))) /* ” */
            return 0;
    }
    return 0;
}

static const quote_span *quote_at(const document *doc, uint32_t offset)
{
    size_t lo = COUNT_UP_TO(doc->quotes, doc->quote_count, end, offset);
    return lo < doc->quote_count && doc->quotes[lo].start <= offset ? &doc->quotes[lo] : NULL;
}

/* The value (a pool offset) of attribute key among doc->attrs[first ..
 * first + count), or NO_STRING. */
static uint32_t attr_value(const document *doc, uint32_t first, uint16_t count, const char *key)
{
    for (uint16_t a = 0; a < count; a++)
        if (!strcmp(doc_string(doc, doc->attrs[first + a].key), key))
            return doc->attrs[first + a].value;
    return NO_STRING;
}

/* The innermost layout element of kind element holding offset, or NULL. */
static const struct_span *element_at(const document *doc, uint32_t offset, int element)
{
    const struct_span *found = NULL;
    for (size_t i = 0; i < doc->structure_count; i++) {
        const struct_span *st = &doc->structure[i];
        if (st->element == element && offset >= st->start && offset < st->end)
            found = st;
    }
    return found;
}


/* A pool string and its offset, for sorting names. */
typedef struct {
    const char *text;
    uint32_t offset;
} pooled;

static int by_text(const void *a, const void *b)
{
    return strcmp(((const pooled *)a)->text, ((const pooled *)b)->text);
}

/* The full name of a person named by one word that is the first word of
 * exactly one longer PERSON name of the document ("Liu" after "Liu Haoran":
 * the linker gives the full name to a last word, and surname-first names
 * are named by their first), else its own name. */
static uint32_t person_name(stance_ctx *c, const item *person)
{
    uint32_t name = person->name;
    const char *short_name = doc_string(c->doc, name);
    if (strchr(short_name, ' '))
        return name;
    if (!c->full_names_built) {
        pooled *names = NULL;
        size_t count = 0, cap = 0;
        for (size_t i = 0; i < c->item_count; i++)
            if (c->items[i].kind == K_PERSON && strchr(doc_string(c->doc, c->items[i].name), ' ')) {
                pooled p = {doc_string(c->doc, c->items[i].name), c->items[i].name};
                ARRAY_PUSH(names, count, cap, p);
            }
        if (count > 1)
            qsort(names, count, sizeof *names, by_text);
        c->full_names = xmalloc((count + 1) * sizeof *c->full_names);
        for (size_t i = 0; i < count; i++)
            if (!i || strcmp(names[i - 1].text, names[i].text))
                c->full_names[c->full_name_count++] = names[i].offset;
        free(names);
        c->full_names_built = 1;
    }
    size_t n = strlen(short_name), lo = 0, hi = c->full_name_count;
    while (lo < hi) { /* the first full name not below short_name */
        size_t mid = (lo + hi) / 2;
        if (strcmp(doc_string(c->doc, c->full_names[mid]), short_name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* names sharing a prefix sort together: exactly one starts with short_name and a space */
    int matches = 0;
    for (size_t i = lo; i < c->full_name_count && i < lo + 2; i++) {
        const char *full = doc_string(c->doc, c->full_names[i]);
        matches += !strncmp(full, short_name, n) && full[n] == ' ';
    }
    return matches == 1 ? c->full_names[lo] : name;
}

static uint32_t owner_name(stance_ctx *c, const item *gpe);
static int phrase_word(stance_ctx *c, uint32_t t);

static const char *const government_nouns[] = {"government", "officials", "official", "authorities", "ministry",
                                               "leaders", "leader", "negotiators", "negotiator", "side", "delegation",
                                               "diplomats", "diplomat", "envoy", "spokesman", "spokeswoman",
                                               "spokesperson", "administration", "cabinet", "embassy", NULL};

/* The entity a capital stands for when the document names it: the
 * organisation seated there ("Brussels" for the European Union), else its
 * country ("Seoul" for South Korea); NULL for any other GPE. */
static const item *capital_government(stance_ctx *c, const item *gpe)
{
    const document *doc = c->doc;
    const span *s = &doc->spans[gpe->span];
    uint32_t country_code = attr_value(doc, s->attrs, s->attr_count, "country");
    if (gpe->kind != K_GPE || country_code == NO_STRING || attr_value(doc, s->attrs, s->attr_count, "capital") == NO_STRING)
        return NULL;
    uint32_t seat = attr_value(doc, s->attrs, s->attr_count, "seat");
    const item *found = NULL;
    for (size_t i = 0; i < c->item_count; i++) {
        const item *it = &c->items[i];
        if (it->kind != K_GPE && it->kind != K_ORG)
            continue;
        const span *o = &doc->spans[it->span];
        uint32_t code = attr_value(doc, o->attrs, o->attr_count, "code");
        if (code == NO_STRING)
            continue;
        if (seat != NO_STRING && it->kind == K_ORG && !strcmp(doc_string(doc, code), doc_string(doc, seat)))
            return it;
        if (!found && it->kind == K_GPE && !strcmp(doc_string(doc, code), doc_string(doc, country_code)))
            found = it;
    }
    return found;
}

/* A holder's name: a person's full name; for a capital, the government it
 * stands for (capital_government); for a nationality before a government
 * noun ("the Japanese government said"), the country it speaks for, as the
 * document names it ("Japan"). */
static who entity_who(stance_ctx *c, const item *it, const char *from)
{
    if (it->kind == K_GROUP)
        return (who){it->name, NO_STRING, "group"};
    const item *government = capital_government(c, it);
    if (government)
        it = government;
    if (it->kind == K_NORP && it->last + 1 < c->sentence->first_token + c->sentence->token_count &&
        token_in(c, it->last + 1, government_nouns)) {
        uint32_t named = owner_name(c, it);
        if (named != it->name)
            return (who){named, NO_STRING, from};
    }
    return (who){it->kind == K_PERSON ? person_name(c, it) : it->name, c->doc->spans[it->span].ref, from};
}

/* An entity right after a preposition of place (and a "the"). */
/* Whether a list of names goes on at token t to its last, after "and" or
 * "or" ("..., Anuradhapura and Jaffna"), over commas and capitalised words:
 * "the Farm Bureau, whose members" ends none. */
static int list_goes_on(stance_ctx *c, uint32_t t, const char *const *joining)
{
    uint32_t end = c->sentence->first_token + c->sentence->token_count;
    for (uint32_t k = t; k + 1 < end && k - t < LIST_REACH; k++) {
        if (token_in(c, k, joining))
            return (tok(c, k + 1)->flags & TOKF_CAPITALIZED) != 0;
        if (!is_comma(c, k) && !(tok(c, k)->flags & TOKF_CAPITALIZED))
            return 0;
    }
    return 0;
}

/* Whether token t ends in "-ing" ("saying", "drawing"). */
static int is_participle_at(const stance_ctx *c, uint32_t t)
{
    const token *word = &c->doc->tokens.items[t];
    return word->end - word->start > 3 && !memcmp(c->doc->text.clean + word->end - 3, "ing", 3);
}

/* Whether the sentence opens with a phrase that runs, with no comma, to
 * token k: its first word a preposition or a participle ("At a summit in
 * Brussels", "Speaking to reporters in Ottawa"). */
static int opening_phrase_until(stance_ctx *c, uint32_t k)
{
    uint32_t first = c->sentence->first_token;
    static const char *const openers[] = {"at", "in", "on", "after", "before", "during", "from", "with", "under",
                                          "back", "out", "over", "across", "following", NULL};
    if (!token_in(c, first, openers) && !is_participle_at(c, first))
        return 0;
    for (uint32_t t = first + 1; t < k; t++)
        if (is_comma(c, t))
            return 0;
    return 1;
}

/* A preposition of place, or of a way through one ("marched through
 * Maebashi and Takasaki"). */
static int is_locative(stance_ctx *c, uint32_t t)
{
    return token_in(c, t, quote_locatives) || token_in(c, t, (const char *const[]){"on", "through", "into", NULL});
}

/* Whether the sentence opens with a place or time phrase ("In the Alto
 * Valle of Rio Negro, where ...,", "During talks with Japan,") that holds
 * item it, while another name opens the clause of token verb right after
 * the last comma before it: what the phrase names is where or when, not
 * who acts ("On Monday France, the largest producer, welcomed" keeps
 * France). */
static int in_opening_phrase(stance_ctx *c, const item *it, uint32_t verb)
{
    static const char *const openers[] = {"in", "at", "on", "during", "from", "under", NULL};
    uint32_t first = c->sentence->first_token;
    if (!token_in(c, first, openers) || !opening_phrase_until(c, it->first))
        return 0;
    uint32_t comma = verb;
    while (comma > it->last + 1 && !is_comma(c, comma - 1))
        comma--;
    if (comma == it->last + 1)
        return 0;
    comma--; /* the last comma before the verb */
    uint32_t subject = comma + 1 + (comma + 1 < verb && token_in(c, comma + 1, (const char *const[]){"the", NULL}));
    for (const item *other = it + 1; other < c->items + c->item_count && other->first <= subject; other++)
        if (other->first == subject && is_holder(other) && other->kind != K_GROUP)
            return 1;
    return 0;
}

static int after_locative(stance_ctx *c, const item *it)
{
    uint32_t t = it->first, first = c->sentence->first_token;
    if (t > first + 1 && token_in(c, t - 1, (const char *const[]){"the", NULL}))
        t--; /* "the Chinese Chamber of Commerce to the EU said" */
    /* "marched through central Maebashi", "drove into the centre of
     * Latina" */
    static const char *const parts[] = {"central", "northern", "southern", "eastern", "western", "downtown", NULL};
    static const char *const part_nouns[] = {"centre", "center", "heart", "outskirts", "streets", NULL};
    if (t > first + 1 && token_in(c, t - 1, parts))
        t--;
    else if (t > first + 3 && token_in(c, t - 1, (const char *const[]){"of", NULL}) && token_in(c, t - 2, part_nouns) &&
             token_in(c, t - 3, (const char *const[]){"the", NULL}))
        t -= 3;
    if (t > first && is_locative(c, t - 1))
        return 1; /* "Growers on Bolivia's southern Altiplano said" */
    /* "Exporters in Vietnam and Thailand welcomed ...", "Growers in
     * Matale, Anuradhapura and Jaffna had lobbied": the names of a list
     * after a locative, which follows a noun ("In Brussels, France and
     * Germany welcomed" opens the sentence with a place of its own) */
    const char *const joining[] = {"and", "or", NULL};
    if (t <= first + 1 || (is_comma(c, t - 1) && !list_goes_on(c, it->last + 1, joining)))
        return 0;
    int joined = 0, comma = 0;
    uint32_t k = t - 1;
    for (; k > first && t - k <= LIST_REACH; k--) {
        if (is_comma(c, k) || token_in(c, k, joining)) {
            joined = 1;
            comma |= is_comma(c, k);
        } else if (!(tok(c, k)->flags & TOKF_CAPITALIZED))
            break;
    }
    if (!joined || k <= first || t - k > LIST_REACH || !is_locative(c, k))
        return 0;
    /* "At a summit in Brussels, France and Germany rejected": the comma
     * closes a phrase the sentence opens with, and the list is its subject */
    return !comma || !opening_phrase_until(c, k);
}

/* "The Fresh Produce Importers Council, a Washington trade group, said":
 * a place or people right after ", a" (or "an", "the") that follows a
 * person or organisation describes that one, and speaks for no one. */
static int describes_name_before(stance_ctx *c, const item *it)
{
    uint32_t t = it->first, first = c->sentence->first_token;
    if (it == c->items || t < first + 3 || it->kind == K_PERSON || it->kind == K_ORG ||
        !token_in(c, t - 1, (const char *const[]){"a", "an", "the", NULL}) || !is_comma(c, t - 2))
        return 0;
    const item *before = it - 1;
    return before->last + 3 == t && (before->kind == K_PERSON || before->kind == K_ORG);
}

/* An entity followed by "'s": a possessive, which qualifies what follows it. */
static int possessive(stance_ctx *c, const item *it)
{
    return it->last + 1 < c->sentence->first_token + c->sentence->token_count &&
           tok(c, it->last + 1)->kind == TOK_CLITIC;
}

/* Whether tokens [from, to) hold a subject of their own: a word that is
 * not an auxiliary, a copula, a negator or an adverb ("but would not
 * accept", "but firmly rejected", "but were glad of it" have none). */
static int subject_after(const stance_ctx *c, uint32_t from, uint32_t to)
{
    for (uint32_t t = from; t < to; t++) {
        const token *w = tok(c, t);
        size_t n = w->end - w->start;
        int adverb = n > 2 && !memcmp(c->doc->text.clean + w->end - 2, "ly", 2);
        if (!token_in(c, t, auxiliaries) && !token_in(c, t, copulas) && !adverb)
            return 1;
    }
    return 0;
}

/* Words that open a clause after "that", not a noun phrase "that" points
 * to: "accept that its measures ...", "said that the duties ...". */
static const char *const clause_openers[] = {"its", "the", "his", "her", "their", "our", "my", "a", "an", "it",
                                             "they", "he", "she", "we", "i", "there", "this", "these", "those",
                                             NULL};

/* Whether token t is "that" opening a clause (clause_openers after it),
 * with the clause's first word before token end. */
static int that_clause_at(const stance_ctx *c, uint32_t t, uint32_t end)
{
    return t + 1 < end && token_in(c, t, (const char *const[]){"that", NULL}) && token_in(c, t + 1, clause_openers);
}

/* Where the clause of the cue items[k] starts for its holder: after a
 * dateline, and after the last ";", "while" or "whereas" before the cue,
 * or a _CONTRAST with words of its own before the cue, which start a clause
 * with a subject of its own ("...; shipping firms welcomed ...", "... but
 * opposition parties signalled support"; not "... but rejected"). */
static uint32_t act_start(const stance_ctx *c, const item *items, size_t k)
{
    const item *cue = &items[k];
    int comma_between = 0;
    for (uint32_t t = cue->first; t-- > c->sentence->first_token;) {
        const token *w = tok(c, t);
        if (w->start < c->body_start)
            break;
        /* "voted against the schedule when Parliament's committee approved
         * it": the clause "when" opens has its own subject, up to a comma
         * ("at a time when governments are pushing ..., and urged ...") */
        if ((w->kind == TOK_PUNCT && c->doc->text.clean[w->start] == ';') ||
            token_in(c, t, (const char *const[]){"while", "whereas", NULL}) ||
            (!comma_between && token_in(c, t, (const char *const[]){"when", NULL})))
            return w->end;
        /* "Pakistan sets 18% duty on peroxide, textile mills protest": a
         * headline's comma opens a clause with a subject of its own ("...,
         * vows to defend growers" goes on with the one before) */
        if (!comma_between && is_comma(c, t) && subject_after(c, t + 1, cue->first) &&
            !token_in(c, cue->first - 1, (const char *const[]){"to", NULL}) &&
            element_at(c->doc, w->start, LE_HEADLINE))
            return w->end;
        comma_between |= is_comma(c, t);
    }
    for (size_t i = k; i-- > 0;) {
        if (items[i].kind != K_CONTRAST || items[i].end > cue->start || items[i].start < c->body_start)
            continue;
        /* "said she understood ..., but that the duty would ...": "that"
         * goes on with what the speaker said */
        uint32_t next = items[i].last + 1;
        if (that_clause_at(c, next, cue->first))
            return c->body_start;
        return subject_after(c, next, cue->first) ? items[i].end : c->body_start;
    }
    return c->body_start;
}

/* Among holder candidates, a PERSON wins, then one that is not a possessive
 * ("Keidanren, Japan's biggest business lobby, said" is Keidanren's), then
 * the later one. */
static int speaker_rank(stance_ctx *c, const item *it)
{
    if (it->kind == K_PERSON)
        return 2;
    /* "Nordfarm Cooperative, a Danish processor, said": the nationality
     * only describes the speaker named before it */
    int described = it->kind == K_NORP && it->first > c->sentence->first_token &&
                    token_in(c, it->first - 1, (const char *const[]){"a", "an", NULL});
    return possessive(c, it) || it->kind == K_GROUP || described ? 0 : 1;
}

/* Whether a possessive holder only says whose the organisation named
 * right after it is ("Chile's National Mining Workers' Confederation",
 * "China's Ministry of Commerce": the ministry speaks). */
static int owns_next_body(stance_ctx *c, const item *it)
{
    if (!possessive(c, it) || it + 1 >= c->items + c->item_count || it[1].kind != K_ORG || it[1].first != it->last + 2)
        return 0;
    return 1;
}

/* Among the holders before an act, the first wins, unless a PERSON comes
 * later ("France's Claire Duvernoy welcomed ...") or the first is a group
 * and an entity comes later ("Steelmakers and the ministry rejected ..."),
 * or it owns the organisation after it (owns_next_body), or it owns
 * something else and an entity comes later ("In Quebec, home to half of
 * Canada's dairy farms, the producers' union urged ..."). */
static int subject_rank(stance_ctx *c, const item *it)
{
    if (it->kind == K_PERSON)
        return 3;
    if (it->kind == K_GROUP || owns_next_body(c, it))
        return 0;
    int owns_next = it + 1 < c->items + c->item_count && it[1].kind == K_ORG && it[1].first == it->last + 2;
    return possessive(c, it) && !owns_next ? 1 : 2;
}

static const item *better_speaker(stance_ctx *c, const item *best, const item *candidate)
{
    return !best || speaker_rank(c, candidate) >= speaker_rank(c, best) ? candidate : best;
}

/* "he", "she" at token t stands for the last PERSON named before the sentence. */
static const item *pronoun_person(stance_ctx *c, const item *items, uint32_t t)
{
    if (!token_in(c, t, quote_pronouns))
        return NULL;
    const item *at = items; /* the first item from the pronoun on */
    while (at < c->items + c->item_count && at->start < tok(c, t)->start)
        at++;
    for (const item *i = at; i-- > c->items && at - i <= PRONOUN_LOOKBACK;)
        if (i->kind == K_PERSON)
            return i;
    return NULL;
}

/* "It" opening a sentence after one that opens with an organisation ("The
 * Franca Footwear Industry Union represents 400 factories. It welcomed the
 * deal."), or names it first as the agent of a passive ("was brought by
 * the Coalition"), stands for that organisation. */
static const item *pronoun_organisation(stance_ctx *c, uint32_t t)
{
    const segment *before = c->previous;
    if (!before || !c->previous_count || !token_in(c, t, (const char *const[]){"it", NULL}) ||
        tok(c, t)->start > c->body_start)
        return NULL;
    const item *opening = NULL;
    for (const item *i = c->previous_items, *end = i + c->previous_count; i < end && !opening; i++)
        if (is_entity(i->kind) && !is_tariff(i->kind))
            opening = i;
    uint32_t first = before->first_token;
    if (!opening || opening->kind != K_ORG)
        return NULL;
    uint32_t at = opening->first;
    if (at > first && token_in(c, at - 1, (const char *const[]){"the", NULL}))
        at--;
    /* "The petition was brought by the Southern Fresh Vegetable Coalition
     * ... It welcomed the decision.": the agent of a passive is its subject */
    if (at > first + 1 && token_in(c, at - 1, (const char *const[]){"by", NULL}) &&
        token_in(c, at - 2, (const char *const[]){"brought", "filed", "lodged", "led", "made", NULL}))
        return opening;
    return at == first ? opening : NULL;
}

/* Whether the title that starts at offset title, before person, holds the
 * words of tokens [first, last]. */
static int title_holds(stance_ctx *c, uint32_t title, const item *person, uint32_t first, uint32_t last)
{
    for (uint32_t t = first; t <= last; t++) {
        const token *w = tok(c, t);
        char word[32];
        size_t n = w->end - w->start < sizeof word - 1 ? w->end - w->start : sizeof word - 1;
        memcpy(word, c->doc->text.clean + w->start, n);
        word[n] = '\0';
        if (!quote_text_has_word(c->doc->text.clean + title, person->start - title, word))
            return 0;
    }
    return 1;
}

/* The person "the minister" (the title words of tokens [first, last])
 * stands for: going back from at over at most TITLE_LOOKBACK people, the
 * first who was introduced with a title holding those words ("Agriculture
 * Minister Hiroshi Tanabe ... Tanabe rejected ... welcomed the minister's
 * remarks" is Tanabe, though another minister was named in between). */
static const item *titled_person_before(stance_ctx *c, uint32_t at, uint32_t first, uint32_t last)
{
    size_t lo = 0, hi = c->titled_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->items[c->titled[mid].person].end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t titled_end = lo;
    lo = 0; /* the items before at */
    hi = c->item_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->items[mid].start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    int people = 0;
    for (size_t i = lo; i-- > 0 && people < TITLE_LOOKBACK;) {
        const item *p = &c->items[i];
        if (p->kind != K_PERSON || p->end > at)
            continue;
        people++;
        uint32_t name = p->name;
        for (size_t t = titled_end; t-- > 0 && titled_end - t <= TITLE_LOOKBACK;) {
            const item *person = &c->items[c->titled[t].person];
            uint32_t title = c->titled[t].title_start;
            if (title_holds(c, title, person, first, last) && same_name(c, person, name))
                return p;
        }
    }
    return NULL;
}

/* "Iowa governor slams ..." in a headline: the person the article
 * introduces with the title noun right after the place (title_holds),
 * wherever; NULL when none or when no such noun follows. */
static const item *place_titled_person(stance_ctx *c, const item *place)
{
    uint32_t t = place->last + 1;
    if (place->kind != K_GPE || t >= c->sentence->first_token + c->sentence->token_count ||
        !(tok(c, t)->flags & TOKF_LOWER) || !token_in_set(c, t, &title_noun_set) ||
        !element_at(c->doc, place->start, LE_HEADLINE))
        return NULL;
    for (size_t k = 0; k < c->titled_count; k++) {
        const item *person = &c->items[c->titled[k].person];
        if (title_holds(c, c->titled[k].title_start, person, t, t))
            return person;
    }
    return NULL;
}

/* The person the title noun at token t stands for (titled_person_before),
 * or NULL when t is no title noun. A title a place owns names its own
 * holder: "New Zealand's prime minister" is no trade minister named
 * before, so the word before its noun must be in that person's title too
 * ("Seoul's top trade negotiator" may be a chief trade negotiator). */
static const item *title_noun_person(stance_ctx *c, uint32_t t, uint32_t at)
{
    if (!token_in_set(c, t, &title_noun_set))
        return NULL;
    uint32_t first = t;
    while (first > c->sentence->first_token && t - first < PHRASE_WORDS && tok(c, first - 1)->kind == TOK_WORD &&
           (tok(c, first - 1)->flags & TOKF_LOWER))
        first--;
    /* "a government spokesman said": someone not named before */
    if (first < t && token_in(c, first, (const char *const[]){"a", "an", "another", NULL}))
        return NULL;
    int place_owned = first < t && first > c->sentence->first_token && tok(c, first - 1)->kind == TOK_CLITIC;
    return titled_person_before(c, at, place_owned ? t - 1 : t, t);
}

/* Head nouns by which a text refers back to an organisation it named: "the
 * union" for the National Farmers Union. */
static const char *const org_heads[] = {"union", "council", "association", "federation", "chamber", "coalition",
                                        "commission", "ministry", "department", "agency", "bank", "company",
                                        "group", "institute", "alliance", "committee", "board", "party", "firm",
                                        "organisation", "organization", "lobby", "authority", "court",
                                        "tribunal", "bureau", "directorate", "trust", "cooperative",
                                        "co-operative", "consortium", "forum", "network", "guild", "league",
                                        "society", "syndicate", "confederation", "club", NULL};
/* Head nouns any organisation may go by: "the group" after the Indian Drug
 * Exporters' Association, "the company" after Huaxin New Energy Co., Ltd. */
static const char *const generic_org_heads[] = {"group", "company", "firm", "organisation", "organization", "lobby",
                                                NULL};

/* Token t, a word of the closed lists above, in lower case into out. */
static void lower_word(stance_ctx *c, uint32_t t, char *out, size_t cap)
{
    const token *w = tok(c, t);
    size_t n = 0;
    for (; n + 1 < cap && n < w->end - w->start; n++)
        out[n] = (char)tolower((unsigned char)c->doc->text.clean[w->start + n]);
    out[n] = '\0';
}

/* Whether token t is a lower-case noun of one who does a trade, after
 * "the" ("the distiller", "the exporter"): a firm named by what it does. */
static int the_trade_noun(stance_ctx *c, uint32_t t)
{
    const token *w = tok(c, t);
    const char *text = c->doc->text.clean + w->start;
    size_t n = w->end - w->start;
    return t > 0 && token_in(c, t - 1, (const char *const[]){"the", NULL}) && (w->flags & TOKF_LOWER) &&
           !token_in_set(c, t, &title_noun_set) &&
           w->kind == TOK_WORD && n >= 6 && n < 16 && (!memcmp(text + n - 2, "er", 2) || !memcmp(text + n - 2, "or", 2));
}

/* Whether the organisation it is a firm: its name holds a legal form
 * ("Glen Ardoch Distillers Ltd."), which no union or committee has. */
static int names_a_firm(const stance_ctx *c, const item *it)
{
    for (size_t i = 0; c->legal_form_type >= 0 && i < c->doc->span_count; i++) {
        const span *s = &c->doc->spans[i];
        if ((int)s->type == c->legal_form_type && s->start >= it->start && s->end <= it->end)
            return 1;
    }
    return 0;
}

/* Whether a word of the n bytes at text starts with noun (n_len bytes,
 * lower case), in any case: "distiller" in "Distillers". */
static int word_starts_with(const char *text, size_t n, const char *noun, size_t n_len)
{
    for (size_t at = 0; at + n_len <= n; at++)
        if ((at == 0 || text[at - 1] == ' ') && !strncasecmp(text + at, noun, n_len))
            return 1;
    return 0;
}

/* The organisation the head noun at token t stands for: the last ORG named
 * before offset at, within TITLE_LOOKBACK mentions, whose name holds the
 * noun, or any for a generic noun ("the group"); for the noun of a trade,
 * the last firm whose name has a word starting with it ("the distiller" of
 * Glen Ardoch Distillers Ltd., not "the farmer" of a farmers' union). */
static const item *org_head_referent(stance_ctx *c, uint32_t t, uint32_t at)
{
    int trade = 0;
    if (!token_in_set(c, t, &org_head_set) && !(trade = the_trade_noun(c, t)))
        return NULL;
    char noun[16];
    lower_word(c, t, noun, sizeof noun);
    int generic = token_in(c, t, generic_org_heads), seen = 0;
    for (const item *i = c->items + c->item_count; i-- > c->items && seen < TITLE_LOOKBACK;) {
        if (i->kind != K_ORG || i->end > at)
            continue;
        seen++;
        const char *name = c->doc->text.clean + i->start;
        if (trade ? word_starts_with(name, i->end - i->start, noun, strlen(noun)) && names_a_firm(c, i)
                  : generic || quote_text_has_word(name, i->end - i->start, noun))
            return i;
    }
    return NULL;
}

/* "Britain's largest livestock union called for ...": a place's
 * possessive before a body that is no government ("union", "council",
 * "farmers") is not who acts; the body is. Returns the token of the body's
 * head noun, before token end, or UINT32_MAX. */
static uint32_t possessed_body(stance_ctx *c, const item *it, uint32_t end)
{
    if (!possessive(c, it))
        return UINT32_MAX;
    for (uint32_t t = it->last + 2; t < end && t <= it->last + 2 + PHRASE_WORDS; t++) {
        if (!phrase_word(c, t))
            return UINT32_MAX;
        if (token_in(c, t, government_nouns))
            return UINT32_MAX;
        if (token_in(c, t, org_heads) || token_in(c, t, generic_org_heads))
            return t;
    }
    return UINT32_MAX;
}

/* The organisation named in the sentence after the current one whose name
 * holds the head noun at token t ("Britain's largest livestock union ... The
 * British Livestock Farmers' Union (BLFU) said"), or NULL. */
static const item *org_named_next(stance_ctx *c, uint32_t t)
{
    const segment_list *sentences = &c->doc->sentences;
    size_t next = (size_t)(c->sentence - sentences->items) + 1;
    if (next >= sentences->count)
        return NULL;
    char noun[16];
    lower_word(c, t, noun, sizeof noun);
    /* the first item of the next sentence */
    size_t lo = COUNT_BEFORE(c->items, c->item_count, start, sentences->items[next].start);
    for (const item *i = c->items + lo; i < c->items + c->item_count && i->start < sentences->items[next].end; i++)
        if (i->kind == K_ORG &&
            quote_text_has_word(c->doc->text.clean + i->start, i->end - i->start, noun))
            return i;
    return NULL;
}

/* Who the words opening a clause at token t refer back to: "he", "she"
 * (pronoun_person), "the minister" (the person with that title), "the
 * union" (the organisation with that head noun). */
static const item *referent_at(stance_ctx *c, const item *items, uint32_t t, uint32_t at)
{
    const item *he = pronoun_person(c, items, t);
    if (he)
        return he;
    const item *it = pronoun_organisation(c, t);
    if (it)
        return it;
    if (token_in(c, t, (const char *const[]){"the", NULL}))
        t++;
    if (t >= c->sentence->first_token + c->sentence->token_count)
        return NULL;
    const item *person = title_noun_person(c, t, at);
    return person ? person : org_head_referent(c, t, at);
}


/* Whether the verb item ends in "-ing" ("saying", "calling"). */
static int is_participle(const stance_ctx *c, const item *verb)
{
    return is_participle_at(c, verb->last);
}

/* Whether a person or an organisation ends right before token t. */
static int names_org_or_person_before(const stance_ctx *c, uint32_t t)
{
    for (const item *i = c->items, *end = i + c->item_count; i < end && i->first < t; i++)
        if (i->last + 1 == t && (i->kind == K_PERSON || i->kind == K_ORG))
            return 1;
    return 0;
}

/* Whether it lies in a relative clause set off by commas before the verb
 * ("the council, whose members ship clothing from Baltimore and Houston,
 * warned"): what it names does not speak. */
static int in_relative_clause(stance_ctx *c, const item *it, const item *verb)
{
    int closed = 0;
    for (uint32_t t = it->last + 1; t < verb->first && !closed; t++)
        closed = c->doc->text.clean[tok(c, t)->start] == ',';
    if (!closed)
        return 0;
    for (uint32_t t = it->first; t-- > c->sentence->first_token + 1;) {
        /* "Conservas Ribamar, S.A., a Matosinhos company that sells to
         * Lisbon, said": a place in what describes the name before is no
         * speaker */
        if (c->doc->text.clean[tok(c, t)->start] == ',' && token_in(c, t + 1, (const char *const[]){"a", "an", NULL}))
            return names_org_or_person_before(c, t);
        /* a comma of a list of names inside the clause ("mills in
         * Coahuila, Nuevo Leon and Michoacan") does not end it */
        if (c->doc->text.clean[tok(c, t)->start] == ',' &&
            (tok(c, t + 1)->kind != TOK_WORD || (tok(c, t + 1)->flags & TOKF_LOWER)))
            return 0;
        if (token_in(c, t, (const char *const[]){"whose", "which", "who", "where", NULL}))
            return c->doc->text.clean[tok(c, t - 1)->start] == ',';
    }
    return 0;
}

/* Whether it is a nationality used as an adjective ("the Colombian
 * duties"): it names no one who speaks ("the Japanese government" does). */
static int adjectival_norp(stance_ctx *c, const item *it)
{
    uint32_t next = it->last + 1;
    return it->kind == K_NORP && next < c->sentence->first_token + c->sentence->token_count &&
           tok(c, next)->kind == TOK_WORD && (tok(c, next)->flags & TOKF_LOWER) &&
           !token_in_set(c, next, &government_noun_set) && !token_in_set(c, next, &org_head_set);
}

static int is_quote_mark(stance_ctx *c, uint32_t t)
{
    const token *w = tok(c, t);
    const char *s = c->doc->text.clean + w->start;
    size_t n = w->end - w->start;
    return w->kind == TOK_PUNCT && ((n == 1 && (*s == '"' || *s == '\'')) ||
                                    (n == 3 && (!memcmp(s, "\xe2\x80\x9c", 3) || !memcmp(s, "\xe2\x80\x98", 3))));
}

/* The subject a sentence opens with, before verb, where it is plain: the
 * name after capitalised words only (a title: "Senator Ngozi Uche-Ahmadu,
 * ..., opposed"), or the person a place's or firm's title names right
 * after it ("Ontario premier Doug Ford"), but no possessor; the name right
 * before a speech verb that ends just before the participle ("..., Minister
 * X said on Wednesday, calling it ..."); the person "He" or "She" stands
 * for; the body "the union" stands for when a verb or a relative clause
 * follows it. NULL: not plain (an opening word or phrase, a quotation);
 * *pronoun is set when the sentence opens with "He" or "She", and then no
 * one named later in it speaks ("He had little patience for Beijing,
 * calling its duties ..." is not Beijing's). */
static const item *opening_subject(stance_ctx *c, const item *items, const item *verb, int *pronoun)
{
    uint32_t first = c->sentence->first_token;
    *pronoun = 0;
    for (const item *i = items; i < verb; i++)
        if (i->kind == K_SPEECH && i->first > first + 1 && i->last + 1 < verb->first &&
            verb->first - 1 - i->last <= SPEECH_TO_PARTICIPLE) {
            for (const item *j = items; j < i; j++)
                if (j->last + 1 == i->first && is_holder(j) && j->kind != K_GROUP && !after_locative(c, j))
                    return j;
        }
    /* a quotation opens with someone else's words; a clause of time, cause
     * or contrast with someone else's deeds, and the subject opens the
     * clause after it ("When Seoul raised its tariffs, Kelvar Motors cut
     * output, calling ...") */
    static const char *const subordinators[] = {"when", "while", "as", "since", "after", "before", "although",
                                                "though", "because", "if", "unless", "once", "until", "like",
                                                "unlike", NULL};
    if (is_quote_mark(c, first))
        return NULL;
    if (token_in(c, first, subordinators)) { /* the main clause after its comma */
        while (first < verb->first && !is_comma(c, first))
            first++;
        if (++first >= verb->first - 1)
            return NULL;
    }
    *pronoun = token_in(c, first, (const char *const[]){"he", "she", NULL});
    if (*pronoun)
        return pronoun_person(c, items, first);
    if (token_in(c, first, (const char *const[]){"the", NULL}) && token_in_set(c, first + 1, &org_head_set) &&
        (tok(c, first + 1)->flags & TOKF_LOWER)) {
        uint32_t next = first + 2;
        int relative = next + 1 < verb->first && is_comma(c, next) &&
                       token_in(c, next + 1, (const char *const[]){"which", "who", "whose", NULL});
        int verb_next = next < verb->first && (tok(c, next)->flags & TOKF_LOWER) && !token_in_set(c, next, &org_head_set);
        const item *body = relative || verb_next ? org_head_referent(c, first + 1, tok(c, first)->start) : NULL;
        if (body)
            return body;
    }
    for (const item *i = items; i < verb; i++) {
        if (!is_holder(i) || i->first < first)
            continue;
        for (uint32_t t = first; t < i->first; t++)
            if (!(tok(c, t)->flags & TOKF_CAPITALIZED) && !token_in(c, t, (const char *const[]){"the", NULL}))
                return NULL;
        for (const item *j = i + 1; i->kind != K_PERSON && j < verb; j++)
            if (j->kind == K_PERSON) {
                uint32_t t = i->last + 1;
                while (t < j->first && ((tok(c, t)->flags & TOKF_CAPITALIZED) || token_in_set(c, t, &title_noun_set) ||
                                        token_in(c, t, (const char *const[]){"chief", "executive", NULL})))
                    t++;
                if (t == j->first)
                    return j;
                break;
            }
        return i->kind != K_GROUP && !possessive(c, i) ? i : NULL;
    }
    return NULL;
}

/* Where the verb before "and" starts when token t, at or before the verb
 * item verb, comes right after that "and" and the earlier verb is in the
 * same clause ("Fontain criticised Berthelsen ... and said") or the later
 * one's has no subject (", and said"); UINT32_MAX otherwise. The names
 * after that earlier verb are its objects. */
static uint32_t verb_before_and(stance_ctx *c, const item *items, const item *verb, uint32_t t)
{
    if (t <= c->sentence->first_token || !token_in(c, t - 1, (const char *const[]){"and", NULL}))
        return UINT32_MAX;
    /* ", and praised ...": a clause that opens with the verb has no
     * subject of its own, and shares that of the clause before the comma
     * (not "After Brussels criticised the levy, Ann Lee met officials, and
     * praised ...") */
    uint32_t clause = t >= c->sentence->first_token + 3 && is_comma(c, t - 2) ? clause_of(c, t - 3)
                                                                             : clause_of(c, verb->first);
    for (const item *i = verb; i-- > items && i->start >= c->sentence->start;)
        if ((i->kind == K_FAVOR || i->kind == K_AGAINST || i->kind == K_SPEECH || i->kind == K_CALLING) &&
            !in_relative_clause(c, i, verb))
            /* else in the verb's own clause only: "Fontain criticised the
             * levy, but Berthelsen shrugged and said ..." */
            return clause_of(c, i->first) == clause ? i->start : UINT32_MAX;
    return UINT32_MAX;
}

/* The speaker of the speech verb among the sentence's items: the last
 * PERSON before it, else the last ORG, GPE or NORP; or a pronoun right
 * before it ("He added that ..."), or the title or pronoun opening the
 * sentence when the verb goes on after "and" ("The minister called the
 * duties ... and said ..."). */
static const item *speaker_of(stance_ctx *c, const item *items, size_t count, const item *verb)
{
    /* as a question or an inversion a verb opening its sentence has no
     * speaker ("Said Fournier: ..." is rare), but "According to the
     * chamber, ..." has one after it */
    int opens = verb->first == c->sentence->first_token;
    if (opens && !token_in(c, verb->first, (const char *const[]){"according", NULL}))
        return NULL;
    /* "..., the minister said": the person the title noun stands for; "...,
     * the distiller said": the organisation its noun stands for */
    if (!opens && (tok(c, verb->first - 1)->flags & TOKF_LOWER)) {
        const item *person = title_noun_person(c, verb->first - 1, verb->start);
        if (person)
            return person;
        const item *body = verb->first > 1 && token_in(c, verb->first - 2, (const char *const[]){"the", NULL})
                               ? org_head_referent(c, verb->first - 1, verb->start)
                               : NULL;
        if (body)
            return body;
    }
    /* the verb's own clause first: "..., Seoul's negotiator said" */
    uint32_t clause = clause_of(c, verb->first);
    /* "The union urged Bucharest to drop the scheme, calling it ...": a
     * participle after a comma speaks for the subject its sentence opens
     * with, not for the object named nearer it; where the opening is less
     * plain, the first of the names that rank alike */
    int pronoun = 0, subject_first = !opens && is_participle(c, verb) && is_comma(c, verb->first - 1);
    if (subject_first) {
        const item *subject = opening_subject(c, items, verb, &pronoun);
        if (subject || pronoun)
            return subject;
    }
    /* "Fontain criticised Berthelsen for rushing it and said the levy ...":
     * a verb after "and" shares the subject of the verb before it, so the
     * names after that verb, its objects, do not speak; unless no one
     * comes before it */
    uint32_t objects_from = verb_before_and(c, items, verb, verb->first);
    const item *best = NULL, *in_clause = NULL;
    for (int pass = objects_from == UINT32_MAX; pass < 2 && !best; pass++)
        for (const item *i = items; i < verb; i++)
            if (is_holder(i) && i->end <= verb->start && i->start >= c->body_start && !after_locative(c, i) &&
                (pass || i->end <= objects_from) && !in_opening_phrase(c, i, verb->first) &&
                !in_relative_clause(c, i, verb) && !adjectival_norp(c, i) && !describes_name_before(c, i)) {
                best = subject_first && best && speaker_rank(c, i) <= speaker_rank(c, best)
                           ? best
                           : better_speaker(c, best, i);
                if (clause_of(c, i->first) == clause)
                    in_clause = better_speaker(c, in_clause, i);
            }
    if (in_clause || best)
        return in_clause ? in_clause : best;
    /* "According to the ministry, ...": a verb opening its clause, with no
     * one named before it, has its speaker after it */
    if (opens || clause_of(c, verb->first - 1) != clause) {
        const item *after = NULL;
        for (const item *i = verb + 1; i < items + count && i->first <= verb->last + SPEAKER_WINDOW; i++)
            if (is_holder(i) && i->start >= verb->end && clause_of(c, i->first) == clause)
                after = better_speaker(c, after, i);
        return after;
    }
    if (token_in(c, verb->first - 1, (const char *const[]){"and", NULL}))
        return referent_at(c, items, c->sentence->first_token, verb->start);
    return referent_at(c, items, verb->first - 1, verb->start);
}

/* Reported speech: the speaker of the last speech or calling verb before
 * the cue items[k] ("Akazawa said Japan's position ... not acceptable")
 * from token from on, the cue's act_start. */
/* Whether token t is in a relative clause set off by commas that token
 * end lies beyond: "The council, whose members have announced new plants,
 * endorsed ...", "Albright, the Ohio Republican who wrote the bill,
 * praised ...". */
static int in_relative_insertion(stance_ctx *c, uint32_t t, uint32_t end)
{
    uint32_t clause = clause_of(c, t), first = c->sentence->first_token;
    if (clause == UINT32_MAX || clause_of(c, end) == clause)
        return 0;
    int relative = 0;
    while (t > first && clause_of(c, t - 1) == clause)
        relative |= token_in(c, --t, (const char *const[]){"who", "whose", "which", NULL});
    return relative && t > first && is_comma(c, t - 1);
}

/* "rejected the idea that the truce was one-sided", "denied claims that
 * the duties were unfair": the token of the denying verb when the cue lies
 * in a "that" clause after such a verb and a noun for a claim, within
 * DENIAL_REACH tokens; else UINT32_MAX. */
#define DENIAL_REACH 4
static uint32_t denied_claim_verb(stance_ctx *c, const item *cue)
{
    static const char *const claim_nouns[] = {"idea", "claim", "claims", "suggestion", "suggestions", "notion",
                                              "accusation", "accusations", "charge", "charges", "allegation",
                                              "allegations", "view", "argument", "arguments", "assertion",
                                              "criticism", "reports", NULL};
    static const char *const denying[] = {"reject", "rejects", "rejected", "rejecting", "deny", "denies", "denied",
                                          "denying", "dismiss", "dismisses", "dismissed", "dismissing", "refute",
                                          "refuted", "disputed", "disputes", "rebuffed", "brushed", NULL};
    uint32_t first = c->sentence->first_token;
    for (uint32_t t = cue->first; t-- > first + 1;) {
        if (!token_in(c, t, (const char *const[]){"that", NULL}))
            continue;
        if (!token_in(c, t - 1, claim_nouns))
            return UINT32_MAX;
        for (uint32_t v = t - 1; v-- > first && v + DENIAL_REACH >= t;)
            if (token_in(c, v, denying))
                return v;
        return UINT32_MAX;
    }
    return UINT32_MAX;
}

/* "Maranhão said it right, this deal is a betrayal": a speech verb whose
 * object is "it" and a word of manner reports nothing after it. */
static int says_it_so(stance_ctx *c, uint32_t verb_last)
{
    uint32_t end = c->sentence->first_token + c->sentence->token_count;
    return verb_last + 2 < end && token_in(c, verb_last + 1, (const char *const[]){"it", NULL}) &&
           token_in(c, verb_last + 2, (const char *const[]){"right", "best", "well", "all", "perfectly", "plainly",
                                                            "correctly", "clearly", NULL});
}

static const item *speaker_before(stance_ctx *c, const item *items, size_t count, size_t k, uint32_t from)
{
    const item *verb = NULL;
    int evaluation = cue_kinds[items[k].kind].subject; /* "called the tariff unfair" */
    for (size_t i = 0; i < k; i++)
        if ((items[i].kind == K_SPEECH || (items[i].kind == K_CALLING && evaluation)) && items[i].start >= from &&
            items[i].end <= items[k].start && !in_relative_insertion(c, items[i].first, items[k].first) &&
            !says_it_so(c, items[i].last))
            verb = &items[i];
    return verb ? speaker_of(c, items, count, verb) : NULL;
}

/* "... until Washington removes its duties, Fournier said": the speaker of
 * the first speech verb after the cue items[k], in a clause of its own:
 * the last PERSON (else ORG, GPE or NORP) of the verb's clause within
 * SPEAKER_WINDOW tokens before it, a pronoun right before it, or a PERSON
 * or ORG right after it ("..., according to the Indian Drug Exporters'
 * Association"; not "... and said American growers ..."). */
static const item *speaker_after(stance_ctx *c, const item *items, size_t count, size_t k)
{
    const item *cue = &items[k], *verb = NULL;
    for (size_t i = k + 1; i < count && !verb; i++)
        if (items[i].kind == K_SPEECH && items[i].start >= cue->end)
            verb = &items[i];
    if (!verb || clause_of(c, verb->first) == clause_of(c, cue->last) || clause_of(c, verb->first) == UINT32_MAX)
        return NULL;
    uint32_t clause = clause_of(c, verb->first);
    const item *best = NULL;
    /* not a place where it is said: "... and nobody in brussels say a word" */
    for (const item *i = cue + 1; i < verb; i++)
        if (is_holder(i) && i->start >= cue->end && i->end <= verb->start &&
            clause_of(c, i->first) == clause && i->last + SPEAKER_WINDOW >= verb->first && !after_locative(c, i))
            best = better_speaker(c, best, i);
    /* "opposed any fresh retaliation, which Ortega said would ...": the
     * speaker of a relative clause speaks for that clause only; "..., whatever
     * the BTMC says" concedes what someone says without saying it */
    if (best && best->first > 0 &&
        (token_in(c, best->first - 1, (const char *const[]){"which", "who", "whom", NULL}) ||
         (best->first > 1 && token_in(c, best->first - 2, (const char *const[]){"whatever", NULL}))))
        return NULL;
    /* "criticised the proposal as "a gift to importers", while Deputy
     * Minister Vu Thi Hong Nhung said ...": a clause opened by a
     * conjunction of its own says what its speaker said, not the cue */
    uint32_t opening = verb->first;
    while (opening > cue->last + 1 && clause_of(c, opening - 1) == clause)
        opening--;
    if (token_in(c, opening, (const char *const[]){"while", "whereas", "although", "though", "and", NULL}) ||
        token_in(c, opening - 1, (const char *const[]){"but", "yet", NULL})) /* a contrast word is no clause's */
        return NULL;
    /* "... asked the council to scrap it, a request Almonte said he would
     * not consider": an apposition naming the act answers it, and its
     * speaker holds no stance of the act's */
    static const char *const act_nouns[] = {"request", "demand", "call", "proposal", "suggestion", "claim",
                                            "charge", "move", "step", "plea", NULL};
    if (token_in(c, opening, (const char *const[]){"a", "an", NULL}) && opening + 1 < verb->first &&
        token_in(c, opening + 1, act_nouns))
        return NULL;
    if (best)
        return best;
    const item *referent = referent_at(c, items, verb->first - 1, verb->start);
    if (referent)
        return referent;
    /* "defended the deal, saying EU exports could grow": a participle
     * speaks for the subject before it, and names no speaker after it */
    if (is_participle(c, verb))
        return NULL;
    for (const item *i = verb + 1; i < items + count && i->first <= verb->last + 2; i++)
        if ((i->kind == K_PERSON || i->kind == K_ORG) && i->start >= verb->end)
            return i;
    return NULL;
}

/* Who owns a cue that is a noun: "Russia's backing for Lukashenko" (the
 * entity before "'s"), "his support for" (the last PERSON before it in the
 * sentence), "its support of" (the last ORG, GPE or NORP). NULL when the
 * cue has no possessor, or none is named. */
static const item *possessor(stance_ctx *c, const item *items, size_t k)
{
    const item *cue = &items[k];
    if (cue->first <= c->sentence->first_token)
        return NULL;
    uint32_t before = cue->first - 1;
    int clitic = tok(c, before)->kind == TOK_CLITIC;
    int person = token_in(c, before, (const char *const[]){"his", "her", NULL});
    if (!clitic && !person && !token_in(c, before, possessives))
        return NULL;
    for (size_t i = k; i-- > 0;) {
        const item *it = &items[i];
        if (!is_holder(it) || it->end > tok(c, before)->start)
            continue;
        if (clitic)
            return it->last + 1 == before ? it : NULL;
        if (person ? it->kind == K_PERSON : it->kind != K_PERSON && it->kind != K_GROUP)
            return it;
    }
    return NULL;
}

/* "after her union cheered the deal": an act whose clause names its agent
 * before it (an entity, a group, or a noun after "his", "her", "their",
 * "its") is someone else's, reported in a reader comment, not the reader's;
 * but not one the reader advises ("Japan should reject the deal") or a
 * right the reader grants. */
static int reports_another(stance_ctx *c, const item *items, size_t k)
{
    const item *cue = &items[k];
    uint32_t clause = clause_of(c, cue->first);
    /* "Japan should stand up to Trump": advice is the reader's own view */
    for (uint32_t t = cue->first; t-- > c->sentence->first_token && clause_of(c, t) == clause;)
        if (token_in(c, t, (const char *const[]){"should", "must", "ought", NULL}))
            return 0;
    /* "Chile has every right to do this": so is a right the reader grants */
    for (uint32_t t = cue->first; t <= cue->last; t++)
        if (token_in(c, t, (const char *const[]){"right", NULL}))
            return 0;
    for (size_t i = 0; i < k; i++)
        if (is_holder(&items[i]) && items[i].end <= cue->start && clause_of(c, items[i].last) == clause)
            return 1;
    for (uint32_t t = cue->first; t-- > c->sentence->first_token && clause_of(c, t) == clause;)
        if (token_in(c, t, (const char *const[]){"his", "her", "their", "its", NULL}))
            return 1;
    return 0;
}

/* The person right before "of" or "of the" that opens the body items[i]
 * ("Kittipong Saengsuk of the Kao Na Party"), or NULL. */
static const item *person_of_body(stance_ctx *c, const item *items, size_t i)
{
    uint32_t t = items[i].first;
    if (t > 0 && token_in(c, t - 1, (const char *const[]){"the", NULL}))
        t--;
    if (t < 2 || !token_in(c, t - 1, (const char *const[]){"of", NULL}))
        return NULL;
    return i > 0 && items[i - 1].kind == K_PERSON && items[i - 1].last + 2 == t ? &items[i - 1] : NULL;
}

/* "the Midwest Food Importers Council, which opposes the tariffs": an act
 * in a clause that "which" or "who" opens, within PRONOUN_REACH tokens
 * before it, is done by the holder named right before that clause's comma.
 * NULL when the clause is no such one, or a noun that is no holder comes
 * before it ("the tariff, which ..."); a named agreement there is returned,
 * and holds nothing. */
static const item *relative_antecedent(stance_ctx *c, const item *items, size_t k)
{
    const item *cue = &items[k];
    uint32_t first = c->sentence->first_token;
    for (uint32_t t = cue->first; t-- > first && cue->first - t <= PRONOUN_REACH;) {
        if (tok(c, t)->kind == TOK_PUNCT)
            return NULL;
        if (!token_in(c, t, (const char *const[]){"which", "who", NULL}))
            continue;
        if (t == first || tok(c, t - 1)->kind != TOK_PUNCT || c->doc->text.clean[tok(c, t - 1)->start] != ',')
            return NULL;
        /* the name ends before the comma, or before an acronym in brackets
         * ("the Belgian Federation of ... Makers (FBCP), which ...") */
        uint32_t after_name = t - 1;
        if (after_name > first + 2 && c->doc->text.clean[tok(c, after_name - 1)->start] == ')' &&
            c->doc->text.clean[tok(c, after_name - 3)->start] == '(')
            after_name -= 3;
        for (size_t i = k; i-- > 0;)
            if ((is_holder(&items[i]) || items[i].agreement) && items[i].last + 1 == after_name) {
                /* "MP Kittipong Saengsuk of the Kao Na Party, who voted
                 * ...": "who" is the person the body qualifies */
                const item *person = token_in(c, t, (const char *const[]){"who", NULL}) && items[i].kind != K_PERSON
                                         ? person_of_body(c, items, i)
                                         : NULL;
                return person ? person : &items[i];
            }
        return NULL;
    }
    return NULL;
}

/* "The Spanish olive oil producers' association, Aceites de España,
 * condemned ...": a nationality qualifying lower-case words that a
 * capitalised name in commas (after a "the" or not) then names only
 * describes the holder, who is that name, or nobody named. */
static int describes_named_noun(stance_ctx *c, const item *it, uint32_t before)
{
    if (it->kind != K_NORP)
        return 0;
    uint32_t t = it->last + 1;
    while (t < before && (tok(c, t)->flags & TOKF_LOWER || tok(c, t)->kind == TOK_CLITIC))
        t++;
    if (t == it->last + 1 || t + 1 >= before || c->doc->text.clean[tok(c, t)->start] != ',')
        return 0;
    t += 1 + (t + 2 < before && token_in(c, t + 1, (const char *const[]){"the", NULL}));
    if (!(tok(c, t)->flags & TOKF_CAPITALIZED))
        return 0;
    for (t++; t < before; t++)
        if (c->doc->text.clean[tok(c, t)->start] == ',')
            return 1;
    return 0;
}

/* Whether an object cue's subject, right before it (past auxiliaries, "not"
 * and "-ly" adverbs), is a common noun after "the", "my", "his", "her" or
 * "their": "The owners complain about Washington", "My customers will not
 * blame Norway" (not "we", "our farmers" or a name: the speaker's side; and
 * not after "should" or "must", a demand the speaker makes of them). */
static int third_party_subject(stance_ctx *c, const item *cue)
{
    if (cue_kinds[cue->kind].subject)
        return 0;
    uint32_t first = c->sentence->first_token, t = cue->first;
    while (t > first && (token_in(c, t - 1, auxiliaries) || token_in(c, t - 1, (const char *const[]){"not", "n't", "n’t", NULL})))
        if (token_in(c, --t, (const char *const[]){"should", "must", NULL}))
            return 0; /* "the department should reconsider this plan" is the speaker's demand */
    if (t < first + 2)
        return 0;
    const token *noun = tok(c, t - 1);
    return noun->kind == TOK_WORD && (noun->flags & TOKF_LOWER) && !token_in_set(c, t - 1, &phrase_stop_set) &&
           token_in(c, t - 2, (const char *const[]){"the", "my", "his", "her", "their", NULL});
}

/* The holder of the cue items[k] of the sentence's items; name
 * NO_STRING when none can be named (a quotation of unknown speaker). */
/* Whether items[i] stands right before the act cue as its subject: not a
 * place or a body a preposition, a comma or a possessive joins to the
 * subject ("China's" in "China's Ministry of Commerce"), nor the second
 * of two names ("Hungary and Slovakia"). */
static int names_the_actor(stance_ctx *c, const item *items, size_t i, const item *cue)
{
    static const char *const joining[] = {"of", "in", "from", "at", "for", "with", "by", ",", NULL};
    const item *it = &items[i];
    if (it->last + 1 != cue->first || it->first <= c->sentence->first_token + 1)
        return 0;
    uint32_t before = it->first - 1;
    /* a headline joins two clauses with a comma: "Japan slaps duty on
     * leeks, Beijing vows response" */
    if (is_comma(c, before) && element_at(c->doc, it->start, LE_HEADLINE))
        return 1;
    return !token_in(c, before, joining) && tok(c, before)->kind != TOK_CLITIC &&
           !(token_in(c, before, (const char *const[]){"and", "or", NULL}) && i > 0 && is_holder(&items[i - 1]) &&
             items[i - 1].last + 1 == before);
}

/* The entity joined by "and" to the subject named holder of the cue
 * items[k] in its sentence ("Japan and South Korea", "the United States
 * and the European Union"), or NULL. */
static const item *coordinated_holder(stance_ctx *c, const item *items, size_t k, uint32_t holder)
{
    const item *cue = &items[k];
    for (size_t i = k; i-- > 0 && items[i].start >= c->sentence->start;) {
        if (!is_holder(&items[i]) || items[i].kind == K_GROUP || !same_name(c, &items[i], holder))
            continue;
        const item *subject = &items[i];
        /* the partner before: "X and [the] SUBJECT" */
        uint32_t t = subject->first;
        if (t > 0 && token_in(c, t - 1, (const char *const[]){"the", NULL}))
            t--;
        if (t > 1 && token_in(c, t - 1, (const char *const[]){"and", NULL}))
            for (size_t j = i; j-- > 0 && items[j].start >= c->sentence->start;)
                if (items[j].last + 2 == t || items[j].last + 1 == t - 1) {
                    if (items[j].last + 1 == t - 1 && is_holder(&items[j]) && items[j].kind != K_GROUP &&
                        (j == 0 || items[j - 1].last + 2 != items[j].first ||
                         !token_in(c, items[j].first - 1, (const char *const[]){",", NULL})))
                        return &items[j];
                    break;
                }
        /* the partner after: "SUBJECT and [the] Y" before the cue */
        t = subject->last + 1;
        if (t < cue->first && token_in(c, t, (const char *const[]){"and", NULL})) {
            t++;
            if (t < cue->first && token_in(c, t, (const char *const[]){"the", NULL}))
                t++;
            for (size_t j = i + 1; j < k; j++)
                if (items[j].first == t && items[j].last < cue->first && is_holder(&items[j]) &&
                    items[j].kind != K_GROUP)
                    return &items[j];
        }
        return NULL;
    }
    return NULL;
}

/* Whether a nationality only qualifies the common noun after it, before
 * the cue ("Not every Mexican manufacturer is pleased"): the noun is the
 * subject, not the nation; a government noun or its forces stand for
 * it ("Chinese officials", "Kurdish forces"). */
static int qualifies_common_noun(stance_ctx *c, const item *it, uint32_t cue_first)
{
    uint32_t t = it->last + 1;
    return it->kind == K_NORP && t < cue_first && tok(c, t)->kind == TOK_WORD && (tok(c, t)->flags & TOKF_LOWER) &&
           !token_in_set(c, t, &government_noun_set) && !token_in(c, t, auxiliaries) && !token_in(c, t, copulas) &&
           !token_in_set(c, t, &phrase_stop_set) && !token_in(c, t, (const char *const[]){"forces", "troops", NULL});
}

/* Whether a speech verb comes before items[k] in its sentence ("The
 * ministry said the tariff breaks the rules"): the words are a speaker's,
 * named or not, and not the article's own. */
static int speech_before(stance_ctx *c, const item *items, size_t k)
{
    for (size_t i = k; i-- > 0 && items[i].start >= c->sentence->start;)
        if (items[i].kind == K_SPEECH)
            return 1;
    return 0;
}

/* Whether the cue lies in a "that" clause of a finding before it in its
 * sentence ("ruled that", "a finding that", "concluded on Monday that",
 * the finding at most FINDING_REACH tokens before "that"): what a
 * court or an inquiry found, which the article reports. */
static int reports_finding(stance_ctx *c, const item *cue)
{
    static const char *const findings[] = {"ruled",      "ruling",     "rulings",  "found",   "finding",
                                           "findings",   "concluded",  "conclusion", "determined",
                                           "determination", "judgment", "judgement", "verdict", NULL};
    uint32_t first = c->sentence->first_token;
    for (uint32_t t = cue->first; t-- > first + 1;) {
        if (!token_in(c, t, (const char *const[]){"that", NULL}))
            continue;
        /* "ruled on Tuesday that" */
        for (uint32_t f = t; f-- > first && t - f <= FINDING_REACH;)
            if (token_in(c, f, findings))
                return 1;
    }
    return 0;
}

/* Whether the entity is told to act by someone else: "orders Peru to scrap
 * its surcharge" is the court's order, no stance of Peru's. */
static int ordered_to_act(stance_ctx *c, const item *it, const item *cue)
{
    static const char *const ordering[] = {"orders", "ordered", "order", "ordering", "tells", "told", "forces",
                                           "forced", "compels", "compelled", "requires", "required", NULL};
    return it->first > 0 && it->last + 2 == cue->first && token_in(c, it->last + 1, (const char *const[]){"to", NULL}) &&
           token_in(c, it->first - 1, ordering);
}

static who find_holder(stance_ctx *c, const item *items, size_t count, size_t k, const struct_span *comment)
{
    document *doc = c->doc;
    const item *cue = &items[k];
    who none = {NO_STRING, NO_STRING, NULL};
    const quote_span *q = quote_at(doc, cue->start);
    if (q) {
        /* "Wang called the step "a necessary answer"": the quoted words
         * are the calling verb's subject's; the quotation's speaker wins
         * when its sentence names it, but not one named only in the
         * sentence after ("The association ... called the duty "a tax on
         * the poor." Its chairman, Peter Njuguna, said ..."). */
        const item *verb = NULL;
        int speaker_here = 0;
        for (size_t i = 0; i < count; i++) {
            if (items[i].kind == K_CALLING && items[i].end <= q->start && items[i].start >= c->sentence->start)
                verb = &items[i];
            speaker_here |= is_holder(&items[i]) && q->speaker_ref != NO_STRING &&
                            doc->spans[items[i].span].ref == q->speaker_ref;
        }
        /* "My customers will not blame Norway": a verb whose subject is a
         * third party the speaker names by a common noun states that
         * party's act, not the speaker's stance */
        if (third_party_subject(c, cue))
            return none;
        /* "..., she said, calling the cut "a gift ..."": a participle
         * speaks for the speaker of its sentence */
        if (q->speaker != NO_STRING && (speaker_here || !verb || is_participle(c, verb)))
            return (who){q->speaker, q->speaker_ref, "quote"};
        const item *speaker = verb ? speaker_of(c, items, count, verb) : NULL;
        if (speaker)
            return entity_who(c, speaker, "quote");
        if (q->speaker != NO_STRING)
            return (who){q->speaker, q->speaker_ref, "quote"};
        /* "the ministry said ... that Cambodia "regrets" the decision": a
         * few quoted words inside reported speech are the reporter's
         * words, as the sentence's own are */
        int fragment = tok(c, cue->last)->end <= q->end && q->end - q->start <= QUOTED_FRAGMENT_BYTES;
        const item *said = NULL;
        for (size_t i = 0; i < k && fragment; i++)
            if (items[i].kind == K_SPEECH && items[i].end <= q->start && items[i].start >= c->sentence->start)
                said = &items[i];
        if (!said)
            return none;
    }
    if (cue_kinds[cue->kind].agent) {
        /* "drew support from Delta Harvest Inc.", "was rejected by Turkey":
         * the first PERSON, ORG, GPE or NORP after the cue in its clause */
        for (size_t i = k + 1; i < count; i++)
            if (is_holder(&items[i]) && items[i].start >= cue->end &&
                clause_of(c, items[i].first) == clause_of(c, cue->last))
                return entity_who(c, &items[i], "agent");
        return none;
    }
    const item *owner = cue_kinds[cue->kind].subject ? NULL : possessor(c, items, k);
    if (owner)
        return entity_who(c, owner, "possessor");
    const item *antecedent = cue_kinds[cue->kind].subject ? NULL : relative_antecedent(c, items, k);
    if (antecedent) /* "the Trade and Cooperation Agreement, which rules out ...": no one */
        return is_holder(antecedent) ? entity_who(c, antecedent, "relative") : none;
    uint32_t from = act_start(c, items, k);
    const item *speaker = speaker_before(c, items, count, k, from);
    if (speaker)
        return entity_who(c, speaker, "reported-speech");
    speaker = speaker_after(c, items, count, k);
    if (speaker)
        return entity_who(c, speaker, "reported-speech-after");
    /* a reader comment states its own stances: its subject is what it
     * talks about, not who holds the stance */
    int acts = !cue_kinds[cue->kind].subject && cue->kind != K_COMPLAINT; /* an act with an agent before it */
    /* "fully electric cars keep their 10% duty": goods right before the
     * act are its subject, and hold nothing */
    uint32_t before = cue->first;
    while (before > c->sentence->first_token && token_in(c, before - 1, auxiliaries))
        before--;
    for (size_t i = k; acts && before > c->sentence->first_token && i-- > 0 && items[i].last + 1 >= before;)
        if (items[i].kind == K_GOODS && items[i].last + 1 == before)
            return none;
    /* "..., after the union rejected a revised offer", "... as union
     * rejects wage offer": a body's head noun or a title in lower case right
     * before the act is its subject, and stands for the body or person named
     * before, whatever else the sentence named first */
    if (!comment && acts && before >= c->sentence->first_token + 2 && tok(c, before - 1)->start >= from &&
        (tok(c, before - 1)->flags & TOKF_LOWER) &&
        token_in(c, before - 2, (const char *const[]){"the", "as", "after", "while", "but", "and", NULL}) &&
        (token_in_set(c, before - 1, &org_head_set) || token_in_set(c, before - 1, &title_noun_set))) {
        const item *referent = referent_at(c, items, before - 1, cue->start);
        return referent ? entity_who(c, referent, "subject") : none;
    }
    if (!comment && acts) {
        const item *subject = NULL;
        uint32_t body = UINT32_MAX;
        /* "... and China led the opposition to it": a name right before the
         * act is its subject, whatever came before it in the sentence; but
         * "She urged Washington to drop it and praised ...": the names after
         * a verb before "and" are its objects */
        int adjacent = 0;
        uint32_t objects_from = verb_before_and(c, items, cue, before);
        for (size_t i = 0; i < k; i++) {
            int next_to_act = names_the_actor(c, items, i, cue);
            if (is_holder(&items[i]) && items[i].start >= from && items[i].end <= cue->start &&
                (objects_from == UINT32_MAX || items[i].end <= objects_from) &&
                !after_locative(c, &items[i]) && !in_opening_phrase(c, &items[i], cue->first) &&
                !describes_named_noun(c, &items[i], cue->first) && !adjacent &&
                !qualifies_common_noun(c, &items[i], cue->first) && !ordered_to_act(c, &items[i], cue) &&
                (!subject || subject_rank(c, &items[i]) > subject_rank(c, subject) || next_to_act)) {
                adjacent = next_to_act;
                uint32_t head = possessed_body(c, &items[i], cue->first);
                if (head != UINT32_MAX)
                    body = body == UINT32_MAX ? head : body;
                else
                    subject = &items[i];
            }
        }
        const item *titled = subject ? place_titled_person(c, subject) : NULL;
        if (titled)
            return entity_who(c, titled, "subject-named-next");
        if (subject)
            return entity_who(c, subject, "subject");
        const item *named_next = body != UINT32_MAX ? org_named_next(c, body) : NULL;
        if (named_next)
            return entity_who(c, named_next, "subject-named-next");
        /* "He rejected the idea ...", "..., but she rejected ...", "The
         * minister rejected ...": a pronoun, a title or an organisation's
         * head noun opening the clause, however far back when the act is a
         * second verb of the same subject ("She urged ..., and criticised") */
        uint32_t first = (uint32_t)token_at_or_after(&c->doc->tokens, from);
        int second_verb = before > first && token_in(c, before - 1, (const char *const[]){"and", NULL});
        /* not when a clause with a subject of its own comes between ("...,
         * the audience listened and criticised", "where the crowd waited
         * and rejected") */
        for (uint32_t t = first + 1; second_verb && t + 1 < before; t++)
            if ((is_comma(c, t) && token_in(c, t + 1, clause_openers)) ||
                token_in(c, t, (const char *const[]){"where", "who", "which", "while", "as", "when", NULL}))
                second_verb = 0;
        const item *referent = cue->first > first && (cue->first <= first + PRONOUN_REACH || second_verb)
                                   ? referent_at(c, items, first, cue->start)
                                   : NULL;
        if (referent)
            return entity_who(c, referent, "subject");
    }
    if (comment && (cue->kind == K_FAVOR || cue->kind == K_AGAINST) && reports_another(c, items, k))
        return none;
    if (comment) {
        uint32_t number = attr_value(doc, comment->attrs, comment->attr_count, "n");
        char name[64];
        int n = snprintf(name, sizeof name, "comment %s", number != NO_STRING ? doc_string(doc, number) : "");
        return (who){doc_intern(doc, name, (size_t)n), NO_STRING, "comment"};
    }
    /* an act of support or opposition has an agent: one the text does not
     * name ("Farmers backed the policy") is not the author, nor is a
     * finding the article reports ("ruling that the charge was an import
     * duty dressed up as a fee") */
    if (acts || reports_finding(c, cue) || speech_before(c, items, k))
        return none;
    return (who){doc_intern(doc, "author", 6), NO_STRING, "author"};
}

/* Who spoke in the sentence of items: the speaker of a quotation in it, or
 * of its speech verb. Name NO_STRING: nobody named. */
static who sentence_speaker(stance_ctx *c, const segment *sentence, const item *items, size_t count)
{
    /* the quotation holding the sentence's start, else the first after it:
     * the first not ended before it (quotations are in order and never
     * overlap), found by stepping on, as sentences come in order */
    const document *doc = c->doc;
    while (c->quote_cursor < doc->quote_count && doc->quotes[c->quote_cursor].end <= sentence->start)
        c->quote_cursor++;
    const quote_span *q = c->quote_cursor < doc->quote_count ? &doc->quotes[c->quote_cursor] : NULL;
    if (q && q->start < sentence->end && q->speaker != NO_STRING)
        return (who){q->speaker, q->speaker_ref, "previous-speaker"};
    for (size_t k = 0; k < count; k++)
        if (items[k].kind == K_SPEECH || items[k].kind == K_CALLING) {
            number_clauses(c, items, count);
            const item *speaker = speaker_of(c, items, count, &items[k]);
            /* "Some economists argued ... Tanabe rejected that view": a
             * group's view is written as what it is, not as the group */
            return speaker && speaker->kind != K_GROUP ? entity_who(c, speaker, "previous-speaker")
                                                       : (who){NO_STRING, NO_STRING, NULL};
        }
    return (who){NO_STRING, NO_STRING, NULL};
}

/* Who spoke in the sentence before the current one (sentence_speaker), or
 * name NO_STRING. Found on first use: few sentences ask. */
static who previous_speaker(stance_ctx *c)
{
    if (!c->previous_known) {
        c->previous_known = 1;
        c->previous_speaker = (who){NO_STRING, NO_STRING, NULL};
        if (c->previous) {
            const segment *here = c->sentence;
            uint32_t here_body = c->body_start;
            c->sentence = c->previous;
            c->body_start = body_start(c, c->previous);
            c->previous_speaker = sentence_speaker(c, c->previous, c->previous_items, c->previous_count);
            c->sentence = here;
            c->body_start = here_body;
        }
    }
    return c->previous_speaker;
}

/* Where the context of the cue starts: its reader comment, else the
 * paragraph holding it, paragraphs_back paragraphs earlier. */
static uint32_t context_start(stance_ctx *c, const item *cue, size_t paragraphs_back)
{
    const struct_span *here = element_at(c->doc, cue->start, LE_COMMENT);
    const segment_list *paragraphs = &c->doc->paragraphs;
    /* the paragraphs starting at or before the cue */
    size_t lo = COUNT_UP_TO(paragraphs->items, paragraphs->count, start, cue->start);
    size_t first = lo > paragraphs_back ? lo - 1 - paragraphs_back : 0;
    /* no sentence yet when the items are first noted (possessive_owner) */
    return here ? here->start : lo ? paragraphs->items[first].start : c->sentence ? c->sentence->start : 0;
}

/* The last tariff mention before the cue in its reader comment, else in
 * its paragraph and the paragraphs_back ones before it, within
 * TITLE_LOOKBACK mentions, or NULL. */
static const item *tariff_before(stance_ctx *c, const item *cue, size_t paragraphs_back)
{
    uint32_t from = context_start(c, cue, paragraphs_back);
    int seen = 0;
    for (const item *i = cue; i-- > c->items && i->start >= from && seen < TITLE_LOOKBACK; seen++)
        if (is_tariff(i->kind))
            return i;
    return NULL;
}

/* The tariff mention "they" stands for before the cue in its paragraph:
 * the last tariff mention, with no PERSON or ORG after it; else NULL. */
static const item *tariff_for_they(stance_ctx *c, const item *cue)
{
    uint32_t from = context_start(c, cue, 0);
    for (const item *i = cue; i-- > c->items && i->start >= from;) {
        if (is_tariff(i->kind))
            return i;
        if (i->kind == K_PERSON || i->kind == K_ORG)
            return NULL;
    }
    return NULL;
}

/* Token t is "to" and a verb: "urged Washington to reconsider". */
static int asked_to_act(stance_ctx *c, uint32_t t)
{
    uint32_t end = c->sentence->first_token + c->sentence->token_count;
    return t + 1 < end && token_in(c, t, (const char *const[]){"to", NULL}) && (tok(c, t + 1)->flags & TOKF_LOWER) &&
           tok(c, t + 1)->kind == TOK_WORD && !token_in_set(c, t + 1, &phrase_skip_set);
}

/* Whether the noun at token t names someone who can be asked to act: a
 * group ("voters"), a government or organisation noun, a title. */
static int names_agent(stance_ctx *c, const item *items, size_t count, uint32_t t)
{
    for (size_t i = 0; i < count; i++)
        if (items[i].kind == K_GROUP && items[i].last == t)
            return 1;
    /* "ask parliament to overturn it", "ask the state to drop the fee" */
    static const char *const deciders[] = {"state", "parliament", "congress", "legislature", "lawmakers",
                                           "legislators", "court", "courts", "judges", "regulator", NULL};
    return token_in_set(c, t, &government_noun_set) || token_in_set(c, t, &org_head_set) ||
           token_in_set(c, t, &title_noun_set) || token_in(c, t, deciders);
}

/* Whether "it" or "them" comes from token t on, within the clause and
 * before a conjunction opens another ("to withdraw the tax before it takes
 * effect": that "it" is no object). */
static int pronoun_after(stance_ctx *c, uint32_t t, uint32_t clause)
{
    static const char *const subordinators[] = {"before", "after", "until", "when", "while", "because", "if",
                                                "unless", "so", "once", "as", NULL};
    uint32_t end = c->sentence->first_token + c->sentence->token_count;
    for (; t < end && clause_of(c, t) == clause && !token_in(c, t, subordinators); t++)
        if (token_in(c, t, (const char *const[]){"it", "them", NULL}))
            return 1;
    return 0;
}

/* ---- owners of tariffs -------------------------------------------------------- */

static const country *country_coded(const stance_ctx *c, uint32_t code)
{
    for (size_t i = 0; i < c->country_count; i++)
        if (!strcmp(doc_string(c->doc, c->countries[i].code), doc_string(c->doc, code)))
            return &c->countries[i];
    return NULL;
}

/* The name a GPE gives the tariffs it owns: a city stands for the
 * organisation seated there when the document names it ("Brussels" for the
 * European Union), else for its country ("Washington lifting its tariff" is
 * a United States tariff), named as the document names that country; else
 * the GPE's own norm. */
static uint32_t owner_name(stance_ctx *c, const item *gpe)
{
    document *doc = c->doc;
    const span *s = &doc->spans[gpe->span];
    /* "Brussels raised its duties": the seat of an organisation the
     * document names stands for it */
    uint32_t seat = attr_value(doc, s->attrs, s->attr_count, "seat");
    for (size_t i = 0; seat != NO_STRING && i < c->item_count; i++) {
        const span *o = &doc->spans[c->items[i].span];
        uint32_t code = c->items[i].kind == K_ORG ? attr_value(doc, o->attrs, o->attr_count, "code") : NO_STRING;
        if (code != NO_STRING && !strcmp(doc_string(doc, code), doc_string(doc, seat)))
            return c->items[i].name;
    }
    /* "Manitoba slaps levy on power exports": a state or province levies
     * in its own name */
    uint32_t code = attr_value(doc, s->attrs, s->attr_count, "country");
    uint32_t level = attr_value(doc, s->attrs, s->attr_count, "kind");
    if (code == NO_STRING || attr_value(doc, s->attrs, s->attr_count, "code") != NO_STRING ||
        (level != NO_STRING && !strcmp(doc_string(doc, level), "subdivision")))
        return gpe->name;
    if (!c->countries_built) {
        size_t cap = 0;
        for (size_t i = 0; i < c->item_count; i++) {
            const span *g = &doc->spans[c->items[i].span];
            uint32_t own = c->items[i].kind == K_GPE ? attr_value(doc, g->attrs, g->attr_count, "code") : NO_STRING;
            if (own != NO_STRING && !country_coded(c, own)) {
                country k = {own, c->items[i].name};
                ARRAY_PUSH(c->countries, c->country_count, cap, k);
            }
        }
        c->countries_built = 1;
    }
    const country *k = country_coded(c, code);
    return k ? k->name : gpe->name;
}

/* Whether the GPE stands for the holder: as itself ("Beijing said the
 * duties ...": not Beijing's duties) or as the owner it names (Beijing for
 * a holder China). */
static int same_owner(stance_ctx *c, const item *gpe, uint32_t holder)
{
    if (same_name(c, gpe, holder))
        return 1;
    uint32_t owner = owner_name(c, gpe);
    return holder != NO_STRING && !strcmp(doc_string(c->doc, owner), doc_string(c->doc, holder));
}

/* The last of list (by position) up to at that lies in the article or in
 * the reader comment here: each comment is read with the article, not with
 * the other comments. Looks back over at most TITLE_LOOKBACK entries. */
static const owned *last_owned(const owned *list, size_t count, uint32_t at, const struct_span *here)
{
    size_t lo = COUNT_UP_TO(list, count, at, at);
    for (size_t i = lo; i-- > 0 && lo - i <= TITLE_LOOKBACK;)
        if (!list[i].comment || list[i].comment == here)
            return &list[i];
    return NULL;
}

static const item *most_named(stance_ctx *c, const struct_span *here);

/* The words that name a levy. */
static const char *const levy_words[] = {"tariff", "tariffs", "duty",       "duties", "levy",    "levies",
                                         "tax",    "taxes",   "surcharge",  "surcharges", "surtax", "surtaxes",
                                         "fee",    "fees",    "cess",       "cesses",     NULL};

/* The levy word of the tariff mention starting at offset at, in the
 * singular and lower case ("duties of 10% on steel" gives "duty"), into
 * out; "" when it has none. */
static void levy_word_at(stance_ctx *c, uint32_t at, char *out, size_t cap)
{
    out[0] = '\0';
    size_t i = COUNT_BEFORE(c->items, c->item_count, start, at);
    if (i >= c->item_count || c->items[i].start != at)
        return;
    for (uint32_t t = c->items[i].first; t <= c->items[i].last; t++)
        if (token_in(c, t, levy_words)) {
            lower_word(c, t, out, cap);
            size_t n = strlen(out);
            if (n > 3 && !strcmp(out + n - 3, "ies"))
                strcpy(out + n - 3, "y");
            else if (n > 3 && !strcmp(out + n - 2, "es") && (out[n - 3] == 'x' || out[n - 3] == 's'))
                out[n - 2] = '\0';
            else if (out[n - 1] == 's' && (n < 2 || out[n - 2] != 's')) /* "cess" is one */
                out[n - 1] = '\0';
            return;
        }
}

/* The last of list up to at (as last_owned) whose levy word is word. */
static const owned *last_owned_named(stance_ctx *c, const owned *list, size_t count, uint32_t at,
                                     const struct_span *here, const char *word)
{
    size_t lo = COUNT_UP_TO(list, count, at, at);
    for (size_t i = lo; i-- > 0 && lo - i <= TITLE_LOOKBACK;)
        if (!list[i].comment || list[i].comment == here) {
            char levy[16];
            levy_word_at(c, list[i].at, levy, sizeof levy);
            if (!strcmp(levy, word))
                return &list[i];
        }
    return NULL;
}

static void build_tariffs(stance_ctx *c);

/* Whether the levy word of the tariff mention starting at offset at is
 * plural ("these duties"); 0 also when it has none. */
static int levy_plural_at(stance_ctx *c, uint32_t at)
{
    size_t i = COUNT_BEFORE(c->items, c->item_count, start, at);
    if (i >= c->item_count || c->items[i].start != at)
        return 0;
    for (uint32_t t = c->items[i].first; t <= c->items[i].last; t++)
        if (token_in(c, t, levy_words)) {
            const token *w = tok(c, t);
            return (c->doc->text.clean[w->end - 1] | 0x20) == 's';
        }
    return 0;
}

/* The sentence holding offset at (its index). */
static size_t sentence_index_at(const document *doc, uint32_t at)
{
    size_t n = COUNT_UP_TO(doc->sentences.items, doc->sentences.count, start, at);
    return n ? n - 1 : 0;
}

/* The owner list names for the mention starting at offset at, or NULL. */
static const item *listed_owner(const owned *list, size_t count, uint32_t at)
{
    size_t n = COUNT_UP_TO(list, count, at, at);
    return n && list[n - 1].at == at ? list[n - 1].owner : NULL;
}

/* Whether owned entry list[i] agrees in number with a levy word, plural or
 * not: a plural one with a plural mention, or with one joined by "and" to
 * the next mention that no other owner is named for ("a 15% tariff on
 * soybeans and a 25% tariff on pork"); a singular one with a singular
 * mention. */
static int owned_agrees(stance_ctx *c, const owned *list, size_t i, int plural)
{
    if (levy_plural_at(c, list[i].at))
        return plural;
    if (!plural)
        return 1;
    build_tariffs(c);
    size_t k = 0;
    while (k < c->tariff_count && c->tariffs[k]->start <= list[i].at)
        k++;
    if (k == 0 || c->tariffs[k - 1]->start != list[i].at)
        return 0;
    const item *mention = c->tariffs[k - 1];
    while (k < c->tariff_count && c->tariffs[k]->start < mention->end) /* its own levy word */
        k++;
    if (k == c->tariff_count)
        return 0;
    const item *next = c->tariffs[k];
    uint32_t between = mention->last + 1;
    /* "and", or "and a" */
    uint32_t joint = next->first - 1;
    if (joint > between && token_in(c, joint, (const char *const[]){"a", "an", NULL}))
        joint--;
    if (sentence_index_at(c->doc, next->start) != sentence_index_at(c->doc, list[i].at) ||
        !token_in(c, joint, (const char *const[]){"and", NULL}))
        return 0;
    const item *owner = listed_owner(c->owned, c->owned_count, next->start);
    if (!owner)
        owner = listed_owner(c->found, c->found_count, next->start);
    return !owner || owner->name == list[i].owner->name;
}

/* The last entry of list up to at that agrees in number (owned_agrees)
 * with a levy word, within TITLE_LOOKBACK entries, or NULL. */
static const owned *last_agreeing(stance_ctx *c, const owned *list, size_t count, uint32_t at,
                                  const struct_span *here, int plural)
{
    size_t lo = COUNT_UP_TO(list, count, at, at);
    for (size_t i = lo; i-- > 0 && lo - i <= TITLE_LOOKBACK;)
        if ((!list[i].comment || list[i].comment == here) && owned_agrees(c, list, i, plural))
            return &list[i];
    return NULL;
}

/* Number agreement: named (of c->owned or c->found) when it agrees with
 * the levy word at offset at ("the remaining duty", "these duties"), else
 * the last of either list that does, else named. */
static const owned *agreeing_owned(stance_ctx *c, uint32_t at, const struct_span *here, const owned *named)
{
    int plural = levy_plural_at(c, at);
    int from_found = named >= c->found && named < c->found + c->found_count;
    const owned *list = from_found ? c->found : c->owned;
    if (owned_agrees(c, list, (size_t)(named - list), plural))
        return named;
    const owned *agreeing = last_agreeing(c, c->owned, c->owned_count, at, here, plural);
    const owned *found = last_agreeing(c, c->found, c->found_count, at, here, plural);
    if (!agreeing || (found && found->at >= agreeing->at))
        agreeing = found;
    return agreeing ? agreeing : named;
}

/* The owner of "the tariffs" from the context: the owner of the last tariff
 * mention up to at whose owner the text named, else the one the article
 * (with this reader comment) names most; the holder itself only for a cue
 * in favour: a country defends its own tariffs ("Chile defends 8% lithium
 * export duty"), but finds the other side's unfair ("Beijing said the
 * duties were unfair"). */
/* Whether the tariff mention at offset at is the one a measure answers:
 * "a 15% tariff on U.S. soybeans ... in answer to Washington's 100% tariff
 * on Chinese electric vehicles". */
static int answered_at(stance_ctx *c, uint32_t at)
{
    static const char *const answering[] = {"answer", "response", "retaliation", "reply", NULL};
    uint32_t t = (uint32_t)token_at_or_after(&c->doc->tokens, at);
    for (uint32_t k = t; k-- > 0 && t - k <= ANSWER_REACH;)
        if (token_in(c, k, answering) && k + 1 < t && token_in(c, k + 1, (const char *const[]){"to", "for", NULL}))
            return 1;
    return 0;
}

/* The last of list up to at, in the article or the reader comment here,
 * that is no measure another answers (answered_at); else the last one
 * (last_owned). */
static const owned *last_unanswered(stance_ctx *c, const owned *list, size_t count, uint32_t at,
                                    const struct_span *here)
{
    size_t lo = COUNT_UP_TO(list, count, at, at);
    for (size_t i = lo; i-- > 0 && lo - i <= TITLE_LOOKBACK;)
        if ((!list[i].comment || list[i].comment == here) && !answered_at(c, list[i].at))
            return &list[i];
    return last_owned(list, count, at, here);
}

static const item *context_owner(stance_ctx *c, uint32_t at, uint32_t holder)
{
    const struct_span *here = element_at(c->doc, at, LE_COMMENT);
    const owned *named = last_unanswered(c, c->owned, c->owned_count, at, here);
    const owned *found = last_owned(c->found, c->found_count, at, here);
    if (!named || (found && found->at >= named->at))
        named = found;
    /* "South Africa charges duties of up to 37% ..." then "the tariff
     * would hollow out rural towns": the last measure named with the same
     * levy word, the U.S. tariff, is the one meant */
    char word[16], levy[16];
    levy_word_at(c, at, word, sizeof word);
    if (named && word[0]) {
        levy_word_at(c, named->at, levy, sizeof levy);
        if (levy[0] && strcmp(levy, word)) {
            const owned *same = last_owned_named(c, c->owned, c->owned_count, at, here, word);
            const owned *same_found = last_owned_named(c, c->found, c->found_count, at, here, word);
            if (!same || (same_found && same_found->at >= same->at))
                same = same_found;
            /* "urged Ottawa to scrap its 100% surtax" then China's duties,
             * then "defended the surtax": Ottawa's, when no owner was named
             * before the word */
            if (!same)
                same = last_owned_named(c, c->possessed, c->possessed_count, at, here, word);
            /* with no measure named by the word, the number tells: "... cut
             * India's 150% tariff ... while the United Kingdom will scrap its
             * tariffs" then "the remaining duty was far too high": India's */
            named = same ? same : agreeing_owned(c, at, here, named);
        }
    }
    const item *owner = named ? named->owner : most_named(c, here);
    return owner && (c->favoring || !same_owner(c, owner, holder)) ? owner : NULL;
}

/* The entry of owned lists for mention and its owner. */
static owned owned_by(const stance_ctx *c, const item *mention, const item *owner)
{
    return (owned){mention->start, owner, element_at(c->doc, mention->start, LE_COMMENT)};
}

/* An owner the text names for a tariff mention (owner_before, or a GPE
 * between a cue and the mention) is remembered for the tariffs mentioned
 * after it. Returns owner. */
static const item *remember_owner(stance_ctx *c, const item *mention, const item *owner)
{
    if (owner) {
        owned o = owned_by(c, mention, owner);
        ARRAY_PUSH(c->found, c->found_count, c->found_cap, o);
    }
    return owner;
}

/* A tariff mention's rate: a TARIFF's `rate`, or the text of a rate that
 * stands for its tariff ("50% is still too low"); NULL when it names none. */
static const char *mention_rate(stance_ctx *c, const item *mention, char *buf, size_t cap)
{
    const document *doc = c->doc;
    const span *s = &doc->spans[mention->span];
    if (mention->kind == K_TARIFF) {
        uint32_t rate = attr_value(doc, s->attrs, s->attr_count, "rate");
        return rate != NO_STRING ? doc_string(doc, rate) : NULL;
    }
    size_t n = mention->end - mention->start;
    if (!isdigit((unsigned char)doc->text.clean[mention->start]) || n >= cap)
        return NULL;
    memcpy(buf, doc->text.clean + mention->start, n);
    buf[n] = '\0';
    return buf;
}

/* Whether rate is one of the levels earlier names: "42%" in "18% to 42%",
 * not "2%" in "42%". */
static int names_rate(const char *earlier, const char *rate)
{
    size_t n = strlen(rate);
    for (const char *p = strstr(earlier, rate); p; p = strstr(p + 1, rate))
        if ((p == earlier || (!isdigit((unsigned char)p[-1]) && p[-1] != '.')) && !isdigit((unsigned char)p[n]))
            return 1;
    return 0;
}

/* Who can own a tariff: a GPE, or an organisation with a country code
 * ("the EU's duties"). */
static int can_own(const stance_ctx *c, const item *it)
{
    const span *s = &c->doc->spans[it->span];
    return it->kind == K_GPE ||
           (it->kind == K_ORG && attr_value(c->doc, s->attrs, s->attr_count, "code") != NO_STRING);
}

/* A double quotation mark that may close a quotation: straight or right. */
static int is_closing_quote(stance_ctx *c, uint32_t t)
{
    const token *w = tok(c, t);
    const char *s = c->doc->text.clean + w->start;
    size_t n = w->end - w->start;
    return w->kind == TOK_PUNCT && ((n == 1 && *s == '"') || (n == 3 && !memcmp(s, "\xe2\x80\x9d", 3)));
}

/* Who imposes a tariff mention: the entity opening its sentence (after a
 * "the"), a GPE or an organisation with a country code ("EU"), when an
 * _IMPOSING verb ends at most IMPOSING_REACH tokens before the mention
 * ("EU halves steel import quotas, sets 50% duty", "China's Ministry of
 * Commerce said it would impose provisional duties of 18% to 42%"). NULL
 * otherwise. */
static const item *imposer(stance_ctx *c, const item *mention)
{
    const document *doc = c->doc;
    size_t n = COUNT_UP_TO(doc->sentences.items, doc->sentences.count, start, mention->start);
    if (!n)
        return NULL;
    const segment *sentence = &doc->sentences.items[n - 1];
    const item *opening = NULL, *verb = NULL;
    uint32_t body = body_start(c, sentence);
    for (const item *i = mention; i-- > c->items && i->start >= body;) {
        /* "to extend by four years a 30% tariff": a span of time between */
        uint32_t reach = IMPOSING_REACH;
        if (i->kind == K_IMPOSING && i->last + 1 < mention->first &&
            token_in(c, i->last + 1, (const char *const[]){"by", "for", NULL}))
            reach += 3;
        /* "lists 46 Indian products for 20% duty": the goods between */
        if (i->kind == K_IMPOSING && mention->first > 0 && token_in(c, mention->first - 1, (const char *const[]){"for", NULL}))
            reach += LISTED_GOODS_WORDS;
        if (i->kind == K_IMPOSING && !verb && i->last + reach >= mention->first)
            verb = i;
        if (is_entity(i->kind) && !is_tariff(i->kind))
            opening = i;
    }
    uint32_t first = sentence->first_token;
    while (first < mention->first && tok(c, first)->start < body) /* "RIYADH (Gulf Wire) - The GCC will" */
        first++;
    while (first < mention->first && is_quote_mark(c, first)) /* a quotation opening its sentence */
        first++;
    /* "Switzerland protests as EU steel safeguard ... adds 40% duty": the
     * clause a conjunction opens before the verb has its own subject */
    static const char *const subordinators[] = {"as", "after", "while", "when", "because", "since", "before", NULL};
    for (uint32_t t = verb ? verb->first : first; t-- > first;)
        if (token_in(c, t, subordinators)) {
            first = t + 1;
            opening = NULL;
            for (const item *i = mention; i-- > c->items && i->first >= first;)
                if (is_entity(i->kind) && !is_tariff(i->kind))
                    opening = i;
            break;
        }
    if (!verb || !opening || opening->end > verb->start ||
        !(opening->first == first ||
          (opening->first == first + 1 && token_in(c, first, (const char *const[]){"the", NULL}))))
        return NULL;
    return can_own(c, opening) ? opening : NULL;
}

/* c->tariffs, the document's tariff mentions in order, on first use. */
static void build_tariffs(stance_ctx *c)
{
    if (c->tariffs_built)
        return;
    size_t cap = 0;
    for (size_t i = 0; i < c->item_count; i++)
        if (is_tariff(c->items[i].kind))
            ARRAY_PUSH(c->tariffs, c->tariff_count, cap, &c->items[i]);
    c->tariffs_built = 1;
}

/* The goods a tariff mention names itself: the first GOODS inside a
 * TARIFF, or the one right before a levy word ("the coffee tariff"); NULL
 * when it names none. */
static const item *mention_goods(const stance_ctx *c, const item *mention)
{
    if (mention->kind == K_TARIFF) {
        for (const item *i = mention + 1, *end = c->items + c->item_count; i < end && i->start < mention->end; i++)
            if (i->kind == K_GOODS)
                return i;
        return NULL;
    }
    const item *before = mention > c->items ? mention - 1 : NULL;
    return before && before->kind == K_GOODS && before->last + 1 == mention->first ? before : NULL;
}

/* Whether the tariff mention earlier names goods among its own: the one
 * right before its levy word, or any inside it ("tariffs of 25% on olive
 * oil, footwear and ceramic tiles" names footwear). */
static int names_goods(const stance_ctx *c, const item *earlier, const item *goods)
{
    const char *name = doc_string(c->doc, goods->name);
    if (earlier->kind != K_TARIFF) {
        const item *own = mention_goods(c, earlier);
        return own && !strcmp(doc_string(c->doc, own->name), name);
    }
    for (const item *i = earlier + 1, *end = c->items + c->item_count; i < end && i->start < earlier->end; i++)
        if (i->kind == K_GOODS && !strcmp(doc_string(c->doc, i->name), name))
            return 1;
    return 0;
}

/* "a 42% duty on frozen pork" after "provisional duties of 18% to 42% on
 * pork", or "the coffee tariff" after "U.S. coffee tariff", is the same
 * measure: the owner of the first tariff mention before it, in the article
 * or in its reader comment, that names its rate (or, when it names no
 * rate, its goods) and an owner (right before it, or as its imposer), among
 * the TITLE_LOOKBACK mentions before it. NULL when none does. */
static const item *same_measure_owner(stance_ctx *c, const item *mention, uint32_t holder, const item **same)
{
    *same = NULL;
    char buf[64];
    const char *rate = mention_rate(c, mention, buf, sizeof buf);
    const item *goods = rate ? NULL : mention_goods(c, mention);
    if (!rate && !goods)
        return NULL;
    build_tariffs(c);
    const struct_span *here = element_at(c->doc, mention->start, LE_COMMENT);
    size_t before = 0, hi = c->tariff_count; /* before: the mentions starting before this one */
    while (before < hi) {
        size_t mid = (before + hi) / 2;
        if (c->tariffs[mid]->start < mention->start)
            before = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = before > TITLE_LOOKBACK ? before - TITLE_LOOKBACK : 0; k < before; k++) {
        const item *i = c->tariffs[k];
        const struct_span *in = element_at(c->doc, i->start, LE_COMMENT);
        if (in && in != here)
            continue;
        char earlier_buf[64];
        const char *earlier = rate ? mention_rate(c, i, earlier_buf, sizeof earlier_buf) : NULL;
        if (rate ? !earlier || !names_rate(earlier, rate) : !names_goods(c, i, goods))
            continue;
        /* "a 50% duty on bourbon" is not "50% tariffs on steel" */
        const item *own_goods = rate ? mention_goods(c, mention) : NULL;
        if (own_goods && mention_goods(c, i) && !names_goods(c, i, own_goods))
            continue;
        if (!*same)
            *same = i;
        size_t named = COUNT_UP_TO(c->owned, c->owned_count, at, i->start);
        const item *owner = named && c->owned[named - 1].at == i->start ? c->owned[named - 1].owner : imposer(c, i);
        /* or the owner a stance on it found ("The EU defended a 50% duty
         * on American bourbon") */
        for (size_t f = 0; !owner && f < c->found_count; f++)
            if (c->found[f].at == i->start)
                owner = c->found[f].owner;
        if (owner && !same_owner(c, owner, holder))
            return owner;
    }
    return NULL;
}

/* The country code of a GPE (its own, or the country it lies in) or of a
 * NORP, or NO_STRING. */
static uint32_t country_code_of(const stance_ctx *c, const item *it)
{
    const span *s = &c->doc->spans[it->span];
    uint32_t code = it->kind == K_GPE || it->kind == K_ORG ? attr_value(c->doc, s->attrs, s->attr_count, "code")
                                                           : NO_STRING;
    return code != NO_STRING || (it->kind != K_GPE && it->kind != K_NORP)
               ? code
               : attr_value(c->doc, s->attrs, s->attr_count, "country");
}

/* The country a TARIFF says it falls on, by the nationality or place that
 * qualifies its goods after "on" ("a 25% tariff on Brazilian orange
 * juice"; not "a 25% U.S. car tariff", whose place owns it): its country
 * code, or NO_STRING. */
static uint32_t falls_on_code(stance_ctx *c, const item *mention)
{
    if (!mention || (mention->kind != K_TARIFF && mention->kind != K_TARIFF_WORD))
        return NO_STRING;
    /* a levy word reaches over "on" to the goods after it ("higher duties
     * on EU cheese") */
    uint32_t reach = mention->kind == K_TARIFF ? mention->end
                     : mention->last + 2 < c->doc->tokens.count &&
                             token_in(c, mention->last + 1, (const char *const[]){"on", NULL})
                         ? tok(c, mention->last + 2)->end
                         : mention->end;
    for (const item *i = mention + 1, *end = c->items + c->item_count; i < end && i->start < reach; i++)
        if ((i->kind == K_NORP || can_own(c, i)) && i + 1 < end && i[1].kind == K_GOODS &&
            i[1].first == i->last + 1 && i->first > 0 && token_in(c, i->first - 1, (const char *const[]){"on", NULL}))
            return country_code_of(c, i);
    return NO_STRING;
}

/* Whether the GPE or NORP it is of the country code (NO_STRING: none is). */
static int is_country(const stance_ctx *c, const item *it, uint32_t code)
{
    uint32_t own = code == NO_STRING ? NO_STRING : country_code_of(c, it);
    return own != NO_STRING && !strcmp(doc_string(c->doc, own), doc_string(c->doc, code));
}

/* The holder as the owner of a tariff mention, remembered for the mentions
 * after it: an item that can own and stands for the holder, not the
 * country the mention falls on (hit); NULL when the holder is none. */
static const item *holder_as_owner(stance_ctx *c, const item *mention, uint32_t holder, uint32_t hit)
{
    for (size_t i = 0; i < c->item_count; i++)
        if (can_own(c, &c->items[i]) && same_owner(c, &c->items[i], holder) && !is_country(c, &c->items[i], hit))
            return remember_owner(c, mention, &c->items[i]);
    return NULL;
}

/* "OWNER tariffs", or "tariffs"; with no owner given, the owner of an
 * earlier mention of the same measure, else the context's, but never the
 * country the measure falls on (said by it or by that earlier mention):
 * then the owner the document names most, if another. */
#define SHARED_MEASURE (NO_STRING - 1) /* unowned_hit for a measure many countries share */
#define SHARED_LOOKAHEAD 3 /* the article's first tariff mentions that tell it is about a shared one */
#define SHARED_WORDS_BEFORE 3 /* how far before a mention its shared adjective may stand ("a coordinated 30% tariff") */

/* Whether a country owns the tariff mention through "its" or "their"
 * (c->possessed): an imposing verb may only propose a shared measure
 * ("Washington pushes 30% steel tariff at G20 talks"). */
static int possessed_mention(const stance_ctx *c, const item *mention)
{
    for (size_t i = 0; i < c->possessed_count; i++)
        if (c->possessed[i].at == mention->start)
            return 1;
    return 0;
}

/* Whether the item lies in the sentence of the cue whose target is sought. */
static int in_cue_sentence(const stance_ctx *c, const item *it)
{
    return it->first >= c->sentence->first_token && it->first < c->sentence->first_token + c->sentence->token_count;
}

/* A mention's owner name and its place, for sorting mentions into groups. */
typedef struct {
    const char *owner;
    size_t index;
} named_mention;

static int by_owner_then_index(const void *a, const void *b)
{
    const named_mention *x = a, *y = b;
    int order = strcmp(x->owner, y->owner);
    return order ? order : (x->index > y->index) - (x->index < y->index);
}

/* The mentions of countries and coded bodies, listed once per document and
 * grouped by owner name: most_mentioned_country reads them for every
 * target left without owner, so each call is one pass. */
static void build_country_mentions(stance_ctx *c)
{
    if (c->mentions_built)
        return;
    c->mentions_built = 1;
    size_t cap = 0;
    for (size_t i = 0; i < c->item_count; i++) {
        const item *it = &c->items[i];
        const span *s = &c->doc->spans[it->span];
        if (!can_own(c, it) || it->modifier || attr_value(c->doc, s->attrs, s->attr_count, "code") == NO_STRING)
            continue;
        country_mention m = {it, owner_name(c, it), 0, element_at(c->doc, it->start, LE_COMMENT)};
        ARRAY_PUSH(c->mentions, c->mention_count, cap, m);
    }
    if (!c->mention_count)
        return;
    /* no string is interned below: the pool stays where it is */
    named_mention *named = xmalloc(c->mention_count * sizeof *named);
    for (size_t i = 0; i < c->mention_count; i++)
        named[i] = (named_mention){doc_string(c->doc, c->mentions[i].owner), i};
    qsort(named, c->mention_count, sizeof *named, by_owner_then_index);
    for (size_t i = 0; i < c->mention_count; i++) {
        if (i && strcmp(named[i].owner, named[i - 1].owner))
            c->group_count++;
        c->mentions[named[i].index].group = (uint32_t)c->group_count;
    }
    c->group_count++;
    free(named);
    c->tallies = xmalloc(c->group_count * sizeof *c->tallies);
}

/* The country (or coded body such as the EU) the article, with the reader
 * comment here, names most often, not the one hit nor the holder: the owner
 * of a measure the text never says is whose ("a federal panel recommended
 * keeping the safeguard tariffs"). NULL when none is named twice or more
 * ahead of all others, or, for a cue against, when the cue's own sentence
 * names it ("Korea and Canada ended talks, Seoul's negotiator said, warning
 * that the tariffs would do damage"). A group is judged by its first
 * mention in the article or the comment here. */
#define MOST_MENTIONED_MIN 2
static const item *most_mentioned_country(stance_ctx *c, const struct_span *here, uint32_t hit, uint32_t holder)
{
    build_country_mentions(c);
    for (size_t g = 0; g < c->group_count; g++)
        c->tallies[g] = (owner_tally){0, SIZE_MAX, 0};
    for (size_t i = 0; i < c->mention_count; i++) {
        const country_mention *m = &c->mentions[i];
        if (m->comment && m->comment != here)
            continue;
        owner_tally *t = &c->tallies[m->group];
        if (t->first == SIZE_MAX)
            t->first = i;
        t->count++;
        t->in_sentence |= in_cue_sentence(c, m->it);
    }
    const item *best = NULL;
    size_t best_count = 0;
    int tied = 0;
    for (size_t g = 0; g < c->group_count; g++) {
        const owner_tally *t = &c->tallies[g];
        if (t->first == SIZE_MAX)
            continue;
        const country_mention *m = &c->mentions[t->first];
        if (is_country(c, m->it, hit) ||
            (holder != NO_STRING && (same_name(c, m->it, holder) ||
                                     !strcmp(doc_string(c->doc, m->owner), doc_string(c->doc, holder)))))
            continue;
        tied = t->count == best_count || (t->count < best_count && tied);
        if (t->count > best_count) {
            best = t->in_sentence && !c->favoring ? NULL : m->it;
            best_count = t->count;
        }
    }
    return best_count >= MOST_MENTIONED_MIN && !tied ? best : NULL;
}

/* "OWNER tariffs": the target a country's measures go by. */
static who owner_tariffs(stance_ctx *c, const item *owner, uint32_t ref)
{
    const char *name = doc_string(c->doc, owner_name(c, owner));
    size_t n = strlen(name);
    char *text = xmalloc(n + 9);
    memcpy(text, name, n);
    memcpy(text + n, " tariffs", 9);
    who w = {doc_intern(c->doc, text, n + 8), ref, "tariff-with-owner"};
    free(text);
    return w;
}

/* Adjectives that make a measure many countries' at once: "a coordinated
 * 30% tariff", "a common external tariff". */
static const char *const shared_adjectives[] = {"coordinated", "common", "joint", "collective", "multilateral", NULL};

static int shared_measure(stance_ctx *c, const item *mention)
{
    uint32_t from = mention->first > SHARED_WORDS_BEFORE ? mention->first - SHARED_WORDS_BEFORE : 0;
    for (uint32_t t = from; t <= mention->last; t++)
        if (token_in(c, t, shared_adjectives))
            return 1;
    return 0;
}

/* The country the cue's sentence opens in ("In Norway, ..."), when it is
 * not the one of code hit: NULL otherwise. */
static const item *scene_country(stance_ctx *c, uint32_t hit)
{
    uint32_t first = c->sentence->first_token;
    if (!token_in(c, first, (const char *const[]){"in", NULL}))
        return NULL;
    for (const item *i = c->items, *end = i + c->item_count; i < end && i->first <= first + 1; i++)
        if (i->first == first + 1 && i->kind == K_GPE && i->last + 1 < c->doc->tokens.count &&
            token_in(c, i->last + 1, (const char *const[]){",", NULL}) && !is_country(c, i, hit))
            return i;
    return NULL;
}

static const char *const *measure_family(stance_ctx *c, uint32_t t);

/* Whether one of the two tokens from t on names a measure or a government
 * ("Saudi origin rule", "Chinese government"). */
static int norp_measure_follows(stance_ctx *c, uint32_t t)
{
    uint32_t end = (uint32_t)c->doc->tokens.count;
    for (uint32_t k = t; k < t + 2 && k < end && (tok(c, k)->flags & TOKF_LOWER); k++)
        if (measure_family(c, k) || token_in(c, k, government_nouns) || token_in(c, k, levy_words) ||
            token_in(c, k, (const char *const[]){"rule", "rules", "decree", "law", "measure", "measures", NULL}))
            return 1;
    return 0;
}

/* Whether the item only says whose a group is, with goods between them
 * or not ("EU tuna buyers", "U.S. farmers"): no measure is that group's. */
static int qualifies_group(const stance_ctx *c, const item *it)
{
    uint32_t next = it->last + 1;
    for (const item *i = it + 1, *end = c->items + c->item_count; i < end && i->first <= next; i++) {
        if (i->first != next)
            continue;
        if (i->kind == K_GROUP)
            return 1;
        if (i->kind != K_GOODS)
            return 0;
        next = i->last + 1;
    }
    return 0;
}

/* Whether the word after goods names the people who make or trade them, a
 * lower-case plural in "-ers" ("tuna canners", "rice millers"). */
static int goods_trade_group(stance_ctx *c, const item *goods)
{
    uint32_t t = goods->last + 1;
    if (t >= c->doc->tokens.count)
        return 0;
    const token *w = tok(c, t);
    size_t n = w->end - w->start;
    return w->kind == TOK_WORD && (w->flags & TOKF_LOWER) && n > 4 &&
           !memcmp(c->doc->text.clean + w->end - 3, "ers", 3);
}

/* The first country or coded organisation the headline names that is not
 * the country hit, not after an origin preposition, and not one whose
 * group is meant past the headline's opening ("EU court annuls duties on
 * Chinese e-bikes": the EU; "U.S. importers sue to overturn duty": the
 * U.S.; "... as EU tuna buyers fret": none), or NULL. */
static const item *headline_owner(stance_ctx *c, uint32_t hit)
{
    for (size_t i = 0; i < c->doc->structure_count; i++) {
        const struct_span *st = &c->doc->structure[i];
        if (st->element != LE_HEADLINE)
            continue;
        for (const item *it = c->items, *end = it + c->item_count; it < end && it->start < st->end; it++) {
            /* "Maldives tuna canners brace as EU preference ends": a
             * country before the goods of those who make or trade them is
             * where they come from (not "US steel safeguard extended") */
            if (it->start < st->start || is_country(c, it, hit) ||
                (it->first > 0 && token_in(c, it->first - 1, origin_prepositions)) ||
                (it + 1 < end && it[1].kind == K_GOODS && it[1].first == it->last + 1 && goods_trade_group(c, &it[1])))
                continue;
            if (can_own(c, it) &&
                attr_value(c->doc, c->doc->spans[it->span].attrs, c->doc->spans[it->span].attr_count, "code") !=
                    NO_STRING &&
                !(qualifies_group(c, it) && tok(c, it->first)->start != st->start))
                return it;
            /* "Saudi origin rule puts 12% duty on ...": a nationality opening
             * the headline before its measure or government, of a country the
             * document names ("British farmers demand ..." names no owner) */
            if (it->kind == K_NORP && tok(c, it->first)->start == st->start && owner_name(c, it) != it->name &&
                norp_measure_follows(c, it->last + 1))
                return it;
        }
        return NULL;
    }
    return NULL;
}

/* The place the story is filed from, when it stands for a country the
 * document names: the first GPE of the dateline (the layout's, or the
 * capitals a wire story's first paragraph opens with, up to its dash:
 * "KARACHI, Aug. 24 (Indus Wire) -"), not a city that is an organisation's
 * seat ("BRUSSELS" names the bloc, which the measure may fall on). NULL
 * otherwise. Asked once per document. */
static const item *dateline_country(stance_ctx *c)
{
    if (c->dateline_known)
        return c->dateline;
    c->dateline_known = 1;
    const document *doc = c->doc;
    uint32_t from = UINT32_MAX, to = 0;
    for (size_t i = 0; i < doc->structure_count && from == UINT32_MAX; i++)
        if (doc->structure[i].element == LE_DATELINE) {
            from = doc->structure[i].start;
            to = doc->structure[i].end;
        }
    /* a wire story's: the first paragraph after the headline opens with it */
    uint32_t opening = 0;
    for (size_t i = 0; i < doc->structure_count; i++)
        if (doc->structure[i].element == LE_HEADLINE)
            opening = doc->structure[i].end;
    size_t p = COUNT_BEFORE(doc->paragraphs.items, doc->paragraphs.count, start, opening);
    size_t first = p < doc->paragraphs.count
                       ? COUNT_BEFORE(doc->sentences.items, doc->sentences.count, start, doc->paragraphs.items[p].start)
                       : doc->sentences.count;
    if (from == UINT32_MAX && first < doc->sentences.count) {
        uint32_t body = body_start(c, &doc->sentences.items[first]);
        if (body > doc->sentences.items[first].start) {
            from = doc->sentences.items[first].start;
            to = body;
        }
    }
    const item *place = NULL;
    for (const item *it = c->items, *end = it + c->item_count; it < end && !place && it->start < to; it++)
        if (it->kind == K_GPE && it->start >= from && it->end <= to)
            place = it;
    if (place) {
        const span *s = &doc->spans[place->span];
        if (attr_value(doc, s->attrs, s->attr_count, "seat") != NO_STRING ||
            (attr_value(doc, s->attrs, s->attr_count, "code") == NO_STRING && owner_name(c, place) == place->name))
            place = NULL;
    }
    c->dateline = place;
    return place;
}

/* A target left as plain "tariffs" (tariff_target found no owner) is the
 * headline's country's: "EU court annuls duties on Chinese e-bikes" makes
 * "the duties" the EU's. A measure many share ("common external tariff")
 * is the headline's bloc's, not one country's. With none there, it is the
 * country the story is filed from, if that is not the country the measure
 * falls on: a story from Oregon on duties on Vietnamese plywood is about
 * United States duties. Else it is the country the article (with the
 * reader comment the cue is in) names most. */
static who headline_owned(stance_ctx *c, who target, uint32_t holder, const struct_span *comment)
{
    if (!target.from || strcmp(target.from, "tariff") || strcmp(doc_string(c->doc, target.name), "tariffs"))
        return target;
    int shared = c->unowned_hit == SHARED_MEASURE;
    const char *from = "tariff-of-headline";
    const item *owner = headline_owner(c, shared ? NO_STRING : c->unowned_hit);
    if (!owner && !shared) {
        owner = dateline_country(c);
        if (owner && is_country(c, owner, c->unowned_hit))
            owner = NULL;
        from = "tariff-of-dateline";
    }
    if (!owner && !shared) {
        owner = most_mentioned_country(c, comment, c->unowned_hit, holder);
        from = "tariff-of-most-named";
    }
    if (!owner || (shared && owner->kind != K_ORG) || (!c->favoring && same_owner(c, owner, holder)))
        return target;
    who owned_target = owner_tariffs(c, owner, target.ref);
    owned_target.from = from;
    return owned_target;
}

static who tariff_target(stance_ctx *c, const item *mention, const item *owner, uint32_t holder)
{
    document *doc = c->doc;
    const item *same = NULL;
    /* a measure many countries share, or a tariff in an article about one,
     * is no one country's unless the text says whose right before it */
    build_tariffs(c);
    int shared = shared_measure(c, mention);
    /* an article's first mentions tell it is about a shared measure, unless
     * a country owns one before ("Uruguay will raise its import tariff",
     * then the "common external tariff" it is an exception to) */
    for (size_t i = 0; i < c->tariff_count && i < SHARED_LOOKAHEAD && !shared && !possessed_mention(c, c->tariffs[i]);
         i++)
        shared = shared_measure(c, c->tariffs[i]);
    if (!owner && !shared)
        owner = same_measure_owner(c, mention, holder, &same);
    if (!owner && !shared) {
        uint32_t hit = falls_on_code(c, mention);
        if (hit == NO_STRING)
            hit = falls_on_code(c, same);
        /* a country defends its own measure, whatever the context */
        if (c->defending)
            owner = holder_as_owner(c, mention, holder, hit);
        if (!owner)
            owner = context_owner(c, mention->start, holder);
        if (owner && is_country(c, owner, hit)) {
            owner = most_named(c, element_at(doc, mention->start, LE_COMMENT));
            if (owner && (is_country(c, owner, hit) || (!c->favoring && same_owner(c, owner, holder))))
                owner = NULL;
        }
        /* "The EU defended a 50% duty on American bourbon": a country in
         * favour of a measure falling on another, whose owner the text
         * leaves unsaid, defends its own */
        if (c->favoring && !owner && hit != NO_STRING)
            owner = holder_as_owner(c, mention, holder, hit);
        /* "In Norway, the opposition Coastal Party called on the government
         * to answer with higher duties on EU cheese": a body in favour of a
         * measure falling on another, in the country its sentence opens
         * in, asks it of that country */
        if (c->favoring && !owner && hit != NO_STRING)
            owner = scene_country(c, hit);
        /* "welcomed the orange juice tariff" after Brazil's own duties on
         * ethanol were named: a measure falling on one country is the last
         * other country's the text named as an owner before it */
        const struct_span *here = element_at(doc, mention->start, LE_COMMENT);
        for (size_t k = COUNT_UP_TO(c->owned, c->owned_count, at, mention->start); !owner && hit != NO_STRING && k-- > 0;)
            if ((!c->owned[k].comment || c->owned[k].comment == here) && !is_country(c, c->owned[k].owner, hit) &&
                (c->favoring || !same_owner(c, c->owned[k].owner, holder)))
                owner = c->owned[k].owner;
    }
    uint32_t ref = mention->kind == K_TARIFF ? doc->spans[mention->span].ref : NO_STRING;
    if (!owner) {
        c->unowned_hit = shared ? SHARED_MEASURE : falls_on_code(c, mention);
        return (who){doc_intern(doc, "tariffs", 7), ref, "tariff"};
    }
    return owner_tariffs(c, owner, ref);
}

/* Words that, between a place and a tariff, make the place the one the
 * tariff falls on: "China faces provisional duties", "hit Canada with
 * tariffs". */
static const char *const subject_to[] = {"face",  "faces",  "faced",   "facing", "risk", "risks",
                                         "risked", "with",  "avoid",   "avoids", "avoided", NULL};

static int falls_on(stance_ctx *c, const item *place, const item *mention)
{
    for (uint32_t t = place->last + 1; t < mention->first; t++)
        if (token_in(c, t, subject_to))
            return 1;
    return 0;
}

/* "Washington lifting its 20% tariff", "its own duties": after "its" or
 * "their" (over "own" and a rate), the last GPE of items before that word,
 * in the sentence starting at token first. NULL when none. */
static const item *possessive_owner(stance_ctx *c, const item *items, const item *mention, uint32_t first)
{
    uint32_t t = mention->first, words = 0;
    /* "its own duties", "its 20% tariff", "its steel tariffs" */
    while (t > first && (token_in(c, t - 1, (const char *const[]){"own", NULL}) ||
                         tok(c, t - 1)->kind == TOK_NUMBER || tok(c, t - 1)->kind == TOK_SYMBOL ||
                         (words < 2 && phrase_word(c, t - 1) && !token_in(c, t - 1, possessives) && ++words)))
        t--;
    if (t <= first || !token_in(c, t - 1, possessives)) /* a mention before the sentence has none in it */
        return NULL;
    for (const item *i = mention; i-- > items;)
        if (can_own(c, i) && i->end <= tok(c, t - 1)->start)
            return i;
    /* "China started this. They should drop their canola duties": a
     * sentence opened by "they" or "it" goes on about the last owner
     * named before it in its paragraph or reader comment */
    uint32_t opening = first;
    while (opening < t && is_quote_mark(c, opening))
        opening++;
    if (!token_in(c, opening, (const char *const[]){"they", "it", NULL}))
        return NULL;
    uint32_t from = context_start(c, mention, 0), sentence_start = tok(c, first)->start;
    for (const item *i = mention; i-- > c->items && i->start >= from;)
        if (can_own(c, i) && i->end <= sentence_start)
            return i;
    return NULL;
}

/* "U.S. anti-dumping and countervailing duties": only lower-case words of
 * the measure's kind, joined by "and" or "or", stand between an owner and
 * its tariff mention, at most KIND_WORDS of them. */
static int kinds_between(stance_ctx *c, const item *owner, const item *mention)
{
    if (mention->first > owner->last + 1 + KIND_WORDS)
        return 0;
    for (uint32_t t = owner->last + 1; t < mention->first; t++)
        if (!phrase_word(c, t) && !token_in(c, t, (const char *const[]){"and", "or", NULL}))
            return 0;
    return 1;
}

/* "Trump's tariffs" after "U.S. President Donald Trump": the country a
 * person named by a possessive right before the mention leads, as a GPE
 * right before his title or name at some mention of him (at most
 * LEADER_WORDS tokens before the name), or NULL. */
static const item *leader_country(stance_ctx *c, const item *items, const item *mention, uint32_t holder)
{
    const item *person = mention > items ? mention - 1 : NULL;
    if (!person || person->kind != K_PERSON || !possessive(c, person) || person->last + 2 != mention->first)
        return NULL;
    for (size_t i = 0; i < c->item_count; i++) {
        const item *p = &c->items[i];
        if (p->kind != K_PERSON || !same_name(c, p, person->name))
            continue;
        for (size_t j = i; j-- > 0 && c->items[j].last + LEADER_WORDS >= p->first;)
            if (can_own(c, &c->items[j]) && c->items[j].last < p->first && !same_owner(c, &c->items[j], holder))
                return &c->items[j];
    }
    return NULL;
}

/* The owner a tariff mention names itself: a GPE ending at most 3 tokens
 * before it in its clause, at or after from (a cue's end: "Japan opposes the
 * tariffs" is no owner), not the holder ("U.S. tariffs", "Japan's
 * duties") and not one the tariff falls on ("China faces duties"); or, after
 * "its" or "their" ("its own duties", "its 25% counter-tariffs"), the last
 * GPE before that word in the sentence ("Washington lifting its 20%
 * tariff"). */
/* Whether the entity follows "in" or "at": where something was said or
 * done ("told a briefing in Beijing that the duties ..."), not who owns a
 * measure named after it. */
static int after_in_or_at(stance_ctx *c, const item *it)
{
    return it->first > 0 && token_in(c, it->first - 1, (const char *const[]){"in", "at", NULL});
}

static const item *owner_before(stance_ctx *c, const item *items, const item *mention, uint32_t holder, uint32_t from)
{
    /* "30% U.S. tariff": a country inside the measure, not after a
     * preposition ("on Chinese steel" is where the goods come from) */
    for (const item *i = mention + 1; i < c->items + c->item_count && i->start < mention->end; i++)
        if (can_own(c, i) && i->end <= mention->end && i->first > mention->first &&
            !token_in(c, i->first - 1, origin_prepositions))
            return i;
    const item *owner = NULL;
    for (const item *i = items; i < mention; i++)
        if (can_own(c, i) && i->start >= from && i->end <= mention->start &&
            (i->last + NEGATION_WINDOW >= mention->first || kinds_between(c, i, mention)) &&
            clause_of(c, i->last) == clause_of(c, mention->first) && !same_owner(c, i, holder) &&
            !falls_on(c, i, mention) && !after_in_or_at(c, i))
            owner = i;
    if (owner)
        return owner;
    /* "the Chinese tariffs": a nationality right before the levy word,
     * whose country the document names, owns it (not "Chinese steel
     * tariffs", which fall on that steel) */
    const item *before = mention > items ? mention - 1 : NULL;
    if (before && before->kind == K_NORP && before->last + 1 == mention->first && before->start >= from &&
        owner_name(c, before) != before->name && !same_owner(c, before, holder))
        return before;
    owner = possessive_owner(c, items, mention, c->sentence->first_token);
    return owner ? owner : leader_country(c, items, mention, holder);
}

/* The target of a tariff mention whose owner is the one named before it
 * (owner_before), remembered for the mentions after it. */
static who owned_tariff_target(stance_ctx *c, const item *mention, uint32_t holder)
{
    return tariff_target(c, mention, remember_owner(c, mention, owner_before(c, c->items, mention, holder, 0)), holder);
}

/* ---- targets -------------------------------------------------------------------- */

/* The words of tokens [first, end) joined by single spaces, interned. */
static uint32_t phrase_text(stance_ctx *c, uint32_t first, uint32_t end)
{
    char text[256];
    size_t len = 0;
    for (uint32_t t = first; t < end; t++) {
        const token *w = tok(c, t);
        if (len + (w->end - w->start) + 2 > sizeof text)
            break;
        if (len)
            text[len++] = ' ';
        memcpy(text + len, c->doc->text.clean + w->start, w->end - w->start);
        len += w->end - w->start;
    }
    return doc_intern(c->doc, text, len);
}

static int phrase_word(stance_ctx *c, uint32_t t)
{
    const token *w = tok(c, t);
    return w->kind == TOK_WORD && (w->flags & TOKF_LOWER) && !token_in_set(c, t, &phrase_stop_set);
}

/* The nouns of a measure that is named by what it falls on, by family
 * (named_measure). */
static const char *const measure_families[MEASURE_FAMILY_COUNT][3] = {{"tax", "taxes", NULL},         {"ban", "bans", NULL},
                                                  {"embargo", "embargoes", NULL}, {"quota", "quotas", NULL},
                                                  {"controls", NULL, NULL},       {"curbs", NULL, NULL},
                                                  {"restrictions", NULL, NULL},   {"price", NULL, NULL}};

/* Whether token t is a noun of family: "price" only as a minimum or
 * reference price ("minimum import price", "floor price"), a measure; any
 * other price is none. */
static int family_noun(stance_ctx *c, uint32_t t, const char *const *family)
{
    if (!token_in(c, t, family))
        return 0;
    if (family != measure_families[MEASURE_FAMILY_COUNT - 1])
        return 1;
    static const char *const setting[] = {"minimum", "floor", "reference", NULL};
    return (t > 0 && token_in(c, t - 1, setting)) || (t > 1 && token_in(c, t - 2, setting));
}

/* The family of the measure noun at token t, or NULL. */
static const char *const *measure_family(stance_ctx *c, uint32_t t)
{
    for (size_t m = 0; m < sizeof measure_families / sizeof *measure_families; m++)
        if (family_noun(c, t, measure_families[m]))
            return measure_families[m];
    return NULL;
}

/* Whether a measure of family goes by its noun alone once named in full:
 * "the ban" after "Indonesia keeps nickel ore export ban" is "ban", as the
 * text calls it there (and a ban found in the context is "ban" too), where
 * "the tax" is the tax named before and "the price" the minimum import
 * price. */
static int named_by_noun(const char *const *family)
{
    return family == measure_families[1] || family == measure_families[2] || family == measure_families[3];
}

/* How firm, big, urgent or new a measure is, and how high, where the head
 * is a levy: no part of its name ("welcomed the smaller quota", "the
 * emergency safeguard", "a proposed royalty", "the higher tax"; but "higher
 * prices" are no prices). */
static const char *const measure_manner[] = {"firm",    "strong",    "tough",    "swift",    "robust",
                                             "measured", "smaller",  "larger",   "bigger",   "tighter",
                                             "stricter", "tougher",  "emergency", "new",     "proposed",
                                             "planned",  NULL};
static const char *const measure_level[] = {"higher", "lower", "increased", "additional", "extra", NULL};

/* The last measure of family (any, when NULL) named before token t by its
 * noun after up to NAMED_MEASURE_WORDS - 1 words ("digital services tax",
 * "nickel ore export ban"), at token first or after, in the article or t's
 * reader comment: that name, or the noun alone for a family that goes by
 * it (named_by_noun: "ban"). Name NO_STRING when none was. */
static who measure_named_before(stance_ctx *c, const char *const *family, uint32_t t, uint32_t first)
{
    const struct_span *here = element_at(c->doc, tok(c, t)->start, LE_COMMENT);
    for (uint32_t n = t; n-- > first && n > 0;) {
        /* "the worst tax a country can levy", "cutting most quotas", "a
         * reduced tax of 5%" for some name no tax or quota */
        if (!(family ? family_noun(c, n, family) : measure_family(c, n) != NULL) || !phrase_word(c, n - 1) ||
            token_in_set(c, n - 1, &phrase_skip_set) ||
            token_in(c, n - 1, (const char *const[]){"worst", "best", "only", "same", "other", "first", "last",
                                                     "next", "biggest", "highest", "lowest", "new", "similar", "such", "most",
                                                     "many", "more", "several", "reduced", "lower", "higher",
                                                     "special", NULL}))
            continue;
        const struct_span *in = element_at(c->doc, tok(c, n)->start, LE_COMMENT);
        if (in && in != here)
            continue;
        /* "the taxes" after "export taxes on soybeans": a tariff named so
         * is that tariff */
        for (const item *i = c->items, *end = i + c->item_count; i < end && i->first <= n; i++)
            if (is_tariff(i->kind) && i->last >= n)
                return owned_tariff_target(c, i, c->holder);
        /* "urges China to lift seafood ban", "Norway shrinks cheese import
         * quota": the verb is no part of the name */
        static const char *const acts_on_measure[] = {
            "lift", "lifts", "lifted", "end", "ends", "ended", "scrap", "scraps", "scrapped", "keep", "keeps",
            "kept", "impose", "imposes", "imposed", "extend", "extends", "extended", "ease", "eases", "eased",
            "drop", "drops", "dropped", "remove", "removes", "removed", "defend", "defends", "defended",
            "reject", "rejects", "rejected", "maintain", "maintains", "maintained", "tighten", "tightens", "set",
            "sets", "introduce", "introduces", "introduced", "announce", "announces", "announced", "adopt", "adopts",
            "adopted", "calls", "called", "says", "said", "cut", "cuts", "trims", "trimmed", "shrinks", "shrank",
            "raises", "raised", "halves", "halved", "doubles", "doubled", "slashes", "slashed", "reduces",
            "expands", "expanded", "widens", "widened", "suspends", "suspended", "renews", "renewed", "unveils",
            "unveiled", "approves", "approved", NULL};
        if (token_in(c, n - 1, acts_on_measure))
            continue;
        if (named_by_noun(family ? family : measure_family(c, n)))
            return (who){phrase_text(c, n, n + 1), NO_STRING, "named-measure"};
        uint32_t from = n - 1;
        while (from > 0 && n - from < NAMED_MEASURE_WORDS - 1 && phrase_word(c, from - 1) &&
               !token_in_set(c, from - 1, &phrase_skip_set) && !token_in(c, from - 1, acts_on_measure))
            from--;
        /* "its new export controls" are the export controls, "the whole
         * quota" the quota */
        while (from < n && token_in(c, from, (const char *const[]){"new", "latest", "recent", "tighter",
                                                                        "stricter", "tougher", "sweeping",
                                                                        "expanded", "proposed", "planned", "whole",
                                                                        "entire", "no", "seasonal", "temporary",
                                                                        NULL}))
            from++;
        return (who){phrase_text(c, from, n + 1), NO_STRING, "named-measure"};
    }
    return (who){NO_STRING, NO_STRING, NULL};
}

/* The first measure of family (any, when NULL) the article names before
 * token limit, outside the reader comments: its name (measure_named_before),
 * or NO_STRING when it is named by its noun alone; *at is its noun's token,
 * UINT32_MAX when there is none. */
static who article_first_measure(stance_ctx *c, const char *const *family, uint32_t limit, uint32_t *at)
{
    if (!c->family_first_built) {
        uint32_t comments = UINT32_MAX;
        for (size_t i = 0; i < c->doc->structure_count; i++)
            if (c->doc->structure[i].element == LE_COMMENT && c->doc->structure[i].start < comments)
                comments = c->doc->structure[i].start;
        /* the lengths of the family nouns, by their lower-case first
         * letter: most tokens are ruled out by those two alone */
        uint32_t lengths[26] = {0};
        for (size_t m = 0; m < MEASURE_FAMILY_COUNT; m++) {
            c->family_first[m] = UINT32_MAX;
            for (const char *const *w = measure_families[m]; *w; w++)
                lengths[**w - 'a'] |= 1u << strlen(*w);
        }
        for (uint32_t n = 1; n < c->doc->tokens.count && tok(c, n)->start < comments; n++) {
            const token *w = tok(c, n);
            unsigned char first = (unsigned char)c->doc->text.clean[w->start];
            if (w->kind != TOK_WORD || first < 'a' || first > 'z' || w->end - w->start >= 32 ||
                !(lengths[first - 'a'] & (1u << (w->end - w->start))))
                continue;
            /* "Papua New Guinea to tax frozen tuna exports": a verb */
            if (token_in(c, n - 1, (const char *const[]){"to", "will", "would", "may", "might", "could", "should",
                                                          "must", NULL}))
                continue;
            for (size_t m = 0; m < MEASURE_FAMILY_COUNT; m++)
                if (c->family_first[m] == UINT32_MAX && family_noun(c, n, measure_families[m]))
                    c->family_first[m] = n;
        }
        c->family_first_built = 1;
    }
    *at = UINT32_MAX;
    size_t chosen = 0;
    for (size_t m = 0; m < MEASURE_FAMILY_COUNT; m++)
        if ((!family || family == measure_families[m]) && c->family_first[m] < *at && c->family_first[m] < limit) {
            *at = c->family_first[m];
            chosen = m;
        }
    return *at == UINT32_MAX ? (who){NO_STRING, NO_STRING, NULL}
                             : measure_named_before(c, measure_families[chosen], *at + 1, *at);
}

/* "the tax" after "Spain will not scrap its 3% digital services tax": a
 * tax is named by what it falls on, and "the tax" ("this tax", "its
 * controls") is the last one named so (measure_named_before) within
 * NAMED_MEASURE_LOOKBACK tokens before token t. A ban, an embargo or a quota
 * goes by its noun as written at t (named_by_noun). Name NO_STRING when t is
 * no such noun after a determiner, or none was named. Other nouns stay as
 * written ("the deal" is "deal", whatever deal came before). */
static who named_measure(stance_ctx *c, uint32_t t)
{
    who none = {NO_STRING, NO_STRING, NULL};
    const char *const *family = measure_family(c, t);
    /* "the higher tax", "its new ban" */
    uint32_t before = t;
    while (before > 1 && (token_in(c, before - 1, measure_manner) || token_in(c, before - 1, measure_level)))
        before--;
    if (t == 0 || !family ||
        !token_in(c, before - 1, (const char *const[]){"the", "this", "that", "these", "those", "its", NULL}))
        return none;
    if (named_by_noun(family))
        return (who){phrase_text(c, t, t + 1), NO_STRING, "named-measure"};
    /* a reader's "the ban" that the comment has not named is the one the
     * article opens with: named there, or not (then it stays "ban") */
    const struct_span *comment = element_at(c->doc, tok(c, t)->start, LE_COMMENT);
    if (comment) {
        uint32_t comment_first = (uint32_t)token_at_or_after(&c->doc->tokens, comment->start);
        who named = measure_named_before(c, family, t, comment_first);
        uint32_t first;
        return named.name != NO_STRING ? named : article_first_measure(c, family, comment_first, &first);
    }
    return measure_named_before(c, family, t, t > NAMED_MEASURE_LOOKBACK ? t - NAMED_MEASURE_LOOKBACK : 0);
}

/* "this ban", "the quota" where none was named by what it falls on: the
 * measure by its family's noun ("ban", "quota"). Name NO_STRING when token
 * t is no measure noun after a determiner, or a tax, which is most often a
 * tariff named otherwise ("the tax" after "a 15% export duty"). */
static who bare_measure(stance_ctx *c, uint32_t t)
{
    const char *const *family = t > 0 ? measure_family(c, t) : NULL;
    if (!family || family == measure_families[0] || !token_in(c, t - 1, determiners))
        return (who){NO_STRING, NO_STRING, NULL};
    return (who){doc_intern(c->doc, family[0], strlen(family[0])), NO_STRING, "named-measure"};
}

/* The noun phrase of tokens [first, end), "the tax" as the tax named before
 * (named_measure); from says how it was chosen. */
/* "the retail council is right": lower-case words ending in an
 * organisation's head noun, each of them in the name of an organisation
 * named before token first ("Retail Council of Canada"), stand for it; the
 * most recent such one. NULL otherwise. */
static const item *org_named_by_words(stance_ctx *c, uint32_t first, uint32_t end)
{
    if (end < first + 2 || !token_in_set(c, end - 1, &org_head_set))
        return NULL;
    int seen = 0;
    for (const item *i = c->items + c->item_count; i-- > c->items && seen < TITLE_LOOKBACK;) {
        if (i->kind != K_ORG || i->end > tok(c, first)->start)
            continue;
        seen++;
        int all = 1;
        for (uint32_t t = first; t < end && all; t++) {
            char word[32];
            lower_word(c, t, word, sizeof word);
            all = quote_text_has_word(c->doc->text.clean + i->start, i->end - i->start, word);
        }
        if (all)
            return i;
    }
    return NULL;
}

static who noun_phrase(stance_ctx *c, uint32_t first, uint32_t end, const char *from)
{
    /* "backed a firm answer": how firm is no part of what is backed, nor
     * how big, how urgent or how new ("welcomed the smaller quota", "the
     * emergency safeguard", "the higher tax", "a proposed royalty") */
    while (end > first + 1 && (token_in(c, first, measure_manner) ||
                               (token_in(c, first, measure_level) && token_in(c, end - 1, levy_words))))
        first++;
    /* "something is wrong": an indefinite pronoun names nothing */
    static const char *const indefinite[] = {"something", "anything", "nothing", "everything", "someone",
                                             "anyone",    "everyone", "nobody",  "somebody",   NULL};
    if (token_in(c, end - 1, indefinite))
        return (who){NO_STRING, NO_STRING, NULL};
    who tax = end == first + 1 ? named_measure(c, first) : (who){NO_STRING, NO_STRING, NULL};
    if (tax.name != NO_STRING)
        return tax;
    const item *body = org_named_by_words(c, first, end);
    return body ? entity_who(c, body, "organisation") : (who){phrase_text(c, first, end), NO_STRING, from};
}

/* What goods before it make a measure of their own: "nickel ore export
 * ban", "beef quota", "rice imports". */
static const char *const goods_measures[] = {"ban", "bans", "embargo", "embargoes", "quota", "quotas", "tax",
                                             "taxes", "restrictions", "curbs", "controls", "subsidies", "imports",
                                             "exports", NULL};

/* Whether word t reads as a past participle after a noun ("a decision
 * taken without ...", "contracts signed before ..."), which ends a noun
 * phrase: an "-ed" word of five letters or more (not "-eed": "rapeseed"),
 * or a common irregular one. */
static int past_participle(stance_ctx *c, uint32_t t)
{
    static const char *const irregular[] = {"taken", "given", "made", "written", "chosen", "held", "sold", "paid",
                                            "built", "kept", "brought", "bought", "set", "imposed", NULL};
    const token *w = tok(c, t);
    const char *end = c->doc->text.clean + w->end;
    size_t n = w->end - w->start;
    return (n >= 5 && end[-2] == 'e' && end[-1] == 'd' && end[-3] != 'e') || token_in(c, t, irregular);
}

/* Whether token t is a lower-case word ending in "ly" ("squarely"), but
 * no noun that ends so ("the monopoly on salt"). */
static int ly_adverb(stance_ctx *c, uint32_t t)
{
    const token *w = tok(c, t);
    size_t n = w->end - w->start;
    return w->kind == TOK_WORD && (w->flags & TOKF_LOWER) && n > 4 &&
           !memcmp(c->doc->text.clean + w->end - 2, "ly", 2) &&
           !token_in(c, t, (const char *const[]){"monopoly", "assembly", "family", "supply", "rally", "reply",
                                                 "anomaly", "ally", "bully", "belly", "jelly", NULL});
}

/* Up to PHRASE_WORDS lower-case words after token from, in the clause
 * (determiners and amounts skipped: "a $150 billion shipbuilding fund"):
 * tokens [*first, *end). */
static int phrase_after(stance_ctx *c, uint32_t from, uint32_t clause, uint32_t *first, uint32_t *end)
{
    phrase_answer *last = &c->phrase;
    if (last->sentence != c->sentence || last->from != from || last->clause != clause) {
        *last = (phrase_answer){c->sentence, from, clause, 0, 0};
        uint32_t sentence_end = c->sentence->first_token + c->sentence->token_count;
        /* "disagreed with parts of the ruling": what a part is of */
        static const char *const partitives[] = {"part", "parts", "elements", "aspects", "sections", "much", "most",
                                                 NULL};
        /* "put the blame squarely on customs": what is blamed comes after
         * the adverb right after the cue and its "on" */
        if (from + 2 < sentence_end && clause_of(c, from) == clause && ly_adverb(c, from) &&
            token_in(c, from + 1, (const char *const[]){"on", "onto", NULL}))
            from += 2;
        while (from < sentence_end && clause_of(c, from) == clause &&
               (token_in_set(c, from, &phrase_skip_set) || tok(c, from)->kind == TOK_NUMBER ||
                tok(c, from)->kind == TOK_SYMBOL ||
                (from + 1 < sentence_end && token_in(c, from, partitives) &&
                 token_in(c, from + 1, (const char *const[]){"of", NULL}))))
            from++;
        uint32_t t = from;
        /* "a bill raising the royalty": a participle before a determiner
         * opens what the phrase does, not more of its name; so does one of
         * these verbs before anything ("a bill making customs an essential
         * service") */
        static const char *const doing[] = {"making",  "giving",   "allowing", "requiring", "forcing",
                                            "letting", "banning",  "limiting", "imposing",  "setting",
                                            "ending",  "creating", "capping",  "declaring", "extending", NULL};
        while (t < sentence_end && t - from < PHRASE_WORDS && clause_of(c, t) == clause && phrase_word(c, t) &&
               !(t > from && past_participle(c, t)) && !(t > from && token_in(c, t, doing)) &&
               !(t > from && t + 1 < sentence_end && is_participle_at(c, t) && token_in(c, t + 1, determiners)))
            t++;
        /* "rare earth export curbs": a measure one word past the limit */
        if (t - from == PHRASE_WORDS && t < sentence_end && clause_of(c, t) == clause && phrase_word(c, t) &&
            token_in(c, t, goods_measures))
            t++;
        /* "would not suspend the measure early"; "early elections" */
        if (t - from > 1 && token_in(c, t - 1, (const char *const[]){"early", NULL}))
            t--;
        last->first = from;
        last->end = t;
    }
    *first = last->first;
    *end = last->end;
    return last->end > last->first;
}


/* Whether the headline holds the words of tokens [first, end), in any case. */
static int in_headline(stance_ctx *c, uint32_t first, uint32_t end)
{
    const document *doc = c->doc;
    for (size_t i = 0; i < doc->structure_count; i++) {
        const struct_span *h = &doc->structure[i];
        if (h->element != LE_HEADLINE)
            continue;
        size_t n = tok(c, end - 1)->end - tok(c, first)->start;
        const char *words = doc->text.clean + tok(c, first)->start;
        for (uint32_t at = h->start; at + n <= h->end; at++)
            if (!strncasecmp(doc->text.clean + at, words, n) &&
                (at == h->start || !isalnum((unsigned char)doc->text.clean[at - 1])))
                return 1;
        return 0;
    }
    return 0;
}

/* The noun phrase target after token from; one that points back is
 * resolved: "the minister('s remarks)" is that minister, "that argument"
 * whoever spoke in the sentence before (nobody named: no target). */
static who noun_target(stance_ctx *c, uint32_t from, uint32_t clause, uint32_t at)
{
    who none = {NO_STRING, NO_STRING, NULL};
    uint32_t first, end;
    if (!phrase_after(c, from, clause, &first, &end))
        return none;
    /* "a price it scrapped two years ago": a time is no target */
    static const char *const time_heads[] = {"ago", "day", "days", "week", "weeks", "month", "months", "year",
                                             "years", "decade", "decades", NULL};
    /* "complains about 50 cents on a bottle", "water stood up to 2 metres
     * deep": an amount is no target */
    static const char *const amount_heads[] = {"cents", "dollars", "euros", "pounds", "yen", "pesos", "rupees",
                                               "percent", "tonnes", "tons", "metres", "meters", "kilometres",
                                               "kilometers", "miles", "feet", "hectares", "litres", "liters",
                                               "kilograms", "deep", "high", "long", "wide", NULL};
    if (token_in(c, end - 1, time_heads) || (first > from && tok(c, first - 1)->kind == TOK_NUMBER &&
                                             token_in(c, end - 1, amount_heads)))
        return none;
    if (token_in(c, end - 1, speech_nouns)) {
        if (first > from && token_in(c, first - 1, demonstratives))
            return previous_speaker(c); /* name NO_STRING when nobody spoke */
        /* "rejected the idea that ...", "rejecting calls from traders to
         * reopen the border": what is weighed follows */
        if (end < c->sentence->first_token + c->sentence->token_count &&
            (token_in(c, end, (const char *const[]){"that", "of", NULL}) ||
             (token_in(c, end - 1, (const char *const[]){"calls", NULL}) &&
              token_in(c, end, (const char *const[]){"for", "from", "to", NULL}))))
            return none;
    }
    /* "cry foul as Hungary bans firewood exports": a measure verb after a
     * name is the measure it makes */
    if (first > 0 && (tok(c, first - 1)->flags & TOKF_CAPITALIZED) &&
        token_in(c, first, (const char *const[]){"bans", "taxes", NULL})) {
        const char *word = measure_family(c, first)[0];
        return (who){doc_intern(c->doc, word, strlen(word)), NO_STRING, "measure-verb"};
    }
    /* "as Egypt extends onion export ban": the verb is no part of it */
    if (first > 0 && (tok(c, first - 1)->flags & TOKF_CAPITALIZED) && end > first + 1 &&
        token_in(c, first, (const char *const[]){"extends", "keeps", "imposes", "raises", "sets", "renews", NULL}))
        return noun_target(c, first + 1, clause, at);
    /* "the government's offer", "the ministry's proposal": the offer, the
     * proposal; but "the chamber's cost estimate", "the union's argument"
     * are what the body holds, so the body */
    uint32_t sentence_end = c->sentence->first_token + c->sentence->token_count;
    int possessed = end + 1 < sentence_end && tok(c, end)->kind == TOK_CLITIC && phrase_word(c, end + 1);
    int position = possessed && !token_in(c, end + 1, proposal_nouns) && !measure_family(c, end + 1);
    if (end == first + 1 && first > from) {
        const item *person = title_noun_person(c, first, at);
        if (person)
            return entity_who(c, person, "title");
        const item *body = org_head_referent(c, first, at); /* "supported the union" */
        if (body && (!possessed || position))
            return entity_who(c, body, "organisation");
    }
    if (possessed)
        return noun_target(c, end + 1, clause, at);
    /* "welcomed the honey quota": a measure goes by its head noun, unless
     * the headline names it by the whole phrase ("China keeps seafood
     * ban") */
    static const char *const heads[] = {"quota", "quotas", "ban", "ruling", "checks", "cap", "embargo", NULL};
    if (end - first >= 2 && token_in(c, end - 1, heads) && !in_headline(c, first, end))
        first = end - 1;
    return noun_phrase(c, first, end, "phrase");
}

/* "the Geneva meeting": a city between a determiner and lower-case nouns
 * names the thing there, which is the target with the city's name (a
 * country qualifying a noun is its actor instead: "a U.S. request" is a
 * "request"). Name NO_STRING otherwise. */
static who place_phrase(stance_ctx *c, const item *it)
{
    who none = {NO_STRING, NO_STRING, NULL};
    const span *s = &c->doc->spans[it->span];
    /* "a measure that Brussels says breaks the rules": "that" opens a clause */
    if (it->kind != K_GPE || it->first == c->sentence->first_token || !token_in_set(c, it->first - 1, &phrase_skip_set) ||
        token_in(c, it->first - 1, (const char *const[]){"that", NULL}) ||
        attr_value(c->doc, s->attrs, s->attr_count, "country") == NO_STRING ||
        attr_value(c->doc, s->attrs, s->attr_count, "code") != NO_STRING)
        return none;
    uint32_t end = it->last + 1, sentence_end = c->sentence->first_token + c->sentence->token_count;
    while (end < sentence_end && end - it->last <= PHRASE_WORDS && phrase_word(c, end))
        end++;
    return end > it->last + 1 ? (who){phrase_text(c, it->first, end), NO_STRING, "place-phrase"} : none;
}

/* An entity as a target: what a city names (place_phrase), else the entity. */
static who entity_target(stance_ctx *c, const item *it, const char *from)
{
    who place = place_phrase(c, it);
    return place.name != NO_STRING ? place : entity_who(c, it, from);
}

/* The token after the copula a cue opens with, over auxiliaries before it
 * ("is fine", "have been dumping"); UINT32_MAX when it opens with none. */
static uint32_t copula_opening(stance_ctx *c, const item *cue)
{
    uint32_t t = cue->first;
    while (t < cue->last && token_in(c, t, auxiliaries))
        t++;
    return token_in(c, t, copulas) ? t + 1 : UINT32_MAX;
}

/* Where the subject of the copula leading to the cue ends: the token
 * right after it, before the copula and its auxiliaries ("the call had
 * been" ends at "had"), with no , ; : or "but" between the copula and the
 * cue; UINT32_MAX when there is none. */
static uint32_t subject_end(stance_ctx *c, const item *cue)
{
    uint32_t first = c->sentence->first_token, t = copula_opening(c, cue);
    if (t == UINT32_MAX)
        t = cue->first;
    for (int steps = 0; t > first && !token_in(c, t - 1, copulas); t--, steps++) {
        const token *w = tok(c, t - 1);
        /* "protecting industry is fine but this rule protects nobody":
         * the copula is in the clause before "but" and a new subject
         * ("had been "polite but unproductive"" goes on) */
        if (steps > PHRASE_WORDS + 1 || (w->kind == TOK_PUNCT && strchr(",;:", c->doc->text.clean[w->start])) ||
            (token_in(c, t - 1, (const char *const[]){"but", "yet", NULL}) && token_in(c, t, determiners)))
            return UINT32_MAX;
    }
    if (t == first)
        return UINT32_MAX;
    t--; /* the copula */
    while (t > first && token_in(c, t - 1, auxiliaries))
        t--;
    return t;
}

/* The subject noun phrase of tokens [first, end) before a cue at offset at:
 * a head noun alone may stand for an organisation ("the union's demand")
 * or a titled person ("The senator is right") named before. */
static who subject_noun_phrase(stance_ctx *c, uint32_t first, uint32_t end, uint32_t at)
{
    const item *body = end == first + 1 ? org_head_referent(c, first, at) : NULL;
    if (body)
        return entity_who(c, body, "organisation");
    const item *titled = end == first + 1 ? title_noun_person(c, first, at) : NULL;
    if (titled)
        return entity_who(c, titled, "title");
    return noun_phrase(c, first, end, "subject-phrase");
}

/* "the call had been "polite but unproductive"": a noun phrase of up to
 * PHRASE_WORDS lower-case words before the copula that leads to the cue, in
 * its sentence with no , ; : between. */
static who phrase_before_copula(stance_ctx *c, const item *cue)
{
    who none = {NO_STRING, NO_STRING, NULL};
    uint32_t first = c->sentence->first_token, t = subject_end(c, cue);
    if (t == UINT32_MAX)
        return none;
    /* "said ministers had been ...": the verb of saying is no part of it */
    static const char *const saying[] = {"said", "says", "say", "told", "added", "argued", "warned", "insisted",
                                         "claimed", "noted", "stressed", "complained", NULL};
    /* "the measure, published in the Official Gazette late Monday, was
     * ...": over a clause between commas after the subject, to a noun
     * after a determiner before it */
    if (t > first + 1 && is_comma(c, t - 1)) {
        uint32_t open = t - 1;
        while (open > first && t - open <= PARENTHESIS_WORDS && !is_comma(c, open - 1))
            open--;
        if (open > first + 1 && is_comma(c, open - 1) && phrase_word(c, open - 2) && open - 2 > first &&
            token_in(c, open - 3, determiners))
            t = open - 1;
    }
    uint32_t end = t;
    while (t > first && end - t < PHRASE_WORDS && phrase_word(c, t - 1) && !token_in_set(c, t - 1, &phrase_skip_set) &&
           !token_in(c, t - 1, saying))
        t--;
    /* "assembly is fine", "the rule is fine", not "a tax that only foreign
     * buyers pay is not development": a subject opening the sentence or
     * after a determiner, where the cue opens with its copula */
    if (t == end || (copula_opening(c, cue) != UINT32_MAX && t > first && !token_in(c, t - 1, determiners) &&
                     tok(c, t - 1)->kind == TOK_WORD))
        return none;
    /* "An appeal into the void is not an answer": the subject's head comes
     * before the preposition that joins its complement */
    uint32_t joint = t;
    while (joint > first && token_in(c, joint - 1, determiners))
        joint--;
    if (joint > first + 1 && joint < t && token_in(c, joint - 1, complement_prepositions)) {
        uint32_t head_end = joint - 1, head = head_end;
        while (head > first && head_end - head < PHRASE_WORDS && phrase_word(c, head - 1) &&
               !token_in_set(c, head - 1, &phrase_skip_set))
            head--;
        if (head < head_end) {
            t = head;
            end = head_end;
        }
    }
    /* a span of time is no subject ("Four months is a start" judges what
     * lasts them) */
    static const char *const time_units[] = {"days", "weeks", "months", "years", "hours", "decades", NULL};
    if (token_in(c, end - 1, time_units))
        return none;
    return subject_noun_phrase(c, t, end, cue->start);
}

/* "He is a bully": the person a "he" or "she" right before the copula
 * leading to the cue stands for (pronoun_person), or NULL. */
static const item *pronoun_before_copula(stance_ctx *c, const item *items, const item *cue)
{
    uint32_t t = subject_end(c, cue);
    return t != UINT32_MAX && t > c->sentence->first_token ? pronoun_person(c, items, t - 1) : NULL;
}

/* A noun phrase of up to PHRASE_WORDS lower-case words ending before token
 * end, after "the", "this" or "that". Name NO_STRING: none. */
static who phrase_ending_at(stance_ctx *c, uint32_t end)
{
    who none = {NO_STRING, NO_STRING, NULL};
    uint32_t first = c->sentence->first_token, t = end;
    while (t > first && end - t < PHRASE_WORDS && phrase_word(c, t - 1) && !token_in_set(c, t - 1, &phrase_skip_set))
        t--;
    if (t == end || t == first || !token_in(c, t - 1, (const char *const[]){"the", "this", "that", NULL}))
        return none;
    return subject_noun_phrase(c, t, end, tok(c, end)->start);
}

/* "said the measure put 400,000 jobs at risk": a noun phrase after a
 * determiner right before a cue of more than one word, which is a verb
 * phrase. Name NO_STRING: none. */
static who phrase_right_before(stance_ctx *c, const item *cue)
{
    /* one word may be a noun ("the biggest harm"), but not an effect's
     * verb with its ending ("The deal hurts French farmers", "sacrificed") */
    const token *w = tok(c, cue->first);
    const char *end = c->doc->text.clean + w->end;
    size_t n = w->end - w->start;
    int inflected = (cue->kind == K_AGAINST_EFFECT || cue->kind == K_FAVOR_EFFECT) && n > 3 &&
                    (end[-1] == 's' || (end[-2] == 'e' && end[-1] == 'd'));
    /* "the ban had cost its members ...": a measure noun before the
     * auxiliaries and adverbs of an effect is its subject */
    static const char *const effect_adverbs[] = {"has", "have", "had", "already", "also", "only", "just", "now",
                                                 "really", NULL};
    /* "said the tax "punishes the very partners ...": a quotation may
     * open at the cue */
    uint32_t at = cue->first;
    if (at > c->sentence->first_token + 1 && is_quote_mark(c, at - 1))
        at--;
    uint32_t t = at;
    while (t > c->sentence->first_token && token_in(c, t - 1, effect_adverbs))
        t--;
    if ((cue->kind == K_AGAINST_EFFECT || cue->kind == K_FAVOR_EFFECT) && t < at &&
        t > c->sentence->first_token && measure_family(c, t - 1))
        return phrase_ending_at(c, t);
    if (cue->first == cue->last && !inflected)
        return (who){NO_STRING, NO_STRING, NULL};
    return phrase_ending_at(c, at);
}

/* Nouns that name a measure a government takes: "the measure", "the move",
 * "the U.S. threat". */
static const char *const measure_nouns[] = {"measure",   "measures",  "countermeasure", "countermeasures", "move",
                                            "step",      "decision",  "idea",           "threat",          "increase",
                                            "increases", "hike",      "hikes",          "penalty",         "penalties",
                                            "system",    "margins",   "rates",          NULL};
/* Nouns for raising a measure: "the increase in U.S. duties" is the duty. */
static const char *const increase_nouns[] = {"increase", "increases", "hike", "hikes", "rise", "rises", NULL};

/* "called the inclusion of mutton flaps "a gift ..."", "slammed the
 * removal of the tariffs as reckless": after a calling verb at token t, a
 * lower-case head noun that is no measure, then "of" and at most
 * OF_COMPLEMENT_WORDS words before a quotation mark or "as": the token of
 * that mark or "as", else UINT32_MAX. What is called is the head noun, not what
 * the complement names. */
#define OF_COMPLEMENT_WORDS 5
static uint32_t called_of_complement(stance_ctx *c, uint32_t t, uint32_t end)
{
    while (t < end && token_in_set(c, t, &phrase_skip_set))
        t++;
    if (t + 2 >= end || !phrase_word(c, t) || !token_in(c, t + 1, (const char *const[]){"of", NULL}) ||
        token_in(c, t, measure_nouns) || token_in(c, t, increase_nouns) || token_in(c, t, levy_words) ||
        measure_family(c, t))
        return UINT32_MAX;
    for (uint32_t q = t + 2; q < end && q <= t + 2 + OF_COMPLEMENT_WORDS; q++)
        if (is_quote_mark(c, q) || token_in(c, q, (const char *const[]){"as", NULL}))
            return q;
    return UINT32_MAX;
}

/* Whether a copula or an auxiliary comes before token t in its clause:
 * what "and" joins there is a clause, not a noun. */
static int copula_before(stance_ctx *c, uint32_t t, uint32_t clause)
{
    for (uint32_t k = t; k-- > c->sentence->first_token && clause_of(c, k) == clause;)
        if (token_in(c, k, copulas) || token_in(c, k, auxiliaries))
            return 1;
    return 0;
}

/* The first tariff mention or entity of the clause before token end
 * (items[k] and later start at or after it), as clause_subject gives it. */
static const item *subject_before(stance_ctx *c, const item *items, size_t k, uint32_t clause, uint32_t end,
                                  uint32_t holder)
{
    uint32_t end_at = tok(c, end)->start, from = 0;
    const item *calling = NULL;
    for (size_t i = 0; i < k; i++)
        if ((items[i].kind == K_SPEECH || items[i].kind == K_CALLING) && items[i].end <= end_at) {
            from = items[i].end;
            calling = items[i].kind == K_CALLING ? &items[i] : NULL;
        }
    if (calling && called_of_complement(c, calling->last + 1, end) != UINT32_MAX)
        return NULL; /* "called the inclusion of mutton flaps ...": the inclusion (called_phrase) */
    /* "this duty is pure politics and Kowalchuk is right": a person, body
     * or country right before the copula the cue opens with is what it
     * judges, whatever the clause named before (not goods: "Chinese steel is
     * not a security measure" judges the tariff on it) */
    if (token_in(c, end, copulas))
        for (size_t i = k; i-- > 0 && items[i].end <= end_at;)
            if (items[i].last + 1 == end &&
                (items[i].kind == K_PERSON || items[i].kind == K_ORG || items[i].kind == K_GPE) && items[i].start >= from &&
                clause_of(c, items[i].last) == clause && !same_name(c, &items[i], holder))
                return &items[i];
    /* "that" opens the judged clause, and so does a verb of thinking
     * ("I still think the tariff is a scam"), or a pronoun or a determiner
     * after "and" that starts a clause of its own ("My parents farm in Naju
     * and I think ...") */
    static const char *const thinking[] = {"think", "thinks", "thought", "believe", "believes", "believed",
                                           "feel", "feels", "felt", "reckon", "suppose", "guess", NULL};
    for (uint32_t t = end; t-- > c->sentence->first_token && clause_of(c, t) == clause;)
        if (token_in(c, t, (const char *const[]){"that", NULL}) || token_in(c, t, thinking) ||
            (token_in(c, t, (const char *const[]){"and", "but", NULL}) && t + 1 < end &&
             (token_in(c, t + 1, (const char *const[]){"i", "we", "he", "she", "they", "you", NULL}) ||
              /* "Kyriazopoulou is right and the strike is a disgrace"; not
               * "the tariffs and the quota are a disgrace" */
              (token_in(c, t + 1, determiners) &&
               (token_in(c, end, copulas) || (end > t + 2 && token_in(c, end - 1, copulas))) &&
               copula_before(c, t, clause))))) {
            /* "A ban that treats a fork from Penang differently ... is
             * discrimination": after a measure noun, "that" opens what
             * qualifies the subject, the measure itself */
            if (t > c->sentence->first_token && token_in(c, t, (const char *const[]){"that", NULL}) &&
                measure_family(c, t - 1))
                return NULL;
            if (tok(c, t)->end > from)
                from = tok(c, t)->end;
            break;
        }
    const item *subject = NULL;
    for (size_t i = 0; i < k; i++) {
        const item *it = &items[i];
        if (it->start < from || it->end > end_at || clause_of(c, it->last) != clause ||
            !(is_tariff(it->kind) || is_entity(it->kind)) || same_name(c, it, holder))
            continue;
        /* "others buy far more Russian crude": a nationality before a noun
         * no rule names only describes it */
        if (!subject && it->kind == K_NORP && it->last + 1 < end && phrase_word(c, it->last + 1) &&
            !token_in_set(c, it->last + 1, &government_noun_set) && !(i + 1 < k && items[i + 1].first == it->last + 1))
            continue; /* "the Israeli government" is Israel's, as the government noun says */
        /* "a man with 40 hives in Poltava is a threat to Europe": a place
         * after a locative only says where the subject is */
        if (!subject && it->kind == K_GPE && it->first > c->sentence->first_token &&
            token_in(c, it->first - 1, quote_locatives))
            continue;
        if (!subject)
            subject = it;
        else if (it->start >= subject->end) {
            if (subject->kind == K_GPE && it->kind == K_GOODS)
                continue; /* "U.S. car tariff" */
            if (can_own(c, subject) && is_tariff(it->kind) && owner_before(c, items, it, holder, 0) == subject)
                return it; /* "EU carbon levy" */
            if (is_tariff(it->kind) && possessive(c, subject) && it->first <= subject->last + 1 + PHRASE_WORDS)
                return it; /* "Trump's tariffs", "the EU's carbon border levy" */
            if (is_tariff(it->kind) && (subject->kind == K_GOODS || subject->kind == K_NORP) &&
                subject->last + 1 == it->first)
                return it; /* "Chip tariffs are long overdue", "the Chinese tariffs would ..." */
            break;
        }
    }
    return subject;
}

/* The subject an evaluation items[k] judges: the first tariff mention or
 * entity of its clause before it, after the last speech verb or "that"
 * ("Akazawa said Japan's position has not changed that the tariffs are not
 * acceptable" judges the tariffs); never the holder. A GPE that owns the
 * tariff mention right after it gives that mention ("Japan's tariff ... was
 * unfair"). */
static const item *clause_subject(stance_ctx *c, const item *items, size_t k, uint32_t holder)
{
    const item *cue = &items[k];
    return subject_before(c, items, k, clause_of(c, cue->first), cue->first, holder);
}

/* "the tax, which Madrid has collected since 2021, discriminated against
 * ...": a cue that opens its clause (after auxiliaries and copulas) right
 * after an insertion between commas judges what ends the clause before the
 * insertion. That clause, and in *end the comma opening the insertion;
 * UINT32_MAX when the cue's clause is not so interrupted. */
static uint32_t interrupted_clause(stance_ctx *c, const item *cue, uint32_t *end)
{
    uint32_t first = c->sentence->first_token, clause = clause_of(c, cue->first), t = cue->first;
    while (t > first && clause_of(c, t - 1) == clause && (token_in(c, t - 1, auxiliaries) || token_in(c, t - 1, copulas)))
        t--;
    if (clause < 2 || t <= first || !is_comma(c, t - 1))
        return UINT32_MAX;
    t--; /* the comma closing the insertion */
    while (t > first && clause_of(c, t - 1) == clause - 1)
        t--;
    if (t <= first + 1 || !is_comma(c, t - 1) || clause_of(c, t - 2) != clause - 2)
        return UINT32_MAX;
    *end = t - 1;
    return clause - 2;
}

/* Nouns that name an agreement: "it" after a cue may stand for one. */
static const char *const deal_nouns[] = {"deal", "agreement", "pact", "accord", "treaty", NULL};


/* "described the Geneva meeting as "candid, practical and constructive"":
 * the tariff mention or entity right after the last calling verb before the
 * cue, in its sentence, whatever the commas between. */
static const item *called_object(stance_ctx *c, const item *items, size_t k, uint32_t holder)
{
    const item *verb = NULL;
    for (size_t i = 0; i < k; i++)
        if (items[i].kind == K_CALLING)
            verb = &items[i];
    /* a tariff mention first: "called its canola duties ..." judges the
     * duties, not the canola */
    for (int pass = 0; verb && pass < 2; pass++)
        for (const item *i = verb + 1; i < items + k; i++)
            if (i->start >= verb->end && i->first <= verb->last + PHRASE_WORDS && i->end <= items[k].start &&
                (pass ? is_entity(i->kind) : is_tariff(i->kind)) && !same_name(c, i, holder) &&
                !(is_tariff(i->kind) && token_in(c, i->last + 1, relief_nouns))) /* "called the tariff cut ..." */
                return i;
    /* "raised its tariffs on Korean steel to 50%, a move South Korea's
     * trade ministry called "deeply regrettable"": a measure noun after a
     * comma and "a" whose clause ends in the calling verb names the
     * tariff mention before the comma */
    for (uint32_t t = verb ? verb->first : 0; verb && t-- > c->sentence->first_token + 2 && t + SPEAKER_WINDOW >= verb->first;)
        if (token_in(c, t, measure_nouns) && token_in(c, t - 1, (const char *const[]){"a", NULL}) && is_comma(c, t - 2)) {
            for (const item *i = verb; i-- > items;)
                if (is_tariff(i->kind) && i->last < t - 2)
                    return i;
            break;
        }
    return NULL;
}

/* "Retaliation would hurt us far more": a capitalised word opening its
 * sentence right before a cue that opens on an auxiliary or a copula, named
 * by no rule and no pronoun or determiner, is a common noun as the
 * subject, in lower case. Name NO_STRING: none. */
static who opening_noun(stance_ctx *c, const item *items, size_t count, const item *cue)
{
    who none = {NO_STRING, NO_STRING, NULL};
    uint32_t t = c->sentence->first_token;
    while (t < cue->first && is_quote_mark(c, t))
        t++;
    const token *w = tok(c, t);
    /* the cue goes on with a verb of its own ("would hurt", "is unfair"),
     * so the opening word is no imperative ("Put a tax on ...") */
    int verb_next = token_in(c, cue->first, auxiliaries) || token_in(c, cue->first, copulas);
    if (t + 1 != cue->first || !verb_next || w->kind != TOK_WORD || !(w->flags & TOKF_CAPITALIZED) ||
        token_in_set(c, t, &phrase_stop_set) || token_in_set(c, t, &phrase_skip_set) ||
        token_in(c, t, determiners) || token_in(c, t, demonstratives))
        return none;
    for (size_t i = 0; i < count; i++)
        if (items[i].first <= t && items[i].last >= t)
            return none;
    char word[64];
    size_t n = w->end - w->start;
    if (n >= sizeof word)
        return none;
    memcpy(word, c->doc->text.clean + w->start, n);
    word[0] = (char)tolower((unsigned char)word[0]);
    return (who){doc_intern(c->doc, word, n), NO_STRING, "subject-phrase"};
}

/* The comma before a participle of calling that "it" or "them" follows,
 * when cue k stands in that participle's clause (", calling it "a
 * barrier""), or UINT32_MAX. */
static uint32_t comma_before_calling_it(stance_ctx *c, const item *items, size_t k)
{
    for (size_t i = k; i-- > 0 && items[i].start >= c->sentence->start;)
        if (items[i].kind == K_CALLING) {
            const item *verb = &items[i];
            uint32_t it = verb->last + 1;
            if (verb->first > c->sentence->first_token + 2 && is_comma(c, verb->first - 1) && is_participle(c, verb) &&
                it < items[k].first && token_in(c, it, (const char *const[]){"it", "them", NULL}) &&
                clause_of(c, items[k].first) == clause_of(c, it))
                return verb->first - 1;
            return UINT32_MAX;
        }
    return UINT32_MAX;
}

/* Whether "it" or "them" right after the sentence's last verb of calling
 * before cue k is what the cue judges ("Aagaard, who heads the processors,
 * called it "an export tariff wearing a sealskin coat""): the pronoun's
 * measure, not a noun of the clause set off before the verb. */
static int calls_it(stance_ctx *c, const item *items, size_t k)
{
    for (size_t i = k; i-- > 0 && items[i].start >= c->sentence->start;)
        if (items[i].kind == K_CALLING) {
            uint32_t it = items[i].last + 1;
            return it < items[k].first && token_in(c, it, (const char *const[]){"it", "them", NULL}) &&
                   (it + 1 == items[k].first || (it + 2 == items[k].first && is_quote_mark(c, it + 1)));
        }
    return 0;
}

/* "called the decision disappointing": the noun phrase between a calling
 * verb and the evaluation right after it. Name NO_STRING: none. */
static who called_phrase(stance_ctx *c, const item *items, size_t k, uint32_t clause)
{
    who none = {NO_STRING, NO_STRING, NULL};
    const item *verb = NULL;
    for (size_t i = 0; i < k; i++)
        if (items[i].kind == K_CALLING && clause_of(c, items[i].last) == clause)
            verb = &items[i];
    uint32_t first, end;
    if (!verb || !phrase_after(c, verb->last + 1, clause, &first, &end) || first >= items[k].first)
        return none;
    /* "called the step "a necessary answer"": quotation marks between, and
     * the quotation's first few words in lower case ("called the order
     * "the first good news ..."") */
    uint32_t last = end < items[k].first ? end : items[k].first;
    uint32_t quoted_words = 0, quoted = 0;
    uint32_t complement_quote = called_of_complement(c, verb->last + 1, items[k].first);
    for (uint32_t t = complement_quote != UINT32_MAX ? complement_quote : last; t < items[k].first; t++) {
        const token *w = tok(c, t);
        if (is_quote_mark(c, t))
            quoted = 1;
        else if (quoted && w->kind == TOK_WORD && !(w->flags & TOKF_CAPITALIZED) && ++quoted_words <= QUOTED_LEAD_WORDS)
            continue;
        else if (t == last && token_in(c, t, (const char *const[]){"as", NULL}))
            continue; /* "described the move as unfair" */
        else if (!(t == last && w->kind == TOK_CLITIC && t + 1 < items[k].first))
            return none;
    }
    /* "calling the step a proportionate answer": the phrase ends before "a" */
    while (last > first + 1 && token_in(c, last - 1, (const char *const[]){"a", "an", NULL}))
        last--;
    /* "called the union's demand "a political stunt"": the union named before */
    const item *body = last == first + 1 ? org_head_referent(c, first, items[k].start) : NULL;
    if (body)
        return entity_who(c, body, "organisation");
    return noun_phrase(c, first, last, "called-phrase");
}

/* Whether "this", "these" or "that" is the word right before the cue or
 * its auxiliaries and copulas ("this is a tax on children"); "it" may
 * stand for a noun of its own sentence ("Retaliation would hurt us more
 * than it would hurt them"). */
static int demonstrative_subject(stance_ctx *c, const item *cue)
{
    uint32_t t = cue->first, first = c->sentence->first_token;
    while (t > first && (token_in(c, t - 1, auxiliaries) || token_in(c, t - 1, copulas)))
        t--;
    return t > first && token_in(c, t - 1, demonstratives);
}

/* Whether one of words is one of the cue's words: "not" makes it a
 * denial ("is not a punishment"), which defends or faults the measure the
 * article is about; "tariff" a verdict that names its noun a tariff ("a
 * tariff in disguise"; not "a tax on families", which judges any measure). */
static int cue_holds(stance_ctx *c, const item *cue, const char *const *words)
{
    for (uint32_t t = cue->first; t <= cue->last; t++)
        if (token_in(c, t, words))
            return 1;
    return 0;
}

/* Whether "it" is the word right before the cue or its auxiliaries ("it
 * would open markets"). */
static int subject_is_it(stance_ctx *c, const item *cue)
{
    uint32_t t = cue->first, first = c->sentence->first_token;
    while (t > first && token_in(c, t - 1, auxiliaries))
        t--;
    return t > first && token_in(c, t - 1, (const char *const[]){"it", NULL});
}

/* "These rates are not a trade remedy, they are a wall": the noun phrase
 * a pronoun opening the cue's clause stands for, when the clause before,
 * after a comma, denies something of it with a copula and "not". Name
 * NO_STRING: none. */
static who denied_subject(stance_ctx *c, const item *cue)
{
    who none = {NO_STRING, NO_STRING, NULL};
    uint32_t first = c->sentence->first_token, t = cue->first;
    while (t > first && !is_comma(c, t - 1))
        t--;
    if (t < first + 2 || !token_in(c, t, (const char *const[]){"it", "they", "this", NULL}))
        return none;
    for (uint32_t n = t - 1; n-- > first + 1 && !is_comma(c, n);)
        if (token_in(c, n, (const char *const[]){"not", NULL}) && token_in(c, n - 1, copulas)) {
            item denial = {.first = n, .last = n};
            return phrase_before_copula(c, &denial);
        }
    return none;
}

/* A pronoun subject in the clause of the cue items[k], before it ("..., and
 * it is not acceptable"); *of_thing set when it cannot be a person ("it",
 * "this", not "they"). */
static int pronoun_subject(stance_ctx *c, const item *cue, int *of_thing)
{
    uint32_t clause = clause_of(c, cue->first);
    for (uint32_t t = cue->first; t-- > c->sentence->first_token && clause_of(c, t) == clause;)
        if (token_in(c, t, (const char *const[]){"it", "this", "they", "these", "those", NULL})) {
            *of_thing = !token_in(c, t, (const char *const[]){"they", NULL});
            return 1;
        }
    return 0;
}

/* Whether noun is a noun phrase (no entity) that is one measure noun. */
static int names_measure(stance_ctx *c, who noun)
{
    if (noun.name == NO_STRING || noun.ref != NO_STRING)
        return 0;
    return string_in(doc_string(c->doc, noun.name), measure_nouns);
}

/* "rejected a U.S. request", "called the U.S. threat "out of proportion"":
 * a GPE, NORP or ORG right before lower-case words only qualifies them, and
 * so do goods ("keeps nickel ore export ban" is about the ban), and
 * the noun phrase is the target, but for a government noun ("the Israeli
 * government" is Israel); a measure noun a GPE or NORP so qualifies, after
 * a tariff mention in the document, is the qualifier's tariffs ("the U.S.
 * threat", "the Chinese measure"). Name NO_STRING when it qualifies
 * nothing. */
static who qualified_noun(stance_ctx *c, const item *it, uint32_t at, uint32_t holder)
{
    who none = {NO_STRING, NO_STRING, NULL};
    uint32_t first, end;
    /* "nickel ore export ban"; "not against helping apple growers"; "a
     * spirits war": the people, the trade or the war goods before them name */
    static const char *const goods_heads[] = {"growers", "farmers", "producers", "industry", "industries", "makers",
                                              "workers", "processors", "exporters", "sector", "mills", "war", "wars", NULL};
    if (it->kind == K_GOODS && phrase_after(c, it->last + 1, clause_of(c, it->last + 1), &first, &end) &&
        first == it->last + 1 && (token_in(c, end - 1, goods_measures) || token_in(c, end - 1, goods_heads)))
        return (who){phrase_text(c, it->first, end), NO_STRING, "goods-phrase"};
    int qualifier = it->kind == K_GPE || it->kind == K_NORP || it->kind == K_ORG;
    if (!qualifier || tok(c, it->last + 1)->kind == TOK_CLITIC || !phrase_word(c, it->last + 1) ||
        token_in_set(c, it->last + 1, &government_noun_set) || place_phrase(c, it).name != NO_STRING)
        return none; /* "the Israeli government" is Israel */
    who noun = noun_target(c, it->last + 1, clause_of(c, it->last + 1), at);
    /* "rejected the French objections": a country's position is the country,
     * as a person's remarks are the person (its demands and requests stay
     * what they ask: "dismissed the U.S. demands") */
    static const char *const position_nouns[] = {"objections", "objection", "position", "remarks", "view", "views",
                                                 NULL};
    size_t p = 0;
    while (noun.name != NO_STRING && noun.ref == NO_STRING && position_nouns[p] &&
           strcmp(position_nouns[p], doc_string(c->doc, noun.name)))
        p++;
    if (it->kind != K_ORG && noun.name != NO_STRING && noun.ref == NO_STRING && position_nouns[p])
        return (who){owner_name(c, it), NO_STRING, "entity"};
    if (!names_measure(c, noun) || it->kind == K_ORG || same_owner(c, it, holder))
        return noun;
    build_tariffs(c);
    return c->tariff_count && c->tariffs[0]->start < at ? tariff_target(c, c->tariffs[0], it, holder) : noun;
}

/* Nouns for the decision an article is about, however far back it was
 * told: "welcomed the decision", "called the extension ...", "opposes the
 * abuse of trade remedies". */
static const char *const decision_nouns[] = {"decision", "extension", "decree", "abuse", "misuse", "outcome", NULL};
/* Nouns that name the article's measure only when it is a tariff: "said
 * the measure put jobs at risk" paragraphs after the duties were set, "voted
 * against the bill" that extends them; in an article about quotas "the
 * measure" stays itself. */
static const char *const tariff_pointing_nouns[] = {"measure", "measures", "threat", "vote", "bill", NULL};
/* Nouns that stand for the article's tariff whatever other measure it
 * names first: "the safeguard" that sets a quota with a duty above it,
 * "defended the change", "the findings" that set the duty, "the new
 * rate", "welcomed the list" of a retaliation. */
static const char *const tariff_standing_nouns[] = {"safeguard", "change", "findings", "finding", "rate", "list", NULL};

/* The measure the article is about: its first tariff mention before the
 * cue, else (unless tariff_only) the first measure it names by its noun
 * ("ban", "export controls"). Name NO_STRING: none. */
static who central_measure(stance_ctx *c, const item *cue, uint32_t holder, int tariff_only)
{
    build_tariffs(c);
    uint32_t at;
    who named = article_first_measure(c, NULL, cue->first, &at);
    /* "cuts the duty-free quota ... and puts a 40% tariff on rebar shipped
     * above it": a quota with a tariff in its sentence is a tariff-rate
     * quota, the tariff its measure */
    int quota_with_tariff = at != UINT32_MAX && c->tariff_count && token_in(c, at, measure_families[3]) &&
                            sentence_index_at(c->doc, tok(c, at)->start) ==
                                sentence_index_at(c->doc, c->tariffs[0]->start);
    if (c->tariff_count && c->tariffs[0]->start < cue->start &&
        (at == UINT32_MAX || c->tariffs[0]->first < at || quota_with_tariff))
        return owned_tariff_target(c, c->tariffs[0], holder);
    if (tariff_only)
        return (who){NO_STRING, NO_STRING, NULL};
    if (named.name != NO_STRING || at == UINT32_MAX)
        return named;
    /* "Hungary bans firewood exports": the measure is a "ban" */
    const char *word = measure_family(c, at)[0];
    return (who){doc_intern(c->doc, word, strlen(word)), NO_STRING, "central-measure"};
}

/* Whether "the extension" before the cue extends a measure: the last
 * "extend" before it took a measure noun as its object ("extended its ban
 * on rice"), not a pause of one ("agreed to extend the suspension of
 * retaliatory tariffs") or anything else ("would extend a loan program"). */
static int extends_measure(stance_ctx *c, const item *cue)
{
    static const char *const pauses[] = {"suspension", "truce", "exemption", "exemptions", "relief", "waiver",
                                         "pause", "moratorium", "deadline", "talks", "deal", "agreement", NULL};
    for (uint32_t t = cue->first; t-- > 0;) {
        const token *w = tok(c, t);
        char word[16];
        if (w->end - w->start < 6 || (c->doc->text.clean[w->start] | 0x20) != 'e')
            continue;
        lower_word(c, t, word, sizeof word);
        if (strncmp(word, "extend", 6) || !strcmp(word, "extension"))
            continue;
        /* "extend by four years a 30% tariff": a span of time between */
        uint32_t reach = PHRASE_WORDS + 2 + (token_in(c, t + 1, (const char *const[]){"by", "for", NULL}) ? 3 : 0);
        for (uint32_t o = t + 1; o < cue->first && o <= t + 1 + reach; o++) {
            if (token_in(c, o, pauses))
                return 0;
            if (measure_family(c, o) || token_in(c, o, levy_words))
                return 1;
        }
        return 0;
    }
    return 0;
}

/* Whether the word head nearest the cue in its sentence follows a definite
 * determiner or a possessive: "the safeguard" in force, not "an emergency
 * safeguard" asked for or "any safeguard". */
static int definite_near(stance_ctx *c, const item *cue, const char *head)
{
    uint32_t first = c->sentence->first_token, end = first + c->sentence->token_count, best = UINT32_MAX;
    for (uint32_t t = first + 1; t < end; t++)
        if (token_in(c, t, (const char *const[]){head, NULL}) &&
            (best == UINT32_MAX || (t > cue->first ? t - cue->first : cue->first - t) <
                                       (best > cue->first ? best - cue->first : cue->first - best)))
            best = t;
    /* "the higher rate": one adjective of degree may come between */
    if (best != UINT32_MAX && best > first + 1 &&
        token_in(c, best - 1, (const char *const[]){"higher", "lower", "current", "full", NULL}))
        best--;
    return best != UINT32_MAX && (tok(c, best - 1)->kind == TOK_CLITIC || token_in(c, best - 1, demonstratives) ||
                                  token_in(c, best - 1, (const char *const[]){"the", "its", "their", "new", NULL}));
}

/* Whether the headline tells of a tariff eased: a finite easing verb
 * ("Philippines cuts rice tariff") or one after a name and "to" ("Brazil
 * to halve ethanol tariff"; not "refuses to cut"), "phase out" either way,
 * with a levy word at most EASED_LEVY_REACH words after it. Found on first
 * use. */
static int headline_eases(stance_ctx *c)
{
    static const char *const finite[] = {"cuts", "halves", "lowers", "lifts", "scraps", "drops", "removes", "ends",
                                         "eases", "suspends", "eliminates", "reduces", "slashes", "axes", "abolishes",
                                         "phases", NULL};
    static const char *const base[] = {"cut", "halve", "lower", "lift", "scrap", "drop", "remove", "end", "ease",
                                       "suspend", "eliminate", "reduce", "slash", "axe", "abolish", "phase", NULL};
    if (c->headline_eases >= 0)
        return c->headline_eases;
    c->headline_eases = 0;
    const struct_span *headline = NULL;
    for (size_t i = 0; i < c->doc->structure_count && !headline; i++)
        if (c->doc->structure[i].element == LE_HEADLINE)
            headline = &c->doc->structure[i];
    uint32_t end = (uint32_t)c->doc->tokens.count;
    for (uint32_t t = headline ? (uint32_t)token_at_or_after(&c->doc->tokens, headline->start) : end;
         t < end && tok(c, t)->end <= headline->end; t++) {
        int eased = token_in(c, t, finite) || (t >= 2 && token_in(c, t, base) &&
                                               token_in(c, t - 1, (const char *const[]){"to", NULL}) &&
                                               (tok(c, t - 2)->flags & TOKF_CAPITALIZED));
        /* "phase" eases only with its "out" */
        if (eased && token_in(c, t, (const char *const[]){"phase", "phases", NULL}))
            eased = t + 1 < end && token_in(c, ++t, (const char *const[]){"out", NULL});
        for (uint32_t n = t + 1; eased && n <= t + EASED_LEVY_REACH && n < end && tok(c, n)->end <= headline->end; n++)
            if (token_in(c, n, levy_words))
                return c->headline_eases = 1;
    }
    return 0;
}

/* noun, or for a decision noun the measure the article is about
 * (central_measure) when there is one. */
static who decided_measure(stance_ctx *c, const item *cue, who noun, uint32_t holder)
{
    if (noun.name == NO_STRING || noun.ref != NO_STRING)
        return noun;
    const char *name = doc_string(c->doc, noun.name);
    /* under "Fiji to phase out 32% tariff", "voted against the bill" is
     * against the bill that cuts it, not the tariff */
    if (string_in(name, tariff_pointing_nouns) && !headline_eases(c)) {
        who central = central_measure(c, cue, holder, 1);
        return central.name != NO_STRING && strcmp(doc_string(c->doc, central.name), "tariffs") ? central : noun;
    }
    /* "a four-year extension" is an extension */
    const char *head = strrchr(name, ' ');
    head = head ? head + 1 : name;
    if (string_in(head, tariff_standing_nouns) && definite_near(c, cue, head)) {
        /* an owner the text does not give leaves the noun more telling
         * than "tariffs" */
        who central = central_measure(c, cue, holder, 0);
        return central.name != NO_STRING && strcmp(doc_string(c->doc, central.name), "tariffs") ? central : noun;
    }
    if (!string_in(head, decision_nouns) || (!strcmp(head, "extension") && !extends_measure(c, cue)))
        return noun;
    who central = central_measure(c, cue, holder, 0);
    return central.name != NO_STRING ? central : noun;
}

/* Nouns for a charge that a verdict calling it a tariff makes the measure
 * in context ("called the charge "a tariff in everything but name""); a
 * law, a plan or a ban keeps its own name. */
static const char *const charge_nouns[] = {"charge", "charges", "payment", "payments", "contribution", "toll",
                                           "tolls", NULL};

/* "warning that the measure would raise drug prices": a noun phrase that
 * names a measure (measure_nouns) after a tariff mention in its sentence
 * is that tariff; else noun itself. */
static who measure_as_tariff(stance_ctx *c, const item *items, size_t k, who noun, uint32_t holder)
{
    /* "Thirty-eight percent is a start": a rate alone is the tariff in
     * context, else the one the article is about */
    if (noun.name != NO_STRING && noun.ref == NO_STRING &&
        (!strcmp(doc_string(c->doc, noun.name), "percent") || !strcmp(doc_string(c->doc, noun.name), "per cent"))) {
        const item *mention = tariff_before(c, &items[k], 1);
        return mention ? owned_tariff_target(c, mention, holder) : central_measure(c, &items[k], holder, 1);
    }
    /* "called the charge "a tariff in everything but name"": a verdict
     * calling a charge a tariff says it is the measure in context */
    if (noun.name != NO_STRING && noun.ref == NO_STRING &&
        cue_holds(c, &items[k], (const char *const[]){"tariff", "tariffs", NULL}) &&
        string_in(doc_string(c->doc, noun.name), charge_nouns)) {
        const item *mention = tariff_before(c, &items[k], 1);
        return mention ? owned_tariff_target(c, mention, holder) : central_measure(c, &items[k], holder, 1);
    }
    if (!names_measure(c, noun))
        return decided_measure(c, &items[k], noun, holder);
    const char *name = doc_string(c->doc, noun.name);
    for (size_t i = k; i-- > 0;)
        if (is_tariff(items[i].kind) && items[i].start >= c->sentence->start)
            return tariff_target(c, &items[i], remember_owner(c, &items[i], owner_before(c, items, &items[i], holder, 0)),
                                 holder);
    /* "This decision is not acceptable" after a paragraph on the duties: a
     * measure noun after a demonstrative points back past its sentence, to
     * the last tariff mention in its paragraph or the one before */
    const item *cue = &items[k];
    int pointed = 0;
    for (uint32_t t = c->sentence->first_token + 1; t < cue->first && !pointed; t++) {
        char word[16];
        lower_word(c, t, word, sizeof word);
        pointed = !strcmp(word, name) && token_in(c, t - 1, demonstratives);
    }
    const item *mention = pointed ? tariff_before(c, cue, 1) : NULL;
    /* "She called the increase ...": a rise names its tariff from farther
     * back, as after a cue (object_measure_as_tariff), and so do "the
     * margins" and "the rates" of a tariff */
    for (uint32_t t = c->sentence->first_token + 1; !mention && t < cue->first; t++) {
        if ((!token_in(c, t - 1, (const char *const[]){"the", NULL}) && !token_in(c, t - 1, demonstratives)) ||
            !token_in(c, t, (const char *const[]){name, NULL}))
            continue;
        if (token_in(c, t, increase_nouns) || token_in(c, t, (const char *const[]){"margins", "rates", NULL}))
            mention = tariff_before(c, cue, INCREASE_PARAGRAPHS_BACK);
        else if (token_in(c, t, (const char *const[]){"measures", "countermeasure", "countermeasures", NULL}))
            /* "the measures were ...", "The countermeasure, he added, was ..." */
            mention = tariff_before(c, cue, 1);
    }
    if (!mention)
        return decided_measure(c, cue, noun, holder);
    return owned_tariff_target(c, mention, holder);
}

/* "backed the threat", "called the U.S. threat ...": the last tariff
 * mention before the cue that a form of "threaten" (or "threat of") comes
 * right before, at most two words before it, whose threatener (*owner) is
 * a country or bloc right before that word ("U.S. threatens duties on
 * Canadian goods"); else the last such mention, *owner NULL; else NULL. */
static const item *threatened_tariff(stance_ctx *c, const item *cue, const item **owner)
{
    build_tariffs(c);
    *owner = NULL;
    const item *last = NULL;
    for (size_t i = c->tariff_count; i-- > 0;) {
        const item *mention = c->tariffs[i];
        if (mention->start >= cue->start)
            continue;
        for (uint32_t t = mention->first; t-- > 0 && t + 3 >= mention->first;) {
            char word[16];
            lower_word(c, t, word, sizeof word);
            if (strncmp(word, "threat", 6))
                continue;
            for (const item *g = mention; g-- > c->items && g->last + 3 >= t;)
                if (can_own(c, g) && g->last < t) {
                    *owner = g;
                    return mention;
                }
            if (!last)
                last = mention;
            break;
        }
    }
    return last;
}

/* For a cue in a reader comment that names no measure before it, the
 * measure the article opens with: the first tariff mention outside the
 * comments. NULL elsewhere, or when the article names none. */
static const item *article_measure(stance_ctx *c, const item *cue)
{
    if (!element_at(c->doc, cue->start, LE_COMMENT))
        return NULL;
    build_tariffs(c);
    for (size_t i = 0; i < c->tariff_count; i++)
        if (!element_at(c->doc, c->tariffs[i]->start, LE_COMMENT))
            return c->tariffs[i];
    return NULL;
}

/* The last measure named by its noun (measure_named_before) in the context
 * of the cue (context_start) before it: in an article about a ban or
 * export controls rather than a tariff, what retaliation answers. */
static who measure_named_in_context(stance_ctx *c, const item *cue, size_t paragraphs_back)
{
    uint32_t first = (uint32_t)token_at_or_after(&c->doc->tokens, context_start(c, cue, paragraphs_back));
    for (uint32_t t = cue->first; t-- > first;) {
        if (!measure_family(c, t))
            continue;
        /* "called the controls ...": the ones named before */
        who named = named_measure(c, t);
        if (named.name == NO_STRING)
            named = measure_named_before(c, NULL, t + 1, t);
        if (named.name == NO_STRING)
            named = bare_measure(c, t);
        if (named.name != NO_STRING)
            return named;
    }
    return (who){NO_STRING, NO_STRING, NULL};
}

/* Where the object of an act cue starts: after the quotation marks that
 * close a quoted cue ("Cambodia "regrets" the decision"), and after the
 * preposition the quotation cut off it ("was "extremely disappointed" by
 * the move"). */
static uint32_t object_start(stance_ctx *c, const item *cue)
{
    uint32_t t = cue->last + 1, end = c->sentence->first_token + c->sentence->token_count;
    while (t < end && (is_quote_mark(c, t) || is_closing_quote(c, t)))
        t++;
    if (t > cue->last + 1 && t < end && token_in(c, t, (const char *const[]){"by", "with", "over", "about", "at", NULL}))
        t++;
    return t;
}

/* "defended the measures" after a paragraph on the duties: a measure noun
 * right after its cue, with "the" or a demonstrative, points back to the
 * last tariff mention in its paragraph or the one before; else noun. */
static who measure_object_at(stance_ctx *c, const item *cue, uint32_t t, who noun, uint32_t holder)
{
    if (!names_measure(c, noun))
        return decided_measure(c, cue, noun, holder);
    uint32_t end = c->sentence->first_token + c->sentence->token_count;
    char word[16];
    /* "would not accept a penalty on ...", "will not accept a system that
     * ...": a penalty or a system is one however named */
    int indefinite = token_in(c, t + 1, (const char *const[]){"penalty", "penalties", "system", NULL}) &&
                     token_in(c, t, (const char *const[]){"a", "any", "new", NULL});
    /* "Ecuador would not lift its own measure": the country or bloc of the
     * clause before "its" owns it */
    if (t + 1 < end && token_in(c, t, (const char *const[]){"its", "their", NULL})) {
        uint32_t clause = clause_of(c, t);
        const item *owner = NULL;
        for (const item *i = c->items; i < cue; i++)
            if (i->start >= c->sentence->start && can_own(c, i) && clause_of(c, i->first) == clause)
                owner = i;
        if (owner)
            return owner_tariffs(c, owner, NO_STRING);
    }
    if (t + 1 >= end ||
        (!token_in(c, t, (const char *const[]){"the", NULL}) && !token_in(c, t, demonstratives) && !indefinite))
        return noun;
    lower_word(c, t + 1, word, sizeof word);
    /* a rise names its tariff from farther back ("opposed the increase"
     * three paragraphs after the duties went up) */
    size_t back = token_in(c, t + 1, increase_nouns) ? INCREASE_PARAGRAPHS_BACK : 1;
    if (strcmp(word, doc_string(c->doc, noun.name)))
        return noun;
    /* a threat is the tariff threatened */
    const item *threatener = NULL;
    const item *threatened = token_in(c, t + 1, (const char *const[]){"threat", "threats", NULL})
                                 ? threatened_tariff(c, cue, &threatener)
                                 : NULL;
    if (threatened)
        return tariff_target(c, threatened, threatener, holder);
    /* a system is a tax or a ban named in its paragraph before a tariff
     * ("This tax was written to fall on American firms ... We will not
     * accept a system that ...") */
    if (token_in(c, t + 1, (const char *const[]){"system", NULL})) {
        who named = measure_named_in_context(c, cue, 0);
        if (named.name != NO_STRING)
            return named;
    }
    /* "welcomed the decision" in an article about a ban: the ban, not a
     * tariff someone proposed in the paragraph before */
    if (token_in(c, t + 1, decision_nouns)) {
        who central = central_measure(c, cue, holder, 0);
        if (central.name != NO_STRING && central.ref == NO_STRING &&
            (!strcmp(central.from, "named-measure") || !strcmp(central.from, "central-measure")))
            return central;
    }
    const item *mention = tariff_before(c, cue, back);
    if (mention)
        return owned_tariff_target(c, mention, holder);
    /* "defended the measures" after a paragraph on export controls */
    who named = measure_named_in_context(c, cue, back);
    if (named.name != NO_STRING)
        return named;
    /* "welcomed the decision" paragraphs after the duties were set: the
     * measure the article is about */
    return token_in(c, t, (const char *const[]){"the", NULL}) ? decided_measure(c, cue, noun, holder) : noun;
}

static who object_measure_as_tariff(stance_ctx *c, const item *cue, who noun, uint32_t holder)
{
    return measure_object_at(c, cue, object_start(c, cue), noun, holder);
}
/* The token of "retaliation", "countermeasures" or "reprisals" at most two
 * lower-case words after the cue ("swift retaliation", "tough
 * countermeasures"), or UINT32_MAX. */
static uint32_t retaliation_after(stance_ctx *c, const item *cue)
{
    static const char *const answers[] = {"retaliation", "retaliatory", "countermeasures", "counter-measures",
                                          "reprisals", "reprisal", NULL};
    uint32_t end = c->sentence->first_token + c->sentence->token_count;
    for (uint32_t t = cue->last + 1; t < end && t <= cue->last + 3; t++) {
        if (token_in(c, t, answers))
            return t;
        if (tok(c, t)->kind != TOK_WORD || !(tok(c, t)->flags & TOKF_LOWER))
            return UINT32_MAX;
    }
    return UINT32_MAX;
}

/* Whether what the cue supports is an answer to a measure: "retaliation",
 * "countermeasures", "reprisals", after at most two words ("swift
 * retaliation", "tough countermeasures"). */
static int calls_for_retaliation(stance_ctx *c, const item *cue)
{
    return retaliation_after(c, cue) != UINT32_MAX;
}

/* Whether the act cue ends its clause with no object: the sentence ends or
 * a ";" follows, or a comma and a participle of saying ("objected, saying
 * ..."), or a comma that ends a quotation; not in a passive ("was
 * welcomed."). */
static int acts_on_nothing(stance_ctx *c, const item *cue)
{
    uint32_t first = c->sentence->first_token, end = first + c->sentence->token_count, t = cue->last + 1;
    if (cue->first > first && token_in(c, cue->first - 1, copulas))
        return 0;
    if (t >= end)
        return 1;
    const char *at = c->doc->text.clean + tok(c, t)->start;
    if (tok(c, t)->kind != TOK_PUNCT)
        return 0;
    if (*at == '.' || *at == ';')
        return 1;
    if (*at != ',' || t + 1 >= end)
        return 0;
    /* "We are deeply concerned," a spokesperson said: the quotation ends */
    if (is_closing_quote(c, t + 1))
        return 1;
    return token_in(c, t + 1, (const char *const[]){"saying", "arguing", "calling", "warning", NULL});
}

/* "the cut", "this reduction" between token offset from and the cue: the
 * noun as the target. Name NO_STRING when there is none. */
static who eased_before(stance_ctx *c, const item *cue, uint32_t from)
{
    static const char *const cuts[] = {"cut", "cuts", "reduction", "reductions", NULL};
    for (uint32_t t = cue->first; t-- > 1 && tok(c, t)->start >= from;)
        if (token_in(c, t, cuts) && token_in(c, t - 1, determiners))
            return (who){phrase_text(c, t, t + 1), NO_STRING, "named-measure"};
    return (who){NO_STRING, NO_STRING, NULL};
}

/* What a rhetorical question ("Who exactly benefits when ...?", "What did
 * the tariffs fix?") or a harm its speaker's side suffers ("they should
 * not pay for it") is against: the measure in context, the first tariff
 * mention of its sentence, else the last one before it in its paragraph or
 * reader comment (or, for a verdict opening a comment, the first after it
 * there), else the last measure a country qualifies there ("The Chinese
 * measure"), else the last tariff mention of the paragraphs_back
 * paragraphs before. None: no stance. */
static who measure_in_context(stance_ctx *c, const item *items, size_t count, const item *cue, uint32_t holder,
                              size_t paragraphs_back)
{
    /* "who pays for this ban": a measure named right after the cue */
    uint32_t after = cue->last + 2;
    if (after < c->sentence->first_token + c->sentence->token_count) {
        who named = named_measure(c, after);
        if (named.name == NO_STRING)
            named = bare_measure(c, after);
        if (named.name != NO_STRING)
            return named;
    }
    const item *mention = NULL;
    for (size_t i = 0; i < count && !mention; i++)
        if (is_tariff(items[i].kind))
            mention = &items[i];
    /* "What exactly has the ban done for ...?": else a measure the
     * sentence names by its noun (named_measure) */
    uint32_t sentence_end = c->sentence->first_token + c->sentence->token_count;
    for (uint32_t t = c->sentence->first_token + 1; !mention && t < sentence_end; t++) {
        who named = named_measure(c, t);
        /* "to justify a ban its own tests cannot support": in a rhetorical
         * question, "a" names the measure known too (not in a harm: "punished
         * for a tax they never asked for" is punished by something else) */
        const char *const *family = named.name == NO_STRING && cue->kind == K_RHETORICAL &&
                                            token_in(c, t - 1, (const char *const[]){"a", NULL})
                                        ? measure_family(c, t)
                                        : NULL;
        if (family)
            named = measure_named_before(c, family, t, t > NAMED_MEASURE_LOOKBACK ? t - NAMED_MEASURE_LOOKBACK : 0);
        if (named.name == NO_STRING)
            named = bare_measure(c, t);
        if (named.name != NO_STRING)
            return named;
    }
    if (!mention)
        mention = tariff_before(c, cue, 0);
    /* a verdict opening a reader comment ("Stupid policy. Consumers pay
     * the tariff, not China."): the first tariff mention after it there */
    const struct_span *comment = cue->kind == K_HARM || cue->kind == K_FAVOR_CONTEXT
                                     ? element_at(c->doc, cue->start, LE_COMMENT)
                                     : NULL;
    for (const item *i = cue + 1; !mention && comment && i < c->items + c->item_count && i->start < comment->end; i++)
        if (is_tariff(i->kind))
            mention = i;
    if (mention)
        return owned_tariff_target(c, mention, holder);
    /* "The Chinese measure will hit Spain ... they should not pay for it":
     * a measure noun a country qualifies, before the cue in its paragraph
     * or reader comment, after a tariff mention in the document, is that
     * country's tariffs */
    uint32_t from = context_start(c, cue, 0);
    build_tariffs(c);
    int seen = 0;
    for (const item *i = cue; c->tariff_count && i-- > c->items && i->start >= from && seen < TITLE_LOOKBACK; seen++)
        if ((i->kind == K_GPE || i->kind == K_NORP) && c->tariffs[0]->start < i->start &&
            i->last + 1 < c->doc->tokens.count && token_in(c, i->last + 1, measure_nouns) && !same_owner(c, i, holder))
            return tariff_target(c, c->tariffs[0], i, holder);
    /* under "Brazil halves cheese tariff", "the cut" named earlier in the
     * cue's paragraph is what its question or harm is about */
    if (headline_eases(c)) {
        who cut = eased_before(c, cue, from);
        if (cut.name != NO_STRING)
            return cut;
    }
    /* else the last tariff mention of the paragraphs before, or, in a
     * reader comment, the measure of the article */
    mention = paragraphs_back ? tariff_before(c, cue, paragraphs_back) : NULL;
    /* a reader comment under "Hungary bans firewood exports" judges the
     * ban, named before any tariff */
    if (!mention && paragraphs_back && element_at(c->doc, cue->start, LE_COMMENT)) {
        if (central_measure(c, cue, holder, 1).name == NO_STRING) {
            who named = central_measure(c, cue, holder, 0);
            if (named.name != NO_STRING)
                return named;
        }
        mention = article_measure(c, cue);
    }
    if (mention)
        return owned_tariff_target(c, mention, holder);
    /* a question asked for effect, or a defence, where the paragraphs
     * near it name no measure ("Why should a contractor in Freiburg pay
     * 40% more ...?" after two paragraphs on "the safeguard"): the
     * article's measure */
    if (paragraphs_back && (cue->kind == K_RHETORICAL || cue->kind == K_FAVOR_CONTEXT) && !headline_eases(c)) {
        who central = central_measure(c, cue, holder, 1);
        if (central.name != NO_STRING && strcmp(doc_string(c->doc, central.name), "tariffs"))
            return central;
    }
    /* a harm where no tariff is in sight, in an article about a ban or a
     * quota ("had been given very little time to adjust"): that measure */
    if (paragraphs_back && (cue->kind == K_RHETORICAL || cue->kind == K_HARM) &&
        central_measure(c, cue, holder, 1).name == NO_STRING)
        return central_measure(c, cue, holder, 0);
    return (who){NO_STRING, NO_STRING, NULL};
}

/* Whether the measure that is a cue's subject is named as what ends or
 * eases it ("cutting the surtax would hurt plants", "any cut to the tariff
 * would finish off small farms"): what is said of ending a measure is said
 * of the measure the other way round. */
static int eased_subject(stance_ctx *c, const item *subject)
{
    static const char *const easing_verbs[] = {"cutting", "lowering", "lifting", "removing", "scrapping",
                                               "dropping", "ending", "abolishing", "reducing", "halving",
                                               "easing", "relaxing", "suspending", "repealing", "axing", NULL};
    uint32_t t = subject->first;
    if (t > c->sentence->first_token && token_in_set(c, t - 1, &phrase_skip_set))
        t--;
    if (t <= c->sentence->first_token) /* a subject in a sentence before the cue's has nothing here */
        return 0;
    if (token_in(c, t - 1, easing_verbs))
        return 1;
    return t - 1 > c->sentence->first_token &&
           token_in(c, t - 1, (const char *const[]){"to", "in", "of", "on", "from", NULL}) &&
           token_in(c, t - 2, relief_nouns);
}

/* Whether the cue already reads an ending after it as against what ends:
 * "called for an end to the levy" is typed against by its rule
 * (rules/50-stance.rules, stance-call-for-less), so the ending flips
 * nothing more. */
static int cue_reads_ending(stance_ctx *c, const item *cue)
{
    return cue->kind == K_AGAINST && token_in(c, cue->last, (const char *const[]){"for", NULL});
}

/* "opposed any fresh retaliation by Washington": the country or bloc right
 * after "by" or "from" after the answer the cue weighs (retaliation_after),
 * or NULL. */
static const item *retaliator(stance_ctx *c, const item *items, size_t count, const item *cue)
{
    uint32_t t = retaliation_after(c, cue);
    if (t == UINT32_MAX || !token_in(c, t + 1, (const char *const[]){"by", "from", NULL}))
        return NULL;
    for (const item *i = cue + 1; i < items + count && i->first <= t + 2; i++)
        if (i->first == t + 2 && can_own(c, i))
            return i;
    return NULL;
}

/* The target of the cue items[k]; *eases set when it is reached through
 * relief from it ("welcomed relief from U.S. tariffs"): the cue's polarity
 * then flips. */
/* "a decree that raised tariffs ..., a move that Washington welcomed as
 * ...": an act whose object is the noun a relative clause qualifies, its
 * agent right before it after "that" or "which", nothing after it that
 * could be an object. The noun phrase; name NO_STRING otherwise. */
static who relative_object(stance_ctx *c, const item *items, size_t k)
{
    who none = {NO_STRING, NO_STRING, NULL};
    const item *cue = &items[k], *agent = k ? &items[k - 1] : NULL;
    uint32_t first = c->sentence->first_token, end = first + c->sentence->token_count;
    if ((cue->kind != K_FAVOR && cue->kind != K_AGAINST) || !agent || !is_holder(agent) ||
        agent->last + 1 != cue->first || agent->first < first + 2 ||
        !token_in(c, agent->first - 1, (const char *const[]){"that", "which", NULL}) ||
        !phrase_word(c, agent->first - 2) || (cue->last + 1 < end && phrase_word(c, cue->last + 1)) ||
        (cue->last + 1 < end && token_in_set(c, cue->last + 1, &phrase_skip_set) &&
         !token_in(c, cue->last + 1, (const char *const[]){"for", "on", "with", NULL})))
        return none;
    uint32_t noun_end = agent->first - 1, t = noun_end;
    while (t > first && noun_end - t < PHRASE_WORDS && phrase_word(c, t - 1) && !token_in_set(c, t - 1, &phrase_skip_set))
        t--;
    return noun_phrase(c, t, noun_end, "phrase");
}

/* Whether "to" and a verb follow tokens from on, over words of time and
 * place only: who the words before them name is asked to act ("urged
 * Parliament on Wednesday to scrap the duty"), not blamed for an act
 * ("criticised MacAskill for promising to cut fees") nor praised before
 * another ("praised Pramesti and promised to defend the duty"). */
static int asked_between(stance_ctx *c, uint32_t from, uint32_t end)
{
    static const char *const adjuncts[] = {"on", "in", "at", "during", "this", "last", "next", "the", "a",
                                           "week", "month", "year", "weekend", "morning", "afternoon",
                                           "evening", "day", "again", "also", NULL};
    for (uint32_t t = from; t < end; t++) {
        if (asked_to_act(c, t))
            return 1;
        if (!token_in(c, t, adjuncts) && !(tok(c, t)->flags & TOKF_CAPITALIZED) && tok(c, t)->kind != TOK_NUMBER)
            return 0;
    }
    return 0;
}

static who find_target(stance_ctx *c, const item *items, size_t count, size_t k, const who *holder_who, int *eases)
{
    *eases = 0;
    uint32_t holder = holder_who->name;
    const item *cue = &items[k];
    who none = {NO_STRING, NO_STRING, NULL};
    if (cue->kind == K_RHETORICAL || cue->kind == K_HARM || cue->kind == K_FAVOR_CONTEXT) {
        who measure = measure_in_context(c, items, count, cue, holder, 1);
        /* "Finally." under "Brazil to halve ethanol tariff": a reader's
         * verdict on the news is on the cut, against the tariff */
        *eases = cue->kind == K_FAVOR_CONTEXT && measure.name != NO_STRING &&
                 element_at(c->doc, cue->start, LE_COMMENT) && headline_eases(c);
        return measure;
    }
    who antecedent = relative_object(c, items, k);
    if (antecedent.name != NO_STRING)
        return measure_as_tariff(c, items, k, antecedent, holder);
    /* "Dahlgren calls it overdue. Tell that to the guys in Toledo ...": a
     * retort is against whoever spoke in the sentence before */
    if (cue->kind == K_AGAINST && token_in(c, cue->first, (const char *const[]){"tell", NULL}) &&
        token_in(c, cue->first + 1, (const char *const[]){"that", "this", NULL}))
        return previous_speaker(c);
    /* "called for retaliation", "backed countermeasures": support for
     * answering a measure is against that measure, in context */
    if (cue->kind == K_FAVOR && strcmp(holder_who->from, "author") && calls_for_retaliation(c, cue)) {
        /* the measure answered comes before: a tariff after is the answer */
        const item *answered = tariff_before(c, cue, 1);
        who measure = answered ? owned_tariff_target(c, answered, holder) : measure_named_in_context(c, cue, 1);
        *eases = measure.name != NO_STRING;
        return measure;
    }
    /* the answer opposed is its author's measure */
    const item *author = cue->kind == K_AGAINST ? retaliator(c, items, count, cue) : NULL;
    if (author)
        return owner_tariffs(c, author, NO_STRING);
    /* "South Africa ... also objected.", "Farm groups protested, saying
     * ...": an act with no object acts on the measure in context, named
     * in its paragraph or the one before */
    if ((cue->kind == K_FAVOR || cue->kind == K_AGAINST) && strcmp(holder_who->from, "author") && acts_on_nothing(c, cue))
        return measure_in_context(c, items, count, cue, holder, 1);
    /* "At least exempt the citrus.": sparing goods is easing the measure
     * on them, the one in context; "Open the border." opens what it closes */
    if (cue->kind == K_AGAINST && cue->first == cue->last &&
        token_in(c, cue->first, (const char *const[]){"exempt", "spare", "open", "reopen", NULL})) {
        /* what a ban closes is opened: the ban named in context first */
        who ban = token_in(c, cue->first, (const char *const[]){"open", "reopen", NULL})
                      ? measure_named_in_context(c, cue, 1)
                      : none;
        return ban.name != NO_STRING ? ban : measure_in_context(c, items, count, cue, holder, 1);
    }
    /* "Spot on, Kanwar.": the one named after the comma that follows a cue
     * opening its sentence is the one the cue addresses */
    if (cue->first == c->sentence->first_token && is_comma(c, cue->last + 1))
        for (size_t i = k + 1; i < count && items[i].first <= cue->last + 1 + ADDRESS_WORDS; i++)
            if (items[i].start > cue->end && (items[i].kind == K_PERSON || items[i].kind == K_ORG || items[i].kind == K_GPE))
                return entity_target(c, &items[i], "entity");
    /* "did not accept that its steel measures gave India any right": a
     * clause after "that" is a claim, and what the cue weighs is the claim,
     * no entity in it ("rejected that view" keeps its object) */
    if (!cue_kinds[cue->kind].subject &&
        that_clause_at(c, cue->last + 1, c->sentence->first_token + c->sentence->token_count))
        return none;
    uint32_t clause = clause_of(c, cue_kinds[cue->kind].subject ? cue->first : cue->last);
    if (clause == UINT32_MAX)
        return none;
    const item *tariff_after = NULL, *entity_after = NULL, *gpe_after = NULL;
    for (size_t i = k + 1; i < count; i++) {
        const item *it = &items[i];
        if (it->start < cue->end || clause_of(c, it->first) != clause)
            continue;
        if (is_tariff(it->kind) && !tariff_after)
            tariff_after = it;
        else if (is_entity(it->kind) && !is_tariff(it->kind) && !same_name(c, it, holder)) {
            if (!entity_after)
                entity_after = it;
            if (it->kind == K_GPE && !gpe_after && !tariff_after)
                gpe_after = it;
        }
    }
    /* "Mexico raises tariffs on cars, drawing protest from South Korea": a
     * participle after a comma answers what the clause before did, its
     * tariff mention */
    if (cue_kinds[cue->kind].subject && cue->first > c->sentence->first_token && is_comma(c, cue->first - 1) &&
        is_participle_at(c, cue->first))
        for (size_t i = k; i-- > 0 && items[i].start >= c->sentence->start;)
            if (is_tariff(items[i].kind)) {
                const item *owner = owner_before(c, items, &items[i], holder, 0);
                return tariff_target(c, &items[i], remember_owner(c, &items[i], owner), holder);
            }
    /* "urged Bucharest to drop the scheme, calling it "a barrier ..."":
     * "it" after a participle of calling is what the clause before the
     * comma named: a tariff mention in it, else the noun phrase it ends on */
    uint32_t comma = cue_kinds[cue->kind].subject ? comma_before_calling_it(c, items, k) : UINT32_MAX;
    if (comma != UINT32_MAX) {
        for (size_t i = k; i-- > 0 && items[i].start >= c->sentence->start;)
            if (is_tariff(items[i].kind) && items[i].last < comma && clause_of(c, items[i].first) == clause_of(c, comma - 1)) {
                const item *owner = owner_before(c, items, &items[i], holder, 0);
                return tariff_target(c, &items[i], remember_owner(c, &items[i], owner), holder);
            }
        who noun = phrase_ending_at(c, comma);
        if (noun.name != NO_STRING)
            return measure_as_tariff(c, items, k, noun, holder);
    }
    if (cue_kinds[cue->kind].subject) {
        /* a quotation read as a verdict judges what the verb of calling
         * names, never a subject found elsewhere in the sentence */
        int verdict = c->verdict_type >= 0 && (int)c->doc->spans[cue->span].type == c->verdict_type;
        int called_it = calls_it(c, items, k);
        const item *subject = verdict || called_it ? NULL : clause_subject(c, items, k, holder);
        if (!subject)
            subject = called_object(c, items, k, holder);
        if (verdict && !subject) {
            who noun = called_phrase(c, items, k, clause);
            if (noun.name != NO_STRING)
                return measure_as_tariff(c, items, k, noun, holder);
            /* "called the federation's request "a delaying tactic"" */
            for (size_t i = k; i-- > 0 && items[i].start >= c->sentence->start;)
                if (items[i].kind == K_CALLING)
                    return noun_target(c, items[i].last + 1, clause, cue->start);
            return none;
        }
        uint32_t insertion;
        uint32_t interrupted = subject || called_it ? UINT32_MAX : interrupted_clause(c, cue, &insertion);
        if (interrupted != UINT32_MAX) {
            subject = subject_before(c, items, k, interrupted, insertion, holder);
            who noun = subject ? (who){NO_STRING, NO_STRING, NULL} : phrase_ending_at(c, insertion);
            if (noun.name != NO_STRING)
                return measure_as_tariff(c, items, k, noun, holder);
        }
        if (!subject)
            subject = pronoun_before_copula(c, items, cue);
        if (!subject) {
            who noun = called_phrase(c, items, k, clause);
            if (noun.name == NO_STRING)
                noun = phrase_before_copula(c, cue);
            if (noun.name == NO_STRING)
                noun = phrase_right_before(c, cue);
            if (noun.name == NO_STRING)
                noun = opening_noun(c, items, count, cue);
            if (noun.name != NO_STRING)
                return measure_as_tariff(c, items, k, noun, holder);
        }
        /* "..., and it is not acceptable": the subject is a pronoun; take
         * the nearest tariff mention or entity earlier in the sentence, for
         * a named holder only (the author's evaluation is of its clause) */
        int of_thing = 0;
        int named = strcmp(holder_who->from, "author") != 0 && pronoun_subject(c, cue, &of_thing);
        /* a tariff mention first, then an entity; what "it" does is a
         * measure's doing, never an entity's ("defended the deal, saying
         * it would open markets") */
        int effect_of_it = (cue->kind == K_FAVOR_EFFECT || cue->kind == K_AGAINST_EFFECT) && of_thing &&
                           subject_is_it(c, cue);
        if (named && called_it && !subject)
            subject = tariff_before(c, cue, 1);
        for (int pass = 0; named && pass < (effect_of_it ? 1 : 2) && !subject; pass++)
            for (size_t i = k; !subject && i-- > 0;) {
                const item *it = &items[i];
                if (it->end <= cue->start && (pass ? is_entity(it->kind) : is_tariff(it->kind)) &&
                    !same_name(c, it, holder) && !(of_thing && it->kind == K_PERSON) &&
                    !(cue->kind == K_REFUSAL && it->kind == K_GOODS) && /* who is accused acts */
                    !(it->kind == K_GPE && it->first > c->sentence->first_token &&
                      token_in(c, it->first - 1, quote_locatives))) /* where it is said */
                    subject = it;
            }
        /* "Ostby has it right, this is a tax on us": "it" and "this" are
         * no person; with none else in the sentence, the tariff mention
         * before it in its paragraph or reader comment, or in the
         * paragraph before ("This is a tariff by another name," ...) */
        if (named && of_thing && !subject)
            subject = tariff_before(c, cue, 1);
        /* "The duties will not put one more potato on a plate. They will
         * only make the plate more expensive": "they" doing what a measure
         * does is the tariff mention before it in its paragraph, when no
         * person or organisation comes between */
        if (named && !of_thing && !subject && (cue->kind == K_AGAINST_EFFECT || cue->kind == K_FAVOR_EFFECT))
            subject = tariff_for_they(c, cue);
        /* "There is no scientific basis for this ban. It should be
         * removed": else a ban or a tax named before it; in a reader
         * comment that names none, the measure the article is about ("this
         * is a tax on children"), and in the article too for a denial
         * paragraphs after the measure ("This is not a punishment") */
        if (named && of_thing && !subject) {
            who named_before = measure_named_in_context(c, cue, 1);
            return named_before.name == NO_STRING && demonstrative_subject(c, cue) &&
                           (element_at(c->doc, cue->start, LE_COMMENT) ||
                            cue_holds(c, cue, (const char *const[]){"not", NULL}))
                       ? central_measure(c, cue, holder, 0)
                       : named_before;
        }
        who denied = named && !subject ? denied_subject(c, cue) : none;
        if (denied.name != NO_STRING)
            return measure_as_tariff(c, items, k, denied, holder);
        if (!subject)
            return none;
        /* "called the tariff cut "a slow death"": the cut, as written */
        if (is_tariff(subject->kind) && subject->last + 1 < c->doc->tokens.count &&
            token_in(c, subject->last + 1, relief_nouns))
            return noun_phrase(c, subject->first, subject->last + 2, "subject-phrase");
        if (is_tariff(subject->kind)) {
            *eases = eased_subject(c, subject);
            const item *owner = owner_before(c, items, subject, holder, 0);
            /* "Brazil keeps an 18% duty ... and then cries foul?": a
             * reader's accusation faults the owner, not its measure */
            if (cue->kind == K_REFUSAL && owner && owner->start >= c->sentence->start)
                return entity_target(c, owner, "subject");
            return tariff_target(c, subject, remember_owner(c, subject, owner), holder);
        }
        if (subject->kind == K_GPE && tariff_after)
            return tariff_target(c, tariff_after, subject, holder);
        /* "called the U.S. threat "out of proportion"": the threat (after a
         * determiner only: "Mexico dumps its tomatoes" names its subject) */
        who qualified = subject->first > c->sentence->first_token &&
                                token_in_set(c, subject->first - 1, &phrase_skip_set)
                            ? qualified_noun(c, subject, cue->start, holder)
                            : (who){NO_STRING, NO_STRING, NULL};
        if (qualified.name != NO_STRING)
            return qualified;
        /* "Seoul's offer was a serious starting point": the offer (a
         * person's position stays the person's: "Stanhope's position") */
        uint32_t noun = subject->last + 2;
        if (subject->kind != K_PERSON && possessive(c, subject) && noun < cue->first && phrase_word(c, noun)) {
            who offer = noun_target(c, noun, clause, cue->start);
            /* "Turkey's decision is unjustified": a country's measure noun,
             * after a tariff mention in the document, is its tariffs */
            build_tariffs(c);
            if (names_measure(c, offer) && can_own(c, subject) && c->tariff_count && c->tariffs[0]->start < cue->start)
                return tariff_target(c, c->tariffs[0], subject, holder);
            if (offer.name != NO_STRING)
                return offer;
        }
        /* "to single us out while others buy far more Russian crude is
         * unfair": a nationality before a noun only qualifies it ("the
         * Israeli government" is Israel's) */
        if (subject->kind == K_NORP && subject->last + 1 < cue->first && phrase_word(c, subject->last + 1) &&
            !token_in_set(c, subject->last + 1, &government_noun_set))
            return (who){NO_STRING, NO_STRING, NULL};
        return entity_target(c, subject, "subject");
    }
    /* "praised Pramesti for "standing firm" and rejected the proposed
     * duty": a person or body right after the act is what it acts on,
     * before a tariff farther on; not one asked to act ("urged Parliament
     * on Wednesday to drop ...") nor one owning what follows */
    if (entity_after && tariff_after && entity_after->first == cue->last + 1 &&
        (entity_after->kind == K_PERSON || entity_after->kind == K_ORG) && tariff_after->first > entity_after->last + 2 &&
        tok(c, entity_after->last + 1)->kind != TOK_CLITIC && !asked_between(c, entity_after->last + 1, tariff_after->first))
        return entity_target(c, entity_after, "entity");
    /* "welcomed the tariff cut", "opposed any duty hike": a change to a
     * levy named as one is the target as written, as its subject is */
    if (tariff_after && tariff_after->kind == K_TARIFF_WORD && tariff_after->first <= cue->last + 1 + PHRASE_WORDS &&
        tariff_after->last + 1 < c->sentence->first_token + c->sentence->token_count &&
        (token_in(c, tariff_after->last + 1, relief_nouns) ||
         token_in(c, tariff_after->last + 1, (const char *const[]){"hike", "hikes", NULL})))
        return noun_phrase(c, tariff_after->first, tariff_after->last + 2, "phrase");
    int relief = 0;
    if (tariff_after) {
        /* "welcomed relief from U.S. tariffs", "no deal without concessions
         * on all Washington's tariffs": what eases a tariff is a stance on
         * the tariff, the other way round */
        uint32_t first, end;
        relief = (phrase_after(c, cue->last + 1, clause, &first, &end) && token_in(c, end - 1, relief_nouns) &&
                  token_in(c, end, (const char *const[]){"on", "from", "to", "of", "for", NULL}) &&
                  tariff_after->first > end && tariff_after->first <= end + 1 + PHRASE_WORDS);
        *eases = relief && !cue_reads_ending(c, cue);
    }
    if (tariff_after && !relief && tariff_after->first > cue->last + 1 + PHRASE_WORDS) {
        /* "would back any agreement that left the tariff unchanged": a noun
         * right after the cue comes before a tariff mentioned farther on;
         * but a body asked to act is no target ("urged the government to
         * scrap the levy"; not "rejected the proposal to cut tariffs") */
        uint32_t first, end;
        int found = phrase_after(c, cue->last + 1, clause, &first, &end);
        int asked = found && end < c->sentence->first_token + c->sentence->token_count &&
                    token_in(c, end, (const char *const[]){"to", NULL}) && names_agent(c, items, count, end - 1);
        /* "will challenge the latest increase in U.S. duties": a rise in a
         * tariff is the tariff */
        int raised = found && end < c->sentence->first_token + c->sentence->token_count &&
                     token_in(c, end - 1, increase_nouns) &&
                     token_in(c, end, (const char *const[]){"in", "of", "on", "to", NULL});
        who noun = asked || raised ? (who){NO_STRING, NO_STRING, NULL}
                                   : noun_target(c, cue->last + 1, clause, cue->start);
        if (noun.name != NO_STRING)
            return object_measure_as_tariff(c, cue, noun, holder);
    }
    /* "rejected China's argument that the duty broke WTO rules": a tariff
     * inside what someone argued is no object; the argument is its
     * maker's, the one a possessive names */
    for (uint32_t t = cue->last + 1; tariff_after && t + 1 < tariff_after->first; t++)
        if (token_in(c, t, speech_nouns) && token_in(c, t + 1, (const char *const[]){"that", NULL})) {
            for (size_t i = k + 1; i < count && items[i].first < t; i++)
                if (is_holder(&items[i]) && items[i].last + 2 == t && tok(c, items[i].last + 1)->kind == TOK_CLITIC)
                    return entity_target(c, &items[i], "entity");
            return none;
        }
    if (tariff_after) {
        const item *owner = owner_before(c, items, tariff_after, holder, cue->end);
        return tariff_target(c, tariff_after, remember_owner(c, tariff_after, owner ? owner : gpe_after), holder);
    }
    /* "urged Washington to reconsider it", "called on its voters to end a
     * boycott": who is asked to act is no target; the measure "it" stands
     * for is, when the sentence named one before, or the object of the act */
    uint32_t asked_first, asked_end, object = cue->last + 1;
    while (object < c->sentence->first_token + c->sentence->token_count && token_in(c, object, phrase_skip))
        object++;
    /* "called on Industry and Science Minister Daniel Hargreaves to ...":
     * over the title before the name */
    uint32_t titled = object;
    while (entity_after && titled < entity_after->first && titled < object + 2 * PHRASE_WORDS &&
           ((tok(c, titled)->flags & TOKF_CAPITALIZED) || token_in(c, titled, (const char *const[]){"and", "of", NULL})))
        titled++;
    uint32_t to = entity_after && (entity_after->first == object || entity_after->first == titled)
                      ? entity_after->last + 1
                  : phrase_after(c, cue->last + 1, clause, &asked_first, &asked_end) &&
                          names_agent(c, items, count, asked_end - 1)
                      ? asked_end
                      : UINT32_MAX;
    /* "urged Quito and Bogota to withdraw them": all who are asked */
    for (const item *i = entity_after;
         to != UINT32_MAX && i && i < items + count && token_in(c, to, (const char *const[]){"and", NULL});) {
        while (i < items + count && i->first <= to)
            i++;
        if (i == items + count || i->first != to + 1 || !is_entity(i->kind))
            break;
        to = i->last + 1;
    }
    if (!tariff_after && to != UINT32_MAX && asked_to_act(c, to)) {
        if (pronoun_after(c, to + 1, clause)) {
            for (size_t i = k; i-- > 0;)
                if (is_tariff(items[i].kind))
                    return tariff_target(c, &items[i],
                                         remember_owner(c, &items[i], owner_before(c, items, &items[i], holder, 0)),
                                         holder);
            /* "urged Port Moresby to withdraw it.": the measure in context */
            return measure_in_context(c, items, count, cue, holder, 1);
        }
        /* "asked Washington to exempt fresh citrus": as above; with none
         * in context, paragraphs after the measure was told, the measure the
         * article is about ("asked the government to exempt dates") */
        if (to + 1 < c->sentence->first_token + c->sentence->token_count &&
            token_in(c, to + 1, (const char *const[]){"exempt", "spare", NULL})) {
            who measure = measure_in_context(c, items, count, cue, holder, 1);
            if (measure.name == NO_STRING)
                measure = central_measure(c, cue, holder, 0);
            if (measure.name != NO_STRING)
                return measure;
        }
        /* "called on the department to drop the threat": the act's object */
        return measure_object_at(c, cue, to + 2, noun_target(c, to + 2, clause, cue->start), holder);
    }
    /* "praised the agreement with Brazil": the object is the noun phrase
     * right after the cue, the entity after a preposition only completes it
     * or says where it is done ("vowed to fight the extension in
     * Congress") */
    uint32_t first, end;
    if (entity_after && phrase_after(c, cue->last + 1, clause, &first, &end) && end + 1 == entity_after->first &&
        (token_in(c, end, object_prepositions) || token_in(c, end, (const char *const[]){"in", "at", "during", NULL}))) {
        who noun = noun_target(c, cue->last + 1, clause, cue->start);
        if (noun.name != NO_STRING)
            return object_measure_as_tariff(c, cue, noun, holder);
    }
    /* "Keep the ban until Brussels pays", "lift a measure that Brussels
     * says ...", "pressed for the measure and China led the opposition": a
     * noun phrase right after the cue that a conjunction or a relative
     * pronoun ends is the object, not the entity of the clause it opens */
    static const char *const clause_conjunctions[] = {"until", "unless", "before", "after", "because", "while",
                                                      "when", "if", "that", "which", "and", "but", NULL};
    if (entity_after && phrase_after(c, cue->last + 1, clause, &first, &end) && end < entity_after->first &&
        token_in(c, end, clause_conjunctions)) {
        who noun = noun_target(c, cue->last + 1, clause, cue->start);
        if (noun.name != NO_STRING)
            return object_measure_as_tariff(c, cue, noun, holder);
    }
    /* "would not accept any deal that treated Indian generics ...": the noun
     * right after the cue is the target, not an entity further on */
    /* "not against a healthier Kuwait": a country some state of it stands
     * for is no target */
    if (entity_after && entity_after->kind == K_GPE && entity_after->first >= cue->last + 3 &&
        token_in(c, entity_after->first - 2, (const char *const[]){"a", "an", NULL}) &&
        phrase_word(c, entity_after->first - 1))
        return none;
    /* ("would defend them in Geneva": a pronoun object comes first) */
    if (entity_after && entity_after->first <= cue->last + 1 + PHRASE_WORDS &&
        !(entity_after->first > cue->last + 1 && token_in(c, cue->last + 1, (const char *const[]){"it", "them", NULL}))) {
        /* "firmly opposes the EU's decision": the decision (a person's
         * remarks stay the person's, as in the subject) */
        uint32_t possessed_noun = entity_after->last + 2;
        /* "rejected the Commission's criticism": what a body said is the
         * body, as a person's remarks are the person */
        if (entity_after->kind != K_PERSON && possessive(c, entity_after) &&
            possessed_noun < c->sentence->first_token + c->sentence->token_count &&
            token_in(c, possessed_noun, speech_nouns) && !token_in(c, possessed_noun, (const char *const[]){"idea", "notion", "calls", NULL}))
            return entity_target(c, entity_after, "entity");
        if (entity_after->kind != K_PERSON && possessive(c, entity_after) &&
            possessed_noun < c->sentence->first_token + c->sentence->token_count && phrase_word(c, possessed_noun)) {
            who noun = noun_target(c, possessed_noun, clause, cue->start);
            if (noun.name != NO_STRING)
                return noun;
        }
        who noun = qualified_noun(c, entity_after, cue->start, holder);
        return noun.name != NO_STRING ? noun : entity_target(c, entity_after, "entity");
    }
    /* "China has every right to protect its people": a right granted to
     * act, not to do "this" or "it", is granted to the one who acts */
    uint32_t after_cue = cue->last + 1;
    if (token_in(c, cue->last, (const char *const[]){"to", NULL}) && cue->last > cue->first &&
        token_in(c, cue->last - 1, (const char *const[]){"right", NULL}) &&
        after_cue < c->sentence->first_token + c->sentence->token_count &&
        !token_in(c, after_cue, (const char *const[]){"do", "doing", NULL}))
        for (size_t i = k; i-- > 0 && items[i].start >= c->sentence->start;)
            if (is_holder(&items[i]) && items[i].kind != K_GROUP && !same_name(c, &items[i], holder))
                return entity_target(c, &items[i], "subject");
    /* "These duties are a tax. Scrap them.", "has every right to do
     * this": a pronoun object is the last tariff mention before it in its
     * comment or paragraph; in a reader comment that names none, the
     * measure the article opens with; else nothing */
    uint32_t sentence_end = c->sentence->first_token + c->sentence->token_count, pronoun = cue->last + 1;
    int done = pronoun < sentence_end && token_in(c, pronoun, (const char *const[]){"do", "doing", NULL});
    pronoun += (uint32_t)done;
    /* "We cannot accept this": "this" alone, with no noun after it */
    int this_alone = pronoun < sentence_end && token_in(c, pronoun, (const char *const[]){"this", NULL}) &&
                     (pronoun + 1 == sentence_end || tok(c, pronoun + 1)->kind == TOK_PUNCT);
    if (pronoun < sentence_end &&
        (this_alone || token_in(c, pronoun, done ? (const char *const[]){"it", "this", "that", NULL}
                                                 : (const char *const[]){"it", "them", NULL}))) {
        const item *mention = tariff_before(c, cue, 0);
        if (!mention)
            mention = article_measure(c, cue);
        if (mention)
            return owned_tariff_target(c, mention, holder);
        /* "said the agreement sacrificed rice growers and vowed to fight
         * it": else a deal the sentence names before the cue */
        for (uint32_t t = cue->first; t-- > c->sentence->first_token + 1;)
            if (token_in(c, t, deal_nouns) && token_in(c, t - 1, (const char *const[]){"the", "this", "that", NULL}))
                return noun_phrase(c, t, t + 1, "pronoun");
        /* "had not lobbied for the cut but were glad of it": else the
         * object of a cue before it in the sentence */
        for (size_t i = k; i-- > 0 && items[i].start >= c->sentence->start;)
            if ((items[i].kind == K_FAVOR || items[i].kind == K_AGAINST) && items[i].last + 1 < cue->first) {
                who earlier = noun_target(c, items[i].last + 1, clause_of(c, items[i].last), items[i].start);
                if (earlier.name != NO_STRING)
                    return (who){earlier.name, earlier.ref, "pronoun"};
            }
        return none;
    }
    /* "Washington started this with its steel tariffs ... Keep the duties
     * until they drop theirs.": a possessive pronoun object is the last
     * tariff a country owned through "its" before it in its comment or
     * paragraph, else nothing */
    if (cue->last + 1 < c->sentence->first_token + c->sentence->token_count &&
        token_in(c, cue->last + 1, (const char *const[]){"theirs", "yours", NULL})) {
        const struct_span *here = element_at(c->doc, cue->start, LE_COMMENT);
        const owned *own = last_owned(c->possessed, c->possessed_count, cue->start, here);
        if (!own || own->at < context_start(c, cue, 0))
            return none;
        size_t at = COUNT_BEFORE(c->items, c->item_count, start, own->at);
        return tariff_target(c, &c->items[at], own->owner, holder);
    }
    uint32_t object_from = object_start(c, cue);
    /* "welcomed the end of the ban", "called for an end to the biodiesel
     * subsidy": what is ended is the target, the other way round */
    uint32_t relief_first, relief_end;
    if (phrase_after(c, object_from, clause, &relief_first, &relief_end) && relief_end == relief_first + 1 &&
        token_in(c, relief_first, relief_nouns) && relief_end + 1 < c->sentence->first_token + c->sentence->token_count &&
        token_in(c, relief_end, (const char *const[]){"to", "of", "on", "from", NULL})) {
        who ended = noun_target(c, relief_end + 1, clause, cue->start);
        if (ended.name != NO_STRING) {
            *eases = !cue_reads_ending(c, cue);
            return object_measure_as_tariff(c, cue, ended, holder);
        }
    }
    who phrase = noun_target(c, object_from, clause, cue->start);
    if (phrase.name != NO_STRING || !entity_after || entity_after->first > cue->last + 1 + ENTITY_REACH)
        return object_measure_as_tariff(c, cue, phrase, holder);
    return entity_who(c, entity_after, "entity");
}

/* "but" moves the point to what follows it: a stance before the sentence's
 * last contrast word is dropped when one after it has the same target ("the
 * talks were constructive but unproductive"); one on a target of its own
 * stays ("supported stronger protection but did not want a trade
 * conflict"). Stances [first, doc->stance_count) are the sentence's. */
static void apply_contrast(document *doc, size_t first, uint32_t contrast)
{
    size_t kept = first;
    for (size_t a = first; a < doc->stance_count; a++) {
        const stance_span *st = &doc->stances[a];
        stance_span *outweighing = NULL;
        for (size_t b = first; b < doc->stance_count && st->cue_start < contrast && !outweighing; b++)
            if (doc->stances[b].cue_start > contrast &&
                !strcmp(doc_string(doc, doc->stances[b].target), doc_string(doc, st->target)))
                outweighing = &doc->stances[b];
        if (outweighing) { /* --explain names the cue it dropped */
            outweighing->outweighed_cue_start = st->cue_start;
            outweighing->outweighed_cue_end = st->cue_end;
        } else
            doc->stances[kept++] = *st;
    }
    doc->stance_count = kept;
}

/* "the United Kingdom will scrap its tariffs", "Egypt will keep its ban":
 * the subject acting on its own measure ("its", "their", or one it owns)
 * takes an action, not a position on it (the acts of lists/stance-*.txt
 * that are done, not said); who reports it may hold one. */
static int acts_on_own_measure(stance_ctx *c, const item *cue, who holder, who target)
{
    static const char *const acts[] = {"scrap", "scraps", "scrapped", "lift", "lifts", "lifted", "cut", "cuts",
                                       "remove", "removes", "removed", "drop", "drops", "dropped", "keep", "keeps",
                                       "kept", "extend", "extends", "extended", "impose", "imposes", "imposed",
                                       "suspend", "suspends", "suspended", "end", "ends", "ended", "maintain",
                                       "maintains", "maintained", NULL};
    if (cue->first != cue->last || !token_in(c, cue->first, acts))
        return 0;
    int on_its_own = cue->last + 1 < c->sentence->first_token + c->sentence->token_count &&
                     token_in(c, cue->last + 1, possessives);
    /* "noted that Peru had scrapped its 6% tariff": what a country has done
     * to its own measure is told as a fact, whoever tells it */
    if (on_its_own && cue->first > 0 && token_in(c, cue->first - 1, (const char *const[]){"has", "had", "have", NULL}))
        return 1;
    if (!holder.from || strcmp(holder.from, "subject"))
        return 0;
    if (on_its_own)
        return 1;
    const char *h = doc_string(c->doc, holder.name), *t = doc_string(c->doc, target.name);
    size_t n = strlen(h);
    return !strncmp(t, h, n) && !strcmp(t + n, " tariffs");
}

/* "have argued for months that ...": a cue ending in "for" followed by a
 * span of time takes no object there. */
static int for_a_time(stance_ctx *c, const item *cue)
{
    static const char *const spans[] = {"months", "years", "weeks", "days", "decades", "hours", "ages", "long", NULL};
    static const char *const counts[] = {"a", "an", "one", "two", "three", "several", "many", "some", NULL};
    static const char *const units[] = {"year", "month", "week", "decade", "day", "while", "time", "years", "months",
                                        "weeks", "decades", "days", NULL};
    uint32_t after = cue->last + 1, end = c->sentence->first_token + c->sentence->token_count;
    if (!token_in(c, cue->last, (const char *const[]){"for", NULL}) || after >= end)
        return 0;
    return token_in(c, after, spans) || (after + 1 < end && token_in(c, after, counts) && token_in(c, after + 1, units));
}

/* "Ford slammed the new duties as short-sighted": an evaluation after
 * "as" that follows an act in its clause is the act's own wording, not a
 * stance of its own. */
static int evaluation_of_act(stance_ctx *c, const item *items, size_t k)
{
    const item *cue = &items[k];
    if (!cue_kinds[cue->kind].subject || cue->first <= c->sentence->first_token ||
        !token_in(c, cue->first - 1, (const char *const[]){"as", NULL}))
        return 0;
    for (size_t i = 0; i < k; i++)
        if ((items[i].kind == K_FAVOR || items[i].kind == K_AGAINST) && !items[i].dropped &&
            items[i].end <= cue->start && clause_of(c, items[i].last) == clause_of(c, cue->first))
            return 1;
    return 0;
}

/* Whether a _CONDITION lies in the part of the sentence holding the cue:
 * between the contrast words and ";" around it, and before a "because" or
 * a speech verb after it. "If our requests are met, we may ..." states no
 * stance, but "did not want a trade war, but would answer ... if ..." does
 * before its "but", and so do "We backed this deal because we were promised
 * protection if imports surged" and "supported the union and said ... if". */
static int in_condition(stance_ctx *c, const item *items, size_t count, const item *cue)
{
    uint32_t from = c->sentence->start, to = c->sentence->end;
    for (size_t i = 0; i < count; i++) {
        if (items[i].kind == K_CONTRAST) {
            if (items[i].end <= cue->start && items[i].end > from)
                from = items[i].end;
            if (items[i].start >= cue->end && items[i].start < to)
                to = items[i].start;
        }
        /* "supported the union and said it would cut ... if ...": what is
         * said after the act holds the condition */
        if (items[i].kind == K_SPEECH && items[i].start >= cue->end && items[i].start < to)
            to = items[i].start;
    }
    for (uint32_t t = c->sentence->first_token; t < c->sentence->first_token + c->sentence->token_count; t++) {
        const token *w = tok(c, t);
        /* "said Japan would not accept ..., and that Tokyo would go to the
         * WTO if talks failed": a second reported clause holds its own */
        /* "... were glad of it, and would offer contracts if ...": and
         * so does a predicate of its own after ", and" */
        int second_report = w->start >= cue->end && token_in(c, t, (const char *const[]){"and", NULL}) &&
                            t + 1 < c->sentence->first_token + c->sentence->token_count &&
                            (token_in(c, t + 1, (const char *const[]){"that", NULL}) ||
                             (t > c->sentence->first_token && c->doc->text.clean[tok(c, t - 1)->start] == ',' &&
                              token_in(c, t + 1, (const char *const[]){"would", "will", "could", "may", "might", NULL})));
        if ((w->kind == TOK_PUNCT && c->doc->text.clean[w->start] == ';') || second_report ||
            (w->start >= cue->end && token_in(c, t, (const char *const[]){"because", NULL}))) {
            if (w->end <= cue->start && w->end > from)
                from = w->end;
            if (w->start >= cue->end && w->start < to)
                to = w->start;
        }
    }
    /* a condition inside a quotation is the speaker's, and one outside it
     * does not reach into it: "\"Who is better off if ...?\" asked X, of a
     * council which opposes the tariffs" */
    const quote_span *quoted = quote_at(c->doc, cue->start);
    for (size_t i = 0; i < count; i++)
        if (items[i].kind == K_CONDITION && !items[i].dropped && items[i].start >= from && items[i].end <= to &&
            quote_at(c->doc, items[i].start) == quoted)
            return 1;
    return 0;
}

/* Whether the subject of the cue's clause is "nobody", "no one" or "none". */
static int nobody_acts(stance_ctx *c, const item *cue)
{
    uint32_t clause = clause_of(c, cue->first);
    for (uint32_t t = cue->first; t-- > c->sentence->first_token && clause_of(c, t) == clause;)
        if (token_in(c, t, (const char *const[]){"nobody", "none", NULL}) ||
            (token_in(c, t, (const char *const[]){"no", NULL}) && t + 1 < cue->first &&
             token_in(c, t + 1, (const char *const[]){"one", NULL})))
            return 1;
    return 0;
}

/* "to protect farmers from unfair competition": a one-word evaluation
 * right before a noun, with no copula just before it, only qualifies that
 * noun; "the tariffs are an unfair burden" evaluates the subject, and so
 * does a verb before its object's determiner ("this levy punishes the
 * mills", "hurts our farmers"). */
static int attributive(stance_ctx *c, const item *cue)
{
    uint32_t first = c->sentence->first_token, end = first + c->sentence->token_count;
    const token *next = cue->last + 1 < end ? tok(c, cue->last + 1) : NULL;
    if (cue->first != cue->last || !next || (next->kind != TOK_WORD && next->kind != TOK_NUMBER) ||
        token_in_set(c, cue->last + 1, &phrase_stop_set) ||
        token_in(c, cue->last + 1, (const char *const[]){"until", "unless", "because", "since", "when", "so", "too",
                                                         "enough", "also", "even", "though", "although", NULL}) ||
        token_in(c, cue->last + 1, determiners))
        return 0;
    /* "was the first sensible thing", "is the most sensible step": a
     * copula before the determiner and the degree words still predicates */
    static const char *const degree[] = {"first", "most", "only", "more", "very", "really", "truly", "a", "an", "the",
                                         "one", "of", "single", "quite", "rather", "pretty", NULL};
    for (uint32_t t = cue->first; t-- > first && cue->first - t <= 4;) {
        if (token_in(c, t, copulas))
            return 0;
        if (cue->first - t >= 2 && !token_in(c, t, degree))
            break;
    }
    return 1;
}

/* "called the agreement "a fair trade for both sides"": a calling verb
 * shortly before an evaluation before its noun makes the noun phrase a
 * judgement of its object. */
static int calls_before(stance_ctx *c, const item *items, size_t k)
{
    for (size_t i = k; i-- > 0;)
        if (items[i].kind == K_CALLING && items[i].start >= c->sentence->start)
            return items[i].last + CALLED_REACH >= items[k].first;
    return 0;
}

/* "Britain and India signed a good deal": an evaluation opening with "a"
 * right after a verb that makes or reaches a deal or a measure is that
 * verb's object, which it only describes; it judges no subject. */
static int object_of_making(stance_ctx *c, const item *cue)
{
    static const char *const making[] = {"signed", "reached", "struck", "secured", "clinched", "negotiated", "won",
                                         "sealed", "concluded", "agreed", "made", "got", "offered", "proposed",
                                         "announced", "imposed", "unveiled", "sign", "reach", "strike", "secure",
                                         "seal", "conclude", "achieve", "achieved", "achieving", "reaching",
                                         "making", "seeking", "sought", NULL};
    return cue->first > c->sentence->first_token && token_in(c, cue->first, (const char *const[]){"a", "an", NULL}) &&
           token_in(c, cue->first - 1, making);
}

/* "Why should a family in Kotkhai compete with that?": a question its rule
 * marks (norm "protection") is for a measure that keeps imports out, and
 * stays against one that lets them in: a deal or a cut (the target's
 * words; under "Brazil halves cheese tariff" the tariff is still for). */
static int favors_protection(stance_ctx *c, const item *cue, who target)
{
    uint32_t norm = c->doc->spans[cue->span].norm;
    if (cue->kind != K_RHETORICAL || norm == NO_STRING || strcmp(doc_string(c->doc, norm), "protection"))
        return 0;
    static const char *const opening[] = {"deal", "agreement", "pact", "accord", "treaty", "cut", "cuts",
                                          "reduction", "suspension", "exemption", "quota increase", NULL};
    const char *name = doc_string(c->doc, target.name);
    const char *head = strrchr(name, ' ');
    return !string_in(head ? head + 1 : name, opening);
}

static void stance_sentence(stance_ctx *c, item *items, size_t count)
{
    document *doc = c->doc;
    int question = is_question(c);
    /* a cue inside a longer cue is part of it, one inside a _NOT_CUE phrase
     * is no cue ("would back down"), nor a condition ("if you ask me")
     * (items are by start, longest first) */
    uint32_t cue_end = 0;
    item *kept = NULL;
    int in_comment = element_at(doc, c->sentence->start, LE_COMMENT) != NULL;
    for (size_t k = 0; k < count; k++) {
        int cue_kind = items[k].kind;
        if (cue_kind >= K_CUE_COUNT && cue_kind != K_NEGATION && cue_kind != K_NOT_CUE && cue_kind != K_CONDITION)
            continue;
        if (items[k].end <= cue_end) {
            items[k].dropped = 1;
            /* two cues on the same words ("refuse to lower"): a reader's
             * (against whoever refuses) in a comment, else the article's
             * (for the measure kept) */
            if (kept && cue_kind < K_CUE_COUNT && kept->kind < K_CUE_COUNT && items[k].start == kept->start &&
                items[k].end == kept->end &&
                cue_kinds[cue_kind].comments_only == in_comment && cue_kinds[kept->kind].comments_only != in_comment) {
                kept->dropped = 1;
                items[k].dropped = 0;
                kept = &items[k];
            }
        } else if (cue_kind < K_CUE_COUNT || cue_kind == K_NOT_CUE) {
            cue_end = items[k].end;
            kept = &items[k];
        }
    }
    uint32_t contrast = 0;
    int conditional = 0;
    for (size_t k = 0; k < count; k++) {
        conditional |= items[k].kind == K_CONDITION && !items[k].dropped;
        if (items[k].kind == K_CONTRAST && items[k].start > contrast)
            contrast = items[k].start;
    }
    number_clauses(c, items, count);
    size_t first_stance = doc->stance_count;
    for (size_t k = 0; k < count; k++) {
        item *cue = &items[k];
        if (cue->kind >= K_CUE_COUNT || cue->dropped)
            continue;
        /* a question states no stance, unless its answer is plain: "Who
         * benefits when ...?" (nobody), "Without the duty, who will build
         * a plant?" (nobody: for the duty); a condition in it is part of
         * what it asks ("Who is better off if ...?") */
        int rhetorical = cue->kind == K_RHETORICAL || cue->kind == K_FAVOR_CONTEXT;
        /* a reader's accusation asked as a question is asked for effect:
         * "Canada charges nothing for logs and then acts surprised?" */
        if (question && !rhetorical && !cue_kinds[cue->kind].comments_only)
            continue;
        /* a reader's accusation is also a quoted speaker's: "The government
         * has betrayed us," said Ramesh Thakur */
        const struct_span *comment = element_at(doc, cue->start, LE_COMMENT);
        if (cue_kinds[cue->kind].comments_only && !comment && !quote_at(doc, cue->start))
            continue;
        /* the headline repeated over the comments, cut short: its stances
         * are the headline's, whose holder it may have lost */
        if (element_at(doc, cue->start, LE_TOPIC))
            continue;
        if ((cue->kind == K_FAVOR_STATE || cue->kind == K_AGAINST_STATE) &&
            ((attributive(c, cue) && !calls_before(c, items, k)) || object_of_making(c, cue)))
            continue;
        if (conditional && !rhetorical && in_condition(c, items, count, cue))
            continue;
        if (evaluation_of_act(c, items, k))
            continue;
        /* "a review of South Africa's benefits": an effect verb after a
         * possessive is a noun */
        if (cue->kind == K_FAVOR_EFFECT && cue->first == cue->last && cue->first > c->sentence->first_token &&
            (tok(c, cue->first - 1)->kind == TOK_CLITIC ||
             token_in(c, cue->first - 1, (const char *const[]){"its", "their", "our", "his", "her", "my", "your", NULL})))
            continue;
        /* "blasted in two aces", "backed by Iraqi tanks": a particle or a
         * passive's "by" right after an act: no object of the act */
        if ((cue->kind == K_FAVOR || cue->kind == K_AGAINST) && cue->last + 1 < c->sentence->first_token + c->sentence->token_count &&
            token_in(c, cue->last + 1, (const char *const[]){"in", "into", "through", "past", "off", "out", "down", "home",
                                                              "away", "by", NULL}))
            continue;
        /* "Cardinal Joseph Bernardin, accused of ...": the accused is no holder */
        if (cue->kind == K_AGAINST && cue->first == cue->last &&
            token_in(c, cue->first, (const char *const[]){"accused", NULL}) &&
            cue->last + 1 < c->sentence->first_token + c->sentence->token_count &&
            token_in(c, cue->last + 1, (const char *const[]){"of", NULL}))
            continue;
        if (for_a_time(c, cue))
            continue;
        uint32_t cue_clause = clause_of(c, cue->first);
        stance_span st = {.start = cue->start, .end = cue->end, .cue_start = cue->start, .cue_end = cue->end,
                          .holder = NO_STRING, .holder_ref = NO_STRING, .target = NO_STRING,
                          .target_ref = NO_STRING, .cue_type = doc->spans[cue->span].type, .cue_rule = -1,
                          .polarity = cue_kinds[cue->kind].polarity};
        const item *hedge = NULL;
        for (size_t i = 0; i < k; i++) {
            const item *m = &items[i];
            if (m->dropped || m->end > cue->start || clause_of(c, m->last) != cue_clause)
                continue;
            if (m->kind == K_HEDGE && m->last + NEGATION_WINDOW >= cue->first) {
                hedge = m;
                st.negated = 0; /* "may not accept": the hedge is the point */
            } else if (m->kind == K_NEGATION && m->last + NEGATION_WINDOW >= cue->first) {
                st.negated = 1;
                if (m->start < st.start)
                    st.start = m->start;
            } else if (m->kind == K_INTENSIFIER && m->last + INTENSIFIER_WINDOW >= cue->first) {
                st.intensified = 1;
                if (m->start < st.start)
                    st.start = m->start;
            }
        }
        /* "Thailand may accept a freeze": a possibility, not a position; a
         * negation after the hedge makes it firm ("could not accept") */
        if (hedge && !st.negated)
            continue;
        /* "Nobody in Rosario defends export taxes, but ...": a stance no one
         * holds is nobody's */
        if (nobody_acts(c, cue))
            continue;
        /* "rejected the idea that the truce was one-sided": the evaluation
         * is denied, by the subject of the denial */
        const item *denier = NULL;
        uint32_t denial = cue_kinds[cue->kind].subject ? denied_claim_verb(c, cue) : UINT32_MAX;
        if (denial != UINT32_MAX) {
            for (size_t i = 0; i < k; i++)
                if (is_holder(&items[i]) && items[i].start >= c->sentence->start && items[i].last < denial)
                    denier = &items[i];
            if (!denier)
                continue;
            st.negated = !st.negated;
        }
        if (st.negated)
            st.polarity = st.polarity == STANCE_FAVOR ? STANCE_AGAINST : STANCE_FAVOR;
        who holder = denier ? entity_who(c, denier, "denial") : find_holder(c, items, count, k, comment);
        /* "Farmers protested": a group no entity names holds no stance of
         * the document's (the gold's holders are entities); it stays a
         * subject, so no other holder is taken for it */
        if (holder.from && !strcmp(holder.from, "group"))
            continue;
        /* the article's own voice asks questions it leaves open, and
         * reports harms and effects without taking sides */
        if (holder.name == NO_STRING || (cue_kinds[cue->kind].reported && !strcmp(holder.from, "author")))
            continue;
        int eases;
        c->favoring = st.polarity == STANCE_FAVOR;
        c->defending = c->favoring && !st.negated && token_in(c, cue->first, (const char *const[]){
                                                          "defend", "defends", "defended", "defending", NULL});
        c->holder = holder.name;
        c->unowned_hit = NO_STRING;
        who target = headline_owned(c, find_target(c, items, count, k, &holder, &eases), holder.name, comment);
        if (target.name == NO_STRING || !strcmp(doc_string(doc, target.name), doc_string(doc, holder.name)))
            continue;
        if (eases)
            st.polarity = st.polarity == STANCE_FAVOR ? STANCE_AGAINST : STANCE_FAVOR;
        if (acts_on_own_measure(c, cue, holder, target))
            continue;
        if (favors_protection(c, cue, target))
            st.polarity = STANCE_FAVOR;
        st.holder = holder.name;
        st.holder_ref = holder.ref;
        st.target = target.name;
        st.target_ref = target.ref;
        st.holder_from = holder.from;
        st.target_from = target.from;
        st.cue_rule = doc->spans[cue->span].rule;
        ARRAY_PUSH(doc->stances, doc->stance_count, doc->stance_cap, st);
        /* "Japan and South Korea criticised the tariffs": the subject's
         * partner holds the stance too */
        const item *partner = !strcmp(holder.from, "subject") ? coordinated_holder(c, items, k, holder.name) : NULL;
        if (partner) {
            who second = entity_who(c, partner, "subject");
            if (second.name != holder.name && strcmp(doc_string(doc, target.name), doc_string(doc, second.name))) {
                st.holder = second.name;
                st.holder_ref = second.ref;
                st.holder_from = second.from;
                ARRAY_PUSH(doc->stances, doc->stance_count, doc->stance_cap, st);
            }
        }
    }
    if (contrast)
        apply_contrast(doc, first_stance, contrast);
}

/* ---- writing and summary -------------------------------------------------------- */

typedef struct {
    uint32_t start;
    size_t index;         /* in doc->stances */
} stance_ref;

static int stance_by_start(const void *a, const void *b)
{
    uint32_t x = ((const stance_ref *)a)->start, y = ((const stance_ref *)b)->start;
    return (x > y) - (x < y);
}

DEFINE_SORT(sort_stances_by_start, stance_ref, stance_by_start)

/* Which stances a visible entity reaches into without lying inside them:
 * those with an end strictly inside the entity. Stances are few and
 * entities many: an entity with no end of a stance inside it is passed by
 * a bit test, the others find the stances they overlap by bisection over
 * the stances by start, so the entities need no sorting. Returns a flag
 * per stance (free it). */
static uint8_t *crossed_stances(const document *doc)
{
    size_t n = doc->stance_count;
    stance_ref *by_start = xmalloc(n * sizeof *by_start);
    uint32_t longest = 0, first_start = UINT32_MAX, last_end = 0;
    for (size_t k = 0; k < n; k++) {
        const stance_span *st = &doc->stances[k];
        by_start[k] = (stance_ref){st->start, k};
        if (st->end - st->start > longest)
            longest = st->end - st->start;
        first_start = st->start < first_start ? st->start : first_start;
        last_end = st->end > last_end ? st->end : last_end;
    }
    sort_stances_by_start(by_start, n);
    uint64_t *ends = xcalloc(bitset_words(doc->len + 1), sizeof *ends);
    for (size_t k = 0; k < n; k++) {
        bitset_mark(ends, doc->stances[k].start);
        bitset_mark(ends, doc->stances[k].end);
    }
    uint8_t *crossed = xcalloc(n, 1);
    for (size_t i = 0; i < doc->span_count; i++) {
        const span *s = &doc->spans[i];
        if (s->flags & (SPAN_REMOVED | SPAN_HIDDEN) || s->end <= first_start || s->start >= last_end ||
            !bitset_any(ends, s->start + 1, s->end))
            continue; /* crosses no stance */
        /* a stance it overlaps starts after s->start - longest */
        uint32_t from = s->start > longest ? s->start - longest : 0;
        size_t lo = COUNT_BEFORE(by_start, n, start, from);
        for (size_t e = lo; e < n && by_start[e].start < s->end; e++) {
            const stance_span *st = &doc->stances[by_start[e].index];
            if (st->end > s->start && (s->start < st->start || s->end > st->end))
                crossed[by_start[e].index] = 1;
        }
    }
    free(ends);
    free(by_start);
    return crossed;
}

static void check_nesting(document *doc)
{
    if (!doc->stance_count)
        return;
    uint8_t *crossed = crossed_stances(doc);
    uint32_t written_end = 0;
    for (size_t k = 0; k < doc->stance_count; k++) {
        stance_span *st = &doc->stances[k];
        int ok = st->start >= written_end && !crossed[k]; /* entities only inside it */
        for (const quote_span *q = quote_at(doc, st->start); ok && q && q < doc->quotes + doc->quote_count &&
                                                             q->start < st->end;
             q++)
            if (q->nests && q->end > st->start)
                ok = q->start <= st->start && st->end <= q->end;
        const quote_span *q = quote_at(doc, st->end - 1);
        if (ok && q && q->nests && q->start > st->start)
            ok = 0;
        st->nests = (uint8_t)ok;
        if (ok)
            written_end = st->end;
    }
    free(crossed);
}

/* The paragraph holding offset at: its index, or SIZE_MAX for none. */
static size_t paragraph_at(const document *doc, uint32_t at)
{
    size_t n = COUNT_UP_TO(doc->paragraphs.items, doc->paragraphs.count, start, at);
    return n && at < doc->paragraphs.items[n - 1].end ? n - 1 : SIZE_MAX;
}

/* Whether the organisation entity named holder (its ref) is an ORG. */
static int holder_is_org(const stance_ctx *c, uint32_t holder_ref)
{
    for (size_t i = 0; holder_ref != NO_STRING && i < c->item_count; i++)
        if (c->items[i].kind == K_ORG && c->doc->spans[c->items[i].span].ref == holder_ref)
            return 1;
    return 0;
}

/* "X welcomed the decision. "We have waited years for this," said its
 * chief executive, NAME": a quotation whose speaker comes after it as the
 * organisation's officer ("its" TITLE, NAME), and states no stance of its
 * own, shares the stance the organisation took last in its paragraph,
 * before it. The shared stance has the organisation's evidence, so it is
 * summarised but not written. */
static void officers_share(stance_ctx *c)
{
    document *doc = c->doc;
    size_t found = doc->stance_count;
    for (size_t q = 0; q < doc->quote_count; q++) {
        const quote_span *quote = &doc->quotes[q];
        if (quote->source != QUOTE_AFTER || quote->speaker_span < 0 || quote->speaker == NO_STRING)
            continue;
        const span *speaker = &doc->spans[quote->speaker_span];
        uint32_t first = speaker->first_token;
        if (speaker->start < quote->end || first < 2 || !token_in(c, first - 1, (const char *const[]){",", NULL}))
            continue;
        int its = 0;
        for (uint32_t t = first - 1; t-- > 0 && tok(c, t)->start >= quote->end && !its;)
            its = token_in(c, t, (const char *const[]){"its", NULL});
        size_t paragraph = paragraph_at(doc, quote->start);
        const stance_span *taken = NULL;
        for (size_t k = 0; its && k < found; k++) {
            const stance_span *st = &doc->stances[k];
            if (st->holder == quote->speaker && st->start >= quote->start && st->start < speaker->end)
                taken = NULL, its = 0; /* the quotation states its own */
            else if (st->start < quote->start && paragraph_at(doc, st->start) == paragraph &&
                     holder_is_org(c, st->holder_ref))
                taken = st;
        }
        if (!its || !taken)
            continue;
        stance_span shared = *taken;
        shared.holder = quote->speaker;
        shared.holder_ref = quote->speaker_ref;
        shared.holder_from = "officer";
        ARRAY_PUSH(doc->stances, doc->stance_count, doc->stance_cap, shared);
        taken = NULL; /* the array may have moved */
    }
}

typedef struct {
    const char *holder, *target;
    size_t first;         /* its stance */
} pair;

typedef struct {
    size_t first;         /* the group's first stance */
    uint32_t cues;
    long balance;         /* favor minus against */
    long plain_balance;   /* the same over the cues no negator flipped */
} group;

static int by_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    int r = strcmp(x->holder, y->holder);
    if (!r)
        r = strcmp(x->target, y->target);
    return r ? r : (x->first > y->first) - (x->first < y->first);
}

static int by_first(const void *a, const void *b)
{
    const group *x = a, *y = b;
    return (x->first > y->first) - (x->first < y->first);
}

static void summarize(document *doc)
{
    size_t n = doc->stance_count;
    if (!n)
        return;
    pair *pairs = xmalloc(n * sizeof *pairs);
    for (size_t k = 0; k < n; k++)
        pairs[k] = (pair){doc_string(doc, doc->stances[k].holder), doc_string(doc, doc->stances[k].target), k};
    qsort(pairs, n, sizeof *pairs, by_pair);
    group *groups = xmalloc(n * sizeof *groups);
    size_t group_count = 0;
    for (size_t k = 0; k < n; k++) {
        if (!k || strcmp(pairs[k].holder, pairs[k - 1].holder) || strcmp(pairs[k].target, pairs[k - 1].target))
            groups[group_count++] = (group){pairs[k].first, 0, 0, 0};
        group *g = &groups[group_count - 1];
        const stance_span *st = &doc->stances[pairs[k].first];
        int sign = st->polarity == STANCE_FAVOR ? 1 : st->polarity == STANCE_AGAINST ? -1 : 0;
        g->cues++;
        g->balance += sign;
        if (!st->negated)
            g->plain_balance += sign;
    }
    qsort(groups, group_count, sizeof *groups, by_first);
    for (size_t g = 0; g < group_count; g++) {
        const stance_span *first = &doc->stances[groups[g].first];
        /* a tie goes to the cues said outright ("called the duties
         * disproportionate" over "without discrimination"), then to the
         * first cue */
        long b = groups[g].balance ? groups[g].balance : groups[g].plain_balance;
        if (!b)
            b = first->polarity == STANCE_FAVOR ? 1 : first->polarity == STANCE_AGAINST ? -1 : 0;
        stance_summary sum = {first->holder, first->target,
                              b > 0 ? STANCE_FAVOR : b < 0 ? STANCE_AGAINST : STANCE_NEUTRAL, groups[g].cues};
        ARRAY_PUSH(doc->stance_summaries, doc->stance_summary_count, doc->stance_summary_cap, sum);
    }
    free(groups);
    free(pairs);
}

typedef struct {
    const char *name;
    const owned *mention; /* in c->owned or c->possessed */
} named_owner;

static int by_name(const void *a, const void *b)
{
    const named_owner *x = a, *y = b;
    int r = strcmp(x->name, y->name);
    return r ? r : (x->mention->at > y->mention->at) - (x->mention->at < y->mention->at);
}

/* The tariff mention whose owner, the GPE or bloc items[i] (can_own), is
 * named right before it ("U.S. tariffs", "U.S. car tariff", "Japan's
 * tariff", "EU carbon levy"; not "China faces duties"), if any, into
 * c->owned (of *cap places). */
static void note_owned(stance_ctx *c, size_t i, size_t *cap)
{
    const item *g = &c->items[i];
    /* "a 30% U.S. tariff": inside the measure, before its levy word */
    for (size_t k = i; k-- > 0 && c->items[k].end >= g->end;)
        if (is_tariff(c->items[k].kind) && c->items[k].first < g->first && g->first > 0 &&
            !token_in(c, g->first - 1, origin_prepositions)) {
            owned o = owned_by(c, &c->items[k], g);
            ARRAY_PUSH(c->owned, c->owned_count, *cap, o);
            return;
        }
    /* the GPE, then maybe goods ("U.S. car tariff"), then the tariff */
    uint32_t reach = g->last + 2;
    for (size_t k = i + 1; k < c->item_count && c->items[k].first <= reach; k++) {
        const item *next = &c->items[k];
        if (next->start < g->end || next->kind == K_IMPOSING)
            continue; /* inside the GPE; "Brussels raises car duties" */
        if (next->kind == K_GOODS) {
            reach = next->last + 2;
            continue;
        }
        if (is_tariff(next->kind) && !falls_on(c, g, next)) {
            owned o = owned_by(c, next, g);
            ARRAY_PUSH(c->owned, c->owned_count, *cap, o);
        }
        break;
    }
}

/* The tariff mention items[i] when a GPE owns it through "its" or "their"
 * ("Chile will keep its 8% export duty"), into c->possessed (of *cap
 * places); or, when the country opening its sentence is the subject of the
 * verb imposing it ("Washington imposed a 25% tariff on Mexican steel",
 * "The EU on Monday raised duties"), into c->owned (of *owned_cap places),
 * as context for the next "the tariff". */
/* "ordered Peru to lift a 15% surcharge", "urged Japan to scrap the
 * tariff": the country asked to end a tariff mention right after it owns
 * that tariff. NULL otherwise. */
static const item *asked_to_end(stance_ctx *c, const item *mention)
{
    static const char *const ending[] = {"lift", "scrap", "drop", "remove", "end", "cut", "lower", "reduce",
                                         "withdraw", "rescind", "repeal", "suspend", "abolish", NULL};
    uint32_t t = mention->first;
    if (t > 0 && token_in(c, t - 1, (const char *const[]){"a", "the", NULL}))
        t--;
    if (t < 3 || !token_in(c, t - 1, ending) || !token_in(c, t - 2, (const char *const[]){"to", NULL}))
        return NULL;
    const item *before = mention;
    while (before > c->items && before[-1].last >= t - 2)
        before--;
    before = before > c->items ? before - 1 : NULL;
    return before && before->last == t - 3 && can_own(c, before) ? before : NULL;
}

/* "a 5% fee that the Dominican Republic began charging", "the duties
 * which Washington imposed": the country of a relative clause right after
 * the mention whose verb imposes it. NULL otherwise. */
static const item *relative_imposer(stance_ctx *c, const item *mention)
{
    uint32_t t = mention->last + 1;
    if (t >= c->doc->tokens.count || !token_in(c, t, (const char *const[]){"that", "which", NULL}))
        return NULL;
    const item *end = c->items + c->item_count, *owner = mention + 1;
    while (owner < end && owner->start < mention->end)
        owner++;
    if (owner == end || !can_own(c, owner) ||
        !(owner->first == t + 1 ||
          (owner->first == t + 2 && token_in(c, t + 1, (const char *const[]){"the", NULL}))))
        return NULL;
    for (const item *verb = owner + 1; verb < end && verb->first <= owner->last + SUBJECT_REACH; verb++)
        if (verb->kind == K_IMPOSING)
            return owner;
    return NULL;
}

static void note_possessed(stance_ctx *c, size_t i, size_t *cap, size_t *owned_cap)
{
    const item *mention = &c->items[i];
    const document *doc = c->doc;
    size_t n = COUNT_UP_TO(doc->sentences.items, doc->sentences.count, start, mention->start);
    if (!n)
        return;
    const segment *sentence = &doc->sentences.items[n - 1];
    const item *first = mention;
    while (first > c->items && first[-1].start >= sentence->start)
        first--;
    const item *owner = possessive_owner(c, first, mention, sentence->first_token);
    if (!owner)
        owner = asked_to_end(c, mention);
    if (owner) {
        owned o = owned_by(c, mention, owner);
        ARRAY_PUSH(c->possessed, c->possessed_count, *cap, o);
        return;
    }
    owner = relative_imposer(c, mention);
    if (owner) {
        owned o = owned_by(c, mention, owner);
        ARRAY_PUSH(c->owned, c->owned_count, *owned_cap, o);
        return;
    }
    owner = imposer(c, mention);
    const item *verb = owner ? owner + 1 : NULL;
    while (verb && verb < mention && verb->kind != K_IMPOSING)
        verb++;
    /* the subject ends after the country's institution ("The U.S. Senate"),
     * and a verb of deciding may come before the imposing one ("voted late
     * Tuesday to extend") */
    uint32_t subject_end = owner ? owner->last : 0;
    if (owner && owner + 1 < mention && owner[1].kind == K_ORG && owner[1].first == owner->last + 1)
        subject_end = owner[1].last;
    /* "U.S. President Douglas Harlan threatened to impose": the country's
     * office holder named with its title */
    else if (owner && owner + 1 < mention && owner[1].kind == K_PERSON && owner[1].first > owner->last + 1 &&
             owner[1].first <= owner->last + 3 && (tok(c, owner->last + 1)->flags & TOKF_CAPITALIZED))
        subject_end = owner[1].last;
    int decided = verb && verb < mention && verb->first > 0 &&
                  token_in(c, verb->first - 1, (const char *const[]){"to", NULL}) &&
                  verb->first <= subject_end + SUBJECT_REACH + 3;
    /* "EU halves Swiss quota and adds 40% duty": a second verb of the subject */
    int coordinated = verb && verb < mention && verb->first > 0 &&
                      token_in(c, verb->first - 1, (const char *const[]){"and", NULL}) &&
                      verb->first <= subject_end + SUBJECT_REACH + COORDINATED_REACH;
    if (owner && verb < mention && (verb->first <= subject_end + SUBJECT_REACH || decided || coordinated) &&
        !(c->owned_count && c->owned[c->owned_count - 1].at == mention->start)) {
        owned o = owned_by(c, mention, owner);
        ARRAY_PUSH(c->owned, c->owned_count, *owned_cap, o);
    }
}

/* The owner named most often, right before its tariffs (c->owned) or
 * through "its" (c->possessed), in the article and the reader comment here
 * (NULL: the article alone): whose tariffs the text is about. Other
 * comments do not count: a reader on another country's tariffs does not
 * change what the article is about. */
static const item *most_named(stance_ctx *c, const struct_span *here)
{
    if (c->most_named_known && c->most_named_in == here)
        return c->most_named_owner;
    const owned *const lists[] = {c->owned, c->possessed};
    const size_t counts[] = {c->owned_count, c->possessed_count};
    named_owner *names = xmalloc((counts[0] + counts[1] + 1) * sizeof *names);
    size_t count = 0;
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < counts[l]; i++)
            if (!lists[l][i].comment || lists[l][i].comment == here)
                names[count++] = (named_owner){doc_string(c->doc, lists[l][i].owner->name), &lists[l][i]};
    qsort(names, count, sizeof *names, by_name);
    const owned *best = NULL;
    size_t best_count = 0;
    for (size_t run = 0, end; run < count; run = end) {
        for (end = run + 1; end < count && !strcmp(names[end].name, names[run].name);)
            end++;
        /* the most often named; of equals, the one named first */
        if (end - run > best_count || (end - run == best_count && names[run].mention->at < best->at)) {
            best_count = end - run;
            best = names[run].mention;
        }
    }
    free(names);
    c->most_named_owner = best ? best->owner : NULL;
    c->most_named_in = here;
    c->most_named_known = 1;
    return c->most_named_owner;
}

/* Names the group items[i]: its words in lower case ("Automakers" opening
 * a sentence is "automakers"), after the GPE or NORP right before it, which
 * becomes part of it ("U.S. farmers", "Japanese automakers"), unless the
 * group is a government noun: "Chinese officials" speak for China. */
static void name_group(stance_ctx *c, size_t i)
{
    char buf[256];
    item *g = &c->items[i];
    item *owner = NULL;
    for (size_t j = i; j-- > 0 && c->items[j].last + 1 >= g->first;)
        if ((c->items[j].kind == K_GPE || c->items[j].kind == K_NORP) && c->items[j].last + 1 == g->first)
            owner = &c->items[j];
    if (owner && token_in(c, g->first, government_nouns))
        owner = NULL;
    uint32_t from = owner ? owner->start : g->start;
    size_t n = g->end - from < sizeof buf ? g->end - from : sizeof buf;
    memcpy(buf, c->doc->text.clean + from, n);
    /* tolower in the C locale the tool runs in: ASCII letters only */
    for (size_t k = g->start - from; k < n; k++)
        if (buf[k] >= 'A' && buf[k] <= 'Z')
            buf[k] |= 0x20;
    g->name = doc_intern(c->doc, buf, n);
    if (owner)
        owner->modifier = 1;
}

/* An acronym in brackets right after a name is that name again ("The
 * Federation of German Car Suppliers (BDFZ) ... said"): not a holder of
 * its own. */
static void note_bracketed_acronym(stance_ctx *c, size_t i)
{
    item *a = &c->items[i];
    if (a->first < 2 || c->doc->text.clean[tok(c, a->first - 1)->start] != '(')
        return;
    /* the name, past what nests in it ("Mexican Steel Producers Chamber"
     * holds a nationality and goods) */
    for (size_t k = i; k-- > 0 && i - k <= 4;)
        if (is_holder(&c->items[k]) && c->items[k].last + 2 == a->first) {
            a->modifier = 1;
            return;
        }
}

/* A name a hyphen joins to a suffix ("a Washington-based lobby", "Dubai"
 * and "Dubai-based" both) says what something is, and holds no stance; a
 * name before an honorific ("Akazawa-san") is the person still. */
static void note_compound(stance_ctx *c, size_t i)
{
    item *it = &c->items[i];
    const token_list *tokens = &c->doc->tokens;
    if ((tokens->items[it->last].flags & TOKF_JOINED) ||
        (it->last + 2 < tokens->count && (tokens->items[it->last + 2].flags & TOKF_JOINED) &&
         tokens->items[it->last + 1].start == tokens->items[it->last].end &&
         !token_in(c, it->last + 2, (const char *const[]){"san", "sama", "sensei", NULL})))
        it->modifier = 1;
}

/* A named agreement ("the EU-UK Trade and Cooperation Agreement, which
 * rules out customs duties") is what parties sign, and holds no stance. */
static void note_agreement(stance_ctx *c, size_t i)
{
    static const char *const agreement_words[] = {"agreement", "treaty", "accord", "pact", "protocol", "convention",
                                                  NULL};
    item *org = &c->items[i];
    if (token_is_one_of(c->doc->text.clean, tok(c, org->last), agreement_words))
        org->modifier = org->agreement = 1;
}

/* A nationality right before goods only says where they come from
 * ("a 9.6% duty on Indonesian stainless steel"): it holds no stance. */
static void note_qualifying(stance_ctx *c, size_t i)
{
    item *n = &c->items[i];
    for (size_t k = i + 1; k < c->item_count && c->items[k].first <= n->last + 1; k++)
        if (c->items[k].kind == K_GOODS && c->items[k].first == n->last + 1)
            n->modifier = 1;
}

/* The PERSON items[i], if up to TITLE_WORDS words right before it may give
 * a title ("Minister Hiroshi Tanabe", "chief trade negotiator Yoon
 * Seo-jin"), into c->titled (of *cap places). */
static void note_titled(stance_ctx *c, size_t i, size_t *cap)
{
    size_t t = c->items[i].first;
    while (t > 0 && c->items[i].first - t < TITLE_WORDS &&
           (tok(c, t - 1)->kind == TOK_WORD || tok(c, t - 1)->kind == TOK_ABBREV))
        t--;
    if (t < c->items[i].first) {
        titled_person tp = {i, tok(c, t)->start};
        ARRAY_PUSH(c->titled, c->titled_count, *cap, tp);
    }
}

static void fill_word_sets(void)
{
    word_set_fill(&phrase_skip_set, phrase_skip);
    word_set_fill(&phrase_stop_set, phrase_stop);
    word_set_fill(&title_noun_set, quote_title_nouns);
    word_set_fill(&government_noun_set, government_nouns);
    word_set_fill(&org_head_set, org_heads);
}

/* "called the decision "a steak for every vote"": the words of a quotation
 * opening within a few words of a verb of calling characterise what the
 * verb names, and such a quotation judges it against far more often than
 * for it (in 296 of the gold stances on one, 243 against and 53 for). One
 * that holds a cue, that opens with a negation, a hedge, a condition or a
 * contrast ("never", "perhaps", "if anything"), that follows a cue after
 * the verb, or whose words another item covers ("tariffs"), is read by
 * those instead: reads_quotation says whether other does so. Dropping
 * the verdict where another item has its very span keeps the items in
 * their order when the kept ones become criticism of what came before;
 * the others leave the items. */
static int reads_quotation(const item *other, const item *verdict)
{
    int k = other->kind;
    return k < K_CUE_COUNT || (other->start == verdict->start && (k == K_NEGATION || k == K_HEDGE || k == K_NOT_CUE ||
                                                                 k == K_CONDITION || k == K_CONTRAST)) ||
           (other->start == verdict->start && other->end == verdict->end);
}

static void judge_quoted_verdicts(stance_ctx *c)
{
    size_t kept = 0;
    const item *verb = NULL; /* among the kept items, which an item moved down never overwrites */
    for (size_t i = 0; i < c->item_count; i++) {
        item it = c->items[i];
        if (it.kind != K_QUOTED_VERDICT) {
            c->items[kept++] = it;
            if (it.kind == K_CALLING)
                verb = &c->items[kept - 1];
            continue;
        }
        uint32_t open_mark = it.first ? tok(c, it.first - 1)->start : 0;
        const quote_span *q = it.first ? quote_at(c->doc, open_mark) : NULL;
        int judged = q && q->start == open_mark && it.end < q->end && verb && verb->last + 2 < it.first &&
                     it.first <= verb->last + 1 + QUOTED_VERDICT_REACH &&
                     sentence_index_at(c->doc, verb->start) == sentence_index_at(c->doc, it.start);
        for (size_t j = i + 1; judged && j < c->item_count && c->items[j].start < it.end; j++)
            judged = !reads_quotation(&c->items[j], &it);
        for (const item *j = verb + 1; judged && j < c->items + kept; j++)
            judged = !reads_quotation(j, &it);
        if (judged) {
            it.kind = K_AGAINST_STATE;
            c->items[kept++] = it;
        }
    }
    c->item_count = kept;
}

void stance_document(const ann_rules *rules, document *doc)
{
    doc->stance_count = 0;
    doc->stance_summary_count = 0;
    pthread_once(&word_sets_filled, fill_word_sets);
    stance_ctx c = {.doc = doc, .headline_eases = -1, .legal_form_type = rules->named_type_id[NAMED_LEGAL_FORM],
                    .verdict_type = rules->named_type_id[NAMED_QUOTED_VERDICT]};
    memset(c.kind_of, 0xFF, sizeof c.kind_of); /* -1: no kind */
    int any_cue = 0;
    for (int k = 0; k < K_COUNT; k++) {
        int id = rules->named_type_id[kind_types[k]];
        if (id >= 0) {
            c.kind_of[id] = (int16_t)k;
            any_cue |= k < K_CUE_COUNT;
        }
    }
    if (!any_cue)
        return;
    size_t cues = 0;
    c.items = xmalloc((doc->span_count + 1) * sizeof *c.items);
    for (size_t i = 0; i < doc->span_count; i++) {
        const span *s = &doc->spans[i];
        int k = c.kind_of[s->type];
        if (k < 0 || (s->flags & SPAN_REMOVED) || (is_entity(k) && (s->flags & SPAN_HIDDEN)))
            continue;
        /* "a subsidy in all but name", "anything but fair": no contrast */
        if (k == K_CONTRAST && s->first_token > 0 &&
            token_in(&c, s->first_token - 1, (const char *const[]){"all", "anything", "nothing", NULL}))
            continue;
        uint32_t name = NO_STRING;
        if (is_entity(k))
            name = s->norm != NO_STRING ? s->norm : doc_intern(doc, doc->text.clean + s->start, s->end - s->start);
        item it = {s->start, s->end, s->first_token, 0, i, name, (uint8_t)k, 0, 0, 0};
        c.items[c.item_count++] = it;
        cues += k < K_CUE_COUNT || k == K_QUOTED_VERDICT;
    }
    if (!cues) {
        free(c.items);
        return;
    }
    order_items(c.items, c.item_count);
    /* "the National Federation of Hog Farmers": a group word inside a
     * name is the name's, no group of its own */
    size_t kept = 0;
    for (size_t i = 0; i < c.item_count; i++) {
        int inside = 0;
        for (size_t j = kept; c.items[i].kind == K_GROUP && j-- > 0 && !inside && kept - j <= GROUP_NAME_LOOKBACK;)
            inside = (c.items[j].kind == K_ORG || c.items[j].kind == K_PERSON) && c.items[j].start <= c.items[i].start &&
                     c.items[j].end >= c.items[i].end;
        if (!inside)
            c.items[kept++] = c.items[i];
    }
    c.item_count = kept;
    for (size_t i = 0; i < c.item_count; i++) { /* spans are a few tokens long */
        item *it = &c.items[i];
        for (it->last = it->first; it->last + 1 < doc->tokens.count && doc->tokens.items[it->last + 1].start < it->end;)
            it->last++;
    }
    judge_quoted_verdicts(&c);
    /* one pass over the items for what GPEs, people and groups note; none
     * reads what another notes */
    size_t owned_cap = 0, possessed_cap = 0, titled_cap = 0;
    for (size_t i = 0; i < c.item_count; i++) {
        note_compound(&c, i);
        switch (c.items[i].kind) {
        case K_GPE:
        case K_ORG: /* "EU carbon levy" */
            if (c.items[i].kind == K_ORG) {
                note_bracketed_acronym(&c, i);
                note_agreement(&c, i);
            }
            if (can_own(&c, &c.items[i]))
                note_owned(&c, i, &owned_cap);
            break;
        case K_TARIFF:
        case K_TARIFF_WORD:
            note_possessed(&c, i, &possessed_cap, &owned_cap);
            break;
        case K_PERSON:
            note_titled(&c, i, &titled_cap);
            break;
        case K_GROUP:
            name_group(&c, i);
            break;
        case K_NORP:
            note_qualifying(&c, i);
            break;
        default:
            break;
        }
    }
    /* a sentence no cue numbered reads as no clause: an owner or a tariff
     * mention looked up there (a measure of the paragraph before) must not
     * read what a document before left in the memory */
    c.clause = xmalloc((doc->tokens.count + 1) * sizeof *c.clause);
    memset(c.clause, 0xFF, (doc->tokens.count + 1) * sizeof *c.clause);
    c.numbered = xcalloc(bitset_words(doc->sentences.count), sizeof *c.numbered);
    size_t at = 0;
    for (size_t s = 0; s < doc->sentences.count && at < c.item_count; s++) {
        const segment *sentence = &doc->sentences.items[s];
        while (at < c.item_count && c.items[at].start < sentence->start)
            at++;
        size_t end = at;
        int has_cue = 0;
        while (end < c.item_count && c.items[end].start < sentence->end) {
            has_cue |= c.items[end].kind < K_CUE_COUNT && c.items[end].end <= sentence->end;
            end++;
        }
        if (has_cue && sentence->token_count) {
            c.sentence = sentence;
            c.body_start = body_start(&c, sentence);
            c.previous_known = 0; /* its speaker is found when this sentence asks */
            stance_sentence(&c, c.items + at, end - at);
        }
        c.previous = sentence;
        c.previous_items = c.items + at;
        c.previous_count = end - at;
        at = end;
    }
    officers_share(&c);
    check_nesting(doc);
    summarize(doc);
    free(c.items);
    free(c.clause);
    free(c.numbered);
    free(c.owned);
    free(c.possessed);
    free(c.found);
    free(c.titled);
    free(c.countries);
    free(c.mentions);
    free(c.tallies);
    free(c.full_names);
    free(c.tariffs);
}
