/* porting-region.c — US states, Canadian provinces and territories, and their postal codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-region"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-region.h"

/* The listed ones first, in the order a customer picks from (a draft may
 * keep a position in that list). */
static const PortingRegion regions[] = {
  { "AL", "US", "Alabama", "Alabama", "", TRUE },
  { "AK", "US", "Alaska", "Alaska", "", TRUE },
  { "AZ", "US", "Arizona", "Arizona", "", TRUE },
  { "AR", "US", "Arkansas", "Arkansas", "", TRUE },
  { "CA", "US", "California", "Californie", "", TRUE },
  { "CO", "US", "Colorado", "Colorado", "", TRUE },
  { "CT", "US", "Connecticut", "Connecticut", "", TRUE },
  { "DE", "US", "Delaware", "Delaware", "", TRUE },
  { "DC", "US", "District of Columbia", "District de Columbia", "WASHINGTON DC", TRUE },
  { "FL", "US", "Florida", "Floride", "", TRUE },
  { "GA", "US", "Georgia", "Géorgie", "", TRUE },
  { "HI", "US", "Hawaii", "Hawaï", "", TRUE },
  { "ID", "US", "Idaho", "Idaho", "", TRUE },
  { "IL", "US", "Illinois", "Illinois", "", TRUE },
  { "IN", "US", "Indiana", "Indiana", "", TRUE },
  { "IA", "US", "Iowa", "Iowa", "", TRUE },
  { "KS", "US", "Kansas", "Kansas", "", TRUE },
  { "KY", "US", "Kentucky", "Kentucky", "", TRUE },
  { "LA", "US", "Louisiana", "Louisiane", "", TRUE },
  { "ME", "US", "Maine", "Maine", "", TRUE },
  { "MD", "US", "Maryland", "Maryland", "", TRUE },
  { "MA", "US", "Massachusetts", "Massachusetts", "", TRUE },
  { "MI", "US", "Michigan", "Michigan", "", TRUE },
  { "MN", "US", "Minnesota", "Minnesota", "", TRUE },
  { "MS", "US", "Mississippi", "Mississippi", "", TRUE },
  { "MO", "US", "Missouri", "Missouri", "", TRUE },
  { "MT", "US", "Montana", "Montana", "", TRUE },
  { "NE", "US", "Nebraska", "Nebraska", "", TRUE },
  { "NV", "US", "Nevada", "Nevada", "", TRUE },
  { "NH", "US", "New Hampshire", "New Hampshire", "", TRUE },
  { "NJ", "US", "New Jersey", "New Jersey", "", TRUE },
  { "NM", "US", "New Mexico", "Nouveau-Mexique", "", TRUE },
  { "NY", "US", "New York", "New York", "", TRUE },
  { "NC", "US", "North Carolina", "Caroline du Nord", "", TRUE },
  { "ND", "US", "North Dakota", "Dakota du Nord", "", TRUE },
  { "OH", "US", "Ohio", "Ohio", "", TRUE },
  { "OK", "US", "Oklahoma", "Oklahoma", "", TRUE },
  { "OR", "US", "Oregon", "Oregon", "", TRUE },
  { "PA", "US", "Pennsylvania", "Pennsylvanie", "", TRUE },
  { "PR", "US", "Puerto Rico", "Porto Rico", "", TRUE },
  { "RI", "US", "Rhode Island", "Rhode Island", "", TRUE },
  { "SC", "US", "South Carolina", "Caroline du Sud", "", TRUE },
  { "SD", "US", "South Dakota", "Dakota du Sud", "", TRUE },
  { "TN", "US", "Tennessee", "Tennessee", "", TRUE },
  { "TX", "US", "Texas", "Texas", "", TRUE },
  { "UT", "US", "Utah", "Utah", "", TRUE },
  { "VT", "US", "Vermont", "Vermont", "", TRUE },
  { "VA", "US", "Virginia", "Virginie", "", TRUE },
  { "WA", "US", "Washington", "Washington", "", TRUE },
  { "WV", "US", "West Virginia", "Virginie-Occidentale", "", TRUE },
  { "WI", "US", "Wisconsin", "Wisconsin", "", TRUE },
  { "WY", "US", "Wyoming", "Wyoming", "", TRUE },
  { "AB", "CA", "Alberta", "Alberta", "ALTA", TRUE },
  { "BC", "CA", "British Columbia", "Colombie-Britannique", "CB", TRUE },
  { "MB", "CA", "Manitoba", "Manitoba", "MAN", TRUE },
  { "NB", "CA", "New Brunswick", "Nouveau-Brunswick", "", TRUE },
  { "NL", "CA", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador",
    "NEWFOUNDLAND|TERRE NEUVE|NF|NFLD|TNL", TRUE },
  /* Nova Scotia's old "NE" is Nebraska's code. */
  { "NS", "CA", "Nova Scotia", "Nouvelle-Écosse", "", TRUE },
  { "NT", "CA", "Northwest Territories", "Territoires du Nord-Ouest", "NWT|TNO", TRUE },
  { "NU", "CA", "Nunavut", "Nunavut", "", TRUE },
  { "ON", "CA", "Ontario", "Ontario", "ONT", TRUE },
  { "PE", "CA", "Prince Edward Island", "Île-du-Prince-Édouard", "PEI|IPE", TRUE },
  { "QC", "CA", "Quebec", "Québec", "PQ|QUE", TRUE },
  { "SK", "CA", "Saskatchewan", "Saskatchewan", "SASK", TRUE },
  { "YT", "CA", "Yukon", "Yukon", "YUKON TERRITORY|YK", TRUE },
  /* On bills and LOAs, but not offered in the app's lists. */
  { "VI", "US", "Virgin Islands", "Îles Vierges des États-Unis", "US VIRGIN ISLANDS|U S VIRGIN ISLANDS", FALSE },
  { "GU", "US", "Guam", "Guam", "", FALSE },
  { "AS", "US", "American Samoa", "Samoa américaines", "", FALSE },
  { "MP", "US", "Northern Mariana Islands", "Îles Mariannes du Nord", "", FALSE },
  { "UM", "US", "United States Minor Outlying Islands", "Îles mineures éloignées des États-Unis", "", FALSE },
  { "AA", "US", "Armed Forces Americas", "Forces armées des Amériques", "", FALSE },
  { "AE", "US", "Armed Forces Europe", "Forces armées d’Europe", "", FALSE },
  { "AP", "US", "Armed Forces Pacific", "Forces armées du Pacifique", "", FALSE },
};

