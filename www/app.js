// The demo page of ekdo-check: reads local files, runs the check in the browser (WebAssembly),
// shows the verdict. No framework, no bundler, no network: the page requests only its own files
// and the package in ../pkg/. Texts are in Russian and English (TEXTS); messages of the report
// come from the report itself (message_ru / message_en). The sign tab signs with a key file or
// an external signer; keys stay in this tab's memory only.

// Every text of the demo page, in Russian and English. Keys are shared; `{name}` slots are filled
// by `t(key, vars)`.

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
    trustRefused: "Файл «{name}» не принят как перечень УЦ ({code}): {message}",
    partyLabel: "Сторона подписанта {n} в «{name}»",
    partyLabelNamed: "Сторона подписанта «{signer}» в «{name}»",
    partyAuto: "сторона: авто",
    partyAutoIs: "сторона: авто ({party})",
    partiesIncomplete: "Сторона выбрана не для всех подписантов, а по виду документа её не определить: стороны не переданы, проверка идёт по умолчанию.",
    partyEmployer: "работодатель",
    partyEmployee: "работник",
    metaTitle: "Вид документа и данные для загрузки (ст. 22.3 ТК РФ)",
    docType: "Вид документа",
    docTypeNone: "— не выбран —",
    docTypePaper: "Только на бумаге (ст. 22.1 ТК РФ)",
    docTypeHint: "Раздел на портале: «{group}», кодификатор {codifier} «{codifierName}».",
    policyHintTitle: "Какие подписи допускает ст. 22.3 ТК РФ",
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
    signersRule: "Кто подписывает",
    signersName: {
      both: "обе стороны: работодатель и работник",
      employer: "работодатель",
      employee: "работник",
      employer_acknowledged: "работодатель; работник знакомится",
      either: "любая сторона",
    },
    paperReason: "Почему только на бумаге",
    basis: "Основание",
    declaredType: "Тип на портале",
    policyWarnings: "Условия и оговорки",
    channelName: { own: "система работодателя", portal: "портал «Работа России»" },
    partyName: { employer: "работодатель", employee: "работник", unknown: "не определена" },
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
    signIntro: "Откреплённая подпись CAdES-BES к документу: ключом из файла или внешним средством подписи.",
    signPrivacy: "Ключ не покидает браузер и нигде не сохраняется: страница ничего не отправляет в сеть, а прочитанную копию ключа стирает сразу после подписания.",
    signWhat: "Что подписать",
    signDoc: "Документ (PDF)",
    signCert: "Сертификат подписанта (.pem, .cer, .crt, .der)",
    signExisting: "Существующая подпись — чтобы добавить к ней свою (необязательно)",
    signPem: "Сохранить в PEM (текст base64) вместо DER",
    signSoftTitle: "Ключ в файле",
    signSoftHint: "Программный ключ ГОСТ Р 34.10-2012 (256 или 512 бит) в PKCS#8 без пароля, PEM или DER.",
    signKey: "Закрытый ключ (PKCS#8, .pem или .der)",
    signGo: "Подписать",
    signNeedFiles: "Выберите документ, сертификат и ключ.",
    signNeedDocCert: "Выберите документ и сертификат.",
    signWorking: "Подписание…",
    signDone: "Подпись создана: {size} байт.",
    cosignDone: "Подпись добавлена к «{existing}»: {size} байт.",
    signDownload: "Скачать «{name}»",
    signCheck: "Проверить эту подпись",
    signFailed: "Подписать не удалось ({code}): {message}",
    extTitle: "Внешнее средство подписи (плагин браузера, токен)",
    extHint: "Страница готовит подписываемые атрибуты CAdES-BES и их хеш; подпишите хеш своим средством подписи ключом этого сертификата и вставьте значение подписи.",
    extPrepare: "Получить хеш",
    extPrepared: "Хеш {algorithm} подписываемых атрибутов (время подписи {at}):",
    extValue: "Значение подписи (hex или base64)",
    extOrder: "Порядок байтов значения",
    orderName: {
      "s-then-r": "s‖r, big-endian — как в CMS",
      "r-then-s": "r‖s, big-endian — как WebCrypto",
      "little-endian": "обратный, little-endian — как CryptoAPI",
    },
    extAssemble: "Собрать подпись",
    extNoHash: "Сначала получите хеш: документ и сертификат выбраны заново или не выбраны.",
    extBadValue: "Значение подписи не похоже ни на hex, ни на base64.",
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
    trustRefused: "The file «{name}» was not taken as a CA trust list ({code}): {message}",
    partyLabel: "Party of signer {n} in «{name}»",
    partyLabelNamed: "Party of the signer «{signer}» in «{name}»",
    partyAuto: "party: auto",
    partyAutoIs: "party: auto ({party})",
    partiesIncomplete: "A party is chosen for some signers only and the document type does not tell the others: no parties were sent, the check uses the defaults.",
    partyEmployer: "employer",
    partyEmployee: "employee",
    metaTitle: "Document type and upload data (Labour Code art. 22.3)",
    docType: "Document type",
    docTypeNone: "— not chosen —",
    docTypePaper: "Paper only (Labour Code art. 22.1)",
    docTypeHint: "Portal section «{group}», codifier {codifier} «{codifierName}».",
    policyHintTitle: "Which signatures Labour Code art. 22.3 allows",
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
    signersRule: "Who signs",
    signersName: {
      both: "both parties: employer and employee",
      employer: "the employer",
      employee: "the employee",
      employer_acknowledged: "the employer; the employee acknowledges",
      either: "either party",
    },
    paperReason: "Why paper only",
    basis: "Basis",
    declaredType: "Type on the portal",
    policyWarnings: "Conditions and caveats",
    channelName: { own: "the employer's system", portal: "the «Работа России» portal" },
    partyName: { employer: "employer", employee: "employee", unknown: "unknown" },
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
    signIntro: "A detached CAdES-BES signature of a document: with a key from a file or with an external signer.",
    signPrivacy: "The key never leaves the browser and is not stored: the page sends nothing over the network and wipes its copy of the key right after signing.",
    signWhat: "What to sign",
    signDoc: "Document (PDF)",
    signCert: "Signer's certificate (.pem, .cer, .crt, .der)",
    signExisting: "An existing signature — to add yours to it (optional)",
    signPem: "Save as PEM (base64 text) instead of DER",
    signSoftTitle: "Key in a file",
    signSoftHint: "A software GOST R 34.10-2012 key (256 or 512 bits) in unencrypted PKCS#8, PEM or DER.",
    signKey: "Private key (PKCS#8, .pem or .der)",
    signGo: "Sign",
    signNeedFiles: "Choose the document, the certificate and the key.",
    signNeedDocCert: "Choose the document and the certificate.",
    signWorking: "Signing…",
    signDone: "Signature made: {size} bytes.",
    cosignDone: "Signature added to «{existing}»: {size} bytes.",
    signDownload: "Download «{name}»",
    signCheck: "Check this signature",
    signFailed: "Signing failed ({code}): {message}",
    extTitle: "External signer (browser plug-in, token)",
    extHint: "The page prepares the CAdES-BES signed attributes and their hash; sign the hash with your signer and this certificate's key, then paste the signature value.",
    extPrepare: "Get the hash",
    extPrepared: "The {algorithm} hash of the signed attributes (signing time {at}):",
    extValue: "Signature value (hex or base64)",
    extOrder: "Byte order of the value",
    orderName: {
      "s-then-r": "s‖r, big-endian — as in CMS",
      "r-then-s": "r‖s, big-endian — as WebCrypto",
      "little-endian": "reversed, little-endian — as CryptoAPI",
    },
    extAssemble: "Assemble the signature",
    extNoHash: "Get the hash first: the document and certificate were chosen anew or not at all.",
    extBadValue: "The signature value is neither hex nor base64.",
    bytes: "{n} bytes",
    units: ["bytes", "KiB", "MiB", "GiB"],
  },
};

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
  /**
   * Signature files: { name, bytes, parties, signers, assigned }. `signers` are the signers' names
   * from the last check (null before one: one slot), `parties` the party chosen for each ("" for
   * auto) and `assigned` the party the core gave each in the last check with a document type.
   */
  signatures: [],
  /** The CA trust list, parsed once and kept across checks: { name, size, handle, summary }. */
  trustList: null,
  /** A saved report opened from a .json file instead of a check: { name, report }. */
  viewed: null,
  /** The last report and what the page had to say about the run. */
  report: null,
  notices: [],
  failure: null,
  /** Finished runs, shown as data-run on the result (tests wait for it). */
  runs: 0,
};

