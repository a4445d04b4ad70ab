/* porting-loa-writer.c — write a Letter of Authorization as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-loa-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <math.h>

#include "porting-loa-writer.h"
#include "porting-phone-number.h"

/* US Letter, in points. The labels below are what porting-loa.c reads back:
 * keep them in step with it (DESIGN.md §3.3). */
#define PAGE_WIDTH      612.0
#define PAGE_HEIGHT     792.0
#define MARGIN_LEFT     72.0
#define MARGIN_RIGHT    72.0
#define MARGIN_TOP      72.0
#define MARGIN_BOTTOM   60.0
#define TEXT_WIDTH      (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

#define FIELD_SIZE      11.0
#define FIELD_LEADING   16.0
#define NUMBER_LEADING  15.0
#define NUMBER_INDENT   18.0
#define SIGNATURE_BOX_W 230.0
#define SIGNATURE_BOX_H 50.0

/* What follows the list of numbers on the first page: the authorization
 * paragraph, the signature box and its labels. */
#define CLOSING_HEIGHT  (24.0 + 2 * 12.0 + 22.0 + SIGNATURE_BOX_H + 16.0)

#define FONT_FAMILY     "sans-serif"

G_DEFINE_BOXED_TYPE (PortingLoaWriterData, porting_loa_writer_data,
                     porting_loa_writer_data_copy, porting_loa_writer_data_free)

PortingLoaWriterData *
porting_loa_writer_data_new (void)
{
  PortingLoaWriterData *self = g_new0 (PortingLoaWriterData, 1);

  self->numbers = g_ptr_array_new_with_free_func (g_free);
  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  return self;
}

void
porting_loa_writer_data_add_stroke (PortingLoaWriterData        *self,
                                    const PortingSignaturePoint *points,
                                    guint                        n_points)
{
  GArray *stroke;

  g_return_if_fail (self != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  if (n_points == 0)
    return;

  stroke = g_array_sized_new (FALSE, FALSE, sizeof (PortingSignaturePoint), n_points);
  g_array_append_vals (stroke, points, n_points);
  g_ptr_array_add (self->strokes, stroke);
}

PortingLoaWriterData *
porting_loa_writer_data_copy (const PortingLoaWriterData *self)
{
  PortingLoaWriterData *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = porting_loa_writer_data_new ();
  copy->customer_name = g_strdup (self->customer_name);
  copy->authorized_person = g_strdup (self->authorized_person);
  copy->street = g_strdup (self->street);
  copy->unit = g_strdup (self->unit);
  copy->city = g_strdup (self->city);
  copy->region = g_strdup (self->region);
  copy->postal_code = g_strdup (self->postal_code);
  copy->country = g_strdup (self->country);
  copy->carrier = g_strdup (self->carrier);
  copy->account_number = g_strdup (self->account_number);
  copy->btn = g_strdup (self->btn);
  copy->date = g_strdup (self->date);
  copy->typed_signature = g_strdup (self->typed_signature);
  copy->pad_width = self->pad_width;
  copy->pad_height = self->pad_height;

  for (guint i = 0; self->numbers != NULL && i < self->numbers->len; i++)
    g_ptr_array_add (copy->numbers, g_strdup (g_ptr_array_index (self->numbers, i)));

  for (guint i = 0; self->strokes != NULL && i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);
      porting_loa_writer_data_add_stroke (copy,
                                          (const PortingSignaturePoint *) (gpointer) stroke->data,
                                          stroke->len);
    }

  return copy;
}

void
porting_loa_writer_data_free (PortingLoaWriterData *self)
{
  if (self == NULL)
    return;

  g_free (self->customer_name);
  g_free (self->authorized_person);
  g_free (self->street);
  g_free (self->unit);
  g_free (self->city);
  g_free (self->region);
  g_free (self->postal_code);
  g_free (self->country);
  g_free (self->carrier);
  g_free (self->account_number);
  g_free (self->btn);
  g_free (self->date);
  g_free (self->typed_signature);
  g_clear_pointer (&self->numbers, g_ptr_array_unref);
  g_clear_pointer (&self->strokes, g_ptr_array_unref);
  g_free (self);
}

