/* porting-check-view-reading.c — the documents read ahead, checked, their fields found
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-check-view"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-check-view-private.h"

static void
clear_field_hits (gpointer data)
{
  FieldHits *hits = data;

  g_clear_pointer (&hits->loa_rects, g_array_unref);
  g_clear_pointer (&hits->proof_rects, g_array_unref);
}

/* The check itself, then where its fields sit (both off the main loop) */

typedef struct
{
  PortingDocument    *loa;
  PortingDocument    *proof;
  PortingCheckResult *result;
  GPtrArray          *loa_texts;     /* of char*, one a page, for screen readers */
  GPtrArray          *proof_texts;
} HitsData;

static void
hits_data_free (gpointer data)
{
  HitsData *hits = data;

  g_clear_object (&hits->loa);
  g_clear_object (&hits->proof);
  g_clear_object (&hits->result);
  g_clear_pointer (&hits->loa_texts, g_ptr_array_unref);
  g_clear_pointer (&hits->proof_texts, g_ptr_array_unref);
  g_free (hits);
}

static GArray *
find_rects (PortingDocument *document,
            int              page,
            guint            start,
            guint            end,
            GCancellable    *cancellable)
{
  g_autoptr(PortingPageText) page_text = NULL;
  g_autoptr(GError) error = NULL;
  GArray *rects;

  if (page < 0 || end <= start || (guint) page >= porting_document_get_n_pages (document))
    return NULL;

  page_text = porting_document_get_page_text (document, page, PORTING_PAGE_TEXT_FLAGS_WORDS,
                                               cancellable, &error);
  if (page_text == NULL)
    {
      g_debug ("No text for the highlights of page %d: %s", page + 1, error->message);
      return NULL;
    }

  /* Where the words are seen: a photo read by OCR may be turned or tilted. */
  rects = porting_document_get_highlight_rects (document, page_text, start, end);
  if (rects != NULL && rects->len == 0)
    g_clear_pointer (&rects, g_array_unref);

  return rects;
}

static GArray *
find_loa_rects (HitsData                 *data,
                const PortingFieldResult *field,
                GCancellable             *cancellable)
{
  const PortingLoaFields *loa = porting_check_result_get_loa_fields (data->result);

  /* A form prints a label between the street and the city ("City, State,
   * ZIP:"): light the two values, not the label. */
  if (field->field == PORTING_FIELD_ADDRESS && loa != NULL &&
      loa->street_span.page == field->loa_page && loa->city_line_span.page == field->loa_page &&
      loa->street_span.end <= loa->city_line_span.start)
    {
      GArray *rects = find_rects (data->loa, field->loa_page,
                                  loa->street_span.start, loa->street_span.end, cancellable);
      g_autoptr(GArray) city_rects = find_rects (data->loa, field->loa_page,
                                                 loa->city_line_span.start, loa->city_line_span.end,
                                                 cancellable);

      if (rects == NULL)
        return g_steal_pointer (&city_rects);
      if (city_rects != NULL)
        g_array_append_vals (rects, city_rects->data, city_rects->len);
      return rects;
    }

  return find_rects (data->loa, field->loa_page, field->loa_start, field->loa_end, cancellable);
}

static void
hits_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HitsData *data = task_data;
  g_autoptr(GArray) all_hits = g_array_new (FALSE, TRUE, sizeof (FieldHits));

  g_array_set_clear_func (all_hits, clear_field_hits);

  for (guint i = 0; i < _porting_check_view_n_shown_fields; i++)
    {
      const PortingFieldResult *field = porting_check_result_get_field (data->result, _porting_check_view_shown_fields[i]);
      FieldHits hits = { 0 };

      if (field == NULL)
        continue;

      hits.field = field->field;
      hits.status = field->status;
      hits.loa_page = field->loa_page;
      hits.proof_page = field->proof_page;
      hits.loa_rects = find_loa_rects (data, field, cancellable);
      hits.proof_rects = find_rects (data->proof, field->proof_page, field->proof_start, field->proof_end, cancellable);
      g_array_append_val (all_hits, hits);
    }

  data->loa_texts = _porting_check_view_dup_page_texts (data->loa, cancellable);
  data->proof_texts = _porting_check_view_dup_page_texts (data->proof, cancellable);

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, g_steal_pointer (&all_hits), (GDestroyNotify) g_array_unref);
}

static void
show_highlights (PortingCheckView *self)
{
  porting_document_view_clear_highlights (self->loa_view);
  porting_document_view_clear_highlights (self->proof_view);

  for (guint i = 0; self->hits != NULL && i < self->hits->len; i++)
    {
      const FieldHits *hits = &g_array_index (self->hits, FieldHits, i);

      if (hits->loa_rects != NULL)
        porting_document_view_add_highlights (self->loa_view, hits->loa_page, hits->loa_rects, hits->status);
      if (hits->proof_rects != NULL)
        porting_document_view_add_highlights (self->proof_view, hits->proof_page, hits->proof_rects, hits->status);
    }
}

