import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  addTeamMember,
  endTeamMember,
  type PlanDetail,
  type Role,
  type TeamMember,
} from "../../api";
import { normalizeDate } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { Section } from "../../cases/page/Section";
import { WriteAction } from "../../users/WriteAction";
import { errorsAt, PEOPLE_ROLES, ROLES } from "../model";
import { usePlanWrite } from "../usePlan";

type Props = {
  detail: PlanDetail;
  /** Opens the role's "find providers" panel below. */
  onFind: (role: Role) => void;
};

/**
 * The care team by role: who is in it now (a provider of the directory, or a person of the
 * hospital or the hub), the roles still open with a way to find a provider, and who has left.
 */
export function TeamSection({ detail, onFind }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const editable = detail.plan.status !== "cancelled";
  const current = detail.team.filter((m) => m.current);
  const past = detail.team.filter((m) => !m.current);
  const rows = ROLES.flatMap((role): { role: Role; member: TeamMember | null }[] => {
    const members = current.filter((m) => m.role === role);
    if (members.length > 0) return members.map((member) => ({ role, member }));
    return detail.open_roles.includes(role) ? [{ role, member: null }] : [];
  });

  return (
    <Section
      title={t("plan.team.title")}
      testId="plan-team"
      action={
        detail.plan.status === "active" &&
        !adding && (
          <WriteAction>
            <Button
              size="xs"
              variant="light"
              onClick={() => setAdding(true)}
              data-testid="team-add"
            >
              {t("plan.team.addPerson")}
            </Button>
          </WriteAction>
        )
      }
    >
      <Stack gap="xs">
        {adding && <AddPersonForm detail={detail} onDone={() => setAdding(false)} />}
        {current.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="team-empty">
            {t("plan.team.empty")}
          </Text>
        )}
        {rows.map(({ role, member }) =>
          member ? (
            <MemberRow key={member.id} member={member} detail={detail} editable={editable} />
          ) : (
            <Group
              key={role}
              gap="sm"
              wrap="nowrap"
              justify="space-between"
              data-testid={`team-open-${role}`}
            >
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" fw={700} w={110}>
                  {t(`plan.role.${role}`)}
                </Text>
                <Text size="sm" c="orange.8">
                  {t("plan.team.undecided")}
                </Text>
              </Group>
              {detail.plan.status === "active" && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => onFind(role)}
                  data-testid={`team-find-${role}`}
                >
                  {t("plan.team.find")}
                </Button>
              )}
            </Group>
          ),
        )}
        {past.length > 0 && (
          <Stack gap={2} mt="xs">
            <Text size="xs" fw={700} c="dimmed">
              {t("plan.team.past")}
            </Text>
            {past.map((member) => (
              <Text key={member.id} size="xs" c="dimmed" data-testid="team-past">
                {t(`plan.role.${member.role}`)} {member.name}（
                {t("plan.team.period", { from: member.start_date, to: member.end_date ?? "" })}）
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Section>
  );
}

function MemberRow({
  member,
  detail,
  editable,
}: {
  member: TeamMember;
  detail: PlanDetail;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);
  const starts = member.start_date > detail.today;
  return (
    <Stack gap={4} data-testid="team-member" data-role={member.role}>
      <Group gap="sm" wrap="nowrap" align="flex-start" justify="space-between">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={700} w={110} style={{ flexShrink: 0 }}>
            {t(`plan.role.${member.role}`)}
          </Text>
          <Stack gap={0}>
            {member.provider_id ? (
              <Anchor
                component={Link}
                to={`/providers/${member.provider_id}`}
                size="sm"
                data-testid="team-member-name"
              >
                {member.name}
              </Anchor>
            ) : (
              <Text size="sm" data-testid="team-member-name">
                {member.name}
                {member.organisation && (
                  <Text span size="xs" c="dimmed">
                    {" "}
                    （{member.organisation}）
                  </Text>
                )}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {starts
                ? t("plan.team.startsOn", { date: member.start_date })
                : t("plan.team.since", { date: member.start_date })}
              {member.contact && (
                <>
                  {" · "}
                  <span style={{ whiteSpace: "nowrap" }}>{member.contact}</span>
                </>
              )}
              {member.referral_id && ` · ${t("plan.team.viaReferral")}`}
            </Text>
          </Stack>
        </Group>
        {editable && !ending && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => setEnding(true)}
            aria-label={t("plan.team.endOf", { name: member.name })}
            data-testid="team-member-end"
            style={{ flexShrink: 0 }}
          >
            {t("plan.team.end")}
          </Button>
        )}
      </Group>
      {ending && <EndMemberForm member={member} detail={detail} onDone={() => setEnding(false)} />}
    </Stack>
  );
}

function EndMemberForm({
  member,
  detail,
  onDone,
}: {
  member: TeamMember;
  detail: PlanDetail;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(detail.today);
  const end = usePlanWrite(detail.plan.child_id, endTeamMember);
  const { at, elsewhere } = errorsAt(end.error, ["end_date"]);
  return (
    <form
      noValidate
      onKeyDown={(event: KeyboardEvent<HTMLFormElement>) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onDone();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        end.mutate(
          { member_id: member.id, row_version: member.row_version, end_date: normalizeDate(date) },
          { onSuccess: onDone },
        );
      }}
      aria-label={t("plan.team.endOf", { name: member.name })}
    >
      <Group gap="sm" align="flex-start" pl={118}>
        <DateField
          w={160}
          size="xs"
          label={t("plan.team.endDate")}
          value={date}
          onChange={setDate}
          error={at("end_date")}
          autoFocus
          data-testid="team-end-date"
        />
        <Group gap="xs" mt={22}>
          <Button
            size="xs"
            color="red"
            type="submit"
            loading={end.isPending}
            data-testid="team-end-save"
          >
            {t("plan.team.endConfirm")}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t("plan.cancel")}
          </Button>
        </Group>
      </Group>
      {elsewhere && end.error && (
        <Text size="xs" c="red.8" pl={118} role="alert">
          {end.error.message}
        </Text>
      )}
    </form>
  );
}

/** A person of the hospital or the hub joins the team by name (MSW, 看護師, コーディネーター…). */
function AddPersonForm({ detail, onDone }: { detail: PlanDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>("msw");
  const [name, setName] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [contact, setContact] = useState("");
  const [start, setStart] = useState(detail.today);
  const add = usePlanWrite(detail.plan.child_id, addTeamMember);
  const fields = ["role", "person_name", "organisation", "contact", "start_date"];
  const { at, elsewhere } = errorsAt(add.error, fields);
  const roles = [...PEOPLE_ROLES, ...ROLES.filter((r) => !PEOPLE_ROLES.includes(r))];

  return (
    <form
      noValidate
      onKeyDown={(event: KeyboardEvent<HTMLFormElement>) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onDone();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(
          {
            plan_id: detail.plan.id,
            role,
            provider_id: null,
            person_name: name.trim(),
            organisation: organisation.trim(),
            contact: contact.trim(),
            start_date: normalizeDate(start),
            note: "",
          },
          { onSuccess: onDone },
        );
      }}
      aria-label={t("plan.team.addPerson")}
      data-testid="team-add-form"
    >
      <Stack gap="xs" p="sm" bg="gray.0" style={{ borderRadius: 4 }}>
        <Text size="xs" c="dimmed">
          {t("plan.team.addPersonHint")}
        </Text>
        <Group gap="sm" align="flex-start">
          <NativeSelect
            w={150}
            label={t("plan.team.role")}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            data={roles.map((r) => ({ value: r, label: t(`plan.role.${r}`) }))}
            error={at("role")}
            autoFocus
            data-testid="team-add-role"
          />
          <TextInput
            style={{ flex: 1, minWidth: 140 }}
            label={t("plan.team.personName")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={at("person_name")}
            required
            data-testid="team-add-name"
          />
        </Group>
        <Group gap="sm" align="flex-start">
          <TextInput
            style={{ flex: 1, minWidth: 140 }}
            label={t("plan.team.organisation")}
            placeholder={t("plan.team.organisationPlaceholder")}
            value={organisation}
            onChange={(event) => setOrganisation(event.currentTarget.value)}
            error={at("organisation")}
          />
          <TextInput
            style={{ flex: 1, minWidth: 140 }}
            label={t("plan.team.contact")}
            placeholder={t("plan.team.contactPlaceholder")}
            value={contact}
            onChange={(event) => setContact(event.currentTarget.value)}
            error={at("contact")}
          />
          <DateField
            w={150}
            label={t("plan.team.startDate")}
            value={start}
            onChange={setStart}
            error={at("start_date")}
          />
        </Group>
        {elsewhere && add.error && (
          <Alert color="red" title={t("plan.actionError")}>
            {add.error.message}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={add.isPending} data-testid="team-add-save">
            {t("plan.team.addSave")}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t("plan.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
