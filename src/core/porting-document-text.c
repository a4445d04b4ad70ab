/* porting-document-text.c — the words of a PDF page: its text layer and its form fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * poppler gives a page's text with one rectangle per character. Words are
 * cut from it at white space and where two characters stand apart (poppler
 * glues columns: "ACCOUNT NAMEAccount number"), then laid out in blocks by
 * porting_page_text_new_from_words(). A fillable form's values are not in
 * the text poppler gives (filled in a viewer, with or without appearance
 * streams): they are added as words of their own, set in their field's
 * box, in place of whatever text was drawn there.
 */

#define G_LOG_DOMAIN "porting-document-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include "porting-document-private.h"

/* A gap wider than this (in character heights) inside a run of characters
 * poppler gives as one word splits it: two columns glued. */
#define WORD_GAP 0.5
/* What a field's value is drawn with when its font size is automatic. */
#define DEFAULT_FIELD_FONT_SIZE 10.0
/* poppler's character boxes are about this high for a font size of 1. */
#define GLYPH_HEIGHT 0.82

static inline gboolean
is_word_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00a0;
}

static inline PortingRect
rect_from_poppler (const PopplerRectangle *r)
{
  return (PortingRect) {
    MIN (r->x1, r->x2), MIN (r->y1, r->y2),
    MAX (r->x1, r->x2), MAX (r->y1, r->y2),
  };
}

/* Whether @next continues the word that ends with @previous. */
static gboolean
continues_word (const PortingRect *previous,
                const PortingRect *next)
{
  double height = MAX (previous->y2 - previous->y1, next->y2 - next->y1);
  double shared = MIN (previous->y2, next->y2) - MAX (previous->y1, next->y1);

  if (height <= 0)
    return TRUE;
  if (shared < 0.5 * MIN (previous->y2 - previous->y1, next->y2 - next->y1))
    return FALSE;
  return next->x1 - previous->x2 <= WORD_GAP * height && next->x1 >= previous->x1 - WORD_GAP * height;
}

/* ---- Form fields ------------------------------------------------------------ */

static void
form_field_free (PortingPdfField *field)
{
  g_free (field->name);
  g_free (field->partial_name);
  g_free (field->alternate_name);
  g_free (field->value);
  g_free (field);
}

static char *
choice_value (PopplerFormField *field)
{
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *edited = poppler_form_field_choice_get_text (field);
  int n_items = poppler_form_field_choice_get_n_items (field);

  if (edited != NULL && edited[0] != '\0')
    return g_steal_pointer (&edited);

  for (int i = 0; i < n_items && i < 256; i++)
    {
      if (poppler_form_field_choice_is_item_selected (field, i))
        {
          g_autofree char *item = poppler_form_field_choice_get_item (field, i);

          if (item == NULL || item[0] == '\0')
            continue;
          if (value->len > 0)
            g_string_append (value, ", ");
          g_string_append (value, item);
        }
    }

  return value->len > 0 ? g_string_free (g_steal_pointer (&value), FALSE) : NULL;
}

/* A signature field holds a signature when poppler finds one to check;
 * an unsigned one answers "not found" or "not verified" without a signer. */
static gboolean
signature_is_present (PopplerFormField *field)
{
  g_autoptr(GError) error = NULL;
  PopplerSignatureInfo *info;
  gboolean present = FALSE;

  info = poppler_form_field_signature_validate_sync (field, 0, NULL, &error);
  if (info == NULL)
    return FALSE;

  switch (poppler_signature_info_get_signature_status (info))
    {
    case POPPLER_SIGNATURE_VALID:
    case POPPLER_SIGNATURE_INVALID:
    case POPPLER_SIGNATURE_DIGEST_MISMATCH:
    case POPPLER_SIGNATURE_DECODING_ERROR:
      present = TRUE;
      break;
    case POPPLER_SIGNATURE_GENERIC_ERROR:
    case POPPLER_SIGNATURE_NOT_FOUND:
    case POPPLER_SIGNATURE_NOT_VERIFIED:
    default:
      {
        const char *signer = poppler_signature_info_get_signer_name (info);

        present = signer != NULL && signer[0] != '\0';
      }
      break;
    }

  poppler_signature_info_free (info);
  return present;
}

static void
strdup_valid (char **out,
              char  *in)
{
  if (in != NULL && !g_utf8_validate (in, -1, NULL))
    {
      *out = g_utf8_make_valid (in, -1);
      g_free (in);
    }
  else
    {
      *out = in;
    }
}