const $ = (id) => document.getElementById(id);
let mod = null;
let codeTable = null;
/** The core's catalogue of document types (documentTypes()): { groups, signature_kinds, types }. */
let catalogue = null;

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
  renderPrepared();
  renderSignResult();
}

/**
 * Fills the document type select from the core's catalogue: the electronic types under their
 * portal sections (in the catalogue's order), then those Labour Code art. 22.1 keeps on paper.
 */
function fillDocumentTypes() {
  const select = $("doc-type");
  const chosen = select.value;
  select.replaceChildren(h("option", { value: "" }, t("docTypeNone")));
  const types = catalogue?.types ?? [];
  const sections = new Map();
  for (const type of types.filter((d) => d.electronic)) {
    if (!sections.has(type.group)) sections.set(type.group, []);
    sections.get(type.group).push(type);
  }
  const option = (d) => h("option", { value: d.id }, state.lang === "en" ? d.name_en : d.name_ru);
  for (const [group, list] of sections) select.append(h("optgroup", { label: group, lang: "ru" }, list.map(option)));
  const paper = types.filter((d) => !d.electronic);
  if (paper.length) select.append(h("optgroup", { label: t("docTypePaper") }, paper.map(option)));
  select.value = types.some((d) => d.id === chosen) ? chosen : "";
  renderPolicyHint();
}

