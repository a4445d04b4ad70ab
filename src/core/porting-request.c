/* porting-request.c — a porting request: kinds, statuses, JSON, validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-request"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-json-limits.h"
#include "porting-request.h"
#include "porting-twilio-sid.h"

struct _PortingRequest
{
  GObject               parent_instance;

  PortingRequestKind    kind;
  JsonObject           *fields;
  /* Memory only: never part of what may be written to disk. */
  char                 *wireless_pin;

  char                 *id;
  char                 *reference;
  PortingRequestStatus  status;
  char                 *created_at;
  char                 *updated_at;
  char                 *foc_date;
  JsonArray            *history;
  JsonObject           *answer;
  JsonArray            *documents;
};

G_DEFINE_TYPE (PortingRequest, porting_request, G_TYPE_OBJECT)

G_DEFINE_QUARK (porting-request-error-quark, porting_request_error)

static const char * const kind_names[] = {
  "port-in", "twilio-transfer", "port-out", "international-inquiry", "byoc-inquiry",
};

static const char * const kind_titles[] = {
  N_("Port in"), N_("Twilio transfer"), N_("Port out"),
  N_("International inquiry"), N_("Bring your own carrier"),
};

static const char * const status_names[] = {
  "submitted", "in-review", "action-required", "approved", "submitted-to-carrier",
  "scheduled", "completed", "rejected", "cancelled",
};

static const char * const status_titles[] = {
  N_("Submitted"), N_("In review"), N_("Action required"), N_("Approved"),
  N_("Submitted to carrier"), N_("Scheduled"), N_("Completed"), N_("Rejected"),
  N_("Cancelled"),
};

static const char * const status_explanations[] = {
  N_("We have your request; nothing to do for now, our team checks your documents within one business day."),
  N_("Our team is checking your documents against each other and will tell you if anything is missing."),
  N_("We need something from you before we can continue: read the note and send what it asks for."),
  N_("Your documents are in order and we will send the port to the carrier next; nothing to do for now."),
  N_("The port is with the current carrier, which usually answers within 5–10 business days; keep your current service active."),
  N_("The carrier confirmed the date your numbers move; keep your current service active until that day."),
  N_("Your numbers now work with us; you can now cancel the old service for these numbers."),
  N_("We could not accept this request: read the reason, correct it and send a new request."),
  N_("This request was cancelled and nothing will happen to your numbers."),
};

const char *
porting_request_kind_to_string (PortingRequestKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
porting_request_kind_from_string (const char         *text,
                                  PortingRequestKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_str_equal (text, kind_names[i]))
        {
          *kind = (PortingRequestKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
porting_request_kind_get_title (PortingRequestKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_titles), NULL);
  return _(kind_titles[kind]);
}

const char *
porting_request_status_to_string (PortingRequestStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
porting_request_status_from_string (const char           *text,
                                    PortingRequestStatus *status)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_str_equal (text, status_names[i]))
        {
          *status = (PortingRequestStatus) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
porting_request_status_get_title (PortingRequestStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_titles), NULL);
  return _(status_titles[status]);
}

const char *
porting_request_status_get_explanation (PortingRequestStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_explanations), NULL);
  return _(status_explanations[status]);
}

static JsonNode *
deep_copy_node (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;

  /* json_node_copy() shares objects and arrays; a request must own its members. */
  text = json_to_string (node, FALSE);
  return json_from_string (text, NULL);
}

static JsonObject *
deep_copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (object == NULL)
    return NULL;

  node = json_node_init_object (json_node_alloc (), object);
  copy = deep_copy_node (node);
  return json_object_ref (json_node_get_object (copy));
}

static JsonArray *
deep_copy_array (JsonArray *array)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (array == NULL)
    return NULL;

  node = json_node_init_array (json_node_alloc (), array);
  copy = deep_copy_node (node);
  return json_array_ref (json_node_get_array (copy));
}

