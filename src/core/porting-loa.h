/* porting-loa.h — the fields of a Letter of Authorization, read from its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porting-document.h"
#include "porting-page-text.h"

G_BEGIN_DECLS

/* Where a value sits on the LOA, for highlighting: byte range in the text of
 * page @page (0-based); @page is -1 when the value was not found. */
typedef struct
{
  int   page;
  guint start;
  guint end;
} PortingTextSpan;

typedef struct
{
  /*< public, read-only; strings are NULL when not found >*/
  char            *name;               /* the customer (business) name */
  char            *authorized_person;  /* who signs; never taken for the name */
  char            *address;            /* street line(s) and city line joined with ", " */
  char            *street;
  char            *city_line;          /* "Oakland, CA 94607" */
  char            *carrier;            /* current (losing) carrier */
  char            *account_number;
  char            *btn;                /* billing telephone number, as written */
  char            *date;               /* as written */
  GPtrArray       *numbers;            /* of char*: every telephone number on the LOA, E.164, once each */
  gboolean         has_signature_line; /* a signature label was found */
  gboolean         is_signed;          /* a name, or ink that is no rule, on that line (porting-loa.c) */

  PortingTextSpan  name_span;
  PortingTextSpan  authorized_person_span;
  PortingTextSpan  street_span;
  PortingTextSpan  city_line_span;
  PortingTextSpan  carrier_span;
  PortingTextSpan  account_number_span;
  PortingTextSpan  btn_span;
  PortingTextSpan  date_span;
  PortingTextSpan  signature_span;     /* the signature label */
  GArray          *number_spans;       /* of PortingTextSpan, parallel to @numbers (first occurrence) */
} PortingLoaFields;

#define PORTING_TYPE_LOA_FIELDS (porting_loa_fields_get_type ())

GType             porting_loa_fields_get_type        (void) G_GNUC_CONST;
PortingLoaFields *porting_loa_fields_new             (void);
PortingLoaFields *porting_loa_fields_copy            (const PortingLoaFields *self);
void              porting_loa_fields_free            (PortingLoaFields       *self);

/* Reads the fields from the text of every page (PortingPageText*, in page order). */
PortingLoaFields *porting_loa_fields_new_from_pages  (GPtrArray              *pages);

/* Blocking: reads every page of @loa. Images give empty fields (no OCR). */
PortingLoaFields *porting_loa_fields_read            (PortingDocument        *loa,
                                                      GCancellable           *cancellable,
                                                      GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingLoaFields, porting_loa_fields_free)

G_END_DECLS
