/* link: a document made consistent with itself after the rules ran. Each
 * case uses a small rule set of its own, so what the link stage adds is
 * easy to tell from what the rules found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"
#include "layout.h"
#include "rules_fixture.h"

/* The visible span covering exactly the n-th occurrence (0-based) of word. */
static const span *span_at(const fixture *f, const char *word, int n)
{
    const char *p = f->doc.bytes;
    for (int k = 0; p && k <= n; k++)
        p = strstr(k ? p + 1 : p, word);
    assert_non_null(p);
    uint32_t start = (uint32_t)(p - f->doc.bytes), end = start + (uint32_t)strlen(word);
    for (size_t i = 0; i < f->doc.span_count; i++) {
        const span *s = &f->doc.spans[i];
        if (!(s->flags & (SPAN_REMOVED | SPAN_HIDDEN)) && s->start == start && s->end == end)
            return s;
    }
    return NULL;
}

static const char *type_of(const fixture *f, const span *s)
{
    return f->rules->type_names[s->type];
}

static void test_acronym_takes_the_name(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule org\n  type ORG\n  pattern Northern Growers Alliance\n",
             "The Northern Growers Alliance (NGA) met on Monday. Later the NGA spoke again.");
    const span *full = span_at(&f, "Northern Growers Alliance", 0);
    const span *first = span_at(&f, "NGA", 0), *later = span_at(&f, "NGA", 1);
    assert_non_null(full);
    assert_non_null(first);
    assert_non_null(later);
    assert_string_equal(type_of(&f, later), "ORG");
    assert_string_equal(doc_string(&f.doc, later->norm), "Northern Growers Alliance");
    assert_string_equal(doc_string(&f.doc, first->ref), doc_string(&f.doc, full->ref));
    assert_string_equal(doc_string(&f.doc, later->ref), doc_string(&f.doc, full->ref));
    release(&f);
}

static void test_acronym_must_match_the_initials(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule org\n  type ORG\n  pattern Northern Growers Alliance\n",
             "The Northern Growers Alliance (XY) met. Later XY spoke.");
    assert_null(span_at(&f, "XY", 0));
    assert_null(span_at(&f, "XY", 1));
    release(&f);
    /* three letters are an acronym in another language, unless another
     * name or a market's code */
    annotate(&f, "rule org\n  type ORG\n  pattern Antilles Rum Producers' Union|Acme Ltd\n"
                 "rule country\n  type GPE\n  pattern USA\n",
             "The Antilles Rum Producers' Union (SPRA) met. Later the SPRA spoke. Acme Ltd (USA) and Acme Ltd "
             "(NYSE) grew, and Acme Ltd (PDF) too. The USA, PDF and NYSE did not.");
    const span *later = span_at(&f, "SPRA", 1);
    assert_non_null(later);
    assert_string_equal(doc_string(&f.doc, later->norm), "Antilles Rum Producers' Union");
    assert_string_equal(type_of(&f, span_at(&f, "USA", 1)), "GPE");
    assert_null(span_at(&f, "NYSE", 1));
    assert_null(span_at(&f, "PDF", 1));
    release(&f);
    /* an acronym of the name in another language starts with one of its
     * initials */
    annotate(&f, "rule org\n  type ORG\n  pattern Algerian Employers' Union\n",
             "The Algerian Employers' Union (UPA) objected. Later UPA spoke.");
    const span *s = span_at(&f, "UPA", 1);
    assert_non_null(s);
    assert_string_equal(doc_string(&f.doc, s->norm), "Algerian Employers' Union");
    release(&f);
}

static void test_acronym_of_a_name_in_lower_case(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule org\n  type ORG\n  pattern Union des producteurs de lait du Québec\n",
             "The Union des producteurs de lait du Québec (UPLQ) met. Later the UPLQ spoke.");
    const span *full = span_at(&f, "Union des producteurs de lait du Québec", 0);
    const span *later = span_at(&f, "UPLQ", 1);
    assert_non_null(full);
    assert_non_null(later);
    assert_string_equal(doc_string(&f.doc, later->norm), "Union des producteurs de lait du Québec");
    assert_string_equal(doc_string(&f.doc, later->ref), doc_string(&f.doc, full->ref));
    release(&f);
}

static void test_one_word_name_keeps_its_type(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule team\n  type ORG\n  pattern Ashford(?=\\h\\d)\n",
             "Ashford 3 Brenton 1\n\nLater Ashford signed a striker.");
    const span *later = span_at(&f, "Ashford", 1);
    assert_non_null(later);
    assert_string_equal(type_of(&f, later), "ORG");
    assert_int_equal(later->rule, -1);
    release(&f);
}

static void test_two_types_leave_a_word_alone(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule person\n  type PERSON\n  pattern Jordan(?=\\hsaid)\n"
             "rule place\n  type GPE\n  pattern (?<=\\bin\\h)Jordan\n",
             "Jordan said so. They met in Jordan. Then Jordan left.");
    assert_string_equal(type_of(&f, span_at(&f, "Jordan", 0)), "PERSON");
    assert_string_equal(type_of(&f, span_at(&f, "Jordan", 1)), "GPE");
    assert_null(span_at(&f, "Jordan", 2));
    release(&f);
}

