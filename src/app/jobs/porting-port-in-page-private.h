/* porting-port-in-page-private.h — the page's insides, for its parts and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-check-view.h"
#include "porting-numbers-editor.h"
#include "porting-port-in-form.h"
#include "porting-port-in-page.h"
#include "porting-signature-pad.h"

G_BEGIN_DECLS

struct _PortingPortInPage
{
  PortingJobPage       parent_instance;

  PortingPortInForm   *form;              /* the page's: what the steps ask */
  GError              *check_error;       /* the documents could not be checked */
  GFile               *last_request;      /* kept on disk, without an intake service */
  char                *sent_id;           /* the request the service stored, for its receipt */
  guint                writing_loa : 1;
  guint                submitting : 1;
  guint                moving_calendar : 1;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkLabel            *step_title_label;
  GtkLabel            *step_count_label;
  GtkBox              *step_dots;
  GtkStack            *stack;

  PortingNumbersEditor *numbers_editor;
  GtkTextView         *numbers_view;      /* the editor's */
  GtkListBox          *numbers_list;      /* the editor's */
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

  GtkWidget           *check_status;
  GtkLabel            *check_title_label;
  GtkLabel            *check_subtitle_label;
  GtkStack            *check_icon_stack;
  GtkWidget           *spelling_button;
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
  GtkWidget           *show_request_button;

  GtkButton           *back_button;
  GtkButton           *next_button;
  GtkButton           *submit_button;
  GtkLabel            *missing_label;
};

/* ---- For the page's tests ---- */

/* Whether the step can be left with Next; *reason says what is missing. */
gboolean    _porting_port_in_page_step_is_complete (PortingPortInPage *self,
                                                    guint              step,
                                                    char             **reason);
/* Opens @file as the signed LOA / the proof, as a drop would. */
void        _porting_port_in_page_set_loa_file     (PortingPortInPage *self,
                                                    GFile             *file);
void        _porting_port_in_page_set_proof_file   (PortingPortInPage *self,
                                                    GFile             *file);
/* The message shown under @row, or NULL. */
const char *_porting_port_in_page_get_message      (PortingPortInPage *self,
                                                    GtkWidget         *row);

/* ---- Between the page's files ---- */

/* porting-port-in-page.c: the steps */
guint       _porting_port_in_page_get_visible_step (PortingPortInPage *self);
void        _porting_port_in_page_show_step        (PortingPortInPage *self,
                                                    guint              step);
void        _porting_port_in_page_update_navigation (PortingPortInPage *self);
void        _porting_port_in_page_notify_step      (PortingPortInPage *self);

/* porting-port-in-page-steps.c */
void        _porting_port_in_page_class_init_steps (GtkWidgetClass    *widget_class);
void        _porting_port_in_page_init_steps       (PortingPortInPage *self);
gboolean    _porting_port_in_page_focus_is_on_steps (PortingPortInPage *self);
void        _porting_port_in_page_focus_step       (PortingPortInPage *self,
                                                    gboolean           was_on_steps);

/* porting-port-in-page-documents.c: the LOA and the proof, written, dropped, checked */
void        _porting_port_in_page_class_init_documents (GtkWidgetClass *widget_class);
void        _porting_port_in_page_init_documents   (PortingPortInPage *self);
void        _porting_port_in_page_show_files       (PortingPortInPage *self);
void        _porting_port_in_page_write_loa        (PortingPortInPage *self);
void        _porting_port_in_page_start_check      (PortingPortInPage *self);
void        _porting_port_in_page_clear_check      (PortingPortInPage *self);

/* porting-port-in-page-details.c: the port date, and the Review step */
void        _porting_port_in_page_class_init_details (GtkWidgetClass *widget_class);
void        _porting_port_in_page_show_date        (PortingPortInPage *self);
void        _porting_port_in_page_rebuild_review   (PortingPortInPage *self);

G_END_DECLS
