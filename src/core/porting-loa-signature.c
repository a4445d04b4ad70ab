/* porting-loa-signature.c — whether an LOA is signed: a typed name or ink where it is signed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-loa"

#include "config.h"

#include <cairo.h>
#include <string.h>

#include "porting-loa-private.h"

/* Straight runs of ink at least this long (in points) are rules, not a hand. */
#define MIN_RULE_ACROSS 40
#define MIN_RULE_DOWN   24

static gboolean
signature_line_signed (Page          *page,
                       const Segment *signature)
{
  guint line;

  if (signature->value_end > signature->value_start)
    {
      g_autofree char *value = _porting_loa_span_text (page, signature->value_start, signature->value_end);

      if (_porting_loa_is_name_like (value))
        return TRUE;
    }

  /* A printed or drawn name just above the label (the signature sits on
   * the line), or just below it; not one that is another field's value. */
  line = _porting_loa_previous_text_line (page, signature->line);
  if (line != G_MAXUINT && signature->first_in_line)
    {
      const Segment *above = _porting_loa_line_first (page, line);

      if (above->kind == KIND_NONE && above->last_in_line &&
          !g_array_index (page->line_used, gboolean, line))
        {
          g_autofree char *value = _porting_loa_span_text (page, above->value_start, above->value_end);

          if (_porting_loa_is_name_like (value))
            return TRUE;
        }
    }

  line = signature->line;
  for (guint i = 0; i < 3; i++)
    {
      const Segment *below;
      g_autofree char *value = NULL;

      line = _porting_loa_next_text_line (page, line);
      if (line == G_MAXUINT)
        break;

      below = _porting_loa_line_first (page, line);
      if (below->kind == KIND_DATE)
        continue;
      if (below->kind != KIND_NONE)
        break;
      if (g_array_index (page->line_used, gboolean, line))
        continue;

      value = _porting_loa_span_text (page, below->value_start, below->value_end);
      if (_porting_loa_is_name_like (value))
        return TRUE;
      /* Telephone numbers listed beside the signature block in reading order. */
      if (_porting_loa_count_digits (value) < 7)
        break;
    }

  return FALSE;
}

/* Signed, as far as text can tell: a signature label ("Signature",
 * "Authorized Signature", "Signature of authorized signer"…) with, on its
 * line or just above or below it, a few words of letters that are no other
 * field's value — a typed or cursive name. porting_loa_fields_read() then
 * also accepts ink near the label that is neither text nor a straight rule
 * (a drawn signature, as this app writes it, or a pasted image). */
void
_porting_loa_read_signature (PortingLoaFields *self,
                             Page             *pages,
                             guint             n_pages)
{
  for (guint p = 0; p < n_pages; p++)
    {
      for (guint s = 0; s < pages[p].segments->len; s++)
        {
          const Segment *segment = &g_array_index (pages[p].segments, Segment, s);

          if (segment->kind != KIND_SIGNATURE)
            continue;

          if (!self->has_signature_line)
            {
              self->has_signature_line = TRUE;
              _porting_loa_set_span (&self->signature_span, &pages[p], segment->label_start,
                        segment->value_start > segment->label_start ? segment->value_start : segment->value_end);
            }

          if (signature_line_signed (&pages[p], segment))
            {
              self->is_signed = TRUE;
              return;
            }
        }
    }
}

static gboolean
inside_any_word (const PortingPageText *page_text,
                 double                 x,
                 double                 y)
{
  for (guint i = 0; i < page_text->words->len; i++)
    {
      const PortingRect *rect = &g_array_index (page_text->words, PortingWord, i).rect;

      if (x >= rect->x1 - 1 && x <= rect->x2 + 1 && y >= rect->y1 - 1 && y <= rect->y2 + 1)
        return TRUE;
    }
  return FALSE;
}

/* A signature drawn with the pointer (what this app writes) or pasted as an
 * image has no text: look for ink that is neither text nor a straight rule
 * above and beside the signature label. */
