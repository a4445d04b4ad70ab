"""Part 1: LOA + proof pairs that look like what customers send (issue 11).

Every name, address, carrier and account number here is invented. Each case says what
the check must give (DESIGN §3.2–3.4a); cases.json is written from this file.
"""

TODAY = "2026-11-10"
WARNINGS = ["loa-unsigned", "proof-date-not-found", "proof-older-than-30-days"]


def items(numbers, desc="Business line, unlimited local and long distance", start=29.99, fr=False):
    if fr:
        return [(n, desc, f"{start + 4 * i:.2f} $".replace(".", ",")) for i, n in enumerate(numbers)]
    return [(n, desc, f"${start + 4 * i:.2f}") for i, n in enumerate(numbers)]


# Carriers: how they print themselves and where they take payments.
RIDGELINE = dict(carrier="Ridgeline Telecom", logo=("Ridgeline", "TELECOM"), color="#1b5e7a",
                 remit=["Ridgeline Telecom", "PO Box 9120", "Denver, CO 80291-9120"],
                 footer="Ridgeline Telecom · ridgeline.example · Customer care 1-888-555-0142")
CASCADIA = dict(carrier="Cascadia Voice", logo=("Cascadia", "VOICE"), color="#2f6b3a",
                remit=["Cascadia Voice", "Dept. 4471", "PO Box 34936", "Seattle, WA 98124-1936"],
                footer="Cascadia Voice — questions about this bill: 1-877-555-0110")
LONE_MESA = dict(carrier="Lone Mesa Telecom", logo="Lone Mesa Telecom", color="#9a4b16",
                 remit=["Lone Mesa Telecom", "PO Box 26140", "Albuquerque, NM 87125-6140"],
                 footer="Lone Mesa Telecom, serving New Mexico since 1962")
PRAIRIE = dict(carrier="Prairie Wire Communications", logo=("Prairie Wire", "COMMUNICATIONS"), color="#6b4f1d",
               remit=None, footer="Prairie Wire Communications · 1-800-555-0175")
SUNBELT = dict(carrier="Sunbelt Digital Voice", logo="SUNBELT DIGITAL VOICE", color="#b0451a",
               remit=["SUNBELT DIGITAL VOICE", "PO BOX 660412", "DALLAS TX 75266-0412"],
               footer="Sunbelt Digital Voice - billing inquiries 1-866-555-0101")
GRANITE = dict(carrier="Granite Peak Telephone", logo=("Granite Peak", "TELEPHONE"), color="#4a4f57",
               remit=["Granite Peak Telephone", "PO Box 5108", "Manchester, NH 03108-5108"],
               footer="Granite Peak Telephone · granitepeak.example")
HEARTLAND = dict(carrier="Heartland Fibervoice", logo="Heartland Fibervoice", color="#8a1c2b",
                 remit=["Heartland Fibervoice", "PO Box 219088", "Kansas City, MO 64121-9088"],
                 footer="Heartland Fibervoice, Kansas City")
CUYAHOGA = dict(carrier="Cuyahoga Valley Telephone", logo=("Cuyahoga Valley", "TELEPHONE"), color="#1d4e89",
                remit=["Cuyahoga Valley Telephone", "PO Box 71822", "Cleveland, OH 44191-1822"],
                footer="Cuyahoga Valley Telephone · 1-855-555-0188")
BOREAL = dict(carrier="Boreal Telecom", logo="Boreal Telecom", color="#20506b",
              remit=["Boreal Telecom", "PO Box 2480, Station M", "Calgary, AB T2P 3B6"],
              footer="Boreal Telecom Inc. · boreal.example")
LAURENTIDE = dict(carrier="Laurentide Télécom", logo=("Laurentide", "TÉLÉCOM"), color="#0b5c8c", lang="fr",
                  header_lines=["C.P. 6200, succursale Centre-ville", "Montréal (Québec) H3C 4L3"],
                  remit=None, footer="Laurentide Télécom · Service à la clientèle : 1 877 555-0160")
KESTREL = dict(carrier="Kestrel Communications", logo="KESTREL COMMUNICATIONS", color="#333333",
               remit=["KESTREL COMMUNICATIONS", "PO BOX 4400 STN A", "MISSISSAUGA ON L5A 3X2"],
               footer="Kestrel Communications Inc.")
LAKESHORE = dict(carrier="Lakeshore Telecom", logo=("Lakeshore", "TELECOM"), color="#175e54",
                 remit=["Lakeshore Telecom", "PO Box 1710, Station B", "London, ON N6A 5H9"],
                 footer="Lakeshore Telecom · 1-844-555-0177")
MIDLAND = dict(carrier="Midland Exchange Telephone")
TIDEWATER = dict(carrier="Tidewater Networks", logo="TIDEWATER NETWORKS", color="#14466b",
                 remit=["TIDEWATER NETWORKS", "PO BOX 79310", "NORFOLK VA 23501-9310"],
                 footer="Tidewater Networks, Norfolk, Virginia")
