/* porting-request.h — a porting request: kinds, statuses, JSON, validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  PORTING_REQUEST_KIND_PORT_IN,
  PORTING_REQUEST_KIND_TWILIO_TRANSFER,
  PORTING_REQUEST_KIND_PORT_OUT,
  PORTING_REQUEST_KIND_INTERNATIONAL_INQUIRY,
  PORTING_REQUEST_KIND_BYOC_INQUIRY,
} PortingRequestKind;

typedef enum
{
  PORTING_REQUEST_STATUS_SUBMITTED,
  PORTING_REQUEST_STATUS_IN_REVIEW,
  PORTING_REQUEST_STATUS_ACTION_REQUIRED,
  PORTING_REQUEST_STATUS_APPROVED,
  PORTING_REQUEST_STATUS_SUBMITTED_TO_CARRIER,
  PORTING_REQUEST_STATUS_SCHEDULED,
  PORTING_REQUEST_STATUS_COMPLETED,
  PORTING_REQUEST_STATUS_REJECTED,
  PORTING_REQUEST_STATUS_CANCELLED,
} PortingRequestStatus;

/* What porting_request_to_json() writes. The default (0) is the form that may
 * go to disk: the request as typed, without the wireless PIN. */
typedef enum
{
  PORTING_REQUEST_JSON_DEFAULT    = 0,
  PORTING_REQUEST_JSON_FOR_SUBMIT = 1 << 0, /* include the wireless PIN: for the wire only */
  PORTING_REQUEST_JSON_STORED     = 1 << 1, /* include id, status, dates, history, answer, documents */
  PORTING_REQUEST_JSON_PRETTY     = 1 << 2,
} PortingRequestJsonFlags;

#define PORTING_REQUEST_ERROR (porting_request_error_quark ())

typedef enum
{
  PORTING_REQUEST_ERROR_MALFORMED, /* not JSON, or not an object */
  PORTING_REQUEST_ERROR_INVALID,   /* a field is missing or wrong; see the field name */
} PortingRequestError;

GQuark      porting_request_error_quark            (void);

const char *porting_request_kind_to_string         (PortingRequestKind    kind);
gboolean    porting_request_kind_from_string       (const char           *text,
                                                    PortingRequestKind   *kind);
/* Translated, e.g. "Port in". */
const char *porting_request_kind_get_title         (PortingRequestKind    kind);

const char *porting_request_status_to_string       (PortingRequestStatus  status);
gboolean    porting_request_status_from_string     (const char           *text,
                                                    PortingRequestStatus *status);
/* Translated short label, e.g. "Action required". */
const char *porting_request_status_get_title       (PortingRequestStatus  status);
/* Translated sentence: what the status means and what the customer does next. */
const char *porting_request_status_get_explanation (PortingRequestStatus  status);

#define PORTING_TYPE_REQUEST (porting_request_get_type ())

G_DECLARE_FINAL_TYPE (PortingRequest, porting_request, PORTING, REQUEST, GObject)

PortingRequest      *porting_request_new                 (PortingRequestKind       kind);
/* Reads the submitted form or the stored form. A "pin" inside "wireless" is
 * kept in memory only. Errors: PORTING_REQUEST_ERROR_MALFORMED, or _INVALID
 * for an unknown kind/status (*invalid_field names the member). */
PortingRequest      *porting_request_new_from_json       (const char              *json,
                                                          gssize                   length,
                                                          char                   **invalid_field,
                                                          GError                 **error);
PortingRequest      *porting_request_new_from_json_node  (JsonNode                *node,
                                                          char                   **invalid_field,
                                                          GError                 **error);
PortingRequest      *porting_request_copy                (PortingRequest          *self);
char                *porting_request_to_json             (PortingRequest          *self,
                                                          PortingRequestJsonFlags  flags);
JsonNode            *porting_request_to_json_node        (PortingRequest          *self,
                                                          PortingRequestJsonFlags  flags);

/* Checks what the customer gave for the kind (numbers in E.164, the LOA for a
 * port-in, the Twilio SID…). On failure the message is for the customer and
 * *invalid_field (free it) names the JSON member, e.g. "numbers",
 * "loa.customer_name", "wireless.pin". */
