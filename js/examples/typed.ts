// ekdo-check from TypeScript: the report is fully typed (`Report`, see types.d.ts), so a typo in a
// field name or a forgotten null check is a compile error. js/test/types.test.mjs compiles this
// file with `tsc --noEmit --strict`. Below: checks, a trust list parsed once, the catalogue of
// document types and the labour-law matrix, and signing both ways (a software key; an external
// signer through signPrepare / signAssemble).
import init, {
  check,
  codes,
  cosign,
  documentTypes,
  policyText,
  renderText,
  sign,
  signAssemble,
  signPrepare,
  TrustList,
  version,
} from "ekdo-check";
import type {
  DocumentMeta,
  Kind,
  Message,
  Options,
  RawSignatureOrder,
  Report,
  SignatureInput,
  SignerReport,
  SignOptions,
  SignPrepared,
  TrustListSummary,
} from "ekdo-check";

/** What an HR system keeps about one check. */
export interface Verdict {
  ready: boolean;
  kind: Kind | null;
  signers: string[];
  blockers: string[];
  text: string;
}

const KIND_RANK: Record<Kind, number> = { invalid: 0, "УНЭП": 1, "УКЭП?": 2, "УКЭП": 3 };

/** The full name of a signer, from the certificate's CN or its surname and given names. */
export function signerName(signer: SignerReport): string | null {
  if (signer.subject_cn !== null) return signer.subject_cn;
  const parts = [signer.surname, signer.given_name].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(" ") : null;
}

/** The weakest kind among the signers (what the portal will see), or null without signers. */
export function weakestKind(report: Report): Kind | null {
  let weakest: Kind | null = null;
  for (const signature of report.signatures) {
    for (const signer of signature.signers) {
      const kind = signer.kind;
      if (kind !== null && (weakest === null || KIND_RANK[kind] < KIND_RANK[weakest])) weakest = kind;
    }
  }
  return weakest ?? report.kind;
}

/** A message (or a PDF/A violation) in the user's language. */
export function say(message: Pick<Message, "message_ru" | "message_en">, lang: "ru" | "en"): string {
  return lang === "en" ? message.message_en : message.message_ru;
}

/** Checks a document with its signatures and keeps what an HR system needs. */
export async function verdict(pdf: Uint8Array, signatures: SignatureInput[], lang: "ru" | "en" = "ru"): Promise<Verdict> {
  await init();
  const options: Options = { at: new Date(), lang, documentName: "document.pdf" };
  const report: Report = check(pdf, signatures, options);
  const signers = report.signatures.flatMap((s) => s.signers.map(signerName)).filter((n): n is string => n !== null);
  const violations = report.document.pdfa.violations.filter((v) => v.status === "failed").map((v) => `${v.rule}: ${say(v, lang)}`);
  return {
    ready: report.ready,
    kind: weakestKind(report),
    signers,
    blockers: [...report.upload.blockers.map((m) => say(m, lang)), ...violations],
    text: renderText(report, lang),
  };
}

/** The certificate period of every signer, for a list of expiring certificates. */
export function certificatePeriods(report: Report): Array<{ name: string | null; from: string | null; to: string | null }> {
  return report.signatures.flatMap((s) =>
    s.signers.map((x) => ({
      name: signerName(x),
      from: x.details.certificate?.not_before ?? null,
      to: x.details.certificate?.not_after ?? null,
    })),
  );
}

/** The labour-law verdict, when the report has one. */
export function policyLine(report: Report): string | null {
  const policy = report.policy;
  if (policy === null) return null;
  return `${policy.document_type_ru} (${policy.channel}): ${policy.ok ? "OK" : policy.findings.map((f) => f.code).join(", ")}`;
}

/** Every code the checker can report, as a lookup table. */
export function codeTable(): Map<string, { ru: string; en: string }> {
  return new Map(codes().map((c) => [c.code, { ru: c.message_ru, en: c.message_en }]));
}

export const checker = (): string => `ekdo-check ${version()}`;

// ---------------------------------------------------------------------------------------------
// The trust list: parse the Минцифры XML once, check many uploads with it, free it at the end.
// ---------------------------------------------------------------------------------------------

/** Checks a batch of uploads against one trust list; the list is parsed once. */
export function checkBatch(
  tslXml: Uint8Array,
  uploads: Array<{ name: string; pdf: Uint8Array; signatures: SignatureInput[]; meta?: DocumentMeta }>,
): { list: TrustListSummary; reports: Map<string, Report> } {
  const list = TrustList.parse(tslXml); // throws an Error with code TSL_... when it is not such a list
  try {
    const reports = new Map<string, Report>();
    for (const upload of uploads) {
      const options: Options = { documentName: upload.name, lang: "ru" };
      if (upload.meta !== undefined) options.meta = upload.meta;
      reports.set(upload.name, list.check(upload.pdf, upload.signatures, options));
    }
    return { list: list.summary(), reports };
  } finally {
    list.free();
  }
}

