/* porting-document.c — a PDF or an image, its pages, their text and positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-document"

#include "config.h"

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "porting-document-private.h"

/* Bigger files are refused before being read: no invoice or LOA is that big. */
#define MAX_FILE_SIZE ((goffset) 100 * 1024 * 1024)
/* A screenshot bigger than this is a decompression bomb, not a bill. */
#define MAX_IMAGE_PIXELS ((gint64) 100 * 1000 * 1000)

struct _PortingDocument
{
  GObject              parent_instance;

  GFile               *file;
  char                *display_name;
  char                *password;
  PortingDocumentKind  kind;
  guint                n_pages;

  /* The file's bytes, shared by every PopplerDocument opened on it. */
  GBytes              *bytes;

  /* poppler is not thread-safe on one PopplerDocument: @poppler_lock
   * guards @poppler_document. Scans open their own instances. */
  GMutex               poppler_lock;
  PopplerDocument     *poppler_document;

  /* Images: the decoded pixels, read-only after loading. */
  cairo_surface_t     *image_surface;

  /* Guards @page_texts, one cached PortingPageText (or NULL) per page. */
  GMutex               cache_lock;
  PortingPageText    **page_texts;
};

G_DEFINE_FINAL_TYPE (PortingDocument, porting_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (porting-document-error-quark, porting_document_error)

static void
porting_document_finalize (GObject *object)
{
  PortingDocument *self = (PortingDocument *)object;

  if (self->page_texts != NULL)
    {
      for (guint i = 0; i < self->n_pages; i++)
        g_clear_pointer (&self->page_texts[i], porting_page_text_unref);
      g_clear_pointer (&self->page_texts, g_free);
    }

  g_clear_object (&self->poppler_document);
  g_clear_pointer (&self->image_surface, cairo_surface_destroy);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->password, g_free);
  g_mutex_clear (&self->poppler_lock);
  g_mutex_clear (&self->cache_lock);

  G_OBJECT_CLASS (porting_document_parent_class)->finalize (object);
}

static void
porting_document_class_init (PortingDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porting_document_finalize;
}

static void
porting_document_init (PortingDocument *self)
{
  g_mutex_init (&self->poppler_lock);
  g_mutex_init (&self->cache_lock);
}

/* Loading */

static char *
dup_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);

  basename = g_file_get_basename (file);
  if (basename != NULL && g_utf8_validate (basename, -1, NULL))
    return g_steal_pointer (&basename);

  return g_file_get_parse_name (file);
}

