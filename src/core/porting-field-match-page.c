/* porting-field-match-page.c — a proof page in lines: labels, customer blocks, the carrier's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-field-match"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-field-match-private.h"

/* Labels of the customer's blocks: names and addresses. */
static const char * const labels[][5] = {
  { "ACCOUNT", "HOLDER", "NAME" },
  { "ACCOUNT", "HOLDER" },
  { "ACCOUNT", "NAME" },
  { "CUSTOMER", "NAME" },
  { "BILLING", "NAME" },
  { "BILL", "TO" },
  { "BILLED", "TO" },
  { "SOLD", "TO" },
  { "SHIP", "TO" },
  { "SERVICE", "NAME" },
  { "BUSINESS", "NAME" },
  { "COMPANY", "NAME" },
  { "SUBSCRIBER", "NAME" },
  { "LISTED", "NAME" },
  { "LEGAL", "NAME" },
  { "NOM", "DU", "CLIENT" },
  { "NOM", "DE", "L", "ENTREPRISE" },
  { "NOM", "DU", "TITULAIRE" },
  { "TITULAIRE", "DU", "COMPTE" },
  { "FACTURE", "A" },
  { "FACTURER", "A" },
  { "FACTURE", "AU", "NOM", "DE" },
  { "CUSTOMER", "INFORMATION" },
  { "ACCOUNT", "INFORMATION" },
  { "SERVICE", "FOR" },
  { "CUSTOMER" },
  { "COMPANY" },
  { "SUBSCRIBER" },
  { "CLIENT" },
  { "NAME" },
  { "NOM" },
  { "SERVICE", "ADDRESS" },
  { "SERVICE", "LOCATION" },
  { "BILLING", "ADDRESS" },
  { "STREET", "ADDRESS" },
  { "MAILING", "ADDRESS" },
  { "ADRESSE", "DE", "SERVICE" },
  { "ADRESSE", "DU", "SERVICE" },
  { "ADRESSE", "D", "INSTALLATION" },
  { "LIEU", "DU", "SERVICE" },
  { "ADRESSE", "DE", "FACTURATION" },
  { "ADRESSE", "D", "INSTALLATION" },
  { "ADRESSE" },
  { "ADDRESS" },
  { "LOCATION" },
};

/* Where the carrier asks to be paid: never the customer's name or address. */
static const char * const remit_phrases[][4] = {
  { "REMIT" }, { "REMITTANCE" }, { "PAYABLE", "TO" }, { "PAY", "TO" },
  { "MAIL", "PAYMENT" }, { "MAIL", "PAYMENTS" }, { "SEND", "PAYMENT" }, { "SEND", "PAYMENTS" },
  { "PAYMENT", "ADDRESS" }, { "PAYMENTS", "TO" }, { "PAYMENT", "TO" }, { "RETURN", "THIS", "PORTION" },
  { "PAYMENT", "COUPON" }, { "DETACH", "AND", "RETURN" }, { "RETURN", "WITH", "PAYMENT" },
  { "LIBELLER", "A" }, { "POSTER", "A" }, { "PAYEZ", "A" }, { "PAYABLE", "A" }, { "A", "L", "ORDRE", "DE" },
  { "RETOURNER", "A" }, { "RETOURNEZ", "A" }, { "ADRESSE", "DE", "PAIEMENT" }, { "ADRESSE", "DE", "RETOUR" },
  { "ENVOYER", "VOTRE", "PAIEMENT" }, { "COUPON", "DE", "PAIEMENT" }, { "TALON", "DE", "PAIEMENT" },
};

/* The carrier's own name, on its line. */
static const char * const carrier_phrases[][4] = {
  { "CARRIER" }, { "PROVIDER" }, { "SERVICE", "PROVIDER" }, { "FOURNISSEUR" },
};

gboolean
_porting_field_tokens_are (Page               *page,
                           guint               i,
                           guint               last,
                           const char * const *words,
                           guint               n_words)
{
  if (i + n_words > last)
    return FALSE;
  for (guint k = 0; k < n_words; k++)
    {
      const char *folded = TOKEN (page->tokens, i + k)->folded;

      if (folded[0] != words[k][0] || strcmp (folded, words[k]) != 0)
        return FALSE;
    }
  return TRUE;
}

guint
_porting_field_count_words (const char * const *words,
                            guint               max)
{
  guint n = 0;

  while (n < max && words[n] != NULL)
    n++;
  return n;
}

