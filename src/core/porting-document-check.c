/* porting-document-check.c — compare an LOA with an invoice or CSR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-document-check"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "porting-document-check.h"
#include "porting-phone-number.h"
#include "porting-proof-date.h"

/* Carriers want a bill from the last 30 days. */
#define MAX_PROOF_AGE_DAYS 30
/* Bills print their date on the first pages: past these, stop looking for it. */
#define DATE_SEARCH_PAGES 3

#define N_FIELDS PORTING_N_FIELDS

struct _PortingCheckOptions
{
  char      *name;
  char      *address;
  GPtrArray *numbers;
  GDate      today;    /* invalid = the real today */
};

struct _PortingCheckResult
{
  GObject              parent_instance;

  PortingCheckVerdict  verdict;
  PortingLoaFields    *loa;
  PortingFieldResult  *fields[N_FIELDS];   /* by PortingField */
  GPtrArray           *missing_from_loa;
  GPtrArray           *warnings;
  GDate                proof_date;         /* invalid when none */
  guint                proof_pages_read;
};

G_DEFINE_FINAL_TYPE (PortingCheckResult, porting_check_result, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (PortingCheckOptions, porting_check_options,
                     porting_check_options_copy, porting_check_options_free)

/* ---- Options ---------------------------------------------------------- */

PortingCheckOptions *
porting_check_options_new (void)
{
  PortingCheckOptions *self = g_new0 (PortingCheckOptions, 1);

  self->numbers = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&self->today, 1);

  return self;
}

PortingCheckOptions *
porting_check_options_copy (const PortingCheckOptions *self)
{
  PortingCheckOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = porting_check_options_new ();
  copy->name = g_strdup (self->name);
  copy->address = g_strdup (self->address);
  for (guint i = 0; i < self->numbers->len; i++)
    g_ptr_array_add (copy->numbers, g_strdup (g_ptr_array_index (self->numbers, i)));
  copy->today = self->today;

  return copy;
}

void
porting_check_options_free (PortingCheckOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->address);
  g_ptr_array_unref (self->numbers);
  g_free (self);
}

void
porting_check_options_set_name (PortingCheckOptions *self,
                                const char          *name)
{
  g_return_if_fail (self != NULL);

  g_free (self->name);
  self->name = g_strdup (name);
}

void
porting_check_options_set_address (PortingCheckOptions *self,
                                   const char          *address)
{
  g_return_if_fail (self != NULL);

  g_free (self->address);
  self->address = g_strdup (address);
}

void
porting_check_options_add_number (PortingCheckOptions *self,
                                  const char          *number)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (number != NULL);

  g_ptr_array_add (self->numbers, g_strdup (number));
}

void
porting_check_options_set_today (PortingCheckOptions *self,
                                 const GDate         *today)
{
  g_return_if_fail (self != NULL);

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
}

/* ---- Warnings --------------------------------------------------------- */

static void
porting_check_warning_free (PortingCheckWarning *warning)
{
  g_free (warning->code);
  g_free (warning->message);
  g_free (warning);
}

static void
add_warning (PortingCheckResult *self,
             const char         *code,
             char               *message)
{
  PortingCheckWarning *warning = g_new0 (PortingCheckWarning, 1);

  warning->code = g_strdup (code);
  warning->message = message;
  g_ptr_array_add (self->warnings, warning);
}

/* ---- Result ----------------------------------------------------------- */

static void
porting_check_result_finalize (GObject *object)
{
  PortingCheckResult *self = (PortingCheckResult *) object;

  g_clear_pointer (&self->loa, porting_loa_fields_free);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->fields[i], porting_field_result_free);
  g_clear_pointer (&self->missing_from_loa, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (porting_check_result_parent_class)->finalize (object);
}

static void
porting_check_result_class_init (PortingCheckResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porting_check_result_finalize;
}

static void
porting_check_result_init (PortingCheckResult *self)
{
  self->verdict = PORTING_CHECK_VERDICT_REVIEW;
  self->missing_from_loa = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_check_warning_free);
  g_date_clear (&self->proof_date, 1);
}

PortingCheckVerdict
porting_check_result_get_verdict (PortingCheckResult *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_RESULT (self), PORTING_CHECK_VERDICT_REVIEW);

  return self->verdict;
}

