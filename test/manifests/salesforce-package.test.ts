import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import {
  accordFeedbackFields,
  accordOutputFields,
  standardLeadFields,
  type SalesforceFieldType,
} from '../../adapters/salesforce/salesforce-lead-fields';
import { rejectionReasonLabels, rejectionReasons } from '../../src/core/rejection-reasons';
import { stageLabels, stages } from '../../src/core/stage';
import {
  accordHost,
  listFiles,
  node,
  nodes,
  readJson,
  readMetadataXml,
  readText,
  salesforceProject,
  salesforceSource,
  text,
  texts,
  type XmlNode,
} from './read-manifest';

const apiVersion = '62.0';
const files = listFiles(salesforceSource);
const metaFiles = files.filter((f) => f.endsWith('-meta.xml'));

function metadata(relativePath: string): XmlNode {
  return readMetadataXml(join(salesforceSource, relativePath))[1];
}

function field(name: string): XmlNode {
  return metadata(`objects/Lead/fields/${name}.field-meta.xml`);
}

function picklistOf(f: XmlNode): Array<[string, string]> {
  const valueSet = node(f.valueSet);
  expect(text(valueSet.restricted)).toBe('true');
  return nodes(node(valueSet.valueSetDefinition).value).map((v) => [text(v.fullName), text(v.label)]);
}

/** The Salesforce field types that can hold what the adapter writes or reads as each of its types. */
const compatibleTypes: Record<SalesforceFieldType, string[]> = {
  number: ['Number'],
  text: ['Picklist', 'LongTextArea', 'TextArea', 'Text'],
  datetime: ['DateTime'],
  boolean: ['Checkbox'],
  id: ['Lookup'],
};

const accordFields = { ...accordOutputFields, ...accordFeedbackFields };

