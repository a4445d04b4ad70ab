/* porting-phone-number-list.c — what a pasted list of numbers says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-phone-number"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-phone-number.h"
#include "porting-text.h"

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