/* Capitalised words an acronym in parentheses spells are one organisation,
 * though no rule found them whole; what a rule found inside them gives way,
 * and the acronym takes the name. Words that do not spell it stay apart. */
static void test_acronym_spells_a_name(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule place\n  type GPE\n  pattern Kenya\nrule firm\n  type ORG\n  pattern Ruritania\\hMills\n",
             "The Kenya Hides, Skins and Leather Traders Association (KHSLTA) objected. KHSLTA wrote to Kenya. "
             "The Dairy Farmers of Ruritania (XYZ) did not. It joined the Generalised System of Preferences (GSP).");
    const span *name = span_at(&f, "Kenya Hides, Skins and Leather Traders Association", 0);
    assert_non_null(name);
    assert_string_equal(type_of(&f, name), "ORG");
    assert_null(span_at(&f, "Kenya", 0));
    assert_string_equal(type_of(&f, span_at(&f, "Kenya", 1)), "GPE");
    const span *later = span_at(&f, "KHSLTA", 1);
    assert_non_null(later);
    assert_string_equal(doc_string(&f.doc, later->norm), "Kenya Hides, Skins and Leather Traders Association");
    assert_int_equal(later->ref, name->ref);
    assert_null(span_at(&f, "Dairy Farmers of Ruritania", 0));
    assert_null(span_at(&f, "Generalised System of Preferences", 0));
    release(&f);
    /* Filipino "ng" joins a name as "of" does, and Dutch "van" */
    annotate(&f, "rule firm\n  type ORG\n  pattern Ruritania\\hMills\n",
             "The union, Nagkakaisang Manggagawa ng Dalisay (NMD), walked out, and the Vereniging van Rijstboeren "
             "Nickerie (VRN) too.");
    assert_non_null(span_at(&f, "Nagkakaisang Manggagawa ng Dalisay", 0));
    assert_non_null(span_at(&f, "Vereniging van Rijstboeren Nickerie", 0));
    release(&f);
    /* the words a line break separates spell no name */
    annotate(&f, "rule firm\n  type ORG\n  pattern Ruritania\\hMills\n",
             "The meeting was held by Alpha\n\nBeta Gamma (ABG) on Monday. ABG said no.");
    for (size_t i = 0; i < f.doc.span_count; i++)
        assert_false(f.doc.spans[i].start < 30 && f.doc.spans[i].end > 30 &&
                     !(f.doc.spans[i].flags & (SPAN_REMOVED | SPAN_HIDDEN)));
    release(&f);
}

/* Goods a rule found by their context name the same goods wherever the
 * document repeats them: the whole phrase, or its last word alone. */
static void test_goods_found_in_context_are_linked(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule levy-goods\n  type GOODS\n  pattern (?<=\\bon\\h)[a-z]+(?:\\h[a-z]+)?(?=\\h(?:exports|from))\n",
             "A ban on fonio exports. Fonio prices rose, and traders sold fonio. A duty on sunflower seed from "
             "May. Tonnes of seed and of sunflower seed left. Seeding began.");
    const span *capital = span_at(&f, "Fonio", 0), *sold = span_at(&f, "fonio", 1);
    assert_non_null(capital);
    assert_non_null(sold);
    assert_string_equal(type_of(&f, capital), "GOODS");
    assert_int_equal(capital->rule, -1);
    assert_string_equal(doc_string(&f.doc, sold->norm), "fonio");
    const span *alone = span_at(&f, "seed", 1), *phrase = span_at(&f, "sunflower seed", 1);
    assert_non_null(alone);
    assert_non_null(phrase);
    assert_string_equal(doc_string(&f.doc, alone->norm), "sunflower seed");
    assert_int_equal(phrase->rule, -1);
    assert_null(span_at(&f, "seed", 2)); /* the phrase holds it */
    assert_null(span_at(&f, "Seeding", 0));
    release(&f);
}

/* A list's goods of two words or more name the same goods by their last
 * word in the rest of the document; "products" names any goods. */
static void test_listed_goods_phrase_gives_its_last_word(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule goods\n  type GOODS\n  list rules/lists/goods.txt\n  case insensitive\n",
             "Imports of tomato paste and of dairy products rose. The paste ban stays, and the products wait.");
    const span *paste = span_at(&f, "paste", 1);
    assert_non_null(paste);
    assert_string_equal(type_of(&f, paste), "GOODS");
    assert_int_equal(paste->rule, -1);
    assert_null(span_at(&f, "products", 1));
    release(&f);
}

static void test_surname_takes_the_full_name(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Ann\\hLee\n", "Ann Lee arrived. Lee spoke first.");
    const span *later = span_at(&f, "Lee", 1);
    assert_non_null(later);
    assert_string_equal(type_of(&f, later), "PERSON");
    assert_string_equal(doc_string(&f.doc, later->norm), "Ann Lee");
    release(&f);
}

/* A surname's lower-case particles come with it where the full name has
 * them before it ("de los Santos"), tagged by a rule or not; a capitalised
 * word before it ("Senator") is no particle. */
