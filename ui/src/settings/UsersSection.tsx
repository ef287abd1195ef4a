import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ApiError,
  addUser,
  listUsers,
  type NewUserRequest,
  removeUser,
  resetUserPassphrase,
  type UpdateUserRequest,
  type UserRole,
  type UserSummary,
  updateUser,
} from "../api";
import { useCan } from "../app/session";
import { STATUS_KEY } from "../app/status";
import { RoleBadge } from "../users/RoleBadge";
import { NewPassphraseFields, useNewPassphrase } from "../vault/NewPassphraseFields";
import { useFieldMutation } from "./useFieldMutation";

export const USERS_KEY = ["users"] as const;

const ROLES: readonly UserRole[] = ["admin", "coordinator", "viewer"];

type Dialog =
  | { kind: "add" }
  | { kind: "edit"; user: UserSummary }
  | { kind: "reset"; user: UserSummary }
  | { kind: "remove"; user: UserSummary };

/**
 * The users panel of the settings (administrators only; nobody else sees it): who may open
 * Kakehashi and with which role, adding one with a first passphrase, changing a display name or
 * role, resetting a forgotten passphrase, and removing someone. The core refuses leaving no
 * administrator and removing yourself; those answers are shown where they apply.
 */
export function UsersSection() {
  const isAdmin = useCan("admin");
  return isAdmin ? <UsersPanel /> : null;
}

function UsersPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: listUsers });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // The lock screen's list of users and the signed-in session (an admin may change their own
  // name or role) come with the status: read it again too.
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    void client.invalidateQueries({ queryKey: USERS_KEY });
    void client.invalidateQueries({ queryKey: STATUS_KEY });
  };
  const open = (d: Dialog) => {
    setNotice(null);
    setDialog(d);
  };
  const close = () => setDialog(null);

  return (
    <Stack gap="sm" data-testid="users-section">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t("users.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("users.description")}
          </Text>
        </Stack>
        <Button onClick={() => open({ kind: "add" })} data-testid="users-add">
          {t("users.add")}
        </Button>
      </Group>
      {users.isPending && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t("users.loading")}</Text>
        </Group>
      )}
      {users.isError && (
        <Alert color="red" title={t(`errorKind.${users.error.kind}`)} data-testid="users-error">
          {users.error.message}
        </Alert>
      )}
      {notice && (
        <Alert
          color="teal"
          data-testid="users-notice"
          withCloseButton
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      {users.data && <UsersTable users={users.data} onOpen={open} />}

      <Modal
        opened={dialog?.kind === "add"}
        onClose={close}
        title={t("users.addTitle")}
        size="lg"
        closeOnClickOutside={false}
      >
        <AddUserForm
          onCancel={close}
          onDone={(u) => done(t("users.added", { name: u.display_name, login: u.login }))}
        />
      </Modal>
      <Modal
        opened={dialog?.kind === "edit"}
        onClose={close}
        title={t("users.editTitle")}
        size="lg"
        closeOnClickOutside={false}
      >
        {dialog?.kind === "edit" && (
          <EditUserForm
            user={dialog.user}
            onCancel={close}
            onDone={(u) => done(t("users.updated", { name: u.display_name }))}
          />
        )}
      </Modal>
      <Modal
        opened={dialog?.kind === "reset"}
        onClose={close}
        title={t("users.resetTitle")}
        size="lg"
        closeOnClickOutside={false}
      >
        {dialog?.kind === "reset" && (
          <ResetPassphraseForm
            user={dialog.user}
            onCancel={close}
            onDone={() => done(t("users.reset", { name: dialog.user.display_name }))}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === "remove"} onClose={close} title={t("users.removeTitle")}>
        {dialog?.kind === "remove" && (
          <RemoveUser
            user={dialog.user}
            onCancel={close}
            onDone={() =>
              done(t("users.removed", { name: dialog.user.display_name, login: dialog.user.login }))
            }
          />
        )}
      </Modal>
    </Stack>
  );
}

function UsersTable({ users, onOpen }: { users: UserSummary[]; onOpen: (d: Dialog) => void }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder verticalSpacing="xs" data-testid="users-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("users.displayName")}</Table.Th>
          <Table.Th>{t("users.login")}</Table.Th>
          <Table.Th>{t("users.role")}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t("users.actions")}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((u) => (
          <Table.Tr key={u.user_id} data-testid={`user-row-${u.login}`}>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {u.display_name}
                </Text>
                {u.is_me && (
                  <Badge size="sm" variant="outline" color="teal" data-testid="user-me">
                    {t("users.me")}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {u.login}
              </Text>
            </Table.Td>
            <Table.Td>
              <RoleBadge role={u.role} testId="user-role" />
            </Table.Td>
            <Table.Td>
              {/* Your own passphrase is changed below with the current one; removing yourself
                  is refused by the core, so neither is offered on your own row. */}
              <Group gap={6} justify="flex-end" wrap="nowrap">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onOpen({ kind: "edit", user: u })}
                  data-testid={`user-edit-${u.login}`}
                >
                  {t("users.edit")}
                </Button>
                {!u.is_me && (
                  <>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onOpen({ kind: "reset", user: u })}
                      data-testid={`user-reset-${u.login}`}
                    >
                      {t("users.resetPassphrase")}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onOpen({ kind: "remove", user: u })}
                      data-testid={`user-remove-${u.login}`}
                    >
                      {t("users.remove")}
                    </Button>
                  </>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The three roles, each with what it may do, so the choice is made knowing it. */
function RolePicker({
  value,
  onChange,
  error,
}: {
  value: UserRole;
  onChange: (role: UserRole) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t("users.role")}
      value={value}
      onChange={(v) => onChange(v as UserRole)}
      error={error}
      data-testid="user-role-picker"
    >
      <Stack gap="xs" mt={6}>
        {ROLES.map((role) => (
          <Radio
            key={role}
            value={role}
            label={t(`session.role.${role}`)}
            description={t(`users.roleDescriptions.${role}`)}
            data-testid={`user-role-${role}`}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function FormButtons({
  onCancel,
  submit,
  disabled,
  loading,
  testId,
  color,
}: {
  onCancel: () => void;
  submit: string;
  disabled: boolean;
  loading: boolean;
  testId: string;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel} data-testid={`${testId}-cancel`}>
        {t("users.cancel")}
      </Button>
      <Button
        type="submit"
        color={color}
        disabled={disabled}
        loading={loading}
        data-testid={`${testId}-submit`}
      >
        {submit}
      </Button>
    </Group>
  );
}

function ErrorAlert({ error, testId }: { error: ApiError | null; testId: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" title={t(`errorKind.${error.kind}`)} data-testid={testId}>
      {error.message}
    </Alert>
  );
}

const NEW_USER_FIELDS = ["login", "display_name", "role", "passphrase", "confirmation"] as const;

function AddUserForm({
  onCancel,
  onDone,
}: {
  onCancel: () => void;
  onDone: (u: UserSummary) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<NewUserRequest>({
    mode: "controlled",
    // Least privilege until chosen otherwise.
    initialValues: {
      display_name: "",
      login: "",
      role: "viewer",
      passphrase: "",
      confirmation: "",
    },
  });
  const check = useNewPassphrase(form.values.passphrase, form.values.confirmation);
  const { mutation: add, elsewhere } = useFieldMutation(form, NEW_USER_FIELDS, addUser, onDone);
  const filled = form.values.display_name.trim() !== "" && form.values.login.trim() !== "";
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        if (filled && check.ready) add.mutate(values);
      })}
    >
      <Stack gap="sm">
        <TextInput
          label={t("users.displayName")}
          description={t("users.displayNameDescription")}
          data-autofocus
          data-testid="user-display-name"
          {...form.getInputProps("display_name")}
        />
        <TextInput
          label={t("users.login")}
          description={t("users.loginDescription")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          data-testid="user-login"
          {...form.getInputProps("login")}
        />
        <RolePicker
          value={form.values.role}
          onChange={(role) => form.setFieldValue("role", role)}
          error={form.errors.role}
        />
        <NewPassphraseFields
          check={check}
          passphrase={form.getInputProps("passphrase")}
          confirmation={form.getInputProps("confirmation")}
          label={t("users.initialPassphrase")}
          description={t("users.initialPassphraseDescription")}
          confirmationLabel={t("users.confirmation")}
          testId="user"
        />
        <ErrorAlert error={elsewhere} testId="user-add-error" />
        <FormButtons
          onCancel={onCancel}
          submit={t("users.add")}
          disabled={!filled || !check.ready}
          loading={add.isPending}
          testId="user-add"
        />
      </Stack>
    </form>
  );
}

const UPDATE_FIELDS = ["display_name", "role"] as const;

function EditUserForm({
  user,
  onCancel,
  onDone,
}: {
  user: UserSummary;
  onCancel: () => void;
  onDone: (u: UserSummary) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<UpdateUserRequest>({
    mode: "controlled",
    initialValues: { user_id: user.user_id, display_name: user.display_name, role: user.role },
  });
  const { mutation: save, elsewhere } = useFieldMutation(form, UPDATE_FIELDS, updateUser, onDone);
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("users.login")}:{" "}
          <Text span ff="monospace">
            {user.login}
          </Text>
        </Text>
        <TextInput
          label={t("users.displayName")}
          data-autofocus
          data-testid="user-edit-display-name"
          {...form.getInputProps("display_name")}
        />
        <RolePicker
          value={form.values.role}
          onChange={(role) => form.setFieldValue("role", role)}
          error={form.errors.role}
        />
        <ErrorAlert error={elsewhere} testId="user-edit-error" />
        <FormButtons
          onCancel={onCancel}
          submit={t("users.save")}
          disabled={form.values.display_name.trim() === ""}
          loading={save.isPending}
          testId="user-edit"
        />
      </Stack>
    </form>
  );
}

function ResetPassphraseForm({
  user,
  onCancel,
  onDone,
}: {
  user: UserSummary;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ mode: "controlled", initialValues: { passphrase: "", confirmation: "" } });
  const check = useNewPassphrase(form.values.passphrase, form.values.confirmation);
  const { mutation: reset, elsewhere } = useFieldMutation(
    form,
    ["passphrase", "confirmation"],
    (v: { passphrase: string; confirmation: string }) =>
      resetUserPassphrase({ user_id: user.user_id, ...v }),
    onDone,
  );
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        if (check.ready) reset.mutate(values);
      })}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t("users.resetIntro", { name: user.display_name, login: user.login })}
        </Text>
        <NewPassphraseFields
          check={check}
          passphrase={form.getInputProps("passphrase")}
          confirmation={form.getInputProps("confirmation")}
          label={t("users.newPassphrase")}
          confirmationLabel={t("users.confirmation")}
          testId="user-reset"
          autoFocus
        />
        <ErrorAlert error={elsewhere} testId="user-reset-error" />
        <FormButtons
          onCancel={onCancel}
          submit={t("users.resetPassphrase")}
          disabled={!check.ready}
          loading={reset.isPending}
          testId="user-reset"
        />
      </Stack>
    </form>
  );
}

function RemoveUser({
  user,
  onCancel,
  onDone,
}: {
  user: UserSummary;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const remove = useMutation({ mutationFn: () => removeUser(user.user_id), onSuccess: onDone });
  return (
    <Stack gap="md">
      <Text fw={500} data-testid="user-remove-confirm">
        {t("users.removeConfirm", { name: user.display_name, login: user.login })}
      </Text>
      <Text size="sm">{t("users.removeWarning")}</Text>
      <ErrorAlert error={remove.error} testId="user-remove-error" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} data-testid="user-remove-cancel">
          {t("users.cancel")}
        </Button>
        <Button
          color="red"
          onClick={() => remove.mutate()}
          loading={remove.isPending}
          data-testid="user-remove-submit"
        >
          {t("users.removeSubmit")}
        </Button>
      </Group>
    </Stack>
  );
}
