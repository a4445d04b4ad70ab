/* porting-phone-utils.h — the plain-C face of libphonenumber (private to libporting)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "porting-phone-number.h"

G_BEGIN_DECLS

typedef enum
{
  PORTING_PHONE_STATUS_VALID,
  PORTING_PHONE_STATUS_EMPTY,
  PORTING_PHONE_STATUS_NOT_A_NUMBER,
  PORTING_PHONE_STATUS_INVALID_COUNTRY_CODE,
  PORTING_PHONE_STATUS_NEEDS_COUNTRY_CODE,   /* no "+" and no usable default region */
  PORTING_PHONE_STATUS_TOO_SHORT,
  PORTING_PHONE_STATUS_TOO_LONG,
  PORTING_PHONE_STATUS_INVALID_LENGTH,        /* between two valid lengths */
  PORTING_PHONE_STATUS_NOT_VALID,             /* right length, but no such number there */
} PortingPhoneStatus;

typedef struct
{
  PortingPhoneStatus  status;
  char               *e164;    /* set whenever the text could be parsed */
  char               *region;  /* region of a valid number, else best guess from the country code */
  PortingNumberType   type;
} PortingPhoneParseResult;

typedef void (*PortingPhoneFoundFunc) (const char        *raw,
                                       gsize              start,
                                       gsize              end,
                                       const char        *e164,
                                       const char        *region,
                                       PortingNumberType  type,
                                       gpointer           user_data);

void      porting_phone_utils_parse                (const char              *text,
                                                    const char              *default_region,
                                                    PortingPhoneParseResult *result);
void      porting_phone_utils_parse_result_clear   (PortingPhoneParseResult *result);
/* Runs libphonenumber's matcher (strict grouping) over @text[0..length), which must be
 * valid UTF-8; offsets given to @func are bytes from @text. Returns the number of matches. */
guint     porting_phone_utils_find                 (const char              *text,
                                                    gsize                    length,
                                                    const char              *default_region,
                                                    PortingPhoneFoundFunc    func,
                                                    gpointer                 user_data);
/* @national: "(510) 555-0142"; else "+1 510-555-0142". NULL when @e164 does not parse. */
char     *porting_phone_utils_format               (const char              *e164,
                                                    gboolean                 national);
/* English name of an ISO 3166 region ("GB" -> "United Kingdom"), NULL when unknown. */
char     *porting_phone_utils_country_name         (const char              *region);
/* The same in @language ("fr_CA"; NULL = English). */
char     *porting_phone_utils_country_name_in      (const char              *region,
                                                    const char              *language);
gboolean  porting_phone_utils_is_supported_region  (const char              *region);
/* 1 for "US", 44 for "GB"; 0 for an unknown region. */
int       porting_phone_utils_country_code         (const char              *region);
/* Sorted ISO codes of every region libphonenumber knows. */
GStrv     porting_phone_utils_supported_regions    (void);

G_END_DECLS