static void
porting_request_finalize (GObject *object)
{
  PortingRequest *self = (PortingRequest *) object;

  g_clear_pointer (&self->fields, json_object_unref);
  if (self->wireless_pin != NULL)
    memset (self->wireless_pin, 0, strlen (self->wireless_pin));
  g_clear_pointer (&self->wireless_pin, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->foc_date, g_free);
  g_clear_pointer (&self->history, json_array_unref);
  g_clear_pointer (&self->answer, json_object_unref);
  g_clear_pointer (&self->documents, json_array_unref);

  G_OBJECT_CLASS (porting_request_parent_class)->finalize (object);
}

static void
porting_request_class_init (PortingRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porting_request_finalize;
}

static void
porting_request_init (PortingRequest *self)
{
  self->fields = json_object_new ();
  self->status = PORTING_REQUEST_STATUS_SUBMITTED;
}

PortingRequest *
porting_request_new (PortingRequestKind kind)
{
  PortingRequest *self = g_object_new (PORTING_TYPE_REQUEST, NULL);

  self->kind = kind;
  return self;
}

static gboolean
set_invalid (char       **invalid_field,
             GError     **error,
             const char  *field,
             const char  *message)
{
  if (invalid_field != NULL)
    *invalid_field = g_strdup (field);
  g_set_error_literal (error, PORTING_REQUEST_ERROR, PORTING_REQUEST_ERROR_INVALID, message);
  return FALSE;
}

static char *
dup_optional_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static const char * const stored_members[] = {
  "id", "reference", "status", "created_at", "updated_at", "foc_date", "history", "answer", "documents", "pin",
};

PortingRequest *
porting_request_new_from_json_node (JsonNode  *node,
                                    char     **invalid_field,
                                    GError   **error)
{
  g_autoptr(PortingRequest) self = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *status = NULL;
  JsonNode *member;
  const char *kind;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PORTING_REQUEST_ERROR, PORTING_REQUEST_ERROR_MALFORMED,
                           _("The request is not a JSON object."));
      return NULL;
    }

  object = deep_copy_object (json_node_get_object (node));

  self = g_object_new (PORTING_TYPE_REQUEST, NULL);
  kind = json_object_get_string_member_with_default (object, "kind", NULL);
  if (kind == NULL)
    {
      set_invalid (invalid_field, error, "kind", _("The request does not say what kind of request it is."));
      return NULL;
    }
  if (!porting_request_kind_from_string (kind, &self->kind))
    {
      set_invalid (invalid_field, error, "kind", _("This kind of request is not known."));
      return NULL;
    }
  json_object_remove_member (object, "kind");

  status = dup_optional_string (object, "status");
  if (status != NULL && !porting_request_status_from_string (status, &self->status))
    {
      set_invalid (invalid_field, error, "status", _("The status of this request is not known."));
      return NULL;
    }

  self->id = dup_optional_string (object, "id");
  self->reference = dup_optional_string (object, "reference");
  self->created_at = dup_optional_string (object, "created_at");
  self->updated_at = dup_optional_string (object, "updated_at");
  self->foc_date = dup_optional_string (object, "foc_date");

  if ((member = json_object_get_member (object, "history")) && JSON_NODE_HOLDS_ARRAY (member))
    self->history = json_array_ref (json_node_get_array (member));
  if ((member = json_object_get_member (object, "answer")) && JSON_NODE_HOLDS_OBJECT (member))
    self->answer = json_object_ref (json_node_get_object (member));
  if ((member = json_object_get_member (object, "documents")) && JSON_NODE_HOLDS_ARRAY (member))
    self->documents = json_array_ref (json_node_get_array (member));

  /* What the service owns is kept apart from what the customer typed. */
  for (guint i = 0; i < G_N_ELEMENTS (stored_members); i++)
    {
      if (json_object_has_member (object, stored_members[i]))
        json_object_remove_member (object, stored_members[i]);
    }

  if ((member = json_object_get_member (object, "wireless")) && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *wireless = json_node_get_object (member);

      self->wireless_pin = dup_optional_string (wireless, "pin");
      if (json_object_has_member (wireless, "pin"))
        json_object_remove_member (wireless, "pin");
    }

  g_clear_pointer (&self->fields, json_object_unref);
  self->fields = g_steal_pointer (&object);

  return g_steal_pointer (&self);
}