const PortingLoaFields *
porting_check_result_get_loa_fields (PortingCheckResult *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_RESULT (self), NULL);

  return self->loa;
}

const PortingFieldResult *
porting_check_result_get_field (PortingCheckResult *self,
                                PortingField        field)
{
  g_return_val_if_fail (PORTING_IS_CHECK_RESULT (self), NULL);
  g_return_val_if_fail (field < N_FIELDS, NULL);

  return self->fields[field];
}

GPtrArray *
porting_check_result_get_numbers_missing_from_loa (PortingCheckResult *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_RESULT (self), NULL);

  return self->missing_from_loa;
}

GPtrArray *
porting_check_result_get_warnings (PortingCheckResult *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_RESULT (self), NULL);

  return self->warnings;
}

gboolean
porting_check_result_has_warning (PortingCheckResult *self,
                                  const char         *code)
{
  g_return_val_if_fail (PORTING_IS_CHECK_RESULT (self), FALSE);

  for (guint i = 0; i < self->warnings->len; i++)
    {
      const PortingCheckWarning *warning = g_ptr_array_index (self->warnings, i);

      if (g_str_equal (warning->code, code))
        return TRUE;
    }
  return FALSE;
}

const GDate *
porting_check_result_get_proof_date (PortingCheckResult *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_RESULT (self), NULL);

  return g_date_valid (&self->proof_date) ? &self->proof_date : NULL;
}

guint
porting_check_result_get_proof_pages_read (PortingCheckResult *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_RESULT (self), 0);

  return self->proof_pages_read;
}

const char *
porting_check_verdict_to_string (PortingCheckVerdict verdict)
{
  switch (verdict)
    {
    case PORTING_CHECK_VERDICT_MATCH:
      return "match";
    case PORTING_CHECK_VERDICT_MISMATCH:
      return "mismatch";
    case PORTING_CHECK_VERDICT_REVIEW:
      return "review";
    default:
      g_return_val_if_reached ("review");
    }
}

/* "the name", "the name and the address", "the name, the address and the account number" */
static char *
join_list (GPtrArray *items)
{
  g_autofree char *joined = NULL;

  if (items->len == 0)
    return NULL;
  joined = g_strdup (g_ptr_array_index (items, 0));
  for (guint i = 1; i < items->len; i++)
    {
      char *longer = i + 1 < items->len ?
        /* TRANSLATORS: joins the items of a list but its last: "the name, the address" */
        g_strdup_printf (_("%s, %s"), joined, (const char *) g_ptr_array_index (items, i)) :
        /* TRANSLATORS: joins the last item of a list: "the name and the address" */
        g_strdup_printf (_("%s and %s"), joined, (const char *) g_ptr_array_index (items, i));

      g_free (joined);
      joined = longer;
    }
  return g_steal_pointer (&joined);
}

static const char *
field_noun (PortingField field)
{
  switch (field)
    {
    case PORTING_FIELD_NAME:
      return _("the name");
    case PORTING_FIELD_ADDRESS:
      return _("the address");
    case PORTING_FIELD_ACCOUNT_NUMBER:
      return _("the account number");
    case PORTING_FIELD_BTN:
      return _("the billing telephone number");
    case PORTING_FIELD_CARRIER:
      return _("the carrier");
    default:
      g_return_val_if_reached ("");
    }
}

static void
append_sentence (GString    *out,
                 const char *sentence)
{
  g_autofree char *first = g_utf8_strup (sentence, g_utf8_next_char (sentence) - sentence);

  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, first);
  g_string_append (out, g_utf8_next_char (sentence));
}

/**
 * porting_check_result_dup_summary:
 * @self: a #PortingCheckResult
 *
 * The verdict in words, naming what does not match: "Name and address
 * match", "The account number does not match. Carriers reject such
 * ports." A carrier other than the bill's is said, though it does not
 * change the verdict.
 *
 * Returns: (transfer full): a translated sentence or two
 */
