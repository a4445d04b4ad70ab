/* porting-port-in-form-request.c — what the port-in form makes: the request, the LOA, the review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-port-in-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-phone-number.h"
#include "porting-port-date.h"
#include "porting-port-in-form-private.h"

/* ---- What comes out ------------------------------------------------------- */

static char *
field_value (PortingPortInForm *self,
             guint              i)
{
  const char *text = PORT_IN_FIELD_AT (self, i, char *);

  if (port_in_fields[i].flags & FIELD_PHONE)
    return _porting_port_in_form_parse_us_ca_number (text);
  if (port_in_fields[i].flags & FIELD_UPPER)
    return g_strstrip (g_ascii_strup (text != NULL ? text : "", -1));
  return porting_text_dup_stripped (text != NULL ? text : "");
}

/* The object at @path (dots between members) under @root, made when missing. */
static JsonObject *
ensure_object (JsonObject  *root,
               const char  *path,
               const char **leaf)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (!json_object_has_member (object, parts[i]) ||
          !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, parts[i])))
        json_object_set_object_member (object, parts[i], json_object_new ());
      object = json_object_get_object_member (object, parts[i]);
    }

  *leaf = path + strlen (path) - strlen (parts[n - 1]);
  return object;
}

/* The string at @path under @root, or NULL. */
static const char *
lookup_string (JsonObject *root,
               const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      JsonNode *node = object != NULL ? json_object_get_member (object, parts[i]) : NULL;

      if (node == NULL)
        return NULL;
      if (parts[i + 1] == NULL)
        return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
               ? json_node_get_string (node) : NULL;
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return NULL;
}

/* "Oakland, CA 94607" → city, region and postal code; the whole line as the
 * city when it does not read that way. */
static void
set_address_from_city_line (JsonObject *address,
                            const char *city_line)
{
  g_autofree char *line = porting_text_dup_stripped (city_line);
  g_autofree char *rest = NULL;
  const PortingRegion *region = NULL;
  const char *postal_code = NULL;
  gsize len = line != NULL ? strlen (line) : 0;
  char *region_start;

  /* The postal code ends the line: "94607", "94607-1234", "H2Y 2A7", "H2Y2A7". */
  for (gsize take = MIN (len, 10); take >= 5 && postal_code == NULL; take--)
    {
      if ((take == len || line[len - take - 1] == ' ' || line[len - take - 1] == ',') &&
          porting_postal_code_classify (line + len - take) != PORTING_POSTAL_CODE_INVALID)
        postal_code = line + len - take;
    }

  if (postal_code != NULL)
    {
      rest = g_strndup (line, postal_code - line);
      g_strchomp (rest);
      while (*rest != '\0' && strchr (",.", rest[strlen (rest) - 1]) != NULL)
        rest[strlen (rest) - 1] = '\0';
      g_strchomp (rest);

      /* Two letters before it: the state or province. */
      region_start = strrchr (rest, ' ');
      if (region_start != NULL && strlen (region_start + 1) == 2)
        region = porting_region_lookup (region_start + 1);
    }

  if (region == NULL)
    {
      json_object_set_string_member (address, "city", city_line);
      return;
    }

  *region_start = '\0';
  g_strchomp (rest);
  if (*rest != '\0' && rest[strlen (rest) - 1] == ',')
    rest[strlen (rest) - 1] = '\0';

  json_object_set_string_member (address, "city", rest);
  json_object_set_string_member (address, "region", region->code);
  json_object_set_string_member (address, "postal_code", postal_code);
  json_object_set_string_member (address, "country", region->country);
}

