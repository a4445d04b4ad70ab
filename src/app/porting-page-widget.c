/* porting-page-widget.c — one page of a document: its rendering and its highlights
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-page-widget"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "porting-page-widget.h"

typedef struct
{
  GArray             *rects;   /* of PortingRect */
  PortingFieldStatus  status;
} Highlight;

struct _PortingPageWidget
{
  GtkWidget   parent_instance;

  guint       page;
  double      width;           /* points */
  double      height;
  double      zoom;            /* CSS pixels per point when not fitting the width */

  GdkTexture *texture;
  double      texture_scale;

  GArray     *highlights;      /* of Highlight */

  guint       fit_width : 1;
};

G_DEFINE_FINAL_TYPE (PortingPageWidget, porting_page_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Narrower than this, a page is not worth showing. */
#define MIN_PAGE_WIDTH 48

static void
clear_highlight (gpointer data)
{
  Highlight *highlight = data;

  g_clear_pointer (&highlight->rects, g_array_unref);
}

static GtkSizeRequestMode
porting_page_widget_get_request_mode (GtkWidget *widget)
{
  PortingPageWidget *self = PORTING_PAGE_WIDGET (widget);

  return self->fit_width ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
porting_page_widget_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  PortingPageWidget *self = PORTING_PAGE_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (self->fit_width)
        *minimum = *natural = MIN_PAGE_WIDTH;
      else
        *minimum = *natural = MAX (1, (int) ceil (self->width * self->zoom));
    }
  else
    {
      double width;

      if (self->fit_width)
        width = for_size >= 0 ? MAX (for_size, MIN_PAGE_WIDTH) : MIN_PAGE_WIDTH;
      else
        width = self->width * self->zoom;

      *minimum = *natural = MAX (1, (int) ceil (width * self->height / self->width));
    }
}

static void
draw_highlights (PortingPageWidget *self,
                 cairo_t           *cr,
                 double             zoom)
{
  cairo_scale (cr, zoom, zoom);

  for (guint i = 0; i < self->highlights->len; i++)
    {
      const Highlight *highlight = &g_array_index (self->highlights, Highlight, i);
      gboolean matched = highlight->status == PORTING_FIELD_STATUS_EXACT ||
                         highlight->status == PORTING_FIELD_STATUS_EQUIVALENT;
      gboolean mismatched = highlight->status == PORTING_FIELD_STATUS_MISMATCH;
      double red, green, blue;

      /* Adwaita green 5 / red 3 / blue 3: the page is white in both styles. */
      if (matched)
        red = 0x26 / 255., green = 0xa2 / 255., blue = 0x69 / 255.;
      else if (mismatched)
        red = 0xe0 / 255., green = 0x1b / 255., blue = 0x24 / 255.;
      else
        red = 0x35 / 255., green = 0x84 / 255., blue = 0xe4 / 255.;

      for (guint j = 0; j < highlight->rects->len; j++)
        {
          const PortingRect *rect = &g_array_index (highlight->rects, PortingRect, j);
          double x = rect->x1 - 1;
          double y = rect->y1 - 1;
          double w = rect->x2 - rect->x1 + 2;
          double h = rect->y2 - rect->y1 + 2;

          cairo_save (cr);
          cairo_rectangle (cr, x, y, w, h);
          cairo_set_source_rgba (cr, red, green, blue, 0.3);
          cairo_fill_preserve (cr);

          /* Status never by colour alone: a solid frame for a match, a
           * dashed frame over diagonal hatching for a mismatch. */
          cairo_set_source_rgba (cr, red, green, blue, 0.9);
          cairo_set_line_width (cr, 1.5 / zoom);
          if (mismatched)
            {
              const double dashes[] = { 3.0 / zoom, 2.0 / zoom };

              cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
              cairo_stroke_preserve (cr);
              cairo_set_dash (cr, NULL, 0, 0);
              cairo_clip (cr);
              cairo_set_source_rgba (cr, red, green, blue, 0.45);
              cairo_set_line_width (cr, 1.0 / zoom);
              for (double d = -h; d < w; d += 4.0)
                {
                  cairo_move_to (cr, x + d, y + h);
                  cairo_line_to (cr, x + d + h, y);
                }
              cairo_stroke (cr);
            }
          else
            {
              cairo_stroke (cr);
            }
          cairo_restore (cr);
        }
    }
}

static void
porting_page_widget_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  PortingPageWidget *self = PORTING_PAGE_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GskRoundedRect outline;
  const float edge_widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA edge_colors[4] = { { 0, 0, 0, 0.15 }, { 0, 0, 0, 0.15 }, { 0, 0, 0, 0.25 }, { 0, 0, 0, 0.15 } };
  const GdkRGBA white = { 1, 1, 1, 1 };

  if (width <= 0 || height <= 0)
    return;

  /* An edge, not a blurred shadow: blurs are costly to draw while
   * scrolling on software rendering (the benchmark runs there). */
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (-1, -1, width + 2, height + 2), 0);
  gtk_snapshot_append_border (snapshot, &outline, edge_widths, edge_colors);

  /* A texture of the previous zoom stays until the new one arrives; it is
   * opaque (white behind the page), so paper only shows before the first. */
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
  else
    gtk_snapshot_append_color (snapshot, &white, &bounds);

  if (self->highlights->len > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      draw_highlights (self, cr, width / self->width);
      cairo_destroy (cr);
    }
}

