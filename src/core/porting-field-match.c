/* porting-field-match.c — find an LOA field in a proof page and say how well it matches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-field-match"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-field-match.h"
#include "porting-normalize.h"

#define TOKEN(tokens, i) (&g_array_index ((tokens), PortingToken, (i)))

/* How many lines after a label-only line still belong to its block. */
#define BLOCK_LINES 4
/* How many lines after a street line may hold its city line. */
#define CITY_LINES 4

/* ---- PortingFieldResult ------------------------------------------------- */

G_DEFINE_BOXED_TYPE (PortingFieldResult, porting_field_result,
                     porting_field_result_copy, porting_field_result_free)

PortingFieldResult *
porting_field_result_new (PortingField  field,
                          const char   *loa_text)
{
  PortingFieldResult *self;

  self = g_new0 (PortingFieldResult, 1);
  self->field = field;
  self->status = PORTING_FIELD_STATUS_NOT_FOUND;
  self->loa_text = g_strdup (loa_text);
  self->proof_page = -1;
  self->loa_page = -1;
  self->differences = g_ptr_array_new_with_free_func (g_free);

  return self;
}

PortingFieldResult *
porting_field_result_copy (const PortingFieldResult *self)
{
  PortingFieldResult *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PortingFieldResult, 1);
  *copy = *self;
  copy->loa_text = g_strdup (self->loa_text);
  copy->proof_text = g_strdup (self->proof_text);
  copy->differences = g_ptr_array_new_with_free_func (g_free);
  if (self->differences != NULL)
    {
      for (guint i = 0; i < self->differences->len; i++)
        g_ptr_array_add (copy->differences, g_strdup (g_ptr_array_index (self->differences, i)));
    }

  return copy;
}

void
porting_field_result_free (PortingFieldResult *self)
{
  if (self == NULL)
    return;

  g_free (self->loa_text);
  g_free (self->proof_text);
  g_clear_pointer (&self->differences, g_ptr_array_unref);
  g_free (self);
}

