/* test-page-layout.c — words with boxes laid out in lines and blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words come in as an OCR engine or a text layer gives them: a list
 * with boxes, in no particular order.
 */

#include "config.h"

#include <string.h>

#include "porting-page-text.h"

/* Words of a line, set from @x at baseline @y: @size points high, each
 * character 0.55 of it wide, a space 0.28 of it. */
typedef struct
{
  double      x;
  double      y;
  double      size;
  const char *text;
  double      confidence;   /* 0 means 1 */
} Line;

static PortingPageText *
lay_out (const Line *lines,
         guint       n_lines,
         gboolean    shuffle)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (PortingLayoutWord));
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < n_lines; i++)
    {
      char **parts = g_strsplit (lines[i].text, " ", -1);
      double x = lines[i].x;
      double size = lines[i].size;

      g_ptr_array_add (owned, parts);
      for (guint w = 0; parts[w] != NULL; w++)
        {
          PortingLayoutWord word = { 0 };
          double width = g_utf8_strlen (parts[w], -1) * 0.55 * size;

          if (parts[w][0] == '\0')
            {
              x += 0.28 * size;
              continue;
            }
          word.text = parts[w];
          word.length = -1;
          word.rect = (PortingRect) { x, lines[i].y - 0.72 * size, x + width, lines[i].y + 0.1 * size };
          word.confidence = lines[i].confidence > 0 ? lines[i].confidence : 1;
          word.source = lines[i].confidence > 0 ? PORTING_TEXT_SOURCE_OCR : PORTING_TEXT_SOURCE_TEXT;
          g_array_append_val (words, word);
          x += width + 0.28 * size;
        }
    }

  /* Reading order must come from the boxes, not from the input order. */
  if (shuffle)
    {
      GRand *rand = g_rand_new_with_seed (20261101);

      for (guint i = words->len; i > 1; i--)
        {
          guint j = g_rand_int_range (rand, 0, i);
          PortingLayoutWord swap = g_array_index (words, PortingLayoutWord, i - 1);

          g_array_index (words, PortingLayoutWord, i - 1) = g_array_index (words, PortingLayoutWord, j);
          g_array_index (words, PortingLayoutWord, j) = swap;
        }
      g_rand_free (rand);
    }

  return porting_page_text_new_from_words (0, (const PortingLayoutWord *) (gpointer) words->data,
                                           words->len, TRUE);
}

/* The text of block @b. */
static char *
block_text (PortingPageText *page_text,
            guint            b)
{
  const PortingTextBlock *block;

  g_assert_cmpuint (b, <, page_text->blocks->len);
  block = &g_array_index (page_text->blocks, PortingTextBlock, b);
  return g_strndup (page_text->text + block->start, block->end - block->start);
}

/* Whether some block's text is exactly @expected. */
static void
assert_block (PortingPageText *page_text,
              const char      *expected)
{
  for (guint b = 0; b < page_text->blocks->len; b++)
    {
      g_autofree char *text = block_text (page_text, b);

      if (g_str_equal (text, expected))
        return;
    }

  g_printerr ("No block\n%s\nin\n%s\n", expected, page_text->text);
  g_assert_not_reached ();
}

static void
assert_invariants (PortingPageText *page_text)
{
  guint n_lines = 0;

  for (guint i = 0; i < page_text->words->len; i++)
    {
      const PortingWord *word = &g_array_index (page_text->words, PortingWord, i);

      g_assert_cmpuint (word->start, <, word->end);
      g_assert_null (memchr (page_text->text + word->start, ' ', word->end - word->start));
      if (i > 0)
        g_assert_cmpuint (word->start, >, g_array_index (page_text->words, PortingWord, i - 1).end);
    }

  for (guint b = 0; b < page_text->blocks->len; b++)
    {
      const PortingTextBlock *block = &g_array_index (page_text->blocks, PortingTextBlock, b);

      g_assert_cmpuint (block->first_line, ==, n_lines);
      n_lines += block->n_lines;
      for (guint l = block->first_line; l < block->first_line + block->n_lines; l++)
        {
          const PortingTextLine *line = &g_array_index (page_text->lines, PortingTextLine, l);

          g_assert_cmpuint (line->block, ==, b);
          g_assert_cmpuint (line->start, >=, block->start);
          g_assert_cmpuint (line->end, <=, block->end);
          g_assert_null (memchr (page_text->text + line->start, '\n', line->end - line->start));
          g_assert_cmpint (porting_page_text_find_block (page_text, line->start), ==, b);
        }
    }
  g_assert_cmpuint (n_lines, ==, page_text->lines->len);
}

