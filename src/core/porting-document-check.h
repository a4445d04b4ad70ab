/* porting-document-check.h — compare an LOA with an invoice or CSR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "porting-document.h"
#include "porting-field-match.h"
#include "porting-loa.h"

G_BEGIN_DECLS

typedef enum
{
  PORTING_CHECK_VERDICT_MATCH,
  PORTING_CHECK_VERDICT_MISMATCH,
  PORTING_CHECK_VERDICT_REVIEW,   /* the proof (or the LOA) has no readable text */
} PortingCheckVerdict;

/* Warning codes (DESIGN.md §3.2); they never change the verdict. */
#define PORTING_CHECK_WARNING_PROOF_TOO_OLD        "proof-older-than-30-days"
#define PORTING_CHECK_WARNING_PROOF_DATE_NOT_FOUND "proof-date-not-found"
#define PORTING_CHECK_WARNING_LOA_UNSIGNED         "loa-unsigned"

typedef struct
{
  char *code;      /* one of PORTING_CHECK_WARNING_* */
  char *message;   /* a sentence for the customer, translated */
} PortingCheckWarning;

/* ---- Options ---------------------------------------------------------- */

typedef struct _PortingCheckOptions PortingCheckOptions;

#define PORTING_TYPE_CHECK_OPTIONS (porting_check_options_get_type ())

GType                porting_check_options_get_type     (void) G_GNUC_CONST;
PortingCheckOptions *porting_check_options_new          (void);
PortingCheckOptions *porting_check_options_copy         (const PortingCheckOptions *self);
void                 porting_check_options_free         (PortingCheckOptions       *self);
/* Look for this name / address instead of the LOA's (NULL = the LOA's). */
void                 porting_check_options_set_name     (PortingCheckOptions       *self,
                                                         const char                *name);
void                 porting_check_options_set_address  (PortingCheckOptions       *self,
                                                         const char                *address);
/* Numbers that must appear on the LOA, in any written form. */
void                 porting_check_options_add_number   (PortingCheckOptions       *self,
                                                         const char                *number);
/* "Today" for the age of the bill; NULL = the real today. */
void                 porting_check_options_set_today    (PortingCheckOptions       *self,
                                                         const GDate               *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingCheckOptions, porting_check_options_free)

/* ---- Result ----------------------------------------------------------- */

#define PORTING_TYPE_CHECK_RESULT (porting_check_result_get_type ())
G_DECLARE_FINAL_TYPE (PortingCheckResult, porting_check_result, PORTING, CHECK_RESULT, GObject)

PortingCheckVerdict       porting_check_result_get_verdict          (PortingCheckResult *self);
const PortingLoaFields   *porting_check_result_get_loa_fields       (PortingCheckResult *self);
/* Never NULL for NAME and ADDRESS; NULL for ACCOUNT_NUMBER, BTN and CARRIER
 * unless both documents show one. */
const PortingFieldResult *porting_check_result_get_field            (PortingCheckResult *self,
                                                                     PortingField        field);
/* Each number given in the options whose E.164 is not on the LOA (char*). */
GPtrArray                *porting_check_result_get_numbers_missing_from_loa (PortingCheckResult *self);
/* Of PortingCheckWarning*. */
GPtrArray                *porting_check_result_get_warnings         (PortingCheckResult *self);
gboolean                  porting_check_result_has_warning          (PortingCheckResult *self,
                                                                     const char         *code);
/* The bill date read on the proof; NULL when none. */
const GDate              *porting_check_result_get_proof_date       (PortingCheckResult *self);
/* How many proof pages were read before the answer was known. */
guint                     porting_check_result_get_proof_pages_read (PortingCheckResult *self);
/* The verdict in words, naming what does not match (translated). */
char                     *porting_check_result_dup_summary          (PortingCheckResult *self);
/* The DESIGN.md §3.2 object. */
JsonNode                 *porting_check_result_to_json              (PortingCheckResult *self);

const char               *porting_check_verdict_to_string           (PortingCheckVerdict verdict);

/* ---- Running the check ------------------------------------------------ */

/* Blocking: for worker threads, tests and the command line. @options may be NULL. */
PortingCheckResult *porting_document_check_run    (PortingDocument            *loa,
                                                   PortingDocument            *proof,
                                                   const PortingCheckOptions  *options,
                                                   GCancellable               *cancellable,
                                                   GError                    **error);
void                porting_document_check_async  (PortingDocument            *loa,
                                                   PortingDocument            *proof,
                                                   const PortingCheckOptions  *options,
                                                   GCancellable               *cancellable,
                                                   GAsyncReadyCallback         callback,
                                                   gpointer                    user_data);
PortingCheckResult *porting_document_check_finish (GAsyncResult               *result,
                                                   GError                    **error);

/* Reads a bill date ("Invoice date: Oct 28, 2026", "Date 2026-10-28", …) in
 * @text; returns FALSE when there is none. Exposed for tests. */
gboolean            porting_document_check_find_bill_date (const char *text,
                                                           GDate      *date);

G_END_DECLS
