/* porting-port-in-form.c — the port-in request being built, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-port-in-form"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include "porting-phone-number.h"
#include "porting-port-date.h"
#include "porting-port-in-form-private.h"

G_DEFINE_FINAL_TYPE (PortingPortInForm, porting_port_in_form, PORTING_TYPE_FORM)

#define STRING PORTING_FORM_FIELD_STRING
#define BOOLEAN PORTING_FORM_FIELD_BOOLEAN
#define FIELD(member) G_STRUCT_OFFSET (PortingPortInForm, member)
#define NUMBERS PORTING_PORT_IN_STEP_NUMBERS
#define BEFORE PORTING_PORT_IN_STEP_BEFORE
#define LOA PORTING_PORT_IN_STEP_LOA
#define PROOF PORTING_PORT_IN_STEP_PROOF
#define CHECK PORTING_PORT_IN_STEP_CHECK
#define DETAILS PORTING_PORT_IN_STEP_DETAILS
#define REVIEW PORTING_PORT_IN_STEP_REVIEW

PortInField _porting_port_in_form_fields[] = {
  { { "numbers", STRING, FIELD (numbers_text) }, NUMBERS, 0, NULL, NULL },
  { { "contract", BOOLEAN, FIELD (contract) }, BEFORE, 0, "contract_acknowledged", NULL },
  { { "all-numbers", BOOLEAN, FIELD (all_numbers) }, BEFORE, 0, NULL, NULL },
  { { "partial-port", BOOLEAN, FIELD (partial_port) }, BEFORE, 0, NULL, NULL },
  { { "current-btn", STRING, FIELD (current_btn) }, BEFORE, FIELD_PHONE, NULL, NULL },
  { { "new-btn", STRING, FIELD (new_btn) }, BEFORE, FIELD_PHONE, NULL, NULL },
  { { "needs-new-btn", BOOLEAN, FIELD (needs_new_btn), PORTING_FORM_FIELD_READ_ONLY }, BEFORE, 0, NULL, NULL },
  { { "import-loa", BOOLEAN, FIELD (import_loa) }, LOA, 0, NULL, NULL },
  { { "customer-name", STRING, FIELD (customer_name) }, LOA, FIELD_REQUIRED, "loa.customer_name", N_("customer name") },
  { { "authorized-person", STRING, FIELD (authorized_person) }, LOA, FIELD_REQUIRED,
    "loa.authorized_person", N_("authorized person") },
  { { "street", STRING, FIELD (street) }, LOA, FIELD_REQUIRED, "loa.service_address.street", N_("street") },
  { { "unit", STRING, FIELD (unit) }, LOA, 0, "loa.service_address.unit", NULL },
  { { "city", STRING, FIELD (city) }, LOA, FIELD_REQUIRED, "loa.service_address.city", N_("city") },
  { { "region", STRING, FIELD (region) }, LOA, FIELD_REQUIRED, "loa.service_address.region", N_("state or province") },
  { { "postal-code", STRING, FIELD (postal_code) }, LOA, FIELD_REQUIRED | FIELD_UPPER,
    "loa.service_address.postal_code", N_("ZIP or postal code") },
  { { "carrier", STRING, FIELD (carrier) }, LOA, FIELD_REQUIRED, "loa.carrier", N_("current carrier") },
  { { "account-number", STRING, FIELD (account_number) }, LOA, FIELD_REQUIRED, "loa.account_number", N_("account number") },
  { { "btn", STRING, FIELD (btn) }, LOA, FIELD_REQUIRED | FIELD_PHONE, "loa.btn", N_("billing telephone number") },
  { { "typed-signature-used", BOOLEAN, FIELD (typed_signature_used) }, LOA, 0, NULL, NULL },
  { { "typed-signature", STRING, FIELD (typed_signature) }, LOA, 0, NULL, NULL },
  { { "signature", PORTING_FORM_FIELD_JSON, FIELD (signature) }, LOA, 0, NULL, NULL },
  { { "generated-loa", PORTING_FORM_FIELD_FILE, FIELD (generated_loa) }, LOA, 0, NULL, NULL },
  { { "imported-loa", PORTING_FORM_FIELD_FILE, FIELD (imported_loa) }, LOA, 0, NULL, NULL },
  { { "proof", PORTING_FORM_FIELD_FILE, FIELD (proof) }, PROOF, 0, NULL, NULL },
  { { "proof-kind", STRING, FIELD (proof_kind), 0, "invoice" }, PROOF, 0, "proof_kind", NULL },
  { { "sms", BOOLEAN, FIELD (sms) }, DETAILS, 0, "sms", NULL },
  { { "wireless", BOOLEAN, FIELD (wireless) }, DETAILS, 0, NULL, NULL },
  { { "wireless-account", STRING, FIELD (wireless_account) }, DETAILS, 0, NULL, NULL },
  { { "wireless-pin", STRING, FIELD (wireless_pin), PORTING_FORM_FIELD_SECRET }, DETAILS, 0, NULL, NULL },
  { { "preferred-date", STRING, FIELD (preferred_date), PORTING_FORM_FIELD_NULLABLE }, DETAILS, 0, NULL, NULL },
  { { "previous-request-id", STRING, FIELD (previous_request_id),
      PORTING_FORM_FIELD_TRANSIENT | PORTING_FORM_FIELD_NULLABLE }, REVIEW, 0, "previous_request_id", NULL },
  { { "checking", BOOLEAN, FIELD (checking), PORTING_FORM_FIELD_TRANSIENT }, CHECK, 0, NULL, NULL },
  { { "check-result", PORTING_FORM_FIELD_OBJECT, FIELD (check_result), PORTING_FORM_FIELD_TRANSIENT }, CHECK, 0, NULL, NULL },
};

#undef STRING
#undef BOOLEAN
#undef FIELD
#undef NUMBERS
#undef BEFORE
#undef LOA
#undef PROOF
#undef CHECK
#undef DETAILS
#undef REVIEW

const guint _porting_port_in_form_n_fields = G_N_ELEMENTS (_porting_port_in_form_fields);

guint
_porting_port_in_form_field_index (const char *name)
{
  for (guint i = 0; i < n_port_in_fields; i++)
    if (g_str_equal (port_in_fields[i].field.name, name))
      return i;

  g_return_val_if_reached (0);
}

/* ---- Reading the fields --------------------------------------------------- */