/* An imported LOA: what the check could read from it. */
static JsonObject *
loa_from_check (PortingCheckResult *result)
{
  const PortingLoaFields *read = porting_check_result_get_loa_fields (result);
  g_autofree char *btn = _porting_port_in_form_parse_us_ca_number (read->btn);
  JsonObject *loa = json_object_new ();
  JsonObject *address = json_object_new ();

  json_object_set_string_member (loa, "customer_name", read->name);
  json_object_set_string_member (loa, "authorized_person", read->authorized_person);
  json_object_set_string_member (address, "street", read->street);
  set_address_from_city_line (address, read->city_line);
  json_object_set_object_member (loa, "service_address", address);
  json_object_set_string_member (loa, "carrier", read->carrier);
  json_object_set_string_member (loa, "account_number", read->account_number);
  json_object_set_string_member (loa, "btn", btn != NULL ? btn : read->btn);

  return loa;
}

PortingRequest *
_porting_port_in_form_to_request (PortingForm *form)
{
  PortingPortInForm *self = PORTING_PORT_IN_FORM (form);
  g_autoptr(PortingRequest) request = porting_request_new (PORTING_REQUEST_KIND_PORT_IN);
  JsonObject *request_fields = porting_request_get_fields (request);
  GDate date;

  g_auto(GStrv) numbers = porting_numbers_dup_e164 (porting_form_get_numbers (PORTING_FORM (self)));

  porting_request_set_numbers (request, (const char * const *) numbers);

  if (self->previous_request_id != NULL)
    porting_request_set_string (request, "previous_request_id", self->previous_request_id);
  porting_request_set_boolean (request, "contract_acknowledged", self->contract);
  porting_request_set_boolean (request, "sms", self->sms);
  porting_request_set_wireless (request, self->wireless ? self->wireless_account : NULL, self->wireless_pin);

  if (porting_port_in_form_get_preferred_date (self, &date))
    {
      g_autofree char *iso = porting_port_date_to_iso (&date);
      porting_request_set_string (request, "preferred_date", iso);
    }
  else
    json_object_set_null_member (request_fields, "preferred_date");

  if (!self->import_loa)
    {
      const PortingRegion *region = porting_port_in_form_get_region (self);
      const char *leaf;

      json_object_set_object_member (request_fields, "loa", json_object_new ());
      for (guint i = 0; i < n_port_in_fields; i++)
        {
          g_autofree char *value = NULL;
          JsonObject *parent;

          if (port_in_fields[i].json == NULL || !g_str_has_prefix (port_in_fields[i].json, "loa."))
            continue;
          value = field_value (self, i);
          parent = ensure_object (request_fields, port_in_fields[i].json, &leaf);
          json_object_set_string_member (parent, leaf, value);
        }
      json_object_set_string_member (ensure_object (request_fields, "loa.service_address.country", &leaf),
                                     "country", region != NULL ? region->country : "US");
    }
  else if (self->check_result != NULL)
    json_object_set_object_member (request_fields, "loa", loa_from_check (self->check_result));

  porting_request_set_string (request, "proof_kind", g_strcmp0 (self->proof_kind, "csr") == 0 ? "csr" : "invoice");

  if (self->partial_port)
    {
      JsonObject *partial = json_object_new ();
      g_autofree char *current_btn = _porting_port_in_form_parse_us_ca_number (self->current_btn);
      g_autofree char *new_btn = _porting_port_in_form_parse_us_ca_number (self->new_btn);

      json_object_set_string_member (partial, "current_btn", current_btn);
      if (self->needs_new_btn)
        json_object_set_string_member (partial, "new_btn", new_btn);
      json_object_set_object_member (request_fields, "partial_port", partial);
    }

  if (self->check_result != NULL)
    {
      PortingCheckResult *result = self->check_result;
      JsonObject *check = json_object_new ();

      json_object_set_string_member (check, "verdict",
                                     porting_check_verdict_to_string (porting_check_result_get_verdict (result)));
      json_object_set_string_member (check, "name",
                                     porting_field_status_to_string (porting_check_result_get_field (result, PORTING_FIELD_NAME)->status));
      json_object_set_string_member (check, "address",
                                     porting_field_status_to_string (porting_check_result_get_field (result, PORTING_FIELD_ADDRESS)->status));
      json_object_set_object_member (request_fields, "document_check", check);
    }

  return g_steal_pointer (&request);
}

