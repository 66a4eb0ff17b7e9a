// The registry's data files (data/ at the repository root). Each is required by a literal path,
// on first use only: the bundler (esbuild) inlines it into the bundle, and tsc copies it to
// out/data/ (the type-only imports below make the files part of the compilation).

import type * as AgenciesFile from '../../../../data/agencies.json';
import type * as ProvincesFile from '../../../../data/provinces.json';
import type * as DirectivesFile from '../../../../data/directives.json';

/* eslint-disable @typescript-eslint/no-require-imports */
export const agenciesData = (): typeof AgenciesFile | unknown => require('../../../../data/agencies.json');
export const provincesData = (): typeof ProvincesFile | unknown => require('../../../../data/provinces.json');
export const directivesData = (): typeof DirectivesFile | unknown => require('../../../../data/directives.json');
