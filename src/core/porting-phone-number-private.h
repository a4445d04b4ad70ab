/* porting-phone-number-private.h — what the telephone number files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-phone-number.h"

G_BEGIN_DECLS

/* @input_length bytes of @input parsed as one number written at @start,
 * with a reason for the customer when it is not valid. */
PortingPhoneNumber *_porting_phone_number_new_parsed (const char *input,
                                                      gsize       input_length,
                                                      gsize       start,
                                                      const char *default_region);

G_END_DECLS
