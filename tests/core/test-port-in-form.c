/* test-port-in-form.c — the port-in rules, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "porting-document.h"
#include "porting-port-in-form.h"

/* ---- Helpers ------------------------------------------------------------- */

static PortingPortInForm *
new_form_on (int year,
             int month,
             int day)
{
  PortingPortInForm *form = porting_port_in_form_new ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  porting_form_set_today (PORTING_FORM (form), &today);

  return form;
}

static GPtrArray *
check (PortingPortInForm *form,
       PortingPortInStep  step)
{
  return porting_port_in_form_check_step (form, step);
}

static char *
summary (PortingPortInForm *form,
         PortingPortInStep  step)
{
  g_autoptr(GPtrArray) problems = check (form, step);

  return porting_form_problems_dup_summary (problems);
}

static void
assert_summary (PortingPortInForm *form,
                PortingPortInStep  step,
                const char        *expected)
{
  g_autofree char *text = summary (form, step);

  g_assert_cmpstr (text, ==, expected);
}

/* The message under @field on @step, or NULL. */
static char *
message (PortingPortInForm *form,
         PortingPortInStep  step,
         const char        *field)
{
  g_autoptr(GPtrArray) problems = check (form, step);

  return g_strdup (porting_form_problems_get_message (problems, field));
}

static void
fill_loa (PortingPortInForm *form)
{
  g_object_set (form,
                "customer-name", " Acme Widgets LLC ",
                "authorized-person", "Dana Whitfield",
                "street", "1200 Harbor Boulevard",
                "unit", "Suite 400",
                "city", "Oakland",
                "region", "CA",
                "postal-code", "94607",
                "carrier", "NorthStar Telecom",
                "account-number", "8841-22017-5",
                "btn", "(510) 555-0142",
                "typed-signature-used", TRUE,
                "typed-signature", "Dana Whitfield",
                NULL);
}

static void
fill_all (PortingPortInForm *form)
{
  g_object_set (form,
                "numbers", "(510) 555-0142, 510.555.0143",
                "contract", TRUE,
                "all-numbers", TRUE,
                "sms", TRUE,
                "wireless", TRUE,
                "wireless-account", "99-1234-77",
                "wireless-pin", "739164",
                "preferred-date", "2026-12-14",
                NULL);
  fill_loa (form);
}