static void test_surname_takes_its_particles(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Victorino\\hde\\hlos\\hSantos|Joost\\hvan\\hDijkhuizen|Dijkhuizen\n",
             "Victorino de los Santos and Joost van Dijkhuizen met. \"No,\" de los Santos said, and van Dijkhuizen "
             "agreed. Senator Santos left, as did los Santos.");
    const span *santos = span_at(&f, "de los Santos", 1), *dijkhuizen = span_at(&f, "van Dijkhuizen", 1);
    assert_non_null(santos);
    assert_non_null(dijkhuizen);
    assert_string_equal(doc_string(&f.doc, santos->norm), "Victorino de los Santos");
    assert_string_equal(doc_string(&f.doc, dijkhuizen->norm), "Joost van Dijkhuizen");
    assert_non_null(span_at(&f, "Santos", 2));
    assert_non_null(span_at(&f, "Santos", 3));
    release(&f);
    /* opening a sentence, the particle has a capital */
    annotate(&f, "rule person\n  type PERSON\n  pattern Armand\\hde\\hLestrade|De\\hLestrade\n",
             "Its president, Armand de Lestrade, spoke. De Lestrade also urged more.");
    const span *opening = span_at(&f, "De Lestrade", 0);
    assert_non_null(opening);
    assert_string_equal(doc_string(&f.doc, opening->norm), "Armand de Lestrade");
    release(&f);
    /* particles inside a word are no particles */
    annotate(&f, "rule person\n  type PERSON\n  pattern Ursula\\hvon\\hder\\hLeyen\n",
             "Ursula von der Leyen spoke. The pro-von der Leyen camp cheered.");
    assert_null(span_at(&f, "von der Leyen", 1));
    assert_non_null(span_at(&f, "Leyen", 1));
    release(&f);
}

/* A capitalised word right before a person's name, after a comma or a
 * closing quotation mark, is a given name the rules did not know, also
 * where a rule took it for a place of that word alone; after an opening
 * quotation mark, a word that opens clauses, or a place of more words, it is
 * not. */
static void test_unknown_given_name_widens_the_name(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule person\n  type PERSON\n  pattern Luigi\\hMontanari|Lyle\\hBrandvold|Ann\\hLee|Gomes\\hRocha\n"
             "rule city\n  type GPE\n  pattern Adelaide|New\\hYork\n",
             "Its president, Pier Luigi Montanari, spoke. Montanari left. \"For Lyle Brandvold it is over,\" "
             "she said. \"Not now,\" Adelaide Gomes Rocha said. Later, Then Ann Lee agreed, and in New York Ann Lee "
             "smiled.");
    const span *full = span_at(&f, "Pier Luigi Montanari", 0), *later = span_at(&f, "Montanari", 1);
    assert_non_null(full);
    assert_string_equal(doc_string(&f.doc, full->norm), "Pier Luigi Montanari");
    assert_non_null(later);
    assert_string_equal(doc_string(&f.doc, later->norm), "Pier Luigi Montanari");
    assert_non_null(span_at(&f, "Lyle Brandvold", 0));
    const span *rocha = span_at(&f, "Adelaide Gomes Rocha", 0);
    assert_non_null(rocha);
    assert_string_equal(type_of(&f, rocha), "PERSON");
    assert_null(span_at(&f, "Adelaide", 0));
    assert_non_null(span_at(&f, "Ann Lee", 0));
    assert_non_null(span_at(&f, "Ann Lee", 1));
    assert_non_null(span_at(&f, "New York", 0));
    release(&f);
    /* a word the person won against at its old start, or a span holding
     * the name, stays out of the way: the list by start stays in order, and
     * no span crosses another */
    annotate(&f,
             "rule person\n  type PERSON\n  pattern Maria\\hCosta|Rosario\\hGomez|Luigi\\hMontanari\n"
             "rule city\n  type GPE\n  pattern Rosario\n"
             "rule led\n  type NORP\n  pattern Luigi\\hMontanari-led\n  priority 40\n",
             "Maria Costa spoke. Its chairman, Costa Rosario Gomez, spoke. On Monday, Pier Luigi Montanari-led "
             "firms spoke.");
    assert_non_null(span_at(&f, "Costa Rosario Gomez", 0));
    assert_null(span_at(&f, "Costa", 1));
    assert_non_null(span_at(&f, "Luigi Montanari-led", 0));
    assert_null(span_at(&f, "Pier Luigi Montanari", 0));
    release(&f);
}

/* A hyphenated last word is a double surname when both halves are
 * capitalised, a Korean given name when the second is not. */
static void test_hyphenated_surname_or_given_name(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Ana\\hDizon-Reyes|Yoon\\hSeo-jin\n",
             "Ana Dizon-Reyes and Yoon Seo-jin arrived. Dizon-Reyes and Yoon spoke.");
    const span *surname = span_at(&f, "Dizon-Reyes", 1), *korean = span_at(&f, "Yoon", 1);
    assert_non_null(surname);
    assert_non_null(korean);
    assert_string_equal(doc_string(&f.doc, surname->norm), "Ana Dizon-Reyes");
    assert_string_equal(doc_string(&f.doc, korean->norm), "Yoon Seo-jin");
    release(&f);
}

