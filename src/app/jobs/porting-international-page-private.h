/* porting-international-page-private.h — the page's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-international-form.h"
#include "porting-international-page.h"

G_BEGIN_DECLS

/* Positions in the Type row. */
struct _PortingInternationalPage
{
  PortingJobPage        parent_instance;

  PortingInternationalForm *form;         /* the page's */
  PortingIntakeSession *session;          /* asked about portability, when given */
  GCancellable         *portability_cancellable;
  GPtrArray            *queue_rows;
  guint                 reason_timeout_id;
  guint                 portability_timeout_id;
  guint                 show_required : 1;  /* after a first try to send */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwEntryRow          *number_row;
  AdwPreferencesGroup  *details_group;
  AdwEntryRow          *country_row;
  AdwEntryRow          *e164_row;
  AdwComboRow          *type_row;
  AdwActionRow         *portability_row;
  GtkStack             *portability_icon_stack;
  GtkSpinner           *portability_spinner;
  GtkImage             *portability_icon;
  AdwEntryRow          *notes_row;
  AdwPreferencesGroup  *queue_group;
  GtkButton            *submit_button;
};

/* Parses the number field now and shows what is wrong with it at once,
 * without the pause given while typing. */
void                _porting_international_page_update_now (PortingInternationalPage *self);
/* The inquiry as the fields make it; NULL when a field is wrong. */
PortingRequest     *_porting_international_page_build_request (PortingInternationalPage *self);
/* The numbers waiting for their turn. */
guint               _porting_international_page_get_n_queued (PortingInternationalPage *self);

G_END_DECLS
