/* porting-signature-pad.c — sign with a mouse, a finger or a pen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-signature-pad"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-signature-pad.h"

struct _PortingSignaturePad
{
  GtkWidget  parent_instance;

  GPtrArray *strokes;        /* of GArray of PortingSignaturePoint */
  GArray    *current;        /* the stroke being drawn, also in @strokes */
  double     drag_x;
  double     drag_y;
};

enum {
  PROP_0,
  PROP_EMPTY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PortingSignaturePad, porting_signature_pad, GTK_TYPE_WIDGET)

static void
begin_stroke (PortingSignaturePad *self,
              double               x,
              double               y,
              double               pressure)
{
  gboolean was_empty = porting_signature_pad_is_empty (self);
  PortingSignaturePoint point = { x, y, pressure };

  self->current = g_array_new (FALSE, FALSE, sizeof (PortingSignaturePoint));
  g_array_append_val (self->current, point);
  g_ptr_array_add (self->strokes, self->current);

  if (was_empty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
extend_stroke (PortingSignaturePad *self,
               double               x,
               double               y,
               double               pressure)
{
  PortingSignaturePoint point = { x, y, pressure };

  if (self->current == NULL)
    return;

  g_array_append_val (self->current, point);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
end_stroke (PortingSignaturePad *self)
{
  if (self->current == NULL)
    return;

  self->current = NULL;
  g_signal_emit (self, signals[CHANGED], 0);
}

static double
stylus_pressure (GtkGestureStylus *gesture)
{
  double pressure;

  if (gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    return CLAMP (pressure, 0.0, 1.0);

  return 1.0;
}

static void
on_stylus_down (PortingSignaturePad *self,
                double               x,
                double               y,
                GtkGestureStylus    *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  begin_stroke (self, x, y, stylus_pressure (gesture));
}

static void
on_stylus_motion (PortingSignaturePad *self,
                  double               x,
                  double               y,
                  GtkGestureStylus    *gesture)
{
  extend_stroke (self, x, y, stylus_pressure (gesture));
}

static void
on_stylus_up (PortingSignaturePad *self,
              double               x,
              double               y,
              GtkGestureStylus    *gesture)
{
  end_stroke (self);
}

static void
on_drag_begin (PortingSignaturePad *self,
               double               x,
               double               y,
               GtkGestureDrag      *gesture)
{
  GdkDevice *device = gtk_gesture_get_device (GTK_GESTURE (gesture));

  /* Pens go through the stylus gesture, which knows their pressure. */
  if (device != NULL && gdk_device_get_source (device) == GDK_SOURCE_PEN)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_x = x;
  self->drag_y = y;
  begin_stroke (self, x, y, 1.0);
}

static void
on_drag_update (PortingSignaturePad *self,
                double               offset_x,
                double               offset_y,
                GtkGestureDrag      *gesture)
{
  extend_stroke (self, self->drag_x + offset_x, self->drag_y + offset_y, 1.0);
}

static void
on_drag_end (PortingSignaturePad *self,
             double               offset_x,
             double               offset_y,
             GtkGestureDrag      *gesture)
{
  end_stroke (self);
}

static void
append_stroke (cairo_t      *cr,
               const GArray *stroke)
{
  const PortingSignaturePoint *p = (const PortingSignaturePoint *) (gpointer) stroke->data;

  cairo_move_to (cr, p[0].x, p[0].y);
  if (stroke->len == 1)
    cairo_line_to (cr, p[0].x, p[0].y);

  /* Midpoint smoothing, as in the PDF. */
  for (guint i = 1; i + 1 < stroke->len; i++)
    {
      double mx = (p[i].x + p[i + 1].x) / 2;
      double my = (p[i].y + p[i + 1].y) / 2;
      double sx, sy;

      cairo_get_current_point (cr, &sx, &sy);
      cairo_curve_to (cr,
                      sx + 2.0 / 3.0 * (p[i].x - sx), sy + 2.0 / 3.0 * (p[i].y - sy),
                      mx + 2.0 / 3.0 * (p[i].x - mx), my + 2.0 / 3.0 * (p[i].y - my),
                      mx, my);
    }

  if (stroke->len > 1)
    cairo_line_to (cr, p[stroke->len - 1].x, p[stroke->len - 1].y);
}

static void
porting_signature_pad_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  PortingSignaturePad *self = PORTING_SIGNATURE_PAD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double baseline = height - 28;
  GdkRGBA color;
  cairo_t *cr;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The line to sign on, and a cross where to start. */
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.35);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 24, baseline + 0.5);
  cairo_line_to (cr, width - 24, baseline + 0.5);
  cairo_stroke (cr);
  cairo_move_to (cr, 26, baseline - 14);
  cairo_line_to (cr, 36, baseline - 4);
  cairo_move_to (cr, 36, baseline - 14);
  cairo_line_to (cr, 26, baseline - 4);
  cairo_stroke (cr);

  if (porting_signature_pad_is_empty (self))
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, _("Sign here"));
      int text_width, text_height;

      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_move_to (cr, (width - text_width) / 2.0, baseline + 6);
      pango_cairo_show_layout (cr, layout);
    }

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);
      double pressure = g_array_index (stroke, PortingSignaturePoint, 0).pressure;

      cairo_set_line_width (cr, 1.5 + 1.5 * pressure);
      append_stroke (cr, stroke);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
