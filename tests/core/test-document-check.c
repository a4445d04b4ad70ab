/* test-document-check.c — the LOA against invoices and CSRs: verdicts, fields, warnings, JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "porting-document-check.h"
#include "porting-loa-writer.h"

/* ---- Helpers ------------------------------------------------------------ */

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("PORTING_FIXTURES_DIR"), name, NULL);
}

static PortingDocument *
load (const char *path,
      const char *password)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PortingDocument *document = porting_document_load (file, password, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static PortingCheckResult *
check_files (const char                *loa_path,
             const char                *proof_path,
             const PortingCheckOptions *options)
{
  g_autoptr(PortingDocument) loa = load (loa_path, NULL);
  g_autoptr(PortingDocument) proof = load (proof_path, NULL);
  g_autoptr(GError) error = NULL;
  PortingCheckResult *result = porting_document_check_run (loa, proof, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (PORTING_IS_CHECK_RESULT (result));
  return result;
}

static PortingCheckResult *
check_fixtures (const char                *loa,
                const char                *proof,
                const PortingCheckOptions *options)
{
  g_autofree char *loa_path = fixture (loa);
  g_autofree char *proof_path = fixture (proof);

  return check_files (loa_path, proof_path, options);
}

static PortingCheckOptions *
options_for_day (int year,
                 int month,
                 int day)
{
  PortingCheckOptions *options = porting_check_options_new ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  porting_check_options_set_today (options, &today);
  return options;
}

static gboolean
one_of (const char *value,
        const char *alternatives)
{
  g_auto(GStrv) choices = g_strsplit (alternatives, "|", -1);

  return value != NULL && g_strv_contains ((const char * const *) choices, value);
}

static const char *
status_of (PortingCheckResult *result,
           PortingField        field)
{
  const PortingFieldResult *field_result = porting_check_result_get_field (result, field);

  return field_result != NULL ? porting_field_status_to_string (field_result->status) : NULL;
}

/* A one-page or many-page PDF of lines of text, written with cairo. */
typedef struct
{
  double      x;
  double      y;          /* baseline; a negative y starts a new page */
  const char *text;
} Line;

static char *
write_pdf (const char *name,
           const Line *lines,
           guint       n_lines,
           guint       repeat_pages)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "proofs", NULL);
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  surface = cairo_pdf_surface_create (path, 612, 792);
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10);

  for (guint i = 0; i < n_lines; i++)
    {
      if (lines[i].y < 0)
        {
          cairo_show_page (cr);
          continue;
        }
      cairo_move_to (cr, lines[i].x, lines[i].y);
      cairo_show_text (cr, lines[i].text);
    }

  /* Itemised pages, as a long invoice has. */
  for (guint page = 0; page < repeat_pages; page++)
    {
      cairo_show_page (cr);
      for (guint row = 0; row < 50; row++)
        {
          g_autofree char *item = g_strdup_printf ("(510) 555-%04u   Business line, unlimited local   %u.99",
                                                   100 + (page * 50 + row) % 900, 20 + row % 30);

          cairo_move_to (cr, 60, 60 + row * 13);
          cairo_show_text (cr, item);
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

/* ---- Fixtures ----------------------------------------------------------- */

static void
test_check_fixture_cases (void)
{
  g_autofree char *cases_path = fixture ("cases.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;
  guint n_checked = 0;

  json_parser_load_from_file (parser, cases_path, &error);
  g_assert_no_error (error);
  cases = json_node_get_array (json_parser_get_root (parser));

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      JsonObject *expect = json_object_get_object_member (test_case, "expect");
      JsonArray *numbers = json_object_get_array_member (json_object_get_object_member (test_case, "loa_fields"), "numbers");
      const char *password = json_object_get_string_member_with_default (test_case, "password", NULL);
      g_autofree char *loa_path = fixture (json_object_get_string_member (test_case, "loa"));
      g_autofree char *proof_path = fixture (json_object_get_string_member (test_case, "proof"));
      g_autoptr(PortingCheckOptions) options = porting_check_options_new ();
      g_autoptr(PortingDocument) loa = NULL;
      g_autoptr(PortingDocument) proof = NULL;
      g_autoptr(PortingCheckResult) result = NULL;

      g_test_message ("case %s", json_object_get_string_member (test_case, "id"));

      for (guint n = 0; n < json_array_get_length (numbers); n++)
        porting_check_options_add_number (options, json_array_get_string_element (numbers, n));

      if (json_object_has_member (expect, "error"))
        {
          g_autoptr(GFile) proof_file = g_file_new_for_path (proof_path);
          g_autoptr(GError) load_error = NULL;
          PortingDocument *locked = porting_document_load (proof_file, NULL, NULL, &load_error);

          g_assert_null (locked);
          g_assert_error (load_error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD);
        }

      loa = load (loa_path, password);
      proof = load (proof_path, password);
      result = porting_document_check_run (loa, proof, options, NULL, &error);
      g_assert_no_error (error);

      if (!json_object_has_member (expect, "error"))
        {
          g_assert_true (one_of (porting_check_verdict_to_string (porting_check_result_get_verdict (result)),
                                 json_object_get_string_member (expect, "verdict")));
          g_assert_true (one_of (status_of (result, PORTING_FIELD_NAME),
                                 json_object_get_string_member (expect, "name")));
          g_assert_true (one_of (status_of (result, PORTING_FIELD_ADDRESS),
                                 json_object_get_string_member (expect, "address")));
        }
      g_assert_cmpuint (porting_check_result_get_numbers_missing_from_loa (result)->len, ==, 0);
      n_checked++;
    }

  g_assert_cmpuint (n_checked, ==, json_array_get_length (cases));
}

static void
test_check_fixture_details (void)
{
  g_autoptr(PortingCheckOptions) options = options_for_day (2026, 11, 5);
  g_autoptr(PortingCheckResult) exact = check_fixtures ("acme-exact-loa.pdf", "acme-exact-invoice.pdf", options);
  g_autoptr(PortingCheckResult) unit = check_fixtures ("acme-unit-mismatch-loa.pdf", "acme-unit-mismatch-invoice.pdf", options);
  const PortingFieldResult *name = porting_check_result_get_field (exact, PORTING_FIELD_NAME);
  const PortingFieldResult *address = porting_check_result_get_field (unit, PORTING_FIELD_ADDRESS);
  const PortingFieldResult *account = porting_check_result_get_field (exact, PORTING_FIELD_ACCOUNT_NUMBER);
  const GDate *bill_date = porting_check_result_get_proof_date (exact);

  g_assert_cmpint (porting_check_result_get_verdict (exact), ==, PORTING_CHECK_VERDICT_MATCH);
  g_assert_cmpstr (name->loa_text, ==, "Acme Widgets LLC");
  g_assert_cmpstr (name->proof_text, ==, "Acme Widgets LLC");
  g_assert_cmpint (name->proof_page, ==, 0);
  /* Where the name sits on the LOA, for highlighting. */
  g_assert_cmpint (name->loa_page, ==, 0);
  g_assert_cmpuint (name->loa_end - name->loa_start, ==, strlen ("Acme Widgets LLC"));

  /* The account number is on both documents. */
  g_assert_nonnull (account);
  g_assert_cmpint (account->status, ==, PORTING_FIELD_STATUS_EXACT);

  g_assert_nonnull (bill_date);
  g_assert_cmpint (g_date_get_year (bill_date), ==, 2026);
  g_assert_cmpint (g_date_get_month (bill_date), ==, 10);
  g_assert_cmpint (g_date_get_day (bill_date), ==, 28);
  /* Name, address and date are on page 1 of 3: the rest is not read. */
  g_assert_cmpuint (porting_check_result_get_proof_pages_read (exact), <, 3);
  g_assert_cmpuint (porting_check_result_get_warnings (exact)->len, ==, 0);

  /* Suite 400 against STE 410: a mismatch that says why. */
  g_assert_cmpint (porting_check_result_get_verdict (unit), ==, PORTING_CHECK_VERDICT_MISMATCH);
  g_assert_cmpint (address->status, ==, PORTING_FIELD_STATUS_MISMATCH);
  g_assert_nonnull (address->proof_text);
  g_assert_cmpuint (address->differences->len, >, 0);
}

/* A blank page as a screenshot: nothing to read, whatever OCR does. */
static char *
write_blank_image (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-document-check-XXXXXX", NULL);
  char *path = g_build_filename (dir, "blank.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 500);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

/* A screenshot is read by OCR: its name and address match as text does,
 * said to come from OCR, with how sure it was. */
static void
test_check_screenshot (void)
{
  g_autoptr(PortingCheckResult) result = check_fixtures ("acme-screenshot-loa.pdf", "acme-screenshot-invoice.png", NULL);
  g_autofree char *blank = write_blank_image ();
  g_autofree char *exact_loa = fixture ("acme-exact-loa.pdf");
  g_autofree char *exact_invoice = fixture ("acme-exact-invoice.pdf");
  g_autoptr(PortingCheckResult) blank_proof = check_files (exact_loa, blank, NULL);
  g_autoptr(PortingCheckResult) blank_loa = check_files (blank, exact_invoice, NULL);
  const PortingFieldResult *name = porting_check_result_get_field (result, PORTING_FIELD_NAME);
  const PortingFieldResult *address = porting_check_result_get_field (result, PORTING_FIELD_ADDRESS);

  g_assert_cmpint (porting_check_result_get_verdict (result), ==, PORTING_CHECK_VERDICT_MATCH);
  g_assert_cmpstr (status_of (result, PORTING_FIELD_NAME), ==, "equivalent");
  g_assert_cmpstr (status_of (result, PORTING_FIELD_ADDRESS), ==, "equivalent");
  g_assert_cmpint (name->source, ==, PORTING_TEXT_SOURCE_OCR);
  g_assert_cmpint (address->source, ==, PORTING_TEXT_SOURCE_OCR);
  g_assert_cmpfloat (name->confidence, >, 0.8);
  g_assert_cmpfloat (name->confidence, <, 1.0);
  g_assert_cmpstr (porting_check_result_get_loa_fields (result)->name, ==, "Acme Widgets LLC");

  /* Nothing to read, on either side: compare them by eye. */
  g_assert_cmpint (porting_check_result_get_verdict (blank_proof), ==, PORTING_CHECK_VERDICT_REVIEW);
  g_assert_cmpstr (status_of (blank_proof, PORTING_FIELD_NAME), ==, "unreadable");
  g_assert_cmpstr (status_of (blank_proof, PORTING_FIELD_ADDRESS), ==, "unreadable");
  g_assert_cmpint (porting_check_result_get_verdict (blank_loa), ==, PORTING_CHECK_VERDICT_REVIEW);
  g_assert_cmpstr (status_of (blank_loa, PORTING_FIELD_NAME), ==, "unreadable");

  {
    g_autofree char *dir = g_path_get_dirname (blank);

    g_unlink (blank);
    g_rmdir (dir);
  }
}

static void
test_check_bill_age (void)
{
  g_autoptr(PortingCheckOptions) day_30 = options_for_day (2026, 11, 27);
  g_autoptr(PortingCheckOptions) day_31 = options_for_day (2026, 11, 28);
  g_autoptr(PortingCheckResult) fresh = check_fixtures ("acme-exact-loa.pdf", "acme-exact-invoice.pdf", day_30);
  g_autoptr(PortingCheckResult) old = check_fixtures ("acme-exact-loa.pdf", "acme-exact-invoice.pdf", day_31);
  g_autoptr(PortingCheckResult) csr = check_fixtures ("maple-csr-loa.pdf", "maple-csr-csr.pdf", day_30);
  GPtrArray *warnings = porting_check_result_get_warnings (old);
  const PortingCheckWarning *warning;

  g_assert_false (porting_check_result_has_warning (fresh, PORTING_CHECK_WARNING_PROOF_TOO_OLD));

  g_assert_cmpuint (warnings->len, ==, 1);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpstr (warning->code, ==, "proof-older-than-30-days");
  g_assert_nonnull (strstr (warning->message, "30 days"));
  /* Warnings never change the verdict. */
  g_assert_cmpint (porting_check_result_get_verdict (old), ==, PORTING_CHECK_VERDICT_MATCH);

  /* A CSR has no bill date. */
  g_assert_true (porting_check_result_has_warning (csr, PORTING_CHECK_WARNING_PROOF_DATE_NOT_FOUND));
  g_assert_null (porting_check_result_get_proof_date (csr));
  g_assert_cmpint (porting_check_result_get_verdict (csr), ==, PORTING_CHECK_VERDICT_MATCH);
}

static void
test_check_bill_dates (void)
{
  const struct { const char *text; int year, month, day; } cases[] = {
    { "Invoice date: Oct 28, 2026", 2026, 10, 28 },
    { "Bill Date\nOctober 28, 2026", 2026, 10, 28 },
    { "STATEMENT DATE 2026-10-28", 2026, 10, 28 },
    { "Date: 10/28/2026", 2026, 10, 28 },
    { "Date de facturation ... Date 28 oct. 2026", 2026, 10, 28 },
    { "Invoice Date 28/10/2026", 2026, 10, 28 },
    { "Due date: Nov 20, 2026\nStatement date: Oct. 21, 2026", 2026, 10, 21 },
    { "Payment due date: Nov 20, 2026\nDate 1 févr. 2026", 2026, 2, 1 },
    { "Billing date: 5 juillet 2026", 2026, 7, 5 },
    { "Statement Date\t10/28/26", 2026, 10, 28 },
  };
  const char *without[] = {
    "Due date: Nov 20, 2026",
    "Port date 2026-12-01",
    "Account number 8841-22017-5",
    "Invoice date: Oct 32, 2026",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_test_message ("%s", cases[i].text);
      g_assert_true (porting_document_check_find_bill_date (cases[i].text, &date));
      g_assert_cmpint (g_date_get_year (&date), ==, cases[i].year);
      g_assert_cmpint (g_date_get_month (&date), ==, cases[i].month);
      g_assert_cmpint (g_date_get_day (&date), ==, cases[i].day);
    }

  for (guint i = 0; i < G_N_ELEMENTS (without); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_test_message ("%s", without[i]);
      g_assert_false (porting_document_check_find_bill_date (without[i], &date));
    }
}

static void
test_check_numbers_missing (void)
{
  g_autoptr(PortingCheckOptions) options = porting_check_options_new ();
  g_autoptr(PortingCheckResult) result = NULL;
  GPtrArray *missing;

  porting_check_options_add_number (options, "510.555.0143");
  porting_check_options_add_number (options, "+1 510 555 0199");
  porting_check_options_add_number (options, "(510) 555-0199");
  porting_check_options_add_number (options, "+15105550157");

  result = check_fixtures ("acme-exact-loa.pdf", "acme-exact-invoice.pdf", options);
  missing = porting_check_result_get_numbers_missing_from_loa (result);

  /* Once, in E.164, whatever the written forms. */
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "+15105550199");
}

static void
test_check_overrides (void)
{
  g_autoptr(PortingCheckOptions) options = porting_check_options_new ();
  g_autoptr(PortingCheckResult) result = NULL;
  const PortingFieldResult *name;
  const PortingFieldResult *address;

  porting_check_options_set_name (options, "Acme Gadgets LLC");
  porting_check_options_set_address (options, "1200 HARBOR BLVD STE 400, OAKLAND CA 94607");
  result = check_fixtures ("acme-exact-loa.pdf", "acme-exact-invoice.pdf", options);
  name = porting_check_result_get_field (result, PORTING_FIELD_NAME);
  address = porting_check_result_get_field (result, PORTING_FIELD_ADDRESS);

  g_assert_cmpstr (name->loa_text, ==, "Acme Gadgets LLC");
  g_assert_cmpint (name->loa_page, ==, -1);
  g_assert_true (name->status == PORTING_FIELD_STATUS_MISMATCH || name->status == PORTING_FIELD_STATUS_NOT_FOUND);
  g_assert_cmpstr (address->loa_text, ==, "1200 HARBOR BLVD STE 400, OAKLAND CA 94607");
  g_assert_cmpint (address->status, ==, PORTING_FIELD_STATUS_EQUIVALENT);
  g_assert_cmpint (porting_check_result_get_verdict (result), ==, PORTING_CHECK_VERDICT_MISMATCH);
  /* The LOA as read is still reported. */
  g_assert_cmpstr (porting_check_result_get_loa_fields (result)->name, ==, "Acme Widgets LLC");
}

/* ---- JSON ---------------------------------------------------------------- */

static void
assert_members (JsonObject         *object,
                const char * const *expected)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_assert_cmpuint (g_list_length (members), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_true (json_object_has_member (object, expected[i]));
}

static void
assert_field_json (JsonObject *object,
                   const char *member)
{
  const char * const field_members[] = {
    "status", "loa_text", "proof_text", "proof_page", "differences", "source", "confidence", NULL
  };
  JsonObject *field = json_object_get_object_member (object, member);
  JsonNode *page;

  g_assert_nonnull (field);
  assert_members (field, field_members);
  g_assert_true (one_of (json_object_get_string_member (field, "status"),
                         "exact|equivalent|mismatch|not-found|unreadable"));
  g_assert_nonnull (json_object_get_array_member (field, "differences"));
  /* DESIGN §3.2: where the text came from; text and form fields are sure. */
  g_assert_true (one_of (json_object_get_string_member (field, "source"), "text|form|ocr"));
  g_assert_cmpfloat (json_object_get_double_member (field, "confidence"), >=, 0);
  g_assert_cmpfloat (json_object_get_double_member (field, "confidence"), <=, 1);
  if (!g_str_equal (json_object_get_string_member (field, "source"), "ocr"))
    g_assert_cmpfloat (json_object_get_double_member (field, "confidence"), ==, 1);
  page = json_object_get_member (field, "proof_page");
  if (JSON_NODE_HOLDS_NULL (page))
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (field, "proof_text")));
  else
    g_assert_cmpint (json_node_get_int (page), >=, 1);
}

static void
test_check_json_shape (void)
{
  g_autoptr(PortingCheckOptions) options = options_for_day (2026, 12, 31);
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(PortingCheckResult) review = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) review_root = NULL;
  const char * const top[] = {
    "loa", "name", "address", "numbers", "verdict", "account_number", "carrier", "warnings", NULL
  };
  const char * const review_top[] = { "loa", "name", "address", "numbers", "verdict", "warnings", NULL };
  const char * const loa_members[] = { "name", "address", "numbers", NULL };
  const char * const numbers_members[] = { "missing_from_loa", NULL };
  JsonObject *object;
  JsonObject *loa;
  JsonArray *warnings;
  g_autofree char *text = NULL;

  porting_check_options_add_number (options, "(510) 555-0100");
  result = check_fixtures ("acme-exact-loa.pdf", "acme-exact-invoice.pdf", options);
  root = porting_check_result_to_json (result);
  object = json_node_get_object (root);

  assert_members (object, top);
  loa = json_object_get_object_member (object, "loa");
  assert_members (loa, loa_members);
  g_assert_cmpstr (json_object_get_string_member (loa, "name"), ==, "Acme Widgets LLC");
  g_assert_cmpstr (json_object_get_string_member (loa, "address"), ==, "1200 Harbor Boulevard, Suite 400, Oakland, CA 94607");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (loa, "numbers")), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (loa, "numbers"), 0), ==, "+15105550142");

  assert_field_json (object, "name");
  assert_field_json (object, "address");
  assert_field_json (object, "account_number");
  assert_field_json (object, "carrier");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "carrier"), "status"), ==, "exact");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "name"), "source"), ==, "text");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "name"), "proof_page"), ==, 1);

  assert_members (json_object_get_object_member (object, "numbers"), numbers_members);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_object_get_object_member (object, "numbers"),
                                                                                "missing_from_loa"), 0), ==, "+15105550100");
  warnings = json_object_get_array_member (object, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (warnings, 0), ==, "proof-older-than-30-days");
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "match");

  /* It serialises and parses back. */
  text = json_to_string (root, FALSE);
  g_assert_nonnull (json_from_string (text, NULL));
  json_node_unref (json_from_string (text, NULL));

  {
    g_autofree char *blank = write_blank_image ();
    g_autofree char *exact_loa = fixture ("acme-exact-loa.pdf");
    g_autofree char *dir = g_path_get_dirname (blank);

    review = check_files (exact_loa, blank, NULL);
    g_unlink (blank);
    g_rmdir (dir);
  }
  review_root = porting_check_result_to_json (review);
  assert_members (json_node_get_object (review_root), review_top);
  assert_field_json (json_node_get_object (review_root), "name");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (review_root), "verdict"), ==, "review");
}