/* "Boris Yeltsin visited his wife Naina Yeltsin": "Yeltsin" alone is one
 * of them, which is not known, so it is a person named by the word. */
static void test_shared_surname_is_a_person(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Ann\\hLee|Tom\\hLee\n",
             "Ann Lee met Tom Lee. Lee spoke first.");
    const span *later = span_at(&f, "Lee", 2);
    assert_non_null(later);
    assert_string_equal(type_of(&f, later), "PERSON");
    assert_string_equal(doc_string(&f.doc, later->norm), "Lee");
    release(&f);
}

static void test_family_name_first_links_the_first_word(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule person\n  type PERSON\n  pattern Wang\\hYi\n"
             "rule family-first\n  type _SURNAME_FIRST\n  pattern Wang\n",
             "Wang Yi arrived. Wang spoke first.");
    const span *later = span_at(&f, "Wang", 1);
    assert_non_null(later);
    assert_string_equal(type_of(&f, later), "PERSON");
    assert_string_equal(doc_string(&f.doc, later->norm), "Wang Yi");
    release(&f);
    /* no list knows the family name, but the article names the person by
     * it alone, and never by the given name */
    annotate(&f,
             "rule person\n  type PERSON\n  pattern Okabe\\hShinji|Okabe(?=\\hsaid)|Ann\\hLee|Ann(?=\\hasked)|Lee(?=\\hleft)\n",
             "Okabe Shinji arrived. Okabe said no. Ann Lee came. Ann asked. Lee left.");
    const span *okabe = span_at(&f, "Okabe", 1), *ann = span_at(&f, "Ann", 1);
    assert_non_null(okabe);
    assert_string_equal(doc_string(&f.doc, okabe->norm), "Okabe Shinji");
    /* named by either word alone, the last is the surname */
    assert_non_null(ann);
    assert_string_equal(doc_string(&f.doc, ann->norm), "Ann");
    release(&f);
}

/* Spanish names: the father's surname, before the last word, is the one
 * used alone; a word two people share is a person still, linked to
 * neither. */
static void test_middle_surname_of_three_words(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Ana\\hRuiz\\hSoto|Luis\\hRuiz\\hPeña|Eva\\hMora\\hDiaz\n",
             "Eva Mora Diaz arrived. Mora spoke first.");
    const span *later = span_at(&f, "Mora", 1);
    assert_non_null(later);
    assert_string_equal(type_of(&f, later), "PERSON");
    assert_string_equal(doc_string(&f.doc, later->norm), "Eva Mora Diaz");
    release(&f);
    annotate(&f, "rule person\n  type PERSON\n  pattern Ana\\hRuiz\\hSoto|Luis\\hRuiz\\hPeña\n",
             "Ana Ruiz Soto met Luis Ruiz Peña. Ruiz spoke first.");
    const span *shared = span_at(&f, "Ruiz", 2);
    assert_non_null(shared);
    assert_string_equal(type_of(&f, shared), "PERSON");
    assert_string_equal(doc_string(&f.doc, shared->norm), "Ruiz");
    release(&f);
}

/* A tagged mention of the words after the given name ("Ní Mhurchú" for
 * "Siobhán Ní Mhurchú") is the same person. */
static void test_name_without_its_given_name(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Siobhán\\hNí\\hMhurchú|Ní\\hMhurchú\n",
             "Siobhán Ní Mhurchú spoke. Later Ní Mhurchú left.");
    const span *later = span_at(&f, "Ní Mhurchú", 1);
    assert_non_null(later);
    assert_string_equal(type_of(&f, later), "PERSON");
    assert_string_equal(doc_string(&f.doc, later->norm), "Siobhán Ní Mhurchú");
    release(&f);
}

/* "Kingsford Rare Metals Ltd.": a firm of several words before its legal
 * form goes by its first word later, but not one many firms open with
 * ("General Motors Co." is no "General"). */
static void test_firm_first_word_without_the_rest(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule firm\n  type ORG\n  pattern Kingsford\\hRare\\hMetals\\hLtd\\.|General\\hMotors\\hCo\\.\n"
             "rule legal-form\n  type _LEGAL_FORM\n  pattern Ltd\\.|Co\\.\n",
             "Kingsford Rare Metals Ltd. grew. Kingsford would offer more. General Motors Co. fell. General "
             "strikes followed.");
    const span *alone = span_at(&f, "Kingsford", 1);
    assert_non_null(alone);
    assert_string_equal(type_of(&f, alone), "ORG");
    assert_string_equal(doc_string(&f.doc, alone->norm), "Kingsford Rare Metals Ltd.");
    assert_null(span_at(&f, "General", 1));
    release(&f);
}

/* "Shenzhen Voltcore Electronics Co.": a firm whose name opens with a place
 * goes by its second word later, not by a word telling its trade ("Osaka
 * Steel Corp." is no "Steel"). */
