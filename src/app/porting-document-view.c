/* porting-document-view.c — one document: its pages one under the other, zoom, highlights
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-document-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>

#include "porting-document-view.h"
#include "porting-page-widget.h"
#include "porting-render-job.h"

/* CSS pixels per point at 100 %: a page at its real size on a 96 dpi screen. */
#define PIXELS_PER_POINT (96.0 / 72.0)
#define MIN_ZOOM 0.25
#define MAX_ZOOM 3.0
/* Rendered pages larger than this are drawn stretched instead: memory. */
#define MAX_RENDER_PIXELS (4096.0 * 4096.0)
/* Pages rendered ahead on each side of the screen. */
#define PRELOAD_PAGES 2
/* A texture within this of the wanted scale is kept. */
#define SCALE_TOLERANCE 0.02
/* Re-render at a new zoom once the zoom or the width stops moving. */
#define RESCALE_DELAY_MS 150

static const double zoom_steps[] = {
  0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
};

struct _PortingDocumentView
{
  GtkWidget                 parent_instance;

  /* Template widgets */
  GtkWidget                *main_box;
  GtkStack                 *stack;
  GtkSpinner               *spinner;
  AdwStatusPage            *error_page;
  AdwStatusPage            *password_page;
  GtkEditable              *password_entry;
  GtkWidget                *password_error_label;
  GtkScrolledWindow        *scroller;
  GtkWidget                *pages_box;
  GtkLabel                 *title_label;
  GtkLabel                 *file_label;
  GtkLabel                 *page_label;
  GtkLabel                 *zoom_label;
  GtkWidget                *zoom_out_button;
  GtkWidget                *zoom_in_button;
  GtkWidget                *zoom_button;

  PortingDocumentViewState  state;
  GFile                    *file;
  PortingDocument          *document;
  GError                   *error;
  GCancellable             *load_cancellable;

  GPtrArray                *pages;       /* PortingPageWidget*, owned by pages_box */
  GPtrArray                *jobs;        /* PortingRenderJob* or NULL, per page */
  gsize                     cache_bytes; /* of the textures the pages hold */
  guint                     first_visible;
  guint                     last_visible;
  guint                     current_page;

  double                    zoom;        /* 1.0 = 100 % */
  double                    anchor;      /* where to keep the view across a zoom; < 0 none */
  gboolean                  anchor_due;  /* the pages got their new size: scroll to it */

  guint                     update_idle_id;
  guint                     rescale_timeout_id;

  /* A scroll_to() asked for before the pages had a place. */
  int                       pending_scroll_page;
  PortingRect               pending_scroll_rect;
  gboolean                  pending_scroll_has_rect;

  guint                     fit_width : 1;
};

