import { z } from 'zod';
import type { PubSub } from '../bus/pubsub';
import type { Logger } from '../log';
import type { Role } from '../../shared/roles';
import { Role as RoleSchema } from '../../shared/api';

const CHANNEL = 'sk:membership';
const Message = z.object({ workspaceId: z.string(), userId: z.string(), role: RoleSchema.nullable() });

export type MembershipChangeHandler = (workspaceId: string, userId: string, role: Role | null) => void;

/**
 * Role changes and removals must reach the member's open sockets on every instance, not
 * only the one that served the request. The change applies here at once (so it holds even
 * while the bus is down) and goes over the bus to the others; applying it twice is harmless.
 */
export class MembershipRelay {
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly bus: PubSub,
    private readonly apply: MembershipChangeHandler,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.bus.subscribe(CHANNEL, (message) => this.receive(message));
  }

  changed(workspaceId: string, userId: string, role: Role | null): void {
    this.apply(workspaceId, userId, role);
    this.bus.publish(CHANNEL, this.encoder.encode(JSON.stringify({ workspaceId, userId, role })));
  }

  private receive(message: Uint8Array): void {
    let parsed;
    try {
      parsed = Message.safeParse(JSON.parse(this.decoder.decode(message)));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      this.log.warn({ event: 'membership.bad_message' }, 'ignored a malformed membership message');
      return;
    }
    const { workspaceId, userId, role } = parsed.data;
    this.apply(workspaceId, userId, role);
  }
}
