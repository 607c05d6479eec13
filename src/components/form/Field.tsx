// The one form kit: a labelled control tied to its hint and its error line. The reporting forms
// and the admin forms both build on it, so a screen reader hears every refused field the same way.
import type { ReactNode } from "react";

/** The attributes a control needs to be found by its label and described by its hint and error. */
export type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

export const fieldLabelClass = "block text-sm font-medium";
export const fieldHintClass = "mt-1 text-xs text-slate-600";

/** Ids of the hint and error line of field `id`, and the props its control carries. */
export function controlProps(id: string, errors?: string[], hasHint = false): ControlProps {
  const invalid = !!errors?.length;
  const describedBy = [invalid ? `${id}-error` : null, hasHint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": invalid || undefined, "aria-describedby": describedBy || undefined };
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700" data-testid="field-error">
      {errors.join(" ")}
    </p>
  );
}

/**
 * A label, the control (given the props that tie it to the rest), the hint and the error line.
 * `check` puts a checkbox before its label, on one line.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  className,
  labelClass = fieldLabelClass,
  check,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  labelClass?: string;
  check?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const control = controlProps(id, errors, !!hint);
  const labelEl = (
    <label htmlFor={id} className={labelClass}>
      {label}
    </label>
  );
  return (
    <div className={className}>
      {check ? (
        <div className="flex items-start gap-2">
          {children(control)}
          {labelEl}
        </div>
      ) : (
        <>
          {labelEl}
          {children(control)}
        </>
      )}
      {hint ? (
        <p id={`${id}-hint`} className={fieldHintClass}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
