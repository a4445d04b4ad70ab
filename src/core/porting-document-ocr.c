/* porting-document-ocr.c — pages read by OCR: an image, a PDF page with no text layer
 *
 * The words Tesseract reads go through the same page model as a text
 * layer's (porting_page_text_new_from_words()), each with its confidence
 * and the source OCR, so that matching and highlighting work the same.
 * A PDF page is rendered at 300 dpi first. What OCR may cost a document is
 * bounded: its first pages only, and no further page once the time is spent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-document"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "porting-document-private.h"
#include "porting-ocr.h"

/* A scanned LOA is one or two pages, a bill says whose it is on its first. */
#define MAX_OCR_PAGES 3
/* Past this, no further page is read (one page has its own limit). */
#define MAX_OCR_SECONDS 10
#define OCR_DPI 300.0
#define MAX_OCR_RENDER_PIXELS (16.0 * 1000 * 1000)
/* A page of a few words over a picture is a scan with a stamp or a footer. */
#define MAX_WORDS_OF_A_SCAN 12
#define MIN_IMAGE_COVERAGE_OF_A_SCAN 0.5

static gboolean
take_ocr_page (PortingDocument *self)
{
  PortingDocumentOcr *ocr = _porting_document_get_ocr (self);
  gboolean granted;

  g_mutex_lock (&ocr->lock);
  granted = ocr->pages_read < MAX_OCR_PAGES && ocr->usec_spent < (gint64) MAX_OCR_SECONDS * G_USEC_PER_SEC;
  if (granted)
    ocr->pages_read++;
  g_mutex_unlock (&ocr->lock);

  return granted;
}