static void test_firm_after_its_place(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule firm\n  type ORG\n  pattern Shenzhen\\hVoltcore\\hElectronics\\hCo\\.|Osaka\\hSteel\\hCorp\\.\n"
             "rule place\n  type GPE\n  pattern Shenzhen|Osaka\n"
             "rule legal-form\n  type _LEGAL_FORM\n  pattern Co\\.|Corp\\.\n",
             "Shenzhen Voltcore Electronics Co. grew. Osaka Steel Corp. fell. Shenzhen Voltcore said so. Steel "
             "rose in Osaka.");
    const span *alone = span_at(&f, "Voltcore", 1);
    assert_non_null(alone);
    assert_string_equal(type_of(&f, alone), "ORG");
    assert_string_equal(doc_string(&f.doc, alone->norm), "Shenzhen Voltcore Electronics Co.");
    assert_null(span_at(&f, "Steel", 1));
    release(&f);
}

/* A person named in full keeps the word a firm's name opens with: "Han"
 * after "Han Seung-woo" is the minister, though "Han River Times Co., Ltd."
 * follows. */
static void test_person_keeps_word_a_firm_opens_with(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule person\n  type PERSON\n  pattern Han\\hSeung-woo\n"
             "rule firm\n  type ORG\n  pattern Han\\hRiver\\hTimes\\hCo\\.,\\hLtd\\.\n"
             "rule legal-form\n  type _LEGAL_FORM\n  pattern Ltd\\.\n",
             "Han Seung-woo arrived. Han said no. Han River Times Co., Ltd.");
    const span *alone = span_at(&f, "Han", 1);
    assert_non_null(alone);
    assert_string_equal(type_of(&f, alone), "PERSON");
    assert_string_equal(doc_string(&f.doc, alone->norm), "Han Seung-woo");
    release(&f);
}

static void test_regnal_number_is_not_a_surname(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Charles\\hIII\n",
             "Charles III arrived. The trial reached Phase III.");
    assert_non_null(span_at(&f, "Charles III", 0));
    assert_null(span_at(&f, "III", 1));
    release(&f);
}

/* "Kelvar SA": the word alone is the firm later, where untagged and where a
 * rule guessed a person, but a place a rule found keeps its type. */
static void test_firm_name_without_its_legal_form(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule firm\n  type ORG\n  pattern Kelvar\\hSA|Ostin\\hAG\n"
             "rule legal-form\n  type _LEGAL_FORM\n  pattern SA|AG\n"
             "rule guess\n  type PERSON\n  pattern Kelvar(?=\\hsaid)\n"
             "rule place\n  type GPE\n  pattern Ostin(?=\\hvoters)\n",
             "Kelvar SA grew. Kelvar said so. Shares of Kelvar rose. Ostin AG sued. Ostin voters agreed.");
    const span *guessed = span_at(&f, "Kelvar", 1), *untagged = span_at(&f, "Kelvar", 2);
    assert_non_null(guessed);
    assert_non_null(untagged);
    assert_string_equal(type_of(&f, guessed), "ORG");
    assert_string_equal(type_of(&f, untagged), "ORG");
    assert_string_equal(doc_string(&f.doc, untagged->norm), "Kelvar SA");
    const span *place = span_at(&f, "Ostin", 1);
    assert_non_null(place);
    assert_string_equal(type_of(&f, place), "GPE");
    release(&f);
}

/* "the Commission" tagged after the European Commission is that body; an
 * untagged "Commission" is left untagged, and a head two bodies share
 * keeps its own norm. */
static void test_body_head_takes_the_name(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule body\n  type ORG\n  pattern European\\hCommission|Harbour\\hCouncil|Wine\\hCouncil\n"
             "rule short\n  type ORG\n  pattern (?<=the\\h)(?:Commission|Council)\n",
             "The European Commission acted. Then the Commission spoke. Commission staff left. The Harbour Council "
             "met the Wine Council, and the Council voted.");
    const span *head = span_at(&f, "Commission", 1);
    assert_non_null(head);
    assert_string_equal(doc_string(&f.doc, head->norm), "European Commission");
    assert_null(span_at(&f, "Commission", 2));
    const span *shared = span_at(&f, "Council", 2);
    assert_non_null(shared);
    assert_string_equal(doc_string(&f.doc, shared->norm), "Council");
    release(&f);
}

static void test_capitals_link_to_the_name(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Alan\\hShearer\n",
             "SHEARER NAMED CAPTAIN. Alan Shearer spoke, and so did SMITH.");
    const span *headline = span_at(&f, "SHEARER", 0);
    assert_non_null(headline);
    assert_string_equal(type_of(&f, headline), "PERSON");
    assert_string_equal(doc_string(&f.doc, headline->norm), "Alan Shearer");
    assert_null(span_at(&f, "SMITH", 0));
    release(&f);
}

static void test_given_name_alone_is_not_linked(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Ann\\hLee\n", "Ann Lee arrived. Ann spoke first.");
    assert_null(span_at(&f, "Ann", 1));
    release(&f);
}

static void test_surname_outweighs_a_word_list(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule person\n  type PERSON\n  pattern Tom\\hJordan\n"
             "rule place\n  type GPE\n  pattern Jordan\n",
             "Tom Jordan scored. Later Jordan scored again.");
    const span *later = span_at(&f, "Jordan", 1);
    assert_non_null(later);
    assert_string_equal(type_of(&f, later), "PERSON");
    assert_string_equal(doc_string(&f.doc, later->norm), "Tom Jordan");
    release(&f);
}