const char *
porting_field_status_to_string (PortingFieldStatus status)
{
  switch (status)
    {
    case PORTING_FIELD_STATUS_EXACT:
      return "exact";
    case PORTING_FIELD_STATUS_EQUIVALENT:
      return "equivalent";
    case PORTING_FIELD_STATUS_MISMATCH:
      return "mismatch";
    case PORTING_FIELD_STATUS_NOT_FOUND:
      return "not-found";
    case PORTING_FIELD_STATUS_UNREADABLE:
      return "unreadable";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
porting_field_to_string (PortingField field)
{
  switch (field)
    {
    case PORTING_FIELD_NAME:
      return "name";
    case PORTING_FIELD_ADDRESS:
      return "address";
    case PORTING_FIELD_ACCOUNT_NUMBER:
      return "account_number";
    case PORTING_FIELD_BTN:
      return "btn";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- The LOA value, normalised once ------------------------------------- */

typedef struct
{
  PortingField    field;
  char           *loa_text;

  /* NAME */
  GPtrArray      *name_words;       /* canonical, const: interned */
  char           *name_joined;      /* the words without spaces */
  guint           n_distinctive;

  /* ADDRESS */
  PortingAddress *address;
  GHashTable     *address_words;    /* house number and street words, interned */

  /* ACCOUNT_NUMBER */
  char           *compact;

  /* BTN */
  char           *digits;
} LoaValue;

static void
loa_value_clear (gpointer data)
{
  LoaValue *value = data;

  g_free (value->loa_text);
  g_clear_pointer (&value->name_words, g_ptr_array_unref);
  g_free (value->name_joined);
  g_clear_pointer (&value->address, porting_address_free);
  g_clear_pointer (&value->address_words, g_hash_table_unref);
  g_free (value->compact);
  g_free (value->digits);
}

static void
loa_value_release (LoaValue *value)
{
  g_atomic_rc_box_release_full (value, loa_value_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoaValue, loa_value_release)

static gboolean
is_filler_word (const char *word)
{
  static const char * const fillers[] = {
    "AND", "THE", "OF", "DE", "DU", "DES", "LA", "LE", "LES", "L", "D", NULL
  };

  return g_strv_contains (fillers, word);
}

static gboolean
is_distinctive_name_word (const char *word)
{
  return !is_filler_word (word) && porting_normalize_company_suffix (word) == NULL;
}

/* Canonical words of a name; "Limited Liability Company" is LLC. */
static GPtrArray *
name_words_from_tokens (GArray *tokens,
                        guint   first,
                        guint   last,
                        GArray *token_of_word)
{
  static const struct { const char *words[4]; const char *canonical; } phrases[] = {
    { { "LIMITED", "LIABILITY", "COMPANY", NULL }, "LLC" },
    { { "LIMITED", "LIABILITY", "CO", NULL }, "LLC" },
    { { "LIMITED", "LIABILITY", "PARTNERSHIP", NULL }, "LLP" },
    { { "LIMITED", "PARTNERSHIP", NULL }, "LP" },
    { { "PROFESSIONAL", "CORPORATION", NULL }, "PC" },
  };
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = first; i < last; i++)
    {
      const char *folded = TOKEN (tokens, i)->folded;
      gboolean phrase_found = FALSE;

      if (g_str_equal (folded, "#"))
        continue;

      for (guint p = 0; p < G_N_ELEMENTS (phrases) && !phrase_found; p++)
        {
          guint n = 0;

          if (folded[0] != phrases[p].words[0][0])
            continue;

          while (n < 4 && phrases[p].words[n] != NULL)
            n++;
          if (i + n > last)
            continue;
          phrase_found = TRUE;
          for (guint k = 0; k < n; k++)
            {
              if (!g_str_equal (TOKEN (tokens, i + k)->folded, phrases[p].words[k]))
                phrase_found = FALSE;
            }
          if (phrase_found)
            {
              g_ptr_array_add (words, (gpointer) phrases[p].canonical);
              if (token_of_word != NULL)
                {
                  guint last_token = i + n - 1;

                  g_array_append_val (token_of_word, i);
                  g_array_append_val (token_of_word, last_token);
                }
              i += n - 1;
            }
        }
      if (phrase_found)
        continue;

      g_ptr_array_add (words, (gpointer) porting_normalize_name_word (folded));
      if (token_of_word != NULL)
        {
          g_array_append_val (token_of_word, i);
          g_array_append_val (token_of_word, i);
        }
    }

  return words;
}

static LoaValue *
loa_value_new (PortingField  field,
               const char   *loa_text)
{
  LoaValue *value = g_atomic_rc_box_new0 (LoaValue);
  g_autoptr(GArray) tokens = porting_normalize_tokenize (loa_text, -1, 0);

  value->field = field;
  value->loa_text = g_strdup (loa_text);

  switch (field)
    {
    case PORTING_FIELD_NAME:
      {
        GString *joined = g_string_new (NULL);

        g_autoptr(GPtrArray) words = name_words_from_tokens (tokens, 0, tokens->len, NULL);

        /* The words point into @tokens: keep copies. */
        value->name_words = g_ptr_array_new ();
        for (guint i = 0; i < words->len; i++)
          g_ptr_array_add (value->name_words, (gpointer) g_intern_string (g_ptr_array_index (words, i)));

        for (guint i = 0; i < value->name_words->len; i++)
          {
            const char *word = g_ptr_array_index (value->name_words, i);

            g_string_append (joined, word);
            if (is_distinctive_name_word (word))
              value->n_distinctive++;
          }
        value->name_joined = g_string_free (joined, FALSE);
      }
      break;

    case PORTING_FIELD_ADDRESS:
      value->address = porting_address_parse_tokens (tokens, 0, tokens->len);
      value->address_words = g_hash_table_new (g_str_hash, g_str_equal);
      if (value->address->house_number != NULL)
        g_hash_table_add (value->address_words, (gpointer) g_intern_string (value->address->house_number));
      if (value->address->street != NULL)
        {
          g_auto(GStrv) words = g_strsplit (value->address->street, " ", -1);

          guint n = g_strv_length (words);

          /* The street type alone ("BLVD") is in too many lines to tell anything. */
          for (guint i = 0; i < n; i++)
            {
              if (strlen (words[i]) >= 2 && (n == 1 || i + 1 < n))
                g_hash_table_add (value->address_words, (gpointer) g_intern_string (words[i]));
            }
        }
      break;

    case PORTING_FIELD_ACCOUNT_NUMBER:
      value->compact = porting_normalize_compact (loa_text, -1);
      break;

    case PORTING_FIELD_BTN:
      value->digits = porting_normalize_phone_digits (loa_text, -1);
      break;

    default:
      g_assert_not_reached ();
    }

  return value;
}

G_LOCK_DEFINE_STATIC (loa_values);
static GHashTable *loa_values;

/* Every page of a long bill asks for the same value: normalise it once. */
static LoaValue *
loa_value_lookup (PortingField  field,
                  const char   *loa_text)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", field, loa_text);
  LoaValue *value;

  G_LOCK (loa_values);

  if (loa_values == NULL)
    loa_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) loa_value_release);

  value = g_hash_table_lookup (loa_values, key);
  if (value == NULL)
    {
      if (g_hash_table_size (loa_values) >= 64)
        g_hash_table_remove_all (loa_values);
      value = loa_value_new (field, loa_text);
      g_hash_table_insert (loa_values, g_steal_pointer (&key), value);
    }
  g_atomic_rc_box_acquire (value);

  G_UNLOCK (loa_values);

  return value;
}

/* ---- The page ----------------------------------------------------------- */

typedef struct
{
  guint     start;           /* bytes */
  guint     end;
  guint     first_token;
  guint     last_token;      /* one past */
  guint     value_token;     /* first token after a label opening the line, else first_token */
  gboolean  labelled;        /* a label opens this line, or it is in a label's block */
} Line;

typedef struct
{
  PortingPageText *page;
  GArray          *tokens;
  gboolean        *excluded;  /* per token: the carrier's remit-to block and such */
  GArray          *lines;     /* of Line */
  guint           *line_of_token;
} Page;

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
  { "ADRESSE" },
  { "ADDRESS" },
  { "LOCATION" },
};

