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
#include "porting-port-in-form.h"

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

G_DEFINE_FINAL_TYPE (PortingPortInForm, porting_port_in_form, PORTING_TYPE_FORM)

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

static PortInField fields[] = {
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

#define FIELD_AT(self, i, ctype) (*(ctype *) (gpointer) (((guint8 *) (self)) + fields[i].field.offset))

static guint
field_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field.name, name))
      return i;

  g_return_val_if_reached (0);
}

/* ---- Reading the fields --------------------------------------------------- */

/* A valid US or Canadian number in E.164, or NULL. */
static char *
parse_us_ca_number (const char *text)
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
  g_autofree char *current = self->partial_port ? parse_us_ca_number (self->current_btn) : NULL;
  gboolean needs = current != NULL && numbers_contain (self, current);

  if (needs == self->needs_new_btn)
    return;

  self->needs_new_btn = needs;
  g_object_notify (G_OBJECT (self), "needs-new-btn");
}

static void
get_today (PortingPortInForm *self,
           GDate             *today)
{
  porting_form_get_today (PORTING_FORM (self), today);
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

  get_today (self, &today);
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

  get_today (self, &today);
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

  get_today (self, &today);
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

  current_btn = parse_us_ca_number (self->current_btn);
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

  new_btn = parse_us_ca_number (self->new_btn);
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
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if ((fields[i].flags & FIELD_REQUIRED) && porting_text_is_blank (FIELD_AT (self, i, char *)))
        {
          if (first_empty == NULL)
            first_empty = fields[i].field.name;
          g_ptr_array_add (empty, (gpointer) _(fields[i].label));
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

  btn = parse_us_ca_number (self->btn);
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

          for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
            if (fields[i].step == s &&
                !(fields[i].field.flags & (PORTING_FORM_FIELD_TRANSIENT | PORTING_FORM_FIELD_READ_ONLY)))
              g_ptr_array_add (names, (gpointer) fields[i].field.name);
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

/* ---- What comes out ------------------------------------------------------- */

static char *
field_value (PortingPortInForm *self,
             guint              i)
{
  const char *text = FIELD_AT (self, i, char *);

  if (fields[i].flags & FIELD_PHONE)
    return parse_us_ca_number (text);
  if (fields[i].flags & FIELD_UPPER)
    return g_strstrip (g_ascii_strup (text != NULL ? text : "", -1));
  return porting_text_dup_stripped (text != NULL ? text : "");
}

/* The object at @path (dots between members) under @root, made when missing. */
static JsonObject *
ensure_object (JsonObject  *root,
               const char  *path,
               const char **leaf)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (!json_object_has_member (object, parts[i]) ||
          !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, parts[i])))
        json_object_set_object_member (object, parts[i], json_object_new ());
      object = json_object_get_object_member (object, parts[i]);
    }

  *leaf = path + strlen (path) - strlen (parts[n - 1]);
  return object;
}

/* The string at @path under @root, or NULL. */
static const char *
lookup_string (JsonObject *root,
               const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      JsonNode *node = object != NULL ? json_object_get_member (object, parts[i]) : NULL;

      if (node == NULL)
        return NULL;
      if (parts[i + 1] == NULL)
        return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
               ? json_node_get_string (node) : NULL;
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return NULL;
}

/* "Oakland, CA 94607" → city, region and postal code; the whole line as the
 * city when it does not read that way. */