static const char *
empty_if_null (const char *text)
{
  return text != NULL ? text : "";
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static char *
format_number (const char *text)
{
  g_autoptr(PortingPhoneNumber) number = NULL;

  if (is_blank (text))
    return g_strdup ("");

  number = porting_phone_number_parse (text, NULL);
  if (number->valid)
    return porting_phone_number_format (number);

  return g_strstrip (g_strdup (text));
}

static gboolean
has_signature (const PortingLoaWriterData *data)
{
  for (guint i = 0; data->strokes != NULL && i < data->strokes->len; i++)
    if (((GArray *) g_ptr_array_index (data->strokes, i))->len > 0)
      return TRUE;

  return !is_blank (data->typed_signature);
}

static void
set_font (cairo_t             *cr,
          cairo_font_slant_t   slant,
          cairo_font_weight_t  weight,
          double               size)
{
  cairo_select_font_face (cr, FONT_FAMILY, slant, weight);
  cairo_set_font_size (cr, size);
}

/* Draws @text with its baseline at @y; shrinks the font (down to 7 pt) when
 * the text would not fit in @max_width, so that a long value stays whole. */
static void
show_line (cairo_t    *cr,
           double      x,
           double      y,
           double      max_width,
           const char *text)
{
  cairo_text_extents_t extents;
  cairo_matrix_t matrix;

  cairo_get_font_matrix (cr, &matrix);
  cairo_text_extents (cr, text, &extents);

  if (extents.x_advance > max_width)
    {
      double size = matrix.xx * max_width / extents.x_advance;
      cairo_set_font_size (cr, MAX (size, 7.0));
    }

  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
  cairo_set_font_matrix (cr, &matrix);
}

static void
show_field (cairo_t    *cr,
            double      y,
            const char *label,
            const char *value)
{
  g_autofree char *line = g_strdup_printf ("%s: %s", label, empty_if_null (value));

  show_line (cr, MARGIN_LEFT, y, TEXT_WIDTH, line);
}

/* A smooth path through the points: quadratic segments from midpoint to
 * midpoint, with each point as the control point. */
static void
append_stroke_path (cairo_t      *cr,
                    const GArray *stroke,
                    double        scale,
                    double        dx,
                    double        dy)
{
  const PortingSignaturePoint *p = (const PortingSignaturePoint *) (gpointer) stroke->data;
  double x0 = p[0].x * scale + dx;
  double y0 = p[0].y * scale + dy;

  cairo_move_to (cr, x0, y0);

  if (stroke->len == 1)
    {
      /* A dot: a zero-length segment shows with round caps. */
      cairo_line_to (cr, x0, y0);
      return;
    }

  for (guint i = 1; i + 1 < stroke->len; i++)
    {
      double cx = p[i].x * scale + dx;
      double cy = p[i].y * scale + dy;
      double mx = (p[i].x + p[i + 1].x) / 2 * scale + dx;
      double my = (p[i].y + p[i + 1].y) / 2 * scale + dy;
      double sx, sy;

      cairo_get_current_point (cr, &sx, &sy);
      cairo_curve_to (cr,
                      sx + 2.0 / 3.0 * (cx - sx), sy + 2.0 / 3.0 * (cy - sy),
                      mx + 2.0 / 3.0 * (cx - mx), my + 2.0 / 3.0 * (cy - my),
                      mx, my);
    }

  cairo_line_to (cr,
                 p[stroke->len - 1].x * scale + dx,
                 p[stroke->len - 1].y * scale + dy);
}

static void
draw_strokes (cairo_t                    *cr,
              const PortingLoaWriterData *data,
              double                      box_x,
              double                      box_y)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE;
  double max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double width, height, scale;

  for (guint i = 0; i < data->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (data->strokes, i);

      for (guint j = 0; j < stroke->len; j++)
        {
          const PortingSignaturePoint *p = &g_array_index (stroke, PortingSignaturePoint, j);

          min_x = MIN (min_x, p->x);
          min_y = MIN (min_y, p->y);
          max_x = MAX (max_x, p->x);
          max_y = MAX (max_y, p->y);
        }
    }

  /* Fit the signature's own bounds into the box, keeping its proportions;
   * a flat line is not blown up beyond the size it was drawn at. */
  width = MAX (max_x - min_x, 1.0);
  height = MAX (max_y - min_y, 1.0);
  scale = MIN (SIGNATURE_BOX_W / width, SIGNATURE_BOX_H / height);
  if (data->pad_width > 0 && data->pad_height > 0)
    scale = MIN (scale, MIN (SIGNATURE_BOX_W / data->pad_width * 2.5,
                             SIGNATURE_BOX_H / data->pad_height * 2.5));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.05, 0.1, 0.35);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < data->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (data->strokes, i);
      double pressure = 0;

      if (stroke->len == 0)
        continue;

      for (guint j = 0; j < stroke->len; j++)
        pressure += g_array_index (stroke, PortingSignaturePoint, j).pressure;
      pressure /= stroke->len;

      cairo_set_line_width (cr, 0.8 + 1.2 * CLAMP (pressure, 0.0, 1.0));
      append_stroke_path (cr, stroke, scale,
                          box_x - min_x * scale,
                          box_y + SIGNATURE_BOX_H - height * scale - min_y * scale);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static void
