/* porting-transfer-form.c — moving numbers already on Twilio into our Twilio account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-transfer-form"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-intake-client.h"
#include "porting-phone-number.h"
#include "porting-port-date.h"
#include "porting-transfer-form.h"
#include "porting-twilio-sid.h"

struct _PortingTransferForm
{
  PortingForm  parent_instance;

  char        *numbers_text;
  char        *account_sid;
  guint        time_frame;
  char        *date;
  gboolean     contract;
  char       **regulatory;   /* paths */

  GPtrArray   *documents;    /* of GFile, as "regulatory" says */
};

G_DEFINE_FINAL_TYPE (PortingTransferForm, porting_transfer_form, PORTING_TYPE_FORM)

#define FIELD(member) G_STRUCT_OFFSET (PortingTransferForm, member)
static const PortingFormField fields[] = {
  { "numbers", PORTING_FORM_FIELD_STRING, FIELD (numbers_text) },
  { "account-sid", PORTING_FORM_FIELD_STRING, FIELD (account_sid) },
  { "time-frame", PORTING_FORM_FIELD_UINT, FIELD (time_frame), 0, NULL, PORTING_TRANSFER_TIME_FRAME_DATE },
  { "date", PORTING_FORM_FIELD_STRING, FIELD (date), PORTING_FORM_FIELD_NULLABLE },
  { "contract", PORTING_FORM_FIELD_BOOLEAN, FIELD (contract) },
  { "regulatory", PORTING_FORM_FIELD_STRV, FIELD (regulatory) },
};
#undef FIELD

/* ---- Documents ------------------------------------------------------------ */

static void
update_documents (PortingTransferForm *self)
{
  g_ptr_array_set_size (self->documents, 0);
  for (guint i = 0; self->regulatory != NULL && self->regulatory[i] != NULL; i++)
    g_ptr_array_add (self->documents, g_file_new_for_path (self->regulatory[i]));
}

static void
set_documents (PortingTransferForm *self,
               GPtrArray           *documents)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < documents->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (documents, i));

      if (path != NULL)
        g_strv_builder_add (paths, path);
    }

  strv = g_strv_builder_end (paths);
  g_object_set (self, "regulatory", strv, NULL);
}

static gint
find_document (PortingTransferForm *self,
               GFile               *file)
{
  for (guint i = 0; i < self->documents->len; i++)
    if (g_file_equal (g_ptr_array_index (self->documents, i), file))
      return (gint) i;

  return -1;
}

GPtrArray *
porting_transfer_form_get_documents (PortingTransferForm *self)
{
  g_return_val_if_fail (PORTING_IS_TRANSFER_FORM (self), NULL);

  return self->documents;
}

