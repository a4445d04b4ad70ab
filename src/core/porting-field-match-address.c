/* porting-field-match-address.c — addresses: a street line and its city line, parsed and compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-field-match"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-field-match-private.h"

/* ---- Addresses ------------------------------------------------------------ */

static gboolean
is_alpha_word (const char *folded)
{
  return g_ascii_isalpha (folded[0]);
}

/* "Suite 400", "# 12", "3rd Floor" on a line of their own. */
static gboolean
is_ordinal_number (const char *folded)
{
  gsize n = strlen (folded);
  const char *suffix;

  if (n < 2 || !g_ascii_isdigit (folded[0]))
    return FALSE;
  suffix = folded + n - (g_ascii_isalpha (folded[n - 2]) ? 2 : 1);
  for (const char *p = folded; p < suffix; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  return g_str_equal (suffix, "ST") || g_str_equal (suffix, "ND") || g_str_equal (suffix, "RD") ||
         g_str_equal (suffix, "TH") || g_str_equal (suffix, "E") || g_str_equal (suffix, "RE") ||
         g_str_equal (suffix, "ER");
}

/* An id after a unit designator: "400", "4B", "C", "#12". */
static gboolean
is_unit_id (const char *folded)
{
  gsize n = strlen (folded);

  if (n == 0 || n > 8)
    return FALSE;
  if (n == 1 && g_ascii_isalpha (folded[0]))
    return TRUE;
  return strpbrk (folded, "0123456789") != NULL;
}

/* A line of its own between the street and the city: "Suite 400",
 * "Bureau 210", "Building C, Suite 210", "21st Floor", "Floor 2". */
static gboolean
line_is_unit_line (Page *page,
                   Line *line)
{
  guint i = line->first_token;
  guint n = line->last_token - i;
  g_autoptr(PortingAddress) address = NULL;

  if (n < 2 || n > 6)
    return FALSE;

  /* A designator and its id opening the line, and little else. */
  for (guint k = i; k + 1 < line->last_token && k < i + 3; k++)
    {
      const char *folded = TOKEN (page->tokens, k)->folded;
      const char *next = TOKEN (page->tokens, k + 1)->folded;

      if (porting_normalize_unit_designator (folded) != NULL && is_unit_id (next))
        {
          address = porting_address_parse_tokens (page->tokens, i, line->last_token);
          return address->postal_code == NULL && address->house_number == NULL;
        }
      if (is_ordinal_number (folded) &&
          g_strcmp0 (porting_normalize_unit_designator (next), "FL") == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
on_another_line (Page               *page,
                 const PortingToken *before,
                 const PortingToken *after)
{
  return after->start > before->end &&
         memchr (page->page->text + before->end, '\n', after->start - before->end) != NULL;
}

/* Appends tokens[from, to) (not excluded) to @tokens, as a new segment;
 * with @street_line, stops where another column starts. */
static void
append_line_tokens (Page     *page,
                    GArray   *tokens,
                    guint     from,
                    guint     to,
                    gboolean  street_line)
{
  gboolean first = TRUE;

  for (guint i = from; i < to; i++)
    {
      PortingToken token;

      if (page->excluded[i])
        continue;
      if (street_line && i > from &&
          ((TOKEN (page->tokens, i)->flags & PORTING_TOKEN_GLUED) != 0 ||
           ((TOKEN (page->tokens, i)->flags & PORTING_TOKEN_PUNCT_END) != 0 &&
            !g_ascii_isdigit (TOKEN (page->tokens, i)->folded[0]))))
        break;
      token = *TOKEN (page->tokens, i);
      if (first)
        {
          token.flags |= PORTING_TOKEN_SEGMENT_BREAK;
          token.flags &= ~(guint) PORTING_TOKEN_LINE_BREAK;
          if (tokens->len > 0 && on_another_line (page, TOKEN (tokens, tokens->len - 1), &token))
            token.flags |= PORTING_TOKEN_LINE_BREAK;
        }
      first = FALSE;
      g_array_append_val (tokens, token);
    }
}

/* Appends tokens[from, to) to the segment @tokens ends with. */
static void
append_joined_tokens (Page   *page,
                      GArray *tokens,
                      guint   from,
                      guint   to)
{
  guint at = tokens->len;

  append_line_tokens (page, tokens, from, to, FALSE);
  if (tokens->len > at && at > 0)
    g_array_index (tokens, PortingToken, at).flags &= ~(guint) PORTING_TOKEN_SEGMENT_BREAK;
}

/* The text of the parts of @address that were read, line by line. */
static char *
address_proof_text (Page           *page,
                    GArray         *tokens,
                    PortingAddress *address,
                    guint          *start,
                    guint          *end)
{
  GString *text = g_string_new (NULL);
  int piece_start = -1;
  guint piece_end = 0;

  *start = G_MAXUINT;
  *end = 0;

  for (guint i = 0; i <= tokens->len; i++)
    {
      PortingToken *token = i < tokens->len ? TOKEN (tokens, i) : NULL;
      gboolean inside = token != NULL &&
        ((token->start >= address->street_start && token->end <= address->street_end &&
          address->street_end > address->street_start) ||
         (token->start >= address->city_start && token->end <= address->city_end &&
          address->city_end > address->city_start));
      gboolean new_line = token == NULL || (i > 0 && on_another_line (page, TOKEN (tokens, i - 1), token));

      if (piece_start >= 0 && (new_line || !inside))
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_len (text, page->page->text + piece_start, piece_end - piece_start);
          *start = MIN (*start, (guint) piece_start);
          *end = MAX (*end, piece_end);
          piece_start = -1;
        }
      if (inside)
        {
          if (piece_start < 0)
            piece_start = token->start;
          piece_end = token->end;
        }
    }

  if (*start == G_MAXUINT)
    *start = 0;

  return g_string_free (text, FALSE);
}

static gboolean
line_has_loa_word (LoaValue *value,
                   Page     *page,
                   guint     from,
                   guint     to)
{
  for (guint i = from; i < to; i++)
    {
      const char *folded = TOKEN (page->tokens, i)->folded;

      if (g_hash_table_contains (value->address_words, folded))
        return TRUE;
      folded = porting_normalize_street_word (folded);
      if (g_hash_table_contains (value->address_words, folded))
        return TRUE;
    }
  return FALSE;
}

static gboolean
line_is_loa_city (LoaValue *value,
                  Page     *page,
                  guint     from,
                  guint     to)
{
  const char *city = value->address->city;

  for (guint i = from; i < to; i++)
    {
      const char *word = porting_normalize_city_word (TOKEN (page->tokens, i)->folded);
      gsize len = strlen (word);

      if (i > from)
        {
          if (*city != ' ')
            return FALSE;
          city++;
        }
      if (strncmp (city, word, len) != 0)
        return FALSE;
      city += len;
    }

  return *city == '\0';
}

/* Appends city line @c of the street on line @l. When it lacks the city
 * ("5B3 (Québec) H2Y 2A7", another column's end before it) and a line in
 * between is the LOA's city alone, that line is the city. */
static void
append_city_line (LoaValue *value,
                  Page     *page,
                  guint     l,
                  guint     c,
                  GArray   *tokens)
{
  Line *city_line = &g_array_index (page->lines, Line, c);
  g_autoptr(PortingAddress) alone = NULL;
  int lone_city = -1;
  guint from = city_line->value_token;

  alone = porting_address_parse_tokens (page->tokens, from, city_line->last_token);
  if (alone->city == NULL && value->address->city != NULL)
    {
      for (guint back = c - 1; back > l && lone_city < 0; back--)
        {
          Line *line = &g_array_index (page->lines, Line, back);

          if (line->first_token < line->last_token &&
              line_is_loa_city (value, page, line->first_token, line->last_token))
            lone_city = back;
        }
    }

  if (lone_city < 0)
    {
      append_line_tokens (page, tokens, from, city_line->last_token, FALSE);
      return;
    }

  {
    Line *line = &g_array_index (page->lines, Line, lone_city);
    guint region_at = from;

    append_line_tokens (page, tokens, line->first_token, line->last_token, FALSE);
    while (region_at < city_line->last_token && TOKEN (page->tokens, region_at)->start < alone->city_start)
      region_at++;
    append_joined_tokens (page, tokens, region_at, city_line->last_token);
  }
}

/* Tables scrambled by the text extraction put the city, the state and the
 * ZIP code each on a line of its own below the street ("AUSTIN" / "TX" /
 * "78741"): lines that are exactly one of those, close below, make the city
 * line. */
static void
append_scattered_city_line (LoaValue *value,
                            Page     *page,
                            guint     l,
                            GArray   *tokens)
{
  int city_line = -1;
  int region_line = -1;
  int postal_line = -1;

  for (guint next = l + 1; next < page->lines->len && next <= l + 3 * CITY_LINES; next++)
    {
      Line *next_line = &g_array_index (page->lines, Line, next);
      guint from = next_line->first_token;
      guint to = next_line->last_token;
      g_autoptr(PortingAddress) alone = NULL;
      GString *joined;
      gboolean is_region;

      if (!_porting_field_same_block (page, l, next))
        break;
      if (from >= to || to - from > 4 || page->excluded[from])
        continue;

      if (city_line < 0 && value->address->city != NULL && line_is_loa_city (value, page, from, to))
        {
          city_line = next;
          continue;
        }

      joined = g_string_new (NULL);
      for (guint i = from; i < to; i++)
        {
          if (i > from)
            g_string_append_c (joined, ' ');
          g_string_append (joined, TOKEN (page->tokens, i)->folded);
        }
      is_region = porting_normalize_region (joined->str) != NULL;
      g_string_free (joined, TRUE);
      if (region_line < 0 && is_region)
        {
          region_line = next;
          continue;
        }

      /* A postal code alone: parsed behind a placeholder word, as a postal
       * code never opens an address. */
      if (postal_line < 0 && to - from <= 2)
        {
          g_autoptr(GArray) probe = g_array_new (FALSE, FALSE, sizeof (PortingToken));
          PortingToken placeholder = { 0, 0, 0, (char *) "X" };

          g_array_append_val (probe, placeholder);
          g_array_append_vals (probe, TOKEN (page->tokens, from), to - from);
          alone = porting_address_parse_tokens (probe, 0, probe->len);
          if (alone->postal_code != NULL)
            postal_line = next;
        }
    }

  if (postal_line < 0 || (city_line < 0 && region_line < 0))
    return;

  if (city_line >= 0)
    {
      Line *city = &g_array_index (page->lines, Line, city_line);

      append_line_tokens (page, tokens, city->first_token, city->last_token, FALSE);
    }
  /* City, region and postal code read as one line. */
  if (region_line >= 0)
    {
      Line *region = &g_array_index (page->lines, Line, region_line);

      if (city_line >= 0)
        append_joined_tokens (page, tokens, region->first_token, region->last_token);
      else
        append_line_tokens (page, tokens, region->first_token, region->last_token, FALSE);
    }

  {
    Line *postal = &g_array_index (page->lines, Line, postal_line);

    append_joined_tokens (page, tokens, postal->first_token, postal->last_token);
  }
}

/* A table row of cells ("2201 E RIVERSIDE DR | AUSTIN | TX | 78741"), each
 * its own block: the cells right of the street line on its row, in order,
 * up to the one that completes a city line. */
static gboolean
append_row_city_line (Page   *page,
                      guint   l,
                      GArray *tokens)
{
  const Line *line = &g_array_index (page->lines, Line, l);
  const PortingRect *street;
  g_autoptr(GArray) cells = NULL;
  g_autoptr(GArray) probe = NULL;
  double right;

  if (line->text_line < 0)
    return FALSE;
  street = &g_array_index (page->page->lines, PortingTextLine, line->text_line).rect;

  cells = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < page->lines->len; c++)
    {
      const Line *cell = &g_array_index (page->lines, Line, c);
      const PortingRect *rect;
      double height;

      if (cell->text_line < 0 || cell->block == line->block)
        continue;
      rect = &g_array_index (page->page->lines, PortingTextLine, cell->text_line).rect;
      height = MIN (rect->y2 - rect->y1, street->y2 - street->y1);
      if (rect->x1 >= street->x2 - 1 && MIN (rect->y2, street->y2) - MAX (rect->y1, street->y1) >= 0.5 * height)
        g_array_append_val (cells, c);
    }
  if (cells->len == 0)
    return FALSE;

  /* Left to right (few cells: a plain insertion sort). */
  for (guint i = 1; i < cells->len; i++)
    for (guint j = i; j > 0; j--)
      {
        guint *a = &g_array_index (cells, guint, j - 1);
        guint *b = &g_array_index (cells, guint, j);
        const Line *line_a = &g_array_index (page->lines, Line, *a);
        const Line *line_b = &g_array_index (page->lines, Line, *b);

        if (g_array_index (page->page->lines, PortingTextLine, line_a->text_line).rect.x1 <=
            g_array_index (page->page->lines, PortingTextLine, line_b->text_line).rect.x1)
          break;
        { guint swap = *a; *a = *b; *b = swap; }
      }

  probe = g_array_new (FALSE, FALSE, sizeof (PortingToken));
  right = street->x2;
  for (guint i = 0; i < cells->len && i < 4; i++)
    {
      const Line *cell = &g_array_index (page->lines, Line, g_array_index (cells, guint, i));
      const PortingRect *rect = &g_array_index (page->page->lines, PortingTextLine, cell->text_line).rect;

      /* Cells of one row sit a few words apart, not across the page. */
      if (rect->x1 - right > 12 * (rect->y2 - rect->y1))
        break;
      right = rect->x2;
      if (probe->len == 0)
        append_line_tokens (page, probe, cell->value_token, cell->last_token, FALSE);
      else
        append_joined_tokens (page, probe, cell->value_token, cell->last_token);

      {
        g_autoptr(PortingAddress) address = porting_address_parse_tokens (probe, 0, probe->len);

        if (address->postal_code != NULL)
          {
            guint at = tokens->len;

            g_array_append_vals (tokens, probe->data, probe->len);
            if (at > 0)
              {
                PortingToken *first = TOKEN (tokens, at);

                first->flags |= PORTING_TOKEN_SEGMENT_BREAK;
              }
            return TRUE;
          }
      }
    }

  return FALSE;
}

/* Without commas, "455 RUE SAINT-PAUL OUEST MONTREAL QC" leaves no sign of
 * where the street ends; the LOA's city, at the end of it, is one. */
static void
split_city_off_street (PortingAddress       *address,
                       const PortingAddress *loa)
{
  gsize street_len;
  gsize city_len;

  if (address->city != NULL || loa->city == NULL || address->street == NULL)
    return;

  street_len = strlen (address->street);
  city_len = strlen (loa->city);
  if (street_len > city_len + 1 && address->street[street_len - city_len - 1] == ' ' &&
      g_str_equal (address->street + street_len - city_len, loa->city))
    {
      address->city = g_strdup (loa->city);
      address->street[street_len - city_len - 1] = '\0';
    }
}

static void
find_address_from (LoaValue  *value,
                   Page      *page,
                   guint      l,
                   guint      first,
                   Candidate *best)
{
  Line *line = &g_array_index (page->lines, Line, l);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (PortingToken));
  g_autoptr(PortingAddress) address = NULL;
  Candidate candidate;
  guint street_last = line->last_token;
  double score;
  gboolean close;

  /* "Unit 5, 123 Main St": a unit before the house number belongs to it. */
  if (first >= line->first_token + 2 && !page->excluded[first - 2] &&
      porting_normalize_unit_designator (TOKEN (page->tokens, first - 2)->folded) != NULL)
    append_line_tokens (page, tokens, first - 2, first, FALSE);

  append_line_tokens (page, tokens, first, street_last, TRUE);

  if (!_porting_field_has_postal_code (page, first, street_last))
    {
      gboolean city_line_found = FALSE;

      for (guint next = l + 1; next < page->lines->len && next <= l + CITY_LINES; next++)
        {
          Line *next_line = &g_array_index (page->lines, Line, next);
          guint from = next_line->value_token;

          /* An address is one block: up to four lines of it. */
          if (!_porting_field_same_block (page, l, next))
            break;
          if (from >= next_line->last_token)
            continue;
          if (line_is_unit_line (page, next_line))
            {
              append_line_tokens (page, tokens, from, next_line->last_token, TRUE);
              continue;
            }
          if (_porting_field_has_postal_code (page, from, next_line->last_token))
            {
              append_city_line (value, page, l, next, tokens);
              city_line_found = TRUE;
              break;
            }
        }

      if (!city_line_found && page->has_blocks)
        city_line_found = append_row_city_line (page, l, tokens);
      if (!city_line_found)
        append_scattered_city_line (value, page, l, tokens);
    }

  if (tokens->len == 0)
    return;

  address = porting_address_parse_tokens (tokens, 0, tokens->len);
  split_city_off_street (address, value->address);
  if (!porting_address_is_close (value->address, address))
    return;

  _porting_candidate_init (&candidate);
  candidate.labelled = line->labelled;
  candidate.differences = g_ptr_array_new_with_free_func (g_free);
  score = porting_address_compare (value->address, address, candidate.differences);
  close = score >= 0.4;
  if (!close)
    {
      _porting_candidate_clear (&candidate);
      return;
    }

  candidate.score = score;
  candidate.text = address_proof_text (page, tokens, address, &candidate.start, &candidate.end);
  if (candidate.differences->len == 0)
    {
      g_clear_pointer (&candidate.differences, g_ptr_array_unref);
      candidate.status = porting_normalize_same_characters (candidate.text, -1, value->loa_text, -1) ?
                         PORTING_FIELD_STATUS_EXACT : PORTING_FIELD_STATUS_EQUIVALENT;
    }
  else
    {
      candidate.status = PORTING_FIELD_STATUS_MISMATCH;
    }

  _porting_candidate_offer (best, &candidate);
}

void
_porting_field_find_address (LoaValue  *value,
                             Page      *page,
                             Candidate *best)
{
  if (value->address->house_number == NULL && value->address->street == NULL)
    return;

  for (guint l = 0; l < page->lines->len; l++)
    {
      Line *line = &g_array_index (page->lines, Line, l);

      if (!line_has_loa_word (value, page, line->first_token, line->last_token))
        continue;

      for (guint i = line->first_token; i + 1 < line->last_token; i++)
        {
          const char *folded = TOKEN (page->tokens, i)->folded;

          if (page->excluded[i] || !g_ascii_isdigit (folded[0]) || strlen (folded) > 12)
            continue;
          /* "1200 Harbor", "350 5th Ave", "10234 104 St NW" */
          if (!is_alpha_word (TOKEN (page->tokens, i + 1)->folded) &&
              !is_ordinal_number (TOKEN (page->tokens, i + 1)->folded) &&
              !(i + 2 < line->last_token && g_ascii_isdigit (TOKEN (page->tokens, i + 1)->folded[0]) &&
                porting_normalize_street_suffix (TOKEN (page->tokens, i + 2)->folded) != NULL))
            continue;
          /* "PO Box 7700 Sacramento", "Suite 400 Oakland" */
          if (i > line->first_token)
            {
              const char *previous = TOKEN (page->tokens, i - 1)->folded;

              if (g_str_equal (previous, "BOX") || g_str_equal (previous, "CP") ||
                  porting_normalize_unit_designator (previous) != NULL)
                continue;
            }

          find_address_from (value, page, l, i, best);
        }
    }
}
