/* porting-port-out-form.h — moving numbers out to another provider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-form.h"

G_BEGIN_DECLS

#define PORTING_TYPE_PORT_OUT_FORM (porting_port_out_form_get_type ())
G_DECLARE_FINAL_TYPE (PortingPortOutForm, porting_port_out_form, PORTING, PORT_OUT_FORM, PortingForm)

/* Fields (properties and draft keys): numbers (as typed), gaining-provider,
 * gaining-is-twilio, contract. */
PortingPortOutForm *porting_port_out_form_new (void);

G_END_DECLS
