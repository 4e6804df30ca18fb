// The demo page of ekdo-check: reads local files, runs the check in the browser (WebAssembly),
// shows the verdict. No framework, no bundler, no network: the page requests only its own files
// and the package in ../pkg/. Texts are in Russian and English (TEXTS); messages of the report
// come from the report itself (message_ru / message_en).

// Every text of the demo page, in Russian and English. Keys are shared; `{name}` slots are filled
// by `t(key, vars)` in app.js. Messages of the report itself come from the report (message_ru,
// message_en), never from here.

const TEXTS = {
  ru: {
    pageTitle: "ekdo-check — проверка перед загрузкой на «Работа России»",
    skip: "К содержимому",
    title: "Проверка кадрового документа перед загрузкой",
    subtitle: "ЭКДО «Работа России»: PDF/A-1, размер, подписи УКЭП/УНЭП, ст. 22.3 ТК РФ",
    langSwitch: "English",
    tabsLabel: "Режим",
    tabCheck: "Проверить",
    tabSign: "Подписать",
    privacy: "Файлы не покидают ваш компьютер: проверка идёт в браузере, страница ничего не отправляет в сеть.",
    dropTitle: "Перетащите файлы сюда или нажмите, чтобы выбрать",
    dropHint: "PDF-документ, файлы подписи (.sig, .p7s, .sgn, .pem, .p7m) и, при желании, перечень аккредитованных УЦ (.xml)",
    pickLabel: "Выбрать файлы",
    loadedTitle: "Загруженные файлы",
    clear: "Начать заново",
    recheck: "Проверить ещё раз",
    remove: "Убрать",
    removeFile: "Убрать файл «{name}»",
    roleDocument: "документ",
    roleSignature: "подпись",
    roleTrust: "перечень УЦ",
    roleReport: "отчёт JSON",
    trustKept: "сохраняется для следующих проверок",
    partyLabel: "Сторона подписи «{name}»",
    partyAuto: "сторона: авто",
    partyEmployer: "работодатель",
    partyEmployee: "работник",
    metaTitle: "Вид документа и данные для загрузки (ст. 22.3 ТК РФ)",
    docType: "Вид документа",
    docTypeNone: "— не выбран —",
    docTypePaper: "Только на бумаге (ст. 22.1 ТК РФ)",
    docTypeElectronic: "Электронные документы",
    channel: "Где подписывается",
    channelOwn: "в системе работодателя",
    channelPortal: "на портале «Работа России»",
    employee: "ФИО работника",
    docNumber: "Номер документа",
    docDate: "Дата документа",
    checkAt: "Момент проверки (RFC 3339, пусто — сейчас)",
    metaHint: "Поля применяются к следующей проверке; вид документа нужен для вердикта по трудовому законодательству и имени файла на портале.",
    footNote: "Проверка носит справочный характер и не заменяет проверку на портале.",
    loading: "Загрузка модуля проверки…",
    loadFailed: "Не удалось загрузить модуль проверки: {detail}",
    reading: "Чтение «{name}»: {done} из {total} байт",
    checking: "Проверка: хеширование и разбор ({total} байт)…",
    doneProgress: "Прочитано {total} байт, проверка заняла {ms} мс",
    tooBigToRead: "Файл «{name}» ({size} байт) больше {limit} байт: страница его не читает",
    unreadable: "Не удалось прочитать файл «{name}»: {detail}",
    manyDocuments: "Выбрано несколько PDF: проверяется «{name}», остальные пропущены",
    noDocument: "Добавьте PDF-документ: подписи проверяются вместе с ним.",
    notReport: "Файл «{name}» не является отчётом ekdo-check (schema ekdo-check/report/v1)",
    viewedReport: "Показан сохранённый отчёт из файла «{name}» (проверка {at}, ekdo-check {version}): страница его не перепроверяла.",
    optionUnsupported: {
      trustList: "Эта сборка ekdo-check ещё не принимает перечень УЦ: проверка выполнена без него, аккредитация УЦ не проверена.",
      meta: "Эта сборка ekdo-check ещё не принимает данные документа: вердикт по ТК РФ и имя файла на портале не вычислены.",
      party: "Эта сборка ekdo-check ещё не принимает сторону подписи: она не учтена.",
      other: "Эта сборка ekdo-check не принимает параметр «{option}»: проверка выполнена без него.",
    },
    metaRejected: "Данные документа не приняты ({code}): {message}. Остальная проверка выполнена без них.",
    checkFailed: "Проверка не выполнена ({code}): {message}",
    readyYes: "Готово к загрузке на портал",
    readyNo: "Не готово к загрузке",
    readyNoDetail: "Препятствий: {n}. Подробности — в карточках ниже.",
    readyYesDetail: "Документ и подписи прошли все проверки.",
    overallKind: "Итог по подписям",
    noSignatures: "подписей нет",
    trustList: "Перечень УЦ",
    trustListSummary: "версия {version} от {date}: УЦ — {authorities}, ключей — {keys}",
    trustListNone: "не загружен (аккредитация УЦ не проверяется)",
    trustListIgnored: "загружен, но эта сборка его не применила",
    checkedAt: "Момент проверки",
    checker: "Версия",
    documentCard: "Документ",
    file: "Файл",
    size: "Размер",
    sha256: "SHA-256",
    pdfa: "PDF/A",
    claimed: "Заявлен уровень",
    claimedNone: "не заявлен",
    headerVersion: "Версия в заголовке",
    rulesChecked: "Правил проверено",
    verdict: {
      conforming: "соответствует",
      "not-conforming": "не соответствует",
      "not-pdf": "не PDF",
      undecided: "не определено",
    },
    sizeOk: "в пределах лимита портала",
    sizeWarn: "больше 15 000 000 байт: портал может посчитать «15 Мб» десятичными мегабайтами",
    sizeOver: "больше лимита портала 15 МиБ",
    sizeOf: "{size} из {limit} ({percent} %)",
    sizeBarLabel: "Размер документа {size} байт при лимите {limit} байт",
    mark15mb: "15 000 000",
    mark15mib: "15 МиБ",
    violations: "Нарушения PDF/A",
    violationsNone: "Нарушений PDF/A не найдено.",
    rule: "Правило",
    status: "Статус",
    description: "Описание",
    count: "Раз",
    context: "Где",
    page: "стр. {n}",
    ruleStatus: { failed: "нарушено", "not-checked": "не проверено" },
    occurrences: "Все случаи ({n})",
    signatureCard: "Файл подписи",
    encoding: "Кодировка",
    encodingNone: "не распознана",
    parse: "Разбор",
    parseState: { ok: "разобрана", error: "ошибка" },
    error: "Ошибка",
    contentAttached: "Форма подписи",
    attached: "присоединённая: документ вложен в подпись",
    detached: "откреплённая: документ отдельно",
    contentMatches: "Вложенный документ совпадает",
    signers: "Подписанты: {n}",
    noSigners: "Подписантов не найдено.",
    signerCard: "Подписант",
    fio: "ФИО",
    inn: "ИНН",
    innle: "ИНН организации",
    snils: "СНИЛС",
    ogrn: "ОГРН",
    organization: "Организация",
    titleField: "Должность",
    party: "Сторона",
    certPeriod: "Сертификат действует",
    issuer: "Издатель",
    serial: "Серийный номер",
    keyAlgorithm: "Алгоритм ключа",
    digestAlgorithm: "Алгоритм хеширования",
    signingTime: "Время подписи",
    signatureValid: "Подпись верна",
    certValidAtSigning: "Сертификат действовал при подписании",
    qualifiedProfile: "Профиль квалифицированного сертификата",
    issuerAccredited: "УЦ аккредитован",
    chainValid: "Цепочка сертификатов",
    revocation: "Отзыв",
    revocationState: { "not-checked": "не проверялся", good: "не отозван", revoked: "отозван" },
    reasons: "Почему такой вид подписи",
    findings: "Замечания",
    certificate: "Сертификат",
    subject: "Владелец",
    thumbprint: "Отпечаток SHA-1",
    policies: "Политики",
    keyUsage: "Назначение ключа",
    signTool: "Средство подписи",
    yes: "да",
    no: "нет",
    unknown: "не проверено",
    none: "—",
    kindName: {
      "УКЭП": "УКЭП",
      "УКЭП?": "УКЭП?",
      "УНЭП": "УНЭП",
      invalid: "недействительна",
    },
    kindHint: {
      "УКЭП": "усиленная квалифицированная электронная подпись",
      "УКЭП?": "профиль квалифицированный, аккредитация УЦ не проверена — загрузите перечень УЦ",
      "УНЭП": "усиленная неквалифицированная электронная подпись",
      invalid: "подпись недействительна",
    },
    policyCard: "Трудовое законодательство (ст. 22.3 ТК РФ)",
    policyOk: "Виды подписей соответствуют требованиям",
    policyNo: "Виды подписей не соответствуют требованиям",
    electronicAllowed: "Допускается электронная форма",
    channelName: { own: "система работодателя", portal: "портал «Работа России»" },
    partyName: { employer: "работодатель", employee: "работник" },
    signer: "Подписант",
    kind: "Вид подписи",
    allowed: "Допустимо",
    uploadCard: "Загрузка на портал",
    uploadReady: "Можно загружать",
    uploadBlocked: "Загрузка заблокирована",
    fileName: "Имя файла на портале",
    group: "Группа документов",
    codifier: "Кодификатор",
    steps: "Порядок загрузки",
    stepDocument: "Документ",
    stepSignature: "Подпись",
    blockers: "Что мешает загрузке",
    copyJson: "Скопировать JSON манифеста",
    copied: "Скопировано",
    copyFailed: "Не удалось скопировать: выделите текст ниже",
    downloadReport: "Скачать отчёт (JSON)",
    manifestJson: "JSON манифеста",
    messagesCard: "Ошибки и предупреждения",
    errors: "Ошибки",
    warnings: "Предупреждения",
    noMessages: "Ошибок и предупреждений нет.",
    textReport: "Текстовый отчёт",
    signIntro: "Создание откреплённой подписи CAdES-BES ключом из файла PKCS#8. Ключ не покидает браузер.",
    signUnavailable: "Подписание недоступно в этой сборке ekdo-check: пакет не экспортирует функцию sign.",
    signDoc: "Документ (PDF)",
    signKey: "Закрытый ключ (PKCS#8, .pem или .der)",
    signCert: "Сертификат (.pem, .cer, .crt, .der)",
    signGo: "Подписать",
    signNeedFiles: "Выберите документ, ключ и сертификат.",
    signWorking: "Подписание…",
    signDone: "Подпись создана: {size} байт.",
    signDownload: "Скачать «{name}»",
    signCheck: "Проверить эту подпись",
    signFailed: "Подписать не удалось ({code}): {message}",
    bytes: "{n} байт",
    units: ["байт", "КиБ", "МиБ", "ГиБ"],
  },
  en: {
    pageTitle: "ekdo-check — check before upload to «Работа России»",
    skip: "Skip to content",
    title: "Check a personnel document before upload",
    subtitle: "«Работа России» e-HR upload: PDF/A-1, size, УКЭП/УНЭП signatures, Labour Code art. 22.3",
    langSwitch: "Русский",
    tabsLabel: "Mode",
    tabCheck: "Check",
    tabSign: "Sign",
    privacy: "Your files never leave this computer: the check runs in the browser and the page sends nothing over the network.",
    dropTitle: "Drop files here or press to choose",
    dropHint: "The PDF document, its signature files (.sig, .p7s, .sgn, .pem, .p7m) and, optionally, the list of accredited CAs (.xml)",
    pickLabel: "Choose files",
    loadedTitle: "Loaded files",
    clear: "Start over",
    recheck: "Check again",
    remove: "Remove",
    removeFile: "Remove the file «{name}»",
    roleDocument: "document",
    roleSignature: "signature",
    roleTrust: "CA trust list",
    roleReport: "JSON report",
    trustKept: "kept for the next checks",
    partyLabel: "Party of the signature «{name}»",
    partyAuto: "party: auto",
    partyEmployer: "employer",
    partyEmployee: "employee",
    metaTitle: "Document type and upload data (Labour Code art. 22.3)",
    docType: "Document type",
    docTypeNone: "— not chosen —",
    docTypePaper: "Paper only (Labour Code art. 22.1)",
    docTypeElectronic: "Electronic documents",
    channel: "Where it is signed",
    channelOwn: "in the employer's system",
    channelPortal: "on the «Работа России» portal",
    employee: "Employee's full name",
    docNumber: "Document number",
    docDate: "Document date",
    checkAt: "Check time (RFC 3339, empty for now)",
    metaHint: "The fields apply to the next check; the document type is needed for the labour-law verdict and the portal's file name.",
    footNote: "The check is for information and does not replace the portal's own check.",
    loading: "Loading the checker…",
    loadFailed: "The checker could not be loaded: {detail}",
    reading: "Reading «{name}»: {done} of {total} bytes",
    checking: "Checking: hashing and parsing ({total} bytes)…",
    doneProgress: "Read {total} bytes, the check took {ms} ms",
    tooBigToRead: "The file «{name}» ({size} bytes) is larger than {limit} bytes: the page does not read it",
    unreadable: "Cannot read the file «{name}»: {detail}",
    manyDocuments: "Several PDFs were chosen: «{name}» is checked, the others are skipped",
    noDocument: "Add the PDF document: signatures are checked together with it.",
    notReport: "The file «{name}» is not an ekdo-check report (schema ekdo-check/report/v1)",
    viewedReport: "Showing a saved report from the file «{name}» (checked {at}, ekdo-check {version}): the page has not re-checked it.",
    optionUnsupported: {
      trustList: "This build of ekdo-check does not take the CA trust list yet: the check ran without it, CA accreditation is not checked.",
      meta: "This build of ekdo-check does not take the document data yet: no labour-law verdict and no portal file name.",
      party: "This build of ekdo-check does not take signature parties yet: they are ignored.",
      other: "This build of ekdo-check does not take the option «{option}»: the check ran without it.",
    },
    metaRejected: "The document data were refused ({code}): {message}. The rest of the check ran without them.",
    checkFailed: "The check failed ({code}): {message}",
    readyYes: "Ready to upload to the portal",
    readyNo: "Not ready to upload",
    readyNoDetail: "Blockers: {n}. The cards below have the details.",
    readyYesDetail: "The document and its signatures passed every check.",
    overallKind: "Signatures overall",
    noSignatures: "no signatures",
    trustList: "CA trust list",
    trustListSummary: "version {version} of {date}: {authorities} CAs, {keys} keys",
    trustListNone: "not loaded (CA accreditation is not checked)",
    trustListIgnored: "loaded, but this build did not apply it",
    checkedAt: "Checked at",
    checker: "Version",
    documentCard: "Document",
    file: "File",
    size: "Size",
    sha256: "SHA-256",
    pdfa: "PDF/A",
    claimed: "Claimed level",
    claimedNone: "none claimed",
    headerVersion: "Header version",
    rulesChecked: "Rules checked",
    verdict: {
      conforming: "conforms",
      "not-conforming": "does not conform",
      "not-pdf": "not a PDF",
      undecided: "undecided",
    },
    sizeOk: "within the portal's limit",
    sizeWarn: "above 15,000,000 bytes: the portal may count «15 MB» in decimal megabytes",
    sizeOver: "above the portal's 15 MiB limit",
    sizeOf: "{size} of {limit} ({percent} %)",
    sizeBarLabel: "Document size {size} bytes, the limit is {limit} bytes",
    mark15mb: "15,000,000",
    mark15mib: "15 MiB",
    violations: "PDF/A violations",
    violationsNone: "No PDF/A violations found.",
    rule: "Rule",
    status: "Status",
    description: "Description",
    count: "Times",
    context: "Where",
    page: "p. {n}",
    ruleStatus: { failed: "failed", "not-checked": "not checked" },
    occurrences: "All occurrences ({n})",
    signatureCard: "Signature file",
    encoding: "Encoding",
    encodingNone: "not recognised",
    parse: "Parsing",
    parseState: { ok: "parsed", error: "error" },
    error: "Error",
    contentAttached: "Signature form",
    attached: "attached: the document is inside the signature",
    detached: "detached: the document is separate",
    contentMatches: "Attached document matches",
    signers: "Signers: {n}",
    noSigners: "No signers found.",
    signerCard: "Signer",
    fio: "Full name",
    inn: "INN",
    innle: "Organisation INN",
    snils: "SNILS",
    ogrn: "OGRN",
    organization: "Organisation",
    titleField: "Position",
    party: "Party",
    certPeriod: "Certificate valid",
    issuer: "Issuer",
    serial: "Serial number",
    keyAlgorithm: "Key algorithm",
    digestAlgorithm: "Digest algorithm",
    signingTime: "Signing time",
    signatureValid: "Signature verifies",
    certValidAtSigning: "Certificate valid at signing",
    qualifiedProfile: "Qualified certificate profile",
    issuerAccredited: "CA accredited",
    chainValid: "Certificate chain",
    revocation: "Revocation",
    revocationState: { "not-checked": "not checked", good: "not revoked", revoked: "revoked" },
    reasons: "Why this kind of signature",
    findings: "Findings",
    certificate: "Certificate",
    subject: "Subject",
    thumbprint: "SHA-1 thumbprint",
    policies: "Policies",
    keyUsage: "Key usage",
    signTool: "Signing tool",
    yes: "yes",
    no: "no",
    unknown: "not checked",
    none: "—",
    kindName: {
      "УКЭП": "УКЭП",
      "УКЭП?": "УКЭП?",
      "УНЭП": "УНЭП",
      invalid: "invalid",
    },
    kindHint: {
      "УКЭП": "qualified electronic signature",
      "УКЭП?": "qualified profile, CA accreditation not checked — load the CA trust list",
      "УНЭП": "advanced (non-qualified) electronic signature",
      invalid: "the signature is invalid",
    },
    policyCard: "Labour law (Labour Code art. 22.3)",
    policyOk: "The kinds of signature meet the requirements",
    policyNo: "The kinds of signature do not meet the requirements",
    electronicAllowed: "Electronic form allowed",
    channelName: { own: "the employer's system", portal: "the «Работа России» portal" },
    partyName: { employer: "employer", employee: "employee" },
    signer: "Signer",
    kind: "Kind",
    allowed: "Allowed",
    uploadCard: "Upload to the portal",
    uploadReady: "Can be uploaded",
    uploadBlocked: "Upload blocked",
    fileName: "File name on the portal",
    group: "Document group",
    codifier: "Codifier",
    steps: "Upload steps",
    stepDocument: "Document",
    stepSignature: "Signature",
    blockers: "What blocks the upload",
    copyJson: "Copy the manifest JSON",
    copied: "Copied",
    copyFailed: "Could not copy: select the text below",
    downloadReport: "Download the report (JSON)",
    manifestJson: "Manifest JSON",
    messagesCard: "Errors and warnings",
    errors: "Errors",
    warnings: "Warnings",
    noMessages: "No errors or warnings.",
    textReport: "Text report",
    signIntro: "Makes a detached CAdES-BES signature with a key from a PKCS#8 file. The key never leaves the browser.",
    signUnavailable: "Signing is unavailable in this build of ekdo-check: the package does not export a sign function.",
    signDoc: "Document (PDF)",
    signKey: "Private key (PKCS#8, .pem or .der)",
    signCert: "Certificate (.pem, .cer, .crt, .der)",
    signGo: "Sign",
    signNeedFiles: "Choose the document, the key and the certificate.",
    signWorking: "Signing…",
    signDone: "Signature made: {size} bytes.",
    signDownload: "Download «{name}»",
    signCheck: "Check this signature",
    signFailed: "Signing failed ({code}): {message}",
    bytes: "{n} bytes",
    units: ["bytes", "KiB", "MiB", "GiB"],
  },
};

