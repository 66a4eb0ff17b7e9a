// `npm run devset`: the development set's per-rule precision table, as Markdown.

import { formatReport, runDevset } from './devset';

process.stdout.write(formatReport(runDevset()));
