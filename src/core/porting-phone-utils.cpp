/* porting-phone-utils.cpp — libphonenumber behind a plain-C API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-phone-utils"

#include "config.h"

#include <cstring>
#include <set>
#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "porting-phone-utils.h"

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

/* No C++ exception may cross into C: every entry point catches everything and
 * answers as if the input were unusable. */

/* Enough for any real run of numbers in a window the caller hands us. */
#define MAX_MATCHER_TRIES 64

static PhoneNumberUtil *
get_util (void)
{
  return PhoneNumberUtil::GetInstance ();
}

static bool
region_is_supported (const PhoneNumberUtil *util,
                     const std::string     &region)
{
  /* Built once (thread-safe static initialisation): asking libphonenumber builds a
   * new set of some 250 strings every time. */
  static const std::set<std::string> regions = [util] () {
    std::set<std::string> supported;

    util->GetSupportedRegions (&supported);
    return supported;
  } ();

  return regions.count (region) > 0;
}

/* An upper-cased known region, "ZZ" (unknown: only "+" numbers parse) otherwise. */
static std::string
normalize_region (const PhoneNumberUtil *util,
                  const char            *region)
{
  std::string code;

  if (region == NULL)
    return "US";

  for (const char *p = region; *p; p++)
    code += g_ascii_toupper (*p);

  if (!region_is_supported (util, code))
    return "ZZ";

  return code;
}

static PortingNumberType
map_type (PhoneNumberUtil::PhoneNumberType type)
{
  switch (type)
    {
    case PhoneNumberUtil::FIXED_LINE:           return PORTING_NUMBER_TYPE_FIXED_LINE;
    case PhoneNumberUtil::MOBILE:               return PORTING_NUMBER_TYPE_MOBILE;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return PORTING_NUMBER_TYPE_FIXED_LINE_OR_MOBILE;
    case PhoneNumberUtil::TOLL_FREE:            return PORTING_NUMBER_TYPE_TOLL_FREE;
    case PhoneNumberUtil::PREMIUM_RATE:         return PORTING_NUMBER_TYPE_PREMIUM_RATE;
    case PhoneNumberUtil::SHARED_COST:          return PORTING_NUMBER_TYPE_SHARED_COST;
    case PhoneNumberUtil::VOIP:                 return PORTING_NUMBER_TYPE_VOIP;
    case PhoneNumberUtil::PERSONAL_NUMBER:      return PORTING_NUMBER_TYPE_PERSONAL_NUMBER;
    case PhoneNumberUtil::PAGER:                return PORTING_NUMBER_TYPE_PAGER;
    case PhoneNumberUtil::UAN:                  return PORTING_NUMBER_TYPE_UAN;
    case PhoneNumberUtil::VOICEMAIL:            return PORTING_NUMBER_TYPE_VOICEMAIL;
    case PhoneNumberUtil::UNKNOWN:
    default:                                    return PORTING_NUMBER_TYPE_UNKNOWN;
    }
}

static char *
region_or_null (const std::string &region)
{
  if (region.empty () || region == "ZZ" || region == "001")
    return NULL;

  return g_strdup (region.c_str ());
}

/* For a number that is not valid: the region it was meant for, as far as one can tell. */
static char *
guess_region (const PhoneNumberUtil *util,
              const PhoneNumber     &number,
              const std::string     &default_region)
{
  std::string region;

  if (default_region != "ZZ" &&
      util->GetCountryCodeForRegion (default_region) == number.country_code ())
    return g_strdup (default_region.c_str ());

  util->GetRegionCodeForCountryCode (number.country_code (), &region);
  return region_or_null (region);
}

