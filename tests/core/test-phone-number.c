/* test-phone-number.c — parsing, classifying and finding telephone numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <poppler.h>
#include <string.h>

#include "porting-phone-number.h"
#include "porting-phone-utils.h"

static void
assert_parses_to (const char *text,
                  const char *region,
                  const char *e164)
{
  g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (text, region);

  g_test_message ("parsing \"%s\"", text);
  g_assert_nonnull (number);
  g_assert_cmpstr (number->e164, ==, e164);
  g_assert_true (number->valid);
  g_assert_null (number->reason);
}

static void
test_parse_written_forms (void)
{
  static const char * const forms[] = {
    "(510) 555-0142",
    "510-555-0142",
    "510.555.0142",
    "510 555 0142",
    "5105550142",
    "+1 510 555 0142",
    "+1 (510) 555-0142",
    "+1-510-555-0142",
    "1-510-555-0142",
    "1 (510) 555-0142",
    "+15105550142",
    "(510)555-0142",
    "510\xe2\x80\x93" "555\xe2\x80\x93" "0142",  /* en dashes */
    "Tel: 510-555-0142",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    assert_parses_to (forms[i], NULL, "+15105550142");
}

static void
test_parse_trims_and_keeps_offsets (void)
{
  g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse ("  \t(510) 555-0142 \n", "US");

  g_assert_true (number->valid);
  g_assert_cmpstr (number->input, ==, "(510) 555-0142");
  g_assert_cmpuint (number->start, ==, 3);
  g_assert_cmpuint (number->end, ==, 17);
  g_assert_cmpstr (number->region, ==, "US");
  g_assert_cmpstr (number->country_name, ==, "United States");
}

static void
test_parse_regions (void)
{
  g_autoptr(PortingPhoneNumber) montreal = porting_phone_number_parse ("514-555-0198", NULL);
  g_autoptr(PortingPhoneNumber) toronto = porting_phone_number_parse ("(416) 555-0111", "US");
  g_autoptr(PortingPhoneNumber) london = porting_phone_number_parse ("+44 20 7946 0958", NULL);
  g_autoptr(PortingPhoneNumber) london_national = porting_phone_number_parse ("020 7946 0958", "GB");
  g_autoptr(PortingPhoneNumber) london_lowercase = porting_phone_number_parse ("020 7946 0958", "gb");
  g_autoptr(PortingPhoneNumber) paris = porting_phone_number_parse ("+33 1 42 68 53 00", "US");
  g_autoptr(PortingPhoneNumber) from_canada = porting_phone_number_parse ("510-555-0142", "CA");

  g_assert_cmpstr (montreal->e164, ==, "+15145550198");
  g_assert_cmpstr (montreal->region, ==, "CA");
  g_assert_cmpstr (montreal->country_name, ==, "Canada");
  g_assert_true (porting_phone_number_is_us_or_ca (montreal));

  g_assert_cmpstr (toronto->region, ==, "CA");

  g_assert_cmpstr (london->e164, ==, "+442079460958");
  g_assert_cmpstr (london->region, ==, "GB");
  g_assert_cmpstr (london->country_name, ==, "United Kingdom");
  g_assert_cmpint (london->type, ==, PORTING_NUMBER_TYPE_FIXED_LINE);
  g_assert_false (porting_phone_number_is_us_or_ca (london));

  g_assert_cmpstr (london_national->e164, ==, "+442079460958");
  g_assert_cmpstr (london_lowercase->e164, ==, "+442079460958");

  g_assert_cmpstr (paris->e164, ==, "+33142685300");
  g_assert_cmpstr (paris->region, ==, "FR");
  g_assert_cmpstr (paris->country_name, ==, "France");

  /* NANP numbers dialled from Canada land in the US all the same. */
  g_assert_cmpstr (from_canada->e164, ==, "+15105550142");
  g_assert_cmpstr (from_canada->region, ==, "US");
}