/* Where the carrier asks to be paid: never the customer's name or address. */
static const char * const remit_phrases[][4] = {
  { "REMIT" }, { "REMITTANCE" }, { "PAYABLE", "TO" }, { "PAY", "TO" },
  { "MAIL", "PAYMENT" }, { "MAIL", "PAYMENTS" }, { "SEND", "PAYMENT" }, { "SEND", "PAYMENTS" },
  { "PAYMENT", "ADDRESS" }, { "PAYMENTS", "TO" }, { "PAYMENT", "TO" }, { "RETURN", "THIS", "PORTION" },
  { "LIBELLER", "A" }, { "POSTER", "A" }, { "PAYEZ", "A" }, { "PAYABLE", "A" }, { "A", "L", "ORDRE", "DE" },
};

/* The carrier's own name, on its line. */
static const char * const carrier_phrases[][4] = {
  { "CARRIER" }, { "PROVIDER" }, { "SERVICE", "PROVIDER" }, { "FOURNISSEUR" },
};

static gboolean
tokens_are (Page               *page,
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

static guint
count_words (const char * const *words,
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
      guint n = count_words (labels[l], 5);
      const PortingToken *end_token;

      if (!tokens_are (page, i, last, labels[l], n))
        continue;

      end_token = TOKEN (page->tokens, i + n - 1);
      if ((end_token->flags & PORTING_TOKEN_PUNCT_END) != 0 || i + n == last ||
          (n >= 2 && line_start))
        return n;
    }

  return 0;
}

/* A state or province and a postal code: a city line ("Invoice # 12345" is not). */
static gboolean
has_postal_code (Page  *page,
                 guint  first,
                 guint  last)
{
  g_autoptr(PortingAddress) address = NULL;

  if (first >= last)
    return FALSE;
  address = porting_address_parse_tokens (page->tokens, first, last);
  return address->postal_code != NULL && address->region != NULL;
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

          if (!may_open_phrase (TOKEN (page->tokens, i)->folded))
            continue;

          for (guint r = 0; r < G_N_ELEMENTS (remit_phrases) && !found; r++)
            found = tokens_are (page, i, line->last_token, remit_phrases[r],
                                count_words (remit_phrases[r], 4));
          /* "CARRIER ..... MAPLE LEAF", "Provider: NorthStar": a label, not "carrier fees" */
          for (guint r = 0; r < G_N_ELEMENTS (carrier_phrases) && !found; r++)
            {
              guint n = count_words (carrier_phrases[r], 4);

              carrier = found = tokens_are (page, i, line->last_token, carrier_phrases[r], n) &&
                                (TOKEN (page->tokens, i + n - 1)->flags & PORTING_TOKEN_PUNCT_END) != 0;
            }
          if (!found)
            continue;

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
          if (!is_interleaved_with_block (page, l) && !has_postal_code (page, i, line->last_token))
            {
              for (guint next = l + 1; next < page->lines->len && next <= l + CITY_LINES; next++)
                {
                  Line *next_line = &g_array_index (page->lines, Line, next);

                  if (next_line->first_token < next_line->last_token &&
                      label_at (page, next_line->first_token, next_line->last_token, TRUE) > 0)
                    break;
                  /* "BTN ....... 514-555-0198": a field of the page, not the block's */
                  if (line_has_label_punctuation (page, next_line))
                    break;
                  for (guint k = next_line->first_token; k < next_line->last_token; k++)
                    page->excluded[k] = TRUE;
                  if (has_postal_code (page, next_line->first_token, next_line->last_token))
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

  page->page = porting_page_text_ref (page_text);
  page->tokens = porting_normalize_tokenize (text, -1, 0);
  page->excluded = g_new0 (gboolean, page->tokens->len + 1);
  page->line_of_token = g_new0 (guint, page->tokens->len + 1);
  page->lines = g_array_new (FALSE, TRUE, sizeof (Line));

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
           * heads a block of values below them. */
          block_left = line->value_token >= line->last_token ? BLOCK_LINES : 0;
        }
      else if (block_left > 0 && line->first_token < line->last_token)
        {
          line->labelled = TRUE;
          block_left--;
        }
    }

  exclude_remit_blocks (page);
}

static void
page_release (Page *page)
{
  g_atomic_rc_box_release_full (page, page_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, page_release)

G_LOCK_DEFINE_STATIC (last_page);
static Page *last_page;

/* The name, the address, the account and the billing number are looked for
 * on the same page one after the other: read it once. The page last read is
 * kept (with a reference, so that its address is not reused). */
static Page *
page_acquire (PortingPageText *page_text)
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
  g_clear_pointer (&last_page, page_release);
  last_page = g_atomic_rc_box_acquire (page);
  G_UNLOCK (last_page);

  return page;
}

/* ---- Candidates --------------------------------------------------------- */

typedef struct
{
  PortingFieldStatus  status;
  double              score;
  gboolean            labelled;
  guint               start;
  guint               end;
  char               *text;
  GPtrArray          *differences;
} Candidate;

static void
candidate_clear (Candidate *candidate)
{
  g_clear_pointer (&candidate->text, g_free);
  g_clear_pointer (&candidate->differences, g_ptr_array_unref);
}

static void
candidate_init (Candidate *candidate)
{
  memset (candidate, 0, sizeof *candidate);
  candidate->status = PORTING_FIELD_STATUS_NOT_FOUND;
}

static gboolean
candidate_is_better (const Candidate *a,
                     const Candidate *b)
{
  if (a->status != b->status)
    return a->status < b->status;
  if (a->labelled != b->labelled)
    return a->labelled;
  return a->score > b->score + 1e-9;
}

