/* porting-check-ocr.c — how far what OCR read may be trusted, field by field
 *
 * OCR confuses 5 and S, 0 and O, 1 and l, I and l. Two rules, after a
 * field has been matched (DESIGN §3.2):
 *
 * - A digit OCR is not sure of (a word with digits read with little
 *   confidence, or with a mark no number has, "142°6") never makes a
 *   match or a mismatch by itself: the field is unreadable, the verdict
 *   review, and the words read are said.
 * - Letters OCR confuses with each other ("EImwood" for "Elmwood") are the
 *   same letter: read again with the other document's spelling, the field
 *   is equivalent, and says what was read. Letters confused with digits
 *   make the first rule's doubt instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-document-check"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-check-ocr.h"

/* Below this, a word with digits is not sure enough to decide on. */
#define MIN_DIGIT_CONFIDENCE 0.80

typedef enum
{
  FOLD_LETTERS,    /* letters OCR takes one for another */
  FOLD_DIGITS,     /* and the digits it takes for letters */
} Fold;

static gboolean
has_digit (const char *text,
           gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (g_ascii_isdigit (text[i]))
      return TRUE;
  return FALSE;
}

/* A mark no number, date or amount is written with. */
static gboolean
has_stray_mark (const char *text,
                gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && strchr ("-/.,#()$&':+", (int) c) == NULL)
        return TRUE;
    }
  return FALSE;
}

/* The words of text[start, end) that OCR read with digits it is not sure of. */
static void
collect_doubtful_digits (PortingPageText *page_text,
                         guint            start,
                         guint            end,
                         GPtrArray       *doubtful)
{
  for (guint i = 0; page_text != NULL && i < page_text->words->len; i++)
    {
      const PortingWord *word = &g_array_index (page_text->words, PortingWord, i);
      const char *text = page_text->text + word->start;
      gsize length = word->end - word->start;

      if (word->end <= start || word->start >= end || word->source != PORTING_TEXT_SOURCE_OCR ||
          !has_digit (text, length))
        continue;

      if (word->confidence < MIN_DIGIT_CONFIDENCE || has_stray_mark (text, length))
        g_ptr_array_add (doubtful, g_strndup (text, length));
    }
}

