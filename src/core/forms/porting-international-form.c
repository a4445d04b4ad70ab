/* porting-international-form.c — asking whether a number in another country can be ported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-international-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-international-form.h"
#include "porting-phone-number.h"

struct _PortingInternationalForm
{
  PortingForm  parent_instance;

  char        *number;
  char        *country_name;
  char        *international_number;
  guint        type;
  char        *notes;
  char        *queue_text;

  GPtrArray   *queue;      /* of char *, from "queue" */
  char        *country;    /* ISO code of the number, from the last that read */
};

G_DEFINE_FINAL_TYPE (PortingInternationalForm, porting_international_form, PORTING_TYPE_FORM)

#define FIELD(member) G_STRUCT_OFFSET (PortingInternationalForm, member)
static const PortingFormField fields[] = {
  { "number", PORTING_FORM_FIELD_STRING, FIELD (number) },
  { "country-name", PORTING_FORM_FIELD_STRING, FIELD (country_name) },
  { "international-number", PORTING_FORM_FIELD_STRING, FIELD (international_number) },
  { "type", PORTING_FORM_FIELD_UINT, FIELD (type), 0, NULL, PORTING_INTERNATIONAL_TYPE_TOLL_FREE },
  { "notes", PORTING_FORM_FIELD_STRING, FIELD (notes) },
  { "queue", PORTING_FORM_FIELD_STRING, FIELD (queue_text) },
};
#undef FIELD

/* What the request says for each type. */
static const char * const type_names[] = { "local", "mobile", "toll-free" };

/* ---- The number and what it tells ---------------------------------------- */

static int
type_position (PortingNumberType type)
{
  switch (type)
    {
    case PORTING_NUMBER_TYPE_FIXED_LINE:
    case PORTING_NUMBER_TYPE_FIXED_LINE_OR_MOBILE:
      return PORTING_INTERNATIONAL_TYPE_LOCAL;

    case PORTING_NUMBER_TYPE_MOBILE:
      return PORTING_INTERNATIONAL_TYPE_MOBILE;

    case PORTING_NUMBER_TYPE_TOLL_FREE:
      return PORTING_INTERNATIONAL_TYPE_TOLL_FREE;

    case PORTING_NUMBER_TYPE_UNKNOWN:
    case PORTING_NUMBER_TYPE_PREMIUM_RATE:
    case PORTING_NUMBER_TYPE_SHARED_COST:
    case PORTING_NUMBER_TYPE_VOIP:
    case PORTING_NUMBER_TYPE_PERSONAL_NUMBER:
    case PORTING_NUMBER_TYPE_PAGER:
    case PORTING_NUMBER_TYPE_UAN:
    case PORTING_NUMBER_TYPE_VOICEMAIL:
    default:
      return -1;
    }
}

char *
porting_international_form_dup_number_problem (PortingInternationalForm *self,
                                               gboolean                  show_empty)
{
  g_autoptr(PortingPhoneNumber) number = NULL;

  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_FORM (self), NULL);

  if (porting_text_is_blank (self->number))
    return show_empty ? g_strdup (_("Type the number with its country code, such as +44 20 7946 0958.")) : NULL;

  number = porting_phone_number_parse (self->number, NULL);
  if (!number->valid)
    return g_strdup (number->reason != NULL ? number->reason
                                            : _("This is not a telephone number. Type it with its country code, such as +44 20 7946 0958."));

  if (porting_phone_number_is_us_or_ca (number))
    return g_strdup (_("This number is in the United States or Canada: move it with Port In instead."));

  return NULL;
}

char *
porting_international_form_fill_from_number (PortingInternationalForm *self)
{
  g_autoptr(PortingPhoneNumber) number = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *country = NULL;
  int position;

  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_FORM (self), NULL);

  problem = porting_international_form_dup_number_problem (self, FALSE);
  number = porting_phone_number_parse (self->number, NULL);
  if (problem != NULL || !number->valid)
    return g_steal_pointer (&problem);

  g_free (self->country);
  self->country = g_strdup (number->region);

  if (number->region != NULL)
    {
      country = porting_phone_number_country_display_name (number->region);
      if (country == NULL)
        country = g_strdup (number->country_name != NULL ? number->country_name : "");
    }

  /* Types with no place in the list (VoIP, shared cost…) start as local: the
   * customer sees it and can say otherwise. */
  position = type_position (number->type);

  g_object_freeze_notify (G_OBJECT (self));
  if (country != NULL)
    g_object_set (self, "country-name", country, NULL);
  g_object_set (self,
                "international-number", number->e164,
                "type", position >= 0 ? (guint) position : PORTING_INTERNATIONAL_TYPE_LOCAL,
                NULL);
  g_object_thaw_notify (G_OBJECT (self));

  return NULL;
}