/* Keeps @candidate in @best when better; clears it either way. */
static void
candidate_offer (Candidate *best,
                 Candidate *candidate)
{
  if (candidate->status < PORTING_FIELD_STATUS_NOT_FOUND && candidate_is_better (candidate, best))
    {
      candidate_clear (best);
      *best = *candidate;
      candidate_init (candidate);
    }
  else
    {
      candidate_clear (candidate);
    }
}

/* ---- Names ---------------------------------------------------------------- */

static double
word_similarity (const char *a,
                 const char *b)
{
  if (a == b || g_str_equal (a, b))
    return 1;
  if (porting_normalize_near_words (a, b))
    return 0.8;
  /* SMITH / SMITHSON: one word the start of the other */
  if (strlen (a) >= 4 && strlen (b) >= 4 &&
      (g_str_has_prefix (a, b) || g_str_has_prefix (b, a)))
    return 0.6;
  /* Two different company suffixes stand in the same place: LLC ≠ CO.
   * (Canonical suffixes are short: skip the look-ups for other words.) */
  if (strlen (a) <= 5 && strlen (b) <= 5 &&
      porting_normalize_company_suffix (a) != NULL && porting_normalize_company_suffix (b) != NULL)
    return 0.5;
  return 0;
}

static void
add_name_difference (GPtrArray  *differences,
                     const char *loa,
                     const char *proof)
{
  /* TRANSLATORS: a word of the name on the LOA, and in its place on the proof */
  g_ptr_array_add (differences, g_strdup_printf (_("name: %s ≠ %s"), loa ?: "—", proof ?: "—"));
}

/* Pairs the words left between two aligned ones, in order. */
static void
add_unaligned (GPtrArray  *differences,
               GPtrArray  *loa_words,
               guint       loa_from,
               guint       loa_to,
               const char **proof_words,
               guint       proof_from,
               guint       proof_to)
{
  while (loa_from < loa_to || proof_from < proof_to)
    {
      add_name_difference (differences,
                           loa_from < loa_to ? g_ptr_array_index (loa_words, loa_from) : NULL,
                           proof_from < proof_to ? proof_words[proof_from] : NULL);
      loa_from++;
      proof_from++;
    }
}

/* Aligns the LOA words with proof_words[0, m) in order (a weighted longest
 * common subsequence); returns the Dice score and fills @differences. */