/* A label at tokens[i]: returns how many tokens it takes, 0 when none. A
 * single word is a label only when ':' or leaders follow it or it ends the
 * line; two words also when they open the line. */
static guint
label_at (Page     *page,
          guint     i,
          guint     last,
          gboolean  line_start)
{
  for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
    {
      guint n = _porting_field_count_words (labels[l], 5);
      const PortingToken *end_token;

      if (!_porting_field_tokens_are (page, i, last, labels[l], n))
        continue;

      end_token = TOKEN (page->tokens, i + n - 1);
      if ((end_token->flags & PORTING_TOKEN_PUNCT_END) != 0 || i + n == last ||
          (n >= 2 && line_start))
        return n;
    }

  return 0;
}

/* A state or province and a postal code: a city line ("Invoice # 12345" is not). */
gboolean
_porting_field_has_postal_code (Page  *page,
                                guint  first,
                                guint  last)
{
  g_autoptr(PortingAddress) address = NULL;

  if (first >= last)
    return FALSE;
  address = porting_address_parse_tokens (page->tokens, first, last);
  return address->postal_code != NULL && address->region != NULL;
}

int
_porting_field_line_beside (Page  *page,
                            guint  l)
{
  const Line *line = &g_array_index (page->lines, Line, l);
  const PortingRect *rect;
  double best_x = G_MAXDOUBLE;
  int best = -1;

  if (line->text_line < 0)
    return -1;
  rect = &g_array_index (page->page->lines, PortingTextLine, line->text_line).rect;

  for (guint o = 0; o < page->lines->len; o++)
    {
      const Line *other = &g_array_index (page->lines, Line, o);
      const PortingRect *other_rect;
      double height;

      if (other->text_line < 0 || other->block == line->block)
        continue;
      other_rect = &g_array_index (page->page->lines, PortingTextLine, other->text_line).rect;
      height = MIN (rect->y2 - rect->y1, other_rect->y2 - other_rect->y1);
      if (other_rect->x1 < rect->x2 - 1 ||
          MIN (rect->y2, other_rect->y2) - MAX (rect->y1, other_rect->y1) < 0.5 * height)
        continue;
      if (other_rect->x1 < best_x)
        {
          best_x = other_rect->x1;
          best = o;
        }
    }

  return best;
}

gboolean
_porting_field_same_block (Page  *page,
                           guint  a,
                           guint  b)
{
  int block_a;

  if (!page->has_blocks)
    return TRUE;
  block_a = g_array_index (page->lines, Line, a).block;
  return block_a >= 0 && block_a == g_array_index (page->lines, Line, b).block;
}

/* A "Label: value" line that is not part of an address ("Attn: Payments" is). */
static gboolean
line_has_label_punctuation (Page *page,
                            Line *line)
{
  if (line->first_token < line->last_token)
    {
      const char *first_word = TOKEN (page->tokens, line->first_token)->folded;

      if (g_str_equal (first_word, "ATTN") || g_str_equal (first_word, "ATTENTION"))
        return FALSE;
    }

  for (guint i = line->first_token; i < line->last_token; i++)
    {
      if ((TOKEN (page->tokens, i)->flags & PORTING_TOKEN_PUNCT_END) != 0)
        return TRUE;
    }
  return FALSE;
}

/* A customer block's label-only line next to line @l, or @l inside the
 * block such a line opens. */
static gboolean
is_interleaved_with_block (Page  *page,
                           guint  l)
{
  Line *line = &g_array_index (page->lines, Line, l);

  if (line->labelled && line->value_token == line->first_token)
    return TRUE;

  for (int d = -1; d <= 1; d += 2)
    {
      Line *neighbour;

      if ((int) l + d < 0 || (guint) ((int) l + d) >= page->lines->len)
        continue;
      neighbour = &g_array_index (page->lines, Line, l + d);
      if (neighbour->labelled && neighbour->value_token > neighbour->first_token &&
          neighbour->value_token >= neighbour->last_token)
        return TRUE;
    }

  return FALSE;
}

