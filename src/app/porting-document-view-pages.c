/* porting-document-view-pages.c — which pages are on screen, rendering them, the texture cache
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-document-view"

#include "config.h"

#include <math.h>

#include "porting-document-view-private.h"
#include "porting-page-widget.h"

/* Rendered pages larger than this are drawn stretched instead: memory. */
#define MAX_RENDER_PIXELS (4096.0 * 4096.0)
/* Pages rendered ahead on each side of the screen. */
#define PRELOAD_PAGES 2
/* A texture within this of the wanted scale is kept. */
#define SCALE_TOLERANCE 0.02
/* Re-render at a new zoom once the zoom or the width stops moving. */
#define RESCALE_DELAY_MS 150
/* After a jump to pages not rendered yet, how long the neighbours' renders
 * and the cache's clean-up wait once those pages have their renderings:
 * about the frames that reveal a screen of them. Rendering or freeing
 * pages then would take the cores from those frames. */
#define FILL_DELAY_MS 100

static void render_job_finished (PortingRenderJob *job,
                                 gpointer          user_data);

/* Pages are rendered between the frames of the window that shows them. */
static void
run_job (PortingDocumentView *self,
         PortingRenderJob    *job)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    porting_render_job_watch_frame_clock (clock);
  porting_render_job_run (job, render_job_finished, self);
}

static void
cancel_job (PortingDocumentView *self,
            guint                page)
{
  PortingRenderJob *job = g_ptr_array_index (self->jobs, page);

  if (job != NULL)
    {
      porting_render_job_cancel (job);
      g_ptr_array_index (self->jobs, page) = NULL;
      g_object_unref (job);
    }
}

void
_porting_document_view_remove_pages (PortingDocumentView *self)
{
  for (guint i = 0; i < self->jobs->len; i++)
    cancel_job (self, i);
  g_ptr_array_set_size (self->jobs, 0);

  for (guint i = 0; i < self->pages->len; i++)
    gtk_box_remove (GTK_BOX (self->pages_box), g_ptr_array_index (self->pages, i));
  g_ptr_array_set_size (self->pages, 0);

  self->cache_bytes = 0;
  self->first_visible = self->last_visible = self->current_page = 0;
  self->pending_scroll_page = -1;
  self->anchor = -1;
  self->anchor_due = FALSE;
  self->filling = FALSE;
  g_clear_handle_id (&self->update_idle_id, g_source_remove);
  g_clear_handle_id (&self->rescale_timeout_id, g_source_remove);
  g_clear_handle_id (&self->fill_timeout_id, g_source_remove);
}

/* The first page need not wait for the pages to be laid out: fitting the
 * width, its size is known from ours already. */
void
_porting_document_view_start_first_render (PortingDocumentView *self,
                                           PortingDocument     *document,
                                           double               page_width,
                                           double               page_height)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)) -
              gtk_widget_get_margin_start (self->pages_box) - gtk_widget_get_margin_end (self->pages_box);
  double scale;
  PortingRenderJob *job;

  if (!self->fit_width || width < 48 || page_width < 1)
    return;

  scale = width / page_width * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  if (page_width * page_height * scale * scale > MAX_RENDER_PIXELS)
    return;

  job = porting_render_job_new (document, 0, scale, PORTING_RENDER_PRIORITY_URGENT);
  porting_render_job_set_paced (job, FALSE);
  g_ptr_array_index (self->jobs, 0) = job;
  run_job (self, job);
}