PortingLoaWriterData *
porting_port_in_form_dup_loa_data (PortingPortInForm *self,
                                   double             pad_width,
                                   double             pad_height)
{
  GPtrArray *numbers = porting_form_get_numbers (PORTING_FORM (self));
  PortingLoaWriterData *data;
  const PortingRegion *region;
  GDate today;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);

  region = porting_port_in_form_get_region (self);
  porting_form_get_today (PORTING_FORM (self), &today);

  data = porting_loa_writer_data_new ();
  data->customer_name = field_value (self, _porting_port_in_form_field_index ("customer-name"));
  data->authorized_person = field_value (self, _porting_port_in_form_field_index ("authorized-person"));
  data->street = field_value (self, _porting_port_in_form_field_index ("street"));
  data->unit = field_value (self, _porting_port_in_form_field_index ("unit"));
  data->city = field_value (self, _porting_port_in_form_field_index ("city"));
  data->region = g_strdup (region != NULL ? region->code : "");
  data->postal_code = field_value (self, _porting_port_in_form_field_index ("postal-code"));
  data->country = g_strdup (region != NULL ? region->country : "US");
  data->carrier = field_value (self, _porting_port_in_form_field_index ("carrier"));
  data->account_number = field_value (self, _porting_port_in_form_field_index ("account-number"));
  data->btn = _porting_port_in_form_parse_us_ca_number (self->btn);
  data->date = porting_port_date_to_iso (&today);

  for (guint i = 0; i < numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (number->valid)
        g_ptr_array_add (data->numbers, g_strdup (number->e164));
    }

  if (self->typed_signature_used)
    data->typed_signature = porting_text_dup_stripped (self->typed_signature);
  else
    {
      g_autoptr(GPtrArray) strokes = porting_port_in_form_dup_signature (self);

      for (guint i = 0; i < strokes->len; i++)
        {
          GArray *stroke = g_ptr_array_index (strokes, i);
          porting_loa_writer_data_add_stroke (data, (const PortingSignaturePoint *) (gpointer) stroke->data, stroke->len);
        }
      data->pad_width = pad_width;
      data->pad_height = pad_height;
    }

  return data;
}

/* ---- The Review step ------------------------------------------------------ */

void
porting_port_in_section_free (PortingPortInSection *section)
{
  if (section == NULL)
    return;

  g_free (section->title);
  g_ptr_array_unref (section->rows);
  g_free (section);
}

static void
summary_row_free (PortingPortInSummaryRow *row)
{
  g_free (row->title);
  g_free (row->value);
  g_free (row);
}

static PortingPortInSection *
add_section (GPtrArray         *sections,
             const char        *title,
             PortingPortInStep  step)
{
  PortingPortInSection *section = g_new0 (PortingPortInSection, 1);

  section->title = g_strdup (title);
  section->step = step;
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_row_free);
  g_ptr_array_add (sections, section);

  return section;
}

static void
add_row (PortingPortInSection *section,
         const char           *title,
         const char           *value)
{
  PortingPortInSummaryRow *row = g_new0 (PortingPortInSummaryRow, 1);

  row->title = g_strdup (title);
  row->value = g_strdup (value != NULL && *value != '\0' ? value : "—");
  g_ptr_array_add (section->rows, row);
}

static void
add_file_row (PortingPortInSection *section,
              const char           *title,
              GFile                *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  add_row (section, title, name);
}

static const char *
check_result_text (PortingCheckResult *result)
{
  if (result == NULL)
    return _("Not checked");

  switch (porting_check_result_get_verdict (result))
    {
    case PORTING_CHECK_VERDICT_MATCH:
      return _("The name and the address match");
    case PORTING_CHECK_VERDICT_REVIEW:
      return _("To be checked by our staff");
    case PORTING_CHECK_VERDICT_MISMATCH:
    default:
      return _("The name or the address differ: the port may be rejected");
    }
}

