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

/* A page as rendered once, at one scale, cut in strips sharing its pixels. */
typedef struct
{
  GdkTexture *texture;         /* the whole page */
  GPtrArray  *strips;          /* of GdkTexture, top to bottom */
  guint8     *drawn;           /* per strip: a frame showed it already */
  guint       n_drawn;
  double      scale;
} Rendering;

/* Frames reveal new strips within this many device pixels each (a strip
 * at least): GSK uploads a texture in the frame that first draws it. */
typedef struct
{
  gint64 frame;
  gsize  pixels;
} RevealBudget;

struct _PortingPageWidget
{
  GtkWidget   parent_instance;

  guint       page;
  double      width;           /* points */
  double      height;
  double      zoom;            /* CSS pixels per point when not fitting the width */

  Rendering   rendering;
  Rendering   previous;        /* of the last zoom, where strips of this one wait */
  guint       reveal_tick_id;

  GArray     *highlights;      /* of Highlight */

  guint       fit_width : 1;
  guint       fully_drawn : 1;
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
/* A quarter of a 1280×800 screen, 1 MB, about 2 ms of upload on llvmpipe:
 * more rows than a fast scroll brings in per frame, a screen in four
 * frames after a jump. Three times as much shows the check view's first
 * pages whole two frames sooner, but makes the frame after a jump stall
 * 10 to 20 ms longer. */
#define REVEAL_PIXELS_PER_FRAME (256 * 1024)

static void
rendering_clear (Rendering *rendering)
{
  g_clear_object (&rendering->texture);
  g_clear_pointer (&rendering->strips, g_ptr_array_unref);
  g_clear_pointer (&rendering->drawn, g_free);
  rendering->n_drawn = 0;
  rendering->scale = 0;
}

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
draw_highlight (cairo_t            *cr,
                const PortingRect  *rect,
                PortingFieldStatus  status,
                double              zoom)
{
  gboolean matched = status == PORTING_FIELD_STATUS_EXACT || status == PORTING_FIELD_STATUS_EQUIVALENT;
  gboolean mismatched = status == PORTING_FIELD_STATUS_MISMATCH;
  double x = rect->x1 - 1;
  double y = rect->y1 - 1;
  double w = rect->x2 - rect->x1 + 2;
  double h = rect->y2 - rect->y1 + 2;
  double red, green, blue;

  /* Adwaita green 5 / red 3 / blue 3: the page is white in both styles. */
  if (matched)
    red = 0x26 / 255., green = 0xa2 / 255., blue = 0x69 / 255.;
  else if (mismatched)
    red = 0xe0 / 255., green = 0x1b / 255., blue = 0x24 / 255.;
  else
    red = 0x35 / 255., green = 0x84 / 255., blue = 0xe4 / 255.;

  cairo_scale (cr, zoom, zoom);
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
}

/* One small cairo node per rectangle, not one the size of the page: the
 * page is drawn again at every scroll step, and a cairo node is uploaded
 * whole each time. */
static void
append_highlights (PortingPageWidget *self,
                   GtkSnapshot       *snapshot,
                   double             zoom)
{
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const Highlight *highlight = &g_array_index (self->highlights, Highlight, i);

      for (guint j = 0; j < highlight->rects->len; j++)
        {
          const PortingRect *rect = &g_array_index (highlight->rects, PortingRect, j);
          /* The rectangle grows by a point, and its frame by a pixel. */
          graphene_rect_t bounds = GRAPHENE_RECT_INIT (floor ((rect->x1 - 1) * zoom - 2),
                                                       floor ((rect->y1 - 1) * zoom - 2),
                                                       ceil ((rect->x2 - rect->x1 + 2) * zoom + 5),
                                                       ceil ((rect->y2 - rect->y1 + 2) * zoom + 5));
          cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

          draw_highlight (cr, rect, highlight->status, zoom);
          cairo_destroy (cr);
        }
    }
}

/* Where the page is on screen, in its own coordinates; empty when nowhere. */
static void
get_visible_area (PortingPageWidget *self,
                  int                width,
                  int                height,
                  graphene_rect_t   *visible)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  graphene_rect_t port;

  if (viewport == NULL || !gtk_widget_compute_bounds (viewport, GTK_WIDGET (self), &port))
    *visible = bounds;
  else if (!graphene_rect_intersection (&bounds, &port, visible))
    graphene_rect_init (visible, 0, 0, 0, 0);
}

/* Whether this frame may still upload @pixels more, shared by every page
 * of the window: a frame clock paints one toplevel. */
