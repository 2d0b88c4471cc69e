import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  atOrAbove,
  evaluateGate
} from "./chunk-AQK5JCEV.js";
import {
  ContentCache,
  FileScanner,
  FindingBuilder,
  LineIndex,
  RuleCompileError,
  RuleIndex,
  createSchemaEngine,
  discover,
  evaluateRepository,
  glob,
  globMatcher,
  load,
  packageRoot,
  packageVersion,
  parseStructured,
  readPackageJson,
  readSmallFile,
  repositoryTree,
  require_ajv,
  require_codegen,
  withParameterValues
} from "./chunk-RTEKHZBK.js";
import {
  SEVERITIES
} from "./chunk-XADHSC5L.js";
import {
  oneLine
} from "./chunk-55H6FO74.js";
import {
  __commonJS,
  __toESM
} from "./chunk-CBBNNE4E.js";

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
    function fmtDef(validate2, compare2) {
      return { validate: validate2, compare: compare2 };
    }
    exports.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports.fastFormats = {
      ...exports.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports.formatNames = Object.keys(exports.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str) {
      const matches2 = DATE.exec(str);
      if (!matches2)
        return false;
      const year = +matches2[1];
      const month = +matches2[2];
      const day = +matches2[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str) {
        const matches2 = TIME.exec(str);
        if (!matches2)
          return false;
        const hr = +matches2[1];
        const min = +matches2[2];
        const sec = +matches2[3];
        const tz = matches2[4];
        const tzSign = matches2[5] === "-" ? -1 : 1;
        const tzH = +(matches2[6] || 0);
        const tzM = +(matches2[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME.exec(t1);
      const a2 = TIME.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str) {
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri(str) {
      return NOT_URI_FRAGMENT.test(str) && URI.test(str);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str) {
      BYTE.lastIndex = 0;
      return BYTE.test(str);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str) {
      if (Z_ANCHOR.test(str))
        return false;
      try {
        new RegExp(str);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// node_modules/ajv-formats/dist/limit.js
var require_limit = __commonJS({
  "node_modules/ajv-formats/dist/limit.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatLimitDefinition = void 0;
    var ajv_1 = require_ajv();
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      formatMaximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      formatMinimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      formatExclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      formatExclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`should be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    exports.formatLimitDefinition = {
      keyword: Object.keys(KWDs),
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, keyword, it } = cxt;
        const { opts, self } = it;
        if (!opts.validateFormats)
          return;
        const fCxt = new ajv_1.KeywordCxt(it, self.RULES.all.format.definition, "format");
        if (fCxt.$data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fmt = gen.const("fmt", (0, codegen_1._)`${fmts}[${fCxt.schemaCode}]`);
          cxt.fail$data((0, codegen_1.or)((0, codegen_1._)`typeof ${fmt} != "object"`, (0, codegen_1._)`${fmt} instanceof RegExp`, (0, codegen_1._)`typeof ${fmt}.compare != "function"`, compareCode(fmt)));
        }
        function validateFormat() {
          const format = fCxt.schema;
          const fmtDef = self.formats[format];
          if (!fmtDef || fmtDef === true)
            return;
          if (typeof fmtDef != "object" || fmtDef instanceof RegExp || typeof fmtDef.compare != "function") {
            throw new Error(`"${keyword}": format "${format}" does not define "compare" function`);
          }
          const fmt = gen.scopeValue("formats", {
            key: format,
            ref: fmtDef,
            code: opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(format)}` : void 0
          });
          cxt.fail$data(compareCode(fmt));
        }
        function compareCode(fmt) {
          return (0, codegen_1._)`${fmt}.compare(${data}, ${schemaCode}) ${KWDs[keyword].fail} 0`;
        }
      },
      dependencies: ["format"]
    };
    var formatLimitPlugin = (ajv2) => {
      ajv2.addKeyword(exports.formatLimitDefinition);
      return ajv2;
    };
    exports.default = formatLimitPlugin;
  }
});

// node_modules/ajv-formats/dist/index.js
var require_dist = __commonJS({
  "node_modules/ajv-formats/dist/index.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var formats_1 = require_formats();
    var limit_1 = require_limit();
    var codegen_1 = require_codegen();
    var fullName = new codegen_1.Name("fullFormats");
    var fastName = new codegen_1.Name("fastFormats");
    var formatsPlugin = (ajv2, opts = { keywords: true }) => {
      if (Array.isArray(opts)) {
        addFormats2(ajv2, opts, formats_1.fullFormats, fullName);
        return ajv2;
      }
      const [formats, exportName] = opts.mode === "fast" ? [formats_1.fastFormats, fastName] : [formats_1.fullFormats, fullName];
      const list = opts.formats || formats_1.formatNames;
      addFormats2(ajv2, list, formats, exportName);
      if (opts.keywords)
        (0, limit_1.default)(ajv2);
      return ajv2;
    };
    formatsPlugin.get = (name, mode = "full") => {
      const formats = mode === "fast" ? formats_1.fastFormats : formats_1.fullFormats;
      const f = formats[name];
      if (!f)
        throw new Error(`Unknown format "${name}"`);
      return f;
    };
    function addFormats2(ajv2, list, fs, exportName) {
      var _a;
      var _b;
      (_a = (_b = ajv2.opts.code).formats) !== null && _a !== void 0 ? _a : _b.formats = (0, codegen_1._)`require("ajv-formats/dist/formats").${exportName}`;
      for (const f of list)
        ajv2.addFormat(f, fs[f]);
    }
    module.exports = exports = formatsPlugin;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = formatsPlugin;
  }
});

