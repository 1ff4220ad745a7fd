export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/** A Server-Sent Events reader over fetch, collecting messages as they arrive. */
export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  private readonly controller = new AbortController();
  readonly opened: Promise<Response>;
  /** Set once the server ended the stream (or the client closed it). */
  ended = false;

  constructor(url: string, headers: Record<string, string>) {
    this.opened = fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: this.controller.signal });
    void this.opened
      .then((res) => this.read(res))
      .catch(() => undefined)
      .finally(() => (this.ended = true));
  }

  private async read(res: Response): Promise<void> {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const msg: SseMessage = { data: '' };
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
          else if (line.startsWith('id:')) msg.id = line.slice(3).trim();
          else if (line.startsWith('event:')) msg.event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length > 0) {
          msg.data = data.join('\n');
          this.messages.push(msg);
        }
      }
    }
  }

  events<T = { type: string; id: string; subject: string; data: Record<string, unknown> }>(): T[] {
    return this.messages.map((m) => JSON.parse(m.data) as T);
  }

  close(): void {
    this.controller.abort();
  }
}
