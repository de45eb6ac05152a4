import { LightningElement } from 'lwc';
import getDefinitions from '@salesforce/apex/AccordApi.getDefinitions';
import getOwners from '@salesforce/apex/AccordApi.getOwners';
import saveDraft from '@salesforce/apex/AccordApi.saveDraft';
import preview from '@salesforce/apex/AccordApi.preview';
import approve from '@salesforce/apex/AccordApi.approve';
import publish from '@salesforce/apex/AccordApi.publish';
import getBackfill from '@salesforce/apex/AccordApi.getBackfill';
import calibrate from '@salesforce/apex/AccordApi.calibrate';
import getCalibration from '@salesforce/apex/AccordApi.getCalibration';
import getChannelSettings from '@salesforce/apex/AccordApi.getChannelSettings';
import saveChannelSettings from '@salesforce/apex/AccordApi.saveChannelSettings';
import {
    actorLabel,
    clone,
    definitionProblems,
    formatInstant,
    parseAnswer,
    parseDomainList,
    pointsAvailable,
    refusalOf,
    sameDefinition,
    setPoolMembers,
    setPoolTeam,
    toggleDisqualifier,
    toggleableDisqualifiers
} from 'c/accordShared';

const POLL_MS = 2000;
const ROLES = ['sales', 'marketing'];
const ROLE_LABELS = { sales: 'Sales', marketing: 'Marketing' };
const STAGES = [
    ['disqualified', 'Disqualified'],
    ['nurture', 'Nurture'],
    ['mql', 'Marketing qualified'],
    ['sales_ready', 'Sales ready'],
    ['sql', 'Sales accepted']
];

/**
 * Accord's settings page in Salesforce (the HubSpot settings page's twin): the same features, through
 * AccordApi (docs/crm-api.md, /api/salesforce/...). Publishing needs a sales and a marketing sign-off on
 * the saved draft; any edit makes a new draft that needs them again.
 */
export default class AccordSettings extends LightningElement {
    loading = true;
    loadError;
    defs;
    owners = [];
    working;
    draft = null;
    action = null;
    failure;
    notice;
    previewResult;
    backfill;
    pollTimer;
    calibration;
    calibrationTimer;
    channels;
    channelsError;
    slackInput = '';
    teamsInput = '';

    connectedCallback() {
        this.load(false);
        this.loadChannels();
    }

    disconnectedCallback() {
        clearTimeout(this.pollTimer);
        clearTimeout(this.calibrationTimer);
    }

    async load(keepBackfill) {
        this.loading = true;
        this.loadError = undefined;
        try {
            const [defs, owners] = await Promise.all([getDefinitions(), getOwners()]);
            this.defs = parseAnswer(defs);
            this.owners = parseAnswer(owners).owners;
            const draft = this.defs.draft;
            // A draft started from an older version cannot be published: start again from the live one.
            this.draft = draft && draft.basedOnVersion === this.defs.current.version ? draft : null;
            this.working = clone(this.draft ? this.draft.definition : this.defs.current.definition);
            this.previewResult = undefined;
            this.failure = undefined;
            if (!keepBackfill) this.backfill = undefined;
        } catch (error) {
            this.loadError = refusalOf(error).message;
        } finally {
            this.loading = false;
        }
    }

    // ---- derived state ----

    get ready() {
        return !this.loading && !this.loadError && this.working;
    }

    get baseline() {
        return this.draft ? this.draft.definition : this.defs.current.definition;
    }

    get dirty() {
        return !sameDefinition(this.working, this.baseline);
    }

    get problems() {
        return definitionProblems(this.working);
    }

    get problemText() {
        return this.problems.join('; ');
    }

    get hasProblems() {
        return this.problems.length > 0;
    }

    get busy() {
        return this.action !== null;
    }

    get liveText() {
        const version = this.defs.current.version;
        const latest = this.defs.versions[0];
        const live = version === 0 ? 'Live: Accord default (v0), never published in this org.' : `Live: version ${version}.`;
        return latest ? `${live} Published by ${actorLabel(latest.publishedBy)} on ${formatInstant(latest.publishedAt)}.` : live;
    }

