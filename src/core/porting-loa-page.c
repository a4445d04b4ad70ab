/* porting-loa-page.c — an LOA page read as a form: labels, values, lines and columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-loa"

#include "config.h"

#include <math.h>
#include <string.h>

#include "porting-loa-private.h"

/*
 * An LOA is a form: it is read by where its words sit. Words are gathered
 * into physical lines, a wide gap becoming a tab (a table cell boundary);
 * without positions poppler's text is used as it is. Each line is cut into
 * segments: a known label (matched case-insensitively at a word start,
 * longest label wins) and the value that follows it — after ':' or
 * '.'-leaders, in the next cell, or after white space for labels of several
 * words and for values starting with a digit — up to the next label or cell
 * on the line. A label with nothing after it takes the line below, in its
 * column, as its value (labels above values). Byte ranges found are mapped
 * back to the page text for highlighting.
 */

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* In rebuilt text a tab stands for a wide gap: a table cell boundary. */
static gboolean
blank_run_has_tab (const char *text,
                   guint       start,
                   guint       end)
{
  return memchr (text + start, '\t', end - start) != NULL;
}

static guint
skip_blanks (const char *text,
             guint       pos,
             guint       end)
{
  while (pos < end && is_blank (text[pos]))
    pos++;
  return pos;
}

/* Leaders: "……", ". . . .", "____" between a label and its value. */
static guint
skip_leaders (const char *text,
              guint       pos,
              guint       end)
{
  guint p = pos;
  guint n_marks = 0;

  while (p < end)
    {
      if (text[p] == '.' || text[p] == '_')
        {
          n_marks++;
          p++;
        }
      else if (p + 2 < end && memcmp (text + p, "…", 3) == 0)
        {
          n_marks += 2;
          p += 3;
        }
      else if (is_blank (text[p]))
        p++;
      else
        break;
    }

  return n_marks >= 2 ? p : pos;
}


/* "with current", "at the losing carrier", "(print)", "de facturation":
 * a few words saying more about a label, before its value's cell. */
static gboolean
is_hint_phrase (const char *text,
                guint       start,
                guint       end)
{
  static const char * const openers[] = {
    "with", "at", "for", "of", "on", "as", "from", "in", "to", "the", "your", "if", "or",
    "avec", "de", "du", "des", "chez", "auprès", "tel", "telle", "sur", "à", "au", "aux", "si", "ou",
    NULL
  };
  g_autofree char *cell = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;

  if (start >= end)
    return FALSE;
  cell = g_strndup (text + start, end - start);
  if (strpbrk (cell, "0123456789:") != NULL)
    return FALSE;
  lower = g_utf8_strdown (cell, -1);
  words = g_strsplit_set (g_strstrip (lower), " ", -1);
  return g_strv_length (words) <= 6 && g_strv_contains (openers, words[0]);
}

typedef enum
{
  TAIL_NONE,        /* not used as a label here */
  TAIL_SEPARATOR,   /* ':' or leaders, value follows */
  TAIL_ALONE,       /* the label ends the line (value below, or blank) */
  TAIL_BLANK,       /* white space then the value */
} TailKind;

/* What follows a label: an optional parenthesised hint, then a separator. */
static TailKind
parse_tail (const char *text,
            guint       label_end,
            guint       end,
            guint      *value_start,
            gboolean   *open_hint)
{
  guint p = skip_blanks (text, label_end, end);
  const char *tab = memchr (text + p, '\t', end - p);
  guint cell_end = tab != NULL ? (guint) (tab - text) : end;

  *open_hint = FALSE;

  if (p < cell_end && text[p] == '(')
    {
      const char *close = memchr (text + p, ')', cell_end - p);
      gboolean has_letter = FALSE;

      if (close != NULL)
        {
          for (const char *c = text + p; c < close; c++)
            has_letter |= g_ascii_isalpha (*c);
        }
      if (close != NULL && has_letter)
        p = skip_blanks (text, close - text + 1, end);
      else if (close == NULL)
        {
          /* "Business Name (as it appears" wraps in its cell: the rest of
           * the cell is hint, and so is the start of the line below. */
          p = cell_end;
          *open_hint = TRUE;
        }
    }
  else if (cell_end < end && is_hint_phrase (text, p, cell_end))
    {
      /* "Account Number with current<TAB>CV-77": the rest of the label's
       * cell says more about it. */
      p = cell_end;
    }

  if (p >= end)
    {
      *value_start = end;
      return TAIL_ALONE;
    }

  if (text[p] == ':' || (p + 2 < end && memcmp (text + p, "：", 3) == 0))
    {
      p += text[p] == ':' ? 1 : 3;
      *value_start = skip_leaders (text, skip_blanks (text, p, end), end);
      return TAIL_SEPARATOR;
    }

  {
    guint after_leaders = skip_leaders (text, p, end);

    if (after_leaders != p)
      {
        *value_start = skip_blanks (text, after_leaders, end);
        return TAIL_SEPARATOR;
      }
  }

  if (p > label_end)
    {
      /* After a hint that fills the label's cell, the value is the next cell. */
      *value_start = p == cell_end ? skip_blanks (text, p, end) : p;
      return TAIL_BLANK;
    }

  return TAIL_NONE;
}

