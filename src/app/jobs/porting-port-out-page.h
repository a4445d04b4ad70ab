/* porting-port-out-page.h — move numbers out to another provider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-job-page.h"
#include "porting-request.h"

G_BEGIN_DECLS

#define PORTING_TYPE_PORT_OUT_PAGE (porting_port_out_page_get_type ())
G_DECLARE_FINAL_TYPE (PortingPortOutPage, porting_port_out_page, PORTING, PORT_OUT_PAGE, PortingJobPage)

/* @draft_store may be NULL: the page then keeps its own, bound to the
 * draft-save-delay setting. */
GtkWidget         *porting_port_out_page_new             (PortingDraftStore  *draft_store);
PortingDraftStore *porting_port_out_page_get_draft_store (PortingPortOutPage *self);
/* Sends the request when the form is complete (what Submit does). */
void               porting_port_out_page_submit          (PortingPortOutPage *self);
/* (nullable): the request as the service stored it, once submitted */
PortingRequest    *porting_port_out_page_get_request     (PortingPortOutPage *self);
/* Asks the service for the request again (what Refresh does). */
void               porting_port_out_page_refresh         (PortingPortOutPage *self);
/* Writes the CSR information of the answer as a PDF (what Save as PDF… does). */
void               porting_port_out_page_save_csr_async  (PortingPortOutPage  *self,
                                                          GFile               *file,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean           porting_port_out_page_save_csr_finish (PortingPortOutPage  *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