/* ---- Cases ----------------------------------------------------------------- */

static void
test_bill_to_beside_remit_to (void)
{
  const Line lines[] = {
    { 60, 60, 16, "Cascade Fiber Networks" },
    { 60, 130, 9, "BILL TO" },
    { 60, 143, 10, "Juniper Street Bakery LLC" },
    { 60, 156, 10, "2210 Juniper St, Unit 3" },
    { 60, 169, 10, "Boise, ID 83702" },
    { 330, 130, 9, "REMIT PAYMENT TO" },
    { 330, 143, 10, "Cascade Fiber Networks" },
    { 330, 156, 10, "PO Box 4410" },
    { 330, 169, 10, "Portland, OR 97208" },
    { 60, 230, 11, "Summary of charges" },
  };
  g_autoptr(PortingPageText) page_text = lay_out (lines, G_N_ELEMENTS (lines), TRUE);

  assert_invariants (page_text);
  assert_block (page_text, "BILL TO\nJuniper Street Bakery LLC\n2210 Juniper St, Unit 3\nBoise, ID 83702");
  assert_block (page_text, "REMIT PAYMENT TO\nCascade Fiber Networks\nPO Box 4410\nPortland, OR 97208");
  /* Read left column first, then the right one: each block whole. */
  g_assert_true (strstr (page_text->text, "Boise, ID 83702\n\nREMIT PAYMENT TO") != NULL);
}

static void
test_label_and_value_table (void)
{
  /* A table of fields: labels in one column, values in another; the
   * address value wraps onto a line of its own. */
  const Line lines[] = {
    { 60, 100, 10, "Customer name:" }, { 220, 100, 10, "Harbor Lights Cafe Ltd." },
    { 60, 116, 10, "Service address:" }, { 220, 116, 10, "77 King Street West" },
    { 220, 130, 10, "Toronto, ON M5K 1A2" },
    { 60, 146, 10, "Account number:" }, { 220, 146, 10, "44-55-66" },
  };
  g_autoptr(PortingPageText) page_text = lay_out (lines, G_N_ELEMENTS (lines), TRUE);

  assert_invariants (page_text);
  g_assert_cmpuint (page_text->blocks->len, ==, 1);
  g_assert_cmpstr (page_text->text, ==,
                   "Customer name:\tHarbor Lights Cafe Ltd.\n"
                   "Service address:\t77 King Street West\n"
                   "Toronto, ON M5K 1A2\n"
                   "Account number:\t44-55-66");
}

/* How wide lay_out() sets @text. */
static double
line_width (const char *text,
            double      size)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);
  double width = 0;

  for (guint w = 0; parts[w] != NULL; w++)
    width += (w > 0 ? 0.28 * size : 0) + g_utf8_strlen (parts[w], -1) * 0.55 * size;
  return width;
}

/* A table whose cells stand closer than two spaces on its longest row: the
 * values' column, aligned on the other rows, still parts the cells. */
static void
test_tight_table (void)
{
  const char *longest = "Business Name (as it appears";
  double values = 60 + line_width (longest, 10) + 7;
  const Line lines[] = {
    { 60, 100, 10, "Business Name (as it appears" }, { values, 100, 10, "Alder and Finch Bookbinders, Inc." },
    { 60, 112, 10, "on the carrier's records)" },
    { 60, 128, 10, "Service Address" }, { values, 128, 10, "2716 Southeast Division Street" },
    { 60, 144, 10, "Current Carrier" }, { values, 144, 10, "Cascadia Voice" },
    { 60, 160, 10, "Account Number" }, { values, 160, 10, "CV-77120934" },
  };
  g_autoptr(PortingPageText) page_text = lay_out (lines, G_N_ELEMENTS (lines), TRUE);

  assert_invariants (page_text);
  g_assert_null (strstr (page_text->text, "appears Alder"));
  g_assert_nonnull (strstr (page_text->text, "Alder and Finch Bookbinders, Inc."));
  g_assert_nonnull (strstr (page_text->text, "Current Carrier\tCascadia Voice"));
}