static void
set_address_from_city_line (JsonObject *address,
                            const char *city_line)
{
  g_autofree char *line = porting_text_dup_stripped (city_line);
  g_autofree char *rest = NULL;
  const PortingRegion *region = NULL;
  const char *postal_code = NULL;
  gsize len = line != NULL ? strlen (line) : 0;
  char *region_start;

  /* The postal code ends the line: "94607", "94607-1234", "H2Y 2A7", "H2Y2A7". */
  for (gsize take = MIN (len, 10); take >= 5 && postal_code == NULL; take--)
    {
      if ((take == len || line[len - take - 1] == ' ' || line[len - take - 1] == ',') &&
          porting_postal_code_classify (line + len - take) != PORTING_POSTAL_CODE_INVALID)
        postal_code = line + len - take;
    }

  if (postal_code != NULL)
    {
      rest = g_strndup (line, postal_code - line);
      g_strchomp (rest);
      while (*rest != '\0' && strchr (",.", rest[strlen (rest) - 1]) != NULL)
        rest[strlen (rest) - 1] = '\0';
      g_strchomp (rest);

      /* Two letters before it: the state or province. */
      region_start = strrchr (rest, ' ');
      if (region_start != NULL && strlen (region_start + 1) == 2)
        region = porting_region_lookup (region_start + 1);
    }

  if (region == NULL)
    {
      json_object_set_string_member (address, "city", city_line);
      return;
    }

  *region_start = '\0';
  g_strchomp (rest);
  if (*rest != '\0' && rest[strlen (rest) - 1] == ',')
    rest[strlen (rest) - 1] = '\0';

  json_object_set_string_member (address, "city", rest);
  json_object_set_string_member (address, "region", region->code);
  json_object_set_string_member (address, "postal_code", postal_code);
  json_object_set_string_member (address, "country", region->country);
}

/* An imported LOA: what the check could read from it. */
static JsonObject *
loa_from_check (PortingCheckResult *result)
{
  const PortingLoaFields *read = porting_check_result_get_loa_fields (result);
  g_autofree char *btn = parse_us_ca_number (read->btn);
  JsonObject *loa = json_object_new ();
  JsonObject *address = json_object_new ();

  json_object_set_string_member (loa, "customer_name", read->name);
  json_object_set_string_member (loa, "authorized_person", read->authorized_person);
  json_object_set_string_member (address, "street", read->street);
  set_address_from_city_line (address, read->city_line);
  json_object_set_object_member (loa, "service_address", address);
  json_object_set_string_member (loa, "carrier", read->carrier);
  json_object_set_string_member (loa, "account_number", read->account_number);
  json_object_set_string_member (loa, "btn", btn != NULL ? btn : read->btn);

  return loa;
}

static PortingRequest *
porting_port_in_form_to_request (PortingForm *form)
{
  PortingPortInForm *self = PORTING_PORT_IN_FORM (form);
  g_autoptr(PortingRequest) request = porting_request_new (PORTING_REQUEST_KIND_PORT_IN);
  JsonObject *request_fields = porting_request_get_fields (request);
  GDate date;

  g_auto(GStrv) numbers = porting_numbers_dup_e164 (porting_form_get_numbers (PORTING_FORM (self)));

  porting_request_set_numbers (request, (const char * const *) numbers);

  if (self->previous_request_id != NULL)
    porting_request_set_string (request, "previous_request_id", self->previous_request_id);
  porting_request_set_boolean (request, "contract_acknowledged", self->contract);
  porting_request_set_boolean (request, "sms", self->sms);
  porting_request_set_wireless (request, self->wireless ? self->wireless_account : NULL, self->wireless_pin);

  if (porting_port_in_form_get_preferred_date (self, &date))
    {
      g_autofree char *iso = porting_port_date_to_iso (&date);
      porting_request_set_string (request, "preferred_date", iso);
    }
  else
    json_object_set_null_member (request_fields, "preferred_date");

  if (!self->import_loa)
    {
      const PortingRegion *region = porting_port_in_form_get_region (self);
      const char *leaf;

      json_object_set_object_member (request_fields, "loa", json_object_new ());
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *value = NULL;
          JsonObject *parent;

          if (fields[i].json == NULL || !g_str_has_prefix (fields[i].json, "loa."))
            continue;
          value = field_value (self, i);
          parent = ensure_object (request_fields, fields[i].json, &leaf);
          json_object_set_string_member (parent, leaf, value);
        }
      json_object_set_string_member (ensure_object (request_fields, "loa.service_address.country", &leaf),
                                     "country", region != NULL ? region->country : "US");
    }
  else if (self->check_result != NULL)
    json_object_set_object_member (request_fields, "loa", loa_from_check (self->check_result));

  porting_request_set_string (request, "proof_kind", g_strcmp0 (self->proof_kind, "csr") == 0 ? "csr" : "invoice");

  if (self->partial_port)
    {
      JsonObject *partial = json_object_new ();
      g_autofree char *current_btn = parse_us_ca_number (self->current_btn);
      g_autofree char *new_btn = parse_us_ca_number (self->new_btn);

      json_object_set_string_member (partial, "current_btn", current_btn);
      if (self->needs_new_btn)
        json_object_set_string_member (partial, "new_btn", new_btn);
      json_object_set_object_member (request_fields, "partial_port", partial);
    }

  if (self->check_result != NULL)
    {
      PortingCheckResult *result = self->check_result;
      JsonObject *check = json_object_new ();

      json_object_set_string_member (check, "verdict",
                                     porting_check_verdict_to_string (porting_check_result_get_verdict (result)));
      json_object_set_string_member (check, "name",
                                     porting_field_status_to_string (porting_check_result_get_field (result, PORTING_FIELD_NAME)->status));
      json_object_set_string_member (check, "address",
                                     porting_field_status_to_string (porting_check_result_get_field (result, PORTING_FIELD_ADDRESS)->status));
      json_object_set_object_member (request_fields, "document_check", check);
    }

  return g_steal_pointer (&request);
}

