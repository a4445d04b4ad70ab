/* test-loa-writer.c — the LOA PDF reads back as written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <poppler.h>

#include "porting-document.h"
#include "porting-loa.h"
#include "porting-loa-writer.h"

/* poppler-glib 22.12 has no autoptr support of its own. */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfPage, g_object_unref)

static PortingLoaWriterData *
acme_data (void)
{
  PortingLoaWriterData *data = porting_loa_writer_data_new ();

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
  data->btn = g_strdup ("+15105550142");
  data->date = g_strdup ("2026-11-02");
  g_ptr_array_add (data->numbers, g_strdup ("+15105550142"));
  g_ptr_array_add (data->numbers, g_strdup ("510.555.0143"));
  g_ptr_array_add (data->numbers, g_strdup ("(510) 555-0157"));

  return data;
}

static GFile *
output_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "loa", name, NULL);

  return g_file_new_for_path (path);
}

static PopplerDocument *
open_pdf (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(TestPdfPage) page = poppler_document_get_page (document, index);

  g_assert_nonnull (page);

  return poppler_page_get_text (page);
}

static char *
fixture_path (const char *name)
{
  const char *dir = g_getenv ("PORTING_FIXTURES_DIR");

  g_assert_nonnull (dir);

  return g_build_filename (dir, name, NULL);
}

/* Our LOA must read exactly like the reference one (the same fields, labels
 * and lines), whatever the fonts. */
static void
test_reads_like_reference (void)
{
  g_autoptr(PortingLoaWriterData) data = acme_data ();
  g_autoptr(GFile) out = output_file ("acme.pdf");
  g_autofree char *fixture = fixture_path ("acme-exact-loa.pdf");
  g_autoptr(GFile) fixture_file = g_file_new_for_path (fixture);
  g_autoptr(TestPdf) ours = NULL;
  g_autoptr(TestPdf) reference = NULL;
  g_autofree char *our_text = NULL;
  g_autofree char *reference_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  double width, height;

  data->typed_signature = g_strdup ("Dana Whitfield");

  g_assert_true (porting_loa_writer_write (data, out, &error));
  g_assert_no_error (error);

  ours = open_pdf (out);
  reference = open_pdf (fixture_file);
  g_assert_cmpint (poppler_document_get_n_pages (ours), ==, 1);

  our_text = page_text (ours, 0);
  reference_text = page_text (reference, 0);
  g_assert_cmpstr (our_text, ==, reference_text);

  g_assert_nonnull (strstr (our_text, "Billing Telephone Number (BTN): (510) 555-0142\n"));
  g_assert_nonnull (strstr (our_text, "(510) 555-0143\n"));

  title = poppler_document_get_title (ours);
  creator = poppler_document_get_creator (ours);
  g_assert_cmpstr (title, ==, "Letter of Authorization");
  g_assert_cmpstr (creator, ==, "Porting");

  {
    g_autoptr(TestPdfPage) page = poppler_document_get_page (ours, 0);

    poppler_page_get_size (page, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 612.0, 0.5);
    g_assert_cmpfloat_with_epsilon (height, 792.0, 0.5);
  }
}

static void
test_continuation_pages (void)
{
  g_autoptr(PortingLoaWriterData) data = acme_data ();
  g_autoptr(GFile) out = output_file ("many.pdf");
  g_autoptr(TestPdf) document = NULL;
  g_autoptr(GString) all_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int n_pages;

  g_ptr_array_set_size (data->numbers, 0);
  for (guint i = 0; i < 80; i++)
    g_ptr_array_add (data->numbers, g_strdup_printf ("+1510555%04u", 1000 + i));
  data->typed_signature = g_strdup ("Dana Whitfield");

  g_assert_true (porting_loa_writer_write (data, out, &error));
  g_assert_no_error (error);

  document = open_pdf (out);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, ==, 3);

  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = page_text (document, i);

      if (i == 0)
        {
          g_assert_true (g_str_has_prefix (text, "LETTER OF AUTHORIZATION (LOA)\n"));
          g_assert_nonnull (strstr (text, "Customer Name: Acme Widgets LLC\n"));
          g_assert_nonnull (strstr (text, "Authorized Signature"));
          g_assert_nonnull (strstr (text, "Date: 2026-11-02"));
        }
      else
        {
          g_assert_true (g_str_has_prefix (text, "Telephone numbers to be ported (continued)\n"));
        }

      g_string_append (all_text, text);
      g_string_append_c (all_text, '\n');
    }

  /* Every number, once, one per line, in order. */
  {
    const char *cursor = all_text->str;

    for (guint i = 0; i < 80; i++)
      {
        g_autofree char *line = g_strdup_printf ("\n(510) 555-%04u\n", 1000 + i);
        const char *found = strstr (cursor, line);

        g_assert_nonnull (found);
        g_assert_null (strstr (found + 1, line));
        cursor = found + 1;
      }
  }
}