char *
_porting_port_in_form_parse_us_ca_number (const char *text)
{
  g_autoptr(PortingPhoneNumber) number = NULL;

  if (porting_text_is_blank (text))
    return NULL;

  number = porting_phone_number_parse (text, NULL);
  if (!number->valid || !porting_phone_number_is_us_or_ca (number))
    return NULL;

  return g_strdup (number->e164);
}

static gboolean
numbers_contain (PortingPortInForm *self,
                 const char        *e164)
{
  GPtrArray *numbers = porting_form_get_numbers (PORTING_FORM (self));

  for (guint i = 0; e164 != NULL && i < numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (g_strcmp0 (number->e164, e164) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
update_needs_new_btn (PortingPortInForm *self)
{
  g_autofree char *current = self->partial_port ? _porting_port_in_form_parse_us_ca_number (self->current_btn) : NULL;
  gboolean needs = current != NULL && numbers_contain (self, current);

  if (needs == self->needs_new_btn)
    return;

  self->needs_new_btn = needs;
  g_object_notify (G_OBJECT (self), "needs-new-btn");
}


/* ---- Port dates ----------------------------------------------------------- */

gboolean
porting_port_in_form_get_preferred_date (PortingPortInForm *self,
                                         GDate             *date)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  return self->preferred_date != NULL && porting_port_date_parse (self->preferred_date, date);
}

void
porting_port_in_form_set_preferred_date (PortingPortInForm *self,
                                         const GDate       *date)
{
  g_autofree char *iso = NULL;

  g_return_if_fail (PORTING_IS_PORT_IN_FORM (self));

  if (date != NULL && g_date_valid (date))
    iso = porting_port_date_to_iso (date);
  g_object_set (self, "preferred-date", iso, NULL);
}

void
porting_port_in_form_get_port_window (PortingPortInForm *self,
                                      GDate             *earliest,
                                      GDate             *latest)
{
  GDate today;

  g_return_if_fail (PORTING_IS_PORT_IN_FORM (self));

  porting_form_get_today (PORTING_FORM (self), &today);
  porting_port_date_window (&today, earliest, latest, NULL);
}

gboolean
porting_port_in_form_date_is_suggested (PortingPortInForm *self,
                                        const GDate       *date)
{
  GDate earliest, latest;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  porting_port_in_form_get_port_window (self, &earliest, &latest);
  return g_date_compare (date, &earliest) >= 0 &&
         g_date_compare (date, &latest) <= 0 &&
         porting_port_date_is_business_day (date);
}

char *
porting_port_in_form_dup_date_problem (PortingPortInForm *self,
                                       const GDate       *date)
{
  GDate today, earliest, latest;
  const char *holiday;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);

  porting_form_get_today (PORTING_FORM (self), &today);
  if (date == NULL || !g_date_valid (date) || porting_port_date_is_requestable (date, &today))
    return NULL;

  porting_port_date_window (&today, &earliest, &latest, NULL);
  if (g_date_compare (date, &earliest) < 0)
    {
      g_autofree char *text = porting_port_date_format (&earliest);
      return g_strdup_printf (_("Too soon: ports take at least 5 business days. The earliest date is %s."), text);
    }

  switch (g_date_get_weekday (date))
    {
    case G_DATE_SATURDAY:
      return g_strdup (_("Ports are not done on Saturdays. Choose a weekday."));
    case G_DATE_SUNDAY:
      return g_strdup (_("Ports are not done on Sundays. Choose a weekday."));
    case G_DATE_MONDAY:
    case G_DATE_TUESDAY:
    case G_DATE_WEDNESDAY:
    case G_DATE_THURSDAY:
    case G_DATE_FRIDAY:
    case G_DATE_BAD_WEEKDAY:
    default:
      break;
    }

  if ((holiday = porting_port_date_holiday_name (date)) != NULL)
    /* Translators: %s is a holiday, e.g. "Thanksgiving Day" */
    return g_strdup_printf (_("%s is a holiday: carriers do not port on holidays."), holiday);

  return NULL;
}

char *
porting_port_in_form_dup_window_description (PortingPortInForm *self)
{
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GString) description = NULL;
  g_autofree char *earliest_text = NULL;
  g_autofree char *latest_text = NULL;
  GDate today, earliest, latest;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);

  porting_form_get_today (PORTING_FORM (self), &today);
  porting_port_date_window (&today, &earliest, &latest, &holidays);
  earliest_text = porting_port_date_format (&earliest);
  latest_text = porting_port_date_format (&latest);

  description = g_string_new (NULL);
  g_string_printf (description,
                   _("Ports take 5 to 10 business days, without weekends and holidays. "
                     "The earliest possible date is %s; most ports are done by %s."),
                   earliest_text, latest_text);

  for (guint i = 0; holidays != NULL && i < holidays->len; i++)
    {
      const PortingHoliday *holiday = g_ptr_array_index (holidays, i);
      g_autofree char *day = porting_port_date_format (&holiday->date);
      g_autofree char *so_far = g_strdup (description->str);

      /* Translators: "… window. Not counted: Thanksgiving Day (Thursday 26 November 2026)." */
      g_string_printf (description, i == 0 ? _("%s Not counted: %s (%s)") : "%s, %s (%s)",
                       so_far, holiday->name, day);
    }
  if (holidays != NULL && holidays->len > 0)
    g_string_append_c (description, '.');

  return g_string_free (g_steal_pointer (&description), FALSE);
}

