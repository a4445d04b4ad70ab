/* porting-document-scan.c — every page's text, extracted ahead on worker threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-document"

#include "config.h"

#include "porting-document-private.h"

/* How far the scan workers may run ahead of the page being handed out. */
#define SCAN_LOOK_AHEAD_PER_WORKER 2
#define SCAN_MAX_WORKERS 4

typedef struct
{
  PortingDocument      *document;
  PortingPageTextFlags  flags;

  GMutex                lock;
  GCond                 cond;
  guint                 next_to_claim;    /* first page no worker took yet */
  guint                 next_to_deliver;  /* first page the caller has not had */
  guint                 look_ahead;
  PortingPageText     **ready;            /* per page, extracted but not delivered */
  gboolean              stop;
  GError               *error;
} Scan;

typedef struct
{
  Scan            *scan;
  PopplerDocument *poppler_document;
} ScanWorker;

static gpointer
scan_worker_thread (gpointer user_data)
{
  ScanWorker *worker = user_data;
  Scan *scan = worker->scan;
  PortingDocument *document = scan->document;

  for (;;)
    {
      PortingPageText *page_text;
      guint page;

      g_mutex_lock (&scan->lock);
      while (!scan->stop &&
             scan->next_to_claim < porting_document_get_n_pages (document) &&
             scan->next_to_claim >= scan->next_to_deliver + scan->look_ahead)
        g_cond_wait (&scan->cond, &scan->lock);

      if (scan->stop || scan->next_to_claim >= porting_document_get_n_pages (document))
        {
          g_mutex_unlock (&scan->lock);
          break;
        }

      page = scan->next_to_claim++;
      g_mutex_unlock (&scan->lock);

      /* Not cached: kept from worker threads, hundreds of small texts pin
       * their arenas' freed pages, and cost several times their size. */
      page_text = _porting_document_lookup_text (document, page, scan->flags);
      if (page_text == NULL)
        page_text = _porting_document_extract_text (worker->poppler_document, page, scan->flags);

      g_mutex_lock (&scan->lock);
      scan->ready[page] = page_text;
      g_cond_broadcast (&scan->cond);
      g_mutex_unlock (&scan->lock);
    }

  return NULL;
}

static void
on_scan_cancelled (GCancellable *cancellable,
                   gpointer      user_data)
{
  Scan *scan = user_data;

  g_mutex_lock (&scan->lock);
  scan->stop = TRUE;
  g_cond_broadcast (&scan->cond);
  g_mutex_unlock (&scan->lock);
}

/* Small documents and images: no threads. */
static gboolean
scan_text_in_order (PortingDocument       *self,
                    guint                  first_page,
                    PortingPageTextFlags   flags,
                    PortingPageTextFunc    func,
                    gpointer               user_data,
                    GCancellable          *cancellable,
                    GError               **error)
{
  for (guint page = first_page; page < porting_document_get_n_pages (self); page++)
    {
      g_autoptr(PortingPageText) page_text = NULL;

      page_text = porting_document_get_page_text (self, page, flags, cancellable, error);
      if (page_text == NULL)
        return FALSE;

      if (!func (page_text, user_data))
        break;
    }

  return TRUE;
}

/**
 * porting_document_scan_text:
 * @self: a #PortingDocument
 * @flags: what to extract of each page
 * @func: (scope call): called for each page, in order, on the calling thread
 * @user_data: data for @func
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * The first page is read on the calling thread (and cached). From the
 * second on, worker threads, each with its own PopplerDocument on the
 * same bytes, extract a few pages ahead of @func; when @func returns
 * %FALSE, they stop after the page they are on. Those pages are not
 * cached: the text of a page is the same each time it is extracted, so
 * byte offsets stay valid for porting_document_get_page_text() later.
 *
 * Returns: %TRUE when every page was handed out or @func stopped the scan;
 *   %FALSE with @error set when cancelled or failing
 */
