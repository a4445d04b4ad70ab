/* porting-review.c — what support staff decide about a request, and where a request may go next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-review"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-json-limits.h"
#include "porting-port-date.h"
#include "porting-review.h"
#include "porting-twilio-sid.h"

struct _PortingReview
{
  GObject               parent_instance;

  PortingReviewDecision decision;
  PortingRequestStatus  status;
  char                 *foc_date;
  PortingReviewMatch    name_match;
  PortingReviewMatch    address_match;
  char                 *verdict;
  char                 *note;
  JsonObject           *answer;
};

G_DEFINE_TYPE (PortingReview, porting_review, G_TYPE_OBJECT)

G_DEFINE_QUARK (porting-review-error-quark, porting_review_error)

static const char * const decision_names[] = {
  NULL, "approve", "reject", "action-required", "in-review", "cancel",
};

static const PortingRequestStatus decision_statuses[] = {
  PORTING_REQUEST_STATUS_SUBMITTED, /* unused: NONE */
  PORTING_REQUEST_STATUS_APPROVED,
  PORTING_REQUEST_STATUS_REJECTED,
  PORTING_REQUEST_STATUS_ACTION_REQUIRED,
  PORTING_REQUEST_STATUS_IN_REVIEW,
  PORTING_REQUEST_STATUS_CANCELLED,
};

static const char * const answer_members[] = {
  "provider_account_sid", "subaccount_sid", "csr", "reason",
};

/* Transitions */

#define S(name) PORTING_REQUEST_STATUS_##name

/* Indexed by the status a request is in. Cancelling is listed last. */
static const PortingRequestStatus next_submitted[] = { S (IN_REVIEW), S (CANCELLED) };
static const PortingRequestStatus next_in_review[] = { S (ACTION_REQUIRED), S (APPROVED), S (REJECTED), S (CANCELLED) };
static const PortingRequestStatus next_action_required[] = { S (IN_REVIEW), S (CANCELLED) };
static const PortingRequestStatus next_approved[] = { S (SUBMITTED_TO_CARRIER), S (CANCELLED) };
static const PortingRequestStatus next_submitted_to_carrier[] = { S (SCHEDULED), S (ACTION_REQUIRED), S (REJECTED), S (CANCELLED) };
static const PortingRequestStatus next_scheduled[] = { S (COMPLETED), S (ACTION_REQUIRED), S (CANCELLED) };

static const struct
{
  const PortingRequestStatus *next;
  guint                       n_next;
} transitions[] = {
  [S (SUBMITTED)]            = { next_submitted, G_N_ELEMENTS (next_submitted) },
  [S (IN_REVIEW)]            = { next_in_review, G_N_ELEMENTS (next_in_review) },
  [S (ACTION_REQUIRED)]      = { next_action_required, G_N_ELEMENTS (next_action_required) },
  [S (APPROVED)]             = { next_approved, G_N_ELEMENTS (next_approved) },
  [S (SUBMITTED_TO_CARRIER)] = { next_submitted_to_carrier, G_N_ELEMENTS (next_submitted_to_carrier) },
  [S (SCHEDULED)]            = { next_scheduled, G_N_ELEMENTS (next_scheduled) },
  [S (COMPLETED)]            = { NULL, 0 },
  [S (REJECTED)]             = { NULL, 0 },
  [S (CANCELLED)]            = { NULL, 0 },
};

#undef S

gboolean
porting_review_status_is_open (PortingRequestStatus status)
{
  return status != PORTING_REQUEST_STATUS_COMPLETED &&
         status != PORTING_REQUEST_STATUS_REJECTED &&
         status != PORTING_REQUEST_STATUS_CANCELLED;
}

const PortingRequestStatus *
porting_review_get_next_statuses (PortingRequestStatus  from,
                                  guint                *n_statuses)
{
  static const PortingRequestStatus none[1] = { PORTING_REQUEST_STATUS_SUBMITTED };

  g_return_val_if_fail (n_statuses != NULL, none);

  if ((guint) from >= G_N_ELEMENTS (transitions) || transitions[from].next == NULL)
    {
      *n_statuses = 0;
      return none;
    }
  *n_statuses = transitions[from].n_next;
  return transitions[from].next;
}

