/* porting-loa-lines.c — an LOA page in physical lines, as a form is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Forms are read by where things sit: words gathered into physical lines,
 * left to right, cell boundaries becoming tabs (two spaces and more, or
 * less where the next column starts on three rows or more). A table whose
 * cells are centred in their rows is put back row by row.
 */
#define G_LOG_DOMAIN "porting-loa"

#include "config.h"

#include <math.h>
#include <string.h>

#include "porting-loa-private.h"
#include "porting-page-text-private.h"

static int
compare_words_by_top (gconstpointer a,
                      gconstpointer b)
{
  const PortingWord *word_a = *(const PortingWord **) a;
  const PortingWord *word_b = *(const PortingWord **) b;

  if (word_a->rect.y1 != word_b->rect.y1)
    return word_a->rect.y1 < word_b->rect.y1 ? -1 : 1;
  return word_a->rect.x1 < word_b->rect.x1 ? -1 : word_a->rect.x1 > word_b->rect.x1;
}

static int
compare_words_by_left (gconstpointer a,
                       gconstpointer b)
{
  const PortingWord *word_a = *(const PortingWord **) a;
  const PortingWord *word_b = *(const PortingWord **) b;

  return word_a->rect.x1 < word_b->rect.x1 ? -1 : word_a->rect.x1 > word_b->rect.x1;
}

static glong
word_chars (const Page        *page,
            const PortingWord *word)
{
  return g_utf8_strlen (page->page_text->text + word->start, word->end - word->start);
}

static void
append_line (Page       *page,
             GString    *rebuilt,
             GPtrArray  *line,
             GArray     *edges)
{
  const PortingWord *previous = NULL;

  for (guint i = 0; i < line->len; i++)
    {
      const PortingWord *word = g_ptr_array_index (line, i);
      PlacedWord placed;

      if (previous != NULL)
        {
          guint gap_original = previous->end;
          glong previous_chars = word_chars (page, previous);
          glong chars = word_chars (page, word);
          gboolean cell_gap =
            _porting_layout_is_cell_gap (&previous->rect, previous_chars, &word->rect, chars) ||
            (_porting_layout_is_wide_space (&previous->rect, previous_chars, &word->rect, chars) &&
             _porting_layout_at_column_edge (edges, word->rect.x1));

          g_string_append_c (rebuilt, cell_gap ? '\t' : ' ');
          g_array_append_val (page->to_original, gap_original);
        }

      placed.start = rebuilt->len;
      g_string_append_len (rebuilt, page->page_text->text + word->start, word->end - word->start);
      placed.end = rebuilt->len;
      placed.rect = word->rect;
      g_array_append_val (page->placed, placed);
      for (guint o = word->start; o < word->end; o++)
        g_array_append_val (page->to_original, o);

      previous = word;
    }
}

/* ---- Table cells centred in their row --------------------------------- */

typedef struct
{
  GPtrArray *words;     /* of PortingWord*, left to right */
  double     x1, x2, y1, y2;
  int        side;      /* -1 left of the values' column, 1 right of it, 0 both */
  int        row;       /* the merged row it goes to; -1 for none */
} PhysicalLine;

static char *
line_words_text (const Page *page,
                 GPtrArray  *words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const PortingWord *word = g_ptr_array_index (words, i);

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append_len (text, page->page_text->text + word->start, word->end - word->start);
    }
  return g_string_free (text, FALSE);
}

/* The left edge of a column of values: where three lines or more start,
 * well right of where the page's lines start. */
static gboolean
values_column (GArray *info,
               double *edge)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edges = NULL;
  double left = G_MAXDOUBLE;

  for (guint l = 0; l < info->len; l++)
    {
      const PhysicalLine *line = &g_array_index (info, PhysicalLine, l);

      left = MIN (left, line->x1);
      g_array_append_val (starts, line->x1);
    }
  edges = _porting_layout_column_edges (starts);
  for (guint i = 0; i < edges->len; i++)
    {
      if (g_array_index (edges, double, i) > left + 40)
        {
          *edge = g_array_index (edges, double, i) - 2;
          return TRUE;
        }
    }
  return FALSE;
}

