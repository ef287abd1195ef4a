import { Alert, Badge, Button, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiError, type ConsentScope, type DocumentKind, exportDocument } from "../../api";
import { useChild } from "../../cases/useChild";

/** Who a paper is for: inside the office, or one of the scopes the family's consent names. */
export const RECIPIENTS: readonly ("internal" | ConsentScope)[] = [
  "internal",
  "care_team",
  "hospitals",
  "municipality",
  "schools",
  "fire_department",
  "power_company",
];
type Recipient = (typeof RECIPIENTS)[number];

type Props = {
  kind: DocumentKind | null;
  childId: string;
  onClose: () => void;
  onSaved: (path: string) => void;
};

/**
 * Makes one PDF of a child: asks who it is for, then the native save dialog. When the family's
 * consent does not cover that recipient the core refuses (field `recipient`); the refusal is
 * shown with a button that makes it anyway once the person confirms. A cancelled dialog changes
 * nothing and leaves the modal open.
 */
export function DocumentModal({ kind, childId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind ? t("disaster.document.title", { kind: t(`disaster.document.${kind}`) }) : ""}
      size="md"
      closeButtonProps={{ "aria-label": t("disaster.document.cancel") }}
    >
      {kind && (
        <DocumentForm
          key={kind}
          kind={kind}
          childId={childId}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function DocumentForm({ kind, childId, onClose, onSaved }: Props & { kind: DocumentKind }) {
  const { t } = useTranslation();
  const child = useChild(childId);
  const consent = child.data?.child.consent;
  const [recipient, setRecipient] = useState<Recipient>("internal");
  const [gap, setGap] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const make = useMutation({
    mutationFn: (acknowledgeConsentGap: boolean) =>
      exportDocument({
        kind,
        child_id: childId,
        recipient: recipient === "internal" ? null : recipient,
        acknowledge_consent_gap: acknowledgeConsentGap,
      }),
    onMutate: () => setError(null),
    onSuccess: (answer) => {
      setGap(null);
      if (answer) onSaved(answer.path);
    },
    onError: (refusal: ApiError) => {
      if (refusal.kind === "validation" && refusal.field === "recipient") setGap(refusal);
      else setError(refusal);
    },
  });

  const covered = (scope: ConsentScope) =>
    Boolean(consent?.given_on) && (consent?.scope.includes(scope) ?? false);

  return (
    <form
      data-testid="document-modal"
      onSubmit={(event) => {
        event.preventDefault();
        setGap(null);
        make.mutate(false);
      }}
    >
      <Stack gap="md">
        <Radio.Group
          label={t("disaster.document.recipient")}
          description={t("disaster.document.recipientHint")}
          value={recipient}
          onChange={(value) => {
            setRecipient(value as Recipient);
            setGap(null);
            setError(null);
          }}
        >
          <Stack gap={8} mt={8}>
            {RECIPIENTS.map((value) => (
              <Radio
                key={value}
                value={value}
                data-testid={`document-recipient-${value}`}
                label={
                  value === "internal" ? (
                    t("disaster.document.internal")
                  ) : (
                    <Group gap={8} component="span">
                      {t(`disaster.scope.${value}`)}
                      {consent && (
                        <Badge
                          size="xs"
                          variant="light"
                          color={covered(value) ? "teal" : "gray"}
                          component="span"
                        >
                          {covered(value)
                            ? t("disaster.document.consented")
                            : t("disaster.document.notConsented")}
                        </Badge>
                      )}
                    </Group>
                  )
                }
              />
            ))}
          </Stack>
        </Radio.Group>
        {gap && (
          <Alert
            color="yellow"
            title={t("disaster.document.consentTitle")}
            data-testid="document-consent-gap"
          >
            <Stack gap="xs">
              <Text size="sm">{gap.message}</Text>
              <Text size="xs" c="dimmed">
                {t("disaster.document.consentHint")}
              </Text>
              <Group>
                <Button
                  color="yellow"
                  variant="filled"
                  loading={make.isPending}
                  onClick={() => make.mutate(true)}
                  data-testid="document-acknowledge"
                >
                  {t("disaster.document.consentConfirm")}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {error && (
          <Alert color="red" title={t("disaster.document.errorTitle")} data-testid="document-error">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("disaster.document.cancel")}
          </Button>
          <Button
            type="submit"
            loading={make.isPending && !gap}
            disabled={gap !== null}
            data-testid="document-create"
          >
            {t("disaster.document.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