/* ---- Signature ------------------------------------------------------------ */

void
porting_port_in_form_set_signature (PortingPortInForm *self,
                                    GPtrArray         *strokes)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  g_return_if_fail (PORTING_IS_PORT_IN_FORM (self));

  array = json_array_new ();
  for (guint i = 0; strokes != NULL && i < strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (strokes, i);
      JsonArray *points = json_array_new ();

      for (guint j = 0; j < stroke->len; j++)
        {
          const PortingSignaturePoint *point = &g_array_index (stroke, PortingSignaturePoint, j);
          JsonArray *triple = json_array_new ();

          json_array_add_double_element (triple, point->x);
          json_array_add_double_element (triple, point->y);
          json_array_add_double_element (triple, point->pressure);
          json_array_add_array_element (points, triple);
        }
      json_array_add_array_element (array, points);
    }

  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  g_object_set (self, "signature", json_array_get_length (array) > 0 ? node : NULL, NULL);
}

GPtrArray *
porting_port_in_form_dup_signature (PortingPortInForm *self)
{
  GPtrArray *strokes;
  JsonArray *array;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);

  strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (self->signature == NULL || !JSON_NODE_HOLDS_ARRAY (self->signature))
    return strokes;

  array = json_node_get_array (self->signature);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *stroke_node = json_array_get_element (array, i);
      JsonArray *points;
      GArray *stroke;

      if (!JSON_NODE_HOLDS_ARRAY (stroke_node))
        continue;

      points = json_node_get_array (stroke_node);
      stroke = g_array_new (FALSE, FALSE, sizeof (PortingSignaturePoint));
      for (guint j = 0; j < json_array_get_length (points); j++)
        {
          JsonNode *point_node = json_array_get_element (points, j);
          JsonArray *triple;
          PortingSignaturePoint point;

          if (!JSON_NODE_HOLDS_ARRAY (point_node) || json_array_get_length (json_node_get_array (point_node)) != 3)
            continue;

          triple = json_node_get_array (point_node);
          point.x = json_array_get_double_element (triple, 0);
          point.y = json_array_get_double_element (triple, 1);
          point.pressure = json_array_get_double_element (triple, 2);
          g_array_append_val (stroke, point);
        }

      if (stroke->len > 0)
        g_ptr_array_add (strokes, stroke);
      else
        g_array_unref (stroke);
    }

  return strokes;
}

