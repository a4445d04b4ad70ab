/* test-twilio-sid.c — Account SIDs and what customers paste instead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "porting-twilio-sid.h"

#define HEX32 "0123456789abcdef0123456789abcdef"
#define HEX32_UPPER "0123456789ABCDEF0123456789ABCDEF"

static void
test_account_sid (void)
{
  static const char * const forms[] = {
    "AC" HEX32,
    "AC" HEX32_UPPER,
    "ac" HEX32,
    "  AC" HEX32 "\n",
    "\"AC" HEX32 "\"",
    "'AC" HEX32 "'",
    "AC0123456789abcdef\n0123456789abcdef",  /* cut over two lines */
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *normalized = NULL;
      g_autofree char *message = NULL;

      g_test_message ("account SID \"%s\"", forms[i]);
      g_assert_cmpint (porting_twilio_sid_classify (forms[i], &normalized, &message), ==,
                       PORTING_SID_KIND_ACCOUNT_SID);
      g_assert_cmpstr (normalized, ==, "AC" HEX32);
      g_assert_cmpuint (strlen (normalized), ==, PORTING_TWILIO_SID_LENGTH);
      g_assert_null (message);
      g_assert_true (porting_twilio_sid_is_account_sid (forms[i]));
    }

  /* Out-params are optional. */
  g_assert_cmpint (porting_twilio_sid_classify ("AC" HEX32, NULL, NULL), ==, PORTING_SID_KIND_ACCOUNT_SID);
}

static void
test_api_key_sid (void)
{
  g_autofree char *normalized = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (porting_twilio_sid_classify ("SK" HEX32_UPPER, &normalized, &message), ==,
                   PORTING_SID_KIND_API_KEY_SID);
  g_assert_cmpstr (normalized, ==, "SK" HEX32);
  g_assert_nonnull (strstr (message, "API key SID (SK…), not an Account SID (AC…)"));
  g_assert_false (porting_twilio_sid_is_account_sid ("SK" HEX32));
}

static void
test_auth_token (void)
{
  g_autofree char *normalized = NULL;
  g_autofree char *message = NULL;
  g_autofree char *message_ac = NULL;

  g_assert_cmpint (porting_twilio_sid_classify (HEX32, &normalized, &message), ==,
                   PORTING_SID_KIND_AUTH_TOKEN);
  g_assert_null (normalized);  /* a secret is never copied */
  g_assert_nonnull (strstr (message, "auth token, which is a secret"));
  g_assert_nonnull (strstr (message, "starts with AC"));

  /* A token may begin with "ac" too: lower case, 32 characters in all. */
  g_assert_cmpint (porting_twilio_sid_classify ("ac23456789abcdef0123456789abcdef", NULL, &message_ac), ==,
                   PORTING_SID_KIND_AUTH_TOKEN);
  g_assert_nonnull (message_ac);
}