static void
test_parse_types (void)
{
  static const struct {
    const char *text;
    const char *region;
    PortingNumberType type;
  } cases[] = {
    { "800-555-0199",       "US", PORTING_NUMBER_TYPE_TOLL_FREE },
    { "1 (888) 555-0123",   "US", PORTING_NUMBER_TYPE_TOLL_FREE },
    { "+1 877 555 0100",    NULL, PORTING_NUMBER_TYPE_TOLL_FREE },
    /* NANP does not tell mobile from landline by the number */
    { "(510) 555-0142",     "US", PORTING_NUMBER_TYPE_FIXED_LINE_OR_MOBILE },
    { "514-555-0198",       "CA", PORTING_NUMBER_TYPE_FIXED_LINE_OR_MOBILE },
    { "+44 7400 123456",    NULL, PORTING_NUMBER_TYPE_MOBILE },
    { "07400 123456",       "GB", PORTING_NUMBER_TYPE_MOBILE },
    { "+44 20 7946 0958",   NULL, PORTING_NUMBER_TYPE_FIXED_LINE },
    { "+44 800 123 4567",   NULL, PORTING_NUMBER_TYPE_TOLL_FREE },
    { "+33 6 12 34 56 78",  NULL, PORTING_NUMBER_TYPE_MOBILE },
    { "+1 900 555 0123",    NULL, PORTING_NUMBER_TYPE_PREMIUM_RATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (cases[i].text, cases[i].region);

      g_test_message ("type of \"%s\"", cases[i].text);
      g_assert_true (number->valid);
      g_assert_cmpstr (porting_number_type_to_string (number->type), ==,
                       porting_number_type_to_string (cases[i].type));
    }
}

static void
test_parse_toll_free_region (void)
{
  g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse ("1-800-555-0199", "US");
  g_autofree char *formatted = porting_phone_number_format (number);

  g_assert_true (number->valid);
  g_assert_cmpstr (number->e164, ==, "+18005550199");
  g_assert_cmpstr (number->region, ==, "US");
  g_assert_true (porting_phone_number_is_us_or_ca (number));
  g_assert_cmpstr (formatted, ==, "(800) 555-0199");
}

static void
test_parse_invalid (void)
{
  static const struct {
    const char *text;
    const char *region;
    const char *reason;
    gboolean has_e164;
  } cases[] = {
    { "",                    "US", "Enter a telephone number", FALSE },
    { "   ",                 "US", "Enter a telephone number", FALSE },
    { "hello",               "US", "Not a telephone number", FALSE },
    { "call me maybe",       "US", "Not a telephone number", FALSE },
    { "555-014",             "US", "This number has too few digits", TRUE },
    { "51",                  "US", "This number has too few digits", TRUE },
    { "5105550142123456789", "US", "This number has too many digits", FALSE },
    { "(999) 555-0142",      "US", "Not a valid number in the United States", TRUE },
    { "(999) 555-0142",      "CA", "Not a valid number in Canada", TRUE },
    { "8841-22017-5",        "US", "Not a valid number in the United States", TRUE },
    { "+44 20 7946 095",     "US", "Not a valid number in the United Kingdom", TRUE },
    { "+44 20 7946 09581",   "US", "This number has too many digits", TRUE },
    { "+33 0 12 34 56 78",   "US", "Not a valid number in France", TRUE },
    { "+999 1234 5678",      "US", "This country code does not exist", FALSE },
    { "5105550142",          "XX", "Add the country code, starting with +", FALSE },
    { "5105550142",          "",   "Add the country code, starting with +", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (cases[i].text, cases[i].region);

      g_test_message ("invalid \"%s\" in %s", cases[i].text, cases[i].region);
      g_assert_false (number->valid);
      g_assert_cmpstr (number->reason, ==, cases[i].reason);
      g_assert_cmpint (number->e164 != NULL, ==, cases[i].has_e164);
      g_assert_cmpint (number->type, ==, PORTING_NUMBER_TYPE_UNKNOWN);
      g_assert_false (porting_phone_number_is_us_or_ca (number));
    }
}

static void
test_parse_null_and_bad_region (void)
{
  g_autoptr(PortingPhoneNumber) null_text = porting_phone_number_parse (NULL, NULL);
  g_autoptr(PortingPhoneNumber) plus_with_bad_region = porting_phone_number_parse ("+1 510 555 0142", "XX");
  g_autoptr(PortingPhoneNumber) plus_with_long_region = porting_phone_number_parse ("+15105550142", "UNITED STATES");
  g_autoptr(PortingPhoneNumber) invalid_utf8 = porting_phone_number_parse ("51\xff" "05550142", "US");

  g_assert_nonnull (null_text);
  g_assert_false (null_text->valid);
  g_assert_nonnull (null_text->reason);
  g_assert_cmpstr (null_text->input, ==, "");

  g_assert_true (plus_with_bad_region->valid);
  g_assert_cmpstr (plus_with_bad_region->e164, ==, "+15105550142");
  g_assert_true (plus_with_long_region->valid);

  /* Whatever it makes of it, no crash and a definite answer. */
  g_assert_nonnull (invalid_utf8);
  g_assert_true (invalid_utf8->valid || invalid_utf8->reason != NULL);
}

static void
test_format (void)
{
  static const struct {
    const char *text;
    const char *formatted;
  } cases[] = {
    { "510.555.0142",      "(510) 555-0142" },
    { "+1 514 555 0198",   "(514) 555-0198" },
    { "+442079460958",     "+44 20 7946 0958" },
    { "+33142685300",      "+33 1 42 68 53 00" },
    { "not a number",      "not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (cases[i].text, "US");
      g_autofree char *formatted = porting_phone_number_format (number);

      g_assert_cmpstr (formatted, ==, cases[i].formatted);
    }
}

static void
test_number_type_strings (void)
{
  for (int type = PORTING_NUMBER_TYPE_UNKNOWN; type <= PORTING_NUMBER_TYPE_VOICEMAIL; type++)
    {
      const char *string = porting_number_type_to_string (type);

      g_assert_nonnull (string);
      g_assert_cmpint (porting_number_type_from_string (string), ==, type);
      g_assert_nonnull (porting_number_type_to_label (type));
    }

  g_assert_cmpstr (porting_number_type_to_string (PORTING_NUMBER_TYPE_FIXED_LINE_OR_MOBILE), ==, "fixed-line-or-mobile");
  g_assert_cmpstr (porting_number_type_to_string (PORTING_NUMBER_TYPE_TOLL_FREE), ==, "toll-free");
  g_assert_cmpstr (porting_number_type_to_string (PORTING_NUMBER_TYPE_MOBILE), ==, "mobile");
  g_assert_cmpint (porting_number_type_from_string ("nonsense"), ==, PORTING_NUMBER_TYPE_UNKNOWN);
  g_assert_cmpint (porting_number_type_from_string (NULL), ==, PORTING_NUMBER_TYPE_UNKNOWN);
  g_assert_cmpstr (porting_number_type_to_label (PORTING_NUMBER_TYPE_TOLL_FREE), ==, "Toll-free");
}

static void
test_country_names (void)
{
  g_auto(GStrv) regions = porting_phone_number_supported_regions ();
  g_autofree char *us = porting_phone_number_country_name ("US");
  g_autofree char *ca = porting_phone_number_country_name ("ca");
  g_autofree char *de = porting_phone_number_country_name ("DE");
  g_autofree char *unknown = porting_phone_number_country_name ("QQ");
  g_autofree char *garbage = porting_phone_number_country_name ("United");

  g_assert_cmpstr (us, ==, "United States");
  g_assert_cmpstr (ca, ==, "Canada");
  g_assert_cmpstr (de, ==, "Germany");
  g_assert_null (unknown);
  g_assert_null (garbage);
  g_assert_null (porting_phone_number_country_name (NULL));

  /* Every region libphonenumber knows has an English name. */
  g_assert_cmpuint (g_strv_length (regions), >, 200);
  for (guint i = 0; regions[i] != NULL; i++)
    {
      g_autofree char *name = porting_phone_number_country_name (regions[i]);

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, regions[i]);
      g_assert_cmpint (porting_phone_number_country_code (regions[i]), >, 0);
    }

  g_assert_cmpint (porting_phone_number_country_code ("US"), ==, 1);
  g_assert_cmpint (porting_phone_number_country_code ("gb"), ==, 44);
  g_assert_cmpint (porting_phone_number_country_code ("XX"), ==, 0);
  g_assert_cmpint (porting_phone_number_country_code (NULL), ==, 0);
}

static void
test_country_display_names (void)
{
  g_autofree char *us_fr = porting_phone_utils_country_name_in ("US", "fr_CA");
  g_autofree char *gb_fr = porting_phone_utils_country_name_in ("GB", "fr");
  g_autofree char *ca_en = porting_phone_utils_country_name_in ("CA", NULL);
  g_autofree char *bad_language = porting_phone_utils_country_name_in ("DE", "###");
  g_autofree char *french = NULL;
  g_autofree char *english = NULL;

  g_assert_cmpstr (us_fr, ==, "États-Unis");
  g_assert_cmpstr (gb_fr, ==, "Royaume-Uni");
  g_assert_cmpstr (ca_en, ==, "Canada");
  g_assert_nonnull (bad_language);

  g_setenv ("LANGUAGE", "fr_CA.UTF-8", TRUE);
  french = porting_phone_number_country_display_name ("US");
  g_setenv ("LANGUAGE", "C", TRUE);
  english = porting_phone_number_country_display_name ("US");
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (french, ==, "États-Unis");
  g_assert_cmpstr (english, ==, "United States");
}

/* Checks the numbers found, in order, and that each range shows its input. */
static void
assert_found (const char         *text,
              GPtrArray          *found,
              const char * const *expected)
{
  guint n_expected = g_strv_length ((GStrv) expected);

  for (guint i = 0; i < found->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (found, i);

      g_test_message ("found %s \"%s\" at %" G_GSIZE_FORMAT, number->e164, number->input, number->start);
      g_assert_true (number->valid);
      g_assert_cmpuint (number->end, <=, strlen (text));
      g_assert_cmpuint (number->start, <, number->end);
      g_assert_cmpint (strncmp (text + number->start, number->input, number->end - number->start), ==, 0);
      g_assert_cmpuint (strlen (number->input), ==, number->end - number->start);
      if (i > 0)
        g_assert_cmpuint (number->start, >=, ((PortingPhoneNumber *) g_ptr_array_index (found, i - 1))->end);
    }

  g_assert_cmpuint (found->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpstr (((PortingPhoneNumber *) g_ptr_array_index (found, i))->e164, ==, expected[i]);
}

static const char document[] =
  "NorthStar Telecom                                  Page 1 of 3\n"
  "Remit payment to: PO Box 7700, Sacramento, CA 95899-1234\n"
  "Account number: 8841-22017-5        Invoice date: 10/28/2026 (2026-10-28)\n"
  "Other account: 4155-22017-5  Reference ML-300-441-982 and ML-415-441-9820\n"
  "Amount due: $1,234.56 by 11/27/2026. Previous balance $5105.55\n"
  "Call us at (510) 555-0142 or 510-555-0142, fax 510.555.0143.\n"
  "From abroad: +1 510 555 0157; Montr\xc3\xa9" "al office 514-555-0198.\n"
  "Itemized charges\n"
  "  (510) 555-0142        Business line, unlimited local        29.99\n"
  "  1-800-555-0199        Toll-free line                        12.00\n"
  "UK branch: +44 20 7946 0958 ext. 12\n"
  "Order 2026111412 shipped to 1200 Harbor Boulevard, Suite 400, Oakland, CA 94607\n"
  "Card ending 4242 4242 4242 4242\n";

static void
test_find_all_document (void)
{
  static const char * const expected[] = {
    "+15105550142",
    "+15105550142",
    "+15105550143",
    "+15105550157",
    "+15145550198",
    "+15105550142",
    "+18005550199",
    "+442079460958",
    NULL,
  };
  g_autoptr(GPtrArray) found = porting_phone_number_find_all (document, "US");

  assert_found (document, found, expected);

  g_assert_cmpstr (((PortingPhoneNumber *) g_ptr_array_index (found, 0))->input, ==, "(510) 555-0142");
  g_assert_cmpstr (((PortingPhoneNumber *) g_ptr_array_index (found, 4))->region, ==, "CA");
  g_assert_cmpint (((PortingPhoneNumber *) g_ptr_array_index (found, 6))->type, ==, PORTING_NUMBER_TYPE_TOLL_FREE);
  g_assert_cmpstr (((PortingPhoneNumber *) g_ptr_array_index (found, 7))->country_name, ==, "United Kingdom");

  /* Again, now that the plain numbers are known, and with Canada as default region. */
  {
    g_autoptr(GPtrArray) again = porting_phone_number_find_all (document, "CA");

    assert_found (document, again, expected);
    for (guint i = 0; i < found->len; i++)
      {
        PortingPhoneNumber *first = g_ptr_array_index (found, i);
        PortingPhoneNumber *second = g_ptr_array_index (again, i);

        g_assert_cmpstr (first->input, ==, second->input);
        g_assert_cmpstr (first->region, ==, second->region);
        g_assert_cmpint (first->type, ==, second->type);
        g_assert_cmpuint (first->start, ==, second->start);
      }
  }
}

static gpointer
find_in_thread (gpointer data)
{
  guint total = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GPtrArray) found = porting_phone_number_find_all (document, "US");
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse ("514-555-0198", "CA");

      g_assert_cmpstr (number->country_name, ==, "Canada");
      total += found->len;
    }

  return GUINT_TO_POINTER (total);
}

/* Documents are read off the main thread, several at a time. */
static void
test_find_all_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("find-numbers", find_in_thread, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 20 * 8);
}

