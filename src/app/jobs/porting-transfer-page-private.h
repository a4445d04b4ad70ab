/* porting-transfer-page-private.h — the page's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-drop-zone.h"
#include "porting-numbers-editor.h"
#include "porting-transfer-form.h"
#include "porting-transfer-page.h"

G_BEGIN_DECLS

struct _PortingTransferPage
{
  PortingJobPage        parent_instance;

  PortingTransferForm  *form;              /* the page's */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  PortingNumbersEditor *numbers_editor;
  AdwEntryRow          *sid_row;
  AdwPreferencesGroup  *regulatory_group;
  GtkListBox           *regulatory_list;
  AdwComboRow          *time_frame_row;
  AdwActionRow         *date_row;
  GtkMenuButton        *date_button;
  GtkCalendar          *calendar;
  GtkCheckButton       *contract_check;
  AdwActionRow         *contract_row;
  GtkLabel             *missing_label;
  GtkButton            *submit_button;
  AdwActionRow         *request_row;
  AdwActionRow         *status_row;
  GtkImage             *status_icon;
  GtkButton            *refresh_button;
  AdwPreferencesGroup  *answer_group;
  AdwPreferencesGroup  *steps_group;
  AdwActionRow         *provider_sid_row;
  GtkStack             *answer_icon_stack;
  GtkSpinner           *answer_spinner;
  GtkWidget            *provider_sid_copy;
  AdwActionRow         *steps_sid_row;
  AdwActionRow         *steps_numbers_row;
  GtkWidget            *steps_sid_copy;
  PortingDropZone      *drop_zone;
  GtkButton            *new_transfer_button;
};

/* Adds regulatory documents, as a drop or the file chooser would. */
void        _porting_transfer_page_add_files     (PortingTransferPage *self,
                                                  GFile * const       *files,
                                                  guint                n_files);

G_END_DECLS
