/* xpath: checks on annotator XML shared by the unit tests: what an XPath
 * expression selects. Include after <cmocka.h> and libxml2's xpath.h. */
#ifndef TESTS_XPATH_H
#define TESTS_XPATH_H

#include <string.h>

#include <libxml/xpath.h>

static inline xmlXPathObjectPtr query(xmlDocPtr doc, const char *xpath)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    assert_non_null(ctx);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
    xmlXPathFreeContext(ctx);
    assert_non_null(obj);
    return obj;
}

/* How many nodes xpath selects. */
static inline int count(xmlDocPtr doc, const char *xpath)
{
    xmlXPathObjectPtr obj = query(doc, xpath);
    int n = obj->nodesetval ? obj->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(obj);
    return n;
}

/* The string value of the only node xpath selects is want. */
static inline void assert_only(xmlDocPtr doc, const char *xpath, const char *want)
{
    xmlXPathObjectPtr obj = query(doc, xpath);
    int n = obj->nodesetval ? obj->nodesetval->nodeNr : 0;
    if (n != 1)
        fail_msg("%s selects %d nodes, expected 1", xpath, n);
    xmlChar *got = xmlNodeGetContent(obj->nodesetval->nodeTab[0]);
    if (strcmp((const char *)got, want))
        fail_msg("%s is \"%s\", expected \"%s\"", xpath, (const char *)got, want);
    xmlFree(got);
    xmlXPathFreeObject(obj);
}

#endif
