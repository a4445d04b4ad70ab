/* porting-page-layout.c — words with boxes laid out in lines and blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bill is read as blocks, not as lines across the page: "Bill To" beside
 * "Remit Payment To" are two blocks, each with its own lines. From the
 * words' boxes alone (a text layer, form field values or OCR words — they
 * all come in here), the page is cut in four steps:
 *
 *  1. rows: words whose boxes share a band (half their height or more);
 *  2. segments: the words of a row, cut where the gap between two words
 *     is wider than a few spaces (a column or cell boundary);
 *  3. label-and-value pairs: a label ("Account number:", "BILLING NAME")
 *     and the value beside it on its row make one line, "label<TAB>value",
 *     when what is under the label is another label or nothing (a table of
 *     fields), not text of its own (a column headed by the label);
 *  4. blocks: a line continues the block just above it when it lies under
 *     it (their spans overlap), close below (about a line's height) and in
 *     a like font size; a line under two blocks at once spans columns and
 *     starts its own.
 *
 * Blocks are then put in reading order by cutting the page along the
 * white space between them (XY-cut), and the text is written from them:
 * lines separated by '\n', blocks by an empty line.
 */

#define G_LOG_DOMAIN "porting-page-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "porting-page-layout-private.h"

/* In units of the words' height. */
#define CELL_GAP          0.6   /* a wider gap between two words may start another segment */
#define CELL_GAP_CHARS    1.5   /* … when also wider than this many characters */
/* Narrower gaps still part cells when the words after them start a column:
 * wider than a space, at one x on this many rows. */
#define WIDE_SPACE        0.4
#define WIDE_SPACE_CHARS  1.1
#define COLUMN_EDGE_ROWS  3
#define COLUMN_EDGE_SLACK 1.5
#define MAX_HEIGHT_RATIO  2.2   /* taller or smaller than this: another block */
/* Past this many blocks, reading order is top to bottom, left to right. */
#define MAX_CUT_BLOCKS    4000


static inline gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00a0 || c == 0x2028 || c == 0x200b;
}

/* ---- Words in ------------------------------------------------------------ */

static void
add_item (Layout            *layout,
          const char        *text,
          guint              length,
          const PortingRect *rect,
          double             confidence,
          PortingTextSource  source)
{
  Item item;

  if (length == 0)
    return;

  item.text = text;
  item.length = length;
  item.n_chars = g_utf8_strlen (text, length);
  item.rect = *rect;
  item.confidence = CLAMP (confidence, 0, 1);
  item.source = source;
  g_array_append_val (layout->items, item);
}

/* A word holding white space is cut there, its box shared out by characters. */
static void
add_word (Layout                  *layout,
          const PortingLayoutWord *word)
{
  const char *text = word->text;
  gsize length = word->length >= 0 ? (gsize) word->length : strlen (word->text);
  PortingRect rect = {
    MIN (word->rect.x1, word->rect.x2), MIN (word->rect.y1, word->rect.y2),
    MAX (word->rect.x1, word->rect.x2), MAX (word->rect.y1, word->rect.y2),
  };
  glong n_chars;
  double char_width;
  const char *p;
  const char *piece = NULL;
  glong index = 0;
  glong piece_index = 0;

  if (!isfinite (rect.x1) || !isfinite (rect.y1) || !isfinite (rect.x2) || !isfinite (rect.y2) ||
      rect.y2 - rect.y1 <= 0 || length == 0)
    return;

  if (!g_utf8_validate (text, length, NULL))
    {
      char *valid = g_utf8_make_valid (text, length);

      g_ptr_array_add (layout->owned, valid);
      text = valid;
      length = strlen (valid);
    }

  n_chars = g_utf8_strlen (text, length);
  char_width = n_chars > 0 ? (rect.x2 - rect.x1) / n_chars : 0;

  for (p = text; ; p = g_utf8_next_char (p), index++)
    {
      gboolean at_end = p >= text + length;
      gboolean space = !at_end && is_space (g_utf8_get_char (p));

      if ((at_end || space) && piece != NULL)
        {
          PortingRect piece_rect = rect;

          piece_rect.x1 = rect.x1 + piece_index * char_width;
          piece_rect.x2 = rect.x1 + index * char_width;
          add_item (layout, piece, p - piece, &piece_rect, word->confidence, word->source);
          piece = NULL;
        }
      if (at_end)
        break;
      if (!space && piece == NULL)
        {
          piece = p;
          piece_index = index;
        }
    }
}

/* ---- Rows and segments ---------------------------------------------------- */