/* A number as the numbers above it are shown: "(510) 555-0142". */
static char *
dup_phone_display (const char *text)
{
  g_autoptr(PortingPhoneNumber) number = NULL;

  if (porting_text_is_blank (text))
    return g_strdup (text);
  number = porting_phone_number_parse (text, NULL);
  return number->valid ? porting_phone_number_format (number) : g_strdup (text);
}

GPtrArray *
porting_port_in_form_dup_summary (PortingPortInForm *self)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_port_in_section_free);
  GPtrArray *all_numbers = porting_form_get_numbers (PORTING_FORM (self));
  g_autoptr(GString) numbers = g_string_new (NULL);
  PortingPortInSection *section;
  GDate date;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);

  for (guint i = 0; i < all_numbers->len; i++)
    {
      g_autofree char *formatted = porting_phone_number_format (g_ptr_array_index (all_numbers, i));

      if (numbers->len > 0)
        g_string_append_c (numbers, '\n');
      g_string_append (numbers, formatted);
    }
  section = add_section (sections, _("Numbers"), PORTING_PORT_IN_STEP_NUMBERS);
  add_row (section, ngettext ("Number to port", "Numbers to port", all_numbers->len), numbers->str);

  section = add_section (sections, _("Before You Port"), PORTING_PORT_IN_STEP_BEFORE);
  add_row (section, _("No contract, service stops"), self->contract ? _("Confirmed") : _("Not confirmed"));
  add_row (section, _("All the numbers on the account"), self->partial_port ? _("No, a partial port") : _("Yes"));
  if (self->partial_port && self->needs_new_btn)
    {
      g_autofree char *new_btn = dup_phone_display (self->new_btn);

      add_row (section, _("New billing telephone number"), new_btn);
    }

  section = add_section (sections, _("Letter of Authorization"), PORTING_PORT_IN_STEP_LOA);
  if (!self->import_loa)
    {
      const PortingRegion *region = porting_port_in_form_get_region (self);
      g_autofree char *address = g_strdup_printf ("%s%s%s\n%s, %s %s",
                                                  self->street,
                                                  porting_text_is_blank (self->unit) ? "" : ", ",
                                                  self->unit,
                                                  self->city,
                                                  region != NULL ? region->code : "",
                                                  self->postal_code);
      g_autofree char *btn = dup_phone_display (self->btn);

      add_row (section, _("Customer name"), self->customer_name);
      add_row (section, _("Authorized person"), self->authorized_person);
      add_row (section, _("Service address"), address);
      add_row (section, _("Current carrier"), self->carrier);
      add_row (section, _("Account number"), self->account_number);
      add_row (section, _("Billing telephone number"), btn);
    }
  if (porting_port_in_form_get_loa (self) != NULL)
    add_file_row (section, _("Signed LOA"), porting_port_in_form_get_loa (self));

  section = add_section (sections, _("Proof of Account"), PORTING_PORT_IN_STEP_PROOF);
  if (self->proof != NULL)
    add_file_row (section,
                  g_strcmp0 (self->proof_kind, "csr") == 0 ? _("Customer Service Record") : _("Latest invoice"),
                  self->proof);

  section = add_section (sections, _("Document Check"), PORTING_PORT_IN_STEP_CHECK);
  add_row (section, _("Result"), check_result_text (self->check_result));

  section = add_section (sections, _("Details"), PORTING_PORT_IN_STEP_DETAILS);
  add_row (section, _("Text messages (SMS)"), self->sms ? _("Yes") : _("No"));
  add_row (section, _("Wireless numbers"), self->wireless ? self->wireless_account : _("No"));
  if (porting_port_in_form_get_preferred_date (self, &date))
    {
      g_autofree char *text = porting_port_date_format (&date);
      add_row (section, _("Preferred port date"), text);
    }
  else
    add_row (section, _("Preferred port date"), _("As soon as possible"));

  return sections;
}