static gboolean
accept_label (const char *text,
              int         label,
              guint       label_end,
              guint       end,
              gboolean    embedded,
              guint      *value_start,
              gboolean   *open_hint)
{
  gboolean hint_goes_on = FALSE;
  TailKind tail = parse_tail (text, label_end, end, value_start, &hint_goes_on);

  if (open_hint != NULL)
    *open_hint = hint_goes_on;

  /* "Suite 400" is a value, "Suite: 400" a label and its value. */
  if (_porting_loa_label_kind (label) == KIND_UNIT)
    return tail == TAIL_SEPARATOR && text[skip_blanks (text, label_end, end)] == ':';

  switch (tail)
    {
    case TAIL_SEPARATOR:
      return TRUE;
    case TAIL_ALONE:
      return !embedded;
    case TAIL_BLANK:
      /* "SERVICE ADDRESS 455 RUE…" (table cell) and "Date 2026-11-05", but
       * not "Name and address must match…". */
      if (blank_run_has_tab (text, label_end, *value_start))
        return !embedded;   /* the value is the next cell */
      if (g_ascii_isdigit (text[*value_start]))
        return TRUE;
      return !embedded && _porting_loa_label_n_words (label) > 1;
    case TAIL_NONE:
    default:
      return FALSE;
    }
}

static void
trim_value (const char *text,
            guint      *start,
            guint      *end)
{
  while (*start < *end && (is_blank (text[*start]) || text[*start] == '_'))
    (*start)++;
  while (*end > *start && (is_blank (text[*end - 1]) || text[*end - 1] == '_'))
    (*end)--;
  /* A value made only of leaders is a blank form field. */
  if (skip_leaders (text, *start, *end) == *end)
    *end = *start;
}

static const PlacedWord *
placed_word_at (const Page *page,
                guint       offset)
{
  guint low = 0, high = page->placed->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      const PlacedWord *word = &g_array_index (page->placed, PlacedWord, mid);

      if (offset < word->start)
        high = mid;
      else if (offset >= word->end)
        low = mid + 1;
      else
        return word;
    }
  return NULL;
}

static void
segment_extent (const Page *page,
                Segment    *segment,
                guint       end)
{
  const PlacedWord *first;
  const PlacedWord *last = NULL;

  if (page->placed->len == 0)
    return;

  first = placed_word_at (page, segment->label_start);
  for (guint p = end; p > segment->label_start && last == NULL; p--)
    last = placed_word_at (page, p - 1);

  if (first != NULL)
    {
      segment->x1 = first->rect.x1;
      segment->y1 = first->rect.y1;
      segment->y2 = first->rect.y2;
    }
  if (last != NULL)
    segment->x2 = last->rect.x2;
}