PortingRequest *
porting_request_new_from_json (const char  *json,
                               gssize       length,
                               char       **invalid_field,
                               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  /* Bounded before json-glib recurses into it: a request is a few levels deep. */
  root = porting_json_parse (json, length, PORTING_JSON_MAX_DEPTH, &local_error);
  if (root == NULL)
    {
      g_set_error (error, PORTING_REQUEST_ERROR, PORTING_REQUEST_ERROR_MALFORMED,
                   _("The request is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  return porting_request_new_from_json_node (root, invalid_field, error);
}

PortingRequest *
porting_request_copy (PortingRequest *self)
{
  g_autoptr(JsonNode) node = NULL;
  PortingRequest *copy;

  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);

  node = porting_request_to_json_node (self, PORTING_REQUEST_JSON_STORED);
  copy = porting_request_new_from_json_node (node, NULL, NULL);
  g_assert (copy != NULL);
  if (self->id == NULL)
    g_clear_pointer (&copy->id, g_free);
  copy->wireless_pin = g_strdup (self->wireless_pin);
  return copy;
}

JsonNode *
porting_request_to_json_node (PortingRequest          *self,
                              PortingRequestJsonFlags  flags)
{
  g_autoptr(JsonObject) object = NULL;
  JsonNode *wireless;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "kind", porting_request_kind_to_string (self->kind));

  json_object_iter_init (&iter, self->fields);
  while (json_object_iter_next (&iter, &name, &value))
    json_object_set_member (object, name, deep_copy_node (value));

  wireless = json_object_get_member (object, "wireless");
  if ((flags & PORTING_REQUEST_JSON_FOR_SUBMIT) != 0 &&
      self->wireless_pin != NULL &&
      wireless != NULL && JSON_NODE_HOLDS_OBJECT (wireless))
    json_object_set_string_member (json_node_get_object (wireless), "pin", self->wireless_pin);

  if ((flags & PORTING_REQUEST_JSON_STORED) != 0)
    {
      if (self->id != NULL)
        json_object_set_string_member (object, "id", self->id);
      if (self->reference != NULL)
        json_object_set_string_member (object, "reference", self->reference);
      json_object_set_string_member (object, "status", porting_request_status_to_string (self->status));
      if (self->created_at != NULL)
        json_object_set_string_member (object, "created_at", self->created_at);
      if (self->updated_at != NULL)
        json_object_set_string_member (object, "updated_at", self->updated_at);
      if (self->foc_date != NULL)
        json_object_set_string_member (object, "foc_date", self->foc_date);
      json_object_set_array_member (object, "history",
                                    self->history ? deep_copy_array (self->history) : json_array_new ());
      if (self->answer != NULL)
        json_object_set_object_member (object, "answer", deep_copy_object (self->answer));
      if (self->documents != NULL)
        json_object_set_array_member (object, "documents", deep_copy_array (self->documents));
    }

  return json_node_init_object (json_node_alloc (), object);
}

char *
porting_request_to_json (PortingRequest          *self,
                         PortingRequestJsonFlags  flags)
{
  g_autoptr(JsonNode) node = porting_request_to_json_node (self, flags);

  return json_to_string (node, (flags & PORTING_REQUEST_JSON_PRETTY) != 0);
}

/* Validation */

static gboolean
is_e164 (const char *text)
{
  gsize digits = 0;

  if (text == NULL || text[0] != '+' || text[1] < '1' || text[1] > '9')
    return FALSE;
  for (const char *p = text + 1; *p; p++, digits++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  return digits >= 7 && digits <= 15;
}

static gboolean
is_nanp (const char *e164)
{
  return is_e164 (e164) && g_str_has_prefix (e164, "+1") && strlen (e164) == 12;
}

static gboolean
is_iso_date (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *with_time = NULL;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  with_time = g_strconcat (text, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (with_time, NULL);
  return parsed != NULL;
}

/* As the app sends it: an Account SID already in its one written form. */
static gboolean
is_account_sid (const char *text)
{
  g_autofree char *normalized = NULL;

  return porting_twilio_sid_classify (text, &normalized, NULL) == PORTING_SID_KIND_ACCOUNT_SID &&
         g_strcmp0 (normalized, text) == 0;
}

static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text; text++)
    {
      if (!g_ascii_isspace (*text))
        return TRUE;
    }
  return FALSE;
}

static gboolean
validate_numbers (PortingRequest  *self,
                  gboolean         nanp_only,
                  char           **invalid_field,
                  GError         **error)
{
  JsonNode *node = json_object_get_member (self->fields, "numbers");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) == 0)
    return set_invalid (invalid_field, error, "numbers", _("Add at least one telephone number."));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *number = NULL;

      if (JSON_NODE_TYPE (element) == JSON_NODE_VALUE && json_node_get_value_type (element) == G_TYPE_STRING)
        number = json_node_get_string (element);

      if (!is_e164 (number))
        return set_invalid (invalid_field, error, "numbers",
                            _("A telephone number is not written in full international form, such as +15105550142."));
      if (nanp_only && !is_nanp (number))
        return set_invalid (invalid_field, error, "numbers",
                            _("Only US and Canadian numbers can be ported in; ask about other countries with an international inquiry."));
    }
  return TRUE;
}