PortingLoaWriterData *
porting_port_in_form_dup_loa_data (PortingPortInForm *self,
                                   double             pad_width,
                                   double             pad_height)
{
  GPtrArray *numbers = porting_form_get_numbers (PORTING_FORM (self));
  PortingLoaWriterData *data;
  const PortingRegion *region;
  GDate today;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);

  region = porting_port_in_form_get_region (self);
  get_today (self, &today);

  data = porting_loa_writer_data_new ();
  data->customer_name = field_value (self, field_index ("customer-name"));
  data->authorized_person = field_value (self, field_index ("authorized-person"));
  data->street = field_value (self, field_index ("street"));
  data->unit = field_value (self, field_index ("unit"));
  data->city = field_value (self, field_index ("city"));
  data->region = g_strdup (region != NULL ? region->code : "");
  data->postal_code = field_value (self, field_index ("postal-code"));
  data->country = g_strdup (region != NULL ? region->country : "US");
  data->carrier = field_value (self, field_index ("carrier"));
  data->account_number = field_value (self, field_index ("account-number"));
  data->btn = parse_us_ca_number (self->btn);
  data->date = porting_port_date_to_iso (&today);

  for (guint i = 0; i < numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (number->valid)
        g_ptr_array_add (data->numbers, g_strdup (number->e164));
    }

  if (self->typed_signature_used)
    data->typed_signature = porting_text_dup_stripped (self->typed_signature);
  else
    {
      g_autoptr(GPtrArray) strokes = porting_port_in_form_dup_signature (self);

      for (guint i = 0; i < strokes->len; i++)
        {
          GArray *stroke = g_ptr_array_index (strokes, i);
          porting_loa_writer_data_add_stroke (data, (const PortingSignaturePoint *) (gpointer) stroke->data, stroke->len);
        }
      data->pad_width = pad_width;
      data->pad_height = pad_height;
    }

  return data;
}

/* ---- The Review step ------------------------------------------------------ */

void
porting_port_in_section_free (PortingPortInSection *section)
{
  if (section == NULL)
    return;

  g_free (section->title);
  g_ptr_array_unref (section->rows);
  g_free (section);
}

static void
summary_row_free (PortingPortInSummaryRow *row)
{
  g_free (row->title);
  g_free (row->value);
  g_free (row);
}

static PortingPortInSection *
add_section (GPtrArray         *sections,
             const char        *title,
             PortingPortInStep  step)
{
  PortingPortInSection *section = g_new0 (PortingPortInSection, 1);

  section->title = g_strdup (title);
  section->step = step;
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_row_free);
  g_ptr_array_add (sections, section);

  return section;
}

static void
add_row (PortingPortInSection *section,
         const char           *title,
         const char           *value)
{
  PortingPortInSummaryRow *row = g_new0 (PortingPortInSummaryRow, 1);

  row->title = g_strdup (title);
  row->value = g_strdup (value != NULL && *value != '\0' ? value : "—");
  g_ptr_array_add (section->rows, row);
}