static void
test_headings_over_columns (void)
{
  /* A heading over a column of values is a column, not a pair. */
  const Line lines[] = {
    { 60, 100, 9, "ACCOUNT NAME" }, { 360, 100, 9, "Amount due $88.10" },
    { 60, 113, 10, "Pine Valley Dental PC" }, { 360, 113, 9, "Due date Dec 1, 2026" },
    { 60, 160, 9, "Statement Date" }, { 200, 160, 9, "Account Number" },
    { 60, 173, 9, "11/01/2026" }, { 200, 173, 9, "000-77123" },
  };
  g_autoptr(PortingPageText) page_text = lay_out (lines, G_N_ELEMENTS (lines), FALSE);

  assert_invariants (page_text);
  assert_block (page_text, "ACCOUNT NAME\nPine Valley Dental PC");
  assert_block (page_text, "Amount due $88.10\nDue date Dec 1, 2026");
  assert_block (page_text, "Statement Date\n11/01/2026");
  assert_block (page_text, "Account Number\n000-77123");
}

static void
test_spanning_line_starts_a_block (void)
{
  /* Two columns close above a line that runs under both. */
  const Line lines[] = {
    { 60, 100, 10, "Left column one" }, { 300, 100, 10, "Right column one" },
    { 60, 113, 10, "Left column two" }, { 300, 113, 10, "Right column two" },
    { 60, 126, 10, "A footnote running under both columns of the page" },
  };
  g_autoptr(PortingPageText) page_text = lay_out (lines, G_N_ELEMENTS (lines), TRUE);

  assert_invariants (page_text);
  assert_block (page_text, "Left column one\nLeft column two");
  assert_block (page_text, "Right column one\nRight column two");
  assert_block (page_text, "A footnote running under both columns of the page");
}

static void
test_paragraph_gap_and_font_size (void)
{
  const Line lines[] = {
    { 60, 60, 24, "INVOICE" },
    { 60, 100, 10, "First block line" },
    { 60, 113, 10, "Second block line" },
    /* A blank line between. */
    { 60, 139, 10, "Another block" },
  };
  g_autoptr(PortingPageText) page_text = lay_out (lines, G_N_ELEMENTS (lines), TRUE);

  assert_invariants (page_text);
  g_assert_cmpstr (page_text->text, ==, "INVOICE\n\nFirst block line\nSecond block line\n\nAnother block");
  g_assert_cmpuint (page_text->blocks->len, ==, 3);
}

static void
test_ocr_words (void)
{
  /* OCR gives uneven boxes and a confidence per word. */
  const Line lines[] = {
    { 100, 200, 30, "Service Address", 0.96 },
    { 100, 240, 30, "1200 Harbor Blvd", 0.91 },
    { 102, 281, 29, "Oakland CA 94607", 0.42 },
  };
  g_autoptr(PortingPageText) page_text = lay_out (lines, G_N_ELEMENTS (lines), TRUE);
  const char *found;
  guint start;
  PortingTextSource source;
  g_autoptr(GArray) rects = NULL;

  assert_invariants (page_text);
  g_assert_cmpstr (page_text->text, ==, "Service Address\n1200 Harbor Blvd\nOakland CA 94607");

  found = strstr (page_text->text, "1200 Harbor");
  start = found - page_text->text;
  g_assert_cmpfloat_with_epsilon (porting_page_text_get_confidence (page_text, start, start + 11, &source),
                                  0.91, 1e-6);
  g_assert_cmpint (source, ==, PORTING_TEXT_SOURCE_OCR);
  /* The least sure word of a range speaks for it. */
  g_assert_cmpfloat_with_epsilon (porting_page_text_get_confidence (page_text, start, strlen (page_text->text), NULL),
                                  0.42, 1e-6);

  /* Kept even when not asked for: the check needs OCR's confidence. */
  {
    PortingLayoutWord word = { "Oakland", -1, { 10, 10, 60, 20 }, 0.5, PORTING_TEXT_SOURCE_OCR };
    g_autoptr(PortingPageText) unasked = porting_page_text_new_from_words (0, &word, 1, FALSE);

    g_assert_cmpuint (unasked->words->len, ==, 1);
    g_assert_cmpfloat_with_epsilon (porting_page_text_get_confidence (unasked, 0, 7, NULL), 0.5, 1e-6);
  }

  /* Highlights are the words' boxes, one per line. */
  rects = porting_page_text_get_rects (page_text, start, strlen (page_text->text));
  g_assert_cmpuint (rects->len, ==, 2);
  g_assert_cmpfloat (g_array_index (rects, PortingRect, 0).x1, ==, 100);
  g_assert_cmpfloat (g_array_index (rects, PortingRect, 1).y1, >, g_array_index (rects, PortingRect, 0).y2);
}