static void
test_find_all_not_numbers (void)
{
  static const char * const texts[] = {
    "Account number: 8841-22017-5",
    "Account 4155-22017-5",
    "ACCOUNT ........ ML-300-441-982",
    "ACCOUNT ML-415-441-9820",
    "INV-5105550142",
    "Oakland, CA 94607-1234",
    "Invoice date: 2026-12-14",
    "Due 12/14/2026 or 14.12.2026",
    "Amount due: $1,234.56",
    "Total 5,105,550,142.00",
    "Page 1 of 12 printed 2026 11 27",
    "Reference 510555014",
    "41552201750 is too long",
    "Order 2026111412 shipped",
    "Account number: 5105550142",
    "Invoice #5105550142",
    "Customer ID: 5105550142",
    "Order no. 5105550142",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) found = porting_phone_number_find_all (texts[i], "US");

      g_test_message ("not a number: \"%s\"", texts[i]);
      g_assert_cmpuint (found->len, ==, 0);
    }

  {
    g_autoptr(GPtrArray) found = porting_phone_number_find_all (NULL, NULL);
    g_assert_nonnull (found);
    g_assert_cmpuint (found->len, ==, 0);
  }
}

static void
test_find_all_adjacent (void)
{
  static const struct {
    const char *text;
    guint n_found;
  } cases[] = {
    { "WTN 514-555-0198 / 514-555-0199", 2 },
    { "514-555-0198, 514-555-0199", 2 },
    { "514-555-0198 514-555-0199", 2 },
    { "514 555 0198 +1-514-555-0198", 2 },
    { "Tel:5105550142", 1 },
    { "Phone number: 5105550142", 1 },
    { "BTN 5105550142", 1 },
    { "Caller ID: 5105550142", 1 },
    { "Billing number: 5105550142", 1 },
    { "Account 8841-22017-5, phone 5105550142", 1 },
    { "tel.\xc2\xa0" "510\xc2\xa0" "555\xc2\xa0" "0142", 1 },
    { "t\xc3\xa9l. : 514 555-0198", 1 },
    { "(510) 555-0142\n(510) 555-0143\n(510) 555-0157", 3 },
    { "(510) 555-0142 29.99", 1 },
    { "116 (510) 555-0142 300", 1 },
    { "1 (510) 555-0142 29.99 2 (510) 555-0143 (36.99) 3", 2 },
    { "  (510) 555-0142        Business line        29.99", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = porting_phone_number_find_all (cases[i].text, NULL);

      g_test_message ("adjacent: \"%s\"", cases[i].text);
      for (guint j = 0; j < found->len; j++)
        {
          PortingPhoneNumber *number = g_ptr_array_index (found, j);

          g_assert_cmpint (strncmp (cases[i].text + number->start, number->input, number->end - number->start), ==, 0);
        }
      g_assert_cmpuint (found->len, ==, cases[i].n_found);
    }
}

static void
test_find_all_long_runs (void)
{
  g_autoptr(GString) text = g_string_new ("Figures: ");
  g_autoptr(GPtrArray) found = NULL;
  gboolean seen_first = FALSE;
  gboolean seen_second = FALSE;

  /* A table row of amounts, with two numbers inside it, longer than one matcher window. */
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (text, "%u.%02u ", 100 + i, i);
  g_string_append (text, "(510) 555-0142 ");
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (text, "%u.%02u ", 300 + i, i);
  g_string_append (text, "514-555-0198 ");
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (text, "%u ", 7000 + i);

  found = porting_phone_number_find_all (text->str, "US");
  for (guint i = 0; i < found->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (found, i);

      seen_first |= g_strcmp0 (number->e164, "+15105550142") == 0;
      seen_second |= g_strcmp0 (number->e164, "+15145550198") == 0;
    }

  g_assert_true (seen_first);
  g_assert_true (seen_second);
  g_assert_cmpuint (found->len, ==, 2);
}

static void
collect_e164 (const char        *raw,
              gsize              start,
              gsize              end,
              const char        *e164,
              const char        *region,
              PortingNumberType  type,
              gpointer           user_data)
{
  g_string_append_printf (user_data, "%s@%" G_GSIZE_FORMAT " ", e164, start);
}

/* The cheap pre-filter and the plain-form shortcut must find what libphonenumber's
 * matcher finds on its own, where the matcher copes with the text. */
static void
test_find_all_agrees_with_matcher (void)
{
  static const char * const texts[] = {
    "Call (510) 555-0142 today",
    "Call 510-555-0142.",
    "510.555.0142",
    "at 510 555 0142, or",
    "Tel: 5105550142",
    "+1 510 555 0142",
    "+1-510-555-0142",
    "+15105550142",
    "1-800-555-0199",
    "1 (800) 555-0199",
    "(514)555-0198",
    "Paid $510-555-0142",
    "510-555-0142% of",
    "510-555-0142 ext. 12",
    "510-555-0142x12",
    "510-555-0142 x 12",
    "Fax #510-555-0142",
    "(999) 555-0142",
    "510-555-01425",
    "510 555-0142",
    "(510) 555 0142",
    "(510).555.0142",
    "51-0555-0142",
    "+44 20 7946 0958",
    "+33 1 42 68 53 00",
    "t\xc3\xa9l. 514 555 0198",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) found = porting_phone_number_find_all (texts[i], "US");
      g_autoptr(GString) ours = g_string_new (NULL);
      g_autoptr(GString) matcher = g_string_new (NULL);

      for (guint j = 0; j < found->len; j++)
        {
          PortingPhoneNumber *number = g_ptr_array_index (found, j);

          g_string_append_printf (ours, "%s@%" G_GSIZE_FORMAT " ", number->e164, number->start);
        }

      porting_phone_utils_find (texts[i], strlen (texts[i]), "US", collect_e164, matcher);

      g_test_message ("\"%s\": ours [%s], matcher [%s]", texts[i], ours->str, matcher->str);
      g_assert_cmpstr (ours->str, ==, matcher->str);
    }
}

