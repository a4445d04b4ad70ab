/* porting-document-view.c — one document: its pages one under the other, zoom, highlights
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Split by concern: the pages on screen, their rendering and the texture
 * cache in porting-document-view-pages.c, zoom in -zoom.c.
 */
#define G_LOG_DOMAIN "porting-document-view"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-document-view-private.h"
#include "porting-page-column.h"
#include "porting-page-widget.h"

G_DEFINE_FINAL_TYPE (PortingDocumentView, porting_document_view, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (PortingDocumentViewState, porting_document_view_state,
                    G_DEFINE_ENUM_VALUE (PORTING_DOCUMENT_VIEW_STATE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (PORTING_DOCUMENT_VIEW_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD, "needs-password"),
                    G_DEFINE_ENUM_VALUE (PORTING_DOCUMENT_VIEW_STATE_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (PORTING_DOCUMENT_VIEW_STATE_LOADED, "loaded"))

static GParamSpec *properties[N_PROPS];

void
_porting_document_view_notify (PortingDocumentView     *self,
                               PortingDocumentViewProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

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
reset (PortingDocumentView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  _porting_document_view_remove_pages (self);
  g_clear_error (&self->error);

  if (self->document != NULL)
    {
      g_clear_object (&self->document);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
    }
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
  if (load->n_pages > 0)
    _porting_document_view_start_first_render (self, load->document, load->sizes[0], load->sizes[1]);
  set_state (self, PORTING_DOCUMENT_VIEW_STATE_LOADED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  _porting_document_view_update (self, FALSE);
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
  gtk_widget_set_visible (GTK_WIDGET (self->file_label), name != NULL);
  /* Cut in the middle when too long for the view: whole here, and GTK
   * gives the tooltip to screen readers as the label's description. */
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

void
_porting_document_view_update_labels (PortingDocumentView *self)
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
on_pages_pressed (PortingDocumentView *self)
{
  /* So that the zoom and scroll keys reach this view. */
  gtk_widget_grab_focus (self->pages_box);
}

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

  g_type_ensure (PORTING_TYPE_PAGE_COLUMN);
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

  _porting_document_view_class_init_zoom (widget_class);
}

static void
porting_document_view_init (PortingDocumentView *self)
{
  GtkGesture *click;

  self->pages = g_ptr_array_new ();
  self->jobs = g_ptr_array_new ();
  self->zoom = 1.0;
  self->fit_width = TRUE;
  self->anchor = -1;
  self->pending_scroll_page = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  _porting_document_view_init_pages (self);
  _porting_document_view_init_zoom (self);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pages_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (click));

  set_state (self, PORTING_DOCUMENT_VIEW_STATE_EMPTY);
  _porting_document_view_update_labels (self);
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
  _porting_document_view_update_labels (self);
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

  _porting_document_view_apply_zoom (self, zoom, FALSE);
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

  _porting_document_view_apply_zoom (self, fit_width ? self->zoom : porting_document_view_get_zoom (self), fit_width);
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

  if (!_porting_document_view_get_page_bounds (self, page, &bounds) || bounds.size.width < 1 ||
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