static PortingPhoneStatus
status_for_error (PhoneNumberUtil::ErrorType  error,
                  const char                 *text,
                  const std::string          &region)
{
  switch (error)
    {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      if (region == "ZZ" && strchr (text, '+') == NULL)
        return PORTING_PHONE_STATUS_NEEDS_COUNTRY_CODE;
      return PORTING_PHONE_STATUS_INVALID_COUNTRY_CODE;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
      return PORTING_PHONE_STATUS_TOO_SHORT;
    case PhoneNumberUtil::TOO_LONG_NSN:
      return PORTING_PHONE_STATUS_TOO_LONG;
    case PhoneNumberUtil::NOT_A_NUMBER:
    case PhoneNumberUtil::NO_PARSING_ERROR:
    default:
      return PORTING_PHONE_STATUS_NOT_A_NUMBER;
    }
}

static PortingPhoneStatus
status_for_invalid (const PhoneNumberUtil *util,
                    const PhoneNumber     &number)
{
  switch (util->IsPossibleNumberWithReason (number))
    {
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
    case PhoneNumberUtil::TOO_SHORT:
      return PORTING_PHONE_STATUS_TOO_SHORT;
    case PhoneNumberUtil::TOO_LONG:
      return PORTING_PHONE_STATUS_TOO_LONG;
    case PhoneNumberUtil::INVALID_LENGTH:
      return PORTING_PHONE_STATUS_INVALID_LENGTH;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
      return PORTING_PHONE_STATUS_INVALID_COUNTRY_CODE;
    case PhoneNumberUtil::IS_POSSIBLE:
    default:
      return PORTING_PHONE_STATUS_NOT_VALID;
    }
}

static void
parse_internal (const char              *text,
                const char              *default_region,
                PortingPhoneParseResult *result)
{
  const PhoneNumberUtil *util = get_util ();
  std::string region = normalize_region (util, default_region);
  std::string e164;
  std::string number_region;
  PhoneNumber number;
  PhoneNumberUtil::ErrorType error;

  error = util->Parse (text, region, &number);
  if (error != PhoneNumberUtil::NO_PARSING_ERROR)
    {
      result->status = status_for_error (error, text, region);
      return;
    }

  util->Format (number, PhoneNumberUtil::E164, &e164);
  result->e164 = g_strdup (e164.c_str ());

  if (!util->IsValidNumber (number))
    {
      result->status = status_for_invalid (util, number);
      result->region = guess_region (util, number, region);
      return;
    }

  util->GetRegionCodeForNumber (number, &number_region);
  result->status = PORTING_PHONE_STATUS_VALID;
  result->region = region_or_null (number_region);
  result->type = map_type (util->GetNumberType (number));
}

extern "C" void
porting_phone_utils_parse (const char              *text,
                           const char              *default_region,
                           PortingPhoneParseResult *result)
{
  g_return_if_fail (result != NULL);

  result->status = PORTING_PHONE_STATUS_EMPTY;
  result->e164 = NULL;
  result->region = NULL;
  result->type = PORTING_NUMBER_TYPE_UNKNOWN;

  if (text == NULL)
    return;

  for (const char *p = text; *p; p++)
    {
      if (!g_ascii_isspace (*p))
        {
          result->status = PORTING_PHONE_STATUS_NOT_A_NUMBER;
          break;
        }
    }

  if (result->status == PORTING_PHONE_STATUS_EMPTY)
    return;

  try
    {
      parse_internal (text, default_region, result);
    }
  catch (...)
    {
      porting_phone_utils_parse_result_clear (result);
      result->status = PORTING_PHONE_STATUS_NOT_A_NUMBER;
    }
}

extern "C" void
porting_phone_utils_parse_result_clear (PortingPhoneParseResult *result)
{
  g_clear_pointer (&result->e164, g_free);
  g_clear_pointer (&result->region, g_free);
  result->type = PORTING_NUMBER_TYPE_UNKNOWN;
}

