/* test-request.c — request model: JSON round trip, validation, PIN kept off disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "porting-request.h"

static const char port_in_json[] =
  "{\"kind\": \"port-in\","
  " \"numbers\": [\"+15105550142\", \"+15105550143\"],"
  " \"contract_acknowledged\": true, \"sms\": true,"
  " \"wireless\": {\"account_number\": \"WL-778812\", \"pin\": \"48151623\"},"
  " \"preferred_date\": \"2026-12-14\","
  " \"loa\": {\"customer_name\": \"Acme Widgets LLC\", \"authorized_person\": \"Dana Whitfield\","
  "   \"service_address\": {\"street\": \"1200 Harbor Boulevard\", \"unit\": \"Suite 400\", \"city\": \"Oakland\","
  "     \"region\": \"CA\", \"postal_code\": \"94607\", \"country\": \"US\"},"
  "   \"carrier\": \"NorthStar Telecom\", \"account_number\": \"8841-22017-5\", \"btn\": \"+15105550142\"},"
  " \"proof_kind\": \"invoice\","
  " \"document_check\": {\"verdict\": \"match\", \"name\": \"equivalent\", \"address\": \"equivalent\"}}";

static PortingRequest *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  PortingRequest *request = porting_request_new_from_json (json, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

static void
assert_invalid (PortingRequest *request,
                const char     *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *invalid_field = NULL;

  g_assert_false (porting_request_validate (request, &invalid_field, &error));
  g_assert_error (error, PORTING_REQUEST_ERROR, PORTING_REQUEST_ERROR_INVALID);
  g_assert_cmpstr (invalid_field, ==, field);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_round_trip (void)
{
  g_autoptr(PortingRequest) request = parse (port_in_json);
  g_autoptr(PortingRequest) again = NULL;
  g_autoptr(JsonNode) original = json_from_string (port_in_json, NULL);
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) numbers = NULL;

  g_assert_cmpint (porting_request_get_kind (request), ==, PORTING_REQUEST_KIND_PORT_IN);
  numbers = porting_request_dup_numbers (request);
  g_assert_cmpuint (g_strv_length (numbers), ==, 2);
  g_assert_cmpstr (numbers[1], ==, "+15105550143");
  g_assert_true (porting_request_get_boolean (request, "sms"));
  g_assert_cmpstr (porting_request_get_string (request, "preferred_date"), ==, "2026-12-14");
  g_assert_cmpstr (porting_request_get_wireless_pin (request), ==, "48151623");
  g_assert_true (porting_request_validate (request, NULL, NULL));

  /* The wire form is what came in, member for member. */
  json = porting_request_to_json (request, PORTING_REQUEST_JSON_FOR_SUBMIT);
  written = json_from_string (json, NULL);
  g_assert_true (json_node_equal (original, written));

  again = parse (json);
  g_assert_cmpstr (porting_request_get_wireless_pin (again), ==, "48151623");
}