static void
test_drawn_signature (void)
{
  g_autoptr(PortingLoaWriterData) data = acme_data ();
  g_autoptr(GFile) out = output_file ("drawn.pdf");
  g_autoptr(TestPdf) document = NULL;
  g_autoptr(TestPdfPage) page = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint dark = 0;
  PortingSignaturePoint stroke[40];

  for (guint i = 0; i < G_N_ELEMENTS (stroke); i++)
    {
      stroke[i].x = 10 + i * 6;
      stroke[i].y = 60 + 25 * sin (i / 3.0);
      stroke[i].pressure = 0.6;
    }
  porting_loa_writer_data_add_stroke (data, stroke, G_N_ELEMENTS (stroke));
  data->pad_width = 300;
  data->pad_height = 120;

  g_assert_true (porting_loa_writer_write (data, out, &error));
  g_assert_no_error (error);

  document = open_pdf (out);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  /* Drawn, not typed: the signer's name appears once (Authorized Person). */
  g_assert_nonnull (strstr (text, "Authorized Person: Dana Whitfield"));
  g_assert_null (strstr (strstr (text, "Authorized Person: Dana Whitfield") +
                        strlen ("Authorized Person: Dana Whitfield"), "Dana Whitfield"));

  /* Ink above the signature line: render and count dark pixels there. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  {
    const guchar *pixels = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);

    for (int y = 380; y < 470; y++)
      for (int x = 72; x < 330; x++)
        {
          guint32 pixel = *(const guint32 *) (gconstpointer) (pixels + y * stride + x * 4);
          if ((pixel & 0xff) < 0x80)
            dark++;
        }
  }
  cairo_surface_destroy (surface);

  g_assert_cmpuint (dark, >, 200);
}

static void
test_needs_signature (void)
{
  g_autoptr(PortingLoaWriterData) data = acme_data ();
  g_autoptr(GFile) out = output_file ("unsigned.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_false (porting_loa_writer_write (data, out, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_query_exists (out, NULL));
}

typedef struct
{
  gboolean  done;
  GError   *error;
} AsyncState;

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_true (porting_loa_writer_write_finish (result, &state->error));
  state->done = TRUE;
}

static void
test_async (void)
{
  g_autoptr(PortingLoaWriterData) data = acme_data ();
  g_autoptr(GFile) out = output_file ("async.pdf");
  g_autoptr(TestPdf) document = NULL;
  g_autofree char *text = NULL;
  AsyncState state = { FALSE, NULL };

  data->typed_signature = g_strdup ("Dana Whitfield");
  porting_loa_writer_write_async (data, out, NULL, write_cb, &state);
  /* The writer keeps its own copy of the data. */
  g_clear_pointer (&data, porting_loa_writer_data_free);

  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);

  document = open_pdf (out);
  text = page_text (document, 0);
  g_assert_nonnull (strstr (text, "Customer Name: Acme Widgets LLC\n"));
}

/* The LOA reader (porting-loa.c) gets back exactly what was written. */
static void
test_fields_read_back (void)
{
  g_autoptr(PortingLoaWriterData) data = acme_data ();
  g_autoptr(GFile) out = output_file ("fields.pdf");
  g_autoptr(PortingDocument) document = NULL;
  g_autoptr(PortingLoaFields) fields = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_set_size (data->numbers, 0);
  for (guint i = 0; i < 80; i++)
    g_ptr_array_add (data->numbers, g_strdup_printf ("+1510555%04u", 2000 + i));
  data->typed_signature = g_strdup ("Dana Whitfield");

  g_assert_true (porting_loa_writer_write (data, out, &error));
  g_assert_no_error (error);

  document = porting_document_load (out, NULL, NULL, &error);
  g_assert_no_error (error);
  fields = porting_loa_fields_read (document, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (fields->name, ==, "Acme Widgets LLC");
  g_assert_cmpstr (fields->authorized_person, ==, "Dana Whitfield");
  g_assert_cmpstr (fields->street, ==, "1200 Harbor Boulevard, Suite 400");
  g_assert_cmpstr (fields->city_line, ==, "Oakland, CA 94607");
  g_assert_cmpstr (fields->address, ==, "1200 Harbor Boulevard, Suite 400, Oakland, CA 94607");
  g_assert_cmpstr (fields->carrier, ==, "NorthStar Telecom");
  g_assert_cmpstr (fields->account_number, ==, "8841-22017-5");
  g_assert_cmpstr (fields->btn, ==, "(510) 555-0142");
  g_assert_cmpstr (fields->date, ==, "2026-11-02");
  g_assert_true (fields->is_signed);

  /* Every number of every page, plus the BTN, once each. */
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *e164 = g_strdup_printf ("+1510555%04u", 2000 + i);
      g_assert_true (g_ptr_array_find_with_equal_func (fields->numbers, e164, g_str_equal, NULL));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (fields->numbers, "+15105550142", g_str_equal, NULL));
  g_assert_cmpuint (fields->numbers->len, ==, 81);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loa-writer/reads-like-reference", test_reads_like_reference);
  g_test_add_func ("/loa-writer/continuation-pages", test_continuation_pages);
  g_test_add_func ("/loa-writer/drawn-signature", test_drawn_signature);
  g_test_add_func ("/loa-writer/needs-signature", test_needs_signature);
  g_test_add_func ("/loa-writer/async", test_async);
  g_test_add_func ("/loa-writer/fields-read-back", test_fields_read_back);

  return g_test_run ();
}