gboolean             porting_request_validate            (PortingRequest          *self,
                                                          char                   **invalid_field,
                                                          GError                 **error);

PortingRequestKind   porting_request_get_kind            (PortingRequest          *self);
/* The kind-specific members as in DESIGN.md §3.6 ("numbers", "loa", "sms"…),
 * without "kind", the stored members and the PIN. Owned by @self; edit in place. */
JsonObject          *porting_request_get_fields          (PortingRequest          *self);
const char          *porting_request_get_string          (PortingRequest          *self,
                                                          const char              *member);
void                 porting_request_set_string          (PortingRequest          *self,
                                                          const char              *member,
                                                          const char              *value);
gboolean             porting_request_get_boolean         (PortingRequest          *self,
                                                          const char              *member);
void                 porting_request_set_boolean         (PortingRequest          *self,
                                                          const char              *member,
                                                          gboolean                 value);
/* NULL-terminated, free with g_strfreev. */
char               **porting_request_dup_numbers         (PortingRequest          *self);
void                 porting_request_set_numbers         (PortingRequest          *self,
                                                          const char * const      *numbers);
/* Sets "wireless" to {"account_number"} and keeps the PIN in memory; NULL account = not wireless. */
void                 porting_request_set_wireless        (PortingRequest          *self,
                                                          const char              *account_number,
                                                          const char              *pin);
gboolean             porting_request_is_wireless         (PortingRequest          *self);
const char          *porting_request_get_wireless_pin    (PortingRequest          *self);
void                 porting_request_set_wireless_pin    (PortingRequest          *self,
                                                          const char              *pin);
/* TRUE when the service says it holds this wireless request's PIN
 * ("wireless": {"account_number", "pin_on_file": true}); staff read it
 * with porting_intake_client_get_wireless_pin_async(). */
gboolean             porting_request_has_pin_on_file     (PortingRequest          *self);
/* TRUE for a wireless request whose PIN is not known (e.g. it came back from disk). */
gboolean             porting_request_needs_pin           (PortingRequest          *self);

/* Stored form, as the service answers. */
const char          *porting_request_get_id              (PortingRequest          *self);
void                 porting_request_set_id              (PortingRequest          *self,
                                                          const char              *id);
/* The short code a person can read out, e.g. "PRT-7K3F-Q2"; NULL before the service stored it. */
const char          *porting_request_get_reference       (PortingRequest          *self);
void                 porting_request_set_reference       (PortingRequest          *self,
                                                          const char              *reference);
PortingRequestStatus porting_request_get_status          (PortingRequest          *self);
void                 porting_request_set_status          (PortingRequest          *self,
                                                          PortingRequestStatus     status);
const char          *porting_request_get_created_at      (PortingRequest          *self);
const char          *porting_request_get_updated_at      (PortingRequest          *self);
void                 porting_request_set_dates           (PortingRequest          *self,
                                                          const char              *created_at,
                                                          const char              *updated_at);
/* Array of {"status", "at", "by"?, "note"?}; NULL when none. */
JsonArray           *porting_request_get_history         (PortingRequest          *self);
void                 porting_request_set_history         (PortingRequest          *self,
                                                          JsonArray               *history);
/* {"provider_account_sid", "subaccount_sid", "csr", "reason"}; NULL until staff answer. */
JsonObject          *porting_request_get_answer          (PortingRequest          *self);
void                 porting_request_set_answer          (PortingRequest          *self,
                                                          JsonObject              *answer);
const char          *porting_request_get_answer_string   (PortingRequest          *self,
                                                          const char              *member);
/* Array of {"name", "part", "content_type", "size", "sha256"}; NULL when none. */
JsonArray           *porting_request_get_documents       (PortingRequest          *self);
void                 porting_request_set_documents       (PortingRequest          *self,
                                                          JsonArray               *documents);
/* "YYYY-MM-DD" of the firm order commitment once scheduled; NULL otherwise. */
const char          *porting_request_get_foc_date        (PortingRequest          *self);
void                 porting_request_set_foc_date        (PortingRequest          *self,
                                                          const char              *foc_date);

G_END_DECLS