static gboolean
take_reveal_budget (PortingPageWidget *self,
                    gsize              pixels)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  RevealBudget *budget;
  gint64 frame;

  if (clock == NULL)
    return TRUE;

  budget = g_object_get_data (G_OBJECT (clock), "porting-page-reveal-budget");
  if (budget == NULL)
    {
      budget = g_new0 (RevealBudget, 1);
      budget->frame = -1;
      g_object_set_data_full (G_OBJECT (clock), "porting-page-reveal-budget", budget, g_free);
    }

  frame = gdk_frame_clock_get_frame_counter (clock);
  if (budget->frame != frame)
    {
      budget->frame = frame;
      budget->pixels = 0;
    }

  if (budget->pixels > 0 && budget->pixels + pixels > REVEAL_PIXELS_PER_FRAME)
    return FALSE;

  budget->pixels += pixels;
  return TRUE;
}

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  PortingPageWidget *self = PORTING_PAGE_WIDGET (widget);

  self->reveal_tick_id = 0;
  gtk_widget_queue_draw (widget);

  return G_SOURCE_REMOVE;
}

/* Draws the strips of @rendering that cross @area; with @reveal, those of
 * them on screen for the first time as the frame's budget allows, the
 * rest waiting behind a placeholder. Returns whether some strip on screen
 * waits. */
static gboolean
append_rendering (PortingPageWidget     *self,
                  GtkSnapshot           *snapshot,
                  Rendering             *rendering,
                  const graphene_rect_t *area,
                  const graphene_rect_t *visible,
                  gboolean               reveal);

static void
append_placeholder (PortingPageWidget     *self,
                    GtkSnapshot           *snapshot,
                    const graphene_rect_t *area,
                    const graphene_rect_t *visible)
{
  const GdkRGBA white = { 1, 1, 1, 1 };

  /* The last zoom's strips if they were drawn, else paper. */
  if (self->previous.texture != NULL)
    {
      gtk_snapshot_push_clip (snapshot, area);
      append_rendering (self, snapshot, &self->previous, area, visible, FALSE);
      gtk_snapshot_pop (snapshot);
    }
  else
    {
      gtk_snapshot_append_color (snapshot, &white, area);
    }
}

static gboolean
append_rendering (PortingPageWidget     *self,
                  GtkSnapshot           *snapshot,
                  Rendering             *rendering,
                  const graphene_rect_t *area,
                  const graphene_rect_t *visible,
                  gboolean               reveal)
{
  const GdkRGBA white = { 1, 1, 1, 1 };
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  /* CSS pixels per texture row: 1 / scale factor unless stretched. */
  double row_height = (double) gtk_widget_get_height (GTK_WIDGET (self)) / gdk_texture_get_height (rendering->texture);
  gboolean waiting = FALSE;
  int first_row = 0;

  for (guint i = 0; i < rendering->strips->len; i++)
    {
      GdkTexture *strip = g_ptr_array_index (rendering->strips, i);
      int rows = gdk_texture_get_height (strip);
      /* Not rounded to pixels: stretched, strips would shift by up to half
       * a pixel each, which shows. GL draws a pixel that two quads share
       * once, so strips meet without a seam or an overlap either way; no
       * clip either, that costs llvmpipe a fifth more per frame. */
      double top = first_row * row_height;
      double bottom = (first_row + rows) * row_height;
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, top, width, bottom - top);

      first_row += rows;
      if (bottom <= area->origin.y || top >= area->origin.y + area->size.height)
        continue;

      if (!rendering->drawn[i])
        {
          gboolean on_screen = visible->size.width > 0 &&
                               top < visible->origin.y + visible->size.height &&
                               bottom > visible->origin.y;

          if (!reveal)
            {
              gtk_snapshot_append_color (snapshot, &white, &bounds);
              continue;
            }

          if (!on_screen || !take_reveal_budget (self, (gsize) gdk_texture_get_width (strip) * rows))
            {
              waiting |= on_screen;
              append_placeholder (self, snapshot, &bounds, visible);
              continue;
            }

          rendering->drawn[i] = TRUE;
          rendering->n_drawn++;
        }

      gtk_snapshot_append_texture (snapshot, strip, &bounds);
    }

  return waiting;
}

static void
porting_page_widget_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  PortingPageWidget *self = PORTING_PAGE_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  graphene_rect_t visible;
  GskRoundedRect outline;
  const float edge_widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA edge_colors[4] = { { 0, 0, 0, 0.15 }, { 0, 0, 0, 0.15 }, { 0, 0, 0, 0.25 }, { 0, 0, 0, 0.15 } };
  const GdkRGBA white = { 1, 1, 1, 1 };
  gboolean waiting = FALSE;

  if (width <= 0 || height <= 0)
    return;

  /* An edge, not a blurred shadow: blurs are costly to draw while
   * scrolling on software rendering (the benchmark runs there). */
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (-1, -1, width + 2, height + 2), 0);
  gtk_snapshot_append_border (snapshot, &outline, edge_widths, edge_colors);

  /* Strips on screen show as the frame budget allows, the previous
   * zoom's (or paper) standing in until then; the document view draws the
   * page again when it scrolls, so strips are revealed as they come in. */
  get_visible_area (self, width, height, &visible);
  if (self->rendering.texture != NULL)
    waiting = append_rendering (self, snapshot, &self->rendering, &bounds, &visible, TRUE);
  else
    gtk_snapshot_append_color (snapshot, &white, &bounds);

  self->fully_drawn = self->rendering.texture != NULL && !waiting;
  if (waiting)
    {
      if (self->reveal_tick_id == 0)
        self->reveal_tick_id = gtk_widget_add_tick_callback (widget, reveal_tick_cb, NULL, NULL);
    }
  else
    {
      rendering_clear (&self->previous);
    }

  if (self->highlights->len > 0)
    append_highlights (self, snapshot, width / self->width);
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
      g_value_set_object (value, self->rendering.texture);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_page_widget_dispose (GObject *object)
{
  PortingPageWidget *self = PORTING_PAGE_WIDGET (object);

  if (self->reveal_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
      self->reveal_tick_id = 0;
    }

  G_OBJECT_CLASS (porting_page_widget_parent_class)->dispose (object);
}