static void
spend_ocr_time (PortingDocument *self,
                gint64           usec)
{
  PortingDocumentOcr *ocr = _porting_document_get_ocr (self);

  g_mutex_lock (&ocr->lock);
  ocr->usec_spent += usec;
  g_mutex_unlock (&ocr->lock);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

gboolean
_porting_document_page_wants_ocr (PortingDocument *self,
                                  PortingPageText *text_layer)
{
  if (porting_document_get_kind (self) == PORTING_DOCUMENT_KIND_IMAGE)
    return TRUE;
  if (text_layer == NULL || is_blank (text_layer->text))
    return TRUE;

  /* "Scanned with …" over a page that is a picture: the picture is the page. */
  return count_words (text_layer->text) <= MAX_WORDS_OF_A_SCAN &&
         _porting_document_get_image_coverage (self, text_layer->page) >= MIN_IMAGE_COVERAGE_OF_A_SCAN;
}

static gboolean
overlaps (const PortingRect *a,
          const PortingRect *b)
{
  return MIN (a->x2, b->x2) > MAX (a->x1, b->x1) && MIN (a->y2, b->y2) > MAX (a->y1, b->y1);
}

/* What the page says: the words read, laid out on the page stood upright
 * and straightened (a photo's lines run level there; the LOA reader and
 * the matcher measure in it), and the text layer's words that are not
 * already among them (a stamp, a footer typed over the scan). Where each
 * is seen on the page is porting_document_get_highlight_rects()'s. */
static PortingPageText *
page_from_words (guint             page,
                 PortingOcrResult *result,
                 double            points_per_pixel,
                 PortingPageText  *text_layer)
{
  g_autoptr(GArray) words = g_array_new (FALSE, TRUE, sizeof (PortingLayoutWord));
  /* The text layer's words are on the page as it is: only when that is upright. */
  gboolean page_is_upright = result->rotation == 0 && fabs (result->skew) < 0.5;

  for (guint i = 0; i < result->words->len; i++)
    {
      const PortingOcrWord *read = &g_array_index (result->words, PortingOcrWord, i);
      PortingLayoutWord word = { 0 };

      word.text = read->text;
      word.length = -1;
      word.rect = (PortingRect) {
        read->upright_x1 * points_per_pixel, read->upright_y1 * points_per_pixel,
        read->upright_x2 * points_per_pixel, read->upright_y2 * points_per_pixel,
      };
      word.confidence = read->confidence;
      word.source = PORTING_TEXT_SOURCE_OCR;
      g_array_append_val (words, word);
    }

  for (guint i = 0; page_is_upright && text_layer != NULL && i < text_layer->words->len; i++)
    {
      const PortingWord *kept = &g_array_index (text_layer->words, PortingWord, i);
      PortingLayoutWord word = { 0 };
      gboolean covered = FALSE;

      for (guint k = 0; k < result->words->len && !covered; k++)
        covered = overlaps (&kept->rect, &g_array_index (words, PortingLayoutWord, k).rect);
      if (covered)
        continue;

      word.text = text_layer->text + kept->start;
      word.length = kept->end - kept->start;
      word.rect = kept->rect;
      word.confidence = kept->confidence;
      word.source = kept->source;
      g_array_append_val (words, word);
    }

  return porting_page_text_new_from_words (page, (const PortingLayoutWord *) (gpointer) words->data,
                                           words->len, TRUE);
}

/* In points: the same map as in pixels, its shift scaled. */
static void
remember_placement (PortingDocument  *self,
                    guint             page,
                    PortingOcrResult *result,
                    double            points_per_pixel)
{
  PortingDocumentOcr *ocr = _porting_document_get_ocr (self);
  double *placement = g_new (double, 6);

  memcpy (placement, result->upright_to_image, 6 * sizeof (double));
  placement[4] *= points_per_pixel;
  placement[5] *= points_per_pixel;

  g_mutex_lock (&ocr->lock);
  if (ocr->placements == NULL)
    ocr->placements = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_hash_table_replace (ocr->placements, GUINT_TO_POINTER (page), placement);
  g_mutex_unlock (&ocr->lock);
}

void
_porting_document_ocr_clear (PortingDocumentOcr *ocr)
{
  g_clear_pointer (&ocr->placements, g_hash_table_unref);
  g_mutex_clear (&ocr->lock);
  g_mutex_clear (&ocr->reading);
}

/**
 * porting_document_get_highlight_rects:
 * @self: a #PortingDocument
 * @page_text: a page of @self
 * @start: byte offset into @page_text's text
 * @end: byte offset
 *
 * Where text[@start, @end) is seen on the page as porting_document_render_page()
 * draws it, one rectangle per word or line piece: the page model's own
 * rectangles, but for a photo or a scan read by OCR, whose model stands
 * upright and straight while the page may be tilted or turned.
 *
 * Returns: (transfer full) (element-type PortingRect): the rectangles
 */
GArray *
porting_document_get_highlight_rects (PortingDocument *self,
                                      PortingPageText *page_text,
                                      guint            start,
                                      guint            end)
{
  PortingDocumentOcr *ocr;
  GArray *rects;
  cairo_matrix_t to_page;
  gboolean placed = FALSE;

  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (page_text != NULL, NULL);

  rects = porting_page_text_get_rects (page_text, start, end);

  ocr = _porting_document_get_ocr (self);
  g_mutex_lock (&ocr->lock);
  if (ocr->placements != NULL)
    {
      const double *m = g_hash_table_lookup (ocr->placements, GUINT_TO_POINTER (page_text->page));

      if (m != NULL)
        {
          cairo_matrix_init (&to_page, m[0], m[1], m[2], m[3], m[4], m[5]);
          placed = TRUE;
        }
    }
  g_mutex_unlock (&ocr->lock);

  for (guint i = 0; placed && i < rects->len; i++)
    {
      PortingRect *rect = &g_array_index (rects, PortingRect, i);
      double xs[4] = { rect->x1, rect->x2, rect->x1, rect->x2 };
      double ys[4] = { rect->y1, rect->y1, rect->y2, rect->y2 };

      for (int k = 0; k < 4; k++)
        cairo_matrix_transform_point (&to_page, &xs[k], &ys[k]);
      rect->x1 = MIN (MIN (xs[0], xs[1]), MIN (xs[2], xs[3]));
      rect->x2 = MAX (MAX (xs[0], xs[1]), MAX (xs[2], xs[3]));
      rect->y1 = MIN (MIN (ys[0], ys[1]), MIN (ys[2], ys[3]));
      rect->y2 = MAX (MAX (ys[0], ys[1]), MAX (ys[2], ys[3]));
    }

  return rects;
}

static cairo_surface_t *
render_for_ocr (PortingDocument  *self,
                guint             page,
                double           *scale,
                GCancellable     *cancellable,
                GError          **error)
{
  double width = 0, height = 0;

  porting_document_get_page_size (self, page, &width, &height);
  *scale = OCR_DPI / 72.0;
  if (width * height * *scale * *scale > MAX_OCR_RENDER_PIXELS)
    *scale = sqrt (MAX_OCR_RENDER_PIXELS / MAX (width * height, 1.0));

  return porting_document_render_page (self, page, *scale, cancellable, error);
}

/*
 * read_page:
 * @self: a #PortingDocument
 * @page: the page
 * @text_layer: (nullable): what the page's text layer holds, with words
 * @progress: (nullable): called with 0…1 on this thread
 * @progress_data: for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError, set only when cancelled
 *
 * Blocking. When OCR cannot be done (its budget spent, its language data
 * missing, the page too large), the page is what its text layer says.
 *
 * Returns: (transfer full): the page text, or %NULL with @error set
 */
static PortingPageText *
read_page (PortingDocument        *self,
           guint                   page,
           PortingPageText        *text_layer,
           PortingOcrProgressFunc  progress,
           gpointer                progress_data,
           GCancellable           *cancellable,
           GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PortingOcrResult) result = NULL;
  cairo_surface_t *rendered = NULL;
  cairo_surface_t *surface;
  double scale = 1;
  gint64 start;

  if (!take_ocr_page (self))
    {
      g_debug ("Page %u of %s is not read by OCR: the document's OCR is spent",
               page + 1, _porting_document_get_display_name (self));
      goto text_layer_only;
    }

  start = g_get_monotonic_time ();
  surface = _porting_document_get_image (self);
  if (surface == NULL)
    {
      rendered = render_for_ocr (self, page, &scale, cancellable, &local_error);
      if (rendered == NULL)
        goto failed;
      surface = rendered;
    }

  result = porting_ocr_read (surface, progress, progress_data, cancellable, &local_error);
  g_clear_pointer (&rendered, cairo_surface_destroy);
  spend_ocr_time (self, g_get_monotonic_time () - start);
  if (result == NULL)
    goto failed;

  g_debug ("Page %u of %s read by OCR: %u words, mean confidence %.2f, turned %d°, %.1f s",
           page + 1, _porting_document_get_display_name (self), result->words->len,
           result->mean_confidence, result->rotation, (g_get_monotonic_time () - start) / 1e6);

  remember_placement (self, page, result, 1.0 / scale);
  return page_from_words (page, result, 1.0 / scale, text_layer);

failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Not the file's fault (no language data, no memory): said once, then
   * the check says the proof could not be read. */
  {
    static gsize warned = 0;

    if (g_once_init_enter (&warned))
      {
        g_warning ("%s", local_error->message);
        g_once_init_leave (&warned, 1);
      }
  }

text_layer_only:
  return text_layer != NULL ? porting_page_text_ref (text_layer) : porting_page_text_new (page, g_strdup (""));
}

