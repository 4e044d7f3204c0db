import { describe } from 'vitest';
import { launchFirefox } from './helpers/firefox.js';
import { extensionSuite } from './helpers/suite.js';

describe('Facetag in Firefox', () => extensionSuite(launchFirefox));