static void
finish_check (PortingCheckView   *self,
              PortingCheckResult *result,
              GArray             *hits,
              GError             *error)
{
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reading_text, g_free);
  g_set_object (&self->result, result);
  g_clear_pointer (&self->hits, g_array_unref);
  self->hits = hits != NULL ? g_array_ref (hits) : NULL;
  g_clear_error (&self->check_error);
  self->check_error = error != NULL ? g_error_copy (error) : NULL;

  _porting_check_view_show_results (self);
  show_highlights (self);
  _porting_check_view_update_verdict (self);

  _porting_check_view_notify (self, PROP_BUSY);
  if (result != NULL)
    {
      _porting_check_view_notify (self, PROP_RESULT);
      _porting_check_view_emit_checked (self);
    }
}

static void
hits_cb (GObject      *object,
         GAsyncResult *async_result,
         gpointer      user_data)
{
  PortingCheckView *self = PORTING_CHECK_VIEW (object);
  HitsData *data = g_task_get_task_data (G_TASK (async_result));
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (hits == NULL)
    return;   /* only when cancelled: a newer check took over */

  finish_check (self, data->result, hits, NULL);
  _porting_check_view_describe_document (self->loa_view, self->result, FALSE, data->loa_texts);
  _porting_check_view_describe_document (self->proof_view, self->result, TRUE, data->proof_texts);
}

static void
check_cb (GObject      *object,
          GAsyncResult *async_result,
          gpointer      user_data)
{
  g_autoptr(PortingCheckView) self = user_data;
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  HitsData *data;

  result = porting_document_check_finish (async_result, &error);
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        finish_check (self, NULL, NULL, error);
      return;
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  data = g_new0 (HitsData, 1);
  data->loa = g_object_ref (porting_document_view_get_document (self->loa_view));
  data->proof = g_object_ref (porting_document_view_get_document (self->proof_view));
  data->result = g_steal_pointer (&result);

  task = g_task_new (self, self->cancellable, hits_cb, NULL);
  g_task_set_source_tag (task, check_cb);
  g_task_set_task_data (task, data, hits_data_free);
  g_task_run_in_thread (task, hits_thread);
}

void
_porting_check_view_cancel_check (PortingCheckView *self)
{
  gboolean had_result = self->result != NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reading_text, g_free);
  g_clear_object (&self->result);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_error (&self->check_error);

  _porting_check_view_show_results (self);
  porting_document_view_clear_highlights (self->loa_view);
  porting_document_view_clear_highlights (self->proof_view);
  porting_document_view_set_description (self->loa_view, NULL);
  porting_document_view_set_description (self->proof_view, NULL);

  if (had_result)
    _porting_check_view_notify (self, PROP_RESULT);
}

static void read_next_document (PortingCheckView *self);

/* OCR reads a photo, a screenshot or a scan for seconds: say so, and how far. */
static void
on_read_progress (PortingDocument *document,
                  double           fraction,
                  gpointer         user_data)
{
  PortingCheckView *self = user_data;

  if (self->cancellable == NULL || self->n_read >= 2)
    return;   /* a report come after its reading */

  g_free (self->reading_text);
  self->reading_text = porting_document_get_kind (document) == PORTING_DOCUMENT_KIND_IMAGE
    /* TRANSLATORS: OCR reading a photo or a screenshot, then how far it is */
    ? g_strdup_printf (_("Reading the photo… %d %%"), (int) (fraction * 100))
    /* TRANSLATORS: OCR reading a scanned PDF page, then how far it is */
    : g_strdup_printf (_("Reading the scanned page… %d %%"), (int) (fraction * 100));
  _porting_check_view_update_verdict (self);
}

static void
read_cb (GObject      *object,
         GAsyncResult *async_result,
         gpointer      user_data)
{
  g_autoptr(PortingCheckView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!porting_document_read_text_finish (PORTING_DOCUMENT (object), async_result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The check says what cannot be read. */
      g_debug ("Reading ahead failed: %s", error->message);
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->n_read++;
  g_clear_pointer (&self->reading_text, g_free);
  _porting_check_view_update_verdict (self);
  read_next_document (self);
}

/* Each document read ahead on a worker thread (OCR where it has no text),
 * then the check, which finds their text ready. */
static void
read_next_document (PortingCheckView *self)
{
  PortingDocument *documents[] = {
    porting_document_view_get_document (self->loa_view),
    porting_document_view_get_document (self->proof_view),
  };

  if (self->n_read < G_N_ELEMENTS (documents))
    {
      porting_document_read_text_async (documents[self->n_read], on_read_progress,
                                        g_object_ref (self), g_object_unref,
                                        self->cancellable, read_cb, g_object_ref (self));
      return;
    }

  porting_document_check_async (documents[0], documents[1], NULL, self->cancellable,
                                check_cb, g_object_ref (self));
}

void
_porting_check_view_maybe_start_check (PortingCheckView *self)
{
  PortingDocument *loa = porting_document_view_get_document (self->loa_view);
  PortingDocument *proof = porting_document_view_get_document (self->proof_view);

  if (loa == NULL || proof == NULL || self->result != NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->n_read = 0;
  read_next_document (self);
  _porting_check_view_notify (self, PROP_BUSY);
}