gboolean
_porting_layout_is_wide_space (const PortingRect *left,
                               glong              left_chars,
                               const PortingRect *right,
                               glong              right_chars)
{
  double gap = right->x1 - left->x2;
  double height = (rect_height (left) + rect_height (right)) / 2;
  double char_width = ((left->x2 - left->x1) / MAX (left_chars, 1) +
                       (right->x2 - right->x1) / MAX (right_chars, 1)) / 2;

  return gap > WIDE_SPACE * height && gap > WIDE_SPACE_CHARS * char_width;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

GArray *
_porting_layout_column_edges (GArray *starts)
{
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (double));

  g_array_sort (starts, compare_doubles);
  for (guint i = 0; i < starts->len; )
    {
      guint j = i;

      while (j < starts->len &&
             g_array_index (starts, double, j) - g_array_index (starts, double, i) <= COLUMN_EDGE_SLACK)
        j++;
      if (j - i >= COLUMN_EDGE_ROWS)
        g_array_append_val (edges, g_array_index (starts, double, i));
      i = j;
    }

  return edges;
}

gboolean
_porting_layout_at_column_edge (GArray *edges,
                                double  x)
{
  for (guint i = 0; edges != NULL && i < edges->len; i++)
    {
      double edge = g_array_index (edges, double, i);

      if (x >= edge - 0.1 && x <= edge + COLUMN_EDGE_SLACK + 0.1)
        return TRUE;
    }
  return FALSE;
}

gboolean
_porting_layout_is_cell_gap (const PortingRect *left,
                             glong              left_chars,
                             const PortingRect *right,
                             glong              right_chars)
{
  double gap = right->x1 - left->x2;
  double height = (rect_height (left) + rect_height (right)) / 2;
  double char_width = ((left->x2 - left->x1) / MAX (left_chars, 1) +
                       (right->x2 - right->x1) / MAX (right_chars, 1)) / 2;

  return gap > CELL_GAP * height && gap > CELL_GAP_CHARS * char_width;
}

static int
compare_by_center (gconstpointer a,
                   gconstpointer b)
{
  const Item *item_a = a;
  const Item *item_b = b;
  double center_a = item_a->rect.y1 + item_a->rect.y2;
  double center_b = item_b->rect.y1 + item_b->rect.y2;

  if (center_a != center_b)
    return center_a < center_b ? -1 : 1;
  return (item_a->rect.x1 > item_b->rect.x1) - (item_a->rect.x1 < item_b->rect.x1);
}

static int
compare_by_left (gconstpointer a,
                 gconstpointer b)
{
  const Item *item_a = a;
  const Item *item_b = b;

  return (item_a->rect.x1 > item_b->rect.x1) - (item_a->rect.x1 < item_b->rect.x1);
}

static void
close_segment (Layout  *layout,
               Segment *segment)
{
  if (segment->n_items == 0)
    return;
  segment->line_rect = segment->rect;
  g_array_append_val (layout->segments, *segment);
}

/* Cuts the row items[first, last) (sorted left to right) into segments. */
static void
add_row_segments (Layout *layout,
                  guint   row,
                  guint   first,
                  guint   last,
                  GArray *edges)
{
  Segment segment = { 0 };

  for (guint i = first; i < last; i++)
    {
      const Item *item = &g_array_index (layout->items, Item, i);
      double height = rect_height (&item->rect);

      if (segment.n_items > 0)
        {
          const Item *previous = &g_array_index (layout->items, Item, i - 1);

          if (_porting_layout_is_cell_gap (&previous->rect, previous->n_chars, &item->rect, item->n_chars) ||
              (_porting_layout_is_wide_space (&previous->rect, previous->n_chars, &item->rect, item->n_chars) &&
               _porting_layout_at_column_edge (edges, item->rect.x1)))
            {
              close_segment (layout, &segment);
              segment.n_items = 0;
            }
        }

      if (segment.n_items == 0)
        {
          segment.first_item = i;
          segment.rect = item->rect;
          segment.height = height;
          segment.row = row;
          segment.block = -1;
          segment.next = -1;
          segment.is_value = FALSE;
        }
      else
        {
          rect_union (&segment.rect, &item->rect);
          segment.height = MAX (segment.height, height);
        }
      segment.n_items++;
    }

  close_segment (layout, &segment);
}

