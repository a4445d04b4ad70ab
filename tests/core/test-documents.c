/* test-documents.c — the document check on every case of tests/documents/cases.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One subtest per case: LOAs and bills made by other programs (LibreOffice,
 * Chromium, groff, PostScript, cairo, fillable forms), each with what the
 * check must say — every field's status, where its text came from, which
 * warnings there are and which there must not be, and the LOA as read.
 * The cases are read at start-up; their documents are loaded by each
 * subtest. `-p /documents/CASE` runs one.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "porting-document-check.h"
#include "porting-phone-number.h"

/* $PORTING_CASES, relative to tests/documents: another set of cases (the
 * OCR ones, ocr/ocr-cases.json), whose documents sit beside it. */
static const char *
cases_file (void)
{
  const char *cases = g_getenv ("PORTING_CASES");

  return cases != NULL ? cases : "cases.json";
}

static const char *
documents_dir (void)
{
  static char *dir;

  if (dir == NULL)
    {
      g_autofree char *subdir = g_path_get_dirname (cases_file ());

      dir = g_test_build_filename (G_TEST_DIST, "documents", subdir, NULL);
    }
  return dir;
}

static PortingDocument *
load (const char *name,
      const char *password)
{
  g_autofree char *path = g_build_filename (documents_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PortingDocument *document = porting_document_load (file, password, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static gboolean
one_of (const char *value,
        const char *alternatives)
{
  g_auto(GStrv) choices = g_strsplit (alternatives, "|", -1);

  return value != NULL && g_strv_contains ((const char * const *) choices, value);
}

/* Letters and digits only, lower case: how the LOA as read is compared. */
static char *
loose (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static const char *
field_member (PortingField field)
{
  return porting_field_to_string (field);
}

static void
assert_status (PortingCheckResult *result,
               PortingField        field,
               JsonObject         *expect)
{
  const char *member = field_member (field);
  const PortingFieldResult *found = porting_check_result_get_field (result, field);
  const char *status = found != NULL ? porting_field_status_to_string (found->status) : "absent";
  const char *wanted;

  if (!json_object_has_member (expect, member))
    return;

  wanted = json_object_get_string_member (expect, member);
  if (!one_of (status, wanted))
    g_test_message ("%s: %s, want %s (LOA “%s”, proof “%s”)", member, status, wanted,
                    found != NULL ? found->loa_text : "", found != NULL && found->proof_text != NULL ? found->proof_text : "");
  g_assert_true (one_of (status, wanted));
}

static void
test_one_case (gconstpointer data)
{
  JsonObject *test_case = (JsonObject *) data;
  JsonObject *expect = json_object_get_object_member (test_case, "expect");
  JsonObject *loa_fields = json_object_get_object_member (test_case, "loa_fields");
  JsonArray *numbers = json_object_get_array_member (loa_fields, "numbers");
  const char *password = json_object_get_string_member_with_default (test_case, "password", NULL);
  g_autoptr(PortingCheckOptions) options = porting_check_options_new ();
  g_autoptr(PortingDocument) loa = NULL;
  g_autoptr(PortingDocument) proof = NULL;
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const PortingLoaFields *read;

  g_test_message ("%s", json_object_get_string_member_with_default (test_case, "note", ""));

  for (guint n = 0; n < json_array_get_length (numbers); n++)
    porting_check_options_add_number (options, json_array_get_string_element (numbers, n));
  if (json_object_has_member (test_case, "today"))
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_parse (&today, json_object_get_string_member (test_case, "today"));
      g_assert_true (g_date_valid (&today));
      porting_check_options_set_today (options, &today);
    }

  loa = load (json_object_get_string_member (test_case, "loa"), password);
  proof = load (json_object_get_string_member (test_case, "proof"), password);
  result = porting_document_check_run (loa, proof, options, NULL, &error);
  g_assert_no_error (error);

  /* The verdict and every field the case says something about. */
  g_assert_true (one_of (porting_check_verdict_to_string (porting_check_result_get_verdict (result)),
                         json_object_get_string_member (expect, "verdict")));
  for (PortingField f = 0; f < PORTING_N_FIELDS; f++)
    assert_status (result, f, expect);

  /* Where the name and the address were read: the text, or a form field. */
  if (json_object_has_member (expect, "source"))
    {
      JsonObject *sources = json_object_get_object_member (expect, "source");

      for (PortingField f = PORTING_FIELD_NAME; f <= PORTING_FIELD_ADDRESS; f++)
        {
          const PortingFieldResult *found = porting_check_result_get_field (result, f);

          if (!json_object_has_member (sources, field_member (f)))
            continue;
          g_assert_nonnull (found);
          if (!one_of (porting_text_source_to_string (found->source),
                       json_object_get_string_member (sources, field_member (f))))
            g_assert_cmpstr (porting_text_source_to_string (found->source), ==,
                             json_object_get_string_member (sources, field_member (f)));
        }
    }

  /* The warnings that must be there, and those that must not. */
  if (json_object_has_member (expect, "warnings_present"))
    {
      JsonArray *present = json_object_get_array_member (expect, "warnings_present");

      for (guint i = 0; i < json_array_get_length (present); i++)
        {
          const char *code = json_array_get_string_element (present, i);

          g_test_message ("warning %s wanted", code);
          g_assert_true (porting_check_result_has_warning (result, code));
        }
    }
  if (json_object_has_member (expect, "warnings_absent"))
    {
      JsonArray *absent = json_object_get_array_member (expect, "warnings_absent");

      for (guint i = 0; i < json_array_get_length (absent); i++)
        {
          const char *code = json_array_get_string_element (absent, i);

          g_test_message ("warning %s not wanted", code);
          g_assert_false (porting_check_result_has_warning (result, code));
        }
    }

  /* Every number given is on the LOA, and the LOA was read as written. */
  g_assert_cmpuint (porting_check_result_get_numbers_missing_from_loa (result)->len, ==, 0);
  read = porting_check_result_get_loa_fields (result);
  for (const char * const *member = (const char * const []) { "name", "address", NULL }; *member != NULL; member++)
    {
      g_autofree char *wanted = NULL;
      g_autofree char *got = NULL;

      if (!json_object_has_member (loa_fields, *member))
        continue;
      wanted = loose (json_object_get_string_member (loa_fields, *member));
      got = loose (g_str_equal (*member, "name") ? read->name : read->address);
      g_assert_cmpstr (got, ==, wanted);
    }
  for (guint n = 0; n < json_array_get_length (numbers); n++)
    {
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (json_array_get_string_element (numbers, n), NULL);

      g_assert_nonnull (number);
      g_assert_true (g_ptr_array_find_with_equal_func (read->numbers, number->e164, g_str_equal, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *cases_path = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *cases;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  {
    g_autofree char *name = g_path_get_basename (cases_file ());

    cases_path = g_build_filename (documents_dir (), name, NULL);
  }
  json_parser_load_from_file (parser, cases_path, &error);
  g_assert_no_error (error);
  cases = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (cases), >, 0);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      g_autofree char *path = g_strdup_printf ("/documents/%s", json_object_get_string_member (test_case, "id"));

      g_test_add_data_func (path, test_case, test_one_case);
    }

  return g_test_run ();
}
