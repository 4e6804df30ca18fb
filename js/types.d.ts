/** A detached signature file: its name (for the report and the manifest) and its bytes.
 *  The party of each signer is given in `meta.parties`. */
export interface SignatureInput {
  name?: string;
  bytes: Uint8Array;
}

/** Options of `check`. Unknown keys throw an Error with code OPTIONS_INVALID. */
export interface Options {
  /** The time to check at (RFC 3339 or a Date); default: now. */
  at?: string | Date;
  /** Language of rendered text; the report always carries both. */
  lang?: "ru" | "en";
  /** The document's file name, for the report and the manifest. */
  documentName?: string;
  /** The Минцифры list of accredited CAs (XML bytes). To reuse one list, use TrustList.parse(xml).check(...). */
  trustList?: Uint8Array;
  /** Extra CA certificates to trust (DER or PEM). */
  caCertificates?: Uint8Array[];
  /** Certificate revocation lists to apply at the signing time (DER or PEM). */
  crls?: Uint8Array[];
  /** The document's metadata: enables the labour-law check (art. 22.3) and the portal file name. */
  meta?: DocumentMeta;
}

/** The document's metadata for the labour-law check and the upload manifest. */
export interface DocumentMeta {
  /** A document type id, e.g. "employment_contract" (see docs/policy.md). */
  document_type: string;
  /** Where it is signed: the portal or the employer's own system. */
  channel: "portal" | "own";
  /** The document number («№ документа»). */
  number?: string;
  /** The document date, RFC 3339 or DD.MM.YYYY. */
  date?: string;
  /** The employee's full name («ФИО работника»). */
  employee?: string;
  /** The party of each signer, in the order of the signature files and their signers. */
  parties?: Array<"employer" | "employee">;
  /** The subtype written in the file name instead of the type's name. */
  title?: string;
  /** Declare an «УКЭП?» signature as УКЭП. */
  accept_unconfirmed?: boolean;
  /** The employee refused the paper work record book (art. 66.1). */
  work_book_refused?: boolean;
}

/** A coded message: stable code, both texts and the values that filled them. */
export interface Message {
  code: string;
  message_ru: string;
  message_en: string;
  args: Record<string, string>;
}

export type Kind = "УКЭП" | "УКЭП?" | "УНЭП" | "invalid";
export type PdfaVerdict = "conforming" | "not-conforming" | "not-pdf" | "undecided";

export interface Occurrence {
  context: string | null;
  object: string | null;
  page: number | null;
  detail: string | null;
}

export interface Violation {
  /** veraPDF rule id, e.g. "6.1.3-1". */
  rule: string;
  clause: string;
  status: "failed" | "not-checked";
  message_ru: string;
  message_en: string;
  context: string | null;
  object: string | null;
  page: number | null;
  count: number;
  occurrences: Occurrence[];
}

export interface PdfaReport {
  claimed: string | null;
  part: string | null;
  conformance: string | null;
  header_version: string | null;
  verdict: PdfaVerdict;
  profile: string;
  rules_checked: number;
  violations: Violation[];
}

export interface DocumentReport {
  file: string | null;
  size: number;
  size_limit: number;
  size_ok: boolean;
  sha256: string;
  pdfa: PdfaReport;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  serial_hex: string;
  not_before: string | null;
  not_after: string | null;
  sha1: string;
  subject_key_id: string | null;
  authority_key_id: string | null;
  key_algorithm: string | null;
  key_usage: string[];
  extended_key_usage: string[];
  policies: string[];
  classes: string[];
  subject_sign_tool: string | null;
  issuer_sign_tool: string[];
  identification_kind: number | null;
  crl_urls: string[];
  aia_urls: string[];
  is_ca: boolean;
}

export interface Reason extends Message {
  ok: boolean;
}