static void
parse_line (Page  *page,
            guint  line_index)
{
  const char *text = page->text;
  const Line *line = &g_array_index (page->lines, Line, line_index);
  guint pos = line->start;
  guint first_segment = page->segments->len;

  while (pos < line->end)
    {
      Segment segment = { KIND_NONE, 0, line_index, pos, pos, pos, FALSE, FALSE };
      guint label_end = 0;
      int label = _porting_loa_match_label (text, pos, line->end, &label_end);
      guint value_end;

      if (label >= 0 && accept_label (text, label, label_end, line->end, FALSE, &segment.value_start,
                                      &segment.open_hint))
        {
          segment.kind = _porting_loa_label_kind (label);
          segment.priority = _porting_loa_label_priority (label);
        }
      else
        segment.value_start = pos;

      /* The value runs to the next label on the line ("… Date: 2026-11-02"). */
      value_end = line->end;
      for (guint q = segment.value_start + (segment.kind == KIND_NONE); q < line->end; q++)
        {
          guint embedded_end = 0;
          guint embedded_value = 0;
          gboolean at_cell;
          int embedded;

          /* A value ends at a cell boundary. */
          if (text[q] == '\t')
            {
              value_end = q;
              break;
            }

          /* A labelled value may start with the next label ("Signature Date: …"). */
          if ((q > segment.value_start && !is_blank (text[q - 1])) || !g_ascii_isalpha (text[q]))
            continue;

          /* A label opening a table cell stands like one opening a line. */
          at_cell = FALSE;
          for (guint b = q; b > line->start && is_blank (text[b - 1]); b--)
            at_cell |= text[b - 1] == '\t';

          embedded = _porting_loa_match_label (text, q, line->end, &embedded_end);
          if (embedded >= 0 && accept_label (text, embedded, embedded_end, line->end, !at_cell, &embedded_value, NULL))
            {
              value_end = q;
              break;
            }
        }

      segment.value_end = value_end;
      trim_value (text, &segment.value_start, &segment.value_end);

      if (segment.kind == KIND_NONE && segment.value_end > segment.value_start &&
          text[segment.value_end - 1] == ':')
        {
          segment.kind = KIND_UNKNOWN_LABEL;
          segment.value_start = segment.value_end;
        }

      segment_extent (page, &segment, value_end);
      g_array_append_val (page->segments, segment);
      pos = skip_blanks (text, value_end, line->end);
    }

  if (page->segments->len > first_segment)
    {
      g_array_index (page->segments, Segment, first_segment).first_in_line = TRUE;
      g_array_index (page->segments, Segment, page->segments->len - 1).last_in_line = TRUE;
      g_array_index (page->line_first_segment, guint, line_index) = first_segment;
    }
}

void
_porting_loa_page_clear (Page *page)
{
  g_clear_pointer (&page->rebuilt, g_free);
  g_clear_pointer (&page->to_original, g_array_unref);
  g_clear_pointer (&page->placed, g_array_unref);
  g_clear_pointer (&page->lines, g_array_unref);
  g_clear_pointer (&page->segments, g_array_unref);
  g_clear_pointer (&page->line_first_segment, g_array_unref);
  g_clear_pointer (&page->line_used, g_array_unref);
}

/* A label of several words may match better once its wrapped end is
 * joined: "Numéro de téléphone de" / "facturation". */
static void
rematch_wrapped_label (Page    *page,
                       Segment *label,
                       guint    cell_end,
                       guint    start,
                       guint    end)
{
  g_autoptr(GString) joined = g_string_new_len (page->text + label->label_start, cell_end - label->label_start);
  guint label_end = 0;
  int match;

  g_string_append_c (joined, ' ');
  g_string_append_len (joined, page->text + start, end - start);
  match = _porting_loa_match_label (joined->str, 0, joined->len, &label_end);
  if (match >= 0 && label_end > cell_end - label->label_start &&
      _porting_loa_label_kind (match) != KIND_OTHER)
    {
      label->kind = _porting_loa_label_kind (match);
      label->priority = _porting_loa_label_priority (match);
    }
}

/* Lines that only carry on a label's cell: the end of a wrapped hint
 * ("on the carrier's records)", "boxes)") or of the label itself
 * ("carrier", "facturation", "(BTN)"), in the label's column just under
 * it. They are no value of anything. */
