/* porting-field-match.h — find an LOA field in a proof page and say how well it matches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "porting-page-text.h"

G_BEGIN_DECLS

typedef enum
{
  PORTING_FIELD_NAME,
  PORTING_FIELD_ADDRESS,
  PORTING_FIELD_ACCOUNT_NUMBER,
  PORTING_FIELD_BTN,
  PORTING_FIELD_CARRIER,      /* the LOA's current carrier against the proof's */
} PortingField;

#define PORTING_N_FIELDS (PORTING_FIELD_CARRIER + 1)

/* Ordered from best to worst: a better candidate has a lower value. */
typedef enum
{
  PORTING_FIELD_STATUS_EXACT,
  PORTING_FIELD_STATUS_EQUIVALENT,
  PORTING_FIELD_STATUS_MISMATCH,
  PORTING_FIELD_STATUS_NOT_FOUND,
  PORTING_FIELD_STATUS_UNREADABLE,
} PortingFieldStatus;

typedef struct
{
  PortingField        field;
  PortingFieldStatus  status;
  char               *loa_text;       /* the value looked for, as written on the LOA */
  char               *proof_text;     /* the candidate, as written in the proof; NULL when none */
  int                 proof_page;     /* 0-based; -1 when none */
  guint               proof_start;    /* byte range of the candidate in that page's text */
  guint               proof_end;
  int                 loa_page;       /* where the value sits on the LOA; -1 when given by hand */
  guint               loa_start;
  guint               loa_end;
  GPtrArray          *differences;    /* of char*: "house number: 1200 ≠ 1220", "name: WIDGETS ≠ WIDGET" */
  double              score;          /* candidate closeness 0…1, to rank mismatches */
  /* Where the compared text came from, the least sure of both documents
   * (OCR, then a form field, then a text layer), and how sure it is:
   * 1 for text and form fields, the least word confidence for OCR. */
  PortingTextSource   source;
  double              confidence;
  PortingTextSource   loa_source;     /* the LOA's side alone */
  double              loa_confidence;
} PortingFieldResult;

#define PORTING_TYPE_FIELD_RESULT (porting_field_result_get_type ())

GType               porting_field_result_get_type   (void) G_GNUC_CONST;
PortingFieldResult *porting_field_result_new        (PortingField              field,
                                                     const char               *loa_text);
PortingFieldResult *porting_field_result_copy       (const PortingFieldResult *self);
void                porting_field_result_free       (PortingFieldResult       *self);

const char         *porting_field_status_to_string  (PortingFieldStatus        status); /* "exact", "not-found", … */
const char         *porting_field_to_string         (PortingField              field);  /* "name", "address", "account_number", "btn", "carrier" */
const char         *porting_text_source_to_string   (PortingTextSource         source); /* "text", "form", "ocr" */

/* Looks for @result->loa_text on @page and keeps in @result whichever is
 * better: what it already holds or the best candidate of this page.
 * Returns TRUE when @result is settled (exact or equivalent). */
gboolean            porting_field_match_page        (PortingFieldResult       *result,
                                                     PortingPageText          *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingFieldResult, porting_field_result_free)

G_END_DECLS
