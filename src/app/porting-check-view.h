/* porting-check-view.h — an LOA and its invoice side by side, and how their fields compare
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-document-check.h"
#include "porting-document-view.h"

G_BEGIN_DECLS

#define PORTING_TYPE_CHECK_VIEW (porting_check_view_get_type ())
G_DECLARE_FINAL_TYPE (PortingCheckView, porting_check_view, PORTING, CHECK_VIEW, GtkWidget)

GtkWidget           *porting_check_view_new             (void);

/* Opens both files (off the main loop, each asking for its own password
 * when protected) and checks them against each other once both are open.
 * Cancels whatever ran before. Either file may be NULL to keep that side. */
void                 porting_check_view_load            (PortingCheckView *self,
                                                         GFile            *loa,
                                                         GFile            *proof);
void                 porting_check_view_clear           (PortingCheckView *self);

/* (nullable): the last check, once done; "checked" follows, with the
 * highlights in place. */
PortingCheckResult  *porting_check_view_get_result      (PortingCheckView *self);
gboolean             porting_check_view_get_busy        (PortingCheckView *self);
/* The sentence above the documents: verdict, progress or problem. */
const char          *porting_check_view_get_verdict_text (PortingCheckView *self);

PortingDocumentView *porting_check_view_get_loa_view    (PortingCheckView *self);
PortingDocumentView *porting_check_view_get_proof_view  (PortingCheckView *self);
/* (nullable): the row of @field, once checked */
GtkWidget           *porting_check_view_get_field_row   (PortingCheckView *self,
                                                         PortingField      field);
/* Whether the fields compared are listed under the documents (default);
 * the review lists them in its own panel. */
void                 porting_check_view_set_show_results (PortingCheckView *self,
                                                         gboolean          show_results);
/* Whether the verdict is said over the documents (default); the port-in
 * page says it in the customer's words above the view. */
void                 porting_check_view_set_show_verdict (PortingCheckView *self,
                                                         gboolean          show_verdict);
/* The titles over the documents side by side (NULL: the usual ones), e.g.
 * short ones that leave room for the file name. */
void                 porting_check_view_set_titles      (PortingCheckView *self,
                                                         const char       *loa_title,
                                                         const char       *proof_title);
/* "invoice" (default) or "csr": what the proof is called. */
void                 porting_check_view_set_proof_kind  (PortingCheckView *self,
                                                         const char       *proof_kind);
/* Shows @field's hit in both documents, as activating its row does. */
void                 porting_check_view_show_field      (PortingCheckView *self,
                                                         PortingField      field);

G_END_DECLS
