/* porting-csr-writer.c — the CSR information of a port-out, as a PDF for the new provider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-csr-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "porting-csr-writer.h"
#include "porting-phone-number.h"

#define PAGE_WIDTH      612.0
#define PAGE_HEIGHT     792.0
#define MARGIN_LEFT     72.0
#define MARGIN_RIGHT    72.0
#define MARGIN_TOP      72.0
#define MARGIN_BOTTOM   72.0
#define TEXT_WIDTH      (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define FONT_FAMILY     "Sans"
#define BODY_SIZE       11.0
#define BODY_LEADING    15.0

typedef struct
{
  cairo_t *cr;
  double   y;
  guint    page;
} Cursor;

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

static void
set_font (cairo_t             *cr,
          cairo_font_weight_t  weight,
          double               size)
{
  cairo_select_font_face (cr, FONT_FAMILY, CAIRO_FONT_SLANT_NORMAL, weight);
  cairo_set_font_size (cr, size);
}

static double
text_width (cairo_t    *cr,
            const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

static void
draw_footer (Cursor *cursor)
{
  g_autofree char *footer = g_strdup_printf ("%u", cursor->page);

  cairo_save (cursor->cr);
  set_font (cursor->cr, CAIRO_FONT_WEIGHT_NORMAL, 9.0);
  cairo_set_source_rgb (cursor->cr, 0.4, 0.4, 0.4);
  cairo_move_to (cursor->cr, PAGE_WIDTH - MARGIN_RIGHT - text_width (cursor->cr, footer),
                 PAGE_HEIGHT - MARGIN_BOTTOM / 2);
  cairo_show_text (cursor->cr, footer);
  cairo_restore (cursor->cr);
}

/* Starts a new page when @height more would not fit. */
static void
ensure_room (Cursor *cursor,
             double  height)
{
  if (cursor->y + height <= PAGE_HEIGHT - MARGIN_BOTTOM)
    return;

  draw_footer (cursor);
  cairo_show_page (cursor->cr);
  cursor->page++;
  cursor->y = MARGIN_TOP;
}

static void
show_line (Cursor     *cursor,
           const char *text,
           double      leading)
{
  ensure_room (cursor, leading);
  cursor->y += leading;
  cairo_move_to (cursor->cr, MARGIN_LEFT, cursor->y);
  cairo_show_text (cursor->cr, text);
}

/* The longest prefix of @text (ending on a character boundary) that fits @width. */
static const char *
fitting_end (cairo_t    *cr,
             const char *text,
             double      width)
{
  const char *end = g_utf8_next_char (text);

  while (*end != '\0')
    {
      const char *next = g_utf8_next_char (end);
      g_autofree char *piece = g_strndup (text, next - text);

      if (text_width (cr, piece) > width)
        break;
      end = next;
    }

  return end;
}

/* Wraps @paragraph at spaces; a word wider than the page is cut. */
static void
show_paragraph (Cursor     *cursor,
                const char *paragraph,
                double      leading)
{
  g_auto(GStrv) words = g_strsplit (paragraph, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  if (is_blank (paragraph))
    {
      show_line (cursor, "", leading);
      return;
    }

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      g_autofree char *candidate = NULL;

      if (line->len > 0)
        {
          candidate = g_strconcat (line->str, " ", word, NULL);
          if (text_width (cursor->cr, candidate) <= TEXT_WIDTH)
            {
              g_string_assign (line, candidate);
              continue;
            }
          show_line (cursor, line->str, leading);
          g_string_truncate (line, 0);
        }

      while (*word != '\0' && text_width (cursor->cr, word) > TEXT_WIDTH)
        {
          const char *end = fitting_end (cursor->cr, word, TEXT_WIDTH);
          g_autofree char *piece = g_strndup (word, end - word);

          show_line (cursor, piece, leading);
          word = end;
        }
      g_string_assign (line, word);
    }

  if (line->len > 0)
    show_line (cursor, line->str, leading);
}