static void
porting_page_widget_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PortingPageWidget *self = PORTING_PAGE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_page_widget_finalize (GObject *object)
{
  PortingPageWidget *self = PORTING_PAGE_WIDGET (object);

  g_clear_object (&self->texture);
  g_clear_pointer (&self->highlights, g_array_unref);

  G_OBJECT_CLASS (porting_page_widget_parent_class)->finalize (object);
}

static void
porting_page_widget_class_init (PortingPageWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = porting_page_widget_finalize;
  object_class->get_property = porting_page_widget_get_property;

  widget_class->get_request_mode = porting_page_widget_get_request_mode;
  widget_class->measure = porting_page_widget_measure;
  widget_class->snapshot = porting_page_widget_snapshot;

  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL,
                         GDK_TYPE_TEXTURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
porting_page_widget_init (PortingPageWidget *self)
{
  self->zoom = 1.0;
  self->fit_width = TRUE;
  self->highlights = g_array_new (FALSE, TRUE, sizeof (Highlight));
  g_array_set_clear_func (self->highlights, clear_highlight);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);
}

GtkWidget *
porting_page_widget_new (guint  page,
                         double width,
                         double height)
{
  PortingPageWidget *self;
  g_autofree char *label = NULL;

  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_object_new (PORTING_TYPE_PAGE_WIDGET, NULL);
  self->page = page;
  self->width = width;
  self->height = height;

  label = g_strdup_printf (_("Page %u"), page + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return GTK_WIDGET (self);
}

guint
porting_page_widget_get_page (PortingPageWidget *self)
{
  g_return_val_if_fail (PORTING_IS_PAGE_WIDGET (self), 0);

  return self->page;
}

void
porting_page_widget_get_page_size (PortingPageWidget *self,
                                   double            *width,
                                   double            *height)
{
  g_return_if_fail (PORTING_IS_PAGE_WIDGET (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

void
porting_page_widget_set_zoom (PortingPageWidget *self,
                              double             zoom,
                              gboolean           fit_width)
{
  g_return_if_fail (PORTING_IS_PAGE_WIDGET (self));
  g_return_if_fail (zoom > 0);

  fit_width = !!fit_width;
  if (self->zoom == zoom && self->fit_width == fit_width)
    return;

  self->zoom = zoom;
  self->fit_width = fit_width;
  gtk_widget_set_halign (GTK_WIDGET (self), fit_width ? GTK_ALIGN_FILL : GTK_ALIGN_CENTER);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
porting_page_widget_get_layout_zoom (PortingPageWidget *self)
{
  g_return_val_if_fail (PORTING_IS_PAGE_WIDGET (self), 0);

  return gtk_widget_get_width (GTK_WIDGET (self)) / self->width;
}

void
porting_page_widget_set_texture (PortingPageWidget *self,
                                 GdkTexture        *texture,
                                 double             scale)
{
  g_return_if_fail (PORTING_IS_PAGE_WIDGET (self));
  g_return_if_fail (!texture || GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;

  self->texture_scale = texture != NULL ? scale : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

GdkTexture *
porting_page_widget_get_texture (PortingPageWidget *self)
{
  g_return_val_if_fail (PORTING_IS_PAGE_WIDGET (self), NULL);

  return self->texture;
}

double
porting_page_widget_get_texture_scale (PortingPageWidget *self)
{
  g_return_val_if_fail (PORTING_IS_PAGE_WIDGET (self), 0);

  return self->texture_scale;
}

void
porting_page_widget_add_highlights (PortingPageWidget  *self,
                                    GArray             *rects,
                                    PortingFieldStatus  status)
{
  Highlight highlight;

  g_return_if_fail (PORTING_IS_PAGE_WIDGET (self));
  g_return_if_fail (rects != NULL);

  if (rects->len == 0)
    return;

  highlight.rects = g_array_ref (rects);
  highlight.status = status;
  g_array_append_val (self->highlights, highlight);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
porting_page_widget_clear_highlights (PortingPageWidget *self)
{
  g_return_if_fail (PORTING_IS_PAGE_WIDGET (self));

  if (self->highlights->len == 0)
    return;

  g_array_set_size (self->highlights, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
porting_page_widget_get_n_highlights (PortingPageWidget *self)
{
  g_return_val_if_fail (PORTING_IS_PAGE_WIDGET (self), 0);

  return self->highlights->len;
}