G_DEFINE_FINAL_TYPE (PortingDocumentView, porting_document_view, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (PortingDocumentViewState, porting_document_view_state,
                    G_DEFINE_ENUM_VALUE (PORTING_DOCUMENT_VIEW_STATE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (PORTING_DOCUMENT_VIEW_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD, "needs-password"),
                    G_DEFINE_ENUM_VALUE (PORTING_DOCUMENT_VIEW_STATE_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (PORTING_DOCUMENT_VIEW_STATE_LOADED, "loaded"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  PROP_CURRENT_PAGE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void porting_document_view_update (PortingDocumentView *self,
                                          gboolean             rescale);
static void render_job_finished          (PortingRenderJob    *job,
                                          gpointer             user_data);

/* Loading, off the main loop: the document, then every page size (poppler
 * is locked while it renders, so sizes are never asked on the main thread). */

typedef struct
{
  GFile           *file;
  char            *password;
  PortingDocument *document;
  guint            n_pages;
  double          *sizes;       /* width, height per page */
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->file);
  g_free (load->password);
  g_clear_object (&load->document);
  g_free (load->sizes);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;

  if (load->document == NULL)
    {
      load->document = porting_document_load (load->file, load->password, cancellable, &error);
      if (load->document == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  load->n_pages = porting_document_get_n_pages (load->document);
  load->sizes = g_new0 (double, 2 * (gsize) load->n_pages);
  for (guint i = 0; i < load->n_pages; i++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      porting_document_get_page_size (load->document, i, &load->sizes[2 * i], &load->sizes[2 * i + 1]);
    }

  g_task_return_boolean (task, TRUE);
}

static void
set_state (PortingDocumentView      *self,
           PortingDocumentViewState  state)
{
  static const char * const page_names[] = {
    [PORTING_DOCUMENT_VIEW_STATE_EMPTY] = "empty",
    [PORTING_DOCUMENT_VIEW_STATE_LOADING] = "loading",
    [PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD] = "password",
    [PORTING_DOCUMENT_VIEW_STATE_FAILED] = "failed",
    [PORTING_DOCUMENT_VIEW_STATE_LOADED] = "pages",
  };

  gtk_spinner_set_spinning (self->spinner, state == PORTING_DOCUMENT_VIEW_STATE_LOADING);
  gtk_stack_set_visible_child_name (self->stack, page_names[state]);
  /* Pages and zoom mean nothing on the password and error pages. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->zoom_button), state == PORTING_DOCUMENT_VIEW_STATE_LOADED);
  gtk_widget_set_visible (GTK_WIDGET (self->page_label), state == PORTING_DOCUMENT_VIEW_STATE_LOADED);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
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

static void
remove_pages (PortingDocumentView *self)
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
  g_clear_handle_id (&self->update_idle_id, g_source_remove);
  g_clear_handle_id (&self->rescale_timeout_id, g_source_remove);
}

static void
reset (PortingDocumentView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  remove_pages (self);
  g_clear_error (&self->error);

  if (self->document != NULL)
    {
      g_clear_object (&self->document);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
    }
}

/* The first page need not wait for the pages to be laid out: fitting the
 * width, its size is known from ours already. */
static void
start_first_render (PortingDocumentView *self,
                    LoadData            *load)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)) -
              gtk_widget_get_margin_start (self->pages_box) - gtk_widget_get_margin_end (self->pages_box);
  double scale;
  PortingRenderJob *job;

  if (!self->fit_width || load->n_pages == 0 || width < 48 || load->sizes[0] < 1)
    return;

  scale = width / load->sizes[0] * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  if (load->sizes[0] * load->sizes[1] * scale * scale > MAX_RENDER_PIXELS)
    return;

  job = porting_render_job_new (load->document, 0, scale, PORTING_RENDER_PRIORITY_URGENT);
  g_ptr_array_index (self->jobs, 0) = job;
  porting_render_job_run (job, render_job_finished, self);
}

static void
show_pages (PortingDocumentView *self,
            LoadData            *load)
{
  double zoom = self->zoom * PIXELS_PER_POINT;

  for (guint i = 0; i < load->n_pages; i++)
    {
      GtkWidget *page = porting_page_widget_new (i, MAX (load->sizes[2 * i], 1),
                                                 MAX (load->sizes[2 * i + 1], 1));

      porting_page_widget_set_zoom (PORTING_PAGE_WIDGET (page), zoom, self->fit_width);
      gtk_box_append (GTK_BOX (self->pages_box), page);
      g_ptr_array_add (self->pages, page);
    }
  g_ptr_array_set_size (self->jobs, load->n_pages);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scroller), 0);

  g_set_object (&self->document, load->document);
  start_first_render (self, load);
  set_state (self, PORTING_DOCUMENT_VIEW_STATE_LOADED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  porting_document_view_update (self, FALSE);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PortingDocumentView *self = PORTING_DOCUMENT_VIEW (object);
  LoadData *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* A newer load took over, or the view went away. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_object (&self->load_cancellable);
      g_clear_error (&self->error);
      self->error = g_error_copy (error);

      if (g_error_matches (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD) ||
          g_error_matches (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_WRONG_PASSWORD))
        {
          gboolean wrong = error->code == PORTING_DOCUMENT_ERROR_WRONG_PASSWORD;

          gtk_widget_set_visible (self->password_error_label, wrong);
          gtk_editable_set_text (self->password_entry, "");
          set_state (self, PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD);
          gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
        }
      else
        {
          adw_status_page_set_description (self->error_page, error->message);
          set_state (self, PORTING_DOCUMENT_VIEW_STATE_FAILED);
        }
      return;
    }

  g_clear_object (&self->load_cancellable);
  show_pages (self, load);
}

static void
update_file_label (PortingDocumentView *self)
{
  g_autofree char *name = self->file != NULL ? g_file_get_basename (self->file) : NULL;

  gtk_label_set_label (self->file_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), name);
}

static void
start_load (PortingDocumentView *self,
            GFile               *file,
            const char          *password,
            PortingDocument     *document)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  reset (self);

  if (file != self->file)
    {
      g_set_object (&self->file, file);
      update_file_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  self->load_cancellable = g_cancellable_new ();
  set_state (self, PORTING_DOCUMENT_VIEW_STATE_LOADING);

  load = g_new0 (LoadData, 1);
  load->file = file != NULL ? g_object_ref (file) : NULL;
  load->password = g_strdup (password);
  load->document = document != NULL ? g_object_ref (document) : NULL;

  task = g_task_new (self, self->load_cancellable, load_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
on_password_activate (PortingDocumentView *self)
{
  g_autofree char *password = g_strdup (gtk_editable_get_text (self->password_entry));

  if (password[0] == '\0' || self->file == NULL)
    return;

  gtk_editable_set_text (self->password_entry, "");
  start_load (self, self->file, password, NULL);
}

/* Rendering */

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

  evict_textures (self);
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
  porting_document_view_update (self, TRUE);

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
  porting_render_job_run (job, render_job_finished, self);

  return TRUE;
}

static gboolean
get_page_bounds (PortingDocumentView *self,
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

      if (get_page_bounds (self, mid, &bounds) && bounds.origin.y + bounds.size.height < y)
        low = mid + 1;
      else
        high = mid;
    }

  return MIN (low, self->pages->len - 1);
}

static void
update_labels (PortingDocumentView *self)
{
  g_autofree char *page_text = NULL;
  g_autofree char *zoom_text = NULL;
  double zoom = porting_document_view_get_zoom (self);

  page_text = g_strdup_printf (_("Page %u of %u"), MIN (self->current_page + 1, self->pages->len), self->pages->len);
  gtk_label_set_label (self->page_label, page_text);

  /* TRANSLATORS: a zoom level, e.g. “125%” */
  zoom_text = g_strdup_printf (_("%.0f%%"), zoom * 100);
  gtk_label_set_label (self->zoom_label, zoom_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, zoom_text,
                                  -1);

  /* Plain buttons, not actionable ones: GTK 4.8 loses the action state of
   * a widget moved to another parent (the narrow layout does that). */
  gtk_widget_set_sensitive (self->zoom_in_button, self->document != NULL && zoom < MAX_ZOOM - 0.001);
  gtk_widget_set_sensitive (self->zoom_out_button, self->document != NULL && zoom > MIN_ZOOM + 0.001);
  gtk_widget_set_sensitive (self->zoom_button, self->document != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->page_label), self->document != NULL);
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

static void
porting_document_view_update (PortingDocumentView *self,
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

  if (!get_page_bounds (self, 0, &bounds) || bounds.size.width < 1 || page_size <= 0)
    return;

  first = find_page_at (self, top);
  last = find_page_at (self, top + page_size);
  if (get_page_bounds (self, last, &bounds) && bounds.origin.y > top + page_size && last > first)
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
    }

  /* Visible pages first, in reading order, then their neighbours. */
  for (guint i = first; i <= last; i++)
    waiting_for_rescale |= !ensure_rendered (self, i, PORTING_RENDER_PRIORITY_URGENT, rescale);
  for (guint d = 1; d <= PRELOAD_PAGES; d++)
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

  update_labels (self);
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
  porting_document_view_update (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* Pages draw only the strips of their texture that are on screen, and
 * reveal new ones a few per frame: they need drawing again as they move. */
static void
queue_draw_visible_pages (PortingDocumentView *self)
{
  for (guint i = self->first_visible; i <= self->last_visible && i < self->pages->len; i++)
    gtk_widget_queue_draw (g_ptr_array_index (self->pages, i));
}

static void
on_vadjustment_value_changed (PortingDocumentView *self,
                              GtkAdjustment       *adjustment)
{
  porting_document_view_update (self, FALSE);
  queue_draw_visible_pages (self);
}

static void
on_hadjustment_value_changed (PortingDocumentView *self,
                              GtkAdjustment       *adjustment)
{
  queue_draw_visible_pages (self);
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

/* Zoom */

static void
apply_zoom (PortingDocumentView *self,
            double               zoom,
            gboolean             fit_width)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double upper = gtk_adjustment_get_upper (vadjustment);

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  fit_width = !!fit_width;
  if (zoom == self->zoom && fit_width == self->fit_width)
    return;

  if (upper > 0 && self->pages->len > 0)
    self->anchor = (gtk_adjustment_get_value (vadjustment) +
                    gtk_adjustment_get_page_size (vadjustment) / 2) / upper;

  self->zoom = zoom;
  if (self->fit_width != fit_width)
    {
      self->fit_width = fit_width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
    }

  for (guint i = 0; i < self->pages->len; i++)
    porting_page_widget_set_zoom (g_ptr_array_index (self->pages, i),
                                  zoom * PIXELS_PER_POINT, fit_width);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  update_labels (self);
}

static void
zoom_step (PortingDocumentView *self,
           int                  direction)
{
  double zoom = porting_document_view_get_zoom (self);
  double next = zoom;

  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps) && next == zoom; i++)
        if (zoom_steps[i] > zoom + 0.005)
          next = zoom_steps[i];
      if (next == zoom)
        next = MAX_ZOOM;
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0 && next == zoom; i--)
        if (zoom_steps[i - 1] < zoom - 0.005)
          next = zoom_steps[i - 1];
      if (next == zoom)
        next = MIN_ZOOM;
    }

  apply_zoom (self, next, FALSE);
}

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  zoom_step (PORTING_DOCUMENT_VIEW (widget), +1);
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  zoom_step (PORTING_DOCUMENT_VIEW (widget), -1);
}

