/* porting-field-match.c — find an LOA field in a proof page and say how well it matches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-field-match"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-field-match-private.h"

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
  self->source = PORTING_TEXT_SOURCE_TEXT;
  self->confidence = 1;
  self->loa_source = PORTING_TEXT_SOURCE_TEXT;
  self->loa_confidence = 1;

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
    case PORTING_FIELD_CARRIER:
      return "carrier";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
porting_text_source_to_string (PortingTextSource source)
{
  switch (source)
    {
    case PORTING_TEXT_SOURCE_TEXT:
      return "text";
    case PORTING_TEXT_SOURCE_FORM:
      return "form";
    case PORTING_TEXT_SOURCE_OCR:
      return "ocr";
    default:
      g_return_val_if_reached ("text");
    }
}
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
    case PORTING_FIELD_CARRIER:
      {
        GString *joined = g_string_new (NULL);

        g_autoptr(GPtrArray) words = _porting_field_name_words (tokens, 0, tokens->len, NULL);

        /* The words point into @tokens: keep copies. A leading "The" is
         * no word of the name (DESIGN §3.4). */
        value->name_words = g_ptr_array_new ();
        for (guint i = 0; i < words->len; i++)
          {
            const char *word = g_ptr_array_index (words, i);

            if (i == 0 && words->len >= 3 && g_str_equal (word, "THE"))
              {
                value->name_leading_the = TRUE;
                continue;
              }
            g_ptr_array_add (value->name_words, (gpointer) g_intern_string (word));
          }

        for (guint i = 0; i < value->name_words->len; i++)
          {
            const char *word = g_ptr_array_index (value->name_words, i);

            g_string_append (joined, word);
            if (_porting_field_is_distinctive_name_word (word))
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
/* ---- Candidates --------------------------------------------------------- */

void
_porting_candidate_clear (Candidate *candidate)
{
  g_clear_pointer (&candidate->text, g_free);
  g_clear_pointer (&candidate->differences, g_ptr_array_unref);
}

void
_porting_candidate_init (Candidate *candidate)
{
  memset (candidate, 0, sizeof *candidate);
  candidate->status = PORTING_FIELD_STATUS_NOT_FOUND;
}

gboolean
_porting_candidate_is_better (const Candidate *a,
                              const Candidate *b)
{
  if (a->status != b->status)
    return a->status < b->status;
  if (a->labelled != b->labelled)
    return a->labelled;
  return a->score > b->score + 1e-9;
}

/* Keeps @candidate in @best when better; clears it either way. */
void
_porting_candidate_offer (Candidate *best,
                          Candidate *candidate)
{
  if (candidate->status < PORTING_FIELD_STATUS_NOT_FOUND && _porting_candidate_is_better (candidate, best))
    {
      _porting_candidate_clear (best);
      *best = *candidate;
      _porting_candidate_init (candidate);
    }
  else
    {
      _porting_candidate_clear (candidate);
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
  page = _porting_field_page_acquire (page_text);
  _porting_candidate_init (&best);

  switch (result->field)
    {
    case PORTING_FIELD_NAME:
      _porting_field_find_name (value, page, &best);
      break;
    case PORTING_FIELD_ADDRESS:
      _porting_field_find_address (value, page, &best);
      break;
    case PORTING_FIELD_ACCOUNT_NUMBER:
    case PORTING_FIELD_BTN:
      _porting_field_find_code (value, page, &best);
      break;
    case PORTING_FIELD_CARRIER:
      _porting_field_find_carrier (value, page, &best);
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
      {
        PortingTextSource proof_source = PORTING_TEXT_SOURCE_TEXT;
        double proof_confidence = porting_page_text_get_confidence (page_text, best.start, best.end, &proof_source);

        result->source = MAX (result->loa_source, proof_source);
        result->confidence = MIN (result->loa_confidence, proof_confidence);
      }
      g_ptr_array_set_size (result->differences, 0);
      if (best.differences != NULL)
        {
          for (guint i = 0; i < best.differences->len; i++)
            g_ptr_array_add (result->differences, g_strdup (g_ptr_array_index (best.differences, i)));
        }
    }

  _porting_candidate_clear (&best);

  return result_is_settled (result);
}
