// Set by the build (site/astro.config.mjs: a hash of the sources that render pages), so a redeploy
// with new page code never serves pages cached by the old one.
declare const __SEEDLAB_BUILD__: string | undefined;

/** The deployed build's version; 'unbuilt' where no build defined it (tests that import the sources). */
export const BUILD_VERSION: string = typeof __SEEDLAB_BUILD__ === 'string' ? __SEEDLAB_BUILD__ : 'unbuilt';