/* A file that exists, in the test's own data folder. */
static GFile *
make_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_file_set_contents (path, "%PDF-1.4\n", -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* ---- Step 1: numbers ----------------------------------------------------- */

static void
test_numbers (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_auto(GStrv) outside = NULL;

  assert_summary (form, PORTING_PORT_IN_STEP_NUMBERS, "Enter the numbers to port.");

  g_object_set (form, "numbers", "(510) 555-0142\n510.555.0142\n(510) 555-0143", NULL);
  g_assert_cmpuint (porting_form_get_numbers (PORTING_FORM (form))->len, ==, 2);
  g_assert_cmpuint (porting_form_get_n_merged (PORTING_FORM (form)), ==, 1);
  assert_summary (form, PORTING_PORT_IN_STEP_NUMBERS, NULL);

  /* Outside the US and Canada, or not a number: fixed or removed first. */
  g_object_set (form, "numbers", "(510) 555-0142, +44 20 7946 0958", NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_NUMBERS, "Fix or remove the number marked in the list.");
  outside = porting_port_in_form_dup_valid_numbers (form, TRUE);
  g_assert_cmpuint (g_strv_length (outside), ==, 1);
  g_assert_cmpstr (outside[0], ==, "+44 20 7946 0958");

  g_object_set (form, "numbers", "555-01, +44 20 7946 0958, (510) 555-0142", NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_NUMBERS, "Fix or remove the numbers marked in the list.");
}

/* ---- Step 2: before you port --------------------------------------------- */

static void
test_before (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autofree char *text = NULL;
  guint notified = 0;

  g_object_set (form, "numbers", "(510) 555-0142, (510) 555-0143", NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_BEFORE, "Confirm that no contract is tied to the numbers.");
  g_object_set (form, "contract", TRUE, NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_BEFORE, "Say whether these are all the numbers on the account.");
  g_object_set (form, "all-numbers", TRUE, NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_BEFORE, NULL);

  /* A partial port: the account's billing number, a real one. */
  g_object_set (form, "all-numbers", FALSE, "partial-port", TRUE, NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_BEFORE, "Enter the account’s current billing telephone number.");
  g_assert_null ((text = message (form, PORTING_PORT_IN_STEP_BEFORE, "current-btn")));
  g_object_set (form, "current-btn", "555", NULL);
  text = message (form, PORTING_PORT_IN_STEP_BEFORE, "current-btn");
  g_assert_cmpstr (text, ==, "Enter a telephone number from the United States or Canada.");
  g_clear_pointer (&text, g_free);
  g_object_set (form, "current-btn", "+44 20 7946 0958", NULL);
  text = message (form, PORTING_PORT_IN_STEP_BEFORE, "current-btn");
  g_assert_nonnull (text);
  g_clear_pointer (&text, g_free);

  /* It stays: nothing more to ask. */
  g_signal_connect (form, "notify::needs-new-btn", G_CALLBACK (count_cb), &notified);
  g_object_set (form, "current-btn", "510 555 0199", NULL);
  g_assert_false (porting_port_in_form_get_needs_new_btn (form));
  assert_summary (form, PORTING_PORT_IN_STEP_BEFORE, NULL);
  g_assert_cmpuint (notified, ==, 0);

  /* It leaves with the numbers: a new one, from those that stay. */
  g_object_set (form, "current-btn", "510-555-0142", NULL);
  g_assert_true (porting_port_in_form_get_needs_new_btn (form));
  g_assert_cmpuint (notified, ==, 1);
  assert_summary (form, PORTING_PORT_IN_STEP_BEFORE, "Enter a new billing telephone number from the numbers that stay.");
  g_object_set (form, "new-btn", "(510) 555-0143", NULL);
  text = message (form, PORTING_PORT_IN_STEP_BEFORE, "new-btn");
  g_assert_cmpstr (text, ==, "This number is leaving too: choose one of the numbers that stay.");
  g_clear_pointer (&text, g_free);
  g_object_set (form, "new-btn", "12", NULL);
  text = message (form, PORTING_PORT_IN_STEP_BEFORE, "new-btn");
  g_assert_cmpstr (text, ==, "Enter a telephone number from the United States or Canada.");
  g_clear_pointer (&text, g_free);
  g_object_set (form, "new-btn", "510 555 0199", NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_BEFORE, NULL);

  /* Typing the leaving number in the list later asks again. */
  g_object_set (form, "new-btn", "", "current-btn", "510 555 0199", NULL);
  g_assert_false (porting_port_in_form_get_needs_new_btn (form));
  g_object_set (form, "numbers", "(510) 555-0142, (510) 555-0199", NULL);
  g_assert_true (porting_port_in_form_get_needs_new_btn (form));
  g_assert_cmpuint (notified, ==, 3);
}

/* ---- Step 3: the LOA ------------------------------------------------------ */

static void
test_loa_fields (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  PortingFormProblem *first;

  problems = check (form, PORTING_PORT_IN_STEP_LOA);
  first = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (first->summary, ==,
                   "Fill in: customer name, authorized person, street, city, state or province, "
                   "ZIP or postal code, current carrier, account number, billing telephone number.");
  g_assert_cmpstr (first->field, ==, "customer-name");
  g_assert_true (first->missing);
  g_assert_null (first->message);

  fill_loa (form);
  assert_summary (form, PORTING_PORT_IN_STEP_LOA, NULL);
  g_object_set (form, "unit", "", NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_LOA, NULL);
  g_object_set (form, "city", "  ", NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_LOA, "Fill in: city.");
  g_object_set (form, "city", "Oakland", NULL);

  /* The billing number is a US or Canadian one. */
  g_object_set (form, "btn", "555-01", NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_LOA, "Check the billing telephone number.");
  text = message (form, PORTING_PORT_IN_STEP_LOA, "btn");
  g_assert_cmpstr (text, ==, "Enter a telephone number from the United States or Canada.");
  g_clear_pointer (&text, g_free);
  g_object_set (form, "btn", "510 555 0142", NULL);

  /* Signed: by a typed name, or by strokes. */
  g_object_set (form, "typed-signature", "", NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_LOA, "Type your name to sign.");
  g_object_set (form, "typed-signature-used", FALSE, NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_LOA, "Sign the LOA.");
  {
    g_autoptr(GPtrArray) strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
    g_autoptr(GPtrArray) back = NULL;
    GArray *stroke = g_array_new (FALSE, FALSE, sizeof (PortingSignaturePoint));
    PortingSignaturePoint points[] = { { 10, 20, 0.5 }, { 30, 25, 1 } };

    g_array_append_vals (stroke, points, G_N_ELEMENTS (points));
    g_ptr_array_add (strokes, stroke);
    porting_port_in_form_set_signature (form, strokes);
    g_assert_true (porting_port_in_form_is_signed (form));
    assert_summary (form, PORTING_PORT_IN_STEP_LOA, NULL);

    back = porting_port_in_form_dup_signature (form);
    g_assert_cmpuint (back->len, ==, 1);
    g_assert_cmpuint (((GArray *) g_ptr_array_index (back, 0))->len, ==, 2);
    g_assert_cmpfloat (g_array_index ((GArray *) g_ptr_array_index (back, 0), PortingSignaturePoint, 1).x, ==, 30);

    porting_port_in_form_set_signature (form, NULL);
    g_assert_false (porting_port_in_form_is_signed (form));
  }

  /* An imported LOA instead: only the file is asked. */
  g_object_set (form, "import-loa", TRUE, NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_LOA, "Add the signed LOA.");
}

static void
test_postal_codes (void)
{
  static const struct {
    const char *region;
    const char *postal_code;
    const char *message;   /* NULL: accepted */
  } cases[] = {
    { "CA", "94607", NULL },
    { "CA", "94607-1234", NULL },
    { "CA", "K1A 0B1", "A ZIP code has 5 digits, or 5 + 4 (94607-1234)." },
    { "CA", "9460", "A ZIP code has 5 digits, or 5 + 4 (94607-1234)." },
    { "ON", "K1A 0B1", NULL },
    { "ON", "k1a0b1", NULL },
    { "ON", "94607", "A Canadian postal code looks like K1A 0B1." },
    { "QC", "H2Y 2A7", NULL },
    { "QC", "K1A 0B1", "A postal code in Quebec starts with one of G, H, J." },
    { "AB", "H2Y 2A7", "A postal code in Alberta starts with T." },
    { "", "94607", NULL },
    { "", "H2Y 2A7", NULL },
    { "", "ABCDE", "Enter a ZIP code (94607) or a Canadian postal code (K1A 0B1)." },
  };
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);

  fill_loa (form);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *step_summary = NULL;

      g_test_message ("%s in %s", cases[i].postal_code, cases[i].region);
      g_object_set (form, "region", cases[i].region, "postal-code", cases[i].postal_code, NULL);
      text = message (form, PORTING_PORT_IN_STEP_LOA, "postal-code");
      g_assert_cmpstr (text, ==, cases[i].message);

      step_summary = summary (form, PORTING_PORT_IN_STEP_LOA);
      if (*cases[i].region == '\0')
        g_assert_cmpstr (step_summary, ==, "Fill in: state or province.");
      else if (cases[i].message != NULL)
        g_assert_cmpstr (step_summary, ==, "Check the ZIP or postal code.");
      else
        g_assert_null (step_summary);
    }
}