/**
 * The document types of the labour-law check (ids of the core's catalogue), electronic first,
 * then those Labour Code art. 22.1 keeps on paper.
 */
const DOCUMENT_TYPES = [
  ["employment_contract", "Трудовой договор", "Employment contract"],
  ["employment_contract_amendment", "Дополнительное соглашение к трудовому договору", "Amendment to the employment contract"],
  ["liability_agreement", "Договор о материальной ответственности", "Liability agreement"],
  ["apprenticeship_agreement", "Ученический договор", "Apprenticeship agreement"],
  ["education_agreement", "Договор на получение образования", "Education agreement"],
  ["disciplinary_order", "Приказ о применении дисциплинарного взыскания", "Disciplinary order"],
  ["disciplinary_order_acknowledgement", "Ознакомление с приказом о применении дисциплинарного взыскания", "Acknowledgement of a disciplinary order"],
  ["terms_change_notice", "Уведомление об изменении условий трудового договора", "Notice of a change to the terms of the employment contract"],
  ["transfer_consent", "Согласие на перевод", "Consent to a transfer"],
  ["resignation_letter", "Заявление об увольнении по собственному желанию", "Resignation letter"],
  ["resignation_withdrawal", "Отзыв заявления об увольнении", "Withdrawal of a resignation letter"],
  ["hiring_order", "Приказ о приёме на работу", "Hiring order"],
  ["vacation_application", "Заявление на отпуск", "Vacation application"],
  ["vacation_order", "Приказ о предоставлении отпуска", "Vacation order"],
  ["transfer_order", "Приказ о переводе на другую работу", "Transfer order"],
  ["bonus_order", "Приказ о премировании", "Bonus order"],
  ["business_trip_order", "Приказ о направлении в командировку", "Business trip order"],
  ["income_certificate_request", "Заявление о выдаче справки о доходах", "Request for an income certificate"],
  ["explanatory_note", "Объяснительная записка", "Explanatory note"],
  ["local_act_acknowledgement", "Ознакомление с локальным нормативным актом", "Acknowledgement of a local regulation"],
  ["termination_agreement", "Соглашение о расторжении трудового договора", "Termination agreement"],
  ["other", "Иной документ", "Other document"],
].map(([id, ru, en]) => ({ id, ru, en, paper: false })).concat(
  [
    ["work_record_book", "Трудовая книжка", "Work record book"],
    ["accident_report", "Акт о несчастном случае на производстве", "Industrial accident report"],
    ["dismissal_order", "Приказ об увольнении", "Dismissal order"],
    ["safety_briefing_record", "Документ о прохождении инструктажа по охране труда", "Record of an occupational safety briefing"],
  ].map(([id, ru, en]) => ({ id, ru, en, paper: true })),
);

