/* test-job-forms.c — the Twilio transfer, port-out and inquiry rules, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "porting-byoc-form.h"
#include "porting-international-form.h"
#include "porting-port-out-form.h"
#include "porting-port-in-form.h"
#include "porting-transfer-form.h"

#define CUSTOMER_SID "AC0123456789abcdef0123456789abcdef"

static char *
summary (PortingForm *form)
{
  g_autoptr(GPtrArray) problems = porting_form_check (form);

  return porting_form_problems_dup_summary (problems);
}

static void
assert_summary (gpointer    form,
                const char *expected)
{
  g_autofree char *text = summary (PORTING_FORM (form));

  g_assert_cmpstr (text, ==, expected);
}

static char *
message (gpointer    form,
         const char *field)
{
  g_autoptr(GPtrArray) problems = porting_form_check (PORTING_FORM (form));

  return g_strdup (porting_form_problems_get_message (problems, field));
}

/* Outside G_TEST_OPTION_ISOLATE_DIRS: content types come from the system's
 * MIME database. */
static char *test_dir;

static GFile *
make_file (const char *name,
           const char *contents,
           gsize       length)
{
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
set_today (gpointer form)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 12, 2026);
  porting_form_set_today (PORTING_FORM (form), &today);
}

/* ---- Twilio transfer ------------------------------------------------------ */

static void
test_transfer_problems (void)
{
  g_autoptr(PortingTransferForm) form = porting_transfer_form_new ();
  g_autofree char *text = NULL;
  GDate date;

  set_today (form);
  assert_summary (form, "Add at least one telephone number.");
  g_object_set (form, "numbers", "+1 510 555 0142, 555-01", NULL);
  assert_summary (form, "Fix or remove the 1 number marked invalid.");
  g_object_set (form, "numbers", "+1 510 555 0142", NULL);
  assert_summary (form, "Enter your Twilio account SID.");

  /* What the SID classifier says, under the field and as the summary. */
  g_object_set (form, "account-sid", "SK0123456789abcdef0123456789abcdef", NULL);
  text = message (form, "account-sid");
  g_assert_nonnull (strstr (text, "API key"));
  g_clear_pointer (&text, g_free);
  g_object_set (form, "account-sid", " \"" CUSTOMER_SID "\" ", NULL);
  g_assert_null ((text = message (form, "account-sid")));
  assert_summary (form, "Confirm that no contract is tied to these numbers.");
  g_object_set (form, "contract", TRUE, NULL);
  assert_summary (form, NULL);

  /* A date: chosen, and after today. */
  g_object_set (form, "time-frame", PORTING_TRANSFER_TIME_FRAME_DATE, NULL);
  assert_summary (form, "Choose the date of the transfer.");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 12, 2026);
  porting_transfer_form_set_date (form, &date);
  text = message (form, "date");
  g_assert_cmpstr (text, ==, "Choose a date after today.");
  g_clear_pointer (&text, g_free);
  g_date_set_dmy (&date, 2, 12, 2026);
  porting_transfer_form_set_date (form, &date);
  assert_summary (form, NULL);
  g_assert_true (porting_transfer_form_get_date (form, &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 2);

  /* Another time frame needs no date. */
  g_object_set (form, "time-frame", PORTING_TRANSFER_TIME_FRAME_MONTH, "date", NULL, NULL);
  assert_summary (form, NULL);
}

