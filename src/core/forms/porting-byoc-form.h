/* porting-byoc-form.h — asking for Bring Your Own Carrier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-form.h"

G_BEGIN_DECLS

#define PORTING_TYPE_BYOC_FORM (porting_byoc_form_get_type ())
G_DECLARE_FINAL_TYPE (PortingByocForm, porting_byoc_form, PORTING, BYOC_FORM, PortingForm)

/* Fields (properties and draft keys): numbers (as typed), sip-provider, notes. */
PortingByocForm *porting_byoc_form_new         (void);
/* Adds @numbers (as written) to "numbers", in E.164 where they read so,
 * skipping those already there. */
void             porting_byoc_form_add_numbers (PortingByocForm    *self,
                                                const char * const *numbers);

G_END_DECLS