// src/config/load.ts
import { existsSync, lstatSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

// src/json-schema.ts
var import_ajv = __toESM(require_ajv(), 1);
var import_ajv_formats = __toESM(require_dist(), 1);
var addFormats = import_ajv_formats.default;
var ajv;
var compiled = /* @__PURE__ */ new Map();
function cadreValidator(name) {
  let validate2 = compiled.get(name);
  if (validate2) return validate2;
  if (!ajv) {
    ajv = addFormats(new import_ajv.Ajv({ allErrors: true, strict: false }));
    ajv.addSchema(readPackageJson("schemas/profile.schema.json"));
  }
  const schema = readPackageJson(`schemas/${name}.schema.json`);
  validate2 = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
  compiled.set(name, validate2);
  return validate2;
}

// src/config/load.ts
var DEFAULT_CONFIG_FILE = ".cadre.yml";
var MAX_CONFIG_BYTES = 256 * 1024;
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function forbiddenKeyPath(value, path = []) {
  if (value === null || typeof value !== "object") return void 0;
  const entries = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  for (const [key, child] of entries) {
    if (typeof key === "string" && FORBIDDEN_KEYS.has(key)) return [...path, key];
    const found = forbiddenKeyPath(child, [...path, key]);
    if (found) return found;
  }
  return void 0;
}
var ConfigError = class extends Error {
  constructor(file, problems) {
    super(problems.map((p) => `${file}${p.line ? `:${p.line}` : ""}: ${p.key ? `${p.key}: ` : ""}${p.message}`).join("\n"));
    this.file = file;
    this.problems = problems;
  }
  file;
  problems;
};
function loadConfig(target, explicitPath) {
  const file = explicitPath ? resolve(explicitPath) : join(target, DEFAULT_CONFIG_FILE);
  const display = explicitPath ?? DEFAULT_CONFIG_FILE;
  if (!exists(file)) {
    if (explicitPath) throw new ConfigError(display, [{ message: "configuration file not found" }]);
    return { config: {} };
  }
  const read = readSmallFile(file, MAX_CONFIG_BYTES, { followLinks: Boolean(explicitPath) });
  if ("skip" in read) {
    const why = {
      symlink: "is a symbolic link: not followed",
      "special-file": "is not a regular file",
      "too-large": `is larger than ${MAX_CONFIG_BYTES} bytes`,
      unreadable: `cannot be read (${read.detail ?? "error"})`
    }[read.skip];
    throw new ConfigError(display, [{ message: `configuration file ${why}` }]);
  }
  const text = read.text;
  let documents;
  try {
    documents = parseStructured(text, new LineIndex(text), { limits: { maxDepth: 32, maxAliases: 20, maxExpandedNodes: 1e4 } });
  } catch (error) {
    throw new ConfigError(display, [{ line: error.line, message: `invalid YAML: ${error.message}` }]);
  }
  if (documents.length > 1) throw new ConfigError(display, [{ line: documents[1].line, message: "one YAML document expected" }]);
  const document = documents[0];
  const value = document?.value ?? {};
  const forbidden = forbiddenKeyPath(value);
  if (forbidden) {
    throw new ConfigError(display, [{ line: document?.lineOf(forbidden), key: forbidden.join("."), message: `key "${forbidden[forbidden.length - 1]}" is not allowed` }]);
  }
  const validator = cadreValidator("config");
  if (!validator(value)) {
    throw new ConfigError(
      display,
      (validator.errors ?? []).map((error) => {
        const path = error.instancePath.split("/").filter(Boolean);
        const extra = error.keyword === "additionalProperties" ? String(error.params.additionalProperty) : void 0;
        const keyPath = extra ? [...path, extra] : path;
        return {
          line: document?.lineOf(keyPath),
          key: keyPath.join(".") || "(root)",
          message: extra ? `unknown key "${extra}"` : error.message ?? "invalid"
        };
      })
    );
  }
  const config = value;
  const base = dirname(file);
  const root = realpathSync(target);
  config.rules = config.rules?.map((folder, index) => {
    const absolute = isAbsolute(folder) ? folder : resolve(base, folder);
    const real = existsSync(absolute) ? realpathSync(absolute) : absolute;
    const inside = relative(root, real);
    if (inside === ".." || inside.startsWith("../") || isAbsolute(inside)) {
      throw new ConfigError(display, [{ line: document?.lineOf(["rules", index]), key: `rules.${index}`, message: "rule folder outside the repository" }]);
    }
    if (!existsSync(absolute)) {
      throw new ConfigError(display, [{ line: document?.lineOf(["rules", index]), key: `rules.${index}`, message: "rule folder not found" }]);
    }
    return absolute;
  });
  return { config, file };
}
function exists(path) {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

// src/run/shard.ts
import { createHash } from "node:crypto";
function parseShard(text) {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  if (!match || total < 1 || index < 1 || index > total) throw new Error(`--shard must be k/n with 1 ≤ k ≤ n (got "${text}")`);
  return { index, total };
}
function shardOf(path, total) {
  const digest = createHash("sha1").update(path).digest();
  return digest.readUInt32BE(0) % total + 1;
}
function inShard(path, shard) {
  return !shard || shard.total === 1 || shardOf(path, shard.total) === shard.index;
}

// src/scan.ts
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { lstatSync as lstatSync2, statSync } from "node:fs";
import { join as join3 } from "node:path";

// src/run/worker-pool.ts
import { existsSync as existsSync2 } from "node:fs";
import { join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var BATCH = 32;
var WATCH_EVERY_MS = 100;
function workerEntry() {
  const sibling = fileURLToPath(new URL("./worker.js", import.meta.url));
  if (existsSync2(sibling)) return sibling;
  const built = join2(packageRoot(), "lib", "run", "worker.js");
  return existsSync2(built) ? built : void 0;
}
async function scanInWorkers(setup, tasks, pool) {
  const outcomes = new Array(tasks.length);
  const timings = { read: 0, evaluate: 0, parse: {}, rules: /* @__PURE__ */ new Map() };
  const queue = tasks.map((_, i) => i);
  let done = 0;
  const record = (index, outcome) => {
    if (outcomes[index]) return;
    outcomes[index] = outcome;
    pool.onProgress?.(++done, tasks.length);
  };
  const runWorker = () => new Promise((resolve2, reject) => {
    const status = new Float64Array(new SharedArrayBuffer(16));
    status[0] = -1;
    const worker = new Worker(pool.entry, { workerData: { ...setup, status } });
    let current = [];
    let settled = false;
    const finish = (action) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      action();
    };
    const sendNext = () => {
      current = queue.splice(0, BATCH);
      if (current.length === 0) worker.postMessage({ done: true });
      else worker.postMessage({ batch: current, tasks: current.map((i) => tasks[i]) });
    };
    const watchdog = setInterval(() => {
      const index = status[0];
      if (pool.fileTimeBudgetMs <= 0 || index < 0 || Date.now() - status[1] <= pool.fileTimeBudgetMs) return;
      const task = tasks[index];
      record(index, {
        path: task.path,
        scanned: false,
        findings: [],
        errors: [],
        suppressions: [],
        objects: [],
        ...task.evaluate ? { skipped: { file: task.path, reason: "time-budget", detail: `> ${pool.fileTimeBudgetMs} ms` } } : {}
      });
      queue.unshift(...current.filter((i) => !outcomes[i]));
      finish(() => {
        void worker.terminate();
        runWorker().then(resolve2, reject);
      });
    }, WATCH_EVERY_MS);
    worker.on("message", (message) => {
      if ("timings" in message) {
        mergeTimings(timings, message.timings);
        finish(() => void worker.terminate().then(() => resolve2()));
        return;
      }
      message.outcomes.forEach((outcome, i) => record(message.batch[i], outcome));
      sendNext();
    });
    worker.on("error", (error) => finish(() => reject(error)));
    sendNext();
  });
  const threads = Math.max(1, Math.min(pool.threads, Math.ceil(tasks.length / BATCH)));
  await Promise.all(Array.from({ length: threads }, runWorker));
  return { outcomes, timings };
}
function mergeTimings(into, from) {
  into.read += from.read;
  into.evaluate += from.evaluate;
  for (const [kind, ms] of Object.entries(from.parse)) into.parse[kind] = (into.parse[kind] ?? 0) + ms;
  for (const rule of from.rules) {
    const entry = into.rules.get(rule.ruleId);
    if (entry) {
      entry.milliseconds += rule.milliseconds;
      entry.files += rule.files;
    } else into.rules.set(rule.ruleId, { ...rule });
  }
}

// src/waive/apply.ts
function applyWaivers(input) {
  const waivable = new Map(input.rules.map((rule) => [rule.id, rule.waivable !== false]));
  const records = [];
  const findings = input.findings.map((finding) => ({ ...finding }));
  for (const waiver of input.waivers) {
    const matchers = (waiver.paths ?? []).map((p) => globMatcher(p, { anchored: true }));
    const covered = findings.filter(
      (f) => f.ruleId === waiver.rule && (waiver.fingerprint === void 0 || f.fingerprint === waiver.fingerprint) && (matchers.length === 0 || f.file !== void 0 && matchers.some((match) => match(f.file)))
    );
    const record = {
      source: "file",
      location: waiver.location,
      rule: waiver.rule,
      ...waiver.paths ? { paths: waiver.paths } : {},
      ...waiver.fingerprint ? { fingerprint: waiver.fingerprint } : {},
      justification: waiver.justification,
      author: waiver.author,
      ...waiver.approver ? { approver: waiver.approver } : {},
      ...waiver.ticket ? { ticket: waiver.ticket } : {},
      created: waiver.created,
      expires: waiver.expires,
      status: "active",
      matched: covered.length
    };
    if (!waivable.has(waiver.rule)) Object.assign(record, { status: "invalid", detail: "unknown rule" });
    else if (waiver.expires < input.today) Object.assign(record, { status: "expired", detail: `expired on ${waiver.expires}` });
    else if (!waivable.get(waiver.rule)) Object.assign(record, { status: "refused", detail: "this rule cannot be waived: the risk must be fixed" });
    else if (waiver.created > waiver.expires) Object.assign(record, { status: "invalid", detail: "created after it expires" });
    else if (covered.length === 0) Object.assign(record, { status: "stale", detail: "matches no finding" });
    if (record.status === "active") {
      for (const finding of covered) {
        finding.waiver ??= {
          source: "file",
          location: waiver.location,
          justification: waiver.justification,
          author: waiver.author,
          ...waiver.approver ? { approver: waiver.approver } : {},
          expires: waiver.expires
        };
      }
    }
    records.push(record);
  }
  for (const suppression of input.suppressions) {
    for (const rule of suppression.rules) {
      const covered = findings.filter(
        (f) => f.ruleId === rule && f.file === suppression.file && f.line !== void 0 && (f.line === suppression.line || f.line === suppression.line + 1)
      );
      const location = `${suppression.file}:${suppression.line}`;
      const record = { source: "inline", location, rule, justification: suppression.reason, status: "active", matched: covered.length };
      if (!waivable.has(rule)) Object.assign(record, { status: "invalid", detail: "unknown rule" });
      else if (suppression.reason.length === 0) Object.assign(record, { status: "invalid", detail: "a reason is required: cadre-ignore <rule-id>: <reason>" });
      else if (!waivable.get(rule)) Object.assign(record, { status: "refused", detail: "this rule cannot be waived: the risk must be fixed" });
      else if (covered.length === 0) Object.assign(record, { status: "stale", detail: "matches no finding" });
      if (record.status === "active") {
        for (const finding of covered) finding.waiver ??= { source: "inline", location, justification: suppression.reason };
      }
      records.push(record);
    }
  }
  return { findings, records };
}

// src/waive/baseline.ts
import { readFileSync } from "node:fs";
function loadBaseline(path, display) {
  let report;
  try {
    report = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError(display, [{ message: `baseline is not a readable JSON report (${error.code ?? error.message})` }]);
  }
  const validate2 = cadreValidator("report");
  if (!validate2(report)) throw new ConfigError(display, [{ message: `baseline is not a cadre report: ${validate2.errors?.[0]?.instancePath} ${validate2.errors?.[0]?.message}` }]);
  return report;
}
function applyBaseline(findings, baseline) {
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  const current = new Set(findings.map((f) => f.fingerprint));
  const fresh = findings.filter((f) => !known.has(f.fingerprint));
  return {
    findings: fresh,
    stats: {
      findings: baseline.findings.length,
      unchanged: findings.length - fresh.length,
      fixed: [...known].filter((fingerprint) => !current.has(fingerprint)).length,
      new: fresh.length
    }
  };
}

// src/report/build.ts
import { createHash as createHash2 } from "node:crypto";

// src/report/scores.ts
function statusOf(ruleIds, active, waived) {
  if (ruleIds.some((id) => active.has(id))) return "failed";
  if (ruleIds.some((id) => waived.has(id))) return "waived";
  return "passed";
}
function tally(statuses) {
  return {
    passed: statuses.filter((s) => s === "passed").length,
    failed: statuses.filter((s) => s === "failed").length,
    waived: statuses.filter((s) => s === "waived").length
  };
}
function computeScores(rules, findings) {
  const active = new Set(findings.filter((f) => !f.waiver).map((f) => f.ruleId));
  const waived = new Set(findings.filter((f) => f.waiver).map((f) => f.ruleId));
  const criteria = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    for (const reference of rule.references) {
      const byCriterion = criteria.get(reference.framework) ?? /* @__PURE__ */ new Map();
      byCriterion.set(reference.criterion, [...byCriterion.get(reference.criterion) ?? [], rule.id]);
      criteria.set(reference.framework, byCriterion);
    }
  }
  const frameworks = [...criteria.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([framework, byCriterion]) => {
    const scored = [...byCriterion.entries()].sort(([a], [b]) => a.localeCompare(b, void 0, { numeric: true })).map(([criterion, ruleIds]) => ({ criterion, status: statusOf(ruleIds, active, waived), rules: [...ruleIds].sort() }));
    return { framework, ...tally(scored.map((c) => c.status)), criteria: scored };
  });
  const byDomain = /* @__PURE__ */ new Map();
  for (const rule of rules) byDomain.set(rule.domain, [...byDomain.get(rule.domain) ?? [], rule.id]);
  const domains = [...byDomain.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([domain, ids]) => ({ domain, rules: ids.length, ...tally(ids.map((id) => statusOf([id], active, waived))) }));
  return { frameworks, domains };
}

// src/report/build.ts
var REPORT_SCHEMA_URL = "https://cadre.numerique.gouv.fr/schemas/report.schema.json";
function buildReport(input) {
  const findings = [...input.findings].sort(compareFindings);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  const byDomain = {};
  let waived = 0;
  for (const finding of findings) {
    if (finding.waiver) {
      waived++;
      continue;
    }
    bySeverity[finding.severity]++;
    byDomain[finding.domain] = (byDomain[finding.domain] ?? 0) + 1;
  }
  return {
    $schema: REPORT_SCHEMA_URL,
    reportVersion: "1",
    tool: { name: "cadre", version: input.version },
    ruleset: { digest: rulesetDigest(input.rules), rules: input.rules.length, ...input.profile ? { profile: input.profile } : {} },
    target: { path: input.targetPath, ...input.commit ? { commit: input.commit } : {} },
    lang: input.lang,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    summary: { files: input.files, findings: findings.length - waived, waived, bySeverity, byDomain: sortKeys(byDomain) },
    scores: computeScores(input.rules, findings),
    waivers: sortWaivers(input.waivers),
    ...input.baseline ? { baseline: input.baseline } : {},
    ...input.truncated?.length ? { truncated: input.truncated } : {},
    ...input.shard && input.shard.total > 1 ? { shard: input.shard } : {},
    rules: input.rules.map((rule) => summarizeRule(rule, input.lang)).sort((a, b) => compare(a.id, b.id)),
    findings,
    skipped: sortSkipped(input.skipped),
    errors: sortErrors(input.errors)
  };
}
function summarizeRule(rule, lang) {
  return {
    id: rule.id,
    domain: rule.domain,
    severity: rule.severity,
    title: rule.title[lang],
    description: rule.message[lang].replace(/\{\{\s*\w+\s*\}\}/g, "…"),
    remediation: rule.remediation[lang],
    references: rule.references,
    tags: rule.tags ?? [],
    ...rule.references.find((r) => r.url)?.url ? { helpUri: rule.references.find((r) => r.url).url } : {}
  };
}
function rulesetDigest(rules) {
  const canonical = [...rules].sort((a, b) => compare(a.id, b.id)).map(({ source: _source, ...rule }) => canonicalJson(rule)).join("\n");
  return `sha256:${createHash2("sha256").update(canonical).digest("hex")}`;
}
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value).sort().filter((key) => value[key] !== void 0).map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}
function compareFindings(a, b) {
  return compare(a.file ?? "", b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint);
}
var sortWaivers = (waivers) => [...waivers].sort((a, b) => compare(a.location, b.location) || compare(a.rule, b.rule));
var sortSkipped = (skipped) => [...skipped].sort((a, b) => compare(a.file, b.file));
var sortErrors = (errors) => [...errors].sort((a, b) => compare(a.file ?? "", b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || compare(a.message, b.message));
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortKeys(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}

// src/report/cap.ts
var FindingCap = class {
  constructor(max) {
    this.max = max;
  }
  max;
  perRule = /* @__PURE__ */ new Map();
  add(findings) {
    for (const finding of findings) {
      let entry = this.perRule.get(finding.ruleId);
      if (!entry) this.perRule.set(finding.ruleId, entry = { kept: [], omitted: 0 });
      entry.kept.push(finding);
      if (entry.kept.length >= 2 * this.max) this.cut(entry);
    }
  }
  /** Findings of rules already capped elsewhere (a repository outcome capped when it was computed): counted as left out. */
  addOmitted(truncated) {
    for (const { ruleId, omitted } of truncated) {
      let entry = this.perRule.get(ruleId);
      if (!entry) this.perRule.set(ruleId, entry = { kept: [], omitted: 0 });
      entry.omitted += omitted;
    }
  }
  result() {
    const findings = [];
    const truncated = [];
    for (const [ruleId, entry] of this.perRule) {
      if (entry.kept.length > this.max) this.cut(entry);
      for (const finding of entry.kept) findings.push(finding);
      if (entry.omitted > 0) truncated.push({ ruleId, omitted: entry.omitted });
    }
    return { findings, truncated: truncated.sort((a, b) => compare(a.ruleId, b.ruleId)) };
  }
  cut(entry) {
    entry.kept.sort(compareFindings);
    entry.omitted += Math.max(0, entry.kept.length - this.max);
    entry.kept.length = Math.min(entry.kept.length, this.max);
  }
};

// src/scan.ts
var DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
var DEFAULT_MAX_FINDINGS_PER_RULE = 1e3;
var DEFAULT_FILE_TIME_BUDGET_MS = 3e4;
var SMALL_SCAN = 1e3;
var FILES_PER_EXTRA_WORKER = 400;
var TargetError = class extends Error {
};
async function scan(options) {
  const startedAt = /* @__PURE__ */ new Date();
  const clock = performance.now();
  const phases = {};
  const lap = (phase, since2) => {
    phases[phase] = (phases[phase] ?? 0) + performance.now() - since2;
  };
  assertDirectory(options.target);
  let since = performance.now();
  const discovery = await discover(options.target, { include: options.include, exclude: options.exclude, gitignore: options.gitignore });
  const repository = repositoryTree(options.target, discovery.files.map((f) => f.path), discovery.directories);
  lap("discover", since);
  since = performance.now();
  const scannerOptions = { target: options.target, lang: options.lang, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, timings: Boolean(options.timings) };
  const scanner = new FileScanner(options.rules, scannerOptions, repository);
  lap("compile", since);
  const version = packageVersion();
  const maxPerRule = options.maxFindingsPerRule ?? DEFAULT_MAX_FINDINGS_PER_RULE;
  const cache = options.cacheDir ? ContentCache.at(options.cacheDir, options.rules, rulesetDigest(options.rules), version, JSON.stringify([options.lang, scannerOptions.maxFileSize, maxPerRule])) : void 0;
  const runsRepositoryRules = !options.shard || options.shard.index === 1;
  const { tasks, partial } = planTasks(discovery.files, scanner, cache, options.shard);
  since = performance.now();
  let tree;
  const treeDigest = () => tree ??= ContentCache.treeDigest(repository.files, repository.directories);
  const treeOf = (task) => task.usesTree ? treeDigest() : void 0;
  const { outcomes, timings, threads } = await scanFiles(tasks, { options, scanner, scannerOptions, repository, cache, treeOf });
  lap("files", since);
  const capped = new FindingCap(maxPerRule);
  const errors = [];
  const skipped = [...discovery.skipped.filter((s) => inShard(s.file, options.shard))];
  const suppressions = [];
  let scannedFiles = 0;
  let cacheHits = 0;
  outcomes.forEach((outcome, index) => {
    const task = tasks[index];
    if (cache && outcome.hash && !partial.has(task)) cache.set(task, outcome.hash, outcome.stamp, treeOf(task), outcome);
    if (outcome.fromCache) cacheHits++;
    repository.objects.push(...outcome.objects);
    if (!inShard(outcome.path, options.shard)) return;
    if (outcome.scanned) scannedFiles++;
    if (outcome.skipped) skipped.push(outcome.skipped);
    capped.add(outcome.findings);
    errors.push(...outcome.errors);
    suppressions.push(...outcome.suppressions);
  });
  since = performance.now();
  if (runsRepositoryRules) {
    const known = cache && cacheHits === outcomes.length ? cache.repositoryOutcome(treeDigest(), (path) => repository.sizeOf(path)) : void 0;
    const repositoryResult = known ?? cappedPerRule(evaluateRepository(scanner.index.repositoryRules, repository, new FindingBuilder(options.lang)), maxPerRule);
    if (cache && !known) cache.setRepositoryOutcome(treeDigest(), repository.sizesAsked, repositoryResult);
    capped.add(repositoryResult.findings);
    capped.addOmitted(repositoryResult.truncated);
    errors.push(...repositoryResult.errors);
  }
  cache?.save();
  lap("repository", since);
  since = performance.now();
  const kept = capped.result();
  const waived = applyWaivers({
    findings: kept.findings,
    waivers: options.waivers ?? [],
    suppressions,
    rules: options.rules,
    today: options.today ?? startedAt.toISOString().slice(0, 10)
  });
  const baselined = options.baseline ? applyBaseline(waived.findings, options.baseline) : void 0;
  lap("waive", since);
  since = performance.now();
  const report = buildReport({
    version,
    rules: options.rules,
    profile: options.profile,
    targetPath: options.targetName ?? options.target,
    commit: gitCommit(options.target),
    lang: options.lang,
    startedAt,
    durationMs: performance.now() - clock,
    files: scannedFiles,
    findings: baselined?.findings ?? waived.findings,
    skipped,
    errors,
    waivers: waived.records,
    baseline: baselined?.stats,
    truncated: kept.truncated,
    shard: options.shard
  });
  lap("report", since);
  const result = { report, cacheHits, workers: threads };
  if (!options.timings) return result;
  const parseTotal = Object.values(timings.parse).reduce((a, b) => a + b, 0);
  Object.assign(phases, { read: timings.read, parse: parseTotal, evaluate: Math.max(0, timings.evaluate - parseTotal) });
  return { ...result, timings: { phases, parse: timings.parse, rules: [...timings.rules.values()].sort((a, b) => b.milliseconds - a.milliseconds) } };
}
function stampOf(path) {
  try {
    const stat = lstatSync2(path);
    return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
  } catch {
    return void 0;
  }
}
function planTasks(files, scanner, cache, shard) {
  const runsRepositoryRules = !shard || shard.index === 1;
  const tasks = [];
  const partial = /* @__PURE__ */ new Set();
  for (const { path } of files) {
    const task = cache?.taskOf(path) ?? scanner.taskFor(path);
    if (!task) continue;
    const full = { evaluate: task.evaluate, collectObjects: task.collectObjects };
    if (!inShard(path, shard)) {
      if (!(runsRepositoryRules && task.collectObjects)) continue;
      task.evaluate = false;
    }
    if (!runsRepositoryRules) task.collectObjects = false;
    if (task.evaluate !== full.evaluate || task.collectObjects !== full.collectObjects) partial.add(task);
    if (task.evaluate || task.collectObjects) tasks.push(task);
  }
  return { tasks, partial };
}
async function scanFiles(tasks, context) {
  const { options, scanner, scannerOptions, repository, cache, treeOf } = context;
  const outcomes = new Array(tasks.length);
  const pending = [];
  tasks.forEach((task, index) => {
    const known = cache?.unchanged(task.path, () => stampOf(join3(options.target, task.path)), treeOf(task));
    if (known) {
      outcomes[index] = { ...known, fromCache: true };
      return;
    }
    if (cache) {
      task.hash = true;
      const cached = cache.entry(task.path, treeOf(task));
      if (cached) task.cached = { hash: cached.hash, outcome: cached.outcome };
    }
    pending.push(index);
  });
  const toScan = pending.map((index) => tasks[index]);
  const threads = options.workers === void 0 && options.trustedRules && toScan.length <= SMALL_SCAN ? 0 : workerCount(options.workers, toScan.length);
  const entry = threads > 0 && toScan.length > 0 ? workerEntry() : void 0;
  let scanned;
  let timings;
  if (entry) {
    const setup = { rules: options.rules, options: scannerOptions, files: repository.files, directories: repository.directories };
    ({ outcomes: scanned, timings } = await scanInWorkers(setup, toScan, {
      threads,
      entry,
      fileTimeBudgetMs: options.fileTimeBudgetMs ?? DEFAULT_FILE_TIME_BUDGET_MS,
      onProgress: options.onProgress
    }));
  } else {
    scanned = toScan.map((task, i) => {
      const outcome = scanner.scan(task);
      options.onProgress?.(i + 1, toScan.length);
      return outcome;
    });
    timings = scanner.timings;
  }
  pending.forEach((index, i) => outcomes[index] = scanned[i]);
  return { outcomes, timings, threads: entry ? threads : 0 };
}
function cappedPerRule(outcome, max) {
  const cap = new FindingCap(max);
  cap.add(outcome.findings);
  return { ...cap.result(), errors: outcome.errors };
}
function workerCount(requested, files) {
  if (typeof requested === "number") return Math.max(0, Math.floor(requested));
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / FILES_PER_EXTRA_WORKER)));
}
function assertDirectory(target) {
  let isDirectory = false;
  try {
    isDirectory = statSync(target).isDirectory();
  } catch {
    throw new TargetError(`target not found: ${target}`);
  }
  if (!isDirectory) throw new TargetError(`target is not a folder: ${target}`);
}
function gitCommit(target) {
  try {
    return execFileSync("git", ["rev-parse", "--verify", "-q", "HEAD"], { cwd: target, stdio: ["ignore", "pipe", "ignore"], encoding: "utf8", timeout: 5e3 }).trim() || void 0;
  } catch {
    return void 0;
  }
}

