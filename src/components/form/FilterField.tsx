// The fields of a GET filter form (a list's search bar): a label over a select or a text box,
// the current filter as the default. No error line: a filter is never refused, only ignored.

const labelClass = "block text-xs font-medium";
const controlClass = "mt-1 block w-full max-w-[18rem] rounded border border-slate-300 bg-white px-2 py-1";

/** A filter select; with `all`, an empty "every value" choice comes first. `name` defaults to `id`. */
export function FilterSelect({
  id,
  name = id,
  label,
  value,
  all,
  options,
}: {
  id: string;
  name?: string;
  label: string;
  value?: string;
  all?: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? (all === undefined ? undefined : "")} className={controlClass}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A free-text filter. */
export function FilterInput({
  id,
  name,
  label,
  value,
  type,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  type?: "search" | "text" | "date";
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} name={name} type={type} defaultValue={value ?? ""} className={controlClass} />
    </div>
  );
}