/* Whatever the text, every number found is valid and its range shows its input. */
static void
test_find_all_garbage (void)
{
  static const char alphabet[] = "0123456789 -.()+/\n\t$x,\xc2\xa0";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);

  for (guint round = 0; round < 8; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GPtrArray) found = NULL;

      for (guint i = 0; i < 1024; i++)
        {
          /* Digits most of the time, so that runs are long. */
          if (g_rand_int_range (rand, 0, 3) > 0)
            g_string_append_c (text, '0' + g_rand_int_range (rand, 0, 10));
          else
            g_string_append_c (text, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
        }

      found = porting_phone_number_find_all (text->str, round % 2 ? "GB" : "US");
      for (guint i = 0; i < found->len; i++)
        {
          PortingPhoneNumber *number = g_ptr_array_index (found, i);

          g_assert_true (number->valid);
          g_assert_nonnull (number->e164);
          g_assert_cmpuint (number->end, <=, text->len);
          g_assert_cmpint (strncmp (text->str + number->start, number->input, number->end - number->start), ==, 0);
        }
    }
}

static GHashTable *
numbers_in_pdf (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("PORTING_FIXTURES_DIR"), name, NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *pdf;
  g_autoptr(GError) error = NULL;
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autoptr(GPtrArray) found = porting_phone_number_find_all (text, "US");

      g_object_unref (page);

      for (guint j = 0; j < found->len; j++)
        g_hash_table_add (numbers, g_strdup (((PortingPhoneNumber *) g_ptr_array_index (found, j))->e164));
    }

  g_object_unref (pdf);

  return numbers;
}