draw_signature (cairo_t                    *cr,
                const PortingLoaWriterData *data,
                double                      line_y)
{
  double box_x = MARGIN_LEFT + 8;
  double box_y = line_y - 4 - SIGNATURE_BOX_H;
  gboolean drawn = FALSE;

  for (guint i = 0; data->strokes != NULL && i < data->strokes->len; i++)
    if (((GArray *) g_ptr_array_index (data->strokes, i))->len > 0)
      drawn = TRUE;

  if (drawn)
    {
      draw_strokes (cr, data, box_x, box_y);
    }
  else if (!is_blank (data->typed_signature))
    {
      g_autofree char *name = g_strstrip (g_strdup (data->typed_signature));

      /* A typed signature is real text, so that it can be read back. */
      cairo_save (cr);
      cairo_select_font_face (cr, "serif", CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 18);
      cairo_set_source_rgb (cr, 0.05, 0.1, 0.35);
      show_line (cr, box_x + 8, line_y - 6, SIGNATURE_BOX_W - 8, name);
      cairo_restore (cr);
    }
}

static void
draw_footer (cairo_t *cr,
             guint    page,
             guint    n_pages)
{
  g_autofree char *text = NULL;
  cairo_text_extents_t extents;

  if (n_pages < 2)
    return;

  text = g_strdup_printf ("Page %u of %u", page, n_pages);
  set_font (cr, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL, 8);
  cairo_text_extents (cr, text, &extents);
  cairo_move_to (cr, PAGE_WIDTH - MARGIN_RIGHT - extents.x_advance, PAGE_HEIGHT - 36);
  cairo_show_text (cr, text);
}

static guint
numbers_on_first_page (void)
{
  double first = 284.0;
  double last = PAGE_HEIGHT - MARGIN_BOTTOM - CLOSING_HEIGHT;

  return (guint) ((last - first) / NUMBER_LEADING) + 1;
}

static guint
numbers_per_continuation_page (void)
{
  double first = MARGIN_TOP + 48.0;
  double last = PAGE_HEIGHT - MARGIN_BOTTOM;

  return (guint) ((last - first) / NUMBER_LEADING) + 1;
}