static void
mark_label_continuations (Page *page)
{
  for (guint l = 0; l < page->lines->len; l++)
    {
      Segment *label = (Segment *) _porting_loa_line_first (page, l);
      gboolean open = label != NULL && label->open_hint;
      guint next = l;

      if (label == NULL || label->kind <= KIND_UNKNOWN_LABEL || label->kind == KIND_HINT)
        continue;

      for (guint k = 0; k < 3; k++)
        {
          Segment *line_segment;
          g_autofree char *text = NULL;
          const char *value_tab;
          gboolean value_beside;
          gboolean closes;

          next = _porting_loa_next_text_line (page, next);
          if (next == G_MAXUINT || next > l + 3)
            break;
          line_segment = (Segment *) _porting_loa_line_first (page, next);
          if (line_segment->kind != KIND_NONE || !line_segment->last_in_line ||
              line_segment->value_end <= line_segment->value_start)
            break;

          /* In the label's column, just under it. */
          if (_porting_loa_has_positions (page) &&
              (fabs (line_segment->x1 - label->x1) > 24 ||
               line_segment->y1 - label->y2 > 1.2 * (label->y2 - label->y1) * (k + 1)))
            break;

          text = _porting_loa_span_text (page, line_segment->value_start, line_segment->value_end);
          closes = strchr (text, ')') != NULL;
          value_tab = memchr (page->text + label->label_start, '\t', label->value_start - label->label_start);
          value_beside = value_tab != NULL && label->value_end > label->value_start;
          if (_porting_loa_count_words (text) > 6 || _porting_loa_count_digits (text) > 0 ||
              text[strlen (text) - 1] == ':')
            break;
          /* A label above its value: only a hint still open goes on. */
          if (!value_beside && !open)
            break;
          /* Without positions, only what closes the hint is sure. */
          if (!_porting_loa_has_positions (page) && !(open && closes))
            break;

          if (value_beside)
            rematch_wrapped_label (page, label, value_tab - page->text,
                                   line_segment->value_start, line_segment->value_end);
          line_segment->kind = KIND_HINT;
          g_array_index (page->line_used, gboolean, next) = TRUE;
          if (open && closes)
            break;
        }
    }
}

void
_porting_loa_page_init (Page            *page,
                        PortingPageText *page_text)
{
  const char *text;
  guint length;
  guint start = 0;

  page->page_text = page_text;
  page->text = page_text->text != NULL ? page_text->text : "";
  page->to_original = g_array_new (FALSE, FALSE, sizeof (guint));
  page->placed = g_array_new (FALSE, FALSE, sizeof (PlacedWord));
  if (page_text->text == NULL || !_porting_loa_rebuild_lines (page))
    {
      g_array_set_size (page->to_original, 0);
      g_array_set_size (page->placed, 0);
    }

  text = page->text;
  length = strlen (text);
  page->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  page->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  page->line_first_segment = g_array_new (FALSE, FALSE, sizeof (guint));
  page->line_used = g_array_new (FALSE, TRUE, sizeof (gboolean));

  while (start <= length)
    {
      const char *newline = memchr (text + start, '\n', length - start);
      guint end = newline != NULL ? (guint) (newline - text) : length;
      Line line = { skip_blanks (text, start, end), end };
      guint no_segment = G_MAXUINT;

      while (line.end > line.start && is_blank (text[line.end - 1]))
        line.end--;

      g_array_append_val (page->lines, line);
      g_array_append_val (page->line_first_segment, no_segment);
      g_array_set_size (page->line_used, page->lines->len);
      parse_line (page, page->lines->len - 1);

      if (newline == NULL)
        break;
      start = end + 1;
    }

  mark_label_continuations (page);
}

const Segment *
_porting_loa_line_first (const Page *page,
                         guint       line)
{
  guint index = g_array_index (page->line_first_segment, guint, line);

  return index == G_MAXUINT ? NULL : &g_array_index (page->segments, Segment, index);
}

static gboolean
is_hint_line (const Page *page,
              guint       line)
{
  const Segment *first = _porting_loa_line_first (page, line);

  return first != NULL && first->kind == KIND_HINT;
}

/* The next line after @line holding text (not a label's wrapped hint), or
 * G_MAXUINT. */
guint
_porting_loa_next_text_line (const Page *page,
                             guint       line)
{
  for (guint l = line + 1; l < page->lines->len; l++)
    {
      if (_porting_loa_line_first (page, l) != NULL && !is_hint_line (page, l))
        return l;
    }
  return G_MAXUINT;
}

guint
_porting_loa_previous_text_line (const Page *page,
                                 guint       line)
{
  for (guint l = line; l > 0; l--)
    {
      if (_porting_loa_line_first (page, l - 1) != NULL && !is_hint_line (page, l - 1))
        return l - 1;
    }
  return G_MAXUINT;
}

gboolean
_porting_loa_has_positions (const Page *page)
{
  return page->placed->len > 0;
}

/* Where the column of a label ends: at the next thing on its line. */
double
_porting_loa_column_end (const Segment *segment)
{
  return segment->last_in_line ? G_MAXDOUBLE : segment[1].x1;
}

