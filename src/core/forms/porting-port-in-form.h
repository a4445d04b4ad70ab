/* porting-port-in-form.h — the port-in request being built, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-document-check.h"
#include "porting-form.h"
#include "porting-loa-writer.h"
#include "porting-region.h"

G_BEGIN_DECLS

typedef enum
{
  PORTING_PORT_IN_STEP_NUMBERS,
  PORTING_PORT_IN_STEP_BEFORE,
  PORTING_PORT_IN_STEP_LOA,
  PORTING_PORT_IN_STEP_PROOF,
  PORTING_PORT_IN_STEP_CHECK,
  PORTING_PORT_IN_STEP_DETAILS,
  PORTING_PORT_IN_STEP_REVIEW,
  PORTING_PORT_IN_N_STEPS
} PortingPortInStep;

/* A part of what the customer checks before sending: rows of title and value. */
typedef struct
{
  char              *title;
  PortingPortInStep  step;    /* where it is edited */
  GPtrArray         *rows;    /* of PortingPortInSummaryRow */
} PortingPortInSection;

typedef struct
{
  char *title;
  char *value;  /* "—" when there is none */
} PortingPortInSummaryRow;

void porting_port_in_section_free (PortingPortInSection *section);

#define PORTING_TYPE_PORT_IN_FORM (porting_port_in_form_get_type ())
G_DECLARE_FINAL_TYPE (PortingPortInForm, porting_port_in_form, PORTING, PORT_IN_FORM, PortingForm)

/*
 * The fields are properties, each also the draft key of the same name:
 *
 *   numbers                the numbers as typed
 *   contract               no contract is tied to them (request: contract_acknowledged)
 *   all-numbers            they are all the numbers of the account
 *   partial-port           they are not (partial_port)
 *   current-btn, new-btn   the account's billing number, and the new one when it leaves
 *   import-loa             a signed LOA is imported instead of filled in here
 *   customer-name, authorized-person, street, unit, city, postal-code, carrier,
 *   account-number, btn    the LOA (loa.*, loa.service_address.*)
 *   region                 its state or province code, "" for none
 *   typed-signature-used, typed-signature, signature (strokes as JSON)
 *   generated-loa, imported-loa, proof   the documents (GFile)
 *   proof-kind             "invoice" or "csr"
 *   sms, wireless, wireless-account
 *   preferred-date         "YYYY-MM-DD", NULL for as soon as possible
 *
 * and, never in a draft: wireless-pin, previous-request-id, checking (the
 * document check is running), check-result; read-only: needs-new-btn (a
 * partial port whose billing number leaves).
 */
PortingPortInForm    *porting_port_in_form_new                  (void);

/* The valid numbers as the customer reads them; only those outside the
 * US and Canada with @outside_only. */
GStrv                 porting_port_in_form_dup_valid_numbers    (PortingPortInForm  *self,
                                                                 gboolean            outside_only);
/* (nullable) */
const PortingRegion  *porting_port_in_form_get_region           (PortingPortInForm  *self);
gboolean              porting_port_in_form_get_needs_new_btn    (PortingPortInForm  *self);
/* The LOA that goes with the request: written here or imported. (nullable) */
GFile                *porting_port_in_form_get_loa              (PortingPortInForm  *self);
GFile                *porting_port_in_form_get_proof            (PortingPortInForm  *self);
PortingCheckResult   *porting_port_in_form_get_check_result     (PortingPortInForm  *self);
const char           *porting_port_in_form_get_previous_request_id (PortingPortInForm *self);

/* ---- Port date ---- */
/* FALSE when none is chosen: as soon as possible. */
gboolean              porting_port_in_form_get_preferred_date   (PortingPortInForm  *self,
                                                                 GDate              *date);
/* NULL: as soon as possible. */
void                  porting_port_in_form_set_preferred_date   (PortingPortInForm  *self,
                                                                 const GDate        *date);
/* The usual window from today: the earliest date, and when most are done. */
void                  porting_port_in_form_get_port_window      (PortingPortInForm  *self,
                                                                 GDate              *earliest,
                                                                 GDate              *latest);
/* A business day in the usual window: what a calendar marks. */
gboolean              porting_port_in_form_date_is_suggested    (PortingPortInForm  *self,
                                                                 const GDate        *date);
/* Why @date cannot be asked for, or NULL (also for an invalid @date). */
char                 *porting_port_in_form_dup_date_problem     (PortingPortInForm  *self,
                                                                 const GDate        *date);
/* The window in words, with the holidays it skips. */
char                 *porting_port_in_form_dup_window_description (PortingPortInForm *self);

/* ---- Signature ---- */
/* (element-type GArray of PortingSignaturePoint): sets "signature" */
void                  porting_port_in_form_set_signature        (PortingPortInForm  *self,
                                                                 GPtrArray          *strokes);
/* (element-type GArray of PortingSignaturePoint) (transfer full) */
GPtrArray            *porting_port_in_form_dup_signature        (PortingPortInForm  *self);
/* Signed the way chosen: a typed name, or strokes. */
gboolean              porting_port_in_form_is_signed            (PortingPortInForm  *self);

/* ---- Steps ---- */
/* (element-type PortingFormProblem) (transfer full): what stops @step, in the order told */
GPtrArray            *porting_port_in_form_check_step           (PortingPortInForm  *self,
                                                                 PortingPortInStep   step);
/* The fields asked on @step, NULL-terminated. */
const char * const   *porting_port_in_form_get_step_fields      (PortingPortInStep   step);
/* @step, or the first step before it that is not complete. */
PortingPortInStep     porting_port_in_form_get_resume_step      (PortingPortInForm  *self,
                                                                 PortingPortInStep   step);

/* ---- The bill's spelling ---- */
/* Whether the check found the bill writing the name or the address otherwise
 * (a mismatch, or equivalent in other characters) while the LOA was filled
 * in here: then the LOA can take the bill's spelling. */
gboolean              porting_port_in_form_can_use_proof_spelling (PortingPortInForm *self);
/* Puts the bill's text (the check's proof_text) into the LOA's name and
 * address fields that differ, and clears the signature and the LOA written
 * from the former ones: it is written again and must be signed again. FALSE
 * when there was nothing to take. */
gboolean              porting_port_in_form_use_proof_spelling   (PortingPortInForm  *self);

/* ---- What comes out ---- */
/* The LOA to write from the form; strokes in a pad of @pad_width × @pad_height. */
PortingLoaWriterData *porting_port_in_form_dup_loa_data         (PortingPortInForm  *self,
                                                                 double              pad_width,
                                                                 double              pad_height);
/* (element-type PortingPortInSection) (transfer full): what the Review step shows */
GPtrArray            *porting_port_in_form_dup_summary          (PortingPortInForm  *self);
/* Fills the form with a rejected @request's answers, to correct and send
 * again: a new LOA to fill in and sign, naming the request it corrects. */
void                  porting_port_in_form_load_request         (PortingPortInForm  *self,
                                                                 PortingRequest     *request);
/* The two halves of porting_port_in_form_load_request(): the draft the
 * answers of @request make, and the id the new request names ("id", or the
 * "previous_request_id" of a request not stored yet). */
JsonObject           *porting_port_in_form_dup_request_draft    (PortingRequest     *request);
const char           *porting_port_in_form_get_corrected_id     (PortingRequest     *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingPortInSection, porting_port_in_section_free)

G_END_DECLS
