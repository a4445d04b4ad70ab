/* porting-address-compare.c — two addresses compared, part by part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-address"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-address.h"
#include "porting-normalize-private.h"

static gboolean
is_french_article (const char *word)
{
  static const char * const articles[] = { "DE", "DU", "DES", "LA", "LE", "LES", "L", "D", NULL };

  return g_strv_contains (articles, word);
}

/* A street as it compares: the type word after the name, as English puts
 * it ("RUE PRINCIPALE" = "PRINCIPALE ST", "AVE DU PARC" = "PARC AVE"),
 * without the French articles that open the name. */
static char *
street_key (const char *street)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  guint n;
  guint from = 0;
  const char *type = NULL;

  if (street == NULL)
    return NULL;

  words = g_strsplit (street, " ", -1);
  n = g_strv_length (words);
  if (n >= 2 && _porting_normalize_is_french_street_type (words[0]))
    {
      type = g_str_equal (words[0], "RUE") ? "ST" : words[0];
      from = 1;
    }
  while (type != NULL && from + 1 < n && is_french_article (words[from]))
    from++;

  for (guint i = from; i < n; i++)
    {
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, words[i]);
    }
  if (type != NULL)
    g_string_append_printf (key, " %s", type);

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
same_words (const char *a,
            const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  /* "SAINT-PAUL" and "SAINTPAUL" are one street: spaces do not count. */
  while (*a != '\0' || *b != '\0')
    {
      while (*a == ' ')
        a++;
      while (*b == ' ')
        b++;
      if (*a != *b)
        return FALSE;
      if (*a == '\0')
        break;
      a++;
      b++;
    }
  return TRUE;
}

static gboolean
same_directions (const char *a,
                 const char *b)
{
  g_auto(GStrv) words_a = NULL;
  g_auto(GStrv) words_b = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  words_a = g_strsplit (a, " ", -1);
  words_b = g_strsplit (b, " ", -1);
  if (g_strv_length (words_a) != g_strv_length (words_b))
    return FALSE;
  for (guint i = 0; words_a[i] != NULL; i++)
    {
      if (!g_strv_contains ((const char * const *) words_b, words_a[i]))
        return FALSE;
    }
  return TRUE;
}

/* Share of @loa's street words found in @proof. */
static double
street_overlap (const char *loa_street,
                const char *proof_street)
{
  g_autofree char *loa = street_key (loa_street);
  g_autofree char *proof = street_key (proof_street);
  g_auto(GStrv) words_loa = NULL;
  g_auto(GStrv) words_proof = NULL;
  guint n = 0;
  guint found = 0;

  if (loa == NULL || proof == NULL)
    return 0;
  if (same_words (loa, proof))
    return 1;

  words_loa = g_strsplit (loa, " ", -1);
  words_proof = g_strsplit (proof, " ", -1);
  for (guint i = 0; words_loa[i] != NULL; i++)
    {
      /* The street type alone does not make two streets close. */
      if (porting_normalize_street_suffix (words_loa[i]) != NULL && words_loa[i + 1] == NULL && i > 0)
        continue;
      n++;
      for (guint j = 0; words_proof[j] != NULL; j++)
        {
          if (g_str_equal (words_proof[j], words_loa[i]) ||
              porting_normalize_near_words (words_proof[j], words_loa[i]))
            {
              found++;
              break;
            }
        }
    }

  return n > 0 ? (double) found / n : 0;
}

static void
add_difference (GPtrArray  *differences,
                const char *what,
                const char *loa,
                const char *proof)
{
  if (differences == NULL)
    return;

  /* TRANSLATORS: a part of an address, what the LOA says, what the proof says */
  g_ptr_array_add (differences, g_strdup_printf (_("%s: %s ≠ %s"), what,
                                                 loa != NULL ? loa : "—",
                                                 proof != NULL ? proof : "—"));
}

/* One designator for another: "#" for any; bureau is a suite, a local a
 * unit or a suite (DESIGN §3.4). */
