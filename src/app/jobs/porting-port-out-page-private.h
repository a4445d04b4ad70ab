/* porting-port-out-page-private.h — the page's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-numbers-editor.h"
#include "porting-port-out-page.h"

G_BEGIN_DECLS

struct _PortingPortOutPage
{
  PortingJobPage        parent_instance;


  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  PortingNumbersEditor *numbers_editor;
  AdwEntryRow          *provider_row;
  GtkSwitch            *twilio_switch;
  GtkCheckButton       *contract_check;
  AdwActionRow         *contract_row;
  GtkLabel             *missing_label;
  GtkButton            *submit_button;
  GtkButton            *refresh_button;
  AdwActionRow         *request_row;
  AdwActionRow         *provider_summary_row;
  GtkListBox           *answer_list;
  AdwActionRow         *waiting_row;
  GtkSpinner           *waiting_spinner;
  AdwActionRow         *subaccount_row;
  GtkWidget            *subaccount_copy;
  GtkLabel             *subaccount_hint;
  GtkWidget            *csr_box;
  GtkLabel             *csr_label;
  GtkButton            *save_csr_button;
  AdwActionRow         *approval_row;
  GtkImage             *approval_icon;
  GtkButton            *new_request_button;
};

/* NULL when the form can be submitted, else what is missing. */
G_END_DECLS