export interface SignerDetails {
  signer_id: "issuer_serial" | "subject_key_id" | null;
  signing_time: string | null;
  validity_time: string | null;
  validity_time_source: "signing_time" | "timestamp" | "check_time" | null;
  digest_matches: boolean | null;
  signature_verifies: boolean | null;
  signature_algorithm_oid: string | null;
  digest_algorithm_oid: string | null;
  key_parameters_oid: string | null;
  key_parameters: string | null;
  signed_attributes: string[];
  unsigned_attributes: string[];
  signing_certificate_matches: boolean | null;
  timestamp: string | null;
  timestamp_authority: string | null;
  certificate: CertificateSummary | null;
  chain: CertificateSummary[];
  chain_valid: boolean | null;
  revocation: "not-checked" | "good" | "revoked" | null;
  findings: Message[];
}

/** One signer; the field names are those of the fixtures' expected.json. */
export interface SignerReport {
  subject_cn: string | null;
  surname: string | null;
  given_name: string | null;
  inn: string | null;
  innle: string | null;
  snils: string | null;
  ogrn: string | null;
  organization: string | null;
  title: string | null;
  serial_hex: string | null;
  issuer_cn: string | null;
  key_algorithm: string | null;
  digest_algorithm: string | null;
  signature_valid: boolean;
  cert_valid_at_signing: boolean | null;
  qualified_profile: boolean;
  issuer_accredited: boolean | null;
  kind: Kind | null;
  party: string | null;
  details: SignerDetails;
  reasons: Reason[];
}

export interface SignatureReport {
  file: string;
  size: number;
  encoding: "der" | "ber" | "pem" | "base64" | null;
  parse: "ok" | "error";
  error: Message | null;
  content_attached: boolean;
  content_matches: boolean | null;
  signers: SignerReport[];
  /** What the parser noticed about the file as a whole; not a verdict. */
  findings: Message[];
  kind: Kind;
}

export interface TrustListSummary {
  version: string | null;
  date: string | null;
  authorities: number;
  keys: number;
}

export interface PolicySignature {
  file: string;
  signer: string | null;
  /** "employer", "employee" or "unknown". */
  party: string;
  kind: Kind | null;
  /** The kinds the law allows this party here, as labels (УКЭП, УНЭП (ЕСИА), ...). */
  allowed: string[];
  basis_ru: string | null;
  basis_en: string | null;
  ok: boolean;
  /** Allowed only on a condition the file cannot show (e.g. an УНЭП issued via ЕСИА). */
  conditional: boolean;
  /** The signature type to declare to the portal. */
  declared_type: string | null;
  /** The signature file's name for the upload. */
  upload_name: string | null;
  finding: Message | null;
}

export interface PolicyReport {
  document_type: string;
  document_type_ru: string;
  channel: string;
  /** Who signs this type: employer, employee, both, ... */
  signers: string;
  electronic_allowed: boolean;
  paper_reason_ru: string | null;
  paper_reason_en: string | null;
  signatures: PolicySignature[];
  ok: boolean;
  findings: Message[];
  /** Conditions the file cannot show; not blocking. */
  warnings: Message[];
}

export interface UploadStep {
  part: "document" | "signature";
  file: string;
  signature_type: string | null;
  party: string | null;
}

export interface UploadReport {
  ready: boolean;
  file_name: string | null;
  group: string | null;
  codifier: string | null;
  codifier_name: string | null;
  size: number;
  pdfa: PdfaVerdict;
  steps: UploadStep[];
  blockers: Message[];
}

/** The whole verdict, schema "ekdo-check/report/v1". */
export interface Report {
  schema: "ekdo-check/report/v1";
  checker_version: string;
  checked_at: string;
  ready: boolean;
  document: DocumentReport;
  signatures: SignatureReport[];
  kind: Kind | null;
  trust_list: TrustListSummary | null;
  policy: PolicyReport | null;
  upload: UploadReport;
  errors: Message[];
  warnings: Message[];
}

// ---------------------------------------------------------------------------------------------
// Signing: signPrepare / signAssemble (external signer), sign / cosign (software GOST key).
// Every failure throws an Error whose `code` holds the stable code (SIGN_..., CERT_..., ...).
// ---------------------------------------------------------------------------------------------