SAGUARO = dict(carrier="Saguaro Communications", logo=("Saguaro", "COMMUNICATIONS"), color="#56701f",
               remit=["Saguaro Communications", "PO Box 53310", "Phoenix, AZ 85072-3310"],
               footer="Saguaro Communications · saguaro.example")
BLUEWATER = dict(carrier="Bluewater Communications", logo=("Bluewater", "COMMUNICATIONS"), color="#0f4c81",
                 remit=["Bluewater Communications", "PO Box 33018", "Detroit, MI 48232-5018"],
                 footer="Bluewater Communications · 1-800-555-0193")
BIG_SKY = dict(carrier="Big Sky Telephone", logo="Big Sky Telephone", color="#3c5a99",
               remit=["Big Sky Telephone", "PO Box 30610", "Billings, MT 59107-0610"],
               footer="Big Sky Telephone Cooperative member services")


def bill(carrier, **kw):
    b = dict(carrier)
    b.update(kw)
    b.setdefault("items", [])
    return b


def expect(verdict="match", name="exact", address="exact", account="exact", btn=None, carrier="exact",
           source="text", present=(), today=TODAY):
    e = {"verdict": verdict, "name": name, "address": address}
    if account:
        e["account_number"] = account
    if btn:
        e["btn"] = btn
    if carrier:
        e["carrier"] = carrier
    e["source"] = {"name": source, "address": source}
    e["warnings_present"] = list(present)
    e["warnings_absent"] = [w for w in WARNINGS if w not in present]
    return e


CASES = []


def case(id, loa_producer, loa, proof_producer, proof, exp, loa_address=None, today=TODAY, note=""):
    CASES.append(dict(id=id, loa_producer=loa_producer, loa=loa, proof_producer=proof_producer, proof=proof,
                      expect=exp, loa_address=loa_address, today=today, note=note))


# ---- Bill To beside Remit Payment To, and other bill layouts ---------------------------------------

n = ["(303) 555-0182", "(303) 555-0183", "(303) 555-0190"]
case("billto-remit-exact", "chromium",
     dict(name="Cedar Ridge Dental Group PLLC", person="Anika Sorensen", street="1450 Larkspur Ave, Suite 210",
          city_line="Boulder, CO 80302", carrier="Ridgeline Telecom", account="4417-2290-18", btn=n[0],
          numbers=n, date="2026-11-04", signature="drawn"),
     "chromium",
     bill(RIDGELINE, name="Cedar Ridge Dental Group PLLC", addr=["1450 Larkspur Ave", "Suite 210", "Boulder, CO 80302"],
          account="4417-2290-18", btn=n[0], date_label="Invoice date", date="Nov 1, 2026",
          due=("Payment due", "Nov 21, 2026"), amount="$214.85", items=items(n)),
     expect(btn="exact"),
     note="Bill To and Remit Payment To on the same lines; the address on three lines")

n = ["(503) 555-0116", "(503) 555-0117"]
case("billto-remit-equivalent", "libreoffice",
     dict(name="Alder and Finch Bookbinders, Inc.", person="Theo Lindqvist",
          street="2716 Southeast Division Street, Unit 4", city_line="Portland, Oregon 97202",
          carrier="Cascadia Voice", account="CV-77120934", btn=n[0], numbers=n, date="2026-11-03", signature="image"),
     "chromium",
     bill(CASCADIA, name="ALDER & FINCH BOOKBINDERS INC", addr=["2716 SE DIVISION ST UNIT 4", "PORTLAND OR 97202-1534"],
          account="CV-77120934", btn=n[0], date_label="Bill date", date="2026-11-01", amount="$96.40", items=items(n)),
     expect(name="equivalent", address="equivalent", btn="exact"),
     note="LOA labels with hints that wrap in their table cell; & = and; SE, ST, OR, ZIP+4")

n = ["(505) 555-0127"]
case("remit-left", "cairo",
     dict(name="Marisol Etxeberria", person="Marisol Etxeberria", street="87 Juniper Hollow Lane, Apt 3B",
          city_line="Santa Fe, NM 87505", carrier="Lone Mesa Telecom", account="552 018 7734", btn=n[0],
          numbers=n, date="2026-11-05", signature="drawn"),
     "chromium",
     bill(LONE_MESA, layout="remit-left", remit_label="Remit To", bill_to_label="Bill To",
          name="MARISOL ETXEBERRIA", addr=["87 JUNIPER HOLLOW LN APT 3B", "SANTA FE NM 87505"],
          account="552 018 7734", btn=n[0], date_label="Statement Date", date="11/01/2026", amount="$64.12",
          items=items(n, "Residential line with voicemail", 38.50)),
     expect(address="equivalent", btn="exact", name="equivalent"),
     note="Remit To on the left, Bill To on the right; a person, not a business")