/* ---- Proofs of other carriers and layouts ------------------------------- */

static char *
write_table_loa (gboolean signed_loa)
{
  const Line lines[] = {
    { 60, 60, "LETTER OF AGENCY" },
    { 60, 100, "Business Name:" }, { 220, 100, "Harbor Lights Café Ltd." },
    { 60, 118, "Service Address:" }, { 220, 118, "77 King Street West, Floor 5" },
    { 60, 136, "City, Province, Postal Code:" }, { 220, 136, "Toronto, Ontario M5K 1A2" },
    { 60, 154, "Account No.:" }, { 220, 154, "44-55-66" },
    { 60, 172, "Numbers to port:" }, { 220, 172, "416-555-0110, 416-555-0111" },
    { 60, 190, "Authorized Person:" }, { 220, 190, "Marc Tremblay" },
    { 60, 240, "Signature:" }, { 140, 240, signed_loa ? "Marc Tremblay" : "________________" },
    { 360, 240, "Date: 2026-11-12" },
  };

  return write_pdf (signed_loa ? "table-loa.pdf" : "table-loa-unsigned.pdf", lines, G_N_ELEMENTS (lines), 0);
}

static void
test_check_other_carrier_bill (void)
{
  /* The carrier's remit-to address comes first; the customer is in a
   * "Bill to" block in capitals with USPS-style abbreviations. */
  const Line bill[] = {
    { 60, 50, "Lakeshore Telecom Inc." },
    { 60, 64, "Remit to: 500 Queen Street East, Toronto, ON M5A 1T1" },
    { 400, 50, "Statement date: 3 nov. 2026" },
    { 400, 64, "Account: 44-55-66" },
    { 60, 110, "BILL TO" },
    { 60, 124, "HARBOR LIGHTS CAFE LTD" },
    { 60, 138, "77 KING ST W FL 5" },
    { 60, 152, "TORONTO ON M5K1A2" },
    { 60, 200, "Summary of charges" },
    { 60, 214, "416-555-0110  Business line  45.00" },
  };
  g_autofree char *loa_path = write_table_loa (TRUE);
  g_autofree char *proof_path = write_pdf ("lakeshore.pdf", bill, G_N_ELEMENTS (bill), 40);
  g_autoptr(PortingCheckOptions) options = options_for_day (2026, 11, 20);
  g_autoptr(PortingCheckResult) result = NULL;
  const PortingFieldResult *address;

  porting_check_options_add_number (options, "416-555-0111");
  result = check_files (loa_path, proof_path, options);
  address = porting_check_result_get_field (result, PORTING_FIELD_ADDRESS);

  g_assert_cmpstr (status_of (result, PORTING_FIELD_NAME), ==, "equivalent");
  g_assert_cmpstr (status_of (result, PORTING_FIELD_ADDRESS), ==, "equivalent");
  g_assert_nonnull (strstr (address->proof_text, "77 KING"));
  g_assert_cmpint (porting_check_result_get_verdict (result), ==, PORTING_CHECK_VERDICT_MATCH);
  g_assert_cmpstr (status_of (result, PORTING_FIELD_ACCOUNT_NUMBER), ==, "exact");
  g_assert_cmpuint (porting_check_result_get_warnings (result)->len, ==, 0);
  g_assert_cmpuint (porting_check_result_get_numbers_missing_from_loa (result)->len, ==, 0);

  /* 41 pages, all on the first: the other 40 are not waited for. */
  g_assert_cmpuint (porting_check_result_get_proof_pages_read (result), <, 10);
}

