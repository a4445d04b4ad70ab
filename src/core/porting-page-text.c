/* porting-page-text.c — the text of one page, with where each word sits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-page-text"

#include "config.h"

#include <string.h>

#include "porting-page-text.h"

G_DEFINE_BOXED_TYPE (PortingPageText, porting_page_text,
                     porting_page_text_ref, porting_page_text_unref)

/**
 * porting_page_text_new:
 * @page: 0-based page index
 * @text: (transfer full): UTF-8 text of the page
 *
 * Returns: (transfer full): a page text without words
 */
PortingPageText *
porting_page_text_new (guint  page,
                       char  *text)
{
  PortingPageText *self;

  self = g_new0 (PortingPageText, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->page = page;
  self->text = text != NULL ? text : g_strdup ("");
  self->words = g_array_new (FALSE, FALSE, sizeof (PortingWord));
  self->lines = g_array_new (FALSE, FALSE, sizeof (PortingTextLine));
  self->blocks = g_array_new (FALSE, FALSE, sizeof (PortingTextBlock));

  return self;
}

PortingPageText *
porting_page_text_ref (PortingPageText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
porting_page_text_unref (PortingPageText *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->text, g_free);
      g_clear_pointer (&self->words, g_array_unref);
      g_clear_pointer (&self->lines, g_array_unref);
      g_clear_pointer (&self->blocks, g_array_unref);
      g_free (self);
    }
}

/* The part of @word's rectangle holding text[start, end), assuming evenly
 * wide characters: good enough to highlight a match that starts or ends
 * inside a word. */
static PortingRect
clip_word_rect (PortingPageText   *self,
                const PortingWord *word,
                guint              start,
                guint              end)
{
  PortingRect rect = word->rect;
  const char *word_text = self->text + word->start;
  glong n_chars;
  glong first;
  glong last;
  double char_width;

  if (start <= word->start && end >= word->end)
    return rect;

  n_chars = g_utf8_strlen (word_text, word->end - word->start);
  if (n_chars <= 0)
    return rect;

  first = start > word->start ? g_utf8_strlen (word_text, start - word->start) : 0;
  last = end < word->end ? g_utf8_strlen (word_text, end - word->start) : n_chars;
  char_width = (word->rect.x2 - word->rect.x1) / n_chars;

  rect.x1 = word->rect.x1 + first * char_width;
  rect.x2 = word->rect.x1 + last * char_width;

  return rect;
}

/* A new line, or a tab between blocks side by side: a new rectangle. */
static gboolean
has_break (const char *text,
           guint       start,
           guint       end)
{
  for (guint i = start; i < end; i++)
    {
      if (text[i] == '\n' || text[i] == '\t')
        return TRUE;
    }

  return FALSE;
}

/**
 * porting_page_text_get_rects:
 * @self: a page text, with words
 * @start: first byte of the range in @self->text
 * @end: byte after the range
 *
 * Words of one line that the range covers are merged into one rectangle,
 * so a match spanning two lines gives two rectangles.
 *
 * Returns: (transfer full) (element-type PortingRect): the rectangles, in
 *   points with the origin top-left; empty when the page has no words
 */
GArray *
porting_page_text_get_rects (PortingPageText *self,
                             guint            start,
                             guint            end)
{
  GArray *rects;
  const PortingWord *previous = NULL;
  gsize text_len;

  g_return_val_if_fail (self != NULL, NULL);

  rects = g_array_new (FALSE, FALSE, sizeof (PortingRect));

  text_len = strlen (self->text);
  end = MIN (end, text_len);
  if (start >= end)
    return rects;

  for (guint i = 0; i < self->words->len; i++)
    {
      const PortingWord *word = &g_array_index (self->words, PortingWord, i);
      PortingRect rect;

      if (word->end <= start)
        continue;
      if (word->start >= end)
        break;

      rect = clip_word_rect (self, word, start, end);

      if (previous != NULL &&
          !has_break (self->text, previous->end, word->start) &&
          rects->len > 0)
        {
          PortingRect *last = &g_array_index (rects, PortingRect, rects->len - 1);

          last->x1 = MIN (last->x1, rect.x1);
          last->y1 = MIN (last->y1, rect.y1);
          last->x2 = MAX (last->x2, rect.x2);
          last->y2 = MAX (last->y2, rect.y2);
        }
      else
        {
          g_array_append_val (rects, rect);
        }

      previous = word;
    }

  return rects;
}

/* The first word ending after @offset. */
static guint
first_word_after (PortingPageText *self,
                  guint            offset)
{
  guint low = 0;
  guint high = self->words->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (self->words, PortingWord, mid).end <= offset)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/**
 * porting_page_text_get_confidence:
 * @self: a page text
 * @start: first byte of the range in @self->text
 * @end: byte after the range
 * @source: (out) (optional): the least sure source among those words
 *   (OCR, then a form field, then the text layer)
 *
 * Returns: the least confidence of the words the range touches; 1 when
 *   the page has no words there
 */
double
porting_page_text_get_confidence (PortingPageText   *self,
                                  guint              start,
                                  guint              end,
                                  PortingTextSource *source)
{
  double confidence = 1;
  guint least_sure = PORTING_TEXT_SOURCE_TEXT;

  g_return_val_if_fail (self != NULL, 1);

  for (guint i = first_word_after (self, start); i < self->words->len; i++)
    {
      const PortingWord *word = &g_array_index (self->words, PortingWord, i);

      if (word->start >= end)
        break;
      confidence = MIN (confidence, word->confidence);
      least_sure = MAX (least_sure, word->source);
    }

  if (source != NULL)
    *source = least_sure;

  return confidence;
}

/**
 * porting_page_text_find_block:
 * @self: a page text
 * @offset: a byte offset into @self->text
 *
 * Returns: the index of the block holding @offset, or -1
 */
int
porting_page_text_find_block (PortingPageText *self,
                              guint            offset)
{
  guint low = 0;
  guint high;

  g_return_val_if_fail (self != NULL, -1);

  high = self->blocks->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const PortingTextBlock *block = &g_array_index (self->blocks, PortingTextBlock, mid);

      if (offset < block->start)
        high = mid;
      else if (offset >= block->end)
        low = mid + 1;
      else
        return mid;
    }

  return -1;
}