// src/rules/load.ts
import { realpathSync as realpathSync2 } from "node:fs";
import { join as join5, relative as relative3, sep } from "node:path";

// src/rules/builtin-bundle.ts
import { createHash as createHash3 } from "node:crypto";
import { existsSync as existsSync3, readFileSync as readFileSync2, writeFileSync } from "node:fs";
import { join as join4, relative as relative2 } from "node:path";
function builtBundlePath() {
  return join4(packageRoot(), "lib", "builtin-rules.json");
}
function builtinBundlePath() {
  const built = builtBundlePath();
  return existsSync3(built) ? built : join4(packageRoot(), "dist", "builtin-rules.json");
}
function digestOf(folder, files) {
  const hash = createHash3("sha256");
  for (const file of files) hash.update(`${relative2(folder, file)}\0`).update(readFileSync2(file)).update("\0");
  return hash.digest("hex");
}
function readBuiltinBundle(folder, files, bundlePath = builtinBundlePath()) {
  let bundle;
  try {
    bundle = JSON.parse(readFileSync2(bundlePath, "utf8"));
  } catch {
    return void 0;
  }
  if (bundle.digest !== digestOf(folder, files)) return void 0;
  return bundle.rules.map(({ file, rule }) => ({ file: join4(folder, file), rule }));
}