/* ---- Steps 4 to 6 --------------------------------------------------------- */

static void
test_proof_and_check (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(GFile) proof = make_file ("proof.pdf");

  assert_summary (form, PORTING_PORT_IN_STEP_PROOF, "Add your latest invoice or the CSR.");
  g_object_set (form, "proof", proof, NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_PROOF, NULL);

  assert_summary (form, PORTING_PORT_IN_STEP_CHECK, NULL);
  g_object_set (form, "checking", TRUE, NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_CHECK, "Checking the documents…");
  /* Another document is not the one being checked. */
  g_object_set (form, "proof", NULL, NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_CHECK, NULL);
}

static void
test_wireless (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(PortingRequest) request = NULL;

  assert_summary (form, PORTING_PORT_IN_STEP_DETAILS, NULL);
  g_object_set (form, "wireless", TRUE, NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_DETAILS, "Enter the wireless account number.");
  g_object_set (form, "wireless-account", "99-1234-77", NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_DETAILS, "Enter the port-out PIN or passcode.");
  g_object_set (form, "wireless-pin", "739164", NULL);
  assert_summary (form, PORTING_PORT_IN_STEP_DETAILS, NULL);

  request = porting_form_to_request (PORTING_FORM (form));
  g_assert_true (porting_request_is_wireless (request));
  g_assert_cmpstr (porting_request_get_wireless_pin (request), ==, "739164");

  /* Not wireless: the account is not sent, and neither is the PIN. */
  g_clear_object (&request);
  g_object_set (form, "wireless", FALSE, NULL);
  request = porting_form_to_request (PORTING_FORM (form));
  g_assert_false (porting_request_is_wireless (request));
  g_assert_null (porting_request_get_wireless_pin (request));
}

static void
test_dates (void)
{
  static const struct {
    int         day;     /* of December 2026; Tuesday 1 is today */
    const char *problem; /* NULL: can be asked for */
    gboolean    suggested;
  } cases[] = {
    { 2, "Too soon: ports take at least 5 business days. The earliest date is Tuesday, December 8, 2026.", FALSE },
    { 7, "Too soon: ports take at least 5 business days. The earliest date is Tuesday, December 8, 2026.", FALSE },
    { 8, NULL, TRUE },
    { 11, NULL, TRUE },
    { 12, "Ports are not done on Saturdays. Choose a weekday.", FALSE },
    { 13, "Ports are not done on Sundays. Choose a weekday.", FALSE },
    { 15, NULL, TRUE },
    { 16, NULL, FALSE },     /* after the usual window: allowed, not marked */
    { 25, "Christmas Day is a holiday: carriers do not port on holidays.", FALSE },
  };
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  GDate earliest, latest, date;

  porting_port_in_form_get_port_window (form, &earliest, &latest);
  g_assert_cmpint (g_date_get_day (&earliest), ==, 8);
  g_assert_cmpint (g_date_get_day (&latest), ==, 15);

  g_assert_false (porting_port_in_form_get_preferred_date (form, &date));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *problem = NULL;
      g_autofree char *text = NULL;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, cases[i].day, 12, 2026);
      g_test_message ("December %d", cases[i].day);

      problem = porting_port_in_form_dup_date_problem (form, &date);
      g_assert_cmpstr (problem, ==, cases[i].problem);
      g_assert_true (porting_port_in_form_date_is_suggested (form, &date) == cases[i].suggested);

      porting_port_in_form_set_preferred_date (form, &date);
      text = message (form, PORTING_PORT_IN_STEP_DETAILS, "preferred-date");
      g_assert_cmpstr (text, ==, cases[i].problem);
    }

  g_date_set_dmy (&date, 14, 12, 2026);
  porting_port_in_form_set_preferred_date (form, &date);
  {
    g_autofree char *iso = NULL;
    g_object_get (form, "preferred-date", &iso, NULL);
    g_assert_cmpstr (iso, ==, "2026-12-14");
  }
  porting_port_in_form_set_preferred_date (form, NULL);
  g_assert_false (porting_port_in_form_get_preferred_date (form, &date));
}