static void test_refs_number_meanings_in_order(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule place\n  type GPE\n  pattern Japan|Korea\n"
             "rule nat\n  type NORP\n  pattern Japanese\n",
             "Korea and Japan met. Japanese firms in Japan and Korea agreed.");
    assert_string_equal(doc_string(&f.doc, span_at(&f, "Korea", 0)->ref), "e1");
    assert_string_equal(doc_string(&f.doc, span_at(&f, "Japan", 0)->ref), "e2");
    assert_string_equal(doc_string(&f.doc, span_at(&f, "Japanese", 0)->ref), "e3");
    assert_string_equal(doc_string(&f.doc, span_at(&f, "Japan", 2)->ref), "e2");
    assert_string_equal(doc_string(&f.doc, span_at(&f, "Korea", 1)->ref), "e1");
    release(&f);
}

/* Annotates text with the rules of rules_text, from the first occurrence
 * of comment_from to its end a reader comment. */
static void annotate_with_comment(fixture *f, const char *rules_text, const char *text, const char *comment_from)
{
    f->rules = ann_rules_new();
    ann_error err;
    if (ann_rules_add_text(f->rules, "t.rules", rules_text, strlen(rules_text), &err) ||
        ann_rules_compile(f->rules, &err))
        fail_msg("rules: %s", err.message);
    f->m = matcher_new(f->rules, NULL, NULL);
    memset(&f->doc, 0, sizeof f->doc);
    doc_load(&f->doc, text, strlen(text));
    uint32_t comment = (uint32_t)(strstr(text, comment_from) - text);
    struct_span st = {comment, (uint32_t)strlen(text), LE_COMMENT, 0, "test", 1, 0, 0};
    ARRAY_PUSH(f->doc.structure, f->doc.structure_count, f->doc.structure_cap, st);
    annotate_document(f->m, f->rules, &f->doc);
}

/* Readers drop accents: a surname or a place written without its marks is
 * the person or the place still, capitalised or, in a comment, in lower
 * case. */
static void test_surname_without_accents(void **state)
{
    (void)state;
    const char *rules = "rule person\n  type PERSON\n  pattern Pavel\\hKratochv\u00edl|Andrea\\hVillac\u00eds\\hMora\n"
                        "rule place\n  type GPE\n  pattern S\u00f6dert\u00e4lje\n";
    const char *text = "Pavel Kratochv\xc3\xadl met Andrea Villac\xc3\xads Mora in S\xc3\xb6" "dert\xc3\xa4" "lje. Kratochvil left.\n\n"
                       "villacis is right, and so is kratochvil in sodertalje.";
    fixture f;
    annotate_with_comment(&f, rules, text, "villacis");
    const char *const mentions[][2] = {{"Kratochvil", "Pavel Kratochv\xc3\xadl"},
                                       {"villacis", "Andrea Villac\xc3\xads Mora"},
                                       {"kratochvil", "Pavel Kratochv\xc3\xadl"},
                                       {"sodertalje", "S\xc3\xb6" "dert\xc3\xa4" "lje"}};
    for (size_t i = 0; i < sizeof mentions / sizeof mentions[0]; i++) {
        const span *s = span_at(&f, mentions[i][0], 0);
        assert_non_null(s);
        assert_string_equal(type_of(&f, s), i < 3 ? "PERSON" : "GPE");
        assert_string_equal(doc_string(&f.doc, s->norm), mentions[i][1]);
    }
    release(&f);
}

/* A surname opening with a lower-case Arabic article is the person also
 * where a sentence capitalises the article. */
static void test_article_surname_capitalised(void **state)
{
    (void)state;
    const char *rules = "rule person\n  type PERSON\n  pattern Salim\\hOmar\\hal-Amoody\n";
    const char *text = "Salim Omar al-Amoody said so. Al-Amoody left, and al-Amoody came back.";
    fixture f;
    annotate(&f, rules, text);
    /* the first "al-Amoody" is the end of the full name */
    const char *const mentions[] = {"Al-Amoody", "al-Amoody"};
    for (int i = 0; i < 2; i++) {
        const span *s = span_at(&f, mentions[i], i);
        assert_non_null(s);
        assert_string_equal(type_of(&f, s), "PERSON");
        assert_string_equal(doc_string(&f.doc, s->norm), "Salim Omar al-Amoody");
    }
    release(&f);
}

/* A reader writes names in lower case: in a comment, an untagged word
 * whose capitalised form names a person or place of the document is that
 * name, unless the article writes the word in lower case itself. */