gboolean
porting_port_in_form_is_signed (PortingPortInForm *self)
{
  g_autoptr(GPtrArray) strokes = NULL;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), FALSE);

  if (self->typed_signature_used)
    return !porting_text_is_blank (self->typed_signature);

  strokes = porting_port_in_form_dup_signature (self);
  return strokes->len > 0;
}

/* ---- Steps ---------------------------------------------------------------- */

#define PHONE_MESSAGE _("Enter a telephone number from the United States or Canada.")

static void
check_numbers (PortingPortInForm *self,
               GPtrArray         *problems)
{
  GPtrArray *numbers = porting_form_get_numbers (PORTING_FORM (self));
  guint n_ok = 0, n_bad = 0;

  for (guint i = 0; i < numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (number->valid && porting_phone_number_is_us_or_ca (number))
        n_ok++;
      else
        n_bad++;
    }

  if (n_ok == 0 && n_bad == 0)
    porting_form_problems_add (problems, "numbers", NULL, _("Enter the numbers to port."), TRUE);
  else if (n_bad > 0)
    porting_form_problems_add (problems, "numbers", NULL,
                               ngettext ("Fix or remove the number marked in the list.",
                                         "Fix or remove the numbers marked in the list.", n_bad),
                               FALSE);
}

static void
check_before (PortingPortInForm *self,
              GPtrArray         *problems)
{
  g_autofree char *current_btn = NULL;
  g_autofree char *new_btn = NULL;

  if (!self->contract)
    porting_form_problems_add (problems, "contract", NULL,
                               _("Confirm that no contract is tied to the numbers."), TRUE);
  if (!self->partial_port && !self->all_numbers)
    porting_form_problems_add (problems, "all-numbers", NULL,
                               _("Say whether these are all the numbers on the account."), TRUE);
  if (!self->partial_port)
    return;

  current_btn = _porting_port_in_form_parse_us_ca_number (self->current_btn);
  if (current_btn == NULL)
    {
      gboolean blank = porting_text_is_blank (self->current_btn);

      porting_form_problems_add (problems, "current-btn", blank ? NULL : PHONE_MESSAGE,
                                 _("Enter the account’s current billing telephone number."), blank);
      return;
    }

  /* The billing number leaves with the numbers: the account needs another. */
  if (!numbers_contain (self, current_btn))
    return;

  new_btn = _porting_port_in_form_parse_us_ca_number (self->new_btn);
  if (new_btn == NULL || numbers_contain (self, new_btn))
    {
      gboolean blank = porting_text_is_blank (self->new_btn);
      const char *message = new_btn != NULL ? _("This number is leaving too: choose one of the numbers that stay.")
                          : blank ? NULL : PHONE_MESSAGE;

      porting_form_problems_add (problems, "new-btn", message,
                                 _("Enter a new billing telephone number from the numbers that stay."), blank);
    }
}