    get draftText() {
        if (!this.draft) return 'Editing a copy of the live version. Save it as a draft to collect sign-offs.';
        return `Draft #${this.draft.id}, based on version ${this.draft.basedOnVersion}, by ${actorLabel(this.draft.createdBy)}${this.dirty ? ' — unsaved changes' : ''}.`;
    }

    get staleDraftText() {
        const d = this.defs.draft;
        if (!d || d.basedOnVersion === this.defs.current.version) return '';
        return `Draft #${d.id} was based on version ${d.basedOnVersion}; version ${this.defs.current.version} has been published since.`;
    }

    get pointsText() {
        return `Points available: ${pointsAvailable(this.working)} (scores are shown out of 100).`;
    }

    get criteria() {
        return this.working.criteria.map((c) => ({ key: c.id, label: `${c.label} (${c.kind})`, points: c.points }));
    }

    get signals() {
        return this.working.intent.signals.map((s) => ({ key: s.id, label: `Intent: ${s.label}`, points: s.points }));
    }

    get mqlAboveSalesReady() {
        return this.working.thresholds.mql > this.working.thresholds.salesReady;
    }

    get disqualifiers() {
        return toggleableDisqualifiers(this.working, this.defs.catalog.disqualifiers).map((q) => ({
            key: q.id,
            label: q.label,
            checked: this.working.disqualifiers.some((w) => w.id === q.id)
        }));
    }

    get freeMailText() {
        return this.working.freeMailDomains.join('\n');
    }

    get freeMailLabel() {
        return `Free-mail domains (${this.working.freeMailDomains.length})`;
    }

    get competitorText() {
        return this.working.competitorDomains.join('\n');
    }

    get competitorLabel() {
        return `Competitor domains (${this.working.competitorDomains.length})`;
    }

    get pools() {
        const options = this.owners.map((o) => ({ value: o.id, label: `${o.name}${o.available ? '' : ' (unavailable)'}` }));
        return this.working.routing.pools.map((p) => {
            const selected = p.members.map((m) => m.ownerId);
            const missing = selected.filter((id) => !options.some((o) => o.value === id)).map((id) => ({ value: id, label: `Owner ${id} (not found)` }));
            return { key: p.id, label: `${p.name}: members`, members: selected, options: [...options, ...missing], team: p.team || '' };
        });
    }

    approvalOf(role) {
        if (this.dirty || !this.draft) return undefined;
        return this.draft.approvals.find((a) => a.role === role);
    }

    get approvals() {
        return ROLES.map((role) => {
            const approval = this.approvalOf(role);
            return {
                key: role,
                text: approval
                    ? `${ROLE_LABELS[role]}: signed by ${actorLabel(approval.approver)}, ${formatInstant(approval.approvedAt)}`
                    : `${ROLE_LABELS[role]}: waiting`,
                unsigned: !approval,
                badgeClass: approval ? 'slds-theme_success' : 'slds-theme_warning',
                buttonLabel: `Sign off as ${role}`,
                disabled: this.busy || !this.draft || this.dirty
            };
        });
    }

    get missingRoles() {
        return ROLES.filter((role) => !this.approvalOf(role));
    }

    get saveDisabled() {
        return this.busy || !this.dirty || this.hasProblems;
    }

    get previewDisabled() {
        return this.busy || this.hasProblems;
    }

    get publishDisabled() {
        return !(this.draft && !this.dirty && this.missingRoles.length === 0 && !this.busy);
    }

    get publishHint() {
        if (!this.draft || this.dirty) return 'Save the draft first.';
        if (this.missingRoles.length > 0) return `Waiting for the ${this.missingRoles.join(' and ')} sign-off.`;
        return 'Ready: publishing re-scores every open lead.';
    }

    get previewSummary() {
        const p = this.previewResult;
        return p ? `${p.changedStage} of ${p.leadsEvaluated} existing leads would change stage${p.truncated ? ' (a sample: the org has more leads)' : ''}.` : '';
    }

    get previewStages() {
        const p = this.previewResult;
        return STAGES.map(([stage, label]) => ({ key: stage, label, before: p.stageCounts.before[stage], after: p.stageCounts.after[stage] }));
    }

