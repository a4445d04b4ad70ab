"""Part 4: pictures of bills and a scanned LOA, for the OCR work (issue 12).

A bill printed to PDF by Chromium is the paper; from it: screenshots at 1x and 2x, a
12-megapixel phone photo (turned a few degrees, in perspective, lit unevenly, with sensor
noise), the same photo turned 90 degrees by EXIF orientation and in its pixels, HEIC and
WebP copies, a photo of a bill with another house number, one with a smudged ZIP digit,
and the signed LOA scanned at 200 dpi into a PDF with no text layer.
"""

import json
import os
import shutil
import struct
import tempfile

import cairo

import bills
import loas
from producers import chromium_png, run

TODAY = "2026-11-10"

CARRIER = dict(carrier="Erie Canal Telephone", logo=("Erie Canal", "TELEPHONE"), color="#123c69",
               remit=["Erie Canal Telephone", "PO Box 4100", "Syracuse, NY 13221-4100"],
               footer="Erie Canal Telephone · customer care 1-888-555-0119")
NUMBERS = ["(716) 555-0124", "(716) 555-0125"]
LOA = dict(name="Cobblestone Bicycle Works LLC", person="Imani Castellanos", street="2418 Elmwood Ave, Suite 6",
           city_line="Buffalo, NY 14216", carrier="Erie Canal Telephone", account="ECT-5160-2274", btn=NUMBERS[0],
           numbers=NUMBERS, date="2026-11-04", signature="drawn")


def bill(house="2418", zip_code="14216"):
    return dict(CARRIER, name="COBBLESTONE BICYCLE WORKS LLC", addr=[f"{house} ELMWOOD AVE STE 6", f"BUFFALO NY {zip_code}"],
                account="ECT-5160-2274", btn=NUMBERS[0], date_label="Invoice date", date="Nov 1, 2026",
                due=("Payment due", "Nov 21, 2026"), amount="$118.40",
                items=bills_items())


def bills_items():
    return [(n, "Business line, unlimited local and long distance", f"${49.20 + 20 * i:.2f}") for i, n in enumerate(NUMBERS)]


def word_box(pdf, word):
    """Where a word sits on page 1, in points from the top-left (poppler)."""
    import gi
    gi.require_version("Poppler", "0.18")
    from gi.repository import Poppler
    doc = Poppler.Document.new_from_file("file://" + os.path.abspath(pdf), None)
    page = doc.get_page(0)
    for rect in page.find_text(word):
        h = page.get_size()[1]
        return rect.x1, h - rect.y2, rect.x2, h - rect.y1
    raise LookupError(word)


def rasterise(pdf, png, dpi, gray=False):
    base = png[:-4]
    run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", *(["-gray"] if gray else []), pdf, base])
    return png


def smudge(png, box, dpi, digit_index, n_digits):
    """Rub out one digit of a word: a blurred, greyed patch over it."""
    x1, y1, x2, y2 = (v * dpi / 72 for v in box)
    w = (x2 - x1) / n_digits
    gx, gy, gw, gh = int(x1 + w * digit_index - 2), int(y1 - 4), int(w + 4), int(y2 - y1 + 8)
    region = f"{gw}x{gh}+{gx}+{gy}"
    run(["convert", png, "-region", region, "-blur", "0x9", "-fill", "#8a8a8a", "-colorize", "35",
         "-region", f"{gw}x{gh // 2}+{gx + 2}+{gy + gh // 3}", "-motion-blur", "0x12+20", "+region", png])