static void
check_loa (PortingPortInForm *self,
           GPtrArray         *problems)
{
  g_autoptr(GPtrArray) empty = NULL;
  g_autofree char *postal_problem = NULL;
  g_autofree char *btn = NULL;
  const char *first_empty = NULL;

  if (self->import_loa)
    {
      if (self->imported_loa == NULL)
        porting_form_problems_add (problems, "imported-loa", NULL, _("Add the signed LOA."), TRUE);
      return;
    }

  /* Empty fields are named together, in the order of the form. */
  empty = g_ptr_array_new ();
  for (guint i = 0; i < n_port_in_fields; i++)
    {
      if ((port_in_fields[i].flags & FIELD_REQUIRED) && porting_text_is_blank (PORT_IN_FIELD_AT (self, i, char *)))
        {
          if (first_empty == NULL)
            first_empty = port_in_fields[i].field.name;
          g_ptr_array_add (empty, (gpointer) _(port_in_fields[i].label));
        }
    }
  if (empty->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *summary = NULL;

      g_ptr_array_add (empty, NULL);
      list = g_strjoinv (", ", (char **) empty->pdata);
      /* Translators: %s is a list of fields, e.g. "street, city" */
      summary = g_strdup_printf (_("Fill in: %s."), list);
      porting_form_problems_add (problems, first_empty, NULL, summary, TRUE);
    }

  if (!porting_text_is_blank (self->postal_code) &&
      (postal_problem = porting_postal_code_check (self->postal_code, porting_port_in_form_get_region (self))) != NULL)
    porting_form_problems_add (problems, "postal-code", postal_problem, _("Check the ZIP or postal code."), FALSE);

  btn = _porting_port_in_form_parse_us_ca_number (self->btn);
  if (btn == NULL)
    {
      gboolean blank = porting_text_is_blank (self->btn);

      porting_form_problems_add (problems, "btn", blank ? NULL : PHONE_MESSAGE,
                                 _("Check the billing telephone number."), blank);
    }

  if (!porting_port_in_form_is_signed (self))
    porting_form_problems_add (problems, self->typed_signature_used ? "typed-signature" : "signature", NULL,
                               self->typed_signature_used ? _("Type your name to sign.") : _("Sign the LOA."),
                               TRUE);
}