// src/rules/load.ts
var ID_PREFIXES = {
  security: ["docker", "k8s", "ci", "compose", "web"],
  secrets: ["secret"],
  gdpr: ["gdpr"],
  accessibility: ["a11y"],
  ecodesign: ["eco"],
  sovereignty: ["sov"],
  hygiene: ["hyg"],
  platform: ["cpin"]
};
var MAX_RULE_FILE_BYTES = 512 * 1024;
var RULE_YAML_LIMITS = { maxDepth: 64, maxAliases: 50, maxExpandedNodes: 1e5 };
function builtinRulesDir() {
  return join5(packageRoot(), "rules");
}
function validateRuleShape(value) {
  const validate2 = cadreValidator("rule");
  return validate2(value) ? [] : validate2.errors ?? [];
}
async function loadRules(locations, options = {}) {
  const rules = [];
  const problems = [];
  const firstSeen = /* @__PURE__ */ new Map();
  const base = options.base ?? process.cwd();
  const schemas = createSchemaEngine();
  for (const location of locations) {
    const ownRules = (options.skipCompile ?? []).includes(location);
    const files = await ruleFilesOf(location);
    const loaded = ownRules && readBuiltinBundle(location, files) || loadRuleFiles(location, files, base, ownRules ? void 0 : schemas, problems);
    for (const { file, rule } of loaded) {
      const display = relative3(base, file) || file;
      const previous = firstSeen.get(rule.id);
      if (previous) {
        problems.push({ file: display, key: "id", message: `duplicate rule id "${rule.id}" (also in ${previous})` });
        continue;
      }
      firstSeen.set(rule.id, display);
      rules.push({ ...rule, source: display });
    }
  }
  return { rules, problems };
}
async function ruleFilesOf(location) {
  if (/\.ya?ml$/i.test(location)) return [location];
  return (await glob("**/*.{yaml,yml}", { cwd: location, absolute: true, nodir: true, follow: false })).sort();
}
function loadRuleFiles(location, files, base, schemas, problems) {
  const folder = /\.ya?ml$/i.test(location) ? void 0 : realPath(location);
  const loaded = [];
  for (const file of files) {
    const display = relative3(base, file) || file;
    if (folder !== void 0) {
      const real = realPath(file);
      if (real === void 0 || !(real === folder || real.startsWith(folder + sep))) {
        problems.push({ file: display, message: "rule file is a symbolic link leading out of its folder: not read" });
        continue;
      }
    }
    for (const rule of loadRuleFile(file, display, schemas, problems)) loaded.push({ file, rule });
  }
  return loaded;
}
function loadRuleFile(file, display, schemas, problems) {
  const read = readSmallFile(file, MAX_RULE_FILE_BYTES, { followLinks: true });
  if ("skip" in read) {
    const why = {
      symlink: "cannot read rule file: symbolic link",
      "special-file": "rule file is not a regular file",
      "too-large": `rule file larger than ${MAX_RULE_FILE_BYTES} bytes`,
      unreadable: `cannot read rule file: ${read.detail ?? "error"}`
    }[read.skip];
    problems.push({ file: display, message: why });
    return [];
  }
  const text = read.text;
  let documents;
  try {
    documents = parseStructured(text, new LineIndex(text), { limits: RULE_YAML_LIMITS });
  } catch (error) {
    const e = error;
    problems.push({ file: display, line: e.line, message: `invalid YAML: ${e.message}` });
    return [];
  }
  const rules = [];
  for (const document of documents) {
    if (document.value === null || document.value === void 0) continue;
    const rule = checkRule(document, display, schemas, problems);
    if (rule) rules.push(rule);
  }
  return rules;
}
function checkRule(document, file, schemas, problems) {
  const errors = validateRuleShape(document.value);
  if (errors.length > 0) {
    for (const error of relevantErrors(errors)) problems.push(describeSchemaError(error, document, file));
    return void 0;
  }
  const forbidden = forbiddenKeyPath(document.value);
  if (forbidden) {
    const key = String(forbidden[forbidden.length - 1]);
    problems.push({ file, line: document.lineOf(forbidden), key: forbidden.join("."), message: `key "${key}" is not allowed` });
    return void 0;
  }
  const rule = document.value;
  const prefix = rule.id.split("-")[0];
  if (!ID_PREFIXES[rule.domain].includes(prefix)) {
    problems.push({
      file,
      line: document.lineOf(["id"]),
      key: "id",
      message: `id "${rule.id}" must start with one of ${ID_PREFIXES[rule.domain].map((p) => `${p}-`).join(", ")} (domain ${rule.domain})`
    });
    return void 0;
  }
  if (!schemas) return rule;
  try {
    new RuleIndex([rule], schemas).compileAll();
  } catch (error) {
    if (!(error instanceof RuleCompileError)) throw error;
    problems.push({ file, line: document.lineOf(error.path), key: error.path.join("."), message: error.message });
    return void 0;
  }
  return rule;
}
function relevantErrors(errors) {
  const seen = /* @__PURE__ */ new Set();
  return errors.filter((error) => {
    const id = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return !["if", "anyOf", "oneOf"].includes(error.keyword);
  });
}
function describeSchemaError(error, document, file) {
  const path = error.instancePath === "" ? [] : error.instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let key = path.join(".");
  let message = error.message ?? "invalid";
  if (error.keyword === "additionalProperties") {
    const extra = String(error.params.additionalProperty);
    key = [...path, extra].join(".");
    message = `unknown key "${extra}"`;
    return { file, line: document.lineOf([...path, extra]), key, message };
  }
  if (error.keyword === "required") {
    const missing = String(error.params.missingProperty);
    message = `missing required key "${missing}"`;
    key = [...path, missing].join(".");
  }
  if (error.keyword === "enum") message = `must be one of: ${error.params.allowedValues.join(", ")}`;
  return { file, line: document.lineOf(path), key: key || "(root)", message };
}
function formatRuleProblem(problem) {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.key ? `${problem.key}: ` : ""}${problem.message}`;
}
function realPath(path) {
  try {
    return realpathSync2(path);
  } catch {
    return void 0;
  }
}

// src/rules/profiles.ts
import { readdirSync, readFileSync as readFileSync3 } from "node:fs";
import { join as join6 } from "node:path";
var DEFAULT_PROFILE = "recommended";
var ProfileError = class extends Error {
};
function validate(profile, origin) {
  const validator = cadreValidator("profile");
  if (!validator(profile)) {
    const details = (validator.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message}`).join("; ");
    throw new ProfileError(`${origin}: invalid profile: ${details}`);
  }
  return profile;
}
function builtinProfiles() {
  const dir = join6(packageRoot(), "profiles");
  const profiles = /* @__PURE__ */ new Map();
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const profile = validate(load(readFileSync3(join6(dir, file), "utf8")), `profiles/${file}`);
    profiles.set(profile.name ?? file.replace(/\.ya?ml$/, ""), profile);
  }
  return profiles;
}
function chain(name, profiles) {
  const result = [];
  const seen = /* @__PURE__ */ new Set();
  let current = name;
  while (current) {
    if (seen.has(current)) throw new ProfileError(`profile "${current}" extends itself`);
    seen.add(current);
    const profile = profiles.get(current);
    if (!profile) throw new ProfileError(`unknown profile "${current}" (known: ${[...profiles.keys()].join(", ")})`);
    result.unshift(profile);
    current = profile.extends;
  }
  return result;
}
function matches(selector, rule) {
  if (selector.startsWith("domain:")) return rule.domain === selector.slice(7);
  if (selector.startsWith("tag:")) return (rule.tags ?? []).includes(selector.slice(4));
  return rule.id === selector;
}
function applyProfile(rules, name, own = {}) {
  const profiles = builtinProfiles();
  for (const [key, profile] of Object.entries(own)) profiles.set(key, validate({ ...profile, name: key }, `.cadre.yml profiles.${key}`));
  const ids = new Set(rules.map((r) => r.id));
  let enabled = new Map(rules.map((rule) => [rule.id, true]));
  let failOn;
  const current = new Map(rules.map((rule) => [rule.id, rule]));
  for (const profile of chain(name, profiles)) {
    for (const selector of [...profile.exclude ?? [], ...profile.include ?? [], ...Object.keys(profile.severity ?? {})]) {
      if (!selector.includes(":") && !ids.has(selector)) throw new ProfileError(`profile "${profile.name}": unknown rule "${selector}"`);
    }
    for (const rule of rules) {
      if ((profile.exclude ?? []).some((s) => matches(s, rule))) enabled.set(rule.id, false);
      if ((profile.include ?? []).some((s) => matches(s, rule))) enabled.set(rule.id, true);
    }
    for (const [id, rule] of current) {
      let severity = profile.severity?.[id] ?? rule.severity;
      for (const raise of profile.raise ?? []) {
        const hit = (raise.domain === void 0 || raise.domain === rule.domain) && (raise.tag === void 0 || (rule.tags ?? []).includes(raise.tag));
        if (hit && !atOrAbove(severity, raise.to)) severity = raise.to;
      }
      let next = severity === rule.severity ? rule : { ...rule, severity };
      if (profile.parameters?.[id]) next = withParameterValues(next, profile.parameters[id]);
      current.set(id, next);
    }
    failOn = profile.failOn ?? failOn;
  }
  enabled = new Map([...enabled].filter(([, on]) => on));
  return { name, rules: rules.filter((rule) => enabled.has(rule.id)).map((rule) => current.get(rule.id)), failOn };
}