static void
test_find_all_fixtures (void)
{
  static const struct {
    const char *file;
    const char *numbers[4];
  } cases[] = {
    { "acme-exact-loa.pdf",      { "+15105550142", "+15105550143", "+15105550157", NULL } },
    { "acme-exact-invoice.pdf",  { "+15105550142", "+15105550143", "+15105550157", NULL } },
    { "maple-csr-loa.pdf",       { "+15145550198", "+15145550199", NULL } },
    { "maple-csr-csr.pdf",       { "+15145550198", "+15145550199", NULL } },
  };

  if (g_getenv ("PORTING_FIXTURES_DIR") == NULL)
    {
      g_test_skip ("PORTING_FIXTURES_DIR is not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) numbers = numbers_in_pdf (cases[i].file);

      g_test_message ("numbers in %s", cases[i].file);
      g_assert_cmpuint (g_hash_table_size (numbers), ==, g_strv_length ((GStrv) cases[i].numbers));
      for (guint j = 0; cases[i].numbers[j] != NULL; j++)
        g_assert_true (g_hash_table_contains (numbers, cases[i].numbers[j]));
    }
}

static void
test_parse_list (void)
{
  const char *list =
    "(510) 555-0142\n"
    "510.555.0143, 510-555-0157;+1 514 555 0198\t514 555 0199\r\n"
    "\n"
    "  5105550142  \n"          /* duplicate of the first */
    "1 (510) 555-0143\n"        /* duplicate too */
    "not a number\n"
    "555-014\n"
    "Main line: 800-555-0199\n";
  g_autoptr(GPtrArray) numbers = porting_phone_number_parse_list (list, "US");
  static const char * const expected[] = {
    "+15105550142", "+15105550143", "+15105550157", "+15145550198", "+15145550199",
  };
  PortingPhoneNumber *number;

  g_assert_cmpuint (numbers->len, ==, 8);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      number = g_ptr_array_index (numbers, i);
      g_assert_true (number->valid);
      g_assert_cmpstr (number->e164, ==, expected[i]);
      g_assert_cmpint (strncmp (list + number->start, number->input, number->end - number->start), ==, 0);
    }

  number = g_ptr_array_index (numbers, 0);
  g_assert_cmpstr (number->input, ==, "(510) 555-0142");
  g_assert_cmpuint (number->start, ==, 0);

  number = g_ptr_array_index (numbers, 5);
  g_assert_false (number->valid);
  g_assert_cmpstr (number->input, ==, "not a number");
  g_assert_cmpstr (number->reason, ==, "Not a telephone number");

  number = g_ptr_array_index (numbers, 6);
  g_assert_false (number->valid);
  g_assert_cmpstr (number->reason, ==, "This number has too few digits");

  number = g_ptr_array_index (numbers, 7);
  g_assert_true (number->valid);
  g_assert_cmpstr (number->e164, ==, "+18005550199");
  g_assert_cmpstr (number->input, ==, "800-555-0199");
  g_assert_cmpint (strncmp (list + number->start, "800-555-0199", 12), ==, 0);
}