static void test_lowercase_names_in_comments(void **state)
{
    (void)state;
    const char *rules = "rule person\n  type PERSON\n  pattern Gabor\\hSzekeres|Ana\\hPotae-Brennan|Han-koo\n"
                        "rule place\n  type GPE\n  pattern Kasserine|Rice\n";
    const char *text = "Gabor Szekeres, Ana Potae-Brennan and Han-koo sold wood in Kasserine and Rice. He grows "
                       "rice.\n\nszekeres is right, ask anyone in kasserine about rice. potae-brennan "
                       "caved. han-koo knows.";
    fixture f;
    annotate_with_comment(&f, rules, text, "szekeres");
    const span *s = span_at(&f, "szekeres", 0);
    assert_non_null(s);
    assert_string_equal(type_of(&f, s), "PERSON");
    assert_string_equal(doc_string(&f.doc, s->norm), "Gabor Szekeres");
    s = span_at(&f, "kasserine", 0);
    assert_non_null(s);
    assert_string_equal(type_of(&f, s), "GPE");
    /* each part of a hyphenated name is capitalised */
    s = span_at(&f, "potae-brennan", 0);
    assert_non_null(s);
    assert_string_equal(doc_string(&f.doc, s->norm), "Ana Potae-Brennan");
    /* as the table writes it first ("Han-koo") */
    s = span_at(&f, "han-koo", 0);
    assert_non_null(s);
    assert_string_equal(type_of(&f, s), "PERSON");
    /* "rice" is a word of the article's own */
    assert_null(span_at(&f, "rice", 1));
    release(&f);
}

/* Countries and peoples the word lists name are found in any case in the
 * reader comments, with the list's norm; not words more often something
 * else ("turkey"), nor outside the comments. */
static void test_lowercase_countries_in_comments(void **state)
{
    (void)state;
    const char *rules = "rule country\n  type _PLACE_ANY_CASE\n  list rules/lists/countries.txt\n  case insensitive\n"
                        "rule people\n  type _PEOPLE_ANY_CASE\n  list rules/lists/nationalities.txt\n  case insensitive\n"
                        "rule gpe\n  type GPE\n  pattern Peru\nrule norp\n  type NORP\n  pattern Dutch\n";
    const char *text = "Exporters in peru sold turkey meat.\n\n"
                       "the buyer in south korea and germany pays more, the chinese always win. turkey is cheaper. "
                       "new zealand, bosnia and herzegovina and the united states of america should polish it.";
    fixture f;
    annotate_with_comment(&f, rules, text, "the buyer");
    const span *s = span_at(&f, "south korea", 0);
    assert_non_null(s);
    assert_string_equal(type_of(&f, s), "GPE");
    assert_string_equal(doc_string(&f.doc, s->norm), "South Korea");
    s = span_at(&f, "germany", 0);
    assert_non_null(s);
    assert_string_equal(doc_string(&f.doc, s->norm), "Germany");
    s = span_at(&f, "chinese", 0);
    assert_non_null(s);
    assert_string_equal(type_of(&f, s), "NORP");
    assert_null(span_at(&f, "peru", 0));
    assert_null(span_at(&f, "turkey", 1));
    assert_non_null(span_at(&f, "new zealand", 0));
    s = span_at(&f, "bosnia and herzegovina", 0);
    assert_non_null(s);
    assert_string_equal(doc_string(&f.doc, s->norm), "Bosnia and Herzegovina");
    assert_non_null(span_at(&f, "united states of america", 0));
    assert_null(span_at(&f, "polish", 0));
    release(&f);
}

/* A department named in full goes by its portfolio later, unless the
 * article writes the word in lower case. */
static void test_department_by_its_portfolio(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule org\n  type ORG\n  pattern U\\.S\\.\\h(?:Department\\hof\\h(?:Commerce|Agriculture)|State\\hDepartment)\n",
             "The U.S. Department of Commerce set a duty. Commerce found dumping. The U.S. Department of "
             "Agriculture agreed, as agriculture matters. Agriculture accounts for little. Commerce Secretary "
             "Jan Ruiz and Commerce and Industry Minister Ana Ruiz spoke. The U.S. State Department said so. "
             "State media disagreed.");
    const span *commerce = span_at(&f, "Commerce", 1);
    assert_non_null(commerce);
    assert_string_equal(type_of(&f, commerce), "ORG");
    assert_string_equal(doc_string(&f.doc, commerce->norm), "U.S. Department of Commerce");
    assert_null(span_at(&f, "Agriculture", 1));
    /* nor before a word of a title */
    assert_null(span_at(&f, "Commerce", 2));
    assert_null(span_at(&f, "Commerce", 3));
    /* nor a portfolio that is often a word of its own */
    assert_null(span_at(&f, "State", 1));
    release(&f);
}

/* Spanish and Portuguese names: the surname used alone is the one before
 * a particle ("Peralta de Jesús", as "Bahati wa Kasereka"), in four words the one before the last
 * ("Almonte Reyes"), unless the article writes it in lower case, and after
 * particles the first of two ("de la Fuente Ochoa"). */