    get previewTransitions() {
        const labels = Object.fromEntries(STAGES);
        return this.previewResult.transitions.map((t) => ({ key: `${t.from}-${t.to}`, text: `${t.count} from ${labels[t.from]} to ${labels[t.to]}` }));
    }

    get previewOwnerLoad() {
        return this.previewResult.ownerLoad.map((o) => {
            const delta = o.after - o.before;
            return {
                key: o.ownerId || 'unrouted',
                owner: o.ownerId === null ? 'Unrouted' : o.ownerName || `Owner ${o.ownerId}`,
                before: o.before,
                after: `${o.after} (${delta > 0 ? '+' : ''}${delta})`
            };
        });
    }

    get backfillRunning() {
        return this.backfill && (this.backfill.status === 'queued' || this.backfill.status === 'running');
    }

    get backfillPercent() {
        const b = this.backfill;
        return b && b.total > 0 ? Math.round((100 * b.processed) / b.total) : 0;
    }

    get backfillText() {
        const b = this.backfill;
        if (!b) return '';
        if (b.status === 'queued') return `Re-scoring under version ${b.definitionVersion}: queued.`;
        // Leads sales already accepted or rejected keep their stage: say how many, when any.
        const skipped = b.skipped > 0 ? `; ${b.skipped} accepted or rejected by sales left as they are` : '';
        if (b.status === 'running') return `Re-scoring open leads under version ${b.definitionVersion}: ${b.processed} of ${b.total} (${b.changed} changed)${skipped}.`;
        if (b.status === 'succeeded') return `Version ${b.definitionVersion}: every open lead re-scored — ${b.total} leads, ${b.changed} changed${b.failed > 0 ? `, ${b.failed} failed` : ''}${skipped}.`;
        return `Re-scoring for version ${b.definitionVersion} failed: ${b.error || 'Accord stopped re-scoring.'} ${b.processed} of ${b.total} leads were re-scored.`;
    }

    get backfillFailed() {
        return this.backfill && this.backfill.status === 'failed';
    }

    // ---- learn from outcomes ----

    get calibrationRunning() {
        return Boolean(this.calibration) && (this.calibration.status === 'queued' || this.calibration.status === 'running');
    }

    get calibrateDisabled() {
        return this.busy || this.calibrationRunning;
    }

    get calibrationProgressText() {
        const c = this.calibration;
        if (!this.calibrationRunning) return '';
        return c.phase === 'learning' ? `Learning from ${c.outcomesRead} outcomes…` : `Reading outcomes from Salesforce: ${c.outcomesRead} so far…`;
    }

    get calibrationFailed() {
        return Boolean(this.calibration) && this.calibration.status === 'failed';
    }

    get calibrationFailedText() {
        return this.calibrationFailed ? `Nothing was learned: ${this.calibration.error || 'the calibration stopped.'}` : '';
    }

    get calibrationResult() {
        const c = this.calibration;
        return c && c.status === 'succeeded' ? c.result : null;
    }

    get calibrationSummary() {
        const r = this.calibrationResult;
        if (!r) return '';
        return `Learned from ${r.outcomes} outcomes (${r.converted} won)${r.draft ? `, saved as draft #${r.draft.id}.` : '.'}`;
    }

    get calibrationHasHoldout() {
        return Boolean(this.calibrationResult && this.calibrationResult.holdout);
    }

    get calibrationFigures() {
        const h = this.calibrationResult && this.calibrationResult.holdout;
        if (!h) return [];
        return [
            ['auc', 'AUC (ranking, higher is better)'],
            ['ece', 'Calibration error (lower is better)'],
            ['brier', 'Brier score (lower is better)']
        ].map(([key, label]) => ({ key, label, learned: h.learned[key].toFixed(3), live: h.current[key].toFixed(3) }));
    }

    get calibrationHoldoutLabel() {
        const h = this.calibrationResult && this.calibrationResult.holdout;
        return h ? `On the newest ${h.leads} leads` : '';
    }

    get calibrationBlendText() {
        const r = this.calibrationResult;
        if (!r) return '';
        const share = Math.round(r.blendWeight * 100);
        return share === 100
            ? 'Enough outcomes: the points are all learned.'
            : `${share} % of each score comes from the learned points, the rest from the live definition (few outcomes).`;
    }