static void
test_check_other_carrier_mismatch (void)
{
  const Line bill[] = {
    { 60, 50, "Great Lakes Communications" },
    { 60, 64, "PO Box 4400, Toronto, ON M5W 0A1" },
    { 60, 100, "Invoice Date: 2026-09-15" },
    { 60, 130, "Customer: Harbour Lights Cafe Ltd." },
    { 60, 144, "Service address: 79 King Street West, Floor 5, Toronto, ON M5K 1A2" },
  };
  g_autofree char *loa_path = write_table_loa (FALSE);
  g_autofree char *proof_path = write_pdf ("great-lakes.pdf", bill, G_N_ELEMENTS (bill), 3);
  g_autoptr(PortingCheckOptions) options = options_for_day (2026, 11, 20);
  g_autoptr(PortingCheckResult) result = check_files (loa_path, proof_path, options);
  const PortingFieldResult *address = porting_check_result_get_field (result, PORTING_FIELD_ADDRESS);

  g_assert_cmpint (porting_check_result_get_verdict (result), ==, PORTING_CHECK_VERDICT_MISMATCH);
  g_assert_cmpstr (status_of (result, PORTING_FIELD_ADDRESS), ==, "mismatch");
  g_assert_nonnull (strstr (address->proof_text, "79 King"));
  /* Nothing settles: every page is read. */
  g_assert_cmpuint (porting_check_result_get_proof_pages_read (result), ==, 4);

  g_assert_true (porting_check_result_has_warning (result, PORTING_CHECK_WARNING_PROOF_TOO_OLD));
  g_assert_true (porting_check_result_has_warning (result, PORTING_CHECK_WARNING_LOA_UNSIGNED));
  g_assert_false (porting_check_result_has_warning (result, PORTING_CHECK_WARNING_PROOF_DATE_NOT_FOUND));
}