/* A table whose cells are centred in their rows (HTML, word processors):
 * a value's lines fall between its label's wrapped lines ("Customer Legal
 * Name" / "Sagebrush Veterinary…" / "(exactly as it appears" / "Nevada,
 * PLLC" / "on your bill)"). Such lines, each on one side of the values'
 * column, become rows again: the label's lines, then the lines of the
 * value whose middle is nearest, as one line. */
static GPtrArray *
merge_centred_cells (Page      *page,
                     GPtrArray *lines)
{
  g_autoptr(GArray) info = g_array_new (FALSE, TRUE, sizeof (PhysicalLine));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (PortingRect));  /* the label cell of each row */
  GPtrArray *merged;
  double edge;
  int current_row = -1;

  for (guint l = 0; l < lines->len; l++)
    {
      GPtrArray *words = g_ptr_array_index (lines, l);
      PhysicalLine line = { words, G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, 0, -1 };

      for (guint i = 0; i < words->len; i++)
        {
          const PortingWord *word = g_ptr_array_index (words, i);

          line.x1 = MIN (line.x1, word->rect.x1);
          line.x2 = MAX (line.x2, word->rect.x2);
          line.y1 = MIN (line.y1, word->rect.y1);
          line.y2 = MAX (line.y2, word->rect.y2);
        }
      g_array_append_val (info, line);
    }

  if (!values_column (info, &edge))
    return g_ptr_array_ref (lines);

  for (guint l = 0; l < info->len; l++)
    {
      PhysicalLine *line = &g_array_index (info, PhysicalLine, l);

      line->side = line->x2 < edge ? -1 : line->x1 >= edge ? 1 : 0;
    }

  /* Label cells: a left line opening with a label starts a row, the next
   * left lines close under it carry it on. */
  for (guint l = 0; l < info->len; l++)
    {
      PhysicalLine *line = &g_array_index (info, PhysicalLine, l);
      PortingRect *row = current_row >= 0 ? &g_array_index (rows, PortingRect, current_row) : NULL;
      double height = line->y2 - line->y1;

      if (line->side == 0)
        {
          current_row = -1;
          continue;
        }
      if (line->side > 0)
        continue;

      if (row != NULL && line->y1 - row->y2 < height)
        {
          g_autofree char *text = line_words_text (page, line->words);
          guint label_end = 0;

          if (_porting_loa_match_label (text, 0, strlen (text), &label_end) < 0)
            {
              line->row = current_row;
              row->y2 = line->y2;
              continue;
            }
        }

      {
        PortingRect cell = { line->x1, line->y1, line->x2, line->y2 };

        g_array_append_val (rows, cell);
        current_row = rows->len - 1;
        line->row = current_row;
      }
    }

  /* Values: each right line to the label cell whose middle is nearest, when
   * it lies alongside it. */
  for (guint l = 0; l < info->len; l++)
    {
      PhysicalLine *line = &g_array_index (info, PhysicalLine, l);
      double middle = (line->y1 + line->y2) / 2;
      double height = line->y2 - line->y1;
      double best = G_MAXDOUBLE;

      if (line->side <= 0)
        continue;
      for (guint r = 0; r < rows->len; r++)
        {
          const PortingRect *cell = &g_array_index (rows, PortingRect, r);
          double distance = fabs (middle - (cell->y1 + cell->y2) / 2);

          if (middle >= cell->y1 - height && middle <= cell->y2 + height && distance < best)
            {
              best = distance;
              line->row = r;
            }
        }
    }

  /* A row is rebuilt only when a value sits alongside its label's lines. */
  merged = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  {
    g_autofree gboolean *has_value = g_new0 (gboolean, MAX (rows->len, 1));
    g_autofree gboolean *has_label = g_new0 (gboolean, MAX (rows->len, 1));
    g_autofree gboolean *written = g_new0 (gboolean, MAX (rows->len, 1));

    for (guint l = 0; l < info->len; l++)
      {
        const PhysicalLine *line = &g_array_index (info, PhysicalLine, l);

        if (line->row >= 0 && line->side > 0)
          has_value[line->row] = TRUE;
        if (line->row >= 0 && line->side < 0)
          has_label[line->row] = TRUE;
      }

    for (guint l = 0; l < info->len; l++)
      {
        const PhysicalLine *line = &g_array_index (info, PhysicalLine, l);
        int r = line->row;
        GPtrArray *row_words;

        if (r < 0 || !has_value[r] || !has_label[r])
          {
            g_ptr_array_add (merged, g_ptr_array_ref (line->words));
            continue;
          }
        if (written[r])
          continue;
        written[r] = TRUE;

        /* The label's lines, then the value's, in their order down the page. */
        row_words = g_ptr_array_new ();
        for (int side = -1; side <= 1; side += 2)
          for (guint k = l; k < info->len; k++)
            {
              const PhysicalLine *member = &g_array_index (info, PhysicalLine, k);

              if (member->row == r && member->side == side)
                g_ptr_array_extend (row_words, member->words, NULL, NULL);
            }
        g_ptr_array_add (merged, row_words);
      }
  }

  return merged;
}