/* The words of remit and carrier phrases ("PAYABLE", "TO", "A"…). */
static gboolean
may_be_in_phrase (const char *folded)
{
  static GHashTable *words;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      words = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint r = 0; r < G_N_ELEMENTS (remit_phrases); r++)
        for (guint w = 0; w < 4 && remit_phrases[r][w] != NULL; w++)
          g_hash_table_add (words, (gpointer) remit_phrases[r][w]);
      for (guint r = 0; r < G_N_ELEMENTS (carrier_phrases); r++)
        for (guint w = 0; w < 4 && carrier_phrases[r][w] != NULL; w++)
          g_hash_table_add (words, (gpointer) carrier_phrases[r][w]);
      g_hash_table_add (words, (gpointer) "PLEASE");
      g_once_init_leave (&initialized, 1);
    }

  return g_hash_table_contains (words, folded);
}

/* Whether a remit or carrier phrase can start with this word: one look-up
 * per word instead of one comparison per phrase. */
static gboolean
may_open_phrase (const char *folded)
{
  static GHashTable *first_words;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      first_words = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint r = 0; r < G_N_ELEMENTS (remit_phrases); r++)
        g_hash_table_add (first_words, (gpointer) remit_phrases[r][0]);
      for (guint r = 0; r < G_N_ELEMENTS (carrier_phrases); r++)
        g_hash_table_add (first_words, (gpointer) carrier_phrases[r][0]);
      g_once_init_leave (&initialized, 1);
    }

  return g_hash_table_contains (first_words, folded);
}

static void
exclude_remit_blocks (Page *page)
{
  for (guint l = 0; l < page->lines->len; l++)
    {
      Line *line = &g_array_index (page->lines, Line, l);

      for (guint i = line->first_token; i < line->last_token; i++)
        {
          gboolean found = FALSE;
          gboolean carrier = FALSE;
          guint n = 0;

          if (!may_open_phrase (TOKEN (page->tokens, i)->folded))
            continue;

          for (guint r = 0; r < G_N_ELEMENTS (remit_phrases) && !found; r++)
            {
              n = _porting_field_count_words (remit_phrases[r], 4);
              found = _porting_field_tokens_are (page, i, line->last_token, remit_phrases[r], n);
            }
          /* "CARRIER ..... MAPLE LEAF", "Provider: NorthStar": a label, not "carrier fees" */
          for (guint r = 0; r < G_N_ELEMENTS (carrier_phrases) && !found; r++)
            {
              n = _porting_field_count_words (carrier_phrases[r], 4);
              carrier = found = _porting_field_tokens_are (page, i, line->last_token, carrier_phrases[r], n) &&
                                (TOKEN (page->tokens, i + n - 1)->flags & PORTING_TOKEN_PUNCT_END) != 0;
            }
          if (!found)
            continue;

          {
            /* Who is to be paid, or named the carrier: the proof's carrier,
             * after the phrase ("Remit payment to: X", "payable to X"), or
             * on the next line of its block. */
            guint payee = i + n;

            while (payee < line->last_token && payee < i + n + 2 &&
                   (TOKEN (page->tokens, payee - 1)->flags & PORTING_TOKEN_PUNCT_END) == 0 &&
                   may_be_in_phrase (TOKEN (page->tokens, payee)->folded))
              payee++;
            if (payee >= line->last_token && l + 1 < page->lines->len && _porting_field_same_block (page, l, l + 1))
              payee = g_array_index (page->lines, Line, l + 1).first_token;
            if (payee < page->tokens->len)
              g_array_append_val (page->payees, payee);
          }

          if (carrier)
            {
              for (guint k = i; k < line->last_token; k++)
                page->excluded[k] = TRUE;
              break;
            }

          /* From the phrase on, and the lines after it down to its postal code;
           * but where the text extraction interleaves the remit-to block with
           * the customer's ("Bill To:" / "Remit to:" / name / carrier / …),
           * the lines after it are not the carrier's alone. */
          for (guint k = i; k < line->last_token; k++)
            page->excluded[k] = TRUE;
          if ((page->has_blocks || !is_interleaved_with_block (page, l)) &&
              !_porting_field_has_postal_code (page, i, line->last_token))
            {
              for (guint next = l + 1; next < page->lines->len && next <= l + CITY_LINES; next++)
                {
                  Line *next_line = &g_array_index (page->lines, Line, next);

                  /* A block of its own: the block beside or below is not the carrier's. */
                  if (!_porting_field_same_block (page, l, next))
                    break;
                  if (next_line->first_token < next_line->last_token &&
                      label_at (page, next_line->first_token, next_line->last_token, TRUE) > 0)
                    break;
                  /* "BTN ....... 514-555-0198": a field of the page, not the block's */
                  if (line_has_label_punctuation (page, next_line))
                    break;
                  for (guint k = next_line->first_token; k < next_line->last_token; k++)
                    page->excluded[k] = TRUE;
                  if (_porting_field_has_postal_code (page, next_line->first_token, next_line->last_token))
                    break;
                }
            }
          break;
        }
    }
}

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->tokens, g_array_unref);
  g_clear_pointer (&page->lines, g_array_unref);
  g_clear_pointer (&page->excluded, g_free);
  g_clear_pointer (&page->line_of_token, g_free);
  g_clear_pointer (&page->payees, g_array_unref);
  g_clear_pointer (&page->page, porting_page_text_unref);
}