    get calibrationLeakyText() {
        const r = this.calibrationResult;
        if (!r) return '';
        return r.leakyFields.length === 0
            ? 'No field was left out.'
            : `Left out because sales fills them in after contact or they give the outcome away: ${r.leakyFields.join(', ')}.`;
    }

    get calibrationCanReview() {
        return Boolean(this.calibrationResult && this.calibrationResult.draft);
    }

    get history() {
        return this.defs.versions.map((v) => ({
            key: String(v.id),
            version: `v${v.version}${v.version === this.defs.current.version ? ' (live)' : ''}`,
            publishedBy: actorLabel(v.publishedBy),
            publishedAt: formatInstant(v.publishedAt),
            approvals: v.approvals.map((a) => `${ROLE_LABELS[a.role]}: ${actorLabel(a.approver)}`).join(', ') || '—'
        }));
    }

    get hasHistory() {
        return this.defs.versions.length > 0;
    }

    // ---- edits ----

    edit(next) {
        this.working = next;
        this.previewResult = undefined;
        this.notice = undefined;
    }

    numberOf(event) {
        const value = Number(event.detail.value);
        return event.detail.value === '' || !Number.isFinite(value) ? null : value;
    }

    handleCriterion(event) {
        const points = this.numberOf(event);
        if (points === null) return;
        const id = event.target.dataset.id;
        this.edit({ ...this.working, criteria: this.working.criteria.map((c) => (c.id === id ? { ...c, points } : c)) });
    }

    handleSignal(event) {
        const points = this.numberOf(event);
        if (points === null) return;
        const id = event.target.dataset.id;
        const intent = this.working.intent;
        this.edit({ ...this.working, intent: { ...intent, signals: intent.signals.map((s) => (s.id === id ? { ...s, points } : s)) } });
    }

    handleIntentMax(event) {
        const maxPoints = this.numberOf(event);
        if (maxPoints !== null) this.edit({ ...this.working, intent: { ...this.working.intent, maxPoints } });
    }

    handleThreshold(event) {
        const value = this.numberOf(event);
        if (value !== null) this.edit({ ...this.working, thresholds: { ...this.working.thresholds, [event.target.dataset.id]: value } });
    }

    handleSla(event) {
        const value = this.numberOf(event);
        if (value !== null) this.edit({ ...this.working, sla: { ...this.working.sla, [event.target.dataset.id]: value } });
    }

    handleDisqualifier(event) {
        this.edit(toggleDisqualifier(this.working, this.defs.catalog.disqualifiers, event.target.dataset.id, event.detail.checked));
    }

    handleDomains(event) {
        this.edit({ ...this.working, [event.target.dataset.id]: parseDomainList(event.detail.value) });
    }

    handlePoolMembers(event) {
        this.edit(setPoolMembers(this.working, event.target.dataset.id, event.detail.value));
    }

    handlePoolTeam(event) {
        this.edit(setPoolTeam(this.working, event.target.dataset.id, event.detail.value));
    }

    // ---- calls ----

    async run(action, title, step) {
        this.action = action;
        this.failure = undefined;
        this.notice = undefined;
        try {
            await step();
        } catch (error) {
            this.failure = `${title}: ${refusalOf(error).message}`;
        } finally {
            this.action = null;
        }
    }

    handleSave() {
        return this.run('save', 'The draft was not saved', async () => {
            const saved = parseAnswer(await saveDraft({ definitionJson: JSON.stringify(this.working), basedOnVersion: this.defs.current.version }));
            this.draft = saved;
            this.working = clone(saved.definition);
            this.notice = 'Draft saved. It needs a sales and a marketing sign-off before it can be published.';
        });
    }

    handlePreview() {
        const request = this.draft && !this.dirty ? { draftId: this.draft.id } : { definition: this.working };
        return this.run('preview', 'The preview failed', async () => {
            this.previewResult = parseAnswer(await preview({ requestJson: JSON.stringify(request) }));
        });
    }

    handleApprove(event) {
        const role = event.target.dataset.id;
        return this.run(`approve-${role}`, `The ${role} sign-off was not recorded`, async () => {
            this.draft = parseAnswer(await approve({ draftId: this.draft.id, role }));
        });
    }