/* Canada Post's forward sortation areas start with these letters. */
static const struct
{
  const char *code;
  const char *letters;
} postal_letters[] = {
  { "NL", "A" }, { "NS", "B" }, { "PE", "C" }, { "NB", "E" }, { "QC", "GHJ" },
  { "ON", "KLMNP" }, { "MB", "R" }, { "SK", "S" }, { "AB", "T" }, { "BC", "V" },
  { "NT", "X" }, { "NU", "X" }, { "YT", "Y" },
};

/* Upper case, no accents; '.' dropped ("P.E.I."), any other punctuation a
 * space; one space between words. */
static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_toupper (*p));
      else if (*p != '.' && out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static void
add_name (GHashTable          *table,
          const char          *name,
          const PortingRegion *region)
{
  char *key = fold (name);

  if (*key == '\0' || g_hash_table_contains (table, key))
    g_free (key);
  else
    g_hash_table_insert (table, key, (gpointer) region);
}

static GHashTable *
get_names (void)
{
  static GHashTable *table;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* Codes first: they win over any other spelling. */
      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        add_name (table, regions[i].code, &regions[i]);
      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        {
          g_auto(GStrv) others = g_strsplit (regions[i].other_names, "|", -1);

          add_name (table, regions[i].name, &regions[i]);
          add_name (table, regions[i].french_name, &regions[i]);
          for (guint j = 0; others[j] != NULL; j++)
            add_name (table, others[j], &regions[i]);
        }

      g_once_init_leave (&initialized, 1);
    }

  return table;
}

const PortingRegion *
porting_region_lookup (const char *name_or_code)
{
  g_autofree char *key = NULL;

  if (name_or_code == NULL)
    return NULL;

  key = fold (name_or_code);
  return g_hash_table_lookup (get_names (), key);
}