/**
 * _porting_document_read_by_ocr:
 * @self: a #PortingDocument
 * @page: the page
 * @text_layer: (nullable): what the page's text layer holds, with words
 * @flags: what the caller asked of the page
 * @progress: (nullable): called with 0…1 on this thread
 * @progress_data: for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError, set only when cancelled
 *
 * One page of a document is read by one thread at a time: a second asking
 * for it waits, then has the first's words. The result is cached.
 *
 * Returns: (transfer full): the page text, or %NULL with @error set
 */
PortingPageText *
_porting_document_read_by_ocr (PortingDocument        *self,
                               guint                   page,
                               PortingPageText        *text_layer,
                               PortingPageTextFlags    flags,
                               PortingOcrProgressFunc  progress,
                               gpointer                progress_data,
                               GCancellable           *cancellable,
                               GError                **error)
{
  PortingDocumentOcr *ocr = _porting_document_get_ocr (self);
  PortingPageText *page_text;

  g_mutex_lock (&ocr->reading);
  page_text = _porting_document_lookup_text (self, page, flags);
  if (page_text == NULL)
    {
      page_text = read_page (self, page, text_layer, progress, progress_data, cancellable, error);
      if (page_text != NULL)
        page_text = _porting_document_store_text (self, page_text);
    }
  g_mutex_unlock (&ocr->reading);

  return page_text;
}

gboolean
porting_document_has_ocr_pages (PortingDocument *self)
{
  PortingDocumentOcr *ocr;
  gboolean any;

  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), FALSE);

  ocr = _porting_document_get_ocr (self);
  g_mutex_lock (&ocr->lock);
  any = ocr->placements != NULL && g_hash_table_size (ocr->placements) > 0;
  g_mutex_unlock (&ocr->lock);

  return any;
}

/* ---- Reading ahead, with progress on the caller's main context --------- */