static void
zoom_fit_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PortingDocumentView *self = PORTING_DOCUMENT_VIEW (widget);

  apply_zoom (self, self->zoom, TRUE);
}

static void
on_zoom_in_clicked (PortingDocumentView *self)
{
  zoom_step (self, +1);
}

static void
on_zoom_out_clicked (PortingDocumentView *self)
{
  zoom_step (self, -1);
}

static void
on_zoom_fit_clicked (PortingDocumentView *self)
{
  apply_zoom (self, self->zoom, TRUE);
}

static gboolean
on_scroll (PortingDocumentView      *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || self->document == NULL || dy == 0)
    return FALSE;

  zoom_step (self, dy < 0 ? +1 : -1);
  return TRUE;
}

static void
on_pages_pressed (PortingDocumentView *self)
{
  /* So that the zoom and scroll keys reach this view. */
  gtk_widget_grab_focus (self->pages_box);
}

/* GObject */

static void
porting_document_view_dispose (GObject *object)
{
  PortingDocumentView *self = PORTING_DOCUMENT_VIEW (object);

  reset (self);
  g_clear_object (&self->file);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTING_TYPE_DOCUMENT_VIEW);

  G_OBJECT_CLASS (porting_document_view_parent_class)->dispose (object);
}

static void
porting_document_view_finalize (GObject *object)
{
  PortingDocumentView *self = PORTING_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (porting_document_view_parent_class)->finalize (object);
}