/**
 * _porting_pdf_page_get_form_fields:
 * @poppler_page: a page
 * @page: its 0-based index
 * @with_signatures: whether to look into signature fields (slow: crypto)
 *
 * Returns: (transfer full) (element-type PortingPdfField): the page's fields
 */
GPtrArray *
_porting_pdf_page_get_form_fields (PopplerPage *poppler_page,
                                   guint        page,
                                   gboolean     with_signatures)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) form_field_free);
  GList *mapping;
  double page_width = 0;
  double page_height = 0;

  poppler_page_get_size (poppler_page, &page_width, &page_height);
  mapping = poppler_page_get_form_field_mapping (poppler_page);

  for (GList *l = mapping; l != NULL && fields->len < 1000; l = l->next)
    {
      PopplerFormFieldMapping *map = l->data;
      PopplerFormField *poppler_field = map->field;
      PortingPdfField *field = g_new0 (PortingPdfField, 1);

      field->page = page;
      /* poppler's origin is bottom-left here. */
      field->rect.x1 = MIN (map->area.x1, map->area.x2);
      field->rect.x2 = MAX (map->area.x1, map->area.x2);
      field->rect.y1 = page_height - MAX (map->area.y1, map->area.y2);
      field->rect.y2 = page_height - MIN (map->area.y1, map->area.y2);
      field->font_size = poppler_form_field_get_font_size (poppler_field);
      strdup_valid (&field->name, poppler_form_field_get_name (poppler_field));
      strdup_valid (&field->partial_name, poppler_form_field_get_partial_name (poppler_field));
      strdup_valid (&field->alternate_name, poppler_form_field_get_alternate_ui_name (poppler_field));

      switch (poppler_form_field_get_field_type (poppler_field))
        {
        case POPPLER_FORM_FIELD_TEXT:
          field->kind = PORTING_PDF_FIELD_TEXT;
          field->multiline = poppler_form_field_text_get_text_type (poppler_field) == POPPLER_FORM_TEXT_MULTILINE;
          strdup_valid (&field->value, poppler_form_field_text_get_text (poppler_field));
          break;
        case POPPLER_FORM_FIELD_CHOICE:
          field->kind = PORTING_PDF_FIELD_CHOICE;
          strdup_valid (&field->value, choice_value (poppler_field));
          break;
        case POPPLER_FORM_FIELD_BUTTON:
          field->kind = poppler_form_field_button_get_button_type (poppler_field) == POPPLER_FORM_BUTTON_PUSH ?
                        PORTING_PDF_FIELD_OTHER : PORTING_PDF_FIELD_CHECK;
          field->checked = field->kind == PORTING_PDF_FIELD_CHECK &&
                           poppler_form_field_button_get_state (poppler_field);
          break;
        case POPPLER_FORM_FIELD_SIGNATURE:
          field->kind = PORTING_PDF_FIELD_SIGNATURE;
          field->is_signed = with_signatures && signature_is_present (poppler_field);
          break;
        case POPPLER_FORM_FIELD_UNKNOWN:
        default:
          field->kind = PORTING_PDF_FIELD_OTHER;
          break;
        }

      if (field->value != NULL)
        {
          g_strstrip (field->value);
          if (field->value[0] == '\0')
            g_clear_pointer (&field->value, g_free);
        }

      g_ptr_array_add (fields, field);
    }

  poppler_page_free_form_field_mapping (mapping);

  return fields;
}

static gboolean
center_inside (const PortingRect *word,
               const PortingRect *box)
{
  double x = (word->x1 + word->x2) / 2;
  double y = (word->y1 + word->y2) / 2;

  return x >= box->x1 && x <= box->x2 && y >= box->y1 && y <= box->y2;
}

/* The words of a field's value, set in its box as a viewer draws them:
 * one line (or one per line of a multi-line field), from the left. The
 * words point into @field->value. */