describe('Salesforce package (manifests/salesforce)', () => {
  it('is an SFDX project on API 62.0', () => {
    const project = readJson<{ packageDirectories: Array<{ path: string; default?: boolean }>; sourceApiVersion: string }>(
      join(salesforceProject, 'sfdx-project.json'),
    );
    expect(project.sourceApiVersion).toBe(apiVersion);
    expect(project.packageDirectories).toEqual([{ path: 'force-app', default: true }]);
    expect(existsSync(join(salesforceProject, 'force-app'))).toBe(true);
  });

  it('has only well-formed metadata files in the Metadata API namespace', () => {
    expect(metaFiles.length).toBeGreaterThanOrEqual(20);
    for (const file of metaFiles) expect(() => readMetadataXml(join(salesforceSource, file))).not.toThrow();
    for (const file of metaFiles.filter((f) => f.endsWith('.cls-meta.xml') || f.endsWith('.js-meta.xml') || f.endsWith('.flow-meta.xml'))) {
      expect(text(metadata(file).apiVersion)).toBe(apiVersion);
    }
    // LWC templates: one <template> root and balanced tags (bindings {x} unquoted, boolean attributes allowed).
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const template = readText(join(salesforceSource, file)).replace(/=\{([^}]*)\}/g, '="{$1}"');
      expect([file, XMLValidator.validate(template, { allowBooleanAttributes: true })]).toEqual([file, true]);
      expect(template.trimStart().startsWith('<template>')).toBe(true);
    }
  });

  describe('Lead fields', () => {
    it('exist for every field the adapter writes or reads back, with a compatible type, and no others', () => {
      const shipped = files
        .filter((f) => f.startsWith('objects/Lead/fields/'))
        .map((f) => f.replace('objects/Lead/fields/', '').replace('.field-meta.xml', ''))
        .sort();
      expect(shipped).toEqual(Object.keys(accordFields).sort());
      for (const [name, type] of Object.entries(accordFields)) {
        const f = field(name);
        expect(text(f.fullName)).toBe(name);
        expect(compatibleTypes[type]).toContain(text(f.type));
      }
    });

    it('have the types and sizes of the field list', () => {
      const expected: Record<string, Record<string, string>> = {
        Accord_Score__c: { type: 'Number', precision: '3', scale: '0' },
        Accord_Stage__c: { type: 'Picklist' },
        Accord_Why__c: { type: 'LongTextArea', length: '32768' },
        Accord_Definition_Version__c: { type: 'Number', scale: '0' },
        Accord_SLA_Due__c: { type: 'DateTime' },
        Accord_SLA_State__c: { type: 'Picklist' },
        Accord_Rejection_Reason__c: { type: 'Picklist' },
        Accord_Rejection_Note__c: { type: 'LongTextArea', length: '32768' },
      };
      for (const [name, attributes] of Object.entries(expected)) {
        const f = field(name);
        for (const [key, value] of Object.entries(attributes)) expect([name, key, text(f[key])]).toEqual([name, key, value]);
      }
    });

    it('offer exactly the stages and the rejection taxonomy as picklist values, with the core labels', () => {
      expect(picklistOf(field('Accord_Stage__c'))).toEqual(stages.map((s) => [s, stageLabels[s]]));
      expect(picklistOf(field('Accord_Rejection_Reason__c'))).toEqual(rejectionReasons.map((r) => [r, rejectionReasonLabels[r]]));
    });
  });

  describe('permission sets', () => {
    const fieldAccess = (permissionSet: string) =>
      new Map(nodes(metadata(`permissionsets/${permissionSet}.permissionset-meta.xml`).fieldPermissions).map((p) => [text(p.field), p]));
    const principal = () => {
      const credential = metadata('externalCredentials/Accord_API.externalCredential-meta.xml');
      const named = nodes(credential.externalCredentialParameters).filter((p) => text(p.parameterType) === 'NamedPrincipal');
      expect(named).toHaveLength(1);
      return `Accord_API-${text(named[0]?.parameterName)}`;
    };

    it('let reps read Accord’s fields and edit only the rejection fields, and call Accord', () => {
      for (const permissionSet of ['Accord_User', 'Accord_Admin']) {
        const access = fieldAccess(permissionSet);
        expect([...access.keys()].sort()).toEqual(Object.keys(accordFields).map((f) => `Lead.${f}`).sort());
        for (const [fieldName, p] of access) {
          expect(text(p.readable)).toBe('true');
          expect(text(p.editable)).toBe(fieldName in { ...prefixed(accordFeedbackFields) } ? 'true' : 'false');
        }
        const set = metadata(`permissionsets/${permissionSet}.permissionset-meta.xml`);
        expect(nodes(set.classAccesses).map((c) => [text(c.apexClass), text(c.enabled)])).toEqual([['AccordApi', 'true']]);
        expect(nodes(set.externalCredentialPrincipalAccesses).map((a) => [text(a.externalCredentialPrincipal), text(a.enabled)])).toEqual([
          [principal(), 'true'],
        ]);
      }
      const admin = metadata('permissionsets/Accord_Admin.permissionset-meta.xml');
      expect(nodes(admin.tabSettings).map((t) => [text(t.tab), text(t.visibility)])).toEqual([['Accord_Settings', 'Visible']]);
    });

    it('let Accord’s integration user read every lead and write every Accord field, and read the accounts and opportunities its queries name', () => {
      const access = fieldAccess('Accord_Integration');
      const leadFields = [...access.keys()].filter((f) => f.startsWith('Lead.'));
      expect(leadFields.sort()).toEqual(Object.keys(accordFields).map((f) => `Lead.${f}`).sort());
      for (const f of leadFields) expect([text(access.get(f)?.readable), text(access.get(f)?.editable)]).toEqual(['true', 'true']);
      // Read-only: the account match reads Account.Website, the outcome readers ConvertedOpportunity.Amount.
      const readOnly = [...access.entries()].filter(([f]) => !f.startsWith('Lead.'));
      expect(readOnly.map(([f, p]) => [f, text(p.readable), text(p.editable)])).toEqual([
        ['Account.Website', 'true', 'false'],
        ['Opportunity.Amount', 'true', 'false'],
      ]);
      const queries = ['find-salesforce-account-owners.ts', 'list-salesforce-outcome-leads.ts'].map((file) => readFileSync(join(__dirname, '../../adapters/salesforce', file), 'utf8')).join('\n');
      expect(queries).toContain('Website');
      expect(queries).toContain('ConvertedOpportunity.Amount');
      const objects = nodes(metadata('permissionsets/Accord_Integration.permissionset-meta.xml').objectPermissions);
      expect(objects.map((o) => [text(o.object), text(o.allowRead), text(o.allowEdit), text(o.viewAllRecords)])).toEqual([
        ['Account', 'true', 'false', 'true'],
        ['Lead', 'true', 'true', 'true'],
        ['Opportunity', 'true', 'false', 'true'],
      ]);
    });
  });

  describe('External Client App', () => {
    it('is Accord’s OAuth client with the Api and RefreshToken scopes and Accord’s callback', () => {
      const eca = metadata('externalClientApps/Accord.eca-meta.xml');
      expect(text(eca.label)).toBe('Accord');
      expect(text(eca.distributionState)).toBe('Packageable');
      const oauth = metadata('extlClntAppOauthSettings/Accord_oauth.ecaOauth-meta.xml');
      expect(text(oauth.externalClientApplication)).toBe('Accord');
      expect(
        text(oauth.commaSeparatedOauthScopes)
          .split(',')
          .map((s) => s.trim())
          .sort(),
      ).toEqual(['Api', 'RefreshToken']);
      const global = metadata('extlClntAppGlobalOauthSets/Accord_glbloauth.ecaGlblOauth-meta.xml');
      expect(text(global.externalClientApplication)).toBe('Accord');
      expect(text(global.callbackUrl)).toBe(`${accordHost}/oauth/salesforce/callback`);
      expect(text(global.isPkceRequired)).toBe('true');
    });
  });

  describe('outbound message and flow', () => {
    const workflow = metadata('workflows/Lead.workflow-meta.xml');
    const messages = nodes(workflow.outboundMessages);
    const message = messages[0] as XmlNode;
    const sent = texts(message.fields);

    it('send every field the adapter reads from a notification, including LastModifiedById', () => {
      expect(messages).toHaveLength(1);
      expect(text(message.apiVersion)).toBe(apiVersion);
      expect(sent).toContain('LastModifiedById');
      expect([...sent].sort()).toEqual(['Id', ...Object.keys(standardLeadFields), ...Object.keys(accordFeedbackFields)].sort());
      expect(new Set(sent).size).toBe(sent.length);
    });

    it('never send Accord’s own outputs (they are not inputs of a decision)', () => {
      for (const output of Object.keys(accordOutputFields)) expect(sent).not.toContain(output);
    });

    it('post to Accord’s Salesforce webhook with the org token placeholder', () => {
      expect(text(message.endpointUrl)).toBe(`${accordHost}/webhooks/salesforce/REPLACE_WITH_ORG_TOKEN`);
      expect(text(message.includeSessionId)).toBe('false');
      expect(text(message.integrationUser)).toMatch(/@/);
    });

    it('are sent by an active record-triggered flow on lead create and update', () => {
      const flow = metadata('flows/Accord_Lead_Changed.flow-meta.xml');
      const start = node(flow.start);
      expect([text(start.object), text(start.recordTriggerType), text(start.triggerType)]).toEqual(['Lead', 'CreateAndUpdate', 'RecordAfterSave']);
      expect(text(flow.status)).toBe('Active');
      expect(text(flow.processType)).toBe('AutoLaunchedFlow');
      const actions = nodes(flow.actionCalls);
      expect(actions.map((a) => [text(a.actionType), text(a.actionName)])).toEqual([['outboundMessage', `Lead.${text(message.fullName)}`]]);
      expect(text(node(start.connector).targetReference)).toBe(text(actions[0]?.name));
    });
  });

  describe('Accord API callouts', () => {
    const apex = readText(join(salesforceSource, 'classes', 'AccordApi.cls'));

    it('go through the Named Credential, which authenticates with the External Credential’s bearer key', () => {
      const named = metadata('namedCredentials/Accord_API.namedCredential-meta.xml');
      const parameters = nodes(named.namedCredentialParameters);
      expect(parameters.filter((p) => text(p.parameterType) === 'Url').map((p) => text(p.parameterValue))).toEqual([accordHost]);
      expect(parameters.filter((p) => text(p.parameterType) === 'Authentication').map((p) => text(p.externalCredential))).toEqual(['Accord_API']);
      expect(text(named.namedCredentialType)).toBe('SecuredEndpoint');
      const credential = metadata('externalCredentials/Accord_API.externalCredential-meta.xml');
      expect(text(credential.authenticationProtocol)).toBe('Custom');
      const header = nodes(credential.externalCredentialParameters).filter((p) => text(p.parameterType) === 'AuthHeader');
      expect(header.map((h) => [text(h.parameterName), text(h.parameterValue)])).toEqual([
        ['Authorization', "{!'Bearer ' & $Credential.Accord_API.ApiKey}"],
      ]);
      expect(apex).toContain("'callout:Accord_API/api/salesforce'");
      expect(apex).not.toMatch(/setHeader\('Authorization'/);
    });

    it('cover every endpoint of the contract, and the components only call methods that exist', () => {
      const endpoints = [
        "'/records/' + leadPath(leadId), null",
        "'/records/' + leadPath(leadId) + '/rejection'",
        "'/definitions', null",
        "'/owners', null",
        "'/definitions/drafts'",
        "'/definitions/preview'",
        "'/definitions/' + draftPath(draftId) + '/approvals'",
        "'/definitions/' + draftPath(draftId) + '/publish'",
        "'/backfills/' + backfillId",
        "'/definitions/calibrate'",
        "'/calibrations/' + calibrationId",
        "send('GET', '/settings/channels', null)",
        "send('PUT', '/settings/channels', requestJson)",
      ];
      for (const endpoint of endpoints) expect(apex).toContain(endpoint);
      const methods = [...apex.matchAll(/@AuraEnabled\s+public static String (\w+)\(/g)].map((m) => m[1]);
      expect(methods.sort()).toEqual(['approve', 'calibrate', 'getBackfill', 'getCalibration', 'getChannelSettings', 'getDefinitions', 'getOwners', 'getRecord', 'preview', 'publish', 'rejectLead', 'saveChannelSettings', 'saveDraft']);
      const used = files
        .filter((f) => f.startsWith('lwc/') && f.endsWith('.js'))
        .flatMap((f) => [...readText(join(salesforceSource, f)).matchAll(/@salesforce\/apex\/AccordApi\.(\w+)/g)].map((m) => m[1]));
      expect(used.length).toBeGreaterThan(0);
      for (const method of used) expect(methods).toContain(method);
      expect(new Set(used)).toEqual(new Set(methods));
    });

    it('are tested with an HttpCalloutMock', () => {
      const test = readText(join(salesforceSource, 'classes', 'AccordApiTest.cls'));
      expect(test).toMatch(/^@IsTest/);
      expect(test).toContain('implements HttpCalloutMock');
      expect(test).toContain('Test.setMock(HttpCalloutMock.class');
      expect(existsSync(join(salesforceSource, 'classes', 'AccordApiTest.cls-meta.xml'))).toBe(true);
    });
  });

  describe('Lightning web components', () => {
    it('put the record panel on lead record pages', () => {
      const meta = metadata('lwc/accordLeadPanel/accordLeadPanel.js-meta.xml');
      expect(text(meta.isExposed)).toBe('true');
      expect(texts(node(meta.targets).target)).toEqual(['lightning__RecordPage']);
      const config = nodes(node(meta.targetConfigs).targetConfig)[0] as XmlNode;
      expect(texts(node(config.objects).object)).toEqual(['Lead']);
    });

    it('expose the settings page on an app page, placed on a FlexiPage behind the Accord Settings tab', () => {
      const meta = metadata('lwc/accordSettings/accordSettings.js-meta.xml');
      expect(texts(node(meta.targets).target)).toContain('lightning__AppPage');
      const page = metadata('flexipages/Accord_Settings.flexipage-meta.xml');
      expect(text(page.type)).toBe('AppPage');
      const components = nodes(page.flexiPageRegions)
        .flatMap((r) => nodes(r.itemInstances))
        .map((i) => text(node(i.componentInstance).componentName));
      expect(components).toEqual(['accordSettings']);
      expect(text(metadata('tabs/Accord_Settings.tab-meta.xml').flexiPage)).toBe('Accord_Settings');
    });

    it('only reference Lead fields the package ships', () => {
      for (const file of files.filter((f) => f.startsWith('lwc/') && f.endsWith('.js'))) {
        for (const [, name] of readText(join(salesforceSource, file)).matchAll(/@salesforce\/schema\/Lead\.(\w+)/g)) {
          expect(Object.keys(accordFields)).toContain(name);
        }
      }
    });
  });
});

function prefixed(fields: Record<string, unknown>): Record<string, true> {
  return Object.fromEntries(Object.keys(fields).map((f) => [`Lead.${f}`, true]));
}