static gboolean
is_next (PortingRequestStatus from,
         PortingRequestStatus to)
{
  const PortingRequestStatus *next;
  guint n;

  next = porting_review_get_next_statuses (from, &n);
  for (guint i = 0; i < n; i++)
    {
      if (next[i] == to)
        return TRUE;
    }
  return FALSE;
}

guint
porting_review_get_path (PortingRequestStatus from,
                         PortingRequestStatus to,
                         PortingRequestStatus path[2])
{
  if (is_next (from, to))
    {
      path[0] = to;
      return 1;
    }
  /* Deciding on a request nobody opened yet: the review starts first. */
  if (from == PORTING_REQUEST_STATUS_SUBMITTED && to != PORTING_REQUEST_STATUS_IN_REVIEW &&
      is_next (PORTING_REQUEST_STATUS_IN_REVIEW, to))
    {
      path[0] = PORTING_REQUEST_STATUS_IN_REVIEW;
      path[1] = to;
      return 2;
    }
  return 0;
}

const char *
porting_review_decision_to_string (PortingReviewDecision decision)
{
  g_return_val_if_fail ((guint) decision < G_N_ELEMENTS (decision_names), NULL);
  return decision_names[decision];
}

gboolean
porting_review_decision_from_string (const char            *text,
                                     PortingReviewDecision *decision)
{
  for (guint i = 1; text != NULL && i < G_N_ELEMENTS (decision_names); i++)
    {
      if (g_str_equal (text, decision_names[i]))
        {
          *decision = (PortingReviewDecision) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Life cycle */

static void
porting_review_finalize (GObject *object)
{
  PortingReview *self = (PortingReview *) object;

  g_clear_pointer (&self->foc_date, g_free);
  g_clear_pointer (&self->verdict, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->answer, json_object_unref);

  G_OBJECT_CLASS (porting_review_parent_class)->finalize (object);
}

static void
porting_review_class_init (PortingReviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = porting_review_finalize;
}

static void
porting_review_init (PortingReview *self)
{
  self->answer = json_object_new ();
}

PortingReview *
porting_review_new (PortingReviewDecision decision)
{
  PortingReview *self;

  g_return_val_if_fail (decision != PORTING_REVIEW_DECISION_NONE &&
                        (guint) decision < G_N_ELEMENTS (decision_names), NULL);

  self = g_object_new (PORTING_TYPE_REVIEW, NULL);
  self->decision = decision;
  self->status = decision_statuses[decision];
  return self;
}

PortingReview *
porting_review_new_for_status (PortingRequestStatus status)
{
  PortingReview *self = g_object_new (PORTING_TYPE_REVIEW, NULL);

  self->decision = PORTING_REVIEW_DECISION_NONE;
  self->status = status;
  return self;
}

/* JSON */

static gboolean
set_invalid (char       **invalid_field,
             GError     **error,
             const char  *field,
             const char  *message)
{
  if (invalid_field != NULL)
    *invalid_field = g_strdup (field);
  g_set_error_literal (error, PORTING_REVIEW_ERROR, PORTING_REVIEW_ERROR_INVALID, message);
  return FALSE;
}

static PortingReview *
fail_invalid (char       **invalid_field,
              GError     **error,
              const char  *field,
              const char  *message)
{
  set_invalid (invalid_field, error, field, message);
  return NULL;
}

/* *value is NULL when the member is absent or null; FALSE when it is not a string. */
static gboolean
read_string (JsonObject  *object,
             const char  *member,
             const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_match (JsonObject         *object,
            const char         *boolean_member,
            JsonObject         *check,
            const char         *check_member,
            PortingReviewMatch *match)
{
  JsonNode *node = json_object_get_member (object, boolean_member);
  const char *text = NULL;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return FALSE;
      *match = json_node_get_boolean (node) ? PORTING_REVIEW_MATCH_CONFIRMED : PORTING_REVIEW_MATCH_REJECTED;
      return TRUE;
    }

  /* The older form: "document_check": {"name": "confirmed" | "rejected"}. */
  if (check != NULL && read_string (check, check_member, &text) && text != NULL)
    {
      if (g_str_equal (text, "confirmed"))
        *match = PORTING_REVIEW_MATCH_CONFIRMED;
      else if (g_str_equal (text, "rejected"))
        *match = PORTING_REVIEW_MATCH_REJECTED;
      else
        return FALSE;
    }
  return TRUE;
}

PortingReview *
porting_review_new_from_json_object (JsonObject  *object,
                                     char       **invalid_field,
                                     GError     **error)
{
  g_autoptr(PortingReview) self = g_object_new (PORTING_TYPE_REVIEW, NULL);
  JsonObject *check = NULL;
  JsonNode *node;
  const char *decision = NULL;
  const char *status = NULL;
  const char *text = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!read_string (object, "decision", &decision))
    return fail_invalid (invalid_field, error, "decision", _("The decision must be a word such as “approve”."));
  if (!read_string (object, "status", &status))
    return fail_invalid (invalid_field, error, "status", _("The status must be a word such as “scheduled”."));

  if (status != NULL)
    {
      if (!porting_request_status_from_string (status, &self->status))
        return fail_invalid (invalid_field, error, "status", _("This status is not known."));
      self->decision = PORTING_REVIEW_DECISION_NONE;
    }
  else if (decision != NULL)
    {
      if (!porting_review_decision_from_string (decision, &self->decision))
        return fail_invalid (invalid_field, error, "decision",
                            _("The decision must be approve, reject, action-required, in-review or cancel."));
      self->status = decision_statuses[self->decision];
    }
  else
    return fail_invalid (invalid_field, error, "decision",
                        _("A review needs a decision (approve, reject, action-required, in-review, cancel) or a status."));

  if (!read_string (object, "foc_date", &text))
    return fail_invalid (invalid_field, error, "foc_date", _("The FOC date must be written YYYY-MM-DD."));
  self->foc_date = g_strdup (text);

  if (!read_string (object, "note", &text))
    return fail_invalid (invalid_field, error, "note", _("The note must be text."));
  self->note = g_strdup (text);

  node = json_object_get_member (object, "document_check");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    check = json_node_get_object (node);
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return fail_invalid (invalid_field, error, "document_check", _("The document check must be an object."));

  if (!read_match (object, "name_match", check, "name", &self->name_match))
    return fail_invalid (invalid_field, error, "name_match", _("Say whether the name matches with true or false."));
  if (!read_match (object, "address_match", check, "address", &self->address_match))
    return fail_invalid (invalid_field, error, "address_match", _("Say whether the address matches with true or false."));
  if (check != NULL)
    {
      if (!read_string (check, "verdict", &text))
        return fail_invalid (invalid_field, error, "document_check.verdict", _("The verdict must be a word such as “match”."));
      self->verdict = g_strdup (text);
    }

  node = json_object_get_member (object, "answer");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *answer = json_node_get_object (node);

      for (guint i = 0; i < G_N_ELEMENTS (answer_members); i++)
        {
          g_autofree char *field = g_strconcat ("answer.", answer_members[i], NULL);

          if (!read_string (answer, answer_members[i], &text))
            return fail_invalid (invalid_field, error, field, _("The answer for the customer must be text."));
          if (text != NULL)
            json_object_set_string_member (self->answer, answer_members[i], text);
        }
    }
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return fail_invalid (invalid_field, error, "answer", _("The answer must be an object."));

  return g_steal_pointer (&self);
}

PortingReview *
porting_review_new_from_json (const char  *json,
                              gssize       length,
                              char       **invalid_field,
                              GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (json != NULL || length == 0, NULL);

  root = porting_json_parse (json ? json : "", length, PORTING_JSON_MAX_DEPTH, &local_error);
  if (root == NULL)
    {
      g_set_error (error, PORTING_REVIEW_ERROR, PORTING_REVIEW_ERROR_MALFORMED,
                   _("The review is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, PORTING_REVIEW_ERROR, PORTING_REVIEW_ERROR_MALFORMED,
                           _("The review must be a JSON object."));
      return NULL;
    }
  return porting_review_new_from_json_object (json_node_get_object (root), invalid_field, error);
}

JsonNode *
porting_review_to_json_node (PortingReview *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) answer = NULL;

  g_return_val_if_fail (PORTING_IS_REVIEW (self), NULL);

  if (self->decision != PORTING_REVIEW_DECISION_NONE)
    json_object_set_string_member (object, "decision", decision_names[self->decision]);
  else
    json_object_set_string_member (object, "status", porting_request_status_to_string (self->status));
  if (self->foc_date != NULL)
    json_object_set_string_member (object, "foc_date", self->foc_date);
  if (self->name_match != PORTING_REVIEW_MATCH_UNSET)
    json_object_set_boolean_member (object, "name_match", self->name_match == PORTING_REVIEW_MATCH_CONFIRMED);
  if (self->address_match != PORTING_REVIEW_MATCH_UNSET)
    json_object_set_boolean_member (object, "address_match", self->address_match == PORTING_REVIEW_MATCH_CONFIRMED);
  if (self->verdict != NULL)
    {
      JsonObject *check = json_object_new ();

      json_object_set_string_member (check, "verdict", self->verdict);
      json_object_set_object_member (object, "document_check", check);
    }
  answer = porting_review_dup_answer_object (self);
  if (answer != NULL)
    json_object_set_object_member (object, "answer", g_steal_pointer (&answer));
  if (self->note != NULL)
    json_object_set_string_member (object, "note", self->note);

  return json_node_init_object (json_node_alloc (), object);
}

char *
porting_review_to_json (PortingReview *self)
{
  g_autoptr(JsonNode) node = porting_review_to_json_node (self);

  return json_to_string (node, FALSE);
}

static gboolean
is_iso_date (const char *text)
{
  GDate date;

  return porting_port_date_parse (text, &date);
}

static gboolean
has_text (const char *text)
{
  for (; text != NULL && *text; text++)
    {
      if (!g_ascii_isspace (*text))
        return TRUE;
    }
  return FALSE;
}

gboolean
porting_review_validate (PortingReview  *self,
                         char          **invalid_field,
                         GError        **error)
{
  const char *sid;

  g_return_val_if_fail (PORTING_IS_REVIEW (self), FALSE);

  if (self->status == PORTING_REQUEST_STATUS_REJECTED &&
      !has_text (porting_review_get_answer (self, "reason")) && !has_text (self->note))
    return set_invalid (invalid_field, error, "answer.reason", _("A rejection needs a reason for the customer."));

  if (self->status == PORTING_REQUEST_STATUS_SCHEDULED && !is_iso_date (self->foc_date))
    return set_invalid (invalid_field, error, "foc_date", _("A scheduled port needs its FOC date (YYYY-MM-DD)."));
  if (self->foc_date != NULL && !is_iso_date (self->foc_date))
    return set_invalid (invalid_field, error, "foc_date", _("The FOC date must be written YYYY-MM-DD."));

  sid = porting_review_get_answer (self, "provider_account_sid");
  if (sid != NULL && !porting_twilio_sid_is_account_sid (sid))
    return set_invalid (invalid_field, error, "answer.provider_account_sid",
                        _("A Twilio account SID starts with AC followed by 32 letters and digits."));
  sid = porting_review_get_answer (self, "subaccount_sid");
  if (sid != NULL && !porting_twilio_sid_is_account_sid (sid))
    return set_invalid (invalid_field, error, "answer.subaccount_sid",
                        _("A Twilio subaccount SID starts with AC followed by 32 letters and digits."));

  return TRUE;
}

/* Accessors */

PortingReviewDecision
porting_review_get_decision (PortingReview *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW (self), PORTING_REVIEW_DECISION_NONE);
  return self->decision;
}