typedef struct
{
  PortingDocumentProgressFunc  progress;
  gpointer                     progress_data;
  GDestroyNotify               progress_destroy;
  GMainContext                *context;
  PortingDocument             *document;

  GMutex                       lock;
  double                       fraction;      /* the latest */
  gboolean                     pending;       /* its report is on its way */
  guint                        page;          /* being read, of … */
  guint                        n_pages;
} ReadAhead;

static void
read_ahead_free (gpointer data)
{
  ReadAhead *read = data;

  if (read->progress_destroy != NULL)
    read->progress_destroy (read->progress_data);
  g_clear_pointer (&read->context, g_main_context_unref);
  g_clear_object (&read->document);
  g_mutex_clear (&read->lock);
  g_free (read);
}

static gboolean
report_progress_idle (gpointer data)
{
  ReadAhead *read = g_task_get_task_data (G_TASK (data));
  double fraction;

  g_mutex_lock (&read->lock);
  fraction = read->fraction;
  read->pending = FALSE;
  g_mutex_unlock (&read->lock);

  read->progress (read->document, fraction, read->progress_data);
  return G_SOURCE_REMOVE;
}

/* On the reading thread: only the latest value is carried over, and once. */
static void
on_page_progress (double   fraction,
                  gpointer user_data)
{
  GTask *task = user_data;
  ReadAhead *read = g_task_get_task_data (task);
  gboolean schedule;

  if (read->progress == NULL)
    return;

  g_mutex_lock (&read->lock);
  read->fraction = (read->page + fraction) / MAX (read->n_pages, 1);
  schedule = !read->pending;
  read->pending = TRUE;
  g_mutex_unlock (&read->lock);

  /* Always a source on that context: invoking could run it here, on
   * this thread, when no loop is iterating the context yet. */
  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, report_progress_idle, g_object_ref (task), g_object_unref);
      g_source_set_static_name (source, "[porting] OCR progress");
      g_source_attach (source, read->context);
    }
}

static void
read_ahead_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PortingDocument *self = source_object;
  ReadAhead *read = task_data;
  GError *error = NULL;

  for (read->page = 0; read->page < read->n_pages; read->page++)
    {
      g_autoptr(PortingPageText) page_text = NULL;

      page_text = _porting_document_get_page_text_full (self, read->page, PORTING_PAGE_TEXT_FLAGS_WORDS,
                                                        on_page_progress, task, cancellable, &error);
      if (page_text == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * porting_document_read_text_async:
 * @self: a #PortingDocument
 * @progress: (nullable) (scope notified): OCR's progress, 0…1
 * @progress_data: for @progress
 * @progress_destroy: (nullable): frees @progress_data
 * @cancellable: (nullable): a #GCancellable, which stops OCR as it reads
 * @callback: called on the thread-default main context
 * @user_data: for @callback
 *
 * Reads, on a worker thread, the pages OCR may read (the first ones), so
 * that a check of @self finds their text ready, and a window can say
 * "Reading the photo…" meanwhile.
 */
void
porting_document_read_text_async (PortingDocument             *self,
                                  PortingDocumentProgressFunc  progress,
                                  gpointer                     progress_data,
                                  GDestroyNotify               progress_destroy,
                                  GCancellable                *cancellable,
                                  GAsyncReadyCallback          callback,
                                  gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadAhead *read;

  g_return_if_fail (PORTING_IS_DOCUMENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  read = g_new0 (ReadAhead, 1);
  read->progress = progress;
  read->progress_data = progress_data;
  read->progress_destroy = progress_destroy;
  read->context = g_main_context_ref_thread_default ();
  read->document = g_object_ref (self);
  read->n_pages = MIN (porting_document_get_n_pages (self), MAX_OCR_PAGES);
  g_mutex_init (&read->lock);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porting_document_read_text_async);
  g_task_set_task_data (task, read, read_ahead_free);
  g_task_run_in_thread (task, read_ahead_thread);
}

/**
 * porting_document_read_text_finish:
 * @self: a #PortingDocument
 * @result: the result given to the callback
 * @read_by_ocr: (out) (optional): whether a page was read by OCR
 * @error: a #GError, %G_IO_ERROR_CANCELLED when cancelled
 *
 * Returns: %TRUE when the pages were read
 */
gboolean
porting_document_read_text_finish (PortingDocument  *self,
                                   GAsyncResult     *result,
                                   gboolean         *read_by_ocr,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porting_document_read_text_async, FALSE);

  if (read_by_ocr != NULL)
    *read_by_ocr = porting_document_has_ocr_pages (self);

  return g_task_propagate_boolean (G_TASK (result), error);
}