/* The segment of @line that sits in the column [@left, @right). */
const Segment *
_porting_loa_column_segment (const Page *page,
                             guint       line,
                             double      left,
                             double      right)
{
  const Segment *segment = _porting_loa_line_first (page, line);
  const Segment *past_end;

  if (segment == NULL || !_porting_loa_has_positions (page))
    return segment;

  past_end = &g_array_index (page->segments, Segment, 0) + page->segments->len;
  for (; segment < past_end && segment->line == line; segment++)
    {
      /* Values are often indented a little under their label. */
      if (segment->x1 >= left - 24 && segment->x1 < right)
        return segment;
    }
  return NULL;
}

/* The value of a labelled segment: on its line, else below it (the next
 * line, in the label's column when positions are known). */
gboolean
_porting_loa_segment_value (Page          *page,
                            const Segment *segment,
                            guint         *start,
                            guint         *end,
                            guint         *value_line)
{
  guint next;
  const Segment *below;

  if (segment->value_end > segment->value_start)
    {
      *start = segment->value_start;
      *end = segment->value_end;
      *value_line = segment->line;
      return TRUE;
    }

  if (!segment->last_in_line && !_porting_loa_has_positions (page))
    return FALSE;

  next = _porting_loa_next_text_line (page, segment->line);
  if (next == G_MAXUINT)
    return FALSE;

  below = _porting_loa_column_segment (page, next, segment->x1, _porting_loa_column_end (segment));
  if (below == NULL || below->kind != KIND_NONE || below->value_end == below->value_start)
    return FALSE;

  /* A value sits right under its label and is no paragraph. */
  if (_porting_loa_has_positions (page) && below->y1 - segment->y2 > 2.5 * (segment->y2 - segment->y1))
    return FALSE;
  {
    g_autofree char *value = g_strndup (page->text + below->value_start, below->value_end - below->value_start);

    if (_porting_loa_count_words (value) > 10)
      return FALSE;
  }

  *start = below->value_start;
  *end = below->value_end;
  *value_line = next;
  return TRUE;
}

char *
_porting_loa_span_text (const Page *page,
                        guint       start,
                        guint       end)
{
  g_autofree char *raw = g_strndup (page->text + start, end - start);
  g_auto(GStrv) words = g_strsplit_set (raw, " \t\r\n", -1);
  g_autoptr(GString) joined = g_string_new (NULL);

  /* Runs of white space inside a value become one space. */
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, words[i]);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static guint
to_original (const Page *page,
             guint       offset)
{
  if (page->rebuilt == NULL)
    return offset;
  return g_array_index (page->to_original, guint, MIN (offset, page->to_original->len - 1));
}

/* Spans are given in page_text->text, whichever text was read. */
void
_porting_loa_set_span (PortingTextSpan *span,
                       const Page      *page,
                       guint            start,
                       guint            end)
{
  guint original_start = to_original (page, start);
  guint original_end = end > start ? to_original (page, end - 1) + 1 : original_start;

  span->page = page->page_text->page;
  span->start = MIN (original_start, original_end);
  span->end = MAX (original_start, original_end);
}

gboolean
_porting_loa_has_postal_code (const char *text)
{
  static GRegex *regex = NULL;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* ZIP / ZIP+4 at the end, or a Canadian postal code. */
      regex = g_regex_new ("(?:\\b\\d{5}(?:-\\d{4})?|\\b[A-Z]\\d[A-Z] ?\\d[A-Z]\\d)\\s*$",
                           G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }

  return g_regex_match (regex, text, 0, NULL);
}

guint
_porting_loa_count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

guint
_porting_loa_count_digits (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += g_ascii_isdigit (*p);
  return n;
}

/* An unlabelled line that can stand as the city line of an address. */
gboolean
_porting_loa_is_plausible_city_line (const char *text)
{
  gsize length = strlen (text);

  return length > 0 && length <= 80 &&
         _porting_loa_count_words (text) <= 8 &&
         _porting_loa_count_digits (text) < 7 &&
         text[length - 1] != '.';
}

/* Looks like a hand-written or typed signature: a few words of letters. */
gboolean
_porting_loa_is_name_like (const char *text)
{
  guint n_letters = 0;
  guint n_words = _porting_loa_count_words (text);
  gsize length = strlen (text);

  if (length == 0 || n_words > 5 || text[length - 1] == '.' || text[length - 1] == ':')
    return FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        return FALSE;
      n_letters += g_unichar_isalpha (c);
    }

  return n_letters >= 1;
}
