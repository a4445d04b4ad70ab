/* porting-byoc-page-private.h — the page's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-byoc-page.h"
#include "porting-numbers-editor.h"

G_BEGIN_DECLS

struct _PortingByocPage
{
  PortingJobPage        parent_instance;

  guint                 show_required : 1;  /* after a first try to send */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwSqueezer          *compare_squeezer;
  PortingNumbersEditor *numbers_editor;
  GtkLabel             *numbers_problem_label;
  AdwEntryRow          *sip_provider_row;
  AdwEntryRow          *notes_row;
  GtkButton            *submit_button;
};

/* The inquiry as the fields make it; NULL when a field is wrong (messages shown). */
PortingRequest *_porting_byoc_page_build_request (PortingByocPage *self);

G_END_DECLS
