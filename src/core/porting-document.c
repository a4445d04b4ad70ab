/* porting-document.c — a PDF or an image, its pages, their text and positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-document"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "porting-document-private.h"
#include "porting-image.h"
#include "porting-pdf-guard.h"

/* Bigger files are refused before being read: no invoice or LOA is that big. */
#define MAX_FILE_SIZE ((goffset) 100 * 1024 * 1024)
/* No bill, CSR or LOA is longer; past this, even opening each page is a cost. */
#define MAX_PAGES 10000

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

  PortingDocumentOcr   ocr;
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
  _porting_document_ocr_clear (&self->ocr);

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
  g_mutex_init (&self->ocr.lock);
  g_mutex_init (&self->ocr.reading);
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
                 _("“%s” is a folder, not a PDF or an image (PNG, JPEG, WebP, HEIC)"), display_name);
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
                   _("“%s” is a folder, not a PDF or an image (PNG, JPEG, WebP, HEIC)"), display_name);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a PDF or an image (PNG, JPEG, WebP, HEIC)"), display_name);
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

/* The content decides what it is, never the name. */
static gboolean
load_bytes (PortingDocument  *self,
            GBytes           *bytes,
            const char       *password,
            GCancellable     *cancellable,
            GError          **error)
{
  const guint8 *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);

  if (looks_like_pdf (data, size))
    {
      PopplerPage *first_page;
      int n_pages;

      /* What poppler would spend on it, bounded before it sees the file. */
      if (!porting_pdf_guard_check (data, size, self->display_name, cancellable, error))
        return FALSE;

      self->kind = PORTING_DOCUMENT_KIND_PDF;
      self->poppler_document = open_poppler_document (bytes, password, self->display_name, error);
      if (self->poppler_document == NULL)
        return FALSE;

      n_pages = poppler_document_get_n_pages (self->poppler_document);
      if (n_pages > MAX_PAGES)
        {
          g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                       _("“%s” has too many pages (%d; at most %d)"),
                       self->display_name, n_pages, MAX_PAGES);
          return FALSE;
        }

      /* A page tree that loops, or that leads nowhere, has no page to read. */
      first_page = n_pages > 0 ? poppler_document_get_page (self->poppler_document, 0) : NULL;
      if (first_page == NULL)
        {
          set_damaged_error (error, self->display_name);
          return FALSE;
        }
      g_object_unref (first_page);

      self->n_pages = n_pages;
    }
  else if (porting_image_sniff (data, size) != PORTING_IMAGE_FORMAT_UNKNOWN)
    {
      int width, height;

      /* An image is read by OCR: Tesseract loads while it is decoded, once
       * its header says it will be. */
      if (porting_image_read_size (data, size, porting_image_sniff (data, size), &width, &height, self->display_name, NULL) &&
          (gint64) width * height <= PORTING_IMAGE_MAX_PIXELS)
        porting_ocr_warm_up ();
      self->kind = PORTING_DOCUMENT_KIND_IMAGE;
      self->image_surface = porting_image_decode (bytes, self->display_name, cancellable, error);
      if (self->image_surface == NULL)
        return FALSE;

      self->n_pages = 1;
    }
  else
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a PDF or an image (PNG, JPEG, WebP, HEIC)"), self->display_name);
      return FALSE;
    }

  self->bytes = g_bytes_ref (bytes);
  self->page_texts = g_new0 (PortingPageText *, self->n_pages);

  return TRUE;
}