static void
check_details (PortingPortInForm *self,
               GPtrArray         *problems)
{
  g_autofree char *date_problem = NULL;
  GDate date;

  if (self->wireless && porting_text_is_blank (self->wireless_account))
    porting_form_problems_add (problems, "wireless-account", NULL, _("Enter the wireless account number."), TRUE);
  if (self->wireless && porting_text_is_blank (self->wireless_pin))
    porting_form_problems_add (problems, "wireless-pin", NULL, _("Enter the port-out PIN or passcode."), TRUE);

  if (porting_port_in_form_get_preferred_date (self, &date) &&
      (date_problem = porting_port_in_form_dup_date_problem (self, &date)) != NULL)
    porting_form_problems_add (problems, "preferred-date", date_problem, date_problem, FALSE);
}

GPtrArray *
porting_port_in_form_check_step (PortingPortInForm *self,
                                 PortingPortInStep  step)
{
  GPtrArray *problems;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);

  problems = porting_form_problems_new ();
  switch (step)
    {
    case PORTING_PORT_IN_STEP_NUMBERS:
      check_numbers (self, problems);
      break;

    case PORTING_PORT_IN_STEP_BEFORE:
      check_before (self, problems);
      break;

    case PORTING_PORT_IN_STEP_LOA:
      check_loa (self, problems);
      break;

    case PORTING_PORT_IN_STEP_PROOF:
      if (self->proof == NULL)
        porting_form_problems_add (problems, "proof", NULL, _("Add your latest invoice or the CSR."), TRUE);
      break;

    case PORTING_PORT_IN_STEP_CHECK:
      if (self->checking)
        porting_form_problems_add (problems, NULL, NULL, _("Checking the documents…"), FALSE);
      break;

    case PORTING_PORT_IN_STEP_DETAILS:
      check_details (self, problems);
      break;

    case PORTING_PORT_IN_STEP_REVIEW:
    case PORTING_PORT_IN_N_STEPS:
    default:
      break;
    }

  return problems;
}

const char * const *
porting_port_in_form_get_step_fields (PortingPortInStep step)
{
  static const char **step_fields[PORTING_PORT_IN_N_STEPS];
  static gsize initialized;

  g_return_val_if_fail (step < PORTING_PORT_IN_N_STEPS, NULL);

  if (g_once_init_enter (&initialized))
    {
      for (guint s = 0; s < PORTING_PORT_IN_N_STEPS; s++)
        {
          GPtrArray *names = g_ptr_array_new ();

          for (guint i = 0; i < n_port_in_fields; i++)
            if (port_in_fields[i].step == s &&
                !(port_in_fields[i].field.flags & (PORTING_FORM_FIELD_TRANSIENT | PORTING_FORM_FIELD_READ_ONLY)))
              g_ptr_array_add (names, (gpointer) port_in_fields[i].field.name);
          g_ptr_array_add (names, NULL);
          step_fields[s] = (const char **) g_ptr_array_free (names, FALSE);
        }
      g_once_init_leave (&initialized, 1);
    }

  return step_fields[step];
}

PortingPortInStep
porting_port_in_form_get_resume_step (PortingPortInForm *self,
                                      PortingPortInStep  step)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), PORTING_PORT_IN_STEP_NUMBERS);

  step = MIN (step, PORTING_PORT_IN_STEP_REVIEW);
  for (guint i = 0; i < step; i++)
    {
      g_autoptr(GPtrArray) problems = porting_port_in_form_check_step (self, i);

      if (problems->len > 0)
        return i;
    }

  return step;
}

static GPtrArray *
porting_port_in_form_check (PortingForm *form)
{
  PortingPortInForm *self = PORTING_PORT_IN_FORM (form);
  GPtrArray *problems = porting_form_problems_new ();

  for (guint step = 0; step < PORTING_PORT_IN_STEP_REVIEW; step++)
    {
      g_autoptr(GPtrArray) step_problems = porting_port_in_form_check_step (self, step);

      g_ptr_array_extend_and_steal (problems, g_steal_pointer (&step_problems));
    }

  return problems;
}

