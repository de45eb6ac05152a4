import { startSandbox } from '../sandbox/start-sandbox';
import { sandboxDefaults } from '../sandbox/sandbox-options';
import { simulatedWriteSource } from '../sandbox/sandbox-write-sources';

/** Messages between the soak (parent, running Accord) and this process (the CRM and the load). */
export type SoakCrmRequest =
  | { type: 'start'; webhookUrl: string; minutes: number; rate: number }
  | { type: 'progress' }
  | { type: 'drain-status' };
export type SoakCrmReply =
  | { type: 'ready'; url: string }
  | { type: 'progress'; created: number; rssMb: number }
  | { type: 'load-done'; created: number }
  | { type: 'drain-status'; created: number; undecided: number };

const titles = ['VP of Sales', 'CTO', 'Marketing Manager', 'Student', 'CEO', 'Software Engineer'];

function send(message: SoakCrmReply): void {
  process.send?.(message);
}

/**
 * The sandbox CRM and the load generator, in their own process: the CRM's records grow with every
 * lead created, and that growth must not be read as Accord's memory in the parent.
 */
async function main(): Promise<void> {
  const sandbox = await startSandbox({ clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId, seed: { contacts: 0 }, subscribedProperties: ['jobtitle'], webhookBatchMs: 50 });
  const ids: string[] = [];
  let n = 0;

  async function runLoad(minutes: number, rate: number): Promise<void> {
    const tick = 100;
    const perTick = rate / (1000 / tick);
    let owed = 0;
    const startedAt = Date.now();
    while (Date.now() - startedAt < minutes * 60_000) {
      owed += perTick;
      const count = Math.floor(owed);
      owed -= count;
      if (count > 0) {
        const inputs = Array.from({ length: count }, () => {
          n += 1;
          return { email: `soak.${n}@company${n % 89}.example`, firstname: `Soak${n}`, lastname: 'Load', jobtitle: titles[n % titles.length] as string, company: `Company ${n % 89}`, country: 'Germany' };
        });
        const created = sandbox.state.hubspot.contacts.createMany(inputs, simulatedWriteSource('FORM'));
        ids.push(...created.map((c) => c.id));
        // A rep edits an older lead now and then: changes, not only creations.
        const old = ids[Math.floor(Math.random() * ids.length)];
        if (old && n % 5 === 0) sandbox.state.hubspot.contacts.update(old, { jobtitle: titles[(n + 1) % titles.length] as string }, simulatedWriteSource('CRM_UI'));
      }
      await new Promise((r) => setTimeout(r, tick));
    }
    send({ type: 'load-done', created: ids.length });
  }

  process.on('message', (message: SoakCrmRequest) => {
    if (message.type === 'start') {
      sandbox.setWebhookUrl(message.webhookUrl);
      void runLoad(message.minutes, message.rate);
    } else if (message.type === 'progress') {
      send({ type: 'progress', created: ids.length, rssMb: Math.round(process.memoryUsage().rss / 1e6) });
    } else {
      void sandbox.webhooks.idle().then(() => {
        const undecided = ids.filter((id) => !sandbox.state.hubspot.contacts.get(id).properties.accord_stage).length;
        send({ type: 'drain-status', created: ids.length, undecided });
      });
    }
  });
  process.on('disconnect', () => {
    void sandbox.close().then(() => process.exit(0));
  });
  send({ type: 'ready', url: sandbox.url });
}

void main();
