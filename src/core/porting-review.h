/* porting-review.h — what support staff decide about a request, and where a request may go next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "porting-request.h"

G_BEGIN_DECLS

/* The "decision" member of POST /v1/requests/{id}/review (DESIGN.md §3.5). */
typedef enum
{
  PORTING_REVIEW_DECISION_NONE,            /* a "status" is given instead */
  PORTING_REVIEW_DECISION_APPROVE,         /* → approved */
  PORTING_REVIEW_DECISION_REJECT,          /* → rejected */
  PORTING_REVIEW_DECISION_ACTION_REQUIRED, /* → action-required */
  PORTING_REVIEW_DECISION_IN_REVIEW,       /* → in-review */
  PORTING_REVIEW_DECISION_CANCEL,          /* → cancelled */
} PortingReviewDecision;

/* What staff say about the name or the address on the documents. */
typedef enum
{
  PORTING_REVIEW_MATCH_UNSET,
  PORTING_REVIEW_MATCH_CONFIRMED,
  PORTING_REVIEW_MATCH_REJECTED,
} PortingReviewMatch;

#define PORTING_REVIEW_ERROR (porting_review_error_quark ())

typedef enum
{
  PORTING_REVIEW_ERROR_MALFORMED, /* not JSON, not an object, or nested too deep */
  PORTING_REVIEW_ERROR_INVALID,   /* a member is missing or wrong; see the field name */
} PortingReviewError;

GQuark                      porting_review_error_quark          (void);

const char                 *porting_review_decision_to_string   (PortingReviewDecision  decision);
gboolean                    porting_review_decision_from_string (const char            *text,
                                                                 PortingReviewDecision *decision);

/* The allowed transitions, as data (§3.5): submitted → in-review →
 * action-required | approved | rejected; action-required → in-review;
 * approved → submitted-to-carrier → scheduled | action-required | rejected;
 * scheduled → completed | action-required; any open one → cancelled.
 * A decision on a request still "submitted" starts its review first, so
 * submitted → approved passes through in-review (both are in its history). */
gboolean                    porting_review_status_is_open       (PortingRequestStatus   status);
/* Where a request in @from may be moved by a review, in a stable order;
 * @n_statuses receives how many. Never NULL (may be empty). */
const PortingRequestStatus *porting_review_get_next_statuses    (PortingRequestStatus   from,
                                                                 guint                 *n_statuses);
/* The steps from @from to @to (the last one is @to): 1 for a direct
 * transition, 2 when the review starts on the way (submitted → in-review
 * → @to), 0 when @to cannot follow @from. */
guint                       porting_review_get_path             (PortingRequestStatus   from,
                                                                 PortingRequestStatus   to,
                                                                 PortingRequestStatus   path[2]);

#define PORTING_TYPE_REVIEW (porting_review_get_type ())

G_DECLARE_FINAL_TYPE (PortingReview, porting_review, PORTING, REVIEW, GObject)

PortingReview        *porting_review_new                  (PortingReviewDecision   decision);
/* A move to any status, e.g. scheduled (with porting_review_set_foc_date()). */
PortingReview        *porting_review_new_for_status       (PortingRequestStatus    status);
/* Reads what staff send. The nesting is bounded before it is parsed. Errors:
 * PORTING_REVIEW_ERROR_MALFORMED, or _INVALID with *invalid_field (free it)
 * naming the member, e.g. "decision", "foc_date", "answer.reason". */
PortingReview        *porting_review_new_from_json        (const char             *json,
                                                           gssize                  length,
                                                           char                  **invalid_field,
                                                           GError                **error);
PortingReview        *porting_review_new_from_json_object (JsonObject             *object,
                                                           char                  **invalid_field,
                                                           GError                **error);
JsonNode             *porting_review_to_json_node         (PortingReview          *self);
char                 *porting_review_to_json              (PortingReview          *self);

/* A rejection needs a reason for the customer (answer.reason or the note), a
 * scheduled port its FOC date as YYYY-MM-DD, SIDs must be Twilio SIDs. */
gboolean              porting_review_validate             (PortingReview          *self,
                                                           char                  **invalid_field,
                                                           GError                **error);

PortingReviewDecision porting_review_get_decision         (PortingReview          *self);
/* The status the request moves to. */
PortingRequestStatus  porting_review_get_status           (PortingReview          *self);
const char           *porting_review_get_foc_date         (PortingReview          *self);
void                  porting_review_set_foc_date         (PortingReview          *self,
                                                           const char             *foc_date);
PortingReviewMatch    porting_review_get_name_match       (PortingReview          *self);
void                  porting_review_set_name_match       (PortingReview          *self,
                                                           PortingReviewMatch      match);
PortingReviewMatch    porting_review_get_address_match    (PortingReview          *self);
void                  porting_review_set_address_match    (PortingReview          *self,
                                                           PortingReviewMatch      match);
const char           *porting_review_get_note             (PortingReview          *self);
void                  porting_review_set_note             (PortingReview          *self,
                                                           const char             *note);
/* The answer for the customer: "provider_account_sid", "subaccount_sid",
 * "csr" or "reason". NULL removes the member. */
const char           *porting_review_get_answer           (PortingReview          *self,
                                                           const char             *member);
void                  porting_review_set_answer           (PortingReview          *self,
                                                           const char             *member,
                                                           const char             *value);
/* {"provider_account_sid"?, "subaccount_sid"?, "csr"?, "reason"?} or NULL when empty. */
JsonObject           *porting_review_dup_answer_object    (PortingReview          *self);
/* What the request stores as "staff_document_check": {"name", "address"
 * ("confirmed" | "rejected"), "verdict"?}; NULL when staff said nothing. */
JsonObject           *porting_review_dup_document_check   (PortingReview          *self);
/* The verdict of the document check staff looked at ("match", "mismatch"…). */
const char           *porting_review_get_verdict          (PortingReview          *self);
void                  porting_review_set_verdict          (PortingReview          *self,
                                                           const char             *verdict);
/* The note for the history: the note, or else the reason. */
const char           *porting_review_get_history_note     (PortingReview          *self);

G_END_DECLS