// ---------------------------------------------------------------------------------------------
// State and helpers
// ---------------------------------------------------------------------------------------------

/** The page reads no file larger than this (the core's own input limit is 64 MiB as well). */
const MAX_READ_BYTES = 64 * 1024 * 1024;
/** The portal's «15 МБ» read as decimal megabytes: above it, a warning zone up to 15 MiB. */
const DECIMAL_LIMIT = 15_000_000;
const SIGNATURE_EXTENSIONS = ["sig", "p7s", "sgn", "pem", "p7m", "p7b", "cms", "b64"];

const state = {
  lang: initialLang(),
  /** The PDF: { name, bytes }. */
  document: null,
  /** Signature files: { name, bytes, party: "" | "employer" | "employee" }. */
  signatures: [],
  /** The CA trust list, kept across checks: { name, bytes }. */
  trustList: null,
  /** A saved report opened from a .json file instead of a check: { name, report }. */
  viewed: null,
  /** The last report and what the page had to say about the run. */
  report: null,
  notices: [],
  failure: null,
  /** Option keys the loaded build refused as unknown; not sent again. */
  unsupported: new Set(),
  /** Finished runs, shown as data-run on the result (tests wait for it). */
  runs: 0,
};

const $ = (id) => document.getElementById(id);
let mod = null;
let codeTable = null;

function initialLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "ru" || asked === "en") return asked;
  try {
    const saved = localStorage.getItem("ekdo-lang");
    if (saved === "ru" || saved === "en") return saved;
  } catch {
    // Storage may be off (private mode, file: URLs); Russian first.
  }
  return "ru";
}

/** The text of `key` in the current language, with `{slots}` filled from `vars`. */
function t(key, vars = {}) {
  const text = key.split(".").reduce((o, k) => (o == null ? o : o[k]), TEXTS[state.lang]);
  if (typeof text !== "string") return key.split(".").pop();
  return fill(text, vars);
}

function fill(template, vars) {
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** A coded message of the report in the current language. */
function msg(m) {
  return state.lang === "en" ? m.message_en : m.message_ru;
}

/** A stable code's text from the package's table, for messages the page makes itself. */
function codeText(code, args) {
  const entry = codeTable?.find((c) => c.code === code);
  return entry ? fill(state.lang === "en" ? entry.message_en : entry.message_ru, args) : code;
}

function num(n) {
  return new Intl.NumberFormat(state.lang === "en" ? "en-GB" : "ru-RU").format(n);
}

function humanBytes(n) {
  const units = TEXTS[state.lang].units;
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : 1;
  const text = new Intl.NumberFormat(state.lang === "en" ? "en-GB" : "ru-RU", { maximumFractionDigits: digits }).format(value);
  return `${text} ${units[unit]}`;
}

function when(iso, withTime = true) {
  if (!iso) return t("none");
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = state.lang === "en" ? "en-GB" : "ru-RU";
  const options = withTime
    ? { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }
    : { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" };
  return d.toLocaleString(locale, options) + (withTime ? " UTC" : "");
}

/** Creates an element: h("p", { class, text, testid, onclick, ...attributes }, ...children). */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key === "testid") el.dataset.testid = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

function yesNo(value) {
  if (value === true) return h("span", { class: "t-ok", "data-value": "true" }, "✓ ", t("yes"));
  if (value === false) return h("span", { class: "t-bad", "data-value": "false" }, "✗ ", t("no"));
  return h("span", { class: "muted", "data-value": "null" }, t("unknown"));
}

/** A description-list row; `field` names it for tests (data-field), null values show a dash. */
function row(label, value, field, raw) {
  const empty = value == null || value === "";
  return [
    h("dt", { text: label }),
    h("dd", { "data-field": field, "data-value": raw ?? (typeof value === "string" ? value : null), class: empty ? "muted" : null },
      empty ? t("none") : value),
  ];
}

function kindBadge(kind, testid) {
  if (kind == null) return h("span", { class: "badge none", testid, "data-kind": "" }, t("noSignatures"));
  const slug = { "УКЭП": "qes", "УКЭП?": "qes-unconfirmed", "УНЭП": "aes", invalid: "invalid" }[kind] || "none";
  const texts = TEXTS[state.lang];
  return h("span", { class: `badge ${slug}`, testid, "data-kind": kind, title: texts.kindHint[kind] ?? null }, texts.kindName[kind] ?? kind);
}

function messageItem(m, cls) {
  return h("li", { class: cls, "data-code": m.code }, h("code", { text: m.code }), " ", msg(m));
}

/** The name of a party ("employer", "employee"), or the value itself when the page does not know it. */
function partyName(party) {
  return TEXTS[state.lang].partyName[party] ?? party;
}

function formatSnils(s) {
  return /^\d{11}$/.test(s) ? `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6, 9)} ${s.slice(9)}` : s;
}

// ---------------------------------------------------------------------------------------------
// Language and static texts
// ---------------------------------------------------------------------------------------------

function applyLang() {
  document.documentElement.lang = state.lang;
  document.title = t("pageTitle");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(el.dataset.i18nAria));
  const button = $("lang");
  button.textContent = t("langSwitch");
  button.lang = state.lang === "ru" ? "en" : "ru";
  fillDocumentTypes();
  $("progress-text").textContent = progressText();
  renderFiles();
  render();
}

function fillDocumentTypes() {
  const select = $("doc-type");
  const chosen = select.value;
  select.replaceChildren(h("option", { value: "" }, t("docTypeNone")));
  const groups = [
    [t("docTypeElectronic"), DOCUMENT_TYPES.filter((d) => !d.paper)],
    [t("docTypePaper"), DOCUMENT_TYPES.filter((d) => d.paper)],
  ];
  for (const [label, types] of groups) {
    select.append(h("optgroup", { label }, types.map((d) => h("option", { value: d.id }, d[state.lang]))));
  }
  select.value = chosen;
}

// ---------------------------------------------------------------------------------------------
// Reading files
// ---------------------------------------------------------------------------------------------

/** Shows the progress bar; `text` is a function so that a language switch can redo it. */
let progressText = () => "";
function showProgress(value, max, text) {
  progressText = text;
  $("progress").hidden = false;
  const bar = $("progress-bar");
  if (value == null) {
    bar.removeAttribute("value");
  } else {
    bar.max = max || 1;
    bar.value = value;
  }
  $("progress-text").textContent = text();
}

/** Reads a file with File.stream(), reporting the bytes read so far. */
async function readFile(file, onProgress) {
  if (typeof file.stream !== "function") return new Uint8Array(await file.arrayBuffer());
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > out.length) {
      await reader.cancel();
      throw new Error("the file grew while it was read");
    }
    out.set(value, offset);
    offset += value.length;
    onProgress(offset);
  }
  return offset === out.length ? out : out.slice(0, offset);
}

