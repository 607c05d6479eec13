"use client";
// Forms of the user screens: create, edit, deactivate / reactivate, reset password.
import Link from "next/link";
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "../actions";
import { getMessages } from "@/i18n/messages";
import {
  CheckField,
  FieldError,
  OptionalLabel,
  SelectField,
  StatusMessage,
  TextField,
  dangerButton,
  fieldA11y,
  hintClass,
  inputClass,
  labelClass,
  primaryButton,
  secondaryButton,
  type FormState,
} from "./form-parts";

export type AgencyOption = { id: number; label: string };
export type UserFormData = { id: number; email: string; name: string; role: string; agencyId: number; active: boolean };

const ROLES = ["ADMIN", "REVIEWER", "REPORTER", "VIEWER"] as const;

function RoleSelect({
  id,
  state,
  lang,
  defaultValue,
  disabled,
}: {
  id: string;
  state: FormState;
  lang: Lang;
  defaultValue: string;
  disabled?: boolean;
}) {
  const t = getMessages(lang).admin;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {t.users.role}
      </label>
      <select
        id={id}
        name={disabled ? undefined : "role"}
        required
        disabled={disabled}
        defaultValue={state?.values?.role ?? defaultValue}
        className={inputClass}
        {...fieldA11y(state, "role", `${id}-error`, disabled ? `${id}-hint` : undefined)}
      >
        <option value="">—</option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t.roles[r]}
          </option>
        ))}
      </select>
      {/* A disabled select is not submitted: the unchanged role goes in a hidden field. */}
      {disabled ? <input type="hidden" name="role" value={defaultValue} /> : null}
      {disabled ? (
        <p id={`${id}-hint`} className={hintClass}>
          {t.users.selfRoleHint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} state={state} field="role" />
    </div>
  );
}

function AgencySelect({
  id,
  state,
  lang,
  agencies,
  defaultValue,
}: {
  id: string;
  state: FormState;
  lang: Lang;
  agencies: AgencyOption[];
  defaultValue: string;
}) {
  const t = getMessages(lang).admin;
  const options = agencies.map((a) => ({ value: a.id, label: a.label }));
  return (
    <SelectField
      id={id}
      name="agencyId"
      label={t.users.agency}
      state={state}
      placeholder={t.users.chooseAgency}
      options={options}
      defaultValue={defaultValue}
      hint={t.users.agencyHint}
    />
  );
}

function PasswordField({ id, state, lang, label }: { id: string; state: FormState; lang: Lang; label: string }) {
  const t = getMessages(lang).admin;
  // Never refilled after a refusal: the server does not send passwords back.
  return (
    <TextField
      id={id}
      name="password"
      label={label}
      state={state}
      hint={t.users.passwordHint}
      refill={false}
      type="password"
      required
      minLength={10}
      maxLength={200}
      autoComplete="new-password"
    />
  );
}

export function CreateUserForm({ lang, agencies }: { lang: Lang; agencies: AgencyOption[] }) {
  const t = getMessages(lang).admin;
  const { state, pending, formProps } = useFormAction<FormState>(createUserAction, null, { resetOnSuccess: true });
  const createdId = state?.ok ? (state.data as { id?: number } | undefined)?.id : undefined;
  return (
    <form
      {...formProps}
      className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      noValidate
    >
      {(
        [
          { name: "email", type: "email", spellCheck: false },
          { name: "name", type: "text" },
        ] as const
      ).map((f) => (
        <TextField
          key={f.name}
          id={`new-${f.name}`}
          label={t.users[f.name]}
          state={state}
          required
          maxLength={200}
          autoComplete="off"
          {...f}
        />
      ))}
      <div className="grid gap-4 sm:grid-cols-2">
        <RoleSelect id="new-role" state={state} lang={lang} defaultValue="" />
        <AgencySelect id="new-agency" state={state} lang={lang} agencies={agencies} defaultValue="" />
      </div>
      <PasswordField id="new-password" state={state} lang={lang} label={t.users.password} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? t.users.creating : t.users.create}
        </button>
      </div>
      <StatusMessage state={state}>
        {createdId ? (
          <Link href={`/${lang}/admin/users/${createdId}`} className="font-medium underline">
            {t.users.openCreated}
          </Link>
        ) : null}
      </StatusMessage>
    </form>
  );
}

export function EditUserForm({
  lang,
  user,
  agencies,
  isSelf,
}: {
  lang: Lang;
  user: UserFormData;
  agencies: AgencyOption[];
  isSelf: boolean;
}) {
  const t = getMessages(lang).admin;
  const { state, pending, formProps } = useFormAction<FormState>(updateUserAction, null);
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={user.id} />
      <TextField
        id="edit-name"
        name="name"
        label={t.users.name}
        state={state}
        initial={user.name}
        type="text"
        required
        maxLength={200}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <RoleSelect id="edit-role" state={state} lang={lang} defaultValue={user.role} disabled={isSelf} />
        <AgencySelect
          id="edit-agency"
          state={state}
          lang={lang}
          agencies={agencies}
          defaultValue={String(user.agencyId)}
        />
      </div>
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? t.common.saving : t.common.save}
      </button>
      <StatusMessage state={state} />
    </form>
  );
}

function ReasonField({ id, state, lang }: { id: string; state: FormState; lang: Lang }) {
  const t = getMessages(lang).admin;
  return (
    <TextField
      id={id}
      name="reason"
      label={<OptionalLabel text={t.common.reason} optional={t.common.optional} />}
      state={state}
      hint={t.common.reasonHint}
      type="text"
      maxLength={500}
    />
  );
}

/** Deactivation is a second, deliberate step: the confirmation box must be ticked. */
export function ActiveForm({ lang, user, isSelf }: { lang: Lang; user: UserFormData; isSelf: boolean }) {
  const t = getMessages(lang).admin;
  const { state, pending, formProps } = useFormAction<FormState>(setUserActiveAction, null);
  if (user.active && isSelf) return <p className="text-sm text-slate-700">{t.users.selfDeactivateHint}</p>;
  // One form both ways: reactivating asks only for a reason, deactivating also for the tick.
  const activate = !user.active;
  const key = activate ? "reactivate" : "deactivate";
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="active" value={String(activate)} />
      <p className="text-sm text-slate-700">{activate ? t.users.reactivateIntro : t.users.deactivateIntro}</p>
      <ReasonField id={`${key}-reason`} state={state} lang={lang} />
      {activate ? null : (
        <CheckField
          id="deactivate-confirm"
          name="confirm"
          label={t.users.deactivateConfirm}
          state={state}
          required
          labelClass="text-sm font-medium text-slate-800"
        />
      )}
      <button type="submit" className={activate ? primaryButton : dangerButton} disabled={pending}>
        {pending ? t.common.saving : t.users[key]}
      </button>
      <StatusMessage state={state} />
    </form>
  );
}

export function ResetPasswordForm({ lang, user, isSelf }: { lang: Lang; user: UserFormData; isSelf: boolean }) {
  const t = getMessages(lang).admin;
  const { state, pending, formProps } = useFormAction<FormState>(resetPasswordAction, null, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={user.id} />
      <p className="text-sm text-slate-700">{t.users.resetIntro}</p>
      {isSelf ? <p className="text-sm font-medium text-amber-800">{t.users.resetSelfHint}</p> : null}
      <PasswordField id="reset-password" state={state} lang={lang} label={t.users.newPassword} />
      <ReasonField id="reset-reason" state={state} lang={lang} />
      <button type="submit" className={secondaryButton} disabled={pending}>
        {pending ? t.common.saving : t.users.reset}
      </button>
      <StatusMessage state={state} />
    </form>
  );
}
