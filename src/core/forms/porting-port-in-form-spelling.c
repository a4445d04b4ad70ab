/* porting-port-in-form-spelling.c — the LOA written the way the bill writes the name and address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Carriers (and Twilio's own API) want the losing carrier's exact spelling:
 * when the check finds the bill writes the account holder's name or the
 * service address differently, the LOA filled in here can take the bill's
 * text. It is then written again, and signed again.
 */

#define G_LOG_DOMAIN "porting-port-in-form"

#include "config.h"

#include <string.h>

#include "porting-address.h"
#include "porting-normalize.h"
#include "porting-port-in-form-private.h"

/* Line breaks and runs of spaces as one space; no blanks around. */
static char *
dup_one_line (const char *text,
              gsize       length)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (gsize i = 0; i < length && text[i] != '\0'; i++)
    {
      char c = g_ascii_isspace (text[i]) ? ' ' : text[i];

      if (c == ' ' && (line->len == 0 || line->str[line->len - 1] == ' '))
        continue;
      g_string_append_c (line, c);
    }
  while (line->len > 0 && (line->str[line->len - 1] == ' ' || line->str[line->len - 1] == ','))
    g_string_truncate (line, line->len - 1);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* Whether the bill writes other words: case, spaces and punctuation
 * ("LLC." for "LLC") are no other spelling; "BLVD" for "Boulevard" is. */
static gboolean
same_words (const char *a,
            const char *b)
{
  g_autoptr(GArray) a_tokens = porting_normalize_tokenize (a, -1, 0);
  g_autoptr(GArray) b_tokens = porting_normalize_tokenize (b, -1, 0);

  if (a_tokens->len != b_tokens->len)
    return FALSE;
  for (guint i = 0; i < a_tokens->len; i++)
    if (g_strcmp0 (g_array_index (a_tokens, PortingToken, i).folded, g_array_index (b_tokens, PortingToken, i).folded) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
differs (const PortingFieldResult *result)
{
  if (result == NULL || result->proof_text == NULL || result->loa_text == NULL)
    return FALSE;
  if (result->status != PORTING_FIELD_STATUS_MISMATCH && result->status != PORTING_FIELD_STATUS_EQUIVALENT)
    return FALSE;
  return !same_words (result->loa_text, result->proof_text);
}

static const PortingFieldResult *
get_field (PortingPortInForm *self,
           PortingField       field)
{
  return self->check_result != NULL ? porting_check_result_get_field (self->check_result, field) : NULL;
}

gboolean
porting_port_in_form_can_use_proof_spelling (PortingPortInForm *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), FALSE);

  /* An imported LOA is the customer's document: not ours to write again. */
  if (self->import_loa || self->generated_loa == NULL)
    return FALSE;
  return differs (get_field (self, PORTING_FIELD_NAME)) || differs (get_field (self, PORTING_FIELD_ADDRESS));
}

/* The bill's address in the LOA's fields: the street line split at its unit
 * designator ("1200 HARBOR BLVD" / "STE 400"), the city without the region
 * and postal code that follow it. */
static gboolean
split_address (const char  *text,
               char       **street,
               char       **unit,
               char       **city,
               char       **region,
               char       **postal_code)
{
  g_autoptr(GArray) tokens = porting_normalize_tokenize (text, -1, 0);
  g_autoptr(PortingAddress) address = porting_address_parse_tokens (tokens, 0, tokens->len);
  guint unit_start = address->street_end;
  guint city_end = address->city_end;

  if (address->house_number == NULL || address->street == NULL || address->street_end <= address->street_start)
    return FALSE;

  for (guint i = 0; i < tokens->len; i++)
    {
      const PortingToken *token = &g_array_index (tokens, PortingToken, i);

      if (token->start < address->street_start || token->end > address->street_end)
        continue;
      /* The first designator after the house number: "STE", "Suite", "#". */
      if (address->unit != NULL && token->start > address->street_start &&
          porting_normalize_unit_designator (token->folded) != NULL)
        {
          unit_start = token->start;
          break;
        }
    }

  for (guint i = 0; address->city != NULL && i < tokens->len; i++)
    {
      const PortingToken *token = &g_array_index (tokens, PortingToken, i);

      if (token->start < address->city_start || token->end > address->city_end)
        continue;
      /* Where the region (its code or its name) or the postal code begins. */
      if (token->start > address->city_start &&
          ((address->region != NULL && g_strcmp0 (porting_normalize_region (token->folded), address->region) == 0) ||
           (address->postal_code != NULL && g_str_has_prefix (address->postal_code, token->folded))))
        {
          city_end = token->start;
          break;
        }
    }

  *street = dup_one_line (text + address->street_start, unit_start - address->street_start);
  *unit = unit_start < address->street_end
          ? dup_one_line (text + unit_start, address->street_end - unit_start) : g_strdup ("");
  *city = address->city != NULL && city_end > address->city_start
          ? dup_one_line (text + address->city_start, city_end - address->city_start) : NULL;
  *region = g_strdup (address->region);
  *postal_code = NULL;
  if (address->postal_code != NULL && strlen (address->postal_code) == 6 && g_ascii_isalpha (address->postal_code[0]))
    *postal_code = g_strdup_printf ("%.3s %s", address->postal_code, address->postal_code + 3);
  else if (address->postal_code != NULL && address->zip4 != NULL)
    *postal_code = g_strdup_printf ("%s-%s", address->postal_code, address->zip4);
  else
    *postal_code = g_strdup (address->postal_code);
  return TRUE;
}

gboolean
porting_port_in_form_use_proof_spelling (PortingPortInForm *self)
{
  g_autoptr(PortingCheckResult) result = NULL;
  const PortingFieldResult *name;
  const PortingFieldResult *address;
  gboolean changed = FALSE;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), FALSE);

  if (!porting_port_in_form_can_use_proof_spelling (self))
    return FALSE;

  /* The result goes when the fields change: keep what it found. */
  result = g_object_ref (self->check_result);
  name = porting_check_result_get_field (result, PORTING_FIELD_NAME);
  address = porting_check_result_get_field (result, PORTING_FIELD_ADDRESS);
  g_object_freeze_notify (G_OBJECT (self));

  if (differs (name))
    {
      g_autofree char *text = dup_one_line (name->proof_text, strlen (name->proof_text));

      g_object_set (self, "customer-name", text, NULL);
      changed = TRUE;
    }

  if (differs (address))
    {
      g_autofree char *street = NULL;
      g_autofree char *unit = NULL;
      g_autofree char *city = NULL;
      g_autofree char *region = NULL;
      g_autofree char *postal_code = NULL;

      if (split_address (address->proof_text, &street, &unit, &city, &region, &postal_code))
        {
          g_object_set (self, "street", street, "unit", unit, NULL);
          if (city != NULL)
            g_object_set (self, "city", city, NULL);
          if (region != NULL)
            g_object_set (self, "region", region, NULL);
          if (postal_code != NULL)
            g_object_set (self, "postal-code", postal_code, NULL);
          changed = TRUE;
        }
    }

  if (changed)
    {
      /* Another LOA: written again from the fields, and signed again. */
      porting_port_in_form_set_signature (self, NULL);
      g_object_set (self,
                    "typed-signature", "",
                    "generated-loa", NULL,
                    "checking", FALSE,
                    "check-result", NULL,
                    NULL);
    }

  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}
