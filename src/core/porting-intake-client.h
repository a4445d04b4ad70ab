/* porting-intake-client.h — talks to the intake service (DESIGN.md §3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "porting-request.h"
#include "porting-review.h"

G_BEGIN_DECLS

/* Largest document the service takes, how many, and the largest body (§3.5). */
#define PORTING_INTAKE_MAX_DOCUMENT_SIZE ((goffset) 25 * 1024 * 1024)
#define PORTING_INTAKE_MAX_DOCUMENTS     10
#define PORTING_INTAKE_MAX_BODY_SIZE     ((goffset) 64 * 1024 * 1024)
/* The most of a listing page (§3.5). */
#define PORTING_INTAKE_MAX_PAGE          200

#define PORTING_INTAKE_ERROR (porting_intake_error_quark ())

typedef enum
{
  PORTING_INTAKE_ERROR_UNREACHABLE,  /* no connection, 5xx/429 after every retry, no answer in time */
  PORTING_INTAKE_ERROR_REFUSED,      /* 4xx: the message is the service's own */
  PORTING_INTAKE_ERROR_UNAUTHORIZED, /* 401: the token is missing or wrong */
  PORTING_INTAKE_ERROR_FORBIDDEN,    /* 403: the token may not do this */
  PORTING_INTAKE_ERROR_NOT_FOUND,    /* 404 */
  PORTING_INTAKE_ERROR_TOO_LARGE,    /* 413 */
  PORTING_INTAKE_ERROR_BAD_ANSWER,   /* the answer is not the JSON expected */
  PORTING_INTAKE_ERROR_INSECURE,     /* plain http to a host that is not this computer */
  PORTING_INTAKE_ERROR_INVALID,      /* the request failed validation before sending */
  PORTING_INTAKE_ERROR_CONFLICT,     /* 409: the request's status does not allow this review */
  PORTING_INTAKE_ERROR_GONE,         /* 410: e.g. the wireless PIN was erased when the request ended */
} PortingIntakeError;

GQuark porting_intake_error_quark (void);

/* Called on the caller's main context while the body is being written. */
typedef void (*PortingIntakeProgressFunc) (goffset  sent,
                                           goffset  total,
                                           gpointer user_data);

#define PORTING_TYPE_INTAKE_CLIENT (porting_intake_client_get_type ())

G_DECLARE_FINAL_TYPE (PortingIntakeClient, porting_intake_client, PORTING, INTAKE_CLIENT, GObject)

/* Retries: "retry-delay" (milliseconds before the second try, doubled each
 * time; default 500, or $PORTING_INTAKE_RETRY_DELAY_MS) and "max-attempts"
 * (default 5, or $PORTING_INTAKE_MAX_ATTEMPTS).
 * Limits, so that no server hangs or exhausts the caller: "timeout" (seconds
 * without a byte either way; default 60, or $PORTING_INTAKE_TIMEOUT), "deadline"
 * (seconds for a whole call with its retries, plus one per 64 KiB uploaded;
 * default 120, or $PORTING_INTAKE_DEADLINE; 0: none) and "max-answer-size"
 * (bytes of a JSON answer; default 16 MiB; documents may be 25 MiB).
 * "tls-database": the certificate authorities to trust instead of the
 * system's (a provider's own CA). */
PortingIntakeClient *porting_intake_client_new                    (const char                *base_url,
                                                                   const char                *token);
const char          *porting_intake_client_get_base_url           (PortingIntakeClient       *self);
void                 porting_intake_client_set_token              (PortingIntakeClient       *self,
                                                                   const char                *token);
/* FALSE with PORTING_INTAKE_ERROR_INSECURE for plain http to a non-loopback host,
 * or PORTING_INTAKE_ERROR_UNREACHABLE for an address that is not a URL. */
gboolean             porting_intake_client_check_url              (PortingIntakeClient       *self,
                                                                   GError                   **error);

/* POST /v1/requests. @loa, @proof may be NULL; @regulatory is a GPtrArray of
 * GFile or NULL. The same @idempotency_key (a UUID) is sent on every retry.
 * The request is validated first (PORTING_INTAKE_ERROR_INVALID), and the
 * documents measured: one over 25 MiB, more than 10, or more than 64 MiB in
 * all is PORTING_INTAKE_ERROR_TOO_LARGE before anything is sent. */
