/* porting-proof-date.h — the date an invoice or a CSR was issued
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "porting-page-text.h"

G_BEGIN_DECLS

/* The bill date in @text: after Invoice/Bill/Statement date, Run date (a
 * CSR), Date de facturation / de la facture (and a bare "Date", but not a
 * due, port or service date), written "Nov 1, 2026", "11/01/2026",
 * "2026-11-01", "1er novembre 2026"… Returns FALSE when there is none. */
gboolean porting_proof_date_find_in_text (const char      *text,
                                          GDate           *date);

/* The same on a page laid out in blocks: also a date in the block beside
 * its label, on the label's row (a summary box). */
gboolean porting_proof_date_find         (PortingPageText *page,
                                          GDate           *date);

/* A date alone, written in one of those forms, at text[start…]: returns
 * the byte after it, or 0 when there is none. */
guint    porting_proof_date_parse        (const char      *text,
                                          guint            start,
                                          GDate           *date);

G_END_DECLS