/** The chosen type's portal section and what art. 22.3 allows each party (policyText). */
function renderPolicyHint() {
  const box = $("policy-hint");
  const type = catalogue?.types.find((d) => d.id === $("doc-type").value);
  if (!type || !mod) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  const channel = $("channel").value;
  const cells = ["employer", "employee"].map((party) => {
    try {
      return mod.policyText(type.id, party, channel, state.lang);
    } catch (e) {
      return errorText(e);
    }
  });
  box.replaceChildren(
    h("p", { class: "hint" }, t("docTypeHint", { group: type.group, codifier: type.codifier, codifierName: type.codifier_name })),
    h("h3", { text: t("policyHintTitle") }),
    h("pre", { testid: "policy-text" }, cells.join("\n")));
  box.hidden = false;
}

/** A document type's name in the current language, from the catalogue. */
function typeName(id, fallback) {
  const type = catalogue?.types.find((d) => d.id === id);
  if (!type) return fallback ?? id;
  return state.lang === "en" ? type.name_en : type.name_ru;
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
      // The same name again replaces the file; its signers are unknown until the next check.
      const entry = signatureEntry(f.name, f.bytes);
      if (i >= 0) state.signatures[i] = entry;
      else state.signatures.push(entry);
    }
    for (const f of batch.filter((f) => f.role === "trust")) {
      const refused = loadTrustList(f.name, f.bytes);
      if (refused) notices.push({ level: "error", code: refused.code, text: () => t("trustRefused", { name: f.name, code: refused.code, message: errorText(refused) }) });
    }
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

function signatureEntry(name, bytes) {
  return { name, bytes, parties: [], signers: null, assigned: [] };
}

/**
 * Parses a trust list once (TrustList.parse) and keeps the handle for every later check; the
 * handle it replaces is freed. Returns the Error when the file is not such a list (the loaded
 * list, if any, stays).
 */
function loadTrustList(name, bytes) {
  let handle;
  try {
    handle = mod.TrustList.parse(bytes);
  } catch (e) {
    return e;
  }
  dropTrustList();
  state.trustList = { name, size: bytes.length, handle, summary: handle.summary() };
  return null;
}