n = ["(785) 555-0163", "(785) 555-0164", "(785) 555-0168"]
case("payment-coupon", "groff",
     dict(name="Hollis Grain & Feed Co.", person="Ruth Hollis", street="1180 E Iron Ave", city_line="Salina, KS 67401",
          carrier="Prairie Wire Communications", account="300918274", btn=n[0], numbers=n, date="2026-11-04",
          signature="drawn"),
     "libreoffice",
     bill(PRAIRIE, layout="coupon", bill_to_label="Account Name and Service Address", name="Hollis Grain & Feed Co.",
          addr=["1180 E Iron Ave", "Salina, KS 67401"], account="300918274", btn=n[0], date_label="Bill date",
          date="2026-11-01", due=("Due date", "2026-11-20"), amount="$158.27", items=items(n), coupon_gap=4,
          coupon=dict(note="Please detach and return this portion with your payment. Make checks payable to Prairie Wire Communications.",
                      pairs=[("Account number", "300918274"), ("Amount due", "$158.27"), ("Amount enclosed", "$________")],
                      address=["Prairie Wire Communications", "PO Box 4410", "Salina, KS 67402-4410"])),
     expect(btn="exact"),
     note="Payment coupon at the bottom with the carrier's address, in the customer's own city")

n = ["(915) 555-0148", "(915) 555-0149"]
case("statement-customer-remit", "chromium",
     dict(name="Delgado Auto Glass LLC", person="Ramon Delgado", street="3302 N Stanton St", city_line="El Paso, TX 79902",
          carrier="Sunbelt Digital Voice", account="SDV-4410-2291", btn=n[0], numbers=n, date="2026-11-04",
          signature="cursive"),
     "postscript",
     bill(SUNBELT, bill_to_label="CUSTOMER", remit_label="REMIT TO", name="DELGADO AUTO GLASS LLC",
          addr=["3302 N STANTON ST", "EL PASO TX 79902"], account="SDV-4410-2291", account_label="Account No",
          btn="915-555-0148", btn_label="BTN", date_label="Statement date", date="11/01/2026", amount="$118.06",
          tagline="Voice and data for business", items=items(["915-555-0148", "915-555-0149"])),
     expect(address="equivalent", btn="exact|equivalent", name="equivalent"),
     note="A PostScript statement: CUSTOMER block beside REMIT TO; the LOA signed with a typed cursive name")

# ---- Fillable LOA forms -------------------------------------------------------------------------------------

n = ["(617) 555-0140", "(617) 555-0141", "(617) 555-0145", "(617) 555-0146"]
case("form-appearances", "pdf-lib-appearances",
     dict(name="Northgate Physical Therapy, Inc.", person="Colleen Brophy", street="960 Commonwealth Ave, Floor 3",
          city_line="Boston, MA 02215", carrier="Granite Peak Telephone", account="0091447122", btn=n[0],
          numbers=n, date="2026-11-03", signature="field"),
     "chromium",
     bill(GRANITE, name="NORTHGATE PHYSICAL THERAPY INC", addr=["960 COMMONWEALTH AVE FL 3", "BOSTON MA 02215-1309"],
          account="0091447122", btn=n[0], date_label="Invoice date", date="October 30, 2026", amount="$301.77",
          items=items(n)),
     expect(name="equivalent", address="equivalent", btn="exact", source="form"),
     note="AcroForm filled in a viewer, not flattened, appearance streams written; signed in its signature field")

n = ["(816) 555-0171", "(816) 555-0172"]
case("form-need-appearances", "pdf-lib-need-appearances",
     dict(name="Okafor Family Medicine", person="Chidi Okafor", street="4120 Wornall Rd, Suite 300",
          city_line="Kansas City, MO 64111", carrier="Heartland Fibervoice", account="81-2290417", btn=n[0],
          numbers=n, date="2026-11-04", signature="typed-field"),
     "libreoffice",
     bill(HEARTLAND, name="Okafor Family Medicine", addr=["4120 Wornall Rd, Suite 300", "Kansas City, MO 64111"],
          account="81-2290417", btn=n[0], date_label="Invoice Date", date="November 2, 2026", amount="$122.48",
          items=items(n)),
     expect(btn="exact", source="form"),
     note="AcroForm filled, not flattened, no appearance streams (NeedAppearances); signature typed in a text field")

n = ["(802) 555-0133", "(802) 555-0134"]
case("form-flattened", "pdf-lib-flattened",
     dict(name="Bramble & Oak Interiors LLC", person="Imogen Castellano", street="5 Tremont Ave, Suite 12",
          city_line="Burlington, VT 05401", carrier="Granite Peak Telephone", account="0057310928", btn=n[0],
          numbers=n, date="2026-11-02", signature="field"),
     "groff",
     bill(GRANITE, logo="Granite Peak Telephone", name="BRAMBLE & OAK INTERIORS LLC",
          addr=["5 TREMONT AVE STE 12", "BURLINGTON VT 05401"], account="0057310928", btn=n[0],
          date_label="Bill date", date="Oct 31, 2026", amount="$88.10", items=items(n)),
     expect(address="equivalent", btn="exact", name="equivalent"),
     note="The same kind of form, flattened: the values and the ink are page content now")

