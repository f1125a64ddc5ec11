import pkg from '../../package.json';

export const STUDIO = { name: pkg.name, version: pkg.version } as const;