static gboolean
validate_port_in (PortingRequest  *self,
                  char           **invalid_field,
                  GError         **error)
{
  JsonNode *loa_node = json_object_get_member (self->fields, "loa");
  JsonNode *wireless_node = json_object_get_member (self->fields, "wireless");
  JsonObject *loa;
  JsonNode *address_node;
  const char *proof_kind;
  const char *preferred_date;

  if (!validate_numbers (self, TRUE, invalid_field, error))
    return FALSE;

  if (loa_node == NULL || !JSON_NODE_HOLDS_OBJECT (loa_node))
    return set_invalid (invalid_field, error, "loa", _("Fill in the Letter of Authorization."));
  loa = json_node_get_object (loa_node);

  if (!has_text (object_string (loa, "customer_name")))
    return set_invalid (invalid_field, error, "loa.customer_name",
                        _("Enter the customer name exactly as it appears on the current carrier’s invoice."));

  address_node = json_object_get_member (loa, "service_address");
  if (address_node == NULL || !JSON_NODE_HOLDS_OBJECT (address_node) ||
      !has_text (object_string (json_node_get_object (address_node), "street")))
    return set_invalid (invalid_field, error, "loa.service_address",
                        _("Enter the service address exactly as it appears on the current carrier’s invoice."));

  proof_kind = object_string (self->fields, "proof_kind");
  if (proof_kind != NULL && !g_str_equal (proof_kind, "invoice") && !g_str_equal (proof_kind, "csr"))
    return set_invalid (invalid_field, error, "proof_kind",
                        _("The proof of ownership must be an invoice or a Customer Service Record."));

  preferred_date = object_string (self->fields, "preferred_date");
  if (json_object_has_member (self->fields, "preferred_date") &&
      !json_object_get_null_member (self->fields, "preferred_date") &&
      !is_iso_date (preferred_date))
    return set_invalid (invalid_field, error, "preferred_date", _("The preferred port date is not a valid date."));

  if (wireless_node != NULL && JSON_NODE_HOLDS_OBJECT (wireless_node))
    {
      JsonObject *wireless = json_node_get_object (wireless_node);

      if (!has_text (object_string (wireless, "account_number")))
        return set_invalid (invalid_field, error, "wireless.account_number",
                            _("Enter the wireless account number given by the current carrier."));
      if (!has_text (self->wireless_pin))
        return set_invalid (invalid_field, error, "wireless.pin",
                            _("Enter the wireless PIN or passcode again: it is never saved on this computer."));
    }
  else if (wireless_node != NULL && !JSON_NODE_HOLDS_NULL (wireless_node))
    return set_invalid (invalid_field, error, "wireless", _("The wireless details are not readable."));

  return TRUE;
}

