import { useState } from 'react';

/** One form's state: busy, its error, and a sentence once it succeeded. */
export function useFormRun(): { busy: boolean; error: unknown; done: string; run(work: () => Promise<string>): Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  return {
    busy,
    error,
    done,
    async run(work) {
      setBusy(true);
      setError(null);
      setDone('');
      try {
        setDone(await work());
      } catch (err) {
        setError(err);
      } finally {
        setBusy(false);
      }
    },
  };
}