static void
test_odd_input (void)
{
  PortingLayoutWord words[] = {
    { "Split\tinside", -1, { 10, 10, 130, 30 }, 1, PORTING_TEXT_SOURCE_TEXT },
    { "no-height", -1, { 10, 40, 50, 40 }, 1, PORTING_TEXT_SOURCE_TEXT },
    { "", -1, { 10, 60, 50, 70 }, 1, PORTING_TEXT_SOURCE_TEXT },
    { "Bad\xff" "bytes", 9, { 10, 80, 60, 90 }, 1, PORTING_TEXT_SOURCE_TEXT },
    { "flipped", -1, { 60, 110, 10, 100 }, 2, PORTING_TEXT_SOURCE_TEXT },
  };
  g_autoptr(PortingPageText) page_text = porting_page_text_new_from_words (3, words, G_N_ELEMENTS (words), TRUE);
  g_autoptr(PortingPageText) empty = porting_page_text_new_from_words (0, NULL, 0, TRUE);

  assert_invariants (page_text);
  g_assert_cmpuint (page_text->page, ==, 3);
  g_assert_true (g_utf8_validate (page_text->text, -1, NULL));
  g_assert_nonnull (strstr (page_text->text, "Split inside"));
  g_assert_null (strstr (page_text->text, "no-height"));
  g_assert_nonnull (strstr (page_text->text, "flipped"));
  for (guint i = 0; i < page_text->words->len; i++)
    g_assert_cmpfloat (g_array_index (page_text->words, PortingWord, i).confidence, <=, 1);

  g_assert_cmpstr (empty->text, ==, "");
  g_assert_cmpuint (empty->blocks->len, ==, 0);
  g_assert_cmpint (porting_page_text_find_block (empty, 0), ==, -1);
}

static void
test_many_words (void)
{
  /* A dense itemised page: every word placed, in bounded time. */
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (PortingLayoutWord));
  g_autoptr(PortingPageText) page_text = NULL;
  char texts[60][9][16];

  for (guint row = 0; row < 60; row++)
    for (guint col = 0; col < 9; col++)
      {
        PortingLayoutWord word = { 0 };

        g_snprintf (texts[row][col], sizeof texts[row][col], "r%uc%u", row, col);
        word.text = texts[row][col];
        word.length = -1;
        word.rect = (PortingRect) { 40 + col * 60, 60 + row * 11, 40 + col * 60 + 30, 60 + row * 11 + 7 };
        word.confidence = 1;
        g_array_append_val (words, word);
      }

  page_text = porting_page_text_new_from_words (0, (const PortingLayoutWord *) (gpointer) words->data,
                                                words->len, TRUE);
  assert_invariants (page_text);
  g_assert_cmpuint (page_text->words->len, ==, 540);
  /* Columns of a table are blocks. */
  g_assert_cmpuint (page_text->blocks->len, ==, 9);
  g_assert_true (g_str_has_prefix (page_text->text, "r0c0\nr1c0\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-layout/bill-to-beside-remit-to", test_bill_to_beside_remit_to);
  g_test_add_func ("/page-layout/label-and-value-table", test_label_and_value_table);
  g_test_add_func ("/page-layout/headings-over-columns", test_headings_over_columns);
  g_test_add_func ("/page-layout/tight-table", test_tight_table);
  g_test_add_func ("/page-layout/spanning-line", test_spanning_line_starts_a_block);
  g_test_add_func ("/page-layout/paragraph-gap-and-font-size", test_paragraph_gap_and_font_size);
  g_test_add_func ("/page-layout/ocr-words", test_ocr_words);
  g_test_add_func ("/page-layout/odd-input", test_odd_input);
  g_test_add_func ("/page-layout/many-words", test_many_words);

  return g_test_run ();
}