static void
draw_loa (cairo_t                    *cr,
          const PortingLoaWriterData *data,
          GPtrArray                  *numbers,
          const char                 *date)
{
  g_autofree char *address = NULL;
  g_autofree char *city_line = NULL;
  g_autofree char *btn = NULL;
  guint first_page_count = numbers_on_first_page ();
  guint per_page = numbers_per_continuation_page ();
  guint n_pages = 1;
  guint shown;
  double y;

  if (numbers->len > first_page_count)
    n_pages += (numbers->len - (first_page_count - 1) + per_page - 1) / per_page;

  cairo_set_source_rgb (cr, 0, 0, 0);

  /* Title. The LOA is a form for US and Canadian carriers: it stays in English
   * whatever the language of the application. */
  set_font (cr, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD, 16);
  show_line (cr, MARGIN_LEFT, MARGIN_TOP + 18, TEXT_WIDTH, "LETTER OF AUTHORIZATION (LOA)");
  set_font (cr, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL, 8);
  show_line (cr, MARGIN_LEFT, MARGIN_TOP + 32, TEXT_WIDTH,
             "Local number portability - authorization to change service provider");

  if (!is_blank (data->unit))
    address = g_strdup_printf ("%s, %s", empty_if_null (data->street), data->unit);
  else
    address = g_strdup (empty_if_null (data->street));

  city_line = g_strdup_printf ("%s, %s %s",
                               empty_if_null (data->city),
                               empty_if_null (data->region),
                               empty_if_null (data->postal_code));
  btn = format_number (data->btn);

  set_font (cr, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL, FIELD_SIZE);
  y = 140;
  show_field (cr, y, "Customer Name", data->customer_name);
  show_field (cr, y += FIELD_LEADING, "Authorized Person", data->authorized_person);
  show_field (cr, y += FIELD_LEADING, "Service Address", address);
  show_field (cr, y += FIELD_LEADING, "City, State/Province, ZIP/Postal Code", city_line);
  show_field (cr, y += FIELD_LEADING, "Current Carrier", data->carrier);
  show_field (cr, y += FIELD_LEADING, "Account Number", data->account_number);
  show_field (cr, y += FIELD_LEADING, "Billing Telephone Number (BTN)", btn);

  set_font (cr, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD, FIELD_SIZE);
  show_line (cr, MARGIN_LEFT, y += 30, TEXT_WIDTH, "Telephone numbers to be ported:");

  set_font (cr, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL, FIELD_SIZE);
  y += 18;
  /* Keep a line for the pointer to the continuation pages. */
  shown = numbers->len > first_page_count ? first_page_count - 1 : numbers->len;
  for (guint i = 0; i < shown; i++, y += NUMBER_LEADING)
    show_line (cr, MARGIN_LEFT + NUMBER_INDENT, y,
               TEXT_WIDTH - NUMBER_INDENT, g_ptr_array_index (numbers, i));

  if (shown < numbers->len)
    {
      g_autofree char *more = g_strdup_printf ("%u more numbers: see the continuation page%s.",
                                               numbers->len - shown, n_pages > 2 ? "s" : "");
      set_font (cr, CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_NORMAL, 9);
      show_line (cr, MARGIN_LEFT + NUMBER_INDENT, y, TEXT_WIDTH - NUMBER_INDENT, more);
      y += NUMBER_LEADING;
    }

  /* Authorization paragraph, signature, date. */
  set_font (cr, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL, 8.5);
  y += 24 - NUMBER_LEADING + 12;
  show_line (cr, MARGIN_LEFT, y, TEXT_WIDTH,
             "I authorize the new provider to act as my agent to port the numbers listed");
  show_line (cr, MARGIN_LEFT, y += 12, TEXT_WIDTH,
             "above. I am the account holder or authorized to sign for the account holder.");

  y += 22 + SIGNATURE_BOX_H;
  draw_signature (cr, data, y);

  cairo_save (cr);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, MARGIN_LEFT, y);
  cairo_line_to (cr, MARGIN_LEFT + SIGNATURE_BOX_W + 20, y);
  cairo_stroke (cr);
  cairo_restore (cr);

  {
    g_autofree char *date_line = g_strdup_printf ("Date: %s", date);

    set_font (cr, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL, 8);
    show_line (cr, MARGIN_LEFT, y + 12, 150, "Authorized Signature");
    show_line (cr, MARGIN_LEFT + 340, y + 12, TEXT_WIDTH - 340, date_line);
  }

  draw_footer (cr, 1, n_pages);

  /* Continuation pages. */
  for (guint page = 2; shown < numbers->len; page++)
    {
      guint last = MIN (numbers->len, shown + per_page);

      cairo_show_page (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);

      set_font (cr, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD, FIELD_SIZE + 1);
      show_line (cr, MARGIN_LEFT, MARGIN_TOP + 18, TEXT_WIDTH,
                 "Telephone numbers to be ported (continued)");

      set_font (cr, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL, FIELD_SIZE);
      y = MARGIN_TOP + 48;
      for (; shown < last; shown++, y += NUMBER_LEADING)
        show_line (cr, MARGIN_LEFT + NUMBER_INDENT, y,
                   TEXT_WIDTH - NUMBER_INDENT, g_ptr_array_index (numbers, shown));

      draw_footer (cr, page, n_pages);
    }
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *bytes,
                      unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_pdf (const PortingLoaWriterData  *data,
            GError                     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *create_date = g_date_time_format_iso8601 (now);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  for (guint i = 0; data->numbers != NULL && i < data->numbers->len; i++)
    {
      const char *text = g_ptr_array_index (data->numbers, i);

      if (!is_blank (text))
        g_ptr_array_add (numbers, format_number (text));
    }

  surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, buffer,
                                                 PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Letter of Authorization");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, "Local number portability");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Porting");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, create_date);
  if (!is_blank (data->authorized_person))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, data->authorized_person);

  cr = cairo_create (surface);
  draw_loa (cr, data, numbers, !is_blank (data->date) ? data->date : today);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The Letter of Authorization could not be created: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static gboolean