static void
test_parse_list_edge_cases (void)
{
  g_autoptr(GPtrArray) null_list = porting_phone_number_parse_list (NULL, NULL);
  g_autoptr(GPtrArray) empty_list = porting_phone_number_parse_list (" \n,;\t\r\n", NULL);
  g_autoptr(GPtrArray) one_line_two_numbers = porting_phone_number_parse_list ("5105550142 5105550143", NULL);
  g_autoptr(GPtrArray) invalid_duplicates = porting_phone_number_parse_list ("hello\nhello\n", NULL);

  g_assert_cmpuint (null_list->len, ==, 0);
  g_assert_cmpuint (empty_list->len, ==, 0);
  g_assert_cmpuint (one_line_two_numbers->len, ==, 2);
  g_assert_cmpuint (invalid_duplicates->len, ==, 1);
}

static void
test_boxed_copy (void)
{
  g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse ("+44 20 7946 0958", NULL);
  PortingPhoneNumber *copy = g_boxed_copy (PORTING_TYPE_PHONE_NUMBER, number);

  g_assert_true (copy != number);
  g_assert_cmpstr (copy->e164, ==, number->e164);
  g_assert_cmpstr (copy->country_name, ==, "United Kingdom");
  g_assert_true (copy->country_name != number->country_name);
  g_assert_cmpint (copy->type, ==, number->type);
  g_assert_cmpuint (copy->end, ==, number->end);
  g_boxed_free (PORTING_TYPE_PHONE_NUMBER, copy);

  porting_phone_number_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone-number/parse/written-forms", test_parse_written_forms);
  g_test_add_func ("/phone-number/parse/trims", test_parse_trims_and_keeps_offsets);
  g_test_add_func ("/phone-number/parse/regions", test_parse_regions);
  g_test_add_func ("/phone-number/parse/types", test_parse_types);
  g_test_add_func ("/phone-number/parse/toll-free", test_parse_toll_free_region);
  g_test_add_func ("/phone-number/parse/invalid", test_parse_invalid);
  g_test_add_func ("/phone-number/parse/null-and-bad-region", test_parse_null_and_bad_region);
  g_test_add_func ("/phone-number/format", test_format);
  g_test_add_func ("/phone-number/type-strings", test_number_type_strings);
  g_test_add_func ("/phone-number/country-names", test_country_names);
  g_test_add_func ("/phone-number/country-display-names", test_country_display_names);
  g_test_add_func ("/phone-number/find-all/document", test_find_all_document);
  g_test_add_func ("/phone-number/find-all/not-numbers", test_find_all_not_numbers);
  g_test_add_func ("/phone-number/find-all/threads", test_find_all_threads);
  g_test_add_func ("/phone-number/find-all/garbage", test_find_all_garbage);
  g_test_add_func ("/phone-number/find-all/adjacent", test_find_all_adjacent);
  g_test_add_func ("/phone-number/find-all/long-runs", test_find_all_long_runs);
  g_test_add_func ("/phone-number/find-all/fixtures", test_find_all_fixtures);
  g_test_add_func ("/phone-number/find-all/agrees-with-matcher", test_find_all_agrees_with_matcher);
  g_test_add_func ("/phone-number/parse-list", test_parse_list);
  g_test_add_func ("/phone-number/parse-list/edge-cases", test_parse_list_edge_cases);
  g_test_add_func ("/phone-number/boxed-copy", test_boxed_copy);

  return g_test_run ();
}
