/** The part of Eleventy 3's programmatic API we use (the package ships no types). */
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: 'build' | 'watch' | 'serve';
    config?: (eleventyConfig: unknown) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<unknown>;
    write(): Promise<unknown>;
    watch(): Promise<unknown>;
    serve(port?: number): Promise<unknown>;
    setIncrementalBuild(incremental: boolean): void;
  }
  export const HtmlBasePlugin: unknown;
}