static void
porting_document_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PortingDocumentView *self = PORTING_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, porting_document_view_get_zoom (self));
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    case PROP_CURRENT_PAGE:
      g_value_set_uint (value, self->current_page);
      break;
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_document_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PortingDocumentView *self = PORTING_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      porting_document_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_WIDTH:
      porting_document_view_set_fit_width (self, g_value_get_boolean (value));
      break;
    case PROP_TITLE:
      porting_document_view_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_document_view_class_init (PortingDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porting_document_view_dispose;
  object_class->finalize = porting_document_view_finalize;
  object_class->get_property = porting_document_view_get_property;
  object_class->set_property = porting_document_view_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       PORTING_TYPE_DOCUMENT_VIEW_STATE, PORTING_DOCUMENT_VIEW_STATE_EMPTY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PORTING_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MIN_ZOOM, MAX_ZOOM * 4, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_PAGE] =
    g_param_spec_uint ("current-page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentview");

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, main_box);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, stack);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, password_page);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, password_entry);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, password_error_label);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, pages_box);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, file_label);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, page_label);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, PortingDocumentView, zoom_button);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_in_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_out_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_fit_clicked);

  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "view.zoom-fit", NULL, zoom_fit_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "view.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "view.zoom-fit", NULL);
}

static void
porting_document_view_init (PortingDocumentView *self)
{
  GtkEventController *scroll;
  GtkGesture *click;

  self->pages = g_ptr_array_new ();
  self->jobs = g_ptr_array_new ();
  self->zoom = 1.0;
  self->fit_width = TRUE;
  self->anchor = -1;
  self->pending_scroll_page = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_adjustment_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_hadjustment_value_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (on_adjustment_changed), self, G_CONNECT_SWAPPED);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                            GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pages_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (click));

  set_state (self, PORTING_DOCUMENT_VIEW_STATE_EMPTY);
  update_labels (self);
}