static void
test_window_description (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 11, 20);
  g_autofree char *description = porting_port_in_form_dup_window_description (form);

  /* Thanksgiving is not a business day: the window skips it, and says so. */
  g_assert_nonnull (strstr (description, "Ports take 5 to 10 business days"));
  g_assert_nonnull (strstr (description, "The earliest possible date is Monday, November 30, 2026"));
  g_assert_nonnull (strstr (description, "Not counted: Thanksgiving"));
  g_assert_true (g_str_has_suffix (description, "."));
}

/* ---- Requests and drafts -------------------------------------------------- */

static void
assert_string_member (JsonObject *object,
                      const char *member,
                      const char *expected)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_cmpstr (json_object_get_string_member (object, member), ==, expected);
}

static void
test_request_json (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) numbers = NULL;
  JsonObject *request_fields;
  JsonObject *loa;
  JsonObject *address;

  fill_all (form);
  problems = porting_form_check (PORTING_FORM (form));
  /* Only the proof is missing. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((PortingFormProblem *) g_ptr_array_index (problems, 0))->field, ==, "proof");

  request = porting_form_to_request (PORTING_FORM (form));
  g_assert_true (porting_request_validate (request, NULL, &error));
  g_assert_no_error (error);

  numbers = porting_request_dup_numbers (request);
  g_assert_cmpuint (g_strv_length (numbers), ==, 2);
  g_assert_cmpstr (numbers[0], ==, "+15105550142");
  g_assert_cmpstr (numbers[1], ==, "+15105550143");

  request_fields = porting_request_get_fields (request);
  g_assert_true (json_object_get_boolean_member (request_fields, "contract_acknowledged"));
  g_assert_true (json_object_get_boolean_member (request_fields, "sms"));
  assert_string_member (request_fields, "preferred_date", "2026-12-14");
  assert_string_member (request_fields, "proof_kind", "invoice");
  g_assert_false (json_object_has_member (request_fields, "partial_port"));
  g_assert_false (json_object_has_member (request_fields, "document_check"));
  g_assert_false (json_object_has_member (request_fields, "previous_request_id"));

  loa = json_object_get_object_member (request_fields, "loa");
  assert_string_member (loa, "customer_name", "Acme Widgets LLC");
  assert_string_member (loa, "authorized_person", "Dana Whitfield");
  assert_string_member (loa, "carrier", "NorthStar Telecom");
  assert_string_member (loa, "account_number", "8841-22017-5");
  assert_string_member (loa, "btn", "+15105550142");
  address = json_object_get_object_member (loa, "service_address");
  assert_string_member (address, "street", "1200 Harbor Boulevard");
  assert_string_member (address, "unit", "Suite 400");
  assert_string_member (address, "city", "Oakland");
  assert_string_member (address, "region", "CA");
  assert_string_member (address, "postal_code", "94607");
  assert_string_member (address, "country", "US");

  /* The PIN never goes into the JSON written to disk. */
  json = porting_request_to_json (request, PORTING_REQUEST_JSON_PRETTY);
  g_assert_null (strstr (json, "739164"));
  g_assert_nonnull (strstr (json, "99-1234-77"));

  /* As soon as possible: null. A Canadian address: CA, in capitals. */
  g_clear_object (&request);
  g_object_set (form, "preferred-date", NULL, "region", "QC", "postal-code", " h2y 2a7 ", "city", "Montréal", NULL);
  request = porting_form_to_request (PORTING_FORM (form));
  request_fields = porting_request_get_fields (request);
  g_assert_true (json_object_get_null_member (request_fields, "preferred_date"));
  address = json_object_get_object_member (json_object_get_object_member (request_fields, "loa"), "service_address");
  assert_string_member (address, "postal_code", "H2Y 2A7");
  assert_string_member (address, "country", "CA");
  assert_string_member (address, "city", "Montréal");
}

static void
test_partial_port_json (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(PortingRequest) request = NULL;
  JsonObject *partial;

  fill_all (form);
  g_object_set (form, "all-numbers", FALSE, "partial-port", TRUE, "current-btn", "510 555 0199", NULL);
  request = porting_form_to_request (PORTING_FORM (form));
  partial = json_object_get_object_member (porting_request_get_fields (request), "partial_port");
  assert_string_member (partial, "current_btn", "+15105550199");
  g_assert_false (json_object_has_member (partial, "new_btn"));

  /* The billing number leaves: the new one goes with it. */
  g_clear_object (&request);
  g_object_set (form, "current-btn", "(510) 555-0142", "new-btn", "510.555.0100", NULL);
  request = porting_form_to_request (PORTING_FORM (form));
  partial = json_object_get_object_member (porting_request_get_fields (request), "partial_port");
  assert_string_member (partial, "current_btn", "+15105550142");
  assert_string_member (partial, "new_btn", "+15105550100");
}

static void
assert_same_property (GObject    *a,
                      GObject    *b,
                      GParamSpec *pspec)
{
  g_auto(GValue) value_a = G_VALUE_INIT;
  g_auto(GValue) value_b = G_VALUE_INIT;

  g_value_init (&value_a, pspec->value_type);
  g_value_init (&value_b, pspec->value_type);
  g_object_get_property (a, pspec->name, &value_a);
  g_object_get_property (b, pspec->name, &value_b);

  g_test_message ("%s", pspec->name);
  if (pspec->value_type == JSON_TYPE_NODE)
    g_assert_true ((g_value_get_boxed (&value_a) == NULL && g_value_get_boxed (&value_b) == NULL) ||
                   json_node_equal (g_value_get_boxed (&value_a), g_value_get_boxed (&value_b)));
  else if (g_type_is_a (pspec->value_type, G_TYPE_FILE))
    g_assert_true ((g_value_get_object (&value_a) == NULL && g_value_get_object (&value_b) == NULL) ||
                   g_file_equal (g_value_get_object (&value_a), g_value_get_object (&value_b)));
  else
    g_assert_cmpint (g_param_values_cmp (pspec, &value_a, &value_b), ==, 0);
}

