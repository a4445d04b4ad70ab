/* test-csr-writer.c — the CSR PDF of a port-out reads back as written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <poppler.h>

#include "porting-csr-writer.h"

typedef PopplerDocument TestPdf;
typedef PopplerPage TestPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfPage, g_object_unref)

static PortingRequest *
port_out_request (const char *csr)
{
  const char *json =
    "{\"kind\": \"port-out\", \"id\": \"req_7f3a\", \"status\": \"in-review\","
    " \"numbers\": [\"+15105550142\", \"+14165550199\"], \"contract_acknowledged\": true,"
    " \"gaining_provider\": \"Maple Mobile\", \"gaining_is_twilio\": false}";
  g_autoptr(GError) error = NULL;
  PortingRequest *request = porting_request_new_from_json (json, -1, NULL, &error);

  g_assert_no_error (error);
  if (csr != NULL)
    {
      g_autoptr(JsonObject) answer = json_object_new ();

      json_object_set_string_member (answer, "csr", csr);
      porting_request_set_answer (request, answer);
    }
  return request;
}

static char *
all_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

static PopplerDocument *
write_and_open (PortingRequest *request,
                const char     *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  PopplerDocument *document;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (porting_csr_writer_write (request, file, &error));
  g_assert_no_error (error);

  uri = g_file_get_uri (file);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static void
test_content (void)
{
  g_autoptr(PortingRequest) request =
    port_out_request ("Account name: Acme Widgets LLC\n"
                      "Account number: 8841-22017-5\n"
                      "Service address: 1200 Harbor Boulevard, Suite 400, Oakland, CA 94607\n"
                      "Transfer PIN: 4417");
  g_autoptr(TestPdf) document = write_and_open (request, "csr.pdf");
  g_autofree char *text = all_text (document);
  g_autofree char *title = poppler_document_get_title (document);

  g_assert_cmpstr (title, ==, "Customer Service Record");
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_nonnull (strstr (text, "Customer Service Record"));
  g_assert_nonnull (strstr (text, "req_7f3a"));
  g_assert_nonnull (strstr (text, "Maple Mobile"));
  g_assert_nonnull (strstr (text, "(510) 555-0142"));
  g_assert_nonnull (strstr (text, "+14165550199"));
  g_assert_nonnull (strstr (text, "Account number: 8841-22017-5"));
  g_assert_nonnull (strstr (text, "Transfer PIN: 4417"));
}

/* A long record flows on to more pages; no line runs off the page. */
static void
test_long_record (void)
{
  g_autoptr(GString) csr = g_string_new (NULL);
  g_autoptr(PortingRequest) request = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autofree char *text = NULL;
  int n_pages;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (csr, "Line %u: service location with a rather long description that has to wrap "
                                 "onto the next line of the page, item %u\n", i, i);
  g_string_append (csr, "LAST-UNBROKEN-TOKEN-0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789-END");
  request = port_out_request (csr->str);
  document = write_and_open (request, "long.pdf");
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >=, 4);
  text = all_text (document);
  g_assert_nonnull (strstr (text, "Line 0:"));
  g_assert_nonnull (strstr (text, "Line 119:"));
  g_assert_nonnull (strstr (text, "-END"));

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint r = 0; r < n_rects; r++)
        {
          g_assert_cmpfloat (rects[r].x2, <=, width - 36);
          g_assert_cmpfloat (rects[r].y2, <=, height - 20);
        }
    }
}

static void
test_no_csr (void)
{
  g_autoptr(PortingRequest) request = port_out_request (NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "none.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (porting_csr_writer_write (request, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(PortingRequest) request = port_out_request ("Account number: 55-1");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "async.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  porting_csr_writer_write_async (request, file, NULL, written_cb, &result);
  /* The thread has its own copy. */
  porting_request_set_answer (request, NULL);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (porting_csr_writer_write_finish (result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csr-writer/content", test_content);
  g_test_add_func ("/csr-writer/long-record", test_long_record);
  g_test_add_func ("/csr-writer/no-csr", test_no_csr);
  g_test_add_func ("/csr-writer/async", test_async);

  return g_test_run ();
}