    handlePublish() {
        return this.run('publish', 'The definition was not published', async () => {
            const result = parseAnswer(await publish({ draftId: this.draft.id }));
            this.backfill = result.backfill;
            this.schedulePoll();
            await this.load(true);
            this.notice = `Version ${result.version.version} is live. Accord is re-scoring every open lead in the background.`;
        });
    }

    schedulePoll() {
        clearTimeout(this.pollTimer);
        if (!this.backfillRunning) return;
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollTimer = setTimeout(async () => {
            try {
                this.backfill = parseAnswer(await getBackfill({ backfillId: this.backfill.id }));
                this.schedulePoll();
            } catch (error) {
                this.failure = `Re-scoring progress is unavailable: ${refusalOf(error).message}`;
            }
        }, POLL_MS);
    }

    handleCalibrate() {
        return this.run('calibrate', 'Learning from outcomes did not start', async () => {
            this.calibration = parseAnswer(await calibrate({ requestJson: '{}' }));
            this.scheduleCalibrationPoll();
        });
    }

    scheduleCalibrationPoll() {
        clearTimeout(this.calibrationTimer);
        if (!this.calibrationRunning) return;
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.calibrationTimer = setTimeout(async () => {
            try {
                this.calibration = parseAnswer(await getCalibration({ calibrationId: this.calibration.id }));
                this.scheduleCalibrationPoll();
            } catch (error) {
                this.failure = `Learning progress is unavailable: ${refusalOf(error).message}`;
            }
        }, POLL_MS);
    }

    /** The learned draft goes through the same preview, sign-offs and publishing as any draft. */
    handleReviewCalibration() {
        return this.load(true);
    }

    handleRetry() {
        this.load(false);
        this.loadChannels();
    }

    // ---- team channels: URLs are secrets, Accord only ever shows their host and last 4 characters ----

    async loadChannels() {
        try {
            this.channels = parseAnswer(await getChannelSettings());
            this.channelsError = undefined;
        } catch (error) {
            this.channelsError = `Team channels could not be loaded: ${refusalOf(error).message}`;
        }
    }

    channelText(label, channel) {
        return `${label}: ${channel ? `${channel.host} …${channel.last4}` : 'not set'}`;
    }

    get slackText() {
        return this.channelText('Slack', this.channels && this.channels.slack);
    }

    get teamsText() {
        return this.channelText('Microsoft Teams', this.channels && this.channels.teams);
    }

    get hasSlack() {
        return Boolean(this.channels && this.channels.slack);
    }

    get hasTeams() {
        return Boolean(this.channels && this.channels.teams);
    }

    get channelsUpdatedText() {
        const c = this.channels;
        return c && c.updatedAt ? `Last changed by ${actorLabel(c.updatedBy)} at ${formatInstant(c.updatedAt)}` : '';
    }

    get typedChannels() {
        const request = {};
        if (this.slackInput.trim()) request.slackWebhookUrl = this.slackInput.trim();
        if (this.teamsInput.trim()) request.teamsWebhookUrl = this.teamsInput.trim();
        return request;
    }

    get saveChannelsDisabled() {
        return this.busy || Object.keys(this.typedChannels).length === 0;
    }

    handleSlackInput(event) {
        this.slackInput = event.detail.value || '';
    }

    handleTeamsInput(event) {
        this.teamsInput = event.detail.value || '';
    }

    saveChannels(request, done) {
        return this.run('channels', 'The team channels were not saved', async () => {
            this.channels = parseAnswer(await saveChannelSettings({ requestJson: JSON.stringify(request) }));
            this.slackInput = '';
            this.teamsInput = '';
            this.notice = done;
        });
    }

    handleSaveChannels() {
        return this.saveChannels(this.typedChannels, 'The team channels were saved.');
    }

    handleRemoveSlack() {
        return this.saveChannels({ slackWebhookUrl: null }, 'The Slack channel was removed.');
    }

    handleRemoveTeams() {
        return this.saveChannels({ teamsWebhookUrl: null }, 'The Microsoft Teams channel was removed.');
    }
}