def photograph(page_png, out_jpg, size=(3024, 4032), tilt=0.0, seed=7, quality=85):
    """A phone photo of the printed page lying on a desk."""
    W, H = size
    work = tempfile.mkdtemp(prefix="photo-")
    try:
        # The page, in perspective and turned a little, on a desk-coloured background.
        pw, ph = 2550, 3300
        s = W / 3024
        corners = [(0, 0, 300 * s + tilt * 40, 420 * s), (pw, 0, 2790 * s + tilt * 30, 360 * s + tilt * 60),
                   (pw, ph, 2880 * s, 3720 * s), (0, ph, 190 * s, 3800 * s - tilt * 50)]
        args = " ".join(f"{a:.0f},{b:.0f} {c:.0f},{d:.0f}" for a, b, c, d in corners)
        paper = os.path.join(work, "paper.png")
        run(["convert", page_png, "-resize", f"{pw}x{ph}!", "-background", "#6b5a48", "-virtual-pixel", "background",
             "+distort", "Perspective", args, "-gravity", "northwest", "-crop", f"{W}x{H}+0+0", "+repage",
             "-extent", f"{W}x{H}", paper])
        # Light from the top left, falling off to a shadow at the bottom right.
        light = os.path.join(work, "light.png")
        run(["convert", "-size", f"{W}x{H}", "radial-gradient:#ffffff-#7a7a7a", "-distort", "SRT",
             f"{W * 0.30:.0f},{H * 0.25:.0f} 1.6 0 {W * 0.30:.0f},{H * 0.25:.0f}", light])
        run(["convert", paper, light, "-compose", "Multiply", "-composite",
             "-seed", str(seed), "-attenuate", "0.35", "+noise", "Gaussian", "-blur", "0x0.7",
             "-strip", "-sampling-factor", "2x2", "-quality", str(quality), out_jpg])
        return out_jpg
    finally:
        shutil.rmtree(work, ignore_errors=True)


def exif_orientation_jpeg(src_jpg, out_jpg, orientation=6):
    """The same JPEG with an EXIF APP1 segment carrying Orientation (6: turn 90 degrees clockwise to show)."""
    data = open(src_jpg, "rb").read()
    assert data[:2] == b"\xff\xd8"
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + \
        struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
    app1 = b"Exif\x00\x00" + tiff
    segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
    with open(out_jpg, "wb") as f:
        f.write(data[:2] + segment + data[2:])


def scanned_pdf(loa_pdf, out_pdf, dpi=200):
    """Print, sign, scan: a grey 200 dpi scan, a little crooked and speckled, as the only content of a PDF."""
    work = tempfile.mkdtemp(prefix="scan-")
    try:
        png = rasterise(loa_pdf, os.path.join(work, "page.png"), dpi, gray=True)
        jpg = os.path.join(work, "scan.jpg")
        run(["convert", png, "-background", "white", "-rotate", "1.3", "-gravity", "center",
             "-extent", f"{int(8.5 * dpi)}x{int(11 * dpi)}", "-seed", "3", "-attenuate", "0.25", "+noise", "Impulse",
             "-level", "8%,92%", "-strip", "-quality", "80", "-colorspace", "Gray", jpg])
        surface = cairo.PDFSurface(out_pdf, 612, 792)
        surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-11-04T16:20:00Z")
        surface.set_metadata(cairo.PDFMetadata.CREATOR, "Scanner (Porting test documents)")
        # A blank surface of the scan's size whose JPEG data is what cairo embeds.
        image = cairo.ImageSurface(cairo.FORMAT_RGB24, int(8.5 * dpi), int(11 * dpi))
        image.set_mime_data(cairo.MIME_TYPE_JPEG, open(jpg, "rb").read())
        cr = cairo.Context(surface)
        cr.scale(72 / dpi, 72 / dpi)
        cr.set_source_surface(image, 0, 0)
        cr.paint()
        surface.finish()
        return out_pdf
    finally:
        shutil.rmtree(work, ignore_errors=True)