n = ["(614) 555-0129", "(614) 555-0130", "(614) 555-0131"]
case("form-split-city", "pdf-lib-appearances",
     dict(name="Fenwick Orthodontics PC", person="Priya Raman", street="2201 Fenwick Rd, Building B, Suite 140",
          city="Columbus", state="OH", zip="43215", split_city=True, numbers_one_field=False,
          carrier="Cuyahoga Valley Telephone", account="CVT-208-44917", btn=n[0], numbers=n, date="2026-11-05",
          signature="field"),
     "chromium",
     bill(CUYAHOGA, name="FENWICK ORTHODONTICS PC", addr=["2201 FENWICK RD", "BLDG B", "STE 140", "COLUMBUS OH 43215-2208"],
          account="CVT-208-44917", btn=n[0], date_label="Invoice date", date="Nov 1, 2026", amount="$176.92",
          items=items(n)),
     expect(address="equivalent", btn="exact", source="form", name="equivalent"),
     loa_address="2201 Fenwick Rd, Building B, Suite 140, Columbus, OH 43215",
     note="Separate City / State / ZIP fields, one field per number; the bill's address on four lines")

n = ["(780) 555-0152", "(780) 555-0153"]
case("form-canada", "pdf-lib-appearances",
     dict(name="Prairie Sky Veterinary Clinic Ltd.", person="Gurpreet Sandhu", street="10234 104 St NW, Unit 210",
          city_line="Edmonton, AB T5J 1B2", carrier="Boreal Telecom", account="BT-5531-0072", btn=n[0], numbers=n,
          date="2026-11-04", signature="field"),
     "cairo",
     bill(BOREAL, name="PRAIRIE SKY VETERINARY CLINIC LIMITED", addr=["10234 104 STREET NW UNIT 210", "EDMONTON AB T5J1B2"],
          account="BT-5531-0072", btn=n[0], date_label="Invoice Date", date="2026-11-02", amount="$142.30",
          items=items(n)),
     expect(name="equivalent", address="equivalent", btn="exact", source="form"),
     note="Alberta: Ltd = Limited, postal code without the space, a cairo-drawn bill with boxes")

# ---- French ------------------------------------------------------------------------------------------------

n = ["819 555-0114", "819 555-0115"]
case("french-loa-quebec-bill", "libreoffice",
     dict(lang="fr", title="Lettre d'autorisation", name="Boulangerie Lachance & Frères inc.", person="Hélène Lachance",
          street="312, rue King Ouest, local 5", city="Sherbrooke", state="Québec", zip="J1H 1R4",
          carrier="Laurentide Télécom", account="LT-80412-339", btn="(819) 555-0114", numbers=n, date="2026-11-04",
          signature="image"),
     "chromium",
     bill(LAURENTIDE, title="Facture", bill_to_label="Facturé à", name="BOULANGERIE LACHANCE & FRÈRES INC.",
          addr=["312, rue King Ouest, local 5", "Sherbrooke (Québec) J1H 1R4"], account_label="Numéro de compte",
          account="LT-80412-339", btn_label="Numéro de téléphone de facturation", btn="819 555-0114",
          date_label="Date de facturation", date="1er novembre 2026", due=("Date d'échéance", "21 novembre 2026"),
          amount="84,35 $", items=items(n, "Ligne d'affaires, interurbains illimités", fr=True), previous="0,00 $"),
     expect(address="equivalent", btn="exact|equivalent", name="equivalent"),
     loa_address="312, rue King Ouest, local 5, Sherbrooke, Québec J1H 1R4",
     note="A French LOA (Lettre d'autorisation, French labels) and a Québec bill in French")

n = ["(514) 555-0168", "(514) 555-0169"]
case("english-loa-quebec-bill", "chromium",
     dict(name="Studio Graphique Vega Inc.", person="Olivier Vega", street="2250 Sainte-Catherine St E, Suite 310",
          city_line="Montreal, QC H2K2J1", carrier="Laurentide Telecom", account="LT-80977-104", btn=n[0],
          numbers=n, date="2026-11-02", signature="drawn"),
     "libreoffice",
     bill(LAURENTIDE, title="Facture", bill_to_label="Facturé à", name="STUDIO GRAPHIQUE VÉGA INC.",
          addr=["2250, rue Sainte-Catherine Est, bureau 310", "Montréal (Québec) H2K 2J1"],
          account_label="Numéro de compte", account="LT-80977-104", btn_label="Numéro de téléphone de facturation",
          btn="514 555-0168", date_label="Date de la facture", date="28 octobre 2026", amount="211,90 $",
          items=items(n, "Ligne d'affaires", fr=True), previous="0,00 $"),
     expect(name="equivalent", address="equivalent", btn="exact|equivalent", carrier="equivalent"),
     note="An LOA writing the Québec address the English way against the French bill: equivalent")

n = ["(418) 555-0122"]
case("french-address-english-bill", "chromium",
     dict(name="Geneviève Ouellet-Baril", person="Geneviève Ouellet-Baril", street="1840, chemin Sainte-Foy, app. 12",
          city_line="Québec (Québec) G1S 2P1", carrier="Kestrel Communications", account="KC 4471 0093 2", btn=n[0],
          numbers=n, date="2026-11-05", signature="drawn"),
     "postscript",
     bill(KESTREL, bill_to_label="ACCOUNT HOLDER", remit_label="REMIT TO", name="GENEVIEVE OUELLET-BARIL",
          addr=["1840 CH STE-FOY APT 12", "QUEBEC QC G1S2P1"], account="KC 4471 0093 2", account_label="Account",
          date_label="Bill date", date="Nov. 3, 2026", amount="$58.65", tagline="Home phone and internet",
          items=items(n, "Home phone, Canada-wide calling", 35.00)),
     expect(name="equivalent", address="equivalent"),
     note="French civic address and accents on the LOA, an English uppercase bill: chemin = CH, Sainte = STE, app. = APT")

