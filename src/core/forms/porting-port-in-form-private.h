/* porting-port-in-form-private.h — the port-in form's insides, for its two files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-port-in-form.h"

G_BEGIN_DECLS

struct _PortingPortInForm
{
  PortingForm         parent_instance;

  /* Fields, in the order of the table below */
  char               *numbers_text;
  gboolean            contract;
  gboolean            all_numbers;
  gboolean            partial_port;
  char               *current_btn;
  char               *new_btn;
  gboolean            import_loa;
  char               *customer_name;
  char               *authorized_person;
  char               *street;
  char               *unit;
  char               *city;
  char               *region;
  char               *postal_code;
  char               *carrier;
  char               *account_number;
  char               *btn;
  gboolean            typed_signature_used;
  char               *typed_signature;
  JsonNode           *signature;
  GFile              *generated_loa;
  GFile              *imported_loa;
  GFile              *proof;
  char               *proof_kind;
  gboolean            sms;
  gboolean            wireless;
  char               *wireless_account;
  char               *wireless_pin;
  char               *preferred_date;
  char               *previous_request_id;
  gboolean            checking;
  PortingCheckResult *check_result;

  gboolean            needs_new_btn;  /* read-only */
};

typedef enum
{
  FIELD_REQUIRED = 1 << 0,   /* on the LOA filled in here */
  FIELD_UPPER    = 1 << 1,   /* sent in capitals */
  FIELD_PHONE    = 1 << 2,   /* sent in E.164 */
} PortInFieldFlags;

/* Every field once: its property (and draft key), where it is asked, and
 * where it goes in the request (DESIGN.md §3.6) when it goes there as it is. */
typedef struct
{
  PortingFormField   field;
  PortingPortInStep  step;
  PortInFieldFlags   flags;
  const char        *json;    /* "loa.service_address.street"; NULL: written by hand */
  const char        *label;   /* for "Fill in: …" */
} PortInField;

/* porting-port-in-form.c: the fields, in the order of the form */
extern PortInField _porting_port_in_form_fields[];
extern const guint _porting_port_in_form_n_fields;
#define port_in_fields _porting_port_in_form_fields
#define n_port_in_fields _porting_port_in_form_n_fields
#define PORT_IN_FIELD_AT(self, i, ctype) \
  (*(ctype *) (gpointer) (((guint8 *) (self)) + port_in_fields[i].field.offset))

guint           _porting_port_in_form_field_index         (const char  *name);
/* A valid US or Canadian number in E.164, or NULL. */
char           *_porting_port_in_form_parse_us_ca_number  (const char  *text);

/* porting-port-in-form-request.c: what comes out, and what goes in */
PortingRequest *_porting_port_in_form_to_request          (PortingForm *form);
void            _porting_port_in_form_load_draft          (PortingForm *form,
                                                           JsonObject  *draft);

G_END_DECLS