static void
build_rows (Layout *layout)
{
  GArray *items = layout->items;
  g_autoptr(GArray) row_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = NULL;
  guint row_start = 0;
  PortingRect band = { 0 };

  g_array_sort (items, compare_by_center);

  for (guint i = 0; i <= items->len; i++)
    {
      const Item *item = i < items->len ? &g_array_index (items, Item, i) : NULL;
      gboolean same_row = FALSE;

      if (item != NULL && i > row_start)
        {
          double height = rect_height (&item->rect);
          double center = (item->rect.y1 + item->rect.y2) / 2;

          same_row = center >= band.y1 && center <= band.y2 &&
                     overlap (band.y1, band.y2, item->rect.y1, item->rect.y2) >=
                       ROW_OVERLAP * MIN (height, rect_height (&band));
        }

      if (i > row_start && !same_row)
        {
          /* The row is done: left to right. */
          qsort (&g_array_index (items, Item, row_start), i - row_start, sizeof (Item), compare_by_left);
          g_array_append_val (row_starts, row_start);
          row_start = i;
        }

      if (item != NULL && i == row_start)
        band = item->rect;
    }
  g_array_append_val (row_starts, row_start);

  /* Columns of a table set closer than a cell gap show in the rows together. */
  {
    g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 1; i < items->len; i++)
      {
        const Item *previous = &g_array_index (items, Item, i - 1);
        const Item *item = &g_array_index (items, Item, i);

        if (previous->rect.x1 < item->rect.x1 &&
            _porting_layout_is_wide_space (&previous->rect, previous->n_chars, &item->rect, item->n_chars))
          g_array_append_val (starts, item->rect.x1);
      }
    edges = _porting_layout_column_edges (starts);
  }

  for (guint r = 0; r + 1 < row_starts->len; r++)
    {
      g_array_append_val (layout->row_first, layout->segments->len);
      add_row_segments (layout, r, g_array_index (row_starts, guint, r), g_array_index (row_starts, guint, r + 1),
                        edges);
    }
  g_array_append_val (layout->row_first, layout->segments->len);
}

/* ---- Blocks --------------------------------------------------------------- */

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->lines, g_array_unref);
}

static int
new_block (Layout  *layout,
           guint    segment_index)
{
  Segment *segment = &g_array_index (layout->segments, Segment, segment_index);
  Block block = { 0 };
  int head = segment_index;

  block.lines = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (block.lines, head);
  block.rect = segment->line_rect;
  block.last = segment->line_rect;
  block.last_height = segment->height;
  block.last_row = segment->row;
  segment->block = layout->blocks->len;
  g_array_append_val (layout->blocks, block);

  return layout->blocks->len - 1;
}

static void
continue_block (Layout *layout,
                int     block_index,
                guint   segment_index)
{
  Block *block = &g_array_index (layout->blocks, Block, block_index);
  Segment *segment = &g_array_index (layout->segments, Segment, segment_index);
  int head = segment_index;

  g_array_append_val (block->lines, head);
  rect_union (&block->rect, &segment->line_rect);
  block->last = segment->line_rect;
  block->last_height = segment->height;
  block->last_row = segment->row;
  segment->block = block_index;
}

/* The block a segment continues, or -1 for a new one: the block whose last
 * line is the nearest above it among those it lies under, when it is
 * close, alone at that height and in a like font size. */
static int
block_above (Layout        *layout,
             const Segment *segment,
             guint          first_active)
{
  double height = segment->height;
  int best = -1;
  gboolean ambiguous = FALSE;

  for (guint b = first_active; b < layout->blocks->len; b++)
    {
      const Block *block = &g_array_index (layout->blocks, Block, b);

      if (overlap (block->last.x1, block->last.x2, segment->line_rect.x1, segment->line_rect.x2) <= 0)
        continue;
      /* Beside it, or taken by another line of this row. */
      if (block->last_row == segment->row || block->last.y2 > segment->rect.y1 + ROW_OVERLAP * height)
        continue;

      if (best < 0)
        {
          best = b;
          ambiguous = FALSE;
          continue;
        }

      {
        const Block *current = &g_array_index (layout->blocks, Block, best);

        if (block->last.y2 > current->last.y2 + ROW_OVERLAP * height)
          {
            best = b;
            ambiguous = FALSE;
          }
        else if (block->last.y2 >= current->last.y2 - ROW_OVERLAP * height)
          {
            ambiguous = TRUE;
          }
      }
    }

  if (best < 0 || ambiguous)
    return -1;

  {
    const Block *block = &g_array_index (layout->blocks, Block, best);
    double smaller = MIN (height, block->last_height);
    double taller = MAX (height, block->last_height);
    double gap = segment->rect.y1 - block->last.y2;

    if (gap > LINE_GAP * smaller || taller > MAX_HEIGHT_RATIO * smaller)
      return -1;
  }

  return best;
}

