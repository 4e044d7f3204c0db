/**
 * The options page: export and import identity packs, and enroll people from a folder. It
 * writes imports to the store itself, in one IndexedDB transaction: a pack can be 100 MB,
 * too big to pass through extension messages, and the extension origin's IndexedDB is the
 * same one the background reads. Engine work goes through the background like everywhere else.
 */
import { setUpBulk } from './bulk-section.js';
import { setUpExport } from './export-section.js';
import { setUpImport } from './import-section.js';

const refreshExportList = setUpExport();
setUpImport(refreshExportList);
setUpBulk(refreshExportList);