gboolean
porting_request_validate (PortingRequest  *self,
                          char           **invalid_field,
                          GError         **error)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), FALSE);

  if ((self->kind == PORTING_REQUEST_KIND_PORT_IN || self->kind == PORTING_REQUEST_KIND_PORT_OUT) &&
      !porting_request_get_boolean (self, "contract_acknowledged"))
    return set_invalid (invalid_field, error, "contract_acknowledged",
                        _("Confirm that no contract is tied to these numbers: porting ends their service with the current provider."));

  switch (self->kind)
    {
    case PORTING_REQUEST_KIND_PORT_IN:
      return validate_port_in (self, invalid_field, error);

    case PORTING_REQUEST_KIND_TWILIO_TRANSFER:
      if (!validate_numbers (self, FALSE, invalid_field, error))
        return FALSE;
      if (!is_account_sid (object_string (self->fields, "twilio_account_sid")))
        return set_invalid (invalid_field, error, "twilio_account_sid",
                            _("A Twilio account SID starts with AC followed by 32 letters and digits."));
      return TRUE;

    case PORTING_REQUEST_KIND_PORT_OUT:
      if (!validate_numbers (self, FALSE, invalid_field, error))
        return FALSE;
      if (!has_text (object_string (self->fields, "gaining_provider")))
        return set_invalid (invalid_field, error, "gaining_provider",
                            _("Enter the name of the provider the numbers move to."));
      return TRUE;

    case PORTING_REQUEST_KIND_INTERNATIONAL_INQUIRY:
      if (!is_e164 (object_string (self->fields, "number")))
        return set_invalid (invalid_field, error, "number",
                            _("Enter the full number with its country code, such as +442079460958."));
      return TRUE;

    case PORTING_REQUEST_KIND_BYOC_INQUIRY:
      return validate_numbers (self, FALSE, invalid_field, error);

    default:
      return set_invalid (invalid_field, error, "kind", _("This kind of request is not known."));
    }
}

/* Accessors */

PortingRequestKind
porting_request_get_kind (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), 0);
  return self->kind;
}

JsonObject *
porting_request_get_fields (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return self->fields;
}

const char *
porting_request_get_string (PortingRequest *self,
                            const char     *member)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return object_string (self->fields, member);
}

void
porting_request_set_string (PortingRequest *self,
                            const char     *member,
                            const char     *value)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));

  if (value == NULL)
    json_object_set_null_member (self->fields, member);
  else
    json_object_set_string_member (self->fields, member, value);
}

gboolean
porting_request_get_boolean (PortingRequest *self,
                             const char     *member)
{
  JsonNode *node;

  g_return_val_if_fail (PORTING_IS_REQUEST (self), FALSE);

  node = json_object_get_member (self->fields, member);
  return node != NULL && JSON_NODE_TYPE (node) == JSON_NODE_VALUE &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

void
porting_request_set_boolean (PortingRequest *self,
                             const char     *member,
                             gboolean        value)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));
  json_object_set_boolean_member (self->fields, member, value);
}

char **
porting_request_dup_numbers (PortingRequest *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;

  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);

  node = json_object_get_member (self->fields, "numbers");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_TYPE (element) == JSON_NODE_VALUE && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  return g_strv_builder_end (builder);
}

void
porting_request_set_numbers (PortingRequest     *self,
                             const char * const *numbers)
{
  JsonArray *array = json_array_new ();

  g_return_if_fail (PORTING_IS_REQUEST (self));

  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    json_array_add_string_element (array, numbers[i]);
  json_object_set_array_member (self->fields, "numbers", array);
}

