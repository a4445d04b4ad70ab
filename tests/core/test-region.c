/* test-region.c — the state and province table, and postal codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "porting-region.h"

static void
test_lookup (void)
{
  static const struct {
    const char *text;
    const char *code;
  } cases[] = {
    { "QC", "QC" }, { "qc", "QC" }, { " Qc ", "QC" }, { "Québec", "QC" }, { "QUEBEC", "QC" },
    { "Que.", "QC" }, { "PQ", "QC" },
    { "British Columbia", "BC" }, { "Colombie-Britannique", "BC" }, { "COLOMBIE BRITANNIQUE", "BC" },
    { "B.C.", "BC" },
    { "Île-du-Prince-Édouard", "PE" }, { "P.E.I.", "PE" }, { "Prince Edward Island", "PE" },
    { "Nouvelle-Écosse", "NS" }, { "Nova Scotia", "NS" },
    { "Terre-Neuve", "NL" }, { "Nfld", "NL" }, { "Newfoundland and Labrador", "NL" },
    { "Northwest Territories", "NT" }, { "N.W.T.", "NT" }, { "Yukon Territory", "YT" },
    { "New York", "NY" }, { "new york", "NY" }, { "NEW YORK", "NY" },
    { "Washington", "WA" }, { "Washington, D.C.", "DC" }, { "District of Columbia", "DC" },
    { "Californie", "CA" }, { "California", "CA" }, { "ca", "CA" },
    { "Caroline du Nord", "NC" }, { "North Carolina", "NC" },
    { "Puerto Rico", "PR" }, { "Porto Rico", "PR" }, { "U.S. Virgin Islands", "VI" },
    /* A code wins over an old abbreviation: NE is Nebraska, not Nova Scotia. */
    { "NE", "NE" }, { "Nebraska", "NE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PortingRegion *region = porting_region_lookup (cases[i].text);

      g_test_message ("\"%s\"", cases[i].text);
      g_assert_nonnull (region);
      g_assert_cmpstr (region->code, ==, cases[i].code);
    }

  g_assert_null (porting_region_lookup ("Narnia"));
  g_assert_null (porting_region_lookup ("C"));
  g_assert_null (porting_region_lookup (""));
  g_assert_null (porting_region_lookup ("  "));
  g_assert_null (porting_region_lookup (NULL));
}

static void
test_table (void)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  const PortingRegion *all;
  const PortingRegion *listed;
  guint n_all, n_listed;

  all = porting_region_get_all (&n_all);
  listed = porting_region_get_listed (&n_listed);

  /* 50 states, DC and Puerto Rico; 10 provinces and 3 territories. */
  g_assert_cmpuint (n_listed, ==, 52 + 13);
  g_assert_true (listed == all);
  g_assert_cmpuint (n_all, >, n_listed);

  /* Drafts may keep a position in the list: it must not move. */
  g_assert_cmpstr (listed[0].code, ==, "AL");
  g_assert_cmpstr (listed[4].code, ==, "CA");
  g_assert_cmpstr (listed[4].name, ==, "California");
  g_assert_cmpstr (listed[52].code, ==, "AB");
  g_assert_cmpstr (listed[62].code, ==, "QC");
  g_assert_cmpstr (listed[64].code, ==, "YT");

  for (guint i = 0; i < n_all; i++)
    {
      const PortingRegion *region = &all[i];

      g_test_message ("%s", region->code);
      g_assert_cmpuint (strlen (region->code), ==, 2);
      g_assert_false (g_hash_table_contains (codes, region->code));
      g_hash_table_add (codes, (gpointer) region->code);
      g_assert_true (region->listed == (i < n_listed));
      g_assert_true (g_str_equal (region->country, "US") || g_str_equal (region->country, "CA"));
      g_assert_true (porting_region_lookup (region->code) == region);
      g_assert_true (porting_region_lookup (region->name) == region);
      g_assert_true (porting_region_lookup (region->french_name) == region);

      /* Every province and territory has its postal letters; no state has. */
      if (porting_region_is_canadian (region))
        g_assert_cmpuint (strlen (porting_region_get_postal_letters (region)), >, 0);
      else
        g_assert_cmpstr (porting_region_get_postal_letters (region), ==, "");
    }

  g_assert_cmpstr (porting_region_get_postal_letters (porting_region_lookup ("QC")), ==, "GHJ");
  g_assert_false (porting_region_is_canadian (NULL));
}

