/* test-document.c — loading PDFs and images, page text, scanning, rendering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "porting-document.h"

static GFile *
fixture_file (const char *name)
{
  const char *dir = g_getenv ("PORTING_FIXTURES_DIR");
  g_autofree char *path = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);

  return g_file_new_for_path (path);
}

static PortingDocument *
load_fixture (const char *name,
              const char *password)
{
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GError) error = NULL;
  PortingDocument *document;

  document = porting_document_load (file, password, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
assert_load_error (GFile      *file,
                   const char *password,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingDocument) document = NULL;

  document = porting_document_load (file, password, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PORTING_DOCUMENT_ERROR, code);
  /* One line a customer can read, naming the file. */
  g_assert_null (strchr (error->message, '\n'));
}

/* A temporary directory removed at the end of the test. */
static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-document-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0600);
      g_unlink (path);
    }

  g_rmdir (dir);
}

static GFile *
copy_fixture_as (const char *fixture,
                 const char *dir,
                 const char *new_name)
{
  g_autoptr(GFile) source = fixture_file (fixture);
  g_autofree char *path = g_build_filename (dir, new_name, NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&copy);
}

static void
test_fixtures_load (void)
{
  static const struct { const char *name; guint n_pages; } fixtures[] = {
    { "acme-encrypted-loa.pdf", 1 },
    { "acme-equivalent-invoice.pdf", 3 },
    { "acme-equivalent-loa.pdf", 1 },
    { "acme-exact-invoice.pdf", 3 },
    { "acme-exact-loa.pdf", 1 },
    { "acme-mismatch-invoice.pdf", 3 },
    { "acme-mismatch-loa.pdf", 1 },
    { "acme-screenshot-loa.pdf", 1 },
    { "acme-unit-mismatch-invoice.pdf", 3 },
    { "acme-unit-mismatch-loa.pdf", 1 },
    { "maple-csr-csr.pdf", 1 },
    { "maple-csr-loa.pdf", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(PortingDocument) document = load_fixture (fixtures[i].name, NULL);
      g_autoptr(GFile) file = fixture_file (fixtures[i].name);
      double width, height;

      g_test_message ("%s", fixtures[i].name);
      g_assert_cmpint (porting_document_get_kind (document), ==, PORTING_DOCUMENT_KIND_PDF);
      g_assert_cmpuint (porting_document_get_n_pages (document), ==, fixtures[i].n_pages);
      g_assert_true (g_file_equal (porting_document_get_file (document), file));

      porting_document_get_page_size (document, 0, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 792, 0.01);
    }
}

static void
test_page_text (void)
{
  g_autoptr(PortingDocument) document = load_fixture ("acme-equivalent-invoice.pdf", NULL);
  g_autoptr(PortingPageText) page_text = NULL;
  g_autoptr(PortingPageText) again = NULL;
  g_autoptr(PortingPageText) last = NULL;
  g_autoptr(GError) error = NULL;

  page_text = porting_document_get_page_text (document, 0, PORTING_PAGE_TEXT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page_text->page, ==, 0);
  g_assert_nonnull (strstr (page_text->text, "ACME WIDGETS LLC"));
  g_assert_nonnull (strstr (page_text->text, "1200 HARBOR BLVD STE 400"));
  g_assert_nonnull (strstr (page_text->text, "SERVICE ADDRESS\n1200 HARBOR BLVD STE 400\nOAKLAND CA 94607-3311"));
  /* Blocks sharing a line are kept apart, not glued into one word. */
  g_assert_null (strstr (page_text->text, "LLCInvoice"));
  g_assert_cmpuint (page_text->words->len, ==, 0);

  /* Cached: the same object comes back. */
  again = porting_document_get_page_text (document, 0, PORTING_PAGE_TEXT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again == page_text);

  last = porting_document_get_page_text (document, 2, PORTING_PAGE_TEXT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->page, ==, 2);
  g_assert_nonnull (strstr (last->text, "Page 3 of 3"));

  g_clear_pointer (&last, porting_page_text_unref);
  last = porting_document_get_page_text (document, 3, PORTING_PAGE_TEXT_FLAGS_NONE, NULL, &error);
  g_assert_null (last);
  g_assert_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_FAILED);
}