char *
porting_check_result_dup_summary (PortingCheckResult *self)
{
  static const PortingField checked[] = {
    PORTING_FIELD_NAME, PORTING_FIELD_ADDRESS, PORTING_FIELD_ACCOUNT_NUMBER, PORTING_FIELD_BTN,
  };
  g_autoptr(GPtrArray) differ = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  const PortingFieldResult *carrier;

  g_return_val_if_fail (PORTING_IS_CHECK_RESULT (self), NULL);

  if (self->verdict == PORTING_CHECK_VERDICT_REVIEW)
    return g_strdup (_("This image has no readable text: check it by eye"));

  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    {
      const PortingFieldResult *field = self->fields[checked[i]];

      if (field == NULL)
        continue;
      if (field->status == PORTING_FIELD_STATUS_MISMATCH)
        g_ptr_array_add (differ, (gpointer) field_noun (checked[i]));
      else if (field->status == PORTING_FIELD_STATUS_NOT_FOUND)
        g_ptr_array_add (missing, (gpointer) field_noun (checked[i]));
    }

  if (self->verdict == PORTING_CHECK_VERDICT_MATCH)
    g_string_append (out, _("Name and address match"));

  if (differ->len > 0)
    {
      g_autofree char *list = join_list (differ);
      g_autofree char *sentence = differ->len == 1 ?
        /* TRANSLATORS: %s is "the account number", "the name"… */
        g_strdup_printf (_("%s does not match."), list) :
        /* TRANSLATORS: %s is "the name and the address"… */
        g_strdup_printf (_("%s do not match."), list);

      append_sentence (out, sentence);
    }
  if (missing->len > 0)
    {
      g_autofree char *list = join_list (missing);
      g_autofree char *sentence = missing->len == 1 ?
        /* TRANSLATORS: %s is "the name", "the address"… */
        g_strdup_printf (_("%s is not on the invoice or CSR."), list) :
        /* TRANSLATORS: %s is "the name and the address"… */
        g_strdup_printf (_("%s are not on the invoice or CSR."), list);

      append_sentence (out, sentence);
    }
  if (self->verdict == PORTING_CHECK_VERDICT_MISMATCH)
    append_sentence (out, _("Carriers reject such ports."));

  carrier = self->fields[PORTING_FIELD_CARRIER];
  if (carrier != NULL && carrier->status == PORTING_FIELD_STATUS_MISMATCH)
    {
      if (self->verdict == PORTING_CHECK_VERDICT_MATCH)
        g_string_append_c (out, '.');
      append_sentence (out, _("The LOA names another carrier than the one the bill is from."));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_field (JsonBuilder              *builder,
           const char               *member,
           const PortingFieldResult *field)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, porting_field_status_to_string (field->status));
  add_nullable_string (builder, "loa_text", field->loa_text);
  add_nullable_string (builder, "proof_text", field->proof_text);
  json_builder_set_member_name (builder, "proof_page");
  if (field->proof_page >= 0 && field->proof_text != NULL)
    json_builder_add_int_value (builder, field->proof_page + 1);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "differences");
  json_builder_begin_array (builder);
  for (guint i = 0; field->differences != NULL && i < field->differences->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (field->differences, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, porting_text_source_to_string (field->source));
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_double_value (builder, field->confidence);

  json_builder_end_object (builder);
}

JsonNode *
porting_check_result_to_json (PortingCheckResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PORTING_IS_CHECK_RESULT (self), NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "loa");
  json_builder_begin_object (builder);
  add_nullable_string (builder, "name", self->loa->name);
  add_nullable_string (builder, "address", self->loa->address);
  json_builder_set_member_name (builder, "numbers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->loa->numbers->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->loa->numbers, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  add_field (builder, "name", self->fields[PORTING_FIELD_NAME]);
  add_field (builder, "address", self->fields[PORTING_FIELD_ADDRESS]);
  if (self->fields[PORTING_FIELD_ACCOUNT_NUMBER] != NULL)
    add_field (builder, "account_number", self->fields[PORTING_FIELD_ACCOUNT_NUMBER]);
  if (self->fields[PORTING_FIELD_BTN] != NULL)
    add_field (builder, "btn", self->fields[PORTING_FIELD_BTN]);
  if (self->fields[PORTING_FIELD_CARRIER] != NULL)
    add_field (builder, "carrier", self->fields[PORTING_FIELD_CARRIER]);

  json_builder_set_member_name (builder, "numbers");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "missing_from_loa");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->missing_from_loa->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->missing_from_loa, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->warnings->len; i++)
    {
      const PortingCheckWarning *warning = g_ptr_array_index (self->warnings, i);

      json_builder_add_string_value (builder, warning->code);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, porting_check_verdict_to_string (self->verdict));

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ---- Bill date -------------------------------------------------------- */

