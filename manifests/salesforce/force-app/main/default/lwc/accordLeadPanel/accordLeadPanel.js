import { LightningElement, api, wire } from 'lwc';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LEAD_OBJECT from '@salesforce/schema/Lead';
import STAGE_FIELD from '@salesforce/schema/Lead.Accord_Stage__c';
import REJECTION_REASON_FIELD from '@salesforce/schema/Lead.Accord_Rejection_Reason__c';
import getRecord from '@salesforce/apex/AccordApi.getRecord';
import rejectLead from '@salesforce/apex/AccordApi.rejectLead';
import { actorLabel, formatInstant, parseAnswer, refusalOf, slaStateLabels, whyLines } from 'c/accordShared';

const MAX_NOTE_LENGTH = 2000;

/**
 * Accord's record panel on a lead (the HubSpot card's twin). Reads the decision with
 * AccordApi.getRecord (GET /api/salesforce/records/{leadId}) and records a rejection with
 * AccordApi.rejectLead (POST …/rejection). Reason options and stage labels come from the
 * Accord_Rejection_Reason__c and Accord_Stage__c picklists, so they are the package's values.
 */
export default class AccordLeadPanel extends LightningElement {
    @api recordId;

    loading = true;
    loadError;
    view;
    reason = '';
    note = '';
    submitting = false;
    submitError;
    sentLabel;
    reasonOptions = [];
    stageLabels = {};
    maxNoteLength = MAX_NOTE_LENGTH;

    @wire(getObjectInfo, { objectApiName: LEAD_OBJECT })
    objectInfo;

    @wire(getPicklistValues, { recordTypeId: '$objectInfo.data.defaultRecordTypeId', fieldApiName: REJECTION_REASON_FIELD })
    wiredReasons({ data }) {
        if (data) this.reasonOptions = data.values.map((v) => ({ label: v.label, value: v.value }));
    }

    @wire(getPicklistValues, { recordTypeId: '$objectInfo.data.defaultRecordTypeId', fieldApiName: STAGE_FIELD })
    wiredStages({ data }) {
        if (data) this.stageLabels = Object.fromEntries(data.values.map((v) => [v.value, v.label]));
    }

    connectedCallback() {
        this.load();
    }

    async load() {
        this.loading = true;
        this.loadError = undefined;
        try {
            this.view = parseAnswer(await getRecord({ leadId: this.recordId }));
        } catch (error) {
            this.loadError = refusalOf(error).message;
        } finally {
            this.loading = false;
        }
    }

    get ready() {
        return !this.loading && !this.loadError && this.view;
    }

    get decision() {
        return this.view ? this.view.decision : null;
    }

    get unscored() {
        return this.ready && !this.decision;
    }

    get score() {
        return this.decision ? this.decision.score : 0;
    }

    get scoreDescription() {
        const d = this.decision;
        return d ? `${d.score} of 100 (fit ${d.fitScore}, intent ${d.intentScore})` : '';
    }

    get stageLabel() {
        const d = this.decision;
        if (!d) return '';
        const label = this.stageLabels[d.stage] || d.stage;
        return d.autoAccepted ? `${label} (auto-accepted)` : label;
    }

    get stageBadgeClass() {
        const stage = this.decision ? this.decision.stage : '';
        if (stage === 'sales_ready' || stage === 'sql') return 'slds-theme_success';
        if (stage === 'disqualified') return 'slds-theme_error';
        if (stage === 'mql') return 'slds-theme_info';
        return '';
    }

    get ownerLabel() {
        const owner = this.decision ? this.decision.owner : null;
        if (!owner) return 'Unassigned';
        return owner.name || `Owner ${owner.id}`;
    }

    get slaDue() {
        return this.decision ? formatInstant(this.decision.sla.dueAt) : '—';
    }

    get slaLabel() {
        const sla = this.decision ? this.decision.sla : null;
        if (!sla) return '';
        return `${slaStateLabels[sla.state] || sla.state}${sla.tier === 'hot' ? ' · hot' : ''}`;
    }

    get slaBadgeClass() {
        const state = this.decision ? this.decision.sla.state : 'none';
        if (state === 'breached') return 'slds-theme_error';
        if (state === 'due_soon') return 'slds-theme_warning';
        if (state === 'accepted') return 'slds-theme_success';
        return '';
    }

    get definitionLabel() {
        const d = this.decision;
        if (!d) return '';
        return d.definitionVersion === 0 ? 'Accord default (v0)' : `v${d.definitionVersion}`;
    }

    get why() {
        return whyLines(this.decision ? this.decision.why : '');
    }

    get decidedAt() {
        return this.decision ? formatInstant(this.decision.decidedAt) : '';
    }

    get rejection() {
        return this.view ? this.view.rejection : null;
    }

    get rejectionText() {
        const r = this.rejection;
        if (!r) return '';
        const label = (this.reasonOptions.find((o) => o.value === r.reason) || { label: r.reason }).label;
        const note = r.note ? ` — “${r.note}”` : '';
        return `${label}${note} (${actorLabel(r.rejectedBy)}, ${formatInstant(r.rejectedAt)})`;
    }

    get canReject() {
        return Boolean(this.view && this.view.canReject);
    }

    get showNotRejectable() {
        return this.ready && !this.canReject && !this.rejection;
    }

    handleRetry() {
        this.load();
    }

    handleReasonChange(event) {
        this.reason = event.detail.value;
        this.submitError = undefined;
    }

    handleNoteChange(event) {
        this.note = event.detail.value;
    }

    async handleSubmit() {
        const combobox = this.template.querySelector('lightning-combobox');
        if (!this.reason) {
            if (combobox) {
                combobox.setCustomValidity('Pick a reason: it is what marketing learns from.');
                combobox.reportValidity();
            }
            return;
        }
        if (combobox) {
            combobox.setCustomValidity('');
            combobox.reportValidity();
        }
        this.submitting = true;
        this.submitError = undefined;
        try {
            const sent = this.reason;
            this.view = parseAnswer(await rejectLead({ leadId: this.recordId, reason: sent, note: this.note }));
            this.sentLabel = (this.reasonOptions.find((o) => o.value === sent) || { label: sent }).label;
            this.reason = '';
            this.note = '';
            this.dispatchEvent(
                new ShowToastEvent({ title: 'Sent back to marketing', message: `Recorded as “${this.sentLabel}”.`, variant: 'success' })
            );
        } catch (error) {
            this.submitError = refusalOf(error).message;
        } finally {
            this.submitting = false;
        }
    }
}
