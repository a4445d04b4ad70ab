/* porting-international-form.h — asking whether a number in another country can be ported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-form.h"

G_BEGIN_DECLS

typedef enum
{
  PORTING_INTERNATIONAL_TYPE_LOCAL,
  PORTING_INTERNATIONAL_TYPE_MOBILE,
  PORTING_INTERNATIONAL_TYPE_TOLL_FREE,
} PortingInternationalType;

#define PORTING_TYPE_INTERNATIONAL_FORM (porting_international_form_get_type ())
G_DECLARE_FINAL_TYPE (PortingInternationalForm, porting_international_form, PORTING, INTERNATIONAL_FORM, PortingForm)

/*
 * Fields (properties and draft keys): number (as typed), country-name,
 * international-number (E.164), type (PortingInternationalType), notes, and
 * queue (the numbers waiting for an inquiry of their own, one a line).
 */
PortingInternationalForm *porting_international_form_new              (void);

/* Fills country-name, international-number and type from "number" when it
 * holds a number of another country; else returns why it does not, for later. */
char                     *porting_international_form_fill_from_number (PortingInternationalForm *self);
/* What is wrong with "number", or NULL; an empty one only with @show_empty. */
char                     *porting_international_form_dup_number_problem (PortingInternationalForm *self,
                                                                       gboolean                  show_empty);

/* The first new one of @numbers (as written) goes into "number" when it is
 * empty, every other one waits in the queue; numbers already there are not
 * added twice. */
void                      porting_international_form_add_numbers      (PortingInternationalForm *self,
                                                                       const char * const       *numbers);
guint                     porting_international_form_get_n_queued     (PortingInternationalForm *self);
const char               *porting_international_form_get_queued       (PortingInternationalForm *self,
                                                                       guint                     index);
/* Puts the @index-th waiting number in the form; what the form held waits in its place. */
void                      porting_international_form_use_queued       (PortingInternationalForm *self,
                                                                       guint                     index);
void                      porting_international_form_remove_queued    (PortingInternationalForm *self,
                                                                       guint                     index);
/* (transfer full): the waiting numbers, NULL-terminated */
GStrv                     porting_international_form_dup_queue        (PortingInternationalForm *self);

G_END_DECLS