static void
evict_textures (PortingDocumentView *self)
{
  guint keep_first = self->first_visible > PRELOAD_PAGES ? self->first_visible - PRELOAD_PAGES : 0;
  guint keep_last = self->last_visible + PRELOAD_PAGES;

  /* The farthest pages from the screen go first. */
  while (self->cache_bytes > PORTING_DOCUMENT_VIEW_CACHE_BYTES)
    {
      PortingPageWidget *farthest = NULL;
      guint farthest_distance = 0;

      for (guint i = 0; i < self->pages->len; i++)
        {
          PortingPageWidget *page = g_ptr_array_index (self->pages, i);
          guint distance;

          if ((i >= keep_first && i <= keep_last) || porting_page_widget_get_texture (page) == NULL)
            continue;

          distance = i < keep_first ? keep_first - i : i - keep_last;
          if (distance > farthest_distance)
            {
              farthest = page;
              farthest_distance = distance;
            }
        }

      if (farthest == NULL)
        break;

      {
        GdkTexture *texture = porting_page_widget_get_texture (farthest);

        self->cache_bytes -= (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
        porting_page_widget_set_texture (farthest, NULL, NULL, 0);
      }
    }
}

/* Whether some page in view has a rendering (of any scale) or will never
 * get one: then the screen is not blank. */
static gboolean
screen_shows_pages (PortingDocumentView *self)
{
  for (guint i = self->first_visible; i <= self->last_visible && i < self->pages->len; i++)
    {
      PortingRenderJob *job = g_ptr_array_index (self->jobs, i);

      if (porting_page_widget_get_texture (g_ptr_array_index (self->pages, i)) != NULL ||
          job == NULL || porting_render_job_is_finished (job))
        return TRUE;
    }

  return FALSE;
}

static gboolean
fill_timeout_cb (gpointer user_data)
{
  PortingDocumentView *self = user_data;

  self->fill_timeout_id = 0;
  self->filling = FALSE;
  _porting_document_view_update (self, FALSE);
  evict_textures (self);

  return G_SOURCE_REMOVE;
}

static void
render_job_finished (PortingRenderJob *job,
                     gpointer          user_data)
{
  PortingDocumentView *self = user_data;
  guint page_index = porting_render_job_get_page (job);
  PortingPageWidget *page;
  GdkTexture *old_texture;
  GdkTexture *texture;

  g_return_if_fail (page_index < self->jobs->len);
  g_return_if_fail (g_ptr_array_index (self->jobs, page_index) == job);

  page = g_ptr_array_index (self->pages, page_index);
  texture = porting_render_job_get_texture (job);

  if (texture == NULL)
    {
      /* Keep the job so that the page is not asked again and again. */
      g_warning ("Cannot render page %u: %s", page_index + 1,
                 porting_render_job_get_error (job) ? porting_render_job_get_error (job)->message : "?");
      return;
    }

  old_texture = porting_page_widget_get_texture (page);
  if (old_texture != NULL)
    self->cache_bytes -= (gsize) gdk_texture_get_width (old_texture) * gdk_texture_get_height (old_texture) * 4;
  self->cache_bytes += (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;

  porting_page_widget_set_texture (page, texture, porting_render_job_get_strips (job),
                                   porting_render_job_get_scale (job));

  g_ptr_array_index (self->jobs, page_index) = NULL;
  g_object_unref (job);

  if (!self->filling)
    evict_textures (self);
  else if (self->fill_timeout_id == 0 && screen_shows_pages (self))
    self->fill_timeout_id = g_timeout_add (FILL_DELAY_MS, fill_timeout_cb, self);
}

static double
wanted_scale (PortingDocumentView *self,
              PortingPageWidget   *page)
{
  double width, height;
  double scale = porting_page_widget_get_layout_zoom (page) * gtk_widget_get_scale_factor (GTK_WIDGET (self));

  porting_page_widget_get_page_size (page, &width, &height);
  if (width * height * scale * scale > MAX_RENDER_PIXELS)
    scale = sqrt (MAX_RENDER_PIXELS / (width * height));

  return scale;
}

static gboolean
scale_is_close (double scale,
                double wanted)
{
  return wanted > 0 && fabs (scale - wanted) / wanted < SCALE_TOLERANCE;
}

static gboolean
rescale_timeout_cb (gpointer user_data)
{
  PortingDocumentView *self = user_data;

  self->rescale_timeout_id = 0;
  _porting_document_view_update (self, TRUE);

  return G_SOURCE_REMOVE;
}

/* Returns FALSE when the page waits for a re-render at a new scale. */
static gboolean
ensure_rendered (PortingDocumentView   *self,
                 guint                  page_index,
                 PortingRenderPriority  priority,
                 gboolean               rescale)
{
  PortingPageWidget *page = g_ptr_array_index (self->pages, page_index);
  PortingRenderJob *job = g_ptr_array_index (self->jobs, page_index);
  double scale = wanted_scale (self, page);

  if (!(scale > 0))
    return TRUE;

  if (porting_page_widget_get_texture (page) != NULL)
    {
      if (scale_is_close (porting_page_widget_get_texture_scale (page), scale))
        {
          cancel_job (self, page_index);
          return TRUE;
        }
      if (!rescale)
        return FALSE;
    }

  if (job != NULL)
    {
      /* A job kept after it finished is a page that failed: not again. */
      if (scale_is_close (porting_render_job_get_scale (job), scale) ||
          porting_render_job_is_finished (job))
        {
          porting_render_job_set_priority (job, priority);
          return TRUE;
        }
      cancel_job (self, page_index);
    }

  job = porting_render_job_new (self->document, page_index, scale, priority);
  g_ptr_array_index (self->jobs, page_index) = job;
  run_job (self, job);

  return TRUE;
}

gboolean
_porting_document_view_get_page_bounds (PortingDocumentView *self,
                 guint                page_index,
                 graphene_rect_t     *bounds)
{
  GtkWidget *page = g_ptr_array_index (self->pages, page_index);

  return gtk_widget_compute_bounds (page, self->pages_box, bounds);
}

/* The first page whose bottom is below @y. */
static guint
find_page_at (PortingDocumentView *self,
              double               y)
{
  guint low = 0;
  guint high = self->pages->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      graphene_rect_t bounds;

      if (_porting_document_view_get_page_bounds (self, mid, &bounds) && bounds.origin.y + bounds.size.height < y)
        low = mid + 1;
      else
        high = mid;
    }

  return MIN (low, self->pages->len - 1);
}

static void
apply_pending_scroll (PortingDocumentView *self)
{
  int page = self->pending_scroll_page;

  if (page < 0 || (guint) page >= self->pages->len)
    return;

  self->pending_scroll_page = -1;
  porting_document_view_scroll_to (self, page,
                                   self->pending_scroll_has_rect ? &self->pending_scroll_rect : NULL);
}

void
_porting_document_view_update (PortingDocumentView *self,
                              gboolean             rescale)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double top = gtk_adjustment_get_value (vadjustment);
  double page_size = gtk_adjustment_get_page_size (vadjustment);
  double upper = gtk_adjustment_get_upper (vadjustment);
  gboolean waiting_for_rescale = FALSE;
  guint first, last, current;
  graphene_rect_t bounds;

  if (self->document == NULL || self->pages->len == 0)
    return;

  if (!_porting_document_view_get_page_bounds (self, 0, &bounds) || bounds.size.width < 1 || page_size <= 0)
    return;

  first = find_page_at (self, top);
  last = find_page_at (self, top + page_size);
  if (_porting_document_view_get_page_bounds (self, last, &bounds) && bounds.origin.y > top + page_size && last > first)
    last--;

  /* The page under the upper third, or the last one at the very end. */
  if (top + page_size >= upper - 1)
    current = last;
  else
    current = find_page_at (self, top + page_size / 3);

  self->first_visible = first;
  self->last_visible = last;
  if (self->current_page != current)
    {
      self->current_page = current;
      _porting_document_view_notify (self, PROP_CURRENT_PAGE);
    }

  /* Visible pages first, in reading order, then their neighbours; those
   * only once a screen that was blank shows pages again. */
  for (guint i = first; i <= last; i++)
    waiting_for_rescale |= !ensure_rendered (self, i, PORTING_RENDER_PRIORITY_URGENT, rescale);
  if (!screen_shows_pages (self))
    {
      self->filling = TRUE;
      g_clear_handle_id (&self->fill_timeout_id, g_source_remove);
    }
  else if (self->filling && self->fill_timeout_id == 0)
    {
      self->fill_timeout_id = g_timeout_add (FILL_DELAY_MS, fill_timeout_cb, self);
    }
  for (guint d = 1; d <= PRELOAD_PAGES && !self->filling; d++)
    {
      PortingRenderPriority priority = d == 1 ? PORTING_RENDER_PRIORITY_HIGH : PORTING_RENDER_PRIORITY_LOW;

      if (last + d < self->pages->len)
        waiting_for_rescale |= !ensure_rendered (self, last + d, priority, rescale);
      if (first >= d)
        waiting_for_rescale |= !ensure_rendered (self, first - d, priority, rescale);
    }

  /* Pages scrolled away are not worth rendering any more. */
  for (guint i = 0; i < self->jobs->len; i++)
    if (i + PRELOAD_PAGES + 1 < first || i > last + PRELOAD_PAGES + 1)
      cancel_job (self, i);

  if (waiting_for_rescale)
    {
      g_clear_handle_id (&self->rescale_timeout_id, g_source_remove);
      self->rescale_timeout_id = g_timeout_add (RESCALE_DELAY_MS, rescale_timeout_cb, self);
    }

  _porting_document_view_update_labels (self);
}