// src/waive/waiver-file.ts
import { existsSync as existsSync4, readFileSync as readFileSync4 } from "node:fs";
import { join as join7 } from "node:path";
var DEFAULT_WAIVER_FILE = ".cadre-waivers.yml";
function loadWaivers(target, explicitPath) {
  const path = explicitPath ?? join7(target, DEFAULT_WAIVER_FILE);
  const display = explicitPath ?? DEFAULT_WAIVER_FILE;
  if (!existsSync4(path)) {
    if (explicitPath) throw new ConfigError(display, [{ message: "waiver file not found" }]);
    return [];
  }
  const text = readFileSync4(path, "utf8");
  let document;
  try {
    [document] = parseStructured(text, new LineIndex(text), { limits: { maxDepth: 16, maxAliases: 0, maxExpandedNodes: 1e5 } });
  } catch (error) {
    throw new ConfigError(display, [{ line: error.line, message: `invalid YAML: ${error.message}` }]);
  }
  const value = document?.value ?? { waivers: [] };
  const validate2 = cadreValidator("waivers");
  if (!validate2(value)) {
    throw new ConfigError(
      display,
      (validate2.errors ?? []).map((error) => {
        const path2 = error.instancePath.split("/").filter(Boolean);
        const extra = error.keyword === "additionalProperties" ? String(error.params.additionalProperty) : void 0;
        const missing = error.keyword === "required" ? String(error.params.missingProperty) : void 0;
        const keyPath = [...path2, ...extra ? [extra] : missing ? [missing] : []];
        return {
          line: document?.lineOf(extra ? keyPath : path2),
          key: keyPath.join(".") || "(root)",
          message: extra ? `unknown key "${extra}"` : missing ? `missing required key "${missing}"` : error.message ?? "invalid"
        };
      })
    );
  }
  const waivers = value.waivers;
  return waivers.map((waiver, index) => ({ ...waiver, location: `${display}:${document.lineOf(["waivers", index])}` }));
}