/* ---- Numbers waiting for their turn --------------------------------------- */

static void
save_queue (PortingInternationalForm *self,
            GPtrArray                *queue)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < queue->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (queue, i));
    }

  g_object_set (self, "queue", text->str, NULL);
}

static GPtrArray *
copy_queue (PortingInternationalForm *self)
{
  GPtrArray *queue = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->queue->len; i++)
    g_ptr_array_add (queue, g_strdup (g_ptr_array_index (self->queue, i)));

  return queue;
}

static gboolean
is_known_number (PortingInternationalForm *self,
                 GPtrArray                *queue,
                 const char               *text)
{
  g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (text, NULL);
  g_autoptr(PortingPhoneNumber) current = porting_phone_number_parse (self->number, NULL);

  if (number->e164 != NULL && g_strcmp0 (number->e164, current->e164) == 0)
    return TRUE;

  for (guint i = 0; i < queue->len; i++)
    {
      const char *queued_text = g_ptr_array_index (queue, i);
      g_autoptr(PortingPhoneNumber) queued = porting_phone_number_parse (queued_text, NULL);

      if (g_str_equal (queued_text, text) ||
          (number->e164 != NULL && g_strcmp0 (number->e164, queued->e164) == 0))
        return TRUE;
    }

  return FALSE;
}

void
porting_international_form_add_numbers (PortingInternationalForm *self,
                                        const char * const       *numbers)
{
  g_autoptr(GPtrArray) queue = NULL;

  g_return_if_fail (PORTING_IS_INTERNATIONAL_FORM (self));

  queue = copy_queue (self);
  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      g_autofree char *text = porting_text_dup_stripped (numbers[i]);

      if (porting_text_is_blank (text) || is_known_number (self, queue, text))
        continue;

      if (porting_text_is_blank (self->number))
        g_object_set (self, "number", text, NULL);
      else
        g_ptr_array_add (queue, g_steal_pointer (&text));
    }

  save_queue (self, queue);
}

guint
porting_international_form_get_n_queued (PortingInternationalForm *self)
{
  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_FORM (self), 0);

  return self->queue->len;
}

const char *
porting_international_form_get_queued (PortingInternationalForm *self,
                                       guint                     index)
{
  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_FORM (self), NULL);
  g_return_val_if_fail (index < self->queue->len, NULL);

  return g_ptr_array_index (self->queue, index);
}

void
porting_international_form_use_queued (PortingInternationalForm *self,
                                       guint                     index)
{
  g_autoptr(GPtrArray) queue = NULL;
  g_autofree char *number = NULL;

  g_return_if_fail (PORTING_IS_INTERNATIONAL_FORM (self));
  g_return_if_fail (index < self->queue->len);

  queue = copy_queue (self);
  number = g_strdup (g_ptr_array_index (queue, index));
  if (!porting_text_is_blank (self->number))
    {
      g_free (g_ptr_array_index (queue, index));
      g_ptr_array_index (queue, index) = g_strdup (self->number);
    }
  else
    g_ptr_array_remove_index (queue, index);

  g_object_set (self, "number", number, NULL);
  save_queue (self, queue);
}

void
porting_international_form_remove_queued (PortingInternationalForm *self,
                                          guint                     index)
{
  g_autoptr(GPtrArray) queue = NULL;

  g_return_if_fail (PORTING_IS_INTERNATIONAL_FORM (self));
  g_return_if_fail (index < self->queue->len);

  queue = copy_queue (self);
  g_ptr_array_remove_index (queue, index);
  save_queue (self, queue);
}

GStrv
porting_international_form_dup_queue (PortingInternationalForm *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PORTING_IS_INTERNATIONAL_FORM (self), NULL);

  for (guint i = 0; i < self->queue->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->queue, i));

  return g_strv_builder_end (builder);
}