static gboolean
looks_like_pdf (const guint8 *data,
                gsize         size)
{
  gsize limit = MIN (size, 1024);

  /* Like poppler, accept junk before the header, within the first KiB. */
  for (gsize i = 0; i + 5 <= limit; i++)
    {
      if (data[i] == '%' && memcmp (data + i, "%PDF-", 5) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The gdk-pixbuf loader for @data, or %NULL when not a PNG or JPEG. Naming
 * it spares gdk-pixbuf guessing through the MIME database, which may be
 * missing (tests, sandboxes). */
static const char *
sniff_image_type (const guint8 *data,
                  gsize         size)
{
  static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg_signature[] = { 0xff, 0xd8, 0xff };

  if (size >= sizeof png_signature &&
      memcmp (data, png_signature, sizeof png_signature) == 0)
    return "png";

  if (size >= sizeof jpeg_signature &&
      memcmp (data, jpeg_signature, sizeof jpeg_signature) == 0)
    return "jpeg";

  return NULL;
}

static void
set_damaged_error (GError     **error,
                   const char  *display_name)
{
  g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be read"), display_name);
}

static void
set_read_error (GError     **error,
                const char  *display_name,
                GError      *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (io_error));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
           g_error_matches (io_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_FOUND,
                 _("“%s” does not exist"), display_name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (io_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
           g_error_matches (io_error, G_FILE_ERROR, G_FILE_ERROR_PERM))
    g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_FAILED,
                 _("You are not allowed to read “%s”"), display_name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
           g_error_matches (io_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
    g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,
                 _("“%s” is a folder, not a PDF or an image (PNG, JPEG)"), display_name);
  else
    g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_FAILED,
                 _("“%s” cannot be read: %s"), display_name, io_error->message);
}

static GBytes *
read_file_bytes (GFile         *file,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  GBytes *bytes;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      set_read_error (error, display_name, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,
                   _("“%s” is a folder, not a PDF or an image (PNG, JPEG)"), display_name);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a PDF or an image (PNG, JPEG)"), display_name);
      return NULL;
    }

  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                   _("“%s” is too large (more than %d MB)"), display_name,
                   (int) (MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_file_get_path (file);
  if (path != NULL)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &local_error);

      if (mapped == NULL)
        {
          set_read_error (error, display_name, local_error);
          return NULL;
        }

      bytes = g_mapped_file_get_bytes (mapped);
    }
  else
    {
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
        {
          set_read_error (error, display_name, local_error);
          return NULL;
        }

      bytes = g_bytes_new_take (contents, length);
    }

  /* The size may have changed since it was asked for. */
  if (g_bytes_get_size (bytes) == 0)
    {
      g_bytes_unref (bytes);
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_EMPTY,
                   _("“%s” is empty"), display_name);
      return NULL;
    }

  if (g_bytes_get_size (bytes) > (gsize) MAX_FILE_SIZE)
    {
      g_bytes_unref (bytes);
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                   _("“%s” is too large (more than %d MB)"), display_name,
                   (int) (MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  return bytes;
}

/* poppler 22.12 crashes in poppler_document_new_from_bytes() when the
 * password is wrong (it retries on a stream it has already freed); a
 * memory stream over the same bytes takes the other, sound path. */
static PopplerDocument *
new_poppler_document (GBytes      *bytes,
                      const char  *password,
                      GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  if (password == NULL)
    return poppler_document_new_from_bytes (bytes, NULL, error);

  stream = g_memory_input_stream_new_from_bytes (bytes);

  return poppler_document_new_from_stream (stream, g_bytes_get_size (bytes), password, NULL, error);
}

static PopplerDocument *
open_poppler_document (GBytes      *bytes,
                       const char  *password,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;

  document = new_poppler_document (bytes, password, &local_error);
  if (document != NULL)
    return document;

  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password == NULL)
        g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD,
                     _("“%s” is protected by a password"), display_name);
      else
        g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_WRONG_PASSWORD,
                     _("The password for “%s” is not correct"), display_name);
    }
  else
    {
      g_debug ("poppler cannot open %s: %s", display_name, local_error->message);
      set_damaged_error (error, display_name);
    }

  return NULL;
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  gboolean *too_large = user_data;

  if (width <= 0 || height <= 0 ||
      (gint64) width * height > MAX_IMAGE_PIXELS ||
      width > 32767 || height > 32767)
    {
      *too_large = TRUE;
      /* Makes the loader skip decoding: far cheaper than decoding a bomb. */
      gdk_pixbuf_loader_set_size (loader, 1, 1);
    }
}

/* Premultiplied native-endian ARGB32, as cairo wants it. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  gboolean has_alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface;
  guint8 *dest;
  int dest_stride;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_flush (surface);
  dest = cairo_image_surface_get_data (surface);
  dest_stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    {
      const guint8 *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (gpointer) (dest + (gsize) y * dest_stride);

      for (int x = 0; x < width; x++, s += n_channels)
        {
          guint alpha = has_alpha ? s[3] : 0xff;
          guint red = (s[0] * alpha + 127) / 255;
          guint green = (s[1] * alpha + 127) / 255;
          guint blue = (s[2] * alpha + 127) / 255;

          d[x] = (alpha << 24) | (red << 16) | (green << 8) | blue;
        }
    }

  cairo_surface_mark_dirty (surface);

  return surface;
}

static cairo_surface_t *
decode_image (GBytes      *bytes,
              const char  *image_type,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean too_large = FALSE;
  gboolean written;
  gboolean closed;
  GdkPixbuf *pixbuf;
  cairo_surface_t *surface;

  loader = gdk_pixbuf_loader_new_with_type (image_type, &local_error);
  if (loader == NULL)
    {
      g_warning ("No %s loader for gdk-pixbuf: %s", image_type, local_error->message);
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a PDF or an image (PNG, JPEG)"), display_name);
      return NULL;
    }

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &too_large);

  written = gdk_pixbuf_loader_write_bytes (loader, bytes, &local_error);
  /* Always close, even after an error, or the loader complains when finalized. */
  closed = gdk_pixbuf_loader_close (loader, written ? &local_error : NULL);

  if (too_large)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                   _("“%s” is too large an image"), display_name);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!written || !closed || pixbuf == NULL)
    {
      if (local_error != NULL)
        g_debug ("gdk-pixbuf cannot decode %s: %s", display_name, local_error->message);
      set_damaged_error (error, display_name);
      return NULL;
    }

  surface = surface_from_pixbuf (pixbuf);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                   _("“%s” is too large an image"), display_name);
      return NULL;
    }

  return surface;
}