static double
align_names (LoaValue     *value,
             const char  **proof_words,
             guint         m,
             guint        *matched_distinctive,
             gboolean     *exact_distinctive,
             GPtrArray    *differences)
{
  GPtrArray *loa_words = value->name_words;
  guint n = loa_words->len;
  double dp[16][16];
  guint a;
  guint b;
  guint pairs_loa[16];
  guint pairs_proof[16];
  guint n_pairs = 0;
  guint loa_prev = 0;
  guint proof_prev = 0;

  g_assert (n < 16 && m < 16);

  for (a = 0; a <= n; a++)
    for (b = 0; b <= m; b++)
      {
        if (a == 0 || b == 0)
          dp[a][b] = 0;
        else
          {
            double diagonal = dp[a - 1][b - 1] + word_similarity (g_ptr_array_index (loa_words, a - 1),
                                                                  proof_words[b - 1]);

            dp[a][b] = MAX (MAX (dp[a - 1][b], dp[a][b - 1]), diagonal);
          }
      }

  *matched_distinctive = 0;
  *exact_distinctive = FALSE;

  a = n;
  b = m;
  while (a > 0 && b > 0)
    {
      const char *loa_word = g_ptr_array_index (loa_words, a - 1);
      double similarity = word_similarity (loa_word, proof_words[b - 1]);

      if (similarity > 0 && dp[a][b] == dp[a - 1][b - 1] + similarity)
        {
          pairs_loa[n_pairs] = a - 1;
          pairs_proof[n_pairs] = b - 1;
          n_pairs++;
          if (is_distinctive_name_word (loa_word))
            {
              (*matched_distinctive)++;
              if (similarity == 1)
                *exact_distinctive = TRUE;
            }
          a--;
          b--;
        }
      else if (dp[a][b] == dp[a - 1][b])
        a--;
      else
        b--;
    }

  if (differences != NULL)
    {
      for (guint k = n_pairs; k > 0; k--)
        {
          guint la = pairs_loa[k - 1];
          guint pb = pairs_proof[k - 1];

          add_unaligned (differences, loa_words, loa_prev, la, proof_words, proof_prev, pb);
          if (!g_str_equal (g_ptr_array_index (loa_words, la), proof_words[pb]))
            add_name_difference (differences, g_ptr_array_index (loa_words, la), proof_words[pb]);
          loa_prev = la + 1;
          proof_prev = pb + 1;
        }
      add_unaligned (differences, loa_words, loa_prev, n, proof_words, proof_prev, m);
    }

  return 2 * dp[n][m] / (n + m);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
same_words_any_order (GPtrArray   *loa_words,
                      const char **window)
{
  guint n = loa_words->len;
  const char *sorted_loa[16];
  const char *sorted_window[16];

  g_assert (n <= 16);
  memcpy (sorted_loa, loa_words->pdata, n * sizeof (char *));
  memcpy (sorted_window, window, n * sizeof (char *));
  qsort (sorted_loa, n, sizeof (char *), compare_words);
  qsort (sorted_window, n, sizeof (char *), compare_words);
  for (guint i = 0; i < n; i++)
    {
      if (!g_str_equal (sorted_loa[i], sorted_window[i]))
        return FALSE;
    }
  return TRUE;
}

static char *
join_name_words (const char **words,
                 guint        n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_label_word (const char *word,
               gsize       len)
{
  static const char * const label_words[] = {
    "NAME", "ACCOUNT", "CUSTOMER", "COMPANY", "CLIENT", "SUBSCRIBER", "HOLDER", "TO", "NOM",
    "BUSINESS", "BILLING", NULL
  };

  for (guint i = 0; label_words[i] != NULL; i++)
    {
      if (strlen (label_words[i]) == len && strncmp (word, label_words[i], len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Copies of tokens[first, last); a word that glues a label to the name's
 * first word ("ACCOUNTRIVERSIDE") or its last word to the next column
 * ("LLCINVOICE"), in capitals where case tells nothing, is split in two.
 * New folded strings go to @owned. */
static GArray *
line_tokens_for_name (LoaValue  *value,
                      Page      *page,
                      guint      first,
                      guint      last,
                      GPtrArray *owned)
{
  GArray *tokens = g_array_sized_new (FALSE, FALSE, sizeof (PortingToken), last - first + 2);
  const char *first_word = g_ptr_array_index (value->name_words, 0);
  const char *last_word = g_ptr_array_index (value->name_words, value->name_words->len - 1);
  gsize first_len = strlen (first_word);
  gsize last_len = strlen (last_word);

  for (guint i = first; i < last; i++)
    {
      PortingToken token = *TOKEN (page->tokens, i);
      gsize len = strlen (token.folded);
      gboolean plain = token.end - token.start == len;
      gsize split = 0;

      /* Only where the folded word is the raw one, so that offsets hold; a
       * label word before the name, a company suffix before the next column
       * ("WESTSIDE" is not "SIDE", nor "SMITHSON" "SMITH"). */
      if (plain && first_len >= 3 && len > first_len &&
          g_str_has_suffix (token.folded, first_word) &&
          is_label_word (token.folded, len - first_len))
        split = len - first_len;
      else if (plain && len >= last_len + 4 && porting_normalize_company_suffix (last_word) != NULL &&
               porting_normalize_company_suffix (token.folded) == NULL &&
               g_str_has_prefix (token.folded, last_word))
        split = last_len;

      if (split > 0)
        {
          PortingToken tail = token;
          char *head_text = g_strndup (token.folded, split);
          char *tail_text = g_strdup (token.folded + split);

          g_ptr_array_add (owned, head_text);
          g_ptr_array_add (owned, tail_text);
          token.folded = head_text;
          token.end = token.start + split;
          tail.folded = tail_text;
          tail.start = token.end;
          tail.flags = PORTING_TOKEN_GLUED;
          g_array_append_val (tokens, token);
          g_array_append_val (tokens, tail);
        }
      else
        {
          g_array_append_val (tokens, token);
        }
    }

  return tokens;
}

static void
find_name_in_line (LoaValue  *value,
                   Page      *page,
                   Line      *line,
                   Candidate *best)
{
  g_autoptr(GArray) token_of_word = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) line_tokens = NULL;
  g_autoptr(GPtrArray) words = NULL;
  guint n = value->name_words->len;
  guint first = line->value_token;
  guint last = line->last_token;
  guint m;
  gboolean *useful;

  /* Windows never take the carrier's words. */
  for (guint i = first; i < last; i++)
    {
      if (page->excluded[i])
        {
          last = i;
          break;
        }
    }
  if (first >= last)
    return;

  line_tokens = line_tokens_for_name (value, page, first, last, owned);
  words = name_words_from_tokens (line_tokens, 0, line_tokens->len, token_of_word);
  m = words->len;
  if (m == 0)
    return;

  /* A window starts and ends on a word like one of the LOA's. */
  useful = g_newa (gboolean, m);
  for (guint j = 0; j < m; j++)
    {
      useful[j] = FALSE;
      for (guint k = 0; k < n && !useful[j]; k++)
        useful[j] = word_similarity (g_ptr_array_index (value->name_words, k),
                                     g_ptr_array_index (words, j)) > 0;
    }

  for (guint i = 0; i < m; i++)
    {
      if (!useful[i])
        continue;

      for (guint len = n > 2 ? n - 2 : 1; len <= n + 2 && i + len <= m; len++)
        {
          const char **window = (const char **) words->pdata + i;
          guint first_token = g_array_index (token_of_word, guint, 2 * i);
          guint last_token = g_array_index (token_of_word, guint, 2 * (i + len - 1) + 1);
          guint start = TOKEN (line_tokens, first_token)->start;
          guint end = TOKEN (line_tokens, last_token)->end;
          gsize joined_len = 0;
          Candidate candidate;
          gboolean same;

          if (len >= 16 || !useful[i + len - 1])
            continue;

          candidate_init (&candidate);
          candidate.labelled = line->labelled;
          candidate.start = start;
          candidate.end = end;

          for (guint k = 0; k < len; k++)
            joined_len += strlen (window[k]);
          same = joined_len == strlen (value->name_joined);
          if (same)
            {
              const char *p = value->name_joined;

              for (guint k = 0; k < len && same; k++)
                {
                  gsize word_len = strlen (window[k]);

                  same = strncmp (p, window[k], word_len) == 0;
                  p += word_len;
                }
            }

          if (same)
            {
              candidate.score = 1;
              candidate.status = porting_normalize_same_characters (page->page->text + start, end - start,
                                                                    value->loa_text, -1) ?
                                 PORTING_FIELD_STATUS_EXACT : PORTING_FIELD_STATUS_EQUIVALENT;
            }
          else if (len == n && same_words_any_order (value->name_words, window))
            {
              /* "WHITFIELD DANA" for "Dana Whitfield": close, but for a person to judge. */
              g_autofree char *loa_order = join_name_words ((const char **) value->name_words->pdata, n);
              g_autofree char *proof_order = join_name_words (window, len);

              candidate.status = PORTING_FIELD_STATUS_MISMATCH;
              candidate.score = 0.9;
              candidate.differences = g_ptr_array_new_with_free_func (g_free);
              /* TRANSLATORS: the words of a name, on the LOA and on the proof, in another order */
              g_ptr_array_add (candidate.differences,
                               g_strdup_printf (_("name: %s ≠ %s (word order)"), loa_order, proof_order));
            }
          else
            {
              guint matched;
              gboolean exact_word;
              double score = align_names (value, window, len, &matched, &exact_word, NULL);
              /* Both words of a two-word name (one may be misspelt), half of a longer one. */
              guint needed = value->n_distinctive <= 2 ? value->n_distinctive :
                             (value->n_distinctive + 1) / 2;

              if (value->n_distinctive == 0 || matched < needed || !exact_word || score < 0.5)
                {
                  candidate_clear (&candidate);
                  continue;
                }

              candidate.status = PORTING_FIELD_STATUS_MISMATCH;
              candidate.score = score;
              if (!candidate_is_better (&candidate, best))
                {
                  candidate_clear (&candidate);
                  continue;
                }
              candidate.differences = g_ptr_array_new_with_free_func (g_free);
              align_names (value, window, len, &matched, &exact_word, candidate.differences);
            }

          candidate.text = g_strndup (page->page->text + start, end - start);
          candidate_offer (best, &candidate);
        }
    }
}

static void
find_name (LoaValue  *value,
           Page      *page,
           Candidate *best)
{
  if (value->name_words->len == 0 || value->name_words->len >= 14)
    return;

  for (guint l = 0; l < page->lines->len; l++)
    find_name_in_line (value, page, &g_array_index (page->lines, Line, l), best);
}

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

static gboolean
line_is_unit_line (Page *page,
                   Line *line)
{
  guint i = line->first_token;
  g_autoptr(PortingAddress) address = NULL;

  if (line->last_token - i < 2 || line->last_token - i > 3)
    return FALSE;
  address = porting_address_parse_tokens (page->tokens, i, line->last_token);
  return address->unit != NULL && address->house_number == NULL;
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

  if (!has_postal_code (page, first, street_last))
    {
      gboolean city_line_found = FALSE;

      for (guint next = l + 1; next < page->lines->len && next <= l + CITY_LINES; next++)
        {
          Line *next_line = &g_array_index (page->lines, Line, next);
          guint from = next_line->value_token;

          if (from >= next_line->last_token)
            continue;
          if (line_is_unit_line (page, next_line))
            {
              append_line_tokens (page, tokens, from, next_line->last_token, TRUE);
              continue;
            }
          if (has_postal_code (page, from, next_line->last_token))
            {
              append_city_line (value, page, l, next, tokens);
              city_line_found = TRUE;
              break;
            }
        }

      if (!city_line_found)
        append_scattered_city_line (value, page, l, tokens);
    }

  if (tokens->len == 0)
    return;

  address = porting_address_parse_tokens (tokens, 0, tokens->len);
  split_city_off_street (address, value->address);
  if (!porting_address_is_close (value->address, address))
    return;

  candidate_init (&candidate);
  candidate.labelled = line->labelled;
  candidate.differences = g_ptr_array_new_with_free_func (g_free);
  score = porting_address_compare (value->address, address, candidate.differences);
  close = score >= 0.4;
  if (!close)
    {
      candidate_clear (&candidate);
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

  candidate_offer (best, &candidate);
}

static void
find_address (LoaValue  *value,
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
          /* "1200 Harbor", "350 5th Ave" */
          if (!is_alpha_word (TOKEN (page->tokens, i + 1)->folded) &&
              !is_ordinal_number (TOKEN (page->tokens, i + 1)->folded))
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

/* ---- Account numbers and billing numbers ---------------------------------- */

static gboolean
has_digit (const char *s,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (s[i]))
        return TRUE;
    }
  return FALSE;
}

/* BAN: billing account number */
static const char * const account_words[] = { "ACCOUNT", "ACCT", "COMPTE", "ACC", "BAN", NULL };
static const char * const customer_words[] = { "CUSTOMER", "CLIENT", NULL };
static const char * const account_number_words[] = {
  "NUMBER", "NO", "NUM", "NBR", "ID", "#", "NUMERO", "DE", "N", "O", NULL
};

/* The end of a value that starts at @start: letters, digits, '-', '.', '/',
 * and single spaces between digits ("8841 22017 5"). */
static const char *
value_end (const char *start,
           const char *limit)
{
  const char *end = start;
  const char *p = start;

  while (p < limit)
    {
      if (g_ascii_isalnum (*p))
        end = ++p;
      else if (*p == '-' || *p == '.' || *p == '/')
        p++;
      else if (*p == ' ' && p == end && p > start && g_ascii_isdigit (p[-1]) &&
               p + 1 < limit && g_ascii_isdigit (p[1]))
        p++;
      else
        break;
    }

  return end;
}

static void
offer_code_candidate (LoaValue   *value,
                      Page       *page,
                      guint       start,
                      guint       end,
                      gboolean    labelled,
                      Candidate  *best)
{
  const char *text = page->page->text;
  Candidate candidate;
  g_autofree char *proof = NULL;
  const char *loa_key;

  candidate_init (&candidate);
  candidate.start = start;
  candidate.end = end;
  candidate.labelled = labelled;
  candidate.text = g_strndup (text + start, end - start);

  if (value->field == PORTING_FIELD_BTN)
    {
      proof = porting_normalize_phone_digits (candidate.text, -1);
      loa_key = value->digits;
    }
  else
    {
      proof = porting_normalize_compact (candidate.text, -1);
      loa_key = value->compact;
    }

  if (proof == NULL || loa_key == NULL || proof[0] == '\0')
    {
      candidate_clear (&candidate);
      return;
    }

  if (g_str_equal (proof, loa_key))
    {
      candidate.score = 1;
      candidate.status = porting_normalize_same_characters (candidate.text, -1, value->loa_text, -1) ?
                         PORTING_FIELD_STATUS_EXACT : PORTING_FIELD_STATUS_EQUIVALENT;
    }
  else if (labelled)
    {
      const char *what = value->field == PORTING_FIELD_BTN ? _("billing telephone number") : _("account number");

      candidate.status = PORTING_FIELD_STATUS_MISMATCH;
      candidate.score = porting_normalize_similarity (proof, loa_key);
      candidate.differences = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (candidate.differences,
                       g_strdup_printf (_("%s: %s ≠ %s"), what, value->loa_text, candidate.text));
    }
  else
    {
      candidate_clear (&candidate);
      return;
    }

  candidate_offer (best, &candidate);
}

/* The value after a label ending at tokens[label_last - 1]: on the same line,
 * else at the start of the next one. */
static void
find_value_after_label (LoaValue  *value,
                        Page      *page,
                        guint      label_last,
                        Candidate *best)
{
  const char *text = page->page->text;
  guint line_index = page->line_of_token[label_last - 1];
  Line *line = &g_array_index (page->lines, Line, line_index);
  guint i = label_last;
  const char *start;
  const char *end;
  const char *limit;

  if (i >= line->last_token && line_index + 1 < page->lines->len)
    {
      line = &g_array_index (page->lines, Line, line_index + 1);
      i = line->first_token;
    }

  /* "Your account number is 8841…", "Acct # 8841…" */
  while (i < line->last_token &&
         (g_str_equal (TOKEN (page->tokens, i)->folded, "IS") ||
          g_str_equal (TOKEN (page->tokens, i)->folded, "#")))
    i++;
  if (i >= line->last_token)
    return;

  start = text + TOKEN (page->tokens, i)->start;
  limit = text + line->end;

  if (value->field == PORTING_FIELD_BTN)
    {
      while (start > text + line->start && (start[-1] == '(' || start[-1] == '+'))
        start--;
      end = start;
      while (end < limit && (g_ascii_isdigit (*end) || strchr ("()-. +", *end) != NULL))
        end++;
      while (end > start && !g_ascii_isdigit (end[-1]))
        end--;
    }
  else
    {
      /* The raw value: "ML-300-441-982" is one even though the tokens split it. */
      end = value_end (start, limit);
    }

  if (end > start && has_digit (start, end - start))
    offer_code_candidate (value, page, start - text, end - text, TRUE, best);
}

/* Whether text[start, end) has @compact's letters and digits, in order. */
static gboolean
compact_equals (const char *start,
                const char *end,
                const char *compact)
{
  for (const char *p = start; p < end; p++)
    {
      if (!g_ascii_isalnum (*p))
        continue;
      if (g_ascii_toupper (*p) != *compact)
        return FALSE;
      compact++;
    }
  return *compact == '\0';
}

static void
find_code (LoaValue  *value,
           Page      *page,
           Candidate *best)
{
  static const char * const btn_labels[][4] = {
    { "BTN" }, { "BILLING", "TELEPHONE", "NUMBER" }, { "BILLING", "TELEPHONE" },
    { "BILLING", "TEL" }, { "BILLING", "PHONE" }, { "BILLING", "NUMBER" },
    { "MAIN", "NUMBER" }, { "MAIN", "TELEPHONE", "NUMBER" }, { "MAIN", "PHONE" },
    { "MAIN", "TELEPHONE" }, { "NUMERO", "DE", "FACTURATION" }, { "BILLING", "TN" },
    { "TELEPHONE", "DE", "FACTURATION" }, { "ACCOUNT", "TELEPHONE", "NUMBER" },
  };

  for (guint i = 0; i < page->tokens->len; i++)
    {
      const char *folded = TOKEN (page->tokens, i)->folded;
      guint label_last = 0;

      /* Account and billing numbers in a payment stub are still the customer's:
       * no exclusion here. */
      if (value->field == PORTING_FIELD_ACCOUNT_NUMBER)
        {
          guint line_last = g_array_index (page->lines, Line, page->line_of_token[i]).last_token;

          gboolean customer = g_strv_contains (customer_words, folded);

          if (!customer && !g_strv_contains (account_words, folded))
            continue;
          label_last = i + 1;
          while (label_last < line_last &&
                 (TOKEN (page->tokens, label_last - 1)->flags & PORTING_TOKEN_PUNCT_END) == 0 &&
                 g_strv_contains (account_number_words, TOKEN (page->tokens, label_last)->folded))
            label_last++;
          /* "Customer number" is one, "Customer: Acme" is not. */
          if (customer && label_last == i + 1)
            continue;
          /* "Account summary", "Account name": not a number's label */
          if (label_last == i + 1 && (TOKEN (page->tokens, i)->flags & PORTING_TOKEN_PUNCT_END) == 0 &&
              label_last < line_last && !g_ascii_isdigit (TOKEN (page->tokens, label_last)->folded[0]))
            continue;
        }
      else
        {
          guint line_last = g_array_index (page->lines, Line, page->line_of_token[i]).last_token;

          for (guint l = 0; l < G_N_ELEMENTS (btn_labels) && label_last == 0; l++)
            {
              guint n = count_words (btn_labels[l], 4);

              if (tokens_are (page, i, line_last, btn_labels[l], n))
                label_last = i + n;
            }
          if (label_last == 0)
            continue;
        }

      find_value_after_label (value, page, label_last, best);
    }

  /* The account number written anywhere else, in any spelling. */
  if (value->field == PORTING_FIELD_ACCOUNT_NUMBER && best->status > PORTING_FIELD_STATUS_EQUIVALENT &&
      value->compact != NULL && strlen (value->compact) >= 6)
    {
      for (guint l = 0; l < page->lines->len; l++)
        {
          Line *line = &g_array_index (page->lines, Line, l);
          const char *text = page->page->text;

          for (guint i = line->first_token; i < line->last_token; i++)
            {
              const char *start = text + TOKEN (page->tokens, i)->start;
              const char *end;

              if (!g_ascii_isalnum (*start) || g_ascii_toupper (*start) != value->compact[0])
                continue;
              if (start > text + line->start && g_ascii_isalnum (start[-1]))
                continue;
              end = value_end (start, text + line->end);
              if (compact_equals (start, end, value->compact))
                offer_code_candidate (value, page, start - text, end - text, FALSE, best);
            }
        }
    }
}

/* ---- Entry point ---------------------------------------------------------- */

static gboolean
result_is_settled (const PortingFieldResult *result)
{
  return result->status == PORTING_FIELD_STATUS_EXACT ||
         result->status == PORTING_FIELD_STATUS_EQUIVALENT;
}

/**
 * porting_field_match_page:
 * @result: what was found so far; @result->loa_text is looked for
 * @page: one page of the proof
 *
 * Returns: %TRUE when @result is settled (exact or equivalent)
 */
gboolean
porting_field_match_page (PortingFieldResult *result,
                          PortingPageText    *page_text)
{
  g_autoptr(LoaValue) value = NULL;
  g_autoptr(Page) page = NULL;
  Candidate best;

  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (page_text != NULL, FALSE);

  if (result_is_settled (result))
    return TRUE;

  if (result->status > PORTING_FIELD_STATUS_NOT_FOUND)
    result->status = PORTING_FIELD_STATUS_NOT_FOUND;

  if (result->loa_text == NULL || result->loa_text[0] == '\0' ||
      page_text->text == NULL || page_text->text[0] == '\0')
    return FALSE;

  value = loa_value_lookup (result->field, result->loa_text);
  page = page_acquire (page_text);
  candidate_init (&best);

  switch (result->field)
    {
    case PORTING_FIELD_NAME:
      find_name (value, page, &best);
      break;
    case PORTING_FIELD_ADDRESS:
      find_address (value, page, &best);
      break;
    case PORTING_FIELD_ACCOUNT_NUMBER:
    case PORTING_FIELD_BTN:
      find_code (value, page, &best);
      break;
    default:
      g_assert_not_reached ();
    }

  if (best.status < result->status ||
      (best.status == result->status && best.status == PORTING_FIELD_STATUS_MISMATCH &&
       best.score > result->score + 1e-9))
    {
      result->status = best.status;
      result->score = best.score;
      result->proof_page = page_text->page;
      result->proof_start = best.start;
      result->proof_end = best.end;
      g_free (result->proof_text);
      result->proof_text = g_steal_pointer (&best.text);
      g_ptr_array_set_size (result->differences, 0);
      if (best.differences != NULL)
        {
          for (guint i = 0; i < best.differences->len; i++)
            g_ptr_array_add (result->differences, g_strdup (g_ptr_array_index (best.differences, i)));
        }
    }

  candidate_clear (&best);

  return result_is_settled (result);
}