# ---- Long addresses, several pages, CSRs ----------------------------------------------------------------

n = ["(207) 555-0150", "(207) 555-0151", "(207) 555-0152", "(207) 555-0153", "(207) 555-0159"]
case("multi-page", "chromium",
     dict(name="Seabright Marine Supply LLC", person="Nathaniel Pryor", street="44 Commercial Street, Floor 2",
          city_line="Portland, ME 04101", carrier="Granite Peak Telephone", account="0063018844", btn=n[0],
          numbers=n, date="2026-11-03", signature="drawn"),
     "libreoffice",
     bill(GRANITE, logo="Granite Peak Telephone", name="Seabright Marine Supply LLC",
          addr=["44 Commercial St", "Floor 2", "Portland, ME 04101"], account="0063018844", btn=n[0],
          date_label="Invoice date", date="Nov 1, 2026", amount="$402.15", items=items(n), detail_pages=2,
          call_city="PORTLAND ME"),
     expect(address="equivalent", btn="exact"),
     note="Three pages: the customer block on page 1, call detail on pages 2 and 3")

n = ["(630) 555-0191", "(630) 555-0192"]
case("csr-groff", "chromium",
     dict(name="Willowbrook Family Dentistry", person="Marta Jablonski", street="9 Willowbrook Ct, Suite 1A",
          city_line="Naperville, IL 60540", carrier="Midland Exchange Telephone", account="8830-1172", btn=n[0],
          numbers=n, date="2026-11-04", signature="image"),
     "groff-csr",
     dict(carrier="Midland Exchange Telephone", run_date="11/02/26",
          fields=[("BTN", "630-555-0191"), ("BILLING NAME", "WILLOWBROOK FAMILY DENTISTRY"),
                  ("SERVICE ADDRESS", ["9 WILLOWBROOK CT STE 1A", "NAPERVILLE IL 60540"]),
                  ("ACCOUNT NUMBER", "8830-1172"), ("CUSTOMER CODE", "412"), ("PIC", "0288")],
          wtns=[("630-555-0191", "ACTIVE"), ("630-555-0192", "ACTIVE")]),
     expect(address="equivalent", btn="exact|equivalent", name="equivalent", carrier="equivalent"),
     note="A CSR typeset with tbl: BILLING NAME, SERVICE ADDRESS, BTN, RUN DATE 11/02/26")

n = ["(219) 555-0108", "(219) 555-0109", "(219) 555-0110"]
case("csr-postscript", "libreoffice",
     dict(name="Kowalczyk Plumbing & Heating Inc", person="Stan Kowalczyk", street="7718 W Lincoln Highway",
          city_line="Merrillville, IN 46410", carrier="Midland Exchange Telephone", account="6120-0457", btn=n[0],
          numbers=n, date="2026-11-05", signature="image"),
     "postscript-csr",
     dict(carrier="Midland Exchange Telephone", run_date="11/03/2026",
          fields=[("BILLING NAME", "KOWALCZYK PLUMBING AND HEATING INC"),
                  ("SERVICE ADDRESS", ["7718 W LINCOLN HWY", "MERRILLVILLE IN 46410"]), ("BTN", "219 555-0108"),
                  ("ACCOUNT", "6120-0457"), ("LOCAL SERVICE", "BUSINESS 3 LINES")],
          wtns=[("219 555-0108", "ACTIVE"), ("219 555-0109", "ACTIVE"), ("219 555-0110", "ACTIVE")]),
     expect(name="equivalent", address="equivalent", btn="exact|equivalent", carrier="equivalent"),
     note="A CSR in Courier with dotted leaders; & = AND, Highway = HWY")

n = ["(416) 555-0184", "(416) 555-0185"]
case("three-line-address-ontario", "cairo",
     dict(name="Lakeview Physiotherapy Clinic Inc.", person="Daniel Oyelaran", street="1870 Bloor St W, Unit 204",
          city_line="Toronto, ON M6P 3K8", carrier="Lakeshore Telecom", account="LS-330-18842", btn=n[0],
          numbers=n, date="2026-11-03", signature="drawn"),
     "chromium",
     bill(LAKESHORE, name="Lakeview Physiotherapy Clinic Inc.", addr=["1870 Bloor St W", "Unit 204", "Toronto, ON M6P 3K8"],
          account="LS-330-18842", btn=n[0], date_label="Invoice date", date="Nov 1, 2026", amount="$133.70",
          items=items(n)),
     expect(btn="exact"),
     note="Street, unit and city on three lines of the bill: the same characters, so exact")

# ---- Names ----------------------------------------------------------------------------------------------

