/* porting-loa-form.c — an LOA's fillable form fields, told apart by their names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A form's values are words of its pages already (porting-document-text.c
 * sets them in their fields' boxes), so the labels printed beside them read
 * them as on a flattened form. What that leaves unread — a value with no
 * label beside it, a form whose labels are drawn as pictures — the fields'
 * own names tell: the tooltip ("Business name"), else the field's name
 * ("customer_name", "ServiceAddress1", "loa.city") read as words against
 * the same labels. Separate City, State and ZIP fields make the city line;
 * every field is searched for telephone numbers; a signature field counts
 * as signed when it holds a digital signature, ink, or a typed name.
 */
#define G_LOG_DOMAIN "porting-loa"

#include "config.h"

#include <string.h>

#include "porting-loa-private.h"
#include "porting-phone-number.h"

typedef struct
{
  const PortingPdfField *field;
  LabelKind               kind;
  int                     priority;
  PortingTextSpan         span;
} NamedField;

/* "ServiceAddress1", "customer_name", "loa.city_state_zip" → "service address 1", … */
static char *
identifier_words (const char *identifier)
{
  GString *words = g_string_new (NULL);
  gunichar previous = 0;

  for (const char *p = identifier; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean boundary = FALSE;

      if (c == '_' || c == '.' || c == '-' || c == '[' || c == ']' || g_unichar_isspace (c))
        {
          if (words->len > 0 && words->str[words->len - 1] != ' ')
            g_string_append_c (words, ' ');
          previous = c;
          continue;
        }

      if (previous != 0 &&
          ((g_unichar_islower (previous) && g_unichar_isupper (c)) ||
           (g_unichar_isalpha (previous) && g_unichar_isdigit (c)) ||
           (g_unichar_isdigit (previous) && g_unichar_isalpha (c))))
        boundary = TRUE;
      if (boundary && words->len > 0 && words->str[words->len - 1] != ' ')
        g_string_append_c (words, ' ');
      g_string_append_unichar (words, g_unichar_tolower (c));
      previous = c;
    }

  return g_strstrip (g_string_free (words, FALSE));
}

/* The kind a field's names say, from the best label found at a word start
 * in them (the tooltip first: it is often the printed label). */
static gboolean
kind_from_names (const PortingPdfField *field,
                 LabelKind              *kind,
                 int                    *priority)
{
  const char *names[] = { field->alternate_name, field->partial_name, field->name };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *words = NULL;
      int best = -1;
      guint best_length = 0;

      if (names[n] == NULL || names[n][0] == '\0')
        continue;
      words = identifier_words (names[n]);

      for (guint pos = 0; words[pos] != '\0'; pos++)
        {
          guint label_end = 0;
          int label;

          if (pos > 0 && words[pos - 1] != ' ')
            continue;
          label = _porting_loa_match_label (words, pos, strlen (words), &label_end);
          if (label >= 0 && label_end - pos > best_length)
            {
              best = label;
              best_length = label_end - pos;
            }
        }

      if (best >= 0)
        {
          *kind = _porting_loa_label_kind (best);
          *priority = _porting_loa_label_priority (best);
          return TRUE;
        }
    }

  return FALSE;
}

/* Where a field's value sits in its page's text: its words, set in its box. */
static void
field_span (const PortingPdfField *field,
            PortingPageText        *page_text,
            PortingTextSpan        *span)
{
  span->page = -1;
  span->start = span->end = 0;

  for (guint i = 0; i < page_text->words->len; i++)
    {
      const PortingWord *word = &g_array_index (page_text->words, PortingWord, i);
      double x = (word->rect.x1 + word->rect.x2) / 2;
      double y = (word->rect.y1 + word->rect.y2) / 2;

      if (word->source != PORTING_TEXT_SOURCE_FORM ||
          x < field->rect.x1 || x > field->rect.x2 || y < field->rect.y1 || y > field->rect.y2)
        continue;
      if (span->page < 0)
        {
          span->page = field->page;
          span->start = word->start;
        }
      span->end = word->end;
    }
}

static const NamedField *
best_of_kind (GArray    *named,
              LabelKind  kind)
{
  const NamedField *best = NULL;

  for (guint i = 0; i < named->len; i++)
    {
      const NamedField *field = &g_array_index (named, NamedField, i);

      if (field->kind == kind && field->field->value != NULL &&
          (best == NULL || field->priority < best->priority))
        best = field;
    }
  return best;
}

static void
take (GArray          *named,
      LabelKind        kind,
      char           **value,
      PortingTextSpan *span)
{
  const NamedField *found;

  if (*value != NULL || (found = best_of_kind (named, kind)) == NULL)
    return;

  *value = g_strdup (found->field->value);
  g_strdelimit (*value, "\r\n", ' ');
  if (span != NULL)
    *span = found->span;
}