static void
porting_page_widget_finalize (GObject *object)
{
  PortingPageWidget *self = PORTING_PAGE_WIDGET (object);

  rendering_clear (&self->rendering);
  rendering_clear (&self->previous);
  g_clear_pointer (&self->highlights, g_array_unref);

  G_OBJECT_CLASS (porting_page_widget_parent_class)->finalize (object);
}

static void
porting_page_widget_class_init (PortingPageWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porting_page_widget_dispose;
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

/**
 * porting_page_widget_set_texture:
 * @texture: (nullable): the page rendered at @scale device pixels per point
 * @strips: (nullable) (element-type GdkTexture): the same pixels in
 *   horizontal strips, top to bottom; NULL to draw @texture whole
 *
 * NULL @texture drops the page's rendering. A new one takes the place of
 * the last a few strips per frame, so that no frame uploads a whole page.
 */
void
porting_page_widget_set_texture (PortingPageWidget *self,
                                 GdkTexture        *texture,
                                 GPtrArray         *strips,
                                 double             scale)
{
  g_return_if_fail (PORTING_IS_PAGE_WIDGET (self));
  g_return_if_fail (!texture || GDK_IS_TEXTURE (texture));

  if (texture == self->rendering.texture)
    return;

  if (texture == NULL)
    {
      rendering_clear (&self->previous);
      rendering_clear (&self->rendering);
    }
  else
    {
      guint n_strips = strips != NULL ? strips->len : 1;

      /* Of two renderings waiting for the new one, the one drawn further stays. */
      if (self->rendering.texture != NULL)
        {
          if (self->rendering.n_drawn >= self->previous.n_drawn)
            {
              rendering_clear (&self->previous);
              self->previous = self->rendering;
              self->rendering = (Rendering) { NULL, };
            }
          else
            {
              rendering_clear (&self->rendering);
            }
        }

      self->rendering.texture = g_object_ref (texture);
      if (strips != NULL)
        {
          self->rendering.strips = g_ptr_array_ref (strips);
        }
      else
        {
          self->rendering.strips = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (self->rendering.strips, g_object_ref (texture));
        }
      self->rendering.drawn = g_new0 (guint8, n_strips);
      self->rendering.scale = scale;
    }

  self->fully_drawn = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

GdkTexture *
porting_page_widget_get_texture (PortingPageWidget *self)
{
  g_return_val_if_fail (PORTING_IS_PAGE_WIDGET (self), NULL);

  return self->rendering.texture;
}

double
porting_page_widget_get_texture_scale (PortingPageWidget *self)
{
  g_return_val_if_fail (PORTING_IS_PAGE_WIDGET (self), 0);

  return self->rendering.scale;
}

/**
 * porting_page_widget_moved:
 *
 * Tells the page that it moved on screen: scrolling moves its parent, and
 * the page cannot see that. It draws again only if strips of its rendering
 * wait to be revealed; drawn whole, it looks the same anywhere.
 */
void
porting_page_widget_moved (PortingPageWidget *self)
{
  g_return_if_fail (PORTING_IS_PAGE_WIDGET (self));

  if (self->rendering.texture != NULL && self->rendering.n_drawn < self->rendering.strips->len)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * porting_page_widget_is_fully_drawn:
 *
 * Returns: whether the last frame showed the texture wherever the page is
 *   on screen, no strip of it waiting for a later frame
 */
gboolean
porting_page_widget_is_fully_drawn (PortingPageWidget *self)
{
  g_return_val_if_fail (PORTING_IS_PAGE_WIDGET (self), FALSE);

  return self->fully_drawn;
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

/**
 * porting_page_widget_set_text:
 * @text: (nullable): what the page says
 *
 * To a screen reader the page is an image: @text is its description.
 */
void
porting_page_widget_set_text (PortingPageWidget *self,
                              const char        *text)
{
  g_return_if_fail (PORTING_IS_PAGE_WIDGET (self));

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