GtkWidget *
porting_document_view_new (void)
{
  return g_object_new (PORTING_TYPE_DOCUMENT_VIEW, NULL);
}

/**
 * porting_document_view_load:
 * @file: a PDF or an image
 * @password: (nullable): the password of a protected PDF
 *
 * Opens @file off the main loop. A protected file shows a password entry
 * that loads it again; an unreadable one shows why.
 */
void
porting_document_view_load (PortingDocumentView *self,
                            GFile               *file,
                            const char          *password)
{
  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_load (self, file, password, NULL);
}

/**
 * porting_document_view_set_document:
 * @document: (nullable): a document loaded elsewhere
 */
void
porting_document_view_set_document (PortingDocumentView *self,
                                    PortingDocument     *document)
{
  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (!document || PORTING_IS_DOCUMENT (document));

  if (document == NULL)
    {
      porting_document_view_clear (self);
      return;
    }

  start_load (self, porting_document_get_file (document), NULL, document);
}

void
porting_document_view_clear (PortingDocumentView *self)
{
  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));

  reset (self);
  if (self->file != NULL)
    {
      g_clear_object (&self->file);
      update_file_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  set_state (self, PORTING_DOCUMENT_VIEW_STATE_EMPTY);
  update_labels (self);
}

PortingDocumentViewState
porting_document_view_get_state (PortingDocumentView *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT_VIEW (self), PORTING_DOCUMENT_VIEW_STATE_EMPTY);

  return self->state;
}

PortingDocument *
porting_document_view_get_document (PortingDocumentView *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT_VIEW (self), NULL);

  return self->document;
}

GFile *
porting_document_view_get_file (PortingDocumentView *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT_VIEW (self), NULL);

  return self->file;
}

const GError *
porting_document_view_get_error (PortingDocumentView *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT_VIEW (self), NULL);

  return self->error;
}

/**
 * porting_document_view_get_zoom:
 *
 * Returns: the zoom shown, 1.0 for the real size; when fitting the width,
 *   the zoom that fit gives the current page
 */
double
porting_document_view_get_zoom (PortingDocumentView *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT_VIEW (self), 1.0);

  if (self->fit_width && self->current_page < self->pages->len)
    {
      double zoom = porting_page_widget_get_layout_zoom (g_ptr_array_index (self->pages, self->current_page));

      if (zoom > 0)
        return zoom / PIXELS_PER_POINT;
    }

  return self->zoom;
}

void
porting_document_view_set_zoom (PortingDocumentView *self,
                                double               zoom)
{
  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));

  apply_zoom (self, zoom, FALSE);
}

gboolean
porting_document_view_get_fit_width (PortingDocumentView *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT_VIEW (self), FALSE);

  return self->fit_width;
}

void
porting_document_view_set_fit_width (PortingDocumentView *self,
                                     gboolean             fit_width)
{
  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));

  apply_zoom (self, fit_width ? self->zoom : porting_document_view_get_zoom (self), fit_width);
}