PortingRequestStatus
porting_review_get_status (PortingReview *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW (self), PORTING_REQUEST_STATUS_SUBMITTED);
  return self->status;
}

const char *
porting_review_get_foc_date (PortingReview *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW (self), NULL);
  return self->foc_date;
}

void
porting_review_set_foc_date (PortingReview *self,
                             const char    *foc_date)
{
  g_return_if_fail (PORTING_IS_REVIEW (self));
  g_free (self->foc_date);
  self->foc_date = g_strdup (foc_date);
}

PortingReviewMatch
porting_review_get_name_match (PortingReview *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW (self), PORTING_REVIEW_MATCH_UNSET);
  return self->name_match;
}

void
porting_review_set_name_match (PortingReview      *self,
                               PortingReviewMatch  match)
{
  g_return_if_fail (PORTING_IS_REVIEW (self));
  self->name_match = match;
}

PortingReviewMatch
porting_review_get_address_match (PortingReview *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW (self), PORTING_REVIEW_MATCH_UNSET);
  return self->address_match;
}

void
porting_review_set_address_match (PortingReview      *self,
                                  PortingReviewMatch  match)
{
  g_return_if_fail (PORTING_IS_REVIEW (self));
  self->address_match = match;
}

const char *
porting_review_get_note (PortingReview *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW (self), NULL);
  return self->note;
}