/* Forms are read by where things sit, not by poppler's reading order, which
 * puts table columns one after the other: words are gathered into physical
 * lines, left to right, wide gaps becoming tabs. */
gboolean
_porting_loa_rebuild_lines (Page *page)
{
  PortingPageText *page_text = page->page_text;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GArray) edges = NULL;
  g_autoptr(GString) rebuilt = NULL;
  GPtrArray *line = NULL;
  double line_y1 = 0, line_y2 = 0;

  if (page_text->words == NULL || page_text->words->len == 0)
    return FALSE;

  sorted = g_ptr_array_sized_new (page_text->words->len);
  for (guint i = 0; i < page_text->words->len; i++)
    {
      PortingWord *word = &g_array_index (page_text->words, PortingWord, i);

      if (word->rect.y2 <= word->rect.y1)
        return FALSE;   /* no positions: keep poppler's text */
      g_ptr_array_add (sorted, word);
    }
  g_ptr_array_sort (sorted, compare_words_by_top);

  /* Physical lines first, left to right. */
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < sorted->len; i++)
    {
      const PortingWord *word = g_ptr_array_index (sorted, i);
      double height = word->rect.y2 - word->rect.y1;
      double overlap = MIN (line_y2, word->rect.y2) - MAX (line_y1, word->rect.y1);

      if (line == NULL || overlap < 0.5 * MIN (height, line_y2 - line_y1))
        {
          line = g_ptr_array_new ();
          g_ptr_array_add (lines, line);
          line_y1 = word->rect.y1;
          line_y2 = word->rect.y2;
        }
      g_ptr_array_add (line, (gpointer) word);
    }

  /* Then the columns of a table whose cells stand close, seen together. */
  starts = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint l = 0; l < lines->len; l++)
    {
      GPtrArray *words = g_ptr_array_index (lines, l);

      g_ptr_array_sort (words, compare_words_by_left);
      for (guint i = 1; i < words->len; i++)
        {
          const PortingWord *previous = g_ptr_array_index (words, i - 1);
          const PortingWord *word = g_ptr_array_index (words, i);

          if (_porting_layout_is_wide_space (&previous->rect, word_chars (page, previous),
                                             &word->rect, word_chars (page, word)))
            g_array_append_val (starts, word->rect.x1);
        }
    }
  edges = _porting_layout_column_edges (starts);

  /* Rows whose cells are centred come back together. */
  {
    GPtrArray *rows = merge_centred_cells (page, lines);

    g_ptr_array_unref (lines);
    lines = rows;
  }

  rebuilt = g_string_new (NULL);
  for (guint l = 0; l < lines->len; l++)
    {
      GPtrArray *words = g_ptr_array_index (lines, l);

      if (l > 0)
        {
          GPtrArray *above = g_ptr_array_index (lines, l - 1);
          guint newline_original = ((const PortingWord *) g_ptr_array_index (above, above->len - 1))->end;

          g_string_append_c (rebuilt, '\n');
          g_array_append_val (page->to_original, newline_original);
        }
      append_line (page, rebuilt, words, edges);
    }

  /* One past the end maps to the end. */
  {
    guint text_end = strlen (page_text->text);

    g_array_append_val (page->to_original, text_end);
  }

  page->rebuilt = g_string_free (g_steal_pointer (&rebuilt), FALSE);
  page->text = page->rebuilt;
  g_debug ("Page %u as read:\n%s", page_text->page + 1, page->rebuilt);
  return TRUE;
}
