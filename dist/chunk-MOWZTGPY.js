import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  cadreValidator,
  canonicalJson
} from "./chunk-MIDAPAOM.js";
import {
  evaluateGate
} from "./chunk-AQK5JCEV.js";

// src/audit/keys.ts
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
var KeyError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "KeyError";
  }
};
function generateKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    keyId: keyIdOf(publicKey)
  };
}
function keyIdOf(key) {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  const der = publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}
function loadPrivateKey(pem) {
  let key;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new KeyError(`not a private key in PEM form (${error.message})`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new KeyError(`the private key is ${key.asymmetricKeyType ?? "of an unknown type"}, cadre signs with Ed25519 keys (cadre keygen)`);
  return key;
}
function loadPublicKey(pem) {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) throw new KeyError("this is a private key: verify with the public key (cadre keygen writes both)");
  let key;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new KeyError(`not a public key in PEM form (${error.message})`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new KeyError(`the public key is ${key.asymmetricKeyType ?? "of an unknown type"}, cadre reports are signed with Ed25519 keys`);
  return key;
}

// src/audit/sign.ts
import { sign as cryptoSign, verify as cryptoVerify } from "node:crypto";
var SIGNATURE_ALGORITHM = "ed25519";
var IN_TOTO_STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var CADRE_PREDICATE_TYPE = "https://cadre.numerique.gouv.fr/attestation/report/v1";
var CLOCK_SKEW_MS = 5 * 60 * 1e3;
var SigningError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "SigningError";
  }
};
function signReport(report, privateKeyPem, options = {}) {
  const key = loadPrivateKey(privateKeyPem);
  const signed = signWith(report, key, options.now ?? /* @__PURE__ */ new Date());
  return options.attestation ? envelopeFor(signed, key) : signed;
}
function signedBytes(report) {
  const { signature, ...rest } = report;
  const covered = signature !== null && typeof signature === "object" ? { ...rest, signature: { ...signature, value: void 0 } } : rest;
  return Buffer.from(canonicalJson(covered), "utf8");
}
function pae(payloadType, body) {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
}
function signWith(report, key, now) {
  const plain = JSON.parse(JSON.stringify(report));
  delete plain.signature;
  const signature = { algorithm: SIGNATURE_ALGORITHM, keyId: keyIdOf(key), value: "", signedAt: now.toISOString() };
  const value = cryptoSign(null, signedBytes({ ...plain, signature }), key).toString("base64");
  return { ...plain, signature: { ...signature, value } };
}
function envelopeFor(signed, key) {
  const commit = signed.target.commit;
  if (!commit) throw new SigningError("an attestation names the scanned commit, and this report has none: scan a git work tree");
  const statement = {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: signed.target.path, digest: { gitCommit: commit } }],
    predicateType: CADRE_PREDICATE_TYPE,
    predicate: signed
  };
  const body = Buffer.from(canonicalJson(statement), "utf8");
  return {
    payloadType: IN_TOTO_PAYLOAD_TYPE,
    payload: body.toString("base64"),
    signatures: [{ keyid: keyIdOf(key), sig: cryptoSign(null, pae(IN_TOTO_PAYLOAD_TYPE, body), key).toString("base64") }]
  };
}
function verifySignedReport(request) {
  let data = request.report;
  if (request.reportText !== void 0) {
    try {
      data = JSON.parse(request.reportText);
    } catch (error) {
      return fail(`report is not readable JSON (${error.message})`);
    }
  }
  if (data === void 0) return fail("no report given");
  let key;
  let expectedId;
  if (request.publicKeyPem !== void 0) {
    try {
      key = loadPublicKey(request.publicKeyPem);
      expectedId = keyIdOf(key);
    } catch (error) {
      if (error instanceof KeyError) return fail(`unusable public key: ${error.message}`);
      throw error;
    }
  }
  const reasons = [];
  let status;
  let statement;
  if (isEnvelope(data)) {
    const opened = openEnvelope(data, key, expectedId);
    reasons.push(...opened.reasons);
    status = opened.status;
    if (!opened.statement) return { ok: false, reasons, ...status ? { signature: status } : {} };
    statement = opened.statement;
    data = statement.predicate;
  }
  if (!isObject(data)) return fail("not a cadre report: (root) must be an object");
  const { signature, ...unsigned } = data;
  const validator = cadreValidator("report");
  if (!validator(unsigned)) {
    const first = validator.errors?.[0];
    reasons.push(`not a cadre report: ${first?.instancePath || "(root)"} ${first?.message ?? ""}`.trim());
    return { ok: false, reasons, ...status ? { signature: status } : {} };
  }
  const report = data;
  if (signature !== void 0) {
    const inner = checkReportSignature(report, signature, key, expectedId);
    if (inner.reason) reasons.push(inner.reason);
    status ??= inner.status;
  } else if (key && !status) {
    reasons.push("report is not signed, but a signature is required (--key)");
  }
  if (statement) {
    const commits = subjectCommits(statement);
    if (report.target.commit && !commits.includes(report.target.commit)) {
      reasons.push(`attestation subject is commit ${commits.join(", ") || "(none)"}, but the report inside is for commit ${report.target.commit}`);
    }
  }
  if (request.commit && report.target.commit !== request.commit) {
    reasons.push(`report is for commit ${report.target.commit ?? "(none)"}, not ${request.commit}`);
  }
  if (request.maxAgeMs !== void 0) {
    const age = (request.now ?? /* @__PURE__ */ new Date()).getTime() - Date.parse(report.startedAt);
    if (age > request.maxAgeMs) {
      reasons.push(`report is too old: the scan started ${formatDuration(age)} ago (${report.startedAt}), more than the ${formatDuration(request.maxAgeMs)} allowed`);
    } else if (age < -CLOCK_SKEW_MS) {
      reasons.push(`report is dated in the future (${report.startedAt})`);
    }
  }
  const gate = evaluateGate(report, request.failOn);
  if (!gate.passed) reasons.push(`${gate.blocking} finding(s) at "${request.failOn}" or above`);
  return { ok: reasons.length === 0, reasons, report, ...status ? { signature: status } : {} };
}
function fail(reason) {
  return { ok: false, reasons: [reason] };
}
function checkReportSignature(report, signature, key, expectedId) {
  if (!isObject(signature) || typeof signature.keyId !== "string" || typeof signature.value !== "string") {
    return { reason: "signature is malformed: an object with algorithm, keyId and value is expected" };
  }
  const status = {
    keyId: signature.keyId,
    ...typeof signature.signedAt === "string" ? { signedAt: signature.signedAt } : {},
    envelope: false,
    verified: false
  };
  if (signature.algorithm !== SIGNATURE_ALGORITHM) return { status, reason: `unsupported signature algorithm ${JSON.stringify(signature.algorithm)} (cadre signs with ${SIGNATURE_ALGORITHM})` };
  if (!key) return { status };
  if (signature.keyId !== expectedId) return { status, reason: `report is signed with key ${signature.keyId}, not with the given key ${expectedId}` };
  const bytes = decodeBase64(signature.value, false);
  if (!bytes || bytes.length !== 64) return { status, reason: "signature value is corrupt: not a base64 Ed25519 signature of 64 bytes" };
  if (!cryptoVerify(null, signedBytes(report), key, bytes)) {
    return { status, reason: "signature does not match the report: the report was modified after signing" };
  }
  return { status: { ...status, verified: true } };
}
function openEnvelope(envelope, key, expectedId) {
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return { reasons: [`envelope payload type is ${JSON.stringify(envelope.payloadType)}, not ${IN_TOTO_PAYLOAD_TYPE}`] };
  }
  const body = decodeBase64(envelope.payload, true);
  if (!body) return { reasons: ["envelope payload is not base64"] };
  const signatures = Array.isArray(envelope.signatures) ? envelope.signatures.filter(isObject) : [];
  const reasons = [];
  let status;
  const first = signatures.find((s) => typeof s.keyid === "string");
  if (first) status = { keyId: first.keyid, envelope: true, verified: false };
  if (key) {
    const mine = signatures.filter((s) => s.keyid === expectedId);
    if (signatures.length === 0) {
      reasons.push("attestation is not signed, but a signature is required (--key)");
    } else if (mine.length === 0) {
      const ids = signatures.map((s) => typeof s.keyid === "string" && s.keyid ? s.keyid : "(no key id)");
      reasons.push(`attestation is signed with key ${ids.join(", ")}, not with the given key ${expectedId}`);
    } else {
      const message = pae(IN_TOTO_PAYLOAD_TYPE, body);
      const valid = mine.some((s) => {
        const sig = decodeBase64(s.sig, true);
        return sig !== void 0 && sig.length === 64 && cryptoVerify(null, message, key, sig);
      });
      if (valid) status = { keyId: expectedId, envelope: true, verified: true };
      else reasons.push("attestation signature does not match: the attestation was modified after signing");
    }
  }
  let statement;
  try {
    statement = JSON.parse(body.toString("utf8"));
  } catch {
    return { reasons: [...reasons, "envelope payload is not JSON"], status };
  }
  if (!isObject(statement) || statement._type !== IN_TOTO_STATEMENT_TYPE || statement.predicateType !== CADRE_PREDICATE_TYPE || !isObject(statement.predicate)) {
    return { reasons: [...reasons, `envelope does not hold an in-toto Statement v1 with a cadre report (predicate type ${CADRE_PREDICATE_TYPE})`], status };
  }
  return { reasons, status, statement };
}
function subjectCommits(statement) {
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  return subjects.flatMap((s) => isObject(s) && isObject(s.digest) && typeof s.digest.gitCommit === "string" ? [s.digest.gitCommit] : []);
}
function isEnvelope(value) {
  return isObject(value) && "payloadType" in value && "payload" in value && !("reportVersion" in value);
}
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function decodeBase64(value, allowUrl) {
  if (typeof value !== "string") return void 0;
  let text = value;
  if (allowUrl && /[-_]/.test(text)) text = text.replace(/-/g, "+").replace(/_/g, "/");
  if (allowUrl && text.length % 4 !== 0 && !text.includes("=")) text = text.padEnd(text.length + (4 - text.length % 4) % 4, "=");
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return void 0;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : void 0;
}
var UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseDuration(text) {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== trimmed) {
    throw new RangeError(`invalid duration "${text}": a number and a unit (s, m, h, d, w), e.g. 7d, 12h, 30m`);
  }
  const ms = parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNITS[unit], 0);
  if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`invalid duration "${text}": it must be positive`);
  return Math.round(ms);
}
function formatDuration(ms) {
  const abs = Math.abs(ms);
  const pieces = [
    [Math.floor(abs / UNITS.d), "d"],
    [Math.floor(abs % UNITS.d / UNITS.h), "h"],
    [Math.floor(abs % UNITS.h / UNITS.m), "m"],
    [Math.floor(abs % UNITS.m / UNITS.s), "s"]
  ];
  const first = pieces.findIndex(([n]) => n > 0);
  if (first === -1) return `${Math.round(abs)}ms`;
  return pieces.slice(first, first + 2).filter(([n]) => n > 0).map(([n, unit]) => `${n}${unit}`).join(" ");
}

// src/gate/verify.ts
import { readFileSync } from "node:fs";
function verifyReport(request) {
  let reportText;
  try {
    reportText = readFileSync(request.reportPath, "utf8");
  } catch (error) {
    const code = error.code;
    return { ok: false, reasons: [code === "ENOENT" ? "report not found" : `report is not readable (${code ?? error.message})`] };
  }
  const { reportPath: _path, ...rest } = request;
  return verifySignedReport({ ...rest, reportText });
}

export {
  generateKeyPair,
  loadPrivateKey,
  loadPublicKey,
  signReport,
  parseDuration,
  verifyReport
};