static void
test_postal_code_kinds (void)
{
  static const struct {
    const char            *text;
    PortingPostalCodeKind  kind;
  } cases[] = {
    { "94607", PORTING_POSTAL_CODE_ZIP },
    { " 94607\n", PORTING_POSTAL_CODE_ZIP },
    { "94607-1234", PORTING_POSTAL_CODE_ZIP4 },
    { "K1A 0B1", PORTING_POSTAL_CODE_CANADIAN },
    { "K1A0B1", PORTING_POSTAL_CODE_CANADIAN },
    { "k1a 0b1", PORTING_POSTAL_CODE_CANADIAN },
    { "H2Y 2A7", PORTING_POSTAL_CODE_CANADIAN },
    { "9460", PORTING_POSTAL_CODE_INVALID },
    { "946071", PORTING_POSTAL_CODE_INVALID },
    { "94607-12", PORTING_POSTAL_CODE_INVALID },
    { "94607 1234", PORTING_POSTAL_CODE_INVALID },
    { "946071234", PORTING_POSTAL_CODE_INVALID },
    { "9460A", PORTING_POSTAL_CODE_INVALID },
    { "K1A  0B1", PORTING_POSTAL_CODE_INVALID },
    { "K1A-0B1", PORTING_POSTAL_CODE_INVALID },
    { "KKA 0B1", PORTING_POSTAL_CODE_INVALID },
    /* Letters Canada Post never uses, or never first */
    { "D1A 0B1", PORTING_POSTAL_CODE_INVALID },
    { "K1O 0B1", PORTING_POSTAL_CODE_INVALID },
    { "K1A 0U1", PORTING_POSTAL_CODE_INVALID },
    { "W1A 0B1", PORTING_POSTAL_CODE_INVALID },
    { "Z1A 0B1", PORTING_POSTAL_CODE_INVALID },
    { "K1W 0B1", PORTING_POSTAL_CODE_CANADIAN },
    { "", PORTING_POSTAL_CODE_INVALID },
    { NULL, PORTING_POSTAL_CODE_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("\"%s\"", cases[i].text);
      g_assert_cmpint (porting_postal_code_classify (cases[i].text), ==, cases[i].kind);
    }
}

static void
test_postal_code_for_region (void)
{
  static const struct {
    const char *text;
    const char *region;       /* NULL: none chosen */
    const char *message_part; /* NULL: accepted */
  } cases[] = {
    { "94607", "CA", NULL },
    { "94607-1234", "California", NULL },
    { "K1A 0B1", "CA", "ZIP code has 5 digits" },
    { "9460", "CA", "ZIP code has 5 digits" },
    { "K1A 0B1", "ON", NULL },
    { "k1a0b1", "Ontario", NULL },
    { "M5V 3L9", "ON", NULL },
    { "H2Y 2A7", "QC", NULL },
    { "G1R 4P5", "Québec", NULL },
    { "T5J 0N3", "AB", NULL },
    { "V6B 1A1", "BC", NULL },
    { "X0A 0H0", "NU", NULL },
    { "X1A 2P7", "NT", NULL },
    { "Y1A 1A1", "YT", NULL },
    { "A1C 5M2", "NL", NULL },
    /* The first letter says the province. */
    { "K1A 0B1", "QC", "Quebec starts with one of G, H, J" },
    { "H2Y 2A7", "ON", "Ontario starts with one of K, L, M, N, P" },
    { "H2Y 2A7", "AB", "Alberta starts with T" },
    { "94607", "ON", "Canadian postal code looks like K1A 0B1" },
    { "K1A", "ON", "Canadian postal code looks like K1A 0B1" },
    { "94607", NULL, NULL },
    { "K1A 0B1", NULL, NULL },
    { "ABC", NULL, "ZIP code (94607) or a Canadian postal code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PortingRegion *region = cases[i].region != NULL ? porting_region_lookup (cases[i].region) : NULL;
      g_autofree char *message = NULL;

      g_test_message ("\"%s\" in %s", cases[i].text, cases[i].region);
      g_assert_true (cases[i].region == NULL || region != NULL);
      message = porting_postal_code_check (cases[i].text, region);
      if (cases[i].message_part == NULL)
        g_assert_null (message);
      else
        {
          g_assert_nonnull (message);
          g_assert_nonnull (strstr (message, cases[i].message_part));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/region/lookup", test_lookup);
  g_test_add_func ("/region/table", test_table);
  g_test_add_func ("/region/postal-code-kinds", test_postal_code_kinds);
  g_test_add_func ("/region/postal-code-for-region", test_postal_code_for_region);

  return g_test_run ();
}
