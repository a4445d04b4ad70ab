/* porting-port-in-page-private.h — the page's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-check-view.h"
#include "porting-document-check.h"
#include "porting-port-in-page.h"
#include "porting-signature-pad.h"

G_BEGIN_DECLS

typedef enum
{
  PORT_IN_STEP_NUMBERS,
  PORT_IN_STEP_BEFORE,
  PORT_IN_STEP_LOA,
  PORT_IN_STEP_PROOF,
  PORT_IN_STEP_CHECK,
  PORT_IN_STEP_DETAILS,
  PORT_IN_STEP_REVIEW,
  PORT_IN_N_STEPS
} PortInStep;

struct _PortingPortInPage
{
  AdwBin               parent_instance;

  PortingDraftStore   *draft_store;
  char                *previous_request_id;  /* set when correcting a rejected request */
  GCancellable        *cancellable;

  GPtrArray           *numbers;           /* of PortingPhoneNumber, merged */
  guint                n_merged;
  GFile               *generated_loa;
  GFile               *imported_loa;
  GFile               *proof_file;
  PortingCheckResult  *check_result;
  GError              *check_error;
  GDate                port_date;         /* invalid when none chosen */
  GFile               *last_request;
  GHashTable          *messages;          /* row → GtkLabel under it */
  guint                restoring : 1;
  guint                writing_loa : 1;
  guint                checking : 1;
  guint                submitting : 1;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkLabel            *step_title_label;
  GtkLabel            *step_count_label;
  GtkBox              *step_dots;
  GtkStack            *stack;

  GtkTextView         *numbers_view;
  AdwPreferencesGroup *found_group;
  GtkListBox          *numbers_list;
  AdwPreferencesGroup *international_group;
  AdwActionRow        *international_row;
  GtkButton           *international_button;

  GtkCheckButton      *contract_check;
  GtkCheckButton      *all_numbers_yes_check;
  GtkCheckButton      *all_numbers_no_check;
  AdwPreferencesGroup *partial_group;
  AdwEntryRow         *current_btn_row;
  AdwEntryRow         *new_btn_row;

  GtkCheckButton      *loa_fill_check;
  GtkCheckButton      *loa_import_check;
  AdwPreferencesGroup *loa_customer_group;
  AdwPreferencesGroup *loa_address_group;
  AdwPreferencesGroup *loa_carrier_group;
  AdwPreferencesGroup *loa_signature_group;
  AdwPreferencesGroup *loa_import_group;
  AdwEntryRow         *customer_name_row;
  AdwEntryRow         *authorized_person_row;
  AdwEntryRow         *street_row;
  AdwEntryRow         *unit_row;
  AdwEntryRow         *city_row;
  AdwComboRow         *region_row;
  AdwEntryRow         *postal_code_row;
  AdwEntryRow         *carrier_row;
  AdwEntryRow         *account_number_row;
  AdwEntryRow         *btn_row;
  PortingSignaturePad *signature_pad;
  GtkWidget           *signature_frame;
  GtkWidget           *clear_signature_button;
  GtkSwitch           *typed_signature_switch;
  AdwEntryRow         *typed_signature_row;
  GtkWidget           *loa_drop_zone;
  AdwActionRow        *loa_file_row;

  AdwPreferencesGroup *proof_group;
  AdwComboRow         *proof_kind_row;
  GtkWidget           *proof_drop_zone;
  AdwActionRow        *proof_file_row;

  AdwActionRow        *check_summary_row;
  GtkStack            *check_icon_stack;
  GtkSpinner          *check_spinner;
  GtkImage            *check_icon;
  PortingCheckView    *check_view;

  GtkSwitch           *sms_switch;
  GtkSwitch           *wireless_switch;
  AdwPreferencesGroup *wireless_group;
  AdwEntryRow         *wireless_account_row;
  AdwPasswordEntryRow *wireless_pin_row;
  AdwPreferencesGroup *date_group;
  AdwActionRow        *date_row;
  GtkMenuButton       *date_button;
  GtkPopover          *date_popover;
  GtkCalendar         *calendar;

  AdwPreferencesPage  *review_page;
  GPtrArray           *review_groups;
  AdwStatusPage       *done_status;

  GtkButton           *back_button;
  GtkButton           *next_button;
  GtkButton           *submit_button;
  GtkLabel            *missing_label;
};

/* Whether the step can be left with Next; *reason says what is missing. */
gboolean _porting_port_in_page_step_is_complete (PortingPortInPage *self,
                                                 guint              step,
                                                 char             **reason);
/* Opens @file as the signed LOA / the proof, as a drop would. */
void     _porting_port_in_page_set_loa_file     (PortingPortInPage *self,
                                                 GFile             *file);
void     _porting_port_in_page_set_proof_file   (PortingPortInPage *self,
                                                 GFile             *file);
/* The message shown under @row, or NULL. */
const char *_porting_port_in_page_get_message   (PortingPortInPage *self,
                                                 GtkWidget         *row);

G_END_DECLS
