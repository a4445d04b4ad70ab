/* porting-intake-upload.h — a multipart/form-data submission read as it arrives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fed with the body's chunks: the "request" part is kept in memory (it may
 * hold a wireless PIN, which must never reach the disk in clear), document
 * parts go straight to staged files in the documents folder, hashed on the
 * way. Limits are checked on every chunk, so a body that breaks them is
 * refused before the rest of it is read.
 */
#pragma once

#include "porting-intake-store.h"

G_BEGIN_DECLS

#define PORTING_INTAKE_UPLOAD_ERROR (porting_intake_upload_error_quark ())

typedef enum
{
  PORTING_INTAKE_UPLOAD_ERROR_MALFORMED,   /* 400 */
  PORTING_INTAKE_UPLOAD_ERROR_DUPLICATE,   /* 400: a second LOA or proof */
  PORTING_INTAKE_UPLOAD_ERROR_TOO_LARGE,   /* 413: a part over its limit */
  PORTING_INTAKE_UPLOAD_ERROR_TOO_MANY,    /* 413: too many documents or parts */
  PORTING_INTAKE_UPLOAD_ERROR_UNSUPPORTED, /* 415: not a PDF, PNG or JPEG */
  PORTING_INTAKE_UPLOAD_ERROR_NO_SPACE,    /* 507 */
  PORTING_INTAKE_UPLOAD_ERROR_FAILED,      /* 500 */
} PortingIntakeUploadError;

GQuark porting_intake_upload_error_quark (void);

typedef struct
{
  gsize   max_request_part;  /* the JSON of the request */
  goffset max_document;      /* each document part */
  guint   max_documents;     /* document parts */
  guint   max_parts;         /* every part, including unknown ones */
} PortingIntakeUploadLimits;

typedef struct _PortingIntakeUpload PortingIntakeUpload;

PortingIntakeUpload *porting_intake_upload_new              (PortingIntakeStore               *store,
                                                             const char                       *boundary,
                                                             const PortingIntakeUploadLimits  *limits);
void                 porting_intake_upload_free             (PortingIntakeUpload              *upload);
/* FALSE when the body must be refused now (too large, too many, disk full,
 * malformed): @error says which, and with what field name. */
gboolean             porting_intake_upload_feed             (PortingIntakeUpload              *upload,
                                                             const guint8                     *data,
                                                             gsize                             size,
                                                             GError                          **error);
/* Once the body is read: FALSE when it was not a complete multipart body, or
 * a part was wrong (a second LOA, a document that is not PDF/PNG/JPEG). */
gboolean             porting_intake_upload_finish           (PortingIntakeUpload              *upload,
                                                             GError                          **error);
/* The field the last error was about ("loa", "request"…), or NULL. */
const char          *porting_intake_upload_get_error_field  (PortingIntakeUpload              *upload);
/* The JSON of the part named "request" (NULL when there was none), owned by
 * @upload, which wipes it when freed: it may hold a wireless PIN. */
const char          *porting_intake_upload_get_request_part (PortingIntakeUpload              *upload,
                                                             gsize                            *size);
/* The staged documents (PortingIntakeDocument), in the order they came. */
GPtrArray           *porting_intake_upload_steal_documents  (PortingIntakeUpload              *upload);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingIntakeUpload, porting_intake_upload_free)

G_END_DECLS
