import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { listFiles, nodes, readJson, readMetadataXml, salesforceProject, text, texts } from './read-manifest';

/**
 * Converts the SFDX source to Metadata API format offline with @salesforce/source-deploy-retrieve,
 * the library behind `sf project convert source` and `sf project deploy start`: every file must be
 * recognised as a metadata component, and the package.xml must list what Accord ships.
 */
describe('Salesforce package conversion (source-deploy-retrieve)', () => {
  let outputDirectory: string;

  beforeAll(() => {
    outputDirectory = mkdtempSync(join(tmpdir(), 'accord-sfdx-'));
  });

  afterAll(() => {
    rmSync(outputDirectory, { recursive: true, force: true });
  });

  it('converts force-app to a metadata package listing every Accord component', async () => {
    const project = readJson<{ sourceApiVersion: string }>(join(salesforceProject, 'sfdx-project.json'));
    const components = ComponentSet.fromSource(join(salesforceProject, 'force-app'));
    components.sourceApiVersion = project.sourceApiVersion;
    const result = await new MetadataConverter().convert(components, 'metadata', {
      type: 'directory',
      outputDirectory,
      genUniqueDir: false,
    });
    expect(result.packagePath).toBe(outputDirectory);

    const [rootName, pkg] = readMetadataXml(join(outputDirectory, 'package.xml'));
    expect(rootName).toBe('Package');
    expect(text(pkg.version)).toBe('62.0');
    const types = Object.fromEntries(nodes(pkg.types).map((t) => [text(t.name), texts(t.members).sort()]));
    expect(types).toEqual({
      ApexClass: ['AccordApi', 'AccordApiTest'],
      CustomField: [
        'Lead.Accord_Definition_Version__c',
        'Lead.Accord_Rejection_Note__c',
        'Lead.Accord_Rejection_Reason__c',
        'Lead.Accord_SLA_Due__c',
        'Lead.Accord_SLA_State__c',
        'Lead.Accord_Score__c',
        'Lead.Accord_Stage__c',
        'Lead.Accord_Why__c',
      ],
      CustomTab: ['Accord_Settings'],
      ExternalClientApplication: ['Accord'],
      ExternalCredential: ['Accord_API'],
      ExtlClntAppGlobalOauthSettings: ['Accord_glbloauth'],
      ExtlClntAppOauthSettings: ['Accord_oauth'],
      FlexiPage: ['Accord_Settings'],
      Flow: ['Accord_Lead_Changed'],
      LightningComponentBundle: ['accordLeadPanel', 'accordSettings', 'accordShared'],
      NamedCredential: ['Accord_API'],
      PermissionSet: ['Accord_Admin', 'Accord_Integration', 'Accord_User'],
      Workflow: ['Lead'],
      WorkflowOutboundMessage: ['Lead.Accord_Lead_Changed'],
    });

    // The fields are composed into the Lead object file, still in the Metadata API namespace.
    const [objectName, lead] = readMetadataXml(join(outputDirectory, 'objects', 'Lead.object'));
    expect(objectName).toBe('CustomObject');
    expect(nodes(lead.fields).map((f) => text(f.fullName)).sort()).toEqual(types.CustomField?.map((m) => m.replace('Lead.', '')));
    const outbound = nodes(readMetadataXml(join(outputDirectory, 'workflows', 'Lead.workflow'))[1].outboundMessages)[0];
    expect(texts(outbound?.fields)).toContain('LastModifiedById');
    expect(listFiles(outputDirectory)).toEqual(
      expect.arrayContaining(['flows/Accord_Lead_Changed.flow', 'lwc/accordLeadPanel/accordLeadPanel.js', 'classes/AccordApi.cls']),
    );
  });
});