check_data (const PortingLoaWriterData  *data,
            GError                     **error)
{
  if (is_blank (data->customer_name))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The Letter of Authorization needs the customer name."));
      return FALSE;
    }

  if (data->numbers == NULL || data->numbers->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The Letter of Authorization needs at least one number to port."));
      return FALSE;
    }

  if (!has_signature (data))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The Letter of Authorization needs a signature."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_internal (const PortingLoaWriterData  *data,
                GFile                       *out,
                GCancellable                *cancellable,
                GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!check_data (data, error))
    return FALSE;

  if (!(bytes = render_pdf (data, error)))
    return FALSE;

  parent = g_file_get_parent (out);
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* g_file_replace_contents() writes a temporary file and renames it. */
  return g_file_replace_contents (out,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}

gboolean
porting_loa_writer_write (const PortingLoaWriterData  *data,
                          GFile                       *out,
                          GError                     **error)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_internal (data, out, NULL, error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  GFile *out = g_object_get_data (G_OBJECT (task), "out");

  if (write_internal (task_data, out, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
porting_loa_writer_write_async (const PortingLoaWriterData *data,
                                GFile                      *out,
                                GCancellable               *cancellable,
                                GAsyncReadyCallback         callback,
                                gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (data != NULL);
  g_return_if_fail (G_IS_FILE (out));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, porting_loa_writer_write_async);
  g_task_set_task_data (task, porting_loa_writer_data_copy (data),
                        (GDestroyNotify) porting_loa_writer_data_free);
  g_object_set_data_full (G_OBJECT (task), "out", g_object_ref (out), g_object_unref);
  g_task_run_in_thread (task, write_thread);
}

gboolean
porting_loa_writer_write_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