static void test_iberian_surname_used_alone(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Yolanda\\hPeralta\\hde\\hJes\u00fas|H\u00e9ctor\\hManuel\\hAlmonte\\hReyes|"
                 "Ba\\hRia\\hWind\\hStructures\n",
             "Yolanda Peralta de Jesús and Héctor Manuel Almonte Reyes spoke, as did Ba Ria Wind Structures. "
             "Peralta condemned it. Almonte agreed. Wind towers turn in the wind.");
    const span *peralta = span_at(&f, "Peralta", 1), *almonte = span_at(&f, "Almonte", 1);
    assert_non_null(peralta);
    assert_non_null(almonte);
    assert_string_equal(doc_string(&f.doc, peralta->norm), "Yolanda Peralta de Jesús");
    assert_string_equal(doc_string(&f.doc, almonte->norm), "Héctor Manuel Almonte Reyes");
    assert_null(span_at(&f, "Wind", 1));
    release(&f);
    /* a given name of the lists before the particle is no surname */
    annotate(&f, "rule given\n  type _FIRSTNAME\n  pattern Juan|Carlos\nrule person\n  type PERSON\n"
                 "  pattern Juan\\hCarlos\\hde\\hla\\hTorre\n",
             "Juan Carlos de la Torre spoke. Carlos left.");
    assert_null(span_at(&f, "Carlos", 1));
    release(&f);
    /* after particles, the first of two surnames, which takes its
     * particles back ("de la Fuente" of "Rogelio de la Fuente Ochoa") */
    annotate(&f, "rule person\n  type PERSON\n  pattern Rogelio\\hde\\hla\\hFuente\\hOchoa\n",
             "Rogelio de la Fuente Ochoa spoke. Voters backed de la Fuente. De la Fuente won.");
    const span *later = span_at(&f, "de la Fuente", 1), *opening = span_at(&f, "De la Fuente", 0);
    assert_non_null(later);
    assert_non_null(opening);
    assert_string_equal(doc_string(&f.doc, later->norm), "Rogelio de la Fuente Ochoa");
    assert_string_equal(doc_string(&f.doc, opening->norm), "Rogelio de la Fuente Ochoa");
    release(&f);
    /* a Congolese post-name after "wa" */
    annotate(&f, "rule person\n  type PERSON\n  pattern Pascal\\hBahati\\hwa\\hKasereka\n",
             "Pascal Bahati wa Kasereka spoke. Bahati agreed.");
    const span *bahati = span_at(&f, "Bahati", 1);
    assert_non_null(bahati);
    assert_string_equal(doc_string(&f.doc, bahati->norm), "Pascal Bahati wa Kasereka");
    release(&f);
}

/* A person of one word right before a name of two is its given name. */
static void test_one_word_person_before_a_name(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "rule person\n  type PERSON\n  pattern Cl\u00e9mentine(?=\\hNgo)|Ngo\\hBikoko\n",
             "Minister Clémentine Ngo Bikoko spoke. Ngo Bikoko left.");
    const span *full = span_at(&f, "Clémentine Ngo Bikoko", 0), *later = span_at(&f, "Ngo Bikoko", 1);
    assert_non_null(full);
    assert_null(span_at(&f, "Clémentine", 0));
    assert_non_null(later);
    assert_string_equal(doc_string(&f.doc, later->norm), "Clémentine Ngo Bikoko");
    release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_acronym_takes_the_name),
        cmocka_unit_test(test_acronym_must_match_the_initials),
        cmocka_unit_test(test_acronym_of_a_name_in_lower_case),
        cmocka_unit_test(test_hyphenated_surname_or_given_name),
        cmocka_unit_test(test_one_word_name_keeps_its_type),
        cmocka_unit_test(test_two_types_leave_a_word_alone),
        cmocka_unit_test(test_surname_takes_the_full_name),
        cmocka_unit_test(test_surname_takes_its_particles),
        cmocka_unit_test(test_unknown_given_name_widens_the_name),
        cmocka_unit_test(test_shared_surname_is_a_person),
        cmocka_unit_test(test_family_name_first_links_the_first_word),
        cmocka_unit_test(test_given_name_alone_is_not_linked),
        cmocka_unit_test(test_body_head_takes_the_name),
        cmocka_unit_test(test_capitals_link_to_the_name),
        cmocka_unit_test(test_regnal_number_is_not_a_surname),
        cmocka_unit_test(test_firm_name_without_its_legal_form),
        cmocka_unit_test(test_firm_first_word_without_the_rest),
        cmocka_unit_test(test_firm_after_its_place),
        cmocka_unit_test(test_person_keeps_word_a_firm_opens_with),
        cmocka_unit_test(test_middle_surname_of_three_words),
        cmocka_unit_test(test_lowercase_names_in_comments),
        cmocka_unit_test(test_lowercase_countries_in_comments),
        cmocka_unit_test(test_surname_without_accents),
        cmocka_unit_test(test_name_without_its_given_name),
        cmocka_unit_test(test_surname_outweighs_a_word_list),
        cmocka_unit_test(test_article_surname_capitalised),
        cmocka_unit_test(test_refs_number_meanings_in_order),
        cmocka_unit_test(test_goods_found_in_context_are_linked),
        cmocka_unit_test(test_listed_goods_phrase_gives_its_last_word),
        cmocka_unit_test(test_acronym_spells_a_name),
        cmocka_unit_test(test_department_by_its_portfolio),
        cmocka_unit_test(test_iberian_surname_used_alone),
        cmocka_unit_test(test_one_word_person_before_a_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
