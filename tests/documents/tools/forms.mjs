// forms.mjs JOB.json OUT.pdf — a fillable LOA (AcroForm) made and filled with pdf-lib,
// left as a viewer leaves it: with appearance streams, without them (NeedAppearances),
// or flattened. Coordinates in JOB are points from the top-left corner.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import fs from 'node:fs';
import {
  PDFDocument, StandardFonts, rgb, PDFName, PDFBool, PDFString, PDFNumber,
  pushGraphicsState, popGraphicsState, setStrokingRgbColor, setLineWidth, setLineCap,
  moveTo, appendBezierCurve, stroke, LineCapStyle,
} from 'pdf-lib';

// pdf-lib names flattened widgets with Math.random(): seeded, every run writes the same file.
let seed = 20261101;
Math.random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const [jobPath, outPath] = process.argv.slice(2);
const job = JSON.parse(fs.readFileSync(jobPath, 'utf8'));
const fixedDate = new Date(Date.UTC(2026, 10, 1, 12, 0, 0));

const doc = await PDFDocument.create();
doc.setTitle(job.title || 'Letter of Authorization');
doc.setCreator(job.creator || 'Porting test documents (pdf-lib form)');
doc.setProducer('pdf-lib');
doc.setCreationDate(fixedDate);
doc.setModificationDate(fixedDate);

const fonts = {
  regular: await doc.embedFont(StandardFonts.Helvetica),
  bold: await doc.embedFont(StandardFonts.HelveticaBold),
};
const form = doc.getForm();
const textFields = [];

function inkOperators(strokes, h) {
  const ops = [pushGraphicsState(), setStrokingRgbColor(0.05, 0.1, 0.35), setLineWidth(1.3),
               setLineCap(LineCapStyle.Round)];
  for (const pts of strokes) {
    ops.push(moveTo(pts[0][0], h - pts[0][1]));
    for (let i = 1; i < pts.length; i++) {
      const [x0, y0] = pts[i - 1];
      const [x1, y1] = pts[i];
      const mx = x0 + (x1 - x0) / 2;
      ops.push(appendBezierCurve(mx, h - (y0 - 6), mx, h - (y1 + 6), x1, h - y1));
    }
    ops.push(stroke());
  }
  ops.push(popGraphicsState());
  return ops;
}

for (const spec of job.pages) {
  const [W, H] = spec.size || [612, 792];
  const page = doc.addPage([W, H]);

  for (const r of spec.rects || []) {
    page.drawRectangle({
      x: r.x, y: H - r.y - r.h, width: r.w, height: r.h,
      borderColor: rgb(0.55, 0.55, 0.6), borderWidth: r.border ?? 0.6,
      color: r.fill ? rgb(...r.fill) : undefined,
    });
  }
  for (const l of spec.lines || []) {
    page.drawLine({ start: { x: l.x1, y: H - l.y1 }, end: { x: l.x2, y: H - l.y2 },
                    thickness: l.w ?? 0.6, color: rgb(0.2, 0.2, 0.2) });
  }
  for (const t of spec.texts || []) {
    page.drawText(t.text, { x: t.x, y: H - t.y, size: t.size ?? 9,
                            font: t.bold ? fonts.bold : fonts.regular,
                            color: t.color ? rgb(...t.color) : rgb(0, 0, 0) });
  }
  for (const f of spec.fields || []) {
    const field = form.createTextField(f.name);
    if (f.multiline)
      field.enableMultiline();
    field.addToPage(page, { x: f.x, y: H - f.y - f.h, width: f.w, height: f.h,
                            borderWidth: 0.5, borderColor: rgb(0.6, 0.6, 0.7),
                            backgroundColor: rgb(0.93, 0.95, 1), font: fonts.regular });
    if (f.tooltip)
      field.acroField.dict.set(PDFName.of('TU'), PDFString.of(f.tooltip));
    if (f.value !== undefined && f.value !== null && f.value !== '') {
      field.setText(f.value);
    }
    field.setFontSize(f.size ?? 10);
    textFields.push(field);
  }
  for (const c of spec.checkboxes || []) {
    const box = form.createCheckBox(c.name);
    box.addToPage(page, { x: c.x, y: H - c.y - 10, width: 10, height: 10, borderWidth: 0.6 });
    if (c.checked)
      box.check();
  }
  if (spec.signature) {
    const s = spec.signature;
    // A signature field (/FT /Sig). When the signer drew in it, its widget's
    // appearance holds the ink; when not, it has no appearance at all.
    const widget = doc.context.obj({
      Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFString.of(s.name),
      Rect: [s.x, H - s.y - s.h, s.x + s.w, H - s.y], F: 4, P: page.ref,
      MK: { BC: [0.6, 0.6, 0.7] },
    });
    if (s.tooltip)
      widget.set(PDFName.of('TU'), PDFString.of(s.tooltip));
    if (s.ink) {
      const stream = doc.context.formXObject(inkOperators(s.ink, s.h), {
        BBox: [0, 0, s.w, s.h],
      });
      widget.set(PDFName.of('AP'), doc.context.obj({ N: doc.context.register(stream) }));
    }
    const ref = doc.context.register(widget);
    page.node.addAnnot(ref);
    form.acroForm.addField(ref);
  }
}

if (job.variant === 'need-appearances') {
  // As a viewer that leaves the drawing to the next viewer: values only, no /AP.
  for (const field of textFields)
    for (const w of field.acroField.getWidgets())
      w.dict.delete(PDFName.of('AP'));
  form.acroForm.dict.set(PDFName.of('NeedAppearances'), PDFBool.True);
  fs.writeFileSync(outPath, await doc.save({ updateFieldAppearances: false, useObjectStreams: false }));
} else if (job.variant === 'flattened') {
  form.updateFieldAppearances(fonts.regular);
  form.flatten({ updateFieldAppearances: false });
  fs.writeFileSync(outPath, await doc.save({ useObjectStreams: false }));
} else {
  form.updateFieldAppearances(fonts.regular);
  fs.writeFileSync(outPath, await doc.save({ updateFieldAppearances: false, useObjectStreams: false }));
}
