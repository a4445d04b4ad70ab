/* porting-transfer-form.h — moving numbers already on Twilio into our Twilio account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-form.h"

G_BEGIN_DECLS

typedef enum
{
  PORTING_TRANSFER_TIME_FRAME_ASAP,
  PORTING_TRANSFER_TIME_FRAME_TWO_WEEKS,
  PORTING_TRANSFER_TIME_FRAME_MONTH,
  PORTING_TRANSFER_TIME_FRAME_DATE,
} PortingTransferTimeFrame;

#define PORTING_TYPE_TRANSFER_FORM (porting_transfer_form_get_type ())
G_DECLARE_FINAL_TYPE (PortingTransferForm, porting_transfer_form, PORTING, TRANSFER_FORM, PortingForm)

/*
 * Fields (properties and draft keys): numbers (as typed), account-sid (as
 * pasted; an auth token pasted by mistake never goes to the draft),
 * time-frame (PortingTransferTimeFrame), date ("YYYY-MM-DD" for
 * PORTING_TRANSFER_TIME_FRAME_DATE, NULL for none), contract, regulatory
 * (the documents' paths: see porting_transfer_form_add_document()).
 */
PortingTransferForm *porting_transfer_form_new              (void);

/* FALSE when none is chosen. */
gboolean             porting_transfer_form_get_date         (PortingTransferForm *self,
                                                             GDate               *date);
/* NULL: none. */
void                 porting_transfer_form_set_date         (PortingTransferForm *self,
                                                             const GDate         *date);

/* (element-type GFile) (transfer none): the regulatory documents, in order */
GPtrArray           *porting_transfer_form_get_documents    (PortingTransferForm *self);
/* FALSE when @file is there already. */
gboolean             porting_transfer_form_add_document     (PortingTransferForm *self,
                                                             GFile               *file);
void                 porting_transfer_form_remove_document  (PortingTransferForm *self,
                                                             GFile               *file);

/* NULL when @info (of @file: content type, size, file type) is a document
 * the intake service takes (PDF, PNG or JPEG, 25 MB at most), else why not. */
char                *porting_transfer_form_check_document   (GFile               *file,
                                                             GFileInfo           *info);

G_END_DECLS