extern "C" guint
porting_phone_utils_find (const char            *text,
                          gsize                  length,
                          const char            *default_region,
                          PortingPhoneFoundFunc  func,
                          gpointer               user_data)
{
  guint n_found = 0;

  g_return_val_if_fail (func != NULL, 0);

  if (text == NULL || length == 0)
    return 0;

  try
    {
      const PhoneNumberUtil *util = get_util ();
      std::string region = normalize_region (util, default_region);
      std::string window (text, length);
      PhoneNumberMatcher matcher (*util, window, region,
                                  PhoneNumberMatcher::STRICT_GROUPING,
                                  MAX_MATCHER_TRIES);

      while (matcher.HasNext ())
        {
          PhoneNumberMatch match;
          std::string e164;
          std::string number_region;
          g_autofree char *region_code = NULL;

          if (!matcher.Next (&match))
            break;

          util->Format (match.number (), PhoneNumberUtil::E164, &e164);
          util->GetRegionCodeForNumber (match.number (), &number_region);
          region_code = region_or_null (number_region);

          func (match.raw_string ().c_str (),
                match.start (),
                match.end (),
                e164.c_str (),
                region_code,
                map_type (util->GetNumberType (match.number ())),
                user_data);
          n_found++;
        }
    }
  catch (...)
    {
      g_debug ("Phone number matcher failed on a window of %" G_GSIZE_FORMAT " bytes", length);
    }

  return n_found;
}

extern "C" char *
porting_phone_utils_format (const char *e164,
                            gboolean    national)
{
  if (e164 == NULL || *e164 == '\0')
    return NULL;

  try
    {
      const PhoneNumberUtil *util = get_util ();
      PhoneNumber number;
      std::string formatted;

      if (util->Parse (e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return NULL;

      util->Format (number,
                    national ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL,
                    &formatted);
      return g_strdup (formatted.c_str ());
    }
  catch (...)
    {
      return NULL;
    }
}

extern "C" char *
porting_phone_utils_country_name (const char *region)
{
  return porting_phone_utils_country_name_in (region, NULL);
}

extern "C" char *
porting_phone_utils_country_name_in (const char *region,
                                     const char *language)
{
  if (region == NULL || strlen (region) != 2 ||
      !g_ascii_isalpha (region[0]) || !g_ascii_isalpha (region[1]))
    return NULL;

  try
    {
      char code[3] = { g_ascii_toupper (region[0]), g_ascii_toupper (region[1]), '\0' };
      icu::Locale locale ("", code);
      icu::Locale display_locale = language != NULL ? icu::Locale (language) : icu::Locale::getEnglish ();
      icu::UnicodeString display;
      std::string name;

      if (display_locale.isBogus ())
        display_locale = icu::Locale::getEnglish ();

      locale.getDisplayCountry (display_locale, display);
      display.toUTF8String (name);

      /* ICU echoes the code back when it has no name for it. */
      if (name.empty () || name == code)
        return NULL;

      return g_strdup (name.c_str ());
    }
  catch (...)
    {
      return NULL;
    }
}

extern "C" gboolean
porting_phone_utils_is_supported_region (const char *region)
{
  if (region == NULL)
    return FALSE;

  try
    {
      const PhoneNumberUtil *util = get_util ();

      return normalize_region (util, region) != "ZZ";
    }
  catch (...)
    {
      return FALSE;
    }
}

extern "C" int
porting_phone_utils_country_code (const char *region)
{
  if (region == NULL)
    return 0;

  try
    {
      const PhoneNumberUtil *util = get_util ();
      std::string code = normalize_region (util, region);

      if (code == "ZZ")
        return 0;

      return util->GetCountryCodeForRegion (code);
    }
  catch (...)
    {
      return 0;
    }
}

extern "C" GStrv
porting_phone_utils_supported_regions (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  try
    {
      std::set<std::string> regions;

      get_util ()->GetSupportedRegions (&regions);
      for (const std::string &region : regions)
        g_strv_builder_add (builder, region.c_str ());
    }
  catch (...)
    {
      g_debug ("Could not list the supported regions");
    }

  return g_strv_builder_end (builder);
}