n = ["(404) 555-0126", "(404) 555-0127"]
case("name-leading-the", "chromium",
     dict(name="The Copper Kettle Bakery, Inc.", person="Lorraine Whitaker", street="615 Ponce de Leon Ave NE, Suite 3",
          city_line="Atlanta, GA 30308", carrier="Sunbelt Digital Voice", account="SDV-7730-0518", btn=n[0],
          numbers=n, date="2026-11-02", signature="drawn"),
     "chromium",
     bill(SUNBELT, layout="remit-left", remit_label="Remit Payment To", name="COPPER KETTLE BAKERY INC",
          addr=["615 PONCE DE LEON AVE NE STE 3", "ATLANTA GA 30308"], account="SDV-7730-0518", btn=n[0],
          date_label="Invoice date", date="Oct 29, 2026", amount="$79.95", items=items(n)),
     expect(name="equivalent", address="equivalent", btn="exact"),
     note="A leading The and a comma before the suffix on the LOA, neither on the bill")

n = ["(919) 555-0138", "(919) 555-0139"]
case("name-the-on-bill", "libreoffice",
     dict(name="Pinecrest Veterinary Clinic LLC", person="Yolanda Burris", street="2204 Pinecrest Rd",
          city_line="Raleigh, NC 27604", carrier="Tidewater Networks", account="TN-0448-21907", btn=n[0],
          numbers=n, date="2026-11-04", signature="cursive"),
     "postscript",
     bill(TIDEWATER, bill_to_label="CUSTOMER", remit_label="REMIT TO", name="THE PINECREST VETERINARY CLINIC, LLC",
          addr=["2204 PINECREST RD", "RALEIGH, NC 27604"], account="TN-0448-21907", account_label="Account",
          btn="(919) 555-0138", btn_label="Billing telephone number", date_label="Statement date", date="Oct 30, 2026",
          amount="$101.24", items=items(n)),
     expect(name="equivalent", btn="exact", address="equivalent"),
     note="The other way round: The and the comma on the bill; the LOA signed with a cursive name")

# ---- Signatures and warnings --------------------------------------------------------------------------------

n = ["(602) 555-0119", "(602) 555-0120"]
case("signature-image", "chromium",
     dict(name="Quintero Landscaping LLC", person="Esteban Quintero", street="3917 E Thomas Rd",
          city_line="Phoenix, AZ 85018", carrier="Saguaro Communications", account="SC-118-20457", btn=n[0],
          numbers=n, date="2026-11-03", signature="image"),
     "libreoffice",
     bill(SAGUARO, layout="remit-left", name="Quintero Landscaping LLC", addr=["3917 E Thomas Rd", "Phoenix, AZ 85018"],
          account="SC-118-20457", btn=n[0], date_label="Statement date", date="October 29, 2026", amount="$92.18",
          items=items(n)),
     expect(btn="exact"),
     note="The LOA signed with an embedded picture of the signature")

n = ["(971) 555-0103"]
case("signature-cursive", "libreoffice",
     dict(name="Ellery Nakamura-Price", person="Ellery Nakamura-Price", street="2045 NW Lovejoy St, Apt 512",
          city_line="Portland, OR 97209", carrier="Cascadia Voice", account="CV-33018275", numbers=n,
          date="2026-11-05", signature="cursive"),
     "cairo",
     bill(CASCADIA, name="ELLERY NAKAMURA-PRICE", addr=["2045 NW LOVEJOY ST APT 512", "PORTLAND, OR 97209"],
          account="CV-33018275", date_label="Bill date", date="Nov 2, 2026", amount="$45.00",
          items=items(n, "Home phone", 45.00)),
     expect(address="equivalent", name="equivalent"),
     note="A typed name in a cursive font as the signature")

n = ["(617) 555-0161", "(617) 555-0162"]
case("unsigned-loa", "chromium",
     dict(name="Gallagher & Sons Roofing Co.", person="Declan Gallagher", street="88 Quarry Rd",
          city_line="Quincy, MA 02169", carrier="Granite Peak Telephone", account="0072204519", btn=n[0],
          numbers=n, date="2026-11-04", signature="none"),
     "chromium",
     bill(GRANITE, name="Gallagher & Sons Roofing Co.", addr=["88 Quarry Rd", "Quincy, MA 02169"], account="0072204519",
          btn=n[0], date_label="Invoice date", date="Nov 1, 2026", amount="$97.60", items=items(n)),
     expect(btn="exact", present=["loa-unsigned"]),
     note="The signature line is blank: the one LOA that really is unsigned")

n = ["(707) 555-0147", "(707) 555-0148"]
case("proof-without-date", "cairo",
     dict(name="Redwood Hollow Winery LLC", person="Celeste Amador", street="15400 Arnold Dr",
          city_line="Glen Ellen, CA 95442", carrier="Cascadia Voice", account="CV-50221871", btn=n[0],
          numbers=n, date="2026-11-04", signature="drawn"),
     "chromium",
     bill(CASCADIA, name="Redwood Hollow Winery LLC", addr=["15400 Arnold Dr", "Glen Ellen, CA 95442"],
          account="CV-50221871", btn=n[0], amount="$71.30", items=items(n)),
     expect(btn="exact", present=["proof-date-not-found"]),
     note="A bill that really shows no date")