static void
build_blocks (Layout *layout)
{
  guint first_active = 0;

  for (guint row = 0; row + 1 < layout->row_first->len; row++)
    {
      guint first = g_array_index (layout->row_first, guint, row);
      guint last = g_array_index (layout->row_first, guint, row + 1);

      for (guint s = first; s < last; s++)
        {
          Segment *segment = &g_array_index (layout->segments, Segment, s);
          int block;

          if (segment->is_value)
            continue;
          block = block_above (layout, segment, first_active);

          if (block >= 0)
            continue_block (layout, block, s);
          else
            new_block (layout, s);
        }

      /* Blocks that ended far above this row are done: skip them. */
      while (first_active < layout->blocks->len)
        {
          const Block *block = &g_array_index (layout->blocks, Block, first_active);
          const Segment *segment = &g_array_index (layout->segments, Segment, first);

          if (block->last.y2 + 4 * LINE_GAP * MAX (block->last_height, segment->height) >= segment->rect.y1)
            break;
          first_active++;
        }
    }
}

/* ---- Reading order --------------------------------------------------------- */

typedef struct
{
  Layout *layout;
  gboolean by_left;
} SortBy;

static int
compare_blocks (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const SortBy *sort_by = user_data;
  const Block *block_a = &g_array_index (sort_by->layout->blocks, Block, *(const guint *) a);
  const Block *block_b = &g_array_index (sort_by->layout->blocks, Block, *(const guint *) b);
  double key_a = sort_by->by_left ? block_a->rect.x1 : block_a->rect.y1;
  double key_b = sort_by->by_left ? block_b->rect.x1 : block_b->rect.y1;

  if (key_a != key_b)
    return key_a < key_b ? -1 : 1;
  key_a = sort_by->by_left ? block_a->rect.y1 : block_a->rect.x1;
  key_b = sort_by->by_left ? block_b->rect.y1 : block_b->rect.x1;
  return (key_a > key_b) - (key_a < key_b);
}

/* Where @blocks[0, n) (sorted on that axis) can be cut in two along white
 * space, or 0. */
static guint
find_cut (Layout      *layout,
          const guint *blocks,
          guint        n,
          gboolean     by_left)
{
  double reach = -G_MAXDOUBLE;

  for (guint i = 0; i + 1 < n; i++)
    {
      const Block *block = &g_array_index (layout->blocks, Block, blocks[i]);
      const Block *next = &g_array_index (layout->blocks, Block, blocks[i + 1]);

      reach = MAX (reach, by_left ? block->rect.x2 : block->rect.y2);
      if (reach <= (by_left ? next->rect.x1 : next->rect.y1))
        return i + 1;
    }
  return 0;
}

/* XY-cut: top to bottom where white space runs across, else left to right
 * where it runs down, recursively. */
static void
order_blocks (Layout *layout,
              guint  *blocks,
              guint   n)
{
  SortBy by_top = { layout, FALSE };
  SortBy by_left = { layout, TRUE };
  guint cut;

  if (n <= 1)
    {
      if (n == 1)
        g_array_append_val (layout->order, blocks[0]);
      return;
    }

  g_qsort_with_data (blocks, n, sizeof (guint), compare_blocks, &by_top);
  if (n > MAX_CUT_BLOCKS)
    {
      g_array_append_vals (layout->order, blocks, n);
      return;
    }

  cut = find_cut (layout, blocks, n, FALSE);
  if (cut == 0)
    {
      g_qsort_with_data (blocks, n, sizeof (guint), compare_blocks, &by_left);
      cut = find_cut (layout, blocks, n, TRUE);
      if (cut == 0)
        {
          /* Overlapping blocks: top to bottom. */
          g_qsort_with_data (blocks, n, sizeof (guint), compare_blocks, &by_top);
          g_array_append_vals (layout->order, blocks, n);
          return;
        }
    }

  order_blocks (layout, blocks, cut);
  order_blocks (layout, blocks + cut, n - cut);
}

/* ---- Text out ------------------------------------------------------------ */

static void
write_segment (Layout          *layout,
               const Segment   *segment,
               GString         *text,
               PortingPageText *page_text,
               gboolean         keep_words)
{
  for (guint i = 0; i < segment->n_items; i++)
    {
      const Item *item = &g_array_index (layout->items, Item, segment->first_item + i);
      PortingWord word;

      if (i > 0)
        g_string_append_c (text, ' ');
      word.start = text->len;
      g_string_append_len (text, item->text, item->length);
      word.end = text->len;
      word.rect = item->rect;
      word.confidence = item->confidence;
      word.source = item->source;
      if (keep_words)
        g_array_append_val (page_text->words, word);
    }
}

