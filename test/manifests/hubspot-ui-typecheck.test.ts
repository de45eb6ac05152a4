import { join } from 'node:path';
import ts from 'typescript';
import { hubspotProject } from './read-manifest';

/**
 * The HubSpot UI extensions (React + ESM-only @hubspot/ui-extensions) have their own tsconfig
 * (JSX, bundler resolution) outside the root typecheck, so compile them here: a type error in the
 * card, the settings page or their tests fails `npx jest`.
 */
describe('HubSpot UI extensions typecheck (manifests/hubspot/tsconfig.json)', () => {
  it('compiles without errors', () => {
    const configPath = join(hubspotProject, 'tsconfig.json');
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    });
    if (config === undefined) throw new Error(`cannot read ${configPath}`);
    expect(config.fileNames.some((f) => f.endsWith('AccordCard.tsx'))).toBe(true);
    expect(config.fileNames.some((f) => f.endsWith('AccordSettings.tsx'))).toBe(true);
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  }, 120_000);
});
