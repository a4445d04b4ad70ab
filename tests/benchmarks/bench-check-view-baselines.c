/* bench-check-view-baselines.c — what the document view is measured against: GtkPictures, a bare widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-check-view"

#include "config.h"

#include <math.h>

#include "bench-check-view.h"
#include "porting-render-job.h"

/* BarePages, the bare widget (declared in bench-check-view.h) */
G_DEFINE_FINAL_TYPE (BarePages, bare_pages, GTK_TYPE_WIDGET)

static void
bare_pages_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  BarePages *self = BARE_PAGES (widget);
  int width = gdk_texture_get_width (self->page);
  int height = gdk_texture_get_height (self->page);
  double x = (gtk_widget_get_width (widget) - width) / 2.0;
  double pitch = height + PAGE_SPACING;

  for (double y = PAGE_SPACING - fmod (self->offset, pitch); y < gtk_widget_get_height (widget); y += pitch)
    gtk_snapshot_append_texture (snapshot, self->page, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
bare_pages_dispose (GObject *object)
{
  g_clear_object (&BARE_PAGES (object)->page);
  G_OBJECT_CLASS (bare_pages_parent_class)->dispose (object);
}

static void
bare_pages_class_init (BarePagesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bare_pages_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = bare_pages_snapshot;
}

static void
bare_pages_init (BarePages *self)
{
}

/* Page 1 of @file, @page_width px wide, as the view would show it; its page count in @n_pages. */
GdkTexture *
render_first_page (GFile *file,
                   int    page_width,
                   guint *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingDocument) document = porting_document_load (file, NULL, NULL, &error);
  cairo_surface_t *surface;
  GdkTexture *page;
  double width_pt, height_pt;

  if (document == NULL)
    g_error ("Cannot open the long invoice: %s", error->message);
  porting_document_get_page_size (document, 0, &width_pt, &height_pt);
  surface = porting_document_render_page (document, 0, page_width / width_pt, NULL, &error);
  if (surface == NULL)
    g_error ("Cannot render the long invoice: %s", error->message);
  page = porting_render_texture_from_surface (surface, NULL);
  cairo_surface_destroy (surface);
  *n_pages = porting_document_get_n_pages (document);

  return page;
}

/* SUBJECT_PICTURES or SUBJECT_BARE, showing @page for each of @n_pages. */
void
scene_open_toolkit (Scene      *scene,
                    GdkTexture *page,
                    guint       n_pages)
{
  scene->pitch = gdk_texture_get_height (page) + PAGE_SPACING;

  if (scene->subject == SUBJECT_BARE)
    {
      scene->bare = g_object_new (BARE_TYPE_PAGES, NULL);
      scene->bare->page = g_object_ref (page);
      scene->content = GTK_WIDGET (scene->bare);
    }
  else
    {
      GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, PAGE_SPACING);

      gtk_widget_set_margin_top (pages, PAGE_SPACING);
      gtk_widget_set_margin_bottom (pages, PAGE_SPACING);
      gtk_widget_set_halign (pages, GTK_ALIGN_CENTER);
      for (guint i = 0; i < n_pages; i++)
        {
          GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (page));

          gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
          gtk_box_append (GTK_BOX (pages), picture);
        }
      scene->content = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scene->content), pages);
      scene->adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scene->content));
    }

  gtk_window_set_child (scene->window, scene->content);
  gtk_window_present (scene->window);
}