void
porting_review_set_note (PortingReview *self,
                         const char    *note)
{
  g_return_if_fail (PORTING_IS_REVIEW (self));
  g_free (self->note);
  self->note = g_strdup (note);
}

const char *
porting_review_get_answer (PortingReview *self,
                           const char    *member)
{
  g_return_val_if_fail (PORTING_IS_REVIEW (self), NULL);
  return json_object_get_string_member_with_default (self->answer, member, NULL);
}

void
porting_review_set_answer (PortingReview *self,
                           const char    *member,
                           const char    *value)
{
  g_return_if_fail (PORTING_IS_REVIEW (self));
  g_return_if_fail (member != NULL);

  if (value == NULL)
    {
      if (json_object_has_member (self->answer, member))
        json_object_remove_member (self->answer, member);
    }
  else
    json_object_set_string_member (self->answer, member, value);
}

JsonObject *
porting_review_dup_answer_object (PortingReview *self)
{
  JsonObject *copy;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_return_val_if_fail (PORTING_IS_REVIEW (self), NULL);

  if (json_object_get_size (self->answer) == 0)
    return NULL;
  copy = json_object_new ();
  json_object_iter_init (&iter, self->answer);
  while (json_object_iter_next (&iter, &name, &value))
    json_object_set_string_member (copy, name, json_node_get_string (value));
  return copy;
}