function dropTrustList() {
  state.trustList?.handle.free();
  state.trustList = null;
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

/** The signer slots of a signature file: its signers' names after a check, one slot before. */
function slots(s) {
  return s.signers ?? [null];
}

/**
 * The party of every signer, in file order (meta.parties): the one chosen, else the one the core
 * assigned in the last check. Null when nothing is chosen (the core then assigns the type's
 * parties in order) or when a signer's party is neither chosen nor known.
 */
function readParties(notices) {
  const chosen = state.signatures.flatMap((s) => slots(s).map((_, j) => s.parties[j] || ""));
  if (!chosen.some(Boolean)) return null;
  const parties = state.signatures.flatMap((s) => slots(s).map((_, j) => s.parties[j] || s.assigned[j] || ""));
  if (parties.every(Boolean)) return parties;
  notices.push({ level: "warn", text: () => t("partiesIncomplete") });
  return null;
}

function readMeta(notices) {
  const documentType = $("doc-type").value;
  if (!documentType) return null;
  const meta = { document_type: documentType, channel: $("channel").value };
  const employee = $("employee").value.trim();
  const number = $("doc-number").value.trim();
  const date = $("doc-date").value;
  if (employee) meta.employee = employee;
  if (number) meta.number = number;
  if (date) meta.date = date;
  const parties = readParties(notices);
  if (parties) meta.parties = parties;
  return meta;
}

/** Calls `check`, through the parsed trust list when one is loaded. */
function callCheck(notices) {
  const options = { lang: state.lang, documentName: state.document.name };
  const at = $("check-at").value.trim();
  if (at) options.at = at;
  const meta = readMeta(notices);
  if (meta) options.meta = meta;
  const signatures = state.signatures.map((s) => ({ name: s.name, bytes: s.bytes }));
  return state.trustList
    ? state.trustList.handle.check(state.document.bytes, signatures, options)
    : mod.check(state.document.bytes, signatures, options);
}

/** Keeps each signature file's signers and their assigned parties from the report. */
function learnSigners(report) {
  const assigned = (report.policy?.signatures ?? []).map((p) => (p.party === "employer" || p.party === "employee" ? p.party : ""));
  let k = 0;
  state.signatures.forEach((s, i) => {
    const r = report.signatures[i];
    if (!r) return;
    s.signers = r.signers.length ? r.signers.map((x) => x.subject_cn ?? ([x.surname, x.given_name].filter(Boolean).join(" ") || null)) : [null];
    s.parties = s.parties.slice(0, s.signers.length);
    s.assigned = report.policy ? s.signers.map(() => assigned[k++] ?? "") : [];
  });
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
    renderFiles();
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
    learnSigners(state.report);
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
    // One party select per signer (meta.parties has one entry per signer, in file order).
    const selects = slots(s).map((signer, j) => {
      const auto = s.assigned[j] ? t("partyAutoIs", { party: partyName(s.assigned[j]) }) : t("partyAuto");
      const label = signer ? t("partyLabelNamed", { signer, name: s.name }) : t("partyLabel", { n: j + 1, name: s.name });
      const select = h("select", { "aria-label": label, title: signer, "data-testid": "party", "data-signer": j,
        onchange: (e) => change(() => { s.parties[j] = e.target.value; }) },
        h("option", { value: "" }, auto),
        h("option", { value: "employer" }, t("partyEmployer")),
        h("option", { value: "employee" }, t("partyEmployee")));
      select.value = s.parties[j] || "";
      return select;
    });
    items.push(h("li", { "data-role": "signature" },
      h("span", { class: "role" }, t("roleSignature")), h("span", { class: "name" }, s.name),
      h("span", { class: "muted" }, humanBytes(s.bytes.length)), selects,
      remove(s.name, () => change(() => { state.signatures.splice(index, 1); }))));
  });
  if (state.trustList) {
    const tl = state.trustList;
    items.push(h("li", { "data-role": "trust" },
      h("span", { class: "role" }, t("roleTrust")), h("span", { class: "name" }, tl.name),
      h("span", { class: "muted", testid: "trust-summary" }, `${humanBytes(tl.size)} · ${trustSummary(tl.summary)} · ${t("trustKept")}`),
      remove(tl.name, () => change(() => dropTrustList()))));
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

function trustSummary(s) {
  return t("trustListSummary", {
    version: s.version ?? t("none"), date: s.date ? when(s.date, false) : t("none"),
    authorities: num(s.authorities), keys: num(s.keys),
  });
}

function renderBanner(r) {
  const blockers = r.upload?.blockers?.length ?? 0;
  const trust = r.trust_list ? trustSummary(r.trust_list) : t("trustListNone");
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
  const name = state.lang === "ru" ? p.document_type_ru || typeName(p.document_type) : typeName(p.document_type, p.document_type_ru);
  const paperReason = state.lang === "en" ? p.paper_reason_en : p.paper_reason_ru;
  const basis = (s) => (state.lang === "en" ? s.basis_en : s.basis_ru);
  const warnings = p.warnings ?? [];
  return h("section", { class: "card", testid: "policy-card", "data-ok": String(p.ok), "aria-labelledby": "policy-h" },
    h("div", { class: "card-head" },
      h("h2", { id: "policy-h", text: t("policyCard") }),
      h("span", { class: `pill ${p.ok ? "good" : "bad"}`, testid: "policy-verdict" }, p.ok ? t("policyOk") : t("policyNo"))),
    h("dl", { class: "fields" },
      row(t("docType"), name, "document_type", p.document_type),
      row(t("channel"), t(`channelName.${p.channel}`), "channel", p.channel),
      p.signers ? row(t("signersRule"), t(`signersName.${p.signers}`), "signers", p.signers) : null,
      row(t("electronicAllowed"), yesNo(p.electronic_allowed), "electronic_allowed", String(p.electronic_allowed)),
      paperReason ? row(t("paperReason"), paperReason, "paper_reason") : null),
    p.signatures.length
      ? h("div", { class: "table-wrap" }, h("table", { testid: "policy-signatures" },
        h("thead", null, h("tr", null, [t("file"), t("signer"), t("party"), t("kind"), t("allowed"), t("declaredType"), ""].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", null, p.signatures.map((s) => h("tr", { "data-ok": String(s.ok), "data-party": s.party },
          h("td", null, s.file), h("td", null, s.signer ?? t("none")),
          h("td", null, partyName(s.party)),
          h("td", null, kindBadge(s.kind)),
          h("td", null, s.allowed.join(", ") || t("none"),
            basis(s) ? h("details", { class: "basis" }, h("summary", null, t("basis")), h("p", null, basis(s))) : null),
          h("td", { "data-field": "declared_type" }, s.declared_type ?? t("none")),
          h("td", { class: s.ok ? "t-ok" : "t-bad" }, s.ok ? "✓" : "✗"))))))
      : null,
    p.findings.length ? h("ul", { class: "messages", testid: "policy-findings" }, p.findings.map((m) => messageItem(m, "error"))) : null,
    warnings.length
      ? [h("h3", { text: t("policyWarnings") }), h("ul", { class: "messages", testid: "policy-warnings" }, warnings.map((m) => messageItem(m, "warn")))]
      : null);
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

/**
 * The sign tab. `result` is what the last attempt gave: { ok: true, bytes, name, document,
 * existing } or { ok: false, code, error } (or a page-made { ok: false, text }); `prepared` is
 * signPrepare's answer while the external signer works. The key itself is never kept.
 */
const signState = { url: null, result: null, prepared: null };

const readBytes = (file) => file.arrayBuffer().then((b) => new Uint8Array(b));

function signFiles() {
  const [doc, cert, existing, key] = ["sign-doc", "sign-cert", "sign-existing", "sign-key"].map((id) => $(id).files?.[0] ?? null);
  return { doc, cert, existing, key };
}

/** Shows the signature made (or why not); the download link is a Blob URL of the bytes. */
function renderSignResult() {
  const out = $("sign-result");
  const r = signState.result;
  if (!r) {
    out.replaceChildren();
    return;
  }
  if (!r.ok) {
    const text = r.text ? t(r.text) : t("signFailed", { code: r.code, message: errorText(r.error) });
    out.replaceChildren(h("p", { class: "notice error", role: "alert", testid: "sign-error", "data-code": r.code ?? null }, text));
    return;
  }
  const done = r.existing ? t("cosignDone", { existing: r.existing, size: num(r.bytes.length) }) : t("signDone", { size: num(r.bytes.length) });
  out.replaceChildren(
    h("p", { class: "notice good", testid: "sign-done", "data-size": r.bytes.length }, done),
    h("div", { class: "row" },
      h("a", { class: "button primary", href: signState.url, download: r.name, testid: "sign-download" }, t("signDownload", { name: r.name })),
      h("button", { type: "button", class: "ghost", testid: "sign-check", onclick: () => checkSigned(r) }, t("signCheck"))));
}

function signSucceeded(bytes, document, existing) {
  if (signState.url) URL.revokeObjectURL(signState.url);
  signState.url = URL.createObjectURL(new Blob([bytes], { type: "application/pkcs7-signature" }));
  signState.result = { ok: true, bytes, name: `${document.name}.sig`, document, existing: existing?.name ?? null };
  renderSignResult();
}

function signFailed(e) {
  signState.result = { ok: false, code: e?.code || "INTERNAL", error: e };
  renderSignResult();
}

/** Moves the document and the new signature to the check tab and checks them. */
async function checkSigned(r) {
  const bytes = await readBytes(r.document);
  selectTab("check");
  await change(() => {
    state.document = { name: r.document.name, bytes };
    state.signatures = [signatureEntry(r.name, r.bytes)];
    state.viewed = null;
  });
}

/** A raw signature value typed as hex (spaces and colons allowed) or base64 / base64url. */
function parseRawValue(text) {
  const compact = text.replace(/[\s:]/g, "");
  if (compact.length > 0 && compact.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(compact)) {
    return Uint8Array.from(compact.match(/../g), (x) => parseInt(x, 16));
  }
  if (compact.length > 0 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) {
    try {
      const binary = atob(compact.replace(/-/g, "+").replace(/_/g, "/"));
      return Uint8Array.from(binary, (c) => c.charCodeAt(0));
    } catch {
      return null;
    }
  }
  return null;
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

function renderPrepared() {
  const p = signState.prepared;
  $("ext-hash").hidden = !p;
  if (!p) return;
  $("ext-prepared").textContent = t("extPrepared", { algorithm: p.digestAlgorithm, at: when(p.at) });
  $("ext-hash-hex").textContent = hex(p.hash);
}

function setupSign() {
  // A new document or certificate makes the prepared hash stale.
  for (const id of ["sign-doc", "sign-cert"]) {
    $(id).addEventListener("change", () => {
      signState.prepared = null;
      renderPrepared();
    });
  }

  $("sign-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const { doc, cert, existing, key } = signFiles();
    if (!doc || !cert || !key) {
      signState.result = { ok: false, text: "signNeedFiles" };
      renderSignResult();
      return;
    }
    $("sign-result").replaceChildren(h("p", { class: "muted" }, t("signWorking")));
    let keyBytes = null;
    try {
      const [d, c, x] = await Promise.all([readBytes(doc), readBytes(cert), existing ? readBytes(existing) : null]);
      keyBytes = await readBytes(key);
      const options = { pem: $("sign-pem").checked };
      const bytes = x ? mod.cosign(d, x, keyBytes, c, options) : mod.sign(d, keyBytes, c, options);
      signSucceeded(bytes, doc, existing);
    } catch (err) {
      signFailed(err);
    } finally {
      // The page's copy of the key goes at once (the core wipes its own copy too).
      keyBytes?.fill(0);
    }
  });

  $("ext-prepare").addEventListener("click", async () => {
    const { doc, cert } = signFiles();
    signState.prepared = null;
    renderPrepared();
    if (!doc || !cert) {
      signState.result = { ok: false, text: "signNeedDocCert" };
      renderSignResult();
      return;
    }
    try {
      const [d, c] = await Promise.all([readBytes(doc), readBytes(cert)]);
      const at = new Date();
      const p = mod.signPrepare(d, c, { at });
      signState.prepared = { ...p, at: at.toISOString(), document: doc, existing: null };
      signState.result = null;
    } catch (err) {
      signState.result = { ok: false, code: err?.code || "INTERNAL", error: err };
    }
    renderPrepared();
    renderSignResult();
  });

  $("ext-assemble").addEventListener("click", async () => {
    const p = signState.prepared;
    if (!p) {
      signState.result = { ok: false, text: "extNoHash" };
      renderSignResult();
      return;
    }
    const value = parseRawValue($("ext-value").value);
    if (!value) {
      signState.result = { ok: false, text: "extBadValue" };
      renderSignResult();
      return;
    }
    try {
      const { existing } = signFiles();
      const options = { order: $("ext-order").value, pem: $("sign-pem").checked };
      if (existing) options.existing = await readBytes(existing);
      signSucceeded(mod.signAssemble(p.state, value, options), p.document, existing);
    } catch (err) {
      signFailed(err);
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
    catalogue = mod.documentTypes();
  } catch (e) {
    showProgress(0, 1, () => t("loadFailed", { detail: e?.message || String(e) }));
    document.body.dataset.ready = "error";
    return;
  }
  $("progress").hidden = true;
  $("version").textContent = mod.version();
  fillDocumentTypes();
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
    renderPolicyHint();
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