guint
porting_document_view_get_current_page (PortingDocumentView *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT_VIEW (self), 0);

  return self->current_page;
}

guint
porting_document_view_get_n_pages (PortingDocumentView *self)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT_VIEW (self), 0);

  return self->pages->len;
}

GtkWidget *
porting_document_view_get_page_widget (PortingDocumentView *self,
                                       guint                page)
{
  g_return_val_if_fail (PORTING_IS_DOCUMENT_VIEW (self), NULL);

  return page < self->pages->len ? g_ptr_array_index (self->pages, page) : NULL;
}

void
porting_document_view_set_highlights (PortingDocumentView *self,
                                      guint                page,
                                      GArray              *rects,
                                      PortingFieldStatus   status)
{
  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));

  if (page >= self->pages->len)
    return;

  porting_page_widget_clear_highlights (g_ptr_array_index (self->pages, page));
  if (rects != NULL)
    porting_page_widget_add_highlights (g_ptr_array_index (self->pages, page), rects, status);
}

void
porting_document_view_add_highlights (PortingDocumentView *self,
                                      guint                page,
                                      GArray              *rects,
                                      PortingFieldStatus   status)
{
  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (rects != NULL);

  if (page < self->pages->len)
    porting_page_widget_add_highlights (g_ptr_array_index (self->pages, page), rects, status);
}

void
porting_document_view_clear_highlights (PortingDocumentView *self)
{
  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));

  for (guint i = 0; i < self->pages->len; i++)
    porting_page_widget_clear_highlights (g_ptr_array_index (self->pages, i));
}

void
porting_document_view_scroll_to (PortingDocumentView *self,
                                 guint                page,
                                 const PortingRect   *rect)
{
  GtkAdjustment *vadjustment;
  GtkAdjustment *hadjustment;
  graphene_rect_t bounds;
  double width;
  double zoom;
  double y;

  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));

  if (page >= self->pages->len)
    return;

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  hadjustment = gtk_scrolled_window_get_hadjustment (self->scroller);

  if (!get_page_bounds (self, page, &bounds) || bounds.size.width < 1 ||
      gtk_adjustment_get_page_size (vadjustment) <= 0)
    {
      /* Not laid out yet: once it is. */
      self->pending_scroll_page = page;
      self->pending_scroll_has_rect = rect != NULL;
      if (rect != NULL)
        self->pending_scroll_rect = *rect;
      return;
    }

  porting_page_widget_get_page_size (g_ptr_array_index (self->pages, page), &width, NULL);
  zoom = bounds.size.width / width;

  if (rect != NULL)
    {
      /* The hit a third down the view, where the eye goes first. */
      y = bounds.origin.y + rect->y1 * zoom - gtk_adjustment_get_page_size (vadjustment) / 3;

      if (gtk_adjustment_get_upper (hadjustment) > gtk_adjustment_get_page_size (hadjustment))
        gtk_adjustment_set_value (hadjustment,
                                  bounds.origin.x + rect->x1 * zoom -
                                  gtk_adjustment_get_page_size (hadjustment) / 4);
    }
  else
    {
      y = bounds.origin.y - 12;
    }

  gtk_adjustment_set_value (vadjustment, y);
}

/**
 * porting_document_view_set_title:
 * @title: (nullable): what the document is, shown before its file name
 */
void
porting_document_view_set_title (PortingDocumentView *self,
                                 const char          *title)
{
  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && title[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * porting_document_view_set_description:
 * @description: (nullable): what the document holds, for assistive technologies
 *
 * A screen reader reads it on the pages, where the keyboard scrolls (the
 * name and address found on them, say).
 */
void
porting_document_view_set_description (PortingDocumentView *self,
                                       const char          *description)
{
  GtkAccessible *stops[2];

  g_return_if_fail (PORTING_IS_DOCUMENT_VIEW (self));

  /* The scroller is the Tab stop while the pages cannot take the focus. */
  stops[0] = GTK_ACCESSIBLE (self->scroller);
  stops[1] = GTK_ACCESSIBLE (self->pages_box);
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    if (description != NULL)
      gtk_accessible_update_property (stops[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    else
      gtk_accessible_reset_property (stops[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