/* ---- Getters -------------------------------------------------------------- */

GStrv
porting_port_in_form_dup_valid_numbers (PortingPortInForm *self,
                                        gboolean           outside_only)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *numbers;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);

  numbers = porting_form_get_numbers (PORTING_FORM (self));
  for (guint i = 0; i < numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (number->valid && (!outside_only || !porting_phone_number_is_us_or_ca (number)))
        {
          g_autofree char *formatted = porting_phone_number_format (number);
          g_strv_builder_add (builder, formatted);
        }
    }

  return g_strv_builder_end (builder);
}

const PortingRegion *
porting_port_in_form_get_region (PortingPortInForm *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);
  return porting_text_is_blank (self->region) ? NULL : porting_region_lookup (self->region);
}

gboolean
porting_port_in_form_get_needs_new_btn (PortingPortInForm *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), FALSE);
  return self->needs_new_btn;
}

GFile *
porting_port_in_form_get_loa (PortingPortInForm *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);
  return self->import_loa ? self->imported_loa : self->generated_loa;
}

GFile *
porting_port_in_form_get_proof (PortingPortInForm *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);
  return self->proof;
}

PortingCheckResult *
porting_port_in_form_get_check_result (PortingPortInForm *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);
  return self->check_result;
}

const char *
porting_port_in_form_get_previous_request_id (PortingPortInForm *self)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);
  return self->previous_request_id;
}

/* ---- Object --------------------------------------------------------------- */

static void
porting_port_in_form_get_documents (PortingForm  *form,
                                    GFile       **loa,
                                    GFile       **proof,
                                    GPtrArray   **regulatory)
{
  PortingPortInForm *self = PORTING_PORT_IN_FORM (form);

  *loa = porting_port_in_form_get_loa (self);
  *proof = self->proof;
  *regulatory = NULL;
}

static void
porting_port_in_form_field_changed (PortingForm *form,
                                    const char  *name)
{
  PortingPortInForm *self = PORTING_PORT_IN_FORM (form);

  if (g_str_equal (name, "numbers") || g_str_equal (name, "current-btn") || g_str_equal (name, "partial-port"))
    update_needs_new_btn (self);

  /* A partial port asks the account's billing number before the LOA: the
   * LOA's is the same number, not asked again. */
  if ((g_str_equal (name, "current-btn") || g_str_equal (name, "partial-port")) &&
      self->partial_port && !porting_text_is_blank (self->current_btn) &&
      g_strcmp0 (self->btn, self->current_btn) != 0)
    g_object_set (self, "btn", self->current_btn, NULL);

  /* Another document is not the one that was checked. */
  if (g_str_equal (name, "import-loa") || g_str_equal (name, "imported-loa") ||
      g_str_equal (name, "generated-loa") || g_str_equal (name, "proof"))
    g_object_set (self, "checking", FALSE, "check-result", NULL, NULL);
}

static void
porting_port_in_form_class_init (PortingPortInFormClass *klass)
{
  PortingFormClass *form_class = PORTING_FORM_CLASS (klass);

  form_class->field_changed = porting_port_in_form_field_changed;
  form_class->check = porting_port_in_form_check;
  form_class->to_request = _porting_port_in_form_to_request;
  form_class->load_draft = _porting_port_in_form_load_draft;
  form_class->get_documents = porting_port_in_form_get_documents;

  port_in_fields[_porting_port_in_form_field_index ("check-result")].field.object_type = PORTING_TYPE_CHECK_RESULT;
  porting_form_class_install_fields (form_class, &port_in_fields[0].field, n_port_in_fields, sizeof port_in_fields[0]);
}

static void
porting_port_in_form_init (PortingPortInForm *self)
{
}

PortingPortInForm *
porting_port_in_form_new (void)
{
  return g_object_new (PORTING_TYPE_PORT_IN_FORM, NULL);
}