/* "Columbus" + "OH" + "43215" → "Columbus, OH 43215". */
static char *
compose_city_line (GArray          *named,
                   PortingTextSpan *span)
{
  const NamedField *city = best_of_kind (named, KIND_CITY);
  const NamedField *state = best_of_kind (named, KIND_STATE);
  const NamedField *zip = best_of_kind (named, KIND_ZIP);
  GString *line;

  if (city == NULL)
    return NULL;

  line = g_string_new (city->field->value);
  if (state != NULL)
    g_string_append_printf (line, ", %s", state->field->value);
  if (zip != NULL)
    g_string_append_printf (line, state != NULL ? " %s" : ", %s", zip->field->value);

  *span = city->span;
  if (zip != NULL && zip->span.page == span->page && zip->span.end > span->end)
    span->end = zip->span.end;
  else if (state != NULL && state->span.page == span->page && state->span.end > span->end)
    span->end = state->span.end;

  return g_string_free (line, FALSE);
}

static void
add_numbers (PortingLoaFields       *self,
             const PortingPdfField *field,
             const PortingTextSpan  *span)
{
  g_autoptr(GPtrArray) found = porting_phone_number_find_all (field->value, NULL);

  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      const PortingPhoneNumber *number = g_ptr_array_index (found, i);

      if (number->e164 == NULL ||
          g_ptr_array_find_with_equal_func (self->numbers, number->e164, g_str_equal, NULL))
        continue;
      g_ptr_array_add (self->numbers, g_strdup (number->e164));
      g_array_append_val (self->number_spans, *span);
    }
}

gboolean
_porting_loa_read_form (PortingLoaFields  *self,
                        PortingDocument   *loa,
                        GPtrArray         *pages,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (NamedField));
  g_autoptr(GPtrArray) all_fields = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gboolean street_was_read = self->street != NULL;
  gboolean city_was_read = self->city_line != NULL;

  if (porting_document_get_kind (loa) != PORTING_DOCUMENT_KIND_PDF)
    return TRUE;

  for (guint p = 0; p < pages->len; p++)
    {
      PortingPageText *page_text = g_ptr_array_index (pages, p);
      GPtrArray *fields = porting_document_get_form_fields (loa, p, TRUE, error);

      if (fields == NULL)
        return FALSE;
      g_ptr_array_add (all_fields, fields);

      for (guint f = 0; f < fields->len; f++)
        {
          const PortingPdfField *field = g_ptr_array_index (fields, f);
          NamedField entry = { field, KIND_NONE, 0, { -1, 0, 0 } };

          field_span (field, page_text, &entry.span);
          kind_from_names (field, &entry.kind, &entry.priority);

          if (field->kind == PORTING_PDF_FIELD_SIGNATURE || entry.kind == KIND_SIGNATURE)
            {
              /* Signed: a digital signature, ink in its box, a typed name. */
              self->has_signature_line = TRUE;
              if (!self->is_signed)
                self->is_signed = field->is_signed ||
                                  (field->value != NULL && _porting_loa_is_name_like (field->value)) ||
                                  (field->kind == PORTING_PDF_FIELD_SIGNATURE &&
                                   _porting_loa_area_has_ink (loa, page_text, p, &field->rect, cancellable));
              continue;
            }

          if (field->value == NULL)
            continue;

          /* Numbers from any field, wherever it sits. */
          add_numbers (self, field, &entry.span);
          if (entry.kind != KIND_NONE)
            g_array_append_val (named, entry);
        }
    }

  take (named, KIND_NAME, &self->name, &self->name_span);
  take (named, KIND_AUTHORIZED, &self->authorized_person, &self->authorized_person_span);
  take (named, KIND_CARRIER, &self->carrier, &self->carrier_span);
  take (named, KIND_ACCOUNT, &self->account_number, &self->account_number_span);
  take (named, KIND_BTN, &self->btn, &self->btn_span);
  take (named, KIND_DATE, &self->date, &self->date_span);
  take (named, KIND_ADDRESS, &self->street, &self->street_span);
  if (!street_was_read && self->street != NULL)
    {
      const NamedField *line2 = best_of_kind (named, KIND_ADDRESS2);
      const NamedField *unit = best_of_kind (named, KIND_UNIT);
      const NamedField *extra = line2 != NULL ? line2 : unit;

      if (extra != NULL)
        {
          char *street = g_strdup_printf ("%s, %s", self->street, extra->field->value);

          g_free (self->street);
          self->street = street;
        }
    }
  take (named, KIND_CITY_LINE, &self->city_line, &self->city_line_span);
  if (self->city_line == NULL)
    self->city_line = compose_city_line (named, &self->city_line_span);

  if ((!street_was_read && self->street != NULL) || (!city_was_read && self->city_line != NULL))
    {
      g_free (self->address);
      if (self->street != NULL && self->city_line != NULL)
        self->address = g_strdup_printf ("%s, %s", self->street, self->city_line);
      else
        self->address = g_strdup (self->street != NULL ? self->street : self->city_line);
    }

  return TRUE;
}