/**
 * porting_document_load:
 * @file: a PDF, PNG or JPEG file; the type is told from the content
 * @password: (nullable): the password of a protected PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError in %PORTING_DOCUMENT_ERROR, with a message for the customer
 *
 * Blocking: call it from a worker thread, a test or the command line.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
PortingDocument *
porting_document_load (GFile         *file,
                       const char    *password,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(PortingDocument) self = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *image_type;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (password != NULL && password[0] == '\0')
    password = NULL;

  self = g_object_new (PORTING_TYPE_DOCUMENT, NULL);
  self->file = g_object_ref (file);
  self->display_name = dup_display_name (file);
  self->password = g_strdup (password);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  bytes = read_file_bytes (file, self->display_name, cancellable, error);
  if (bytes == NULL)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  data = g_bytes_get_data (bytes, &size);

  if (looks_like_pdf (data, size))
    {
      self->kind = PORTING_DOCUMENT_KIND_PDF;
      self->poppler_document = open_poppler_document (bytes, password, self->display_name, error);
      if (self->poppler_document == NULL)
        return NULL;

      if (poppler_document_get_n_pages (self->poppler_document) <= 0)
        {
          set_damaged_error (error, self->display_name);
          return NULL;
        }

      self->n_pages = poppler_document_get_n_pages (self->poppler_document);
    }
  else if ((image_type = sniff_image_type (data, size)) != NULL)
    {
      self->kind = PORTING_DOCUMENT_KIND_IMAGE;
      self->image_surface = decode_image (bytes, image_type, self->display_name, error);
      if (self->image_surface == NULL)
        return NULL;

      self->n_pages = 1;
    }
  else
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a PDF or an image (PNG, JPEG)"), self->display_name);
      return NULL;
    }

  self->bytes = g_steal_pointer (&bytes);
  self->page_texts = g_new0 (PortingPageText *, self->n_pages);

  return g_steal_pointer (&self);
}

typedef struct
{
  GFile *file;
  char  *password;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->password, g_free);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  PortingDocument *document;
  GError *error = NULL;

  document = porting_document_load (data->file, data->password, cancellable, &error);

  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * porting_document_load_async:
 * @file: a PDF, PNG or JPEG file
 * @password: (nullable): the password of a protected PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when done
 * @user_data: data for @callback
 *
 * Loads @file on a worker thread.
 */
void
porting_document_load_async (GFile               *file,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->password = g_strdup (password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, porting_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * porting_document_load_finish:
 * @result: the result given to the callback
 * @error: a #GError in %PORTING_DOCUMENT_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
PortingDocument *
porting_document_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porting_document_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Properties */

GFile *
porting_document_get_file (PortingDocument *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), NULL);

  return self->file;
}

PortingDocumentKind
porting_document_get_kind (PortingDocument *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), PORTING_DOCUMENT_KIND_PDF);

  return self->kind;
}

guint
porting_document_get_n_pages (PortingDocument *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), 0);

  return self->n_pages;
}

/**
 * porting_document_get_page_size:
 * @self: a #PortingDocument
 * @page: 0-based page index
 * @width: (out) (optional): width in points
 * @height: (out) (optional): height in points
 *
 * An image is one page of one point per pixel.
 */