/* Lower case, and each letter OCR confuses written as the one it is taken for. */
static char *
fold (const char *text,
      Fold        how)
{
  g_autofree char *lower = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      char c = *p;

      if (p[0] == 'r' && p[1] == 'n')
        c = 'm', p++;
      else if (p[0] == 'v' && p[1] == 'v')
        c = 'w', p++;
      else if (c == 'i' || c == '|' || c == '!')
        c = 'l';
      else if (how == FOLD_DIGITS)
        {
          static const char digits[] = "0123456789";
          static const char letters[] = "olzeasgtbg";
          const char *digit = strchr (digits, c);

          if (c != '\0' && digit != NULL)
            c = letters[digit - digits];
        }
      g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
strip_punctuation (const char *token)
{
  GString *out = g_string_new (NULL);

  for (const char *p = token; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* The LOA's value with each word the proof spells with letters OCR
 * confuses written the proof's way; %NULL when there is none. A word
 * the same only once digits are taken for letters goes to @doubtful. */
static char *
respell_like (const char      *loa_text,
              PortingPageText *proof,
              GPtrArray       *respelt,
              GPtrArray       *doubtful)
{
  g_auto(GStrv) tokens = g_strsplit_set (loa_text, " \n", -1);
  gboolean changed = FALSE;

  for (guint t = 0; tokens[t] != NULL; t++)
    {
      g_autofree char *bare = strip_punctuation (tokens[t]);
      g_autofree char *bare_folded = NULL;
      g_autofree char *letters_folded = NULL;
      g_autofree char *lower = NULL;

      if (g_utf8_strlen (bare, -1) < 3 || !has_letter (bare))
        continue;

      lower = g_utf8_casefold (bare, -1);
      letters_folded = fold (bare, FOLD_LETTERS);
      bare_folded = fold (bare, FOLD_DIGITS);

      for (guint i = 0; proof != NULL && i < proof->words->len; i++)
        {
          const PortingWord *word = &g_array_index (proof->words, PortingWord, i);
          g_autofree char *text = g_strndup (proof->text + word->start, word->end - word->start);
          g_autofree char *candidate = strip_punctuation (text);
          g_autofree char *candidate_lower = g_utf8_casefold (candidate, -1);
          g_autofree char *candidate_letters = NULL;
          g_autofree char *candidate_digits = NULL;

          if (strcmp (candidate_lower, lower) == 0 || g_utf8_strlen (candidate, -1) != g_utf8_strlen (bare, -1))
            continue;

          candidate_letters = fold (candidate, FOLD_LETTERS);
          if (strcmp (candidate_letters, letters_folded) == 0)
            {
              char *at = strstr (tokens[t], bare);

              g_ptr_array_add (respelt, g_strdup_printf ("%s = %s", candidate, bare));
              if (at != NULL)
                {
                  char *replaced = g_strdup_printf ("%.*s%s%s", (int) (at - tokens[t]), tokens[t],
                                                    candidate, at + strlen (bare));

                  g_free (tokens[t]);
                  tokens[t] = replaced;
                  changed = TRUE;
                }
              break;
            }

          candidate_digits = fold (candidate, FOLD_DIGITS);
          if (strcmp (candidate_digits, bare_folded) == 0 && word->source == PORTING_TEXT_SOURCE_OCR)
            {
              g_ptr_array_add (doubtful, g_strdup (candidate));
              break;
            }
        }
    }

  return changed ? g_strjoinv (" ", tokens) : NULL;
}

static void
set_unreadable (PortingFieldResult *field,
                GPtrArray          *doubtful)
{
  g_autofree char *words = NULL;

  g_ptr_array_add (doubtful, NULL);
  words = g_strjoinv (", ", (char **) doubtful->pdata);
  g_ptr_array_remove_index (doubtful, doubtful->len - 1);

  field->status = PORTING_FIELD_STATUS_UNREADABLE;
  g_ptr_array_add (field->differences,
                   /* Translators: %s are words read from an image, "142°6, 14Z16" */
                   g_strdup_printf (_("read from the image, not surely enough: %s"), words));
}

void
_porting_check_weigh_ocr (PortingFieldResult *field,
                          GPtrArray          *loa_pages,
                          PortingDocument    *proof,
                          GCancellable       *cancellable)
{
  g_autoptr(GPtrArray) doubtful = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PortingPageText) proof_page = NULL;

  if (field == NULL || field->source != PORTING_TEXT_SOURCE_OCR ||
      field->status > PORTING_FIELD_STATUS_MISMATCH)
    return;

  if (field->proof_page >= 0 && (guint) field->proof_page < porting_document_get_n_pages (proof))
    proof_page = porting_document_get_page_text (proof, field->proof_page, PORTING_PAGE_TEXT_FLAGS_WORDS,
                                                 cancellable, NULL);

  if (field->loa_page >= 0 && (guint) field->loa_page < loa_pages->len)
    collect_doubtful_digits (g_ptr_array_index (loa_pages, field->loa_page),
                             field->loa_start, field->loa_end, doubtful);
  collect_doubtful_digits (proof_page, field->proof_start, field->proof_end, doubtful);

  if (doubtful->len == 0 && field->status == PORTING_FIELD_STATUS_MISMATCH && field->loa_text != NULL)
    {
      g_autoptr(GPtrArray) respelt = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *respelled = respell_like (field->loa_text, proof_page, respelt, doubtful);

      if (respelled != NULL && doubtful->len == 0)
        {
          g_autoptr(PortingFieldResult) again = porting_field_result_new (field->field, respelled);

          porting_field_match_page (again, proof_page);
          if (again->status <= PORTING_FIELD_STATUS_EQUIVALENT)
            {
              field->status = PORTING_FIELD_STATUS_EQUIVALENT;
              field->score = again->score;
              field->proof_start = again->proof_start;
              field->proof_end = again->proof_end;
              g_free (field->proof_text);
              field->proof_text = g_steal_pointer (&again->proof_text);
              g_ptr_array_set_size (field->differences, 0);
              for (guint i = 0; i < again->differences->len; i++)
                g_ptr_array_add (field->differences, g_strdup (g_ptr_array_index (again->differences, i)));
              for (guint i = 0; i < respelt->len; i++)
                g_ptr_array_add (field->differences,
                                 /* Translators: "EIMWOOD = ELMWOOD": letters read from an image taken for others */
                                 g_strdup_printf (_("read from the image: %s"), (char *) g_ptr_array_index (respelt, i)));
            }
        }
    }

  if (doubtful->len > 0)
    set_unreadable (field, doubtful);
}