static void
test_draft_round_trip (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(PortingPortInForm) restored = new_form_on (2026, 12, 1);
  g_autoptr(GFile) proof = make_file ("proof.pdf");
  g_autoptr(GFile) gone = g_file_new_for_path ("/nonexistent/loa.pdf");
  g_autoptr(JsonObject) draft = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pin = NULL;
  guint n_pspecs;
  guint notified = 0;

  fill_all (form);
  g_object_set (form, "proof", proof, "proof-kind", "csr", "partial-port", TRUE, "current-btn", "5105550142",
                "imported-loa", gone, NULL);
  {
    g_autoptr(GPtrArray) strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
    GArray *stroke = g_array_new (FALSE, FALSE, sizeof (PortingSignaturePoint));
    PortingSignaturePoint point = { 1, 2, 0.25 };

    g_array_append_val (stroke, point);
    g_ptr_array_add (strokes, stroke);
    porting_port_in_form_set_signature (form, strokes);
  }

  draft = porting_form_save_draft (PORTING_FORM (form));
  node = json_node_init_object (json_node_alloc (), draft);
  text = json_to_string (node, FALSE);
  g_test_message ("%s", text);

  /* The draft keys are the field names; the PIN is never among them. */
  g_assert_null (strstr (text, "739164"));
  g_assert_false (json_object_has_member (draft, "wireless-pin"));
  g_assert_false (json_object_has_member (draft, "check-result"));
  g_assert_false (json_object_has_member (draft, "needs-new-btn"));
  assert_string_member (draft, "customer-name", " Acme Widgets LLC ");
  assert_string_member (draft, "region", "CA");
  assert_string_member (draft, "proof-kind", "csr");
  assert_string_member (draft, "preferred-date", "2026-12-14");
  g_assert_true (json_object_get_boolean_member (draft, "wireless"));
  g_assert_true (json_object_has_member (draft, "signature"));

  /* Notifications wait until the whole draft is in. */
  g_signal_connect (restored, "notify", G_CALLBACK (count_cb), &notified);
  porting_form_load_draft (PORTING_FORM (restored), draft);
  g_assert_cmpuint (notified, >, 0);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (form), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      if (g_str_equal (pspecs[i]->name, "wireless-pin") || g_str_equal (pspecs[i]->name, "imported-loa"))
        continue;
      assert_same_property (G_OBJECT (form), G_OBJECT (restored), pspecs[i]);
    }

  /* Not from the draft: the PIN, and a document gone meanwhile. */
  g_object_get (restored, "wireless-pin", &pin, NULL);
  g_assert_cmpstr (pin, ==, "");
  g_assert_null (porting_port_in_form_get_loa (restored));
  g_assert_true (porting_port_in_form_get_needs_new_btn (restored));

  /* Nothing: every field empty again. */
  porting_form_load_draft (PORTING_FORM (restored), NULL);
  g_assert_cmpuint (porting_form_get_numbers (PORTING_FORM (restored))->len, ==, 0);
  g_assert_null (porting_port_in_form_get_region (restored));
  g_assert_null (porting_port_in_form_get_proof (restored));
}

static void
test_old_draft (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *proof_kind = NULL;

  /* Drafts of earlier versions kept the list positions, and an int where a
   * string is now counts as missing. */
  json_parser_load_from_data (parser, "{\"region\": 5, \"proof-kind\": 1, \"city\": 7, \"sms\": true}", -1, &error);
  g_assert_no_error (error);
  porting_form_load_draft (PORTING_FORM (form), json_node_get_object (json_parser_get_root (parser)));

  g_assert_cmpstr (porting_port_in_form_get_region (form)->code, ==, "CA");
  g_object_get (form, "proof-kind", &proof_kind, NULL);
  g_assert_cmpstr (proof_kind, ==, "csr");
  g_assert_true (porting_port_in_form_get_region (form) == porting_region_lookup ("California"));
  {
    g_autofree char *city = NULL;
    gboolean sms;

    g_object_get (form, "city", &city, "sms", &sms, NULL);
    g_assert_cmpstr (city, ==, "");
    g_assert_true (sms);
  }
}