void
porting_request_set_wireless (PortingRequest *self,
                              const char     *account_number,
                              const char     *pin)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));

  if (account_number == NULL)
    {
      json_object_set_null_member (self->fields, "wireless");
      porting_request_set_wireless_pin (self, NULL);
    }
  else
    {
      JsonObject *wireless = json_object_new ();

      json_object_set_string_member (wireless, "account_number", account_number);
      json_object_set_object_member (self->fields, "wireless", wireless);
      porting_request_set_wireless_pin (self, pin);
    }
}

gboolean
porting_request_is_wireless (PortingRequest *self)
{
  JsonNode *node;

  g_return_val_if_fail (PORTING_IS_REQUEST (self), FALSE);

  node = json_object_get_member (self->fields, "wireless");
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node);
}

const char *
porting_request_get_wireless_pin (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return self->wireless_pin;
}

void
porting_request_set_wireless_pin (PortingRequest *self,
                                  const char     *pin)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));

  if (self->wireless_pin != NULL)
    memset (self->wireless_pin, 0, strlen (self->wireless_pin));
  g_free (self->wireless_pin);
  self->wireless_pin = g_strdup (pin);
}

gboolean
porting_request_has_pin_on_file (PortingRequest *self)
{
  JsonNode *node;
  JsonNode *member;

  g_return_val_if_fail (PORTING_IS_REQUEST (self), FALSE);

  node = json_object_get_member (self->fields, "wireless");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  member = json_object_get_member (json_node_get_object (node), "pin_on_file");
  return member != NULL && JSON_NODE_TYPE (member) == JSON_NODE_VALUE &&
         json_node_get_value_type (member) == G_TYPE_BOOLEAN && json_node_get_boolean (member);
}

gboolean
porting_request_needs_pin (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), FALSE);
  return porting_request_is_wireless (self) && !has_text (self->wireless_pin);
}

const char *
porting_request_get_id (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return self->id;
}

void
porting_request_set_id (PortingRequest *self,
                        const char     *id)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));
  g_free (self->id);
  self->id = g_strdup (id);
}

const char *
porting_request_get_reference (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return self->reference;
}

void
porting_request_set_reference (PortingRequest *self,
                               const char     *reference)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));
  g_free (self->reference);
  self->reference = g_strdup (reference);
}

PortingRequestStatus
porting_request_get_status (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), 0);
  return self->status;
}

void
porting_request_set_status (PortingRequest       *self,
                            PortingRequestStatus  status)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));
  self->status = status;
}

const char *
porting_request_get_created_at (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return self->created_at;
}

const char *
porting_request_get_updated_at (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return self->updated_at;
}

void
porting_request_set_dates (PortingRequest *self,
                           const char     *created_at,
                           const char     *updated_at)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));
  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  g_free (self->updated_at);
  self->updated_at = g_strdup (updated_at);
}

JsonArray *
porting_request_get_history (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return self->history;
}

void
porting_request_set_history (PortingRequest *self,
                             JsonArray      *history)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));
  g_clear_pointer (&self->history, json_array_unref);
  self->history = history ? json_array_ref (history) : NULL;
}

JsonObject *
porting_request_get_answer (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return self->answer;
}

void
porting_request_set_answer (PortingRequest *self,
                            JsonObject     *answer)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));
  g_clear_pointer (&self->answer, json_object_unref);
  self->answer = answer ? json_object_ref (answer) : NULL;
}

const char *
porting_request_get_answer_string (PortingRequest *self,
                                   const char     *member)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return object_string (self->answer, member);
}

JsonArray *
porting_request_get_documents (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return self->documents;
}

void
porting_request_set_documents (PortingRequest *self,
                               JsonArray      *documents)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));
  g_clear_pointer (&self->documents, json_array_unref);
  self->documents = documents ? json_array_ref (documents) : NULL;
}

const char *
porting_request_get_foc_date (PortingRequest *self)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (self), NULL);
  return self->foc_date;
}

void
porting_request_set_foc_date (PortingRequest *self,
                              const char     *foc_date)
{
  g_return_if_fail (PORTING_IS_REQUEST (self));
  g_free (self->foc_date);
  self->foc_date = g_strdup (foc_date);
}