static void
add_file_row (PortingPortInSection *section,
              const char           *title,
              GFile                *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  add_row (section, title, name);
}

static const char *
check_result_text (PortingCheckResult *result)
{
  if (result == NULL)
    return _("Not checked");

  switch (porting_check_result_get_verdict (result))
    {
    case PORTING_CHECK_VERDICT_MATCH:
      return _("The name and the address match");
    case PORTING_CHECK_VERDICT_REVIEW:
      return _("To be checked by our staff");
    case PORTING_CHECK_VERDICT_MISMATCH:
    default:
      return _("The name or the address differ: the port may be rejected");
    }
}

GPtrArray *
porting_port_in_form_dup_summary (PortingPortInForm *self)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_port_in_section_free);
  GPtrArray *all_numbers = porting_form_get_numbers (PORTING_FORM (self));
  g_autoptr(GString) numbers = g_string_new (NULL);
  PortingPortInSection *section;
  GDate date;

  g_return_val_if_fail (PORTING_IS_PORT_IN_FORM (self), NULL);

  for (guint i = 0; i < all_numbers->len; i++)
    {
      g_autofree char *formatted = porting_phone_number_format (g_ptr_array_index (all_numbers, i));

      if (numbers->len > 0)
        g_string_append_c (numbers, '\n');
      g_string_append (numbers, formatted);
    }
  section = add_section (sections, _("Numbers"), PORTING_PORT_IN_STEP_NUMBERS);
  add_row (section, ngettext ("Number to port", "Numbers to port", all_numbers->len), numbers->str);

  section = add_section (sections, _("Before You Port"), PORTING_PORT_IN_STEP_BEFORE);
  add_row (section, _("No contract, service stops"), self->contract ? _("Confirmed") : _("Not confirmed"));
  add_row (section, _("All the numbers on the account"), self->partial_port ? _("No, a partial port") : _("Yes"));
  if (self->partial_port && self->needs_new_btn)
    add_row (section, _("New billing telephone number"), self->new_btn);

  section = add_section (sections, _("Letter of Authorization"), PORTING_PORT_IN_STEP_LOA);
  if (!self->import_loa)
    {
      const PortingRegion *region = porting_port_in_form_get_region (self);
      g_autofree char *address = g_strdup_printf ("%s%s%s\n%s, %s %s",
                                                  self->street,
                                                  porting_text_is_blank (self->unit) ? "" : ", ",
                                                  self->unit,
                                                  self->city,
                                                  region != NULL ? region->code : "",
                                                  self->postal_code);

      add_row (section, _("Customer name"), self->customer_name);
      add_row (section, _("Authorized person"), self->authorized_person);
      add_row (section, _("Service address"), address);
      add_row (section, _("Current carrier"), self->carrier);
      add_row (section, _("Account number"), self->account_number);
      add_row (section, _("Billing telephone number"), self->btn);
    }
  if (porting_port_in_form_get_loa (self) != NULL)
    add_file_row (section, _("Signed LOA"), porting_port_in_form_get_loa (self));

  section = add_section (sections, _("Proof of Account"), PORTING_PORT_IN_STEP_PROOF);
  if (self->proof != NULL)
    add_file_row (section,
                  g_strcmp0 (self->proof_kind, "csr") == 0 ? _("Customer Service Record") : _("Latest invoice"),
                  self->proof);

  section = add_section (sections, _("Document Check"), PORTING_PORT_IN_STEP_CHECK);
  add_row (section, _("Result"), check_result_text (self->check_result));

  section = add_section (sections, _("Details"), PORTING_PORT_IN_STEP_DETAILS);
  add_row (section, _("Text messages (SMS)"), self->sms ? _("Yes") : _("No"));
  add_row (section, _("Wireless numbers"), self->wireless ? self->wireless_account : _("No"));
  if (porting_port_in_form_get_preferred_date (self, &date))
    {
      g_autofree char *text = porting_port_date_format (&date);
      add_row (section, _("Preferred port date"), text);
    }
  else
    add_row (section, _("Preferred port date"), _("As soon as possible"));

  return sections;
}

