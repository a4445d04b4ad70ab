/* porting-intake-client.h — talks to the intake service (DESIGN.md §3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "porting-request.h"

G_BEGIN_DECLS

/* Largest document the service takes (§3.5). */
#define PORTING_INTAKE_MAX_DOCUMENT_SIZE ((goffset) 25 * 1024 * 1024)

#define PORTING_INTAKE_ERROR (porting_intake_error_quark ())

typedef enum
{
  PORTING_INTAKE_ERROR_UNREACHABLE,  /* no connection, or 5xx/429 after every retry */
  PORTING_INTAKE_ERROR_REFUSED,      /* 4xx: the message is the service's own */
  PORTING_INTAKE_ERROR_UNAUTHORIZED, /* 401: the token is missing or wrong */
  PORTING_INTAKE_ERROR_FORBIDDEN,    /* 403: the token may not do this */
  PORTING_INTAKE_ERROR_NOT_FOUND,    /* 404 */
  PORTING_INTAKE_ERROR_TOO_LARGE,    /* 413 */
  PORTING_INTAKE_ERROR_BAD_ANSWER,   /* the answer is not the JSON expected */
  PORTING_INTAKE_ERROR_INSECURE,     /* plain http to a host that is not this computer */
  PORTING_INTAKE_ERROR_INVALID,      /* the request failed validation before sending */
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
 * (default 5). */
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
 * The request is validated first (PORTING_INTAKE_ERROR_INVALID). */
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

/* GET /v1/requests[?status=]; @status may be NULL. Returns a GPtrArray of PortingRequest. */
void                 porting_intake_client_list_async             (PortingIntakeClient       *self,
                                                                   const char                *status,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
GPtrArray           *porting_intake_client_list_finish            (PortingIntakeClient       *self,
                                                                   GAsyncResult              *result,
                                                                   GError                   **error);

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
