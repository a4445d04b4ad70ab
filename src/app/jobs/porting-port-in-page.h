/* porting-port-in-page.h — move numbers in from another carrier, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-job-page.h"

G_BEGIN_DECLS

#define PORTING_TYPE_PORT_IN_PAGE (porting_port_in_page_get_type ())
G_DECLARE_FINAL_TYPE (PortingPortInPage, porting_port_in_page, PORTING, PORT_IN_PAGE, PortingJobPage)

/* @draft_store may be NULL: the page then keeps its own, bound to the
 * draft-save-delay setting. */
GtkWidget         *porting_port_in_page_new             (PortingDraftStore  *draft_store);
PortingDraftStore *porting_port_in_page_get_draft_store (PortingPortInPage  *self);
/* 0-based step, 0…6 */
guint              porting_port_in_page_get_step        (PortingPortInPage  *self);
void               porting_port_in_page_set_step        (PortingPortInPage  *self,
                                                         guint               step);
/* Sends the finished request. For now it is saved as the DESIGN.md §3.6 JSON
 * (without the PIN) in $XDG_DATA_HOME/APP_ID/requests/<uuid>.json, until the
 * intake client is wired here. */
void               porting_port_in_page_submit          (PortingPortInPage  *self);
/* Reopens the flow with a rejected request's answers; the new submission
 * names the old one ("previous_request_id"). */
void               porting_port_in_page_correct_request (PortingPortInPage  *self,
                                                         PortingRequest     *request);

G_END_DECLS
