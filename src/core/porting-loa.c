/* porting-loa.c — the fields of a Letter of Authorization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-loa"

#include "config.h"

#include <string.h>

#include "porting-loa-private.h"
#include "porting-phone-number.h"

/* The best-priority segment of @kind that has a value, first one on ties. */
static gboolean
find_field (Page      *pages,
            guint      n_pages,
            LabelKind  kind,
            char     **value,
            PortingTextSpan *span,
            Found     *found)
{
  Found best = { NULL, NULL };
  guint best_start = 0, best_end = 0, best_line = 0;

  for (guint p = 0; p < n_pages; p++)
    {
      for (guint s = 0; s < pages[p].segments->len; s++)
        {
          const Segment *segment = &g_array_index (pages[p].segments, Segment, s);
          guint start, end, line;

          if (segment->kind != kind)
            continue;
          if (best.segment != NULL && segment->priority >= best.segment->priority)
            continue;
          if (!_porting_loa_segment_value (&pages[p], segment, &start, &end, &line))
            continue;

          best.page = &pages[p];
          best.segment = segment;
          best_start = start;
          best_end = end;
          best_line = line;
        }
    }

  if (best.segment == NULL)
    return FALSE;

  g_array_index (best.page->line_used, gboolean, best_line) = TRUE;
  if (value != NULL)
    *value = _porting_loa_span_text (best.page, best_start, best_end);
  if (span != NULL)
    _porting_loa_set_span (span, best.page, best_start, best_end);
  if (found != NULL)
    *found = best;
  return TRUE;
}