static void
test_correct_request (void)
{
  static const char rejected[] =
    "{\"kind\": \"port-in\", \"id\": \"req-41\", \"status\": \"rejected\","
    " \"numbers\": [\"+15105550142\", \"+15105550143\"],"
    " \"contract_acknowledged\": true, \"sms\": true, \"preferred_date\": \"2026-12-14\","
    " \"loa\": {\"customer_name\": \"Acme Widget Co\", \"authorized_person\": \"Dana Whitfield\","
    "  \"service_address\": {\"street\": \"1220 Harbor Boulevard\", \"unit\": \"Suite 400\","
    "   \"city\": \"Oakland\", \"region\": \"CA\", \"postal_code\": \"94607\", \"country\": \"US\"},"
    "  \"carrier\": \"NorthStar Telecom\", \"account_number\": \"8841-22017-5\", \"btn\": \"+15105550142\"}}";
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(PortingRequest) again = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *loa;
  JsonObject *loa_again;
  gboolean import_loa;

  request = porting_request_new_from_json (rejected, -1, NULL, &error);
  g_assert_no_error (error);

  g_object_set (form, "import-loa", TRUE, "contract", TRUE, NULL);
  porting_port_in_form_load_request (form, request);
  g_object_get (form, "import-loa", &import_loa, NULL);
  g_assert_false (import_loa);
  g_assert_cmpuint (porting_form_get_numbers (PORTING_FORM (form))->len, ==, 2);
  g_assert_cmpstr (porting_port_in_form_get_previous_request_id (form), ==, "req-41");
  g_assert_cmpstr (porting_port_in_form_get_region (form)->code, ==, "CA");

  /* Filled in again, and signed, it says what the rejected one said. */
  g_object_set (form, "contract", TRUE, "typed-signature-used", TRUE, "typed-signature", "Dana Whitfield", NULL);
  again = porting_form_to_request (PORTING_FORM (form));
  g_assert_cmpstr (porting_request_get_string (again, "previous_request_id"), ==, "req-41");
  g_assert_cmpstr (porting_request_get_string (again, "preferred_date"), ==, "2026-12-14");
  g_assert_true (porting_request_get_boolean (again, "sms"));
  loa = json_object_get_object_member (porting_request_get_fields (request), "loa");
  loa_again = json_object_get_object_member (porting_request_get_fields (again), "loa");
  {
    g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (), loa);
    g_autoptr(JsonNode) b = json_node_init_object (json_node_alloc (), loa_again);
    g_autofree char *a_text = json_to_string (a, FALSE);
    g_autofree char *b_text = json_to_string (b, FALSE);

    g_assert_true (json_node_equal (a, b));
    g_assert_cmpstr (a_text, ==, b_text);
  }
}

static void
test_resume_step (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);

  g_assert_cmpint (porting_port_in_form_get_resume_step (form, PORTING_PORT_IN_STEP_DETAILS), ==,
                   PORTING_PORT_IN_STEP_NUMBERS);
  g_object_set (form, "numbers", "(510) 555-0142", "contract", TRUE, "all-numbers", TRUE, NULL);
  g_assert_cmpint (porting_port_in_form_get_resume_step (form, PORTING_PORT_IN_STEP_DETAILS), ==,
                   PORTING_PORT_IN_STEP_LOA);
  g_assert_cmpint (porting_port_in_form_get_resume_step (form, PORTING_PORT_IN_STEP_BEFORE), ==,
                   PORTING_PORT_IN_STEP_BEFORE);
}

static void
test_summary (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(GPtrArray) sections = NULL;
  PortingPortInSection *section;
  PortingPortInSummaryRow *row;

  fill_all (form);
  sections = porting_port_in_form_dup_summary (form);
  g_assert_cmpuint (sections->len, ==, 6);

  section = g_ptr_array_index (sections, 2);
  g_assert_cmpstr (section->title, ==, "Letter of Authorization");
  g_assert_cmpint (section->step, ==, PORTING_PORT_IN_STEP_LOA);
  row = g_ptr_array_index (section->rows, 2);
  g_assert_cmpstr (row->title, ==, "Service address");
  g_assert_cmpstr (row->value, ==, "1200 Harbor Boulevard, Suite 400\nOakland, CA 94607");

  section = g_ptr_array_index (sections, 5);
  row = g_ptr_array_index (section->rows, 2);
  g_assert_cmpstr (row->value, ==, "Monday, December 14, 2026");
  row = g_ptr_array_index (section->rows, 1);
  g_assert_cmpstr (row->value, ==, "99-1234-77");
}

/* The LOA written from the form, imported and checked against itself: the
 * request then carries what the check read from it. */