/* ---- Drafts and corrections ----------------------------------------------- */

static void
porting_port_in_form_load_draft (PortingForm *form,
                                 JsonObject  *draft)
{
  PortingPortInForm *self = PORTING_PORT_IN_FORM (form);
  g_autoptr(JsonObject) upgraded = NULL;

  /* Older drafts kept positions in the state list and in the proof kinds. */
  if (draft != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (draft);
      JsonNode *node;

      upgraded = json_object_new ();
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (upgraded, l->data, json_node_copy (json_object_get_member (draft, l->data)));

      node = json_object_get_member (draft, "region");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        {
          guint n_listed;
          const PortingRegion *listed = porting_region_get_listed (&n_listed);
          gint64 position = json_node_get_int (node);

          if (position >= 1 && position <= n_listed)
            json_object_set_string_member (upgraded, "region", listed[position - 1].code);
          else
            json_object_remove_member (upgraded, "region");
        }

      node = json_object_get_member (draft, "proof-kind");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        json_object_set_string_member (upgraded, "proof-kind", json_node_get_int (node) == 1 ? "csr" : "invoice");

      draft = upgraded;
    }

  PORTING_FORM_CLASS (porting_port_in_form_parent_class)->load_draft (form, draft);

  /* What is not in a draft starts again too. */
  g_object_set (self,
                "wireless-pin", "",
                "previous-request-id", NULL,
                "checking", FALSE,
                "check-result", NULL,
                NULL);
}

JsonObject *
porting_port_in_form_dup_request_draft (PortingRequest *request)
{
  JsonObject *draft = json_object_new ();
  g_auto(GStrv) numbers = NULL;
  JsonObject *request_fields;
  const char *date;

  g_return_val_if_fail (PORTING_IS_REQUEST (request), NULL);

  request_fields = porting_request_get_fields (request);

  numbers = porting_request_dup_numbers (request);
  if (numbers != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", numbers);
      json_object_set_string_member (draft, "numbers", joined);
    }
  json_object_set_boolean_member (draft, "sms", porting_request_get_boolean (request, "sms"));
  if ((date = porting_request_get_string (request, "preferred_date")) != NULL)
    json_object_set_string_member (draft, "preferred-date", date);

  /* The earlier LOA was refused: the customer fills and signs a new one. */
  json_object_set_boolean_member (draft, "import-loa", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value;

      if (fields[i].json == NULL || !g_str_has_prefix (fields[i].json, "loa.") ||
          (value = lookup_string (request_fields, fields[i].json)) == NULL)
        continue;

      if (g_str_equal (fields[i].field.name, "region"))
        {
          const PortingRegion *region = porting_region_lookup (value);

          if (region != NULL)
            json_object_set_string_member (draft, "region", region->code);
        }
      else
        json_object_set_string_member (draft, fields[i].field.name, value);
    }

  return draft;
}

const char *
porting_port_in_form_get_corrected_id (PortingRequest *request)
{
  g_return_val_if_fail (PORTING_IS_REQUEST (request), NULL);

  if (porting_request_get_id (request) != NULL)
    return porting_request_get_id (request);
  return porting_request_get_string (request, "previous_request_id");
}

void
porting_port_in_form_load_request (PortingPortInForm *self,
                                   PortingRequest    *request)
{
  g_autoptr(JsonObject) draft = NULL;

  g_return_if_fail (PORTING_IS_PORT_IN_FORM (self));
  g_return_if_fail (PORTING_IS_REQUEST (request));

  draft = porting_port_in_form_dup_request_draft (request);
  porting_form_load_draft (PORTING_FORM (self), draft);
  g_object_set (self, "previous-request-id", porting_port_in_form_get_corrected_id (request), NULL);
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
  form_class->to_request = porting_port_in_form_to_request;
  form_class->load_draft = porting_port_in_form_load_draft;
  form_class->get_documents = porting_port_in_form_get_documents;

  fields[field_index ("check-result")].field.object_type = PORTING_TYPE_CHECK_RESULT;
  porting_form_class_install_fields (form_class, &fields[0].field, G_N_ELEMENTS (fields), sizeof fields[0]);
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