const PortingRegion *
porting_region_get_listed (guint *n_regions)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (regions) && regions[n].listed)
    n++;

  if (n_regions != NULL)
    *n_regions = n;
  return regions;
}

const PortingRegion *
porting_region_get_all (guint *n_regions)
{
  if (n_regions != NULL)
    *n_regions = G_N_ELEMENTS (regions);
  return regions;
}

gboolean
porting_region_is_canadian (const PortingRegion *region)
{
  return region != NULL && g_str_equal (region->country, "CA");
}

const char *
porting_region_get_postal_letters (const PortingRegion *region)
{
  g_return_val_if_fail (region != NULL, "");

  for (guint i = 0; i < G_N_ELEMENTS (postal_letters); i++)
    if (g_str_equal (postal_letters[i].code, region->code))
      return postal_letters[i].letters;

  return "";
}

static gboolean
is_canadian_letter (char     c,
                    gboolean first)
{
  c = g_ascii_toupper (c);

  return g_ascii_isalpha (c) && strchr ("DFIOQU", c) == NULL && (!first || strchr ("WZ", c) == NULL);
}

PortingPostalCodeKind
porting_postal_code_classify (const char *text)
{
  g_autofree char *code = NULL;
  gsize len;

  if (text == NULL)
    return PORTING_POSTAL_CODE_INVALID;

  code = g_strstrip (g_strdup (text));
  len = strlen (code);

  if ((len == 5 || len == 10) && strspn (code, "0123456789") == 5)
    {
      if (len == 5)
        return PORTING_POSTAL_CODE_ZIP;
      if (code[5] == '-' && strspn (code + 6, "0123456789") == 4)
        return PORTING_POSTAL_CODE_ZIP4;
      return PORTING_POSTAL_CODE_INVALID;
    }

  /* A1A 1A1, the space optional */
  if (len == 7 && code[3] == ' ')
    memmove (code + 3, code + 4, 4);
  else if (len != 6)
    return PORTING_POSTAL_CODE_INVALID;

  if (is_canadian_letter (code[0], TRUE) && g_ascii_isdigit (code[1]) && is_canadian_letter (code[2], FALSE) &&
      g_ascii_isdigit (code[3]) && is_canadian_letter (code[4], FALSE) && g_ascii_isdigit (code[5]))
    return PORTING_POSTAL_CODE_CANADIAN;

  return PORTING_POSTAL_CODE_INVALID;
}

char *
porting_postal_code_check (const char          *text,
                           const PortingRegion *region)
{
  PortingPostalCodeKind kind = porting_postal_code_classify (text);

  if (region == NULL)
    {
      if (kind != PORTING_POSTAL_CODE_INVALID)
        return NULL;
      return g_strdup (_("Enter a ZIP code (94607) or a Canadian postal code (K1A 0B1)."));
    }

  if (!porting_region_is_canadian (region))
    {
      if (kind == PORTING_POSTAL_CODE_ZIP || kind == PORTING_POSTAL_CODE_ZIP4)
        return NULL;
      return g_strdup (_("A ZIP code has 5 digits, or 5 + 4 (94607-1234)."));
    }

  if (kind != PORTING_POSTAL_CODE_CANADIAN)
    return g_strdup (_("A Canadian postal code looks like K1A 0B1."));

  {
    const char *letters = porting_region_get_postal_letters (region);
    char first = g_ascii_toupper (*(text + strspn (text, " \t\n")));
    g_autoptr(GString) list = NULL;

    if (strchr (letters, first) != NULL)
      return NULL;

    if (strlen (letters) == 1)
      /* Translators: "A postal code in Alberta starts with T." */
      return g_strdup_printf (_("A postal code in %s starts with %s."), region->name, letters);

    list = g_string_new (NULL);
    for (const char *l = letters; *l != '\0'; l++)
      g_string_append_printf (list, "%s%c", list->len > 0 ? ", " : "", *l);
    /* Translators: "A postal code in Ontario starts with one of K, L, M, N, P." */
    return g_strdup_printf (_("A postal code in %s starts with one of %s."), region->name, list->str);
  }
}
