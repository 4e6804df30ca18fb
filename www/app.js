// The demo page: reads local files, calls ekdo-check in the browser, shows the verdict.
import init, { check, renderText } from "../pkg/index.js";

let lang = "ru";
const state = { document: null, signatures: [], trustList: null };

function applyLang() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-ru]")) el.textContent = el.dataset[lang];
  document.getElementById("lang").textContent = lang === "ru" ? "English" : "Русский";
}

async function addFiles(files) {
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (/\.pdf$/i.test(file.name)) state.document = { name: file.name, bytes };
    else if (/\.xml$/i.test(file.name)) state.trustList = bytes;
    else state.signatures.push({ name: file.name, bytes });
  }
  show();
}

function show() {
  if (!state.document) return;
  const options = { documentName: state.document.name, lang };
  const report = check(state.document.bytes, state.signatures, options);
  document.getElementById("result").hidden = false;
  document.getElementById("text").textContent = renderText(report, lang);
  window.lastReport = report;
}

await init();
applyLang();
document.getElementById("lang").addEventListener("click", () => {
  lang = lang === "ru" ? "en" : "ru";
  applyLang();
  show();
});
const drop = document.getElementById("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); addFiles(e.dataTransfer.files); });
document.getElementById("files").addEventListener("change", (e) => addFiles(e.target.files));