/* An LOA this app wrote, against the customer's bill. */
static void
test_check_own_loa (void)
{
  g_autoptr(PortingLoaWriterData) data = porting_loa_writer_data_new ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "own", NULL);
  g_autofree char *loa_path = g_build_filename (dir, "loa.pdf", NULL);
  g_autofree char *proof_path = fixture ("acme-equivalent-invoice.pdf");
  g_autoptr(GFile) loa_file = g_file_new_for_path (loa_path);
  g_autoptr(PortingCheckOptions) options = options_for_day (2026, 11, 10);
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(GError) error = NULL;

  data->customer_name = g_strdup ("Acme Widgets LLC");
  data->authorized_person = g_strdup ("Dana Whitfield");
  data->street = g_strdup ("1200 Harbor Boulevard");
  data->unit = g_strdup ("Suite 400");
  data->city = g_strdup ("Oakland");
  data->region = g_strdup ("CA");
  data->postal_code = g_strdup ("94607");
  data->country = g_strdup ("US");
  data->carrier = g_strdup ("NorthStar Telecom");
  data->account_number = g_strdup ("8841-22017-5");
  data->btn = g_strdup ("5105550142");
  data->date = g_strdup ("2026-11-02");
  data->typed_signature = g_strdup ("Dana Whitfield");
  g_ptr_array_add (data->numbers, g_strdup ("+15105550142"));
  g_ptr_array_add (data->numbers, g_strdup ("510.555.0143"));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  porting_loa_writer_write (data, loa_file, &error);
  g_assert_no_error (error);

  porting_check_options_add_number (options, "(510) 555-0143");
  result = check_files (loa_path, proof_path, options);

  g_assert_cmpstr (porting_check_result_get_loa_fields (result)->address, ==,
                   "1200 Harbor Boulevard, Suite 400, Oakland, CA 94607");
  g_assert_cmpint (porting_check_result_get_verdict (result), ==, PORTING_CHECK_VERDICT_MATCH);
  g_assert_cmpuint (porting_check_result_get_numbers_missing_from_loa (result)->len, ==, 0);
  g_assert_cmpuint (porting_check_result_get_warnings (result)->len, ==, 0);
}