n = ["(608) 555-0112", "(608) 555-0113"]
case("proof-too-old", "groff",
     dict(name="Brightwater Montessori School", person="Helga Sundquist", street="1020 Lakeshore Dr",
          city_line="Madison, WI 53703", carrier="Bluewater Communications", account="BW-9912-0374", btn=n[0],
          numbers=n, date="2026-11-06", signature="drawn"),
     "chromium",
     bill(BLUEWATER, name="Brightwater Montessori School", addr=["1020 Lakeshore Dr", "Madison, WI 53703"],
          account="BW-9912-0374", btn=n[0], date_label="Invoice date", date="Sep 22, 2026",
          due=("Payment due", "Oct 12, 2026"), amount="$66.45", items=items(n)),
     expect(btn="exact", present=["proof-older-than-30-days"]),
     note="The bill is 49 days old on the case's today")

# ---- Real mismatches ---------------------------------------------------------------------------------------

n = ["(303) 555-0171", "(303) 555-0172"]
case("mismatch-house-number", "chromium",
     dict(name="Aspen Grove Chiropractic LLC", person="Jonah Whitcombe", street="2871 Wadsworth Blvd, Suite 5",
          city_line="Lakewood, CO 80227", carrier="Ridgeline Telecom", account="4417-5518-02", btn=n[0],
          numbers=n, date="2026-11-04", signature="drawn"),
     "chromium",
     bill(RIDGELINE, name="ASPEN GROVE CHIROPRACTIC LLC", addr=["2817 WADSWORTH BLVD STE 5", "LAKEWOOD CO 80227"],
          account="4417-5518-02", btn=n[0], date_label="Invoice date", date="Nov 1, 2026", amount="$120.40",
          items=items(n)),
     expect(verdict="mismatch", address="mismatch", btn="exact", name="equivalent"),
     note="2871 on the LOA, 2817 on the bill")

n = ["(212) 555-0135", "(212) 555-0136"]
case("mismatch-unit", "libreoffice",
     dict(name="Meridian Tailoring Inc.", person="Arturo Benedetti", street="240 W 37th St, Floor 9",
          city_line="New York, NY 10018", carrier="Tidewater Networks", account="TN-2210-57731", btn=n[0],
          numbers=n, date="2026-11-03", signature="image"),
     "chromium",
     bill(TIDEWATER, name="MERIDIAN TAILORING INC.", addr=["240 W 37TH ST FL 8", "NEW YORK NY 10018-6607"],
          account="TN-2210-57731", btn=n[0], date_label="Invoice date", date="Oct 31, 2026", amount="$188.00",
          items=items(n)),
     expect(verdict="mismatch", address="mismatch", btn="exact", name="equivalent"),
     note="Floor 9 on the LOA, FL 8 on the bill")

n = ["(757) 555-0188", "(757) 555-0189"]
case("mismatch-zip", "cairo",
     dict(name="Sandpiper Pediatrics PA", person="Renée Dubois", street="3100 Shore Dr, Suite 200",
          city_line="Virginia Beach, VA 23451", carrier="Tidewater Networks", account="TN-0871-33025", btn=n[0],
          numbers=n, date="2026-11-04", signature="drawn"),
     "postscript",
     bill(TIDEWATER, bill_to_label="CUSTOMER", remit_label="REMIT TO", name="SANDPIPER PEDIATRICS PA",
          addr=["3100 SHORE DR STE 200", "VIRGINIA BEACH VA 23454"], account="TN-0871-33025", account_label="Account",
          date_label="Statement date", date="Nov 1, 2026", amount="$140.09", items=items(n)),
     expect(verdict="mismatch", address="mismatch", name="equivalent"),
     note="ZIP 23451 on the LOA, 23454 on the bill")

n = ["(406) 555-0117"]
case("mismatch-direction", "chromium",
     dict(name="Ironclad Fitness LLC", person="Kasey Brandt", street="500 E Main St", city_line="Bozeman, MT 59715",
          carrier="Big Sky Telephone", account="BST-40021-7", btn=n[0], numbers=n, date="2026-11-05",
          signature="cursive"),
     "libreoffice",
     bill(BIG_SKY, name="Ironclad Fitness LLC", addr=["500 W Main St", "Bozeman, MT 59715"], account="BST-40021-7",
          btn=n[0], date_label="Invoice date", date="Nov 2, 2026", amount="$59.99", items=items(n)),
     expect(verdict="mismatch", address="mismatch", btn="exact"),
     note="E Main St on the LOA, W Main St on the bill")