static void
test_transfer_request (void)
{
  g_autoptr(PortingTransferForm) form = porting_transfer_form_new ();
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) numbers = NULL;
  static const struct {
    guint       time_frame;
    const char *date;
    const char *sent;
  } frames[] = {
    { PORTING_TRANSFER_TIME_FRAME_ASAP, NULL, "as-soon-as-possible" },
    { PORTING_TRANSFER_TIME_FRAME_TWO_WEEKS, NULL, "within-2-weeks" },
    { PORTING_TRANSFER_TIME_FRAME_MONTH, NULL, "within-a-month" },
    { PORTING_TRANSFER_TIME_FRAME_DATE, "2026-12-14", "2026-12-14" },
  };

  g_object_set (form,
                "numbers", "(510) 555-0142\n510.555.0142, +1 415 555 0100",
                "account-sid", "AC0123456789ABCDEF0123456789ABCDEF",
                "contract", TRUE,
                NULL);
  g_assert_cmpuint (porting_form_get_numbers (PORTING_FORM (form))->len, ==, 2);
  g_assert_cmpuint (porting_form_get_n_merged (PORTING_FORM (form)), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      g_clear_object (&request);
      g_object_set (form, "time-frame", frames[i].time_frame, "date", frames[i].date, NULL);
      request = porting_form_to_request (PORTING_FORM (form));
      g_assert_cmpstr (porting_request_get_string (request, "time_frame"), ==, frames[i].sent);
    }

  g_assert_true (porting_request_validate (request, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (porting_request_get_kind (request), ==, PORTING_REQUEST_KIND_TWILIO_TRANSFER);
  /* As Twilio writes it. */
  g_assert_cmpstr (porting_request_get_string (request, "twilio_account_sid"), ==, CUSTOMER_SID);
  g_assert_true (porting_request_get_boolean (request, "contract_acknowledged"));
  numbers = porting_request_dup_numbers (request);
  g_assert_cmpuint (g_strv_length (numbers), ==, 2);
  g_assert_cmpstr (numbers[1], ==, "+14155550100");
}

static void
test_transfer_draft (void)
{
  g_autoptr(PortingTransferForm) form = porting_transfer_form_new ();
  g_autoptr(PortingTransferForm) restored = porting_transfer_form_new ();
  g_autoptr(GFile) pdf = make_file ("permit.pdf", "%PDF-1.4\n", -1);
  g_autoptr(GFile) png = make_file ("id.png", "\x89PNG\r\n\x1a\n", 8);
  g_autoptr(JsonObject) draft = NULL;
  JsonArray *paths;
  GPtrArray *documents;
  guint time_frame;

  /* An auth token pasted by mistake never reaches the draft. */
  g_object_set (form, "account-sid", "0123456789abcdef0123456789abcdef", NULL);
  draft = porting_form_save_draft (PORTING_FORM (form));
  g_assert_false (json_object_has_member (draft, "account-sid"));
  g_clear_pointer (&draft, json_object_unref);

  /* Nor one pasted among the numbers (a console column copied whole): the
   * numbers are kept, the token is not. */
  g_object_set (form, "numbers", "+1 510 555 0142\n0123456789abcdef0123456789abcdef\n+1 415 555 0100", NULL);
  draft = porting_form_save_draft (PORTING_FORM (form));
  g_assert_null (strstr (json_object_get_string_member (draft, "numbers"), "0123456789abcdef"));
  g_assert_nonnull (strstr (json_object_get_string_member (draft, "numbers"), "+1 510 555 0142"));
  g_assert_nonnull (strstr (json_object_get_string_member (draft, "numbers"), "+1 415 555 0100"));
  g_clear_pointer (&draft, json_object_unref);
  {
    g_autoptr(PortingPortInForm) port_in = porting_port_in_form_new ();
    g_autoptr(JsonObject) port_in_draft = NULL;

    g_object_set (port_in, "numbers", "510 555 0142, 0123456789ABCDEF0123456789ABCDEF", NULL);
    port_in_draft = porting_form_save_draft (PORTING_FORM (port_in));
    g_assert_cmpstr (json_object_get_string_member (port_in_draft, "numbers"), ==, "510 555 0142, ");
  }

  g_object_set (form, "account-sid", CUSTOMER_SID, "time-frame", PORTING_TRANSFER_TIME_FRAME_DATE,
                "date", "2027-01-12", "numbers", "+1 510 555 0142", NULL);
  g_assert_true (porting_transfer_form_add_document (form, pdf));
  g_assert_false (porting_transfer_form_add_document (form, pdf));
  g_assert_true (porting_transfer_form_add_document (form, png));
  porting_transfer_form_remove_document (form, pdf);
  g_assert_true (porting_transfer_form_add_document (form, pdf));
  documents = porting_transfer_form_get_documents (form);
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_true (g_file_equal (g_ptr_array_index (documents, 0), png));

  draft = porting_form_save_draft (PORTING_FORM (form));
  g_assert_cmpstr (json_object_get_string_member (draft, "account-sid"), ==, CUSTOMER_SID);
  g_assert_cmpint (json_object_get_int_member (draft, "time-frame"), ==, PORTING_TRANSFER_TIME_FRAME_DATE);
  g_assert_cmpstr (json_object_get_string_member (draft, "date"), ==, "2027-01-12");
  paths = json_object_get_array_member (draft, "regulatory");
  g_assert_cmpuint (json_array_get_length (paths), ==, 2);

  porting_form_load_draft (PORTING_FORM (restored), draft);
  g_object_get (restored, "time-frame", &time_frame, NULL);
  g_assert_cmpuint (time_frame, ==, PORTING_TRANSFER_TIME_FRAME_DATE);
  documents = porting_transfer_form_get_documents (restored);
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_true (g_file_equal (g_ptr_array_index (documents, 1), pdf));
  {
    GPtrArray *regulatory = NULL;

    porting_form_get_documents (PORTING_FORM (restored), NULL, NULL, &regulatory);
    g_assert_true (regulatory == documents);
  }
}

static void
test_transfer_documents (void)
{
  g_autoptr(GFile) pdf = make_file ("bill.pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", -1);
  g_autoptr(GFile) text = make_file ("notes.txt", "not a document", -1);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  const char *attributes = G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                           G_FILE_ATTRIBUTE_STANDARD_TYPE;

  info = g_file_query_info (pdf, attributes, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_null ((problem = porting_transfer_form_check_document (pdf, info)));

  /* Too large, by the size alone. */
  g_file_info_set_size (info, 26 * 1024 * 1024);
  problem = porting_transfer_form_check_document (pdf, info);
  g_assert_nonnull (strstr (problem, "larger than 25 MB"));
  g_clear_pointer (&problem, g_free);
  g_clear_object (&info);

  info = g_file_query_info (text, attributes, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  problem = porting_transfer_form_check_document (text, info);
  g_assert_nonnull (strstr (problem, "not a PDF document or a PNG or JPEG image"));
}

/* ---- Port-out ------------------------------------------------------------- */

static void
test_port_out (void)
{
  g_autoptr(PortingPortOutForm) form = porting_port_out_form_new ();
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_object_set (form, "numbers", "(510) 555-0142", NULL);
  assert_summary (form, "Enter the name of the provider the numbers move to.");
  /* Not said under the field before anything was typed there. */
  g_assert_null ((text = message (form, "gaining-provider")));
  g_object_set (form, "gaining-provider", "  ", NULL);
  text = message (form, "gaining-provider");
  g_assert_cmpstr (text, ==, "Enter the name of the provider the numbers move to.");
  g_object_set (form, "gaining-provider", " Blue Sky Voice ", NULL);
  assert_summary (form, "Confirm that you understand the service stops here, and that no contract is tied to these numbers.");
  g_object_set (form, "contract", TRUE, "gaining-is-twilio", TRUE, NULL);
  assert_summary (form, NULL);

  request = porting_form_to_request (PORTING_FORM (form));
  g_assert_true (porting_request_validate (request, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_string (request, "gaining_provider"), ==, "Blue Sky Voice");
  g_assert_true (porting_request_get_boolean (request, "gaining_is_twilio"));
}

/* ---- Other countries ------------------------------------------------------ */

static void
test_international (void)
{
  g_autoptr(PortingInternationalForm) form = porting_international_form_new ();
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *country = NULL;
  g_autofree char *e164 = NULL;
  guint type;

  assert_summary (form, "Type the number with its country code, such as +44 20 7946 0958.");
  g_assert_null ((reason = porting_international_form_dup_number_problem (form, FALSE)));

  /* US and Canadian numbers go through Port In. */
  g_object_set (form, "number", "(510) 555-0142", NULL);
  reason = porting_international_form_fill_from_number (form);
  g_assert_nonnull (strstr (reason, "move it with Port In"));
  g_clear_pointer (&reason, g_free);

  /* A French mobile fills in the details. */
  g_object_set (form, "number", "+33 6 12 34 56 78", NULL);
  g_assert_null ((reason = porting_international_form_fill_from_number (form)));
  g_object_get (form, "country-name", &country, "international-number", &e164, "type", &type, NULL);
  g_assert_cmpstr (country, ==, "France");
  g_assert_cmpstr (e164, ==, "+33612345678");
  g_assert_cmpuint (type, ==, PORTING_INTERNATIONAL_TYPE_MOBILE);
  assert_summary (form, NULL);

  g_object_set (form, "international-number", "33612345678", "notes", "  ", NULL);
  assert_summary (form, "Write the number in international form: a + followed by the country code and the number, such as +442079460958.");
  g_object_set (form, "international-number", "+33612345678", NULL);

  request = porting_form_to_request (PORTING_FORM (form));
  g_assert_true (porting_request_validate (request, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_string (request, "country"), ==, "FR");
  g_assert_cmpstr (porting_request_get_string (request, "country_name"), ==, "France");
  g_assert_cmpstr (porting_request_get_string (request, "number"), ==, "+33612345678");
  g_assert_cmpstr (porting_request_get_string (request, "number_type"), ==, "mobile");
  g_assert_null (porting_request_get_string (request, "notes"));
}

static void
test_international_queue (void)
{
  g_autoptr(PortingInternationalForm) form = porting_international_form_new ();
  g_autoptr(PortingInternationalForm) restored = porting_international_form_new ();
  g_autoptr(JsonObject) draft = NULL;
  const char * const numbers[] = { "+44 20 7946 0958", "+33 1 42 68 53 00", "+442079460958", "  ", "+49 30 901820", NULL };
  g_autofree char *number = NULL;
  g_auto(GStrv) queue = NULL;

  porting_international_form_add_numbers (form, numbers);
  g_object_get (form, "number", &number, NULL);
  g_assert_cmpstr (number, ==, "+44 20 7946 0958");
  /* The same number written another way is not added twice. */
  g_assert_cmpuint (porting_international_form_get_n_queued (form), ==, 2);
  g_assert_cmpstr (porting_international_form_get_queued (form, 0), ==, "+33 1 42 68 53 00");
  porting_international_form_add_numbers (form, numbers);
  g_assert_cmpuint (porting_international_form_get_n_queued (form), ==, 2);

  /* Using a waiting number puts the form's in its place. */
  porting_international_form_use_queued (form, 1);
  g_clear_pointer (&number, g_free);
  g_object_get (form, "number", &number, NULL);
  g_assert_cmpstr (number, ==, "+49 30 901820");
  g_assert_cmpstr (porting_international_form_get_queued (form, 1), ==, "+44 20 7946 0958");

  draft = porting_form_save_draft (PORTING_FORM (form));
  g_assert_cmpstr (json_object_get_string_member (draft, "queue"), ==, "+33 1 42 68 53 00\n+44 20 7946 0958");
  porting_form_load_draft (PORTING_FORM (restored), draft);
  queue = porting_international_form_dup_queue (restored);
  g_assert_cmpuint (g_strv_length (queue), ==, 2);

  porting_international_form_remove_queued (form, 0);
  g_assert_cmpuint (porting_international_form_get_n_queued (form), ==, 1);
}

/* ---- Bring Your Own Carrier ----------------------------------------------- */

static void
test_byoc (void)
{
  g_autoptr(PortingByocForm) form = porting_byoc_form_new ();
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char * const more[] = { "510.555.0142", "(510) 555-0143", "not a number", NULL };
  g_auto(GStrv) numbers = NULL;

  assert_summary (form, "Add at least one telephone number.");
  g_object_set (form, "numbers", "+15105550142\n", NULL);
  assert_summary (form, "Name the carrier or SIP provider your numbers stay with.");

  /* Added in E.164, without the one already there. */
  porting_byoc_form_add_numbers (form, more);
  g_object_get (form, "numbers", &text, NULL);
  g_assert_cmpstr (text, ==, "+15105550142\n+15105550143\nnot a number");
  assert_summary (form, "Fix or remove the 1 number marked invalid.");
  g_object_set (form, "numbers", "+15105550142\n+15105550143", "sip-provider", " Flowroute ", "notes", "Trunk 203.0.113.7", NULL);
  assert_summary (form, NULL);

  request = porting_form_to_request (PORTING_FORM (form));
  g_assert_true (porting_request_validate (request, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (porting_request_get_string (request, "sip_provider"), ==, "Flowroute");
  numbers = porting_request_dup_numbers (request);
  g_assert_cmpuint (g_strv_length (numbers), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  test_dir = g_dir_make_tmp ("test-job-forms-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/job-forms/transfer/problems", test_transfer_problems);
  g_test_add_func ("/job-forms/transfer/request", test_transfer_request);
  g_test_add_func ("/job-forms/transfer/draft", test_transfer_draft);
  g_test_add_func ("/job-forms/transfer/documents", test_transfer_documents);
  g_test_add_func ("/job-forms/port-out", test_port_out);
  g_test_add_func ("/job-forms/international", test_international);
  g_test_add_func ("/job-forms/international/queue", test_international_queue);
  g_test_add_func ("/job-forms/byoc", test_byoc);

  status = g_test_run ();

  dir = g_file_new_for_path (test_dir);
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  for (GFileInfo *info; children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL;)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (owned));

      g_file_delete (child, NULL, NULL);
    }
  g_file_delete (dir, NULL, NULL);
  g_free (test_dir);

  return status;
}
