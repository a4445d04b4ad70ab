/* porting-phone-number-list.c — what a pasted list of numbers says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-phone-number"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-phone-number-private.h"
#include "porting-text.h"

static gboolean
is_list_separator (char c)
{
  return c == '\n' || c == '\r' || c == ',' || c == ';' || c == '\t';
}

static void
add_unless_duplicate (GPtrArray          *numbers,
                      GHashTable         *seen,
                      PortingPhoneNumber *number)
{
  char *key;

  if (number->e164 != NULL)
    key = g_strconcat ("e164:", number->e164, NULL);
  else
    key = g_strconcat ("text:", number->input, NULL);

  if (g_hash_table_contains (seen, key))
    {
      g_free (key);
      porting_phone_number_free (number);
      return;
    }

  g_hash_table_add (seen, key);
  g_ptr_array_add (numbers, number);
}

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;

  return FALSE;
}

GPtrArray *
porting_phone_number_parse_list (const char *text,
                                 const char *default_region)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_phone_number_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p;

  if (text == NULL)
    return g_steal_pointer (&numbers);

  p = text;
  while (*p != '\0')
    {
      const char *item_start = p;
      const char *item_end;
      g_autoptr(PortingPhoneNumber) number = NULL;

      while (*p != '\0' && !is_list_separator (*p))
        p++;
      item_end = p;
      if (*p != '\0')
        p++;

      while (item_start < item_end && g_ascii_isspace (*item_start))
        item_start++;
      while (item_end > item_start && g_ascii_isspace (item_end[-1]))
        item_end--;
      if (item_start == item_end)
        continue;

      number = _porting_phone_number_new_parsed (item_start, item_end - item_start,
                                                 item_start - text, default_region);

      if (!number->valid || has_letters (number->input))
        {
          /* "Main line: 510-555-0142" or two numbers on one line: look inside. A valid
           * vanity number ("1-800-FLOWERS") is found by nothing else, so it stays. */
          g_autoptr(GPtrArray) inside = porting_phone_number_find_all (number->input, default_region);

          if (inside->len > 1 ||
              (inside->len == 1 &&
               (!number->valid ||
                g_strcmp0 (((PortingPhoneNumber *) g_ptr_array_index (inside, 0))->e164, number->e164) == 0)))
            {
              for (guint i = 0; i < inside->len; i++)
                {
                  PortingPhoneNumber *found = g_ptr_array_index (inside, i);

                  found->start += item_start - text;
                  found->end += item_start - text;
                  add_unless_duplicate (numbers, seen, porting_phone_number_copy (found));
                }
              continue;
            }
        }

      add_unless_duplicate (numbers, seen, g_steal_pointer (&number));
    }

  return g_steal_pointer (&numbers);
}

guint
porting_numbers_count_merged (const char *text,
                              GPtrArray  *numbers)
{
  g_auto(GStrv) pieces = NULL;
  guint n_items = 0;

  g_return_val_if_fail (numbers != NULL, 0);

  /* Each piece parsed on its own, so that only merges across pieces count
   * as duplicates. */
  pieces = g_strsplit_set (text != NULL ? text : "", "\n\r,;\t", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      if (!porting_text_is_blank (pieces[i]))
        {
          g_autoptr(GPtrArray) piece_numbers = porting_phone_number_parse_list (pieces[i], NULL);
          n_items += piece_numbers->len;
        }
    }

  return n_items - MIN (n_items, numbers->len);
}

char *
porting_numbers_dup_problem (GPtrArray *numbers)
{
  guint n_valid = 0, n_invalid = 0;

  g_return_val_if_fail (numbers != NULL, NULL);

  for (guint i = 0; i < numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (number->valid)
        n_valid++;
      else
        n_invalid++;
    }

  if (n_invalid > 0)
    return g_strdup_printf (ngettext ("Fix or remove the %u number marked invalid.",
                                      "Fix or remove the %u numbers marked invalid.",
                                      n_invalid),
                            n_invalid);
  if (n_valid == 0)
    return g_strdup (_("Add at least one telephone number."));

  return NULL;
}

GStrv
porting_numbers_dup_e164 (GPtrArray *numbers)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (numbers != NULL, NULL);

  for (guint i = 0; i < numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (number->valid && number->e164 != NULL)
        g_strv_builder_add (builder, number->e164);
    }

  return g_strv_builder_end (builder);
}