static void
test_other_sids (void)
{
  static const struct {
    const char *prefix;
    const char *words;
  } cases[] = {
    { "PN", "phone number (PN…)" },
    { "MG", "messaging service (MG…)" },
    { "SM", "message (SM…)" },
    { "CA", "call (CA…)" },
    { "BU", "regulatory bundle (BU…)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (cases[i].prefix, HEX32, NULL);
      g_autofree char *normalized = NULL;
      g_autofree char *message = NULL;

      g_assert_cmpint (porting_twilio_sid_classify (text, &normalized, &message), ==,
                       PORTING_SID_KIND_OTHER_SID);
      g_assert_cmpstr (normalized, ==, text);
      g_assert_nonnull (strstr (message, cases[i].words));
      g_assert_nonnull (strstr (message, "not an Account SID (AC…)"));
    }
}

static void
test_wrong_length (void)
{
  g_autofree char *message = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *long_message = NULL;
  g_autofree char *short_sk = NULL;

  g_assert_cmpint (porting_twilio_sid_classify ("AC0123456789abcdef0123456789abcde", &normalized, &message), ==,
                   PORTING_SID_KIND_WRONG_LENGTH);
  g_assert_null (normalized);
  g_assert_nonnull (strstr (message, "this one has 31"));

  g_assert_cmpint (porting_twilio_sid_classify ("AC" HEX32 "0", NULL, &long_message), ==,
                   PORTING_SID_KIND_WRONG_LENGTH);
  g_assert_nonnull (strstr (long_message, "this one has 33"));

  /* Upper-case AC and 30 more hex digits: a SID cut short, not a token. */
  g_assert_cmpint (porting_twilio_sid_classify ("AC23456789abcdef0123456789abcdef", NULL, NULL), ==,
                   PORTING_SID_KIND_WRONG_LENGTH);
  g_assert_cmpint (porting_twilio_sid_classify ("AC", NULL, NULL), ==, PORTING_SID_KIND_WRONG_LENGTH);

  g_assert_cmpint (porting_twilio_sid_classify ("SK0123", NULL, &short_sk), ==, PORTING_SID_KIND_WRONG_LENGTH);
  g_assert_nonnull (short_sk);
}

static void
test_invalid (void)
{
  static const char * const texts[] = {
    "hello",
    "AC0123456789abcdef0123456789abcdeg",  /* g is not hex */
    "AC-0123456789abcdef0123456789abcdef",
    "+15105550142",
    "ACME Widgets",
    "0123456789abcdef",
    "\xff\xfe",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *normalized = NULL;
      g_autofree char *message = NULL;

      g_test_message ("invalid text %u", i);
      g_assert_cmpint (porting_twilio_sid_classify (texts[i], &normalized, &message), ==,
                       PORTING_SID_KIND_INVALID);
      g_assert_null (normalized);
      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 20);
      g_assert_false (porting_twilio_sid_is_account_sid (texts[i]));
    }
}

static void
test_empty (void)
{
  static const char * const texts[] = { NULL, "", "   \n\t", "\"\"" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *normalized = NULL;
      g_autofree char *message = NULL;

      g_assert_cmpint (porting_twilio_sid_classify (texts[i], &normalized, &message), ==,
                       PORTING_SID_KIND_EMPTY);
      g_assert_null (normalized);
      g_assert_nonnull (strstr (message, "starts with AC"));
    }
}

static void
test_kind_strings (void)
{
  g_assert_cmpstr (porting_sid_kind_to_string (PORTING_SID_KIND_ACCOUNT_SID), ==, "account-sid");
  g_assert_cmpstr (porting_sid_kind_to_string (PORTING_SID_KIND_API_KEY_SID), ==, "api-key-sid");
  g_assert_cmpstr (porting_sid_kind_to_string (PORTING_SID_KIND_AUTH_TOKEN), ==, "auth-token");
  g_assert_cmpstr (porting_sid_kind_to_string (PORTING_SID_KIND_OTHER_SID), ==, "other-sid");
  g_assert_cmpstr (porting_sid_kind_to_string (PORTING_SID_KIND_WRONG_LENGTH), ==, "wrong-length");
  g_assert_cmpstr (porting_sid_kind_to_string (PORTING_SID_KIND_INVALID), ==, "invalid");
  g_assert_cmpstr (porting_sid_kind_to_string (PORTING_SID_KIND_EMPTY), ==, "empty");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/twilio-sid/account-sid", test_account_sid);
  g_test_add_func ("/twilio-sid/api-key-sid", test_api_key_sid);
  g_test_add_func ("/twilio-sid/auth-token", test_auth_token);
  g_test_add_func ("/twilio-sid/other-sids", test_other_sids);
  g_test_add_func ("/twilio-sid/wrong-length", test_wrong_length);
  g_test_add_func ("/twilio-sid/invalid", test_invalid);
  g_test_add_func ("/twilio-sid/empty", test_empty);
  g_test_add_func ("/twilio-sid/kind-strings", test_kind_strings);

  return g_test_run ();
}
