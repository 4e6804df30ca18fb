// ekdo-check from TypeScript: the report is fully typed (`Report`, see types.d.ts), so a typo in a
// field name or a forgotten null check is a compile error. js/test/types.test.mjs compiles this
// file with `tsc --noEmit --strict`.
import init, { check, codes, renderText, version } from "ekdo-check";
import type { Kind, Message, Options, Report, SignatureInput, SignerReport } from "ekdo-check";

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