/** The labour-law check of a contract signed by the employer, then the employee, in one file. */
export function checkContract(tslXml: Uint8Array, pdf: Uint8Array, signature: Uint8Array, employee: string): Report {
  const meta: DocumentMeta = {
    document_type: "employment_contract",
    channel: "own",
    employee,
    number: "12-к",
    date: "25.11.2026",
    // One party per signer, in the order of the files and of the signers in each file.
    parties: ["employer", "employee"],
  };
  return check(pdf, [{ name: "contract.pdf.sig", bytes: signature }], { trustList: tslXml, meta });
}

// ---------------------------------------------------------------------------------------------
// The catalogue of document types and the Labour Code art. 22.3 matrix.
// ---------------------------------------------------------------------------------------------

/** One cell of the matrix: the signatures a party may use on a channel, or why none. */
export interface MatrixCell {
  kinds: string[];
  labels: string[];
  basis_ru?: string;
  basis_en?: string;
  refused?: string;
  message_ru?: string;
  message_en?: string;
}

/** One document type of `documentTypes()` (the function is declared as returning `any`). */
export interface CatalogueType {
  id: string;
  name_ru: string;
  name_en: string;
  group: string;
  codifier: string;
  codifier_name: string;
  electronic: boolean;
  signers: "both" | "employer" | "employee" | "employer_acknowledged" | "either";
  paper_reason_ru: string | null;
  paper_reason_en: string | null;
  matrix: Record<"portal" | "own", Record<"employer" | "employee", MatrixCell>>;
}

export interface Catalogue {
  groups: string[];
  signature_kinds: Array<{ id: string; label: string; description_ru: string; description_en: string }>;
  types: CatalogueType[];
}

/** The choices of a document type select: electronic types by portal section, paper ones apart. */
export function typeChoices(lang: "ru" | "en"): { sections: Map<string, Array<[string, string]>>; paperOnly: Array<[string, string]> } {
  const catalogue = documentTypes() as Catalogue;
  const name = (t: CatalogueType): [string, string] => [t.id, lang === "en" ? t.name_en : t.name_ru];
  const sections = new Map<string, Array<[string, string]>>();
  for (const type of catalogue.types.filter((t) => t.electronic)) {
    const list = sections.get(type.group) ?? [];
    list.push(name(type));
    sections.set(type.group, list);
  }
  return { sections, paperOnly: catalogue.types.filter((t) => !t.electronic).map(name) };
}

/** What the matrix allows each party for a type and channel: text, and the labels as data. */
export function rulesFor(type: string, channel: "portal" | "own", lang: "ru" | "en"): { text: string; employee: string[] } {
  const text = policyText(type, "employer", channel, lang) + policyText(type, "employee", channel, lang);
  const entry = (documentTypes() as Catalogue).types.find((t) => t.id === type);
  return { text, employee: entry?.matrix[channel].employee.labels ?? [] };
}

// ---------------------------------------------------------------------------------------------
// Signing. Failures throw an Error whose `code` is stable (SIGN_KEY_CERTIFICATE_MISMATCH, ...).
// ---------------------------------------------------------------------------------------------

/** A coded failure of the package, or null for anything else. */
export function failureCode(error: unknown): string | null {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return null;
}

/** Signs with a software GOST key; the caller's copy of the key is wiped afterwards. */
export function signWithKey(pdf: Uint8Array, key: Uint8Array, certificate: Uint8Array, pem = false): Uint8Array {
  const options: SignOptions = { pem, at: new Date() };
  try {
    return sign(pdf, key, certificate, options);
  } finally {
    key.fill(0);
  }
}

/** Adds the employee's signature to the employer's file. */
export function countersign(pdf: Uint8Array, employerSignature: Uint8Array, key: Uint8Array, certificate: Uint8Array): Uint8Array {
  return cosign(pdf, employerSignature, key, certificate, { pem: true });
}

/** Signs through an external signer (a browser plug-in, a token) that signs a hash. */
export async function signExternally(
  pdf: Uint8Array,
  certificate: Uint8Array,
  signHash: (hash: Uint8Array, algorithm: SignPrepared["digestAlgorithm"]) => Promise<Uint8Array>,
  order: RawSignatureOrder = "s-then-r",
): Promise<Uint8Array> {
  await init();
  const prepared: SignPrepared = signPrepare(pdf, certificate, { at: new Date() });
  const value = await signHash(prepared.hash, prepared.digestAlgorithm);
  return signAssemble(prepared.state, value, { order });
}