n = ["(575) 555-0144", "(575) 555-0145"]
case("mismatch-street", "pdf-lib-appearances",
     dict(name="Coyote Creek Pottery", person="Dolores Archuleta", street="77 Larkspur Ln", city_line="Taos, NM 87571",
          carrier="Lone Mesa Telecom", account="552 044 1093", btn=n[0], numbers=n, date="2026-11-03",
          signature="field"),
     "chromium",
     bill(LONE_MESA, name="COYOTE CREEK POTTERY", addr=["77 LARKVIEW LN", "TAOS NM 87571"], account="552 044 1093",
          btn=n[0], date_label="Statement Date", date="11/01/2026", amount="$77.41", items=items(n)),
     expect(verdict="mismatch", address="mismatch", btn="exact", source="form", name="equivalent"),
     note="Larkspur on the LOA (a form), Larkview on the bill")

n = ["(720) 555-0156", "(720) 555-0157"]
case("mismatch-name-word", "chromium",
     dict(name="Summit Gear Outfitter LLC", person="Beatriz Coelho", street="1600 Platte St, Unit 2",
          city_line="Denver, CO 80202", carrier="Ridgeline Telecom", account="4417-8830-11", btn=n[0], numbers=n,
          date="2026-11-04", signature="drawn"),
     "chromium",
     bill(RIDGELINE, name="SUMMIT GEAR OUTFITTERS LLC", addr=["1600 PLATTE ST UNIT 2", "DENVER CO 80202"],
          account="4417-8830-11", btn=n[0], date_label="Invoice date", date="Nov 1, 2026", amount="$133.33",
          items=items(n)),
     expect(verdict="mismatch", name="mismatch", address="equivalent", btn="exact"),
     note="Outfitter on the LOA, OUTFITTERS on the bill")

n = ["(843) 555-0124", "(843) 555-0125"]
case("mismatch-inc-llc", "libreoffice",
     dict(name="Juniper & Pine Consulting Inc.", person="Marguerite Okonkwo", street="171 Meeting St, Suite 400",
          city_line="Charleston, SC 29401", carrier="Sunbelt Digital Voice", account="SDV-2290-1184", btn=n[0],
          numbers=n, date="2026-11-03", signature="image"),
     "groff",
     bill(SUNBELT, name="JUNIPER & PINE CONSULTING LLC", addr=["171 MEETING ST STE 400", "CHARLESTON SC 29401"],
          account="SDV-2290-1184", btn=n[0], date_label="Bill date", date="Oct 30, 2026", amount="$160.00",
          items=items(n)),
     expect(verdict="mismatch", name="mismatch", address="equivalent", btn="exact"),
     note="Inc. on the LOA, LLC on the bill")

n = ["(313) 555-0196", "(313) 555-0197"]
case("mismatch-account-number", "chromium",
     dict(name="Corktown Print Shop LLC", person="Wendell Ambrose", street="1420 Michigan Ave", city_line="Detroit, MI 48216",
          carrier="Bluewater Communications", account="7720-4418-03", btn=n[0], numbers=n, date="2026-11-04",
          signature="drawn"),
     "chromium",
     bill(BLUEWATER, name="Corktown Print Shop LLC", addr=["1420 Michigan Ave", "Detroit, MI 48216"],
          account="7720-4481-03", btn=n[0], date_label="Invoice date", date="Nov 1, 2026", amount="$84.90",
          items=items(n)),
     expect(verdict="mismatch", account="mismatch", btn="exact"),
     note="Name and address right, account number 7720-4418-03 against 7720-4481-03")

n = ["(402) 555-0134", "(402) 555-0135"]
case("mismatch-btn", "cairo",
     dict(name="Platte River Title Company", person="Gideon Marsh", street="1299 Farnam St, Suite 800",
          city_line="Omaha, NE 68102", carrier="Heartland Fibervoice", account="81-5530092", btn="(402) 555-0134",
          numbers=n, date="2026-11-05", signature="drawn"),
     "libreoffice",
     bill(HEARTLAND, name="Platte River Title Company", addr=["1299 Farnam St, Suite 800", "Omaha, NE 68102"],
          account="81-5530092", btn="(402) 555-0143", date_label="Invoice Date", date="November 2, 2026",
          amount="$110.75", items=items(["(402) 555-0143", "(402) 555-0144"])),
     expect(verdict="mismatch", btn="mismatch"),
     note="BTN (402) 555-0134 on the LOA, (402) 555-0143 on the bill")

n = ["(231) 555-0177", "(231) 555-0178"]
case("mismatch-carrier", "chromium",
     dict(name="Leelanau Cherry Orchards LLC", person="Annelise Vandermeer", street="8840 E Duck Lake Rd",
          city_line="Traverse City, MI 49686", carrier="Bluewater Communications", account="TN-6630-10488", btn=n[0],
          numbers=n, date="2026-11-03", signature="drawn"),
     "chromium",
     bill(TIDEWATER, name="LEELANAU CHERRY ORCHARDS LLC", addr=["8840 E DUCK LAKE RD", "TRAVERSE CITY MI 49686"],
          account="TN-6630-10488", btn=n[0], date_label="Invoice date", date="Nov 1, 2026", amount="$98.20",
          items=items(n)),
     expect(address="equivalent", btn="exact", carrier="mismatch", name="equivalent"),
     note="The LOA names Bluewater Communications as the current carrier; the bill is Tidewater Networks'. "
          "DESIGN §3.2 makes only account number and BTN change the verdict")