porting_signature_pad_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 420;
    }
  else
    {
      *minimum = 120;
      *natural = 150;
    }
}

static void
porting_signature_pad_finalize (GObject *object)
{
  PortingSignaturePad *self = PORTING_SIGNATURE_PAD (object);

  g_clear_pointer (&self->strokes, g_ptr_array_unref);

  G_OBJECT_CLASS (porting_signature_pad_parent_class)->finalize (object);
}

static void
porting_signature_pad_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PortingSignaturePad *self = PORTING_SIGNATURE_PAD (object);

  switch (prop_id)
    {
    case PROP_EMPTY:
      g_value_set_boolean (value, porting_signature_pad_is_empty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_signature_pad_class_init (PortingSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = porting_signature_pad_finalize;
  object_class->get_property = porting_signature_pad_get_property;

  widget_class->snapshot = porting_signature_pad_snapshot;
  widget_class->measure = porting_signature_pad_measure;

  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A stroke was finished, or the pad was cleared or refilled. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "signature-pad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
porting_signature_pad_init (PortingSignaturePad *self)
{
  GtkGesture *stylus;
  GtkGesture *drag;

  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  stylus = gtk_gesture_stylus_new ();
  g_signal_connect_object (stylus, "down", G_CALLBACK (on_stylus_down), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stylus, "motion", G_CALLBACK (on_stylus_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stylus, "up", G_CALLBACK (on_stylus_up), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (stylus));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (drag), FALSE);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  /* Drawing needs a pointer: the page offers typing the name instead. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signature"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Draw your signature with a mouse, a finger or a pen, "
                                    "or type your name instead."),
                                  -1);
}

GtkWidget *
porting_signature_pad_new (void)
{
  return g_object_new (PORTING_TYPE_SIGNATURE_PAD, NULL);
}

void
porting_signature_pad_clear (PortingSignaturePad *self)
{
  g_return_if_fail (PORTING_IS_SIGNATURE_PAD (self));

  if (self->strokes->len == 0)
    return;

  self->current = NULL;
  g_ptr_array_set_size (self->strokes, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
porting_signature_pad_is_empty (PortingSignaturePad *self)
{
  g_return_val_if_fail (PORTING_IS_SIGNATURE_PAD (self), TRUE);

  return self->strokes->len == 0;
}

GPtrArray *
porting_signature_pad_get_strokes (PortingSignaturePad *self)
{
  g_return_val_if_fail (PORTING_IS_SIGNATURE_PAD (self), NULL);

  return self->strokes;
}

void
porting_signature_pad_set_strokes (PortingSignaturePad *self,
                                   GPtrArray           *strokes)
{
  gboolean was_empty;

  g_return_if_fail (PORTING_IS_SIGNATURE_PAD (self));

  was_empty = porting_signature_pad_is_empty (self);
  self->current = NULL;
  g_ptr_array_set_size (self->strokes, 0);

  for (guint i = 0; strokes != NULL && i < strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (strokes, i);

      if (stroke->len > 0)
        g_ptr_array_add (self->strokes, g_array_ref (stroke));
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (was_empty != porting_signature_pad_is_empty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
porting_signature_pad_add_stroke (PortingSignaturePad         *self,
                                  const PortingSignaturePoint *points,
                                  guint                        n_points)
{
  g_return_if_fail (PORTING_IS_SIGNATURE_PAD (self));

  if (n_points == 0)
    return;

  begin_stroke (self, points[0].x, points[0].y, points[0].pressure);
  for (guint i = 1; i < n_points; i++)
    extend_stroke (self, points[i].x, points[i].y, points[i].pressure);
  end_stroke (self);
}

void
porting_signature_pad_fill_data (PortingSignaturePad  *self,
                                 PortingLoaWriterData *data)
{
  g_return_if_fail (PORTING_IS_SIGNATURE_PAD (self));
  g_return_if_fail (data != NULL);

  g_ptr_array_set_size (data->strokes, 0);
  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      porting_loa_writer_data_add_stroke (data,
                                          (const PortingSignaturePoint *) (gpointer) stroke->data,
                                          stroke->len);
    }

  data->pad_width = gtk_widget_get_width (GTK_WIDGET (self));
  data->pad_height = gtk_widget_get_height (GTK_WIDGET (self));
}
