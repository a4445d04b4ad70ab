/* porting-page-labels.c — a label and the value beside it, one line of a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-page-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "porting-normalize.h"
#include "porting-page-layout-private.h"

static GString *
segment_text (Layout        *layout,
              const Segment *segment,
              GString       *out)
{
  g_string_truncate (out, 0);
  for (guint i = 0; i < segment->n_items; i++)
    {
      const Item *item = &g_array_index (layout->items, Item, segment->first_item + i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, item->text, item->length);
    }
  return out;
}

/* The words a label ends with: "Account number", "BILLING NAME", "Bill to". */
static gboolean
is_label_word (const char *folded)
{
  static const char * const words[] = {
    "NAME", "NUMBER", "NO", "NUM", "NBR", "ID", "#", "ADDRESS", "DATE", "BTN", "TN", "WTN",
    "CARRIER", "PROVIDER", "ACCOUNT", "ACCT", "CUSTOMER", "CLIENT", "TO", "LOCATION", "PERIOD",
    "DUE", "TOTAL", "BALANCE", "AMOUNT", "PHONE", "TELEPHONE", "TEL", "EMAIL", "TYPE", "PLAN",
    "STATUS", "CITY", "STATE", "ZIP", "CODE", "PROVINCE", "COUNTRY", "HOLDER", "PIN", "REF",
    "REFERENCE", "SUBSCRIBER", "COMPANY", "BUSINESS", "CONTACT", "SIGNATURE", "TITLE",
    "NOM", "ADRESSE", "NUMERO", "COMPTE", "FACTURE", "FACTURATION", "A", "VILLE", "PAYS",
    "COURRIEL", "TITULAIRE", "FOURNISSEUR", "TELEPHONE", "ENTREPRISE", "DU", "SERVICE",
    "PERSON", "SIGNER", "PORT", "PORTED", "TRANSFERER", "POSTAL", "SIGNATAIRE", "PERSONNE",
    NULL
  };

  return g_strv_contains (words, folded);
}

/* "Account number:", "Bill To", "CARRIER ......": a label waiting for its
 * value. Read from the words themselves: most segments are no label, and
 * this is asked of every one. */
static gboolean
segment_is_label_like (Layout        *layout,
                       const Segment *segment)
{
  const Item *last = &g_array_index (layout->items, Item, segment->first_item + segment->n_items - 1);
  const char *text = last->text;
  guint length = last->length;
  g_autofree char *folded = NULL;
  gsize n;

  while (length > 0 && text[length - 1] == '_')
    length--;
  if (length == 0)
    return FALSE;
  if (text[length - 1] == ':' || (length >= 3 && memcmp (text + length - 3, "：", 3) == 0) ||
      (length >= 2 && text[length - 1] == '.' && text[length - 2] == '.'))
    return TRUE;

  if (segment->n_items > 5)
    return FALSE;
  for (guint i = 0; i < segment->n_items; i++)
    {
      const Item *item = &g_array_index (layout->items, Item, segment->first_item + i);

      for (guint c = 0; c < item->length; c++)
        {
          if (g_ascii_isdigit (item->text[c]))
            return FALSE;
        }
    }

  /* Its last word, upper case, without accents or punctuation. */
  folded = porting_normalize_fold (text, length);
  n = strlen (folded);
  while (n > 0 && !g_ascii_isalnum (folded[n - 1]) && folded[n - 1] != '#')
    folded[--n] = '\0';
  {
    char *start = folded;

    while (*start != '\0' && !g_ascii_isalnum (*start) && *start != '#')
      start++;
    return *start != '\0' && is_label_word (start);
  }
}

/* The same of a text: a value beside a label must be none. */
static gboolean
is_label_like (const char *text)
{
  gsize length = strlen (text);
  g_autoptr(GArray) tokens = NULL;
  const PortingToken *last;

  while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '_'))
    length--;
  if (length == 0)
    return FALSE;
  if (text[length - 1] == ':' || (length >= 3 && memcmp (text + length - 3, "：", 3) == 0) ||
      (length >= 2 && text[length - 1] == '.' && text[length - 2] == '.'))
    return TRUE;

  tokens = porting_normalize_tokenize (text, length, 0);
  if (tokens->len == 0 || tokens->len > 5)
    return FALSE;
  for (guint i = 0; i < tokens->len; i++)
    {
      if (strpbrk (g_array_index (tokens, PortingToken, i).folded, "0123456789") != NULL)
        return FALSE;
    }
  last = &g_array_index (tokens, PortingToken, tokens->len - 1);
  return is_label_word (last->folded);
}