static void
add_field_words (GArray                 *words,
                 const PortingPdfField *field)
{
  const char *value = field->value;
  guint n_lines = 0;
  double box_height = field->rect.y2 - field->rect.y1;
  double font_size;
  double line_height;
  double x;
  double y;
  gboolean line_empty = TRUE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        line_empty = TRUE;
      else if (line_empty && !g_ascii_isspace (*p))
        {
          n_lines++;
          line_empty = FALSE;
        }
    }
  if (n_lines == 0 || box_height <= 0)
    return;

  font_size = field->font_size > 0 ? field->font_size : DEFAULT_FIELD_FONT_SIZE;
  font_size = MIN (font_size, box_height / n_lines / 1.15);
  font_size = MAX (font_size, 2);
  line_height = font_size * 1.15;
  y = n_lines == 1 ? field->rect.y1 + (box_height - font_size * GLYPH_HEIGHT) / 2 : field->rect.y1 + 2;
  x = field->rect.x1 + 2;
  line_empty = TRUE;

  for (const char *p = value; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char (p);
      const char *end;
      PortingLayoutWord word = { 0 };

      if (c == '\n' || c == '\r')
        {
          if (!line_empty)
            y += line_height;
          line_empty = TRUE;
          x = field->rect.x1 + 2;
          p = g_utf8_next_char (p);
          continue;
        }
      if (is_word_separator (c))
        {
          x += 0.28 * font_size;
          p = g_utf8_next_char (p);
          continue;
        }

      for (end = p; *end != '\0'; end = g_utf8_next_char (end))
        {
          gunichar e = g_utf8_get_char (end);

          if (e == '\n' || e == '\r' || is_word_separator (e))
            break;
        }

      word.text = p;
      word.length = end - p;
      word.rect.x1 = x;
      word.rect.x2 = x + g_utf8_strlen (p, end - p) * 0.55 * font_size;
      word.rect.y1 = y;
      word.rect.y2 = y + font_size * GLYPH_HEIGHT;
      word.confidence = 1;
      word.source = PORTING_TEXT_SOURCE_FORM;
      g_array_append_val (words, word);
      x = word.rect.x2;
      line_empty = FALSE;
      p = end;
    }
}

/* ---- The page ------------------------------------------------------------- */

/**
 * _porting_pdf_page_get_text:
 * @poppler_page: a page
 * @page: its 0-based index
 * @keep_words: whether the result keeps its words
 *
 * Not thread-safe on one PopplerDocument: call it under its lock.
 *
 * Returns: (transfer full): the page text, laid out in blocks
 */
PortingPageText *
_porting_pdf_page_get_text (PopplerPage *poppler_page,
                            guint        page,
                            gboolean     keep_words)
{
  g_autofree char *text = poppler_page_get_text (poppler_page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  guint n_rects = 0;
  guint char_index = 0;
  PortingLayoutWord word = { 0 };
  PortingRect previous = { 0 };
  gboolean in_word = FALSE;

  if (text == NULL)
    text = g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      text = valid;
    }

  if (!poppler_page_get_text_layout (poppler_page, &rects, &n_rects))
    {
      g_clear_pointer (&rects, g_free);
      n_rects = 0;
    }

  /* Without one rectangle per character, positions cannot be trusted. */
  if (text[0] != '\0' && (long) n_rects != g_utf8_strlen (text, -1))
    {
      g_debug ("Page %u: %u rectangles for %ld characters", page + 1, n_rects, g_utf8_strlen (text, -1));
      return porting_page_text_new (page, g_steal_pointer (&text));
    }

  words = g_array_new (FALSE, FALSE, sizeof (PortingLayoutWord));
  word.confidence = 1;
  word.source = PORTING_TEXT_SOURCE_TEXT;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), char_index++)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      PortingRect rect = rect_from_poppler (&rects[char_index]);

      if (is_word_separator (c))
        {
          if (in_word)
            g_array_append_val (words, word);
          in_word = FALSE;
          continue;
        }

      if (in_word && !continues_word (&previous, &rect))
        {
          g_array_append_val (words, word);
          in_word = FALSE;
        }

      if (!in_word)
        {
          in_word = TRUE;
          word.text = p;
          word.rect = rect;
        }
      else
        {
          word.rect.x1 = MIN (word.rect.x1, rect.x1);
          word.rect.y1 = MIN (word.rect.y1, rect.y1);
          word.rect.x2 = MAX (word.rect.x2, rect.x2);
          word.rect.y2 = MAX (word.rect.y2, rect.y2);
        }
      word.length = next - word.text;
      previous = rect;
    }
  if (in_word)
    g_array_append_val (words, word);

  /* Form values, in place of what their boxes show. */
  fields = _porting_pdf_page_get_form_fields (poppler_page, page, FALSE);
  for (guint f = 0; f < fields->len; f++)
    {
      const PortingPdfField *field = g_ptr_array_index (fields, f);

      if (field->value == NULL)
        continue;

      for (guint i = words->len; i > 0; i--)
        {
          const PortingLayoutWord *drawn = &g_array_index (words, PortingLayoutWord, i - 1);

          if (drawn->source == PORTING_TEXT_SOURCE_TEXT && center_inside (&drawn->rect, &field->rect))
            g_array_remove_index (words, i - 1);
        }
      add_field_words (words, field);
    }

  return porting_page_text_new_from_words (page, (const PortingLayoutWord *) (gpointer) words->data,
                                           words->len, keep_words);
}