static void
test_stored_form (void)
{
  const char stored_json[] =
    "{\"kind\": \"twilio-transfer\", \"numbers\": [\"+15105550142\"],"
    " \"twilio_account_sid\": \"AC0123456789abcdef0123456789abcdef\", \"time_frame\": \"next week\","
    " \"id\": \"5d3e\", \"status\": \"scheduled\", \"foc_date\": \"2026-12-18\","
    " \"created_at\": \"2026-11-27T10:00:00Z\", \"updated_at\": \"2026-11-28T09:00:00Z\","
    " \"history\": [{\"status\": \"submitted\", \"at\": \"2026-11-27T10:00:00Z\"},"
    "               {\"status\": \"scheduled\", \"at\": \"2026-11-28T09:00:00Z\"}],"
    " \"answer\": {\"provider_account_sid\": \"ACffffffffffffffffffffffffffffffff\", \"subaccount_sid\": null,"
    "             \"csr\": null, \"reason\": null}}";
  g_autoptr(PortingRequest) request = parse (stored_json);
  g_autoptr(PortingRequest) copy = NULL;
  g_autofree char *submit = NULL;
  g_autofree char *stored = NULL;

  g_assert_cmpint (porting_request_get_kind (request), ==, PORTING_REQUEST_KIND_TWILIO_TRANSFER);
  g_assert_cmpstr (porting_request_get_id (request), ==, "5d3e");
  g_assert_cmpint (porting_request_get_status (request), ==, PORTING_REQUEST_STATUS_SCHEDULED);
  g_assert_cmpstr (porting_request_get_foc_date (request), ==, "2026-12-18");
  g_assert_cmpuint (json_array_get_length (porting_request_get_history (request)), ==, 2);
  g_assert_cmpstr (porting_request_get_answer_string (request, "provider_account_sid"), ==,
                   "ACffffffffffffffffffffffffffffffff");
  g_assert_null (porting_request_get_answer_string (request, "csr"));
  g_assert_true (porting_request_validate (request, NULL, NULL));

  /* What is sent never carries what the service owns. */
  submit = porting_request_to_json (request, PORTING_REQUEST_JSON_FOR_SUBMIT);
  g_assert_null (strstr (submit, "5d3e"));
  g_assert_null (strstr (submit, "history"));

  stored = porting_request_to_json (request, PORTING_REQUEST_JSON_STORED);
  copy = parse (stored);
  g_assert_cmpstr (porting_request_get_id (copy), ==, "5d3e");
  g_assert_cmpint (porting_request_get_status (copy), ==, PORTING_REQUEST_STATUS_SCHEDULED);
  g_assert_cmpstr (porting_request_get_updated_at (copy), ==, "2026-11-28T09:00:00Z");
}

static void
test_pin_never_on_disk (void)
{
  g_autoptr(PortingRequest) request = parse (port_in_json);
  g_autoptr(PortingRequest) restored = NULL;
  g_autoptr(PortingRequest) copy = NULL;
  g_autofree char *disk = porting_request_to_json (request, PORTING_REQUEST_JSON_DEFAULT);
  g_autofree char *stored = porting_request_to_json (request, PORTING_REQUEST_JSON_STORED | PORTING_REQUEST_JSON_PRETTY);
  g_autofree char *wire = porting_request_to_json (request, PORTING_REQUEST_JSON_FOR_SUBMIT);
  g_autofree char *fields = NULL;
  g_autoptr(JsonNode) fields_node = NULL;

  g_assert_null (strstr (disk, "48151623"));
  g_assert_null (strstr (stored, "48151623"));
  g_assert_nonnull (strstr (disk, "WL-778812"));
  g_assert_nonnull (strstr (wire, "48151623"));

  /* Nor through the editable members. */
  fields_node = json_node_init_object (json_node_alloc (), porting_request_get_fields (request));
  fields = json_to_string (fields_node, FALSE);
  g_assert_null (strstr (fields, "48151623"));

  /* Back from disk it is a wireless port that must ask for its PIN again. */
  restored = parse (disk);
  g_assert_true (porting_request_is_wireless (restored));
  g_assert_true (porting_request_needs_pin (restored));
  assert_invalid (restored, "wireless.pin");
  porting_request_set_wireless_pin (restored, "48151623");
  g_assert_false (porting_request_needs_pin (restored));
  g_assert_true (porting_request_validate (restored, NULL, NULL));

  copy = porting_request_copy (request);
  g_assert_cmpstr (porting_request_get_wireless_pin (copy), ==, "48151623");
}