// src/check.ts
var DEFAULT_FAIL_ON = "high";
async function resolveRequest(request) {
  const { config } = loadConfig(request.target, request.configPath);
  const { rules, failOn: profileFailOn, profile } = await resolveRules({
    ruleFolders: [...request.ruleFolders ?? [], ...config.rules ?? []],
    builtinRules: request.builtinRules !== false && config.builtinRules !== false,
    profile: request.profile ?? config.profile,
    config
  });
  return { config, rules, profile, failOn: request.failOn ?? config.failOn ?? profileFailOn ?? DEFAULT_FAIL_ON };
}
async function runCheck(request) {
  const { config, rules, profile, failOn } = await resolveRequest(request);
  const lang = request.lang ?? config.lang ?? "fr";
  const waivers = loadWaivers(request.target, request.waiversPath);
  const baseline = request.baselinePath ? loadBaseline(request.baselinePath, request.baselinePath) : void 0;
  const { report, timings } = await scan({
    target: request.target,
    targetName: request.targetName,
    rules,
    lang,
    profile,
    include: config.include,
    exclude: [...config.exclude ?? [], ...request.exclude ?? []],
    gitignore: config.gitignore,
    maxFileSize: config.maxFileSize,
    fileTimeBudgetMs: config.fileTimeBudget,
    maxFindingsPerRule: config.maxFindingsPerRule,
    timings: request.timings,
    waivers,
    baseline,
    today: request.today,
    workers: request.workers,
    cacheDir: request.cacheDir,
    shard: request.shard,
    onProgress: request.onProgress,
    trustedRules: (request.ruleFolders ?? []).length === 0 && (config.rules ?? []).length === 0
  });
  const gate = evaluateGate(report, failOn);
  return { report, gate, config, timings };
}
async function resolveRules(options) {
  const locations = [...options.builtinRules ? [builtinRulesDir()] : [], ...options.ruleFolders];
  const { rules: loaded, problems } = await loadRules(locations, { skipCompile: [builtinRulesDir()] });
  if (problems.length > 0) throw new ConfigError("rules", problems.map((p) => ({ message: oneLine(formatRuleProblem(p)) })));
  let rules = loaded;
  let failOn;
  let profile;
  if (options.builtinRules || options.profile) {
    try {
      const applied = applyProfile(rules, options.profile ?? DEFAULT_PROFILE, options.config.profiles);
      ({ rules, failOn } = applied);
      profile = applied.name;
    } catch (error) {
      if (error instanceof ProfileError) throw new ConfigError(DEFAULT_CONFIG_FILE, [{ key: "profile", message: error.message }]);
      throw error;
    }
  }
  const config = options.config;
  const known = new Set(loaded.map((rule) => rule.id));
  const unknown = [...config.disable ?? [], ...Object.keys(config.severity ?? {}), ...Object.keys(config.parameters ?? {})].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ConfigError(DEFAULT_CONFIG_FILE, unknown.map((id) => ({ key: id, message: "unknown rule id" })));
  const disabled = new Set(config.disable ?? []);
  try {
    rules = rules.filter((rule) => !disabled.has(rule.id)).map((rule) => {
      const severity = config.severity?.[rule.id];
      return withParameterValues(severity ? { ...rule, severity } : rule, config.parameters?.[rule.id]);
    });
  } catch (error) {
    throw new ConfigError(DEFAULT_CONFIG_FILE, [{ key: "parameters", message: error.message }]);
  }
  return { rules, profile, failOn };
}

