import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_LENGTH,
  MARKDOWN_MARKER,
  TOP_ROWS,
  escapeMarkdown,
  renderMarkdown
} from "./chunk-LSZJZ7D3.js";
import "./chunk-AQK5JCEV.js";
import "./chunk-XADHSC5L.js";
import "./chunk-55H6FO74.js";
import "./chunk-CBBNNE4E.js";
export {
  DEFAULT_MAX_LENGTH,
  MARKDOWN_MARKER,
  TOP_ROWS,
  escapeMarkdown,
  renderMarkdown
};
