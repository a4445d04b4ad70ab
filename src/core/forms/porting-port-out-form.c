/* porting-port-out-form.c — moving numbers out to another provider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-port-out-form"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-phone-number.h"
#include "porting-port-out-form.h"

struct _PortingPortOutForm
{
  PortingForm  parent_instance;

  char        *numbers_text;
  char        *gaining_provider;
  gboolean     gaining_is_twilio;
  gboolean     contract;
};

G_DEFINE_FINAL_TYPE (PortingPortOutForm, porting_port_out_form, PORTING_TYPE_FORM)

#define FIELD(member) G_STRUCT_OFFSET (PortingPortOutForm, member)
static const PortingFormField fields[] = {
  { "numbers", PORTING_FORM_FIELD_STRING, FIELD (numbers_text) },
  { "gaining-provider", PORTING_FORM_FIELD_STRING, FIELD (gaining_provider) },
  { "gaining-is-twilio", PORTING_FORM_FIELD_BOOLEAN, FIELD (gaining_is_twilio) },
  { "contract", PORTING_FORM_FIELD_BOOLEAN, FIELD (contract) },
};
#undef FIELD

static GPtrArray *
porting_port_out_form_check (PortingForm *form)
{
  PortingPortOutForm *self = PORTING_PORT_OUT_FORM (form);
  GPtrArray *problems = porting_form_problems_new ();
  g_autofree char *numbers_problem = porting_numbers_dup_problem (porting_form_get_numbers (form));

  if (numbers_problem != NULL)
    porting_form_problems_add (problems, "numbers", NULL, numbers_problem, porting_form_get_numbers (form)->len == 0);

  if (porting_text_is_blank (self->gaining_provider))
    {
      const char *text = _("Enter the name of the provider the numbers move to.");

      /* Only a name typed and then removed earns a message under the field. */
      porting_form_problems_add (problems, "gaining-provider", *self->gaining_provider != '\0' ? text : NULL,
                                 text, TRUE);
    }

  if (!self->contract)
    porting_form_problems_add (problems, "contract", NULL,
                               _("Confirm that you understand the service stops here, and that no contract is tied to these numbers."),
                               TRUE);

  return problems;
}

static PortingRequest *
porting_port_out_form_to_request (PortingForm *form)
{
  PortingPortOutForm *self = PORTING_PORT_OUT_FORM (form);
  g_autoptr(PortingRequest) request = porting_request_new (PORTING_REQUEST_KIND_PORT_OUT);
  g_auto(GStrv) numbers = porting_numbers_dup_e164 (porting_form_get_numbers (form));
  g_autofree char *provider = porting_text_dup_stripped (self->gaining_provider);

  porting_request_set_numbers (request, (const char * const *) numbers);
  porting_request_set_string (request, "gaining_provider", provider);
  porting_request_set_boolean (request, "gaining_is_twilio", self->gaining_is_twilio);
  porting_request_set_boolean (request, "contract_acknowledged", self->contract);

  return g_steal_pointer (&request);
}

static void
porting_port_out_form_class_init (PortingPortOutFormClass *klass)
{
  PortingFormClass *form_class = PORTING_FORM_CLASS (klass);

  form_class->check = porting_port_out_form_check;
  form_class->to_request = porting_port_out_form_to_request;

  porting_form_class_install_fields (form_class, fields, G_N_ELEMENTS (fields), sizeof fields[0]);
}

static void
porting_port_out_form_init (PortingPortOutForm *self)
{
}

PortingPortOutForm *
porting_port_out_form_new (void)
{
  return g_object_new (PORTING_TYPE_PORT_OUT_FORM, NULL);
}
