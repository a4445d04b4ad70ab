/* porting-phone-number.c — telephone numbers: parse, classify, format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-phone-number"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-phone-number-private.h"
#include "porting-phone-utils.h"

G_DEFINE_BOXED_TYPE (PortingPhoneNumber, porting_phone_number,
                     porting_phone_number_copy, porting_phone_number_free)

PortingPhoneNumber *
porting_phone_number_copy (const PortingPhoneNumber *self)
{
  PortingPhoneNumber *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PortingPhoneNumber, 1);
  copy->input = g_strdup (self->input);
  copy->e164 = g_strdup (self->e164);
  copy->region = g_strdup (self->region);
  copy->country_name = g_strdup (self->country_name);
  copy->type = self->type;
  copy->valid = self->valid;
  copy->reason = g_strdup (self->reason);
  copy->start = self->start;
  copy->end = self->end;

  return copy;
}

void
porting_phone_number_free (PortingPhoneNumber *self)
{
  if (self == NULL)
    return;

  g_free (self->input);
  g_free (self->e164);
  g_free (self->region);
  g_free (self->country_name);
  g_free (self->reason);
  g_free (self);
}

char *
porting_phone_number_country_name (const char *region)
{
  return porting_phone_utils_country_name (region);
}

char *
porting_phone_number_country_display_name (const char *region)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *language = NULL;
  char *cut;

  /* "fr_CA.UTF-8@euro" → "fr_CA"; "C" and "POSIX" mean English. */
  if (languages[0] == NULL || g_str_equal (languages[0], "C") || g_str_equal (languages[0], "POSIX"))
    return porting_phone_utils_country_name (region);

  language = g_strdup (languages[0]);
  if ((cut = strpbrk (language, ".@")) != NULL)
    *cut = '\0';
  if (g_str_equal (language, "C"))
    return porting_phone_utils_country_name (region);

  return porting_phone_utils_country_name_in (region, language);
}

GStrv
porting_phone_number_supported_regions (void)
{
  return porting_phone_utils_supported_regions ();
}

int
porting_phone_number_country_code (const char *region)
{
  return porting_phone_utils_country_code (region);
}

static char *
not_valid_reason (const char *region)
{
  g_autofree char *country_name = NULL;

  /* Whole sentences for the usual countries read better, and translate better,
   * than a name pasted into a sentence. */
  if (g_strcmp0 (region, "US") == 0)
    return g_strdup (_("Not a valid number in the United States"));
  if (g_strcmp0 (region, "CA") == 0)
    return g_strdup (_("Not a valid number in Canada"));
  if (g_strcmp0 (region, "GB") == 0)
    return g_strdup (_("Not a valid number in the United Kingdom"));

  country_name = porting_phone_utils_country_name (region);
  if (country_name == NULL)
    return g_strdup (_("Not a valid telephone number"));

  /* Translators: %s is a country name, e.g. "France" */
  return g_strdup_printf (_("Not a valid number in %s"), country_name);
}

static char *
reason_for_status (PortingPhoneStatus  status,
                   const char         *region)
{
  switch (status)
    {
    case PORTING_PHONE_STATUS_VALID:
      return NULL;
    case PORTING_PHONE_STATUS_EMPTY:
      return g_strdup (_("Enter a telephone number"));
    case PORTING_PHONE_STATUS_INVALID_COUNTRY_CODE:
      return g_strdup (_("This country code does not exist"));
    case PORTING_PHONE_STATUS_NEEDS_COUNTRY_CODE:
      return g_strdup (_("Add the country code, starting with +"));
    case PORTING_PHONE_STATUS_TOO_SHORT:
      return g_strdup (_("This number has too few digits"));
    case PORTING_PHONE_STATUS_TOO_LONG:
      return g_strdup (_("This number has too many digits"));
    case PORTING_PHONE_STATUS_INVALID_LENGTH:
      return g_strdup (_("This number does not have the right number of digits"));
    case PORTING_PHONE_STATUS_NOT_VALID:
      return not_valid_reason (region);
    case PORTING_PHONE_STATUS_NOT_A_NUMBER:
    default:
      return g_strdup (_("Not a telephone number"));
    }
}

