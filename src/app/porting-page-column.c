/* porting-page-column.c — the pages of a document one under the other, only those in view drawn
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A vertical GtkBox in a GtkViewport that snapshots only the children
 * crossing the viewport. GtkBox draws every child each frame: with hundreds
 * of pages that is hundreds of render nodes to build, diff and cull for the
 * two or three on screen, on the main loop, at every scroll step.
 */
#define G_LOG_DOMAIN "porting-page-column"

#include "config.h"

#include "porting-page-column.h"

struct _PortingPageColumn
{
  GtkBox         parent_instance;

  /* The viewport's, while mapped: what is drawn depends on them. */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
};

G_DEFINE_FINAL_TYPE (PortingPageColumn, porting_page_column, GTK_TYPE_BOX)

/* What a child draws outside its allocation (a page's edge) stays within
 * this. */
#define OVERDRAW 12

static void
porting_page_column_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  graphene_rect_t visible;

  if (viewport == NULL || !gtk_widget_compute_bounds (viewport, widget, &visible))
    {
      GTK_WIDGET_CLASS (porting_page_column_parent_class)->snapshot (widget, snapshot);
      return;
    }

  /* Children are laid out top to bottom. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (child, widget, &bounds))
        continue;
      if (bounds.origin.y + bounds.size.height + OVERDRAW < visible.origin.y)
        continue;
      if (bounds.origin.y - OVERDRAW > visible.origin.y + visible.size.height)
        break;

      gtk_widget_snapshot_child (widget, child, snapshot);
    }
}

/* Scrolling only moves this widget, which would keep its last drawing,
 * made of the children in view then. */
static void
on_adjustment_value_changed (PortingPageColumn *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch_adjustment (PortingPageColumn  *self,
                  GtkAdjustment     **field,
                  GtkAdjustment      *adjustment)
{
  if (*field != NULL)
    g_signal_handlers_disconnect_by_func (*field, on_adjustment_value_changed, self);
  g_set_object (field, adjustment);
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
}

static void
porting_page_column_map (GtkWidget *widget)
{
  PortingPageColumn *self = PORTING_PAGE_COLUMN (widget);
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);

  GTK_WIDGET_CLASS (porting_page_column_parent_class)->map (widget);

  if (viewport != NULL)
    {
      watch_adjustment (self, &self->hadjustment, gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (viewport)));
      watch_adjustment (self, &self->vadjustment, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport)));
    }

  /* It may have scrolled while hidden, unwatched. */
  gtk_widget_queue_draw (widget);
}

static void
porting_page_column_unmap (GtkWidget *widget)
{
  PortingPageColumn *self = PORTING_PAGE_COLUMN (widget);

  watch_adjustment (self, &self->hadjustment, NULL);
  watch_adjustment (self, &self->vadjustment, NULL);

  GTK_WIDGET_CLASS (porting_page_column_parent_class)->unmap (widget);
}

static void
porting_page_column_dispose (GObject *object)
{
  PortingPageColumn *self = PORTING_PAGE_COLUMN (object);

  watch_adjustment (self, &self->hadjustment, NULL);
  watch_adjustment (self, &self->vadjustment, NULL);

  G_OBJECT_CLASS (porting_page_column_parent_class)->dispose (object);
}

static void
porting_page_column_class_init (PortingPageColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porting_page_column_dispose;

  widget_class->map = porting_page_column_map;
  widget_class->unmap = porting_page_column_unmap;
  widget_class->snapshot = porting_page_column_snapshot;
}

static void
porting_page_column_init (PortingPageColumn *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
porting_page_column_new (void)
{
  return g_object_new (PORTING_TYPE_PAGE_COLUMN, NULL);
}