/* "Amount due $88.10", "Due date Dec 1, 2026": a few words ending with a
 * label's word, then a value with digits. */
static gboolean
starts_with_label (const char *text)
{
  g_autoptr(GArray) tokens = porting_normalize_tokenize (text, -1, 0);

  for (guint n = 1; n <= 3 && n < tokens->len; n++)
    {
      const char *folded = g_array_index (tokens, PortingToken, n - 1).folded;

      if (g_ascii_isdigit (folded[0]))
        return FALSE;
      if (!is_label_word (folded))
        continue;
      for (guint i = n; i < tokens->len; i++)
        {
          if (strpbrk (g_array_index (tokens, PortingToken, i).folded, "0123456789") != NULL)
            return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* "Account number: 8841", "ACCOUNT ...... 8841", "Amount due $88.10": a
 * label with its value in one segment. */
static gboolean
holds_own_label (const char *text)
{
  const char *colon = strchr (text, ':');
  const char *leaders = strstr (text, "..");
  const char *ellipsis = strstr (text, "…");

  return (colon != NULL && colon[1] != '\0' && colon - text < 40) ||
         (leaders != NULL && leaders > text && leaders - text < 40) ||
         (ellipsis != NULL && ellipsis > text && ellipsis - text < 40) ||
         starts_with_label (text);
}

/* The segment in the rows after @label's that stands under it, or -1. */
static int
segment_under (Layout        *layout,
               const Segment *label)
{
  for (guint row = label->row + 1; row <= label->row + 2 && row + 1 < layout->row_first->len; row++)
    {
      guint first = g_array_index (layout->row_first, guint, row);
      guint last = g_array_index (layout->row_first, guint, row + 1);

      for (guint s = first; s < last; s++)
        {
          const Segment *segment = &g_array_index (layout->segments, Segment, s);

          if (segment->rect.y1 - label->rect.y2 > 2 * LINE_GAP * label->height)
            return -1;
          if (overlap (segment->rect.x1, segment->rect.x2, label->rect.x1, label->rect.x2) > 0)
            return s;
        }
    }
  return -1;
}

/* Whether the segment after @s on its row starts where @value does: the
 * next row of a table of fields. */
static gboolean
has_value_aligned_with (Layout        *layout,
                        guint          s,
                        const Segment *value)
{
  const Segment *segment = &g_array_index (layout->segments, Segment, s);
  const Segment *next;

  if (s + 1 >= layout->segments->len)
    return FALSE;
  next = &g_array_index (layout->segments, Segment, s + 1);
  return next->row == segment->row && fabs (next->rect.x1 - value->rect.x1) <= 1.5 * value->height;
}

static gboolean
ends_with_separator (const char *text)
{
  gsize length = strlen (text);

  while (length > 0 && text[length - 1] == ' ')
    length--;
  return length > 0 && (text[length - 1] == ':' || (length >= 2 && text[length - 2] == '.' && text[length - 1] == '.'));
}

/* A label and the value beside it make one line, in a table of fields:
 * under the label is another label or nothing. Under "BILL TO" beside
 * "Amount due $45.00" is the customer's name: two columns, not a pair. */
void
_porting_layout_pair_labels_with_values (Layout *layout)
{
  g_autoptr(GString) label_text = g_string_new (NULL);
  g_autoptr(GString) value_text = g_string_new (NULL);
  g_autoptr(GString) under_text = g_string_new (NULL);

  for (guint row = 0; row + 1 < layout->row_first->len; row++)
    {
      guint first = g_array_index (layout->row_first, guint, row);
      guint last = g_array_index (layout->row_first, guint, row + 1);

      for (guint s = first; s + 1 < last; s++)
        {
          Segment *label = &g_array_index (layout->segments, Segment, s);
          Segment *value = &g_array_index (layout->segments, Segment, s + 1);
          int under;

          if (label->is_value || !segment_is_label_like (layout, label))
            continue;
          segment_text (layout, label, label_text);
          segment_text (layout, value, value_text);
          if (is_label_like (value_text->str) || holds_own_label (value_text->str))
            continue;
          under = segment_under (layout, label);
          if (under >= 0 && !ends_with_separator (label_text->str))
            {
              segment_text (layout, &g_array_index (layout->segments, Segment, under), under_text);
              if (!is_label_like (under_text->str) && !holds_own_label (under_text->str) &&
                  !has_value_aligned_with (layout, under, value))
                continue;
            }

          label->next = s + 1;
          value->is_value = TRUE;
          rect_union (&label->line_rect, &value->rect);
          label->height = MAX (label->height, value->height);
        }
    }
}