def make(folder):
    os.makedirs(folder, exist_ok=True)
    work = tempfile.mkdtemp(prefix="ocr-")
    try:
        print("  LOA and the bill on paper (chromium)", flush=True)
        loa_pdf = os.path.join(folder, "cobblestone-loa.pdf")
        loas.loa_chromium(LOA, loa_pdf)
        paper = os.path.join(folder, "cobblestone-invoice.pdf")
        bills.bill_chromium(bill(), paper)
        print("  screenshots 1x and 2x", flush=True)
        html = bills.bill_html(bill()).replace("@page { size: Letter; margin: 0.55in 0.6in; }",
                                               "body { padding: 28px 36px; background: #fff; }")
        chromium_png(html, os.path.join(folder, "screenshot-1x.png"), 860, 1040, 1)
        chromium_png(html, os.path.join(folder, "screenshot-2x.png"), 860, 1040, 2)

        print("  photos", flush=True)
        page = rasterise(paper, os.path.join(work, "bill.png"), 300)
        photo = photograph(page, os.path.join(folder, "photo-12mp.jpg"), tilt=1.0)
        exif_tmp = os.path.join(work, "sideways.jpg")
        run(["convert", photo, "-rotate", "-90", "-strip", "-quality", "85", exif_tmp])
        exif_orientation_jpeg(exif_tmp, os.path.join(folder, "photo-12mp-exif-rotated.jpg"), 6)
        small = os.path.join(work, "small.jpg")
        photograph(page, small, size=(1512, 2016), tilt=-0.6, seed=11, quality=88)
        run(["convert", small, "-rotate", "90", "-strip", "-quality", "88",
             os.path.join(folder, "photo-turned-90.jpg")])
        run(["heif-enc", "-q", "60", "-o", os.path.join(folder, "photo.heic"), small])
        run(["cwebp", "-quiet", "-q", "80", "-metadata", "none", small, "-o", os.path.join(folder, "photo.webp")])

        other = os.path.join(work, "other.pdf")
        bills.bill_chromium(bill(house="2481"), other)
        photograph(rasterise(other, os.path.join(work, "other.png"), 300),
                   os.path.join(folder, "photo-mismatch-house.jpg"), size=(1512, 2016), tilt=0.5, seed=5, quality=88)

        smudged = rasterise(paper, os.path.join(work, "smudged.png"), 300)
        smudge(smudged, word_box(paper, "14216"), 300, 3, 5)
        photograph(smudged, os.path.join(folder, "photo-smudged-zip.jpg"), size=(1512, 2016), tilt=-0.8, seed=9,
                   quality=90)

        print("  scanned LOA", flush=True)
        scanned_pdf(loa_pdf, os.path.join(folder, "cobblestone-loa-scanned.pdf"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    fields = {"name": LOA["name"], "address": f'{LOA["street"]}, {LOA["city_line"]}', "numbers": NUMBERS,
              "carrier": LOA["carrier"], "account_number": LOA["account"], "btn": LOA["btn"]}
    warn = ["loa-unsigned", "proof-date-not-found", "proof-older-than-30-days"]

    def c(id, proof, note, verdict="match", name="exact|equivalent", address="equivalent", loa="cobblestone-loa.pdf",
          source="ocr", producer="chromium + ImageMagick"):
        return {"id": id, "loa": loa, "proof": proof, "producer": {"loa": "chromium", "proof": producer},
                "today": TODAY, "note": note, "loa_fields": fields,
                "expect": {"verdict": verdict, "name": name, "address": address,
                           "source": {"name": source, "address": source},
                           "warnings_present": [], "warnings_absent": warn}}

    cases = [
        c("screenshot-1x", "screenshot-1x.png", "Chromium --screenshot of the bill at device scale 1", producer="chromium"),
        c("screenshot-2x", "screenshot-2x.png", "The same at device scale 2", producer="chromium"),
        c("photo-12mp", "photo-12mp.jpg", "A 12 MP phone photo: a few degrees off, in perspective, uneven light, noise"),
        c("photo-exif-rotated", "photo-12mp-exif-rotated.jpg", "The same photo stored sideways with EXIF Orientation 6"),
        c("photo-turned-90", "photo-turned-90.jpg", "A smaller photo turned 90 degrees in its pixels (no EXIF)"),
        c("photo-heic", "photo.heic", "The smaller photo as HEIC (heif-enc)", producer="chromium + ImageMagick + heif-enc"),
        c("photo-webp", "photo.webp", "The smaller photo as WebP (cwebp)", producer="chromium + ImageMagick + cwebp"),
        c("photo-mismatch-house", "photo-mismatch-house.jpg", "A photo of a bill for 2481 Elmwood Ave; the LOA says 2418",
          verdict="mismatch", address="mismatch"),
        c("photo-smudged-zip", "photo-smudged-zip.jpg",
          "The fourth digit of the ZIP is smudged: it cannot be read with confidence, so review, never match or mismatch",
          verdict="review", address="unreadable|review"),
        c("scanned-loa", "cobblestone-invoice.pdf", "The signed LOA scanned at 200 dpi into a PDF with no text layer; "
          "the proof is the born-digital bill", loa="cobblestone-loa-scanned.pdf", source="ocr|text",
          producer="chromium"),
    ]
    cases[-1]["producer"]["loa"] = "chromium + pdftoppm + ImageMagick + cairo (image-only PDF)"
    cases[-1]["expect"]["account_number"] = "exact|equivalent"
    with open(os.path.join(folder, "ocr-cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"  {len(cases)} cases in {folder}")