gboolean
porting_document_check_find_bill_date (const char *text,
                                       GDate      *date)
{
  return porting_proof_date_find_in_text (text, date);
}

/* ---- The check -------------------------------------------------------- */

typedef struct
{
  PortingCheckResult *result;
  gboolean            settled[N_FIELDS];
  gboolean            has_text;
  guint               pages_with_text;
} Scan;

static gboolean
page_has_text (PortingPageText *page)
{
  if (page == NULL || page->text == NULL)
    return FALSE;

  for (const char *p = page->text; *p; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
scan_proof_page (PortingPageText *page,
                 gpointer         user_data)
{
  Scan *scan = user_data;
  PortingCheckResult *result = scan->result;

  result->proof_pages_read++;

  if (!page_has_text (page))
    return TRUE;

  scan->has_text = TRUE;
  scan->pages_with_text++;

  for (guint f = 0; f < N_FIELDS; f++)
    {
      if (result->fields[f] != NULL && !scan->settled[f])
        scan->settled[f] = porting_field_match_page (result->fields[f], page);
    }

  if (!g_date_valid (&result->proof_date))
    porting_proof_date_find (page, &result->proof_date);

  /* A long invoice is read no further than what the answer needs. */
  return !(scan->settled[PORTING_FIELD_NAME] &&
           scan->settled[PORTING_FIELD_ADDRESS] &&
           (g_date_valid (&result->proof_date) || scan->pages_with_text >= DATE_SEARCH_PAGES));
}

static PortingFieldResult *
new_field (PortingField           field,
           const char            *override,
           const char            *loa_text,
           const PortingTextSpan *span,
           const PortingTextSpan *span_end)
{
  PortingFieldResult *result;

  if (override != NULL)
    {
      result = porting_field_result_new (field, override);
      result->loa_page = -1;
      return result;
    }

  result = porting_field_result_new (field, loa_text);
  result->loa_page = span->page;
  result->loa_start = span->start;
  result->loa_end = span->end;
  if (span_end != NULL && span_end->page == span->page && span_end->end > span->end)
    result->loa_end = span_end->end;

  return result;
}

/* Where the LOA's side of @field was read: a form field or the text (or
 * OCR), and how surely. */
static void
set_loa_source (PortingFieldResult    *field,
                GPtrArray             *loa_pages,
                const PortingTextSpan *span)
{
  PortingTextSource source = PORTING_TEXT_SOURCE_TEXT;
  double confidence;

  if (field == NULL || span == NULL || span->page < 0 || (guint) span->page >= loa_pages->len ||
      span->end <= span->start)
    return;

  confidence = porting_page_text_get_confidence (g_ptr_array_index (loa_pages, span->page),
                                                 span->start, span->end, &source);
  field->loa_source = MAX (field->loa_source, source);
  field->loa_confidence = MIN (field->loa_confidence, confidence);
  field->source = field->loa_source;
  field->confidence = field->loa_confidence;
}

static void
check_numbers (PortingCheckResult        *self,
               const PortingCheckOptions *options)
{
  for (guint i = 0; options != NULL && i < options->numbers->len; i++)
    {
      const char *given = g_ptr_array_index (options->numbers, i);
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (given, NULL);
      const char *key = number != NULL && number->e164 != NULL ? number->e164 : given;

      if (number != NULL && number->e164 != NULL &&
          g_ptr_array_find_with_equal_func (self->loa->numbers, number->e164, g_str_equal, NULL))
        continue;
      if (g_ptr_array_find_with_equal_func (self->missing_from_loa, key, g_str_equal, NULL))
        continue;

      g_ptr_array_add (self->missing_from_loa, g_strdup (key));
    }
}

static void
add_date_warnings (PortingCheckResult        *self,
                   const PortingCheckOptions *options)
{
  GDate today;
  char formatted[128];

  if (!g_date_valid (&self->proof_date))
    {
      add_warning (self, PORTING_CHECK_WARNING_PROOF_DATE_NOT_FOUND,
                   g_strdup (_("No bill date could be read on the invoice or CSR. Carriers want one from the last 30 days.")));
      return;
    }

  if (options != NULL && g_date_valid (&options->today))
    today = options->today;
  else
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
    }

  if (g_date_days_between (&self->proof_date, &today) > MAX_PROOF_AGE_DAYS)
    {
      if (g_date_strftime (formatted, sizeof formatted, "%x", &self->proof_date) == 0)
        g_strlcpy (formatted, "?", sizeof formatted);
      add_warning (self, PORTING_CHECK_WARNING_PROOF_TOO_OLD,
                   /* Translators: %s is a date */
                   g_strdup_printf (_("The bill is dated %s, more than 30 days ago. Carriers want a bill from the last 30 days."),
                                    formatted));
    }
}

static gboolean
field_is_mismatch (PortingCheckResult *self,
                   PortingField        field)
{
  return self->fields[field] != NULL && self->fields[field]->status == PORTING_FIELD_STATUS_MISMATCH;
}

static gboolean
loa_pages_have_text (GPtrArray *pages)
{
  for (guint i = 0; i < pages->len; i++)
    {
      if (page_has_text (g_ptr_array_index (pages, i)))
        return TRUE;
    }
  return FALSE;
}

PortingCheckResult *
porting_document_check_run (PortingDocument            *loa,
                            PortingDocument            *proof,
                            const PortingCheckOptions  *options,
                            GCancellable               *cancellable,
                            GError                    **error)
{
  g_autoptr(PortingCheckResult) self = NULL;
  g_autoptr(GPtrArray) loa_pages = NULL;
  const char *name_override = options != NULL ? options->name : NULL;
  const char *address_override = options != NULL ? options->address : NULL;
  gboolean loa_readable;
  Scan scan = { 0 };

  g_return_val_if_fail (PORTING_IS_DOCUMENT (loa), NULL);
  g_return_val_if_fail (PORTING_IS_DOCUMENT (proof), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_object_new (PORTING_TYPE_CHECK_RESULT, NULL);

  self->loa = porting_loa_fields_read (loa, cancellable, error);
  if (self->loa == NULL)
    return NULL;

  /* Cached by the document: this reads nothing again. */
  loa_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_page_text_unref);
  for (guint p = 0; p < porting_document_get_n_pages (loa); p++)
    {
      PortingPageText *page_text = porting_document_get_page_text (loa, p, PORTING_PAGE_TEXT_FLAGS_WORDS,
                                                                   cancellable, error);

      if (page_text == NULL)
        return NULL;
      g_ptr_array_add (loa_pages, page_text);
    }
  loa_readable = loa_pages_have_text (loa_pages);

  self->fields[PORTING_FIELD_NAME] =
    new_field (PORTING_FIELD_NAME, name_override, self->loa->name, &self->loa->name_span, NULL);
  self->fields[PORTING_FIELD_ADDRESS] =
    new_field (PORTING_FIELD_ADDRESS, address_override, self->loa->address,
               &self->loa->street_span, &self->loa->city_line_span);
  if (self->loa->account_number != NULL)
    self->fields[PORTING_FIELD_ACCOUNT_NUMBER] =
      new_field (PORTING_FIELD_ACCOUNT_NUMBER, NULL, self->loa->account_number,
                 &self->loa->account_number_span, NULL);
  if (self->loa->btn != NULL)
    self->fields[PORTING_FIELD_BTN] =
      new_field (PORTING_FIELD_BTN, NULL, self->loa->btn, &self->loa->btn_span, NULL);
  if (self->loa->carrier != NULL)
    self->fields[PORTING_FIELD_CARRIER] =
      new_field (PORTING_FIELD_CARRIER, NULL, self->loa->carrier, &self->loa->carrier_span, NULL);

  if (name_override == NULL)
    set_loa_source (self->fields[PORTING_FIELD_NAME], loa_pages, &self->loa->name_span);
  if (address_override == NULL)
    {
      set_loa_source (self->fields[PORTING_FIELD_ADDRESS], loa_pages, &self->loa->street_span);
      set_loa_source (self->fields[PORTING_FIELD_ADDRESS], loa_pages, &self->loa->city_line_span);
    }
  set_loa_source (self->fields[PORTING_FIELD_ACCOUNT_NUMBER], loa_pages, &self->loa->account_number_span);
  set_loa_source (self->fields[PORTING_FIELD_BTN], loa_pages, &self->loa->btn_span);
  set_loa_source (self->fields[PORTING_FIELD_CARRIER], loa_pages, &self->loa->carrier_span);

  /* Nothing to look for is as good as found: it must not keep the scan going. */
  for (guint f = 0; f < N_FIELDS; f++)
    scan.settled[f] = self->fields[f] == NULL || self->fields[f]->loa_text == NULL;

  scan.result = self;
  if (!porting_document_scan_text (proof, PORTING_PAGE_TEXT_FLAGS_NONE, scan_proof_page, &scan,
                                   cancellable, error))
    return NULL;

  if (!scan.has_text)
    {
      /* A screenshot or a scan without text: a person has to look. */
      self->fields[PORTING_FIELD_NAME]->status = PORTING_FIELD_STATUS_UNREADABLE;
      self->fields[PORTING_FIELD_ADDRESS]->status = PORTING_FIELD_STATUS_UNREADABLE;
      g_clear_pointer (&self->fields[PORTING_FIELD_ACCOUNT_NUMBER], porting_field_result_free);
      g_clear_pointer (&self->fields[PORTING_FIELD_BTN], porting_field_result_free);
      g_clear_pointer (&self->fields[PORTING_FIELD_CARRIER], porting_field_result_free);
    }
  else
    {
      /* Account number, BTN and carrier only where both documents show one. */
      for (guint f = PORTING_FIELD_ACCOUNT_NUMBER; f <= PORTING_FIELD_CARRIER; f++)
        {
          if (self->fields[f] != NULL && self->fields[f]->status == PORTING_FIELD_STATUS_NOT_FOUND)
            g_clear_pointer (&self->fields[f], porting_field_result_free);
        }
    }

  if (!loa_readable)
    {
      if (name_override == NULL)
        self->fields[PORTING_FIELD_NAME]->status = PORTING_FIELD_STATUS_UNREADABLE;
      if (address_override == NULL)
        self->fields[PORTING_FIELD_ADDRESS]->status = PORTING_FIELD_STATUS_UNREADABLE;
    }

  if (self->fields[PORTING_FIELD_NAME]->status == PORTING_FIELD_STATUS_UNREADABLE ||
      self->fields[PORTING_FIELD_ADDRESS]->status == PORTING_FIELD_STATUS_UNREADABLE)
    self->verdict = PORTING_CHECK_VERDICT_REVIEW;
  else if (self->fields[PORTING_FIELD_NAME]->status <= PORTING_FIELD_STATUS_EQUIVALENT &&
           self->fields[PORTING_FIELD_ADDRESS]->status <= PORTING_FIELD_STATUS_EQUIVALENT &&
           !field_is_mismatch (self, PORTING_FIELD_ACCOUNT_NUMBER) &&
           !field_is_mismatch (self, PORTING_FIELD_BTN))
    self->verdict = PORTING_CHECK_VERDICT_MATCH;
  else
    /* Carriers reject account-number and billing-number mismatches too;
     * a carrier that differs is for a person to see, not a rejection. */
    self->verdict = PORTING_CHECK_VERDICT_MISMATCH;

  check_numbers (self, options);
  add_date_warnings (self, options);
  if (self->loa->has_signature_line && !self->loa->is_signed)
    add_warning (self, PORTING_CHECK_WARNING_LOA_UNSIGNED,
                 g_strdup (_("The LOA does not look signed. Carriers reject an LOA without the account holder’s signature.")));

  return g_steal_pointer (&self);
}

typedef struct
{
  PortingDocument     *loa;
  PortingDocument     *proof;
  PortingCheckOptions *options;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->loa);
  g_clear_object (&data->proof);
  g_clear_pointer (&data->options, porting_check_options_free);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  GError *error = NULL;
  PortingCheckResult *result;

  result = porting_document_check_run (data->loa, data->proof, data->options, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

void
porting_document_check_async (PortingDocument            *loa,
                              PortingDocument            *proof,
                              const PortingCheckOptions  *options,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  g_return_if_fail (PORTING_IS_DOCUMENT (loa));
  g_return_if_fail (PORTING_IS_DOCUMENT (proof));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (CheckData, 1);
  data->loa = g_object_ref (loa);
  data->proof = g_object_ref (proof);
  data->options = options != NULL ? porting_check_options_copy (options) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, porting_document_check_async);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, check_thread);
}

PortingCheckResult *
porting_document_check_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == porting_document_check_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
