/* porting-document-view-zoom.c — zoom steps, fit width, their actions and shortcuts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-document-view"

#include "config.h"

#include "porting-document-view-private.h"
#include "porting-page-widget.h"

static const double zoom_steps[] = {
  0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
};

void
_porting_document_view_apply_zoom (PortingDocumentView *self,
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
      _porting_document_view_notify (self, PROP_FIT_WIDTH);
    }

  for (guint i = 0; i < self->pages->len; i++)
    porting_page_widget_set_zoom (g_ptr_array_index (self->pages, i),
                                  zoom * PIXELS_PER_POINT, fit_width);

  _porting_document_view_notify (self, PROP_ZOOM);
  _porting_document_view_update_labels (self);
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

  _porting_document_view_apply_zoom (self, next, FALSE);
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

  _porting_document_view_apply_zoom (self, self->zoom, TRUE);
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
  _porting_document_view_apply_zoom (self, self->zoom, TRUE);
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

void
_porting_document_view_class_init_zoom (GtkWidgetClass *widget_class)
{
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

/* Ctrl+scroll zooms. */
void
_porting_document_view_init_zoom (PortingDocumentView *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);
}