void                 porting_intake_client_submit_async           (PortingIntakeClient       *self,
                                                                   PortingRequest            *request,
                                                                   GFile                     *loa,
                                                                   GFile                     *proof,
                                                                   GPtrArray                 *regulatory,
                                                                   const char                *idempotency_key,
                                                                   GCancellable              *cancellable,
                                                                   PortingIntakeProgressFunc  progress,
                                                                   gpointer                   progress_data,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
/* The stored request. For REFUSED/INVALID, *invalid_field (free it) names the
 * member the service or the validation complained about, when it said. */
PortingRequest      *porting_intake_client_submit_finish          (PortingIntakeClient       *self,
                                                                   GAsyncResult              *result,
                                                                   char                     **invalid_field,
                                                                   GError                   **error);

/* GET /v1/requests?limit=&cursor=[&status=]: one page, newest first. @status
 * and @cursor may be NULL (the first page); @limit 1–200 (0: the service's 50).
 * Returns a GPtrArray of PortingRequest; *next_cursor (free it) is NULL on the
 * last page. */
void                 porting_intake_client_list_page_async        (PortingIntakeClient       *self,
                                                                   const char                *status,
                                                                   guint                      limit,
                                                                   const char                *cursor,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
GPtrArray           *porting_intake_client_list_page_finish       (PortingIntakeClient       *self,
                                                                   GAsyncResult              *result,
                                                                   char                     **next_cursor,
                                                                   GError                   **error);

/* Every page of GET /v1/requests[?status=], newest first; @status may be NULL.
 * Returns a GPtrArray of PortingRequest. */
void                 porting_intake_client_list_async             (PortingIntakeClient       *self,
                                                                   const char                *status,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
GPtrArray           *porting_intake_client_list_finish            (PortingIntakeClient       *self,
                                                                   GAsyncResult              *result,
                                                                   GError                   **error);

/* GET /v1/requests/{id}: @id is the request's id or its reference (PRT-7K3F-Q2). */
void                 porting_intake_client_get_async              (PortingIntakeClient       *self,
                                                                   const char                *id,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
PortingRequest      *porting_intake_client_get_finish             (PortingIntakeClient       *self,
                                                                   GAsyncResult              *result,
                                                                   GError                   **error);

/* GET /v1/requests/{id}/documents/{name} ("loa", "proof", "regulatory-1"…)
 * written to @destination (replaced atomically). */
void                 porting_intake_client_download_document_async  (PortingIntakeClient     *self,
                                                                     const char              *id,
                                                                     const char              *name,
                                                                     GFile                   *destination,
                                                                     GCancellable            *cancellable,
                                                                     GAsyncReadyCallback      callback,
                                                                     gpointer                 user_data);
gboolean             porting_intake_client_download_document_finish (PortingIntakeClient     *self,
                                                                     GAsyncResult            *result,
                                                                     GError                 **error);

/* POST /v1/requests/{id}/review (staff): @review is
 * {"decision": "approve"|"reject"|"action-required"|"in-review", "status"?, "foc_date"?,
 *  "note"?, "document_check"?, "answer"?: {"provider_account_sid", "subaccount_sid", "csr", "reason"}}. */
void                 porting_intake_client_review_async           (PortingIntakeClient       *self,
                                                                   const char                *id,
                                                                   JsonObject                *review,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
PortingRequest      *porting_intake_client_review_finish          (PortingIntakeClient       *self,
                                                                   GAsyncResult              *result,
                                                                   GError                   **error);

/* POST /v1/requests/{id}/review (staff) with @review, validated first
 * (PORTING_INTAKE_ERROR_INVALID). A review that does not follow from the
 * request's status is PORTING_INTAKE_ERROR_CONFLICT. Finish with
 * porting_intake_client_review_finish(). */
void                 porting_intake_client_send_review_async      (PortingIntakeClient       *self,
                                                                   const char                *id,
                                                                   PortingReview             *review,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);

/* GET /v1/requests/{id}/wireless-pin (staff): the PIN, to be shown and then
 * zeroed (memset) before g_free(); every reading is in the request's history.
 * PORTING_INTAKE_ERROR_GONE once the request ended, _FORBIDDEN for customers. */
void                 porting_intake_client_get_wireless_pin_async (PortingIntakeClient       *self,
                                                                   const char                *id,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
char                *porting_intake_client_get_wireless_pin_finish (PortingIntakeClient      *self,
                                                                    GAsyncResult             *result,
                                                                    GError                  **error);

/* GET /v1/me: whom the token is for. *is_staff: its role; *expires_at (free
 * it): ISO 8601, or NULL for a token that does not expire. */
void                 porting_intake_client_get_me_async           (PortingIntakeClient       *self,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
gboolean             porting_intake_client_get_me_finish          (PortingIntakeClient       *self,
                                                                   GAsyncResult              *result,
                                                                   char                     **name,
                                                                   gboolean                  *is_staff,
                                                                   char                     **expires_at,
                                                                   GError                   **error);

/* GET /v1/portability/{e164}: {"number", "portable", "region", "country_name",
 * "number_type", "reason"?}. */
void                 porting_intake_client_portability_async      (PortingIntakeClient       *self,
                                                                   const char                *e164,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
JsonObject          *porting_intake_client_portability_finish     (PortingIntakeClient       *self,
                                                                   GAsyncResult              *result,
                                                                   GError                   **error);

G_END_DECLS