gboolean
_porting_loa_signature_has_ink (PortingDocument        *loa,
                                PortingPageText        *page_text,
                                const PortingTextSpan  *label,
                                GCancellable           *cancellable)
{
  g_autoptr(GArray) label_rects = NULL;
  const PortingRect *first;
  PortingRect area;

  label_rects = porting_page_text_get_rects (page_text, label->start, label->end);
  if (label_rects->len == 0)
    return FALSE;
  first = &g_array_index (label_rects, PortingRect, 0);

  /* Above and beside the label, where one signs on its line, and just
   * under it, where a box under its label is signed. */
  area.x1 = first->x1 - 10;
  area.x2 = first->x1 + 320;
  area.y1 = first->y1 - 70;
  area.y2 = first->y2 + 36;

  return _porting_loa_area_has_ink (loa, page_text, label->page, &area, cancellable);
}

/* Ink in @area of page @page that is neither text nor a straight rule: a
 * drawn signature, a pasted image, a signature field's appearance. */
gboolean
_porting_loa_area_has_ink (PortingDocument   *loa,
                           PortingPageText   *page_text,
                           guint              page,
                           const PortingRect *area,
                           GCancellable      *cancellable)
{
  cairo_surface_t *surface;
  double page_width, page_height;
  int x1, y1, x2, y2, stride, width, height;
  const guchar *data;
  g_autofree guint *row_ink = NULL;
  g_autofree guint *column_ink = NULL;
  g_autofree guchar *ink = NULL;
  g_autofree guchar *rule = NULL;
  guint n_ink = 0;

  porting_document_get_page_size (loa, page, &page_width, &page_height);
  x1 = CLAMP (area->x1, 0, page_width);
  x2 = CLAMP (area->x2, 0, page_width);
  y1 = CLAMP (area->y1, 0, page_height);
  y2 = CLAMP (area->y2, 0, page_height);
  width = x2 - x1;
  height = y2 - y1;
  if (width <= 0 || height <= 0)
    return FALSE;

  surface = porting_document_render_page (loa, page, 1.0, cancellable, NULL);
  if (surface == NULL)
    return FALSE;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  x2 = MIN (x2, cairo_image_surface_get_width (surface));
  y2 = MIN (y2, cairo_image_surface_get_height (surface));
  width = MAX (x2 - x1, 0);
  height = MAX (y2 - y1, 0);

  row_ink = g_new0 (guint, MAX (height, 1));
  column_ink = g_new0 (guint, MAX (width, 1));
  ink = g_new0 (guchar, MAX (width * height, 1));

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) (y1 + y) * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 pixel = row[x1 + x];
          guint luma = (((pixel >> 16) & 0xff) * 3 + ((pixel >> 8) & 0xff) * 6 + (pixel & 0xff)) / 10;

          if (luma < 160 && !inside_any_word (page_text, x1 + x + 0.5, y1 + y + 0.5))
            {
              ink[y * width + x] = 1;
              row_ink[y]++;
              column_ink[x]++;
            }
        }
    }

  /* Rules, box borders and check boxes are straight runs of ink, across or
   * down: they don't count. A hand's strokes curve. */
  rule = g_new0 (guchar, MAX (width * height, 1));
  for (int y = 0; y < height; y++)
    for (int x = 0, run = 0; x <= width; x++)
      {
        if (x < width && ink[y * width + x])
          {
            run++;
            continue;
          }
        if (run >= MIN_RULE_ACROSS)
          for (int k = x - run; k < x; k++)
            rule[y * width + k] = 1;
        run = 0;
      }
  for (int x = 0; x < width; x++)
    for (int y = 0, run = 0; y <= height; y++)
      {
        if (y < height && ink[y * width + x])
          {
            run++;
            continue;
          }
        if (run >= MIN_RULE_DOWN)
          for (int k = y - run; k < y; k++)
            rule[k * width + x] = 1;
        run = 0;
      }
  /* Nor rows or columns mostly inked: a filled band, a thick border. */
  for (int i = 0; i < width * height; i++)
    if (ink[i] && !rule[i] && row_ink[i / width] < 0.4 * width && column_ink[i % width] < 0.6 * height)
      n_ink++;

  cairo_surface_destroy (surface);

  return n_ink >= 30;
}
