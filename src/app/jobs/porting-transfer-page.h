/* porting-transfer-page.h — move numbers already on Twilio into our Twilio account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-job-page.h"

G_BEGIN_DECLS

#define PORTING_TYPE_TRANSFER_PAGE (porting_transfer_page_get_type ())
G_DECLARE_FINAL_TYPE (PortingTransferPage, porting_transfer_page, PORTING, TRANSFER_PAGE, PortingJobPage)

/* @draft_store may be NULL: the page then keeps its own, bound to the
 * draft-save-delay setting. */
GtkWidget      *porting_transfer_page_new             (PortingDraftStore   *draft_store);
PortingDraftStore *porting_transfer_page_get_draft_store (PortingTransferPage *self);
/* Sends the request when the form is complete (what Submit does). */
void            porting_transfer_page_submit          (PortingTransferPage *self);
/* (nullable): the request as the service stored it, once submitted */
PortingRequest *porting_transfer_page_get_request     (PortingTransferPage *self);
/* Asks the service for the request again (what Refresh does). */
void            porting_transfer_page_refresh         (PortingTransferPage *self);

G_END_DECLS
