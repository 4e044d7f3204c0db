import { describe } from 'vitest';
import { launchChromium } from './helpers/chromium.js';
import { extensionSuite } from './helpers/suite.js';

describe('Facetag in Chromium', () => extensionSuite(launchChromium));
