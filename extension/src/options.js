// Lectern's options page (options.html): its strings, then its three sections.
import { localize, t } from './common/i18n.js';
import { setUpAlwaysSites } from './options/always-sites.js';
import { setUpReports } from './options/reports.js';
import { addCategories, setUpSettingsForm } from './options/settings-form.js';
import { addChoices } from './common/settings.js';

addCategories(); // before localize(), which names them
addChoices(document);
localize(document.documentElement);
document.title = t('optionsTitle');
setUpSettingsForm();
setUpReports();
setUpAlwaysSites();