function ascii(bytes, from, to) {
  let s = "";
  for (let i = from; i < Math.min(to, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** What a file is: by its extension, else by its first bytes. */
function classify(name, bytes) {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  if (SIGNATURE_EXTENSIONS.includes(ext)) return "signature";
  if (ext === "pdf") return "document";
  if (ext === "xml") return "trust";
  if (ext === "json") return "report";
  const head = ascii(bytes, 0, 1024);
  if (head.includes("%PDF-")) return "document";
  const start = head.replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart();
  if (start.startsWith("<?xml") || start.startsWith("<")) return "trust";
  if (start.startsWith("{")) return "report";
  return "signature";
}

/** Reads dropped or picked files and checks them, after whatever runs now. */
function ingest(fileList) {
  const files = [...fileList];
  if (files.length === 0) return Promise.resolve();
  return serial(() => ingestNow(files));
}

async function ingestNow(files) {
  const notices = [];
  const batch = [];
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let before = 0;
  {
    for (const file of files) {
      if (file.size > MAX_READ_BYTES) {
        notices.push({ level: "error", text: () => t("tooBigToRead", { name: file.name, size: num(file.size), limit: num(MAX_READ_BYTES) }) });
        continue;
      }
      try {
        const bytes = await readFile(file, (done) => {
          const read = before + done;
          showProgress(read, total, () => t("reading", { name: file.name, done: num(read), total: num(total) }));
        });
        batch.push({ name: file.name, bytes, role: classify(file.name, bytes) });
      } catch (e) {
        notices.push({ level: "error", text: () => t("unreadable", { name: file.name, detail: e?.message || String(e) }) });
      }
      before += file.size;
    }
    const documents = batch.filter((f) => f.role === "document");
    const reports = batch.filter((f) => f.role === "report");
    if (documents.length > 1) notices.push({ level: "warn", text: () => t("manyDocuments", { name: documents[0].name }) });
    if (documents.length > 0) {
      // A new document starts a new check: the signatures of the old one do not apply to it.
      state.document = { name: documents[0].name, bytes: documents[0].bytes };
      state.signatures = [];
      state.viewed = null;
    }
    for (const f of batch.filter((f) => f.role === "signature")) {
      const i = state.signatures.findIndex((s) => s.name === f.name);
      const entry = { name: f.name, bytes: f.bytes, party: i >= 0 ? state.signatures[i].party : "" };
      if (i >= 0) state.signatures[i] = entry;
      else state.signatures.push(entry);
    }
    for (const f of batch.filter((f) => f.role === "trust")) state.trustList = { name: f.name, bytes: f.bytes };
    if (documents.length === 0 && reports.length > 0) {
      const f = reports[reports.length - 1];
      const report = parseReport(f.bytes);
      if (report) {
        // A saved report stands instead of a check: the files of the last check go.
        state.viewed = { name: f.name, report };
        state.document = null;
        state.signatures = [];
      } else {
        notices.push({ level: "error", text: () => t("notReport", { name: f.name }) });
      }
    }
    renderFiles();
    await checkNow(notices, total);
  }
}

function parseReport(bytes) {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes));
    return value && value.schema === "ekdo-check/report/v1" && value.document && Array.isArray(value.signatures) ? value : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------

function readMeta() {
  const documentType = $("doc-type").value;
  if (!documentType) return null;
  const meta = { document_type: documentType, channel: $("channel").value };
  const employee = $("employee").value.trim();
  const number = $("doc-number").value.trim();
  const date = $("doc-date").value;
  if (employee) meta.employee = employee;
  if (number) meta.number = number;
  if (date) meta.date = date;
  if (state.signatures.length > 0 && state.signatures.every((s) => s.party)) meta.parties = state.signatures.map((s) => s.party);
  return meta;
}

/**
 * Calls `check`, leaving out the options this build refuses as unknown (`trustList` and `meta`
 * arrive with later versions of the core) and running without `meta` when the core refuses its
 * values; each such step becomes a notice on the page.
 */
function callCheck(notices) {
  const options = { lang: state.lang, documentName: state.document.name };
  const at = $("check-at").value.trim();
  if (at) options.at = at;
  if (state.trustList && !state.unsupported.has("trustList")) options.trustList = state.trustList.bytes;
  const meta = readMeta();
  if (meta && !state.unsupported.has("meta")) options.meta = meta;
  let withParty = !state.unsupported.has("party");
  const notSent = [...state.unsupported].filter((k) => (k === "trustList" && state.trustList) || (k === "meta" && meta) || (k === "party" && state.signatures.some((s) => s.party)));
  for (const k of notSent) notices.push({ level: "info", text: () => unsupportedText(k) });
  for (let attempt = 0; attempt < 6; attempt++) {
    const signatures = state.signatures.map((s) => (withParty && s.party ? { name: s.name, bytes: s.bytes, party: s.party } : { name: s.name, bytes: s.bytes }));
    try {
      return mod.check(state.document.bytes, signatures, options);
    } catch (e) {
      if (e?.code !== "OPTIONS_INVALID") throw e;
      const unknown = /unknown option «(\w+)»/.exec(String(e.message))?.[1];
      if (unknown && (unknown in options || unknown === "party")) {
        state.unsupported.add(unknown);
        if (unknown === "party") withParty = false;
        else delete options[unknown];
        if (unknown !== "party" || signatures.some((s) => s.party)) notices.push({ level: "info", text: () => unsupportedText(unknown) });
        continue;
      }
      if ("meta" in options) {
        delete options.meta;
        notices.push({ level: "error", text: () => t("metaRejected", { code: e.code, message: errorText(e) }), code: e.code });
        continue;
      }
      throw e;
    }
  }
  throw Object.assign(new Error("too many option retries"), { code: "INTERNAL" });
}

function unsupportedText(option) {
  const known = ["trustList", "meta", "party"].includes(option);
  return t(known ? `optionUnsupported.${option}` : "optionUnsupported.other", { option });
}

/** The text of an Error thrown by the package, in the current language. */
function errorText(e) {
  if (state.lang === "ru" && typeof e?.message_ru === "string") return e.message_ru.replace(/^[A-Z_]+: /, "");
  return String(e?.message ?? e).replace(/^[A-Z_]+: /, "");
}

/**
 * Runs file reads, state changes and checks one after another, so a check never sees files half
 * replaced; body[data-busy] says whether anything is queued.
 */
let queue = Promise.resolve();
let pending = 0;
function serial(task) {
  pending++;
  document.body.dataset.busy = "true";
  queue = queue.then(task).catch((e) => {
    state.failure = { code: e?.code || "INTERNAL", error: e };
    render();
  }).finally(() => {
    pending--;
    if (pending === 0) document.body.dataset.busy = "false";
  });
  return queue;
}

/** Changes the state (a file removed, a party chosen) and checks again, in turn. */
function change(mutate) {
  return serial(async () => {
    mutate();
    renderFiles();
    await checkNow();
  });
}

/** Checks the current files again, in turn. */
function runCheck() {
  return serial(() => checkNow());
}

async function checkNow(notices = [], readBytes = null) {
  try {
    await check(notices, readBytes);
  } finally {
    state.runs++;
    render();
  }
}

async function check(notices, readBytes) {
  state.notices = notices;
  state.failure = null;
  if (state.viewed) {
    state.report = state.viewed.report;
    const r = state.report;
    const name = state.viewed.name;
    state.notices.push({ level: "info", text: () => t("viewedReport", { name, at: r.checked_at, version: r.checker_version }) });
    $("progress").hidden = true;
    return;
  }
  if (!state.document) {
    state.report = null;
    if (state.signatures.length || state.trustList) state.notices.push({ level: "info", text: () => t("noDocument") });
    $("progress").hidden = true;
    return;
  }
  const total = state.document.bytes.length + state.signatures.reduce((s, x) => s + x.bytes.length, 0);
  showProgress(null, 0, () => t("checking", { total: num(total) }));
  // Let the browser paint the progress before the synchronous check takes the thread.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const started = performance.now();
  try {
    state.report = callCheck(state.notices);
  } catch (e) {
    state.report = null;
    state.failure = { code: e?.code || "INTERNAL", error: e };
  }
  const ms = Math.round(performance.now() - started);
  showProgress(1, 1, () => t("doneProgress", { total: num(readBytes ?? total), ms: num(ms) }));
}

// ---------------------------------------------------------------------------------------------
// The list of loaded files
// ---------------------------------------------------------------------------------------------

function renderFiles() {
  const list = $("loaded-list");
  const items = [];
  const remove = (name, onclick) => h("button", { type: "button", class: "link", "aria-label": t("removeFile", { name }), onclick }, t("remove"));
  if (state.document) {
    items.push(h("li", { "data-role": "document" },
      h("span", { class: "role" }, t("roleDocument")), h("span", { class: "name" }, state.document.name),
      h("span", { class: "muted" }, humanBytes(state.document.bytes.length)),
      remove(state.document.name, () => change(() => { state.document = null; state.signatures = []; }))));
  }
  state.signatures.forEach((s, index) => {
    const select = h("select", { "aria-label": t("partyLabel", { name: s.name }), "data-testid": "party",
      onchange: (e) => change(() => { s.party = e.target.value; }) },
      h("option", { value: "" }, t("partyAuto")),
      h("option", { value: "employer" }, t("partyEmployer")),
      h("option", { value: "employee" }, t("partyEmployee")));
    select.value = s.party;
    items.push(h("li", { "data-role": "signature" },
      h("span", { class: "role" }, t("roleSignature")), h("span", { class: "name" }, s.name),
      h("span", { class: "muted" }, humanBytes(s.bytes.length)), select,
      remove(s.name, () => change(() => { state.signatures.splice(index, 1); }))));
  });
  if (state.trustList) {
    items.push(h("li", { "data-role": "trust" },
      h("span", { class: "role" }, t("roleTrust")), h("span", { class: "name" }, state.trustList.name),
      h("span", { class: "muted" }, `${humanBytes(state.trustList.bytes.length)} · ${t("trustKept")}`),
      remove(state.trustList.name, () => change(() => { state.trustList = null; }))));
  }
  if (state.viewed) {
    items.push(h("li", { "data-role": "report" },
      h("span", { class: "role" }, t("roleReport")), h("span", { class: "name" }, state.viewed.name),
      remove(state.viewed.name, () => change(() => { state.viewed = null; }))));
  }
  list.replaceChildren(...items);
  $("loaded").hidden = items.length === 0;
}

// ---------------------------------------------------------------------------------------------
// The verdict
// ---------------------------------------------------------------------------------------------

function render() {
  const result = $("result");
  result.dataset.run = String(state.runs);
  const parts = [];
  if (state.notices.length) {
    parts.push(h("ul", { class: "notices", testid: "notices" },
      state.notices.map((n) => h("li", { class: `notice ${n.level}`, "data-code": n.code }, n.text()))));
  }
  if (state.failure) {
    const e = state.failure.error;
    parts.push(h("div", { class: "banner bad", role: "alert", testid: "check-failed", "data-code": state.failure.code },
      h("strong", { text: t("checkFailed", { code: state.failure.code, message: errorText(e) }) })));
  }
  const r = state.report;
  if (r) {
    parts.push(renderBanner(r), renderDocument(r.document));
    r.signatures.forEach((s, i) => parts.push(renderSignature(s, i)));
    if (r.policy) parts.push(renderPolicy(r.policy));
    parts.push(renderUpload(r), renderMessages(r), renderText(r));
  }
  result.replaceChildren(...parts);
  result.hidden = parts.length === 0;
}

function renderBanner(r) {
  const blockers = r.upload?.blockers?.length ?? 0;
  let trust;
  if (r.trust_list) {
    trust = t("trustListSummary", {
      version: r.trust_list.version ?? t("none"), date: r.trust_list.date ? when(r.trust_list.date, false) : t("none"),
      authorities: num(r.trust_list.authorities), keys: num(r.trust_list.keys),
    });
  } else {
    trust = state.trustList && !state.viewed ? t("trustListIgnored") : t("trustListNone");
  }
  return h("section", { class: `banner ${r.ready ? "good" : "bad"}`, testid: "ready-banner", "data-ready": String(r.ready) },
    h("div", { class: "banner-head" },
      h("span", { class: "banner-icon", "aria-hidden": "true" }, r.ready ? "✓" : "✗"),
      h("div", null,
        h("h2", { text: r.ready ? t("readyYes") : t("readyNo"), testid: "ready-text" }),
        h("p", { text: r.ready ? t("readyYesDetail") : t("readyNoDetail", { n: num(blockers) }) }))),
    h("dl", { class: "facts" },
      row(t("overallKind"), kindBadge(r.kind, "overall-kind"), "kind", r.kind ?? ""),
      row(t("trustList"), trust, "trust_list"),
      row(t("checkedAt"), when(r.checked_at), "checked_at", r.checked_at),
      row(t("checker"), `ekdo-check ${r.checker_version}`, "checker_version", r.checker_version)));
}

function sizeBar(doc) {
  const limit = doc.size_limit;
  const scale = Math.max(limit * 1.08, doc.size * 1.02);
  const pct = (n) => `${Math.min(100, (n / scale) * 100).toFixed(3)}%`;
  const zone = doc.size > limit ? "over" : doc.size > DECIMAL_LIMIT ? "warn" : "ok";
  const percent = new Intl.NumberFormat(state.lang === "en" ? "en-GB" : "ru-RU", { maximumFractionDigits: 1 }).format((doc.size / limit) * 100);
  return h("div", { class: `sizebar ${zone}`, testid: "size-bar", "data-zone": zone, "data-size": doc.size },
    h("div", { class: "ticks above", "aria-hidden": "true" },
      h("span", { class: "tick limit", style: `left:${pct(limit)}` }, t("mark15mib"))),
    h("div", { class: "track", role: "meter", "aria-valuemin": 0, "aria-valuemax": limit, "aria-valuenow": Math.min(doc.size, limit),
      "aria-label": t("sizeBarLabel", { size: num(doc.size), limit: num(limit) }) },
      h("span", { class: "zone", style: `left:${pct(DECIMAL_LIMIT)};width:calc(${pct(limit)} - ${pct(DECIMAL_LIMIT)})` }),
      h("span", { class: "fill", style: `width:${pct(doc.size)}` }),
      h("span", { class: "mark m15mb", style: `left:${pct(DECIMAL_LIMIT)}`, title: t("mark15mb") }),
      h("span", { class: "mark m15mib", style: `left:${pct(limit)}`, title: t("mark15mib") })),
    h("div", { class: "ticks", "aria-hidden": "true" },
      h("span", { class: "tick", style: `left:${pct(DECIMAL_LIMIT)}` }, t("mark15mb"))),
    h("div", { class: "scale" },
      h("span", { text: t("sizeOf", { size: humanBytes(doc.size), limit: humanBytes(limit), percent }) }),
      h("span", { class: "zone-text", testid: "size-zone" }, zone === "ok" ? t("sizeOk") : zone === "warn" ? t("sizeWarn") : t("sizeOver"))));
}

function renderDocument(doc) {
  const p = doc.pdfa;
  const verdictClass = { conforming: "good", "not-conforming": "bad", "not-pdf": "bad", undecided: "warn" }[p.verdict] || "warn";
  const rows = [
    row(t("file"), doc.file ?? t("none"), "file", doc.file ?? ""),
    row(t("size"), h("span", null, t("bytes", { n: num(doc.size) })), "size", String(doc.size)),
    row(t("sha256"), h("code", { class: "hash" }, doc.sha256), "sha256", doc.sha256),
    row(t("pdfa"), h("span", { class: `pill ${verdictClass}`, testid: "pdfa-verdict", "data-verdict": p.verdict },
      `${p.profile}: ${t(`verdict.${p.verdict}`)}`), "pdfa", p.verdict),
    row(t("claimed"), p.claimed ? `PDF/A-${p.claimed}` : t("claimedNone"), "claimed", p.claimed ?? ""),
    row(t("headerVersion"), p.header_version ? `%PDF-${p.header_version}` : null, "header_version", p.header_version ?? ""),
    row(t("rulesChecked"), num(p.rules_checked), "rules_checked", String(p.rules_checked)),
  ];
  return h("section", { class: "card", testid: "document-card", "aria-labelledby": "doc-h" },
    h("h2", { id: "doc-h", text: t("documentCard") }),
    sizeBar(doc),
    h("dl", { class: "fields" }, rows),
    renderViolations(p.violations));
}

function renderViolations(violations) {
  if (violations.length === 0) return h("p", { class: "muted", testid: "violations-none" }, t("violationsNone"));
  const where = (v) => [v.context, v.object, v.page != null ? t("page", { n: v.page }) : null].filter(Boolean).join(" · ");
  return h("div", { class: "violations" },
    h("h3", { text: `${t("violations")}: ${num(violations.length)}` }),
    h("div", { class: "table-wrap" },
      h("table", { testid: "violations" },
        h("thead", null, h("tr", null, [t("rule"), t("status"), t("description"), t("count"), t("context")].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", null, violations.map((v) => h("tr", { "data-rule": v.rule, "data-status": v.status },
          h("td", null, h("code", null, v.rule)),
          h("td", null, h("span", { class: `pill ${v.status === "failed" ? "bad" : "warn"}` }, t(`ruleStatus.${v.status}`))),
          h("td", null, msg(v)),
          h("td", { class: "num" }, num(v.count)),
          h("td", null, where(v) || t("none"),
            v.occurrences.length > 1
              ? h("details", null, h("summary", null, t("occurrences", { n: num(v.occurrences.length) })),
                h("ul", null, v.occurrences.map((o) => h("li", null, [o.context, o.object, o.page != null ? t("page", { n: o.page }) : null, o.detail].filter(Boolean).join(" · ")))))
              : null)))))));
}

function renderSignature(s, index) {
  const id = `sig-h-${index}`;
  return h("section", { class: "card", testid: "signature-card", "data-file": s.file, "aria-labelledby": id },
    h("div", { class: "card-head" },
      h("h2", { id }, h("span", { class: "eyebrow" }, t("signatureCard")), " ", s.file),
      kindBadge(s.kind, "signature-kind")),
    h("dl", { class: "fields" },
      row(t("size"), t("bytes", { n: num(s.size) }), "size", String(s.size)),
      row(t("encoding"), s.encoding ? s.encoding.toUpperCase() : t("encodingNone"), "encoding", s.encoding ?? ""),
      row(t("parse"), h("span", { class: `pill ${s.parse === "ok" ? "good" : "bad"}`, testid: "sig-parse", "data-parse": s.parse }, t(`parseState.${s.parse}`)), "parse", s.parse),
      s.error ? row(t("error"), h("span", { testid: "sig-error", "data-code": s.error.code }, h("code", null, s.error.code), " ", msg(s.error)), "error", s.error.code) : null,
      s.parse === "ok" ? row(t("contentAttached"), s.content_attached ? t("attached") : t("detached"), "content_attached", String(s.content_attached)) : null,
      s.content_attached ? row(t("contentMatches"), yesNo(s.content_matches), "content_matches", String(s.content_matches)) : null),
    s.signers.length
      ? [h("h3", { class: "signers-h", text: t("signers", { n: num(s.signers.length) }) }), h("div", { class: "signers" }, s.signers.map((x) => renderSigner(x)))]
      : h("p", { class: "muted signers-h" }, t("noSigners")));
}

function renderSigner(x) {
  const d = x.details || {};
  const c = d.certificate;
  const fio = x.subject_cn ?? ([x.surname, x.given_name].filter(Boolean).join(" ") || null);
  const period = c && (c.not_before || c.not_after) ? `${when(c.not_before, false)} – ${when(c.not_after, false)}` : null;
  const algorithm = x.key_algorithm ? [x.key_algorithm, d.key_parameters].filter(Boolean).join(", ") : null;
  return h("article", { class: "signer", testid: "signer-card" },
    h("div", { class: "card-head" },
      h("h3", null, h("span", { class: "eyebrow" }, t("signerCard")), " ", h("span", { testid: "signer-name" }, fio ?? t("none"))),
      kindBadge(x.kind, "signer-kind")),
    h("dl", { class: "fields" },
      row(t("fio"), fio, "subject_cn", fio ?? ""),
      row(t("inn"), x.inn, "inn"),
      row(t("snils"), x.snils ? formatSnils(x.snils) : null, "snils", x.snils ?? ""),
      x.ogrn ? row(t("ogrn"), x.ogrn, "ogrn") : null,
      x.innle ? row(t("innle"), x.innle, "innle") : null,
      x.organization ? row(t("organization"), x.organization, "organization") : null,
      x.title ? row(t("titleField"), x.title, "title") : null,
      x.party ? row(t("party"), partyName(x.party), "party", x.party) : null,
      row(t("certPeriod"), period, "certificate_period", c ? `${c.not_before ?? ""}/${c.not_after ?? ""}` : ""),
      row(t("issuer"), x.issuer_cn ?? c?.issuer ?? null, "issuer_cn", x.issuer_cn ?? ""),
      row(t("serial"), x.serial_hex ? h("code", null, x.serial_hex) : null, "serial_hex", x.serial_hex ?? ""),
      row(t("keyAlgorithm"), algorithm, "key_algorithm", x.key_algorithm ?? ""),
      row(t("digestAlgorithm"), x.digest_algorithm, "digest_algorithm"),
      row(t("signingTime"), d.signing_time ? when(d.signing_time) : null, "signing_time", d.signing_time ?? ""),
      row(t("signatureValid"), yesNo(x.signature_valid), "signature_valid", String(x.signature_valid)),
      row(t("certValidAtSigning"), yesNo(x.cert_valid_at_signing), "cert_valid_at_signing", String(x.cert_valid_at_signing)),
      row(t("qualifiedProfile"), yesNo(x.qualified_profile), "qualified_profile", String(x.qualified_profile)),
      row(t("issuerAccredited"), yesNo(x.issuer_accredited), "issuer_accredited", String(x.issuer_accredited)),
      d.chain_valid != null ? row(t("chainValid"), yesNo(d.chain_valid), "chain_valid", String(d.chain_valid)) : null,
      d.revocation ? row(t("revocation"), t(`revocationState.${d.revocation}`), "revocation", d.revocation) : null),
    x.reasons?.length
      ? h("div", { class: "reasons" }, h("h4", { text: t("reasons") }),
        h("ul", { class: "checks", testid: "reasons" }, x.reasons.map((r) => h("li", { class: r.ok ? "t-ok" : "t-bad", "data-code": r.code, "data-ok": String(r.ok) },
          h("span", { class: "mark", "aria-hidden": "true" }, r.ok ? "✓" : "✗"), " ", msg(r), " ", h("code", { class: "muted" }, r.code)))))
      : null,
    d.findings?.length
      ? h("div", null, h("h4", { text: t("findings") }), h("ul", { class: "messages" }, d.findings.map((m) => messageItem(m, "warn"))))
      : null,
    c ? h("details", { class: "cert" }, h("summary", null, t("certificate")),
      h("dl", { class: "fields" },
        row(t("subject"), c.subject, "cert_subject"),
        row(t("issuer"), c.issuer, "cert_issuer"),
        row(t("thumbprint"), h("code", null, c.sha1), "cert_sha1", c.sha1),
        row(t("keyUsage"), [...c.key_usage, ...c.extended_key_usage].join(", ") || null, "key_usage"),
        row(t("policies"), c.policies.join(", ") || null, "policies"),
        row(t("signTool"), c.subject_sign_tool, "subject_sign_tool"))) : null);
}

function renderPolicy(p) {
  const typeName = state.lang === "ru" ? p.document_type_ru || p.document_type
    : DOCUMENT_TYPES.find((d) => d.id === p.document_type)?.en ?? p.document_type;
  return h("section", { class: "card", testid: "policy-card", "data-ok": String(p.ok), "aria-labelledby": "policy-h" },
    h("div", { class: "card-head" },
      h("h2", { id: "policy-h", text: t("policyCard") }),
      h("span", { class: `pill ${p.ok ? "good" : "bad"}`, testid: "policy-verdict" }, p.ok ? t("policyOk") : t("policyNo"))),
    h("dl", { class: "fields" },
      row(t("docType"), typeName, "document_type", p.document_type),
      row(t("channel"), t(`channelName.${p.channel}`), "channel", p.channel),
      row(t("electronicAllowed"), yesNo(p.electronic_allowed), "electronic_allowed", String(p.electronic_allowed))),
    p.signatures.length
      ? h("div", { class: "table-wrap" }, h("table", { testid: "policy-signatures" },
        h("thead", null, h("tr", null, [t("file"), t("signer"), t("party"), t("kind"), t("allowed"), ""].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", null, p.signatures.map((s) => h("tr", { "data-ok": String(s.ok) },
          h("td", null, s.file), h("td", null, s.signer ?? t("none")),
          h("td", null, partyName(s.party)),
          h("td", null, kindBadge(s.kind)), h("td", null, s.allowed.join(", ") || t("none")),
          h("td", { class: s.ok ? "t-ok" : "t-bad" }, s.ok ? "✓" : "✗"))))))
      : null,
    p.findings.length ? h("ul", { class: "messages" }, p.findings.map((m) => messageItem(m, p.ok ? "warn" : "error"))) : null);
}