gboolean
porting_transfer_form_add_document (PortingTransferForm *self,
                                    GFile               *file)
{
  g_autoptr(GPtrArray) documents = NULL;

  g_return_val_if_fail (PORTING_IS_TRANSFER_FORM (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (find_document (self, file) >= 0)
    return FALSE;

  documents = g_ptr_array_copy (self->documents, NULL, NULL);
  g_ptr_array_set_free_func (documents, NULL);
  g_ptr_array_add (documents, file);
  set_documents (self, documents);

  return TRUE;
}

void
porting_transfer_form_remove_document (PortingTransferForm *self,
                                       GFile               *file)
{
  g_autoptr(GPtrArray) documents = NULL;
  gint index;

  g_return_if_fail (PORTING_IS_TRANSFER_FORM (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((index = find_document (self, file)) < 0)
    return;

  documents = g_ptr_array_copy (self->documents, NULL, NULL);
  g_ptr_array_set_free_func (documents, NULL);
  g_ptr_array_remove_index (documents, index);
  set_documents (self, documents);
}

char *
porting_transfer_form_check_document (GFile     *file,
                                      GFileInfo *info)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *content_type;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return g_strdup_printf (_("“%s” is not a document."), name);

  content_type = g_file_info_get_content_type (info);
  if (content_type == NULL ||
      !(g_content_type_is_a (content_type, "application/pdf") ||
        g_content_type_is_a (content_type, "image/png") ||
        g_content_type_is_a (content_type, "image/jpeg")))
    return g_strdup_printf (_("“%s” is not a PDF document or a PNG or JPEG image."), name);

  if (g_file_info_get_size (info) > PORTING_INTAKE_MAX_DOCUMENT_SIZE)
    return g_strdup_printf (_("“%s” is larger than 25 MB: make it smaller, or scan it again at a lower resolution."),
                            name);

  return NULL;
}

/* ---- Dates ---------------------------------------------------------------- */

gboolean
porting_transfer_form_get_date (PortingTransferForm *self,
                                GDate               *date)
{
  g_return_val_if_fail (PORTING_IS_TRANSFER_FORM (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  return self->date != NULL && porting_port_date_parse (self->date, date);
}

void
porting_transfer_form_set_date (PortingTransferForm *self,
                                const GDate         *date)
{
  g_autofree char *iso = NULL;

  g_return_if_fail (PORTING_IS_TRANSFER_FORM (self));

  if (date != NULL && g_date_valid (date))
    iso = porting_port_date_to_iso (date);
  g_object_set (self, "date", iso, NULL);
}

/* ---- Problems and the request --------------------------------------------- */

static GPtrArray *
porting_transfer_form_check (PortingForm *form)
{
  PortingTransferForm *self = PORTING_TRANSFER_FORM (form);
  GPtrArray *problems = porting_form_problems_new ();
  g_autofree char *numbers_problem = porting_numbers_dup_problem (porting_form_get_numbers (form));
  g_autofree char *sid_message = NULL;
  PortingSidKind kind;
  GDate date;

  if (numbers_problem != NULL)
    porting_form_problems_add (problems, "numbers", NULL, numbers_problem, porting_form_get_numbers (form)->len == 0);

  kind = porting_twilio_sid_classify (self->account_sid, NULL, &sid_message);
  if (kind == PORTING_SID_KIND_EMPTY)
    porting_form_problems_add (problems, "account-sid", NULL, _("Enter your Twilio account SID."), TRUE);
  else if (kind != PORTING_SID_KIND_ACCOUNT_SID)
    porting_form_problems_add (problems, "account-sid", sid_message, sid_message, FALSE);

  if (self->time_frame == PORTING_TRANSFER_TIME_FRAME_DATE)
    {
      GDate today;

      porting_form_get_today (form, &today);
      if (!porting_transfer_form_get_date (self, &date))
        porting_form_problems_add (problems, "date", NULL, _("Choose the date of the transfer."), TRUE);
      else if (g_date_compare (&date, &today) <= 0)
        porting_form_problems_add (problems, "date", _("Choose a date after today."),
                                   _("Choose a date after today."), FALSE);
    }

  if (!self->contract)
    porting_form_problems_add (problems, "contract", NULL,
                               _("Confirm that no contract is tied to these numbers."), TRUE);

  return problems;
}

static PortingRequest *
porting_transfer_form_to_request (PortingForm *form)
{
  PortingTransferForm *self = PORTING_TRANSFER_FORM (form);
  g_autoptr(PortingRequest) request = porting_request_new (PORTING_REQUEST_KIND_TWILIO_TRANSFER);
  g_auto(GStrv) numbers = porting_numbers_dup_e164 (porting_form_get_numbers (form));
  g_autofree char *sid = NULL;
  g_autofree char *iso = NULL;
  const char *time_frame = "as-soon-as-possible";
  GDate date;

  switch (self->time_frame)
    {
    case PORTING_TRANSFER_TIME_FRAME_TWO_WEEKS:
      time_frame = "within-2-weeks";
      break;
    case PORTING_TRANSFER_TIME_FRAME_MONTH:
      time_frame = "within-a-month";
      break;
    case PORTING_TRANSFER_TIME_FRAME_DATE:
      if (porting_transfer_form_get_date (self, &date))
        time_frame = iso = porting_port_date_to_iso (&date);
      break;
    case PORTING_TRANSFER_TIME_FRAME_ASAP:
    default:
      break;
    }

  porting_twilio_sid_classify (self->account_sid, &sid, NULL);
  porting_request_set_numbers (request, (const char * const *) numbers);
  porting_request_set_string (request, "twilio_account_sid", sid);
  porting_request_set_string (request, "time_frame", time_frame);
  porting_request_set_boolean (request, "contract_acknowledged", self->contract);

  return g_steal_pointer (&request);
}

/* A pasted auth token is a secret: it never reaches the disk. */
static JsonNode *
porting_transfer_form_dup_draft_value (PortingForm *form,
                                       GParamSpec  *pspec)
{
  PortingTransferForm *self = PORTING_TRANSFER_FORM (form);

  if (g_str_equal (pspec->name, "account-sid") &&
      porting_twilio_sid_classify (self->account_sid, NULL, NULL) == PORTING_SID_KIND_AUTH_TOKEN)
    return NULL;

  return PORTING_FORM_CLASS (porting_transfer_form_parent_class)->dup_draft_value (form, pspec);
}

static void
porting_transfer_form_get_form_documents (PortingForm  *form,
                                          GFile       **loa,
                                          GFile       **proof,
                                          GPtrArray   **regulatory)
{
  PortingTransferForm *self = PORTING_TRANSFER_FORM (form);

  *loa = NULL;
  *proof = NULL;
  *regulatory = self->documents;
}

/* ---- Object --------------------------------------------------------------- */

static void
porting_transfer_form_field_changed (PortingForm *form,
                                     const char  *name)
{
  PortingTransferForm *self = PORTING_TRANSFER_FORM (form);

  if (g_str_equal (name, "regulatory"))
    update_documents (self);
}

static void
porting_transfer_form_finalize (GObject *object)
{
  PortingTransferForm *self = PORTING_TRANSFER_FORM (object);

  g_clear_pointer (&self->documents, g_ptr_array_unref);

  G_OBJECT_CLASS (porting_transfer_form_parent_class)->finalize (object);
}

static void
porting_transfer_form_class_init (PortingTransferFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PortingFormClass *form_class = PORTING_FORM_CLASS (klass);

  object_class->finalize = porting_transfer_form_finalize;
  form_class->field_changed = porting_transfer_form_field_changed;
  form_class->check = porting_transfer_form_check;
  form_class->to_request = porting_transfer_form_to_request;
  form_class->dup_draft_value = porting_transfer_form_dup_draft_value;
  form_class->get_documents = porting_transfer_form_get_form_documents;

  porting_form_class_install_fields (form_class, fields, G_N_ELEMENTS (fields), sizeof fields[0]);
}

static void
porting_transfer_form_init (PortingTransferForm *self)
{
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
}

PortingTransferForm *
porting_transfer_form_new (void)
{
  return g_object_new (PORTING_TYPE_TRANSFER_FORM, NULL);
}