static void
show_field (Cursor     *cursor,
            const char *label,
            const char *value)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", label, value != NULL ? value : "");

  show_paragraph (cursor, text, BODY_LEADING);
}

static void
show_heading (Cursor     *cursor,
              const char *text)
{
  ensure_room (cursor, 3 * BODY_LEADING);
  cursor->y += 10;
  set_font (cursor->cr, CAIRO_FONT_WEIGHT_BOLD, 12.5);
  show_line (cursor, text, BODY_LEADING + 2);
  set_font (cursor->cr, CAIRO_FONT_WEIGHT_NORMAL, BODY_SIZE);
  cursor->y += 4;
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_pdf (PortingRequest  *request,
            GError         **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *create_date = g_date_time_format_iso8601 (now);
  g_auto(GStrv) numbers = porting_request_dup_numbers (request);
  g_auto(GStrv) csr_lines = NULL;
  const char *csr = porting_request_get_answer_string (request, "csr");
  const char *id = porting_request_get_id (request);
  const char *provider = porting_request_get_string (request, "gaining_provider");
  cairo_surface_t *surface;
  cairo_status_t status;
  Cursor cursor = { NULL, MARGIN_TOP, 1 };

  surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, buffer, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Customer Service Record");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Porting");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, create_date);

  cursor.cr = cairo_create (surface);
  cairo_set_source_rgb (cursor.cr, 0, 0, 0);

  set_font (cursor.cr, CAIRO_FONT_WEIGHT_BOLD, 20.0);
  show_line (&cursor, "Customer Service Record", 20.0);
  cursor.y += 6;
  set_font (cursor.cr, CAIRO_FONT_WEIGHT_NORMAL, BODY_SIZE);
  show_paragraph (&cursor, "For the port-out of the numbers below. Give this record to the gaining provider "
                           "with the port request.", BODY_LEADING);

  show_heading (&cursor, "Port-out");
  show_field (&cursor, "Request", id != NULL ? id : "-");
  show_field (&cursor, "Date", today);
  show_field (&cursor, "Gaining provider", provider);

  show_heading (&cursor, "Numbers");
  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (numbers[i], NULL);
      g_autofree char *formatted = number->valid ? porting_phone_number_format (number) : NULL;
      g_autofree char *line = g_strdup_printf ("%s   (%s)", formatted != NULL ? formatted : numbers[i], numbers[i]);

      show_paragraph (&cursor, line, BODY_LEADING);
    }

  show_heading (&cursor, "CSR information");
  csr_lines = g_strsplit (csr, "\n", -1);
  for (guint i = 0; csr_lines[i] != NULL; i++)
    {
      g_strchomp (csr_lines[i]);
      g_strdelimit (csr_lines[i], "\t", ' ');
      show_paragraph (&cursor, csr_lines[i], BODY_LEADING);
    }

  draw_footer (&cursor);
  cairo_destroy (cursor.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The CSR document could not be written: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static gboolean
write_internal (PortingRequest  *request,
                GFile           *out,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (is_blank (porting_request_get_answer_string (request, "csr")))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There is no CSR information in this request yet."));
      return FALSE;
    }

  if (!(bytes = render_pdf (request, error)))
    return FALSE;

  return g_file_replace_contents (out,
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}

gboolean
porting_csr_writer_write (PortingRequest  *request,
                          GFile           *out,
                          GError         **error)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (request), FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_internal (request, out, NULL, error);
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
porting_csr_writer_write_async (PortingRequest      *request,
                                GFile               *out,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PORTING_IS_REQUEST (request));
  g_return_if_fail (G_IS_FILE (out));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, porting_csr_writer_write_async);
  /* The thread works on its own copy: the caller keeps editing its request. */
  g_task_set_task_data (task, porting_request_copy (request), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "out", g_object_ref (out), g_object_unref);
  g_task_run_in_thread (task, write_thread);
}

gboolean
porting_csr_writer_write_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