PortingPhoneNumber *
_porting_phone_number_new_parsed (const char *input,
                                  gsize       input_length,
                                  gsize       start,
                                  const char *default_region)
{
  PortingPhoneNumber *self = g_new0 (PortingPhoneNumber, 1);
  PortingPhoneParseResult result;

  self->input = g_strndup (input, input_length);
  self->start = start;
  self->end = start + input_length;

  porting_phone_utils_parse (self->input, default_region, &result);

  self->e164 = g_steal_pointer (&result.e164);
  self->region = g_steal_pointer (&result.region);
  self->type = result.type;
  self->valid = result.status == PORTING_PHONE_STATUS_VALID;
  self->reason = reason_for_status (result.status, self->region);
  self->country_name = porting_phone_utils_country_name (self->region);

  porting_phone_utils_parse_result_clear (&result);

  return self;
}

PortingPhoneNumber *
porting_phone_number_parse (const char *text,
                            const char *default_region)
{
  const char *start;
  const char *end;

  if (text == NULL)
    text = "";

  start = text;
  while (g_ascii_isspace (*start))
    start++;

  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  return _porting_phone_number_new_parsed (start, end - start, start - text, default_region);
}

gboolean
porting_phone_number_is_us_or_ca (const PortingPhoneNumber *self)
{
  /* US territories are US numbers for porting: the FCC's number portability rules
   * apply there too. */
  static const char * const regions[] = { "US", "CA", "PR", "VI", "GU", "AS", "MP" };

  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->valid || self->region == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (strcmp (self->region, regions[i]) == 0)
      return TRUE;

  return FALSE;
}

char *
porting_phone_number_format (const PortingPhoneNumber *self)
{
  char *formatted;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->e164 == NULL)
    return g_strdup (self->input != NULL ? self->input : "");

  formatted = porting_phone_utils_format (self->e164, g_str_has_prefix (self->e164, "+1"));
  if (formatted == NULL)
    return g_strdup (self->e164);

  return formatted;
}

static const struct
{
  PortingNumberType  type;
  const char        *string;
  const char        *label;
} number_types[] = {
  { PORTING_NUMBER_TYPE_UNKNOWN,              "unknown",              N_("Unknown") },
  { PORTING_NUMBER_TYPE_FIXED_LINE,           "fixed-line",           N_("Landline") },
  { PORTING_NUMBER_TYPE_MOBILE,               "mobile",               N_("Mobile") },
  { PORTING_NUMBER_TYPE_FIXED_LINE_OR_MOBILE, "fixed-line-or-mobile", N_("Landline or mobile") },
  { PORTING_NUMBER_TYPE_TOLL_FREE,            "toll-free",            N_("Toll-free") },
  { PORTING_NUMBER_TYPE_PREMIUM_RATE,         "premium-rate",         N_("Premium rate") },
  { PORTING_NUMBER_TYPE_SHARED_COST,          "shared-cost",          N_("Shared cost") },
  { PORTING_NUMBER_TYPE_VOIP,                 "voip",                 N_("VoIP") },
  { PORTING_NUMBER_TYPE_PERSONAL_NUMBER,      "personal-number",      N_("Personal number") },
  { PORTING_NUMBER_TYPE_PAGER,                "pager",                N_("Pager") },
  { PORTING_NUMBER_TYPE_UAN,                  "uan",                  N_("Universal access number") },
  { PORTING_NUMBER_TYPE_VOICEMAIL,            "voicemail",            N_("Voicemail") },
};

const char *
porting_number_type_to_string (PortingNumberType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_types); i++)
    if (number_types[i].type == type)
      return number_types[i].string;

  return "unknown";
}

PortingNumberType
porting_number_type_from_string (const char *string)
{
  if (string == NULL)
    return PORTING_NUMBER_TYPE_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (number_types); i++)
    if (strcmp (number_types[i].string, string) == 0)
      return number_types[i].type;

  return PORTING_NUMBER_TYPE_UNKNOWN;
}

const char *
porting_number_type_to_label (PortingNumberType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_types); i++)
    if (number_types[i].type == type)
      return _(number_types[i].label);

  return _("Unknown");
}