static void
test_imported_loa (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(PortingLoaWriterData) data = NULL;
  g_autoptr(PortingDocument) document = NULL;
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-port-in-form-XXXXXX", &error);
  g_autofree char *path = NULL;
  JsonObject *loa;
  JsonObject *address;
  JsonObject *document_check;

  g_assert_no_error (error);
  path = g_build_filename (dir, "loa.pdf", NULL);
  file = g_file_new_for_path (path);

  fill_all (form);
  data = porting_port_in_form_dup_loa_data (form, 400, 140);
  g_assert_cmpstr (data->customer_name, ==, "Acme Widgets LLC");
  g_assert_cmpstr (data->btn, ==, "+15105550142");
  g_assert_cmpstr (data->date, ==, "2026-12-01");
  g_assert_cmpuint (data->numbers->len, ==, 2);
  g_assert_true (porting_loa_writer_write (data, file, &error));
  g_assert_no_error (error);

  document = porting_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  result = porting_document_check_run (document, document, NULL, NULL, &error);
  g_assert_no_error (error);

  g_object_set (form, "import-loa", TRUE, "imported-loa", file, "proof", file, NULL);
  g_object_set (form, "check-result", result, NULL);
  request = porting_form_to_request (PORTING_FORM (form));
  loa = json_object_get_object_member (porting_request_get_fields (request), "loa");
  assert_string_member (loa, "customer_name", "Acme Widgets LLC");
  address = json_object_get_object_member (loa, "service_address");
  assert_string_member (address, "city", "Oakland");
  assert_string_member (address, "region", "CA");
  assert_string_member (address, "postal_code", "94607");
  assert_string_member (address, "country", "US");
  assert_string_member (loa, "btn", "+15105550142");

  document_check = json_object_get_object_member (porting_request_get_fields (request), "document_check");
  g_assert_nonnull (document_check);
  assert_string_member (document_check, "verdict",
                        porting_check_verdict_to_string (porting_check_result_get_verdict (result)));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The billing number is asked once: a partial port gives it before the
 * LOA, which takes it; the review shows it as the numbers are shown. */
static void
test_btn_asked_once (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(GPtrArray) sections = NULL;
  g_autofree char *btn = NULL;
  gboolean shown = FALSE;

  fill_all (form);
  g_object_set (form, "btn", "", "all-numbers", FALSE, "partial-port", TRUE, "current-btn", "510.555.0199", NULL);
  g_object_get (form, "btn", &btn, NULL);
  g_assert_cmpstr (btn, ==, "510.555.0199");
  {
    g_autoptr(GPtrArray) problems = porting_port_in_form_check_step (form, PORTING_PORT_IN_STEP_LOA);

    g_assert_null (porting_form_problems_get_message (problems, "btn"));
    for (guint i = 0; i < problems->len; i++)
      g_assert_cmpstr (((PortingFormProblem *) g_ptr_array_index (problems, i))->field, !=, "btn");
  }

  sections = porting_port_in_form_dup_summary (form);
  for (guint i = 0; i < sections->len; i++)
    {
      PortingPortInSection *section = g_ptr_array_index (sections, i);

      for (guint j = 0; j < section->rows->len; j++)
        {
          PortingPortInSummaryRow *row = g_ptr_array_index (section->rows, j);

          if (g_strcmp0 (row->title, "Billing telephone number") == 0)
            {
              g_assert_cmpstr (row->value, ==, "(510) 555-0199");
              shown = TRUE;
            }
        }
    }
  g_assert_true (shown);
}

/* ---- The bill's spelling ------------------------------------------------- */

static PortingCheckResult *
check_against (GFile      *loa,
               const char *proof_name)
{
  g_autofree char *proof_path = g_build_filename (g_getenv ("PORTING_FIXTURES_DIR"), proof_name, NULL);
  g_autoptr(GFile) proof = g_file_new_for_path (proof_path);
  g_autoptr(PortingDocument) loa_document = NULL;
  g_autoptr(PortingDocument) proof_document = NULL;
  g_autoptr(GError) error = NULL;
  PortingCheckResult *result;

  loa_document = porting_document_load (loa, NULL, NULL, &error);
  g_assert_no_error (error);
  proof_document = porting_document_load (proof, NULL, NULL, &error);
  g_assert_no_error (error);
  result = porting_document_check_run (loa_document, proof_document, NULL, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static void
write_loa (PortingPortInForm *form,
           GFile             *file)
{
  g_autoptr(PortingLoaWriterData) data = porting_port_in_form_dup_loa_data (form, 400, 140);
  g_autoptr(GError) error = NULL;

  g_assert_true (porting_loa_writer_write (data, file, &error));
  g_assert_no_error (error);
  g_object_set (form, "generated-loa", file, NULL);
}

static char *
dup_string (gpointer    object,
            const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  return value;
}

static void
assert_field (PortingPortInForm *form,
              const char        *field,
              const char        *expected)
{
  g_autofree char *value = dup_string (form, field);

  g_assert_cmpstr (value, ==, expected);
}

/* The bill writes the name and the address its own way: the LOA filled in
 * here takes its text, is written again and must be signed again; checked
 * again, both are the same. */
static void
test_proof_spelling (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(PortingCheckResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) loa = NULL;
  g_autoptr(GFile) rewritten = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-port-in-form-XXXXXX", &error);
  g_autofree char *loa_path = NULL;
  g_autofree char *rewritten_path = NULL;
  GFile *generated = NULL;

  g_assert_no_error (error);
  loa_path = g_build_filename (dir, "loa.pdf", NULL);
  rewritten_path = g_build_filename (dir, "loa-2.pdf", NULL);
  loa = g_file_new_for_path (loa_path);
  rewritten = g_file_new_for_path (rewritten_path);

  fill_all (form);
  /* Nothing checked yet: nothing to take. */
  g_assert_false (porting_port_in_form_can_use_proof_spelling (form));
  write_loa (form, loa);
  result = check_against (loa, "acme-equivalent-invoice.pdf");
  g_assert_cmpint (porting_check_result_get_field (result, PORTING_FIELD_ADDRESS)->status, ==,
                   PORTING_FIELD_STATUS_EQUIVALENT);
  g_object_set (form, "check-result", result, NULL);
  g_assert_true (porting_port_in_form_is_signed (form));
  g_assert_true (porting_port_in_form_can_use_proof_spelling (form));

  g_assert_true (porting_port_in_form_use_proof_spelling (form));
  /* "ACME WIDGETS LLC." is the same name in other case and a dot: kept. */
  assert_field (form, "customer-name", " Acme Widgets LLC ");
  assert_field (form, "street", "1200 HARBOR BLVD");
  assert_field (form, "unit", "STE 400");
  assert_field (form, "city", "OAKLAND");
  assert_field (form, "region", "CA");
  assert_field (form, "postal-code", "94607-3311");
  /* The other fields stay as typed. */
  assert_field (form, "authorized-person", "Dana Whitfield");
  assert_field (form, "account-number", "8841-22017-5");
  /* To be written and signed again; the old check is for the old LOA. */
  g_object_get (form, "generated-loa", &generated, NULL);
  g_assert_null (generated);
  g_assert_null (porting_port_in_form_get_check_result (form));
  g_assert_false (porting_port_in_form_is_signed (form));
  g_assert_false (porting_port_in_form_can_use_proof_spelling (form));
  g_assert_false (porting_port_in_form_use_proof_spelling (form));
  {
    g_autoptr(GPtrArray) problems = porting_port_in_form_check_step (form, PORTING_PORT_IN_STEP_LOA);

    g_assert_nonnull (porting_form_problems_get_first (problems));
  }

  /* Signed again and written again: the check finds the bill's spelling. */
  g_object_set (form, "typed-signature", "Dana Whitfield", NULL);
  g_assert_true (porting_port_in_form_is_signed (form));
  write_loa (form, rewritten);
  again = check_against (rewritten, "acme-equivalent-invoice.pdf");
  g_assert_cmpint (porting_check_result_get_field (again, PORTING_FIELD_NAME)->status, <=, PORTING_FIELD_STATUS_EQUIVALENT);
  /* The LOA puts its own commas between the parts of the address; the words are the bill's. */
  g_test_message ("LOA address now: %s", porting_check_result_get_field (again, PORTING_FIELD_ADDRESS)->loa_text);
  g_assert_nonnull (strstr (porting_check_result_get_field (again, PORTING_FIELD_ADDRESS)->loa_text,
                            "1200 HARBOR BLVD"));
  g_assert_nonnull (strstr (porting_check_result_get_field (again, PORTING_FIELD_ADDRESS)->loa_text, "STE 400"));
  g_assert_nonnull (strstr (porting_check_result_get_field (again, PORTING_FIELD_ADDRESS)->loa_text,
                            "OAKLAND"));
  g_assert_cmpint (porting_check_result_get_field (again, PORTING_FIELD_ADDRESS)->status, <=,
                   PORTING_FIELD_STATUS_EQUIVALENT);
  g_assert_cmpint (porting_check_result_get_verdict (again), ==, PORTING_CHECK_VERDICT_MATCH);
  g_object_set (form, "check-result", again, NULL);
  g_assert_false (porting_port_in_form_can_use_proof_spelling (form));

  /* An imported LOA is the customer's own: never written again. */
  g_object_set (form, "check-result", result, "import-loa", TRUE, "imported-loa", loa, NULL);
  g_assert_false (porting_port_in_form_can_use_proof_spelling (form));

  g_assert_cmpint (g_unlink (loa_path), ==, 0);
  g_assert_cmpint (g_unlink (rewritten_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A house number that differs on the bill: the bill's is taken too. */
static void
test_proof_spelling_mismatch (void)
{
  g_autoptr(PortingPortInForm) form = new_form_on (2026, 12, 1);
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) loa = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-port-in-form-XXXXXX", &error);
  g_autofree char *loa_path = NULL;

  g_assert_no_error (error);
  loa_path = g_build_filename (dir, "loa.pdf", NULL);
  loa = g_file_new_for_path (loa_path);
  fill_all (form);
  write_loa (form, loa);
  result = check_against (loa, "acme-mismatch-invoice.pdf");
  g_object_set (form, "check-result", result, NULL);
  g_assert_true (porting_port_in_form_use_proof_spelling (form));
  assert_field (form, "customer-name", "ACME WIDGET CO");
  assert_field (form, "street", "1220 HARBOR BLVD");
  assert_field (form, "unit", "STE 400");
  assert_field (form, "postal-code", "94607");
  g_assert_cmpint (g_unlink (loa_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/port-in-form/numbers", test_numbers);
  g_test_add_func ("/port-in-form/before", test_before);
  g_test_add_func ("/port-in-form/loa-fields", test_loa_fields);
  g_test_add_func ("/port-in-form/postal-codes", test_postal_codes);
  g_test_add_func ("/port-in-form/proof-and-check", test_proof_and_check);
  g_test_add_func ("/port-in-form/wireless", test_wireless);
  g_test_add_func ("/port-in-form/dates", test_dates);
  g_test_add_func ("/port-in-form/window-description", test_window_description);
  g_test_add_func ("/port-in-form/request-json", test_request_json);
  g_test_add_func ("/port-in-form/partial-port-json", test_partial_port_json);
  g_test_add_func ("/port-in-form/draft-round-trip", test_draft_round_trip);
  g_test_add_func ("/port-in-form/old-draft", test_old_draft);
  g_test_add_func ("/port-in-form/correct-request", test_correct_request);
  g_test_add_func ("/port-in-form/resume-step", test_resume_step);
  g_test_add_func ("/port-in-form/summary", test_summary);
  g_test_add_func ("/port-in-form/imported-loa", test_imported_loa);
  g_test_add_func ("/port-in-form/btn-asked-once", test_btn_asked_once);
  g_test_add_func ("/port-in-form/proof-spelling", test_proof_spelling);
  g_test_add_func ("/port-in-form/proof-spelling-mismatch", test_proof_spelling_mismatch);

  return g_test_run ();
}