static const char *
match_to_string (PortingReviewMatch match)
{
  return match == PORTING_REVIEW_MATCH_CONFIRMED ? "confirmed" : "rejected";
}

JsonObject *
porting_review_dup_document_check (PortingReview *self)
{
  JsonObject *check;

  g_return_val_if_fail (PORTING_IS_REVIEW (self), NULL);

  if (self->name_match == PORTING_REVIEW_MATCH_UNSET && self->address_match == PORTING_REVIEW_MATCH_UNSET &&
      self->verdict == NULL)
    return NULL;

  check = json_object_new ();
  if (self->name_match != PORTING_REVIEW_MATCH_UNSET)
    json_object_set_string_member (check, "name", match_to_string (self->name_match));
  if (self->address_match != PORTING_REVIEW_MATCH_UNSET)
    json_object_set_string_member (check, "address", match_to_string (self->address_match));
  if (self->verdict != NULL)
    json_object_set_string_member (check, "verdict", self->verdict);
  return check;
}

const char *
porting_review_get_verdict (PortingReview *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW (self), NULL);
  return self->verdict;
}

void
porting_review_set_verdict (PortingReview *self,
                            const char    *verdict)
{
  g_return_if_fail (PORTING_IS_REVIEW (self));
  g_free (self->verdict);
  self->verdict = g_strdup (verdict);
}

const char *
porting_review_get_history_note (PortingReview *self)
{
  g_return_val_if_fail (PORTING_IS_REVIEW (self), NULL);

  if (has_text (self->note))
    return self->note;
  return porting_review_get_answer (self, "reason");
}