// src/audit/keys.ts
import { createHash as createHash4, createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
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
  return createHash4("sha256").update(der).digest("hex").slice(0, 16);
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
import { readFileSync as readFileSync5 } from "node:fs";
function verifyReport(request) {
  let reportText;
  try {
    reportText = readFileSync5(request.reportPath, "utf8");
  } catch (error) {
    const code = error.code;
    return { ok: false, reasons: [code === "ENOENT" ? "report not found" : `report is not readable (${code ?? error.message})`] };
  }
  const { reportPath: _path, ...rest } = request;
  return verifySignedReport({ ...rest, reportText });
}

// src/render/renderer.ts
var FORMATS = ["console", "json", "sarif", "html", "codequality", "junit", "markdown"];
var loaders = {
  console: async () => (await import("./chunk-OLSXGM6V.js")).renderConsole,
  json: async () => (await import("./chunk-ASHVFX6X.js")).renderJson,
  sarif: async () => (await import("./chunk-C5F6LUOD.js")).renderSarif,
  html: async () => (await import("./chunk-WU273PKZ.js")).renderHtml,
  codequality: async () => (await import("./chunk-3IFPWBYY.js")).renderCodeQuality,
  junit: async () => (await import("./chunk-NKZMWVH7.js")).renderJunit,
  markdown: async () => (await import("./chunk-2FIKZEFH.js")).renderMarkdown
};
async function loadRenderer(format) {
  return loaders[format]();
}
function isFormat(value) {
  return FORMATS.includes(value);
}

export {
  cadreValidator,
  ConfigError,
  parseShard,
  computeScores,
  canonicalJson,
  compareFindings,
  sortWaivers,
  sortSkipped,
  sortErrors,
  compare,
  TargetError,
  scan,
  builtinRulesDir,
  loadRules,
  formatRuleProblem,
  DEFAULT_FAIL_ON,
  resolveRequest,
  runCheck,
  resolveRules,
  generateKeyPair,
  loadPrivateKey,
  loadPublicKey,
  signReport,
  parseDuration,
  verifyReport,
  FORMATS,
  loadRenderer,
  isFormat
};