gboolean
porting_document_scan_text (PortingDocument       *self,
                            PortingPageTextFlags   flags,
                            PortingPageTextFunc    func,
                            gpointer               user_data,
                            GCancellable          *cancellable,
                            GError               **error)
{
  Scan scan = { 0 };
  ScanWorker workers[SCAN_MAX_WORKERS] = { { 0 } };
  GThread *threads[SCAN_MAX_WORKERS] = { 0 };
  guint n_workers;
  guint n_started = 0;
  gulong cancelled_id = 0;
  gboolean stopped_by_func = FALSE;
  gboolean ret = TRUE;

  g_return_val_if_fail (PORTING_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  n_workers = CLAMP (g_get_num_processors (), 1, SCAN_MAX_WORKERS);
  n_workers = MIN (n_workers, porting_document_get_n_pages (self));

  if (porting_document_get_kind (self) == PORTING_DOCUMENT_KIND_IMAGE || porting_document_get_n_pages (self) <= 2)
    return scan_text_in_order (self, 0, flags, func, user_data, cancellable, error);

  /* Most bills say whose they are on their first page: no threads, no
   * second PopplerDocument, no page read ahead for that. */
  {
    g_autoptr(PortingPageText) first_page = NULL;

    first_page = porting_document_get_page_text (self, 0, flags, cancellable, error);
    if (first_page == NULL)
      return FALSE;

    if (!func (first_page, user_data))
      return TRUE;

    if (g_cancellable_set_error_if_cancelled (cancellable, error))
      return FALSE;
  }

  scan.document = self;
  scan.flags = flags;
  scan.next_to_claim = 1;
  scan.next_to_deliver = 1;
  scan.look_ahead = n_workers * SCAN_LOOK_AHEAD_PER_WORKER;
  scan.ready = g_new0 (PortingPageText *, porting_document_get_n_pages (self));
  g_mutex_init (&scan.lock);
  g_cond_init (&scan.cond);

  for (guint i = 0; i < n_workers; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = g_strdup_printf ("porting-scan-%u", i);

      /* Opening is cheap next to extracting: the bytes are shared and
       * poppler reads the cross-reference table only. */
      workers[i].scan = &scan;
      workers[i].poppler_document =
        _porting_document_open_view (self, &local_error);
      if (workers[i].poppler_document == NULL)
        {
          g_warning ("Cannot open a second view of %s: %s",
                     _porting_document_get_display_name (self), local_error->message);
          break;
        }

      threads[i] = g_thread_try_new (name, scan_worker_thread, &workers[i], &local_error);
      if (threads[i] == NULL)
        {
          g_warning ("Cannot start a scan thread: %s", local_error->message);
          g_clear_object (&workers[i].poppler_document);
          break;
        }

      n_started++;
    }

  if (n_started == 0)
    {
      g_mutex_clear (&scan.lock);
      g_cond_clear (&scan.cond);
      g_free (scan.ready);
      return scan_text_in_order (self, 1, flags, func, user_data, cancellable, error);
    }

  if (cancellable != NULL)
    cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_scan_cancelled), &scan, NULL);

  for (guint page = 1; page < porting_document_get_n_pages (self); page++)
    {
      PortingPageText *page_text;

      g_mutex_lock (&scan.lock);
      while (scan.ready[page] == NULL && !scan.stop)
        g_cond_wait (&scan.cond, &scan.lock);
      /* Cancelled: not one more page, even one already extracted. */
      page_text = scan.stop ? NULL : g_steal_pointer (&scan.ready[page]);
      scan.next_to_deliver = page + 1;
      g_cond_broadcast (&scan.cond);
      g_mutex_unlock (&scan.lock);

      if (page_text == NULL)
        break;

      if (!func (page_text, user_data))
        stopped_by_func = TRUE;

      porting_page_text_unref (page_text);

      if (stopped_by_func)
        break;
    }

  g_mutex_lock (&scan.lock);
  scan.stop = TRUE;
  g_cond_broadcast (&scan.cond);
  g_mutex_unlock (&scan.lock);

  g_cancellable_disconnect (cancellable, cancelled_id);

  for (guint i = 0; i < n_started; i++)
    {
      g_thread_join (threads[i]);
      g_clear_object (&workers[i].poppler_document);
    }

  for (guint page = 0; page < porting_document_get_n_pages (self); page++)
    g_clear_pointer (&scan.ready[page], porting_page_text_unref);
  g_free (scan.ready);
  g_mutex_clear (&scan.lock);
  g_cond_clear (&scan.cond);

  if (!stopped_by_func && g_cancellable_set_error_if_cancelled (cancellable, error))
    ret = FALSE;

  return ret;
}