function renderUpload(r) {
  const u = r.upload;
  const json = JSON.stringify(u, null, 2);
  const status = h("span", { class: "copy-status", role: "status" });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      status.textContent = t("copied");
    } catch {
      const pre = document.querySelector("[data-testid=upload-json]");
      pre?.closest("details")?.setAttribute("open", "");
      if (pre) getSelection()?.selectAllChildren(pre);
      status.textContent = t("copyFailed");
    }
  };
  const download = () => {
    const blob = new Blob([JSON.stringify(r, null, 2) + "\n"], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: `${(r.document.file || "document").replace(/\.pdf$/i, "")}.ekdo-report.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const stepText = (s) => (s.part === "document" ? t("stepDocument") : t("stepSignature"));
  return h("section", { class: "card", testid: "upload-card", "data-ready": String(u.ready), "aria-labelledby": "upload-h" },
    h("div", { class: "card-head" },
      h("h2", { id: "upload-h", text: t("uploadCard") }),
      h("span", { class: `pill ${u.ready ? "good" : "bad"}` }, u.ready ? t("uploadReady") : t("uploadBlocked"))),
    h("dl", { class: "fields" },
      row(t("fileName"), u.file_name, "file_name"),
      row(t("group"), u.group, "group"),
      row(t("codifier"), u.codifier ? [u.codifier, u.codifier_name].filter(Boolean).join(" — ") : null, "codifier", u.codifier ?? ""),
      row(t("size"), t("bytes", { n: num(u.size) }), "upload_size", String(u.size)),
      row(t("pdfa"), t(`verdict.${u.pdfa}`), "upload_pdfa", u.pdfa)),
    h("h3", { text: t("steps") }),
    h("ol", { class: "steps", testid: "upload-steps" }, u.steps.map((s) => h("li", { "data-part": s.part, "data-file": s.file },
      h("strong", null, `${stepText(s)}:`), h("span", { class: "name" }, s.file),
      s.signature_type ? [" ", kindBadge(s.signature_type)] : null,
      s.party ? h("span", { class: "muted" }, ` · ${partyName(s.party)}`) : null))),
    u.blockers.length
      ? [h("h3", { text: t("blockers") }), h("ul", { class: "messages", testid: "upload-blockers" }, u.blockers.map((m) => messageItem(m, "error")))]
      : null,
    h("div", { class: "row" },
      h("button", { type: "button", class: "primary", onclick: copy, testid: "copy-json" }, t("copyJson")),
      h("button", { type: "button", class: "ghost", onclick: download, testid: "download-report" }, t("downloadReport")),
      status),
    h("details", null, h("summary", null, t("manifestJson")), h("pre", { class: "json", testid: "upload-json" }, json)));
}

function renderMessages(r) {
  const empty = r.errors.length === 0 && r.warnings.length === 0;
  return h("section", { class: "card", testid: "messages-card", "aria-labelledby": "messages-h" },
    h("h2", { id: "messages-h", text: t("messagesCard") }),
    empty ? h("p", { class: "muted" }, t("noMessages")) : null,
    r.errors.length ? [h("h3", { text: t("errors") }), h("ul", { class: "messages", testid: "errors" }, r.errors.map((m) => messageItem(m, "error")))] : null,
    r.warnings.length ? [h("h3", { text: t("warnings") }), h("ul", { class: "messages", testid: "warnings" }, r.warnings.map((m) => messageItem(m, "warn")))] : null);
}

function renderText(r) {
  let text;
  try {
    text = mod.renderText(r, state.lang);
  } catch (e) {
    text = errorText(e);
  }
  return h("details", { class: "card text-report" }, h("summary", null, t("textReport")), h("pre", { testid: "text-report" }, text));
}

// ---------------------------------------------------------------------------------------------
// Signing
// ---------------------------------------------------------------------------------------------

const signState = { url: null };

function setupSign() {
  const available = typeof mod.sign === "function";
  $("sign-unavailable").hidden = available;
  for (const el of $("sign-form").elements) el.disabled = !available;
  $("sign-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const out = $("sign-result");
    const [doc, key, cert] = ["sign-doc", "sign-key", "sign-cert"].map((id) => $(id).files?.[0]);
    if (!doc || !key || !cert) {
      out.replaceChildren(h("p", { class: "notice error" }, t("signNeedFiles")));
      return;
    }
    out.replaceChildren(h("p", { class: "muted" }, t("signWorking")));
    try {
      const [d, k, c] = await Promise.all([doc, key, cert].map((f) => f.arrayBuffer().then((b) => new Uint8Array(b))));
      const result = mod.sign(d, k, c, {});
      const bytes = result instanceof Uint8Array ? result : result?.bytes ?? result?.signature ?? new Uint8Array(result);
      if (signState.url) URL.revokeObjectURL(signState.url);
      signState.url = URL.createObjectURL(new Blob([bytes], { type: "application/pkcs7-signature" }));
      const name = `${doc.name}.sig`;
      out.replaceChildren(
        h("p", { class: "notice good" }, t("signDone", { size: num(bytes.length) })),
        h("div", { class: "row" },
          h("a", { class: "button primary", href: signState.url, download: name, testid: "sign-download" }, t("signDownload", { name })),
          h("button", { type: "button", class: "ghost", onclick: () => {
            selectTab("check");
            change(() => {
              state.document = { name: doc.name, bytes: d };
              state.signatures = [{ name, bytes, party: "" }];
              state.viewed = null;
            });
          } }, t("signCheck"))));
    } catch (err) {
      out.replaceChildren(h("p", { class: "notice error", role: "alert" }, t("signFailed", { code: err?.code || "INTERNAL", message: errorText(err) })));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Tabs, drop zone, wiring
// ---------------------------------------------------------------------------------------------

function selectTab(name) {
  for (const tab of ["check", "sign"]) {
    const on = tab === name;
    $(`tab-${tab}`).setAttribute("aria-selected", String(on));
    $(`tab-${tab}`).tabIndex = on ? 0 : -1;
    $(`panel-${tab}`).hidden = !on;
  }
}

function setupTabs() {
  const tabs = [$("tab-check"), $("tab-sign")];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => selectTab(tab.id.slice(4)));
    tab.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (e.key === "Home" || e.key === "End" || step) {
        e.preventDefault();
        const next = e.key === "Home" ? tabs[0] : e.key === "End" ? tabs[tabs.length - 1] : tabs[(i + step + tabs.length) % tabs.length];
        next.focus();
        selectTab(next.id.slice(4));
      }
    });
  });
}

function setupDrop() {
  const drop = $("drop");
  const input = $("files");
  drop.addEventListener("click", () => input.click());
  drop.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      input.click();
    }
  });
  for (const type of ["dragenter", "dragover"]) {
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add("over");
    });
  }
  for (const type of ["dragleave", "dragend"]) drop.addEventListener(type, () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    ingest(e.dataTransfer.files);
  });
  // A file dropped next to the zone would make the browser open it: ignore it instead.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  input.addEventListener("change", () => {
    ingest(input.files).finally(() => {
      input.value = "";
    });
  });
}

async function main() {
  applyLang();
  setupTabs();
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "ru" ? "en" : "ru";
    try {
      localStorage.setItem("ekdo-lang", state.lang);
    } catch {
      // Not remembered; the switch still works.
    }
    applyLang();
  });
  showProgress(null, 0, () => t("loading"));
  try {
    mod = await import("../pkg/index.js");
    await mod.default();
    codeTable = mod.codes();
  } catch (e) {
    showProgress(0, 1, () => t("loadFailed", { detail: e?.message || String(e) }));
    document.body.dataset.ready = "error";
    return;
  }
  $("progress").hidden = true;
  $("version").textContent = mod.version();
  setupDrop();
  setupSign();
  $("clear").addEventListener("click", () => serial(() => {
    state.document = null;
    state.signatures = [];
    state.viewed = null;
    state.report = null;
    state.notices = [];
    state.failure = null;
    renderFiles();
    render();
    $("progress").hidden = true;
  }));
  $("recheck").addEventListener("click", () => runCheck());
  $("meta").addEventListener("change", () => {
    if (state.document) runCheck();
  });
  $("meta").addEventListener("submit", (e) => {
    e.preventDefault();
    if (state.document) runCheck();
  });
  document.body.dataset.busy = "false";
  document.body.dataset.ready = "true";
}

main();