/* "City: Oakland  State: CA  ZIP: 94607" → "Oakland, CA 94607". */
static char *
compose_city_line (Page          *page,
                   const Segment *city_segment,
                   PortingTextSpan *span)
{
  g_autoptr(GString) line = g_string_new (NULL);
  guint start, end, value_line;
  guint last_end;
  char *state = NULL, *zip = NULL;
  guint index = city_segment - &g_array_index (page->segments, Segment, 0);

  if (!_porting_loa_segment_value (page, city_segment, &start, &end, &value_line))
    return NULL;

  g_string_append_len (line, page->text + start, end - start);
  _porting_loa_set_span (span, page, start, end);
  last_end = end;

  for (guint s = index + 1; s < page->segments->len; s++)
    {
      const Segment *segment = &g_array_index (page->segments, Segment, s);
      guint s_start, s_end, s_line;

      if (segment->line > value_line + 3)
        break;
      if (segment->kind != KIND_STATE && segment->kind != KIND_ZIP)
        continue;
      if (!_porting_loa_segment_value (page, segment, &s_start, &s_end, &s_line))
        continue;
      if (segment->kind == KIND_STATE && state == NULL)
        state = _porting_loa_span_text (page, s_start, s_end);
      else if (segment->kind == KIND_ZIP && zip == NULL)
        zip = _porting_loa_span_text (page, s_start, s_end);
      else
        continue;
      last_end = MAX (last_end, s_end);
    }

  if (state != NULL)
    g_string_append_printf (line, ", %s", state);
  if (zip != NULL)
    g_string_append_printf (line, state != NULL ? " %s" : ", %s", zip);
  if (last_end > span->end && g_array_index (page->line_first_segment, guint, value_line) != G_MAXUINT)
    span->end = last_end;

  g_free (state);
  g_free (zip);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* "Address Line 2: Suite 400", or "Suite: 400" → "Suite 400". */
static void
add_street_line2 (PortingLoaFields *self,
                  Page             *pages,
                  guint             n_pages)
{
  g_autofree char *line2 = NULL;
  g_autofree char *unit = NULL;
  char *street;
  Found found;

  if (find_field (pages, n_pages, KIND_ADDRESS2, &line2, NULL, NULL))
    {
      street = g_strdup_printf ("%s, %s", self->street, line2);
      g_free (self->street);
      self->street = street;
    }

  if (find_field (pages, n_pages, KIND_UNIT, &unit, NULL, &found))
    {
      const char *label = found.page->text + found.segment->label_start;
      guint designator_length = 0;
      g_autofree char *designator = NULL;

      while (g_ascii_isalpha (label[designator_length]))
        designator_length++;
      designator = g_ascii_strdown (label, designator_length);
      designator[0] = g_ascii_toupper (designator[0]);

      /* The value may carry its own designator ("Suite 400"). */
      if (g_ascii_isdigit (unit[0]) || strlen (unit) <= 4)
        street = g_strdup_printf ("%s, %s %s", self->street, designator, unit);
      else
        street = g_strdup_printf ("%s, %s", self->street, unit);
      g_free (self->street);
      self->street = street;
    }
}

static void
read_address (PortingLoaFields *self,
              Page             *pages,
              guint             n_pages)
{
  Found found;
  Page *page;
  guint start, end, street_line, next;
  const Segment *below;
  double left, right;

  if (!find_field (pages, n_pages, KIND_ADDRESS, &self->street, &self->street_span, &found))
    goto labelled_city;

  page = found.page;
  _porting_loa_segment_value (page, found.segment, &start, &end, &street_line);
  left = found.segment->x1;
  right = _porting_loa_column_end (found.segment);

  if (_porting_loa_has_postal_code (self->street))
    goto done;   /* the whole address on one line */

  next = _porting_loa_next_text_line (page, street_line);
  if (next == G_MAXUINT)
    goto labelled_city;

  below = _porting_loa_column_segment (page, next, left, right);
  if (below == NULL)
    goto labelled_city;

  if (below->kind == KIND_CITY_LINE)
    {
      guint c_start, c_end, c_line;

      if (_porting_loa_segment_value (page, below, &c_start, &c_end, &c_line))
        {
          self->city_line = _porting_loa_span_text (page, c_start, c_end);
          _porting_loa_set_span (&self->city_line_span, page, c_start, c_end);
        }
      goto labelled_city;
    }

  if (below->kind == KIND_CITY)
    {
      self->city_line = compose_city_line (page, below, &self->city_line_span);
      goto labelled_city;
    }

  if (below->kind == KIND_NONE && !g_array_index (page->line_used, gboolean, next))
    {
      g_autofree char *candidate = _porting_loa_span_text (page, below->value_start, below->value_end);
      guint after = _porting_loa_next_text_line (page, next);
      const Segment *after_segment = after != G_MAXUINT ? _porting_loa_column_segment (page, after, left, right) : NULL;

      if (_porting_loa_has_postal_code (candidate))
        {
          self->city_line = g_steal_pointer (&candidate);
          _porting_loa_set_span (&self->city_line_span, page, below->value_start, below->value_end);
        }
      else if (after_segment != NULL && after_segment->kind == KIND_NONE)
        {
          /* A second street line ("Suite 400") before the city line. */
          g_autofree char *city = _porting_loa_span_text (page, after_segment->value_start, after_segment->value_end);

          if (_porting_loa_has_postal_code (city))
            {
              char *street = g_strdup_printf ("%s, %s", self->street, candidate);

              g_free (self->street);
              self->street = street;
              self->street_span.end = below->value_end;
              self->city_line = g_steal_pointer (&city);
              _porting_loa_set_span (&self->city_line_span, page, after_segment->value_start, after_segment->value_end);
              g_array_index (page->line_used, gboolean, after) = TRUE;
            }
          else if (_porting_loa_is_plausible_city_line (candidate))
            {
              self->city_line = g_steal_pointer (&candidate);
              _porting_loa_set_span (&self->city_line_span, page, below->value_start, below->value_end);
            }
        }
      else if (_porting_loa_is_plausible_city_line (candidate))
        {
          self->city_line = g_steal_pointer (&candidate);
          _porting_loa_set_span (&self->city_line_span, page, below->value_start, below->value_end);
        }

      if (self->city_line != NULL)
        g_array_index (page->line_used, gboolean, next) = TRUE;
    }

labelled_city:
  /* A city line labelled elsewhere on the form. */
  if (self->city_line == NULL)
    {
      if (!find_field (pages, n_pages, KIND_CITY_LINE, &self->city_line, &self->city_line_span, NULL) &&
          find_field (pages, n_pages, KIND_CITY, NULL, NULL, &found))
        self->city_line = compose_city_line (found.page, found.segment, &self->city_line_span);
    }

done:
  if (self->street != NULL)
    add_street_line2 (self, pages, n_pages);

  if (self->street != NULL && self->city_line != NULL)
    self->address = g_strdup_printf ("%s, %s", self->street, self->city_line);
  else if (self->street != NULL)
    self->address = g_strdup (self->street);
  else if (self->city_line != NULL)
    self->address = g_strdup (self->city_line);
}

static gboolean
overlaps_field (const Page *page,
                guint       start,
                guint       end)
{
  for (guint s = 0; s < page->segments->len; s++)
    {
      const Segment *segment = &g_array_index (page->segments, Segment, s);

      if ((segment->kind == KIND_ACCOUNT || segment->kind == KIND_DATE || segment->kind == KIND_ZIP) &&
          start < segment->value_end && end > segment->value_start)
        return TRUE;
    }
  return FALSE;
}

static void
read_numbers (PortingLoaFields *self,
              Page             *pages,
              guint             n_pages)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(GPtrArray) found = porting_phone_number_find_all (pages[p].text, NULL);

      for (guint i = 0; found != NULL && i < found->len; i++)
        {
          const PortingPhoneNumber *number = g_ptr_array_index (found, i);
          PortingTextSpan span;

          if (number->e164 == NULL)
            continue;
          if (overlaps_field (&pages[p], number->start, number->end))
            continue;
          if (g_hash_table_contains (seen, number->e164))
            continue;

          g_ptr_array_add (self->numbers, g_strdup (number->e164));
          g_hash_table_add (seen, g_ptr_array_index (self->numbers, self->numbers->len - 1));
          _porting_loa_set_span (&span, &pages[p], number->start, number->end);
          g_array_append_val (self->number_spans, span);
        }
    }
}