/** How an external signer lays out the raw signature value. */
export type RawSignatureOrder =
  /** As CMS carries it: GOST s‖r big-endian, RSA the integer, ECDSA the DER value (default). */
  | "s-then-r"
  /** GOST or ECDSA r‖s, each half big-endian (WebCrypto's ECDSA). */
  | "r-then-s"
  /** The CMS value reversed: GOST r‖s little-endian, RSA little-endian (CryptoAPI). */
  | "little-endian";

/** Options of `signPrepare`. Unknown keys throw OPTIONS_INVALID. */
export interface SignPrepareOptions {
  /** The signingTime (RFC 3339 or a Date); default: now. The certificate must be valid then. */
  at?: string | Date;
  /** CA certificates to carry in the signature file (DER or PEM). */
  chain?: Uint8Array[];
  /** The first argument is the document's digest (with `digestAlgorithm`), not the document. */
  prehashed?: boolean;
}

/** What `signPrepare` returns. */
export interface SignPrepared {
  /** The DER signed attributes, SET OF tag (0x31): the bytes hashed. */
  signedAttrs: Uint8Array;
  /** The hash to sign, as the digest algorithm outputs it. */
  hash: Uint8Array;
  digestAlgorithm: "streebog256" | "streebog512" | "sha256" | "sha384";
  /** Opaque JSON to pass to `signAssemble` (public data only; keep it while the signer works). */
  state: string;
}

/** Options of `signAssemble`. */
export interface SignAssembleOptions {
  /** The layout of the raw value; default "s-then-r". */
  order?: RawSignatureOrder;
  /** Return PEM (-----BEGIN CMS-----) instead of DER. */
  pem?: boolean;
  /** A detached signature file to add this signer to (co-signing). */
  existing?: Uint8Array;
}

/** Options of `sign` and `cosign`. */
export interface SignOptions {
  /** The signingTime (RFC 3339 or a Date); default: now. */
  at?: string | Date;
  /** Return PEM (-----BEGIN CMS-----) instead of DER. */
  pem?: boolean;
  /** CA certificates to carry in the signature file (DER or PEM). */
  chain?: Uint8Array[];
}

/** One cell of the art. 22.3 matrix: the kinds a party may use on a channel, or why none. */
export interface MatrixCell {
  /** Kind ids: "ukep", "unep_egov", "unep_agreement", "pep_gosuslugi", "pep_agreement". */
  kinds: string[];
  labels?: string[];
  basis_ru?: string;
  basis_en?: string;
  /** The code of the refusal (e.g. POLICY_PAPER_ONLY) when the document may not be electronic. */
  refused?: string;
  message_ru?: string;
  message_en?: string;
}

/** One personnel document type of the catalogue. */
export interface DocumentTypeInfo {
  id: string;
  name_ru: string;
  name_en: string;
  /** The portal's document group. */
  group: string;
  /** The Минтруд codifier, "12.999" by default. */
  codifier: string;
  codifier_name: string;
  /** May be electronic at all. */
  electronic: boolean;
  signers: string;
  paper_reason_ru: string | null;
  paper_reason_en: string | null;
  paper_citation: string | null;
  /** Paper unless the employee refused it (the work record book). */
  paper_unless_refused: boolean;
  matrix: Record<"portal" | "own", Record<"employer" | "employee", MatrixCell>>;
}

/** What `documentTypes()` returns. */
export interface DocumentCatalogue {
  /** The portal's ten document groups. */
  groups: string[];
  signature_kinds: Array<{ id: string; label: string; description_ru: string; description_en: string }>;
  types: DocumentTypeInfo[];
}

/** What `checkStream` reads, chunk by chunk. */
export type StreamSource =
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>
  | Uint8Array
  | ArrayBuffer;

/** Options of `checkStream`: those of `check`; the trust list may also be a parsed `TrustList`. */
export type CheckStreamOptions = Omit<Options, "trustList"> & { trustList?: Uint8Array | TrustList };
