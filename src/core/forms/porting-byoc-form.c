/* porting-byoc-form.c — asking for Bring Your Own Carrier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-byoc-form"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-byoc-form.h"
#include "porting-phone-number.h"

struct _PortingByocForm
{
  PortingForm  parent_instance;

  char        *numbers_text;
  char        *sip_provider;
  char        *notes;
};

G_DEFINE_FINAL_TYPE (PortingByocForm, porting_byoc_form, PORTING_TYPE_FORM)

#define FIELD(member) G_STRUCT_OFFSET (PortingByocForm, member)
static const PortingFormField fields[] = {
  { "numbers", PORTING_FORM_FIELD_STRING, FIELD (numbers_text) },
  { "sip-provider", PORTING_FORM_FIELD_STRING, FIELD (sip_provider) },
  { "notes", PORTING_FORM_FIELD_STRING, FIELD (notes) },
};
#undef FIELD

void
porting_byoc_form_add_numbers (PortingByocForm    *self,
                               const char * const *numbers)
{
  g_autoptr(GPtrArray) present = NULL;
  g_autoptr(GString) text = NULL;

  g_return_if_fail (PORTING_IS_BYOC_FORM (self));

  text = g_string_new (self->numbers_text);
  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  present = porting_phone_number_parse_list (text->str, NULL);

  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (numbers[i], NULL);
      g_autofree char *written = porting_text_dup_stripped (numbers[i]);
      gboolean known = FALSE;

      if (porting_text_is_blank (written))
        continue;

      for (guint j = 0; j < present->len && !known; j++)
        {
          PortingPhoneNumber *other = g_ptr_array_index (present, j);

          known = number->e164 != NULL ? g_strcmp0 (number->e164, other->e164) == 0
                                       : g_strcmp0 (written, other->input) == 0;
        }
      if (known)
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* E.164 is what the form asks for: write the number so. */
      g_string_append (text, number->valid ? number->e164 : written);
      g_ptr_array_add (present, g_steal_pointer (&number));
    }

  g_object_set (self, "numbers", text->str, NULL);
}

static GPtrArray *
porting_byoc_form_check (PortingForm *form)
{
  PortingByocForm *self = PORTING_BYOC_FORM (form);
  GPtrArray *problems = porting_form_problems_new ();
  g_autofree char *numbers_problem = porting_numbers_dup_problem (porting_form_get_numbers (form));

  if (numbers_problem != NULL)
    porting_form_problems_add (problems, "numbers", numbers_problem, numbers_problem,
                               porting_form_get_numbers (form)->len == 0);
  if (porting_text_is_blank (self->sip_provider))
    porting_form_problems_add (problems, "sip-provider",
                               _("Name the carrier or SIP provider your numbers stay with."),
                               _("Name the carrier or SIP provider your numbers stay with."), TRUE);

  return problems;
}

static PortingRequest *
porting_byoc_form_to_request (PortingForm *form)
{
  PortingByocForm *self = PORTING_BYOC_FORM (form);
  g_autoptr(PortingRequest) request = porting_request_new (PORTING_REQUEST_KIND_BYOC_INQUIRY);
  g_auto(GStrv) numbers = porting_numbers_dup_e164 (porting_form_get_numbers (form));
  g_autofree char *sip_provider = porting_text_dup_stripped (self->sip_provider);
  g_autofree char *notes = porting_text_dup_stripped (self->notes);

  porting_request_set_numbers (request, (const char * const *) numbers);
  porting_request_set_string (request, "sip_provider", sip_provider);
  porting_request_set_string (request, "notes", notes);

  return g_steal_pointer (&request);
}

static void
porting_byoc_form_class_init (PortingByocFormClass *klass)
{
  PortingFormClass *form_class = PORTING_FORM_CLASS (klass);

  form_class->check = porting_byoc_form_check;
  form_class->to_request = porting_byoc_form_to_request;

  porting_form_class_install_fields (form_class, fields, G_N_ELEMENTS (fields), sizeof fields[0]);
}

static void
porting_byoc_form_init (PortingByocForm *self)
{
}

PortingByocForm *
porting_byoc_form_new (void)
{
  return g_object_new (PORTING_TYPE_BYOC_FORM, NULL);
}