/* ---- Drafts and corrections ----------------------------------------------- */

void
_porting_port_in_form_load_draft (PortingForm *form,
                                  JsonObject  *draft)
{
  PortingPortInForm *self = PORTING_PORT_IN_FORM (form);
  g_autoptr(JsonObject) upgraded = NULL;

  /* Older drafts kept positions in the state list and in the proof kinds. */
  if (draft != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (draft);
      JsonNode *node;

      upgraded = json_object_new ();
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (upgraded, l->data, json_node_copy (json_object_get_member (draft, l->data)));

      node = json_object_get_member (draft, "region");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        {
          guint n_listed;
          const PortingRegion *listed = porting_region_get_listed (&n_listed);
          gint64 position = json_node_get_int (node);

          if (position >= 1 && position <= n_listed)
            json_object_set_string_member (upgraded, "region", listed[position - 1].code);
          else
            json_object_remove_member (upgraded, "region");
        }

      node = json_object_get_member (draft, "proof-kind");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        json_object_set_string_member (upgraded, "proof-kind", json_node_get_int (node) == 1 ? "csr" : "invoice");

      draft = upgraded;
    }

  PORTING_FORM_CLASS (g_type_class_peek (PORTING_TYPE_FORM))->load_draft (form, draft);

  /* What is not in a draft starts again too. */
  g_object_set (self,
                "wireless-pin", "",
                "previous-request-id", NULL,
                "checking", FALSE,
                "check-result", NULL,
                NULL);
}

JsonObject *
porting_port_in_form_dup_request_draft (PortingRequest *request)
{
  JsonObject *draft = json_object_new ();
  g_auto(GStrv) numbers = NULL;
  JsonObject *request_fields;
  const char *date;

  g_return_val_if_fail (PORTING_IS_REQUEST (request), NULL);

  request_fields = porting_request_get_fields (request);

  numbers = porting_request_dup_numbers (request);
  if (numbers != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", numbers);
      json_object_set_string_member (draft, "numbers", joined);
    }
  json_object_set_boolean_member (draft, "sms", porting_request_get_boolean (request, "sms"));
  if ((date = porting_request_get_string (request, "preferred_date")) != NULL)
    json_object_set_string_member (draft, "preferred-date", date);

  /* The earlier LOA was refused: the customer fills and signs a new one. */
  json_object_set_boolean_member (draft, "import-loa", FALSE);
  for (guint i = 0; i < n_port_in_fields; i++)
    {
      const char *value;

      if (port_in_fields[i].json == NULL || !g_str_has_prefix (port_in_fields[i].json, "loa.") ||
          (value = lookup_string (request_fields, port_in_fields[i].json)) == NULL)
        continue;

      if (g_str_equal (port_in_fields[i].field.name, "region"))
        {
          const PortingRegion *region = porting_region_lookup (value);

          if (region != NULL)
            json_object_set_string_member (draft, "region", region->code);
        }
      else
        json_object_set_string_member (draft, port_in_fields[i].field.name, value);
    }

  return draft;
}

const char *
porting_port_in_form_get_corrected_id (PortingRequest *request)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (request), NULL);

  if (porting_request_get_id (request) != NULL)
    return porting_request_get_id (request);
  return porting_request_get_string (request, "previous_request_id");
}

void
porting_port_in_form_load_request (PortingPortInForm *self,
                                   PortingRequest    *request)
{
  g_autoptr(JsonObject) draft = NULL;

  g_return_if_fail (PORTING_IS_PORT_IN_FORM (self));
  g_return_if_fail (PORTING_IS_REQUEST (request));

  draft = porting_port_in_form_dup_request_draft (request);
  porting_form_load_draft (PORTING_FORM (self), draft);
  g_object_set (self, "previous-request-id", porting_port_in_form_get_corrected_id (request), NULL);
}