static void
apply_anchor (PortingDocumentView *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (!self->anchor_due)
    return;

  self->anchor_due = FALSE;
  gtk_adjustment_set_value (vadjustment,
                            self->anchor * gtk_adjustment_get_upper (vadjustment) -
                            gtk_adjustment_get_page_size (vadjustment) / 2);
  self->anchor = -1;
}

static gboolean
update_idle_cb (gpointer user_data)
{
  PortingDocumentView *self = user_data;

  self->update_idle_id = 0;
  apply_anchor (self);
  apply_pending_scroll (self);
  _porting_document_view_update (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* Pages reveal the strips of their texture as they come on screen, a few
 * per frame: those not revealed whole need drawing again as they move. */
static void
tell_visible_pages_they_moved (PortingDocumentView *self)
{
  for (guint i = self->first_visible; i <= self->last_visible && i < self->pages->len; i++)
    porting_page_widget_moved (g_ptr_array_index (self->pages, i));
}

static void
on_vadjustment_value_changed (PortingDocumentView *self,
                              GtkAdjustment       *adjustment)
{
  _porting_document_view_update (self, FALSE);
  tell_visible_pages_they_moved (self);
}

static void
on_hadjustment_value_changed (PortingDocumentView *self,
                              GtkAdjustment       *adjustment)
{
  tell_visible_pages_they_moved (self);
}

static void
on_adjustment_changed (PortingDocumentView *self,
                       GtkAdjustment       *adjustment)
{
  /* The pages got their new size: keep the same place in view, once the
   * viewport is done placing them (it would not see a value set now). */
  if (self->anchor >= 0 && adjustment == gtk_scrolled_window_get_vadjustment (self->scroller))
    self->anchor_due = TRUE;

  if (self->update_idle_id == 0)
    self->update_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_idle_cb, self, NULL);
}

void
_porting_document_view_init_pages (PortingDocumentView *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->scroller);

  g_signal_connect_object (vadjustment, "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed",
                           G_CALLBACK (on_adjustment_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hadjustment, "value-changed",
                           G_CALLBACK (on_hadjustment_value_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hadjustment, "changed",
                           G_CALLBACK (on_adjustment_changed), self, G_CONNECT_SWAPPED);
}