void
porting_document_get_page_size (PortingDocument *self,
                                guint            page,
                                double          *width,
                                double          *height)
{
  double page_width = 0;
  double page_height = 0;

  g_return_if_fail (PORTING_IS_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);

  if (self->kind == PORTING_DOCUMENT_KIND_IMAGE)
    {
      page_width = cairo_image_surface_get_width (self->image_surface);
      page_height = cairo_image_surface_get_height (self->image_surface);
    }
  else
    {
      PopplerPage *poppler_page;

      g_mutex_lock (&self->poppler_lock);
      poppler_page = poppler_document_get_page (self->poppler_document, page);
      if (poppler_page != NULL)
        poppler_page_get_size (poppler_page, &page_width, &page_height);
      g_clear_object (&poppler_page);
      g_mutex_unlock (&self->poppler_lock);
    }

  if (width != NULL)
    *width = page_width;
  if (height != NULL)
    *height = page_height;
}

/* Page text */

static PortingPageText *
extract_page_text (PopplerDocument      *poppler_document,
                   guint                 page,
                   PortingPageTextFlags  flags)
{
  PopplerPage *poppler_page = poppler_document_get_page (poppler_document, page);
  PortingPageText *page_text;

  if (poppler_page == NULL)
    return porting_page_text_new (page, NULL);

  page_text = _porting_pdf_page_get_text (poppler_page, page, (flags & PORTING_PAGE_TEXT_FLAGS_WORDS) != 0);
  g_object_unref (poppler_page);

  return page_text;
}

static gboolean
page_text_satisfies (PortingPageText      *page_text,
                     PortingPageTextFlags  flags)
{
  /* Words are only ever empty when not asked for, or when the page has no text. */
  return (flags & PORTING_PAGE_TEXT_FLAGS_WORDS) == 0 ||
         page_text->words->len > 0 ||
         page_text->text[0] == '\0';
}

static PortingPageText *
lookup_cached (PortingDocument      *self,
               guint                 page,
               PortingPageTextFlags  flags)
{
  PortingPageText *page_text = NULL;

  g_mutex_lock (&self->cache_lock);
  if (self->page_texts[page] != NULL && page_text_satisfies (self->page_texts[page], flags))
    page_text = porting_page_text_ref (self->page_texts[page]);
  g_mutex_unlock (&self->cache_lock);

  return page_text;
}

/* Returns the cached one when another thread got there first. */
static PortingPageText *
store_cached (PortingDocument *self,
              PortingPageText *page_text)
{
  PortingPageText *result;
  guint page = page_text->page;

  g_mutex_lock (&self->cache_lock);
  if (self->page_texts[page] != NULL &&
      (self->page_texts[page]->words->len >= page_text->words->len))
    {
      result = porting_page_text_ref (self->page_texts[page]);
      porting_page_text_unref (page_text);
    }
  else
    {
      g_clear_pointer (&self->page_texts[page], porting_page_text_unref);
      self->page_texts[page] = porting_page_text_ref (page_text);
      result = page_text;
    }
  g_mutex_unlock (&self->cache_lock);

  return result;
}

/**
 * porting_document_get_page_text:
 * @self: a #PortingDocument
 * @page: 0-based page index
 * @flags: %PORTING_PAGE_TEXT_FLAGS_WORDS to also get the words and rectangles
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Thread-safe; the result is cached. An image has empty text (no OCR).
 *
 * Returns: (transfer full): the page text, or %NULL with @error set
 */
PortingPageText *
porting_document_get_page_text (PortingDocument       *self,
                                guint                  page,
                                PortingPageTextFlags   flags,
                                GCancellable          *cancellable,
                                GError               **error)
{
  PortingPageText *page_text;

  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (page >= self->n_pages)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_FAILED,
                   _("“%s” has no page %u"), self->display_name, page + 1);
      return NULL;
    }

  if ((page_text = lookup_cached (self, page, flags)) != NULL)
    return page_text;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (self->kind == PORTING_DOCUMENT_KIND_IMAGE)
    {
      page_text = porting_page_text_new (page, g_strdup (""));
    }
  else
    {
      g_mutex_lock (&self->poppler_lock);
      page_text = extract_page_text (self->poppler_document, page, flags);
      g_mutex_unlock (&self->poppler_lock);
    }

  return store_cached (self, page_text);
}

/* Internal: what the scan (porting-document-scan.c) needs */

PopplerDocument *
_porting_document_open_view (PortingDocument  *self,
                             GError          **error)
{
  return new_poppler_document (self->bytes, self->password, error);
}

