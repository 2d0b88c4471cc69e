// The canonical JSON report, as built: the format every other one derives from.

import type { Renderer } from './renderer.js';

export const renderJson: Renderer = (report) => `${JSON.stringify(report, null, 2)}\n`;