G_DEFINE_BOXED_TYPE (PortingLoaFields, porting_loa_fields, porting_loa_fields_copy, porting_loa_fields_free)

static const PortingTextSpan no_span = { -1, 0, 0 };

PortingLoaFields *
porting_loa_fields_new (void)
{
  PortingLoaFields *self = g_new0 (PortingLoaFields, 1);

  self->numbers = g_ptr_array_new_with_free_func (g_free);
  self->number_spans = g_array_new (FALSE, FALSE, sizeof (PortingTextSpan));
  self->name_span = no_span;
  self->authorized_person_span = no_span;
  self->street_span = no_span;
  self->city_line_span = no_span;
  self->carrier_span = no_span;
  self->account_number_span = no_span;
  self->btn_span = no_span;
  self->date_span = no_span;
  self->signature_span = no_span;

  return self;
}

PortingLoaFields *
porting_loa_fields_copy (const PortingLoaFields *self)
{
  PortingLoaFields *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  copy->authorized_person = g_strdup (self->authorized_person);
  copy->address = g_strdup (self->address);
  copy->street = g_strdup (self->street);
  copy->city_line = g_strdup (self->city_line);
  copy->carrier = g_strdup (self->carrier);
  copy->account_number = g_strdup (self->account_number);
  copy->btn = g_strdup (self->btn);
  copy->date = g_strdup (self->date);
  copy->numbers = g_ptr_array_copy (self->numbers, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (copy->numbers, g_free);
  copy->number_spans = g_array_copy (self->number_spans);

  return copy;
}

void
porting_loa_fields_free (PortingLoaFields *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->authorized_person);
  g_free (self->address);
  g_free (self->street);
  g_free (self->city_line);
  g_free (self->carrier);
  g_free (self->account_number);
  g_free (self->btn);
  g_free (self->date);
  g_clear_pointer (&self->numbers, g_ptr_array_unref);
  g_clear_pointer (&self->number_spans, g_array_unref);
  g_free (self);
}

PortingLoaFields *
porting_loa_fields_new_from_pages (GPtrArray *pages)
{
  g_autoptr(PortingLoaFields) self = porting_loa_fields_new ();
  g_autofree Page *parsed = NULL;
  guint n_pages;

  g_return_val_if_fail (pages != NULL, NULL);

  n_pages = pages->len;
  parsed = g_new0 (Page, MAX (n_pages, 1));
  for (guint p = 0; p < n_pages; p++)
    _porting_loa_page_init (&parsed[p], g_ptr_array_index (pages, p));

  /* Name and authorized person first: their value lines are then "used"
   * and never read as a signature or a city line. */
  find_field (parsed, n_pages, KIND_NAME, &self->name, &self->name_span, NULL);
  find_field (parsed, n_pages, KIND_AUTHORIZED, &self->authorized_person, &self->authorized_person_span, NULL);
  read_address (self, parsed, n_pages);
  find_field (parsed, n_pages, KIND_CARRIER, &self->carrier, &self->carrier_span, NULL);
  find_field (parsed, n_pages, KIND_ACCOUNT, &self->account_number, &self->account_number_span, NULL);
  find_field (parsed, n_pages, KIND_BTN, &self->btn, &self->btn_span, NULL);
  find_field (parsed, n_pages, KIND_DATE, &self->date, &self->date_span, NULL);
  _porting_loa_read_signature (self, parsed, n_pages);
  read_numbers (self, parsed, n_pages);

  for (guint p = 0; p < n_pages; p++)
    _porting_loa_page_clear (&parsed[p]);

  return g_steal_pointer (&self);
}

static gboolean
collect_page (PortingPageText *page_text,
              gpointer         user_data)
{
  g_ptr_array_add (user_data, porting_page_text_ref (page_text));
  return TRUE;
}

PortingLoaFields *
porting_loa_fields_read (PortingDocument  *loa,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(GPtrArray) pages = NULL;
  PortingLoaFields *fields;
  guint n_pages;

  g_return_val_if_fail (PORTING_IS_DOCUMENT (loa), NULL);

  n_pages = porting_document_get_n_pages (loa);
  pages = g_ptr_array_new_full (n_pages, (GDestroyNotify) porting_page_text_unref);

  /* Every page, extracted on both cores. */
  if (!porting_document_scan_text (loa, PORTING_PAGE_TEXT_FLAGS_WORDS, collect_page, pages, cancellable, error))
    return NULL;

  fields = porting_loa_fields_new_from_pages (pages);

  /* A fillable form: what its fields' names say, and its signature field. */
  if (!_porting_loa_read_form (fields, loa, pages, cancellable, error))
    {
      porting_loa_fields_free (fields);
      return NULL;
    }

  if (fields->has_signature_line && !fields->is_signed && fields->signature_span.page >= 0 &&
      porting_document_get_kind (loa) == PORTING_DOCUMENT_KIND_PDF)
    fields->is_signed = _porting_loa_signature_has_ink (loa, g_ptr_array_index (pages, fields->signature_span.page),
                                           &fields->signature_span, cancellable);

  return fields;
}