static gboolean
same_designator (const char *a,
                 const char *b)
{
  static const char * const alike[][2] = {
    { "BUR", "STE" }, { "LOCAL", "UNIT" }, { "LOCAL", "STE" }, { "PIECE", "RM" },
  };

  if (g_str_equal (a, b) || g_str_equal (a, "#") || g_str_equal (b, "#"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (alike); i++)
    {
      if ((g_str_equal (a, alike[i][0]) && g_str_equal (b, alike[i][1])) ||
          (g_str_equal (a, alike[i][1]) && g_str_equal (b, alike[i][0])))
        return TRUE;
    }
  return FALSE;
}

/* Designators of one or more units ("BLDG STE"), one against the other. */
static gboolean
same_designators (const char *loa,
                  const char *proof)
{
  g_auto(GStrv) loa_words = NULL;
  g_auto(GStrv) proof_words = NULL;

  if (loa == NULL || proof == NULL)
    return TRUE;

  loa_words = g_strsplit (loa, " ", -1);
  proof_words = g_strsplit (proof, " ", -1);
  if (g_strv_length (loa_words) != g_strv_length (proof_words))
    return FALSE;
  for (guint i = 0; loa_words[i] != NULL; i++)
    {
      if (!same_designator (loa_words[i], proof_words[i]))
        return FALSE;
    }
  return TRUE;
}

static char *
unit_text (const PortingAddress *address,
           gboolean              with_designator)
{
  if (address->unit == NULL)
    return NULL;
  if (with_designator && address->unit_designator != NULL)
    return g_strdup_printf ("%s %s", address->unit_designator, address->unit);
  return g_strdup (address->unit);
}

static char *
postal_text (const char *postal_code)
{
  if (postal_code != NULL && strlen (postal_code) == 6)
    return g_strdup_printf ("%.3s %s", postal_code, postal_code + 3);
  return g_strdup (postal_code);
}

double
porting_address_compare (const PortingAddress *loa,
                         const PortingAddress *proof,
                         GPtrArray            *differences)
{
  double total = 0;
  double got = 0;

  g_return_val_if_fail (loa != NULL && proof != NULL, 0);

  if (loa->house_number != NULL || proof->house_number != NULL)
    {
      total += 3;
      if (g_strcmp0 (loa->house_number, proof->house_number) == 0)
        got += 3;
      else
        add_difference (differences, _("house number"), loa->house_number, proof->house_number);
    }

  if (loa->street != NULL || proof->street != NULL)
    {
      g_autofree char *loa_street = street_key (loa->street);
      g_autofree char *proof_street = street_key (proof->street);

      total += 3;
      if (same_words (loa_street, proof_street))
        got += 3;
      else
        {
          got += 2 * street_overlap (loa->street, proof->street);
          add_difference (differences, _("street"), loa_street, proof_street);
        }
    }

  if (loa->directional != NULL || proof->directional != NULL)
    {
      total += 1;
      if (same_directions (loa->directional, proof->directional))
        got += 1;
      else
        add_difference (differences, _("direction"), loa->directional, proof->directional);
    }

  if (loa->unit != NULL || proof->unit != NULL)
    {
      gboolean same_id = g_strcmp0 (loa->unit, proof->unit) == 0;
      gboolean same_designator = same_designators (loa->unit_designator, proof->unit_designator);

      total += 1.5;
      if (same_id && same_designator)
        got += 1.5;
      else
        {
          g_autofree char *loa_unit = unit_text (loa, !same_designator);
          g_autofree char *proof_unit = unit_text (proof, !same_designator);

          add_difference (differences, _("unit"), loa_unit, proof_unit);
        }
    }

  /* City, region and postal code count where the LOA gives them: a street
   * line alone is compared as a street line. */
  if (loa->city != NULL)
    {
      total += 1;
      if (same_words (loa->city, proof->city))
        got += 1;
      else
        add_difference (differences, _("city"), loa->city, proof->city);
    }

  /* A postal code implies its state or province: one left out is no difference. */
  if (loa->region != NULL && proof->region != NULL)
    {
      total += 1;
      if (g_strcmp0 (loa->region, proof->region) == 0)
        got += 1;
      else
        add_difference (differences, _("state/province"), loa->region, proof->region);
    }

  if (loa->postal_code != NULL)
    {
      total += 2;
      if (g_strcmp0 (loa->postal_code, proof->postal_code) == 0)
        got += 2;
      else
        {
          g_autofree char *loa_postal = postal_text (loa->postal_code);
          g_autofree char *proof_postal = postal_text (proof->postal_code);
          const char *postal = loa->postal_code ?: proof->postal_code;

          add_difference (differences, g_ascii_isdigit (postal[0]) ? _("ZIP code") : _("postal code"),
                          loa_postal, proof_postal);
        }
    }

  return total > 0 ? got / total : 0;
}

gboolean
porting_address_is_close (const PortingAddress *loa,
                          const PortingAddress *proof)
{
  double overlap;

  g_return_val_if_fail (loa != NULL && proof != NULL, FALSE);

  overlap = street_overlap (loa->street, proof->street);
  if (overlap >= 0.5)
    return TRUE;

  return loa->house_number != NULL && g_strcmp0 (loa->house_number, proof->house_number) == 0 &&
         (overlap > 0 ||
          (loa->postal_code != NULL && g_strcmp0 (loa->postal_code, proof->postal_code) == 0));
}