static void
test_page_words (void)
{
  g_autoptr(PortingDocument) document = load_fixture ("acme-equivalent-invoice.pdf", NULL);
  g_autoptr(PortingPageText) page_text = NULL;
  g_autoptr(PortingPageText) plain = NULL;
  g_autoptr(GArray) rects = NULL;
  g_autoptr(GArray) two_lines = NULL;
  g_autoptr(GArray) part = NULL;
  g_autoptr(GError) error = NULL;
  const char *address = "1200 HARBOR BLVD STE 400";
  const char *found;
  const PortingRect *rect;
  const PortingRect *service_rect = NULL;
  double width, height;
  guint start;

  porting_document_get_page_size (document, 0, &width, &height);

  /* Asked without words first: asking with words must not get the cached one. */
  plain = porting_document_get_page_text (document, 0, PORTING_PAGE_TEXT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  page_text = porting_document_get_page_text (document, 0, PORTING_PAGE_TEXT_FLAGS_WORDS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page_text->text, ==, plain->text);
  g_assert_cmpuint (page_text->words->len, >, 50);

  for (guint i = 0; i < page_text->words->len; i++)
    {
      const PortingWord *word = &g_array_index (page_text->words, PortingWord, i);
      g_autofree char *word_text = g_strndup (page_text->text + word->start, word->end - word->start);

      g_assert_cmpuint (word->start, <, word->end);
      g_assert_null (strpbrk (word_text, " \t\n"));
      if (i > 0)
        g_assert_cmpuint (word->start, >, g_array_index (page_text->words, PortingWord, i - 1).end);

      g_assert_cmpfloat (word->rect.x1, >=, 0);
      g_assert_cmpfloat (word->rect.y1, >=, 0);
      g_assert_cmpfloat (word->rect.x2, <=, width);
      g_assert_cmpfloat (word->rect.y2, <=, height);
      g_assert_cmpfloat (word->rect.x1, <, word->rect.x2);
      g_assert_cmpfloat (word->rect.y1, <, word->rect.y2);

      if (g_str_equal (word_text, "SERVICE"))
        service_rect = &word->rect;
    }

  /* Origin top-left: the first words are the carrier's name at the top. */
  g_assert_cmpfloat (g_array_index (page_text->words, PortingWord, 0).rect.y2, <, height / 4);
  g_assert_nonnull (service_rect);

  found = strstr (page_text->text, address);
  g_assert_nonnull (found);
  start = found - page_text->text;

  /* One line: one rectangle, below "SERVICE ADDRESS". */
  rects = porting_page_text_get_rects (page_text, start, start + strlen (address));
  g_assert_cmpuint (rects->len, ==, 1);
  rect = &g_array_index (rects, PortingRect, 0);
  g_assert_cmpfloat (rect->y1, >=, service_rect->y2 - 1);
  g_assert_cmpfloat (rect->y1, <, service_rect->y2 + 30);
  g_assert_cmpfloat (rect->x2 - rect->x1, >, 100);
  g_assert_cmpfloat (rect->x2, <=, width);

  /* Address and city: two lines, two rectangles, one under the other. */
  two_lines = porting_page_text_get_rects (page_text, start, start + strlen ("1200 HARBOR BLVD STE 400\nOAKLAND"));
  g_assert_cmpuint (two_lines->len, ==, 2);
  g_assert_cmpfloat (g_array_index (two_lines, PortingRect, 1).y1, >=,
                     g_array_index (two_lines, PortingRect, 0).y2 - 1);

  /* Part of a word: narrower than the word. */
  part = porting_page_text_get_rects (page_text, start + strlen ("1200 HAR"), start + strlen ("1200 HARBOR"));
  g_assert_cmpuint (part->len, ==, 1);
  g_assert_cmpfloat (g_array_index (part, PortingRect, 0).x1, >, rect->x1 + 20);
  g_assert_cmpfloat (g_array_index (part, PortingRect, 0).x2, <, rect->x2);

  /* Out of range: nothing, no crash. */
  g_clear_pointer (&part, g_array_unref);
  part = porting_page_text_get_rects (page_text, 100000, 100010);
  g_assert_cmpuint (part->len, ==, 0);
  g_clear_pointer (&part, g_array_unref);
  part = porting_page_text_get_rects (plain, start, start + 4);
  g_assert_cmpuint (part->len, ==, 0);
}

static void
test_bad_files (void)
{
  static const struct { const char *name; int code; } bad[] = {
    { "bad/empty.pdf", PORTING_DOCUMENT_ERROR_EMPTY },
    { "bad/garbage.pdf", PORTING_DOCUMENT_ERROR_DAMAGED },
    /* A PNG signature and nothing else: an image that cannot be read. */
    { "bad/not-a-pdf.pdf", PORTING_DOCUMENT_ERROR_DAMAGED },
    { "bad/truncated.pdf", PORTING_DOCUMENT_ERROR_DAMAGED },
    { "does-not-exist.pdf", PORTING_DOCUMENT_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GFile) file = fixture_file (bad[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(PortingDocument) document = NULL;
      g_autofree char *basename = g_file_get_basename (file);

      g_test_message ("%s", bad[i].name);
      assert_load_error (file, NULL, bad[i].code);

      document = porting_document_load (file, NULL, NULL, &error);
      g_assert_nonnull (strstr (error->message, basename));
    }
}

static void
test_not_supported (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *text_path = g_build_filename (dir, "invoice.pdf", NULL);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingDocument) document = NULL;

  g_file_set_contents (text_path, "Dear customer, this is not a PDF.\n", -1, &error);
  g_assert_no_error (error);
  assert_load_error (text_file, NULL, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED);

  document = porting_document_load (text_file, NULL, NULL, &error);
  g_assert_cmpstr (error->message, ==, "“invoice.pdf” is not a PDF or an image (PNG, JPEG, WebP, HEIC)");
  g_clear_error (&error);

  /* A folder is refused, whatever it is called. */
  document = porting_document_load (dir_file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  /* A pipe would block a reader forever: refused without opening it. */
  {
    g_autofree char *fifo_path = g_build_filename (dir, "fifo.pdf", NULL);
    g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);

    g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
    assert_load_error (fifo, NULL, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED);
  }

  /* Over 100 MiB (sparse: nothing written). */
  {
    g_autofree char *big_path = g_build_filename (dir, "big.pdf", NULL);
    g_autoptr(GFile) big = g_file_new_for_path (big_path);

    g_file_set_contents (big_path, "%PDF-1.4\n", -1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (truncate (big_path, (off_t) 101 * 1024 * 1024), ==, 0);
    assert_load_error (big, NULL, PORTING_DOCUMENT_ERROR_TOO_LARGE);
  }

  /* An unreadable file (root reads anything: then it just loads or not, without a crash). */
  g_assert_cmpint (g_chmod (text_path, 0), ==, 0);
  document = porting_document_load (text_file, NULL, NULL, &error);
  g_assert_null (document);
  if (geteuid () != 0)
    g_assert_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_FAILED);
  else
    g_assert_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  remove_temp_dir (dir);
}

typedef struct
{
  GArray       *pages;
  guint         stop_after;
  GCancellable *cancel_after_stop;
  gboolean      words_ok;
} ScanState;

static gboolean record_page (PortingPageText *page_text,
                             gpointer         user_data);

static void
test_encrypted (void)
{
  g_autoptr(GFile) file = fixture_file ("acme-encrypted-invoice.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingDocument) document = NULL;
  g_autoptr(PortingPageText) page_text = NULL;
  g_autoptr(GFile) loa = fixture_file ("acme-encrypted-loa.pdf");
  ScanState state = { 0 };

  assert_load_error (file, NULL, PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD);
  assert_load_error (file, "", PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD);
  assert_load_error (file, "wrong", PORTING_DOCUMENT_ERROR_WRONG_PASSWORD);

  document = porting_document_load (file, NULL, NULL, &error);
  g_assert_nonnull (strstr (error->message, "password"));
  g_assert_nonnull (strstr (error->message, "acme-encrypted-invoice.pdf"));
  g_clear_error (&error);

  document = porting_document_load (file, "porting", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (porting_document_get_n_pages (document), ==, 3);

  page_text = porting_document_get_page_text (document, 0, PORTING_PAGE_TEXT_FLAGS_WORDS, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page_text->text, "ACME WIDGETS LLC"));

  /* The scan workers open their own instances with the same password. */
  state.pages = g_array_new (FALSE, FALSE, sizeof (guint));
  state.stop_after = G_MAXUINT;
  g_assert_true (porting_document_scan_text (document, PORTING_PAGE_TEXT_FLAGS_NONE,
                                             record_page, &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.pages->len, ==, 3);
  g_array_unref (state.pages);
  g_clear_object (&document);

  /* A password given for a file that has none does no harm. */
  document = porting_document_load (loa, "porting", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (porting_document_get_n_pages (document), ==, 1);
}

static gboolean
surface_has_ink (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          if (row[x] != 0xffffffff)
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
surface_is_opaque (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  /* Corners: paper, not transparency. */
  return (((const guint32 *) (gconstpointer) data)[0] >> 24) == 0xff &&
         (((const guint32 *) (gconstpointer) (data + (gsize) (cairo_image_surface_get_height (surface) - 1) * stride))[0] >> 24) == 0xff;
}

static void
test_image (void)
{
  g_autoptr(PortingDocument) document = load_fixture ("acme-screenshot-invoice.png", NULL);
  g_autoptr(PortingPageText) page_text = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double width, height;

  g_assert_cmpint (porting_document_get_kind (document), ==, PORTING_DOCUMENT_KIND_IMAGE);
  g_assert_cmpuint (porting_document_get_n_pages (document), ==, 1);
  porting_document_get_page_size (document, 0, &width, &height);
  g_assert_cmpfloat (width, ==, 935);
  g_assert_cmpfloat (height, ==, 1210);

  /* Read by OCR: the page model of a text layer, each word from OCR,
   * with its confidence and its box on the image (one point a pixel). */
  page_text = porting_document_get_page_text (document, 0, PORTING_PAGE_TEXT_FLAGS_WORDS, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page_text->text, "ACME WIDGETS LLC"));
  g_assert_nonnull (strstr (page_text->text, "1200 HARBOR BLVD STE 400\nOAKLAND CA 94607-3311"));
  g_assert_cmpuint (page_text->words->len, >, 20);
  g_assert_cmpuint (page_text->blocks->len, >, 1);
  for (guint i = 0; i < page_text->words->len; i++)
    {
      const PortingWord *word = &g_array_index (page_text->words, PortingWord, i);

      g_assert_cmpint (word->source, ==, PORTING_TEXT_SOURCE_OCR);
      g_assert_cmpfloat (word->confidence, >=, 0);
      g_assert_cmpfloat (word->confidence, <=, 1);
      g_assert_cmpfloat (word->rect.x1, >=, 0);
      g_assert_cmpfloat (word->rect.x2, <=, width + 1);
      g_assert_cmpfloat (word->rect.y2, <=, height + 1);
    }

  /* Read once: the same words come back, not a second reading. */
  {
    g_autoptr(PortingPageText) again = porting_document_get_page_text (document, 0, PORTING_PAGE_TEXT_FLAGS_NONE, NULL, &error);

    g_assert_true (again == page_text);
  }

  surface = porting_document_render_page (document, 0, 0.5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 468);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 605);
  g_assert_true (surface_has_ink (surface));
  g_assert_true (surface_is_opaque (surface));
  cairo_surface_destroy (surface);
}

static void
test_type_by_content (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) png_as_pdf = copy_fixture_as ("acme-screenshot-invoice.png", dir, "scan.pdf");
  g_autoptr(GFile) pdf_as_png = copy_fixture_as ("acme-equivalent-invoice.pdf", dir, "invoice.png");
  g_autofree char *jpeg_path = g_build_filename (dir, "photo.pdf", NULL);
  g_autoptr(GFile) jpeg_as_pdf = g_file_new_for_path (jpeg_path);
  g_autoptr(GFile) png = fixture_file ("acme-screenshot-invoice.png");
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingDocument) document = NULL;
  g_autofree char *png_path = g_file_get_path (png);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autofree char *png_data = NULL;
  gsize png_size = 0;

  document = porting_document_load (png_as_pdf, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (porting_document_get_kind (document), ==, PORTING_DOCUMENT_KIND_IMAGE);
  g_clear_object (&document);

  document = porting_document_load (pdf_as_png, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (porting_document_get_kind (document), ==, PORTING_DOCUMENT_KIND_PDF);
  g_assert_cmpuint (porting_document_get_n_pages (document), ==, 3);
  g_clear_object (&document);

  /* By type: the isolated test dirs have no MIME database to guess from. */
  loader = gdk_pixbuf_loader_new_with_type ("png", &error);
  g_assert_no_error (error);
  g_file_get_contents (png_path, &png_data, &png_size, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_write (loader, (const guchar *) png_data, png_size, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  pixbuf = g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
  gdk_pixbuf_save (pixbuf, jpeg_path, "jpeg", &error, "quality", "80", NULL);
  g_assert_no_error (error);

  document = porting_document_load (jpeg_as_pdf, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (porting_document_get_kind (document), ==, PORTING_DOCUMENT_KIND_IMAGE);
  g_assert_cmpuint (porting_document_get_n_pages (document), ==, 1);
  g_clear_object (&document);

  remove_temp_dir (dir);
}

/* Scanning */

static gboolean
record_page (PortingPageText *page_text,
             gpointer         user_data)
{
  ScanState *state = user_data;

  g_array_append_val (state->pages, page_text->page);
  if (page_text->words->len == 0 && page_text->text[0] != '\0')
    state->words_ok = FALSE;

  if (page_text->page + 1 >= state->stop_after)
    {
      if (state->cancel_after_stop != NULL)
        {
          g_cancellable_cancel (state->cancel_after_stop);
          return TRUE;
        }
      return FALSE;
    }

  return TRUE;
}

/* A PDF of @n_pages pages, each saying which it is. */
static GFile *
write_numbered_pdf (const char *dir,
                    guint       n_pages)
{
  g_autofree char *path = g_build_filename (dir, "numbered.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 612, 792);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 12);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *line = g_strdup_printf ("Numbered page %u", i + 1);

      cairo_move_to (cr, 72, 72);
      cairo_show_text (cr, line);
      for (guint j = 0; j < 20; j++)
        {
          cairo_move_to (cr, 72, 100 + j * 14);
          cairo_show_text (cr, "(510) 555-0142  10/02/2026  OAKLAND CA  3 min  0.25");
        }
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_file_new_for_path (path);
}

static gboolean
check_numbered_page (PortingPageText *page_text,
                     gpointer         user_data)
{
  g_autofree char *expected = g_strdup_printf ("Numbered page %u\n", page_text->page + 1);

  g_assert_true (g_str_has_prefix (page_text->text, expected));

  return record_page (page_text, user_data);
}

static void
test_scan_text (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = write_numbered_pdf (dir, 40);
  g_autoptr(PortingDocument) document = NULL;
  g_autoptr(PortingDocument) small = load_fixture ("acme-equivalent-invoice.pdf", NULL);
  g_autoptr(GError) error = NULL;
  ScanState state = { 0 };

  document = porting_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (porting_document_get_n_pages (document), ==, 40);

  /* Every page, in order, with words. */
  state.pages = g_array_new (FALSE, FALSE, sizeof (guint));
  state.stop_after = G_MAXUINT;
  state.words_ok = TRUE;
  g_assert_true (porting_document_scan_text (document, PORTING_PAGE_TEXT_FLAGS_WORDS,
                                             check_numbered_page, &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.pages->len, ==, 40);
  for (guint i = 0; i < state.pages->len; i++)
    g_assert_cmpuint (g_array_index (state.pages, guint, i), ==, i);
  g_assert_true (state.words_ok);
  g_array_set_size (state.pages, 0);
  g_clear_object (&document);

  /* Stopping early on a fresh document: the call returns after page 3. */
  document = porting_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  state.stop_after = 3;
  g_assert_true (porting_document_scan_text (document, PORTING_PAGE_TEXT_FLAGS_NONE,
                                             check_numbered_page, &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.pages->len, ==, 3);
  g_assert_cmpuint (g_array_index (state.pages, guint, 2), ==, 2);
  g_array_set_size (state.pages, 0);

  /* Settled on the first page. */
  state.stop_after = 1;
  g_assert_true (porting_document_scan_text (document, PORTING_PAGE_TEXT_FLAGS_NONE,
                                             check_numbered_page, &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.pages->len, ==, 1);
  g_assert_cmpuint (g_array_index (state.pages, guint, 0), ==, 0);
  g_array_set_size (state.pages, 0);

  /* Cancelled from the callback at page 5: an error, no page after. */
  state.stop_after = 5;
  state.cancel_after_stop = g_cancellable_new ();
  g_assert_false (porting_document_scan_text (document, PORTING_PAGE_TEXT_FLAGS_NONE,
                                              check_numbered_page, &state,
                                              state.cancel_after_stop, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (state.pages->len, ==, 5);
  g_array_set_size (state.pages, 0);

  /* Already cancelled: nothing visited. */
  g_assert_false (porting_document_scan_text (document, PORTING_PAGE_TEXT_FLAGS_NONE,
                                              check_numbered_page, &state,
                                              state.cancel_after_stop, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (state.pages->len, ==, 0);
  g_clear_object (&state.cancel_after_stop);

  /* A three-page fixture. */
  state.stop_after = G_MAXUINT;
  g_assert_true (porting_document_scan_text (small, PORTING_PAGE_TEXT_FLAGS_NONE,
                                             record_page, &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.pages->len, ==, 3);

  g_array_unref (state.pages);
  remove_temp_dir (dir);
}

static gboolean
count_image_page (PortingPageText *page_text,
                  gpointer         user_data)
{
  guint *n_pages = user_data;

  /* Its one page, as OCR reads it. */
  g_assert_nonnull (strstr (page_text->text, "ACME WIDGETS LLC"));
  (*n_pages)++;

  return TRUE;
}

static void
test_scan_image (void)
{
  g_autoptr(PortingDocument) document = load_fixture ("acme-screenshot-invoice.png", NULL);
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  g_assert_true (porting_document_scan_text (document, PORTING_PAGE_TEXT_FLAGS_WORDS,
                                             count_image_page, &n_pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);
}

/* Text from several threads at once on one document. */
static gpointer
read_pages_thread (gpointer user_data)
{
  PortingDocument *document = user_data;

  for (guint round = 0; round < 5; round++)
    {
      for (guint page = 0; page < porting_document_get_n_pages (document); page++)
        {
          g_autoptr(PortingPageText) page_text = NULL;
          cairo_surface_t *surface;

          page_text = porting_document_get_page_text (document, page,
                                                      round % 2 ? PORTING_PAGE_TEXT_FLAGS_WORDS : 0,
                                                      NULL, NULL);
          g_assert_nonnull (strstr (page_text->text, "NorthStar Telecom"));

          surface = porting_document_render_page (document, page, 0.2, NULL, NULL);
          g_assert_nonnull (surface);
          cairo_surface_destroy (surface);
        }
    }

  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(PortingDocument) document = load_fixture ("acme-equivalent-invoice.pdf", NULL);
  GThread *threads[3];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_pages_thread, document);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

/* Async loading */

typedef struct
{
  GMainLoop       *loop;
  PortingDocument *document;
  GError          *error;
} LoadResult;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadResult *load = user_data;

  load->document = porting_document_load_finish (result, &load->error);
  g_main_loop_quit (load->loop);
}

static void
test_load_async (void)
{
  g_autoptr(GFile) file = fixture_file ("acme-encrypted-invoice.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  LoadResult load = { 0 };

  load.loop = g_main_loop_new (NULL, FALSE);

  porting_document_load_async (file, "porting", NULL, on_loaded, &load);
  g_main_loop_run (load.loop);
  g_assert_no_error (load.error);
  g_assert_nonnull (load.document);
  g_assert_cmpuint (porting_document_get_n_pages (load.document), ==, 3);
  g_clear_object (&load.document);

  porting_document_load_async (file, NULL, NULL, on_loaded, &load);
  g_main_loop_run (load.loop);
  g_assert_error (load.error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD);
  g_assert_null (load.document);
  g_clear_error (&load.error);

  porting_document_load_async (file, "porting", cancellable, on_loaded, &load);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (load.loop);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (load.document);
  g_clear_error (&load.error);

  g_main_loop_unref (load.loop);
}

static void
test_render (void)
{
  g_autoptr(PortingDocument) document = load_fixture ("acme-equivalent-invoice.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = porting_document_render_page (document, 0, 0.5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 306);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 396);
  g_assert_true (surface_has_ink (surface));
  g_assert_true (surface_is_opaque (surface));
  cairo_surface_destroy (surface);

  surface = porting_document_render_page (document, 2, 1.5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 918);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1188);
  cairo_surface_destroy (surface);

  g_cancellable_cancel (cancellable);
  surface = porting_document_render_page (document, 0, 1, cancellable, &error);
  g_assert_null (surface);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  surface = porting_document_render_page (document, 0, 1000, NULL, &error);
  g_assert_null (surface);
  g_assert_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE);
}

typedef struct
{
  guint         bands;
  guint         cancel_at;      /* 0: never */
  GCancellable *cancellable;
} Bands;

static void
count_band (gpointer user_data)
{
  Bands *bands = user_data;

  bands->bands++;
  if (bands->bands == bands->cancel_at)
    g_cancellable_cancel (bands->cancellable);
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  g_assert_cmpmem (cairo_image_surface_get_data (a), (gsize) stride * height,
                   cairo_image_surface_get_data (b), (gsize) stride * height);
}

/* A page drawn a band at a time is the page drawn at once, to the byte;
 * the caller is called before each band, and can cancel in between. An
 * image is drawn in one band. */
static void
test_render_in_bands (void)
{
  const char * const fixtures[] = { "acme-equivalent-invoice.pdf", "acme-screenshot-invoice.png" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(PortingDocument) document = load_fixture (fixtures[i], NULL);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      gboolean is_image = porting_document_get_kind (document) == PORTING_DOCUMENT_KIND_IMAGE;
      Bands bands = { 0, 0, cancellable };
      cairo_surface_t *whole;
      cairo_surface_t *banded;
      int height;

      whole = porting_document_render_page (document, 0, 1.3, NULL, &error);
      g_assert_no_error (error);
      height = cairo_image_surface_get_height (whole);

      /* Bands that do not divide the page: the last one is shorter. */
      banded = porting_document_render_page_in_bands (document, 0, 1.3, 100, count_band, &bands, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (height % 100, !=, 0);
      g_assert_cmpuint (bands.bands, ==, is_image ? 1 : (guint) (height + 99) / 100);
      assert_same_pixels (whole, banded);
      g_assert_true (surface_has_ink (banded));
      g_assert_true (surface_is_opaque (banded));
      cairo_surface_destroy (banded);
      cairo_surface_destroy (whole);

      if (is_image)
        continue;

      bands = (Bands) { 0, 3, cancellable };
      banded = porting_document_render_page_in_bands (document, 0, 1.3, 100, count_band, &bands, cancellable, &error);
      g_assert_null (banded);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (bands.bands, ==, 3);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/document/fixtures-load", test_fixtures_load);
  g_test_add_func ("/document/page-text", test_page_text);
  g_test_add_func ("/document/page-words", test_page_words);
  g_test_add_func ("/document/bad-files", test_bad_files);
  g_test_add_func ("/document/not-supported", test_not_supported);
  g_test_add_func ("/document/encrypted", test_encrypted);
  g_test_add_func ("/document/image", test_image);
  g_test_add_func ("/document/type-by-content", test_type_by_content);
  g_test_add_func ("/document/scan-text", test_scan_text);
  g_test_add_func ("/document/scan-image", test_scan_image);
  g_test_add_func ("/document/threads", test_threads);
  g_test_add_func ("/document/load-async", test_load_async);
  g_test_add_func ("/document/render", test_render);
  g_test_add_func ("/document/render-in-bands", test_render_in_bands);

  return g_test_run ();
}
