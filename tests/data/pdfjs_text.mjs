// (tests/readers.py) Text of each page of a PDF as pdf.js (Firefox) reads it: items joined, line breaks where
// pdf.js marks them.   node pdfjs_text.mjs FILE.pdf PATH/TO/pdfjs-dist/legacy/build/pdf.mjs
import { readFileSync } from "fs";
import { pathToFileURL } from "url";
const { getDocument } = await import(pathToFileURL(process.argv[3]).href);
const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, verbosity: 0 }).promise;
const pages = [];
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const content = await page.getTextContent();
  pages.push(content.items.map(item => item.str + (item.hasEOL ? "\n" : "")).join(""));
}
process.stdout.write(JSON.stringify(pages));