static void
test_validation (void)
{
  g_autoptr(PortingRequest) request = parse (port_in_json);
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  g_autoptr(PortingRequest) unknown = NULL;
  g_autoptr(PortingRequest) transfer = porting_request_new (PORTING_REQUEST_KIND_TWILIO_TRANSFER);
  g_autoptr(PortingRequest) port_out = porting_request_new (PORTING_REQUEST_KIND_PORT_OUT);
  g_autoptr(PortingRequest) inquiry = porting_request_new (PORTING_REQUEST_KIND_INTERNATIONAL_INQUIRY);
  JsonObject *loa;

  porting_request_set_numbers (request, (const char *[]) { "+15105550142", "510-555-0143", NULL });
  assert_invalid (request, "numbers");
  porting_request_set_numbers (request, (const char *[]) { "+442079460958", NULL });
  assert_invalid (request, "numbers");
  porting_request_set_numbers (request, NULL);
  assert_invalid (request, "numbers");
  porting_request_set_numbers (request, (const char *[]) { "+15105550142", NULL });
  g_assert_true (porting_request_validate (request, NULL, NULL));

  porting_request_set_boolean (request, "contract_acknowledged", FALSE);
  assert_invalid (request, "contract_acknowledged");
  porting_request_set_boolean (request, "contract_acknowledged", TRUE);

  porting_request_set_string (request, "preferred_date", "2026-02-30");
  assert_invalid (request, "preferred_date");
  porting_request_set_string (request, "preferred_date", NULL);
  g_assert_true (porting_request_validate (request, NULL, NULL));

  loa = json_object_get_object_member (porting_request_get_fields (request), "loa");
  json_object_set_string_member (loa, "customer_name", "  ");
  assert_invalid (request, "loa.customer_name");

  unknown = porting_request_new_from_json ("{\"kind\": \"teleport\"}", -1, &field, &error);
  g_assert_null (unknown);
  g_assert_error (error, PORTING_REQUEST_ERROR, PORTING_REQUEST_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "kind");
  g_clear_error (&error);

  unknown = porting_request_new_from_json ("{\"kind\": ", -1, NULL, &error);
  g_assert_null (unknown);
  g_assert_error (error, PORTING_REQUEST_ERROR, PORTING_REQUEST_ERROR_MALFORMED);
  g_clear_error (&error);

  unknown = porting_request_new_from_json ("[1, 2]", -1, NULL, &error);
  g_assert_error (error, PORTING_REQUEST_ERROR, PORTING_REQUEST_ERROR_MALFORMED);

  porting_request_set_numbers (transfer, (const char *[]) { "+15105550142", NULL });
  porting_request_set_string (transfer, "twilio_account_sid", "AC123");
  assert_invalid (transfer, "twilio_account_sid");
  porting_request_set_string (transfer, "twilio_account_sid", "AC0123456789abcdef0123456789abcdef");
  g_assert_true (porting_request_validate (transfer, NULL, NULL));

  porting_request_set_numbers (port_out, (const char *[]) { "+15105550142", NULL });
  porting_request_set_boolean (port_out, "contract_acknowledged", TRUE);
  assert_invalid (port_out, "gaining_provider");
  porting_request_set_string (port_out, "gaining_provider", "Another Carrier");
  porting_request_set_boolean (port_out, "gaining_is_twilio", FALSE);
  g_assert_true (porting_request_validate (port_out, NULL, NULL));

  assert_invalid (inquiry, "number");
  porting_request_set_string (inquiry, "number", "+442079460958");
  porting_request_set_string (inquiry, "country", "GB");
  g_assert_true (porting_request_validate (inquiry, NULL, NULL));
}

static void
test_statuses (void)
{
  const char *names[] = {
    "submitted", "in-review", "action-required", "approved", "submitted-to-carrier",
    "scheduled", "completed", "rejected", "cancelled",
  };
  const char *kinds[] = { "port-in", "twilio-transfer", "port-out", "international-inquiry", "byoc-inquiry" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      PortingRequestStatus status;

      g_assert_true (porting_request_status_from_string (names[i], &status));
      g_assert_cmpstr (porting_request_status_to_string (status), ==, names[i]);
      g_assert_cmpuint (strlen (porting_request_status_get_title (status)), >, 3);
      /* One sentence, ending like one. */
      g_assert_true (g_str_has_suffix (porting_request_status_get_explanation (status), "."));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      PortingRequestKind kind;

      g_assert_true (porting_request_kind_from_string (kinds[i], &kind));
      g_assert_cmpstr (porting_request_kind_to_string (kind), ==, kinds[i]);
    }
  {
    PortingRequestStatus status;
    g_assert_false (porting_request_status_from_string ("lost", &status));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/request/round-trip", test_round_trip);
  g_test_add_func ("/request/stored-form", test_stored_form);
  g_test_add_func ("/request/pin-never-on-disk", test_pin_never_on_disk);
  g_test_add_func ("/request/validation", test_validation);
  g_test_add_func ("/request/statuses", test_statuses);

  return g_test_run ();
}
