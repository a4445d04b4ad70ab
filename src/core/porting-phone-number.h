/* porting-phone-number.h — telephone numbers: parse, classify, find in text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PORTING_NUMBER_TYPE_UNKNOWN,
  PORTING_NUMBER_TYPE_FIXED_LINE,
  PORTING_NUMBER_TYPE_MOBILE,
  PORTING_NUMBER_TYPE_FIXED_LINE_OR_MOBILE,
  PORTING_NUMBER_TYPE_TOLL_FREE,
  PORTING_NUMBER_TYPE_PREMIUM_RATE,
  PORTING_NUMBER_TYPE_SHARED_COST,
  PORTING_NUMBER_TYPE_VOIP,
  PORTING_NUMBER_TYPE_PERSONAL_NUMBER,
  PORTING_NUMBER_TYPE_PAGER,
  PORTING_NUMBER_TYPE_UAN,
  PORTING_NUMBER_TYPE_VOICEMAIL,
} PortingNumberType;

typedef struct
{
  char              *input;         /* as written */
  char              *e164;          /* "+15105550142"; NULL when it could not be parsed */
  char              *region;        /* ISO 3166 code ("US", "CA", "GB"); NULL when unknown */
  char              *country_name;  /* English name ("United Kingdom"); NULL when unknown */
  PortingNumberType  type;
  gboolean           valid;
  char              *reason;        /* a sentence for the customer when not valid; else NULL */
  gsize              start;         /* byte range of the number in the text it was found in */
  gsize              end;
} PortingPhoneNumber;

#define PORTING_TYPE_PHONE_NUMBER (porting_phone_number_get_type ())

GType               porting_phone_number_get_type       (void) G_GNUC_CONST;
PortingPhoneNumber *porting_phone_number_copy           (const PortingPhoneNumber *self);
void                porting_phone_number_free           (PortingPhoneNumber       *self);

/* Any written form: "(510) 555-0142", "510.555.0142", "+1 510 555 0142", "+44 20 7946 0958".
 * @default_region is used for numbers without a country code (NULL = "US"). Never NULL. */
PortingPhoneNumber *porting_phone_number_parse          (const char               *text,
                                                         const char               *default_region);
/* Every telephone number written in a running text (documents), in order: valid
 * numbers only, start/end in bytes. Account numbers, dates, ZIP+4 codes and amounts
 * are left alone. Thread-safe. The arrays returned here free their elements. */
GPtrArray          *porting_phone_number_find_all       (const char               *text,
                                                         const char               *default_region);
/* A pasted list: one per line, commas, semicolons, tabs (a spreadsheet column);
 * duplicates (same E.164) merged, first occurrence kept. */
GPtrArray          *porting_phone_number_parse_list     (const char               *text,
                                                         const char               *default_region);
gboolean            porting_phone_number_is_us_or_ca    (const PortingPhoneNumber *self);
/* "(510) 555-0142" for NANP numbers, international format otherwise. */
char               *porting_phone_number_format         (const PortingPhoneNumber *self);
/* "fixed-line", "mobile", "fixed-line-or-mobile", "toll-free", … */
const char         *porting_number_type_to_string       (PortingNumberType         type);
/* The inverse of porting_number_type_to_string(); UNKNOWN for anything else. */
PortingNumberType   porting_number_type_from_string     (const char               *string);
/* "Mobile", "Toll-free", … translated, for labels. */
const char         *porting_number_type_to_label        (PortingNumberType         type);

/* English name of an ISO 3166 region code ("CA" -> "Canada"); NULL when unknown. */
char               *porting_phone_number_country_name   (const char               *region);
/* The same in the user's language ("États-Unis" in French), for display. */
char               *porting_phone_number_country_display_name (const char         *region);
/* Sorted ISO codes of every region whose numbers can be parsed. */
GStrv               porting_phone_number_supported_regions (void);
/* The calling code of a region (1 for "US", 44 for "GB"); 0 when unknown. */
int                 porting_phone_number_country_code   (const char               *region);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingPhoneNumber, porting_phone_number_free)

/* How many numbers written in @text merged into others in @numbers, the list
 * parsed from it. */
guint               porting_numbers_count_merged        (const char               *text,
                                                         GPtrArray                *numbers);

/* NULL when @numbers (parsed with porting_phone_number_parse_list()) can be
 * sent: at least one, none invalid; else what to do, for the customer. */
char               *porting_numbers_dup_problem         (GPtrArray                *numbers);
/* The valid ones of @numbers in E.164, in order. */
GStrv               porting_numbers_dup_e164            (GPtrArray                *numbers);

G_END_DECLS