static PortingPageText *
write_page_text (Layout   *layout,
                 guint     page,
                 gboolean  keep_words)
{
  PortingPageText *page_text = porting_page_text_new (page, NULL);
  GString *text = g_string_sized_new (layout->items->len * 8);

  for (guint o = 0; o < layout->order->len; o++)
    {
      const Block *block = &g_array_index (layout->blocks, Block, g_array_index (layout->order, guint, o));
      PortingTextBlock text_block;

      if (text->len > 0)
        g_string_append (text, "\n\n");

      text_block.start = text->len;
      text_block.rect = block->rect;
      text_block.first_line = page_text->lines->len;
      text_block.n_lines = block->lines->len;

      for (guint l = 0; l < block->lines->len; l++)
        {
          PortingTextLine line;

          if (l > 0)
            g_string_append_c (text, '\n');

          line.start = text->len;
          line.block = page_text->blocks->len;
          line.rect = g_array_index (layout->segments, Segment, g_array_index (block->lines, int, l)).rect;
          for (int s = g_array_index (block->lines, int, l); s >= 0;
               s = g_array_index (layout->segments, Segment, s).next)
            {
              const Segment *segment = &g_array_index (layout->segments, Segment, s);

              if (text->len > line.start)
                g_string_append_c (text, '\t');
              write_segment (layout, segment, text, page_text, keep_words);
              rect_union (&line.rect, &segment->rect);
            }
          line.end = text->len;
          g_array_append_val (page_text->lines, line);
        }

      text_block.end = text->len;
      g_array_append_val (page_text->blocks, text_block);
    }

  g_free (page_text->text);
  page_text->text = g_string_free (text, FALSE);

  return page_text;
}

/**
 * porting_page_text_new_from_words:
 * @page: 0-based page index
 * @words: (array length=n_words): the words of the page, in any order
 * @n_words: how many
 * @keep_words: whether the result keeps them (with their byte ranges);
 *   it does anyway when a word was read by OCR or from a form field
 *
 * Lays the words out: rows, cells, blocks and label-and-value groups, in
 * reading order (see the top of porting-page-layout.c). Words with no
 * height or no text are left out; a word holding white space is cut there.
 * The words' strings are copied. Whoever has words with boxes — the text
 * layer, form fields, OCR — gets the same page model from here, and with
 * it the same matching and highlighting.
 *
 * Returns: (transfer full): the page text, with lines and blocks
 */
PortingPageText *
porting_page_text_new_from_words (guint                    page,
                                  const PortingLayoutWord *words,
                                  guint                    n_words,
                                  gboolean                 keep_words)
{
  Layout layout = { 0 };
  g_autofree guint *blocks = NULL;
  guint n_blocks = 0;
  PortingPageText *page_text;

  g_return_val_if_fail (words != NULL || n_words == 0, NULL);

  layout.items = g_array_sized_new (FALSE, FALSE, sizeof (Item), n_words);
  layout.segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  layout.blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_array_set_clear_func (layout.blocks, block_clear);
  layout.row_first = g_array_new (FALSE, FALSE, sizeof (guint));
  layout.order = g_array_new (FALSE, FALSE, sizeof (guint));
  layout.owned = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_words; i++)
    {
      if (words[i].text != NULL)
        add_word (&layout, &words[i]);
    }

  build_rows (&layout);
  _porting_layout_pair_labels_with_values (&layout);
  build_blocks (&layout);

  blocks = g_new (guint, MAX (layout.blocks->len, 1));
  for (guint b = 0; b < layout.blocks->len; b++)
    blocks[n_blocks++] = b;
  order_blocks (&layout, blocks, n_blocks);

  /* Words read by OCR or from a form keep how sure they are: the check
   * needs it even when it did not ask for the words. */
  for (guint i = 0; i < layout.items->len && !keep_words; i++)
    {
      const Item *item = &g_array_index (layout.items, Item, i);

      keep_words = item->source != PORTING_TEXT_SOURCE_TEXT || item->confidence < 1;
    }

  page_text = write_page_text (&layout, page, keep_words);

  g_array_unref (layout.items);
  g_array_unref (layout.segments);
  g_array_unref (layout.blocks);
  g_array_unref (layout.row_first);
  g_array_unref (layout.order);
  g_ptr_array_unref (layout.owned);

  return page_text;
}