PortingPageText *
_porting_document_lookup_text (PortingDocument      *self,
                               guint                 page,
                               PortingPageTextFlags  flags)
{
  return lookup_cached (self, page, flags);
}

PortingPageText *
_porting_document_extract_text (PopplerDocument      *poppler_document,
                                guint                 page,
                                PortingPageTextFlags  flags)
{
  return extract_page_text (poppler_document, page, flags);
}

const char *
_porting_document_get_display_name (PortingDocument *self)
{
  return self->display_name;
}

/* Form fields */

/**
 * porting_document_get_form_fields:
 * @self: a #PortingDocument
 * @page: 0-based page index
 * @with_signatures: whether to look for a digital signature in signature
 *   fields (which starts the crypto library: only for an LOA)
 * @error: a #GError
 *
 * Thread-safe.
 *
 * Returns: (transfer full) (element-type PortingPdfField): the fields of
 *   @page, empty for an image or a page without any; %NULL with @error set
 *   when there is no such page
 */
GPtrArray *
porting_document_get_form_fields (PortingDocument  *self,
                                  guint             page,
                                  gboolean          with_signatures,
                                  GError          **error)
{
  PopplerPage *poppler_page;
  GPtrArray *fields;

  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (page >= self->n_pages)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_FAILED,
                   _("“%s” has no page %u"), self->display_name, page + 1);
      return NULL;
    }

  if (self->kind != PORTING_DOCUMENT_KIND_PDF)
    return g_ptr_array_new ();

  g_mutex_lock (&self->poppler_lock);
  poppler_page = poppler_document_get_page (self->poppler_document, page);
  fields = poppler_page != NULL ?
           _porting_pdf_page_get_form_fields (poppler_page, page, with_signatures) :
           g_ptr_array_new ();
  g_clear_object (&poppler_page);
  g_mutex_unlock (&self->poppler_lock);

  return fields;
}

/* Rendering */

/**
 * porting_document_render_page:
 * @self: a #PortingDocument
 * @page: 0-based page index
 * @scale: device pixels per point
 * @cancellable: (nullable): a #GCancellable, checked before starting
 * @error: a #GError
 *
 * Thread-safe.
 *
 * Returns: (transfer full): an ARGB32 surface with white behind the page,
 *   or %NULL with @error set
 */
cairo_surface_t *
porting_document_render_page (PortingDocument  *self,
                              guint             page,
                              double            scale,
                              GCancellable     *cancellable,
                              GError          **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width;
  double page_height;
  double surface_width;
  double surface_height;

  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (page >= self->n_pages)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_FAILED,
                   _("“%s” has no page %u"), self->display_name, page + 1);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  porting_document_get_page_size (self, page, &page_width, &page_height);
  surface_width = ceil (page_width * scale);
  surface_height = ceil (page_height * scale);

  if (!(scale > 0) || !(surface_width >= 1) || !(surface_height >= 1) ||
      surface_width > 32767 || surface_height > 32767)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                   _("Page %u of “%s” is too large to show at this size"),
                   page + 1, self->display_name);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) surface_width, (int) surface_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                   _("Page %u of “%s” is too large to show at this size"),
                   page + 1, self->display_name);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);

  if (self->kind == PORTING_DOCUMENT_KIND_IMAGE)
    {
      /* cairo may attach snapshots to a source surface: one reader at a time. */
      g_mutex_lock (&self->poppler_lock);
      cairo_set_source_surface (cr, self->image_surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr),
                                scale < 1 ? CAIRO_FILTER_GOOD : CAIRO_FILTER_BILINEAR);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      g_mutex_unlock (&self->poppler_lock);
    }
  else
    {
      PopplerPage *poppler_page;

      g_mutex_lock (&self->poppler_lock);
      poppler_page = poppler_document_get_page (self->poppler_document, page);
      if (poppler_page != NULL)
        poppler_page_render (poppler_page, cr);
      g_clear_object (&poppler_page);
      g_mutex_unlock (&self->poppler_lock);
    }

  /* Like Papers: white behind, so transparent pages read as paper. */
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OVER);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_destroy (cr);

  return surface;
}