/* ---- Async --------------------------------------------------------------- */

static void
on_checked (GObject      *source,
            GAsyncResult *async_result,
            gpointer      user_data)
{
  PortingCheckResult **result = user_data;
  g_autoptr(GError) error = NULL;

  *result = porting_document_check_finish (async_result, &error);
  g_assert_no_error (error);
}

static void
test_check_async (void)
{
  g_autofree char *loa_path = fixture ("maple-csr-loa.pdf");
  g_autofree char *proof_path = fixture ("maple-csr-csr.pdf");
  g_autoptr(PortingDocument) loa = load (loa_path, NULL);
  g_autoptr(PortingDocument) proof = load (proof_path, NULL);
  g_autoptr(PortingCheckOptions) options = porting_check_options_new ();
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  PortingCheckResult *cancelled;

  porting_check_options_add_number (options, "514-555-0198");
  porting_document_check_async (loa, proof, options, NULL, on_checked, &result);
  /* The options were copied. */
  g_clear_pointer (&options, porting_check_options_free);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (porting_check_result_get_verdict (result), ==, PORTING_CHECK_VERDICT_MATCH);
  g_assert_cmpuint (porting_check_result_get_numbers_missing_from_loa (result)->len, ==, 0);

  g_cancellable_cancel (cancellable);
  cancelled = porting_document_check_run (loa, proof, NULL, cancellable, &error);
  g_assert_null (cancelled);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/check/fixture-cases", test_check_fixture_cases);
  g_test_add_func ("/check/fixture-details", test_check_fixture_details);
  g_test_add_func ("/check/screenshot", test_check_screenshot);
  g_test_add_func ("/check/bill-age", test_check_bill_age);
  g_test_add_func ("/check/bill-dates", test_check_bill_dates);
  g_test_add_func ("/check/numbers-missing", test_check_numbers_missing);
  g_test_add_func ("/check/overrides", test_check_overrides);
  g_test_add_func ("/check/json-shape", test_check_json_shape);
  g_test_add_func ("/check/other-carrier-bill", test_check_other_carrier_bill);
  g_test_add_func ("/check/other-carrier-mismatch", test_check_other_carrier_mismatch);
  g_test_add_func ("/check/own-loa", test_check_own_loa);
  g_test_add_func ("/check/async", test_check_async);

  return g_test_run ();
}