/* ---- Problems and the request --------------------------------------------- */

static char *
e164_problem (PortingInternationalForm *self)
{
  g_autoptr(PortingPhoneNumber) number = NULL;
  const char *text = self->international_number;

  if (porting_text_is_blank (text))
    return g_strdup (_("Enter the number in international form, such as +442079460958."));

  number = porting_phone_number_parse (text, NULL);
  if (text[strspn (text, " ")] != '+' || number->e164 == NULL || !number->valid)
    return g_strdup (_("Write the number in international form: a + followed by the country code and the number, such as +442079460958."));

  return NULL;
}

static GPtrArray *
porting_international_form_check (PortingForm *form)
{
  PortingInternationalForm *self = PORTING_INTERNATIONAL_FORM (form);
  GPtrArray *problems = porting_form_problems_new ();
  g_autofree char *number = porting_international_form_dup_number_problem (self, TRUE);
  g_autofree char *e164 = e164_problem (self);

  if (number != NULL)
    porting_form_problems_add (problems, "number", number, number, porting_text_is_blank (self->number));
  if (porting_text_is_blank (self->country_name))
    porting_form_problems_add (problems, "country-name", _("Enter the country of the number."),
                               _("Enter the country of the number."), TRUE);
  if (e164 != NULL)
    porting_form_problems_add (problems, "international-number", e164, e164,
                               porting_text_is_blank (self->international_number));

  return problems;
}

static PortingRequest *
porting_international_form_to_request (PortingForm *form)
{
  PortingInternationalForm *self = PORTING_INTERNATIONAL_FORM (form);
  g_autoptr(PortingRequest) request = porting_request_new (PORTING_REQUEST_KIND_INTERNATIONAL_INQUIRY);
  g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (self->international_number, NULL);
  g_autofree char *country_name = porting_text_dup_stripped (self->country_name);
  g_autofree char *notes = porting_text_dup_stripped (self->notes);

  porting_request_set_string (request, "country", number->region != NULL ? number->region : self->country);
  porting_request_set_string (request, "country_name", country_name);
  porting_request_set_string (request, "number", number->e164);
  porting_request_set_string (request, "number_type", type_names[MIN (self->type, G_N_ELEMENTS (type_names) - 1)]);
  if (notes[0] != '\0')
    porting_request_set_string (request, "notes", notes);

  return g_steal_pointer (&request);
}

/* ---- Object --------------------------------------------------------------- */

static void
porting_international_form_field_changed (PortingForm *form,
                                          const char  *name)
{
  PortingInternationalForm *self = PORTING_INTERNATIONAL_FORM (form);

  if (g_str_equal (name, "international-number"))
    {
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (self->international_number, NULL);

      /* The country code goes with the number actually sent. */
      if (number->valid)
        {
          g_free (self->country);
          self->country = g_strdup (number->region);
        }
    }
  else if (g_str_equal (name, "queue"))
    {
      g_auto(GStrv) lines = g_strsplit (self->queue_text, "\n", -1);

      g_ptr_array_set_size (self->queue, 0);
      for (guint i = 0; lines[i] != NULL; i++)
        if (!porting_text_is_blank (lines[i]))
          g_ptr_array_add (self->queue, g_strdup (lines[i]));
    }
}

static void
porting_international_form_finalize (GObject *object)
{
  PortingInternationalForm *self = PORTING_INTERNATIONAL_FORM (object);

  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->country, g_free);

  G_OBJECT_CLASS (porting_international_form_parent_class)->finalize (object);
}

static void
porting_international_form_class_init (PortingInternationalFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PortingFormClass *form_class = PORTING_FORM_CLASS (klass);

  object_class->finalize = porting_international_form_finalize;
  form_class->field_changed = porting_international_form_field_changed;
  form_class->check = porting_international_form_check;
  form_class->to_request = porting_international_form_to_request;

  porting_form_class_install_fields (form_class, fields, G_N_ELEMENTS (fields), sizeof fields[0]);
}

static void
porting_international_form_init (PortingInternationalForm *self)
{
  self->queue = g_ptr_array_new_with_free_func (g_free);
}

PortingInternationalForm *
porting_international_form_new (void)
{
  return g_object_new (PORTING_TYPE_INTERNATIONAL_FORM, NULL);
}