/**
 * porting_document_load:
 * @file: a PDF, PNG, JPEG, WebP or HEIC file; the type is told from the content
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

  if (!load_bytes (self, bytes, password, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * porting_document_load_bytes:
 * @bytes: the content of a PDF, PNG, JPEG, WebP or HEIC file
 * @display_name: how to name it in messages
 * @password: (nullable): the password of a protected PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError in %PORTING_DOCUMENT_ERROR
 *
 * The same as porting_document_load() for what is already in memory (a
 * download, a fuzzer's input); porting_document_get_file() is then %NULL.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
PortingDocument *
porting_document_load_bytes (GBytes        *bytes,
                             const char    *display_name,
                             const char    *password,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(PortingDocument) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (password != NULL && password[0] == '\0')
    password = NULL;

  self = g_object_new (PORTING_TYPE_DOCUMENT, NULL);
  self->display_name = g_strdup (display_name);
  self->password = g_strdup (password);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_EMPTY,
                   _("“%s” is empty"), display_name);
      return NULL;
    }
  if (g_bytes_get_size (bytes) > (gsize) MAX_FILE_SIZE)
    {
      g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                   _("“%s” is too large (more than %d MB)"), display_name,
                   (int) (MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (!load_bytes (self, bytes, password, cancellable, error))
    return NULL;

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
 * @file: a PDF, PNG, JPEG, WebP or HEIC file
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
 * Thread-safe; the result is cached. An image, and a PDF page with no
 * text layer (a scan), are read by OCR: blocking for seconds.
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
  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _porting_document_get_page_text_full (self, page, flags, NULL, NULL, cancellable, error);
}

/* porting_document_get_page_text(), with the progress of any OCR. */
PortingPageText *
_porting_document_get_page_text_full (PortingDocument        *self,
                                      guint                   page,
                                      PortingPageTextFlags    flags,
                                      PortingOcrProgressFunc  progress,
                                      gpointer                progress_data,
                                      GCancellable           *cancellable,
                                      GError                **error)
{
  PortingPageText *page_text = NULL;

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

  if (self->kind == PORTING_DOCUMENT_KIND_PDF)
    {
      g_mutex_lock (&self->poppler_lock);
      page_text = extract_page_text (self->poppler_document, page, flags);
      g_mutex_unlock (&self->poppler_lock);
    }

  /* An image, a scanned page: what OCR reads of it, with any words of the
   * text layer it has (a stamp, a footer). */
  if (_porting_document_page_wants_ocr (self, page_text))
    {
      g_autoptr(PortingPageText) text_layer = g_steal_pointer (&page_text);

      if (text_layer != NULL && text_layer->words->len == 0 && text_layer->text[0] != '\0')
        {
          g_clear_pointer (&text_layer, porting_page_text_unref);
          g_mutex_lock (&self->poppler_lock);
          text_layer = extract_page_text (self->poppler_document, page, PORTING_PAGE_TEXT_FLAGS_WORDS);
          g_mutex_unlock (&self->poppler_lock);
        }

      return _porting_document_read_by_ocr (self, page, text_layer, flags, progress, progress_data,
                                            cancellable, error);
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

cairo_surface_t *
_porting_document_get_image (PortingDocument *self)
{
  return self->image_surface;
}

PortingDocumentOcr *
_porting_document_get_ocr (PortingDocument *self)
{
  return &self->ocr;
}

PortingPageText *
_porting_document_store_text (PortingDocument *self,
                              PortingPageText *page_text)
{
  return store_cached (self, page_text);
}

double
_porting_document_get_image_coverage (PortingDocument *self,
                                      guint            page)
{
  PopplerPage *poppler_page;
  double width = 0, height = 0, covered = 0;

  if (self->kind != PORTING_DOCUMENT_KIND_PDF)
    return 0;

  g_mutex_lock (&self->poppler_lock);
  poppler_page = poppler_document_get_page (self->poppler_document, page);
  if (poppler_page != NULL)
    {
      GList *mapping = poppler_page_get_image_mapping (poppler_page);

      poppler_page_get_size (poppler_page, &width, &height);
      for (GList *l = mapping; l != NULL; l = l->next)
        {
          PopplerImageMapping *image = l->data;

          covered += fabs (image->area.x2 - image->area.x1) * fabs (image->area.y2 - image->area.y1);
        }
      poppler_page_free_image_mapping (mapping);
      g_object_unref (poppler_page);
    }
  g_mutex_unlock (&self->poppler_lock);

  return width > 0 && height > 0 ? MIN (covered / (width * height), 1.0) : 0;
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

/* porting-document-render.c renders pages one band at a time. */

PopplerDocument *
_porting_document_lock_poppler (PortingDocument *self)
{
  g_mutex_lock (&self->poppler_lock);
  return self->poppler_document;
}

void
_porting_document_unlock_poppler (PortingDocument *self)
{
  g_mutex_unlock (&self->poppler_lock);
}
