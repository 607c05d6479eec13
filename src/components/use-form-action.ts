"use client";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

type Outcome = { ok?: boolean; fieldErrors?: Record<string, string[]> } | null | undefined;

/**
 * useActionState without React 19's automatic form reset. After a form action, React resets every
 * uncontrolled field to the default it was first rendered with: a `<select defaultValue>` then
 * shows its initial option instead of the one just saved, and the next save stores that option.
 * Dispatching from `onSubmit` with the default prevented skips the reset, so fields keep what the
 * user chose, after a refused save too, and nothing typed while a save is on its way is lost (rows
 * are not remounted when their version changes). `action` stays on the form for browsers that
 * run no script.
 *
 * After a refusal with field errors, focus moves to the first field marked invalid.
 */
export function useFormAction<S>(
  action: (prev: Awaited<S>, formData: FormData) => Promise<S>,
  initial: Awaited<S>,
  opts: { resetOnSuccess?: boolean } = {},
) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, initial);
  const ref = useRef<HTMLFormElement>(null);
  const { resetOnSuccess = false } = opts;
  useEffect(() => {
    const s = state as Outcome;
    if (s && !s.ok && s.fieldErrors && Object.keys(s.fieldErrors).length)
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    // Forms that create something start empty again; their defaults never change, so a reset
    // cannot bring back a stale choice.
    if (s?.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const s = (e.nativeEvent as SubmitEvent).submitter;
    const submitter = (s instanceof HTMLButtonElement || s instanceof HTMLInputElement) && s.form === form ? s : null;
    const formData = new FormData(form, submitter);
    startTransition(() => dispatch(formData));
  };
  return { state, pending, dispatch, formProps: { ref, action: dispatch, onSubmit } };
}