static void
page_init (Page            *page,
           PortingPageText *page_text)
{
  const char *text = page_text->text;
  guint token = 0;
  guint offset = 0;
  guint block_left = 0;
  guint text_line = 0;

  page->page = porting_page_text_ref (page_text);
  page->has_blocks = page_text->blocks->len > 0;
  page->tokens = porting_normalize_tokenize (text, -1, 0);
  page->excluded = g_new0 (gboolean, page->tokens->len + 1);
  page->line_of_token = g_new0 (guint, page->tokens->len + 1);
  page->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  page->payees = g_array_new (FALSE, FALSE, sizeof (guint));

  while (TRUE)
    {
      const char *newline = strchr (text + offset, '\n');
      guint end = newline != NULL ? (guint) (newline - text) : (guint) strlen (text);
      Line line = { 0 };

      line.start = offset;
      line.end = end;
      line.first_token = token;
      while (token < page->tokens->len && TOKEN (page->tokens, token)->start < end)
        {
          page->line_of_token[token] = page->lines->len;
          token++;
        }
      line.last_token = token;
      line.value_token = line.first_token;
      line.block = page->has_blocks ? porting_page_text_find_block (page_text, line.start) : 0;
      line.text_line = -1;
      while (text_line < page_text->lines->len &&
             g_array_index (page_text->lines, PortingTextLine, text_line).start < line.start)
        text_line++;
      if (text_line < page_text->lines->len &&
          g_array_index (page_text->lines, PortingTextLine, text_line).start == line.start &&
          line.end > line.start)
        line.text_line = text_line;
      g_array_append_val (page->lines, line);

      if (newline == NULL)
        break;
      offset = end + 1;
    }

  /* Labels: the value follows on the same line, or in the next lines. */
  for (guint l = 0; l < page->lines->len; l++)
    {
      Line *line = &g_array_index (page->lines, Line, l);
      guint n = 0;

      if (line->first_token < line->last_token)
        n = label_at (page, line->first_token, line->last_token, TRUE);

      if (n > 0)
        {
          line->labelled = TRUE;
          line->value_token = line->first_token + n;
          /* A run of label-only lines ("ACCOUNT NAME" / "SERVICE ADDRESS")
           * heads a block of values below them: on a laid-out page, the
           * rest of its block. */
          block_left = line->value_token >= line->last_token ? BLOCK_LINES : 0;
          if (page->has_blocks && block_left > 0)
            block_left = G_MAXUINT;
        }
      else if (block_left > 0 && line->first_token < line->last_token &&
               (l == 0 || _porting_field_same_block (page, l - 1, l)))
        {
          line->labelled = TRUE;
          block_left--;
        }
      else if (page->has_blocks)
        {
          block_left = 0;
        }
    }

  exclude_remit_blocks (page);
}

void
_porting_field_page_release (Page *page)
{
  g_atomic_rc_box_release_full (page, page_clear);
}

G_LOCK_DEFINE_STATIC (last_page);
static Page *last_page;

/* The name, the address, the account and the billing number are looked for
 * on the same page one after the other: read it once. The page last read is
 * kept (with a reference, so that its address is not reused). */
Page *
_porting_field_page_acquire (PortingPageText *page_text)
{
  Page *page;

  G_LOCK (last_page);
  if (last_page != NULL && last_page->page == page_text)
    {
      page = g_atomic_rc_box_acquire (last_page);
      G_UNLOCK (last_page);
      return page;
    }
  G_UNLOCK (last_page);

  page = g_atomic_rc_box_new0 (Page);
  page_init (page, page_text);

  G_LOCK (last_page);
  g_clear_pointer (&last_page, _porting_field_page_release);
  last_page = g_atomic_rc_box_acquire (page);
  G_UNLOCK (last_page);

  return page;
}
