/* porting-twilio-sid.h — recognising Twilio SIDs and what people paste instead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PORTING_SID_KIND_EMPTY,
  PORTING_SID_KIND_ACCOUNT_SID,   /* "AC" + 32 hex: an account or subaccount */
  PORTING_SID_KIND_API_KEY_SID,   /* "SK" + 32 hex */
  PORTING_SID_KIND_AUTH_TOKEN,    /* 32 hex alone: a secret */
  PORTING_SID_KIND_OTHER_SID,     /* another known prefix: PN, MG, SM, CA, … */
  PORTING_SID_KIND_WRONG_LENGTH,  /* a known prefix and hex, but not 32 of them */
  PORTING_SID_KIND_INVALID,
} PortingSidKind;

#define PORTING_TWILIO_SID_LENGTH 34

/* Classifies pasted @text (white space anywhere and surrounding quotes ignored, the
 * prefix in any case). @normalized (optional) receives the SID as Twilio writes it
 * ("AC" + lower-case hex) for the three SID kinds, NULL otherwise (an auth token is
 * never copied). @message (optional) receives a sentence for the customer for every
 * kind but ACCOUNT_SID, where it is NULL. */
PortingSidKind  porting_twilio_sid_classify        (const char     *text,
                                                    char          **normalized,
                                                    char          **message);
/* TRUE when @text is an Account SID (as porting_twilio_sid_classify() reads it). */
gboolean        porting_twilio_sid_is_account_sid  (const char     *text);
/* "account-sid", "api-key-sid", "auth-token", "other-sid", "wrong-length", "invalid", "empty" */
const char     *porting_sid_kind_to_string         (PortingSidKind  kind);

G_END_DECLS
